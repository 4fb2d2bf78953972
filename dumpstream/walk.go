package dumpstream

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// Visitor receives what [Walk] reads, in input order. Embed [NopVisitor]
// to implement only some methods. A non-nil error from any method stops
// the walk and is returned (an *Error as it is, anything else placed at
// the current line).
type Visitor interface {
	// Raw is given, in order, every input byte that is not part of a row
	// handed to a [RowVisitor] or of an INSERT statement handed to an
	// [InsertVisitor]: statements, comments, meta-commands, COPY
	// headers and end markers, and the rows of skipped blocks. Joined,
	// they and the visited rows are the input. b is valid only during the
	// call. Raw for a line comes after the line has been classified.
	Raw(b []byte) error
	// Declare is called after each CREATE TABLE, with the table's
	// columns (inherited ones first) and their types.
	Declare(t *Table) error
	// Constraint is called for each key the dump declares (ALTER TABLE …
	// ADD CONSTRAINT, CREATE UNIQUE INDEX).
	Constraint(k Constraint) error
	// Inserts is called, before the statement is passed to Raw, the first
	// time (per database) an INSERT statement targets a table. The
	// table's Columns are those of its CREATE TABLE, or of the
	// statement's column list, or none.
	Inserts(t *Table) error
	// Block is called at the start of each COPY block, before its first
	// row. It returns the visitor of the block's rows, or nil to skip
	// them: skipped rows are passed to Raw in large chunks, unsplit.
	Block(b *Block) (RowVisitor, error)
	// EndBlock is called at the end marker of every block, visited or
	// skipped (before the marker goes to Raw), with its number of rows.
	EndBlock(b *Block, rows int64) error
}

// InsertVisitor is implemented by a [Visitor] that rewrites the rows of
// INSERT statements (dumps made with pg_dump --inserts or
// --column-inserts).
type InsertVisitor interface {
	// HoldInserts is called once per table and database, right after
	// [Visitor.Inserts]: true hands each of the table's INSERT statements
	// to Insert, whole, instead of to Raw.
	HoldInserts(t *Table) bool
	// Insert is given one INSERT statement of a held table, with the rest
	// of the lines it begins and ends on; it writes what Raw would have
	// been given for them.
	Insert(s *InsertStatement) error
}

// InsertStatement is one INSERT statement that an [InsertVisitor] holds.
type InsertStatement struct {
	// Table is the target, as [Visitor.Inserts] was given it; its Columns
	// come from the CREATE TABLE or, failing that, from the first
	// statement's column list.
	Table *Table
	Line  int // input line where the statement begins
	// Text is the input from the start of the statement's first line
	// (or of its read-buffer chunk) through the end of the line where it
	// ends; it is valid only during the call. Text[Start:End] is the
	// statement, from INSERT through its ';'; the rest of the text, before
	// and after, is white space or comments or other statements' text on
	// the same first line, kept as it is.
	Text       []byte
	Start, End int
	// StdStrings is standard_conforming_strings where the statement is: a
	// backslash in '…' is an escape only when it is off.
	StdStrings bool
	// valueCols maps, for a statement without a column list, each value
	// position to its column in Table.Columns (-1: a generated column,
	// written DEFAULT); nil when the dump did not declare the table.
	valueCols []int
	// unsure: the table inherits or is typed, so the order of its values
	// without a column list is not known for sure (valueCols is nil).
	unsure bool
}

// RowVisitor receives the rows of one COPY block.
type RowVisitor interface {
	// Row is called for each row. The row and its fields are valid only
	// during the call.
	Row(r *Row) error
}

// NopVisitor implements every method of [Visitor] by doing nothing and
// skipping every block.
type NopVisitor struct{}

func (NopVisitor) Raw([]byte) error                 { return nil }
func (NopVisitor) Declare(*Table) error             { return nil }
func (NopVisitor) Constraint(Constraint) error      { return nil }
func (NopVisitor) Inserts(*Table) error             { return nil }
func (NopVisitor) Block(*Block) (RowVisitor, error) { return nil, nil }
func (NopVisitor) EndBlock(*Block, int64) error     { return nil }

// Block is one COPY block: its target and how its rows are written.
type Block struct {
	Table *Table
	Line  int // input line of the COPY statement (Table.Line)
	// Text: the rows use the text format with the default TAB delimiter
	// and `\N` NULL (what pg_dump writes); otherwise Row.Fields fails.
	Text bool
	// Listed: the columns are known, from the COPY's column list or from
	// a CREATE TABLE; otherwise Table.Columns may not match the rows.
	Listed bool
	// OIDs: each row starts with the row's OID (pre-12 `WITH OIDS`),
	// before the fields of Table.Columns.
	OIDs bool
	// Encoding is the dump's client_encoding (upper case), or "".
	Encoding string
}

