package audit

import (
	"fmt"
	"strings"
	"testing"
)

// casesDump: most users are admins, whose emails a keep case keeps.
func casesDump() []byte {
	var b strings.Builder
	b.WriteString(pgHeader)
	b.WriteString("CREATE TABLE public.users (\n    id integer NOT NULL,\n    role text NOT NULL,\n    email text\n);\n\n")
	b.WriteString("COPY public.users (id, role, email) FROM stdin;\n")
	for i := 1; i <= 20; i++ {
		role := "admin"
		if i%5 == 0 {
			role = "user"
		}
		fmt.Fprintf(&b, "%d\t%s\t%s%d.person@mail.test\n", i, role, role, i)
	}
	b.WriteString("\\.\n\n")
	b.WriteString("ALTER TABLE ONLY public.users\n    ADD CONSTRAINT users_pkey PRIMARY KEY (id);\n\n")
	b.WriteString("--\n-- PostgreSQL database dump complete\n--\n\n")
	return []byte(b.String())
}

const casesRules = `version: 1
tables:
  public.users:
    columns:
      id: keep
      role: keep
      email:
        - {when: "role = 'admin'", keep: true}
        - {transform: email, unique: true}
`

// TestVerifyKeepCase: a value that its row's keep case keeps is neither
// a leak nor unchanged (before, the admins' emails were reported as both);
// an original value of a row the cases rewrite still is a leak.
func TestVerifyKeepCase(t *testing.T) {
	rs := mustRules(t, casesRules)
	orig := casesDump()
	safe := anonymize(t, rs, orig)
	if !strings.Contains(string(safe), "admin1.person@mail.test") || strings.Contains(string(safe), "user5.person@mail.test") {
		t.Fatalf("the cases did not apply:\n%s", safe)
	}
	fs, err := Verify(rs, openBytes(orig), "orig.sql", openBytes(safe), "safe.sql", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if Failed(fs) {
		t.Errorf("verify of a dump whose admins' emails are kept by a case fails: %+v", fs)
	}

	// Plant user 5's original email back into its row.
	var lines []string
	for _, l := range strings.SplitAfter(string(safe), "\n") {
		if strings.HasPrefix(l, "5\tuser\t") {
			l = "5\tuser\tuser5.person@mail.test\n"
		}
		lines = append(lines, l)
	}
	planted := strings.Join(lines, "")
	fs, err = Verify(rs, openBytes(orig), "orig.sql", openBytes([]byte(planted)), "safe.sql", VerifyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	leaks := findingsOf(fs, "leak")
	if !Failed(fs) || len(leaks) != 1 || leaks[0].Column != "email" || leaks[0].Count != 1 {
		t.Errorf("a non-admin's original email in the copy: findings %+v, want one leak of one email", fs)
	}
}
