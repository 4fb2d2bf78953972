package jsonpath

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// psql runs one query against the test server and returns its unaligned
// output. Without a server or psql the test skips, unless CI is set.
func psql(t *testing.T, query string) string {
	t.Helper()
	if _, err := exec.LookPath("psql"); err != nil {
		unavailablePG(t, "psql is not installed")
	}
	env := func(name, def string) string {
		if v := os.Getenv(name); v != "" {
			return v
		}
		return def
	}
	cmd := exec.Command("psql", "-X", "-At", "-v", "ON_ERROR_STOP=1",
		"-h", env("PGHOST", "127.0.0.1"), "-p", env("PGPORT", "5432"), "-U", env("PGUSER", "postgres"), "-d", "postgres")
	cmd.Stdin = strings.NewReader(query)
	out, err := cmd.CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "could not connect") || strings.Contains(string(out), "Connection refused") {
			unavailablePG(t, "no server")
		}
		t.Fatalf("psql: %v\n%s\nquery: %s", err, out, query)
	}
	return strings.TrimSuffix(string(out), "\n")
}

func unavailablePG(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatalf("needs PostgreSQL (CI is set): %s", why)
	}
	t.Skipf("skipping: needs PostgreSQL: %s", why)
}

func dollar(s string) string { return "$j$" + s + "$j$" }

// TestPostgreSQLAccepts rewrites documents as PostgreSQL prints them
// (json as typed, jsonb normalized) and has the server parse the result
// as json and jsonb and read the rewritten paths back.
func TestPostgreSQLAccepts(t *testing.T) {
	docs := []string{
		`{"email": "ann@corp.example", "contacts": [{"phone": "+44 20 7946 0000"}, {"phone": "x\"y\\z"}], "address": {"city": "Zürich"}, "n": 1.50e+3}`,
		` {"email":"\u00e9t\u00e9@x.example" , "address" : {"city":"L\u00fcbeck\n"}, "contacts":[], "big": 123456789012345678901234567890} `,
		`{"address": {"city": "\ud83d\ude00"}, "email": null, "contacts": [{"phone": 33612345678}]}`,
	}
	s, err := Compile([]string{"$.email", "$.contacts[*].phone", "$.address.city"})
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range docs {
		for _, typ := range []string{"json", "jsonb"} {
			text := psql(t, "select "+dollar(doc)+"::"+typ+"::text")
			id, err := s.Rewrite(nil, []byte(text), func(i int, v Value) (Value, error) { return v, nil })
			if err != nil || string(id) != text {
				t.Fatalf("%s text %q: identity gave %q, %v", typ, text, id, err)
			}
			out, err := s.Rewrite(nil, []byte(text), mark)
			if err != nil {
				t.Fatalf("%s text %q: %v", typ, text, err)
			}
			// The server parses the output as both types, and the paths
			// read back what mark wrote.
			got := psql(t, "select "+dollar(string(out))+"::json::text = "+dollar(string(out))+
				", coalesce("+dollar(string(out))+"::jsonb #>> '{address,city}', 'NULL')"+
				", coalesce("+dollar(string(out))+"::jsonb #>> '{email}', 'NULL')")
			want := psql(t, "select true, coalesce('<2:' || ("+dollar(text)+"::jsonb #>> '{address,city}') || '>', 'NULL')"+
				", coalesce('<0:' || ("+dollar(text)+"::jsonb #>> '{email}') || '>', 'NULL')")
			if got != want {
				t.Errorf("%s text %q rewritten to %q: server reads %q, want %q", typ, text, out, got, want)
			}
		}
	}
}
