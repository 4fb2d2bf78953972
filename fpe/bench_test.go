package fpe

import "testing"

func BenchmarkFF1(b *testing.B) {
	c := newTestFF1(b, 10)
	x := numerals(b, "0123456789")
	y := make([]byte, len(x))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.Encrypt(y, x, nil); err != nil {
			b.Fatal(err)
		}
	}
}
