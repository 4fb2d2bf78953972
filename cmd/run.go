package cmd

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
	"github.com/spf13/cobra"
)

type runOptions struct {
	config   string
	output   string
	input    string
	keyFile  string
	jobs     int
	quiet    bool
	noStrict bool
	progress bool
	report   string
	commands []string // the subcommands, for the hint on a mistyped one
}

// run anonymizes one dump.
func run(o *runOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	if o.jobs < 1 {
		return configError(fmt.Errorf("-j %d: the number of workers must be at least 1", o.jobs))
	}
	if o.input != "" && o.input != "-" {
		if _, err := os.Stat(o.input); errors.Is(err, os.ErrNotExist) {
			for _, sub := range o.commands {
				if strings.HasPrefix(sub, o.input[:min(3, len(o.input))]) {
					return configError(fmt.Errorf("%w (did you mean the command `anondump %s`?)", err, sub))
				}
			}
		}
	}
	rs, err := loadRules(o.config)
	if err != nil {
		return err
	}
	name := "stdin"
	in := stdin
	if o.input != "" && o.input != "-" {
		if o.output != "" && samePath(o.input, o.output) {
			return configError(errors.New("-o names the input file; write the safe dump somewhere else"))
		}
		f, err := os.Open(o.input)
		if err != nil {
			return configError(err)
		}
		defer f.Close()
		in, name = f, o.input
	}
	key, keySource, err := loadKey(o.keyFile, stderr, o.quiet)
	if err != nil {
		return err
	}
	var size int64
	if f, ok := in.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
	}
	counted := &countingReader{r: in}
	br := bufio.NewReaderSize(counted, 64<<10)
	src, err := sniff(br, name)
	if err != nil {
		return err
	}

	var out io.Writer = stdout
	var commit func() error
	if o.output != "" {
		w, c, abort, err := atomicFile(o.output)
		if err != nil {
			return configError(err)
		}
		defer abort()
		out, commit = w, c
	} else if isTerminal(stdout) {
		return configError(errors.New("refusing to write a dump to a terminal; redirect the output or use -o FILE"))
	}

	plan := rules.NewPlan(rs, key)
	if o.noStrict {
		plan.Strict = false
	}
	plan.Warn = func(msg string) { fmt.Fprintf(stderr, "anondump: warning: %s\n", msg) }
	var progress *dumpstream.Progress
	var display *progressDisplay
	if !o.quiet && (o.progress || isTerminal(stderr)) {
		progress = new(dumpstream.Progress)
		display = startProgress(stderr, size, counted, progress)
	}
	start := time.Now()
	st, err := dumpstream.Rewrite(out, src, plan, dumpstream.Options{
		Name:     name,
		Workers:  o.jobs,
		Progress: progress,
		Warn:     func(msg string) { fmt.Fprintf(stderr, "anondump: warning: %s\n", msg) },
	})
	if display != nil {
		display.finish()
	}
	err = outcome(err, plan, commit, stderr)
	outName := o.output
	if outName == "" {
		outName = "stdout"
	}
	rep := newReport(o, name, outName, keySource, st, time.Since(start), err)
	if o.report != "" {
		if werr := writeReport(o.report, rep); werr != nil && err == nil {
			err = dumpError(fmt.Errorf("writing the report: %w", werr))
		}
	}
	if err == nil && !o.quiet {
		rep.printSummary(stderr)
	}
	return err
}

// outcome turns the rewrite's result into the run's error with its exit
// code, checks that every table rule was used, and commits -o.
func outcome(err error, plan *rules.Plan, commit func() error, stderr io.Writer) error {
	var ruleErrs rules.ErrorList
	var coverage *rules.CoverageError
	switch {
	case errors.As(err, &ruleErrs), errors.As(err, &coverage):
		// The rules do not fit the dump (a missing column, a type the
		// transformer cannot write, an uncovered column): fix the rules.
		return configError(err)
	case err != nil:
		return dumpError(err)
	}
	if err := plan.Unused(); err != nil {
		if plan.Strict {
			return configError(err)
		}
		for _, e := range err.(rules.ErrorList) {
			fmt.Fprintf(stderr, "anondump: warning: %s\n", e)
		}
	}
	if commit != nil {
		if err := commit(); err != nil {
			return dumpError(err)
		}
	}
	return nil
}

