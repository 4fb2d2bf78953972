package archive

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ScriptOptions tune a ScriptWriter.
type ScriptOptions struct {
	// RestrictKey is the key of the \restrict and \unrestrict lines
	// pg_restore 15.14+ (and every release of August 2025 or later) prints
	// around the script; "" prints neither line, as older pg_restore did.
	// pg_restore picks a random key per run: pass the same key to compare
	// outputs byte for byte.
	RestrictKey string
}

// ScriptWriter prints an archive as the plain SQL script `pg_restore -f -`
// prints for it (with pg_restore's default options), streaming: the TOC is
// given up front, and each data entry's stream as it comes, in TOC order.
// Everything but the data comes from the TOC: the entries' comment headers
// and definitions, the SET lines, ALTER … OWNER TO, the deferred ACL pass.
//
// It is a [Sink]. Data entries must be written in TOC order (the custom,
// directory and tar readers yield them so); WriteData and WriteObjects
// first print every entry the script has before the data. Close prints
// the rest and the trailer.
//
// The output follows pg_restore 15 for archives 1.12 to 1.15 (1.15, from
// pg_dump 16, prints as 1.14 does); for 1.16 archives (pg_dump 17 and 18)
// it follows pg_restore 17 in the transaction_timeout line and in printing
// one lo_create and one ALTER LARGE OBJECT per OID of a BLOB METADATA
// entry. The ACL of a group of large objects (1.16's "LARGE OBJECTS a..b"
// ACL entries) is refused by NewScriptWriter rather than printed wrong.
// Only 1.14 is compared with a real pg_restore in the tests.
//
// A data entry left unwritten when a later one (or Close) comes is an
// error, as is a stream out of TOC order; errors are sticky.
type ScriptWriter struct {
	w   *bufio.Writer
	h   *Header
	toc []*Entry
	opt ScriptOptions

	reqs     []int
	byID     map[int]int
	written  []bool
	next     int // next TOC index of the main pass
	encoding string
	std      bool
	search   *string

	schema, tablespace, tableAM *string

	busy   bool // a data stream or object sink is open
	closed bool
	err    error
}

// What pg_restore wants of an entry (_tocEntryRequired's REQ_* bits).
const (
	reqSchema = 1
	reqData   = 2
)

// Restore passes (_tocEntryRestorePass).
const (
	passMain = iota
	passACL
	passPostACL
)

// lobBufSize is pg_restore's LOBBUFSIZE: a large object is printed as one
// lowrite per full buffer of this size, and one for the rest.
const lobBufSize = 16384

// NewScriptWriter prints the script's header to dst and returns the
// writer of the rest. h and toc are the archive's header and TOC (a TOC
// read from a custom archive or a directory or tar toc.dat).
func NewScriptWriter(dst io.Writer, h *Header, toc []*Entry, opt ScriptOptions) (*ScriptWriter, error) {
	if h.Minor() < 12 || h.Minor() > 16 {
		return nil, fmt.Errorf("archive: script of archive version 1.%d is not supported (1.12 to 1.16 are)", h.Minor())
	}
	for _, c := range opt.RestrictKey {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return nil, errors.New("archive: a restrict key is made of letters and digits only")
		}
	}
	s := &ScriptWriter{
		w: bufio.NewWriterSize(dst, 64<<10), h: h, toc: toc, opt: opt,
		reqs: make([]int, len(toc)), byID: make(map[int]int, len(toc)),
		written: make([]bool, len(toc)), encoding: "SQL_ASCII",
	}
	for i, e := range toc {
		s.byID[e.DumpID] = i
		switch e.Desc.S {
		case "ENCODING":
			if v, ok := quoted(e.Defn.S); ok {
				s.encoding = v
			}
		case "STDSTRINGS":
			v, _ := quoted(e.Defn.S)
			switch v {
			case "on":
				s.std = true
			case "off":
				s.std = false
			default:
				return nil, fmt.Errorf("archive: TOC entry %d: unrecognized standard_conforming_strings setting", e.DumpID)
			}
		case "SEARCHPATH":
			p := e.Defn.S
			s.search = &p
		}
		s.reqs[i] = required(e)
		if h.Minor() >= 16 && e.Desc.S == "ACL" && strings.HasPrefix(e.Tag.S, "LARGE OBJECTS ") {
			return nil, fmt.Errorf("archive: TOC entry %d: the ACL of a group of large objects (archive 1.16) is not supported in scripts", e.DumpID)
		}
	}
	s.header()
	return s, s.err
}

