package audit

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"
	"unicode"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/rules"
	"github.com/dchest/siphash"
)

// VerifyOptions tune [Verify].
type VerifyOptions struct {
	// MinLength: original values shorter than this (in bytes) are not
	// looked for; short values ("Smith") recur by chance. Default 6.
	MinLength int
	// FilterBytes is the size of the Bloom filter holding the original
	// values (keyed hashes, never the values). Default 32 MiB.
	FilterBytes int
	// SamplePerColumn bounds how many values of each kept column the
	// detectors look at. Default 10000.
	SamplePerColumn int
	// Strict makes low-confidence findings fail too (see [Finding]).
	Strict bool
	// AnySQL accepts SQL that pg_dump did not write (see
	// [dumpstream.Options.AnySQL]).
	AnySQL bool
	// Note, when set, receives notes: what verify could not read column
	// by column (the rows of a COPY that is not in the text format),
	// never a value.
	Note func(msg string)
}

// Finding is one thing [Verify] reports. It never holds a dump value.
//
// Findings are graded. High confidence: an original value in its own row
// (kind unchanged) or its own column, an identifier-grade value (email,
// phone, IBAN, card, national ID, token) anywhere, a value of several
// words or with digits found elsewhere, a row count that differs, a kept
// column whose values look personal. Low confidence: a short single word
// of an original value (a first name, a city) found inside other kept
// text, where it is most likely a coincidence, and a kept column in which
// under 1% of the sampled values look personal. Low-confidence findings
// fail only under [VerifyOptions.Strict]; [Failed] says whether any
// finding fails.
//
// Of a json or jsonb column with a paths: rule, the ruled values are the
// leaves at its paths: a leak or unchanged finding names its path in
// Paths (as written in the rules file), and a suspect is a personal
// value in the part of the documents the rule keeps, with the paths
// where it was seen.
type Finding struct {
	Kind       string   `json:"kind"`       // leak, unchanged, rows, suspect
	Confidence string   `json:"confidence"` // high or low
	Fails      bool     `json:"fails"`      // high confidence, or low under Strict
	Table      string   `json:"table"`
	Column     string   `json:"column,omitempty"`
	Count      int64    `json:"count"`              // values (leak, unchanged, suspect) or the row difference
	FoundIn    []string `json:"found_in,omitempty"` // leak: where the values were found in the safe dump
	Detector   string   `json:"detector,omitempty"` // suspect: what the values look like
	Paths      []string `json:"paths,omitempty"`    // JSON column: the ruled path (leak, unchanged) or where in the documents (suspect)
	Message    string   `json:"message"`
}

// Grades of a [Finding].
const (
	high = "high"
	low  = "low"
)

// Failed reports whether any finding fails the verification.
func Failed(findings []Finding) bool {
	for _, f := range findings {
		if f.Fails {
			return true
		}
	}
	return false
}

// Opener opens a dump for one pass.
type Opener func() (io.ReadCloser, error)

// coincidental lists transformers whose outputs come from a small space
// (word lists, dates, 10.0.0.0/8), or from the originals' own space (fpe
// permutes the domain's values, date_shift and noise move values a
// little, generalize writes the bottoms of buckets): one of their values
// can equal somebody's original value by chance or by design, so their
// output columns are not searched for original values.
var coincidental = map[string]bool{
	"first_name": true, "last_name": true, "full_name": true, "city": true, "country": true,
	"company": true, "job_title": true, "street_address": true, "postcode": true,
	"date_of_birth": true, "ipv4": true, "lorem": true, "const": true, "mask": true, "set_null": true,
	"date_shift": true, "generalize": true, "noise": true, "fpe": true, "national_id": true,
}

