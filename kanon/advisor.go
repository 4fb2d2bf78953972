package kanon

import (
	"fmt"
	"slices"
	"strings"
)

// MaxCandidates bounds the candidates of an [Advisor]: each costs 16
// bytes per class, a key to compute for each new class, and a table to
// build when results are asked for.
const MaxCandidates = 32

// A Candidate is one combination of generalizations: Candidate[i] is the
// level of quasi-identifier column i in its [Ladder] (0: the value
// itself, j: Ladder[j-1]).
type Candidate []int

// Coarseness is the sum of the candidate's levels, the measure by which
// [Advisor.Advice] prefers one candidate to another.
func (c Candidate) Coarseness() int {
	n := 0
	for _, l := range c {
		n += l
	}
	return n
}

// DefaultCandidates returns, for the ladders of the quasi-identifier
// columns, at most limit candidates: each column coarsened alone, one step
// at a time (columns in order, finer steps first), then every column
// coarsened by one step, by two, … (a column stopping at its last step).
func DefaultCandidates(ladders []Ladder, limit int) []Candidate {
	var cs []Candidate
	top := 0
	for i, l := range ladders {
		top = max(top, len(l))
		for j := 1; j <= len(l); j++ {
			c := make(Candidate, len(ladders))
			c[i] = j
			cs = append(cs, c)
		}
	}
	for step := 1; step <= top; step++ {
		c := make(Candidate, len(ladders))
		for i, l := range ladders {
			c[i] = min(step, len(l))
		}
		if !slices.ContainsFunc(cs, func(d Candidate) bool { return slices.Equal(c, d) }) {
			cs = append(cs, c)
		}
	}
	if len(cs) > limit {
		cs = cs[:limit]
	}
	return cs
}

// An Advisor counts the classes of a table's quasi-identifiers as they
// are and, in the same pass, as each of a few [Candidate] generalizations
// would make them.
//
// It keeps one table of the classes of the values themselves and, with
// each class, the 128-bit key of that class under each candidate,
// computed once, when the class is first seen: a row of a known class
// costs one hash and one lookup, as in a [Counter]; a new class costs
// its generalizations too. The candidates' own counts are built from
// these keys when [Advisor.Advice] or [Advisor.CandidateResults] is
// called. Memory: a Counter's 32 to 64 bytes per distinct class plus
// 16 bytes per class and candidate, and, while results are computed, one
// candidate's table (no larger than the classes' table, since
// coarsening only merges classes).
//
// An Advisor is not safe for concurrent use; see [Advisor.Merge].
type Advisor struct {
	ladders []Ladder
	base    *Counter
	cands   []Candidate
	keys    []keyStore // keys[n]: each class's key under candidate n, by class number
	need    [][]bool   // need[i][j]: some candidate uses level j of column i
	parts   [][]part   // parts[i][j]: the current row's column i at level j
	buf     []byte
}

// NewAdvisor returns an advisor for the threshold k, one ladder per
// quasi-identifier column (an empty ladder for a column that is never
// generalized) and at most [MaxCandidates] candidates.
func NewAdvisor(k int, ladders []Ladder, cands []Candidate) (*Advisor, error) {
	base, err := NewCounter(len(ladders), k)
	if err != nil {
		return nil, err
	}
	if len(cands) > MaxCandidates {
		return nil, fmt.Errorf("kanon: %d generalization candidates, at most %d are allowed", len(cands), MaxCandidates)
	}
	ladders = slices.Clone(ladders)
	for i := range ladders {
		ladders[i] = slices.Clone(ladders[i])
	}
	a := &Advisor{ladders: ladders, base: base, need: make([][]bool, len(ladders)), parts: make([][]part, len(ladders))}
	for i, l := range ladders {
		for _, s := range l {
			if s.Apply == nil {
				return nil, fmt.Errorf("kanon: step %q of column %d has no function", s.Name, i+1)
			}
		}
		a.need[i] = make([]bool, len(l)+1)
		a.need[i][0] = true
		a.parts[i] = make([]part, len(l)+1)
	}
	for n, c := range cands {
		if len(c) != len(ladders) {
			return nil, fmt.Errorf("kanon: candidate %d has %d levels for %d columns", n+1, len(c), len(ladders))
		}
		if c.Coarseness() == 0 {
			return nil, fmt.Errorf("kanon: candidate %d generalizes no column", n+1)
		}
		for i, l := range c {
			if l < 0 || l > len(ladders[i]) {
				return nil, fmt.Errorf("kanon: candidate %d: column %d has levels 0 to %d, got %d", n+1, i+1, len(ladders[i]), l)
			}
			a.need[i][l] = true
		}
		a.cands = append(a.cands, slices.Clone(c))
		a.keys = append(a.keys, keyStore{})
	}
	return a, nil
}