// quoted returns what is between the first two single quotes of s.
func quoted(s string) (string, bool) {
	i := strings.IndexByte(s, '\'')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(s[i+1:], '\'')
	if j < 0 {
		return "", false
	}
	return s[i+1 : i+1+j], true
}

// required is _tocEntryRequired for pg_restore's default options.
func required(e *Entry) int {
	d, tag := e.Desc.S, e.Tag.S
	switch d {
	case "ENCODING", "STDSTRINGS", "SEARCHPATH":
		return 0 // printed in the fixed header
	case "DATABASE", "DATABASE PROPERTIES":
		return 0 // only with -C
	}
	if (d == "ACL" || d == "COMMENT" || d == "SECURITY LABEL") && strings.HasPrefix(tag, "DATABASE ") {
		return 0
	}
	if d == "<Init>" && tag == "Max OID" {
		return 0
	}
	r := reqSchema | reqData
	if !e.HadDumper {
		lo := strings.HasPrefix(tag, "LARGE OBJECT ")
		if d == "SEQUENCE SET" || d == "BLOB" || d == "BLOB METADATA" ||
			(d == "ACL" || d == "COMMENT" || d == "SECURITY LABEL") && lo {
			r &= reqData
		} else {
			r &^= reqData
		}
	}
	// A TABLE DATA entry's definition, "-- load via partition root …",
	// is printed with its data, not as a schema part of its own.
	if e.Defn.S == "" || d == "TABLE DATA" {
		r &^= reqSchema
	}
	return r
}

// restorePass is _tocEntryRestorePass.
func restorePass(e *Entry) int {
	switch e.Desc.S {
	case "ACL", "ACL LANGUAGE", "DEFAULT ACL":
		return passACL
	case "EVENT TRIGGER", "MATERIALIZED VIEW DATA":
		return passPostACL
	case "COMMENT":
		if strings.HasPrefix(e.Tag.S, "EVENT TRIGGER ") {
			return passPostACL
		}
	}
	return passMain
}

func (s *ScriptWriter) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

func (s *ScriptWriter) write(p []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(p)
	}
}

// header is RestoreArchive's start and _doSetFixedOutputState.
func (s *ScriptWriter) header() {
	s.printf("--\n-- PostgreSQL database dump\n--\n\n")
	if s.opt.RestrictKey != "" {
		s.printf("\\restrict %s\n\n", s.opt.RestrictKey)
	}
	if !s.h.ServerVersion.Null {
		s.printf("-- Dumped from database version %s\n", s.h.ServerVersion.S)
	}
	if !s.h.DumpVersion.Null {
		s.printf("-- Dumped by pg_dump version %s\n", s.h.DumpVersion.S)
	}
	s.printf("\n")
	s.printf("SET statement_timeout = 0;\n")
	s.printf("SET lock_timeout = 0;\n")
	s.printf("SET idle_in_transaction_session_timeout = 0;\n")
	if s.h.Minor() >= 16 {
		s.printf("SET transaction_timeout = 0;\n")
	}
	s.printf("SET client_encoding = '%s';\n", s.encoding)
	if s.std {
		s.printf("SET standard_conforming_strings = on;\n")
	} else {
		s.printf("SET standard_conforming_strings = off;\n")
	}
	if s.search != nil {
		s.printf("%s", *s.search)
	}
	s.printf("SET check_function_bodies = false;\n")
	s.printf("SET xmloption = content;\n")
	s.printf("SET client_min_messages = warning;\n")
	if !s.std {
		s.printf("SET escape_string_warning = off;\n")
	}
	s.printf("SET row_security = off;\n")
	s.printf("\n")
}

