package archive

import (
	"bytes"
	stdgzip "compress/gzip"
	stdzlib "compress/zlib"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
)

// item is one stream of an archive's data area: a data block's payload
// or one large object.
type item struct {
	DumpID int
	OID    uint32
	Data   string
}

// readAll walks an archive and returns its streams in order.
func readAll(src io.Reader) (*Reader, []item, error) {
	r, err := NewReader(src)
	if err != nil {
		return nil, nil, err
	}
	var items []item
	for {
		b, err := r.Next()
		if err == io.EOF {
			return r, items, nil
		}
		if err != nil {
			return r, items, err
		}
		if b.Type == BlockData {
			d, err := io.ReadAll(b)
			if err != nil {
				return r, items, err
			}
			items = append(items, item{DumpID: b.Entry.DumpID, Data: string(d)})
			continue
		}
		for {
			oid, err := b.NextObject()
			if err == io.EOF {
				break
			}
			if err != nil {
				return r, items, err
			}
			d, err := io.ReadAll(b)
			if err != nil {
				return r, items, err
			}
			items = append(items, item{DumpID: b.Entry.DumpID, OID: oid, Data: string(d)})
		}
	}
}

// TestReadSamples checks the payloads against pgdump-format.md §4.7
// (and pgdump_inspect.py's reading of demo_z0.dump).
func TestReadSamples(t *testing.T) {
	s := samples(t)
	tiny := []item{{DumpID: 3338, Data: "1\ta\n2\tb\\tc\n\\.\n\n\n"}}
	for _, name := range []string{"tiny_z0.dump", "tiny_gz.dump", "tiny_z5.dump", "tiny_z0_pipe.dump"} {
		_, items, err := readAll(iotest.HalfReader(bytes.NewReader(s[name])))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(items, tiny) {
			t.Errorf("%s: %+v", name, items)
		}
	}
	_, items, err := readAll(bytes.NewReader(s["demo_z0.dump"]))
	if err != nil {
		t.Fatal(err)
	}
	// Ten TABLE DATA blocks, then the BLOBS block with one object.
	if len(items) != 11 {
		t.Fatalf("demo: %d streams", len(items))
	}
	if last := items[10]; last != (item{DumpID: 3414, OID: 16593, Data: "hello large object"}) {
		t.Errorf("demo LO = %+v", last)
	}
	if items[1] != (item{DumpID: 3406, Data: "2\tc\t99\n\\.\n\n\n"}) {
		t.Errorf("demo child = %+v", items[1])
	}
}

// TestSkipBlocks: blocks left unread, or half read, are skipped.
func TestSkipBlocks(t *testing.T) {
	r, err := NewReader(bytes.NewReader(samples(t)["demo_z0.dump"]))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int
	for {
		b, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(ids)%2 == 0 {
			b.Read(make([]byte, 3))
		}
		ids = append(ids, b.Entry.DumpID)
	}
	if len(ids) != 11 || ids[10] != 3414 {
		t.Errorf("blocks %v", ids)
	}
}

// TestHandBuiltCompressions reads 1.15 and 1.16 archives with lz4, zstd
// and zlib payloads made by the libraries' own writers, and a 1.12 one.
func TestHandBuiltCompressions(t *testing.T) {
	payload := strings.Repeat("42\tsome text\t\\N\n", 500) + "\\.\n\n\n"
	var lz, zs, zl bytes.Buffer
	lw := lz4.NewWriter(&lz)
	lw.Write([]byte(payload))
	lw.Close()
	zw, _ := zstd.NewWriter(&zs)
	zw.Write([]byte(payload))
	zw.Close()
	gw := stdzlib.NewWriter(&zl)
	gw.Write([]byte(payload))
	gw.Close()
	cases := []struct {
		minor int
		comp  Compression
		level int
		data  []byte
	}{
		{15, CompressLZ4, 0, lz.Bytes()}, {16, CompressZstd, 0, zs.Bytes()}, {16, CompressGzip, 0, zl.Bytes()},
		{12, CompressGzip, -1, zl.Bytes()}, {13, CompressNone, 0, []byte(payload)},
	}
	for _, c := range cases {
		b := handArchive(c.minor, byte(c.comp), c.level, c.data)
		r, items, err := readAll(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("1.%d %s: %v", c.minor, c.comp, err)
		}
		if r.Header().Compression != c.comp || len(items) != 1 || items[0].Data != payload {
			t.Errorf("1.%d %s: compression %s, %d items", c.minor, c.comp, r.Header().Compression, len(items))
		}
		// And written back with the same method, read again.
		var out bytes.Buffer
		if err := Copy(&out, bytes.NewReader(b), CopyOptions{}); err != nil {
			t.Fatalf("1.%d %s: Copy: %v", c.minor, c.comp, err)
		}
		_, items2, err := readAll(&out)
		if err != nil || !reflect.DeepEqual(items, items2) {
			t.Errorf("1.%d %s: copy reads back %v, %v", c.minor, c.comp, len(items2), err)
		}
	}
}

