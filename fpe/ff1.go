package fpe

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
)

// MinDomain is the smallest domain FF1 accepts: radix^n must be at least
// 1,000,000 (NIST SP 800-38G Rev. 1).
const MinDomain = 1_000_000

// MaxRadix is the largest radix FF1 accepts here. The standard allows up
// to 2^16; numerals are bytes and the radices anondump needs are 2 and 10,
// with 36 (digits and lowercase letters) for the published vectors.
const MaxRadix = 36

// rounds is the number of Feistel rounds of FF1.
const rounds = 10

// ErrDomainTooSmall is returned by FF1 for a numeral string whose domain,
// radix^length, is below MinDomain, or whose length is below 2.
var ErrDomainTooSmall = errors.New("fpe: domain below FF1's minimum of 1,000,000 values (NIST SP 800-38G)")

// ErrNumeral is returned for a numeral that is not below the radix.
var ErrNumeral = errors.New("fpe: numeral not below the radix")

// FF1 is the FF1 mode of NIST SP 800-38G (Algorithms 7 and 8) over AES,
// for one key and one radix. Numeral strings are byte slices of digit
// values in [0, radix): the decimal string "0123" is []byte{0, 1, 2, 3}.
//
// Encryption is allocation-free when radix^ceil(n/2) < 2^64 (for radix
// 10: up to 38 numerals; for radix 2: up to 126). Longer strings take a
// general path with math/big, which allocates.
//
// An FF1 keeps scratch state: it is not safe for concurrent use. Clone
// gives a copy for another goroutine.
type FF1 struct {
	block cipher.Block
	radix int
	pow   []uint64 // pow[k] = radix^k for every k with radix^k < 2^64
	inv   []uint64 // inv[k] = floor((2^64-1) / pow[k]), for Barrett reduction
	bytes []int    // bytes[k] = b for v = k: the byte length of radix^k - 1

	// Scratch, for the numeral length and tweak of the last call: the
	// CBC-MAC state after P and all of Q but its last block, XORed with
	// the tweak bytes of that last block.
	cacheN       int
	cacheT       []byte
	cacheOK      bool
	y0           [16]byte
	base0, base1 uint64 // y0 as two big-endian words
	b            int    // the byte length b of NUM(B) for cacheN
	blk, out     [16]byte
}

// NewFF1 returns FF1 with an AES key of 16, 24 or 32 bytes (AES-128, -192
// or -256) and a radix in [2, MaxRadix].
func NewFF1(key []byte, radix int) (*FF1, error) {
	if radix < 2 || radix > MaxRadix {
		return nil, fmt.Errorf("fpe: radix %d is outside [2, %d]", radix, MaxRadix)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("fpe: the key must be 16, 24 or 32 bytes (AES-128, -192, -256), not %d", len(key))
	}
	c := &FF1{block: block, radix: radix}
	c.pow = append(c.pow, 1)
	c.inv = append(c.inv, ^uint64(0))
	c.bytes = append(c.bytes, 0)
	for {
		hi, p := bits.Mul64(c.pow[len(c.pow)-1], uint64(radix))
		if hi != 0 {
			break
		}
		c.pow = append(c.pow, p)
		c.inv = append(c.inv, ^uint64(0)/p)
		c.bytes = append(c.bytes, (bits.Len64(p-1)+7)/8)
	}
	return c, nil
}

// Clone returns an FF1 with the same key and radix and its own scratch
// state, for use in another goroutine.
func (c *FF1) Clone() *FF1 {
	return &FF1{block: c.block, radix: c.radix, pow: c.pow, inv: c.inv, bytes: c.bytes}
}

// Radix returns the radix c was made with.
func (c *FF1) Radix() int { return c.radix }

// Encrypt writes the FF1 encryption of the numeral string x under tweak to
// dst, which must have x's length (it may be x itself). The length n of x
// must satisfy n >= 2 and radix^n >= MinDomain (else ErrDomainTooSmall),
// and every numeral must be below the radix (else ErrNumeral).
func (c *FF1) Encrypt(dst, x, tweak []byte) error { return c.crypt(dst, x, tweak, false) }

// Decrypt writes the FF1 decryption of the numeral string x under tweak to
// dst; it inverts Encrypt and has the same rules.
func (c *FF1) Decrypt(dst, x, tweak []byte) error { return c.crypt(dst, x, tweak, true) }

func (c *FF1) crypt(dst, x, tweak []byte, decrypt bool) error {
	n := len(x)
	if len(dst) != n {
		return fmt.Errorf("fpe: destination of %d numerals for a string of %d", len(dst), n)
	}
	if !c.domainOK(n) {
		return ErrDomainTooSmall
	}
	if uint64(n) > 1<<32-1 || uint64(len(tweak)) > 1<<32-1 {
		return errors.New("fpe: numeral string or tweak longer than 2^32-1")
	}
	for _, d := range x {
		if int(d) >= c.radix {
			return ErrNumeral
		}
	}
	u := n / 2
	v := n - u
	if v >= len(c.pow) {
		return c.cryptBig(dst, x, tweak, decrypt)
	}
	a := c.num(x[:u])
	b := c.num(x[u:])
	if decrypt {
		a, b = c.decryptNum(a, b, u, v, tweak)
	} else {
		a, b = c.encryptNum(a, b, u, v, tweak)
	}
	c.str(dst[:u], a)
	c.str(dst[u:], b)
	return nil
}

