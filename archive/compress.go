package archive

import (
	"fmt"
	"io"

	"github.com/klauspost/compress/zlib"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// newDecompressor returns the reader of one block's (or one large
// object's) compressed stream.
func newDecompressor(c Compression, r io.Reader) (io.ReadCloser, error) {
	switch c {
	case CompressNone:
		return io.NopCloser(r), nil
	case CompressGzip:
		return zlib.NewReader(r)
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

type zstdReadCloser struct{ *zstd.Decoder }

func (z zstdReadCloser) Close() error { z.Decoder.Close(); return nil }

// A Compressor writes one compressed stream at a time: Reset starts a
// stream to dst, Write compresses, and Close ends the stream (it does not
// close dst). A Writer keeps one and reuses it for every block and large
// object, so its buffers are allocated once.
type Compressor interface {
	io.WriteCloser
	Reset(dst io.Writer)
}

// NewCompressor returns the Compressor pg_dump would use for an
// archive's header: zlib at h.Level (−1 meaning zlib's default, 6) before
// 1.15, and the algorithm's default level for 1.15+ (the level is not in
// those headers). With workers > 1, zlib streams are compressed on that
// many goroutines in independent deflate blocks joined into one zlib
// stream (see ParallelZlib).
func NewCompressor(h *Header, workers int) (Compressor, error) {
	switch h.Compression {
	case CompressNone:
		return &nopCompressor{}, nil
	case CompressGzip:
		level := h.Level
		if level == 0 || level == -1 {
			level = 6 // zlib's Z_DEFAULT_COMPRESSION
		}
		if workers > 1 {
			return NewParallelZlib(io.Discard, level, workers), nil
		}
		return zlib.NewWriterLevel(io.Discard, level)
	case CompressLZ4:
		w := lz4.NewWriter(io.Discard)
		// LZ4F's defaults, as pg_dump uses them: 64 KB blocks, no
		// content checksum.
		err := w.Apply(lz4.BlockSizeOption(lz4.Block64Kb), lz4.ChecksumOption(false), lz4.ConcurrencyOption(1))
		return w, err
	case CompressZstd:
		return zstd.NewWriter(io.Discard, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
	}
	return nil, fmt.Errorf("archive: unknown compression algorithm %d", h.Compression)
}

// nopCompressor passes the bytes through.
type nopCompressor struct{ io.Writer }

func (n *nopCompressor) Reset(dst io.Writer) { n.Writer = dst }
func (n *nopCompressor) Close() error        { return nil }
