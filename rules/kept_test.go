package rules_test

import (
	"strings"
	"testing"
)

// TestCaseKeeper: nil without a keep case; the first matching case
// decides; an unknown column in a condition is an error with its position.
func TestCaseKeeper(t *testing.T) {
	rs := mustParse(t, `version: 1
tables:
  users:
    columns:
      a: [{when: "role = 'x'", transform: email}, keep]
      b: [{when: "role = 'x'", transform: email}, email]
      c: [{when: "nope = 'x'", keep: true}, email]
`)
	cols := rs.Tables[0].Columns
	names := []string{"role", "a", "b", "c"}
	k, err := cols[0].CaseKeeper(names)
	if err != nil || k == nil {
		t.Fatalf("a: %v, %v", k, err)
	}
	for _, tc := range []struct {
		role string
		want bool
	}{{"x", false}, {"y", true}, {`\N`, true}} {
		if got, err := k.Kept([][]byte{[]byte(tc.role), nil, nil, nil}); err != nil || got != tc.want {
			t.Errorf("role %s: kept %v, %v; want %v", tc.role, got, err, tc.want)
		}
	}
	if k, err := cols[1].CaseKeeper(names); k != nil || err != nil {
		t.Errorf("b (no keep case): %v, %v", k, err)
	}
	if _, err := cols[2].CaseKeeper(names); err == nil || !strings.Contains(err.Error(), `anon.yaml:7:18: column c: when: the dump's table has no column "nope"`) {
		t.Errorf("c: %v", err)
	}
}
