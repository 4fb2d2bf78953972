package jsonpath

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// mark replaces each matched leaf by a value of the same kind that names
// the path: strings "<i:text>", numbers i*1000+7, booleans flipped, nulls
// kept.
func mark(i int, v Value) (Value, error) {
	switch v.Kind {
	case String:
		return Value{String, []byte(fmt.Sprintf("<%d:%s>", i, v.Text))}, nil
	case Number:
		return Value{Number, []byte(strconv.Itoa(i*1000 + 7))}, nil
	case Bool:
		if string(v.Text) == "true" {
			return Value{Bool, []byte("false")}, nil
		}
		return Value{Bool, []byte("true")}, nil
	}
	return v, nil
}

func rewrite(t *testing.T, paths []string, doc string) string {
	t.Helper()
	s, err := Compile(paths)
	if err != nil {
		t.Fatalf("Compile(%q): %v", paths, err)
	}
	out, err := s.Rewrite([]byte("PREFIX"), []byte(doc), mark)
	if err != nil {
		t.Fatalf("Rewrite(%q, %q): %v", paths, doc, err)
	}
	if !strings.HasPrefix(string(out), "PREFIX") {
		t.Fatalf("dst was not appended to: %q", out)
	}
	return string(out[len("PREFIX"):])
}

func TestPathForms(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		doc   string
		want  string
	}{
		{"member", []string{"$.a"}, `{"a":"x","b":"y"}`, `{"a":"<0:x>","b":"y"}`},
		{"nested member", []string{"$.a.b"}, `{"a": {"b": "x", "c": "y"}, "b": "z"}`, `{"a": {"b": "<0:x>", "c": "y"}, "b": "z"}`},
		{"array wildcard", []string{"$.list[*].x"}, `{"list":[{"x":"1","y":"2"},{"x":3},{"y":"4"},"x"]}`, `{"list":[{"x":"<0:1>","y":"2"},{"x":7},{"y":"4"},"x"]}`},
		{"object wildcard", []string{"$.obj.*"}, `{"obj":{"a":"1","b":true,"c":null},"a":"2"}`, `{"obj":{"a":"<0:1>","b":false,"c":null},"a":"2"}`},
		{"bracket wildcard on object", []string{"$.obj[*]"}, `{"obj":{"a":"1"}}`, `{"obj":{"a":"<0:1>"}}`},
		{"any depth", []string{"$..email"}, `{"email":"a","x":{"email":"b","y":[{"email":"c"}]},"emails":"d"}`, `{"email":"<0:a>","x":{"email":"<0:b>","y":[{"email":"<0:c>"}]},"emails":"d"}`},
		{"any depth in a match", []string{"$..a.b"}, `{"a":{"b":"1","a":{"b":"2"}}}`, `{"a":{"b":"<0:1>","a":{"b":"<0:2>"}}}`},
		{"any depth wildcard", []string{"$.x..*"}, `{"x":[1,{"y":"s"}],"z":"t"}`, `{"x":[7,{"y":"<0:s>"}],"z":"t"}`},
		{"any depth index", []string{"$..[1]"}, `{"x":[1,2],"y":{"1":"no"}}`, `{"x":[1,7],"y":{"1":"no"}}`},
		{"quoted key", []string{`$["key with space"]`}, `{"key with space":"v","key":"w"}`, `{"key with space":"<0:v>","key":"w"}`},
		{"single quoted key", []string{`$['it\'s'].a`}, `{"it's":{"a":"v"}}`, `{"it's":{"a":"<0:v>"}}`},
		{"quoted key with escapes", []string{`$["a\"b"]`}, `{"a\"b":"v","a\u0022b":"w"}`, `{"a\"b":"<0:v>","a\u0022b":"<0:w>"}`},
		{"escaped member name", []string{`$.email`}, `{"em\u0061il":"v"}`, `{"em\u0061il":"<0:v>"}`},
		{"index", []string{"$.list[0]"}, `{"list":["a","b"]}`, `{"list":["<0:a>","b"]}`},
		{"index out of range", []string{"$.list[5]"}, `{"list":["a","b"]}`, `{"list":["a","b"]}`},
		{"index does not match a member", []string{"$.o[0]"}, `{"o":{"0":"a"}}`, `{"o":{"0":"a"}}`},
		{"member does not match an element", []string{"$.a.x"}, `{"a":["x"]}`, `{"a":["x"]}`},
		{"container match rewrites every leaf", []string{"$.phones"}, `{"phones":["1",["2",{"k":3}]],"n":"4"}`, `{"phones":["<0:1>",["<0:2>",{"k":7}]],"n":"4"}`},
		{"root", []string{"$"}, `"abc"`, `"<0:abc>"`},
		{"root container", []string{"$"}, ` [1, "a"] `, ` [7, "<0:a>"] `},
		{"lowest index wins", []string{"$.a.b", "$.a"}, `{"a":{"b":"1","c":"2"}}`, `{"a":{"b":"<0:1>","c":"<1:2>"}}`},
		{"lowest index wins, other order", []string{"$.a", "$.a.b"}, `{"a":{"b":"1","c":"2"}}`, `{"a":{"b":"<0:1>","c":"<0:2>"}}`},
		{"duplicate members all match", []string{"$.a"}, `{"a":"1","a":"2"}`, `{"a":"<0:1>","a":"<0:2>"}`},
		{"kept bytes", []string{"$.a"}, "{ \"z\" : 1.50e+3 ,\n\t\"a\" :\"x\", \"u\":\"\\u00e9\\/\" }", "{ \"z\" : 1.50e+3 ,\n\t\"a\" :\"<0:x>\", \"u\":\"\\u00e9\\/\" }"},
		{"no match", []string{"$.nope"}, `{"a":[1,2,{"b":null}]}`, `{"a":[1,2,{"b":null}]}`},
		{"scalar document, member path", []string{"$.a"}, `42`, `42`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewrite(t, tt.paths, tt.doc); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestReplacementEncoding(t *testing.T) {
	s, err := Compile([]string{"$.a"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		doc  string
		repl Value
		want string
	}{
		{`{"a":"x"}`, Value{String, []byte("q\"\\\n\t\x01é<>&/")}, `{"a":"q\"\\\n\t\u0001é<>&/"}`},
		{`{"a":"x"}`, Value{String, []byte("bad\xffutf8")}, `{"a":"bad` + "\ufffd" + `utf8"}`},
		{`{"a":"x"}`, Value{Null, nil}, `{"a":null}`},
		{`{"a":1}`, Value{Number, []byte("-0.5E+10")}, `{"a":-0.5E+10}`},
		{`{"a":"x"}`, Value{Number, []byte("12")}, `{"a":12}`},
		{`{"a":true}`, Value{Bool, []byte("false")}, `{"a":false}`},
	}
	for _, tt := range tests {
		out, err := s.Rewrite(nil, []byte(tt.doc), func(int, Value) (Value, error) { return tt.repl, nil })
		if err != nil {
			t.Errorf("%s: %v", tt.doc, err)
			continue
		}
		if string(out) != tt.want {
			t.Errorf("%s: got %s, want %s", tt.doc, out, tt.want)
		}
		if !json.Valid(out) {
			t.Errorf("%s: invalid output %s", tt.doc, out)
		}
	}
}

func TestDecodedValue(t *testing.T) {
	s, _ := Compile([]string{"$[*]"})
	doc := `["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83d\ude00", "\ud800x", 1.5e3, true, null]`
	var got []string
	out, err := s.Rewrite(nil, []byte(doc), func(i int, v Value) (Value, error) {
		got = append(got, v.Kind.String()+":"+string(v.Text))
		return v, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != doc {
		t.Errorf("identity changed the document: %s", out)
	}
	want := []string{"string:a\"b\\c/d\b\f\n\r\t", "string:é😀", "string:\ufffdx", "number:1.5e3", "boolean:true", "null:null"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestBadReplacement(t *testing.T) {
	s, _ := Compile([]string{"$.a", "$.b"})
	doc := []byte(`{"a":1,"b":"secret"}`)
	for _, r := range []Value{{Number, []byte("01")}, {Number, []byte("1x")}, {Number, nil}, {Bool, []byte("yes")}, {Kind(9), nil}} {
		_, err := s.Rewrite(nil, doc, func(int, Value) (Value, error) { return r, nil })
		var e *Error
		if !errors.As(err, &e) || e.Path != 0 || e.Offset != 5 || IsInvalidJSON(err) {
			t.Errorf("%v: got %v", r, err)
		}
	}
	boom := errors.New("boom")
	_, err := s.Rewrite(nil, doc, func(i int, v Value) (Value, error) {
		if i == 1 {
			return v, boom
		}
		return v, nil
	})
	var e *Error
	if !errors.Is(err, boom) || !errors.As(err, &e) || e.Path != 1 || e.Offset != 11 {
		t.Errorf("callback error: %v", err)
	}
	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error leaks the value: %v", err)
	}
}

func TestInvalidJSON(t *testing.T) {
	s, _ := Compile([]string{"$..x"})
	tests := []struct {
		doc string
		off int
	}{
		{``, 0},
		{`   `, 3},
		{`{"x":"secret"`, 13},
		{`{"x":"secret",}`, 14},
		{`{"x" "secret"}`, 5},
		{`{x:1}`, 1},
		{`["secret" "b"]`, 10},
		{`["secret"`, 9},
		{`"secret`, 7},
		{"\"sec\nret\"", 4},
		{`"sec\qret"`, 5},
		{`"\u12g4"`, 5},
		{`01`, 1},
		{`-`, 1},
		{`1.`, 2},
		{`1e`, 2},
		{`+1`, 0},
		{`tru`, 0},
		{`nul`, 0},
		{`{"a":1} x`, 8},
		{`[1,]`, 3},
		{`{"x":"secret"}}`, 14},
		{strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), MaxDepth},
	}
	for _, tt := range tests {
		if json.Valid([]byte(tt.doc)) {
			t.Fatalf("%q is valid for encoding/json", tt.doc)
		}
		_, err := s.Rewrite(nil, []byte(tt.doc), mark)
		var e *Error
		if !errors.As(err, &e) || !IsInvalidJSON(err) {
			t.Errorf("%.40q: got %v, want a syntax error", tt.doc, err)
			continue
		}
		if e.Offset != tt.off {
			t.Errorf("%.40q: offset %d, want %d (%v)", tt.doc, e.Offset, tt.off, err)
		}
		if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "sec") {
			t.Errorf("%q: error leaks the value: %v", tt.doc, err)
		}
		if Valid([]byte(tt.doc)) == nil {
			t.Errorf("%q: Valid says ok", tt.doc)
		}
	}
	deep := strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth)
	if err := Valid([]byte(deep)); err != nil || !json.Valid([]byte(deep)) {
		t.Errorf("depth %d: %v", MaxDepth, err)
	}
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		path string
		col  int
	}{
		{"", 1},
		{"a.b", 1},
		{"$.", 3},
		{"$..", 4},
		{"$.a.", 5},
		{"$a", 2},
		{"$.a b", 4},
		{"$[", 3},
		{"$[*", 4},
		{"$[01]", 3},
		{"$[-1]", 3},
		{"$[x]", 3},
		{`$["abc`, 2},
		{`$["a\b"]`, 5},
		{"$.é.[", 5},
		{"$.a,", 4},
		{"$.a", 1}, // the duplicate below
	}
	for _, tt := range tests {
		paths := []string{tt.path}
		if tt.path == "$.a" {
			paths = []string{`$["a"]`, "$.a"}
		}
		_, err := Compile(paths)
		var e *PathError
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want a PathError", tt.path, err)
			continue
		}
		if e.Col != tt.col || e.Path != tt.path {
			t.Errorf("%q: got %v, want column %d", tt.path, err, tt.col)
		}
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"$.a.b":          "$.a.b",
		`$["a"]['b']`:    "$.a.b",
		"$.a.*":          "$.a[*]",
		"$..email":       "$..email",
		`$..["a b"][3]`:  `$..["a b"][3]`,
		`$["a b"]..*`:    `$["a b"]..*`,
		"$":              "$",
		"$.list[*].x[0]": "$.list[*].x[0]",
	} {
		s, err := Compile([]string{in})
		if err != nil {
			t.Errorf("%q: %v", in, err)
			continue
		}
		if got := s.Canonical(0); got != want {
			t.Errorf("%q: got %q, want %q", in, got, want)
		}
		if s.Path(0) != in || s.Len() != 1 {
			t.Errorf("%q: Path/Len wrong", in)
		}
	}
}

func TestWalk(t *testing.T) {
	doc := `{"email":"a","contacts":[{"phone":"1"},{"phone":2,"x":[true,null]}],"a b":{"q\"\\":"z"},"e":[],"o":{}}`
	var got, paths []string
	err := Walk([]byte(doc), func(path []byte, v Value) error {
		paths = append(paths, string(path))
		got = append(got, string(path)+"="+v.Kind.String()+":"+string(v.Text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"$.email=string:a",
		"$.contacts[*].phone=string:1",
		"$.contacts[*].phone=number:2",
		"$.contacts[*].x[*]=boolean:true",
		"$.contacts[*].x[*]=null:null",
		`$["a b"]["q\"\\"]=string:z`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Each path compiles back and matches its leaf.
	for _, p := range paths {
		if _, err := Compile([]string{p}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if out := rewrite(t, []string{`$["a b"]["q\"\\"]`}, doc); !strings.Contains(out, `"<0:z>"`) {
		t.Errorf("walked path does not match its leaf: %s", out)
	}
	boom := errors.New("boom")
	err = Walk([]byte(`{"a":[1,"secret"]}`), func(path []byte, v Value) error {
		if v.Kind == String {
			return boom
		}
		return nil
	})
	var e *Error
	if !errors.Is(err, boom) || !errors.As(err, &e) || e.Offset != 8 || IsInvalidJSON(err) || strings.Contains(err.Error(), "secret") {
		t.Errorf("callback error: %v", err)
	}
	if err := Walk([]byte(`{"a":[1,"secret"}`), func([]byte, Value) error { return nil }); !IsInvalidJSON(err) {
		t.Errorf("invalid document: %v", err)
	}
	// Walk leaves the pooled walker clean for Rewrite.
	if out := rewrite(t, []string{"$.a"}, `{"a":"x"}`); out != `{"a":"<0:x>"}` {
		t.Errorf("after Walk: %s", out)
	}
}
