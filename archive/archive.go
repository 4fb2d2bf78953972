// Package archive reads and writes pg_dump's archive containers: the
// custom format (-Fc), the directory format (-Fd) and the tar format
// (-Ft): the header, the table of contents (TOC), and the data blocks or
// files with their compression and offsets. It knows nothing of rows: a TABLE
// DATA entry's COPY text goes in and out as a byte stream, and large
// objects as (OID, bytes) items.
//
// # Reading
//
// [NewReader] reads the header and the TOC from any [io.Reader] (it never
// seeks, so a pipe works) and [Reader.Next] walks the data area in archive
// order, one [Block] at a time. A data block is read as its decompressed
// stream ([Block.Read]); a BLOBS block as a sequence of objects
// ([Block.NextObject]). Blocks are read chunk by chunk, so memory stays
// constant whatever the size of an entry.
//
// # Writing
//
// [NewWriter] writes the header and the TOC, then [Writer.WriteData] and
// [Writer.WriteObjects] write one block per data entry, re-compressed with
// the archive's own method and level. When the output is a seekable file,
// [Writer.Close] seeks back and fills in every data entry's offset, as
// pg_dump does, so `pg_restore -j N` can use it; on a pipe the offsets stay
// "not set" and pg_restore reads the archive in order.
//
// [Copy] ties the two together: it rewrites an archive, handing each
// TABLE DATA stream to a caller's function and applying a [LOPolicy] to
// large objects.
//
// # Directory and tar archives
//
// [OpenDir] reads a directory's toc.dat; [Dir.OpenData] and
// [Dir.OpenObjects] open its data files, from any number of goroutines.
// [CreateDir] writes one: [DirWriter.WriteData] and
// [DirWriter.WriteObjects] may be called concurrently for distinct
// entries, and [DirWriter.Close] writes toc.dat last. [NewTarReader] reads
// a tar archive in order from any reader and yields its members as
// Blocks, like [Reader.Next]; [NewTarWriter] writes one, spooling each
// member to a temporary file for its size. Each writer takes a header and
// TOC read from any of the three formats, so they convert, and
// [NewWriter] takes a directory's or tar archive's. [CopyDir] and
// [CopyTar] are [Copy] for the two.
//
// # Versions
//
// Archive versions 1.12 to 1.16 are read and written (PostgreSQL 9.0 to
// 18). [ReadTOC] and [WriteTOC] are byte-exact: writing what was read gives
// the same bytes for every archive pg_dump writes. The format byte 3 that
// directory and tar archives use in their toc.dat is accepted by the TOC
// codec (the per-entry extra is then a file name). An unchanged CopyDir
// or CopyTar of pg_dump's output writes its toc.dat byte for byte.
//
// # Errors
//
// A corrupt or truncated archive gives a [*FormatError] naming the byte
// offset and, once known, the TOC entry (its dump ID, description and tag).
// No error quotes data from a data block.
package archive

import (
	"errors"
	"fmt"
	"strconv"
)

// Archive versions this package reads and writes, as (major<<16 |
// minor<<8 | revision).
const (
	// V1_12 is written by pg_dump 9.0 to 10: separate BLOB entries.
	V1_12 = 1<<16 | 12<<8
	// V1_13 is written by pg_dump 11: the SEARCHPATH entry.
	V1_13 = 1<<16 | 13<<8
	// V1_14 is written by pg_dump 12 to 15: the tableam string in the TOC.
	V1_14 = 1<<16 | 14<<8
	// V1_15 is written by pg_dump 16: the compression algorithm byte.
	V1_15 = 1<<16 | 15<<8
	// V1_16 is written by pg_dump 17 and 18: BLOB METADATA and the
	// relkind int in the TOC.
	V1_16 = 1<<16 | 16<<8
)

// Magic is the first five bytes of every archive and toc.dat.
const Magic = "PGDMP"

