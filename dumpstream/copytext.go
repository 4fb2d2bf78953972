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
		switch c {
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'v':
			dst = append(dst, '\v')
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && j < len(raw) && raw[j] >= '0' && raw[j] <= '7'; k++ {
				v = v<<3 | int(raw[j]-'0')
				j++
			}
			dst = append(dst, byte(v)) // like the server: the low 8 bits
		case 'x':
			if j < len(raw) && isHex(raw[j]) {
				v := unhex(raw[j])
				j++
				if j < len(raw) && isHex(raw[j]) {
					v = v<<4 | unhex(raw[j])
					j++
				}
				dst = append(dst, v)
			} else {
				dst = append(dst, 'x')
			}
		default:
			dst = append(dst, c)
		}
		i = j
	}
	return dst, nil
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
