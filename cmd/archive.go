package cmd

// Archives in and out: which container the run writes (--format, else the
// input's own), the directory output built beside its target and renamed
// into place, share runs over a directory (--table), and the dispatch to
// dumpstream's rewrite of each container.

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/anondump/anondump/archive"
	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/rules"
)

// Output formats, as --format names them.
const (
	formatPlain     = "plain"
	formatCustom    = "custom"
	formatDirectory = "directory"
	formatTar       = "tar"
)

// outputFormat is the container the run writes: --format, else the
// input's own.
func outputFormat(o *runOptions, in *input) (string, error) {
	f := o.format
	switch f {
	case "":
		f = in.container
		if f == "" {
			f = formatPlain
		}
	case "p", formatPlain:
		f = formatPlain
	case "c", formatCustom:
		f = formatCustom
	case "d", formatDirectory:
		f = formatDirectory
	case "t", formatTar:
		f = formatTar
	default:
		return "", configError(fmt.Errorf("--format %s: use plain, custom, directory or tar", o.format))
	}
	switch {
	case in.container == "" && f != formatPlain:
		return "", configError(withHint(fmt.Errorf("--format %s: %s is a plain dump, which has no table of contents to build a %s archive from", f, in.name, f),
			"anonymize the plain dump, restore it, and dump that with pg_dump -F%c; or dump the database with pg_dump -F%c and give anondump the archive", f[0], f[0]))
	case f == formatDirectory && o.output == "":
		return "", configError(errors.New("a directory archive needs -o DIR (it cannot go to standard output); or choose --format custom or tar"))
	case len(o.tables) > 0 && (in.container != formatDirectory || f != formatDirectory):
		return "", configError(errors.New("--table makes a share of a directory archive: it needs a directory input and a directory output (pg_dump -Fd)"))
	case (o.compress != "" || o.stamp) && (f == formatCustom || f == formatDirectory):
		return "", configError(fmt.Errorf("--compress and --stamp apply to plain dumps and tar archives; a %s archive is written with its own compression and has no place for a comment", f))
	case o.stamp && f == formatTar:
		return "", configError(errors.New("--stamp applies to plain dumps; a tar archive has no place for a comment"))
	}
	return f, nil
}

// tableSelector is --table: the data entries a share run writes. A
// pattern (path.Match syntax) with a dot is matched against the schema
// and the table, "public.order*"; one without against the table alone.
// Large objects are the table pg_catalog.pg_largeobject, where the
// database keeps them.
func tableSelector(patterns []string) (func(e *archive.Entry) bool, error) {
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return nil, configError(fmt.Errorf("--table %q: %v", p, err))
		}
	}
	return func(e *archive.Entry) bool {
		schema, table := e.Namespace.S, e.Tag.S
		if e.IsBlobs() {
			schema, table = "pg_catalog", "pg_largeobject"
		}
		for _, p := range patterns {
			name := table
			if strings.Contains(p, ".") {
				name = schema + "." + table
			}
			if ok, _ := path.Match(p, name); ok {
				return true
			}
		}
		return false
	}, nil
}

// atomicDir makes the directory output: a new directory beside path,
// renamed to path by commit (path must not exist, or be an empty
// directory), removed by abort (safe after commit).
func atomicDir(path string) (tmp string, commit, abort func() error, err error) {
	user := path
	if st, err := os.Stat(path); err == nil {
		if !st.IsDir() {
			return "", nil, nil, fmt.Errorf("-o %s exists and is not a directory; a directory archive is written to a new (or empty) directory", user)
		}
		if ents, err := os.ReadDir(path); err != nil || len(ents) > 0 {
			return "", nil, nil, fmt.Errorf("-o %s is a directory that is not empty; give a new or empty directory (as pg_dump -Fd does)", user)
		}
	}
	parent := filepath.Dir(filepath.Clean(path))
	if st, err := os.Stat(parent); err != nil || !st.IsDir() {
		return "", nil, nil, fmt.Errorf("-o %s: the directory %s does not exist", user, parent)
	}
	tmp, err = os.MkdirTemp(parent, "."+filepath.Base(filepath.Clean(path))+".anondump-*")
	if err != nil {
		return "", nil, nil, outputError(user, err)
	}
	var mu sync.Mutex
	done := false
	commit = func() error {
		mu.Lock()
		defer mu.Unlock()
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			if err := os.Remove(path); err != nil { // empty, checked above
				return outputError(user, err)
			}
		}
		if err := os.Rename(tmp, path); err != nil {
			os.RemoveAll(tmp)
			return outputError(user, err)
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
		return os.RemoveAll(tmp)
	}
	return tmp, commit, abort, nil
}

