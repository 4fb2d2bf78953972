package fakers

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// The transformers of this file keep the shape of a value rather than
// replace it: date_shift moves dates, generalize coarsens dates, numbers
// and postcodes, noise perturbs numbers. Their inputs must have a form (a
// date, a number), so their Funcs implement [CheckFunc].

func init() {
	register(
		&Def{
			Name:    "date_shift",
			Summary: "moves a date or timestamp by a keyed whole number of days within ±days, the same for one entity (by: column)",
			Options: []string{"days", "by"},
			Keyed:   true,
			New:     newDateShift,
		},
		&Def{
			Name:    "generalize",
			Summary: "a date to its year or month (to:), a number to its bucket's bottom (bucket:), a postcode to its first characters (keep:)",
			Options: []string{"to", "bucket", "keep"},
			New:     newGeneralize,
		},
		&Def{
			Name:    "noise",
			Summary: "a number times a keyed factor within ±percent, the same for the same value",
			Options: []string{"percent"},
			Keyed:   true,
			New:     newNoise,
		},
	)
}

// CheckFunc is implemented by the Funcs whose inputs must have a form (a
// date, a number). AppendCheck is Append that reports an input of another
// form as an error, which never contains the input; callers that can stop
// on an error (the rules layer) use it. Their plain Append writes SQL NULL
// for such an input.
type CheckFunc interface {
	Func
	AppendCheck(dst, in []byte) (out []byte, null bool, err error)
}

// EntityFunc is implemented by a Func whose output also depends on the
// entity a value belongs to (date_shift with by:): AppendEntity is
// AppendCheck with the entity given apart from the value (the original
// value of the by: column). AppendCheck uses the value as its own entity.
type EntityFunc interface {
	CheckFunc
	AppendEntity(dst, in, entity []byte) (out []byte, null bool, err error)
}

// Limits of the options, checked by New (and by the rules at load time).
const (
	MaxShiftDays = 36500 // date_shift days: at most 100 years
	MaxPercent   = 100   // noise percent
)

// Errors about one value. They name no value: the rules layer adds the
// dump line, the table and the column.
var (
	errNotDate   = errors.New("the value is not a date or timestamp in ISO form (YYYY-MM-DD, then a time), which pg_dump writes; fix the column's data or rule it with another transformer")
	errBCDate    = errors.New("the value is a date before the Common Era (BC), which is not supported; rule the rows that have one with a case (when:) or use another transformer")
	errDateRange = errors.New("the moved date falls outside the years the column holds (0001 to its last year); use fewer days, or rule the rows with such dates with a case (when:)")
	errNotNumber = errors.New("the value is not a number; fix the column's data or rule it with another transformer")
	errNumRange  = errors.New("the value is too large for this transformer (beyond the 64-bit integers), or its result does not fit the column")
	errTooLong   = errors.New("the bucket's label (\"30-39\") is longer than the column holds; use a wider column type or a larger bucket")
)

// dateClasses are the column classes whose values date_shift,
// generalize's to: and date_of_birth's keep_age read as dates.
var dateClasses = []Class{ClassDate, ClassTimestamp, ClassTimestampTZ, ClassText, ClassUnknown}

// maxYear is the last year a column of class c holds: PostgreSQL's date
// goes to 5874897, its timestamps to 294276; text is kept to 4 digits.
func maxYear(c Class) int {
	switch c {
	case ClassDate:
		return 5874897
	case ClassTimestamp, ClassTimestampTZ:
		return 294276
	}
	return 9999
}

// dateKind is what parseDate found.
type dateKind uint8

const (
	dateOK      dateKind = iota
	dateInfPos           // "infinity"
	dateInfNeg           // "-infinity"
	dateBC               // ends in " BC"
	dateInvalid          // not a date
)

