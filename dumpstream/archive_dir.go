package dumpstream

// Rewriting tar (pg_dump -Ft) and directory (pg_dump -Fd) archives. A tar
// is read in order, like a custom archive. A directory gives random
// access to its data files, so with a directory output the tables are
// rewritten several at a time, one per worker: each worker has its own
// rewriter (its own plans, buffers and counts), the Transformer is asked
// for plans one call at a time, and the stats are put back together in
// TOC order, so that the output and the report do not depend on the
// number of workers.

import (
	"errors"
	"io"
	"sync"

	"github.com/anondump/anondump/archive"
)

// RewriteTar is [RewriteArchive] for a tar-format archive (pg_dump -Ft),
// read in order from src (a pipe works). Without aopt.Output the output
// is a tar written to dst; the tar's restore.sql member (a psql script
// that holds no data) is copied, except under LODrop.
func RewriteTar(dst io.Writer, src io.Reader, t Transformer, opt Options, aopt ArchiveOptions) (_ Stats, err error) {
	defer func() { err = namedFormatError(opt.Name, err) }()
	in := &byteCounter{r: src}
	tr, err := archive.NewTarReader(in)
	if err != nil {
		return Stats{Bytes: in.n}, err
	}
	var tw *archive.TarWriter
	if aopt.Output == nil {
		aopt.Output = func(h *archive.Header, toc []*archive.Entry) (archive.Sink, error) {
			w, err := archive.NewTarWriter(dst, h, toc, archive.TarOptions{})
			tw = w
			return w, err
		}
	}
	st, err := rewriteInOrder(&tarSource{blockSource: blockSource{tr}, tr: tr, onEnd: func() {
		// Under LODrop the input's restore.sql would still create the
		// large objects; pg_restore does not read it, so it is left out.
		if tw != nil && aopt.LargeObjects != archive.LODrop {
			tw.SetRestoreSQL(tr.RestoreSQL())
		}
	}}, in, t, opt, aopt)
	return st, err
}

// tarSource tells the tar writer the input's restore.sql, read last.
type tarSource struct {
	blockSource
	tr    *archive.TarReader
	onEnd func()
}

func (s *tarSource) Next() (*archive.Entry, io.Reader, *archive.Block, error) {
	e, data, blobs, err := s.blockSource.Next()
	if err == io.EOF {
		s.onEnd()
	}
	return e, data, blobs, err
}

