package dumpstream

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/anondump/anondump/archive"
)

// WalkAny is Walk for any input the run reads: a custom-format archive
// (found by its magic, "PGDMP") is walked by WalkArchive, a tar (found by
// its "ustar" magic) by WalkTar, a [DirInput] (or any reader with its
// ArchiveDir method) by WalkDir, anything else by
// Walk.
func WalkAny(src io.Reader, v Visitor, opt Options) (Stats, error) {
	if d, ok := src.(interface{ ArchiveDir() *archive.Dir }); ok {
		return WalkDir(d.ArchiveDir(), v, opt)
	}
	br := bufio.NewReaderSize(src, readBufSize)
	head, _ := br.Peek(262)
	switch {
	case bytes.HasPrefix(head, []byte(archive.Magic)):
		return WalkArchive(br, v, opt)
	case archive.IsTar(head):
		return WalkTar(br, v, opt)
	}
	return Walk(br, v, opt)
}

// WalkArchive walks a custom-format archive for v as Walk walks a plain
// dump, for check, scan and verify: the definitions of its TOC entries
// (in TOC order) as statements, then each TABLE DATA entry as a COPY block
// (or, for pg_dump --inserts, as an INSERT table, whose statements v does
// not see), then the keys, as a plain dump has them after the data (with
// Line 0). Errors name the entry. Large objects are not walked.
func WalkArchive(src io.Reader, v Visitor, opt Options) (_ Stats, err error) {
	defer func() { err = namedFormatError(opt.Name, err) }()
	in := &byteCounter{r: src}
	ar, err := archive.NewReader(in)
	if err != nil {
		return Stats{Bytes: in.n}, err
	}
	return walkInOrder(blockSource{ar}, in, v, opt)
}

// walkInOrder walks an archive read in order.
func walkInOrder(src orderedSource, in *byteCounter, v Visitor, opt Options) (Stats, error) {
	a := &archiveRewrite{entryRewriter: entryRewriter{opt: opt, r: &rewriter{}}}
	dv := &deferKeys{Visitor: v, a: a}
	if err := a.walkTOC(src.TOC(), dv); err != nil {
		return a.stats(in), err
	}
	for {
		e, data, _, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return a.stats(in), err
		}
		if err := a.walkData(v, e, data); err != nil {
			return a.stats(in), err
		}
	}
	for _, k := range a.keys {
		if err := v.Constraint(k); err != nil {
			return a.stats(in), err
		}
	}
	return a.stats(in), nil
}

// deferKeys keeps the keys of the TOC's definitions for after the data.
type deferKeys struct {
	Visitor
	a *archiveRewrite
}

func (d *deferKeys) Constraint(k Constraint) error {
	k.Line = 0
	d.a.keys = append(d.a.keys, k)
	return nil
}

// walkData hands one data block to v.
func (a *archiveRewrite) walkData(v Visitor, e *archive.Entry, b io.Reader) error {
	switch {
	case e.Desc.S != "TABLE DATA" || b == nil:
		return nil
	case e.CopyStmt.S == "":
		if iv, ok := v.(InsertVisitor); ok {
			// The statements, for a visitor that reads their rows.
			return a.walkInserts(insertsOnly{v, iv}, e, b)
		}
		tbl := a.insertsTable(e)
		if err := v.Inserts(tbl); err != nil {
			return a.entryErr(e, tbl.QualifiedName(), 0, err)
		}
		return nil
	}
	blk, err := a.entryBlock(e)
	if err != nil {
		return err
	}
	name := blk.Table.QualifiedName()
	rv, err := v.Block(blk)
	if err != nil {
		return a.entryErr(e, name, 0, err)
	}
	var rows int64
	switch {
	case rv == nil && a.opt.SkipUnread:
		rows = -1
	case rv == nil:
		rows, err = copyRows(io.Discard, a.reader(b), &a.lines)
	default:
		br := a.reader(b)
		rows, err = WalkBlock(br, blk, rv)
		a.lines += rows
		if errors.Is(err, ErrSkipBlock) {
			// The rest of the block is counted (copyRows adds to a.lines), not shown.
			var more int64
			more, err = copyRows(io.Discard, br, &a.lines)
			rows += more
		}
	}
	a.rows += max(rows, 0)
	if err != nil {
		return a.entryErr(e, name, 0, err)
	}
	if err := v.EndBlock(blk, rows); err != nil {
		return a.entryErr(e, name, 0, err)
	}
	return nil
}

// insertsTable is the table of a TABLE DATA entry of INSERT statements,
// with its columns when the TOC declares it.
func (a *archiveRewrite) insertsTable(e *archive.Entry) *Table {
	if td := a.w.cat.table(e.Namespace.S, e.Tag.S); td != nil {
		t := a.w.tableOf(td, nil, false)
		t.Inserts, t.Line = true, 0
		return t
	}
	return &Table{Schema: e.Namespace.S, Name: e.Tag.S, Inserts: true}
}

// walkInserts walks the INSERT statements of entry e for v (its Inserts,
// HoldInserts and Insert; the statements' text does not go to Raw).
func (a *archiveRewrite) walkInserts(v insertsOnly, e *archive.Entry, b io.Reader) error {
	w := a.entryWalker(b, v, a.w)
	err := w.run()
	a.lines += int64(w.line)
	return entryLineError(a.opt.Name, e, err)
}

// entryWalker walks the SQL of an entry's data (INSERT statements) for v
// as a part of the dump whose TOC toc walked: with its catalog (a copy),
// its standard_conforming_strings and client_encoding, and no header.
// Its errors' lines are the entry's data lines.
func (x *entryRewriter) entryWalker(src io.Reader, v Visitor, toc *walker) *walker {
	opt := x.opt
	opt.Name = ""
	w := newWalker(x.reader(src), v, opt)
	w.sawHeader, w.started = true, true
	w.stdStrings, w.encoding = toc.stdStrings, toc.encoding
	w.cat = toc.cat.clone()
	return w
}

// entryLineError makes an error at a line of entry e's data (an *Error
// of its entryWalker) an *EntryError naming the entry and that line;
// other errors are returned as they are.
func entryLineError(name string, e *archive.Entry, err error) error {
	var pe *Error
	if errors.As(err, &pe) {
		return &EntryError{Name: name, DumpID: e.DumpID, Desc: e.Desc.S, Tag: e.Tag.S,
			Table: QuoteIdent(e.Namespace.S) + "." + QuoteIdent(e.Tag.S), Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return err
}

// insertsOnly passes a visitor the INSERT tables and statements of an
// entry, and nothing else.
type insertsOnly struct {
	v  Visitor
	iv InsertVisitor
}

func (insertsOnly) Raw([]byte) error                  { return nil }
func (insertsOnly) Declare(*Table) error              { return nil }
func (insertsOnly) Constraint(Constraint) error       { return nil }
func (o insertsOnly) Inserts(t *Table) error          { return o.v.Inserts(t) }
func (insertsOnly) Block(*Block) (RowVisitor, error)  { return nil, nil }
func (insertsOnly) EndBlock(*Block, int64) error      { return nil }
func (o insertsOnly) HoldInserts(t *Table) bool       { return o.iv.HoldInserts(t) }
func (o insertsOnly) Insert(s *InsertStatement) error { return o.iv.Insert(s) }
