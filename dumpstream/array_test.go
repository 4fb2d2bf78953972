package dumpstream

import (
	"bytes"
	"strings"
	"testing"
)

// upper is an ElementFunc that upper-cases ASCII and turns "drop" into NULL.
func upper(dst, elem []byte) ([]byte, bool, error) {
	if string(elem) == "drop" {
		return dst, true, nil
	}
	return append(dst, bytes.ToUpper(elem)...), false, nil
}

func TestAppendArrayRewritten(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`{}`, `{}`},
		{`{a,b}`, `{A,B}`},
		{`{"a b","c,d","e\"f","g\\h",NULL,"NULL",""}`, `{"A B","C,D","E\"F","G\\H",NULL,"NULL",""}`},
		{`{null,Null}`, `{NULL,NULL}`},
		{`{drop,x}`, `{NULL,X}`},
		{`{{a,b},{c,d}}`, `{{A,B},{C,D}}`},
		{`[2:3]={a,b}`, `[2:3]={A,B}`},
		{`{ a , b }`, `{ A, B}`},
		{`{a\,b}`, `{"A,B"}`},
		{`{"nu ll"}`, `{"NU LL"}`},
		{`{"{}"}`, `{"{}"}`},
	} {
		got, _, err := AppendArrayRewritten(nil, []byte(tc.in), nil, upper)
		if err != nil || string(got) != tc.want {
			t.Errorf("AppendArrayRewritten(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{``, `a`, `{a`, `{a}}`, `{"a}`, `{a"b"}`, `[1:2]`, `{a}x`, `{a\`, `,{a}`, `{"0"0}`, `{"a" b}`} {
		if got, _, err := AppendArrayRewritten(nil, []byte(bad), nil, upper); err == nil {
			t.Errorf("AppendArrayRewritten(%q) = %q, want an error", bad, got)
		}
	}
}

// A rewritten element that needs quoting gets it, so array_in reads the
// same elements back.
func TestArrayQuoting(t *testing.T) {
	for _, elem := range []string{"", "NULL", "a b", `q"uote`, `back\slash`, "{", "}", ",", "tab\tx"} {
		fn := func(dst, _ []byte) ([]byte, bool, error) { return append(dst, elem...), false, nil }
		lit, _, err := AppendArrayRewritten(nil, []byte(`{x}`), nil, fn)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		collect := func(dst, e []byte) ([]byte, bool, error) {
			got = append(got, string(e))
			return append(dst, e...), false, nil
		}
		if _, _, err := AppendArrayRewritten(nil, lit, nil, collect); err != nil {
			t.Fatalf("element %q: literal %q does not parse: %v", elem, lit, err)
		}
		if len(got) != 1 || got[0] != elem {
			t.Errorf("element %q: literal %q reads back as %q", elem, lit, got)
		}
	}
}

// FuzzArrayRewrite: rewriting with the identity is a fixpoint after one
// pass, and both passes see the same elements.
func FuzzArrayRewrite(f *testing.F) {
	for _, s := range []string{`{}`, `{a,"b c",NULL}`, `{{1,2},{3,4}}`, `[0:1]={x,y}`, `{"a\"b\\c"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, lit []byte) {
		var first, second []string
		pass := func(into *[]string) ElementFunc {
			return func(dst, e []byte) ([]byte, bool, error) {
				*into = append(*into, string(e))
				return append(dst, e...), false, nil
			}
		}
		once, _, err := AppendArrayRewritten(nil, lit, nil, pass(&first))
		if err != nil {
			return
		}
		twice, _, err := AppendArrayRewritten(nil, once, nil, pass(&second))
		if err != nil {
			t.Fatalf("rewritten %q → %q does not parse: %v", lit, once, err)
		}
		if !bytes.Equal(once, twice) {
			t.Fatalf("not a fixpoint: %q → %q → %q", lit, once, twice)
		}
		if strings.Join(first, "\x00") != strings.Join(second, "\x00") {
			t.Fatalf("elements changed: %q → %q", first, second)
		}
	})
}
