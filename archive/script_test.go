package archive

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// scriptFixture has tables of several types, an empty table, a sequence,
// views, a materialized view, indexes, foreign keys, comments, grants, an
// owner other than the dumping user, a second schema, a quoted mixed-case
// table and large objects with a comment and a grant.
const scriptFixture = `
DO $$ BEGIN CREATE ROLE anondump_script_owner; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN CREATE ROLE "Script Reader"; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE TABLE kinds (id serial PRIMARY KEY, t text, n numeric(12,3), f float8, b bool, d date,
  ts timestamptz, j jsonb, a int[], by bytea, u uuid, iv interval);
INSERT INTO kinds (t, n, f, b, d, ts, j, a, by, u, iv) VALUES
 (E'tab\there\nnew line \\ back', 1.5, 'NaN', true, '2020-02-29', '2021-01-01 10:00+00', '{"k": [1, "x"]}', '{1,NULL,3}', '\x00ff', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day'),
 ('it''s', NULL, -1e300, false, NULL, NULL, 'null', '{}', '', NULL, NULL),
 ('\.', -0.001, 'Infinity', NULL, 'infinity', '-infinity', '[]', NULL, '\x5c', NULL, '-3 hours');
INSERT INTO kinds (t, n) SELECT 'row ' || g, g FROM generate_series(1, 500) g;
CREATE TABLE empty_one (x int);
CREATE SCHEMA "Other Schema";
CREATE TABLE "Other Schema"."Mixed Case" (id int PRIMARY KEY, kind int REFERENCES kinds, "Note" text);
INSERT INTO "Other Schema"."Mixed Case" VALUES (1, 1, 'one'), (2, 3, NULL);
CREATE TABLE "Other Schema".owned (id bigint GENERATED ALWAYS AS IDENTITY, v text);
INSERT INTO "Other Schema".owned (v) VALUES ('x'), ('y');
ALTER TABLE "Other Schema".owned OWNER TO anondump_script_owner;
CREATE SEQUENCE loose_seq START 42;
SELECT nextval('loose_seq');
CREATE INDEX kinds_t ON kinds (t);
CREATE UNIQUE INDEX mixed_note ON "Other Schema"."Mixed Case" ("Note");
CREATE VIEW kinds_view AS SELECT id, t FROM kinds WHERE b;
CREATE MATERIALIZED VIEW kinds_mat AS SELECT count(*) AS c FROM kinds;
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql AS $$ SELECT i + 1 $$;
COMMENT ON TABLE kinds IS 'all the kinds';
COMMENT ON COLUMN kinds.t IS E'multi\nline';
COMMENT ON SCHEMA "Other Schema" IS 'second schema';
GRANT SELECT ON kinds, kinds_view TO "Script Reader";
GRANT USAGE ON SCHEMA "Other Schema" TO "Script Reader";
GRANT SELECT (id) ON "Other Schema"."Mixed Case" TO anondump_script_owner;
CREATE SCHEMA "order";
CREATE TABLE "order"."user" (id int PRIMARY KEY, "select" text);
INSERT INTO "order"."user" VALUES (1, 'kw');
DO $$ BEGIN CREATE ROLE "Anondump Owner"; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
ALTER TABLE "order"."user" OWNER TO "Anondump Owner";
CREATE TABLE parted (id int, region text, v text) PARTITION BY LIST (region);
CREATE TABLE parted_eu PARTITION OF parted FOR VALUES IN ('eu');
CREATE TABLE parted_us PARTITION OF parted FOR VALUES IN ('us');
INSERT INTO parted VALUES (1, 'eu', 'a'), (2, 'us', 'b'), (3, 'eu', 'c');
CREATE FUNCTION script_evt() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER script_evt ON ddl_command_start EXECUTE FUNCTION script_evt();
COMMENT ON EVENT TRIGGER script_evt IS 'an event trigger';
DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), 'the db');
  EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '5MB'); END $$;
SELECT lo_from_bytea(0, '\x00010203deadbeef'::bytea) \gset small_
SELECT lo_from_bytea(0, decode(repeat('0123456789abcdef', 40000/8), 'hex')) \gset big_
SELECT lo_from_bytea(0, decode(repeat('ab', 16384), 'hex')) \gset exact_
SELECT lo_from_bytea(0, ''::bytea) \gset none_
COMMENT ON LARGE OBJECT :small_lo_from_bytea IS 'small one';
GRANT SELECT ON LARGE OBJECT :small_lo_from_bytea TO "Script Reader";
`

