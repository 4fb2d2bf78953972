package archive

import (
	"archive/tar"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
)

// Tar archives (pg_dump -Ft): the members toc.dat (header and TOC, format
// byte 3, file names as extras), "<dumpID>.dat" per data entry in TOC
// order, the large objects as blob_<oid>.dat members followed by their
// list member blobs.toc, restore.sql, and the two zero blocks. Nothing is
// compressed. pg_dump's one quirk: a BLOBS entry's TOC file name is
// "<dumpID>.dat" while its list member is blobs.toc.

// maxRestoreSQL bounds the restore.sql member kept in memory.
const maxRestoreSQL = 1 << 30

// TarReader reads a tar archive in order, without seeking: a pipe works.
type TarReader struct {
	tr       *tar.Reader
	h        *Header
	toc      []*Entry
	byID     map[int]*Entry
	seen     map[int]bool
	cur      *Block
	pending  *tar.Header // a member read ahead (the first of a BLOBS block)
	restore  []byte
	err      error
	memberNo int
}

// NewTarReader reads the first member of the tar archive r, which must be
// toc.dat, and parses its header and TOC.
func NewTarReader(r io.Reader) (*TarReader, error) {
	t := &TarReader{tr: tar.NewReader(r), seen: map[int]bool{}}
	hdr, err := t.tr.Next()
	if err != nil {
		return nil, tarError("the first member", err)
	}
	if hdr.Name != "toc.dat" {
		return nil, &FormatError{Where: "tar member " + strconv.Quote(hdr.Name), Msg: "the first member of a tar archive must be toc.dat"}
	}
	h, toc, _, err := ReadTOC(bufio.NewReaderSize(t.tr, 64<<10))
	if err != nil {
		return nil, fileError("toc.dat", err)
	}
	if h.Format != FormatTar {
		return nil, &FormatError{Offset: 10, Where: "toc.dat: header", Msg: fmt.Sprintf("format byte %d, want 3 (tar)", h.Format)}
	}
	if err := checkIDs(toc); err != nil {
		return nil, fileError("toc.dat", err)
	}
	t.h, t.toc = h, toc
	t.byID = make(map[int]*Entry, len(toc))
	for _, e := range toc {
		t.byID[e.DumpID] = e
	}
	return t, nil
}

// tarError makes an error of the tar reader a *FormatError.
func tarError(what string, err error) *FormatError {
	var fe *FormatError
	if errors.As(err, &fe) {
		return fe
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &FormatError{Where: what, Msg: "the tar archive ends early", Err: ErrTruncated}
	}
	return &FormatError{Where: what, Msg: "bad tar archive", Err: err}
}

// Header returns the archive's header.
func (t *TarReader) Header() *Header { return t.h }

// TOC returns the archive's TOC entries in archive order.
func (t *TarReader) TOC() []*Entry { return t.toc }

// RestoreSQL returns the restore.sql member once Next has returned
// io.EOF; nil if the archive has none.
func (t *TarReader) RestoreSQL() []byte { return t.restore }

// next reads the next member header, or the one read ahead.
func (t *TarReader) next() (*tar.Header, error) {
	if h := t.pending; h != nil {
		t.pending = nil
		return h, nil
	}
	h, err := t.tr.Next()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, tarError(fmt.Sprintf("the tar member after %d members", t.memberNo+1), err)
	}
	t.memberNo++
	if h.Typeflag != tar.TypeReg {
		return nil, &FormatError{Where: "tar member " + strconv.Quote(h.Name), Msg: fmt.Sprintf("not a regular file (type %q)", h.Typeflag)}
	}
	return h, nil
}

// isBlobMember reports whether name is a large object's member, and its OID.
func isBlobMember(name string) (uint32, bool) {
	s, ok := strings.CutPrefix(name, "blob_")
	if !ok {
		return 0, false
	}
	s, ok = strings.CutSuffix(s, ".dat")
	if !ok {
		return 0, false
	}
	oid, err := strconv.ParseUint(s, 10, 32)
	if err != nil || oid == 0 {
		return 0, false
	}
	return uint32(oid), true
}