// TestCutEverywhere: every prefix of a sample archive fails with a
// FormatError (never a panic, never a silent success), and names the
// TOC entry or the data block where it was cut.
func TestCutEverywhere(t *testing.T) {
	for _, name := range []string{"demo_z0.dump", "tiny_gz.dump", "lvpr.dump"} {
		b := samples(t)[name]
		r, err := NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		dataAt := r.DataOffset()
		for n := 0; n < len(b); n++ {
			_, _, err := readAll(bytes.NewReader(b[:n]))
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("%s cut at %d: err = %v, want a FormatError", name, n, err)
			}
			if !errors.Is(err, ErrTruncated) {
				t.Errorf("%s cut at %d: %v does not say truncated", name, n, err)
			}
			msg := err.Error()
			switch {
			case n < 0x86:
				if fe.Where != "header" {
					t.Errorf("%s cut at %d: %v", name, n, err)
				}
			case int64(n) > 0x8b && int64(n) < dataAt:
				if !strings.Contains(msg, "TOC entry") || !strings.Contains(msg, "starting at byte") {
					t.Errorf("%s cut at %d: %v", name, n, err)
				}
			case int64(n) > dataAt:
				if !strings.Contains(msg, "dump ID") {
					t.Errorf("%s cut at %d: %v does not name the entry", name, n, err)
				}
			}
		}
	}
	// One message in full, for the reader of this test.
	b := samples(t)["tiny_z0.dump"]
	_, _, err := readAll(bytes.NewReader(b[:0x4e0]))
	want := `archive: data block of dump ID 3338, TABLE DATA "t" (block at byte 1229) at byte 1248: reading a chunk length: archive is truncated (unexpected end of input)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	_, _, err = readAll(bytes.NewReader(b[:0x4b0]))
	want = `archive: TOC entry 6 of 6 (starting at byte 1066, dump ID 3338, TABLE DATA "t") at byte 1200: reading withOids length: archive is truncated (unexpected end of input)`
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
}

// TestCorruptData: a bad zlib stream, a bad block type, an unknown dump
// ID and a negative chunk length are errors naming the block.
func TestCorruptData(t *testing.T) {
	gz := samples(t)["tiny_gz.dump"]
	z0 := samples(t)["tiny_z0.dump"]
	mod := func(b []byte, f func(b []byte)) []byte { c := append([]byte(nil), b...); f(c); return c }
	cases := map[string]struct {
		b    []byte
		want string
	}{
		"zlib header": {mod(gz, func(b []byte) { b[1240] = 0x00 }), `dump ID 3338, TABLE DATA "t"`},
		"zlib body":   {mod(gz, func(b []byte) { b[1250] ^= 0xff; b[1251] ^= 0xff }), `dump ID 3338`},
		"block type":  {mod(z0, func(b []byte) { b[0x4cd] = 2 }), "unknown block type 2"},
		"dump ID":     {mod(z0, func(b []byte) { b[0x4cf] = 0x0b }), "block for dump ID 3339, which is not a data entry"},
		"chunk len":   {mod(z0, func(b []byte) { b[0x4d3] = 1 }), "bad chunk length -4"},
		"trailing":    {append(append([]byte(nil), z0...), 7), "unknown block type 7"},
	}
	for name, c := range cases {
		_, _, err := readAll(bytes.NewReader(c.b))
		var fe *FormatError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want a FormatError with %q", name, err, c.want)
		}
	}
}

// TestCopyIdentity: Copy with no rewriting keeps every stream, the
// header and the TOC (but for offsets); to a file the offsets point at
// the blocks, to a pipe they are not set.
func TestCopyIdentity(t *testing.T) {
	for name, b := range samples(t) {
		r0, want, err := readAll(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		// To a pipe-like writer.
		var pipe bytes.Buffer
		if err := Copy(&pipe, iotest.OneByteReader(bytes.NewReader(b)), CopyOptions{}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r1, got, err := readAll(bytes.NewReader(pipe.Bytes()))
		if err != nil {
			t.Fatalf("%s: reading the copy: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: streams differ", name)
		}
		if !reflect.DeepEqual(r1.Header(), r0.Header()) {
			t.Errorf("%s: header differs", name)
		}
		for i, e := range r1.TOC() {
			o := *r0.TOC()[i]
			if e.HadDumper {
				if e.DataState != OffsetNotSet || e.DataPos != 0 {
					t.Errorf("%s: piped entry %d has offset %d/%d", name, e.DumpID, e.DataState, e.DataPos)
				}
				o.DataState, o.DataPos = e.DataState, e.DataPos
			}
			if !reflect.DeepEqual(e, &o) {
				t.Errorf("%s: entry %d differs", name, e.DumpID)
			}
		}
		// To a file.
		f, err := os.Create(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		if err := Copy(f, bytes.NewReader(b), CopyOptions{Writer: WriterOptions{Workers: 3}}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f.Close()
		fb, _ := os.ReadFile(f.Name())
		r2, got, err := readAll(bytes.NewReader(fb))
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: file copy: %v", name, err)
		}
		for _, e := range r2.TOC() {
			if !e.HadDumper {
				if e.DataState != OffsetNoData {
					t.Errorf("%s: no-data entry %d has flag %d", name, e.DumpID, e.DataState)
				}
				continue
			}
			if e.DataState != OffsetSet || e.DataPos < r2.DataOffset() || e.DataPos+6 > int64(len(fb)) {
				t.Fatalf("%s: entry %d offset %d/%d", name, e.DumpID, e.DataState, e.DataPos)
			}
			// The offset is the block's type byte, then its dump ID.
			id := int(fb[e.DataPos+2]) | int(fb[e.DataPos+3])<<8
			if fb[e.DataPos+1] != 0 || id != e.DumpID {
				t.Errorf("%s: entry %d's offset %d points at dump ID %d", name, e.DumpID, e.DataPos, id)
			}
		}
		// The piped and the file copy differ only in offsets: same length.
		if len(fb) != pipe.Len() {
			t.Errorf("%s: file copy %d bytes, piped %d", name, len(fb), pipe.Len())
		}
	}
}

// TestLargeObjectPolicies: empty keeps the object with no bytes; drop
// removes the BLOB, BLOBS entries and what depends on them.
func TestLargeObjectPolicies(t *testing.T) {
	b := samples(t)["demo_z0.dump"]
	var out bytes.Buffer
	if err := Copy(&out, bytes.NewReader(b), CopyOptions{LargeObjects: LOEmpty}); err != nil {
		t.Fatal(err)
	}
	_, items, err := readAll(&out)
	if err != nil {
		t.Fatal(err)
	}
	if last := items[len(items)-1]; last != (item{DumpID: 3414, OID: 16593}) {
		t.Errorf("empty: %+v", last)
	}
	out.Reset()
	if err := Copy(&out, bytes.NewReader(b), CopyOptions{LargeObjects: LODrop}); err != nil {
		t.Fatal(err)
	}
	r, items, err := readAll(&out)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 10 || len(r.TOC()) != 42 {
		t.Errorf("drop: %d streams, %d entries", len(items), len(r.TOC()))
	}
	for _, e := range r.TOC() {
		if strings.HasPrefix(e.Desc.S, "BLOB") {
			t.Errorf("drop kept %s %q", e.Desc.S, e.Tag.S)
		}
	}
	// An ACL and a COMMENT on the large object go with it.
	toc := []*Entry{{DumpID: 1, Desc: S("BLOB")}, {DumpID: 2, Desc: S("ACL"), Deps: []Str{S("1")}},
		{DumpID: 3, Desc: S("COMMENT"), Deps: []Str{S("2")}}, {DumpID: 4, Desc: S("TABLE")}}
	if got := DropLargeObjects(toc); len(got) != 1 || got[0].DumpID != 4 {
		t.Errorf("DropLargeObjects kept %d entries", len(got))
	}
}

// TestRewriteStream: a DataFunc's output is what the copy holds.
func TestRewriteStream(t *testing.T) {
	b := samples(t)["tiny_gz.dump"]
	var out bytes.Buffer
	err := Copy(&out, bytes.NewReader(b), CopyOptions{Data: func(e *Entry, dst io.Writer, src io.Reader) error {
		d, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		_, err = dst.Write(bytes.ToUpper(d))
		return err
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, items, err := readAll(&out)
	if err != nil || len(items) != 1 || items[0].Data != "1\tA\n2\tB\\TC\n\\.\n\n\n" {
		t.Errorf("%v %+v", err, items)
	}
	// A DataFunc's error names the entry.
	err = Copy(io.Discard, bytes.NewReader(b), CopyOptions{Data: func(*Entry, io.Writer, io.Reader) error { return fmt.Errorf("boom") }})
	if err == nil || !strings.Contains(err.Error(), `dump ID 3338, TABLE DATA "t"`) {
		t.Errorf("err = %v", err)
	}
}

// TestWriterMisuse: the Writer refuses what would make an archive
// pg_restore cannot read.
func TestWriterMisuse(t *testing.T) {
	r, err := NewReader(bytes.NewReader(samples(t)["tiny_z0.dump"]))
	if err != nil {
		t.Fatal(err)
	}
	w, err := NewWriter(io.Discard, r.Header(), r.TOC(), WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteData(214); err == nil {
		t.Error("WriteData of a TABLE entry")
	}
	if _, err := w.WriteObjects(3338); err == nil {
		t.Error("WriteObjects of TABLE DATA")
	}
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "no data block was written for dump ID 3338") {
		t.Errorf("Close without the block: %v", err)
	}
}

// TestParallelZlib: the pigz-style stream, with zlib and with gzip
// framing, is read by the standard library's readers (an implementation
// apart from the writer's), at sizes around the block and dictionary
// boundaries, and its bytes do not depend on the number of workers (one
// worker compresses on the caller's goroutine).
func TestParallelZlib(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	text := []byte(strings.Repeat("0123456789 the quick brown fox\t\\N\n", 40000))
	for _, gz := range []bool{false, true} {
		for _, n := range []int{0, 1, pzDict - 1, pzDict, pzBlock - 1, pzBlock, pzBlock + 1, 3*pzBlock + 77, len(text)} {
			src := append([]byte(nil), text[:n]...)
			for i := 0; i < n/100; i++ {
				src[rng.Intn(n)] = byte(rng.Intn(256))
			}
			var first []byte
			for _, workers := range []int{1, 2, 4} {
				var buf bytes.Buffer
				z := NewParallelZlib(&buf, 6, workers)
				if gz {
					z = NewParallelGzip(&buf, 6, workers)
				}
				for p := src; len(p) > 0; {
					k := min(len(p), 1+rng.Intn(100000))
					if _, err := z.Write(p[:k]); err != nil {
						t.Fatal(err)
					}
					p = p[k:]
				}
				if err := z.Close(); err != nil {
					t.Fatal(err)
				}
				out := append([]byte(nil), buf.Bytes()...)
				var zr io.Reader
				var err error
				if gz {
					zr, err = stdgzip.NewReader(&buf)
				} else {
					zr, err = stdzlib.NewReader(&buf)
				}
				if err != nil {
					t.Fatalf("gzip=%v n=%d: %v", gz, n, err)
				}
				got, err := io.ReadAll(zr)
				if err != nil || !bytes.Equal(got, src) {
					t.Fatalf("gzip=%v n=%d workers=%d: %v, %d bytes back", gz, n, workers, err, len(got))
				}
				if n == len(text) && len(out) > n/10 {
					t.Errorf("%d bytes compressed to %d: the dictionary is not used", n, len(out))
				}
				if first == nil {
					first = out
				} else if !bytes.Equal(out, first) {
					t.Errorf("gzip=%v n=%d: %d workers write other bytes than one", gz, n, workers)
				}
			}
		}
	}
}
