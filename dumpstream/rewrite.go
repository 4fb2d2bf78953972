package dumpstream

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
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
	// during the call).
	Text func(line []byte)
	// AnySQL accepts SQL that pg_dump did not write: without it, input
	// with no pg_dump or pg_dumpall header comment before its first
	// statement is refused with an error wrapping [ErrNotDump].
	AnySQL bool
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
	RuledTables   int   // COPY blocks that had a plan
	Rows          int64 // COPY rows
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
// documentation for the guarantees.
func Rewrite(dst io.Writer, src io.Reader, t Transformer, opt Options) (Stats, error) {
	r := &rewriter{
		in:         lineReader{br: bufio.NewReaderSize(src, readBufSize)},
		out:        bufio.NewWriterSize(dst, writeBufSize),
		t:          t,
		opt:        opt,
		stdStrings: true,
	}
	r.cat.reset()
	err := r.run()
	if r.eng != nil {
		r.eng.stop() // after an error: end the workers
	}
	r.stats.Lines = int64(r.line)
	r.stats.Bytes = r.in.n
	if ferr := r.out.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	return r.stats, err
}

// lexer states outside COPY data
const (
	stNormal = iota
	stSQuote
	stDQuote
	stDollar
	stBlockComment
)

type rewriter struct {
	in    lineReader
	out   *bufio.Writer
	t     Transformer
	opt   Options
	stats Stats
	line  int // number of the line being processed

	// SQL lexer state, carried across lines.
	st         int
	backslash  bool   // inside '…': backslash escapes (E'' or standard_conforming_strings off)
	dollarTag  []byte // inside $tag$…$tag$: the whole delimiter
	depth      int    // block comment nesting
	stdStrings bool
	encoding   string // client_encoding, upper case, when the dump set it

	// The current statement.
	inStmt    bool
	stmtLine  int
	stmt      []byte // its text from its first byte, while capturing
	capturing bool
	capFull   bool // stmt holds only the statement's beginning
	// insertChecked: the statement is an INSERT whose target was checked.
	insertChecked bool
	capLimit      int

	cat       catalog
	inserts   map[[2]string]bool // INSERT targets already checked
	dumps     int                // open "PostgreSQL database dump" sections
	sawHeader bool               // a pg_dump or pg_dumpall header comment was seen
	started   bool               // a statement or meta-command was seen
	checkSQL  bool               // the statement being read must parse (AnySQL, no header)
	database  string             // the database \connect named, for pg_dumpall output

	// The COPY block being read, if any.
	copying  bool
	copyLine int
	table    *Table
	plan     *TablePlan
	nfields  int  // fields per row
	oids     bool // first field is an OID (pre-12 WITH OIDS)
	// copyText: text format with default delimiter and NULL;
	// copyListed: the columns are known (a column list or a CREATE TABLE).
	copyText, copyListed bool
	refuse               error     // TablePlan.RefuseRows of this block
	blockRows            int64     // rows of this block so far
	rows                 rowWorker // rewrites rows on this goroutine
	eng                  *engine   // or the workers do, with Options.Workers > 1
	outRow               []byte
}

func (r *rewriter) errorf(format string, args ...any) error {
	return &Error{Name: r.opt.Name, Line: r.line, Err: fmt.Errorf(format, args...)}
}

func (r *rewriter) warn(format string, args ...any) {
	if r.opt.Warn != nil {
		r.opt.Warn(fmt.Sprintf("%s:%d: ", r.opt.Name, r.line) + fmt.Sprintf(format, args...))
	}
}

func (r *rewriter) run() error {
	for {
		line, err := r.in.next()
		if err == io.EOF {
			return r.atEOF()
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", r.opt.Name, err)
		}
		r.line++
		if r.copying {
			if err := r.copyRow(line); err != nil {
				return err
			}
			continue
		}
		text := line
		if r.line == 1 && bytes.HasPrefix(line, utf8BOM) {
			text = line[len(utf8BOM):] // passed through, not classified
		}
		copyNext, err := r.scanLine(text)
		if err != nil {
			return err // the line is not written: it may hold refused data
		}
		if _, err := r.out.Write(line); err != nil {
			return err
		}
		if r.opt.Text != nil {
			r.opt.Text(line)
		}
		if copyNext {
			if err := r.startCopy(); err != nil {
				return err
			}
		}
	}
}

