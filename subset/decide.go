package subset

import (
	"fmt"
	"strings"

	"github.com/anondump/anondump/dumpstream"
)

// Decide computes, before the rewrite, the sets of keys that the input's
// order does not let the rewrite compute as it goes: those of tables that
// come after a table that needs them, and those of cycles, which take
// rounds until no set grows. With read (an archive with random access),
// it reads those tables alone, each when what it needs is known: read
// reads table t's data for v (Block, rows, EndBlock). Otherwise (or for
// tables of INSERT statements) it makes passes over the whole input: walk
// reads it once more for v each time it is called. Nothing is read when
// the rewrite can do everything in one pass.
func (g *Graph) Decide(walk func(v dumpstream.Visitor) error, read func(t *dumpstream.Table, v dumpstream.Visitor) error) error {
	if read != nil {
		for _, n := range g.nodes {
			if n.pre && n.table.Inserts {
				read = nil // INSERT statements are read by a walk
			}
		}
	}
	if read != nil {
		return g.decideTables(read)
	}
	var counts []*node
	for _, n := range g.nodes {
		if n.opt.SampleRows > 0 {
			counts = append(counts, n)
		}
	}
	if len(counts) > 0 {
		v := &thresholdPass{g: g, want: map[*node]*bottomK{}}
		for _, n := range counts {
			v.want[n] = newBottomK(n)
		}
		g.passes++
		if err := walk(v); err != nil {
			return err
		}
		for n, b := range v.want {
			n.threshold = b.threshold()
		}
	}
	for {
		var todo []*node
		for _, n := range g.nodes {
			if n.pre && !n.final {
				todo = append(todo, n)
			}
		}
		if len(todo) == 0 {
			g.freeze()
			return nil
		}
		// A cycle is read whole in a pass when what it needs outside it
		// is final at the start of the pass.
		ready := map[int]bool{}
		for _, n := range todo {
			if _, seen := ready[n.scc]; !seen {
				ready[n.scc] = true
			}
			for _, m := range n.needs {
				if m.scc != n.scc && !m.final {
					ready[n.scc] = false
				}
			}
		}
		v := &decidePass{g: g, ready: ready, cyclic: map[int]bool{}, read: map[int]bool{}}
		for _, n := range todo {
			if g.cyclic(n) {
				v.cyclic[n.scc] = true
			}
		}
		for _, s := range g.sets {
			s.grew = false
		}
		g.passes++
		if err := walk(v); err != nil {
			return err
		}
		if v.err != nil {
			return v.err
		}
		for n := range v.inserts {
			if !v.cyclic[n.scc] {
				n.final = true
				v.progress = true
			}
		}
		progress := v.progress
		for scc := range v.read {
			if !v.cyclic[scc] {
				continue
			}
			grew := false
			for _, n := range todo {
				if n.scc != scc {
					continue
				}
				for _, s := range n.sets {
					grew = grew || s.grew
				}
				for _, e := range n.out {
					grew = grew || e.set.grew
				}
			}
			if !grew {
				v.converged(scc, todo)
			}
			progress = true
		}
		if !progress {
			var names []string
			for _, n := range todo {
				names = append(names, n.String())
			}
			return fmt.Errorf("internal error: no pass over the input can judge %s", strings.Join(names, ", "))
		}
	}
}

// converged ends cycle scc, whose pass judged every row by its final
// sets: the references of that pass are the right ones.
func (v *decidePass) converged(scc int, todo []*node) {
	for _, j := range v.judges {
		if j.n.scc != scc {
			continue
		}
		for s, l := range j.refs {
			s.ref.Union(l)
		}
	}
	for _, n := range todo {
		if n.scc == scc {
			n.final = true
		}
	}
}

// decideTables is Decide with random access: the tables judged before the
// rewrite are read alone, needs first, a cycle in rounds until no set
// grows.
func (g *Graph) decideTables(read func(t *dumpstream.Table, v dumpstream.Visitor) error) error {
	for _, n := range g.nodes {
		if n.opt.SampleRows > 0 {
			v := &thresholdPass{g: g, want: map[*node]*bottomK{n: newBottomK(n)}}
			g.reads++
			if err := read(n.table, v); err != nil {
				return err
			}
			n.threshold = v.want[n].threshold()
		}
	}
	for _, c := range g.comps {
		var todo []*node
		for _, n := range c {
			if n.pre && !n.final {
				todo = append(todo, n)
			}
		}
		if len(todo) == 0 {
			continue
		}
		scc := todo[0].scc
		cyclic := g.cyclic(todo[0])
		for {
			v := &decidePass{g: g, ready: map[int]bool{scc: true}, cyclic: map[int]bool{scc: cyclic}, read: map[int]bool{}}
			for _, s := range g.sets {
				s.grew = false
			}
			for _, n := range todo {
				g.reads++
				if err := read(n.table, v); err != nil {
					return err
				}
				if !v.wants(n) && !n.final && !cyclic {
					return fmt.Errorf("internal error: %s was not judged", n)
				}
			}
			if !cyclic {
				break
			}
			grew := false
			for _, s := range g.sets {
				grew = grew || s.grew
			}
			if !grew {
				v.converged(scc, todo)
				break
			}
		}
	}
	g.freeze()
	return nil
}

