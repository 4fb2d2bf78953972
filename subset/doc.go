// Package subset drives cascading row filters and consistent subsets: the
// foreign-key graph, the sets of kept or dropped keys, and the order in which
// tables are read.
package subset
