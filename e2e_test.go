package main

// End-to-end tests against a real PostgreSQL server: load a schema, pg_dump
// it, run anondump in-process (cmd.Main), restore the output with
// psql -v ON_ERROR_STOP=1 and compare the two databases.
//
// The server comes from PGHOST, PGPORT and PGUSER (default 127.0.0.1, 5432,
// postgres); psql, pg_dump, pg_dumpall and pg_isready must be in PATH. When
// the server or the tools are missing the tests skip, unless CI is set, in
// which case they fail. Every database a test creates is named
// anondump_e2e_<pid>_<n> and dropped when the test ends.

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"index/suffixarray"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/anondump/anondump/cmd"
	"github.com/anondump/anondump/fakers"
	"gopkg.in/yaml.v3"
)

const (
	e2eSchema = "testdata/e2e/schema.sql"
	e2eRules  = "testdata/e2e/anon.yaml"
	e2eKey    = "anondump-e2e-key-0123456789abcdef"
	e2eKey2   = "anondump-e2e-other-key-fedcba9876"

	exampleSchema = "examples/schema.sql"
	exampleDump   = "examples/dump.sql"
	exampleRules  = "examples/anon.yaml"
)

// ---------------------------------------------------------------- server

type pgServer struct {
	host, port, user string
}

var e2eDBSeq atomic.Int64

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// needTool skips the test (fails it under CI) when a program is missing.
func needTool(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := exec.LookPath(n); err != nil {
			unavailable(t, "%s is not in PATH", n)
		}
	}
}

// skipped counts the end-to-end tests skipped for want of a server, and
// keeps the first reason, for the one line TestMain prints.
var skipped struct {
	sync.Mutex
	n      int
	reason string
}

// TestMain runs the tests, then says in one visible line when end-to-end
// tests were skipped: go test prints nothing of a passing package but
// "ok", so the line also goes to the file named by ANONDUMP_E2E_SKIPPED,
// which make test prints.
func TestMain(m *testing.M) {
	code := m.Run()
	skipped.Lock()
	defer skipped.Unlock()
	if skipped.n > 0 {
		line := fmt.Sprintf("anondump: note: %d end-to-end test(s) against PostgreSQL were SKIPPED: %s; they read the libpq variables PGHOST, PGPORT and PGUSER (default 127.0.0.1, 5432, postgres); with CI set they fail instead\n", skipped.n, skipped.reason)
		fmt.Fprint(os.Stderr, line)
		if f := os.Getenv("ANONDUMP_E2E_SKIPPED"); f != "" {
			os.WriteFile(f, []byte(line), 0o644)
		}
	}
	os.Exit(code)
}

func unavailable(t *testing.T, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if os.Getenv("CI") != "" {
		t.Fatalf("end-to-end test needs PostgreSQL and its client programs (CI is set, so this is a failure): %s", msg)
	}
	skipped.Lock()
	if skipped.n == 0 {
		skipped.reason = msg
	}
	skipped.n++
	skipped.Unlock()
	t.Skipf("skipping end-to-end test: %s (set PGHOST/PGPORT/PGUSER to reach a server; with CI set this fails instead)", msg)
}

// requirePG returns the server, or skips (fails under CI) when it cannot be
// reached.
func requirePG(t *testing.T) *pgServer {
	t.Helper()
	needTool(t, "psql", "pg_dump", "pg_isready")
	p := &pgServer{host: envOr("PGHOST", "127.0.0.1"), port: envOr("PGPORT", "5432"), user: envOr("PGUSER", "postgres")}
	if out, err := p.command("pg_isready", "-h", p.host, "-p", p.port, "-U", p.user, "-t", "5").CombinedOutput(); err != nil {
		unavailable(t, "pg_isready -h %s -p %s: %v: %s", p.host, p.port, err, bytes.TrimSpace(out))
	}
	if out, err := p.command("psql", "-X", "-q", "-A", "-t", "-d", "postgres", "-c", "SELECT 1").CombinedOutput(); err != nil {
		unavailable(t, "psql cannot connect to %s:%s as %s: %v: %s", p.host, p.port, p.user, err, bytes.TrimSpace(out))
	}
	return p
}

// command prepares a client program with the server in its environment.
func (p *pgServer) command(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env = append(os.Environ(), "PGHOST="+p.host, "PGPORT="+p.port, "PGUSER="+p.user, "PGCONNECT_TIMEOUT=10")
	return c
}

// run runs a program and returns its standard output; it fails the test
// on a non-zero exit.
func (p *pgServer) run(t *testing.T, stdin io.Reader, name string, args ...string) []byte {
	t.Helper()
	c := p.command(name, args...)
	c.Stdin = stdin
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(stderr.String(), 4000))
	}
	return stdout.Bytes()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// psqlFile runs a script file with psql -v ON_ERROR_STOP=1.
func (p *pgServer) psqlFile(t *testing.T, db, file string) {
	t.Helper()
	p.run(t, nil, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-f", file)
}

// rows runs one query and returns its rows, fields split on U+001F. Values
// that may hold newlines must be encoded by the query (hex).
func (p *pgServer) rows(t *testing.T, db, query string) [][]string {
	t.Helper()
	out := p.run(t, nil, "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-F", "\x1f", "-d", db, "-c", query)
	var rows [][]string
	for _, line := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if line == "" {
			continue
		}
		rows = append(rows, strings.Split(line, "\x1f"))
	}
	return rows
}

// value runs a query that returns one value.
func (p *pgServer) value(t *testing.T, db, query string) string {
	t.Helper()
	r := p.rows(t, db, query)
	if len(r) != 1 || len(r[0]) != 1 {
		t.Fatalf("query %q on %s returned %v, want one value", query, db, r)
	}
	return r[0][0]
}

// createDB creates an empty database and drops it when the test ends.
func (p *pgServer) createDB(t *testing.T) string {
	t.Helper()
	name := fmt.Sprintf("anondump_e2e_%d_%d", os.Getpid(), e2eDBSeq.Add(1))
	p.run(t, nil, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-c",
		"CREATE DATABASE "+quoteIdent(name)+" TEMPLATE template0 ENCODING 'UTF8'")
	p.dropAtCleanup(t, name)
	return name
}

func (p *pgServer) dropAtCleanup(t *testing.T, name string) {
	t.Cleanup(func() {
		out, err := p.command("psql", "-X", "-q", "-d", "postgres", "-c",
			"DROP DATABASE IF EXISTS "+quoteIdent(name)+" WITH (FORCE)").CombinedOutput()
		if err != nil {
			t.Errorf("dropping %s: %v: %s", name, err, out)
		}
	})
}