// freeze compacts the sets before the rewrite's lookups.
func (g *Graph) freeze() {
	for _, s := range g.sets {
		for _, ks := range []*KeySet{s.dropped, s.ref} {
			if ks != nil {
				ks.Freeze()
			}
		}
	}
}

// Reads returns how many tables Decide read alone (random access).
func (g *Graph) Reads() int { return g.reads }

// cyclic reports whether n is in a cycle of needs.
func (g *Graph) cyclic(n *node) bool {
	for _, m := range g.nodes {
		if m != n && m.scc == n.scc {
			return true
		}
	}
	for _, m := range n.needs {
		if m == n {
			return true
		}
	}
	return false
}

// Passes returns how many passes over the input Decide made.
func (g *Graph) Passes() int { return g.passes }

// decidePass is one pass of Decide.
type decidePass struct {
	dumpstream.NopVisitor
	g        *Graph
	ready    map[int]bool // cycles read whole in this pass
	cyclic   map[int]bool
	read     map[int]bool // the cycles and tables read
	progress bool
	cur      *node
	j        *judge
	fields   [][]byte
	inserts  map[*node]*insertJudge // INSERT tables judged in the pass
	judges   []*judge               // of cycles: their references
	err      error
}

func (v *decidePass) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	n := v.g.byName[[2]string{b.Table.Schema, b.Table.Name}]
	if !v.wants(n) {
		return nil, nil
	}
	own, err := v.g.ownFilter(n, b.Table)
	if err != nil {
		return nil, err
	}
	v.cur, v.j = n, v.g.newJudge(n, own, true, false)
	v.j.localRefs = v.cyclic[n.scc]
	v.read[n.scc] = true
	return v, nil
}

func (v *decidePass) Row(r *dumpstream.Row) error {
	if err := r.Fields(); err != nil {
		return err
	}
	v.fields = rowFields(v.fields, r, v.cur)
	_, err := v.j.Keep(v.fields)
	return err
}

// wants says whether the pass judges table n now: it is judged before the
// rewrite and not final, and what it needs is final (for a cycle: what it
// needs outside the cycle, at the start of the pass).
func (v *decidePass) wants(n *node) bool {
	if n == nil || !n.pre || n.final {
		return false
	}
	if v.cyclic[n.scc] {
		return v.ready[n.scc]
	}
	for _, m := range n.needs {
		if !m.final {
			return false
		}
	}
	return true
}

// ownFilter is a new instance of table n's own where: filter, or nil.
func (g *Graph) ownFilter(n *node, t *dumpstream.Table) (dumpstream.RowFilter, error) {
	if !n.opt.Where || g.cfg.Filter == nil {
		return nil, nil
	}
	return g.cfg.Filter(t)
}

// HoldInserts asks for the INSERT statements of a table the pass judges.
func (v *decidePass) HoldInserts(t *dumpstream.Table) bool {
	n := v.g.byName[[2]string{t.Schema, t.Name}]
	if !v.wants(n) {
		return false
	}
	own, err := v.g.ownFilter(n, t)
	if err != nil {
		v.err = err
		return false
	}
	if v.inserts == nil {
		v.inserts = map[*node]*insertJudge{}
	}
	ij := &insertJudge{j: v.g.newJudge(n, own, true, false), r: dumpstream.NewInsertReader(t)}
	ij.j.localRefs = v.cyclic[n.scc]
	v.inserts[n] = ij
	v.judges = append(v.judges, ij.j)
	v.read[n.scc] = true
	return true
}

// Insert judges the rows of one INSERT statement.
func (v *decidePass) Insert(s *dumpstream.InsertStatement) error {
	ij := v.inserts[v.g.byName[[2]string{s.Table.Schema, s.Table.Name}]]
	return ij.r.Rows(s, func(fields [][]byte) error {
		_, err := ij.j.Keep(fields)
		return err
	})
}