// Verify streams the original dump and its anonymized copy and reports
// every original value of a ruled column that survives anywhere in the
// copy (in any table, in free text, outside table data), tables whose row
// counts differ, and kept columns whose values look personal. Memory is
// bounded: the original values live in a Bloom filter of keyed hashes;
// the values it flags are confirmed by a third pass over the original.
func Verify(rs *rules.Rules, original Opener, origName string, safe Opener, safeName string, opt VerifyOptions) ([]Finding, error) {
	if opt.MinLength <= 0 {
		opt.MinLength = 6
	}
	if opt.FilterBytes <= 0 {
		opt.FilterBytes = 32 << 20
	}
	if opt.SamplePerColumn <= 0 {
		opt.SamplePerColumn = 10000
	}
	v := &verifier{rs: rs, opt: opt, filter: newBloom(opt.FilterBytes), rows: map[string][2]int64{}}
	v.rc = newRowChecker(v.filter.k1, v.filter.k0)
	v.rc.bufs = &v.bufs

	// Pass 1: the original's ruled values into the filter, its row counts,
	// a sample of its rows for the unchanged check, its keys.
	if err := v.pass(original, origName, 0, v.collect); err != nil {
		return nil, err
	}
	v.rc.index(v.keys)
	// Pass 2: look for them in the copy; compare the sampled rows; run the
	// detectors on kept columns.
	v.candidates = map[string]map[string]bool{}
	if err := v.pass(safe, safeName, 1, nil); err != nil {
		return nil, err
	}
	// Pass 3: confirm the filter's hits against the original and say
	// which column each came from.
	leaks := map[[4]string]*Finding{}          // table, column, path, grade
	counted := map[[4]string]map[string]bool{} // distinct values per column or path, among the candidates
	if len(v.candidates) > 0 {
		err := v.pass(original, origName, -1, func(t *dumpstream.Table, col, part int, value []byte) {
			v.ruledValues(t, col, part, value, func(s []byte) {
				where, ok := v.candidates[string(s)]
				if !ok {
					return
				}
				own := t.QualifiedName() + "." + dumpstream.QuoteIdent(t.Columns[col].Name)
				typ := t.Columns[col].Type
				if part >= 0 {
					typ = nil // a leaf: text
				}
				grade := leakGrade(s, typ, where, own)
				key := [4]string{t.QualifiedName(), t.Columns[col].Name, v.pathName(t, col, part), grade}
				f := leaks[key]
				if f == nil {
					f = &Finding{Kind: "leak", Confidence: grade, Table: key[0], Column: key[1]}
					if key[2] != "" {
						f.Paths = []string{key[2]}
					}
					leaks[key] = f
				}
				if counted[key] == nil {
					counted[key] = map[string]bool{}
				}
				if counted[key][string(s)] {
					return // count each distinct value once per column
				}
				counted[key][string(s)] = true
				f.Count++
				for w := range where {
					if !contains(f.FoundIn, w) {
						f.FoundIn = append(f.FoundIn, w)
					}
				}
			})
		})
		if err != nil {
			return nil, err
		}
	}
	var out []Finding
	for _, f := range leaks {
		sort.Strings(f.FoundIn)
		of := "this ruled column"
		if f.Paths != nil {
			of = "this column at its ruled path " + f.Paths[0]
		}
		f.Message = fmt.Sprintf("%d original value(s) of %s appear in the anonymized dump, in %v", f.Count, of, f.FoundIn)
		if f.Confidence == low {
			f.Message = fmt.Sprintf("%d short original word(s) of %s (names, places) appear inside other text of the anonymized dump, in %v: most likely a coincidence", f.Count, of, f.FoundIn)
		}
		out = append(out, *f)
	}
	out = append(out, v.rowFindings()...)
	out = append(out, v.rc.findings()...)
	out = append(out, v.suspects()...)
	for i := range out {
		if out[i].Confidence == "" {
			out[i].Confidence = high
		}
		out[i].Fails = out[i].Confidence == high || opt.Strict
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		if a, b := out[i].Table+"\x00"+out[i].Column, out[j].Table+"\x00"+out[j].Column; a != b {
			return a < b
		}
		if a, b := out[i].Confidence+out[i].Detector, out[j].Confidence+out[j].Detector; a != b {
			return a < b
		}
		return strings.Join(out[i].Paths, "\x00") < strings.Join(out[j].Paths, "\x00")
	})
	return out, nil
}