// loadedDB creates a database and runs a schema script in it.
func (p *pgServer) loadedDB(t *testing.T, script string) string {
	t.Helper()
	db := p.createDB(t)
	p.psqlFile(t, db, script)
	return db
}

func (p *pgServer) pgDump(t *testing.T, db string, args ...string) []byte {
	t.Helper()
	return p.run(t, nil, "pg_dump", append(args, "-d", db)...)
}

// restore loads a dump into a fresh database with ON_ERROR_STOP.
func (p *pgServer) restore(t *testing.T, dump []byte) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "restore.sql")
	if err := os.WriteFile(file, dump, 0o600); err != nil {
		t.Fatal(err)
	}
	db := p.createDB(t)
	p.psqlFile(t, db, file)
	return db
}

// e2eFiles writes a schema script and a rules file into dir and returns
// their paths.
func e2eFiles(t *testing.T, dir, schema, rules string) (schemaPath, rulesPath string) {
	t.Helper()
	schemaPath, rulesPath = filepath.Join(dir, "schema.sql"), filepath.Join(dir, "anon.yaml")
	for f, s := range map[string]string{schemaPath: schema, rulesPath: rules} {
		if err := os.WriteFile(f, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return schemaPath, rulesPath
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// dumpIdent quotes a name as pg_dump does, leaving out the quotes a
// lowercase name does not need (reserved words aside).
func dumpIdent(s string) string {
	if regexp.MustCompile(`^[a-z_][a-z0-9_$]*$`).MatchString(s) {
		return s
	}
	return quoteIdent(s)
}

func quoteLiteral(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// ---------------------------------------------------------------- anondump

type anondumpResult struct {
	code           int
	stdout, stderr []byte
}

// anondump runs the CLI in-process with key in ANONDUMP_KEY.
func anondump(t *testing.T, key string, stdin []byte, args ...string) anondumpResult {
	t.Helper()
	t.Setenv("ANONDUMP_KEY", key)
	var stdout, stderr bytes.Buffer
	code := cmd.Main(args, bytes.NewReader(stdin), &stdout, &stderr)
	return anondumpResult{code, stdout.Bytes(), stderr.Bytes()}
}

// mustAnonymize runs anondump -q -c rules on dump and requires success with
// nothing on standard error (-q: no summary).
func mustAnonymize(t *testing.T, key, rules string, dump []byte) []byte {
	t.Helper()
	r := anondump(t, key, dump, "-q", "-c", rules)
	if r.code != 0 || len(r.stderr) > 0 {
		t.Fatalf("anondump -c %s: exit %d, stderr:\n%s", rules, r.code, r.stderr)
	}
	return r.stdout
}

// ---------------------------------------------------------------- rules

// A ruleFile is a rules file read with yaml.v3 directly, independently of
// the rules package, so that the test does not share its reading.
type ruleFile struct {
	tables []*ruleTable
}

type ruleTable struct {
	schema, name string
	truncate     bool
	columns      map[string]ruleColumn
}

type ruleColumn struct {
	transform string
	short     bool              // written as `col: transformer`
	opts      map[string]string // the long form's other keys
}

func (r *ruleFile) table(schema, name string) *ruleTable {
	for _, t := range r.tables {
		if t.schema == schema && t.name == name {
			return t
		}
	}
	return nil
}

func readRules(t *testing.T, path string) *ruleFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version int `yaml:"version"`
		Tables  map[string]struct {
			Truncate bool                 `yaml:"truncate"`
			Keep     bool                 `yaml:"keep"`
			Columns  map[string]yaml.Node `yaml:"columns"`
		} `yaml:"tables"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if doc.Version != 1 {
		t.Fatalf("%s: version %d", path, doc.Version)
	}
	rf := &ruleFile{}
	for key, tr := range doc.Tables {
		if tr.Keep {
			continue // kept whole: not personal, no rule applies
		}
		schema, name := splitTableKey(t, key)
		rt := &ruleTable{schema: schema, name: name, truncate: tr.Truncate, columns: map[string]ruleColumn{}}
		for col, n := range tr.Columns {
			col = strings.Trim(col, `"`)
			switch n.Kind {
			case yaml.ScalarNode:
				if n.Value == "keep" {
					continue // kept: not personal, no rule applies
				}
				rt.columns[col] = ruleColumn{transform: n.Value, short: true}
			case yaml.MappingNode:
				opts := map[string]string{}
				if err := n.Decode(&opts); err != nil {
					t.Fatalf("%s: %s.%s: %v", path, key, col, err)
				}
				rc := ruleColumn{transform: opts["transform"], opts: opts}
				delete(opts, "transform")
				rt.columns[col] = rc
			default:
				t.Fatalf("%s: %s.%s: unexpected YAML node kind %v", path, key, col, n.Kind)
			}
		}
		rf.tables = append(rf.tables, rt)
	}
	sort.Slice(rf.tables, func(i, j int) bool {
		a, b := rf.tables[i], rf.tables[j]
		return a.schema+"\x00"+a.name < b.schema+"\x00"+b.name
	})
	return rf
}

// splitTableKey splits a table key ("users", "public.users",
// '"CRM"."Contact Person"') into schema and name.
func splitTableKey(t *testing.T, key string) (schema, name string) {
	t.Helper()
	var parts []string
	var cur strings.Builder
	quoted := false
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case c == '"' && quoted && i+1 < len(key) && key[i+1] == '"':
			cur.WriteByte('"')
			i++
		case c == '"':
			quoted = !quoted
		case c == '.' && !quoted:
			parts = append(parts, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	parts = append(parts, cur.String())
	switch len(parts) {
	case 1:
		return "public", parts[0]
	case 2:
		return parts[0], parts[1]
	}
	t.Fatalf("bad table key %q", key)
	return "", ""
}

// ---------------------------------------------------------------- catalog

type tableInfo struct {
	schema, name string
	cols         []colInfo
}

type colInfo struct {
	name, typ string
	array     bool
	pk        bool
}

func (ti *tableInfo) ident() string { return quoteIdent(ti.schema) + "." + quoteIdent(ti.name) }
func (ti *tableInfo) String() string {
	return ti.ident()
}

func (ti *tableInfo) col(name string) *colInfo {
	for i := range ti.cols {
		if ti.cols[i].name == name {
			return &ti.cols[i]
		}
	}
	return nil
}

// pkExpr is ROW(primary key columns)::text.
func (ti *tableInfo) pkExpr(t *testing.T) string {
	var cols []string
	for _, c := range ti.cols {
		if c.pk {
			cols = append(cols, quoteIdent(c.name))
		}
	}
	if len(cols) == 0 {
		t.Fatalf("table %s has no primary key; the end-to-end checks need one", ti)
	}
	return "ROW(" + strings.Join(cols, ", ") + ")::text"
}

// userTables lists the ordinary and partitioned tables of db with their
// columns, sorted by schema and name.
func (p *pgServer) userTables(t *testing.T, db string) []*tableInfo {
	t.Helper()
	rows := p.rows(t, db, `
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),
       ty.typcategory = 'A', coalesce(a.attnum = ANY (i.indkey), false)
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  JOIN pg_type ty ON ty.oid = a.atttypid
  LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
 WHERE c.relkind IN ('r', 'p')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
 ORDER BY n.nspname COLLATE "C", c.relname COLLATE "C", a.attnum`)
	var tables []*tableInfo
	for _, r := range rows {
		if len(tables) == 0 || tables[len(tables)-1].schema != r[0] || tables[len(tables)-1].name != r[1] {
			tables = append(tables, &tableInfo{schema: r[0], name: r[1]})
		}
		ti := tables[len(tables)-1]
		ti.cols = append(ti.cols, colInfo{name: r[2], typ: r[3], array: r[4] == "t", pk: r[5] == "t"})
	}
	return tables
}

func tableNames(ts []*tableInfo) []string {
	var names []string
	for _, t := range ts {
		names = append(names, t.ident())
	}
	return names
}

func (p *pgServer) count(t *testing.T, db, query string) int {
	t.Helper()
	n, err := strconv.Atoi(p.value(t, db, query))
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// textOf is the type's output function applied to x: format('%s') and
// not ::text, which writes inet as 10.0.0.1/32.
func textOf(x string) string { return "format('%s', " + x + ")" }

func hexOf(x string) string { return "encode(convert_to(" + textOf(x) + ", 'UTF8'), 'hex')" }

func unhex(t *testing.T, s string) string {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex from psql: %v", err)
	}
	return string(b)
}

// distinctValues returns the distinct non-NULL values of a column as text;
// for an array column, of its elements.
func (p *pgServer) distinctValues(t *testing.T, db string, ti *tableInfo, c *colInfo) []string {
	t.Helper()
	col := quoteIdent(c.name)
	q := "SELECT DISTINCT " + hexOf("x") + " FROM (SELECT " + col + " AS x FROM " + ti.ident() + ") s WHERE x IS NOT NULL"
	if c.array {
		q = "SELECT DISTINCT " + hexOf("x") + " FROM " + ti.ident() + ", unnest(" + col + ") AS x WHERE x IS NOT NULL"
	}
	var vals []string
	for _, r := range p.rows(t, db, q) {
		vals = append(vals, unhex(t, r[0]))
	}
	return vals
}

// valuesByKey returns primary key -> value text for the non-NULL values of
// a column.
func (p *pgServer) valuesByKey(t *testing.T, db string, ti *tableInfo, col string) map[string]string {
	t.Helper()
	c := quoteIdent(col)
	m := map[string]string{}
	for _, r := range p.rows(t, db, "SELECT "+hexOf(ti.pkExpr(t))+", "+hexOf(c)+" FROM "+ti.ident()+" WHERE "+c+" IS NOT NULL") {
		m[unhex(t, r[0])] = unhex(t, r[1])
	}
	return m
}

// ---------------------------------------------------------------- dump text

// copyEscape writes s as a COPY text field does.
func copyEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\v':
			b.WriteString(`\v`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// dumpForms are the ways a value can be written in a COPY dump: as is and
// COPY-escaped, and, for an array element, also quoted inside the array
// literal and then COPY-escaped. The element "NULL" is looked for only in
// its quoted form: bare, it is the array's NULL marker.
func dumpForms(v string, element bool) []string {
	var forms []string
	if !element || !strings.EqualFold(v, "NULL") {
		forms = append(forms, v, copyEscape(v))
	}
	if element {
		forms = append(forms, copyEscape(`"`+strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v)+`"`))
	}
	return forms
}

// textIndex counts the occurrences of substrings of a large text.
type textIndex struct{ sa *suffixarray.Index }

func newTextIndex(b []byte) textIndex { return textIndex{suffixarray.New(b)} }

func (x textIndex) count(s string) int { return len(x.sa.Lookup([]byte(s), -1)) }

var copyHeader = regexp.MustCompile(`^COPY (.+) \(.*\) FROM stdin;$`)

// copyBlock is one COPY block of a dump.
type copyBlock struct {
	header string
	table  string // as written after COPY
	rows   int
}

// splitDump separates a plain dump into the lines outside COPY data and its
// COPY blocks. A COPY header is a line "COPY t (cols) FROM stdin;" after an
// empty line, as pg_dump writes it; COPY text inside function bodies or
// comments in the test schemas does not have that shape.
func splitDump(t *testing.T, dump []byte) (outside []string, blocks []copyBlock) {
	t.Helper()
	lines := strings.SplitAfter(string(dump), "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		outside = append(outside, line)
		m := copyHeader.FindStringSubmatch(strings.TrimSuffix(line, "\n"))
		if m == nil || i == 0 || lines[i-1] != "\n" {
			continue
		}
		b := copyBlock{header: line, table: m[1]}
		for i++; i < len(lines) && lines[i] != "\\.\n"; i++ {
			b.rows++
		}
		if i == len(lines) {
			t.Fatalf("COPY block %s has no \\. line", b.table)
		}
		outside = append(outside, lines[i])
		blocks = append(blocks, b)
	}
	return outside, blocks
}

// maskRestrict blanks the random keys of \restrict and \unrestrict, which
// differ in every pg_dump run.
var restrictLine = regexp.MustCompile(`(?m)^\\(un)?restrict [A-Za-z0-9]+$`)

func maskRestrict(b []byte) []byte { return restrictLine.ReplaceAll(b, []byte(`\${1}restrict KEY`)) }

// ---------------------------------------------------------------- tests

// TestE2EAnonymize anonymizes a real dump of testdata/e2e/schema.sql with
// testdata/e2e/anon.yaml, restores it, and compares the databases.
func TestE2EAnonymize(t *testing.T) {
	p := requirePG(t)
	start := time.Now()
	src := p.loadedDB(t, e2eSchema)
	dump := p.pgDump(t, src)
	rf := readRules(t, e2eRules)

	safe := mustAnonymize(t, e2eKey, e2eRules, dump)
	dst := p.restore(t, safe)
	t.Logf("load, dump (%d bytes), anonymize, restore: %v", len(dump), time.Since(start).Round(time.Millisecond))

	srcTables := p.userTables(t, src)
	dstTables := p.userTables(t, dst)
	if got, want := tableNames(dstTables), tableNames(srcTables); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("restored tables %v, source tables %v", got, want)
	}
	if len(srcTables) < 6 {
		t.Fatalf("only %d tables in the source: did the schema load?", len(srcTables))
	}

	// Every rule names a real table and column.
	byName := map[[2]string]*tableInfo{}
	for _, ti := range srcTables {
		byName[[2]string{ti.schema, ti.name}] = ti
	}
	for _, rt := range rf.tables {
		ti := byName[[2]string{rt.schema, rt.name}]
		if ti == nil {
			t.Fatalf("%s names table %s.%s, which the schema does not have", e2eRules, rt.schema, rt.name)
		}
		for col := range rt.columns {
			if ti.col(col) == nil {
				t.Fatalf("%s names column %s.%q, which the schema does not have", e2eRules, ti, col)
			}
		}
	}

	t.Run("dump structure", func(t *testing.T) {
		// Outside COPY data the output is the input, byte for byte; every
		// COPY block keeps its rows, except truncated tables, which keep
		// their block with no rows.
		srcOut, srcBlocks := splitDump(t, dump)
		dstOut, dstBlocks := splitDump(t, safe)
		if len(srcOut) != len(dstOut) {
			t.Fatalf("%d lines outside COPY data in the source dump, %d in the output", len(srcOut), len(dstOut))
		}
		for i := range srcOut {
			if srcOut[i] != dstOut[i] {
				t.Fatalf("line %d outside COPY data changed:\n-%q\n+%q", i+1, srcOut[i], dstOut[i])
			}
		}
		if len(srcBlocks) != len(dstBlocks) {
			t.Fatalf("%d COPY blocks in the source, %d in the output", len(srcBlocks), len(dstBlocks))
		}
		truncated := map[string]bool{}
		for _, rt := range rf.tables {
			if rt.truncate {
				truncated[dumpIdent(rt.schema)+"."+dumpIdent(rt.name)] = true
			}
		}
		for i, sb := range srcBlocks {
			db := dstBlocks[i]
			want := sb.rows
			if truncated[sb.table] {
				want = 0
			}
			if db.rows != want {
				t.Errorf("COPY %s: %d rows in the output, want %d (source %d)", sb.table, db.rows, want, sb.rows)
			}
		}
	})

	t.Run("row counts", func(t *testing.T) {
		for _, ti := range srcTables {
			n := p.count(t, src, "SELECT count(*) FROM "+ti.ident())
			m := p.count(t, dst, "SELECT count(*) FROM "+ti.ident())
			want := n
			if rt := rf.table(ti.schema, ti.name); rt != nil && rt.truncate {
				want = 0
				if n == 0 {
					t.Errorf("%s is truncated by the rules but empty in the source: the check proves nothing", ti)
				}
			}
			if m != want {
				t.Errorf("%s: %d rows restored, want %d (source has %d)", ti, m, want, n)
			}
		}
	})

	t.Run("constraints and joins", func(t *testing.T) {
		// The restore ran with ON_ERROR_STOP and pg_dump adds PRIMARY KEY,
		// UNIQUE and FOREIGN KEY constraints after the data, so they hold.
		// Check that they exist, and the joins the rules must keep.
		const constraints = "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname IN ('public', 'CRM') AND c.contype IN ('p', 'u', 'f')"
		if got, want := p.count(t, dst, constraints), p.count(t, src, constraints); got != want || got == 0 {
			t.Errorf("restored database has %d PK/UNIQUE/FK constraints, source %d", got, want)
		}
		if n := p.count(t, dst, "SELECT count(*) FROM public.orders o LEFT JOIN public.users u ON u.id = o.user_id WHERE u.id IS NULL"); n != 0 {
			t.Errorf("%d orders have no user", n)
		}
		if n := p.count(t, dst, "SELECT count(*) FROM public.orders o JOIN public.users u ON u.id = o.user_id WHERE o.email IS DISTINCT FROM u.email"); n != 0 {
			t.Errorf("%d orders have an email different from their user's: the shared email domain did not keep the join", n)
		}
		if n := p.count(t, dst, "SELECT count(*) FROM public.orders"); n == 0 {
			t.Error("no orders restored")
		}
	})

	t.Run("schema unchanged", func(t *testing.T) {
		a := maskRestrict(p.pgDump(t, src, "--schema-only"))
		b := maskRestrict(p.pgDump(t, dst, "--schema-only"))
		if !bytes.Equal(a, b) {
			t.Errorf("pg_dump --schema-only of the restored database differs from the source's")
		}
	})

	// The values of every ruled column, by primary key, before and after.
	type columnValues struct {
		ti            *tableInfo
		col           string
		rc            ruleColumn
		before, after map[string]string
	}
	var ruled []columnValues
	for _, rt := range rf.tables {
		if rt.truncate {
			continue
		}
		ti := byName[[2]string{rt.schema, rt.name}]
		cols := make([]string, 0, len(rt.columns))
		for col := range rt.columns {
			cols = append(cols, col)
		}
		sort.Strings(cols)
		for _, col := range cols {
			ruled = append(ruled, columnValues{ti, col, rt.columns[col], p.valuesByKey(t, src, ti, col), p.valuesByKey(t, dst, ti, col)})
		}
	}

	// Fake values: the values of ruled columns that differ from the
	// original of their row, each followed by NUL. An original value found
	// in the output is accepted only when each of its occurrences lies
	// inside such a fake value (a fake first name can be a real first name).
	// A value passed through unchanged is no fake, so it is not accepted.
	var fakes strings.Builder
	for _, cv := range ruled {
		if cv.rc.transform == "const" || cv.rc.transform == "mask" {
			continue // their output is derived from, or can equal, the input
		}
		for k, v := range cv.after {
			if b, ok := cv.before[k]; !ok || b != v {
				fakes.WriteString(copyEscape(v))
				fakes.WriteByte(0)
			}
		}
	}
	fakeIndex := newTextIndex([]byte(fakes.String()))
	safeIndex := newTextIndex(safe)

	t.Run("no original value in the output", func(t *testing.T) {
		checked, coincidences := 0, 0
		for _, rt := range rf.tables {
			ti := byName[[2]string{rt.schema, rt.name}]
			var cols []string
			if rt.truncate {
				// The text columns of a truncated table: its numbers and
				// dates can occur anywhere else.
				for _, c := range ti.cols {
					if textual(c.typ) {
						cols = append(cols, c.name)
					}
				}
			} else {
				for col := range rt.columns {
					cols = append(cols, col)
				}
			}
			sort.Strings(cols)
			for _, col := range cols {
				c := ti.col(col)
				for _, v := range p.distinctValues(t, src, ti, c) {
					if utf8.RuneCountInString(v) < 4 {
						continue
					}
					checked++
					for _, form := range dumpForms(v, c.array) {
						n := safeIndex.count(form)
						if n == 0 {
							continue
						}
						if !rt.truncate && n == fakeIndex.count(form) {
							coincidences++
							continue
						}
						t.Errorf("%s.%s: an original value (%d bytes, starting %q) appears %d times in the anonymized dump",
							ti, quoteIdent(col), len(v), firstRunes(v, 12), n)
						break
					}
				}
			}
		}
		t.Logf("%d distinct original values checked; %d are also fake values and occur only as such", checked, coincidences)
		if checked < 1000 {
			t.Errorf("only %d values checked", checked)
		}
	})

	t.Run("ruled values changed", func(t *testing.T) {
		for _, cv := range ruled {
			switch cv.rc.transform {
			case "set_null", "const", "mask":
				continue // NULL: checked below; const and mask may equal some input
			}
			kept := map[string]bool{}
			distinct := map[string]bool{}
			for k, v := range cv.before {
				if utf8.RuneCountInString(v) < 4 {
					continue
				}
				distinct[v] = true
				if a, ok := cv.after[k]; ok && a == v {
					kept[v] = true
				}
			}
			// A keyed transformer maps a value to itself by chance with a
			// probability of one in the size of its output space.
			if len(kept) > max(1, len(distinct)/100) {
				t.Errorf("%s.%s: %d of %d distinct values are unchanged", cv.ti, quoteIdent(cv.col), len(kept), len(distinct))
			} else if len(kept) > 0 {
				t.Logf("%s.%s: %d of %d distinct values map to themselves by chance", cv.ti, quoteIdent(cv.col), len(kept), len(distinct))
			}
			if len(distinct) == 0 {
				t.Errorf("%s.%s: no values to compare", cv.ti, quoteIdent(cv.col))
			}
		}
	})

	t.Run("NULLs", func(t *testing.T) {
		for _, rt := range rf.tables {
			if rt.truncate {
				continue
			}
			ti := byName[[2]string{rt.schema, rt.name}]
			for col, rc := range rt.columns {
				q := "SELECT count(*) FROM " + ti.ident() + " WHERE " + quoteIdent(col) + " IS NULL"
				n, m := p.count(t, src, q), p.count(t, dst, q)
				want := n
				if rc.transform == "set_null" {
					want = p.count(t, src, "SELECT count(*) FROM "+ti.ident())
				}
				if m != want {
					t.Errorf("%s.%s: %d NULLs after, want %d (%d before)", ti, quoteIdent(col), m, want, n)
				}
				if c := ti.col(col); c.array {
					// Arrays keep their length and their NULL elements.
					shape := "SELECT " + hexOf(ti.pkExpr(t)) + ", coalesce(array_to_string(ARRAY(SELECT CASE WHEN e IS NULL THEN 'n' ELSE 'v' END FROM unnest(" +
						quoteIdent(col) + ") AS e), ''), 'NULL') FROM " + ti.ident() + " ORDER BY 1"
					a, b := p.rows(t, src, shape), p.rows(t, dst, shape)
					if fmt.Sprint(a) != fmt.Sprint(b) {
						t.Errorf("%s.%s: array lengths or NULL elements changed", ti, quoteIdent(col))
					}
				}
			}
		}
	})

	t.Run("unruled columns identical", func(t *testing.T) {
		compared := 0
		for _, ti := range srcTables {
			rt := rf.table(ti.schema, ti.name)
			if rt != nil && rt.truncate {
				continue
			}
			var cols []string
			for _, c := range ti.cols {
				if rt == nil || rt.columns[c.name].transform == "" {
					cols = append(cols, quoteIdent(c.name))
				}
			}
			if len(cols) == 0 {
				continue
			}
			q := "SELECT count(*), md5(coalesce(string_agg(x, E'\\n' ORDER BY x COLLATE \"C\"), '')) FROM (SELECT ROW(" +
				strings.Join(cols, ", ") + ")::text AS x FROM " + ti.ident() + ") s"
			a, b := p.rows(t, src, q), p.rows(t, dst, q)
			if fmt.Sprint(a) != fmt.Sprint(b) {
				t.Errorf("%s: columns %s differ: source %v, restored %v", ti, strings.Join(cols, ", "), a, b)
			}
			compared++
		}
		if compared < 5 {
			t.Errorf("only %d tables compared", compared)
		}
	})

	t.Run("deterministic", func(t *testing.T) {
		again := mustAnonymize(t, e2eKey, e2eRules, dump)
		if !bytes.Equal(again, safe) {
			t.Error("two runs with the same key gave different output")
		}
		other := mustAnonymize(t, e2eKey2, e2eRules, dump)
		if bytes.Equal(other, safe) {
			t.Error("a different key gave the same output")
		}
		// The key also works from --key-file.
		keyFile := filepath.Join(t.TempDir(), "key")
		if err := os.WriteFile(keyFile, []byte(e2eKey+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("ANONDUMP_KEY", "")
		os.Unsetenv("ANONDUMP_KEY")
		var out, errb bytes.Buffer
		if code := cmd.Main([]string{"-c", e2eRules, "--key-file", keyFile}, bytes.NewReader(dump), &out, &errb); code != 0 {
			t.Fatalf("--key-file: exit %d: %s", code, errb.Bytes())
		}
		if !bytes.Equal(out.Bytes(), safe) {
			t.Error("--key-file with the same key gave different output than ANONDUMP_KEY")
		}
	})
	t.Logf("total %v", time.Since(start).Round(time.Millisecond))
}

// textual reports whether a column type (format_type) holds text.
func textual(typ string) bool {
	for _, p := range []string{"text", "character", "bytea", "json", "uuid", "inet", "citext"} {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i] + "…"
		}
		n--
	}
	return s
}

// TestE2EFailClosed cuts a real dump in the middle of a COPY block: anondump
// must exit 1, name the line, leave no output file and print no value.
func TestE2EFailClosed(t *testing.T) {
	p := requirePG(t)
	src := p.loadedDB(t, e2eSchema)
	dump := p.pgDump(t, src)

	var emails []string
	for _, q := range []string{
		"SELECT email FROM public.users", "SELECT email FROM public.orders",
		`SELECT "eMail" FROM "CRM"."Contact Person" WHERE "eMail" IS NOT NULL`,
	} {
		for _, r := range p.rows(t, src, q) {
			emails = append(emails, r[0])
		}
	}
	if len(emails) < 1000 {
		t.Fatalf("only %d emails in the source", len(emails))
	}

	header := bytes.Index(dump, []byte("\nCOPY public.users ("))
	if header < 0 {
		t.Fatal("no COPY block for public.users in the dump")
	}
	end := bytes.Index(dump[header+1:], []byte("\n\\.\n"))
	if end < 0 {
		t.Fatal("the COPY block for public.users has no end")
	}
	mid := header + 1 + end/2
	lineEnd := mid + bytes.IndexByte(dump[mid:], '\n') + 1
	cases := map[string][]byte{
		"mid-row":      dump[:mid],     // the last row is cut
		"row-boundary": dump[:lineEnd], // whole rows, no \. line
	}
	lineRef := regexp.MustCompile(`:[0-9]+: |line [0-9]+`)
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			inFile := filepath.Join(dir, "in.sql")
			if err := os.WriteFile(inFile, in, 0o600); err != nil {
				t.Fatal(err)
			}
			outFile := filepath.Join(dir, "out.sql")
			r := anondump(t, e2eKey, nil, "-c", e2eRules, "-o", outFile, inFile)
			t.Logf("exit %d, stderr: %s", r.code, bytes.TrimSpace(r.stderr))
			if r.code != 1 {
				t.Errorf("exit code %d, want 1", r.code)
			}
			if !lineRef.Match(r.stderr) {
				t.Errorf("stderr does not name a line: %s", r.stderr)
			}
			if _, err := os.Stat(outFile); !os.IsNotExist(err) {
				t.Errorf("%s exists after a failed run (stat: %v)", outFile, err)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("files left in the output directory: %v", names)
			}
			if len(r.stdout) != 0 {
				t.Errorf("%d bytes on stdout with -o", len(r.stdout))
			}

			// A file already at the -o path is left as it was.
			previous := []byte("-- the previous safe dump\n")
			if err := os.WriteFile(outFile, previous, 0o644); err != nil {
				t.Fatal(err)
			}
			if again := anondump(t, e2eKey, nil, "-c", e2eRules, "-o", outFile, inFile); again.code != 1 {
				t.Errorf("with an existing output file: exit %d", again.code)
			}
			if got, err := os.ReadFile(outFile); err != nil || !bytes.Equal(got, previous) {
				t.Errorf("the existing output file changed (err %v)", err)
			}

			// Through a pipe: exit 1 and a line number too.
			piped := anondump(t, e2eKey, in, "-c", e2eRules)
			if piped.code != 1 || !lineRef.Match(piped.stderr) {
				t.Errorf("from stdin: exit %d, stderr %s", piped.code, piped.stderr)
			}
			for _, e := range emails {
				if bytes.Contains(r.stderr, []byte(e)) || bytes.Contains(piped.stderr, []byte(e)) {
					t.Fatalf("stderr contains a source email value")
				}
			}
		})
	}
}

