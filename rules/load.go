// Package rules loads and validates anondump's YAML rules file and
// compiles it into a [Plan] that rewrites a dump's tables.
//
// # File format
//
//	version: 1
//	tables:
//	  public.users:              # schema.table; a bare name means public
//	    columns:
//	      email: {transform: email, unique: true, domain: contact_email}
//	      first_name: first_name # short form: the transformer's name
//	      password_hash: {transform: const, value: "x"}
//	  public.sessions:
//	    truncate: true           # keep the COPY block, drop all its rows
//
// Table and column keys are the real, case-sensitive PostgreSQL names, as
// `\d` shows them. In a table key, a part that contains a dot is written
// in double quotes: '"my.schema"."My Table"'. Decoding is strict: unknown
// keys, unknown transformers and options a transformer does not take are
// errors, each reported with its file:line:col, all in one run.
//
// # Several databases
//
// A pg_dumpall stream (or pg_dump --create) names its databases. Rules
// under databases: apply to one database's tables; the rules under
// tables: apply to a table of that name in any database that has no rule
// of its own for it:
//
//	databases:
//	  crm:
//	    tables:
//	      public.users: {columns: {id: keep, email: email}}
//	  shop:
//	    tables:
//	      public.users: {truncate: true}
//	tables:
//	  public.audit_log: {truncate: true}
//
// In strict mode, one table name in two databases that only a rule under
// tables: covers is an error: they are two tables, which may hold
// different things; give each database its own rule.
//
// # Column types
//
// The rules are checked against the column types that the dump's CREATE
// TABLE statements declare. A data-only dump (pg_dump -a) declares none,
// so a fake value may not fit its column (an email in an integer column
// fails the restore). A rule that rewrites such a column is then an error
// in strict mode and a warning otherwise; `untyped: allow` at the top of
// the file makes it a warning always, `untyped: refuse` an error always.
//
// # JSON paths
//
// paths: stands instead of transform: on a json, jsonb, json[] or jsonb[]
// column and rewrites the leaves that JSON paths select, each by a column
// rule of its own, keeping the rest of each document byte for byte:
//
//	prefs:
//	  paths:
//	    "$.email": {transform: email, domain: user_email}
//	    "$.contacts[*].phone": phone
//	  on_invalid: error    # or null, or keep
//
// See [PathRule] for the kinds of leaves, numbers and invalid documents.
//
// # Locales
//
// locale: at the top of the file, on a table or on a transformer rule
// (also in a case or under a path) chooses the locale of the fake values
// (see fakers.Locales); the nearest applies, and fakers.DefaultLocale
// when none does. A locale on a transformer whose output does not depend
// on one is an error. A dump whose client_encoding is not UTF-8 gets the
// locales' letters without diacritics (see fakers.Params.ASCII).
//
// # k-anonymity
//
// k_anonymity: names, per table, quasi-identifier columns and a k; the
// run counts the classes of their output values and fails below k (see
// [KAnonymity] and [Plan.KAnonymity]).
//
// # Filters
//
// A where: condition keeps only the rows it selects. Other tables may
// reference the dropped rows by foreign key, and anondump cannot yet
// cascade a filter to them: the restore would fail. The run reports such
// filters at its end (an error in strict mode, see [Plan.Finish]).
package rules

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"gopkg.in/yaml.v3"
)

// Rules is a loaded, statically valid rules file.
type Rules struct {
	File string
	// Strict (the default) requires every table and column that carries
	// data to be covered: by a transformer, `keep`, table `keep: true` or
	// `truncate: true`. `strict: false` lets uncovered data through.
	Strict bool
	// Untyped says what to do when a rule rewrites a column whose type
	// the dump does not declare (a data-only dump, pg_dump -a): "allow"
	// (a warning), "refuse" (an error), or "" (an error in strict mode, a
	// warning otherwise).
	Untyped string
	// Locale is the top-level locale: the default of every rule whose
	// transformer follows a locale ("" for fakers.DefaultLocale).
	Locale string
	Tables []*TableRule
	// KAnonymity lists the k_anonymity: entries.
	KAnonymity []*KAnonymity
	// LargeObjects is what happens to a dump's large objects: "keep"
	// (not personal), "empty" (each object kept with no contents, so
	// OIDs, owners and ACLs stay valid) or "drop"; "" when the file does
	// not say, which strict coverage refuses for a dump that has some.
	LargeObjects    string
	LargeObjectsPos Pos
	byName          map[[3]string]*TableRule // by database ("" for any), schema, name
}

// TableRule is the rule for one table.
type TableRule struct {
	Pos      Pos
	Key      string // the key as written
	Database string // under databases: the database it is for; "" for any
	Schema   string
	Name     string
	Truncate bool
	Keep     bool // keep: true — non-personal data, passed through whole
	Columns  []*ColumnRule
	Where    string // keep only the rows for which this condition holds
	WherePos Pos
	Locale   string // the table's locale: the default of its rules ("" for the file's)
	// Sample keeps this fraction of the rows (sample: 5% → 0.05), or
	// SampleRows this many, chosen by the keyed hash of the primary key
	// in the sampling domain SampleDomain (domain:, "" for the table's
	// own); SamplePos is where sample: is written.
	Sample       float64
	SampleRows   int64
	SampleDomain string
	SamplePos    Pos
	// OnlyReferenced (only_referenced: true) keeps only the rows that
	// kept rows reference.
	OnlyReferenced bool
	// NoCascade (cascade: false): the rows the table's filter drops do not
	// drop the rows that reference them.
	NoCascade bool
}

