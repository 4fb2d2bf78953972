package dumpstream

// The SQL-literal row codec: the rows of an INSERT statement, as pg_dump
// writes them with --inserts, --column-inserts and --rows-per-insert
// (pgdump-format.md 1.6), found by a hand-written scanner in one pass
// over the statement, and their values decoded from and encoded back to
// SQL literals.
//
// pg_dump writes a value as NULL, a bare number (integer, float and
// numeric types), true or false (bool), B'…' (bit strings) or a string
// literal '…' with ” doubling; with standard_conforming_strings off, a
// backslash inside '…' is an escape and pg_dump doubles it. The scanner
// also reads E'…' strings, casts after a literal ('…'::jsonb) and
// negative numbers; any other expression is kept as it is, and only a
// rule on its column refuses it.

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"
)

// Kinds of SQL value in an INSERT's VALUES list.
const (
	litOther   = iota // an expression anondump does not read (a function call, an operator)
	litNull           // NULL
	litString         // '…'
	litEString        // E'…'
	litNumber         // 12, -3.5, 1e-07
	litBool           // true, false
	litBit            // B'0101'
	litDefault        // DEFAULT (a generated column without a column list)
)

// sqlValue is one value of a VALUES row: text[start:end] is the whole
// expression; text[litStart:litEnd] its literal (quotes and E or B
// prefix included), which is what a rewrite replaces; what follows the
// literal (a cast) is kept.
type sqlValue struct {
	start, end       int
	litStart, litEnd int
	kind             int
}

// sqlRow is one parenthesized row: text[start:end] runs from its '(' to
// its ')'; its values are vals[first:first+n] of the scan.
type sqlRow struct {
	start, end int
	first, n   int
}

// insertScan is what one INSERT statement holds, found in one pass. Its
// slices are reused from scan to scan.
type insertScan struct {
	head insertHead
	// defaults: the statement is INSERT … DEFAULT VALUES (one row, no
	// values).
	defaults bool
	rows     []sqlRow
	vals     []sqlValue
}

// insertHead is the start of an INSERT statement: its target, its
// column list, and where the rest (OVERRIDING, VALUES) begins.
type insertHead struct {
	schema, name string
	columns      []string
	listed       bool // a column list was given
	end          int  // index after the target and column list
}

var (
	errIncomplete    = errors.New("incomplete INSERT statement")
	errNotInsertInto = errors.New("not an INSERT INTO statement")
	errBadName       = errors.New("cannot read the INSERT's table name")
	errBadColumns    = errors.New("cannot read the INSERT's column list")
)

