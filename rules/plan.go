package rules

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

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
	// through uncovered when Strict is off, and for what strict mode
	// would refuse (see [Plan.Table] and [Plan.Finish]).
	Warn func(msg string)
	// AsOf is the date ages are counted on (date_of_birth keep_age: true);
	// NewPlan sets it to the run's date (UTC). Set it to the dump's date
	// for output that does not change from day to day.
	AsOf time.Time
	// KReportOnly: a table below its k_anonymity k is reported, not an
	// error (see [Plan.KAnonymity]).
	KReportOnly bool
	kstates     map[*KAnonymity]*kState
	rules       *Rules
	key         fakers.Key
	seen        map[[2]string]bool // tables the dump has (COPY or INSERT targets)
	seenDB      bool               // whether any of them named its database
	used        map[*TableRule]bool
	warned      map[string]bool
	tables      map[[3]string]*dumpstream.Table // COPY targets by database, schema, name
	// dbOf is, for a table name covered by a rule for any database, the
	// first database it was seen in.
	dbOf map[[2]string]string
	// broken are the foreign keys that a where: filter breaks.
	broken []brokenKey
	// record, set by a Checker, receives the warnings as problems.
	record func(Problem)
	tc     *tableCompile // while a table is compiled
	ascii  bool          // while a table is compiled: its dump is not UTF-8 (see utf8Encoding)
}

// tableCompile is what the templates of the table being compiled share.
type tableCompile struct {
	ctx   *rowContext
	names []string
	deps  map[int][]int // templated column → the columns its templates name
}

// wire makes the columns of a table with templates compute their values
// through the row context, so that a template sees its columns' values
// after their rules, each computed once per row.
func (tc *tableCompile) wire(cols []dumpstream.ColumnRewriter) {
	copy(tc.ctx.rws, cols)
	for _, rw := range cols {
		if rr, ok := rw.(dumpstream.RowReader); ok {
			tc.ctx.inner = append(tc.ctx.inner, rr)
		}
	}
	lead := true
	for i, rw := range cols {
		if rw == nil {
			continue
		}
		if lead {
			cols[i], lead = &ctxLead{ctxColumn{tc.ctx, i}}, false
		} else {
			cols[i] = &ctxColumn{tc.ctx, i}
		}
	}
}

// templateCycle returns a cycle of templated columns as "a → b → a", or "".
func templateCycle(deps map[int][]int, names []string) string {
	state := map[int]int{} // 1 on the path, 2 done
	var path []int
	var visit func(i int) []int
	visit = func(i int) []int {
		switch state[i] {
		case 1:
			k := slices.Index(path, i)
			return append(slices.Clone(path[k:]), i)
		case 2:
			return nil
		}
		state[i] = 1
		path = append(path, i)
		for _, d := range deps[i] {
			if c := visit(d); c != nil {
				return c
			}
		}
		path = path[:len(path)-1]
		state[i] = 2
		return nil
	}
	keys := slices.Sorted(maps.Keys(deps))
	for _, i := range keys {
		if c := visit(i); c != nil {
			parts := make([]string, len(c))
			for j, k := range c {
				parts[j] = names[k]
			}
			return strings.Join(parts, " → ")
		}
	}
	return ""
}