// catchUp prints the main-pass entries before TOC index upto.
func (s *ScriptWriter) catchUp(upto int) {
	for ; s.next < upto && s.err == nil; s.next++ {
		i := s.next
		e := s.toc[i]
		if s.reqs[i] == 0 || restorePass(e) != passMain {
			continue
		}
		s.restoreEntry(i, nil)
	}
}

// restoreEntry is restore_toc_entry: the entry's schema part, then its
// data part; data, when not nil, prints the data of a data entry.
func (s *ScriptWriter) restoreEntry(i int, data func()) {
	e := s.toc[i]
	r := s.reqs[i]
	defnDumped := false
	if r&reqSchema != 0 {
		s.printEntry(e, false)
		defnDumped = true
	}
	if r&reqData == 0 {
		return
	}
	if !e.HadDumper {
		if !defnDumped {
			s.printEntry(e, false)
		}
		return
	}
	if data == nil {
		// A data entry the caller never wrote: pg_restore prints its
		// header and nothing more only when the archive says it has no
		// data.
		if e.DataState != OffsetNoData && s.err == nil {
			s.err = fmt.Errorf("archive: script: the data of entry %d (%s %q) was not written", e.DumpID, e.Desc.S, e.Tag.S)
			return
		}
		s.printEntry(e, true)
		if !e.IsBlobs() {
			s.selectSchema(e.Namespace)
			if e.CopyStmt.S != "" {
				s.printf("%s", e.CopyStmt.S)
			}
		}
		return
	}
	s.printEntry(e, true)
	if e.IsBlobs() {
		s.selectSchema(S("pg_catalog"))
	} else {
		s.selectSchema(e.Namespace)
		if e.CopyStmt.S != "" {
			s.printf("%s", e.CopyStmt.S)
		}
	}
	data()
}

// selectSchema is _selectOutputSchema: with a SEARCHPATH entry (1.13+)
// it does nothing.
func (s *ScriptWriter) selectSchema(ns Str) {
	if s.search != nil || ns.S == "" || s.schema != nil && *s.schema == ns.S {
		return
	}
	q := "SET search_path = " + fmtID(ns.S)
	if ns.S != "pg_catalog" {
		q += ", pg_catalog"
	}
	s.printf("%s;\n\n", q)
	v := ns.S
	s.schema = &v
}

func (s *ScriptWriter) selectTablespace(ts Str) {
	if ts.Null || s.tablespace != nil && *s.tablespace == ts.S {
		return
	}
	if ts.S == "" {
		s.printf("SET default_tablespace = '';\n\n")
	} else {
		s.printf("SET default_tablespace = %s;\n\n", fmtID(ts.S))
	}
	v := ts.S
	s.tablespace = &v
}

func (s *ScriptWriter) selectTableAM(am Str) {
	// Before 1.14 the TOC has no table access method (the reader leaves
	// the field empty): pg_restore sets none.
	if s.h.Minor() < 14 || am.Null || s.tableAM != nil && *s.tableAM == am.S {
		return
	}
	s.printf("SET default_table_access_method = %s;\n\n", fmtID(am.S))
	v := am.S
	s.tableAM = &v
}

// sanitize is sanitize_line: CR and LF become spaces; NULL is "" or "-".
func sanitize(v Str, hyphen bool) string {
	if v.Null {
		if hyphen {
			return "-"
		}
		return ""
	}
	return strings.NewReplacer("\n", " ", "\r", " ").Replace(v.S)
}

