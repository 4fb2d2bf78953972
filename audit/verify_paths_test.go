package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/anondump/anondump/dumpstream"
)

// docsDump writes a dump of table public.docs with the columns given
// (name and type; the first is id integer, the primary key, declared
// after the data as pg_dump does), rows rows, field(i, c) giving row i's
// value of column c (not yet COPY-encoded; nullField for NULL).
func docsDump(rows int, cols [][2]string, field func(i, c int) string) []byte {
	var b strings.Builder
	b.WriteString(pgHeader)
	b.WriteString("CREATE TABLE public.docs (\n    id integer NOT NULL")
	names := []string{"id"}
	for _, c := range cols {
		fmt.Fprintf(&b, ",\n    %s %s", c[0], c[1])
		names = append(names, c[0])
	}
	b.WriteString("\n);\n\n")
	fmt.Fprintf(&b, "COPY public.docs (%s) FROM stdin;\n", strings.Join(names, ", "))
	for i := 1; i <= rows; i++ {
		fmt.Fprintf(&b, "%d", i)
		for c := range cols {
			b.WriteByte('\t')
			if v := field(i, c); v == nullField {
				b.WriteString(`\N`)
			} else {
				b.Write(dumpstream.AppendEncoded(nil, []byte(v)))
			}
		}
		b.WriteByte('\n')
	}
	b.WriteString("\\.\n\n")
	b.WriteString("ALTER TABLE ONLY public.docs\n    ADD CONSTRAINT docs_pkey PRIMARY KEY (id);\n\n")
	b.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
	return []byte(b.String())
}

const nullField = "\x00NULL"

// prefsDoc is row i's prefs document: an email and a phone (ruled), a
// short nick (ruled, under MinLength), a flag that already is its const,
// an empty note and a boolean (ruled, nothing to compare), and kept
// members; backup, when set, is an email at a path no rule names.
func prefsDoc(i int, backup bool) string {
	nicks := []string{"Bo", "Al", "Cy", "Di", "Ed"}
	doc := fmt.Sprintf(`{"email": "user%d.person@realmail.test", "theme": "dark", "contacts": [{"kind": "home", "phone": "+33 6 12 34 %04d"}], "nick": "%s", "flag": "x", "note": "", "ok": true`,
		i, i, nicks[i%len(nicks)])
	if backup {
		doc += fmt.Sprintf(`, "backup": "friend%d@realmail.test"`, i)
	}
	return doc + "}"
}

const prefsPaths = `
          "$.email": {transform: email, domain: user_email}
          "$.contacts[*].phone": phone
          "$.nick": first_name
          "$.flag": {transform: const, value: x}
          "$.note": lorem
          "$.ok": hash`

func prefsRules(paths string) string {
	return "version: 1\ntables:\n  public.docs:\n    columns:\n      id: keep\n      prefs:\n        paths:" + paths + "\n"
}

func prefsDump(rows int, backup bool) []byte {
	return docsDump(rows, [][2]string{{"prefs", "jsonb"}}, func(i, _ int) string { return prefsDoc(i, backup) })
}

// noValue fails the test when a finding holds a value of the dump.
func noValue(t *testing.T, fs []Finding) {
	t.Helper()
	if s := fmt.Sprint(fs); strings.Contains(s, "realmail") || strings.Contains(s, "+33") || strings.Contains(s, "Elms") {
		t.Errorf("a finding holds a dump value: %s", s)
	}
}