// Walk reads the plain-format dump src and hands v its schema, its
// constraints, the text outside COPY data and the COPY blocks. It
// refuses what is not pg_dump output (see [Options.AnySQL]) and input that
// ends too early ([ErrTruncated]); refusals that depend on rewriting a
// table are the visitor's. Options.Workers and Progress's rewrite counts
// are not used by Walk. Stats counts bytes, lines, blocks and rows.
func Walk(src io.Reader, v Visitor, opt Options) (Stats, error) {
	w := newWalker(src, v, opt)
	err := w.run()
	w.stats.Lines = int64(w.line)
	w.stats.Bytes = w.in.n
	return w.stats, err
}

// walker is the state of one walk: the lexer, the statement being read,
// the catalog and the COPY block being read.
type walker struct {
	lexer
	in    lineReader
	v     Visitor
	opt   Options
	stats Stats
	line  int // number of the line being processed

	// The current statement.
	inStmt    bool
	stmtLine  int
	stmt      []byte // its text from its first byte, while capturing
	capturing bool
	capFull   bool // stmt holds only the statement's beginning
	// insertChecked: the statement is an INSERT whose target was checked.
	insertChecked bool
	capLimit      int
	// stmtOff is where the statement began in the chunk being lexed, or
	// -1 when it began in an earlier one.
	stmtOff int

	// The INSERT statement being held for an InsertVisitor, if any.
	holding    bool
	holdBegun  bool // its first chunk is in hold
	holdFrom   int  // where it begins in the chunk lexed when holding started
	holdEnded  bool // its ';' is in the chunk being lexed …
	holdEndOff int  // … just before this offset
	hold       []byte
	ins        InsertStatement
	// lastHead is the head of the last INSERT checked and the word after
	// it; a statement starting with the same bytes has the same target,
	// lastInfo.
	lastHead []byte
	lastInfo *insertInfo

	encoding  string // client_encoding, upper case, when the dump set it
	cat       catalog
	inserts   map[[2]string]*insertInfo // INSERT targets already reported
	dumps     int                       // open "PostgreSQL database dump" sections
	sawHeader bool                      // a pg_dump or pg_dumpall header comment was seen
	started   bool                      // a statement or meta-command was seen
	checkSQL  bool                      // the statement being read must parse (AnySQL, no header)
	database  string                    // the database \connect named, for pg_dumpall output

	// The COPY block being read, if any.
	copying   bool
	block     *Block
	rv        RowVisitor // nil: the block's rows are skipped
	blockRows int64
	skipped   bool // the rows of the skipped block were passed on
	skipLine  bool // the rest of the line (a comment or meta-command) is skipped
	row       Row

	// For Rewrite's large-object filter: lineFree says that the chunk
	// being passed to Raw begins a line outside any statement, quote,
	// comment or COPY data; begun counts the statements and
	// meta-commands that begin in it; endHook, when set, is given the
	// captured beginning of each statement as it ends.
	lineFree bool
	begun    int
	endHook  func(stmt []byte, line int)
}

// walkBufSize is the read buffer of a walk: readBufSize, smaller in
// tests that put chunk boundaries everywhere.
var walkBufSize = readBufSize

func newWalker(src io.Reader, v Visitor, opt Options) *walker {
	w := &walker{in: lineReader{br: bufio.NewReaderSize(src, walkBufSize)}, v: v, opt: opt}
	w.stdStrings = true
	w.cat.reset()
	return w
}

func (w *walker) errorf(format string, args ...any) error {
	return &Error{Name: w.opt.Name, Line: w.line, Err: fmt.Errorf(format, args...)}
}

func (w *walker) warn(format string, args ...any) {
	if w.opt.Warn != nil {
		w.opt.Warn(fmt.Sprintf("%s:%d: ", w.opt.Name, w.line) + fmt.Sprintf(format, args...))
	}
}

// visitErr places a visitor's error at line, unless it is placed.
func (w *walker) visitErr(line int, err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	return &Error{Name: w.opt.Name, Line: line, Err: err}
}

