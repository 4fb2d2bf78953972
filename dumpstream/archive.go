package dumpstream

// Rewriting a custom-format archive (pg_dump -Fc). The archive package
// reads the container and hands over each data entry's decompressed
// stream; this file gives the rows of those streams to the same rewriter
// (plans, filters, observers, workers, stats) that rewrites a plain dump.
//
// One walker holds the catalog of the whole archive. It is fed, once and
// before any data, the definitions of the TOC entries in TOC order (the
// ENCODING, STDSTRINGS and SEARCHPATH settings, CREATE TABLE/DOMAIN/TYPE,
// and the keys of the post-data section, which are handed on after the
// data, where a plain dump has them and where rules.Plan expects them). Then
// each TABLE DATA entry's COPY statement is resolved against that catalog
// and its stream is read row by row, the rewritten rows going to the
// entry's new stream. Nothing of an entry is held: memory is that of a
// plain rewrite.

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/anondump/anondump/archive"
)

// ArchiveOptions tune [RewriteArchive], [RewriteTar] and [RewriteDir].
type ArchiveOptions struct {
	// LargeObjects says what happens to the archive's large objects; the
	// zero value keeps them.
	LargeObjects archive.LOPolicy
	// Writer tunes the custom-format output archive. Writer.Workers 0
	// compresses zlib streams pigz-style on max(Options.Workers, 2)
	// goroutines, so that the output's bytes do not depend on
	// Options.Workers (one worker would write a plain zlib stream, with
	// other bytes).
	Writer archive.WriterOptions
	// Output, when set, makes the output container from the input's
	// header and TOC (after the large objects' policy): a directory, a
	// tar or a plain script, converting the format. Nil writes the input's
	// own format to dst: a custom archive for [RewriteArchive], a tar for
	// [RewriteTar]; [RewriteDir] needs Output.
	Output func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error)
	// Concurrent says the Sink that Output makes takes the streams of
	// several entries at once (a directory): [RewriteDir] then rewrites
	// Options.Workers tables at a time, one per worker, and the output is
	// the same as with one worker.
	Concurrent bool
	// Select, when set, limits the run to the data entries it accepts
	// (share runs over a directory: --table); the rules are still checked
	// against every table. The output must accept a partial archive.
	Select func(e *archive.Entry) bool
	// HasLargeObjects, when set, is called before anything is written if
	// the archive holds large objects; an error it returns stops the run
	// (strict coverage with no large_objects: rule).
	HasLargeObjects func() error
	// Survey, when set, is given the archive's [Survey] (its data entries
	// in TOC order, the keys its TOC declares) once the TOC is read,
	// before anything is written or any Transformer call; an error it
	// returns stops the run. For an archive read once (from a pipe).
	Survey func(s *Survey) error
}

// EntryError is a problem in one entry of an archive: in its data (Line is
// then the line of the entry's decompressed data, 1 for its first row) or
// in its TOC definition (Line 0). Like [Error], it never quotes a value.
type EntryError struct {
	Name   string // input name, "stdin" or a file name
	DumpID int
	Desc   string // the entry's description: "TABLE DATA", "TABLE", …
	Tag    string // the entry's tag (a table's name)
	Table  string // the qualified table, for a data entry
	Column string // column name, when known
	Line   int
	Err    error
}

func (e *EntryError) Error() string {
	var b strings.Builder
	name := e.Name
	if name == "" {
		name = "input"
	}
	fmt.Fprintf(&b, "%s: dump ID %d (%s %s)", name, e.DumpID, e.Desc, e.Tag)
	if e.Line > 0 {
		fmt.Fprintf(&b, ", data line %d", e.Line)
	}
	b.WriteString(": ")
	return prefixLines(&b, e.Table, e.Column, e.Err)
}

func (e *EntryError) Unwrap() error { return e.Err }

