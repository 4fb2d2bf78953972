package archive

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// chunkSize is the most payload one chunk of a written block carries;
// pg_dump's compressors flush 4 kB pieces (DEFAULT_IO_BUFFER_SIZE).
const chunkSize = 4096

// WriterOptions tune a Writer. The zero value writes what pg_dump would.
type WriterOptions struct {
	// Workers > 1 compresses each zlib stream on that many goroutines
	// (see ParallelZlib). Other algorithms ignore it.
	Workers int
	// Compressor, when set, replaces the one the header implies (say, to
	// change the level). It must write streams of the header's algorithm.
	Compressor Compressor
}

// Writer writes a custom-format archive: the header and the TOC first,
// then one block per data entry, then (on a seekable output) the TOC
// again with the blocks' offsets.
type Writer struct {
	dst    io.Writer
	bw     *bufio.Writer
	seeker io.WriteSeeker
	base   int64
	off    int64
	h      *Header
	toc    []*Entry
	byID   map[int]*Entry
	done   map[int]bool
	comp   Compressor
	cur    io.Closer
	err    error
	closed bool
}

// countWriter counts what goes to the output.
type countWriter struct {
	w *Writer
}

func (c countWriter) Write(p []byte) (int, error) {
	n, err := c.w.dst.Write(p)
	c.w.off += int64(n)
	return n, err
}

// NewWriter writes h and toc to dst and returns the Writer of the data
// blocks. The TOC is copied: every data entry is written with its offset
// "not set" and every other entry with "no data" (a data entry that
// already says "no data" keeps it, and gets no block). If dst is an
// io.WriteSeeker whose Seek works (a regular file, not a pipe), Close
// seeks back and fills the offsets in. h and toc may come from a
// directory or tar archive (format byte 3): the archive is then written
// with format byte 1, the entries' file names give way to offsets, and an
// entry with no file name has no data block.
func NewWriter(dst io.Writer, h *Header, toc []*Entry, opt WriterOptions) (*Writer, error) {
	if h.Format != FormatCustom && h.Format != FormatTar {
		return nil, fmt.Errorf("archive: NewWriter writes custom archives, not format byte %d", h.Format)
	}
	// A directory's or tar archive's header and TOC convert: the format
	// byte becomes 1 and the file names give way to offsets (an entry
	// whose file name is empty has no data there, so none here).
	fromFiles := h.Format == FormatTar
	hc := *h
	hc.Format = FormatCustom
	h = &hc
	w := &Writer{dst: dst, h: h, byID: make(map[int]*Entry, len(toc)), done: map[int]bool{}, comp: opt.Compressor}
	if s, ok := dst.(io.WriteSeeker); ok {
		if pos, err := s.Seek(0, io.SeekCurrent); err == nil {
			w.seeker, w.base = s, pos
		}
	}
	if w.comp == nil {
		c, err := NewCompressor(h, opt.Workers)
		if err != nil {
			return nil, err
		}
		w.comp = c
	}
	w.toc = make([]*Entry, len(toc))
	for i, e := range toc {
		c := *e
		if fromFiles {
			c.DataState = OffsetNotSet
			if c.Filename.S == "" {
				c.DataState = OffsetNoData
			}
		}
		c.Filename = Str{}
		if c.HadDumper && c.DataState != OffsetNoData {
			c.DataState, c.DataPos = OffsetNotSet, 0
		} else {
			c.DataState, c.DataPos = OffsetNoData, 0
		}
		if _, dup := w.byID[c.DumpID]; dup {
			return nil, fmt.Errorf("archive: dump ID %d is used twice in the TOC", c.DumpID)
		}
		w.toc[i] = &c
		w.byID[c.DumpID] = &c
	}
	w.bw = bufio.NewWriterSize(countWriter{w}, 64<<10)
	if err := writeTOC(w.bw, h, w.toc); err != nil {
		return nil, err
	}
	return w, nil
}

// pos is the output position of the next byte written.
func (w *Writer) pos() int64 { return w.base + w.off + int64(w.bw.Buffered()) }

