package dumpstream_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

const fuzzRules = "version: 1\ntables:\n  public.users:\n    columns:\n      id: keep\n      email: email\n      tags: lorem\n"

// FuzzRewriteRules: with a non-empty rule set, whatever the rows, Rewrite
// either fails or writes an output in which no ruled original value
// survives in its field, with every row kept and every row in place.
func FuzzRewriteRules(f *testing.F) {
	for _, s := range []string{"alice@realmail.test\t{a,b}", "\\N\t\\N", "a\\tb\t{\"x y\",NULL}", "x\\", "\t", "é日本\t{}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in bytes.Buffer
		in.WriteString("CREATE TABLE public.users (id integer, email text, tags text[]);\nCOPY public.users (id, email, tags) FROM stdin;\n")
		lines := bytes.Split(data, []byte("\n"))
		for i, l := range lines {
			fmt.Fprintf(&in, "%d\t%s\n", i, l)
		}
		in.WriteString("\\.\n")
		var out bytes.Buffer
		for _, workers := range []int{1, 2} {
			out.Reset()
			_, err := dumpstream.Rewrite(&out, bytes.NewReader(in.Bytes()), benchPlan(t, fuzzRules), dumpstream.Options{Workers: workers})
			if err != nil {
				return // refusing is always allowed
			}
		}
		got := strings.Split(out.String(), "\n")
		// header lines, then one output row per input row
		rows := got[2 : 2+len(lines)]
		for i, l := range lines {
			inFields := strings.Split(fmt.Sprintf("%d\t%s", i, l), "\t")
			outFields := strings.Split(rows[i], "\t")
			if len(outFields) != len(inFields) || outFields[0] != inFields[0] {
				t.Fatalf("row %d: %q became %q", i, l, rows[i])
			}
			if email := inFields[1]; email != `\N` && outFields[1] == email {
				t.Fatalf("row %d: the ruled email %q survived", i, email)
			}
			if outFields[1] != `\N` && !strings.Contains(outFields[1], "@example.") {
				t.Fatalf("row %d: email %q is not a fake address", i, outFields[1])
			}
		}
	})
}
