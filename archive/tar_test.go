package archive

import (
	"archive/tar"
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

// tarMembers lists a tar archive's members: names and contents.
func tarMembers(t *testing.T, b []byte) ([]string, map[string]string) {
	t.Helper()
	tr := tar.NewReader(bytes.NewReader(b))
	var names []string
	m := map[string]string{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		d, _ := io.ReadAll(tr)
		names = append(names, h.Name)
		m[h.Name] = string(d)
	}
	return names, m
}

// readTar reads every block of a tar archive: member-ish name → bytes.
func readTar(r io.Reader) (map[string]string, *TarReader, error) {
	t, err := NewTarReader(r)
	if err != nil {
		return nil, nil, err
	}
	out := map[string]string{}
	for {
		b, err := t.Next()
		if err == io.EOF {
			return out, t, nil
		}
		if err != nil {
			return nil, nil, err
		}
		if b.Type == BlockData {
			d, err := io.ReadAll(b)
			if err != nil {
				return nil, nil, err
			}
			out[strconv.Itoa(b.Entry.DumpID)+".dat"] = string(d)
			continue
		}
		for {
			oid, err := b.NextObject()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, nil, err
			}
			d, err := io.ReadAll(b)
			if err != nil {
				return nil, nil, err
			}
			out["blob_"+strconv.Itoa(int(oid))+".dat"] = string(d)
		}
	}
}

// TestTarSamples: pg_dump 15's -Ft samples read member by member; an
// unchanged CopyTar gives the same members in the same order, with a
// byte-identical toc.dat and restore.sql.
func TestTarSamples(t *testing.T) {
	for _, f := range []string{"testdata/t.tar", "testdata/t1520.tar"} {
		t.Run(f, func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			names, want := tarMembers(t, in)
			got, r, err := readTar(bytes.NewReader(in))
			if err != nil {
				t.Fatal(err)
			}
			streams := 0
			for _, n := range names {
				if n == "toc.dat" || n == "restore.sql" || isBlobList(n) {
					continue
				}
				streams++
				if got[n] != want[n] {
					t.Errorf("%s: read %q, want %q", n, got[n], want[n])
				}
			}
			if len(got) != streams || streams == 0 {
				t.Errorf("read %d streams, tar has %d members", len(got), len(names))
			}
			if string(r.RestoreSQL()) != want["restore.sql"] || len(want["restore.sql"]) == 0 {
				t.Errorf("RestoreSQL: %d bytes, want %d", len(r.RestoreSQL()), len(want["restore.sql"]))
			}
			var out bytes.Buffer
			if err := CopyTar(&out, iotestPipeBytes(in), CopyOptions{}); err != nil {
				t.Fatal(err)
			}
			names2, got2 := tarMembers(t, out.Bytes())
			if strings.Join(names, " ") != strings.Join(names2, " ") {
				t.Errorf("members %v, want %v", names2, names)
			}
			for _, n := range names {
				if got2[n] != want[n] {
					t.Errorf("copied %s differs (%d bytes, want %d)", n, len(got2[n]), len(want[n]))
				}
			}
			if out.Len()%512 != 0 || !bytes.Equal(out.Bytes()[out.Len()-1024:], make([]byte, 1024)) {
				t.Errorf("the copy does not end with two zero blocks")
			}
		})
	}
}

// iotestPipeBytes hides everything but Read.
func iotestPipeBytes(b []byte) io.Reader { return struct{ io.Reader }{bytes.NewReader(b)} }

