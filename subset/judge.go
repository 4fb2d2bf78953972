package subset

import (
	"container/heap"

	"github.com/anondump/anondump/dumpstream"
)

// TableStats count what the cascade did to one table's rows in the
// rewrite.
type TableStats struct {
	// Rows counts the table's rows in the input.
	Rows int64
	// Filtered: rows its own where: dropped; Sampled: rows its sample:
	// left out; Unreferenced: rows only_referenced: dropped.
	Filtered, Sampled, Unreferenced int64
	// Cascaded counts the rows dropped because a row they reference was,
	// by the referenced table.
	Cascaded map[string]int64
	// Nulled counts the rows whose ON DELETE SET NULL key was set to
	// NULL, by the referenced table.
	Nulled map[string]int64
}

// Kept returns the rows kept.
func (s *TableStats) Kept() int64 {
	k := s.Rows - s.Filtered - s.Sampled - s.Unreferenced
	for _, v := range s.Cascaded {
		k -= v
	}
	return k
}

func (s *TableStats) add(o *TableStats) {
	s.Rows += o.Rows
	s.Filtered += o.Filtered
	s.Sampled += o.Sampled
	s.Unreferenced += o.Unreferenced
	for k, v := range o.Cascaded {
		if s.Cascaded == nil {
			s.Cascaded = map[string]int64{}
		}
		s.Cascaded[k] += v
	}
	for k, v := range o.Nulled {
		if s.Nulled == nil {
			s.Nulled = map[string]int64{}
		}
		s.Nulled[k] += v
	}
}

// judge decides the fate of one table's rows, on one goroutine.
type judge struct {
	n      *node
	own    dumpstream.RowFilter
	sample func([]byte) uint64
	// record: the keys of the judged rows go into the sets: directly in
	// a pass (sets, refs), or into local sets merged at the end of the
	// table in the rewrite (local).
	record bool
	local  bool // drops and references into local sets
	// localRefs: only the references go into local sets (a cycle's
	// passes: a row kept in one pass may be dropped in the next, so only
	// the references of the last pass count).
	localRefs bool
	drops     map[*refSet]*KeySet // local dropped keys, by set
	refs      map[*refSet]*KeySet // local referenced keys, by set
	grew      bool                // a recorded key was new (passes)
	nulls     []bool              // per column: NULL in the current row
	kf        [][]byte
	key       []byte
	pkey      []byte // a referenced sampled key, for isDropped
	stats     TableStats
	hkey      [16]byte
}

func (g *Graph) newJudge(n *node, own dumpstream.RowFilter, record, local bool) *judge {
	j := &judge{n: n, own: own, record: record, local: local, nulls: make([]bool, len(n.table.Columns)), hkey: g.cfg.HashKey}
	if n.pk != nil {
		j.sample = g.cfg.Sample(n.sampleDomain())
	}
	j.drops, j.refs = map[*refSet]*KeySet{}, map[*refSet]*KeySet{}
	return j
}

// fields gathers the key columns ix of a row; false when one is NULL (a
// NULL key references nothing).
func (j *judge) fields(fields [][]byte, ix []int) bool {
	j.kf = j.kf[:0]
	for _, i := range ix {
		f := fields[i]
		if len(f) == 2 && f[0] == '\\' && f[1] == 'N' {
			return false
		}
		j.kf = append(j.kf, f)
	}
	return true
}

// sampleKey is the row's hash in its sampling domain.
func (j *judge) sampleKey(fields [][]byte) uint64 {
	j.kf = j.kf[:0]
	for _, i := range j.n.pk {
		j.kf = append(j.kf, fields[i])
	}
	j.key = appendSampleKey(j.key[:0], j.kf)
	return j.sample(j.key)
}

// appendSampleKey appends the text a sample hashes for a primary key:
// each field, followed by a tab.
func appendSampleKey(dst []byte, fields [][]byte) []byte {
	for _, f := range fields {
		dst = append(dst, f...)
		dst = append(dst, '\t')
	}
	return dst
}

