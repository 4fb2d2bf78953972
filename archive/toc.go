package archive

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
)

// Header is the archive header. Its fields are those of pg_dump's
// WriteHead, in order; the TOC entry count is the length of the TOC.
type Header struct {
	// Version is (major<<16 | minor<<8 | revision), e.g. V1_14.
	Version int
	// IntSize is the size in bytes of an int's magnitude (4).
	IntSize int
	// OffSize is the size in bytes of a data offset (8).
	OffSize int
	// Format is FormatCustom, or FormatTar in a directory or tar toc.dat.
	Format byte
	// Compression is the algorithm of the data blocks: for 1.15+ the
	// header's byte, before 1.15 derived from Level (0 none, else gzip).
	Compression Compression
	// Level is the zlib level int of archives before 1.15 (−1 default,
	// 0 none, 1–9). It is not stored in 1.15+ headers and is 0 there.
	Level int
	// Created is the creation time as pg_dump's struct tm fields: tm_sec,
	// tm_min, tm_hour, tm_mday, tm_mon (0-based), tm_year (−1900),
	// tm_isdst, in pg_dump's local time.
	Created [7]int
	// DBName is the database name.
	DBName Str
	// ServerVersion and DumpVersion are the server's and pg_dump's
	// version strings.
	ServerVersion, DumpVersion Str
}

// Minor returns the archive's minor version (12 for 1.12).
func (h *Header) Minor() int { return h.Version >> 8 & 0xff }

// Entry is one TOC entry, with every field pg_dump writes, in order.
type Entry struct {
	// DumpID identifies the entry; dependencies refer to it.
	DumpID int
	// HadDumper is set for an entry with a data block (TABLE DATA, BLOBS).
	HadDumper bool
	// TableOID and OID are the catalog and object OIDs, in decimal.
	TableOID, OID Str
	// Tag is the object's name; Desc its kind ("TABLE DATA", "BLOBS" …).
	Tag, Desc Str
	// Section is 1 none, 2 pre-data, 3 data, 4 post-data.
	Section int
	// Defn, DropStmt and CopyStmt are the entry's SQL; CopyStmt is the
	// "COPY … FROM stdin;\n" of a COPY-mode TABLE DATA entry.
	Defn, DropStmt, CopyStmt Str
	// Namespace, Tablespace and TableAM (1.14+) place the object.
	Namespace, Tablespace, TableAM Str
	// RelKind is the pg_class relkind character code (1.16+), 0 otherwise.
	RelKind int
	// Owner is the object's owner; WithOids is "false" (or "true").
	Owner, WithOids Str
	// Deps are the dump IDs, in decimal, the entry depends on.
	Deps []Str
	// DataState is the custom format's offset flag (OffsetNotSet,
	// OffsetSet, OffsetNoData) and DataPos the block's absolute position.
	DataState byte
	DataPos   int64
	// Filename is the per-entry extra of a FormatTar toc.dat.
	Filename Str
}

// IsData reports whether the entry has a data block.
func (e *Entry) IsData() bool { return e.HadDumper }

// IsBlobs reports whether the entry's data block holds large objects.
func (e *Entry) IsBlobs() bool { return e.Desc.S == "BLOBS" }

// ReadTOC reads the header and the TOC from r, which is left at the first
// byte after the TOC (the data area of a custom archive). It reads
// through r's buffer, so r should be the *bufio.Reader the caller goes on
// reading from; the returned count is the number of bytes read.
func ReadTOC(r *bufio.Reader) (*Header, []*Entry, int64, error) {
	d := &decoder{r: r}
	h, n, err := readHeader(d)
	if err != nil {
		return nil, nil, d.off, err
	}
	toc := make([]*Entry, 0, min(n, 1<<16))
	for i := 0; i < n; i++ {
		e := &Entry{}
		start := d.off
		d.where = func() string {
			s := fmt.Sprintf("TOC entry %d of %d (starting at byte %d", i+1, n, start)
			if e.DumpID != 0 {
				s += fmt.Sprintf(", dump ID %d", e.DumpID)
			}
			if !e.Desc.Null && e.Desc.S != "" {
				s += fmt.Sprintf(", %s %q", e.Desc.S, e.Tag.S)
			}
			return s + ")"
		}
		if err := readEntry(d, h, e); err != nil {
			return nil, nil, d.off, err
		}
		toc = append(toc, e)
	}
	return h, toc, d.off, nil
}

