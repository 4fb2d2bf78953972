package cmd

// One way to open any input, for run, scan, check and verify alike. The
// input is identified positively, by its first bytes: compressed data is
// decompressed (one layer), archives and directories are refused with the
// command that converts them, and what is left must be text. Whether that
// text is a pg_dump is for dumpstream to say (its header, its trailer).
//
// The decompressors, each the Go reader its format is usually read with:
// gzip and bzip2 from the standard library; xz and its predecessor lzma
// ("alone" files, from xz --format=lzma or lzma(1)) from ulikunitz/xz, the
// pure-Go reader both are commonly read with; zstd from klauspost/compress,
// the pure-Go zstd that most Go projects use (pg_dump 16+ writes zstd with
// -Z zstd); lz4 frames from pierrec/lz4, likewise (pg_dump 16+ -Z lz4).
// All are pure Go, so the binary still builds with one `go install`.

import (
	"bufio"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/anondump/anondump/archive"
	"github.com/anondump/anondump/dumpstream"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"
)

// textPeek is how much of the (decompressed) input is looked at to tell
// text from binary data.
const textPeek = 64 << 10

// input is an opened dump.
type input struct {
	name  string          // the file name as given, or "stdin"
	path  string          // the file name, or "" for standard input
	kind  string          // what it was: "text", "gzip data", "xz data", …
	outer *format         // the compression it was decompressed from, or nil
	r     io.Reader       // the text of the dump, decompressed
	raw   *countingReader // the bytes read from the file or stdin, before decompression
	// container is the archive the input is: "custom" (pg_dump -Fc) or
	// "tar" (-Ft), r then being its raw (for a tar, decompressed) bytes,
	// or "directory" (-Fd), dir then being it and r a
	// dumpstream.DirInput; "" for a plain dump.
	container string
	dir       *archive.Dir
	size      int64 // the file's size when it is a regular file, else 0
	closer    func()
}

// Close releases the input.
func (in *input) Close() {
	if in.closer != nil {
		in.closer()
	}
}

// openInput opens the dump at path ("" or "-": stdin) for the command
// named command ("anondump", "anondump scan", …, for hints). With hashed,
// the raw bytes are hashed as they stream (see input.raw.sum).
func openInput(path string, stdin io.Reader, command string, hashed bool) (*input, error) {
	in := &input{name: "stdin", kind: "text"}
	var src io.Reader = stdin
	if f, ok := stdin.(*os.File); ok && (path == "" || path == "-") {
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			in.size = st.Size() // stdin redirected from a file: a percentage
		}
		growPipe(f) // pg_dump | anondump: fewer wake-ups of both sides
	}
	if path != "" && path != "-" {
		in.name, in.path = path, path
		st, err := os.Stat(path)
		if err != nil {
			return nil, configError(err)
		}
		if st.IsDir() {
			return openDir(path, command)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, configError(err)
		}
		if st.Mode().IsRegular() {
			in.size = st.Size()
		}
		src, in.closer = f, func() { f.Close() }
	}
	in.raw = &countingReader{r: src}
	if hashed {
		in.raw.h = newStreamHash()
	}
	br := bufio.NewReaderSize(in.raw, textPeek)
	if err := in.identify(br, command); err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// identify looks at the first bytes of br and sets in.r to the text.
func (in *input) identify(br *bufio.Reader, command string) error {
	head, err := br.Peek(512)
	if err != nil && err != io.EOF {
		return dumpError(fmt.Errorf("%s: %w", in.name, err))
	}
	outer := sniff(head)
	switch outer.class {
	case classArchive:
		switch outer {
		case fmtCustom:
			// The run rewrites it (dumpstream.RewriteArchive); check,
			// scan, verify and preview walk it (dumpstream.WalkAny).
			in.kind, in.container, in.r = "custom archive", formatCustom, br
			return nil
		case fmtTar:
			in.kind, in.container, in.r = "tar archive", formatTar, br
			return nil
		}
		return archiveError(in, outer, nil, command)
	case classText:
		return in.checkText(br, "")
	}
	dec, err := outer.open(br)
	if err != nil {
		return dumpError(fmt.Errorf("%s: %s: %v", in.name, outer.what, readError(err)))
	}
	in.kind, in.outer = outer.what, outer
	if c, ok := dec.(io.Closer); ok {
		closeFile := in.closer
		in.closer = func() {
			c.Close()
			if closeFile != nil {
				closeFile()
			}
		}
	}
	inner := bufio.NewReaderSize(&decodeReader{r: dec, what: outer.what}, textPeek)
	head, err = inner.Peek(512)
	if err != nil && err != io.EOF {
		return dumpError(fmt.Errorf("%s: %w", in.name, err))
	}
	switch in2 := sniff(head); in2.class {
	case classArchive:
		if in2 == fmtTar {
			// pg_dump -Ft | gzip: read through the decompressor; the
			// output is compressed the same way.
			in.kind, in.container, in.r = outer.what+" holding a tar archive", formatTar, inner
			return nil
		}
		return archiveError(in, in2, outer, command)
	case classCompressed:
		return dumpError(withHint(fmt.Errorf("%s: %s holding %s: anondump decompresses one layer", in.name, outer.what, in2.what),
			"decompress the outer layer first: %s -dc %s | %s", outer.tool, in.shellName("FILE"), command))
	}
	return in.checkText(inner, outer.what+": ")
}

