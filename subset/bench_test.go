package subset

import (
	"strconv"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

// BenchmarkJudge is the cascade's hot path: one child row judged against
// its parent's dropped keys (an integer key, a set of 100k keys), the
// row's own keys recorded for its children.
func BenchmarkJudge(b *testing.B) {
	parent := &node{name: [2]string{"public", "users"}, table: &dumpstream.Table{Columns: []dumpstream.Column{{Name: "id"}}}}
	child := &node{name: [2]string{"public", "orders"}, table: &dumpstream.Table{Columns: []dumpstream.Column{{Name: "id"}, {Name: "user_id"}, {Name: "note"}}}}
	set := &refSet{table: parent.name, idx: map[*node][]int{parent: {0}}, dropped: NewKeySet([16]byte{1})}
	own := &refSet{table: child.name, idx: map[*node][]int{child: {0}}, dropped: NewKeySet([16]byte{1})}
	child.out = []*edge{{child: child, set: set, cols: []int{1}}}
	child.sets = []*refSet{own}
	for i := 0; i < 100000; i++ {
		set.dropped.Add([][]byte{[]byte(strconv.Itoa(i * 3))})
	}
	set.dropped.Freeze()
	g := &Graph{}
	j := g.newJudge(child, nil, true, true)
	rows := make([][][]byte, 1024)
	for i := range rows {
		rows[i] = [][]byte{[]byte(strconv.Itoa(i)), []byte(strconv.Itoa(i * 7 % 300000)), []byte("a note")}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := j.Keep(rows[i%len(rows)]); err != nil {
			b.Fatal(err)
		}
	}
}
