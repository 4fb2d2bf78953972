package rules

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/kanon"
	"gopkg.in/yaml.v3"
)

// KAnonymity is one entry of the top-level k_anonymity: map: the
// quasi-identifier columns of a table, and the k its output must reach.
//
//	k_anonymity:
//	  public.users: {columns: [birth_date, postcode, gender], k: 5}
//
// The run counts the equivalence classes of those columns' OUTPUT values
// (kanon.Advisor, in memory bounded by the number of distinct
// combinations) and fails when a row sits in a class of fewer than k rows
// (see Plan.KAnonymity). A rule for a partitioned or inherited table
// counts its partitions' and children's rows together.
type KAnonymity struct {
	Pos     Pos
	Key     string
	Schema  string
	Name    string
	Columns []string
	K       int
}

// Path returns schema.table for messages.
func (k *KAnonymity) Path() string { return "k_anonymity " + qualified(k.Schema, k.Name) }

// kAnonymity reads the k_anonymity: map.
func (l *loader) kAnonymity(rs *Rules, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.errs.add(l.pos(n), "", "k_anonymity must be a mapping of table names to {columns: [...], k: N}")
		return
	}
	l.mapping(n, "", nil, func(k, v *yaml.Node) {
		schema, name, err := splitTableKey(k.Value)
		if err != nil {
			l.errs.add(l.pos(k), "", "bad table name %q in k_anonymity: %v", k.Value, err)
			return
		}
		ka := &KAnonymity{Pos: l.pos(k), Key: k.Value, Schema: schema, Name: name}
		for _, prev := range rs.KAnonymity {
			if prev.Schema == schema && prev.Name == name {
				l.errs.add(ka.Pos, ka.Path(), "table has a second k_anonymity entry (first at line %d)", prev.Pos.Line)
				return
			}
		}
		if v.Kind != yaml.MappingNode {
			l.errs.add(l.pos(v), ka.Path(), "a k_anonymity entry is {columns: [a, b], k: N}")
			return
		}
		var cols, kv *yaml.Node
		l.mapping(v, ka.Path(), []string{"columns", "k"}, func(k, v *yaml.Node) {
			if k.Value == "columns" {
				cols = v
			} else {
				kv = v
			}
		})
		ok := true
		switch {
		case cols == nil:
			l.errs.add(l.pos(v), ka.Path(), "missing `columns:`, the quasi-identifier columns (those that together could single a person out)")
			ok = false
		case cols.Kind != yaml.SequenceNode || len(cols.Content) == 0:
			l.errs.add(l.pos(cols), ka.Path(), "columns must be a list of column names, like [birth_date, postcode]")
			ok = false
		default:
			for _, c := range cols.Content {
				name := unquoteIdent(c.Value)
				if c.Kind != yaml.ScalarNode || name == "" {
					l.errs.add(l.pos(c), ka.Path(), "columns must be a list of column names")
					ok = false
				} else if slices.Contains(ka.Columns, name) {
					l.errs.add(l.pos(c), ka.Path(), "column %q is listed twice", name)
					ok = false
				}
				ka.Columns = append(ka.Columns, name)
			}
		}
		if kv == nil {
			l.errs.add(l.pos(v), ka.Path(), "missing `k:`, the smallest group of rows that may share the columns' values")
			return
		}
		n, err := strconv.Atoi(kv.Value)
		if kv.Kind != yaml.ScalarNode || err != nil || n < 2 || n > kanon.MaxK {
			l.errs.add(l.pos(kv), ka.Path(), "k must be a whole number from 2 to %d", kanon.MaxK)
			return
		}
		ka.K = n
		if ok {
			rs.KAnonymity = append(rs.KAnonymity, ka)
		}
	})
}

// kState counts one k_anonymity entry over the run.
type kState struct {
	rule    *KAnonymity
	cols    []string // the QI columns' types, for messages
	ladders []kanon.Ladder
	cands   []kanon.Candidate
	total   *kanon.Advisor // merged counts of the blocks that are done
	// open are the blocks whose rows may still be counted, each with its
	// workers' advisors, in the order their first Table call came;
	// EndTable merges a block's into total.
	open []kBlock
	seen bool
	err  error // a merge that failed, reported by KAnonymity
}

// kBlock is the advisors of one block's workers.
type kBlock struct {
	t    *dumpstream.Table
	advs []*kanon.Advisor
}

// KAnonymityFor returns the k_anonymity entry for t, or for its nearest
// ancestor, or nil.
func (rs *Rules) KAnonymityFor(t *dumpstream.Table) *KAnonymity {
	names := append([][2]string{{t.Schema, t.Name}}, t.Ancestors...)
	for _, n := range names {
		for _, k := range rs.KAnonymity {
			if k.Schema == n[0] && k.Name == n[1] {
				return k
			}
		}
	}
	return nil
}

