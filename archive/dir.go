package archive

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// Directory archives (pg_dump -Fd): a toc.dat with the header and the
// TOC (format byte 3, each entry's extra a file name), one file per data
// entry, "<dumpID>.dat", and for large objects one "blob_<oid>.dat" file
// each plus a list file ("blobs.toc", or "blobs_<dumpID>.toc" from 1.16).
// Data files carry a suffix for their compression: ".gz" (a gzip file,
// not custom's raw zlib), ".lz4" (an LZ4 frame) or ".zst" (a zstd frame).

// suffixes are the compression suffixes of directory files, in the order
// they are looked for.
var suffixes = []struct {
	ext string
	c   Compression
}{{"", CompressNone}, {".gz", CompressGzip}, {".lz4", CompressLZ4}, {".zst", CompressZstd}}

// suffix is the file-name suffix for compression c.
func suffix(c Compression) string {
	for _, s := range suffixes {
		if s.c == c {
			return s.ext
		}
	}
	return ""
}

// openFileDecompressor returns the decompressed stream of a directory
// file compressed with c.
func openFileDecompressor(c Compression, r io.Reader) (io.ReadCloser, error) {
	switch c {
	case CompressNone:
		return io.NopCloser(r), nil
	case CompressGzip:
		return gzip.NewReader(r)
	case CompressLZ4:
		return io.NopCloser(lz4.NewReader(r)), nil
	case CompressZstd:
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<28))
		if err != nil {
			return nil, err
		}
		return zstdReadCloser{d}, nil
	}
	return nil, fmt.Errorf("unknown compression algorithm %d", c)
}

// Dir is a directory archive open for reading. OpenData and OpenObjects
// may be called concurrently, from any number of goroutines.
type Dir struct {
	path string
	h    *Header
	toc  []*Entry
}

// OpenDir reads the header and the TOC of the directory archive at path:
// its toc.dat, or toc.dat.gz, toc.dat.lz4 or toc.dat.zst as pg_restore
// accepts. The header's format byte must be FormatTar (3). Errors about
// the archive's contents are *FormatError naming the file.
func OpenDir(path string) (*Dir, error) {
	var f *os.File
	var c Compression
	var name string
	for _, s := range suffixes {
		name = filepath.Join(path, "toc.dat"+s.ext)
		var err error
		f, err = os.Open(name)
		if err == nil {
			c = s.c
			break
		}
		if !errors.Is(err, os.ErrNotExist) {
			return nil, err
		}
	}
	if f == nil {
		if st, err := os.Stat(path); err != nil {
			return nil, err
		} else if !st.IsDir() {
			return nil, &FormatError{Where: path, Msg: "not a directory"}
		}
		return nil, &FormatError{Where: filepath.Join(path, "toc.dat"), Msg: "no toc.dat: not a directory archive", Err: os.ErrNotExist}
	}
	defer f.Close()
	dec, err := openFileDecompressor(c, f)
	if err != nil {
		return nil, fileError(name, err)
	}
	defer dec.Close()
	h, toc, _, err := ReadTOC(bufio.NewReaderSize(dec, 64<<10))
	if err != nil {
		return nil, fileError(name, err)
	}
	if h.Format != FormatTar {
		return nil, &FormatError{Offset: 10, Where: name + ": header", Msg: fmt.Sprintf("format byte %d, want 3 (directory)", h.Format)}
	}
	if err := checkIDs(toc); err != nil {
		return nil, fileError(name, err)
	}
	return &Dir{path: path, h: h, toc: toc}, nil
}

// checkIDs refuses a TOC that uses a dump ID twice.
func checkIDs(toc []*Entry) error {
	seen := make(map[int]*Entry, len(toc))
	for _, e := range toc {
		if o := seen[e.DumpID]; o != nil {
			return &FormatError{Where: "TOC", Msg: fmt.Sprintf("dump ID %d is used twice (%s %q and %s %q)", e.DumpID, o.Desc.S, o.Tag.S, e.Desc.S, e.Tag.S)}
		}
		seen[e.DumpID] = e
	}
	return nil
}

