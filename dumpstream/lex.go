package dumpstream

import (
	"bytes"
	"strings"
)

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// isIdentByte reports whether c can continue an unquoted identifier.
func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c >= 0x80
}

// isEPrefix reports whether the quote at line[i] opens an E'…' string.
func isEPrefix(line []byte, i int) bool {
	if i == 0 || line[i-1]|0x20 != 'e' {
		return false
	}
	return i == 1 || !isIdentByte(line[i-2])
}

// dollarTag returns the dollar-quote delimiter ($$ or $tag$) starting at
// line[i], or nil when the '$' there does not open one (a parameter like
// $1, or a '$' inside an identifier).
func dollarTag(line []byte, i int) []byte {
	if i > 0 && isIdentByte(line[i-1]) {
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

const (
	kindOther = iota
	kindCopy
	kindCreate // CREATE TABLE or CREATE DOMAIN
	kindSet
	kindInsert
	kindAlterTable
	kindUniqueIndex // CREATE UNIQUE INDEX
)

// words returns up to n leading words of a statement, upper-cased,
// skipping comments between them.
func words(stmt []byte, n int) []string {
	var out []string
	i := 0
	for len(out) < n && i < len(stmt) {
		switch c := stmt[i]; {
		case isSpace(c):
			i++
		case c == '-' && i+1 < len(stmt) && stmt[i+1] == '-':
			for i < len(stmt) && stmt[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(stmt) && stmt[i+1] == '*':
			k := bytes.Index(stmt[i+2:], []byte("*/"))
			if k < 0 {
				return out
			}
			i += k + 4
		case isIdentByte(c):
			j := i
			for j < len(stmt) && isIdentByte(stmt[j]) {
				j++
			}
			out = append(out, strings.ToUpper(string(stmt[i:j])))
			i = j
		default:
			return out
		}
	}
	return out
}

func statementKind(stmt []byte) int {
	w := words(stmt, 6)
	if len(w) == 0 {
		return kindOther
	}
	switch w[0] {
	case "COPY":
		return kindCopy
	case "SET":
		return kindSet
	case "INSERT":
		return kindInsert
	case "ALTER":
		if len(w) > 1 && w[1] == "TABLE" {
			return kindAlterTable
		}
	case "CREATE":
		for _, x := range w[1:] {
			switch x {
			case "OR", "REPLACE", "GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED", "FOREIGN":
				continue
			case "TABLE", "DOMAIN", "TYPE":
				return kindCreate
			case "UNIQUE":
				return kindUniqueIndex
			}
			break
		}
	}
	return kindOther
}

// needsFullText reports whether a statement's whole text is parsed.
func needsFullText(stmt []byte) bool {
	k := statementKind(stmt)
	return k == kindCopy || k == kindCreate
}

// stdStringsSetting recognizes SET standard_conforming_strings = on|off.
func stdStringsSetting(stmt []byte) (on, ok bool) {
	s := strings.ToLower(string(stmt))
	s = strings.TrimSuffix(strings.TrimSpace(s), ";")
	f := strings.Fields(strings.NewReplacer("=", " = ", "'", " ").Replace(s))
	if len(f) < 4 || f[0] != "set" {
		return false, false
	}
	if f[1] == "session" || f[1] == "local" {
		f = f[1:]
	}
	if len(f) != 4 || f[1] != "standard_conforming_strings" || f[2] != "=" && f[2] != "to" {
		return false, false
	}
	switch f[3] {
	case "on", "true", "1", "yes":
		return true, true
	case "off", "false", "0", "no":
		return false, true
	}
	return false, false
}

// clientEncodingSetting recognizes SET client_encoding = 'NAME'.
func clientEncodingSetting(stmt []byte) (string, bool) {
	f := strings.Fields(strings.NewReplacer("=", " = ", "'", " ", ";", " ").Replace(string(stmt)))
	if len(f) == 4 && strings.EqualFold(f[0], "set") && strings.EqualFold(f[1], "client_encoding") && (f[2] == "=" || strings.EqualFold(f[2], "to")) {
		return strings.ToUpper(f[3]), true
	}
	return "", false
}

// embedsASCII reports whether an encoding's multibyte characters can
// contain ASCII bytes such as a backslash (PostgreSQL's client-only
// encodings).
func embedsASCII(enc string) bool {
	switch strings.ReplaceAll(enc, "_", "") {
	case "SJIS", "SHIFTJIS", "SHIFTJIS2004", "BIG5", "GBK", "UHC", "GB18030", "JOHAB", "WIN936", "WIN949", "WIN950", "CP936", "CP949", "CP950", "MSKANJI", "MSKANJI2004":
		return true
	}
	return false
}

// insertTarget reads the table of `INSERT INTO [schema.]table …`. Unless
// final, stmt may be the statement's beginning, and the name counts only
// when something follows it.
func insertTarget(stmt []byte, final bool) (schema, name string, ok bool) {
	w := words(stmt, 2)
	if len(w) < 2 || w[0] != "INSERT" || w[1] != "INTO" {
		return "", "", false
	}
	// Skip to after INTO.
	i := bytes.Index(bytes.ToUpper(stmt), []byte("INTO")) + 4
	var parts []string
	for {
		for i < len(stmt) && isSpace(stmt[i]) {
			i++
		}
		if i == len(stmt) {
			return "", "", false
		}
		if stmt[i] == '"' {
			var b strings.Builder
			i++
			for {
				if i == len(stmt) {
					return "", "", false
				}
				if stmt[i] == '"' {
					if i+1 < len(stmt) && stmt[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(stmt[i])
				i++
			}
			parts = append(parts, b.String())
		} else {
			j := i
			for j < len(stmt) && isIdentByte(stmt[j]) {
				j++
			}
			if j == i {
				return "", "", false
			}
			parts = append(parts, strings.ToLower(string(stmt[i:j])))
			i = j
		}
		for i < len(stmt) && isSpace(stmt[i]) {
			i++
		}
		if i < len(stmt) && stmt[i] == '.' {
			i++
			continue
		}
		if i == len(stmt) && !final {
			return "", "", false // the name may go on
		}
		break
	}
	switch len(parts) {
	case 1:
		return "public", parts[0], true
	case 2:
		return parts[0], parts[1], true
	case 3: // database.schema.table
		return parts[1], parts[2], true
	}
	return "", "", false
}
