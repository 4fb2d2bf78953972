package fpe

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

func newTestInt(t testing.TB, lo, hi int64, tweak string) *Int {
	t.Helper()
	p, err := NewInt(testKey128, lo, hi, []byte(tweak))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// exhaustInt checks that p permutes [lo, hi] (every image in the range,
// none twice) and that Decrypt inverts it.
func exhaustInt(t *testing.T, p *Int, lo, hi int64) {
	t.Helper()
	seen := make([]bool, hi-lo+1)
	fixed := 0
	for x := lo; x <= hi; x++ {
		y, err := p.Encrypt(x)
		if err != nil {
			t.Fatal(err)
		}
		if y < lo || y > hi {
			t.Fatalf("[%d, %d]: %d -> %d, outside", lo, hi, x, y)
		}
		if seen[y-lo] {
			t.Fatalf("[%d, %d]: two values encrypt to %d", lo, hi, y)
		}
		seen[y-lo] = true
		if x == y {
			fixed++
		}
		if z, err := p.Decrypt(y); err != nil || z != x {
			t.Fatalf("[%d, %d]: %d -> %d -> %d (%v)", lo, hi, x, y, z, err)
		}
	}
	if hi-lo > 100 && fixed > 20 {
		t.Errorf("[%d, %d]: %d fixed points", lo, hi, fixed)
	}
}

func TestIntSmallRanges(t *testing.T) {
	for _, r := range [][2]int64{{0, 999}, {1, 1}, {-5, 5}, {0, 1}, {math.MinInt16, math.MaxInt16}, {1, math.MaxInt16}, {7, 7 + MinDomain - 2}} {
		exhaustInt(t, newTestInt(t, r[0], r[1], "t"), r[0], r[1])
	}
}

// TestIntCycleWalk covers the smallest FF1 range exhaustively: 10^6
// values in 2^20, a walk of about 1.05 steps.
func TestIntCycleWalk(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("1,000,000 encryptions")
	}
	t.Parallel()
	lo := int64(-12345)
	hi := lo + MinDomain - 1
	p := newTestInt(t, lo, hi, "")
	if p.tbl != nil || p.u+p.v != 20 {
		t.Fatalf("[%d, %d]: table %v, %d bits; want FF1 on 20 bits", lo, hi, p.tbl != nil, p.u+p.v)
	}
	exhaustInt(t, p, lo, hi)
}

// TestIntSampled samples the ranges of the integer types.
func TestIntSampled(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		lo, hi int64
	}{
		{1, math.MaxInt32},
		{math.MinInt32, math.MaxInt32},
		{1, math.MaxInt64},
		{math.MinInt64, math.MaxInt64},
		{0, 1<<40 + 1}, // 2^L / n just under 2: the longest walks
	} {
		p := newTestInt(t, tc.lo, tc.hi, "ids")
		seen := map[int64]int64{}
		samples := []int64{tc.lo, tc.hi, tc.lo + 1, tc.hi - 1}
		for range 20000 {
			samples = append(samples, tc.lo+int64(r.Uint64N(uint64(tc.hi-tc.lo))))
		}
		for _, x := range samples {
			y, err := p.Encrypt(x)
			if err != nil {
				t.Fatal(err)
			}
			if y < tc.lo || y > tc.hi {
				t.Fatalf("[%d, %d]: %d -> %d, outside", tc.lo, tc.hi, x, y)
			}
			if prev, ok := seen[y]; ok && prev != x {
				t.Fatalf("[%d, %d]: %d and %d encrypt to %d", tc.lo, tc.hi, prev, x, y)
			}
			seen[y] = x
			if z, err := p.Decrypt(y); err != nil || z != x {
				t.Fatalf("[%d, %d]: %d -> %d -> %d (%v)", tc.lo, tc.hi, x, y, z, err)
			}
		}
		for _, x := range []int64{tc.lo - 1, tc.hi + 1} {
			if x >= tc.lo && x <= tc.hi { // wrapped around int64
				continue
			}
			if _, err := p.Encrypt(x); !errors.Is(err, ErrRange) {
				t.Errorf("[%d, %d]: %d encrypts (%v)", tc.lo, tc.hi, x, err)
			}
		}
	}
	if _, err := NewInt(testKey128, 2, 1, nil); err == nil {
		t.Error("empty range accepted")
	}
}

// TestIntPositive: positive keys stay positive, and the images are spread
// over the range rather than kept near the inputs.
func TestIntPositive(t *testing.T) {
	p := newTestInt(t, 1, math.MaxInt32, "")
	high := 0
	for x := int64(1); x <= 1000; x++ {
		y, err := p.Encrypt(x)
		if err != nil || y < 1 || y > math.MaxInt32 {
			t.Fatalf("%d -> %d (%v)", x, y, err)
		}
		if y > math.MaxInt32/2 {
			high++
		}
	}
	if high < 400 || high > 600 {
		t.Errorf("%d of the images of 1..1000 in the upper half of the range", high)
	}
}

