package audit

import (
	"bytes"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/anondump/anondump/dumpstream"
)

// FuzzVerifyPlanted: an original value of a ruled column planted anywhere
// in the anonymized copy (in a kept column of another table, inside free
// text, outside table data) is always found, and no finding holds it.
func FuzzVerifyPlanted(f *testing.F) {
	for _, seed := range []struct {
		v     string
		where uint8
	}{
		{"alice.smith@realmail.test", 0}, {"Jean-Pierre Dupont", 1}, {"+44 20 7946 0958", 2},
		{"FR76 3000 6000 0112 3456 7890 189", 3}, {`O'Neil "the" (second)`, 1}, {"tab\there", 0}, {"back\\slash", 2},
	} {
		f.Add(seed.v, seed.where)
	}
	rs := mustRules(f, `version: 1
tables:
  public.people:
    columns: {id: keep, secret: hash}
  public.notes:
    columns: {id: keep, body: keep}
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
		enc := string(dumpstream.AppendEncoded(nil, []byte(value)))
		var orig strings.Builder
		orig.WriteString(pgHeader)
		orig.WriteString("CREATE TABLE public.people (\n    id integer NOT NULL,\n    secret text\n);\n\n")
		orig.WriteString("CREATE TABLE public.notes (\n    id integer NOT NULL,\n    body text\n);\n\n")
		orig.WriteString("COPY public.people (id, secret) FROM stdin;\n1\t" + enc + "\n2\tother value\n\\.\n\n")
		orig.WriteString("COPY public.notes (id, body) FROM stdin;\n1\tnothing to see\n\\.\n\n")
		orig.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
		safe := string(anonymize(t, rs, []byte(orig.String())))
		switch where % 4 {
		case 0: // a kept column of another table, the whole value
			safe = strings.Replace(safe, "1\tnothing to see\n", "1\t"+enc+"\n", 1)
		case 1: // inside free text
			safe = strings.Replace(safe, "1\tnothing to see\n", "1\tsee "+enc+" here\n", 1)
		case 2: // outside table data, in a comment
			safe = strings.Replace(safe, "CREATE TABLE public.notes", "-- note: "+value+"\nCREATE TABLE public.notes", 1)
		case 3: // a second row of the same table
			safe = strings.Replace(safe, "\\.\n\nCOPY public.notes", "3\t"+enc+"\n\\.\n\nCOPY public.notes", 1)
		}
		fs, err := Verify(rs, openBytes([]byte(orig.String())), "orig", openBytes([]byte(safe)), "safe", VerifyOptions{FilterBytes: 64 << 10})
		if err != nil {
			t.Fatalf("verify: %v", err)
		}
		found := false
		for _, f := range fs {
			if f.Kind == "leak" && f.Table == "public.people" && f.Column == "secret" {
				found = true
			}
			for _, s := range append([]string{f.Message}, f.FoundIn...) {
				if bytes.Contains([]byte(s), n) && !strings.Contains("public.people.secret public.notes.body", string(n)) {
					t.Errorf("a finding holds the value: %q", s)
				}
			}
		}
		if !found {
			t.Errorf("planted value %q (placement %d) not found: %+v", value, where%4, fs)
		}
	})
}
