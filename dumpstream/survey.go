package dumpstream

import "io"

// Survey is the shape of a dump as one read-only pass tells it: its
// tables' data in input order, and its keys.
type Survey struct {
	// Blocks are the tables with data, in the order of their data in the
	// input: each COPY block's table, and each table of INSERT statements
	// (Table.Inserts) at its first statement.
	Blocks []*Table
	// Constraints are the keys the dump declares.
	Constraints []Constraint
}

// SurveyAny walks src (a plain dump or any archive, as [WalkAny] takes
// it) without reading rows, and returns its [Survey].
func SurveyAny(src io.Reader, opt Options) (*Survey, error) {
	v := &surveyor{s: &Survey{}}
	_, err := WalkAny(src, v, opt)
	if err != nil {
		return nil, err
	}
	return v.s, nil
}

type surveyor struct {
	NopVisitor
	s *Survey
}

func (v *surveyor) Block(b *Block) (RowVisitor, error) {
	v.s.Blocks = append(v.s.Blocks, b.Table)
	return nil, nil
}

func (v *surveyor) Inserts(t *Table) error {
	v.s.Blocks = append(v.s.Blocks, t)
	return nil
}

func (v *surveyor) Constraint(k Constraint) error {
	v.s.Constraints = append(v.s.Constraints, k)
	return nil
}
