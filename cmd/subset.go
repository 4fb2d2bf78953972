package cmd

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
	"github.com/anondump/anondump/subset"
)

// subsetConfig turns the rules' where:, sample:, only_referenced: and
// cascade: into the cascade's configuration under key.
func subsetConfig(plan *rules.Plan, key fakers.Key) (subset.Config, error) {
	rs := plan.Rules()
	cfg := subset.Config{Tables: map[[2]string]subset.TableOptions{}, Filter: plan.Filter}
	for _, t := range rs.Tables {
		if !t.Subsets() {
			continue
		}
		if t.Database != "" && (t.Sample > 0 || t.SampleRows > 0 || t.OnlyReferenced) {
			return cfg, rules.ErrorList{{Pos: t.Pos, Path: t.Path(), Msg: "sample: and only_referenced: work on one database; put the rule under tables: and dump the database with pg_dump"}}
		}
		if t.Database != "" {
			continue // a where: under databases: does not cascade (pg_dumpall)
		}
		cfg.Tables[[2]string{t.Schema, t.Name}] = subset.TableOptions{
			Where: t.Where != "", Sample: t.Sample, SampleRows: t.SampleRows, Domain: t.SampleDomain,
			OnlyReferenced: t.OnlyReferenced, NoCascade: t.NoCascade, Rule: t.Pos.String(),
		}
	}
	h0, h1 := key.Domain("anondump subset key sets").Sum(nil)
	binary.LittleEndian.PutUint64(cfg.HashKey[:8], h0)
	binary.LittleEndian.PutUint64(cfg.HashKey[8:], h1)
	cfg.Sample = func(domain string) func([]byte) uint64 {
		prf := key.Domain("anondump sample " + domain)
		return func(b []byte) uint64 {
			h, _ := prf.Sum(b)
			return h
		}
	}
	return cfg, nil
}

// subsetRun is the cascade of a run.
type subsetRun struct {
	g *subset.Graph
	// survey, for an archive read once, builds g from the archive's TOC
	// when the rewrite has read it (ArchiveOptions.Survey).
	survey func(s *dumpstream.Survey) error
	t      deferredTransformer
}

// transformer returns the run's Transformer: inner, with the cascade.
func (r *subsetRun) transformer(inner dumpstream.Transformer) dumpstream.Transformer {
	switch {
	case r == nil:
		return inner
	case r.g != nil:
		return r.g.Transformer(inner)
	}
	r.t.Transformer = inner
	return &r.t
}

// graph is the cascade's graph, nil when there is none (yet).
func (r *subsetRun) graph() *subset.Graph {
	if r == nil {
		return nil
	}
	return r.g
}

// deferredTransformer is a Transformer set once the archive's TOC is read.
type deferredTransformer struct{ dumpstream.Transformer }

func (d *deferredTransformer) EndTable(t *dumpstream.Table, rows int64) {
	if te, ok := d.Transformer.(dumpstream.TableEnder); ok {
		te.EndTable(t, rows)
	}
}

// prepareSubset builds the cascade of a run and computes, in passes over
// the input, the sets the rewrite cannot compute as it goes. It returns
// nil when the rules filter, sample and cascade nothing. An archive read
// once (from a pipe) gets its graph from its TOC when the rewrite reads
// it, and is refused then, before anything is written, if it needs a
// pass; a plain dump read once is refused at once (its foreign keys come
// after its data).
func prepareSubset(in *input, plan *rules.Plan, key fakers.Key, opts dumpstream.Options, noInline bool) (*subsetRun, error) {
	if !rereadable(in) && in.container != "" {
		cfg, err := subsetConfig(plan, key)
		if err != nil || !subset.Active(cfg) {
			return nil, err
		}
		r := &subsetRun{}
		r.survey = func(s *dumpstream.Survey) error {
			g, err := subset.NewGraph(s, cfg)
			if err != nil {
				return rules.ErrorList{{Pos: rules.Pos{File: plan.Rules().File}, Msg: err.Error()}}
			}
			if ok, pre := g.OnePass(); !ok {
				return rules.ErrorList{{Pos: rules.Pos{File: plan.Rules().File}, Msg: fmt.Sprintf(
					"the cascade needs the keys of %s before the archive's order gives them, so the archive must be read more than once, and a pipe can be read only once: pass the archive as a file",
					strings.Join(pre, ", "))}}
			}
			r.g = g
			r.t.Transformer = g.Transformer(r.t.Transformer)
			return nil
		}
		return r, nil
	}
	g, walk, err := buildSubset(in, plan, key, opts, noInline)
	if g == nil || err != nil {
		return nil, err
	}
	if err := decide(g, in, walk, opts); err != nil {
		return nil, err
	}
	return &subsetRun{g: g}, nil
}

