package rules

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
)

// Problem is one thing `anondump check` found. It never holds a value from
// the dump.
type Problem struct {
	// Kind is coverage, rule, untyped, database, unique, foreign_key,
	// where, unused, inserts, json, k_anonymity or case (a case that keeps a column
	// under a condition: a note, listed among the warnings).
	Kind    string `json:"kind"`
	Table   string `json:"table,omitempty"`
	Column  string `json:"column,omitempty"`
	Line    int    `json:"line,omitempty"` // line in the dump
	Rule    string `json:"rule,omitempty"` // file:line:col of the rule, when one is involved
	Message string `json:"message"`
	// Paths are, for a json problem, the JSON paths inside the column's
	// documents where values look personal ($.contact.email, $.tags[*]).
	Paths []string `json:"paths,omitempty"`
}

// Checker decides, table by table and key by key, what `anondump check`
// reports: tables and columns without a rule (under strict coverage),
// rules that do not fit their columns' types and lengths, unique keys
// whose rule can collide, foreign keys whose two sides are not rewritten
// alike, filters that break foreign keys, and rules for tables the dump
// does not have. It is pure policy: the reading is done by audit.Check,
// which calls [Checker.Table], [Checker.EndTable] and
// [Checker.Constraint] as the dump passes, then [Checker.Problems].
type Checker struct {
	plan     *Plan
	rs       *Rules
	tables   map[[3]string]*dumpstream.Table // the COPY targets seen, by database, schema, name
	pending  map[*dumpstream.Table]*CoverageError
	keys     []dumpstream.Constraint
	keyDB    []string
	problems []Problem
	warnings []Problem
}

// NewChecker prepares a check of the rules; rs.Strict says whether
// coverage is required.
func NewChecker(rs *Rules) *Checker {
	c := &Checker{plan: NewPlan(rs, fakers.Key{}), rs: rs, tables: map[[3]string]*dumpstream.Table{}}
	c.plan.record = func(p Problem) { c.warnings = append(c.warnings, p) }
	return c
}

// Problems returns everything found, sorted by dump line; call it once,
// after the dump. Warnings (what a run would only warn about) are
// returned apart, so that a caller can print them without failing.
func (c *Checker) Problems() (problems, warnings []Problem) {
	for i, k := range c.keys {
		c.constraint(k, c.keyDB[i])
	}
	if c.plan.Strict {
		if err := c.plan.Unused(); err != nil {
			for _, e := range err.(ErrorList) {
				c.add(Problem{Kind: "unused", Table: e.Path, Rule: e.Pos.String(), Message: e.Msg})
			}
		}
	}
	byLine := func(l []Problem) {
		sort.SliceStable(l, func(i, j int) bool { return l[i].Line < l[j].Line })
	}
	byLine(c.problems)
	byLine(c.warnings)
	return c.problems, c.warnings
}

// Constraint records a key the dump declares; keys are judged at the end,
// when every table is known.
func (c *Checker) Constraint(k dumpstream.Constraint) {
	c.keys = append(c.keys, k)
	c.keyDB = append(c.keyDB, k.Database)
}

// Rewritten reports whether the rules rewrite column of table t (by a
// transformer, or by dropping every row): a column for which it returns
// false reaches the output as it is.
func (c *Checker) Rewritten(t *dumpstream.Table, column string) bool {
	tr := c.rs.RuleFor(t)
	if tr != nil && tr.Truncate {
		return true
	}
	return c.rewrite(t, column) != nil
}

func (c *Checker) add(p Problem) { c.problems = append(c.problems, p) }

// Table judges the rules of one COPY block (or INSERT target) of the
// dump. Its error is one that stops the reading (none today).
func (c *Checker) Table(t *dumpstream.Table) error {
	if !t.Inserts {
		c.tables[[3]string{t.Database, t.Schema, t.Name}] = t
	}
	plan, err := c.plan.Table(t)
	var list ErrorList
	var ce *CoverageError
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			kind := e.kind
			if kind == "" {
				kind = "rule"
			}
			msg := e.Msg
			if e.Path != "" && kind == "rule" {
				msg = e.Path + ": " + msg // the table alone is in p.Table
			}
			c.add(Problem{Kind: kind, Table: t.QualifiedName(), Line: t.Line, Rule: e.Pos.String(), Message: msg})
		}
	case errors.As(err, &ce):
		c.add(Problem{Kind: "inserts", Table: t.QualifiedName(), Line: t.Line, Message: ce.Error()})
	case err != nil:
		return err
	case plan != nil && t.Inserts && plan.RefuseRows != nil && !errors.As(plan.RefuseRows, &ce):
		// An INSERT table the run cannot map to its columns.
		c.add(Problem{Kind: "inserts", Table: t.QualifiedName(), Line: t.Line, Message: plan.RefuseRows.Error()})
	case plan != nil && errors.As(plan.RefuseRows, &ce):
		// A coverage problem only if the table has rows: see EndTable.
		if c.pending == nil {
			c.pending = map[*dumpstream.Table]*CoverageError{}
		}
		c.pending[t] = ce
	}
	return nil
}

