package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
)

// memoryBound is the peak RSS anondump must stay under, whatever the size
// of the dump.
const memoryBound = 64 << 20

// TestMemoryBound streams generated dumps of 100 MB and of
// ANONDUMP_MEMTEST (e.g. 4G) through the anondump binary with the
// benchmark rules, over a pipe, and checks that peak RSS stays under
// memoryBound for both. It takes minutes, so it only runs when
// ANONDUMP_MEMTEST is set: `make memtest` (MEMTEST_SIZE=10G for more).
func TestMemoryBound(t *testing.T) {
	size := os.Getenv("ANONDUMP_MEMTEST")
	if size == "" {
		t.Skip("set ANONDUMP_MEMTEST=4G (or run make memtest) to stream a multi-gigabyte dump")
	}
	dir := t.TempDir()
	bin, gen := filepath.Join(dir, "anondump"), filepath.Join(dir, "gen")
	for _, b := range [][]string{{bin, "."}, {gen, "./bench/gen"}} {
		if out, err := exec.Command("go", "build", "-o", b[0], b[1]).CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", b[1], err, out)
		}
	}
	for _, sz := range []string{"100M", size} {
		g := exec.Command(gen, "-size", sz)
		a := exec.Command(bin, "-q", "-c", "bench/anon.yaml")
		a.Env = append(os.Environ(), "ANONDUMP_KEY=memtest-key-0123456789")
		pipe, err := g.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		a.Stdin = pipe
		devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer devnull.Close()
		a.Stdout, a.Stderr = devnull, os.Stderr
		if err := a.Start(); err != nil {
			t.Fatal(err)
		}
		if err := g.Run(); err != nil {
			t.Fatalf("gen -size %s: %v", sz, err)
		}
		if err := a.Wait(); err != nil {
			t.Fatalf("anondump on %s: %v", sz, err)
		}
		rss := peakRSS(a)
		t.Logf("dump of %s: peak RSS %.1f MB", sz, float64(rss)/(1<<20))
		if rss >= memoryBound {
			t.Errorf("dump of %s: peak RSS %d MB, want under %d MB", sz, rss>>20, memoryBound>>20)
		}
	}
}

// hugeValue is the size of the one value the huge-value tests write.
const hugeValue = 150 << 20

// buildAnondump builds the binary into dir.
func buildAnondump(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "anondump")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// peakRSS is the peak resident set size of a finished command, in bytes.
func peakRSS(c *exec.Cmd) int64 {
	return c.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
}

