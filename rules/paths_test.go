package rules_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const pathsDump = streamHeader + `CREATE TABLE public.users (id integer NOT NULL, email text);
CREATE TABLE public.profiles (id integer NOT NULL, prefs jsonb, raw json NOT NULL, docs jsonb[]);

COPY public.users (id, email) FROM stdin;
1	ann@mail.test
\.

COPY public.profiles (id, prefs, raw) FROM stdin;
1	{"email": "ann@mail.test", "n": 1.50, "contacts": [{"phone": "+44 20 7946 0000", "kind": "home"}], "ok": true, "z": null}	{ "email" :"ann@mail.test",  "keep": "x\\u0041" , "age": 42 }
2	\N	{}
\.
` + streamTrailer

const pathsRules = `version: 1
tables:
  users:
    columns:
      id: keep
      email: {transform: email, domain: user_email}
  profiles:
    columns:
      id: keep
      prefs:
        paths:
          "$.email": {transform: email, domain: user_email}
          "$.contacts[*].phone": phone
      raw:
        paths:
          "$.email": {transform: email, domain: user_email}
`

func runPaths(t *testing.T, dump, src string, workers int) (string, error) {
	t.Helper()
	var out bytes.Buffer
	_, err := dumpstream.Rewrite(&out, strings.NewReader(dump), rules.NewPlan(mustParse(t, src), fakers.NewKey([]byte("paths"))), dumpstream.Options{Workers: workers})
	return out.String(), err
}

// tableRows returns the COPY rows of the table in out.
func tableRows(t *testing.T, out, table string) [][]string {
	t.Helper()
	_, data, ok := strings.Cut(out, "COPY "+table+" ")
	if !ok {
		t.Fatalf("no COPY %s in output:\n%s", table, out)
	}
	_, data, _ = strings.Cut(data, "FROM stdin;\n")
	data, _, _ = strings.Cut(data, "\\.\n")
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(data, "\n"), "\n") {
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}

// TestPathsRewrite: the named leaves change, as the users table's email
// under the same domain; structure, key order, numbers, booleans, nulls,
// spacing and unrelated strings (escapes and all) are kept byte for byte.
func TestPathsRewrite(t *testing.T) {
	for _, workers := range []int{1, 3} {
		out, err := runPaths(t, pathsDump, pathsRules, workers)
		if err != nil {
			t.Fatal(err)
		}
		fakeEmail := tableRows(t, out, "public.users")[0][1]
		if fakeEmail == "ann@mail.test" {
			t.Fatal("users.email was not rewritten")
		}
		rows := tableRows(t, out, "public.profiles")
		var doc map[string]any
		if err := json.Unmarshal([]byte(rows[0][1]), &doc); err != nil {
			t.Fatalf("prefs is not JSON: %v", err)
		}
		phone := doc["contacts"].([]any)[0].(map[string]any)["phone"].(string)
		if phone == "+44 20 7946 0000" {
			t.Error("phone kept")
		}
		wantPrefs := `{"email": "` + fakeEmail + `", "n": 1.50, "contacts": [{"phone": "` + phone + `", "kind": "home"}], "ok": true, "z": null}`
		if rows[0][1] != wantPrefs {
			t.Errorf("workers %d prefs\n got %s\nwant %s", workers, rows[0][1], wantPrefs)
		}
		wantRaw := `{ "email" :"` + fakeEmail + `",  "keep": "x\\u0041" , "age": 42 }`
		if rows[0][2] != wantRaw {
			t.Errorf("workers %d raw\n got %s\nwant %s", workers, rows[0][2], wantRaw)
		}
		if rows[1][1] != `\N` || rows[1][2] != "{}" {
			t.Errorf("row 2 = %q", rows[1])
		}
	}
}

// TestPathsDeterministic: two runs under one key agree, and a document's
// leaf gets what a scalar column of the same domain gets.
func TestPathsDeterministic(t *testing.T) {
	a, err := runPaths(t, pathsDump, pathsRules, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := runPaths(t, pathsDump, pathsRules, 2)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("two runs differ")
	}
	def, _ := fakers.Lookup("email")
	fn, err := def.New(fakers.Params{PRF: fakers.NewKey([]byte("paths")).Domain("user_email"), Target: fakers.Target{Class: fakers.ClassText, Type: "text"}})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := fn.Append(nil, []byte("ann@mail.test"))
	if !strings.Contains(tableRows(t, a, "public.profiles")[0][1], `"email": "`+string(want)+`"`) {
		t.Errorf("the document's email is not the scalar transformer's %s", want)
	}
}

