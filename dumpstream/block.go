package dumpstream

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"runtime/debug"
)

// A COPY block's data is a stream of rows, one a line, ending at a `\.`
// line or at the end of the stream. In a plain dump it follows the COPY
// statement in the input; in a custom, directory or tar archive it is an
// entry of its own, which [WalkBlock] reads.

// RowCodec reads and writes the fields of one row format: the COPY text
// format ([CopyText]) now; SQL literals in INSERT statements later.
type RowCodec interface {
	// Split appends to offs[:0] the offset of each field of row (a row
	// without its line ending), then the sentinel len(row)+1, so that
	// field i is row[offs[i]:offs[i+1]-1].
	Split(offs []int, row []byte) []int
	// IsNull reports whether a raw field is SQL NULL.
	IsNull(field []byte) bool
	// Decode appends the value of a raw, non-NULL field to dst.
	Decode(dst, field []byte) ([]byte, error)
	// Encode appends value as a raw field to dst.
	Encode(dst, value []byte) []byte
	// AppendNull appends the raw spelling of NULL to dst.
	AppendNull(dst []byte) []byte
}

// CopyText is the codec of COPY's text format with the default TAB
// delimiter and `\N` NULL.
var CopyText RowCodec = copyText{}

type copyText struct{}

func (copyText) Split(offs []int, row []byte) []int {
	offs = append(offs[:0], 0)
	for i := 0; ; {
		j := bytes.IndexByte(row[i:], '\t')
		if j < 0 {
			break
		}
		i += j + 1
		offs = append(offs, i)
	}
	return append(offs, len(row)+1)
}
func (copyText) IsNull(field []byte) bool                 { return isNull(field) }
func (copyText) Decode(dst, field []byte) ([]byte, error) { return AppendDecoded(dst, field) }
func (copyText) Encode(dst, value []byte) []byte          { return AppendEncoded(dst, value) }
func (copyText) AppendNull(dst []byte) []byte             { return append(dst, nullField...) }

// Row is one row of a COPY block, as [RowVisitor.Row] gets it. Its fields
// are split on first use and decoded only when asked for.
type Row struct {
	Line    int // input line (in a plain dump)
	block   *Block
	line    []byte // the raw row with its line ending
	body    []byte // without it
	nfields int    // fields expected (with an OID field)
	split   bool
	offs    []int
	dec     []byte
	err     error
}

func (r *Row) reset(line []byte, n int) {
	r.Line, r.line, r.split, r.err = n, line, false, nil
	end := len(line)
	if end > 0 && line[end-1] == '\n' {
		end--
		if end > 0 && line[end-1] == '\r' {
			end--
		}
	}
	r.body = line[:end]
}

// Bytes returns the raw row with its line ending.
func (r *Row) Bytes() []byte { return r.line }

// Fields splits the row and checks that it has one field per column of
// Table.Columns (plus the OID, which the field indexes below skip). It is
// called by the other field methods; call it first to get its error.
func (r *Row) Fields() error {
	if r.split {
		return r.err
	}
	r.split = true
	switch {
	case !r.block.Text:
		r.err = errors.New("the rows of this COPY are not in the default text format; their fields cannot be read")
	case r.nfields == 0 && len(r.body) > 0:
		r.err = &rowError{msg: "row has data but the table has no columns"}
	case r.nfields == 0:
		r.offs = append(r.offs[:0], 0, 1)
	default:
		r.offs = CopyText.Split(r.offs, r.body)
		if nf := len(r.offs) - 1; nf != r.nfields {
			r.err = &rowError{msg: fieldCountMessage(nf, r.block.Line, r.nfields)}
		}
	}
	return r.err
}

// Raw returns the raw field of column i (of Table.Columns), or nil when
// the row cannot be split (see Fields).
func (r *Row) Raw(i int) []byte {
	if r.Fields() != nil {
		return nil
	}
	if r.block.OIDs {
		i++
	}
	return r.body[r.offs[i] : r.offs[i+1]-1]
}

// IsNull reports whether column i is NULL.
func (r *Row) IsNull(i int) bool {
	f := r.Raw(i)
	return f != nil && isNull(f)
}

// Value returns the decoded value of column i (nil for NULL). The slice
// is valid until the next call of Value.
func (r *Row) Value(i int) ([]byte, error) {
	if err := r.Fields(); err != nil {
		return nil, err
	}
	f := r.Raw(i)
	if isNull(f) {
		return nil, nil
	}
	if bytes.IndexByte(f, '\\') < 0 {
		return f, nil
	}
	var err error
	r.dec, err = AppendDecoded(r.dec[:0], f)
	if err != nil {
		return nil, &rowError{column: r.block.Table.Columns[i].Name, msg: err.Error()}
	}
	return r.dec, nil
}

