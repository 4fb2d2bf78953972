package cmd

import (
	"fmt"
	"io"

	"github.com/anondump/anondump/audit"
	"github.com/spf13/cobra"
)

func newScan(stdin io.Reader, stdout io.Writer) *cobra.Command {
	var opt audit.ScanOptions
	var anySQL bool
	c := &cobra.Command{
		Use:   "scan [dump.sql] > anon.yaml",
		Short: "Write a starter rules file for a dump",
		Long: `scan reads a dump (its schema, its keys and a sample of each table's rows,
streaming) and writes a complete rules file to stdout: every table with data
and every column, personal-looking ones (by column name in English, French,
German or Spanish, and by content: emails, phones, IBANs, card numbers, IPs,
national IDs, tokens, free text containing them) with a suggested transformer
and a comment saying why, everything else keep. Columns joined by a foreign key
share a transformer and a domain; key columns get unique: true. The file
passes "anondump check" as written; review it before use.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.Sample < 1 {
				return configError(fmt.Errorf("--sample %d: scan needs at least 1 row of each table", opt.Sample))
			}
			in, err := openInput(inputArg(args), stdin, "anondump scan", false)
			if err != nil {
				return err
			}
			defer in.Close()
			opt.AnySQL, opt.Note = anySQL, printer{cmd.ErrOrStderr()}.note
			res, err := audit.Scan(in.r, in.name, opt)
			if err != nil {
				return dumpError(err)
			}
			if err := res.WriteYAML(stdout); err != nil {
				return dumpError(err)
			}
			return nil
		},
	}
	c.Flags().IntVar(&opt.Sample, "sample", 1000, "rows of each table the detectors look at")
	c.Flags().BoolVar(&anySQL, "sql", false, "accept SQL that pg_dump did not write")
	return c
}
