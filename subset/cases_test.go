package subset

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

// Hand-written dumps: exact outcomes of the cascade on small plain dumps.

const (
	plainHead = "--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n"
	plainTail = "\n--\n-- PostgreSQL database dump complete\n--\n\n"
)

// plainDump wraps statements in pg_dump's header and trailer.
func plainDump(parts ...string) string {
	return plainHead + strings.Join(parts, "\n") + plainTail
}

// copyBlock is a COPY block of table (in public) with rows already in COPY
// text.
func copyBlock(table, cols string, rows ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "COPY public.%s (%s) FROM stdin;\n", table, cols)
	for _, r := range rows {
		b.WriteString(r)
		b.WriteByte('\n')
	}
	b.WriteString("\\.\n")
	return b.String()
}

// pkey declares the primary key of a public table.
func pkey(table, cols string) string {
	return fmt.Sprintf("ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_pkey PRIMARY KEY (%s);\n", table, table, cols)
}

// fkey declares a foreign key of a public table; tail is what follows
// REFERENCES (the table, its columns, ON DELETE …).
func fkey(table, cols, tail string) string {
	return fmt.Sprintf("ALTER TABLE ONLY public.%s\n    ADD CONSTRAINT %s_%s_fkey FOREIGN KEY (%s) REFERENCES %s;\n",
		table, table, strings.NewReplacer(", ", "_", ",", "_").Replace(cols), cols, tail)
}

// dropFilter drops the rows whose fields cols, joined by "|", are in drop.
type dropFilter struct {
	cols []int
	drop map[string]bool
}

func (f dropFilter) Keep(fields [][]byte) (bool, error) {
	var k []string
	for _, c := range f.cols {
		k = append(k, string(fields[c]))
	}
	return !f.drop[strings.Join(k, "|")], nil
}

// dropping drops the rows whose first column is one of keys.
func dropping(keys ...string) dumpstream.RowFilter {
	f := dropFilter{cols: []int{0}, drop: map[string]bool{}}
	for _, k := range keys {
		f.drop[k] = true
	}
	return f
}

// config is a Config of public tables with the tests' sampling hash:
// filters are the where: filters by table name (each implies Where).
func config(opts map[string]TableOptions, filters map[string]dumpstream.RowFilter) Config {
	cfg := Config{Tables: map[[2]string]TableOptions{}, Sample: testSample}
	for name, o := range opts {
		cfg.Tables[[2]string{"public", name}] = o
	}
	for name := range filters {
		o := cfg.Tables[[2]string{"public", name}]
		o.Where = true
		if o.Rule == "" {
			o.Rule = "test"
		}
		cfg.Tables[[2]string{"public", name}] = o
	}
	cfg.Filter = func(t *dumpstream.Table) (dumpstream.RowFilter, error) {
		return filters[t.Name], nil
	}
	return cfg
}

// mustRun is run when the graph must build.
func mustRun(t *testing.T, dump string, cfg Config, workers int) (string, *Graph) {
	t.Helper()
	out, g, err := run(t, dump, cfg, workers)
	if err != nil {
		t.Fatalf("NewGraph: %v", err)
	}
	return out, g
}

// decided builds the graph of dump and runs Decide, returning how many
// walks over the input Decide made.
func decided(t *testing.T, dump string, cfg Config) (*Graph, int) {
	t.Helper()
	sv, err := dumpstream.SurveyAny(strings.NewReader(dump), dumpstream.Options{Name: "test.sql"})
	if err != nil {
		t.Fatal(err)
	}
	g, err := NewGraph(sv, cfg)
	if err != nil {
		t.Fatalf("NewGraph: %v", err)
	}
	walks := 0
	if err := g.Decide(walkOf(dump, &walks), nil); err != nil {
		t.Fatalf("Decide: %v", err)
	}
	return g, walks
}

// ids lists the first field of rows.
func ids(rows []string) []string {
	var out []string
	for _, r := range rows {
		id, _, _ := strings.Cut(r, "\t")
		out = append(out, id)
	}
	return out
}

// seq is the rows "1\tv1" … "n\tvn".
func seq(n int) []string {
	var out []string
	for i := 1; i <= n; i++ {
		out = append(out, fmt.Sprintf("%d\tv%d", i, i))
	}
	return out
}

// sampled lists the ids 1…n that sample: f keeps in domain.
func sampled(domain string, f float64, n int) []string {
	var out []string
	h := testSample(domain)
	for i := 1; i <= n; i++ {
		if h([]byte(strconv.Itoa(i)+"\t")) < fractionThreshold(f) {
			out = append(out, strconv.Itoa(i))
		}
	}
	return out
}

func reportOf(g *Graph, table string) (TableStats, bool) {
	for _, r := range g.Report() {
		if r.Table == table {
			return r.TableStats, true
		}
	}
	return TableStats{}, false
}

// TestSampleDomains: tables sampled in one domain keep the same primary
// keys (a smaller fraction a subset of them); their own domains, or
// another, keep others; sample: 1 keeps every row.
func TestSampleDomains(t *testing.T) {
	const n = 300
	names := []string{"a", "b", "c", "d", "e", "f"}
	var parts []string
	for _, name := range names {
		parts = append(parts, fmt.Sprintf("CREATE TABLE public.%s (\n    id integer NOT NULL,\n    v text\n);\n", name))
	}
	for _, name := range names {
		parts = append(parts, copyBlock(name, "id, v", seq(n)...))
	}
	for _, name := range names {
		parts = append(parts, pkey(name, "id"))
	}
	dump := plainDump(parts...)
	cfg := config(map[string]TableOptions{
		"a": {Sample: 0.4, Domain: "users", Rule: "a"},
		"b": {Sample: 0.4, Domain: "users", Rule: "b"},
		"c": {Sample: 0.4, Rule: "c"},
		"d": {Sample: 0.4, Domain: "other", Rule: "d"},
		"e": {Sample: 1, Rule: "e"},
		"f": {Sample: 0.2, Domain: "users", Rule: "f"},
	}, nil)
	out, g := mustRun(t, dump, cfg, 1)
	got := map[string][]string{}
	for _, name := range names {
		got[name] = ids(copyRows(out, name))
	}
	for name, want := range map[string][]string{
		"a": sampled("users", 0.4, n),
		"b": sampled("users", 0.4, n),
		"c": sampled("public.c", 0.4, n),
		"d": sampled("other", 0.4, n),
		"f": sampled("users", 0.2, n),
	} {
		if !slices.Equal(got[name], want) {
			t.Errorf("%s keeps %q, want %q", name, got[name], want)
		}
		if len(want) < n/5 || len(want) > n*3/5 {
			t.Errorf("%s: the test's hash keeps %d of %d rows", name, len(want), n)
		}
	}
	if !slices.Equal(got["a"], got["b"]) {
		t.Errorf("one domain, other keys:\na %q\nb %q", got["a"], got["b"])
	}
	if slices.Equal(got["a"], got["c"]) || slices.Equal(got["a"], got["d"]) || slices.Equal(got["c"], got["d"]) {
		t.Errorf("different domains keep the same keys: a %d, c %d, d %d rows", len(got["a"]), len(got["c"]), len(got["d"]))
	}
	for _, id := range got["f"] {
		if !slices.Contains(got["a"], id) {
			t.Errorf("f (0.2 of domain users) keeps %s, which a (0.4 of it) does not", id)
		}
	}
	if len(got["e"]) != n {
		t.Errorf("sample: 1 keeps %d of %d rows", len(got["e"]), n)
	}
	if st, _ := reportOf(g, "public.a"); st.Rows != n || st.Sampled != int64(n-len(got["a"])) || st.Kept() != int64(len(got["a"])) {
		t.Errorf("report of a = %+v, kept %d", st, len(got["a"]))
	}
	if st, _ := reportOf(g, "public.e"); st.Rows != n || st.Sampled != 0 {
		t.Errorf("report of e = %+v", st)
	}

	// Composite text keys (escapes included) in one domain.
	var rows []string
	for i := 1; i <= n; i++ {
		rows = append(rows, fmt.Sprintf("%d\tk\\t%d\tv", i%7, i))
	}
	var cparts []string
	for _, name := range []string{"x", "y"} {
		cparts = append(cparts, fmt.Sprintf("CREATE TABLE public.%s (\n    a integer NOT NULL,\n    b text NOT NULL,\n    v text\n);\n", name),
			copyBlock(name, "a, b, v", rows...), pkey(name, "a, b"))
	}
	cfg = config(map[string]TableOptions{
		"x": {Sample: 0.5, Domain: "pairs", Rule: "x"},
		"y": {Sample: 0.5, Domain: "pairs", Rule: "y"},
	}, nil)
	out, _ = mustRun(t, plainDump(cparts...), cfg, 1)
	h := testSample("pairs")
	var want []string
	for _, r := range rows {
		a, rest, _ := strings.Cut(r, "\t")
		b, _, _ := strings.Cut(rest, "\t")
		if h([]byte(a+"\t"+b+"\t")) < fractionThreshold(0.5) {
			want = append(want, r)
		}
	}
	if got := copyRows(out, "x"); !slices.Equal(got, want) || len(want) == 0 || len(want) == n {
		t.Errorf("composite key: x keeps %d rows, want %d", len(got), len(want))
	}
	if gx, gy := copyRows(out, "x"), copyRows(out, "y"); !slices.Equal(gx, gy) {
		t.Errorf("composite key, one domain: x keeps %d rows, y %d, not the same", len(gx), len(gy))
	}
}

