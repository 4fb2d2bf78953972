package subset

import (
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/RoaringBitmap/roaring/v2/roaring64"
	"github.com/dchest/siphash"
)

// KeySet is a set of row keys. A key is the raw COPY text of one or more
// columns (as pg_dump writes them: escaped, `\N` for NULL — callers never
// pass NULL keys). A key of one column that is a canonical decimal
// integer (optional '-', no leading zeros, fits int64) is kept exactly:
// in a 64-bit Roaring bitmap where the keys are dense (more than 4096 in a
// range of 2^24 values), else in a sorted array of 3 bytes a key for its
// range (about 4.5 bytes a key for 10 million random keys below 2^40, but
// about 80 bytes a key when nearly every key has a range of its own, as
// random 64-bit or snowflake ids do). Every other key is kept as a 128-bit
// keyed hash (SipHash-128 under the set's hash key), so a false match has
// probability about n/2^128.
//
// The choice between integer and hash is made per key from its text
// alone, so equal texts always match whatever else the set holds.
//
// Add, Union and Freeze must not run at the same time as any other method;
// Contains, Len and Bytes may be called by many goroutines at once while no
// Add, Union or Freeze runs.
type KeySet struct {
	// k0, k1 key SipHash-128 for one-column keys; m0, m1 (derived from
	// them) for keys of two or more columns, so that a one-column text can
	// never match the encoding of a multi-column key.
	k0, k1 uint64
	m0, m1 uint64

	// Integer keys (sign bit flipped, see canonicalInt) are grouped by
	// their high 40 bits into ranges of 2^24 values. dir maps a range to
	// its index in sparse, or to denseRange once the range holds more than
	// sparseMax keys: from then on its keys are in the Roaring bitmap ints.
	// A sparse range keeps its keys' low 24 bits as a sorted array of
	// 3-byte big-endian values, 3 bytes a key: a Roaring bitmap of keys
	// spread thinly (10 million random keys below 2^40 put about one key in
	// each of its 2^16-value containers) costs 40 or more bytes a key.
	dir       map[uint64]int32
	sparse    [][]byte
	nsparse   int64 // keys in sparse
	sparseCap int64 // sum of the capacities of sparse
	ints      *roaring64.Bitmap

	// slots is the open-addressing hash table of hashed keys: a power of
	// two long (or nil), linear probing, {0, 0} meaning empty.
	slots [][2]uint64
	nhash int64
}

// maxLoadNum/maxLoadDen is the hash table's highest load factor.
const (
	maxLoadNum = 3
	maxLoadDen = 4
	minSlots   = 16
)

// Integer ranges: rangeBits low bits of a key are kept in its range, which
// moves to the Roaring bitmap when it would hold more than sparseMax keys.
const (
	rangeBits  = 24
	rangeMask  = 1<<rangeBits - 1
	sparseMax  = 4096
	denseRange = -1
	// dirEntryBytes estimates one dir entry plus its sparse slice header.
	dirEntryBytes = 16 + 24
)

// stackKeyBytes is the size of the on-stack buffer that encodes a
// multi-column key; longer keys borrow a buffer from bufPool.
const stackKeyBytes = 512

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// NewKeySet returns an empty set whose non-integer keys are hashed under
// hashKey. Sets that are to be merged with Union must share the hash key.
func NewKeySet(hashKey [16]byte) *KeySet {
	s := &KeySet{
		k0:   binary.LittleEndian.Uint64(hashKey[0:8]),
		k1:   binary.LittleEndian.Uint64(hashKey[8:16]),
		dir:  make(map[uint64]int32),
		ints: roaring64.New(),
	}
	s.m0, s.m1 = siphash.Hash128(s.k0, s.k1, []byte("anondump/subset: multi-column key"))
	return s
}

// Add adds the key made of fields: one field per key column, each the
// column's raw COPY text. The fields are only read during the call.
func (s *KeySet) Add(fields [][]byte) {
	if len(fields) == 1 {
		if u, ok := canonicalInt(fields[0]); ok {
			s.addInt(u)
			return
		}
	}
	h := s.hash(fields)
	s.insert(h)
}

// Contains reports whether the key made of fields is in the set. It does
// not allocate and is safe for concurrent use while no Add, Union or Freeze
// runs.
func (s *KeySet) Contains(fields [][]byte) bool {
	if len(fields) == 1 {
		if u, ok := canonicalInt(fields[0]); ok {
			return s.containsInt(u)
		}
	}
	if s.nhash == 0 {
		return false
	}
	h := s.hash(fields)
	mask := uint64(len(s.slots) - 1)
	for i := h[0] & mask; ; i = (i + 1) & mask {
		v := s.slots[i]
		if v == h {
			return true
		}
		if v == ([2]uint64{}) {
			return false
		}
	}
}

