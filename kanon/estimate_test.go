package kanon

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestEstimateFields(t *testing.T) {
	c := mustCounter(t, 1, 3)
	for _, v := range []string{"a", "a", "a", "b", "c", "c"} {
		c.Add([][]byte{[]byte(v)}, nil)
	}
	e := c.Estimate(60)
	if e.Exact || e.SampleRows != 6 || e.TableRows != 60 || e.Sample.RowsBelowK != 3 || e.ShareBelowK != 0.5 || e.RowsBelowK != 30 {
		t.Errorf("got %+v", e)
	}
	if s := e.String(); !strings.Contains(s, "estimated from a sample of 6 of 60 rows: 50.0% of rows in classes below k=3") {
		t.Errorf("String() = %q", s)
	}
	if e := c.Estimate(0); e.Exact || e.TableRows != 0 || e.RowsBelowK != 0 || !strings.Contains(e.String(), "sample of 6 rows") {
		t.Errorf("unknown table size: %+v, %q", e, e.String())
	}
	if e := c.Estimate(6); !e.Exact || !strings.HasPrefix(e.String(), "all 6 rows: 3 in classes below k=3") {
		t.Errorf("whole table: %+v, %q", e, e.String())
	}
	if e := mustCounter(t, 1, 3).Estimate(0); e.ShareBelowK != 0 {
		t.Errorf("empty sample: %+v", e)
	}
}

// TestEstimateBias checks the documented direction of the bias: over
// uniform random samples, the sampled share of rows below k is on
// average at least the table's share.
func TestEstimateBias(t *testing.T) {
	// classes of 1 to 40 rows, 10 of each size: 8200 rows.
	var table []string
	for size := 1; size <= 40; size++ {
		for c := range 10 {
			for range size {
				table = append(table, strconv.Itoa(size)+"/"+strconv.Itoa(c))
			}
		}
	}
	const k = 10
	full := mustCounter(t, 1, k)
	for _, v := range table {
		full.Add([][]byte{[]byte(v)}, nil)
	}
	truth := full.Estimate(int64(len(table)))
	rng := rand.New(rand.NewPCG(17, 18))
	var sum float64
	const samples = 200
	for range samples {
		s := mustCounter(t, 1, k)
		for _, i := range rng.Perm(len(table))[:len(table)/10] {
			s.Add([][]byte{[]byte(table[i])}, nil)
		}
		e := s.Estimate(int64(len(table)))
		sum += e.ShareBelowK
	}
	if mean := sum / samples; mean < truth.ShareBelowK {
		t.Errorf("mean sampled share below k %.3f, table's %.3f: the sample should overstate it", mean, truth.ShareBelowK)
	}
}
