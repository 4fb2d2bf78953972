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
DO $$ BEGIN CREATE EXTENSION citext; EXCEPTION WHEN OTHERS THEN NULL; END $$;
COMMENT ON SCHEMA public IS 'the public one';
ALTER SCHEMA public OWNER TO "Anondump Owner";
GRANT CREATE ON SCHEMA public TO "Script Reader";
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN posint AS int CHECK (VALUE > 0);
CREATE TABLE typed (m mood, p posint, "Upper" text);
INSERT INTO typed VALUES ('ok', 3, 'U');
CREATE AGGREGATE my_sum(int) (SFUNC = int4pl, STYPE = int);
CREATE FUNCTION eq_ci(text, text) RETURNS bool LANGUAGE sql IMMUTABLE AS $$ SELECT lower($1) = lower($2) $$;
CREATE OPERATOR === (LEFTARG = text, RIGHTARG = text, FUNCTION = eq_ci);
CREATE PROCEDURE noop() LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER typed_touch BEFORE INSERT ON typed FOR EACH ROW EXECUTE FUNCTION touch();
CREATE RULE typed_rule AS ON DELETE TO typed DO INSTEAD NOTHING;
ALTER TABLE typed ENABLE ROW LEVEL SECURITY;
CREATE POLICY typed_pol ON typed USING (true);
CREATE STATISTICS kinds_st ON t, n FROM kinds;
CREATE PUBLICATION script_pub FOR TABLE kinds;
CREATE TEXT SEARCH CONFIGURATION my_ts (COPY = english);
CREATE COLLATION my_coll FROM "C";
CREATE FOREIGN DATA WRAPPER script_fdw;
CREATE SERVER script_srv FOREIGN DATA WRAPPER script_fdw;
CREATE USER MAPPING FOR postgres SERVER script_srv;
ALTER DEFAULT PRIVILEGES IN SCHEMA "Other Schema" GRANT SELECT ON TABLES TO "Script Reader";
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
COPY typed TO STDOUT;
SELECT my_sum(x) FROM generate_series(1, 4) x;
SELECT 'A' === 'a';
SELECT count(*) FROM pg_policy WHERE polname = 'typed_pol';
SELECT pubname FROM pg_publication;
SELECT srvname FROM pg_foreign_server;
SELECT defaclacl FROM pg_default_acl;
SELECT nspowner::regrole, nspacl, obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'public';
SELECT extname FROM pg_extension ORDER BY 1;
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

// TestScriptGolden: the scripts of the sample archives are those
// pg_restore 15.20 printed for them (testdata/script/*.sql, made with
// `pg_restore --restrict-key=GoldenKey15 -f NAME.sql NAME.dump`).
// testdata/script/tablespace.dump is a pg_dump 15 archive of a table in
// a tablespace (anondump_ts_probe), with an index and a table in the
// default one after it.
func TestScriptGolden(t *testing.T) {
	for _, n := range []string{"demo_z0", "lvpr", "tiny_gz", "tiny_z0_pipe", "script/tablespace"} {
		t.Run(n, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("testdata", "script", filepath.Base(n)+".sql"))
			if err != nil {
				t.Fatal(err)
			}
			got := scriptOfCustom(t, filepath.Join("testdata", n+".dump"), "GoldenKey15")
			if n == "script/tablespace" && !strings.Contains(got, "; Tablespace: anondump_ts_probe\n") {
				t.Error("the tablespace sample has no tablespace")
			}
			if got != string(want) {
				t.Errorf("%s", firstDiff(got, string(want)))
			}
		})
	}
}

