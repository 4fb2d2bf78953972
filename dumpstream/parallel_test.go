package dumpstream_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

const parallelRules = "version: 1\nstrict: false\ntables:\n  public.users:\n    columns:\n      email: {transform: email, unique: true}\n" +
	"      first_name: first_name\n      last_name: last_name\n      phone: phone\n      street: street_address\n"

// The output does not depend on the number of workers: rows come out in
// their original order, byte for byte as one worker writes them.
func TestParallelIdentity(t *testing.T) {
	dump := benchDump(3 << 20)
	// Several blocks of the ruled table, separated by other statements, and
	// a tiny one.
	i := bytes.Index(dump, []byte("\\.\n"))
	dump = append(dump[:i+3:i+3], append([]byte("\nSELECT 1;\nCOPY public.users (id, email, first_name, last_name, phone, street, city, birth, created_at) FROM stdin;\n1\ta@b\tA\tB\t1\t2\tC\t2000-01-01\t2024-01-01 00:00:00+00\n\\.\n"), dump[i+3:]...)...)
	run := func(workers int) ([]byte, dumpstream.Stats) {
		var out bytes.Buffer
		st, err := dumpstream.Rewrite(&out, bytes.NewReader(dump), benchPlan(t, parallelRules), dumpstream.Options{Workers: workers})
		if err != nil {
			t.Fatalf("workers=%d: %v", workers, err)
		}
		return out.Bytes(), st
	}
	want, wantStats := run(1)
	if bytes.Equal(want, dump) {
		t.Fatal("nothing was rewritten")
	}
	if len(wantStats.Ruled) != 2 || wantStats.Ruled[1].Rows != 1 || len(wantStats.Ruled[0].Columns) != 5 ||
		wantStats.Ruled[0].Columns[0].Rewritten != wantStats.Ruled[0].Rows || wantStats.Ruled[0].Columns[0].Rule != "email" {
		t.Fatalf("stats = %+v", wantStats.Ruled)
	}
	for _, n := range []int{2, 3, 8} {
		got, st := run(n)
		if !bytes.Equal(got, want) {
			t.Fatalf("workers=%d: output differs from one worker's", n)
		}
		if !reflect.DeepEqual(st, wantStats) {
			t.Errorf("workers=%d: stats %+v, want %+v", n, st, wantStats)
		}
	}
}

// A bad row deep in a table stops the run with the same error whatever the
// number of workers, and nothing after it is written.
func TestParallelError(t *testing.T) {
	dump := benchDump(2 << 20)
	lines := bytes.Split(dump, []byte("\n"))
	bad := len(lines) / 2
	lines[bad] = []byte("1\tonly two fields")
	dump = bytes.Join(lines, []byte("\n"))
	var wantErr string
	for _, n := range []int{1, 2, 4} {
		var out bytes.Buffer
		_, err := dumpstream.Rewrite(&out, bytes.NewReader(dump), benchPlan(t, parallelRules), dumpstream.Options{Workers: n, Name: "d.sql"})
		if err == nil {
			t.Fatalf("workers=%d: no error", n)
		}
		if n == 1 {
			wantErr = err.Error()
			if !strings.Contains(wantErr, "row has 2 fields") {
				t.Fatalf("error = %v", err)
			}
		} else if err.Error() != wantErr {
			t.Errorf("workers=%d: error %q, want %q", n, err, wantErr)
		}
		if bytes.Contains(out.Bytes(), []byte("only two fields")) || bytes.Count(out.Bytes(), []byte("\n")) > bad {
			t.Errorf("workers=%d: output goes past the bad row", n)
		}
	}
}
