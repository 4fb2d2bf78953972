package archive

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests run pg_dump -Fd and -Ft, the package's directory and tar
// code, and pg_restore, against the local server (see pg_test.go).

func (p *pg) dumpDir(t *testing.T, db string, args ...string) string {
	t.Helper()
	d := filepath.Join(t.TempDir(), "in.dir")
	p.run(t, nil, "pg_dump", append([]string{"-Fd", "-f", d, "-d", db}, args...)...)
	return d
}

func (p *pg) dumpTar(t *testing.T, db string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "in.tar")
	p.run(t, nil, "pg_dump", "-Ft", "-f", f, "-d", db)
	return f
}

// listing is pg_restore -l without its header lines (format, compression
// and dates differ between containers).
func (p *pg) listing(t *testing.T, archive string) string {
	t.Helper()
	var keep []string
	for _, l := range strings.Split(p.run(t, nil, "pg_restore", "-l", archive), "\n") {
		if !strings.HasPrefix(l, ";") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func (p *pg) restoreCheck(t *testing.T, archive, want string, jobs ...string) {
	t.Helper()
	db := p.newDB(t)
	p.run(t, nil, "pg_restore", append(append([]string{"--exit-on-error"}, jobs...), "-d", db, archive)...)
	if got := p.contents(t, db); got != want {
		t.Errorf("%s restored %v: contents differ:\n%s\n---\n%s", filepath.Base(archive), jobs, tail(got), tail(want))
	}
}

// TestPGDirCopy: pg_dump -Fd (gzip and -Z0) copied by CopyDir unchanged:
// toc.dat byte-identical, the same files with the same decompressed
// contents, the same listing, and it restores alone and with -j 4.
func TestPGDirCopy(t *testing.T) {
	p := requirePG(t)
	db, want := p.source(t)
	for _, v := range []struct {
		name string
		args []string
	}{{"gzip", nil}, {"Z0", []string{"-Z0"}}} {
		t.Run(v.name, func(t *testing.T) {
			in := p.dumpDir(t, db, v.args...)
			out := filepath.Join(t.TempDir(), "out.dir")
			if err := CopyDir(out, in, CopyOptions{}, 4); err != nil {
				t.Fatal(err)
			}
			a, _ := os.ReadFile(filepath.Join(in, "toc.dat"))
			b, _ := os.ReadFile(filepath.Join(out, "toc.dat"))
			if !bytes.Equal(a, b) || len(a) == 0 {
				t.Errorf("toc.dat differs (%d and %d bytes)", len(a), len(b))
			}
			ls := func(d string) string {
				es, _ := os.ReadDir(d)
				var n []string
				for _, e := range es {
					n = append(n, e.Name())
				}
				return strings.Join(n, " ")
			}
			if ls(in) != ls(out) {
				t.Errorf("files %s, want %s", ls(out), ls(in))
			}
			if v.name == "gzip" && !strings.Contains(ls(out), ".dat.gz") {
				t.Errorf("no gzip files: %s", ls(out))
			}
			ci, co := dirContents(t, in), dirContents(t, out)
			if len(ci) < 5 {
				t.Fatalf("only %d data streams", len(ci))
			}
			for k, v := range ci {
				if co[k] != v {
					t.Errorf("%s differs in the copy", k)
				}
			}
			if a, b := p.run(t, nil, "pg_restore", "-l", in), p.run(t, nil, "pg_restore", "-l", out); a != b {
				t.Errorf("pg_restore -l differs:\n%s\n---\n%s", a, b)
			}
			p.restoreCheck(t, out, want)
			p.restoreCheck(t, out, want, "-j", "4")
		})
	}
}

// TestPGTarCopy: pg_dump -Ft copied by CopyTar from a pipe, unchanged:
// the same members in the same order with the same bytes, the same
// listing, and it restores.
func TestPGTarCopy(t *testing.T) {
	p := requirePG(t)
	db, want := p.source(t)
	in := p.dumpTar(t, db)
	out := filepath.Join(t.TempDir(), "out.tar")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := CopyTar(f, iotestPipe(t, in), CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	a, _ := os.ReadFile(in)
	b, _ := os.ReadFile(out)
	na, ma := tarMembers(t, a)
	nb, mb := tarMembers(t, b)
	if strings.Join(na, " ") != strings.Join(nb, " ") {
		t.Errorf("members %v, want %v", nb, na)
	}
	for _, n := range na {
		if ma[n] != mb[n] {
			t.Errorf("member %s differs", n)
		}
	}
	if a, b := p.run(t, nil, "pg_restore", "-l", in), p.run(t, nil, "pg_restore", "-l", out); a != b {
		t.Errorf("pg_restore -l differs:\n%s\n---\n%s", a, b)
	}
	p.restoreCheck(t, out, want)
}

// TestPGFilesLargeObjects: LOEmpty and LODrop through CopyDir and
// CopyTar restore as they do for custom archives.
func TestPGFilesLargeObjects(t *testing.T) {
	p := requirePG(t)
	db, _ := p.source(t)
	dir := p.dumpDir(t, db)
	tarIn := p.dumpTar(t, db)
	q := "SELECT count(*), sum(length(lo_get(oid))), count(lomacl), count(obj_description(oid, 'pg_largeobject')) FROM pg_largeobject_metadata"
	for _, pol := range []struct {
		name string
		p    LOPolicy
		want []string
	}{{"empty", LOEmpty, []string{"2|0|1|1\n"}}, {"drop", LODrop, []string{"0|||0\n", "0||0|0\n"}}} {
		outDir := filepath.Join(t.TempDir(), "o.dir")
		if err := CopyDir(outDir, dir, CopyOptions{LargeObjects: pol.p}, 2); err != nil {
			t.Fatal(err)
		}
		outTar := filepath.Join(t.TempDir(), "o.tar")
		f, _ := os.Create(outTar)
		if err := CopyTar(f, mustOpen(t, tarIn), CopyOptions{LargeObjects: pol.p}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		for _, out := range []string{outDir, outTar} {
			d := p.newDB(t)
			p.run(t, nil, "pg_restore", "--exit-on-error", "-d", d, out)
			got := p.sql(t, d, q)
			ok := false
			for _, w := range pol.want {
				ok = ok || got == w
			}
			if !ok {
				t.Errorf("%s %s: restored %q, want %q", pol.name, filepath.Base(out), got, pol.want)
			}
			if got := p.sql(t, d, "SELECT count(*) FROM people"); got != "6000\n" {
				t.Errorf("%s %s: people has %q rows", pol.name, filepath.Base(out), got)
			}
			if l := p.run(t, nil, "pg_restore", "-l", out); pol.p == LODrop && strings.Contains(l, "BLOB") {
				t.Errorf("LODrop listing of %s still has large objects", filepath.Base(out))
			}
		}
	}
}

// convert copies every data stream and large object from one container
// to another: blocks come from next (nil, io.EOF at the end).
func convert(t *testing.T, w Sink, next func() (*Block, error)) {
	t.Helper()
	for {
		b, err := next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if b.Type == BlockBlobs {
			if err := CopyObjects(w, b, LOKeep); err != nil {
				t.Fatal(err)
			}
			continue
		}
		out, err := w.WriteData(b.Entry.DumpID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(out, b); err != nil {
			t.Fatal(err)
		}
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// dirBlocks serves a directory's data in TOC order as Blocks.
func dirBlocks(t *testing.T, d *Dir) func() (*Block, error) {
	var todo []*Entry
	for _, e := range d.TOC() {
		if e.Filename.S != "" {
			todo = append(todo, e)
		}
	}
	return func() (*Block, error) {
		if len(todo) == 0 {
			return nil, io.EOF
		}
		e := todo[0]
		todo = todo[1:]
		if e.IsBlobs() {
			b, c, err := d.OpenObjects(e)
			if err == nil {
				t.Cleanup(func() { c.Close() })
			}
			return b, err
		}
		r, err := d.OpenData(e)
		if err != nil {
			return nil, err
		}
		t.Cleanup(func() { r.Close() })
		return &Block{Entry: e, Type: BlockData, ext: &readerBlock{r}}, nil
	}
}

// readerBlock makes a stream a data Block, for the tests.
type readerBlock struct{ r io.Reader }

func (b *readerBlock) read(p []byte) (int, error)  { return b.r.Read(p) }
func (b *readerBlock) nextObject() (uint32, error) { return 0, io.EOF }
func (b *readerBlock) skip() error                 { _, err := io.Copy(io.Discard, b.r); return err }

// TestPGConvert: custom → directory, directory → custom, custom → tar
// and tar → custom list the same entries and restore the same contents.
func TestPGConvert(t *testing.T) {
	p := requirePG(t)
	db, want := p.source(t)
	custom := p.dump(t, db)
	base := p.listing(t, custom)
	check := func(t *testing.T, out string, jobs ...string) {
		t.Helper()
		if got := p.listing(t, out); got != base {
			t.Errorf("listing of %s:\n%s\n---\n%s", filepath.Base(out), got, base)
		}
		p.restoreCheck(t, out, want, jobs...)
	}
	t.Run("custom-dir", func(t *testing.T) {
		r, err := NewReader(mustOpen(t, custom))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "c.dir")
		w, err := CreateDir(out, r.Header(), r.TOC(), DirOptions{})
		if err != nil {
			t.Fatal(err)
		}
		convert(t, w, r.Next)
		check(t, out, "-j", "4")
	})
	t.Run("dir-custom", func(t *testing.T) {
		d, err := OpenDir(p.dumpDir(t, db))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "d.dump")
		f, _ := os.Create(out)
		w, err := NewWriter(f, d.Header(), d.TOC(), WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		convert(t, w, dirBlocks(t, d))
		f.Close()
		check(t, out, "-j", "4")
	})
	t.Run("custom-tar", func(t *testing.T) {
		r, err := NewReader(mustOpen(t, custom))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "c.tar")
		f, _ := os.Create(out)
		w, err := NewTarWriter(f, r.Header(), r.TOC(), TarOptions{TempDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		convert(t, w, r.Next)
		f.Close()
		check(t, out)
	})
	t.Run("tar-custom", func(t *testing.T) {
		r, err := NewTarReader(iotestPipe(t, p.dumpTar(t, db)))
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "t.dump")
		f, _ := os.Create(out)
		w, err := NewWriter(f, r.Header(), r.TOC(), WriterOptions{})
		if err != nil {
			t.Fatal(err)
		}
		convert(t, w, r.Next)
		f.Close()
		check(t, out, "-j", "4")
	})
}
