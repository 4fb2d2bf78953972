package rules_test

import (
	"strings"
	"testing"
	"time"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const byRules = `version: 1
tables:
  users:
    columns:
      id: {transform: noise, percent: 50}
      created_at: {transform: date_shift, days: 90, by: id, domain: user_dates}
  orders:
    columns:
      id: keep
      user_id: keep
      created_at: {transform: date_shift, days: 90, by: user_id, domain: user_dates}
      shipped: {transform: date_shift, days: 90, by: user_id, domain: user_dates}
`

func byTables() (users, orders *dumpstream.Table) {
	users = &dumpstream.Table{Schema: "public", Name: "users", Typed: true,
		Columns: []dumpstream.Column{col("id", "int4"), col("created_at", "date")}}
	orders = &dumpstream.Table{Schema: "public", Name: "orders", Typed: true,
		Columns: []dumpstream.Column{col("id", "int4"), col("user_id", "text"), col("created_at", "timestamptz"), col("shipped", "date")}}
	orders.Columns[3].Type.ArrayDims = 1
	return users, orders
}

// rowRewrite rewrites column i of a row given as raw COPY fields, as
// dumpstream does: SetRow for the row readers, then Rewrite on the
// decoded field.
func rowRewrite(t *testing.T, plan *dumpstream.TablePlan, fields []string, i int) (string, bool, error) {
	t.Helper()
	raw := make([][]byte, len(fields))
	for k, f := range fields {
		raw[k] = []byte(f)
	}
	for _, cr := range plan.Columns {
		if rr, ok := cr.(dumpstream.RowReader); ok {
			rr.SetRow(raw)
		}
	}
	null := fields[i] == `\N`
	var val []byte
	if !null {
		var err error
		if val, err = dumpstream.AppendDecoded(nil, raw[i]); err != nil {
			t.Fatal(err)
		}
	}
	out, outNull, err := plan.Columns[i].Rewrite(nil, val, null)
	return string(out), outNull, err
}

func days(t *testing.T, a, b string) int {
	t.Helper()
	x, err1 := time.Parse("2006-01-02", a[:10])
	y, err2 := time.Parse("2006-01-02", b[:10])
	if err1 != nil || err2 != nil {
		t.Fatalf("dates %q, %q", a, b)
	}
	return int(y.Sub(x).Hours() / 24)
}

// TestByEntity: the rows of one entity move by one offset in both tables
// (by the ORIGINAL id, though users.id is itself rewritten); a NULL
// by-value makes the date its own entity; an escaped by field is decoded
// first; array elements move with the row's entity.
func TestByEntity(t *testing.T) {
	p := newPlan(t, byRules)
	users, orders := byTables()
	up, err := p.Table(users)
	if err != nil {
		t.Fatal(err)
	}
	op, err := p.Table(orders)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"1", "2", "42", "1000"} {
		u, _, err := rowRewrite(t, up, []string{id, "2020-01-15"}, 1)
		if err != nil {
			t.Fatal(err)
		}
		o, _, err := rowRewrite(t, op, []string{"7", id, "2021-03-04 10:11:12+00", `{2021-03-05,NULL}`}, 2)
		if err != nil {
			t.Fatal(err)
		}
		s, _, err := rowRewrite(t, op, []string{"7", id, "2021-03-04 10:11:12+00", `{2021-03-05,NULL}`}, 3)
		if err != nil {
			t.Fatal(err)
		}
		shift := days(t, "2020-01-15", u)
		if shift == 0 || shift < -90 || shift > 90 {
			t.Errorf("user %s moved by %d days", id, shift)
		}
		if got := days(t, "2021-03-04", o); got != shift || !strings.HasSuffix(o, " 10:11:12+00") {
			t.Errorf("user %s: users.created_at moved %d days, orders.created_at %q (%d days)", id, shift, o, got)
		}
		if !strings.HasSuffix(s, ",NULL}") || days(t, "2021-03-05", s[1:11]) != shift {
			t.Errorf("user %s: shipped %q, want {2021-03-05 moved %d days,NULL}", id, s, shift)
		}
	}
	// An escaped by field: "a\tb" as COPY writes it is the entity "a<TAB>b",
	// not the raw text.
	esc, _, _ := rowRewrite(t, op, []string{"7", `a\tb`, "2021-03-04 10:11:12+00", `\N`}, 2)
	tab, _, _ := rowRewrite(t, op, []string{"7", "a\tb", "2021-03-04 10:11:12+00", `\N`}, 2)
	if esc != tab {
		t.Errorf("escaped entity %q, decoded %q", esc, tab)
	}
	// NULL by-value: the date is its own entity, the same as without by:.
	alone := newPlan(t, "version: 1\ntables:\n  orders:\n    columns:\n      created_at: {transform: date_shift, days: 90, domain: user_dates}\n")
	_, o2 := byTables()
	ap, err := alone.Table(o2)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{"2021-03-04 10:11:12+00", "1999-12-31 23:59:59+00"} {
		n, _, _ := rowRewrite(t, op, []string{"7", `\N`, v, `\N`}, 2)
		a, _, _ := rowRewrite(t, ap, []string{"7", "5", v, `\N`}, 2)
		if n != a || n == v {
			t.Errorf("NULL by: %q, own value: %q (input %q)", n, a, v)
		}
	}
	// A NULL date stays NULL.
	if out, null, err := rowRewrite(t, op, []string{"7", "1", `\N`, `\N`}, 2); !null || out != "" || err != nil {
		t.Errorf("NULL -> %q, %v, %v", out, null, err)
	}
}

