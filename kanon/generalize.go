package kanon

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// A Step is one level of a [Ladder]: a generalization of a column's
// non-NULL output values (NULL stays NULL at every level).
type Step struct {
	// Name says what the step does, for reports: "month", "year",
	// "prefix 3", "bucket 10", "suppress".
	Name string
	// Apply appends the generalized form of value to dst and returns the
	// extended buffer. It must be a pure function of value, must not
	// retain value and should not allocate beyond growing dst.
	Apply func(dst, value []byte) []byte
}

// A Ladder lists a column's generalizations from the finest to the
// coarsest. Level 0 is the value itself and level i is Ladder[i-1]. Each
// step should be coarser than the one before: two values in one class at
// a level are in one class at every level above it.
type Ladder []Step

// Day generalizes an ISO timestamp to its date ([AppendDay]).
var Day = Step{Name: "day", Apply: AppendDay}

// Month generalizes an ISO date or timestamp to its month ([AppendMonth]).
var Month = Step{Name: "month", Apply: AppendMonth}

// Year generalizes an ISO date or timestamp to its year ([AppendYear]).
var Year = Step{Name: "year", Apply: AppendYear}

// Suppress maps every non-NULL value to one value (the empty string): the
// column then tells only whether it is NULL.
var Suppress = Step{Name: "suppress", Apply: func(dst, _ []byte) []byte { return dst }}

// Prefix keeps the first n characters of a value ([AppendPrefix]).
func Prefix(n int) Step {
	return Step{Name: "prefix " + strconv.Itoa(n), Apply: func(dst, v []byte) []byte { return AppendPrefix(dst, v, n) }}
}

// Bucket rounds a number down to a multiple of width ([AppendBucket]).
func Bucket(width int64) Step {
	return Step{Name: "bucket " + strconv.FormatInt(width, 10), Apply: func(dst, v []byte) []byte { return AppendBucket(dst, v, width) }}
}

// DateLadder is the ladder of a date or timestamp column: month, year.
func DateLadder() Ladder { return Ladder{Month, Year} }

// DefaultLadder returns the ladder of a column of the PostgreSQL base
// type typeName (as pg_dump's DDL gives it, without modifiers: "date",
// "timestamptz", "int4", "numeric", "varchar"), ending, for every type,
// in [Suppress]:
//
//   - date: month, year;
//   - timestamp, timestamptz: day, month, year;
//   - integers, numeric, floats: buckets of 5, 10, 50, 100;
//   - text, varchar, char, citext: prefixes of 4, 3, 2, 1 characters;
//   - anything else: suppress alone.
func DefaultLadder(typeName string) Ladder {
	switch typeName {
	case "date":
		return Ladder{Month, Year, Suppress}
	case "timestamp", "timestamptz":
		return Ladder{Day, Month, Year, Suppress}
	case "int2", "int4", "int8", "smallint", "integer", "bigint", "numeric", "decimal", "float4", "float8":
		return Ladder{Bucket(5), Bucket(10), Bucket(50), Bucket(100), Suppress}
	case "text", "varchar", "bpchar", "citext", "name":
		return Ladder{Prefix(4), Prefix(3), Prefix(2), Prefix(1), Suppress}
	}
	return Ladder{Suppress}
}

// PrefixLadder is the ladder of a code-like text column (a postcode)
// keeping the first n[0], n[1], … characters; n must be decreasing and
// positive, e.g. 4, 3, 2, 1.
func PrefixLadder(n ...int) (Ladder, error) {
	l := make(Ladder, len(n))
	for i, m := range n {
		if m < 1 || i > 0 && m >= n[i-1] {
			return nil, fmt.Errorf("kanon: prefix lengths must be positive and decreasing, got %v", n)
		}
		l[i] = Prefix(m)
	}
	return l, nil
}

// BucketLadder is the ladder of a numeric column with buckets of width
// w[0], w[1], …; each width must be positive and divide the next (5, 10,
// 50, 100), so that one bucket lies inside one bucket of the next step
// (buckets of 20 do not nest in buckets of 50: 40 and 55 share [40, 60)
// but not [0, 50) and [50, 100)).
func BucketLadder(w ...int64) (Ladder, error) {
	l := make(Ladder, len(w))
	for i, m := range w {
		if m < 1 || i > 0 && (m <= w[i-1] || m%w[i-1] != 0) {
			return nil, fmt.Errorf("kanon: bucket widths must be positive and each must be a multiple of the one before, got %v", w)
		}
		l[i] = Bucket(m)
	}
	return l, nil
}

