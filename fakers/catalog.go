package fakers

import (
	"fmt"
	"sort"
	"strconv"
	"unicode/utf8"
)

var catalogue = map[string]*Def{}

func register(defs ...*Def) {
	for _, d := range defs {
		if _, dup := catalogue[d.Name]; dup {
			panic("fakers: transformer registered twice: " + d.Name)
		}
		catalogue[d.Name] = d
	}
}

// Lookup returns the transformer called name. The Def is shared: callers
// must not modify it.
func Lookup(name string) (*Def, bool) {
	d, ok := catalogue[name]
	return d, ok
}

// Names returns the names of all transformers, sorted.
func Names() []string {
	names := make([]string, 0, len(catalogue))
	for n := range catalogue {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var classNames = [...]string{
	ClassUnknown:     "unknown",
	ClassText:        "text",
	ClassInt:         "integer",
	ClassNumeric:     "numeric",
	ClassBool:        "boolean",
	ClassDate:        "date",
	ClassTimestamp:   "timestamp",
	ClassTimestampTZ: "timestamptz",
	ClassUUID:        "uuid",
	ClassInet:        "inet",
	ClassCIDR:        "cidr",
	ClassJSON:        "json",
	ClassBytea:       "bytea",
	ClassOther:       "other",
}

// String returns a short lowercase name of the class ("integer",
// "timestamptz"), for messages.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "class(" + strconv.Itoa(int(c)) + ")"
}

// typeName names the column type in messages: the type as the dump wrote
// it when known, else the class.
func typeName(t Target) string {
	if t.Type != "" {
		return t.Type
	}
	return t.Class.String()
}

// checkClass reports whether t's class is one of allowed.
func checkClass(name string, t Target, allowed ...Class) error {
	for _, c := range allowed {
		if t.Class == c {
			return nil
		}
	}
	return fmt.Errorf("%s cannot write into %s column", name, typeName(t))
}

// textOnly is the class set of the transformers that write only text.
var textOnly = []Class{ClassText, ClassUnknown}

// intDigits returns the largest n such that every number of n decimal
// digits fits t, a ClassInt or ClassNumeric column; ok is false for other
// classes.
func intDigits(t Target) (n int, ok bool) {
	switch t.Class {
	case ClassInt:
		switch t.Bits {
		case 16:
			return 4, true // 9999 ≤ 32767
		case 32:
			return 9, true // 999999999 ≤ 2147483647
		default:
			return 18, true // ≤ 9223372036854775807
		}
	case ClassNumeric:
		if t.Precision == 0 {
			return 1000, true // unconstrained numeric holds up to 131072 digits
		}
		return t.Precision - t.Scale, true
	}
	return 0, false
}

// checkDigits reports an error when t, a number column, cannot hold every
// number of need digits.
func checkDigits(name string, need int, t Target) error {
	n, ok := intDigits(t)
	if !ok {
		return fmt.Errorf("%s cannot write into %s column", name, typeName(t))
	}
	if n < need {
		return fmt.Errorf("%s writes numbers of up to %d digits, %s holds only %d", name, need, typeName(t), max(n, 0))
	}
	return nil
}

// textLimit returns the length limit that applies to t: MaxLen for a text
// column, 0 (none) otherwise.
func textLimit(t Target) int {
	if t.Class == ClassText && t.MaxLen > 0 {
		return t.MaxLen
	}
	return 0
}

// checkFit reports an error when a limited text column cannot hold need
// characters.
func checkFit(name string, unique bool, need int, t Target) error {
	lim := textLimit(t)
	if lim == 0 || need <= lim {
		return nil
	}
	with := ""
	if unique {
		with = " with unique"
	}
	return fmt.Errorf("%s%s needs at least %d characters, %s holds %d", name, with, need, typeName(t), lim)
}

// refuseUnique is the error of a transformer asked for unique values it
// cannot guarantee.
func refuseUnique(name, hint string) error {
	return fmt.Errorf("%s cannot guarantee unique values; %s", name, hint)
}

// uniqueExtra is the number of characters a unique output adds to the
// base value: a one-character separator and the keyed suffix.
const uniqueExtra = 1 + suffixLen

// cutBase shortens the value appended to dst since start to at most room
// characters (UTF-8; a locale's names may have letters of two bytes) and
// removes separators left dangling at its end.
func cutBase(dst []byte, start, room int) []byte {
	if len(dst)-start <= room {
		return dst
	}
	// room counts characters: cut after the room-th, never inside one.
	end, n := start, 0
	for end < len(dst) && n < room {
		_, size := utf8.DecodeRune(dst[end:])
		end += size
		n++
	}
	dst = dst[:end]
	for len(dst) > start+1 {
		switch dst[len(dst)-1] {
		case ' ', '-', '.', '\'', '_':
			dst = dst[:len(dst)-1]
			continue
		}
		break
	}
	return dst
}

// genFunc appends one base value drawn from r to dst.
type genFunc func(r *rng, dst []byte) []byte

// localeGen appends one base value of locale l drawn from r to dst.
type localeGen func(l *localeData, r *rng, dst []byte) []byte

// textSpec describes a keyed transformer whose output is a text value
// drawn from a locale's word lists.
type textSpec struct {
	name    string
	summary string
	gen     localeGen
	// format, when set, marks a formatted value (phone, postcode) of at
	// most fixed characters in locale l, never cut: a column too short for
	// it is refused. Otherwise the value is free text, cut to fit the
	// column. digits > 0 lets the transformer write into integer and
	// numeric columns: the digits of the formatted value (at most digits
	// of them), without a leading zero.
	format func(l *localeData) (fixed, digits int)
	sep    byte // between the value and the unique suffix
	// global: the output is the same in every locale (country, job_title).
	global bool
}

func (s textSpec) def() *Def {
	return &Def{
		Name:    s.name,
		Summary: s.summary,
		Unique:  true,
		Keyed:   true,
		Locale:  !s.global,
		New: func(p Params) (Func, error) {
			if err := CheckLocale(p.Locale); err != nil {
				return nil, err
			}
			l := localeFor(p)
			fixed, digits := 0, 0
			if s.format != nil {
				fixed, digits = s.format(l)
			}
			if p.Target.Class == ClassInt || p.Target.Class == ClassNumeric {
				if digits == 0 && s.format != nil {
					return nil, fmt.Errorf("%s in %s has letters, so no number stands for it: it cannot write into %s column", s.name, l.name, typeName(p.Target))
				}
			}
			if digits > 0 && (p.Target.Class == ClassInt || p.Target.Class == ClassNumeric) {
				if p.Unique {
					return nil, fmt.Errorf("%s with unique cannot write into %s column: a number has no room for the unique suffix; drop unique or use hash into a text column", s.name, typeName(p.Target))
				}
				if err := checkDigits(s.name, digits, p.Target); err != nil {
					return nil, err
				}
				return &digitsFunc{prf: p.PRF, gen: s.gen, l: l}, nil
			}
			if err := checkClass(s.name, p.Target, textOnly...); err != nil {
				return nil, err
			}
			f := &textFunc{prf: p.PRF, gen: s.gen, l: l, unique: p.Unique, sep: s.sep}
			extra := 0
			if p.Unique {
				extra = uniqueExtra
			}
			if fixed > 0 {
				if err := checkFit(s.name, p.Unique, fixed+extra, p.Target); err != nil {
					return nil, err
				}
				return f, nil
			}
			if err := checkFit(s.name, p.Unique, 1+extra, p.Target); err != nil {
				return nil, err
			}
			if lim := textLimit(p.Target); lim > 0 {
				f.room = lim - extra
			}
			return f, nil
		},
	}
}

type textFunc struct {
	prf    PRF
	r      rng
	gen    localeGen
	l      *localeData
	unique bool
	sep    byte
	room   int // maximum length of the base value in characters; 0 = unlimited
}

func (f *textFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	f.r.seed(h0, h1)
	start := len(dst)
	dst = f.gen(f.l, &f.r, dst)
	if f.room > 0 {
		dst = cutBase(dst, start, f.room)
	}
	if f.unique {
		dst = append(dst, f.sep)
		dst = appendSuffix(dst, h0, h1)
	}
	return dst, false
}

// digitsFunc writes the digits of a formatted value (a postcode, a phone
// number) as a number: other characters are dropped and a leading zero is
// replaced by a keyed digit 1-9.
type digitsFunc struct {
	prf PRF
	r   rng
	gen localeGen
	l   *localeData
}

func (f *digitsFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	start := len(dst)
	dst = f.gen(f.l, &f.r, dst)
	n := start
	for i := start; i < len(dst); i++ {
		if c := dst[i]; c >= '0' && c <= '9' {
			dst[n] = c
			n++
		}
	}
	dst = dst[:n]
	if n == start {
		return append(dst, byte('1'+f.r.intn(9))), false
	}
	if dst[start] == '0' {
		dst[start] = byte('1' + f.r.intn(9))
	}
	return dst, false
}

// countDigits returns the largest number of digits ('#', '%' or a digit
// character, see appendPattern) in one entry of l.
func countDigits(l []string) int {
	n := 0
	for _, s := range l {
		c := 0
		for i := 0; i < len(s); i++ {
			if s[i] == '#' || s[i] == '%' || s[i] >= '0' && s[i] <= '9' {
				c++
			}
		}
		n = max(n, c)
	}
	return n
}
