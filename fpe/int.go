package fpe

import (
	"errors"
	"fmt"
	"math/bits"
	"strconv"
)

// ErrRange is returned by Int for a value outside its range.
var ErrRange = errors.New("fpe: integer outside the range of the permutation")

// ErrSyntax is returned by Int.Append for text that is not a decimal
// integer.
var ErrSyntax = errors.New("fpe: not a decimal integer")

// Int is a keyed permutation of the integers in [lo, hi]: every value of
// the range maps to a value of the range, distinct values to distinct
// values. Use the range of the column's type (smallint, integer, bigint)
// or a part of it ([1, 2^31-1] keeps positive keys positive).
//
// A range of n >= MinDomain values is permuted by FF1 with radix 2 on
// the L-bit offset x-lo, where L is the bit length of n-1, so 2^L < 2n; an
// image outside the range is encrypted again (cycle-walking) until it
// falls inside, which takes fewer than 2 encryptions on average. A range
// of fewer values is permuted by a keyed table (see the package doc).
//
// An Int is not safe for concurrent use; Clone gives one for another
// goroutine, sharing the key schedule and the table.
type Int struct {
	lo    int64
	max   uint64 // hi - lo: the offsets are [0, max]
	ff    *FF1   // radix 2, for ranges of at least MinDomain values
	u, v  int    // the FF1 halves: L = u + v bits
	tweak []byte
	tbl   *table // for smaller ranges
}

// NewInt returns the permutation of [lo, hi] under an AES key of 16, 24
// or 32 bytes and a tweak (which may be empty). A range of fewer than
// MinDomain values has its table built here (at most 8 MB, a few
// milliseconds).
func NewInt(key []byte, lo, hi int64, tweak []byte) (*Int, error) {
	if lo > hi {
		return nil, fmt.Errorf("fpe: empty integer range [%d, %d]", lo, hi)
	}
	ff, err := NewFF1(key, 2)
	if err != nil {
		return nil, err
	}
	p := &Int{lo: lo, max: uint64(hi) - uint64(lo), ff: ff, tweak: append([]byte(nil), tweak...)}
	if p.max < MinDomain-1 {
		p.tbl = newTable(ff.block, tableInt, p.tweak, int(p.max)+1)
		p.tbl.get()
		return p, nil
	}
	l := bits.Len64(p.max)
	p.u = l / 2
	p.v = l - p.u
	return p, nil
}

// Clone returns an Int with the same key, range and tweak and its own
// scratch state, for use in another goroutine.
func (p *Int) Clone() *Int {
	q := *p
	q.ff = p.ff.Clone()
	return &q
}

// Encrypt returns the image of x, which must be in the range (else
// ErrRange).
func (p *Int) Encrypt(x int64) (int64, error) { return p.crypt(x, false) }

// Decrypt returns the value whose image is y; it inverts Encrypt.
func (p *Int) Decrypt(y int64) (int64, error) { return p.crypt(y, true) }

func (p *Int) crypt(x int64, decrypt bool) (int64, error) {
	off := uint64(x) - uint64(p.lo)
	if off > p.max {
		return 0, ErrRange
	}
	if p.tbl != nil {
		fwd, inv := p.tbl.get()
		if decrypt {
			off = uint64(inv[off])
		} else {
			off = uint64(fwd[off])
		}
		return int64(off + uint64(p.lo)), nil
	}
	mask := uint64(1)<<p.v - 1
	for {
		a, b := off>>p.v, off&mask
		if decrypt {
			a, b = p.ff.decryptNum(a, b, p.u, p.v, p.tweak)
		} else {
			a, b = p.ff.encryptNum(a, b, p.u, p.v, p.tweak)
		}
		off = a<<p.v | b
		if off <= p.max {
			return int64(off + uint64(p.lo)), nil
		}
	}
}

// Append parses in as a decimal integer (an optional sign and digits, as
// PostgreSQL writes integers), encrypts it and appends the image in
// decimal to dst. On error (ErrSyntax, ErrRange) dst is returned
// unchanged. It does not allocate beyond dst's growth.
func (p *Int) Append(dst, in []byte) ([]byte, error) {
	x, err := parseInt(in)
	if err != nil {
		return dst, err
	}
	y, err := p.Encrypt(x)
	if err != nil {
		return dst, err
	}
	return strconv.AppendInt(dst, y, 10), nil
}

// parseInt parses [+-]digits into an int64, refusing overflow.
func parseInt(in []byte) (int64, error) {
	neg := false
	if len(in) > 0 && (in[0] == '-' || in[0] == '+') {
		neg = in[0] == '-'
		in = in[1:]
	}
	if len(in) == 0 {
		return 0, ErrSyntax
	}
	var v uint64
	for _, c := range in {
		if c < '0' || c > '9' {
			return 0, ErrSyntax
		}
		hi, lo := bits.Mul64(v, 10)
		lo, carry := bits.Add64(lo, uint64(c-'0'), 0)
		if hi != 0 || carry != 0 {
			return 0, ErrRange
		}
		v = lo
	}
	if neg {
		if v > 1<<63 {
			return 0, ErrRange
		}
		return int64(-v), nil
	}
	if v > 1<<63-1 {
		return 0, ErrRange
	}
	return int64(v), nil
}
