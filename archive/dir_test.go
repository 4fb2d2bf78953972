package archive

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// dirContents reads every data stream and large object of a directory
// archive: name → decompressed bytes.
func dirContents(t *testing.T, path string) map[string]string {
	t.Helper()
	d, err := OpenDir(path)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range d.TOC() {
		if e.Filename.S == "" {
			continue
		}
		if e.IsBlobs() {
			b, c, err := d.OpenObjects(e)
			if err != nil {
				t.Fatal(err)
			}
			for {
				oid, err := b.NextObject()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				data, err := io.ReadAll(b)
				if err != nil {
					t.Fatal(err)
				}
				out["blob "+strconv.Itoa(int(oid))] = string(data)
			}
			c.Close()
			continue
		}
		r, err := d.OpenData(e)
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			t.Fatalf("%s: %v", e.Filename.S, err)
		}
		r.Close()
		out[e.Filename.S] = string(data)
	}
	return out
}

// TestDirSamples: pg_dump 15's -Fd samples (gzip and -Z0) read, with the
// same contents in both; an unchanged CopyDir gives a byte-identical
// toc.dat and the same decompressed data, in files named as pg_dump
// names them.
func TestDirSamples(t *testing.T) {
	gz := dirContents(t, "testdata/dir_gz")
	z0 := dirContents(t, "testdata/dir_z0")
	if len(gz) != 9 || len(z0) != len(gz) {
		t.Fatalf("%d and %d data streams, want 9", len(gz), len(z0))
	}
	for k, v := range z0 {
		if gz[k] != v {
			t.Errorf("%s: gzip %q, -Z0 %q", k, gz[k], v)
		}
		raw, err := os.ReadFile(filepath.Join("testdata/dir_z0", k))
		if err == nil && string(raw) != v {
			t.Errorf("%s: read %q, file holds %q", k, v, raw)
		}
	}
	if !strings.HasSuffix(z0["3401.dat"], "\\.\n\n\n") {
		t.Errorf("3401.dat = %q", z0["3401.dat"])
	}
	for _, src := range []string{"testdata/dir_gz", "testdata/dir_z0"} {
		dst := filepath.Join(t.TempDir(), "out")
		if err := CopyDir(dst, src, CopyOptions{}, 3); err != nil {
			t.Fatal(err)
		}
		a, _ := os.ReadFile(filepath.Join(src, "toc.dat"))
		b, err := os.ReadFile(filepath.Join(dst, "toc.dat"))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: toc.dat differs after the copy (%v)", src, err)
		}
		names := func(p string) string {
			es, _ := os.ReadDir(p)
			var s []string
			for _, e := range es {
				s = append(s, e.Name())
			}
			return strings.Join(s, " ")
		}
		if names(src) != names(dst) {
			t.Errorf("files %s, want %s", names(dst), names(src))
		}
		got := dirContents(t, dst)
		for k, v := range z0 {
			if got[k] != v {
				t.Errorf("%s: copy has %q, want %q", k, got[k], v)
			}
		}
	}
}

// TestDirCorrupt: a missing or truncated data file, a bad or missing
// toc.dat give *FormatError naming the file.
func TestDirCorrupt(t *testing.T) {
	clone := func(t *testing.T, src string) string {
		dst := filepath.Join(t.TempDir(), "d")
		if err := os.Mkdir(dst, 0o700); err != nil {
			t.Fatal(err)
		}
		es, _ := os.ReadDir(src)
		for _, e := range es {
			b, _ := os.ReadFile(filepath.Join(src, e.Name()))
			os.WriteFile(filepath.Join(dst, e.Name()), b, 0o600)
		}
		return dst
	}
	readAll := func(path string) error {
		d, err := OpenDir(path)
		if err != nil {
			return err
		}
		for _, e := range d.TOC() {
			if e.Filename.S == "" {
				continue
			}
			if e.IsBlobs() {
				b, c, err := d.OpenObjects(e)
				if err != nil {
					return err
				}
				for {
					if _, err = b.NextObject(); err != nil {
						break
					}
					if _, err = io.Copy(io.Discard, b); err != nil {
						break
					}
				}
				c.Close()
				if err != io.EOF {
					return err
				}
				continue
			}
			r, err := d.OpenData(e)
			if err != nil {
				return err
			}
			_, err = io.Copy(io.Discard, r)
			r.Close()
			if err != nil {
				return err
			}
		}
		return nil
	}
	for _, c := range []struct {
		name, src, file string
		change          func(string) error
	}{
		{"missing data", "testdata/dir_gz", "3392.dat", func(p string) error { return os.Remove(p + ".gz") }},
		{"truncated gzip", "testdata/dir_gz", "3392.dat.gz", func(p string) error { return os.Truncate(p, 100) }},
		{"corrupt gzip", "testdata/dir_gz", "3392.dat.gz", func(p string) error {
			b, _ := os.ReadFile(p)
			for i := 20; i < 60; i++ {
				b[i] ^= 0x55
			}
			return os.WriteFile(p, b, 0o600)
		}},
		{"missing blob", "testdata/dir_z0", "blob_16593.dat", os.Remove},
		{"bad blob list", "testdata/dir_z0", "blobs.toc", func(p string) error { return os.WriteFile(p, []byte("x y\n"), 0o600) }},
		{"truncated toc", "testdata/dir_z0", "toc.dat", func(p string) error { return os.Truncate(p, 5000) }},
		{"bad toc", "testdata/dir_z0", "toc.dat", func(p string) error { return os.WriteFile(p, []byte("PGDMX garbage"), 0o600) }},
		{"missing toc", "testdata/dir_z0", "toc.dat", os.Remove},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := clone(t, c.src)
			if err := c.change(filepath.Join(d, c.file)); err != nil {
				t.Fatal(err)
			}
			err := readAll(d)
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v (%T), want a *FormatError", err, err)
			}
			if !strings.Contains(err.Error(), c.file) {
				t.Errorf("error %q does not name %s", err, c.file)
			}
			if err := CopyDir(filepath.Join(t.TempDir(), "o"), d, CopyOptions{}, 2); !errors.As(err, &fe) {
				t.Errorf("CopyDir: %v, want a *FormatError", err)
			}
		})
	}
}

