package dumpstream

import (
	"bytes"
	"errors"
	"testing"
)

// readAll visits every block and reads every field of every row.
type readAll struct {
	raw bytes.Buffer
}

func (r *readAll) Raw(b []byte) error                 { r.raw.Write(b); return nil }
func (r *readAll) Declare(*Table) error               { return nil }
func (r *readAll) Constraint(Constraint) error        { return nil }
func (r *readAll) Inserts(*Table) error               { return nil }
func (r *readAll) EndBlock(*Block, int64) error       { return nil }
func (r *readAll) Block(b *Block) (RowVisitor, error) { return r, nil }
func (r *readAll) Row(row *Row) error {
	r.raw.Write(row.Bytes())
	if err := row.Fields(); err != nil {
		return nil // a row that does not split is the visitor's business
	}
	for i := range row.block.Table.Columns {
		row.IsNull(i)
		if _, err := row.Value(i); err != nil {
			return err
		}
	}
	return nil
}

// FuzzWalk: Walk never panics; what it hands on rebuilds the input (a
// prefix of it on error); every error is an *Error at a line ≥ 1.
func FuzzWalk(f *testing.F) {
	f.Add([]byte(smallDump), false)
	f.Add([]byte(dumpHeader+"COPY t (a, b) FROM stdin;\n\\N\tx\\\\y\n\\.\n"+dumpTrailer), false)
	f.Add([]byte("\xef\xbb\xbfSET search_path = a, b;\nCOPY t FROM stdin;\n1\n\\."), true)
	f.Add([]byte("pg_dump: warning: x\n"), false)
	f.Add([]byte("SELECT $a$ $$ ; $a$; /* /* */ ; */ SELECT E'\\'';\n\\connect -reuse-previous=on \"dbname='x'\"\n"), true)
	f.Fuzz(func(t *testing.T, in []byte, anySQL bool) {
		v := &readAll{}
		st, err := Walk(bytes.NewReader(in), v, Options{Name: "f.sql", AnySQL: anySQL})
		if err == nil && !bytes.Equal(v.raw.Bytes(), in) {
			t.Fatal("the walk does not rebuild the input")
		}
		if !bytes.HasPrefix(in, v.raw.Bytes()) {
			t.Fatal("what the walk handed on is not a prefix of the input")
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			if errors.Is(err, ErrNotDump) && anySQL && !bytes.Contains([]byte(err.Error()), []byte("empty input")) {
				t.Fatalf("not-a-dump error with AnySQL: %v", err)
			}
		}
		if st.Bytes > int64(len(in)) {
			t.Fatalf("stats count %d bytes of %d", st.Bytes, len(in))
		}
	})
}
