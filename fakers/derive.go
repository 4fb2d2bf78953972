package fakers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math/bits"
	randv2 "math/rand/v2"

	"github.com/dchest/siphash"
)

// Key is a run's secret. Every fake value is a function of the key, so
// whoever holds it can test guesses ("was alice@corp.com in the dump?");
// keep it out of the config and out of the output.
type Key [32]byte

// NewKey derives a Key from secret material of any length (the contents of
// a key file, an environment variable) as
// HMAC-SHA256(key=material, msg="anondump/v1/key").
func NewKey(material []byte) Key {
	m := hmac.New(sha256.New, material)
	m.Write([]byte("anondump/v1/key"))
	var k Key
	m.Sum(k[:0])
	return k
}

// RandomKey returns a Key read from crypto/rand. Outputs made with it cannot
// be reproduced by a later run, nor related to the inputs by anyone.
func RandomKey() (Key, error) {
	var k Key
	if _, err := rand.Read(k[:]); err != nil {
		return Key{}, err
	}
	return k, nil
}

// Fingerprint names the key without revealing it, for audit records: the
// first 8 bytes, in hex, of HMAC-SHA256(key=k, msg="anondump/v1/fingerprint").
// Two runs with the same key have the same fingerprint; the fingerprint
// tells nothing about the key or about any fake value.
func (k Key) Fingerprint() string {
	m := hmac.New(sha256.New, k[:])
	m.Write([]byte("anondump/v1/fingerprint"))
	sum := m.Sum(nil)
	return hex.EncodeToString(sum[:8])
}

// Domain returns the PRF of one domain. Columns that share a domain map
// equal inputs to equal outputs; different domains are independent.
//
// The domain's 128-bit SipHash key is the first 16 bytes of
// HMAC-SHA256(key=k, msg="anondump/v1/domain\x00"+name), read as two
// little-endian words.
func (k Key) Domain(name string) PRF {
	m := hmac.New(sha256.New, k[:])
	m.Write([]byte("anondump/v1/domain\x00"))
	m.Write([]byte(name))
	var sum [sha256.Size]byte
	m.Sum(sum[:0])
	return PRF{
		k0: binary.LittleEndian.Uint64(sum[0:8]),
		k1: binary.LittleEndian.Uint64(sum[8:16]),
	}
}

// PRF is a keyed pseudo-random function (SipHash-2-4 with 128-bit output)
// bound to one key and one domain. The zero PRF is a valid but publicly
// known function: it must not be used to anonymize anything.
//
// A PRF is a small value; copying it is cheap and it is safe for concurrent
// use.
type PRF struct{ k0, k1 uint64 }

// Sum returns the 128-bit PRF output for in, as two words. It does not
// allocate.
func (p PRF) Sum(in []byte) (h0, h1 uint64) {
	return siphash.Hash128(p.k0, p.k1, in)
}

// rng is the generator a keyed transformer draws from once the PRF has
// seeded it: PCG-DXSM from math/rand/v2, which takes the full 128 PRF bits
// as its state. Seeding is O(1) and allocation-free (the state is two
// words inside the owning Func), unlike gofakeit.New or math/rand v1,
// whose seeding runs ~1,800 steps and folds the seed modulo 2^31-1.
// The PCG algorithm is fixed by its specification and pinned by the
// standard library's own tests; the golden file pins it here too.
type rng struct{ pcg randv2.PCG }

func (r *rng) seed(h0, h1 uint64) { r.pcg.Seed(h0, h1) }

// uint64n returns a uniform value in [0, n) using Lemire's multiply-shift
// method with rejection, so there is no modulo bias. n must be > 0.
func (r *rng) uint64n(n uint64) uint64 {
	hi, lo := bits.Mul64(r.pcg.Uint64(), n)
	if lo < n {
		thresh := -n % n
		for lo < thresh {
			hi, lo = bits.Mul64(r.pcg.Uint64(), n)
		}
	}
	return hi
}

// intn returns a uniform value in [0, n). n must be > 0.
func (r *rng) intn(n int) int { return int(r.uint64n(uint64(n))) }

// pick returns a uniformly chosen element of l, which must not be empty.
func (r *rng) pick(l []string) string { return l[r.intn(len(l))] }

// suffixLen is the length of the keyed suffix that unique outputs carry:
// 16 base32 characters, 80 bits.
const suffixLen = 16

const base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567"

// appendSuffix appends the top 80 bits of h0‖h1 as 16 lowercase base32
// characters.
func appendSuffix(dst []byte, h0, h1 uint64) []byte {
	for range suffixLen {
		dst = append(dst, base32Alphabet[h0>>59])
		h0 = h0<<5 | h1>>59
		h1 <<= 5
	}
	return dst
}
