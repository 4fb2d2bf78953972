package fakers

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// listEntries reads a locale list from disk, independently of readList.
func listEntries(t *testing.T, locale, list string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("locales", locale, list+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// listMinimum is the least number of entries each list must have.
var listMinimum = map[string]int{"first": 200, "last": 200, "cities": 150, "streets": 150}

// TestLocaleLists checks the format that locales/README.md promises for
// every list of every locale.
func TestLocaleLists(t *testing.T) {
	for _, loc := range locales[1:] {
		for list, least := range listMinimum {
			path := filepath.Join("locales", loc, list+".txt")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.Valid(data) || !bytes.HasSuffix(data, []byte("\n")) || bytes.Contains(data, []byte("\r")) {
				t.Errorf("%s: not UTF-8 with Unix newlines and a final newline", path)
			}
			seen := map[string]int{}
			n := 0
			sc := bufio.NewScanner(bytes.NewReader(data))
			for line := 1; sc.Scan(); line++ {
				s := sc.Text()
				if strings.HasPrefix(s, "#") {
					continue
				}
				n++
				if prev, dup := seen[s]; dup {
					t.Errorf("%s:%d: %q again (first on line %d)", path, line, s, prev)
				}
				seen[s] = line
				if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "  ") || utf8.RuneCountInString(s) > 40 {
					t.Errorf("%s:%d: %q: empty, padded, double-spaced or longer than 40 characters", path, line, s)
				}
				for _, r := range s {
					ok := unicode.IsLetter(r) && unicode.In(r, unicode.Latin) || r == ' ' || r == '\'' || r == '-' || r == '.' ||
						list == "streets" && r >= '0' && r <= '9'
					if !ok || unicode.Is(unicode.Mn, r) {
						t.Errorf("%s:%d: %q has the character %q", path, line, s, r)
					}
					_, t1 := translit[r]
					_, t2 := foldMore[r]
					if r >= utf8.RuneSelf && !t1 && !t2 {
						t.Errorf("%s:%d: %q has %q, which has no ASCII folding (add it to foldMore)", path, line, s, r)
					}
				}
			}
			if n < least {
				t.Errorf("%s has %d entries, want at least %d", path, n, least)
			}
		}
		if _, err := os.Stat(filepath.Join("locales", loc, "SOURCES.md")); err != nil {
			t.Errorf("locale %s has no SOURCES.md: %v", loc, err)
		}
	}
}

// localeFormats are the shapes each locale's formatted values must have,
// written from the numbering plans and postal formats, not from the
// generators.
var localeFormats = map[string]struct{ phone, postcode, street string }{
	"en_US": {`^\+1-[2-9]\d\d-555-\d{4}$`, `^\d{5}$`, `^[1-9]\d* .+$`},
	"en_GB": {`^(01632 960\d{3}|020 7946 0\d{3}|01(1[3-8]|21|31|41|51|61) 496 0\d{3}|0191 498 0\d{3}|028 9649 6\d{3}|029 2018 0\d{3}|07700 900\d{3})$`,
		`^[A-Z]{1,2}[1-9]\d? \d[ABD-HJLNP-UW-Z]{2}$`, `^[1-9]\d{0,2} (?P<s>.+)$`},
	"fr_FR": {`^0(1 99 00|2 61 91|3 53 01|4 65 71|5 36 49|6 39 98) \d\d \d\d$`, `^(0[1-9]|[1-8]\d|9[0-5])\d{3}$`, `^[1-9]\d{0,2} (?P<s>.+)$`},
	"de_DE": {`^(030 23125|069 90009|040 66969|0221 4710|089 99998)\d{3}$`, `^(0[1-9]|[1-9]\d)\d{3}$`, `^(?P<s>.+) [1-9]\d{0,2}$`},
	"es_ES": {`^6\d\d \d{3} \d{3}$`, `^(0[1-9]|[1-4]\d|5[0-2])\d{3}$`, `^(?P<s>.+), [1-9]\d{0,2}$`},
	"it_IT": {`^3\d\d \d{3} \d{4}$`, `^\d{5}$`, `^(?P<s>.+) [1-9]\d{0,2}$`},
	"nl_NL": {`^06 [1-5]\d{7}$`, `^[1-9]\d{3} [ABCDEGHJKLMNPRSTVWXZ]{2}$`, `^(?P<s>.+) [1-9]\d{0,2}$`},
}

func newLocaleFunc(t testing.TB, name, locale string, target Target) Func {
	t.Helper()
	d, ok := Lookup(name)
	if !ok {
		t.Fatalf("no transformer %s", name)
	}
	f, err := d.New(Params{PRF: NewKey([]byte("locale-test-key!")).Domain(name), Locale: locale, Target: target})
	if err != nil {
		t.Fatalf("%s %s: %v", name, locale, err)
	}
	return f
}

// TestLocaleValues checks, for every locale, that each locale-dependent
// transformer writes values of the locale's shape, drawn from its lists.
func TestLocaleValues(t *testing.T) {
	for _, loc := range locales {
		t.Run(loc, func(t *testing.T) {
			fm := localeFormats[loc]
			var first, last, streets []string
			if loc != DefaultLocale {
				first, last, streets = listEntries(t, loc, "first"), listEntries(t, loc, "last"), listEntries(t, loc, "streets")
			}
			checks := map[string]func(string) bool{
				"phone":    regexp.MustCompile(fm.phone).MatchString,
				"postcode": regexp.MustCompile(fm.postcode).MatchString,
				"email":    regexp.MustCompile(`^[a-z]+\.[a-z]+@example\.(com|net|org)$`).MatchString,
				"username": regexp.MustCompile(`^[a-z]+\d\d$`).MatchString,
			}
			streetRe := regexp.MustCompile(fm.street)
			checks["street_address"] = func(s string) bool {
				m := streetRe.FindStringSubmatch(s)
				if m == nil {
					return false
				}
				i := streetRe.SubexpIndex("s")
				return i < 0 || slices.Contains(streets, m[i])
			}
			if loc != DefaultLocale {
				checks["first_name"] = func(s string) bool { return slices.Contains(first, s) }
				checks["last_name"] = func(s string) bool { return slices.Contains(last, s) }
				checks["full_name"] = func(s string) bool {
					for _, f := range first {
						if l, ok := strings.CutPrefix(s, f+" "); ok && slices.Contains(last, l) {
							return true
						}
					}
					return false
				}
				cities := listEntries(t, loc, "cities")
				checks["city"] = func(s string) bool { return slices.Contains(cities, s) }
			}
			distinct := map[string]map[string]bool{}
			for name, ok := range checks {
				f := newLocaleFunc(t, name, loc, Target{Class: ClassText})
				distinct[name] = map[string]bool{}
				for i := 0; i < 2000; i++ {
					in := []byte("input-" + strconv.Itoa(i))
					out, null := f.Append(nil, in)
					if null || !utf8.Valid(out) || !ok(string(out)) {
						t.Fatalf("%s(%s) = %q, not of the locale's form", name, in, out)
					}
					again, _ := f.Append(nil, in)
					if !bytes.Equal(out, again) {
						t.Fatalf("%s is not deterministic: %q then %q", name, out, again)
					}
					distinct[name][string(out)] = true
				}
				if len(distinct[name]) < 100 {
					t.Errorf("%s in %s gave only %d distinct values of 2000", name, loc, len(distinct[name]))
				}
			}
		})
	}
}

// TestLocaleASCII checks that a dump not in UTF-8 gets letters without
// diacritics, and a UTF-8 one the names as written.
func TestLocaleASCII(t *testing.T) {
	for _, loc := range locales {
		var sawNonASCII bool
		for _, name := range []string{"first_name", "last_name", "full_name", "city", "street_address", "company"} {
			d, _ := Lookup(name)
			prf := NewKey([]byte("locale-test-key!")).Domain(name)
			asc, err := d.New(Params{PRF: prf, Locale: loc, ASCII: true})
			if err != nil {
				t.Fatal(err)
			}
			utf, _ := d.New(Params{PRF: prf, Locale: loc})
			for i := 0; i < 3000; i++ {
				in := []byte(strconv.Itoa(i))
				a, _ := asc.Append(nil, in)
				for _, c := range a {
					if c >= utf8.RuneSelf {
						t.Fatalf("%s %s ASCII: %q", name, loc, a)
					}
				}
				u, _ := utf.Append(nil, in)
				sawNonASCII = sawNonASCII || !isASCII(u)
				if string(a) != asciiFold(string(u)) {
					t.Fatalf("%s %s: ASCII %q is not the folded %q", name, loc, a, u)
				}
			}
		}
		if wantAccents := loc != "en_US" && loc != "en_GB"; sawNonASCII != wantAccents {
			t.Errorf("%s: letters beyond ASCII in UTF-8 output: %v, want %v", loc, sawNonASCII, wantAccents)
		}
	}
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// TestLocaleCutByCharacters checks that a limited column counts
// characters, not bytes, and never splits one.
func TestLocaleCutByCharacters(t *testing.T) {
	for _, loc := range locales {
		for _, unique := range []bool{false, true} {
			for _, lim := range []int{20, 25, 40} {
				d, _ := Lookup("full_name")
				f, err := d.New(Params{PRF: NewKey([]byte("locale-test-key!")).Domain("n"), Locale: loc, Unique: unique,
					Target: Target{Class: ClassText, MaxLen: lim}})
				if err != nil {
					t.Fatal(err)
				}
				for i := 0; i < 2000; i++ {
					out, _ := f.Append(nil, []byte(strconv.Itoa(i)))
					if !utf8.Valid(out) || utf8.RuneCount(out) > lim {
						t.Fatalf("%s varchar(%d) unique=%v: %q (%d characters)", loc, lim, unique, out, utf8.RuneCount(out))
					}
				}
			}
		}
	}
}

// TestLocaleNumbers checks the number forms: postcodes and phones into
// integer columns where the format is digits, a refusal where it is not.
func TestLocaleNumbers(t *testing.T) {
	for _, loc := range locales {
		d, _ := Lookup("postcode")
		f, err := d.New(Params{PRF: NewKey([]byte("locale-test-key!")).Domain("p"), Locale: loc, Target: Target{Class: ClassInt, Bits: 32}})
		if loc == "en_GB" {
			if err == nil || !strings.Contains(err.Error(), "letters") {
				t.Errorf("en_GB postcode into integer: err = %v, want a refusal naming its letters", err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s postcode into integer: %v", loc, err)
		}
		want := map[string]int{"nl_NL": 4}[loc]
		if want == 0 {
			want = 5
		}
		for i := 0; i < 1000; i++ {
			out, _ := f.Append(nil, []byte(strconv.Itoa(i)))
			n, err := strconv.ParseInt(string(out), 10, 32)
			if err != nil || len(out) != want || n <= 0 {
				t.Fatalf("%s postcode into integer: %q", loc, out)
			}
		}
	}
}

// TestLocaleUnknown checks that New refuses a locale it does not have.
func TestLocaleUnknown(t *testing.T) {
	for _, name := range []string{"first_name", "email", "postcode"} {
		d, _ := Lookup(name)
		_, err := d.New(Params{Locale: "xx_XX"})
		if err == nil || !strings.Contains(err.Error(), "fr_FR") {
			t.Errorf("%s with locale xx_XX: err = %v, want one listing the locales", name, err)
		}
	}
}

func TestLocaleAllocs(t *testing.T) {
	for _, loc := range locales {
		for _, name := range []string{"full_name", "email", "phone", "postcode", "street_address", "company"} {
			f := newLocaleFunc(t, name, loc, Target{Class: ClassText, MaxLen: 30})
			buf := make([]byte, 0, 256)
			in := []byte("someone@example.org")
			buf, _ = f.Append(buf[:0], in) // warm-up
			if n := testing.AllocsPerRun(200, func() { buf, _ = f.Append(buf[:0], in) }); n != 0 {
				t.Errorf("%s %s: %v allocations per value", name, loc, n)
			}
		}
	}
}

func BenchmarkLocale(b *testing.B) {
	for _, loc := range []string{"en_US", "fr_FR", "de_DE"} {
		for _, name := range []string{"full_name", "street_address", "phone"} {
			b.Run(fmt.Sprintf("%s/%s", name, loc), func(b *testing.B) {
				f := newLocaleFunc(b, name, loc, Target{Class: ClassText})
				buf := make([]byte, 0, 256)
				in := []byte("someone@example.org")
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					buf, _ = f.Append(buf[:0], in)
				}
			})
		}
	}
}

const goldenLocalesPath = "testdata/golden_locales.txt"

// TestGoldenLocales pins, under a fixed key, the output of every
// transformer that follows the locale, in every locale but en_US (which
// testdata/golden.txt pins), as written and folded to ASCII. The shapes
// of these values are checked by TestLocaleValues.
func TestGoldenLocales(t *testing.T) {
	var b bytes.Buffer
	key := NewKey([]byte("test-key"))
	fmt.Fprintf(&b, "# go test ./fakers -run GoldenLocales -update rewrites this file\n")
	for _, loc := range locales[1:] {
		for _, name := range Names() {
			d, _ := Lookup(name)
			if !d.Locale {
				continue
			}
			for _, c := range []struct {
				label string
				p     Params
			}{
				{"", Params{}},
				{"ascii", Params{ASCII: true}},
				{"unique varchar(24)", Params{Unique: true, Target: Target{Class: ClassText, MaxLen: 24}}},
				{"integer", Params{Target: Target{Class: ClassInt, Bits: 32}}},
			} {
				c.p.Locale, c.p.PRF = loc, key.Domain(name)
				f, err := d.New(c.p)
				if err != nil {
					continue // a form this transformer does not have
				}
				for _, in := range goldenInputs {
					out, _ := f.Append(nil, []byte(in))
					fmt.Fprintf(&b, "%s %s", loc, name)
					if c.label != "" {
						fmt.Fprintf(&b, " [%s]", c.label)
					}
					fmt.Fprintf(&b, " %q -> %q\n", in, out)
				}
			}
		}
	}
	checkGolden(t, goldenLocalesPath, "GoldenLocales", b.Bytes())
}
