package archive

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// These tests run the installed pg_dump and pg_restore against the local
// server (PGHOST, PGPORT, PGUSER; 127.0.0.1:5432 postgres by default).
// Without a server they skip; under CI=true they fail instead.

// pg is the server the tests use.
type pg struct{ host, port, user string }

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func requirePG(t *testing.T) *pg {
	t.Helper()
	unavailable := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if os.Getenv("CI") != "" {
			t.Fatalf("this test needs PostgreSQL and its client programs (CI is set, so this is a failure): %s", msg)
		}
		t.Skipf("skipping: %s (set PGHOST/PGPORT/PGUSER to reach a server)", msg)
	}
	for _, n := range []string{"psql", "pg_dump", "pg_restore", "pg_isready"} {
		if _, err := exec.LookPath(n); err != nil {
			unavailable("%s is not in PATH", n)
		}
	}
	p := &pg{host: envOr("PGHOST", "127.0.0.1"), port: envOr("PGPORT", "5432"), user: envOr("PGUSER", "postgres")}
	if out, err := p.cmd("pg_isready", "-h", p.host, "-p", p.port, "-t", "5").CombinedOutput(); err != nil {
		unavailable("pg_isready -h %s -p %s: %v: %s", p.host, p.port, err, bytes.TrimSpace(out))
	}
	if out, err := p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "SELECT 1").CombinedOutput(); err != nil {
		unavailable("psql cannot connect: %v: %s", err, bytes.TrimSpace(out))
	}
	return p
}

func (p *pg) cmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "PGHOST="+p.host, "PGPORT="+p.port, "PGUSER="+p.user, "PGCONNECT_TIMEOUT=10")
	return c
}

