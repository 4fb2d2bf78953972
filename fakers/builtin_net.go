package fakers

import (
	"fmt"
	"math"
	"net/netip"
	"strconv"
)

func init() {
	register(
		&Def{
			Name:    "ipv4",
			Summary: "an address in the private range 10.0.0.0/8",
			Keyed:   true,
			New:     newIPv4,
		},
		&Def{
			Name:    "ipv6",
			Summary: "an address in the documentation prefix 2001:db8::/32",
			Unique:  true,
			Keyed:   true,
			New:     newIPv6,
		},
		&Def{
			Name:    "uuid",
			Summary: "a version-4 UUID",
			Unique:  true,
			Keyed:   true,
			New:     newUUID,
		},
		&Def{
			Name:    "hash",
			Summary: "the keyed hash of the value: lowercase hex in text (32 digits, or length), a decimal number in integer and numeric columns",
			Options: []string{"length"},
			Unique:  true,
			Keyed:   true,
			New:     newHash,
		},
	)
}

var netClasses = []Class{ClassInet, ClassCIDR, ClassText, ClassUnknown}

// IPv4 addresses are drawn from 10.0.0.0/8 (RFC 1918): private space that
// is never routed on the Internet, so a fake address points at no real
// host, and the widest private block (24 bits). 2^24 values are too few to
// promise uniqueness.
func newIPv4(p Params) (Func, error) {
	const name = "ipv4"
	if err := checkClass(name, p.Target, netClasses...); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "10.0.0.0/8 holds only 2^24 addresses; use ipv6 or hash for a unique column")
	}
	if err := checkFit(name, false, len("10.255.255.255"), p.Target); err != nil {
		return nil, err
	}
	return &ipv4Func{prf: p.PRF}, nil
}

type ipv4Func struct{ prf PRF }

func (f *ipv4Func) Append(dst, in []byte) ([]byte, bool) {
	h0, _ := f.prf.Sum(in)
	dst = append(dst, "10."...)
	dst = strconv.AppendUint(dst, h0>>56, 10)
	dst = append(dst, '.')
	dst = strconv.AppendUint(dst, h0>>48&0xff, 10)
	dst = append(dst, '.')
	return strconv.AppendUint(dst, h0>>40&0xff, 10), false
}

// IPv6 addresses are 2001:db8::/32 (RFC 3849, documentation only) with
// the 96 low bits taken from the PRF: enough for uniqueness without a
// suffix. They are written in RFC 5952 canonical form.
func newIPv6(p Params) (Func, error) {
	const name = "ipv6"
	if err := checkClass(name, p.Target, netClasses...); err != nil {
		return nil, err
	}
	if err := checkFit(name, p.Unique, len("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"), p.Target); err != nil {
		return nil, err
	}
	return &ipv6Func{prf: p.PRF}, nil
}

type ipv6Func struct{ prf PRF }

func (f *ipv6Func) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	var b [16]byte
	b[0], b[1], b[2], b[3] = 0x20, 0x01, 0x0d, 0xb8
	putUint64BE(b[4:12], h0)
	b[12], b[13], b[14], b[15] = byte(h1>>56), byte(h1>>48), byte(h1>>40), byte(h1>>32)
	return netip.AddrFrom16(b).AppendTo(dst), false
}

// UUIDs take their 128 bits from the PRF, then get the version (4) and
// variant (10) bits set: 122 keyed bits, unique without a suffix.
func newUUID(p Params) (Func, error) {
	const name = "uuid"
	if err := checkClass(name, p.Target, ClassUUID, ClassText, ClassUnknown); err != nil {
		return nil, err
	}
	if err := checkFit(name, p.Unique, 36, p.Target); err != nil {
		return nil, err
	}
	return &uuidFunc{prf: p.PRF}, nil
}

type uuidFunc struct{ prf PRF }

const hexDigits = "0123456789abcdef"

func (f *uuidFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	var b [16]byte
	putUint64BE(b[0:8], h0)
	putUint64BE(b[8:16], h1)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst, false
}

// The hash transformer writes the 128 PRF bits as 32 lowercase hex
// digits, or their first length digits. Unique needs at least 64 bits
// kept (length 0 or 16 and more).
//
// Into an integer or numeric column it writes a keyed decimal number of
// exactly n digits, the first one nonzero: n is length, or by default as
// many digits as the column holds for every number of that many digits
// (4 for smallint, 9 for integer, 18 for bigint, p-s for numeric(p,s), 15
// for double precision, 6 for real, 38 for an unconstrained numeric), at
// most 38 (the PRF's 128 bits). A length the column cannot hold is
// refused. The number is uniform over the 9·10^(n-1) numbers of n digits
// (see [hashNumFunc]); as a shorter hex hash is a prefix of a longer one,
// a number of up to 19 digits is, but for rounding, the leading digits of
// a longer number of the same domain. Unique needs that space to be at least 2^64, the
// bound of text hash with 16 hex digits: 20 digits or more, so a numeric
// column of at least 20 integer digits; no integer type qualifies (a
// bigint's 18 digits give 9·10^17 ≈ 2^59.6 numbers).
func newHash(p Params) (Func, error) {
	const name = "hash"
	if p.Target.Class == ClassInt || p.Target.Class == ClassNumeric {
		return newHashNumber(p)
	}
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if p.Length < 0 || p.Length > 32 {
		return nil, fmt.Errorf("%s length must be between 1 and 32 hex digits, or 0 for all 32", name)
	}
	n := p.Length
	if n == 0 {
		n = 32
	}
	if p.Unique && n < 16 {
		return nil, refuseUnique(name, fmt.Sprintf("length %d keeps only %d bits; use length 0 or at least 16", n, 4*n))
	}
	if err := checkFit(name, p.Unique, n, p.Target); err != nil {
		return nil, err
	}
	return &hashFunc{prf: p.PRF, n: n}, nil
}

