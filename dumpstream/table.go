package dumpstream

import (
	"fmt"
	"strings"
)

// Table describes the target of one COPY block.
type Table struct {
	Schema  string   // as PostgreSQL resolved it ("public" for an unqualified name)
	Name    string   // as PostgreSQL resolved it: unquoted names folded to lower case
	Columns []Column // in COPY order
	Line    int      // input line of the COPY statement
	Typed   bool     // whether a CREATE TABLE for it was seen, so Columns carry types
	// Ancestors are the tables it inherits from or is a partition of,
	// nearest first (from INHERITS, PARTITION OF and ATTACH PARTITION).
	Ancestors [][2]string
	// Inserts: the table's rows come as INSERT statements (the Table is
	// given to Visitor.Inserts); Columns are those of its CREATE TABLE, or
	// of the first statement's column list, or none. [Rewrite] rewrites
	// them by the table's plan like COPY rows.
	Inserts bool
	// Database is the database the table belongs to when the input names
	// one (a `\connect` in pg_dumpall output or a `CREATE DATABASE`
	// section), else "".
	Database string
	// Generated lists the table's GENERATED ALWAYS AS (…) STORED columns,
	// from its CREATE TABLE: COPY never carries them, so a rule naming
	// one can never apply.
	Generated []string
	// Encoding is the dump's client_encoding (upper case) where the COPY
	// block of the table starts, or "" when the dump set none.
	Encoding string
}

// QualifiedName returns schema.name, each part quoted only when needed.
func (t *Table) QualifiedName() string {
	return QuoteIdent(t.Schema) + "." + QuoteIdent(t.Name)
}

// Column is one column of a COPY block.
type Column struct {
	Name string
	Type *Type // nil when the dump did not declare it (data-only dump)
	// PartitionKey: the column is in the PARTITION BY of the table or of
	// one of its ancestors, so its value decides the row's partition.
	PartitionKey bool
}

// Type is a column's declared type, with domains resolved to their base.
type Type struct {
	Name      string  // base type name without schema: "varchar", "int4", "text", "citext", "mood"
	Schema    string  // "pg_catalog" for built-in types written in SQL-standard form, else as written
	Mods      []int32 // type modifiers: varchar(20) → [20], numeric(10,2) → [10 2]
	ArrayDims int     // 0 for a scalar
	NotNull   bool    // NOT NULL on the column or on a domain it uses
	Domain    string  // the domain's qualified name when the column was declared with one
}

// String returns the type roughly as SQL would write it, for messages.
func (t *Type) String() string {
	var b strings.Builder
	if t.Domain != "" {
		b.WriteString(t.Domain)
		b.WriteString(" (")
	}
	name := t.Name
	if n, ok := sqlNames[name]; ok {
		name = n
	}
	b.WriteString(name)
	if len(t.Mods) > 0 {
		b.WriteByte('(')
		for i, m := range t.Mods {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprint(&b, m)
		}
		b.WriteByte(')')
	}
	for range t.ArrayDims {
		b.WriteString("[]")
	}
	if t.Domain != "" {
		b.WriteByte(')')
	}
	return b.String()
}

var sqlNames = map[string]string{
	"varchar": "character varying", "bpchar": "character", "int2": "smallint", "int4": "integer",
	"int8": "bigint", "float4": "real", "float8": "double precision", "bool": "boolean",
	"timestamptz": "timestamp with time zone", "timestamp": "timestamp without time zone",
	"timetz": "time with time zone", "time": "time without time zone",
}

// TablePlan says how the rows of one COPY block are rewritten.
type TablePlan struct {
	// DropRows drops every row: the COPY statement and its end marker
	// stay, so the table is restored empty.
	DropRows bool
	// Columns has one entry per COPY column; a nil entry keeps the field
	// as it is (its bytes are copied, never decoded).
	Columns []ColumnRewriter
	// Labels optionally names what rewrites each column (a transformer
	// name), for run reports.
	Labels []string
	// Classes optionally names each column's privacy class ("masking",
	// "pseudonymizing", "anonymizing"), for run reports.
	Classes []string
	// RefuseRows, when set, stops the run with this error at the block's
	// first row; an empty block passes. The other fields are ignored.
	RefuseRows error
	// Filter, when set, keeps only the rows it accepts (judged on the
	// original values, before rewriting); the others are dropped.
	Filter RowFilter
	// Observer, when set, is shown every row the block writes, as
	// written (after Filter and the rewriters). A TablePlan is used by one
	// goroutine, so each worker's plan has its own Observer.
	Observer RowObserver
}