var utf8BOM = []byte("\xef\xbb\xbf")

// beginStatement is called at the first byte of every statement and
// meta-command outside COPY data, before its line is written.
func (r *rewriter) beginStatement(text []byte) error {
	if isToolMessage(text) {
		return r.errorf("a pg_dump message is mixed into the dump (2>&1?): this line is not SQL; send pg_dump's stderr elsewhere")
	}
	if r.started {
		return nil
	}
	r.started = true
	if r.sawHeader {
		return nil
	}
	if !r.opt.AnySQL {
		return &Error{Name: r.opt.Name, Line: r.line, Err: fmt.Errorf("%w: SQL comes before any pg_dump or pg_dumpall header comment (\"-- PostgreSQL database dump\"); pass --sql to accept SQL that pg_dump did not write", ErrNotDump)}
	}
	r.checkSQL = text[0] != '\\'
	return nil
}

func (r *rewriter) atEOF() error {
	truncated := func(format string, args ...any) error {
		return &Error{Name: r.opt.Name, Line: r.line, Err: fmt.Errorf(format+": %w", append(args, ErrTruncated)...)}
	}
	switch {
	case r.copying:
		return truncated("input ends inside the COPY data of table %s (COPY at line %d), before its \\. line", r.table.QualifiedName(), r.copyLine)
	case r.st == stSQuote || r.st == stDQuote || r.st == stDollar:
		return truncated("input ends inside a quoted string or identifier (statement at line %d)", r.stmtLine)
	case r.st == stBlockComment:
		return truncated("input ends inside a /* comment */")
	case r.inStmt:
		return truncated("input ends inside a statement that began at line %d (no final ';')", r.stmtLine)
	case r.dumps > 0:
		return truncated(`input ends before pg_dump's "dump complete" trailer; did pg_dump fail?`)
	case !r.started && !r.sawHeader:
		return &Error{Name: r.opt.Name, Line: max(r.line, 1), Err: fmt.Errorf("%w: empty input (no SQL statement and no pg_dump header comment)", ErrNotDump)}
	}
	return nil
}

// scanLine runs the SQL lexer over one line outside COPY data. It reports
// whether the line ended a `COPY … FROM stdin;` statement, so that COPY
// data follows.
func (r *rewriter) scanLine(line []byte) (copyNext bool, err error) {
	i, n := 0, len(line)
	capFrom := 0
	for i < n {
		switch r.st {
		case stNormal:
			c := line[i]
			if !r.inStmt {
				switch {
				case isSpace(c):
					i++
					continue
				case c == '-' && i+1 < n && line[i+1] == '-':
					if i == 0 {
						r.dumpMarker(line)
					}
					i = n
					continue
				case c == '/' && i+1 < n && line[i+1] == '*':
					r.st, r.depth = stBlockComment, 1
					i += 2
					continue
				case c == '\\':
					if err := r.beginStatement(line[i:]); err != nil {
						return false, err
					}
					cs, err := r.metaCommand(line[i:])
					if err != nil || cs == nil {
						return false, err
					}
					r.prepareCopy(cs)
					return true, nil
				}
				if err := r.beginStatement(line[i:]); err != nil {
					return false, err
				}
				r.inStmt, r.stmtLine = true, r.line
				if cap(r.stmt) > 1<<20 {
					r.stmt = nil // do not keep a huge statement's buffer
				}
				r.stmt, r.capturing, r.capFull, r.capLimit = r.stmt[:0], true, false, peekStatement
				if r.checkSQL {
					r.capLimit = maxStatement
				}
				r.insertChecked = false
				capFrom = i
			}
			switch {
			case c == '\'':
				r.st = stSQuote
				r.backslash = !r.stdStrings || isEPrefix(line, i)
				i++
			case c == '"':
				r.st = stDQuote
				i++
			case c == '$':
				if tag := dollarTag(line, i); tag != nil {
					r.st = stDollar
					r.dollarTag = append(r.dollarTag[:0], tag...)
					i += len(tag)
				} else {
					i++
				}
			case c == '-' && i+1 < n && line[i+1] == '-':
				r.capture(line[capFrom:i])
				capFrom, i = n, n
			case c == '/' && i+1 < n && line[i+1] == '*':
				r.st, r.depth = stBlockComment, 1
				i += 2
			case c == '\\':
				// A meta-command inside a statement (`SELECT 1 \gset`):
				// psql sends the statement; the rest of the line is the
				// command.
				r.inStmt, r.capturing = false, false
				i = n
			case c == ';':
				r.capture(line[capFrom : i+1])
				r.inStmt = false
				cs, err := r.endStatement()
				if err != nil {
					return false, err
				}
				i++
				if cs != nil {
					if rest := bytes.TrimSpace(line[i:]); len(rest) > 0 {
						return false, r.errorf("text after `COPY … FROM stdin;` on the same line is not supported")
					}
					r.prepareCopy(cs)
					return true, nil
				}
			default:
				i++
			}
		case stSQuote:
			for i < n {
				c := line[i]
				i++
				if c == '\\' && r.backslash {
					i++
				} else if c == '\'' {
					if i < n && line[i] == '\'' {
						i++
					} else {
						r.st = stNormal
						break
					}
				}
			}
		case stDQuote:
			for i < n {
				c := line[i]
				i++
				if c == '"' {
					if i < n && line[i] == '"' {
						i++
					} else {
						r.st = stNormal
						break
					}
				}
			}
		case stDollar:
			if k := bytes.Index(line[i:], r.dollarTag); k >= 0 {
				i += k + len(r.dollarTag)
				r.st = stNormal
			} else {
				i = n
			}
		case stBlockComment:
			for i < n && r.st == stBlockComment {
				switch {
				case line[i] == '*' && i+1 < n && line[i+1] == '/':
					i += 2
					if r.depth--; r.depth == 0 {
						r.st = stNormal
					}
				case line[i] == '/' && i+1 < n && line[i+1] == '*':
					i += 2
					r.depth++
				default:
					i++
				}
			}
		}
	}
	if r.inStmt && capFrom < n {
		r.capture(line[capFrom:])
	}
	if r.inStmt && !r.insertChecked && statementKind(r.stmt) == kindInsert {
		// Check an INSERT's target as soon as it is known, before the
		// line (and the values on the lines after it) is written.
		if err := r.checkInsert(r.stmt, false); err != nil {
			return false, err
		}
	}
	return false, nil
}

