package audit

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/jsonpath"
	"github.com/anondump/anondump/rules"
)

// Verify and paths: rules. A json or jsonb column ruled by paths: has
// its ruled values inside its documents: the original's passes collect
// (and confirm) the leaves at the ruled paths, not the documents, and a
// leak is attributed to its path. The unchanged check compares those
// leaves (see rowcheck.go). Everything the paths do not match is kept:
// the copy's pass runs the detectors on the documents with the ruled
// leaves blanked out, so that a personal value at a path the rule does
// not name is a suspect at that path. A document that is not valid JSON
// is what on_invalid makes of it: kept whole (keep: a kept value, for
// the detectors), NULL (null: the whole document is a ruled value), or
// the end of the run (error: verify stops as the run would have).

// Which part of a field a value given to [walkPass.field] is, besides a
// leaf at path n >= 0 of a column's paths: rule.
const (
	wholeField = -1 // the field's value (and its elements, for arrays)
	wholeDoc   = -2 // a document of a paths: column that is not valid JSON, which the run writes as NULL
)

// maxLeaves bounds the leaves of one path that the unchanged check
// compares in one sampled row.
const maxLeaves = 8

// pathsRule is what verify knows of a column's paths: rule.
type pathsRule struct {
	set       *jsonpath.Set
	paths     []string            // as written in the rules file: never data
	rules     []*rules.ColumnRule // per path
	ruled     []bool              // per path: the run rewrites its leaves (not keep)
	hidden    []bool              // per path: a transformer with a small output space; its leaves in the copy are not searched
	anyHidden bool
	onInvalid string
	// The callbacks of the copy's pass: blank (as null) the string and
	// number leaves of the ruled paths (the detectors' view of the
	// document), or of the hidden ones (the search's view).
	blankRuled, blankHidden jsonpath.Func
	// collecting: the original's passes (see [walkPass.leaves]).
	pass *walkPass
	col  int
	kept []bool // per path: this row's case keeps its leaves; nil when no case keeps
	leaf jsonpath.Func
}

// pathsOf returns what verify knows of cr's paths: rule, compiled once
// per run; nil when cr is nil or has no paths.
func (v *verifier) pathsOf(cr *rules.ColumnRule) (*pathsRule, error) {
	if cr == nil || cr.Paths == nil {
		return nil, nil
	}
	if pr := v.pathRules[cr]; pr != nil {
		return pr, nil
	}
	pr := &pathsRule{onInvalid: cr.OnInvalid}
	for _, p := range cr.Paths {
		pr.paths = append(pr.paths, p.Path)
		pr.rules = append(pr.rules, p.Rule)
		pr.ruled = append(pr.ruled, !p.Rule.Kept)
		hide := !p.Rule.Kept && coincidental[p.Rule.Transform]
		pr.hidden = append(pr.hidden, hide)
		pr.anyHidden = pr.anyHidden || hide
	}
	set, err := jsonpath.Compile(pr.paths)
	if err != nil {
		return nil, fmt.Errorf("%s: column %s: paths: %v", cr.Pos, cr.Column, err)
	}
	pr.set = set
	pr.blankRuled = blankIf(pr.ruled)
	pr.blankHidden = blankIf(pr.hidden)
	pr.leaf = pr.ruledLeaf
	if v.pathRules == nil {
		v.pathRules = map[*rules.ColumnRule]*pathsRule{}
	}
	v.pathRules[cr] = pr
	return pr, nil
}

// blankIf returns a callback writing null instead of the string and
// number leaves of the paths that which marks.
func blankIf(which []bool) jsonpath.Func {
	return func(i int, lv jsonpath.Value) (jsonpath.Value, error) {
		if which[i] && (lv.Kind == jsonpath.String || lv.Kind == jsonpath.Number) {
			return jsonpath.Value{Kind: jsonpath.Null}, nil
		}
		return lv, nil
	}
}