func isBlobList(name string) bool {
	if name == "blobs.toc" {
		return true
	}
	s, ok := strings.CutPrefix(name, "blobs_")
	if !ok {
		return false
	}
	s, ok = strings.CutSuffix(s, ".toc")
	_, err := strconv.Atoi(s)
	return ok && err == nil
}

// Next returns the next data block, in member order, after skipping what
// is left of the previous one: a BlockData block whose Read gives a
// "<dumpID>.dat" member's contents, or a BlockBlobs block whose objects
// are the blob_<oid>.dat members up to the list member. io.EOF comes
// after restore.sql or at the end of the archive.
func (t *TarReader) Next() (*Block, error) {
	if t.err != nil {
		return nil, t.err
	}
	if t.cur != nil {
		if err := t.cur.skip(); err != nil {
			t.err = err
			return nil, err
		}
		t.cur = nil
	}
	h, err := t.next()
	if err == io.EOF {
		return nil, t.finish()
	}
	if err != nil {
		t.err = err
		return nil, err
	}
	where := "tar member " + strconv.Quote(h.Name)
	if h.Name == "restore.sql" {
		b, err := io.ReadAll(io.LimitReader(t.tr, maxRestoreSQL))
		if err != nil {
			t.err = tarError(where, err)
			return nil, t.err
		}
		t.restore = b
		return nil, t.finish()
	}
	if _, ok := isBlobMember(h.Name); ok || isBlobList(h.Name) {
		var e *Entry
		for _, c := range t.toc {
			if c.IsBlobs() && c.HadDumper && !t.seen[c.DumpID] {
				e = c
				break
			}
		}
		if e == nil {
			t.err = &FormatError{Where: where, Msg: "a large object member, but every BLOBS entry of the TOC has had its objects"}
			return nil, t.err
		}
		t.seen[e.DumpID] = true
		t.pending = h
		b := &Block{Entry: e, Type: BlockBlobs}
		b.ext = &tarObjects{t: t, e: e}
		t.cur = b
		return b, nil
	}
	idStr, ok := strings.CutSuffix(h.Name, ".dat")
	id, err := strconv.Atoi(idStr)
	if !ok || err != nil {
		t.err = &FormatError{Where: where, Msg: "not a member of a pg_dump tar archive"}
		return nil, t.err
	}
	e := t.byID[id]
	if e == nil || !e.HadDumper || e.IsBlobs() {
		t.err = &FormatError{Where: where, Msg: fmt.Sprintf("dump ID %d is not a data entry of the TOC", id)}
		return nil, t.err
	}
	if t.seen[id] {
		t.err = &FormatError{Where: where, Msg: fmt.Sprintf("a second data member for %s", entryName(e))}
		return nil, t.err
	}
	t.seen[id] = true
	b := &Block{Entry: e, Type: BlockData}
	b.ext = &tarData{t: t, name: h.Name, e: e}
	t.cur = b
	return b, nil
}

// finish ends the data: every data entry must have had its member.
func (t *TarReader) finish() error {
	for _, e := range t.toc {
		if e.HadDumper && e.Filename.S != "" && !t.seen[e.DumpID] {
			t.err = &FormatError{Where: "tar archive", Msg: fmt.Sprintf("the archive ends without the data of %s", entryName(e)), Err: ErrTruncated}
			return t.err
		}
	}
	t.err = io.EOF
	return io.EOF
}

// tarData is a data member read as a Block.
type tarData struct {
	t    *TarReader
	name string
	e    *Entry
	off  int64
}

func (d *tarData) read(p []byte) (int, error) {
	n, err := d.t.tr.Read(p)
	d.off += int64(n)
	if err != nil && err != io.EOF {
		fe := tarError("tar member "+strconv.Quote(d.name), err)
		fe.Offset = d.off
		fe.Msg += " (" + entryName(d.e) + ")"
		return n, fe
	}
	return n, err
}

func (d *tarData) nextObject() (uint32, error) {
	return 0, errors.New("archive: NextObject on a data block")
}

