package fakers

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"
)

// privacyNames are the transformers of builtin_privacy.go; their inputs
// must be dates or numbers, so the generic tests over allNames (random
// text inputs) do not apply to them.
var privacyNames = []string{"date_shift", "generalize", "noise"}

var asOf = time.Date(2026, 12, 2, 15, 4, 5, 0, time.UTC)

const goldenPrivacyPath = "testdata/golden_privacy.txt"

// privacyCase is one configuration of a golden_privacy.txt line, with its
// inputs.
type privacyCase struct {
	name, label string
	p           Params
	inputs      []string
}

var (
	tDate  = Target{Class: ClassDate, Type: "date"}
	tTS    = Target{Class: ClassTimestamp, Type: "timestamp without time zone"}
	tTSTZ  = Target{Class: ClassTimestampTZ, Type: "timestamp with time zone"}
	tText  = Target{Class: ClassText, Type: "text"}
	tInt16 = Target{Class: ClassInt, Bits: 16, Type: "smallint"}
	tInt32 = Target{Class: ClassInt, Bits: 32, Type: "integer"}
	tInt64 = Target{Class: ClassInt, Bits: 64, Type: "bigint"}
	tNum   = Target{Class: ClassNumeric, Precision: 10, Scale: 2, Type: "numeric(10,2)"}
	tNumU  = Target{Class: ClassNumeric, Type: "numeric"}
	tReal  = Target{Class: ClassNumeric, Precision: 6, Type: "real"}
	tFloat = Target{Class: ClassNumeric, Precision: 15, Type: "double precision"}
)

var (
	dates      = []string{"2024-02-29", "1999-12-31", "0001-03-01", "infinity", "-infinity", "2000-01-01"}
	timestamps = []string{"2024-02-29 23:59:59.999999", "1999-12-31 00:00:00", "infinity"}
	tstzs      = []string{"2024-02-29 23:30:00+00", "2024-03-01 00:30:00+05:30", "2023-12-31 23:00:00-02", "2024-06-01 12:00:00.5+01"}
	textDates  = []string{"2024-02-29", "2024-02-29T10:11:12Z", "2021-07-04 08:00"}
	ints       = []string{"0", "9", "10", "-1", "-10", "37", "75012", "-32768", "32767"}
	numerics   = []string{"0.00", "12.34", "-0.01", "39.99", "-40.00", "99999999.99", "-99999999.99", "NaN"}
	floats     = []string{"1.5e+10", "-3.25", "123.456", "Infinity", "1e-05"}
	postcodes  = []string{"SW1A 1AA", "75012", "10115", "m1 1ae", "1012 AB", "Å-123"}
	dobs       = []string{"1990-06-15", "2000-02-29", "1980-12-02", "1980-12-03", "2026-12-02", "1930-01-01 00:00:00"}
)

func privacyCases() []privacyCase {
	return []privacyCase{
		{"date_shift", "days=90 date", Params{Days: 90, Target: tDate}, dates},
		{"date_shift", "days=1 date", Params{Days: 1, Target: tDate}, dates},
		{"date_shift", "days=3650 timestamp", Params{Days: 3650, Target: tTS}, timestamps},
		{"date_shift", "days=90 timestamptz", Params{Days: 90, Target: tTSTZ}, tstzs},
		{"date_shift", "days=30 text", Params{Days: 30, Target: tText}, textDates},
		{"generalize", "to=year date", Params{To: "year", Target: tDate}, dates},
		{"generalize", "to=month date", Params{To: "month", Target: tDate}, dates},
		{"generalize", "to=month timestamp", Params{To: "month", Target: tTS}, timestamps},
		{"generalize", "to=month timestamptz", Params{To: "month", Target: tTSTZ}, tstzs},
		{"generalize", "to=year text", Params{To: "year", Target: tText}, textDates},
		{"generalize", "to=month text", Params{To: "month", Target: tText}, append(textDates, "infinity")},
		{"generalize", "to=month unknown", Params{To: "month", Target: Target{}}, textDates},
		{"generalize", "bucket=10 unknown", Params{Bucket: 10, Target: Target{}}, ints},
		{"generalize", "bucket=10 smallint", Params{Bucket: 10, Target: tInt16}, ints},
		{"generalize", "bucket=1000 integer", Params{Bucket: 1000, Target: tInt32}, ints},
		{"generalize", "bucket=10 numeric(10,2)", Params{Bucket: 10, Target: tNum}, numerics},
		{"generalize", "bucket=10 double precision", Params{Bucket: 10, Target: tFloat}, floats},
		{"generalize", "bucket=10 text", Params{Bucket: 10, Target: tText}, append(ints[:6:6], "12.5", "-0.5")},
		{"generalize", "keep=2 text", Params{Keep: 2, Target: tText}, postcodes},
		{"generalize", "keep=2 integer", Params{Keep: 2, Target: tInt32}, ints},
		{"noise", "percent=10 integer", Params{Percent: 10, Target: tInt32}, ints},
		{"noise", "percent=100 smallint", Params{Percent: 100, Target: tInt16}, ints},
		{"noise", "percent=5 numeric(10,2)", Params{Percent: 5, Target: tNum}, numerics},
		{"noise", "percent=20 numeric", Params{Percent: 20, Target: tNumU}, numerics},
		{"noise", "percent=10 real", Params{Percent: 10, Target: tReal}, floats},
		{"noise", "percent=10 double precision", Params{Percent: 10, Target: tFloat}, floats},
		{"noise", "percent=10 text", Params{Percent: 10, Target: tText}, append(ints[:6:6], "12.5", "-0.125")},
		{"date_of_birth", "keep_age date", Params{KeepAge: true, AsOf: asOf, Target: tDate}, dobs},
		{"date_of_birth", "keep_age timestamptz", Params{KeepAge: true, AsOf: asOf, Target: tTSTZ}, dobs},
	}
}