// dropPos is where the rule's row filter is written: its where:, else
// its sample:.
func (t *TableRule) dropPos() Pos {
	if t.Where != "" {
		return t.WherePos
	}
	return t.SamplePos
}

// dropKey names the rule's row filter for messages.
func (t *TableRule) dropKey() string {
	if t.Where != "" {
		return "where:"
	}
	return "sample:"
}

// Subsets reports whether the rule drops rows by a filter, a sample or
// only_referenced: (truncate: aside).
func (t *TableRule) Subsets() bool { return t.drops() || t.OnlyReferenced }

// drops: the rule drops rows of its own, by where: or sample:.
func (t *TableRule) drops() bool { return t.Where != "" || t.sampled() }

// sampled: the rule has a sample:.
func (t *TableRule) sampled() bool { return t.Sample > 0 || t.SampleRows > 0 }

// Path returns schema.table for messages, followed by the database for
// a rule under databases:.
func (t *TableRule) Path() string {
	if t.Database != "" {
		return qualified(t.Schema, t.Name) + " (database " + dumpstream.QuoteIdent(t.Database) + ")"
	}
	return qualified(t.Schema, t.Name)
}

// ColumnRule is the rule for one column.
type ColumnRule struct {
	Pos       Pos // of the column key
	Column    string
	Transform string
	Kept      bool        // `keep`: the column is not personal and stays as it is
	Def       *fakers.Def // nil when Kept
	Domain    string      // effective domain ("" for transformers that are not keyed)
	Unique    bool        // as computed for the whole domain
	uniqueSet *bool       // as written, nil when not written
	domainSet bool        // whether domain: is written
	Value     string
	Length    int
	Keep      int
	Char      string
	// KeepFirst, KeepLast: mask's keep_first and keep_last; Pattern,
	// Replace: regex_replace's; Values: pick_from's values:, or the lines
	// of its file: (ValuesFile, as written), read at load time.
	KeepFirst  int
	KeepLast   int
	Pattern    string
	Replace    string
	Values     []string
	ValuesFile string
	// Luhn: fpe's luhn (the last digit stays a Luhn check digit).
	Luhn bool
	// Template, when set, is the rule's text/template (Transform is
	// "template", Def nil); NullRender: `null: render`.
	Template    string
	TemplatePos Pos
	NullRender  bool
	// Cases, when set, make the rule a list of cases (Transform is
	// "cases", Def nil): the first whose When holds on the row's original
	// values applies; the last has no When.
	Cases []*Case
	// Paths, when set, rewrite leaves inside a json or jsonb document
	// (Transform is "paths", Def nil); see paths.go. OnInvalid is
	// "error" (the default), "null" or "keep".
	Paths     []*PathRule
	OnInvalid string
	// Locale is the rule's effective locale: its own `locale:`, else its
	// table's, else the file's ("" for fakers.DefaultLocale).
	Locale string
	// Days and By: date_shift's days: and by: (the column whose original
	// value names the entity; "" for the value itself). To, Bucket (and
	// Keep): generalize's. Percent: noise's. KeepAge: date_of_birth's
	// keep_age.
	Days    int
	By      string
	To      string
	Bucket  int
	Percent int
	KeepAge bool
}

// Case is one case of a column rule given as a list.
type Case struct {
	Pos     Pos    // of the list item
	When    string // "" for the last case
	WhenPos Pos
	Rule    *ColumnRule // Kept, or with Def
}

// Rules returns the transformer rules of c: c itself, or the rules of its
// cases, or those of its paths.
func (c *ColumnRule) Rules() []*ColumnRule {
	if c.Paths != nil {
		var rs []*ColumnRule
		for _, p := range c.Paths {
			rs = append(rs, p.Rule.Rules()...)
		}
		return rs
	}
	if c.Cases == nil {
		return []*ColumnRule{c}
	}
	rs := make([]*ColumnRule, len(c.Cases))
	for i, cs := range c.Cases {
		rs[i] = cs.Rule
	}
	return rs
}

// Privacy returns the class of what c writes: its transformer's, the
// weakest of its cases' (fakers.Kept when a case keeps the value) or of
// its paths' rules (the leaves no path names are kept, which this does
// not count). A template counts as pseudonymizing: it writes other
// columns' values, hashed or as they are.
func (c *ColumnRule) Privacy() fakers.Privacy {
	switch {
	case c.Kept:
		return fakers.Kept
	case c.Template != "":
		return fakers.Pseudonymizing
	case c.Cases == nil && c.Paths == nil:
		return c.Def.Privacy()
	}
	weakest := fakers.Anonymizing
	for _, r := range c.Rules() {
		weakest = min(weakest, r.Privacy())
	}
	return weakest
}

// Load reads and validates a rules file. name is used in messages.
func Load(r io.Reader, name string) (*Rules, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return Parse(data, name)
}

