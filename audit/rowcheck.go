package audit

import (
	"fmt"
	"math/rand/v2"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/rules"
	"github.com/dchest/siphash"
)

// The unchanged check: a ruled column whose values in the copy are the
// original ones, row by row, is a leak (`verify X X` must fail). Memory is
// bounded by a sample: of each table with a ruled column, the original
// pass keeps a reservoir of sampleRows rows, each as one keyed hash per
// column (never a value). Once the original's keys are known (in plain
// dumps they follow the data), each sampled row gets a key: the hash of
// its primary key's fields when the table has a primary key that no rule
// rewrites, else its position. The copy's pass finds the sampled rows by
// the same key and compares the ruled columns' hashes.
//
// A column with a paths: rule is compared leaf by leaf: its documents
// keep their shape, so the n-th leaf a path matches in a copied document
// is the rewritten n-th leaf of the original's. Of each sampled row the
// first maxLeaves leaves of each ruled path are kept as hashes, and a
// path is reported when most of its compared leaves are unchanged; a
// document without the path has nothing to compare.

const sampleRows = 256

// unchangedShare: a column is reported when more than this share of its
// compared values is unchanged. Keyed fakers with small output spaces
// (first names, countries, dates of birth) equal the original by chance
// for well under 1% of the rows; a copy that is the original has 100%.
const unchangedShare = 0.5

type rowSample struct {
	name     string    // qualified name, for findings
	table    [2]string // schema, name: for its primary key
	cols     []string  // column names
	ncols    int
	ruled    []int               // ruled column indices
	rules    []*rules.ColumnRule // per ruled column
	noChange []uint64            // per ruled column: the hash of a value the rule leaves as it is (const), or 0
	filtered bool                // the table has a where: condition
	seen     int64               // rows read in the original
	rows     []sampled
	// The columns with a paths: rule, their rules and, per path, the
	// hash of a leaf its rule leaves as it is (const) or 0. Their leaves'
	// hashes are sampled.leaves: per column, per path, maxLeaves slots.
	pcols     []int
	ptypes    []*dumpstream.Type
	prules    []*pathsRule
	pnoChange [][]uint64

	// Set by index, after the original pass.
	keyCols []int // primary key columns; nil: rows are matched by position
	byKey   map[uint64]int32
	// The copy's pass.
	ordinal             int64
	fields              []uint64 // per column of the row being read (key and ruled columns)
	hashed              []int    // the key and ruled columns
	compared, unchanged []int64  // per ruled column
	// Per paths: column, per path.
	pcompared, punchanged [][]int64
	copied                []uint64 // the leaves of the row being compared
}

type sampled struct {
	ordinal int64
	h       []uint64
	leaves  []uint64 // of the paths: columns; 0 for none, kept by a case, null, a boolean or ""
}

// nleaves is the length of a sampled row's leaves.
func (s *rowSample) nleaves() int {
	n := 0
	for _, pr := range s.prules {
		n += len(pr.paths) * maxLeaves
	}
	return n
}

// rowChecker holds the samples of every table with a ruled column.
type rowChecker struct {
	k0, k1 uint64
	rng    *rand.Rand
	tables map[string]*rowSample // by database and qualified name
	// leafHashes' buffers; bufs are the verifier's.
	counts []int
	bufs   *docBufs
}

func newRowChecker(k0, k1 uint64) *rowChecker {
	return &rowChecker{k0: k0 ^ 0x726f77, k1: k1, rng: rand.New(rand.NewPCG(k0, k1)), tables: map[string]*rowSample{}}
}

func sampleKey(t *dumpstream.Table) string { return t.Database + "\x00" + t.QualifiedName() }

// hash is a field's keyed hash: 0 for NULL, odd otherwise.
func (rc *rowChecker) hash(value []byte, null bool) uint64 {
	if null {
		return 0
	}
	return siphash.Hash(rc.k0, rc.k1, value) | 1
}