type verifier struct {
	rs         *rules.Rules
	opt        VerifyOptions
	filter     *bloom
	maxTokens  int                            // of the values in the filter, at most 8
	maxLen     int                            // the longest value in the filter
	rows       map[string][2]int64            // table → rows in original, in copy
	rc         *rowChecker                    // the unchanged check
	keys       []dumpstream.Constraint        // the original's keys
	jsonPaths  map[[2]string]map[string]bool  // kept JSON column → paths of hits
	candidates map[string]map[string]bool     // value → where found in the copy
	suspect    map[[2]string]map[string]int64 // table, column → detector → count
	sampled    map[[2]string]int              // values looked at per kept column
	truncated  map[string]bool                // tables the rules truncate
	filtered   map[string]bool                // tables with a where: condition
	pathRules  map[*rules.ColumnRule]*pathsRule
	pathsCols  map[[2]string]bool // the paths: columns among the detectors' samples
	scratch    []byte             // a value being normalized
	joined     []byte             // a run of tokens being searched
	bufs       docBufs            // the row's documents
}

const maxCandidates = 100000 // distinct values kept for confirmation

// pass is verify's one reading adapter: it walks one dump (read-only),
// calling field for the non-NULL values of the columns it needs (of a
// column with a paths: rule, for the leaves of its ruled paths: part is
// the path's index, else wholeField or wholeDoc) and feeding the
// unchanged check; side says which pass it is (0 original: ruled values,
// row counts, keys, row samples; 1 copy: every value searched, row
// counts, text outside table data, comparisons; -1 the confirming pass:
// ruled values). Fields nothing needs are not decoded, and blocks nothing
// needs are not split.
func (v *verifier) pass(open Opener, name string, side int, field func(t *dumpstream.Table, col, part int, value []byte)) error {
	rc, err := open()
	if err != nil {
		return err
	}
	defer rc.Close()
	p := &walkPass{v: v, side: side, name: name, field: field}
	_, err = dumpstream.WalkAny(rc, p, dumpstream.Options{Name: name, AnySQL: v.opt.AnySQL})
	p.flushText()
	// The pass's buffers (a huge row's, say) go back to the system before
	// the next pass grows its own.
	debug.FreeOSMemory()
	return err
}

// walkPass is the visitor of one pass.
type walkPass struct {
	dumpstream.NopVisitor
	v       *verifier
	side    int
	name    string
	field   func(t *dumpstream.Table, col, part int, value []byte)
	inBlock bool // between Block and EndBlock: Raw gets rows, not text
	// carry is text outside table data not yet searched: the walk hands
	// a long line over in pieces, and a value cut by a piece boundary must
	// still be found whole.
	carry []byte

	// The block being read.
	t      *dumpstream.Table
	rs     *rowSample  // the table's row sample, nil when it has none
	need   []bool      // per column: field wants its values
	detect []bool      // per column (copy): a kept column, sampled by the detectors
	keys   [][2]string // per column: its detector sample's key
	wheres []string    // per column (copy): where a value found in it is
	needed bool        // some column's values go to field or to the search
	whole  bool        // copy: the fields cannot be read; the rows are searched as text
	where  string      // the table, for whole
	// The original's passes: per column ruled by a list of cases with a
	// `keep` case, which rows that case keeps (nil for the other columns).
	// A value its row's case keeps is not a ruled value.
	keepers []*rules.CaseKeeper
	keeping bool     // some column or path has a keeper
	raw     [][]byte // the row's raw fields, for the keepers
	kept    []bool   // per column: the row's case keeps its value
	// Per column with a paths: rule (nil for the others): the rule; in
	// the original's passes, per path ruled by a list of cases with a
	// `keep` case, its keeper (nil when there is none), and whether the
	// row's case keeps the path's leaves.
	paths      []*pathsRule
	pathKeeper [][]*rules.CaseKeeper
	pathKept   [][]bool
}

func (p *walkPass) Raw(b []byte) error {
	if p.side == 1 && !p.inBlock {
		p.text(b)
	}
	return nil
}

// maxCarry bounds the unfinished line [walkPass.text] holds.
const maxCarry = 1 << 20

