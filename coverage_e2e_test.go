package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestE2ESchemaDrift: a migration adds a personal column after the rules
// were written. The next run must stop before the table's first row, say
// which column, and give the YAML to add; with -o nothing is written. With
// the snippet added, the run succeeds again.
func TestE2ESchemaDrift(t *testing.T) {
	p := requirePG(t)
	db := p.loadedDB(t, e2eSchema)
	p.run(t, strings.NewReader(`ALTER TABLE users ADD COLUMN phone_2 text;
UPDATE users SET phone_2 = '+44 7700 ' || lpad(id::text, 6, '0');`), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db)
	dump := p.pgDump(t, db)

	dir := t.TempDir()
	in, out := filepath.Join(dir, "in.sql"), filepath.Join(dir, "safe.sql")
	if err := os.WriteFile(in, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	r := anondump(t, e2eKey, nil, "-q", "-c", e2eRules, "-o", out, in)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2; stderr:\n%s", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s exists after the failed run", out)
	}
	stderr := string(r.stderr)
	for _, want := range []string{
		"table public.users: strict mode: 1 column(s) have no rule: phone_2",
		"\n  public.users:\n    columns:\n      phone_2: keep\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "+44 7700") || strings.Contains(stderr, "@realmail") {
		t.Errorf("stderr holds a dump value:\n%s", stderr)
	}

	// The user adds a rule for the new column, as the message suggests.
	rules, err := os.ReadFile(e2eRules)
	if err != nil {
		t.Fatal(err)
	}
	fixed := bytes.Replace(rules, []byte("      phone: phone\n"), []byte("      phone: phone\n      phone_2: phone\n"), 1)
	if bytes.Equal(fixed, rules) {
		t.Fatal("could not add the rule for phone_2 to the e2e rules")
	}
	fixedPath := filepath.Join(dir, "anon.yaml")
	if err := os.WriteFile(fixedPath, fixed, 0o600); err != nil {
		t.Fatal(err)
	}
	safe := mustAnonymize(t, e2eKey, fixedPath, dump)
	if bytes.Contains(safe, []byte("+44 7700 000042")) {
		t.Error("a phone_2 value survived")
	}
	restored := p.restore(t, safe)
	if n := p.count(t, restored, "SELECT count(*) FROM users WHERE phone_2 LIKE '+44 7700 %'"); n != 0 {
		t.Errorf("%d restored rows keep their original phone_2", n)
	}
}

