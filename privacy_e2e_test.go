package main

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

const privacySchema = `CREATE TABLE users (
    id integer PRIMARY KEY,
    created_at timestamptz NOT NULL,
    born date,
    age smallint,
    age_band text,
    postcode varchar(10),
    zip integer,
    salary numeric(10,2),
    score real,
    seen_month timestamptz,
    valid_until date
);
INSERT INTO users
SELECT i,
       timestamptz '2021-01-01 09:30:00+00' + i * interval '1 day 7 hours 13 minutes 5.25 seconds',
       CASE WHEN i % 17 = 0 THEN NULL ELSE date '1950-01-01' + (i * 173) % 20000 END,
       (i * 7) % 90,
       ((i * 11) % 95)::text,
       (ARRAY['SW1A 1AA', '75012', 'm1 1ae', '1012 AB', NULL])[1 + i % 5],
       10000 + (i * 7919) % 89999,
       CASE WHEN i % 13 = 0 THEN NULL ELSE round((i * 977 % 150000) + 0.37, 2) END,
       (i % 50) * 1.5,
       timestamptz '2024-01-31 22:00:00+00' + i * interval '5 hours 7 minutes',
       CASE WHEN i % 10 = 0 THEN 'infinity'::date ELSE date '2025-01-01' + i END
FROM generate_series(1, 200) i;

CREATE TABLE orders (
    id integer PRIMARY KEY,
    user_id integer REFERENCES users (id),
    created_at timestamptz NOT NULL,
    shipped date
);
INSERT INTO orders
SELECT j,
       CASE WHEN j % 23 = 0 THEN NULL ELSE 1 + (j * 37) % 200 END,
       timestamptz '2022-06-01 12:00:00+00' + j * interval '3 hours 1 minute 1.5 seconds',
       CASE WHEN j % 7 = 0 THEN NULL ELSE date '2022-06-05' + j / 8 END
FROM generate_series(1, 600) j;
`

const privacyRulesYAML = `version: 1
tables:
  users:
    columns:
      id: keep
      created_at: {transform: date_shift, days: 90, by: id, domain: user_dates}
      born: {transform: date_of_birth, keep_age: true}
      age: {transform: generalize, bucket: 10}
      age_band: {transform: generalize, bucket: 10}
      postcode: {transform: generalize, keep: 2}
      zip: {transform: generalize, keep: 2}
      salary: {transform: noise, percent: 10}
      score: {transform: noise, percent: 20}
      seen_month: {transform: generalize, to: month}
      valid_until: {transform: date_shift, days: 30}
  orders:
    columns:
      id: keep
      user_id: keep
      created_at: {transform: date_shift, days: 90, by: user_id, domain: user_dates}
      shipped: {transform: date_shift, days: 90, by: user_id, domain: user_dates}
`

