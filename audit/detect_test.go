package audit

import "testing"

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