// RowObserver sees the rows a block writes, for statistics over the
// output such as k-anonymity.
type RowObserver interface {
	// Observe is given the written row's fields as COPY text (escaped;
	// `\N` is NULL), one per column, valid only during the call.
	Observe(fields [][]byte) error
}

// RowFilter decides which rows of a block are kept. It is used by one
// goroutine at a time.
type RowFilter interface {
	// Keep is given the row's raw COPY fields (not decoded; `\N` is NULL),
	// one per column, valid only during the call.
	Keep(fields [][]byte) (bool, error)
}

// ColumnRewriter rewrites the values of one column.
//
// A ColumnRewriter is used by one goroutine at a time.
type ColumnRewriter interface {
	// Rewrite appends the replacement for one field to dst: value is the
	// decoded field (nil when null). It returns the extended buffer and
	// whether the replacement is NULL (then nothing is appended). It must
	// not retain value.
	Rewrite(dst, value []byte, null bool) (out []byte, outNull bool, err error)
}

// RowReader is implemented by a [ColumnRewriter] that needs the other
// fields of the row it rewrites (a rule whose cases test other columns).
// Before the row's first Rewrite, SetRow is given the row's raw COPY
// fields (not decoded; `\N` is NULL), one per table column, valid only
// until the row is rewritten; the rewriter must not retain them longer.
type RowReader interface {
	SetRow(fields [][]byte)
}

// Transformer decides how each COPY block is rewritten.
type Transformer interface {
	// Table is called once per COPY block, before its first row, with the
	// block's target. A nil plan copies the block untouched. An error
	// stops the run before any row of the table is written.
	Table(t *Table) (*TablePlan, error)
}

// QuoteIdent quotes a PostgreSQL identifier when it needs quoting (not
// all of [a-z0-9_] starting with [a-z_]), doubling embedded quotes. It
// does not know about keywords, which is fine for messages.
func QuoteIdent(s string) string {
	ok := s != ""
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c == '_' || 'a' <= c && c <= 'z' || i > 0 && '0' <= c && c <= '9'
	}
	if ok {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// Kinds of [Constraint].
const (
	PrimaryKey = "primary key"
	Unique     = "unique"
	ForeignKey = "foreign key"
)

// ON DELETE actions of a foreign key ([Constraint.OnDelete]).
const (
	NoAction   = "no action"
	Restrict   = "restrict"
	Cascade    = "cascade"
	SetNull    = "set null"
	SetDefault = "set default"
)

// Constraint is a key the dump declares (in plain dumps, after the data):
// a primary key, a unique constraint or index, or a foreign key.
type Constraint struct {
	Kind       string
	Table      [2]string // schema, name
	Columns    []string
	RefTable   [2]string // foreign key: the referenced table
	RefColumns []string  // foreign key: the referenced columns (empty: its primary key)
	// OnDelete is a foreign key's ON DELETE action: [NoAction],
	// [Restrict], [Cascade], [SetNull] or [SetDefault].
	OnDelete string
	// SetNullColumns are the columns of ON DELETE SET NULL (columns) or
	// SET DEFAULT (columns) (PostgreSQL 15+); empty means all of Columns.
	SetNullColumns []string
	Line           int // input line of the statement
	// Database is the database the statement belongs to (as
	// [Table.Database]): "" outside pg_dumpall output.
	Database string
}

// TableEnder is implemented by a Transformer that wants to know how many
// rows each COPY block had. [Rewrite] calls EndTable once a block's rows
// are all written (and shown to its Observers), and for a ruled table of
// INSERT statements once, after the last statement of the input.
type TableEnder interface {
	EndTable(t *Table, rows int64)
}
