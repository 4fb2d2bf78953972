package dumpstream

// Rewriting INSERT statements: each statement of a ruled table is
// scanned once (sqlliteral.go), each value a rule rewrites is decoded
// from its SQL literal, rewritten exactly as the same value in a COPY
// row would be, encoded back as a literal and spliced in at its offset;
// every other byte of the statement is copied. A row filter drops rows
// from the VALUES list (keeping the separators of the rows that stay),
// and the whole statement when no row is left. A plan's Observer is
// shown each written row as COPY text, the bytes the COPY dump of the
// same data would show it.

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
)

// insertTable is the state of one ruled table whose rows are INSERT
// statements.
type insertTable struct {
	w     *insertWorker   // rewrites on the reading goroutine
	ws    []*insertWorker // or these, one per worker of the pool
	stats int             // index in rewriter.stats.Ruled
}

// insertWorker rewrites the INSERT statements of one table. It owns its
// buffers and its plan's rewriters.
type insertWorker struct {
	plan    *TablePlan
	table   *Table
	rw      []ColumnRewriter // per table column
	names   []string
	filter  RowFilter
	readers []RowReader
	scan    insertScan
	// lastHead is the head (INSERT INTO … (cols)) of the last statement
	// and the word after it, whose parse (scan.head) the next statement
	// reuses when it starts with the same bytes, as pg_dump's statements
	// do.
	lastHead []byte
	cols     []int // the statement's value position → table column (-1: none)
	colsOK   bool  // cols fits lastHead
	pos      []int // per table column: its value position in the row (-1: none)
	dec, enc []byte
	fieldBuf []byte
	fieldEnd []int
	fields   [][]byte
	// Per column: non-NULL values rewritten, NULLs seen; rows read and
	// dropped.
	rewritten, nulls []int64
	rows, dropped    int64
	// observer, when set, is shown each written row as the COPY text
	// fields COPY would give it (kept values converted from their
	// literals by appendCopyField, rewritten ones encoded): obsBuf holds
	// them, column ci's at obsBuf[obsStart[ci]:obsEnd[ci]].
	observer         RowObserver
	obsBuf           []byte
	obsStart, obsEnd []int
	obsFields        [][]byte
}

// Inserts asks the transformer for the plan of a table whose rows come
// as INSERT statements; with one, its statements are held and rewritten
// (see Insert).
func (r *rewriter) Inserts(tbl *Table) error {
	plan, err := r.t.Table(tbl)
	if err != nil || plan == nil {
		return err
	}
	if plan.RefuseRows != nil {
		return plan.RefuseRows // an INSERT always has a row
	}
	switch {
	case embedsASCII(tbl.Encoding):
		return fmt.Errorf("the dump's client_encoding %s can hide a backslash or a quote inside a multibyte character, so its rows cannot be rewritten safely; dump with pg_dump -E UTF8", tbl.Encoding)
	case !plan.DropRows && len(tbl.Columns) == 0 && !tbl.Typed:
		return errors.New("INSERT statements without a column list, and no CREATE TABLE in the dump to tell the columns; dump the schema too, or use pg_dump --column-inserts")
	case !plan.DropRows && len(plan.Columns) != len(tbl.Columns):
		return fmt.Errorf("internal error: plan has %d columns, the table has %d", len(plan.Columns), len(tbl.Columns))
	}
	if r.ins == nil {
		r.ins = map[*Table]*insertTable{}
	}
	it := &insertTable{stats: len(r.stats.Ruled)}
	r.addRuled(tbl, tbl.Line, plan)
	it.w = newInsertWorker(plan, tbl)
	if r.opt.Workers > 1 {
		// Each worker of the pool has its own plan, as for COPY blocks.
		for range r.opt.Workers {
			p, err := r.t.Table(tbl)
			if err != nil {
				return err
			}
			it.ws = append(it.ws, newInsertWorker(p, tbl))
		}
	}
	r.ins[tbl] = it
	return nil
}

// endInserts tells a [TableEnder] transformer that the ruled INSERT
// tables are done, in the order they began, once the run has written all
// their statements: INSERTs into a table may come anywhere in a dump, so
// only its end ends them.
func (r *rewriter) endInserts() {
	te, ok := r.t.(TableEnder)
	if !ok || len(r.ins) == 0 {
		return
	}
	its := make([]*insertTable, 0, len(r.ins))
	for _, it := range r.ins {
		its = append(its, it)
	}
	slices.SortFunc(its, func(a, b *insertTable) int { return a.stats - b.stats })
	for _, it := range its {
		te.EndTable(it.w.table, r.stats.Ruled[it.stats].Rows)
	}
}