// scriptContents is what a database restored from the fixture holds.
const scriptContents = `
COPY (SELECT * FROM kinds ORDER BY id) TO STDOUT;
COPY (SELECT * FROM empty_one) TO STDOUT;
COPY (SELECT * FROM "Other Schema"."Mixed Case" ORDER BY id) TO STDOUT;
COPY (SELECT * FROM "Other Schema".owned ORDER BY id) TO STDOUT;
SELECT last_value, is_called FROM loose_seq;
SELECT last_value FROM kinds_id_seq;
SELECT c FROM kinds_mat;
SELECT count(*), sum(length(lo_get(oid))), string_agg(md5(lo_get(oid)), ',' ORDER BY md5(lo_get(oid))),
  count(lomacl), count(obj_description(oid, 'pg_largeobject')) FROM pg_largeobject_metadata;
SELECT relname, relowner::regrole, relacl FROM pg_class WHERE relname IN ('kinds', 'owned', 'kinds_view', 'Mixed Case') ORDER BY 1;
SELECT obj_description('kinds'::regclass, 'pg_class'), col_description('kinds'::regclass, 2);
SELECT add_one(1);
COPY (SELECT * FROM "order"."user") TO STDOUT;
COPY (SELECT tableoid::regclass, * FROM parted ORDER BY id) TO STDOUT;
SELECT evtname, obj_description(oid, 'pg_event_trigger') FROM pg_event_trigger;
`

var restrictRE = regexp.MustCompile(`(?m)^\\restrict ([A-Za-z0-9]+)$`)

// restoreScript is `pg_restore -f - archive` and the restrict key it chose.
func restoreScript(t *testing.T, p *pg, archive string) (string, string) {
	t.Helper()
	out := p.run(t, nil, "pg_restore", "-f", "-", archive)
	m := restrictRE.FindStringSubmatch(out)
	if m == nil {
		return out, ""
	}
	return out, m[1]
}