// parseDate reads the date that starts in, as PostgreSQL writes dates
// and timestamps in the ISO style (YYYY-MM-DD, a year of four or more
// digits). n is the length of the date; the rest of in (the time of
// day and the time zone) must start with a space or 'T' and a digit, and
// must be empty for a date column.
func parseDate(in []byte, c Class) (y, m, d, n int, k dateKind) {
	switch string(in) {
	case "infinity":
		return 0, 0, 0, 0, dateInfPos
	case "-infinity":
		return 0, 0, 0, 0, dateInfNeg
	}
	if len(in) >= 3 && string(in[len(in)-3:]) == " BC" {
		return 0, 0, 0, 0, dateBC
	}
	i := 0
	for i < len(in) && i < 8 && in[i] >= '0' && in[i] <= '9' {
		y = y*10 + int(in[i]-'0')
		i++
	}
	if i < 4 || i > 7 || len(in) < i+6 || in[i] != '-' || in[i+3] != '-' {
		return 0, 0, 0, 0, dateInvalid
	}
	m, ok1 := twoDigits(in[i+1:])
	d, ok2 := twoDigits(in[i+4:])
	n = i + 6
	if !ok1 || !ok2 || y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, 0, dateInvalid
	}
	rest := in[n:]
	switch {
	case len(rest) == 0:
	case c == ClassDate:
		return 0, 0, 0, 0, dateInvalid
	case len(rest) < 2 || rest[0] != ' ' && rest[0] != 'T' || rest[1] < '0' || rest[1] > '9':
		return 0, 0, 0, 0, dateInvalid
	}
	return y, m, d, n, dateOK
}