// writeReport writes the JSON report atomically.
func writeReport(path string, rep *runReport) error {
	w, commit, abort, err := atomicFile(path)
	if err != nil {
		return err
	}
	defer abort()
	if err := rep.writeJSON(w); err != nil {
		return err
	}
	return commit()
}

func loadRules(path string) (*rules.Rules, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, configError(fmt.Errorf("rules file %s not found; pass one with -c FILE (see examples/anon.yaml)", path))
		}
		return nil, configError(err)
	}
	rs, err := rules.Parse(data, path)
	if err != nil {
		return nil, configError(err)
	}
	return rs, nil
}

// loadKey reads the key from --key-file or ANONDUMP_KEY, or draws a random
// one with a note (unless quiet). It also says where the key came from.
func loadKey(keyFile string, stderr io.Writer, quiet bool) (fakers.Key, string, error) {
	env, hasEnv := os.LookupEnv("ANONDUMP_KEY")
	var material []byte
	var source string
	switch {
	case keyFile != "" && hasEnv:
		return fakers.Key{}, "", configError(errors.New("both --key-file and ANONDUMP_KEY are set; use one"))
	case keyFile != "":
		b, err := os.ReadFile(keyFile)
		if err != nil {
			return fakers.Key{}, "", configError(fmt.Errorf("reading the key: %w", err))
		}
		material, source = bytes.TrimRight(b, "\r\n"), "key-file"
		if len(material) == 0 {
			return fakers.Key{}, "", configError(fmt.Errorf("key file %s is empty", keyFile))
		}
	case hasEnv:
		if env == "" {
			return fakers.Key{}, "", configError(errors.New("ANONDUMP_KEY is set but empty"))
		}
		material, source = []byte(env), "ANONDUMP_KEY"
	default:
		if !quiet {
			fmt.Fprintln(stderr, "anondump: note: no key given (ANONDUMP_KEY or --key-file); using a random key, so this output is not reproducible")
		}
		k, err := fakers.RandomKey()
		if err != nil {
			return fakers.Key{}, "", dumpError(err)
		}
		return k, "random", nil
	}
	if len(material) < 16 {
		fmt.Fprintln(stderr, "anondump: warning: the key is shorter than 16 bytes; anyone who guesses it can test guesses of original values against the output")
	}
	return fakers.NewKey(material), source, nil
}

// sniff recognizes the input format from its first bytes: plain text goes
// through, gzip is decompressed, archives are refused with a hint.
func sniff(br *bufio.Reader, name string) (io.Reader, error) {
	head, _ := br.Peek(512)
	switch {
	case bytes.HasPrefix(head, []byte("PGDMP")):
		return nil, configError(fmt.Errorf("%s is a custom-format archive (pg_dump -Fc), which anondump cannot read yet; use a plain dump (pg_dump -Fp) or convert it: pg_restore -f - %s | anondump …", name, name))
	case len(head) >= 262 && string(head[257:262]) == "ustar":
		return nil, configError(fmt.Errorf("%s is a tar archive (pg_dump -Ft); use a plain dump (pg_dump -Fp) or convert it: pg_restore -f - %s | anondump …", name, name))
	case bytes.HasPrefix(head, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, dumpError(fmt.Errorf("%s: %w", name, err))
		}
		return zr, nil
	case bytes.HasPrefix(head, []byte{0x28, 0xb5, 0x2f, 0xfd}), bytes.HasPrefix(head, []byte{0x04, 0x22, 0x4d, 0x18}):
		return nil, configError(fmt.Errorf("%s is zstd or lz4 compressed; decompress it first (zstd -dc / lz4 -dc) and pipe it in", name))
	}
	return br, nil
}