// buildSubset builds the cascade's graph from a survey of the input, and
// returns the walk that reads the input once more.
func buildSubset(in *input, plan *rules.Plan, key fakers.Key, opts dumpstream.Options, noInline bool) (*subset.Graph, func(dumpstream.Visitor) error, error) {
	cfg, err := subsetConfig(plan, key)
	if err != nil {
		return nil, nil, err
	}
	cfg.NoInline = noInline
	if !subset.Active(cfg) {
		return nil, nil, nil
	}
	if !rereadable(in) {
		names := subset.Filtering(cfg)
		what := "a dump on standard input"
		if in.container == "" {
			what += " (a plain dump gives its foreign keys only after its data)"
		}
		return nil, nil, rules.ErrorList{{Pos: rules.Pos{File: plan.Rules().File}, Msg: fmt.Sprintf(
			"the rules filter or sample %s, and the rows of other tables that reference dropped rows must go too, which needs the dump read more than once; "+
				"%s can be read only once: pass the dump as a file (anondump -c %s dump.sql), or use pg_dump -Fc and pass the archive; a filtered table that no foreign key references needs no cascade: say cascade: false on it",
			strings.Join(names, ", "), what, plan.Rules().File)}}
	}
	reopen := func() (io.Reader, func(), error) {
		if in.container == formatDirectory {
			return in.r, func() {}, nil
		}
		again, err := openInput(in.path, nil, "anondump", false)
		if err != nil {
			return nil, nil, err
		}
		return again.r, again.Close, nil
	}
	wopt := dumpstream.Options{Name: opts.Name, AnySQL: opts.AnySQL, SkipUnread: true}
	walk := func(v dumpstream.Visitor) error {
		r, done, err := reopen()
		if err != nil {
			return err
		}
		defer done()
		_, err = dumpstream.WalkAny(r, v, wopt)
		return err
	}
	r, done, err := reopen()
	if err != nil {
		return nil, nil, err
	}
	survey, err := dumpstream.SurveyAny(r, wopt)
	done()
	if err != nil {
		return nil, nil, err
	}
	g, err := subset.NewGraph(survey, cfg)
	if err != nil {
		return nil, nil, rules.ErrorList{{Pos: rules.Pos{File: plan.Rules().File}, Msg: err.Error()}}
	}
	return g, walk, nil
}

// checkSubset is check's view of the cascade: the foreign keys that drive
// it, the rows each table would keep (under key: a sample depends on it),
// and how many passes a run takes. It is nil when the rules cascade
// nothing.
func checkSubset(in *input, rs *rules.Rules, key fakers.Key, anySQL bool) (*cascadeCheck, error) {
	plan := rules.NewPlan(rs, key)
	opts := dumpstream.Options{Name: in.name, AnySQL: anySQL}
	g, walk, err := buildSubset(in, plan, key, opts, false)
	if g == nil || err != nil {
		return nil, err
	}
	if err := decide(g, in, walk, opts); err != nil {
		return nil, err
	}
	if err := g.Count(walk); err != nil {
		return nil, err
	}
	c := &cascadeCheck{ForeignKeys: g.Edges(), Passes: g.Passes(), Reads: g.Reads(), Tables: []cascadeCheckTable{}}
	if ok, pre := g.OnePass(); !ok {
		c.NeedPass = pre
	}
	for _, t := range g.Report() {
		f := 1.0
		if t.Rows > 0 {
			f = float64(t.Kept()) / float64(t.Rows)
		}
		c.Tables = append(c.Tables, cascadeCheckTable{Table: t.Table, Rows: t.Rows, Kept: t.Kept(), KeptFraction: f})
	}
	return c, nil
}

// cascadeCheck is check's report of the cascade.
type cascadeCheck struct {
	ForeignKeys []string            `json:"foreign_keys"`
	Tables      []cascadeCheckTable `json:"tables"`
	Passes      int                 `json:"passes"`              // over the input before a run's rewrite
	Reads       int                 `json:"table_reads"`         // tables of an archive read alone before it
	NeedPass    []string            `json:"need_pass,omitempty"` // tables whose keys come too late for one pass
}

type cascadeCheckTable struct {
	Table        string  `json:"table"`
	Rows         int64   `json:"rows"`
	Kept         int64   `json:"kept"`
	KeptFraction float64 `json:"kept_fraction"`
}