func twoDigits(b []byte) (int, bool) {
	if b[0] < '0' || b[0] > '9' || b[1] < '0' || b[1] > '9' {
		return 0, false
	}
	return int(b[0]-'0')*10 + int(b[1]-'0'), true
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// appendDate appends y-m-d with a year of at least four digits.
func appendDate(dst []byte, y, m, d int) []byte {
	if y < 1000 {
		for p := 1000; p > 1 && y < p; p /= 10 {
			dst = append(dst, '0')
		}
	}
	dst = strconv.AppendInt(dst, int64(y), 10)
	return append(dst, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// firstDay is the day number of 0001-01-01.
var firstDay = daysFromCivil(1, 1, 1)

// date_shift moves every date of one entity by the same number of days,
// so the intervals between an entity's dates, across tables, stay exact.
//
// The offset is a whole number of days, uniform in [-days, -1] ∪
// [1, days] (never 0: every date moves), drawn from PRF(domain, entity).
// The entity is the by: column's original value where the rules give
// one (see [EntityFunc]), else the value itself: then each distinct
// value moves by its own offset, and equal values stay equal. Two
// columns move together only when they share the domain and days (give
// both the same domain:).
//
// It writes date, timestamp and timestamptz columns, and text holding
// ISO dates or timestamps: only the date part changes; the time of day
// and the time zone part are kept byte for byte. infinity and -infinity
// are kept. A BC date, a value that is not a date and a date moved out of
// the column's years (before 0001-01-01, after its last year; 9999 in a
// text column) are errors of that value. Not unique: two dates may meet.
func newDateShift(p Params) (Func, error) {
	const name = "date_shift"
	if err := checkClass(name, p.Target, dateClasses...); err != nil {
		return nil, fmt.Errorf("%v; date_shift moves dates and timestamps", err)
	}
	if p.Unique {
		return nil, refuseUnique(name, "two dates can be moved onto one; drop unique")
	}
	if p.Days < 1 || p.Days > MaxShiftDays {
		return nil, fmt.Errorf("date_shift needs days: between 1 and %d, the largest move in days", MaxShiftDays)
	}
	if err := checkFit(name, false, len("YYYY-MM-DD"), p.Target); err != nil {
		return nil, err
	}
	return &shiftFunc{prf: p.PRF, days: p.Days, class: p.Target.Class, last: daysFromCivil(maxYear(p.Target.Class), 12, 31)}, nil
}

type shiftFunc struct {
	prf   PRF
	r     rng
	days  int
	class Class
	last  int // the day number of the column's last day
}

// offset returns the entity's shift in days: uniform over
// [-days, -1] ∪ [1, days].
func (f *shiftFunc) offset(entity []byte) int {
	f.r.seed(f.prf.Sum(entity))
	k := f.r.intn(2 * f.days)
	if k < f.days {
		return k - f.days
	}
	return k - f.days + 1
}

func (f *shiftFunc) Append(dst, in []byte) ([]byte, bool) {
	out, null, err := f.AppendEntity(dst, in, in)
	if err != nil {
		return dst, true
	}
	return out, null
}

func (f *shiftFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	return f.AppendEntity(dst, in, in)
}

func (f *shiftFunc) AppendEntity(dst, in, entity []byte) ([]byte, bool, error) {
	y, m, d, n, k := parseDate(in, f.class)
	switch k {
	case dateInfPos, dateInfNeg:
		return append(dst, in...), false, nil
	case dateBC:
		return dst, false, errBCDate
	case dateInvalid:
		return dst, false, errNotDate
	}
	z := daysFromCivil(y, m, d) + f.offset(entity)
	if z < firstDay || z > f.last {
		return dst, false, errDateRange
	}
	y, m, d = civilFromDays(z)
	dst = appendDate(dst, y, m, d)
	return append(dst, in[n:]...), false, nil
}

// generalize coarsens a value, without a key (the output depends only on
// the input), in one of three ways; exactly one of to, bucket and keep is
// given. For dates and numbers it is monotone: a ≤ b gives g(a) ≤ g(b).
//
//   - to: year|month, on date, timestamp, timestamptz and text: the first
//     day of the value's year or month, at midnight. A timestamptz is
//     taken in UTC first and written at midnight UTC ("2024-03-01
//     00:00:00+00"), so instants in different offsets stay in order; a
//     timestamp is written at midnight; a text value as "2024" or
//     "2024-03" (from its date as written); a column of unknown type (a
//     data-only dump) as a date, "2024-03-01". infinity and -infinity are
//     kept; a BC date or a value that is not a date is an error.
//   - bucket: N, on integer and numeric columns: the value floored to a
//     multiple of N (toward −∞, so -5 goes to -10), clamped to the type's
//     smallest value (numeric(p,s) included); in a text column holding
//     numbers, the bucket's label "30-39" (bottom, '-', bottom + N − 1; a
//     decimal is floored first), in a column of unknown type the bottom.
//     NaN and ±Infinity are kept; a value that is not a number is an error.
//   - keep: N, on postcodes: in a text column, the first N characters are
//     kept and every later character is replaced by one of its kind, so
//     the format stays: digits by '0', ASCII letters by 'X' (lowercase
//     ones by 'x'), other letters by 'X', other characters kept ("SW1A 1AA"
//     keep 2 → "SW0X 0XX", "75012" → "75000"); in an integer column, the
//     digits after the first N become zeros (75012 → 75000; a negative
//     number's magnitude is rounded up, so the order is kept).
func newGeneralize(p Params) (Func, error) {
	const name = "generalize"
	given := 0
	if p.To != "" {
		given++
	}
	if p.Bucket != 0 {
		given++
	}
	if p.Keep != 0 {
		given++
	}
	if given != 1 {
		return nil, errors.New("generalize needs exactly one of to: (year or month), bucket: (a number) and keep: (a number of characters)")
	}
	if p.Unique {
		return nil, refuseUnique(name, "it maps many values to one; drop unique")
	}
	t := p.Target
	switch {
	case p.To != "":
		if p.To != "year" && p.To != "month" {
			return nil, fmt.Errorf("generalize to: must be year or month, not %q", p.To)
		}
		if err := checkClass(name, t, dateClasses...); err != nil {
			return nil, fmt.Errorf("%v; to: %s works on dates and timestamps (bucket: on numbers, keep: on postcodes)", err, p.To)
		}
		need := len("YYYY")
		if p.To == "month" {
			need = len("YYYY-MM")
		}
		if err := checkFit(name, false, need, t); err != nil {
			return nil, err
		}
		return &genDateFunc{month: p.To == "month", class: t.Class}, nil
	case p.Bucket != 0:
		if p.Bucket < 1 {
			return nil, errors.New("generalize bucket: must be a whole number ≥ 1")
		}
		if err := checkClass(name, t, ClassInt, ClassNumeric, ClassText, ClassUnknown); err != nil {
			return nil, fmt.Errorf("%v; bucket: works on numbers", err)
		}
		f := &bucketFunc{n: int64(p.Bucket), class: t.Class, maxLen: textLimit(t)}
		switch t.Class {
		case ClassInt:
			f.min = intMin(t.Bits)
		case ClassNumeric:
			f.intDigits, _ = intDigits(t)
			f.scale = t.Scale
			f.float = isFloat(t)
		}
		return f, nil
	default:
		if p.Keep < 1 {
			return nil, errors.New("generalize keep: must be a whole number ≥ 1")
		}
		if err := checkClass(name, t, ClassText, ClassInt, ClassUnknown); err != nil {
			return nil, fmt.Errorf("%v; keep: works on postcodes in text or integer columns", err)
		}
		return &genKeepFunc{n: p.Keep, class: t.Class, min: intMin(t.Bits)}, nil
	}
}

// intMin returns the smallest value of an integer column of bits bits.
func intMin(bits int) int64 {
	switch bits {
	case 16:
		return math.MinInt16
	case 32:
		return math.MinInt32
	}
	return math.MinInt64
}

// intMax returns the largest value of an integer column of bits bits.
func intMax(bits int) int64 {
	switch bits {
	case 16:
		return math.MaxInt16
	case 32:
		return math.MaxInt32
	}
	return math.MaxInt64
}

type genDateFunc struct {
	month bool
	class Class
}

func (f *genDateFunc) Append(dst, in []byte) ([]byte, bool) { return nullOnErr(f, dst, in) }

func (f *genDateFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	y, m, d, n, k := parseDate(in, f.class)
	switch k {
	case dateInfPos, dateInfNeg:
		return append(dst, in...), false, nil
	case dateBC:
		return dst, false, errBCDate
	case dateInvalid:
		return dst, false, errNotDate
	}
	if f.class == ClassTimestampTZ {
		var ok bool
		if y, m, _, ok = utcDate(y, m, d, in[n:]); !ok {
			return dst, false, errNotDate
		}
		if y < 1 {
			return dst, false, errDateRange
		}
	}
	if !f.month {
		m = 1
	}
	switch f.class {
	case ClassText:
		dst = appendDate(dst, y, m, 1)
		if f.month {
			return dst[:len(dst)-3], false, nil
		}
		return dst[:len(dst)-6], false, nil
	case ClassTimestamp:
		return append(appendDate(dst, y, m, 1), " 00:00:00"...), false, nil
	case ClassTimestampTZ:
		return append(appendDate(dst, y, m, 1), " 00:00:00+00"...), false, nil
	}
	return appendDate(dst, y, m, 1), false, nil
}

// utcDate returns the UTC date of the timestamptz whose date is y-m-d and
// whose rest is rest (" HH:MM:SS[.ffffff]±HH[:MM[:SS]]").
func utcDate(y, m, d int, rest []byte) (int, int, int, bool) {
	if len(rest) < 9 || rest[3] != ':' || rest[6] != ':' {
		return 0, 0, 0, false
	}
	hh, ok1 := twoDigits(rest[1:])
	mi, ok2 := twoDigits(rest[4:])
	ss, ok3 := twoDigits(rest[7:])
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, 0, false
	}
	i := 9
	if i < len(rest) && rest[i] == '.' {
		i++
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
	}
	off := 0
	if i < len(rest) {
		sign := 1
		switch rest[i] {
		case '+':
		case '-':
			sign = -1
		default:
			return 0, 0, 0, false
		}
		i++
		parts := 0
		for part, mul := 0, 3600; i < len(rest) && part < 3; part, mul = part+1, mul/60 {
			if part > 0 {
				if rest[i] != ':' {
					return 0, 0, 0, false
				}
				i++
			}
			if len(rest) < i+2 {
				return 0, 0, 0, false
			}
			v, ok := twoDigits(rest[i:])
			if !ok {
				return 0, 0, 0, false
			}
			off += v * mul
			i += 2
			parts++
		}
		if parts == 0 || i != len(rest) {
			return 0, 0, 0, false
		}
		off *= sign
	}
	secs := hh*3600 + mi*60 + ss - off
	z := daysFromCivil(y, m, d)
	switch {
	case secs < 0:
		z--
	case secs >= 86400:
		z++
	}
	if z < firstDay {
		return 0, 1, 1, true
	}
	y, m, d = civilFromDays(z)
	return y, m, d, true
}

// number is a decimal number as read from a field: its sign, integer
// part (without leading zeros, "" for zero) and fraction digits.
type number struct {
	neg       bool
	int, frac []byte
}

// parseNumber reads a plain decimal number ([-+]digits[.digits], at
// least one digit); ok is false for anything else, exponents included.
func parseNumber(in []byte) (n number, ok bool) {
	i := 0
	if i < len(in) && (in[i] == '-' || in[i] == '+') {
		n.neg = in[i] == '-'
		i++
	}
	s := i
	for i < len(in) && in[i] >= '0' && in[i] <= '9' {
		i++
	}
	n.int = in[s:i]
	digits := i - s
	if i < len(in) && in[i] == '.' {
		i++
		fs := i
		for i < len(in) && in[i] >= '0' && in[i] <= '9' {
			i++
		}
		n.frac = in[fs:i]
		digits += i - fs
	}
	if digits == 0 || i != len(in) {
		return number{}, false
	}
	for len(n.int) > 0 && n.int[0] == '0' {
		n.int = n.int[1:]
	}
	return n, true
}

// floor returns the number rounded toward −∞, as an int64; ok is false
// when that is outside the int64 range.
func (n number) floor() (int64, bool) {
	if len(n.int) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range n.int {
		u = u*10 + uint64(c-'0') // 19 digits fit a uint64
	}
	if !n.neg {
		if u > math.MaxInt64 {
			return 0, false
		}
		return int64(u), true
	}
	frac := false
	for _, c := range n.frac {
		if c != '0' {
			frac = true
			break
		}
	}
	switch {
	case u > 1<<63, u == 1<<63 && frac:
		return 0, false
	case u == 1<<63:
		return math.MinInt64, true
	}
	v := -int64(u)
	if frac {
		v--
	}
	return v, true
}

// isSpecial reports whether in is one of the special values of numeric
// and the float types (NaN, Infinity, -Infinity), which are kept.
func isSpecial(in []byte) bool {
	switch string(in) {
	case "NaN", "Infinity", "-Infinity", "inf", "-inf", "+Infinity":
		return true
	}
	return false
}

// floorDiv returns the largest multiple of n not above v.
func floorDiv(v, n int64) int64 {
	q := v / n
	if v%n != 0 && v < 0 {
		q--
	}
	return q
}

type bucketFunc struct {
	n         int64
	class     Class
	min       int64 // integer column: the smallest value
	intDigits int   // numeric column: the integer digits it holds
	scale     int   // numeric column: its scale
	float     bool  // real or double precision
	maxLen    int   // text column: its length limit, 0 for none
}

func (f *bucketFunc) Append(dst, in []byte) ([]byte, bool) { return nullOnErr(f, dst, in) }

func (f *bucketFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	if f.class != ClassText && isSpecial(in) {
		return append(dst, in...), false, nil
	}
	num, ok := parseNumber(in)
	if !ok {
		if f.float {
			return f.appendFloat(dst, in)
		}
		return dst, false, errNotNumber
	}
	v, ok := num.floor()
	if !ok {
		return dst, false, errNumRange
	}
	q := floorDiv(v, f.n)
	lo := q * f.n
	if q != 0 && lo/f.n != q { // overflow: below the int64 range
		lo = math.MinInt64
	}
	switch f.class {
	case ClassInt:
		lo = max(lo, f.min)
	case ClassNumeric:
		if digitsOf(lo) > f.intDigits { // below the type's smallest value
			dst = append(dst, '-')
			for range f.intDigits {
				dst = append(dst, '9')
			}
			if f.scale > 0 {
				dst = append(dst, '.')
				for range f.scale {
					dst = append(dst, '9')
				}
			}
			return dst, false, nil
		}
	case ClassText:
		start := len(dst)
		dst = strconv.AppendInt(dst, lo, 10)
		dst = append(dst, '-')
		dst = strconv.AppendInt(dst, lo+f.n-1, 10)
		if f.maxLen > 0 && len(dst)-start > f.maxLen {
			return dst[:start], false, errTooLong
		}
		return dst, false, nil
	}
	return strconv.AppendInt(dst, lo, 10), false, nil
}

// appendFloat buckets a real or double precision value written with an
// exponent.
func (f *bucketFunc) appendFloat(dst, in []byte) ([]byte, bool, error) {
	v, err := strconv.ParseFloat(string(in), 64)
	if err != nil {
		return dst, false, errNotNumber
	}
	lo := math.Floor(v/float64(f.n)) * float64(f.n)
	return strconv.AppendFloat(dst, lo, 'g', -1, 64), false, nil
}

// digitsOf returns the number of decimal digits of |v| (0 for 0).
func digitsOf(v int64) int {
	n := 0
	for v != 0 {
		v /= 10
		n++
	}
	return n
}

type genKeepFunc struct {
	n     int
	class Class
	min   int64
}

func (f *genKeepFunc) Append(dst, in []byte) ([]byte, bool) { return nullOnErr(f, dst, in) }

func (f *genKeepFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	if f.class != ClassInt {
		kept := 0
		for i := 0; i < len(in); {
			r, size := utf8.DecodeRune(in[i:])
			switch {
			case kept < f.n:
				dst = append(dst, in[i:i+size]...)
				kept++
			case r >= '0' && r <= '9':
				dst = append(dst, '0')
			case r >= 'a' && r <= 'z':
				dst = append(dst, 'x')
			case r >= 'A' && r <= 'Z' || r >= 0x80 && r != utf8.RuneError && unicode.IsLetter(r):
				dst = append(dst, 'X')
			default:
				dst = append(dst, in[i:i+size]...)
			}
			i += size
		}
		return dst, false, nil
	}
	num, ok := parseNumber(in)
	if !ok || len(num.frac) > 0 {
		return dst, false, errNotNumber
	}
	v, ok := num.floor()
	if !ok {
		return dst, false, errNumRange
	}
	if len(num.int) <= f.n {
		return strconv.AppendInt(dst, v, 10), false, nil
	}
	p := int64(1)
	for range len(num.int) - f.n {
		p *= 10
	}
	q := floorDiv(v, p) // the magnitude of a negative number is rounded up
	lo := q * p
	if q != 0 && lo/p != q {
		lo = math.MinInt64
	}
	return strconv.AppendInt(dst, max(lo, f.min), 10), false, nil
}

// nullOnErr is the Append of a CheckFunc: NULL for an input it cannot
// read.
func nullOnErr(f CheckFunc, dst, in []byte) ([]byte, bool) {
	out, null, err := f.AppendCheck(dst, in)
	if err != nil {
		return dst, true
	}
	return out, null
}

// noise multiplies a number by a keyed factor uniform in
// [1 − percent/100, 1 + percent/100], drawn from PRF(domain, value), so
// equal values get equal outputs (and a value's noise cannot be averaged
// away over its repeats).
//
// Integers are rounded to the nearest and clamped to the column's type;
// numeric(p,s) keeps its scale (s fraction digits) and is clamped to the
// largest value of its precision; an unconstrained numeric and a number
// in a text column keep the value's own number of fraction digits; real
// and double precision are written in the shortest form that reads back
// as the result. NaN and ±Infinity are kept. The arithmetic is in
// float64: a value beyond 15 significant digits gets noise in its
// leading 15. Dates are refused: date_shift moves them.
func newNoise(p Params) (Func, error) {
	const name = "noise"
	t := p.Target
	switch t.Class {
	case ClassDate, ClassTimestamp, ClassTimestampTZ:
		return nil, fmt.Errorf("noise cannot write into %s column; use date_shift (days:) to move dates", typeName(t))
	}
	if err := checkClass(name, t, ClassInt, ClassNumeric, ClassText, ClassUnknown); err != nil {
		return nil, fmt.Errorf("%v; noise works on numbers", err)
	}
	if p.Unique {
		return nil, refuseUnique(name, "two values can meet; drop unique")
	}
	if p.Percent < 1 || p.Percent > MaxPercent {
		return nil, fmt.Errorf("noise needs percent: between 1 and %d", MaxPercent)
	}
	f := &noiseFunc{prf: p.PRF, p: float64(p.Percent) / 100, class: t.Class, scale: -1}
	switch t.Class {
	case ClassInt:
		f.min, f.max = float64(intMin(t.Bits)), float64(intMax(t.Bits))
	case ClassNumeric:
		if isFloat(t) {
			f.float = true
			if t.Precision == 6 {
				f.bits = 32
			}
		} else if t.Precision > 0 {
			f.scale = t.Scale
			f.max = math.Pow(10, float64(t.Precision-t.Scale)) - math.Pow(10, float64(-t.Scale))
			f.min = -f.max
		}
	}
	return f, nil
}

type noiseFunc struct {
	prf      PRF
	r        rng
	p        float64
	class    Class
	min, max float64 // clamp bounds, when max > 0
	scale    int     // fraction digits written; -1: the input's own
	float    bool
	bits     int // 32 for real
}

func (f *noiseFunc) Append(dst, in []byte) ([]byte, bool) { return nullOnErr(f, dst, in) }

func (f *noiseFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	if f.class != ClassText && isSpecial(in) {
		return append(dst, in...), false, nil
	}
	num, ok := parseNumber(in)
	if !ok && !f.float {
		return dst, false, errNotNumber
	}
	v, err := parseFloat(in)
	if err != nil {
		return dst, false, errNotNumber
	}
	f.r.seed(f.prf.Sum(in))
	// A uniform factor in [1-p, 1+p]: 53 random bits.
	u := float64(f.r.pcg.Uint64()>>11) / (1 << 53)
	x := v * (1 - f.p + 2*f.p*u)
	if f.max > 0 {
		x = min(max(x, f.min), f.max)
	}
	switch {
	case f.class == ClassInt:
		x = math.Round(x)
		if x >= 1<<63 { // float64(MaxInt64) is 2^63, which int64 cannot hold
			return strconv.AppendInt(dst, math.MaxInt64, 10), false, nil
		}
		return strconv.AppendInt(dst, int64(x), 10), false, nil
	case f.float:
		bits := 64
		if f.bits == 32 {
			bits = 32
		}
		return strconv.AppendFloat(dst, x, 'g', -1, bits), false, nil
	}
	scale := f.scale
	if scale < 0 {
		scale = len(num.frac)
	}
	if x == 0 {
		x = 0 // no "-0"
	}
	return strconv.AppendFloat(dst, x, 'f', scale, 64), false, nil
}

// parseFloat reads a number as float64 without allocating for the usual
// short field.
func parseFloat(in []byte) (float64, error) {
	if len(in) > 64 {
		return strconv.ParseFloat(string(in), 64)
	}
	var buf [64]byte
	n := copy(buf[:], in)
	return strconv.ParseFloat(string(buf[:n]), 64)
}

// date_of_birth with keep_age: the output is a date of birth with the
// same age in full years as the input on the as-of date (Params.AsOf,
// the dump's date): uniform over the dates of that age, drawn from
// PRF(domain, value). The input must be a date (or a timestamp, whose
// date counts); anything else is an error of that value.
func newKeepAge(p Params, time string) (Func, error) {
	if p.AsOf.IsZero() {
		return nil, errors.New("date_of_birth with keep_age needs the as-of date (Params.AsOf)")
	}
	y, m, d := p.AsOf.UTC().Date()
	return &keepAgeFunc{prf: p.PRF, class: p.Target.Class, asY: y, asM: int(m), asD: d, time: time}, nil
}

type keepAgeFunc struct {
	prf           PRF
	r             rng
	class         Class
	asY, asM, asD int
	time          string
}

// age returns the age in full years on the as-of date of a person born
// on y-m-d.
func (f *keepAgeFunc) age(y, m, d int) int {
	a := f.asY - y
	if m > f.asM || m == f.asM && d > f.asD {
		a--
	}
	return a
}

// lastBorn returns the day number of the last birth date with age a on
// the as-of date: the as-of day a years before (Feb 28 for Feb 29 in a
// common year).
func (f *keepAgeFunc) lastBorn(a int) int {
	y, m, d := f.asY-a, f.asM, f.asD
	if d > daysIn(y, m) {
		d = daysIn(y, m)
	}
	return daysFromCivil(y, m, d)
}

func (f *keepAgeFunc) Append(dst, in []byte) ([]byte, bool) { return nullOnErr(f, dst, in) }

func (f *keepAgeFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	y, m, d, _, k := parseDate(in, ClassUnknown) // a date, or a timestamp's date
	switch k {
	case dateBC:
		return dst, false, errBCDate
	case dateOK:
	default:
		return dst, false, errNotDate
	}
	a := f.age(y, m, d)
	if f.asY-a-1 < 1 {
		return dst, false, errDateRange
	}
	hi := f.lastBorn(a)
	lo := f.lastBorn(a+1) + 1
	f.r.seed(f.prf.Sum(in))
	y, m, d = civilFromDays(lo + f.r.intn(hi-lo+1))
	dst = appendDate(dst, y, m, d)
	return append(dst, f.time...), false, nil
}
