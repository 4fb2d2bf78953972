package fakers

import (
	"unicode/utf8"
)

func init() {
	register(
		&Def{
			Name:    "date_of_birth",
			Summary: "a date between 1930-01-01 and 2005-12-31, or one with the input's age (keep_age: true)",
			Options: []string{"keep_age"},
			Keyed:   true,
			New:     newDateOfBirth,
		},
		&Def{
			Name:    "lorem",
			Summary: "lorem ipsum words, as many characters as the input",
			Unique:  true,
			Keyed:   true,
			New:     newLorem,
		},
		&Def{
			Name:    "credit_card",
			Summary: "a 16-digit Luhn-valid card number starting with 400000",
			Keyed:   true,
			New:     newCreditCard,
		},
	)
}

// Dates of birth are drawn uniformly from a fixed range, not one relative
// to today, so that every run gives the same output. With keep_age the
// output has the input's age on Params.AsOf instead (see newKeepAge), and
// an input that is not a date is an error.
var (
	dobFirst = daysFromCivil(1930, 1, 1)
	dobDays  = daysFromCivil(2005, 12, 31) - dobFirst + 1
)

func newDateOfBirth(p Params) (Func, error) {
	const name = "date_of_birth"
	if err := checkClass(name, p.Target, ClassDate, ClassTimestamp, ClassTimestampTZ, ClassText, ClassUnknown); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "it draws from about 27,800 dates; drop unique or use hash")
	}
	if err := checkFit(name, false, len("YYYY-MM-DD"), p.Target); err != nil {
		return nil, err
	}
	f := &dobFunc{prf: p.PRF}
	switch p.Target.Class {
	case ClassTimestamp:
		f.time = " 00:00:00"
	case ClassTimestampTZ:
		f.time = " 00:00:00+00"
	}
	if p.KeepAge {
		return newKeepAge(p, f.time)
	}
	return f, nil
}

type dobFunc struct {
	prf  PRF
	r    rng
	time string // appended after the date for timestamp columns
}

func (f *dobFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	y, m, d := civilFromDays(dobFirst + f.r.intn(dobDays))
	dst = append(dst, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
	return append(dst, f.time...), false
}

// daysFromCivil returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (Howard Hinnant's algorithm), for y ≥ 0.
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*((m+9)%12)+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// civilFromDays is the inverse of daysFromCivil.
func civilFromDays(z int) (y, m, d int) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}

// Lorem output has exactly as many characters as the input (cut to the
// column's length): words from gofakeit's lorem list separated by single
// spaces, the last word chosen to fill the length exactly. Unique adds a
// space and the keyed suffix, so the output is then longer than the input
// (or the suffix alone for an empty input).
func newLorem(p Params) (Func, error) {
	const name = "lorem"
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	f := &loremFunc{prf: p.PRF, unique: p.Unique}
	lim := textLimit(p.Target)
	if p.Unique {
		if err := checkFit(name, true, suffixLen, p.Target); err != nil {
			return nil, err
		}
		if lim > 0 {
			f.room = lim - uniqueExtra
			if f.room <= 0 {
				f.room = -1 // room for the suffix alone
			}
		}
	} else {
		f.room = lim
	}
	return f, nil
}

type loremFunc struct {
	prf    PRF
	r      rng
	unique bool
	room   int // maximum length of the words; 0 = unlimited, -1 = none
}

func (f *loremFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	f.r.seed(h0, h1)
	n := utf8.RuneCount(in)
	if f.room < 0 {
		n = 0
	} else if f.room > 0 {
		n = min(n, f.room)
	}
	dst = appendLorem(&f.r, dst, n)
	if f.unique {
		if n > 0 {
			dst = append(dst, ' ')
		}
		dst = appendSuffix(dst, h0, h1)
	}
	return dst, false
}

// loremByLen[l] lists the lorem words of exactly l letters, for
// 1 ≤ l ≤ loremMax; lengths the list lacks are filled with prefixes of
// longer words.
var (
	loremMax   = maxLen(loremWords)
	loremByLen = func() [][]string {
		t := make([][]string, loremMax+1)
		for _, w := range loremWords {
			t[len(w)] = append(t[len(w)], w)
		}
		for l := 1; l <= loremMax; l++ {
			if len(t[l]) > 0 {
				continue
			}
			for _, w := range loremWords {
				if len(w) > l {
					t[l] = append(t[l], w[:l])
				}
			}
		}
		return t
	}()
)

// appendLorem appends exactly n characters of words.
func appendLorem(r *rng, dst []byte, n int) []byte {
	for first := true; n > 0; first = false {
		if !first {
			dst = append(dst, ' ')
			n--
		}
		for {
			w := r.pick(loremWords)
			switch {
			case len(w) == n:
			case len(w)+2 <= n: // leaves room for " x"
			case n <= loremMax:
				w = r.pick(loremByLen[n])
			default:
				continue
			}
			dst = append(dst, w...)
			n -= len(w)
			break
		}
	}
	return dst
}

// Card numbers start with 400000, a prefix in the Visa range that payment
// processors use for their test cards (Stripe's 4000 0000 0000 0077 and
// kin), then 9 random digits and the Luhn check digit. They pass format
// checks; they are not promised to be unissued.
func newCreditCard(p Params) (Func, error) {
	const name = "credit_card"
	if err := checkClass(name, p.Target, ClassText, ClassInt, ClassNumeric, ClassUnknown); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "it draws from 10^9 numbers; drop unique or use hash")
	}
	if p.Target.Class == ClassInt || p.Target.Class == ClassNumeric {
		if err := checkDigits(name, 16, p.Target); err != nil {
			return nil, err
		}
	}
	if err := checkFit(name, false, 16, p.Target); err != nil {
		return nil, err
	}
	return &cardFunc{prf: p.PRF}, nil
}

type cardFunc struct {
	prf PRF
	r   rng
}

func (f *cardFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	var b [16]byte
	copy(b[:], "400000")
	for i := 6; i < 15; i++ {
		b[i] = byte('0' + f.r.intn(10))
	}
	b[15] = '0' + luhnCheck(b[:15])
	return append(dst, b[:]...), false
}

// luhnCheck returns the digit that makes payload‖digit pass the Luhn test.
func luhnCheck(payload []byte) byte {
	sum := 0
	for i := len(payload) - 1; i >= 0; i-- {
		d := int(payload[i] - '0')
		if (len(payload)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte((10 - sum%10) % 10)
}