const arrayDump = streamHeader + `CREATE TABLE public.profiles (id integer NOT NULL, docs jsonb[]);

COPY public.profiles (id, docs) FROM stdin;
1	{"{\\"email\\": \\"a@mail.test\\", \\"n\\": 1}",NULL,"{\\"email\\": \\"b@mail.test\\"}"}
\.
` + streamTrailer

// TestPathsArray: each element of a jsonb[] is a document; NULL elements
// stay NULL.
func TestPathsArray(t *testing.T) {
	out, err := runPaths(t, arrayDump, `version: 1
tables:
  profiles:
    columns:
      id: keep
      docs: {paths: {"$.email": email}}
`, 1)
	if err != nil {
		t.Fatal(err)
	}
	got := tableRows(t, out, "public.profiles")[0][1]
	if strings.Contains(got, "mail.test") || !strings.Contains(got, `\\"n\\": 1}",NULL,"{\\"email\\": \\"`) {
		t.Errorf("docs = %s", got)
	}
	// An invalid element: an error, or NULL with on_invalid: null.
	bad := strings.Replace(arrayDump, `\\"n\\": 1}"`, `\\"n\\": 1"`, 1)
	rule := "version: 1\ntables:\n  profiles:\n    columns:\n      id: keep\n      docs: {paths: {\"$.email\": email}%s}\n"
	if _, err := runPaths(t, bad, fmt.Sprintf(rule, ""), 1); err == nil || !strings.Contains(err.Error(), "not valid JSON") || strings.Contains(err.Error(), "mail.test") {
		t.Errorf("invalid element: %v", err)
	}
	out, err = runPaths(t, bad, fmt.Sprintf(rule, ", on_invalid: null"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := tableRows(t, out, "public.profiles")[0][1]; !strings.HasPrefix(got, "{NULL,NULL,") || strings.Contains(got, "mail.test") {
		t.Errorf("on_invalid: null, docs = %s", got)
	}
}

const invalidDump = streamHeader + `CREATE TABLE public.profiles (id integer NOT NULL, prefs jsonb, raw json NOT NULL);

COPY public.profiles (id, prefs, raw) FROM stdin;
1	{"email": "secret@mail.test"	{"email": "secret@mail.test"
\.
` + streamTrailer

// TestPathsOnInvalid: invalid JSON is an error naming the table, column
// and line, never the value; null writes NULL, keep passes it; null on
// a NOT NULL column is refused.
func TestPathsOnInvalid(t *testing.T) {
	rule := func(mode string) string {
		s := "version: 1\ntables:\n  profiles:\n    columns:\n      id: keep\n      raw: keep\n      prefs:\n        paths: {\"$.email\": email}\n"
		if mode != "" {
			s += "        on_invalid: " + mode + "\n"
		}
		return s
	}
	_, err := runPaths(t, invalidDump, rule(""), 1)
	var de *dumpstream.Error
	if !errors.As(err, &de) || de.Line != 11 || de.Column != "prefs" || de.Table != "public.profiles" {
		t.Fatalf("error = %v", err)
	}
	if msg := err.Error(); strings.Contains(msg, "secret") || !strings.Contains(msg, "not valid JSON") || !strings.Contains(msg, "at byte 28") {
		t.Errorf("error = %s", msg)
	}
	out, err := runPaths(t, invalidDump, rule("null"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := tableRows(t, out, "public.profiles")[0][1]; got != `\N` {
		t.Errorf("null: prefs = %s", got)
	}
	out, err = runPaths(t, invalidDump, rule("keep"), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := tableRows(t, out, "public.profiles")[0][1]; got != `{"email": "secret@mail.test"` {
		t.Errorf("keep: prefs = %s", got)
	}
	_, err = runPaths(t, invalidDump, `version: 1
tables:
  profiles:
    columns:
      id: keep
      prefs: keep
      raw: {paths: {"$.email": email}, on_invalid: null}
`, 1)
	if err == nil || !strings.Contains(err.Error(), "on_invalid: null cannot write into raw, which is NOT NULL") || !strings.Contains(err.Error(), "anon.yaml:7:") {
		t.Errorf("NOT NULL error = %v", err)
	}
}

// TestPathsNumbers: a number leaf takes a rule that writes numbers and
// stays a number; a rule that writes text on a number leaf stops the run
// naming the path, not the value.
func TestPathsNumbers(t *testing.T) {
	dump := streamHeader + `CREATE TABLE public.p (id integer NOT NULL, prefs jsonb);

COPY public.p (id, prefs) FROM stdin;
1	{"age": 42, "email": 7}
\.
` + streamTrailer
	out, err := runPaths(t, dump, `version: 1
tables:
  p:
    columns:
      id: keep
      prefs: {paths: {"$.age": {transform: const, value: "0"}}}
`, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := tableRows(t, out, "public.p")[0][1]; got != `{"age": 0, "email": 7}` {
		t.Errorf("prefs = %s", got)
	}
	_, err = runPaths(t, dump, `version: 1
tables:
  p:
    columns:
      id: keep
      prefs: {paths: {"$.email": email}}
`, 1)
	if err == nil || !strings.Contains(err.Error(), "path $.email") || !strings.Contains(err.Error(), "matched a number") || strings.Contains(err.Error(), ": 7") {
		t.Errorf("error = %v", err)
	}
}

// TestPathsRulesErrors: bad paths, bad options and paths on a non-json
// column are rules errors at their positions.
func TestPathsRulesErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"      prefs: {paths: {\"$.a[\": email}}\n", `anon.yaml:6:23: public.profiles.prefs: paths: json path "$.a["`},
		{"      prefs: {paths: {\"$.a\": email, \"$[\\\"a\\\"]\": phone}}\n", `anon.yaml:6:37: public.profiles.prefs: paths: json path`},
		{"      prefs: {paths: {\"$.a\": emial}}\n", `unknown transformer "emial"`},
		{"      prefs: {paths: {\"$.a\": email}, on_invalid: maybe}\n", `anon.yaml:6:50: public.profiles.prefs: on_invalid must be`},
		{"      prefs: {paths: {}}\n", `paths must be a mapping`},
		{"      prefs: {paths: {\"$.a\": {paths: {\"$.b\": email}}}}\n", `paths: cannot nest`},
	} {
		_, err := rules.Parse([]byte("version: 1\ntables:\n  profiles:\n    columns:\n      id: keep\n"+tc.src), "anon.yaml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error = %v, want %s", tc.src, err, tc.want)
		}
	}
	_, err := runPaths(t, pathsDump, `version: 1
tables:
  users:
    columns:
      id: keep
      email: {paths: {"$.a": email}}
  profiles: {keep: true}
`, 1)
	if err == nil || !strings.Contains(err.Error(), "anon.yaml:6:7:") || !strings.Contains(err.Error(), "email is text") {
		t.Errorf("non-json column: %v", err)
	}
}

// TestPathsCasesAndTemplates: a path's rule may be a list of cases,
// judged on the row's original values, or a template of the row's
// columns; keep keeps a leaf.
func TestPathsCasesAndTemplates(t *testing.T) {
	dump := streamHeader + `CREATE TABLE public.p (id integer NOT NULL, role text, prefs jsonb);

COPY public.p (id, role, prefs) FROM stdin;
1	admin	{"email": "a@mail.test", "tag": "t1", "city": "Paris"}
2	user	{"email": "b@mail.test", "tag": "t2", "city": "Lyon"}
\.
` + streamTrailer
	out, err := runPaths(t, dump, `version: 1
tables:
  p:
    columns:
      id: keep
      role: keep
      prefs:
        paths:
          "$.email":
            - {when: "role = 'admin'", keep: true}
            - {template: "user-{{.id}}@example.invalid"}
          "$.city": keep
          "$.*": set_null
`, 2)
	if err != nil {
		t.Fatal(err)
	}
	rows := tableRows(t, out, "public.p")
	if got, want := rows[0][2], `{"email": "a@mail.test", "tag": null, "city": "Paris"}`; got != want {
		t.Errorf("row 1 = %s, want %s", got, want)
	}
	if got, want := rows[1][2], `{"email": "user-2@example.invalid", "tag": null, "city": "Lyon"}`; got != want {
		t.Errorf("row 2 = %s, want %s", got, want)
	}
}