// smallest lists, in id order, the k ids among keep whose hashes in domain
// are smallest.
func smallest(domain string, keep []int, k int) []string {
	h := testSample(domain)
	sorted := slices.Clone(keep)
	sort.Slice(sorted, func(i, j int) bool {
		return h([]byte(strconv.Itoa(sorted[i])+"\t")) < h([]byte(strconv.Itoa(sorted[j])+"\t"))
	})
	sorted = sorted[:min(k, len(sorted))]
	slices.Sort(sorted)
	var out []string
	for _, id := range sorted {
		out = append(out, strconv.Itoa(id))
	}
	return out
}

// TestSampleRows: sample: N rows keeps exactly the N rows of smallest
// hash (all of them when there are no more), N of the rows a where: keeps
// when both are set, the same N on every run; the pass that finds the
// threshold is a pass.
func TestSampleRows(t *testing.T) {
	const n = 200
	dump := plainDump(
		"CREATE TABLE public.s (\n    id integer NOT NULL,\n    v text\n);\n",
		copyBlock("s", "id, v", seq(n)...),
		pkey("s", "id"),
	)
	all := make([]int, n)
	for i := range all {
		all[i] = i + 1
	}
	for _, k := range []int64{1, 37, 199, 200, 1000} {
		cfg := config(map[string]TableOptions{"s": {SampleRows: k, Rule: "s"}}, nil)
		out, g := mustRun(t, dump, cfg, 1)
		got := ids(copyRows(out, "s"))
		want := smallest("public.s", all, int(k))
		if int64(len(got)) != min(k, n) || !slices.Equal(got, want) {
			t.Errorf("sample: %d rows keeps %d: %q\nwant %q", k, len(got), got, want)
		}
		if g.Passes() < 1 {
			t.Errorf("sample: %d rows: %d passes; the threshold takes one", k, g.Passes())
		}
		if st, _ := reportOf(g, "public.s"); st.Rows != n || st.Kept() != int64(len(want)) || st.Sampled != int64(n-len(want)) {
			t.Errorf("sample: %d rows: report %+v", k, st)
		}
		out2, _ := mustRun(t, dump, cfg, 4)
		if out2 != out {
			t.Errorf("sample: %d rows: a second run (4 workers) keeps other rows", k)
		}
	}
	// With a where: that drops the multiples of 3: N of the rest.
	var rest []int
	for _, id := range all {
		if id%3 != 0 {
			rest = append(rest, id)
		}
	}
	for _, k := range []int64{20, 133, 134, 500} {
		cfg := config(map[string]TableOptions{"s": {SampleRows: k, Rule: "s"}}, map[string]dumpstream.RowFilter{"s": modFilter{3}})
		out, g := mustRun(t, dump, cfg, 1)
		got := ids(copyRows(out, "s"))
		want := smallest("public.s", rest, int(k))
		if int64(len(got)) != min(k, int64(len(rest))) || !slices.Equal(got, want) {
			t.Errorf("where: and sample: %d rows keeps %d: %q\nwant %q", k, len(got), got, want)
		}
		st, _ := reportOf(g, "public.s")
		if st.Filtered != int64(n-len(rest)) || st.Sampled != int64(len(rest)-len(want)) || st.Kept() != int64(len(want)) {
			t.Errorf("where: and sample: %d rows: report %+v", k, st)
		}
		out2, _ := mustRun(t, dump, cfg, 1)
		if out2 != out {
			t.Errorf("where: and sample: %d rows: a second run keeps other rows", k)
		}
	}
	// A child of sample: N rows keeps the rows of the N, the child's data
	// before or after the parent's.
	var orders []string
	for i := 1; i <= 100; i++ {
		orders = append(orders, fmt.Sprintf("%d\t%d", i, 1+i%n))
	}
	for _, childFirst := range []bool{false, true} {
		data := []string{copyBlock("s", "id, v", seq(n)...), copyBlock("orders", "id, s_id", orders...)}
		if childFirst {
			data[0], data[1] = data[1], data[0]
		}
		d := plainDump("CREATE TABLE public.s (\n    id integer NOT NULL,\n    v text\n);\n",
			"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    s_id integer\n);\n",
			data[0], data[1], pkey("s", "id"), pkey("orders", "id"), fkey("orders", "s_id", "public.s(id)"))
		for _, workers := range []int{1, 3} {
			out, g := mustRun(t, d, config(map[string]TableOptions{"s": {SampleRows: 60, Rule: "s"}}, nil), workers)
			kept := smallest("public.s", all, 60)
			if got := ids(copyRows(out, "s")); !slices.Equal(got, kept) {
				t.Errorf("with a child (first %v, %d workers): s keeps %q, want %q", childFirst, workers, got, kept)
			}
			var want []string
			for _, r := range orders {
				_, sid, _ := strings.Cut(r, "\t")
				if slices.Contains(kept, sid) {
					want = append(want, r)
				}
			}
			if got := copyRows(out, "orders"); !slices.Equal(got, want) {
				t.Errorf("with a child (first %v, %d workers): orders keeps %d rows, want %d", childFirst, workers, len(got), len(want))
			}
			if st, _ := reportOf(g, "public.orders"); st.Cascaded["public.s"] != int64(100-len(want)) {
				t.Errorf("with a child (first %v, %d workers): report of orders = %+v", childFirst, workers, st)
			}
		}
	}
	// Passes() counts every walk over the input, the threshold's too.
	cfg := config(map[string]TableOptions{"s": {SampleRows: 10, Rule: "s"}}, nil)
	g, walks := decided(t, dump, cfg)
	if walks < 1 || g.Passes() != walks {
		t.Errorf("sample: 10 rows: Passes() = %d, the input was walked %d times", g.Passes(), walks)
	}
	// Without sample: N rows, the same graph has one pass fewer.
	cfg = config(map[string]TableOptions{"s": {Sample: 0.5, Rule: "s"}}, nil)
	g0, walks0 := decided(t, dump, cfg)
	if g0.Passes() != walks0 || walks0 >= walks {
		t.Errorf("sample: 0.5: Passes() = %d, %d walks; sample: 10 rows took %d", g0.Passes(), walks0, walks)
	}
}

