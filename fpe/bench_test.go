package fpe

import (
	"math"
	"strconv"
	"testing"
)

var sinkBytes []byte

// BenchmarkFF1 is the bare cipher on a 10-numeral string.
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
	sinkBytes = y
}

// BenchmarkDigits reports ns per value for formatted digit strings.
func BenchmarkDigits(b *testing.B) {
	for _, tc := range []struct {
		name, in string
		luhn     bool
	}{
		{"phone10", "(555) 123-4567", false},
		{"phone11_intl", "+33 6 12-34-56-78", false},
		{"card16_luhn", "4111 1111 1111 1111", true},
		{"code4_table", "0042", false},
		{"digits30", "123456789012345678901234567890", false},
	} {
		b.Run(tc.name, func(b *testing.B) {
			d := newTestDigits(b, DigitsOptions{Luhn: tc.luhn, Tweak: []byte("domain")})
			in := []byte(tc.in)
			dst := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				var err error
				if dst, err = d.Append(dst[:0], in); err != nil {
					b.Fatal(err)
				}
			}
			sinkBytes = dst
		})
	}
}

// BenchmarkInt reports ns per value for integer keys, through Append (text
// in, text out, as the transformer calls it); inputs vary so the
// cycle-walks average out.
func BenchmarkInt(b *testing.B) {
	for _, tc := range []struct {
		name   string
		lo, hi int64
	}{
		{"int2", math.MinInt16, math.MaxInt16},
		{"int4_positive", 1, math.MaxInt32},
		{"int4", math.MinInt32, math.MaxInt32},
		{"int8", math.MinInt64, math.MaxInt64},
	} {
		b.Run(tc.name, func(b *testing.B) {
			p := newTestInt(b, tc.lo, tc.hi, "domain")
			ins := make([][]byte, 1024)
			for i := range ins {
				ins[i] = strconv.AppendInt(nil, tc.lo+int64(uint64(i)*7919%uint64(tc.hi-tc.lo)), 10)
			}
			dst := make([]byte, 0, 32)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				var err error
				if dst, err = p.Append(dst[:0], ins[i%len(ins)]); err != nil {
					b.Fatal(err)
				}
				i++
			}
			sinkBytes = dst
		})
	}
}