// RewriteDir is [RewriteArchive] for the directory-format archive dir
// (pg_dump -Fd), written to the Sink aopt.Output makes (it must be set).
// With aopt.Concurrent and Options.Workers > 1, that many tables are
// rewritten at a time, one per worker, each table's rows on its worker;
// otherwise the data entries are rewritten in TOC order on the caller's
// goroutine. Stats.Bytes counts the decompressed data read.
func RewriteDir(dir *archive.Dir, t Transformer, opt Options, aopt ArchiveOptions) (_ Stats, err error) {
	defer func() { err = namedFormatError(opt.Name, err) }()
	if aopt.Output == nil {
		return Stats{}, errors.New("dumpstream: RewriteDir needs ArchiveOptions.Output")
	}
	in := &byteCounter{}
	if !aopt.Concurrent || opt.Workers < 2 {
		return rewriteInOrder(&dirSource{dir: dir, in: in}, in, t, opt, aopt)
	}
	lt := &lockedTransformer{t: t}
	a := newArchiveRewrite(lt, opt)
	defer a.stop()
	sink, err := a.prepare(dir.Header(), dir.TOC(), aopt)
	if err != nil {
		return a.stats(in), err
	}
	var jobs []*archive.Entry
	for _, e := range dir.TOC() {
		if e.IsData() && a.keep[e.DumpID] {
			jobs = append(jobs, e)
		}
	}
	res := make([]dirJob, len(jobs))
	var next int
	var mu sync.Mutex // next, and the first error
	var failed bool
	var wg sync.WaitGroup
	wopt := opt
	wopt.Workers, wopt.Constraints = 1, nil
	for range min(opt.Workers, len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			x := newEntryRewriter(lt, wopt)
			defer x.stop()
			for {
				mu.Lock()
				i := next
				next++
				stop := failed || i >= len(jobs)
				mu.Unlock()
				if stop {
					return
				}
				res[i] = x.dirEntry(a, dir, sink, jobs[i], aopt.LargeObjects)
				if res[i].err != nil {
					mu.Lock()
					failed = true
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	for _, j := range res {
		// In TOC order: the first failed entry's error, and the stats as
		// one worker would have counted them.
		if j.err != nil {
			return a.stats(in), j.err
		}
		a.r.stats.RuledTables += j.stats.RuledTables
		a.r.stats.RowsRewritten += j.stats.RowsRewritten
		a.r.stats.RowsDropped += j.stats.RowsDropped
		a.r.stats.Ruled = append(a.r.stats.Ruled, j.stats.Ruled...)
		a.rows += j.rows
		a.lines += j.lines
		in.n += j.bytes
	}
	if err := a.finish(sink); err != nil {
		return a.stats(in), err
	}
	return a.stats(in), nil
}

// dirJob is what rewriting one entry of a directory gave.
type dirJob struct {
	err                error
	stats              Stats
	rows, lines, bytes int64
}

// dirEntry rewrites the entry e of dir to sink on x's goroutine.
func (x *entryRewriter) dirEntry(a *archiveRewrite, dir *archive.Dir, sink archive.Sink, e *archive.Entry, lo archive.LOPolicy) (j dirJob) {
	rows, lines, st := x.rows, x.lines, x.r.stats
	x.r.stats = Stats{}
	defer func() {
		j.stats, x.r.stats = x.r.stats, st
		j.rows, j.lines = x.rows-rows, x.lines-lines
	}()
	if a.sel != nil && !a.sel(e) {
		j.err = a.unselected(e)
		return j
	}
	in := &byteCounter{}
	if e.IsBlobs() {
		b, c, err := dir.OpenObjects(e)
		if err != nil {
			j.err = err
			return j
		}
		defer c.Close()
		j.err = archive.CopyObjects(sink, b, lo)
		return j
	}
	rc, err := dir.OpenData(e)
	if err != nil {
		j.err = err
		return j
	}
	defer rc.Close()
	in.r = rc
	j.err = x.writeEntry(sink, e, a.blocks[e.DumpID], in, a.w)
	j.bytes = in.n
	return j
}

// dirSource reads a directory's data entries in TOC order, as blocks.
type dirSource struct {
	dir    *archive.Dir
	in     *byteCounter
	i      int
	closer io.Closer
}

func (s *dirSource) Header() *archive.Header { return s.dir.Header() }
func (s *dirSource) TOC() []*archive.Entry   { return s.dir.TOC() }

func (s *dirSource) Next() (*archive.Entry, io.Reader, *archive.Block, error) {
	if s.closer != nil {
		s.closer.Close()
		s.closer = nil
	}
	toc := s.dir.TOC()
	for ; s.i < len(toc); s.i++ {
		e := toc[s.i]
		if !e.IsData() {
			continue
		}
		s.i++
		if e.IsBlobs() {
			b, c, err := s.dir.OpenObjects(e)
			s.closer = c
			return e, nil, b, err
		}
		rc, err := s.dir.OpenData(e)
		if err != nil {
			return nil, nil, nil, err
		}
		s.closer = rc
		s.in.r = rc
		return e, s.in, nil, nil
	}
	return nil, nil, nil, io.EOF
}

// lockedTransformer asks t for one plan at a time, for the goroutines of
// a directory rewrite.
type lockedTransformer struct {
	mu sync.Mutex
	t  Transformer
}

func (l *lockedTransformer) Table(t *Table) (*TablePlan, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.t.Table(t)
}

func (l *lockedTransformer) EndTable(t *Table, rows int64) {
	if te, ok := l.t.(TableEnder); ok {
		l.mu.Lock()
		defer l.mu.Unlock()
		te.EndTable(t, rows)
	}
}

// WalkTar is [WalkArchive] for a tar-format archive.
func WalkTar(src io.Reader, v Visitor, opt Options) (_ Stats, err error) {
	defer func() { err = namedFormatError(opt.Name, err) }()
	in := &byteCounter{r: src}
	tr, err := archive.NewTarReader(in)
	if err != nil {
		return Stats{Bytes: in.n}, err
	}
	return walkInOrder(blockSource{tr}, in, v, opt)
}

// WalkDir is [WalkArchive] for a directory-format archive: its data files
// are walked in TOC order. Stats.Bytes counts the decompressed data read.
func WalkDir(dir *archive.Dir, v Visitor, opt Options) (_ Stats, err error) {
	defer func() { err = namedFormatError(opt.Name, err) }()
	in := &byteCounter{}
	return walkInOrder(&dirSource{dir: dir, in: in}, in, v, opt)
}

// DirInput stands for a directory-format archive where an io.Reader is
// expected: [WalkAny] walks it with [WalkDir]. Reading it fails.
type DirInput struct{ Dir *archive.Dir }

// ArchiveDir returns the directory archive.
func (d DirInput) ArchiveDir() *archive.Dir { return d.Dir }

func (DirInput) Read([]byte) (int, error) {
	return 0, errors.New("dumpstream: a directory archive is not read as a stream")
}