// template builds the rewriter of a template rule on column col. Into a
// text column the output is limited to the column's length; into the
// other columns a template can write (see template.go) each row's output
// is checked against the column's type, and a template of literal text
// alone is checked here, before any row.
func (p *Plan) template(cr *ColumnRule, col dumpstream.Column) (dumpstream.ColumnRewriter, error) {
	tc := p.tc
	ct, err := compileTemplate(cr.Template, tc.names)
	if err != nil {
		return nil, fmt.Errorf("template: %v", err)
	}
	target := TargetOf(col.Type, false)
	rw := &templateRewriter{ctx: tc.ctx, t: ct, render: cr.NullRender, pos: cr.TemplatePos.String()}
	switch target.Class {
	case fakers.ClassText, fakers.ClassUnknown:
		if target.MaxLen > 0 && ct.literal > target.MaxLen {
			return nil, fmt.Errorf("the template's literal text alone is %d characters, longer than %s (%s)", ct.literal, col.Name, target.Type)
		}
		rw.maxLen = target.MaxLen
	case fakers.ClassInt, fakers.ClassNumeric, fakers.ClassBool, fakers.ClassDate, fakers.ClassTimestamp,
		fakers.ClassTimestampTZ, fakers.ClassUUID, fakers.ClassInet, fakers.ClassCIDR, fakers.ClassJSON:
		rw.check, rw.target = true, target
		switch col.Type.Name {
		case "float4":
			rw.float = 32
		case "float8":
			rw.float = 64
		}
		if lit, ok := ct.literalOnly(); ok {
			if err := rw.checkOutput(lit); err != nil {
				return nil, fmt.Errorf("the template is literal text only, and %v", err)
			}
		}
	default:
		return nil, fmt.Errorf("a template writes text, and %s is %s; a template can write text, integer, numeric, real, double precision, boolean, date, timestamp, timestamptz, uuid, inet, cidr, json and jsonb columns; for this one use a transformer (set_null, const, ...)", col.Name, target.Type)
	}
	i := indexOf(tc.names, col.Name)
	for _, r := range ct.refs {
		if !slices.Contains(tc.deps[i], r) {
			tc.deps[i] = append(tc.deps[i], r)
		}
	}
	if _, ok := tc.deps[i]; !ok {
		tc.deps[i] = nil // a template naming no column is still wired
	}
	def, _ := fakers.Lookup("hash")
	h, err := def.New(fakers.Params{PRF: p.key.Domain("template_hash"), Length: templateHashLength,
		Target: fakers.Target{Class: fakers.ClassText, Type: "text"}})
	if err != nil {
		return nil, err
	}
	rw.hash = h
	return rw, nil
}

// brokenKey is a foreign key from child into a table whose where: drops
// rows.
type brokenKey struct {
	filter *TableRule
	child  string
	line   int
}

// Rules returns the rules the plan runs.
func (p *Plan) Rules() *Rules { return p.rules }

// NewPlan prepares the rules for a run under key.
func NewPlan(rs *Rules, key fakers.Key) *Plan {
	return &Plan{Strict: rs.Strict, AsOf: time.Now().UTC(), rules: rs, key: key, seen: map[[2]string]bool{},
		used: map[*TableRule]bool{}, warned: map[string]bool{}, tables: map[[3]string]*dumpstream.Table{},
		dbOf: map[[2]string]string{}, kstates: map[*KAnonymity]*kState{}}
}

// warn passes a warning on, once per key: to a Checker as it is, to Warn
// as "path: message".
func (p *Plan) warn(key string, pr Problem, path string) {
	if p.warned[key] {
		return
	}
	p.warned[key] = true
	switch {
	case p.record != nil:
		p.record(pr)
	case p.Warn != nil:
		p.Warn(path + ": " + pr.Message)
	}
}

// Table compiles the rule for one table of the dump (or, failing that, of
// its nearest ancestor), checking every column rule against the table's
// columns and types. All problems of the table are reported together,
// before any of its rows is written. In strict mode, a table or column
// without a rule stops the run at the table's first row with a
// [CoverageError].
//
// Rules that rewrite a column whose type the dump does not declare (a
// data-only dump) are an error in strict mode unless the rules file says
// `untyped: allow`, else a warning; so is a table name that appears in
// two databases of a pg_dumpall stream with only a rule for any database
// (under tables:, not databases:).
func (p *Plan) Table(t *dumpstream.Table) (*dumpstream.TablePlan, error) {
	plan, err := p.table(t)
	if err != nil {
		return nil, err
	}
	if kr := p.rules.KAnonymityFor(t); kr != nil {
		return p.kObserve(kr, t, plan)
	}
	return plan, nil
}

