package kanon

import (
	"fmt"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// arena holds n distinct rows of 3 QI values (a birth date, a postcode, a
// gender) in one buffer, so that reading a row allocates nothing.
type arena struct {
	buf  []byte
	offs []int // 4 per row: the starts of the 3 values and the end
}

func newArena(n int) *arena {
	a := &arena{}
	start := time.Date(1920, 1, 1, 0, 0, 0, 0, time.UTC)
	const days = 36500
	for i := range n {
		a.offs = append(a.offs, len(a.buf))
		a.buf = start.AddDate(0, 0, i%days).AppendFormat(a.buf, time.DateOnly)
		a.offs = append(a.offs, len(a.buf))
		a.buf = fmt.Appendf(a.buf, "%05d", i/days)
		a.offs = append(a.offs, len(a.buf))
		a.buf = append(a.buf, "MF"[i%2])
	}
	a.offs = append(a.offs, len(a.buf))
	return a
}

// row sets vals to row i.
func (a *arena) row(vals [][]byte, i int) {
	o := a.offs[3*i : 3*i+4]
	vals[0], vals[1], vals[2] = a.buf[o[0]:o[1]], a.buf[o[1]:o[2]], a.buf[o[2]:o[3]]
}

// heapDelta returns the heap bytes that build keeps alive.
func heapDelta(build func() any) (int64, any) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	return int64(after.HeapAlloc) - int64(before.HeapAlloc), v
}

// BenchmarkCounterAdd counts rows of 3 QI columns into a counter already
// holding all of their classes (the steady state of a long table) and
// reports rows/s, the heap bytes per distinct class (runtime.MemStats)
// and the slot table's own bytes per class (Counter.Bytes).
func BenchmarkCounterAdd(b *testing.B) {
	for _, n := range []int{1e3, 1e5, 1e6} {
		b.Run("classes="+strconv.Itoa(n), func(b *testing.B) {
			a := newArena(n)
			vals := make([][]byte, 3)
			heap, v := heapDelta(func() any {
				c := mustCounter(b, 3, 5)
				for i := range n {
					a.row(vals, i)
					c.Add(vals, nil)
				}
				return c
			})
			c := v.(*Counter)
			if c.Classes() != n {
				b.Fatalf("%d classes, want %d", c.Classes(), n)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				a.row(vals, i)
				c.Add(vals, nil)
				if i++; i == n {
					i = 0
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(heap)/float64(n), "B/class")
			b.ReportMetric(float64(c.Bytes())/float64(n), "table-B/class")
			if c.Classes() != n {
				b.Fatalf("%d classes after the loop, want %d", c.Classes(), n)
			}
		})
	}
}

// BenchmarkCounterFill counts n distinct rows into a new counter, growth
// included: the cost of a table whose rows are all distinct.
func BenchmarkCounterFill(b *testing.B) {
	const n = 100_000
	a := newArena(n)
	vals := make([][]byte, 3)
	b.ReportAllocs()
	for b.Loop() {
		c := mustCounter(b, 3, 5)
		for i := range n {
			a.row(vals, i)
			c.Add(vals, nil)
		}
	}
	b.ReportMetric(float64(b.N)*n/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkAdvisorAdd is BenchmarkCounterAdd (rows of known classes) for
// an Advisor with the default candidates of a date, a prefix(4,3,2,1)
// and a suppress ladder (11 candidates).
func BenchmarkAdvisorAdd(b *testing.B) {
	for _, n := range []int{1e3, 1e5} {
		b.Run("classes="+strconv.Itoa(n), func(b *testing.B) {
			ar := newArena(n)
			vals := make([][]byte, 3)
			ladders := testLadders(b)
			heap, v := heapDelta(func() any {
				a := mustAdvisor(b, 5, ladders, DefaultCandidates(ladders, 16))
				for i := range n {
					ar.row(vals, i)
					a.Add(vals, nil)
				}
				return a
			})
			a := v.(*Advisor)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				ar.row(vals, i)
				a.Add(vals, nil)
				if i++; i == n {
					i = 0
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(heap)/float64(n), "B/class")
			b.ReportMetric(float64(a.Bytes())/float64(n), "table-B/class")
		})
	}
}

// BenchmarkAdvisorFill counts n distinct rows into a new advisor (each a
// new class: every generalization computed) and asks for its advice.
func BenchmarkAdvisorFill(b *testing.B) {
	const n = 100_000
	ar := newArena(n)
	vals := make([][]byte, 3)
	ladders := testLadders(b)
	cands := DefaultCandidates(ladders, 16)
	b.ReportAllocs()
	for b.Loop() {
		a := mustAdvisor(b, 5, ladders, cands)
		for i := range n {
			ar.row(vals, i)
			a.Add(vals, nil)
		}
		if len(a.Advice()) == 0 {
			b.Fatal("no advice")
		}
	}
	b.ReportMetric(float64(b.N)*n/b.Elapsed().Seconds(), "rows/s")
}