// pathName is path n of the paths: rule of a column, or "".
func (v *verifier) pathName(t *dumpstream.Table, col, n int) string {
	if n < 0 {
		return ""
	}
	pr, _ := v.pathsOf(v.ruleOf(t, col))
	if pr == nil {
		return ""
	}
	return pr.paths[n]
}

// ruledLeaf hands a leaf of a ruled path to the pass's field callback.
func (pr *pathsRule) ruledLeaf(i int, lv jsonpath.Value) (jsonpath.Value, error) {
	if pr.ruled[i] && (pr.kept == nil || !pr.kept[i]) && (lv.Kind == jsonpath.String || lv.Kind == jsonpath.Number) {
		p := pr.pass
		p.field(p.t, pr.col, i, lv.Text)
	}
	return lv, nil
}

// pathKeepers sets up, in the original's passes, the keepers of the
// paths of column col ruled by a list of cases with a `keep` case.
func (p *walkPass) pathKeepers(col int, pr *pathsRule, names func() []string) error {
	var ks []*rules.CaseKeeper
	for i, r := range pr.rules {
		if r.Cases == nil {
			continue
		}
		k, err := r.CaseKeeper(names())
		if err != nil {
			return fmt.Errorf("table %s: path %s: %v", p.t.QualifiedName(), pr.paths[i], err)
		}
		if k != nil {
			if ks == nil {
				ks = make([]*rules.CaseKeeper, len(pr.rules))
			}
			ks[i] = k
		}
	}
	p.pathKeeper[col] = ks
	if ks != nil {
		p.pathKept[col] = resize(p.pathKept[col], len(pr.rules))
		p.keeping = true
	}
	return nil
}

// leaves hands the leaves of a paths: column's value that its rule
// rewrites to p.field, in the original's passes. A document that is not
// valid JSON is what on_invalid makes of it.
func (p *walkPass) leaves(col int, value []byte) error {
	pr := p.paths[col]
	pr.pass, pr.col, pr.kept = p, col, nil
	if p.pathKeeper[col] != nil {
		pr.kept = p.pathKept[col]
	}
	v := p.v
	doc := func(d []byte) error {
		out, err := pr.set.Rewrite(v.bufs.doc[:0], d, pr.leaf)
		v.bufs.doc = out
		switch {
		case err == nil:
			return nil
		case !jsonpath.IsInvalidJSON(err):
			return err // not the callbacks', which do not fail
		}
		switch pr.onInvalid {
		case "keep": // kept whole: no ruled value in it
		case "null":
			p.field(p.t, col, wholeDoc, d)
		default:
			return fmt.Errorf("column %s holds a value that is not valid JSON (%v), and its paths: rule has on_invalid: error, which stops the run: no copy can be made of this dump with these rules; verify with the rules the copy was made with (on_invalid: null or keep)", dumpstream.QuoteIdent(p.t.Columns[col].Name), err)
		}
		return nil
	}
	if !isArray(p.t.Columns[col].Type) {
		return doc(value)
	}
	var derr error
	out, scratch, err := dumpstream.AppendArrayRewritten(v.bufs.arr[:0], value, v.bufs.elem, func(dst, elem []byte) ([]byte, bool, error) {
		if derr == nil {
			derr = doc(elem)
		}
		return dst, false, nil
	})
	v.bufs.arr, v.bufs.elem = out, scratch
	if derr != nil {
		return derr
	}
	if err != nil {
		// Not an array literal: the run cannot have read it either.
		return fmt.Errorf("column %s holds a value that is not an array literal (%v)", dumpstream.QuoteIdent(p.t.Columns[col].Name), err)
	}
	return nil
}

func isArray(t *dumpstream.Type) bool { return t != nil && t.ArrayDims > 0 }

// docBufs are the buffers of the documents of one row: a document
// rewritten (for the leaves, the search, the detectors or the unchanged
// check, one after the other), an array literal so rewritten and an
// element of it. A row's documents share them, so a huge document costs
// one copy; after the row, buffers grown past 16 MiB are let go.
type docBufs struct{ doc, arr, elem []byte }

func (b *docBufs) trim() {
	b.doc, b.arr, b.elem = keepSmall(b.doc), keepSmall(b.arr), keepSmall(b.elem)
}