func (c *cascadeCheck) print(w io.Writer, name string) {
	fmt.Fprintf(w, "%s: cascade: the foreign keys that carry the filters' drops:\n", name)
	for _, e := range c.ForeignKeys {
		fmt.Fprintf(w, "  %s\n", e)
	}
	fmt.Fprintf(w, "%s: cascade: rows kept (a sample depends on the key):\n", name)
	for _, t := range c.Tables {
		fmt.Fprintf(w, "  %s: %d of %d (%.1f%%)\n", t.Table, t.Kept, t.Rows, 100*t.KeptFraction)
	}
	switch {
	case len(c.NeedPass) == 0:
		fmt.Fprintf(w, "%s: cascade: the input's order allows one pass: a run works on a pipe too\n", name)
	case c.Reads > 0:
		fmt.Fprintf(w, "%s: cascade: a run reads %d table(s) alone before the rewrite, for the keys of %s (the archive allows it; from a pipe, the run would be refused)\n",
			name, c.Reads, strings.Join(c.NeedPass, ", "))
	default:
		fmt.Fprintf(w, "%s: cascade: a run takes %d pass(es) over the input before the rewrite, for the keys of %s; give it a file or a -Fc archive, not a pipe\n",
			name, c.Passes, strings.Join(c.NeedPass, ", "))
	}
}

// decide runs the cascade's reads before the rewrite: single tables of an
// archive that allows it (a directory, a tar file, a custom archive in a
// file with its data offsets), else passes over the input.
func decide(g *subset.Graph, in *input, walk func(dumpstream.Visitor) error, opts dumpstream.Options) error {
	var read func(*dumpstream.Table, dumpstream.Visitor) error
	if in.container == formatDirectory || (in.container == formatCustom || in.container == formatTar) && in.outer == nil {
		at, err := dumpstream.OpenArchiveTables(in.dir, in.path, dumpstream.Options{Name: opts.Name, AnySQL: opts.AnySQL})
		switch {
		case err == nil:
			defer at.Close()
			read = func(t *dumpstream.Table, v dumpstream.Visitor) error { return at.Read(t.Schema, t.Name, v) }
		case !errors.Is(err, dumpstream.ErrNoRandomAccess):
			return err
		}
	}
	return g.Decide(walk, read)
}

// rereadable: the input is a regular file or a directory.
func rereadable(in *input) bool {
	if in.container == formatDirectory {
		return true
	}
	if in.path == "" {
		return false
	}
	st, err := os.Stat(in.path)
	return err == nil && st.Mode().IsRegular()
}

// subsetReport is the cascade's part of the run report.
type subsetReport struct {
	Passes      int                 `json:"passes"`      // over the input before the rewrite
	Reads       int                 `json:"table_reads"` // tables of an archive read alone before it
	KeySetBytes int64               `json:"key_set_bytes"`
	Tables      []subsetTableReport `json:"tables"`
}

type subsetTableReport struct {
	Table        string           `json:"table"`
	Filtered     int64            `json:"dropped_by_filter"`
	Sampled      int64            `json:"dropped_by_sample"`
	Unreferenced int64            `json:"dropped_unreferenced"`
	Cascaded     map[string]int64 `json:"dropped_by_cascade_from,omitempty"`
	Nulled       map[string]int64 `json:"set_null_from,omitempty"`
}

func newSubsetReport(g *subset.Graph) *subsetReport {
	if g == nil {
		return nil
	}
	r := &subsetReport{Passes: g.Passes(), Reads: g.Reads(), KeySetBytes: g.SetBytes(), Tables: []subsetTableReport{}}
	for _, t := range g.Report() {
		r.Tables = append(r.Tables, subsetTableReport{Table: t.Table, Filtered: t.Filtered, Sampled: t.Sampled,
			Unreferenced: t.Unreferenced, Cascaded: t.Cascaded, Nulled: t.Nulled})
	}
	return r
}

// printSubset prints why rows were dropped.
func (r *subsetReport) print(ui printer) {
	if r == nil {
		return
	}
	if r.Reads > 0 {
		ui.infof("  cascade: %d tables read before the rewrite, key sets %s", r.Reads, humanBytes(r.KeySetBytes))
	} else {
		ui.infof("  cascade: %d passes before the rewrite, key sets %s", r.Passes, humanBytes(r.KeySetBytes))
	}
	for _, t := range r.Tables {
		var why []string
		if t.Filtered > 0 {
			why = append(why, fmt.Sprintf("%d by its where:", t.Filtered))
		}
		if t.Sampled > 0 {
			why = append(why, fmt.Sprintf("%d by its sample:", t.Sampled))
		}
		if t.Unreferenced > 0 {
			why = append(why, fmt.Sprintf("%d unreferenced", t.Unreferenced))
		}
		for _, k := range slices.Sorted(maps.Keys(t.Cascaded)) {
			why = append(why, fmt.Sprintf("%d by cascade from %s", t.Cascaded[k], k))
		}
		for _, k := range slices.Sorted(maps.Keys(t.Nulled)) {
			why = append(why, fmt.Sprintf("%d keys set to NULL (dropped rows of %s)", t.Nulled[k], k))
		}
		if len(why) == 0 {
			why = append(why, "nothing dropped")
		}
		ui.infof("  %s: %s", t.Table, strings.Join(why, ", "))
	}
}
