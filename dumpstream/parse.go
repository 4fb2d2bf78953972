package dumpstream

// This file is the only one that imports pg_query_go (cgo).

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"
)

var oidsClause = regexp.MustCompile(`(?i)\s+WITH\s+OIDS\s+FROM\b`)

// copyStmt is what a COPY statement tells about its data.
type copyStmt struct {
	schema, table string
	columns       []string
	hasColumnList bool // false for `COPY t FROM stdin` (all columns)
	fromStdin     bool // data follows the statement in the stream
	text          bool // text format with the default TAB delimiter and \N null
	oids          bool // pre-12 `WITH OIDS`: each row starts with the OID
}

// parseCopy parses one COPY statement.
func parseCopy(stmt string) (*copyStmt, error) {
	res, err := pg_query.Parse(stmt)
	oids := false
	if err != nil {
		// Pre-12 dumps made with -o write `COPY t (…) WITH OIDS FROM
		// stdin;`, which today's grammar no longer has.
		if i := oidsClause.FindStringIndex(stmt); i != nil {
			if res2, err2 := pg_query.Parse(stmt[:i[0]] + " FROM" + stmt[i[1]:]); err2 == nil {
				res, err, oids = res2, nil, true
			}
		}
	}
	if err != nil {
		return nil, sqlError(stmt, err)
	}
	if len(res.Stmts) != 1 || res.Stmts[0].Stmt.GetCopyStmt() == nil {
		return nil, errors.New("not a single COPY statement")
	}
	c := res.Stmts[0].Stmt.GetCopyStmt()
	out := &copyStmt{text: true, oids: oids}
	out.fromStdin = c.GetIsFrom() && !c.GetIsProgram() && c.GetFilename() == ""
	if rel := c.GetRelation(); rel != nil {
		// An unqualified name is resolved against the search_path by the
		// caller: pre-2018 dumps set search_path instead of qualifying.
		name := rangeVarName(rel)
		out.schema, out.table = name[0], name[1]
	}
	for _, n := range c.GetAttlist() {
		out.columns = append(out.columns, n.GetString_().GetSval())
	}
	out.hasColumnList = len(c.GetAttlist()) > 0
	for _, n := range c.GetOptions() {
		d := n.GetDefElem()
		switch strings.ToLower(d.GetDefname()) {
		case "format":
			if f := defString(d); !strings.EqualFold(f, "text") {
				out.text = false
			}
		case "delimiter", "null", "header", "quote", "escape", "force_quote", "force_not_null",
			"force_null", "encoding", "default", "freeze", "on_error", "log_verbosity":
			if d.GetDefname() != "freeze" {
				out.text = false
			}
		case "oids":
			out.oids = true
		default:
			out.text = false
		}
	}
	return out, nil
}

func defString(d *pg_query.DefElem) string {
	if s := d.GetArg().GetString_(); s != nil {
		return s.GetSval()
	}
	return ""
}

// tableDef is a CREATE TABLE, as far as column types are concerned. A
// composite type (CREATE TYPE … AS (…)) is kept in the same form, for
// typed tables (CREATE TABLE … OF type).
type tableDef struct {
	schema, name string
	columns      []columnDef
	parents      [][2]string // INHERITS or PARTITION OF: schema, name
	ofType       [2]string   // CREATE TABLE … OF schema.type
	partKey      []string    // columns of PARTITION BY (expressions are not listed)
	composite    bool        // a CREATE TYPE … AS (…), not a table
}

type columnDef struct {
	name      string
	typ       Type
	typed     bool // the definition names a type (in a typed table it may not)
	generated bool // GENERATED ALWAYS AS (…) STORED: COPY does not carry it
}

// domainDef is a CREATE DOMAIN.
type domainDef struct {
	schema, name string
	base         Type
}

// parseInheritance parses ALTER TABLE … ATTACH PARTITION child and ALTER
// TABLE child INHERIT parent, returning the (child, parent) pairs.
func parseInheritance(stmt string) ([][2][2]string, error) {
	res, err := pg_query.Parse(stmt)
	if err != nil {
		return nil, sqlError(stmt, err)
	}
	var out [][2][2]string
	for _, raw := range res.Stmts {
		a := raw.Stmt.GetAlterTableStmt()
		if a == nil {
			continue
		}
		table := rangeVarName(a.GetRelation())
		for _, c := range a.GetCmds() {
			cmd := c.GetAlterTableCmd()
			switch cmd.GetSubtype() {
			case pg_query.AlterTableType_AT_AttachPartition:
				out = append(out, [2][2]string{rangeVarName(cmd.GetDef().GetPartitionCmd().GetName()), table})
			case pg_query.AlterTableType_AT_AddInherit:
				out = append(out, [2][2]string{table, rangeVarName(cmd.GetDef().GetRangeVar())})
			}
		}
	}
	return out, nil
}