// Len returns the number of keys in the set (a hashed key counts once even
// in the unlikely event of a 128-bit collision with another key).
func (s *KeySet) Len() int64 {
	return int64(s.ints.GetCardinality()) + s.nsparse + s.nhash
}

// Union adds all keys of o to s. Both sets must have been made with the same
// hash key; Union panics otherwise, as their hashed keys cannot be compared.
func (s *KeySet) Union(o *KeySet) {
	if s.k0 != o.k0 || s.k1 != o.k1 {
		panic("subset: KeySet.Union of sets with different hash keys; make both with the same NewKeySet hash key")
	}
	if o == s {
		return
	}
	for hi, i := range o.dir {
		if i == denseRange {
			if j, ok := s.dir[hi]; ok && j != denseRange {
				s.toDense(hi, j)
			}
			s.dir[hi] = denseRange
		}
	}
	s.ints.Or(o.ints)
	for hi, i := range o.dir {
		if i == denseRange {
			continue
		}
		lows := o.sparse[i]
		for k := 0; k < len(lows); k += 3 {
			s.addInt(hi<<rangeBits | uint64(low(lows, k/3)))
		}
	}
	if o.nhash == 0 {
		return
	}
	s.reserve(s.nhash + o.nhash)
	for _, v := range o.slots {
		if v != ([2]uint64{}) {
			s.insert(v)
		}
	}
}

// Bytes returns the memory the set uses, in bytes: the Roaring bitmap's own
// estimate, the sparse integer ranges (their arrays' capacity and an
// estimate of their directory) and the hash table's slots.
func (s *KeySet) Bytes() int64 {
	return int64(s.ints.GetSizeInBytes()) + s.sparseCap + int64(len(s.dir))*dirEntryBytes + int64(len(s.slots))*16
}

// Freeze run-compresses the integer bitmap where that makes it smaller
// (sparse ranges are already compact).
// Call it once all keys are added and before the lookups start; the set
// stays usable (and may be added to) afterwards.
func (s *KeySet) Freeze() {
	s.ints.RunOptimize()
}

// addInt adds an integer key (sign bit flipped).
func (s *KeySet) addInt(u uint64) {
	hi, lo := u>>rangeBits, uint32(u&rangeMask)
	i, ok := s.dir[hi]
	if !ok {
		i = int32(len(s.sparse))
		s.dir[hi] = i
		s.sparse = append(s.sparse, nil)
	}
	if i == denseRange {
		s.ints.Add(u)
		return
	}
	lows := s.sparse[i]
	n := len(lows) / 3
	k := searchLow(lows, lo)
	if k < n && low(lows, k) == lo {
		return
	}
	if n == sparseMax {
		s.toDense(hi, i)
		s.ints.Add(u)
		return
	}
	c := cap(lows)
	lows = append(lows, 0, 0, 0)
	copy(lows[3*k+3:], lows[3*k:])
	lows[3*k], lows[3*k+1], lows[3*k+2] = byte(lo>>16), byte(lo>>8), byte(lo)
	s.sparseCap += int64(cap(lows) - c)
	s.sparse[i] = lows
	s.nsparse++
}

// toDense moves the sparse range hi, at index i of s.sparse, into the
// bitmap.
func (s *KeySet) toDense(hi uint64, i int32) {
	lows := s.sparse[i]
	for k := 0; k < len(lows)/3; k++ {
		s.ints.Add(hi<<rangeBits | uint64(low(lows, k)))
	}
	s.nsparse -= int64(len(lows) / 3)
	s.sparseCap -= int64(cap(lows))
	s.sparse[i] = nil
	s.dir[hi] = denseRange
}

// containsInt reports whether the integer key u (sign bit flipped) is in
// the set.
func (s *KeySet) containsInt(u uint64) bool {
	i, ok := s.dir[u>>rangeBits]
	if !ok {
		return false
	}
	if i == denseRange {
		return s.ints.Contains(u)
	}
	lows := s.sparse[i]
	lo := uint32(u & rangeMask)
	k := searchLow(lows, lo)
	return k < len(lows)/3 && low(lows, k) == lo
}

// low returns the k-th 3-byte value of lows.
func low(lows []byte, k int) uint32 {
	return uint32(lows[3*k])<<16 | uint32(lows[3*k+1])<<8 | uint32(lows[3*k+2])
}