// TestE2EPrivacy: shifted dates, generalized and noised columns restore
// with ON_ERROR_STOP, and the restored copy answers the questions they
// are meant to keep: per user, the days and seconds between users.created_at
// and each order's created_at and shipped are those of the original;
// generalized values are the bottoms of their buckets and months;
// noised numbers are within their percent; dates of birth keep the age.
func TestE2EPrivacy(t *testing.T) {
	p := requirePG(t)
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, privacySchema, privacyRulesYAML)
	src := p.loadedDB(t, schema)
	dump := p.pgDump(t, src)
	asOf := time.Now().UTC().Format("2006-01-02")
	safe := mustAnonymize(t, e2eKey, rulesPath, dump)
	if now := time.Now().UTC().Format("2006-01-02"); now != asOf {
		t.Skipf("the run crossed midnight UTC (%s to %s): ages are counted on its date", asOf, now)
	}
	dst := p.restore(t, safe)
	if n := p.count(t, dst, "SELECT count(*) FROM orders"); n != 600 {
		t.Fatalf("%d orders restored, want 600", n)
	}

	// Intervals: per order, created_at and shipped minus its user's
	// created_at, in seconds and in days, equal the original's.
	const intervals = `SELECT o.id, coalesce(o.user_id::text, ''),
		extract(epoch FROM o.created_at - u.created_at)::text,
		coalesce((o.shipped - u.created_at::date)::text, 'null'),
		extract(epoch FROM o.created_at)::text, coalesce(o.shipped::text, 'null')
		FROM orders o LEFT JOIN users u ON u.id = o.user_id ORDER BY o.id`
	before, after := p.rows(t, src, intervals), p.rows(t, dst, intervals)
	if len(before) != 600 || len(after) != 600 {
		t.Fatalf("%d and %d orders", len(before), len(after))
	}
	withUser := 0
	for i := range before {
		b, a := before[i], after[i]
		if b[1] == "" { // no user: moved on its own
			if a[4] == b[4] {
				t.Errorf("order %s without a user did not move", b[0])
			}
			continue
		}
		withUser++
		if a[2] != b[2] || a[3] != b[3] {
			t.Errorf("order %s of user %s: %s s / %s days after the user's creation, originally %s s / %s days", b[0], b[1], a[2], a[3], b[2], b[3])
		}
	}
	if withUser < 500 {
		t.Errorf("only %d orders with a user", withUser)
	}
	// Every user's date moved, by at most 90 days, the time of day kept.
	const created = `SELECT id, created_at::date::text, extract(epoch FROM created_at::time)::text FROM users ORDER BY id`
	cb, ca := p.rows(t, src, created), p.rows(t, dst, created)
	for i := range cb {
		d0, _ := time.Parse("2006-01-02", cb[i][1])
		d1, _ := time.Parse("2006-01-02", ca[i][1])
		shift := int(d1.Sub(d0).Hours() / 24)
		if shift == 0 || shift < -90 || shift > 90 || cb[i][2] != ca[i][2] {
			t.Errorf("user %s: moved %d days, time of day %s -> %s", cb[i][0], shift, cb[i][2], ca[i][2])
		}
	}

	// Values checked against the original, row by row.
	cols := `SELECT id, coalesce(age::text, 'null'), coalesce(age_band, 'null'), coalesce(postcode, 'null'), zip::text,
		coalesce(salary::text, 'null'), score::text, to_char(seen_month AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
		valid_until::text, coalesce(date_part('year', age(date '` + asOf + `', born))::text, 'null'), coalesce(born::text, 'null')
		FROM users ORDER BY id`
	vb, va := p.rows(t, src, cols), p.rows(t, dst, cols)
	moved := 0
	for i := range vb {
		b, a := vb[i], va[i]
		id := b[0]
		age, _ := strconv.Atoi(b[1])
		if a[1] != strconv.Itoa(age/10*10) {
			t.Errorf("user %s: age %s -> %s, want the bucket's bottom", id, b[1], a[1])
		}
		band, _ := strconv.Atoi(b[2])
		if want := strconv.Itoa(band/10*10) + "-" + strconv.Itoa(band/10*10+9); a[2] != want {
			t.Errorf("user %s: age_band %s -> %s, want %s", id, b[2], a[2], want)
		}
		if b[3] == "null" {
			if a[3] != "null" {
				t.Errorf("user %s: NULL postcode -> %s", id, a[3])
			}
		} else if want := postcodeKeep2(b[3]); a[3] != want {
			t.Errorf("user %s: postcode %s -> %s, want %s", id, b[3], a[3], want)
		}
		if want := b[4][:2] + strings.Repeat("0", len(b[4])-2); a[4] != want {
			t.Errorf("user %s: zip %s -> %s, want %s", id, b[4], a[4], want)
		}
		if b[5] == "null" {
			if a[5] != "null" {
				t.Errorf("user %s: NULL salary -> %s", id, a[5])
			}
		} else if !within(b[5], a[5], 0.10, 0.005) || !strings.Contains(a[5], ".") || len(a[5])-strings.Index(a[5], ".") != 3 {
			t.Errorf("user %s: salary %s -> %s, want within 10%% with 2 decimals", id, b[5], a[5])
		}
		if !within(b[6], a[6], 0.20, 1e-4) {
			t.Errorf("user %s: score %s -> %s, want within 20%%", id, b[6], a[6])
		}
		if a[7][8:] != "01 00:00:00" || a[7][:7] != p.value(t, src, "SELECT to_char(seen_month AT TIME ZONE 'UTC', 'YYYY-MM') FROM users WHERE id = "+id) {
			t.Errorf("user %s: seen_month %s -> %s, want midnight UTC of its month's first day", id, b[7], a[7])
		}
		if b[8] == "infinity" && a[8] != "infinity" {
			t.Errorf("user %s: valid_until infinity -> %s", id, a[8])
		}
		if b[8] != a[8] {
			moved++
		}
		if a[9] != b[9] || (b[10] == "null") != (a[10] == "null") {
			t.Errorf("user %s: born %s (age %s) -> %s (age %s)", id, b[10], b[9], a[10], a[9])
		}
	}
	if moved != 180 { // the 20 infinities stay
		t.Errorf("%d of 200 valid_until moved, want the 180 finite ones", moved)
	}
	if n := p.count(t, dst, "SELECT count(*) FROM users u JOIN users v ON u.born = v.born AND u.id < v.id"); n > 40 {
		t.Errorf("%d pairs of users share a date of birth", n)
	}
}

// postcodeKeep2 is generalize keep: 2 on a postcode, from its definition:
// the first two characters kept, then digits as 0, letters as X or x.
func postcodeKeep2(s string) string {
	b := []byte(s)
	for i := 2; i < len(b); i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9':
			b[i] = '0'
		case c >= 'a' && c <= 'z':
			b[i] = 'x'
		case c >= 'A' && c <= 'Z':
			b[i] = 'X'
		}
	}
	return string(b)
}

// within reports whether out is in in × [1−p, 1+p], give or take slack
// (the rounding of the column) and a relative 1e-6 (real's digits).
func within(in, out string, p, slack float64) bool {
	x, err1 := strconv.ParseFloat(in, 64)
	y, err2 := strconv.ParseFloat(out, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	lo, hi := math.Min(x*(1-p), x*(1+p)), math.Max(x*(1-p), x*(1+p))
	return y >= lo-slack-math.Abs(x)*1e-6 && y <= hi+slack+math.Abs(x)*1e-6
}
