package cmd

// The compression of the output, --compress METHOD[:LEVEL]. By default the
// output is compressed as the input was: a gzip dump gives a gzip dump, so
// `anondump dump.sql.gz -o safe.sql.gz` needs no flag. anondump writes
// three compressed formats, and xz, lzma and bzip2 inputs default to zstd
// output: pure-Go writers of those are slow or missing, and zstd is what
// pg_dump 16+ writes itself.
//
// The writers, each a well-kept pure-Go library:
//   - gzip: klauspost/pgzip, which compresses 1 MiB blocks on all the -j
//     workers at once into one ordinary gzip member (each block primed with
//     the previous block's last 16 KiB, so the ratio is close to gzip's);
//   - zstd: klauspost/compress/zstd, the reader's own package, encoding in
//     the background with up to -j goroutines;
//   - lz4: pierrec/lz4 frames, its blocks compressed on up to -j workers.
//
// LEVEL is on each tool's own scale, mapped to the library's levels:
//
//	gzip 1–9    as gzip(1); the library's level of the same number (default 6)
//	zstd 1–22   as zstd(1), mapped as the library maps zstd levels (default 3):
//	            1–2 fastest, 3–5 default, 6–9 better, 10–22 best compression
//	lz4  1–9    1 is lz4(1)'s default fast compressor (the default); 2–9 are
//	            pierrec/lz4's Level2–Level9, smaller and slower as they rise
//
// pg_dump's spelling gzip:level=9 is accepted too. The bytes written do
// not depend on -j: the blocks are cut at the same places for any number
// of workers.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/klauspost/compress/zstd"
	"github.com/klauspost/pgzip"
	"github.com/pierrec/lz4/v4"
)

// compression is an output compression: a method and a level on that
// method's scale (see the file comment).
type compression struct {
	method string // "none", "gzip", "zstd" or "lz4"
	level  int
}

// codec is what anondump knows of one output method.
type codec struct {
	min, max, def int // the levels accepted, and the default
}

var codecs = map[string]codec{
	"gzip": {1, 9, 6},
	"zstd": {1, 22, 3},
	"lz4":  {1, 9, 1},
}

// String is the compression as --compress spells it.
func (c compression) String() string {
	if c.method == "none" {
		return "none"
	}
	return fmt.Sprintf("%s:%d", c.method, c.level)
}

// parseCompress reads a --compress value: none, gzip, zstd or lz4, with an
// optional :LEVEL (or pg_dump's :level=LEVEL). Errors are usage errors.
func parseCompress(s string) (compression, error) {
	method, level, hasLevel := strings.Cut(s, ":")
	bad := func(format string, a ...any) (compression, error) {
		return compression{}, configError(fmt.Errorf("--compress %s: "+format, append([]any{s}, a...)...))
	}
	switch method {
	case "none":
		if hasLevel {
			return bad("none takes no level")
		}
		return compression{method: "none"}, nil
	case "xz", "lzma", "bzip2":
		return compression{}, configError(withHint(fmt.Errorf("--compress %s: anondump reads %s but writes only gzip, zstd or lz4", s, method),
			"pipe the plain output through it: anondump --compress none … | %s > safe.sql.%s", map[string]string{"xz": "xz", "lzma": "xz --format=lzma", "bzip2": "bzip2"}[method], map[string]string{"xz": "xz", "lzma": "lzma", "bzip2": "bz2"}[method]))
	}
	cd, ok := codecs[method]
	if !ok {
		if _, err := strconv.Atoi(method); err == nil {
			return compression{}, configError(withHint(fmt.Errorf("--compress %s: give a method before the level", s), "for example --compress gzip:%s", method))
		}
		return bad("use gzip, zstd, lz4 or none, with an optional :LEVEL")
	}
	c := compression{method: method, level: cd.def}
	if !hasLevel {
		return c, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(level, "level="))
	if err != nil || n < cd.min || n > cd.max {
		return bad("the %s level must be a whole number from %d to %d", method, cd.min, cd.max)
	}
	c.level = n
	return c, nil
}

// defaultCompression is the output compression for an input: its own
// method, zstd for the methods anondump reads but does not write, and none
// for text.
func defaultCompression(in *input) compression {
	switch in.outer {
	case fmtGzip:
		return compression{method: "gzip", level: codecs["gzip"].def}
	case fmtLz4:
		return compression{method: "lz4", level: codecs["lz4"].def}
	case fmtZstd, fmtXz, fmtLzma, fmtBzip2:
		return compression{method: "zstd", level: codecs["zstd"].def}
	}
	return compression{method: "none"}
}

// blockSize is the size of the blocks pgzip and lz4 compress on separate
// workers. It is fixed, not derived from -j, so that the output does not
// depend on the number of workers.
const blockSize = 1 << 20

// compressor writes the compressed output to its destination. Close ends
// the stream (its trailer, its checksum); abandon stops it without one,
// so that a failed run's output is visibly incomplete. Either may follow
// the other: the second does nothing.
type compressor struct {
	w    io.WriteCloser
	sink *switchWriter
	done bool
}

// Write compresses p.
func (c *compressor) Write(p []byte) (int, error) { return c.w.Write(p) }

// Close writes the end of the stream and stops the compressor's
// goroutines.
func (c *compressor) Close() error {
	if c.done {
		return nil
	}
	c.done = true
	return c.w.Close()
}

// newCompressor starts writing c-compressed data to w with up to workers
// goroutines.
func newCompressor(c compression, w io.Writer, workers int) (*compressor, error) {
	sink := &switchWriter{w: w}
	out := &compressor{sink: sink}
	var err error
	switch c.method {
	case "none":
		out.w = nopWriteCloser{sink}
	case "gzip":
		z, zerr := pgzip.NewWriterLevel(sink, c.level)
		if zerr == nil {
			zerr = z.SetConcurrency(blockSize, workers)
			// MTIME 0, RFC 1952's "no time stamp": pgzip would write the
			// zero time.Time's seconds, truncated to 32 bits.
			z.ModTime = time.Unix(0, 0)
		}
		out.w, err = z, zerr
	case "zstd":
		out.w, err = zstd.NewWriter(sink,
			zstd.WithEncoderLevel(zstd.EncoderLevelFromZstd(c.level)),
			zstd.WithEncoderConcurrency(workers))
	case "lz4":
		z := lz4.NewWriter(sink)
		level := lz4.Fast
		if c.level > 1 {
			level = lz4.CompressionLevel(1 << (8 + c.level)) // Level2…Level9
		}
		err = z.Apply(lz4.CompressionLevelOption(level), lz4.BlockSizeOption(lz4.Block1Mb), lz4.ConcurrencyOption(workers))
		out.w = z
	default:
		err = fmt.Errorf("unknown output compression %q", c.method)
	}
	if err != nil {
		return nil, fmt.Errorf("--compress %s: %w", c, err)
	}
	return out, nil
}

// abandon ends the compressor's goroutines without writing the end of
// the stream.
func (c *compressor) abandon() {
	if !c.done {
		c.sink.off.Store(true)
		c.Close()
	}
}

// switchWriter passes writes on until it is switched off; then it drops
// them.
type switchWriter struct {
	w   io.Writer
	off atomic.Bool // set by abandon while a compressor's goroutine may write
}

func (s *switchWriter) Write(p []byte) (int, error) {
	if s.off.Load() {
		return len(p), nil
	}
	return s.w.Write(p)
}

// nopWriteCloser is an io.Writer with a Close that does nothing.
type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }
