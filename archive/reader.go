package archive

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/zlib"
)

// Reader reads a custom-format archive in order, without seeking.
type Reader struct {
	d      *decoder
	h      *Header
	toc    []*Entry
	byID   map[int]*Entry
	seen   map[int]bool
	cur    *Block
	err    error
	dataAt int64
	zlib   io.ReadCloser
}

// NewReader reads the header and the TOC of the custom-format archive r.
// It refuses a directory or tar toc.dat (format byte 3).
func NewReader(r io.Reader) (*Reader, error) {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 64<<10 {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	h, toc, n, err := ReadTOC(br)
	if err != nil {
		return nil, err
	}
	if h.Format != FormatCustom {
		return nil, &FormatError{Offset: 10, Where: "header", Msg: fmt.Sprintf("format byte %d is a directory or tar toc.dat, not a custom archive", h.Format)}
	}
	rd := &Reader{d: &decoder{r: br, off: n, intSize: h.IntSize, offSize: h.OffSize}, h: h, toc: toc,
		byID: make(map[int]*Entry, len(toc)), seen: map[int]bool{}, dataAt: n}
	for _, e := range toc {
		if o, dup := rd.byID[e.DumpID]; dup {
			return nil, &FormatError{Offset: n, Where: "TOC", Msg: fmt.Sprintf("dump ID %d is used twice (%s %q and %s %q)", e.DumpID, o.Desc.S, o.Tag.S, e.Desc.S, e.Tag.S)}
		}
		rd.byID[e.DumpID] = e
	}
	return rd, nil
}

// decompressor returns the reader of one compressed stream; the zlib
// reader is reused from stream to stream (one is open at a time).
func (r *Reader) decompressor(src io.Reader) (io.ReadCloser, error) {
	if r.h.Compression == CompressGzip && r.zlib != nil {
		if err := r.zlib.(zlib.Resetter).Reset(src, nil); err != nil {
			return nil, err
		}
		return io.NopCloser(r.zlib), nil
	}
	dec, err := newDecompressor(r.h.Compression, src)
	if err == nil && r.h.Compression == CompressGzip {
		r.zlib = dec
		return io.NopCloser(dec), nil
	}
	return dec, err
}

// Header returns the archive's header.
func (r *Reader) Header() *Header { return r.h }

// TOC returns the archive's TOC entries in archive order.
func (r *Reader) TOC() []*Entry { return r.toc }

// DataOffset returns the byte offset where the data area starts.
func (r *Reader) DataOffset() int64 { return r.dataAt }

// Block is one block of the data area. A BlockData block is read with
// Read; a BlockBlobs block with NextObject and then Read for each object.
type Block struct {
	// Entry is the TOC entry the block belongs to.
	Entry *Entry
	// Type is BlockData or BlockBlobs.
	Type byte
	// Offset is the block's position in the archive (its type byte).
	Offset int64

	r      *Reader
	chunks *chunkReader
	dec    io.ReadCloser
	eof    bool
	oid    uint32
	inObj  bool
	objEnd bool

	// ext, when set, serves the block instead of r: a directory's or a
	// tar archive's data files.
	ext extBlock
}

// extBlock is the source of a Block that does not come from a custom
// archive's data area.
type extBlock interface {
	read(p []byte) (int, error)
	nextObject() (uint32, error)
	skip() error
}

// Next returns the next block of the data area, after skipping what is
// left of the previous one; io.EOF ends the archive. A block whose dump
// ID is not a data entry of the TOC, or comes twice, is an error.
func (r *Reader) Next() (*Block, error) {
	if r.err != nil {
		return nil, r.err
	}
	if r.cur != nil {
		if err := r.cur.skip(); err != nil {
			r.err = err
			return nil, err
		}
		r.cur = nil
	}
	d := r.d
	d.where = func() string { return "data area" }
	off := d.off
	t, err := d.r.ReadByte()
	if err == io.EOF {
		for _, e := range r.toc {
			if e.HadDumper && !r.seen[e.DumpID] && e.DataState != OffsetNoData {
				r.err = &FormatError{Offset: off, Where: "data area", Msg: fmt.Sprintf("the archive ends without the data block of %s", entryName(e)), Err: ErrTruncated}
				return nil, r.err
			}
		}
		r.err = io.EOF
		return nil, io.EOF
	}
	if err != nil {
		r.err = d.fail("reading a block type", err)
		return nil, r.err
	}
	d.off++
	if t != BlockData && t != BlockBlobs {
		r.err = &FormatError{Offset: off, Where: "data area", Msg: fmt.Sprintf("unknown block type %d", t)}
		return nil, r.err
	}
	id, err := d.int("a block's dump ID")
	if err != nil {
		r.err = err
		return nil, err
	}
	e := r.byID[int(id)]
	if e == nil || !e.HadDumper {
		r.err = &FormatError{Offset: off, Where: "data area", Msg: fmt.Sprintf("block for dump ID %d, which is not a data entry of the TOC", id)}
		return nil, r.err
	}
	if r.seen[e.DumpID] {
		r.err = &FormatError{Offset: off, Where: "data area", Msg: fmt.Sprintf("a second data block for %s", entryName(e))}
		return nil, r.err
	}
	if (t == BlockBlobs) != e.IsBlobs() {
		r.err = &FormatError{Offset: off, Where: "data area", Msg: fmt.Sprintf("block type %d does not fit %s", t, entryName(e))}
		return nil, r.err
	}
	r.seen[e.DumpID] = true
	where := fmt.Sprintf("data block of %s (block at byte %d)", entryName(e), off)
	d.where = func() string { return where }
	b := &Block{Entry: e, Type: t, Offset: off, r: r}
	if t == BlockData {
		b.open()
	}
	r.cur = b
	return b, nil
}

// open starts the compressed stream of the block or of its current object.
func (b *Block) open() {
	b.chunks = &chunkReader{d: b.r.d}
	b.eof = false
	b.dec = nil
}

// Read reads the decompressed stream of a BlockData block, or of the
// current object of a BlockBlobs block.
func (b *Block) Read(p []byte) (int, error) {
	if b.ext != nil {
		return b.ext.read(p)
	}
	if b.eof {
		return 0, io.EOF
	}
	if b.chunks == nil {
		return 0, errors.New("archive: Read on a BLOBS block before NextObject")
	}
	if b.dec == nil {
		dec, err := b.r.decompressor(b.chunks)
		if err != nil {
			return 0, b.wrap(err)
		}
		b.dec = dec
	}
	n, err := b.dec.Read(p)
	if err == io.EOF {
		// The stream ended: the chunks must end with it.
		if err := b.chunks.drain(); err != nil {
			return n, err
		}
		b.eof = true
		return n, io.EOF
	}
	if err != nil {
		return n, b.wrap(err)
	}
	return n, nil
}

// wrap makes a decompressor's error a FormatError naming the block.
func (b *Block) wrap(err error) error {
	var fe *FormatError
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return b.r.d.fail("the compressed stream ends early", io.ErrUnexpectedEOF)
	}
	return b.r.d.fail(fmt.Sprintf("bad %s data", b.r.h.Compression), err)
}

// NextObject moves to the next large object of a BlockBlobs block and
// returns its OID; io.EOF ends the block. Read then reads its contents.
func (b *Block) NextObject() (uint32, error) {
	if b.Type != BlockBlobs {
		return 0, errors.New("archive: NextObject on a data block")
	}
	if b.ext != nil {
		return b.ext.nextObject()
	}
	if b.objEnd {
		return 0, io.EOF
	}
	if b.inObj {
		if err := b.skipStream(); err != nil {
			return 0, err
		}
	}
	oid, err := b.r.d.int("a large object's OID")
	if err != nil {
		return 0, err
	}
	if oid == 0 {
		b.objEnd, b.inObj = true, false
		return 0, io.EOF
	}
	if oid < 0 || oid > 1<<32-1 {
		return 0, b.r.d.fail(fmt.Sprintf("bad large object OID %d", oid), nil)
	}
	b.oid, b.inObj = uint32(oid), true
	b.open()
	return b.oid, nil
}

// skipStream passes over the rest of the current stream's chunks. The
// stream is not decompressed, so a skipped entry costs only its reading.
func (b *Block) skipStream() error {
	if b.dec != nil && !b.eof {
		b.dec.Close()
	}
	b.eof = true
	return b.chunks.drain()
}

// skip passes over the rest of the block.
func (b *Block) skip() error {
	if b.ext != nil {
		return b.ext.skip()
	}
	if b.Type == BlockData {
		return b.skipStream()
	}
	for {
		_, err := b.NextObject()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// chunkReader reads the payload of length-prefixed chunks up to the zero
// length that ends a stream.
type chunkReader struct {
	d    *decoder
	left int64
	done bool
}

func (c *chunkReader) Read(p []byte) (int, error) {
	for c.left == 0 {
		if c.done {
			return 0, io.EOF
		}
		if err := c.next(); err != nil {
			return 0, err
		}
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.d.r.Read(p)
	c.d.off += int64(n)
	c.left -= int64(n)
	if err == io.EOF {
		return n, c.d.fail("reading a chunk", io.ErrUnexpectedEOF)
	}
	if err != nil {
		return n, c.d.fail("reading a chunk", err)
	}
	return n, nil
}

// next reads a chunk length; zero ends the stream.
func (c *chunkReader) next() error {
	n, err := c.d.int("a chunk length")
	if err != nil {
		return err
	}
	if n < 0 {
		return c.d.fail(fmt.Sprintf("bad chunk length %d", n), nil)
	}
	c.left, c.done = n, n == 0
	return nil
}

// drain reads up to the end of the stream without decompressing it.
func (c *chunkReader) drain() error {
	for !c.done || c.left > 0 {
		if c.left == 0 {
			if err := c.next(); err != nil {
				return err
			}
			continue
		}
		n, err := c.d.r.Discard(int(min(c.left, 1<<30)))
		c.d.off += int64(n)
		c.left -= int64(n)
		if err != nil {
			return c.d.fail("reading a chunk", io.ErrUnexpectedEOF)
		}
	}
	return nil
}

// ErrNoOffset is returned by [Reader.At] for an entry whose data offset
// the archive does not record (pg_dump wrote it to a pipe).
var ErrNoOffset = errors.New("archive: the entry's data offset is not recorded")

// At returns the data block of entry e (of r's TOC), read from ra at the
// offset the TOC records, independently of r and of other blocks: an
// archive in a file can be read in any order. ra must hold the archive r
// was read from.
func (r *Reader) At(ra io.ReaderAt, e *Entry) (*Block, error) {
	if e.DataState != OffsetSet || e.DataPos <= 0 {
		return nil, ErrNoOffset
	}
	sub := &Reader{h: r.h, toc: r.toc, byID: r.byID, seen: map[int]bool{}, dataAt: r.dataAt,
		d: &decoder{r: bufio.NewReaderSize(io.NewSectionReader(ra, e.DataPos, 1<<62), 64<<10), off: e.DataPos, intSize: r.h.IntSize, offSize: r.h.OffSize}}
	b, err := sub.Next()
	if err != nil {
		return nil, err
	}
	if b.Entry != e {
		return nil, &FormatError{Offset: e.DataPos, Where: "data area", Msg: fmt.Sprintf("the TOC puts the data of %s at byte %d, and the block there is %s's", entryName(e), e.DataPos, entryName(b.Entry))}
	}
	return b, nil
}