func verifyOK(t *testing.T, rules string, orig, safe []byte) []Finding {
	t.Helper()
	fs, err := Verify(mustRules(t, rules), openBytes(orig), "orig.sql", openBytes(safe), "safe.sql", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	noValue(t, fs)
	return fs
}

// TestVerifyPathsClean: the anonymizer's own output, verified with the
// rules it was made with, has no finding at all, though its ruled paths
// hold fake emails and phones (which must not be taken for kept personal
// data) and documents without some paths pass through unchanged.
func TestVerifyPathsClean(t *testing.T) {
	rules := prefsRules(prefsPaths)
	orig := docsDump(60, [][2]string{{"prefs", "jsonb"}}, func(i, _ int) string {
		switch i % 10 {
		case 0:
			return nullField
		case 1:
			return `{"theme": "light"}` // no ruled path: unchanged, and rightly
		}
		return prefsDoc(i, false)
	})
	safe := anonymize(t, mustRules(t, rules), orig)
	if strings.Contains(string(safe), "realmail") || strings.Contains(string(safe), "+33 6 12 34") {
		t.Fatalf("the anonymizer kept an email or a phone:\n%s", safe)
	}
	if n := len(emailIn.FindAll(safe, -1)); n < 40 {
		t.Fatalf("the copy holds %d emails, want the 48 fake ones", n)
	}
	if fs := verifyOK(t, rules, orig, safe); len(fs) > 0 {
		t.Errorf("findings on the anonymizer's output: %+v", fs)
	}
}

// TestVerifyPathsLeak: a copy made with rules that miss a path keeps that
// path's values; verify with the full rules finds every one of them and
// attributes them to their path, in their own column.
func TestVerifyPathsLeak(t *testing.T) {
	orig := prefsDump(40, false)
	missing := strings.Replace(prefsPaths, "\n          \"$.contacts[*].phone\": phone", "", 1)
	safe := anonymize(t, mustRules(t, prefsRules(missing)), orig)
	if !strings.Contains(string(safe), "+33 6 12 34 0007") || strings.Contains(string(safe), "realmail") {
		t.Fatalf("the copy was not made with the rules missing the phone path:\n%s", safe)
	}
	fs := verifyOK(t, prefsRules(prefsPaths), orig, safe)
	leaks := findingsOf(fs, "leak")
	if len(leaks) != 1 {
		t.Fatalf("want one leak, of the phones: %+v", fs)
	}
	l := leaks[0]
	if l.Column != "prefs" || fmt.Sprint(l.Paths) != "[$.contacts[*].phone]" || l.Count != 40 || !l.Fails ||
		fmt.Sprint(l.FoundIn) != "[public.docs.prefs]" || !strings.Contains(l.Message, "at its ruled path $.contacts[*].phone") {
		t.Errorf("want a failing leak of 40 values at $.contacts[*].phone found in public.docs.prefs: %+v", l)
	}
	u := findingsOf(fs, "unchanged")
	if len(u) != 1 || fmt.Sprint(u[0].Paths) != "[$.contacts[*].phone]" || u[0].Count != 40 {
		t.Errorf("want the phones unchanged, 40 of 40, and no other path: %+v", u)
	}
	if len(fs) != 2 {
		t.Errorf("want exactly the leak and the unchanged phones: %+v", fs)
	}

	// A hand-edited copy: one original email back into its row.
	line := regexp.MustCompile(`(?m)^7\t\{"email": "[^"]*"`)
	planted := line.ReplaceAll(anonymize(t, mustRules(t, prefsRules(prefsPaths)), orig), []byte(`7	{"email": "user7.person@realmail.test"`))
	if !strings.Contains(string(planted), "user7.person@realmail.test") {
		t.Fatal("the email was not planted")
	}
	fs = verifyOK(t, prefsRules(prefsPaths), orig, planted)
	leaks = findingsOf(fs, "leak")
	if len(fs) != 1 || len(leaks) != 1 || fmt.Sprint(leaks[0].Paths) != "[$.email]" || leaks[0].Count != 1 || !leaks[0].Fails {
		t.Errorf("want one failing leak of one value at $.email, and nothing else: %+v", fs)
	}
}

// TestVerifyPathsSpelling: leaves are looked for in their decoded form,
// whatever spelling the copy's documents give them (escapes in a string,
// a number right after its colon in json), and in each document of a
// jsonb[] column.
func TestVerifyPathsSpelling(t *testing.T) {
	cols := [][2]string{{"prefs", "jsonb"}, {"raw", "json"}, {"hist", "jsonb[]"}}
	orig := docsDump(20, cols, func(i, c int) string {
		switch c {
		case 0:
			return fmt.Sprintf(`{"addr": "Flat %d, \"The Elms\"\nHigh Street", "theme": "dark"}`, i)
		case 1:
			return fmt.Sprintf(`{"pin":%d,"x":1}`, 40000000+i)
		}
		// An array literal of two documents, each element quoted.
		return fmt.Sprintf(`{"{\"who\": {\"email\": \"h%d.person@realmail.test\"}}","{\"at\": 1}"}`, i)
	})
	keepAll := "version: 1\ntables:\n  public.docs:\n    columns: {id: keep, prefs: keep, raw: keep, hist: keep}\n"
	safe := anonymize(t, mustRules(t, keepAll), orig)
	rules := `version: 1
tables:
  public.docs:
    columns:
      id: keep
      prefs: {paths: {"$.addr": hash}}
      raw: {paths: {"$.pin": phone}}
      hist: {paths: {"$..email": email}}
`
	got := map[string]int64{}
	for _, f := range findingsOf(verifyOK(t, rules, orig, safe), "leak") {
		got[f.Column+" "+strings.Join(f.Paths, ",")] = f.Count
	}
	want := map[string]int64{"prefs $.addr": 20, "raw $.pin": 20, "hist $..email": 20}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("leaks %v, want %v", got, want)
	}
	// The anonymizer's output with these rules is clean.
	safe = anonymize(t, mustRules(t, rules), orig)
	if fs := verifyOK(t, rules, orig, safe); len(fs) > 0 {
		t.Errorf("findings on the anonymizer's output: %+v", fs)
	}
}