// Parse validates the rules in data.
func Parse(data []byte, name string) (*Rules, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, ErrorList{{Pos: Pos{File: name}, Msg: "the rules file is empty; it needs at least `version: 1`"}}
		}
		return nil, ErrorList{yamlError(name, err)}
	}
	var errs ErrorList
	l := &loader{file: name, errs: &errs}
	rs := &Rules{File: name, Strict: true, byName: map[[3]string]*TableRule{}}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		errs.add(l.pos(root), "", "the rules file must be a mapping with `version: 1` and `tables:`")
		return nil, errs.err()
	}
	var version *yaml.Node
	l.mapping(root, "", []string{"version", "strict", "untyped", "locale", "tables", "databases", "k_anonymity", "large_objects"}, func(k, v *yaml.Node) {
		switch k.Value {
		case "locale":
			rs.Locale = l.locale(v, "")
		case "untyped":
			if v.Kind != yaml.ScalarNode || v.Value != "allow" && v.Value != "refuse" {
				errs.add(l.pos(v), "", "untyped must be allow or refuse")
			}
			rs.Untyped = v.Value
		case "databases":
			l.databases(rs, v)
		case "k_anonymity":
			l.kAnonymity(rs, v)
		case "large_objects":
			if v.Kind != yaml.ScalarNode || v.Value != "keep" && v.Value != "empty" && v.Value != "drop" {
				errs.add(l.pos(v), "", "large_objects must be keep (not personal), empty (each object kept with no contents) or drop")
			}
			rs.LargeObjects, rs.LargeObjectsPos = v.Value, l.pos(v)
		case "strict":
			b, ok := boolValue(v)
			if !ok {
				errs.add(l.pos(v), "", "strict must be true or false")
			}
			rs.Strict = b
		case "version":
			version = v
			if n, err := strconv.Atoi(v.Value); v.Kind != yaml.ScalarNode || err != nil || n != 1 {
				errs.add(l.pos(v), "", "unsupported version %q: this anondump reads version 1", v.Value)
			}
		case "tables":
			l.tables(rs, v, "")
		}
	})
	if version == nil {
		errs.add(l.pos(root), "", "missing `version: 1` at the top of the rules file")
	}
	resolveLocales(rs)
	l.domains(rs)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return rs, nil
}

// locale reads a `locale:` value: one of fakers.Locales.
func (l *loader) locale(v *yaml.Node, path string) string {
	if v.Kind != yaml.ScalarNode {
		l.errs.add(l.pos(v), path, "locale must be one of: %s", strings.Join(fakers.Locales(), ", "))
		return ""
	}
	if err := fakers.CheckLocale(v.Value); err != nil {
		l.errs.add(l.pos(v), path, "%v%s", err, didYouMean(v.Value, fakers.Locales()))
		return ""
	}
	return v.Value
}

// resolveLocales gives every transformer rule its effective locale: its
// own, else its table's, else the file's.
func resolveLocales(rs *Rules) {
	for _, t := range rs.Tables {
		def := t.Locale
		if def == "" {
			def = rs.Locale
		}
		for _, c := range t.Columns {
			for _, r := range c.Rules() {
				if r.Locale == "" {
					r.Locale = def
				}
			}
		}
	}
}

// yamlError turns a yaml.v3 syntax error into a positioned Error.
func yamlError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.IndexByte(rest, ':'); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				line, msg = n, strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return &Error{Pos: Pos{File: file, Line: line, Col: min(line, 1)}, Msg: "invalid YAML: " + msg}
}

type loader struct {
	file string
	errs *ErrorList
}

func (l *loader) pos(n *yaml.Node) Pos { return Pos{File: l.file, Line: n.Line, Col: n.Column} }

// mapping walks a mapping node strictly: keys must be in known and appear
// once.
func (l *loader) mapping(n *yaml.Node, path string, known []string, each func(k, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if prev := seen[k.Value]; prev != nil {
			l.errs.add(l.pos(k), path, "key %q is repeated (first at line %d)", k.Value, prev.Line)
			continue
		}
		seen[k.Value] = k
		if known != nil && !contains(known, k.Value) {
			l.errs.add(l.pos(k), path, "unknown key %q%s; known keys: %s", k.Value, didYouMean(k.Value, known), strings.Join(known, ", "))
			continue
		}
		each(k, v)
	}
}

// databases reads `databases: {crm: {tables: {…}}, …}`: rules for the
// tables of one database of a pg_dumpall stream.
func (l *loader) databases(rs *Rules, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		if n.Tag != "!!null" {
			l.errs.add(l.pos(n), "", "`databases` must be a mapping of database names to `tables:`")
		}
		return
	}
	l.mapping(n, "", nil, func(k, v *yaml.Node) {
		db := unquoteIdent(k.Value)
		if k.Kind != yaml.ScalarNode || db == "" {
			l.errs.add(l.pos(k), "", "a database name must be a non-empty name")
			return
		}
		if v.Kind != yaml.MappingNode {
			l.errs.add(l.pos(v), "", "database %s: its rules are a mapping with `tables:`", dumpstream.QuoteIdent(db))
			return
		}
		l.mapping(v, "database "+dumpstream.QuoteIdent(db), []string{"tables"}, func(_, v *yaml.Node) {
			l.tables(rs, v, db)
		})
	})
}

