package main

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeReference fails when README.md's transformer table is not
// what `go generate` writes.
func TestReadmeReference(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	table, err := Table()
	if err != nil {
		t.Fatal(err)
	}
	want, err := Splice(readme, table)
	if err != nil {
		t.Fatal(err)
	}
	if string(want) != string(readme) {
		t.Error("README.md's transformer table is out of date: run go generate (in the repository root)")
	}
}

func TestSplice(t *testing.T) {
	out, err := Splice([]byte("a\n"+Begin+"old\n"+End+"b\n"), "new\n")
	if err != nil || string(out) != "a\n"+Begin+"new\n"+End+"b\n" {
		t.Errorf("Splice = %q, %v", out, err)
	}
	if _, err := Splice([]byte("no markers"), "x"); err == nil || !strings.Contains(err.Error(), "markers") {
		t.Errorf("Splice without markers: %v", err)
	}
}