func newPrivacy(t testing.TB, name string, p Params) CheckFunc {
	t.Helper()
	d, _ := Lookup(name)
	if d.Keyed && p.PRF == (PRF{}) {
		p.PRF = testKey.Domain(name)
	}
	f, err := d.New(p)
	if err != nil {
		t.Fatalf("%s: New(%+v): %v", name, p, err)
	}
	cf, ok := f.(CheckFunc)
	if !ok {
		t.Fatalf("%s (%+v) is not a CheckFunc", name, p)
	}
	return cf
}

// TestGoldenPrivacy pins, under a fixed key, the output of date_shift,
// generalize, noise and date_of_birth keep_age, and checks every pinned
// value against what it must be (checkPrivacy), written from the
// definitions with the time package and strconv, not from the code.
func TestGoldenPrivacy(t *testing.T) {
	var b bytes.Buffer
	key := NewKey([]byte("test-key"))
	fmt.Fprintf(&b, "# go test ./fakers -run GoldenPrivacy -update rewrites this file\n")
	for _, c := range privacyCases() {
		c.p.PRF = key.Domain(c.name)
		f := newPrivacy(t, c.name, c.p)
		for _, in := range c.inputs {
			out, null, err := f.AppendCheck(nil, []byte(in))
			res := fmt.Sprintf("%q", out)
			switch {
			case err != nil:
				res = "error"
			case null:
				res = "NULL"
			}
			fmt.Fprintf(&b, "%s [%s] %q -> %s\n", c.name, c.label, in, res)
			if msg := checkPrivacy(c, in, string(out), err); msg != "" {
				t.Errorf("%s [%s] %q -> %s: %s", c.name, c.label, in, res, msg)
			}
		}
	}
	checkGolden(t, goldenPrivacyPath, "GoldenPrivacy", b.Bytes())
}

// Layouts of the time package for the ISO forms PostgreSQL writes.
var tsLayouts = []string{"2006-01-02", "2006-01-02 15:04:05.999999", "2006-01-02 15:04:05.999999Z07", "2006-01-02 15:04:05.999999Z07:00",
	"2006-01-02T15:04:05Z07:00", "2006-01-02 15:04"}

func parseTS(s string) (time.Time, bool) {
	for _, l := range tsLayouts {
		if tm, err := time.Parse(l, s); err == nil {
			return tm, true
		}
	}
	return time.Time{}, false
}

