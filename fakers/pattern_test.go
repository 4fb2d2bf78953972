package fakers

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMaskKeepFirst(t *testing.T) {
	for _, tc := range []struct {
		first, last, keep int
		in, want          string
	}{
		{1, 0, 0, "secret", "s*****"},
		{2, 3, 0, "0612345678", "06*****678"},
		{2, 0, 3, "0612345678", "06*****678"}, // keep is keep_last
		{2, 3, 3, "0612345678", "06*****678"},
		{2, 3, 0, "12345", "*****"}, // not longer than keep_first+keep_last: masked whole
		{2, 3, 0, "123456", "12*456"},
		{1, 1, 0, "Zoë", "Z*ë"},
		{1, 1, 0, "Zö", "**"},
		{1, 0, 0, "\xffab", "\xff**"},
		{3, 0, 0, "", ""},
	} {
		f := mustNew(t, "mask", Params{KeepFirst: tc.first, KeepLast: tc.last, Keep: tc.keep})
		if out, _ := f.Append(nil, []byte(tc.in)); string(out) != tc.want {
			t.Errorf("mask keep_first=%d keep_last=%d keep=%d (%q) = %q, want %q", tc.first, tc.last, tc.keep, tc.in, out, tc.want)
		}
	}
	for _, p := range []Params{{KeepFirst: -1}, {KeepLast: -1}, {Keep: 2, KeepLast: 3}} {
		if _, err := mustDef("mask").New(p); err == nil {
			t.Errorf("mask %+v accepted", p)
		}
	}
	// Never more than keep_first+keep_last characters of the input survive.
	f := mustNew(t, "mask", Params{KeepFirst: 2, KeepLast: 2, Char: "\x00"})
	for _, v := range inputs(5000) {
		out, _ := f.Append(nil, v)
		if utf8.RuneCount(out) != utf8.RuneCount(v) {
			t.Fatalf("mask(%q) = %q: length changed", v, out)
		}
		if kept := len(out) - bytes.Count(out, []byte{0}); kept > len(v) || bytes.Count(out, []byte{0}) < utf8.RuneCount(v)-4 {
			t.Fatalf("mask(%q) = %q: keeps too much", v, out)
		}
	}
}

func TestEmailMask(t *testing.T) {
	for _, tc := range []struct {
		max      int
		char     string
		in, want string
	}{
		{0, "", "john.smith@acme.com", "j***@acme.com"},
		{0, "", "jo@acme.com", "j***@acme.com"},
		{0, "", "j@acme.com", "***@acme.com"}, // one character: masked whole
		{0, "#", "Émile@exemple.fr", "É###@exemple.fr"},
		{0, "", "\xffx@h", "\xff***@h"},
		{0, "", "user@localhost", "u***@localhost"},
		{0, "", "not an email", "***"},
		{0, "", "a b@acme.com", "***"},
		{0, "", "a@b@acme.com", "***"},
		{0, "", "@acme.com", "***"},
		{0, "", "john@", "***"},
		{0, "", "john\t@acme.com", "***"},
		{0, "", "", "***"},
		{13, "", "john.smith@acme.com", "j***@acme.com"},
		{12, "", "john.smith@acme.com", "***"}, // the masked form does not fit
		{3, "", "john.smith@acme.com", "***"},
	} {
		tgt := Target{Class: ClassText, MaxLen: tc.max}
		f := mustNew(t, "email_mask", Params{Char: tc.char, Target: tgt})
		out, null := f.Append(nil, []byte(tc.in))
		if string(out) != tc.want || null {
			t.Errorf("email_mask max=%d char=%q (%q) = %q, want %q", tc.max, tc.char, tc.in, out, tc.want)
		}
	}
	// The local part's length does not show.
	f := mustNew(t, "email_mask", Params{})
	a, _ := f.Append(nil, []byte("ab@x.org"))
	b, _ := f.Append(nil, []byte("abcdefghijklmnop@x.org"))
	if string(a) != string(b) {
		t.Errorf("email_mask gives %q and %q for local parts of different lengths", a, b)
	}
	_, err := mustDef("email_mask").New(Params{Target: Target{Class: ClassText, MaxLen: 2, Type: "varchar(2)"}})
	if err == nil || err.Error() != "email_mask needs at least 3 characters, varchar(2) holds 2" {
		t.Errorf("email_mask into varchar(2): err = %v", err)
	}
	for _, c := range []string{"ab", "\xff"} {
		if _, err := mustDef("email_mask").New(Params{Char: c}); err == nil {
			t.Errorf("email_mask char=%q accepted", c)
		}
	}
}

