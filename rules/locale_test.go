package rules_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const localeRules = `version: 1
locale: de_DE
tables:
  public.users:
    locale: fr_FR
    columns:
      name: full_name
      city: {transform: city, locale: it_IT}
      phone:
        - {when: "id = 1", transform: phone, locale: nl_NL}
        - phone
      prefs:
        paths:
          "$.city": city
          "$.tel": {transform: phone, locale: es_ES}
  public.orders:
    columns:
      name: full_name
`

// TestLocalePrecedence: a rule's locale is its own, else its table's,
// else the file's; cases and paths rules included.
func TestLocalePrecedence(t *testing.T) {
	rs := mustParse(t, localeRules)
	want := map[string][]string{
		"public.users.name":  {"fr_FR"},
		"public.users.city":  {"it_IT"},
		"public.users.phone": {"nl_NL", "fr_FR"},
		"public.users.prefs": {"fr_FR", "es_ES"},
		"public.orders.name": {"de_DE"},
	}
	for _, tr := range rs.Tables {
		for _, c := range tr.Columns {
			key := tr.Schema + "." + tr.Name + "." + c.Column
			var got []string
			for _, r := range c.Rules() {
				got = append(got, r.Locale)
			}
			if fmt.Sprint(got) != fmt.Sprint(want[key]) {
				t.Errorf("%s: locales %v, want %v", key, got, want[key])
			}
		}
	}
}

// TestLocalePlan: the plan writes what the transformer writes in the
// rule's locale under the same key and domain.
func TestLocalePlan(t *testing.T) {
	key := fakers.NewKey([]byte("k"))
	p := rules.NewPlan(mustParse(t, localeRules), key)
	p.Strict = false
	tbl := &dumpstream.Table{Schema: "public", Name: "orders", Typed: true, Encoding: "UTF8",
		Columns: []dumpstream.Column{col("name", "text")}}
	plan, err := p.Table(tbl)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := fakers.Lookup("full_name")
	for _, loc := range []string{"de_DE", "en_US"} {
		f, err := d.New(fakers.Params{PRF: key.Domain("full_name"), Locale: loc, Target: fakers.Target{Class: fakers.ClassText, Type: "text"}})
		if err != nil {
			t.Fatal(err)
		}
		same := 0
		for i := 0; i < 200; i++ {
			in := []byte(fmt.Sprint("person ", i))
			got, _ := rewrite(t, plan, 0, in, false)
			want, _ := f.Append(nil, in)
			if bytes.Equal(got, want) {
				same++
			}
		}
		if loc == "de_DE" && same != 200 || loc == "en_US" && same > 20 {
			t.Errorf("%d of 200 values equal to %s's", same, loc)
		}
	}
}

// TestLocaleErrors: an unknown locale, at each level, and a locale on a
// transformer without one, are rules errors with their position.
func TestLocaleErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"version: 1\nlocale: fr_CA\ntables: {}\n", `anon.yaml:2:9: unknown locale "fr_CA"; the locales are: en_US, en_GB, fr_FR, de_DE, es_ES, it_IT, nl_NL (did you mean "fr_FR"?)`},
		{"version: 1\ntables:\n  t:\n    locale: [fr_FR]\n    columns: {a: city}\n", "anon.yaml:4:13: public.t: locale must be one of: en_US"},
		{"version: 1\ntables:\n  t:\n    columns:\n      a: {transform: city, locale: de}\n", `anon.yaml:5:36: public.t.a: unknown locale "de"`},
		{"version: 1\ntables:\n  t:\n    columns:\n      a: {transform: const, value: x, locale: de_DE}\n", "anon.yaml:5:47: public.t.a: locale has no effect on const"},
		{"version: 1\ntables:\n  t:\n    columns:\n      a: {transform: job_title, locale: de_DE}\n", "locale has no effect on job_title"},
	} {
		_, err := rules.Parse([]byte(tc.src), "anon.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error:\n%v\nwant it to contain:\n%s", tc.src, err, tc.want)
		}
	}
}

// TestLocaleEncodingStream: in a dump whose client_encoding is not UTF-8
// the locale's letters lose their diacritics; in UTF-8 they keep them.
func TestLocaleEncodingStream(t *testing.T) {
	var rows strings.Builder
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&rows, "%d\tperson %d\n", i, i)
	}
	rs := mustParse(t, "version: 1\nlocale: fr_FR\ntables:\n  users:\n    columns:\n      id: keep\n      name: full_name\n")
	for _, enc := range []string{"UTF8", "LATIN1", "WIN1252"} {
		sql := strings.Replace(streamHeader, "'UTF8'", "'"+enc+"'", 1) +
			"CREATE TABLE public.users (id integer, name text);\nCOPY public.users (id, name) FROM stdin;\n" + rows.String() + "\\.\n" + streamTrailer
		var out bytes.Buffer
		if _, err := dumpstream.Rewrite(&out, strings.NewReader(sql), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{}); err != nil {
			t.Fatal(err)
		}
		ascii := true
		for _, c := range out.Bytes() {
			ascii = ascii && c < utf8.RuneSelf
		}
		if want := enc != "UTF8"; ascii != want {
			t.Errorf("client_encoding %s: output all ASCII = %v, want %v", enc, ascii, want)
		}
	}
}

// TestEmptyTemplate: an empty template is a rules error, not a crash.
func TestEmptyTemplate(t *testing.T) {
	_, err := rules.Parse([]byte("version: 1\ntables:\n  t:\n    columns:\n      a: {template: \"\"}\n"), "anon.yaml")
	if err == nil || !strings.Contains(err.Error(), "anon.yaml:5:21: public.t.a: template must not be empty") {
		t.Errorf("Parse error = %v", err)
	}
}
