package dumpstream

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/anondump/anondump/archive"
)

// ArchiveTables reads the data of single tables of an archive that allows
// it (a directory, a tar in a file, or a custom archive in a file with its
// data offsets),
// in any order, for the cascade's passes.
type ArchiveTables struct {
	a      *archiveRewrite
	byName map[[2]string]*archive.Entry
	open   func(e *archive.Entry) (data io.Reader, done func(), err error)
	closer io.Closer // the custom archive's file
}

// ErrNoRandomAccess is returned by [OpenArchiveTables] for an input that
// can only be read in order.
var ErrNoRandomAccess = errors.New("dumpstream: the archive can only be read in order")

// OpenArchiveTables opens dir (when not nil), or the custom or tar archive
// in the file at path, for [ArchiveTables.Read]. It returns
// ErrNoRandomAccess for a custom archive with a data entry whose offset
// it does not record (written to a pipe). Close releases it.
func OpenArchiveTables(dir *archive.Dir, path string, opt Options) (*ArchiveTables, error) {
	t := &ArchiveTables{byName: map[[2]string]*archive.Entry{}}
	var toc []*archive.Entry
	if dir != nil {
		toc = dir.TOC()
		t.open = func(e *archive.Entry) (io.Reader, func(), error) {
			rc, err := dir.OpenData(e)
			if err != nil {
				return nil, nil, err
			}
			return rc, func() { rc.Close() }, nil
		}
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		t.closer = f
		var head [262]byte
		n, _ := f.ReadAt(head[:], 0)
		if archive.IsTar(head[:n]) {
			st, err := f.Stat()
			if err != nil {
				f.Close()
				return nil, err
			}
			x, err := archive.NewTarIndex(f, st.Size())
			if err != nil {
				f.Close()
				return nil, namedFormatError(opt.Name, err)
			}
			toc = x.TOC()
			t.open = func(e *archive.Entry) (io.Reader, func(), error) {
				r, err := x.OpenData(e)
				return r, func() {}, err
			}
		} else {
			r, err := archive.NewReader(io.NewSectionReader(f, 0, 1<<62))
			if err != nil {
				f.Close()
				return nil, namedFormatError(opt.Name, err)
			}
			toc = r.TOC()
			for _, e := range toc {
				if e.Desc.S == "TABLE DATA" && e.IsData() && e.DataState != archive.OffsetSet {
					f.Close()
					return nil, ErrNoRandomAccess
				}
			}
			t.open = func(e *archive.Entry) (io.Reader, func(), error) {
				b, err := r.At(f, e)
				return b, func() {}, err
			}
		}
	}
	t.a = &archiveRewrite{entryRewriter: entryRewriter{opt: opt, r: &rewriter{}}}
	if err := t.a.readTOC(toc, NopVisitor{}); err != nil {
		t.Close()
		return nil, namedFormatError(opt.Name, err)
	}
	for _, e := range toc {
		if blk := t.a.blocks[e.DumpID]; blk != nil {
			t.byName[[2]string{blk.Table.Schema, blk.Table.Name}] = e
		}
	}
	return t, nil
}

// Read reads the COPY data of table schema.name for v, as a walk would
// show it (Block, its rows, EndBlock).
func (t *ArchiveTables) Read(schema, name string, v Visitor) error {
	e := t.byName[[2]string{schema, name}]
	if e == nil {
		return fmt.Errorf("dumpstream: the archive has no COPY data for %s.%s", QuoteIdent(schema), QuoteIdent(name))
	}
	src, done, err := t.open(e)
	if err != nil {
		return namedFormatError(t.a.opt.Name, err)
	}
	defer done()
	blk := t.a.blocks[e.DumpID]
	rv, err := v.Block(blk)
	if err != nil {
		return t.a.entryErr(e, blk.Table.QualifiedName(), 0, err)
	}
	rows := int64(-1)
	if rv != nil {
		if rows, err = WalkBlock(t.a.reader(src), blk, rv); err != nil {
			return namedFormatError(t.a.opt.Name, t.a.entryErr(e, blk.Table.QualifiedName(), 0, err))
		}
	}
	if err := v.EndBlock(blk, rows); err != nil {
		return t.a.entryErr(e, blk.Table.QualifiedName(), 0, err)
	}
	return nil
}

// Close releases the archive.
func (t *ArchiveTables) Close() error {
	if t.closer != nil {
		return t.closer.Close()
	}
	return nil
}