func (w *walker) run() error {
	lineStart := true
	for {
		if w.copying {
			w.lineFree = false
			if err := w.copyData(); err != nil {
				return err
			}
			continue
		}
		chunk, partial, err := w.in.peekLine()
		if err == io.EOF {
			return w.atEOF()
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", w.opt.Name, err)
		}
		text, skip := chunk, 0
		if lineStart {
			w.line++
			w.before = [2]byte{'\n', '\n'}
			if w.line == 1 && bytes.HasPrefix(chunk, utf8BOM) {
				skip = len(utf8BOM) // passed through, not classified
				text = chunk[skip:]
			}
		}
		w.lineFree, w.begun = lineStart && !w.inStmt && w.st == stNormal, 0
		n, copyNext, err := w.scanLine(text, lineStart, partial)
		if err != nil {
			return err // the line is not passed on: it may hold refused data
		}
		done := chunk[:skip+n]
		if w.holding {
			if err := w.holdChunk(done, skip); err != nil {
				return err
			}
		} else if err := w.v.Raw(done); err != nil {
			return w.visitErr(w.line, err)
		}
		if w.opt.Text != nil {
			w.opt.Text(done)
		}
		if len(done) >= 2 {
			w.before = [2]byte{done[len(done)-2], done[len(done)-1]}
		}
		w.in.discard(len(done))
		lineStart = !partial && len(done) == len(chunk)
		if copyNext {
			if err := w.startCopy(); err != nil {
				return err
			}
		}
	}
}

var utf8BOM = []byte("\xef\xbb\xbf")

// isSpecial marks the bytes of stmtSpecial.
var isSpecial = func() (t [256]bool) {
	for i := range len(stmtSpecial) {
		t[stmtSpecial[i]] = true
	}
	return
}()

// indexSpecial is bytes.IndexAny(b, stmtSpecial) without building the
// set at every call: INSERT dumps have a quote every few bytes.
func indexSpecial(b []byte) int {
	for i, c := range b {
		if isSpecial[c] {
			return i
		}
	}
	return -1
}

// holdChunk adds a lexed chunk to the INSERT statement being held, and
// hands the statement to the InsertVisitor once its ';' is in; skip is
// the chunk's bytes before the lexed text (a BOM).
func (w *walker) holdChunk(done []byte, skip int) error {
	if !w.holdBegun {
		w.holdBegun = true
		if cap(w.hold) > 1<<20 {
			w.hold = nil // do not keep a huge statement's buffer
		}
		w.hold = w.hold[:0]
		w.ins.Start = skip + w.holdFrom
	}
	base := len(w.hold)
	if base+len(done) > maxStatement {
		return &Error{Name: w.opt.Name, Line: w.ins.Line, Table: w.ins.Table.QualifiedName(), Err: fmt.Errorf("an INSERT statement longer than %d MiB in a table with rules", maxStatement>>20)}
	}
	w.hold = append(w.hold, done...)
	if !w.holdEnded {
		return nil
	}
	w.ins.End = base + skip + w.holdEndOff
	w.ins.Text = w.hold
	w.holding, w.holdBegun, w.holdEnded = false, false, false
	if err := w.v.(InsertVisitor).Insert(&w.ins); err != nil {
		var e *Error
		if errors.As(err, &e) {
			return err
		}
		return &Error{Name: w.opt.Name, Line: w.ins.Line, Table: w.ins.Table.QualifiedName(), Err: err}
	}
	return nil
}

// beginStatement is called at the first byte of every statement and
// meta-command outside COPY data, before its line is passed on.
func (w *walker) beginStatement(text []byte) error {
	if isToolMessage(text) {
		return w.errorf("a pg_dump message is mixed into the dump (2>&1?): this line is not SQL; send pg_dump's stderr elsewhere")
	}
	w.begun++
	if w.started {
		return nil
	}
	w.started = true
	if w.sawHeader {
		return nil
	}
	if !w.opt.AnySQL {
		return &Error{Name: w.opt.Name, Line: w.line, Err: fmt.Errorf("%w: SQL comes before any pg_dump or pg_dumpall header comment (\"-- PostgreSQL database dump\"); pass --sql to accept SQL that pg_dump did not write", ErrNotDump)}
	}
	w.checkSQL = text[0] != '\\'
	return nil
}

func (w *walker) atEOF() error {
	truncated := func(format string, args ...any) error {
		return &Error{Name: w.opt.Name, Line: w.line, Err: fmt.Errorf(format+": %w", append(args, ErrTruncated)...)}
	}
	switch {
	case w.st == stSQuote || w.st == stDQuote || w.st == stDollar:
		return truncated("input ends inside a quoted string or identifier (statement at line %d)", w.stmtLine)
	case w.st == stBlockComment:
		return truncated("input ends inside a /* comment */")
	case w.inStmt:
		return truncated("input ends inside a statement that began at line %d (no final ';')", w.stmtLine)
	case w.dumps > 0:
		return truncated(`input ends before pg_dump's "dump complete" trailer; did pg_dump fail?`)
	case !w.started && !w.sawHeader:
		return &Error{Name: w.opt.Name, Line: max(w.line, 1), Err: fmt.Errorf("%w: empty input (no SQL statement and no pg_dump header comment)", ErrNotDump)}
	}
	return nil
}

