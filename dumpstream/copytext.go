package dumpstream

import "errors"

// The COPY text format (PostgreSQL docs, "COPY … File Formats → Text
// Format"; server side: CopyAttributeOutText and CopyReadAttributesText).
//
// A row is one line; fields are separated by a raw TAB; `\N` alone is NULL.
// Inside a field, COPY TO writes a backslash as `\\`, and BS, FF, LF, CR,
// TAB and VT as `\b \f \n \r \t \v`; every other byte is raw. COPY FROM
// additionally accepts `\` + 1–3 octal digits, `\x` + 1–2 hex digits, and
// `\` + any other byte meaning that byte.

// nullField is the COPY text spelling of SQL NULL.
var nullField = []byte(`\N`)

// isNull reports whether a raw field is the NULL marker.
func isNull(raw []byte) bool {
	return len(raw) == 2 && raw[0] == '\\' && raw[1] == 'N'
}

// errTrailingBackslash is returned for a field that ends in a lone
// backslash, which COPY FROM would read as escaping the field separator or
// the end of the line.
var errTrailingBackslash = errors.New("field ends with a lone backslash")

// AppendDecoded appends the value of the raw COPY text field raw (not the
// NULL marker: check that first) to dst, undoing backslash escapes.
func AppendDecoded(dst, raw []byte) ([]byte, error) {
	i := 0
	for i < len(raw) {
		// Copy the run of plain bytes in one go.
		j := i
		for j < len(raw) && raw[j] != '\\' {
			j++
		}
		dst = append(dst, raw[i:j]...)
		if j == len(raw) {
			break
		}
		j++ // the backslash
		if j == len(raw) {
			return dst, errTrailingBackslash
		}
		c := raw[j]
		j++
		var ok bool
		if dst, j, ok = appendCEscape(dst, c, raw, j); !ok {
			if c == 'v' {
				dst = append(dst, '\v')
			} else {
				dst = append(dst, c)
			}
		}
		i = j
	}
	return dst, nil
}

// appendCEscape appends what the backslash escape with letter c stands
// for in both COPY text and E'…' literals (\b \f \n \r \t, up to three
// octal digits, \x with one or two hex digits, a bare \x being x), s[j:]
// being the text after c, and returns the index after the escape. ok is
// false for any other letter, which each syntax handles its own way.
func appendCEscape(dst []byte, c byte, s []byte, j int) (out []byte, next int, ok bool) {
	switch c {
	case 'b':
		return append(dst, '\b'), j, true
	case 'f':
		return append(dst, '\f'), j, true
	case 'n':
		return append(dst, '\n'), j, true
	case 'r':
		return append(dst, '\r'), j, true
	case 't':
		return append(dst, '\t'), j, true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v := int(c - '0')
		for k := 0; k < 2 && j < len(s) && s[j] >= '0' && s[j] <= '7'; k++ {
			v = v<<3 | int(s[j]-'0')
			j++
		}
		return append(dst, byte(v)), j, true // like the server: the low 8 bits
	case 'x':
		if j < len(s) && isHex(s[j]) {
			v := unhex(s[j])
			j++
			if j < len(s) && isHex(s[j]) {
				v = v<<4 | unhex(s[j])
				j++
			}
			return append(dst, v), j, true
		}
		return append(dst, 'x'), j, true
	}
	return dst, j, false
}

// AppendEncoded appends value to dst escaped as a COPY text field, the way
// COPY TO writes it, so that COPY FROM reads back exactly value. It never
// produces the NULL marker: a value `\N` is written `\\N`.
func AppendEncoded(dst, value []byte) []byte {
	i := 0
	for i < len(value) {
		j := i
		for j < len(value) && !needsEscape[value[j]] {
			j++
		}
		dst = append(dst, value[i:j]...)
		if j == len(value) {
			break
		}
		dst = append(dst, '\\', escapeLetter[value[j]])
		i = j + 1
	}
	return dst
}

var needsEscape, escapeLetter = func() (need [256]bool, letter [256]byte) {
	for c, l := range map[byte]byte{'\\': '\\', '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v'} {
		need[c], letter[c] = true, l
	}
	return
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
