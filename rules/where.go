package rules

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/anondump/anondump/dumpstream"
)

// A where: condition keeps only the rows for which it is true, judged on
// the original values (before any rewriting), with SQL's three-valued
// logic: a comparison with NULL is unknown and drops the row.
//
//	cond    := or
//	or      := and { OR and }
//	and     := not { AND not }
//	not     := NOT not | primary
//	primary := '(' cond ')' | operand ( cmp operand | IS [NOT] NULL | [NOT] IN '(' value {',' value} ')' )
//	operand := column | value
//	value   := 'string' | number | TRUE | FALSE | NULL
//	cmp     := = | <> | != | < | <= | > | >=
//
// Columns are names as in the dump (unquoted ones folded to lower case,
// like SQL; "Quoted" ones exact). Values compare as numbers when both
// sides are numbers, as booleans against TRUE/FALSE, else as text.

type tri int8

const (
	unknown tri = iota
	no
	yes
)

type cond interface {
	eval(row *rowValues) tri
	columns(add func(name string, pos int))
}

// operand is a column or a constant.
type operand struct {
	column string // "" for a constant
	pos    int    // byte offset in the condition, for messages
	value  []byte
	null   bool
	num    float64
	isNum  bool
	isBool bool
	idx    int // column index once compiled
}

type compare struct {
	op   string
	l, r *operand
}

type isNull struct {
	x   *operand
	not bool
}

type inList struct {
	x    *operand
	list []*operand
	not  bool
}

type boolOp struct {
	op   string // AND, OR, NOT
	args []cond
}

// rowValues gives decoded values of the columns a condition uses.
type rowValues struct {
	fields [][]byte
	dec    [][]byte
	done   []bool
	err    error
}

func (rv *rowValues) get(o *operand) ([]byte, bool) {
	if o.column == "" {
		return o.value, o.null
	}
	f := rv.fields[o.idx]
	if len(f) == 2 && f[0] == '\\' && f[1] == 'N' {
		return nil, true
	}
	if !rv.done[o.idx] {
		var err error
		rv.dec[o.idx], err = dumpstream.AppendDecoded(rv.dec[o.idx][:0], f)
		if err != nil && rv.err == nil {
			rv.err = err
		}
		rv.done[o.idx] = true
	}
	return rv.dec[o.idx], false
}

func (c *compare) eval(rv *rowValues) tri {
	a, an := rv.get(c.l)
	b, bn := rv.get(c.r)
	if an || bn {
		return unknown
	}
	k := cmpValues(a, c.l, b, c.r)
	var ok bool
	switch c.op {
	case "=":
		ok = k == 0
	case "<>", "!=":
		ok = k != 0
	case "<":
		ok = k < 0
	case "<=":
		ok = k <= 0
	case ">":
		ok = k > 0
	case ">=":
		ok = k >= 0
	}
	return triOf(ok)
}