// TestSetNullNotNull: ON DELETE SET NULL on a NOT NULL column drops the
// row instead; SET NULL (col) nulls only that column; keys of several
// columns, text and escaped, cascade by their exact text; a NULL in any
// column of a key references nothing.
func TestSetNullNotNull(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.p (\n    id integer NOT NULL,\n    v text\n);\n",
		"CREATE TABLE public.c_nn (\n    id integer NOT NULL,\n    p_id integer NOT NULL\n);\n",
		"CREATE TABLE public.c_null (\n    id integer NOT NULL,\n    p_id integer\n);\n",
		"CREATE TABLE public.o (\n    a integer NOT NULL,\n    b text NOT NULL,\n    v text\n);\n",
		"CREATE TABLE public.r (\n    id integer NOT NULL,\n    a integer,\n    b text\n);\n",
		"CREATE TABLE public.ra (\n    id integer NOT NULL,\n    a integer NOT NULL,\n    b text\n);\n",
		"CREATE TABLE public.rb (\n    id integer NOT NULL,\n    a integer,\n    b text NOT NULL\n);\n",
		"CREATE TABLE public.k (\n    id integer NOT NULL,\n    a integer,\n    b text\n);\n",
		"CREATE TABLE public.t2 (\n    x text NOT NULL,\n    y text NOT NULL\n);\n",
		"CREATE TABLE public.k2 (\n    id integer NOT NULL,\n    x text,\n    y text\n);\n",
		"CREATE TABLE public.u (\n    x integer,\n    y text\n);\n",
		"CREATE TABLE public.ku (\n    id integer NOT NULL,\n    x integer,\n    y text\n);\n",
		copyBlock("p", "id, v", "1\ta", "2\tb", "3\tc"),
		copyBlock("c_nn", "id, p_id", "10\t1", "11\t2", "12\t3"),
		copyBlock("c_null", "id, p_id", "20\t1", "21\t2", "22\t\\N"),
		copyBlock("o", "a, b, v", `1	a\tb	x`, `1	a b	y`, `2	a\tb	z`, `1	x\\y	w`, `3	q	k`, `4	q	m`),
		copyBlock("r", "id, a, b", `10	1	a\tb`, `11	1	a b`, `12	3	q`, `13	\N	a\tb`, `14	1	x\\y`, `15	4	q`),
		copyBlock("ra", "id, a, b", `40	1	a\tb`, `41	2	a\tb`),
		copyBlock("rb", "id, a, b", `50	1	a\tb`, `51	2	a\tb`, `52	\N	q`),
		copyBlock("k", "id, a, b", `30	1	a\tb`, `31	1	a b`, `32	2	a\tb`, `33	1	x\\y`, `34	1	\N`, `35	\N	q`, `36	3	q`, `37	4	q`, `38	1	a\\tb`),
		copyBlock("t2", "x, y", `a	b\tc`, `a\tb	c`, `ab	c`),
		copyBlock("k2", "id, x, y", `60	a	b\tc`, `61	a\tb	c`, `62	ab	c`, `63	a	bc`),
		// u's unique key may hold NULLs: a dropped (1, NULL) is referenced
		// by nothing (MATCH SIMPLE), (1, 'z') is.
		copyBlock("u", "x, y", `1	\N`, `1	z`, `\N	z`, `2	z`),
		copyBlock("ku", "id, x, y", `70	1	\N`, `71	1	z`, `72	\N	z`, `73	2	z`, `74	\N	\N`),
		pkey("p", "id"), pkey("c_nn", "id"), pkey("c_null", "id"), pkey("o", "a, b"),
		pkey("r", "id"), pkey("ra", "id"), pkey("rb", "id"), pkey("k", "id"), pkey("t2", "x, y"), pkey("k2", "id"),
		fkey("c_nn", "p_id", "public.p(id) ON DELETE SET NULL"),
		fkey("c_null", "p_id", "public.p(id) ON DELETE SET NULL"),
		fkey("r", "a, b", "public.o(a, b) ON DELETE SET NULL (b)"),
		fkey("ra", "a, b", "public.o(a, b) ON DELETE SET NULL (b)"),
		fkey("rb", "a, b", "public.o(a, b) ON DELETE SET NULL (b)"),
		fkey("k", "a, b", "public.o(a, b)"),
		fkey("k2", "x, y", "public.t2(x, y) ON DELETE CASCADE"),
		"ALTER TABLE ONLY public.u\n    ADD CONSTRAINT u_x_y_key UNIQUE (x, y);\n",
		fkey("ku", "x, y", "public.u(x, y) ON DELETE CASCADE"),
	)
	cfg := config(nil, map[string]dumpstream.RowFilter{
		"p":  dropping("2"),
		"o":  dropFilter{cols: []int{0, 1}, drop: map[string]bool{`1|a\tb`: true, `1|x\\y`: true, `3|q`: true}},
		"t2": dropFilter{cols: []int{0, 1}, drop: map[string]bool{`a|b\tc`: true}},
		"u":  dropFilter{cols: []int{0, 1}, drop: map[string]bool{`1|\N`: true, `1|z`: true, `\N|z`: true}},
	})
	for _, workers := range []int{1, 4} {
		out, g := mustRun(t, dump, cfg, workers)
		for table, want := range map[string][]string{
			"p":      {"1\ta", "3\tc"},
			"c_nn":   {"10\t1", "12\t3"},
			"c_null": {"20\t1", "21\t\\N", "22\t\\N"},
			"o":      {`1	a b	y`, `2	a\tb	z`, `4	q	m`},
			// SET NULL (b): a stays.
			"r":  {`10	1	\N`, `11	1	a b`, `12	3	\N`, `13	\N	a\tb`, `14	1	\N`, `15	4	q`},
			"ra": {`40	1	\N`, `41	2	a\tb`},
			// b NOT NULL: the row goes.
			"rb": {`51	2	a\tb`, `52	\N	q`},
			"k":  {`31	1	a b`, `32	2	a\tb`, `34	1	\N`, `35	\N	q`, `37	4	q`, `38	1	a\\tb`},
			"t2": {`a\tb	c`, `ab	c`},
			"k2": {`61	a\tb	c`, `62	ab	c`, `63	a	bc`},
			"u":  {`2	z`},
			"ku": {`70	1	\N`, `72	\N	z`, `73	2	z`, `74	\N	\N`},
		} {
			if got := copyRows(out, table); !slices.Equal(got, want) {
				t.Errorf("%d workers: %s =\n%q\nwant\n%q", workers, table, got, want)
			}
		}
		wantStats := map[string]TableStats{
			"public.c_nn":   {Rows: 3, Cascaded: map[string]int64{"public.p": 1}},
			"public.c_null": {Rows: 3, Nulled: map[string]int64{"public.p": 1}},
			"public.r":      {Rows: 6, Nulled: map[string]int64{"public.o": 3}},
			"public.rb":     {Rows: 3, Cascaded: map[string]int64{"public.o": 1}},
			"public.k":      {Rows: 9, Cascaded: map[string]int64{"public.o": 3}},
		}
		for table, want := range wantStats {
			if got, _ := reportOf(g, table); !sameStats(got, want) {
				t.Errorf("%d workers: report of %s = %+v, want %+v", workers, table, got, want)
			}
		}
		edges := g.Edges()
		for _, e := range []string{
			"public.c_nn -> public.p",
			"public.c_null -> public.p (on delete set null: the key is set to NULL)",
			"public.r -> public.o (on delete set null: the key is set to NULL)",
			"public.rb -> public.o",
		} {
			if !slices.Contains(edges, e) {
				t.Errorf("Edges() = %q, lacks %q", edges, e)
			}
		}
	}
}

