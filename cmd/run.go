package cmd

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/anondump/anondump/archive"
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
	// kReportOnly: --k-report-only.
	kReportOnly bool
	asOf        string // --as-of
	progress    bool
	report      string
	stamp       bool
	anySQL      bool
	compress    string   // --compress; "" for the input's own method
	format      string   // --format; "" for the input's own
	tables      []string // --table: the tables of a share run
	commands    []string // the subcommands, for the hint on a mistyped one
}

// run anonymizes one dump.
func run(o *runOptions, stdin io.Reader, stdout, stderr io.Writer) error {
	ui := printer{stderr}
	if o.jobs < 1 {
		return configError(fmt.Errorf("-j %d: the number of workers must be at least 1", o.jobs))
	}
	if o.input != "" && o.input != "-" {
		if _, err := os.Stat(o.input); errors.Is(err, os.ErrNotExist) {
			if sub := closestCommand(o.input, o.commands); sub != "" {
				return configError(withHint(err, "did you mean the command `anondump %s`?", sub))
			}
		}
	}
	var comp compression
	if o.compress != "" {
		c, err := parseCompress(o.compress)
		if err != nil {
			return err
		}
		comp = c
	}
	rs, rulesSum, err := loadRulesSum(o.config)
	if err != nil {
		return err
	}
	if o.input != "" && o.input != "-" && o.output != "" && samePath(o.input, o.output) {
		return configError(errors.New("-o names the input file; write the safe dump somewhere else"))
	}
	key, keySource, err := loadKey(o.keyFile, ui)
	if err != nil {
		return err
	}
	in, err := openInput(o.input, stdin, runCommand, o.report != "")
	if err != nil {
		return err
	}
	defer in.Close()
	outFmt, err := outputFormat(o, in)
	if err != nil {
		return err
	}
	// From here on a signal stops the run the way a failure does: the
	// partial output is removed and the report says so.
	guard := catchSignals()
	defer guard.stop()

	var out io.Writer = stdout
	var commit func() error
	abort := func() error { return nil }
	var outDir string // the directory output, built beside -o
	if outFmt == formatDirectory {
		d, c, a, err := atomicDir(o.output)
		if err != nil {
			return configError(err)
		}
		defer a()
		out, outDir, commit, abort = io.Discard, d, c, a
	} else if o.output != "" {
		w, c, a, err := atomicFile(o.output)
		if err != nil {
			return configError(err)
		}
		defer a()
		out, commit, abort = w, c, a
	} else if isTerminal(stdout) {
		return configError(errors.New("refusing to write a dump to a terminal; redirect the output or use -o FILE"))
	} else {
		growPipe(stdout)
	}
	written := &countingWriter{w: out}
	if o.report != "" {
		written.h = newStreamHash()
	}
	if o.compress == "" {
		comp = defaultCompression(in)
		if in.outer != nil && comp.method != strings.TrimSuffix(in.kind, " data") && !o.quiet {
			ui.infof("the output is %s-compressed: anondump does not write %s (choose with --compress)", comp.method, in.kind)
		}
	}
	// The report's size and hash are of the bytes written: compressed.
	// An archive compresses its own data streams.
	dst, err := newCompressor(comp, written, o.jobs)
	if err != nil {
		return configError(err)
	}
	defer dst.abandon() // a no-op after Close
	outName := o.output
	if outName == "" {
		outName = "stdout"
	}
	stamp := runStamp{
		Version: Version(), RulesSHA256: rulesSum, Key: keySource, KeyFingerprint: key.Fingerprint(),
		InputFormat: in.kind, Input: in, Output: written,
	}

	start := time.Now()
	guard.handle(func(sig os.Signal) {
		abort()
		err := dumpError(fmt.Errorf("interrupted by %s; the partial output was removed", signalName(sig)))
		if o.output == "" {
			err = dumpError(fmt.Errorf("interrupted by %s; the output is incomplete", signalName(sig)))
		}
		rep := newReport(o, in.name, outName, stamp, dumpstream.Stats{}, time.Since(start), err)
		if o.report != "" {
			if werr := writeReport(o.report, rep); werr != nil {
				ui.warningf("writing the report: %v", werr)
			}
		}
		ui.error(err)
	})

	plan := rules.NewPlan(rs, key)
	if o.noStrict {
		plan.Strict = false
	}
	plan.KReportOnly = o.kReportOnly
	if o.asOf != "" {
		d, err := time.Parse(time.DateOnly, o.asOf)
		if err != nil {
			return configError(fmt.Errorf("--as-of %q: give a date as YYYY-MM-DD", o.asOf))
		}
		plan.AsOf = d
	}
	plan.Warn = func(msg string) { ui.warningf("%s", msg) }
	// The cascade: its passes over the input come before anything is
	// written.
	sub, err := prepareSubset(in, plan, key, dumpstream.Options{Name: in.name, AnySQL: o.anySQL}, in.container == formatDirectory && outFmt == formatDirectory && (o.jobs > 1 || len(o.tables) > 0))
	if err != nil {
		var ruleErrs rules.ErrorList
		if errors.As(err, &ruleErrs) {
			return configError(err)
		}
		return dumpError(err)
	}
	t := sub.transformer(plan)
	if o.stamp {
		if _, err := io.WriteString(dst, stamp.comment()); err != nil {
			return dumpError(fmt.Errorf("-o %s: %w", outName, err))
		}
	}
	var progress *dumpstream.Progress
	var display *progressDisplay
	if !o.quiet && (o.progress || isTerminal(stderr)) {
		progress = new(dumpstream.Progress)
		display = startProgress(stderr, in.size, in.raw, progress)
	}
	opts := dumpstream.Options{
		Name:        in.name,
		Workers:     o.jobs,
		Progress:    progress,
		Warn:        func(msg string) { ui.warningf("%s", msg) },
		AnySQL:      o.anySQL,
		Constraints: plan.Constraint,
	}
	var st dumpstream.Stats
	if in.container != "" {
		ar := &archiveRun{format: outFmt, out: out, written: written, dst: dst, dir: outDir, tables: o.tables, tempDir: tempDir(o.output)}
		if sub != nil {
			ar.survey = sub.survey
		}
		st, err = rewriteContainer(ar, in, plan, t, opts)
		switch {
		case err == nil && (outFmt == formatPlain || outFmt == formatTar):
			err = dst.Close()
		case err != nil:
			dst.abandon()
		}
		if outDir != "" {
			// A directory is many files: its size is their total, and it
			// has no one sha256 (nothing went through written).
			written.n.Store(dirSize(outDir))
			if written.h != nil {
				written.h.Sum() // ends its goroutine
				written.h = nil
			}
		}
	} else {
		aopt := largeObjects(plan, opts.Warn)
		opts.LargeObjects, opts.HasLargeObjects = aopt.LargeObjects, aopt.HasLargeObjects
		st, err = dumpstream.Rewrite(dst, in.r, t, opts)
		if err == nil {
			err = dst.Close()
		} else {
			dst.abandon() // no end of stream: the output is visibly incomplete
		}
	}
	if err == nil && o.report != "" && in.container != formatDirectory {
		// The input hash covers the whole file, also what follows the
		// dump's last statement.
		if _, derr := io.Copy(io.Discard, in.r); derr != nil {
			err = derr
		}
	}
	if display != nil {
		display.finish()
	}
	if !guard.finish() {
		select {} // a signal handler is ending the process
	}
	kres, err := outcome(err, plan, commit, ui)
	rep := newReport(o, in.name, outName, stamp, st, time.Since(start), err)
	rep.KAnonymity = kres
	rep.Subset = newSubsetReport(sub.graph())
	if o.report != "" {
		if werr := writeReport(o.report, rep); werr != nil && err == nil {
			err = dumpError(fmt.Errorf("writing the report: %w", werr))
		}
	}
	if err == nil && !o.quiet {
		rep.printSummary(ui)
	}
	return err
}

