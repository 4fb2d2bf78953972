package dumpstream

// The SQL lexer: just enough of PostgreSQL's lexical rules to find where
// statements end (strings, E'', quoted identifiers, dollar quotes, nested
// comments, standard_conforming_strings) and where psql meta-commands are.

import "bytes"

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isIdentByte reports whether c can continue an unquoted identifier.
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// isEPrefix reports whether the quote at line[i] opens an E'…' string;
// l supplies the bytes before line[0].
func (l *lexer) isEPrefix(line []byte, i int) bool {
	if l.at(line, i-1)|0x20 != 'e' {
		return false
	}
	return !isIdentByte(l.at(line, i-2))
}

// at returns line[j], or for j of -1 and -2 the bytes before line[0]
// (a newline at a line's start).
func (l *lexer) at(line []byte, j int) byte {
	if j >= 0 {
		return line[j]
	}
	return l.before[2+j]
}

// openingTag returns the dollar-quote delimiter ($$ or $tag$) starting at
// line[i], or nil when the '$' there does not open one (a parameter like
// $1, or a '$' inside an identifier).
func (l *lexer) openingTag(line []byte, i int) []byte {
	if isIdentByte(l.at(line, i-1)) {
		return nil
	}
	j := i + 1
	for j < len(line) && line[j] != '$' {
		c := line[j]
		first := j == i+1
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 || !first && '0' <= c && c <= '9') {
			return nil
		}
		j++
	}
	if j == len(line) {
		return nil
	}
	return line[i : j+1]
}

// tagRunsOut reports whether what may be a $tag$ at line[i] reaches the
// end of line before its closing '$'.
func tagRunsOut(line []byte, i int) bool {
	for j := i + 1; j < len(line); j++ {
		c := line[j]
		if c == '$' {
			return false
		}
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c >= 0x80 || j > i+1 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// lexer states outside COPY data
const (
	stNormal = iota
	stSQuote
	stDQuote
	stDollar
	stBlockComment
)

// stmtSpecial are the bytes the lexer stops at inside a statement: the
// rest is skipped with bytes.IndexAny.
const stmtSpecial = "'\"$-/\\;"

// lexer is the SQL lexer's state, carried across lines: whether it is
// inside a string, a quoted identifier, a dollar quote or a (nested)
// block comment, and how strings treat backslashes.
type lexer struct {
	st         int
	backslash  bool   // inside '…': backslash escapes (E'' or standard_conforming_strings off)
	dollarTag  []byte // inside $tag$…$tag$: the whole delimiter
	depth      int    // block comment nesting
	stdStrings bool   // standard_conforming_strings
	// before holds the two bytes before the chunk being lexed: a line
	// longer than the read buffer is lexed in chunks.
	before [2]byte
}

// lookahead is how many bytes past the last one it starts lexing at the
// lexer may look at (a dollar-quote tag is an identifier, at most 63
// bytes, plus its two '$').
const lookahead = 128

// openQuote handles the quote character at line[i] (', " or $) in the
// normal state and returns where lexing goes on.
//
// The lexer's functions start lexing bytes at positions below limit only;
// they may look at the bytes after, up to len(line).
func (l *lexer) openQuote(line []byte, i int) int {
	switch line[i] {
	case '\'':
		l.st = stSQuote
		l.backslash = !l.stdStrings || l.isEPrefix(line, i)
	case '"':
		l.st = stDQuote
	case '$':
		if tag := l.openingTag(line, i); tag != nil {
			l.st = stDollar
			l.dollarTag = append(l.dollarTag[:0], tag...)
			return i + len(tag)
		}
	}
	return i + 1
}

// skipQuoted lexes from line[i] in a quoted or comment state, and returns
// the index just after the state ends, or limit.
func (l *lexer) skipQuoted(line []byte, i, limit int) int {
	n := limit
	switch l.st {
	case stSQuote:
		stop := "'"
		if l.backslash {
			stop = `'\`
		}
		for i < n {
			k := bytes.IndexAny(line[i:n], stop)
			if k < 0 {
				return n
			}
			i += k + 1
			if line[i-1] == '\\' {
				i++
			} else if i < len(line) && line[i] == '\'' {
				i++
			} else {
				l.st = stNormal
				return i
			}
		}
		return min(i, len(line))
	case stDQuote:
		for i < n {
			k := bytes.IndexByte(line[i:n], '"')
			if k < 0 {
				return n
			}
			i += k + 1
			if i < len(line) && line[i] == '"' {
				i++
			} else {
				l.st = stNormal
				return i
			}
		}
		return min(i, len(line))
	case stDollar:
		if k := bytes.Index(line[i:], l.dollarTag); k >= 0 && i+k < limit {
			l.st = stNormal
			return i + k + len(l.dollarTag)
		}
		if n < len(line) {
			// A chunk: a closing tag may start before limit and end after
			// the data seen; stop where it would be wholly ahead.
			return max(i, min(n, len(line)-len(l.dollarTag)+1))
		}
		return n
	case stBlockComment:
		for i < n {
			k := bytes.IndexAny(line[i:n], "*/")
			if k < 0 {
				return n
			}
			i += k
			switch {
			case line[i] == '*' && i+1 < len(line) && line[i+1] == '/':
				i += 2
				if l.depth--; l.depth == 0 {
					l.st = stNormal
					return i
				}
			case line[i] == '/' && i+1 < len(line) && line[i+1] == '*':
				i += 2
				l.depth++
			default:
				i++
			}
		}
		return min(i, len(line))
	}
	return i
}
