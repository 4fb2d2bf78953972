package fpe

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
)

func newTestDigits(t testing.TB, o DigitsOptions) *Digits {
	t.Helper()
	d, err := NewDigits(testKey128, o)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// luhnValid is the Luhn check (ISO/IEC 7812-1, annex B), written from the
// description independently of luhnCheck: from the rightmost digit, which
// is the check digit, double every second digit, subtract 9 from results
// above 9, and the sum of all digits must be a multiple of 10.
func luhnValid(s string) bool {
	sum, n := 0, 0
	for i := len(s) - 1; i >= 0; i-- {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		v := int(c - '0')
		if n%2 == 1 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		n++
	}
	return n > 0 && sum%10 == 0
}

func TestLuhnValidator(t *testing.T) {
	// Published valid numbers: Wikipedia's example and the test cards of
	// the card networks.
	for _, s := range []string{"79927398713", "4111111111111111", "4012888888881881", "378282246310005", "5555555555554444"} {
		if !luhnValid(s) {
			t.Errorf("%s is Luhn-valid", s)
		}
		for d := byte('0'); d <= '9'; d++ {
			if d == s[len(s)-1] {
				continue
			}
			if luhnValid(s[:len(s)-1] + string(d)) {
				t.Errorf("%s with check digit %c is not Luhn-valid", s, d)
			}
		}
		p := numerals(t, s[:len(s)-1])
		if got := luhnCheck(p); '0'+got != s[len(s)-1] {
			t.Errorf("luhnCheck(%s) = %d, want %c", s[:len(s)-1], got, s[len(s)-1])
		}
	}
}

// digitMask replaces every digit by 'D'.
func digitMask(s string) string {
	b := []byte(s)
	for i, c := range b {
		if '0' <= c && c <= '9' {
			b[i] = 'D'
		}
	}
	return string(b)
}

func TestDigitsFormat(t *testing.T) {
	d := newTestDigits(t, DigitsOptions{})
	for _, in := range []string{
		"+33 6 12-34-56-78", "(555) 123-4567", "0012", "0", "000000", "1-2", "AB 123 456 C",
		"12345678901234567890123456789012345678", "n° 0042 é", "12345678901234567890123456789012345678901234567890",
	} {
		got, err := d.Append(nil, []byte(in))
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if digitMask(string(got)) != digitMask(in) {
			t.Errorf("%q -> %q: the non-digits or the digit positions moved", in, got)
		}
		back, err := d.AppendDecrypt(nil, got)
		if err != nil {
			t.Fatal(err)
		}
		if string(back) != in {
			t.Errorf("%q -> %q -> %q", in, got, back)
		}
	}
	for _, in := range []string{"", "N/A", "unknown"} {
		got, err := d.Append([]byte("x"), []byte(in))
		if err != nil || string(got) != "x"+in {
			t.Errorf("%q -> %q, %v; want it unchanged", in, got, err)
		}
	}
}

// TestDigitsSeparatorsIgnored: the digits alone choose the output digits.
func TestDigitsSeparatorsIgnored(t *testing.T) {
	d := newTestDigits(t, DigitsOptions{})
	a, _ := d.Append(nil, []byte("+33 6 12-34-56-78"))
	b, _ := d.Append(nil, []byte("33612345678"))
	if digits(string(a)) != string(b) {
		t.Errorf("%s and %s: same digits, different images", a, b)
	}
}

func digits(s string) string {
	var b []byte
	for _, c := range []byte(s) {
		if '0' <= c && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// TestDigitsBijection runs every digit string of 1 to 6 digits (the
// tables and the smallest FF1 domain) through Append: the images are
// distinct, as long as their input, and AppendDecrypt inverts them.
func TestDigitsBijection(t *testing.T) {
	t.Parallel()
	maxK := 6
	if testing.Short() || raceEnabled {
		maxK = 5
	}
	d := newTestDigits(t, DigitsOptions{Tweak: []byte("customers.phone")})
	for k := 1; k <= maxK; k++ {
		n := 1
		for range k {
			n *= 10
		}
		seen := make(map[string]bool, n)
		fixed := 0
		var in, out, back []byte
		for v := range n {
			in = fmt.Appendf(in[:0], "%0*d", k, v)
			var err error
			out, err = d.Append(out[:0], in)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) != k || digits(string(out)) != string(out) {
				t.Fatalf("%s -> %s", in, out)
			}
			if seen[string(out)] {
				t.Fatalf("%d digits: two inputs encrypt to %s", k, out)
			}
			seen[string(out)] = true
			if bytes.Equal(in, out) {
				fixed++
			}
			back, err = d.AppendDecrypt(back[:0], out)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(back, in) {
				t.Fatalf("%s -> %s -> %s", in, out, back)
			}
		}
		if k >= 3 && fixed > 20 {
			t.Errorf("%d digits: %d fixed points", k, fixed)
		}
	}
}

func TestDigitsLuhn(t *testing.T) {
	d := newTestDigits(t, DigitsOptions{Luhn: true})
	r := rand.New(rand.NewPCG(5, 6))
	seen := map[string]bool{}
	for range 20000 {
		p := make([]byte, 15)
		for i := range p {
			p[i] = byte(r.IntN(10))
		}
		card := text(append(p, luhnCheck(p)))
		if !luhnValid(card) {
			t.Fatalf("test input %s is not Luhn-valid", card)
		}
		in := card[0:4] + " " + card[4:8] + " " + card[8:12] + " " + card[12:16]
		out, err := d.Append(nil, []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if !luhnValid(string(out)) {
			t.Fatalf("%s -> %s, not Luhn-valid", in, out)
		}
		if digitMask(string(out)) != digitMask(in) {
			t.Fatalf("%s -> %s: format changed", in, out)
		}
		if seen[string(out)] {
			t.Fatalf("two cards encrypt to %s", out)
		}
		seen[string(out)] = true
		back, err := d.AppendDecrypt(nil, out)
		if err != nil {
			t.Fatal(err)
		}
		if string(back) != in {
			t.Fatalf("%s -> %s -> %s", in, out, back)
		}
	}
	// Every Luhn-valid string of 5 digits (a table for the 4-digit
	// payload): valid, distinct images.
	seen = map[string]bool{}
	for v := range 100000 {
		s := fmt.Sprintf("%05d", v)
		if !luhnValid(s) {
			continue
		}
		out, err := d.Append(nil, []byte(s))
		if err != nil {
			t.Fatal(err)
		}
		if !luhnValid(string(out)) || seen[string(out)] {
			t.Fatalf("%s -> %s: invalid or repeated", s, out)
		}
		seen[string(out)] = true
	}
	if len(seen) != 10000 {
		t.Errorf("%d valid 5-digit strings, want 10000", len(seen))
	}
	if _, err := d.Append(nil, []byte("x7")); !errors.Is(err, ErrLuhnTooShort) {
		t.Errorf("one digit with luhn: %v", err)
	}
}

func TestDigitsKeysAndTweaks(t *testing.T) {
	in := []byte("(555) 123-4567")
	a := newTestDigits(t, DigitsOptions{})
	x, _ := a.Append(nil, in)
	y, _ := a.Append(nil, in)
	z, _ := a.Clone().Append(nil, in)
	if !bytes.Equal(x, y) || !bytes.Equal(x, z) {
		t.Errorf("not deterministic: %s %s %s", x, y, z)
	}
	if bytes.Equal(x, in) {
		t.Errorf("%s encrypts to itself", in)
	}
	b := newTestDigits(t, DigitsOptions{Tweak: []byte("other")})
	if w, _ := b.Append(nil, in); bytes.Equal(w, x) {
		t.Error("two tweaks, one image")
	}
	c, err := NewDigits(bytes.Repeat([]byte{7}, 32), DigitsOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if w, _ := c.Append(nil, in); bytes.Equal(w, x) {
		t.Error("two keys, one image")
	}
	// Tables differ too: the 1,000 3-digit strings under two tweaks.
	same := 0
	for v := range 1000 {
		s := []byte(fmt.Sprintf("%03d", v))
		p, _ := a.Append(nil, s)
		q, _ := b.Append(nil, s)
		if bytes.Equal(p, q) {
			same++
		}
	}
	if same > 20 { // about 1 expected
		t.Errorf("3-digit tables under two tweaks agree on %d of 1000 values", same)
	}
	if _, err := NewDigits(make([]byte, 10), DigitsOptions{}); err == nil {
		t.Error("10-byte key accepted")
	}
}

func TestDigitsAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	for _, tc := range []struct {
		in   string
		luhn bool
	}{
		{"(555) 123-4567", false},
		{"4111 1111 1111 1111", true},
		{"1234", false},
		{"12345678901234567890123456789012345678", false},
	} {
		d := newTestDigits(t, DigitsOptions{Luhn: tc.luhn, Tweak: []byte("t")})
		in := []byte(tc.in)
		dst := make([]byte, 0, 64)
		dst, _ = d.Append(dst[:0], in) // builds a table on first use
		if n := testing.AllocsPerRun(100, func() { dst, _ = d.Append(dst[:0], in) }); n != 0 {
			t.Errorf("%s: %v allocations per value", tc.in, n)
		}
		if n := testing.AllocsPerRun(100, func() { dst, _ = d.AppendDecrypt(dst[:0], in) }); n != 0 {
			t.Errorf("%s: %v allocations per decryption", tc.in, n)
		}
	}
}

// TestDigitsConcurrentClones: clones share the tables, which are built
// once under a sync.Once; run with -race.
func TestDigitsConcurrentClones(t *testing.T) {
	d := newTestDigits(t, DigitsOptions{})
	done := make(chan []byte)
	for range 4 {
		c := d.Clone()
		go func() {
			out, _ := c.Append(nil, []byte("1234"))
			done <- out
		}()
	}
	want, _ := d.Clone().Append(nil, []byte("1234"))
	for range 4 {
		if got := <-done; !bytes.Equal(got, want) {
			t.Errorf("clone: %s, want %s", got, want)
		}
	}
}
