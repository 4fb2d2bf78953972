package main

import (
	"strings"
	"testing"
)

const pathsSchema = `CREATE TABLE users (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE
);
CREATE TABLE profiles (
    id integer PRIMARY KEY REFERENCES users,
    prefs jsonb,
    raw json NOT NULL,
    history jsonb[]
);
INSERT INTO users SELECT i, 'person' || i || '@realmail.test' FROM generate_series(1, 120) i;
INSERT INTO profiles
SELECT i,
       CASE WHEN i % 11 = 0 THEN NULL ELSE jsonb_build_object(
           'email', 'person' || i || '@realmail.test',
           'theme', 'dark', 'score', i * 1.5, 'beta', i % 2 = 0,
           'contacts', jsonb_build_array(jsonb_build_object('phone', '+33 6 12 34 ' || lpad(i::text, 4, '0'), 'label', 'home')),
           'address', jsonb_build_object('city', 'Realcity' || i, 'zip', '750' || lpad(i::text, 2, '0'))) END,
       ('{ "email": "person' || i || '@realmail.test",  "n": 1.50, "note": "x\u0041y" }')::json,
       ARRAY[jsonb_build_object('email', 'person' || i || '@realmail.test', 'at', 1), 'null'::jsonb]
FROM generate_series(1, 120) i;
`

const pathsRulesYAML = `version: 1
tables:
  users:
    columns:
      id: keep
      email: {transform: email, unique: true, domain: user_email}
  profiles:
    columns:
      id: keep
      prefs:
        paths:
          "$.email": {transform: email, domain: user_email}
          "$.contacts[*].phone": phone
          "$.address.city": city
      raw:
        paths:
          "$.email": {transform: email, domain: user_email}
      history:
        paths:
          "$..email": {transform: email, domain: user_email}
`

// TestE2EPaths: emails, phones and cities inside jsonb, json and jsonb[]
// documents change, consistently with users.email (same domain, so a
// join between a document's email and the users table holds); the rest
// of each document is kept (json byte for byte), and the copy restores
// with ON_ERROR_STOP.
func TestE2EPaths(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, pathsSchema, pathsRulesYAML)
	src := p.loadedDB(t, schema)
	safe := mustAnonymize(t, e2eKey, rulesPath, p.pgDump(t, src))
	for _, s := range []string{"realmail", "Realcity", "+33 6 12"} {
		if strings.Contains(string(safe), s) {
			t.Errorf("%q survived", s)
		}
	}
	db := p.restore(t, safe)
	if n := p.count(t, db, "SELECT count(*) FROM profiles"); n != 120 {
		t.Fatalf("%d profiles restored, want 120", n)
	}
	for _, q := range []string{
		// Every document's email is its user's fake email.
		"SELECT count(*) FROM profiles p JOIN users u USING (id) WHERE p.prefs->>'email' = u.email",
		"SELECT count(*) FROM profiles p JOIN users u USING (id) WHERE p.raw->>'email' = u.email",
		"SELECT count(*) FROM profiles p JOIN users u USING (id) WHERE p.history[1]->>'email' = u.email AND p.history[2] = 'null'::jsonb AND p.history[1]->'at' = '1'",
		// The structure and the unnamed leaves held.
		"SELECT count(*) FROM profiles WHERE prefs IS NULL OR (prefs->>'theme' = 'dark' AND (prefs->>'score')::numeric = id * 1.5 AND (prefs->>'beta')::boolean = (id % 2 = 0) AND prefs->'contacts'->0->>'label' = 'home' AND prefs->'address'->>'zip' = '750' || lpad(id::text, 2, '0') AND prefs->'address'->>'city' <> '' AND prefs->'contacts'->0->>'phone' <> '')",
		// json keeps its bytes outside the value.
		"SELECT count(*) FROM profiles p JOIN users u USING (id) WHERE p.raw::text = '{ \"email\": \"' || u.email || '\",  \"n\": 1.50, \"note\": \"x\\u0041y\" }'",
	} {
		want := 120
		if strings.Contains(q, "prefs->>'email'") {
			want = 120 - 120/11
		}
		if n := p.count(t, db, q); n != want {
			t.Errorf("%d rows, want %d: %s", n, want, q)
		}
	}
	if n := p.count(t, db, "SELECT count(*) FROM profiles WHERE prefs IS NULL"); n != 120/11 {
		t.Errorf("%d NULL prefs, want %d", n, 120/11)
	}
	if n := p.count(t, db, "SELECT count(DISTINCT prefs->'address'->>'city') FROM profiles"); n < 5 {
		t.Errorf("only %d distinct fake cities", n)
	}
}