// ownedDescs are the object types _printTocEntry issues ALTER … OWNER TO for.
var ownedDescs = map[string]bool{
	"AGGREGATE": true, "BLOB": true, "COLLATION": true, "CONVERSION": true,
	"DATABASE": true, "DOMAIN": true, "FUNCTION": true, "OPERATOR": true,
	"OPERATOR CLASS": true, "OPERATOR FAMILY": true, "PROCEDURE": true,
	"PROCEDURAL LANGUAGE": true, "SCHEMA": true, "EVENT TRIGGER": true,
	"TABLE": true, "TYPE": true, "VIEW": true, "MATERIALIZED VIEW": true,
	"SEQUENCE": true, "FOREIGN TABLE": true, "TEXT SEARCH DICTIONARY": true,
	"TEXT SEARCH CONFIGURATION": true, "FOREIGN DATA WRAPPER": true,
	"SERVER": true, "STATISTICS": true, "PUBLICATION": true, "SUBSCRIPTION": true,
}

// printEntry is _printTocEntry.
func (s *ScriptWriter) printEntry(e *Entry, isData bool) {
	s.selectSchema(e.Namespace)
	s.selectTablespace(e.Tablespace)
	s.selectTableAM(e.TableAM)
	pfx := ""
	if isData {
		pfx = "Data for "
	}
	s.printf("--\n-- %sName: %s; Type: %s; Schema: %s; Owner: %s",
		pfx, sanitize(e.Tag, false), e.Desc.S, sanitize(e.Namespace, true), sanitize(e.Owner, true))
	if e.Tablespace.S != "" {
		s.printf("; Tablespace: %s", sanitize(e.Tablespace, false))
	}
	s.printf("\n--\n\n")

	blobMeta := e.Desc.S == "BLOB METADATA"
	switch {
	case blobMeta:
		s.perBlob(e, "SELECT pg_catalog.lo_create('", "')")
	case e.Defn.S != "":
		s.printf("%s\n\n", e.Defn.S)
	}

	if e.Owner.S == "" || e.DropStmt.S == "" {
		return
	}
	switch {
	case blobMeta:
		s.perBlob(e, "ALTER LARGE OBJECT ", " OWNER TO "+fmtID(e.Owner.S))
	case ownedDescs[e.Desc.S]:
		s.printf("ALTER %s OWNER TO %s;\n\n", objectDescription(e), fmtID(e.Owner.S))
	}
}

// perBlob is IssueCommandPerBlob: one command per line (OID) of the
// entry's definition, then a blank line.
func (s *ScriptWriter) perBlob(e *Entry, begin, end string) {
	d := e.Defn.S
	for {
		j := strings.IndexByte(d, '\n')
		if j < 0 {
			break
		}
		s.printf("%s%s%s;\n", begin, d[:j], end)
		d = d[j+1:]
	}
	s.printf("\n")
}

// objectDescription is _getObjectDescription, for ALTER … OWNER TO.
func objectDescription(e *Entry) string {
	t := e.Desc.S
	switch t {
	case "VIEW", "SEQUENCE", "MATERIALIZED VIEW":
		t = "TABLE"
	}
	switch t {
	case "COLLATION", "CONVERSION", "DOMAIN", "TABLE", "TYPE", "FOREIGN TABLE",
		"TEXT SEARCH DICTIONARY", "TEXT SEARCH CONFIGURATION", "STATISTICS",
		"DATABASE", "PROCEDURAL LANGUAGE", "SCHEMA", "EVENT TRIGGER",
		"FOREIGN DATA WRAPPER", "SERVER", "PUBLICATION", "SUBSCRIPTION", "USER MAPPING":
		b := t + " "
		if e.Namespace.S != "" {
			b += fmtID(e.Namespace.S) + "."
		}
		return b + fmtID(e.Tag.S)
	case "BLOB":
		return "LARGE OBJECT " + e.Tag.S
	}
	// AGGREGATE, FUNCTION, OPERATOR, OPERATOR CLASS, OPERATOR FAMILY,
	// PROCEDURE: what the DROP statement names.
	d := strings.TrimPrefix(e.DropStmt.S, "DROP ")
	return strings.TrimRight(d, ";\n")
}