// Candidates returns the advisor's candidates, in order. The caller must
// not modify them.
func (a *Advisor) Candidates() []Candidate { return a.cands }

// Result returns the statistics of the values themselves.
func (a *Advisor) Result() Result { return a.base.Result() }

// Estimate returns the statistics of the values themselves as an
// estimate from a sample, as [Counter.Estimate] does.
func (a *Advisor) Estimate(tableRows int64) Estimate { return a.base.Estimate(tableRows) }

// Bytes returns the memory the advisor holds, in bytes, outside of the
// computation of results.
func (a *Advisor) Bytes() int64 {
	n := a.base.Bytes()
	for i := range a.keys {
		n += a.keys[i].bytes()
	}
	return n
}

// Add counts one row, as [Counter.Add] does.
func (a *Advisor) Add(values [][]byte, nulls []bool) {
	if len(values) != len(a.ladders) || nulls != nil && len(nulls) != len(a.ladders) {
		panic(fmt.Sprintf("kanon: Add got %d values and %d null flags for %d columns", len(values), len(nulls), len(a.ladders)))
	}
	var bk keyer
	for i, v := range values {
		a.parts[i][0] = hashValue(v, nulls != nil && nulls[i])
		bk.add(a.parts[i][0])
	}
	s, isNew := a.base.addKey(bk.key(), 1)
	if !isNew {
		return
	}
	s.idx = uint32(a.base.t.used - 1)
	for i, v := range values {
		p := a.parts[i]
		for j := 1; j < len(p); j++ {
			switch {
			case !a.need[i][j]:
			case nulls != nil && nulls[i]:
				p[j] = p[0]
			default:
				a.buf = a.ladders[i][j-1].Apply(a.buf[:0], v)
				p[j] = hashValue(a.buf, false)
			}
		}
	}
	for n, c := range a.cands {
		var k keyer
		for i, l := range c {
			k.add(a.parts[i][l])
		}
		a.keys[n].add(k.key())
	}
}

// Merge adds the counts of other, an advisor built with the same k,
// ladders and candidates, to a. other is left as it is.
func (a *Advisor) Merge(other *Advisor) error {
	if other == a {
		return fmt.Errorf("kanon: cannot merge an advisor into itself")
	}
	if !a.sameShape(other) || a.base.k != other.base.k {
		return fmt.Errorf("kanon: cannot merge advisors of different k, ladders or candidates")
	}
	a.base.t.reserve(a.base.t.used + other.base.t.used)
	a.base.rows += other.base.rows
	for i := range other.base.t.slots {
		o := &other.base.t.slots[i]
		if o.a == 0 {
			continue
		}
		s, isNew := a.base.t.add(o.key(), o.n)
		if isNew {
			s.idx = uint32(a.base.t.used - 1)
			for n := range a.keys {
				a.keys[n].add(other.keys[n].class(o.idx))
			}
		}
	}
	return nil
}

func (a *Advisor) sameShape(o *Advisor) bool {
	if len(a.ladders) != len(o.ladders) || len(a.cands) != len(o.cands) {
		return false
	}
	for i, l := range a.ladders {
		if len(l) != len(o.ladders[i]) {
			return false
		}
		for j, s := range l {
			if s.Name != o.ladders[i][j].Name {
				return false
			}
		}
	}
	for n, c := range a.cands {
		if !slices.Equal(c, o.cands[n]) {
			return false
		}
	}
	return true
}

// CandidateResults returns the statistics of each candidate, in the
// order of [Advisor.Candidates]. It builds each candidate's table in
// turn, from the classes: O(classes) time per candidate.
func (a *Advisor) CandidateResults() []Result {
	counts := make([]uint32, a.base.t.used) // by class number
	for i := range a.base.t.slots {
		if s := &a.base.t.slots[i]; s.a != 0 {
			counts[s.idx] = s.n
		}
	}
	rs := make([]Result, len(a.cands))
	for n := range a.cands {
		c, _ := NewCounter(a.base.cols, a.base.k)
		c.t.reserve(len(counts))
		for i, cnt := range counts {
			c.t.add(a.keys[n].class(uint32(i)), cnt)
		}
		c.rows = a.base.rows
		rs[n] = c.Result()
	}
	return rs
}

