package jsonpath

import (
	"bytes"
	"errors"
	"fmt"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the JSON type of a leaf value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
)

func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// Value is a leaf value. Text is a string's decoded content, a number's
// spelling as written, "true" or "false", or "null". A Value given to the
// callback is valid only during the call.
type Value struct {
	Kind Kind
	Text []byte
}

// Func is called for each leaf that path i matches. It returns the
// replacement; a result equal to v (same Kind and Text) keeps the
// original bytes. The returned Text may alias v.Text or the callback's
// own scratch buffer: it is copied before Rewrite goes on.
type Func func(i int, v Value) (Value, error)

// MaxDepth is the deepest nesting of arrays and objects accepted, the
// same as encoding/json's.
const MaxDepth = 10000

// Error is a problem in a document, at Offset, the 0-based byte offset
// into the document. Path is the index of the path whose callback or
// replacement failed, or -1 for invalid JSON. Its text never contains
// document content.
type Error struct {
	Offset int
	Path   int
	Msg    string
	Err    error // the callback's error, if any
}

func (e *Error) Error() string {
	if e.Path < 0 {
		return fmt.Sprintf("invalid JSON at byte %d: %s", e.Offset, e.Msg)
	}
	if e.Err != nil {
		return fmt.Sprintf("at byte %d: %s: %v", e.Offset, e.Msg, e.Err)
	}
	return fmt.Sprintf("at byte %d: %s", e.Offset, e.Msg)
}

func (e *Error) Unwrap() error { return e.Err }

// IsInvalidJSON says whether err is a syntax error of the document (and
// not a callback or replacement error), so a caller can apply its
// on_invalid policy.
func IsInvalidJSON(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Path < 0
}

// state is an index into Set.flat: the next step to match.
type state int32

type walker struct {
	set     *Set
	doc     []byte
	out     []byte
	pos     int
	flushed int // doc[flushed:] is not yet copied to out
	fn      Func
	states  []state // a stack of frames: the states of each open value
	buf     []byte  // decoded leaf string
	kbuf    []byte  // decoded member name
	depth   int
	walk    func(path []byte, v Value) error // Walk's callback, or nil
	trail   []byte                           // Walk: the current path
}

var walkers = sync.Pool{New: func() any { return new(walker) }}

// Rewrite appends doc to dst with the leaves the paths match replaced by
// fn's results, and returns the extended buffer. It reads doc once.
// Everything else is copied byte for byte: whitespace, member order,
// number spellings, escapes. A leaf is matched by path i when path i
// selects it or an array or object that contains it; when several paths
// match, the lowest index wins. On error the contents of the returned
// buffer past len(dst) are unspecified.
func (s *Set) Rewrite(dst, doc []byte, fn Func) ([]byte, error) {
	w := walkers.Get().(*walker)
	w.set, w.doc, w.out, w.fn = s, doc, dst, fn
	w.pos, w.flushed, w.depth = 0, 0, 0
	w.states = w.states[:0]
	k := 0
	for _, steps := range s.paths {
		if len(steps) > 0 {
			w.states = append(w.states, state(k))
		}
		k += len(steps)
	}
	err := w.top(s.root)
	out := w.out
	if err == nil {
		out = append(out, doc[w.flushed:]...)
	}
	w.set, w.doc, w.out, w.fn = nil, nil, nil, nil
	walkers.Put(w)
	return out, err
}

// Walk calls fn for every leaf of doc, in document order, with the
// leaf's path: members as .name or ["name"], every array element as [*],
// so that paths group like leaves ($.contacts[*].phone) and Compile reads
// them back (unless a member name is not valid UTF-8). path and v are
// valid only during the call. It is for scan and verify: note that path
// spells member names from the document. Errors are as for Rewrite; fn's
// error is wrapped with the leaf's offset.
func Walk(doc []byte, fn func(path []byte, v Value) error) error {
	w := walkers.Get().(*walker)
	w.set, w.doc, w.walk = &emptySet, doc, fn
	w.pos, w.flushed, w.depth = 0, 0, 0
	w.states = w.states[:0]
	w.trail = append(w.trail[:0], '$')
	err := w.top(0)
	w.set, w.doc, w.walk = nil, nil, nil
	walkers.Put(w)
	return err
}