func readHeader(d *decoder) (*Header, int, error) {
	var magic [5]byte
	if err := d.full(magic[:], "magic"); err != nil {
		return nil, 0, err
	}
	if string(magic[:]) != "PGDMP" {
		return nil, 0, d.fail("not a pg_dump archive (bad magic, want \"PGDMP\")", nil)
	}
	var v [3]byte
	if err := d.full(v[:], "version"); err != nil {
		return nil, 0, err
	}
	h := &Header{Version: int(v[0])<<16 | int(v[1])<<8 | int(v[2])}
	if v[0] != 1 || v[1] < 12 || v[1] > 16 {
		return nil, 0, d.fail(fmt.Sprintf("unsupported archive version %d.%d (this reads 1.12 to 1.16, pg_dump 9.0 to 18)", v[0], v[1]), nil)
	}
	b, err := d.byte1("int size")
	if err != nil {
		return nil, 0, err
	}
	if b == 0 || b > 32 {
		return nil, 0, d.fail(fmt.Sprintf("bad int size %d", b), nil)
	}
	h.IntSize, d.intSize = int(b), int(b)
	if b, err = d.byte1("offset size"); err != nil {
		return nil, 0, err
	}
	if b == 0 || b > 32 {
		return nil, 0, d.fail(fmt.Sprintf("bad offset size %d", b), nil)
	}
	h.OffSize, d.offSize = int(b), int(b)
	if h.Format, err = d.byte1("format"); err != nil {
		return nil, 0, err
	}
	if h.Format != FormatCustom && h.Format != FormatTar {
		return nil, 0, d.fail(fmt.Sprintf("unsupported archive format byte %d (want 1 custom or 3 directory/tar)", h.Format), nil)
	}
	if h.Minor() >= 15 {
		c, err := d.byte1("compression algorithm")
		if err != nil {
			return nil, 0, err
		}
		if c > byte(CompressZstd) {
			return nil, 0, d.fail(fmt.Sprintf("unknown compression algorithm %d in header", c), nil)
		}
		h.Compression = Compression(c)
	} else {
		l, err := d.int("compression level")
		if err != nil {
			return nil, 0, err
		}
		if l < -1 || l > 9 {
			return nil, 0, d.fail(fmt.Sprintf("bad compression level %d in header", l), nil)
		}
		h.Level = int(l)
		if l != 0 {
			h.Compression = CompressGzip
		}
	}
	for i := range h.Created {
		t, err := d.int("creation time")
		if err != nil {
			return nil, 0, err
		}
		if t < -1<<31 || t > 1<<31 {
			return nil, 0, d.fail("creation time field out of range", nil)
		}
		h.Created[i] = int(t)
	}
	if h.DBName, err = d.str("database name"); err != nil {
		return nil, 0, err
	}
	if h.ServerVersion, err = d.str("server version"); err != nil {
		return nil, 0, err
	}
	if h.DumpVersion, err = d.str("pg_dump version"); err != nil {
		return nil, 0, err
	}
	n, err := d.int("TOC entry count")
	if err != nil {
		return nil, 0, err
	}
	if n < 0 || n > 1<<31 {
		return nil, 0, d.fail(fmt.Sprintf("bad TOC entry count %d", n), nil)
	}
	return h, int(n), nil
}

func readEntry(d *decoder, h *Header, e *Entry) error {
	id, err := d.int("dump ID")
	if err != nil {
		return err
	}
	if id <= 0 || id > 1<<31 {
		return d.fail(fmt.Sprintf("bad dump ID %d", id), nil)
	}
	e.DumpID = int(id)
	had, err := d.int("hadDumper")
	if err != nil {
		return err
	}
	if had != 0 && had != 1 {
		return d.fail(fmt.Sprintf("bad hadDumper %d", had), nil)
	}
	e.HadDumper = had == 1
	strs := []struct {
		p    *Str
		what string
	}{{&e.TableOID, "tableoid"}, {&e.OID, "oid"}, {&e.Tag, "tag"}, {&e.Desc, "description"}}
	for _, s := range strs {
		if *s.p, err = d.str(s.what); err != nil {
			return err
		}
	}
	sec, err := d.int("section")
	if err != nil {
		return err
	}
	if sec < 1 || sec > 4 {
		return d.fail(fmt.Sprintf("bad section %d", sec), nil)
	}
	e.Section = int(sec)
	strs = []struct {
		p    *Str
		what string
	}{{&e.Defn, "definition"}, {&e.DropStmt, "drop statement"}, {&e.CopyStmt, "COPY statement"},
		{&e.Namespace, "namespace"}, {&e.Tablespace, "tablespace"}}
	if h.Minor() >= 14 {
		strs = append(strs, struct {
			p    *Str
			what string
		}{&e.TableAM, "table access method"})
	}
	for _, s := range strs {
		if *s.p, err = d.str(s.what); err != nil {
			return err
		}
	}
	if h.Minor() >= 16 {
		rk, err := d.int("relkind")
		if err != nil {
			return err
		}
		if rk < 0 || rk > 255 {
			return d.fail(fmt.Sprintf("bad relkind %d", rk), nil)
		}
		e.RelKind = int(rk)
	}
	if e.Owner, err = d.str("owner"); err != nil {
		return err
	}
	if e.WithOids, err = d.str("withOids"); err != nil {
		return err
	}
	for {
		s, err := d.str("dependency")
		if err != nil {
			return err
		}
		if s.Null {
			break
		}
		if _, err := strconv.ParseUint(s.S, 10, 31); err != nil {
			return d.fail("dependency is not a dump ID", nil)
		}
		e.Deps = append(e.Deps, s)
	}
	if h.Format == FormatTar {
		e.Filename, err = d.str("file name")
		return err
	}
	if e.DataState, err = d.byte1("data offset flag"); err != nil {
		return err
	}
	if e.DataState < OffsetNotSet || e.DataState > OffsetNoData {
		return d.fail(fmt.Sprintf("bad data offset flag %d", e.DataState), nil)
	}
	pos, err := d.uintN(h.OffSize, "data offset")
	if err != nil {
		return err
	}
	if pos > 1<<62 {
		return d.fail("data offset out of range", nil)
	}
	e.DataPos = int64(pos)
	return nil
}

