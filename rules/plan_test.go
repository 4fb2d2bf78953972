package rules_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

func mustParse(t *testing.T, src string) *rules.Rules {
	t.Helper()
	rs, err := rules.Parse([]byte(src), "anon.yaml")
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return rs
}

// newPlan compiles src with strict coverage off: these tests are about
// what rules do to the columns they name; TestPlanStrict covers coverage.
func newPlan(t *testing.T, src string) *rules.Plan {
	t.Helper()
	p := rules.NewPlan(mustParse(t, src), fakers.NewKey([]byte("k")))
	p.Strict = false
	return p
}

func col(name, typ string, mods ...int32) dumpstream.Column {
	return dumpstream.Column{Name: name, Type: &dumpstream.Type{Name: typ, Mods: mods}}
}

// usersTable is public.users as a dump with its CREATE TABLE declares it.
func usersTable() *dumpstream.Table {
	id := col("id", "int4")
	id.Type.NotNull = true
	email := col("email", "text")
	email.Type.NotNull = true
	tags := col("tags", "text")
	tags.Type.ArrayDims = 1
	return &dumpstream.Table{
		Schema: "public",
		Name:   "users",
		Line:   10,
		Typed:  true,
		Columns: []dumpstream.Column{
			id,
			email,
			col("name", "varchar", 5),
			tags,
			{Name: "note"}, // type unknown
		},
	}
}

// rewrite runs the plan's rewriter of column i on one value.
func rewrite(t *testing.T, plan *dumpstream.TablePlan, i int, value []byte, null bool) ([]byte, bool) {
	t.Helper()
	cr := plan.Columns[i]
	if cr == nil {
		t.Fatalf("column %d has no rewriter", i)
	}
	out, outNull, err := cr.Rewrite(nil, value, null)
	if err != nil {
		t.Fatalf("Rewrite(%q): %v", value, err)
	}
	return out, outNull
}

// planError calls Table and returns its error, which must be a
// rules.ErrorList.
func planError(t *testing.T, src string, tbl *dumpstream.Table) (rules.ErrorList, string) {
	t.Helper()
	p := newPlan(t, src)
	plan, err := p.Table(tbl)
	if err == nil {
		t.Fatalf("Table = %+v, want an error", plan)
	}
	if plan != nil {
		t.Errorf("Table returned a plan with its error")
	}
	var list rules.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %T (%v), want rules.ErrorList", err, err)
	}
	return list, err.Error()
}

func TestPlanTable(t *testing.T) {
	p := newPlan(t, `version: 1
tables:
  users:
    columns:
      email: email
      note: lorem
`)
	plan, err := p.Table(usersTable())
	if err != nil {
		t.Fatal(err)
	}
	if plan == nil || plan.DropRows || len(plan.Columns) != 5 {
		t.Fatalf("Table = %+v, want 5 columns", plan)
	}
	for i, ruled := range []bool{false, true, false, false, true} {
		if (plan.Columns[i] != nil) != ruled {
			t.Errorf("column %d: rewriter %v, want ruled %v", i, plan.Columns[i], ruled)
		}
	}
	in := []byte("alice@realmail.test")
	out, null := rewrite(t, plan, 1, in, false)
	if null || bytes.Equal(out, in) || !bytes.Contains(out, []byte("@example.")) {
		t.Errorf("email Rewrite(%q) = %q, %v; want a fake address", in, out, null)
	}
	again, _ := rewrite(t, plan, 1, in, false)
	if !bytes.Equal(again, out) {
		t.Errorf("email Rewrite(%q) = %q, then %q; want the same", in, out, again)
	}
	// A column of unknown type (data-only dump) takes any transformer.
	if out, _ := rewrite(t, plan, 4, []byte("call me"), false); len(out) == 0 || bytes.Equal(out, []byte("call me")) {
		t.Errorf("lorem Rewrite = %q", out)
	}

	// A table without rules gets no plan.
	plan, err = p.Table(&dumpstream.Table{Schema: "public", Name: "orders", Columns: []dumpstream.Column{col("id", "int4")}})
	if plan != nil || err != nil {
		t.Errorf("Table(orders) = %+v, %v; want nil, nil", plan, err)
	}
	if err := p.Unused(); err != nil {
		t.Errorf("Unused = %v", err)
	}
}

