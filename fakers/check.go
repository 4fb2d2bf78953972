package fakers

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// CheckValue reports an error when PostgreSQL might refuse v, a value in
// its text form (decoded, not COPY-escaped), as a value of a column of
// type t. It accepts a subset of PostgreSQL's input syntax, the forms
// PostgreSQL itself writes and a few more, so an accepted value restores;
// a valid value in an unusual form may be refused:
//
//   - integer: an optional sign and decimal digits, in the column's range;
//   - numeric: [+-]digits[.digits][e[+-]digits], and NaN; Infinity only
//     when the column has no precision; numeric(p,s) also requires at
//     most p-s digits before the point once rounded to s decimals;
//   - boolean: t, f, true, false, yes, no, on, off, 1, 0, in any case;
//   - date: YYYY-MM-DD of a real day, infinity, -infinity;
//   - timestamp, timestamptz: a date, or a date, a space or T,
//     HH:MM[:SS[.fraction]] and an optional Z or numeric offset (±HH,
//     ±HHMM, ±HH:MM; PostgreSQL ignores it for timestamp), or infinity,
//     -infinity;
//   - uuid: 8-4-4-4-12 hex digits;
//   - inet, cidr: an IPv4 or IPv6 address or prefix (cidr: with no bits
//     set right of the mask), without a zone;
//   - json, jsonb: a valid JSON text without the escape \u0000, which
//     jsonb refuses;
//   - text, varchar(n), char(n): at most n characters.
//
// The empty string is refused for every class but text. Other classes
// (bytea, arrays, enums, ...) and ClassUnknown are not checked. For real
// and double precision, whose Target is ClassNumeric with a precision,
// use [CheckFloat] instead. A domain's CHECK constraints are not checked.
//
// The error says what is wrong with the value but never quotes it. On an
// accepted value CheckValue does not allocate.
func CheckValue(v []byte, t Target) error {
	switch t.Class {
	case ClassUnknown, ClassBytea, ClassOther:
		return nil
	case ClassText:
		if t.MaxLen > 0 {
			if n := utf8.RuneCount(v); n > t.MaxLen {
				return fmt.Errorf("the value has %d characters, %s holds %d", n, typeName(t), t.MaxLen)
			}
		}
		return nil
	}
	if len(v) == 0 {
		return fmt.Errorf("the value is empty, which is not a valid %s", typeName(t))
	}
	ok := true
	switch t.Class {
	case ClassInt:
		return checkInt(v, t)
	case ClassNumeric:
		return checkNumeric(v, t)
	case ClassBool:
		ok = isBool(v)
	case ClassDate:
		ok = isInfinity(v) || isDate(v)
	case ClassTimestamp, ClassTimestampTZ:
		ok = isInfinity(v) || isTimestamp(v)
	case ClassUUID:
		ok = isUUID(unsafeString(v))
	case ClassInet, ClassCIDR:
		ok = isAddrBytes(v, t.Class == ClassCIDR)
	case ClassJSON:
		ok = json.Valid(v) && !bytes.Contains(v, []byte(`\u0000`))
	}
	if !ok {
		return fmt.Errorf("the value is not a valid %s", typeName(t))
	}
	return nil
}

// CheckFloat reports an error when PostgreSQL might refuse v as a value
// of a real (bits 32) or double precision (bits 64) column: it accepts
// the decimal numbers of [CheckValue], NaN, Infinity and inf with an
// optional sign, in any case, and refuses a number that overflows the
// type or underflows to zero. It never quotes v; on an accepted value it
// does not allocate.
func CheckFloat(v []byte, bits int) error {
	name := "double precision"
	if bits == 32 {
		name = "real"
	}
	s := v
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	for _, w := range []string{"nan", "infinity", "inf"} {
		if len(s) == len(w) && bytes.EqualFold(s, []byte(w)) && (w != "nan" || len(s) == len(v)) {
			return nil
		}
	}
	mant, _, ok := splitDecimal(v)
	if !ok {
		return fmt.Errorf("the value is not a valid %s", name)
	}
	f, err := strconv.ParseFloat(unsafeString(v), bits)
	if err != nil || f == 0 && bytes.ContainsAny(mant, "123456789") {
		return fmt.Errorf("the value is out of range for type %s", name)
	}
	return nil
}

