package rules_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// untypedUsers is public.users as a data-only dump (pg_dump -a) shows it:
// column names from the COPY list, no types.
func untypedUsers() *dumpstream.Table {
	return &dumpstream.Table{Schema: "public", Name: "users", Line: 7,
		Columns: []dumpstream.Column{{Name: "id"}, {Name: "email"}}}
}

const untypedRules = "version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      email: email\n"

// Bug 7: rules on a data-only dump cannot be checked against the column
// types; strict mode refuses unless the rules say untyped: allow, and a
// non-strict run warns naming the table.
func TestPlanUntyped(t *testing.T) {
	// Strict (the default): an error at the table rule, naming the table,
	// the columns and the opt-out.
	p := rules.NewPlan(mustParse(t, untypedRules), fakers.NewKey([]byte("k")))
	plan, err := p.Table(untypedUsers())
	var list rules.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || plan != nil {
		t.Fatalf("strict Table = %+v, %v; want one rules error", plan, err)
	}
	msg := list[0].Error()
	for _, want := range []string{"anon.yaml:3:3: public.users: ", "does not declare the types of email", "untyped: allow"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not say %q", msg, want)
		}
	}

	// untyped: allow: the plan rewrites, with a warning.
	p = rules.NewPlan(mustParse(t, "version: 1\nuntyped: allow\ntables:\n  users:\n    columns:\n      id: keep\n      email: email\n"), fakers.NewKey([]byte("k")))
	var warnings []string
	p.Warn = func(m string) { warnings = append(warnings, m) }
	for range 2 { // once per table, whatever the number of workers
		if plan, err := p.Table(untypedUsers()); err != nil || plan == nil || plan.Columns[1] == nil {
			t.Fatalf("untyped: allow: Table = %+v, %v", plan, err)
		}
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], "public.users: rewritten without knowing its column types") {
		t.Errorf("warnings = %q", warnings)
	}

	// Not strict: a warning too.
	p = newPlan(t, untypedRules)
	warnings = nil
	p.Warn = func(m string) { warnings = append(warnings, m) }
	if plan, err := p.Table(untypedUsers()); err != nil || plan == nil {
		t.Fatalf("not strict: Table = %+v, %v", plan, err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "public.users") {
		t.Errorf("warnings = %q", warnings)
	}

	// untyped: refuse refuses even when not strict.
	p = rules.NewPlan(mustParse(t, "version: 1\nstrict: false\nuntyped: refuse\ntables:\n  users:\n    columns:\n      email: email\n"), fakers.NewKey([]byte("k")))
	if _, err := p.Table(untypedUsers()); !errors.As(err, &list) {
		t.Errorf("untyped: refuse: Table error = %v", err)
	}

	// Kept columns need no type: a typeless table whose rules keep it is fine.
	p = rules.NewPlan(mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      email: keep\n"), fakers.NewKey([]byte("k")))
	if plan, err := p.Table(untypedUsers()); err != nil || plan != nil {
		t.Errorf("all kept, untyped: Table = %+v, %v", plan, err)
	}

	if _, err := rules.Parse([]byte("version: 1\nuntyped: yes\n"), "anon.yaml"); err == nil || !strings.Contains(err.Error(), "anon.yaml:2:10: untyped must be allow or refuse") {
		t.Errorf("untyped: yes: %v", err)
	}
}

// Bug 13: a rule on a generated column said "no column".
func TestPlanGeneratedColumn(t *testing.T) {
	tbl := usersTable()
	tbl.Generated = []string{"search"}
	_, msg := planError(t, "version: 1\ntables:\n  users:\n    columns:\n      search: lorem\n", tbl)
	if !strings.Contains(msg, "search is a generated column: it has no data in the dump") || strings.Contains(msg, "has no column") {
		t.Errorf("error = %q", msg)
	}
	// `keep` for it is harmless.
	p := newPlan(t, "version: 1\ntables:\n  users:\n    columns:\n      search: keep\n      email: email\n")
	if _, err := p.Table(tbl); err != nil {
		t.Errorf("keep on a generated column: %v", err)
	}
}

// Bug 13: mask with keep ≥ a varchar(n) length can keep nothing.
func TestPlanMaskKeep(t *testing.T) {
	tbl := usersTable() // name is varchar(5)
	_, msg := planError(t, "version: 1\ntables:\n  users:\n    columns:\n      name: {transform: mask, keep: 5}\n", tbl)
	if !strings.Contains(msg, "anon.yaml:5:7: public.users.name: mask keeps 5 characters (keep_first and keep_last), but name is character varying(5)") {
		t.Errorf("error = %q", msg)
	}
	// keep_first counts too: 2 + 3 leaves nothing to mask in varchar(5).
	_, msg = planError(t, "version: 1\ntables:\n  users:\n    columns:\n      name: {transform: mask, keep_first: 2, keep_last: 3}\n", tbl)
	if !strings.Contains(msg, "anon.yaml:5:7: public.users.name: mask keeps 5 characters") {
		t.Errorf("error = %q", msg)
	}
	p := newPlan(t, "version: 1\ntables:\n  users:\n    columns:\n      name: {transform: mask, keep: 4}\n")
	plan, err := p.Table(tbl)
	if err != nil {
		t.Fatal(err)
	}
	if out, _ := rewrite(t, plan, 2, []byte("Bob"), false); string(out) != "***" {
		t.Errorf("mask keep 4 of %q = %q, want it masked whole", "Bob", out)
	}
}

// Bug 13: a pg_dumpall stream has one public.users per database.
const databaseRules = `version: 1
databases:
  crm:
    tables:
      users:
        columns:
          id: keep
          email: email
  shop:
    tables:
      users:
        truncate: true
tables:
  users:
    columns:
      id: keep
      email: {transform: const, value: x}
`

func usersIn(db string) *dumpstream.Table {
	return &dumpstream.Table{Database: db, Schema: "public", Name: "users", Typed: true, Line: 3,
		Columns: []dumpstream.Column{col("id", "int4"), col("email", "text")}}
}

func TestPlanDatabases(t *testing.T) {
	rs := mustParse(t, databaseRules)
	for db, want := range map[string]string{"crm": "email", "shop": "truncate", "": "const", "other": "const"} {
		tr := rs.RuleFor(usersIn(db))
		got := "truncate"
		if !tr.Truncate {
			got = tr.Column("email").Transform
		}
		if got != want {
			t.Errorf("database %q: rule %s, want %s", db, got, want)
		}
	}
	if tr := rs.RuleFor(usersIn("crm")); tr.Path() != "public.users (database crm)" {
		t.Errorf("Path = %q", tr.Path())
	}
	p := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
	for _, db := range []string{"crm", "shop", "other"} {
		if _, err := p.Table(usersIn(db)); err != nil {
			t.Errorf("Table(%s): %v", db, err)
		}
	}
	if err := p.Unused(); err != nil {
		t.Errorf("Unused = %v", err)
	}

	// One table name in two databases, and only the rule for any database:
	// an error in strict mode, a warning otherwise.
	anyDB := "version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      email: email\n"
	p = rules.NewPlan(mustParse(t, anyDB), fakers.NewKey([]byte("k")))
	if _, err := p.Table(usersIn("crm")); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Table(usersIn("crm")); err != nil {
		t.Fatal(err) // a second block of the same database's table
	}
	_, err := p.Table(usersIn("shop"))
	var list rules.ErrorList
	if !errors.As(err, &list) || !strings.Contains(err.Error(), "public.users: database crm and database shop each have a table of this name") || !strings.Contains(err.Error(), "databases:") {
		t.Errorf("strict, two databases: %v", err)
	}
	p = newPlan(t, anyDB)
	var warnings []string
	p.Warn = func(m string) { warnings = append(warnings, m) }
	for _, db := range []string{"crm", "shop"} {
		if _, err := p.Table(usersIn(db)); err != nil {
			t.Fatal(err)
		}
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "database crm and database shop each have a table") {
		t.Errorf("warnings = %q", warnings)
	}

	// A rule under databases: and a dump that names no database.
	p = rules.NewPlan(rs, fakers.NewKey([]byte("k")))
	if _, err := p.Table(usersIn("")); err != nil {
		t.Fatal(err)
	}
	if err := p.Unused(); err == nil || !strings.Contains(err.Error(), "public.users (database crm): the dump names no database") {
		t.Errorf("Unused = %v", err)
	}

	for _, bad := range []string{
		"version: 1\ndatabases: [crm]\n",
		"version: 1\ndatabases:\n  crm:\n    tabels: {}\n",
		"version: 1\ndatabases:\n  crm:\n    tables:\n      users: {truncate: true}\n      public.users: {truncate: true}\n",
	} {
		if _, err := rules.Parse([]byte(bad), "anon.yaml"); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

// Bug 9: a where: filter with cascade: false on a table that others
// reference by foreign key makes the restore fail; Finish says so at the
// end of the run, an error in strict mode. Without cascade: false the
// filter cascades (package subset), and Finish has nothing to say.
func TestPlanFinishWhere(t *testing.T) {
	const src = `version: 1
tables:
  customers:
    keep: true
    where: "active = true"
    cascade: false
  orders:
    keep: true
  sessions:
    truncate: true
`
	customers := &dumpstream.Table{Schema: "public", Name: "customers", Typed: true, Columns: []dumpstream.Column{col("id", "int4"), col("active", "bool")}}
	orders := &dumpstream.Table{Schema: "public", Name: "orders", Typed: true, Columns: []dumpstream.Column{col("customer_id", "int4")}}
	sessions := &dumpstream.Table{Schema: "public", Name: "sessions", Typed: true, Columns: []dumpstream.Column{col("customer_id", "int4")}}
	fk := func(from string, line int) dumpstream.Constraint {
		return dumpstream.Constraint{Kind: dumpstream.ForeignKey, Table: [2]string{"public", from}, Columns: []string{"customer_id"},
			RefTable: [2]string{"public", "customers"}, RefColumns: []string{"id"}, Line: line}
	}
	run := func(p *rules.Plan) error {
		for _, tbl := range []*dumpstream.Table{customers, orders, sessions} {
			if _, err := p.Table(tbl); err != nil {
				t.Fatal(err)
			}
		}
		p.Constraint(dumpstream.Constraint{Kind: dumpstream.PrimaryKey, Table: [2]string{"public", "customers"}, Columns: []string{"id"}, Line: 40})
		p.Constraint(fk("orders", 41))
		p.Constraint(fk("orders", 41)) // seen twice (two workers, or a repeat): named once
		p.Constraint(fk("sessions", 42))
		return p.Finish()
	}
	p := rules.NewPlan(mustParse(t, src), fakers.NewKey([]byte("k")))
	err := run(p)
	var list rules.ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("strict Finish = %v, want one error", err)
	}
	want := "anon.yaml:5:12: public.customers: where: drops rows that other tables reference: public.orders (foreign key at dump line 41); the restore fails"
	if got := list[0].Error(); !strings.HasPrefix(got, want) || strings.Contains(got, "sessions") {
		t.Errorf("Finish error = %q\nwant it to start %q (sessions is truncated: no row points anywhere)", got, want)
	}

	p = newPlan(t, src)
	var warnings []string
	p.Warn = func(m string) { warnings = append(warnings, m) }
	if err := run(p); err != nil {
		t.Fatalf("not strict: Finish = %v", err)
	}
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) {
		t.Errorf("warnings = %q", warnings)
	}

	// Cascading (no cascade: false): nothing to report.
	p = rules.NewPlan(mustParse(t, strings.Replace(src, "    cascade: false\n", "", 1)), fakers.NewKey([]byte("k")))
	if err := run(p); err != nil {
		t.Errorf("a cascading filter: Finish = %v", err)
	}

	// Finish also reports the rules the dump never reached, as Unused did.
	p = rules.NewPlan(mustParse(t, src), fakers.NewKey([]byte("k")))
	if err := p.Finish(); err == nil || len(err.(rules.ErrorList)) != 3 {
		t.Errorf("Finish with no table seen = %v, want 3 unused rules", err)
	}

	// A foreign key into a partitioned table, whose rows are its
	// partitions': the parent's where: covers them.
	p = rules.NewPlan(mustParse(t, "version: 1\ntables:\n  customers:\n    keep: true\n    where: \"active = true\"\n    cascade: false\n  orders:\n    keep: true\n"), fakers.NewKey([]byte("k")))
	part := &dumpstream.Table{Schema: "public", Name: "customers_eu", Typed: true, Ancestors: [][2]string{{"public", "customers"}},
		Columns: []dumpstream.Column{col("id", "int4"), col("active", "bool")}}
	for _, tbl := range []*dumpstream.Table{part, orders} {
		if _, err := p.Table(tbl); err != nil {
			t.Fatal(err)
		}
	}
	p.Constraint(fk("orders", 43))
	if err := p.Finish(); err == nil || !strings.Contains(err.Error(), "public.orders (foreign key at dump line 43)") {
		t.Errorf("partitioned: Finish = %v", err)
	}

	// pg_dumpall: a foreign key belongs to the database its statement is
	// in, not to the database of the last table seen.
	p = rules.NewPlan(mustParse(t, "version: 1\nstrict: false\ndatabases:\n  a:\n    tables:\n      customers:\n        keep: true\n        where: \"active = true\"\n        cascade: false\ntables:\n  customers:\n    keep: true\n  orders:\n    keep: true\n"), fakers.NewKey([]byte("k")))
	for _, tbl := range []*dumpstream.Table{
		{Database: "b", Schema: "public", Name: "customers", Typed: true, Columns: []dumpstream.Column{col("id", "int4"), col("active", "bool")}},
		{Database: "b", Schema: "public", Name: "orders", Typed: true, Columns: []dumpstream.Column{col("customer_id", "int4")}},
		{Database: "a", Schema: "public", Name: "customers", Typed: true, Columns: []dumpstream.Column{col("id", "int4"), col("active", "bool")}},
	} {
		if _, err := p.Table(tbl); err != nil {
			t.Fatal(err)
		}
	}
	bfk := fk("orders", 44)
	bfk.Database = "b"
	p.Constraint(bfk)
	var dbWarnings []string
	p.Warn = func(m string) { dbWarnings = append(dbWarnings, m) }
	if err := p.Finish(); err != nil {
		t.Fatal(err)
	}
	for _, w := range dbWarnings {
		if strings.Contains(w, "where: drops rows") {
			t.Errorf("database b's foreign key was judged against database a's where: %s", w)
		}
	}

	// A self-reference: the table's one filter drops rows that its kept
	// rows may point at.
	p = rules.NewPlan(mustParse(t, "version: 1\ntables:\n  staff:\n    keep: true\n    where: \"active = true\"\n    cascade: false\n"), fakers.NewKey([]byte("k")))
	if _, err := p.Table(&dumpstream.Table{Schema: "public", Name: "staff", Typed: true, Columns: []dumpstream.Column{col("id", "int4"), col("active", "bool")}}); err != nil {
		t.Fatal(err)
	}
	p.Constraint(dumpstream.Constraint{Kind: dumpstream.ForeignKey, Table: [2]string{"public", "staff"}, Columns: []string{"manager_id"}, RefTable: [2]string{"public", "staff"}, Line: 9})
	if err := p.Finish(); err == nil || !strings.Contains(err.Error(), "public.staff (foreign key at dump line 9)") {
		t.Errorf("self-reference: Finish = %v", err)
	}
}

// The Checker turns what a run would refuse into problems, and what it
// would only warn about into warnings, with their kinds.
func TestCheckerKinds(t *testing.T) {
	const anyDB = "version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      email: email\n"
	for _, strict := range []bool{true, false} {
		rs := mustParse(t, anyDB)
		rs.Strict = strict
		c := rules.NewChecker(rs)
		for _, tbl := range []*dumpstream.Table{usersIn("crm"), usersIn("shop"), untypedUsers()} {
			if err := c.Table(tbl); err != nil {
				t.Fatal(err)
			}
			c.EndTable(tbl, 1)
		}
		problems, warnings := c.Problems()
		got := func(ps []rules.Problem) (s []string) {
			for _, p := range ps {
				s = append(s, p.Kind)
				if strings.Contains(rules.FormatProblem("d.sql", p), "public.users: public.users") {
					t.Errorf("the table twice in %q", rules.FormatProblem("d.sql", p))
				}
			}
			return s
		}
		want := "database untyped"
		if g := strings.Join(got(problems), " "); strict && g != want || !strict && g != "" {
			t.Errorf("strict %v: problems %q", strict, g)
		}
		if g := strings.Join(got(warnings), " "); !strict && g != want || strict && g != "" {
			t.Errorf("strict %v: warnings %q", strict, g)
		}
	}
}