// cmpValues compares as numbers, booleans or text, depending on the
// constants involved.
func cmpValues(a []byte, ao *operand, b []byte, bo *operand) int {
	switch {
	case ao.isBool || bo.isBool:
		x, y := boolText(a), boolText(b)
		return strings.Compare(x, y)
	case ao.isNum || bo.isNum:
		x, errX := strconv.ParseFloat(string(a), 64)
		y, errY := strconv.ParseFloat(string(b), 64)
		if errX == nil && errY == nil {
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	}
	return bytes.Compare(a, b)
}

func boolText(v []byte) string {
	switch strings.ToLower(string(v)) {
	case "t", "true", "yes", "on", "1", "y":
		return "t"
	case "f", "false", "no", "off", "0", "n":
		return "f"
	}
	return string(v)
}

func (n *isNull) eval(rv *rowValues) tri {
	_, null := rv.get(n.x)
	return triOf(null != n.not)
}

func (in *inList) eval(rv *rowValues) tri {
	v, null := rv.get(in.x)
	if null {
		return unknown
	}
	res := no
	for _, o := range in.list {
		w, wn := rv.get(o)
		if wn {
			res = unknown
			continue
		}
		if cmpValues(v, in.x, w, o) == 0 {
			res = yes
			break
		}
	}
	if in.not {
		return not(res)
	}
	return res
}

func (b *boolOp) eval(rv *rowValues) tri {
	switch b.op {
	case "NOT":
		return not(b.args[0].eval(rv))
	case "AND":
		res := yes
		for _, a := range b.args {
			switch a.eval(rv) {
			case no:
				return no
			case unknown:
				res = unknown
			}
		}
		return res
	default: // OR
		res := no
		for _, a := range b.args {
			switch a.eval(rv) {
			case yes:
				return yes
			case unknown:
				res = unknown
			}
		}
		return res
	}
}

func not(t tri) tri {
	switch t {
	case yes:
		return no
	case no:
		return yes
	}
	return unknown
}

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

func (c *compare) columns(add func(string, int)) { c.l.columns(add); c.r.columns(add) }
func (n *isNull) columns(add func(string, int))  { n.x.columns(add) }
func (in *inList) columns(add func(string, int)) {
	in.x.columns(add)
	for _, o := range in.list {
		o.columns(add)
	}
}
func (b *boolOp) columns(add func(string, int)) {
	for _, a := range b.args {
		a.columns(add)
	}
}
func (o *operand) columns(add func(string, int)) {
	if o.column != "" {
		add(o.column, o.pos)
	}
}

// operands lists every operand of c, for compiling column indexes.
func operands(c cond) []*operand {
	var out []*operand
	var walk func(cond)
	walk = func(c cond) {
		switch x := c.(type) {
		case *compare:
			out = append(out, x.l, x.r)
		case *isNull:
			out = append(out, x.x)
		case *inList:
			out = append(out, x.x)
			out = append(out, x.list...)
		case *boolOp:
			for _, a := range x.args {
				walk(a)
			}
		}
	}
	walk(c)
	return out
}

// whereError is a syntax error at a byte offset of the condition.
type whereError struct {
	pos int
	msg string
}

func (e *whereError) Error() string { return e.msg }

// parseWhere parses a condition.
func parseWhere(s string) (cond, error) {
	p := &whereParser{s: s}
	p.next()
	c, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.tok != "" {
		return nil, p.errorf("unexpected %q after the condition", p.tok)
	}
	return c, nil
}

type whereParser struct {
	s      string
	i      int    // offset after the current token
	tok    string // current token ("" at the end)
	kind   byte   // 'i' identifier, 'q' quoted identifier, 's' string, 'n' number, 'o' operator/punctuation
	tokPos int
}

func (p *whereParser) errorf(format string, args ...any) error {
	return &whereError{pos: p.tokPos, msg: fmt.Sprintf(format, args...)}
}

func (p *whereParser) next() {
	for p.i < len(p.s) && strings.ContainsRune(" \t\n\r", rune(p.s[p.i])) {
		p.i++
	}
	p.tokPos = p.i
	if p.i >= len(p.s) {
		p.tok, p.kind = "", 0
		return
	}
	c := p.s[p.i]
	switch {
	case c == '\'' || c == '"':
		var b strings.Builder
		j := p.i + 1
		for j < len(p.s) {
			if p.s[j] == c {
				if j+1 < len(p.s) && p.s[j+1] == c {
					b.WriteByte(c)
					j += 2
					continue
				}
				break
			}
			b.WriteByte(p.s[j])
			j++
		}
		if j >= len(p.s) {
			p.tok, p.kind, p.i = "\x00unterminated", 'o', len(p.s)
			return
		}
		p.tok, p.i = b.String(), j+1
		if c == '"' {
			p.kind = 'q'
		} else {
			p.kind = 's'
		}
	case c >= '0' && c <= '9' || c == '-' || c == '.':
		j := p.i + 1
		for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == '.' || p.s[j] == 'e' || p.s[j] == 'E') {
			j++
		}
		p.tok, p.kind, p.i = p.s[p.i:j], 'n', j
	case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		j := p.i + 1
		for j < len(p.s) && (p.s[j] == '_' || p.s[j] == '$' || p.s[j] >= 'a' && p.s[j] <= 'z' || p.s[j] >= 'A' && p.s[j] <= 'Z' || p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] >= 0x80) {
			j++
		}
		p.tok, p.kind, p.i = p.s[p.i:j], 'i', j
	default:
		for _, op := range []string{"<>", "!=", "<=", ">=", "=", "<", ">", "(", ")", ","} {
			if strings.HasPrefix(p.s[p.i:], op) {
				p.tok, p.kind, p.i = op, 'o', p.i+len(op)
				return
			}
		}
		p.tok, p.kind, p.i = p.s[p.i:p.i+1], 'o', p.i+1
	}
}

func (p *whereParser) keyword(k string) bool { return p.kind == 'i' && strings.EqualFold(p.tok, k) }

func (p *whereParser) or() (cond, error) {
	return p.chain("OR", p.and)
}

func (p *whereParser) and() (cond, error) {
	return p.chain("AND", p.not)
}

