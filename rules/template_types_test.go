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

// typesDump has a column of each type a template can write, and text
// columns a, b, c the templates read. Its first row is on line typesRow1.
const typesDump = streamHeader + `CREATE TABLE public.things (id integer NOT NULL, a text, b text, c text, n bigint, amount numeric(6,2), flag boolean, day date, at timestamp with time zone, ref uuid, addr inet, doc jsonb, ratio double precision, blob bytea, tags text[]);

COPY public.things (id, a, b, c, n, amount, flag, day, at, ref, addr, doc, ratio, blob, tags) FROM stdin;
1	TRUE	05	\N	7	1.00	f	2000-01-01	2000-01-01 00:00:00+00	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11	192.168.0.1	{}	0.5	\\x00	{x}
2	Off	31	x	8	2.00	t	2000-01-02	2000-01-02 00:00:00+00	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12	192.168.0.2	{}	1.5	\\x01	{y}
3	t	09	y	\N	3.00	t	2000-01-03	2000-01-03 00:00:00+00	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13	192.168.0.3	{}	2.5	\\x02	{z}
\.
` + streamTrailer

// typesRow1 is the dump line of the first row.
var typesRow1 = strings.Count(typesDump[:strings.Index(typesDump, "1\tTRUE")], "\n") + 1

// typesColumns are the rules of every column but those a test sets.
var typesColumns = []string{"id", "a", "b", "c", "n", "amount", "flag", "day", "at", "ref", "addr", "doc", "ratio", "blob", "tags"}

// typesRules keeps every column of things but those in set, which are
// written as given (YAML values).
func typesRules(set map[string]string) string {
	var b strings.Builder
	b.WriteString("version: 1\ntables:\n  things:\n    columns:\n")
	for _, c := range typesColumns {
		v, ok := set[c]
		if !ok {
			v = "keep"
		}
		b.WriteString("      " + c + ": " + v + "\n")
	}
	return b.String()
}

func rewriteTypes(t *testing.T, set map[string]string, workers int) (string, error) {
	t.Helper()
	rs := mustParse(t, typesRules(set))
	var out bytes.Buffer
	_, err := dumpstream.Rewrite(&out, strings.NewReader(typesDump), rules.NewPlan(rs, fakers.NewKey([]byte("types"))), dumpstream.Options{Workers: workers})
	return out.String(), err
}

// TestTemplateTypes: templates write integer, numeric, boolean, date,
// timestamptz, uuid, inet, jsonb and double precision columns; a NULL
// value stays NULL (null: keep).
func TestTemplateTypes(t *testing.T) {
	set := map[string]string{
		"n":      `{template: "{{.id}}0{{.id}}"}`,
		"amount": `{template: "{{.id}}.25"}`,
		"flag":   `{template: "{{.a | lower}}"}`,
		"day":    `{template: "2024-01-{{.b}}"}`,
		"at":     `{template: "2024-01-{{.b}}T10:00:00Z"}`,
		"ref":    `{template: "00000000-0000-4000-8000-00000000000{{.id}}"}`,
		"addr":   `{template: "10.0.0.{{.id}}"}`,
		"doc":    `{template: '{"id": {{.id}}, "b": "{{.b}}"}'}`,
		"ratio":  `{template: "{{.id}}e-1"}`,
	}
	for _, workers := range []int{1, 2} {
		out, err := rewriteTypes(t, set, workers)
		if err != nil {
			t.Fatal(err)
		}
		rows := rowsOf(t, out)
		in := [][]string{{"1", "TRUE", "05"}, {"2", "Off", "31"}, {"3", "t", "09"}}
		for i, r := range rows {
			id, a, b := in[i][0], in[i][1], in[i][2]
			want := []string{id + "0" + id, id + ".25", strings.ToLower(a), "2024-01-" + b, "2024-01-" + b + "T10:00:00Z",
				"00000000-0000-4000-8000-00000000000" + id, "10.0.0." + id, `{"id": ` + id + `, "b": "` + b + `"}`, id + "e-1"}
			if i == 2 {
				want[0] = `\N` // n was NULL
			}
			if got := r[4:13]; strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("workers %d row %d: %q, want %q", workers, i+1, got, want)
			}
		}
	}
}