// TestE2EIdentity checks that rules without tables give back pg_dump's
// output byte for byte, for real dumps of the e2e database.
func TestE2EIdentity(t *testing.T) {
	p := requirePG(t)
	src := p.loadedDB(t, e2eSchema)
	rules := filepath.Join(t.TempDir(), "empty.yaml")
	// No rules, and strict coverage off: everything passes, each table
	// with a warning.
	if err := os.WriteFile(rules, []byte("version: 1\nstrict: false\ntables: {}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	same := func(t *testing.T, dump []byte) {
		t.Helper()
		r := anondump(t, e2eKey, dump, "-q", "-c", rules)
		if r.code != 0 {
			t.Fatalf("exit %d, stderr: %s", r.code, r.stderr)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(r.stderr)), "\n") {
			if l != "" && !strings.HasPrefix(l, "anondump: warning: ") {
				t.Fatalf("stderr holds more than warnings: %q", l)
			}
		}
		if !bytes.Equal(r.stdout, dump) {
			i := 0
			for i < len(dump) && i < len(r.stdout) && dump[i] == r.stdout[i] {
				i++
			}
			t.Fatalf("output (%d bytes) differs from the input (%d bytes) at byte %d", len(r.stdout), len(dump), i)
		}
	}
	for _, args := range [][]string{nil, {"-C"}, {"-C", "-c", "--if-exists"}, {"--inserts"}, {"--column-inserts", "--rows-per-insert=7"}} {
		t.Run("pg_dump"+strings.Join(args, ""), func(t *testing.T) {
			same(t, p.pgDump(t, src, args...))
		})
	}
	t.Run("pg_dump -Z6", func(t *testing.T) {
		// pg_dump's own gzip output is read as the plain dump inside it
		// (and written as text with --compress none; see compress_e2e_test.go).
		plain := p.pgDump(t, src)
		r := anondump(t, e2eKey, p.pgDump(t, src, "-Z", "6"), "-q", "-c", rules, "--compress", "none")
		if r.code != 0 || !bytes.Equal(maskRestrict(r.stdout), maskRestrict(plain)) {
			t.Fatalf("exit %d, %d bytes out for a %d-byte plain dump; stderr: %s", r.code, len(r.stdout), len(plain), r.stderr)
		}
	})
	t.Run("stamp", func(t *testing.T) {
		// --stamp adds one comment line on top, and the dump still restores.
		dump := p.pgDump(t, src)
		r := anondump(t, e2eKey, dump, "-q", "--stamp", "-c", rules)
		line, rest, _ := bytes.Cut(r.stdout, []byte("\n"))
		if r.code != 0 || !bytes.HasPrefix(line, []byte("-- anondump ")) || !bytes.Equal(rest, dump) {
			t.Fatalf("exit %d, first line %q; stderr: %s", r.code, line, r.stderr)
		}
		if bytes.Contains(line, []byte(e2eKey)) {
			t.Fatal("the stamp holds the key")
		}
		p.restore(t, r.stdout)
	})
	t.Run("pg_dumpall", func(t *testing.T) {
		needTool(t, "pg_dumpall")
		// Every other database is excluded by its exact (quoted) name; the
		// list is read again if a database disappears meanwhile.
		var dump []byte
		for attempt := 0; ; attempt++ {
			args := []string{"--no-role-passwords"}
			for _, r := range p.rows(t, "postgres", "SELECT datname FROM pg_database WHERE datname <> "+quoteLiteral(src)) {
				args = append(args, "--exclude-database="+quoteIdent(r[0]))
			}
			c := p.command("pg_dumpall", args...)
			var stdout, stderr bytes.Buffer
			c.Stdout, c.Stderr = &stdout, &stderr
			err := c.Run()
			if err == nil {
				dump = stdout.Bytes()
				break
			}
			if attempt == 2 {
				t.Fatalf("pg_dumpall: %v: %s", err, stderr.Bytes())
			}
		}
		if !bytes.Contains(dump, []byte("\\connect "+src)) {
			t.Fatalf("pg_dumpall output has no \\connect %s", src)
		}
		same(t, dump)
	})
}