// handTOC is a small TOC as pg_dump 15 writes it, for the version tests.
func handTOC(minor int) (*Header, []*Entry) {
	h := &Header{Version: 1<<16 | minor<<8, IntSize: 4, OffSize: 8, Format: FormatCustom,
		DBName: S("db"), ServerVersion: S("15.20"), DumpVersion: S("15.20")}
	n := Null
	toc := []*Entry{
		{DumpID: 1, Desc: S("ENCODING"), Tag: S("ENCODING"), Section: 1, Defn: S("SET client_encoding = 'LATIN1';\n"), Owner: S("")},
		{DumpID: 2, Desc: S("STDSTRINGS"), Tag: S("STDSTRINGS"), Section: 1, Defn: S("SET standard_conforming_strings = 'on';\n"), Owner: S("")},
		{DumpID: 10, Desc: S("TABLE"), Tag: S("t"), Namespace: S("s"), Owner: S("user"), Section: 2, Tablespace: S(""), TableAM: S("heap"),
			Defn: S("CREATE TABLE s.t (\n    a integer\n);\n"), DropStmt: S("DROP TABLE s.t;\n")},
		{DumpID: 11, Desc: S("ACL"), Tag: S("TABLE t"), Namespace: S("s"), Owner: S("user"), Section: 4, Defn: S("GRANT ALL ON TABLE s.t TO x;\n"), TableAM: n},
		{DumpID: 12, Desc: S("TABLE DATA"), Tag: S("t"), Namespace: S("s"), Owner: S("user"), Section: 3, HadDumper: true,
			CopyStmt: S("COPY s.t (a) FROM stdin;\n"), TableAM: n},
		{DumpID: 13, Desc: S("BLOBS"), Tag: S("BLOBS"), Namespace: n, Section: 3, HadDumper: true, Owner: S(""), TableAM: n},
		{DumpID: 14, Desc: S("INDEX"), Tag: S("t_a"), Namespace: S("s"), Owner: S("user"), Section: 4, Tablespace: S(""), TableAM: n,
			Defn: S("CREATE INDEX t_a ON s.t USING btree (a);\n"), DropStmt: S("DROP INDEX s.t_a;\n")},
	}
	return h, toc
}

func writeHand(t *testing.T, h *Header, toc []*Entry) string {
	t.Helper()
	var out bytes.Buffer
	s, err := NewScriptWriter(&out, h, toc, ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.WriteData(12)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "1\n\\.\n\n\n")
	w.Close()
	o, err := s.WriteObjects(13)
	if err != nil {
		t.Fatal(err)
	}
	ow, _ := o.Object(77)
	ow.Write([]byte{0, 0xff})
	ow.Close()
	o.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// TestScriptVersions: what the archive version changes in the script, as
// read in pg_backup_archiver.c (not comparable here: the local pg_restore
// 15 reads 1.12 to 1.14 only, and no 1.12 or 1.13 archive is at hand).
func TestScriptVersions(t *testing.T) {
	h, toc := handTOC(14)
	got := writeHand(t, h, toc)
	want := `--
-- PostgreSQL database dump
--

-- Dumped from database version 15.20
-- Dumped by pg_dump version 15.20

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'LATIN1';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET search_path = s, pg_catalog;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: t; Type: TABLE; Schema: s; Owner: user
--

CREATE TABLE s.t (
    a integer
);


ALTER TABLE s.t OWNER TO "user";

--
-- Data for Name: t; Type: TABLE DATA; Schema: s; Owner: user
--

COPY s.t (a) FROM stdin;
1
\.


--
-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: 
--

SET search_path = pg_catalog;

BEGIN;

SELECT pg_catalog.lo_open('77', 131072);
SELECT pg_catalog.lowrite(0, '\x00ff');
SELECT pg_catalog.lo_close(0);

COMMIT;

SET search_path = s, pg_catalog;

--
-- Name: t_a; Type: INDEX; Schema: s; Owner: user
--

CREATE INDEX t_a ON s.t USING btree (a);


--
-- Name: TABLE t; Type: ACL; Schema: s; Owner: user
--

GRANT ALL ON TABLE s.t TO x;


--
-- PostgreSQL database dump complete
--

`
	// Without a SEARCHPATH entry (1.12, pg_dump 9.x/10) each entry sets
	// search_path to its schema, as above.
	if got != want {
		t.Errorf("1.14 without SEARCHPATH: %s", firstDiff(got, want))
	}

	// With one, the path is set once in the header and never again.
	h, toc = handTOC(13)
	toc = append(toc[:2:2], append([]*Entry{{DumpID: 3, Desc: S("SEARCHPATH"), Tag: S("SEARCHPATH"), Section: 1,
		Defn: S("SELECT pg_catalog.set_config('search_path', '', false);\n"), Owner: S("")}}, toc[2:]...)...)
	for _, e := range toc {
		e.TableAM = Str{} // as ReadTOC leaves it before 1.14
	}
	got = writeHand(t, h, toc)
	if strings.Contains(got, "SET search_path") || strings.Contains(got, "default_table_access_method") || !strings.Contains(got, "SET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\nSET check_function_bodies") {
		t.Errorf("1.13 with SEARCHPATH:\n%s", got)
	}

	// 1.16 (pg_dump 17, 18): BLOB METADATA has one command per OID, and
	// pg_restore 17+ prints transaction_timeout.
	h, toc = handTOC(16)
	toc = append(toc, &Entry{DumpID: 20, Desc: S("BLOB METADATA"), Tag: S("16593..16594"), Namespace: Null, Section: 3, Owner: S("Lo Owner"),
		Defn: S("16593\n16594\n"), DropStmt: S("-- dummy"), TableAM: Null})
	got = writeHand(t, h, toc)
	for _, w := range []string{
		"SET idle_in_transaction_session_timeout = 0;\nSET transaction_timeout = 0;\n",
		"--\n-- Name: 16593..16594; Type: BLOB METADATA; Schema: -; Owner: Lo Owner\n--\n\n" +
			"SELECT pg_catalog.lo_create('16593');\nSELECT pg_catalog.lo_create('16594');\n\n" +
			"ALTER LARGE OBJECT 16593 OWNER TO \"Lo Owner\";\nALTER LARGE OBJECT 16594 OWNER TO \"Lo Owner\";\n\n",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("1.16 script has no %q:\n%s", w, got)
		}
	}
	h, toc = handTOC(16)
	toc = append(toc, &Entry{DumpID: 21, Desc: S("ACL"), Tag: S("LARGE OBJECTS 1..2"), Section: 3, Owner: S("x"), Defn: S("GRANT …;\n")})
	if _, err := NewScriptWriter(io.Discard, h, toc, ScriptOptions{}); err == nil {
		t.Error("1.16 ACL of LARGE OBJECTS: no error")
	}
	h.Version = 1<<16 | 17<<8
	if _, err := NewScriptWriter(io.Discard, h, toc[:3], ScriptOptions{}); err == nil {
		t.Error("1.17: no error")
	}
}

