//go:build race

package kanon

// raceEnabled: the race detector allocates, so allocation tests skip.
const raceEnabled = true