// TestByUnknownColumn: by: must name a column of the same table; the
// error has the rule's position.
func TestByUnknownColumn(t *testing.T) {
	src := "version: 1\ntables:\n  orders:\n    columns:\n      created_at: {transform: date_shift, days: 9, by: usr_id}\n"
	_, orders := byTables()
	list, msg := planError(t, src, orders)
	if len(list) != 1 || list[0].Pos.Line != 5 || !strings.Contains(msg, `by: the dump's table has no column "usr_id" (did you mean "user_id"?)`) {
		t.Errorf("error: %s", msg)
	}
}

// TestByAllocs: with by:, a value costs no allocation.
func TestByAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	p := newPlan(t, byRules)
	_, orders := byTables()
	op, err := p.Table(orders)
	if err != nil {
		t.Fatal(err)
	}
	rw := op.Columns[2]
	rr := rw.(dumpstream.RowReader)
	row := [][]byte{[]byte("7"), []byte(`us\\er`), []byte("2021-03-04 10:11:12+00"), []byte(`\N`)}
	val := []byte("2021-03-04 10:11:12+00")
	dst := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(200, func() {
		rr.SetRow(row)
		dst, _, _ = rw.Rewrite(dst[:0], val, false)
	}); n != 0 {
		t.Errorf("%v allocations per value", n)
	}
}

// BenchmarkDateShiftBy is date_shift with by: through the rules layer.
func BenchmarkDateShiftBy(b *testing.B) {
	rs, err := rules.Parse([]byte(byRules), "anon.yaml")
	if err != nil {
		b.Fatal(err)
	}
	p := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
	p.Strict = false
	_, orders := byTables()
	op, err := p.Table(orders)
	if err != nil {
		b.Fatal(err)
	}
	rw := op.Columns[2]
	rr := rw.(dumpstream.RowReader)
	row := [][]byte{[]byte("7"), []byte("123456"), []byte("2021-03-04 10:11:12+00"), []byte(`\N`)}
	val := []byte("2021-03-04 10:11:12+00")
	dst := make([]byte, 0, 64)
	b.ReportAllocs()
	for b.Loop() {
		rr.SetRow(row)
		dst, _, _ = rw.Rewrite(dst[:0], val, false)
	}
}

// TestByInCases: a case may be a date_shift with by:, and in JSON paths
// too; it moves the entity's dates as the table rule does.
func TestByInCases(t *testing.T) {
	p := newPlan(t, byRules+`  events:
    columns:
      user_id: keep
      kind: keep
      at:
        - {when: "kind = 'login'", transform: date_shift, days: 90, by: user_id, domain: user_dates}
        - set_null
      doc:
        paths:
          "$.at": {transform: date_shift, days: 90, by: user_id, domain: user_dates}
`)
	users, _ := byTables()
	up, err := p.Table(users)
	if err != nil {
		t.Fatal(err)
	}
	events := &dumpstream.Table{Schema: "public", Name: "events", Typed: true,
		Columns: []dumpstream.Column{col("user_id", "int4"), col("kind", "text"), col("at", "date"), col("doc", "jsonb")}}
	ep, err := p.Table(events)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"1", "2", "42"} {
		u, _, _ := rowRewrite(t, up, []string{id, "2020-01-15"}, 1)
		shift := days(t, "2020-01-15", u)
		e, _, err := rowRewrite(t, ep, []string{id, "login", "2020-02-01", `{"at": "2020-03-01"}`}, 2)
		if err != nil {
			t.Fatal(err)
		}
		if got := days(t, "2020-02-01", e); got != shift {
			t.Errorf("user %s: the case moved a date %d days, the table rule %d", id, got, shift)
		}
		d, _, err := rowRewrite(t, ep, []string{id, "login", "2020-02-01", `{"at": "2020-03-01"}`}, 3)
		if err != nil {
			t.Fatal(err)
		}
		if got := days(t, "2020-03-01", d[8:18]); got != shift {
			t.Errorf("user %s: the path moved a date %d days (%s), the table rule %d", id, got, d, shift)
		}
		if _, null, _ := rowRewrite(t, ep, []string{id, "logout", "2020-02-01", `\N`}, 2); !null {
			t.Errorf("user %s: the last case did not apply", id)
		}
	}
}

// TestDomainOptionsAgree: columns that name one domain must agree on the
// options that change its output (days, percent, length); without a
// written domain they may differ.
func TestDomainOptionsAgree(t *testing.T) {
	src := `version: 1
tables:
  users:
    columns:
      created_at: {transform: date_shift, days: 90, by: id, domain: user_dates}
  orders:
    columns:
      placed_at: {transform: date_shift, days: 30, by: user_id, domain: user_dates}
`
	_, err := rules.Parse([]byte(src), "anon.yaml")
	if err == nil || !strings.Contains(err.Error(), `anon.yaml:8:7: public.orders.placed_at: domain "user_dates" is used with days: 30 here and days: 90 at line 5`) {
		t.Errorf("Parse: %v", err)
	}
	if _, err := rules.Parse([]byte(strings.ReplaceAll(src, ", domain: user_dates", "")), "anon.yaml"); err != nil {
		t.Errorf("without a written domain: %v", err)
	}
}
