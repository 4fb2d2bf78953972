package cmd_test

import (
	"compress/gzip"
	"errors"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/anondump/anondump/cmd"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "update the cmp files inside the testscript archives")

func TestMain(m *testing.M) {
	// The tests that need a process of their own (signals) run this test
	// binary as anondump itself.
	if os.Getenv("ANONDUMP_TEST_AS_MAIN") == "1" {
		os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"anondump": func() { os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the scripts in testdata/script. Besides the standard
// commands they can use:
//
//	status CODE prog [args...]   run prog like exec; it must exit with CODE
//	gzipfile SRC DST             write SRC gzip-compressed to DST
//	compressfile KIND SRC DST    write SRC compressed with KIND (gzip, zstd, lz4, xz) to DST
//	decompressfile KIND SRC DST  check that SRC is KIND (by its magic bytes) and write it decompressed to DST
func TestScript(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		RequireUniqueNames:  true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":         cmdStatus,
			"gzipfile":       cmdGzipFile,
			"compressfile":   cmdCompressFile,
			"decompressfile": cmdDecompressFile,
			"previewmatches": cmdPreviewMatches,
		},
	})
}

// cmdStatus runs a program and checks its exact exit code; exec's
// "! exec" only tells failure from success, but anondump's codes mean
// different things (1 the dump, 2 usage or rules).
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status CODE prog [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status: bad exit code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("status: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

func cmdGzipFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: gzipfile SRC DST")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	f, err := os.Create(ts.MkAbs(args[1]))
	ts.Check(err)
	zw := gzip.NewWriter(f)
	_, err = zw.Write(data)
	ts.Check(err)
	ts.Check(zw.Close())
	ts.Check(f.Close())
}
