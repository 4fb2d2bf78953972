package rules

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"
	"unicode"
	"unicode/utf8"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
)

// A template: rule writes a Go text/template. Its data are the row's
// columns, each as its own rule leaves it (`.first_name` is the fake first
// name; a kept column is the original), so a template is evaluated after
// the columns it names, in dependency order. It supports text, actions
// with `.column`, "string" literals, pipelines and parenthesized calls of
// the functions below; if, range, with, variables and the like are rules
// errors.
//
//	lower X, upper X  case mapping (Unicode)
//	slug X            lower-case ASCII letters and digits, other runs as "-"
//	trunc N X         the first N characters of X
//	hash X            a keyed hash of X: 12 lowercase hex digits
//
// NULL: a NULL column renders as the empty string; a template on a row
// whose own value is NULL keeps NULL, unless the rule says `null: render`.
//
// Output: a template writes text, varchar(n) and char(n) columns, and
// also integer, numeric, real, double precision, boolean, date,
// timestamp, timestamptz, uuid, inet, cidr, json and jsonb columns (not
// bytea, arrays or other types). Into varchar(n) or char(n) a template
// whose literal text alone is longer than n is refused, and an output
// longer than n stops the run at that row. Into the other types each
// row's output is checked against the type before it is written
// ([fakers.CheckValue], [fakers.CheckFloat]; a template of literal text
// alone is checked before any row), and an output PostgreSQL might refuse
// stops the run with an error that names the table, the column, the
// dump's line and the template's position in the rules file, never the
// value. An empty output is such an error too, not NULL: a column the
// template names renders as "" when NULL, and a value made up from
// nothing should not pass unseen; rule such rows with a case first,
// `- {when: "manager_id IS NULL", transform: set_null}`.

// templateHashLength is the hex digits of the hash function: 48 bits.
const templateHashLength = 12

var templateFuncs = template.FuncMap{
	"lower": strings.ToLower, "upper": strings.ToUpper, "slug": strings.ToLower,
	"trunc": func(int, string) string { return "" }, "hash": strings.ToLower,
}

// parseTemplate parses a template's source, or returns its syntax error.
func parseTemplate(src string) (*parse.ListNode, error) {
	t, err := template.New("template").Funcs(templateFuncs).Option("missingkey=error").Parse(src)
	if err != nil {
		msg := err.Error()
		if i := strings.Index(msg, "template: template:"); i >= 0 {
			msg = "line " + strings.TrimPrefix(msg[i:], "template: template:")
		}
		return nil, errors.New(msg)
	}
	if len(t.Templates()) > 1 {
		return nil, errors.New("define and block are not supported in a rule's template")
	}
	if t.Tree == nil || t.Tree.Root == nil {
		return &parse.ListNode{}, nil
	}
	return t.Tree.Root, nil
}

// Expression kinds of a compiled template.
const (
	exprText = iota
	exprColumn
	exprCall
)

type texpr struct {
	kind int
	text []byte
	col  int
	fn   string
	n    int    // trunc's N
	arg  *texpr // a call's argument
	buf  []byte // a call's argument, evaluated
}

// compiledTemplate is a template compiled against a table's columns.
type compiledTemplate struct {
	parts   []*texpr
	literal int   // bytes of literal text
	refs    []int // columns named
}

// compileTemplate compiles src against the table's column names (nil:
// only check what it uses).
func compileTemplate(src string, names []string) (*compiledTemplate, error) {
	root, err := parseTemplate(src)
	if err != nil {
		return nil, err
	}
	ct := &compiledTemplate{}
	for _, n := range root.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			ct.parts = append(ct.parts, &texpr{kind: exprText, text: n.Text})
			ct.literal += utf8.RuneCount(n.Text)
		case *parse.ActionNode:
			e, err := ct.pipe(n.Pipe, names)
			if err != nil {
				return nil, err
			}
			ct.parts = append(ct.parts, e)
		case *parse.CommentNode:
		default:
			return nil, fmt.Errorf("%s is not supported in a rule's template: use text, {{.column}} and the functions lower, upper, slug, trunc N, hash", strings.TrimSpace(nodeWord(n)))
		}
	}
	return ct, nil
}

func nodeWord(n parse.Node) string {
	s := n.String()
	if strings.HasPrefix(s, "{{") {
		s = strings.TrimPrefix(s, "{{")
		if i := strings.IndexAny(s, " }"); i >= 0 {
			s = s[:i]
		}
	}
	if len(s) > 20 {
		s = s[:20]
	}
	return s
}

