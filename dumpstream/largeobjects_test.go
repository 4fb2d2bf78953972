package dumpstream

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/anondump/anondump/archive"
)

// testdata/largeobjects.sql is pg_dump 15 of a database with two large
// objects: one with a comment that spans lines and holds a ';', one of
// 40 kB (three lowrite statements) with an ACL.

func rewriteLO(t *testing.T, in []byte, p archive.LOPolicy, has func() error) ([]byte, error) {
	t.Helper()
	var out bytes.Buffer
	_, err := Rewrite(&out, bytes.NewReader(in), &keepAll{}, Options{Name: "lo.sql", LargeObjects: p, HasLargeObjects: has})
	return out.Bytes(), err
}

// withoutLines is in without the lines for which drop is true.
func withoutLines(in []byte, drop func(line string) bool) []byte {
	var b bytes.Buffer
	for _, l := range strings.SplitAfter(string(in), "\n") {
		if !drop(l) {
			b.WriteString(l)
		}
	}
	return b.Bytes()
}

// smallBuffers runs f with the walk's read buffer at its normal size and
// at one that splits every lowrite line into several chunks.
func smallBuffers(t *testing.T, f func(t *testing.T)) {
	for _, size := range []int{readBufSize, 4096} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			old := walkBufSize
			walkBufSize = size
			defer func() { walkBufSize = old }()
			f(t)
		})
	}
}

func readLOFixture(t *testing.T) []byte {
	in, err := os.ReadFile("testdata/largeobjects.sql")
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Count(in, []byte("SELECT pg_catalog.lowrite(")) < 3 {
		t.Fatal("fixture lost its lowrite statements")
	}
	return in
}

func TestLargeObjectsKeep(t *testing.T) {
	in := readLOFixture(t)
	smallBuffers(t, func(t *testing.T) {
		calls := 0
		out, err := rewriteLO(t, in, archive.LOKeep, func() error { calls++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, in) {
			t.Error("keep changed the dump")
		}
		if calls != 1 {
			t.Errorf("HasLargeObjects called %d times, want 1", calls)
		}
	})
}

func TestLargeObjectsEmpty(t *testing.T) {
	in := readLOFixture(t)
	want := withoutLines(in, func(l string) bool { return strings.HasPrefix(l, "SELECT pg_catalog.lowrite(") })
	smallBuffers(t, func(t *testing.T) {
		out, err := rewriteLO(t, in, archive.LOEmpty, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, want) {
			t.Errorf("empty: got\n%s", out)
		}
	})
}

func TestLargeObjectsDrop(t *testing.T) {
	in := readLOFixture(t)
	smallBuffers(t, func(t *testing.T) {
		out, err := rewriteLO(t, in, archive.LODrop, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"LARGE OBJECT", "lo_create", "lo_open", "lowrite", "lo_close", "BLOB", "BEGIN;", "COMMIT;", "quoted", "multi-line"} {
			if bytes.Contains(out, []byte(s)) {
				t.Errorf("drop left %q in the dump", s)
			}
		}
		// What is not about large objects stays, in order.
		want := withoutBlankLines(withoutLO(in))
		if got := withoutBlankLines(out); got != want {
			t.Errorf("drop: got\n%s\nwant\n%s", got, want)
		}
	})
}

// withoutLO removes, by hand, what the fixture says about large objects:
// its TOC comment blocks and the statements that follow them up to the
// next TOC comment.
func withoutLO(in []byte) []byte {
	var b bytes.Buffer
	lines := strings.SplitAfter(string(in), "\n")
	skip := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "--\n" && i+1 < len(lines) && strings.HasPrefix(lines[i+1], "-- ") {
			n := lines[i+1]
			skip = strings.Contains(n, "Type: BLOB") || strings.HasPrefix(n, "-- Name: LARGE OBJECT ")
		}
		if !skip {
			b.WriteString(l)
		}
	}
	return b.Bytes()
}

