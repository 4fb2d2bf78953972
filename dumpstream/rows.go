package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// rowWorker rewrites the rows of one COPY block. It owns its buffers and
// its plan's rewriters: one per goroutine.
type rowWorker struct {
	plan     *TablePlan
	rw       []ColumnRewriter // per field (an OID field has none)
	names    []string         // per field, for messages
	nfields  int              // fields per row
	copyLine int
	offs     []int  // field start offsets in the row being rewritten
	dec, enc []byte // scratch for one field
	// Per field: non-NULL values rewritten, NULLs seen.
	rewritten, nulls []int64
	filter           RowFilter
	first            int      // fields before the columns (1 with OIDs)
	fields           [][]byte // the row's fields, for the filter and row readers
	readers          []RowReader
	readersSet       bool  // whether readers was computed
	dropped          int64 // rows the filter dropped
	observer         RowObserver
	obsOffs          []int    // field offsets of the written row, for the observer
	obsFields        [][]byte // its fields
	// stream, when set, receives the row as it is built once a field is
	// huge: the part of the row before it, then the field in pieces
	// (a failed row may then be written in part; its ruled fields never
	// unrewritten).
	stream io.Writer
}

// fieldCountMessage says that a row has got fields where its COPY
// statement, at line copyLine (0 in an archive, whose COPY statements are
// TOC entries), lists want columns.
func fieldCountMessage(got, copyLine, want int) string {
	if copyLine == 0 {
		return fmt.Sprintf("row has %d fields, its COPY statement lists %d columns", got, want)
	}
	return fmt.Sprintf("row has %d fields, the COPY statement at line %d lists %d columns", got, copyLine, want)
}

// rowError is a problem with one row; the caller knows its line.
type rowError struct {
	column string
	msg    string
}

func (e *rowError) Error() string { return e.msg }

// appendRow appends the rewritten row line (with its line ending) to dst.
func (w *rowWorker) appendRow(dst, line []byte) ([]byte, error) {
	end := len(line)
	if end > 0 && line[end-1] == '\n' {
		end--
		if end > 0 && line[end-1] == '\r' {
			end--
		}
	}
	body, eol := line[:end], line[end:]
	// An odd run of backslashes at the end escapes the newline: COPY
	// would continue the row on the next line. pg_dump never writes that.
	k := 0
	for k < len(body) && body[len(body)-1-k] == '\\' {
		k++
	}
	if k%2 == 1 {
		return dst, &rowError{msg: "row ends with a backslash (an escaped line break), which pg_dump never writes"}
	}
	if w.nfields == 0 {
		if len(body) > 0 {
			return dst, &rowError{msg: "row has data but the table has no columns"}
		}
		return append(dst, eol...), nil
	}
	// Field i is body[offs[i] : offs[i+1]-1]; the sentinel len(body)+1
	// ends the last one.
	offs := copyText{}.Split(w.offs, body)
	nf := len(offs) - 1
	w.offs = offs
	if nf != w.nfields {
		return dst, &rowError{msg: fieldCountMessage(nf, w.copyLine, w.nfields)}
	}
	if !w.readersSet {
		w.readersSet = true
		for _, cr := range w.rw {
			if rr, ok := cr.(RowReader); ok {
				w.readers = append(w.readers, rr)
			}
		}
	}
	if w.filter != nil || len(w.readers) > 0 {
		fields := w.fields[:0]
		for i := w.first; i < nf; i++ {
			fields = append(fields, body[offs[i]:offs[i+1]-1])
		}
		w.fields = fields
		for _, rr := range w.readers {
			rr.SetRow(fields)
		}
	}
	if w.filter != nil {
		keep, err := w.filter.Keep(w.fields)
		if err != nil {
			return dst, &rowError{msg: err.Error()}
		}
		if !keep {
			w.dropped++
			return dst, nil
		}
	}
	mark := len(dst)
	streamed := false
	for i := 0; i < nf; {
		if i > 0 {
			dst = append(dst, '\t')
		}
		cr := w.rw[i]
		if cr == nil {
			// Copy the run of kept fields, with the tabs between them, in
			// one go.
			j := i + 1
			for j < nf && w.rw[j] == nil {
				j++
			}
			dst = append(dst, body[offs[i]:offs[j]-1]...)
			i = j
			continue
		}
		f := body[offs[i] : offs[i+1]-1]
		null := isNull(f)
		val := f
		if null {
			w.nulls[i]++
			val = nil
		} else {
			w.rewritten[i]++
			if bytes.IndexByte(f, '\\') >= 0 { // most values have no escapes
				if len(f) >= hugeBuffer && cap(w.dec) < len(f) {
					w.dec = make([]byte, 0, len(f))
				}
				var err error
				if w.dec, err = AppendDecoded(w.dec[:0], f); err != nil {
					return dst[:mark], &rowError{column: w.names[i], msg: err.Error()}
				}
				val = w.dec
			}
		}
		if len(val) >= hugeBuffer && cap(w.enc) < len(val)+len(val)/8 {
			w.enc = make([]byte, 0, len(val)+len(val)/8) // most rewriters keep the length
		}
		enc, outNull, err := cr.Rewrite(w.enc[:0], val, null)
		w.enc = enc
		if err != nil {
			return dst[:mark], &rowError{column: w.names[i], msg: err.Error()}
		}
		if outNull {
			dst = append(dst, nullField...)
		} else if w.stream != nil && len(enc) >= hugeBuffer {
			// Write a huge field out in pieces rather than copy it whole.
			streamed = true
			for k := 0; k < len(enc); k += 1 << 20 {
				dst = AppendEncoded(dst, enc[k:min(k+1<<20, len(enc))])
				if _, err := w.stream.Write(dst); err != nil {
					return dst[:0], err
				}
				dst = dst[:0]
			}
		} else {
			dst = AppendEncoded(dst, enc)
		}
		if cap(w.enc) >= hugeBuffer {
			w.enc = nil // do not keep a huge field's buffers
		}
		if cap(w.dec) >= hugeBuffer {
			w.dec = nil
		}
		i++
	}
	if w.observer != nil {
		if streamed {
			return dst[:0], &rowError{msg: "the row has a value of 1 MiB or more, which the k_anonymity count cannot see whole; leave the table out of k_anonymity"}
		}
		if err := w.observe(dst[mark:]); err != nil {
			return dst[:mark], &rowError{msg: err.Error()}
		}
	}
	return append(dst, eol...), nil
}