// scanLine runs the SQL lexer over one line outside COPY data, or over
// a chunk of it when the line is longer than the read buffer (partial:
// more of the line follows; lineStart: the chunk begins the line). It
// returns how many bytes it lexed (all of a whole line; of a partial
// chunk, all but at most the last lookahead bytes, which come again at
// the start of the next chunk), and whether the line ended a `COPY …
// FROM stdin;` statement, so that COPY data follows.
func (w *walker) scanLine(line []byte, lineStart, partial bool) (consumed int, copyNext bool, err error) {
	n := len(line)
	if w.skipLine && !lineStart {
		return n, false, nil // the rest of a comment or meta-command line
	}
	w.skipLine = false
	if w.inStmt {
		w.stmtOff = -1
	}
	limit := n
	if partial {
		limit = n - lookahead
	}
	// restOfLine skips to the line's end, across chunks.
	restOfLine := func() int {
		w.skipLine = partial
		return n
	}
	i, capFrom := 0, 0
scan:
	for i < limit {
		if w.st != stNormal {
			j := w.skipQuoted(line, i, limit)
			if j == i { // a long $tag$ may straddle the chunk's end
				if i == 0 {
					return 0, false, w.errorf("a dollar-quote tag longer than %d KiB", walkBufSize>>10)
				}
				break
			}
			i = j
			continue
		}
		c := line[i]
		if !w.inStmt {
			if w.holdEnded && !isSpace(c) && !(c == '-' && i+1 < n && line[i+1] == '-') && !(c == '/' && i+1 < n && line[i+1] == '*') {
				return 0, false, w.errorf("text after an INSERT statement of a table with rules on the same line is not supported")
			}
			switch {
			case isSpace(c):
				i++
				continue
			case c == '-' && i+1 < n && line[i+1] == '-':
				if i == 0 && lineStart {
					w.dumpMarker(line)
				}
				i = restOfLine()
				continue
			case c == '/' && i+1 < n && line[i+1] == '*':
				w.st, w.depth = stBlockComment, 1
				i += 2
				continue
			case c == '\\':
				if err := w.beginStatement(line[i:]); err != nil {
					return 0, false, err
				}
				cs, err := w.metaCommand(line[i:])
				if err != nil {
					return 0, false, err
				}
				if cs == nil {
					return restOfLine(), false, nil
				}
				if partial {
					return 0, false, w.errorf("a \\copy command longer than %d KiB is not supported", readBufSize>>10)
				}
				w.prepareCopy(cs)
				return n, true, nil
			}
			if err := w.beginStatement(line[i:]); err != nil {
				return 0, false, err
			}
			w.inStmt, w.stmtLine = true, w.line
			if cap(w.stmt) > 1<<20 {
				w.stmt = nil // do not keep a huge statement's buffer
			}
			w.stmt, w.capturing, w.capFull, w.capLimit = w.stmt[:0], true, false, peekStatement
			if w.checkSQL {
				w.capLimit = maxStatement
			}
			w.insertChecked = false
			w.stmtOff = i
			capFrom = i
		}
		// Skip to the next byte that matters.
		if k := indexSpecial(line[i:limit]); k < 0 {
			i = limit
			continue
		} else {
			i += k
		}
		switch c := line[i]; {
		case c == '-':
			if i+1 < n && line[i+1] == '-' {
				w.capture(line[capFrom:i])
				i = restOfLine()
				capFrom = i
			} else {
				i++
			}
		case c == '/':
			if i+1 < n && line[i+1] == '*' {
				w.st, w.depth = stBlockComment, 1
				i += 2
			} else {
				i++
			}
		case c == '\\':
			// A meta-command inside a statement (`SELECT 1 \gset`):
			// psql sends the statement; the rest of the line is the
			// command.
			if w.endHook != nil && w.capturing {
				w.endHook(w.stmt, w.stmtLine)
			}
			w.inStmt, w.capturing = false, false
			i = restOfLine()
			capFrom = i
		case c == ';':
			w.capture(line[capFrom : i+1])
			w.inStmt = false
			cs, err := w.endStatement()
			if err != nil {
				return 0, false, err
			}
			if w.holding {
				w.holdEnded, w.holdEndOff = true, i+1
			}
			i++
			capFrom = i
			if cs != nil {
				if rest := bytes.TrimSpace(line[i:]); len(rest) > 0 || partial {
					return 0, false, w.errorf("text after `COPY … FROM stdin;` on the same line is not supported")
				}
				w.prepareCopy(cs)
				return n, true, nil
			}
		default: // a quote
			if c == '$' && partial && tagRunsOut(line, i) {
				// A $tag$ may go on in the next chunk: lex it there.
				if i == 0 {
					return 0, false, w.errorf("a dollar-quote tag longer than %d KiB", walkBufSize>>10)
				}
				break scan
			}
			i = w.openQuote(line, i)
		}
	}
	if w.inStmt && capFrom < i {
		w.capture(line[capFrom:i])
	}
	if w.inStmt && !w.insertChecked && statementKind(w.stmt) == kindInsert {
		// Check an INSERT's target as soon as it is known, before the
		// line (and the values on the lines after it) is passed on.
		if err := w.checkInsert(w.stmt, false); err != nil {
			return 0, false, err
		}
	}
	return i, false, nil
}