// TestVerifyPathsUnchanged: verify X X reports each ruled path whose
// leaves kept their value, even leaves too short to be searched (the
// nicks, as bug 5 was for scalar columns); not a const path whose leaves
// already are the const, empty strings or booleans.
func TestVerifyPathsUnchanged(t *testing.T) {
	orig := prefsDump(300, false)
	fs := verifyOK(t, prefsRules(prefsPaths), orig, orig)
	if !Failed(fs) {
		t.Fatalf("verify X X passes: %+v", fs)
	}
	got := map[string]Finding{}
	for _, f := range findingsOf(fs, "unchanged") {
		if f.Column != "prefs" || len(f.Paths) != 1 {
			t.Errorf("unchanged finding not at one path of prefs: %+v", f)
			continue
		}
		got[f.Paths[0]] = f
	}
	for _, p := range []string{"$.email", "$.contacts[*].phone", "$.nick"} {
		f, ok := got[p]
		if !ok || !f.Fails || f.Count != sampleRows || !strings.Contains(f.Message, "at "+p+":") || !strings.Contains(f.Message, "primary key") {
			t.Errorf("no failing unchanged finding for %d sampled rows at %s: %+v", sampleRows, p, f)
		}
		delete(got, p)
	}
	if len(got) > 0 {
		t.Errorf("unchanged findings for the const, empty and boolean paths: %+v", got)
	}
	// The nicks are under MinLength: only the unchanged check sees them.
	for _, f := range findingsOf(fs, "leak") {
		if fmt.Sprint(f.Paths) == "[$.nick]" {
			t.Errorf("a leak of two-letter nicks: %+v", f)
		}
	}
}

// TestVerifyPathsSuspect: an email at a path the rule does not name is
// kept, and reported at that path; the ruled paths' fake values are not.
func TestVerifyPathsSuspect(t *testing.T) {
	orig := prefsDump(30, true)
	rules := prefsRules(prefsPaths)
	fs := verifyOK(t, rules, orig, anonymize(t, mustRules(t, rules), orig))
	s := findingsOf(fs, "suspect")
	if len(fs) != 1 || len(s) != 1 {
		t.Fatalf("want one finding, a suspect: %+v", fs)
	}
	f := s[0]
	if f.Column != "prefs" || f.Detector != "json with email" || fmt.Sprint(f.Paths) != "[$.backup]" || f.Count != 30 || !f.Fails ||
		!strings.Contains(f.Message, "paths: rule rewrites nothing (at $.backup)") {
		t.Errorf("want a failing suspect of 30 documents, json with email at $.backup: %+v", f)
	}
}

