package archive

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func samples(t testing.TB) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob("testdata/*.dump")
	if err != nil || len(names) == 0 {
		t.Fatalf("no testdata/*.dump: %v", err)
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(n)] = b
	}
	return out
}

func readTOCBytes(b []byte) (*Header, []*Entry, int64, error) {
	return ReadTOC(bufio.NewReader(bytes.NewReader(b)))
}

// TestTOCRoundTripSamples: header and TOC of archives pg_dump 15 wrote
// come back byte for byte (-Z0, default -Z, -Z5, a piped archive without
// offsets, one with large objects and partitions).
func TestTOCRoundTripSamples(t *testing.T) {
	for name, b := range samples(t) {
		h, toc, n, err := readTOCBytes(b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out bytes.Buffer
		if err := WriteTOC(&out, h, toc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(out.Bytes(), b[:n]) {
			t.Errorf("%s: WriteTOC(ReadTOC(x)) differs from x's first %d bytes", name, n)
		}
	}
}

// TestTinyHeaderFields checks the fields of tiny_z0.dump against the
// annotated hexdump of pgdump-format.md §4.7.
func TestTinyHeaderFields(t *testing.T) {
	b := samples(t)["tiny_z0.dump"]
	h, toc, n, err := readTOCBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	want := &Header{Version: V1_14, IntSize: 4, OffSize: 8, Format: FormatCustom, Compression: CompressNone, Level: 0,
		Created: [7]int{32, 7, 4, 23, 10, 126, 0}, DBName: S("fmt_tiny"),
		ServerVersion: S("15.18 (Debian 15.18-0+deb12u1)"), DumpVersion: S("15.18 (Debian 15.18-0+deb12u1)")}
	if !reflect.DeepEqual(h, want) {
		t.Errorf("header = %+v\nwant %+v", h, want)
	}
	if len(toc) != 6 || toc[0].DumpID != 3341 || toc[0].Desc.S != "ENCODING" {
		t.Fatalf("TOC: %d entries, first %+v", len(toc), toc[0])
	}
	td := toc[5]
	wantTD := &Entry{DumpID: 3338, HadDumper: true, TableOID: S("0"), OID: S("17589"), Tag: S("t"), Desc: S("TABLE DATA"),
		Section: 3, Defn: Null, DropStmt: Null, CopyStmt: S("COPY public.t (id, s) FROM stdin;\n"), Namespace: S("public"),
		Tablespace: Null, TableAM: Null, Owner: S("root"), WithOids: S("false"), Deps: []Str{S("214")},
		DataState: OffsetSet, DataPos: 0x4cd}
	if !reflect.DeepEqual(td, wantTD) {
		t.Errorf("TABLE DATA = %+v\nwant %+v", td, wantTD)
	}
	if n != 0x4cd {
		t.Errorf("data area at %#x, want 0x4cd", n)
	}
	// The piped archive differs only in the offset field.
	_, ptoc, _, err := readTOCBytes(samples(t)["tiny_z0_pipe.dump"])
	if err != nil {
		t.Fatal(err)
	}
	if p := ptoc[5]; p.DataState != OffsetNotSet || p.DataPos != 0 {
		t.Errorf("piped TABLE DATA offset = %d/%d, want not set/0", p.DataState, p.DataPos)
	}
	// Default -Z is level -1, -Z5 level 5.
	for name, lvl := range map[string]int{"tiny_gz.dump": -1, "tiny_z5.dump": 5} {
		h, _, _, err := readTOCBytes(samples(t)[name])
		if err != nil {
			t.Fatal(err)
		}
		if h.Level != lvl || h.Compression != CompressGzip {
			t.Errorf("%s: level %d compression %s, want %d gzip", name, h.Level, h.Compression, lvl)
		}
	}
}

// hand writes archive primitives from the format notes (§4.1), apart from
// the package's encoder.
type hand struct{ bytes.Buffer }

func (h *hand) i(v int) {
	s := byte(0)
	if v < 0 {
		s, v = 1, -v
	}
	h.Write([]byte{s, byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)})
}
func (h *hand) s(v string) { h.i(len(v)); h.WriteString(v) }
func (h *hand) null()      { h.i(-1) }

// handArchive builds a one-table archive of version 1.minor by hand, with
// payload as its one data block's single chunk.
func handArchive(minor int, comp byte, level int, payload []byte) []byte {
	var h hand
	h.WriteString("PGDMP")
	h.Write([]byte{1, byte(minor), 0, 4, 8, 1})
	if minor >= 15 {
		h.WriteByte(comp)
	} else {
		h.i(level)
	}
	for _, v := range []int{1, 2, 3, 4, 5, 99, 0} {
		h.i(v)
	}
	h.s("db")
	h.s("11.2")
	h.s("11.2")
	h.i(2)
	entry := func(id int, had int, desc, tag string, copy string, deps []string, data bool) {
		h.i(id)
		h.i(had)
		h.s("0")
		h.s("16400")
		h.s(tag)
		h.s(desc)
		if data {
			h.i(3)
		} else {
			h.i(2)
		}
		h.s("CREATE TABLE x ();\n")
		h.null()
		if copy == "" {
			h.null()
		} else {
			h.s(copy)
		}
		h.s("public")
		h.s("")
		if minor >= 14 {
			h.s("heap")
		}
		if minor >= 16 {
			h.i('r')
		}
		h.s("alice")
		h.s("false")
		for _, d := range deps {
			h.s(d)
		}
		h.null()
		if data {
			h.WriteByte(OffsetNotSet)
		} else {
			h.WriteByte(OffsetNoData)
		}
		h.Write(make([]byte, 8))
	}
	entry(7, 0, "TABLE", "x", "", nil, false)
	entry(9, 1, "TABLE DATA", "x", "COPY public.x (a) FROM stdin;\n", []string{"7"}, true)
	h.WriteByte(BlockData)
	h.i(9)
	h.i(len(payload))
	h.Write(payload)
	h.i(0)
	return h.Bytes()
}

// TestHandBuiltVersions parses archives of 1.12, 1.13, 1.14, 1.15 and
// 1.16 built by hand, checks the version-gated fields, and that WriteTOC
// gives the same bytes back.
func TestHandBuiltVersions(t *testing.T) {
	for _, minor := range []int{12, 13, 14, 15, 16} {
		level, comp := 0, byte(0)
		b := handArchive(minor, comp, level, []byte("1\n\\.\n\n\n"))
		h, toc, n, err := readTOCBytes(b)
		if err != nil {
			t.Fatalf("1.%d: %v", minor, err)
		}
		if h.Minor() != minor || h.Created != [7]int{1, 2, 3, 4, 5, 99, 0} || h.DBName.S != "db" || len(toc) != 2 {
			t.Errorf("1.%d: header %+v, %d entries", minor, h, len(toc))
		}
		e := toc[1]
		wantAM := Str{}
		if minor >= 14 {
			wantAM = S("heap")
		}
		wantKind := 0
		if minor >= 16 {
			wantKind = 'r'
		}
		if e.TableAM != wantAM || e.RelKind != wantKind || e.Owner.S != "alice" || !reflect.DeepEqual(e.Deps, []Str{S("7")}) ||
			e.Tablespace != S("") || e.DropStmt != Null {
			t.Errorf("1.%d: entry %+v", minor, e)
		}
		var out bytes.Buffer
		if err := WriteTOC(&out, h, toc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out.Bytes(), b[:n]) {
			t.Errorf("1.%d: WriteTOC differs from the hand-built bytes", minor)
		}
	}
}

func TestIsCustom(t *testing.T) {
	for name, b := range samples(t) {
		if !IsCustom(b[:11]) {
			t.Errorf("%s is not custom", name)
		}
	}
	toc, err := os.ReadFile("testdata/dir_z0_toc.dat")
	if err != nil {
		t.Fatal(err)
	}
	if IsCustom(toc) {
		t.Error("a directory toc.dat is taken as custom")
	}
	if IsCustom([]byte("--\n-- PostgreSQL database dump\n")) || IsCustom([]byte("PGDMP")) {
		t.Error("plain text or a short input is taken as custom")
	}
}

// TestDirectoryTOC: a directory archive's toc.dat (format byte 3, file
// names for extras) reads and writes back byte for byte; NewReader
// refuses it as a custom archive.
func TestDirectoryTOC(t *testing.T) {
	b, err := os.ReadFile("testdata/dir_z0_toc.dat")
	if err != nil {
		t.Fatal(err)
	}
	h, toc, n, err := readTOCBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if h.Format != FormatTar || n != int64(len(b)) {
		t.Errorf("format %d, %d of %d bytes", h.Format, n, len(b))
	}
	files := map[string]bool{}
	for _, e := range toc {
		if e.Filename.S != "" {
			files[e.Filename.S] = true
		}
	}
	// The data files beside toc.dat, and blobs.toc for the BLOBS entry.
	for _, f := range []string{"3392.dat", "3402.dat", "blobs.toc"} {
		if !files[f] {
			t.Errorf("no entry names %s (%v)", f, files)
		}
	}
	var out bytes.Buffer
	if err := WriteTOC(&out, h, toc); err != nil || !bytes.Equal(out.Bytes(), b) {
		t.Errorf("toc.dat does not write back byte for byte: %v", err)
	}
	if _, err := NewReader(bytes.NewReader(b)); err == nil || !strings.Contains(err.Error(), "not a custom archive") {
		t.Errorf("NewReader of a toc.dat: %v", err)
	}
}

func TestBadHeaders(t *testing.T) {
	good := samples(t)["tiny_z0.dump"]
	mod := func(f func(b []byte) []byte) []byte { return f(append([]byte(nil), good...)) }
	cases := map[string][]byte{
		"bad magic":        mod(func(b []byte) []byte { b[0] = 'X'; return b }),
		"version 1.17":     mod(func(b []byte) []byte { b[6] = 17; return b }),
		"version 1.11":     mod(func(b []byte) []byte { b[6] = 11; return b }),
		"version 2.14":     mod(func(b []byte) []byte { b[5] = 2; return b }),
		"int size 0":       mod(func(b []byte) []byte { b[8] = 0; return b }),
		"format 2":         mod(func(b []byte) []byte { b[10] = 2; return b }),
		"level 12":         mod(func(b []byte) []byte { b[12] = 12; return b }),
		"1.15 algorithm 7": handArchive(15, 7, 0, []byte("x")),
		"empty":            {},
		"plain dump":       []byte("--\n-- PostgreSQL database dump\n--\n\n"),
	}
	for name, b := range cases {
		_, _, _, err := readTOCBytes(b)
		var fe *FormatError
		if !errors.As(err, &fe) || fe.Where != "header" {
			t.Errorf("%s: err = %v, want a header FormatError", name, err)
		}
	}
}

// FuzzTOC: the TOC reader never panics, and whatever it accepts writes
// back to bytes it reads identically.
func FuzzTOC(f *testing.F) {
	for _, b := range samples(f) {
		n := min(len(b), 12000)
		f.Add(b[:n])
	}
	for _, m := range []int{} {
		f.Add(handArchive(m, 1, 0, []byte("x")))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		h, toc, _, err := readTOCBytes(b)
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error is not a FormatError: %v", err)
			}
			return
		}
		var out bytes.Buffer
		if err := WriteTOC(&out, h, toc); err != nil {
			t.Fatalf("WriteTOC of what ReadTOC accepted: %v", err)
		}
		h2, toc2, n2, err := readTOCBytes(out.Bytes())
		if err != nil {
			t.Fatalf("ReadTOC of WriteTOC's output: %v", err)
		}
		if n2 != int64(out.Len()) || !reflect.DeepEqual(h, h2) || !reflect.DeepEqual(toc, toc2) {
			t.Fatalf("round trip changed the TOC")
		}
	})
}

// FuzzRead: reading a whole archive, data blocks and large objects
// included, never panics, and every failure is a FormatError.
func FuzzRead(f *testing.F) {
	for _, b := range samples(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, err := readAll(bytes.NewReader(b))
		var fe *FormatError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error is not a FormatError: %v", err)
		}
	})
}