// text searches text outside table data line by line, whatever pieces it
// comes in. An unfinished line is carried over; one longer than maxCarry
// is searched as far as it goes, and the tokens of its last maxLen+1
// bytes are kept to be searched again with what follows, so no value is
// missed at a boundary (a value found twice is still one candidate).
func (p *walkPass) text(b []byte) {
	if len(p.carry) == 0 && len(b) > 0 && b[len(b)-1] == '\n' {
		p.v.searchText(b, "outside table data")
		return
	}
	p.carry = append(p.carry, b...)
	if nl := bytes.LastIndexByte(p.carry, '\n'); nl >= 0 {
		p.v.searchText(p.carry[:nl+1], "outside table data")
		p.carry = append(p.carry[:0], p.carry[nl+1:]...)
	}
	if len(p.carry) <= maxCarry+p.v.maxLen {
		return
	}
	p.v.searchText(p.carry, "outside table data")
	// Runs that start before `from` and go on are longer than any
	// original value. Keep from the first token start at or after it; with
	// none, keep the tail of that one token, which stays too long to test.
	from := len(p.carry) - p.v.maxLen - 1
	cut := from
	for cut < len(p.carry) && !separator[p.carry[cut-1]] {
		cut++
	}
	if cut == len(p.carry) {
		cut = from
	}
	p.carry = append(p.carry[:0], p.carry[cut:]...)
}

// flushText searches what text is still carried (a last line without its
// line break, or text before a COPY block).
func (p *walkPass) flushText() {
	if len(p.carry) > 0 {
		p.v.searchText(p.carry, "outside table data")
		p.carry = p.carry[:0]
	}
}

func (p *walkPass) Constraint(k dumpstream.Constraint) error {
	if p.side == 0 {
		p.v.keys = append(p.v.keys, k)
	}
	return nil
}

// Block decides what of a block's rows the pass needs.
func (p *walkPass) Block(b *dumpstream.Block) (dumpstream.RowVisitor, error) {
	p.flushText()
	p.inBlock = true
	t, v := b.Table, p.v
	tr := v.rs.RuleFor(t)
	if tr != nil && (tr.Truncate || tr.Where != "") {
		if v.truncated == nil {
			v.truncated, v.filtered = map[string]bool{}, map[string]bool{}
		}
		v.truncated[t.QualifiedName()] = tr.Truncate
		v.filtered[t.QualifiedName()] = tr.Where != ""
	}
	p.t, p.rs, p.whole = t, nil, false
	if !b.Text || !b.Listed {
		// The fields cannot be read (CSV or binary COPY, or no column
		// list and no CREATE TABLE to tell the columns).
		why := "are not in COPY's default text format"
		if b.Text {
			why = "have no known columns (no column list, no CREATE TABLE)"
		}
		switch {
		case p.side == 1:
			v.notef("%s:%d: the rows of table %s %s: they are searched as text, and not checked column by column", p.name, b.Line, t.QualifiedName(), why)
			p.whole, p.where = true, t.QualifiedName()
			return p, nil
		case p.side == 0 && tr != nil && !tr.Keep:
			v.notef("%s:%d: the rows of table %s %s: its ruled values are not looked for in the copy", p.name, b.Line, t.QualifiedName(), why)
		}
		return nil, nil
	}
	n := len(t.Columns)
	p.need, p.detect, p.keys, p.wheres = resize(p.need, n), resize(p.detect, n), p.keys[:0], p.wheres[:0]
	p.paths = p.paths[:0]
	truncated := tr != nil && tr.Truncate
	needed := false
	for i, c := range t.Columns {
		ruled := v.ruleOf(t, i)
		pr, err := v.pathsOf(ruled)
		if err != nil {
			return nil, err
		}
		p.paths = append(p.paths, pr)
		switch p.side {
		case 1:
			p.need[i] = ruled == nil && v.maxTokens > 0 || ruled != nil && !coincidental[ruled.Transform] && v.maxTokens > 0
			// What a paths: rule does not rewrite is kept.
			p.detect[i] = ruled == nil || pr != nil
		default:
			p.need[i] = ruled != nil || truncated
		}
		p.keys = append(p.keys, [2]string{t.QualifiedName(), c.Name})
		if p.side == 1 {
			p.wheres = append(p.wheres, t.QualifiedName()+"."+dumpstream.QuoteIdent(c.Name))
		}
		needed = needed || p.need[i] || p.detect[i] && !p.v.detectFull(p.keys[i])
	}
	if err := p.caseKeepers(t); err != nil {
		return nil, err
	}
	switch p.side {
	case 0:
		p.rs = v.rc.table(v, t, p.paths)
	case 1:
		if p.rs = v.rc.tables[sampleKey(t)]; p.rs != nil && (p.rs.ncols != n || p.rs.byKey == nil) {
			p.rs = nil
		}
	}
	if !needed && p.rs == nil {
		return nil, nil // row counts only
	}
	p.needed = false
	for _, need := range p.need {
		p.needed = p.needed || need
	}
	return p, nil
}