// start checks that dumpID is a data entry that may come now, and prints
// everything before it.
func (s *ScriptWriter) start(dumpID int, blobs bool) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.closed || s.busy {
		return 0, errors.New("archive: script: a stream is still open, or the script is closed")
	}
	i, ok := s.byID[dumpID]
	if !ok || !s.toc[i].HadDumper || s.reqs[i]&reqData == 0 {
		return 0, fmt.Errorf("archive: script: dump ID %d is not a data entry of the TOC", dumpID)
	}
	e := s.toc[i]
	if e.IsBlobs() != blobs {
		if blobs {
			return 0, fmt.Errorf("archive: script: entry %d (%s) holds no large objects", dumpID, e.Desc.S)
		}
		return 0, fmt.Errorf("archive: script: entry %d holds large objects (WriteObjects)", dumpID)
	}
	if i < s.next || s.written[i] {
		return 0, fmt.Errorf("archive: script: data of entry %d comes out of TOC order", dumpID)
	}
	s.catchUp(i)
	s.written[i] = true
	s.next = i + 1
	s.busy = true
	return i, s.err
}

// WriteData prints the entries before the data entry dumpID, its comment
// header and COPY statement; what is written to the returned stream is
// printed as it is (COPY rows and "\.\n\n\n", or INSERT statements).
func (s *ScriptWriter) WriteData(dumpID int) (io.WriteCloser, error) {
	i, err := s.start(dumpID, false)
	if err != nil {
		return nil, err
	}
	s.restoreEntry(i, func() {})
	if s.err != nil {
		return nil, s.err
	}
	return &scriptData{s: s}, nil
}

type scriptData struct {
	s    *ScriptWriter
	done bool
}

func (d *scriptData) Write(p []byte) (int, error) {
	if d.done {
		return 0, errors.New("archive: script: write after Close")
	}
	d.s.write(p)
	if d.s.err != nil {
		return 0, d.s.err
	}
	return len(p), nil
}

func (d *scriptData) Close() error {
	if !d.done {
		d.done = true
		d.s.busy = false
	}
	return d.s.err
}

// WriteObjects prints the entries before the BLOBS entry dumpID and its
// header; each object is then printed as pg_restore prints it, lo_open,
// one lowrite of a hex bytea literal per 16 kB, lo_close, all in one
// transaction per entry. Objects are streamed: at most 16 kB is held.
func (s *ScriptWriter) WriteObjects(dumpID int) (ObjectSink, error) {
	i, err := s.start(dumpID, true)
	if err != nil {
		return nil, err
	}
	s.restoreEntry(i, func() { s.printf("BEGIN;\n\n") })
	if s.err != nil {
		return nil, s.err
	}
	return &scriptObjects{s: s}, nil
}

type scriptObjects struct {
	s    *ScriptWriter
	open bool
	done bool
	buf  []byte
	hex  []byte
}

func (o *scriptObjects) Object(oid uint32) (io.WriteCloser, error) {
	if o.done || o.open {
		return nil, errors.New("archive: script: an object is still open, or the large objects are closed")
	}
	if o.s.err != nil {
		return nil, o.s.err
	}
	o.open = true
	o.s.printf("SELECT pg_catalog.lo_open('%d', 131072);\n", oid)
	if o.buf == nil {
		o.buf = make([]byte, 0, lobBufSize)
	}
	o.buf = o.buf[:0]
	return &scriptObject{o: o}, o.s.err
}

