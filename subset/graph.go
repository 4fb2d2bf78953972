package subset

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/anondump/anondump/dumpstream"
)

// TableOptions say what the rules ask of one table's rows.
type TableOptions struct {
	// Where: the table has a where: filter of its own ([Config.Filter]
	// gives it).
	Where bool
	// Sample keeps this fraction of the rows (0 < Sample ≤ 1), chosen by
	// the keyed hash of the primary key; SampleRows keeps this many rows
	// instead. Zero: no sampling.
	Sample     float64
	SampleRows int64
	// Domain is the sampling domain: tables sampled in one domain keep
	// the same primary keys. "" is the table's own domain.
	Domain string
	// OnlyReferenced keeps only the rows that kept rows reference.
	OnlyReferenced bool
	// NoCascade (cascade: false): the rows this table drops do not drop
	// the rows that reference them.
	NoCascade bool
	// Rule says where the table's rule is ("anon.yaml:12"), for messages.
	Rule string
}

// Config is what a cascade needs besides the dump.
type Config struct {
	// Tables are the options of the tables that filter, sample or keep
	// only referenced rows, by schema and name.
	Tables map[[2]string]TableOptions
	// Filter returns a new instance of a table's own where: filter, for
	// one goroutine.
	Filter func(t *dumpstream.Table) (dumpstream.RowFilter, error)
	// Sample returns the keyed hash of a sampling domain: it maps a
	// primary key (its raw COPY fields, each followed by a tab) to 64
	// uniform bits. It must be safe for concurrent use.
	Sample func(domain string) func(key []byte) uint64
	// HashKey keys the 128-bit hashes of non-integer keys.
	HashKey [16]byte
	// NoInline: the rewrite does not visit the tables one at a time in
	// input order (a directory rewritten with several workers, or a
	// share of it), so every set is computed before it.
	NoInline bool
}

// node is one table with data.
type node struct {
	name  [2]string
	table *dumpstream.Table
	pos   int // of its data in the input
	opt   TableOptions
	out   []*edge
	sets  []*refSet // the sets of keys it contributes its rows' keys to
	pk    []int     // primary key columns, for sampling
	// own: it drops rows of its own (where:, sample:); cascade: it drops
	// rows whose parent is dropped; only: only_referenced.
	own, cascade, only bool
	needs              []*node
	decide             bool // its rows must be judged before another table's
	pre                bool // judged in a pass before the rewrite
	final              bool // its sets hold all its rows' keys
	scc                int
	threshold          uint64 // sampling: keep keys hashing below it
	stats              TableStats
}

func (n *node) String() string { return qualified(n.name) }

// sampleDomain is the domain n's sample hashes in: its domain:, or its
// own name.
func (n *node) sampleDomain() string {
	if n.opt.Domain != "" {
		return n.opt.Domain
	}
	return qualified(n.name)
}

// acts says whether the table's rows are judged at all.
func (n *node) acts() bool {
	if n.own || n.cascade || n.only {
		return true
	}
	for _, e := range n.out {
		if e.set.cascades() || e.set.onlyRef {
			return true
		}
	}
	return false
}

// refSet is the set of keys of one referenced column list of a table,
// which its rows (or its partitions' rows) contribute to.
type refSet struct {
	table   [2]string
	cols    []string
	idx     map[*node][]int // per contributor, its columns
	contrib []*node
	dropped *KeySet // keys of dropped rows, when some child cascades from it
	ref     *KeySet // keys that kept rows reference, when it is only_referenced
	onlyRef bool
	grew    bool // a key was added in the current pass
	// sampler is the one table of the set when the set's columns are its
	// sampled primary key: the keys its sample leaves out are not stored,
	// sampleHash tells them.
	sampler    *node
	sampleHash func([]byte) uint64
}

// cascades: some contributor drops rows that cascade to the children.
func (s *refSet) cascades() bool {
	for _, c := range s.contrib {
		if (c.own || c.cascade) && !c.opt.NoCascade {
			return true
		}
	}
	return false
}

// edge is one foreign key of a child table into a refSet.
type edge struct {
	child   *node
	set     *refSet
	cols    []int // the child's columns
	setNull []int // ON DELETE SET NULL, all nullable: these columns become NULL
	name    string
}

