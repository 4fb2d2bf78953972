package dumpstream

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
