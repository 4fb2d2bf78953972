package cmd

import (
	"fmt"
	"github.com/anondump/anondump/dumpstream"
	"io"

	"github.com/anondump/anondump/audit"
	"github.com/spf13/cobra"
)

func newVerify(stdout io.Writer) *cobra.Command {
	var config, format string
	var opt audit.VerifyOptions
	var anySQL bool
	c := &cobra.Command{
		Use:   "verify original.sql safe.sql -c anon.yaml",
		Short: "Report what of the original dump survives in its anonymized copy",
		Long: `verify streams the original dump and its anonymized copy (files, as the
original is read twice) and reports:
  - every original value of a ruled column that appears anywhere in the copy:
    in any table, in free text, outside table data;
  - tables whose row counts differ (truncated tables must be empty);
  - columns the rules keep whose values look personal (emails, phones, IBANs,
    card numbers, IPs, national IDs, JWTs, API keys).
For a paths: column the ruled leaves are searched, and a finding names its
JSON path; the leaves no path names are searched like a kept column.
Memory stays bounded: the original values are held as keyed hashes in a Bloom
filter, never as values, and nothing reported ever contains a value.

Exit status: 0 nothing found, 1 something found (or a dump cannot be read),
2 usage or rules error. Low-confidence findings (a short common word found
only inside unrelated kept text) are listed but fail only with --strict.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			rs, err := loadRules(config)
			if err != nil {
				return err
			}
			// Both inputs are opened (and refused) before anything is read.
			for _, f := range args {
				in, err := openInput(f, nil, "anondump verify", false)
				if err != nil {
					return err
				}
				in.Close()
			}
			opt.FilterBytes <<= 20 // the flag is in MB
			opt.AnySQL, opt.Note = anySQL, printer{cmd.ErrOrStderr()}.note
			findings, err := audit.Verify(rs, opener(args[0]), args[0], opener(args[1]), args[1], opt)
			if err != nil {
				return dumpError(err)
			}
			if format == "json" {
				if findings == nil {
					findings = []audit.Finding{}
				}
				if err := writeJSON(stdout, struct {
					OK       bool            `json:"ok"`
					Findings []audit.Finding `json:"findings"`
				}{!audit.Failed(findings), findings}); err != nil {
					return err
				}
			} else {
				for _, f := range findings {
					where := f.Table
					if f.Column != "" {
						where += "." + f.Column
					}
					kind := f.Kind
					if f.Confidence == "low" {
						kind += " (low confidence)"
					}
					fmt.Fprintf(stdout, "%s: %s: %s\n", kind, where, f.Message)
				}
				if len(findings) == 0 {
					fmt.Fprintf(stdout, "%s: ok: no original value of a ruled column found, row counts match, no kept column looks personal\n", args[1])
				}
			}
			if audit.Failed(findings) {
				return &exitError{code: exitDump, err: fmt.Errorf("verify: %d finding(s) in %s", len(findings), args[1])}
			}
			return nil
		},
	}
	c.Flags().StringVarP(&config, "config", "c", "anon.yaml", "rules file the copy was made with")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	c.Flags().BoolVar(&opt.Strict, "strict", false, "fail on low-confidence findings too")
	c.Flags().IntVar(&opt.MinLength, "min-length", 6, "ignore original values shorter than `N` bytes (short values recur by chance)")
	c.Flags().IntVar(&opt.FilterBytes, "filter-mb", 32, "size of the Bloom filter of original values, in `MB`")
	c.Flags().BoolVar(&anySQL, "sql", false, "accept SQL that pg_dump did not write")
	return c
}

// opener opens a dump file for one pass, as every command opens its input.
func opener(path string) audit.Opener {
	return func() (io.ReadCloser, error) {
		in, err := openInput(path, nil, "anondump verify", false)
		if err != nil {
			return nil, err
		}
		if d, ok := in.r.(dumpstream.DirInput); ok {
			return struct {
				dumpstream.DirInput
				io.Closer
			}{d, closerFunc(in.Close)}, nil
		}
		return struct {
			io.Reader
			io.Closer
		}{in.r, closerFunc(in.Close)}, nil
	}
}

type closerFunc func()

func (f closerFunc) Close() error { f(); return nil }
