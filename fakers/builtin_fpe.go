package fakers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/anondump/anondump/fpe"
)

func init() {
	register(&Def{
		Name:    "fpe",
		Summary: "format-preserving encryption: a keyed permutation, so distinct inputs stay distinct (unique by construction) and joins hold when both sides share the domain",
		Options: []string{"luhn"},
		Unique:  true,
		Keyed:   true,
		New:     newFPE,
	})
}

// The fpe transformer is a keyed permutation from package fpe (FF1 of
// NIST SP 800-38G, or a keyed table for domains below 10^6 values). It
// is a bijection, so unique: true needs no suffix and a UNIQUE or
// PRIMARY KEY column stays unique; it is reversible by whoever holds the
// key (pseudonymization).
//
// Into a text column (and an untyped one) the ASCII digits of the value
// are encrypted as one digit string and every other byte stays in place:
// "+44 7700 900123" keeps its plus sign and spaces, "CN-00012345" its
// prefix, and the number of digits and their positions are kept, leading
// zeros included; the output has the input's length, so it fits any
// varchar(n) the input fitted. A value without a digit has nothing to encrypt and is
// written unchanged: fpe is for columns of digit strings (phones, card
// and account numbers, national IDs, customer numbers); the letters of a
// value ("Flat 3, Baker Street") pass through, so a column that may hold
// free text needs another transformer. With Luhn the digits but the last
// are encrypted and the last becomes their Luhn check digit plus the
// input's own distance to its check digit (0 for a valid number), mod 10:
// a valid number stays valid, and the mapping stays a bijection on every
// value, valid or not. A value with a single
// digit has no room for a check digit and is encrypted like any other.
// Values of more than 38 digits take package fpe's math/big path, which
// allocates. A column of a data-only dump, whose type is unknown, is
// text: an integer key there has its digits permuted too, which can write
// a leading zero ("42" may become "07", the number 7, which another key
// may also become); anonymize integer keys from a dump with the schema.
//
// Into smallint, integer and bigint columns the value is encrypted within
// the type's range, keeping its sign: [1, max] maps onto itself, [min,
// -1] onto itself, and 0 stays 0, so serial keys stay positive. A
// numeric(p,0) column with p ≤ 18 likewise permutes [1, 10^p−1] and
// [−(10^p−1), −1]. Other numeric columns (a scale, no precision, more
// than 18 digits, real and double precision) are refused, and so are the
// other types.
//
// The AES-128 key of a domain's permutations is the first 16 bytes of
// HMAC-SHA256(key = the domain's 128-bit SipHash key, msg =
// "anondump/v1/fpe"): a function of the run's key and the domain alone, so
// every column and table of a domain uses the same permutations. The
// SipHash key holds 128 bits, so a longer AES key would add no strength.
// It is not a PRF.Sum of a label: hash writes PRF outputs out in full,
// and a value equal to the label in a hash column of the same domain would
// publish the key. Text uses one permutation for each number of digits;
// integers one for each range, selected by the FF1 tweak (lo and hi), so
// a join holds between columns of one kind: two integer columns of the
// same type (an integer foreign key into a bigint key does not join; give
// them one type), or two text columns with the same luhn.
//
// A value that is not a decimal integer of the column's range in an
// integer column, which PostgreSQL never writes, becomes NULL rather than
// pass through.
func newFPE(p Params) (Func, error) {
	const name = "fpe"
	switch p.Target.Class {
	case ClassText, ClassUnknown:
		d, err := fpeDigits(p.PRF)
		if err != nil {
			return nil, err
		}
		return &fpeDigitsFunc{d: d, luhn: p.Luhn}, nil
	case ClassInt, ClassNumeric:
		if p.Luhn {
			return nil, fmt.Errorf("%s luhn keeps a check digit in a digit string, and %s is a number column, whose values fpe permutes within the type's range; drop luhn, or store the numbers as text", name, typeName(p.Target))
		}
		hi, lo, err := fpeBounds(p.Target)
		if err != nil {
			return nil, err
		}
		pos, err := fpeInt(p.PRF, 1, hi)
		if err != nil {
			return nil, err
		}
		neg, err := fpeInt(p.PRF, lo, -1)
		if err != nil {
			return nil, err
		}
		return &fpeIntFunc{pos: pos, neg: neg}, nil
	}
	err := checkClass(name, p.Target, ClassText, ClassUnknown, ClassInt, ClassNumeric)
	return nil, fmt.Errorf("%v; fpe permutes the digits of text values and integers", err)
}