// capture appends statement text. Of most statements only the first
// peekStatement bytes are kept, which is enough to classify them and to
// read an INSERT's target; COPY, CREATE TABLE and CREATE DOMAIN are kept
// whole, up to maxStatement.
func (w *walker) capture(b []byte) {
	if !w.capturing || w.capFull {
		return
	}
	room := w.capLimit - len(w.stmt)
	if len(b) <= room {
		w.stmt = append(w.stmt, b...)
		return
	}
	if w.capLimit == peekStatement {
		w.stmt = append(w.stmt, b[:room]...)
		if needsFullText(w.stmt) {
			w.capLimit = maxStatement
			w.capture(b[room:])
			return
		}
	}
	w.capFull = true
}

// endStatement handles a complete statement; it returns the parsed COPY
// statement when COPY data follows.
func (w *walker) endStatement() (*copyStmt, error) {
	if w.endHook != nil && w.capturing {
		w.endHook(w.stmt, w.stmtLine)
	}
	if !w.capturing {
		return nil, nil
	}
	w.capturing = false
	stmt := w.stmt
	if w.checkSQL {
		// The first statement of input that has no pg_dump header must at
		// least be SQL.
		w.checkSQL = false
		if !w.capFull && statementKind(stmt) != kindCopy { // COPY is parsed below
			if err := checkSQL(string(stmt)); err != nil {
				return nil, w.stmtError(fmt.Errorf("%w: the input does not start with an SQL statement", err))
			}
		}
	}
	kind := statementKind(stmt)
	if kind != kindInsert {
		w.lastHead = w.lastHead[:0] // it may change what an INSERT's target is
	}
	if w.capFull && (kind == kindCopy || kind == kindCreate) {
		return nil, &Error{Name: w.opt.Name, Line: w.stmtLine, Err: fmt.Errorf("statement longer than %d MiB", maxStatement>>20)}
	}
	switch kind {
	case kindCopy:
		cs, err := parseCopy(string(stmt))
		if err != nil {
			return nil, w.stmtError(err)
		}
		if !cs.fromStdin {
			return nil, nil
		}
		return cs, nil
	case kindCreate:
		td, dd, err := parseCreate(string(stmt))
		if err != nil {
			w.warn("cannot parse this CREATE statement (%v); column types of the table it creates are unknown", err)
			return nil, nil
		}
		if td != nil {
			w.cat.qualifyDef(td)
			w.cat.addTable(td)
			if !td.composite {
				if err := w.v.Declare(w.tableOf(td, nil, false)); err != nil {
					return nil, w.visitErr(w.stmtLine, err)
				}
			}
		}
		if dd != nil {
			dd.schema = w.cat.qualify(dd.schema, dd.name, w.cat.hasDomain)
			w.cat.qualifyType(&dd.base)
			w.cat.addDomain(dd)
		}
	case kindSet:
		if on, ok := stdStringsSetting(stmt); ok {
			w.stdStrings = on
		}
		if enc, ok := clientEncodingSetting(stmt); ok {
			w.encoding = enc
		}
		if p, ok := searchPathSetting(stmt); ok {
			w.cat.setPath(p)
		}
	case kindSelect:
		if p, ok := searchPathSetting(stmt); ok {
			w.cat.setPath(p)
		}
	case kindInsert:
		return nil, w.checkInsert(stmt, true)
	case kindUniqueIndex:
		return nil, w.constraints(stmt)
	case kindAlterTable:
		up := bytes.ToUpper(stmt)
		if bytes.Contains(up, []byte("ADD CONSTRAINT")) {
			if err := w.constraints(stmt); err != nil {
				return nil, err
			}
		}
		if !bytes.Contains(up, []byte("ATTACH")) && !bytes.Contains(up, []byte("INHERIT")) {
			return nil, nil
		}
		pairs, err := parseInheritance(string(stmt))
		if err != nil {
			w.warn("cannot parse this ALTER TABLE statement (%v); a rule for a parent table may not reach its partitions", err)
			return nil, nil
		}
		for _, p := range pairs {
			w.cat.addParent(w.cat.qualifyTable(p[0]), w.cat.qualifyTable(p[1]))
		}
	}
	return nil, nil
}

