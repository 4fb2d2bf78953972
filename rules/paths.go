package rules

import (
	"errors"
	"fmt"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/jsonpath"
	"gopkg.in/yaml.v3"
)

// PathRule is the rule of one path of a paths: rule.
//
// A paths: rule stands instead of transform: on a json, jsonb, json[] or
// jsonb[] column and rewrites leaves inside each document:
//
//	prefs:
//	  paths:
//	    "$.email": {transform: email, domain: user_email}
//	    "$.contacts[*].phone": phone
//	    "$.address.city": city
//	  on_invalid: error          # or null, or keep
//
// Each key is a path of the jsonpath package ($.a.b, $.list[*].x, $.obj.*,
// $..email) and takes any column rule: a transformer, a mapping with
// options, keep, a list of cases, or a template (whose .column names the
// row's columns, as for any template). When several paths match a leaf,
// the first in the file wins. The path set is compiled once per table.
//
// A path's rule gets the leaf's text: a string's decoded content or a
// number's spelling. A string leaf gets the rule's output as a string,
// computed as for a text column: the same input under the same key and
// domain gives the same value as in a scalar column (users.email and
// $.email share domain user_email). A number leaf gets the output of the
// rule built for a numeric column, and the output must be a JSON number:
// whether a document holds a number at a path is only known at run time,
// so a number leaf under a rule that writes text (email) stops the run
// with an error naming the table, column, dump line and path. Booleans and
// nulls are kept. A rule that writes NULL (set_null) writes JSON null.
// Everything the paths do not match is copied byte for byte, so a json
// column keeps its spelling, and key order and numbers stay.
//
// on_invalid says what happens to a value that is not valid JSON: error
// (the default) stops the run naming the table, column and dump line
// (never the value), null writes NULL (refused on a NOT NULL column) and
// keep passes the value through unchanged. In a json[] or jsonb[] column
// each element is a document; null makes an invalid element NULL.
type PathRule struct {
	Pos  Pos    // of the path key
	Path string // as written
	Rule *ColumnRule
}

// hasKey reports whether n is a mapping with the key.
func hasKey(n *yaml.Node, key string) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// paths reads `{paths: {"$.a": rule, …}, on_invalid: …}` into c.
func (l *loader) paths(c *ColumnRule, path string, n *yaml.Node) bool {
	c.Transform, c.OnInvalid = "paths", "error"
	ok := true
	var pathsNode *yaml.Node
	before := len(*l.errs)
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Value == "transform" || k.Value == "template" {
			l.errs.add(l.pos(k), path, "paths: stands instead of %s: (each path takes its own rule); keep one of them", k.Value)
			return false
		}
	}
	l.mapping(n, path, []string{"paths", "on_invalid"}, func(k, v *yaml.Node) {
		switch k.Value {
		case "on_invalid":
			if v.Kind != yaml.ScalarNode || v.Value != "null" && v.Value != "keep" && v.Value != "error" {
				l.errs.add(l.pos(v), path, "on_invalid must be error (stop the run, the default), null (write NULL) or keep (pass the value through)")
				ok = false
				return
			}
			c.OnInvalid = v.Value
		case "paths":
			pathsNode = v
		}
	})
	if len(*l.errs) > before {
		ok = false
	}
	if pathsNode == nil {
		return false
	}
	if pathsNode.Kind != yaml.MappingNode || len(pathsNode.Content) == 0 {
		l.errs.add(l.pos(pathsNode), path, `paths must be a mapping of JSON paths to rules, like "$.email": email`)
		return false
	}
	var srcs []string
	l.mapping(pathsNode, path, nil, func(k, v *yaml.Node) {
		pr := &PathRule{Pos: l.pos(k), Path: k.Value, Rule: &ColumnRule{Pos: l.pos(k), Column: c.Column}}
		ppath := path + " " + k.Value
		if _, err := jsonpath.Compile([]string{k.Value}); err != nil {
			l.errs.add(l.pos(k), path, "paths: %v", err)
			ok = false
			return
		}
		if hasKey(v, "paths") {
			l.errs.add(l.pos(v), ppath, "paths: cannot nest; name the inner leaves with longer paths ($.a.b)")
			ok = false
			return
		}
		var ruleOK bool
		if v.Kind == yaml.SequenceNode {
			ruleOK = l.cases(pr.Rule, ppath, v)
		} else {
			ruleOK = l.rule(pr.Rule, ppath, v, nil)
		}
		if !ruleOK {
			ok = false
			return
		}
		for i, s := range srcs {
			if _, err := jsonpath.Compile([]string{s, k.Value}); err != nil {
				l.errs.add(l.pos(k), path, "paths: %v (the path at line %d)", err, c.Paths[i].Pos.Line)
				ok = false
				return
			}
		}
		srcs = append(srcs, k.Value)
		c.Paths = append(c.Paths, pr)
	})
	return ok && len(c.Paths) > 0
}