func (ct *compiledTemplate) pipe(p *parse.PipeNode, names []string) (*texpr, error) {
	if len(p.Decl) > 0 {
		return nil, errors.New("variables are not supported in a rule's template")
	}
	var cur *texpr
	for _, c := range p.Cmds {
		if len(c.Args) == 0 {
			return nil, errors.New("empty command in the template")
		}
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if !ok {
			if cur != nil {
				return nil, fmt.Errorf("only a function can follow | in a template, not %s", c.Args[0])
			}
			if len(c.Args) != 1 {
				return nil, fmt.Errorf("%s is not a function: a template calls lower, upper, slug, trunc N or hash", c.Args[0])
			}
			e, err := ct.arg(c.Args[0], names)
			if err != nil {
				return nil, err
			}
			cur = e
			continue
		}
		call := &texpr{kind: exprCall, fn: id.Ident}
		args := c.Args[1:]
		if id.Ident == "trunc" {
			if len(args) == 0 {
				return nil, errors.New("trunc needs a length: trunc N")
			}
			num, ok := args[0].(*parse.NumberNode)
			if !ok || !num.IsInt || num.Int64 < 0 || num.Int64 > 1<<20 {
				return nil, errors.New("trunc needs a whole number ≥ 0 as its length: trunc N")
			}
			call.n, args = int(num.Int64), args[1:]
		}
		switch {
		case cur != nil && len(args) == 0:
			call.arg = cur
		case cur == nil && len(args) == 1:
			e, err := ct.arg(args[0], names)
			if err != nil {
				return nil, err
			}
			call.arg = e
		default:
			return nil, fmt.Errorf("%s takes one value", id.Ident)
		}
		cur = call
	}
	return cur, nil
}

func (ct *compiledTemplate) arg(n parse.Node, names []string) (*texpr, error) {
	switch n := n.(type) {
	case *parse.FieldNode:
		if len(n.Ident) != 1 {
			return nil, fmt.Errorf("%s: a template names a column as .column", n)
		}
		if names == nil {
			return &texpr{kind: exprColumn, col: -1}, nil // a syntax check only
		}
		i := indexOf(names, n.Ident[0])
		if i < 0 {
			return nil, fmt.Errorf("the template names .%s, but the dump's table has no column %q%s; its columns are: %s",
				n.Ident[0], n.Ident[0], didYouMean(n.Ident[0], names), strings.Join(names, ", "))
		}
		if !slices.Contains(ct.refs, i) {
			ct.refs = append(ct.refs, i)
		}
		return &texpr{kind: exprColumn, col: i}, nil
	case *parse.StringNode:
		return &texpr{kind: exprText, text: []byte(n.Text)}, nil
	case *parse.PipeNode:
		return ct.pipe(n, names)
	}
	return nil, fmt.Errorf("%s is not supported in a rule's template: use .column, \"text\" or a function call", n)
}

// rowContext computes, once per row, each column's value after its rule,
// for the templates of one table (one goroutine). Its lead column gets the
// row's fields from dumpstream.
type rowContext struct {
	fields [][]byte
	rws    []dumpstream.ColumnRewriter // per column; nil keeps it
	state  []uint8                     // 0 not yet, 1 computing, 2 done
	vals   [][]byte
	nulls  []bool
	dec    [][]byte
	inner  []dumpstream.RowReader
}

func newRowContext(n int) *rowContext {
	return &rowContext{rws: make([]dumpstream.ColumnRewriter, n), state: make([]uint8, n),
		vals: make([][]byte, n), nulls: make([]bool, n), dec: make([][]byte, n)}
}

func (c *rowContext) setRow(fields [][]byte) {
	c.fields = fields
	clear(c.state)
	for _, r := range c.inner {
		r.SetRow(fields)
	}
}

// value returns column j's value after its rule, valid until the next row.
func (c *rowContext) value(j int) ([]byte, bool, error) {
	switch c.state[j] {
	case 2:
		return c.vals[j], c.nulls[j], nil
	case 1:
		return nil, false, errors.New("a template depends on itself") // refused by the plan
	}
	c.state[j] = 1
	raw := c.fields[j]
	null := len(raw) == 2 && raw[0] == '\\' && raw[1] == 'N'
	val := raw
	if null {
		val = nil
	} else if bytes.IndexByte(raw, '\\') >= 0 {
		var err error
		if c.dec[j], err = dumpstream.AppendDecoded(c.dec[j][:0], raw); err != nil {
			return nil, false, err
		}
		val = c.dec[j]
	}
	if rw := c.rws[j]; rw == nil {
		c.vals[j], c.nulls[j] = append(c.vals[j][:0], val...), null
	} else {
		out, outNull, err := rw.Rewrite(c.vals[j][:0], val, null)
		if err != nil {
			c.state[j] = 0
			return nil, false, err
		}
		c.vals[j], c.nulls[j] = out, outNull
	}
	c.state[j] = 2
	return c.vals[j], c.nulls[j], nil
}

// ctxColumn writes a column's value as its row context computed it.
type ctxColumn struct {
	ctx *rowContext
	col int
}

func (c *ctxColumn) Rewrite(dst, _ []byte, _ bool) ([]byte, bool, error) {
	v, null, err := c.ctx.value(c.col)
	if err != nil || null {
		return dst, null, err
	}
	return append(dst, v...), false, nil
}