// insertJudge judges an INSERT table's rows in a pass.
type insertJudge struct {
	j *judge
	r *dumpstream.InsertReader
}

func (v *decidePass) EndBlock(b *dumpstream.Block, rows int64) error {
	if v.cur == nil {
		return nil
	}
	if !v.cyclic[v.cur.scc] {
		v.cur.final = true
		v.progress = true
	} else {
		v.judges = append(v.judges, v.j)
	}
	v.cur, v.j = nil, nil
	return nil
}

// thresholdPass finds the hash threshold of each sample: N rows table.
type thresholdPass struct {
	dumpstream.NopVisitor
	g      *Graph
	want   map[*node]*bottomK
	cur    *bottomK
	j      *judge
	fields [][]byte
}

func (v *thresholdPass) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	n := v.g.byName[[2]string{b.Table.Schema, b.Table.Name}]
	v.cur = v.want[n]
	if v.cur == nil {
		return nil, nil
	}
	own, err := v.g.ownFilter(n, b.Table)
	if err != nil {
		return nil, err
	}
	v.j = v.g.newJudge(n, own, false, false)
	return v, nil
}

// Row counts the row's hash if its own filter keeps it: sample: N keeps
// N of the rows where: keeps.
func (v *thresholdPass) Row(r *dumpstream.Row) error {
	if err := r.Fields(); err != nil {
		return err
	}
	v.fields = rowFields(v.fields, r, v.j.n)
	if v.j.own != nil {
		ok, err := v.j.own.Keep(v.fields)
		if err != nil || !ok {
			return err
		}
	}
	v.cur.add(v.j.sampleKey(v.fields))
	return nil
}

// Count judges every row the cascade judges, in one more pass over the
// input, without writing anything, for check: [Graph.Report] then has
// each table's rows and what would be dropped. Call it after
// [Graph.Decide], instead of a rewrite.
func (g *Graph) Count(walk func(v dumpstream.Visitor) error) error {
	v := &countPass{g: g}
	if err := walk(v); err != nil {
		return err
	}
	if v.err != nil {
		return v.err
	}
	for _, ij := range v.inserts {
		ij.j.n.stats.add(&ij.j.stats)
	}
	return nil
}

type countPass struct {
	dumpstream.NopVisitor
	g       *Graph
	j       *judge
	fields  [][]byte
	inserts map[*node]*insertJudge
	err     error
}

func (v *countPass) judgeFor(t *dumpstream.Table) (*judge, error) {
	n := v.g.byName[[2]string{t.Schema, t.Name}]
	if n == nil || !n.acts() && !n.decide {
		return nil, nil
	}
	own, err := v.g.ownFilter(n, t)
	if err != nil {
		return nil, err
	}
	return v.g.newJudge(n, own, n.decide && !n.pre, false), nil
}

func (v *countPass) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	j, err := v.judgeFor(b.Table)
	if j == nil || err != nil {
		return nil, err
	}
	v.j = j
	return v, nil
}

func (v *countPass) Row(r *dumpstream.Row) error {
	if err := r.Fields(); err != nil {
		return err
	}
	v.fields = rowFields(v.fields, r, v.j.n)
	v.j.stats.Rows++
	_, err := v.j.Keep(v.fields)
	return err
}

func (v *countPass) EndBlock(b *dumpstream.Block, rows int64) error {
	if v.j != nil {
		v.j.n.stats.add(&v.j.stats)
		v.j.n.final = true
		v.j = nil
	}
	return nil
}

func (v *countPass) HoldInserts(t *dumpstream.Table) bool {
	j, err := v.judgeFor(t)
	if err != nil {
		v.err = err
	}
	if j == nil {
		return false
	}
	if v.inserts == nil {
		v.inserts = map[*node]*insertJudge{}
	}
	v.inserts[j.n] = &insertJudge{j: j, r: dumpstream.NewInsertReader(t)}
	return true
}

func (v *countPass) Insert(s *dumpstream.InsertStatement) error {
	ij := v.inserts[v.g.byName[[2]string{s.Table.Schema, s.Table.Name}]]
	return ij.r.Rows(s, func(fields [][]byte) error {
		ij.j.stats.Rows++
		_, err := ij.j.Keep(fields)
		return err
	})
}

// rowFields sets dst to the raw fields of row r of table n (split
// already), one per column.
func rowFields(dst [][]byte, r *dumpstream.Row, n *node) [][]byte {
	dst = dst[:0]
	for i := range n.table.Columns {
		dst = append(dst, r.Raw(i))
	}
	return dst
}
