//go:build race

package fpe

// raceEnabled: the race detector allocates, so allocation tests skip.
const raceEnabled = true
