// Package kanon measures the k-anonymity of a table's output, streaming.
//
// # Model
//
// A rules file names, per table, a set of quasi-identifier (QI) columns
// and a k. Two rows are in the same equivalence class when their output
// values of the QI columns are equal (SQL NULL is a value of its own,
// distinct from the empty string). The table is k-anonymous when every
// class holds at least k rows. A [Counter] counts the rows of each class
// as they stream past and its [Counter.Result] says how far the table is
// from k: the smallest class, the classes below k, the rows in them and a
// histogram of class sizes.
//
// # Memory
//
// A Counter never stores a value. Each row's QI values, length-prefixed,
// are hashed to a 128-bit key (see [Counter] for why collisions are
// negligible), and the counter keeps one 24-byte slot per class in an
// open-addressing table that grows at 3/4 load: between 32 and 64 bytes
// per distinct class, whatever the values' sizes, and nothing per row.
// [Counter.Bytes] says what a counter holds.
//
// # Generalization advice
//
// An [Advisor] counts, in the same pass, the classes of a few candidate
// generalizations besides the values themselves: each QI column may be
// coarsened along a [Ladder] of [Step]s (a date to its month, then its
// year; a postcode to its first 4, 3, 2, 1 characters; a number to
// buckets of 5, 10, 50, 100), and a [Candidate] picks one level per
// column. [Advisor.Advice] returns the least coarse candidates that
// reach k. The Advisor keeps, with each class of the values themselves,
// the class's key under each candidate, computed when the class is first
// seen: 16 bytes per class and candidate on top of a Counter's memory,
// and a row of a known class costs no more than in a Counter.
//
// # Samples
//
// anondump check sees a sample of a table's rows, not all of them; an
// [Estimate] carries the statistics of the sample and says that they are
// an estimate, and which way a sample errs.
//
// # Concurrency
//
// A Counter or an Advisor is not safe for concurrent use. Parallel
// workers each count into their own and [Counter.Merge] (or
// [Advisor.Merge]) them at the end; the result is the same as one
// counter's over all rows, in any order.
package kanon