// flush is dump_lo_buf: a lowrite of the buffer as a bytea literal.
func (o *scriptObjects) flush() {
	const digits = "0123456789abcdef"
	h := append(o.hex[:0], "SELECT pg_catalog.lowrite(0, '"...)
	if !o.s.std {
		h = append(h, '\\')
	}
	h = append(h, `\x`...)
	for _, c := range o.buf {
		h = append(h, digits[c>>4], digits[c&15])
	}
	h = append(h, "');\n"...)
	o.hex = h
	o.s.write(h)
	o.buf = o.buf[:0]
}

func (o *scriptObjects) Close() error {
	if o.open {
		return errors.New("archive: script: a large object is still open")
	}
	if !o.done {
		o.done = true
		o.s.printf("COMMIT;\n\n")
		o.s.busy = false
	}
	return o.s.err
}

type scriptObject struct {
	o    *scriptObjects
	done bool
}

func (w *scriptObject) Write(p []byte) (int, error) {
	if w.done {
		return 0, errors.New("archive: script: write after Close")
	}
	o := w.o
	n := len(p)
	// As ahwrite: the buffer is flushed when more than it holds arrives,
	// so a full buffer waits for the next byte or the object's end.
	for len(o.buf)+len(p) > lobBufSize {
		k := lobBufSize - len(o.buf)
		o.buf = append(o.buf, p[:k]...)
		p = p[k:]
		o.flush()
	}
	o.buf = append(o.buf, p...)
	if o.s.err != nil {
		return 0, o.s.err
	}
	return n, nil
}

func (w *scriptObject) Close() error {
	if w.done {
		return w.o.s.err
	}
	w.done = true
	o := w.o
	if len(o.buf) > 0 {
		o.flush()
	}
	o.s.printf("SELECT pg_catalog.lo_close(0);\n\n")
	o.open = false
	return o.s.err
}

// Close prints the entries after the last data entry, the ACL pass and
// the post-ACL pass, and the trailer, and flushes. It does not close dst.
func (s *ScriptWriter) Close() error {
	if s.closed {
		return s.err
	}
	if s.busy && s.err == nil {
		s.err = errors.New("archive: script: Close with a stream still open")
	}
	s.closed = true
	s.catchUp(len(s.toc))
	for _, pass := range []int{passACL, passPostACL} {
		for i, e := range s.toc {
			if s.reqs[i] != 0 && restorePass(e) == pass {
				s.restoreEntry(i, nil)
			}
		}
	}
	s.printf("--\n-- PostgreSQL database dump complete\n--\n\n")
	if s.opt.RestrictKey != "" {
		s.printf("\\unrestrict %s\n\n", s.opt.RestrictKey)
	}
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// keywords are PostgreSQL 15's keywords other than unreserved ones
// (pg_get_keywords() where catcode <> 'U'): fmtId quotes them.
var keywords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`all analyse analyze and any array as asc asymmetric authorization
between bigint binary bit boolean both case cast char character check coalesce collate collation
column concurrently constraint create cross current_catalog current_date current_role current_schema
current_time current_timestamp current_user dec decimal default deferrable desc distinct do else end
except exists extract false fetch float for foreign freeze from full grant greatest group grouping
having ilike in initially inner inout int integer intersect interval into is isnull join lateral
leading least left like limit localtime localtimestamp national natural nchar none normalize not
notnull null nullif numeric offset on only or order out outer overlaps overlay placing position
precision primary real references returning right row select session_user setof similar smallint
some substring symmetric table tablesample then time timestamp to trailing treat trim true union
unique user using values varchar variadic verbose when where window with xmlattributes xmlconcat
xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable`) {
		m[w] = true
	}
	return m
}()

// fmtID is fe_utils' fmtId: an identifier bare when it is all [a-z0-9_],
// starts with [a-z_] and is not a keyword other than an unreserved one;
// else in double quotes, with embedded quotes doubled.
func fmtID(s string) string {
	ok := s != ""
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		ok = c == '_' || 'a' <= c && c <= 'z' || i > 0 && '0' <= c && c <= '9'
	}
	if ok && !keywords[s] {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

var _ Sink = (*ScriptWriter)(nil)