var emptySet = Set{root: -1}

// Valid reports whether doc is one JSON value, with the offset of the
// first problem when it is not.
func Valid(doc []byte) error {
	var s Set
	s.root = -1
	_, err := s.Rewrite(nil, doc, nil)
	return err
}

func (w *walker) syntax(off int, msg string) error {
	return &Error{Offset: off, Path: -1, Msg: msg}
}

func (w *walker) top(root int) error {
	w.space()
	if err := w.value(0, root); err != nil {
		return err
	}
	w.space()
	if w.pos < len(w.doc) {
		return w.syntax(w.pos, "data after the value")
	}
	return nil
}

func (w *walker) space() {
	for w.pos < len(w.doc) {
		switch w.doc[w.pos] {
		case ' ', '\t', '\n', '\r':
			w.pos++
		default:
			return
		}
	}
}

// value reads the value at w.pos. Its path states are w.states[frame:];
// matched is the lowest path index that matches it or a container of it,
// or -1.
func (w *walker) value(frame, matched int) error {
	if w.pos >= len(w.doc) {
		return w.syntax(w.pos, "unexpected end of input")
	}
	start := w.pos
	switch c := w.doc[w.pos]; {
	case c == '{':
		return w.object(frame, matched)
	case c == '[':
		return w.array(frame, matched)
	case c == '"':
		end, esc, err := w.scanString(w.pos)
		if err != nil {
			return err
		}
		w.pos = end
		if matched < 0 {
			return nil
		}
		text := w.doc[start+1 : end-1]
		if esc {
			w.buf = decodeString(w.buf[:0], text)
			text = w.buf
		}
		return w.leaf(matched, start, end, Value{String, text})
	case c == '-' || '0' <= c && c <= '9':
		end, ok := scanNumber(w.doc, w.pos)
		if !ok {
			return w.syntax(end, "malformed number")
		}
		w.pos = end
		if matched < 0 {
			return nil
		}
		return w.leaf(matched, start, end, Value{Number, w.doc[start:end]})
	case c == 't':
		return w.literal("true", Bool, matched)
	case c == 'f':
		return w.literal("false", Bool, matched)
	case c == 'n':
		return w.literal("null", Null, matched)
	}
	return w.syntax(w.pos, "unexpected character")
}

func (w *walker) literal(lit string, k Kind, matched int) error {
	start := w.pos
	if len(w.doc)-start < len(lit) || string(w.doc[start:start+len(lit)]) != lit {
		return w.syntax(start, "unexpected character")
	}
	w.pos += len(lit)
	if matched < 0 {
		return nil
	}
	return w.leaf(matched, start, w.pos, Value{k, w.doc[start:w.pos]})
}

// leaf calls fn for the leaf doc[start:end] and writes its replacement.
func (w *walker) leaf(i, start, end int, v Value) error {
	if w.walk != nil {
		if err := w.walk(w.trail, v); err != nil {
			return &Error{Offset: start, Path: 0, Msg: "walk callback", Err: err}
		}
		return nil
	}
	if w.fn == nil {
		return nil
	}
	r, err := w.fn(i, v)
	if err != nil {
		return &Error{Offset: start, Path: i, Msg: fmt.Sprintf("path %s", w.set.src[i]), Err: err}
	}
	if r.Kind == v.Kind && bytes.Equal(r.Text, v.Text) {
		return nil
	}
	w.out = append(w.out, w.doc[w.flushed:start]...)
	w.flushed = end
	switch r.Kind {
	case String:
		w.out = appendString(w.out, r.Text)
	case Number:
		if n, ok := scanNumber(r.Text, 0); !ok || n != len(r.Text) {
			return &Error{Offset: start, Path: i, Msg: fmt.Sprintf("path %s: the replacement is not a JSON number", w.set.src[i])}
		}
		w.out = append(w.out, r.Text...)
	case Bool:
		if string(r.Text) != "true" && string(r.Text) != "false" {
			return &Error{Offset: start, Path: i, Msg: fmt.Sprintf("path %s: a boolean replacement is true or false", w.set.src[i])}
		}
		w.out = append(w.out, r.Text...)
	case Null:
		w.out = append(w.out, "null"...)
	default:
		return &Error{Offset: start, Path: i, Msg: fmt.Sprintf("path %s: unknown replacement kind %d", w.set.src[i], r.Kind)}
	}
	return nil
}

