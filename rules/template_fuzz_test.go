package rules

import (
	"testing"
	"unicode/utf8"

	"github.com/anondump/anondump/fakers"
)

// FuzzTemplate: any template source compiles or is refused with an error,
// and a compiled one renders any row without panicking, within its
// length limit.
func FuzzTemplate(f *testing.F) {
	for _, s := range []string{
		"{{.a | lower}}.{{.b | upper}}@example.com", "{{trunc 2 .a}}{{slug .b}}", "{{hash (lower .a)}}",
		"{{.a | trunc 0 | upper}}", "x{{/* c */}}y", "{{if .a}}{{end}}", "{{.a.b}}", "{{\"lit\" | slug}}", "{{",
	} {
		f.Add(s, "Zoë Ünal", `a\tb`)
	}
	def, _ := fakers.Lookup("hash")
	h, err := def.New(fakers.Params{PRF: fakers.NewKey([]byte("k")).Domain("template_hash"), Length: templateHashLength,
		Target: fakers.Target{Class: fakers.ClassText, Type: "text"}})
	if err != nil {
		f.Fatal(err)
	}
	names := []string{"a", "b", "out"}
	f.Fuzz(func(t *testing.T, src, a, b string) {
		ct, err := compileTemplate(src, names)
		if err != nil {
			return
		}
		ctx := newRowContext(len(names))
		tr := &templateRewriter{ctx: ctx, t: ct, maxLen: 40, hash: h}
		ctx.rws[2] = tr
		ctx.setRow([][]byte{[]byte(a), []byte(b), []byte("x")})
		out, null, err := tr.Rewrite(nil, []byte("x"), false)
		if null {
			t.Fatal("NULL output for a non-NULL value")
		}
		if err == nil && utf8.RuneCount(out) > 40 {
			t.Fatalf("output of %d characters passed a limit of 40", utf8.RuneCount(out))
		}
	})
}
