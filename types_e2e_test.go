package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const typesSchema = `CREATE TABLE customers (
    id integer PRIMARY KEY,
    zipcode integer NOT NULL,
    phone bigint,
    card bigint,
    amount numeric(8,2),
    born date,
    born_at timestamp with time zone,
    born_local timestamp without time zone,
    born_text text
);
INSERT INTO customers
SELECT i, 1000 + i, 15550000000 + i, 4111111111111111 + i, i * 1.25,
       date '1980-01-01' + i, timestamptz '1980-01-01 10:00:00+00' + i * interval '1 day',
       timestamp '1980-01-01 10:00:00' + i * interval '1 day', (date '1980-01-01' + i)::text
FROM generate_series(1, 300) i;
`

const typesRulesYAML = `version: 1
tables:
  customers:
    columns:
      id: keep
      zipcode: postcode
      phone: phone
      card: credit_card
      amount: postcode
      born: {transform: date_of_birth, domain: born}
      born_at: date_of_birth
      born_local: date_of_birth
      born_text: {transform: date_of_birth, domain: born}
`

// TestE2ETypesFit: postcodes, phones and card numbers go into integer,
// bigint and numeric(8,2) columns as numbers, dates of birth into date,
// timestamp, timestamptz and text, and the copy restores with
// ON_ERROR_STOP; email into an integer column is refused naming the rule
// and the column type.
func TestE2ETypesFit(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, typesSchema, typesRulesYAML)
	src := p.loadedDB(t, schema)
	dump := p.pgDump(t, src)
	safe := mustAnonymize(t, e2eKey, rulesPath, dump)
	db := p.restore(t, safe)

	if n := p.count(t, db, "SELECT count(*) FROM customers"); n != 300 {
		t.Fatalf("%d rows restored, want 300", n)
	}
	for _, q := range []struct{ what, query string }{
		{"original zipcodes", "SELECT count(*) FROM customers WHERE zipcode BETWEEN 1001 AND 1300"},
		{"zipcodes not of 5 digits", "SELECT count(*) FROM customers WHERE zipcode NOT BETWEEN 10000 AND 99999"},
		{"original phones", "SELECT count(*) FROM customers WHERE phone BETWEEN 15550000001 AND 15550000300"},
		{"phones not 1NXX555XXXX", "SELECT count(*) FROM customers WHERE phone::text !~ '^1[2-9][0-9]{2}555[0-9]{4}$'"},
		{"original cards", "SELECT count(*) FROM customers WHERE card BETWEEN 4111111111111112 AND 4111111111111411"},
		{"cards not 400000…", "SELECT count(*) FROM customers WHERE card::text !~ '^400000[0-9]{10}$'"},
		{"amounts not whole 5-digit numbers", "SELECT count(*) FROM customers WHERE amount <> trunc(amount) OR amount NOT BETWEEN 10000 AND 99999"},
		{"original birth dates", "SELECT count(*) FROM customers WHERE born = date '1980-01-01' + id"},
		{"birth dates out of range", "SELECT count(*) FROM customers WHERE born NOT BETWEEN date '1930-01-01' AND date '2005-12-31'"},
		{"birth timestamps not at midnight UTC", "SELECT count(*) FROM customers WHERE born_at AT TIME ZONE 'UTC' <> (born_at AT TIME ZONE 'UTC')::date"},
		{"local birth timestamps not at midnight", "SELECT count(*) FROM customers WHERE born_local <> born_local::date"},
		{"text birth dates not dates", "SELECT count(*) FROM customers WHERE born_text !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"},
		// The same input in the same domain gives the same date in a date and a text column.
		{"text births differing from date births", "SELECT count(*) FROM customers WHERE born_text <> born::text"},
	} {
		if n := p.count(t, db, q.query); n != 0 {
			t.Errorf("%d %s", n, q.what)
		}
	}
	if n := p.count(t, db, "SELECT count(DISTINCT zipcode) FROM customers"); n < 250 {
		t.Errorf("only %d distinct zipcodes for 300 rows", n)
	}

	// No sensible output: refused, naming the rule's position and the column type.
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte(strings.Replace(typesRulesYAML, "zipcode: postcode", "zipcode: email", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	r := anondump(t, e2eKey, dump, "-q", "-c", bad)
	if r.code == 0 || !strings.Contains(string(r.stderr), "bad.yaml:6:") || !strings.Contains(string(r.stderr), "email cannot write into integer column") {
		t.Errorf("email into integer: exit %d, stderr:\n%s", r.code, r.stderr)
	}
	if strings.Contains(string(r.stdout), "COPY public.customers") && strings.Contains(string(r.stdout), "1001\t") {
		t.Errorf("refused run wrote the table's original rows")
	}
}