// TestE2EExample runs examples/anon.yaml on examples/dump.sql and restores
// the output, so the example cannot rot.
func TestE2EExample(t *testing.T) {
	rf := readRules(t, exampleRules)

	// The example shows every transformer and every feature.
	used := map[string]bool{}
	features := map[string]bool{}
	for _, rt := range rf.tables {
		if rt.truncate {
			features["truncate"] = true
		}
		for _, rc := range rt.columns {
			used[rc.transform] = true
			if rc.short {
				features["short form"] = true
			}
			if rc.opts["unique"] == "true" {
				features["unique"] = true
			}
			if rc.opts["domain"] != "" {
				features["domain"] = true
			}
		}
	}
	for _, n := range fakers.Names() {
		if !used[n] {
			t.Errorf("%s does not show the transformer %s", exampleRules, n)
		}
	}
	for _, f := range []string{"truncate", "short form", "unique", "domain"} {
		if !features[f] {
			t.Errorf("%s does not show %s", exampleRules, f)
		}
	}
	var out, errb bytes.Buffer
	if code := cmd.Main([]string{"validate", "-c", exampleRules}, nil, &out, &errb); code != 0 {
		t.Fatalf("anondump validate -c %s: exit %d: %s", exampleRules, code, errb.Bytes())
	}

	p := requirePG(t)
	dump, err := os.ReadFile(exampleDump)
	if err != nil {
		t.Fatal(err)
	}
	safe := mustAnonymize(t, e2eKey, exampleRules, dump)
	dst := p.restore(t, safe)

	// dump.sql is the pg_dump of schema.sql (when pg_dump is the version
	// that wrote it).
	src := p.loadedDB(t, exampleSchema)
	fresh := p.pgDump(t, src)
	versionLine := regexp.MustCompile(`(?m)^-- Dumped by pg_dump version .*$`)
	if v1, v2 := versionLine.Find(dump), versionLine.Find(fresh); !bytes.Equal(v1, v2) {
		t.Logf("not comparing %s with a fresh dump of %s: %q vs %q", exampleDump, exampleSchema, v1, v2)
	} else if !bytes.Equal(maskRestrict(dump), maskRestrict(fresh)) {
		t.Errorf("%s is not the pg_dump of %s; regenerate it (see the top of %s)", exampleDump, exampleSchema, exampleSchema)
	}

	for _, ti := range p.userTables(t, src) {
		n := p.count(t, src, "SELECT count(*) FROM "+ti.ident())
		m := p.count(t, dst, "SELECT count(*) FROM "+ti.ident())
		want := n
		if rt := rf.table(ti.schema, ti.name); rt != nil && rt.truncate {
			want = 0
		}
		if m != want || n == 0 {
			t.Errorf("%s: %d rows restored, want %d (source %d)", ti, m, want, n)
		}
	}
	for _, q := range []string{
		"SELECT count(*) FROM public.orders o JOIN public.customers c ON c.id = o.customer_id WHERE o.customer_email <> c.email",
		`SELECT count(*) FROM "Support"."Ticket Notes" n JOIN public.customers c ON c.id = n.customer_id WHERE n."Reported By" <> c.email`,
		`SELECT count(*) FROM "Support"."Ticket Notes" WHERE "Attachment" IS NOT NULL`,
		"SELECT count(*) FROM public.customers WHERE email NOT LIKE '%@example.___'",
		`SELECT count(*) FROM public.customers WHERE recovery_email !~ '^[a-zé]\*\*\*@(outlook|proton)\.test$'`,
		`SELECT count(*) FROM public.customers WHERE loyalty_card !~ '^LC-\d{4}-\d{4}$' OR title NOT IN ('Ms', 'Mr', 'Mrs', 'Dr', 'Mx')`,
		`SELECT count(*) FROM public.customers WHERE passport_no !~ '^#{6}[0-9]{3}$'`,
		`SELECT count(*) FROM public.customers WHERE national_id !~ '^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$' OR national_id LIKE 'QQ%'`,
	} {
		if n := p.count(t, dst, q); n != 0 {
			t.Errorf("%s: %d, want 0", q, n)
		}
	}
	for _, r := range p.rows(t, src, "SELECT email FROM public.customers UNION SELECT username FROM public.customers UNION SELECT last_name FROM public.customers"+
		" UNION SELECT recovery_email FROM public.customers WHERE recovery_email IS NOT NULL UNION SELECT loyalty_card FROM public.customers") {
		if bytes.Contains(safe, []byte(r[0])) {
			t.Errorf("the anonymized example contains the original value %q", r[0])
		}
	}
}