func TestPlanNull(t *testing.T) {
	p := newPlan(t, "version: 1\ntables:\n  users:\n    columns:\n      name: first_name\n      tags: lorem\n      note: {transform: const, value: x}\n")
	plan, err := p.Table(usersTable())
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{2, 3, 4} {
		out, null := rewrite(t, plan, i, nil, true)
		if !null || len(out) != 0 {
			t.Errorf("column %d: Rewrite(NULL) = %q, %v; want NULL", i, out, null)
		}
	}
}

func TestPlanUnknownColumn(t *testing.T) {
	list, msg := planError(t, `version: 1
tables:
  users:
    columns:
      emial: email
      name: full_name
`, usersTable())
	if len(list) != 1 {
		t.Fatalf("%d errors, want 1:\n%s", len(list), msg)
	}
	e := list[0]
	if e.Pos != (rules.Pos{File: "anon.yaml", Line: 5, Col: 7}) {
		t.Errorf("Pos = %v, want anon.yaml:5:7", e.Pos)
	}
	for _, want := range []string{
		`anon.yaml:5:7: public.users.emial: `,
		`no column "emial"`,
		`(did you mean "email"?)`,
		`its columns are: id, email, name, tags, note`,
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not contain %q", msg, want)
		}
	}
}

func TestPlanTypeErrors(t *testing.T) {
	tests := []struct {
		name, rule string
		pos        string
		want       string
	}{
		{"email into int4", "id: email", "anon.yaml:5:7: public.users.id: ", "email cannot write into integer column"},
		{"unique email into varchar(5)", "name: {transform: email, unique: true}", "anon.yaml:5:7: public.users.name: ", "character varying(5)"},
		{"phone into int4", "id: phone", "anon.yaml:5:7: public.users.id: ", "phone writes numbers of up to 11 digits, integer holds only 9"},
		{"unique postcode into int4", "id: {transform: postcode, unique: true}", "anon.yaml:5:7: public.users.id: ", "postcode with unique cannot write into integer column"},
		{"set_null into NOT NULL", "email: set_null", "anon.yaml:5:7: public.users.email: ", "NOT NULL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\ntables:\n  users:\n    columns:\n      " + tt.rule + "\n"
			list, msg := planError(t, src, usersTable())
			if len(list) != 1 || !strings.HasPrefix(msg, tt.pos) || !strings.Contains(msg, tt.want) {
				t.Errorf("Table error = %q, want one starting %q and containing %q", msg, tt.pos, tt.want)
			}
		})
	}
}

// TestPlanAllErrors checks that every problem of a table is reported at
// once, in file order.
func TestPlanAllErrors(t *testing.T) {
	list, msg := planError(t, `version: 1
tables:
  users:
    columns:
      id: email
      nope: lorem
      email: set_null
`, usersTable())
	var lines []int
	for _, e := range list {
		lines = append(lines, e.Pos.Line)
	}
	if len(lines) != 3 || lines[0] != 5 || lines[1] != 6 || lines[2] != 7 {
		t.Errorf("error lines %v, want [5 6 7]:\n%s", lines, msg)
	}
}