func (d *tarData) skip() error {
	_, err := io.Copy(io.Discard, readerFunc(d.read))
	return err
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }

// tarObjects is the large-object members of a BLOBS entry, read as a
// Block.
type tarObjects struct {
	t    *TarReader
	e    *Entry
	cur  *tarData
	oids []uint32
	done bool
}

func (o *tarObjects) read(p []byte) (int, error) {
	if o.cur == nil {
		return 0, errors.New("archive: Read on a BLOBS block before NextObject")
	}
	return o.cur.read(p)
}

func (o *tarObjects) nextObject() (uint32, error) {
	if o.done {
		return 0, io.EOF
	}
	o.cur = nil
	h, err := o.t.next()
	if err == io.EOF {
		return 0, &FormatError{Where: "tar archive", Msg: fmt.Sprintf("the archive ends before the large object list of %s", entryName(o.e)), Err: ErrTruncated}
	}
	if err != nil {
		return 0, err
	}
	where := "tar member " + strconv.Quote(h.Name)
	if oid, ok := isBlobMember(h.Name); ok {
		o.oids = append(o.oids, oid)
		o.cur = &tarData{t: o.t, name: h.Name, e: o.e}
		return oid, nil
	}
	if !isBlobList(h.Name) {
		return 0, &FormatError{Where: where, Msg: fmt.Sprintf("expected a large object or the list of %s", entryName(o.e))}
	}
	o.done = true
	list, err := io.ReadAll(io.LimitReader(o.t.tr, maxRestoreSQL))
	if err != nil {
		return 0, tarError(where, err)
	}
	oids, _, err := parseBlobList(list)
	if err != nil {
		return 0, fileError(h.Name, err)
	}
	if len(oids) != len(o.oids) {
		return 0, &FormatError{Where: where, Msg: fmt.Sprintf("the list names %d large objects, the archive holds %d", len(oids), len(o.oids))}
	}
	for i := range oids {
		if oids[i] != o.oids[i] {
			return 0, &FormatError{Where: where, Msg: fmt.Sprintf("line %d names large object %d, the archive's member is %d", i+1, oids[i], o.oids[i])}
		}
	}
	return 0, io.EOF
}

