package cmd

import (
	"errors"
	"fmt"
	"io"

	"github.com/anondump/anondump/audit"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
	"github.com/anondump/anondump/subset"
	"github.com/spf13/cobra"
)

func newCheck(stdin io.Reader, stdout io.Writer) *cobra.Command {
	var config, format string
	var noStrict, anySQL bool
	var kSample int
	c := &cobra.Command{
		Use:   "check -c anon.yaml [dump.sql]",
		Short: "Report, before a run, everything the rules would fail on or let through",
		Long: `check reads a dump (its schema, keys and row counts; rows are not rewritten)
and reports every problem at once: tables and columns with data but no rule,
rules that do not fit their columns' types or lengths, unique keys whose rule
can collide, foreign keys whose two sides are not rewritten alike, rules
for tables the dump does not have, ruled tables whose column types the dump
does not declare (a data-only dump; see untyped: in the rules), where:
filters with cascade: false on tables that other tables reference, tables whose name means
different tables in two databases of a pg_dumpall, and kept json/jsonb
columns whose sampled documents hold personal-looking values (with their
JSON paths, never the values). When the rules filter or sample, it shows
the cascade: the foreign keys that carry it, the rows each table keeps
(counted under the key, as a run would) and whether the input's order
allows one pass. What only warns under --no-strict is printed on stderr as
a warning.

Exit status: 0 no problem, 1 problems found (or the dump cannot be read),
2 usage or rules error. --format json prints {"ok": …, "problems": […]}.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			rs, err := loadRules(config)
			if err != nil {
				return err
			}
			if noStrict {
				rs.Strict = false
			}
			in, err := openInput(inputArg(args), stdin, "anondump check", false)
			if err != nil {
				return err
			}
			defer in.Close()
			name, src := in.name, in.r
			warn := printer{cmd.ErrOrStderr()}
			warnings := 0
			problems, err := audit.Check(rs, src, name, audit.CheckOptions{AnySQL: anySQL, Note: warn.note, KSample: kSample, Warn: func(p rules.Problem) {
				warnings++
				warn.warningf("%s", rules.FormatProblem(name, p))
			}})
			if err != nil {
				return dumpError(err)
			}
			// The cascade, when the rules filter or sample: it reads the
			// input again, so only from a file or a directory.
			var cascade *cascadeCheck
			if rereadable(in) {
				key, _, kerr := loadKey("", printer{io.Discard})
				if kerr != nil {
					return kerr
				}
				cascade, err = checkSubset(in, rs, key, anySQL)
				var list rules.ErrorList
				switch {
				case errors.As(err, &list):
					for _, e := range list {
						problems = append(problems, rules.Problem{Kind: "cascade", Message: e.Msg, Rule: e.Pos.String()})
					}
				case err != nil:
					return dumpError(err)
				}
			} else if cfg, _ := subsetConfig(rules.NewPlan(rs, fakers.Key{}), fakers.Key{}); subset.Active(cfg) {
				warn.note("the rules filter or sample tables, and a run must read the dump more than once for the cascade: a run on this pipe would be refused; pass a file")
			}
			if format == "json" {
				if problems == nil {
					problems = []rules.Problem{}
				}
				if err := writeJSON(stdout, struct {
					OK       bool            `json:"ok"`
					Problems []rules.Problem `json:"problems"`
					Cascade  *cascadeCheck   `json:"cascade,omitempty"`
				}{len(problems) == 0, problems, cascade}); err != nil {
					return err
				}
			} else {
				for _, p := range problems {
					fmt.Fprintln(stdout, rules.FormatProblem(name, p))
				}
				if cascade != nil {
					cascade.print(stdout, name)
				}
				switch {
				case len(problems) == 0 && warnings > 0:
					fmt.Fprintf(stdout, "%s: ok with %d warning(s) (on stderr): nothing stops a run, but read them\n", name, warnings)
				case len(problems) == 0:
					fmt.Fprintf(stdout, "%s: ok: every table and column with data is covered, and the rules fit the dump\n", name)
				}
			}
			if len(problems) > 0 {
				return &exitError{code: exitDump, err: fmt.Errorf("check: %d problem(s) in %s", len(problems), name)}
			}
			return nil
		},
	}
	c.Flags().StringVarP(&config, "config", "c", "anon.yaml", "rules file")
	c.Flags().StringVar(&format, "format", "text", "output format: text or json")
	c.Flags().BoolVar(&noStrict, "no-strict", false, "do not report tables and columns without a rule")
	c.Flags().BoolVar(&anySQL, "sql", false, "accept SQL that pg_dump did not write")
	c.Flags().IntVar(&kSample, "k-sample", 100000, "rows of each k_anonymity table rewritten and counted for the estimate")
	return c
}

// note prints a note: what check, scan or verify could not look at.
func (p printer) note(msg string) { p.print("note", msg) }
