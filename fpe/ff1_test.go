package fpe

import (
	"bytes"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

const alphabet36 = "0123456789abcdefghijklmnopqrstuvwxyz"

// numerals turns "0123456789abc..." into digit values.
func numerals(t testing.TB, s string) []byte {
	t.Helper()
	x := make([]byte, len(s))
	for i := range len(s) {
		j := strings.IndexByte(alphabet36, s[i])
		if j < 0 {
			t.Fatalf("bad numeral %q", s[i])
		}
		x[i] = byte(j)
	}
	return x
}

func text(x []byte) string {
	var sb strings.Builder
	for _, d := range x {
		sb.WriteByte(alphabet36[d])
	}
	return sb.String()
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The FF1 samples published by NIST with SP 800-38G (FF1samples.pdf,
// Computer Security Resource Center, "Examples with Intermediate Values").
var nistFF1 = []struct {
	name, key, tweak string
	radix            int
	pt, ct           string
}{
	{"sample1", "2B7E151628AED2A6ABF7158809CF4F3C", "", 10, "0123456789", "2433477484"},
	{"sample2", "2B7E151628AED2A6ABF7158809CF4F3C", "39383736353433323130", 10, "0123456789", "6124200773"},
	{"sample3", "2B7E151628AED2A6ABF7158809CF4F3C", "3737373770717273373737", 36, "0123456789abcdefghi", "a9tv40mll9kdu509eum"},
	{"sample4", "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F", "", 10, "0123456789", "2830668132"},
	{"sample5", "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F", "39383736353433323130", 10, "0123456789", "2496655549"},
	{"sample6", "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F", "3737373770717273373737", 36, "0123456789abcdefghi", "xbj3kv35jrawxv32ysr"},
	{"sample7", "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94", "", 10, "0123456789", "6657667009"},
	{"sample8", "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94", "39383736353433323130", 10, "0123456789", "1001623463"},
	{"sample9", "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94", "3737373770717273373737", 36, "0123456789abcdefghi", "xs8a0azh2avyalyzuwd"},
}

func TestFF1NISTVectors(t *testing.T) {
	for _, v := range nistFF1 {
		t.Run(v.name, func(t *testing.T) {
			c, err := NewFF1(mustHex(t, v.key), v.radix)
			if err != nil {
				t.Fatal(err)
			}
			tweak := mustHex(t, v.tweak)
			x := numerals(t, v.pt)
			for _, path := range []string{"uint64", "big"} {
				got := make([]byte, len(x))
				if path == "big" {
					err = c.cryptBig(got, x, tweak, false)
				} else {
					err = c.Encrypt(got, x, tweak)
				}
				if err != nil {
					t.Fatal(err)
				}
				if text(got) != v.ct {
					t.Errorf("%s: encrypt %s = %s, want %s", path, v.pt, text(got), v.ct)
				}
				back := make([]byte, len(x))
				if path == "big" {
					err = c.cryptBig(back, got, tweak, true)
				} else {
					err = c.Decrypt(back, got, tweak)
				}
				if err != nil {
					t.Fatal(err)
				}
				if text(back) != v.pt {
					t.Errorf("%s: decrypt %s = %s, want %s", path, text(got), text(back), v.pt)
				}
			}
		})
	}
}

var testKey128 = []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}

func newTestFF1(t testing.TB, radix int) *FF1 {
	t.Helper()
	c, err := NewFF1(testKey128, radix)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestFF1BijectionExhaustive encrypts every numeral string of radix 10 and
// length 6, the smallest FF1 domain: the outputs are a permutation and
// decryption inverts it.
func TestFF1BijectionExhaustive(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("1,000,000 encryptions")
	}
	t.Parallel()
	c := newTestFF1(t, 10)
	const n = 1_000_000
	seen := make([]bool, n)
	x, y, z := make([]byte, 6), make([]byte, 6), make([]byte, 6)
	fixed := 0
	for v := range n {
		c.str(x, uint64(v))
		if err := c.Encrypt(y, x, nil); err != nil {
			t.Fatal(err)
		}
		w := c.num(y)
		if seen[w] {
			t.Fatalf("two inputs encrypt to %06d", w)
		}
		seen[w] = true
		if w == uint64(v) {
			fixed++
		}
		if err := c.Decrypt(z, y, nil); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(z, x) {
			t.Fatalf("decrypt(encrypt(%06d)) = %s", v, text(z))
		}
	}
	// A random permutation has on average one fixed point; far more
	// would mean the rounds do little.
	if fixed > 20 {
		t.Errorf("%d fixed points", fixed)
	}
}

// TestFF1PathsAgree checks the uint64 path against the math/big path,
// written separately from the standard, on random strings of every length
// the uint64 path takes, with tweaks of several lengths (which move [i]
// and NUM(B) across block boundaries).
func TestFF1PathsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, radix := range []int{2, 3, 10, 16, 36} {
		c := newTestFF1(t, radix)
		for n := 2; n/2+n%2 < len(c.pow); n++ {
			if !c.domainOK(n) {
				continue
			}
			for range 20 {
				x := make([]byte, n)
				for i := range x {
					x[i] = byte(r.IntN(radix))
				}
				tweak := make([]byte, r.IntN(40))
				for i := range tweak {
					tweak[i] = byte(r.Uint32())
				}
				fast, slow := make([]byte, n), make([]byte, n)
				if err := c.Encrypt(fast, x, tweak); err != nil {
					t.Fatal(err)
				}
				if err := c.cryptBig(slow, x, tweak, false); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(fast, slow) {
					t.Fatalf("radix %d n %d tweak %d bytes: uint64 path %v, big path %v", radix, n, len(tweak), fast, slow)
				}
				if err := c.Decrypt(slow, fast, tweak); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(slow, x) {
					t.Fatalf("radix %d n %d: decrypt does not invert", radix, n)
				}
			}
		}
	}
}

// TestFF1Long runs the math/big path on strings whose S spans several AES
// blocks (d > 16), which the NIST samples do not reach.
func TestFF1Long(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := newTestFF1(t, 10)
	for _, n := range []int{39, 40, 64, 77, 100, 257} {
		x := make([]byte, n)
		for i := range x {
			x[i] = byte(r.IntN(10))
		}
		y, z := make([]byte, n), make([]byte, n)
		if err := c.Encrypt(y, x, []byte("tweak")); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(x, y) {
			t.Errorf("n %d: encryption is the identity", n)
		}
		for i, d := range y {
			if d >= 10 {
				t.Fatalf("n %d: numeral %d is %d", n, i, d)
			}
		}
		if err := c.Decrypt(z, y, []byte("tweak")); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(z, x) {
			t.Errorf("n %d: decrypt does not invert", n)
		}
		// One changed input numeral changes the output.
		x[n-1] = (x[n-1] + 1) % 10
		if err := c.Encrypt(z, x, []byte("tweak")); err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(z, y) {
			t.Errorf("n %d: two inputs, one output", n)
		}
	}
}

// TestFF1TweakCache alternates lengths and tweaks so the cached CBC-MAC
// prefix is reused and replaced, and compares with fresh ciphers.
func TestFF1TweakCache(t *testing.T) {
	c := newTestFF1(t, 10)
	tweaks := [][]byte{nil, []byte("a"), []byte("0123456789abcdef"), []byte("0123456789abcdefXYZ"), []byte("b")}
	x := numerals(t, "31415926535897932384")
	for round := range 3 {
		for _, tw := range tweaks {
			for _, n := range []int{6, 7, 20, 6} {
				got, want := make([]byte, n), make([]byte, n)
				if err := c.Encrypt(got, x[:n], tw); err != nil {
					t.Fatal(err)
				}
				if err := c.Clone().Encrypt(want, x[:n], tw); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("round %d tweak %q n %d: reused %v, fresh %v", round, tw, n, got, want)
				}
			}
		}
	}
	// Different tweaks and different keys give different outputs.
	a, b := make([]byte, 10), make([]byte, 10)
	c.Encrypt(a, x[:10], []byte("a"))
	c.Encrypt(b, x[:10], []byte("b"))
	if bytes.Equal(a, b) {
		t.Error("tweaks a and b encrypt alike")
	}
	d, _ := NewFF1(mustHex(t, "0f0e0d0c0b0a09080706050403020100"), 10)
	d.Encrypt(b, x[:10], []byte("a"))
	if bytes.Equal(a, b) {
		t.Error("two keys encrypt alike")
	}
}