// ctxLead is the ctxColumn that passes the row's fields to the context.
type ctxLead struct{ ctxColumn }

func (c *ctxLead) SetRow(fields [][]byte) { c.ctx.setRow(fields) }

// templateRewriter renders a template from a row context.
type templateRewriter struct {
	ctx    *rowContext
	t      *compiledTemplate
	render bool // null: render
	maxLen int  // characters, 0 for no limit
	hash   fakers.Func
	pos    string // the template's position in the rules file
	// check: each output is checked against target, or, when float is 32
	// or 64, as a real or double precision.
	check  bool
	target fakers.Target
	float  int
}

func (r *templateRewriter) Rewrite(dst, _ []byte, null bool) ([]byte, bool, error) {
	if null && !r.render {
		return dst, true, nil
	}
	start := len(dst)
	for _, e := range r.t.parts {
		var err error
		if dst, err = r.eval(e, dst); err != nil {
			return dst[:start], false, err
		}
	}
	if r.maxLen > 0 && utf8.RuneCount(dst[start:]) > r.maxLen {
		return dst[:start], false, fmt.Errorf("the template at %s wrote an output longer than the column's %d characters; shorten the template (trunc N)", r.pos, r.maxLen)
	}
	if r.check {
		if err := r.checkOutput(dst[start:]); err != nil {
			return dst[:start], false, fmt.Errorf("the template at %s: %v", r.pos, err)
		}
	}
	return dst, false, nil
}

// checkOutput reports whether out fits the column, with what to do when
// not; the error never quotes out.
func (r *templateRewriter) checkOutput(out []byte) error {
	var err error
	if r.float > 0 {
		err = fakers.CheckFloat(out, r.float)
	} else {
		err = fakers.CheckValue(out, r.target)
	}
	switch {
	case err == nil:
		return nil
	case len(out) == 0:
		return fmt.Errorf("%v (the columns it names may be NULL on this row, and NULL renders as \"\"); rule such rows first with a case, - {when: \"column IS NULL\", transform: set_null}", err)
	}
	return fmt.Errorf("%v; change the template so that it writes a valid %s on every row, or rule the rows it does not fit with a case (when:)", err, r.target.Type)
}

// literalOnly returns the output of a template of literal text only.
func (ct *compiledTemplate) literalOnly() ([]byte, bool) {
	var b []byte
	for _, e := range ct.parts {
		if e.kind != exprText {
			return nil, false
		}
		b = append(b, e.text...)
	}
	return b, true
}

func (r *templateRewriter) eval(e *texpr, dst []byte) ([]byte, error) {
	switch e.kind {
	case exprText:
		return append(dst, e.text...), nil
	case exprColumn:
		v, null, err := r.ctx.value(e.col)
		if err != nil || null {
			return dst, err
		}
		return append(dst, v...), nil
	}
	arg, err := r.eval(e.arg, e.buf[:0])
	e.buf = arg
	if err != nil {
		return dst, err
	}
	switch e.fn {
	case "lower", "upper":
		for i := 0; i < len(arg); {
			c := arg[i]
			if c < utf8.RuneSelf {
				if e.fn == "lower" && 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				} else if e.fn == "upper" && 'a' <= c && c <= 'z' {
					c -= 'a' - 'A'
				}
				dst = append(dst, c)
				i++
				continue
			}
			ru, n := utf8.DecodeRune(arg[i:])
			if e.fn == "lower" {
				ru = unicode.ToLower(ru)
			} else {
				ru = unicode.ToUpper(ru)
			}
			dst = utf8.AppendRune(dst, ru)
			i += n
		}
	case "slug":
		dash, wrote := false, false
		for _, c := range arg {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				dash = true
				continue
			}
			if dash && wrote {
				dst = append(dst, '-')
			}
			dash, wrote = false, true
			dst = append(dst, c)
		}
	case "trunc":
		n, i := 0, 0
		for i < len(arg) && n < e.n {
			_, w := utf8.DecodeRune(arg[i:])
			i += w
			n++
		}
		dst = append(dst, arg[:i]...)
	case "hash":
		dst, _ = r.hash.Append(dst, arg)
	}
	return dst, nil
}

// uniqueColumn returns the column whose distinct values keep the
// template's outputs distinct, or -1: its last part that is not literal
// text is `hash .K` (a fixed-length keyed hash) or, with only literal
// text around it, `.K`.
func (ct *compiledTemplate) uniqueColumn() int {
	last := -1
	for i, e := range ct.parts {
		if e.kind != exprText {
			last = i
		}
	}
	if last < 0 {
		return -1
	}
	switch e := ct.parts[last]; {
	case e.kind == exprCall && e.fn == "hash" && e.arg.kind == exprColumn:
		return e.arg.col
	case e.kind == exprColumn:
		for _, p := range ct.parts[:last] {
			if p.kind != exprText {
				return -1
			}
		}
		return e.col
	}
	return -1
}
