//go:build unix

package cmd_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalRemovesOutput starts anondump on a dump from a pipe the test
// holds open, so the run is still going, then sends it SIGINT, SIGTERM or
// SIGHUP: the temporary -o file must be gone, the report must say ok:
// false, and the exit code must be 128+signal.
func TestSignalRemovesOutput(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "anon.yaml"), []byte(inputRules), 0o644); err != nil {
				t.Fatal(err)
			}
			c := exec.Command(os.Args[0], "-q", "-c", "anon.yaml", "-o", "out.sql", "--report", "report.json")
			c.Dir = dir
			c.Env = append(os.Environ(), "ANONDUMP_TEST_AS_MAIN=1", "ANONDUMP_KEY="+testKey)
			stdin, err := c.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			c.Stderr = &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			// More than anondump looks at before it opens the output;
			// the pipe stays open, so the run cannot end.
			go func() {
				io.WriteString(stdin, "--\n-- PostgreSQL database dump\n--\n\n"+
					"CREATE TABLE public.users (\n    id integer NOT NULL,\n    email text NOT NULL,\n    note text\n);\n\n"+
					"COPY public.users (id, email, note) FROM stdin;\n")
				for i := 0; i < 20000; i++ {
					if _, err := fmt.Fprintf(stdin, "%d\tuser%d@realmail.test\tsome note\n", i, i); err != nil {
						return
					}
				}
			}()
			temp := waitForTemp(t, dir)
			if err := c.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = c.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("wait: %v (want an exit status)", err)
			}
			if got, want := ee.ExitCode(), 128+int(sig); got != want {
				t.Errorf("exit status %d, want %d; stderr:\n%s", got, want, stderr.String())
			}
			if _, err := os.Stat(temp); !os.IsNotExist(err) {
				t.Errorf("the temporary file %s is still there (%v)", filepath.Base(temp), err)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, "*.anondump-*")); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
			if _, err := os.Stat(filepath.Join(dir, "out.sql")); !os.IsNotExist(err) {
				t.Errorf("out.sql exists after the signal (%v)", err)
			}
			data, err := os.ReadFile(filepath.Join(dir, "report.json"))
			if err != nil {
				t.Fatalf("no report: %v", err)
			}
			var rep struct {
				OK    bool   `json:"ok"`
				Error string `json:"error"`
			}
			if err := json.Unmarshal(data, &rep); err != nil {
				t.Fatal(err)
			}
			if rep.OK || !strings.Contains(rep.Error, sig.String()) && !strings.Contains(rep.Error, "SIG") {
				t.Errorf("report: ok %v, error %q; want ok false naming the signal", rep.OK, rep.Error)
			}
			if !strings.HasPrefix(stderr.String(), "anondump: error: interrupted by SIG") {
				t.Errorf("stderr %q", stderr.String())
			}
			if strings.Contains(stderr.String()+string(data), "realmail") {
				t.Errorf("a dump value in stderr or the report")
			}
		})
	}
}

// waitForTemp returns the temporary output file once anondump has made it
// (so its signal handlers are in place). It polls; no timing is asserted.
func waitForTemp(t *testing.T, dir string) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m, _ := filepath.Glob(filepath.Join(dir, ".out.sql.anondump-*")); len(m) == 1 {
			return m[0]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatal("anondump never created its temporary output file")
	return ""
}