func withoutBlankLines(b []byte) string {
	return regexp.MustCompile(`\n\n+`).ReplaceAllString(string(b), "\n")
}

// Every fixture (pg_dump and pg_dumpall output of several kinds, many
// with large objects): keep is byte-identical, and HasLargeObjects is
// called once exactly when the dump holds large objects; empty removes
// the lowrite lines and nothing else; drop leaves nothing about large
// objects and the rest in order.
func TestLargeObjectsFixtures(t *testing.T) {
	for _, f := range identityInputs(t) {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		has := bytes.Contains(in, []byte("pg_catalog.lo_"))
		t.Run(f, func(t *testing.T) {
			if _, err := Rewrite(io.Discard, bytes.NewReader(in), &keepAll{}, Options{}); err != nil {
				t.Skipf("the fixture is refused anyway: %v", err) // truncated on purpose
			}
			calls := 0
			count := func() error { calls++; return nil }
			out, err := rewriteLO(t, in, archive.LOKeep, count)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, in) {
				t.Error("keep changed the dump")
			}
			if want := map[bool]int{true: 1}[has]; calls != want {
				t.Errorf("HasLargeObjects called %d times, want %d", calls, want)
			}
			out, err = rewriteLO(t, in, archive.LOEmpty, nil)
			if err != nil {
				t.Fatal(err)
			}
			if want := withoutLines(in, func(l string) bool { return strings.HasPrefix(l, "SELECT pg_catalog.lowrite(") }); !bytes.Equal(out, want) {
				t.Errorf("empty: got\n%s", out)
			}
			out, err = rewriteLO(t, in, archive.LODrop, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !has && !bytes.Equal(out, in) {
				t.Error("drop changed a dump without large objects")
			}
			for _, s := range []string{"LARGE OBJECT", "pg_catalog.lo_", "lowrite", "Type: BLOB"} {
				if bytes.Contains(out, []byte(s)) {
					t.Errorf("drop left %q in the dump", s)
				}
			}
			if got, want := withoutBlankLines(out), withoutBlankLines(withoutLO(in)); got != want {
				t.Errorf("drop: got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// HasLargeObjects' error stops the run before anything of the first
// large object is written.
func TestLargeObjectsHasError(t *testing.T) {
	in := readLOFixture(t)
	stop := errors.New("strict")
	for _, p := range []archive.LOPolicy{archive.LOKeep, archive.LOEmpty, archive.LODrop} {
		out, err := rewriteLO(t, in, p, func() error { return stop })
		if !errors.Is(err, stop) {
			t.Fatalf("policy %d: err %v, want the callback's", p, err)
		}
		if !bytes.Contains(out, []byte("CREATE TABLE public.t")) {
			t.Errorf("policy %d: what precedes the large objects is missing", p)
		}
		if bytes.Contains(out, []byte("BLOB")) || bytes.Contains(out, []byte("lo_create")) {
			t.Errorf("policy %d: part of a large object was written before the error:\n%s", p, out)
		}
		if bytes.HasSuffix(out, []byte("--\n")) {
			t.Errorf("policy %d: the first line of the large object's TOC comment was written", p)
		}
	}
}

const (
	loHeader  = "--\n-- PostgreSQL database dump\n--\n\n"
	loTrailer = "--\n-- PostgreSQL database dump complete\n--\n"
)

// Under empty and drop, a lowrite that is not pg_dump's line is an
// error naming its line, and nothing of it is written.
func TestLargeObjectsFailClosed(t *testing.T) {
	for _, tc := range []struct {
		name, sql string
		line      int
	}{
		{"unqualified", "SELECT lowrite(0, '\\x5345435245540a');\n", 5},
		{"lower case", "BEGIN;\nselect pg_catalog.LOWRITE(0, '\\x5345435245540a');\n", 6},
		{"after a statement", "SELECT pg_catalog.lo_open('1', 131072); SELECT pg_catalog.lowrite(0, '\\x5345435245540a');\n", 5},
		{"before a statement", "SELECT pg_catalog.lowrite(0, '\\x5345435245540a'); SELECT 1;\n", 5},
		{"split", "SELECT\n pg_catalog.lowrite(0, '\\x5345435245540a');\n", 5},
		{"in DO", "DO $$BEGIN PERFORM lowrite(0, '\\x5345435245540a'); END$$;\n", 5},
	} {
		for _, p := range []archive.LOPolicy{archive.LOEmpty, archive.LODrop} {
			t.Run(fmt.Sprintf("%s/%d", tc.name, p), func(t *testing.T) {
				out, err := rewriteLO(t, []byte(loHeader+tc.sql), p, nil)
				var e *Error
				if !errors.As(err, &e) {
					t.Fatalf("err %v, want an *Error", err)
				}
				if e.Line != tc.line {
					t.Errorf("error at line %d, want %d: %v", e.Line, tc.line, err)
				}
				if bytes.Contains(out, []byte("5345435245540a")) {
					t.Errorf("the contents were written: %s", out)
				}
			})
		}
		// keep passes them through.
		in := []byte(loHeader + tc.sql + loTrailer)
		if out, err := rewriteLO(t, in, archive.LOKeep, func() error { return nil }); err != nil || !bytes.Equal(out, in) {
			t.Errorf("%s: keep: %v", tc.name, err)
		}
	}
}

// A function that calls lowrite is a definition, not a write, and a
// COMMENT that mentions it is text: both stay.
func TestLargeObjectsNotWrites(t *testing.T) {
	in := []byte(loHeader + "CREATE FUNCTION public.w(fd int, b bytea) RETURNS int LANGUAGE sql AS $$SELECT lowrite(fd, b)$$;\n\n" +
		"COMMENT ON TABLE public.t IS '\nSELECT pg_catalog.lowrite(0, ''\\x41'');\n';\n" +
		"COPY public.t (a) FROM stdin;\nSELECT pg_catalog.lo_create('1');\n\\.\n" + loTrailer)
	for _, p := range []archive.LOPolicy{archive.LOEmpty, archive.LODrop} {
		out, err := rewriteLO(t, in, p, func() error { return errors.New("no large objects here") })
		if err != nil {
			t.Fatalf("policy %d: %v", p, err)
		}
		if !bytes.Equal(out, in) {
			t.Errorf("policy %d: got\n%s", p, out)
		}
	}
}

// A hand-made dump: a statement over several lines, indented, a
// pre-9.0 lo_open(lo_create()) and no TOC comments.
func TestLargeObjectsHandMade(t *testing.T) {
	in := loHeader + "SELECT pg_catalog.lo_create('7');\n" +
		"COMMENT ON LARGE OBJECT 7 IS 'x;\ny';\n" +
		"SECURITY LABEL FOR dummy ON LARGE OBJECT 7 IS 'z';\n" +
		"REVOKE ALL ON LARGE OBJECT 7 FROM PUBLIC;\n" +
		"CREATE TABLE a (b int);\n" +
		"BEGIN;\n" +
		"SELECT pg_catalog.lo_open(pg_catalog.lo_create('8'), 131072);\n" +
		"  SELECT pg_catalog.lowrite(0, '\\x53454352'\n'45540a');\n" +
		"SELECT pg_catalog.lo_close(0);\n" +
		"COMMIT;\n" + loTrailer
	out, err := rewriteLO(t, []byte(in), archive.LOEmpty, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(in, "  SELECT pg_catalog.lowrite(0, '\\x53454352'\n'45540a');\n", "", 1); string(out) != want {
		t.Errorf("empty: got\n%s", out)
	}
	out, err = rewriteLO(t, []byte(in), archive.LODrop, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := loHeader + "CREATE TABLE a (b int);\nBEGIN;\nCOMMIT;\n" + loTrailer; string(out) != want {
		t.Errorf("drop: got\n%s\nwant\n%s", out, want)
	}
}

// The e2e tests run pg_dump and psql against the local server (PGHOST,
// PGPORT, PGUSER; 127.0.0.1:5432 postgres by default). Without a server
// they skip; under CI=true they fail instead (as in archive/pg_test.go).

type loPG struct{ host, port, user string }

func loEnvOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func requireLOPG(t *testing.T) *loPG {
	t.Helper()
	unavailable := func(format string, args ...any) {
		msg := fmt.Sprintf(format, args...)
		if os.Getenv("CI") != "" {
			t.Fatalf("this test needs PostgreSQL and its client programs (CI is set, so this is a failure): %s", msg)
		}
		t.Skipf("skipping: %s (set PGHOST/PGPORT/PGUSER to reach a server)", msg)
	}
	for _, n := range []string{"psql", "pg_dump", "pg_isready"} {
		if _, err := exec.LookPath(n); err != nil {
			unavailable("%s is not in PATH", n)
		}
	}
	p := &loPG{host: loEnvOr("PGHOST", "127.0.0.1"), port: loEnvOr("PGPORT", "5432"), user: loEnvOr("PGUSER", "postgres")}
	if out, err := p.cmd("pg_isready", "-h", p.host, "-p", p.port, "-t", "5").CombinedOutput(); err != nil {
		unavailable("pg_isready -h %s -p %s: %v: %s", p.host, p.port, err, bytes.TrimSpace(out))
	}
	if out, err := p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "SELECT 1").CombinedOutput(); err != nil {
		unavailable("psql cannot connect: %v: %s", err, bytes.TrimSpace(out))
	}
	return p
}

func (p *loPG) cmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "PGHOST="+p.host, "PGPORT="+p.port, "PGUSER="+p.user, "PGCONNECT_TIMEOUT=10")
	return c
}

func (p *loPG) run(t *testing.T, stdin io.Reader, name string, args ...string) []byte {
	t.Helper()
	c := p.cmd(name, args...)
	c.Stdin = stdin
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

func (p *loPG) sql(t *testing.T, db, q string) string {
	t.Helper()
	return strings.TrimSpace(string(p.run(t, strings.NewReader(q), "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db)))
}

var loDBSeq atomic.Int64

func (p *loPG) newDB(t *testing.T) string {
	t.Helper()
	db := fmt.Sprintf("anondump_lo_%d_%d", os.Getpid(), loDBSeq.Add(1))
	p.sql(t, "postgres", "CREATE DATABASE "+db)
	t.Cleanup(func() { p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS "+db).Run() })
	return db
}

// restrictKey matches the \restrict lines, whose key differs per pg_dump run.
var restrictKey = regexp.MustCompile(`(?m)^\\(un)?restrict \S+$`)

func TestLargeObjectsPG(t *testing.T) {
	p := requireLOPG(t)
	src := p.newDB(t)
	p.sql(t, src, `CREATE TABLE t(id int, doc oid);
CREATE ROLE anondump_lo_reader;
SELECT lo_from_bytea(0, 'hello world'::bytea) AS a \gset
SELECT lo_from_bytea(0, decode(repeat('00ff5c0a27', 300000), 'hex')) AS b \gset
SELECT lo_from_bytea(0, ''::bytea) AS c \gset
INSERT INTO t VALUES (1, :a), (2, :b);
COMMENT ON LARGE OBJECT :a IS 'a ''quoted''
multi-line comment; with semicolon';
GRANT SELECT ON LARGE OBJECT :b TO anondump_lo_reader;
ALTER LARGE OBJECT :c OWNER TO anondump_lo_reader;`)
	t.Cleanup(func() {
		p.cmd("psql", "-X", "-q", "-d", src, "-c", "SELECT lo_unlink(oid) FROM pg_largeobject_metadata").Run()
		p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS "+src, "-c", "DROP ROLE IF EXISTS anondump_lo_reader").Run()
	})
	const summary = `SELECT count(*), coalesce(sum(length(lo_get(oid))), 0), count(obj_description(oid, 'pg_largeobject')), coalesce(string_agg(pg_get_userbyid(lomowner) || ':' || coalesce(lomacl::text, '-'), ',' ORDER BY oid), '') FROM pg_largeobject_metadata`
	orig := p.sql(t, src, summary)
	if !strings.HasPrefix(orig, "3|1500011|1|") {
		t.Fatalf("source summary %q", orig)
	}
	for _, mode := range []string{"copy", "inserts"} {
		args := []string{"-d", src}
		if mode == "inserts" {
			args = append(args, "--inserts")
		}
		dump := p.run(t, nil, "pg_dump", args...)
		if n := bytes.Count(dump, []byte("SELECT pg_catalog.lowrite(")); n < 10 {
			t.Fatalf("%d lowrite statements, want many", n)
		}
		for _, tc := range []struct {
			p    archive.LOPolicy
			want string
		}{
			{archive.LOKeep, orig},
			{archive.LOEmpty, "3|0|1|" + strings.SplitN(orig, "|", 4)[3]},
			{archive.LODrop, "0|0|0|"},
		} {
			t.Run(fmt.Sprintf("%s/%d", mode, tc.p), func(t *testing.T) {
				out, err := rewriteLO(t, dump, tc.p, nil)
				if err != nil {
					t.Fatal(err)
				}
				if tc.p == archive.LOKeep && !bytes.Equal(out, dump) {
					t.Fatal("keep changed the dump")
				}
				db := p.newDB(t)
				p.run(t, bytes.NewReader(out), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db)
				t.Cleanup(func() {
					p.cmd("psql", "-X", "-q", "-d", db, "-c", "SELECT lo_unlink(oid) FROM pg_largeobject_metadata").Run()
				})
				if got := p.sql(t, db, summary); got != tc.want {
					t.Errorf("restored: %q, want %q", got, tc.want)
				}
				if got := p.sql(t, db, "SELECT count(*) FROM t"); got != "2" {
					t.Errorf("table t has %s rows", got)
				}
				if tc.p == archive.LODrop {
					// Drop leaves what pg_dump --no-blobs writes.
					noBlobs := p.run(t, nil, "pg_dump", append(args, "--no-blobs")...)
					got := withoutBlankLines(restrictKey.ReplaceAll(out, nil))
					want := withoutBlankLines(restrictKey.ReplaceAll(noBlobs, nil))
					if got != want {
						t.Errorf("drop differs from pg_dump --no-blobs:\n%s\nwant\n%s", got, want)
					}
				}
			})
		}
	}
}

// pg_dump 17 writes one BLOB METADATA entry for up to 1000 objects, and
// ACL tags like LARGE OBJECTS 1..2; drop removes those blocks too.
func TestLargeObjectsDrop17(t *testing.T) {
	in := loHeader +
		"--\n-- Name: BLOB METADATA; Type: BLOB METADATA; Schema: -; Owner: postgres\n--\n\n" +
		"SELECT pg_catalog.lo_create('1');\nSELECT pg_catalog.lo_create('2');\n" +
		"ALTER LARGE OBJECT 1 OWNER TO postgres;\nALTER LARGE OBJECT 2 OWNER TO postgres;\n\n" +
		"--\n-- TOC entry 9 (class 2613 OID 1)\n-- Dependencies: 8\n-- Name: LARGE OBJECTS 1..2; Type: ACL; Schema: -; Owner: postgres\n--\n\n" +
		"GRANT SELECT ON LARGE OBJECT 1 TO PUBLIC;\nGRANT SELECT ON LARGE OBJECT 2 TO PUBLIC;\n\n\n" +
		"--\n-- Name: t; Type: TABLE; Schema: public; Owner: postgres\n--\n\nCREATE TABLE public.t (a int);\n\n" +
		loTrailer
	out, err := rewriteLO(t, []byte(in), archive.LODrop, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := loHeader + "--\n-- Name: t; Type: TABLE; Schema: public; Owner: postgres\n--\n\nCREATE TABLE public.t (a int);\n\n" + loTrailer
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}
