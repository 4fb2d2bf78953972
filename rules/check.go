package rules

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
)

// Problem is one thing `anondump check` found. It never holds a value from
// the dump.
type Problem struct {
	Kind    string `json:"kind"` // coverage, rule, unique, foreign_key, unused, inserts
	Table   string `json:"table,omitempty"`
	Column  string `json:"column,omitempty"`
	Line    int    `json:"line,omitempty"` // line in the dump
	Rule    string `json:"rule,omitempty"` // file:line:col of the rule, when one is involved
	Message string `json:"message"`
}

// Check reads a dump (streaming, rows untouched) and reports everything
// that can be known before running the rules on it: tables and columns
// without a rule (under strict coverage), rules that do not fit their
// columns' types and lengths, unique keys whose rule can collide, foreign
// keys whose two sides are not rewritten alike, and rules for tables the
// dump does not have. A dump that cannot be read is an error.
func Check(rs *Rules, src io.Reader, name string) ([]Problem, error) {
	c := &checker{plan: NewPlan(rs, fakers.Key{}), rs: rs, tables: map[[2]string]*dumpstream.Table{}}
	var keys []dumpstream.Constraint
	_, err := dumpstream.Rewrite(io.Discard, src, c, dumpstream.Options{
		Name:        name,
		Constraints: func(k dumpstream.Constraint) { keys = append(keys, k) },
	})
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		c.constraint(k)
	}
	if c.plan.Strict {
		if err := c.plan.Unused(); err != nil {
			for _, e := range err.(ErrorList) {
				c.add(Problem{Kind: "unused", Table: e.Path, Rule: e.Pos.String(), Message: e.Msg})
			}
		}
	}
	sort.SliceStable(c.problems, func(i, j int) bool { return c.problems[i].Line < c.problems[j].Line })
	return c.problems, nil
}

// checker is a Transformer that never rewrites: it records what the plan
// would refuse.
type checker struct {
	plan     *Plan
	rs       *Rules
	tables   map[[2]string]*dumpstream.Table // the COPY targets seen
	pending  map[*dumpstream.Table]*CoverageError
	problems []Problem
}

func (c *checker) add(p Problem) { c.problems = append(c.problems, p) }

func (c *checker) Table(t *dumpstream.Table) (*dumpstream.TablePlan, error) {
	if !t.Inserts {
		c.tables[[2]string{t.Schema, t.Name}] = t
	}
	plan, err := c.plan.Table(t)
	var list ErrorList
	var ce *CoverageError
	switch {
	case errors.As(err, &list):
		for _, e := range list {
			c.add(Problem{Kind: "rule", Table: t.QualifiedName(), Line: t.Line, Rule: e.Pos.String(), Message: e.Path + ": " + e.Msg})
		}
	case errors.As(err, &ce):
		c.add(Problem{Kind: "inserts", Table: t.QualifiedName(), Line: t.Line, Message: ce.Error()})
	case err != nil:
		return nil, err
	case plan != nil && t.Inserts:
		c.add(Problem{Kind: "inserts", Table: t.QualifiedName(), Line: t.Line,
			Message: "the dump holds this table's rows as INSERT statements, which anondump cannot rewrite; dump with COPY"})
	case plan != nil && errors.As(plan.RefuseRows, &ce):
		// A coverage problem only if the table has rows: see EndTable.
		if c.pending == nil {
			c.pending = map[*dumpstream.Table]*CoverageError{}
		}
		c.pending[t] = ce
	}
	return nil, nil
}

// EndTable reports the coverage problem of a table that had rows.
func (c *checker) EndTable(t *dumpstream.Table, rows int64) {
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
func (c *checker) rewrite(table [2]string, column string) *ColumnRule {
	t := c.tables[table]
	if t == nil {
		t = &dumpstream.Table{Schema: table[0], Name: table[1]}
	}
	tr := c.rs.RuleFor(t)
	if tr == nil || tr.Keep || tr.Truncate {
		return nil
	}
	if cr := tr.Column(column); cr != nil && !cr.Kept {
		return cr
	}
	return nil
}

func (c *checker) constraint(k dumpstream.Constraint) {
	table := dumpstream.QuoteIdent(k.Table[0]) + "." + dumpstream.QuoteIdent(k.Table[1])
	switch k.Kind {
	case dumpstream.PrimaryKey, dumpstream.Unique:
		// A key can only collide if every column of it is rewritten by a
		// rule that does not guarantee uniqueness.
		var weak []*ColumnRule
		for _, col := range k.Columns {
			cr := c.rewrite(k.Table, col)
			if cr == nil || uniqueSafe(cr, k.Kind) {
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
			c.add(Problem{Kind: "unique", Table: table, Column: cr.Column, Line: k.Line, Rule: cr.Pos.String(), Message: msg})
		}
	case dumpstream.ForeignKey:
		ref := dumpstream.QuoteIdent(k.RefTable[0]) + "." + dumpstream.QuoteIdent(k.RefTable[1])
		if pt := c.tables[k.RefTable]; pt != nil {
			if tr := c.rs.RuleFor(pt); tr != nil && tr.Where != "" {
				if ct := c.tables[k.Table]; ct == nil || c.rs.RuleFor(ct) == nil || c.rs.RuleFor(ct).Where == "" && !c.rs.RuleFor(ct).Truncate {
					c.add(Problem{Kind: "where", Table: table, Line: k.Line, Rule: tr.WherePos.String(),
						Message: fmt.Sprintf("its foreign key references %s, whose where: drops rows; rows pointing at them fail the restore unless %s is filtered (or truncated) alike", ref, table)})
				}
			}
		}
		for i, col := range k.Columns {
			if i >= len(k.RefColumns) {
				break // references the primary key implicitly: not resolved here
			}
			child, parent := c.rewrite(k.Table, col), c.rewrite(k.RefTable, k.RefColumns[i])
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

// uniqueSafe reports whether a rule keeps distinct values distinct.
func uniqueSafe(cr *ColumnRule, kind string) bool {
	switch {
	case cr.Unique:
		return true
	case cr.Transform == "uuid", cr.Transform == "ipv6":
		return true
	case cr.Transform == "hash":
		return cr.Length == 0 || cr.Length >= 16
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