// parseConstraints reads the keys a statement declares: ALTER TABLE … ADD
// CONSTRAINT … PRIMARY KEY / UNIQUE / FOREIGN KEY, and CREATE UNIQUE INDEX.
func parseConstraints(stmt string, line int) ([]Constraint, error) {
	res, err := pg_query.Parse(stmt)
	if err != nil {
		return nil, sqlError(stmt, err)
	}
	strs := func(ns []*pg_query.Node) []string {
		var out []string
		for _, n := range ns {
			out = append(out, n.GetString_().GetSval())
		}
		return out
	}
	var out []Constraint
	for _, raw := range res.Stmts {
		if a := raw.Stmt.GetAlterTableStmt(); a != nil {
			table := rangeVarName(a.GetRelation())
			for _, c := range a.GetCmds() {
				cmd := c.GetAlterTableCmd()
				con := cmd.GetDef().GetConstraint()
				if cmd.GetSubtype() != pg_query.AlterTableType_AT_AddConstraint || con == nil {
					continue
				}
				k := Constraint{Table: table, Line: line}
				switch con.GetContype() {
				case pg_query.ConstrType_CONSTR_PRIMARY:
					k.Kind, k.Columns = PrimaryKey, strs(con.GetKeys())
				case pg_query.ConstrType_CONSTR_UNIQUE:
					k.Kind, k.Columns = Unique, strs(con.GetKeys())
				case pg_query.ConstrType_CONSTR_FOREIGN:
					k.Kind, k.Columns = ForeignKey, strs(con.GetFkAttrs())
					k.RefTable, k.RefColumns = rangeVarName(con.GetPktable()), strs(con.GetPkAttrs())
					k.OnDelete = onDeleteActions[con.GetFkDelAction()]
					k.SetNullColumns = strs(con.GetFkDelSetCols())
				default:
					continue
				}
				out = append(out, k)
			}
		}
		if ix := raw.Stmt.GetIndexStmt(); ix != nil && ix.GetUnique() {
			k := Constraint{Kind: Unique, Table: rangeVarName(ix.GetRelation()), Line: line}
			for _, p := range ix.GetIndexParams() {
				name := p.GetIndexElem().GetName()
				if name == "" {
					k.Columns = nil // an expression index: not a plain column key
					break
				}
				k.Columns = append(k.Columns, name)
			}
			if len(k.Columns) > 0 {
				out = append(out, k)
			}
		}
	}
	return out, nil
}

// onDeleteActions names the parser's codes for a foreign key's ON DELETE.
var onDeleteActions = map[string]string{
	"a": NoAction, "": NoAction, "r": Restrict, "c": Cascade, "n": SetNull, "d": SetDefault,
}

// rangeVarName returns a relation's schema and name; the schema is ""
// when the statement leaves it to the search_path (see catalog.qualify).
func rangeVarName(rv *pg_query.RangeVar) [2]string {
	return [2]string{rv.GetSchemaname(), rv.GetRelname()}
}

