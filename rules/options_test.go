package rules_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

// TestParseNewOptions checks that mask's keep_first/keep_last,
// regex_replace's pattern/replace and pick_from's values/file reach the
// column rule.
func TestParseNewOptions(t *testing.T) {
	src := `version: 1
tables:
  users:
    columns:
      card: {transform: mask, keep_first: 2, keep_last: 4, char: "#"}
      phone: {transform: regex_replace, pattern: '(\+\d\d) \d+', replace: '$1 \d\d\d'}
      city: {transform: pick_from, values: [Paris, "Saint-Étienne", "42"]}
      town: {transform: pick_from, file: cities.txt}
`
	rs, err := rules.Parse([]byte(src), filepath.Join("testdata", "pick", "anon.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cs := rs.Tables[0].Columns
	if c := cs[0]; c.KeepFirst != 2 || c.KeepLast != 4 || c.Char != "#" {
		t.Errorf("mask: keep_first=%d keep_last=%d char=%q", c.KeepFirst, c.KeepLast, c.Char)
	}
	if c := cs[1]; c.Pattern != `(\+\d\d) \d+` || c.Replace != `$1 \d\d\d` {
		t.Errorf("regex_replace: pattern=%q replace=%q", c.Pattern, c.Replace)
	}
	if c := cs[2]; !slices.Equal(c.Values, []string{"Paris", "Saint-Étienne", "42"}) {
		t.Errorf("pick_from values = %q", c.Values)
	}
	// The file is read relative to the rules file; empty lines are
	// skipped and \r\n is a line end.
	if c := cs[3]; !slices.Equal(c.Values, []string{"Lyon", "Lille", "Nantes"}) || c.ValuesFile != "cities.txt" {
		t.Errorf("pick_from file: values = %q, file %q", c.Values, c.ValuesFile)
	}
}

// TestPlanNewOptions checks that the options reach the transformers: a
// rewritten row shows each one's effect.
func TestPlanNewOptions(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "v.txt"), []byte("only\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	src := `version: 1
tables:
  users:
    columns:
      a: {transform: mask, keep_first: 1, keep_last: 2}
      b: {transform: email_mask}
      c: {transform: regex_replace, pattern: '\d', replace: 'N'}
      d: {transform: pick_from, values: [x]}
      e: {transform: pick_from, file: v.txt}
`
	rs, err := rules.Parse([]byte(src), filepath.Join(dir, "anon.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dump := "--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE public.users (\n    a text,\n    b text,\n    c text,\n    d text,\n    e text\n);\n\n" +
		"COPY public.users (a, b, c, d, e) FROM stdin;\nabcdef\tjohn@acme.com\ta1b2\tq\tq\n\\.\n\n--\n-- PostgreSQL database dump complete\n--\n"
	var out bytes.Buffer
	if _, err := dumpstream.Rewrite(&out, strings.NewReader(dump), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{}); err != nil {
		t.Fatal(err)
	}
	if want := "a***ef\tj***@acme.com\taNbN\tx\tonly\n"; !strings.Contains(out.String(), want) {
		t.Errorf("output %q, want the row %q", out.String(), want)
	}
}
