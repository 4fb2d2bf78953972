package audit

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

func openBytes(b []byte) Opener {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
}

func mustRules(t testing.TB, y string) *rules.Rules {
	t.Helper()
	rs, err := rules.Parse([]byte(y), "anon.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func anonymize(t testing.TB, rs *rules.Rules, dump []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	if _, err := dumpstream.Rewrite(&out, bytes.NewReader(dump), rules.NewPlan(rs, fakers.NewKey([]byte("verify-test-key-0123"))), dumpstream.Options{}); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func findingsOf(fs []Finding, kind string) []Finding {
	var out []Finding
	for _, f := range fs {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

const pgHeader = "--\n-- PostgreSQL database dump\n--\n\n"

// peopleDump: short first names (under MinLength, so the value search
// never looks for them) ruled by a transformer whose outputs are not
// searched (first_name), a const column and a primary key after the data,
// as pg_dump writes it.
func peopleDump(rows int, nick func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(pgHeader)
	b.WriteString("CREATE TABLE public.people (\n    id integer NOT NULL,\n    name text,\n    nick text,\n    secret text\n);\n\n")
	b.WriteString("COPY public.people (id, name, nick, secret) FROM stdin;\n")
	names := []string{"Bob", "Ann", "Eve", "Joe", "Max"}
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&b, "%d\t%s\t%s\tx\n", i, names[i%len(names)], nick(i))
	}
	b.WriteString("\\.\n\n")
	b.WriteString("ALTER TABLE ONLY public.people\n    ADD CONSTRAINT people_pkey PRIMARY KEY (id);\n\n")
	b.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
	return []byte(b.String())
}

const peopleRules = `version: 1
tables:
  public.people:
    columns:
      id: keep
      name: first_name
      nick: {transform: mask, keep: 2}
      secret: {transform: const, value: x}
`

// TestVerifySameDump is the regression test for bug 5: verify of a dump
// against itself passed, as no ruled value was long enough to be looked
// for. A ruled column whose values are the original ones, row by row, is
// a failing finding.
func TestVerifySameDump(t *testing.T) {
	dump := peopleDump(1000, func(int) string { return "ab" })
	rs := mustRules(t, peopleRules)
	fs, err := Verify(rs, openBytes(dump), "orig", openBytes(dump), "orig", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !Failed(fs) {
		t.Fatalf("verify X X passes: %+v", fs)
	}
	got := map[string]Finding{}
	for _, f := range findingsOf(fs, "unchanged") {
		got[f.Column] = f
	}
	if f, ok := got["name"]; !ok || !f.Fails || f.Confidence != "high" || !strings.Contains(f.Message, "primary key") {
		t.Errorf("no failing unchanged finding matched by primary key for name: %+v", fs)
	}
	// mask keep: 2 of two-character values leaves them as they are: that
	// too is an unchanged column.
	if _, ok := got["nick"]; !ok {
		t.Errorf("no unchanged finding for nick (mask keeping whole values): %+v", fs)
	}
	// const x over values that are x changes nothing that should change.
	if _, ok := got["secret"]; ok {
		t.Errorf("const column whose values already are the const reported unchanged: %+v", fs)
	}

	// A copy made with the rules has no unchanged finding (nick values are
	// longer than keep now).
	dump = peopleDump(1000, func(i int) string { return fmt.Sprintf("nick%04d", i) })
	safe := anonymize(t, rs, dump)
	fs, err = Verify(rs, openBytes(dump), "orig", openBytes(safe), "safe", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if u := findingsOf(fs, "unchanged"); len(u) > 0 {
		t.Errorf("unchanged findings on a good copy: %+v", u)
	}
}

// TestVerifySameDumpWhere: with a where: condition dropping rows, the
// sampled rows that remain are found by primary key.
func TestVerifySameDumpWhere(t *testing.T) {
	dump := peopleDump(3000, func(int) string { return "abcd" })
	rs := mustRules(t, strings.Replace(peopleRules, "    columns:\n", "    where: \"id > 2000\"\n    columns:\n", 1))
	var filtered bytes.Buffer // the original with rows dropped, values kept
	for _, line := range strings.SplitAfter(string(dump), "\n") {
		var id int
		if n, _ := fmt.Sscanf(line, "%d\t", &id); n == 1 && id <= 2000 {
			continue
		}
		filtered.WriteString(line)
	}
	fs, err := Verify(rs, openBytes(dump), "orig", openBytes(filtered.Bytes()), "safe", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range findingsOf(fs, "unchanged") {
		found = found || f.Column == "name"
	}
	if !found || !Failed(fs) {
		t.Errorf("unchanged rows of a filtered table not found: %+v", fs)
	}
}

// TestVerifySameDumpGolden: verify X X fails on every scan test dump with
// the rules scan suggests for it, also by row position when the dump
// declares no keys.
func TestVerifySameDumpGolden(t *testing.T) {
	dumps, _ := filepath.Glob("testdata/scan/*.sql")
	for _, dump := range dumps {
		if strings.HasSuffix(dump, ".schema.sql") {
			continue
		}
		in, err := os.ReadFile(dump)
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(strings.TrimSuffix(dump, ".sql") + ".golden.yaml")
		if err != nil {
			t.Fatal(err)
		}
		rs := mustRules(t, string(y))
		for _, keys := range []bool{true, false} {
			src := in
			if !keys { // no keys: drop the ALTER TABLE … ADD CONSTRAINT statements
				src = []byte(strings.ReplaceAll(string(in), "ADD CONSTRAINT", "ALTER COLUMN id SET STATISTICS 0; -- "))
			}
			fs, err := Verify(rs, openBytes(src), "orig", openBytes(src), "orig", VerifyOptions{MinLength: 1000})
			if err != nil {
				t.Fatal(err)
			}
			if len(findingsOf(fs, "unchanged")) == 0 || !Failed(fs) {
				t.Errorf("%s (keys %v): verify X X found nothing unchanged: %+v", dump, keys, fs)
			}
		}
	}
}

// TestVerifyGrades is the regression test for bug 11's grading: a first
// name found inside other kept text is low confidence (fails only under
// Strict); an email found there is a leak.
func TestVerifyGrades(t *testing.T) {
	var b strings.Builder
	b.WriteString(pgHeader)
	b.WriteString("CREATE TABLE public.users (\n    id integer NOT NULL,\n    first text,\n    email text\n);\n\n")
	b.WriteString("CREATE TABLE public.films (\n    id integer NOT NULL,\n    blurb text\n);\n\n")
	b.WriteString("COPY public.users (id, first, email) FROM stdin;\n1\tPenelope\tpenny.lane@realmail.test\n2\tAugustine\tgus@realmail.test\n\\.\n\n")
	b.WriteString("COPY public.films (id, blurb) FROM stdin;\n1\tA story about Penelope and a dog\n2\tsee gus@realmail.test\n\\.\n\n")
	b.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
	dump := []byte(b.String())
	rs := mustRules(t, `version: 1
tables:
  public.users:
    columns: {id: keep, first: first_name, email: email}
  public.films:
    columns: {id: keep, blurb: keep}
`)
	safe := anonymize(t, rs, dump)
	for _, strict := range []bool{false, true} {
		fs, err := Verify(rs, openBytes(dump), "orig", openBytes(safe), "safe", VerifyOptions{Strict: strict})
		if err != nil {
			t.Fatal(err)
		}
		var lowFirst, highEmail bool
		for _, f := range findingsOf(fs, "leak") {
			switch {
			case f.Column == "first" && f.Confidence == "low" && f.Fails == strict:
				lowFirst = true
			case f.Column == "email" && f.Confidence == "high" && f.Fails:
				highEmail = true
			default:
				t.Errorf("strict %v: unexpected finding %+v", strict, f)
			}
		}
		if !lowFirst || !highEmail {
			t.Errorf("strict %v: want a low-confidence leak of first and a failing leak of email: %+v", strict, fs)
		}
		if bytes.Contains([]byte(fmt.Sprint(fs)), []byte("Penelope")) {
			t.Error("a finding holds a dump value")
		}
	}
}

// TestVerifyJSON: a kept JSON column whose documents hold personal data
// is a suspect, with the paths (bug 10, verify side).
func TestVerifyJSON(t *testing.T) {
	var b strings.Builder
	b.WriteString(pgHeader)
	b.WriteString("CREATE TABLE public.events (\n    id integer NOT NULL,\n    data jsonb\n);\n\n")
	b.WriteString("COPY public.events (id, data) FROM stdin;\n")
	for i := range 50 {
		fmt.Fprintf(&b, "%d\t{\"by\": {\"contact\": \"u%d@realmail.test\"}, \"n\": %d}\n", i, i, i)
	}
	b.WriteString("\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n")
	dump := []byte(b.String())
	rs := mustRules(t, "version: 1\ntables:\n  public.events:\n    columns: {id: keep, data: keep}\n")
	fs, err := Verify(rs, openBytes(dump), "orig", openBytes(dump), "safe", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := findingsOf(fs, "suspect")
	if len(s) != 1 || s[0].Detector != "json with email" || len(s[0].Paths) != 1 || s[0].Paths[0] != "$.by.contact" || !s[0].Fails {
		t.Fatalf("want one failing suspect json with email at $.by.contact: %+v", fs)
	}
	if strings.Contains(fmt.Sprint(fs), "realmail") {
		t.Error("a finding holds a dump value")
	}
}