// RewriteArchive copies the custom-format archive src to dst, rewriting
// the COPY rows of the TABLE DATA entries for which t returns a plan,
// exactly as [Rewrite] rewrites the COPY blocks of a plain dump (the same
// plans, filters, workers and stats, so the same key gives the same
// values). The header, the TOC and every other entry come through
// unchanged (large objects as aopt.LargeObjects says), and each data
// stream is re-compressed with the archive's own method and level. src is
// read in order, so a pipe works; when dst is a seekable file, the data
// offsets are filled in so that `pg_restore -j N` can use the output.
//
// Options.Constraints receives the keys the TOC declares (with
// Constraint.Line 0) after the data, as in a plain dump, where they come
// in the post-data section. Errors are an [*EntryError] naming the entry, an
// [*archive.FormatError] for a corrupt archive, or an [*Error] for a
// definition (its Line then counts lines of the TOC's definitions). On
// error, what was written to dst is not a valid archive. Stats.Bytes is
// the archive's size; Stats.Lines counts the data lines of the TABLE
// DATA entries.
func RewriteArchive(dst io.Writer, src io.Reader, t Transformer, opt Options, aopt ArchiveOptions) (_ Stats, err error) {
	defer func() { err = namedFormatError(opt.Name, err) }()
	in := &byteCounter{r: src}
	ar, err := archive.NewReader(in)
	if err != nil {
		return Stats{Bytes: in.n}, err
	}
	if aopt.Output == nil {
		aopt.Output = func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error) {
			wopt := aopt.Writer
			if wopt.Workers == 0 {
				wopt.Workers = max(opt.Workers, 2)
			}
			return archive.NewWriter(dst, h, toc, wopt)
		}
	}
	return rewriteInOrder(blockSource{ar}, in, t, opt, aopt)
}

// orderedSource is an archive read in order: a custom archive, a tar, or
// the data files of a directory in TOC order. Next returns the next data
// entry: its stream, or for large objects their block; io.EOF ends.
type orderedSource interface {
	Header() *archive.Header
	TOC() []*archive.Entry
	Next() (e *archive.Entry, data io.Reader, blobs *archive.Block, err error)
}

// blockSource is the orderedSource of an archive read block by block.
type blockSource struct {
	r interface {
		Header() *archive.Header
		TOC() []*archive.Entry
		Next() (*archive.Block, error)
	}
}

func (s blockSource) Header() *archive.Header { return s.r.Header() }
func (s blockSource) TOC() []*archive.Entry   { return s.r.TOC() }

func (s blockSource) Next() (*archive.Entry, io.Reader, *archive.Block, error) {
	b, err := s.r.Next()
	if err != nil {
		return nil, nil, nil, err
	}
	return b.Entry, b, b, nil
}

// rewriteInOrder rewrites the archive src, read in order, to the Sink
// aopt.Output makes.
func rewriteInOrder(src orderedSource, in *byteCounter, t Transformer, opt Options, aopt ArchiveOptions) (Stats, error) {
	a := newArchiveRewrite(t, opt)
	defer a.stop()
	sink, err := a.prepare(src.Header(), src.TOC(), aopt)
	if err != nil {
		return a.stats(in), err
	}
	for {
		e, data, blobs, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return a.stats(in), err
		}
		if err := a.entry(sink, e, data, blobs, aopt.LargeObjects); err != nil {
			return a.stats(in), err
		}
	}
	if err := a.finish(sink); err != nil {
		return a.stats(in), err
	}
	return a.stats(in), nil
}

// namedFormatError puts the input's name before an archive format error,
// which names only the byte offset and the entry.
func namedFormatError(name string, err error) error {
	var fe *archive.FormatError
	if name != "" && errors.As(err, &fe) {
		return fmt.Errorf("%s: %w", name, err)
	}
	return err
}

// archiveRewrite is the state of one archive rewrite (or walk).
type archiveRewrite struct {
	entryRewriter // rewrites the entries on the caller's goroutine
	t             Transformer
	w             *walker
	// lines of the TOC definitions: where each entry's definition starts
	starts  []int
	entries []*archive.Entry
	keys    []Constraint // the TOC's keys, handed on after the data
	// keep holds the dump IDs of the output's TOC (less the large
	// objects under LODrop); blocks the COPY blocks of the TABLE DATA
	// entries, resolved against the catalog before any data is read.
	keep   map[int]bool
	blocks map[int]*Block
	sel    func(*archive.Entry) bool
}