// writeHugeDump writes a dump of public.big (id, email, v) whose first row
// holds a hugeValue-byte v, or, with statement, whose COMMENT ON TABLE
// holds a string literal of that size before short rows.
func writeHugeDump(t *testing.T, path string, statement bool) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("abcdefgh"), 8<<10)
	huge := func() {
		for n := 0; n < hugeValue; n += len(chunk) {
			if _, err := f.Write(chunk); err != nil {
				t.Fatal(err)
			}
		}
	}
	fmt.Fprint(f, "--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n"+
		"CREATE TABLE public.big (id integer, email text, v text);\n")
	if statement {
		fmt.Fprint(f, "COMMENT ON TABLE public.big IS '")
		huge()
		fmt.Fprint(f, "';\n")
	}
	fmt.Fprint(f, "COPY public.big (id, email, v) FROM stdin;\n1\tsomeone@realmail.test\t")
	if !statement {
		huge()
	}
	fmt.Fprint(f, "\n2\tother@realmail.test\tshort\n\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// hugeRules rewrites both personal columns of public.big.
const hugeRules = "version: 1\nstrict: false\ntables:\n  public.big:\n    columns:\n      email: email\n      v: {transform: mask, keep: 2}\n"

// TestMemoryHugeValue streams a dump whose one row holds a 150 MB value
// (and a statement with a 150 MB string literal) through the binary on
// the unruled, kept and ruled paths, and checks peak RSS: the unruled
// and kept paths stay under memoryBound whatever the row length; a ruled
// row costs at most about 3× its size. Run with `make memtest`.
func TestMemoryHugeValue(t *testing.T) {
	if os.Getenv("ANONDUMP_MEMTEST") == "" {
		t.Skip("set ANONDUMP_MEMTEST (or run make memtest) to stream a 150 MB value")
	}
	dir := t.TempDir()
	bin := buildAnondump(t, dir)
	row, stmt := filepath.Join(dir, "row.sql"), filepath.Join(dir, "stmt.sql")
	writeHugeDump(t, row, false)
	writeHugeDump(t, stmt, true)
	rules := map[string]string{
		"unruled": "version: 1\nstrict: false\n",
		"kept":    "version: 1\nstrict: false\ntables:\n  public.big:\n    keep: true\n",
		"ruled":   hugeRules,
	}
	for _, tc := range []struct {
		name, dump, rules string
		bound             int64
	}{
		{"unruled row", row, "unruled", memoryBound},
		{"kept row", row, "kept", memoryBound},
		{"unruled statement", stmt, "unruled", memoryBound},
		{"ruled row", row, "ruled", 3*hugeValue + memoryBound},
	} {
		cfg := filepath.Join(dir, tc.rules+".yaml")
		if err := os.WriteFile(cfg, []byte(rules[tc.rules]), 0o644); err != nil {
			t.Fatal(err)
		}
		in, err := os.Open(tc.dump)
		if err != nil {
			t.Fatal(err)
		}
		a := exec.Command(bin, "-q", "-c", cfg)
		a.Env = append(os.Environ(), "ANONDUMP_KEY=memtest-key-0123456789")
		a.Stdin, a.Stdout, a.Stderr = in, io.Discard, os.Stderr
		err = a.Run()
		in.Close()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		rss := peakRSS(a)
		t.Logf("150 MB value, %s: peak RSS %.1f MB", tc.name, float64(rss)/(1<<20))
		if rss >= tc.bound {
			t.Errorf("%s: peak RSS %d MB, want under %d MB", tc.name, rss>>20, tc.bound>>20)
		}
	}
}

// TestMemoryHugeValueAudit reads a dump whose one row holds a 150 MB value
// in a ruled column with check, scan and verify (the original against its
// anonymized copy) and checks peak RSS: check, which needs no field of the
// table, stays under memoryBound; verify costs at most about 3× the
// value. Scan's figure is logged. Run with `make memtest`.
func TestMemoryHugeValueAudit(t *testing.T) {
	if os.Getenv("ANONDUMP_MEMTEST") == "" {
		t.Skip("set ANONDUMP_MEMTEST (or run make memtest) to read a 150 MB value")
	}
	dir := t.TempDir()
	bin := buildAnondump(t, dir)
	orig, safe, cfg := filepath.Join(dir, "big.sql"), filepath.Join(dir, "safe.sql"), filepath.Join(dir, "anon.yaml")
	writeHugeDump(t, orig, false)
	if err := os.WriteFile(cfg, []byte(hugeRules), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) int64 {
		t.Helper()
		a := exec.Command(bin, args...)
		a.Env = append(os.Environ(), "ANONDUMP_KEY=memtest-key-0123456789")
		a.Stdout, a.Stderr = io.Discard, os.Stderr
		if err := a.Run(); err != nil {
			t.Fatalf("anondump %v: %v", args, err)
		}
		return peakRSS(a)
	}
	run("-q", "-c", cfg, "-o", safe, orig)
	for _, tc := range []struct {
		name  string
		args  []string
		bound int64
	}{
		{"check", []string{"check", "-c", cfg, orig}, memoryBound},
		{"scan", []string{"scan", orig}, 0},
		{"verify", []string{"verify", "-c", cfg, orig, safe}, 3*hugeValue + memoryBound},
	} {
		rss := run(tc.args...)
		t.Logf("150 MB value, %s: peak RSS %.1f MB", tc.name, float64(rss)/(1<<20))
		if tc.bound > 0 && rss >= tc.bound {
			t.Errorf("%s: peak RSS %d MB, want under %d MB", tc.name, rss>>20, tc.bound>>20)
		}
	}
}
