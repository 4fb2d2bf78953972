package dumpstream

import (
	"errors"
	"fmt"
	"strings"
)

// ErrTruncated is wrapped by errors about input that ends too early: inside
// a COPY block, a statement or a string, or before pg_dump's "dump
// complete" trailer.
var ErrTruncated = errors.New("the dump is truncated")

// ErrNotDump is wrapped by errors about input that is not pg_dump or
// pg_dumpall output (and [Options.AnySQL] is not set).
var ErrNotDump = errors.New("not pg_dump output")

// Error is a problem at a position in the dump. Its message never contains
// a value from the dump's rows.
type Error struct {
	Name   string // input name, "stdin" or a file name
	Line   int    // 1-based input line
	Col    int    // 1-based column (characters) when known, else 0
	Table  string // qualified table name, when the problem is in a table's data
	Column string // column name, when known
	Err    error
}

func (e *Error) Error() string {
	var b strings.Builder // the location prefix
	name := e.Name
	if name == "" {
		name = "input"
	}
	fmt.Fprintf(&b, "%s:%d", name, e.Line)
	if e.Col > 0 {
		fmt.Fprintf(&b, ":%d", e.Col)
	}
	b.WriteString(": ")
	return prefixLines(&b, e.Table, e.Column, e.Err)
}

// prefixLines finishes a location prefix in b with the table and column,
// when known, and puts it before every line of err: a multi-line cause
// (several rule problems) gets the prefix on every line, so each line
// stands alone; indented lines (YAML to paste) are left as they are.
func prefixLines(b *strings.Builder, table, column string, err error) string {
	if table != "" {
		b.WriteString("table ")
		b.WriteString(table)
		if column != "" {
			b.WriteString(", column ")
			b.WriteString(QuoteIdent(column))
		}
		b.WriteString(": ")
	}
	prefix := b.String()
	lines := strings.Split(err.Error(), "\n")
	for i := range lines {
		if !strings.HasPrefix(lines[i], "  ") {
			lines[i] = prefix + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

func (e *Error) Unwrap() error { return e.Err }
