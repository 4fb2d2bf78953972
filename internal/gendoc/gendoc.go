// Command gendoc writes the transformer reference into README.md, from
// the same source as `anondump transformers` (fakers.Reference). It runs
// from `go generate` in the repository root; TestReadmeReference fails
// when README.md is not what it would write.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/anondump/anondump/fakers"
)

// The markers around the generated table in README.md.
const (
	Begin = "<!-- transformers: begin (go generate writes this table; do not edit) -->\n"
	End   = "<!-- transformers: end -->\n"
)

// Splice returns readme with the text between the markers replaced by
// table.
func Splice(readme []byte, table string) ([]byte, error) {
	i := bytes.Index(readme, []byte(Begin))
	j := bytes.Index(readme, []byte(End))
	if i < 0 || j < i {
		return nil, errors.New("README.md has no transformer table markers")
	}
	var b bytes.Buffer
	b.Write(readme[:i+len(Begin)])
	b.WriteString(table)
	b.Write(readme[j:])
	return b.Bytes(), nil
}

// Table is the generated reference.
func Table() (string, error) {
	entries, err := fakers.Reference()
	if err != nil {
		return "", err
	}
	return fakers.ReferenceMarkdown(entries), nil
}

func main() {
	if err := run("README.md"); err != nil {
		fmt.Fprintln(os.Stderr, "gendoc:", err)
		os.Exit(1)
	}
}

func run(path string) error {
	readme, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	table, err := Table()
	if err != nil {
		return err
	}
	out, err := Splice(readme, table)
	if err != nil {
		return err
	}
	return os.WriteFile(path, out, 0o644)
}