func (l *loader) tables(rs *Rules, n *yaml.Node, db string) {
	if n.Kind != yaml.MappingNode {
		if n.Tag != "!!null" {
			l.errs.add(l.pos(n), "", "`tables` must be a mapping of table names to rules")
		}
		return
	}
	l.mapping(n, "", nil, func(k, v *yaml.Node) {
		schema, name, err := splitTableKey(k.Value)
		if err != nil {
			l.errs.add(l.pos(k), "", "bad table name %q: %v", k.Value, err)
			return
		}
		t := &TableRule{Pos: l.pos(k), Key: k.Value, Database: db, Schema: schema, Name: name}
		if prev := rs.byName[[3]string{db, schema, name}]; prev != nil {
			l.errs.add(t.Pos, t.Path(), "table has a second rule (first at line %d)", prev.Pos.Line)
			return
		}
		rs.byName[[3]string{db, schema, name}] = t
		rs.Tables = append(rs.Tables, t)
		if v.Kind != yaml.MappingNode {
			l.errs.add(l.pos(v), t.Path(), "a table rule is a mapping with `columns:` or `truncate: true`")
			return
		}
		before := len(*l.errs)
		l.mapping(v, t.Path(), []string{"columns", "truncate", "keep", "where", "locale", "sample", "domain", "only_referenced", "cascade"}, func(k, v *yaml.Node) {
			switch k.Value {
			case "sample":
				l.sample(t, v)
			case "domain":
				if v.Kind != yaml.ScalarNode || v.Value == "" {
					l.errs.add(l.pos(v), t.Path(), "domain: names the sampling domain: tables sampled in one domain keep the same keys; give a name")
					return
				}
				t.SampleDomain = v.Value
			case "only_referenced", "cascade":
				b, ok := boolValue(v)
				if !ok {
					l.errs.add(l.pos(v), t.Path(), "%s must be true or false", k.Value)
				}
				if k.Value == "cascade" {
					t.NoCascade = !b
				} else {
					t.OnlyReferenced = b
				}
			case "locale":
				t.Locale = l.locale(v, t.Path())
			case "where":
				if v.Kind != yaml.ScalarNode || v.Value == "" {
					l.errs.add(l.pos(v), t.Path(), "where must be a condition, like \"deleted_at IS NULL\"")
					return
				}
				t.Where, t.WherePos = v.Value, l.pos(v)
				if _, err := parseWhere(v.Value); err != nil {
					we := err.(*whereError)
					l.errs.add(l.pos(v), t.Path(), "where: %s (at character %d of the condition)", we.msg, we.pos+1)
				}
			case "truncate", "keep":
				b, ok := boolValue(v)
				if !ok {
					l.errs.add(l.pos(v), t.Path(), "%s must be true or false", k.Value)
				}
				if k.Value == "truncate" {
					t.Truncate = b
				} else {
					t.Keep = b
				}
			case "columns":
				l.columns(t, v)
			}
		})
		switch {
		case t.Truncate && len(t.Columns) > 0:
			l.errs.add(t.Pos, t.Path(), "truncate: true drops every row; remove the column rules or the truncate")
		case t.Keep && t.Truncate:
			l.errs.add(t.Pos, t.Path(), "keep: true and truncate: true contradict each other; keep one")
		case t.Truncate && t.Where != "":
			l.errs.add(t.Pos, t.Path(), "truncate: true drops every row; a where: condition has nothing to select")
		case t.Keep && len(t.Columns) > 0:
			l.errs.add(t.Pos, t.Path(), "keep: true passes the whole table through; remove the column rules or the keep")
		case t.Truncate && (t.sampled() || t.OnlyReferenced):
			l.errs.add(t.Pos, t.Path(), "truncate: true drops every row; sample: and only_referenced: have nothing to select")
		case t.OnlyReferenced && t.drops():
			l.errs.add(t.Pos, t.Path(), "only_referenced: true keeps the rows that kept rows reference; it cannot also filter or sample the table: remove one")
		case t.SampleDomain != "" && !t.sampled():
			l.errs.add(t.Pos, t.Path(), "domain: is the sampling domain of sample:, and the table has no sample:")
		case !t.Truncate && !t.Keep && !t.Subsets() && len(t.Columns) == 0 && len(*l.errs) == before:
			// Only when nothing else was wrong with it: a rejected column
			// rule already explains why there is none.
			l.errs.add(t.Pos, t.Path(), "the rule does nothing: give it column rules, `keep: true` or `truncate: true`")
		}
	})
}

// sample reads sample: a percentage ("5%") or a number of rows (10000).
func (l *loader) sample(t *TableRule, v *yaml.Node) {
	t.SamplePos = l.pos(v)
	msg := "sample: is a percentage of the rows, like 5%, or a number of rows, like 10000"
	if v.Kind != yaml.ScalarNode {
		l.errs.add(l.pos(v), t.Path(), "%s", msg)
		return
	}
	s := strings.TrimSpace(v.Value)
	if p, ok := strings.CutSuffix(s, "%"); ok {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || !(f > 0 && f <= 100) {
			l.errs.add(l.pos(v), t.Path(), "%s; a percentage is above 0 and at most 100", msg)
			return
		}
		t.Sample = f / 100
		return
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		l.errs.add(l.pos(v), t.Path(), "%s; a number of rows is a whole number above 0", msg)
		return
	}
	t.SampleRows = n
}

