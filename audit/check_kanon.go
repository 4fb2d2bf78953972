package audit

import (
	"fmt"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// kSampleDefault is how many rows of a k_anonymity table check rewrites
// and counts, by default.
const kSampleDefault = 100_000

// kEstimate is what check learns of the k-anonymity of the tables the
// rules name in k_anonymity: it rewrites the first rows of each by the
// rules (under a key of its own: the classes' sizes do not depend on the
// key) and counts their quasi-identifiers as the run does.
type kEstimate struct {
	plan    *rules.Plan
	max     int64
	sampled map[*rules.KAnonymity]int64
	rows    map[*rules.KAnonymity]int64
	line    map[*rules.KAnonymity]int
	notes   []string
}

func newKEstimate(rs *rules.Rules, max int) *kEstimate {
	if len(rs.KAnonymity) == 0 {
		return nil
	}
	p := rules.NewPlan(rs, fakers.NewKey([]byte("anondump check: k-anonymity estimate")))
	p.Strict, p.KReportOnly = false, true
	return &kEstimate{plan: p, max: int64(max), sampled: map[*rules.KAnonymity]int64{}, rows: map[*rules.KAnonymity]int64{}, line: map[*rules.KAnonymity]int{}}
}

// block returns the sampler of a block, or nil when the block is not of a
// k_anonymity table or cannot be rewritten (the run reports why).
func (e *kEstimate) block(b *dumpstream.Block, rs *rules.Rules) *kSampler {
	kr := rs.KAnonymityFor(b.Table)
	if e == nil || kr == nil {
		return nil
	}
	if _, ok := e.line[kr]; !ok {
		e.line[kr] = b.Line
	}
	tp, err := e.plan.Table(b.Table)
	if err != nil || tp == nil || tp.DropRows || tp.RefuseRows != nil || !b.Text {
		if err != nil {
			e.notes = append(e.notes, fmt.Sprintf("%s: the k-anonymity of %s was not estimated: %v", kr.Pos, b.Table.QualifiedName(), err))
		}
		return nil
	}
	return &kSampler{e: e, kr: kr, rw: dumpstream.NewRowRewriter(b, tp)}
}

// kSampler rewrites and counts the first rows of one block.
type kSampler struct {
	e   *kEstimate
	kr  *rules.KAnonymity
	rw  *dumpstream.RowRewriter
	buf []byte
	err error
}

// row counts one row; done reports that the sample is full.
func (s *kSampler) row(r *dumpstream.Row) (done bool) {
	if s.err != nil || s.e.sampled[s.kr] >= s.e.max {
		return true
	}
	s.e.sampled[s.kr]++
	s.buf, _, s.err = s.rw.Rewrite(s.buf[:0], r.Bytes())
	if s.err != nil {
		s.e.notes = append(s.e.notes, fmt.Sprintf("%s: the k-anonymity of %s was not estimated past dump line %d: %v", s.kr.Pos, s.kr.Path(), r.Line, s.err))
	}
	return s.e.sampled[s.kr] >= s.e.max
}

// problems returns, per k_anonymity entry, a problem when the whole table
// was counted and is below k, a warning when a sample of it is.
func (e *kEstimate) problems() (problems, warnings []rules.Problem) {
	if e == nil {
		return nil, nil
	}
	res, _ := e.plan.KAnonymity()
	byRule := map[string]rules.KResult{}
	for _, r := range res {
		byRule[r.Rule] = r
	}
	for _, kr := range e.plan.Rules().KAnonymity {
		r, ok := byRule[kr.Pos.String()]
		if !ok {
			continue // no rows: the run reports it
		}
		sampled, total := e.sampled[kr], e.rows[kr]
		p := rules.Problem{Kind: "k_anonymity", Table: r.Table, Line: e.line[kr], Rule: r.Rule}
		advice := ""
		if len(r.Advice) > 0 {
			advice = "; " + r.Advice[0]
		}
		if sampled >= total {
			if r.Met {
				continue
			}
			p.Message = fmt.Sprintf("%d of %d rows would be in classes of fewer than k=%d rows over %s (the smallest of %d); the run would fail%s",
				r.Result.RowsBelowK, r.Result.Rows, r.K, strings.Join(r.Columns, ", "), r.Result.Smallest, advice)
			problems = append(problems, p)
			continue
		}
		if r.Met {
			p.Message = fmt.Sprintf("the first %d of %d rows reach k=%d over %s (smallest class %d); only the run counts every row", sampled, total, r.K, strings.Join(r.Columns, ", "), r.Result.Smallest)
		} else {
			p.Message = fmt.Sprintf("estimated from the first %d of %d rows: %d of them are in classes of fewer than k=%d rows over %s (a sample shows more small classes than the whole table has; the run counts every row)%s",
				sampled, total, r.Result.RowsBelowK, r.K, strings.Join(r.Columns, ", "), advice)
		}
		warnings = append(warnings, p)
	}
	return problems, warnings
}
