package kanon

import (
	"fmt"
	"slices"
	"strings"
)

// MaxCandidates bounds the candidates of an [Advisor]: each costs one
// more hash table and one more lookup per row.
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
// columns, at most max candidates: each column coarsened alone, one step
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
// would make them, each with its own [Counter]. Memory: each candidate's
// counter holds at most as many classes as the ungeneralized one, since
// coarsening only merges classes.
//
// An Advisor is not safe for concurrent use; see [Advisor.Merge].
type Advisor struct {
	ladders  []Ladder
	base     *Counter
	cands    []Candidate
	counters []*Counter
	need     [][]bool // need[i][j]: some candidate uses level j of column i
	parts    [][]part // parts[i][j]: the current row's column i at level j
	buf      []byte
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
		cc, _ := NewCounter(len(ladders), k)
		a.cands = append(a.cands, slices.Clone(c))
		a.counters = append(a.counters, cc)
	}
	return a, nil
}

// Counter returns the counter of the values themselves.
func (a *Advisor) Counter() *Counter { return a.base }

// Result returns the statistics of the values themselves.
func (a *Advisor) Result() Result { return a.base.Result() }

// Bytes returns the memory the advisor's counters hold, in bytes.
func (a *Advisor) Bytes() int64 {
	n := a.base.Bytes()
	for _, c := range a.counters {
		n += c.Bytes()
	}
	return n
}

// Add counts one row, as [Counter.Add] does, in every counter.
func (a *Advisor) Add(values [][]byte, nulls []bool) {
	if len(values) != len(a.ladders) || nulls != nil && len(nulls) != len(a.ladders) {
		panic(fmt.Sprintf("kanon: Add got %d values and %d null flags for %d columns", len(values), len(nulls), len(a.ladders)))
	}
	var bk keyer
	for i, v := range values {
		null := nulls != nil && nulls[i]
		p := a.parts[i]
		p[0] = hashValue(v, null)
		bk.add(p[0])
		for j := 1; j < len(p); j++ {
			switch {
			case !a.need[i][j]:
			case null:
				p[j] = p[0]
			default:
				a.buf = a.ladders[i][j-1].Apply(a.buf[:0], v)
				p[j] = hashValue(a.buf, false)
			}
		}
	}
	a.base.addKey(bk.key(), 1)
	for n, c := range a.cands {
		var k keyer
		for i, l := range c {
			k.add(a.parts[i][l])
		}
		a.counters[n].addKey(k.key(), 1)
	}
}

// Merge adds the counts of other, an advisor built with the same k,
// ladders and candidates, to a.
func (a *Advisor) Merge(other *Advisor) error {
	if !a.sameShape(other) {
		return fmt.Errorf("kanon: cannot merge advisors of different ladders or candidates")
	}
	if err := a.base.Merge(other.base); err != nil {
		return err
	}
	for n, c := range a.counters {
		if err := c.Merge(other.counters[n]); err != nil {
			return err
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
// returns nil when the values themselves reach k, or there are no
// candidates.
func (a *Advisor) Advice() []Advice {
	if len(a.cands) == 0 || a.base.Result().OK() {
		return nil
	}
	results := make([]Result, len(a.cands))
	best := int64(-1)
	for n, c := range a.counters {
		results[n] = c.Result()
		if best < 0 || results[n].RowsBelowK < best {
			best = results[n].RowsBelowK
		}
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