func (p *pg) run(t *testing.T, stdin io.Reader, name string, args ...string) string {
	t.Helper()
	c := p.cmd(name, args...)
	c.Stdin = stdin
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

func (p *pg) sql(t *testing.T, db, q string) string {
	t.Helper()
	return p.run(t, strings.NewReader(q), "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db)
}

var dbSeq atomic.Int64

// newDB creates an empty database, dropped when the test ends.
func (p *pg) newDB(t *testing.T) string {
	t.Helper()
	name := fmt.Sprintf("anondump_archive_%d_%d", os.Getpid(), dbSeq.Add(1))
	p.sql(t, "postgres", "DROP DATABASE IF EXISTS "+name+"; CREATE DATABASE "+name+";")
	t.Cleanup(func() { p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS "+name).Run() })
	return name
}

// fixture fills a database with text, arrays, NULLs, escapes, a few
// thousand rows, comments, ACLs and two large objects (one of 300 kB).
const fixture = `
DO $$ BEGIN CREATE ROLE anondump_archive_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE people (id int PRIMARY KEY, name text, tags text[], note text, born date);
INSERT INTO people VALUES
 (1, 'ada', '{a,"b c",NULL}', E'tab\there\nnew line \\ back', '1815-12-10'),
 (2, 'grace', '{}', NULL, NULL),
 (3, 'zoë ☃', NULL, '\N is not null', '1906-12-09'),
 (4, 'edsger', '{"x\"y"}', E'\\.', '1930-05-11');
INSERT INTO people SELECT g, 'person' || g, ARRAY['t' || g], repeat('note ', g % 50), DATE '2000-01-01' + g
  FROM generate_series(5, 6000) g;
CREATE TABLE orders (id serial PRIMARY KEY, person int REFERENCES people, amount numeric(10,2));
INSERT INTO orders (person, amount) SELECT 1 + g % 6000, g / 7.0 FROM generate_series(1, 20000) g;
CREATE TABLE empty_t (x int);
COMMENT ON TABLE people IS 'the people';
COMMENT ON COLUMN people.name IS 'a name';
GRANT SELECT ON people TO anondump_archive_reader;
SELECT lo_from_bytea(0, '\x00010203deadbeef'::bytea) \gset small_
SELECT lo_from_bytea(0, decode(repeat('0123456789abcdef', 300000/8), 'hex')) \gset big_
COMMENT ON LARGE OBJECT :small_lo_from_bytea IS 'small one';
GRANT SELECT ON LARGE OBJECT :small_lo_from_bytea TO anondump_archive_reader;
`

// contents is what a restored database must hold: every table's rows,
// the large objects with their comments and ACLs, and the comments.
func (p *pg) contents(t *testing.T, db string) string {
	t.Helper()
	return p.sql(t, db, `
COPY (SELECT * FROM people ORDER BY id) TO STDOUT;
COPY (SELECT * FROM orders ORDER BY id) TO STDOUT;
COPY (SELECT * FROM empty_t) TO STDOUT;
SELECT m.oid, md5(lo_get(m.oid)), length(lo_get(m.oid)), m.lomacl, obj_description(m.oid, 'pg_largeobject')
  FROM pg_largeobject_metadata m ORDER BY 1;
SELECT obj_description('people'::regclass, 'pg_class'), col_description('people'::regclass, 2), relacl FROM pg_class WHERE relname = 'people';
SELECT last_value FROM orders_id_seq;
`)
}

func (p *pg) source(t *testing.T) (string, string) {
	t.Helper()
	db := p.newDB(t)
	p.sql(t, db, fixture)
	return db, p.contents(t, db)
}

func (p *pg) dump(t *testing.T, db string, args ...string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "in.dump")
	p.run(t, nil, "pg_dump", append([]string{"-Fc", "-f", f, "-d", db}, args...)...)
	return f
}

// copyFile runs Copy from one file to a new one.
func copyFile(t *testing.T, in string, opt CopyOptions) string {
	t.Helper()
	src, err := os.Open(in)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	out := filepath.Join(t.TempDir(), "out.dump")
	dst, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := Copy(dst, src, opt); err != nil {
		t.Fatalf("Copy: %v", err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestPGCopyRestores: for pg_dump -Fc with default compression, -Z0 and
// -Z9, the copy lists as the original does, restores with
// --exit-on-error and with -j 4 to the same contents.
func TestPGCopyRestores(t *testing.T) {
	p := requirePG(t)
	db, want := p.source(t)
	for _, v := range []struct {
		name    string
		args    []string
		workers int
	}{{"default", nil, 1}, {"default-parallel", nil, 4}, {"Z0", []string{"-Z0"}, 1}, {"Z9", []string{"-Z9"}, 2}} {
		t.Run(v.name, func(t *testing.T) {
			in := p.dump(t, db, v.args...)
			out := copyFile(t, in, CopyOptions{Writer: WriterOptions{Workers: v.workers}})
			if a, b := p.run(t, nil, "pg_restore", "-l", in), p.run(t, nil, "pg_restore", "-l", out); a != b {
				t.Errorf("pg_restore -l differs:\n%s\n---\n%s", a, b)
			}
			// The copy's header and TOC are the input's but for offsets.
			r, err := NewReader(mustOpen(t, out))
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range r.TOC() {
				if e.HadDumper && e.DataState != OffsetSet {
					t.Errorf("entry %d: offset flag %d, want set", e.DumpID, e.DataState)
				}
			}
			r0, _ := NewReader(mustOpen(t, in))
			if r.DataOffset() != r0.DataOffset() {
				t.Errorf("TOC size %d, input's %d", r.DataOffset(), r0.DataOffset())
			}
			seq := p.newDB(t)
			p.run(t, nil, "pg_restore", "--exit-on-error", "-d", seq, out)
			if got := p.contents(t, seq); got != want {
				t.Errorf("restored contents differ:\n%s\n---\n%s", tail(got), tail(want))
			}
			par := p.newDB(t)
			p.run(t, nil, "pg_restore", "--exit-on-error", "-j", "4", "-d", par, out)
			if got := p.contents(t, par); got != want {
				t.Errorf("-j 4 restored contents differ")
			}
		})
	}
}

func mustOpen(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func tail(s string) string {
	if len(s) > 2000 {
		return "…" + s[len(s)-2000:]
	}
	return s
}

// TestPGPipe: pg_dump -Fc | Copy | pg_restore -d, the archive read from
// a pipe and written to one; pg_restore reads it from standard input.
func TestPGPipe(t *testing.T) {
	p := requirePG(t)
	db, want := p.source(t)
	dst := p.newDB(t)
	dump := p.cmd("pg_dump", "-Fc", "-d", db)
	in, err := dump.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var dumpErr, restErr bytes.Buffer
	dump.Stderr = &dumpErr
	rest := p.cmd("pg_restore", "--exit-on-error", "-d", dst)
	out, err := rest.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	rest.Stderr = &restErr
	if err := dump.Start(); err != nil {
		t.Fatal(err)
	}
	if err := rest.Start(); err != nil {
		t.Fatal(err)
	}
	// The output is an *os.File pipe: Seek fails, so no offsets are set.
	f, ok := out.(*os.File)
	if !ok {
		t.Fatalf("StdinPipe is %T", out)
	}
	cerr := Copy(f, in, CopyOptions{Writer: WriterOptions{Workers: 2}})
	f.Close()
	if err := dump.Wait(); err != nil {
		t.Fatalf("pg_dump: %v: %s", err, dumpErr.String())
	}
	if err := rest.Wait(); err != nil {
		t.Fatalf("pg_restore: %v: %s", err, restErr.String())
	}
	if cerr != nil {
		t.Fatal(cerr)
	}
	if got := p.contents(t, dst); got != want {
		t.Errorf("restored contents differ:\n%s\n---\n%s", tail(got), tail(want))
	}

	// A copy written through a pipe (no offsets), saved as a file,
	// restores with -j 4 too, and lists as the original.
	in2 := p.dump(t, db)
	var piped bytes.Buffer
	if err := Copy(&piped, iotestPipe(t, in2), CopyOptions{}); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(t.TempDir(), "piped.dump")
	if err := os.WriteFile(saved, piped.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(piped.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.TOC() {
		if e.HadDumper && e.DataState != OffsetNotSet {
			t.Errorf("piped copy: entry %d has offset flag %d", e.DumpID, e.DataState)
		}
	}
	if a, b := p.run(t, nil, "pg_restore", "-l", in2), p.run(t, nil, "pg_restore", "-l", saved); a != b {
		t.Errorf("pg_restore -l of the piped copy differs")
	}
	par := p.newDB(t)
	p.run(t, nil, "pg_restore", "--exit-on-error", "-j", "4", "-d", par, saved)
	if got := p.contents(t, par); got != want {
		t.Errorf("-j 4 from the piped copy: contents differ")
	}
}

// iotestPipe serves a file through an os.Pipe, so the reader cannot seek.
func iotestPipe(t *testing.T, name string) io.Reader {
	t.Helper()
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		f, err := os.Open(name)
		if err == nil {
			io.Copy(pw, f)
			f.Close()
		}
		pw.Close()
	}()
	t.Cleanup(func() { pr.Close() })
	return pr
}

// upperName uppercases the second field (name) of the people table's
// COPY rows; the fixture's names have no backslashes.
func upperName(e *Entry, dst io.Writer, src io.Reader) error {
	b, err := io.ReadAll(src)
	if err != nil || e.Tag.S != "people" {
		if err == nil {
			_, err = dst.Write(b)
		}
		return err
	}
	lines := strings.SplitAfter(string(b), "\n")
	for i, l := range lines {
		f := strings.SplitN(l, "\t", 3)
		if len(f) == 3 {
			f[1] = strings.ToUpper(f[1])
			lines[i] = strings.Join(f, "\t")
		}
	}
	_, err = io.WriteString(dst, strings.Join(lines, ""))
	return err
}

// TestPGRewrite: a changed TABLE DATA stream restores with the change.
func TestPGRewrite(t *testing.T) {
	p := requirePG(t)
	db, _ := p.source(t)
	in := p.dump(t, db)
	out := copyFile(t, in, CopyOptions{Data: upperName, Writer: WriterOptions{Workers: 2}})
	dst := p.newDB(t)
	p.run(t, nil, "pg_restore", "--exit-on-error", "-j", "4", "-d", dst, out)
	q := "COPY (SELECT id, upper(name), tags, note, born FROM people ORDER BY id) TO STDOUT;"
	want := p.sql(t, db, q)
	got := p.sql(t, dst, "COPY (SELECT * FROM people ORDER BY id) TO STDOUT;")
	if got != want || !strings.Contains(got, "ZOË ☃") {
		t.Errorf("rewritten people:\n%s\nwant\n%s", tail(got), tail(want))
	}
	if a, b := p.sql(t, db, "SELECT count(*), sum(amount) FROM orders"), p.sql(t, dst, "SELECT count(*), sum(amount) FROM orders"); a != b {
		t.Errorf("orders %s, want %s", b, a)
	}
}

// TestPGLargeObjects: LOEmpty restores every object, empty, with its
// comment and ACL; LODrop restores none, and pg_restore has nothing to
// complain of.
func TestPGLargeObjects(t *testing.T) {
	p := requirePG(t)
	db, _ := p.source(t)
	in := p.dump(t, db)
	q := "SELECT count(*), sum(length(lo_get(oid))), count(lomacl), count(obj_description(oid, 'pg_largeobject')) FROM pg_largeobject_metadata"
	if got := p.sql(t, db, q); got != "2|300008|1|1\n" {
		t.Fatalf("fixture large objects: %q", got)
	}
	empty := copyFile(t, in, CopyOptions{LargeObjects: LOEmpty})
	if a, b := p.run(t, nil, "pg_restore", "-l", in), p.run(t, nil, "pg_restore", "-l", empty); a != b {
		t.Errorf("pg_restore -l of the LOEmpty copy differs")
	}
	e := p.newDB(t)
	p.run(t, nil, "pg_restore", "--exit-on-error", "-d", e, empty)
	if got := p.sql(t, e, q); got != "2|0|1|1\n" {
		t.Errorf("LOEmpty restored %q, want 2 objects of 0 bytes with their ACL and comment", got)
	}
	drop := copyFile(t, in, CopyOptions{LargeObjects: LODrop})
	d := p.newDB(t)
	p.run(t, nil, "pg_restore", "--exit-on-error", "-d", d, drop)
	if got := p.sql(t, d, q); got != "0|||0\n" && got != "0||0|0\n" {
		t.Errorf("LODrop restored %q, want no objects", got)
	}
	if got := p.sql(t, d, "SELECT count(*) FROM people"); got != "6000\n" {
		t.Errorf("LODrop: people has %q rows", got)
	}
	if l := p.run(t, nil, "pg_restore", "-l", drop); strings.Contains(l, "BLOB") || strings.Contains(l, "LARGE OBJECT") {
		t.Errorf("LODrop listing still has large objects:\n%s", l)
	}
}
