package dumpstream

import "errors"

// errBadArray is returned for an array literal that array_in would refuse.
var errBadArray = errors.New("malformed array literal")

// ElementFunc rewrites one non-NULL array element: it appends the new
// element value to dst. null asks for a NULL element instead.
type ElementFunc func(dst, elem []byte) (out []byte, null bool, err error)

// AppendArrayRewritten appends to dst the array literal lit (already
// decoded from COPY text, as array_out writes it: optional `[l:u]=`
// bounds, nested braces, ',' delimiters, elements quoted with `"` and
// backslash escapes when needed) with every non-NULL element replaced by
// fn's output. Structure, bounds and NULL elements are kept; the result is
// a literal array_in reads back with the same shape.
//
// scratch is a reusable buffer for one decoded element; the grown buffer is
// returned so callers can keep it.
func AppendArrayRewritten(dst, lit, scratch []byte, fn ElementFunc) (out, scratchOut []byte, err error) {
	i := 0
	// Optional dimension decoration: [1:3][2:4]=
	if i < len(lit) && lit[i] == '[' {
		for i < len(lit) && lit[i] != '=' {
			i++
		}
		if i == len(lit) {
			return dst, scratch, errBadArray
		}
		i++
	}
	dst = append(dst, lit[:i]...)
	depth, opened := 0, false
	for i < len(lit) {
		c := lit[i]
		switch {
		case c == '{':
			depth++
			opened = true
			dst = append(dst, c)
			i++
		case c == '}':
			depth--
			if depth < 0 {
				return dst, scratch, errBadArray
			}
			dst = append(dst, c)
			i++
			if depth == 0 {
				// Only whitespace may follow the outermost brace.
				for ; i < len(lit); i++ {
					if !isSpace(lit[i]) {
						return dst, scratch, errBadArray
					}
					dst = append(dst, lit[i])
				}
			}
		case c == ',' || isSpace(c):
			if depth == 0 && c == ',' {
				return dst, scratch, errBadArray
			}
			dst = append(dst, c)
			i++
		default:
			if depth == 0 {
				return dst, scratch, errBadArray
			}
			scratch = scratch[:0]
			if c == '"' {
				i++
				for {
					if i == len(lit) {
						return dst, scratch, errBadArray
					}
					b := lit[i]
					i++
					if b == '"' {
						break
					}
					if b == '\\' {
						if i == len(lit) {
							return dst, scratch, errBadArray
						}
						b = lit[i]
						i++
					}
					scratch = append(scratch, b)
				}
				// array_out never writes text right after a closing quote.
				j := i
				for j < len(lit) && isSpace(lit[j]) {
					j++
				}
				if j < len(lit) && lit[j] != ',' && lit[j] != '}' {
					return dst, scratch, errBadArray
				}
				i = j // whitespace after an element is insignificant
			} else {
				// Unquoted: up to a delimiter or brace; trailing
				// whitespace is not part of the element.
				for i < len(lit) && lit[i] != ',' && lit[i] != '{' && lit[i] != '}' && lit[i] != '"' {
					b := lit[i]
					i++
					if b == '\\' {
						if i == len(lit) {
							return dst, scratch, errBadArray
						}
						b = lit[i]
						i++
					}
					scratch = append(scratch, b)
				}
				for len(scratch) > 0 && isSpace(scratch[len(scratch)-1]) {
					scratch = scratch[:len(scratch)-1]
				}
				if i < len(lit) && (lit[i] == '{' || lit[i] == '"') {
					return dst, scratch, errBadArray
				}
				if isNullWord(scratch) {
					dst = append(dst, "NULL"...)
					continue
				}
			}
			mark := len(dst)
			var null bool
			dst, null, err = fn(dst, scratch)
			if err != nil {
				return dst, scratch, err
			}
			if null {
				dst = append(dst[:mark], "NULL"...)
				continue
			}
			dst = quoteArrayElement(dst, mark)
		}
	}
	if depth != 0 || !opened {
		return dst, scratch, errBadArray
	}
	return dst, scratch, nil
}

// quoteArrayElement quotes, in place, the element written at dst[mark:] if
// array_in would otherwise misread it (array_out's rule).
func quoteArrayElement(dst []byte, mark int) []byte {
	elem := dst[mark:]
	need := len(elem) == 0 || isNullWord(elem)
	extra := 0
	for _, b := range elem {
		switch {
		case b == '"' || b == '\\':
			need = true
			extra++
		case b == '{' || b == '}' || b == ',' || isSpace(b):
			need = true
		}
	}
	if !need {
		return dst
	}
	n := len(elem)
	dst = append(dst, make([]byte, extra+2)...)
	// Shift right, from the end, escaping as we go.
	w := len(dst) - 1
	dst[w] = '"'
	w--
	for r := mark + n - 1; r >= mark; r-- {
		b := dst[r]
		dst[w] = b
		w--
		if b == '"' || b == '\\' {
			dst[w] = '\\'
			w--
		}
	}
	dst[w] = '"'
	return dst
}

func isNullWord(b []byte) bool {
	return len(b) == 4 && b[0]|0x20 == 'n' && b[1]|0x20 == 'u' && b[2]|0x20 == 'l' && b[3]|0x20 == 'l'
}