func (w *walker) enter() error {
	w.depth++
	if w.depth > MaxDepth {
		return w.syntax(w.pos, "nested too deeply")
	}
	return nil
}

func (w *walker) object(frame, matched int) error {
	if err := w.enter(); err != nil {
		return err
	}
	w.pos++ // '{'
	w.space()
	if w.pos < len(w.doc) && w.doc[w.pos] == '}' {
		w.pos++
		w.depth--
		return nil
	}
	end := len(w.states)
	for {
		if w.pos >= len(w.doc) {
			return w.syntax(w.pos, "unexpected end of input")
		}
		if w.doc[w.pos] != '"' {
			return w.syntax(w.pos, "expected a member name")
		}
		kstart := w.pos
		kend, esc, err := w.scanString(w.pos)
		if err != nil {
			return err
		}
		w.pos = kend
		w.space()
		if w.pos >= len(w.doc) || w.doc[w.pos] != ':' {
			return w.syntax(w.pos, "expected :")
		}
		w.pos++
		w.space()
		m := matched
		tl := len(w.trail)
		if end > frame || w.walk != nil {
			key := w.doc[kstart+1 : kend-1]
			if esc {
				w.kbuf = decodeString(w.kbuf[:0], key)
				key = w.kbuf
			}
			if w.walk != nil {
				w.trail = appendName(w.trail, key)
			}
			m = w.children(frame, end, m, key, -1)
		}
		if err := w.value(end, m); err != nil {
			return err
		}
		w.states = w.states[:end]
		w.trail = w.trail[:tl]
		w.space()
		if w.pos >= len(w.doc) {
			return w.syntax(w.pos, "unexpected end of input")
		}
		switch w.doc[w.pos] {
		case ',':
			w.pos++
			w.space()
		case '}':
			w.pos++
			w.depth--
			return nil
		default:
			return w.syntax(w.pos, "expected , or }")
		}
	}
}

func (w *walker) array(frame, matched int) error {
	if err := w.enter(); err != nil {
		return err
	}
	w.pos++ // '['
	w.space()
	if w.pos < len(w.doc) && w.doc[w.pos] == ']' {
		w.pos++
		w.depth--
		return nil
	}
	end := len(w.states)
	tl := len(w.trail)
	if w.walk != nil {
		w.trail = append(w.trail, "[*]"...)
	}
	for idx := 0; ; idx++ {
		m := matched
		if end > frame {
			m = w.children(frame, end, m, nil, idx)
		}
		if err := w.value(end, m); err != nil {
			return err
		}
		w.states = w.states[:end]
		w.space()
		if w.pos >= len(w.doc) {
			return w.syntax(w.pos, "unexpected end of input")
		}
		switch w.doc[w.pos] {
		case ',':
			w.pos++
			w.space()
		case ']':
			w.pos++
			w.depth--
			w.trail = w.trail[:tl]
			return nil
		default:
			return w.syntax(w.pos, "expected , or ]")
		}
	}
}