// TestE2EExampleMakefile runs the dev-db and safe-dump targets of
// examples/Makefile against the local server.
func TestE2EExampleMakefile(t *testing.T) {
	p := requirePG(t)
	needTool(t, "make", "sha256sum", "go", "bash")
	dir := t.TempDir()
	bin := filepath.Join(dir, "anondump")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	src := p.loadedDB(t, exampleSchema)
	devDB := fmt.Sprintf("anondump_e2e_%d_%d_dev", os.Getpid(), e2eDBSeq.Add(1))
	p.dropAtCleanup(t, devDB)
	conn := func(db string) string {
		return fmt.Sprintf("host=%s port=%s user=%s dbname=%s", p.host, p.port, p.user, db)
	}
	safe := filepath.Join(dir, "out", "safe.sql") // the Makefile creates out/
	makeArgs := []string{"-f", "examples/Makefile",
		"ANONDUMP=" + bin, "RULES=" + exampleRules, "DEV_DB=" + devDB, "DEV_URL=" + conn("postgres"),
		"SAFE_DUMP=" + safe}

	run := func(args ...string) ([]byte, error) {
		c := p.command("make", append(makeArgs, args...)...)
		c.Env = append(c.Env, "ANONDUMP_KEY="+e2eKey)
		return c.CombinedOutput()
	}
	start := time.Now()
	out, err := run("dev-db", "safe-dump", "SOURCE_URL="+conn(src))
	if err != nil {
		t.Fatalf("make dev-db safe-dump: %v\n%s", err, out)
	}
	t.Logf("make dev-db safe-dump: %v", time.Since(start).Round(time.Millisecond))
	for _, ti := range p.userTables(t, src) {
		n := p.count(t, src, "SELECT count(*) FROM "+ti.ident())
		m := p.count(t, devDB, "SELECT count(*) FROM "+ti.ident())
		want := n
		if ti.name == "sessions" {
			want = 0
		}
		if m != want {
			t.Errorf("%s in %s: %d rows, want %d", ti, devDB, m, want)
		}
	}
	if n := p.count(t, devDB, "SELECT count(*) FROM public.customers WHERE email NOT LIKE '%@example.___'"); n != 0 {
		t.Errorf("%d customers in %s keep a real email", n, devDB)
	}
	c := exec.Command("sha256sum", "-c", "safe.sql.sha256")
	c.Dir = filepath.Dir(safe)
	if out, err := c.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}
	data, err := os.ReadFile(safe)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("COPY public.customers ")) || bytes.Contains(data, []byte("@gmail.test")) {
		t.Errorf("%s is not an anonymized dump of the example", safe)
	}

	// Without SOURCE_URL both targets refuse to run.
	for _, target := range []string{"dev-db", "safe-dump"} {
		out, err := run(target)
		if err == nil || !bytes.Contains(out, []byte("SOURCE_URL")) {
			t.Errorf("make %s without SOURCE_URL: err %v, output:\n%s", target, err, out)
		}
	}

	// A failure in the middle of the pipe fails make: these rules pass
	// validate but name a column the dump does not have, so anondump
	// stops with exit 2 while psql has already restored part of the dump.
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("version: 1\nstrict: false\ntables:\n  public.orders:\n    columns:\n      no_such_column: lorem\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(safe + ".sha256")
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"dev-db", "safe-dump"} {
		out, err := run(target, "SOURCE_URL="+conn(src), "RULES="+bad)
		if err == nil || !bytes.Contains(out, []byte("no_such_column")) {
			t.Errorf("make %s with a failing anondump: err %v, output:\n%s", target, err, out)
		}
	}
	// The failed safe-dump left the previous dump and checksum alone.
	c = exec.Command("sha256sum", "-c", "safe.sql.sha256")
	c.Dir = filepath.Dir(safe)
	if out, err := c.CombinedOutput(); err != nil {
		t.Errorf("sha256sum -c after a failed safe-dump: %v\n%s", err, out)
	}
	if sum2, _ := os.ReadFile(safe + ".sha256"); !bytes.Equal(sum, sum2) {
		t.Error("a failed safe-dump changed the checksum file")
	}
}