// HoldInserts holds the INSERT statements of the tables that have a plan.
func (r *rewriter) HoldInserts(t *Table) bool { return r.ins[t] != nil }

// Insert writes one INSERT statement of a ruled table, rewritten; with
// several workers, it goes to the pool (a huge one is rewritten here,
// once the statements before it are written).
func (r *rewriter) Insert(s *InsertStatement) error {
	it := r.ins[s.Table]
	if it.ws != nil && len(s.Text) < hugeBuffer {
		if r.ieng == nil {
			r.ieng = startInsertEngine(r, len(it.ws))
		}
		return r.ieng.add(r, it, s)
	}
	if err := r.drainInserts(); err != nil {
		return err
	}
	out, err := it.w.rewrite(r.outRow[:0], s)
	if err != nil {
		return r.insertErr(s, err)
	}
	r.outRow = out
	if cap(r.outRow) > 16<<20 {
		r.outRow = nil
	}
	r.countInserts(it, it.w)
	return r.write(out)
}

// insertErr places a problem with statement s.
func (r *rewriter) insertErr(s *InsertStatement, err error) error {
	var re *insertError
	if errors.As(err, &re) {
		return &Error{Name: r.opt.Name, Line: s.Line + re.line, Table: s.Table.QualifiedName(), Column: re.column, Err: errors.New(re.msg)}
	}
	return &Error{Name: r.opt.Name, Line: s.Line, Table: s.Table.QualifiedName(), Err: err}
}

// drainInserts writes the statements in the pool, and adds the workers'
// counts to the stats.
func (r *rewriter) drainInserts() error {
	if r.ieng == nil || !r.ieng.busy() {
		return nil
	}
	err := r.ieng.drain(r)
	for _, it := range r.ins {
		for _, w := range it.ws {
			r.countInserts(it, w)
		}
	}
	return err
}

// countInserts moves the counts of w, a worker of table it, to the stats.
func (r *rewriter) countInserts(it *insertTable, w *insertWorker) {
	ts := &r.stats.Ruled[it.stats]
	ts.Rows += w.rows
	r.stats.Rows += w.rows
	ts.RowsDropped += w.dropped
	r.stats.RowsDropped += w.dropped
	r.stats.RowsRewritten += w.rows - w.dropped
	w.rows, w.dropped = 0, 0
	k := 0
	for i, cr := range w.rw {
		if cr == nil {
			continue
		}
		ts.Columns[k].Rewritten += w.rewritten[i]
		ts.Columns[k].Nulls += w.nulls[i]
		w.rewritten[i], w.nulls[i] = 0, 0
		k++
	}
}

func newInsertWorker(plan *TablePlan, t *Table) *insertWorker {
	n := len(t.Columns)
	w := &insertWorker{plan: plan, table: t, filter: plan.Filter, observer: plan.Observer,
		rw: make([]ColumnRewriter, n), names: make([]string, n), pos: make([]int, n),
		rewritten: make([]int64, n), nulls: make([]int64, n)}
	if w.observer != nil {
		w.obsStart, w.obsEnd, w.obsFields = make([]int, n), make([]int, n), make([][]byte, n)
	}
	copy(w.rw, plan.Columns)
	for i, c := range t.Columns {
		w.names[i] = c.Name
	}
	for _, cr := range w.rw {
		if rr, ok := cr.(RowReader); ok {
			w.readers = append(w.readers, rr)
		}
	}
	return w
}