// TestE2EVerify: verify finds nothing in a copy made with the full rules,
// and reports the leaks of a deliberately incomplete config run with
// --no-strict.
func TestE2EVerify(t *testing.T) {
	p := requirePG(t)
	dump := p.pgDump(t, p.loadedDB(t, e2eSchema))
	dir := t.TempDir()
	orig, safe := filepath.Join(dir, "orig.sql"), filepath.Join(dir, "safe.sql")
	if err := os.WriteFile(orig, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(safe, mustAnonymize(t, e2eKey, e2eRules, dump), 0o600); err != nil {
		t.Fatal(err)
	}
	r := anondump(t, e2eKey, nil, "verify", orig, safe, "-c", e2eRules)
	if r.code != 0 || !bytes.Contains(r.stdout, []byte(": ok: ")) {
		t.Fatalf("verify of a good copy: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// Without the rules for orders.email and users.phone, and strict
	// coverage off, the copy leaks: verify must say where.
	rules, err := os.ReadFile(e2eRules)
	if err != nil {
		t.Fatal(err)
	}
	incomplete := strings.Replace(string(rules), "      email: email\n", "", 1)
	incomplete = strings.Replace(incomplete, "      phone: phone\n", "", 1)
	incomplete = strings.Replace(incomplete, "version: 1\n", "version: 1\nstrict: false\n", 1)
	if incomplete == string(rules) {
		t.Fatal("could not remove rules from the e2e rules")
	}
	badRules, badSafe := filepath.Join(dir, "incomplete.yaml"), filepath.Join(dir, "leaky.sql")
	if err := os.WriteFile(badRules, []byte(incomplete), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := anondump(t, e2eKey, nil, "-q", "-c", badRules, "-o", badSafe, orig); r.code != 0 {
		t.Fatalf("anonymize with --no-strict rules: exit %d\n%s", r.code, r.stderr)
	}
	r = anondump(t, e2eKey, nil, "verify", "--format", "json", orig, badSafe, "-c", badRules)
	if r.code != 1 {
		t.Fatalf("verify of a leaky copy: exit %d, want 1\n%s", r.code, r.stderr)
	}
	out := string(r.stdout)
	for _, want := range []string{
		`"kind": "leak"`, `"table": "public.users"`, `"column": "email"`, `"count": 2000`, `"public.orders.email"`,
		`"kind": "suspect"`, `"column": "phone"`, `"detector": "phone"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("verify output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "@realmail") {
		t.Error("verify output holds a dump value")
	}
}

// TestE2EScan: rules written by scan, as they come, anonymize the test
// database; the result restores with ON_ERROR_STOP and verify finds no
// leak.
func TestE2EScan(t *testing.T) {
	p := requirePG(t)
	dump := p.pgDump(t, p.loadedDB(t, e2eSchema))
	dir := t.TempDir()
	orig, rules, safe := filepath.Join(dir, "orig.sql"), filepath.Join(dir, "scan.yaml"), filepath.Join(dir, "safe.sql")
	if err := os.WriteFile(orig, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	r := anondump(t, e2eKey, nil, "scan", orig)
	if r.code != 0 {
		t.Fatalf("scan: exit %d\n%s", r.code, r.stderr)
	}
	if bytes.Contains(r.stdout, []byte("@realmail")) {
		t.Fatal("scan output holds a dump value")
	}
	if err := os.WriteFile(rules, r.stdout, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := anondump(t, e2eKey, nil, "check", "-c", rules, orig); r.code != 0 {
		t.Fatalf("check of the scanned rules: exit %d\n%s", r.code, r.stdout)
	}
	if r := anondump(t, e2eKey, nil, "-q", "-c", rules, "-o", safe, orig); r.code != 0 {
		t.Fatalf("anonymize with the scanned rules: exit %d\n%s", r.code, r.stderr)
	}
	out, err := os.ReadFile(safe)
	if err != nil {
		t.Fatal(err)
	}
	restored := p.restore(t, out)
	if n := p.count(t, restored, "SELECT count(*) FROM users"); n != 2000 {
		t.Errorf("restored users: %d rows, want 2000", n)
	}
	if n := p.count(t, restored, "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id WHERE o.email <> u.email"); n != 0 {
		t.Errorf("%d orders lost their user's (fake) email", n)
	}
	if r := anondump(t, e2eKey, nil, "verify", orig, safe, "-c", rules); r.code != 0 {
		t.Fatalf("verify: exit %d\n%s", r.code, r.stdout)
	}
}

// TestE2EWhere: a where: condition drops rows on the way; the result
// restores, holds exactly the rows the condition selects, and verifies.
func TestE2EWhere(t *testing.T) {
	p := requirePG(t)
	src := p.loadedDB(t, e2eSchema)
	dump := p.pgDump(t, src)
	rules, err := os.ReadFile(e2eRules)
	if err != nil {
		t.Fatal(err)
	}
	filtered := strings.Replace(string(rules), "  public.events:", "  public.events:\n    where: \"kind <> 'click' AND id > 10\"", 1)
	if filtered == string(rules) {
		t.Fatal("could not add a where: to the e2e rules")
	}
	dir := t.TempDir()
	path, orig, safe := filepath.Join(dir, "anon.yaml"), filepath.Join(dir, "orig.sql"), filepath.Join(dir, "safe.sql")
	for f, b := range map[string][]byte{path: []byte(filtered), orig: dump} {
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if r := anondump(t, e2eKey, nil, "-q", "-c", path, "-o", safe, orig); r.code != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	out, err := os.ReadFile(safe)
	if err != nil {
		t.Fatal(err)
	}
	restored := p.restore(t, out)
	want := p.count(t, src, "SELECT count(*) FROM events WHERE kind <> 'click' AND id > 10")
	if got := p.count(t, restored, "SELECT count(*) FROM events"); got != want || want == 0 {
		t.Errorf("events restored: %d rows, want %d", got, want)
	}
	if n := p.count(t, restored, "SELECT count(*) FROM events WHERE kind = 'click' OR id <= 10"); n != 0 {
		t.Errorf("%d filtered-out events were restored", n)
	}
	if got := p.count(t, restored, "SELECT count(*) FROM users"); got != 2000 {
		t.Errorf("users: %d rows, want 2000", got)
	}
	if r := anondump(t, e2eKey, nil, "verify", orig, safe, "-c", path); r.code != 0 {
		t.Fatalf("verify: exit %d\n%s", r.code, r.stdout)
	}
}