// kObserve gives plan, the plan of one worker for table t, an observer
// counting t's rows for the k_anonymity entry kr. A plan that keeps the
// table whole (nil) becomes one that keeps every column.
func (p *Plan) kObserve(kr *KAnonymity, t *dumpstream.Table, plan *dumpstream.TablePlan) (*dumpstream.TablePlan, error) {
	if plan != nil && (plan.DropRows || plan.RefuseRows != nil) {
		return plan, nil // no row is written
	}
	ks := p.kstates[kr]
	if ks == nil {
		ks = &kState{rule: kr}
		p.kstates[kr] = ks
	}
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	idx := make([]int, len(kr.Columns))
	var types []string
	for j, c := range kr.Columns {
		idx[j] = indexOf(names, c)
		if idx[j] < 0 {
			return nil, &Error{Pos: kr.Pos, Path: kr.Path(), Msg: fmt.Sprintf("the dump's table %s has no column %q%s; its columns are: %s",
				t.QualifiedName(), c, didYouMean(c, names), strings.Join(names, ", "))}
		}
		typ := ""
		if ct := t.Columns[idx[j]].Type; ct != nil {
			typ = ct.Name
		}
		types = append(types, typ)
	}
	if ks.ladders == nil {
		for _, typ := range types {
			ks.ladders = append(ks.ladders, kanon.DefaultLadder(typ))
		}
		ks.cands = kanon.DefaultCandidates(ks.ladders, kanon.MaxCandidates)
		ks.cols = types
	}
	adv, err := kanon.NewAdvisor(kr.K, ks.ladders, ks.cands)
	if err != nil {
		return nil, &Error{Pos: kr.Pos, Path: kr.Path(), Msg: err.Error()}
	}
	ks.seen = true
	if i := ks.openIndex(t); i >= 0 {
		ks.open[i].advs = append(ks.open[i].advs, adv) // another worker of the block
	} else {
		ks.open = append(ks.open, kBlock{t: t, advs: []*kanon.Advisor{adv}})
	}
	if plan == nil {
		plan = &dumpstream.TablePlan{Columns: make([]dumpstream.ColumnRewriter, len(t.Columns))}
	}
	plan.Observer = &kObserver{adv: adv, idx: idx, vals: make([][]byte, len(idx)), nulls: make([]bool, len(idx)), dec: make([][]byte, len(idx))}
	return plan, nil
}

// openIndex returns the index of t's block in ks.open, or -1.
func (ks *kState) openIndex(t *dumpstream.Table) int {
	for i := range ks.open {
		if ks.open[i].t == t {
			return i
		}
	}
	return -1
}

// EndTable merges the counts of block t, whose rows are all written and
// observed, into its k_anonymity entry's total, so that memory stays
// bounded by the blocks in flight ([dumpstream.TableEnder]). Like Table,
// it must not overlap other calls of Table or EndTable; the observers of
// other blocks may run meanwhile.
func (p *Plan) EndTable(t *dumpstream.Table, rows int64) {
	kr := p.rules.KAnonymityFor(t)
	if kr == nil {
		return
	}
	ks := p.kstates[kr]
	if ks == nil {
		return
	}
	if i := ks.openIndex(t); i >= 0 {
		b := ks.open[i]
		ks.open = slices.Delete(ks.open, i, i+1)
		ks.mergeAll(b.advs)
	}
}

// mergeAll adds advs to the total; a failure is kept for KAnonymity.
func (ks *kState) mergeAll(advs []*kanon.Advisor) {
	for _, a := range advs {
		if ks.total == nil {
			ks.total = a
			continue
		}
		if err := ks.total.Merge(a); err != nil && ks.err == nil {
			ks.err = err
		}
	}
}

// merge adds the advisors of the blocks still open to the total: the run
// is done.
func (ks *kState) merge() error {
	for _, b := range ks.open {
		ks.mergeAll(b.advs)
	}
	ks.open = nil
	return ks.err
}

// kObserver counts a worker's written rows: the quasi-identifiers'
// values, decoded, so that two spellings of one value are one class.
type kObserver struct {
	adv   *kanon.Advisor
	idx   []int
	vals  [][]byte
	nulls []bool
	dec   [][]byte
}

func (o *kObserver) Observe(fields [][]byte) error {
	for j, i := range o.idx {
		f := fields[i]
		o.nulls[j] = len(f) == 2 && f[0] == '\\' && f[1] == 'N'
		o.vals[j] = f
		if !o.nulls[j] && bytes.IndexByte(f, '\\') >= 0 {
			var err error
			if o.dec[j], err = dumpstream.AppendDecoded(o.dec[j][:0], f); err != nil {
				return err
			}
			o.vals[j] = o.dec[j]
		}
	}
	o.adv.Add(o.vals, o.nulls)
	return nil
}