func (l *loader) columns(t *TableRule, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		l.errs.add(l.pos(n), t.Path(), "`columns` must be a mapping of column names to transformers")
		return
	}
	byName := map[string]*ColumnRule{}
	l.mapping(n, t.Path(), nil, func(k, v *yaml.Node) {
		c := &ColumnRule{Pos: l.pos(k), Column: unquoteIdent(k.Value)}
		path := t.Path() + "." + dumpstream.QuoteIdent(c.Column)
		if prev := byName[c.Column]; prev != nil {
			l.errs.add(c.Pos, path, "column has a second rule (first at line %d)", prev.Pos.Line)
			return
		}
		byName[c.Column] = c
		if hasKey(v, "paths") {
			if l.paths(c, path, v) {
				t.Columns = append(t.Columns, c)
			}
			return
		}
		if v.Kind == yaml.SequenceNode {
			if l.cases(c, path, v) {
				t.Columns = append(t.Columns, c)
			}
			return
		}
		if l.rule(c, path, v, nil) {
			t.Columns = append(t.Columns, c)
		}
	})
}

// cases reads a column rule given as a list of cases: every case but the
// last has a `when:`, the last has none.
func (l *loader) cases(c *ColumnRule, path string, n *yaml.Node) bool {
	c.Transform = "cases"
	if len(n.Content) == 0 {
		l.errs.add(l.pos(n), path, "a list of cases must not be empty; its last case, without `when:`, applies to the other rows")
		return false
	}
	ok := true
	for i, item := range n.Content {
		last := i == len(n.Content)-1
		cs := &Case{Pos: l.pos(item), Rule: &ColumnRule{Pos: l.pos(item), Column: c.Column}}
		var when *yaml.Node
		ruleOK := l.rule(cs.Rule, path, item, &when)
		if !ruleOK {
			ok = false
		}
		if when != nil {
			cs.When, cs.WhenPos = when.Value, l.pos(when)
			if _, err := parseWhere(when.Value); err != nil {
				we := err.(*whereError)
				l.errs.add(l.pos(when), path, "when: %s (at character %d of the condition)", we.msg, we.pos+1)
				ok = false
			}
		}
		switch {
		case last && when != nil:
			l.errs.add(cs.Pos, path, "the last case has a `when:`: a list of cases needs a last case without one, for the rows no condition matches (add `- keep` or a transformer)")
			ok = false
		case !last && when == nil:
			l.errs.add(cs.Pos, path, "case %d of %d has no `when:`: only the last case may go without one (the cases after it could never apply)", i+1, len(n.Content))
			ok = false
		}
		if ruleOK {
			c.Cases = append(c.Cases, cs)
		}
	}
	return ok
}

// rule reads one transformer rule (a name, or a mapping with
// `transform:` and options) into c. With when non-nil it reads a case:
// the mapping may also have `when:`, and `keep: true` alone keeps the
// value.
func (l *loader) rule(c *ColumnRule, path string, v *yaml.Node, when **yaml.Node) bool {
	var tpos *yaml.Node
	switch v.Kind {
	case yaml.ScalarNode:
		c.Transform, tpos = v.Value, v
	case yaml.MappingNode:
		opts := map[string]*yaml.Node{}
		badTransform := false
		known := []string{"transform", "template", "null", "domain", "unique", "value", "length", "keep", "char",
			"keep_first", "keep_last", "pattern", "replace", "values", "file", "locale",
			"days", "by", "to", "bucket", "percent", "keep_age", "luhn"}
		if when != nil {
			known = append(known, "when")
		}
		if when == nil {
			for i := 0; i+1 < len(v.Content); i += 2 {
				if k := v.Content[i]; k.Value == "when" {
					l.errs.add(l.pos(k), path, "when: belongs to a case: write the rule as a list of cases, the last without when: (- {when: \"…\", transform: …} then - keep)")
					return false
				}
			}
		}
		before := len(*l.errs)
		l.mapping(v, path, known, func(k, v *yaml.Node) {
			if k.Value == "values" && v.Kind != yaml.SequenceNode {
				l.errs.add(l.pos(v), path, "values must be a list of strings, like [a, b]")
				return
			}
			if v.Kind != yaml.ScalarNode && k.Value != "values" {
				l.errs.add(l.pos(v), path, "%s must be a single value", k.Value)
				badTransform = badTransform || k.Value == "transform"
				return
			}
			if k.Value == "when" {
				if v.Value == "" {
					l.errs.add(l.pos(v), path, "when must be a condition, like \"deleted_at IS NOT NULL\"")
					return
				}
				*when = v
				return
			}
			opts[k.Value] = v
		})
		if badTransform || len(*l.errs) > before {
			return false
		}
		tn := opts["transform"]
		if tp := opts["template"]; tp != nil {
			return l.template(c, path, v, tp, opts)
		}
		if opts["null"] != nil {
			l.errs.add(l.pos(opts["null"]), path, "null: is an option of template:")
			return false
		}
		if tn == nil && when != nil && opts["keep"] != nil {
			// `{when: …, keep: true}`: the case keeps the value.
			b, ok := boolValue(opts["keep"])
			switch {
			case !ok || !b:
				l.errs.add(l.pos(opts["keep"]), path, "keep in a case must be true (it keeps the value); for another rule use `transform:`")
				return false
			case len(opts) > 1:
				l.errs.add(l.pos(v), path, "a case that keeps the value takes no options besides `when:`")
				return false
			}
			c.Transform, c.Kept = "keep", true
			return true
		}
		if tn == nil {
			msg := "missing `transform:` (or `template:`); known transformers: %s"
			if when != nil {
				msg = "missing `transform:` (or `template:`, or `keep: true`); known transformers: %s"
			}
			l.errs.add(l.pos(v), path, msg, strings.Join(fakers.Names(), ", "))
			return false
		}
		c.Transform, tpos = tn.Value, tn
		if tn.Value == "keep" && len(opts) > 1 {
			l.errs.add(l.pos(v), path, "keep takes no options")
			return false
		}
		if tn.Value != "keep" {
			l.options(c, path, opts)
		}
	default:
		msg := "a column rule is a transformer name, a mapping with `transform:`, or a list of cases"
		if when != nil {
			msg = "a case is a transformer name, `keep`, or a mapping with `when:` and `transform:` or `keep: true`"
		}
		l.errs.add(l.pos(v), path, "%s", msg)
		return false
	}
	if c.Transform == "keep" {
		c.Kept = true
		return true
	}
	def, ok := fakers.Lookup(c.Transform)
	if !ok {
		l.errs.add(l.pos(tpos), path, "unknown transformer %q%s", c.Transform, didYouMean(c.Transform, append(fakers.Names(), "keep")))
		return false
	}
	c.Def = def
	if def.Keyed && c.Domain == "" {
		c.Domain = def.Name
	}
	if c.uniqueSet != nil && *c.uniqueSet && !def.Unique {
		l.errs.add(l.pos(tpos), path, "%s cannot guarantee unique values; use a transformer that can (email, username, uuid, hash, ...)", def.Name)
	}
	return true
}