// largeObjects turns the rules' large_objects: into the archive options.
// Without it, an archive with large objects is a rules error under strict
// coverage (they may hold anything: scanned contracts, photos), and a
// warning otherwise (they are kept).
func largeObjects(plan *rules.Plan, warn func(string)) dumpstream.ArchiveOptions {
	rs := plan.Rules()
	var aopt dumpstream.ArchiveOptions
	switch rs.LargeObjects {
	case "empty":
		aopt.LargeObjects = archive.LOEmpty
	case "drop":
		aopt.LargeObjects = archive.LODrop
	case "":
		msg := "the dump holds large objects, which no rule covers; add at the top of " + rs.File +
			" `large_objects: keep` (nothing personal), `large_objects: empty` (each object kept with no contents, so OIDs and ACLs stay valid) or `large_objects: drop`"
		aopt.HasLargeObjects = func() error {
			if plan.Strict {
				return rules.ErrorList{{Pos: rules.Pos{File: rs.File}, Msg: msg}}
			}
			if warn != nil {
				warn(msg + " (strict: false: they are kept)")
			}
			return nil
		}
	}
	return aopt
}

// seekingWriter is a countingWriter whose destination can seek.
type seekingWriter struct {
	*countingWriter
	s io.Seeker
}

func (w seekingWriter) Seek(off int64, whence int) (int64, error) { return w.s.Seek(off, whence) }

