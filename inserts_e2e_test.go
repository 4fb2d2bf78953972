package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A table of every kind of value pg_dump writes in INSERT statements:
// strings with quotes, backslashes, tabs, newlines and non-ASCII
// characters, negative and special numbers, booleans, bit strings,
// arrays, bytea, jsonb, NULLs and a generated column.
const insertsSchema = `CREATE TABLE users (
    id integer PRIMARY KEY,
    role text NOT NULL,
    deleted_at timestamp with time zone,
    first_name text,
    email character varying(80) UNIQUE,
    note text,
    remark text,
    score numeric(8,2),
    temp double precision,
    active boolean,
    flags bit(4),
    tags text[],
    blob bytea,
    prefs jsonb,
    twice integer GENERATED ALWAYS AS (id * 2) STORED
);
INSERT INTO users (id, role, deleted_at, first_name, email, note, remark, score, temp, active, flags, tags, blob, prefs)
SELECT i,
       CASE WHEN i % 10 = 3 THEN 'admin' ELSE 'user' END,
       CASE WHEN i % 4 = 1 THEN timestamptz '2024-05-01 12:00:00+00' END,
       (ARRAY['Ann', 'O''Brien', 'Zoë', 'back\slash', E'tab\there', E'new\nline'])[i % 6 + 1] || i,
       CASE WHEN i % 17 = 0 THEN NULL ELSE 'person' || i || '@realmail.test' END,
       (ARRAY['it''s', 'a\b\\c', E'x\ty\nz', '日本語', '', 'E''\x41''', '), (1, ''x'');', NULL])[i % 8 + 1],
       'r' || i,
       CASE WHEN i % 3 = 0 THEN -i * 1.25 ELSE i END,
       (ARRAY[1.5e-7, -2, 'NaN', '-Infinity', 3.14159])[i % 5 + 1]::float8,
       i % 2 = 0,
       (i % 16)::bit(4),
       ARRAY['a''b', 'c"d', NULL, 'e\f'],
       convert_to('blob ' || i || E'\\', 'UTF8'),
       jsonb_build_object('email', 'doc' || i || '@realmail.test', 'phone', '+44 20 7946 ' || lpad(i::text, 4, '0'), 'n', i, 'q', 'say "hi" it''s')
FROM generate_series(1, 240) i;
CREATE TABLE sessions (id integer, token text);
INSERT INTO sessions SELECT i, 'secret-token-' || i FROM generate_series(1, 30) i;
CREATE TABLE logs (id integer PRIMARY KEY, msg text);
INSERT INTO logs SELECT i, 'log '' line ' || i FROM generate_series(1, 20) i;
CREATE TABLE orders (id integer PRIMARY KEY, user_email character varying(80), amount numeric(10,2));
INSERT INTO orders SELECT i, 'person' || (i % 240 + 1) || '@realmail.test', (i % 40) - 5 FROM generate_series(1, 400) i;
`

const insertsRulesYAML = `version: 1
tables:
  users:
    where: "id NOT IN (3, 10, 17, 24, 31, 38, 45, 52, 59, 66) AND note IS NOT NULL"
    cascade: false # no foreign key references it; the dumps come on a pipe
    columns:
      id: keep
      role: keep
      deleted_at: keep
      first_name: first_name
      email:
        - {when: "deleted_at IS NOT NULL", transform: set_null}
        - {when: "role = 'admin'", keep: true}
        - {template: "{{.first_name | lower | slug}}.{{hash .id}}@example.com"}
      note:
        - {when: "role = 'admin'", keep: true}
        - {transform: last_name}
      remark: {template: "was {{.note}} / {{.role}}"}
      score: keep
      temp: keep
      active: keep
      flags: keep
      tags: keep
      blob: keep
      prefs:
        paths:
          "$.email": {transform: email, domain: user_email}
          "$.phone": phone
  sessions:
    truncate: true
  logs:
    keep: true
  orders:
    where: "amount > 10"
    cascade: false
    columns:
      id: keep
      amount: keep
      user_email: {transform: email, domain: user_email}
`