// checkPrivacy returns what is wrong with out, the output for in of case
// c, or "".
func checkPrivacy(c privacyCase, in, out string, err error) string {
	p := c.p
	if strings.Contains(fmt.Sprint(err), in) && in != "" {
		return "the error holds the value"
	}
	special := in == "infinity" || in == "-infinity" || in == "NaN" || in == "Infinity"
	switch c.name {
	case "date_shift":
		if special {
			if out != in {
				return "infinity must be kept"
			}
			return ""
		}
		ti, _ := parseTS(in)
		if err != nil {
			if ti.Year() == 1 && ti.YearDay() <= p.Days {
				return "" // moved before 0001-01-01
			}
			return fmt.Sprintf("unexpected error %v", err)
		}
		// The date part moves by whole days; the rest stays byte for byte.
		i := strings.IndexAny(in, " T")
		if i < 0 {
			i = len(in)
		}
		if out[len(out)-(len(in)-i):] != in[i:] {
			return "the time or zone part changed"
		}
		a, _ := time.Parse("2006-01-02", in[:i])
		bt, err2 := time.Parse("2006-01-02", out[:len(out)-(len(in)-i)])
		if err2 != nil {
			return "the output's date does not parse"
		}
		days := int(bt.Sub(a).Hours() / 24)
		if days == 0 || days < -p.Days || days > p.Days {
			return fmt.Sprintf("moved by %d days, want 1..%d either way", days, p.Days)
		}
	case "generalize":
		if err != nil {
			if special && p.Target.Class == ClassText || p.Bucket != 0 && p.Target.Class == ClassText && strings.Contains(in, "e") {
				return ""
			}
			return fmt.Sprintf("unexpected error %v", err)
		}
		if special {
			if out != in {
				return "special values must be kept"
			}
			return ""
		}
		switch {
		case p.To != "":
			ti, ok := parseTS(in)
			if !ok {
				return "test input does not parse"
			}
			if p.Target.Class == ClassTimestampTZ {
				ti = ti.UTC()
			}
			want := time.Date(ti.Year(), ti.Month(), 1, 0, 0, 0, 0, time.UTC)
			if p.To == "year" {
				want = time.Date(ti.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			}
			var ws string
			switch p.Target.Class {
			case ClassDate:
				ws = want.Format("2006-01-02")
			case ClassTimestamp:
				ws = want.Format("2006-01-02 15:04:05")
			case ClassTimestampTZ:
				ws = want.Format("2006-01-02 15:04:05") + "+00"
			case ClassUnknown:
				ws = want.Format("2006-01-02")
			default:
				ws = want.Format("2006-01")
				if p.To == "year" {
					ws = want.Format("2006")
				}
			}
			if out != ws {
				return "want " + ws
			}
		case p.Bucket != 0:
			v, _ := strconv.ParseFloat(in, 64)
			n := float64(p.Bucket)
			lo := math.Floor(v/n) * n
			want := strconv.FormatFloat(lo, 'f', -1, 64)
			switch {
			case p.Target.Class == ClassText:
				want += "-" + strconv.FormatFloat(lo+n-1, 'f', -1, 64)
			case p.Target.Class == ClassInt && lo < float64(intMin(p.Target.Bits)):
				want = strconv.FormatInt(intMin(p.Target.Bits), 10)
			case p.Target.Class == ClassNumeric && p.Target.Scale > 0 && lo < -(math.Pow10(p.Target.Precision-p.Target.Scale)-math.Pow10(-p.Target.Scale)):
				want = strconv.FormatFloat(-(math.Pow10(p.Target.Precision-p.Target.Scale) - math.Pow10(-p.Target.Scale)), 'f', p.Target.Scale, 64)
			case isFloat(p.Target):
				want = strconv.FormatFloat(lo, 'g', -1, 64)
			}
			if out != want {
				return "want " + want
			}
		default:
			if p.Target.Class == ClassInt {
				v, _ := strconv.ParseInt(in, 10, 64)
				mag := strings.TrimPrefix(in, "-")
				want := v
				if len(mag) > p.Keep {
					unit := math.Pow10(len(mag) - p.Keep)
					want = int64(math.Floor(float64(v)/unit) * unit)
				}
				want = max(want, intMin(p.Target.Bits))
				if out != strconv.FormatInt(want, 10) {
					return fmt.Sprintf("want %d", want)
				}
				return ""
			}
			ri, ro := []rune(in), []rune(out)
			if len(ri) != len(ro) || string(ri[:p.Keep]) != string(ro[:p.Keep]) {
				return "the first characters must be kept, the length too"
			}
			for i := p.Keep; i < len(ri); i++ {
				var want rune
				switch r := ri[i]; {
				case r >= '0' && r <= '9':
					want = '0'
				case r >= 'a' && r <= 'z':
					want = 'x'
				case r >= 'A' && r <= 'Z' || r == 'Å':
					want = 'X'
				default:
					want = r
				}
				if ro[i] != want {
					return fmt.Sprintf("character %d must be %q", i+1, want)
				}
			}
		}
	case "noise":
		if err != nil {
			return fmt.Sprintf("unexpected error %v", err)
		}
		if special {
			if out != in {
				return "special values must be kept"
			}
			return ""
		}
		v, _ := strconv.ParseFloat(in, 64)
		o, perr := strconv.ParseFloat(out, 64)
		if perr != nil {
			return "the output is not a number"
		}
		f := float64(p.Percent) / 100
		lo, hi := math.Min(v*(1-f), v*(1+f)), math.Max(v*(1-f), v*(1+f))
		slack := 0.0
		switch t := p.Target; {
		case t.Class == ClassInt:
			slack = 0.5
			lo, hi = max(lo, float64(intMin(t.Bits))), min(hi, float64(intMax(t.Bits)))
			if strings.ContainsAny(out, ".e") {
				return "an integer must be written as one"
			}
		case t.Class == ClassNumeric && t.Scale > 0:
			slack = 0.5 * math.Pow10(-t.Scale)
			m := math.Pow10(t.Precision-t.Scale) - math.Pow10(-t.Scale)
			lo, hi = max(lo, -m), min(hi, m)
			if !strings.Contains(out, ".") || len(out)-strings.Index(out, ".")-1 != t.Scale {
				return fmt.Sprintf("the scale %d must be kept", t.Scale)
			}
		case t.Class == ClassText || t.Class == ClassNumeric && t.Precision == 0:
			digits := 0
			if i := strings.Index(in, "."); i >= 0 {
				digits = len(in) - i - 1
			}
			slack = 0.5 * math.Pow10(-digits)
		default:
			slack = math.Abs(v) * 1e-6 // real: 6 digits
		}
		if o < lo-slack || o > hi+slack {
			return fmt.Sprintf("outside [%g, %g]", lo, hi)
		}
	case "date_of_birth":
		if err != nil {
			return fmt.Sprintf("unexpected error %v", err)
		}
		bi, _ := parseTS(in)
		bo, ok := parseTS(strings.TrimSuffix(out, "+00"))
		if !ok {
			return "the output is not a date"
		}
		if a, b := ageOn(bi, p.AsOf), ageOn(bo, p.AsOf); a != b {
			return fmt.Sprintf("age %d, want %d", b, a)
		}
	}
	return ""
}

// ageOn returns the age in full years on day of someone born on born,
// with the time package.
func ageOn(born, day time.Time) int {
	a := day.Year() - born.Year()
	if day.Month() < born.Month() || day.Month() == born.Month() && day.Day() < born.Day() {
		a-- // the birthday of this year is still to come
	}
	return a
}

// TestDateShiftIntervals is the property: date shifts keep intervals
// exactly within an entity, across tables. Two columns (a date of one
// table, a timestamptz of another) share a domain; for each entity, every
// pair of their dates is as far apart after the shift as before.
func TestDateShiftIntervals(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	prf := testKey.Domain("user_dates")
	users := newPrivacy(t, "date_shift", Params{PRF: prf, Days: 365, Target: tDate}).(EntityFunc)
	orders := newPrivacy(t, "date_shift", Params{PRF: prf, Days: 365, Target: tTSTZ}).(EntityFunc)
	base := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	offsets := map[int]int{}
	for e := range 2000 {
		entity := []byte(strconv.Itoa(e))
		created := base.AddDate(0, 0, r.IntN(15000))
		cin := created.Format("2006-01-02")
		cout, _, err := users.AppendEntity(nil, []byte(cin), entity)
		if err != nil {
			t.Fatal(err)
		}
		co, _ := time.Parse("2006-01-02", string(cout))
		shift := int(co.Sub(created).Hours() / 24)
		if shift == 0 || shift < -365 || shift > 365 {
			t.Fatalf("entity %d moved by %d days", e, shift)
		}
		offsets[shift]++
		for range 3 {
			placed := created.Add(time.Duration(r.Int64N(int64(3000 * 24 * time.Hour)))).Truncate(time.Second)
			pin := placed.Format("2006-01-02 15:04:05-07")
			pout, _, err := orders.AppendEntity(nil, []byte(pin), entity)
			if err != nil {
				t.Fatal(err)
			}
			po, err := time.Parse("2006-01-02 15:04:05-07", string(pout))
			if err != nil {
				t.Fatalf("%q: %v", pout, err)
			}
			if got, want := po.Sub(co), placed.Sub(created); got != want {
				t.Fatalf("entity %d: %s - %s = %v after the shift, %v before", e, pout, cout, got, want)
			}
		}
	}
	// 2000 entities over 730 offsets: both signs, many values.
	neg, pos := 0, 0
	for s, n := range offsets {
		if s < 0 {
			neg += n
		} else {
			pos += n
		}
	}
	if len(offsets) < 600 || neg < 850 || pos < 850 {
		t.Errorf("offsets poorly spread: %d distinct, %d negative, %d positive", len(offsets), neg, pos)
	}
	// Another domain moves the same entity differently.
	other := newPrivacy(t, "date_shift", Params{PRF: testKey.Domain("other"), Days: 365, Target: tDate}).(EntityFunc)
	same := 0
	for e := range 200 {
		a, _, _ := users.AppendEntity(nil, []byte("2000-01-01"), []byte(strconv.Itoa(e)))
		b, _, _ := other.AppendEntity(nil, []byte("2000-01-01"), []byte(strconv.Itoa(e)))
		if bytes.Equal(a, b) {
			same++
		}
	}
	if same > 5 {
		t.Errorf("two domains agree on %d of 200 entities", same)
	}
}

// TestGeneralizeMonotone is the property: generalization is monotone,
// a ≤ b ⇒ g(a) ≤ g(b), for dates, timestamps in mixed offsets, integers,
// decimals and integer postcodes.
func TestGeneralizeMonotone(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	t.Run("timestamptz", func(t *testing.T) {
		for _, to := range []string{"year", "month"} {
			f := newPrivacy(t, "generalize", Params{To: to, Target: tTSTZ})
			zones := []struct {
				s    string
				secs int
			}{{"+00", 0}, {"+05:30", 5*3600 + 1800}, {"-02", -7200}, {"+14", 14 * 3600}, {"-11:30", -11*3600 - 1800}}
			type pair struct {
				in  time.Time
				out time.Time
			}
			var ps []pair
			for range 3000 {
				tm := time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(90 * 24 * time.Hour)))).Truncate(time.Second)
				z := zones[r.IntN(len(zones))]
				s := tm.In(time.FixedZone("", z.secs)).Format("2006-01-02 15:04:05") + z.s
				out, _, err := f.AppendCheck(nil, []byte(s))
				if err != nil {
					t.Fatalf("%s: %v", s, err)
				}
				o, ok := parseTS(string(out))
				if !ok {
					t.Fatalf("%s -> %q", s, out)
				}
				ps = append(ps, pair{tm, o})
			}
			for i := range ps {
				for j := i + 1; j < min(len(ps), i+200); j++ {
					a, b := ps[i], ps[j]
					if a.in.After(b.in) {
						a, b = b, a
					}
					if a.out.After(b.out) {
						t.Fatalf("to %s: %v ≤ %v but %v > %v", to, a.in, b.in, a.out, b.out)
					}
				}
			}
		}
	})
	numbers := func(t *testing.T, f CheckFunc, gen func() (string, float64), cmp func(a, b string) int) {
		type pair struct {
			v   float64
			out string
		}
		var ps []pair
		for range 3000 {
			s, v := gen()
			out, _, err := f.AppendCheck(nil, []byte(s))
			if err != nil {
				t.Fatalf("%s: %v", s, err)
			}
			ps = append(ps, pair{v, string(out)})
		}
		for i := range ps {
			for j := range ps {
				if ps[i].v <= ps[j].v && cmp(ps[i].out, ps[j].out) > 0 {
					t.Fatalf("%v ≤ %v but %s > %s", ps[i].v, ps[j].v, ps[i].out, ps[j].out)
				}
			}
			if i > 300 {
				break
			}
		}
	}
	numCmp := func(a, b string) int {
		x, _ := strconv.ParseFloat(a, 64)
		y, _ := strconv.ParseFloat(b, 64)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	}
	t.Run("int bucket", func(t *testing.T) {
		f := newPrivacy(t, "generalize", Params{Bucket: 7, Target: tInt16})
		numbers(t, f, func() (string, float64) { v := r.IntN(65536) - 32768; return strconv.Itoa(v), float64(v) }, numCmp)
	})
	t.Run("numeric bucket", func(t *testing.T) {
		f := newPrivacy(t, "generalize", Params{Bucket: 25, Target: tNum})
		numbers(t, f, func() (string, float64) {
			v := float64(r.IntN(2000000)-1000000) / 100
			return strconv.FormatFloat(v, 'f', 2, 64), v
		}, numCmp)
	})
	t.Run("integer postcode keep", func(t *testing.T) {
		f := newPrivacy(t, "generalize", Params{Keep: 2, Target: tInt32})
		numbers(t, f, func() (string, float64) { v := r.IntN(2000000) - 1000000; return strconv.Itoa(v), float64(v) }, numCmp)
	})
	t.Run("date month", func(t *testing.T) {
		f := newPrivacy(t, "generalize", Params{To: "month", Target: tDate})
		numbers(t, f, func() (string, float64) {
			d := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3650000))
			return d.Format("2006-01-02"), float64(d.Unix())
		}, strings.Compare)
	})
}

