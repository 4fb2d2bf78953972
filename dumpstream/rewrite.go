package dumpstream

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/anondump/anondump/archive"
)

// Options tune [Rewrite].
type Options struct {
	// Name is the input's name in messages: "stdin" or a file name.
	Name string
	// Warn, when set, receives warnings (never containing dump values).
	Warn func(msg string)
	// Workers is the number of goroutines that rewrite the rows of a
	// ruled table; 0 or 1 rewrites them on the reading goroutine. The
	// output is the same for any number of workers. With more than one,
	// the Transformer's Table is called once per worker for each ruled
	// COPY block and must return rewriters that share no mutable state.
	Workers int
	// Progress, when set, is kept up to date for a display on another
	// goroutine.
	Progress *Progress
	// Constraints, when set, receives the keys the dump declares (ALTER
	// TABLE … ADD CONSTRAINT, CREATE UNIQUE INDEX) as they pass.
	Constraints func(Constraint)
	// Text, when set, receives every line outside COPY data (valid only
	// during the call); a line longer than the read buffer (256 KiB)
	// comes in several calls.
	Text func(line []byte)
	// AnySQL accepts SQL that pg_dump did not write: without it, input
	// with no pg_dump or pg_dumpall header comment before its first
	// statement is refused with an error wrapping [ErrNotDump].
	AnySQL bool
	// LargeObjects says what [Rewrite] does with a plain dump's large
	// objects: keep them byte for byte, keep each object with no
	// contents (its lowrite statements go), or drop every statement and
	// TOC comment about them. [Walk] and [RewriteArchive] ignore it
	// (see ArchiveOptions).
	LargeObjects archive.LOPolicy
	// HasLargeObjects, when set, is called by [Rewrite] once, before
	// anything of the dump's first large object is written, if the dump
	// holds large objects; an error it returns stops the run.
	HasLargeObjects func() error
	// SkipUnread: in an archive walk, the data of a block whose
	// [Visitor.Block] returns nil is not read at all (a custom archive's
	// compressed chunks are passed over, a directory's file is not read),
	// and EndBlock is given -1 rows; for passes that read a few tables.
	SkipUnread bool
}

// Progress is what [Rewrite] has done so far; it is safe to read while
// Rewrite runs.
type Progress struct {
	rows  atomic.Int64
	table atomic.Pointer[string]
}

// Rows returns the COPY rows read so far (updated every 1024 rows and at
// the end of each COPY block).
func (p *Progress) Rows() int64 { return p.rows.Load() }

// Table returns the qualified name of the table whose COPY data is being
// read, or "".
func (p *Progress) Table() string {
	if t := p.table.Load(); t != nil {
		return *t
	}
	return ""
}

// Stats counts what [Rewrite] saw.
type Stats struct {
	Bytes         int64 // input bytes read
	Lines         int64 // input lines
	Tables        int   // COPY blocks
	RuledTables   int   // COPY blocks and INSERT tables that had a plan
	Rows          int64 // COPY rows, and the rows of the INSERT statements of ruled tables
	RowsRewritten int64 // rows whose fields went through a plan
	RowsDropped   int64 // rows dropped by DropRows
	// Ruled lists, for every COPY block that had a plan, what was done.
	Ruled []TableStats
}

// TableStats is what happened to one ruled COPY block.
type TableStats struct {
	Table       string // qualified name
	Line        int    // input line of the COPY statement
	Rows        int64  // rows read
	RowsDropped int64
	Columns     []ColumnStats // the rewritten columns, in COPY order
}

// ColumnStats counts the values of one rewritten column.
type ColumnStats struct {
	Column    string
	Rule      string // the plan's label for the column (a transformer name)
	Class     string // the plan's privacy class for the column, if it gives one
	Rewritten int64  // non-NULL values rewritten
	Nulls     int64  // NULL values (kept or passed to the rewriter)
}

const (
	readBufSize  = 256 << 10
	writeBufSize = 256 << 10
	// maxStatement bounds the text kept of a statement anondump parses
	// (COPY, CREATE TABLE, CREATE DOMAIN).
	maxStatement = 64 << 20
	// peekStatement is how much of other statements is kept to classify
	// them (INSERT targets, SET).
	peekStatement = 4 << 10
)

