package fakers

import (
	"strings"
	"testing"
)

// TestReference: every transformer has a class and an example that
// compiles, and the example's output is what the transformer writes for
// its input under the reference key.
func TestReference(t *testing.T) {
	entries, err := Reference()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(Names()) {
		t.Fatalf("%d entries for %d transformers", len(entries), len(Names()))
	}
	for _, e := range entries {
		d, _ := Lookup(e.Name)
		want := Pseudonymizing
		switch e.Name {
		case "const", "set_null", "lorem", "generalize":
			want = Anonymizing
		case "mask", "email_mask", "regex_replace":
			want = Masking
		}
		if e.Class != want.String() {
			t.Errorf("%s: class %s, want %s", e.Name, e.Class, want)
		}
		if e.Class == Pseudonymizing.String() && !d.Keyed {
			t.Errorf("%s is pseudonymizing but not keyed", e.Name)
		}
		if e.Output == e.Input {
			t.Errorf("%s: the example's output equals its input %q", e.Name, e.Input)
		}
		if !strings.Contains(e.Rule, e.Name) {
			t.Errorf("%s: example rule %q does not name it", e.Name, e.Rule)
		}
	}
	md := ReferenceMarkdown(entries)
	if got := strings.Count(md, "\n"); got != len(entries)+2 {
		t.Errorf("the table has %d lines, want %d", got, len(entries)+2)
	}
}