// fileError names the file in err: a FormatError gets the file name in
// front of its Where, any other error becomes a FormatError.
func fileError(name string, err error) *FormatError {
	var fe *FormatError
	if errors.As(err, &fe) {
		c := *fe
		c.Where = name + ": " + c.Where
		return &c
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return &FormatError{Where: name, Msg: "the file ends early", Err: ErrTruncated}
	}
	return &FormatError{Where: name, Msg: "bad data", Err: err}
}

// Header returns the archive's header.
func (d *Dir) Header() *Header { return d.h }

// TOC returns the archive's TOC entries in archive order.
func (d *Dir) TOC() []*Entry { return d.toc }

// openFile opens the data file base (a name without suffix) of entry e,
// trying the header's compression suffix first, then the others.
func (d *Dir) openFile(e *Entry, base string) (io.ReadCloser, error) {
	if base == "" || strings.ContainsAny(base, "/\\") || base == "." || base == ".." {
		return nil, &FormatError{Where: "TOC entry " + entryName(e), Msg: fmt.Sprintf("bad data file name %q", base)}
	}
	order := append([]struct {
		ext string
		c   Compression
	}{{suffix(d.h.Compression), d.h.Compression}}, suffixes...)
	for _, s := range order {
		name := filepath.Join(d.path, base+s.ext)
		f, err := os.Open(name)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		dec, err := openFileDecompressor(s.c, f)
		if err != nil {
			f.Close()
			return nil, fileError(name, err)
		}
		return &fileReader{f: f, dec: dec, name: name, e: e}, nil
	}
	return nil, &FormatError{Where: filepath.Join(d.path, base), Msg: fmt.Sprintf("the data file of %s is missing", entryName(e)), Err: os.ErrNotExist}
}

// fileReader is a directory file's decompressed stream; its errors are
// FormatErrors naming the file.
type fileReader struct {
	f    *os.File
	dec  io.ReadCloser
	name string
	e    *Entry
	off  int64
}

func (r *fileReader) Read(p []byte) (int, error) {
	n, err := r.dec.Read(p)
	r.off += int64(n)
	if err != nil && err != io.EOF {
		fe := fileError(r.name, err)
		fe.Offset = r.off
		fe.Msg += " (" + entryName(r.e) + ")"
		return n, fe
	}
	return n, err
}

func (r *fileReader) Close() error {
	r.dec.Close()
	return r.f.Close()
}

// OpenData opens the data file of entry e (its Filename, with the
// compression suffix) and returns its decompressed stream: for TABLE
// DATA, the COPY rows and the final "\.\n\n\n".
func (d *Dir) OpenData(e *Entry) (io.ReadCloser, error) {
	if e.IsBlobs() {
		return nil, fmt.Errorf("archive: %s holds large objects: use OpenObjects", entryName(e))
	}
	return d.openFile(e, e.Filename.S)
}

// OpenObjects opens the large objects of the BLOBS entry e: its list file
// (blobs.toc or blobs_<dumpID>.toc), then each blob_<oid>.dat file. The
// Block, of Type BlockBlobs, is read with NextObject and Read as a custom
// archive's; the Closer closes the file open at the time.
func (d *Dir) OpenObjects(e *Entry) (*Block, io.Closer, error) {
	if !e.IsBlobs() {
		return nil, nil, fmt.Errorf("archive: %s does not hold large objects", entryName(e))
	}
	name := filepath.Join(d.path, e.Filename.S)
	if e.Filename.S == "" || strings.ContainsAny(e.Filename.S, "/\\") {
		return nil, nil, &FormatError{Where: "TOC entry " + entryName(e), Msg: fmt.Sprintf("bad large object list file name %q", e.Filename.S)}
	}
	list, err := os.ReadFile(name)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, &FormatError{Where: name, Msg: fmt.Sprintf("the large object list of %s is missing", entryName(e)), Err: err}
	}
	if err != nil {
		return nil, nil, err
	}
	oids, files, err := parseBlobList(list)
	if err != nil {
		return nil, nil, fileError(name, err)
	}
	o := &dirObjects{d: d, e: e, oids: oids, files: files, i: -1}
	b := &Block{Entry: e, Type: BlockBlobs, ext: o}
	return b, o, nil
}

