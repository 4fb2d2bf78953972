package fpe

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"math/bits"
	"sync"
)

// table is a keyed permutation of [0, n) for a domain too small for FF1
// (n < MinDomain): a Fisher–Yates shuffle driven by an AES-CTR stream
// under a key derived from the FF1 key, the kind of domain, the tweak and
// n. Given AES as a
// pseudorandom function, it is a uniformly random permutation of [0, n),
// so it has none of the weaknesses of FF1 on small domains; what remains
// is what any permutation of a small set leaks (see the package doc).
//
// A table is built at most once, on first use, and is then read-only:
// it is safe for concurrent use.
type table struct {
	once  sync.Once
	block cipher.Block
	kind  byte // tableDigits or tableInt: the same key, tweak and n give unrelated tables
	tweak []byte
	n     int
	fwd   []uint32 // fwd[x] is the image of x
	inv   []uint32 // inv[fwd[x]] == x
}

// The kinds of table: the last byte of the label that derives its key.
const (
	tableDigits = 'd'
	tableInt    = 'i'
)

// tableLabel starts the message that derives a table's key, followed by
// its kind. FF1's own CBC-MAC messages start with the block P, whose
// first byte is 1, so the two sets of messages stay apart (and each set
// is prefix-free).
var tableLabel = [15]byte{'a', 'n', 'o', 'n', 'd', 'u', 'm', 'p', '/', 'f', 'p', 'e', '/', 't', '/'}

func newTable(block cipher.Block, kind byte, tweak []byte, n int) *table {
	return &table{block: block, kind: kind, tweak: append([]byte(nil), tweak...), n: n}
}

// get returns the permutation and its inverse, building them on first use.
func (t *table) get() (fwd, inv []uint32) {
	t.once.Do(t.build)
	return t.fwd, t.inv
}

func (t *table) build() {
	// The shuffle key: CBC-MAC under the FF1 key of
	// label || kind || [n]^8 || [len(tweak)]^8 || tweak || zero padding.
	var y, blk [16]byte
	copy(blk[:], tableLabel[:])
	blk[15] = t.kind
	t.block.Encrypt(y[:], blk[:])
	binary.BigEndian.PutUint64(blk[0:8], uint64(t.n))
	binary.BigEndian.PutUint64(blk[8:16], uint64(len(t.tweak)))
	for j := range 16 {
		y[j] ^= blk[j]
	}
	t.block.Encrypt(y[:], y[:])
	for off := 0; off < len(t.tweak); off += 16 {
		blk = [16]byte{}
		copy(blk[:], t.tweak[off:])
		for j := range 16 {
			y[j] ^= blk[j]
		}
		t.block.Encrypt(y[:], y[:])
	}
	shuffle, err := aes.NewCipher(y[:])
	if err != nil {
		panic(err) // a 16-byte key is always accepted
	}
	stream := cipher.NewCTR(shuffle, make([]byte, 16))
	buf := make([]byte, 4096)
	pos := len(buf)
	next := func() uint64 {
		if pos == len(buf) {
			clear(buf)
			stream.XORKeyStream(buf, buf)
			pos = 0
		}
		v := binary.LittleEndian.Uint64(buf[pos:])
		pos += 8
		return v
	}
	// uniform returns a uniform value in [0, m) (Lemire's multiply-shift
	// with rejection, so there is no modulo bias).
	uniform := func(m uint64) uint64 {
		hi, lo := bits.Mul64(next(), m)
		if lo < m {
			thresh := -m % m
			for lo < thresh {
				hi, lo = bits.Mul64(next(), m)
			}
		}
		return hi
	}
	fwd := make([]uint32, t.n)
	for i := range fwd {
		fwd[i] = uint32(i)
	}
	for i := t.n - 1; i > 0; i-- {
		j := uniform(uint64(i) + 1)
		fwd[i], fwd[j] = fwd[j], fwd[i]
	}
	inv := make([]uint32, t.n)
	for x, y := range fwd {
		inv[y] = uint32(x)
	}
	t.fwd, t.inv = fwd, inv
}