// rewrite appends the rewritten text of s to dst. A row error's line is
// relative to the statement's first line.
func (w *insertWorker) rewrite(dst []byte, s *InsertStatement) ([]byte, error) {
	text := s.Text
	stmt := text[s.Start:s.End]
	sc := &w.scan
	if err := w.scanStatement(stmt, s.StdStrings); err != nil {
		if w.plan.DropRows {
			w.rows++ // a statement anondump cannot read, dropped all the same
			return w.drop(dst, s), nil
		}
		return dst, &insertError{msg: "cannot read this INSERT statement: " + err.Error()}
	}
	nrows := int64(len(sc.rows))
	if sc.defaults {
		nrows = 1
	}
	w.rows += nrows
	if w.plan.DropRows {
		w.dropped += nrows
		return w.drop(dst, s), nil
	}
	if sc.defaults || len(sc.rows) == 0 {
		if w.observer != nil && sc.defaults && len(w.table.Columns) > 0 { // COPY shows no row of a table without columns
			return dst, &insertError{msg: "an INSERT … DEFAULT VALUES row has no values to count for k_anonymity"}
		}
		return append(dst, text...), nil // no values
	}
	if err := w.mapColumns(s); err != nil {
		return dst, &insertError{msg: err.Error()}
	}
	mark := len(dst)
	dst = append(dst, text[:s.Start]...)
	kept := 0
	for ri := range sc.rows {
		row := &sc.rows[ri]
		vals := sc.vals[row.first : row.first+row.n]
		if len(vals) != len(w.cols) {
			if w.scan.head.listed {
				return dst[:mark], w.rowErr(stmt, row, "", fmt.Sprintf("row has %d values, the INSERT lists %d columns", len(vals), len(w.cols)))
			}
			return dst[:mark], w.rowErr(stmt, row, "", fmt.Sprintf("row has %d values, the table has %d columns", len(vals), len(w.table.Columns)))
		}
		if w.filter != nil || len(w.readers) > 0 {
			if err := w.rowFields(stmt, vals, s.StdStrings); err != nil {
				return dst[:mark], w.rowErr(stmt, row, err.column, err.msg)
			}
			for _, rr := range w.readers {
				rr.SetRow(w.fields)
			}
			if w.filter != nil {
				keep, err := w.filter.Keep(w.fields)
				if err != nil {
					return dst[:mark], w.rowErr(stmt, row, "", err.Error())
				}
				if !keep {
					w.dropped++
					continue
				}
			}
		}
		if kept > 0 {
			dst = append(dst, stmt[sc.rows[ri-1].end:row.start]...) // the separator before the row
		} else {
			dst = append(dst, stmt[:sc.rows[0].start]...)
		}
		kept++
		pos := row.start
		obs := w.observer != nil && len(w.table.Columns) > 0 // as COPY, which shows no row of a table without columns
		if obs {
			if err := w.observable(); err != nil {
				return dst[:mark], w.rowErr(stmt, row, err.column, err.msg)
			}
			w.obsBuf = w.obsBuf[:0]
		}
		for k := range vals {
			ci := w.cols[k]
			if ci < 0 {
				continue
			}
			if w.rw[ci] == nil {
				if obs {
					// The kept value, as the COPY row would have it.
					var err error
					w.obsStart[ci] = len(w.obsBuf)
					if w.obsBuf, w.dec, err = appendCopyField(w.obsBuf, w.dec, stmt, &vals[k], s.StdStrings); err != nil {
						return dst[:mark], w.rowErr(stmt, row, w.names[ci], err.Error())
					}
					w.obsEnd[ci] = len(w.obsBuf)
				}
				continue
			}
			v := &vals[k]
			dst = append(dst, stmt[pos:v.litStart]...)
			dec, null, err := appendLiteralValue(w.dec[:0], stmt, v, s.StdStrings)
			w.dec = dec
			if err != nil {
				return dst[:mark], w.rowErr(stmt, row, w.names[ci], err.Error())
			}
			if null {
				w.nulls[ci]++
				dec = nil
			} else {
				w.rewritten[ci]++
			}
			enc, outNull, err := w.rw[ci].Rewrite(w.enc[:0], dec, null)
			w.enc = enc
			if err != nil {
				return dst[:mark], w.rowErr(stmt, row, w.names[ci], err.Error())
			}
			if outNull {
				dst = append(dst, "NULL"...)
			} else {
				dst = appendLiteral(dst, enc, v.kind, s.StdStrings)
			}
			if obs {
				w.obsStart[ci] = len(w.obsBuf)
				if outNull {
					w.obsBuf = append(w.obsBuf, nullField...)
				} else {
					w.obsBuf = AppendEncoded(w.obsBuf, enc)
				}
				w.obsEnd[ci] = len(w.obsBuf)
			}
			pos = v.litEnd
			if cap(w.enc) >= hugeBuffer {
				w.enc = nil // do not keep a huge field's buffers
			}
			if cap(w.dec) >= hugeBuffer {
				w.dec = nil
			}
		}
		dst = append(dst, stmt[pos:row.end]...)
		if obs {
			for ci := range w.obsFields {
				w.obsFields[ci] = w.obsBuf[w.obsStart[ci]:w.obsEnd[ci]:w.obsEnd[ci]]
			}
			if err := w.observer.Observe(w.obsFields); err != nil {
				return dst[:mark], w.rowErr(stmt, row, "", err.Error())
			}
			if cap(w.obsBuf) >= hugeBuffer {
				w.obsBuf = nil // do not keep a huge row's buffer
			}
		}
	}
	if kept == 0 {
		return w.drop(dst[:mark], s), nil
	}
	dst = append(dst, stmt[sc.rows[len(sc.rows)-1].end:]...)
	return append(dst, text[s.End:]...), nil
}