// parseBlobList reads the lines "<oid> blob_<oid>.dat\n" of a list file.
func parseBlobList(list []byte) ([]uint32, []string, error) {
	var oids []uint32
	var files []string
	for n, line := range bytes.SplitAfter(list, []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		s := strings.TrimSuffix(string(line), "\n")
		id, file, ok := strings.Cut(s, " ")
		oid, err := strconv.ParseUint(id, 10, 32)
		if !ok || err != nil || oid == 0 || file == "" || strings.ContainsAny(file, "/\\ ") || file == "." || file == ".." {
			return nil, nil, &FormatError{Where: fmt.Sprintf("line %d", n+1), Msg: "not a line \"<oid> blob_<oid>.dat\""}
		}
		oids = append(oids, uint32(oid))
		files = append(files, file)
	}
	return oids, files, nil
}

// dirObjects serves a directory's large objects as a Block.
type dirObjects struct {
	d     *Dir
	e     *Entry
	oids  []uint32
	files []string
	i     int
	cur   io.ReadCloser
}

func (o *dirObjects) read(p []byte) (int, error) {
	if o.cur == nil {
		return 0, errors.New("archive: Read on a BLOBS block before NextObject")
	}
	return o.cur.Read(p)
}

func (o *dirObjects) nextObject() (uint32, error) {
	if o.cur != nil {
		o.cur.Close()
		o.cur = nil
	}
	if o.i+1 >= len(o.oids) {
		o.i = len(o.oids)
		return 0, io.EOF
	}
	o.i++
	r, err := o.d.openFile(o.e, o.files[o.i])
	if err != nil {
		return 0, err
	}
	o.cur = r
	return o.oids[o.i], nil
}

func (o *dirObjects) skip() error { return o.Close() }

func (o *dirObjects) Close() error {
	if o.cur != nil {
		err := o.cur.Close()
		o.cur = nil
		return err
	}
	return nil
}

// DirOptions tune a DirWriter.
type DirOptions struct {
	// Partial lets Close end the archive without every data entry's
	// file: a run that writes part of the data (a share of the entries)
	// into a directory another run completes.
	Partial bool
	// Workers > 1 compresses each gzip file on that many goroutines, in
	// independent 256 KiB deflate blocks (see ParallelZlib); with one,
	// the blocks are compressed on the goroutine that writes the file.
	// The bytes of a file do not depend on Workers.
	Workers int
}

// DirWriter writes a directory archive. It implements Sink; unlike the
// custom Writer, WriteData and WriteObjects are safe for concurrent use
// by several goroutines, for distinct dump IDs, and their streams may be
// written at the same time.
type DirWriter struct {
	path string
	h    *Header
	toc  []*Entry
	byID map[int]*Entry
	opt  DirOptions

	mu     sync.Mutex
	done   map[int]bool
	open   int
	closed bool
	err    error
}

// CreateDir starts a directory archive at path, an existing empty
// directory or a new one (created with mode 0700). h and toc may come
// from an archive of any format: the header is copied with the format
// byte 3 and the TOC with each entry's file name as pg_dump writes it
// ("<dumpID>.dat" for a data entry, blobs.toc, or blobs_<dumpID>.toc
// from 1.16, for a BLOBS entry, "" for the others). toc.dat is written by
// Close, last.
func CreateDir(path string, h *Header, toc []*Entry, opt DirOptions) (*DirWriter, error) {
	hc := *h
	hc.Format = FormatTar
	if err := checkHeader(&hc); err != nil {
		return nil, err
	}
	w := &DirWriter{path: path, h: &hc, byID: make(map[int]*Entry, len(toc)), opt: opt, done: map[int]bool{}}
	w.toc = make([]*Entry, len(toc))
	for i, e := range toc {
		c := *e
		if _, dup := w.byID[c.DumpID]; dup {
			return nil, fmt.Errorf("archive: dump ID %d is used twice in the TOC", c.DumpID)
		}
		c.DataPos = 0
		if hasData(e) {
			c.DataState = OffsetNotSet
			c.Filename = S(dirFileName(&hc, &c))
		} else {
			c.DataState = OffsetNoData
			c.Filename = S("")
		}
		w.toc[i] = &c
		w.byID[c.DumpID] = &c
	}
	if err := os.Mkdir(path, 0o700); err != nil {
		if !errors.Is(err, os.ErrExist) {
			return nil, err
		}
		ents, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		if len(ents) > 0 {
			return nil, fmt.Errorf("archive: %s is not empty", path)
		}
	}
	return w, nil
}