// caseKeepers sets up, in the original's passes, the keepers of the
// block's columns whose cases keep some rows' values.
func (p *walkPass) caseKeepers(t *dumpstream.Table) error {
	p.keepers, p.keeping = p.keepers[:0], false
	if p.side == 1 {
		return nil
	}
	var names []string
	columnNames := func() []string {
		if names == nil {
			for _, c := range t.Columns {
				names = append(names, c.Name)
			}
		}
		return names
	}
	if len(p.pathKeeper) < len(t.Columns) {
		p.pathKeeper = make([][]*rules.CaseKeeper, len(t.Columns))
		p.pathKept = make([][]bool, len(t.Columns))
	}
	for i := range t.Columns {
		var k *rules.CaseKeeper
		if cr := p.v.ruleOf(t, i); cr != nil && cr.Cases != nil {
			var err error
			if k, err = cr.CaseKeeper(columnNames()); err != nil {
				return fmt.Errorf("table %s: %v", t.QualifiedName(), err)
			}
		}
		p.keepers = append(p.keepers, k)
		p.keeping = p.keeping || k != nil
		p.pathKeeper[i] = nil
		if pr := p.paths[i]; pr != nil {
			if err := p.pathKeepers(i, pr, columnNames); err != nil {
				return err
			}
		}
	}
	if p.keeping {
		p.kept = resize(p.kept, len(t.Columns))
		if cap(p.raw) < len(t.Columns) {
			p.raw = make([][]byte, len(t.Columns))
		}
		p.raw = p.raw[:len(t.Columns)]
	}
	return nil
}

// keptByCase fills p.kept for the row.
func (p *walkPass) keptByCase(r *dumpstream.Row) error {
	for i := range p.raw {
		p.raw[i] = r.Raw(i)
	}
	for i, k := range p.keepers {
		if k == nil {
			continue
		}
		kept, err := k.Kept(p.raw)
		if err != nil {
			return err
		}
		p.kept[i] = kept
	}
	for i, ks := range p.pathKeeper[:len(p.raw)] {
		for j, k := range ks {
			if k == nil {
				continue
			}
			kept, err := k.Kept(p.raw)
			if err != nil {
				return err
			}
			p.pathKept[i][j] = kept
		}
	}
	return nil
}