// scanStatement scans stmt, reusing the previous statement's head when
// stmt starts with the same bytes.
func (w *insertWorker) scanStatement(stmt []byte, std bool) error {
	sc := &w.scan
	if n := len(w.lastHead); n > 0 && len(stmt) > n && !isIdentByte(stmt[n]) && bytes.Equal(stmt[:n], w.lastHead) {
		return scanInsertAfter(stmt, std, sc)
	}
	w.colsOK = false
	if err := scanInsert(stmt, std, sc); err != nil {
		w.lastHead = w.lastHead[:0]
		return err
	}
	// The head is known to end where the next word (VALUES) begins.
	_, k := word(stmt, skipSpace(stmt, sc.head.end))
	w.lastHead = append(w.lastHead[:0], stmt[:k]...)
	return nil
}

// mapColumns sets w.cols for the statement's head: a column list names
// the table's columns, in any order; without one, the values are the
// CREATE TABLE's columns, generated ones DEFAULT.
func (w *insertWorker) mapColumns(s *InsertStatement) error {
	if w.colsOK {
		return nil
	}
	h := &w.scan.head
	w.cols = w.cols[:0]
	switch {
	case h.listed:
		for _, c := range h.columns {
			i := indexOfName(w.names, c)
			if i < 0 {
				return fmt.Errorf("the INSERT lists a column %s that the table's CREATE TABLE does not have (its columns: %s)", QuoteIdent(c), joinNames(w.names))
			}
			w.cols = append(w.cols, i)
		}
	case s.valueCols != nil:
		w.cols = append(w.cols, s.valueCols...)
	case s.unsure:
		return errors.New("an INSERT without a column list into a table that inherits from another or is typed: the order of its values is not certain; dump with pg_dump --column-inserts")
	default:
		return errors.New("an INSERT without a column list, and no CREATE TABLE in the dump to tell the columns; use pg_dump --column-inserts")
	}
	for i := range w.pos {
		w.pos[i] = -1
	}
	for k, ci := range w.cols {
		if ci >= 0 {
			w.pos[ci] = k
		}
	}
	w.colsOK = true
	return nil
}

func indexOfName(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}

func joinNames(names []string) string {
	var b bytes.Buffer
	for i, n := range names {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(QuoteIdent(n))
	}
	return b.String()
}

// rowFields sets w.fields to the row's values as raw COPY fields (`\N`
// for NULL), one per table column, for the filter and the row readers.
func (w *insertWorker) rowFields(stmt []byte, vals []sqlValue, std bool) *rowError {
	buf, ends := w.fieldBuf[:0], w.fieldEnd[:0]
	for ci, k := range w.pos {
		if k < 0 {
			return &rowError{column: w.names[ci], msg: "the column has no value in the INSERT"}
		}
		dec, null, err := appendLiteralValue(w.dec[:0], stmt, &vals[k], std)
		w.dec = dec
		if err != nil {
			return &rowError{column: w.names[ci], msg: err.Error()}
		}
		if null {
			buf = append(buf, nullField...)
		} else {
			buf = AppendEncoded(buf, dec)
		}
		ends = append(ends, len(buf))
	}
	w.fieldBuf, w.fieldEnd = buf, ends
	fields := w.fields[:0]
	start := 0
	for _, e := range ends {
		fields = append(fields, buf[start:e:e])
		start = e
	}
	w.fields = fields
	return nil
}

