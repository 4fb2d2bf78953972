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

const casesDump = streamHeader + `CREATE TABLE public.users (id integer NOT NULL, role text, deleted_at timestamp with time zone, email text);

COPY public.users (id, role, deleted_at, email) FROM stdin;
1	admin	2024-01-01 00:00:00+00	gone.admin@mail.test
2	admin	\N	boss@mail.test
3	user	\N	plain@mail.test
4	user	\N	\N
5	user	2024-02-02 00:00:00+00	gone@mail.test
6	admin	\N	tab\there@mail.test
\.
` + streamTrailer

const casesRules = `version: 1
tables:
  users:
    columns:
      id: keep
      deleted_at: keep
      role: {transform: const, value: x}
      email:
        - {when: "deleted_at IS NOT NULL", transform: set_null}
        - {when: "role = 'admin'", keep: true}
        - {transform: email, domain: user_email}
`

// rowsOf returns the COPY rows of the users table in out.
func rowsOf(t *testing.T, out string) [][]string {
	t.Helper()
	_, data, ok := strings.Cut(out, "FROM stdin;\n")
	if !ok {
		t.Fatalf("no COPY in output:\n%s", out)
	}
	data, _, _ = strings.Cut(data, "\\.\n")
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// TestCasesFirstMatch: the first case whose when: holds applies, judged on
// the original values (role is rewritten, yet the admins' emails are
// kept); NULL stays NULL under a transformer; with one worker or several.
func TestCasesFirstMatch(t *testing.T) {
	key := fakers.NewKey([]byte("cases"))
	fake := func(email string) string {
		fn, err := mustLookup(t, "email").New(fakers.Params{PRF: key.Domain("user_email"), Target: fakers.Target{Class: fakers.ClassText, Type: "text"}})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := fn.Append(nil, []byte(email))
		return string(out)
	}
	for _, workers := range []int{1, 3} {
		var out bytes.Buffer
		if _, err := dumpstream.Rewrite(&out, strings.NewReader(casesDump), rules.NewPlan(mustParse(t, casesRules), key), dumpstream.Options{Workers: workers}); err != nil {
			t.Fatal(err)
		}
		rows := rowsOf(t, out.String())
		want := []string{`\N`, "boss@mail.test", fake("plain@mail.test"), `\N`, `\N`, `tab\there@mail.test`}
		if len(rows) != len(want) {
			t.Fatalf("workers %d: %d rows, want %d", workers, len(rows), len(want))
		}
		for i, r := range rows {
			if r[1] != "x" {
				t.Errorf("workers %d row %d: role %q, want x", workers, i+1, r[1])
			}
			if r[3] != want[i] {
				t.Errorf("workers %d row %d: email %q, want %q", workers, i+1, r[3], want[i])
			}
		}
		if strings.Contains(out.String(), "plain@mail.test") || strings.Contains(out.String(), "gone") {
			t.Errorf("workers %d: an original value survived:\n%s", workers, out.String())
		}
	}
}

func mustLookup(t *testing.T, name string) *fakers.Def {
	t.Helper()
	d, ok := fakers.Lookup(name)
	if !ok {
		t.Fatalf("no transformer %s", name)
	}
	return d
}

// TestCasesPlanErrors: a when: naming a column the table lacks, and a case
// whose transformer does not fit the column, are plan errors at their
// positions, naming the column.
func TestCasesPlanErrors(t *testing.T) {
	rs := mustParse(t, `version: 1
tables:
  users:
    columns:
      role: keep
      deleted_at: keep
      email:
        - {when: "delted_at IS NOT NULL", transform: set_null}
        - email
      id:
        - {when: "role = 'admin'", transform: set_null}
        - keep
`)
	_, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(casesDump), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{})
	var list rules.ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("Rewrite error = %v", err)
	}
	if got := list[0].Error(); !strings.Contains(got, ":8:18:") || !strings.Contains(got, `no column "delted_at"`) || !strings.Contains(got, `did you mean "deleted_at"`) {
		t.Errorf("first error = %s", got)
	}
	if got := list[1].Error(); !strings.Contains(got, ":11:11:") || !strings.Contains(got, "case 1: set_null cannot write into id, which is NOT NULL") || !strings.Contains(got, "public.users.id") {
		t.Errorf("second error = %s", got)
	}
}

// TestCasesChecker: check lists the cases that keep a column, with their
// condition.
func TestCasesChecker(t *testing.T) {
	c := rules.NewChecker(mustParse(t, casesRules))
	tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true, Line: 9,
		Columns: []dumpstream.Column{col("id", "int4"), col("role", "text"), col("deleted_at", "timestamptz"), col("email", "text")}}
	if err := c.Table(tbl); err != nil {
		t.Fatal(err)
	}
	c.EndTable(tbl, 6)
	problems, warnings := c.Problems()
	if len(problems) != 0 || len(warnings) != 1 {
		t.Fatalf("problems %v, warnings %v", problems, warnings)
	}
	w := warnings[0]
	if w.Kind != "case" || w.Column != "email" || w.Message != "email is kept (not rewritten) when role = 'admin'" || !strings.HasSuffix(w.Rule, ":10:11") {
		t.Errorf("warning = %+v", w)
	}
}

// TestCasesUniqueKey: a column in a unique key whose cases all keep
// values unique passes check; one case that can collide is reported.
func TestCasesUniqueKey(t *testing.T) {
	for _, tc := range []struct {
		email string
		want  bool
	}{
		{"\n        - {when: \"role = 'admin'\", keep: true}\n        - {transform: email, unique: true}", false},
		{"\n        - {when: \"deleted_at IS NOT NULL\", transform: set_null}\n        - {transform: email, unique: true}", false},
		{"\n        - {when: \"deleted_at IS NOT NULL\", transform: full_name}\n        - {transform: email, unique: true}", true},
	} {
		c := rules.NewChecker(mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      role: keep\n      deleted_at: keep\n      email:"+tc.email+"\n"))
		tbl := &dumpstream.Table{Schema: "public", Name: "users", Typed: true, Line: 9,
			Columns: []dumpstream.Column{col("id", "int4"), col("role", "text"), col("deleted_at", "timestamptz"), col("email", "text")}}
		if err := c.Table(tbl); err != nil {
			t.Fatal(err)
		}
		c.EndTable(tbl, 6)
		c.Constraint(dumpstream.Constraint{Kind: dumpstream.Unique, Table: [2]string{"public", "users"}, Columns: []string{"email"}, Line: 20})
		problems, _ := c.Problems()
		if got := len(problems) == 1 && problems[0].Kind == "unique" && strings.Contains(problems[0].Message, "one of its cases"); got != tc.want || !tc.want && len(problems) != 0 {
			t.Errorf("%s: problems %v", tc.email, problems)
		}
	}
}