// parseArray splits a one-dimensional array literal into its elements;
// null marks the unquoted NULLs.
func parseArray(t *testing.T, lit string) (elems []string, null []bool) {
	t.Helper()
	if len(lit) < 2 || lit[0] != '{' || lit[len(lit)-1] != '}' {
		t.Fatalf("%q is not an array literal", lit)
	}
	body := lit[1 : len(lit)-1]
	var cur strings.Builder
	quoted, wasQuoted := false, false
	flush := func() {
		s := cur.String()
		elems = append(elems, s)
		null = append(null, !wasQuoted && strings.EqualFold(s, "NULL"))
		cur.Reset()
		wasQuoted = false
	}
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case c == '\\' && i+1 < len(body):
			i++
			cur.WriteByte(body[i])
		case c == '"':
			quoted = !quoted
			wasQuoted = true
		case c == ',' && !quoted:
			flush()
		case c == '{' || c == '}':
			t.Fatalf("%q: nested arrays are not expected", lit)
		default:
			cur.WriteByte(c)
		}
	}
	if quoted {
		t.Fatalf("%q: unterminated quote", lit)
	}
	flush()
	return elems, null
}

func TestPlanArray(t *testing.T) {
	p := newPlan(t, "version: 1\ntables:\n  users:\n    columns:\n      tags: first_name\n")
	plan, err := p.Table(usersTable())
	if err != nil {
		t.Fatal(err)
	}
	in := `{a,"b c",NULL}`
	out, null := rewrite(t, plan, 3, []byte(in), false)
	if null {
		t.Fatalf("Rewrite(%q) = NULL", in)
	}
	elems, nulls := parseArray(t, string(out))
	if len(elems) != 3 {
		t.Fatalf("Rewrite(%q) = %q: %d elements, want 3", in, out, len(elems))
	}
	if nulls[0] || nulls[1] || !nulls[2] {
		t.Errorf("Rewrite(%q) = %q: NULL elements %v, want [false false true]", in, out, nulls)
	}
	if elems[0] == "a" || elems[1] == "b c" || elems[0] == "" || elems[1] == "" {
		t.Errorf("Rewrite(%q) = %q: elements not rewritten", in, out)
	}
	// Element-wise: equal elements give equal fakes.
	out2, _ := rewrite(t, plan, 3, []byte(`{"b c",a}`), false)
	elems2, _ := parseArray(t, string(out2))
	if len(elems2) != 2 || elems2[0] != elems[1] || elems2[1] != elems[0] {
		t.Errorf("Rewrite({\"b c\",a}) = %q, want the elements of %q swapped", out2, out)
	}
	// Empty array stays empty.
	if out, _ := rewrite(t, plan, 3, []byte(`{}`), false); string(out) != "{}" {
		t.Errorf("Rewrite({}) = %q, want {}", out)
	}
	// A malformed literal is an error, which must not quote the value.
	if _, _, err := plan.Columns[3].Rewrite(nil, []byte(`{"secret`), false); err == nil {
		t.Errorf("Rewrite of a malformed array: no error")
	} else if strings.Contains(err.Error(), "secret") {
		t.Errorf("error %q quotes the value", err)
	}
}

