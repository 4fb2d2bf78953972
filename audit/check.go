package audit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/jsonpath"
	"github.com/anondump/anondump/rules"
)

// CheckOptions tune [Check].
type CheckOptions struct {
	// Sample is how many non-NULL documents of each kept json or jsonb
	// column are looked inside. Default 1000.
	Sample int
	// Warn, when set, receives what a run would only warn about (rules
	// on columns of unknown type with strict off, say); these are not
	// among the problems returned.
	Warn func(rules.Problem)
	// AnySQL accepts SQL that pg_dump did not write (see
	// [dumpstream.Options.AnySQL]).
	AnySQL bool
	// Note, when set, receives notes: what check could not look at (the
	// rows of a COPY that is not in the text format), never a value.
	Note func(msg string)
	// KSample is how many rows of each k_anonymity table are rewritten
	// by the rules and counted, for an estimate. Default 100000.
	KSample int
}

// Check reads a dump (streaming; rows are not rewritten) and reports
// everything that can be known before running the rules on it: what
// [rules.Checker] decides from the schema, the row counts and the keys,
// and kept json/jsonb columns whose sampled documents hold values that
// look personal (with the JSON paths, never the values). A dump that
// cannot be read is an error.
func Check(rs *rules.Rules, src io.Reader, name string, opt CheckOptions) ([]rules.Problem, error) {
	if opt.Sample <= 0 {
		opt.Sample = 1000
	}
	if opt.KSample <= 0 {
		opt.KSample = kSampleDefault
	}
	c := &checkReader{checker: rules.NewChecker(rs), rules: rs, opt: opt, name: name, cols: map[[4]string]*jsonColumn{},
		k: newKEstimate(rs, opt.KSample)}
	if _, err := dumpstream.WalkAny(src, c, dumpstream.Options{Name: name, AnySQL: opt.AnySQL}); err != nil {
		return nil, err
	}
	problems, warnings := c.checker.Problems()
	kp, kw := c.k.problems()
	problems, warnings = append(problems, kp...), append(warnings, kw...)
	if c.k != nil && opt.Note != nil {
		for _, n := range c.k.notes {
			opt.Note(n)
		}
	}
	for _, jc := range c.order {
		if p, ok := jc.problem(); ok {
			problems = append(problems, p)
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	if opt.Warn != nil {
		for _, w := range warnings {
			opt.Warn(w)
		}
	}
	return problems, nil
}

// checkReader is check's visitor of the dump: the rules' checker judges
// each table, and kept json columns are sampled.
type checkReader struct {
	dumpstream.NopVisitor
	checker *rules.Checker
	rules   *rules.Rules
	k       *kEstimate // nil without k_anonymity
	rows    checkRows  // of the block being read
	opt     CheckOptions
	name    string
	cols    map[[4]string]*jsonColumn // by database, schema, table, column
	order   []*jsonColumn
	filter  jsonFilter // of the block being read
}

func (c *checkReader) Constraint(k dumpstream.Constraint) error {
	c.checker.Constraint(k)
	return nil
}

func (c *checkReader) Inserts(t *dumpstream.Table) error { return c.checker.Table(t) }

func (c *checkReader) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	t := b.Table
	if err := c.checker.Table(t); err != nil {
		return nil, err
	}
	json, err := c.jsonBlock(b)
	if err != nil {
		return nil, err
	}
	c.rows = checkRows{json: json, k: c.k.block(b, c.rules)}
	switch {
	case c.rows.k != nil:
		return &c.rows, nil
	case json != nil:
		return json, nil
	}
	return nil, nil
}

// jsonBlock returns the filter that samples the kept json columns of
// block b, or nil.
func (c *checkReader) jsonBlock(b *dumpstream.Block) (*jsonFilter, error) {
	t := b.Table
	f := &c.filter
	f.idx, f.cols, f.max = f.idx[:0], f.cols[:0], c.opt.Sample
	for i, col := range t.Columns {
		if col.Type == nil || col.Type.ArrayDims > 0 || col.Type.Name != "json" && col.Type.Name != "jsonb" {
			continue
		}
		set := c.checker.Paths(t, col.Name)
		if set == nil && c.checker.Rewritten(t, col.Name) {
			continue
		}
		key := [4]string{t.Database, t.Schema, t.Name, col.Name}
		jc := c.cols[key]
		if jc == nil {
			jc = &jsonColumn{table: t.QualifiedName(), column: col.Name, line: t.Line, hits: map[string]*pathHits{}, set: set}
			c.cols[key] = jc
			c.order = append(c.order, jc)
		}
		if jc.sampled >= c.opt.Sample {
			continue
		}
		f.idx, f.cols = append(f.idx, i), append(f.cols, jc)
	}
	if len(f.idx) == 0 {
		return nil, nil
	}
	if !b.Text {
		if c.opt.Note != nil {
			c.opt.Note(fmt.Sprintf("%s:%d: the rows of table %s are not in COPY's default text format: the documents of its kept json columns were not looked inside", c.name, b.Line, t.QualifiedName()))
		}
		return nil, nil
	}
	return f, nil
}

func (c *checkReader) EndBlock(b *dumpstream.Block, rows int64) error {
	c.checker.EndTable(b.Table, rows)
	if c.k != nil {
		if kr := c.rules.KAnonymityFor(b.Table); kr != nil {
			c.k.rows[kr] += rows
		}
		c.k.plan.EndTable(b.Table, rows) // merge the block's sample
	}
	return nil
}

// checkRows visits the rows of a block for both the json sample and the
// k-anonymity estimate, until both are done.
type checkRows struct {
	json *jsonFilter
	k    *kSampler
}

func (c *checkRows) Row(r *dumpstream.Row) error {
	if c.k != nil && c.k.row(r) {
		c.k = nil
	}
	if c.json != nil {
		if err := c.json.Row(r); err == dumpstream.ErrSkipBlock {
			c.json = nil
		} else if err != nil {
			return err
		}
	}
	if c.k == nil && c.json == nil {
		return dumpstream.ErrSkipBlock
	}
	return nil
}

// jsonColumn is what the samples of one kept json column showed.
type jsonColumn struct {
	table, column string
	line          int
	sampled       int
	hits          map[string]*pathHits // by JSON path
	// set, for a column with a paths: rule, is its paths: the hits are
	// then those at the paths it does not name.
	set *jsonpath.Set
}

// pathHits counts, for one JSON path, the documents where a detector hit.
type pathHits struct {
	docs     int
	detector map[string]int
	number   bool // a hit was a JSON number
}

// maxPaths bounds the paths remembered for one column, whatever its
// documents look like.
const maxPaths = 64

// jsonFilter looks inside the first documents of some columns of a
// block; once they are sampled, the rest of the block is skipped.
type jsonFilter struct {
	idx  []int // the columns' positions in the row
	cols []*jsonColumn
	max  int
}

func (f *jsonFilter) Row(r *dumpstream.Row) error {
	if err := r.Fields(); err != nil {
		return err
	}
	full := true
	for k, i := range f.idx {
		jc := f.cols[k]
		if jc.sampled >= f.max || r.IsNull(i) {
			full = full && jc.sampled >= f.max
			continue
		}
		v, err := r.Value(i)
		if err != nil {
			continue // the run reports a bad field; check only samples
		}
		jc.sample(v)
		full = full && jc.sampled >= f.max
	}
	if full {
		return dumpstream.ErrSkipBlock
	}
	return nil
}

// sample walks one document.
func (jc *jsonColumn) sample(doc []byte) {
	jc.sampled++
	if jc.set != nil {
		// What the rule leaves: its paths' leaves become null.
		out, err := jc.set.Rewrite(nil, doc, func(_ int, v jsonpath.Value) (jsonpath.Value, error) {
			return jsonpath.Value{Kind: jsonpath.Null}, nil
		})
		if err != nil {
			return // not JSON: the run applies on_invalid
		}
		doc = out
	}
	seen := map[string]bool{}
	walkJSON(doc, func(path, detector string, number bool) {
		h := jc.hits[path]
		if h == nil {
			if len(jc.hits) >= maxPaths {
				return
			}
			h = &pathHits{detector: map[string]int{}}
			jc.hits[path] = h
		}
		if !seen[path] {
			seen[path] = true
			h.docs++
		}
		h.detector[detector]++
		h.number = h.number || number
	})
}

// problem reports the column when a detector hit inside its documents.
func (jc *jsonColumn) problem() (rules.Problem, bool) {
	if len(jc.hits) == 0 {
		return rules.Problem{}, false
	}
	paths := make([]string, 0, len(jc.hits))
	for p := range jc.hits {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var parts []string
	suggest := map[string]string{}
	whole := false // some hits are out of a paths: rule's reach
	for _, p := range paths {
		h := jc.hits[p]
		best, n := "", 0
		for d, k := range h.detector {
			if k > n || k == n && d < best {
				best, n = d, k
			}
		}
		parts = append(parts, fmt.Sprintf("%s (%s, in %d of %d sampled documents)", p, best, h.docs, jc.sampled))
		if r := pathRule(p, best, h.number); r != "" {
			suggest[p] = r
		} else {
			whole = true
		}
	}
	if jc.set != nil {
		msg := fmt.Sprintf("column %s has a paths: rule, but values at paths it does not name look personal: %s", jc.column, strings.Join(parts, ", "))
		if len(suggest) > 0 {
			msg += fmt.Sprintf("; add them to its paths:, for example `%s` (review each rule)", strings.TrimSuffix(strings.TrimPrefix(pathsYAML("", suggest), "{paths: {"), "}}"))
		}
		if whole {
			msg += "; keys that are data (written *) are out of a paths: rule's reach"
		}
		return rules.Problem{Kind: "json", Table: jc.table, Column: jc.column, Line: jc.line, Paths: paths, Message: msg}, true
	}
	constRule := fmt.Sprintf("`%s: {transform: const, value: '{}'}`", rules.YAMLKey(jc.column))
	var fix string
	switch {
	case len(suggest) > 0 && !whole:
		fix = fmt.Sprintf("rewrite those paths, for example `%s` (review each rule)", pathsYAML(jc.column, suggest))
	case len(suggest) > 0:
		fix = fmt.Sprintf("rewrite those paths (for example `%s`), but keys that are data (written *) are out of a paths: rule's reach: for them replace the whole document (for example %s)", pathsYAML(jc.column, suggest), constRule)
	default:
		fix = fmt.Sprintf("the keys that are data (written *) are out of a paths: rule's reach: replace the whole document (for example %s)", constRule)
	}
	return rules.Problem{
		Kind: "json", Table: jc.table, Column: jc.column, Line: jc.line, Paths: paths,
		Message: fmt.Sprintf("column %s passes through unchanged, but values inside its JSON documents look personal: %s; %s",
			jc.column, strings.Join(parts, ", "), fix),
	}, true
}

// plainKey is a JSON object key that may appear in a reported path: one
// that reads like a field name. Any other key (an email, an id, a phrase:
// data used as a key) is written as * so that no value reaches a message.
var plainKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`)

// walkJSON calls hit with the path and detector name of every string or
// whole-number leaf (and object key) of doc that a detector recognizes. Array
// indexes are written [*] so that the paths of all elements agree. A
// document that is not valid JSON is walked as far as it parses.
func walkJSON(doc []byte, hit func(path, detector string, number bool)) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var stack []jsonFrame
	path := func() string {
		var b strings.Builder
		b.WriteByte('$')
		for _, f := range stack {
			b.WriteString(f.part)
		}
		return b.String()
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		if n := len(stack); n > 0 && stack[n-1].object && stack[n-1].expectKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				stack = stack[:n-1]
				valueDone(stack)
				continue
			}
			key, _ := tok.(string)
			part := "." + key
			if !plainKey.MatchString(key) {
				part = ".*"
			}
			stack[n-1].part, stack[n-1].expectKey = part, false
			if d := Detect([]byte(key)); d != "" {
				hit(path(), "a key that looks like "+d, false)
			}
			continue
		}
		switch v := tok.(type) {
		case json.Delim:
			switch v {
			case '{':
				stack = append(stack, jsonFrame{object: true, expectKey: true})
			case '[':
				stack = append(stack, jsonFrame{part: "[*]"})
			case ']', '}':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
				valueDone(stack)
			}
		case string:
			if d := Detect([]byte(v)); d != "" {
				hit(path(), d, false)
			}
			valueDone(stack)
		case json.Number:
			// Only whole numbers: a card number can be one, while a
			// fraction (a distance, an amount) is never personal by its
			// shape.
			if strings.Trim(string(v), "0123456789") == "" {
				if d := Detect([]byte(v)); d != "" {
					hit(path(), d, true)
				}
			}
			valueDone(stack)
		default: // bool, null
			valueDone(stack)
		}
	}
}

// jsonFrame is one level of the path being walked: for an object, the
// part of the value being read is its key, set when the key is read.
type jsonFrame struct {
	object    bool
	expectKey bool
	part      string
}

// valueDone notes that a value ended: in an object, a key comes next.
func valueDone(stack []jsonFrame) {
	if n := len(stack); n > 0 && stack[n-1].object {
		stack[n-1].expectKey = true
	}
}
