package jsonpath

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

type stepKind uint8

const (
	stepKey   stepKind = iota // .name or ["name"]: an object member
	stepIndex                 // [n]: an array element
	stepAny                   // .* or [*]: every member or element
)

// step is one selector of a path. deep is set when the selector follows
// "..": it then applies at any depth below the current value.
type step struct {
	kind  stepKind
	deep  bool
	key   string
	index int
}

// PathError is a path that does not compile. Col is the 1-based
// character (not byte) column of the problem in Path.
type PathError struct {
	Path string
	Col  int
	Msg  string
}

func (e *PathError) Error() string {
	return fmt.Sprintf("json path %q: column %d: %s", e.Path, e.Col, e.Msg)
}

// Set is a compiled list of paths. It is immutable and safe for use by
// many goroutines at once.
type Set struct {
	src   []string
	paths [][]step
	// root is the lowest index of a path that is just "$", or -1.
	root int
	// flat is every path's steps in one array, the walker's states.
	flat []flatStep
}

// flatStep is step s of path p; last says it is the path's last step.
type flatStep struct {
	step
	p    int32
	last bool
}

// Compile compiles paths. Path i of the result is paths[i]; it is the
// index Rewrite gives the callback. Two spellings of the same path (such
// as $.a and $["a"]) are an error.
func Compile(paths []string) (*Set, error) {
	s := &Set{src: append([]string(nil), paths...), root: -1}
	seen := make(map[string]int, len(paths))
	for i, p := range paths {
		steps, err := parsePath(p)
		if err != nil {
			return nil, err
		}
		c := canonical(steps)
		if j, ok := seen[c]; ok {
			return nil, &PathError{Path: p, Col: 1, Msg: fmt.Sprintf("same path as %q", paths[j])}
		}
		seen[c] = i
		if len(steps) == 0 && s.root < 0 {
			s.root = i
		}
		s.paths = append(s.paths, steps)
		for j, st := range steps {
			s.flat = append(s.flat, flatStep{st, int32(i), j == len(steps)-1})
		}
	}
	return s, nil
}

// Len is the number of paths.
func (s *Set) Len() int { return len(s.src) }

// Path is the source text of path i.
func (s *Set) Path(i int) string { return s.src[i] }

// Canonical is path i in one normal spelling: members as .name when the
// name is a plain identifier and as ["name"] otherwise.
func (s *Set) Canonical(i int) string { return canonical(s.paths[i]) }

func canonical(steps []step) string {
	var b strings.Builder
	b.WriteByte('$')
	for _, st := range steps {
		if st.deep {
			b.WriteString("..")
		}
		switch st.kind {
		case stepAny:
			if st.deep {
				b.WriteString("*")
			} else {
				b.WriteString("[*]")
			}
		case stepIndex:
			fmt.Fprintf(&b, "[%d]", st.index)
		case stepKey:
			if isPlainName(st.key) {
				if !st.deep {
					b.WriteByte('.')
				}
				b.WriteString(st.key)
			} else {
				b.Write(appendName(nil, st.key))
			}
		}
	}
	return b.String()
}

// appendName appends the selector of member name to dst: .name for a
// plain name, ["name"] with \\ and \" escaped otherwise. Compile reads
// either back as the same member (when name is valid UTF-8).
func appendName[S string | []byte](dst []byte, name S) []byte {
	if isPlainName(string(name)) {
		dst = append(dst, '.')
		return append(dst, name...)
	}
	dst = append(dst, '[', '"')
	for i := 0; i < len(name); i++ {
		if c := name[i]; c == '"' || c == '\\' {
			dst = append(dst, '\\')
		}
		dst = append(dst, name[i])
	}
	return append(dst, '"', ']')
}

func isPlainName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !nameByte(s[i]) {
			return false
		}
	}
	return true
}

