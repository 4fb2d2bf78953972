package cmd

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/sys/unix"
)

// growPipe gives a pipe a 1 MiB buffer and leaves other files alone.
func TestGrowPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	before, err := unix.FcntlInt(w.Fd(), unix.F_GETPIPE_SZ, 0)
	if err != nil {
		t.Fatal(err)
	}
	if before >= pipeBuffer {
		t.Skipf("pipes already hold %d bytes", before)
	}
	growPipe(w)
	after, err := unix.FcntlInt(w.Fd(), unix.F_GETPIPE_SZ, 0)
	if err != nil {
		t.Fatal(err)
	}
	if after < pipeBuffer {
		max, _ := os.ReadFile("/proc/sys/fs/pipe-max-size")
		t.Errorf("pipe buffer %d after growPipe, want %d (pipe-max-size %s)", after, pipeBuffer, max)
	}
	f, err := os.Create(filepath.Join(t.TempDir(), "plain"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	growPipe(f)          // a regular file: nothing to do, no panic
	growPipe(struct{}{}) // not a file at all
}
