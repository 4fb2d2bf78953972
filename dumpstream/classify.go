package dumpstream

// The statement classifier: what a statement (or a psql meta-command) is,
// from its first words, and the few settings anondump follows.

import (
	"bytes"
	"regexp"
	"strings"
)

const (
	kindOther = iota
	kindCopy
	kindCreate // CREATE TABLE or CREATE DOMAIN
	kindSet
	kindInsert
	kindAlterTable
	kindUniqueIndex // CREATE UNIQUE INDEX
	kindSelect      // SELECT (pg_dump sets search_path with set_config)
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
	if len(stmt) > 6 && isWord(stmt[:6], "INSERT") && !isIdentByte(stmt[6]) {
		return kindInsert // the common case of INSERT dumps, without allocating
	}
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
	case "SELECT":
		return kindSelect
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
			var closed bool
			if i, closed = appendQuoted(&b, stmt, i+1, '"', false); !closed {
				return "", "", false
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
		return "", parts[0], true // resolved against the search_path
	case 2:
		return parts[0], parts[1], true
	case 3: // database.schema.table
		return parts[1], parts[2], true
	}
	return "", "", false
}

// isToolMessage reports whether text starts like a message of pg_dump,
// pg_dumpall or pg_restore (their stderr merged into the dump by 2>&1).
func isToolMessage(text []byte) bool {
	for _, p := range []string{"pg_dump:", "pg_dumpall:", "pg_restore:"} {
		if bytes.HasPrefix(text, []byte(p)) {
			return true
		}
	}
	return false
}

var (
	setSearchPath = regexp.MustCompile(`(?is)^\s*SET\s+(?:(?:SESSION|LOCAL)\s+)?search_path\s*(?:=|\bTO\b)\s*(.*?)\s*;?\s*$`)
	setConfigPath = regexp.MustCompile(`(?is)^\s*SELECT\s+(?:pg_catalog\s*\.\s*)?set_config\s*\(\s*'search_path'\s*,\s*'((?:[^']|'')*)'\s*,`)
)

// searchPathSetting recognizes `SET search_path = a, b;` (or TO, or
// DEFAULT) and `SELECT pg_catalog.set_config('search_path', 'a, b',
// false);`. A nil path with ok means the default path.
func searchPathSetting(stmt []byte) (path []string, ok bool) {
	if m := setSearchPath.FindSubmatch(stmt); m != nil {
		v := string(m[1])
		if strings.EqualFold(v, "default") {
			return nil, true
		}
		return splitPath(v), true
	}
	if m := setConfigPath.FindSubmatch(stmt); m != nil {
		p := splitPath(strings.ReplaceAll(string(m[1]), "''", "'"))
		if p == nil {
			p = []string{} // '' is an empty path, not the default
		}
		return p, true
	}
	return nil, false
}

// splitPath splits a search_path list: identifiers (folded to lower
// case), "quoted identifiers" and 'string literals', separated by commas.
func splitPath(v string) []string {
	var out []string
	i := 0
	for i < len(v) {
		for i < len(v) && (isSpace(v[i]) || v[i] == ',') {
			i++
		}
		if i == len(v) {
			break
		}
		var b strings.Builder
		switch q := v[i]; q {
		case '"', '\'':
			i, _ = appendQuoted(&b, v, i+1, q, false)
			out = append(out, b.String())
		default:
			j := i
			for j < len(v) && v[j] != ',' && !isSpace(v[j]) {
				j++
			}
			out = append(out, strings.ToLower(v[i:j]))
			i = j
		}
	}
	return out
}

// connectDatabase returns the database a `\connect` (or `\c`) line
// names: `\connect db`, `\connect "My DB"`, or the conninfo form
// pg_dumpall writes, `\connect -reuse-previous=on "dbname='it\'s'"`.
// It returns "" when the line names none (`\connect -` keeps the
// database, which is reported as "").
func connectDatabase(line []byte) string {
	args := psqlArgs(string(bytes.TrimRight(line, "\r\n")))
	for _, a := range args[1:] {
		if a.raw && strings.HasPrefix(a.s, "-") {
			if a.s == "-" {
				return ""
			}
			continue
		}
		if strings.Contains(a.s, "=") {
			return conninfoDB(a.s)
		}
		return a.s
	}
	return ""
}

type psqlArg struct {
	s   string
	raw bool // unquoted
}

// psqlArgs splits a meta-command line the way psql does for its
// arguments: words, "double-quoted" (with "" for a quote), and
// 'single-quoted' (with backslash escapes and ” for a quote).
func psqlArgs(s string) []psqlArg {
	var out []psqlArg
	i := 0
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return out
		}
		var b strings.Builder
		raw := true
		for i < len(s) && !isSpace(s[i]) {
			switch c := s[i]; c {
			case '"', '\'':
				raw = false
				i, _ = appendQuoted(&b, s, i+1, c, c == '\'')
			default:
				b.WriteByte(c)
				i++
			}
		}
		out = append(out, psqlArg{s: b.String(), raw: raw})
	}
}

// appendQuoted appends to b the text of the q-quoted string whose
// content starts at s[i] (a doubled q is one q; with backslash, a
// backslash escapes the next byte). It returns the index after the
// closing quote and true, or len(s) and false when the quote is not
// closed.
func appendQuoted[T string | []byte](b *strings.Builder, s T, i int, q byte, backslash bool) (int, bool) {
	for i < len(s) {
		switch {
		case backslash && s[i] == '\\' && i+1 < len(s):
			b.WriteByte(s[i+1])
			i += 2
		case s[i] == q && i+1 < len(s) && s[i+1] == q:
			b.WriteByte(q)
			i += 2
		case s[i] == q:
			return i + 1, true
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return i, false
}

// conninfoDB reads dbname from a libpq conninfo string (key=value pairs,
// values optionally single-quoted with backslash escapes).
func conninfoDB(ci string) string {
	i := 0
	for i < len(ci) {
		for i < len(ci) && isSpace(ci[i]) {
			i++
		}
		k := i
		for i < len(ci) && ci[i] != '=' && !isSpace(ci[i]) {
			i++
		}
		key := ci[k:i]
		for i < len(ci) && isSpace(ci[i]) {
			i++
		}
		if i == len(ci) || ci[i] != '=' {
			return ""
		}
		i++
		for i < len(ci) && isSpace(ci[i]) {
			i++
		}
		var b strings.Builder
		if i < len(ci) && ci[i] == '\'' {
			i++
			for i < len(ci) && ci[i] != '\'' {
				if ci[i] == '\\' && i+1 < len(ci) {
					i++
				}
				b.WriteByte(ci[i])
				i++
			}
			i++
		} else {
			for i < len(ci) && !isSpace(ci[i]) {
				if ci[i] == '\\' && i+1 < len(ci) {
					i++
				}
				b.WriteByte(ci[i])
				i++
			}
		}
		if key == "dbname" {
			return b.String()
		}
	}
	return ""
}
