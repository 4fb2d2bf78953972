//go:build !race

package fpe

const raceEnabled = false
