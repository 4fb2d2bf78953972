package rules

import "fmt"

// CaseKeeper tells, row by row, whether a column ruled by a list of cases
// keeps the row's value: whether the case that applies (the first whose
// `when:` holds on the row's original values, else the last) is `keep`.
// verify uses it: a value its row's case keeps is not a ruled value. It
// is used by one goroutine at a time.
type CaseKeeper struct {
	conds []*rowFilter // one per case but the last
	kept  []bool       // per case
}

// CaseKeeper compiles c's cases against the column names of the dump's
// table. It returns nil (and no error) when c is not a list of cases or
// none of its cases keeps the value.
func (c *ColumnRule) CaseKeeper(names []string) (*CaseKeeper, error) {
	if c.Cases == nil {
		return nil, nil
	}
	k := &CaseKeeper{kept: make([]bool, len(c.Cases))}
	keeps := false
	for i, cs := range c.Cases {
		k.kept[i] = cs.Rule.Kept
		keeps = keeps || cs.Rule.Kept
		if cs.When == "" {
			continue
		}
		f, err := compileCondition(cs.When, names)
		if err != nil {
			return nil, fmt.Errorf("%s: column %s: when: %v", cs.WherePosOr(), c.Column, err)
		}
		k.conds = append(k.conds, f)
	}
	if !keeps {
		return nil, nil
	}
	return k, nil
}

// Kept reports whether the row, given as its raw COPY fields (one per
// column of the table), keeps the column's value.
func (k *CaseKeeper) Kept(fields [][]byte) (bool, error) {
	i := len(k.conds)
	for j, f := range k.conds {
		ok, err := f.holds(fields)
		if err != nil {
			return false, err
		}
		if ok {
			i = j
			break
		}
	}
	return k.kept[i], nil
}
