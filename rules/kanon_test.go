package rules_test

import (
	"bytes"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

func TestKAnonymityLoadErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"k_anonymity: [a]\n", "anon.yaml:2:14: k_anonymity must be a mapping"},
		{"k_anonymity:\n  users: {k: 3}\n", "anon.yaml:3:10: k_anonymity public.users: missing `columns:`"},
		{"k_anonymity:\n  users: {columns: [], k: 3}\n", "columns must be a list of column names"},
		{"k_anonymity:\n  users: {columns: [a, a], k: 3}\n", `column "a" is listed twice`},
		{"k_anonymity:\n  users: {columns: [a]}\n", "missing `k:`"},
		{"k_anonymity:\n  users: {columns: [a], k: 1}\n", "anon.yaml:3:28: k_anonymity public.users: k must be a whole number from 2 to 65536"},
		{"k_anonymity:\n  users: {columns: [a], k: 3, j: 1}\n", `unknown key "j"`},
		{"k_anonymity:\n  users: {columns: [a], k: 3}\n  public.users: {columns: [a], k: 2}\n", "second k_anonymity entry (first at line 3)"},
	} {
		_, err := rules.Parse([]byte("version: 1\n"+tc.yaml+"tables: {}\n"), "anon.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: error %v, want %q", tc.yaml, err, tc.want)
		}
	}
}

// kDump is a dump of public.people (id, age, zip, name) with n rows of
// random ages and zips from small alphabets, split into the partitions
// people_a and people_b when parts is set.
func kDump(rng *rand.Rand, n int, parts bool) (string, map[string]int) {
	var b strings.Builder
	b.WriteString(streamHeader)
	b.WriteString("CREATE TABLE public.people (id integer, age integer, zip text, name text) PARTITION BY RANGE (id);\n")
	tables := []string{"people"}
	if parts {
		tables = []string{"people_a", "people_b"}
		for _, p := range tables {
			fmt.Fprintf(&b, "CREATE TABLE public.%s (id integer, age integer, zip text, name text);\nALTER TABLE ONLY public.people ATTACH PARTITION public.%s FOR VALUES FROM (0) TO (1);\n", p, p)
		}
	}
	classes := map[string]int{}
	id := 0
	for _, tbl := range tables {
		fmt.Fprintf(&b, "COPY public.%s (id, age, zip, name) FROM stdin;\n", tbl)
		for i := 0; i < n/len(tables); i++ {
			id++
			age := fmt.Sprint(20 + rng.Intn(6))
			zip := []string{"75001", "75002", `\N`, "75\\0603", "69001"}[rng.Intn(5)]
			key := age + "|" + strings.ReplaceAll(zip, `\060`, "0")
			classes[key]++
			fmt.Fprintf(&b, "%d\t%s\t%s\tperson %d\n", id, age, zip, id)
		}
		b.WriteString("\\.\n")
	}
	b.WriteString(streamTrailer)
	return b.String(), classes
}

// TestKAnonymityCount: the run's counts equal a brute-force count of the
// input's classes (the quasi-identifiers are kept), with 1 and 3
// workers, in one table and across two partitions; `\060` is "0", so an
// escaped spelling is the same class.
func TestKAnonymityCount(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, parts := range []bool{false, true} {
		for _, workers := range []int{1, 3} {
			for _, k := range []int{2, 5, 40} {
				sql, classes := kDump(rng, 3000, parts)
				rs := mustParse(t, fmt.Sprintf("version: 1\nk_anonymity:\n  people: {columns: [age, zip], k: %d}\ntables:\n  people:\n    columns: {id: keep, age: keep, zip: keep, name: full_name}\n", k))
				plan := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
				plan.KReportOnly = true
				if _, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(sql), plan, dumpstream.Options{Workers: workers}); err != nil {
					t.Fatal(err)
				}
				res, err := plan.KAnonymity()
				if err != nil || len(res) != 1 {
					t.Fatalf("KAnonymity = %v, %v", res, err)
				}
				var rows, below, belowRows, smallest int64
				smallest = 1 << 62
				for _, c := range classes {
					rows += int64(c)
					smallest = min(smallest, int64(c))
					if c < k {
						below++
						belowRows += int64(c)
					}
				}
				r := res[0].Result
				if r.Rows != rows || r.Classes != int64(len(classes)) || r.Smallest != smallest || r.ClassesBelowK != below || r.RowsBelowK != belowRows || res[0].Met != (belowRows == 0) {
					t.Errorf("parts=%v workers=%d k=%d: %+v, want rows %d classes %d smallest %d below %d (%d rows)", parts, workers, k, r, rows, len(classes), smallest, below, belowRows)
				}
			}
		}
	}
}