// TestSetNullOnlyReferenced: a key that ON DELETE SET NULL nulls keeps no
// row of an only_referenced table it also points into.
func TestSetNullOnlyReferenced(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.o (\n    a integer NOT NULL,\n    b integer NOT NULL\n);\n",
		"CREATE TABLE public.q (\n    id integer NOT NULL\n);\n",
		"CREATE TABLE public.r (\n    id integer NOT NULL,\n    a integer,\n    b integer\n);\n",
		copyBlock("o", "a, b", "1\t1", "1\t2", "2\t3"),
		copyBlock("q", "id", "1", "2", "3", "4"),
		copyBlock("r", "id, a, b", "10\t1\t1", "11\t1\t2", "12\t2\t3", "13\t\\N\t4"),
		pkey("o", "a, b"), pkey("q", "id"), pkey("r", "id"),
		fkey("r", "a, b", "public.o(a, b) ON DELETE SET NULL (b)"),
		fkey("r", "b", "public.q(id)"),
	)
	cfg := config(map[string]TableOptions{"q": {OnlyReferenced: true, Rule: "q"}},
		map[string]dumpstream.RowFilter{"o": dropFilter{cols: []int{0, 1}, drop: map[string]bool{"1|2": true}}})
	out, g := mustRun(t, dump, cfg, 1)
	if got, want := copyRows(out, "r"), []string{"10\t1\t1", "11\t1\t\\N", "12\t2\t3", "13\t\\N\t4"}; !slices.Equal(got, want) {
		t.Errorf("r = %q, want %q", got, want)
	}
	if got, want := copyRows(out, "q"), []string{"1", "3", "4"}; !slices.Equal(got, want) {
		t.Errorf("q (only_referenced) = %q, want %q: a nulled key references nothing", got, want)
	}
	if st, _ := reportOf(g, "public.q"); st.Unreferenced != 1 || st.Kept() != 3 {
		t.Errorf("report of q = %+v", st)
	}
}

// sameStats compares stats, an empty map like none.
func sameStats(a, b TableStats) bool {
	eq := func(x, y map[string]int64) bool {
		for k, v := range x {
			if v != 0 && y[k] != v {
				return false
			}
		}
		for k, v := range y {
			if v != 0 && x[k] != v {
				return false
			}
		}
		return true
	}
	return a.Rows == b.Rows && a.Filtered == b.Filtered && a.Sampled == b.Sampled && a.Unreferenced == b.Unreferenced &&
		eq(a.Cascaded, b.Cascaded) && eq(a.Nulled, b.Nulled)
}

// partitioned is a dump of a table m partitioned in m_1 and m_2 that c
// references, and of a partitioned table pc (pc_1, pc_2) that references
// p, with the partitions declared by ATTACH PARTITION (pg_dump) or
// PARTITION OF, and c's data before or after m's.
func partitioned(attach, childFirst bool) string {
	parts := []string{
		"CREATE TABLE public.m (\n    id integer NOT NULL,\n    v text\n)\nPARTITION BY RANGE (id);\n",
		"CREATE TABLE public.p (\n    id integer NOT NULL\n);\n",
		"CREATE TABLE public.c (\n    id integer NOT NULL,\n    m_id integer\n);\n",
		"CREATE TABLE public.pc (\n    id integer NOT NULL,\n    p_id integer\n)\nPARTITION BY RANGE (id);\n",
	}
	if attach {
		parts = append(parts,
			"CREATE TABLE public.m_1 (\n    id integer NOT NULL,\n    v text\n);\n",
			"CREATE TABLE public.m_2 (\n    id integer NOT NULL,\n    v text\n);\n",
			"CREATE TABLE public.pc_1 (\n    id integer NOT NULL,\n    p_id integer\n);\n",
			"CREATE TABLE public.pc_2 (\n    id integer NOT NULL,\n    p_id integer\n);\n",
			"ALTER TABLE ONLY public.m ATTACH PARTITION public.m_1 FOR VALUES FROM (0) TO (10);\n",
			"ALTER TABLE ONLY public.m ATTACH PARTITION public.m_2 FOR VALUES FROM (10) TO (20);\n",
			"ALTER TABLE ONLY public.pc ATTACH PARTITION public.pc_1 FOR VALUES FROM (0) TO (10);\n",
			"ALTER TABLE ONLY public.pc ATTACH PARTITION public.pc_2 FOR VALUES FROM (10) TO (20);\n",
		)
	} else {
		parts = append(parts,
			"CREATE TABLE public.m_1 PARTITION OF public.m FOR VALUES FROM (0) TO (10);\n",
			"CREATE TABLE public.m_2 PARTITION OF public.m FOR VALUES FROM (10) TO (20);\n",
			"CREATE TABLE public.pc_1 PARTITION OF public.pc FOR VALUES FROM (0) TO (10);\n",
			"CREATE TABLE public.pc_2 PARTITION OF public.pc FOR VALUES FROM (10) TO (20);\n",
		)
	}
	c := copyBlock("c", "id, m_id", "1\t1", "2\t2", "3\t11", "4\t12", "5\t\\N", "6\t3")
	data := []string{
		copyBlock("m_1", "id, v", "1\ta", "2\tb", "3\tc"),
		copyBlock("m_2", "id, v", "11\td", "12\te"),
		copyBlock("p", "id", "1", "2", "3"),
		copyBlock("pc_1", "id, p_id", "1\t1", "2\t2", "3\t3"),
		copyBlock("pc_2", "id, p_id", "11\t2", "12\t1", "13\t\\N"),
	}
	if childFirst {
		data = append([]string{c}, data...)
	} else {
		data = append(data, c)
	}
	parts = append(parts, data...)
	parts = append(parts,
		pkey("c", "id"), pkey("m", "id"), pkey("m_1", "id"), pkey("m_2", "id"), pkey("p", "id"),
		pkey("pc", "id"), pkey("pc_1", "id"), pkey("pc_2", "id"),
		"ALTER INDEX public.m_pkey ATTACH PARTITION public.m_1_pkey;\n",
		"ALTER INDEX public.m_pkey ATTACH PARTITION public.m_2_pkey;\n",
		fkey("c", "m_id", "public.m(id)"),
		// pg_dump declares a partitioned table's key without ONLY.
		"ALTER TABLE public.pc\n    ADD CONSTRAINT pc_p_id_fkey FOREIGN KEY (p_id) REFERENCES public.p(id);\n",
	)
	return plainDump(parts...)
}

