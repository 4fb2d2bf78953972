package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/iotest"
)

// same rewrites a value to itself, decoded and encoded again.
type same struct{ n *int }

func (s same) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	*s.n++
	return append(dst, value...), null, nil
}

// rewriteAll rules every column of every table with same, except the
// tables in skip.
type rewriteAll struct {
	values int
	skip   map[string]bool
}

func (r *rewriteAll) Table(t *Table) (*TablePlan, error) {
	if r.skip[t.QualifiedName()] {
		return nil, nil
	}
	p := &TablePlan{Columns: make([]ColumnRewriter, len(t.Columns))}
	for i := range p.Columns {
		p.Columns[i] = same{&r.values}
	}
	return p, nil
}

// Real pg_dump output made with --inserts, --column-inserts,
// --rows-per-insert and standard_conforming_strings off (testdata/dumps,
// made by make.sh with pg_dump 15) comes out byte-identical when every
// value is decoded from its literal, rewritten to itself and encoded
// back: the literals are written as pg_dump writes them, and everything
// around them is copied. (public.child inherits columns, so its INSERTs
// without a column list are refused: see TestInsertsColumns.)
func TestInsertsIdentity(t *testing.T) {
	defer func(n int) { walkBufSize = n }(walkBufSize)
	for _, f := range []string{"inserts", "column_inserts", "rows_per_insert", "std_strings_off_inserts", "full", "std_strings_off"} {
		in, err := os.ReadFile("../testdata/dumps/" + f + ".sql")
		if err != nil {
			t.Fatal(err)
		}
		for _, bufSize := range []int{readBufSize, 512} {
			walkBufSize = bufSize
			for name, r := range map[string]io.Reader{"whole": bytes.NewReader(in), "one byte": iotest.OneByteReader(bytes.NewReader(in))} {
				var out bytes.Buffer
				tr := &rewriteAll{skip: map[string]bool{"public.child": true}}
				st, err := Rewrite(&out, r, tr, Options{Name: f})
				if err != nil {
					t.Fatalf("%s (%s, %d): %v", f, name, bufSize, err)
				}
				if !bytes.Equal(out.Bytes(), in) {
					t.Fatalf("%s (%s, %d): output differs from input at byte %d", f, name, bufSize, firstDiff(out.Bytes(), in))
				}
				if strings.Contains(f, "inserts") && (tr.values < 100 || st.RowsRewritten < 20) {
					t.Errorf("%s: %d values, %d rows rewritten", f, tr.values, st.RowsRewritten)
				}
			}
		}
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

const insertsSchema = "CREATE TABLE public.users (\n    id integer NOT NULL,\n    email text,\n    n integer\n);\n\n"

// A where-like filter drops rows from multi-row statements, keeping the
// other rows and their separators, and drops a statement with no row
// left, with its line; the filter sees the original values as COPY
// fields.
func TestInsertsFilter(t *testing.T) {
	in := insertsSchema +
		"INSERT INTO public.users (id, email, n) VALUES\n\t(1, 'a@x', 1),\n\t(2, 'it''s\\', NULL),\n\t(3, 'c@x', -3) ON CONFLICT DO NOTHING;\n" +
		"INSERT INTO public.users (id, email, n) VALUES\n\t(2, 'b', 2);\n" +
		"INSERT INTO public.users (id, email, n) VALUES\n\t(4, 'tab\there', 4),\n\t(2, 'z', 5);\n" +
		"SELECT 1;\n"
	f := &filter{drop: "2"}
	tr := &planned{plan: func(t *Table) *TablePlan {
		return &TablePlan{Columns: []ColumnRewriter{nil, marker{}, nil}, Filter: f}
	}}
	got, err := rewriteString(t, in, tr)
	if err != nil {
		t.Fatal(err)
	}
	want := insertsSchema +
		"INSERT INTO public.users (id, email, n) VALUES\n\t(1, '<a@x>', 1),\n\t(3, '<c@x>', -3) ON CONFLICT DO NOTHING;\n" +
		"INSERT INTO public.users (id, email, n) VALUES\n\t(4, '<tab\there>', 4);\n" +
		"SELECT 1;\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// The filter was given each row's values as COPY text fields.
	wantSeen := `1|a@x|1 2|it's\\|\N 3|c@x|-3 2|b|2 4|tab\there|4 2|z|5`
	if s := strings.Join(f.seen, " "); s != wantSeen {
		t.Errorf("filter saw %s, want %s", s, wantSeen)
	}
	// The first row dropped: the statement starts with the second.
	f2 := &filter{drop: "1"}
	tr = &planned{plan: func(t *Table) *TablePlan { return &TablePlan{Columns: make([]ColumnRewriter, 3), Filter: f2} }}
	got, err = rewriteString(t, insertsSchema+"INSERT INTO public.users VALUES\n\t(1, 'a', 1),\n\t(2, 'b', 2);\n", tr)
	if want := insertsSchema + "INSERT INTO public.users VALUES\n\t(2, 'b', 2);\n"; err != nil || got != want {
		t.Errorf("first row dropped: %q, %v", got, err)
	}
}

type filter struct {
	drop string // the id of the rows to drop
	seen []string
}

func (f *filter) Keep(fields [][]byte) (bool, error) {
	f.seen = append(f.seen, string(bytes.Join(fields, []byte("|"))))
	return len(fields) == 0 || string(fields[0]) != f.drop, nil
}

type planned struct{ plan func(*Table) *TablePlan }

func (p *planned) Table(t *Table) (*TablePlan, error) { return p.plan(t), nil }

// DropRows (truncate:) drops every INSERT statement of the table, and
// only those.
func TestInsertsDropRows(t *testing.T) {
	in := insertsSchema + "CREATE TABLE public.other (v text);\n\n" +
		"INSERT INTO public.users VALUES (1, 'a', 1);\nINSERT INTO public.other VALUES ('keep');\n" +
		"INSERT INTO public.users VALUES\n\t(2, 'b', 2),\n\t(3, 'c', 3);\n\n-- end\n"
	got, err := rewriteString(t, in, &ruled{drop: map[string]bool{"public.users": true}})
	want := insertsSchema + "CREATE TABLE public.other (v text);\n\n" + "INSERT INTO public.other VALUES ('keep');\n\n-- end\n"
	if err != nil || got != want {
		t.Errorf("got %q, %v\nwant %q", got, err, want)
	}
}

// The values of generated columns (DEFAULT without a column list) are
// not the table's columns; a statement that does not list the table's
// columns in order, or a row with another number of values, or an
// expression in a ruled column stops the run without writing a value.
func TestInsertsColumns(t *testing.T) {
	gen := "CREATE TABLE public.g (\n    id integer,\n    twice integer GENERATED ALWAYS AS ((id * 2)) STORED,\n    email text\n);\n\n"
	got, err := rewriteString(t, gen+"INSERT INTO public.g VALUES (1, DEFAULT, 'a');\n", &ruled{cols: map[string][]string{"public.g": {"email"}}})
	if want := gen + "INSERT INTO public.g VALUES (1, DEFAULT, '<a>');\n"; err != nil || got != want {
		t.Errorf("generated: %q, %v", got, err)
	}
	tr := func() Transformer { return &ruled{cols: map[string][]string{"public.users": {"email"}}} }
	// A column list may name the columns in any order, or leave some out.
	for _, stmt := range []string{
		"INSERT INTO public.users (n, email, id) VALUES (2, 'a', 1);\n",
		"INSERT INTO public.users (email) VALUES ('a');\n",
	} {
		got, err := rewriteString(t, insertsSchema+stmt, tr())
		if want := insertsSchema + strings.Replace(stmt, "'a'", "'<a>'", 1); err != nil || got != want {
			t.Errorf("%s: %q, %v", stmt, got, err)
		}
	}
	// Without a column list, the order of an inheriting table's values is
	// not certain.
	inh := "CREATE TABLE public.p (id integer);\nCREATE TABLE public.c (\n    email text\n)\nINHERITS (public.p);\n"
	if _, err := rewriteString(t, inh+"INSERT INTO public.c VALUES (1, 'secret');\n", &ruled{cols: map[string][]string{"public.c": {"email"}}}); err == nil || !strings.Contains(err.Error(), "--column-inserts") {
		t.Errorf("inheriting table: %v", err)
	}
	if got, err := rewriteString(t, inh+"INSERT INTO public.c (email, id) VALUES ('a', 1);\n", &ruled{cols: map[string][]string{"public.c": {"email"}}}); err != nil || !strings.Contains(got, "('<a>', 1)") {
		t.Errorf("inheriting table with a column list: %q, %v", got, err)
	}
	for _, tc := range []struct{ stmt, want string }{
		{"INSERT INTO public.users (id, mail, n) VALUES (1, 'secret', 2);", "the INSERT lists a column mail that the table's CREATE TABLE does not have"},
		{"INSERT INTO public.users (id, email) VALUES (1, 'secret', 2);", "row has 3 values, the INSERT lists 2 columns"},
		{"INSERT INTO public.users VALUES (1, 'secret');", "row has 2 values, the table has 3 columns"},
		{"INSERT INTO public.users VALUES\n\t(1, 'ok', 1),\n\t(2, upper('secret'), 2);", "test.sql:9: table public.users, column email: the value is an expression"},
		{"INSERT INTO public.users VALUES (1, 'secret', 1) RETURNING id; SELECT 'secret';", "text after an INSERT statement"},
		{"INSERT INTO public.users SELECT 1, 'secret', 1;", "cannot read this INSERT statement: not an INSERT … VALUES"},
		{"INSERT INTO public.users VALUES (1, 'secret', 1)", "input ends inside a statement"},
		{"INSERT INTO public.users VALUES (1, 'secret", "input ends inside a quoted string"},
	} {
		got, err := rewriteString(t, insertsSchema+tc.stmt+"\n", tr())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.stmt, err, tc.want)
		}
		if strings.Contains(got, "secret") || err != nil && strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: a value leaked: %q, %v", tc.stmt, got, err)
		}
	}
}