// KResult is the k-anonymity of one table's output.
type KResult struct {
	Table   string       `json:"table"`
	Columns []string     `json:"columns"`
	K       int          `json:"k"`
	Met     bool         `json:"met"`
	Result  kanon.Result `json:"result"`
	// Advice lists the least coarse generalizations of the columns that
	// would reach k (or come nearest), each as the rules to write.
	Advice []string `json:"advice,omitempty"`
	Rule   string   `json:"rule"` // the entry's file:line:col
}

// KAnonymity returns, once the run is done, the k-anonymity of each
// k_anonymity entry's table, and an error naming the tables whose output
// has rows in classes smaller than k, with the generalizations that
// would reach it; with KReportOnly it returns no error for those. A
// table the dump has no data for is an error under strict.
func (p *Plan) KAnonymity() ([]KResult, error) {
	var out []KResult
	var errs ErrorList
	for _, kr := range p.rules.KAnonymity {
		ks := p.kstates[kr]
		if ks == nil || !ks.seen {
			msg := "the dump has no rows for this table, so its k-anonymity cannot be checked"
			if p.Strict {
				errs = append(errs, &Error{Pos: kr.Pos, Path: kr.Path(), Msg: msg})
			} else if p.Warn != nil {
				p.Warn(kr.Pos.String() + ": " + kr.Path() + ": " + msg)
			}
			continue
		}
		if err := ks.merge(); err != nil {
			return nil, err
		}
		r := KResult{Table: qualified(kr.Schema, kr.Name), Columns: kr.Columns, K: kr.K, Rule: kr.Pos.String(), Result: ks.total.Result()}
		r.Met = r.Result.OK()
		for _, ad := range ks.total.Advice() {
			r.Advice = append(r.Advice, adviceText(kr.Columns, ad))
			if len(r.Advice) == 3 {
				break
			}
		}
		out = append(out, r)
		if !r.Met && !p.KReportOnly {
			msg := fmt.Sprintf("%d of %d rows are in classes of fewer than k=%d rows (%s, the smallest of %s) over %s",
				r.Result.RowsBelowK, r.Result.Rows, kr.K, classCount(r.Result.ClassesBelowK), rowCount(r.Result.Smallest), strings.Join(kr.Columns, ", "))
			if len(r.Advice) > 0 {
				msg += "; " + r.Advice[0]
			} else {
				msg += "; no generalization of these columns reaches k: drop a column from the output (set_null) or remove rows"
			}
			errs = append(errs, &Error{Pos: kr.Pos, Path: kr.Path(), kind: "k_anonymity",
				Msg: msg + ", or run with --k-report-only to write the output and report only"})
		}
	}
	return out, errs.err()
}

// adviceText writes an advice as the rules that give it.
func adviceText(cols []string, ad kanon.Advice) string {
	var parts []string
	for i, s := range ad.Steps {
		if s == "" {
			continue
		}
		col := dumpstream.QuoteIdent(cols[i])
		switch {
		case s == "year" || s == "month":
			parts = append(parts, fmt.Sprintf("%s: {transform: generalize, to: %s}", col, s))
		case s == "day":
			parts = append(parts, fmt.Sprintf("%s: the date without its time", col))
		case strings.HasPrefix(s, "prefix "):
			parts = append(parts, fmt.Sprintf("%s: {transform: generalize, keep: %s}", col, strings.TrimPrefix(s, "prefix ")))
		case strings.HasPrefix(s, "bucket "):
			parts = append(parts, fmt.Sprintf("%s: {transform: generalize, bucket: %s}", col, strings.TrimPrefix(s, "bucket ")))
		case s == "suppress":
			parts = append(parts, col+": set_null")
		default:
			parts = append(parts, col+": "+s)
		}
	}
	verb := "would reach k"
	if !ad.Reaches {
		verb = fmt.Sprintf("would come nearest (%d rows below k)", ad.Result.RowsBelowK)
	}
	return "generalizing " + strings.Join(parts, ", ") + " " + verb
}

// classCount is "1 such class" or "n such classes".
func classCount(n int64) string {
	if n == 1 {
		return "1 such class"
	}
	return strconv.FormatInt(n, 10) + " such classes"
}

// rowCount is "1 row" or "n rows".
func rowCount(n int64) string {
	if n == 1 {
		return "1 row"
	}
	return strconv.FormatInt(n, 10) + " rows"
}