// skipSpace returns the index of the first byte at or after i that is
// not white space or inside a comment (-- to the end of the line, or a
// nested /* */).
func skipSpace(s []byte, i int) int {
	for i < len(s) {
		switch c := s[i]; {
		case isSpace(c):
			i++
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			for i < len(s) && s[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			depth := 0
			for i < len(s) {
				if s[i] == '/' && i+1 < len(s) && s[i+1] == '*' {
					depth++
					i += 2
				} else if s[i] == '*' && i+1 < len(s) && s[i+1] == '/' {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
		default:
			return i
		}
	}
	return i
}

// word returns the identifier at s[i:] and the index after it; nil when
// s[i] does not start one. Compare it with isWord.
func word(s []byte, i int) ([]byte, int) {
	j := i
	for j < len(s) && isIdentByte(s[j]) {
		j++
	}
	if j == i || '0' <= s[i] && s[i] <= '9' {
		return nil, i
	}
	return s[i:j], j
}

// isWord reports whether w is the keyword kw (upper case), in any case.
func isWord(w []byte, kw string) bool {
	if len(w) != len(kw) {
		return false
	}
	for i := range w {
		if c := w[i]; c != kw[i] && c-('a'-'A') != kw[i] {
			return false
		}
	}
	return true
}

// ident reads an identifier, quoted ("" is one quote) or not (folded to
// lower case), at s[i:]; ok is false when there is none or the quote is
// not closed.
func ident(s []byte, i int) (name string, next int, ok bool) {
	if i < len(s) && s[i] == '"' {
		var b strings.Builder
		j, closed := appendQuoted(&b, s, i+1, '"', false)
		return b.String(), j, closed
	}
	j := i
	for j < len(s) && isIdentByte(s[j]) {
		j++
	}
	if j == i {
		return "", i, false
	}
	return strings.ToLower(string(s[i:j])), j, true
}

// parseInsertHead reads `INSERT INTO [db.][schema.]table [(col, …)]` at
// the start of stmt. Unless final, stmt may be the statement's
// beginning: a head that may go on gives errIncomplete.
func parseInsertHead(stmt []byte, final bool) (insertHead, error) {
	var h insertHead
	incomplete := errNotInsertInto
	if !final {
		incomplete = errIncomplete
	}
	i := skipSpace(stmt, 0)
	w, i := word(stmt, i)
	if !isWord(w, "INSERT") {
		return h, errNotInsertInto
	}
	i = skipSpace(stmt, i)
	if w, i = word(stmt, i); !isWord(w, "INTO") {
		if w == nil && i == len(stmt) {
			return h, incomplete
		}
		return h, errNotInsertInto
	}
	var parts []string
	for {
		i = skipSpace(stmt, i)
		name, j, ok := ident(stmt, i)
		if !ok {
			if j == len(stmt) || i == len(stmt) {
				return h, incomplete
			}
			return h, errBadName
		}
		parts = append(parts, name)
		i = skipSpace(stmt, j)
		if i == len(stmt) {
			return h, incomplete // the name may go on
		}
		if stmt[i] != '.' {
			break
		}
		i++
	}
	switch len(parts) {
	case 1:
		h.name = parts[0]
	case 2:
		h.schema, h.name = parts[0], parts[1]
	case 3:
		h.schema, h.name = parts[1], parts[2]
	default:
		return h, errBadName
	}
	if stmt[i] == '(' {
		h.listed = true
		i++
		for {
			i = skipSpace(stmt, i)
			name, j, ok := ident(stmt, i)
			if !ok {
				if j == len(stmt) || i == len(stmt) {
					return h, incomplete
				}
				return h, errBadColumns
			}
			h.columns = append(h.columns, name)
			i = skipSpace(stmt, j)
			if i == len(stmt) {
				return h, incomplete
			}
			if stmt[i] == ')' {
				i++
				break
			}
			if stmt[i] != ',' {
				return h, errBadColumns
			}
			i++
		}
	}
	h.end = i
	return h, nil
}

// scanInsert reads a whole INSERT statement (through its ';'): its head,
// then `[OVERRIDING SYSTEM|USER VALUE] VALUES (…), (…) …` or `DEFAULT
// VALUES`, noting where each row and value is. Whatever follows the last
// row (ON CONFLICT DO NOTHING, the ';') is not read. backslash says
// whether a backslash escapes inside '…' (standard_conforming_strings
// off).
func scanInsert(stmt []byte, stdStrings bool, s *insertScan) error {
	s.rows, s.vals, s.defaults = s.rows[:0], s.vals[:0], false
	h, err := parseInsertHead(stmt, true)
	if err != nil {
		return err
	}
	s.head = h
	return scanInsertAfter(stmt, stdStrings, s)
}

// scanInsertAfter is scanInsert after the head, which s.head already
// holds (stmt starts with the same bytes as the statement it was read
// from).
func scanInsertAfter(stmt []byte, stdStrings bool, s *insertScan) error {
	s.rows, s.vals, s.defaults = s.rows[:0], s.vals[:0], false
	i := skipSpace(stmt, s.head.end)
	w, j := word(stmt, i)
	if isWord(w, "OVERRIDING") {
		i = skipSpace(stmt, j)
		if w, j = word(stmt, i); !isWord(w, "SYSTEM") && !isWord(w, "USER") {
			return errors.New("cannot read OVERRIDING … VALUE")
		}
		i = skipSpace(stmt, j)
		if w, j = word(stmt, i); !isWord(w, "VALUE") {
			return errors.New("cannot read OVERRIDING … VALUE")
		}
		i = skipSpace(stmt, j)
		w, j = word(stmt, i)
	}
	switch {
	case isWord(w, "DEFAULT"):
		i = skipSpace(stmt, j)
		if w, _ = word(stmt, i); !isWord(w, "VALUES") {
			return errors.New("an INSERT … DEFAULT without VALUES")
		}
		s.defaults = true
		return nil
	case isWord(w, "VALUES"):
	default:
		return errors.New("not an INSERT … VALUES statement (a SELECT or another form that anondump does not read)")
	}
	i = j
	for {
		i = skipSpace(stmt, i)
		if i == len(stmt) || stmt[i] != '(' {
			return errors.New("cannot read a VALUES row: no '('")
		}
		row := sqlRow{start: i, first: len(s.vals)}
		i = skipSpace(stmt, i+1)
		if i < len(stmt) && stmt[i] == ')' {
			i++
		} else {
			for {
				v, next, err := scanValue(stmt, i, stdStrings)
				if err != nil {
					return err
				}
				s.vals = append(s.vals, v)
				i = skipSpace(stmt, next)
				if i == len(stmt) {
					return errors.New("a VALUES row does not end")
				}
				if stmt[i] == ')' {
					i++
					break
				}
				if stmt[i] != ',' {
					return errors.New("cannot read a VALUES row: expected ',' or ')' after a value")
				}
				i++
			}
		}
		row.end, row.n = i, len(s.vals)-row.first
		s.rows = append(s.rows, row)
		k := skipSpace(stmt, i)
		if k < len(stmt) && stmt[k] == ',' {
			i = k + 1
			continue
		}
		return nil
	}
}

// scanValue reads the value at stmt[i:] (after white space) up to the
// ',' or ')' that ends it, which is at the returned index.
func scanValue(stmt []byte, i int, stdStrings bool) (sqlValue, int, error) {
	i = skipSpace(stmt, i)
	v := sqlValue{start: i, litStart: i, kind: litOther}
	j := i
	if i < len(stmt) {
		c := stmt[i]
		next := byte(0)
		if i+1 < len(stmt) {
			next = stmt[i+1]
		}
		switch {
		case c == '\'':
			if k, ok := skipString(stmt, i+1, !stdStrings); ok {
				v.kind, j = litString, k
			}
		case (c == 'E' || c == 'e') && next == '\'':
			if k, ok := skipString(stmt, i+2, true); ok {
				v.kind, j = litEString, k
			}
		case (c == 'B' || c == 'b') && next == '\'':
			if k, ok := skipString(stmt, i+2, false); ok {
				v.kind, j = litBit, k
			}
		case isDigit(c) || c == '.' || (c == '-' || c == '+') && (isDigit(next) || next == '.'):
			if k := numberEnd(stmt, i); k > i {
				v.kind, j = litNumber, k
			}
		case isIdentByte(c):
			w, k := word(stmt, i)
			switch {
			case isWord(w, "NULL"):
				v.kind, j = litNull, k
			case isWord(w, "TRUE"), isWord(w, "FALSE"):
				v.kind, j = litBool, k
			case isWord(w, "DEFAULT"):
				v.kind, j = litDefault, k
			}
		}
	}
	v.litEnd = j
	if j < len(stmt) && (stmt[j] == ',' || stmt[j] == ')') && v.kind != litOther {
		v.end = j // the common case: nothing after the literal
		return v, j, nil
	}
	end, err := skipExpr(stmt, j, stdStrings)
	if err != nil {
		return v, 0, err
	}
	// What follows the literal must be casts only; else it is an
	// expression (a literal followed by an operator, say).
	k := end
	for k > j && isSpace(stmt[k-1]) {
		k--
	}
	v.end = k
	if v.kind != litOther && k > j && !isCast(stmt[j:k]) {
		v.kind, v.litEnd = litOther, v.start
	}
	if v.kind == litOther {
		v.litEnd = v.start
	}
	return v, end, nil
}

// isCast reports whether s (trimmed) is a chain of casts: `::type`, where
// the type may be several words, qualified, quoted, with modifiers and
// array brackets.
func isCast(s []byte) bool {
	s = trimSpace(s)
	if len(s) < 3 || s[0] != ':' || s[1] != ':' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isIdentByte(c), isSpace(c), c == ':', c == '(', c == ')', c == ',', c == '[', c == ']', c == '.':
		case c == '"':
			k := i + 1
			for k < len(s) && s[k] != '"' {
				k++
			}
			i = k
		default:
			return false
		}
	}
	return true
}

func trimSpace(s []byte) []byte {
	for len(s) > 0 && isSpace(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// numberEnd returns the index after the numeric constant at s[i:]
// (optionally signed: `-?digits[.digits][e[+-]digits]`), or i when there
// is none.
func numberEnd(s []byte, i int) int {
	j := i
	if j < len(s) && (s[j] == '-' || s[j] == '+') {
		j++
	}
	digits := 0
	for j < len(s) && isDigit(s[j]) {
		j++
		digits++
	}
	if j < len(s) && s[j] == '.' {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
			digits++
		}
	}
	if digits == 0 {
		return i
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		k := j + 1
		if k < len(s) && (s[k] == '-' || s[k] == '+') {
			k++
		}
		if k < len(s) && isDigit(s[k]) {
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			j = k
		}
	}
	return j
}

// isNumber reports whether b is wholly a numeric constant that can be
// written bare.
func isNumber(b []byte) bool {
	return len(b) > 0 && numberEnd(b, 0) == len(b) && b[0] != '+'
}

// skipString returns the index after the closing quote of the string
// whose content starts at s[i]; backslash: a backslash escapes the next
// byte.
func skipString(s []byte, i int, backslash bool) (int, bool) {
	if !backslash {
		for {
			k := bytes.IndexByte(s[i:], '\'')
			if k < 0 {
				return len(s), false
			}
			i += k + 1
			if i < len(s) && s[i] == '\'' {
				i++ // doubled
				continue
			}
			return i, true
		}
	}
	for i < len(s) {
		switch c := s[i]; {
		case c == '\\' && backslash:
			i += 2
		case c == '\'':
			if i+1 < len(s) && s[i+1] == '\'' {
				i += 2
				continue
			}
			return i + 1, true
		default:
			i++
		}
	}
	return len(s), false
}

// skipExpr returns the index of the ',' or ')' that ends the value whose
// remaining text starts at s[i] (outside parentheses, brackets, strings,
// quoted identifiers and comments).
func skipExpr(s []byte, i int, stdStrings bool) (int, error) {
	depth := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ',' || c == ')':
			if depth == 0 {
				return i, nil
			}
			if c == ')' {
				depth--
			}
			i++
		case c == '(' || c == '[':
			depth++
			i++
		case c == ']':
			depth--
			i++
		case c == '\'':
			e := i > 0 && (s[i-1]|0x20 == 'e') && (i < 2 || !isIdentByte(s[i-2]))
			k, ok := skipString(s, i+1, e || !stdStrings)
			if !ok {
				return 0, errors.New("a string in a VALUES row does not end")
			}
			i = k
		case c == '"':
			j := i + 1
			for j < len(s) && s[j] != '"' {
				j++
			}
			if j >= len(s) {
				return 0, errors.New("a quoted identifier in a VALUES row does not end")
			}
			i = j + 1 // a doubled "" reads as two quoted identifiers: the same bytes
		case c == '$':
			return 0, errors.New("a dollar-quoted string in a VALUES row (pg_dump never writes one)")
		case c == '-' && i+1 < len(s) && s[i+1] == '-', c == '/' && i+1 < len(s) && s[i+1] == '*':
			i = skipSpace(s, i)
		case c == ';':
			return 0, errors.New("a VALUES row does not end")
		default:
			i++
		}
	}
	return 0, errors.New("a VALUES row does not end")
}