// entryRewriter rewrites the data entries given to one goroutine.
type entryRewriter struct {
	opt         Options
	r           *rewriter
	rows, lines int64         // data rows and lines
	reported    int64         // rows added to opt.Progress
	br          *bufio.Reader // the read buffer of data streams, reused
}

func newEntryRewriter(t Transformer, opt Options) entryRewriter {
	return entryRewriter{opt: opt, r: &rewriter{dst: io.Discard, out: bufio.NewWriterSize(io.Discard, writeBufSize), t: t, opt: opt}}
}

func newArchiveRewrite(t Transformer, opt Options) *archiveRewrite {
	return &archiveRewrite{entryRewriter: newEntryRewriter(t, opt), t: t}
}

// stop ends the row workers after an error.
func (x *entryRewriter) stop() {
	if x.r.eng != nil {
		x.r.eng.stop()
	}
}

// reader returns the shared read buffer, reading from src.
func (x *entryRewriter) reader(src io.Reader) *bufio.Reader {
	if x.br == nil {
		x.br = bufio.NewReaderSize(src, readBufSize)
	} else {
		x.br.Reset(src)
	}
	return x.br
}

// progress adds the rows read since the last call to opt.Progress
// (shared by the goroutines of a directory rewrite).
func (x *entryRewriter) progress(rows int64) {
	if p := x.opt.Progress; p != nil {
		p.rows.Add(rows - x.reported)
		x.reported = rows
	}
}

func (a *archiveRewrite) stats(in *byteCounter) Stats {
	st := a.r.stats
	if a.w != nil {
		st.Tables = a.w.stats.Tables
	}
	st.Rows, st.Lines, st.Bytes = a.rows, a.lines, in.n
	return st
}

// prepare reads the TOC: it applies the large objects' policy, walks the
// definitions, resolves every TABLE DATA entry's COPY statement and makes
// the output, before any data is read or written.
func (a *archiveRewrite) prepare(h *archive.Header, toc []*archive.Entry, aopt ArchiveOptions) (archive.Sink, error) {
	if aopt.HasLargeObjects != nil {
		for _, e := range toc {
			if strings.HasPrefix(e.Desc.S, "BLOB") {
				if err := aopt.HasLargeObjects(); err != nil {
					return nil, err
				}
				break
			}
		}
	}
	if aopt.LargeObjects == archive.LODrop {
		toc = archive.DropLargeObjects(toc)
	}
	a.keep = make(map[int]bool, len(toc))
	for _, e := range toc {
		a.keep[e.DumpID] = true
	}
	var survey *Survey
	if aopt.Survey != nil {
		survey = &Survey{}
	}
	if a.opt.Constraints != nil || survey != nil {
		// Kept for after the data, where a plain dump has them; a line of
		// the definitions means nothing to the user.
		a.r.opt.Constraints = func(k Constraint) {
			k.Line = 0
			if a.opt.Constraints != nil {
				a.keys = append(a.keys, k)
			}
			if survey != nil {
				survey.Constraints = append(survey.Constraints, k)
			}
		}
	}
	if err := a.readTOC(toc, a.r); err != nil {
		return nil, err
	}
	if survey != nil {
		for _, e := range toc {
			if e.Desc.S != "TABLE DATA" || !e.IsData() {
				continue
			}
			if blk := a.blocks[e.DumpID]; blk != nil {
				survey.Blocks = append(survey.Blocks, blk.Table)
			} else {
				survey.Blocks = append(survey.Blocks, a.insertsTable(e))
			}
		}
		if err := aopt.Survey(survey); err != nil {
			return nil, err
		}
	}
	a.sel = aopt.Select
	return aopt.Output(h, toc)
}