// Rewrite copies the plain-format dump src to dst, rewriting the rows of
// the COPY blocks for which t returns a plan. See the package
// documentation for the guarantees. It is [Walk] with a visitor that
// writes what it is given and rewrites the rows of ruled blocks.
func Rewrite(dst io.Writer, src io.Reader, t Transformer, opt Options) (Stats, error) {
	r := &rewriter{dst: dst, out: bufio.NewWriterSize(dst, writeBufSize), t: t, opt: opt}
	w := newWalker(src, r, opt)
	r.lo = newLOFilter(r, w)
	err := w.run()
	if err == nil {
		err = r.drainInserts()
	}
	if r.lo != nil && err == nil {
		err = r.lo.finish()
	} else if r.lo != nil && r.lo.hasErr != nil {
		err = r.lo.hasErr // like RewriteArchive's, not placed at a line
	}
	if err == nil {
		r.endInserts()
	}
	if r.ieng != nil {
		r.ieng.stop()
	}
	if r.eng != nil {
		r.eng.stop() // after an error: end the workers
	}
	st := w.stats
	st.Lines, st.Bytes = int64(w.line), w.in.n
	st.RuledTables, st.RowsRewritten, st.RowsDropped, st.Ruled = r.stats.RuledTables, r.stats.RowsRewritten, r.stats.RowsDropped, r.stats.Ruled
	st.Rows += r.stats.Rows // INSERT rows (countInserts)
	if ferr := r.out.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	return st, err
}

// rewriter is Rewrite's visitor: a writer, and the plan of the block
// being read.
type rewriter struct {
	NopVisitor
	dst   io.Writer
	out   *bufio.Writer
	t     Transformer
	opt   Options
	stats Stats // the rewrite counts; the walk counts the rest
	line  int   // input line of the row being rewritten

	block   *Block
	table   *Table
	plan    *TablePlan
	nfields int       // fields per row
	refuse  error     // TablePlan.RefuseRows of this block
	rows    rowWorker // rewrites rows on this goroutine
	eng     *engine   // or the workers do, with Options.Workers > 1
	outRow  []byte

	lo   *loFilter               // Options.LargeObjects, in Rewrite
	ins  map[*Table]*insertTable // the ruled tables of INSERT statements
	ieng *insertEngine           // their pool, with Options.Workers > 1
}

func (r *rewriter) Raw(b []byte) error {
	if err := r.drainInserts(); err != nil { // the statements before b
		return err
	}
	if r.lo != nil {
		return r.lo.raw(b)
	}
	return r.write(b)
}

// write writes b to the output.
func (r *rewriter) write(b []byte) error {
	if len(b) >= directWrite {
		// A big chunk of passthrough (rows of a skipped block) goes
		// straight to dst, without a copy into the buffer.
		if err := r.out.Flush(); err != nil {
			return err
		}
		_, err := r.dst.Write(b)
		return err
	}
	_, err := r.out.Write(b)
	return err
}

// directWrite is the size from which Raw bypasses the write buffer.
const directWrite = 32 << 10

func (r *rewriter) Constraint(k Constraint) error {
	if r.opt.Constraints != nil {
		r.opt.Constraints(k)
	}
	return nil
}

// Block asks the transformer for the plan of a COPY block. The refusals
// that only matter to rewriting are here, for ruled tables only.
func (r *rewriter) Block(b *Block) (RowVisitor, error) {
	r.block, r.table, r.plan, r.refuse = b, b.Table, nil, nil
	r.nfields = len(b.Table.Columns)
	if b.OIDs {
		r.nfields++
	}
	plan, err := r.t.Table(b.Table)
	if err != nil || plan == nil {
		return nil, err
	}
	if plan.RefuseRows != nil {
		r.refuse = plan.RefuseRows // the block may still be empty
		return r, nil
	}
	switch {
	case embedsASCII(b.Encoding):
		return nil, fmt.Errorf("the dump's client_encoding %s can hide a backslash inside a multibyte character, so its rows cannot be rewritten safely; dump with pg_dump -E UTF8", b.Encoding)
	case !b.Text:
		return nil, errors.New("COPY options other than the text format are not supported for a table with rules")
	case !plan.DropRows && !b.Listed:
		return nil, errors.New("COPY without a column list, and no CREATE TABLE in the dump to tell the columns")
	case !plan.DropRows && len(plan.Columns) != len(b.Table.Columns):
		return nil, fmt.Errorf("internal error: plan has %d columns, COPY has %d", len(plan.Columns), len(b.Table.Columns))
	}
	r.plan = plan
	r.addRuled(b.Table, b.Line, plan)
	if plan.DropRows {
		return r, nil
	}
	r.rows = *r.newWorker(plan, r.rows.offs, r.rows.dec, r.rows.enc)
	if r.opt.Workers > 1 {
		workers := []*rowWorker{r.newWorker(plan, nil, nil, nil)}
		for len(workers) < r.opt.Workers {
			p, err := r.t.Table(b.Table)
			if err != nil {
				return nil, err
			}
			workers = append(workers, r.newWorker(p, nil, nil, nil))
		}
		r.eng = startEngine(workers)
	}
	return r, nil
}