// Graph is the foreign-key graph of a dump, with the tables that filter,
// sample or keep only referenced rows, and the order in which their rows
// are judged. Build it with [NewGraph], compute the sets with
// [Graph.Decide], then rewrite with [Graph.Transformer].
type Graph struct {
	cfg    Config
	nodes  []*node
	byName map[[2]string]*node
	sets   []*refSet
	passes int
	reads  int       // tables read alone (random access) before the rewrite
	comps  [][]*node // the components of the needs, needs first
}

func qualified(n [2]string) string {
	return dumpstream.QuoteIdent(n[0]) + "." + dumpstream.QuoteIdent(n[1])
}

// Active reports whether cfg asks for anything of the rows at all.
func Active(cfg Config) bool { return len(Filtering(cfg)) > 0 }

// Filtering returns, sorted, the tables whose options drop rows that
// other rows may reference: a cascading where:, a sample:, or
// only_referenced:.
func Filtering(cfg Config) []string {
	var names []string
	for n, o := range cfg.Tables {
		if o.Where && !o.NoCascade || o.Sample > 0 || o.SampleRows > 0 || o.OnlyReferenced {
			names = append(names, qualified(n))
		}
	}
	sort.Strings(names)
	return names
}

// NewGraph builds the graph of the dump survey s describes under cfg. It
// refuses what it cannot do safely: a foreign key whose columns a table
// lacks, a key into a table without a primary key, sampling a table
// without one, only_referenced on a table that also loses rows of its
// own or by cascade.
func NewGraph(s *dumpstream.Survey, cfg Config) (*Graph, error) {
	g := &Graph{cfg: cfg, byName: map[[2]string]*node{}}
	for i, t := range s.Blocks {
		name := [2]string{t.Schema, t.Name}
		if t.Database != s.Blocks[0].Database {
			// pg_dump --create names its one database; pg_dumpall several.
			return nil, fmt.Errorf("%s: cascading filters and samples work on one database; this input holds several (pg_dumpall): dump the database with pg_dump", qualified(name))
		}
		if g.byName[name] != nil {
			return nil, fmt.Errorf("%s: the dump has two data blocks for the table; cascading filters need one", qualified(name))
		}
		n := &node{name: name, table: t, pos: i}
		opt, ok := cfg.Tables[name]
		for _, a := range t.Ancestors {
			if ok {
				break
			}
			// A partition or child follows its parent's rule, as the
			// rules do.
			opt, ok = cfg.Tables[a]
		}
		n.opt = opt
		g.byName[name] = n
		g.nodes = append(g.nodes, n)
	}
	pks := map[[2]string][]string{}
	for _, k := range s.Constraints {
		if k.Kind == dumpstream.PrimaryKey {
			pks[k.Table] = k.Columns
		}
	}
	// members returns the tables whose rows a key of name covers: the
	// table itself when it has data (a plain table, or an inheritance
	// parent, whose keys cover its own rows only: pg_dump writes ALTER
	// TABLE ONLY), else its partitions (a partitioned table has no rows of
	// its own, and its keys cover all of theirs).
	members := func(name [2]string) []*node {
		if n := g.byName[name]; n != nil {
			return []*node{n}
		}
		var out []*node
		for _, n := range g.nodes {
			if slices.Contains(n.table.Ancestors, name) {
				out = append(out, n)
			}
		}
		return out
	}
	pkOf := func(name [2]string) []string {
		if c, ok := pks[name]; ok {
			return c
		}
		if n := g.byName[name]; n != nil {
			for _, a := range n.table.Ancestors {
				if c, ok := pks[a]; ok {
					return c
				}
			}
		}
		return nil
	}
	setOf := map[string]*refSet{}
	getSet := func(table [2]string, cols []string, what string) (*refSet, error) {
		id := qualified(table) + "(" + strings.Join(cols, ",") + ")"
		if s := setOf[id]; s != nil {
			return s, nil
		}
		s := &refSet{table: table, cols: cols, idx: map[*node][]int{}}
		for _, m := range members(table) {
			ix, err := columnIndexes(m.table, cols)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", what, err)
			}
			s.idx[m] = ix
			s.contrib = append(s.contrib, m)
			m.sets = append(m.sets, s)
		}
		setOf[id] = s
		g.sets = append(g.sets, s)
		return s, nil
	}
	for _, k := range s.Constraints {
		if k.Kind != dumpstream.ForeignKey {
			continue
		}
		what := fmt.Sprintf("the foreign key of %s (%s) into %s", qualified(k.Table), strings.Join(k.Columns, ", "), qualified(k.RefTable))
		if k.Line > 0 {
			what += fmt.Sprintf(" at dump line %d", k.Line)
		}
		refCols := k.RefColumns
		if len(refCols) == 0 {
			refCols = pkOf(k.RefTable)
			if refCols == nil {
				return nil, fmt.Errorf("%s: it references the primary key of %s, which the dump does not declare", what, qualified(k.RefTable))
			}
		}
		if len(refCols) != len(k.Columns) {
			return nil, fmt.Errorf("%s: %d columns reference %d", what, len(k.Columns), len(refCols))
		}
		set, err := getSet(k.RefTable, refCols, what)
		if err != nil {
			return nil, err
		}
		for _, c := range members(k.Table) {
			ix, err := columnIndexes(c.table, k.Columns)
			if err != nil {
				return nil, fmt.Errorf("%s: %v", what, err)
			}
			e := &edge{child: c, set: set, cols: ix, name: what}
			if k.OnDelete == dumpstream.SetNull {
				nullCols := k.SetNullColumns
				if len(nullCols) == 0 {
					nullCols = k.Columns
				}
				nix, err := columnIndexes(c.table, nullCols)
				if err != nil {
					return nil, fmt.Errorf("%s: %v", what, err)
				}
				nullable := true
				for _, i := range nix {
					if t := c.table.Columns[i].Type; t != nil && t.NotNull {
						nullable = false
					}
				}
				if nullable {
					e.setNull = nix
				}
			}
			c.out = append(c.out, e)
		}
	}
	for _, n := range g.nodes {
		n.own = n.opt.Where || n.opt.Sample > 0 || n.opt.SampleRows > 0
		n.only = n.opt.OnlyReferenced
		if n.opt.Sample > 0 || n.opt.SampleRows > 0 {
			cols := pkOf(n.name)
			if cols == nil {
				return nil, fmt.Errorf("%s (rule at %s): sample: chooses rows by their primary key, and the dump declares none for the table", n, n.opt.Rule)
			}
			ix, err := columnIndexes(n.table, cols)
			if err != nil {
				return nil, fmt.Errorf("%s: its primary key: %v", n, err)
			}
			n.pk = ix
			if n.opt.Sample > 0 {
				n.threshold = fractionThreshold(n.opt.Sample)
			}
		}
	}
	for _, s := range g.sets {
		if len(s.contrib) != 1 {
			continue
		}
		if c := s.contrib[0]; c.pk != nil && slices.Equal(s.idx[c], c.pk) {
			s.sampler, s.sampleHash = c, cfg.Sample(c.sampleDomain())
		}
	}
	// Rows dropped by cascade, to a fixed point.
	for changed := true; changed; {
		changed = false
		for _, n := range g.nodes {
			if n.cascade {
				continue
			}
			for _, e := range n.out {
				if e.setNull == nil && e.set.cascades() {
					n.cascade, changed = true, true
					break
				}
			}
		}
	}
	for _, n := range g.nodes {
		if n.only && (n.own || n.cascade) {
			why := "its own where: or sample:"
			if !n.own {
				why = "the cascade from the tables it references"
			}
			return nil, fmt.Errorf("%s (rule at %s): only_referenced: keeps the rows that kept rows reference, and the table also loses rows by %s; anondump cannot do both: remove one", n, n.opt.Rule, why)
		}
		if n.only && len(n.sets) == 0 {
			return nil, fmt.Errorf("%s (rule at %s): only_referenced: no foreign key of the dump references the table, so every row would go; remove the rule or truncate the table", n, n.opt.Rule)
		}
		for _, s := range n.sets {
			s.onlyRef = s.onlyRef || n.only
		}
	}
	// What each table needs judged before its own rows are.
	for _, n := range g.nodes {
		for _, e := range n.out {
			if e.set.cascades() {
				for _, c := range e.set.contrib {
					if c.own || c.cascade {
						n.needs = appendOnce(n.needs, c)
					}
				}
				if e.set.dropped == nil {
					e.set.dropped = NewKeySet(cfg.HashKey)
				}
			}
			if e.set.onlyRef {
				for _, c := range e.set.contrib {
					if c.only {
						c.needs = appendOnce(c.needs, n)
					}
				}
				if e.set.ref == nil {
					e.set.ref = NewKeySet(cfg.HashKey)
				}
			}
		}
	}
	for _, n := range g.nodes {
		for _, m := range n.needs {
			m.decide = true
		}
	}
	g.order()
	return g, nil
}

