//go:build !race

package fakers

const raceEnabled = false
