package subset

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math/rand"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

// A random schema: tables t0…tN-1 with an integer primary key id and
// foreign keys among them (self-references and cycles included), its rows
// in a consistent state, and filters on some tables.
type rschema struct {
	tables []*rtable
	order  []int // the order of the data blocks in the dump
}

type rtable struct {
	name    string
	fks     []rfk
	rows    [][]int // id, then one value per fk (-1: NULL)
	filter  int     // where: keeps the rows with id % filter != 0 (0: none)
	sample  float64
	only    bool
	noCasc  bool
	dropped map[int]bool // the reference result
}

type rfk struct {
	parent  int
	setNull bool
	notNull bool
}

func (s *rschema) colName(i int) string { return fmt.Sprintf("fk%d", i) }

func randomSchema(rng *rand.Rand) *rschema {
	s := &rschema{}
	n := 3 + rng.Intn(5)
	for i := range n {
		s.tables = append(s.tables, &rtable{name: fmt.Sprintf("t%d", i)})
	}
	// only_referenced tables have no foreign keys of their own.
	for i, t := range s.tables {
		if i > 0 && rng.Intn(5) == 0 {
			t.only = true
			continue
		}
		for range rng.Intn(3) {
			p := rng.Intn(n)
			fk := rfk{parent: p, setNull: rng.Intn(3) == 0, notNull: rng.Intn(4) == 0}
			t.fks = append(t.fks, fk)
		}
		switch rng.Intn(4) {
		case 0:
			t.filter = 2 + rng.Intn(5)
		case 1:
			t.sample = 0.3 + 0.5*rng.Float64()
		}
		t.noCasc = t.filter > 0 && rng.Intn(6) == 0
	}
	// Rows: ids 1..m; a key points at an existing id or is NULL; a
	// self-reference points at a smaller id (chains), other keys anywhere.
	for ti, t := range s.tables {
		m := 5 + rng.Intn(40)
		for id := 1; id <= m; id++ {
			row := []int{id}
			for _, fk := range t.fks {
				v := -1
				if fk.notNull || rng.Intn(4) != 0 {
					if fk.parent == ti {
						if id > 1 {
							v = 1 + rng.Intn(id-1)
						} else if fk.notNull {
							v = 1
						}
					} else {
						v = -2 // filled below, once the parent's size is known
					}
				}
				row = append(row, v)
			}
			t.rows = append(t.rows, row)
		}
	}
	for _, t := range s.tables {
		for _, row := range t.rows {
			for k, fk := range t.fks {
				if row[1+k] == -2 {
					row[1+k] = 1 + rng.Intn(len(s.tables[fk.parent].rows))
				}
			}
		}
	}
	s.order = rng.Perm(n)
	return s
}

func (s *rschema) dump() string {
	var b strings.Builder
	b.WriteString("--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n")
	for _, t := range s.tables {
		fmt.Fprintf(&b, "CREATE TABLE public.%s (\n    id integer NOT NULL", t.name)
		for k, fk := range t.fks {
			fmt.Fprintf(&b, ",\n    %s integer", s.colName(k))
			if fk.notNull {
				b.WriteString(" NOT NULL")
			}
		}
		b.WriteString("\n);\n")
	}
	for _, i := range s.order {
		t := s.tables[i]
		cols := []string{"id"}
		for k := range t.fks {
			cols = append(cols, s.colName(k))
		}
		fmt.Fprintf(&b, "COPY public.%s (%s) FROM stdin;\n", t.name, strings.Join(cols, ", "))
		for _, row := range t.rows {
			for c, v := range row {
				if c > 0 {
					b.WriteByte('\t')
				}
				if v < 0 {
					b.WriteString(`\N`)
				} else {
					b.WriteString(strconv.Itoa(v))
				}
			}
			b.WriteByte('\n')
		}
		b.WriteString("\\.\n\n")
	}
	for _, t := range s.tables {
		fmt.Fprintf(&b, "ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_pkey PRIMARY KEY (id);\n", t.name, t.name)
	}
	for _, t := range s.tables {
		for k, fk := range t.fks {
			on := ""
			if fk.setNull {
				on = " ON DELETE SET NULL"
			}
			fmt.Fprintf(&b, "ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_%s_fkey FOREIGN KEY (%s) REFERENCES public.%s(id)%s;\n",
				t.name, t.name, s.colName(k), s.colName(k), s.tables[fk.parent].name, on)
		}
	}
	b.WriteString("\n--\n-- PostgreSQL database dump complete\n--\n\n")
	return b.String()
}

// testSample is the sampling hash of the tests: keyed by the domain.
func testSample(domain string) func([]byte) uint64 {
	return func(b []byte) uint64 {
		h := fnv.New64a()
		h.Write([]byte(domain))
		h.Write(b)
		x := h.Sum64()
		// fnv's high bits are weak on short inputs: mix them.
		x ^= x >> 33
		x *= 0xff51afd7ed558ccd
		x ^= x >> 33
		return x
	}
}

