package main

import (
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
		rss := a.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // KiB on Linux
		t.Logf("dump of %s: peak RSS %.1f MB", sz, float64(rss)/(1<<20))
		if rss >= memoryBound {
			t.Errorf("dump of %s: peak RSS %d MB, want under %d MB", sz, rss>>20, memoryBound>>20)
		}
	}
}
