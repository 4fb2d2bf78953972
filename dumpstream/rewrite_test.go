package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
)

// marker is a ColumnRewriter that wraps values in <…> and keeps NULLs.
type marker struct{}

func (marker) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if null {
		return dst, true, nil
	}
	dst = append(dst, '<')
	dst = append(dst, value...)
	return append(dst, '>'), false, nil
}

// ruled rewrites the named columns of the named tables with marker, and
// drops the rows of tables listed in drop.
type ruled struct {
	cols   map[string][]string // qualified table → columns
	drop   map[string]bool
	tables []*Table
}

func (r *ruled) Table(t *Table) (*TablePlan, error) {
	r.tables = append(r.tables, t)
	q := t.QualifiedName()
	if r.drop[q] {
		return &TablePlan{DropRows: true}, nil
	}
	cols, ok := r.cols[q]
	if !ok {
		return nil, nil
	}
	p := &TablePlan{Columns: make([]ColumnRewriter, len(t.Columns))}
	for i, c := range t.Columns {
		for _, name := range cols {
			if c.Name == name {
				p.Columns[i] = marker{}
			}
		}
	}
	return p, nil
}

func rewriteString(t *testing.T, in string, tr Transformer) (string, error) {
	t.Helper()
	var out bytes.Buffer
	// Most inputs here are hand-written SQL, not pg_dump output.
	_, err := Rewrite(&out, strings.NewReader(in), tr, Options{Name: "test.sql", AnySQL: true})
	return out.String(), err
}

const smallDump = `--
-- PostgreSQL database dump
--

SET standard_conforming_strings = on;
CREATE TABLE public.users (id integer NOT NULL, email character varying(40), tags text[], note text);
CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $_$
COPY public.users (id, email) FROM stdin;
1	inside@function.body
\.
$_$;
COMMENT ON TABLE public.users IS 'COPY public.users (id) FROM stdin; isn''t data';
COPY public.users (id, email, tags, note) FROM stdin;
1	alice@realmail.test	{a,b}	tab\there
2	\N	\N	back\\slash
\.

COPY "My Schema"."Mixed Case" ("Value", "a b") FROM stdin;
x	y
\.

--
-- PostgreSQL database dump complete
--

`

func TestRewriteColumns(t *testing.T) {
	tr := &ruled{cols: map[string][]string{"public.users": {"email", "note"}}}
	got, err := rewriteString(t, smallDump, tr)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.NewReplacer(
		"1\talice@realmail.test\t{a,b}\ttab\\there", "1\t<alice@realmail.test>\t{a,b}\t<tab\\there>",
		"2\t\\N\t\\N\tback\\\\slash", "2\t\\N\t\\N\t<back\\\\slash>",
	).Replace(smallDump)
	if got != want {
		t.Errorf("output:\n%s\nwant:\n%s", got, want)
	}
	// The COPY inside the function body and the comment are not blocks.
	if len(tr.tables) != 2 {
		t.Fatalf("saw %d COPY blocks, want 2", len(tr.tables))
	}
	users := tr.tables[0]
	if !users.Typed || users.Columns[1].Type == nil || users.Columns[1].Type.String() != "character varying(40)" {
		t.Errorf("users.email type = %+v, want character varying(40)", users.Columns[1].Type)
	}
	if users.Columns[0].Type == nil || !users.Columns[0].Type.NotNull {
		t.Errorf("users.id is not NOT NULL: %+v", users.Columns[0].Type)
	}
	if ty := users.Columns[2].Type; ty == nil || ty.ArrayDims != 1 || ty.Name != "text" {
		t.Errorf("users.tags type = %+v, want text[]", ty)
	}
	mixed := tr.tables[1]
	if mixed.Schema != "My Schema" || mixed.Name != "Mixed Case" || mixed.Columns[1].Name != "a b" || mixed.Typed {
		t.Errorf("mixed table = %+v", mixed)
	}
}