// EndTable reports the coverage problem of a table that had rows.
func (c *Checker) EndTable(t *dumpstream.Table, rows int64) {
	if ce := c.pending[t]; ce != nil && rows > 0 {
		for _, col := range ce.Columns {
			c.add(Problem{Kind: "coverage", Table: t.QualifiedName(), Column: col, Line: t.Line,
				Message: fmt.Sprintf("column %s has data and no rule; add a transformer or `%s: keep`", col, YAMLKey(col))})
		}
	}
	delete(c.pending, t)
}

// rewrite describes what the rules do to one column: nil when it stays
// as it is (kept, or no rule).
func (c *Checker) rewrite(t *dumpstream.Table, column string) *ColumnRule {
	tr := c.rs.RuleFor(t)
	if tr == nil || tr.Keep || tr.Truncate {
		return nil
	}
	if cr := tr.Column(column); cr != nil && !cr.Kept {
		return cr
	}
	return nil
}

// table returns the table of the dump named by a key's [2]string in
// database db, or a bare one when the dump had no COPY block for it.
func (c *Checker) table(db string, name [2]string) *dumpstream.Table {
	if t := c.tables[[3]string{db, name[0], name[1]}]; t != nil {
		return t
	}
	return &dumpstream.Table{Database: db, Schema: name[0], Name: name[1]}
}

func (c *Checker) constraint(k dumpstream.Constraint, db string) {
	table := qualified(k.Table[0], k.Table[1])
	kt := c.table(db, k.Table)
	switch k.Kind {
	case dumpstream.PrimaryKey, dumpstream.Unique:
		// A key can only collide if every column of it is rewritten by a
		// rule that does not guarantee uniqueness.
		var weak []*ColumnRule
		for _, col := range k.Columns {
			cr := c.rewrite(kt, col)
			var typ *dumpstream.Type
			for _, kc := range kt.Columns {
				if kc.Name == col {
					typ = kc.Type
				}
			}
			if cr == nil || uniqueSafe(cr, k.Kind, TargetOf(typ, false), func(r *ColumnRule) bool { return c.templateUnique(r, kt, db) }) {
				return
			}
			weak = append(weak, cr)
		}
		what := "unique constraint"
		if k.Kind == dumpstream.PrimaryKey {
			what = "primary key"
		}
		for _, cr := range weak {
			msg := fmt.Sprintf("%s is in a %s, but its rule (%s) can give two rows the same value and fail the restore; add unique: true", cr.Column, what, cr.Transform)
			if cr.Transform == "set_null" && k.Kind == dumpstream.PrimaryKey {
				msg = fmt.Sprintf("%s is in a primary key, which cannot be NULL; set_null would fail the restore", cr.Column)
			}
			if cr.Cases != nil {
				msg = fmt.Sprintf("%s is in a %s, but one of its cases can give two rows the same value and fail the restore; give every case that rewrites it a rule that keeps values unique (unique: true)", cr.Column, what)
			}
			c.add(Problem{Kind: "unique", Table: table, Column: cr.Column, Line: k.Line, Rule: cr.Pos.String(), Message: msg})
		}
	case dumpstream.ForeignKey:
		ref := qualified(k.RefTable[0], k.RefTable[1])
		rt := c.table(db, k.RefTable)
		if ft := referenced(c.rs, c.tables, db, k.RefTable); ft != nil {
			if tr := filterBreaks(c.rs, kt, ft, true); tr != nil {
				c.add(Problem{Kind: "where", Table: table, Line: k.Line, Rule: tr.dropPos().String(),
					Message: fmt.Sprintf("its foreign key references %s, whose %s drops rows; rows pointing at them fail the restore, since the rule says cascade: false: remove it (the filter then cascades), filter %s alike, truncate it, or remove the %s", ref, tr.dropKey(), table, tr.dropKey())})
			}
		}
		for i, col := range k.Columns {
			if i >= len(k.RefColumns) {
				break // references the primary key implicitly: not resolved here
			}
			child, parent := c.rewrite(kt, col), c.rewrite(rt, k.RefColumns[i])
			if msg := joinProblem(child, parent, table+"."+dumpstream.QuoteIdent(col), ref+"."+dumpstream.QuoteIdent(k.RefColumns[i])); msg != "" {
				p := Problem{Kind: "foreign_key", Table: table, Column: col, Line: k.Line, Message: msg}
				if child != nil {
					p.Rule = child.Pos.String()
				} else if parent != nil {
					p.Rule = parent.Pos.String()
				}
				c.add(p)
			}
		}
	}
}

