package rules

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
)

// by: names the column whose ORIGINAL value is the entity a date_shift
// rule moves dates by: `{transform: date_shift, days: 90, by: user_id,
// domain: user_dates}`. Every row of one entity gets the same offset, in
// every table whose rule shares the domain and days, so the intervals
// between an entity's dates stay exact. The by: column must be a column
// of the same table; it may itself be rewritten (its original value
// counts). Where it is NULL, the date's own value is the entity, so rows
// with no entity do not share an offset.

// byRewriter builds the rewriter of a rule with by: on the table being
// compiled.
func (p *Plan) byRewriter(cr *ColumnRule, fn fakers.Func, array bool) (dumpstream.ColumnRewriter, error) {
	ef, ok := fn.(fakers.EntityFunc)
	if !ok {
		return nil, fmt.Errorf("%s does not take the option by", cr.Transform)
	}
	if p.tc == nil {
		return nil, fmt.Errorf("by: is not available here; give the column a rule of its own")
	}
	names := p.tc.names
	i := indexOf(names, cr.By)
	if i < 0 {
		return nil, fmt.Errorf("by: the dump's table has no column %q%s; by: names a column of the same table, whose value names the entity; its columns are: %s",
			cr.By, didYouMean(cr.By, names), strings.Join(names, ", "))
	}
	return &entityRewriter{fn: ef, name: cr.Transform, idx: i, array: array}, nil
}

// valueError is the error of one value: the transformer's message, which
// names no value, after the transformer's name.
func valueError(name string, err error) error {
	return fmt.Errorf("%s: %w", name, err)
}

// checkRewriter applies a [fakers.CheckFunc], stopping the run on a value
// it cannot read. NULL stays NULL.
type checkRewriter struct {
	fn      fakers.CheckFunc
	name    string
	array   bool
	scratch []byte
	each    dumpstream.ElementFunc
}

func (c *checkRewriter) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if null {
		return dst, true, nil
	}
	if !c.array {
		out, isNull, err := c.fn.AppendCheck(dst, value)
		if err != nil {
			return dst, false, valueError(c.name, err)
		}
		return out, isNull, nil
	}
	if c.each == nil {
		c.each = func(dst, elem []byte) ([]byte, bool, error) {
			out, isNull, err := c.fn.AppendCheck(dst, elem)
			if err != nil {
				return dst, false, valueError(c.name, err)
			}
			return out, isNull, nil
		}
	}
	out, scratch, err := dumpstream.AppendArrayRewritten(dst, value, c.scratch, c.each)
	c.scratch = scratch
	if err != nil {
		return dst, false, err
	}
	return out, false, nil
}

// entityRewriter applies a [fakers.EntityFunc] with the entity read from
// the row's original field of column idx (see [dumpstream.RowReader]).
type entityRewriter struct {
	fn      fakers.EntityFunc
	name    string
	idx     int
	array   bool
	fields  [][]byte
	ent     []byte // the decoded entity, when its field has escapes
	entity  []byte // this row's entity; nil: each value is its own
	scratch []byte
	each    dumpstream.ElementFunc
}

func (r *entityRewriter) SetRow(fields [][]byte) { r.fields = fields }

func (r *entityRewriter) Rewrite(dst, value []byte, null bool) ([]byte, bool, error) {
	if null {
		return dst, true, nil
	}
	if r.fields == nil || r.idx >= len(r.fields) {
		return dst, false, fmt.Errorf("%s: by: cannot read the row's other columns here; give the column a rule of its own", r.name)
	}
	raw := r.fields[r.idx]
	r.entity = nil
	switch {
	case dumpstream.CopyText.IsNull(raw):
		// No entity: the value is its own.
	case bytes.IndexByte(raw, '\\') >= 0:
		var err error
		if r.ent, err = dumpstream.CopyText.Decode(r.ent[:0], raw); err != nil {
			return dst, false, fmt.Errorf("%s: by: the by column's field: %w", r.name, err)
		}
		r.entity = r.ent
	default:
		r.entity = raw
	}
	if !r.array {
		return r.one(dst, value)
	}
	if r.each == nil {
		r.each = r.one
	}
	out, scratch, err := dumpstream.AppendArrayRewritten(dst, value, r.scratch, r.each)
	r.scratch = scratch
	if err != nil {
		return dst, false, err
	}
	return out, false, nil
}

// one rewrites one value (or array element) with the row's entity.
func (r *entityRewriter) one(dst, value []byte) ([]byte, bool, error) {
	e := r.entity
	if e == nil {
		e = value
	}
	out, isNull, err := r.fn.AppendEntity(dst, value, e)
	if err != nil {
		return dst, false, valueError(r.name, err)
	}
	return out, isNull, nil
}
