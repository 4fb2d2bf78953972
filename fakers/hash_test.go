package fakers

import (
	"fmt"
	"math"
	"math/big"
	randv2 "math/rand/v2"
	"strings"
	"testing"
)

// holds returns the largest n such that every number of n digits is at
// most max, computed with big integers from the type's range.
func holds(max *big.Int) int {
	n := 0
	for {
		lim := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n+1)), nil)
		if lim.Sub(lim, big.NewInt(1)).Cmp(max) > 0 {
			return n
		}
		n++
	}
}

func bigIntMax(bits int) *big.Int {
	m := new(big.Int).Lsh(big.NewInt(1), uint(bits-1))
	return m.Sub(m, big.NewInt(1))
}

// numTargets are number columns with the digits hash writes into them by
// default, computed here from the types' ranges rather than taken from
// intDigits.
func numTargets() []struct {
	t      Target
	digits int
	max    *big.Int // the largest value the column holds exactly
} {
	pow := func(n int) *big.Int {
		v := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
		return v.Sub(v, big.NewInt(1))
	}
	type tc = struct {
		t      Target
		digits int
		max    *big.Int
	}
	return []tc{
		{Target{Class: ClassInt, Bits: 16, Type: "smallint"}, holds(bigIntMax(16)), bigIntMax(16)},
		{Target{Class: ClassInt, Bits: 32, Type: "integer"}, holds(bigIntMax(32)), bigIntMax(32)},
		{Target{Class: ClassInt, Bits: 64, Type: "bigint"}, holds(bigIntMax(64)), bigIntMax(64)},
		{Target{Class: ClassInt, Type: "integer of unknown width"}, holds(bigIntMax(64)), bigIntMax(64)},
		{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, 6, pow(6)},
		{Target{Class: ClassNumeric, Precision: 20, Type: "numeric(20)"}, 20, pow(20)},
		{Target{Class: ClassNumeric, Precision: 30, Scale: 4, Type: "numeric(30,4)"}, 26, pow(26)},
		{Target{Class: ClassNumeric, Type: "numeric"}, 38, pow(38)},
		// real and double precision keep 6 and 15 digits exactly (FLT_DIG, DBL_DIG).
		{Target{Class: ClassNumeric, Precision: 15, Type: "double precision"}, 15, pow(15)},
		{Target{Class: ClassNumeric, Precision: 6, Type: "real"}, 6, pow(6)},
	}
}

// TestHashNumber: into each number column hash writes, by default, exactly
// as many digits as the column holds for every number of that many
// digits, the first nonzero, in range, the same for the same input and
// different for most inputs.
func TestHashNumber(t *testing.T) {
	if d := holds(bigIntMax(64)); d != 18 {
		t.Fatalf("bigint holds every number of %d digits, want 18", d) // checks holds itself
	}
	inputs := fitInputs()
	for _, tc := range numTargets() {
		f := mustNew(t, "hash", Params{PRF: testKey.Domain("hash"), Target: tc.t})
		g := mustNew(t, "hash", Params{PRF: testKey.Domain("hash"), Target: tc.t})
		other := mustNew(t, "hash", Params{PRF: testKey.Domain("other"), Target: tc.t})
		seen := map[string]bool{}
		same := 0
		for _, in := range inputs {
			out, null := f.Append(nil, in)
			s := string(out)
			if null || len(s) != tc.digits || s[0] < '1' || s[0] > '9' || strings.Trim(s, "0123456789") != "" {
				t.Fatalf("hash into %s: %q (null %v), want %d digits, the first nonzero", tc.t.Type, s, null, tc.digits)
			}
			v, _ := new(big.Int).SetString(s, 10)
			if v.Cmp(tc.max) > 0 {
				t.Fatalf("hash into %s: %s is larger than %s", tc.t.Type, s, tc.max)
			}
			if again, _ := g.Append(nil, in); string(again) != s {
				t.Fatalf("hash into %s: %q then %q for the same input", tc.t.Type, s, again)
			}
			if o, _ := other.Append(nil, in); string(o) == s {
				same++
			}
			seen[s] = true
		}
		// 2000 inputs among at least 9000 numbers: about 200 collide for
		// smallint, none for the wider types.
		if min := len(inputs) * 8 / 10; len(seen) < min {
			t.Errorf("hash into %s: %d distinct outputs of %d inputs", tc.t.Type, len(seen), len(inputs))
		}
		if same > len(inputs)/10 {
			t.Errorf("hash into %s: %d of %d outputs the same in another domain", tc.t.Type, same, len(inputs))
		}
	}
}

