package audit

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

// unreadableDump has a CSV COPY (fields the text codec cannot read), a COPY
// without a column list of a table the dump does not create, and an
// SJIS-family client_encoding: refusals of a rewrite, which must not stop
// check, scan or verify.
const unreadableDump = pgHeader + "SET client_encoding = 'SJIS';\n" +
	"CREATE TABLE public.users (id integer, email text, prefs jsonb);\n" +
	"CREATE TABLE public.log (id integer, note text);\n" +
	"COPY public.users (id, email, prefs) FROM stdin;\n" +
	"1\talice@realmail.test\t{\"mail\": \"alice@realmail.test\"}\n" +
	"\\.\n" +
	"COPY public.log (id, note) FROM stdin WITH (FORMAT csv);\n" +
	"1,\"sent to alice@realmail.test today\"\n" +
	"\\.\n" +
	"COPY public.other FROM stdin;\n" +
	"7\tx\n" +
	"\\.\n" +
	"--\n-- PostgreSQL database dump complete\n--\n\n"

const unreadableRules = `version: 1
strict: false
tables:
  public.users:
    columns:
      email: email
  public.log:
    columns:
      note: lorem
`

// TestUnreadableBlocks: blocks whose fields cannot be read are a note in
// check, scan and verify, not an error; verify still searches their rows
// as text and finds an original value there.
func TestUnreadableBlocks(t *testing.T) {
	rs := mustRules(t, unreadableRules)
	var notes []string
	note := func(m string) { notes = append(notes, m) }

	if _, err := Check(rs, strings.NewReader(unreadableDump), "dump.sql", CheckOptions{Note: note}); err != nil {
		t.Errorf("check: %v", err)
	}
	res, err := Scan(strings.NewReader(unreadableDump), "dump.sql", ScanOptions{Note: note})
	if err != nil {
		t.Fatalf("scan: %v", err)
	}
	var y bytes.Buffer
	res.WriteYAML(&y)
	if !strings.Contains(y.String(), "public.log:") || !strings.Contains(y.String(), "note: lorem") {
		t.Errorf("scan left out the CSV table's columns or their names' suggestions:\n%s", y.String())
	}
	if !strings.Contains(strings.Join(notes, "\n"), "dump.sql:11: the rows of table public.log are not in COPY's default text format") {
		t.Errorf("no note naming the CSV table: %q", notes)
	}

	// The copy keeps the CSV table as it is (here: the original itself,
	// apart from the ruled email, which a run would rewrite).
	safe := strings.Replace(unreadableDump, "1\talice@realmail.test\t", "1\tuser1@example.com\t", 1)
	notes = nil
	fs, err := Verify(rs, openBytes([]byte(unreadableDump)), "orig", openBytes([]byte(safe)), "safe", VerifyOptions{Note: note})
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	found := false
	for _, f := range findingsOf(fs, "leak") {
		if f.Table == "public.users" && f.Column == "email" && contains(f.FoundIn, "public.log") {
			found = true
		}
	}
	if !found {
		t.Errorf("the email inside the CSV rows is not found: %+v", fs)
	}
	if len(notes) == 0 {
		t.Errorf("verify: no note about the CSV table")
	}
	for _, n := range append(notes, y.String()) {
		if strings.Contains(n, "alice") {
			t.Errorf("a value in a note: %q", n)
		}
	}
}

// TestAnySQL: check, scan and verify refuse SQL without a pg_dump header
// unless AnySQL is set.
func TestAnySQL(t *testing.T) {
	const sql = "CREATE TABLE public.t (id integer, email text);\nCOPY public.t (id, email) FROM stdin;\n1\ta@b.test\n\\.\n"
	rs := mustRules(t, "version: 1\nstrict: false\n")
	for _, anySQL := range []bool{false, true} {
		_, errC := Check(rs, strings.NewReader(sql), "in.sql", CheckOptions{AnySQL: anySQL})
		_, errS := Scan(strings.NewReader(sql), "in.sql", ScanOptions{AnySQL: anySQL})
		_, errV := Verify(rs, openBytes([]byte(sql)), "in.sql", openBytes([]byte(sql)), "in.sql", VerifyOptions{AnySQL: anySQL})
		for name, err := range map[string]error{"check": errC, "scan": errS, "verify": errV} {
			if anySQL && err != nil {
				t.Errorf("%s with AnySQL: %v", name, err)
			}
			if !anySQL && !errors.Is(err, dumpstream.ErrNotDump) {
				t.Errorf("%s without AnySQL: %v, want ErrNotDump", name, err)
			}
		}
	}
}

// TestScanStopsSplitting: once every column has its sample, scan no longer
// reads the rows: a malformed row after the sample does not stop it (the
// run, which reads every row, refuses it).
func TestScanStopsSplitting(t *testing.T) {
	var b strings.Builder
	b.WriteString(pgHeader + "CREATE TABLE public.t (id integer, email text);\nCOPY public.t (id, email) FROM stdin;\n")
	for range 5 {
		b.WriteString("1\ta@b.test\n")
	}
	b.WriteString("only-one-field\n\\.\n--\n-- PostgreSQL database dump complete\n--\n")
	if _, err := Scan(strings.NewReader(b.String()), "d", ScanOptions{Sample: 5}); err != nil {
		t.Errorf("sample of 5: %v", err)
	}
	if _, err := Scan(strings.NewReader(b.String()), "d", ScanOptions{Sample: 6}); err == nil {
		t.Errorf("sample of 6 reads the malformed row and must fail")
	}
}
