package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
)

// rowWorker rewrites the rows of one COPY block. It owns its buffers and
// its plan's rewriters: one per goroutine.
type rowWorker struct {
	plan     *TablePlan
	columns  []Column
	nfields  int  // fields per row
	oids     bool // first field is an OID (pre-12 WITH OIDS)
	copyLine int
	fields   [][]byte
	dec, enc []byte // scratch for one field
	// Per column: non-NULL values rewritten, NULLs seen.
	rewritten, nulls []int64
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
	fields := w.fields[:0]
	if w.nfields > 0 {
		for {
			j := bytes.IndexByte(body, '\t')
			if j < 0 {
				fields = append(fields, body)
				break
			}
			fields = append(fields, body[:j])
			body = body[j+1:]
		}
	} else if len(body) > 0 {
		return dst, &rowError{msg: "row has data but the table has no columns"}
	}
	w.fields = fields
	if len(fields) != w.nfields {
		return dst, &rowError{msg: fmt.Sprintf("row has %d fields, the COPY statement at line %d lists %d columns", len(fields), w.copyLine, w.nfields)}
	}
	mark := len(dst)
	first := 0
	if w.oids {
		dst = append(dst, fields[0]...)
		first = 1
	}
	for i, f := range fields[first:] {
		if i > 0 || first > 0 {
			dst = append(dst, '\t')
		}
		cr := w.plan.Columns[i]
		if cr == nil {
			dst = append(dst, f...)
			continue
		}
		null := isNull(f)
		var val []byte
		if null {
			w.nulls[i]++
		} else {
			w.rewritten[i]++
			var err error
			if w.dec, err = AppendDecoded(w.dec[:0], f); err != nil {
				return dst[:mark], &rowError{column: w.columns[i].Name, msg: err.Error()}
			}
			val = w.dec
		}
		enc, outNull, err := cr.Rewrite(w.enc[:0], val, null)
		w.enc = enc
		if err != nil {
			return dst[:mark], &rowError{column: w.columns[i].Name, msg: err.Error()}
		}
		if outNull {
			dst = append(dst, nullField...)
		} else {
			dst = AppendEncoded(dst, enc)
		}
	}
	return append(dst, eol...), nil
}

// rowErr places a row problem at an input line.
func (r *rewriter) rowErr(line int, err error) error {
	var re *rowError
	if errors.As(err, &re) {
		return &Error{Name: r.opt.Name, Line: line, Table: r.table.QualifiedName(), Column: re.column, Err: errors.New(re.msg)}
	}
	return r.tableError(line, err)
}