// TestPartitions: a foreign key into a partitioned table cascades from
// the rows every partition drops; a foreign key of a partitioned table
// applies to its partitions.
func TestPartitions(t *testing.T) {
	for _, attach := range []bool{true, false} {
		for _, childFirst := range []bool{false, true} {
			name := fmt.Sprintf("attach=%v,childFirst=%v", attach, childFirst)
			dump := partitioned(attach, childFirst)
			sv, err := dumpstream.SurveyAny(strings.NewReader(dump), dumpstream.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range sv.Blocks {
				if strings.HasPrefix(b.Name, "m_") && !slices.Equal(b.Ancestors, [][2]string{{"public", "m"}}) {
					t.Errorf("%s: %s has ancestors %q", name, b.Name, b.Ancestors)
				}
			}
			cfg := config(nil, map[string]dumpstream.RowFilter{
				"m_1": dropping("2"),
				"m_2": dropping("12"),
				"p":   dropping("2"),
			})
			out, g := mustRun(t, dump, cfg, 1)
			for table, want := range map[string][]string{
				"c":    {"1\t1", "3\t11", "5\t\\N", "6\t3"},
				"m_1":  {"1\ta", "3\tc"},
				"m_2":  {"11\td"},
				"p":    {"1", "3"},
				"pc_1": {"1\t1", "3\t3"},
				"pc_2": {"12\t1", "13\t\\N"},
			} {
				if got := copyRows(out, table); !slices.Equal(got, want) {
					t.Errorf("%s: %s = %q, want %q", name, table, got, want)
				}
			}
			if st, _ := reportOf(g, "public.c"); st.Cascaded["public.m"] != 2 || st.Kept() != 4 {
				t.Errorf("%s: report of c = %+v", name, st)
			}
			if ok, _ := g.OnePass(); ok == childFirst {
				t.Errorf("%s: OnePass() = %v", name, ok)
			}
			edges := g.Edges()
			for _, e := range []string{"public.c -> public.m", "public.pc_1 -> public.p", "public.pc_2 -> public.p"} {
				if !slices.Contains(edges, e) {
					t.Errorf("%s: Edges() = %q, lacks %q", name, edges, e)
				}
			}
		}
	}
}

// TestPartitionsSelfReference: a partitioned table (two levels) whose key
// references itself cascades across its partitions, whatever their order.
func TestPartitionsSelfReference(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.m (\n    id integer NOT NULL,\n    parent_id integer\n)\nPARTITION BY RANGE (id);\n",
		"CREATE TABLE public.m_1 (\n    id integer NOT NULL,\n    parent_id integer\n)\nPARTITION BY RANGE (id);\n",
		"CREATE TABLE public.m_1a (\n    id integer NOT NULL,\n    parent_id integer\n);\n",
		"CREATE TABLE public.m_2 (\n    id integer NOT NULL,\n    parent_id integer\n);\n",
		"ALTER TABLE ONLY public.m ATTACH PARTITION public.m_1 FOR VALUES FROM (0) TO (10);\n",
		"ALTER TABLE ONLY public.m_1 ATTACH PARTITION public.m_1a FOR VALUES FROM (0) TO (10);\n",
		"ALTER TABLE ONLY public.m ATTACH PARTITION public.m_2 FOR VALUES FROM (10) TO (20);\n",
		copyBlock("m_2", "id, parent_id", "11\t1", "12\t11", "13\t2", "14\t\\N"),
		copyBlock("m_1a", "id, parent_id", "1\t\\N", "2\t\\N", "3\t12", "4\t13"),
		pkey("m", "id"),
		"ALTER TABLE public.m\n    ADD CONSTRAINT m_parent_fkey FOREIGN KEY (parent_id) REFERENCES public.m(id);\n",
	)
	// 1 goes; then 11 (→ 1), 12 (→ 11), 3 (→ 12).
	for _, workers := range []int{1, 4} {
		out, g := mustRun(t, dump, config(nil, map[string]dumpstream.RowFilter{"m_1a": dropping("1")}), workers)
		if got, want := copyRows(out, "m_1a"), []string{"2\t\\N", "4\t13"}; !slices.Equal(got, want) {
			t.Errorf("%d workers: m_1a = %q, want %q", workers, got, want)
		}
		if got, want := copyRows(out, "m_2"), []string{"13\t2", "14\t\\N"}; !slices.Equal(got, want) {
			t.Errorf("%d workers: m_2 = %q, want %q", workers, got, want)
		}
		if st, _ := reportOf(g, "public.m_2"); !sameStats(st, TableStats{Rows: 4, Cascaded: map[string]int64{"public.m": 2}}) {
			t.Errorf("%d workers: report of m_2 = %+v", workers, st)
		}
		if got, want := g.Edges(), []string{"public.m_1a -> public.m", "public.m_2 -> public.m"}; !slices.Equal(got, want) {
			t.Errorf("%d workers: Edges() = %q, want %q", workers, got, want)
		}
	}
}

// insertRows lists the row tuples of the INSERT statements into table.
func insertRows(dump, table string) []string {
	var out []string
	head := "INSERT INTO public." + table + " VALUES "
	for _, line := range strings.Split(dump, "\n") {
		v, ok := strings.CutPrefix(line, head)
		if !ok {
			continue
		}
		v = strings.TrimSuffix(strings.TrimSuffix(v, ";"), ")")
		v = strings.TrimPrefix(v, "(")
		out = append(out, strings.Split(v, "), (")...)
	}
	return out
}

