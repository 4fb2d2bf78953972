package rules

import (
	"fmt"
	"sort"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
)

// Plan applies the rules to a dump under one key. It implements
// [dumpstream.Transformer]; it is used by one goroutine at a time.
type Plan struct {
	// Strict requires every table and column with data to be covered by a
	// rule; it starts as the rules file says (strict: true by default).
	Strict bool
	// Warn, when set, receives a warning for each table whose data passes
	// through uncovered when Strict is off.
	Warn   func(msg string)
	rules  *Rules
	key    fakers.Key
	seen   map[[2]string]bool // tables the dump has (COPY or INSERT targets)
	used   map[*TableRule]bool
	warned map[[2]string]bool
}

// NewPlan prepares the rules for a run under key.
func NewPlan(rs *Rules, key fakers.Key) *Plan {
	return &Plan{Strict: rs.Strict, rules: rs, key: key, seen: map[[2]string]bool{},
		used: map[*TableRule]bool{}, warned: map[[2]string]bool{}}
}

// Table compiles the rule for one table of the dump (or, failing that, of
// its nearest ancestor), checking every column rule against the table's
// columns and types. All problems of the table are reported together,
// before any of its rows is written. In strict mode, a table or column
// without a rule stops the run at the table's first row with a
// [CoverageError].
func (p *Plan) Table(t *dumpstream.Table) (*dumpstream.TablePlan, error) {
	p.seen[[2]string{t.Schema, t.Name}] = true
	tr := p.rules.RuleFor(t)
	if tr != nil {
		p.used[tr] = true
	}
	switch {
	case t.Inserts:
		// INSERT rows cannot be checked or rewritten: only a table kept
		// whole may come that way (or any table when not strict).
		if tr == nil && !p.Strict {
			return p.uncovered(t, nil, false) // a warning
		}
		if tr != nil && tr.Keep {
			return nil, nil
		}
		if tr == nil {
			return nil, &CoverageError{Table: t.QualifiedName(), File: p.rules.File, Inserts: true}
		}
		return &dumpstream.TablePlan{DropRows: true}, nil // refused by dumpstream
	case tr == nil && len(t.Columns) == 0:
		return nil, nil // no columns, nothing to cover
	case tr == nil:
		var cols []string
		for _, c := range t.Columns {
			cols = append(cols, c.Name)
		}
		return p.uncovered(t, cols, false)
	case tr.Keep && tr.Where == "":
		return nil, nil
	case tr.Truncate:
		return &dumpstream.TablePlan{DropRows: true}, nil
	}
	plan := &dumpstream.TablePlan{
		Columns: make([]dumpstream.ColumnRewriter, len(t.Columns)),
		Labels:  make([]string, len(t.Columns)),
	}
	var errs ErrorList
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	if tr.Where != "" {
		f, err := compileWhere(tr, names)
		if err != nil {
			errs.add(tr.WherePos, tr.Path(), "%v", err)
		}
		plan.Filter = f
	}
	if tr.Keep {
		if err := errs.err(); err != nil {
			return nil, err
		}
		return plan, nil // keep: true with a where: only the filter
	}
	covered := make([]bool, len(t.Columns))
	rewrites := false
	for _, cr := range tr.Columns {
		path := tr.Path() + "." + dumpstream.QuoteIdent(cr.Column)
		i := indexOf(names, cr.Column)
		if i < 0 {
			errs.add(cr.Pos, path, "the dump's table %s has no column %q%s; its columns are: %s",
				tr.Path(), cr.Column, didYouMean(cr.Column, names), strings.Join(names, ", "))
			continue
		}
		covered[i] = true
		if cr.Kept {
			continue
		}
		rw, err := p.column(cr, t.Columns[i])
		if err != nil {
			errs.add(cr.Pos, path, "%v", err)
			continue
		}
		plan.Columns[i], plan.Labels[i], rewrites = rw, cr.Transform, true
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	var missing []string
	for i, ok := range covered {
		if !ok {
			missing = append(missing, names[i])
		}
	}
	if len(missing) > 0 {
		if pl, err := p.uncovered(t, missing, true); pl != nil || err != nil {
			return pl, err
		}
	}
	if !rewrites && plan.Filter == nil {
		return nil, nil // every column is kept
	}
	return plan, nil
}

// RuleFor returns the rule of table t or, failing that, of its nearest
// ancestor: a rule for a partitioned or inherited parent covers its
// partitions and children (pg_dump writes their rows under their own
// names), unless they have a rule of their own.
func (rs *Rules) RuleFor(t *dumpstream.Table) *TableRule {
	if tr := rs.byName[[2]string{t.Schema, t.Name}]; tr != nil {
		return tr
	}
	for _, a := range t.Ancestors {
		if tr := rs.byName[a]; tr != nil {
			return tr
		}
	}
	return nil
}

// Column returns the rule for the named column, or nil.
func (t *TableRule) Column(name string) *ColumnRule {
	for _, c := range t.Columns {
		if c.Column == name {
			return c
		}
	}
	return nil
}

// uncovered handles columns without a rule: in strict mode a plan that
// refuses the table's rows; otherwise a warning (once per table) and no
// objection.
func (p *Plan) uncovered(t *dumpstream.Table, cols []string, hasRule bool) (*dumpstream.TablePlan, error) {
	if p.Strict {
		return &dumpstream.TablePlan{RefuseRows: &CoverageError{Table: t.QualifiedName(), File: p.rules.File, Columns: cols, HasRule: hasRule}}, nil
	}
	key := [2]string{t.Schema, t.Name}
	if p.Warn != nil && !p.warned[key] {
		p.warned[key] = true
		if hasRule {
			p.Warn(fmt.Sprintf("%s: columns without a rule pass through unchanged (strict: false): %s", t.QualifiedName(), strings.Join(cols, ", ")))
		} else {
			p.Warn(fmt.Sprintf("%s: no rule, its rows pass through unchanged (strict: false)", t.QualifiedName()))
		}
	}
	return nil, nil
}

// column builds the rewriter of one column.
func (p *Plan) column(cr *ColumnRule, col dumpstream.Column) (dumpstream.ColumnRewriter, error) {
	typ := col.Type
	elementWise := typ != nil && typ.ArrayDims > 0 && cr.Def.Name != "set_null" && cr.Def.Name != "const"
	target := TargetOf(typ, elementWise)
	if col.PartitionKey {
		return nil, fmt.Errorf("%s is a partition key: rewriting it would send rows to another partition or fail the restore; remove the rule", col.Name)
	}
	if typ != nil && typ.NotNull && cr.Def.Name == "set_null" {
		return nil, fmt.Errorf("set_null cannot write into %s, which is NOT NULL; use const or a faker", col.Name)
	}
	params := fakers.Params{Unique: cr.Unique, Target: target, Value: cr.Value, Length: cr.Length, Keep: cr.Keep, Char: cr.Char}
	if cr.Def.Keyed {
		params.PRF = p.key.Domain(cr.Domain)
	}
	fn, err := cr.Def.New(params)
	if err != nil {
		return nil, err
	}
	if elementWise {
		return &arrayRewriter{fn: fn}, nil
	}
	return &scalarRewriter{fn: fn}, nil
}

// TargetOf maps a column type to a faker target. For element-wise array
// rules the target is the element type.
func TargetOf(t *dumpstream.Type, element bool) fakers.Target {
	if t == nil {
		return fakers.Target{Class: fakers.ClassUnknown, Type: "unknown type"}
	}
	tg := fakers.Target{Type: t.String()}
	if t.ArrayDims > 0 && !element {
		tg.Class = fakers.ClassOther
		return tg
	}
	switch t.Name {
	case "text", "varchar", "bpchar", "citext", "name":
		tg.Class = fakers.ClassText
		if (t.Name == "varchar" || t.Name == "bpchar") && len(t.Mods) > 0 {
			tg.MaxLen = int(t.Mods[0])
		}
	case "int2", "int4", "int8", "smallint", "integer", "bigint":
		tg.Class = fakers.ClassInt
	case "numeric", "decimal", "float4", "float8":
		tg.Class = fakers.ClassNumeric
	case "bool", "boolean":
		tg.Class = fakers.ClassBool
	case "date":
		tg.Class = fakers.ClassDate
	case "timestamp":
		tg.Class = fakers.ClassTimestamp
	case "timestamptz":
		tg.Class = fakers.ClassTimestampTZ
	case "uuid":
		tg.Class = fakers.ClassUUID
	case "inet":
		tg.Class = fakers.ClassInet
	case "cidr":
		tg.Class = fakers.ClassCIDR
	case "json", "jsonb":
		tg.Class = fakers.ClassJSON
	case "bytea":
		tg.Class = fakers.ClassBytea
	default:
		tg.Class = fakers.ClassOther
	}
	return tg
}

// scalarRewriter applies a faker to a whole field. NULL stays NULL.
type scalarRewriter struct{ fn fakers.Func }

func (s *scalarRewriter) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if null {
		return dst, true, nil
	}
	out, isNull := s.fn.Append(dst, value)
	return out, isNull, nil
}