// reference computes the kept rows as a database would: the filters and
// samples, then ON DELETE CASCADE (and NO ACTION, which the cascade
// treats alike) to a fixed point, then only_referenced, then SET NULL.
func (s *rschema) reference() {
	for _, t := range s.tables {
		t.dropped = map[int]bool{}
		for _, row := range t.rows {
			id := row[0]
			if t.filter > 0 && id%t.filter == 0 {
				t.dropped[id] = true
			}
			if t.sample > 0 && !t.dropped[id] && testSample("public."+t.name)([]byte(strconv.Itoa(id)+"\t")) >= fractionThreshold(t.sample) {
				t.dropped[id] = true
			}
		}
	}
	// A table's drops cascade unless it says cascade: false; a row
	// dropped by cascade cascades on (its table's cascade: false is
	// about its own filter's drops, but the test keeps it simple and
	// only sets cascade: false on tables nothing else drops rows of).
	for changed := true; changed; {
		changed = false
		for _, t := range s.tables {
			for _, row := range t.rows {
				if t.dropped[row[0]] {
					continue
				}
				for k, fk := range t.fks {
					p := s.tables[fk.parent]
					v := row[1+k]
					if v < 0 || p.noCasc || !p.dropped[v] || fk.setNull && !fk.notNull {
						continue
					}
					t.dropped[row[0]] = true
					changed = true
					break
				}
			}
		}
	}
	for pi, p := range s.tables {
		if !p.only {
			continue
		}
		ref := map[int]bool{}
		for _, t := range s.tables {
			for _, row := range t.rows {
				if t.dropped[row[0]] {
					continue
				}
				for k, fk := range t.fks {
					if fk.parent == pi && row[1+k] >= 0 {
						ref[row[1+k]] = true
					}
				}
			}
		}
		for _, row := range p.rows {
			if !ref[row[0]] {
				p.dropped[row[0]] = true
			}
		}
	}
}

// expected returns the output rows of table i as COPY text.
func (s *rschema) expected(i int) []string {
	t := s.tables[i]
	var out []string
	for _, row := range t.rows {
		if t.dropped[row[0]] {
			continue
		}
		var f []string
		for c, v := range row {
			if c > 0 {
				fk := t.fks[c-1]
				p := s.tables[fk.parent]
				if v >= 0 && fk.setNull && !fk.notNull && p.dropped[v] && !p.noCasc {
					v = -1
				}
			}
			if v < 0 {
				f = append(f, `\N`)
			} else {
				f = append(f, strconv.Itoa(v))
			}
		}
		out = append(out, strings.Join(f, "\t"))
	}
	return out
}

// modFilter keeps the rows whose first column is not a multiple of m.
type modFilter struct{ m int }

func (f modFilter) Keep(fields [][]byte) (bool, error) {
	id, err := strconv.Atoi(string(fields[0]))
	return err != nil || id%f.m != 0, err
}

// nilTransformer rewrites nothing: the cascade adds the only plans.
type nilTransformer struct{}

func (nilTransformer) Table(*dumpstream.Table) (*dumpstream.TablePlan, error) { return nil, nil }

func (s *rschema) config() Config {
	cfg := Config{Tables: map[[2]string]TableOptions{}, Sample: testSample}
	for _, t := range s.tables {
		if t.filter > 0 || t.sample > 0 || t.only {
			cfg.Tables[[2]string{"public", t.name}] = TableOptions{Where: t.filter > 0, Sample: t.sample, OnlyReferenced: t.only, NoCascade: t.noCasc, Rule: "test"}
		}
	}
	cfg.Filter = func(tb *dumpstream.Table) (dumpstream.RowFilter, error) {
		for _, t := range s.tables {
			if t.name == tb.Name && t.filter > 0 {
				return modFilter{t.filter}, nil
			}
		}
		return nil, nil
	}
	return cfg
}

// onlyTable is a walk's visitor that shows v the block of one table.
type onlyTable struct {
	dumpstream.NopVisitor
	name string
	v    dumpstream.Visitor
}

func (o *onlyTable) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	if b.Table.Name != o.name {
		return nil, nil
	}
	return o.v.Block(b)
}

func (o *onlyTable) EndBlock(b *dumpstream.Block, rows int64) error {
	if b.Table.Name != o.name {
		return nil
	}
	return o.v.EndBlock(b, rows)
}

// walkOf walks dump for a visitor, counting the walks in *walks.
func walkOf(dump string, walks *int) func(v dumpstream.Visitor) error {
	return func(v dumpstream.Visitor) error {
		*walks++
		_, err := dumpstream.WalkAny(strings.NewReader(dump), v, dumpstream.Options{Name: "test.sql"})
		return err
	}
}

