package subset

import (
	"fmt"
	"sort"
	"sync"

	"github.com/anondump/anondump/dumpstream"
)

// Transformer returns inner with the cascade added: each table the graph
// judges gets a row filter that applies its own filter (inner's), its
// sample, the drops of the rows it references and, for only_referenced,
// the references to it; a foreign key ON DELETE SET NULL into a dropped
// row becomes NULL. The tables the rewrite judges as it goes record
// their keys for the tables after them. Call [Graph.Decide] first.
func (g *Graph) Transformer(inner dumpstream.Transformer) dumpstream.Transformer {
	return &transformer{g: g, inner: inner, open: map[*node][]*judge{}}
}

type transformer struct {
	g     *Graph
	inner dumpstream.Transformer
	mu    sync.Mutex
	open  map[*node][]*judge
}

func (t *transformer) Table(tbl *dumpstream.Table) (*dumpstream.TablePlan, error) {
	plan, err := t.inner.Table(tbl)
	n := t.g.byName[[2]string{tbl.Schema, tbl.Name}]
	if err != nil || n == nil || !n.acts() && !n.decide {
		return plan, err
	}
	if n.table != tbl && !sameTable(n.table, tbl) {
		return nil, fmt.Errorf("internal error: the table's columns differ from those of the pass before the rewrite")
	}
	if plan != nil && (plan.RefuseRows != nil || plan.DropRows) {
		return plan, nil
	}
	for _, m := range n.needs {
		if !m.final && m != n {
			// Fail closed: judged now, the rows would keep references
			// to rows not yet known to be dropped.
			return nil, fmt.Errorf("internal error: the dropped keys of %s are not complete before the rows of %s (the input's order differs from the pass that surveyed it); nothing of the table is written", m, n)
		}
	}
	if plan == nil {
		plan = &dumpstream.TablePlan{Columns: make([]dumpstream.ColumnRewriter, len(tbl.Columns))}
	}
	own := plan.Filter
	if own == nil {
		if own, err = t.g.ownFilter(n, tbl); err != nil {
			return nil, err
		}
	}
	j := t.g.newJudge(n, own, n.decide && !n.pre, true)
	plan.Filter = j
	for _, e := range n.out {
		for _, i := range e.setNull {
			if _, done := plan.Columns[i].(*nuller); !done {
				plan.Columns[i] = &nuller{j: j, col: i, inner: plan.Columns[i]}
			}
		}
	}
	t.mu.Lock()
	t.open[n] = append(t.open[n], j)
	t.mu.Unlock()
	return plan, nil
}

// sameTable: the rewrite's Table for a block is another value than the
// survey's (a new walk), for the same table.
func sameTable(a, b *dumpstream.Table) bool {
	return a.Schema == b.Schema && a.Name == b.Name && len(a.Columns) == len(b.Columns)
}

// EndTable merges the judges' counts and recorded keys of the table.
func (t *transformer) EndTable(tbl *dumpstream.Table, rows int64) {
	if te, ok := t.inner.(dumpstream.TableEnder); ok {
		te.EndTable(tbl, rows)
	}
	n := t.g.byName[[2]string{tbl.Schema, tbl.Name}]
	if n == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	n.stats.Rows += rows
	for _, j := range t.open[n] {
		n.stats.add(&j.stats)
		for s, l := range j.drops {
			s.dropped.Union(l)
		}
		for s, l := range j.refs {
			s.ref.Union(l)
		}
	}
	delete(t.open, n)
	if n.decide {
		n.final = true
	}
}

// TableReport is what the cascade did to one table.
type TableReport struct {
	Table string
	TableStats
}

// Report returns, per table the cascade judged, the rows it dropped and
// why, in input order.
func (g *Graph) Report() []TableReport {
	var out []TableReport
	for _, n := range g.nodes {
		if n.acts() || n.decide {
			out = append(out, TableReport{Table: n.String(), TableStats: n.stats})
		}
	}
	return out
}

// SetBytes returns the memory the sets of keys use.
func (g *Graph) SetBytes() int64 {
	var b int64
	for _, s := range g.sets {
		if s.dropped != nil {
			b += s.dropped.Bytes()
		}
		if s.ref != nil {
			b += s.ref.Bytes()
		}
	}
	return b
}

// Edges describes the foreign keys that drive the cascade, for check:
// "child -> parent (columns) [set null]", sorted.
func (g *Graph) Edges() []string {
	var out []string
	for _, n := range g.nodes {
		for _, e := range n.out {
			if !e.set.cascades() && !e.set.onlyRef {
				continue
			}
			s := n.String() + " -> " + qualified(e.set.table)
			switch {
			case e.setNull != nil && e.set.cascades():
				s += " (on delete set null: the key is set to NULL)"
			case e.set.onlyRef && !e.set.cascades():
				s += " (only_referenced: keeps the rows referenced)"
			}
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}