// outcome turns the rewrite's result into the run's error with its exit
// code, checks that every table rule was used, and commits -o.
func outcome(err error, plan *rules.Plan, commit func() error, ui printer) ([]rules.KResult, error) {
	var ruleErrs rules.ErrorList
	var coverage *rules.CoverageError
	switch {
	case errors.As(err, &ruleErrs), errors.As(err, &coverage):
		// The rules do not fit the dump (a missing column, a type the
		// transformer cannot write, an uncovered column): fix the rules.
		return nil, configError(err)
	case err != nil:
		return nil, dumpError(err)
	}
	// Unused rules and where: filters on referenced tables: errors under
	// strict (the output is not committed), else warnings through
	// plan.Warn.
	if err := plan.Finish(); err != nil {
		return nil, configError(err)
	}
	// A table below its k: the output is not committed, exit 1.
	kres, err := plan.KAnonymity()
	if err != nil {
		return kres, dumpError(err)
	}
	for _, r := range kres {
		if !r.Met {
			ui.warningf("%s: k_anonymity %s: %d of %d rows are in classes of fewer than k=%d rows (--k-report-only)",
				r.Rule, r.Table, r.Result.RowsBelowK, r.Result.Rows, r.K)
		}
	}
	if commit != nil {
		if err := commit(); err != nil {
			return kres, dumpError(err)
		}
	}
	return kres, nil
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
	rs, _, err := loadRulesSum(path)
	return rs, err
}

// loadRulesSum loads the rules file and returns its sha256, for the
// audit stamp.
func loadRulesSum(path string) (*rules.Rules, string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, "", configError(withHint(fmt.Errorf("rules file %s not found", path),
				"pass one with -c FILE (see examples/anon.yaml), or write a starter one: anondump scan dump.sql > anon.yaml"))
		}
		return nil, "", configError(err)
	}
	rs, err := rules.Parse(data, path)
	if err != nil {
		return nil, "", configError(err)
	}
	return rs, fmt.Sprintf("%x", sha256.Sum256(data)), nil
}

// minKeyBytes is the shortest key accepted: a shorter one can be
// guessed, and whoever guesses it can test guesses of original values
// against the output.
const minKeyBytes = 16