func resize(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (p *walkPass) Row(r *dumpstream.Row) error {
	err := p.row(r)
	p.v.bufs.trim()
	return err
}

func (p *walkPass) row(r *dumpstream.Row) error {
	v := p.v
	if p.whole {
		v.searchText(r.Bytes(), p.where)
		return nil
	}
	if err := r.Fields(); err != nil {
		return err
	}
	var kept []bool
	if p.keeping {
		if err := p.keptByCase(r); err != nil {
			return err
		}
		kept = p.kept
	}
	if p.rs != nil {
		var err error
		if p.side == 0 {
			err = v.rc.originalRow(p, r, kept)
		} else {
			err = v.rc.copiedRow(p.rs, r)
		}
		if err != nil {
			return err
		}
	}
	detecting := false
	for i, need := range p.need {
		detect := p.detect[i]
		if detect && v.detectFull(p.keys[i]) {
			detect, p.detect[i] = false, false
		}
		detecting = detecting || detect
		if !need && !detect || r.IsNull(i) || kept != nil && kept[i] {
			continue
		}
		value, err := r.Value(i)
		if err != nil {
			return err
		}
		pr := p.paths[i]
		switch {
		case detect && pr != nil:
			v.detectPaths(p.t, i, pr, value)
		case detect:
			v.detect(p.t, i, value)
		}
		switch {
		case need && p.side == 1 && shapeOf(p.t.Columns[i].Type) == shapeJSON:
			v.searchJSON(pr, p.t.Columns[i].Type, value, p.wheres[i])
		case need && p.side == 1:
			v.searchText(value, p.wheres[i])
		case need && pr != nil:
			if err := p.leaves(i, value); err != nil {
				return err
			}
		case need:
			p.field(p.t, i, wholeField, value)
		}
	}
	if !detecting && !p.needed && p.rs == nil {
		return dumpstream.ErrSkipBlock // the detectors' samples are full
	}
	return nil
}

func (p *walkPass) EndBlock(b *dumpstream.Block, rows int64) error {
	p.inBlock = false
	if p.side < 0 {
		return nil // the confirming pass counts nothing
	}
	t := b.Table
	n := p.v.rows[t.QualifiedName()]
	n[p.side] += rows
	p.v.rows[t.QualifiedName()] = n
	return nil
}

func (v *verifier) notef(format string, a ...any) {
	if v.opt.Note != nil {
		v.opt.Note(fmt.Sprintf(format, a...))
	}
}

// ruleOf returns the rule rewriting a column, or nil when it is kept or
// has no rule.
func (v *verifier) ruleOf(t *dumpstream.Table, col int) *rules.ColumnRule {
	tr := v.rs.RuleFor(t)
	if tr == nil || tr.Keep || tr.Truncate {
		return nil
	}
	if cr := tr.Column(t.Columns[col].Name); cr != nil && !cr.Kept {
		return cr
	}
	return nil
}

// ruledValues calls fn with the normalized forms of a ruled field's
// value: the whole value and, for arrays, each element; of a part of the
// value (a leaf, or a document of a paths: column), that part.
func (v *verifier) ruledValues(t *dumpstream.Table, col, part int, value []byte, fn func([]byte)) {
	tr := v.rs.RuleFor(t)
	truncated := tr != nil && tr.Truncate
	if !truncated && v.ruleOf(t, col) == nil {
		return
	}
	emit := func(b []byte) {
		// Of a truncated table every value must be gone; only those with a
		// letter are looked for, so that numbers do not match by chance.
		if truncated && !bytes.ContainsFunc(b, unicode.IsLetter) {
			return
		}
		n := b
		if !isNormal(b) {
			n = normalize(v.scratch[:0], b)
			v.scratch = n
		}
		if len(n) >= v.opt.MinLength {
			fn(n)
		}
		if cap(v.scratch) > 16<<20 {
			v.scratch = nil // do not keep a huge value's copy
		}
	}
	emit(value)
	if typ := t.Columns[col].Type; part == wholeField && typ != nil && typ.ArrayDims > 0 {
		_, _, _ = dumpstream.AppendArrayRewritten(nil, value, nil, func(dst, elem []byte) ([]byte, bool, error) {
			emit(elem)
			return dst, false, nil
		})
	}
}

// collect puts the original's ruled values into the filter (pass 1).
func (v *verifier) collect(t *dumpstream.Table, col, part int, value []byte) {
	v.ruledValues(t, col, part, value, func(n []byte) {
		v.filter.add(n)
		v.maxLen = max(v.maxLen, len(n))
		if k := bytes.Count(n, []byte(" ")) + 1; k > v.maxTokens {
			v.maxTokens = min(k, 8)
		}
	})
}

// searchText tests every run of up to maxTokens tokens of text, in the
// normalized form of the values (tokens joined by one space). A run that
// is already in that form is tested in place; runs longer than the
// longest original value are not tested.
func (v *verifier) searchText(text []byte, where string) {
	if v.maxTokens == 0 {
		return
	}
	var win [8][2]int // the last tokens' bounds, a ring
	n := 0            // tokens seen
	for i := 0; ; {
		start, end := nextToken(text, i)
		if start == len(text) {
			return
		}
		i = end
		win[n%8] = [2]int{start, end}
		n++
		// The runs that end at this token, shortest first.
		inPlace := true
		for k := 0; k < v.maxTokens && k < n; k++ {
			first := win[(n-1-k)%8]
			if k > 0 {
				next := win[(n-k)%8]
				inPlace = inPlace && next[0] == first[1]+1 && text[first[1]] == ' '
			}
			var run []byte
			if inPlace {
				run = text[first[0]:end]
			} else {
				// Joined by one space: its length first, to skip long runs
				// without copying them.
				size := 0
				for j := k; j >= 0; j-- {
					t := win[(n-1-j)%8]
					size += t[1] - t[0] + 1
				}
				if size-1 > v.maxLen {
					break
				}
				v.joined = v.joined[:0]
				for j := k; j >= 0; j-- {
					if j < k {
						v.joined = append(v.joined, ' ')
					}
					t := win[(n-1-j)%8]
					v.joined = append(v.joined, text[t[0]:t[1]]...)
				}
				run = v.joined
			}
			if len(run) > v.maxLen {
				break
			}
			if len(run) >= v.opt.MinLength && v.filter.has(run) {
				m := v.candidates[string(run)]
				if m == nil {
					if len(v.candidates) >= maxCandidates {
						continue
					}
					m = map[string]bool{}
					v.candidates[string(run)] = m
				}
				m[where] = true
			}
		}
	}
}

// detectFull reports whether a kept column's detector sample is full.
func (v *verifier) detectFull(key [2]string) bool {
	return v.sampled[key] >= v.opt.SamplePerColumn
}

// detect runs the detectors on a sample of a kept column's values.
func (v *verifier) detect(t *dumpstream.Table, col int, value []byte) {
	key := [2]string{t.QualifiedName(), t.Columns[col].Name}
	if v.sampled == nil {
		v.sampled, v.suspect = map[[2]string]int{}, map[[2]string]map[string]int64{}
	}
	if v.sampled[key] >= v.opt.SamplePerColumn {
		return
	}
	v.sampled[key]++
	typ := t.Columns[col].Type
	var d string
	if shapeOf(typ) == shapeJSON && (typ == nil || typ.ArrayDims == 0) {
		if h := detectJSON(value, func(path, _ string) { v.jsonPath(key, path) }); h != "" {
			d = "json with " + h
		}
	} else {
		d = DetectTyped(value, typ)
	}
	if d != "" {
		if v.suspect[key] == nil {
			v.suspect[key] = map[string]int64{}
		}
		v.suspect[key][d]++
	}
}

// jsonPath notes where in a kept JSON column's documents something
// looked personal (at most 8 paths a column).
func (v *verifier) jsonPath(key [2]string, path string) {
	if v.jsonPaths == nil {
		v.jsonPaths = map[[2]string]map[string]bool{}
	}
	m := v.jsonPaths[key]
	if m == nil {
		m = map[string]bool{}
		v.jsonPaths[key] = m
	}
	if len(m) < 8 {
		m[path] = true
	}
}

// leakGrade grades an original value found in the copy: low for a short
// single word of letters (a first name, a city) found only outside its
// own column, high otherwise.
func leakGrade(s []byte, typ *dumpstream.Type, where map[string]bool, own string) string {
	if where[own] {
		return high
	}
	if d := DetectTyped(s, typ); identifierGrade[d] {
		return high
	}
	if len(s) > 12 {
		return high
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '\'' || c >= 0x80) {
			return high // digits, spaces (several words), punctuation
		}
	}
	return low
}