// children pushes the states of a child (member key, or element idx when
// idx >= 0) of the value whose states are w.states[frame:end], and
// returns the child's matched index.
func (w *walker) children(frame, end, matched int, key []byte, idx int) int {
	flat := w.set.flat
	for k := frame; k < end; k++ {
		st := w.states[k]
		sp := &flat[st]
		if sp.deep {
			w.push(end, st)
		}
		var hit bool
		switch sp.kind {
		case stepAny:
			hit = true
		case stepKey:
			hit = idx < 0 && string(key) == sp.key
		case stepIndex:
			hit = idx == sp.index
		}
		if !hit {
			continue
		}
		if sp.last {
			if matched < 0 || int(sp.p) < matched {
				matched = int(sp.p)
			}
			continue
		}
		w.push(end, st+1)
	}
	return matched
}

func (w *walker) push(end int, st state) {
	for _, o := range w.states[end:] {
		if o == st {
			return
		}
	}
	w.states = append(w.states, st)
}

// scanString checks the string starting at doc[i] == '"' and returns the
// offset just past its closing quote and whether it has escapes.
func (w *walker) scanString(i int) (end int, esc bool, err error) {
	doc := w.doc
	j := i + 1
	for j < len(doc) {
		c := doc[j]
		if plain[c] {
			j++
			continue
		}
		switch {
		case c == '"':
			return j + 1, esc, nil
		case c == '\\':
			esc = true
			if j+1 >= len(doc) {
				return 0, false, w.syntax(len(doc), "unexpected end of input")
			}
			switch doc[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				for k := j + 2; k < j+6; k++ {
					if k >= len(doc) {
						return 0, false, w.syntax(len(doc), "unexpected end of input")
					}
					if !isHex(doc[k]) {
						return 0, false, w.syntax(k, "malformed \\u escape")
					}
				}
				j += 6
			default:
				return 0, false, w.syntax(j+1, "unknown escape")
			}
		case c < 0x20:
			return 0, false, w.syntax(j, "control character in a string")
		default:
			j++
		}
	}
	return 0, false, w.syntax(len(doc), "unterminated string")
}

// plain[c] says that c stands for itself inside a JSON string.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) rune {
	switch {
	case c <= '9':
		return rune(c - '0')
	case c <= 'F':
		return rune(c - 'A' + 10)
	}
	return rune(c - 'a' + 10)
}

func hex4(b []byte) rune {
	return hexVal(b[0])<<12 | hexVal(b[1])<<8 | hexVal(b[2])<<4 | hexVal(b[3])
}

// decodeString appends the content of a valid JSON string body s to dst.
// A lone surrogate becomes U+FFFD, as in encoding/json.
func decodeString(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			dst = append(dst, c)
			i++
			continue
		}
		switch s[i+1] {
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
		case 'u':
			r := hex4(s[i+2:])
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2 = hex4(s[i+2:])
				}
				if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
					i += 6
					r = d
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default: // " \ /
			dst = append(dst, s[i+1])
		}
		i += 2
	}
	return dst
}

// scanNumber returns the end of the JSON number at b[i] and whether it
// is well formed; when not, the end is where it goes wrong.
func scanNumber(b []byte, i int) (int, bool) {
	digits := func(j int) int {
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		return j
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i >= len(b):
		return i, false
	case b[i] == '0':
		i++
	case '1' <= b[i] && b[i] <= '9':
		i = digits(i + 1)
	default:
		return i, false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return j, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return j, false
		}
		i = j
	}
	return i, true
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string with minimal escaping: only
// the quote, the backslash and control characters are escaped. Bytes
// that are not valid UTF-8 become U+FFFD.
func appendString(dst, s []byte) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && n == 1 {
				dst = append(dst, s[start:i]...)
				dst = append(dst, "\ufffd"...)
				i++
				start = i
				continue
			}
			i += n
			continue
		}
		dst = append(dst, s[start:i]...)
		switch c {
		case '"', '\\':
			dst = append(dst, '\\', c)
		case '\n':
			dst = append(dst, '\\', 'n')
		case '\r':
			dst = append(dst, '\\', 'r')
		case '\t':
			dst = append(dst, '\\', 't')
		case '\b':
			dst = append(dst, '\\', 'b')
		case '\f':
			dst = append(dst, '\\', 'f')
		default:
			dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		i++
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
