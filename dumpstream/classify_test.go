package dumpstream

import (
	"reflect"
	"testing"
)

// Quoted identifiers in INSERT targets and in search_path lists: "" is one
// quote, an unclosed quote gives no name.
func TestQuotedNames(t *testing.T) {
	for stmt, want := range map[string][3]string{
		`INSERT INTO "My ""T""" VALUES (1);`:       {"", `My "T"`, "true"},
		`INSERT INTO crm."Ça va" (a) VALUES (1);`:  {"crm", "Ça va", "true"},
		`INSERT INTO "unclosed VALUES (1);`:        {"", "", "false"},
		`INSERT INTO public.plain VALUES ('a"b');`: {"public", "plain", "true"},
	} {
		schema, name, ok := insertTarget([]byte(stmt), true)
		if want[0] == "" && ok {
			want[0] = schema // an unqualified name: the search_path decides
		}
		if got := [3]string{schema, name, map[bool]string{true: "true", false: "false"}[ok]}; got != want {
			t.Errorf("%s: %q, want %q", stmt, got, want)
		}
	}
	for v, want := range map[string][]string{
		`crm, "My ""S""", 'lit', pg_catalog`: {"crm", `My "S"`, "lit", "pg_catalog"},
		`"unclosed`:                          {"unclosed"},
	} {
		if got := splitPath(v); !reflect.DeepEqual(got, want) {
			t.Errorf("splitPath(%s) = %q, want %q", v, got, want)
		}
	}
}