// entry writes the data entry e to sink: data read from src, or the
// large objects of blobs.
func (a *archiveRewrite) entry(sink archive.Sink, e *archive.Entry, src io.Reader, blobs *archive.Block, lo archive.LOPolicy) error {
	if !a.keep[e.DumpID] {
		return nil
	}
	if a.sel != nil && !a.sel(e) {
		return a.unselected(e)
	}
	if e.IsBlobs() {
		return archive.CopyObjects(sink, blobs, lo)
	}
	return a.writeEntry(sink, e, a.blocks[e.DumpID], src, a.w)
}

// unselected checks the rules of a table whose data a share run leaves
// to another share, so that every share refuses the same rules.
func (a *archiveRewrite) unselected(e *archive.Entry) error {
	blk := a.blocks[e.DumpID]
	if blk == nil {
		return nil
	}
	if _, err := a.t.Table(blk.Table); err != nil {
		return a.entryErr(e, blk.Table.QualifiedName(), 0, err)
	}
	if te, ok := a.t.(TableEnder); ok {
		te.EndTable(blk.Table, 0)
	}
	return nil
}

// finish hands the TOC's keys on and ends the output.
func (a *archiveRewrite) finish(sink archive.Sink) error {
	for _, k := range a.keys {
		a.opt.Constraints(k)
	}
	return sink.Close()
}

// Around the definitions, so that the walk takes them for pg_dump output.
const (
	tocHeader  = "--\n-- PostgreSQL database dump\n--\n\n"
	tocTrailer = "\n--\n-- PostgreSQL database dump complete\n--\n\n"
)

// walkTOC feeds the definitions of the TOC entries, in order, to the
// walker: it learns the settings, types and tables, and the rewriter
// hands the constraints on.
func (a *archiveRewrite) walkTOC(toc []*archive.Entry, v Visitor) error {
	parts := []io.Reader{strings.NewReader(tocHeader)}
	line := 1 + strings.Count(tocHeader, "\n")
	for _, e := range toc {
		d := e.Defn.S
		if d == "" || e.Desc.S == "TABLE DATA" {
			continue
		}
		if !strings.HasSuffix(d, "\n") {
			d += "\n"
		}
		a.starts = append(a.starts, line)
		a.entries = append(a.entries, e)
		line += strings.Count(d, "\n")
		parts = append(parts, strings.NewReader(d))
	}
	parts = append(parts, strings.NewReader(tocTrailer))
	opt := a.opt
	opt.Text, opt.AnySQL = nil, false
	if warn := a.opt.Warn; warn != nil {
		opt.Warn = func(msg string) {
			// "name:line: msg" → "name: dump ID N (DESC tag): msg"
			if e := a.entryAt(a.w.line); e != nil {
				prefix := fmt.Sprintf("%s:%d: ", a.opt.Name, a.w.line)
				msg = fmt.Sprintf("%s: dump ID %d (%s %s): %s", a.opt.Name, e.DumpID, e.Desc.S, e.Tag.S, strings.TrimPrefix(msg, prefix))
			}
			warn(msg)
		}
	}
	a.w = newWalker(io.MultiReader(parts...), v, opt)
	err := a.w.run()
	if err == nil && a.w.copying {
		err = errors.New("a TOC definition starts COPY data")
	}
	var pe *Error
	if errors.As(err, &pe) {
		if e := a.entryAt(pe.Line); e != nil {
			return &EntryError{Name: a.opt.Name, DumpID: e.DumpID, Desc: e.Desc.S, Tag: e.Tag.S, Table: pe.Table, Column: pe.Column, Err: pe.Err}
		}
	}
	return err
}

// readTOC walks the TOC's definitions for v and resolves the COPY
// statement of every TABLE DATA entry into a.blocks.
func (a *archiveRewrite) readTOC(toc []*archive.Entry, v Visitor) error {
	if err := a.walkTOC(toc, v); err != nil {
		return err
	}
	a.blocks = map[int]*Block{}
	for _, e := range toc {
		if e.Desc.S == "TABLE DATA" && e.CopyStmt.S != "" && e.IsData() {
			blk, err := a.entryBlock(e)
			if err != nil {
				return err
			}
			a.blocks[e.DumpID] = blk
		}
	}
	return nil
}

