package rules_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const privacyRules = `version: 1
tables:
  people:
    columns:
      id: keep
      born: {transform: date_of_birth, keep_age: true}
      seen: {transform: generalize, to: month}
      age: {transform: generalize, bucket: 10}
      band: {transform: generalize, bucket: 10}
      postcode: {transform: generalize, keep: 2}
      salary: {transform: noise, percent: 10}
      moved: {transform: date_shift, days: 30}
`

func peopleTable() *dumpstream.Table {
	return &dumpstream.Table{Schema: "public", Name: "people", Typed: true, Line: 3, Columns: []dumpstream.Column{
		col("id", "int4"), col("born", "date"), col("seen", "timestamptz"), col("age", "int2"), col("band", "text"),
		col("postcode", "varchar", 10), col("salary", "numeric", 10, 2), col("moved", "date"),
	}}
}

// TestParsePrivacyOptions checks that the options reach the column rule.
func TestParsePrivacyOptions(t *testing.T) {
	rs := mustParse(t, privacyRules+"  orders:\n    columns:\n      at: {transform: date_shift, days: 90, by: '\"User Id\"', domain: d}\n")
	cs := rs.Tables[0].Columns
	if c := cs[1]; !c.KeepAge {
		t.Errorf("keep_age: %+v", c)
	}
	if c := cs[2]; c.To != "month" || c.Domain != "" {
		t.Errorf("to: %+v", c)
	}
	if c := cs[3]; c.Bucket != 10 {
		t.Errorf("bucket: %+v", c)
	}
	if c := cs[5]; c.Keep != 2 {
		t.Errorf("keep: %+v", c)
	}
	if c := cs[6]; c.Percent != 10 || c.Domain != "noise" {
		t.Errorf("percent: %+v", c)
	}
	if c := cs[7]; c.Days != 30 || c.By != "" || c.Domain != "date_shift" {
		t.Errorf("days: %+v", c)
	}
	if c := rs.Tables[1].Columns[0]; c.Days != 90 || c.By != "User Id" || c.Domain != "d" {
		t.Errorf("by: %+v", c)
	}
}

// TestPlanPrivacy runs each rule on one value through the plan: the
// as-of date reaches keep_age, and NULL stays NULL.
func TestPlanPrivacy(t *testing.T) {
	p := newPlan(t, privacyRules)
	if y, m, d := p.AsOf.Date(); time.Date(y, m, d, 0, 0, 0, 0, time.UTC).After(time.Now().UTC()) || time.Since(p.AsOf) > time.Hour {
		t.Errorf("AsOf defaults to %v, want the run's date", p.AsOf)
	}
	p.AsOf = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	plan, err := p.Table(peopleTable())
	if err != nil {
		t.Fatal(err)
	}
	born, _ := rewrite(t, plan, 1, []byte("1990-06-02"), false) // 35 on 2026-06-01
	if b, err := time.Parse("2006-01-02", string(born)); err != nil || b.After(time.Date(1991, 6, 1, 0, 0, 0, 0, time.UTC)) || !b.After(time.Date(1990, 6, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("born 1990-06-02 -> %s, want a date in (1990-06-01, 1991-06-01]", born)
	}
	for _, c := range []struct {
		i       int
		in, out string
	}{
		{2, "2024-03-01 00:30:00+05:30", "2024-02-01 00:00:00+00"},
		{3, "37", "30"},
		{3, "-1", "-10"},
		{4, "37", "30-39"},
		{5, "SW1A 1AA", "SW0X 0XX"},
	} {
		if out, _ := rewrite(t, plan, c.i, []byte(c.in), false); string(out) != c.out {
			t.Errorf("column %d: %q -> %q, want %q", c.i, c.in, out, c.out)
		}
	}
	if out, _ := rewrite(t, plan, 6, []byte("1000.00"), false); !regexp.MustCompile(`^\d{3,4}\.\d\d$`).Match(out) || string(out) < "900.00" && len(out) == 6 || string(out) > "1100.00" && len(out) == 7 {
		t.Errorf("noise 1000.00 -> %q, want a number with 2 decimals within 10%%", out)
	}
	for i := 1; i < 8; i++ {
		if out, null := rewrite(t, plan, i, nil, true); !null || len(out) != 0 {
			t.Errorf("column %d: NULL -> %q, %v", i, out, null)
		}
	}
	// Column types the transformers refuse: an error at the rule.
	_, msg := planError(t, "version: 1\ntables:\n  people:\n    columns:\n      id: {transform: date_shift, days: 3}\n", peopleTable())
	if !strings.Contains(msg, "anon.yaml:5:7: public.people.id: date_shift cannot write into integer column") {
		t.Errorf("error: %s", msg)
	}
}

// TestPrivacyValueErrors: a value a transformer cannot read stops the
// run with the dump line, the table and the column, and never the value.
func TestPrivacyValueErrors(t *testing.T) {
	const secret = "alice-secret"
	for _, c := range []struct {
		rule, typ, good, value, want string
	}{
		{"{transform: date_shift, days: 5}", "text", "2024-01-01", secret, "not a date"},
		{"{transform: date_shift, days: 5}", "date", "2024-01-01", "0044-03-15 BC", "before the Common Era"},
		{"{transform: generalize, bucket: 10}", "text", "42", secret, "not a number"},
		{"{transform: noise, percent: 5}", "text", "42", secret, "not a number"},
		{"{transform: date_of_birth, keep_age: true}", "text", "2024-01-01", secret, "not a date"},
		{"{transform: generalize, to: year}", "text[]", "{2024-01-01}", `{2024-01-01,` + secret + `}`, "not a date"},
	} {
		sql := streamHeader + "CREATE TABLE public.t (id integer, v " + c.typ + ");\n\nCOPY public.t (id, v) FROM stdin;\n1\t" + c.good + "\n2\t" + c.value + "\n\\.\n" + streamTrailer
		rs := mustParse(t, "version: 1\ntables:\n  t:\n    columns:\n      id: keep\n      v: "+c.rule+"\n")
		var out bytes.Buffer
		_, err := dumpstream.Rewrite(&out, strings.NewReader(sql), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{Name: "dump.sql"})
		var de *dumpstream.Error
		if !errors.As(err, &de) || de.Line != 12 || de.Table != "public.t" || de.Column != "v" || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s on %s: error %v, want dump.sql:12, public.t, v, %q", c.rule, c.typ, err, c.want)
		}
		if err != nil && (strings.Contains(err.Error(), "alice") || strings.Contains(err.Error(), "0044")) {
			t.Errorf("the error holds the value: %v", err)
		}
	}
}

// TestPrivacyAllocs: through the rules layer, a value costs no
// allocation.
func TestPrivacyAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	p := newPlan(t, privacyRules)
	plan, err := p.Table(peopleTable())
	if err != nil {
		t.Fatal(err)
	}
	in := [][]byte{nil, []byte("1990-06-02"), []byte("2024-03-01 00:30:00+05:30"), []byte("37"), []byte("37"), []byte("SW1A 1AA"), []byte("1000.00"), []byte("2024-01-01")}
	dst := make([]byte, 0, 64)
	for i := 1; i < len(in); i++ {
		rw := plan.Columns[i]
		if n := testing.AllocsPerRun(100, func() { dst, _, _ = rw.Rewrite(dst[:0], in[i], false) }); n != 0 {
			t.Errorf("column %d: %v allocations per value", i, n)
		}
	}
}