// capture appends statement text. Of most statements only the first
// peekStatement bytes are kept, which is enough to classify them and to
// read an INSERT's target; COPY, CREATE TABLE and CREATE DOMAIN are kept
// whole, up to maxStatement.
func (r *rewriter) capture(b []byte) {
	if !r.capturing || r.capFull {
		return
	}
	room := r.capLimit - len(r.stmt)
	if len(b) <= room {
		r.stmt = append(r.stmt, b...)
		return
	}
	if r.capLimit == peekStatement {
		r.stmt = append(r.stmt, b[:room]...)
		if needsFullText(r.stmt) {
			r.capLimit = maxStatement
			r.capture(b[room:])
			return
		}
	}
	r.capFull = true
}

// endStatement handles a complete statement; it returns the parsed COPY
// statement when COPY data follows.
func (r *rewriter) endStatement() (*copyStmt, error) {
	if !r.capturing {
		return nil, nil
	}
	r.capturing = false
	stmt := r.stmt
	if r.checkSQL {
		// The first statement of input that has no pg_dump header must at
		// least be SQL.
		r.checkSQL = false
		if !r.capFull && statementKind(stmt) != kindCopy { // COPY is parsed below
			if err := checkSQL(string(stmt)); err != nil {
				return nil, r.stmtError(fmt.Errorf("%w: the input does not start with an SQL statement", err))
			}
		}
	}
	kind := statementKind(stmt)
	if r.capFull && (kind == kindCopy || kind == kindCreate) {
		return nil, &Error{Name: r.opt.Name, Line: r.stmtLine, Err: fmt.Errorf("statement longer than %d MiB", maxStatement>>20)}
	}
	switch kind {
	case kindCopy:
		cs, err := parseCopy(string(stmt))
		if err != nil {
			return nil, r.stmtError(err)
		}
		if !cs.fromStdin {
			return nil, nil
		}
		return cs, nil
	case kindCreate:
		td, dd, err := parseCreate(string(stmt))
		if err != nil {
			r.warn("cannot parse this CREATE statement (%v); column types of the table it creates are unknown", err)
			return nil, nil
		}
		if td != nil {
			r.cat.qualifyDef(td)
			r.cat.addTable(td)
		}
		if dd != nil {
			dd.schema = r.cat.qualify(dd.schema, dd.name, r.cat.hasDomain)
			r.cat.qualifyType(&dd.base)
			r.cat.addDomain(dd)
		}
	case kindSet:
		if on, ok := stdStringsSetting(stmt); ok {
			r.stdStrings = on
		}
		if enc, ok := clientEncodingSetting(stmt); ok {
			r.encoding = enc
		}
		if p, ok := searchPathSetting(stmt); ok {
			r.cat.setPath(p)
		}
	case kindSelect:
		if p, ok := searchPathSetting(stmt); ok {
			r.cat.setPath(p)
		}
	case kindInsert:
		return nil, r.checkInsert(stmt, true)
	case kindUniqueIndex:
		r.constraints(stmt)
	case kindAlterTable:
		up := bytes.ToUpper(stmt)
		if bytes.Contains(up, []byte("ADD CONSTRAINT")) {
			r.constraints(stmt)
		}
		if !bytes.Contains(up, []byte("ATTACH")) && !bytes.Contains(up, []byte("INHERIT")) {
			return nil, nil
		}
		pairs, err := parseInheritance(string(stmt))
		if err != nil {
			r.warn("cannot parse this ALTER TABLE statement (%v); a rule for a parent table may not reach its partitions", err)
			return nil, nil
		}
		for _, p := range pairs {
			r.cat.addParent(r.cat.qualifyTable(p[0]), r.cat.qualifyTable(p[1]))
		}
	}
	return nil, nil
}