// observable reports a table column the statement has no value for: the
// observer is shown every column of a written row, as COPY writes it.
func (w *insertWorker) observable() *rowError {
	for ci, k := range w.pos {
		if k < 0 {
			return &rowError{column: w.names[ci], msg: "the column has no value in the INSERT, so the row cannot be counted for k_anonymity; dump with pg_dump --column-inserts"}
		}
	}
	return nil
}

// appendCopyField appends the value of the literal v of stmt to dst as
// a COPY text field (escaped; `\N` for NULL), the same bytes pg_dump's
// COPY would write for it. A literal with no escapes is encoded straight
// from the statement; one with them is decoded into scratch first, which
// is returned for reuse.
func appendCopyField(dst, scratch, stmt []byte, v *sqlValue, std bool) (out, scratchOut []byte, err error) {
	lit := stmt[v.litStart:v.litEnd]
	switch v.kind {
	case litNull:
		return append(dst, nullField...), scratch, nil
	case litNumber:
		return AppendEncoded(dst, lit), scratch, nil
	case litString:
		if in := lit[1 : len(lit)-1]; bytes.IndexByte(in, '\'') < 0 && (std || bytes.IndexByte(in, '\\') < 0) {
			return AppendEncoded(dst, in), scratch, nil
		}
	case litEString:
		if in := lit[2 : len(lit)-1]; bytes.IndexByte(in, '\'') < 0 && bytes.IndexByte(in, '\\') < 0 {
			return AppendEncoded(dst, in), scratch, nil
		}
	}
	val, null, err := appendLiteralValue(scratch[:0], stmt, v, std)
	if err != nil {
		return dst, val, err
	}
	if null {
		return append(dst, nullField...), val, nil
	}
	return AppendEncoded(dst, val), val, nil
}

// drop appends to dst what is left of s without its statement: nothing
// when the statement had its lines to itself.
func (w *insertWorker) drop(dst []byte, s *InsertStatement) []byte {
	before, after := s.Text[:s.Start], s.Text[s.End:]
	if len(trimSpace(before)) == 0 && len(trimSpace(after)) == 0 {
		return dst
	}
	dst = append(dst, before...)
	return append(dst, after...)
}

// rowErr is a problem with one row of a statement; its line is the
// row's, counted from the statement's first line.
func (w *insertWorker) rowErr(stmt []byte, row *sqlRow, column, msg string) error {
	return &insertError{column: column, msg: msg, line: bytes.Count(stmt[:row.start], []byte{'\n'})}
}

// insertError is a problem with an INSERT statement of a ruled table,
// line lines after its first.
type insertError struct {
	line   int
	column string
	msg    string
}

func (e *insertError) Error() string { return e.msg }

// InsertReader reads the rows of a table's INSERT statements as COPY
// text fields, for tools that look at the values without rewriting them
// (scan). It is used by one goroutine.
type InsertReader struct {
	w   *insertWorker
	fn  func(fields [][]byte) error
	out []byte
}

// NewInsertReader returns an InsertReader for the statements of t (as
// [InsertStatement.Table] gives it).
func NewInsertReader(t *Table) *InsertReader {
	r := &InsertReader{}
	r.w = newInsertWorker(&TablePlan{Columns: make([]ColumnRewriter, len(t.Columns)), Observer: readerObserver{r}}, t)
	return r
}

// Rows calls fn with each row of s: its fields as COPY text (escaped;
// `\N` for NULL), one per column of the table, valid only during the
// call. An error names the line and column, never a value.
func (r *InsertReader) Rows(s *InsertStatement, fn func(fields [][]byte) error) error {
	r.fn = fn
	defer func() { r.fn = nil }()
	out, err := r.w.rewrite(r.out[:0], s)
	if cap(out) <= 1<<20 {
		r.out = out
	}
	if err != nil {
		var re *insertError
		if errors.As(err, &re) {
			if re.column != "" {
				return fmt.Errorf("line %d: column %s: %s", s.Line+re.line, re.column, re.msg)
			}
			return fmt.Errorf("line %d: %s", s.Line+re.line, re.msg)
		}
		return fmt.Errorf("line %d: %w", s.Line, err)
	}
	return nil
}

// readerObserver hands each row to the Rows call's fn.
type readerObserver struct{ r *InsertReader }

func (o readerObserver) Observe(fields [][]byte) error { return o.r.fn(fields) }
