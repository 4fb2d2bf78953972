package audit

import (
	"bytes"
	"encoding/json"
	"strings"
)

// What a JSON document holds that looks personal, until rules can address
// paths inside documents: the detectors run on every string leaf, and key
// names go through the column-name heuristics ("email", "telefon", …).

// maxJSONDepth bounds the nesting walked; deeper parts are skipped.
const maxJSONDepth = 32

// keyKinds lists the transformers of name rules that make a key name
// personal (the free-text, company and job names do not).
var keyKinds = map[string]bool{
	"email": true, "phone": true, "first_name": true, "last_name": true, "full_name": true, "username": true,
	"ipv4": true, "street_address": true, "city": true, "postcode": true, "date_of_birth": true, "iban": true,
	"credit_card": true, "hash": true, "const": true, "address_part": true,
}

// detectJSON walks a JSON document and returns what its first hit looks
// like ("" when nothing does, or when doc is not JSON). hit, when set, is
// called for every hit with its path ("$.contact.email", arrays as [*])
// and what it looks like: a detector name, or "a personal key name".
// Nothing passed on holds a value of the document.
func detectJSON(doc []byte, hit func(path, what string)) string {
	doc = bytes.TrimSpace(doc)
	if len(doc) == 0 || doc[0] != '{' && doc[0] != '[' {
		return ""
	}
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	type frame struct {
		object bool
		key    string // the key whose value comes next (objects)
		expect bool   // objects: the next string token is a key
	}
	var stack []frame
	first := ""
	path := func() string {
		var b strings.Builder
		b.WriteByte('$')
		for _, f := range stack {
			if f.object {
				b.WriteByte('.')
				b.WriteString(keyForPath(f.key))
			} else {
				b.WriteString("[*]")
			}
		}
		return b.String()
	}
	report := func(what string) {
		if first == "" {
			first = what
		}
		if hit != nil {
			hit(path(), what)
		}
	}
	// value is called after a complete scalar value or container.
	value := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].expect = true
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return first // io.EOF, or not JSON after all: what was seen so far
		}
		top := len(stack) - 1
		if top >= 0 && stack[top].object && stack[top].expect {
			if k, ok := tok.(string); ok {
				stack[top].key, stack[top].expect = k, false
				if d := Detect([]byte(k)); d != "" {
					report(d) // personal data as a key: {"bob@example.com": …}
				}
				continue
			}
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				if len(stack) >= maxJSONDepth {
					return first
				}
				stack = append(stack, frame{object: t == '{', expect: t == '{'})
			default:
				stack = stack[:len(stack)-1]
				value()
			}
		case string:
			if d := Detect([]byte(t)); d != "" {
				report(d)
			} else if top >= 0 && stack[top].object && personalKey(stack[top].key, t) {
				report("a personal key name")
			}
			value()
		case json.Number:
			if top >= 0 && stack[top].object && personalKey(stack[top].key, string(t)) {
				report("a personal key name")
			}
			value()
		default: // bool, nil
			value()
		}
	}
}

// personalKey reports whether an object key names personal data, judged
// with the column-name heuristics; a bare "name" counts only when its
// value looks like a person's name.
func personalKey(key, val string) bool {
	if val == "" {
		return false
	}
	w := words(key)
	if w == "name" {
		return personName([]byte(val))
	}
	for _, nr := range nameRules {
		if keyKinds[nr.transform] && nr.re.MatchString(w) {
			return true
		}
	}
	return false
}

// keyForPath writes a key in a path. Keys are data too: one that is not
// a plain word of at most 32 characters, or that looks like a person's
// name, is written [?] so that no value reaches a report.
func keyForPath(k string) string {
	if k == "" || len(k) > 32 || personName([]byte(k)) {
		return "[?]"
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return "[?]"
		}
	}
	return k
}
