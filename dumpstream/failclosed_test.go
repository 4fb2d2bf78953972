package dumpstream

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

const dumpHeader = "--\n-- PostgreSQL database dump\n--\n\n"
const dumpTrailer = "\n--\n-- PostgreSQL database dump complete\n--\n\n"

// run rewrites in through tr without AnySQL, as for real pg_dump output.
func run(t *testing.T, in string, tr Transformer, opt Options) (string, error) {
	t.Helper()
	var out bytes.Buffer
	if opt.Name == "" {
		opt.Name = "test.sql"
	}
	_, err := Rewrite(&out, strings.NewReader(in), tr, opt)
	return out.String(), err
}

// Bug 2: the trailer is required whenever a pg_dump header appeared, also
// after a BOM or after other lines; the BOM passes through.
func TestTruncationAfterBOMOrLaterHeader(t *testing.T) {
	body := "SET standard_conforming_strings = on;\nCOPY public.t (v) FROM stdin;\nx\n\\.\n"
	bom := "\xef\xbb\xbf"
	for _, tc := range []struct {
		name, in  string
		opt       Options
		truncated bool
	}{
		{"BOM, complete", bom + dumpHeader + body + dumpTrailer, Options{}, false},
		{"BOM, truncated", bom + dumpHeader + body, Options{}, true},
		{"cluster header after a BOM, truncated", bom + "--\n-- PostgreSQL database cluster dump\n--\n\n" + body, Options{}, true},
		{"header after other SQL, truncated", "SET x = 1;\n" + dumpHeader + body, Options{AnySQL: true}, true},
		{"header on line 1 without --, truncated", "-- PostgreSQL database dump\n" + body, Options{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := run(t, tc.in, &keepAll{}, tc.opt)
			if errors.Is(err, ErrTruncated) != tc.truncated || !tc.truncated && err != nil {
				t.Fatalf("err = %v, want truncated: %v", err, tc.truncated)
			}
			if got != tc.in {
				t.Errorf("output differs from input (BOM must pass through)")
			}
		})
	}
}

// A pg_dump message merged in by 2>&1 is an error naming its line.
func TestToolMessageInDump(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"pg_dump: warning: there are circular foreign-key constraints\n" + dumpHeader + dumpTrailer, "test.sql:1: a pg_dump message is mixed into the dump (2>&1?)"},
		{dumpHeader + "SET a = 1;\npg_dumpall: error: query failed\n" + dumpTrailer, "test.sql:6: a pg_dump message"},
		{dumpHeader + "pg_restore: creating TABLE\n", "test.sql:5: a pg_dump message"},
	} {
		for _, any := range []bool{false, true} {
			_, err := run(t, tc.in, &keepAll{}, Options{AnySQL: any})
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("AnySQL=%v: error = %v, want %q", any, err, tc.want)
			}
		}
	}
}

// Input that is not pg_dump output is refused unless AnySQL; empty input
// always is.
func TestNotDump(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		any      bool
		want     string // "" for no error
		notDump  bool
	}{
		{"plain SQL", "-- my script\nCREATE TABLE t (v text);\n", false, "test.sql:2: not pg_dump output: SQL comes before any pg_dump or pg_dumpall header comment", true},
		{"plain SQL with --sql", "-- my script\nCREATE TABLE t (v text);\n", true, "", false},
		{"meta-command first", "\\connect db\n", false, "test.sql:1: not pg_dump output", true},
		{"random bytes", "\x8a\x01\xffZ\x00garbage", false, "test.sql:1: not pg_dump output", true},
		{"random bytes with --sql", "\x8a\x01\xffZ\x00garbage;\n", true, "test.sql:1:1: syntax error", false},
		{"xz-looking text with --sql", "\xfd7zXZ\x00\x00 x;", true, "test.sql:1:1: syntax error", false},
		{"empty", "", false, "test.sql:1: not pg_dump output: empty input", true},
		{"empty with --sql", "", true, "empty input", true},
		{"whitespace and comments", "\n  \n-- nothing\n/* here */\n", false, "empty input", true},
		{"header only comment in a statement", "SELECT 1; -- PostgreSQL database dump\n", false, "not pg_dump output", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := run(t, tc.in, &keepAll{}, Options{AnySQL: tc.any})
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want %q", err, tc.want)
			}
			if errors.Is(err, ErrNotDump) != tc.notDump {
				t.Errorf("errors.Is(err, ErrNotDump) = %v", !tc.notDump)
			}
			if tc.notDump && !strings.Contains(err.Error(), "--sql") && !strings.Contains(err.Error(), "empty") {
				t.Errorf("error does not say how to accept SQL: %v", err)
			}
		})
	}
}