// TestE2ESkipIsVisible: without a reachable server, the end-to-end tests
// skip (CI unset) and say so in one line, where make test prints it.
func TestE2ESkipIsVisible(t *testing.T) {
	if os.Getenv("ANONDUMP_E2E_SKIPPED") != "" {
		t.Skip("inside the run this test starts")
	}
	if testing.Short() {
		t.Skip("runs go test again")
	}
	file := filepath.Join(t.TempDir(), "skipped")
	c := exec.Command("go", "test", "-count=1", "-run", "^TestE2EIdentity$", ".")
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CI=") && !strings.HasPrefix(kv, "PGPORT=") {
			env = append(env, kv)
		}
	}
	c.Env = append(env, "PGPORT=1", "ANONDUMP_E2E_SKIPPED="+file)
	out, err := c.CombinedOutput()
	if err != nil {
		t.Fatalf("go test: %v\n%s", err, out)
	}
	line, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no skip line written: %v\n%s", err, out)
	}
	if !bytes.HasPrefix(line, []byte("anondump: note: 1 end-to-end test(s) against PostgreSQL were SKIPPED: ")) || !bytes.Contains(line, []byte("PGHOST, PGPORT and PGUSER")) {
		t.Errorf("skip line %q", line)
	}
}

// TestE2EArchives: the core test database as tar and directory archives
// (-Fc: archive_e2e_test.go): a directory needs -o DIR; each archive,
// converted to plain with --format plain, restores with psql to the
// tables the plain dump's run restores to.
func TestE2EArchives(t *testing.T) {
	p := requirePG(t)
	src := p.loadedDB(t, e2eSchema)
	dir := t.TempDir()
	want := p.tableContents(t, p.restore(t, mustAnonymize(t, e2eKey, e2eRules, p.pgDump(t, src))))
	for _, tc := range []struct{ format, file string }{{"t", "db.tar"}, {"d", "db.dir"}, {"c", "db.dump"}} {
		t.Run(tc.format, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			p.pgDump(t, src, "-F"+tc.format, "-f", path)
			if tc.format == "d" {
				r := anondump(t, e2eKey, nil, "-q", "-c", e2eRules, path)
				if r.code != 2 || !strings.Contains(string(r.stderr), "a directory archive needs -o DIR") || len(r.stdout) > 0 {
					t.Errorf("a directory to stdout: exit %d: %s", r.code, r.stderr)
				}
			}
			r := anondump(t, e2eKey, nil, "-q", "-c", e2eRules, "--format", "plain", path)
			if r.code != 0 {
				t.Fatalf("--format plain %s: exit %d: %s", tc.file, r.code, r.stderr)
			}
			got := p.tableContents(t, p.restore(t, r.stdout))
			for table, rows := range want {
				if !bytes.Equal(got[table], rows) {
					t.Errorf("%s to plain: table %s differs from the plain dump's run", tc.file, table)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s to plain: %d tables, want %d", tc.file, len(got), len(want))
			}
		})
	}
}