// TestKAnonymityOutput: the classes are of the OUTPUT values: a
// quasi-identifier rewritten by const is one class; a failing table is
// an error naming the entry, with advice, unless KReportOnly.
func TestKAnonymityOutput(t *testing.T) {
	sql, _ := kDump(rand.New(rand.NewSource(2)), 200, false)
	run := func(cols string, reportOnly bool) ([]rules.KResult, error) {
		rs := mustParse(t, "version: 1\nk_anonymity:\n  people: {columns: [age, zip], k: 50}\ntables:\n  people:\n    columns: {id: keep, name: keep, "+cols+"}\n")
		plan := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
		plan.KReportOnly = reportOnly
		if _, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(sql), plan, dumpstream.Options{Workers: 2}); err != nil {
			t.Fatal(err)
		}
		return plan.KAnonymity()
	}
	res, err := run("age: {transform: const, value: '30'}, zip: set_null", false)
	if err != nil || res[0].Result.Classes != 1 || !res[0].Met {
		t.Errorf("const quasi-identifiers: %+v, %v", res, err)
	}
	res, err = run("age: keep, zip: keep", false)
	if err == nil || !strings.Contains(err.Error(), "anon.yaml:3:3: k_anonymity public.people: ") || !strings.Contains(err.Error(), "rows are in classes of fewer than k=50 rows") ||
		!strings.Contains(err.Error(), "generalizing") || !strings.Contains(err.Error(), "--k-report-only") || res[0].Met {
		t.Errorf("kept quasi-identifiers: %+v, %v", res, err)
	}
	if len(res[0].Advice) == 0 {
		t.Errorf("no advice for %+v", res[0])
	}
	if _, err := run("age: keep, zip: keep", true); err != nil {
		t.Errorf("report only: %v", err)
	}
}

// TestKAnonymityErrors: a column the table lacks, and a table the dump
// has no rows for (strict), are errors with the entry's position.
func TestKAnonymityErrors(t *testing.T) {
	sql, _ := kDump(rand.New(rand.NewSource(3)), 10, false)
	rs := mustParse(t, "version: 1\nk_anonymity:\n  people: {columns: [age, zipcode], k: 2}\ntables:\n  people:\n    columns: {id: keep, age: keep, zip: keep, name: keep}\n")
	_, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(sql), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{})
	if err == nil || !strings.Contains(err.Error(), `anon.yaml:3:3: k_anonymity public.people: the dump's table public.people has no column "zipcode" (did you mean "zip"?)`) {
		t.Errorf("missing column: %v", err)
	}
	rs = mustParse(t, "version: 1\nk_anonymity:\n  ghosts: {columns: [age], k: 2}\ntables:\n  people:\n    columns: {id: keep, age: keep, zip: keep, name: keep}\n")
	plan := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
	if _, err := dumpstream.Rewrite(&bytes.Buffer{}, strings.NewReader(sql), plan, dumpstream.Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := plan.KAnonymity(); err == nil || !strings.Contains(err.Error(), "k_anonymity public.ghosts: the dump has no rows for this table") {
		t.Errorf("absent table: %v", err)
	}
}