// TestScriptLargeObjectChunks: an object is printed as one lowrite per
// 16 kB and one for the rest, whatever the sizes of the writes.
func TestScriptLargeObjectChunks(t *testing.T) {
	for _, size := range []int{0, 1, lobBufSize - 1, lobBufSize, lobBufSize + 1, 3*lobBufSize + 5} {
		data := bytes.Repeat([]byte{0x5c, 0xa7, 0x00}, size/3+1)[:size]
		var outs []string
		for _, step := range []int{1, 1000, lobBufSize, size + 1} {
			h, toc := handTOC(14)
			var out bytes.Buffer
			s, err := NewScriptWriter(&out, h, toc, ScriptOptions{})
			if err != nil {
				t.Fatal(err)
			}
			w, _ := s.WriteData(12)
			w.Close()
			o, err := s.WriteObjects(13)
			if err != nil {
				t.Fatal(err)
			}
			ow, err := o.Object(5)
			if err != nil {
				t.Fatal(err)
			}
			for p := data; len(p) > 0; {
				k := min(step, len(p))
				if n, err := ow.Write(p[:k]); n != k || err != nil {
					t.Fatal(n, err)
				}
				p = p[k:]
			}
			ow.Close()
			o.Close()
			s.Close()
			outs = append(outs, out.String())
		}
		for _, o := range outs[1:] {
			if o != outs[0] {
				t.Fatalf("size %d: output depends on the write sizes", size)
			}
		}
		var lens []int
		var back []byte
		for _, m := range regexp.MustCompile(`lowrite\(0, '\\x([0-9a-f]*)'\);`).FindAllStringSubmatch(outs[0], -1) {
			lens = append(lens, len(m[1])/2)
			for i := 0; i < len(m[1]); i += 2 {
				v, _ := strconv.ParseUint(m[1][i:i+2], 16, 8)
				back = append(back, byte(v))
			}
		}
		var want []int
		for r := size; r > 0; r -= lobBufSize {
			want = append(want, min(r, lobBufSize))
		}
		if fmt.Sprint(lens) != fmt.Sprint(want) || !bytes.Equal(back, data) {
			t.Errorf("size %d: lowrite sizes %v, want %v (contents equal: %v)", size, lens, want, bytes.Equal(back, data))
		}
	}
}

