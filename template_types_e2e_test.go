package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const templateTypesSchema = `CREATE TABLE accounts (
    id integer PRIMARY KEY,
    ext_id bigint NOT NULL UNIQUE,
    pin integer NOT NULL CHECK (pin BETWEEN 100000 AND 999999),
    legacy_id integer NOT NULL UNIQUE,
    month text NOT NULL,
    opened date NOT NULL
);
CREATE TABLE logins (
    id integer PRIMARY KEY,
    account_ext bigint NOT NULL REFERENCES accounts (ext_id)
);
INSERT INTO accounts
SELECT i, 5000000000 + i, 100000 + i, 1000 + i, lpad((i % 12 + 1)::text, 2, '0'), date '1999-01-01' + i
FROM generate_series(1, 300) i;
INSERT INTO logins SELECT i, 5000000000 + (i % 300) + 1 FROM generate_series(1, 600) i;
`

const templateTypesRules = `version: 1
tables:
  accounts:
    columns:
      id: keep
      ext_id: {transform: hash, domain: account_ext}
      pin: {transform: hash, length: 6}
      legacy_id: {template: "{{.id}}"}
      month: keep
      opened: {template: "2020-{{.month}}-01"}
  logins:
    columns:
      id: keep
      account_ext: {transform: hash, domain: account_ext}
`