// TestDirWriterChecks: CreateDir refuses a non-empty directory; Close
// refuses a missing data file unless Partial, and writes no toc.dat then.
func TestDirWriterChecks(t *testing.T) {
	d, err := OpenDir("testdata/dir_z0")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CreateDir("testdata", d.Header(), d.TOC(), DirOptions{}); err == nil {
		t.Error("CreateDir accepted a non-empty directory")
	}
	out := filepath.Join(t.TempDir(), "o")
	w, err := CreateDir(out, d.Header(), d.TOC(), DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.WriteData(3401)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(f, "\\.\n\n\n")
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := w.WriteData(3401); err == nil {
		t.Error("a second WriteData for 3401 was accepted")
	}
	if _, err := w.WriteData(3404); err == nil {
		t.Error("WriteData for the BLOBS entry was accepted")
	}
	if err := w.Close(); err == nil {
		t.Error("Close accepted missing data files")
	}
	if _, err := os.Stat(filepath.Join(out, "toc.dat")); err == nil {
		t.Error("a failed Close left a toc.dat")
	}
	out2 := filepath.Join(t.TempDir(), "p")
	w, _ = CreateDir(out2, d.Header(), d.TOC(), DirOptions{Partial: true})
	for _, e := range w.TOC() {
		want := map[int]string{3392: "3392.dat", 3404: "blobs.toc", 3407: ""}[e.DumpID]
		if got := e.Filename.S; (e.DumpID == 3392 || e.DumpID == 3404 || e.DumpID == 3407) && got != want {
			t.Errorf("entry %d: file name %q, want %q", e.DumpID, got, want)
		}
		if e.DumpID == 3392 {
			if got := w.DataFileName(e); got != "3392.dat" {
				t.Errorf("DataFileName = %q", got)
			}
		}
	}
	g, _ := OpenDir("testdata/dir_gz")
	wg, err := CreateDir(filepath.Join(t.TempDir(), "g"), g.Header(), g.TOC(), DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range wg.TOC() {
		if e.DumpID == 3392 && wg.DataFileName(e) != "3392.dat.gz" {
			t.Errorf("gzip DataFileName = %q", wg.DataFileName(e))
		}
		if e.IsBlobs() && wg.DataFileName(e) != "blobs.toc" {
			t.Errorf("gzip BLOBS DataFileName = %q", wg.DataFileName(e))
		}
	}
	if err := w.Close(); err != nil {
		t.Errorf("Partial Close: %v", err)
	}
	if _, err := OpenDir(out2); err != nil {
		t.Errorf("partial toc.dat: %v", err)
	}
}

// TestDirWriterConcurrent: many goroutines write their entries at once
// (run under -race); the result reads back the same, with a rewrite
// applied through CopyDir's Data.
func TestDirWriterConcurrent(t *testing.T) {
	want := dirContents(t, "testdata/dir_gz")
	out := filepath.Join(t.TempDir(), "o")
	upper := func(e *Entry, dst io.Writer, src io.Reader) error {
		b, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		_, err = dst.Write(bytes.ToUpper(b))
		return err
	}
	if err := CopyDir(out, "testdata/dir_gz", CopyOptions{Data: upper}, 8); err != nil {
		t.Fatal(err)
	}
	got := dirContents(t, out)
	for k, v := range want {
		if strings.HasPrefix(k, "blob ") {
			if got[k] != v {
				t.Errorf("%s changed", k)
			}
		} else if got[k] != strings.ToUpper(v) {
			t.Errorf("%s = %q, want %q", k, got[k], strings.ToUpper(v))
		}
	}
}

// TestDirToCustom: a directory sample converts to a custom archive (in
// memory, so without offsets) whose blocks hold the same data.
func TestDirToCustom(t *testing.T) {
	for _, src := range []string{"testdata/dir_gz", "testdata/dir_z0"} {
		d, err := OpenDir(src)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		w, err := NewWriter(&buf, d.Header(), d.TOC(), WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		convert(t, w, dirBlocks(t, d))
		r, err := NewReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if r.Header().Format != FormatCustom || r.Header().Level != d.Header().Level {
			t.Errorf("%s: header format %d level %d", src, r.Header().Format, r.Header().Level)
		}
		want := dirContents(t, src)
		n := 0
		for {
			b, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if b.Type == BlockBlobs {
				for {
					oid, err := b.NextObject()
					if err == io.EOF {
						break
					}
					got, _ := io.ReadAll(b)
					if k := "blob " + strconv.Itoa(int(oid)); string(got) != want[k] {
						t.Errorf("%s: %s differs", src, k)
					}
					n++
				}
				continue
			}
			got, err := io.ReadAll(b)
			if err != nil {
				t.Fatal(err)
			}
			if k := strconv.Itoa(b.Entry.DumpID) + ".dat"; string(got) != want[k] {
				t.Errorf("%s: %s = %q, want %q", src, k, got, want[k])
			}
			n++
		}
		if n != len(want) {
			t.Errorf("%s: %d streams, want %d", src, n, len(want))
		}
	}
}

// TestDirCompressions: a 1.15 header with gzip, lz4 or zstd writes data
// files with pg_dump's suffix and stream format, which read back the
// same; the list file stays plain.
func TestDirCompressions(t *testing.T) {
	src, err := OpenDir("testdata/dir_z0")
	if err != nil {
		t.Fatal(err)
	}
	want := dirContents(t, "testdata/dir_z0")
	for _, c := range []struct {
		c      Compression
		suffix string
		magic  string
	}{{CompressGzip, ".gz", "\x1f\x8b"}, {CompressLZ4, ".lz4", "\x04\x22\x4d\x18"}, {CompressZstd, ".zst", "\x28\xb5\x2f\xfd"}} {
		t.Run(c.c.String(), func(t *testing.T) {
			h := *src.Header()
			h.Version, h.Compression, h.Level = V1_15, c.c, 0
			out := filepath.Join(t.TempDir(), "o")
			w, err := CreateDir(out, &h, src.TOC(), DirOptions{})
			if err != nil {
				t.Fatal(err)
			}
			convert(t, w, dirBlocks(t, src))
			for _, name := range []string{"3392.dat" + c.suffix, "blob_16593.dat" + c.suffix} {
				b, err := os.ReadFile(filepath.Join(out, name))
				if err != nil || !strings.HasPrefix(string(b), c.magic) {
					t.Errorf("%s: %v, starts %q", name, err, b[:min(len(b), 4)])
				}
			}
			if b, _ := os.ReadFile(filepath.Join(out, "blobs.toc")); string(b) != "16593 blob_16593.dat\n" {
				t.Errorf("blobs.toc = %q", b)
			}
			got := dirContents(t, out)
			if len(got) != len(want) {
				t.Errorf("%d streams, want %d", len(got), len(want))
			}
			for k, v := range want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
			d, _ := OpenDir(out)
			if d.Header().Compression != c.c || d.Header().Version != V1_15 {
				t.Errorf("header %+v", d.Header())
			}
		})
	}
}

// TestV116BlobLists: from archive version 1.16 a BLOBS entry's list is
// blobs_<dumpID>.toc, in a directory and in a tar archive, and both read
// back.
func TestV116BlobLists(t *testing.T) {
	src, err := OpenDir("testdata/dir_z0")
	if err != nil {
		t.Fatal(err)
	}
	h := *src.Header()
	h.Version = V1_16
	out := filepath.Join(t.TempDir(), "o")
	w, err := CreateDir(out, &h, src.TOC(), DirOptions{})
	if err != nil {
		t.Fatal(err)
	}
	convert(t, w, dirBlocks(t, src))
	if _, err := os.Stat(filepath.Join(out, "blobs_3404.toc")); err != nil {
		t.Error(err)
	}
	want := dirContents(t, "testdata/dir_z0")
	got := dirContents(t, out)
	if got["blob 16593"] != want["blob 16593"] || len(got) != len(want) {
		t.Errorf("1.16 directory reads %d streams", len(got))
	}
	d, _ := OpenDir(out)
	var buf bytes.Buffer
	tw, err := NewTarWriter(&buf, d.Header(), d.TOC(), TarOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	convert(t, tw, dirBlocks(t, d))
	names, _ := tarMembers(t, buf.Bytes())
	if j := strings.Join(names, " "); !strings.Contains(j, "blob_16593.dat blobs_3404.toc") {
		t.Errorf("tar members %s", j)
	}
	tg, _, err := readTar(bytes.NewReader(buf.Bytes()))
	if err != nil || tg["blob_16593.dat"] != want["blob 16593"] {
		t.Errorf("1.16 tar: %v", err)
	}
}