// dirSize is the total size of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// archiveRun is what rewriteContainer needs of the run.
type archiveRun struct {
	format  string          // the output format
	out     io.Writer       // the output file or stdout (custom archives seek on a file)
	written *countingWriter // counts and hashes what goes to out
	dst     io.Writer       // the compressed stream, for plain and tar output
	dir     string          // the directory output's temporary directory
	tables  []string        // --table
	tempDir string          // where a tar writer spools its members
	// survey builds the cascade from the TOC of an archive read once.
	survey func(*dumpstream.Survey) error
}

// rewriteContainer rewrites (or converts) an archive input.
func rewriteContainer(ar *archiveRun, in *input, plan *rules.Plan, t dumpstream.Transformer, opts dumpstream.Options) (dumpstream.Stats, error) {
	aopt := largeObjects(plan, opts.Warn)
	aopt.Survey = ar.survey
	if len(ar.tables) > 0 {
		sel, err := tableSelector(ar.tables)
		if err != nil {
			return dumpstream.Stats{}, err
		}
		aopt.Select = sel
	}
	var customOut io.Writer = ar.written
	ow, isFile := ar.out.(*outputWriter)
	if isFile {
		customOut = seekingWriter{ar.written, ow}
	}
	switch ar.format {
	case formatCustom:
		if in.container != formatCustom {
			aopt.Output = func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error) {
				return archive.NewWriter(customOut, h, toc, archive.WriterOptions{Workers: max(opts.Workers, 2)})
			}
		}
	case formatDirectory:
		aopt.Concurrent = true
		aopt.Output = func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error) {
			return archive.CreateDir(ar.dir, h, toc, archive.DirOptions{Partial: aopt.Select != nil, Workers: opts.Workers})
		}
	case formatTar:
		if in.container != formatTar {
			aopt.Output = func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error) {
				return archive.NewTarWriter(ar.dst, h, toc, archive.TarOptions{TempDir: ar.tempDir})
			}
		}
	case formatPlain:
		aopt.Output = func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error) {
			return archive.NewScriptWriter(ar.dst, h, toc, archive.ScriptOptions{RestrictKey: restrictKey()})
		}
	}
	var st dumpstream.Stats
	var err error
	switch in.container {
	case formatCustom:
		st, err = dumpstream.RewriteArchive(customOut, in.r, t, opts, aopt)
	case formatTar:
		st, err = dumpstream.RewriteTar(ar.dst, in.r, t, opts, aopt)
	case formatDirectory:
		st, err = dumpstream.RewriteDir(in.dir, t, opts, aopt)
	}
	if err != nil || ar.format != formatCustom || !isFile {
		return st, err
	}
	// A custom archive in a file was written, then its TOC again with the
	// data offsets: its size and hash are taken from the file.
	end, serr := ow.f.Seek(0, io.SeekCurrent)
	if serr != nil {
		return st, nil // a pipe or device: written as it went
	}
	ar.written.n.Store(end)
	if ar.written.h != nil {
		ar.written.h.Sum() // ends its goroutine: it hashed the TOC twice
		ar.written.h = newStreamHash()
		if _, err := io.Copy(ar.written.h, io.NewSectionReader(ow.f, 0, end)); err != nil {
			return st, outputError(ow.user, err)
		}
	}
	return st, nil
}

// tempDir is where a tar output spools its members: beside -o, or the
// system's temporary directory.
func tempDir(output string) string {
	if output == "" || output == "-" {
		return ""
	}
	return filepath.Dir(output)
}

// restrictKey is the key of the \restrict line a plain dump converted
// from an archive starts with, drawn as pg_restore draws its own: 63
// random characters of [A-Za-z0-9].
func restrictKey() string {
	const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	key := make([]byte, 0, 63)
	var b [64]byte
	for len(key) < cap(key) {
		if _, err := rand.Read(b[:]); err != nil {
			panic(err) // crypto/rand does not fail on supported platforms
		}
		for _, c := range b {
			if int(c) < 4*len(chars) && len(key) < cap(key) { // no modulo bias
				key = append(key, chars[int(c)%len(chars)])
			}
		}
	}
	return string(key)
}
