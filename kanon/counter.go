package kanon

import (
	"errors"
	"fmt"
	"math"
)

// MaxK is the largest k a [Counter] accepts; its histogram has k entries.
const MaxK = 1 << 16

// A Counter counts the equivalence classes of one table's quasi-identifier
// columns. Create it with [NewCounter], [Counter.Add] every row, and read
// [Counter.Result] at the end.
//
// It stores no value: each row is reduced to a 128-bit key, a pair of
// polynomial hashes modulo 2^61-1 at two random points. Any two distinct
// rows collide with probability at most (m/2^61)^2, where m is the number
// of 7-byte chunks of the longer row, whatever the data; over 10^9
// classes of 1 KiB rows the chance of a single collision is about 2·10^-15.
// A collision would merge two classes and could only make the table look
// safer by that one merge. Keys live only in memory and are never written.
//
// Memory is one 24-byte slot per class in a table that doubles at 3/4
// load: 32 to 64 bytes per distinct class. Add does not allocate, except
// when the table grows.
//
// A Counter is not safe for concurrent use: give each worker its own and
// [Counter.Merge] them.
type Counter struct {
	cols int
	k    int
	rows int64
	t    table
}

// NewCounter returns a counter for rows of columns quasi-identifier
// values and the threshold k (1 <= k <= [MaxK]).
func NewCounter(columns, k int) (*Counter, error) {
	if columns < 1 {
		return nil, fmt.Errorf("k-anonymity needs at least one quasi-identifier column, got %d", columns)
	}
	if k < 1 || k > MaxK {
		return nil, fmt.Errorf("k-anonymity: k must be between 1 and %d, got %d", MaxK, k)
	}
	return &Counter{cols: columns, k: k}, nil
}

// Columns returns the number of quasi-identifier columns.
func (c *Counter) Columns() int { return c.cols }

// K returns the threshold.
func (c *Counter) K() int { return c.k }

// Rows returns the number of rows added.
func (c *Counter) Rows() int64 { return c.rows }

// Classes returns the number of distinct classes so far.
func (c *Counter) Classes() int { return c.t.used }

// Bytes returns the memory the counter holds, in bytes: its slot table.
func (c *Counter) Bytes() int64 { return int64(len(c.t.slots)) * slotBytes }

// Add counts one row: values[i] is the output value of quasi-identifier
// column i and nulls[i] whether it is NULL (then values[i] is ignored).
// A nil nulls means no NULL. Add retains neither slice. It panics if the
// row does not have Columns values.
//
// The values may also be the raw COPY text fields of the output rather
// than their decoded values, when every field is in the canonical form
// pg_dump and anondump write: that escaping is one-to-one, so the
// classes are the same and no decoding is needed. Input written by other
// tools can spell one value two ways ('A' and '\101'), which would split
// a class and hide a small one: decode such fields. Generalization steps
// ([Advisor]) see the escaped text, which differs from the value only
// where it holds a backslash or a control character.
func (c *Counter) Add(values [][]byte, nulls []bool) {
	if len(values) != c.cols || nulls != nil && len(nulls) != c.cols {
		panic(fmt.Sprintf("kanon: Add got %d values and %d null flags for %d columns", len(values), len(nulls), c.cols))
	}
	var k keyer
	for i, v := range values {
		k.add(hashValue(v, nulls != nil && nulls[i]))
	}
	c.addKey(k.key(), 1)
}

// addKey counts n rows of the class key and returns its slot (valid
// until the next addKey) and whether the class is new.
func (c *Counter) addKey(key [2]uint64, n uint32) (*slot, bool) {
	c.rows += int64(n)
	return c.t.add(key, n)
}

// Merge adds the counts of other, a counter of the same columns and k,
// to c. other is left as it is.
func (c *Counter) Merge(other *Counter) error {
	if other.cols != c.cols || other.k != c.k {
		return fmt.Errorf("kanon: cannot merge a counter of %d columns and k=%d into one of %d columns and k=%d", other.cols, other.k, c.cols, c.k)
	}
	if other == c {
		return errors.New("kanon: cannot merge a counter into itself")
	}
	c.rows += other.rows
	c.t.reserve(c.t.used + other.t.used)
	for _, s := range other.t.slots {
		if s.a != 0 {
			c.t.add(s.key(), s.n)
		}
	}
	return nil
}