// TestVerifyPathsCases: a leaf its row's keep case keeps is neither a
// leak nor unchanged nor a suspect; an original leaf of a row the cases
// rewrite still is a leak.
func TestVerifyPathsCases(t *testing.T) {
	cols := [][2]string{{"role", "text"}, {"prefs", "jsonb"}}
	orig := docsDump(40, cols, func(i, c int) string {
		if c == 0 {
			if i%5 == 0 {
				return "user"
			}
			return "admin"
		}
		return fmt.Sprintf(`{"email": "p%d.person@realmail.test"}`, i)
	})
	rules := `version: 1
tables:
  public.docs:
    columns:
      id: keep
      role: keep
      prefs:
        paths:
          "$.email":
            - {when: "role = 'admin'", keep: true}
            - {transform: email}
`
	safe := anonymize(t, mustRules(t, rules), orig)
	if !strings.Contains(string(safe), "p1.person@realmail.test") || strings.Contains(string(safe), "p5.person@realmail.test") {
		t.Fatalf("the cases did not apply:\n%s", safe)
	}
	if fs := verifyOK(t, rules, orig, safe); len(fs) > 0 {
		t.Errorf("findings on a copy whose admins' emails a case keeps: %+v", fs)
	}
	planted := regexp.MustCompile(`(?m)^5\tuser\t.*$`).ReplaceAllString(string(safe), `5	user	{"email": "p5.person@realmail.test"}`)
	if !strings.Contains(planted, "p5.person") {
		t.Fatal("the email was not planted")
	}
	fs := verifyOK(t, rules, orig, []byte(planted))
	leaks := findingsOf(fs, "leak")
	if len(leaks) != 1 || leaks[0].Count != 1 || fmt.Sprint(leaks[0].Paths) != "[$.email]" {
		t.Errorf("a non-admin's original email in the copy: %+v, want one leak of one value at $.email", fs)
	}
}

// TestVerifyPathsInvalid: documents that are not valid JSON are what
// on_invalid makes of them. keep: kept whole, so the detectors look at
// them; null: the whole document is a ruled value; error: the run stops
// on the dump, and so does verify, naming the column and not the value.
func TestVerifyPathsInvalid(t *testing.T) {
	orig := docsDump(20, [][2]string{{"prefs", "jsonb"}}, func(i, _ int) string {
		if i%4 == 0 {
			return fmt.Sprintf("not json, written by hand: ask carol%d@realmail.test", i)
		}
		return fmt.Sprintf(`{"email": "user%d.person@realmail.test"}`, i)
	})
	rules := func(onInvalid string) string {
		return prefsRules("\n          \"$.email\": email\n        on_invalid: " + onInvalid)
	}

	// keep: the anonymizer keeps the invalid documents, emails and all.
	safe := anonymize(t, mustRules(t, rules("keep")), orig)
	if !strings.Contains(string(safe), "carol4@realmail.test") || strings.Contains(string(safe), "user1.person") {
		t.Fatalf("on_invalid: keep did not apply:\n%s", safe)
	}
	fs := verifyOK(t, rules("keep"), orig, safe)
	s := findingsOf(fs, "suspect")
	if len(fs) != 1 || len(s) != 1 || s[0].Detector != notJSON+"email" || s[0].Count != 5 || !s[0].Fails ||
		!strings.Contains(s[0].Message, "not valid JSON") {
		t.Errorf("on_invalid keep: want one failing suspect, the 5 invalid documents with an email: %+v", fs)
	}

	// null: the copy has NULL for them; the original document back in the
	// copy is a leak of the column (no path).
	safe = anonymize(t, mustRules(t, rules("null")), orig)
	if strings.Contains(string(safe), "carol") {
		t.Fatalf("on_invalid: null did not apply:\n%s", safe)
	}
	if fs := verifyOK(t, rules("null"), orig, safe); len(fs) > 0 {
		t.Errorf("on_invalid null: findings on the anonymizer's output: %+v", fs)
	}
	orig2 := docsDump(20, [][2]string{{"prefs", "jsonb"}}, func(i, _ int) string {
		if i%4 == 0 {
			return "not json: Carol Ann Smith"
		}
		return fmt.Sprintf(`{"email": "user%d.person@realmail.test"}`, i)
	})
	safe = anonymize(t, mustRules(t, rules("null")), orig2)
	planted := strings.Replace(string(safe), "4\t\\N", "4\tnot json: Carol Ann Smith", 1)
	fs = verifyOK(t, rules("null"), orig2, []byte(planted))
	leaks := findingsOf(fs, "leak")
	if len(leaks) != 1 || leaks[0].Column != "prefs" || leaks[0].Paths != nil || leaks[0].Count != 1 || !leaks[0].Fails {
		t.Errorf("on_invalid null: want one leak of the column (no path), one value: %+v", fs)
	}

	// error: the run stops; so does verify.
	_, err := Verify(mustRules(t, rules("error")), openBytes(orig), "orig.sql", openBytes(safe), "safe.sql", VerifyOptions{})
	if err == nil || !strings.Contains(err.Error(), "orig.sql:") || !strings.Contains(err.Error(), "prefs") ||
		!strings.Contains(err.Error(), "on_invalid") || strings.Contains(err.Error(), "carol") {
		t.Errorf("on_invalid error: want an error naming the dump line, the column and on_invalid, and no value: %v", err)
	}
}