// constraints reports the keys a statement declares, when asked to.
func (r *rewriter) constraints(stmt []byte) {
	if r.opt.Constraints == nil {
		return
	}
	ks, err := parseConstraints(string(stmt), r.stmtLine)
	if err != nil {
		r.warn("cannot parse this constraint (%v); it is not checked", err)
		return
	}
	for _, k := range ks {
		k.Table = r.cat.qualifyTable(k.Table)
		if k.Kind == ForeignKey {
			k.RefTable = r.cat.qualifyTable(k.RefTable)
		}
		r.opt.Constraints(k)
	}
}

func (r *rewriter) stmtError(err error) error {
	e := &Error{Name: r.opt.Name, Line: r.stmtLine, Err: err}
	var se *stmtError
	if errors.As(err, &se) {
		e.Line += se.line - 1
		e.Col = se.col // relative to the statement's first character
	}
	return e
}

// checkInsert refuses INSERT data for a table that has rules: anondump
// rewrites COPY data only, and letting the rows through would leak them.
func (r *rewriter) checkInsert(stmt []byte, final bool) error {
	if r.insertChecked {
		return nil
	}
	schema, name, ok := insertTarget(stmt, final)
	if !ok {
		return nil
	}
	r.insertChecked = true
	schema = r.cat.qualify(schema, name, r.cat.hasTable)
	key := [2]string{schema, name}
	if r.inserts == nil {
		r.inserts = map[[2]string]bool{}
	}
	if done := r.inserts[key]; done {
		return nil
	}
	r.inserts[key] = true
	tbl := &Table{Schema: schema, Name: name, Line: r.stmtLine, Inserts: true, Database: r.database}
	plan, err := r.t.Table(tbl)
	if err != nil {
		return &Error{Name: r.opt.Name, Line: r.stmtLine, Table: tbl.QualifiedName(), Err: err}
	}
	if plan != nil {
		return &Error{Name: r.opt.Name, Line: r.stmtLine, Table: tbl.QualifiedName(),
			Err: errors.New("the dump holds this table's rows as INSERT statements, which anondump cannot rewrite yet; dump with COPY (pg_dump without --inserts/--column-inserts)")}
	}
	return nil
}