// Keep implements dumpstream.RowFilter: it judges a row by its own
// filter and sample, then by the rows it references, then (for
// only_referenced) by the rows that reference it, and records its keys.
func (j *judge) Keep(fields [][]byte) (bool, error) {
	n := j.n
	for i := range j.nulls {
		j.nulls[i] = false
	}
	keep := true
	if j.own != nil {
		ok, err := j.own.Keep(fields)
		if err != nil {
			return false, err
		}
		if !ok {
			keep = false
			j.stats.Filtered++
		}
	}
	sampledOut := false
	if keep && j.sample != nil && n.threshold != ^uint64(0) && j.sampleKey(fields) >= n.threshold {
		keep, sampledOut = false, true
		j.stats.Sampled++
	}
	if keep {
		for _, e := range n.out {
			if e.setNull != nil || e.set.dropped == nil || !j.fields(fields, e.cols) || !j.isDropped(e.set) {
				continue
			}
			keep = false
			j.count(&j.stats.Cascaded, e.set.table)
			break
		}
	}
	if keep {
		for _, e := range n.out {
			if e.setNull == nil || e.set.dropped == nil || !j.fields(fields, e.cols) || !j.isDropped(e.set) {
				continue
			}
			for _, i := range e.setNull {
				j.nulls[i] = true
			}
			j.count(&j.stats.Nulled, e.set.table)
		}
	}
	if keep && n.only {
		found := false
		for _, s := range n.sets {
			if s.ref != nil && j.fields(fields, s.idx[n]) && s.ref.Contains(j.kf) {
				found = true
				break
			}
		}
		if !found {
			keep = false
			j.stats.Unreferenced++
		}
	}
	if !j.record {
		return keep, nil
	}
	if !keep {
		for _, s := range n.sets {
			if sampledOut && s.sampler == n {
				continue // isDropped tells it from the key itself
			}
			if s.dropped != nil && !n.opt.NoCascade && j.fields(fields, s.idx[n]) {
				j.add(s, s.dropped, j.drops, j.local)
			}
		}
		return false, nil
	}
	for _, e := range n.out {
		if e.set.ref == nil || !j.fields(fields, e.cols) {
			continue
		}
		nulled := false
		for _, i := range e.cols {
			nulled = nulled || j.nulls[i]
		}
		if !nulled {
			j.add(e.set, e.set.ref, j.refs, j.local || j.localRefs)
		}
	}
	return true, nil
}

// isDropped reports whether the gathered key is of a dropped row of set
// s: in its set, or left out by the sample of the table it is the primary
// key of (those keys are not stored: the sample tells them again).
func (j *judge) isDropped(s *refSet) bool {
	if s.dropped.Contains(j.kf) {
		return true
	}
	if s.sampler == nil || s.sampler.threshold == ^uint64(0) {
		return false
	}
	j.pkey = appendSampleKey(j.pkey[:0], j.kf)
	return s.sampleHash(j.pkey) >= s.sampler.threshold
}

func (j *judge) count(m *map[string]int64, t [2]string) {
	if *m == nil {
		*m = map[string]int64{}
	}
	(*m)[qualified(t)]++
}

// add records the gathered key in set, or in its local copy.
func (j *judge) add(s *refSet, set *KeySet, local map[*refSet]*KeySet, isLocal bool) {
	if isLocal {
		l := local[s]
		if l == nil {
			l = NewKeySet(j.hkey)
			local[s] = l
		}
		l.Add(j.kf)
		return
	}
	before := set.Len()
	set.Add(j.kf)
	if set.Len() != before {
		j.grew = true
		s.grew = true
	}
}

// nuller sets a column to NULL in the rows whose ON DELETE SET NULL key
// points at a dropped row, and otherwise rewrites it as before.
type nuller struct {
	j     *judge
	col   int
	inner dumpstream.ColumnRewriter
}

func (c *nuller) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if c.j.nulls[c.col] {
		return dst, true, nil
	}
	if c.inner != nil {
		return c.inner.Rewrite(dst, value, null)
	}
	return append(dst, value...), null, nil
}

// SetRow passes the row on to a rewriter that reads it.
func (c *nuller) SetRow(fields [][]byte) {
	if rr, ok := c.inner.(dumpstream.RowReader); ok {
		rr.SetRow(fields)
	}
}

// bottomK keeps the k smallest hashes seen, for sample: N rows.
type bottomK struct {
	k int
	h uint64Heap
}

type uint64Heap []uint64

func (h uint64Heap) Len() int           { return len(h) }
func (h uint64Heap) Less(i, j int) bool { return h[i] > h[j] } // max-heap
func (h uint64Heap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *uint64Heap) Push(x any)        { *h = append(*h, x.(uint64)) }
func (h *uint64Heap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// newBottomK keeps the hashes of sample: N rows table n (at most 2^26,
// 512 MiB of hashes).
func newBottomK(n *node) *bottomK {
	return &bottomK{k: int(min(n.opt.SampleRows, 1<<26))}
}

func (b *bottomK) add(v uint64) {
	switch {
	case len(b.h) < b.k:
		heap.Push(&b.h, v)
	case v < b.h[0]:
		b.h[0] = v
		heap.Fix(&b.h, 0)
	}
}

// threshold keeps the k smallest: every hash below the k-th smallest + 1.
func (b *bottomK) threshold() uint64 {
	if len(b.h) < b.k {
		return ^uint64(0)
	}
	return b.h[0] + 1
}
