package dumpstream

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anondump/anondump/archive"
)

// archiveData returns each data entry's decompressed stream, by tag.
func archiveData(t *testing.T, b []byte) map[string]string {
	t.Helper()
	r, err := archive.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for {
		blk, err := r.Next()
		if err == io.EOF {
			return m
		}
		if err != nil {
			t.Fatal(err)
		}
		if blk.Type != archive.BlockData {
			continue
		}
		d, err := io.ReadAll(blk)
		if err != nil {
			t.Fatal(err)
		}
		m[blk.Entry.Tag.S] = string(d)
	}
}

// Without plans, the output is what archive.Copy writes without a data
// function, whatever the archive.
func TestRewriteArchiveIdentity(t *testing.T) {
	files, _ := filepath.Glob("../archive/testdata/*.dump")
	if len(files) == 0 {
		t.Fatal("no test archives")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var want, got bytes.Buffer
			if err := archive.Copy(&want, bytes.NewReader(in), archive.CopyOptions{}); err != nil {
				t.Fatal(err)
			}
			for _, workers := range []int{1, 4} {
				got.Reset()
				st, err := RewriteArchive(&got, bytes.NewReader(in), &keepAll{}, Options{Name: "a.dump", Workers: workers}, ArchiveOptions{})
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("workers %d: output differs from archive.Copy's", workers)
				}
				if st.Bytes != int64(len(in)) {
					t.Errorf("Stats.Bytes = %d, want %d", st.Bytes, len(in))
				}
			}
		})
	}
}

