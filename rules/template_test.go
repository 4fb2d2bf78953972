package rules_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const tmplDump = streamHeader + `CREATE TABLE public.people (id integer NOT NULL, login character varying(30), email text, first_name text, last_name text, deleted_at date, note text);

COPY public.people (id, login, email, first_name, last_name, deleted_at, note) FROM stdin;
1	jdoe	john@real.test	John	Doe	\N	a\tb
2	\N	mary@real.test	Mary	Smith	2024-01-01	\N
3	x	\N	\N	O'Brien Jr	\N	\N
\.
` + streamTrailer

// runTemplates rewrites tmplDump under the rules and returns its rows.
func runTemplates(t *testing.T, columns string, workers int) [][]string {
	t.Helper()
	rs := mustParse(t, "version: 1\ntables:\n  people:\n    columns:\n      id: keep\n      deleted_at: keep\n"+columns)
	var out bytes.Buffer
	if _, err := dumpstream.Rewrite(&out, strings.NewReader(tmplDump), rules.NewPlan(rs, fakers.NewKey([]byte("tmpl"))), dumpstream.Options{Workers: workers}); err != nil {
		t.Fatal(err)
	}
	return rowsOf(t, out.String())
}

// TestTemplateSeesTransformed: a template sees the names after their own
// rules (fake names), in dependency order whatever the column order: email
// names login, which names the names to its right.
func TestTemplateSeesTransformed(t *testing.T) {
	for _, workers := range []int{1, 3} {
		rows := runTemplates(t, `      email: {template: "{{.login}}@example.com"}
      login: {template: "{{.first_name | lower}}.{{lower .last_name | slug}}"}
      first_name: first_name
      last_name: last_name
      note: {template: "#{{.id}} {{trunc 3 .first_name | upper}} {{.deleted_at}}", null: render}
`, workers)
		for i, r := range rows {
			first, last := r[3], r[4]
			if i < 2 && (first == "John" || first == "Mary" || first == `\N`) {
				t.Fatalf("row %d: first_name %q not rewritten", i+1, first)
			}
			slug := strings.Trim(strings.Map(func(r rune) rune {
				if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
					return r
				}
				if 'A' <= r && r <= 'Z' {
					return r + 'a' - 'A'
				}
				return '-'
			}, last), "-")
			for strings.Contains(slug, "--") {
				slug = strings.ReplaceAll(slug, "--", "-")
			}
			wantLogin := strings.ToLower(first) + "." + slug
			if first == `\N` {
				wantLogin = "." + slug
			}
			if i == 1 { // login was NULL: stays NULL, and so the email renders it as ""
				wantLogin = `\N`
			}
			if r[1] != wantLogin {
				t.Errorf("workers %d row %d: login %q, want %q (names %q %q)", workers, i+1, r[1], wantLogin, first, last)
			}
			wantEmail := strings.TrimPrefix(wantLogin, `\N`) + "@example.com"
			if i == 2 { // email was NULL: stays NULL
				wantEmail = `\N`
			}
			if r[2] != wantEmail {
				t.Errorf("workers %d row %d: email %q, want %q", workers, i+1, r[2], wantEmail)
			}
			f3 := []rune(strings.ToUpper(strings.TrimPrefix(first, `\N`)))
			f3 = f3[:min(3, len(f3))]
			wantNote := "#" + r[0] + " " + string(f3) + " "
			if i == 1 {
				wantNote += "2024-01-01"
			}
			if r[6] != wantNote {
				t.Errorf("workers %d row %d: note %q, want %q", workers, i+1, r[6], wantNote)
			}
		}
	}
}

// TestTemplateGolden pins a template's output under a fixed key: the hash
// function and a case that erases soft-deleted rows.
func TestTemplateGolden(t *testing.T) {
	rows := runTemplates(t, `      login: {template: "u-{{hash .email}}"}
      email:
        - {when: "deleted_at IS NOT NULL", template: "erased-{{.id}}@example.invalid"}
        - {transform: email, domain: user_email}
      first_name: keep
      last_name: keep
      note: keep
`, 1)
	var got []string
	for _, r := range rows {
		got = append(got, r[1]+" "+r[2])
	}
	// The login hashes the email after its rule; a NULL login stays NULL;
	// a NULL email renders as "".
	want := []string{"u-43fa023335c1 dorcas.rodriguez@example.net", `\N erased-2@example.invalid`, `u-bc6ac97d0afd \N`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	if rows[0][2] == "john@real.test" || !strings.Contains(rows[0][2], "@example.") {
		t.Errorf("email of an active row %q", rows[0][2])
	}
}

func planErrors(t *testing.T, columns string) string {
	t.Helper()
	rs := mustParse(t, "version: 1\ntables:\n  people:\n    columns:\n      id: keep\n      deleted_at: keep\n      note: keep\n"+columns)
	_, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(tmplDump), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{})
	var list rules.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Rewrite error = %v, want rules errors", err)
	}
	return err.Error()
}

