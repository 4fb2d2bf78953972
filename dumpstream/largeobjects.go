package dumpstream

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/anondump/anondump/archive"
)

// Large objects in a plain dump (pg_dump's dumpLO and dumpLOs):
//
//	--
//	-- Name: 16593; Type: BLOB; Schema: -; Owner: postgres
//	--
//
//	SELECT pg_catalog.lo_create('16593');
//	ALTER LARGE OBJECT 16593 OWNER TO postgres;
//	COMMENT ON LARGE OBJECT 16593 IS '…';      (Type: COMMENT)
//	GRANT SELECT ON LARGE OBJECT 16593 TO …;   (Type: ACL)
//	…
//	-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: -
//	BEGIN;
//	SELECT pg_catalog.lo_open('16593', 131072);
//	SELECT pg_catalog.lowrite(0, '\x…');       (one per 16 kB of contents)
//	SELECT pg_catalog.lo_close(0);
//	COMMIT;
//
// loFilter applies Options.LargeObjects to the lines the walk hands to
// Raw. It drops whole statements, using the walker's lexer state: a
// statement is recognized only when it begins a line outside any other
// statement, quote or comment (as pg_dump writes them), and it is
// dropped chunk by chunk up to its ';', so a huge lowrite is never held.
// Under empty and drop, a statement that calls lowrite and is not one
// of these lines is an error (fail closed).
type loFilter struct {
	r      *rewriter
	w      *walker
	policy archive.LOPolicy
	has    func() error
	seen   bool  // has was called
	hasErr error // what it returned, which Rewrite returns as it is

	dash      []byte // a held "--" line and the comment lines after it: they may open a large object's TOC comment
	tocEnd    bool   // a large object's TOC comment was dropped: its closing "--" goes too
	blobs     bool   // after the BLOBS data TOC comment (drop: BEGIN; and COMMIT; go too)
	held      []byte // dash's buffer, for reuse
	afterDrop bool   // blank lines after a dropped statement or comment go too

	dropping  bool // the chunks of a dropped statement or comment line
	dropLine  int  // its first line
	dropWrite bool // it is a lowrite
	lowriteAt int  // a statement that calls lowrite ended at this chunk; it began at this line
}

// maxHeldComment bounds the comment lines held after a "--" line.
const maxHeldComment = 4 << 10

// loKind is what a line that begins a statement is, for large objects.
type loKind int

const (
	loNone    loKind = iota
	loMeta           // lo_create, ALTER/COMMENT/GRANT/REVOKE/SECURITY LABEL … LARGE OBJECT
	loOpen           // lo_open, lo_close
	loWrite          // lowrite
	loTxn            // BEGIN; or COMMIT; (of the BLOBS data, drop only)
	loToc            // a large object's TOC comment line
	loTocData        // the BLOBS data's TOC comment line
)

var (
	loPrefixes = []struct {
		p string
		k loKind
	}{
		{"SELECT pg_catalog.lo_create(", loMeta},
		{"ALTER LARGE OBJECT ", loMeta},
		{"COMMENT ON LARGE OBJECT ", loMeta},
		{"SELECT pg_catalog.lo_open(", loOpen},
		{"SELECT pg_catalog.lo_close(", loOpen},
		{"SELECT pg_catalog.lowrite(", loWrite},
	}
	loOnLargeObject = []byte(" ON LARGE OBJECT ")
	loTocMarks      = [][]byte{[]byte("; Type: BLOB;"), []byte("; Type: BLOB METADATA;")}
)

// newLOFilter returns the filter of Rewrite's options, or nil when they
// ask for nothing (keep, and no HasLargeObjects).
func newLOFilter(r *rewriter, w *walker) *loFilter {
	if r.opt.LargeObjects == archive.LOKeep && r.opt.HasLargeObjects == nil {
		return nil
	}
	f := &loFilter{r: r, w: w, policy: r.opt.LargeObjects, has: r.opt.HasLargeObjects}
	if f.policy != archive.LOKeep {
		w.endHook = f.ended
	}
	return f
}

// classify says what the chunk b, which begins a line outside any
// statement, is.
func (f *loFilter) classify(b []byte) loKind {
	t := bytes.TrimLeft(b, " \t")
	if bytes.HasPrefix(t, []byte("-- ")) {
		switch {
		case bytes.HasPrefix(t, []byte("-- Data for Name: BLOBS; Type: BLOBS;")):
			return loTocData
		case bytes.HasPrefix(t, []byte("-- Name: LARGE OBJECT ")), bytes.HasPrefix(t, []byte("-- Name: LARGE OBJECTS ")):
			return loToc
		case bytes.HasPrefix(t, []byte("-- Name: ")):
			end := bytes.IndexByte(t, '\n')
			if end < 0 {
				end = len(t)
			}
			for _, m := range loTocMarks {
				if bytes.Contains(t[:end], m) {
					return loToc
				}
			}
		}
		return loNone
	}
	for _, p := range loPrefixes {
		if bytes.HasPrefix(t, []byte(p.p)) {
			return p.k
		}
	}
	for _, p := range []string{"GRANT ", "REVOKE ", "SECURITY LABEL "} {
		if bytes.HasPrefix(t, []byte(p)) {
			end := bytes.IndexByte(t, '\n')
			if end < 0 {
				end = len(t)
			}
			if bytes.Contains(t[:end], loOnLargeObject) {
				return loMeta
			}
			return loNone
		}
	}
	if f.blobs && (bytes.Equal(b, []byte("BEGIN;\n")) || bytes.Equal(b, []byte("COMMIT;\n"))) {
		return loTxn
	}
	return loNone
}