// prepareCopy resolves the COPY target against the catalog; the plan is
// asked for once the COPY line has been written.
func (r *rewriter) prepareCopy(cs *copyStmt) {
	schema := r.cat.qualify(cs.schema, cs.table, r.cat.hasTable)
	t := &Table{Schema: schema, Name: cs.table, Line: r.stmtLine, Database: r.database}
	td := r.cat.table(schema, cs.table)
	t.Typed = td != nil
	var defs []columnDef
	if td != nil {
		defs = r.cat.columns(td)
		t.Ancestors = r.cat.ancestors(td)
	}
	for _, d := range defs {
		if d.generated {
			t.Generated = append(t.Generated, d.name)
		}
	}
	names := cs.columns
	if !cs.hasColumnList {
		names = nil
		for _, d := range defs {
			if !d.generated { // COPY leaves generated columns out
				names = append(names, d.name)
			}
		}
	}
	partKeys := map[string]bool{}
	if td != nil {
		for _, a := range append([][2]string{{td.schema, td.name}}, t.Ancestors...) {
			if at := r.cat.table(a[0], a[1]); at != nil {
				for _, k := range at.partKey {
					partKeys[k] = true
				}
			}
		}
	}
	for _, name := range names {
		col := Column{Name: name, PartitionKey: partKeys[name]}
		for _, d := range defs {
			if d.name == name && d.typed {
				col.Type = r.cat.resolve(d.typ)
				break
			}
		}
		t.Columns = append(t.Columns, col)
	}
	r.table, r.copyLine = t, r.stmtLine
	r.oids = cs.oids
	r.nfields = len(t.Columns)
	if cs.oids {
		r.nfields++
	}
	r.plan = nil
	r.copyText = cs.text
	r.copyListed = cs.hasColumnList || td != nil
}

// startCopy asks the transformer for the plan of the COPY block that
// begins on the next line.
func (r *rewriter) startCopy() error {
	r.copying = true
	r.stats.Tables++
	if p := r.opt.Progress; p != nil {
		name := r.table.QualifiedName()
		p.table.Store(&name)
	}
	plan, err := r.t.Table(r.table)
	if err != nil {
		return r.tableError(r.copyLine, err)
	}
	if plan == nil {
		return nil
	}
	if plan.RefuseRows != nil {
		r.refuse = plan.RefuseRows // the block may still be empty
		return nil
	}
	switch {
	case embedsASCII(r.encoding):
		return r.tableError(r.copyLine, fmt.Errorf("the dump's client_encoding %s can hide a backslash inside a multibyte character, so its rows cannot be rewritten safely; dump with pg_dump -E UTF8", r.encoding))
	case !r.copyText:
		return r.tableError(r.copyLine, errors.New("COPY options other than the text format are not supported for a table with rules"))
	case !plan.DropRows && !r.copyListed:
		return r.tableError(r.copyLine, errors.New("COPY without a column list, and no CREATE TABLE in the dump to tell the columns"))
	case !plan.DropRows && len(plan.Columns) != len(r.table.Columns):
		return r.tableError(r.copyLine, fmt.Errorf("internal error: plan has %d columns, COPY has %d", len(plan.Columns), len(r.table.Columns)))
	}
	r.plan = plan
	r.stats.RuledTables++
	ts := TableStats{Table: r.table.QualifiedName(), Line: r.copyLine}
	for i, cr := range plan.Columns {
		if cr != nil {
			cs := ColumnStats{Column: r.table.Columns[i].Name}
			if i < len(plan.Labels) {
				cs.Rule = plan.Labels[i]
			}
			ts.Columns = append(ts.Columns, cs)
		}
	}
	r.stats.Ruled = append(r.stats.Ruled, ts)
	if plan.DropRows {
		return nil
	}
	r.rows = *r.newWorker(plan, r.rows.offs, r.rows.dec, r.rows.enc)
	if r.opt.Workers > 1 {
		workers := []*rowWorker{r.newWorker(plan, nil, nil, nil)}
		for len(workers) < r.opt.Workers {
			p, err := r.t.Table(r.table)
			if err != nil {
				return r.tableError(r.copyLine, err)
			}
			workers = append(workers, r.newWorker(p, nil, nil, nil))
		}
		r.eng = startEngine(workers)
	}
	return nil
}

