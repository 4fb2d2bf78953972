package audit

import (
	"bytes"
	"flag"
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

var update = flag.Bool("update", false, "update the golden files")

// TestScanGolden scans realistic dumps (testdata/scan/*.sql, made by
// pg_dump from the *.schema.sql beside them) and compares the suggested
// rules with *.golden.yaml; -update rewrites them. Each result must also
// load, pass Check with no problem, and anonymize its dump so that no
// original value of a suggested column survives (Verify).
func TestScanGolden(t *testing.T) {
	dumps, _ := filepath.Glob("testdata/scan/*.sql")
	var n int
	for _, dump := range dumps {
		if strings.HasSuffix(dump, ".schema.sql") {
			continue
		}
		n++
		t.Run(filepath.Base(dump), func(t *testing.T) {
			in, err := os.ReadFile(dump)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Scan(bytes.NewReader(in), filepath.Base(dump), ScanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := res.WriteYAML(&got); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(dump, ".sql") + ".golden.yaml"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("scan output differs from %s (run with -update after checking):\n%s", golden, got.String())
			}

			rs, err := rules.Parse(got.Bytes(), "scan.yaml")
			if err != nil {
				t.Fatalf("the suggested rules do not load: %v", err)
			}
			problems, err := Check(rs, bytes.NewReader(in), "dump.sql", CheckOptions{})
			if err != nil || len(problems) > 0 {
				t.Fatalf("check of the suggested rules: %v %+v", err, problems)
			}
			var safe bytes.Buffer
			if _, err := dumpstream.Rewrite(&safe, bytes.NewReader(in), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{}); err != nil {
				t.Fatalf("anonymizing with the suggested rules: %v", err)
			}
			open := func(b []byte) Opener {
				return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
			}
			findings, err := Verify(rs, open(in), "orig", open(safe.Bytes()), "safe", VerifyOptions{})
			if err != nil || len(findings) > 0 {
				t.Fatalf("verify of the copy made with the suggested rules: %v %+v", err, findings)
			}
		})
	}
	if n < 2 {
		t.Fatalf("found %d scan test dumps, want at least 2", n)
	}
}

func TestScanNames(t *testing.T) {
	for _, tc := range []struct{ column, want string }{
		{"email", "email"}, {"eMail", "email"}, {"E-Mail-Adresse", "email"}, {"courriel", "email"}, {"correo", "email"},
		{"phone_number", "phone"}, {"telefono", "phone"}, {"Handy", "phone"}, {"portable", "phone"},
		{"Prénom", "first_name"}, {"vorname", "first_name"}, {"nombre", "first_name"},
		{"nachname", "last_name"}, {"apellidos", "last_name"}, {"nom", "last_name"},
		{"Full Name", "full_name"}, {"strasse", "street_address"}, {"Straße", "street_address"}, {"ship_to", "street_address"},
		{"remote_addr", "ipv4"}, {"plz", "postcode"}, {"codigo_postal", "postcode"}, {"geburtsdatum", "date_of_birth"},
		{"mot_de_passe", "const"}, {"api_key", "hash"}, {"passeport", "hash"}, {"notiz", "lorem"},
		{"district", "city"}, {"Département", "city"}, {"Bundesland", "city"}, {"provincia", "city"}, {"county", "city"},
		{"billing_state", "city"}, {"avatar", "set_null"},
		{"id", ""}, {"created_at", ""}, {"status", ""}, {"amount", ""}, {"sku", ""},
	} {
		c := &scanColumn{col: dumpstream.Column{Name: tc.column}, detected: map[string]int{}}
		c.suggest()
		if c.transform != tc.want {
			t.Errorf("column %q: suggestion %q, want %q", tc.column, c.transform, tc.want)
		}
	}
}

// TestScanNegativeSample: a negative sample size is refused (bug 13).
func TestScanNegativeSample(t *testing.T) {
	if _, err := Scan(strings.NewReader(pgHeader), "dump.sql", ScanOptions{Sample: -5}); err == nil {
		t.Fatal("Scan accepted a sample size of -5")
	}
}

// TestScanContent is the regression test for bugs 10 and 11 on scan's
// side: personal data inside JSON documents (a NOT NULL jsonb column was
// kept with "no transformer writes this type"), address components named
// in several languages, and people's names in a column whose name says
// nothing. The suggestions must compile and anonymize the dump.
func TestScanContent(t *testing.T) {
	var b strings.Builder
	b.WriteString(pgHeader)
	b.WriteString(`CREATE TABLE public.orders (
    id integer NOT NULL,
    profile jsonb NOT NULL,
    extra jsonb,
    byuser jsonb NOT NULL,
    meta jsonb NOT NULL,
    district character varying(20) NOT NULL,
    bundesland text,
    state text,
    city text,
    contact text,
    status text
);

CREATE TABLE public.genres (
    id integer NOT NULL,
    name text NOT NULL
);

`)
	b.WriteString("COPY public.orders (id, profile, extra, byuser, meta, district, bundesland, state, city, contact, status) FROM stdin;\n")
	people := []string{"Marie Dupont", "Jürgen Schmidt", "Carmen López", "James Smith", "Sophie Martin", "Hans Weber"}
	for i := range 60 {
		fmt.Fprintf(&b, "%d\t{\"customer\": {\"mail\": \"user%d@realmail.test\"}}\t{\"telefon\": \"+49 30 1234%04d\"}\t{\"u%d\": {\"mail\": \"buyer%d@realmail.test\"}}\t{\"sku\": \"A-%d\", \"qty\": 2}\tNorth\tBayern\tCA\tParis\t%s\tpaid\n",
			i, i, i, i, i, i, people[i%len(people)])
	}
	b.WriteString("\\.\n\nCOPY public.genres (id, name) FROM stdin;\n1\tAction\n2\tComedy\n3\tDrama\n4\tHorror\n5\tSci-Fi\n6\tDocumentary\n\\.\n\n")
	b.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
	dump := []byte(b.String())
	res, err := Scan(bytes.NewReader(dump), "dump.sql", ScanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var y bytes.Buffer
	if err := res.WriteYAML(&y); err != nil {
		t.Fatal(err)
	}
	out := y.String()
	if testing.Verbose() {
		t.Log(out)
	}
	for _, want := range []string{
		`profile: {paths: {"$.customer.mail": email}}`, // jsonb with emails at a stable path
		`extra: {paths: {"$.telefon": phone}}`,         // a personal key name at a stable path
		// Ids as keys: no stable path, the whole document goes.
		`byuser: {transform: const, value: '{}'}`, "$.u0.mail",
		"meta: keep",
		"district: ", "bundesland: city", "state: city", // address components
		"contact: full_name", "status: keep",
		"name: keep", // genres.name: things, not people
	} {
		if !strings.Contains(out, want) {
			t.Errorf("scan output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "district: keep") || strings.Contains(out, "@realmail") || strings.Contains(out, "Dupont") {
		t.Errorf("district kept, or a value in the output:\n%s", out)
	}
	rs, err := rules.Parse(y.Bytes(), "scan.yaml")
	if err != nil {
		t.Fatalf("the suggested rules do not load: %v\n%s", err, out)
	}
	var safe bytes.Buffer
	if _, err := dumpstream.Rewrite(&safe, bytes.NewReader(dump), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{}); err != nil {
		t.Fatalf("anonymizing with the suggested rules: %v", err)
	}
	if bytes.Contains(safe.Bytes(), []byte("@realmail")) || bytes.Contains(safe.Bytes(), []byte("Dupont")) {
		t.Error("personal data survives the suggested rules")
	}
}

func TestPersonName(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want bool
	}{
		{"Marie Dupont", true}, {"JÜRGEN SCHMIDT", true}, {"Penelope", true}, {"R.A. Smith", true},
		{"Angus Young, Malcolm Young & Brian Johnson", true},
		{"Action", false}, {"paid", false}, {"Balls to the Wall", false}, {"Widget 3000", false}, {"AC/DC", false},
	} {
		if got := personNames([]byte(tc.v)); got != tc.want {
			t.Errorf("personNames(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

// TestScanInserts: the values of INSERT statements are sampled as COPY
// rows are: pg_dump 15's --column-inserts and --rows-per-insert dumps of
// a database (testdata/dumps) give every column the suggestion, and the
// sample size, of its COPY dump.
func TestScanInserts(t *testing.T) {
	scan := func(f string) map[string]string {
		t.Helper()
		in, err := os.ReadFile("../testdata/dumps/" + f + ".sql")
		if err != nil {
			t.Fatal(err)
		}
		res, err := Scan(bytes.NewReader(in), f, ScanOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, st := range res.Tables {
			for _, c := range st.cols {
				c.fit()
				got[st.table.QualifiedName()+"."+c.col.Name] = fmt.Sprintf("%s (%d sampled)", c.rule(), c.sampled)
			}
		}
		return got
	}
	want := scan("full")
	sampled := 0
	for _, v := range want {
		if !strings.HasSuffix(v, " (0 sampled)") {
			sampled++
		}
	}
	if sampled < 20 {
		t.Fatalf("the COPY dump has values in only %d columns: %v", sampled, want)
	}
	for _, f := range []string{"column_inserts", "rows_per_insert"} {
		got := scan(f)
		for k, v := range want {
			if f == "rows_per_insert" && strings.HasPrefix(k, "public.child.") {
				continue // INSERTs without a column list into an inheriting table are not read
			}
			if _, ok := got[k]; !ok && strings.HasSuffix(v, " (0 sampled)") {
				continue // an empty table has no INSERT to name it
			}
			if got[k] != v {
				t.Errorf("%s: %s: %q, want (COPY) %q", f, k, got[k], v)
			}
		}
	}
}