// appendLiteralValue appends the value of literal v of stmt to dst, as
// COPY would give it decoded: a string's text (” is ', and with
// backslash escapes for E'…' or when standard_conforming_strings is off),
// a number as written, true and false as t and f, a bit string's digits.
// null reports NULL. Other kinds are an error.
func appendLiteralValue(dst []byte, stmt []byte, v *sqlValue, stdStrings bool) (out []byte, null bool, err error) {
	lit := stmt[v.litStart:v.litEnd]
	switch v.kind {
	case litNull:
		return dst, true, nil
	case litString:
		return appendStringValue(dst, lit[1:len(lit)-1], !stdStrings)
	case litEString:
		return appendStringValue(dst, lit[2:len(lit)-1], true)
	case litBit:
		return append(dst, lit[2:len(lit)-1]...), false, nil
	case litNumber:
		return append(dst, lit...), false, nil
	case litBool:
		if lit[0]|0x20 == 't' {
			return append(dst, 't'), false, nil
		}
		return append(dst, 'f'), false, nil
	case litDefault:
		return dst, false, errors.New("the value is DEFAULT, which anondump cannot rewrite")
	}
	return dst, false, errors.New("the value is an expression, not a literal; anondump rewrites literals only (as pg_dump --inserts writes them)")
}

