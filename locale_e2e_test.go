package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const localeSchema = `CREATE TABLE people (
    id integer PRIMARY KEY,
    country char(2) NOT NULL,
    name varchar(40) NOT NULL,
    street text,
    city text,
    postcode varchar(8),
    phone varchar(20)
);
CREATE TABLE kunden (
    id integer PRIMARY KEY,
    person_id integer REFERENCES people,
    name text,
    plz integer,
    telefon text
);
INSERT INTO people
SELECT i, (ARRAY['FR','DE','GB','NL','ES','IT'])[1 + i % 6], 'Original Name ' || i, i || ' Original Street',
       'Origtown' || i, 'ZZ' || i, '+00 ' || i
FROM generate_series(1, 600) i;
INSERT INTO kunden SELECT i, i, 'Kunde ' || i, 10000 + i, '+49 ' || i FROM generate_series(1, 300) i;
`

const localeRulesYAML = `version: 1
locale: en_GB
tables:
  people:
    columns:
      id: keep
      country: keep
      name:
        - {when: "country = 'FR'", transform: full_name, locale: fr_FR}
        - {when: "country = 'DE'", transform: full_name, locale: de_DE}
        - {when: "country = 'NL'", transform: full_name, locale: nl_NL}
        - {when: "country = 'ES'", transform: full_name, locale: es_ES}
        - {when: "country = 'IT'", transform: full_name, locale: it_IT}
        - full_name
      street: street_address
      city: city
      postcode: postcode
      phone:
        - {when: "country = 'FR'", transform: phone, locale: fr_FR}
        - phone
  kunden:
    locale: de_DE
    columns:
      id: keep
      person_id: keep
      name: full_name
      plz: postcode
      telefon: phone
`

// TestE2ELocales: names chosen by the row's country, British addresses
// and drama-range phones, and a German table with integer postcodes,
// restored with ON_ERROR_STOP into UTF-8 and into a LATIN1 database.
func TestE2ELocales(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, localeSchema, localeRulesYAML)
	src := p.loadedDB(t, schema)
	safe := mustAnonymize(t, e2eKey, rulesPath, p.pgDump(t, src))
	db := p.restore(t, safe)
	if n := p.count(t, db, "SELECT (SELECT count(*) FROM people) + (SELECT count(*) FROM kunden)"); n != 900 {
		t.Fatalf("%d rows restored, want 900", n)
	}
	for _, q := range []struct{ what, query string }{
		{"original values", `SELECT count(*) FROM people WHERE name LIKE 'Original%' OR street LIKE '%Original%' OR city LIKE 'Origtown%' OR postcode LIKE 'ZZ%' OR phone LIKE '+00%'`},
		{"British phones outside Ofcom's drama ranges", `SELECT count(*) FROM people WHERE country <> 'FR' AND phone !~ '^(01632 960[0-9]{3}|020 7946 0[0-9]{3}|01(1[3-8]|21|31|41|51|61) 496 0[0-9]{3}|0191 498 0[0-9]{3}|028 9649 6[0-9]{3}|029 2018 0[0-9]{3}|07700 900[0-9]{3})$'`},
		{"French phones outside ARCEP's fiction ranges", `SELECT count(*) FROM people WHERE country = 'FR' AND phone !~ '^0(1 99 00|2 61 91|3 53 01|4 65 71|5 36 49|6 39 98) [0-9]{2} [0-9]{2}$'`},
		{"British postcodes not of the UK form", `SELECT count(*) FROM people WHERE postcode !~ '^[A-Z]{1,2}[1-9][0-9]? [0-9][ABD-HJLNP-UW-Z]{2}$'`},
		{"British streets not number first", `SELECT count(*) FROM people WHERE street !~ '^[1-9][0-9]{0,2} [A-Z]'`},
		{"German postcodes not 5 digits", `SELECT count(*) FROM kunden WHERE plz NOT BETWEEN 10000 AND 99999`},
		{"German phones outside the film ranges", `SELECT count(*) FROM kunden WHERE telefon !~ '^(030 23125|069 90009|040 66969|0221 4710|089 99998)[0-9]{3}$'`},
		{"original German values", `SELECT count(*) FROM kunden WHERE name LIKE 'Kunde%' OR telefon LIKE '+49%' OR plz = 10000 + id`},
	} {
		if n := p.count(t, db, q.query); n != 0 {
			t.Errorf("%s: %d rows", q.what, n)
		}
	}
	// French, German and Spanish names have letters English ones do not.
	for country, want := range map[string]bool{"FR": true, "DE": true, "ES": true, "GB": false} {
		n := p.count(t, db, fmt.Sprintf(`SELECT count(*) FROM people WHERE country = '%s' AND name ~ '[^ -~]'`, country))
		if (n > 0) != want {
			t.Errorf("%s names with letters beyond ASCII: %d, want some: %v", country, n, want)
		}
	}
	// The French names vary: a locale list is used, not one name.
	if n := p.count(t, db, `SELECT count(DISTINCT name) FROM people WHERE country = 'FR'`); n < 50 {
		t.Errorf("only %d distinct French names of 100", n)
	}

	// A LATIN1 database: pg_dump writes client_encoding LATIN1, and the
	// names lose their diacritics instead of turning into mojibake.
	latin := p.createDBEncoding(t, "LATIN1")
	p.psqlFile(t, latin, schema)
	out := mustAnonymize(t, e2eKey, rulesPath, p.pgDump(t, latin))
	if !strings.Contains(string(out), "SET client_encoding = 'LATIN1'") {
		t.Fatal("the LATIN1 dump does not say so")
	}
	for i, c := range out {
		if c >= 0x80 {
			t.Fatalf("byte %d of the LATIN1 copy is 0x%02x: a letter beyond ASCII", i, c)
		}
	}
	restored := p.createDBEncoding(t, "LATIN1")
	file := filepath.Join(dir, "latin1.sql")
	if err := os.WriteFile(file, out, 0o600); err != nil {
		t.Fatal(err)
	}
	p.psqlFile(t, restored, file)
	if n := p.count(t, restored, "SELECT count(*) FROM people WHERE name LIKE 'Original%'"); n != 0 {
		t.Errorf("%d original names in the LATIN1 copy", n)
	}
}

// createDBEncoding creates an empty database in encoding enc (with the C
// locale, which every encoding accepts) and drops it when the test ends.
func (p *pgServer) createDBEncoding(t *testing.T, enc string) string {
	t.Helper()
	name := fmt.Sprintf("anondump_e2e_%d_%d", os.Getpid(), e2eDBSeq.Add(1))
	p.run(t, nil, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c",
		"CREATE DATABASE "+quoteIdent(name)+" TEMPLATE template0 ENCODING '"+enc+"' LC_COLLATE 'C' LC_CTYPE 'C'")
	p.dropAtCleanup(t, name)
	return name
}
