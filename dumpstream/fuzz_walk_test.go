package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
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

// blockLog records the blocks a walk sees and what it hands on.
type blockLog struct {
	readAll
	blocks []string
}

func (b *blockLog) Block(bl *Block) (RowVisitor, error) {
	b.blocks = append(b.blocks, fmt.Sprintf("%s@%d", bl.Table.QualifiedName(), bl.Line))
	if len(b.blocks)%4 == 1 {
		return nil, nil // every other block is skipped, in chunks
	}
	return &b.readAll, nil
}

func (b *blockLog) EndBlock(bl *Block, rows int64) error {
	b.blocks = append(b.blocks, fmt.Sprintf("end %d", rows))
	return nil
}

// FuzzChunkedLexer: lexing lines in chunks of a tiny read buffer finds the
// same statements, blocks and errors as lexing them whole.
func FuzzChunkedLexer(f *testing.F) {
	long := strings.Repeat("x", 700)
	for _, s := range []string{
		"SELECT '" + long + "'' COPY public.t (v) FROM stdin; ';\nCOPY public.t (v) FROM stdin;\na\n\\.\n",
		"SELECT $q$" + long + "$q $q$;\nCOPY t FROM stdin;\n\\.\n",
		"/* " + long + " /* */ */ SELECT 1; -- " + long + "\n\\connect d\nCOPY u (a) FROM stdin;\n" + long + "\n\\.\n",
		"SELECT E'" + long + "\\'';\n",
	} {
		f.Add([]byte(dumpHeader+s+dumpTrailer), 0)
	}
	f.Fuzz(func(t *testing.T, in []byte, pad int) {
		if pad > 0 && pad < 2000 {
			// Move everything against the chunk boundaries.
			in = append(bytes.Repeat([]byte{' '}, pad), in...)
		}
		walk := func(size int) (*blockLog, error) {
			defer func(old int) { walkBufSize = old }(walkBufSize)
			walkBufSize = size
			v := &blockLog{}
			_, err := Walk(bytes.NewReader(in), v, Options{AnySQL: true})
			return v, err
		}
		whole, werr := walk(readBufSize)
		small, serr := walk(512)
		if serr != nil && (strings.Contains(serr.Error(), "text after") || strings.Contains(serr.Error(), "longer than")) {
			return // a limit of chunked lexing, not a difference
		}
		if fmt.Sprint(werr) != fmt.Sprint(serr) {
			t.Fatalf("errors differ:\n whole: %v\n small: %v", werr, serr)
		}
		if strings.Join(whole.blocks, ",") != strings.Join(small.blocks, ",") {
			t.Fatalf("blocks differ:\n whole: %v\n small: %v", whole.blocks, small.blocks)
		}
		// On error, a chunked walk may have handed on more of the failing
		// line: both are prefixes of the input (FuzzWalk checks that).
		if werr == nil && !bytes.Equal(whole.raw.Bytes(), small.raw.Bytes()) {
			w, s := whole.raw.Bytes(), small.raw.Bytes()
			k := 0
			for k < len(w) && k < len(s) && w[k] == s[k] {
				k++
			}
			t.Fatalf("what the walks hand on differs at byte %d (lengths %d, %d; input %d; err %v)", k, len(w), len(s), len(in), werr)
		}
	})
}
