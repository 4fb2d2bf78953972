package kanon

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// pool holds values that probe the encoding: the empty string, lengths
// around the 7-byte chunks, values that differ only in their last
// chunk, values one of which is a prefix of another, and UTF-8.
var pool = []string{
	"", "a", "b", "ab", "abc", "abcdef", "abcdefg", "abcdefgh", "abcdefgi",
	"abcdefghijklmn", "abcdefghijklmo", "abcdefghijklmno", "\x00", "\x00\x00",
	"N", "\\N", "é", "ée", "1990-01-01", "1990-01-02", " ", "a\tb",
}

// table is a random table of QI values; nulls[r][c] marks NULL.
type testTable struct {
	rows  [][][]byte
	nulls [][]bool
}

func randomTable(rng *rand.Rand, cols int) testTable {
	var t testTable
	alpha := make([][]string, cols)
	for c := range alpha {
		n := 1 + rng.IntN(4)
		for range n {
			alpha[c] = append(alpha[c], pool[rng.IntN(len(pool))])
		}
	}
	nullP := []float64{0, 0.1, 0.5}[rng.IntN(3)]
	nrows := rng.IntN(1500)
	for range nrows {
		row := make([][]byte, cols)
		nulls := make([]bool, cols)
		for c := range row {
			row[c] = []byte(alpha[c][rng.IntN(len(alpha[c]))])
			nulls[c] = rng.Float64() < nullP
		}
		t.rows = append(t.rows, row)
		t.nulls = append(t.nulls, nulls)
	}
	return t
}

// bruteKey joins a row's values injectively: a quoted string per value,
// N for NULL.
func bruteKey(row [][]byte, nulls []bool) string {
	var b strings.Builder
	for i, v := range row {
		if nulls[i] {
			b.WriteString("N")
		} else {
			b.WriteString(strconv.Quote(string(v)))
		}
	}
	return b.String()
}

// brute computes a Result from a map of joined values, independently.
func brute(t testTable, k int) Result {
	count := map[string]int64{}
	for i, row := range t.rows {
		count[bruteKey(row, t.nulls[i])]++
	}
	r := Result{K: k, Rows: int64(len(t.rows)), Classes: int64(len(count)), Sizes: make([]int64, k)}
	first := true
	for _, n := range count {
		if first || n < r.Smallest {
			r.Smallest, first = n, false
		}
		if n < int64(k) {
			r.ClassesBelowK++
			r.RowsBelowK += n
		}
		r.Sizes[min(n, int64(k))-1]++
	}
	return r
}

func mustCounter(t testing.TB, cols, k int) *Counter {
	t.Helper()
	c, err := NewCounter(cols, k)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCounterBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for iter := range 300 {
		cols, k := 1+rng.IntN(4), 1+rng.IntN(10)
		tt := randomTable(rng, cols)
		c := mustCounter(t, cols, k)
		for i, row := range tt.rows {
			c.Add(row, tt.nulls[i])
		}
		if got, want := c.Result(), brute(tt, k); !reflect.DeepEqual(got, want) {
			t.Fatalf("table %d (%d cols, k=%d, %d rows):\ngot  %+v\nwant %+v", iter, cols, k, len(tt.rows), got, want)
		}
	}
}

func TestCounterMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := range 100 {
		cols, k := 1+rng.IntN(4), 1+rng.IntN(10)
		tt := randomTable(rng, cols)
		one := mustCounter(t, cols, k)
		workers := make([]*Counter, 1+rng.IntN(5))
		for w := range workers {
			workers[w] = mustCounter(t, cols, k)
		}
		for i, row := range tt.rows {
			one.Add(row, tt.nulls[i])
			workers[rng.IntN(len(workers))].Add(row, tt.nulls[i])
		}
		merged := workers[0]
		for _, w := range workers[1:] {
			if err := merged.Merge(w); err != nil {
				t.Fatal(err)
			}
		}
		want := brute(tt, k)
		if got := merged.Result(); !reflect.DeepEqual(got, want) {
			t.Fatalf("table %d: merged %+v, want %+v", iter, got, want)
		}
		if got := one.Result(); !reflect.DeepEqual(got, want) {
			t.Fatalf("table %d: single %+v, want %+v", iter, got, want)
		}
	}
}

func TestCounterMergeMismatch(t *testing.T) {
	a, b, c := mustCounter(t, 2, 5), mustCounter(t, 3, 5), mustCounter(t, 2, 4)
	if a.Merge(b) == nil || a.Merge(c) == nil || a.Merge(a) == nil {
		t.Error("Merge accepted a counter of other columns or k, or itself")
	}
}

// TestCounterEncoding checks pairs of rows that a careless encoding
// would confuse.
func TestCounterEncoding(t *testing.T) {
	type row struct {
		v     []string
		nulls []bool
	}
	pairs := [][2]row{
		{{[]string{"ab", "c"}, nil}, {[]string{"a", "bc"}, nil}},
		{{[]string{"", "x"}, []bool{true, false}}, {[]string{"", "x"}, nil}},
		{{[]string{"", ""}, []bool{true, false}}, {[]string{"", ""}, []bool{false, true}}},
		{{[]string{"abcdefg", ""}, nil}, {[]string{"abcdefg\x00", ""}, nil}},
		{{[]string{"\x00", ""}, nil}, {[]string{"", "\x00"}, nil}},
	}
	for i, p := range pairs {
		c := mustCounter(t, 2, 2)
		for _, r := range p {
			vals := [][]byte{[]byte(r.v[0]), []byte(r.v[1])}
			c.Add(vals, r.nulls)
		}
		if c.Classes() != 2 {
			t.Errorf("pair %d: %d classes, want 2", i, c.Classes())
		}
	}
}