// begin starts a block for dumpID.
func (w *Writer) begin(dumpID int, blobs bool) (*Entry, error) {
	if w.err != nil {
		return nil, w.err
	}
	if w.closed {
		return nil, errors.New("archive: write after Close")
	}
	if w.cur != nil {
		return nil, errors.New("archive: a block was started before the previous one was closed")
	}
	e := w.byID[dumpID]
	if e == nil || !e.HadDumper {
		return nil, fmt.Errorf("archive: dump ID %d is not a data entry of the TOC", dumpID)
	}
	if e.DataState == OffsetNoData {
		return nil, fmt.Errorf("archive: %s is marked as having no data block (offset flag 3)", entryName(e))
	}
	if e.IsBlobs() != blobs {
		return nil, fmt.Errorf("archive: %s needs %s", entryName(e), map[bool]string{true: "WriteObjects", false: "WriteData"}[e.IsBlobs()])
	}
	if w.done[dumpID] {
		return nil, fmt.Errorf("archive: a second data block for %s", entryName(e))
	}
	w.done[dumpID] = true
	e.DataPos = w.pos()
	t := byte(BlockData)
	if blobs {
		t = BlockBlobs
	}
	enc := w.enc()
	enc.byte1(t)
	enc.int(int64(dumpID))
	if enc.err != nil {
		w.err = enc.err
	}
	return e, w.err
}

func (w *Writer) enc() *encoder { return &encoder{w: w.bw, intSize: w.h.IntSize, offSize: w.h.OffSize} }

// WriteData starts the data block of the entry with dumpID (a TABLE DATA
// entry, or any data entry but BLOBS). What is written to the returned
// stream is compressed and framed; Close ends the block.
func (w *Writer) WriteData(dumpID int) (io.WriteCloser, error) {
	e, err := w.begin(dumpID, false)
	if err != nil {
		return nil, err
	}
	s, err := w.stream(e, nil)
	if err != nil {
		return nil, err
	}
	w.cur = s
	return s, nil
}

// stream opens one compressed stream of chunks.
func (w *Writer) stream(e *Entry, onClose func() error) (*streamWriter, error) {
	s := &streamWriter{w: w, e: e, onClose: onClose}
	s.ch = &chunkWriter{w: w, buf: make([]byte, 0, chunkSize)}
	w.comp.Reset(s.ch)
	s.c = w.comp
	return s, nil
}

// streamWriter is one compressed stream inside a block.
type streamWriter struct {
	w       *Writer
	e       *Entry
	c       io.WriteCloser
	ch      *chunkWriter
	closed  bool
	onClose func() error
}

func (s *streamWriter) Write(p []byte) (int, error) {
	if s.closed {
		return 0, errors.New("archive: write to a closed block")
	}
	if s.w.err != nil {
		return 0, s.w.err
	}
	n, err := s.c.Write(p)
	if err != nil {
		s.w.err = fmt.Errorf("archive: writing the data of %s: %w", entryName(s.e), err)
		return n, s.w.err
	}
	return n, nil
}

// Close ends the stream: the compressor's end, the last chunk, the zero
// length.
func (s *streamWriter) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if err := s.c.Close(); err != nil && s.w.err == nil {
		s.w.err = fmt.Errorf("archive: ending the data of %s: %w", entryName(s.e), err)
	}
	s.ch.flush()
	enc := s.w.enc()
	enc.int(0)
	if enc.err != nil && s.w.err == nil {
		s.w.err = enc.err
	}
	if s.onClose != nil {
		return s.onClose()
	}
	s.w.cur = nil
	return s.w.err
}

// chunkWriter frames compressed bytes as chunks of at most chunkSize; it
// never writes an empty chunk (length 0 ends a stream).
type chunkWriter struct {
	w   *Writer
	buf []byte
}

func (c *chunkWriter) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		k := min(len(p), chunkSize-len(c.buf))
		if k == chunkSize && len(c.buf) == 0 {
			c.emit(p[:k]) // whole chunks go straight through
		} else {
			c.buf = append(c.buf, p[:k]...)
			if len(c.buf) == chunkSize {
				c.flush()
			}
		}
		p = p[k:]
		if c.w.err != nil {
			return 0, c.w.err
		}
	}
	return n, nil
}

