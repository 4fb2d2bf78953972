package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const casesSchema = `CREATE TABLE users (
    id integer PRIMARY KEY,
    role text NOT NULL,
    deleted_at timestamp with time zone,
    first_name text,
    email character varying(80) UNIQUE
);
INSERT INTO users
SELECT i, CASE WHEN i % 10 = 3 THEN 'admin' ELSE 'user' END,
       CASE WHEN i % 4 = 1 THEN timestamptz '2024-05-01 12:00:00+00' END,
       'Realname' || i,
       CASE WHEN i % 17 = 0 THEN NULL ELSE 'person' || i || '@realmail.test' END
FROM generate_series(1, 200) i;
`

const casesRulesYAML = `version: 1
tables:
  users:
    columns:
      id: keep
      role: keep
      deleted_at: keep
      first_name: first_name
      email:
        - {when: "deleted_at IS NOT NULL", transform: set_null}
        - {when: "role = 'admin'", keep: true}
        - {transform: email, unique: true, domain: user_email}
`

// TestE2ECases: soft-deleted users lose their email (even an admin, as
// the first case wins), the other admins keep theirs, everyone else gets a
// unique fake; the copy restores with ON_ERROR_STOP and check lists the
// kept case.
func TestE2ECases(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath, orig := filepath.Join(dir, "schema.sql"), filepath.Join(dir, "anon.yaml"), filepath.Join(dir, "orig.sql")
	for f, s := range map[string]string{schema: casesSchema, rulesPath: casesRulesYAML} {
		if err := os.WriteFile(f, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	src := p.loadedDB(t, schema)
	dump := p.pgDump(t, src)
	if err := os.WriteFile(orig, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	safe := mustAnonymize(t, e2eKey, rulesPath, dump)
	db := p.restore(t, safe)

	if n := p.count(t, db, "SELECT count(*) FROM users"); n != 200 {
		t.Fatalf("%d rows restored, want 200", n)
	}
	if n := p.count(t, db, "SELECT count(*) FROM users WHERE deleted_at IS NOT NULL AND email IS NOT NULL"); n != 0 {
		t.Errorf("%d soft-deleted users keep an email", n)
	}
	if n := p.count(t, db, "SELECT count(*) FROM users WHERE deleted_at IS NOT NULL"); n != 50 {
		t.Errorf("%d soft-deleted users, want 50", n)
	}
	// The admins not deleted keep their original email.
	want := p.count(t, src, "SELECT count(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL AND email IS NOT NULL")
	kept := p.count(t, db, "SELECT count(*) FROM users WHERE role = 'admin' AND deleted_at IS NULL AND email = 'person' || id || '@realmail.test'")
	if want == 0 || kept != want {
		t.Errorf("%d admins keep their email, want %d", kept, want)
	}
	if n := p.count(t, db, "SELECT count(*) FROM users WHERE role = 'user' AND deleted_at IS NULL AND (email LIKE '%realmail%' OR first_name LIKE 'Realname%')"); n != 0 {
		t.Errorf("%d active users keep an original email or name", n)
	}
	fakes := p.count(t, db, "SELECT count(*) FROM users WHERE role = 'user' AND deleted_at IS NULL AND email IS NOT NULL")
	if d := p.count(t, db, "SELECT count(DISTINCT email) FROM users WHERE role = 'user' AND deleted_at IS NULL"); fakes == 0 || d != fakes {
		t.Errorf("%d distinct fake emails for %d users", d, fakes)
	}
	if n := p.count(t, db, "SELECT count(*) FROM users WHERE email IS NULL AND deleted_at IS NULL"); n != p.count(t, src, "SELECT count(*) FROM users WHERE email IS NULL AND deleted_at IS NULL") {
		t.Errorf("NULL emails of active users changed: %d", n)
	}

	r := anondump(t, e2eKey, nil, "check", "-c", rulesPath, orig)
	if r.code != 0 || !strings.Contains(string(r.stdout)+string(r.stderr), "email is kept (not rewritten) when role = 'admin'") {
		t.Errorf("check: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

const templateSchema = `CREATE TABLE users (
    id integer PRIMARY KEY,
    deleted_at date,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email character varying(120) NOT NULL UNIQUE
);
INSERT INTO users
SELECT i, CASE WHEN i % 5 = 0 THEN date '2024-05-01' END, 'Realfirst' || i, 'Reallast' || i, 'person' || i || '@realmail.test'
FROM generate_series(1, 300) i;
`

const templateRulesYAML = `version: 1
tables:
  users:
    columns:
      id: keep
      deleted_at: keep
      first_name: first_name
      last_name: last_name
      email:
        - {when: "deleted_at IS NOT NULL", template: "erased-{{.id}}@example.invalid"}
        - {template: "{{.first_name | lower}}.{{.last_name | lower}}.{{hash .id}}@example.com"}
`

// TestE2ETemplates: the email template matches the fake names of its row,
// soft-deleted users get an erased address, the UNIQUE constraint holds
// (the keyed hash) and the copy restores with ON_ERROR_STOP.
func TestE2ETemplates(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, templateSchema, templateRulesYAML)
	dump := p.pgDump(t, p.loadedDB(t, schema))
	safe := mustAnonymize(t, e2eKey, rulesPath, dump)
	if strings.Contains(string(safe), "realmail") || strings.Contains(string(safe), "Realfirst") {
		t.Fatal("an original value survived")
	}
	db := p.restore(t, safe)
	if n := p.count(t, db, "SELECT count(*) FROM users"); n != 300 {
		t.Fatalf("%d rows restored, want 300", n)
	}
	if n := p.count(t, db, "SELECT count(*) FROM users WHERE deleted_at IS NOT NULL AND email <> 'erased-' || id || '@example.invalid'"); n != 0 {
		t.Errorf("%d soft-deleted users without the erased address", n)
	}
	const prefix = "lower(first_name) || '.' || lower(last_name) || '.'"
	if n := p.count(t, db, "SELECT count(*) FROM users WHERE deleted_at IS NULL AND NOT (left(email, length("+prefix+")) = "+prefix+
		" AND substr(email, length("+prefix+") + 1) ~ '^[0-9a-f]{12}@example\\.com$')"); n != 0 {
		t.Errorf("%d active users whose email does not match their fake name", n)
	}
	if n := p.count(t, db, "SELECT count(DISTINCT first_name || ' ' || last_name) FROM users"); n < 50 {
		t.Errorf("only %d distinct fake names", n)
	}
}