// TestGeneralizeBucketBottoms checks that an integer's output is the
// bottom of its bucket: a multiple of N with out ≤ v < out + N.
func TestGeneralizeBucketBottoms(t *testing.T) {
	for _, n := range []int{1, 3, 10, 1000} {
		f := newPrivacy(t, "generalize", Params{Bucket: n, Target: tInt64})
		for v := int64(-2500); v <= 2500; v += 7 {
			out, _, err := f.AppendCheck(nil, strconv.AppendInt(nil, v, 10))
			if err != nil {
				t.Fatal(err)
			}
			o, _ := strconv.ParseInt(string(out), 10, 64)
			if o%int64(n) != 0 || o > v || v >= o+int64(n) {
				t.Fatalf("bucket %d: %d -> %d", n, v, o)
			}
		}
	}
	f := newPrivacy(t, "generalize", Params{Bucket: 10, Target: tInt64})
	if out, _, _ := f.AppendCheck(nil, []byte("-9223372036854775808")); string(out) != "-9223372036854775808" {
		t.Errorf("min int64 -> %s, want itself (clamped)", out)
	}
}

func TestNoiseProperties(t *testing.T) {
	f := newPrivacy(t, "noise", Params{Percent: 10, Target: tInt32})
	g := newPrivacy(t, "noise", Params{Percent: 10, Target: tInt32, PRF: testKey.Domain("noise2")})
	changed, differ := 0, 0
	for v := 1000; v < 3000; v++ {
		in := []byte(strconv.Itoa(v))
		a, _, _ := f.AppendCheck(nil, in)
		b, _, _ := f.AppendCheck(nil, in)
		c, _, _ := g.AppendCheck(nil, in)
		if !bytes.Equal(a, b) {
			t.Fatalf("%d: %s then %s", v, a, b)
		}
		o, _ := strconv.Atoi(string(a))
		if float64(o) < float64(v)*0.9-0.5 || float64(o) > float64(v)*1.1+0.5 {
			t.Fatalf("%d -> %d: beyond 10%%", v, o)
		}
		if o != v {
			changed++
		}
		if !bytes.Equal(a, c) {
			differ++
		}
	}
	if changed < 1900 || differ < 1900 {
		t.Errorf("of 2000 values, %d changed and %d differ across domains", changed, differ)
	}
	// Clamped to the type.
	h := newPrivacy(t, "noise", Params{Percent: 100, Target: tInt16})
	for range 50 {
		for _, in := range []string{"32767", "-32768", "30000"} {
			out, _, _ := h.AppendCheck(nil, []byte(in))
			if o, err := strconv.Atoi(string(out)); err != nil || o < -32768 || o > 32767 {
				t.Fatalf("%s -> %s outside smallint", in, out)
			}
		}
	}
	b := newPrivacy(t, "noise", Params{Percent: 100, Target: tInt64})
	for _, in := range []string{"9223372036854775807", "-9223372036854775808"} {
		out, _, _ := b.AppendCheck(nil, []byte(in))
		if _, err := strconv.ParseInt(string(out), 10, 64); err != nil {
			t.Errorf("%s -> %s outside bigint", in, out)
		}
	}
}

