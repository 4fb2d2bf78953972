package rules_test

import (
	"fmt"
	"math/rand"
	"sync"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// TestKAnonymityConcurrentTables runs the plans of several tables at
// once, as an integrator that reads tables in parallel does: the calls of
// Table and EndTable under one mutex, never overlapping, and the rows of
// every table's workers (RowRewriters with their Observers) on goroutines
// of their own, all of them between every table's Table calls and its
// EndTable. Two of the tables are partitions of one k_anonymity entry,
// so their blocks are open at the same time. The counts must be those of
// a brute-force count, and (under -race) nothing a running table touches
// may be written by another table's calls.
func TestKAnonymityConcurrentTables(t *testing.T) {
	typ := func(n string) *dumpstream.Type { return &dumpstream.Type{Name: n, Schema: "pg_catalog"} }
	cols := []dumpstream.Column{{Name: "id", Type: typ("int4")}, {Name: "age", Type: typ("int4")}, {Name: "zip", Type: typ("text")}, {Name: "name", Type: typ("text")}}
	root := [][2]string{{"public", "people"}}
	tables := []*dumpstream.Table{
		{Schema: "public", Name: "people_a", Columns: cols, Typed: true, Ancestors: root, Line: 10},
		{Schema: "public", Name: "people_b", Columns: cols, Typed: true, Ancestors: root, Line: 20},
		{Schema: "public", Name: "visits", Columns: cols, Typed: true, Line: 30},
		{Schema: "public", Name: "other", Columns: cols, Typed: true, Line: 40}, // no k_anonymity entry
	}
	rs := mustParse(t, `version: 1
k_anonymity:
  people: {columns: [age, zip], k: 30}
  visits: {columns: [zip], k: 2}
tables:
  people:
    columns: {id: keep, age: keep, zip: keep, name: full_name}
  visits:
    columns: {id: keep, age: {transform: generalize, bucket: 10}, zip: keep, name: {transform: const, value: x}}
  other:
    columns: {id: keep, age: keep, zip: {transform: mask, keep_first: 1}, name: full_name}
`)
	const workers, rowsPer = 3, 4000
	zips := []string{"75001", "75002", `\N`, "75\\0603", "69001", `a\tb`}
	rng := rand.New(rand.NewSource(7))
	rows := make([][]string, len(tables))
	people, visits := map[string]int{}, map[string]int{}
	for i, tbl := range tables {
		for j := range rowsPer {
			age, zip := 20+rng.Intn(8), zips[rng.Intn(len(zips))]
			rows[i] = append(rows[i], fmt.Sprintf("%d\t%d\t%s\tperson %d\n", j, age, zip, j))
			switch tbl.Name {
			case "people_a", "people_b":
				people[fmt.Sprint(age, "|", zip)]++
			case "visits":
				visits[zip]++
			}
		}
	}
	plan := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
	plan.KReportOnly = true
	var mu sync.Mutex // the integrator's: Table and EndTable never overlap
	var planned, wg sync.WaitGroup
	planned.Add(len(tables))
	errs := make(chan error, len(tables)*workers)
	for i, tbl := range tables {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b := &dumpstream.Block{Table: tbl, Line: tbl.Line, Text: true, Listed: true}
			var rws []*dumpstream.RowRewriter
			mu.Lock()
			for range workers {
				tp, err := plan.Table(tbl)
				if err != nil {
					mu.Unlock()
					errs <- err
					planned.Done()
					return
				}
				rws = append(rws, dumpstream.NewRowRewriter(b, tp))
			}
			mu.Unlock()
			planned.Done()
			planned.Wait() // every table is planned before any row is written
			var rw sync.WaitGroup
			for w, r := range rws {
				rw.Add(1)
				go func() {
					defer rw.Done()
					var out []byte
					for j := w; j < len(rows[i]); j += workers {
						var err error
						if out, _, err = r.Rewrite(out[:0], []byte(rows[i][j])); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			rw.Wait()
			mu.Lock()
			plan.EndTable(tbl, int64(len(rows[i])))
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	res, err := plan.KAnonymity()
	if err != nil || len(res) != 2 {
		t.Fatalf("KAnonymity = %+v, %v", res, err)
	}
	for i, want := range []map[string]int{people, visits} {
		k := res[i].K
		var n, below, belowRows int64
		smallest := int64(1) << 62
		for _, c := range want {
			n += int64(c)
			smallest = min(smallest, int64(c))
			if c < k {
				below++
				belowRows += int64(c)
			}
		}
		r := res[i].Result
		if r.Rows != n || r.Classes != int64(len(want)) || r.Smallest != smallest || r.ClassesBelowK != below || r.RowsBelowK != belowRows {
			t.Errorf("%s: %+v, want rows %d classes %d smallest %d below %d (%d rows)", res[i].Table, r, n, len(want), smallest, below, belowRows)
		}
	}
}