// order finds the strongly connected components of the needs and marks
// the tables judged before the rewrite.
func (g *Graph) order() {
	// Tarjan's algorithm.
	index := map[*node]int{}
	low := map[*node]int{}
	on := map[*node]bool{}
	var stack []*node
	var comps [][]*node
	var visit func(n *node)
	visit = func(n *node) {
		index[n], low[n] = len(index), len(index)
		stack = append(stack, n)
		on[n] = true
		for _, m := range n.needs {
			if _, seen := index[m]; !seen {
				visit(m)
				low[n] = min(low[n], low[m])
			} else if on[m] {
				low[n] = min(low[n], index[m])
			}
		}
		if low[n] == index[n] {
			var c []*node
			for {
				m := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				on[m] = false
				c = append(c, m)
				if m == n {
					break
				}
			}
			comps = append(comps, c)
		}
	}
	for _, n := range g.nodes {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	g.comps = comps
	// A cycle is judged in rounds before the rewrite until no set grows.
	// It never mixes only_referenced: with cascading drops (which would
	// not grow monotonically): a table needs an only_referenced table's
	// keys only through a cascade from it, and NewGraph refuses an
	// only_referenced table that cascades.
	for i, c := range comps {
		cyclic := len(c) > 1 || slices.Contains(c[0].needs, c[0])
		for _, n := range c {
			n.scc = i
			n.pre = n.pre || cyclic
		}
	}
	for _, n := range g.nodes {
		if (g.cfg.NoInline || n.table.Inserts) && n.decide {
			// An INSERT table ends (EndTable) only at the end of the
			// input: its keys are known in time only from a pass.
			n.pre = true
		}
	}
	// A table judged in the rewrite needs every table it needs judged
	// before it: earlier in the input, or in a pass before.
	for changed := true; changed; {
		changed = false
		for _, n := range g.nodes {
			if !n.acts() && !n.decide {
				continue
			}
			for _, m := range n.needs {
				if !m.pre && (n.pre || m.pos >= n.pos) {
					m.pre, changed = true, true
				}
			}
		}
	}
}

// OnePass reports whether the rewrite can judge every table as it comes,
// without a pass before it; otherwise it returns the tables that need
// one, for the message that asks for a file.
func (g *Graph) OnePass() (bool, []string) {
	var pre []string
	for _, n := range g.nodes {
		// sample: N rows needs a pass to find the N.
		if n.pre || n.opt.SampleRows > 0 {
			pre = append(pre, n.String())
		}
	}
	return len(pre) == 0, pre
}

func appendOnce(l []*node, n *node) []*node {
	if slices.Contains(l, n) {
		return l
	}
	return append(l, n)
}

// columnIndexes finds cols in t's COPY columns.
func columnIndexes(t *dumpstream.Table, cols []string) ([]int, error) {
	ix := make([]int, len(cols))
	for i, c := range cols {
		ix[i] = slices.IndexFunc(t.Columns, func(col dumpstream.Column) bool { return col.Name == c })
		if ix[i] < 0 {
			return nil, fmt.Errorf("the data of %s has no column %s", t.QualifiedName(), dumpstream.QuoteIdent(c))
		}
	}
	return ix, nil
}

// fractionThreshold is the hash below which a key is kept with
// probability f.
func fractionThreshold(f float64) uint64 {
	if f >= 1 {
		return ^uint64(0)
	}
	return uint64(f * (1 << 63) * 2)
}