// table starts (or continues) the sample of a table in the original pass;
// nil when no rule rewrites any of its columns. paths are the rules of
// its paths: columns (nil for the others).
func (rc *rowChecker) table(v *verifier, t *dumpstream.Table, paths []*pathsRule) *rowSample {
	key := sampleKey(t)
	if s := rc.tables[key]; s != nil {
		if s.ncols != len(t.Columns) {
			return nil // the same name, another shape (a second database): keep the first
		}
		return s
	}
	s := &rowSample{name: t.QualifiedName(), table: [2]string{t.Schema, t.Name}, ncols: len(t.Columns)}
	for _, c := range t.Columns {
		s.cols = append(s.cols, c.Name)
	}
	for i := range t.Columns {
		cr := v.ruleOf(t, i)
		if cr == nil {
			continue
		}
		if pr := paths[i]; pr != nil {
			same := make([]uint64, len(pr.rules))
			for j, r := range pr.rules {
				if r.Transform == "const" {
					same[j] = rc.hash([]byte(r.Value), false)
				}
			}
			s.pcols = append(s.pcols, i)
			s.ptypes = append(s.ptypes, t.Columns[i].Type)
			s.prules = append(s.prules, pr)
			s.pnoChange = append(s.pnoChange, same)
			continue
		}
		var same uint64
		if cr.Transform == "const" {
			same = rc.hash([]byte(cr.Value), false)
		}
		s.ruled = append(s.ruled, i)
		s.rules = append(s.rules, cr)
		s.noChange = append(s.noChange, same)
	}
	if len(s.ruled) == 0 && len(s.pcols) == 0 {
		return nil
	}
	if tr := v.rs.RuleFor(t); tr != nil && tr.Where != "" {
		s.filtered = true
	}
	rc.tables[key] = s
	return s
}

// originalRow takes one row of the original (pass 1) of the pass p: a
// row the reservoir keeps is hashed, column by column and, of paths:
// columns, leaf by leaf; the others are not read. A column kept[i] (its
// row's case keeps the value) is hashed as NULL, so the copy's value is
// not compared with it; so are the leaves of a path the row's case keeps.
func (rc *rowChecker) originalRow(p *walkPass, r *dumpstream.Row, kept []bool) error {
	s := p.rs
	s.seen++
	var cur, leaves []uint64
	if len(s.rows) < sampleRows {
		s.rows = append(s.rows, sampled{ordinal: s.seen, h: make([]uint64, s.ncols), leaves: make([]uint64, s.nleaves())})
		cur, leaves = s.rows[len(s.rows)-1].h, s.rows[len(s.rows)-1].leaves
	} else if j := rc.rng.Int64N(s.seen); j < sampleRows {
		s.rows[j].ordinal = s.seen
		cur, leaves = s.rows[j].h, s.rows[j].leaves
	}
	if cur == nil {
		return nil
	}
	off := 0
	for k, c := range s.pcols {
		pr := s.prules[k]
		var pkept []bool
		if p.pathKeeper[c] != nil {
			pkept = p.pathKept[c]
		}
		if err := rc.leafHashes(pr, s.ptypes[k], r, c, pkept, leaves[off:off+len(pr.paths)*maxLeaves], false); err != nil {
			return err
		}
		off += len(pr.paths) * maxLeaves
	}
	for i := range cur {
		if kept != nil && kept[i] {
			cur[i] = rc.hash(nil, true) // not a ruled value in this row
			continue
		}
		h, err := rc.field(r, i)
		if err != nil {
			return err
		}
		cur[i] = h
	}
	return nil
}

// field hashes column i of a row.
func (rc *rowChecker) field(r *dumpstream.Row, i int) (uint64, error) {
	if r.IsNull(i) {
		return rc.hash(nil, true), nil
	}
	v, err := r.Value(i)
	if err != nil {
		return 0, err
	}
	return rc.hash(v, false), nil
}

// index chooses each sample's row key, once the original's keys are known.
func (rc *rowChecker) index(keys []dumpstream.Constraint) {
	for _, s := range rc.tables {
		s.keyCols = nil
		for _, c := range keys {
			if c.Kind != dumpstream.PrimaryKey || c.Table != s.table {
				continue
			}
			cols := make([]int, 0, len(c.Columns))
			for _, name := range c.Columns {
				for i, col := range s.cols {
					if col == name {
						cols = append(cols, i)
					}
				}
			}
			if len(cols) != len(c.Columns) {
				break
			}
			for _, i := range cols {
				for _, r := range append(s.ruled[:len(s.ruled):len(s.ruled)], s.pcols...) {
					if r == i {
						cols = nil // a rule rewrites the key: match by position
					}
				}
			}
			s.keyCols = cols
			break
		}
		s.byKey = make(map[uint64]int32, len(s.rows))
		for i, r := range s.rows {
			s.byKey[s.rowKey(r.ordinal, r.h)] = int32(i)
		}
		s.fields = make([]uint64, s.ncols)
		s.hashed = append(append(s.hashed[:0], s.keyCols...), s.ruled...)
		s.compared, s.unchanged = make([]int64, len(s.ruled)), make([]int64, len(s.ruled))
		s.pcompared, s.punchanged = make([][]int64, len(s.pcols)), make([][]int64, len(s.pcols))
		for k, pr := range s.prules {
			s.pcompared[k], s.punchanged[k] = make([]int64, len(pr.paths)), make([]int64, len(pr.paths))
		}
	}
}