// filterBreaks returns the rule of the referenced table rt when its
// where: drops rows that rows of the referencing table kt may point at
// (and the restore then fails on the foreign key), else nil. seen says
// whether the dump had data for rt (no data, nothing dropped). A
// referencing table that is truncated points at nothing; one with its own
// where: is taken as filtered alike. A table that references itself is
// not: its one filter drops rows that its kept rows may point at.
func filterBreaks(rs *Rules, kt, rt *dumpstream.Table, seen bool) *TableRule {
	if !seen {
		return nil
	}
	tr := rs.RuleFor(rt)
	if tr == nil || !tr.drops() || !tr.NoCascade {
		return nil // without cascade: false, the filter cascades
	}
	ct := rs.RuleFor(kt)
	self := kt.Schema == rt.Schema && kt.Name == rt.Name
	if ct != nil && (ct.Truncate || ct.Where != "" && !self) {
		return nil
	}
	return tr
}

// templateUnique reports whether a template's outputs are distinct on
// distinct rows of table t: it ends in `hash .K` or is `.K` in literal
// text, where K is kept and alone a primary key or unique key of t.
func (c *Checker) templateUnique(r *ColumnRule, t *dumpstream.Table, db string) bool {
	names := make([]string, len(t.Columns))
	for i, col := range t.Columns {
		names[i] = col.Name
	}
	ct, err := compileTemplate(r.Template, names)
	if err != nil || len(names) == 0 {
		return false
	}
	k := ct.uniqueColumn()
	if k < 0 || c.rewrite(t, names[k]) != nil {
		return false
	}
	for i, key := range c.keys {
		if c.keyDB[i] == db && key.Table == [2]string{t.Schema, t.Name} && (key.Kind == dumpstream.PrimaryKey || key.Kind == dumpstream.Unique) &&
			len(key.Columns) == 1 && key.Columns[0] == names[k] {
			return true
		}
	}
	return false
}

// uniqueSafe reports whether a rule keeps distinct values distinct.
// A template is when templateOK says so.
func uniqueSafe(cr *ColumnRule, kind string, target fakers.Target, templateOK func(*ColumnRule) bool) bool {
	if cr.Template != "" {
		return templateOK(cr)
	}
	if cr.Cases != nil {
		// Each case must be: a kept case keeps distinct originals
		// distinct (and fakes are not taken to equal real values).
		for _, cs := range cr.Cases {
			if !cs.Rule.Kept && !uniqueSafe(cs.Rule, kind, target, templateOK) {
				return false
			}
		}
		return true
	}
	switch {
	case cr.Unique:
		return true
	case cr.Transform == "uuid", cr.Transform == "ipv6", cr.Transform == "fpe":
		return true // fpe is a permutation: distinct inputs stay distinct
	case cr.Transform == "hash":
		// hash is unique as it is where it could be asked to be: 16 hex
		// digits or more in text, 20 decimal digits or more in a number.
		_, err := cr.Def.New(fakers.Params{Unique: true, Length: cr.Length, Target: target})
		return err == nil
	case cr.Transform == "set_null":
		return kind == dumpstream.Unique // NULLs never collide
	}
	return false
}

// joinProblem says why a foreign key would not hold, or leak, after the
// rules, or returns "".
func joinProblem(child, parent *ColumnRule, childName, parentName string) string {
	switch {
	case child == nil && parent == nil:
		return ""
	case child == nil:
		return fmt.Sprintf("%s references %s, which is rewritten (%s) while %s is kept: the original values leak through %s and the join breaks; give it the same rule and domain",
			childName, parentName, parent.Transform, childName, childName)
	case parent == nil:
		return fmt.Sprintf("%s is rewritten (%s) but the %s it references is kept: the join breaks; keep both or rewrite both alike", childName, child.Transform, parentName)
	case child.Def == nil || parent.Def == nil || !child.Def.Keyed || !parent.Def.Keyed:
		if child.Transform == "set_null" {
			return "" // NULL references nothing, which a foreign key allows
		}
		return fmt.Sprintf("%s (%s) references %s (%s): only keyed transformers map equal values to equal values, so the join breaks",
			childName, child.Transform, parentName, parent.Transform)
	case child.Transform != parent.Transform || child.Domain != parent.Domain:
		return fmt.Sprintf("%s (%s, domain %s) references %s (%s, domain %s): different transformers or domains give different values, so the join breaks; use the same transformer and domain",
			childName, child.Transform, child.Domain, parentName, parent.Transform, parent.Domain)
	}
	return ""
}

// FormatProblem writes a problem as one line for people.
func FormatProblem(name string, p Problem) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s", name)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Table != "" && p.Kind != "rule" {
		fmt.Fprintf(&b, "table %s: ", p.Table)
	}
	b.WriteString(p.Message)
	if p.Rule != "" && p.Kind != "unused" {
		fmt.Fprintf(&b, " (rule at %s)", p.Rule)
	}
	return b.String()
}
