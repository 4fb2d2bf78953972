package jsonpath

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// sampleDoc is about 1 KB of jsonb text as PostgreSQL prints it.
func sampleDoc() []byte {
	var b strings.Builder
	b.WriteString(`{"id": 48213, "email": "jeanne.martin@example.org", "address": {"city": "Lyon", "street": "12 rue de la R\u00e9publique", "zip": "69002"}, "contacts": [`)
	for i := 0; i < 5; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"kind": "mobile", "phone": "+33 6 12 34 56 %02d", "primary": %t, "note": null}`, i, i == 0)
	}
	b.WriteString(`], "prefs": {"lang": "fr", "newsletter": true, "theme": "dark", "score": 4.25e1}, "tags": ["a", "b", "vip"], `)
	b.WriteString(`"history": [`)
	for i := 0; b.Len() < 1000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"at": "2024-03-%02dT10:00:00Z", "event": "login", "ip": "10.0.%d.1"}`, i%28+1, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

var benchPaths = []string{"$.email", "$.contacts[*].phone", "$.address.city", "$..ip"}

// fixed returns a callback replacing each leaf by a value of its kind
// built in a scratch buffer, as a rules-layer func would.
func fixed() Func {
	var scratch []byte
	return func(i int, v Value) (Value, error) {
		if v.Kind != String {
			return v, nil
		}
		scratch = append(scratch[:0], "fake-"...)
		scratch = append(scratch, byte('0'+i))
		return Value{String, scratch}, nil
	}
}

func TestSampleDoc(t *testing.T) {
	doc := sampleDoc()
	if !json.Valid(doc) || len(doc) < 1000 || len(doc) > 1100 {
		t.Fatalf("sample document: %d bytes, valid %v", len(doc), json.Valid(doc))
	}
}

func TestRewriteAllocs(t *testing.T) {
	s, err := Compile(benchPaths)
	if err != nil {
		t.Fatal(err)
	}
	doc := sampleDoc()
	fn := fixed()
	dst := make([]byte, 0, 4096)
	s.Rewrite(dst, doc, fn) // warm the pool
	if n := testing.AllocsPerRun(100, func() {
		if _, err := s.Rewrite(dst[:0], doc, fn); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("%v allocations per document, want 0", n)
	}
	leaf := func([]byte, Value) error { return nil }
	if n := testing.AllocsPerRun(100, func() {
		if err := Walk(doc, leaf); err != nil {
			t.Fatal(err)
		}
	}); n != 0 {
		t.Errorf("Walk: %v allocations per document, want 0", n)
	}
}

func BenchmarkRewrite(b *testing.B) {
	doc := sampleDoc()
	for _, c := range []struct {
		name  string
		paths []string
	}{
		{"paths", benchPaths},
		{"no-match", []string{"$.nothing"}},
		{"validate-only", nil},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := Compile(c.paths)
			if err != nil {
				b.Fatal(err)
			}
			fn := fixed()
			dst := make([]byte, 0, 4096)
			b.SetBytes(int64(len(doc)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Rewrite(dst[:0], doc, fn); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("encoding-json-valid", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		for b.Loop() {
			json.Valid(doc)
		}
	})
}