// hashMaxDigits is the most decimal digits hash writes into a number
// column: 9·10^37 numbers of 38 digits are fewer than the PRF's 2^128
// outputs, 39 digits would be more.
const hashMaxDigits = 38

// hashUniqueDigits is the fewest decimal digits hash writes under unique:
// 9·10^19 numbers of 20 digits (≈ 2^66.3) are at least 2^64, 9·10^18 of
// 19 digits (≈ 2^63) are not.
const hashUniqueDigits = 20

func newHashNumber(p Params) (Func, error) {
	const name = "hash"
	room, _ := intDigits(p.Target)
	room = min(room, hashMaxDigits)
	if p.Length < 0 || p.Length > hashMaxDigits {
		return nil, fmt.Errorf("%s length into %s column is a number of decimal digits: between 1 and %d, or 0 for as many as the column holds", name, typeName(p.Target), hashMaxDigits)
	}
	n := p.Length
	if n == 0 {
		n = room
	}
	if n < 1 {
		return nil, fmt.Errorf("%s cannot write into %s column: it holds no digit before the decimal point", name, typeName(p.Target))
	}
	if err := checkDigits(name, n, p.Target); err != nil {
		return nil, fmt.Errorf("%v; give a smaller length", err)
	}
	if p.Unique && n < hashUniqueDigits {
		return nil, refuseUnique(name, fmt.Sprintf("%d decimal digits give only %s numbers, fewer than the 2^64 unique needs; drop unique (two distinct inputs then share a number with probability about %s), or write into a numeric column with at least %d digits before the decimal point, or into a text column (hex, length 0 or at least 16)",
			n, numberSpace(n), collisionOdds(n), hashUniqueDigits))
	}
	return &hashNumFunc{prf: p.PRF, n: n}, nil
}

// numberSpace says how many numbers of n digits there are, as a power of
// two: "2^59.6".
func numberSpace(n int) string {
	return fmt.Sprintf("2^%.1f", math.Log2(9)+float64(n-1)*math.Log2(10))
}

// collisionOdds is 1 in the number of numbers of n digits, as a power of
// two: "2^-59.6".
func collisionOdds(n int) string {
	return fmt.Sprintf("2^-%.1f", math.Log2(9)+float64(n-1)*math.Log2(10))
}

type hashFunc struct {
	prf PRF
	n   int
}

func (f *hashFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	for i := range f.n {
		var nib uint64
		if i < 16 {
			nib = h0 >> (60 - 4*i) & 0xf
		} else {
			nib = h1 >> (60 - 4*(i-16)) & 0xf
		}
		dst = append(dst, hexDigits[nib])
	}
	return dst, false
}

// pow10 holds 10^0 … 10^19 (10^19 < 2^64).
var pow10 = func() (p [20]uint64) {
	p[0] = 1
	for i := 1; i < len(p); i++ {
		p[i] = p[i-1] * 10
	}
	return p
}()

// hashNumFunc writes n decimal digits drawn from the rng the PRF seeds:
// the first chunk of 1 to 19 digits is 10^(c-1) + uint64n(9·10^(c-1)),
// every further chunk of 19 digits is uint64n(10^19), zero-padded.
// uint64n rejects the draws that would bias the result (Lemire's method),
// so each chunk is exactly uniform and, the chunks being independent
// draws, so is the whole number over the 9·10^(n-1) numbers of n digits.
type hashNumFunc struct {
	prf PRF
	r   rng
	n   int
}

func (f *hashNumFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	c := (f.n-1)%19 + 1
	lo := pow10[c-1]
	dst = appendPadded(dst, lo+f.r.uint64n(9*lo), c)
	for rest := f.n - c; rest > 0; rest -= 19 {
		dst = appendPadded(dst, f.r.uint64n(pow10[19]), 19)
	}
	return dst, false
}

// appendPadded appends v as exactly n decimal digits, zero-padded on the
// left; v must be below 10^n.
func appendPadded(dst []byte, v uint64, n int) []byte {
	start := len(dst)
	for range n {
		dst = append(dst, '0')
	}
	for i := len(dst) - 1; i >= start && v > 0; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
	return dst
}

func putUint64BE(b []byte, v uint64) {
	_ = b[7]
	b[0], b[1], b[2], b[3] = byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32)
	b[4], b[5], b[6], b[7] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
}