// unsafeString views b as a string without copying it, for the parsers
// of the standard library that take strings. The string must not outlive
// the call it is passed to (netip and strconv keep their input only in
// errors, which the callers here drop) and b must not change meanwhile.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// isAddrBytes is isAddrOrPrefix without a zone (PostgreSQL has none) and
// without the failed ParseAddr of a prefix, whose error allocates.
func isAddrBytes(v []byte, cidr bool) bool {
	if bytes.IndexByte(v, '%') >= 0 {
		return false
	}
	if bytes.IndexByte(v, '/') < 0 {
		_, err := netip.ParseAddr(unsafeString(v))
		return err == nil
	}
	pfx, err := netip.ParsePrefix(unsafeString(v))
	return err == nil && (!cidr || pfx.Masked() == pfx)
}

func checkInt(v []byte, t Target) error {
	bits := t.Bits
	if bits == 0 {
		bits = 64
	}
	neg, s := false, v
	if s[0] == '+' || s[0] == '-' {
		neg, s = s[0] == '-', s[1:]
	}
	if len(s) == 0 {
		return fmt.Errorf("the value is not a valid %s", typeName(t))
	}
	limit := uint64(1) << (bits - 1) // |min|; max is limit-1
	cutoff := limit / 10
	var n uint64
	big := false
	for _, c := range s {
		if c < '0' || c > '9' {
			return fmt.Errorf("the value is not a valid %s", typeName(t))
		}
		if n > cutoff {
			big = true // keep reading: a later non-digit makes it invalid
			continue
		}
		if n = n*10 + uint64(c-'0'); n > limit {
			big = true
		}
	}
	if big || n == limit && !neg {
		return fmt.Errorf("the value is out of range for type %s", typeName(t))
	}
	return nil
}

// maxNumericExponent is the largest exponent PostgreSQL's numeric input
// reads (NUMERIC_MAX_PRECISION).
const maxNumericExponent = 1000

// splitDecimal splits [+-]mantissa[(e|E)[+-]digits] and checks its
// syntax: the mantissa is digits with at most one point and at least one
// digit.
func splitDecimal(v []byte) (mant []byte, exp int, ok bool) {
	s := v
	if len(s) > 0 && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	end := len(s)
	if i := bytes.IndexAny(s, "eE"); i >= 0 {
		end = i
		e := s[i+1:]
		neg := false
		if len(e) > 0 && (e[0] == '+' || e[0] == '-') {
			neg, e = e[0] == '-', e[1:]
		}
		if len(e) == 0 {
			return nil, 0, false
		}
		for _, c := range e {
			if c < '0' || c > '9' {
				return nil, 0, false
			}
			if exp = exp*10 + int(c-'0'); exp > maxNumericExponent {
				return nil, 0, false
			}
		}
		if neg {
			exp = -exp
		}
	}
	mant = s[:end]
	digits, points := 0, 0
	for _, c := range mant {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			points++
		default:
			return nil, 0, false
		}
	}
	return mant, exp, digits > 0 && points <= 1
}

func checkNumeric(v []byte, t Target) error {
	if c := v[len(v)-1]; c == 'n' || c == 'N' || c == 'y' || c == 'Y' {
		return checkNumericWord(v, t)
	}
	mant, exp, ok := splitDecimal(v)
	if !ok {
		return fmt.Errorf("the value is not a valid %s", typeName(t))
	}
	if t.Precision == 0 {
		return nil
	}
	// The digits D of the mantissa without its point; the value is
	// 0.D·10^pos once the leading zeros are dropped.
	point := bytes.IndexByte(mant, '.')
	if point < 0 {
		point = len(mant)
	}
	digit := func(i int) byte { // the i-th digit of D, before dropping zeros
		if i >= point {
			i++
		}
		return mant[i]
	}
	n := len(mant)
	if point < len(mant) {
		n--
	}
	pos, first := point+exp, 0
	for first < n && digit(first) == '0' {
		first++
		pos--
	}
	if first == n {
		return nil // zero
	}
	// Rounded to Scale decimals, r digits are kept; rounding up past a
	// run of nines adds a digit before the point.
	if r := pos + t.Scale; r >= 0 && first+r < n && digit(first+r) >= '5' {
		nines := true
		for i := first; i < first+r; i++ {
			if digit(i) != '9' {
				nines = false
				break
			}
		}
		if nines {
			pos++
		}
	}
	if room := t.Precision - t.Scale; pos > room {
		return fmt.Errorf("the value has %d digits before the decimal point, %s holds %d", pos, typeName(t), max(room, 0))
	}
	return nil
}