// domainOK reports whether n numerals make a domain FF1 accepts.
func (c *FF1) domainOK(n int) bool {
	if n < 2 {
		return false
	}
	return n >= len(c.pow) || c.pow[n] >= MinDomain
}

// num returns NUM_radix(x); the caller guarantees it fits in a uint64.
func (c *FF1) num(x []byte) uint64 {
	var v uint64
	r := uint64(c.radix)
	for _, d := range x {
		v = v*r + uint64(d)
	}
	return v
}

// str writes STR^len(dst)_radix(v) to dst.
func (c *FF1) str(dst []byte, v uint64) {
	if c.radix == 10 { // division by a constant is a multiplication
		for i := len(dst) - 1; i >= 0; i-- {
			dst[i] = byte(v % 10)
			v /= 10
		}
		return
	}
	r := uint64(c.radix)
	for i := len(dst) - 1; i >= 0; i-- {
		dst[i] = byte(v % r)
		v /= r
	}
}

// prefix sets c.y0 to the CBC-MAC state after P and the blocks of Q that
// do not change from round to round (T and the zero padding, up to Q's
// last block), for n numerals split as u+v. It keeps the result for the
// next call with the same length and tweak.
func (c *FF1) prefix(u, v int, tweak []byte) {
	n := u + v
	if c.cacheOK && c.cacheN == n && bytes.Equal(c.cacheT, tweak) {
		return
	}
	t := len(tweak)
	b := c.bytes[v]
	// P = [1]^1 || [2]^1 || [1]^1 || [radix]^3 || [10]^1 || [u mod 256]^1 || [n]^4 || [t]^4
	p := &c.blk
	p[0], p[1], p[2] = 1, 2, 1
	p[3], p[4], p[5] = byte(c.radix>>16), byte(c.radix>>8), byte(c.radix)
	p[6], p[7] = 10, byte(u)
	binary.BigEndian.PutUint32(p[8:12], uint32(n))
	binary.BigEndian.PutUint32(p[12:16], uint32(t))
	c.block.Encrypt(c.y0[:], p[:])
	// Q = T || [0]^((-t-b-1) mod 16) || [i]^1 || [NUM(B)]^b; 1+b <= 9, so
	// [i] and NUM(B) lie in Q's last block and everything before it is T
	// and zeros.
	qlen := t + b + 1
	qlen += (16 - qlen%16) % 16
	for off := 0; off < qlen; off += 16 {
		for j := range 16 {
			if off+j < t {
				c.y0[j] ^= tweak[off+j]
			}
		}
		if off+16 < qlen {
			c.block.Encrypt(c.y0[:], c.y0[:])
		}
	}
	// y0 is now the state XORed with the tweak bytes of Q's last block;
	// round adds [i] and NUM(B) and encrypts.
	c.base0 = binary.BigEndian.Uint64(c.y0[0:8])
	c.base1 = binary.BigEndian.Uint64(c.y0[8:16])
	c.b = b
	c.cacheN, c.cacheOK = n, true
	c.cacheT = append(c.cacheT[:0], tweak...)
}

// round returns y mod radix^m for one Feistel round: y = NUM(S), where S
// is the first d bytes of R = PRF(P || Q) and Q ends in [i]^1 ||
// [NUM(x)]^b (x is B when encrypting, A when decrypting). prefix must
// have run for this length and tweak.
func (c *FF1) round(i int, x uint64, m int) uint64 {
	// The last block of Q, XORed with the CBC-MAC state: the constant
	// part from prefix, then i and x in its last 1+b bytes.
	b := c.b
	w0, w1 := c.base0, c.base1
	if b < 8 {
		w1 ^= uint64(i)<<(8*b) ^ x
	} else {
		w0 ^= uint64(i)
		w1 ^= x
	}
	binary.BigEndian.PutUint64(c.blk[0:8], w0)
	binary.BigEndian.PutUint64(c.blk[8:16], w1)
	c.block.Encrypt(c.out[:], c.blk[:])
	// d = 4*ceil(b/4) + 4 <= 12: S is the first d bytes of R.
	r := &c.out
	mod := c.pow[m]
	if b > 4 {
		hi := uint64(binary.BigEndian.Uint32(r[0:4]))
		return bits.Rem64(hi, binary.BigEndian.Uint64(r[4:12]), mod)
	}
	// b <= 4, so mod <= 2^32. Barrett reduction: quo is floor(y/mod) or
	// one less, so y - quo*mod is below 2*mod, which fits.
	y := binary.BigEndian.Uint64(r[0:8])
	quo, _ := bits.Mul64(y, c.inv[m])
	y -= quo * mod
	if y >= mod {
		y -= mod
	}
	return y
}