func TestPlanSharedDomain(t *testing.T) {
	p := newPlan(t, `version: 1
tables:
  users:
    columns:
      email: email
  orders:
    columns:
      customer_email: email
      backup_email: {transform: email, domain: other}
`)
	users, err := p.Table(usersTable())
	if err != nil {
		t.Fatal(err)
	}
	orders, err := p.Table(&dumpstream.Table{Schema: "public", Name: "orders", Columns: []dumpstream.Column{
		col("id", "int8"), col("customer_email", "varchar", 200), col("backup_email", "text"),
	}})
	if err != nil {
		t.Fatal(err)
	}
	in := []byte("alice@realmail.test")
	a, _ := rewrite(t, users, 1, in, false)
	b, _ := rewrite(t, orders, 1, in, false)
	if !bytes.Equal(a, b) {
		t.Errorf("same domain: users.email %q, orders.customer_email %q; want equal", a, b)
	}
	c, _ := rewrite(t, orders, 2, in, false)
	if bytes.Equal(a, c) {
		t.Errorf("domain other gives %q, the same as domain email", c)
	}
	// Another key gives another value.
	p2 := rules.NewPlan(mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      email: email\n"), fakers.NewKey([]byte("k2")))
	p2.Strict = false
	users2, err := p2.Table(usersTable())
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := rewrite(t, users2, 1, in, false); bytes.Equal(a, d) {
		t.Errorf("another key gives the same %q", d)
	}
}

func TestPlanDropRows(t *testing.T) {
	p := newPlan(t, "version: 1\ntables:\n  sessions:\n    truncate: true\n  users:\n    columns:\n      email: email\n")
	plan, err := p.Table(&dumpstream.Table{Schema: "public", Name: "sessions", Columns: []dumpstream.Column{col("token", "text")}})
	if err != nil || plan == nil || !plan.DropRows {
		t.Errorf("Table(sessions) = %+v, %v; want DropRows", plan, err)
	}
	// INSERT data of a ruled table gets a plan, which stops the run.
	plan, err = p.Table(&dumpstream.Table{Schema: "public", Name: "users", Inserts: true})
	if err != nil || plan == nil {
		t.Errorf("Table(users, Inserts) = %+v, %v; want a plan", plan, err)
	}
	if err := p.Unused(); err != nil {
		t.Errorf("Unused = %v", err)
	}
}

func TestPlanUnused(t *testing.T) {
	p := newPlan(t, `version: 1
tables:
  users:
    columns:
      email: email
  ordrs:
    truncate: true
  audit.log:
    truncate: true
`)
	if _, err := p.Table(usersTable()); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Table(&dumpstream.Table{Schema: "public", Name: "orders"}); err != nil {
		t.Fatal(err)
	}
	err := p.Unused()
	var list rules.ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("Unused = %v, want 2 errors", err)
	}
	if got, want := list[0].Error(), `anon.yaml:6:3: public.ordrs: the dump has no data for this table (did you mean "public.orders"?); fix the name or remove the rule`; got != want {
		t.Errorf("Unused error 1 = %q\nwant %q", got, want)
	}
	if got := list[1].Error(); !strings.HasPrefix(got, "anon.yaml:8:3: audit.log: the dump has no data for this table") || strings.Contains(got, "did you mean") {
		t.Errorf("Unused error 2 = %q", got)
	}
}

// Rewriting a partition key would move rows to another partition.
func TestPlanPartitionKey(t *testing.T) {
	tbl := usersTable()
	tbl.Columns[2].PartitionKey = true
	list, msg := planError(t, "version: 1\ntables:\n  users:\n    columns:\n      "+tbl.Columns[2].Name+": lorem\n", tbl)
	if len(list) != 1 || !strings.Contains(msg, "partition key") {
		t.Errorf("Table error = %q, want one about the partition key", msg)
	}
}

