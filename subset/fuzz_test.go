package subset

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// FuzzCascade: a random schema from seed (as TestRandomGraphs makes them),
// its data blocks in the order order picks (0: the schema's own), through
// the cascade with 1 + workers%4 workers (and every set computed before
// the rewrite, Config.NoInline, when workers&4 is set): the rows kept and the keys set
// to NULL are those the reference computes, and the report counts the
// rows the output keeps.
func FuzzCascade(f *testing.F) {
	for seed := int64(1); seed <= 16; seed++ {
		f.Add(seed, byte(0), byte(0))
	}
	f.Add(int64(301), byte(7), byte(3))
	f.Add(int64(-5), byte(255), byte(1))
	f.Add(int64(1)<<40, byte(42), byte(2))
	f.Add(int64(77), byte(0), byte(4))
	f.Add(int64(78), byte(9), byte(7))
	f.Fuzz(func(t *testing.T, seed int64, order, workers byte) {
		s := randomSchema(rand.New(rand.NewSource(seed)))
		if order != 0 {
			s.order = rand.New(rand.NewSource(seed ^ int64(order)<<32)).Perm(len(s.tables))
		}
		s.reference()
		dump := s.dump()
		cfg := s.config()
		cfg.NoInline = workers&4 != 0
		out, g, err := run(t, dump, cfg, 1+int(workers%4))
		if err != nil {
			if strings.Contains(err.Error(), "only_referenced:") {
				return // a refusal the message explains
			}
			t.Fatalf("seed %d, order %d: %v\n%s", seed, order, err, dump)
		}
		for i, tb := range s.tables {
			got, want := copyRows(out, tb.name), s.expected(i)
			if !slices.Equal(got, want) {
				t.Fatalf("seed %d, order %d, workers %d: table %s (passes %d):\ngot  %q\nwant %q\n%s", seed, order, 1+workers%4, tb.name, g.Passes(), got, want, dump)
			}
		}
		for _, r := range g.Report() {
			kept := len(copyRows(out, strings.TrimPrefix(r.Table, "public.")))
			if r.Kept() != int64(kept) {
				t.Fatalf("seed %d, order %d: %s: the report keeps %d rows (%+v), the output %d", seed, order, r.Table, r.Kept(), r.TableStats, kept)
			}
		}
	})
}
