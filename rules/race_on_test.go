//go:build race

package rules_test

// raceEnabled: the race detector allocates, so allocation tests skip.
const raceEnabled = true