// isJSONType reports whether t is json or jsonb, or an array of them.
func isJSONType(t *dumpstream.Type) bool {
	return t.Name == "json" || t.Name == "jsonb"
}

// pathsColumn builds the rewriter of a paths: rule on column col of t.
func (p *Plan) pathsColumn(cr *ColumnRule, t *dumpstream.Table, col int, names []string, path string, errs *ErrorList) (dumpstream.ColumnRewriter, bool) {
	c := t.Columns[col]
	if c.Type != nil && !isJSONType(c.Type) {
		errs.add(cr.Pos, path, "paths: rewrites leaves of json and jsonb documents, and %s is %s; use transform:", c.Name, c.Type)
		return nil, false
	}
	if c.PartitionKey {
		errs.add(cr.Pos, path, "%s is a partition key: rewriting it would send rows to another partition or fail the restore; remove the rule", c.Name)
		return nil, false
	}
	if cr.OnInvalid == "null" && c.Type != nil && c.Type.NotNull && c.Type.ArrayDims == 0 {
		errs.add(cr.Pos, path, "on_invalid: null cannot write into %s, which is NOT NULL; use keep or error", c.Name)
		return nil, false
	}
	srcs := make([]string, len(cr.Paths))
	for i, pr := range cr.Paths {
		srcs[i] = pr.Path
	}
	set, err := jsonpath.Compile(srcs)
	if err != nil {
		errs.add(cr.Pos, path, "paths: %v", err) // refused by the loader
		return nil, false
	}
	// A leaf is written as a text column (strings) or a numeric one
	// (numbers) would be.
	textCol := dumpstream.Column{Name: c.Name, Type: &dumpstream.Type{Name: "text"}}
	numCol := dumpstream.Column{Name: c.Name, Type: &dumpstream.Type{Name: "numeric"}}
	rw := &pathsRewriter{set: set, onInvalid: cr.OnInvalid, array: c.Type != nil && c.Type.ArrayDims > 0,
		str: make([]dumpstream.ColumnRewriter, len(cr.Paths)), num: make([]dumpstream.ColumnRewriter, len(cr.Paths)),
		numErr: make([]string, len(cr.Paths)), kept: make([]bool, len(cr.Paths))}
	ok := true
	for i, pr := range cr.Paths {
		ppath := path + " " + pr.Path
		r := pr.Rule
		if r.Kept {
			rw.kept[i] = true
			continue
		}
		var s dumpstream.ColumnRewriter
		var serr error
		if r.Cases != nil {
			var cok bool
			if s, cok = p.cases(r, t, textCol, names, ppath, errs); !cok {
				ok = false
				continue
			}
		} else if s, serr = p.column(r, textCol); serr != nil {
			errs.add(pr.Pos, ppath, "%v", serr)
			ok = false
			continue
		}
		rw.str[i] = s
		if r.Template != "" {
			rw.numErr[i] = "a template writes text"
			continue
		}
		var nerr error
		if r.Cases != nil {
			var silent ErrorList
			var cok bool
			rec := p.record
			p.record = nil // the text build reported its kept cases
			rw.num[i], cok = p.cases(r, t, numCol, names, ppath, &silent)
			p.record = rec
			if !cok {
				rw.num[i], nerr = nil, errors.New("one of its cases writes text")
			}
		} else {
			rw.num[i], nerr = p.column(r, numCol)
		}
		if nerr != nil {
			rw.num[i] = nil
			rw.numErr[i] = fmt.Sprintf("its rule (%s) cannot write a number", r.Transform)
		}
	}
	if !ok {
		return nil, false
	}
	for _, rs := range [][]dumpstream.ColumnRewriter{rw.str, rw.num} {
		for _, r := range rs {
			if rr, isRR := r.(dumpstream.RowReader); isRR {
				rw.readers = append(rw.readers, rr)
			}
		}
	}
	rw.fn = rw.leaf
	rw.each = rw.element
	if len(rw.readers) > 0 {
		return &pathsRowRewriter{rw}, true
	}
	return rw, true
}