func TestRegexReplace(t *testing.T) {
	for _, tc := range []struct {
		pattern, replace string
		max              int
		in, want         string // want is a regexp the output must match
	}{
		{`\d`, `\d`, 0, "tel 06 12", `^tel \d\d \d\d$`},
		{`(\d{3})-(\d{4})`, `$1-\d\d\d\d`, 0, "call 555-1234 now", `^call 555-\d{4} now$`},
		{`(?P<user>[^@]+)@(?P<host>.+)`, `\w\w\w\w@${host}`, 0, "alice@corp.example", `^[a-z]{4}@corp\.example$`},
		{`[A-Z]+`, `\W\W`, 0, "ABC def GHIJ", `^[A-Z]{2} def [A-Z]{2}$`},
		{`x`, `$$\\`, 0, "axb", `^a\$\\b$`},
		{`x`, ``, 0, "axbx", `^ab$`},
		{`\d+`, `\d\d\d\d\d\d`, 5, "n 1", `^n \d{3}$`}, // cut to the column
		{`\d`, `\d`, 3, "ééééé", `^ééé$`},              // no match, still cut
		{`(a)|(b)`, `[$2]`, 0, "ab", `^\[\]\[b\]$`},    // a group that did not take part is empty
		{`q`, `\d`, 0, "", `^$`},
	} {
		f := mustNew(t, "regex_replace", Params{Pattern: tc.pattern, Replace: tc.replace, Target: Target{Class: ClassText, MaxLen: tc.max}})
		out, null := f.Append(nil, []byte(tc.in))
		if null || !regexp.MustCompile(tc.want).Match(out) {
			t.Errorf("regex_replace %q -> %q (%q) = %q, want %s", tc.pattern, tc.replace, tc.in, out, tc.want)
		}
		again, _ := f.Append(nil, []byte(tc.in))
		if !bytes.Equal(out, again) {
			t.Errorf("regex_replace %q: %q, then %q", tc.pattern, out, again)
		}
	}
	for _, tc := range []struct{ pattern, replace, err string }{
		{``, `x`, "regex_replace needs `pattern:`"},
		{`(`, `x`, "regex_replace pattern: error parsing regexp: missing closing ): `(`"},
		{`(\d)`, `$2`, `regex_replace replace: the pattern has no group "2" (it has 1)`},
		{`(\d)`, `${name}`, `regex_replace replace: the pattern has no group "name" (it has 1)`},
		{`(\d)`, `${1`, "regex_replace replace: ${ without a closing }"},
		{`(\d)`, `$x`, "regex_replace replace: $ must be followed by a group number, {name} or $"},
		{`(\d)`, `x$`, "regex_replace replace: a lone $ at the end; write $$ for a dollar sign"},
		{`(\d)`, `\s`, `regex_replace replace: unknown escape \s; use \d (digit), \w (lowercase letter), \W (uppercase letter) or \\`},
		{`(\d)`, `x\`, `regex_replace replace: a lone \ at the end; write \\ for a backslash`},
	} {
		_, err := mustDef("regex_replace").New(Params{Pattern: tc.pattern, Replace: tc.replace})
		if err == nil || err.Error() != tc.err {
			t.Errorf("regex_replace %q -> %q: err = %v, want %s", tc.pattern, tc.replace, err, tc.err)
		}
	}

	// Keyed: the key and the domain decide the characters; the digits are
	// spread over 0-9.
	in := inputs(3000)
	p := Params{Pattern: `\d`, Replace: `\d`}
	a := mustNew(t, "regex_replace", p)
	p.PRF = NewKey([]byte("other-key")).Domain("regex_replace")
	b := mustNew(t, "regex_replace", p)
	same := 0
	var digits [10]int
	for _, v := range in {
		x, _ := a.Append(nil, v)
		y, _ := b.Append(nil, v)
		if bytes.Equal(x, y) {
			same++
		}
		for _, c := range x[len(x)-8:] {
			digits[c-'0']++
		}
	}
	if same > len(in)/100 {
		t.Errorf("outputs agree across keys %d times in %d", same, len(in))
	}
	for d, n := range digits {
		if want := len(in) * 8 / 10; n < want*9/10 || n > want*11/10 {
			t.Errorf("digit %d drawn %d times, want about %d", d, n, want)
		}
	}
}

func TestRegexReplaceAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts differ under -race")
	}
	f := mustNew(t, "regex_replace", Params{Pattern: `(\d{3})-(\d{4})`, Replace: `$1-\d\d\d\d`})
	dst := make([]byte, 0, 256)
	for _, tc := range []struct {
		in   string
		most float64
	}{
		{"no phone here", 0},
		{"call 555-1234", 2},
		{"call 555-1234 or 555-9876", 3},
	} {
		v := []byte(tc.in)
		dst, _ = f.Append(dst[:0], v)
		if n := testing.AllocsPerRun(100, func() { dst, _ = f.Append(dst[:0], v) }); n > tc.most {
			t.Errorf("regex_replace(%q): %v allocations per value, want at most %v", tc.in, n, tc.most)
		}
	}
}

func TestPickFrom(t *testing.T) {
	values := []string{"red", "green", "blue", "cyan", "red"} // red twice: twice as likely
	f := mustNew(t, "pick_from", Params{Values: values})
	counts := map[string]int{}
	in := inputs(50_000)
	for _, v := range in {
		out, null := f.Append(nil, v)
		if null {
			t.Fatal("pick_from gave NULL")
		}
		counts[string(out)]++
	}
	for v, want := range map[string]int{"red": 20_000, "green": 10_000, "blue": 10_000, "cyan": 10_000} {
		if n := counts[v]; n < want*95/100 || n > want*105/100 {
			t.Errorf("pick_from chose %q %d times, want about %d", v, n, want)
		}
	}
	if len(counts) != 4 {
		t.Errorf("pick_from chose %v", counts)
	}
	// The caller's list may change afterwards.
	values[1] = "changed"
	for _, v := range in[:1000] {
		if out, _ := f.Append(nil, v); string(out) == "changed" {
			t.Fatal("pick_from reads the caller's slice")
		}
	}

	// Values are checked against the column as const values are.
	ints := mustNew(t, "pick_from", Params{Values: []string{"1", "22", "-3"}, Target: Target{Class: ClassInt}})
	if out, _ := ints.Append(nil, []byte("x")); !regexp.MustCompile(`^(1|22|-3)$`).Match(out) {
		t.Errorf("pick_from into integer = %q", out)
	}
	for _, tc := range []struct {
		p   Params
		err string
	}{
		{Params{}, "pick_from needs `values:`, a list of at least one value"},
		{Params{Values: []string{}}, "pick_from needs `values:`, a list of at least one value"},
		{Params{Values: []string{"1", "x"}, Target: Target{Class: ClassInt, Type: "integer"}}, "pick_from value 2 is not a valid integer"},
		{Params{Values: []string{"abc", "abcd"}, Target: Target{Class: ClassText, MaxLen: 3, Type: "varchar(3)"}}, "pick_from value 2 has 4 characters, varchar(3) holds 3"},
		{Params{Values: []string{"2000-02-30"}, Target: Target{Class: ClassDate, Type: "date"}}, "pick_from value 1 is not a valid date"},
	} {
		_, err := mustDef("pick_from").New(tc.p)
		if err == nil || err.Error() != tc.err {
			t.Errorf("pick_from %+v: err = %v, want %s", tc.p, err, tc.err)
		}
	}
	dst, x := make([]byte, 0, 64), []byte("x")
	if n := testing.AllocsPerRun(100, func() { dst, _ = f.Append(dst[:0], x) }); n != 0 {
		t.Errorf("pick_from: %v allocations per value", n)
	}
}

func BenchmarkPattern(b *testing.B) {
	in := []byte("Alice Smith <alice.smith@corp.example>, tel 555-1234")
	for _, tc := range []struct {
		name, def string
		p         Params
	}{
		{"mask_first_last", "mask", Params{KeepFirst: 2, KeepLast: 4}},
		{"email_mask", "email_mask", Params{}},
		{"regex_replace_nomatch", "regex_replace", Params{Pattern: `\d{3}-\d{5}`, Replace: `\d`}},
		{"regex_replace_match", "regex_replace", Params{Pattern: `(\d{3})-(\d{4})`, Replace: `$1-\d\d\d\d`}},
		{"pick_from", "pick_from", Params{Values: strings.Fields("a b c d e f g")}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			f := mustNew(b, tc.def, tc.p)
			v := in
			if tc.def == "email_mask" {
				v = []byte("alice.smith@corp.example")
			}
			dst := make([]byte, 0, 256)
			b.ReportAllocs()
			b.SetBytes(int64(len(v)))
			for b.Loop() {
				dst, sinkNull = f.Append(dst[:0], v)
			}
			sink = dst
		})
	}
}

// FuzzRegexReplace: any pattern, replacement and value either is refused
// when compiled, or gives a deterministic output within the column's
// length, never a panic.
func FuzzRegexReplace(f *testing.F) {
	f.Add(`(\d{3})-(\d{4})`, `$1-\d\d\d\d`, "call 555-1234", 0)
	f.Add(`(?P<u>[^@]+)@(.*)`, `${u}\w\W$$\\@$2`, "a@b", 5)
	f.Add(`x*`, `\d`, "axxb", 2)
	f.Add(`^`, `$0`, "\xff\xfe", 1)
	f.Fuzz(func(t *testing.T, pattern, replace, in string, max int) {
		if max < 0 || max > 1000 {
			return
		}
		fn, err := mustDef("regex_replace").New(Params{
			PRF: testKey.Domain("regex_replace"), Pattern: pattern, Replace: replace,
			Target: Target{Class: ClassText, MaxLen: max},
		})
		if err != nil {
			return
		}
		a, null := fn.Append(nil, []byte(in))
		b, _ := fn.Append([]byte("prefix"), []byte(in))
		if null || string(b) != "prefix"+string(a) {
			t.Fatalf("outputs %q and %q (null %v)", a, b, null)
		}
		if max > 0 && utf8.RuneCount(a) > max {
			t.Fatalf("%d characters in a column of %d", utf8.RuneCount(a), max)
		}
	})
}