// openDump opens the dump named by args (stdin when none or "-"),
// decompressing gzip and refusing archives. close releases it.
func openDump(args []string, stdin io.Reader) (name string, src io.Reader, close func(), err error) {
	name, in, close := "stdin", stdin, func() {}
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			return "", nil, nil, configError(err)
		}
		name, in, close = args[0], f, func() { f.Close() }
	}
	src, err = sniff(bufio.NewReaderSize(in, 64<<10), name)
	if err != nil {
		close()
		return "", nil, nil, err
	}
	return name, src, close, nil
}

// checkFormat validates a --format flag.
func checkFormat(format string) error {
	if format != "text" && format != "json" {
		return configError(fmt.Errorf("--format %s: use text or json", format))
	}
	return nil
}

// writeJSON writes v as indented JSON, for --format json.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return dumpError(err)
	}
	return nil
}

// atomicFile opens the output. For a regular file (or a new one) it
// creates a temporary file beside the real target (symlinks resolved);
// commit renames it into place, abort (safe after commit) removes it. A
// device or FIFO (-o /dev/stdout, a named pipe) is written directly: it
// cannot be replaced, and renaming over it would destroy it.
func atomicFile(path string) (w io.Writer, commit, abort func() error, err error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, nil, nil, fmt.Errorf("-o %s is a directory", path)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, nil, nil, err
		}
		return f, f.Close, func() error { f.Close(); return nil }, nil
	}
	path, err = resolveLinks(path)
	if err != nil {
		return nil, nil, nil, err
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil, nil, fmt.Errorf("-o %s: the directory %s does not exist", path, dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".anondump-*")
	if err != nil {
		return nil, nil, nil, err
	}
	done := false
	commit = func() error {
		if err := f.Sync(); err != nil {
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		if err := os.Rename(f.Name(), path); err != nil {
			return err
		}
		done = true
		return nil
	}
	abort = func() error {
		if done {
			return nil
		}
		f.Close()
		return os.Remove(f.Name())
	}
	return f, commit, abort, nil
}

// resolveLinks follows symlinks at path, even dangling ones, so that the
// rename replaces the file the link points to rather than the link.
func resolveLinks(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&os.ModeSymlink == 0 {
			return path, nil
		}
		target, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(path), target)
		}
		path = target
	}
	return "", fmt.Errorf("-o %s: too many levels of symbolic links", path)
}

func samePath(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	pa, _ := filepath.Abs(a)
	pb, _ := filepath.Abs(b)
	return pa == pb
}

func newValidate(stdout io.Writer) *cobra.Command {
	var config string
	c := &cobra.Command{
		Use:   "validate -c anon.yaml",
		Short: "Check a rules file without a dump",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			rs, err := loadRules(config)
			if err != nil {
				return err
			}
			cols := 0
			for _, t := range rs.Tables {
				cols += len(t.Columns)
			}
			fmt.Fprintf(stdout, "%s: ok (%d tables, %d column rules)\n", config, len(rs.Tables), cols)
			return nil
		},
	}
	c.Flags().StringVarP(&config, "config", "c", "anon.yaml", "rules file")
	return c
}

func newTransformers(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "transformers",
		Short: "List the transformers a rule can use",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			names := fakers.Names()
			sort.Strings(names)
			for _, n := range names {
				d, _ := fakers.Lookup(n)
				var notes []string
				if len(d.Options) > 0 {
					notes = append(notes, "options: "+strings.Join(d.Options, ", "))
				}
				if d.Unique {
					notes = append(notes, "unique-capable")
				}
				extra := ""
				if len(notes) > 0 {
					extra = " [" + strings.Join(notes, "; ") + "]"
				}
				fmt.Fprintf(stdout, "%-15s %s%s\n", n, d.Summary, extra)
			}
			return nil
		},
	}
}