// table is Table without the k_anonymity count.
func (p *Plan) table(t *dumpstream.Table) (*dumpstream.TablePlan, error) {
	p.ascii = !utf8Encoding(t.Encoding)
	p.seen[[2]string{t.Schema, t.Name}] = true
	p.seenDB = p.seenDB || t.Database != ""
	if !t.Inserts {
		p.tables[[3]string{t.Database, t.Schema, t.Name}] = t
	}
	tr := p.rules.RuleFor(t)
	if tr != nil {
		p.used[tr] = true
		if err := p.databases(t, tr); err != nil {
			return nil, err
		}
	}
	switch {
	case t.Inserts && len(t.Columns) == 0 && !t.Typed:
		// INSERT rows of a table the dump does not declare, without a
		// column list: nothing tells their columns, so they can be
		// neither checked nor rewritten. Otherwise INSERT tables are
		// ruled, covered and rewritten like COPY tables.
		switch {
		case tr == nil && !p.Strict:
			return p.uncovered(t, nil, false) // a warning
		case tr == nil:
			return nil, &CoverageError{Table: t.QualifiedName(), File: p.rules.File, Inserts: true}
		case tr.Truncate:
			return &dumpstream.TablePlan{DropRows: true}, nil
		case tr.Keep && tr.Where == "":
			return nil, nil
		}
		return &dumpstream.TablePlan{RefuseRows: fmt.Errorf("the rows are INSERT statements without a column list, and the dump has no CREATE TABLE for the table to tell its columns; dump the schema too, or dump with pg_dump --column-inserts")}, nil
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
		Classes: make([]string, len(t.Columns)),
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
	p.tc = &tableCompile{ctx: newRowContext(len(t.Columns)), names: names, deps: map[int][]int{}}
	defer func() { p.tc = nil }()
	covered := make([]bool, len(t.Columns))
	rewrites := false
	var untyped []string
	for _, cr := range tr.Columns {
		path := tr.Path() + "." + dumpstream.QuoteIdent(cr.Column)
		i := indexOf(names, cr.Column)
		if i < 0 && contains(t.Generated, cr.Column) {
			if !cr.Kept {
				errs.add(cr.Pos, path, "%s is a generated column: it has no data in the dump (PostgreSQL computes it from other columns on restore); remove the rule, and rule the columns it is computed from", cr.Column)
			}
			continue
		}
		if i < 0 {
			errs.add(cr.Pos, path, "the dump's table %s has no column %q%s; its columns are: %s",
				tr.Path(), cr.Column, didYouMean(cr.Column, names), strings.Join(names, ", "))
			continue
		}
		covered[i] = true
		if cr.Kept {
			continue
		}
		var rw dumpstream.ColumnRewriter
		if cr.Paths != nil {
			var ok bool
			if rw, ok = p.pathsColumn(cr, t, i, names, path, &errs); !ok {
				continue
			}
		} else if cr.Cases != nil {
			var ok bool
			if rw, ok = p.cases(cr, t, t.Columns[i], names, path, &errs); !ok {
				continue
			}
		} else {
			var err error
			if rw, err = p.column(cr, t.Columns[i]); err != nil {
				errs.add(cr.Pos, path, "%v", err)
				continue
			}
		}
		plan.Columns[i], plan.Labels[i], plan.Classes[i], rewrites = rw, cr.Transform, cr.Privacy().String(), true
		if t.Columns[i].Type == nil {
			untyped = append(untyped, cr.Column)
		}
	}
	if len(untyped) > 0 && len(errs) == 0 {
		msg := fmt.Sprintf("the dump does not declare the types of %s (a data-only dump, pg_dump -a?), so the rules cannot be checked against them and a fake value may not fit its column (an email in an integer column fails the restore); dump the schema too, or", strings.Join(untyped, ", "))
		if p.untypedRefused() {
			errs = append(errs, &Error{Pos: tr.Pos, Path: tr.Path(), kind: "untyped",
				Msg: msg + " add `untyped: allow` at the top of " + p.rules.File + " to rewrite them anyway"})
		} else {
			p.warn("untyped "+t.QualifiedName()+" "+t.Database, Problem{Kind: "untyped", Table: t.QualifiedName(), Line: t.Line, Rule: tr.Pos.String(),
				Message: "rewritten without knowing its column types: " + msg + " make sure the transformers fit"}, tr.Path())
		}
	}
	if len(errs) == 0 && len(p.tc.deps) > 0 {
		if cycle := templateCycle(p.tc.deps, names); cycle != "" {
			first := tr.Column(strings.SplitN(cycle, " → ", 2)[0])
			errs.add(first.Pos, tr.Path(), "templates depend on each other in a cycle: %s; a template may name only columns whose value does not depend on it", cycle)
		} else {
			p.tc.wire(plan.Columns)
		}
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
// names), unless they have a rule of their own. For each name, a rule
// under databases: for t's database comes before a rule for any
// database.
func (rs *Rules) RuleFor(t *dumpstream.Table) *TableRule {
	if tr := rs.ruleNamed(t.Database, t.Schema, t.Name); tr != nil {
		return tr
	}
	for _, a := range t.Ancestors {
		if tr := rs.ruleNamed(t.Database, a[0], a[1]); tr != nil {
			return tr
		}
	}
	return nil
}

func (rs *Rules) ruleNamed(db, schema, name string) *TableRule {
	if db != "" {
		if tr := rs.byName[[3]string{db, schema, name}]; tr != nil {
			return tr
		}
	}
	return rs.byName[[3]string{"", schema, name}]
}

// untypedRefused reports whether a rule on a column of unknown type is an
// error.
func (p *Plan) untypedRefused() bool {
	return p.rules.Untyped == "refuse" || p.rules.Untyped == "" && p.Strict
}

// databases objects to one rule for any database covering a table name
// that two databases of the dump have: they are different tables, which
// may hold different things.
func (p *Plan) databases(t *dumpstream.Table, tr *TableRule) error {
	if t.Database == "" || tr.Database != "" || tr.Truncate {
		return nil
	}
	name := [2]string{t.Schema, t.Name}
	first, ok := p.dbOf[name]
	if !ok {
		p.dbOf[name] = t.Database
		return nil
	}
	if first == t.Database {
		return nil
	}
	msg := fmt.Sprintf("database %s and database %s each have a table of this name, two different tables, and only this rule for any database (under tables:) covers both",
		dumpstream.QuoteIdent(first), dumpstream.QuoteIdent(t.Database))
	if p.Strict {
		return ErrorList{{Pos: tr.Pos, Path: tr.Path(), kind: "database",
			Msg: msg + fmt.Sprintf("; give each database its own rule under databases: (databases: {%s: {tables: {%s: …}}, %s: …}), or run with --no-strict",
				YAMLKey(first), YAMLKey(t.QualifiedName()), YAMLKey(t.Database))}}
	}
	p.warn("database "+t.QualifiedName(), Problem{Kind: "database", Table: t.QualifiedName(), Line: t.Line, Rule: tr.Pos.String(),
		Message: msg + " (strict: false)"}, tr.Path())
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
	key := "uncovered " + t.Database + " " + t.QualifiedName()
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
	if cr.Template != "" {
		if col.PartitionKey {
			return nil, fmt.Errorf("%s is a partition key: rewriting it would send rows to another partition or fail the restore; remove the rule", col.Name)
		}
		return p.template(cr, col)
	}
	typ := col.Type
	elementWise := typ != nil && typ.ArrayDims > 0 && cr.Def.Name != "set_null" && cr.Def.Name != "const"
	target := TargetOf(typ, elementWise)
	if col.PartitionKey {
		return nil, fmt.Errorf("%s is a partition key: rewriting it would send rows to another partition or fail the restore; remove the rule", col.Name)
	}
	if typ != nil && typ.NotNull && cr.Def.Name == "set_null" {
		return nil, fmt.Errorf("set_null cannot write into %s, which is NOT NULL; use const or a faker", col.Name)
	}
	if kept := cr.KeepFirst + max(cr.Keep, cr.KeepLast); cr.Def.Name == "mask" && target.MaxLen > 0 && kept >= target.MaxLen {
		return nil, fmt.Errorf("mask keeps %d characters (keep_first and keep_last), but %s is %s: no value is longer, so every value would be masked whole; keep fewer than %d, or use const",
			kept, col.Name, target.Type, target.MaxLen)
	}
	params := fakers.Params{Unique: cr.Unique, Target: target, Value: cr.Value, Length: cr.Length, Keep: cr.Keep, Char: cr.Char,
		KeepFirst: cr.KeepFirst, KeepLast: cr.KeepLast, Pattern: cr.Pattern, Replace: cr.Replace, Values: cr.Values,
		Locale: cr.Locale, ASCII: p.ascii,
		Days: cr.Days, To: cr.To, Bucket: cr.Bucket, Percent: cr.Percent, KeepAge: cr.KeepAge, AsOf: p.AsOf}
	if cr.Def.Keyed {
		params.PRF = p.key.Domain(cr.Domain)
	}
	params.Luhn = cr.Luhn
	fn, err := cr.Def.New(params)
	if err != nil {
		return nil, err
	}
	if cr.By != "" {
		return p.byRewriter(cr, fn, elementWise)
	}
	if cf, ok := fn.(fakers.CheckFunc); ok {
		return &checkRewriter{fn: cf, name: cr.Transform, array: elementWise}, nil
	}
	if elementWise {
		return &arrayRewriter{fn: fn}, nil
	}
	return &scalarRewriter{fn: fn}, nil
}

// cases builds the rewriter of a column ruled by a list of cases,
// adding its problems to errs.
func (p *Plan) cases(cr *ColumnRule, t *dumpstream.Table, col dumpstream.Column, names []string, path string, errs *ErrorList) (dumpstream.ColumnRewriter, bool) {
	cw := &caseRewriter{rws: make([]dumpstream.ColumnRewriter, len(cr.Cases))}
	ok := true
	for i, cs := range cr.Cases {
		if cs.When != "" {
			f, err := compileCondition(cs.When, names)
			if err != nil {
				errs.add(cs.WherePosOr(), path, "when: %v", err)
				ok = false
			}
			cw.conds = append(cw.conds, f)
		}
		if cs.Rule.Kept {
			if cs.When != "" && p.record != nil {
				p.record(Problem{Kind: "case", Table: t.QualifiedName(), Column: cr.Column, Line: t.Line, Rule: cs.Pos.String(),
					Message: fmt.Sprintf("%s is kept (not rewritten) when %s", cr.Column, cs.When)})
			}
			continue
		}
		rw, err := p.column(cs.Rule, col)
		if err != nil {
			errs.add(cs.Pos, path, "case %d: %v", i+1, err)
			ok = false
			continue
		}
		cw.rws[i] = rw
	}
	return cw, ok
}

// WherePosOr returns the position of the case's `when:`, or of the case.
func (cs *Case) WherePosOr() Pos {
	if cs.WhenPos.Line > 0 {
		return cs.WhenPos
	}
	return cs.Pos
}

// caseRewriter rewrites a column by the first case whose condition holds
// on the row's original fields (see [dumpstream.RowReader]); a nil
// rewriter keeps the value.
type caseRewriter struct {
	conds   []*rowFilter                // one per case but the last
	rws     []dumpstream.ColumnRewriter // one per case
	fields  [][]byte
	readers []dumpstream.RowReader // the cases' rewriters that read the row (by:)
	found   bool                   // whether readers was computed
}

// SetRow takes the row's original fields, for the conditions and for the
// cases' rewriters that read other columns (date_shift with by:).
func (c *caseRewriter) SetRow(fields [][]byte) {
	c.fields = fields
	if !c.found {
		c.found = true
		for _, rw := range c.rws {
			if rr, ok := rw.(dumpstream.RowReader); ok {
				c.readers = append(c.readers, rr)
			}
		}
	}
	for _, rr := range c.readers {
		rr.SetRow(fields)
	}
}

func (c *caseRewriter) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	k := len(c.conds)
	for i, f := range c.conds {
		ok, err := f.holds(c.fields)
		if err != nil {
			return dst, false, err
		}
		if ok {
			k = i
			break
		}
	}
	rw := c.rws[k]
	if rw == nil {
		if null {
			return dst, true, nil
		}
		return append(dst, value...), false, nil
	}
	return rw.Rewrite(dst, value, null)
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
	case "int2", "smallint":
		tg.Class, tg.Bits = fakers.ClassInt, 16
	case "int4", "integer":
		tg.Class, tg.Bits = fakers.ClassInt, 32
	case "int8", "bigint":
		tg.Class, tg.Bits = fakers.ClassInt, 64
	case "float4":
		tg.Class, tg.Precision = fakers.ClassNumeric, 6
	case "float8":
		tg.Class, tg.Precision = fakers.ClassNumeric, 15
	case "numeric", "decimal":
		tg.Class = fakers.ClassNumeric
		if len(t.Mods) > 0 {
			tg.Precision = int(t.Mods[0])
		}
		if len(t.Mods) > 1 {
			tg.Scale = int(t.Mods[1])
		}
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

// Filter returns a new instance of the where: filter of t's rule, or nil
// when it has none, for the passes that judge rows before the rewrite.
func (p *Plan) Filter(t *dumpstream.Table) (dumpstream.RowFilter, error) {
	tr := p.rules.RuleFor(t)
	if tr == nil || tr.Where == "" {
		return nil, nil
	}
	names := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i] = c.Name
	}
	f, err := compileWhere(tr, names)
	if err != nil {
		return nil, ErrorList{{Pos: tr.WherePos, Path: tr.Path(), Msg: err.Error()}}
	}
	return f, nil
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
		switch {
		case p.used[t]:
		case t.Database != "" && !p.seenDB:
			errs.add(t.Pos, t.Path(), "the dump names no database (rules under databases: are for pg_dumpall output or pg_dump --create); put the rule under tables: or remove it")
		default:
			errs.add(t.Pos, t.Path(), "the dump has no data for this table%s; fix the name or remove the rule", didYouMean(qualified(t.Schema, t.Name), seen))
		}
	}
	return errs.err()
}

