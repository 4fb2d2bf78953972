//go:build race

package rules

// raceEnabled: the race detector allocates, so allocation tests skip.
const raceEnabled = true