// FuzzVerifyPlantedLeaf: an original leaf of a ruled path planted in the
// copy (as a leaf of a kept json column of another table, spelled as JSON
// spells it; whole in a kept text column; at a path of its own document
// that no rule names; outside table data) is always found and attributed
// to its path, and no finding holds it.
func FuzzVerifyPlantedLeaf(f *testing.F) {
	for _, seed := range []struct {
		v     string
		where uint8
	}{
		{"alice.smith@realmail.test", 0}, {"Jean-Pierre Dupont", 1}, {"+44 20 7946 0958", 2},
		{`O'Neil "the" (second)`, 0}, {"tab\there", 0}, {`back\slash`, 2}, {"<b>&amp; Zoë</b>", 0}, {"José García", 3},
	} {
		f.Add(seed.v, seed.where)
	}
	rs := mustRules(f, `version: 1
tables:
  public.docs:
    columns:
      id: keep
      prefs: {paths: {"$.secret": hash}}
  public.notes:
    columns: {id: keep, body: keep, extra: keep}
`)
	f.Fuzz(func(t *testing.T, value string, where uint8) {
		if !utf8.ValidString(value) || strings.ContainsFunc(value, func(r rune) bool {
			return r == '\n' || r == '\r' || r != '\t' && unicode.IsControl(r) || r == utf8.RuneError || r == '\uFEFF'
		}) {
			return
		}
		n := normalize(nil, []byte(value))
		if len(n) < 6 || len(tokens(n)) > 8 {
			return // too short to be looked for; too many words for the search
		}
		leaf, err := json.Marshal(value)
		if err != nil {
			t.Fatal(err)
		}
		enc := func(s string) string { return string(dumpstream.AppendEncoded(nil, []byte(s))) }
		var orig strings.Builder
		orig.WriteString(pgHeader)
		orig.WriteString("CREATE TABLE public.docs (\n    id integer NOT NULL,\n    prefs jsonb\n);\n\n")
		orig.WriteString("CREATE TABLE public.notes (\n    id integer NOT NULL,\n    body text,\n    extra jsonb\n);\n\n")
		orig.WriteString("COPY public.docs (id, prefs) FROM stdin;\n1\t" + enc(`{"secret": `+string(leaf)+`, "n": 1}`) + "\n2\t{\"secret\": \"other value\"}\n\\.\n\n")
		orig.WriteString("COPY public.notes (id, body, extra) FROM stdin;\n1\tnothing to see\t{\"a\": \"b\"}\n\\.\n\n")
		orig.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
		safe := string(anonymize(t, rs, []byte(orig.String())))
		switch where % 4 {
		case 0: // a leaf of a kept json column of another table
			safe = strings.Replace(safe, "\t{\"a\": \"b\"}\n", "\t"+enc(`{"a": {"b": `+string(leaf)+`}}`)+"\n", 1)
		case 1: // a kept text column, the whole value
			safe = strings.Replace(safe, "1\tnothing to see\t", "1\t"+enc(value)+"\t", 1)
		case 2: // its own document, at a path no rule names
			safe = strings.Replace(safe, `, "n": 1}`, `, "n": `+enc(string(leaf))+`}`, 1)
		case 3: // outside table data, in a comment
			safe = strings.Replace(safe, "CREATE TABLE public.notes", "-- note: "+value+"\nCREATE TABLE public.notes", 1)
		}
		fs, err := Verify(rs, openBytes([]byte(orig.String())), "orig", openBytes([]byte(safe)), "safe", VerifyOptions{FilterBytes: 64 << 10})
		if err != nil {
			t.Fatalf("verify: %v", err)
		}
		found := false
		for _, f := range fs {
			if f.Kind == "leak" && f.Table == "public.docs" && f.Column == "prefs" && fmt.Sprint(f.Paths) == "[$.secret]" {
				found = true
			}
			for _, s := range append([]string{f.Message}, f.FoundIn...) {
				if bytes.Contains([]byte(s), n) && !strings.Contains("public.docs.prefs public.notes.body public.notes.extra $.secret", string(n)) {
					t.Errorf("a finding holds the value: %q", s)
				}
			}
		}
		if !found {
			t.Errorf("planted leaf %q (placement %d) not found: %+v\n%s", value, where%4, fs, safe)
		}
	})
}