// Result is what a report needs to know about one table's classes.
type Result struct {
	// K is the threshold.
	K int `json:"k"`
	// Rows is the number of rows counted.
	Rows int64 `json:"rows"`
	// Classes is the number of distinct classes (combinations of the
	// quasi-identifiers' values).
	Classes int64 `json:"classes"`
	// Smallest is the size of the smallest class (0 without rows).
	Smallest int64 `json:"smallest_class"`
	// ClassesBelowK is the number of classes of fewer than K rows.
	ClassesBelowK int64 `json:"classes_below_k"`
	// RowsBelowK is the number of rows in those classes: the rows that
	// are not k-anonymous.
	RowsBelowK int64 `json:"rows_below_k"`
	// Sizes is the histogram of class sizes, K entries: Sizes[i] is the
	// number of classes of i+1 rows for i < K-1, and Sizes[K-1] the
	// number of classes of K rows or more.
	Sizes []int64 `json:"class_sizes"`
}

// OK reports whether every row is in a class of at least K rows.
func (r Result) OK() bool { return r.RowsBelowK == 0 }

// Result returns the statistics of the rows added so far. It walks the
// whole table, once.
func (c *Counter) Result() Result {
	r := Result{K: c.k, Rows: c.rows, Classes: int64(c.t.used), Sizes: make([]int64, c.k)}
	smallest := int64(math.MaxInt64)
	for _, s := range c.t.slots {
		if s.a == 0 {
			continue
		}
		n := int64(s.n)
		smallest = min(smallest, n)
		if n < int64(c.k) {
			r.ClassesBelowK++
			r.RowsBelowK += n
			r.Sizes[n-1]++
		} else {
			r.Sizes[c.k-1]++
		}
	}
	if r.Classes > 0 {
		r.Smallest = smallest
	}
	return r
}

// occupied marks a used slot: keys are below 2^61, so the high bit is free.
const occupied = 1 << 63

// slotBytes is the size of a slot.
const slotBytes = 24

// slot is one class: its key (a carries the occupied bit) and its rows,
// saturated at 2^32-1. As k <= MaxK, saturation changes no statistic of
// a Result but Smallest, when every class has 2^32 rows or more. idx,
// in what would be padding, is the class's number for an [Advisor].
type slot struct {
	a, b uint64
	n    uint32
	idx  uint32
}

// key returns the slot's class key.
func (s *slot) key() [2]uint64 { return [2]uint64{s.a &^ occupied, s.b} }

// table is an open-addressing hash table of slots with linear probing.
type table struct {
	slots []slot // len is a power of two, or 0
	used  int
	shift uint // 64 - log2(len(slots))
}

const minSlots = 16

// add adds n to the count of key, inserting it if new, and returns its
// slot (valid until the next add) and whether it is new.
func (t *table) add(key [2]uint64, n uint32) (*slot, bool) {
	if 4*(t.used+1) > 3*len(t.slots) {
		t.resize(max(minSlots, 2*len(t.slots)))
	}
	a, b := key[0]|occupied, key[1]
	mask := uint64(len(t.slots) - 1)
	for i := a * 0x9e3779b97f4a7c15 >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.a == a && s.b == b {
			if s.n > math.MaxUint32-n {
				s.n = math.MaxUint32
			} else {
				s.n += n
			}
			return s, false
		}
		if s.a == 0 {
			*s = slot{a: a, b: b, n: n}
			t.used++
			return s, true
		}
	}
}

// reserve grows the table so that it holds n classes without growing.
func (t *table) reserve(n int) {
	size := max(minSlots, len(t.slots))
	for 4*n > 3*size {
		size *= 2
	}
	if size > len(t.slots) {
		t.resize(size)
	}
}

// resize moves the slots into a table of size slots (a power of two).
func (t *table) resize(size int) {
	old := t.slots
	t.slots = make([]slot, size)
	t.shift = 64
	for s := size; s > 1; s >>= 1 {
		t.shift--
	}
	mask := uint64(size - 1)
	for _, s := range old {
		if s.a == 0 {
			continue
		}
		i := s.a * 0x9e3779b97f4a7c15 >> t.shift
		for t.slots[i].a != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}
