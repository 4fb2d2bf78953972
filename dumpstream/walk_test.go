package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

// recorder visits the rows of the tables in want and records everything.
type recorder struct {
	raw      bytes.Buffer
	declared []string
	keys     []Constraint
	ends     []string
	want     map[string]bool
	values   []string
	visitRaw bool // rows visited are also appended to raw, to rebuild the input
}

func (r *recorder) Raw(b []byte) error { r.raw.Write(b); return nil }
func (r *recorder) Declare(t *Table) error {
	r.declared = append(r.declared, fmt.Sprintf("%s(%d)", t.QualifiedName(), len(t.Columns)))
	return nil
}
func (r *recorder) Constraint(k Constraint) error { r.keys = append(r.keys, k); return nil }
func (r *recorder) Inserts(t *Table) error        { return nil }
func (r *recorder) Block(b *Block) (RowVisitor, error) {
	if r.want[b.Table.QualifiedName()] {
		return r, nil
	}
	return nil, nil
}
func (r *recorder) EndBlock(b *Block, rows int64) error {
	r.ends = append(r.ends, fmt.Sprintf("%s:%d", b.Table.QualifiedName(), rows))
	return nil
}
func (r *recorder) Row(row *Row) error {
	r.raw.Write(row.Bytes())
	if err := row.Fields(); err != nil {
		return err
	}
	v, err := row.Value(len(row.block.Table.Columns) - 1)
	if err != nil {
		return err
	}
	if v == nil {
		r.values = append(r.values, "NULL")
	} else {
		r.values = append(r.values, string(v))
	}
	return nil
}

func TestWalk(t *testing.T) {
	for _, want := range []map[string]bool{nil, {"public.users": true}} {
		rec := &recorder{want: want}
		st, err := Walk(strings.NewReader(smallDump), rec, Options{Name: "small.sql"})
		if err != nil {
			t.Fatal(err)
		}
		if rec.raw.String() != smallDump {
			t.Errorf("visit %v: Raw and the rows do not rebuild the input", want)
		}
		if st.Tables != 2 || st.Rows != 3 || st.Lines != int64(strings.Count(smallDump, "\n")) {
			t.Errorf("stats = %+v", st)
		}
		if got := strings.Join(rec.ends, " "); got != `public.users:2 "My Schema"."Mixed Case":1` {
			t.Errorf("EndBlock calls: %s", got)
		}
		if got := strings.Join(rec.declared, " "); got != "public.users(4)" {
			t.Errorf("declared: %s", got)
		}
		if want != nil {
			if got := strings.Join(rec.values, "|"); got != "tab\there|back\\slash" {
				t.Errorf("decoded values: %q", got)
			}
		}
	}
}

// Rewrite-only refusals are not the walk's.
func TestWalkReadsWhatRewriteRefuses(t *testing.T) {
	in := dumpHeader + "SET client_encoding = 'SJIS';\nCOPY public.t (v) FROM stdin;\nx\n\\.\n" +
		"COPY public.u (v) FROM stdin WITH (FORMAT csv);\na,b\n\\.\nCOPY public.w FROM stdin;\n1\n\\.\n" + dumpTrailer
	rec := &recorder{}
	if _, err := Walk(strings.NewReader(in), rec, Options{}); err != nil {
		t.Fatal(err)
	}
	if rec.raw.String() != in || len(rec.ends) != 3 {
		t.Errorf("walk: ends %v", rec.ends)
	}
	// A visitor that reads the CSV block's fields gets a clear error.
	rec = &recorder{want: map[string]bool{"public.u": true}}
	_, err := Walk(strings.NewReader(in), rec, Options{Name: "x.sql"})
	if err == nil || !strings.HasPrefix(err.Error(), "x.sql:10: table public.u: the rows of this COPY are not in the default text format") {
		t.Errorf("error = %v", err)
	}
}

// A visitor error stops the walk at its line; the walk's own errors are
// positioned.
func TestWalkErrors(t *testing.T) {
	boom := errors.New("boom")
	v := &stopper{err: boom}
	_, err := Walk(strings.NewReader(smallDump), v, Options{Name: "s.sql"})
	var e *Error
	if !errors.As(err, &e) || !errors.Is(err, boom) || e.Line != 14 || e.Table != "public.users" {
		t.Errorf("error = %v", err)
	}
	_, err = Walk(strings.NewReader(dumpHeader+"COPY public.t (v) FROM stdin;\nx\n"), NopVisitor{}, Options{})
	if !errors.Is(err, ErrTruncated) {
		t.Errorf("truncated block: %v", err)
	}
}

type stopper struct {
	NopVisitor
	err error
}

func (s *stopper) Block(b *Block) (RowVisitor, error) { return s, nil }
func (s *stopper) Row(*Row) error                     { return s.err }

// WalkBlock reads a block from a stream of its own, as an archive entry.
func TestWalkBlock(t *testing.T) {
	b := &Block{Table: &Table{Schema: "public", Name: "t", Columns: []Column{{Name: "a"}, {Name: "b"}}}, Text: true, Listed: true}
	for _, data := range []string{"1\tx\\ty\n2\t\\N\n\\.\n", "1\tx\\ty\n2\t\\N\n"} {
		rec := &recorder{}
		n, err := WalkBlock(strings.NewReader(data), b, rec)
		if err != nil || n != 2 || strings.Join(rec.values, "|") != "x\ty|NULL" {
			t.Errorf("%q: n=%d err=%v values=%q", data, n, err, rec.values)
		}
	}
}