// TestCounterManyClasses adds a million distinct rows: no two may
// collide, and the table must survive its growth.
func TestCounterManyClasses(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	c := mustCounter(t, 2, 2)
	var a, b []byte
	for i := range n {
		a = strconv.AppendInt(a[:0], int64(i/1000), 10)
		b = strconv.AppendInt(b[:0], int64(i%1000), 10)
		c.Add([][]byte{a, b}, nil)
		if i%2 == 0 {
			c.Add([][]byte{a, b}, nil)
		}
	}
	r := c.Result()
	if r.Classes != int64(n) || r.Rows != int64(n+n/2) || r.ClassesBelowK != int64(n/2) || r.Smallest != 1 {
		t.Errorf("got %+v", r)
	}
}

func TestCounterEmpty(t *testing.T) {
	r := mustCounter(t, 1, 3).Result()
	want := Result{K: 3, Sizes: []int64{0, 0, 0}}
	if !reflect.DeepEqual(r, want) || !r.OK() {
		t.Errorf("got %+v, want %+v", r, want)
	}
}

func TestNewCounterErrors(t *testing.T) {
	for _, tc := range [][2]int{{0, 5}, {1, 0}, {1, MaxK + 1}} {
		if _, err := NewCounter(tc[0], tc[1]); err == nil {
			t.Errorf("NewCounter(%d, %d) accepted", tc[0], tc[1])
		}
	}
}

func TestAddPanicsOnWrongWidth(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Add of 1 value to a 2-column counter did not panic")
		}
	}()
	mustCounter(t, 2, 2).Add([][]byte{nil}, nil)
}

func TestCounterAddAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	c := mustCounter(t, 3, 5)
	rows := make([][][]byte, 1000)
	for i := range rows {
		rows[i] = [][]byte{[]byte("1990-01-" + strconv.Itoa(i%28)), []byte(strconv.Itoa(i)), []byte("a long value of more than seven bytes")}
	}
	nulls := []bool{false, true, false}
	for _, r := range rows {
		c.Add(r, nulls)
	}
	i := 0
	if n := testing.AllocsPerRun(1000, func() { c.Add(rows[i%len(rows)], nulls); i++ }); n != 0 {
		t.Errorf("Add allocates %v times per row", n)
	}
}

func TestResultJSON(t *testing.T) {
	c := mustCounter(t, 1, 2)
	c.Add([][]byte{[]byte("x")}, nil)
	b, err := json.Marshal(c.Result())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"k":2,"rows":1,"classes":1,"smallest_class":1,"classes_below_k":1,"rows_below_k":1,"class_sizes":[1,0]}`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
}

// refMul is (a·b) mod p by repeated doubling, a reference for mulmod.
func refMul(a, b uint64) uint64 {
	r := uint64(0)
	for ; b > 0; b >>= 1 {
		if b&1 != 0 {
			r = (r + a) % prime
		}
		a = (a + a) % prime
	}
	return r
}

// TestMulmod checks the field arithmetic against refMul.
func TestMulmod(t *testing.T) {
	ref := refMul
	rng := rand.New(rand.NewPCG(5, 6))
	cases := [][2]uint64{{0, 0}, {1, prime - 1}, {prime - 1, prime - 1}, {prime - 2, prime - 1}, {1 << 60, 2}}
	for range 10000 {
		cases = append(cases, [2]uint64{rng.Uint64N(prime), rng.Uint64N(prime)})
	}
	for _, c := range cases {
		if got, want := mulmod(c[0], c[1]), ref(c[0], c[1]); got != want {
			t.Fatalf("mulmod(%d, %d) = %d, want %d", c[0], c[1], got, want)
		}
	}
	for n := uint64(0); n < 200; n++ {
		want := uint64(1)
		for range n {
			want = ref(want, lanes[0])
		}
		if got := pow(0, n); got != want {
			t.Fatalf("pow(0, %d) = %d, want %d", n, got, want)
		}
	}
}

// TestKeyIsPolynomial checks that a row's key is the polynomial of the
// documented encoding evaluated at the lanes' points, on which the
// collision bound rests: elements built here from the spec, Horner's rule
// with the reference multiplication.
func TestKeyIsPolynomial(t *testing.T) {
	encode := func(row [][]byte, nulls []bool) []uint64 {
		var e []uint64
		for i, v := range row {
			if nulls[i] {
				e = append(e, 0)
				continue
			}
			e = append(e, uint64(len(v))+1)
			for j := 0; j < len(v); j += 7 {
				var x uint64
				for b := min(j+7, len(v)) - 1; b >= j; b-- {
					x = x<<8 | uint64(v[b])
				}
				e = append(e, x)
			}
		}
		return append(e, uint64(len(e)))
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 500 {
		cols := 1 + rng.IntN(4)
		row, nulls := make([][]byte, cols), make([]bool, cols)
		for i := range row {
			row[i] = make([]byte, rng.IntN([]int{10, 30, 600}[rng.IntN(3)]))
			for j := range row[i] {
				row[i][j] = byte(rng.UintN(256))
			}
			nulls[i] = rng.IntN(4) == 0
		}
		var k keyer
		for i, v := range row {
			k.add(hashValue(v, nulls[i]))
		}
		got := k.key()
		for lane := range 2 {
			h := uint64(0)
			for _, e := range encode(row, nulls) {
				h = (refMul(h, lanes[lane]) + e) % prime
			}
			if got[lane] != h {
				t.Fatalf("lane %d: key %d, polynomial %d", lane, got[lane], h)
			}
		}
	}
}