func (s *rowSample) rowKey(ordinal int64, h []uint64) uint64 {
	if s.keyCols == nil {
		return uint64(ordinal)
	}
	k := uint64(0x9e3779b97f4a7c15)
	for _, i := range s.keyCols {
		k = (k ^ h[i]) * 0x100000001b3
	}
	return k
}

// copiedRow takes one row of the copy (pass 2): its key and ruled
// columns are hashed, and the row is compared with its sample, if it has
// one.
func (rc *rowChecker) copiedRow(s *rowSample, r *dumpstream.Row) error {
	if s.byKey == nil {
		return nil
	}
	s.ordinal++
	if s.keyCols == nil && s.filtered {
		return nil // rows dropped by where: shift the positions
	}
	for _, i := range s.hashed {
		h, err := rc.field(r, i)
		if err != nil {
			return err
		}
		s.fields[i] = h
	}
	i, ok := s.byKey[s.rowKey(s.ordinal, s.fields)]
	if !ok {
		return nil
	}
	orig := s.rows[i].h
	off := 0
	for k, c := range s.pcols {
		pr := s.prules[k]
		n := len(pr.paths) * maxLeaves
		if cap(s.copied) < n {
			s.copied = make([]uint64, n)
		}
		copied := s.copied[:n]
		if err := rc.leafHashes(pr, s.ptypes[k], r, c, nil, copied, true); err != nil {
			return err
		}
		for j := range pr.paths {
			for l := j * maxLeaves; l < (j+1)*maxLeaves; l++ {
				o := s.rows[i].leaves[off+l]
				if o == 0 || o == s.pnoChange[k][j] {
					continue
				}
				s.pcompared[k][j]++
				if copied[l] == o {
					s.punchanged[k][j]++
				}
			}
		}
		off += n
	}
	for j, c := range s.ruled {
		o := orig[c]
		if o == 0 || o == s.noChange[j] {
			continue // NULL stays NULL; const leaves its own value
		}
		s.compared[j]++
		if s.fields[c] == o {
			s.unchanged[j]++
		}
	}
	return nil
}

// findings reports the ruled columns whose sampled values mostly kept
// their original value.
func (rc *rowChecker) findings() []Finding {
	var out []Finding
	for _, s := range rc.tables {
		if s.compared == nil {
			continue
		}
		by := "primary key"
		if s.keyCols == nil {
			by = "row position"
		}
		for j, c := range s.ruled {
			n, u := s.compared[j], s.unchanged[j]
			if n == 0 || float64(u) <= unchangedShare*float64(n) {
				continue
			}
			out = append(out, Finding{Kind: "unchanged", Confidence: high, Table: s.name, Column: s.cols[c], Count: u,
				Message: fmt.Sprintf("%d of %d sampled rows (matched by %s) keep their original value in this column, which the rules rewrite with %s: is the copy the original?", u, n, by, s.rules[j].Transform)})
		}
		for k, c := range s.pcols {
			pr := s.prules[k]
			for j, path := range pr.paths {
				n, u := s.pcompared[k][j], s.punchanged[k][j]
				if n == 0 || float64(u) <= unchangedShare*float64(n) {
					continue
				}
				out = append(out, Finding{Kind: "unchanged", Confidence: high, Table: s.name, Column: s.cols[c], Count: u, Paths: []string{path},
					Message: fmt.Sprintf("at %s: %d of %d sampled leaves (in rows matched by %s) keep their original value, which the rules rewrite with %s: is the copy the original?", path, u, n, by, pr.rules[j].Transform)})
			}
		}
	}
	return out
}
