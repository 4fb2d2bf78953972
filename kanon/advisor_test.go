package kanon

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

func testLadders(t testing.TB) []Ladder {
	t.Helper()
	prefix, err := PrefixLadder(4, 3, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
	return []Ladder{DateLadder(), prefix, {Suppress}}
}

func mustAdvisor(t testing.TB, k int, ladders []Ladder, cands []Candidate) *Advisor {
	t.Helper()
	a, err := NewAdvisor(k, ladders, cands)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// usersTable is the table of the example: birth_date, postcode,
// gender. Each postcode (distinct in its first character) has 5 men
// born in months 1-5 and 5 women born in months 6-10 of one year, a
// different year for each postcode.
func usersTable() testTable {
	var t testTable
	for p := range 10 {
		pc := fmt.Sprintf("%c1234", 'A'+p)
		for g, gender := range []string{"M", "F"} {
			for i := range 5 {
				date := fmt.Sprintf("%d-%02d-%02d", 1980+p, 1+5*g+i, 10+i)
				t.rows = append(t.rows, [][]byte{[]byte(date), []byte(pc), []byte(gender)})
				t.nulls = append(t.nulls, []bool{false, false, false})
			}
		}
	}
	return t
}

// generalize applies a candidate's steps to a table, for brute force.
func generalize(t testTable, ladders []Ladder, c Candidate) testTable {
	var g testTable
	for r, row := range t.rows {
		out := make([][]byte, len(row))
		for i, v := range row {
			out[i] = v
			if c[i] > 0 && !t.nulls[r][i] {
				out[i] = ladders[i][c[i]-1].Apply(nil, v)
			}
		}
		g.rows = append(g.rows, out)
		g.nulls = append(g.nulls, t.nulls[r])
	}
	return g
}

func TestDefaultCandidates(t *testing.T) {
	got := DefaultCandidates(testLadders(t), 16)
	want := []Candidate{
		{1, 0, 0}, {2, 0, 0}, {0, 1, 0}, {0, 2, 0}, {0, 3, 0}, {0, 4, 0}, {0, 0, 1},
		{1, 1, 1}, {2, 2, 1}, {2, 3, 1}, {2, 4, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if got := DefaultCandidates(testLadders(t), 3); len(got) != 3 {
		t.Errorf("limit 3 gave %d candidates", len(got))
	}
}

// TestAdviceYear: on usersTable with k=5, only the birth year reaches k;
// coarser candidates that also reach it are left out.
func TestAdviceYear(t *testing.T) {
	ladders := testLadders(t)
	tt := usersTable()
	a := mustAdvisor(t, 5, ladders, DefaultCandidates(ladders, 16))
	for i, row := range tt.rows {
		a.Add(row, tt.nulls[i])
	}
	if r := a.Result(); r.OK() || r.Smallest != 1 {
		t.Fatalf("the values themselves: %+v, want every class of 1 row", r)
	}
	got := a.Advice()
	year := Candidate{2, 0, 0}
	want := []Advice{{Candidate: year, Steps: []string{"year", "", ""}, Reaches: true, Result: brute(generalize(tt, ladders, year), 5)}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if r := want[0].Result; r.Smallest != 5 || r.Classes != 20 {
		t.Errorf("year: %+v, want 20 classes of 5", r)
	}
	if s := got[0].String(); s != "column 1: year" {
		t.Errorf("String() = %q", s)
	}
}

// TestAdviceCombined: with k=6 only year, postcode prefix 3 and no gender
// together reach it (each postcode's 10 rows in one class).
func TestAdviceCombined(t *testing.T) {
	ladders := testLadders(t)
	tt := usersTable()
	a := mustAdvisor(t, 6, ladders, DefaultCandidates(ladders, 16))
	for i, row := range tt.rows {
		a.Add(row, tt.nulls[i])
	}
	got := a.Advice()
	if len(got) != 1 || !reflect.DeepEqual(got[0].Candidate, Candidate{2, 2, 1}) || !got[0].Reaches ||
		!reflect.DeepEqual(got[0].Steps, []string{"year", "prefix 3", "suppress"}) {
		t.Fatalf("got %+v", got)
	}
	if want := brute(generalize(tt, ladders, got[0].Candidate), 6); !reflect.DeepEqual(got[0].Result, want) {
		t.Errorf("result %+v, want %+v", got[0].Result, want)
	}
}

// TestAdviceNoneReaches: the month leaves 1 row below k and the year no
// fewer, so the month is the advice and does not reach k.
func TestAdviceNoneReaches(t *testing.T) {
	a := mustAdvisor(t, 3, []Ladder{DateLadder()}, []Candidate{{1}, {2}})
	for _, d := range []string{"2020-01-01", "2020-01-02", "2020-01-03", "2021-05-01"} {
		a.Add([][]byte{[]byte(d)}, nil)
	}
	got := a.Advice()
	if len(got) != 1 || got[0].Reaches || got[0].Steps[0] != "month" || got[0].Result.RowsBelowK != 1 {
		t.Fatalf("got %+v", got)
	}
}

// TestAdviceNilWhenNothingHelps: each row has a year of its own, so no
// candidate merges a class.
func TestAdviceNilWhenNothingHelps(t *testing.T) {
	a := mustAdvisor(t, 2, []Ladder{DateLadder()}, []Candidate{{1}, {2}})
	for _, d := range []string{"2020-01-01", "2021-01-01", "2022-05-01"} {
		a.Add([][]byte{[]byte(d)}, nil)
	}
	if got := a.Advice(); got != nil {
		t.Errorf("got %+v, want nil", got)
	}
}

func TestAdviceNilWhenReached(t *testing.T) {
	a := mustAdvisor(t, 2, []Ladder{DateLadder()}, []Candidate{{1}})
	a.Add([][]byte{[]byte("2020-01-01")}, nil)
	a.Add([][]byte{[]byte("2020-01-01")}, nil)
	if got := a.Advice(); got != nil {
		t.Errorf("got %+v, want nil", got)
	}
}

// randomQITable is a random table of a date, a postcode and a number
// column, with NULLs.
func randomQITable(rng *rand.Rand) testTable {
	var t testTable
	kinds := []string{"date", "prefix", "number"}
	for range rng.IntN(800) {
		row, nulls := make([][]byte, 3), make([]bool, 3)
		for i, kind := range kinds {
			row[i] = []byte(randomValue(rng, kind))
			nulls[i] = rng.IntN(10) == 0
		}
		t.rows = append(t.rows, row)
		t.nulls = append(t.nulls, nulls)
	}
	return t
}

// TestAdvisorBruteForce checks every candidate's counts, single and
// merged from several workers, against a brute-force count of the
// generalized table.
func TestAdvisorBruteForce(t *testing.T) {
	prefix, _ := PrefixLadder(3, 1)
	bucket, _ := BucketLadder(10, 100)
	ladders := []Ladder{DateLadder(), prefix, bucket}
	cands := DefaultCandidates(ladders, MaxCandidates)
	rng := rand.New(rand.NewPCG(13, 14))
	for iter := range 40 {
		k := 1 + rng.IntN(6)
		tt := randomQITable(rng)
		one := mustAdvisor(t, k, ladders, cands)
		workers := make([]*Advisor, 1+rng.IntN(4))
		for w := range workers {
			workers[w] = mustAdvisor(t, k, ladders, cands)
		}
		for i, row := range tt.rows {
			one.Add(row, tt.nulls[i])
			workers[rng.IntN(len(workers))].Add(row, tt.nulls[i])
		}
		for _, w := range workers[1:] {
			if err := workers[0].Merge(w); err != nil {
				t.Fatal(err)
			}
		}
		for _, a := range []*Advisor{one, workers[0]} {
			if got, want := a.Result(), brute(tt, k); !reflect.DeepEqual(got, want) {
				t.Fatalf("table %d, values: got %+v, want %+v", iter, got, want)
			}
			results := a.CandidateResults()
			for n, c := range cands {
				if got, want := results[n], brute(generalize(tt, ladders, c), k); !reflect.DeepEqual(got, want) {
					t.Fatalf("table %d, candidate %v: got %+v, want %+v", iter, c, got, want)
				}
			}
			if !reflect.DeepEqual(a.Advice(), one.Advice()) {
				t.Fatalf("table %d: merged advice differs", iter)
			}
		}
	}
}

func TestNewAdvisorErrors(t *testing.T) {
	l := []Ladder{DateLadder(), {}}
	for _, cs := range [][]Candidate{
		{{1}},    // too short
		{{0, 0}}, // generalizes nothing
		{{3, 0}}, // no such level
		{{0, 1}}, // the second column has no ladder
		make([]Candidate, MaxCandidates+1),
	} {
		if _, err := NewAdvisor(5, l, cs); err == nil {
			t.Errorf("NewAdvisor accepted %v", cs)
		}
	}
	if _, err := NewAdvisor(5, []Ladder{{{Name: "x"}}}, nil); err == nil {
		t.Error("NewAdvisor accepted a step without a function")
	}
	a := mustAdvisor(t, 5, l, []Candidate{{1, 0}})
	if err := a.Merge(mustAdvisor(t, 5, l, []Candidate{{2, 0}})); err == nil {
		t.Error("Merge accepted an advisor of other candidates")
	}
}

func TestAdvisorAddAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	ladders := testLadders(t)
	a := mustAdvisor(t, 5, ladders, DefaultCandidates(ladders, 16))
	rng := rand.New(rand.NewPCG(15, 16))
	tt := usersTable()
	for range 3 {
		for i, row := range tt.rows {
			a.Add(row, tt.nulls[i])
		}
	}
	if n := testing.AllocsPerRun(1000, func() { i := rng.IntN(len(tt.rows)); a.Add(tt.rows[i], tt.nulls[i]) }); n != 0 {
		t.Errorf("Add allocates %v times per row", n)
	}
}

// TestAdvisorManyClasses crosses the key store's chunks (4096 classes)
// in Add and in Merge.
func TestAdvisorManyClasses(t *testing.T) {
	ladders := testLadders(t)
	cands := DefaultCandidates(ladders, 16)
	rng := rand.New(rand.NewPCG(19, 20))
	var tt testTable
	for range 30000 {
		date := fmt.Sprintf("%d-%02d-%02d", 1950+rng.IntN(50), 1+rng.IntN(12), 1+rng.IntN(28))
		pc := fmt.Sprintf("%05d", rng.IntN(300))
		tt.rows = append(tt.rows, [][]byte{[]byte(date), []byte(pc), []byte{"MF"[rng.IntN(2)]}})
		tt.nulls = append(tt.nulls, []bool{false, false, rng.IntN(50) == 0})
	}
	one := mustAdvisor(t, 3, ladders, cands)
	w0, w1 := mustAdvisor(t, 3, ladders, cands), mustAdvisor(t, 3, ladders, cands)
	for i, row := range tt.rows {
		one.Add(row, tt.nulls[i])
		if i%3 == 0 {
			w0.Add(row, tt.nulls[i])
		} else {
			w1.Add(row, tt.nulls[i])
		}
	}
	if err := w0.Merge(w1); err != nil {
		t.Fatal(err)
	}
	if c := one.Result().Classes; c < 3*chunkClasses {
		t.Fatalf("only %d classes", c)
	}
	for _, a := range []*Advisor{one, w0} {
		results := a.CandidateResults()
		for n, c := range cands {
			if want := brute(generalize(tt, ladders, c), 3); !reflect.DeepEqual(results[n], want) {
				t.Fatalf("candidate %v: got %+v, want %+v", c, results[n], want)
			}
		}
	}
}
