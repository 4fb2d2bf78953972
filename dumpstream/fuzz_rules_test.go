package dumpstream_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

const fuzzRules = "version: 1\ntables:\n  public.users:\n    columns:\n      id: keep\n      email: email\n      tags: lorem\n"

// arrayElements lists the non-NULL elements of a COPY text array field.
func arrayElements(field string) ([]string, bool) {
	if field == `\N` {
		return nil, true
	}
	lit, err := dumpstream.AppendDecoded(nil, []byte(field))
	if err != nil {
		return nil, false
	}
	var elems []string
	_, _, err = dumpstream.AppendArrayRewritten(nil, lit, nil, func(dst, elem []byte) ([]byte, bool, error) {
		elems = append(elems, string(elem))
		return append(dst, elem...), false, nil
	})
	return elems, err == nil
}

// FuzzRewriteRules: with a non-empty rule set, whatever the rows, Rewrite
// either fails or writes an output in which no ruled original value
// survives in its field (email, and each element of the tags array),
// with every row kept and in place; the output is the same for any
// number of workers.
func FuzzRewriteRules(f *testing.F) {
	for _, s := range []string{"alice@realmail.test\t{a,b}", "\\N\t\\N", "a\\tb\t{\"x y\",NULL}", "x\\", "\t", "é日本\t{}", "bob@x.test\t{tag-1,\"tag 2\"}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var in bytes.Buffer
		in.WriteString("--\n-- PostgreSQL database dump\n--\nCREATE TABLE public.users (id integer, email text, tags text[]);\nCOPY public.users (id, email, tags) FROM stdin;\n")
		const header = 5
		lines := bytes.Split(data, []byte("\n"))
		for i, l := range lines {
			fmt.Fprintf(&in, "%d\t%s\n", i, l)
		}
		in.WriteString("\\.\n--\n-- PostgreSQL database dump complete\n--\n")
		var first string
		for _, workers := range []int{1, 2} {
			var out bytes.Buffer
			_, err := dumpstream.Rewrite(&out, bytes.NewReader(in.Bytes()), benchPlan(t, fuzzRules), dumpstream.Options{Workers: workers})
			if err != nil {
				if workers == 2 && first != "" {
					t.Fatalf("workers=2 fails where workers=1 does not: %v", err)
				}
				return // refusing is always allowed
			}
			if workers == 1 {
				first = out.String()
			} else if out.String() != first {
				t.Fatalf("workers=2 output differs from workers=1")
			}
			got := strings.Split(out.String(), "\n")
			rows := got[header : header+len(lines)]
			for i, l := range lines {
				inFields := strings.Split(fmt.Sprintf("%d\t%s", i, l), "\t")
				outFields := strings.Split(rows[i], "\t")
				if len(outFields) != len(inFields) || outFields[0] != inFields[0] {
					t.Fatalf("workers=%d row %d: %q became %q", workers, i, l, rows[i])
				}
				if email := inFields[1]; email != `\N` && outFields[1] == email {
					t.Fatalf("row %d: the ruled email %q survived", i, email)
				}
				if outFields[1] != `\N` && !strings.Contains(outFields[1], "@example.") {
					t.Fatalf("row %d: email %q is not a fake address", i, outFields[1])
				}
				inTags, ok := arrayElements(inFields[2])
				if !ok {
					t.Fatalf("row %d: a malformed array %q was accepted", i, inFields[2])
				}
				outTags, ok := arrayElements(outFields[2])
				if !ok || len(outTags) != len(inTags) {
					t.Fatalf("row %d: tags %q became %q", i, inFields[2], outFields[2])
				}
				for k, e := range inTags {
					// lorem writes letters and spaces: an element with
					// anything else that survives is the original.
					if strings.ContainsAny(e, "0123456789@-_") && outTags[k] == e {
						t.Fatalf("row %d: the ruled tag %q survived", i, e)
					}
				}
			}
		}
	})
}