// hasData reports whether an entry read from any format has a data block
// or file.
func hasData(e *Entry) bool {
	if !e.HadDumper || e.DataState == OffsetNoData {
		return false
	}
	if e.DataState == 0 && e.Filename.S == "" { // read from a directory or tar toc.dat
		return false
	}
	return true
}

// dirFileName is the TOC file name of a data entry in a directory.
func dirFileName(h *Header, e *Entry) string {
	if e.IsBlobs() {
		if h.Minor() >= 16 {
			return fmt.Sprintf("blobs_%d.toc", e.DumpID)
		}
		return "blobs.toc"
	}
	return fmt.Sprintf("%d.dat", e.DumpID)
}

// TOC returns the TOC the writer writes (with its file names).
func (w *DirWriter) TOC() []*Entry { return w.toc }

// DataFileName returns the name of the file, in the directory, that holds
// e's data: its TOC file name with the compression suffix ("3392.dat.gz");
// for a BLOBS entry, its list file (never compressed).
func (w *DirWriter) DataFileName(e *Entry) string {
	if e.IsBlobs() {
		return dirFileName(w.h, e)
	}
	return dirFileName(w.h, e) + suffix(w.h.Compression)
}

// begin claims dumpID for one writer.
func (w *DirWriter) begin(dumpID int, blobs bool) (*Entry, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return nil, w.err
	}
	if w.closed {
		return nil, errors.New("archive: write after Close")
	}
	e := w.byID[dumpID]
	if e == nil || e.Filename.S == "" {
		return nil, fmt.Errorf("archive: dump ID %d is not a data entry of the TOC", dumpID)
	}
	if e.IsBlobs() != blobs {
		return nil, fmt.Errorf("archive: %s needs %s", entryName(e), map[bool]string{true: "WriteObjects", false: "WriteData"}[e.IsBlobs()])
	}
	if w.done[dumpID] {
		return nil, fmt.Errorf("archive: a second data file for %s", entryName(e))
	}
	w.done[dumpID] = true
	w.open++
	return e, nil
}

func (w *DirWriter) end(err error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.open--
	if err != nil && w.err == nil {
		w.err = err
	}
	return err
}

// fileCompressor returns a writer compressing to f as pg_dump does in a
// directory: a gzip file at the header's level, an LZ4 or zstd frame.
func (w *DirWriter) fileCompressor(f io.Writer) (io.WriteCloser, error) {
	switch w.h.Compression {
	case CompressNone:
		return &nopCompressor{Writer: f}, nil
	case CompressGzip:
		level := w.h.Level
		if level == 0 || level == -1 {
			level = 6
		}
		// MTIME 0, "no time stamp", as pg_dump's gzip files have.
		return NewParallelGzip(f, level, max(w.opt.Workers, 1)), nil
	}
	c, err := NewCompressor(w.h, 1)
	if err != nil {
		return nil, err
	}
	c.Reset(f)
	return c, nil
}