// fpeBounds returns the range a number column's positive values are
// permuted in, [1, hi], and its negative one, [lo, -1].
func fpeBounds(t Target) (hi, lo int64, err error) {
	const name = "fpe"
	if t.Class == ClassInt {
		switch t.Bits {
		case 16:
			return math.MaxInt16, math.MinInt16, nil
		case 32:
			return math.MaxInt32, math.MinInt32, nil
		default:
			return math.MaxInt64, math.MinInt64, nil
		}
	}
	switch {
	case isFloat(t):
		return 0, 0, fmt.Errorf("%s permutes integers, and %s is a floating-point column; use noise or hash", name, typeName(t))
	case t.Scale > 0:
		return 0, 0, fmt.Errorf("%s permutes integers, and %s has %d decimal places; use it on numeric(p,0), or use hash", name, typeName(t), t.Scale)
	case t.Precision == 0:
		// An unconstrained numeric (and a JSON number): bigint's range;
		// a value with decimals stops the run (AppendCheck).
		return math.MaxInt64, math.MinInt64, nil
	case t.Precision > 18:
		return 0, 0, fmt.Errorf("%s permutes integers of at most 18 digits, and %s holds %d; declare numeric(18,0) or bigint, or use hash", name, typeName(t), t.Precision)
	}
	hi = int64(pow10[t.Precision] - 1)
	return hi, -hi, nil
}

// isFloat reports whether t is real or double precision (or a domain
// over one), which Target describes as a numeric of 6 or 15 digits.
func isFloat(t Target) bool {
	typ := t.Type
	if i := strings.LastIndex(typ, " ("); i >= 0 && strings.HasSuffix(typ, ")") {
		typ = typ[i+2 : len(typ)-1] // a domain: "name (base type)"
	}
	return typ == "real" || typ == "double precision"
}

// fpeKeyLabel is the message whose HMAC under the domain's SipHash key is
// the domain's AES key.
const fpeKeyLabel = "anondump/v1/fpe"

// fpeKeySize is the AES key length: AES-128 (see newFPE).
const fpeKeySize = 16

// fpeKey derives the AES key of prf's domain (see newFPE).
func fpeKey(prf PRF) []byte {
	var k [16]byte
	binary.LittleEndian.PutUint64(k[0:8], prf.k0)
	binary.LittleEndian.PutUint64(k[8:16], prf.k1)
	m := hmac.New(sha256.New, k[:])
	m.Write([]byte(fpeKeyLabel))
	return m.Sum(nil)[:fpeKeySize]
}

// fpeCacheKey names one permutation: a domain and, for an Int, its range
// (lo = hi = 0 for Digits; no Int has the range [0, 0]).
type fpeCacheKey struct {
	prf    PRF
	lo, hi int64
}

// fpeCache keeps the permutations Def.New built, so that the next Def.New
// of the same domain and range, once per worker and per COPY block, clones
// one (sharing its AES key schedule and its tables: 512 KB for a smallint,
// up to 0.9 MB for the digit strings of up to 5 digits) instead of building
// it again. The cached values are never used but to be cloned. When it
// holds fpeCacheMax permutations it is emptied (a run has a few domains;
// tests have many).
var fpeCache struct {
	sync.Mutex
	m map[fpeCacheKey]any // *fpe.Digits or *fpe.Int
}

const fpeCacheMax = 32