func TestKeepAge(t *testing.T) {
	for _, day := range []time.Time{asOf, time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC), time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)} {
		f := newPrivacy(t, "date_of_birth", Params{KeepAge: true, AsOf: day, Target: tDate})
		base := time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC)
		seen := map[string]bool{}
		for i := range 30000 {
			b := base.AddDate(0, 0, i)
			in := b.Format("2006-01-02")
			out, _, err := f.AppendCheck(nil, []byte(in))
			if err != nil {
				t.Fatal(err)
			}
			o, err := time.Parse("2006-01-02", string(out))
			if err != nil {
				t.Fatalf("%s -> %q", in, out)
			}
			if a, c := ageOn(b, day), ageOn(o, day); a != c {
				t.Fatalf("as of %s: %s (age %d) -> %s (age %d)", day.Format("2006-01-02"), in, a, out, c)
			}
			if b.Year() == 1970 {
				seen[string(out)] = true
			}
		}
		// Inputs of 1970 spread over about two years of birth dates.
		if len(seen) < 200 {
			t.Errorf("as of %s: 365 inputs gave only %d dates", day.Format("2006-01-02"), len(seen))
		}
	}
	// Deterministic for the key, input and as-of date; another as-of date
	// changes the draw.
	f := newPrivacy(t, "date_of_birth", Params{KeepAge: true, AsOf: asOf, Target: tDate})
	g := newPrivacy(t, "date_of_birth", Params{KeepAge: true, AsOf: asOf, Target: tDate})
	a, _, _ := f.AppendCheck(nil, []byte("1985-05-05"))
	b, _, _ := g.AppendCheck(nil, []byte("1985-05-05"))
	if !bytes.Equal(a, b) {
		t.Errorf("%s then %s", a, b)
	}
}

