package dumpstream_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// benchDump builds a plain dump of about size bytes: a PII-heavy users
// table (9 columns) written the way pg_dump writes it.
func benchDump(size int) []byte {
	var b bytes.Buffer
	b.WriteString("--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n\n")
	b.WriteString("CREATE TABLE public.users (\n    id bigint NOT NULL,\n    email character varying(255) NOT NULL,\n" +
		"    first_name text,\n    last_name text,\n    phone text,\n    street text,\n    city text,\n" +
		"    birth date,\n    created_at timestamp with time zone\n);\n\n")
	b.WriteString("COPY public.users (id, email, first_name, last_name, phone, street, city, birth, created_at) FROM stdin;\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "%d\tperson%d@realmail.test\tFirst%d\tLast%d\t+44 20 7946 %04d\t%d Some Street\\tFlat %d\tLondon\t19%02d-%02d-%02d\t2024-01-02 03:04:05.%06d+00\n",
			i, i, i%997, i%1009, i%10000, i%500, i%20, i%100, i%12+1, i%28+1, i%1000000)
	}
	b.WriteString("\\.\n\n\n--\n-- PostgreSQL database dump complete\n--\n\n")
	return b.Bytes()
}

func benchPlan(b testing.TB, yaml string) dumpstream.Transformer {
	rs, err := rules.Parse([]byte(yaml), "bench.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return rules.NewPlan(rs, fakers.NewKey([]byte("bench-key")))
}

// BenchmarkRewrite reports MB/s for a dump with no rules (passthrough),
// one ruled column and five ruled columns.
func BenchmarkRewrite(b *testing.B) {
	dump := benchDump(16 << 20)
	if f := os.Getenv("ANONDUMP_BENCH_DUMP"); f != "" {
		// Write the same dump to compare with cat: see the Makefile.
		if err := os.WriteFile(f, dump, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for _, bc := range []struct {
		name, yaml string
		workers    int
	}{
		{"passthrough", "version: 1\nstrict: false\n", 1},
		{"1col", "version: 1\nstrict: false\ntables:\n  public.users:\n    columns:\n      email: {transform: email, unique: true}\n", 1},
		{"5cols", "version: 1\nstrict: false\ntables:\n  public.users:\n    columns:\n      email: {transform: email, unique: true}\n" +
			"      first_name: first_name\n      last_name: last_name\n      phone: phone\n      street: street_address\n", 1},
		{"5cols-parallel", parallelRules, runtime.NumCPU()},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(dump)))
			b.ReportAllocs()
			var st dumpstream.Stats
			for b.Loop() {
				var err error
				st, err = dumpstream.Rewrite(io.Discard, bytes.NewReader(dump), benchPlan(b, bc.yaml), dumpstream.Options{Workers: bc.workers})
				if err != nil {
					b.Fatal(err)
				}
			}
			if st.Rows == 0 {
				b.Fatal("no rows")
			}
			b.ReportMetric(float64(st.Rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}
