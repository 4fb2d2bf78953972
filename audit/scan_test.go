package audit

import (
	"bytes"
	"flag"
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
		{"id", ""}, {"created_at", ""}, {"status", ""}, {"amount", ""}, {"sku", ""},
	} {
		c := &scanColumn{col: dumpstream.Column{Name: tc.column}, detected: map[string]int{}}
		c.suggest()
		if c.transform != tc.want {
			t.Errorf("column %q: suggestion %q, want %q", tc.column, c.transform, tc.want)
		}
	}
}