// TestPrivacyErrors checks the errors of New (options and columns) and
// of values, which never hold the value.
func TestPrivacyErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		p    Params
		want string
	}{
		{"date_shift", Params{Target: tDate}, "needs days"},
		{"date_shift", Params{Days: 36501, Target: tDate}, "needs days"},
		{"date_shift", Params{Days: 5, Target: tInt32}, "cannot write into integer"},
		{"date_shift", Params{Days: 5, Unique: true, Target: tDate}, "unique"},
		{"date_shift", Params{Days: 5, Target: Target{Class: ClassText, MaxLen: 8}}, "needs at least 10"},
		{"generalize", Params{Target: tDate}, "exactly one"},
		{"generalize", Params{To: "year", Bucket: 5, Target: tDate}, "exactly one"},
		{"generalize", Params{To: "week", Target: tDate}, "year or month"},
		{"generalize", Params{To: "year", Target: tInt32}, "cannot write into integer"},
		{"generalize", Params{Bucket: 10, Target: tDate}, "cannot write into date"},
		{"generalize", Params{Keep: 2, Target: tNum}, "cannot write into numeric"},
		{"noise", Params{Target: tInt32}, "needs percent"},
		{"noise", Params{Percent: 101, Target: tInt32}, "needs percent"},
		{"noise", Params{Percent: 10, Target: tDate}, "use date_shift"},
		{"date_of_birth", Params{KeepAge: true, Target: tDate}, "as-of"},
	} {
		d, _ := Lookup(c.name)
		c.p.PRF = testKey.Domain(c.name)
		if _, err := d.New(c.p); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %+v: %v, want %q", c.name, c.p, err, c.want)
		}
	}
	secret := "alice-1990-05-05"
	for _, c := range []struct {
		name string
		p    Params
		in   string
	}{
		{"date_shift", Params{Days: 5, Target: tDate}, secret},
		{"date_shift", Params{Days: 5, Target: tDate}, "2024-02-30"},
		{"date_shift", Params{Days: 5, Target: tDate}, "2024-02-03 10:00:00"},
		{"date_shift", Params{Days: 5, Target: tDate}, "0044-03-15 BC"},
		{"date_shift", Params{Days: 5, Target: tText}, "2024-02-03x"},
		{"date_shift", Params{Days: 5, Target: tText}, "9999-12-31"}, // may move past 9999
		{"generalize", Params{Bucket: 10, Target: tText}, secret},
		{"generalize", Params{Bucket: 10, Target: Target{Class: ClassText, MaxLen: 4}}, "1234"},
		{"generalize", Params{Bucket: 10, Target: tInt64}, "12345678901234567890"},
		{"generalize", Params{To: "month", Target: tTSTZ}, "2024-01-01 10:00:00+xx"},
		{"noise", Params{Percent: 10, Target: tText}, secret},
		{"date_of_birth", Params{KeepAge: true, AsOf: asOf, Target: tText}, secret},
	} {
		f := newPrivacy(t, c.name, c.p)
		_, _, err := f.AppendCheck(nil, []byte(c.in))
		if c.in == "9999-12-31" && err == nil {
			continue // moved back
		}
		if err == nil {
			t.Errorf("%s %+v on %q: no error", c.name, c.p, c.in)
			continue
		}
		if strings.Contains(err.Error(), c.in) || strings.Contains(err.Error(), "alice") {
			t.Errorf("%s: error holds the value: %v", c.name, err)
		}
		if out, null := f.Append(nil, []byte(c.in)); !null || len(out) != 0 {
			t.Errorf("%s: Append of a bad value = %q, %v; want NULL", c.name, out, null)
		}
	}
}

