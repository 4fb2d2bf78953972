package rules_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// casesBenchDump is a users table where one row in ten is soft-deleted
// and one in ten is an admin.
func casesBenchDump(size int) []byte {
	var b bytes.Buffer
	b.WriteString(streamHeader)
	b.WriteString("CREATE TABLE public.users (id bigint NOT NULL, role text, deleted_at timestamp with time zone, email text, first_name text, last_name text);\n\n")
	b.WriteString("COPY public.users (id, role, deleted_at, email, first_name, last_name) FROM stdin;\n")
	for i := 0; b.Len() < size; i++ {
		role, del := "user", `\N`
		switch i % 10 {
		case 3:
			role = "admin"
		case 7:
			del = "2024-01-02 03:04:05+00"
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\tperson%d@realmail.test\tFirst%d\tLast%d\n", i, role, del, i, i%997, i%1009)
	}
	b.WriteString("\\.\n" + streamTrailer)
	return b.Bytes()
}

const benchPlain = `version: 1
tables:
  users:
    columns:
      id: keep
      role: keep
      deleted_at: keep
      first_name: keep
      last_name: keep
      email: {transform: email, domain: user_email}
`

// BenchmarkCases compares a plain email rule with the same rule behind
// two cases (a soft-deleted row is nulled, an admin's email kept).
// benchRewrite measures rewriting dump under the rules src.
func benchRewrite(b *testing.B, src string, dump []byte) {
	b.Helper()
	rs, err := rules.Parse([]byte(src), "bench.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(dump)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := dumpstream.Rewrite(io.Discard, bytes.NewReader(dump), rules.NewPlan(rs, fakers.NewKey([]byte("bench-key"))), dumpstream.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCases(b *testing.B) {
	dump := casesBenchDump(8 << 20)
	for _, bc := range []struct{ name, email string }{
		{"plain", "{transform: email, domain: user_email}"},
		{"cases", "\n        - {when: \"deleted_at IS NOT NULL\", transform: set_null}\n        - {when: \"role = 'admin'\", keep: true}\n        - {transform: email, domain: user_email}"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			src := benchPlain[:len(benchPlain)-len("{transform: email, domain: user_email}\n")] + bc.email + "\n"
			benchRewrite(b, src, dump)
		})
	}
}

// TestCasesNoAllocs: choosing a case and applying it allocates nothing
// per row.
func TestCasesNoAllocs(t *testing.T) {
	p := rules.NewPlan(mustParse(t, casesRules), fakers.NewKey([]byte("k")))
	tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true,
		Columns: []dumpstream.Column{col("id", "int4"), col("role", "text"), col("deleted_at", "timestamptz"), col("email", "text")}}
	plan, err := p.Table(tbl)
	if err != nil {
		t.Fatal(err)
	}
	cr := plan.Columns[3]
	rr, ok := cr.(dumpstream.RowReader)
	if !ok {
		t.Fatal("a case rewriter is not a RowReader")
	}
	rows := [][][]byte{
		{[]byte("1"), []byte("admin"), []byte("2024-01-01 00:00:00+00"), []byte("a@b.test")},
		{[]byte("2"), []byte("admin"), []byte(`\N`), []byte("a@b.test")},
		{[]byte("3"), []byte("us\\ter"), []byte(`\N`), []byte("a@b.test")},
	}
	dst := make([]byte, 0, 256)
	for _, row := range rows { // warm up
		rr.SetRow(row)
		if _, _, err := cr.Rewrite(dst[:0], row[3], false); err != nil {
			t.Fatal(err)
		}
	}
	n := testing.AllocsPerRun(100, func() {
		for _, row := range rows {
			rr.SetRow(row)
			_, _, _ = cr.Rewrite(dst[:0], row[3], false)
		}
	})
	if n != 0 {
		t.Errorf("%v allocations per run of 3 rows, want 0", n)
	}
}

const benchTemplate = `version: 1
tables:
  users:
    columns:
      id: keep
      role: keep
      deleted_at: keep
      first_name: first_name
      last_name: last_name
      email:
        - {when: "deleted_at IS NOT NULL", template: "erased-{{.id}}@example.invalid"}
        - {template: "{{.first_name | lower}}.{{.last_name | lower}}.{{hash .id}}@example.com"}
`

// BenchmarkTemplates: an email built from the fake names and a keyed hash,
// with a case for soft-deleted rows, against the names alone.
func BenchmarkTemplates(b *testing.B) {
	dump := casesBenchDump(8 << 20)
	for _, bc := range []struct{ name, rules string }{
		{"names", benchTemplate[:strings.Index(benchTemplate, "      email:")] + "      email: keep\n"},
		{"template", benchTemplate},
	} {
		b.Run(bc.name, func(b *testing.B) {
			benchRewrite(b, bc.rules, dump)
		})
	}
}

// TestTemplateNoAllocs: rendering a row's templates allocates nothing once
// the buffers have grown.
func TestTemplateNoAllocs(t *testing.T) {
	p := rules.NewPlan(mustParse(t, benchTemplate), fakers.NewKey([]byte("k")))
	tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true,
		Columns: []dumpstream.Column{col("id", "int8"), col("role", "text"), col("deleted_at", "timestamptz"), col("email", "text"), col("first_name", "text"), col("last_name", "text")}}
	plan, err := p.Table(tbl)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][][]byte{
		{[]byte("1"), []byte("admin"), []byte("2024-01-01 00:00:00+00"), []byte("a@b.test"), []byte("Ann"), []byte("Lee")},
		{[]byte("2"), []byte("user"), []byte(`\N`), []byte("b@b.test"), []byte("Bo\\tb"), []byte("Smith")},
	}
	dst := make([]byte, 0, 256)
	row := func() {
		for _, r := range rows {
			for _, cr := range plan.Columns {
				if rr, ok := cr.(dumpstream.RowReader); ok {
					rr.SetRow(r)
				}
			}
			for i, cr := range plan.Columns {
				if cr != nil {
					if _, _, err := cr.Rewrite(dst[:0], r[i], false); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	row()
	if n := testing.AllocsPerRun(100, row); n != 0 {
		t.Errorf("%v allocations per run of 2 rows, want 0", n)
	}
}
