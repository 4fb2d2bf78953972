package rules_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// benchDoc is about 1 KB of jsonb text as PostgreSQL prints it.
func benchDoc() []byte {
	var b strings.Builder
	b.WriteString(`{"id": 48213, "email": "jeanne.martin@mail.test", "address": {"city": "Lyon", "street": "12 rue de la Paix", "zip": "69002"}, "contacts": [`)
	for i := range 5 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"kind": "mobile", "phone": "+33 6 12 34 56 %02d", "primary": %t, "note": null}`, i, i == 0)
	}
	b.WriteString(`], "prefs": {"lang": "fr", "newsletter": true, "theme": "dark", "score": 4.25e1}, "history": [`)
	for i := 0; b.Len() < 1000; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"at": "2024-03-%02dT10:00:00Z", "event": "login", "ip": "10.0.%d.1"}`, i%28+1, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

const pathsBenchRules = `version: 1
tables:
  p:
    columns:
      prefs:
        paths:
          "$.email": {transform: email, domain: user_email}
          "$.contacts[*].phone": phone
          "$.address.city": city
          "$..ip": ipv4
`

func pathsBenchRewriter(tb testing.TB) dumpstream.ColumnRewriter {
	rs, err := rules.Parse([]byte(pathsBenchRules), "bench.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	plan, err := rules.NewPlan(rs, fakers.NewKey([]byte("bench-key"))).Table(&dumpstream.Table{Schema: "public", Name: "p", Typed: true,
		Columns: []dumpstream.Column{{Name: "prefs", Type: &dumpstream.Type{Name: "jsonb"}}}})
	if err != nil {
		tb.Fatal(err)
	}
	return plan.Columns[0]
}

// BenchmarkPaths: four path rules (an email, five phones, a city, every
// ip at any depth) on 1 KB jsonb documents, through the plan's rewriter.
func BenchmarkPaths(b *testing.B) {
	rw, doc := pathsBenchRewriter(b), benchDoc()
	var dst []byte
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if dst, _, err = rw.Rewrite(dst[:0], doc, false); err != nil {
			b.Fatal(err)
		}
	}
	if len(dst) < len(doc)/2 {
		b.Fatal("short output")
	}
}

// TestPathsNoAllocs: rewriting a document allocates nothing once warm.
func TestPathsNoAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	rw, doc := pathsBenchRewriter(t), benchDoc()
	var dst []byte
	run := func() {
		var err error
		if dst, _, err = rw.Rewrite(dst[:0], doc, false); err != nil {
			t.Fatal(err)
		}
	}
	run()
	if n := testing.AllocsPerRun(100, run); n > 0 {
		t.Errorf("%v allocations per document", n)
	}
}