// searchLow returns the index of the first value of the sorted lows that is
// not below lo (a branch-free lower bound, as a mispredicted branch
// costs more than a step).
func searchLow(lows []byte, lo uint32) int {
	n := len(lows) / 3
	if n == 0 {
		return 0
	}
	base := 0
	for n > 1 {
		half := n / 2
		// base += half if the value there is below lo, without a branch.
		base += half & int((int64(low(lows, base+half))-int64(lo))>>63)
		n -= half
	}
	if low(lows, base) < lo {
		base++
	}
	return base
}

// canonicalInt reports whether b is the canonical decimal text of an int64
// (optional '-', no leading zeros, no "-0") and returns it with its sign bit
// flipped, which maps int64 one to one onto uint64.
func canonicalInt(b []byte) (uint64, bool) {
	neg := false
	d := b
	if len(d) > 0 && d[0] == '-' {
		neg = true
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 19 || (d[0] == '0' && (len(d) > 1 || neg)) {
		return 0, false
	}
	var m uint64
	for _, c := range d {
		if c < '0' || c > '9' {
			return 0, false
		}
		m = m*10 + uint64(c-'0') // 19 digits never overflow uint64
	}
	const signBit = uint64(1) << 63
	if neg {
		if m > signBit {
			return 0, false
		}
		return (-m) ^ signBit, true
	}
	if m >= signBit {
		return 0, false
	}
	return m ^ signBit, true
}

// hash returns the 128-bit keyed hash of a key that is not kept in the
// bitmap, never {0, 0}. One field is hashed as it is; several fields are
// hashed, under the derived key, as the concatenation of each field's
// uvarint length and bytes, so that ("a","bc") and ("ab","c") differ.
func (s *KeySet) hash(fields [][]byte) [2]uint64 {
	var h0, h1 uint64
	if len(fields) == 1 {
		h0, h1 = siphash.Hash128(s.k0, s.k1, fields[0])
	} else {
		n := 0
		for _, f := range fields {
			n += binary.MaxVarintLen64 + len(f)
		}
		if n <= stackKeyBytes {
			var stack [stackKeyBytes]byte
			h0, h1 = siphash.Hash128(s.m0, s.m1, encodeFields(stack[:0], fields))
		} else {
			bp := bufPool.Get().(*[]byte)
			buf := encodeFields((*bp)[:0], fields)
			h0, h1 = siphash.Hash128(s.m0, s.m1, buf)
			*bp = buf
			bufPool.Put(bp)
		}
	}
	if h0 == 0 && h1 == 0 {
		h1 = 1
	}
	return [2]uint64{h0, h1}
}

// encodeFields appends each field's uvarint length and bytes to dst.
func encodeFields(dst []byte, fields [][]byte) []byte {
	for _, f := range fields {
		dst = binary.AppendUvarint(dst, uint64(len(f)))
		dst = append(dst, f...)
	}
	return dst
}

// insert adds a hash (not {0, 0}) to the table, growing it first if the new
// entry would push the load factor over maxLoadNum/maxLoadDen.
func (s *KeySet) insert(h [2]uint64) {
	s.reserve(s.nhash + 1)
	mask := uint64(len(s.slots) - 1)
	for i := h[0] & mask; ; i = (i + 1) & mask {
		v := s.slots[i]
		if v == h {
			return
		}
		if v == ([2]uint64{}) {
			s.slots[i] = h
			s.nhash++
			return
		}
	}
}

// reserve makes the table large enough for n hashes within the load factor.
func (s *KeySet) reserve(n int64) {
	size := int64(len(s.slots))
	if n*maxLoadDen <= size*maxLoadNum {
		return
	}
	if size == 0 {
		size = minSlots
	}
	for n*maxLoadDen > size*maxLoadNum {
		size *= 2
	}
	old := s.slots
	s.slots = make([][2]uint64, size)
	mask := uint64(size - 1)
	for _, v := range old {
		if v == ([2]uint64{}) {
			continue
		}
		i := v[0] & mask
		for s.slots[i] != ([2]uint64{}) {
			i = (i + 1) & mask
		}
		s.slots[i] = v
	}
}

// String describes the set for debugging: its key counts and memory.
func (s *KeySet) String() string {
	return fmt.Sprintf("KeySet{ints: %d, hashed: %d, bytes: %d}", int64(s.ints.GetCardinality())+s.nsparse, s.nhash, s.Bytes())
}