// loadKey reads the key from --key-file or ANONDUMP_KEY, or draws a random
// one with a warning (even under -q: the output cannot be reproduced). It
// also says where the key came from.
func loadKey(keyFile string, ui printer) (fakers.Key, string, error) {
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
		ui.warningf("no key given (ANONDUMP_KEY or --key-file); using a random key, so this output is not reproducible")
		k, err := fakers.RandomKey()
		if err != nil {
			return fakers.Key{}, "", dumpError(err)
		}
		return k, "random", nil
	}
	if len(material) < minKeyBytes {
		return fakers.Key{}, "", configError(withHint(
			fmt.Errorf("the key from %s is %d bytes; it must be at least %d, or anyone who guesses it can test guesses of original values against the output", source, len(material), minKeyBytes),
			"make one: head -c 32 /dev/urandom | base64 > anondump.key, then pass --key-file anondump.key"))
	}
	return fakers.NewKey(material), source, nil
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
// cannot be replaced, and renaming over it would destroy it. Every error,
// from the writes too, names path as the user gave it, never the hidden
// temporary file.
func atomicFile(path string) (w io.Writer, commit, abort func() error, err error) {
	user := path
	fail := func(err error) error { return outputError(user, err) }
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		if st.IsDir() {
			return nil, nil, nil, fmt.Errorf("-o %s is a directory", user)
		}
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, nil, nil, fail(err)
		}
		return &outputWriter{f: f, user: user}, func() error {
			if err := f.Close(); err != nil {
				return fail(err)
			}
			return nil
		}, func() error { f.Close(); return nil }, nil
	}
	path, err = resolveLinks(path)
	if err != nil {
		return nil, nil, nil, err
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, nil, nil, fmt.Errorf("-o %s: the directory %s does not exist", user, dir)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".anondump-*")
	if err != nil {
		return nil, nil, nil, fail(err)
	}
	var mu sync.Mutex // commit and abort may race: a signal calls abort
	done := false
	commit = func() error {
		mu.Lock()
		defer mu.Unlock()
		if err := f.Sync(); err != nil {
			return fail(err)
		}
		if err := f.Close(); err != nil {
			return fail(err)
		}
		if err := os.Rename(f.Name(), path); err != nil {
			os.Remove(f.Name())
			return fail(err)
		}
		done = true
		return nil
	}
	abort = func() error {
		mu.Lock()
		defer mu.Unlock()
		if done {
			return nil
		}
		done = true
		f.Close()
		return os.Remove(f.Name())
	}
	return &outputWriter{f: f, user: user}, commit, abort, nil
}

// outputWriter writes the output file; its errors name the user's path.
type outputWriter struct {
	f    *os.File
	user string
}

// Seek lets the archive writer fill in a custom archive's data offsets.
func (w *outputWriter) Seek(off int64, whence int) (int64, error) {
	return w.f.Seek(off, whence)
}

func (w *outputWriter) Write(p []byte) (int, error) {
	n, err := w.f.Write(p)
	if err != nil {
		err = outputError(w.user, err)
	}
	return n, err
}

// outputError says what went wrong with -o path, without the name of the
// temporary file the os error carries.
func outputError(path string, err error) error {
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return fmt.Errorf("-o %s: %w", path, err)
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
	var format string
	c := &cobra.Command{
		Use:   "transformers",
		Short: "List the transformers a rule can use, with their class, options and an example",
		Long: `List every transformer: what it writes, its privacy class, whether it can
guarantee unique values, its options, and an example input and output under a
fixed key.

The classes: anonymizing (irreversible: the output does not depend on who the
input was, or only on what a group shares), pseudonymizing (a keyed function
of the input: whoever holds the key can link it again), masking (keeps part
of the input).`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			entries, err := fakers.Reference()
			if err != nil {
				return err
			}
			switch format {
			case "json":
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(entries)
			case "markdown":
				_, err := io.WriteString(stdout, fakers.ReferenceMarkdown(entries))
				return err
			case "text":
			default:
				return configError(fmt.Errorf("--format must be text, json or markdown"))
			}
			for _, e := range entries {
				unique := ""
				if e.Unique {
					unique = ", unique-safe"
				}
				fmt.Fprintf(stdout, "%s (%s%s)\n    %s\n", e.Name, e.Class, unique, e.Summary)
				if len(e.Options) > 0 {
					fmt.Fprintf(stdout, "    options: %s\n", strings.Join(e.Options, ", "))
				}
				fmt.Fprintf(stdout, "    example: %s: %q -> %q\n", e.Rule, e.Input, e.Output)
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "text", "text, json or markdown (the README's table)")
	return c
}
