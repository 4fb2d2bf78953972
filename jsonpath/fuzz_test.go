package jsonpath

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func decode(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decode %q: %v", b, err)
	}
	return v
}

// refMatch is the reference for which path matches a leaf: path steps
// match a prefix of the leaf's trail of member names (string) and element
// indexes (int). It is a plain backtracking matcher, independent of the
// walker's state sets.
func refMatch(steps []step, trail []any) bool {
	// memo[si][ti]: 0 unknown, 1 no, 2 yes; it keeps deep steps on deep
	// trails polynomial.
	memo := make([][]byte, len(steps)+1)
	for i := range memo {
		memo[i] = make([]byte, len(trail)+1)
	}
	var m func(si, ti int) bool
	m = func(si, ti int) bool {
		if si == len(steps) {
			return true
		}
		if ti == len(trail) {
			return false
		}
		if memo[si][ti] != 0 {
			return memo[si][ti] == 2
		}
		st := steps[si]
		hit := false
		switch x := trail[ti].(type) {
		case string:
			hit = st.kind == stepAny || st.kind == stepKey && st.key == x
		case int:
			hit = st.kind == stepAny || st.kind == stepIndex && st.index == x
		}
		r := hit && m(si+1, ti+1) || st.deep && m(si, ti+1)
		memo[si][ti] = 1
		if r {
			memo[si][ti] = 2
		}
		return r
	}
	return m(0, 0)
}

// refRewrite applies mark to the decoded tree v as Rewrite should.
func refRewrite(s *Set, v any, trail []any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = refRewrite(s, e, append(trail, k))
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = refRewrite(s, e, append(trail, i))
		}
		return out
	}
	p := -1
	for i, steps := range s.paths {
		if refMatch(steps, trail) {
			p = i
			break
		}
	}
	if p < 0 {
		return v
	}
	switch x := v.(type) {
	case string:
		return "<" + strconv.Itoa(p) + ":" + x + ">"
	case json.Number:
		return json.Number(strconv.Itoa(p*1000 + 7))
	case bool:
		return !x
	}
	return v
}

func FuzzJSONPaths(f *testing.F) {
	for _, c := range []struct{ doc, paths string }{
		{`{"a":{"b":"x"},"list":[{"x":1},{"x":"y"}]}`, "$.a.b\n$.list[*].x"},
		{`{"email":"a","u":{"email":"b","n":[{"email":null}]}}`, "$..email"},
		{`{"obj":{"p":true,"q":[1,2.5e3]}}`, "$.obj.*"},
		{`{"key with space":"v","k":"\u00e9\ud83d\ude00"}`, "$[\"key with space\"]\n$.k"},
		{`[["a","b"],[1,2]]`, "$[0]\n$..[1]"},
		{` "s" `, "$"},
		{`{"a":1,"a":"x"}`, "$.a"},
		{`{"a":"\ud800"}`, "$.*"},
		{"{\"a\":\"\xff\"}", "$.a"},
		{`{"a":[1,}`, "$.a"},
		{`[1 2]`, "$[*]"},
	} {
		f.Add([]byte(c.doc), c.paths)
	}
	f.Fuzz(func(t *testing.T, doc []byte, paths string) {
		list := strings.Split(paths, "\n")
		if len(list) > 8 {
			list = list[:8]
		}
		s, err := Compile(list)
		if err != nil {
			var pe *PathError
			if !errors.As(err, &pe) || pe.Col < 1 || pe.Col > utf8.RuneCountInString(pe.Path)+1 {
				t.Fatalf("Compile(%q): %v", list, err)
			}
			return
		}
		valid := json.Valid(doc)
		werr := Walk(doc, func(path []byte, v Value) error {
			if utf8.Valid(path) {
				if _, err := Compile([]string{string(path)}); err != nil {
					t.Fatalf("Walk gave path %q that does not compile: %v", path, err)
				}
			}
			return nil
		})
		if valid != (werr == nil) || werr != nil && !IsInvalidJSON(werr) {
			t.Fatalf("Walk(%q) = %v, json.Valid = %v", doc, werr, valid)
		}
		id, err := s.Rewrite(nil, doc, func(i int, v Value) (Value, error) { return v, nil })
		if !valid {
			var e *Error
			if !errors.As(err, &e) || !IsInvalidJSON(err) || e.Offset < 0 || e.Offset > len(doc) {
				t.Fatalf("invalid document %q: got %v, want a positioned syntax error", doc, err)
			}
			return
		}
		if err != nil {
			t.Fatalf("valid document %q: %v", doc, err)
		}
		if !bytes.Equal(id, doc) {
			t.Fatalf("identity changed %q into %q", doc, id)
		}
		out, err := s.Rewrite(nil, doc, mark)
		if err != nil {
			t.Fatalf("%q on %q: %v", list, doc, err)
		}
		if !json.Valid(out) {
			t.Fatalf("%q on %q: invalid output %q", list, doc, out)
		}
		got, want := decode(t, out), refRewrite(s, decode(t, doc), nil)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q on %q:\n got %q\nwant %#v\n  is %#v", list, doc, out, want, got)
		}
	})
}