// constraints hands the visitor the keys a statement declares.
func (w *walker) constraints(stmt []byte) error {
	ks, err := parseConstraints(string(stmt), w.stmtLine)
	if err != nil {
		w.warn("cannot parse this constraint (%v); it is not checked", err)
		return nil
	}
	for _, k := range ks {
		k.Database = w.database
		k.Table = w.cat.qualifyTable(k.Table)
		if k.Kind == ForeignKey {
			k.RefTable = w.cat.qualifyTable(k.RefTable)
		}
		if err := w.v.Constraint(k); err != nil {
			return w.visitErr(w.stmtLine, err)
		}
	}
	return nil
}

func (w *walker) stmtError(err error) error {
	e := &Error{Name: w.opt.Name, Line: w.stmtLine, Err: err}
	var se *stmtError
	if errors.As(err, &se) {
		e.Line += se.line - 1
		e.Col = se.col // relative to the statement's first character
	}
	return e
}

// checkInsert reports an INSERT's target table to the visitor, once per
// table and database, as soon as the target (and its column list, if
// any) is known, and starts holding the statement when the visitor
// holds the table's statements.
func (w *walker) checkInsert(stmt []byte, final bool) error {
	if w.insertChecked {
		return nil
	}
	if n := len(w.lastHead); n > 0 && len(stmt) > n && !isIdentByte(stmt[n]) && bytes.Equal(stmt[:n], w.lastHead) {
		// The same head as the last INSERT, with no other statement
		// between them (pg_dump's INSERTs of one table).
		w.insertChecked = true
		return w.holdInsert(w.lastInfo)
	}
	h, err := parseInsertHead(stmt, final)
	if err != nil {
		return nil // incomplete: checked again; or not an INSERT INTO anondump reads
	}
	w.insertChecked = true
	schema := w.cat.qualify(h.schema, h.name, w.cat.hasTable)
	key := [2]string{schema, h.name}
	if w.inserts == nil {
		w.inserts = map[[2]string]*insertInfo{}
	}
	it := w.inserts[key]
	w.lastHead = w.lastHead[:0]
	if _, k := word(stmt, skipSpace(stmt, h.end)); k > h.end {
		w.lastHead, w.lastInfo = append(w.lastHead, stmt[:k]...), nil // set below
	}
	if it == nil {
		it = w.insertTable(schema, h)
		w.inserts[key] = it
		tbl := it.table
		if err := w.v.Inserts(tbl); err != nil {
			var e *Error
			if errors.As(err, &e) {
				return err
			}
			return &Error{Name: w.opt.Name, Line: w.stmtLine, Table: tbl.QualifiedName(), Err: err}
		}
		if iv, ok := w.v.(InsertVisitor); ok {
			it.hold = iv.HoldInserts(tbl)
		}
	}
	w.lastInfo = it
	return w.holdInsert(it)
}

// holdInsert starts holding the statement being read when the visitor
// holds the statements of its table.
func (w *walker) holdInsert(it *insertInfo) error {
	if !it.hold {
		return nil
	}
	if w.stmtOff < 0 {
		return &Error{Name: w.opt.Name, Line: w.stmtLine, Table: it.table.QualifiedName(), Err: fmt.Errorf("an INSERT statement whose target table is not on its first line (or in its first %d KiB) is not supported for a table with rules", walkBufSize>>10)}
	}
	w.holding, w.holdBegun, w.holdEnded, w.holdFrom = true, false, false, w.stmtOff
	w.ins = InsertStatement{Table: it.table, Line: w.stmtLine, StdStrings: w.stdStrings, valueCols: it.valueCols, unsure: it.unsure}
	return nil
}

// insertInfo is a table that INSERT statements fill.
type insertInfo struct {
	table     *Table
	hold      bool  // the visitor holds its statements
	valueCols []int // see InsertStatement.valueCols
	unsure    bool  // see InsertStatement.unsure
}

// insertTable describes the target of the first INSERT into a table:
// its columns are those of its CREATE TABLE (those a COPY would have),
// or the statement's column list.
func (w *walker) insertTable(schema string, h insertHead) *insertInfo {
	it := &insertInfo{}
	if td := w.cat.table(schema, h.name); td != nil {
		it.table = w.tableOf(td, nil, false)
		// Without a column list, the values are in attnum order, which is
		// the order of the CREATE TABLE's own columns when it lists every
		// column (pg_dump lists a partition's, and a child's merged
		// columns, there). A child's or typed table's columns that only
		// come from its parent or type have no place there that is
		// certain: then only a column list says.
		index := map[string]int{}
		for i, c := range it.table.Columns {
			index[c.Name] = i
		}
		own := map[string]bool{}
		for _, d := range td.columns {
			own[d.name] = true
			if d.generated {
				it.valueCols = append(it.valueCols, -1)
			} else if i, ok := index[d.name]; ok {
				it.valueCols = append(it.valueCols, i)
			}
		}
		for _, d := range w.cat.columns(td) {
			if !own[d.name] {
				it.unsure, it.valueCols = true, nil
				break
			}
		}
	} else {
		it.table = &Table{Schema: schema, Name: h.name, Line: w.stmtLine, Database: w.database}
		for _, c := range h.columns {
			it.table.Columns = append(it.table.Columns, Column{Name: c})
		}
	}
	it.table.Inserts = true
	it.table.Line = w.stmtLine
	it.table.Encoding = w.encoding
	return it
}

