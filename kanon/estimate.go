package kanon

import "fmt"

// An Estimate is what anondump check can say about a table's classes
// from a sample of its rows: the statistics of the sample, marked as an
// estimate unless the sample is the whole table.
//
// # Direction of the bias
//
// A sample splits classes: a class of s rows in the table shows, in a
// sample of a fraction f of the rows, about f·s of them. Every class
// below k in the table is below k in the sample too, and many classes of
// k or more rows in the table fall below k in the sample. For a uniform
// random sample the expected share of sampled rows below k is therefore
// at least the table's share: the sample overestimates the share of rows
// in small classes, and underestimates the size of every class it sees.
// A sample below k says the table may not be k-anonymous, not that it is
// not.
//
// The other way round, a sample with no row below k does not prove the
// table k-anonymous, and its smallest class can be larger than the
// table's: small classes may simply not have been sampled
// (a table of n rows with a single class of 1 row is missed by a sample
// of m rows with probability 1-m/n). Only the run, which sees every row,
// decides.
//
// A sample of the first rows of a table is not uniform: when the order
// of the rows follows a quasi-identifier (rows inserted by date), the
// sample holds fewer distinct values than a uniform one and the bias has
// no known direction.
type Estimate struct {
	// Exact is true when the sample is the whole table (SampleRows ==
	// TableRows): then Sample is the table's own result.
	Exact bool `json:"exact"`
	// SampleRows is the number of rows sampled.
	SampleRows int64 `json:"sample_rows"`
	// TableRows is the table's number of rows, 0 when unknown.
	TableRows int64 `json:"table_rows,omitempty"`
	// Sample is the statistics of the sample itself.
	Sample Result `json:"sample"`
	// ShareBelowK is Sample.RowsBelowK/SampleRows: an estimate, biased
	// upwards, of the share of the table's rows in classes below k.
	ShareBelowK float64 `json:"share_below_k"`
	// RowsBelowK is ShareBelowK·TableRows, rounded, when TableRows is
	// known (0 otherwise): an estimate, biased upwards, of the table's
	// rows below k.
	RowsBelowK int64 `json:"estimated_rows_below_k,omitempty"`
}

// Estimate returns the statistics of the rows added, taken as a sample
// of a table of tableRows rows (0 when unknown).
func (c *Counter) Estimate(tableRows int64) Estimate {
	return newEstimate(c.Result(), tableRows)
}

func newEstimate(r Result, tableRows int64) Estimate {
	e := Estimate{SampleRows: r.Rows, TableRows: tableRows, Sample: r}
	e.Exact = tableRows > 0 && tableRows == r.Rows
	if r.Rows > 0 {
		e.ShareBelowK = float64(r.RowsBelowK) / float64(r.Rows)
	}
	if tableRows > 0 {
		e.RowsBelowK = int64(e.ShareBelowK*float64(tableRows) + 0.5)
	}
	return e
}

// String says what the estimate is, in one line without values:
// "estimated from a sample of 1000 of 52000 rows: 3.2% of rows in
// classes below k=5 (a sample overstates it; the run decides)".
func (e Estimate) String() string {
	if e.Exact {
		return fmt.Sprintf("all %d rows: %d in classes below k=%d (smallest class %d)", e.SampleRows, e.Sample.RowsBelowK, e.Sample.K, e.Sample.Smallest)
	}
	of := ""
	if e.TableRows > 0 {
		of = fmt.Sprintf(" of %d", e.TableRows)
	}
	return fmt.Sprintf("estimated from a sample of %d%s rows: %.1f%% of rows in classes below k=%d, smallest sampled class %d (a sample overstates small classes but can miss some; the run decides)",
		e.SampleRows, of, 100*e.ShareBelowK, e.Sample.K, e.Sample.Smallest)
}
