package rules

import (
	"strings"
	"testing"
)

func TestWhere(t *testing.T) {
	cols := []string{"id", "role", "deleted_at", "score", "active", "Name"}
	row := func(vals ...string) [][]byte {
		out := make([][]byte, len(vals))
		for i, v := range vals {
			out[i] = []byte(v)
		}
		return out
	}
	admin := row("1", "admin", `\N`, "10", "t", "Ann")
	user := row("2", "user", `\N`, "9.5", "f", "Bob")
	gone := row("3", "user", "2024-01-01 00:00:00+00", `\N`, "t", "O\\tN")
	for _, tc := range []struct {
		cond string
		want [3]bool // admin, user, gone
	}{
		{"deleted_at IS NULL", [3]bool{true, true, false}},
		{"deleted_at IS NOT NULL", [3]bool{false, false, true}},
		{"role <> 'admin'", [3]bool{false, true, true}},
		{"role != 'admin' AND deleted_at IS NULL", [3]bool{false, true, false}},
		{"role = 'admin' OR deleted_at > '2023-12-31'", [3]bool{true, false, true}},
		{"NOT (role = 'admin')", [3]bool{false, true, true}},
		{"score >= 10", [3]bool{true, false, false}}, // numeric, not text ("9.5" > "10" as text); NULL is unknown
		{"score < 10", [3]bool{false, true, false}},
		{"id IN (1, 3)", [3]bool{true, false, true}},
		{"id NOT IN (1, 3)", [3]bool{false, true, false}},
		{"role IN ('x', NULL)", [3]bool{false, false, false}},      // unknown, never true
		{"id NOT IN (1, NULL)", [3]bool{false, false, false}},      // SQL: unknown for the others
		{"active = TRUE", [3]bool{true, false, true}},              // 't' is true
		{`"Name" = 'O` + "\t" + `N'`, [3]bool{false, false, true}}, // decoded, quoted column
		{"ROLE = 'user' and ID = 2", [3]bool{false, true, false}},  // unquoted names fold, keywords any case
	} {
		f, err := compileWhere(&TableRule{Where: tc.cond}, cols)
		if err != nil {
			t.Fatalf("%s: %v", tc.cond, err)
		}
		for i, r := range [][][]byte{admin, user, gone} {
			got, err := f.Keep(r)
			if err != nil || got != tc.want[i] {
				t.Errorf("%s on row %d = %v, %v; want %v", tc.cond, i, got, err, tc.want[i])
			}
		}
	}
	for _, bad := range []string{"", "role", "role =", "role LIKE 'a%'", "(role = 'a'", "role = 'a' extra", "id IN 1", "lower(role) = 'a'", "role IS TRUE"} {
		if _, err := parseWhere(bad); err == nil {
			t.Errorf("parseWhere(%q): no error", bad)
		}
	}
	if _, err := compileWhere(&TableRule{Where: "rol = 'x'"}, cols); err == nil || !strings.Contains(err.Error(), `did you mean "role"`) {
		t.Errorf("unknown column: %v", err)
	}
}