// entryAt is the entry whose definition holds line line of the walk.
func (a *archiveRewrite) entryAt(line int) *archive.Entry {
	var e *archive.Entry
	for i, s := range a.starts {
		if s > line {
			break
		}
		e = a.entries[i]
	}
	return e
}

// writeEntry rewrites one data entry, read from src, to a new stream of
// sink: blk is its COPY block, nil for other data; toc is the walker that
// read the TOC's definitions (the catalog of an entry of INSERTs).
func (x *entryRewriter) writeEntry(sink archive.Sink, e *archive.Entry, blk *Block, src io.Reader, toc *walker) error {
	out, err := sink.WriteData(e.DumpID)
	if err != nil {
		return err
	}
	switch {
	case blk != nil:
		err = x.copyBlock(out, e, blk, src)
	case e.Desc.S == "TABLE DATA":
		// INSERT statements (pg_dump --inserts): rewritten as in a plain
		// dump.
		err = x.insertEntry(out, e, src, toc)
	default:
		_, err = io.Copy(out, src)
	}
	if err != nil {
		return err
	}
	return out.Close()
}

// insertEntry rewrites a TABLE DATA entry of INSERT statements (pg_dump
// --inserts) to out, as [Rewrite] rewrites them in a plain dump: a walk
// over the entry's SQL with the catalog and settings of the TOC's
// definitions, the rewriter as its visitor. The entry's table ends (its
// EndTable) with the entry.
func (x *entryRewriter) insertEntry(out io.Writer, e *archive.Entry, src io.Reader, toc *walker) error {
	r := x.r
	name := QuoteIdent(e.Namespace.S) + "." + QuoteIdent(e.Tag.S)
	r.dst = out
	r.out.Reset(out)
	defer func() {
		r.dst = io.Discard
		r.out.Reset(io.Discard)
	}()
	w := x.entryWalker(src, r, toc)
	r.ins = nil
	before := r.stats.Rows
	err := w.run()
	if err == nil {
		err = r.drainInserts()
	}
	if err == nil {
		r.endInserts()
	}
	r.ins = nil
	x.lines += int64(w.line)
	x.rows += r.stats.Rows - before // the INSERT rows (countInserts)
	x.progress(x.rows)
	if err != nil {
		return x.entryErr(e, name, 0, entryLineError(x.opt.Name, e, err))
	}
	return r.out.Flush()
}

// entryErr places err in entry e.
func (x *entryRewriter) entryErr(e *archive.Entry, table string, line int, err error) error {
	var fe *archive.FormatError
	var ee *EntryError
	if errors.As(err, &fe) || errors.As(err, &ee) {
		return err
	}
	out := &EntryError{Name: x.opt.Name, DumpID: e.DumpID, Desc: e.Desc.S, Tag: e.Tag.S, Table: table, Line: line, Err: err}
	var pe *Error
	var re *rowError
	switch {
	case errors.As(err, &pe):
		out.Line, out.Column, out.Err = pe.Line, pe.Column, pe.Err
		if pe.Table != "" {
			out.Table = pe.Table
		}
	case errors.As(err, &re):
		out.Column, out.Err = re.column, errors.New(re.msg)
	}
	return out
}

// entryBlock resolves the COPY statement of a TABLE DATA entry against
// the catalog, as the walk does a COPY header, and counts the block.
func (a *archiveRewrite) entryBlock(e *archive.Entry) (*Block, error) {
	cs, err := parseCopy(strings.TrimSpace(e.CopyStmt.S))
	if err == nil && !cs.fromStdin {
		err = errors.New("the entry's COPY statement is not COPY … FROM stdin")
	}
	if err != nil {
		return nil, a.entryErr(e, "", 0, fmt.Errorf("its COPY statement: %w", err))
	}
	if cs.schema == "" {
		cs.schema = e.Namespace.S
	}
	a.w.stmtLine = 0
	a.w.prepareCopy(cs)
	a.w.stats.Tables++
	return a.w.block, nil
}

