package cmd_test

import (
	"bufio"
	"os"
	"strconv"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// cmdPreviewMatches checks that every anonymized value of a preview's
// output (PREVIEW: a file, or stdout) is the value the run's output (RUN,
// a dump with that one table) has for the same row and column, and that
// kept columns are the run's originals.
func cmdPreviewMatches(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: previewmatches PREVIEW RUN")
	}
	prev := ts.ReadFile(args[0])
	run, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)

	// The run's first COPY block: its columns and rows.
	var cols []string
	var rows [][]string
	sc := bufio.NewScanner(strings.NewReader(string(run)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cols == nil && strings.HasPrefix(line, "COPY "):
			list := line[strings.Index(line, "(")+1 : strings.Index(line, ")")]
			cols = strings.Split(list, ", ")
		case cols != nil && line == `\.`:
			goto compare
		case cols != nil:
			rows = append(rows, strings.Split(line, "\t"))
		}
	}
compare:
	var anonAt, colAt, origAt int
	row, checked := -1, 0
	for _, line := range strings.Split(prev, "\n") {
		if strings.HasPrefix(line, "row ") {
			colAt, origAt, anonAt = strings.Index(line, "column"), strings.Index(line, "original"), strings.Index(line, "anonymized")
			continue
		}
		if anonAt == 0 || len(line) < anonAt {
			continue
		}
		if label := strings.TrimSpace(line[:colAt]); label != "" {
			n, err := strconv.Atoi(strings.Fields(label)[0])
			ts.Check(err)
			row = n - 1
		}
		col := strings.TrimSpace(line[colAt:origAt])
		orig, anon := strings.TrimSpace(line[origAt:anonAt]), line[anonAt:]
		i := -1
		for k, c := range cols {
			if c == col {
				i = k
			}
		}
		if i < 0 || row < 0 || row >= len(rows) {
			ts.Fatalf("preview row %d column %q is not in the run's output", row+1, col)
		}
		want := rows[row][i]
		if anon == "(kept)" {
			anon = orig
		}
		if anon != want {
			ts.Fatalf("preview row %d column %s: %q, the run wrote %q", row+1, col, anon, want)
		}
		checked++
	}
	if checked == 0 {
		ts.Fatalf("previewmatches: no value in the preview")
	}
}