// template reads `{template: "…", null: keep|render}`.
func (l *loader) template(c *ColumnRule, path string, v, tp *yaml.Node, opts map[string]*yaml.Node) bool {
	for name, o := range opts {
		if name != "template" && name != "null" {
			l.errs.add(l.pos(o), path, "template: takes no option %q (only null: keep|render); a template writes its text, with no transformer", name)
			return false
		}
	}
	if tp.Value == "" {
		l.errs.add(l.pos(tp), path, "template must not be empty; to write NULL use set_null, to write an empty string use {transform: const, value: \"\"}")
		return false
	}
	if _, err := compileTemplate(tp.Value, nil); err != nil {
		l.errs.add(l.pos(tp), path, "template: %v", err)
		return false
	}
	c.Transform, c.Template, c.TemplatePos = "template", tp.Value, l.pos(tp)
	if n := opts["null"]; n != nil {
		switch n.Value {
		case "keep":
		case "render":
			c.NullRender = true
		default:
			l.errs.add(l.pos(n), path, "null must be keep (a NULL value stays NULL, the default) or render (the template is written for it too)")
			return false
		}
	}
	return true
}

func (l *loader) options(c *ColumnRule, path string, opts map[string]*yaml.Node) {
	def, _ := fakers.Lookup(opts["transform"].Value)
	for _, name := range []string{"domain", "unique", "locale", "value", "length", "keep", "char", "keep_first", "keep_last", "pattern", "replace", "values", "file",
		"days", "by", "to", "bucket", "percent", "keep_age", "luhn"} {
		v := opts[name]
		if v == nil {
			continue
		}
		if def != nil {
			generic := name == "domain" || name == "unique" || name == "locale" && def.Locale
			switch {
			case name == "domain" && !def.Keyed:
				l.errs.add(l.pos(v), path, "domain has no effect on %s, whose output does not depend on the input's identity", def.Name)
				continue
			case name == "locale" && !def.Locale:
				l.errs.add(l.pos(v), path, "locale has no effect on %s, whose output is the same in every locale", def.Name)
				continue
			case !generic && !contains(def.Options, name) && (name != "file" || !contains(def.Options, "values")):
				l.errs.add(l.pos(v), path, "%s does not take the option %q%s", def.Name, name, optionHint(def))
				continue
			}
		}
		switch name {
		case "domain":
			if v.Value == "" {
				l.errs.add(l.pos(v), path, "domain must not be empty")
			}
			c.Domain, c.domainSet = v.Value, true
		case "locale":
			c.Locale = l.locale(v, path)
		case "unique":
			b, ok := boolValue(v)
			if !ok {
				l.errs.add(l.pos(v), path, "unique must be true or false")
			}
			c.uniqueSet = &b
		case "value":
			c.Value = v.Value
		case "char":
			c.Char = v.Value
		case "luhn":
			b, ok := boolValue(v)
			if !ok {
				l.errs.add(l.pos(v), path, "luhn must be true or false")
			}
			c.Luhn = b
		case "length", "keep", "keep_first", "keep_last":
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < 0 {
				l.errs.add(l.pos(v), path, "%s must be a whole number ≥ 0", name)
			}
			switch name {
			case "length":
				c.Length = n
			case "keep":
				c.Keep = n
			case "keep_first":
				c.KeepFirst = n
			default:
				c.KeepLast = n
			}
		case "pattern":
			if _, err := regexp.Compile(v.Value); err != nil {
				l.errs.add(l.pos(v), path, "pattern does not compile: %v", err)
			}
			c.Pattern = v.Value
		case "replace":
			c.Replace = v.Value
		case "values":
			l.values(c, path, v)
		case "file":
			l.valuesFile(c, path, v)
		case "days", "bucket", "percent":
			lo, hi := 1, math.MaxInt32
			switch name {
			case "days":
				hi = fakers.MaxShiftDays
			case "percent":
				hi = fakers.MaxPercent
			}
			n, err := strconv.Atoi(v.Value)
			if err != nil || n < lo || n > hi {
				if hi == math.MaxInt32 {
					l.errs.add(l.pos(v), path, "%s must be a whole number ≥ 1", name)
				} else {
					l.errs.add(l.pos(v), path, "%s must be a whole number from %d to %d", name, lo, hi)
				}
				n = 0
			}
			switch name {
			case "days":
				c.Days = n
			case "bucket":
				c.Bucket = n
			default:
				c.Percent = n
			}
		case "by":
			if v.Value == "" {
				l.errs.add(l.pos(v), path, "by must name a column of the table (the entity whose dates move together)")
			}
			c.By = unquoteIdent(v.Value)
		case "to":
			if v.Value != "year" && v.Value != "month" {
				l.errs.add(l.pos(v), path, "to must be year or month")
			}
			c.To = v.Value
		case "keep_age":
			b, ok := boolValue(v)
			if !ok {
				l.errs.add(l.pos(v), path, "keep_age must be true or false")
			}
			c.KeepAge = b
		}
	}
	if def == nil {
		return
	}
	tpos := opts["transform"]
	if contains(def.Options, "days") && opts["days"] == nil {
		l.errs.add(l.pos(tpos), path, "%s needs `days:`, the largest move in days (1 to %d)", def.Name, fakers.MaxShiftDays)
	}
	if contains(def.Options, "percent") && opts["percent"] == nil {
		l.errs.add(l.pos(tpos), path, "%s needs `percent:`, the largest change (1 to %d)", def.Name, fakers.MaxPercent)
	}
	if contains(def.Options, "bucket") {
		n := 0
		for _, o := range []string{"to", "bucket", "keep"} {
			if opts[o] != nil {
				n++
			}
		}
		if n != 1 {
			l.errs.add(l.pos(tpos), path, "%s needs exactly one of `to:` (year or month), `bucket:` (a number's bucket width) and `keep:` (a postcode's characters kept)", def.Name)
		}
		if k := opts["keep"]; k != nil && c.Keep < 1 {
			l.errs.add(l.pos(k), path, "keep must be a whole number ≥ 1 (the characters kept)")
		}
	}
	if contains(def.Options, "value") && opts["value"] == nil {
		l.errs.add(l.pos(tpos), path, "%s needs `value:`", def.Name)
	}
	if contains(def.Options, "pattern") && opts["pattern"] == nil {
		l.errs.add(l.pos(tpos), path, "%s needs `pattern:`, a regular expression (Go RE2 syntax)", def.Name)
	}
	if r := opts["replace"]; r != nil && c.Pattern != "" && def.New != nil {
		// The replacement's groups and escapes, checked now against the
		// pattern (a text column: the target is checked with the dump).
		if _, err := regexp.Compile(c.Pattern); err == nil {
			if _, err := def.New(fakers.Params{Pattern: c.Pattern, Replace: c.Replace, Target: fakers.Target{Class: fakers.ClassText, Type: "text"}}); err != nil {
				l.errs.add(l.pos(r), path, "%v", err)
			}
		}
	}
	if contains(def.Options, "values") {
		switch vs, f := opts["values"], opts["file"]; {
		case vs == nil && f == nil:
			l.errs.add(l.pos(tpos), path, "%s needs `values: [a, b, …]` or `file: path` (one value a line)", def.Name)
		case vs != nil && f != nil:
			l.errs.add(l.pos(f), path, "%s takes `values:` or `file:`, not both", def.Name)
		}
	}
	if k, kl := opts["keep"], opts["keep_last"]; k != nil && kl != nil {
		l.errs.add(l.pos(k), path, "keep is an alias of keep_last; give only one of them")
	}
}

