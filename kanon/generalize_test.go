package kanon

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestDateSteps(t *testing.T) {
	for _, tc := range []struct{ in, day, month, year string }{
		{"2024-05-17", "2024-05-17", "2024-05", "2024"},
		{"2024-05-17 10:00:00+02", "2024-05-17", "2024-05", "2024"},
		{"2024-12-31 23:59:59.999999", "2024-12-31", "2024-12", "2024"},
		{"0044-03-15 BC", "0044-03-15 BC", "0044-03 BC", "0044 BC"},
		{"0044-03-15 10:00:00 BC", "0044-03-15 BC", "0044-03 BC", "0044 BC"},
		{"12345-06-01", "12345-06-01", "12345-06", "12345"},
		{"infinity", "infinity", "infinity", "infinity"},
		{"-infinity", "-infinity", "-infinity", "-infinity"},
		{"", "", "", ""},
		{"2024-5-17", "2024-5-17", "2024-5-17", "2024-5-17"},
		{"24-05-17", "24-05-17", "24-05-17", "24-05-17"},
		{"2024-05-170", "2024-05-170", "2024-05-170", "2024-05-170"},
	} {
		if got := string(AppendDay(nil, []byte(tc.in))); got != tc.day {
			t.Errorf("AppendDay(%q) = %q, want %q", tc.in, got, tc.day)
		}
		if got := string(AppendMonth([]byte("x"), []byte(tc.in))); got != "x"+tc.month {
			t.Errorf("AppendMonth(%q) = %q, want %q", tc.in, got[1:], tc.month)
		}
		if got := string(AppendYear(nil, []byte(tc.in))); got != tc.year {
			t.Errorf("AppendYear(%q) = %q, want %q", tc.in, got, tc.year)
		}
	}
}

func TestAppendPrefix(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
	}{
		{"SW1A 1AA", 4, "SW1A"}, {"SW1A 1AA", 1, "S"}, {"75011", 3, "750"},
		{"ab", 3, "ab"}, {"", 2, ""}, {"Ålesund", 2, "Ål"}, {"\xffab", 2, "\xffa"}, {"abc", 0, ""},
	} {
		if got := string(AppendPrefix(nil, []byte(tc.in), tc.n)); got != tc.want {
			t.Errorf("AppendPrefix(%q, %d) = %q, want %q", tc.in, tc.n, got, tc.want)
		}
	}
}

func TestAppendBucket(t *testing.T) {
	for _, tc := range []struct {
		in   string
		w    int64
		want string
	}{
		{"23", 5, "20"}, {"25", 5, "25"}, {"0", 10, "0"}, {"-0", 10, "0"}, {"-1", 10, "-10"},
		{"-10", 10, "-10"}, {"-3.5", 5, "-5"}, {"-5.0", 5, "-5"}, {"-5.01", 5, "-10"}, {"3.75", 5, "0"},
		{"+7", 5, "5"}, {".5", 1, "0"}, {"-.5", 1, "-1"}, {"999999999999999999", 100, "999999999999999900"},
		{"1000000000000000000", 100, "1000000000000000000"}, // 19 digits: unchanged
		{"NaN", 5, "NaN"}, {"Infinity", 5, "Infinity"}, {"1e+20", 5, "1e+20"}, {"", 5, ""},
		{"-", 5, "-"}, {".", 5, "."}, {"1.2.3", 5, "1.2.3"}, {" 1", 5, " 1"},
	} {
		if got := string(AppendBucket(nil, []byte(tc.in), tc.w)); got != tc.want {
			t.Errorf("AppendBucket(%q, %d) = %q, want %q", tc.in, tc.w, got, tc.want)
		}
	}
}

// TestAppendBucketFloor compares AppendBucket with floor(x/w)·w in
// floating point, on random decimals small enough to be exact.
func TestAppendBucketFloor(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		cents := rng.Int64N(2_000_000) - 1_000_000
		s := strconv.FormatFloat(float64(cents)/100, 'f', 2, 64)
		w := []int64{1, 5, 10, 50, 100, 7}[rng.IntN(6)]
		x, _ := strconv.ParseFloat(s, 64)
		want := strconv.FormatInt(int64(math.Floor(x/float64(w)))*w, 10)
		if got := string(AppendBucket(nil, []byte(s), w)); got != want {
			t.Fatalf("AppendBucket(%q, %d) = %q, want %q", s, w, got, want)
		}
	}
}