func TestPrivacyDefs(t *testing.T) {
	for _, c := range []struct {
		name  string
		keyed bool
		opts  []string
	}{
		{"date_shift", true, []string{"days", "by"}},
		{"generalize", false, []string{"to", "bucket", "keep"}},
		{"noise", true, []string{"percent"}},
	} {
		d, ok := Lookup(c.name)
		if !ok || d.Keyed != c.keyed || d.Unique || strings.Join(d.Options, ",") != strings.Join(c.opts, ",") || d.Summary == "" {
			t.Errorf("%s: %+v", c.name, d)
		}
	}
	f := newPrivacy(t, "date_shift", Params{Days: 9, Target: tDate})
	if _, ok := f.(EntityFunc); !ok {
		t.Error("date_shift is not an EntityFunc")
	}
}

func TestPrivacyAllocs(t *testing.T) {
	for _, c := range privacyCases() {
		f := newPrivacy(t, c.name, c.p)
		dst := make([]byte, 0, 128)
		for _, in := range c.inputs {
			v := []byte(in)
			dst, _, _ = f.AppendCheck(dst[:0], v)
			if n := testing.AllocsPerRun(100, func() { dst, _, _ = f.AppendCheck(dst[:0], v) }); n != 0 {
				t.Errorf("%s [%s] %q: %v allocations per value", c.name, c.label, in, n)
			}
		}
		if ef, ok := f.(EntityFunc); ok {
			v, e := []byte(c.inputs[0]), []byte("42")
			if n := testing.AllocsPerRun(100, func() { dst, _, _ = ef.AppendEntity(dst[:0], v, e) }); n != 0 {
				t.Errorf("%s [%s] AppendEntity: %v allocations per value", c.name, c.label, n)
			}
		}
	}
}

