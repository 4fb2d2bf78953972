package archive

import (
	"fmt"
	"io"
)

// LOPolicy says what Copy does with large objects.
type LOPolicy int

const (
	// LOKeep copies every large object unchanged.
	LOKeep LOPolicy = iota
	// LOEmpty keeps every large object, with empty contents: its OID,
	// owner, ACL and comment stay, so references from tables stay valid.
	LOEmpty
	// LODrop removes the large objects: the BLOBS data, the BLOB and
	// BLOB METADATA entries, and every entry that depends on them (their
	// ACLs, comments and security labels).
	LODrop
)

// DataFunc rewrites one data entry's stream: it reads the decompressed
// original from src (for TABLE DATA, the COPY rows and the final
// "\.\n\n\n", or INSERT statements) and writes the new stream to dst.
type DataFunc func(e *Entry, dst io.Writer, src io.Reader) error

// CopyOptions tune Copy.
type CopyOptions struct {
	// Data rewrites the stream of each data entry but BLOBS; nil copies
	// every stream unchanged.
	Data DataFunc
	// LargeObjects is the large-object policy.
	LargeObjects LOPolicy
	// Writer tunes the output (parallel compression).
	Writer WriterOptions
}

// Copy reads the custom archive src and writes it to dst with the same
// header and TOC (less the large objects under LODrop), each data stream
// passed through opt.Data and re-compressed with the archive's method.
// src is read in order without seeking; dst gets its data offsets filled
// in when it is a seekable file.
func Copy(dst io.Writer, src io.Reader, opt CopyOptions) error {
	r, err := NewReader(src)
	if err != nil {
		return err
	}
	toc, keep := keptTOC(r.TOC(), opt.LargeObjects)
	w, err := NewWriter(dst, r.Header(), toc, opt.Writer)
	if err != nil {
		return err
	}
	if err := copyBlocks(w, r.Next, keep, opt); err != nil {
		return err
	}
	return w.Close()
}

// keptTOC is toc less its large objects under LODrop, and the set of the
// dump IDs it keeps.
func keptTOC(toc []*Entry, p LOPolicy) ([]*Entry, map[int]bool) {
	if p == LODrop {
		toc = DropLargeObjects(toc)
	}
	keep := make(map[int]bool, len(toc))
	for _, e := range toc {
		keep[e.DumpID] = true
	}
	return toc, keep
}

// copyBlocks copies the blocks next gives (until io.EOF) of the entries
// in keep to w: data through opt.Data, large objects by opt.LargeObjects.
func copyBlocks(w Sink, next func() (*Block, error), keep map[int]bool, opt CopyOptions) error {
	for {
		b, err := next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if !keep[b.Entry.DumpID] {
			continue
		}
		if b.Type == BlockBlobs {
			err = CopyObjects(w, b, opt.LargeObjects)
		} else {
			var out io.WriteCloser
			if out, err = w.WriteData(b.Entry.DumpID); err == nil {
				err = copyStream(b.Entry, out, b, opt.Data)
			}
		}
		if err != nil {
			return err
		}
	}
}

// CopyObjects copies the large objects of block b, a BLOBS block, to the
// Sink w by policy p: each object whole (LOKeep) or with no contents
// (LOEmpty). A caller with LODrop leaves the block out instead.
func CopyObjects(w Sink, b *Block, p LOPolicy) error {
	ow, err := w.WriteObjects(b.Entry.DumpID)
	if err != nil {
		return err
	}
	for {
		oid, err := b.NextObject()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		out, err := ow.Object(oid)
		if err != nil {
			return err
		}
		if p == LOKeep {
			if _, err := io.Copy(out, b); err != nil {
				return err
			}
		}
		if err := out.Close(); err != nil {
			return err
		}
	}
	return ow.Close()
}

// DropLargeObjects returns toc without its large objects: the BLOB,
// BLOBS and BLOB METADATA entries and, transitively, every entry that
// depends on one of them (a large object's ACL, COMMENT or SECURITY
// LABEL). The entries themselves are shared, not copied.
func DropLargeObjects(toc []*Entry) []*Entry {
	gone := map[string]bool{}
	for _, e := range toc {
		switch e.Desc.S {
		case "BLOB", "BLOBS", "BLOB METADATA":
			gone[fmt.Sprint(e.DumpID)] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, e := range toc {
			id := fmt.Sprint(e.DumpID)
			if gone[id] {
				continue
			}
			for _, d := range e.Deps {
				if gone[d.S] {
					gone[id], changed = true, true
					break
				}
			}
		}
	}
	out := make([]*Entry, 0, len(toc))
	for _, e := range toc {
		if !gone[fmt.Sprint(e.DumpID)] {
			out = append(out, e)
		}
	}
	return out
}