// randomValue draws from values that exercise each ladder.
func randomValue(rng *rand.Rand, kind string) string {
	switch kind {
	case "date":
		if rng.IntN(20) == 0 {
			return []string{"infinity", "-infinity", "0044-03-15 BC"}[rng.IntN(3)]
		}
		s := fmt.Sprintf("%04d-%02d-%02d", 1990+rng.IntN(3), 1+rng.IntN(12), 1+rng.IntN(28))
		if rng.IntN(2) == 0 {
			s += fmt.Sprintf(" %02d:00:00", rng.IntN(24))
		}
		return s
	case "timestamp":
		return randomValue(rng, "date") + fmt.Sprintf(" %02d:%02d:00+02", rng.IntN(24), rng.IntN(60))
	case "prefix", "text":
		b := make([]byte, rng.IntN(6))
		for i := range b {
			b[i] = "AB12é"[rng.IntN(5)]
		}
		return string(b)
	default:
		if rng.IntN(20) == 0 {
			return "NaN"
		}
		return strconv.FormatFloat(float64(rng.Int64N(40000)-20000)/100, 'f', rng.IntN(3), 64)
	}
}

// TestLaddersMonotone checks that each ladder only coarsens: two values
// in one class at a level are in one class at every level above.
func TestLaddersMonotone(t *testing.T) {
	prefix, err := PrefixLadder(4, 3, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	bucket, err := BucketLadder(5, 10, 50, 100)
	if err != nil {
		t.Fatal(err)
	}
	ladders := map[string]Ladder{
		"date": DateLadder(), "prefix": prefix, "number": bucket,
		"timestamp": DefaultLadder("timestamptz"), "int4": DefaultLadder("int4"), "text": DefaultLadder("text"),
	}
	rng := rand.New(rand.NewPCG(11, 12))
	for kind, l := range ladders {
		l = append(Ladder{{Name: "as is", Apply: func(dst, v []byte) []byte { return append(dst, v...) }}}, append(l, Suppress)...)
		for range 20000 {
			a, b := randomValue(rng, kind), randomValue(rng, kind)
			same := false
			for _, s := range l {
				ga, gb := string(s.Apply(nil, []byte(a))), string(s.Apply(nil, []byte(b)))
				if same && ga != gb {
					t.Fatalf("%s: %q and %q are in one class below %s but not at %s (%q, %q)", kind, a, b, s.Name, s.Name, ga, gb)
				}
				same = ga == gb
			}
		}
	}
}

func TestLadderErrors(t *testing.T) {
	for _, n := range [][]int{{3, 3}, {2, 3}, {0}, {4, -1}} {
		if _, err := PrefixLadder(n...); err == nil {
			t.Errorf("PrefixLadder(%v) accepted", n)
		}
	}
	for _, w := range [][]int64{{5, 10, 20, 50}, {10, 5}, {0, 10}, {5, 5}} {
		if _, err := BucketLadder(w...); err == nil {
			t.Errorf("BucketLadder(%v) accepted", w)
		}
	}
}

func TestStepsDoNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	dst := make([]byte, 0, 64)
	for _, tc := range []struct {
		s Step
		v string
	}{{Day, "2024-05-17 10:00:00"}, {Month, "2024-05-17 10:00:00"}, {Year, "0044-03-15 BC"}, {Prefix(3), "SW1A 1AA"}, {Bucket(10), "-123.45"}, {Suppress, "x"}} {
		v := []byte(tc.v)
		if n := testing.AllocsPerRun(100, func() { dst = tc.s.Apply(dst[:0], v) }); n != 0 {
			t.Errorf("%s allocates %v times", tc.s.Name, n)
		}
	}
}

func TestDefaultLadder(t *testing.T) {
	names := func(l Ladder) string {
		var s []string
		for _, st := range l {
			s = append(s, st.Name)
		}
		return strings.Join(s, ", ")
	}
	for typ, want := range map[string]string{
		"date":        "month, year, suppress",
		"timestamptz": "day, month, year, suppress",
		"int4":        "bucket 5, bucket 10, bucket 50, bucket 100, suppress",
		"varchar":     "prefix 4, prefix 3, prefix 2, prefix 1, suppress",
		"bool":        "suppress",
	} {
		if got := names(DefaultLadder(typ)); got != want {
			t.Errorf("DefaultLadder(%q) = %s, want %s", typ, got, want)
		}
	}
}