// parseCreate parses a CREATE TABLE, CREATE DOMAIN or CREATE TYPE … AS
// (…) statement. It returns (nil, nil, nil) for anything else.
func parseCreate(stmt string) (*tableDef, *domainDef, error) {
	res, err := pg_query.Parse(stmt)
	if err != nil {
		return nil, nil, sqlError(stmt, err)
	}
	if len(res.Stmts) != 1 {
		return nil, nil, nil
	}
	n := res.Stmts[0].Stmt
	if c := n.GetCreateStmt(); c != nil {
		name := rangeVarName(c.GetRelation())
		t := &tableDef{schema: name[0], name: name[1]}
		for _, e := range c.GetTableElts() {
			cd := e.GetColumnDef()
			if cd == nil {
				continue
			}
			col := columnDef{name: cd.GetColname()}
			if tn := cd.GetTypeName(); tn != nil {
				col.typ, col.typed = typeOf(tn), true
			}
			col.typ.NotNull = cd.GetIsNotNull() || hasNotNull(cd.GetConstraints())
			col.generated = isStoredGenerated(cd.GetConstraints())
			t.columns = append(t.columns, col)
		}
		for _, p := range c.GetInhRelations() {
			t.parents = append(t.parents, rangeVarName(p.GetRangeVar()))
		}
		for _, pe := range c.GetPartspec().GetPartParams() {
			if name := pe.GetPartitionElem().GetName(); name != "" {
				t.partKey = append(t.partKey, name)
			}
		}
		if of := c.GetOfTypename(); of != nil {
			ot := typeOf(of)
			t.ofType = [2]string{ot.Schema, ot.Name}
		}
		return t, nil, nil
	}
	if c := n.GetCompositeTypeStmt(); c != nil {
		name := rangeVarName(c.GetTypevar())
		t := &tableDef{schema: name[0], name: name[1], composite: true}
		for _, e := range c.GetColdeflist() {
			if cd := e.GetColumnDef(); cd != nil && cd.GetTypeName() != nil {
				t.columns = append(t.columns, columnDef{name: cd.GetColname(), typ: typeOf(cd.GetTypeName()), typed: true})
			}
		}
		return t, nil, nil
	}
	if d := n.GetCreateDomainStmt(); d != nil {
		names := d.GetDomainname()
		dd := &domainDef{}
		if len(names) > 1 {
			dd.schema = names[len(names)-2].GetString_().GetSval()
		}
		dd.name = names[len(names)-1].GetString_().GetSval()
		dd.base = typeOf(d.GetTypeName())
		dd.base.NotNull = hasNotNull(d.GetConstraints())
		return nil, dd, nil
	}
	return nil, nil, nil
}

func typeOf(tn *pg_query.TypeName) Type {
	var t Type
	names := tn.GetNames()
	if len(names) > 0 {
		t.Name = names[len(names)-1].GetString_().GetSval()
	}
	if len(names) > 1 {
		t.Schema = names[len(names)-2].GetString_().GetSval()
	}
	for _, m := range tn.GetTypmods() {
		if c := m.GetAConst(); c != nil && c.GetIval() != nil {
			t.Mods = append(t.Mods, c.GetIval().GetIval())
		}
	}
	t.ArrayDims = len(tn.GetArrayBounds())
	return t
}

func isStoredGenerated(cs []*pg_query.Node) bool {
	for _, c := range cs {
		if c.GetConstraint().GetContype() == pg_query.ConstrType_CONSTR_GENERATED {
			return true
		}
	}
	return false
}

func hasNotNull(cs []*pg_query.Node) bool {
	for _, c := range cs {
		if c.GetConstraint().GetContype() == pg_query.ConstrType_CONSTR_NOTNULL {
			return true
		}
	}
	return false
}

// sqlError turns a pg_query error into one with a line:col position
// relative to the statement (Cursorpos counts characters, 1-based).
func sqlError(stmt string, err error) error {
	var pe *parser.Error
	if !errors.As(err, &pe) {
		return errors.New("cannot parse statement")
	}
	if pe.Cursorpos <= 0 {
		return fmt.Errorf("cannot parse statement: %s", redactParserMessage(pe.Message))
	}
	line, col := 1, 1
	for i, r := 0, 1; i < len(stmt) && r < pe.Cursorpos; r++ {
		c, size := utf8.DecodeRuneInString(stmt[i:])
		i += size
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return &stmtError{line: line, col: col, msg: redactParserMessage(pe.Message)}
}

// redactParserMessage keeps what a parser message says about the kind of
// problem and drops what it quotes from the statement: PostgreSQL's
// messages end in `at or near "<token>"`, and the token can be a value
// from the dump (a string literal in a DEFAULT or CHECK). The position
// is reported separately.
func redactParserMessage(msg string) string {
	if i := strings.Index(msg, " at or near"); i >= 0 {
		msg = msg[:i]
	}
	if i := strings.Index(msg, " at end of input"); i >= 0 {
		msg = msg[:i]
	}
	if strings.HasPrefix(msg, "syntax error") {
		return "syntax error"
	}
	// Whatever is left in quotes may come from the statement.
	var b strings.Builder
	quote := byte(0)
	for i := 0; i < len(msg); i++ {
		c := msg[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
				b.WriteString("…")
				b.WriteByte(c)
			}
		case c == '"' || c == '\'':
			quote = c
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	if quote != 0 {
		return "syntax error"
	}
	return b.String()
}

// checkSQL reports whether stmt parses as SQL (the error is redacted and
// positioned like sqlError's).
func checkSQL(stmt string) error {
	if _, err := pg_query.Parse(stmt); err != nil {
		return sqlError(stmt, err)
	}
	return nil
}

// stmtError is a syntax error at a position inside a statement.
type stmtError struct {
	line, col int // 1-based, relative to the statement's first byte
	msg       string
}

func (e *stmtError) Error() string { return e.msg }