// run anonymizes the dump through the cascade, deciding by passes.
func run(t *testing.T, dump string, cfg Config, workers int) (string, *Graph, error) {
	t.Helper()
	return runWith(t, dump, cfg, workers, false)
}

// runWith anonymizes the dump through the cascade; random reads each
// table alone before the rewrite (as from an archive), as a walk that
// shows only that table.
func runWith(t *testing.T, dump string, cfg Config, workers int, random bool) (string, *Graph, error) {
	t.Helper()
	sv, err := dumpstream.SurveyAny(strings.NewReader(dump), dumpstream.Options{Name: "test.sql"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGraph(sv, cfg)
	if err != nil {
		return "", nil, err
	}
	walk := walkOf(dump, new(int))
	var read func(tb *dumpstream.Table, v dumpstream.Visitor) error
	if random {
		read = func(tb *dumpstream.Table, v dumpstream.Visitor) error {
			return walk(&onlyTable{name: tb.Name, v: v})
		}
	}
	err = g.Decide(walk, read)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := dumpstream.Rewrite(&out, strings.NewReader(dump), g.Transformer(nilTransformer{}), dumpstream.Options{Name: "test.sql", Workers: workers}); err != nil {
		t.Fatal(err)
	}
	return out.String(), g, nil
}

// copyRows returns the rows of table name's COPY block in dump.
func copyRows(dump, name string) []string {
	_, rest, ok := strings.Cut(dump, "COPY public."+name+" ")
	if !ok {
		return nil
	}
	_, rest, _ = strings.Cut(rest, "\n")
	body, _, _ := strings.Cut(rest, "\\.\n")
	if body == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(body, "\n"), "\n")
}

// TestRandomGraphs: random foreign-key graphs (chains, fans,
// self-references, cycles, SET NULL, NOT NULL keys) and random filters,
// samples and only_referenced, in a random order of the data: the rows
// kept and the keys set to NULL are those the reference computes, for 1
// and 4 workers alike.
func TestRandomGraphs(t *testing.T) {
	for seed := int64(1); seed <= 300; seed++ {
		rng := rand.New(rand.NewSource(seed))
		s := randomSchema(rng)
		s.reference()
		dump := s.dump()
		out, g, err := run(t, dump, s.config(), 1)
		if err != nil {
			if strings.Contains(err.Error(), "only_referenced:") {
				continue // a refusal the message explains
			}
			t.Fatalf("seed %d: %v\n%s", seed, err, dump)
		}
		for i, tb := range s.tables {
			got, want := copyRows(out, tb.name), s.expected(i)
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d: table %s (passes %d):\ngot  %q\nwant %q\n%s", seed, tb.name, g.Passes(), got, want, dump)
			}
		}
		out4, _, _ := run(t, dump, s.config(), 4)
		if out4 != out {
			t.Fatalf("seed %d: 4 workers write another output", seed)
		}
		outR, gr, _ := runWith(t, dump, s.config(), 1, true)
		if outR != out {
			t.Fatalf("seed %d: deciding by reading tables alone writes another output", seed)
		}
		if gr.Passes() != 0 {
			t.Fatalf("seed %d: reading tables alone made %d passes", seed, gr.Passes())
		}
	}
}