// TestE2EInserts: a database dumped with --inserts (standard strings on
// and off) and with --column-inserts --rows-per-insert=50
// --on-conflict-do-nothing, anonymized with where:, truncate:, cases,
// templates and JSON paths, restores with ON_ERROR_STOP, and every table
// holds exactly what the same rules and key make of the COPY dump of the
// same database (compared as COPY … TO STDOUT). Under empty rules the
// INSERT dumps come back byte-identical.
func TestE2EInserts(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath, emptyRules := filepath.Join(dir, "schema.sql"), filepath.Join(dir, "anon.yaml"), filepath.Join(dir, "empty.yaml")
	for f, s := range map[string]string{schema: insertsSchema, rulesPath: insertsRulesYAML, emptyRules: "version: 1\nstrict: false\n"} {
		if err := os.WriteFile(f, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	src := p.loadedDB(t, schema)
	tables := []string{"users", "sessions", "logs", "orders"}
	contents := func(db string) map[string]string {
		out := map[string]string{}
		for _, tb := range tables {
			out[tb] = string(p.run(t, nil, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c",
				"COPY (SELECT * FROM "+tb+" ORDER BY id) TO STDOUT"))
		}
		return out
	}
	copyDump := p.pgDump(t, src)
	copySafe := mustAnonymize(t, e2eKey, rulesPath, copyDump)
	want := contents(p.restore(t, copySafe))
	// Admins keep their email (a case); no other original is left.
	kept := bytes.Count(copySafe, []byte("@realmail.test"))
	if kept == 0 || kept > 30 {
		t.Fatalf("the COPY dump keeps %d original emails", kept)
	}
	if n := strings.Count(want["users"], "\n"); n < 150 || n > 220 {
		t.Fatalf("the COPY dump's users: %d rows after where:", n)
	}
	if want["sessions"] != "" || strings.Count(want["orders"], "\n") == 0 {
		t.Fatalf("truncate: or where: not applied to the COPY dump")
	}

	stdOff := p.command("pg_dump", "--inserts", "-d", src)
	stdOff.Env = append(stdOff.Env, "PGOPTIONS=-c standard_conforming_strings=off")
	var offDump, stderr bytes.Buffer
	stdOff.Stdout, stdOff.Stderr = &offDump, &stderr
	if err := stdOff.Run(); err != nil {
		t.Fatalf("pg_dump with standard_conforming_strings off: %v\n%s", err, stderr.String())
	}
	if !bytes.Contains(offDump.Bytes(), []byte("SET standard_conforming_strings = off;")) || !bytes.Contains(offDump.Bytes(), []byte(`\\`)) {
		t.Fatal("the dump made with standard_conforming_strings off does not say so")
	}
	for _, tc := range []struct {
		name string
		dump []byte
	}{
		{"inserts", p.pgDump(t, src, "--inserts")},
		{"inserts std off", offDump.Bytes()},
		{"column-inserts rows-per-insert 50", p.pgDump(t, src, "--column-inserts", "--rows-per-insert=50", "--on-conflict-do-nothing")},
	} {
		t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
			if !bytes.Contains(tc.dump, []byte("INSERT INTO public.users ")) {
				t.Fatal("not an INSERT dump")
			}
			// Empty rules: byte-identical.
			if r := anondump(t, e2eKey, tc.dump, "-q", "-c", emptyRules); r.code != 0 || !bytes.Equal(r.stdout, tc.dump) {
				t.Errorf("empty rules: exit %d, the output differs from the dump: %v\n%s", r.code, !bytes.Equal(r.stdout, tc.dump), r.stderr)
			}
			safe := mustAnonymize(t, e2eKey, rulesPath, tc.dump)
			if n := bytes.Count(safe, []byte("@realmail.test")); n != kept || bytes.Contains(safe, []byte("secret-token")) {
				t.Errorf("%d original emails in the output, want %d (the admins'), or a session token", n, kept)
			}
			got := contents(p.restore(t, safe))
			for _, tb := range tables {
				if got[tb] != want[tb] {
					t.Errorf("table %s differs from the anonymized COPY dump's:\n%s", tb, firstLineDiff(got[tb], want[tb]))
				}
			}
			// The same run twice gives the same bytes.
			if again := mustAnonymize(t, e2eKey, rulesPath, tc.dump); !bytes.Equal(again, safe) {
				t.Errorf("two runs differ")
			}
		})
	}
}

// firstLineDiff shows the first differing line of two texts (test data
// only: these are anonymized or generated values).
func firstLineDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, x, y)
		}
	}
	return "(same lines)"
}