// TestHashNumberLength: length is a number of decimal digits, refused when
// the column cannot hold every number of that many; a column without a
// digit before the point is refused.
func TestHashNumberLength(t *testing.T) {
	int4 := Target{Class: ClassInt, Bits: 32, Type: "integer"}
	for _, l := range []int{1, 6, 9} {
		out, _ := mustNew(t, "hash", Params{PRF: testKey.Domain("h"), Length: l, Target: int4}).Append(nil, []byte("v"))
		if len(out) != l || out[0] == '0' {
			t.Errorf("hash length %d into integer = %q", l, out)
		}
	}
	for _, tc := range []struct {
		t    Target
		l    int
		want string
	}{
		{int4, 10, "hash writes numbers of up to 10 digits, integer holds only 9; give a smaller length"},
		{Target{Class: ClassInt, Bits: 16, Type: "smallint"}, 5, "smallint holds only 4"},
		{Target{Class: ClassNumeric, Type: "numeric"}, 39, "between 1 and 38"},
		{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, 7, "numeric(8,2) holds only 6"},
		{Target{Class: ClassNumeric, Precision: 2, Scale: 2, Type: "numeric(2,2)"}, 0, "numeric(2,2) column: it holds no digit before the decimal point"},
		{int4, -1, "between 1 and 38"},
	} {
		_, err := mustDef("hash").New(Params{Length: tc.l, Target: tc.t})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("hash length %d into %s: err = %v, want %q", tc.l, tc.t.Type, err, tc.want)
		}
	}
	// A text column keeps its hex form and its limit of 32 digits.
	if _, err := mustDef("hash").New(Params{Length: 33, Target: Target{Class: ClassText}}); err == nil {
		t.Error("hash length 33 into text accepted")
	}
	for _, c := range []Class{ClassDate, ClassBool, ClassJSON, ClassBytea} {
		if _, err := mustDef("hash").New(Params{Target: Target{Class: c}}); err == nil {
			t.Errorf("hash into %v accepted", c)
		}
	}
}

// TestHashNumberUnique: unique needs at least 2^64 numbers, 20 digits;
// every integer type is refused with a hint.
func TestHashNumberUnique(t *testing.T) {
	for _, tc := range []struct {
		t  Target
		l  int
		ok bool
	}{
		{Target{Class: ClassInt, Bits: 64, Type: "bigint"}, 0, false},
		{Target{Class: ClassInt, Bits: 32, Type: "integer"}, 0, false},
		{Target{Class: ClassNumeric, Precision: 19, Type: "numeric(19)"}, 0, false},
		{Target{Class: ClassNumeric, Precision: 20, Type: "numeric(20)"}, 0, true},
		{Target{Class: ClassNumeric, Precision: 22, Scale: 2, Type: "numeric(22,2)"}, 0, true},
		{Target{Class: ClassNumeric, Type: "numeric"}, 0, true},
		{Target{Class: ClassNumeric, Type: "numeric"}, 19, false},
		{Target{Class: ClassNumeric, Type: "numeric"}, 20, true},
	} {
		_, err := mustDef("hash").New(Params{Unique: true, Length: tc.l, Target: tc.t})
		if tc.ok != (err == nil) {
			t.Errorf("unique hash length %d into %s: err = %v", tc.l, tc.t.Type, err)
		}
		if err != nil && (!strings.HasPrefix(err.Error(), "hash cannot guarantee unique values; ") ||
			!strings.Contains(err.Error(), "drop unique") || !strings.Contains(err.Error(), "at least 20 digits")) {
			t.Errorf("unique hash into %s: hint %q", tc.t.Type, err)
		}
	}
	// The bound itself: 20 digits are at least 2^64 numbers, 19 are not.
	if s := 9 * math.Pow(10, hashUniqueDigits-1); s < math.Pow(2, 64) || s/10 >= math.Pow(2, 64) {
		t.Errorf("hashUniqueDigits %d does not sit at 2^64", hashUniqueDigits)
	}
	_, err := mustDef("hash").New(Params{Unique: true, Target: Target{Class: ClassInt, Bits: 64, Type: "bigint"}})
	if err == nil || !strings.Contains(err.Error(), "2^59.6") {
		t.Errorf("unique hash into bigint: %v, want the space 2^59.6 named", err)
	}
}