// Advice is one candidate generalization and what it would give.
type Advice struct {
	// Candidate is the level of each quasi-identifier column.
	Candidate Candidate `json:"levels"`
	// Steps names the step of each column, "" for a column left as it is.
	Steps []string `json:"steps"`
	// Reaches says whether every row would be in a class of k rows or more.
	Reaches bool `json:"reaches_k"`
	// Result is the statistics of the generalized values.
	Result Result `json:"result"`
}

// String describes the advice's steps ("column 1: year, column 3:
// suppress"); a report names the columns itself from Steps.
func (ad Advice) String() string {
	var b strings.Builder
	for i, s := range ad.Steps {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "column %d: %s", i+1, s)
	}
	return b.String()
}

// Advice returns the least coarse candidates that do best. When some
// candidates reach k, these are the ones that reach k and are not coarser
// than another that does (coarser: at least as coarse in every column);
// otherwise they are those with the fewest rows below k, filtered the
// same way. They come sorted by [Candidate.Coarseness], then by more
// classes (more of the data kept), then in the order given. Advice
// returns nil when the values themselves reach k, or when no candidate
// leaves fewer rows below k than they do.
func (a *Advisor) Advice() []Advice {
	base := a.base.Result()
	if len(a.cands) == 0 || base.OK() {
		return nil
	}
	results := a.CandidateResults()
	best := base.RowsBelowK
	for _, r := range results {
		best = min(best, r.RowsBelowK)
	}
	if best == base.RowsBelowK {
		return nil
	}
	var picked []int
	for n, c := range a.cands {
		if results[n].RowsBelowK != best {
			continue
		}
		dominated := false
		for m, d := range a.cands {
			if m != n && results[m].RowsBelowK == best && finer(d, c) {
				dominated = true
				break
			}
		}
		if !dominated {
			picked = append(picked, n)
		}
	}
	slices.SortStableFunc(picked, func(x, y int) int {
		if d := a.cands[x].Coarseness() - a.cands[y].Coarseness(); d != 0 {
			return d
		}
		if results[x].Classes != results[y].Classes {
			if results[x].Classes > results[y].Classes {
				return -1
			}
			return 1
		}
		return x - y
	})
	out := make([]Advice, len(picked))
	for i, n := range picked {
		c := a.cands[n]
		steps := make([]string, len(c))
		for col, l := range c {
			if l > 0 {
				steps[col] = a.ladders[col][l-1].Name
			}
		}
		out[i] = Advice{Candidate: slices.Clone(c), Steps: steps, Reaches: best == 0, Result: results[n]}
	}
	return out
}

// finer reports whether d is at most as coarse as c in every column and
// differs from it.
func finer(d, c Candidate) bool {
	for i := range d {
		if d[i] > c[i] {
			return false
		}
	}
	return !slices.Equal(d, c)
}

// keyStore holds one key per class, by class number, in chunks of
// chunkClasses keys: the first grows as a slice does, the others are
// allocated whole, so growing never copies more than a chunk.
type keyStore struct {
	chunks [][][2]uint64
}

const chunkClasses = 1 << 12

// add appends the key of the next class.
func (ks *keyStore) add(key [2]uint64) {
	if len(ks.chunks) == 0 || len(ks.chunks[len(ks.chunks)-1]) == chunkClasses {
		var c [][2]uint64
		if len(ks.chunks) > 0 {
			c = make([][2]uint64, 0, chunkClasses)
		}
		ks.chunks = append(ks.chunks, c)
	}
	last := &ks.chunks[len(ks.chunks)-1]
	*last = append(*last, key)
}

// class returns the key of class i.
func (ks *keyStore) class(i uint32) [2]uint64 {
	return ks.chunks[i/chunkClasses][i%chunkClasses]
}

// bytes returns the memory the store holds.
func (ks *keyStore) bytes() int64 {
	n := 0
	for _, c := range ks.chunks {
		n += cap(c)
	}
	return 16 * int64(n)
}
