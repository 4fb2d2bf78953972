package archive

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// TestWriterEveryCompression writes two data blocks and a BLOBS block of
// three objects (one empty, one past a parallel block) with each
// algorithm of a 1.16 header, and reads them back: the one Compressor is
// reset between streams.
func TestWriterEveryCompression(t *testing.T) {
	big := strings.Repeat("large object bytes ", 30000) // 570 kB
	want := []item{
		{DumpID: 10, Data: "1\tone\n\\.\n\n\n"},
		{DumpID: 11, Data: strings.Repeat("2\ttwo\t\\N\n", 50000) + "\\.\n\n\n"},
		{DumpID: 12, OID: 16001, Data: "small"},
		{DumpID: 12, OID: 16002, Data: ""},
		{DumpID: 12, OID: 16003, Data: big},
	}
	toc := []*Entry{
		{DumpID: 1, Tag: S("t"), Desc: S("TABLE"), Section: 2, Defn: S("CREATE TABLE t ();\n"), Namespace: S("public"), RelKind: 'r', Owner: S("o"), WithOids: S("false")},
		{DumpID: 10, HadDumper: true, Tag: S("t"), Desc: S("TABLE DATA"), Section: 3, CopyStmt: S("COPY public.t (a) FROM stdin;\n"), Deps: []Str{S("1")}},
		{DumpID: 11, HadDumper: true, Tag: S("u"), Desc: S("TABLE DATA"), Section: 3, CopyStmt: S("COPY public.u (a, b) FROM stdin;\n")},
		{DumpID: 12, HadDumper: true, Tag: S("BLOBS"), Desc: S("BLOBS"), Section: 3},
	}
	for _, c := range []struct {
		comp    Compression
		workers int
	}{{CompressNone, 1}, {CompressGzip, 1}, {CompressGzip, 3}, {CompressLZ4, 1}, {CompressZstd, 1}} {
		t.Run(fmt.Sprintf("%s-%d", c.comp, c.workers), func(t *testing.T) {
			h := &Header{Version: V1_16, IntSize: 4, OffSize: 8, Format: FormatCustom, Compression: c.comp,
				DBName: S("db"), ServerVersion: S("17.2"), DumpVersion: S("17.2")}
			var out bytes.Buffer
			w, err := NewWriter(&out, h, toc, WriterOptions{Workers: c.workers})
			if err != nil {
				t.Fatal(err)
			}
			var ow ObjectSink
			for _, it := range want {
				if it.OID == 0 {
					d, err := w.WriteData(it.DumpID)
					if err != nil {
						t.Fatal(err)
					}
					io.WriteString(d, it.Data)
					if err := d.Close(); err != nil {
						t.Fatal(err)
					}
					continue
				}
				if ow == nil {
					if ow, err = w.WriteObjects(it.DumpID); err != nil {
						t.Fatal(err)
					}
				}
				o, err := ow.Object(it.OID)
				if err != nil {
					t.Fatal(err)
				}
				io.WriteString(o, it.Data)
				if err := o.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if err := ow.Close(); err != nil {
				t.Fatal(err)
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			r, got, err := readAll(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read back %d items, want %d (or contents differ)", len(got), len(want))
			}
			if !reflect.DeepEqual(r.Header(), h) || r.TOC()[0].RelKind != 'r' {
				t.Errorf("header %+v", r.Header())
			}
			if c.comp != CompressNone && out.Len() > 100000 {
				t.Errorf("%s: %d bytes, not compressed", c.comp, out.Len())
			}
			// No chunk is empty and none exceeds chunkSize: walk them.
			checkChunks(t, out.Bytes(), r.DataOffset())
		})
	}
}

// checkChunks walks the data area by hand (§4.5) and checks chunk sizes.
func checkChunks(t *testing.T, b []byte, at int64) {
	t.Helper()
	p := int(at)
	i := func() int {
		v := int(b[p+1]) | int(b[p+2])<<8 | int(b[p+3])<<16 | int(b[p+4])<<24
		if b[p] == 1 {
			v = -v
		}
		p += 5
		return v
	}
	stream := func() {
		for {
			n := i()
			if n == 0 {
				return
			}
			if n < 0 || n > chunkSize {
				t.Fatalf("chunk of %d bytes at %d", n, p)
			}
			p += n
		}
	}
	for p < len(b) {
		typ := b[p]
		p++
		i()
		if typ == BlockData {
			stream()
			continue
		}
		for i() != 0 {
			stream()
		}
	}
	if p != len(b) {
		t.Errorf("data area ends at %d of %d", p, len(b))
	}
}