// raw filters one chunk that the walk gives Raw.
func (f *loFilter) raw(b []byte) error {
	w := f.w
	if f.dropping {
		return f.drop(b, false)
	}
	if !w.lineFree {
		if err := f.flushDash(); err != nil {
			return err
		}
		if err := f.checkLowrite(); err != nil {
			return err
		}
		return f.r.write(b)
	}
	drop := f.policy == archive.LODrop
	if drop && f.tocEnd {
		f.tocEnd = false
		if isLine(b, "--") {
			return nil
		}
	}
	if drop && f.afterDrop && isBlank(b) {
		return nil
	}
	f.afterDrop = false
	if isLine(b, "--") && f.dash == nil {
		f.dash = append(f.held[:0], b...) // written (or dropped) with the next line
		return nil
	}
	k := f.classify(b)
	if k == loNone && f.dash != nil && bytes.HasPrefix(b, []byte("-- ")) && b[len(b)-1] == '\n' && len(f.dash)+len(b) <= maxHeldComment {
		f.dash = append(f.dash, b...) // "-- TOC entry …", "-- Dependencies: …" (pg_dump --verbose)
		return nil
	}
	if k == loNone {
		if !isBlank(b) {
			f.blobs = false
		}
		if err := f.flushDash(); err != nil {
			return err
		}
		if err := f.checkLowrite(); err != nil {
			return err
		}
		return f.r.write(b)
	}
	if k != loTxn && !f.seen {
		f.seen = true
		if f.has != nil {
			if err := f.has(); err != nil {
				f.hasErr = err
				return err
			}
		}
	}
	if k == loTocData {
		f.blobs = true
	}
	switch {
	case drop, k == loWrite && f.policy == archive.LOEmpty:
		if k == loToc || k == loTocData {
			f.tocEnd = f.dash != nil
			f.held, f.dash = f.dash, nil
		} else if err := f.flushDash(); err != nil {
			return err
		}
		f.dropping, f.dropLine, f.dropWrite = true, w.line, k == loWrite
		return f.drop(b, true)
	}
	if err := f.flushDash(); err != nil {
		return err
	}
	if err := f.checkLowrite(); err != nil {
		return err
	}
	return f.r.write(b)
}

// drop drops a chunk of the statement or comment line being dropped;
// first: the chunk begins it.
func (f *loFilter) drop(b []byte, first bool) error {
	w := f.w
	begun := w.begun
	if first && begun > 0 {
		begun-- // the dropped statement itself
	}
	if begun > 0 {
		return &Error{Name: f.r.opt.Name, Line: w.line, Err: fmt.Errorf("a large-object statement (line %d) shares its line with another statement, which anondump does not split", f.dropLine)}
	}
	if f.lowriteAt != 0 {
		if f.lowriteAt != f.dropLine || !f.dropWrite {
			return f.lowriteError()
		}
		f.lowriteAt = 0
	}
	if !w.inStmt && len(b) > 0 && b[len(b)-1] == '\n' {
		f.dropping, f.afterDrop = false, true
	}
	return nil
}

// ended is the walker's endHook: it notes a statement that calls lowrite.
func (f *loFilter) ended(stmt []byte, line int) {
	t := bytes.TrimLeft(stmt, " \t\r\n(")
	word := t[:len(t)-len(bytes.TrimLeft(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))]
	switch strings.ToUpper(string(word)) {
	case "SELECT", "DO", "WITH", "CALL", "EXECUTE", "VALUES", "PERFORM":
	default:
		// CREATE FUNCTION, COMMENT, INSERT values, …: text that mentions
		// lowrite writes no large object when it runs.
		return
	}
	if bytes.Contains(bytes.ToLower(stmt), []byte("lowrite")) {
		f.lowriteAt = line
	}
}

// checkLowrite fails when a statement that calls lowrite ended in a
// chunk that is passed on.
func (f *loFilter) checkLowrite() error {
	if f.lowriteAt != 0 {
		return f.lowriteError()
	}
	return nil
}

func (f *loFilter) lowriteError() error {
	line := f.lowriteAt
	f.lowriteAt = 0
	return &Error{Name: f.r.opt.Name, Line: line, Err: fmt.Errorf("a statement that calls lowrite is not the `SELECT pg_catalog.lowrite(0, '…');` line pg_dump writes, so the large object's contents cannot be removed (large_objects: %s); fix or remove it, or use large_objects: keep", policyName(f.policy))}
}

func policyName(p archive.LOPolicy) string {
	switch p {
	case archive.LOEmpty:
		return "empty"
	case archive.LODrop:
		return "drop"
	}
	return "keep"
}

// flushDash writes the held "--" line.
func (f *loFilter) flushDash() error {
	if f.dash == nil {
		return nil
	}
	b := f.dash
	f.held, f.dash = b, nil
	return f.r.write(b)
}

// finish is called at the end of the walk.
func (f *loFilter) finish() error {
	if f.dropping && f.w.inStmt {
		return nil // the walk reported the truncated statement
	}
	return f.flushDash()
}

// isLine says whether b is the whole line s.
func isLine(b []byte, s string) bool {
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	return string(b) == s
}

// isBlank says whether b is an empty (or all-blank) whole line.
func isBlank(b []byte) bool {
	return len(b) > 0 && b[len(b)-1] == '\n' && len(bytes.TrimSpace(b)) == 0
}
