package rules_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// These tests run the installed pg_dump against the local server
// (PGHOST, PGPORT, PGUSER; 127.0.0.1:5432 postgres by default). Without
// a server they skip; under CI=true they fail instead (the pattern of
// archive/pg_test.go).

type pgServer struct{ host, port, user string }

func pgEnvOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func requirePG(t *testing.T) *pgServer {
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
	p := &pgServer{host: pgEnvOr("PGHOST", "127.0.0.1"), port: pgEnvOr("PGPORT", "5432"), user: pgEnvOr("PGUSER", "postgres")}
	if out, err := p.cmd("pg_isready", "-h", p.host, "-p", p.port, "-t", "5").CombinedOutput(); err != nil {
		unavailable("pg_isready -h %s -p %s: %v: %s", p.host, p.port, err, bytes.TrimSpace(out))
	}
	if out, err := p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "SELECT 1").CombinedOutput(); err != nil {
		unavailable("psql cannot connect: %v: %s", err, bytes.TrimSpace(out))
	}
	return p
}

func (p *pgServer) cmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "PGHOST="+p.host, "PGPORT="+p.port, "PGUSER="+p.user, "PGCONNECT_TIMEOUT=10")
	return c
}

func (p *pgServer) run(t *testing.T, stdin string, name string, args ...string) []byte {
	t.Helper()
	c := p.cmd(name, args...)
	c.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.Bytes()
}

func (p *pgServer) sql(t *testing.T, db, q string) string {
	t.Helper()
	return string(p.run(t, q, "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", db))
}

var pgDBSeq atomic.Int64

// newDB creates an empty database, dropped when the test ends.
func (p *pgServer) newDB(t *testing.T) string {
	t.Helper()
	name := fmt.Sprintf("anondump_rules_%d_%d", os.Getpid(), pgDBSeq.Add(1))
	p.sql(t, "postgres", "DROP DATABASE IF EXISTS "+name+"; CREATE DATABASE "+name+" TEMPLATE template0 ENCODING 'UTF8';")
	t.Cleanup(func() { p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS "+name).Run() })
	return name
}

// kFixture: people, partitioned in two, whose quasi-identifiers (age,
// zip) have values that COPY and INSERT spell differently (a tab, a
// backslash, a quote, NULL, non-ASCII), some of which would be another
// value if read from the wrong spelling (75\003 and byte 3, '\N' and
// NULL); visits, a plain table with a date among its quasi-identifiers.
const kFixture = `
CREATE TABLE people (id int, age int, zip text, name text) PARTITION BY RANGE (id);
CREATE TABLE people_a PARTITION OF people FOR VALUES FROM (0) TO (1500);
CREATE TABLE people_b PARTITION OF people FOR VALUES FROM (1500) TO (MAXVALUE);
INSERT INTO people SELECT i, 20 + (i * 7919) % 9,
  (ARRAY['75001', E'7500\t2', E'75\\003', E'75\003', 'it''s', NULL, E'\\N', 'zürich', '69001', E'line\nbreak'])[1 + (i * 104729) % 10],
  'person ' || i FROM generate_series(1, 3000) i;
CREATE TABLE visits (id int, day date, zip text, note text);
INSERT INTO visits SELECT i, DATE '2020-01-01' + (i * 31) % 90, (ARRAY['a', 'b', E'c\\d', NULL])[1 + i % 4], 'visit ' || i
  FROM generate_series(1, 2000) i;
`

const kRules = `version: 1
k_anonymity:
  people: {columns: [age, zip], k: %[1]d}
  visits: {columns: [day, zip], k: %[1]d}
tables:
  people:
    columns: {id: keep, age: %[2]s, zip: keep, name: full_name}
  visits:
    columns: {id: keep, day: keep, zip: keep, note: {transform: const, value: x}}
`

// TestKAnonymityInsertsPG: pg_dump 15's COPY dump and its --inserts,
// --column-inserts and --rows-per-insert dumps of one database give the
// same k-anonymity results, with 1 and 4 workers, with the
// quasi-identifiers kept and generalized; kept, they are those of a
// GROUP BY on the server.
func TestKAnonymityInsertsPG(t *testing.T) {
	p := requirePG(t)
	db := p.newDB(t)
	p.sql(t, db, kFixture)
	dumps := map[string][]byte{}
	for name, args := range map[string][]string{
		"copy":            nil,
		"inserts":         {"--inserts"},
		"column-inserts":  {"--column-inserts"},
		"rows-per-insert": {"--rows-per-insert=7"},
	} {
		dumps[name] = p.run(t, "", "pg_dump", append([]string{"-d", db}, args...)...)
	}
	if !bytes.Contains(dumps["copy"], []byte("COPY public.people_a ")) || !bytes.Contains(dumps["inserts"], []byte("INSERT INTO public.people_a VALUES")) {
		t.Fatal("the dumps are not of the kinds expected")
	}
	for _, age := range []string{"keep", "{transform: generalize, bucket: 5}"} {
		for _, k := range []int{2, 300} {
			var want []rules.KResult
			for _, name := range []string{"copy", "inserts", "column-inserts", "rows-per-insert"} {
				for _, workers := range []int{1, 4} {
					rs := mustParse(t, fmt.Sprintf(kRules, k, age))
					plan := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
					plan.KReportOnly = true
					if _, err := dumpstream.Rewrite(&bytes.Buffer{}, bytes.NewReader(dumps[name]), plan, dumpstream.Options{Workers: workers}); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
					res, err := plan.KAnonymity()
					if err != nil || len(res) != 2 {
						t.Fatalf("%s: KAnonymity = %+v, %v", name, res, err)
					}
					if want == nil {
						want = res
						continue
					}
					if !reflect.DeepEqual(res, want) {
						t.Errorf("age %s, k=%d, %s with %d workers:\n%+v\nwant (COPY)\n%+v", age, k, name, workers, res, want)
					}
				}
			}
			if age != "keep" {
				continue
			}
			for i, q := range []string{"SELECT count(*) FROM people GROUP BY age, zip", "SELECT count(*) FROM visits GROUP BY day, zip"} {
				var rows, classes, below, belowRows int64
				smallest := int64(1) << 62
				for _, l := range strings.Fields(p.sql(t, db, q)) {
					c, err := strconv.ParseInt(l, 10, 64)
					if err != nil {
						t.Fatal(err)
					}
					rows, classes, smallest = rows+c, classes+1, min(smallest, c)
					if c < int64(k) {
						below, belowRows = below+1, belowRows+c
					}
				}
				r := want[i].Result
				if r.Rows != rows || r.Classes != classes || r.Smallest != smallest || r.ClassesBelowK != below || r.RowsBelowK != belowRows {
					t.Errorf("%s, k=%d: %+v, want rows %d classes %d smallest %d below %d (%d rows)", want[i].Table, k, r, rows, classes, smallest, below, belowRows)
				}
			}
		}
	}
}
