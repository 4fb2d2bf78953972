package fakers

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

func init() {
	register(
		&Def{
			Name:    "set_null",
			Summary: "NULL, whatever the input",
			Unique:  true, // NULLs never collide
			New:     func(Params) (Func, error) { return nullFunc{}, nil },
		},
		&Def{
			Name:    "const",
			Summary: "the same value for every row",
			Options: []string{"value"},
			New:     newConst,
		},
		&Def{
			Name:    "mask",
			Summary: "the input with all but the first keep_first and last keep_last characters replaced by char",
			Options: []string{"keep", "keep_first", "keep_last", "char"},
			New:     newMask,
		},
	)
}

type nullFunc struct{}

func (nullFunc) Append(dst, _ []byte) ([]byte, bool) { return dst, true }

// The const transformer checks at compile time that PostgreSQL would
// accept its value in the column (a subset of PostgreSQL's input syntax
// for numbers, booleans, dates, UUIDs, addresses and JSON); other types
// are not checked.
func newConst(p Params) (Func, error) {
	const name = "const"
	if p.Unique {
		return nil, refuseUnique(name, "every row gets the same value")
	}
	if err := checkConst(p.Value, p.Target); err != nil {
		return nil, err
	}
	return &constFunc{v: p.Value}, nil
}

func checkConst(v string, t Target) error {
	ok := true
	switch t.Class {
	case ClassInt:
		bits := t.Bits
		if bits == 0 {
			bits = 64
		}
		_, err := strconv.ParseInt(v, 10, bits)
		ok = err == nil
	case ClassNumeric:
		ok = isNumeric(v)
	case ClassBool:
		switch strings.ToLower(v) {
		case "t", "f", "true", "false", "yes", "no", "on", "off", "1", "0":
		default:
			ok = false
		}
	case ClassDate:
		if v != "infinity" && v != "-infinity" {
			_, err := time.Parse(time.DateOnly, v)
			ok = err == nil
		}
	case ClassUUID:
		ok = isUUID(v)
	case ClassInet:
		ok = isAddrOrPrefix(v, false)
	case ClassCIDR:
		ok = isAddrOrPrefix(v, true)
	case ClassJSON:
		ok = json.Valid([]byte(v))
	case ClassText:
		if n := utf8.RuneCountInString(v); t.MaxLen > 0 && n > t.MaxLen {
			return fmt.Errorf("const value has %d characters, %s holds %d", n, typeName(t), t.MaxLen)
		}
	}
	if !ok {
		return fmt.Errorf("const value is not a valid %s", typeName(t))
	}
	return nil
}

func isNumeric(v string) bool {
	switch strings.ToLower(v) {
	case "nan", "infinity", "+infinity", "-infinity":
		return true
	}
	// ParseFloat also reads forms PostgreSQL's numeric does not: "inf",
	// hexadecimal floats, underscores.
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return false
		}
	}
	_, err := strconv.ParseFloat(v, 64)
	return err == nil || err.(*strconv.NumError).Err == strconv.ErrRange
}

func isUUID(v string) bool {
	if len(v) != 36 {
		return false
	}
	for i := 0; i < len(v); i++ {
		c := v[i]
		if i == 8 || i == 13 || i == 18 || i == 23 {
			if c != '-' {
				return false
			}
			continue
		}
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// isAddrOrPrefix accepts an address or an address/bits prefix; cidr also
// requires the bits right of the mask to be zero, as PostgreSQL does.
func isAddrOrPrefix(v string, cidr bool) bool {
	if _, err := netip.ParseAddr(v); err == nil {
		return true
	}
	pfx, err := netip.ParsePrefix(v)
	if err != nil {
		return false
	}
	return !cidr || pfx.Masked() == pfx
}

type constFunc struct{ v string }

func (f *constFunc) Append(dst, _ []byte) ([]byte, bool) { return append(dst, f.v...), false }

// The mask transformer keeps the first keep_first and the last keep_last
// characters of the input and replaces every other character by char; the
// output has as many characters as the input, so it fits wherever the
// input did. keep is an alias of keep_last. A value not longer than
// keep_first+keep_last is masked whole: keeping all of it would leak it.
// Bytes that are not valid UTF-8 count as one character each.
func newMask(p Params) (Func, error) {
	const name = "mask"
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "masked values of distinct inputs can be equal; use hash")
	}
	if p.Keep < 0 || p.KeepFirst < 0 || p.KeepLast < 0 {
		return nil, fmt.Errorf("%s keep, keep_first and keep_last must not be negative", name)
	}
	last := p.KeepLast
	if p.Keep > 0 {
		if last > 0 && last != p.Keep {
			return nil, fmt.Errorf("%s keep is an alias of keep_last; give only one of them", name)
		}
		last = p.Keep
	}
	c, err := maskChar(name, p.Char)
	if err != nil {
		return nil, err
	}
	return &maskFunc{first: p.KeepFirst, last: last, char: c}, nil
}

// maskChar checks a char option: one character, "*" when not given.
func maskChar(name, c string) (string, error) {
	if c == "" {
		return "*", nil
	}
	if r, size := utf8.DecodeRuneInString(c); size != len(c) || r == utf8.RuneError {
		return "", fmt.Errorf("%s char must be exactly one character", name)
	}
	return c, nil
}

type maskFunc struct {
	first, last int
	char        string
}

func (f *maskFunc) Append(dst, in []byte) ([]byte, bool) {
	n := utf8.RuneCount(in)
	first, masked := f.first, n-f.first-f.last
	if masked <= 0 {
		first, masked = 0, n // too short to keep anything: never pass it through
	}
	i := 0
	for ; first > 0; first-- {
		_, size := utf8.DecodeRune(in[i:])
		i += size
	}
	dst = append(dst, in[:i]...)
	for ; masked > 0; masked-- {
		_, size := utf8.DecodeRune(in[i:])
		dst = append(dst, f.char...)
		i += size
	}
	return append(dst, in[i:]...), false
}