// copyBlock rewrites the COPY rows of a TABLE DATA stream src to out:
// blk is the block its COPY statement opens.
func (x *entryRewriter) copyBlock(out io.Writer, e *archive.Entry, blk *Block, src io.Reader) error {
	r := x.r
	name := blk.Table.QualifiedName()
	if p := x.opt.Progress; p != nil {
		p.table.Store(&name)
	}
	rv, err := r.Block(blk)
	if err != nil {
		return x.entryErr(e, name, 0, err)
	}
	r.dst = out
	r.out.Reset(out)
	var rows int64
	if rv == nil {
		rows, err = copyRows(r.out, x.reader(src), &x.lines)
	} else {
		rows, err = x.rewriteRows(out, src, blk, rv)
	}
	x.rows += rows
	x.progress(x.rows)
	if p := x.opt.Progress; p != nil {
		p.table.CompareAndSwap(&name, nil)
	}
	if err != nil {
		return x.entryErr(e, name, 0, err)
	}
	if err := r.out.Flush(); err != nil {
		return err
	}
	r.dst = io.Discard
	r.out.Reset(io.Discard)
	return nil
}

// rewriteRows reads the rows of a ruled block from src, rewrites them,
// and copies the end marker and what follows it.
func (x *entryRewriter) rewriteRows(out io.Writer, src io.Reader, blk *Block, rv RowVisitor) (rows int64, err error) {
	r := x.r
	lr := lineReader{br: x.reader(src)}
	nf := len(blk.Table.Columns)
	if blk.OIDs {
		nf++
	}
	row := Row{block: blk, nfields: nf}
	for n := 1; ; n++ {
		line, err := lr.next()
		if err != nil && err != io.EOF {
			return rows, err
		}
		if err == io.EOF {
			return rows, x.placed(n, errNoEndMarker)
		}
		if isEndMarker(line) {
			if err := r.EndBlock(blk, rows); err != nil {
				return rows, x.placed(n, err)
			}
			if err := r.out.Flush(); err != nil {
				return rows, err
			}
			if len(line) > 0 {
				if _, err := out.Write(line); err != nil {
					return rows, err
				}
			}
			_, err := lr.br.WriteTo(out) // the blank lines after `\.`
			return rows, err
		}
		x.lines++
		rows++
		if rows&1023 == 0 {
			x.progress(x.rows + rows)
		}
		row.reset(line, n)
		if err := rv.Row(&row); err != nil {
			return rows, x.placed(n, err)
		}
	}
}

// placed gives a row error without a line the data line n.
func (x *entryRewriter) placed(n int, err error) error {
	var pe *Error
	if errors.As(err, &pe) {
		return err
	}
	var re *rowError
	if errors.As(err, &re) {
		return &Error{Name: x.opt.Name, Line: n, Column: re.column, Err: errors.New(re.msg)}
	}
	return &Error{Name: x.opt.Name, Line: n, Err: err}
}

// errNoEndMarker is a COPY data stream that ends without its `\.` line:
// pg_dump always writes one, so the entry was cut short.
var errNoEndMarker = fmt.Errorf("the entry's COPY data ends without its end marker `\\.`: %w", ErrTruncated)

// copyRows copies a block nobody rewrites from br to dst and counts its
// rows: the lines before its `\.` line.
func copyRows(dst io.Writer, br *bufio.Reader, lines *int64) (rows int64, err error) {
	defer func() { *lines += rows }()
	atStart := true
	for {
		line, err := br.ReadSlice('\n')
		if atStart && err != bufio.ErrBufferFull && len(line) > 0 && isEndMarker(line) {
			if _, err := dst.Write(line); err != nil {
				return rows, err
			}
			_, err := br.WriteTo(dst) // the blank lines after `\.`
			return rows, err
		}
		if len(line) > 0 {
			if atStart {
				rows++
			}
			if _, err := dst.Write(line); err != nil {
				return rows, err
			}
		}
		switch err {
		case nil:
			atStart = true
		case bufio.ErrBufferFull:
			atStart = false
		case io.EOF:
			return rows, errNoEndMarker
		default:
			return rows, err
		}
	}
}

// byteCounter counts the bytes read through it.
type byteCounter struct {
	r io.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