// TestTemplateTypesRowError: an output that does not fit its column stops
// the run at its row, naming the table, the column, the dump line and the
// template's position, never the value.
func TestTemplateTypesRowError(t *testing.T) {
	for _, tc := range []struct {
		col, rule string
		row       int // 1-based row that fails
		want      []string
		secret    string // a value the message must not contain
	}{
		{"n", `{template: "{{.a}}"}`, 1, []string{"anon.yaml:9:", "not a valid bigint", "writes a valid bigint on every row"}, "TRUE"},
		{"flag", `{template: "{{.b}}"}`, 1, []string{"anon.yaml:11:", "not a valid boolean"}, "05"},
		{"day", `{template: "2024-02-{{.b}}"}`, 2, []string{"anon.yaml:12:", "not a valid date"}, "2024-02-31"},
		{"amount", `{template: "{{.id}}0000.5"}`, 1, []string{"has 5 digits before the decimal point, numeric(6,2) holds 4"}, "10000.5"},
		{"ratio", `{template: "{{.id}}e400"}`, 1, []string{"out of range for type double precision"}, "1e400"},
		{"addr", `{template: "10.0.0.{{.id}}{{.b}}"}`, 3, []string{"not a valid inet"}, "10.0.0.309"},
		{"doc", `{template: '{"b": {{.b}}}'}`, 1, []string{"not a valid jsonb"}, "05"},
		// Empty: c is NULL on row 1 and renders as "".
		{"n", `{template: "{{.c}}"}`, 1, []string{"empty, which is not a valid bigint", "NULL renders as", "transform: set_null"}, "TRUE"},
	} {
		_, err := rewriteTypes(t, map[string]string{tc.col: tc.rule}, 1)
		var de *dumpstream.Error
		if !errors.As(err, &de) {
			t.Errorf("%s %s: error %v, want a *dumpstream.Error", tc.col, tc.rule, err)
			continue
		}
		msg := err.Error()
		if de.Table != "public.things" || de.Column != tc.col || de.Line != typesRow1+tc.row-1 {
			t.Errorf("%s %s: at table %q column %q line %d, want public.things %s line %d", tc.col, tc.rule, de.Table, de.Column, de.Line, tc.col, typesRow1+tc.row-1)
		}
		for _, w := range append(tc.want, "the template at anon.yaml:") {
			if !strings.Contains(msg, w) {
				t.Errorf("%s %s: %q does not say %q", tc.col, tc.rule, msg, w)
			}
		}
		if strings.Contains(msg, tc.secret) {
			t.Errorf("%s %s: %q contains the value %q", tc.col, tc.rule, msg, tc.secret)
		}
	}
}

// TestTemplateTypesRefused: bytea and arrays are refused before any row,
// and so is a template of literal text that does not fit its column.
func TestTemplateTypesRefused(t *testing.T) {
	for _, tc := range []struct{ col, rule, want string }{
		{"blob", `{template: "x"}`, "a template writes text, and blob is bytea; a template can write text, integer,"},
		{"tags", `{template: "{x}"}`, "tags is text[]"},
		{"n", `{template: "abc"}`, "public.things.n: the template is literal text only, and the value is not a valid bigint"},
		{"ratio", `{template: "1e999"}`, "the template is literal text only, and the value is out of range for type double precision"},
		{"day", `{template: "2024-02-30"}`, "the template is literal text only, and the value is not a valid date"},
	} {
		out, err := rewriteTypes(t, map[string]string{tc.col: tc.rule}, 1)
		var list rules.ErrorList
		if !errors.As(err, &list) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %s: error %v, want rules errors saying %q", tc.col, tc.rule, err, tc.want)
		}
		if strings.Contains(out, "1\tTRUE") {
			t.Errorf("%s %s: a row was written", tc.col, tc.rule)
		}
	}
	// A literal template that fits is accepted.
	if _, err := rewriteTypes(t, map[string]string{"n": `{template: "42"}`, "tags": "set_null"}, 1); err != nil {
		t.Errorf("literal 42 into bigint: %v", err)
	}
}