// Constraint takes a key of the dump as it passes (wire it to
// dumpstream.Options.Constraints): a foreign key into a table whose
// where: drops rows breaks the restore, which [Plan.Finish] reports. In a
// plain dump the keys come after the data, so the tables are known.
func (p *Plan) Constraint(k dumpstream.Constraint) {
	if k.Kind != dumpstream.ForeignKey {
		return
	}
	kt := p.tables[[3]string{k.Database, k.Table[0], k.Table[1]}]
	if kt == nil {
		kt = &dumpstream.Table{Database: k.Database, Schema: k.Table[0], Name: k.Table[1]}
	}
	rt := referenced(p.rules, p.tables, k.Database, k.RefTable)
	if tr := filterBreaks(p.rules, kt, rt, rt != nil); tr != nil {
		p.broken = append(p.broken, brokenKey{filter: tr, child: qualified(k.Table[0], k.Table[1]), line: k.Line})
	}
}

// Finish reports, after the whole dump, what only its end can tell: the
// rules the dump never reached (see [Plan.Unused]) and where: filters on
// tables that other tables reference by foreign key (see
// [Plan.Constraint]), whose dropped rows make the restore fail. In strict
// mode it returns them as an [ErrorList], and the run must fail (without
// committing its output); otherwise it passes each to Warn and returns
// nil. Call it once, after a successful rewrite.
func (p *Plan) Finish() error {
	var errs ErrorList
	if err := p.Unused(); err != nil {
		errs = append(errs, err.(ErrorList)...)
	}
	var order []*TableRule
	children := map[*TableRule][]string{}
	for _, b := range p.broken {
		if _, ok := children[b.filter]; !ok {
			order = append(order, b.filter)
		}
		c := fmt.Sprintf("%s (foreign key at dump line %d)", b.child, b.line)
		if b.line == 0 { // an archive: its keys are TOC entries, not lines
			c = b.child + " (by a foreign key)"
		}
		if !contains(children[b.filter], c) {
			children[b.filter] = append(children[b.filter], c)
		}
	}
	for _, tr := range order {
		errs.add(tr.dropPos(), tr.Path(), "%s drops rows that other tables reference: %s; the restore fails on the rows pointing at them, since the rule says cascade: false: remove the cascade: false, filter those tables alike, truncate them, or remove the %s",
			tr.dropKey(), strings.Join(children[tr], ", "), tr.dropKey())
	}
	if len(errs) == 0 {
		return nil
	}
	if p.Strict {
		return errs.err()
	}
	for _, e := range errs.err().(ErrorList) {
		if p.Warn != nil {
			p.Warn(e.Error())
		}
	}
	return nil
}