// TestTemplateErrors: a cycle names its columns; an unknown column, a
// literal template that is not a date and literal text too long for
// varchar(n) are refused before any row; an output too long stops the
// run naming the column.
func TestTemplateErrors(t *testing.T) {
	msg := planErrors(t, `      first_name: keep
      login: {template: "{{.email}}"}
      email: {template: "{{.last_name}}"}
      last_name: {template: "{{.login}}x"}
`)
	if !strings.Contains(msg, "cycle: login → email → last_name → login") {
		t.Errorf("cycle: %s", msg)
	}
	msg = planErrors(t, `      first_name: keep
      last_name: keep
      email: keep
      login: {template: "{{.nosuch}}-this-literal-text-is-too-long-for-30"}
`)
	if !strings.Contains(msg, `no column "nosuch"`) {
		t.Errorf("unknown column: %s", msg)
	}
	msg = planErrors(t, `      first_name: keep
      last_name: keep
      email: keep
      login: {template: "{{.id}}-this-literal-text-is-too-long-for-30"}
`)
	if !strings.Contains(msg, "literal text alone is 37 characters, longer than login (character varying(30))") {
		t.Errorf("too long: %s", msg)
	}
	rs0 := mustParse(t, "version: 1\ntables:\n  people:\n    columns:\n      id: keep\n      deleted_at: {template: x}\n      note: keep\n      first_name: keep\n      last_name: keep\n      email: keep\n      login: keep\n")
	_, err0 := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(tmplDump), rules.NewPlan(rs0, fakers.NewKey([]byte("k"))), dumpstream.Options{})
	msg = fmt.Sprint(err0)
	if !strings.Contains(msg, "deleted_at: the template is literal text only, and the value is not a valid date") {
		t.Errorf("non-text: %s", msg)
	}
	rs := mustParse(t, "version: 1\ntables:\n  people:\n    columns:\n      id: keep\n      deleted_at: keep\n      note: keep\n      first_name: keep\n      last_name: keep\n      email: keep\n      login: {template: \"{{.email}}{{.email}}{{.email}}\"}\n")
	_, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(tmplDump), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{})
	if err == nil || !strings.Contains(err.Error(), "login") || !strings.Contains(err.Error(), "longer than the column's 30 characters") || strings.Contains(err.Error(), "real.test") {
		t.Errorf("run error = %v", err)
	}
}

// TestTemplateParseErrors: syntax errors and unsupported actions are
// rules errors at the template's position.
func TestTemplateParseErrors(t *testing.T) {
	for src, want := range map[string]string{
		`{template: "{{.a"}`:                     "template:",
		`{template: "{{if .a}}x{{end}}"}`:        "not supported",
		`{template: "{{.a}}", transform: email}`: "takes no option",
		`{template: "{{.a}}", null: maybe}`:      "null must be keep",
		`{template: "{{$x := .a}}"}`:             "variables",
		`{transform: email, null: render}`:       "null: is an option of template:",
		`{template: "{{nosuch .a}}"}`:            "function \"nosuch\" not defined",
		`{template: "{{trunc .a}}"}`:             "trunc needs a whole number",
	} {
		_, err := rules.Parse([]byte("version: 1\ntables:\n  people:\n    columns:\n      login: "+src+"\n"), "r.yaml")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "r.yaml:5:") {
			t.Errorf("%s: error %v, want %q at line 5", src, err, want)
		}
	}
}

// TestTemplateUniqueKey: check accepts a template on a unique column when
// it ends in the hash of a kept single-column key, or is such a key in
// literal text; other templates are reported.
func TestTemplateUniqueKey(t *testing.T) {
	for _, tc := range []struct {
		id, email string
		want      bool // a problem
	}{
		{"keep", `{template: "{{.role | lower}}.{{hash .id}}@example.com"}`, false},
		{"keep", "\n        - {when: \"role = 'x'\", template: \"erased-{{.id}}@example.invalid\"}\n        - {template: \"{{.role}}.{{hash .id}}@example.com\"}", false},
		{"keep", `{template: "{{hash .role}}@example.com"}`, true},
		{"keep", `{template: "{{.role}}{{.id}}"}`, true},
		{"{transform: hash, length: 8}", `{template: "{{hash .id}}@example.com"}`, true},
	} {
		c := rules.NewChecker(mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      id: "+tc.id+"\n      role: keep\n      deleted_at: keep\n      email: "+tc.email+"\n"))
		tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true, Line: 9,
			Columns: []dumpstream.Column{col("id", "int4"), col("role", "text"), col("deleted_at", "timestamptz"), col("email", "text")}}
		if err := c.Table(tbl); err != nil {
			t.Fatal(err)
		}
		c.EndTable(tbl, 6)
		c.Constraint(dumpstream.Constraint{Kind: dumpstream.PrimaryKey, Table: [2]string{"public", "users"}, Columns: []string{"id"}, Line: 20})
		c.Constraint(dumpstream.Constraint{Kind: dumpstream.Unique, Table: [2]string{"public", "users"}, Columns: []string{"email"}, Line: 21})
		problems, _ := c.Problems()
		var emailProblems int
		for _, p := range problems {
			if p.Kind == "unique" && p.Column == "email" {
				emailProblems++
			}
		}
		if got := emailProblems > 0; got != tc.want {
			t.Errorf("id %s, email %s: problems %v", tc.id, tc.email, problems)
		}
	}
}