// TestOnePass: when every table comes after the tables it needs, the
// rewrite judges them as it goes, without a pass; a child before its
// parent needs one.
func TestOnePass(t *testing.T) {
	s := &rschema{tables: []*rtable{
		{name: "users", filter: 2, rows: [][]int{{1}, {2}, {3}, {4}}},
		{name: "orders", fks: []rfk{{parent: 0}}, rows: [][]int{{1, 1}, {2, 2}, {3, 4}, {4, -1}}},
	}, order: []int{0, 1}}
	s.reference()
	out, g, err := run(t, s.dump(), s.config(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := g.OnePass(); !ok || g.Passes() != 0 {
		t.Errorf("parent first: one pass %v, %d passes", ok, g.Passes())
	}
	if got := copyRows(out, "orders"); !slices.Equal(got, []string{"1\t1", "4\t\\N"}) {
		t.Errorf("orders = %q", got)
	}
	rep := g.Report()
	if len(rep) != 2 || rep[0].Filtered != 2 || rep[1].Cascaded["public.users"] != 2 {
		t.Errorf("report = %+v", rep)
	}
	// Count (for check) judges the same rows without writing.
	dump := s.dump()
	sv, _ := dumpstream.SurveyAny(strings.NewReader(dump), dumpstream.Options{})
	cg, err := NewGraph(sv, s.config())
	if err != nil {
		t.Fatal(err)
	}
	walk := walkOf(dump, new(int))
	if err := cg.Decide(walk, nil); err != nil {
		t.Fatal(err)
	}
	if err := cg.Count(walk); err != nil {
		t.Fatal(err)
	}
	crep := cg.Report()
	if len(crep) != 2 || crep[0].Rows != 4 || crep[0].Kept() != 2 || crep[1].Rows != 4 || crep[1].Kept() != 2 || crep[1].Cascaded["public.users"] != 2 {
		t.Errorf("count report = %+v", crep)
	}
	if rep[1].Rows != 4 || rep[1].Kept() != 2 {
		t.Errorf("rewrite report rows = %+v", rep[1])
	}

	s.order = []int{1, 0}
	_, g, err = run(t, s.dump(), s.config(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if ok, pre := g.OnePass(); ok || !slices.Equal(pre, []string{"public.users"}) || g.Passes() != 1 {
		t.Errorf("child first: one pass %v %q, %d passes", ok, pre, g.Passes())
	}
}

// TestRefusals: what the graph cannot do safely is refused with the
// tables named.
func TestRefusals(t *testing.T) {
	// only_referenced on a table that also loses rows by cascade.
	s := &rschema{tables: []*rtable{
		{name: "a", filter: 2, rows: [][]int{{1}, {2}}},
		{name: "b", only: true, fks: []rfk{{parent: 0}}, rows: [][]int{{1, 1}}},
		{name: "c", fks: []rfk{{parent: 1}}, rows: [][]int{{1, 1}}},
	}, order: []int{0, 1, 2}}
	if _, _, err := run(t, s.dump(), s.config(), 1); err == nil || !strings.Contains(err.Error(), "public.b") || !strings.Contains(err.Error(), "only_referenced") {
		t.Errorf("only_referenced with cascade: %v", err)
	}
	// Sampling a table without a primary key.
	dump := "-- PostgreSQL database dump\nCREATE TABLE public.x (v integer);\nCOPY public.x (v) FROM stdin;\n1\n\\.\n-- PostgreSQL database dump complete\n"
	sv, _ := dumpstream.SurveyAny(strings.NewReader(dump), dumpstream.Options{})
	_, err := NewGraph(sv, Config{Tables: map[[2]string]TableOptions{{"public", "x"}: {Sample: 0.5, Rule: "anon.yaml:3:3"}}, Sample: testSample})
	if err == nil || !strings.Contains(err.Error(), "primary key") || !strings.Contains(err.Error(), "anon.yaml:3:3") {
		t.Errorf("sample without a primary key: %v", err)
	}
}

// TestSampleKeysNotStored: the keys a sample leaves out are told again by
// the sample, not stored: a sampled parent's set holds only the rows its
// where: drops.
func TestSampleKeysNotStored(t *testing.T) {
	s := &rschema{tables: []*rtable{
		{name: "users", sample: 0.5, filter: 7},
		{name: "orders", fks: []rfk{{parent: 0}}},
	}, order: []int{0, 1}}
	for id := 1; id <= 2000; id++ {
		s.tables[0].rows = append(s.tables[0].rows, []int{id})
		s.tables[1].rows = append(s.tables[1].rows, []int{id, 1 + (id*7919)%2000})
	}
	s.reference()
	out, g, err := run(t, s.dump(), s.config(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := copyRows(out, "orders"), s.expected(1); !slices.Equal(got, want) {
		t.Fatalf("orders: %d rows, want %d", len(got), len(want))
	}
	var stored int64
	for _, set := range g.sets {
		if set.dropped != nil {
			stored += set.dropped.Len()
		}
	}
	// where: drops the multiples of 7 (285); the sample's ~1000 are not stored.
	if filtered := int64(2000 / 7); stored != filtered {
		t.Errorf("%d keys stored, want the %d the filter dropped", stored, filtered)
	}
}

// TestOneDatabase: pg_dump --create names its one database, which is
// fine; pg_dumpall output with several is refused.
func TestOneDatabase(t *testing.T) {
	cfg := Config{Tables: map[[2]string]TableOptions{{"public", "a"}: {Where: true}}}
	one := &dumpstream.Survey{Blocks: []*dumpstream.Table{
		{Database: "shop", Schema: "public", Name: "a"}, {Database: "shop", Schema: "public", Name: "b"}}}
	if _, err := NewGraph(one, cfg); err != nil {
		t.Errorf("one named database: %v", err)
	}
	two := &dumpstream.Survey{Blocks: []*dumpstream.Table{
		{Database: "shop", Schema: "public", Name: "a"}, {Database: "crm", Schema: "public", Name: "b"}}}
	if _, err := NewGraph(two, cfg); err == nil || !strings.Contains(err.Error(), "pg_dumpall") {
		t.Errorf("two databases: %v", err)
	}
}