func BenchmarkDateShift(b *testing.B) {
	for _, c := range []struct {
		label string
		t     Target
		in    string
	}{
		{"date", tDate, "2024-02-29"},
		{"timestamptz", tTSTZ, "2024-02-29 23:30:00.123456+00"},
	} {
		b.Run(c.label, func(b *testing.B) {
			f := newPrivacy(b, "date_shift", Params{Days: 90, Target: c.t}).(EntityFunc)
			in, entity := []byte(c.in), []byte("123456")
			dst := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst, _, _ = f.AppendEntity(dst[:0], in, entity)
			}
			sink = dst
		})
	}
}

func BenchmarkGeneralize(b *testing.B) {
	for _, c := range []struct {
		label string
		p     Params
		in    string
	}{
		{"to=month/timestamptz", Params{To: "month", Target: tTSTZ}, "2024-02-29 23:30:00.123456+05:30"},
		{"to=year/date", Params{To: "year", Target: tDate}, "2024-02-29"},
		{"bucket=10/integer", Params{Bucket: 10, Target: tInt32}, "123457"},
		{"bucket=10/numeric", Params{Bucket: 10, Target: tNum}, "-12345.67"},
		{"bucket=10/text", Params{Bucket: 10, Target: tText}, "37"},
		{"keep=2/text", Params{Keep: 2, Target: tText}, "SW1A 1AA"},
	} {
		b.Run(c.label, func(b *testing.B) {
			f := newPrivacy(b, "generalize", c.p)
			in := []byte(c.in)
			dst := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst, _, _ = f.AppendCheck(dst[:0], in)
			}
			sink = dst
		})
	}
}

func BenchmarkNoise(b *testing.B) {
	f := newPrivacy(b, "noise", Params{Percent: 10, Target: tNum})
	in := []byte("12345.67")
	dst := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		dst, _, _ = f.AppendCheck(dst[:0], in)
	}
	sink = dst
}
