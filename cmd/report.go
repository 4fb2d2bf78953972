package cmd

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/rules"
)

// runReport is the run's summary, printed to stderr and written as JSON by
// --report. It never holds a value from the dump: only names and counts.
type runReport struct {
	Version string `json:"anondump_version"`
	OK      bool   `json:"ok"`
	Error   string `json:"error,omitempty"`
	Input   string `json:"input"`
	Output  string `json:"output"`
	Rules   string `json:"rules"`
	Key     string `json:"key"` // where the key came from: ANONDUMP_KEY, key-file or random
	// The audit stamp: what made this output, from what.
	RulesSHA256    string        `json:"rules_sha256"`
	KeyFingerprint string        `json:"key_fingerprint"` // a keyed hash of a fixed label: names the key, never reveals it
	InputFormat    string        `json:"input_format"`    // text, gzip data, xz data, …
	InputBytes     int64         `json:"input_bytes"`     // as read, before decompression
	InputSHA256    string        `json:"input_sha256"`    // of the bytes as read; "" when the run stopped early
	OutputBytes    int64         `json:"output_bytes"`
	OutputSHA256   string        `json:"output_sha256"` // "" when the run failed
	Workers        int           `json:"workers"`
	Seconds        float64       `json:"seconds"`
	BytesIn        int64         `json:"bytes_in"`
	MBPerSecond    float64       `json:"mb_per_second"`
	Lines          int64         `json:"lines"`
	CopyBlocks     int           `json:"copy_blocks"`
	RuledBlocks    int           `json:"ruled_blocks"`
	Rows           int64         `json:"rows"`
	RowsRewritten  int64         `json:"rows_rewritten"`
	RowsDropped    int64         `json:"rows_dropped"`
	Tables         []tableReport `json:"tables"`
	// KAnonymity: the k-anonymity of each k_anonymity table's output.
	KAnonymity []rules.KResult `json:"k_anonymity,omitempty"`
	// Subset: what the cascade of filters and samples dropped, and why.
	Subset *subsetReport `json:"subset,omitempty"`
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
	Class           string `json:"class"` // anonymizing, pseudonymizing, masking, or kept (a case keeps values)
	ValuesRewritten int64  `json:"values_rewritten"`
	Nulls           int64  `json:"nulls"`
}

// runStamp is what the audit stamp records: which anondump, which rules,
// which key (by fingerprint), and the input and output as they stream.
type runStamp struct {
	Version        string
	RulesSHA256    string
	Key            string // where the key came from
	KeyFingerprint string
	InputFormat    string
	Input          *input
	Output         *countingWriter
}

// comment is the one-line SQL comment --stamp writes at the top of the
// output. It holds what is known before the dump is read; the sizes and
// hashes of the input and output are in --report.
func (s runStamp) comment() string {
	return fmt.Sprintf("-- anondump %s: rules sha256 %s, key %s fingerprint %s, input %s\n",
		s.Version, s.RulesSHA256, s.Key, s.KeyFingerprint, s.InputFormat)
}

func newReport(o *runOptions, input, output string, stamp runStamp, st dumpstream.Stats, elapsed time.Duration, err error) *runReport {
	r := &runReport{
		Version: stamp.Version, OK: err == nil, Input: input, Output: output, Rules: o.config, Key: stamp.Key,
		RulesSHA256: stamp.RulesSHA256, KeyFingerprint: stamp.KeyFingerprint, InputFormat: stamp.InputFormat,
		Workers: o.jobs, Seconds: elapsed.Seconds(), BytesIn: st.Bytes, Lines: st.Lines,
		CopyBlocks: st.Tables, RuledBlocks: st.RuledTables, Rows: st.Rows,
		RowsDropped: st.RowsDropped, Tables: []tableReport{},
	}
	if in := stamp.Input; in != nil {
		r.InputBytes = in.raw.n.Load()
		if err == nil {
			r.InputSHA256 = in.raw.sum()
		}
	}
	if out := stamp.Output; out != nil {
		r.OutputBytes = out.n.Load()
		if err == nil {
			r.OutputSHA256 = out.sum()
		}
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
			tr.Columns = append(tr.Columns, columnReport{Column: c.Column, Transform: c.Rule, Class: c.Class, ValuesRewritten: c.Rewritten, Nulls: c.Nulls})
		}
		// A table whose rule only filters its rows (keep: true with
		// where:) or drops them all (truncate) has no row rewritten.
		if len(t.Columns) > 0 {
			r.RowsRewritten += t.Rows - t.RowsDropped
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
func (r *runReport) printSummary(ui printer) {
	ui.infof("done: %s, %d COPY blocks, %d tables with rules, %d rows (%d rewritten, %d dropped) in %.2f s (%.0f MB/s)",
		humanBytes(r.BytesIn), r.CopyBlocks, r.RuledBlocks, r.Rows, r.RowsRewritten, r.RowsDropped, r.Seconds, r.MBPerSecond)
	for _, t := range r.Tables {
		line := fmt.Sprintf("  %s: %d rows", t.Table, t.Rows)
		if t.RowsDropped > 0 {
			line += fmt.Sprintf(", %d dropped", t.RowsDropped)
		}
		if len(t.Columns) > 0 {
			cols := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				cols[i] = fmt.Sprintf("%s %d", dumpstream.QuoteIdent(c.Column), c.ValuesRewritten)
			}
			line += "; values rewritten: " + strings.Join(cols, ", ")
		} else if t.RowsDropped < t.Rows {
			line += "; kept"
		}
		ui.infof("%s", line)
	}
	r.Subset.print(ui)
	for _, k := range r.KAnonymity {
		state := "met"
		if !k.Met {
			state = fmt.Sprintf("NOT met: %d rows in %d classes below k", k.Result.RowsBelowK, k.Result.ClassesBelowK)
		}
		ui.infof("  k-anonymity %s over %s: k=%d %s (%d classes, smallest class %d)",
			k.Table, strings.Join(k.Columns, ", "), k.K, state, k.Result.Classes, k.Result.Smallest)
	}
}

// countingWriter meters the bytes written through it.
type countingWriter struct {
	w io.Writer
	meter
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.add(p[:n])
	return n, err
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