func TestPlanStrict(t *testing.T) {
	const src = `version: 1
tables:
  users:
    columns:
      id: keep
      email: email
  events:
    keep: true
`
	p := rules.NewPlan(mustParse(t, src), fakers.NewKey([]byte("k")))
	if !p.Strict {
		t.Fatal("strict is not the default")
	}
	// Uncovered columns: a plan that refuses rows, naming every column,
	// with the YAML to add.
	plan, err := p.Table(usersTable())
	if err != nil {
		t.Fatal(err)
	}
	var ce *rules.CoverageError
	if plan == nil || !errors.As(plan.RefuseRows, &ce) {
		t.Fatalf("Table = %+v, want a plan refusing rows with a CoverageError", plan)
	}
	if got := strings.Join(ce.Columns, ","); got != "name,tags,note" {
		t.Errorf("uncovered = %s, want name,tags,note", got)
	}
	if msg := ce.Error(); !strings.Contains(msg, "\n  public.users:\n    columns:\n      name: keep\n      tags: keep\n      note: keep") {
		t.Errorf("message has no snippet to paste:\n%s", msg)
	}
	// A table without a rule: refused, every column listed.
	orders := &dumpstream.Table{Schema: "public", Name: "orders", Columns: []dumpstream.Column{col("id", "int4"), col("Full Name", "text")}}
	plan, _ = p.Table(orders)
	if plan == nil || !errors.As(plan.RefuseRows, &ce) || ce.HasRule || !strings.Contains(ce.Error(), "      Full Name: keep") {
		t.Errorf("Table(orders) = %+v, want a refusal for the whole table", plan)
	}
	// keep: true and a table without columns need nothing.
	if plan, err := p.Table(&dumpstream.Table{Schema: "public", Name: "events", Columns: []dumpstream.Column{col("id", "int4")}}); plan != nil || err != nil {
		t.Errorf("Table(events) = %+v, %v; want passthrough", plan, err)
	}
	if plan, err := p.Table(&dumpstream.Table{Schema: "public", Name: "empty"}); plan != nil || err != nil {
		t.Errorf("Table(empty) = %+v, %v; want passthrough", plan, err)
	}
	// INSERT rows: only keep: true may pass; no rule is an error.
	if _, err := p.Table(&dumpstream.Table{Schema: "public", Name: "orders", Inserts: true}); !errors.As(err, &ce) || !ce.Inserts {
		t.Errorf("INSERT into an uncovered table: %v", err)
	}
	if plan, err := p.Table(&dumpstream.Table{Schema: "public", Name: "events", Inserts: true}); plan != nil || err != nil {
		t.Errorf("INSERT into a kept table: %+v, %v", plan, err)
	}
	// Every column kept: passthrough.
	allKept := rules.NewPlan(mustParse(t, "version: 1\ntables:\n  orders:\n    columns:\n      id: keep\n      Full Name: keep\n"), fakers.NewKey([]byte("k")))
	if plan, err := allKept.Table(orders); plan != nil || err != nil {
		t.Errorf("all columns kept: %+v, %v; want passthrough", plan, err)
	}

	// Not strict: a warning per table, once, and the data passes.
	loose := rules.NewPlan(mustParse(t, "version: 1\nstrict: false\ntables:\n  users:\n    columns:\n      email: email\n"), fakers.NewKey([]byte("k")))
	var warnings []string
	loose.Warn = func(m string) { warnings = append(warnings, m) }
	for range 2 {
		if plan, err := loose.Table(orders); plan != nil || err != nil {
			t.Errorf("not strict, no rule: %+v, %v", plan, err)
		}
		if plan, err := loose.Table(usersTable()); err != nil || plan == nil || plan.RefuseRows != nil {
			t.Errorf("not strict, partial rule: %+v, %v", plan, err)
		}
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], "public.orders: no rule") || !strings.Contains(warnings[1], "public.users: columns without a rule pass through unchanged (strict: false): id, name, tags, note") {
		t.Errorf("warnings = %q", warnings)
	}
}

// TestTargetOfNumbers checks the integer widths and numeric type modifiers
// reach the fakers' target.
func TestTargetOfNumbers(t *testing.T) {
	for _, tc := range []struct {
		typ  dumpstream.Type
		want fakers.Target
	}{
		{dumpstream.Type{Name: "int2"}, fakers.Target{Class: fakers.ClassInt, Bits: 16}},
		{dumpstream.Type{Name: "int4"}, fakers.Target{Class: fakers.ClassInt, Bits: 32}},
		{dumpstream.Type{Name: "int8"}, fakers.Target{Class: fakers.ClassInt, Bits: 64}},
		{dumpstream.Type{Name: "numeric", Mods: []int32{8, 2}}, fakers.Target{Class: fakers.ClassNumeric, Precision: 8, Scale: 2}},
		{dumpstream.Type{Name: "numeric", Mods: []int32{5}}, fakers.Target{Class: fakers.ClassNumeric, Precision: 5}},
		{dumpstream.Type{Name: "numeric"}, fakers.Target{Class: fakers.ClassNumeric}},
		{dumpstream.Type{Name: "float8"}, fakers.Target{Class: fakers.ClassNumeric, Precision: 15}},
	} {
		got := rules.TargetOf(&tc.typ, false)
		got.Type = ""
		if got != tc.want {
			t.Errorf("TargetOf(%s) = %+v, want %+v", tc.typ.String(), got, tc.want)
		}
	}
}