// TestInsertTables: tables whose rows come as INSERT statements (pg_dump
// --inserts, --rows-per-insert): a child before its parent's COPY block
// loses the rows and statements the parent's drops ask; an INSERT table
// whose keys a later table needs is judged in a pass; an INSERT parent's
// drops reach a later COPY child.
func TestInsertTables(t *testing.T) {
	create := "CREATE TABLE public.users (\n    id integer NOT NULL,\n    name text\n);\n" +
		"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    user_id integer\n);\n" +
		"CREATE TABLE public.items (\n    id integer NOT NULL,\n    order_id integer\n);\n"
	keys := pkey("users", "id") + pkey("orders", "id") + pkey("items", "id") +
		fkey("orders", "user_id", "public.users(id)") + fkey("items", "order_id", "public.orders(id) ON DELETE CASCADE")
	orders := "INSERT INTO public.orders VALUES (1, 2);\n" +
		"INSERT INTO public.orders VALUES (3, 4), (5, 2), (6, NULL);\n" +
		"INSERT INTO public.orders VALUES (7, 2), (8, 2);\n" +
		"INSERT INTO public.orders VALUES (9, 1), (10, 3), (11, 4);\n"
	users := copyBlock("users", "id, name", "1\tann", "2\tbob", "3\tcy", "4\tdee")
	items := copyBlock("items", "id, order_id", "1\t1", "2\t3", "3\t6", "4\t9", "5\t10", "6\t11", "7\t\\N")
	cfg := config(nil, map[string]dumpstream.RowFilter{"users": dropping("2", "4")})

	// The INSERT child before its parent, with a COPY grandchild after.
	dump := plainDump(create, orders, users, items, keys)
	out, g := mustRun(t, dump, cfg, 1)
	if got, want := insertRows(out, "orders"), []string{"6, NULL", "9, 1", "10, 3"}; !slices.Equal(got, want) {
		t.Errorf("child before parent: orders = %q, want %q\n%s", got, want, out)
	}
	if strings.Contains(out, "VALUES (1, 2)") || strings.Contains(out, "(7, 2)") || strings.Contains(out, "(8, 2)") {
		t.Errorf("child before parent: a statement of dropped rows stays:\n%s", out)
	}
	if got, want := copyRows(out, "items"), []string{"3\t6", "4\t9", "5\t10", "7\t\\N"}; !slices.Equal(got, want) {
		t.Errorf("child before parent: items = %q, want %q", got, want)
	}
	if got, want := copyRows(out, "users"), []string{"1\tann", "3\tcy"}; !slices.Equal(got, want) {
		t.Errorf("child before parent: users = %q, want %q", got, want)
	}
	if g.Passes() < 2 {
		t.Errorf("child before parent: %d passes; users, then orders need one each", g.Passes())
	}
	if st, _ := reportOf(g, "public.orders"); st.Rows != 9 || st.Cascaded["public.users"] != 6 || st.Kept() != 3 {
		t.Errorf("child before parent: report of orders = %+v", st)
	}
	if st, _ := reportOf(g, "public.items"); st.Rows != 7 || st.Cascaded["public.orders"] != 3 {
		t.Errorf("child before parent: report of items = %+v", st)
	}

	// An INSERT parent whose keys a later COPY child needs.
	usersIns := "INSERT INTO public.users VALUES (1, 'ann'), (2, 'bob');\n" +
		"INSERT INTO public.users VALUES (3, 'cy');\n" +
		"INSERT INTO public.users VALUES (4, 'dee');\n"
	ordersCopy := copyBlock("orders", "id, user_id", "1\t2", "3\t4", "5\t2", "6\t\\N", "9\t1", "10\t3", "11\t4")
	for _, workers := range []int{1, 4} {
		dump = plainDump(create, usersIns, ordersCopy, items, keys)
		out, g = mustRun(t, dump, cfg, workers)
		if got, want := insertRows(out, "users"), []string{"1, 'ann'", "3, 'cy'"}; !slices.Equal(got, want) {
			t.Errorf("INSERT parent, %d workers: users = %q, want %q\n%s", workers, got, want, out)
		}
		if got, want := copyRows(out, "orders"), []string{"6\t\\N", "9\t1", "10\t3"}; !slices.Equal(got, want) {
			t.Errorf("INSERT parent, %d workers: orders = %q, want %q", workers, got, want)
		}
		if got, want := copyRows(out, "items"), []string{"3\t6", "4\t9", "5\t10", "7\t\\N"}; !slices.Equal(got, want) {
			t.Errorf("INSERT parent, %d workers: items = %q, want %q", workers, got, want)
		}
		if g.Passes() < 1 {
			t.Errorf("INSERT parent, %d workers: no pass judged the INSERT rows", workers)
		}
		if st, _ := reportOf(g, "public.users"); st.Rows != 4 || st.Filtered != 2 {
			t.Errorf("INSERT parent, %d workers: report of users = %+v", workers, st)
		}
	}

	// A self-referencing INSERT table, children first (a pass a step),
	// feeding an only_referenced COPY table: 1 goes, and 2…7 by cascade;
	// the chain from 8 stays.
	var ins string
	for id := 10; id >= 1; id-- {
		p := strconv.Itoa(id - 1)
		if id == 1 || id == 8 {
			p = "NULL"
		}
		ins += fmt.Sprintf("INSERT INTO public.s VALUES (%d, %s, %d);\n", id, p, id)
	}
	dump = plainDump(
		"CREATE TABLE public.s (\n    id integer NOT NULL,\n    parent_id integer,\n    k_id integer\n);\n",
		"CREATE TABLE public.k (\n    id integer NOT NULL\n);\n",
		ins,
		copyBlock("k", "id", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"),
		pkey("s", "id"), pkey("k", "id"),
		fkey("s", "parent_id", "public.s(id)"), fkey("s", "k_id", "public.k(id)"),
	)
	scfg := config(map[string]TableOptions{"k": {OnlyReferenced: true, Rule: "k"}}, map[string]dumpstream.RowFilter{"s": dropping("1")})
	for _, workers := range []int{1, 4} {
		out, g := mustRun(t, dump, scfg, workers)
		if got, want := insertRows(out, "s"), []string{"10, 9, 10", "9, 8, 9", "8, NULL, 8"}; !slices.Equal(got, want) {
			t.Errorf("INSERT cycle, %d workers: s = %q, want %q", workers, got, want)
		}
		if got, want := copyRows(out, "k"), []string{"8", "9", "10"}; !slices.Equal(got, want) {
			t.Errorf("INSERT cycle, %d workers: k = %q, want %q", workers, got, want)
		}
		if g.Passes() < 7 {
			t.Errorf("INSERT cycle, %d workers: %d passes for a chain of 6 steps", workers, g.Passes())
		}
		if st, _ := reportOf(g, "public.s"); !sameStats(st, TableStats{Rows: 10, Filtered: 1, Cascaded: map[string]int64{"public.s": 6}}) {
			t.Errorf("INSERT cycle, %d workers: report of s = %+v", workers, st)
		}
	}
}

// TestInsertEscapes: the keys of an INSERT parent (pg_dump --inserts:
// tabs, newlines, carriage returns, backslashes, quotes and UTF-8 as they
// are between the quotes) match the same keys as a COPY child writes them.
func TestInsertEscapes(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.o (\n    k text NOT NULL,\n    n numeric\n);\n",
		"CREATE TABLE public.r (\n    id integer NOT NULL,\n    k text\n);\n",
		"INSERT INTO public.o VALUES ('a\tb', 1);\n"+
			"INSERT INTO public.o VALUES ('x\\y', 2);\n"+
			"INSERT INTO public.o VALUES ('l1\nl2', 3);\n"+
			"INSERT INTO public.o VALUES ('it''s', 4);\n"+
			"INSERT INTO public.o VALUES ('\u00e9t\u00e9', 5), ('cr\rx', 6);\n"+
			"INSERT INTO public.o VALUES ('keep', 7), ('a\\tb', 8);\n",
		copyBlock("r", "id, k", `1	a\tb`, `2	x\\y`, `3	l1\nl2`, `4	it's`, "5\t\u00e9t\u00e9", `6	cr\rx`, `7	keep`, `8	a\\tb`, `9	\N`),
		pkey("o", "k"), pkey("r", "id"),
		fkey("r", "k", "public.o(k)"),
	)
	cfg := config(nil, map[string]dumpstream.RowFilter{"o": dropFilter{cols: []int{1}, drop: map[string]bool{"1": true, "2": true, "3": true, "4": true, "5": true, "6": true}}})
	for _, workers := range []int{1, 4} {
		out, g := mustRun(t, dump, cfg, workers)
		if got, want := copyRows(out, "r"), []string{`7	keep`, `8	a\\tb`, `9	\N`}; !slices.Equal(got, want) {
			t.Errorf("%d workers: r = %q, want %q", workers, got, want)
		}
		if got, want := insertRows(out, "o"), []string{"'keep', 7", "'a\\tb', 8"}; !slices.Equal(got, want) {
			t.Errorf("%d workers: o = %q, want %q", workers, got, want)
		}
		if st, _ := reportOf(g, "public.r"); st.Cascaded["public.o"] != 6 {
			t.Errorf("%d workers: report of r = %+v", workers, st)
		}
	}
}

// TestCascadeFalse: cascade: false keeps the children of the rows a
// table's where: drops, and no edge leaves the table.
func TestCascadeFalse(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.users (\n    id integer NOT NULL\n);\n",
		"CREATE TABLE public.products (\n    id integer NOT NULL\n);\n",
		"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    user_id integer,\n    product_id integer\n);\n",
		copyBlock("users", "id", "1", "2", "3"),
		copyBlock("products", "id", "1", "2", "3"),
		copyBlock("orders", "id, user_id, product_id", "1\t1\t1", "2\t2\t1", "3\t3\t2", "4\t2\t3", "5\t1\t3"),
		pkey("users", "id"), pkey("products", "id"), pkey("orders", "id"),
		fkey("orders", "user_id", "public.users(id)"),
		fkey("orders", "product_id", "public.products(id)"),
	)
	cfg := config(map[string]TableOptions{"users": {NoCascade: true, Rule: "u"}},
		map[string]dumpstream.RowFilter{"users": dropping("2"), "products": dropping("3")})
	out, g := mustRun(t, dump, cfg, 1)
	if got, want := copyRows(out, "users"), []string{"1", "3"}; !slices.Equal(got, want) {
		t.Errorf("users = %q, want %q", got, want)
	}
	if got, want := copyRows(out, "orders"), []string{"1\t1\t1", "2\t2\t1", "3\t3\t2"}; !slices.Equal(got, want) {
		t.Errorf("orders = %q, want %q", got, want)
	}
	if got, want := g.Edges(), []string{"public.orders -> public.products"}; !slices.Equal(got, want) {
		t.Errorf("Edges() = %q, want %q", got, want)
	}
	if st, _ := reportOf(g, "public.orders"); !sameStats(st, TableStats{Rows: 5, Cascaded: map[string]int64{"public.products": 2}}) {
		t.Errorf("report of orders = %+v", st)
	}
	if st, _ := reportOf(g, "public.users"); st.Filtered != 1 || st.Kept() != 2 {
		t.Errorf("report of users = %+v", st)
	}
	// cascade: false alone asks nothing of the other tables.
	cfg = config(map[string]TableOptions{"users": {NoCascade: true, Rule: "u"}}, map[string]dumpstream.RowFilter{"users": dropping("2")})
	if Active(Config{Tables: map[[2]string]TableOptions{{"public", "users"}: {Where: true, NoCascade: true}}}) {
		t.Error("Active: a where: with cascade: false asks for a cascade")
	}
	out, g = mustRun(t, dump, cfg, 1)
	if len(g.Edges()) != 0 {
		t.Errorf("cascade: false alone: Edges() = %q", g.Edges())
	}
	if got := copyRows(out, "orders"); len(got) != 5 {
		t.Errorf("cascade: false alone: orders = %q", got)
	}
	if ok, pre := g.OnePass(); !ok {
		t.Errorf("cascade: false alone: passes before the rewrite for %q", pre)
	}
}