// TestTemplateTypesNoAllocs: rendering and checking templates into number,
// date, inet and json columns allocates nothing per row.
func TestTemplateTypesNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	p := rules.NewPlan(mustParse(t, typesRules(map[string]string{
		"n":      `{template: "{{.id}}0{{.id}}"}`,
		"amount": `{template: "{{.id}}.25"}`,
		"day":    `{template: "2024-01-{{.b}}"}`,
		"addr":   `{template: "10.0.0.{{.id}}"}`,
		"doc":    `{template: '{"id": {{.id}}}'}`,
		"ratio":  `{template: "{{.id}}e-1"}`,
	})), fakers.NewKey([]byte("k")))
	tbl := &dumpstream.Table{Schema: "public", Name: "things", Typed: true, Columns: []dumpstream.Column{
		col("id", "int4"), col("a", "text"), col("b", "text"), col("c", "text"), col("n", "int8"), col("amount", "numeric", 6, 2),
		col("flag", "bool"), col("day", "date"), col("at", "timestamptz"), col("ref", "uuid"), col("addr", "inet"),
		col("doc", "jsonb"), col("ratio", "float8"), col("blob", "bytea"), col("tags", "text")}}
	plan, err := p.Table(tbl)
	if err != nil {
		t.Fatal(err)
	}
	f := func(s ...string) [][]byte {
		var r [][]byte
		for _, v := range s {
			r = append(r, []byte(v))
		}
		return r
	}
	rows := [][][]byte{
		f("1", "TRUE", "05", `\N`, "7", "1.00", "f", "2000-01-01", "x", "x", "x", "{}", "0.5", "x", "x"),
		f("2", "Off", "31", "x", "8", "2.00", "t", "2000-01-02", "x", "x", "x", "{}", "1.5", "x", "x"),
	}
	dst := make([]byte, 0, 256)
	row := func() {
		for _, r := range rows {
			for _, cr := range plan.Columns {
				if rr, ok := cr.(dumpstream.RowReader); ok {
					rr.SetRow(r)
				}
			}
			for i, cr := range plan.Columns {
				if cr != nil {
					if _, _, err := cr.Rewrite(dst[:0], r[i], false); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	row()
	if n := testing.AllocsPerRun(100, row); n != 0 {
		t.Errorf("%v allocations per run of 2 rows, want 0", n)
	}
}

// BenchmarkTemplateTypes: the same template, {{.id}}, into a text column
// and into a bigint one, where each output is checked, against keeping
// both.
func BenchmarkTemplateTypes(b *testing.B) {
	var d bytes.Buffer
	d.WriteString(streamHeader + "CREATE TABLE public.t (id bigint NOT NULL, n bigint, s text);\n\nCOPY public.t (id, n, s) FROM stdin;\n")
	for i := 0; d.Len() < 8<<20; i++ {
		fmt.Fprintf(&d, "%d\t%d\tv%d\n", i*7919, i, i)
	}
	d.WriteString("\\.\n" + streamTrailer)
	base := "version: 1\ntables:\n  t:\n    columns:\n      id: keep\n"
	for _, bc := range []struct{ name, rules string }{
		{"keep", base + "      n: keep\n      s: keep\n"},
		{"text", base + "      n: keep\n      s: {template: \"{{.id}}\"}\n"},
		{"bigint", base + "      n: {template: \"{{.id}}\"}\n      s: keep\n"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			benchRewrite(b, bc.rules, d.Bytes())
		})
	}
}

// TestCheckHashKey: check takes hash as unique on a key only where it
// could be asked to be: 16 hex digits or more in text, 20 decimal digits
// or more in a number; so never on an integer key.
func TestCheckHashKey(t *testing.T) {
	for _, tc := range []struct {
		typ  string
		mods []int32
		rule string
		want bool // a problem reported
	}{
		{"text", nil, "hash", false},
		{"text", nil, "{transform: hash, length: 8}", true},
		{"int4", nil, "hash", true},
		{"int8", nil, "hash", true},
		{"numeric", []int32{30, 0}, "hash", false},
		{"numeric", []int32{30, 0}, "{transform: hash, length: 12}", true},
	} {
		c := rules.NewChecker(mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      ref: "+tc.rule+"\n"))
		tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true, Line: 9, Columns: []dumpstream.Column{col("ref", tc.typ, tc.mods...)}}
		if err := c.Table(tbl); err != nil {
			t.Fatal(err)
		}
		c.EndTable(tbl, 6)
		c.Constraint(dumpstream.Constraint{Kind: dumpstream.PrimaryKey, Table: [2]string{"public", "users"}, Columns: []string{"ref"}, Line: 20})
		problems, _ := c.Problems()
		if got := len(problems) > 0; got != tc.want {
			t.Errorf("%s %v under %s: problems %v, want some: %v", tc.typ, tc.mods, tc.rule, problems, tc.want)
		}
	}
}

// TestCheckFPEKey: fpe is a permutation, so check takes it as unique on a
// key without unique: true.
func TestCheckFPEKey(t *testing.T) {
	c := rules.NewChecker(mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      id: fpe\n"))
	tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true, Line: 9, Columns: []dumpstream.Column{col("id", "int4")}}
	if err := c.Table(tbl); err != nil {
		t.Fatal(err)
	}
	c.EndTable(tbl, 6)
	c.Constraint(dumpstream.Constraint{Kind: dumpstream.PrimaryKey, Table: [2]string{"public", "users"}, Columns: []string{"id"}, Line: 20})
	if problems, _ := c.Problems(); len(problems) != 0 {
		t.Errorf("problems %v", problems)
	}
}