// tableOf describes a declared table; names, when listed, are the COPY
// columns (else every stored column, in attnum order).
func (w *walker) tableOf(td *tableDef, names []string, listed bool) *Table {
	t := &Table{Schema: td.schema, Name: td.name, Line: w.stmtLine, Database: w.database, Typed: true}
	defs := w.cat.columns(td)
	t.Ancestors = w.cat.ancestors(td)
	for _, d := range defs {
		if d.generated {
			t.Generated = append(t.Generated, d.name)
		}
	}
	if !listed {
		for _, d := range defs {
			if !d.generated { // COPY leaves generated columns out
				names = append(names, d.name)
			}
		}
	}
	partKeys := map[string]bool{}
	for _, a := range append([][2]string{{td.schema, td.name}}, t.Ancestors...) {
		if at := w.cat.table(a[0], a[1]); at != nil {
			for _, k := range at.partKey {
				partKeys[k] = true
			}
		}
	}
	for _, name := range names {
		col := Column{Name: name, PartitionKey: partKeys[name]}
		for _, d := range defs {
			if d.name == name && d.typed {
				col.Type = w.cat.resolve(d.typ)
				break
			}
		}
		t.Columns = append(t.Columns, col)
	}
	return t
}

// prepareCopy resolves the COPY target against the catalog; the visitor
// is asked about the block once the COPY line has been passed on.
func (w *walker) prepareCopy(cs *copyStmt) {
	schema := w.cat.qualify(cs.schema, cs.table, w.cat.hasTable)
	var t *Table
	if td := w.cat.table(schema, cs.table); td != nil {
		t = w.tableOf(td, cs.columns, cs.hasColumnList)
	} else {
		t = &Table{Schema: schema, Name: cs.table, Line: w.stmtLine, Database: w.database}
		for _, name := range cs.columns {
			t.Columns = append(t.Columns, Column{Name: name})
		}
	}
	t.Encoding = w.encoding
	w.block = &Block{Table: t, Line: w.stmtLine, Text: cs.text, Listed: cs.hasColumnList || t.Typed, OIDs: cs.oids, Encoding: w.encoding}
}

// startCopy asks the visitor about the COPY block that begins on the next
// line.
func (w *walker) startCopy() error {
	w.copying = true
	w.blockRows = 0
	w.stats.Tables++
	if p := w.opt.Progress; p != nil {
		name := w.block.Table.QualifiedName()
		p.table.Store(&name)
	}
	rv, err := w.v.Block(w.block)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return err
		}
		return &Error{Name: w.opt.Name, Line: w.block.Line, Table: w.block.Table.QualifiedName(), Err: err}
	}
	w.rv, w.skipped = rv, false
	nf := len(w.block.Table.Columns)
	if w.block.OIDs {
		nf++
	}
	w.row = Row{block: w.block, nfields: nf, offs: w.row.offs[:0], dec: w.row.dec}
	return nil
}

// copyData reads COPY data: one row, or the rows of a skipped block, or
// the end marker.
func (w *walker) copyData() error {
	if w.rv == nil && !w.skipped {
		w.skipped = true
		if err := w.skipRows(); err != nil {
			return err
		}
	}
	line, err := w.in.next()
	if err == io.EOF {
		return &Error{Name: w.opt.Name, Line: w.line, Err: fmt.Errorf("input ends inside the COPY data of table %s (COPY at line %d), before its \\. line: %w", w.block.Table.QualifiedName(), w.block.Line, ErrTruncated)}
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", w.opt.Name, err)
	}
	w.line++
	if isEndMarker(line) {
		if err := w.v.EndBlock(w.block, w.blockRows); err != nil {
			return w.blockErr(w.line, err)
		}
		w.copying, w.rv = false, nil
		if p := w.opt.Progress; p != nil {
			p.rows.Store(w.stats.Rows)
			p.table.Store(nil)
		}
		if err := w.v.Raw(line); err != nil {
			return w.visitErr(w.line, err)
		}
		return nil
	}
	w.stats.Rows++
	w.blockRows++
	if w.stats.Rows&1023 == 0 && w.opt.Progress != nil {
		w.opt.Progress.rows.Store(w.stats.Rows)
	}
	if w.rv == nil {
		if err := w.v.Raw(line); err != nil {
			return w.visitErr(w.line, err)
		}
		return nil
	}
	w.row.reset(line, w.line)
	if err := w.rv.Row(&w.row); err != nil {
		if err == ErrSkipBlock {
			w.rv, w.skipped = nil, false // the rest goes by in chunks
			return nil
		}
		return w.blockErr(w.line, err)
	}
	return nil
}

