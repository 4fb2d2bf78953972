//go:build !race

package kanon

const raceEnabled = false
