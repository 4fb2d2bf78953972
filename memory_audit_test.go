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

// TestMemoryHugeValueAudit reads a dump whose one row holds a 150 MB value
// in a ruled column with check, scan and verify (the original against its
// anonymized copy) and checks peak RSS: check, which needs no field of the
// table, stays under memoryBound; verify costs at most about 3× the
// value. Scan's figure is logged. Run with `make memtest`.
func TestMemoryHugeValueAudit(t *testing.T) {
	if os.Getenv("ANONDUMP_MEMTEST") == "" {
		t.Skip("set ANONDUMP_MEMTEST (or run make memtest) to read a 150 MB value")
	}
	const valueSize = 150 << 20
	dir := t.TempDir()
	bin := filepath.Join(dir, "anondump")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	orig, safe, cfg := filepath.Join(dir, "big.sql"), filepath.Join(dir, "safe.sql"), filepath.Join(dir, "anon.yaml")
	f, err := os.Create(orig)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, "--\n-- PostgreSQL database dump\n--\n\nSET standard_conforming_strings = on;\n"+
		"CREATE TABLE public.big (id integer, email text, v text);\n"+
		"COPY public.big (id, email, v) FROM stdin;\n1\tsomeone@realmail.test\t")
	chunk := bytes.Repeat([]byte("x"), 1<<20)
	for n := 0; n < valueSize; n += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	fmt.Fprint(f, "\n2\tother@realmail.test\tshort\n\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	rules := "version: 1\nstrict: false\ntables:\n  public.big:\n    columns:\n      email: email\n      v: {transform: mask, keep: 2}\n"
	if err := os.WriteFile(cfg, []byte(rules), 0o644); err != nil {
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
		return a.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
	}
	run("-q", "-c", cfg, "-o", safe, orig)
	for _, tc := range []struct {
		name  string
		args  []string
		bound int64
	}{
		{"check", []string{"check", "-c", cfg, orig}, memoryBound},
		{"scan", []string{"scan", orig}, 0},
		{"verify", []string{"verify", "-c", cfg, orig, safe}, 3*valueSize + memoryBound},
	} {
		rss := run(tc.args...)
		t.Logf("150 MB value, %s: peak RSS %.1f MB", tc.name, float64(rss)/(1<<20))
		if tc.bound > 0 && rss >= tc.bound {
			t.Errorf("%s: peak RSS %d MB, want under %d MB", tc.name, rss>>20, tc.bound>>20)
		}
	}
}