// isoDate splits an ISO date or timestamp as PostgreSQL writes it with
// DateStyle ISO (pg_dump sets it): 'YYYY-MM-DD', a year of four digits or
// more, then anything (a time, a zone), ending in " BC" for years before
// the common era. ok is false for anything else ('infinity').
func isoDate(v []byte) (year, month, day []byte, bc, ok bool) {
	i := 0
	for i < len(v) && '0' <= v[i] && v[i] <= '9' {
		i++
	}
	if i < 4 || len(v) < i+6 || v[i] != '-' || v[i+3] != '-' ||
		!isDigit(v[i+1]) || !isDigit(v[i+2]) || !isDigit(v[i+4]) || !isDigit(v[i+5]) ||
		len(v) > i+6 && isDigit(v[i+6]) {
		return nil, nil, nil, false, false
	}
	n := len(v)
	bc = n >= 3 && v[n-3] == ' ' && v[n-2] == 'B' && v[n-1] == 'C'
	return v[:i], v[i+1 : i+3], v[i+4 : i+6], bc, true
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// AppendDay appends the date of an ISO date or timestamp
// ('2024-05-17 10:00:00+02') to dst: '2024-05-17', with " BC" kept. A
// value that is not such a date is appended unchanged.
func AppendDay(dst, v []byte) []byte {
	y, m, d, bc, ok := isoDate(v)
	if !ok {
		return append(dst, v...)
	}
	dst = append(append(append(append(append(dst, y...), '-'), m...), '-'), d...)
	if bc {
		dst = append(dst, " BC"...)
	}
	return dst
}

// AppendMonth appends the month of an ISO date or timestamp
// ('2024-05-17', '2024-05-17 10:00:00+02') to dst: '2024-05', with " BC"
// kept ('0044-03-15 BC' gives '0044-03 BC'). A value that is not such a
// date ('infinity') is appended unchanged, a class of its own.
func AppendMonth(dst, v []byte) []byte {
	y, m, _, bc, ok := isoDate(v)
	if !ok {
		return append(dst, v...)
	}
	dst = append(append(append(dst, y...), '-'), m...)
	if bc {
		dst = append(dst, " BC"...)
	}
	return dst
}

// AppendYear appends the year of an ISO date or timestamp to dst: '2024',
// or '0044 BC'. A value that is not such a date is appended unchanged.
func AppendYear(dst, v []byte) []byte {
	y, _, _, bc, ok := isoDate(v)
	if !ok {
		return append(dst, v...)
	}
	dst = append(dst, y...)
	if bc {
		dst = append(dst, " BC"...)
	}
	return dst
}

// AppendPrefix appends the first n characters (UTF-8 code points; bytes
// of invalid UTF-8 count one each) of v to dst, or all of v when it is
// not longer.
func AppendPrefix(dst, v []byte, n int) []byte {
	i := 0
	for ; n > 0 && i < len(v); n-- {
		_, size := utf8.DecodeRune(v[i:])
		i += size
	}
	return append(dst, v[:i]...)
}

// AppendBucket appends to dst the multiple of width (> 0) at or below the
// number v, a decimal as PostgreSQL writes integers and numerics
// ('-12', '3.75'): v rounded down to width, in decimal ('-5' for '-3.5'
// with width 5). A value that is not such a decimal or whose integer part
// has more than 18 digits ('NaN', 'Infinity', '1e+20') is appended
// unchanged, a class of its own.
func AppendBucket(dst, v []byte, width int64) []byte {
	i, neg := 0, false
	if i < len(v) && (v[i] == '-' || v[i] == '+') {
		neg = v[i] == '-'
		i++
	}
	var x int64
	start := i
	for ; i < len(v) && isDigit(v[i]); i++ {
		if i-start == 18 {
			return append(dst, v...)
		}
		x = x*10 + int64(v[i]-'0')
	}
	digits := i > start
	frac := false // a nonzero fraction
	if i < len(v) && v[i] == '.' {
		i++
		for ; i < len(v) && isDigit(v[i]); i++ {
			frac = frac || v[i] != '0'
			digits = true
		}
	}
	if !digits || i != len(v) || width < 1 {
		return append(dst, v...)
	}
	if neg {
		x = -x
		if frac {
			x-- // floor
		}
	}
	q := x / width
	if x%width < 0 {
		q--
	}
	return strconv.AppendInt(dst, q*width, 10)
}