// create makes one data file name, compressed.
func (w *DirWriter) create(e *Entry, name string, compress bool) (*dirFile, error) {
	p := filepath.Join(w.path, name)
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	df := &dirFile{f: f, bw: bufio.NewWriterSize(f, 64<<10), name: p, e: e}
	if compress {
		df.c, err = w.fileCompressor(df.bw)
	} else {
		df.c = &nopCompressor{Writer: df.bw}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return df, nil
}

// dirFile is one file being written.
type dirFile struct {
	f      *os.File
	bw     *bufio.Writer
	c      io.WriteCloser
	name   string
	e      *Entry
	closed bool
	after  func(error) error
}

func (d *dirFile) Write(p []byte) (int, error) {
	if d.closed {
		return 0, errors.New("archive: write to a closed data file")
	}
	n, err := d.c.Write(p)
	if err != nil {
		return n, fmt.Errorf("archive: writing %s (%s): %w", d.name, entryName(d.e), err)
	}
	return n, nil
}

func (d *dirFile) Close() error {
	if d.closed {
		return nil
	}
	d.closed = true
	err := d.c.Close()
	if err == nil {
		err = d.bw.Flush()
	}
	if cerr := d.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		err = fmt.Errorf("archive: writing %s (%s): %w", d.name, entryName(d.e), err)
	}
	if d.after != nil {
		return d.after(err)
	}
	return err
}

// WriteData creates the data file of the entry with dumpID and returns
// the stream to write its contents to, compressed with the header's
// method; Close ends the file. Safe for concurrent use for distinct dump
// IDs.
func (w *DirWriter) WriteData(dumpID int) (io.WriteCloser, error) {
	e, err := w.begin(dumpID, false)
	if err != nil {
		return nil, err
	}
	f, err := w.create(e, w.DataFileName(e), true)
	if err != nil {
		return nil, w.end(err)
	}
	f.after = w.end
	return f, nil
}

// WriteObjects starts the large objects of the BLOBS entry dumpID: each
// object a blob_<oid>.dat file (with the compression suffix), and the
// list file written by the ObjectSink's Close. Safe for concurrent use
// for distinct dump IDs; one ObjectSink writes one object at a time.
func (w *DirWriter) WriteObjects(dumpID int) (ObjectSink, error) {
	e, err := w.begin(dumpID, true)
	if err != nil {
		return nil, err
	}
	return &dirObjectSink{w: w, e: e}, nil
}

type dirObjectSink struct {
	w      *DirWriter
	e      *Entry
	list   bytes.Buffer
	cur    *dirFile
	closed bool
	err    error
}

func (o *dirObjectSink) Object(oid uint32) (io.WriteCloser, error) {
	if o.closed || o.cur != nil {
		return nil, errors.New("archive: Object while another object is open or after Close")
	}
	if oid == 0 {
		return nil, errors.New("archive: large object OID 0")
	}
	if o.err != nil {
		return nil, o.err
	}
	name := fmt.Sprintf("blob_%d.dat", oid)
	f, err := o.w.create(o.e, name+suffix(o.w.h.Compression), true)
	if err != nil {
		o.err = err
		return nil, err
	}
	fmt.Fprintf(&o.list, "%d %s\n", oid, name)
	f.after = func(err error) error {
		o.cur = nil
		if err != nil && o.err == nil {
			o.err = err
		}
		return err
	}
	o.cur = f
	return f, nil
}

func (o *dirObjectSink) Close() error {
	if o.closed {
		return o.err
	}
	o.closed = true
	if o.cur != nil {
		o.cur.Close()
	}
	if o.err == nil {
		f, err := o.w.create(o.e, dirFileName(o.w.h, o.e), false)
		if err == nil {
			f.Write(o.list.Bytes())
			err = f.Close()
		}
		o.err = err
	}
	return o.w.end(o.err)
}

// Close ends the archive: it checks that every data entry's file was
// written (unless DirOptions.Partial) and writes toc.dat, last, so an
// interrupted run leaves no toc.dat for pg_restore to trust.
func (w *DirWriter) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if w.open > 0 {
		w.err = errors.New("archive: Close with a data file still open")
		return w.err
	}
	if !w.opt.Partial {
		for _, e := range w.toc {
			if e.Filename.S != "" && !w.done[e.DumpID] {
				w.err = fmt.Errorf("archive: no data file was written for %s; write one or drop the entry from the TOC", entryName(e))
				return w.err
			}
		}
	}
	name := filepath.Join(w.path, "toc.dat")
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		w.err = err
		return err
	}
	err = WriteTOC(f, w.h, w.toc)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		w.err = fmt.Errorf("archive: writing %s: %w", name, err)
	}
	return w.err
}

var _ Sink = (*DirWriter)(nil)