// TestCycles: a cycle of two nullable NO ACTION keys and a self-reference
// chain of depth 20, dropped from the top, drop to the fixed point, in as
// many passes as Passes() says; an only_referenced table fed by a cycle
// keeps only the rows that the cycle's rows kept at the end reference.
func TestCycles(t *testing.T) {
	// a_k → b_k, b_k → a_(k-1) (b_1 → NULL): dropping a_1 drops every
	// row but b_1 and the pair a_100 ↔ b_100, which nothing dropped
	// reaches. The rows come last first, so each pass reaches one step
	// further. o is only_referenced: every row references its own o row.
	const depth = 10
	a := &rtable{name: "a", fks: []rfk{{parent: 1}, {parent: 2}}}
	b := &rtable{name: "b", fks: []rfk{{parent: 0}, {parent: 2}}}
	o := &rtable{name: "o", only: true}
	a.rows = append(a.rows, []int{100, 100, 100})
	b.rows = append(b.rows, []int{100, -1, 200})
	for k := depth; k >= 1; k-- {
		a.rows = append(a.rows, []int{k, k, k})
		bk := []int{k, k - 1, 50 + k}
		if k == 1 {
			bk[1] = -1
		}
		b.rows = append(b.rows, bk)
	}
	for id := 1; id <= 200; id++ {
		o.rows = append(o.rows, []int{id})
	}
	s := &rschema{tables: []*rtable{a, b, o}, order: []int{2, 0, 1}}
	cfg := s.config()
	cfg.Filter = func(tb *dumpstream.Table) (dumpstream.RowFilter, error) {
		if tb.Name == "a" {
			return dropping("1"), nil
		}
		return nil, nil
	}
	cfg.Tables[[2]string{"public", "a"}] = TableOptions{Where: true, Rule: "a"}
	// The reference by hand: a_1 by the filter, then the chain.
	for _, t := range s.tables {
		t.dropped = map[int]bool{}
	}
	for k := 1; k <= depth; k++ {
		a.dropped[k] = true
		if k > 1 {
			b.dropped[k] = true
		}
	}
	for id := 1; id <= 200; id++ {
		if id != 51 && id != 100 && id != 200 {
			o.dropped[id] = true
		}
	}
	dump := s.dump()
	g, walks := decided(t, dump, cfg)
	if g.Passes() != walks || walks < depth {
		t.Errorf("cycle: Passes() = %d, %d walks, for a chain of %d steps", g.Passes(), walks, 2*depth)
	}
	out, g2 := mustRun(t, dump, cfg, 1)
	for i, tb := range s.tables {
		if got, want := copyRows(out, tb.name), s.expected(i); !slices.Equal(got, want) {
			t.Errorf("cycle (%d passes): %s =\n%q\nwant\n%q", g2.Passes(), tb.name, got, want)
		}
	}
	if got := copyRows(out, "o"); !slices.Equal(got, []string{"51", "100", "200"}) {
		t.Errorf("cycle: only_referenced o keeps %q, want 51, 100, 200", got)
	}

	// A self-reference chain of depth 20, children first, and a chain of
	// 5 whose root stays.
	sr := &rtable{name: "s", fks: []rfk{{parent: 0}}}
	for id := 25; id >= 1; id-- {
		p := id - 1
		if id == 1 || id == 21 {
			p = -1
		}
		sr.rows = append(sr.rows, []int{id, p})
	}
	ref := &rtable{name: "keep", only: true}
	for id := 1; id <= 25; id++ {
		ref.rows = append(ref.rows, []int{id})
	}
	sr.fks = append(sr.fks, rfk{parent: 1})
	for i, row := range sr.rows {
		sr.rows[i] = append(row, row[0])
	}
	ss := &rschema{tables: []*rtable{sr, ref}, order: []int{1, 0}}
	cfg = ss.config()
	cfg.Tables[[2]string{"public", "s"}] = TableOptions{Where: true, Rule: "s"}
	cfg.Filter = func(tb *dumpstream.Table) (dumpstream.RowFilter, error) {
		if tb.Name == "s" {
			return dropping("1"), nil
		}
		return nil, nil
	}
	dump = ss.dump()
	g, walks = decided(t, dump, cfg)
	if g.Passes() != walks || walks < 20 {
		t.Errorf("self-reference: Passes() = %d, %d walks, for a chain of 20", g.Passes(), walks)
	}
	out, g2 = mustRun(t, dump, cfg, 2)
	want := []string{"25\t24\t25", "24\t23\t24", "23\t22\t23", "22\t21\t22", "21\t\\N\t21"}
	if got := copyRows(out, "s"); !slices.Equal(got, want) {
		t.Errorf("self-reference (%d passes): s = %q, want %q", g2.Passes(), got, want)
	}
	if got := copyRows(out, "keep"); !slices.Equal(got, []string{"21", "22", "23", "24", "25"}) {
		t.Errorf("self-reference: only_referenced keep = %q", got)
	}
	if st, _ := reportOf(g2, "public.s"); st.Filtered != 1 || st.Cascaded["public.s"] != 19 || st.Kept() != 5 {
		t.Errorf("self-reference: report of s = %+v", st)
	}
}

// counted builds, decides and counts (check's way) the dump's cascade.
func counted(t *testing.T, dump string, cfg Config) *Graph {
	t.Helper()
	g, _ := decided(t, dump, cfg)
	walks := 0
	if err := g.Count(walkOf(dump, &walks)); err != nil {
		t.Fatalf("Count: %v", err)
	}
	if walks != 1 {
		t.Errorf("Count walked the input %d times", walks)
	}
	return g
}

// TestReportAndCount: Report after a rewrite and after Count gives the
// same numbers per table, and they are those of the output.
func TestReportAndCount(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.users (\n    id integer NOT NULL,\n    team_id integer\n);\n",
		"CREATE TABLE public.teams (\n    id integer NOT NULL\n);\n",
		"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    user_id integer,\n    helper_id integer\n);\n",
		"CREATE TABLE public.notes (\n    id integer NOT NULL,\n    order_id integer\n);\n",
		"CREATE TABLE public.tags (\n    id integer NOT NULL\n);\n",
		"CREATE TABLE public.order_tags (\n    order_id integer NOT NULL,\n    tag_id integer NOT NULL\n);\n",
		"INSERT INTO public.notes VALUES (1, 1), (2, 2), (3, 3);\nINSERT INTO public.notes VALUES (4, 4), (5, NULL);\n",
		copyBlock("orders", "id, user_id, helper_id", "1\t1\t2", "2\t2\t1", "3\t3\t\\N", "4\t4\t5", "5\t5\t6", "6\t6\t1", "7\t7\t2", "8\t8\t8"),
		copyBlock("users", "id, team_id", seqIDs(1, 40, func(i int) string { return strconv.Itoa(i % 3) })...),
		copyBlock("teams", "id", "0", "1", "2"),
		copyBlock("tags", "id", "1", "2", "3", "4", "5"),
		copyBlock("order_tags", "order_id, tag_id", "1\t1", "2\t2", "3\t3", "6\t3", "8\t4"),
		pkey("users", "id"), pkey("teams", "id"), pkey("orders", "id"), pkey("notes", "id"), pkey("tags", "id"),
		pkey("order_tags", "order_id, tag_id"),
		fkey("users", "team_id", "public.teams(id)"),
		fkey("orders", "user_id", "public.users(id) ON DELETE CASCADE"),
		fkey("orders", "helper_id", "public.users(id) ON DELETE SET NULL"),
		fkey("notes", "order_id", "public.orders(id) ON DELETE CASCADE"),
		fkey("order_tags", "order_id", "public.orders(id) ON DELETE CASCADE"),
		fkey("order_tags", "tag_id", "public.tags(id)"),
	)
	for _, c := range []struct {
		users   TableOptions
		workers int
	}{{TableOptions{Sample: 0.6, Rule: "users"}, 1}, {TableOptions{Sample: 0.6, Rule: "users"}, 4}, {TableOptions{SampleRows: 20, Rule: "users"}, 1}, {TableOptions{SampleRows: 20, Rule: "users"}, 3}} {
		cfg := config(map[string]TableOptions{
			"users": c.users,
			"tags":  {OnlyReferenced: true, Rule: "tags"},
		}, map[string]dumpstream.RowFilter{"teams": dropping("2")})
		workers := c.workers
		out, g := mustRun(t, dump, cfg, workers)
		cg := counted(t, dump, cfg)
		rep, crep := g.Report(), cg.Report()
		if len(rep) != len(crep) {
			t.Fatalf("%d workers: rewrite reports %d tables, Count %d", workers, len(rep), len(crep))
		}
		for i := range rep {
			if rep[i].Table != crep[i].Table || !sameStats(rep[i].TableStats, crep[i].TableStats) || rep[i].Kept() != crep[i].Kept() {
				t.Errorf("%d workers: rewrite reports %+v, Count %+v", workers, rep[i], crep[i])
			}
		}
		for _, r := range rep {
			name := strings.TrimPrefix(r.Table, "public.")
			var kept int
			if name == "notes" {
				kept = len(insertRows(out, name))
			} else {
				kept = len(copyRows(out, name))
			}
			if r.Kept() != int64(kept) {
				t.Errorf("%d workers: %s: the report keeps %d rows (%+v), the output %d", workers, r.Table, r.Kept(), r.TableStats, kept)
			}
		}
		names := map[string]bool{}
		for _, r := range rep {
			names[r.Table] = true
		}
		for _, want := range []string{"public.users", "public.teams", "public.orders", "public.notes", "public.tags", "public.order_tags"} {
			if !names[want] {
				t.Errorf("%d workers: the report lacks %s: %v", workers, want, slices.Sorted(maps.Keys(names)))
			}
		}
		if st, _ := reportOf(g, "public.teams"); st.Rows != 3 || st.Filtered != 1 {
			t.Errorf("%d workers: teams = %+v", workers, st)
		}
		if st, _ := reportOf(g, "public.users"); st.Rows != 40 || st.Cascaded["public.teams"] == 0 || st.Sampled == 0 {
			t.Errorf("%d workers: users = %+v", workers, st)
		}
	}
}