// values reads pick_from's `values: [a, b, …]`, a list of strings.
func (l *loader) values(c *ColumnRule, path string, n *yaml.Node) {
	if len(n.Content) == 0 {
		l.errs.add(l.pos(n), path, "values must not be empty")
		return
	}
	for i, v := range n.Content {
		if v.Kind != yaml.ScalarNode || v.Tag == "!!null" {
			l.errs.add(l.pos(v), path, "value %d of values must be a string", i+1)
			continue
		}
		c.Values = append(c.Values, v.Value)
	}
}

// valuesFile reads pick_from's `file: path`, one value a line, relative
// to the rules file's directory. Empty lines are skipped; a line may end
// in \r\n.
func (l *loader) valuesFile(c *ColumnRule, path string, n *yaml.Node) {
	if n.Value == "" {
		l.errs.add(l.pos(n), path, "file must be a path")
		return
	}
	c.ValuesFile = n.Value
	name := n.Value
	if !filepath.IsAbs(name) {
		name = filepath.Join(filepath.Dir(l.file), name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		l.errs.add(l.pos(n), path, "file: cannot read the values: %v", err)
		return
	}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
		if line != "" {
			c.Values = append(c.Values, line)
		}
	}
	if len(c.Values) == 0 {
		l.errs.add(l.pos(n), path, "file %s holds no values; it needs one value a line", strconv.Quote(n.Value))
	}
}

