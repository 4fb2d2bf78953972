package kanon

import (
	"crypto/rand"
	"encoding/binary"
	"math/bits"
)

// The class key of a row is a pair of polynomial hashes over the prime
// field of p = 2^61-1, each under its own random point r (drawn once per
// process from crypto/rand, so every counter of a process agrees and
// counters can be merged).
//
// A row is first encoded as a sequence of field elements, injectively:
// per QI column, 0 for NULL; otherwise len(value)+1 followed by the
// value's bytes in 7-byte little-endian chunks (the last one shorter).
// The total number of elements N is appended. The hash of the sequence
// e_1 … e_m is the polynomial e_1·r^(m-1) + … + e_m evaluated at r.
//
// Two distinct rows give distinct sequences, so their difference is a
// nonzero polynomial of degree at most m (if the lengths differ, the
// last elements, the lengths, differ). Such a polynomial has at most m
// roots, so under a random r two rows collide in one lane with
// probability at most m/p, and in both independent lanes with at most
// (m/p)^2. For n distinct classes of rows of up to m elements the chance
// of any collision is at most n^2/2 · (m/p)^2: with n = 10^9 classes of
// rows of 1 KiB (m ≈ 150) it is about 2·10^-15. The bound holds for any
// data, even data chosen to collide, since the data cannot depend on r.
// The key is 128 bits wide and holds 122 of hash.

const prime = 1<<61 - 1

// lanes are the two random evaluation points, in [1, p-1].
var lanes = func() (r [2]uint64) {
	var b [8]byte
	for i := range r {
		for r[i] == 0 || r[i] >= prime {
			rand.Read(b[:])
			r[i] = binary.LittleEndian.Uint64(b[:]) & prime
		}
	}
	return r
}()

// powers[i][n] is lanes[i]^n, for short columns.
var powers = func() (pw [2][64]uint64) {
	for i := range pw {
		pw[i][0] = 1
		for n := 1; n < len(pw[i]); n++ {
			pw[i][n] = mulmod(pw[i][n-1], lanes[i])
		}
	}
	return pw
}()

// mulmod returns a·b mod p for a, b < p.
func mulmod(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	// a·b < 2^122, and 2^61 ≡ 1 (mod p): fold the high bits onto the low.
	r := lo&prime + (lo>>61 | hi<<3)
	if r >= prime {
		r -= prime
	}
	return r
}

// addmod returns a+e mod p for a, e < p.
func addmod(a, e uint64) uint64 {
	r := a + e
	if r >= prime {
		r -= prime
	}
	return r
}

// pow returns lanes[i]^n.
func pow(i int, n uint64) uint64 {
	if n < uint64(len(powers[i])) {
		return powers[i][n]
	}
	r, b := uint64(1), lanes[i]
	for ; n > 0; n >>= 1 {
		if n&1 != 0 {
			r = mulmod(r, b)
		}
		b = mulmod(b, b)
	}
	return r
}

// part is the hash of one column's elements: h in each lane and the
// number of elements n.
type part struct {
	h [2]uint64
	n uint64
}

// hashValue returns the part of one field.
func hashValue(v []byte, null bool) part {
	if null {
		return part{n: 1} // the element 0
	}
	e := uint64(len(v)) + 1
	p := part{h: [2]uint64{e, e}, n: 1}
	r0, r1 := lanes[0], lanes[1]
	for len(v) >= 8 {
		e = binary.LittleEndian.Uint64(v) & (1<<56 - 1)
		p.h[0] = addmod(mulmod(p.h[0], r0), e)
		p.h[1] = addmod(mulmod(p.h[1], r1), e)
		p.n++
		v = v[7:]
	}
	if len(v) > 0 {
		e = 0
		for i := len(v) - 1; i >= 0; i-- {
			e = e<<8 | uint64(v[i])
		}
		p.h[0] = addmod(mulmod(p.h[0], r0), e)
		p.h[1] = addmod(mulmod(p.h[1], r1), e)
		p.n++
	}
	return p
}

// keyer folds the parts of a row's columns, left to right, into its key.
type keyer struct {
	h [2]uint64
	n uint64
}

// add appends one column's elements.
func (k *keyer) add(p part) {
	k.h[0] = addmod(mulmod(k.h[0], pow(0, p.n)), p.h[0])
	k.h[1] = addmod(mulmod(k.h[1], pow(1, p.n)), p.h[1])
	k.n += p.n
}

// key appends the number of elements and returns the row's key.
func (k *keyer) key() [2]uint64 {
	n := k.n % prime
	return [2]uint64{
		addmod(mulmod(k.h[0], lanes[0]), n),
		addmod(mulmod(k.h[1], lanes[1]), n),
	}
}
