package cmd_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/anondump/anondump/cmd"
	"golang.org/x/sys/unix"
)

// openPty opens a pseudo-terminal and returns its terminal side.
func openPty(t *testing.T) *os.File {
	t.Helper()
	ptmx, err := os.OpenFile("/dev/ptmx", os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	t.Cleanup(func() { ptmx.Close() })
	if err := unix.IoctlSetPointerInt(int(ptmx.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(ptmx.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	tty, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tty.Close() })
	return tty
}

// TestCompressTerminal: a dump is not written to a terminal, compressed or
// not, and no --compress value lifts the refusal.
func TestCompressTerminal(t *testing.T) {
	dir, _ := compressDir(t, 10)
	tty := openPty(t)
	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	for _, value := range []string{"", "none", "gzip", "zstd:19", "lz4"} {
		args := []string{"-q", "-c", "anon.yaml", "dump.sql"}
		if value != "" {
			args = append(args, "--compress", value)
		}
		var stderr strings.Builder
		code := cmd.Main(args, strings.NewReader(""), tty, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "refusing to write a dump to a terminal") {
			t.Errorf("--compress %q to a terminal: exit %d, stderr %q", value, code, stderr.String())
		}
	}
}
