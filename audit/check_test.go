package audit

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// dump wraps statements in pg_dump's header and trailer.
func dump(body string) string {
	return "--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n" +
		body + "\n--\n-- PostgreSQL database dump complete\n--\n\n"
}

func check(t *testing.T, yaml, sql string, strict bool) (problems, warnings []rules.Problem) {
	t.Helper()
	rs, err := rules.Parse([]byte(yaml), "anon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	rs.Strict = strict
	problems, err = Check(rs, strings.NewReader(dump(sql)), "dump.sql", CheckOptions{Warn: func(p rules.Problem) { warnings = append(warnings, p) }})
	if err != nil {
		t.Fatal(err)
	}
	return problems, warnings
}

func kinds(ps []rules.Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Kind+" "+p.Table+" "+p.Column)
	}
	return out
}

// TestCheck covers what check reported before it moved out of rules:
// coverage, rules that do not fit, weak unique keys, broken joins,
// filters that break foreign keys and unused rules, in dump-line order.
func TestCheck(t *testing.T) {
	const schema = `CREATE TABLE public.customers (id integer NOT NULL, email text, name varchar(5), active boolean);
CREATE TABLE public.orders (id integer NOT NULL, customer_email text, note text);
CREATE TABLE public.empty (secret text);

COPY public.customers (id, email, name, active) FROM stdin;
1	a@b.test	Al	t
\.

COPY public.orders (id, customer_email, note) FROM stdin;
1	a@b.test	hello
\.

COPY public.empty (secret) FROM stdin;
\.

ALTER TABLE ONLY public.customers ADD CONSTRAINT customers_email_key UNIQUE (email);
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_customer_email_fkey FOREIGN KEY (customer_email) REFERENCES public.customers(email);
`
	const yaml = `version: 1
tables:
  customers:
    where: "active = true"
    cascade: false
    columns:
      id: keep
      email: username
      name: {transform: hash}
  orders:
    columns:
      id: keep
      customer_email: email
  ordrs:
    truncate: true
`
	problems, warnings := check(t, yaml, schema, true)
	got := kinds(problems)
	want := []string{
		"rule public.customers ",                   // hash is 32 digits, name is varchar(5)
		"coverage public.orders note",              // ditto
		"unique public.customers email",            // username without unique: true
		"where public.orders ",                     // orders references the filtered customers
		"foreign_key public.orders customer_email", // email vs username
		"unused public.ordrs ",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(warnings) != 0 {
		t.Errorf("warnings = %+v", warnings)
	}
	for i := 1; i < len(problems); i++ {
		if problems[i].Line < problems[i-1].Line && problems[i].Line != 0 {
			t.Errorf("problems not in dump-line order: %+v", problems)
		}
	}
	for _, p := range problems {
		line := rules.FormatProblem("dump.sql", p)
		if strings.Contains(line, "a@b.test") || strings.Contains(line, "hello") {
			t.Errorf("a dump value in %q", line)
		}
	}

	// Not strict: no coverage or unused problems.
	problems, _ = check(t, yaml, schema, false)
	for _, p := range problems {
		if p.Kind == "coverage" || p.Kind == "unused" {
			t.Errorf("not strict: %+v", p)
		}
	}
}

// Bug 7: on a data-only dump (no CREATE TABLE) check said the rules fit
// while an email would go into an integer column.
func TestCheckUntyped(t *testing.T) {
	const dataOnly = "COPY public.users (id, email) FROM stdin;\n1\ta@b.test\n\\.\n"
	const yaml = "version: 1\ntables:\n  users:\n    columns:\n      id: email\n      email: keep\n"
	problems, warnings := check(t, yaml, dataOnly, true)
	if len(problems) != 1 || problems[0].Kind != "untyped" || problems[0].Table != "public.users" || problems[0].Rule != "anon.yaml:3:3" {
		t.Fatalf("strict: problems = %+v, want one untyped", problems)
	}
	if msg := rules.FormatProblem("dump.sql", problems[0]); !strings.Contains(msg, "does not declare the types of id") || !strings.Contains(msg, "untyped: allow") {
		t.Errorf("message = %q", msg)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings = %+v", warnings)
	}
	// Not strict, or untyped: allow: a warning naming the table, not a problem.
	for _, tc := range []struct {
		yaml   string
		strict bool
	}{{yaml, false}, {"version: 1\nuntyped: allow\n" + strings.TrimPrefix(yaml, "version: 1\n"), true}} {
		problems, warnings = check(t, tc.yaml, dataOnly, tc.strict)
		if len(problems) != 0 || len(warnings) != 1 || warnings[0].Kind != "untyped" || warnings[0].Table != "public.users" {
			t.Errorf("%q strict %v: problems %+v, warnings %+v", tc.yaml, tc.strict, problems, warnings)
		}
	}
}

// Bug 10, check side: personal data inside a kept json/jsonb column went
// unnoticed. Check reports the column with the JSON paths, never the
// values (nor keys that are data).
func TestCheckJSON(t *testing.T) {
	const sql = `CREATE TABLE public.events (id integer NOT NULL, payload jsonb, meta json, gone jsonb);

COPY public.events (id, payload, meta, gone) FROM stdin;
1	{"contact": {"email": "sentinel.person@mail.test", "phone": "+33 6 12 34 56 78"}, "ok": true}	{"ua": "Mozilla/5.0"}	{"email": "x.y@mail.test"}
2	{"contact": {"email": "other.person@mail.test"}, "items": [{"card": 4111111111111111}], "sentinel.key@mail.test": 1}	\N	\N
3	not json at all	{"n": [1, 2, 3], "d": 12345678901.25}	\N
4	{"note": "say \\"hi\\" to sentinel.bob@mail.test\\tnow"}	\N	\N
\.
`
	const yaml = `version: 1
tables:
  events:
    columns:
      id: keep
      payload: keep
      meta: keep
      gone: {transform: const, value: '{}'}
`
	problems, _ := check(t, yaml, sql, true)
	if len(problems) != 1 {
		t.Fatalf("problems = %+v, want one for payload", problems)
	}
	p := problems[0]
	wantPaths := []string{"$.*", "$.contact.email", "$.contact.phone", "$.items[*].card", "$.note"}
	if p.Kind != "json" || p.Table != "public.events" || p.Column != "payload" || !slices.Equal(p.Paths, wantPaths) {
		t.Errorf("problem = %+v, want json on payload at %v", p, wantPaths)
	}
	msg := rules.FormatProblem("dump.sql", p)
	for _, want := range []string{"$.contact.email (email, in 2 of 4 sampled documents)", "$.* (a key that looks like email, in 1 of 4", "$.note (text with email,", "$.items[*].card (card,", "payload: {transform: const, value: '{}'}",
		`payload: {paths: {"$.contact.email": email, "$.contact.phone": phone, "$.items[*].card": {transform: const, value: "0"}, "$.note": lorem}}`, "keys that are data (written *)"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	js, _ := json.Marshal(p)
	for _, v := range []string{"sentinel", "4111", "12 34"} {
		if strings.Contains(msg, v) || strings.Contains(string(js), v) {
			t.Errorf("a dump value (%s) in %s / %s", v, msg, js)
		}
	}

	// The sample is bounded: past it, documents are not looked at.
	rs, _ := rules.Parse([]byte(yaml), "anon.yaml")
	problems, err := Check(rs, strings.NewReader(dump(sql)), "dump.sql", CheckOptions{Sample: 1})
	if err != nil || len(problems) != 1 || slices.Contains(problems[0].Paths, "$.items[*].card") {
		t.Errorf("Sample 1: %v %+v", err, problems)
	}
}

// TestCheckJSONSuggestsPaths: when every hit inside a kept json column is
// at a path a rule can address, check suggests a paths: rule, and that
// rule loads and leaves none of the personal values.
func TestCheckJSONSuggestsPaths(t *testing.T) {
	const sql = `CREATE TABLE public.events (id integer NOT NULL, payload jsonb);

COPY public.events (id, payload) FROM stdin;
1	{"contact": {"email": "sentinel.person@mail.test", "phone": "+33 6 12 34 56 78"}, "ok": true, "n": 1.5}
2	{"contact": {"email": "other.person@mail.test"}, "items": [{"card": 4111111111111111}]}
\.
`
	problems, _ := check(t, "version: 1\ntables:\n  events:\n    columns:\n      id: keep\n      payload: keep\n", sql, true)
	if len(problems) != 1 {
		t.Fatalf("problems = %+v", problems)
	}
	msg := problems[0].Message
	_, rule, ok := strings.Cut(msg, "for example `")
	rule, _, _ = strings.Cut(rule, "`")
	if !ok || !strings.HasPrefix(rule, "payload: {paths: ") || strings.Contains(msg, "const, value: '{}'") {
		t.Fatalf("message = %s", msg)
	}
	rs, err := rules.Parse([]byte("version: 1\ntables:\n  events:\n    columns:\n      id: keep\n      "+rule+"\n"), "anon.yaml")
	if err != nil {
		t.Fatalf("the suggested rule does not load: %v\n%s", err, rule)
	}
	var out bytes.Buffer
	if _, err := dumpstream.Rewrite(&out, strings.NewReader(dump(sql)), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{}); err != nil {
		t.Fatalf("the suggested rule fails: %v", err)
	}
	for _, v := range []string{"sentinel", "other.person", "12 34", "4111"} {
		if strings.Contains(out.String(), v) {
			t.Errorf("%s survives the suggested rule", v)
		}
	}
	if !strings.Contains(out.String(), `"ok": true, "n": 1.5}`) {
		t.Errorf("the rest of the document changed:\n%s", out.String())
	}
}

// TestCheckJSONUnnamedPaths: a column with a paths: rule is sampled too,
// and check reports the personal values at the paths the rule does not
// name (never the values), with rules to add.
func TestCheckJSONUnnamedPaths(t *testing.T) {
	const sql = `CREATE TABLE public.events (id integer NOT NULL, payload jsonb);

COPY public.events (id, payload) FROM stdin;
1	{"contact": {"email": "sentinel.person@mail.test", "phone": "+33 6 12 34 56 78"}, "ok": true}
2	{"contact": {"email": "other.person@mail.test"}, "list": [{"email": "third@mail.test"}]}
\.
`
	problems, _ := check(t, `version: 1
tables:
  events:
    columns:
      id: keep
      payload: {paths: {"$.contact.email": email, "$.list": email}}
`, sql, true)
	if len(problems) != 1 || !slices.Equal(problems[0].Paths, []string{"$.contact.phone"}) {
		t.Fatalf("problems = %+v, want one at $.contact.phone", problems)
	}
	msg := problems[0].Message
	if !strings.Contains(msg, "paths it does not name") || !strings.Contains(msg, `"$.contact.phone": phone`) || strings.Contains(msg, "12 34") {
		t.Errorf("message = %s", msg)
	}
	problems, _ = check(t, `version: 1
tables:
  events:
    columns:
      id: keep
      payload: {paths: {"$.contact": email, "$.list": email}}
`, sql, true)
	if len(problems) != 0 {
		t.Errorf("problems = %+v, want none", problems)
	}
}