// ErrSkipBlock, returned by [RowVisitor.Row], skips the rest of the
// block's rows (they go to Raw, unsplit); it does not stop the walk. A
// sampler returns it once its sample is full.
var ErrSkipBlock = errors.New("skip the rest of this COPY block")

var endMarkerAfterNL = []byte("\n\\.")

// skipRows passes the rows of a skipped block to Raw straight from the
// read buffer, in chunks, without assembling lines: it stops before the
// block's end marker line, or at EOF. Memory stays bounded whatever the
// length of a row, and there is no per-row work.
func (w *walker) skipRows() error {
	br := w.in.br
	lineStart := true
	for {
		if lineStart {
			p, err := br.Peek(4)
			if isEndMarkerStart(p, err != nil) {
				return nil
			}
		}
		if br.Buffered() == 0 {
			if _, err := br.Peek(1); err != nil {
				if err != io.EOF {
					return fmt.Errorf("reading %s: %w", w.opt.Name, err)
				}
				if !lineStart {
					w.line++ // the partial last line
				}
				return nil // copyData reports the truncation
			}
		}
		buf, _ := br.Peek(br.Buffered())
		n := len(buf)
		if k := bytes.Index(buf, endMarkerAfterNL); k >= 0 {
			n = k + 1 // through the newline: the line start is checked next
		} else if n >= 2 && buf[n-1] == '\\' && buf[n-2] == '\n' {
			n-- // the backslash may begin a marker line: look at it whole
		}
		chunk := buf[:n]
		lines := int64(bytes.Count(chunk, []byte{'\n'}))
		w.line += int(lines)
		w.stats.Rows += lines
		w.blockRows += lines
		lineStart = chunk[n-1] == '\n'
		if err := w.v.Raw(chunk); err != nil {
			return w.visitErr(w.line, err)
		}
		br.Discard(n)
		w.in.n += int64(n)
		if p := w.opt.Progress; p != nil {
			p.rows.Store(w.stats.Rows)
		}
	}
}

// isEndMarkerStart reports whether p, the first bytes of a line (up to
// 4), is a COPY end marker line; atEOF: nothing follows p.
func isEndMarkerStart(p []byte, atEOF bool) bool {
	if len(p) < 2 || p[0] != '\\' || p[1] != '.' {
		return false
	}
	switch {
	case len(p) == 2:
		return atEOF
	case p[2] == '\n':
		return true
	case p[2] == '\r':
		return len(p) == 4 && p[3] == '\n'
	}
	return false
}

// blockErr places a row visitor's error at line, in the block's table.
func (w *walker) blockErr(line int, err error) error {
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	var re *rowError
	if errors.As(err, &re) {
		return &Error{Name: w.opt.Name, Line: line, Table: w.block.Table.QualifiedName(), Column: re.column, Err: errors.New(re.msg)}
	}
	return &Error{Name: w.opt.Name, Line: line, Table: w.block.Table.QualifiedName(), Err: err}
}

// metaCommand handles a psql meta-command line. For `\copy … from
// stdin` it returns the COPY it performs, whose data follows.
func (w *walker) metaCommand(cmd []byte) (*copyStmt, error) {
	switch word := metaWord(cmd); word {
	case `\connect`, `\c`:
		// A new database: its own tables, domains and settings.
		w.cat.reset()
		w.inserts, w.lastHead = nil, w.lastHead[:0]
		w.stdStrings = true
		w.encoding = ""
		w.database = connectDatabase(cmd)
	case `\copy`:
		rest := bytes.TrimSpace(cmd[len(word):])
		if !bytes.Contains(bytes.ToLower(rest), []byte("stdin")) {
			return nil, nil
		}
		rest = bytes.ReplaceAll(rest, []byte("pstdin"), []byte("stdin"))
		cs, err := parseCopy("COPY " + string(bytes.TrimSuffix(rest, []byte(";"))))
		if err != nil || !cs.fromStdin {
			return nil, w.errorf("cannot parse this \\copy … from stdin command, so its rows cannot be checked")
		}
		w.stmtLine = w.line
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
func (w *walker) dumpMarker(line []byte) {
	line = bytes.TrimRight(line, "\r\n")
	switch string(line) {
	case "-- PostgreSQL database dump", "-- PostgreSQL database cluster dump":
		w.dumps++
		w.sawHeader = true
	case "-- PostgreSQL database dump complete", "-- PostgreSQL database cluster dump complete":
		w.dumps--
	}
}
