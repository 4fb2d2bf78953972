package rules_test

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/rules"
)

var update = flag.Bool("update", false, "rewrite the testdata/bad/*.err golden files")

// summary renders rules as one line per table and per column rule, so a
// test can compare them as a list of strings.
func summary(rs *rules.Rules) []string {
	var out []string
	for _, t := range rs.Tables {
		out = append(out, fmt.Sprintf("table %q.%q truncate=%v at %d:%d", t.Schema, t.Name, t.Truncate, t.Pos.Line, t.Pos.Col))
		for _, c := range t.Columns {
			s := fmt.Sprintf("  column %q %s", c.Column, c.Transform)
			if c.Domain != "" {
				s += " domain=" + c.Domain
			}
			if c.Unique {
				s += " unique"
			}
			if c.Value != "" {
				s += fmt.Sprintf(" value=%q", c.Value)
			}
			if c.Length != 0 {
				s += fmt.Sprintf(" length=%d", c.Length)
			}
			if c.Keep != 0 {
				s += fmt.Sprintf(" keep=%d", c.Keep)
			}
			if c.Char != "" {
				s += fmt.Sprintf(" char=%q", c.Char)
			}
			out = append(out, s)
		}
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "version only",
			yaml: "version: 1\n",
			want: nil,
		},
		{
			name: "null tables",
			yaml: "version: 1\ntables:\n",
			want: nil,
		},
		{
			name: "short and long form",
			yaml: `version: 1
tables:
  public.users:
    columns:
      email: email
      first_name: {transform: first_name}
      password_hash: {transform: const, value: "x"}
      token: {transform: hash, length: 12}
      card: {transform: mask, keep: 4, char: "#"}
      nickname: {transform: username, unique: true, domain: handles}
  public.sessions:
    truncate: true
`,
			want: []string{
				`table "public"."users" truncate=false at 3:3`,
				`  column "email" email domain=email`,
				`  column "first_name" first_name domain=first_name`,
				`  column "password_hash" const value="x"`,
				`  column "token" hash domain=hash length=12`,
				`  column "card" mask keep=4 char="#"`,
				`  column "nickname" username domain=handles unique`,
				`table "public"."sessions" truncate=true at 11:3`,
			},
		},
		{
			name: "bare table name means public",
			yaml: "version: 1\ntables:\n  users:\n    columns:\n      email: email\n",
			want: []string{
				`table "public"."users" truncate=false at 3:3`,
				`  column "email" email domain=email`,
			},
		},
		{
			name: "other schema",
			yaml: "version: 1\ntables:\n  billing.invoices:\n    truncate: true\n",
			want: []string{`table "billing"."invoices" truncate=true at 3:3`},
		},
		{
			name: "quoted table key",
			yaml: `version: 1
tables:
  '"My Schema"."Mixed Case"':
    truncate: true
  '"my.schema"."a""b"':
    truncate: true
  '"Users"':
    truncate: true
`,
			want: []string{
				`table "My Schema"."Mixed Case" truncate=true at 3:3`,
				`table "my.schema"."a\"b" truncate=true at 5:3`,
				`table "public"."Users" truncate=true at 7:3`,
			},
		},
		{
			// In YAML, "Full Name" is just the string Full Name; the
			// identifier quotes '"…"' are accepted too.
			name: "column key spellings",
			yaml: `version: 1
tables:
  a:
    columns:
      Full Name: full_name
  b:
    columns:
      "Full Name": full_name
  c:
    columns:
      '"Full Name"': full_name
      '"Say ""hi"""': lorem
`,
			want: []string{
				`table "public"."a" truncate=false at 3:3`,
				`  column "Full Name" full_name domain=full_name`,
				`table "public"."b" truncate=false at 6:3`,
				`  column "Full Name" full_name domain=full_name`,
				`table "public"."c" truncate=false at 9:3`,
				`  column "Full Name" full_name domain=full_name`,
				`  column "Say \"hi\"" lorem domain=lorem`,
			},
		},
		{
			name: "non-keyed transformers have no domain",
			yaml: `version: 1
tables:
  users:
    columns:
      a: set_null
      b: {transform: const, value: ""}
      c: mask
`,
			want: []string{
				`table "public"."users" truncate=false at 3:3`,
				`  column "a" set_null`,
				`  column "b" const`,
				`  column "c" mask`,
			},
		},
		{
			name: "booleans",
			yaml: "version: 1\ntables:\n  s:\n    truncate: yes\n  u:\n    columns:\n      e: {transform: email, unique: True}\n",
			want: []string{
				`table "public"."s" truncate=true at 3:3`,
				`table "public"."u" truncate=false at 5:3`,
				`  column "e" email domain=email unique`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := rules.Parse([]byte(tt.yaml), "anon.yaml")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if rs.File != "anon.yaml" {
				t.Errorf("File = %q, want %q", rs.File, "anon.yaml")
			}
			if got := summary(rs); !slices.Equal(got, tt.want) {
				t.Errorf("Parse =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestLoad(t *testing.T) {
	rs, err := rules.Load(strings.NewReader("version: 1\ntables:\n  users:\n    truncate: true\n"), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.Tables) != 1 || rs.Tables[0].Name != "users" || rs.Tables[0].Pos.File != "x.yaml" {
		t.Errorf("Load = %v", summary(rs))
	}
}

// TestParseBad checks the exact messages for bad rules files:
// testdata/bad/<case>.yaml gives testdata/bad/<case>.err. Rewrite them
// with go test ./rules -run Bad -update.
func TestParseBad(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/bad/*.yaml")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".yaml")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			display := "testdata/bad/" + name + ".yaml"
			rs, err := rules.Parse(data, display)
			if err == nil {
				t.Fatalf("Parse(%s) = %v, want an error", display, summary(rs))
			}
			if rs != nil {
				t.Errorf("Parse(%s) returned rules with its error", display)
			}
			got := err.Error() + "\n"
			golden := strings.TrimSuffix(file, ".yaml") + ".err"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, rerr := os.ReadFile(golden)
			if rerr != nil {
				t.Fatalf("%v (run go test ./rules -run Bad -update)", rerr)
			}
			if got != string(want) {
				t.Errorf("Parse(%s) error:\n%s\nwant (%s):\n%s", display, got, golden, want)
			}
			checkErrorList(t, err, display)
		})
	}
}

// checkErrorList checks the shape of a Parse error: an ErrorList, sorted
// by position, each entry in the named file.
func checkErrorList(t *testing.T, err error, file string) {
	t.Helper()
	var list rules.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error is %T, want rules.ErrorList", err)
	}
	var e *rules.Error
	if !errors.As(err, &e) {
		t.Errorf("errors.As(err, *rules.Error) = false")
	}
	for i, e := range list {
		if e.Pos.File != file {
			t.Errorf("error %d: file %q, want %q", i, e.Pos.File, file)
		}
		if !strings.HasPrefix(e.Error(), file+":") {
			t.Errorf("error %d: %q does not start with %q", i, e.Error(), file+":")
		}
		if i > 0 {
			p, q := list[i-1].Pos, e.Pos
			if p.Line > q.Line || p.Line == q.Line && p.Col > q.Col {
				t.Errorf("errors %d and %d are out of order: %v, %v", i-1, i, p, q)
			}
		}
	}
	if len(list) != strings.Count(err.Error(), "\n")+1 {
		t.Errorf("ErrorList of %d prints %d lines", len(list), strings.Count(err.Error(), "\n")+1)
	}
}

// TestParseMultipleErrors checks that one run reports every problem.
func TestParseMultipleErrors(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "bad", "multiple_errors.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = rules.Parse(data, "m.yaml")
	var list rules.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Parse error = %v, want an ErrorList", err)
	}
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Pos.Line)
	}
	if want := []int{1, 5, 6, 7, 10, 11}; !slices.Equal(lines, want) {
		t.Errorf("error lines = %v, want %v:\n%v", lines, want, err)
	}
}

func TestDomainUnique(t *testing.T) {
	const src = `version: 1
tables:
  users:
    columns:
      email: {transform: email, unique: true}
  orders:
    columns:
      customer_email: email
  audit:
    columns:
      actor: {transform: email, domain: actors}
`
	rs, err := rules.Parse([]byte(src), "anon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]*rules.ColumnRule{}
	for _, tr := range rs.Tables {
		for _, c := range tr.Columns {
			got[tr.Name+"."+c.Column] = c
		}
	}
	for _, k := range []string{"users.email", "orders.customer_email"} {
		c := got[k]
		if c.Domain != "email" || !c.Unique {
			t.Errorf("%s: domain %q, unique %v; want email, true (unique is a property of the domain)", k, c.Domain, c.Unique)
		}
	}
	if c := got["audit.actor"]; c.Domain != "actors" || c.Unique {
		t.Errorf("audit.actor: domain %q, unique %v; want actors, false", c.Domain, c.Unique)
	}
}

// TestErrorFormat checks Pos and Error's text.
func TestErrorFormat(t *testing.T) {
	tests := []struct {
		err  *rules.Error
		want string
	}{
		{&rules.Error{Pos: rules.Pos{File: "a.yaml", Line: 3, Col: 5}, Path: "public.users.email", Msg: "bad"}, "a.yaml:3:5: public.users.email: bad"},
		{&rules.Error{Pos: rules.Pos{File: "a.yaml", Line: 3, Col: 5}, Msg: "bad"}, "a.yaml:3:5: bad"},
		{&rules.Error{Pos: rules.Pos{File: "a.yaml"}, Msg: "empty"}, "a.yaml: empty"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"version: 1\n",
		"version: 1\ntables:\n  users:\n    columns:\n      email: email\n      name: {transform: full_name, unique: true, domain: n}\n",
		"version: 1\ntables:\n  '\"A\".\"b\"\"c\"':\n    truncate: true\n",
		"version: 1\ntables:\n  t:\n    columns:\n      '\"x\"': {transform: mask, keep: 2, char: '-'}\n",
		"---\n",
		"# only a comment\n",
		"version: 1\n---\nversion: 1\n",
		"&a [*a]",
		// Valid rules that the invariants once refused.
		"version: 1\ntables:\n  events:\n    keep: true\n",
		"version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      email: email\n",
		"version: 1\ntables:\n  users:\n    keep: true\n    where: \"id > 1\"\n",
		"version: 1\nuntyped: allow\ndatabases:\n  crm:\n    tables:\n      users: {truncate: true}\ntables:\n  users: {keep: true}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rs, err := rules.Parse(data, "f.yaml")
		if err != nil {
			if rs != nil {
				t.Fatalf("Parse returned rules and an error: %v", err)
			}
			var list rules.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse error is %T (%v), want a non-empty ErrorList", err, err)
			}
			for _, e := range list {
				if e.Pos.File != "f.yaml" {
					t.Fatalf("error %q has file %q", e, e.Pos.File)
				}
			}
			// Deterministic: the same input gives the same message.
			if _, err2 := rules.Parse(data, "f.yaml"); err2 == nil || err2.Error() != err.Error() {
				t.Fatalf("second Parse: %v, first: %v", err2, err)
			}
			return
		}
		if rs == nil {
			t.Fatal("Parse returned neither rules nor an error")
		}
		for _, tr := range rs.Tables {
			if tr.Schema == "" || tr.Name == "" {
				t.Fatalf("table %q: empty schema or name", tr.Key)
			}
			if rs.RuleFor(&dumpstream.Table{Database: tr.Database, Schema: tr.Schema, Name: tr.Name}) != tr {
				t.Fatalf("table %q: RuleFor does not find its own rule", tr.Key)
			}
			// A rule does one thing: drop the rows, keep the table (maybe
			// filtered), or rule columns (maybe filtered).
			switch {
			case tr.Truncate && (tr.Keep || tr.Where != "" || len(tr.Columns) > 0):
				t.Fatalf("table %q: truncate with keep %v, where %q, %d column rules", tr.Key, tr.Keep, tr.Where, len(tr.Columns))
			case tr.Keep && len(tr.Columns) > 0:
				t.Fatalf("table %q: keep: true with %d column rules", tr.Key, len(tr.Columns))
			case !tr.Truncate && !tr.Keep && tr.Where == "" && len(tr.Columns) == 0:
				t.Fatalf("table %q: a rule that does nothing", tr.Key)
			}
			for _, c := range tr.Columns {
				if c.Kept {
					if c.Def != nil || c.Transform != "keep" || c.Domain != "" || c.Unique {
						t.Fatalf("%s.%s: kept column with transformer %q, domain %q", tr.Key, c.Column, c.Transform, c.Domain)
					}
					continue
				}
				if c.Def == nil || c.Def.Name != c.Transform {
					t.Fatalf("%s.%s: transformer %q not resolved", tr.Key, c.Column, c.Transform)
				}
				if c.Unique && !c.Def.Unique {
					t.Fatalf("%s.%s: unique with %s", tr.Key, c.Column, c.Transform)
				}
				if c.Def.Keyed != (c.Domain != "") {
					t.Fatalf("%s.%s: keyed %v but domain %q", tr.Key, c.Column, c.Def.Keyed, c.Domain)
				}
			}
		}
		if rs.Untyped != "" && rs.Untyped != "allow" && rs.Untyped != "refuse" {
			t.Fatalf("untyped %q accepted", rs.Untyped)
		}
	})
}

// TestParseDuplicateColumn: a column key and its double-quoted spelling
// name the same column, so two rules for it must be refused like a
// repeated key.
func TestParseDuplicateColumn(t *testing.T) {
	const src = "version: 1\ntables:\n  users:\n    columns:\n      email: email\n      '\"email\"': {transform: const, value: x}\n"
	_, err := rules.Parse([]byte(src), "anon.yaml")
	if err == nil || !strings.HasPrefix(err.Error(), "anon.yaml:6:7: ") {
		t.Errorf("Parse error = %v, want one at anon.yaml:6:7", err)
	}
}

// TestParseNoFollowOnErrors: a rejected column rule or option is reported
// once, without a second, misleading message about the same rule.
func TestParseNoFollowOnErrors(t *testing.T) {
	for _, src := range []string{
		"version: 1\ntables:\n  users:\n    columns:\n      email: emial\n",
		"version: 1\ntables:\n  users:\n    colums:\n      email: email\n",
		"version: 1\ntables:\n  users:\n    truncate: maybe\n",
		"version: 1\ntables:\n  users:\n    columns:\n      bio: {transform: [lorem]}\n",
	} {
		_, err := rules.Parse([]byte(src), "anon.yaml")
		var list rules.ErrorList
		if !errors.As(err, &list) || len(list) != 1 {
			t.Errorf("Parse(%q) = %v, want exactly one error", src, err)
		}
	}
}