func (c *chunkWriter) flush() {
	if len(c.buf) > 0 {
		c.emit(c.buf)
		c.buf = c.buf[:0]
	}
}

func (c *chunkWriter) emit(p []byte) {
	if c.w.err != nil {
		return
	}
	enc := c.w.enc()
	enc.int(int64(len(p)))
	if enc.err == nil {
		_, enc.err = c.w.bw.Write(p)
	}
	if enc.err != nil {
		c.w.err = enc.err
	}
}

// ObjectsWriter writes the large objects of a BLOBS block.
type ObjectsWriter struct {
	w      *Writer
	e      *Entry
	cur    *streamWriter
	closed bool
}

// WriteObjects starts the BLOBS block of the entry with dumpID.
func (w *Writer) WriteObjects(dumpID int) (ObjectSink, error) {
	e, err := w.begin(dumpID, true)
	if err != nil {
		return nil, err
	}
	o := &ObjectsWriter{w: w, e: e}
	w.cur = o
	return o, nil
}

// Object starts the large object oid; what is written to the returned
// stream is its contents, and Close ends it. An object closed without a
// write is empty.
func (o *ObjectsWriter) Object(oid uint32) (io.WriteCloser, error) {
	if o.closed || o.cur != nil {
		return nil, errors.New("archive: Object while another object is open or after Close")
	}
	if oid == 0 {
		return nil, errors.New("archive: large object OID 0")
	}
	if o.w.err != nil {
		return nil, o.w.err
	}
	enc := o.w.enc()
	enc.int(int64(oid))
	if enc.err != nil {
		o.w.err = enc.err
		return nil, enc.err
	}
	s, err := o.w.stream(o.e, func() error { o.cur = nil; return o.w.err })
	if err != nil {
		return nil, err
	}
	o.cur = s
	return s, nil
}

// Close ends the BLOBS block.
func (o *ObjectsWriter) Close() error {
	if o.closed {
		return nil
	}
	if o.cur != nil {
		o.cur.Close()
	}
	o.closed = true
	enc := o.w.enc()
	enc.int(0)
	if enc.err != nil && o.w.err == nil {
		o.w.err = enc.err
	}
	o.w.cur = nil
	return o.w.err
}

// Seekable reports whether the output is seekable, so Close will fill in
// the data offsets.
func (w *Writer) Seekable() bool { return w.seeker != nil }

// Close ends the archive. Every data entry of the TOC must have had its
// block written (pg_restore fails on an entry whose block it cannot
// find); drop an entry from the TOC to leave its data out. On a seekable
// output the TOC is rewritten in place with the blocks' offsets. Close
// does not close dst.
func (w *Writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if w.cur != nil {
		return errors.New("archive: Close with a block still open")
	}
	for _, e := range w.toc {
		if e.HadDumper && e.DataState != OffsetNoData && !w.done[e.DumpID] {
			w.err = fmt.Errorf("archive: no data block was written for %s; write one or drop the entry from the TOC", entryName(e))
			return w.err
		}
	}
	if err := w.bw.Flush(); err != nil {
		w.err = err
		return err
	}
	if w.seeker == nil {
		return nil
	}
	end := w.pos()
	for _, e := range w.toc {
		if e.HadDumper && e.DataState != OffsetNoData {
			e.DataState = OffsetSet
		}
	}
	if _, err := w.seeker.Seek(w.base, io.SeekStart); err != nil {
		w.err = fmt.Errorf("archive: seeking back to fill in the data offsets: %w", err)
		return w.err
	}
	bw := bufio.NewWriterSize(w.seeker, 64<<10)
	if err := writeTOC(bw, w.h, w.toc); err == nil {
		w.err = bw.Flush()
	} else {
		w.err = err
	}
	if w.err == nil {
		_, w.err = w.seeker.Seek(end, io.SeekStart)
	}
	return w.err
}