// seqIDs is the rows "i\tf(i)" for i in from…to.
func seqIDs(from, to int, f func(int) string) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, strconv.Itoa(i)+"\t"+f(i))
	}
	return out
}

// TestErrors: NewGraph refuses with the table, the key and the rule
// named.
func TestErrors(t *testing.T) {
	build := func(dump string, cfg Config) error {
		sv, err := dumpstream.SurveyAny(strings.NewReader(dump), dumpstream.Options{Name: "test.sql"})
		if err != nil {
			t.Fatal(err)
		}
		_, err = NewGraph(sv, cfg)
		return err
	}
	filterUsers := map[string]dumpstream.RowFilter{"users": dropping("1")}
	for _, c := range []struct {
		name string
		dump string
		cfg  Config
		want []string
	}{{
		name: "a key column the data lacks",
		dump: plainDump(
			copyBlock("users", "id", "1", "2"),
			copyBlock("orders", "id", "1"),
			pkey("users", "id"),
			fkey("orders", "user_id", "public.users(id)"),
		),
		cfg:  config(nil, filterUsers),
		want: []string{"public.orders", "user_id", "public.users", "dump line", "has no column"},
	}, {
		name: "a referenced column the data lacks",
		dump: plainDump(
			copyBlock("users", "id", "1", "2"),
			copyBlock("orders", "id, user_name", "1\tann"),
			pkey("users", "id"),
			fkey("orders", "user_name", "public.users(name)"),
		),
		cfg:  config(nil, filterUsers),
		want: []string{"public.orders", "public.users", "has no column name"},
	}, {
		name: "a key into a table without a primary key",
		dump: plainDump(
			"CREATE TABLE public.users (\n    id integer\n);\n",
			"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    user_id integer\n);\n",
			copyBlock("users", "id", "1", "2"),
			copyBlock("orders", "id, user_id", "1\t1"),
			pkey("orders", "id"),
			fkey("orders", "user_id", "public.users"),
		),
		cfg:  config(nil, filterUsers),
		want: []string{"public.orders", "public.users", "primary key", "does not declare"},
	}, {
		name: "sample: rows without a primary key",
		dump: plainDump(copyBlock("users", "id", "1")),
		cfg:  config(map[string]TableOptions{"users": {SampleRows: 3, Rule: "anon.yaml:9:5"}}, nil),
		want: []string{"public.users", "anon.yaml:9:5", "primary key"},
	}, {
		name: "only_referenced with a where:",
		dump: plainDump(
			copyBlock("users", "id", "1"),
			copyBlock("orders", "id, user_id", "1\t1"),
			pkey("users", "id"),
			fkey("orders", "user_id", "public.users(id)"),
		),
		cfg:  config(map[string]TableOptions{"users": {OnlyReferenced: true, Rule: "anon.yaml:4:3"}}, filterUsers),
		want: []string{"public.users", "anon.yaml:4:3", "only_referenced", "where:"},
	}, {
		name: "only_referenced on a table nothing references",
		dump: plainDump(copyBlock("users", "id", "1"), pkey("users", "id")),
		cfg:  config(map[string]TableOptions{"users": {OnlyReferenced: true, Rule: "anon.yaml:12:3"}}, nil),
		want: []string{"public.users", "anon.yaml:12:3", "no foreign key"},
	}} {
		err := build(c.dump, c.cfg)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", c.name, err, w)
			}
		}
	}
}

// TestInheritance: under plain inheritance (INHERITS), unlike
// partitioning, a foreign key applies to its own table only: pg_dump
// declares it with ALTER TABLE ONLY, a key into the parent references
// the parent's own rows, and the parent's key does not bind the
// children's rows (PostgreSQL manual, 5.10.1 "Caveats").
func TestInheritance(t *testing.T) {
	dump := plainDump(
		"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    p_id integer\n);\n",
		"CREATE TABLE public.p (\n    id integer NOT NULL,\n    u_id integer\n);\n",
		"CREATE TABLE public.pchild (\n    extra text\n)\nINHERITS (public.p);\n",
		"CREATE TABLE public.users (\n    id integer NOT NULL\n);\n",
		copyBlock("orders", "id, p_id", "1\t2", "2\t3"),
		copyBlock("p", "id, u_id", "2\t1", "3\t1"),
		copyBlock("pchild", "id, u_id, extra", "1\t2\tx", "2\t2\ty"),
		copyBlock("users", "id", "1", "2"),
		pkey("orders", "id"), pkey("p", "id"), pkey("pchild", "id"), pkey("users", "id"),
		fkey("orders", "p_id", "public.p(id)"),
		fkey("p", "u_id", "public.users(id)"),
	)
	// The parent's key into users does not bind pchild's rows.
	out, _ := mustRun(t, dump, config(nil, map[string]dumpstream.RowFilter{"users": dropping("2")}), 1)
	if got, want := copyRows(out, "pchild"), []string{"1\t2\tx", "2\t2\ty"}; !slices.Equal(got, want) {
		t.Errorf("users drops 2: pchild = %q, want %q: pchild has no foreign key into users", got, want)
	}
	if got, want := copyRows(out, "p"), []string{"2\t1", "3\t1"}; !slices.Equal(got, want) {
		t.Errorf("users drops 2: p = %q, want %q", got, want)
	}
	// A row pchild drops is not the parent's row of the same key.
	out, _ = mustRun(t, dump, config(nil, map[string]dumpstream.RowFilter{"pchild": dropping("2")}), 1)
	if got, want := copyRows(out, "orders"), []string{"1\t2", "2\t3"}; !slices.Equal(got, want) {
		t.Errorf("pchild drops 2: orders = %q, want %q: orders references p's own row 2", got, want)
	}
	// The parent's own drops do cascade.
	out, _ = mustRun(t, dump, config(nil, map[string]dumpstream.RowFilter{"p": dropping("2")}), 1)
	if got, want := copyRows(out, "orders"), []string{"2\t3"}; !slices.Equal(got, want) {
		t.Errorf("p drops 2: orders = %q, want %q", got, want)
	}
}