// Bug 3: unqualified names follow search_path, as pg_dump ≤ 9.6 relies on.
func TestSearchPathOldDump(t *testing.T) {
	in, err := os.ReadFile("testdata/pg96_search_path.sql")
	if err != nil {
		t.Fatal(err)
	}
	tr := &ruled{cols: map[string][]string{"crm.customers": {"email", "name"}}}
	var keys []Constraint
	got, err := run(t, string(in), tr, Options{Constraints: func(k Constraint) { keys = append(keys, k) }})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "\talice@realmail.test") || !strings.Contains(got, "1\t<alice@realmail.test>\t<Alice Real>\n") {
		t.Errorf("crm.customers not rewritten:\n%s", got)
	}
	if !strings.Contains(got, "1\tnot personal\n") {
		t.Errorf("public.customers changed")
	}
	if len(tr.tables) != 2 || tr.tables[0].QualifiedName() != "crm.customers" || tr.tables[1].QualifiedName() != "public.customers" {
		t.Fatalf("tables = %v", tr.tables)
	}
	crm := tr.tables[0]
	if !crm.Typed || crm.Columns[1].Type == nil || crm.Columns[1].Type.Domain != "crm.email_address" || crm.Columns[1].Type.Name != "varchar" {
		t.Errorf("crm.customers.email type = %+v, want the domain crm.email_address over varchar", crm.Columns[1].Type)
	}
	if pub := tr.tables[1]; len(pub.Columns) != 2 || pub.Columns[1].Type == nil || pub.Columns[1].Type.Name != "text" {
		t.Errorf("public.customers = %+v", pub)
	}
	if len(keys) != 1 || keys[0].Table != [2]string{"crm", "customers"} {
		t.Errorf("constraints = %+v, want crm.customers's primary key", keys)
	}
}