func (o *tarObjects) skip() error {
	for {
		_, err := o.nextObject()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TarOptions tune a TarWriter.
type TarOptions struct {
	// TempDir is where members are spooled before they are written (the
	// tar header needs the size first); "" is os.TempDir().
	TempDir string
	// RestoreSQL is written as the restore.sql member at Close; nil
	// writes none (pg_restore does not read it).
	RestoreSQL []byte
}

// TarWriter writes a tar archive. It implements Sink, for one stream at a
// time. Each data member is spooled to a temporary file, so memory stays
// constant whatever its size; members are written out in TOC order, as
// soon as every member before them is.
type TarWriter struct {
	tw   *tar.Writer
	h    *Header
	toc  []*Entry
	byID map[int]*Entry
	opt  TarOptions
	now  time.Time

	order   []*Entry // data entries, in TOC order
	next    int      // index in order of the next entry to write out
	members map[int][]spool
	done    map[int]bool
	started map[int]bool
	cur     io.Closer
	err     error
	closed  bool
}

// spool is a finished member waiting in a temporary file.
type spool struct {
	name string
	f    *os.File
	size int64
}

// created is the archive's creation time (pg_dump's local time, taken as
// UTC), the time of every member: the same archive in gives the same
// bytes out, whenever it is written.
func created(h *Header) time.Time {
	c := h.Created
	return time.Date(c[5]+1900, time.Month(c[4]+1), c[3], c[2], c[1], c[0], 0, time.UTC)
}

// NewTarWriter writes toc.dat, the first member, to dst and returns the
// writer of the data members. h and toc may come from an archive of any
// format: the header is copied with format byte 3 and no compression,
// the TOC with file names as pg_dump -Ft writes them ("<dumpID>.dat" for
// every data entry, BLOBS included).
func NewTarWriter(dst io.Writer, h *Header, toc []*Entry, opt TarOptions) (*TarWriter, error) {
	hc := *h
	hc.Format = FormatTar
	hc.Compression, hc.Level = CompressNone, 0
	if err := checkHeader(&hc); err != nil {
		return nil, err
	}
	w := &TarWriter{tw: tar.NewWriter(dst), h: &hc, byID: make(map[int]*Entry, len(toc)), opt: opt,
		now: created(h), members: map[int][]spool{}, done: map[int]bool{}, started: map[int]bool{}}
	w.toc = make([]*Entry, len(toc))
	for i, e := range toc {
		c := *e
		if _, dup := w.byID[c.DumpID]; dup {
			return nil, fmt.Errorf("archive: dump ID %d is used twice in the TOC", c.DumpID)
		}
		c.DataPos = 0
		if hasData(e) {
			c.DataState = OffsetNotSet
			c.Filename = S(fmt.Sprintf("%d.dat", c.DumpID))
			w.order = append(w.order, &c)
		} else {
			c.DataState = OffsetNoData
			c.Filename = S("")
		}
		w.toc[i] = &c
		w.byID[c.DumpID] = &c
	}
	var buf bytes.Buffer
	if err := WriteTOC(&buf, w.h, w.toc); err != nil {
		return nil, err
	}
	if err := w.member("toc.dat", int64(buf.Len()), &buf); err != nil {
		return nil, err
	}
	return w, nil
}

// TOC returns the TOC the writer writes (with its file names).
// SetRestoreSQL sets the restore.sql member Close writes (replacing
// TarOptions.RestoreSQL): a rewrite learns the input's only after its
// data, where a tar has it.
func (w *TarWriter) SetRestoreSQL(b []byte) { w.opt.RestoreSQL = b }

func (w *TarWriter) TOC() []*Entry { return w.toc }

// member writes one tar member.
func (w *TarWriter) member(name string, size int64, r io.Reader) error {
	h := &tar.Header{Typeflag: tar.TypeReg, Name: name, Size: size, Mode: 0o600, ModTime: w.now, Format: tar.FormatUSTAR}
	if size > 1<<33-1 {
		h.Format = tar.FormatGNU // base-256 size, as pg_dump writes it
	}
	if err := w.tw.WriteHeader(h); err != nil {
		return fmt.Errorf("archive: tar member %s: %w", name, err)
	}
	n, err := io.Copy(w.tw, r)
	if err == nil && n != size {
		err = fmt.Errorf("spooled %d bytes, expected %d", n, size)
	}
	if err != nil {
		return fmt.Errorf("archive: tar member %s: %w", name, err)
	}
	return nil
}

// flush writes out the finished members of the entries whose turn it is.
func (w *TarWriter) flush() error {
	for w.err == nil && w.next < len(w.order) {
		e := w.order[w.next]
		for _, s := range w.members[e.DumpID] {
			if w.err != nil {
				break
			}
			if _, err := s.f.Seek(0, io.SeekStart); err != nil {
				w.err = err
			} else {
				w.err = w.member(s.name, s.size, s.f)
			}
			s.f.Close()
			os.Remove(s.f.Name())
		}
		delete(w.members, e.DumpID)
		if !w.done[e.DumpID] {
			break
		}
		w.next++
	}
	return w.err
}

func (w *TarWriter) begin(dumpID int, blobs bool) (*Entry, error) {
	if w.err != nil {
		return nil, w.err
	}
	if w.closed {
		return nil, errors.New("archive: write after Close")
	}
	if w.cur != nil {
		return nil, errors.New("archive: a member was started before the previous one was closed")
	}
	e := w.byID[dumpID]
	if e == nil || e.Filename.S == "" {
		return nil, fmt.Errorf("archive: dump ID %d is not a data entry of the TOC", dumpID)
	}
	if e.IsBlobs() != blobs {
		return nil, fmt.Errorf("archive: %s needs %s", entryName(e), map[bool]string{true: "WriteObjects", false: "WriteData"}[e.IsBlobs()])
	}
	if w.started[dumpID] {
		return nil, fmt.Errorf("archive: a second data member for %s", entryName(e))
	}
	w.started[dumpID] = true
	return e, nil
}

// spoolFile is a member being written to its temporary file.
type spoolFile struct {
	w      *TarWriter
	name   string
	f      *os.File
	bw     *bufio.Writer
	n      int64
	closed bool
	after  func(spool, error) error
}

func (w *TarWriter) spool(name string, after func(spool, error) error) (*spoolFile, error) {
	f, err := os.CreateTemp(w.opt.TempDir, "anondump-tar-*")
	if err != nil {
		return nil, err
	}
	return &spoolFile{w: w, name: name, f: f, bw: bufio.NewWriterSize(f, 64<<10), after: after}, nil
}

func (s *spoolFile) Write(p []byte) (int, error) {
	if s.closed {
		return 0, errors.New("archive: write to a closed member")
	}
	n, err := s.bw.Write(p)
	s.n += int64(n)
	if err != nil {
		err = fmt.Errorf("archive: spooling tar member %s: %w", s.name, err)
	}
	return n, err
}

func (s *spoolFile) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.bw.Flush()
	if err != nil {
		s.f.Close()
		os.Remove(s.f.Name())
		err = fmt.Errorf("archive: spooling tar member %s: %w", s.name, err)
	}
	return s.after(spool{name: s.name, f: s.f, size: s.n}, err)
}

// WriteData starts the member of the data entry dumpID; Close ends it.
func (w *TarWriter) WriteData(dumpID int) (io.WriteCloser, error) {
	e, err := w.begin(dumpID, false)
	if err != nil {
		return nil, err
	}
	s, err := w.spool(fmt.Sprintf("%d.dat", e.DumpID), func(sp spool, err error) error {
		w.cur = nil
		if err != nil {
			w.err = err
			return err
		}
		w.members[dumpID] = append(w.members[dumpID], sp)
		w.done[dumpID] = true
		return w.flush()
	})
	if err != nil {
		return nil, err
	}
	w.cur = s
	return s, nil
}

// WriteObjects starts the large objects of the BLOBS entry dumpID: a
// blob_<oid>.dat member each, then the list member blobs.toc (or
// blobs_<dumpID>.toc from 1.16) at the ObjectSink's Close.
func (w *TarWriter) WriteObjects(dumpID int) (ObjectSink, error) {
	e, err := w.begin(dumpID, true)
	if err != nil {
		return nil, err
	}
	o := &tarObjectSink{w: w, e: e}
	w.cur = o
	return o, nil
}

type tarObjectSink struct {
	w      *TarWriter
	e      *Entry
	list   bytes.Buffer
	cur    *spoolFile
	closed bool
}

func (o *tarObjectSink) Object(oid uint32) (io.WriteCloser, error) {
	if o.closed || o.cur != nil {
		return nil, errors.New("archive: Object while another object is open or after Close")
	}
	if oid == 0 {
		return nil, errors.New("archive: large object OID 0")
	}
	if o.w.err != nil {
		return nil, o.w.err
	}
	name := fmt.Sprintf("blob_%d.dat", oid)
	id := o.e.DumpID
	s, err := o.w.spool(name, func(sp spool, err error) error {
		o.cur = nil
		if err != nil {
			o.w.err = err
			return err
		}
		o.w.members[id] = append(o.w.members[id], sp)
		return o.w.flush()
	})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(&o.list, "%d %s\n", oid, name)
	o.cur = s
	return s, nil
}

func (o *tarObjectSink) Close() error {
	if o.closed {
		return o.w.err
	}
	o.closed = true
	if o.cur != nil {
		o.cur.Close()
	}
	o.w.cur = nil
	if o.w.err != nil {
		return o.w.err
	}
	name := "blobs.toc"
	if o.w.h.Minor() >= 16 {
		name = fmt.Sprintf("blobs_%d.toc", o.e.DumpID)
	}
	s, err := o.w.spool(name, func(sp spool, err error) error {
		if err != nil {
			o.w.err = err
			return err
		}
		o.w.members[o.e.DumpID] = append(o.w.members[o.e.DumpID], sp)
		o.w.done[o.e.DumpID] = true
		return o.w.flush()
	})
	if err != nil {
		o.w.err = err
		return err
	}
	s.Write(o.list.Bytes())
	return s.Close()
}

// Close ends the archive: every data entry must have been written; then
// restore.sql (if TarOptions.RestoreSQL is set) and the end of the tar
// archive. Close does not close dst.
func (w *TarWriter) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	defer w.cleanup()
	if w.err != nil {
		return w.err
	}
	if w.cur != nil {
		w.err = errors.New("archive: Close with a member still open")
		return w.err
	}
	for _, e := range w.order {
		if !w.done[e.DumpID] {
			w.err = fmt.Errorf("archive: no data member was written for %s; write one or drop the entry from the TOC", entryName(e))
			return w.err
		}
	}
	if err := w.flush(); err != nil {
		return err
	}
	if w.opt.RestoreSQL != nil {
		if w.err = w.member("restore.sql", int64(len(w.opt.RestoreSQL)), bytes.NewReader(w.opt.RestoreSQL)); w.err != nil {
			return w.err
		}
	}
	w.err = w.tw.Close()
	return w.err
}

