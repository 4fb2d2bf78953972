package audit

import (
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

// The walk hands a long line outside table data over in pieces (its read
// buffer is 256 KiB). An original value that a piece boundary cuts in two
// is still found, on lines of every length, however the padding falls.
func TestVerifyValueAcrossPieces(t *testing.T) {
	rs := mustRules(t, "version: 1\ntables:\n  public.people:\n    columns: {id: keep, secret: hash}\n")
	for _, value := range []string{"alice.smith@realmail.test", "Jean-Pierre Dupont"} {
		enc := string(dumpstream.AppendEncoded(nil, []byte(value)))
		orig := pgHeader + "CREATE TABLE public.people (\n    id integer NOT NULL,\n    secret text\n);\n\n" +
			"COPY public.people (id, secret) FROM stdin;\n1\t" + enc + "\n2\tother value\n\\.\n\n" +
			"--\n-- PostgreSQL database dump complete\n--\n\n"
		safe := string(anonymize(t, rs, []byte(orig)))
		for _, pad := range []int{256<<10 - 30, 256<<10 - 17, 256<<10 - 9, 256<<10 - 2, 512<<10 - 11, 1<<20 + 3, 3<<20 - 13} {
			filler := strings.Repeat("lorem ipsum ", pad/12+1)[:pad]
			planted := strings.Replace(safe, "COPY public.people", "-- note: "+filler+" "+value+" and more\nCOPY public.people", 1)
			fs, err := Verify(rs, openBytes([]byte(orig)), "orig", openBytes([]byte(planted)), "safe", VerifyOptions{FilterBytes: 64 << 10})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, f := range fs {
				found = found || f.Kind == "leak" && f.Column == "secret"
			}
			if !found {
				t.Errorf("%q after %d bytes of a comment line: not found", value, pad)
			}
		}
	}
}