// TestE2ETemplateTypes: hash writes keyed numbers into bigint (18 digits)
// and integer (length 6) columns, keeping a foreign key between two
// bigints of one domain; templates write an integer and a date column;
// the output restores with ON_ERROR_STOP, its constraints hold and the
// values changed. A template whose output is not an integer stops the run
// naming the column, and no -o file is left.
func TestE2ETemplateTypes(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, templateTypesSchema, templateTypesRules)
	src := p.loadedDB(t, schema)
	dump := p.pgDump(t, src)
	safe := mustAnonymize(t, e2eKey, rulesPath, dump)
	db := p.restore(t, safe)

	if n := p.count(t, db, "SELECT count(*) FROM accounts"); n != 300 {
		t.Fatalf("%d accounts restored, want 300", n)
	}
	if n := p.count(t, db, "SELECT count(*) FROM logins"); n != 600 {
		t.Fatalf("%d logins restored, want 600", n)
	}
	for _, q := range []struct{ what, query string }{
		{"original ext_ids", "SELECT count(*) FROM accounts WHERE ext_id BETWEEN 5000000001 AND 5000000300"},
		{"ext_ids not of 18 digits", "SELECT count(*) FROM accounts WHERE ext_id NOT BETWEEN 100000000000000000 AND 999999999999999999"},
		{"original pins", "SELECT count(*) FROM accounts WHERE pin = 100000 + id"},
		{"pins not of 6 digits", "SELECT count(*) FROM accounts WHERE pin NOT BETWEEN 100000 AND 999999"},
		{"legacy ids not the template's", "SELECT count(*) FROM accounts WHERE legacy_id <> id"},
		{"opened not the template's", "SELECT count(*) FROM accounts WHERE opened <> make_date(2020, month::int, 1)"},
		{"logins without their account", "SELECT count(*) FROM logins l LEFT JOIN accounts a ON a.ext_id = l.account_ext WHERE a.id IS NULL"},
	} {
		if n := p.count(t, db, q.query); n != 0 {
			t.Errorf("%d %s", n, q.what)
		}
	}
	// Each login still points at the account it pointed at: login i
	// belonged to account (i % 300) + 1.
	if n := p.count(t, db, "SELECT count(*) FROM logins l JOIN accounts a ON a.ext_id = l.account_ext WHERE a.id <> l.id % 300 + 1"); n != 0 {
		t.Errorf("%d logins moved to another account", n)
	}
	if n := p.count(t, db, "SELECT count(DISTINCT pin) FROM accounts"); n < 290 {
		t.Errorf("only %d distinct pins for 300 accounts", n)
	}

	// A template whose output is no integer: exit non-zero, the column
	// named, no output file, no value quoted.
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte(strings.Replace(templateTypesRules, `{template: "{{.id}}"}`, `{template: "abc{{.id}}"}`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	in, out := filepath.Join(dir, "in.sql"), filepath.Join(dir, "out.sql")
	if err := os.WriteFile(in, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	r := anondump(t, e2eKey, nil, "-q", "-c", bad, "-o", out, in)
	stderr := string(r.stderr)
	t.Logf("exit %d, stderr: %s", r.code, strings.TrimSpace(stderr))
	if r.code == 0 || !strings.Contains(stderr, "column legacy_id") || !strings.Contains(stderr, "not a valid integer") ||
		!strings.Contains(stderr, "bad.yaml:8:") || !strings.Contains(stderr, "table public.accounts") {
		t.Errorf("abc into integer: exit %d, stderr:\n%s", r.code, stderr)
	}
	if strings.Contains(stderr, "abc1") || strings.Contains(stderr, "5000000001") {
		t.Errorf("the error quotes a value:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s exists after a failed run (stat: %v)", out, err)
	}
}

// TestE2ECheckValueAgainstPostgres asks PostgreSQL about every value of a
// corpus: what fakers.CheckValue (CheckFloat for real and double
// precision) accepts, PostgreSQL must accept as a value of the type. The
// check may refuse more (it reads a subset of the input syntax); those
// values are logged.
func TestE2ECheckValueAgainstPostgres(t *testing.T) {
	p := requirePG(t)
	db := p.createDB(t)
	p.rows(t, db, `CREATE FUNCTION accepts(v text, t text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SELECT %L::%s', v, t);
    RETURN true;
EXCEPTION WHEN others THEN
    RETURN false;
END $$`)

	types := map[string]*dumpstream.Type{
		"smallint": {Name: "int2"}, "integer": {Name: "int4"}, "bigint": {Name: "int8"},
		"numeric": {Name: "numeric"}, "numeric(6,2)": {Name: "numeric", Mods: []int32{6, 2}},
		"numeric(3,0)": {Name: "numeric", Mods: []int32{3, 0}}, "numeric(2,2)": {Name: "numeric", Mods: []int32{2, 2}},
		"numeric(3,-2)": {Name: "numeric", Mods: []int32{3, -2}},
		"real":          {Name: "float4"}, "double precision": {Name: "float8"},
		"boolean": {Name: "bool"}, "date": {Name: "date"}, "timestamp": {Name: "timestamp"},
		"timestamptz": {Name: "timestamptz"}, "uuid": {Name: "uuid"}, "inet": {Name: "inet"},
		"cidr": {Name: "cidr"}, "json": {Name: "json"}, "jsonb": {Name: "jsonb"},
	}
	numbers := []string{"0", "1", "-1", "+7", "32767", "32768", "-32768", "-32769", "2147483647", "2147483648",
		"-2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "007", "1.5", "-.5", "5.",
		".", "-", "+", "", "1e3", "1E-3", "1e", "1e+", "12.34.5", "0x1F", "1_000", " 1", "1 ", "9999.994", "9999.995",
		"999.5", "999.4", "99949", "99950", "0.995", "0.994", "0.00001", "1e1000", "1e1001", "1e308", "1e309",
		"1e-320", "1e-400", "3.4e38", "3.5e38", "1e-45", "1e-50", "NaN", "nan", "-NaN", "Infinity", "-Infinity",
		"+Infinity", "inf", "-inf", "infinity", "abc", "1,5", "12345678901234567890"}
	corpus := map[string][]string{
		"smallint": numbers, "integer": numbers, "bigint": numbers, "numeric": numbers, "numeric(6,2)": numbers,
		"numeric(3,0)": numbers, "numeric(2,2)": numbers, "numeric(3,-2)": numbers, "real": numbers, "double precision": numbers,
		"boolean": {"t", "f", "true", "FALSE", "Yes", "no", "on", "OFF", "1", "0", "", "maybe", "tr", "o", "2", " t"},
		"date": {"2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2024-04-31", "2024-13-01", "2024-00-10",
			"0001-01-01", "9999-12-31", "infinity", "-infinity", "", "2024-1-1", "24-01-01", "2024-01-01 10:00", "2024/01/01"},
		"timestamp": {"2024-01-01", "2024-01-01 10:00", "2024-01-01 10:00:59", "2024-01-01 23:59:59.999999",
			"2024-01-01T10:00:00", "2024-01-01 10:00:00+02", "2024-01-01 24:00:01", "2024-01-01 10:60",
			"2024-01-01 10", "2024-01-01 10:00:00.", "infinity", "2024-02-30 10:00", ""},
		"timestamptz": {"2024-01-01 10:00:00+00", "2024-01-01 10:00:00-05:30", "2024-01-01 10:00:00+0530",
			"2024-01-01T10:00:00Z", "2024-01-01 10:00:00+15:59", "2024-01-01 10:00:00+16", "2024-01-01 10:00:00+5",
			"2024-01-01 10:00:00 Mars", "2024-01-01", "2024-01-01 10:00:00.5+01", "-infinity", ""},
		"uuid": {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
			"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g", "a0eebc999c0b4ef8bb6d6bb9bd380a11", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", ""},
		"inet": {"10.1.2.3", "10.1.2.3/8", "10.1.2.3/33", "2001:db8::1", "2001:db8::/32", "fe80::1%eth0",
			"10.1.2.256", "10.0.0.050", "::ffff:10.1.2.3", "10.1", ""},
		"cidr":  {"10.0.0.0/8", "10.1.0.0/8", "10.1.2.3", "2001:db8::/32", "2001:db8::1/32", ""},
		"json":  {`{}`, `[1, "x", null, true]`, `42`, `"x"`, `{"a": }`, `{'a': 1}`, `"\u0000"`, ``, `NaN`},
		"jsonb": {`{}`, `{"a": [1, {"b": null}]}`, `"\u0000"`, `"\\u0000"`, `{"a": 1,}`, `1e400`, ``},
	}
	type probe struct{ typ, v string }
	var probes []probe
	var values []string
	for typ, vs := range corpus {
		for _, v := range vs {
			probes = append(probes, probe{typ, v})
			values = append(values, fmt.Sprintf("(%d, %s, %s)", len(values), quoteLiteral(v), quoteLiteral(typ)))
		}
	}
	rows := p.rows(t, db, "SELECT i, accepts(v, t) FROM (VALUES "+strings.Join(values, ", ")+") x(i, v, t) ORDER BY i")
	if len(rows) != len(probes) {
		t.Fatalf("%d answers for %d probes", len(rows), len(probes))
	}
	accepted, stricter := 0, 0
	for _, r := range rows {
		i, _ := strconv.Atoi(r[0])
		pr := probes[i]
		pgOK := r[1] == "t"
		typ := types[pr.typ]
		var err error
		switch typ.Name {
		case "float4":
			err = fakers.CheckFloat([]byte(pr.v), 32)
		case "float8":
			err = fakers.CheckFloat([]byte(pr.v), 64)
		default:
			err = fakers.CheckValue([]byte(pr.v), rules.TargetOf(typ, false))
		}
		switch {
		case err == nil && !pgOK:
			t.Errorf("%s: CheckValue accepts %q, PostgreSQL refuses it", pr.typ, pr.v)
		case err == nil:
			accepted++
		case pgOK:
			stricter++
			t.Logf("%s: %q refused (%v), though PostgreSQL reads it", pr.typ, pr.v, err)
		}
	}
	t.Logf("%d probes: %d accepted by both, %d refused by the check only", len(probes), accepted, stricter)
	if accepted < len(probes)/3 {
		t.Errorf("only %d of %d probes accepted", accepted, len(probes))
	}
}