// observe shows the written row (without its line ending) to the
// observer, without its OID field.
func (w *rowWorker) observe(row []byte) error {
	offs := copyText{}.Split(w.obsOffs, row)
	w.obsOffs = offs
	fields := w.obsFields[:0]
	for i := w.first; i < len(offs)-1; i++ {
		fields = append(fields, row[offs[i]:offs[i+1]-1])
	}
	w.obsFields = fields
	return w.observer.Observe(fields)
}

// rowErr places a row problem at an input line.
func (r *rewriter) rowErr(line int, err error) error {
	var re *rowError
	if errors.As(err, &re) {
		return &Error{Name: r.opt.Name, Line: line, Table: r.table.QualifiedName(), Column: re.column, Err: errors.New(re.msg)}
	}
	return r.tableError(line, err)
}

// RowRewriter rewrites single rows of a block by a plan, exactly as a run
// does, for tools that look at a sample of rows (check). It is used by
// one goroutine.
type RowRewriter struct {
	w *rowWorker
}

// NewRowRewriter returns a RowRewriter for the rows of block b under
// plan, which must not drop every row.
func NewRowRewriter(b *Block, plan *TablePlan) *RowRewriter {
	n := len(b.Table.Columns)
	first := 0
	if b.OIDs {
		first = 1
	}
	w := &rowWorker{plan: plan, nfields: n + first, copyLine: b.Line, first: first, filter: plan.Filter, observer: plan.Observer,
		rw: make([]ColumnRewriter, n+first), names: make([]string, n+first),
		rewritten: make([]int64, n+first), nulls: make([]int64, n+first)}
	copy(w.rw[first:], plan.Columns)
	for i, c := range b.Table.Columns {
		w.names[first+i] = c.Name
	}
	return &RowRewriter{w: w}
}

// Rewrite appends the rewritten line (a raw row with its line ending, as
// Row.Bytes gives it) to dst; dropped reports a row the plan's filter
// drops. An error names the column, never a value.
func (r *RowRewriter) Rewrite(dst, line []byte) (out []byte, dropped bool, err error) {
	before := r.w.dropped
	out, err = r.w.appendRow(dst, line)
	if err != nil {
		var re *rowError
		if errors.As(err, &re) && re.column != "" {
			err = fmt.Errorf("column %s: %s", re.column, re.msg)
		}
	}
	return out, r.w.dropped > before, err
}