func (v *verifier) rowFindings() []Finding {
	var out []Finding
	for table, n := range v.rows {
		want := n[0]
		if v.truncated[table] {
			want = 0
		}
		if v.filtered[table] && n[1] <= n[0] {
			continue // a where: condition drops rows
		}
		if n[1] != want {
			out = append(out, Finding{Kind: "rows", Table: table, Count: n[1] - want,
				Message: fmt.Sprintf("the original has %d rows, the anonymized dump %d (expected %d)", n[0], n[1], want)})
		}
	}
	return out
}

func (v *verifier) suspects() []Finding {
	var out []Finding
	for key, byDet := range v.suspect {
		var paths []string
		for p := range v.jsonPaths[key] {
			paths = append(paths, p)
		}
		sort.Strings(paths)
		for d, n := range byDet {
			f := Finding{Kind: "suspect", Confidence: high, Table: key[0], Column: key[1], Count: n, Detector: d,
				Message: fmt.Sprintf("%d of %d sampled values of this column, which no rule rewrites, look like %s", n, v.sampled[key], d)}
			switch {
			case v.pathsCols[key]:
				pathsSuspect(&f, v.sampled[key], paths)
			case strings.HasPrefix(d, "json with "):
				f.Paths = paths
				f.Message += fmt.Sprintf(" (at %s)", strings.Join(paths, ", "))
			}
			if n*100 < int64(v.sampled[key]) {
				f.Confidence = low // under 1%: most likely a coincidence
			}
			out = append(out, f)
		}
	}
	return out
}