// copyRow handles one line inside a COPY block.
func (r *rewriter) copyRow(line []byte) error {
	if isEndMarker(line) {
		if r.eng != nil {
			err := r.eng.finish(r)
			r.countValues(r.eng.workers...)
			r.eng = nil
			if err != nil {
				return err
			}
		} else if r.plan != nil && !r.plan.DropRows {
			r.countValues(&r.rows)
		}
		if te, ok := r.t.(TableEnder); ok {
			te.EndTable(r.table, r.blockRows)
		}
		r.copying, r.plan, r.refuse, r.blockRows = false, nil, nil, 0
		if p := r.opt.Progress; p != nil {
			p.rows.Store(r.stats.Rows)
			p.table.Store(nil)
		}
		_, err := r.out.Write(line)
		return err
	}
	if r.refuse != nil {
		return r.tableError(r.line, r.refuse)
	}
	r.stats.Rows++
	r.blockRows++
	if r.stats.Rows&1023 == 0 && r.opt.Progress != nil {
		r.opt.Progress.rows.Store(r.stats.Rows)
	}
	switch {
	case r.plan == nil:
		_, err := r.out.Write(line)
		return err
	case r.plan.DropRows:
		r.stats.RowsDropped++
		ts := &r.stats.Ruled[len(r.stats.Ruled)-1]
		ts.Rows++
		ts.RowsDropped++
		return nil
	}
	r.stats.Ruled[len(r.stats.Ruled)-1].Rows++
	if line[len(line)-1] != '\n' {
		// Only the input's last line can lack its newline.
		return r.tableError(r.line, fmt.Errorf("input ends in the middle of a row (COPY at line %d): %w", r.copyLine, ErrTruncated))
	}
	r.stats.RowsRewritten++
	if r.eng != nil {
		return r.eng.add(r, line)
	}
	out, err := r.rows.appendRow(r.outRow[:0], line)
	if err != nil {
		return r.rowErr(r.line, err)
	}
	r.outRow = out
	if cap(r.outRow) > 16<<20 { // do not keep a huge row's buffer
		r.outRow = nil
	}
	_, err = r.out.Write(out)
	return err
}

func isEndMarker(line []byte) bool {
	if len(line) < 2 || line[0] != '\\' || line[1] != '.' {
		return false
	}
	rest := line[2:]
	return len(rest) == 0 || len(rest) == 1 && rest[0] == '\n' || len(rest) == 2 && rest[0] == '\r' && rest[1] == '\n'
}

// newWorker returns a rowWorker for the current block, reusing buffers.
func (r *rewriter) newWorker(plan *TablePlan, offs []int, dec, enc []byte) *rowWorker {
	w := &rowWorker{plan: plan, nfields: r.nfields, copyLine: r.copyLine, offs: offs, dec: dec, enc: enc,
		rw: make([]ColumnRewriter, r.nfields), names: make([]string, r.nfields),
		rewritten: make([]int64, r.nfields), nulls: make([]int64, r.nfields)}
	first := 0
	if r.oids {
		first = 1 // the OID field is kept
	}
	w.first, w.filter = first, plan.Filter
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

// metaCommand handles a psql meta-command line. For `\copy … from
// stdin` it returns the COPY it performs, whose data follows.
func (r *rewriter) metaCommand(cmd []byte) (*copyStmt, error) {
	switch word := metaWord(cmd); word {
	case `\connect`, `\c`:
		// A new database: its own tables, domains and settings.
		r.cat.reset()
		r.inserts = nil
		r.stdStrings = true
		r.encoding = ""
		r.database = connectDatabase(cmd)
	case `\copy`:
		rest := bytes.TrimSpace(cmd[len(word):])
		if !bytes.Contains(bytes.ToLower(rest), []byte("stdin")) {
			return nil, nil
		}
		rest = bytes.ReplaceAll(rest, []byte("pstdin"), []byte("stdin"))
		cs, err := parseCopy("COPY " + string(bytes.TrimSuffix(rest, []byte(";"))))
		if err != nil || !cs.fromStdin {
			return nil, r.errorf("cannot parse this \\copy … from stdin command, so its rows cannot be checked")
		}
		r.stmtLine = r.line
		return cs, nil
	}
	return nil, nil
}

func metaWord(cmd []byte) string {
	end := 1
	for end < len(cmd) && !isSpace(cmd[end]) {
		end++
	}
	return string(cmd[:end])
}

// dumpMarker tracks pg_dump's header and trailer comments.
func (r *rewriter) dumpMarker(line []byte) {
	line = bytes.TrimRight(line, "\r\n")
	switch string(line) {
	case "-- PostgreSQL database dump", "-- PostgreSQL database cluster dump":
		r.dumps++
		r.sawHeader = true
	case "-- PostgreSQL database dump complete", "-- PostgreSQL database cluster dump complete":
		r.dumps--
	}
}

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
		lr.long = append(lr.long[:0], line...)
		for {
			line, err = lr.br.ReadSlice('\n')
			lr.n += int64(len(line))
			lr.long = append(lr.long, line...)
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
