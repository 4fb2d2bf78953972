//go:build race

package fakers

// raceEnabled: the race detector allocates, so allocation tests skip.
const raceEnabled = true