// checkText refuses empty input and binary data, and makes br the text.
func (in *input) checkText(br *bufio.Reader, what string) error {
	p, err := br.Peek(textPeek)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return dumpError(fmt.Errorf("%s: %w", in.name, err))
	}
	switch {
	case len(p) == 0:
		return dumpError(fmt.Errorf("%s: %sempty input, not a dump", in.name, what))
	case bytes.HasPrefix(p, []byte{0xff, 0xfe}), bytes.HasPrefix(p, []byte{0xfe, 0xff}):
		return dumpError(withHint(fmt.Errorf("%s: %sUTF-16 text, not a pg_dump (pg_dump writes UTF-8 or the database's encoding)", in.name, what),
			"convert it: iconv -f UTF-16 -t UTF-8 %s | %s", in.shellName("FILE"), "anondump …"))
	case isBinary(p):
		return dumpError(fmt.Errorf("%s: %sbinary data, not a SQL dump", in.name, what))
	}
	in.r = br
	return nil
}

// isBinary reports whether p, the start of the input, is not text: it holds
// a NUL byte, or more than one byte in a hundred is a control character
// that text does not use. (Bytes above 0x7f are fine: a dump may be in
// LATIN1 or another encoding, and is cut anywhere.)
func isBinary(p []byte) bool {
	p = bytes.TrimPrefix(p, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(p, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range p {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != '\b' && c != 0x1b {
			controls++
		}
	}
	return controls*100 > len(p)
}

const (
	classText = iota
	classCompressed
	classArchive
)

// format is what the first bytes of an input say it is.
type format struct {
	class int
	what  string // "xz data", "a custom-format archive (pg_dump -Fc)"
	tool  string // the command that decompresses it
	open  func(io.Reader) (io.Reader, error)
}

var (
	fmtText    = &format{class: classText, what: "text"}
	fmtCustom  = &format{class: classArchive, what: "a custom-format archive (pg_dump -Fc)"}
	fmtTar     = &format{class: classArchive, what: "a tar archive (pg_dump -Ft)"}
	fmtOtherTa = &format{class: classArchive, what: "a tar archive without a pg_dump toc.dat"}
	fmtGzip    = &format{class: classCompressed, what: "gzip data", tool: "gzip", open: func(r io.Reader) (io.Reader, error) {
		return gzip.NewReader(r)
	}}
	fmtZstd = &format{class: classCompressed, what: "zstd data", tool: "zstd", open: func(r io.Reader) (io.Reader, error) {
		// One goroutine, and memory bounded by the frame's window.
		d, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			return nil, err
		}
		return d.IOReadCloser(), nil
	}}
	fmtLz4 = &format{class: classCompressed, what: "lz4 data", tool: "lz4", open: func(r io.Reader) (io.Reader, error) {
		return lz4.NewReader(r), nil
	}}
	fmtXz = &format{class: classCompressed, what: "xz data", tool: "xz", open: func(r io.Reader) (io.Reader, error) {
		return xz.NewReader(r)
	}}
	fmtLzma = &format{class: classCompressed, what: "lzma data", tool: "xz --format=lzma", open: func(r io.Reader) (io.Reader, error) {
		return lzma.NewReader(r)
	}}
	fmtBzip2 = &format{class: classCompressed, what: "bzip2 data", tool: "bzip2", open: func(r io.Reader) (io.Reader, error) {
		return bzip2.NewReader(r), nil
	}}
)

// sniff tells the format of an input from its first (up to 512) bytes.
func sniff(head []byte) *format {
	has := func(magic string) bool { return bytes.HasPrefix(head, []byte(magic)) }
	switch {
	case has("PGDMP"):
		return fmtCustom
	case archive.IsTar(head):
		if bytes.HasPrefix(head, []byte("toc.dat\x00")) {
			return fmtTar
		}
		return fmtOtherTa
	case has("\x1f\x8b\x08"):
		return fmtGzip
	case has("\x28\xb5\x2f\xfd"):
		return fmtZstd
	case has("\x04\x22\x4d\x18"):
		return fmtLz4
	case has("\xfd7zXZ\x00"):
		return fmtXz
	case len(head) >= 10 && has("BZh") && head[3] >= '1' && head[3] <= '9' &&
		(string(head[4:10]) == "\x31\x41\x59\x26\x53\x59" || string(head[4:10]) == "\x17\x72\x45\x38\x50\x90"):
		return fmtBzip2
	case isLzmaAlone(head):
		return fmtLzma
	}
	return fmtText
}

// isLzmaAlone recognizes the 13-byte header of an lzma "alone" file: a
// properties byte (lc, lp, pb packed below 225), a dictionary size of 2^n
// or 2^n+2^(n-1) bytes, and an uncompressed size that is unknown (all
// ones) or below 2^48. Text cannot have it: the dictionary size and the
// length hold NUL bytes.
func isLzmaAlone(head []byte) bool {
	if len(head) < 13 || head[0] >= 225 {
		return false
	}
	dict := binary.LittleEndian.Uint32(head[1:5])
	if dict < 1<<12 {
		return false
	}
	top := uint32(1) << (31 - bits.LeadingZeros32(dict))
	if rest := dict - top; rest != 0 && rest != top>>1 {
		return false
	}
	size := binary.LittleEndian.Uint64(head[5:13])
	return size == ^uint64(0) || size < 1<<48
}

// runCommand is the command name the run opens its input with.
const runCommand = "anondump …"

// archiveError refuses an archive anondump does not read: a tar without
// pg_dump's toc.dat, or a custom archive inside a compressed stream.
func archiveError(in *input, f, outer *format, command string) error {
	what := f.what
	if outer != nil {
		what = outer.what + " holding " + f.what
	}
	err := fmt.Errorf("%s is %s, which %s cannot read; it reads plain dumps, custom, directory and tar archives, and compressed plain dumps and tars", in.name, what, strings.TrimSuffix(command, " …"))
	if outer == nil {
		return dumpError(err)
	}
	return dumpError(withHint(err, "decompress it on the fly (a custom archive compresses its own data): %s -dc %s | %s", outer.tool, in.shellName("dump.custom.gz"), command))
}

// openDir opens a directory-format archive (pg_dump -Fd), and refuses a
// directory without a toc.dat.
func openDir(dir, command string) (*input, error) {
	for _, toc := range []string{"toc.dat", "toc.dat.gz", "toc.dat.lz4", "toc.dat.zst"} {
		if _, err := os.Stat(filepath.Join(dir, toc)); err == nil {
			d, err := archive.OpenDir(dir)
			if err != nil {
				return nil, dumpError(err)
			}
			in := &input{name: dir, path: dir, kind: "directory archive", container: formatDirectory, dir: d, raw: &countingReader{}}
			in.r = dumpstream.DirInput{Dir: d}
			return in, nil
		}
	}
	return nil, dumpError(fmt.Errorf("%s is a directory, not a dump (it has no toc.dat, so it is not a pg_dump -Fd directory either)", dir))
}

// shellName is the input's file name for a command line, or example for
// standard input.
func (in *input) shellName(example string) string {
	if in.path == "" {
		return example
	}
	return shellQuote(in.path)
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+=:,@%") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// decodeReader names the format in the decompressor's errors, and makes a
// stream that ends early an error rather than the end of the dump.
type decodeReader struct {
	r    io.Reader
	what string
}

func (d *decodeReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("%s: %w", d.what, readError(err))
	}
	return n, err
}

// errTruncatedData is the error for a compressed stream that ends early.
var errTruncatedData = errors.New("the compressed data ends early (truncated file?)")

// readError makes a decompressor's error say what it means.
func readError(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return errTruncatedData
	}
	return err
}

// meter counts (and, with h, hashes) the bytes that pass through a
// countingReader or countingWriter.
type meter struct {
	h *streamHash
	n atomic.Int64 // read by the progress display and a signal's cleanup
}

func (m *meter) add(p []byte) {
	m.n.Add(int64(len(p)))
	if m.h != nil {
		m.h.Write(p)
	}
}

// sum returns the hex sha256 of the bytes seen, or "" when not hashed.
func (m *meter) sum() string {
	if m.h == nil {
		return ""
	}
	return m.h.Sum()
}

// countingReader meters the bytes read through it.
type countingReader struct {
	r io.Reader
	meter
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.add(p[:n])
	return n, err
}

// inputArg is the input named by a command's arguments: "" for stdin.
func inputArg(args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	return ""
}