// appendStringValue decodes the inside of a string literal: ” is one
// quote; with backslash, the escapes of E'…' strings (PostgreSQL docs,
// "String Constants with C-Style Escapes").
func appendStringValue(dst, s []byte, backslash bool) ([]byte, bool, error) {
	for i := 0; i < len(s); {
		j := i
		if backslash {
			for j < len(s) && s[j] != '\'' && s[j] != '\\' {
				j++
			}
		} else if k := bytes.IndexByte(s[i:], '\''); k >= 0 {
			j += k
		} else {
			j = len(s)
		}
		dst = append(dst, s[i:j]...)
		if j == len(s) {
			break
		}
		if s[j] == '\'' { // doubled
			dst = append(dst, '\'')
			i = j + 2
			continue
		}
		j++
		if j == len(s) {
			return dst, false, errors.New("a string literal ends with a backslash")
		}
		c := s[j]
		j++
		var ok bool
		if dst, j, ok = appendCEscape(dst, c, s, j); ok {
			i = j
			continue
		}
		switch c {
		case 'u', 'U':
			n := 4
			if c == 'U' {
				n = 8
			}
			if j+n > len(s) {
				return dst, false, errors.New("a string literal has a bad \\u escape")
			}
			var r rune
			for _, h := range s[j : j+n] {
				if !isHex(h) {
					return dst, false, errors.New("a string literal has a bad \\u escape")
				}
				r = r<<4 | rune(unhex(h))
			}
			if !utf8.ValidRune(r) {
				return dst, false, errors.New("a string literal has a bad \\u escape")
			}
			dst = utf8.AppendRune(dst, r)
			j += n
		default:
			dst = append(dst, c)
		}
		i = j
	}
	return dst, false, nil
}

// appendLiteral appends value as an SQL literal to dst, in the style of
// the literal of kind orig that it replaces: a number stays bare, a bool
// true or false and a bit string B'…' when the value allows it; anything
// else is a string literal, E'…' when orig was one. Inside '…', quotes
// are doubled, and backslashes too where they escape (E'…', or
// standard_conforming_strings off).
func appendLiteral(dst, value []byte, orig int, stdStrings bool) []byte {
	switch orig {
	case litNumber:
		if isNumber(value) {
			return append(dst, value...)
		}
	case litBool:
		if len(value) == 1 && value[0] == 't' {
			return append(dst, "true"...)
		}
		if len(value) == 1 && value[0] == 'f' {
			return append(dst, "false"...)
		}
	case litBit:
		if isBits(value) {
			dst = append(dst, 'B', '\'')
			dst = append(dst, value...)
			return append(dst, '\'')
		}
	}
	backslash := !stdStrings
	if orig == litEString {
		dst = append(dst, 'E')
		backslash = true
	}
	return appendQuotedLiteral(dst, value, backslash)
}

// appendQuotedLiteral appends '…' with quotes (and, with backslash,
// backslashes) doubled.
func appendQuotedLiteral(dst, value []byte, backslash bool) []byte {
	dst = append(dst, '\'')
	for i := 0; i < len(value); {
		j := i
		for j < len(value) && value[j] != '\'' && (value[j] != '\\' || !backslash) {
			j++
		}
		dst = append(dst, value[i:j]...)
		if j == len(value) {
			break
		}
		dst = append(dst, value[j], value[j])
		i = j + 1
	}
	return append(dst, '\'')
}

func isBits(b []byte) bool {
	for _, c := range b {
		if c != '0' && c != '1' {
			return false
		}
	}
	return true
}