// TestTarCorrupt: a truncated archive, a bad toc.dat, a missing data
// member, a stranger member give *FormatError, never a panic.
func TestTarCorrupt(t *testing.T) {
	in, err := os.ReadFile("testdata/t.tar")
	if err != nil {
		t.Fatal(err)
	}
	names, m := tarMembers(t, in)
	rebuild := func(change func(name string, data []byte) (string, []byte, bool)) []byte {
		var b bytes.Buffer
		tw := tar.NewWriter(&b)
		for _, n := range names {
			nn, d, keep := change(n, []byte(m[n]))
			if !keep {
				continue
			}
			tw.WriteHeader(&tar.Header{Name: nn, Size: int64(len(d)), Mode: 0o600, Typeflag: tar.TypeReg})
			tw.Write(d)
		}
		tw.Close()
		return b.Bytes()
	}
	for _, c := range []struct {
		name, want string
		data       []byte
	}{
		{"truncated in toc", "toc.dat", in[:3000]},
		{"truncated in data", "tar", in[:len(in)/2+100]},
		{"truncated at member", "ends", in[:10240]},
		{"bad toc", "toc.dat", rebuild(func(n string, d []byte) (string, []byte, bool) {
			if n == "toc.dat" {
				d = append([]byte(nil), d[:4000]...)
			}
			return n, d, true
		})},
		{"not toc first", "toc.dat", rebuild(func(n string, d []byte) (string, []byte, bool) { return n, d, n != "toc.dat" })},
		{"missing data member", "3392", rebuild(func(n string, d []byte) (string, []byte, bool) { return n, d, n != "3392.dat" })},
		{"stranger member", "x.txt", rebuild(func(n string, d []byte) (string, []byte, bool) {
			if n == "3398.dat" {
				n = "x.txt"
			}
			return n, d, true
		})},
		{"bad blob list", "blobs.toc", rebuild(func(n string, d []byte) (string, []byte, bool) {
			if n == "blobs.toc" {
				d = []byte("1 blob_1.dat\n")
			}
			return n, d, true
		})},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := readTar(bytes.NewReader(c.data))
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v (%T), want a *FormatError", err, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not name %q", err, c.want)
			}
			if err := CopyTar(io.Discard, bytes.NewReader(c.data), CopyOptions{}); !errors.As(err, &fe) {
				t.Errorf("CopyTar: %v, want a *FormatError", err)
			}
		})
	}
}

// FuzzTarReader: any input gives blocks or an error, never a panic or a
// hang; an archive that reads copies to one that reads the same.
func FuzzTarReader(f *testing.F) {
	for _, n := range []string{"testdata/t.tar", "testdata/t1520.tar"} {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		got, r, err := readTar(bytes.NewReader(b))
		if err != nil {
			var fe *FormatError
			if !errors.As(err, &fe) {
				t.Fatalf("error %v is %T, not a *FormatError", err, err)
			}
			return
		}
		_ = r.RestoreSQL()
		var out bytes.Buffer
		if err := CopyTar(&out, bytes.NewReader(b), CopyOptions{}); err != nil {
			t.Fatalf("read, but CopyTar failed: %v", err)
		}
		again, _, err := readTar(&out)
		if err != nil {
			t.Fatalf("the copy does not read: %v", err)
		}
		if len(again) != len(got) {
			t.Fatalf("copy has %d streams, want %d", len(again), len(got))
		}
		for k, v := range got {
			if again[k] != v {
				t.Fatalf("%s differs in the copy", k)
			}
		}
	})
}

// TestTarWriterOrder: data written out of TOC order still comes out in
// TOC order, the large objects' members before their list, and the
// spool files are gone after Close.
func TestTarWriterOrder(t *testing.T) {
	in, err := os.ReadFile("testdata/t.tar")
	if err != nil {
		t.Fatal(err)
	}
	names, m := tarMembers(t, in)
	r, err := NewTarReader(bytes.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	var out bytes.Buffer
	w, err := NewTarWriter(&out, r.Header(), r.TOC(), TarOptions{TempDir: tmp, RestoreSQL: []byte(m["restore.sql"])})
	if err != nil {
		t.Fatal(err)
	}
	var data []*Entry
	for _, e := range w.TOC() {
		if e.Filename.S != "" {
			data = append(data, e)
		}
	}
	// Write the entries in reverse TOC order.
	for i := len(data) - 1; i >= 0; i-- {
		e := data[i]
		if e.IsBlobs() {
			o, err := w.WriteObjects(e.DumpID)
			if err != nil {
				t.Fatal(err)
			}
			ow, _ := o.Object(16593)
			io.WriteString(ow, m["blob_16593.dat"])
			ow.Close()
			if err := o.Close(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		d, err := w.WriteData(e.DumpID)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(d, m[e.Filename.S])
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteData(e.DumpID); err == nil {
			t.Fatal("a second WriteData was accepted")
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	got, gm := tarMembers(t, out.Bytes())
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("members %v, want %v", got, names)
	}
	for _, n := range names {
		if gm[n] != m[n] {
			t.Errorf("%s differs", n)
		}
	}
	if es, _ := os.ReadDir(tmp); len(es) != 0 {
		t.Errorf("%d spool files left", len(es))
	}
	// A missing data entry fails Close.
	w, _ = NewTarWriter(io.Discard, r.Header(), r.TOC(), TarOptions{TempDir: tmp})
	if err := w.Close(); err == nil {
		t.Error("Close accepted missing data")
	}
}