func TestWalkFixtures(t *testing.T) {
	for _, f := range identityInputs(t) {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rec := &recorder{}
		if _, err := Walk(bytes.NewReader(in), rec, Options{Name: f}); err != nil && !errors.Is(err, ErrTruncated) {
			t.Errorf("%s: %v", f, err)
		}
		if !bytes.Equal(rec.raw.Bytes(), in) {
			t.Errorf("%s: Raw does not rebuild the input", f)
		}
	}
}

// A statement line longer than the read buffer is lexed in chunks: every
// construct the lexer looks around (doubled quotes, escapes, dollar tags,
// nested comments, line comments) comes out right wherever it falls
// against a chunk boundary.
func TestLongStatementChunks(t *testing.T) {
	const fake = " COPY public.t (v) FROM stdin; "
	for _, form := range []string{
		"SELECT 'PAD''" + fake + "';",
		"SELECT E'PAD\\'" + fake + "';",
		"SELECT $tg$PAD$" + fake + "$tg$;",
		"SELECT $tg$PAD$tg" + fake + "$tg$;",
		"/* PAD /*" + fake + "*/ still */ SELECT 1;",
		"SELECT 1; -- PAD" + fake,
		"SELECT \"PAD\"\"" + fake + "\";",
		"SELECT 'PAD', E'x\\\\'" + ", 'a''" + fake + "';",
	} {
		var ps []int
		for d := -24; d <= 8; d++ {
			ps = append(ps, readBufSize-lookahead+d, readBufSize+d-16)
		}
		for _, p := range ps {
			stmt := strings.Replace(form, "PAD", strings.Repeat("x", p), 1)
			in := dumpHeader + stmt + "\nCOPY public.t (v) FROM stdin;\nsecret\n\\.\n" + dumpTrailer
			tr := &ruled{cols: map[string][]string{"public.t": {"v"}}}
			got, err := run(t, in, tr, Options{})
			if err != nil {
				t.Fatalf("%.20s… pad %d: %v", form, p, err)
			}
			if len(tr.tables) != 1 || tr.tables[0].Line != 6 {
				t.Fatalf("%.20s… pad %d: %d blocks", form, p, len(tr.tables))
			}
			if want := strings.Replace(in, "\nsecret\n", "\n<secret>\n", 1); got != want {
				t.Fatalf("%.20s… pad %d: output differs", form, p)
			}
		}
	}
}

// A row above hugeBuffer is rewritten streaming, also between rows that
// the workers rewrite, and comes out in place.
func TestRewriteHugeRow(t *testing.T) {
	value := strings.Repeat("ab\\\\c", hugeBuffer/5+1)
	var in strings.Builder
	in.WriteString(dumpHeader + "COPY public.t (id, v) FROM stdin;\n")
	for i := range 3000 {
		fmt.Fprintf(&in, "%d\tv%d\n", i, i)
		if i == 1500 {
			fmt.Fprintf(&in, "huge\t%s\n", value)
		}
	}
	in.WriteString("\\.\n" + dumpTrailer)
	var want strings.Builder
	for _, l := range strings.SplitAfter(in.String(), "\n") {
		if k := strings.IndexByte(l, '\t'); k > 0 && !strings.HasPrefix(l, "COPY") {
			l = l[:k+1] + "<" + strings.TrimSuffix(l[k+1:], "\n") + ">\n"
		}
		want.WriteString(l)
	}
	for _, workers := range []int{1, 2} {
		var out bytes.Buffer
		st, err := Rewrite(&out, strings.NewReader(in.String()), &ruled{cols: map[string][]string{"public.t": {"v"}}}, Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != want.String() {
			t.Errorf("workers=%d: output differs", workers)
		}
		if c := st.Ruled[0].Columns[0]; c.Rewritten != 3001 {
			t.Errorf("workers=%d: rewritten = %d, want 3001", workers, c.Rewritten)
		}
	}
}

type sampler struct {
	NopVisitor
	raw  bytes.Buffer
	seen int
	ends []int64
}

func (s *sampler) Raw(b []byte) error                 { s.raw.Write(b); return nil }
func (s *sampler) Block(b *Block) (RowVisitor, error) { return s, nil }
func (s *sampler) EndBlock(b *Block, rows int64) error {
	s.ends = append(s.ends, rows)
	return nil
}
func (s *sampler) Row(r *Row) error {
	s.raw.Write(r.Bytes())
	if s.seen++; s.seen == 1 {
		return ErrSkipBlock
	}
	return nil
}

// ErrSkipBlock skips the rest of a block; the rows are still counted and
// passed on.
func TestWalkSkipRest(t *testing.T) {
	s := &sampler{}
	st, err := Walk(strings.NewReader(smallDump), s, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.raw.String() != smallDump || st.Rows != 3 || len(s.ends) != 2 || s.ends[0] != 2 || s.seen != 2 {
		t.Errorf("rows %d, ends %v, seen %d, rebuilt %v", st.Rows, s.ends, s.seen, s.raw.String() == smallDump)
	}
}