func TestRewriteDropRows(t *testing.T) {
	got, err := rewriteString(t, smallDump, &ruled{drop: map[string]bool{"public.users": true}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "alice") || !strings.Contains(got, "COPY public.users (id, email, tags, note) FROM stdin;\n\\.\n") {
		t.Errorf("rows not dropped cleanly:\n%s", got)
	}
}

func TestRewriteErrors(t *testing.T) {
	tr := func() Transformer { return &ruled{cols: map[string][]string{"public.users": {"email"}}} }
	for _, tc := range []struct {
		name, in, want string
		truncated      bool
	}{
		{"too few fields", "COPY public.users (id, email) FROM stdin;\n1\n\\.\n", "test.sql:2: table public.users: row has 1 fields", false},
		{"too many fields", "COPY public.users (id, email) FROM stdin;\n1\tsecret@x\textra\n\\.\n", "test.sql:2: table public.users: row has 3 fields", false},
		{"trailing backslash", "COPY public.users (id, email) FROM stdin;\n1\tsecret@x\\\n\\.\n", "test.sql:2: table public.users: row ends with a backslash", false},
		{"eof in copy", "COPY public.users (id, email) FROM stdin;\n1\tsecret@x\n", "test.sql:2: input ends inside the COPY data of table public.users (COPY at line 1)", true},
		{"eof in string", "SELECT 'secret@x\n", "test.sql:1: input ends inside a quoted string", true},
		{"eof in statement", "SELECT 1\n", "input ends inside a statement that began at line 1", true},
		{"missing trailer", "--\n-- PostgreSQL database dump\n--\nSELECT 1;\n", `before pg_dump's "dump complete" trailer`, true},
		{"inserts", "INSERT INTO public.users VALUES (1, 'secret@x');\n", "test.sql:1: table public.users: INSERT statements without a column list, and no CREATE TABLE", false},
		{"inserts quoted", "INSERT INTO \"public\".\"users\" VALUES (1, 'secret@x');\n", "table public.users: INSERT statements without a column list", false},
		{"bad copy header", "COPY public.users (id, FROM stdin;\n", "test.sql:1:", false},
		{"text after copy", "COPY public.users (id, email) FROM stdin; SELECT 1;\n\\.\n", "text after", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rewriteString(t, tc.in, tr())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one containing %q", err, tc.want)
			}
			if errors.Is(err, ErrTruncated) != tc.truncated {
				t.Errorf("errors.Is(err, ErrTruncated) = %v, want %v", !tc.truncated, tc.truncated)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Errorf("error leaks a value: %v", err)
			}
			if strings.Contains(got, "secret") && !tc.truncated && tc.name != "inserts" {
				t.Errorf("output contains the value of a failed row: %q", got)
			}
		})
	}
}

// Rows straddling the read buffer, very long rows and input without a
// final newline all come out right.
func TestRewriteBoundaries(t *testing.T) {
	for _, n := range []int{readBufSize - 40, readBufSize - 1, readBufSize, readBufSize + 1, 3*readBufSize + 7, 5 << 20} {
		value := strings.Repeat("é\\\\x", n/5)
		in := "COPY public.t (id, v) FROM stdin;\n1\t" + value + "\n2\tshort\n\\."
		for name, tr := range map[string]Transformer{
			"keep":    &keepAll{},
			"rewrite": &ruled{cols: map[string][]string{"public.t": {"v"}}},
		} {
			var out bytes.Buffer
			if _, err := Rewrite(&out, iotest.HalfReader(strings.NewReader(in)), tr, Options{AnySQL: true}); err != nil {
				t.Fatalf("n=%d %s: %v", n, name, err)
			}
			want := in
			if name == "rewrite" {
				want = "COPY public.t (id, v) FROM stdin;\n1\t<" + value + ">\n2\t<short>\n\\."
			}
			if out.String() != want {
				t.Fatalf("n=%d %s: output differs (len %d, want %d)", n, name, out.Len(), len(want))
			}
		}
	}
}