// checkNumericWord accepts NaN, and Infinity with an optional sign when
// the numeric has no precision (PostgreSQL refuses it in numeric(p,s)).
func checkNumericWord(v []byte, t Target) error {
	if bytes.EqualFold(v, []byte("nan")) {
		return nil
	}
	if t.Precision == 0 {
		for _, w := range []string{"infinity", "+infinity", "-infinity"} {
			if bytes.EqualFold(v, []byte(w)) {
				return nil
			}
		}
	}
	return fmt.Errorf("the value is not a valid %s", typeName(t))
}

func isBool(v []byte) bool {
	for _, w := range []string{"t", "f", "true", "false", "yes", "no", "on", "off", "1", "0"} {
		if bytes.EqualFold(v, []byte(w)) {
			return true
		}
	}
	return false
}

func isInfinity(v []byte) bool {
	return string(v) == "infinity" || string(v) == "-infinity"
}

// num reads the n-digit decimal number at the start of s.
func num(s []byte, n int) (int, bool) {
	if len(s) < n {
		return 0, false
	}
	v := 0
	for _, c := range s[:n] {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// isDate accepts YYYY-MM-DD naming a day that exists, year 1 to 9999.
func isDate(v []byte) bool {
	return len(v) == 10 && datePrefix(v)
}

func datePrefix(v []byte) bool {
	if len(v) < 10 || v[4] != '-' || v[7] != '-' {
		return false
	}
	y, ok1 := num(v, 4)
	m, ok2 := num(v[5:], 2)
	d, ok3 := num(v[8:], 2)
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// isTimestamp accepts a date, or a date and a time with an optional zone
// offset (see CheckValue).
func isTimestamp(v []byte) bool {
	if !datePrefix(v) {
		return false
	}
	s := v[10:]
	if len(s) == 0 {
		return true
	}
	if s[0] == ' ' || s[0] == 'T' {
		s = s[1:]
		h, ok1 := num(s, 2)
		if len(s) < 5 || s[2] != ':' {
			return false
		}
		m, ok2 := num(s[3:], 2)
		if !ok1 || !ok2 || h > 23 || m > 59 {
			return false
		}
		s = s[5:]
		if len(s) > 0 && s[0] == ':' {
			sec, ok := num(s[1:], 2)
			if !ok || sec > 59 {
				return false
			}
			s = s[3:]
			if len(s) > 0 && s[0] == '.' {
				k := 1
				for k < len(s) && s[k] >= '0' && s[k] <= '9' {
					k++
				}
				if k == 1 {
					return false
				}
				s = s[k:]
			}
		}
		return isOffset(s)
	}
	return false
}

// isOffset accepts "", Z, ±HH, ±HHMM and ±HH:MM with HH at most 15.
func isOffset(s []byte) bool {
	switch {
	case len(s) == 0:
		return true
	case len(s) == 1:
		return s[0] == 'Z'
	case s[0] != '+' && s[0] != '-':
		return false
	}
	s = s[1:]
	h, ok := num(s, 2)
	if !ok || h > 15 {
		return false
	}
	switch s = s[2:]; len(s) {
	case 0:
		return true
	case 2:
	case 3:
		if s[0] != ':' {
			return false
		}
		s = s[1:]
	default:
		return false
	}
	m, ok := num(s, 2)
	return ok && m <= 59
}
