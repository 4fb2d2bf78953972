package cmd

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"
	"unicode"
	"unicode/utf8"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/rules"
	"github.com/spf13/cobra"
)

// preview is the only command that prints values from the dump: it is for
// the person who holds the original, to see what the rules make of a few
// rows. It refuses to write anywhere but a terminal unless --force.

type previewOptions struct {
	config, keyFile, table string
	rows                   int
	force, anySQL          bool
}

func newPreview(stdin io.Reader, stdout io.Writer) *cobra.Command {
	var o previewOptions
	c := &cobra.Command{
		Use:   "preview -c anon.yaml [dump.sql] --table T [--rows 5]",
		Short: "Show original and anonymized values side by side for a few rows (prints dump values)",
		Long: `preview reads the dump up to the first rows of one table and prints, for each
of them, every column's original value next to the value a run with the same
rules and key (ANONDUMP_KEY or --key-file) writes for it. Kept columns show
"(kept)". Values are shown as COPY writes them (\N is NULL). The rest of the
dump is not read.

preview is the ONLY anondump command that prints values from the dump: it is
for the person who already holds the original. So that they do not end up in
a file or a log by accident, it writes only to a terminal; --force writes to
anything else.

--table names the table as a rules key does: schema.name, or name alone for
the public schema (or the only table of that name).

Exit status: 0 ok, 1 the dump could not be processed, 2 usage or rules error
(also: not a terminal without --force, a table the dump does not have).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return preview(&o, inputArg(args), stdin, stdout, printer{cmd.ErrOrStderr()})
		},
	}
	f := c.Flags()
	f.StringVarP(&o.config, "config", "c", "anon.yaml", "rules file")
	f.StringVar(&o.keyFile, "key-file", "", "read the key from `FILE` instead of ANONDUMP_KEY")
	f.StringVarP(&o.table, "table", "t", "", "the `TABLE` to preview (required)")
	f.IntVarP(&o.rows, "rows", "n", 5, "preview the first `N` rows")
	f.BoolVar(&o.force, "force", false, "write dump values even when standard output is not a terminal")
	f.BoolVar(&o.anySQL, "sql", false, "accept SQL that pg_dump did not write")
	return c
}

// errPreviewDone stops the walk once the rows are printed.
var errPreviewDone = errors.New("preview: enough rows")

func preview(o *previewOptions, path string, stdin io.Reader, stdout io.Writer, ui printer) error {
	if o.table == "" {
		return configError(errors.New("preview: --table is required"))
	}
	if o.rows < 1 {
		return configError(fmt.Errorf("preview: --rows must be at least 1, not %d", o.rows))
	}
	if !o.force && !isTerminal(stdout) {
		return configError(withHint(errors.New("preview prints values from the dump, and standard output is not a terminal"),
			"run it in a terminal, or add --force if writing the original values there is what you mean"))
	}
	sel, err := rules.Parse([]byte("version: 1\ntables:\n  "+rules.YAMLKey(o.table)+":\n    keep: true\n"), "--table")
	if err != nil {
		return configError(fmt.Errorf("preview: --table %q is not a table name as a rules file writes one", o.table))
	}
	rs, err := loadRules(o.config)
	if err != nil {
		return err
	}
	key, _, err := loadKey(o.keyFile, ui)
	if err != nil {
		return err
	}
	in, err := openInput(path, stdin, "anondump preview", false)
	if err != nil {
		return err
	}
	defer in.Close()
	v := &previewer{sel: sel, rows: o.rows, plan: rules.NewPlan(rs, key), out: stdout}
	_, err = dumpstream.WalkAny(in.r, v, dumpstream.Options{Name: in.name, AnySQL: o.anySQL})
	if v.tw != nil {
		if ferr := v.tw.Flush(); ferr != nil && (err == nil || errors.Is(err, errPreviewDone)) {
			err = ferr
		}
	}
	switch {
	case errors.Is(err, errPreviewDone):
		return nil
	case err != nil:
		var ee *exitError
		if errors.As(err, &ee) {
			return err
		}
		return dumpError(err)
	case !v.found && v.inserts:
		return configError(fmt.Errorf("preview: the rows of table %q come as INSERT statements, which preview does not show yet (the run rewrites them; preview a COPY dump: pg_dump without --inserts)", o.table))
	case !v.found:
		names := v.seen
		err := fmt.Errorf("preview: %s has no COPY data for table %q", in.name, o.table)
		if m := closestCommand(o.table, names); m != "" {
			return configError(withHint(err, "did you mean %s?", m))
		}
		if len(names) > 0 {
			return configError(withHint(err, "tables with data: %s", strings.Join(names, ", ")))
		}
		return configError(err)
	}
	return nil
}

// previewer is preview's visitor: it skips every block but the wanted
// table's, whose rows it prints next to their rewritten values.
type previewer struct {
	dumpstream.NopVisitor
	sel     *rules.Rules // one rule, for the --table name
	rows    int
	plan    *rules.Plan
	out     io.Writer
	tw      *tabwriter.Writer
	seen    []string
	found   bool
	inserts bool // the table's rows come as INSERT statements

	table   *dumpstream.Table
	tp      *dumpstream.TablePlan
	n       int
	fields  [][]byte
	readers []dumpstream.RowReader
	enc     []byte
	buf     []byte
}

// printable returns a COPY field for the terminal: control characters
// (which COPY's text format leaves as they are, an escape sequence among
// them) and invalid UTF-8 are written as \xNN, so that a value cannot
// move the cursor, retitle the window or hide the rows around it.
func printable(f []byte) string {
	var b strings.Builder
	for len(f) > 0 {
		r, n := utf8.DecodeRune(f)
		if r == utf8.RuneError && n <= 1 || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r) {
			for _, c := range f[:n] {
				fmt.Fprintf(&b, "\\x%02x", c)
			}
		} else {
			b.Write(f[:n])
		}
		f = f[n:]
	}
	return b.String()
}

// matches reports whether t is the table --table names. The name is
// resolved as a rules key is (schema.name, parts optionally
// double-quoted; a bare name means public; a partition or child goes with
// its parent's name).
func (p *previewer) matches(t *dumpstream.Table) bool {
	return p.sel.RuleFor(t) != nil
}

func (p *previewer) Inserts(t *dumpstream.Table) error {
	p.inserts = p.inserts || p.matches(t)
	return nil
}

func (p *previewer) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	t := b.Table
	if !p.matches(t) {
		name := t.Name
		if t.Schema != "public" {
			name = t.Schema + "." + t.Name
		}
		if !slices.Contains(p.seen, name) {
			p.seen = append(p.seen, name)
		}
		return nil, nil
	}
	p.found = true
	if !b.Text {
		return nil, dumpError(fmt.Errorf("preview: the rows of %s are not in COPY's text format", t.QualifiedName()))
	}
	tp, err := p.plan.Table(t)
	if err != nil {
		return nil, configError(err)
	}
	p.table, p.tp = t, tp
	p.tw = tabwriter.NewWriter(p.out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(p.tw, "table %s (COPY at line %d)\n", t.QualifiedName(), b.Line)
	switch {
	case tp == nil:
		fmt.Fprintf(p.tw, "every column is kept: the rows are written as they are\n")
		return nil, errPreviewDone
	case tp.RefuseRows != nil:
		return nil, configError(tp.RefuseRows)
	case tp.DropRows:
		fmt.Fprintf(p.tw, "the table's rows are dropped: it is restored empty\n")
		return nil, errPreviewDone
	}
	for _, cr := range tp.Columns {
		if rr, ok := cr.(dumpstream.RowReader); ok {
			p.readers = append(p.readers, rr)
		}
	}
	fmt.Fprintf(p.tw, "row\tcolumn\toriginal\tanonymized\n")
	return p, nil
}

func (p *previewer) EndBlock(b *dumpstream.Block, rows int64) error {
	if p.tp != nil {
		return errPreviewDone // fewer rows than asked for
	}
	return nil
}

func (p *previewer) Row(r *dumpstream.Row) error {
	if err := r.Fields(); err != nil {
		return err
	}
	cols := p.table.Columns
	p.fields = p.fields[:0]
	for i := range cols {
		p.fields = append(p.fields, r.Raw(i))
	}
	for _, rr := range p.readers {
		rr.SetRow(p.fields)
	}
	p.n++
	label := fmt.Sprintf("%d (line %d)", p.n, r.Line)
	keep := true
	if p.tp.Filter != nil {
		var err error
		if keep, err = p.tp.Filter.Keep(p.fields); err != nil {
			return err
		}
	}
	for i, c := range cols {
		orig := printable(p.fields[i])
		var anon string
		switch cr := p.tp.Columns[i]; {
		case !keep:
			anon = "(row dropped by where:)"
		case cr == nil:
			anon = "(kept)"
		default:
			val, err := r.Value(i)
			if err != nil {
				return err
			}
			enc, null, err := cr.Rewrite(p.enc[:0], val, r.IsNull(i))
			p.enc = enc
			if err != nil {
				return fmt.Errorf("column %s: %w", dumpstream.QuoteIdent(c.Name), err)
			}
			if null {
				anon = `\N`
			} else {
				anon = printable(dumpstream.AppendEncoded(p.buf[:0], enc))
			}
		}
		fmt.Fprintf(p.tw, "%s\t%s\t%s\t%s\n", label, c.Name, orig, anon)
		label = ""
	}
	if p.n >= p.rows {
		return errPreviewDone
	}
	return nil
}