// IsCustom reports whether head, the first bytes of an input (11 are
// enough), starts a custom-format archive: the magic, then a version,
// int size and offset size, then the format byte 1.
func IsCustom(head []byte) bool {
	return len(head) >= 11 && string(head[:5]) == Magic && head[10] == FormatCustom
}

// IsTar reports whether head, the first bytes of an input (262 are
// enough), starts a tar archive: the "ustar" magic of its first member
// header. pg_dump's tar archives start with the member toc.dat.
func IsTar(head []byte) bool {
	return len(head) >= 262 && string(head[257:262]) == "ustar"
}

// Format bytes of the header.
const (
	// FormatCustom is the format byte of a -Fc archive.
	FormatCustom = 1
	// FormatTar is the format byte of the toc.dat of a directory or tar
	// archive.
	FormatTar = 3
)

// Offset flags of a custom-format TOC entry.
const (
	// OffsetNotSet marks a data entry whose block position is unknown
	// (written to a pipe): pg_restore scans for it.
	OffsetNotSet = 1
	// OffsetSet marks a data entry whose block starts at Entry.DataPos.
	OffsetSet = 2
	// OffsetNoData marks an entry without a data block.
	OffsetNoData = 3
)

// Block types of the custom-format data area.
const (
	// BlockData is a TABLE DATA (or other hadDumper entry's) block: one
	// compressed stream.
	BlockData = 1
	// BlockBlobs is a BLOBS block: a sequence of large objects.
	BlockBlobs = 3
)

// Compression is a compression algorithm, with the codes of PostgreSQL's
// pg_compress_algorithm (the 1.15+ header byte).
type Compression byte

// The compression algorithms.
const (
	CompressNone Compression = 0
	// CompressGzip is zlib (RFC 1950) inside a custom archive.
	CompressGzip Compression = 1
	CompressLZ4  Compression = 2
	CompressZstd Compression = 3
)

// String returns the name pg_restore -l prints.
func (c Compression) String() string {
	switch c {
	case CompressNone:
		return "none"
	case CompressGzip:
		return "gzip"
	case CompressLZ4:
		return "lz4"
	case CompressZstd:
		return "zstd"
	}
	return "compression(" + strconv.Itoa(int(c)) + ")"
}

// Str is a string of the archive, which may be NULL (length −1) as well as
// empty: the two are written differently and mean different things.
type Str struct {
	// S is the value; empty when Null.
	S string
	// Null is set for a NULL string.
	Null bool
}

// S returns a non-NULL Str.
func S(s string) Str { return Str{S: s} }

// Null is the NULL string.
var Null = Str{Null: true}

// String returns the value, or "(null)" for NULL.
func (s Str) String() string {
	if s.Null {
		return "(null)"
	}
	return s.S
}

// FormatError is a corrupt, truncated or unsupported archive.
type FormatError struct {
	// Offset is the byte offset in the archive where the problem was found.
	Offset int64
	// Where names the part of the archive: "header", "TOC entry 5 of 44
	// (dump ID 3400, TABLE DATA "t")", "data block of dump ID 3400
	// (TABLE DATA "t")".
	Where string
	// Msg says what is wrong.
	Msg string
	// Err is the underlying error, if any (io.ErrUnexpectedEOF for a
	// truncated archive, a decompressor's error).
	Err error
}

// Error implements error.
func (e *FormatError) Error() string {
	s := fmt.Sprintf("archive: %s at byte %d: %s", e.Where, e.Offset, e.Msg)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error.
func (e *FormatError) Unwrap() error { return e.Err }

// ErrTruncated is wrapped by a FormatError when the archive ends early.
var ErrTruncated = errors.New("archive is truncated (unexpected end of input)")

// entryName names an entry for an error: its dump ID, description and tag.
func entryName(e *Entry) string {
	if e == nil {
		return ""
	}
	return fmt.Sprintf("dump ID %d, %s %q", e.DumpID, e.Desc.S, e.Tag.S)
}