// scriptOfCustom prints a custom archive through a ScriptWriter, fed by
// Reader.Next and Block.Read in small writes.
func scriptOfCustom(t *testing.T, name, key string) string {
	t.Helper()
	r, err := NewReader(bufio.NewReader(mustOpen(t, name)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, err := NewScriptWriter(&out, r.Header(), r.TOC(), ScriptOptions{RestrictKey: key})
	if err != nil {
		t.Fatal(err)
	}
	for {
		b, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if b.Type == BlockBlobs {
			o, err := s.WriteObjects(b.Entry.DumpID)
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
				w, err := o.Object(oid)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := io.CopyBuffer(w, b, make([]byte, 1000)); err != nil {
					t.Fatal(err)
				}
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if err := o.Close(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := s.WriteData(b.Entry.DumpID)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.CopyBuffer(w, b, make([]byte, 777)); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// scriptOfFiles prints a directory or tar archive whose files are given
// by name (toc.dat, NNNN.dat, blobs.toc, blob_OID.dat, gzip-compressed
// when the name ends in .gz).
func scriptOfFiles(t *testing.T, file func(name string) ([]byte, bool), key string) string {
	t.Helper()
	get := func(name string) []byte {
		if b, ok := file(name); ok {
			return b
		}
		b, ok := file(name + ".gz")
		if !ok {
			t.Fatalf("archive has no file %s", name)
		}
		z, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		d, err := io.ReadAll(z)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	h, toc, _, err := ReadTOC(bufio.NewReader(bytes.NewReader(get("toc.dat"))))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	s, err := NewScriptWriter(&out, h, toc, ScriptOptions{RestrictKey: key})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range toc {
		if !e.HadDumper {
			continue
		}
		if e.IsBlobs() {
			o, err := s.WriteObjects(e.DumpID)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range strings.Split(strings.TrimSpace(string(get("blobs.toc"))), "\n") {
				f := strings.Fields(l)
				oid, err := strconv.ParseUint(f[0], 10, 32)
				if err != nil {
					t.Fatal(err)
				}
				w, err := o.Object(uint32(oid))
				if err != nil {
					t.Fatal(err)
				}
				w.Write(get(f[1]))
				if err := w.Close(); err != nil {
					t.Fatal(err)
				}
			}
			if err := o.Close(); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := s.WriteData(e.DumpID)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(get(fmt.Sprintf("%d.dat", e.DumpID)))
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func dirFiles(dir string) func(string) ([]byte, bool) {
	return func(name string) ([]byte, bool) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		return b, err == nil
	}
}

func tarFiles(t *testing.T, name string) func(string) ([]byte, bool) {
	t.Helper()
	m := map[string][]byte{}
	tr := tar.NewReader(mustOpen(t, name))
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		m[h.Name] = b
	}
	return func(n string) ([]byte, bool) { b, ok := m[n]; return b, ok }
}

// firstDiff shows where two scripts part.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		if i >= len(g) || i >= len(w) || g[i] != w[i] {
			lo := max(0, i-3)
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1,
				strings.Join(g[lo:min(len(g), i+3)], "\n"), strings.Join(w[lo:min(len(w), i+3)], "\n"))
		}
	}
	return "same lines"
}

// TestPGScript: for each pg_dump 15 format, the ScriptWriter's output is
// pg_restore -f -'s byte for byte, and psql -v ON_ERROR_STOP=1 restores it
// to the source's contents.
func TestPGScript(t *testing.T) {
	p := requirePG(t)
	db := p.newDB(t)
	p.sql(t, db, scriptFixture)
	want := p.sql(t, db, scriptContents)
	dir := t.TempDir()
	for _, v := range []struct {
		name string
		args []string
		feed func(t *testing.T, path, key string) string
	}{
		{"custom-gzip", []string{"-Fc"}, scriptOfCustom},
		{"custom-Z0", []string{"-Fc", "-Z0"}, scriptOfCustom},
		{"custom-inserts", []string{"-Fc", "--inserts"}, scriptOfCustom},
		{"custom-column-inserts", []string{"-Fc", "--column-inserts", "--rows-per-insert=7"}, scriptOfCustom},
		{"custom-data-only", []string{"-Fc", "-a"}, scriptOfCustom},
		{"custom-schema-only", []string{"-Fc", "-s"}, scriptOfCustom},
		{"custom-via-root", []string{"-Fc", "--load-via-partition-root"}, scriptOfCustom},
		{"custom-stdstrings-off", []string{"-Fc", "--inserts"}, func(t *testing.T, path, key string) string {
			return scriptOfCustom(t, path, key)
		}},
		{"directory", []string{"-Fd"}, func(t *testing.T, path, key string) string {
			return scriptOfFiles(t, dirFiles(path), key)
		}},
		{"directory-Z0", []string{"-Fd", "-Z0"}, func(t *testing.T, path, key string) string {
			return scriptOfFiles(t, dirFiles(path), key)
		}},
		{"tar", []string{"-Ft"}, func(t *testing.T, path, key string) string {
			return scriptOfFiles(t, tarFiles(t, path), key)
		}},
	} {
		t.Run(v.name, func(t *testing.T) {
			path := filepath.Join(dir, v.name)
			if strings.Contains(v.name, "stdstrings-off") {
				t.Setenv("PGOPTIONS", "-c standard_conforming_strings=off")
			}
			p.run(t, nil, "pg_dump", append(append([]string{}, v.args...), "-f", path, "-d", db)...)
			ref, key := restoreScript(t, p, path)
			// The fixture reaches the cases it is there for.
			musts := []string{"\\restrict "}
			if !strings.Contains(v.name, "only") {
				musts = append(musts, "-- Data for Name: BLOBS; Type: BLOBS", "Type: EVENT TRIGGER", "Type: MATERIALIZED VIEW DATA", "Type: ACL",
					`ALTER TABLE "order"."user" OWNER TO "Anondump Owner";`, "lowrite(0, ")
			}
			if strings.Contains(v.name, "stdstrings-off") {
				musts = append(musts, "SET standard_conforming_strings = off;", `lowrite(0, '\\x`)
			}
			if strings.Contains(v.name, "via-root") {
				musts = append(musts, "-- load via partition root public.parted")
			}
			for _, m := range musts {
				if !strings.Contains(ref, m) {
					t.Errorf("pg_restore's script has no %q", m)
				}
			}
			got := v.feed(t, path, key)
			t.Logf("key %q, %d bytes, %d lowrite, %d INSERT, %d COPY", key, len(ref), strings.Count(ref, "lowrite("), strings.Count(ref, "INSERT INTO"), strings.Count(ref, "\nCOPY "))
			if got != ref {
				t.Fatalf("script differs from pg_restore -f - (key %q): %s", key, firstDiff(got, ref))
			}
			if strings.Contains(v.name, "only") {
				return
			}
			t.Setenv("PGOPTIONS", "")
			dst := p.newDB(t)
			p.run(t, strings.NewReader(got), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst)
			if have := p.sql(t, dst, scriptContents); have != want {
				t.Errorf("restored contents differ:\n%s\n---\n%s", tail(have), tail(want))
			}
		})
	}
}
