package dumpstream_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
)

// insertMode is how toInserts writes rows, as the pg_dump options do.
type insertMode struct {
	columns    bool // --column-inserts
	perStmt    int  // --rows-per-insert (0: one row per statement, single-line)
	onConflict bool // --on-conflict-do-nothing
	stdOff     bool // standard_conforming_strings off: backslashes doubled
}

// toInserts converts the COPY blocks of a plain dump into INSERT
// statements the way pg_dump writes them (pgdump-format.md 1.6): the
// columns in bare are numbers written bare, NULL is NULL, everything else
// a '…' literal with quotes doubled (and backslashes, with stdOff).
func toInserts(t testing.TB, dump []byte, m insertMode, bare map[string]bool) []byte {
	var out bytes.Buffer
	lines := strings.SplitAfter(string(dump), "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m.stdOff && strings.HasPrefix(l, "SET standard_conforming_strings = on;") {
			l = "SET standard_conforming_strings = off;\n"
		}
		if !strings.HasPrefix(l, "COPY ") || !strings.HasSuffix(l, " FROM stdin;\n") {
			out.WriteString(l)
			continue
		}
		head := strings.TrimSuffix(strings.TrimPrefix(l, "COPY "), " FROM stdin;\n")
		table, list, _ := strings.Cut(head, " (")
		list = strings.TrimSuffix(list, ")")
		cols := strings.Split(list, ", ")
		prefix := "INSERT INTO " + table + " "
		if m.columns {
			prefix += "(" + list + ") "
		}
		prefix += "VALUES"
		var rows []string
		flush := func() {
			if len(rows) == 0 {
				return
			}
			out.WriteString(prefix)
			if m.perStmt == 0 {
				out.WriteString(" " + rows[0])
			} else {
				out.WriteString("\n\t" + strings.Join(rows, ",\n\t"))
			}
			if m.onConflict {
				out.WriteString(" ON CONFLICT DO NOTHING")
			}
			out.WriteString(";\n")
			rows = rows[:0]
		}
		for i++; i < len(lines) && lines[i] != "\\.\n"; i++ {
			fields := strings.Split(strings.TrimSuffix(lines[i], "\n"), "\t")
			var b strings.Builder
			b.WriteByte('(')
			for k, f := range fields {
				if k > 0 {
					b.WriteString(", ")
				}
				if f == `\N` {
					b.WriteString("NULL")
					continue
				}
				v, err := dumpstream.AppendDecoded(nil, []byte(f))
				if err != nil {
					t.Fatal(err)
				}
				if bare[cols[k]] {
					b.Write(v)
					continue
				}
				s := strings.ReplaceAll(string(v), "'", "''")
				if m.stdOff {
					s = strings.ReplaceAll(s, `\`, `\\`)
				}
				b.WriteString("'" + s + "'")
			}
			b.WriteByte(')')
			rows = append(rows, b.String())
			if m.perStmt <= 1 {
				flush()
			} else if len(rows) == m.perStmt {
				flush()
			}
		}
		flush()
		out.WriteString("\n")
	}
	return out.Bytes()
}

// BenchmarkRewriteInserts reports MB/s for the benchmark dump written
// with --inserts and with --column-inserts --rows-per-insert=50, five
// ruled columns.
func BenchmarkRewriteInserts(b *testing.B) {
	dump := benchDump(16 << 20)
	bare := map[string]bool{"id": true}
	for _, bc := range []struct {
		name    string
		mode    insertMode
		workers int
	}{
		{"inserts", insertMode{}, 1},
		{"rows-per-insert-50", insertMode{columns: true, perStmt: 50}, 1},
		{"inserts-parallel", insertMode{}, runtime.NumCPU()},
		{"rows-per-insert-50-parallel", insertMode{columns: true, perStmt: 50}, runtime.NumCPU()},
	} {
		in := toInserts(b, dump, bc.mode, bare)
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				st, err := dumpstream.Rewrite(io.Discard, bytes.NewReader(in), benchPlan(b, parallelRules), dumpstream.Options{Workers: bc.workers})
				if err != nil {
					b.Fatal(err)
				}
				if st.RowsRewritten == 0 {
					b.Fatal("no rows rewritten")
				}
			}
		})
	}
}

// BenchmarkRewriteInsertsFile rewrites the INSERT dump named by
// ANONDUMP_BENCH_INSERTS (pg_dump --inserts of a bench/gen database)
// with bench/anon.yaml; it is skipped without one.
func BenchmarkRewriteInsertsFile(b *testing.B) {
	f := os.Getenv("ANONDUMP_BENCH_INSERTS")
	if f == "" {
		b.Skip("ANONDUMP_BENCH_INSERTS is not set")
	}
	in, err := os.ReadFile(f)
	if err != nil {
		b.Fatal(err)
	}
	yaml, err := os.ReadFile("../bench/anon.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("workers-%d", workers), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				if _, err := dumpstream.Rewrite(io.Discard, bytes.NewReader(in), benchPlan(b, string(yaml)), dumpstream.Options{Workers: workers}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