// WriteTOC writes the header and the TOC to w, field by field as pg_dump
// writes them for h.Version. For the archives pg_dump writes,
// WriteTOC(ReadTOC(x)) gives back x's header and TOC byte for byte.
func WriteTOC(w io.Writer, h *Header, toc []*Entry) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	if err := writeTOC(bw, h, toc); err != nil {
		return err
	}
	return bw.Flush()
}

func checkHeader(h *Header) error {
	if h.Version>>16 != 1 || h.Minor() < 12 || h.Minor() > 16 {
		return fmt.Errorf("archive: cannot write archive version %d.%d (1.12 to 1.16 are supported)", h.Version>>16, h.Minor())
	}
	if h.IntSize < 1 || h.IntSize > 32 || h.OffSize < 1 || h.OffSize > 32 {
		return fmt.Errorf("archive: bad int size %d or offset size %d", h.IntSize, h.OffSize)
	}
	if h.Format != FormatCustom && h.Format != FormatTar {
		return fmt.Errorf("archive: bad format byte %d", h.Format)
	}
	if h.Minor() < 15 && (h.Level == 0) != (h.Compression == CompressNone) {
		return fmt.Errorf("archive: a %d.%d header's level %d does not match compression %s", h.Version>>16, h.Minor(), h.Level, h.Compression)
	}
	if h.Minor() < 15 && h.Compression != CompressNone && h.Compression != CompressGzip {
		return fmt.Errorf("archive: %s compression needs archive version 1.15 or later", h.Compression)
	}
	return nil
}

func writeTOC(bw *bufio.Writer, h *Header, toc []*Entry) error {
	if err := checkHeader(h); err != nil {
		return err
	}
	e := &encoder{w: bw, intSize: h.IntSize, offSize: h.OffSize}
	if _, err := bw.WriteString("PGDMP"); err != nil {
		return err
	}
	e.byte1(byte(h.Version >> 16))
	e.byte1(byte(h.Version >> 8))
	e.byte1(byte(h.Version))
	e.byte1(byte(h.IntSize))
	e.byte1(byte(h.OffSize))
	e.byte1(h.Format)
	if h.Minor() >= 15 {
		e.byte1(byte(h.Compression))
	} else {
		e.int(int64(h.Level))
	}
	for _, t := range h.Created {
		e.int(int64(t))
	}
	e.str(h.DBName)
	e.str(h.ServerVersion)
	e.str(h.DumpVersion)
	e.int(int64(len(toc)))
	for _, t := range toc {
		e.int(int64(t.DumpID))
		if t.HadDumper {
			e.int(1)
		} else {
			e.int(0)
		}
		e.str(t.TableOID)
		e.str(t.OID)
		e.str(t.Tag)
		e.str(t.Desc)
		e.int(int64(t.Section))
		e.str(t.Defn)
		e.str(t.DropStmt)
		e.str(t.CopyStmt)
		e.str(t.Namespace)
		e.str(t.Tablespace)
		if h.Minor() >= 14 {
			e.str(t.TableAM)
		}
		if h.Minor() >= 16 {
			e.int(int64(t.RelKind))
		}
		e.str(t.Owner)
		e.str(t.WithOids)
		for _, d := range t.Deps {
			e.str(d)
		}
		e.str(Null)
		if h.Format == FormatTar {
			e.str(t.Filename)
		} else {
			e.byte1(t.DataState)
			e.uintN(h.OffSize, uint64(t.DataPos))
		}
	}
	return e.err
}
