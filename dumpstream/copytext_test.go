package dumpstream

import (
	"bytes"
	"testing"
)

func TestAppendDecoded(t *testing.T) {
	for _, tc := range []struct{ raw, want string }{
		{``, ``},
		{`plain`, `plain`},
		{`tab\there`, "tab\there"},
		{`line1\nline2\r\\back\\slash \\N not null`, "line1\nline2\r\\back\\slash \\N not null"},
		{`\\.`, `\.`},
		{`\b\f\v`, "\b\f\v"},
		{`\101\1017\0`, "AA7\x00"},
		{`\377\400`, "\xff\x00"}, // like the server: only the low 8 bits of \400
		{`\x41\x4a\x4Z\xg`, "AJ\x04Zxg"},
		{`\q\"`, `q"`},
		{"é日本\x01\x7f", "é日本\x01\x7f"},
	} {
		got, err := AppendDecoded(nil, []byte(tc.raw))
		if err != nil || string(got) != tc.want {
			t.Errorf("AppendDecoded(%q) = %q, %v; want %q", tc.raw, got, err, tc.want)
		}
	}
	if _, err := AppendDecoded(nil, []byte(`abc\`)); err == nil {
		t.Error("AppendDecoded of a trailing backslash: no error")
	}
}

func TestAppendEncoded(t *testing.T) {
	for _, tc := range []struct{ value, want string }{
		{"", ""},
		{"tab\there", `tab\there`},
		{"line1\nline2\r\\back\\slash \\N not null", `line1\nline2\r\\back\\slash \\N not null`},
		{`\.`, `\\.`},
		{`\N`, `\\N`},
		{"\b\f\v\x01\x1b\x7fé", "\\b\\f\\v\x01\x1b\x7fé"},
	} {
		if got := AppendEncoded(nil, []byte(tc.value)); string(got) != tc.want {
			t.Errorf("AppendEncoded(%q) = %q, want %q", tc.value, got, tc.want)
		}
	}
}

func TestCodecAllocs(t *testing.T) {
	raw := []byte(`a\tb\\c\nd plain text of some length é`)
	dec := make([]byte, 0, 128)
	enc := make([]byte, 0, 128)
	allocs := testing.AllocsPerRun(100, func() {
		dec, _ = AppendDecoded(dec[:0], raw)
		enc = AppendEncoded(enc[:0], dec)
	})
	if allocs != 0 {
		t.Errorf("decode+encode allocates %v times per field, want 0", allocs)
	}
}

// FuzzCopyTextRoundTrip: any value survives encode then decode, and an
// encoded value is a single field on a single line that is never NULL.
func FuzzCopyTextRoundTrip(f *testing.F) {
	for _, s := range []string{"", `\N`, `\.`, "a\tb\nc\r\\", "é日本\x00\x01\x7f\xff", "\b\f\v"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, value []byte) {
		enc := AppendEncoded(nil, value)
		if bytes.ContainsAny(enc, "\t\n\r") {
			t.Fatalf("encoded %q contains a raw TAB, LF or CR: %q", value, enc)
		}
		if isNull(enc) {
			t.Fatalf("encoded %q is the NULL marker", value)
		}
		dec, err := AppendDecoded(nil, enc)
		if err != nil || !bytes.Equal(dec, value) {
			t.Fatalf("decode(encode(%q)) = %q, %v", value, dec, err)
		}
		// And any raw field that decodes re-encodes to something that
		// decodes to the same value.
		if d, err := AppendDecoded(nil, value); err == nil {
			if d2, err := AppendDecoded(nil, AppendEncoded(nil, d)); err != nil || !bytes.Equal(d, d2) {
				t.Fatalf("raw %q: decode(encode(decode)) = %q, %v; want %q", value, d2, err, d)
			}
		}
	})
}

// BenchmarkCodec decodes and re-encodes a typical escaped field.
func BenchmarkCodec(b *testing.B) {
	raw := []byte(`12 High Street\nFlat 3\tLondon \\ "quoted" é`)
	dec := make([]byte, 0, 128)
	enc := make([]byte, 0, 128)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		dec, _ = AppendDecoded(dec[:0], raw)
		enc = AppendEncoded(enc[:0], dec)
	}
	if !bytes.Equal(enc, raw) {
		b.Fatalf("round trip = %q", enc)
	}
}