// cleanup removes the spool files left by a failed run.
func (w *TarWriter) cleanup() {
	for id, ss := range w.members {
		for _, s := range ss {
			s.f.Close()
			os.Remove(s.f.Name())
		}
		delete(w.members, id)
	}
}

var _ Sink = (*TarWriter)(nil)

// TarIndex gives random access to the data members of a tar archive in a
// file: where each member's bytes are, found by one pass over the member
// headers (their contents are passed over by seeking).
type TarIndex struct {
	h       *Header
	toc     []*Entry
	ra      io.ReaderAt
	members map[string][2]int64 // offset and size
}

// NewTarIndex indexes the tar archive of size bytes in ra.
func NewTarIndex(ra io.ReaderAt, size int64) (*TarIndex, error) {
	pos := &seekCounter{s: io.NewSectionReader(ra, 0, size)}
	tr := tar.NewReader(pos)
	x := &TarIndex{ra: ra, members: map[string][2]int64{}}
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, tarError("a member header", err)
		}
		x.members[hdr.Name] = [2]int64{pos.n, hdr.Size}
	}
	toc, ok := x.members["toc.dat"]
	if !ok {
		return nil, &FormatError{Where: "tar archive", Msg: "no toc.dat member"}
	}
	h, entries, _, err := ReadTOC(bufio.NewReaderSize(io.NewSectionReader(ra, toc[0], toc[1]), 64<<10))
	if err != nil {
		return nil, fileError("toc.dat", err)
	}
	if h.Format != FormatTar {
		return nil, &FormatError{Offset: 10, Where: "toc.dat: header", Msg: fmt.Sprintf("format byte %d, want 3 (tar)", h.Format)}
	}
	x.h, x.toc = h, entries
	return x, nil
}

// Header returns the archive's header.
func (x *TarIndex) Header() *Header { return x.h }

// TOC returns the archive's TOC entries.
func (x *TarIndex) TOC() []*Entry { return x.toc }

// OpenData returns the data of a TABLE DATA entry (its member NNNN.dat),
// independently of the other members.
func (x *TarIndex) OpenData(e *Entry) (io.Reader, error) {
	name := strconv.Itoa(e.DumpID) + ".dat"
	m, ok := x.members[name]
	if !ok {
		return nil, &FormatError{Where: "tar archive", Msg: fmt.Sprintf("no member %s for %s", name, entryName(e))}
	}
	return io.NewSectionReader(x.ra, m[0], m[1]), nil
}

// seekCounter is a ReadSeeker that knows its position, so that the tar
// reader seeks over member contents and the index learns where they are.
type seekCounter struct {
	s *io.SectionReader
	n int64
}

func (c *seekCounter) Read(p []byte) (int, error) {
	k, err := c.s.Read(p)
	c.n += int64(k)
	return k, err
}

func (c *seekCounter) Seek(off int64, whence int) (int64, error) {
	n, err := c.s.Seek(off, whence)
	if err == nil {
		c.n = n
	}
	return n, err
}
