package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/anondump/anondump/dumpstream"
)

// runReport is the run's summary, printed to stderr and written as JSON by
// --report. It never holds a value from the dump: only names and counts.
type runReport struct {
	Version       string        `json:"anondump_version"`
	OK            bool          `json:"ok"`
	Error         string        `json:"error,omitempty"`
	Input         string        `json:"input"`
	Output        string        `json:"output"`
	Rules         string        `json:"rules"`
	Key           string        `json:"key"` // where the key came from: ANONDUMP_KEY, key-file or random
	Workers       int           `json:"workers"`
	Seconds       float64       `json:"seconds"`
	BytesIn       int64         `json:"bytes_in"`
	MBPerSecond   float64       `json:"mb_per_second"`
	Lines         int64         `json:"lines"`
	CopyBlocks    int           `json:"copy_blocks"`
	RuledBlocks   int           `json:"ruled_blocks"`
	Rows          int64         `json:"rows"`
	RowsRewritten int64         `json:"rows_rewritten"`
	RowsDropped   int64         `json:"rows_dropped"`
	Tables        []tableReport `json:"tables"`
}

type tableReport struct {
	Table       string         `json:"table"`
	Line        int            `json:"line"`
	Rows        int64          `json:"rows"`
	RowsDropped int64          `json:"rows_dropped"`
	Columns     []columnReport `json:"columns"`
}

type columnReport struct {
	Column          string `json:"column"`
	Transform       string `json:"transform"`
	ValuesRewritten int64  `json:"values_rewritten"`
	Nulls           int64  `json:"nulls"`
}

func newReport(o *runOptions, input, output, key string, st dumpstream.Stats, elapsed time.Duration, err error) *runReport {
	r := &runReport{
		Version: Version(), OK: err == nil, Input: input, Output: output, Rules: o.config, Key: key,
		Workers: o.jobs, Seconds: elapsed.Seconds(), BytesIn: st.Bytes, Lines: st.Lines,
		CopyBlocks: st.Tables, RuledBlocks: st.RuledTables, Rows: st.Rows,
		RowsRewritten: st.RowsRewritten, RowsDropped: st.RowsDropped, Tables: []tableReport{},
	}
	if err != nil {
		r.Error = err.Error()
	}
	if s := elapsed.Seconds(); s > 0 {
		r.MBPerSecond = float64(st.Bytes) / 1e6 / s
	}
	for _, t := range st.Ruled {
		tr := tableReport{Table: t.Table, Line: t.Line, Rows: t.Rows, RowsDropped: t.RowsDropped, Columns: []columnReport{}}
		for _, c := range t.Columns {
			tr.Columns = append(tr.Columns, columnReport{Column: c.Column, Transform: c.Rule, ValuesRewritten: c.Rewritten, Nulls: c.Nulls})
		}
		r.Tables = append(r.Tables, tr)
	}
	return r
}

// writeJSON writes the report as indented JSON.
func (r *runReport) writeJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// printSummary writes the short human summary to stderr.
func (r *runReport) printSummary(w io.Writer) {
	fmt.Fprintf(w, "anondump: done: %s, %d COPY blocks (%d with rules), %d rows (%d rewritten, %d dropped) in %.2f s (%.0f MB/s)\n",
		humanBytes(r.BytesIn), r.CopyBlocks, r.RuledBlocks, r.Rows, r.RowsRewritten, r.RowsDropped, r.Seconds, r.MBPerSecond)
	for _, t := range r.Tables {
		line := fmt.Sprintf("anondump:   %s: %d rows", t.Table, t.Rows)
		if t.RowsDropped > 0 {
			line += fmt.Sprintf(", %d dropped", t.RowsDropped)
		}
		if len(t.Columns) > 0 {
			cols := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				cols[i] = fmt.Sprintf("%s %d", dumpstream.QuoteIdent(c.Column), c.ValuesRewritten)
			}
			line += "; values rewritten: " + strings.Join(cols, ", ")
		}
		fmt.Fprintln(w, line)
	}
}

func humanBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return fmt.Sprintf("%d B", n)
}