// normalize appends b with runs of whitespace collapsed to one space and
// trimmed: the form values are compared in.
func normalize(dst, b []byte) []byte {
	for i := 0; ; {
		start, end := nextToken(b, i)
		if start == len(b) {
			return dst
		}
		if len(dst) > 0 {
			dst = append(dst, ' ')
		}
		dst = append(dst, b[start:end]...)
		i = end
	}
}

// isNormal reports whether b is in normalized form already.
func isNormal(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	for i, c := range b {
		if separator[c] && (c != ' ' || i == 0 || i == len(b)-1 || b[i-1] == ' ') {
			return false
		}
	}
	return true
}

// tokens splits text on whitespace and on punctuation that does not occur
// inside the values looked for (quotes, brackets, separators).
func tokens(text []byte) [][]byte {
	var out [][]byte
	for i := 0; ; {
		start, end := nextToken(text, i)
		if start == len(text) {
			return out
		}
		out = append(out, text[start:end])
		i = end
	}
}

// nextToken returns the bounds of the first token of text at or after i;
// start is len(text) when there is none. (The separators are ASCII, so
// bytes of multibyte characters are never separators.)
func nextToken(text []byte, i int) (start, end int) {
	for i < len(text) && separator[text[i]] {
		i++
	}
	start = i
	for i < len(text) && !separator[text[i]] {
		i++
	}
	return start, i
}

// separator marks the bytes tokens are split on.
var separator = func() (s [256]bool) {
	for _, c := range []byte(" \t\n\r\f\v\"'()[]{}<>,;`=") {
		s[c] = true
	}
	return s
}()

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// bloom is a Bloom filter over keyed SipHash values: it holds no value,
// and its key is drawn per run.
type bloom struct {
	bits   []uint64
	k0, k1 uint64
}

const bloomHashes = 7

func newBloom(size int) *bloom {
	var key [16]byte
	if _, err := rand.Read(key[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return &bloom{bits: make([]uint64, size/8), k0: binary.LittleEndian.Uint64(key[:8]), k1: binary.LittleEndian.Uint64(key[8:])}
}

func (b *bloom) positions(v []byte, fn func(word int, bit uint64) bool) bool {
	h0, h1 := siphash.Hash128(b.k0, b.k1, v)
	n := uint64(len(b.bits)) * 64
	for i := uint64(0); i < bloomHashes; i++ {
		p := (h0 + i*h1) % n
		if !fn(int(p/64), 1<<(p%64)) {
			return false
		}
	}
	return true
}

func (b *bloom) add(v []byte) {
	b.positions(v, func(w int, bit uint64) bool { b.bits[w] |= bit; return true })
}

func (b *bloom) has(v []byte) bool {
	return b.positions(v, func(w int, bit uint64) bool { return b.bits[w]&bit != 0 })
}
