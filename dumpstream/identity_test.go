package dumpstream

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// keepAll is a Transformer without rules.
type keepAll struct{ seen []string }

func (k *keepAll) Table(t *Table) (*TablePlan, error) {
	k.seen = append(k.seen, t.QualifiedName())
	return nil, nil
}

// identityInputs are real dumps: the ones in testdata/ here and the
// fixtures in the repository's testdata/dumps.
func identityInputs(t testing.TB) []string {
	var files []string
	for _, g := range []string{"testdata/*.sql", "../testdata/dumps/*.sql"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no dumps found")
	}
	return files
}

func TestRewriteIdentity(t *testing.T) {
	for _, f := range identityInputs(t) {
		t.Run(filepath.Base(f), func(t *testing.T) {
			in, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			// Files named truncated_* are cut short on purpose: the
			// output must still be identical, and the error must say so.
			wantTruncated := strings.HasPrefix(filepath.Base(f), "truncated_")
			for name, r := range map[string]io.Reader{
				"whole":    bytes.NewReader(in),
				"one byte": iotest.OneByteReader(bytes.NewReader(in)),
				"half":     iotest.HalfReader(bytes.NewReader(in)),
			} {
				var out bytes.Buffer
				_, err := Rewrite(&out, r, &keepAll{}, Options{Name: f})
				if wantTruncated != errors.Is(err, ErrTruncated) || !wantTruncated && err != nil {
					t.Fatalf("%s: Rewrite: %v (want truncated: %v)", name, err, wantTruncated)
				}
				if !bytes.Equal(out.Bytes(), in) {
					t.Fatalf("%s: output differs from input", name)
				}
			}
		})
	}
}