// WalkBlock reads the rows of one COPY block from src (the data of an
// archive entry: rows ending at a `\.` line or at EOF) and hands them to
// rv; it returns the number of rows. Row.Line counts lines from 1 in src.
// When src is a *bufio.Reader it is read directly, so the caller can go on
// reading after an error (the rest of a block after ErrSkipBlock).
func WalkBlock(src io.Reader, b *Block, rv RowVisitor) (rows int64, err error) {
	br, ok := src.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(src, readBufSize)
	}
	lr := lineReader{br: br}
	nf := len(b.Table.Columns)
	if b.OIDs {
		nf++
	}
	row := Row{block: b, nfields: nf}
	for n := 1; ; n++ {
		line, err := lr.next()
		if err == io.EOF || err == nil && isEndMarker(line) {
			return rows, nil
		}
		if err != nil {
			return rows, err
		}
		rows++
		row.reset(line, n)
		if err := rv.Row(&row); err != nil {
			return rows, err
		}
	}
}

func isEndMarker(line []byte) bool {
	if len(line) < 2 || line[0] != '\\' || line[1] != '.' {
		return false
	}
	rest := line[2:]
	return len(rest) == 0 || len(rest) == 1 && rest[0] == '\n' || len(rest) == 2 && rest[0] == '\r' && rest[1] == '\n'
}

// peekLine returns the next line with its '\n' (the last line may lack
// one) without consuming it, or, when the line is longer than the read
// buffer, the buffer's worth of its beginning (partial). The slice is
// valid until the next read; discard consumes what was used of it.
func (lr *lineReader) peekLine() (b []byte, partial bool, err error) {
	br := lr.br
	from := 0 // bytes already searched for '\n'
	for {
		buf, _ := br.Peek(br.Buffered())
		if k := bytes.IndexByte(buf[from:], '\n'); k >= 0 {
			return buf[:from+k+1], false, nil
		}
		from = len(buf)
		if len(buf) == br.Size() {
			return buf, true, nil
		}
		if _, err := br.Peek(len(buf) + 1); err != nil && err != bufio.ErrBufferFull {
			if err == io.EOF && len(buf) > 0 {
				buf, _ = br.Peek(br.Buffered())
				return buf, false, nil
			}
			return nil, false, err
		}
	}
}

// discard consumes n bytes that peekLine returned.
func (lr *lineReader) discard(n int) {
	lr.br.Discard(n)
	lr.n += int64(n)
}

// appendLong appends to the long-line buffer. It doubles the buffer
// itself, and once it is large hands the old one back to the system
// right away, so that a huge row costs about its size rather than the
// sum of the buffers it outgrew.
func (lr *lineReader) appendLong(p []byte) {
	if n := len(lr.long) + len(p); n > cap(lr.long) {
		nb := make([]byte, len(lr.long), max(2*cap(lr.long), n, 64<<10))
		copy(nb, lr.long)
		big := cap(lr.long) >= hugeBuffer
		lr.long = nb
		if big {
			debug.FreeOSMemory()
		}
	}
	lr.long = append(lr.long, p...)
}

// hugeBuffer is the size from which a buffer is sized and freed with
// care: a single value this large is rare, and its copies dominate RSS.
const hugeBuffer = 32 << 20

// lineReader returns lines of any length.
type lineReader struct {
	br   *bufio.Reader
	long []byte // owned buffer for lines longer than br's buffer
	n    int64
}

// next returns the next line with its '\n' (the last line may lack one).
// The slice is valid until the next call.
func (lr *lineReader) next() ([]byte, error) {
	line, err := lr.br.ReadSlice('\n')
	lr.n += int64(len(line))
	switch {
	case err == nil:
		return line, nil
	case err == bufio.ErrBufferFull:
		if cap(lr.long) > 64<<20 {
			lr.long = nil // do not keep a huge buffer forever
		}
		lr.long = lr.long[:0]
		lr.appendLong(line)
		for {
			line, err = lr.br.ReadSlice('\n')
			lr.n += int64(len(line))
			lr.appendLong(line)
			switch {
			case err == nil || err == io.EOF:
				return lr.long, nil
			case err != bufio.ErrBufferFull:
				return nil, err
			}
		}
	case err == io.EOF && len(line) > 0:
		return line, nil
	}
	return nil, err
}
