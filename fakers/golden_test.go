package fakers

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt")

const goldenPath = "testdata/golden.txt"

var goldenInputs = []string{"alice@corp.example", "Zoë Ångström-Żółć", "", "4111 1111 1111 1111"}

// goldenCase is one configuration of one transformer in the golden file.
type goldenCase struct {
	label string
	p     Params
}

func goldenCases(d *Def) []goldenCase {
	var cs []goldenCase
	add := func(label string, p Params) {
		cs = append(cs, goldenCase{label, p})
		p.Unique = true
		if _, err := d.New(p); err == nil {
			cs = append(cs, goldenCase{strings.TrimSpace(label + " unique"), p})
		}
	}
	switch d.Name {
	case "const":
		add("value=n/a", Params{Value: "n/a"})
	case "hash":
		add("length=0", Params{})
		add("length=8", Params{Length: 8})
		add("length=16", Params{Length: 16})
	case "mask":
		add("keep=0", Params{})
		add("keep=4 char=#", Params{Keep: 4, Char: "#"})
		add("keep=3 char=•", Params{Keep: 3, Char: "•"})
		add("keep_first=2 keep_last=3", Params{KeepFirst: 2, KeepLast: 3})
		add("keep_first=1", Params{KeepFirst: 1})
	case "email_mask":
		add("", Params{})
		add("char=#", Params{Char: "#"})
		add("varchar(12)", Params{Target: Target{Class: ClassText, MaxLen: 12}})
	case "regex_replace":
		add(`pattern=\d replace=\d`, Params{Pattern: `\d`, Replace: `\d`})
		add("card keeps last 4", Params{Pattern: `(\d{4}) (\d{4}) (\d{4}) (\d{4})`, Replace: `\d\d\d\d-\d\d\d\d-\d\d\d\d-$4`})
		add("named group", Params{Pattern: `^(?P<first>\pL)\pL*`, Replace: `${first}\w\w\W$$`})
	case "pick_from":
		add("values=red,green,blue,cyan", Params{Values: []string{"red", "green", "blue", "cyan"}})
	case "fpe":
		add("", Params{})
		add("luhn", Params{Luhn: true})
	case "date_of_birth":
		add("date", Params{Target: Target{Class: ClassDate}})
		add("timestamp", Params{Target: Target{Class: ClassTimestamp}})
		add("timestamptz", Params{Target: Target{Class: ClassTimestampTZ}})
	default:
		add("", Params{})
		if _, err := d.New(Params{Target: Target{Class: ClassText, MaxLen: 30}}); err == nil {
			add("varchar(30)", Params{Target: Target{Class: ClassText, MaxLen: 30}})
		}
	}
	// The number forms, for the transformers that have one.
	for _, nt := range []struct {
		label string
		t     Target
	}{
		{"integer", Target{Class: ClassInt, Bits: 32}},
		{"bigint", Target{Class: ClassInt, Bits: 64}},
		{"numeric(20,2)", Target{Class: ClassNumeric, Precision: 20, Scale: 2}},
	} {
		if d.Name == "const" || d.Name == "pick_from" || d.Name == "set_null" {
			continue
		}
		if _, err := d.New(Params{Target: nt.t}); err == nil {
			cs = append(cs, goldenCase{nt.label, Params{Target: nt.t}})
		}
	}
	return cs
}

// goldenText renders the outputs the golden file pins: the key and PRF
// derivation, then every transformer in every golden configuration on
// every golden input.
func goldenText(t *testing.T) []byte {
	var b bytes.Buffer
	key := NewKey([]byte("test-key"))
	fmt.Fprintf(&b, "# go test ./fakers -run Golden -update rewrites this file\n")
	fmt.Fprintf(&b, "key %x\n", key[:])
	prf := key.Domain("email")
	fmt.Fprintf(&b, "domain email k0=%016x k1=%016x\n", prf.k0, prf.k1)
	for _, in := range append(goldenInputs, "bob", "Bob") {
		h0, h1 := prf.Sum([]byte(in))
		fmt.Fprintf(&b, "prf email %q h0=%016x h1=%016x\n", in, h0, h1)
	}
	for _, name := range Names() {
		if slices.Contains(privacyNames, name) {
			continue // pinned by testdata/golden_privacy.txt
		}
		d, _ := Lookup(name)
		for _, c := range goldenCases(d) {
			c.p.PRF = key.Domain(name)
			f, err := d.New(c.p)
			if err != nil {
				t.Fatalf("%s %s: New: %v", name, c.label, err)
			}
			for _, in := range goldenInputs {
				out, null := f.Append(nil, []byte(in))
				res := fmt.Sprintf("%q", out)
				if null {
					res = "NULL"
				}
				fmt.Fprintf(&b, "%s", name)
				if c.label != "" {
					fmt.Fprintf(&b, " [%s]", c.label)
				}
				fmt.Fprintf(&b, " %q -> %s\n", in, res)
			}
		}
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	checkGolden(t, goldenPath, "Golden", goldenText(t))
}

// checkGolden compares got with the golden file path, or writes it under
// -update; run names the test for the hint (go test ./fakers -run RUN
// -update). It reports the first 20 lines that differ.
func checkGolden(t *testing.T, path, run string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./fakers -run %s -update)", err, run)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i, n := 0, 0; i < max(len(gl), len(wl)) && n < 20; i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("%s:%d:\n got  %s\n want %s", path, i+1, g, w)
			n++
		}
	}
	t.Errorf("outputs differ from %s; if the change is intended, run go test ./fakers -run %s -update", path, run)
}