// referenced returns the table of the dump that a foreign key into name
// (in database db) points at: the table itself when the dump has data for
// it, else a partition or child of it that a where: filter drops rows of
// (a foreign key may reference a partitioned table, which has no rows of
// its own), else any partition or child, else nil.
func referenced(rs *Rules, tables map[[3]string]*dumpstream.Table, db string, name [2]string) *dumpstream.Table {
	if t := tables[[3]string{db, name[0], name[1]}]; t != nil {
		return t
	}
	var found *dumpstream.Table
	for k, t := range tables {
		if k[0] != db || !slices.Contains(t.Ancestors, name) {
			continue
		}
		if tr := rs.RuleFor(t); tr != nil && tr.Where != "" {
			if found == nil || rs.RuleFor(found).Where == "" || t.Line < found.Line {
				found = t
			}
		} else if found == nil {
			found = t
		}
	}
	return found
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
	f, err := compileCondition(tr.Where, names)
	if err != nil {
		return nil, fmt.Errorf("where: %w", err)
	}
	return f, nil
}

// compileCondition compiles a condition of the where: language against
// the table's column names.
func compileCondition(s string, names []string) (*rowFilter, error) {
	c, err := parseWhere(s)
	if err != nil {
		return nil, err
	}
	for _, o := range operands(c) {
		if o.column == "" {
			continue
		}
		o.idx = indexOf(names, o.column)
		if o.idx < 0 {
			return nil, fmt.Errorf("the dump's table has no column %q%s; its columns are: %s",
				o.column, didYouMean(o.column, names), strings.Join(names, ", "))
		}
	}
	n := len(names)
	return &rowFilter{c: c, rv: rowValues{dec: make([][]byte, n), done: make([]bool, n)}}, nil
}

// utf8Encoding reports whether a dump in client_encoding enc (upper
// case, "" when the dump sets none) can hold UTF-8 letters as they are:
// UTF8, and SQL_ASCII, which stores bytes unchecked. In other encodings
// the locales' letters with diacritics are written without them.
func utf8Encoding(enc string) bool {
	switch enc {
	case "", "UTF8", "UNICODE", "SQL_ASCII":
		return true
	}
	return false
}
