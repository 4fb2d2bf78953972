package kanon_test

import (
	"fmt"

	"github.com/anondump/anondump/kanon"
)

// A table of birth dates and genders, k=2: every row is alone in its
// class, and the birth year would put each row with another.
func ExampleAdvisor() {
	ladders := []kanon.Ladder{kanon.DateLadder(), {kanon.Suppress}}
	a, err := kanon.NewAdvisor(2, ladders, kanon.DefaultCandidates(ladders, 16))
	if err != nil {
		panic(err)
	}
	for _, row := range [][2]string{
		{"1980-01-02", "F"}, {"1980-03-04", "F"},
		{"1991-05-06", "M"}, {"1991-07-08", "M"},
	} {
		a.Add([][]byte{[]byte(row[0]), []byte(row[1])}, nil)
	}
	r := a.Result()
	fmt.Printf("%d rows, %d classes, smallest %d, %d rows below k=%d\n", r.Rows, r.Classes, r.Smallest, r.RowsBelowK, r.K)
	for _, ad := range a.Advice() {
		fmt.Printf("%s: reaches k %v, smallest class %d\n", ad, ad.Reaches, ad.Result.Smallest)
	}
	// Output:
	// 4 rows, 4 classes, smallest 1, 4 rows below k=2
	// column 1: year: reaches k true, smallest class 2
}