func (p *whereParser) chain(op string, sub func() (cond, error)) (cond, error) {
	c, err := sub()
	if err != nil {
		return nil, err
	}
	args := []cond{c}
	for p.keyword(op) {
		p.next()
		c, err := sub()
		if err != nil {
			return nil, err
		}
		args = append(args, c)
	}
	if len(args) == 1 {
		return args[0], nil
	}
	return &boolOp{op: op, args: args}, nil
}

func (p *whereParser) not() (cond, error) {
	if p.keyword("NOT") {
		p.next()
		c, err := p.not()
		if err != nil {
			return nil, err
		}
		return &boolOp{op: "NOT", args: []cond{c}}, nil
	}
	return p.primary()
}

func (p *whereParser) primary() (cond, error) {
	if p.tok == "(" && p.kind == 'o' {
		p.next()
		c, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.tok != ")" {
			return nil, p.errorf("expected ')'")
		}
		p.next()
		return c, nil
	}
	l, err := p.operand()
	if err != nil {
		return nil, err
	}
	switch {
	case p.kind == 'o' && cmpOps[p.tok]:
		op := p.tok
		p.next()
		r, err := p.operand()
		if err != nil {
			return nil, err
		}
		return &compare{op: op, l: l, r: r}, nil
	case p.keyword("IS"):
		p.next()
		n := &isNull{x: l}
		if p.keyword("NOT") {
			n.not = true
			p.next()
		}
		if !p.keyword("NULL") {
			return nil, p.errorf("expected NULL after IS (only IS NULL and IS NOT NULL are supported)")
		}
		p.next()
		return n, nil
	case p.keyword("NOT") || p.keyword("IN"):
		in := &inList{x: l}
		if p.keyword("NOT") {
			in.not = true
			p.next()
			if !p.keyword("IN") {
				return nil, p.errorf("expected IN after NOT")
			}
		}
		p.next()
		if p.tok != "(" {
			return nil, p.errorf("expected '(' after IN")
		}
		for {
			p.next()
			v, err := p.operand()
			if err != nil {
				return nil, err
			}
			in.list = append(in.list, v)
			if p.tok == ")" {
				p.next()
				return in, nil
			}
			if p.tok != "," {
				return nil, p.errorf("expected ',' or ')' in the IN list")
			}
		}
	case p.tok == "":
		return nil, p.errorf("the condition ends too early: expected a comparison, IS NULL or IN")
	}
	return nil, p.errorf("unsupported %q: a condition compares columns and values with = <> != < <= > >=, IS [NOT] NULL, [NOT] IN (…), joined by AND, OR, NOT", p.tok)
}

var cmpOps = map[string]bool{"=": true, "<>": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true}

func (p *whereParser) operand() (*operand, error) {
	o := &operand{pos: p.tokPos}
	switch {
	case p.tok == "\x00unterminated":
		return nil, p.errorf("unterminated quote")
	case p.kind == 's':
		o.value = []byte(p.tok)
	case p.kind == 'n':
		f, err := strconv.ParseFloat(p.tok, 64)
		if err != nil {
			return nil, p.errorf("bad number %q", p.tok)
		}
		o.value, o.num, o.isNum = []byte(p.tok), f, true
	case p.keyword("NULL"):
		o.null = true
	case p.keyword("TRUE"), p.keyword("FALSE"):
		o.value, o.isBool = []byte(strings.ToLower(p.tok[:1])), true
	case p.kind == 'q':
		o.column = p.tok
	case p.kind == 'i' && !p.keyword("AND") && !p.keyword("OR") && !p.keyword("NOT") && !p.keyword("IS") && !p.keyword("IN"):
		o.column = strings.ToLower(p.tok)
	case p.tok == "":
		return nil, p.errorf("the condition ends too early: expected a column or a value")
	default:
		return nil, p.errorf("expected a column or a value, found %q", p.tok)
	}
	p.next()
	return o, nil
}

// rowFilter evaluates a compiled condition on a row's raw COPY fields.
// It is used by one goroutine at a time (see Plan.Table).
type rowFilter struct {
	c  cond
	rv rowValues
}

func (f *rowFilter) Keep(fields [][]byte) (bool, error) {
	ok, err := f.holds(fields)
	if err != nil {
		return false, fmt.Errorf("where: %v", err)
	}
	return ok, nil
}

// holds reports whether the condition is true (not false or unknown) on
// the row's raw fields.
func (f *rowFilter) holds(fields [][]byte) (bool, error) {
	f.rv.fields, f.rv.err = fields, nil
	for i := range f.rv.done {
		f.rv.done[i] = false
	}
	ok := f.c.eval(&f.rv) == yes
	if f.rv.err != nil {
		return false, f.rv.err
	}
	return ok, nil
}