// A statement longer than the read buffer is held across chunks and
// rewritten whole; its huge value too.
func TestInsertsLong(t *testing.T) {
	big := strings.Repeat("x'y", readBufSize)
	var b strings.Builder
	b.WriteString(insertsSchema + "INSERT INTO public.users VALUES\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "\t(%d, 'r%d', %d),\n", i, i, i)
	}
	b.WriteString("\t(7, '" + strings.ReplaceAll(big, "'", "''") + "', 7);\n")
	got, err := rewriteString(t, b.String(), &ruled{cols: map[string][]string{"public.users": {"email"}}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "\t(2999, '<r2999>', 2999),\n") || !strings.Contains(got, "\t(7, '<"+strings.ReplaceAll(big, "'", "''")+">', 7);\n") {
		t.Errorf("long statement not rewritten")
	}
	if strings.Count(got, "<") != 3001 {
		t.Errorf("%d values rewritten, want 3001", strings.Count(got, "<"))
	}
}

// An INSERT target not on the statement's first line cannot be held from
// its start: refused for a ruled table, before anything is written.
func TestInsertsSplitTarget(t *testing.T) {
	_, err := rewriteString(t, insertsSchema+"INSERT INTO\n public.users VALUES (1, 'secret', 1);\n", &ruled{cols: map[string][]string{"public.users": {"email"}}})
	if err == nil || !strings.Contains(err.Error(), "not on its first line") {
		t.Errorf("error = %v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Table != "public.users" {
		t.Errorf("error %v does not name the table", err)
	}
}

// markAll rules every column of every table but the ones in skip with
// marker, and filters out the rows whose first value is 2.
type markAll struct{ skip map[string]bool }

func (m *markAll) Table(t *Table) (*TablePlan, error) {
	if m.skip[t.QualifiedName()] {
		return nil, nil
	}
	p := &TablePlan{Columns: make([]ColumnRewriter, len(t.Columns)), Filter: &filter{drop: "2"}}
	for i := range p.Columns {
		p.Columns[i] = marker{}
	}
	return p, nil
}

// With several workers, INSERT statements come out byte for byte as one
// worker writes them, with the same counts, even when the pool's batches
// are tiny.
func TestInsertsParallel(t *testing.T) {
	var in []byte
	for _, f := range []string{"inserts", "rows_per_insert", "std_strings_off_inserts"} {
		b, err := os.ReadFile("../testdata/dumps/" + f + ".sql")
		if err != nil {
			t.Fatal(err)
		}
		in = append(in, b...)
	}
	// And a run of statements long enough for many batches.
	var b strings.Builder
	b.WriteString(insertsSchema)
	for i := range 30000 {
		fmt.Fprintf(&b, "INSERT INTO public.users VALUES (%d, 'user%d@x', %d);\n", i%7, i, -i)
	}
	in = append(in, b.String()...)
	skip := map[string]bool{"public.child": true}
	var one bytes.Buffer
	st1, err := Rewrite(&one, bytes.NewReader(in), &markAll{skip}, Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(one.Bytes(), in) || st1.RowsDropped == 0 {
		t.Fatalf("nothing rewritten or dropped (%d rows dropped)", st1.RowsDropped)
	}
	for _, workers := range []int{2, 5} {
		var many bytes.Buffer
		st, err := Rewrite(&many, iotest.HalfReader(bytes.NewReader(in)), &markAll{skip}, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(many.Bytes(), one.Bytes()) {
			t.Fatalf("%d workers: output differs at byte %d", workers, firstDiff(many.Bytes(), one.Bytes()))
		}
		if fmt.Sprint(st.Ruled) != fmt.Sprint(st1.Ruled) || st.RowsRewritten != st1.RowsRewritten || st.RowsDropped != st1.RowsDropped {
			t.Errorf("%d workers: stats %+v, want %+v", workers, st.Ruled, st1.Ruled)
		}
	}
	// An error in a batch stops the run; nothing of its statements is
	// written.
	bad := append(append([]byte{}, in...), insertsSchema+"INSERT INTO public.users VALUES (1, lower('secret'), 1);\n"...)
	var out bytes.Buffer
	if _, err := Rewrite(&out, bytes.NewReader(bad), &markAll{skip}, Options{Workers: 3}); err == nil || !strings.Contains(err.Error(), "the value is an expression") {
		t.Errorf("error = %v", err)
	}
	if bytes.Contains(out.Bytes(), []byte("secret")) {
		t.Errorf("the failed statement was written")
	}
}

type keepOdd struct{}

func (keepOdd) Keep(fields [][]byte) (bool, error) {
	return len(fields[0]) > 0 && (fields[0][len(fields[0])-1]-'0')%2 == 1, nil
}

// Per-statement work allocates nothing once buffers have grown: the
// scan, the filter's COPY fields, decoding, rewriting and encoding.
func TestInsertsAllocs(t *testing.T) {
	tbl := &Table{Schema: "public", Name: "users", Columns: []Column{{Name: "id"}, {Name: "email"}, {Name: "n"}}}
	plan := &TablePlan{Columns: []ColumnRewriter{nil, marker{}, marker{}}, Filter: keepOdd{}}
	w := newInsertWorker(plan, tbl)
	text := []byte("INSERT INTO public.users (id, email, n) VALUES\n\t(1, 'it''s', NULL),\n\t(2, E'a\\\\b', -5),\n\t(3, 'x'::text, 7) ON CONFLICT DO NOTHING;\n")
	s := &InsertStatement{Table: tbl, Line: 1, Text: text, Start: 0, End: len(text) - 1, StdStrings: true}
	out, err := w.rewrite(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	want := "INSERT INTO public.users (id, email, n) VALUES\n\t(1, '<it''s>', NULL),\n\t(3, '<x>'::text, '<7>') ON CONFLICT DO NOTHING;\n"
	if string(out) != want {
		t.Fatalf("got %q, want %q", out, want)
	}
	allocs := testing.AllocsPerRun(1000, func() {
		if out, err = w.rewrite(out[:0], s); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("rewrite allocates %v times per statement, want 0", allocs)
	}
}

// FuzzInsertsRewrite: any INSERT into a declared table, rewritten with
// every value decoded and encoded again, either fails or gives a text
// that the same rewrite leaves unchanged (the encoding is canonical); it
// never panics.
func FuzzInsertsRewrite(f *testing.F) {
	f.Add("INSERT INTO public.users VALUES (1, 'a''b', NULL);", true)
	f.Add("INSERT INTO public.users (n, id, email) VALUES\n\t(-1, 2, E'x\\ty'),\n\t(3, 4, 'z'::text) ON CONFLICT DO NOTHING;", true)
	f.Add("INSERT INTO public.users VALUES (1, '\\\\x00', 1.5e3);", false)
	f.Fuzz(func(t *testing.T, stmt string, std bool) {
		head := insertsSchema
		if !std {
			head = "SET standard_conforming_strings = off;\n" + head
		}
		var once, twice bytes.Buffer
		if _, err := Rewrite(&once, strings.NewReader(head+stmt+"\n"), &rewriteAll{}, Options{AnySQL: true}); err != nil {
			return
		}
		if _, err := Rewrite(&twice, bytes.NewReader(once.Bytes()), &rewriteAll{}, Options{AnySQL: true}); err != nil {
			t.Fatalf("the rewritten text fails: %v\n%q", err, once.String())
		}
		if !bytes.Equal(once.Bytes(), twice.Bytes()) {
			t.Fatalf("not a fixed point:\n%q\n%q", once.String(), twice.String())
		}
	})
}

// observeAll rules every table (but those in skip) with an Observer that
// records the written rows, as the fields it is shown joined by tabs;
// with rewrite, every column goes through same, else all are kept.
type observeAll struct {
	rewrite bool
	skip    map[string]bool
	mu      sync.Mutex
	rows    map[string][]string
	values  int
}

func (o *observeAll) Table(t *Table) (*TablePlan, error) {
	if o.skip[t.QualifiedName()] {
		return nil, nil
	}
	rec := &rowRecorder{o: o, table: t.QualifiedName()}
	for _, c := range t.Columns {
		rec.names = append(rec.names, c.Name)
	}
	p := &TablePlan{Columns: make([]ColumnRewriter, len(t.Columns)), Observer: rec}
	if o.rewrite {
		for i := range p.Columns {
			p.Columns[i] = same{&o.values}
		}
	}
	return p, nil
}

type rowRecorder struct {
	o     *observeAll
	table string
	names []string
}

func (r *rowRecorder) Observe(fields [][]byte) error {
	r.o.mu.Lock()
	defer r.o.mu.Unlock()
	if r.o.rows == nil {
		r.o.rows = map[string][]string{}
	}
	// By column name: an INSERT table's columns are its CREATE TABLE's,
	// in their order, which a COPY's column list need not follow.
	if len(fields) != len(r.names) {
		return fmt.Errorf("%d fields for %d columns", len(fields), len(r.names))
	}
	kv := make([]string, len(fields))
	for i, f := range fields {
		kv[i] = r.names[i] + "=" + string(f)
	}
	slices.Sort(kv)
	r.o.rows[r.table] = append(r.o.rows[r.table], strings.Join(kv, "\t"))
	return nil
}

// TestInsertsObserve: the Observer of an INSERT table is shown every
// written row exactly as the COPY dump of the same database (pg_dump 15,
// testdata/dumps) shows it: the same fields, byte for byte, in COPY
// text, whether the values are kept or rewritten, with one worker or
// several, and under standard_conforming_strings off.
func TestInsertsObserve(t *testing.T) {
	observe := func(f string, rewrite bool, workers int) map[string][]string {
		t.Helper()
		in, err := os.ReadFile("../testdata/dumps/" + f + ".sql")
		if err != nil {
			t.Fatal(err)
		}
		tr := &observeAll{rewrite: rewrite, skip: map[string]bool{"public.child": true}}
		if _, err := Rewrite(io.Discard, bytes.NewReader(in), tr, Options{Name: f, Workers: workers}); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if workers > 1 {
			for _, rows := range tr.rows {
				slices.Sort(rows)
			}
		}
		return tr.rows
	}
	for _, workers := range []int{1, 3} {
		want := observe("full", false, workers)
		if len(want) < 10 || len(want[`public.alltypes`]) == 0 {
			t.Fatalf("the COPY dump shows rows of %d tables: %v", len(want), want)
		}
		delete(want, "public.child")
		for _, f := range []string{"inserts", "column_inserts", "rows_per_insert", "std_strings_off_inserts"} {
			for _, rewrite := range []bool{false, true} {
				got := observe(f, rewrite, workers)
				for table, rows := range want {
					if !slices.Equal(got[table], rows) {
						t.Errorf("%s (rewrite %v, %d workers): %s: observed\n%q\nwant (COPY)\n%q", f, rewrite, workers, table, got[table], rows)
					}
				}
				for table := range got {
					if _, ok := want[table]; !ok {
						t.Errorf("%s: observed rows of %s, which the COPY dump has none of", f, table)
					}
				}
			}
		}
	}
}

// joinObserver keeps the rows it is shown, fields joined by '|' and rows
// by ';', in a buffer it reuses.
type joinObserver struct{ buf []byte }

func (o *joinObserver) Observe(fields [][]byte) error {
	for i, f := range fields {
		if i > 0 {
			o.buf = append(o.buf, '|')
		}
		o.buf = append(o.buf, f...)
	}
	o.buf = append(o.buf, ';')
	return nil
}

// TestInsertsObserveAllocs: the observer is shown the written values as
// COPY text (kept ones converted from their literals: a doubled quote, an
// E” escape, a cast; rewritten ones and NULL as written), in table
// column order whatever the INSERT's order, and showing them allocates
// nothing per row.
func TestInsertsObserveAllocs(t *testing.T) {
	tbl := &Table{Schema: "public", Name: "users", Columns: []Column{{Name: "id"}, {Name: "email"}, {Name: "n"}}}
	obs := &joinObserver{}
	plan := &TablePlan{Columns: []ColumnRewriter{nil, nil, marker{}}, Observer: obs}
	w := newInsertWorker(plan, tbl)
	text := []byte("INSERT INTO public.users (n, email, id) VALUES\n\t(NULL, 'it''s', 1),\n\t(-5, E'a\\\\b\\tc', 2),\n\t(7, 'x'::text, 3),\n\t(8, 'tab\there', 4);\n")
	s := &InsertStatement{Table: tbl, Line: 1, Text: text, Start: 0, End: len(text) - 1, StdStrings: true}
	out, err := w.rewrite(nil, s)
	if err != nil {
		t.Fatal(err)
	}
	if want := `1|it's|\N;2|a\\b\tc|<-5>;3|x|<7>;4|tab\there|<8>;`; string(obs.buf) != want {
		t.Fatalf("observed %q, want %q", obs.buf, want)
	}
	allocs := testing.AllocsPerRun(1000, func() {
		obs.buf = obs.buf[:0]
		if out, err = w.rewrite(out[:0], s); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("rewrite with an observer allocates %v times per statement, want 0", allocs)
	}
}

// TestInsertsObserveRefused: a row the observer cannot be shown whole
// stops the run: a table column the INSERT gives no value, DEFAULT VALUES.
func TestInsertsObserveRefused(t *testing.T) {
	tbl := &Table{Schema: "public", Name: "users", Columns: []Column{{Name: "id"}, {Name: "email"}}}
	for stmt, want := range map[string]string{
		"INSERT INTO public.users (id) VALUES (1);":                 "no value in the INSERT",
		"INSERT INTO public.users DEFAULT VALUES;":                  "DEFAULT VALUES",
		"INSERT INTO public.users (id, email) VALUES (1, DEFAULT);": "DEFAULT",
	} {
		w := newInsertWorker(&TablePlan{Columns: make([]ColumnRewriter, 2), Observer: &joinObserver{}}, tbl)
		s := &InsertStatement{Table: tbl, Line: 1, Text: []byte(stmt + "\n"), Start: 0, End: len(stmt), StdStrings: true}
		if _, err := w.rewrite(nil, s); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", stmt, err, want)
		}
		w = newInsertWorker(&TablePlan{Columns: make([]ColumnRewriter, 2)}, tbl)
		if _, err := w.rewrite(nil, s); err != nil {
			t.Errorf("%s, without an observer: %v", stmt, err)
		}
	}
}

// endRecorder is observeAll that also records EndTable calls.
type endRecorder struct {
	observeAll
	ends    map[string]int64
	endRows map[string]int // rows observed when EndTable came
}

func (e *endRecorder) EndTable(t *Table, rows int64) {
	if e.ends == nil {
		e.ends, e.endRows = map[string]int64{}, map[string]int{}
	}
	name := t.QualifiedName()
	if _, ok := e.ends[name]; ok {
		e.ends[name] = -1 // a second call
		return
	}
	e.ends[name] = rows
	e.mu.Lock()
	e.endRows[name] = len(e.rows[name])
	e.mu.Unlock()
}

// TestInsertsEndTable: a TableEnder hears once of each ruled INSERT
// table, with its row count, after every row of it has been observed.
func TestInsertsEndTable(t *testing.T) {
	in, err := os.ReadFile("../testdata/dumps/rows_per_insert.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		tr := &endRecorder{observeAll: observeAll{skip: map[string]bool{"public.child": true}}}
		if _, err := Rewrite(io.Discard, bytes.NewReader(in), tr, Options{Workers: workers}); err != nil {
			t.Fatal(err)
		}
		if len(tr.rows) < 10 {
			t.Fatalf("rows observed of %d tables", len(tr.rows))
		}
		for name, rows := range tr.rows {
			if tr.ends[name] != int64(len(rows)) || tr.endRows[name] != len(rows) {
				t.Errorf("%d workers: %s: EndTable with %d rows after %d were observed; %d were", workers, name, tr.ends[name], tr.endRows[name], len(rows))
			}
		}
	}
}