// TestScriptMisuse: streams out of TOC order, unknown or wrong entries,
// and a missing data stream are errors, not a wrong script.
func TestScriptMisuse(t *testing.T) {
	h, toc := handTOC(14)
	s, _ := NewScriptWriter(io.Discard, h, toc, ScriptOptions{})
	if _, err := s.WriteData(99); err == nil {
		t.Error("unknown dump ID: no error")
	}
	if _, err := s.WriteData(10); err == nil {
		t.Error("a TABLE entry: no error")
	}
	if _, err := s.WriteData(13); err == nil {
		t.Error("WriteData of BLOBS: no error")
	}
	if _, err := s.WriteObjects(12); err == nil {
		t.Error("WriteObjects of TABLE DATA: no error")
	}
	if _, err := s.WriteObjects(13); err == nil {
		t.Error("BLOBS before the TABLE DATA entry before it: no error")
	}

	s, _ = NewScriptWriter(io.Discard, h, toc, ScriptOptions{})
	w, err := s.WriteData(12)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteObjects(13); err == nil {
		t.Error("a second stream while one is open: no error")
	}
	w.Close()
	o, err := s.WriteObjects(13)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.WriteData(12); err == nil {
		t.Error("a second stream while one is open: no error")
	}
	o.Close()
	if _, err := s.WriteData(12); err == nil {
		t.Error("an entry before the last one written: no error")
	}

	s, _ = NewScriptWriter(io.Discard, h, toc, ScriptOptions{})
	if err := s.Close(); err == nil {
		t.Error("Close without the data: no error")
	}
	if _, err := NewScriptWriter(io.Discard, h, toc, ScriptOptions{RestrictKey: "a b"}); err == nil {
		t.Error("restrict key with a space: no error")
	}
}

func TestFmtID(t *testing.T) {
	for in, want := range map[string]string{
		"t": "t", "_a1": "_a1", "name": "name", "user": `"user"`, "select": `"select"`,
		"Mixed": `"Mixed"`, "a b": `"a b"`, `we"ird`: `"we""ird"`, "1a": `"1a"`, "": `""`, "ü": `"ü"`,
	} {
		if got := fmtID(in); got != want {
			t.Errorf("fmtID(%q) = %s, want %s", in, got, want)
		}
	}
}

// TestPGScriptEncoding: a LATIN1 database's script says so, matches
// pg_restore's, and restores its text into a UTF8 database unchanged.
func TestPGScriptEncoding(t *testing.T) {
	p := requirePG(t)
	t.Setenv("PGCLIENTENCODING", "UTF8")
	db := fmt.Sprintf("anondump_script_latin1_%d", os.Getpid())
	p.sql(t, "postgres", "DROP DATABASE IF EXISTS "+db+"; CREATE DATABASE "+db+" ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;")
	t.Cleanup(func() { p.cmd("psql", "-X", "-q", "-d", "postgres", "-c", "DROP DATABASE IF EXISTS "+db).Run() })
	p.sql(t, db, "CREATE TABLE \"Grüße\" (t text); INSERT INTO \"Grüße\" VALUES ('zoë'), ('ÿ£');")
	path := filepath.Join(t.TempDir(), "latin1.dump")
	os.Unsetenv("PGCLIENTENCODING") // pg_dump writes in the database's encoding
	p.run(t, nil, "pg_dump", "-Fc", "-f", path, "-d", db)
	t.Setenv("PGCLIENTENCODING", "UTF8")
	ref, key := restoreScript(t, p, path)
	got := scriptOfCustom(t, path, key)
	if got != ref {
		t.Fatalf("script differs from pg_restore -f -: %s", firstDiff(got, ref))
	}
	if !strings.Contains(got, "SET client_encoding = 'LATIN1';\n") || !strings.Contains(got, "zo\xeb\n") {
		t.Errorf("script is not in LATIN1:\n%s", got)
	}
	dst := p.newDB(t)
	p.run(t, strings.NewReader(got), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", dst)
	q := `SELECT string_agg(t, ',' ORDER BY t) FROM "Grüße"`
	if a, b := p.sql(t, db, q), p.sql(t, dst, q); a != b || a != "zoë,ÿ£\n" {
		t.Errorf("restored %q, source %q", b, a)
	}
}

// scriptCounter counts what reaches it.
type scriptCounter struct{ n int }

func (c *scriptCounter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// TestScriptStreams: a large data stream or object reaches dst as it is
// written, not at Close: the writer holds a buffer, not the entry.
func TestScriptStreams(t *testing.T) {
	h, toc := handTOC(14)
	var dst scriptCounter
	s, err := NewScriptWriter(&dst, h, toc, ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	w, _ := s.WriteData(12)
	row := []byte(strings.Repeat("x", 99) + "\n")
	for i := 0; i < 20000; i++ {
		w.Write(row)
	}
	if dst.n < 2000000-(64<<10) {
		t.Errorf("after 2 MB of rows, %d bytes reached dst", dst.n)
	}
	w.Close()
	o, _ := s.WriteObjects(13)
	ow, _ := o.Object(1)
	before := dst.n
	for i := 0; i < 100; i++ {
		ow.Write(make([]byte, 10000))
	}
	if dst.n-before < 2000000-(100<<10) {
		t.Errorf("after a 1 MB object (2 MB of hex), %d bytes reached dst", dst.n-before)
	}
	ow.Close()
	o.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
