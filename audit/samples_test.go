package audit

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestScanSamples measures scan's precision and recall on sample
// databases: the dumps that testdata/samples/build.sh writes into
// $ANONDUMP_SAMPLES (public sample databases, never committed), against
// the hand-labelled personal columns of testdata/samples/*.truth, and on
// the repository's examples and e2e databases against their rules files
// (a column a rule rewrites is personal; truncated tables are not
// counted). It skips what is absent.
func TestScanSamples(t *testing.T) {
	dir := os.Getenv("ANONDUMP_SAMPLES")
	if dir == "" {
		t.Skip("ANONDUMP_SAMPLES is not set (see testdata/samples/build.sh)")
	}
	truths := map[string]func(t *testing.T) map[string]bool{
		"examples": func(t *testing.T) map[string]bool { return truthFromRules(t, "../examples/anon.yaml") },
		"e2e":      func(t *testing.T) map[string]bool { return truthFromRules(t, "../testdata/e2e/anon.yaml") },
	}
	files, _ := filepath.Glob("testdata/samples/*.truth")
	for _, f := range files {
		truths[strings.TrimSuffix(filepath.Base(f), ".truth")] = func(t *testing.T) map[string]bool { return truthFromFile(t, f) }
	}
	names := make([]string, 0, len(truths))
	for n := range truths {
		names = append(names, n)
	}
	sort.Strings(names)
	var sumFound, sumMissed, sumFP int
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			dump := filepath.Join(dir, name+".dump.sql")
			f, err := os.Open(dump)
			if err != nil {
				t.Skipf("no %s", dump)
			}
			defer f.Close()
			truth := truths[name](t)
			res, err := Scan(bufio.NewReader(f), name, ScanOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var found, missed, fp []string
			flagged := map[string]bool{}
			for _, st := range res.Tables {
				if truth["truncated "+st.table.QualifiedName()] {
					continue
				}
				for _, c := range st.cols {
					key := st.table.QualifiedName() + "." + c.col.Name
					if c.transform != "" {
						flagged[key] = true
						if truth[key] {
							found = append(found, key)
						} else {
							fp = append(fp, key)
						}
					}
				}
			}
			for key := range truth {
				if !strings.HasPrefix(key, "truncated ") && !flagged[key] {
					missed = append(missed, key)
				}
			}
			sort.Strings(missed)
			sort.Strings(fp)
			t.Logf("%s: personal columns found %d, missed %d %v, false positives %d %v", name, len(found), len(missed), missed, len(fp), fp)
			sumFound, sumMissed, sumFP = sumFound+len(found), sumMissed+len(missed), sumFP+len(fp)
		})
	}
	if sumFound+sumMissed > 0 {
		t.Logf("all: found %d, missed %d, false positives %d: recall %.2f, precision %.2f", sumFound, sumMissed, sumFP,
			float64(sumFound)/float64(sumFound+sumMissed), float64(sumFound)/float64(max(1, sumFound+sumFP)))
	}
}

func truthFromFile(t *testing.T, path string) map[string]bool {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// truthFromRules: the columns a hand-written rules file rewrites.
func truthFromRules(t *testing.T, path string) map[string]bool {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Skip(err)
	}
	var doc struct {
		Tables map[string]struct {
			Keep     bool           `yaml:"keep"`
			Truncate bool           `yaml:"truncate"`
			Columns  map[string]any `yaml:"columns"`
		} `yaml:"tables"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	m := map[string]bool{}
	for table, tr := range doc.Tables {
		if !strings.Contains(strings.ReplaceAll(table, `"."`, "."), ".") {
			table = "public." + table
		}
		if tr.Truncate {
			m["truncated "+table] = true
			continue
		}
		for col, rule := range tr.Columns {
			if s, ok := rule.(string); tr.Keep || ok && s == "keep" {
				continue
			}
			m[table+"."+col] = true
		}
	}
	return m
}