// arrayRewriter applies a faker to every non-NULL element of an array.
type arrayRewriter struct {
	fn      fakers.Func
	scratch []byte
	each    dumpstream.ElementFunc
}

func (a *arrayRewriter) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if null {
		return dst, true, nil
	}
	if a.each == nil {
		a.each = func(dst, elem []byte) ([]byte, bool, error) {
			out, isNull := a.fn.Append(dst, elem)
			return out, isNull, nil
		}
	}
	out, scratch, err := dumpstream.AppendArrayRewritten(dst, value, a.scratch, a.each)
	a.scratch = scratch
	if err != nil {
		return dst, false, err
	}
	return out, false, nil
}

// Unused returns an error for every table rule the dump never reached: a
// likely typo in a table name, which would let that table's real rows
// through.
func (p *Plan) Unused() error {
	var errs ErrorList
	var seen []string
	for k := range p.seen {
		seen = append(seen, qualified(k[0], k[1]))
	}
	sort.Strings(seen)
	for _, t := range p.rules.Tables {
		if !p.used[t] {
			errs.add(t.Pos, t.Path(), "the dump has no data for this table%s; fix the name or remove the rule", didYouMean(t.Path(), seen))
		}
	}
	return errs.err()
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// compileWhere parses a table's where: condition for a COPY block whose
// columns are names (parsed again for each block and worker: the column
// positions differ between partitions, and a filter is not shared).
func compileWhere(tr *TableRule, names []string) (*rowFilter, error) {
	c, err := parseWhere(tr.Where)
	if err != nil {
		return nil, err
	}
	for _, o := range operands(c) {
		if o.column == "" {
			continue
		}
		o.idx = indexOf(names, o.column)
		if o.idx < 0 {
			return nil, fmt.Errorf("where: the dump's table has no column %q%s; its columns are: %s",
				o.column, didYouMean(o.column, names), strings.Join(names, ", "))
		}
	}
	n := len(names)
	return &rowFilter{c: c, rv: rowValues{dec: make([][]byte, n), done: make([]bool, n)}}, nil
}