func TestFF1Domain(t *testing.T) {
	for _, tc := range []struct{ radix, n int }{{10, 6}, {2, 20}, {36, 4}, {16, 5}, {3, 13}} {
		c := newTestFF1(t, tc.radix)
		for _, n := range []int{tc.n - 1, tc.n} {
			x := make([]byte, n)
			err := c.Encrypt(x, x, nil)
			if n < tc.n && err != ErrDomainTooSmall {
				t.Errorf("radix %d length %d: err %v, want ErrDomainTooSmall", tc.radix, n, err)
			}
			if n == tc.n && err != nil {
				t.Errorf("radix %d length %d: %v", tc.radix, n, err)
			}
		}
	}
	c := newTestFF1(t, 10)
	if err := c.Encrypt(make([]byte, 6), []byte{1, 2, 3, 4, 5, 10}, nil); err != ErrNumeral {
		t.Errorf("numeral 10 in radix 10: err %v", err)
	}
	if err := c.Encrypt(make([]byte, 5), make([]byte, 6), nil); err == nil {
		t.Error("short destination accepted")
	}
	for _, radix := range []int{1, 37} {
		if _, err := NewFF1(testKey128, radix); err == nil {
			t.Errorf("radix %d accepted", radix)
		}
	}
	if _, err := NewFF1(testKey128[:15], 10); err == nil {
		t.Error("15-byte key accepted")
	}
}