// EndBlock finishes a block: the ruled rows still in the workers are
// written.
func (r *rewriter) EndBlock(b *Block, rows int64) error {
	if r.eng != nil {
		err := r.eng.finish(r)
		r.countValues(append(r.eng.workers, &r.rows)...)
		r.eng = nil
		if err != nil {
			return err
		}
	} else if r.plan != nil && !r.plan.DropRows {
		r.countValues(&r.rows)
	}
	if te, ok := r.t.(TableEnder); ok {
		te.EndTable(b.Table, rows)
	}
	r.plan, r.refuse = nil, nil
	return nil
}

// Row rewrites one row of a ruled block.
func (r *rewriter) Row(row *Row) error {
	line := row.Bytes()
	r.line = row.Line
	if r.refuse != nil {
		return r.refuse
	}
	ts := &r.stats.Ruled[len(r.stats.Ruled)-1]
	ts.Rows++
	if r.plan.DropRows {
		r.stats.RowsDropped++
		ts.RowsDropped++
		return nil
	}
	if line[len(line)-1] != '\n' {
		// Only the input's last line can lack its newline.
		return fmt.Errorf("input ends in the middle of a row (COPY at line %d): %w", r.block.Line, ErrTruncated)
	}
	r.stats.RowsRewritten++
	if r.eng != nil && len(line) < hugeBuffer {
		return r.eng.add(r, line)
	}
	if r.eng != nil {
		// A huge row is rewritten here, streaming, once the rows before
		// it are written: the workers are idle meanwhile, so sharing the
		// first plan's rewriters with them is safe.
		if err := r.eng.drain(r); err != nil {
			return err
		}
	}
	r.rows.stream = nil
	if len(line) >= hugeBuffer {
		r.rows.stream = r.out // a huge row is written as it is rewritten
	}
	out, err := r.rows.appendRow(r.outRow[:0], line)
	if err != nil {
		return err
	}
	r.outRow = out
	if cap(r.outRow) > 16<<20 { // do not keep a huge row's buffer
		r.outRow = nil
	}
	_, err = r.out.Write(out)
	return err
}

// addRuled starts the stats of a ruled table t (a COPY block at line, or
// INSERT statements) with its rewritten columns.
func (r *rewriter) addRuled(t *Table, line int, plan *TablePlan) {
	r.stats.RuledTables++
	ts := TableStats{Table: t.QualifiedName(), Line: line}
	for i, cr := range plan.Columns {
		if cr != nil {
			cs := ColumnStats{Column: t.Columns[i].Name}
			if i < len(plan.Labels) {
				cs.Rule = plan.Labels[i]
			}
			if i < len(plan.Classes) {
				cs.Class = plan.Classes[i]
			}
			ts.Columns = append(ts.Columns, cs)
		}
	}
	r.stats.Ruled = append(r.stats.Ruled, ts)
}

// newWorker returns a rowWorker for the current block, reusing buffers.
func (r *rewriter) newWorker(plan *TablePlan, offs []int, dec, enc []byte) *rowWorker {
	w := &rowWorker{plan: plan, nfields: r.nfields, copyLine: r.block.Line, offs: offs, dec: dec, enc: enc,
		rw: make([]ColumnRewriter, r.nfields), names: make([]string, r.nfields),
		rewritten: make([]int64, r.nfields), nulls: make([]int64, r.nfields)}
	first := 0
	if r.block.OIDs {
		first = 1 // the OID field is kept
	}
	w.first, w.filter, w.observer = first, plan.Filter, plan.Observer
	copy(w.rw[first:], plan.Columns)
	for i, c := range r.table.Columns {
		w.names[first+i] = c.Name
	}
	return w
}

// countValues adds the workers' value counts to the block's stats and
// resets them.
func (r *rewriter) countValues(ws ...*rowWorker) {
	ts := &r.stats.Ruled[len(r.stats.Ruled)-1]
	for _, w := range ws {
		ts.RowsDropped += w.dropped
		r.stats.RowsDropped += w.dropped
		r.stats.RowsRewritten -= w.dropped
		w.dropped = 0
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
}

// tableError is err about the table being read, at input line line.
func (r *rewriter) tableError(line int, err error) error {
	return &Error{Name: r.opt.Name, Line: line, Table: r.table.QualifiedName(), Err: err}
}