func optionHint(def *fakers.Def) string {
	if len(def.Options) == 0 && def.Locale {
		return "; it takes only transform, domain, unique and locale"
	}
	if len(def.Options) == 0 {
		return "; it takes only transform, domain and unique"
	}
	return "; it takes: " + strings.Join(def.Options, ", ")
}

// domains checks that the columns sharing a domain agree, and makes
// uniqueness a property of the domain.
func (l *loader) domains(rs *Rules) {
	type member struct {
		t *TableRule
		c *ColumnRule
	}
	byDomain := map[string][]member{}
	var names []string
	for _, t := range rs.Tables {
		for _, col := range t.Columns {
			for _, c := range col.Rules() {
				if c.Def == nil || c.Domain == "" {
					continue
				}
				if _, ok := byDomain[c.Domain]; !ok {
					names = append(names, c.Domain)
				}
				byDomain[c.Domain] = append(byDomain[c.Domain], member{t, c})
			}
		}
	}
	sort.Strings(names)
	for _, d := range names {
		ms := byDomain[d]
		first := ms[0]
		var yes, no *member
		for i := range ms {
			m := &ms[i]
			if m.c.Transform != first.c.Transform {
				l.errs.add(m.c.Pos, m.t.Path()+"."+dumpstream.QuoteIdent(m.c.Column),
					"domain %q is used with transformer %s here and %s at line %d; columns that share a domain must use the same transformer",
					d, m.c.Transform, first.c.Transform, first.c.Pos.Line)
			} else if opt, a, b := differingOption(first.c, m.c); opt != "" && (first.c.domainSet || m.c.domainSet) {
				l.errs.add(m.c.Pos, m.t.Path()+"."+dumpstream.QuoteIdent(m.c.Column),
					"domain %q is used with %s: %s here and %s: %s at line %d; the columns of a domain must agree on it, or equal inputs stop giving equal outputs (joins, date intervals)",
					d, opt, b, opt, a, first.c.Pos.Line)
			}
			if m.c.uniqueSet != nil {
				if *m.c.uniqueSet && yes == nil {
					yes = m
				}
				if !*m.c.uniqueSet && no == nil {
					no = m
				}
			}
		}
		if yes != nil && no != nil {
			l.errs.add(no.c.Pos, no.t.Path()+"."+dumpstream.QuoteIdent(no.c.Column),
				"unique: false contradicts unique: true at line %d in the same domain %q; uniqueness is a property of the domain (remove one)",
				yes.c.Pos.Line, d)
		}
		for _, m := range ms {
			m.c.Unique = yes != nil
		}
	}
}

// differingOption names an option that changes a keyed transformer's
// output and that a and b, of one domain and transformer, set apart, with
// both values; "" when they agree. It matters where a domain is written
// (the columns are meant to join); the locale may differ (a case per
// country), as the same person is not in two locales.
func differingOption(a, b *ColumnRule) (name, va, vb string) {
	for _, o := range []struct {
		name   string
		va, vb int
	}{{"days", a.Days, b.Days}, {"percent", a.Percent, b.Percent}, {"length", a.Length, b.Length}} {
		if o.va != o.vb {
			return o.name, strconv.Itoa(o.va), strconv.Itoa(o.vb)
		}
	}
	return "", "", ""
}

// splitTableKey splits "schema.table" (parts optionally double-quoted) into
// its parts; a bare name means public.
func splitTableKey(key string) (schema, name string, err error) {
	var parts []string
	var cur strings.Builder
	quoted, wasQuoted := false, false
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case quoted && c == '"' && i+1 < len(key) && key[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"' && (quoted || cur.Len() == 0 && !wasQuoted):
			quoted = !quoted
			wasQuoted = true
		case c == '.' && !quoted:
			parts = append(parts, cur.String())
			cur.Reset()
			wasQuoted = false
		case c == '"':
			return "", "", errors.New("misplaced double quote")
		default:
			cur.WriteByte(c)
		}
	}
	if quoted {
		return "", "", errors.New("unterminated double quote")
	}
	parts = append(parts, cur.String())
	for _, p := range parts {
		if p == "" {
			return "", "", errors.New("empty name part")
		}
	}
	switch len(parts) {
	case 1:
		return "public", parts[0], nil
	case 2:
		return parts[0], parts[1], nil
	}
	return "", "", fmt.Errorf("expected schema.table, got %d dot-separated parts (quote a part that contains a dot)", len(parts))
}

// unquoteIdent removes surrounding double quotes from a column key, if any.
func unquoteIdent(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

func qualified(schema, name string) string {
	return dumpstream.QuoteIdent(schema) + "." + dumpstream.QuoteIdent(name)
}

func boolValue(n *yaml.Node) (bool, bool) {
	if n.Kind != yaml.ScalarNode {
		return false, false
	}
	switch n.Value {
	case "true", "True", "TRUE", "yes", "on":
		return true, true
	case "false", "False", "FALSE", "no", "off":
		return false, true
	}
	return false, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