func TestRewriteCRLFRows(t *testing.T) {
	in := "COPY public.t (id, v) FROM stdin;\r\n1\ta\r\n\\.\r\n"
	got, err := rewriteString(t, in, &ruled{cols: map[string][]string{"public.t": {"v"}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "COPY public.t (id, v) FROM stdin;\r\n1\t<a>\r\n\\.\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// Tables are looked up per database: \connect resets what CREATE TABLE
// declared.
func TestRewriteConnectResetsTypes(t *testing.T) {
	in := "CREATE TABLE public.t (v integer);\n\\connect other\nCOPY public.t (v) FROM stdin;\n1\n\\.\n"
	tr := &ruled{}
	if _, err := rewriteString(t, in, tr); err != nil {
		t.Fatal(err)
	}
	if tr.tables[0].Typed || tr.tables[0].Columns[0].Type != nil {
		t.Errorf("types leaked across \\connect: %+v", tr.tables[0])
	}
}

func TestRewriteStdStringsOff(t *testing.T) {
	// With standard_conforming_strings off, \' does not end a string, so
	// the COPY text inside it is not a statement.
	in := "SET standard_conforming_strings = off;\nSELECT 'it\\'s; COPY public.t (v) FROM stdin;\n';\nSET standard_conforming_strings = on;\nSELECT 'a\\';\nCOPY public.t (v) FROM stdin;\nx\n\\.\n"
	tr := &ruled{}
	got, err := rewriteString(t, in, tr)
	if err != nil || got != in {
		t.Fatalf("err = %v, identical = %v", err, got == in)
	}
	if len(tr.tables) != 1 || tr.tables[0].Line != 6 {
		t.Fatalf("COPY blocks = %d (want 1, at line 6)", len(tr.tables))
	}
}

// Per-row work allocates nothing once buffers have grown.
func TestRewriteRowAllocs(t *testing.T) {
	plan := &TablePlan{Columns: []ColumnRewriter{nil, marker{}, marker{}}}
	w := &rowWorker{
		plan: plan, rw: plan.Columns, names: []string{"a", "b", "c"},
		nfields: 3, rewritten: make([]int64, 3), nulls: make([]int64, 3),
	}
	line := []byte("12345\tsome\\tvalue with escapes\\n\t\\N\n")
	out, err := w.appendRow(nil, line)
	if err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(1000, func() {
		if out, err = w.appendRow(out[:0], line); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("appendRow allocates %v times per row, want 0", allocs)
	}
}

// FuzzRewriteIdentity: without rules, any input comes out identical, or
// Rewrite reports an error; it never panics.
func FuzzRewriteIdentity(f *testing.F) {
	f.Add([]byte(smallDump))
	f.Add([]byte("COPY t (a) FROM stdin;\n\\N\n\\."))
	f.Add([]byte("SELECT $a$ $$ ; $a$; /* /* */ ; */ SELECT E'\\'';\n\\connect x\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		_, err := Rewrite(&out, bytes.NewReader(in), &keepAll{}, Options{AnySQL: true})
		if err == nil && !bytes.Equal(out.Bytes(), in) {
			t.Fatalf("output differs from input without an error")
		}
		if err != nil && !bytes.HasPrefix(in, out.Bytes()) {
			t.Fatalf("on error (%v), output is not a prefix of the input", err)
		}
	})
}

func TestRewriteMetaCopy(t *testing.T) {
	in := "\\copy public.t (id, v) from stdin\n1\tsecret\n\\.\nSELECT 1;\n"
	got, err := rewriteString(t, in, &ruled{cols: map[string][]string{"public.t": {"v"}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(in, "secret", "<secret>", 1); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A rule reaches the children and partitions of its table through the
// ancestors dumpstream reports.
func TestRewriteAncestors(t *testing.T) {
	in := "CREATE TABLE public.p (id integer, v text) PARTITION BY LIST (id);\n" +
		"CREATE TABLE public.p1 (id integer, v text);\n" +
		"CREATE TABLE public.c (x integer) INHERITS (public.p1);\n" +
		"ALTER TABLE ONLY public.p ATTACH PARTITION public.p1 FOR VALUES IN (1);\n" +
		"COPY public.c (id, v, x) FROM stdin;\n\\.\n"
	tr := &ruled{}
	if _, err := rewriteString(t, in, tr); err != nil {
		t.Fatal(err)
	}
	got := tr.tables[0].Ancestors
	if len(got) != 2 || got[0] != [2]string{"public", "p1"} || got[1] != [2]string{"public", "p"} {
		t.Errorf("ancestors = %v, want [public.p1 public.p]", got)
	}
}

// A statement that crosses the classification window mid-line is kept
// whole: a COPY header with many columns, and a long INSERT.
func TestRewriteLongStatements(t *testing.T) {
	var cols []string
	for i := range 600 {
		cols = append(cols, fmt.Sprintf("column_number_%d", i))
	}
	in := "COPY public.wide (" + strings.Join(cols, ", ") + ") FROM stdin;\n" + strings.Repeat("x\t", 599) + "secret\n\\.\n"
	tr := &ruled{cols: map[string][]string{"public.wide": {"column_number_599"}}}
	got, err := rewriteString(t, in, tr)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "\t<secret>\n") {
		t.Error("last column of a wide table not rewritten")
	}
	long := "INSERT INTO public.wide VALUES ('" + strings.Repeat("y", 10000) + "');\n"
	if _, err := rewriteString(t, long, tr); err == nil || !strings.Contains(err.Error(), "INSERT") {
		t.Errorf("long INSERT into a ruled table: error = %v", err)
	}
}

func TestRewriteRefusesASCIIEmbeddingEncodings(t *testing.T) {
	in := "SET client_encoding = 'SJIS';\nCOPY public.t (v) FROM stdin;\nx\n\\.\n"
	if _, err := rewriteString(t, in, &ruled{cols: map[string][]string{"public.t": {"v"}}}); err == nil || !strings.Contains(err.Error(), "SJIS") {
		t.Errorf("error = %v, want one about SJIS", err)
	}
	// Without rules the dump passes through.
	if got, err := rewriteString(t, in, &keepAll{}); err != nil || got != in {
		t.Errorf("passthrough: %v", err)
	}
}

// The INSERT refusal happens before the line holding the values is
// written, even when the statement spans lines.
func TestRewriteInsertRefusalWritesNoValues(t *testing.T) {
	tr := func() Transformer { return &ruled{cols: map[string][]string{"public.users": {"email"}}} }
	for _, in := range []string{
		"INSERT INTO public.users VALUES (1, 'secret@x');\n",
		"INSERT INTO public.users VALUES\n\t(1, 'secret@x'),\n\t(2, 'secret2@x');\n",
		"INSERT INTO\n  public\n  .users VALUES (1, 'secret@x');\n",
	} {
		got, err := rewriteString(t, in, tr())
		if err == nil {
			t.Fatalf("%q: no error", in)
		}
		if strings.Contains(got, "secret") {
			t.Errorf("%q: output holds a value: %q", in, got)
		}
	}
}

// A typed table takes its column types from the composite type.
func TestRewriteTypedTable(t *testing.T) {
	in := "CREATE TYPE public.person AS (\n\tid integer,\n\tname character varying(20)\n);\n" +
		"CREATE TABLE public.persons OF public.person (\n    name NOT NULL\n);\n" +
		"COPY public.persons (id, name) FROM stdin;\n1\tx\n\\.\n"
	tr := &ruled{}
	if _, err := rewriteString(t, in, tr); err != nil {
		t.Fatal(err)
	}
	cols := tr.tables[0].Columns
	if cols[1].Type == nil || cols[1].Type.String() != "character varying(20)" || !cols[1].Type.NotNull {
		t.Errorf("persons.name type = %+v, want NOT NULL character varying(20)", cols[1].Type)
	}
	if cols[0].Type == nil || cols[0].Type.Name != "int4" {
		t.Errorf("persons.id type = %+v, want int4", cols[0].Type)
	}
}

func TestRewritePartitionKeyColumns(t *testing.T) {
	in := "CREATE TABLE public.p (id integer, region text, v text) PARTITION BY LIST (region);\n" +
		"CREATE TABLE public.p_eu (id integer, region text, v text);\n" +
		"ALTER TABLE ONLY public.p ATTACH PARTITION public.p_eu FOR VALUES IN ('eu');\n" +
		"COPY public.p_eu (id, region, v) FROM stdin;\n\\.\n"
	tr := &ruled{}
	if _, err := rewriteString(t, in, tr); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range tr.tables[0].Columns {
		if c.PartitionKey {
			keys = append(keys, c.Name)
		}
	}
	if len(keys) != 1 || keys[0] != "region" {
		t.Errorf("partition key columns = %v, want [region]", keys)
	}
}

func TestRewriteTruncatedMidRow(t *testing.T) {
	in := "COPY public.t (id, v) FROM stdin;\n1\tcomplete\n2\tsecr"
	got, err := rewriteString(t, in, &ruled{cols: map[string][]string{"public.t": {"v"}}})
	if !errors.Is(err, ErrTruncated) || !strings.Contains(err.Error(), "test.sql:3: table public.t: input ends in the middle of a row") {
		t.Fatalf("error = %v, want a truncation at line 3", err)
	}
	if strings.Contains(got, "secr") {
		t.Errorf("output holds the partial row: %q", got)
	}
}

func TestRewriteProgress(t *testing.T) {
	var p Progress
	in := "COPY public.t (v) FROM stdin;\n" + strings.Repeat("x\n", 3000) + "\\.\n"
	var out bytes.Buffer
	if _, err := Rewrite(&out, strings.NewReader(in), &keepAll{}, Options{Progress: &p, AnySQL: true}); err != nil {
		t.Fatal(err)
	}
	if p.Rows() != 3000 || p.Table() != "" {
		t.Errorf("progress after the run: rows %d, table %q; want 3000 and no table", p.Rows(), p.Table())
	}
}

// Pre-12 dumps WITH OIDS start each row with the OID, which is kept.
func TestRewriteWithOids(t *testing.T) {
	in := "COPY public.t (a, v) WITH OIDS FROM stdin;\n123\t1\tx\n\\.\n"
	got, err := rewriteString(t, in, &ruled{cols: map[string][]string{"public.t": {"v"}}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "COPY public.t (a, v) WITH OIDS FROM stdin;\n123\t1\t<x>\n\\.\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// refuser refuses the rows of every table.
type refuser struct{}

func (refuser) Table(t *Table) (*TablePlan, error) {
	return &TablePlan{RefuseRows: errors.New("not covered")}, nil
}

func TestRewriteRefuseRows(t *testing.T) {
	empty := "COPY public.e (v) FROM stdin;\n\\.\n"
	if got, err := rewriteString(t, empty, refuser{}); err != nil || got != empty {
		t.Errorf("empty block: %v", err)
	}
	got, err := rewriteString(t, empty+"COPY public.t (v) FROM stdin;\nsecret\n\\.\n", refuser{})
	if err == nil || !strings.Contains(err.Error(), "test.sql:4: table public.t: not covered") {
		t.Fatalf("error = %v", err)
	}
	if strings.Contains(got, "secret") {
		t.Errorf("a refused row was written: %q", got)
	}
}

func TestRewriteConstraints(t *testing.T) {
	in := "ALTER TABLE ONLY public.users\n    ADD CONSTRAINT users_pkey PRIMARY KEY (id);\n" +
		"ALTER TABLE ONLY public.users ADD CONSTRAINT users_email_key UNIQUE (email);\n" +
		"CREATE UNIQUE INDEX u_lower ON public.users USING btree (lower(email));\n" +
		"CREATE UNIQUE INDEX u_name ON public.users USING btree (\"Name\", id);\n" +
		"ALTER TABLE ONLY public.orders\n    ADD CONSTRAINT orders_user_fkey FOREIGN KEY (user_id, email) REFERENCES public.users(id, email);\n" +
		"ALTER TABLE ONLY public.m ADD CONSTRAINT m_fk FOREIGN KEY (reply_to) REFERENCES public.m(id) ON DELETE SET NULL;\n" +
		"ALTER TABLE ONLY public.o ADD CONSTRAINT o_fk FOREIGN KEY (u) REFERENCES public.users(id) ON DELETE CASCADE;\n" +
		"ALTER TABLE ONLY public.p ADD CONSTRAINT p_fk FOREIGN KEY (a, b) REFERENCES public.q(a, b) ON DELETE SET NULL (b);\n"
	var got []string
	opt := Options{AnySQL: true, Constraints: func(k Constraint) {
		s := fmt.Sprintf("%d %s %s.%s %v -> %s.%s %v", k.Line, k.Kind, k.Table[0], k.Table[1], k.Columns, k.RefTable[0], k.RefTable[1], k.RefColumns)
		if k.Kind == ForeignKey {
			s += " on delete " + k.OnDelete + fmt.Sprint(k.SetNullColumns)
		}
		got = append(got, s)
	}}
	var out bytes.Buffer
	if _, err := Rewrite(&out, strings.NewReader(in), &keepAll{}, opt); err != nil || out.String() != in {
		t.Fatalf("Rewrite: %v", err)
	}
	want := []string{
		"1 primary key public.users [id] -> . []",
		"3 unique public.users [email] -> . []",
		"5 unique public.users [Name id] -> . []",
		"6 foreign key public.orders [user_id email] -> public.users [id email] on delete no action[]",
		"8 foreign key public.m [reply_to] -> public.m [id] on delete set null[]",
		"9 foreign key public.o [u] -> public.users [id] on delete cascade[]",
		"10 foreign key public.p [a b] -> public.q [a b] on delete set null[b]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("constraints:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
