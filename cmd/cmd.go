// Package cmd is anondump's command line: flags, messages and exit codes.
// The work itself is done by the dumpstream, rules and fakers packages.
//
// Messages go to standard error through the printer in tui.go, as
// "anondump: error: …" (or warning, note, hint), lower case, no final
// period, and never contain a value from the dump.
//
// preview (preview.go) is the one command that prints values from the
// dump, by design: original next to anonymized, for the person who holds
// the original. It writes only to a terminal unless --force. No other
// command, message or report may print a dump value.
package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// Exit codes.
const (
	exitOK     = 0
	exitDump   = 1 // the dump could not be processed
	exitConfig = 2 // usage or rules error
)

// version is set at build time: -ldflags "-X github.com/anondump/anondump/cmd.version=v1.2.3".
var version = ""

// exitError carries an exit code; its message is already printed when
// printed is set.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func configError(err error) error { return &exitError{code: exitConfig, err: err} }
func dumpError(err error) error   { return &exitError{code: exitDump, err: err} }

const usage = `anondump turns a plain-format PostgreSQL dump into one that is safe to share:
the columns named in the rules file get deterministic fake values; everything
else passes through byte for byte.

  pg_dump mydb | anondump -c anon.yaml > safe.sql
  anondump -c anon.yaml -o safe.sql dump.sql
  anondump validate -c anon.yaml

The key that makes fake values reproducible (the same input always gives the
same output, so joins survive) comes from ANONDUMP_KEY or --key-file; it must
be at least 16 bytes. Without one, a random key is drawn (with a warning) and
the output is not reproducible.

The input may be compressed (gzip, zstd, lz4, xz, lzma, bzip2); the output
is compressed the same way (xz, lzma and bzip2 input: zstd) unless
--compress says otherwise. Archives
(pg_dump -Fc, -Fd, -Ft) are converted with pg_restore -f - first. Input that
is not pg_dump or pg_dumpall output is refused unless --sql is given.

Exit status: 0 ok, 1 the dump could not be processed, 2 usage or rules error.
In a pipe, use "set -o pipefail" so a failure is not hidden.`

// Main runs anondump with args and returns the process exit code.
func Main(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	code := exitConfig // cobra's own errors are usage errors
	if errors.As(err, &ee) {
		code = ee.code
	}
	printer{stderr}.error(err)
	return code
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var o runOptions
	root := &cobra.Command{
		Use:           "anondump [-c anon.yaml] [-o out.sql] [dump.sql]",
		Short:         "Anonymize a plain-format PostgreSQL dump",
		Long:          usage,
		Args:          cobra.MaximumNArgs(1),
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.input = args[0]
			}
			return run(&o, stdin, stdout, stderr)
		},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return configError(err) })
	f := root.Flags()
	f.StringVarP(&o.config, "config", "c", "anon.yaml", "rules file")
	f.StringVarP(&o.output, "output", "o", "", "write the safe dump to `FILE` (written to a temporary file, renamed on success)")
	f.StringVar(&o.keyFile, "key-file", "", "read the key from `FILE` instead of ANONDUMP_KEY")
	f.IntVarP(&o.jobs, "jobs", "j", runtime.NumCPU(), "rewrite rows with `N` workers (the output is the same for any N)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print no progress, no summary and no notes (warnings and errors still go to stderr)")
	f.BoolVar(&o.progress, "progress", false, "show progress on stderr even when it is not a terminal")
	f.StringVar(&o.asOf, "as-of", "", "the date (YYYY-MM-DD) ages are kept on by date_of_birth keep_age: true (default: today, UTC); give the dump's date for output that does not change from day to day")
	f.BoolVar(&o.kReportOnly, "k-report-only", false, "a table below its k_anonymity k is reported (a warning and --report), not an error")
	f.BoolVar(&o.noStrict, "no-strict", false, "let tables and columns without a rule pass through, with a warning (default: such data stops the run)")
	f.StringVar(&o.report, "report", "", "write the run report as JSON to `FILE` (also when the run fails; never holds a dump value): counts, and the audit stamp with the input's and output's sizes and sha256")
	f.BoolVar(&o.stamp, "stamp", false, "write a one-line SQL comment at the top of the output: anondump's version, the rules file's sha256, the key's fingerprint")
	f.StringVar(&o.compress, "compress", "", "compress the output: `METHOD[:LEVEL]`, METHOD gzip, zstd, lz4 or none (default: as the input is; zstd for xz, lzma and bzip2 input)")
	f.StringVar(&o.format, "format", "", "the output's format: `plain`, custom, directory or tar (default: the input's own; an archive can be converted to any other format, or to a plain dump)")
	f.StringArrayVar(&o.tables, "table", nil, "share run over a directory archive: write only the data files of the tables matching `PATTERN` (schema.table, or table; glob; repeatable); large objects are the table pg_catalog.pg_largeobject")
	f.BoolVar(&o.anySQL, "sql", false, "accept SQL that pg_dump did not write (by default input without a pg_dump header is refused)")
	root.AddCommand(newValidate(stdout), newVersion(stdout), newTransformers(stdout), newCheck(stdin, stdout), newVerify(stdout), newScan(stdin, stdout), newPreview(stdin, stdout))
	for _, c := range root.Commands() {
		o.commands = append(o.commands, c.Name()) // for the hint on a mistyped command
	}
	return root
}

func newVersion(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print anondump's version",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(stdout, "anondump %s\n", Version())
			return nil
		},
	}
}

// Version returns the version set at build time (make build), else the
// module version (go install …@v1.2.3, or a clone's pseudo-version), else
// the commit the binary was built from: "devel+abc123def456" ("-dirty"
// when the tree had changes), else "devel".
func Version() string {
	if version != "" {
		return version
	}
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev string
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	v := "devel+" + rev[:min(12, len(rev))]
	if dirty {
		v += "-dirty"
	}
	return v
}

// closestCommand returns the subcommand that name is a typo of (at most
// two edits, transpositions counting one, and fewer edits than half the
// name), or "".
func closestCommand(name string, commands []string) string {
	best, bestD := "", 3
	for _, c := range commands {
		d := editDistance(strings.ToLower(name), c)
		if d < bestD && 2*d < len(c) {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent letters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// isTerminal reports whether w is a terminal (not just any character
// device: /dev/null is fine to write a dump to).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