func TestSearchPathHandWritten(t *testing.T) {
	in, err := os.ReadFile("testdata/anysql/search_path.sql")
	if err != nil {
		t.Fatal(err)
	}
	tr := &ruled{cols: map[string][]string{`"Sales".leads`: {"email"}}}
	got, err := run(t, string(in), tr, Options{AnySQL: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "1\t<carol@realmail.test>\n") {
		t.Errorf(`"Sales".leads not rewritten:\n%s`, got)
	}
	var names []string
	for _, tb := range tr.tables {
		names = append(names, tb.QualifiedName())
	}
	// After set_config('search_path', '', …) an unqualified name is public's.
	if want := `"Sales".leads public.notes public.leads`; strings.Join(names, " ") != want {
		t.Errorf("tables = %v, want %s", names, want)
	}
	// INSERT targets follow the path too.
	ins := "SET search_path = crm, pg_catalog;\nINSERT INTO customers VALUES (1, 'secret');\n"
	_, err = run(t, ins, &ruled{cols: map[string][]string{"crm.customers": {"email"}}}, Options{AnySQL: true})
	if err == nil || !strings.Contains(err.Error(), "table crm.customers: INSERT statements without a column list") {
		t.Errorf("INSERT into crm.customers via search_path: error = %v", err)
	}
	// \connect resets the path.
	re := "SET search_path = crm;\n\\connect other\nCOPY t (v) FROM stdin;\n\\.\n"
	k := &ruled{}
	if _, err := run(t, re, k, Options{AnySQL: true}); err != nil || k.tables[0].QualifiedName() != "public.t" {
		t.Errorf("after \\connect: err = %v, tables = %v", err, k.tables)
	}
}

func TestSearchPathSetting(t *testing.T) {
	for in, want := range map[string]string{
		"SET search_path = crm, pg_catalog;":                              "crm|pg_catalog",
		"SET search_path TO \"My S\", public;":                            "My S|public",
		"set session search_path to 'a', B;":                              "a|b",
		"SELECT pg_catalog.set_config('search_path', '', false);":         "",
		"SELECT pg_catalog.set_config('search_path', 'x, \"Y\"', false);": "x|Y",
		"SET search_path = DEFAULT;":                                      "<default>",
	} {
		p, ok := searchPathSetting([]byte(in))
		got := strings.Join(p, "|")
		if p == nil {
			got = "<default>"
		}
		if !ok || got != want {
			t.Errorf("%s: got %q (ok %v), want %q", in, got, ok, want)
		}
	}
	if _, ok := searchPathSetting([]byte("SET search_path_x = a;")); ok {
		t.Error("another setting taken for search_path")
	}
}

// Bug 6: no message from the parser quotes the statement.
func TestParserMessagesRedacted(t *testing.T) {
	const sentinel = "SENTINEL-4c1d-value"
	var warns []string
	opt := Options{AnySQL: true, Warn: func(m string) { warns = append(warns, m) }}
	for _, in := range []string{
		"CREATE TABLE public.t (v text DEFAULT '" + sentinel + "' '" + sentinel + "');\n",
		"CREATE TABLE public.t (v text CHECK (v <> " + sentinel + " " + sentinel + "));\n",
		"CREATE TABLE public.t (v text DEFAULT E'" + sentinel + "\\'\n);\n';\n",
	} {
		warns = nil
		_, err := run(t, dumpHeader+in+dumpTrailer, &keepAll{}, opt)
		msgs := append(warns, "")
		if err != nil {
			msgs = append(msgs, err.Error())
		}
		for _, m := range msgs {
			if strings.Contains(m, sentinel) || strings.Contains(m, "SENTINEL") {
				t.Errorf("message leaks the value: %s", m)
			}
		}
		if err == nil && len(warns) == 0 {
			t.Errorf("%q: no warning", in)
		}
	}
	// The COPY header and the first statement of --sql input too.
	for _, in := range []string{
		"COPY public.t (v, '" + sentinel + "') FROM stdin;\n",
		"SELECT '" + sentinel + "' '" + sentinel + "';\n",
	} {
		_, err := run(t, in, &keepAll{}, Options{AnySQL: true})
		if err == nil || strings.Contains(err.Error(), "SENTINEL") || !strings.Contains(err.Error(), "syntax error") {
			t.Errorf("error = %v, want a redacted syntax error", err)
		}
	}
}

func TestRedactParserMessage(t *testing.T) {
	for in, want := range map[string]string{
		`syntax error at or near "'secret'"`:               "syntax error",
		`syntax error at end of input`:                     "syntax error",
		`unterminated quoted string at or near "'x`:        "unterminated quoted string",
		`invalid value "secret" for thing`:                 `invalid value "…" for thing`,
		`zero-length delimited identifier at or near """"`: "zero-length delimited identifier",
	} {
		if got := redactParserMessage(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}

// Table.Database comes from pg_dumpall's \connect lines.
func TestTableDatabase(t *testing.T) {
	in, err := os.ReadFile("../testdata/dumps/cluster.sql")
	if err != nil {
		t.Fatal(err)
	}
	tr := &ruled{}
	if _, err := run(t, string(in), tr, Options{}); err != nil {
		t.Fatal(err)
	}
	if len(tr.tables) == 0 {
		t.Fatal("no tables")
	}
	for _, tb := range tr.tables {
		if !strings.HasPrefix(tb.Database, "anondump_fx_") {
			t.Errorf("%s: Database = %q", tb.QualifiedName(), tb.Database)
		}
	}
	for line, want := range map[string]string{
		`\connect template1`:                         "template1",
		`\connect "My ""DB"""`:                       `My "DB"`,
		`\c -reuse-previous=on "dbname='it\'s db'"`:  "it's db",
		`\connect -reuse-previous=on "dbname=plain"`: "plain",
		`\connect 'a''b\\c'`:                         `a'b\c`,
		`\connect -`:                                 "",
		"\\connect postgres\n":                       "postgres",
	} {
		if got := connectDatabase([]byte(line)); got != want {
			t.Errorf("%s: %q, want %q", line, got, want)
		}
	}
	// A plain pg_dump names no database.
	k := &ruled{}
	if _, err := run(t, dumpHeader+"COPY public.t (v) FROM stdin;\n\\.\n"+dumpTrailer, k, Options{}); err != nil || k.tables[0].Database != "" {
		t.Errorf("err = %v, Database = %q", err, k.tables[0].Database)
	}
}

// Table.Generated lists stored generated columns, which COPY leaves out.
func TestTableGenerated(t *testing.T) {
	in := dumpHeader + "CREATE TABLE public.p (id integer, first text, full_name text GENERATED ALWAYS AS (first || 'x') STORED, v text);\n" +
		"COPY public.p (id, first, v) FROM stdin;\n1\ta\tb\n\\.\nCOPY public.p FROM stdin;\n2\tc\td\n\\.\n" + dumpTrailer
	tr := &ruled{cols: map[string][]string{"public.p": {"v"}}}
	got, err := run(t, in, tr, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tr.tables {
		if len(tb.Generated) != 1 || tb.Generated[0] != "full_name" {
			t.Errorf("Generated = %v", tb.Generated)
		}
		if len(tb.Columns) != 3 {
			t.Errorf("columns = %+v, want id, first, v", tb.Columns)
		}
	}
	if !strings.Contains(got, "2\tc\t<d>\n") {
		t.Errorf("COPY without a column list: generated column counted:\n%s", got)
	}
}