// keepSmall returns b, or nil when it grew past 16 MiB (a huge value's
// copy is not kept for the next one).
func keepSmall(b []byte) []byte {
	if cap(b) > 16<<20 {
		return nil
	}
	return b
}

// searchJSON searches a value of a json or jsonb column of the copy
// (each element of an array). Of a paths: column, the leaves of the
// paths whose transformers have small output spaces are left out, as
// are such columns (see coincidental). The decoded string and number
// leaves are searched too when the text may spell them otherwise
// (escapes, or a number right after a colon).
func (v *verifier) searchJSON(pr *pathsRule, typ *dumpstream.Type, value []byte, where string) {
	doc := func(d []byte) {
		if pr != nil && pr.anyHidden {
			out, err := pr.set.Rewrite(v.bufs.doc[:0], d, pr.blankHidden)
			v.bufs.doc = out
			if err == nil {
				d = out
			}
		}
		v.searchText(d, where)
		if !respelled(d) {
			return
		}
		_ = jsonpath.Walk(d, func(_ []byte, lv jsonpath.Value) error {
			if lv.Kind == jsonpath.String || lv.Kind == jsonpath.Number {
				v.searchText(lv.Text, where)
			}
			return nil
		})
	}
	if !isArray(typ) {
		doc(value)
		return
	}
	out, scratch, err := dumpstream.AppendArrayRewritten(v.bufs.arr[:0], value, v.bufs.elem, func(dst, elem []byte) ([]byte, bool, error) {
		doc(elem)
		return dst, false, nil
	})
	v.bufs.arr, v.bufs.elem = out, scratch
	if err != nil {
		v.searchText(value, where) // not an array literal: as text
	}
}