// nameByte says whether c may appear in an unquoted member name: ASCII
// letters, digits, '_', '-', '$', and any byte of a non-ASCII character.
func nameByte(c byte) bool {
	return c >= 0x80 || c == '_' || c == '-' || c == '$' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

type pathParser struct {
	src string
	pos int
}

func (p *pathParser) errAt(pos int, format string, args ...any) error {
	col := utf8.RuneCountInString(p.src[:min(pos, len(p.src))]) + 1
	return &PathError{Path: p.src, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func parsePath(src string) ([]step, error) {
	p := &pathParser{src: src}
	if !utf8.ValidString(src) {
		return nil, &PathError{Path: src, Col: 1, Msg: "not valid UTF-8"}
	}
	if src == "" || src[0] != '$' {
		return nil, p.errAt(0, "a path starts with $")
	}
	p.pos = 1
	var steps []step
	for p.pos < len(src) {
		start := p.pos
		deep := false
		switch src[p.pos] {
		case '.':
			p.pos++
			if p.pos < len(src) && src[p.pos] == '.' {
				deep = true
				p.pos++
			}
			if p.pos >= len(src) {
				return nil, p.errAt(p.pos, "expected a member name, * or [ after %q", src[start:p.pos])
			}
			switch c := src[p.pos]; {
			case c == '*':
				p.pos++
				steps = append(steps, step{kind: stepAny, deep: deep})
				continue
			case c == '[' && deep:
				st, err := p.bracket()
				if err != nil {
					return nil, err
				}
				st.deep = true
				steps = append(steps, st)
				continue
			case nameByte(c):
				n := p.pos
				for p.pos < len(src) && nameByte(src[p.pos]) {
					p.pos++
				}
				steps = append(steps, step{kind: stepKey, deep: deep, key: src[n:p.pos]})
				continue
			default:
				return nil, p.errAt(p.pos, "expected a member name, * or [ (quote names with other characters: [\"a b\"])")
			}
		case '[':
			st, err := p.bracket()
			if err != nil {
				return nil, err
			}
			steps = append(steps, st)
		default:
			return nil, p.errAt(p.pos, "expected . or [")
		}
	}
	return steps, nil
}

// bracket parses [*], [n], ["name"] or ['name'] at p.pos.
func (p *pathParser) bracket() (step, error) {
	src := p.src
	open := p.pos
	p.pos++ // '['
	if p.pos >= len(src) {
		return step{}, p.errAt(p.pos, "unclosed [")
	}
	var st step
	switch c := src[p.pos]; {
	case c == '*':
		p.pos++
		st = step{kind: stepAny}
	case '0' <= c && c <= '9':
		n := p.pos
		for p.pos < len(src) && '0' <= src[p.pos] && src[p.pos] <= '9' {
			p.pos++
		}
		if p.pos-n > 1 && src[n] == '0' {
			return step{}, p.errAt(n, "an index has no leading zero")
		}
		v, err := strconv.Atoi(src[n:p.pos])
		if err != nil || v > 1<<30 {
			return step{}, p.errAt(n, "index too large")
		}
		st = step{kind: stepIndex, index: v}
	case c == '-':
		return step{}, p.errAt(p.pos, "negative indexes are not supported")
	case c == '"' || c == '\'':
		q := c
		p.pos++
		var b strings.Builder
		for {
			if p.pos >= len(src) {
				return step{}, p.errAt(open, "unterminated quoted name")
			}
			ch := src[p.pos]
			if ch == q {
				p.pos++
				break
			}
			if ch == '\\' {
				if p.pos+1 >= len(src) {
					return step{}, p.errAt(p.pos, "unterminated quoted name")
				}
				switch e := src[p.pos+1]; e {
				case '\\', '"', '\'':
					b.WriteByte(e)
					p.pos += 2
					continue
				default:
					return step{}, p.errAt(p.pos, "unknown escape in a quoted name (only \\\\, \\\" and \\' are)")
				}
			}
			b.WriteByte(ch)
			p.pos++
		}
		st = step{kind: stepKey, key: b.String()}
	default:
		return step{}, p.errAt(p.pos, "expected *, an index or a quoted name after [")
	}
	if p.pos >= len(src) || src[p.pos] != ']' {
		return step{}, p.errAt(p.pos, "expected ]")
	}
	p.pos++
	return st, nil
}
