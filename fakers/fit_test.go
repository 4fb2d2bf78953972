package fakers

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fitInputs are the inputs the fit tests feed every transformer.
func fitInputs() [][]byte {
	in := make([][]byte, 0, 2000)
	for i := range 2000 {
		in = append(in, []byte(fmt.Sprintf("input-%d", i)))
	}
	return in
}

// TestFitNumbers checks that the transformers with a numeric form write,
// into each integer width and numeric(p,s) they accept, digits only,
// without a leading zero, parsable and in range, and the same value for
// the same input.
func TestFitNumbers(t *testing.T) {
	targets := []Target{
		{Class: ClassInt, Bits: 16, Type: "smallint"},
		{Class: ClassInt, Bits: 32, Type: "integer"},
		{Class: ClassInt, Bits: 64, Type: "bigint"},
		{Class: ClassInt, Type: "integer of unknown width"},
		{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"},
		{Class: ClassNumeric, Precision: 11, Type: "numeric(11)"},
		{Class: ClassNumeric, Precision: 20, Scale: 2, Type: "numeric(20,2)"},
		{Class: ClassNumeric, Type: "numeric"},
		{Class: ClassNumeric, Precision: 15, Type: "double precision"},
		{Class: ClassNumeric, Precision: 6, Type: "real"},
	}
	// digits each transformer writes at most; a target holding fewer is refused.
	need := map[string]int{"postcode": countDigits(zipPatterns), "phone": 11, "credit_card": 16}
	inputs := fitInputs()
	for name, n := range need {
		d, _ := Lookup(name)
		for _, tg := range targets {
			p := Params{PRF: testKey.Domain("fit"), Target: tg}
			f, err := d.New(p)
			room, _ := intDigits(tg)
			if room < n {
				want := fmt.Sprintf("%s writes numbers of up to %d digits, %s holds only", name, n, tg.Type)
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("%s into %s: err = %v, want %q", name, tg.Type, err, want)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s into %s: %v", name, tg.Type, err)
				continue
			}
			g, _ := d.New(p)
			for _, in := range inputs {
				out, null := f.Append(nil, in)
				if null {
					t.Fatalf("%s into %s: NULL", name, tg.Type)
				}
				s := string(out)
				if s == "" || s[0] == '0' || strings.Trim(s, "0123456789") != "" || len(s) > n {
					t.Fatalf("%s into %s: %q is not a number of at most %d digits without a leading zero", name, tg.Type, s, n)
				}
				if tg.Class == ClassInt {
					bits := tg.Bits
					if bits == 0 {
						bits = 64
					}
					if _, err := strconv.ParseInt(s, 10, bits); err != nil {
						t.Fatalf("%s into %s: %v", name, tg.Type, err)
					}
				} else {
					v, ok := new(big.Int).SetString(s, 10)
					if !ok {
						t.Fatalf("%s into %s: %q does not parse", name, tg.Type, s)
					}
					if tg.Precision > 0 && len(v.String()) > tg.Precision-tg.Scale {
						t.Fatalf("%s into %s: %q has more integer digits than the type holds", name, tg.Type, s)
					}
				}
				if again, _ := g.Append(nil, in); string(again) != s {
					t.Fatalf("%s into %s: not deterministic: %q then %q", name, tg.Type, s, again)
				}
			}
		}
	}
}

// TestFitNumbersLeadingZero checks that a postcode beginning with 0 in its
// text form loses the zero in an integer column and keeps its other digits.
func TestFitNumbersLeadingZero(t *testing.T) {
	text := mustNew(t, "postcode", Params{PRF: testKey.Domain("fit"), Target: Target{Class: ClassText}})
	num := mustNew(t, "postcode", Params{PRF: testKey.Domain("fit"), Target: Target{Class: ClassInt, Bits: 64}})
	seen := false
	for _, in := range fitInputs() {
		ts, _ := text.Append(nil, in)
		ns, _ := num.Append(nil, in)
		digits := strings.ReplaceAll(string(ts), "-", "")
		if digits[0] == '0' {
			seen = true
			if ns[0] == '0' || string(ns[1:]) != digits[1:] {
				t.Fatalf("text %q, integer %q", ts, ns)
			}
		} else if string(ns) != digits {
			t.Fatalf("text %q, integer %q", ts, ns)
		}
	}
	if !seen {
		t.Fatal("no postcode began with 0: the test checks nothing")
	}
}

// TestFitNumbersRefused checks the transformers without a numeric form
// and unique postcodes are refused with a message naming the column type.
func TestFitNumbersRefused(t *testing.T) {
	for _, tc := range []struct {
		name   string
		unique bool
		want   string
	}{
		{"email", false, "email cannot write into bigint column"},
		{"city", false, "city cannot write into bigint column"},
		{"date_of_birth", false, "date_of_birth cannot write into bigint column"},
		{"postcode", true, "postcode with unique cannot write into bigint column"},
	} {
		d, _ := Lookup(tc.name)
		_, err := d.New(Params{PRF: testKey.Domain("fit"), Unique: tc.unique, Target: Target{Class: ClassInt, Bits: 64, Type: "bigint"}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s unique=%v: err = %v, want %q", tc.name, tc.unique, err, tc.want)
		}
	}
}

// TestFitDates checks date_of_birth writes a literal each date class and
// text parse, deterministically.
func TestFitDates(t *testing.T) {
	layouts := map[Class]string{
		ClassDate:        time.DateOnly,
		ClassText:        time.DateOnly,
		ClassUnknown:     time.DateOnly,
		ClassTimestamp:   time.DateTime,
		ClassTimestampTZ: "2006-01-02 15:04:05-07",
	}
	lo := time.Date(1930, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2005, 12, 31, 0, 0, 0, 0, time.UTC)
	for c, layout := range layouts {
		p := Params{PRF: testKey.Domain("fit"), Target: Target{Class: c}}
		f := mustNew(t, "date_of_birth", p)
		g := mustNew(t, "date_of_birth", p)
		for _, in := range fitInputs() {
			out, _ := f.Append(nil, in)
			v, err := time.Parse(layout, string(out))
			if err != nil {
				t.Fatalf("into %v: %v", c, err)
			}
			if v.Before(lo) || v.After(hi) {
				t.Fatalf("into %v: %q out of range", c, out)
			}
			if again, _ := g.Append(nil, in); string(again) != string(out) {
				t.Fatalf("into %v: not deterministic", c)
			}
		}
	}
}

// TestFitConstIntRange checks const and pick_from values are checked
// against the integer column's width.
func TestFitConstIntRange(t *testing.T) {
	for _, tc := range []struct {
		v    string
		bits int
		ok   bool
	}{
		{"32767", 16, true}, {"32768", 16, false}, {"-32768", 16, true},
		{"2147483647", 32, true}, {"2147483648", 32, false},
		{"9223372036854775807", 64, true}, {"9223372036854775807", 0, true},
	} {
		err := checkConst(tc.v, Target{Class: ClassInt, Bits: tc.bits, Type: "int"})
		if (err == nil) != tc.ok {
			t.Errorf("%s into int%d: err = %v", tc.v, tc.bits, err)
		}
	}
}

func BenchmarkPostcodeInteger(b *testing.B) {
	f := mustNew(b, "postcode", Params{PRF: testKey.Domain("fit"), Target: Target{Class: ClassInt, Bits: 32}})
	in := []byte("01234")
	dst := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		dst, _ = f.Append(dst[:0], in)
	}
}