// respelled reports whether a document's text may hold a leaf in
// another spelling than its decoded text's tokens: a string with an
// escape, or a number glued to a colon ({"n":123456}).
func respelled(d []byte) bool {
	if bytes.IndexByte(d, '\\') >= 0 {
		return true
	}
	for i := bytes.IndexByte(d, ':'); i >= 0 && i+1 < len(d); {
		if c := d[i+1]; c == '-' || '0' <= c && c <= '9' {
			return true
		}
		j := bytes.IndexByte(d[i+1:], ':')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// detectPaths runs the detectors on a sample of a paths: column's
// documents in the copy, on what the rule keeps: the documents with the
// leaves of the ruled paths blanked out, and whole the documents that are
// not valid JSON.
func (v *verifier) detectPaths(t *dumpstream.Table, col int, pr *pathsRule, value []byte) {
	key := [2]string{t.QualifiedName(), t.Columns[col].Name}
	if v.sampled == nil {
		v.sampled, v.suspect = map[[2]string]int{}, map[[2]string]map[string]int64{}
	}
	if v.sampled[key] >= v.opt.SamplePerColumn {
		return
	}
	v.sampled[key]++
	if v.pathsCols == nil {
		v.pathsCols = map[[2]string]bool{}
	}
	v.pathsCols[key] = true
	d := ""
	doc := func(doc []byte) {
		out, err := pr.set.Rewrite(v.bufs.doc[:0], doc, pr.blankRuled)
		v.bufs.doc = out
		var h string
		if err != nil {
			if h = Detect(doc); h != "" {
				h = notJSON + strings.TrimPrefix(h, "text with ")
			}
		} else if h = detectJSON(out[:min(len(out), maxDetectDoc)], func(path, _ string) { v.jsonPath(key, path) }); h != "" {
			h = "json with " + h
		}
		if d == "" {
			d = h
		}
	}
	if !isArray(t.Columns[col].Type) {
		doc(value)
	} else {
		out, scratch, err := dumpstream.AppendArrayRewritten(v.bufs.arr[:0], value, v.bufs.elem, func(dst, elem []byte) ([]byte, bool, error) {
			doc(elem)
			return dst, false, nil
		})
		v.bufs.arr, v.bufs.elem = out, scratch
		if err != nil && d == "" {
			d = Detect(value)
		}
	}
	if d != "" {
		if v.suspect[key] == nil {
			v.suspect[key] = map[string]int64{}
		}
		v.suspect[key][d]++
	}
}

// maxDetectDoc bounds the part of a paths: column's (blanked) document
// the detectors read: its first 16 MiB, as they read free text in part
// (see maxWithin); they sample, they do not prove absence.
const maxDetectDoc = 16 << 20

// notJSON starts the detector of a suspect in a paths: column's
// documents that are not valid JSON.
const notJSON = "text that is not valid JSON, with "

// pathsSuspect words the finding of a suspect in a paths: column.
func pathsSuspect(f *Finding, sampled int, paths []string) {
	switch {
	case strings.HasPrefix(f.Detector, "json with "):
		f.Paths = paths
		what := "values that look like " + strings.TrimPrefix(f.Detector, "json with ")
		if f.Detector == "json with a personal key name" {
			what = "values under a key that names personal data"
		}
		f.Message = fmt.Sprintf("%d of %d sampled documents of this column hold %s where its paths: rule rewrites nothing (at %s): those parts are kept; add their paths to the rule",
			f.Count, sampled, what, strings.Join(paths, ", "))
	case strings.HasPrefix(f.Detector, notJSON):
		f.Message = fmt.Sprintf("%d of %d sampled values of this column are not valid JSON, so its paths: rule keeps them whole (on_invalid: keep), and look like %s",
			f.Count, sampled, strings.TrimPrefix(f.Detector, notJSON))
	default:
		f.Message = fmt.Sprintf("%d of %d sampled values of this column look like %s, which its paths: rule does not rewrite", f.Count, sampled, f.Detector)
	}
}

// leafHashes hashes the leaves of column c (of type typ) of a row into out: per path of
// its paths: rule, the first maxLeaves leaves the path matches, in
// document order (the elements of an array one after the other). Of the
// original (copied false) a slot holds the hash of a string or number
// leaf of a ruled path that the row's case does not keep (kept), and 0
// for anything else: an empty string, a null or a boolean, which the run
// keeps. Of the copy, a string or number leaf's hash, and 2, equal to no
// hash, for a null or a boolean. A NULL value, a document that is not
// valid JSON and a leaf beyond maxLeaves fill no slot.
func (rc *rowChecker) leafHashes(pr *pathsRule, typ *dumpstream.Type, r *dumpstream.Row, c int, kept []bool, out []uint64, copied bool) error {
	clear(out)
	if r.IsNull(c) {
		return nil
	}
	value, err := r.Value(c)
	if err != nil {
		return err
	}
	rc.counts = resizeInts(rc.counts, len(pr.paths))
	fn := func(i int, lv jsonpath.Value) (jsonpath.Value, error) {
		n := rc.counts[i]
		if n >= maxLeaves {
			return lv, nil
		}
		rc.counts[i]++
		var h uint64
		switch {
		case lv.Kind != jsonpath.String && lv.Kind != jsonpath.Number:
			if copied {
				h = 2
			}
		case copied:
			h = rc.hash(lv.Text, false)
		case pr.ruled[i] && (kept == nil || !kept[i]) && len(lv.Text) > 0:
			h = rc.hash(lv.Text, false)
		}
		out[i*maxLeaves+n] = h
		return lv, nil
	}
	doc := func(d []byte) {
		out, _ := pr.set.Rewrite(rc.bufs.doc[:0], d, fn)
		rc.bufs.doc = out
	}
	if !isArray(typ) {
		doc(value)
		return nil
	}
	o, scratch, _ := dumpstream.AppendArrayRewritten(rc.bufs.arr[:0], value, rc.bufs.elem, func(dst, elem []byte) ([]byte, bool, error) {
		doc(elem)
		return dst, false, nil
	})
	rc.bufs.arr, rc.bufs.elem = o, scratch
	return nil
}

func resizeInts(b []int, n int) []int {
	if cap(b) < n {
		return make([]int, n)
	}
	b = b[:n]
	clear(b)
	return b
}
