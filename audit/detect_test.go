package audit

import (
	"bytes"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

func TestDetect(t *testing.T) {
	for _, tc := range []struct{ v, want string }{
		{"alice.smith@realmail.test", "email"},
		{"+44 20 7946 0958", "phone"},
		{"(212) 555-0147", "phone"},
		{"+1-555-7919 ext. 12", "phone"},
		{"+33 1 23 45 67 89", "phone"},
		{"GB33BUKB20201555555555", "iban"},
		{"GB33BUKB20201555555556", ""}, // bad check digits
		{"4111 1111 1111 1111", "card"},
		{"4111 1111 1111 1112", ""}, // fails Luhn
		{"192.168.12.40", "ipv4"},
		{"2001:db8::8a2e:370:7334", "ipv6"},
		{"078-05-1120", "national_id"},
		{"AB123456C", "national_id"},
		{"185057800608491", "national_id"},
		{"12345678Z", "national_id"},
		{"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "jwt"},
		{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", "api_key"},
		{"Zx9pQ2rT7vW1yB4nM6kL8jH3gF5dS0aE", "api_key"},
		{"Please call me on +44 20 7946 0958 tomorrow", "text with phone"},
		{"reset sent to bob@realmail.test; done", "text with email"},
		// Not personal.
		{"1700000000000", ""}, // epoch milliseconds
		{"12345678901", ""},   // a large id
		{"2024-01-02 03:04:05+00", ""},
		{"hello world", ""},
		{"paid", ""},
		{"{\"path\": \"/products/1\"}", ""},
		{"3.14159", ""},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ""},
	} {
		if got := Detect([]byte(tc.v)); got != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// TestDetectTyped is the regression test for bug 11's "738 of 10,000
// float8 distances are phones": a number is never a phone, a decimal
// number in text neither.
func TestDetectTyped(t *testing.T) {
	f8 := &dumpstream.Type{Name: "float8"}
	for _, tc := range []struct {
		v    string
		typ  *dumpstream.Type
		want string
	}{
		{"1234.56789012", f8, ""},
		{"1234.56789012", nil, ""},
		{"0.123456789012", &dumpstream.Type{Name: "text"}, ""},
		{"555.123.4567", &dumpstream.Type{Name: "text"}, "phone"},
		{"+44 20 7946 0958", &dumpstream.Type{Name: "numeric"}, ""},
		{"4111111111111111", &dumpstream.Type{Name: "int8"}, "card"},
		{"2024-01-02", &dumpstream.Type{Name: "date"}, ""},
		{"10.1.2.3/32", &dumpstream.Type{Name: "inet"}, "ipv4"},
		{`{"contact": {"mail": "bob@realmail.test"}}`, &dumpstream.Type{Name: "jsonb"}, "json with email"},
		{`{"vorname": "Jürgen", "n": 3}`, &dumpstream.Type{Name: "jsonb"}, "json with a personal key name"},
		{`{"name": "Widget", "price": 3}`, &dumpstream.Type{Name: "jsonb"}, ""},
		{`{"path": "/products/1"}`, &dumpstream.Type{Name: "json"}, ""},
	} {
		if got := DetectTyped([]byte(tc.v), tc.typ); got != tc.want {
			t.Errorf("DetectTyped(%q, %v) = %q, want %q", tc.v, tc.typ, got, tc.want)
		}
	}
	var paths []string
	detectJSON([]byte(`{"a": [{"email": "x@realmail.test"}, {"email": ""}], "Bob Smith": 1, "ok": true}`), func(p, _ string) { paths = append(paths, p) })
	if got := strings.Join(paths, " "); got != "$.a[*].email" {
		t.Errorf("paths %q", got)
	}
}

// A huge value is searched in its first maxWithin bytes only: an email
// there is found, one after it is not (the detectors sample values).
func TestDetectHugeValue(t *testing.T) {
	pad := bytes.Repeat([]byte("lorem ipsum "), maxWithin/12+1)
	head := append([]byte("contact ann.smith@corp.test please "), pad...)
	if got := Detect(head); got != "text with email" {
		t.Errorf("email at the start of %d bytes: %q", len(head), got)
	}
	tail := append(append([]byte{}, pad...), " ann.smith@corp.test"...)
	if got := Detect(tail); got != "" {
		t.Errorf("email after the first %d bytes: %q, want it outside the sample", maxWithin, got)
	}
}
