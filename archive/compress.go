package archive

import (
	"fmt"
	"io"

	"github.com/klauspost/compress/flate"
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
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<31))
		if err != nil {
			return nil, err
		}
		return zstdReadCloser{d}, nil
	}
	return nil, fmt.Errorf("unknown compression algorithm %d", c)
}

type zstdReadCloser struct{ *zstd.Decoder }

func (z zstdReadCloser) Close() error { z.Decoder.Close(); return nil }

// Compressor starts one compressed stream (one block or one large
// object) that writes its output to dst. Close ends the stream; it does
// not close dst.
type Compressor func(dst io.Writer) (io.WriteCloser, error)

// NewCompressor returns the Compressor pg_dump would use for an
// archive's header: zlib at h.Level (−1 meaning zlib's default) before
// 1.15, and the algorithm's default level for 1.15+. With workers > 1,
// zlib streams are compressed on that many goroutines in independent
// deflate blocks joined into one zlib stream (see NewParallelZlib).
func NewCompressor(h *Header, workers int) (Compressor, error) {
	switch h.Compression {
	case CompressNone:
		return func(dst io.Writer) (io.WriteCloser, error) { return nopWriteCloser{dst}, nil }, nil
	case CompressGzip:
		level := h.Level
		if level == 0 || level == -1 {
			level = 6 // zlib's Z_DEFAULT_COMPRESSION
		}
		if workers > 1 {
			return func(dst io.Writer) (io.WriteCloser, error) { return NewParallelZlib(dst, level, workers), nil }, nil
		}
		return func(dst io.Writer) (io.WriteCloser, error) { return zlib.NewWriterLevel(dst, level) }, nil
	case CompressLZ4:
		return func(dst io.Writer) (io.WriteCloser, error) {
			w := lz4.NewWriter(dst)
			err := w.Apply(lz4.BlockSizeOption(lz4.Block64Kb), lz4.ChecksumOption(false), lz4.ConcurrencyOption(1))
			return w, err
		}, nil
	case CompressZstd:
		return func(dst io.Writer) (io.WriteCloser, error) {
			return zstd.NewWriter(dst, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
		}, nil
	}
	return nil, fmt.Errorf("archive: unknown compression algorithm %d", h.Compression)
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

var _ = flate.BestSpeed