func TestRewriteArchiveRows(t *testing.T) {
	in, err := os.ReadFile("../archive/testdata/tiny_gz.dump")
	if err != nil {
		t.Fatal(err)
	}
	for _, workers := range []int{1, 3} {
		tr := &ruled{cols: map[string][]string{"public.t": {"s"}}}
		var out bytes.Buffer
		st, err := RewriteArchive(&out, bytes.NewReader(in), tr, Options{Workers: workers}, ArchiveOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// marker wraps the decoded value; "b\tc" is encoded back.
		if got, want := archiveData(t, out.Bytes())["t"], "1\t<a>\n2\t<b\\tc>\n\\.\n\n\n"; got != want {
			t.Errorf("workers %d: data %q, want %q", workers, got, want)
		}
		if st.Tables != 1 || st.Rows != 2 || st.RuledTables != 1 || st.RowsRewritten != 2 {
			t.Errorf("stats %+v", st)
		}
		if len(tr.tables) == 0 || !tr.tables[0].Typed || tr.tables[0].Columns[1].Type.Name != "text" {
			t.Errorf("the table's types from the TOC's CREATE TABLE did not reach the transformer: %+v", tr.tables)
		}
		r, err := archive.NewReader(bytes.NewReader(out.Bytes()))
		if err != nil || r.Header().Compression != archive.CompressGzip {
			t.Errorf("output header: %v", err)
		}
	}
}

// The archive's TOC holds its tables' columns, domains and keys; the post-data
// keys reach Options.Constraints after the data, as in a plain dump.
func TestRewriteArchiveCatalog(t *testing.T) {
	in, err := os.ReadFile("../archive/testdata/demo_z0.dump")
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	tr := &ruled{cols: map[string][]string{"public.plain": {"id"}}, drop: map[string]bool{`"My Schema"."Mixed Case"`: true}}
	var out bytes.Buffer
	st, err := RewriteArchive(&out, bytes.NewReader(in), tr, Options{Constraints: func(k Constraint) {
		if len(tr.tables) == 10 { // after every TABLE DATA entry
			keys = append(keys, k.Table[0]+"."+k.Table[1]+" "+k.Kind)
		}
		if k.Line != 0 {
			t.Errorf("constraint %+v has a line of the TOC's definitions", k)
		}
	}}, ArchiveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(keys, ";") != "My Schema.Mixed Case primary key;public.plain primary key" {
		t.Errorf("constraints after the data: %q", keys)
	}
	byName := map[string]*Table{}
	for _, tb := range tr.tables {
		byName[tb.QualifiedName()] = tb
	}
	if tb := byName["public.parted_eu"]; tb == nil || len(tb.Ancestors) != 1 || tb.Ancestors[0] != [2]string{"public", "parted"} {
		t.Errorf("parted_eu: the TABLE ATTACH entry did not make parted its ancestor: %+v", tb)
	}
	if st.RowsDropped == 0 {
		t.Errorf("no row dropped: %+v", st)
	}
	data := archiveData(t, out.Bytes())
	if d := data["Mixed Case"]; d != "\\.\n\n\n" {
		t.Errorf("dropped table's data %q", d)
	}
	if d := data["plain"]; !strings.HasPrefix(d, "<") {
		t.Errorf("plain not rewritten: %q", d)
	}
	orig := archiveData(t, in)
	for tag, d := range orig {
		if tag != "plain" && tag != "Mixed Case" && data[tag] != d {
			t.Errorf("%s changed", tag)
		}
	}
}

// An error names the entry and its data line, never a value.
func TestRewriteArchiveErrors(t *testing.T) {
	in, err := os.ReadFile("../archive/testdata/tiny_z0.dump")
	if err != nil {
		t.Fatal(err)
	}
	_, err = RewriteArchive(io.Discard, bytes.NewReader(in), refuser{}, Options{Name: "in.dump"}, ArchiveOptions{})
	var ee *EntryError
	if !errors.As(err, &ee) || ee.Desc != "TABLE DATA" || ee.Table != "public.t" || ee.Line != 1 {
		t.Fatalf("err = %#v", err)
	}
	if !strings.HasPrefix(err.Error(), "in.dump: dump ID 3338 (TABLE DATA t), data line 1: table public.t: ") {
		t.Errorf("message %q", err)
	}
	// A corrupt data block: a FormatError naming the entry.
	bad := append([]byte(nil), in[:len(in)-12]...)
	_, err = RewriteArchive(io.Discard, bytes.NewReader(bad), &keepAll{}, Options{}, ArchiveOptions{})
	var fe *archive.FormatError
	if !errors.As(err, &fe) {
		t.Errorf("truncated archive: %v", err)
	}
}

func TestCopyRowsCounts(t *testing.T) {
	for in, want := range map[string]int64{
		"\\.\n\n\n":             0,
		"1\ta\n2\tb\n\\.\n\n\n": 2,
		"1\ta\n\\.x\n\\.\n":     2,
		// Lines longer than the 16-byte buffer: the second starts with `\.`.
		strings.Repeat("x", 40) + "\n\\." + strings.Repeat("y", 40) + "\n\\.\n\n": 2,
	} {
		var out bytes.Buffer
		var lines int64
		n, err := copyRows(&out, bufio.NewReaderSize(strings.NewReader(in), 16), &lines)
		if err != nil || n != want || lines != want || out.String() != in {
			t.Errorf("copyRows(%q) = %d, %v (lines %d, out %q), want %d", in, n, err, lines, out.String(), want)
		}
	}
}

// A COPY entry cut short, even at a line boundary, is truncated: pg_dump
// ends every one with `\.`. Kept and ruled entries alike.
func TestArchiveEntryWithoutEndMarker(t *testing.T) {
	for _, in := range []string{"", "1\ta\n", "1\ta\n2", "1\ta\n\\.x\n"} {
		var lines int64
		if _, err := copyRows(io.Discard, bufio.NewReader(strings.NewReader(in)), &lines); !errors.Is(err, ErrTruncated) {
			t.Errorf("copyRows(%q): %v, want ErrTruncated", in, err)
		}
	}
	src, err := os.ReadFile("../archive/testdata/tiny_z0.dump")
	if err != nil {
		t.Fatal(err)
	}
	// Rewrite the archive with its data cut after the first row.
	cut := func(e *archive.Entry, dst io.Writer, src io.Reader) error {
		b, _ := io.ReadAll(src)
		if e.Desc.S == "TABLE DATA" {
			b = b[:bytes.IndexByte(b, '\n')+1]
		}
		_, err := dst.Write(b)
		return err
	}
	var short bytes.Buffer
	if err := archive.Copy(&short, bytes.NewReader(src), archive.CopyOptions{Data: cut}); err != nil {
		t.Fatal(err)
	}
	for name, tr := range map[string]Transformer{"kept": &keepAll{}, "ruled": &ruled{cols: map[string][]string{"public.t": {"s"}}}} {
		var out bytes.Buffer
		_, err := RewriteArchive(&out, bytes.NewReader(short.Bytes()), tr, Options{Name: "in.dump"}, ArchiveOptions{})
		var ee *EntryError
		if !errors.Is(err, ErrTruncated) || !errors.As(err, &ee) || ee.Tag != "t" {
			t.Errorf("%s: %v, want a truncated entry t", name, err)
		}
	}
}

// blockCounter records each block's row count as EndBlock gets it, and
// reads the rows of the tables it is told to.
type blockCounter struct {
	NopVisitor
	read   map[string]bool
	rows   map[string]int64
	schema map[string]string // of each table
	seen   int64             // rows it was shown
}

func (v *blockCounter) Block(b *Block) (RowVisitor, error) {
	if v.read[b.Table.Name] {
		return v, nil
	}
	return nil, nil
}

func (v *blockCounter) Row(*Row) error { v.seen++; return nil }

func (v *blockCounter) EndBlock(b *Block, rows int64) error {
	v.rows[b.Table.Name] = rows
	if v.schema == nil {
		v.schema = map[string]string{}
	}
	v.schema[b.Table.Name] = b.Table.Schema
	return nil
}

// TestWalkSkipUnread: with Options.SkipUnread, the blocks a visitor skips
// are not read (EndBlock gets -1), the ones it reads are read whole, in a
// custom archive and in a directory alike.
func TestWalkSkipUnread(t *testing.T) {
	in, err := os.ReadFile("../archive/testdata/demo_z0.dump")
	if err != nil {
		t.Fatal(err)
	}
	dir, err := archive.OpenDir("../archive/testdata/dir_gz")
	if err != nil {
		t.Fatal(err)
	}
	for _, src := range []func() io.Reader{
		func() io.Reader { return bytes.NewReader(in) },
		func() io.Reader { return DirInput{Dir: dir} },
	} {
		all := &blockCounter{rows: map[string]int64{}}
		if _, err := WalkAny(src(), all, Options{}); err != nil {
			t.Fatal(err)
		}
		var first string
		for name, n := range all.rows {
			if n > 0 && first == "" {
				first = name
			}
			if n < 0 {
				t.Errorf("without SkipUnread, %s has %d rows", name, n)
			}
		}
		if len(all.rows) < 2 || first == "" {
			t.Fatalf("%T: the test archive has %d tables, want 2 or more, one with rows", src(), len(all.rows))
		}
		v := &blockCounter{rows: map[string]int64{}, read: map[string]bool{first: true}}
		if _, err := WalkAny(src(), v, Options{SkipUnread: true}); err != nil {
			t.Fatal(err)
		}
		for name, n := range v.rows {
			switch {
			case name == first && n != all.rows[first]:
				t.Errorf("%T: read table %s has %d rows, want %d", src(), name, n, all.rows[first])
			case name != first && n != -1:
				t.Errorf("%T: skipped table %s has %d rows, want -1", src(), name, n)
			}
		}
		if v.seen != all.rows[first] {
			t.Errorf("%T: rows shown %d, want %d", src(), v.seen, all.rows[first])
		}
	}
}

// TestArchiveTables: single tables read alone, in any order, from a
// custom archive in a file, a tar in a file and a directory, have the
// rows a walk shows; an archive written to a pipe (no data offsets) is refused.
func TestArchiveTables(t *testing.T) {
	dir, err := archive.OpenDir("../archive/testdata/dir_gz")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		dir  *archive.Dir
		path string
	}{{nil, "../archive/testdata/demo_z0.dump"}, {nil, "../archive/testdata/t.tar"}, {nil, "../archive/testdata/t1520.tar"}, {dir, ""}} {
		var src io.Reader = DirInput{Dir: c.dir}
		if c.dir == nil {
			f, err := os.Open(c.path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			src = f
		}
		all := &blockCounter{rows: map[string]int64{}}
		if _, err := WalkAny(src, all, Options{}); err != nil {
			t.Fatal(err)
		}
		at, err := OpenArchiveTables(c.dir, c.path, Options{Name: "a"})
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for name := range all.rows {
			names = append(names, name)
		}
		// Backwards, twice: any order, any number of times.
		for range 2 {
			for i := len(names) - 1; i >= 0; i-- {
				v := &blockCounter{rows: map[string]int64{}, read: map[string]bool{names[i]: true}}
				if err := at.Read(all.schema[names[i]], names[i], v); err != nil {
					t.Fatalf("%s: %v", names[i], err)
				}
				if v.rows[names[i]] != all.rows[names[i]] || v.seen != all.rows[names[i]] {
					t.Errorf("%s: %d rows (%d shown), the walk has %d", names[i], v.rows[names[i]], v.seen, all.rows[names[i]])
				}
			}
		}
		if err := at.Read("public", "no_such_table", &blockCounter{}); err == nil {
			t.Error("a table the archive lacks: no error")
		}
		at.Close()
	}
	// Through a pipe, pg_dump (and archive.Copy) records no offsets.
	in, err := os.ReadFile("../archive/testdata/demo_z0.dump")
	if err != nil {
		t.Fatal(err)
	}
	var piped bytes.Buffer
	if err := archive.Copy(&piped, bytes.NewReader(in), archive.CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "piped.dump")
	if err := os.WriteFile(p, piped.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenArchiveTables(nil, p, Options{}); !errors.Is(err, ErrNoRandomAccess) {
		t.Errorf("an archive without offsets: %v, want ErrNoRandomAccess", err)
	}
}
