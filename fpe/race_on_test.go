//go:build race

package fpe

// raceEnabled: the race detector allocates, so allocation tests skip, and
// it is slow, so the exhaustive tests over 10^6 values skip too.
const raceEnabled = true