// TestHashNumberUniform: hash into smallint draws every one of the 9000
// numbers of 4 digits alike (a chi-square test over 180,000 inputs), and
// at the 19-digit chunk boundary of a 20-digit number the first digit is
// uniform over 1-9 and the second over 0-9.
func TestHashNumberUniform(t *testing.T) {
	f := mustNew(t, "hash", Params{PRF: testKey.Domain("u"), Target: Target{Class: ClassInt, Bits: 16}})
	const per = 20
	counts := make([]int, 9000)
	var buf []byte
	for i := range 9000 * per {
		buf = fmt.Appendf(buf[:0], "u%d", i)
		out, _ := f.Append(nil, buf)
		var v int
		fmt.Sscan(string(out), &v)
		counts[v-1000]++
	}
	// df = 8999: mean 8999, standard deviation sqrt(2·8999) ≈ 134.
	if chi := chiSquare(counts, per); chi > 8999+6*134 || chi < 8999-6*134 {
		t.Errorf("smallint: chi-square %.0f over 8999 degrees of freedom", chi)
	}

	g := mustNew(t, "hash", Params{PRF: testKey.Domain("u"), Length: 20, Target: Target{Class: ClassNumeric}})
	first, second := make([]int, 9), make([]int, 10)
	for i := range 90000 {
		buf = fmt.Appendf(buf[:0], "u%d", i)
		out, _ := g.Append(nil, buf)
		first[out[0]-'1']++
		second[out[1]-'0']++
	}
	// 99.999th percentiles: 37.3 for df 8, 39.3 for df 9.
	if chi := chiSquare(first, 10000); chi > 37.3 {
		t.Errorf("first digit: chi-square %.1f, counts %v", chi, first)
	}
	if chi := chiSquare(second, 9000); chi > 39.3 {
		t.Errorf("second digit: chi-square %.1f, counts %v", chi, second)
	}
}

func chiSquare(counts []int, want float64) float64 {
	var chi float64
	for _, c := range counts {
		d := float64(c) - want
		chi += d * d / want
	}
	return chi
}

// TestHashNumberAllocs: writing a number allocates nothing.
func TestHashNumberAllocs(t *testing.T) {
	for _, tc := range numTargets() {
		f := mustNew(t, "hash", Params{PRF: testKey.Domain("a"), Target: tc.t})
		dst, in := make([]byte, 0, 64), []byte("alice@corp.example")
		if n := testing.AllocsPerRun(100, func() { dst, _ = f.Append(dst[:0], in) }); n != 0 {
			t.Errorf("hash into %s: %v allocations per value", tc.t.Type, n)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	in := []byte("alice.smith@corp.ex1")
	for _, bc := range []struct {
		name string
		t    Target
	}{
		{"text", Target{Class: ClassText}},
		{"integer", Target{Class: ClassInt, Bits: 32}},
		{"bigint", Target{Class: ClassInt, Bits: 64}},
		{"numeric", Target{Class: ClassNumeric}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			f, err := mustDef("hash").New(Params{PRF: testKey.Domain("b"), Target: bc.t})
			if err != nil {
				b.Fatal(err)
			}
			dst := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst, _ = f.Append(dst[:0], in)
			}
			sink = dst
		})
	}
}

// TestHashNumberSpec recomputes hash's numbers from their definition with
// big integers: PCG-DXSM seeded with the PRF's two words, then per chunk
// floor(u·m / 2^64) for m = 9·10^(c-1) (plus 10^(c-1)) or 10^19, a draw u
// being rejected when (u·m mod 2^64) < 2^64 mod m (Lemire).
func TestHashNumberSpec(t *testing.T) {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	draw := func(pcg *randv2.PCG, m *big.Int) *big.Int {
		thresh := new(big.Int).Mod(two64, m)
		for {
			p := new(big.Int).Mul(new(big.Int).SetUint64(pcg.Uint64()), m)
			if new(big.Int).Mod(p, two64).Cmp(thresh) >= 0 {
				return p.Div(p, two64)
			}
		}
	}
	ten := func(n int) *big.Int { return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil) }
	for _, n := range []int{1, 4, 9, 18, 19, 20, 25, 38} {
		prf := testKey.Domain("spec")
		f := mustNew(t, "hash", Params{PRF: prf, Length: n, Target: Target{Class: ClassNumeric}})
		for _, in := range append(goldenInputs, "bob", "Bob") {
			h0, h1 := prf.Sum([]byte(in))
			pcg := randv2.NewPCG(h0, h1)
			c := (n-1)%19 + 1
			v := new(big.Int).Add(ten(c-1), draw(pcg, new(big.Int).Mul(big.NewInt(9), ten(c-1))))
			for rest := n - c; rest > 0; rest -= 19 {
				v.Mul(v, ten(19)).Add(v, draw(pcg, ten(19)))
			}
			if got, _ := f.Append(nil, []byte(in)); string(got) != v.String() {
				t.Errorf("hash length %d of %q = %s, want %s", n, in, got, v)
			}
		}
	}
}