// pathsRewriter rewrites the leaves of json documents that a set of paths
// matches (one goroutine).
type pathsRewriter struct {
	set       *jsonpath.Set
	onInvalid string
	array     bool
	str, num  []dumpstream.ColumnRewriter // per path: for string and number leaves
	numErr    []string                    // per path: why num is nil
	kept      []bool                      // per path: keep
	readers   []dumpstream.RowReader
	leafBuf   []byte
	scratch   []byte
	fn        jsonpath.Func
	each      dumpstream.ElementFunc
}

// pathsRowRewriter is a pathsRewriter whose rules read the row (cases,
// templates).
type pathsRowRewriter struct{ *pathsRewriter }

func (r *pathsRowRewriter) SetRow(fields [][]byte) {
	for _, rr := range r.readers {
		rr.SetRow(fields)
	}
}

var errNumberLeaf = errors.New("the path matched a number")

func (r *pathsRewriter) leaf(i int, v jsonpath.Value) (jsonpath.Value, error) {
	if r.kept[i] {
		return v, nil
	}
	var rw dumpstream.ColumnRewriter
	switch v.Kind {
	case jsonpath.String:
		rw = r.str[i]
	case jsonpath.Number:
		rw = r.num[i]
		if rw == nil {
			return v, fmt.Errorf("%w, and %s; name only string leaves with this path, or give it a rule that writes numbers", errNumberLeaf, r.numErr[i])
		}
	default:
		return v, nil // booleans and nulls are kept
	}
	out, null, err := rw.Rewrite(r.leafBuf[:0], v.Text, false)
	r.leafBuf = out
	if err != nil {
		return v, err
	}
	if null {
		return jsonpath.Value{Kind: jsonpath.Null}, nil
	}
	return jsonpath.Value{Kind: v.Kind, Text: out}, nil
}

// document appends the rewritten document doc; invalid reports that doc
// is not valid JSON (then dst is returned as it was).
func (r *pathsRewriter) document(dst, doc []byte) (out []byte, invalid bool, err error) {
	out, err = r.set.Rewrite(dst, doc, r.fn)
	if err == nil {
		return out, false, nil
	}
	if jsonpath.IsInvalidJSON(err) {
		return dst, true, err
	}
	return dst, false, err
}

func (r *pathsRewriter) invalid(dst, value []byte, err error) ([]byte, bool, error) {
	switch r.onInvalid {
	case "null":
		return dst, true, nil
	case "keep":
		return append(dst, value...), false, nil
	}
	return dst, false, fmt.Errorf("a column with paths: holds a value that is not valid JSON (%v); set on_invalid: null or keep to let such values through", err)
}

func (r *pathsRewriter) element(dst, elem []byte) ([]byte, bool, error) {
	out, bad, err := r.document(dst, elem)
	if bad {
		return r.invalid(dst, elem, err)
	}
	return out, false, err
}

func (r *pathsRewriter) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if null {
		return dst, true, nil
	}
	if r.array {
		out, scratch, err := dumpstream.AppendArrayRewritten(dst, value, r.scratch, r.each)
		r.scratch = scratch
		if err != nil {
			return dst, false, err
		}
		return out, false, nil
	}
	out, bad, err := r.document(dst, value)
	if bad {
		return r.invalid(dst, value, err)
	}
	return out, false, err
}

// Paths returns the compiled paths of the paths: rule on column of table
// t, or nil when the column has none; for check, which looks for
// personal values at the paths the rule does not name.
func (c *Checker) Paths(t *dumpstream.Table, column string) *jsonpath.Set {
	cr := c.rewrite(t, column)
	if cr == nil || cr.Paths == nil {
		return nil
	}
	srcs := make([]string, len(cr.Paths))
	for i, pr := range cr.Paths {
		srcs[i] = pr.Path
	}
	set, err := jsonpath.Compile(srcs)
	if err != nil {
		return nil
	}
	return set
}