// encryptNum runs the ten rounds of FF1 encryption on A = a (u numerals)
// and B = b (v numerals) and returns the final A and B. radix^v must fit
// in a uint64.
func (c *FF1) encryptNum(a, b uint64, u, v int, tweak []byte) (uint64, uint64) {
	c.prefix(u, v, tweak)
	for i := range rounds {
		m := u
		if i%2 == 1 {
			m = v
		}
		y := c.round(i, b, m)
		mod := c.pow[m]
		s, carry := bits.Add64(a, y, 0)
		if carry != 0 || s >= mod {
			s -= mod
		}
		a, b = b, s
	}
	return a, b
}

// decryptNum inverts encryptNum.
func (c *FF1) decryptNum(a, b uint64, u, v int, tweak []byte) (uint64, uint64) {
	c.prefix(u, v, tweak)
	for i := rounds - 1; i >= 0; i-- {
		m := u
		if i%2 == 1 {
			m = v
		}
		y := c.round(i, a, m)
		s := b - y
		if b < y {
			s += c.pow[m]
		}
		b, a = a, s
	}
	return a, b
}

// cryptBig is FF1 written from the standard with math/big, for strings
// too long for the uint64 path. It allocates.
func (c *FF1) cryptBig(dst, x, tweak []byte, decrypt bool) error {
	n := len(x)
	u := n / 2
	v := n - u
	t := len(tweak)
	radix := big.NewInt(int64(c.radix))
	numBig := func(s []byte) *big.Int {
		z := new(big.Int)
		for _, d := range s {
			z.Mul(z, radix)
			z.Add(z, big.NewInt(int64(d)))
		}
		return z
	}
	strBig := func(dst []byte, z *big.Int) {
		z = new(big.Int).Set(z)
		m := new(big.Int)
		for i := len(dst) - 1; i >= 0; i-- {
			z.DivMod(z, radix, m)
			dst[i] = byte(m.Int64())
		}
	}
	powU := new(big.Int).Exp(radix, big.NewInt(int64(u)), nil)
	powV := new(big.Int).Exp(radix, big.NewInt(int64(v)), nil)
	// b = ceil(ceil(v*log2(radix))/8): ceil(v*log2(radix)) is the bit
	// length of radix^v - 1.
	b := (new(big.Int).Sub(powV, big.NewInt(1)).BitLen() + 7) / 8
	d := 4*((b+3)/4) + 4

	var p [16]byte
	p[0], p[1], p[2] = 1, 2, 1
	p[3], p[4], p[5] = byte(c.radix>>16), byte(c.radix>>8), byte(c.radix)
	p[6], p[7] = 10, byte(u)
	binary.BigEndian.PutUint32(p[8:12], uint32(n))
	binary.BigEndian.PutUint32(p[12:16], uint32(t))
	pad := ((-t-b-1)%16 + 16) % 16
	q := make([]byte, t+pad+1+b)
	copy(q, tweak)
	msg := make([]byte, 16+len(q))
	s := make([]byte, (d+15)/16*16)
	var r, blk [16]byte

	A, B := numBig(x[:u]), numBig(x[u:])
	y := new(big.Int)
	for k := range rounds {
		i := k
		if decrypt {
			i = rounds - 1 - k
		}
		src := B
		if decrypt {
			src = A
		}
		q[t+pad] = byte(i)
		clear(q[t+pad+1:])
		src.FillBytes(q[t+pad+1:])
		copy(msg, p[:])
		copy(msg[16:], q)
		// R = PRF(P || Q): CBC-MAC with a zero IV.
		r = [16]byte{}
		for off := 0; off < len(msg); off += 16 {
			for j := range 16 {
				r[j] ^= msg[off+j]
			}
			c.block.Encrypt(r[:], r[:])
		}
		// S = R || CIPH(R xor [1]^16) || CIPH(R xor [2]^16) || ..., cut to d bytes.
		copy(s, r[:])
		for j := 1; j*16 < len(s); j++ {
			blk = r
			var jb [8]byte
			binary.BigEndian.PutUint64(jb[:], uint64(j))
			for k := range 8 {
				blk[8+k] ^= jb[k]
			}
			c.block.Encrypt(s[16*j:16*j+16], blk[:])
		}
		y.SetBytes(s[:d])
		m := powU
		if i%2 == 1 {
			m = powV
		}
		if decrypt {
			cc := new(big.Int).Sub(B, y)
			cc.Mod(cc, m)
			B, A = A, cc
		} else {
			cc := new(big.Int).Add(A, y)
			cc.Mod(cc, m)
			A, B = B, cc
		}
	}
	strBig(dst[:u], A)
	strBig(dst[u:], B)
	return nil
}