func TestIntKeysAndTweaks(t *testing.T) {
	for _, r := range [][2]int64{{0, 999}, {1, math.MaxInt32}} {
		a := newTestInt(t, r[0], r[1], "a")
		b := newTestInt(t, r[0], r[1], "b")
		c, err := NewInt(make([]byte, 32), r[0], r[1], []byte("a"))
		if err != nil {
			t.Fatal(err)
		}
		sameB, sameC := 0, 0
		for x := r[0]; x < r[0]+1000; x++ {
			ya, _ := a.Encrypt(x)
			yb, _ := b.Encrypt(x)
			yc, _ := c.Encrypt(x)
			if again, _ := a.Clone().Encrypt(x); again != ya {
				t.Fatalf("%d: %d then %d", x, ya, again)
			}
			if ya == yb {
				sameB++
			}
			if ya == yc {
				sameC++
			}
		}
		if sameB > 20 || sameC > 20 {
			t.Errorf("[%d, %d]: another tweak agrees on %d of 1000, another key on %d", r[0], r[1], sameB, sameC)
		}
	}
}

// TestIntTableApartFromDigits: an Int of [0, 999] and the 3-digit table
// of a Digits under the same key and tweak are unrelated permutations.
func TestIntTableApartFromDigits(t *testing.T) {
	p := newTestInt(t, 0, 999, "same")
	d, err := NewDigits(testKey128, DigitsOptions{Tweak: []byte("same")})
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for x := range int64(1000) {
		y, _ := p.Encrypt(x)
		out, _ := d.Append(nil, []byte(fmt.Sprintf("%03d", x)))
		if string(out) == fmt.Sprintf("%03d", y) {
			same++
		}
	}
	if same > 20 { // about 1 expected
		t.Errorf("agree on %d of 1000 values", same)
	}
}

func TestIntAppend(t *testing.T) {
	p := newTestInt(t, math.MinInt64, math.MaxInt64, "")
	for _, in := range []string{"0", "-1", "+17", "9223372036854775807", "-9223372036854775808", "007"} {
		x, _ := strconv.ParseInt(in, 10, 64)
		want, _ := p.Encrypt(x)
		got, err := p.Append([]byte("v="), []byte(in))
		if err != nil || string(got) != "v="+strconv.FormatInt(want, 10) {
			t.Errorf("%s: %q, %v; want v=%d", in, got, err, want)
		}
	}
	for _, tc := range []struct {
		in  string
		err error
	}{
		{"", ErrSyntax}, {"-", ErrSyntax}, {"1.5", ErrSyntax}, {" 1", ErrSyntax}, {"1e3", ErrSyntax},
		{"9223372036854775808", ErrRange}, {"-9223372036854775809", ErrRange}, {"99999999999999999999", ErrRange},
	} {
		got, err := p.Append([]byte("v="), []byte(tc.in))
		if !errors.Is(err, tc.err) || string(got) != "v=" {
			t.Errorf("%q: %q, %v; want %v and dst unchanged", tc.in, got, err, tc.err)
		}
	}
	q := newTestInt(t, 1, math.MaxInt32, "")
	if _, err := q.Append(nil, []byte("0")); !errors.Is(err, ErrRange) {
		t.Errorf("0 in [1, 2^31-1]: %v", err)
	}
}

func TestIntAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, r := range [][2]int64{{1, math.MaxInt32}, {math.MinInt64, math.MaxInt64}, {math.MinInt16, math.MaxInt16}} {
		p := newTestInt(t, r[0], r[1], "t")
		x := r[0] + 12345
		if n := testing.AllocsPerRun(100, func() { x, _ = p.Encrypt(x) }); n != 0 {
			t.Errorf("[%d, %d]: %v allocations per Encrypt", r[0], r[1], n)
		}
		in := []byte(strconv.FormatInt(r[1]-3, 10))
		dst := make([]byte, 0, 32)
		if n := testing.AllocsPerRun(100, func() { dst, _ = p.Append(dst[:0], in) }); n != 0 {
			t.Errorf("[%d, %d]: %v allocations per Append", r[0], r[1], n)
		}
	}
}

// TestIntWalkLength measures the cycle-walk on the worst kind of range,
// n just above a power of two (2^L / n close to 2): fewer than 2 FF1
// encryptions per value on average.
func TestIntWalkLength(t *testing.T) {
	lo, hi := int64(0), int64(1<<40) // n = 2^40 + 1, L = 41
	p := newTestInt(t, lo, hi, "")
	r := rand.New(rand.NewPCG(9, 10))
	mask := uint64(1)<<p.v - 1
	steps := 0
	const samples = 20000
	for range samples {
		off := r.Uint64N(uint64(hi) + 1)
		for {
			steps++
			a, b := p.ff.encryptNum(off>>p.v, off&mask, p.u, p.v, p.tweak)
			off = a<<p.v | b
			if off <= p.max {
				break
			}
		}
	}
	if mean := float64(steps) / samples; mean >= 2.1 {
		t.Errorf("%.2f encryptions per value", mean)
	} else {
		t.Logf("%.3f encryptions per value", mean)
	}
}