// fpeCached returns a clone of the cached permutation for k, building it
// with build on a miss.
func fpeCached[T interface{ Clone() T }](k fpeCacheKey, build func() (T, error)) (T, error) {
	fpeCache.Lock()
	defer fpeCache.Unlock()
	if v, ok := fpeCache.m[k].(T); ok {
		return v.Clone(), nil
	}
	v, err := build()
	if err != nil {
		return v, err
	}
	if fpeCache.m == nil || len(fpeCache.m) >= fpeCacheMax {
		fpeCache.m = map[fpeCacheKey]any{}
	}
	fpeCache.m[k] = v
	return v.Clone(), nil
}

// fpeDigits returns a Digits of prf's domain for one Func.
func fpeDigits(prf PRF) (*fpe.Digits, error) {
	return fpeCached(fpeCacheKey{prf: prf}, func() (*fpe.Digits, error) {
		return fpe.NewDigits(fpeKey(prf), fpe.DigitsOptions{})
	})
}

// fpeInt returns the permutation of [lo, hi] of prf's domain for one
// Func; the range is its tweak, so each range has its own permutation.
func fpeInt(prf PRF, lo, hi int64) (*fpe.Int, error) {
	return fpeCached(fpeCacheKey{prf: prf, lo: lo, hi: hi}, func() (*fpe.Int, error) {
		var tweak [16]byte
		binary.BigEndian.PutUint64(tweak[0:8], uint64(lo))
		binary.BigEndian.PutUint64(tweak[8:16], uint64(hi))
		return fpe.NewInt(fpeKey(prf), lo, hi, tweak[:])
	})
}

// fpeDigitsFunc encrypts the digits of text values.
type fpeDigitsFunc struct {
	d    *fpe.Digits
	luhn bool
}

func (f *fpeDigitsFunc) Append(dst, in []byte) ([]byte, bool) {
	start := len(dst)
	last, n := -1, 0
	for i, c := range in {
		if '0' <= c && c <= '9' {
			last, n = i, n+1
		}
	}
	if !f.luhn || n < 2 {
		out, err := f.d.Append(dst, in)
		if err != nil {
			return dst[:start], true // never for a value PostgreSQL can hold
		}
		return out, false
	}
	// The digits before the last are encrypted with the separators among
	// them; the last digit keeps the input's distance to its check digit.
	out, err := f.d.Append(dst, in[:last])
	if err != nil {
		return dst[:start], true
	}
	c := int(in[last]-'0') - luhnDigit(in[:last]) + luhnDigit(out[start:])
	out = append(out, byte('0'+(c+10)%10))
	return append(out, in[last+1:]...), false
}

// luhnDigit returns the Luhn check digit of the ASCII digits of s, other
// bytes ignored: the digit that, appended, makes the sum of the digits,
// every second one from the right doubled (less 9 above 9), a multiple of
// 10.
func luhnDigit(s []byte) int {
	sum, double := 0, true
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		v := int(c - '0')
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return (10 - sum%10) % 10
}

// fpeIntFunc permutes the integers of a number column, sign by sign.
type fpeIntFunc struct{ pos, neg *fpe.Int }

func (f *fpeIntFunc) Append(dst, in []byte) ([]byte, bool) {
	out, null, _ := f.AppendCheck(dst, in)
	return out, null
}

// errFPEInteger is the error of a value fpe cannot permute in a number
// column: not an integer, or outside the range.
var errFPEInteger = errors.New("the value is not an integer within the range fpe permutes (a numeric value with decimals, or beyond bigint's); use hash or noise for such a column")

// AppendCheck is Append, with an error for a value that is not an
// integer of the range instead of NULL.
func (f *fpeIntFunc) AppendCheck(dst, in []byte) ([]byte, bool, error) {
	p := f.pos
	digits := in
	if len(in) > 0 && (in[0] == '-' || in[0] == '+') {
		if in[0] == '-' {
			p = f.neg
		}
		digits = in[1:]
	}
	if isZero(digits) {
		return append(dst, '0'), false, nil
	}
	out, err := p.Append(dst, in)
	if err != nil {
		return dst, true, errFPEInteger
	}
	return out, false, nil
}

// isZero reports whether digits is one or more zeros.
func isZero(digits []byte) bool {
	for _, c := range digits {
		if c != '0' {
			return false
		}
	}
	return len(digits) > 0
}
