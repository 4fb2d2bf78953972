package main

// End-to-end tests of subsets: a where: or sample: on a table cascades
// along the dump's foreign keys (rows pointing at dropped rows are dropped,
// or their column set to NULL under ON DELETE SET NULL), and
// only_referenced: keeps only the rows that surviving rows reference. Each
// run's output is restored with psql -v ON_ERROR_STOP=1 or pg_restore
// --exit-on-error, which creates every foreign key after the data, and
// the restored rows are compared with two references computed on the
// original database: hand-written SQL (recursive CTEs for the reply
// chains and the teams/members cycle) and a fixed-point cascade in Go over
// the rows read with COPY TO STDOUT, which also serves the random graphs.

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const (
	subsetSchema = "testdata/subset/schema.sql"
	// The rules of the fixed schema, each strict and keeping every
	// table whole: subsetKeepRules without a filter, subsetWhereRules
	// with users' where: "deleted_at IS NULL", subsetSampleRules with
	// users' sample: 20% and addresses' only_referenced: true.
	subsetKeepRules   = "testdata/subset/keep.yaml"
	subsetWhereRules  = "testdata/subset/where.yaml"
	subsetSampleRules = "testdata/subset/sample.yaml"
)

// subsetTables are the tables of testdata/subset/schema.sql.
var subsetTables = []string{"addresses", "members", "messages", "order_items", "orders", "products", "reviews", "sessions", "teams", "users"}

// ---------------------------------------------------------------- rules

// subsetRules is a strict rules file (version 1, strict coverage) that
// keeps every table of tables whole (`keep: true`), with extra[table]
// added to that table's rule, e.g. `where: "deleted_at IS NULL"`.
func subsetRules(tables []string, extra map[string]string) string {
	var b strings.Builder
	b.WriteString("version: 1\ntables:\n")
	sorted := append([]string(nil), tables...)
	sort.Strings(sorted)
	for _, name := range sorted {
		fmt.Fprintf(&b, "  public.%s:\n    keep: true\n", name)
		if x := extra[name]; x != "" {
			for _, l := range strings.Split(x, "\n") {
				fmt.Fprintf(&b, "    %s\n", l)
			}
		}
	}
	return b.String()
}

// subsetRulesCover fails unless a rules file keeps exactly the tables
// of testdata/subset whole (keep: true), so that a strict run has nothing
// uncovered, and gives the filters want (table -> key -> value as text).
func subsetRulesCover(t *testing.T, path string, want map[string]map[string]string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Version int                          `yaml:"version"`
		Tables  map[string]map[string]string `yaml:"tables"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if doc.Version != 1 || len(doc.Tables) != len(subsetTables) {
		t.Errorf("%s: version %d, %d tables; want version 1 and the %d tables of the schema", path, doc.Version, len(doc.Tables), len(subsetTables))
	}
	for _, n := range subsetTables {
		rule, ok := doc.Tables["public."+n]
		if !ok || rule["keep"] != "true" {
			t.Errorf("%s: public.%s is not kept whole (keep: true)", path, n)
		}
		for k, v := range rule {
			if k != "keep" && want[n][k] != v {
				t.Errorf("%s: public.%s has %s: %q, not expected", path, n, k, v)
			}
		}
		for k, v := range want[n] {
			if rule[k] != v {
				t.Errorf("%s: public.%s has %s: %q, want %q", path, n, k, rule[k], v)
			}
		}
	}
}

// ---------------------------------------------------------------- inputs

// subsetInput is one pg_dump of the original database in one format.
type subsetInput struct {
	kind string // "plain", "custom" or "directory"
	path string // the dump file or directory
	ext  string // the output's name ending: ".sql", ".dump", ".d"
}

// subsetDumps dumps db into dir as a plain file, a custom archive (-Fc)
// and a directory (-Fd).
func (p *pgServer) subsetDumps(t *testing.T, db, dir string, kinds ...string) []subsetInput {
	t.Helper()
	var ins []subsetInput
	for _, k := range kinds {
		var in subsetInput
		switch k {
		case "plain":
			in = subsetInput{k, filepath.Join(dir, "in.sql"), ".sql"}
			p.pgDump(t, db, "-f", in.path)
		case "custom":
			in = subsetInput{k, filepath.Join(dir, "in.dump"), ".dump"}
			p.pgDump(t, db, "-Fc", "-f", in.path)
		case "directory":
			in = subsetInput{k, filepath.Join(dir, "in.d"), ".d"}
			p.pgDump(t, db, "-Fd", "-f", in.path)
		case "tar":
			in = subsetInput{k, filepath.Join(dir, "in.tar"), ".tar"}
			p.pgDump(t, db, "-Ft", "-f", in.path)
		default:
			t.Fatalf("unknown dump kind %q", k)
		}
		ins = append(ins, in)
	}
	return ins
}

// subsetRun runs anondump -q -c rules -o out in under key and fails the
// test unless it exits 0.
func subsetRun(t *testing.T, key, rules, in, out string) {
	t.Helper()
	if r := anondump(t, key, nil, "-q", "-c", rules, "-o", out, in); r.code != 0 {
		t.Fatalf("anondump -c %s -o %s %s: exit %d\n%s", filepath.Base(rules), filepath.Base(out), filepath.Base(in), r.code, tail(string(r.stderr), 4000))
	}
}

// restoreAny restores a run's output into a new database: a plain script
// with psql -v ON_ERROR_STOP=1, an archive with pg_restore
// --exit-on-error. Either fails the test when a row breaks a foreign key.
func (p *pgServer) restoreAny(t *testing.T, kind, path string) string {
	t.Helper()
	if kind == "plain" {
		db := p.createDB(t)
		p.psqlFile(t, db, path)
		return db
	}
	return p.pgRestore(t, path, nil)
}

// sameOutput fails unless two runs' outputs (files or directories) hold
// the same bytes.
func sameOutput(t *testing.T, what, a, b string) {
	t.Helper()
	if st, err := os.Stat(a); err == nil && st.IsDir() {
		sameFiles(t, what, dirFiles(t, b), dirFiles(t, a))
		return
	}
	x, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Errorf("%s: the outputs differ (%d and %d bytes)", what, len(x), len(y))
	}
}

// ---------------------------------------------------------------- rows and keys

// subsetFK is a single-column foreign key of a database.
type subsetFK struct {
	name          string // the constraint's name
	child, parent string // tables, schema.name
	col, refCol   int    // column indexes in child and parent
	setNull       bool   // ON DELETE SET NULL
	nullable      bool   // the child column may hold NULL
}

// subsetTable is a table's rows as COPY TO STDOUT writes them: fields in
// column order, `\N` for NULL.
type subsetTable struct {
	info *tableInfo
	cols []string
	pk   int // the index of the (single) primary key column
	rows [][]string
}

func (st *subsetTable) colIndex(t *testing.T, name string) int {
	t.Helper()
	for i, c := range st.cols {
		if c == name {
			return i
		}
	}
	t.Fatalf("%s has no column %s", st.info, name)
	return -1
}

// subsetDB is a database's tables, rows and foreign keys.
type subsetDB struct {
	tables map[string]*subsetTable // by schema.name
	fks    []subsetFK
}

// copyRows reads a table with COPY TO STDOUT, one []string of fields per
// row, in the order of its columns.
func (p *pgServer) copyRows(t *testing.T, db string, ti *tableInfo) [][]string {
	t.Helper()
	out := p.run(t, nil, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", "COPY "+ti.ident()+" TO STDOUT")
	var rows [][]string
	for _, l := range strings.Split(strings.TrimSuffix(string(out), "\n"), "\n") {
		if l != "" {
			rows = append(rows, strings.Split(l, "\t"))
		}
	}
	return rows
}

// readSubsetDB reads every user table of db (each must have a one-column
// primary key) and its single-column foreign keys.
func (p *pgServer) readSubsetDB(t *testing.T, db string) *subsetDB {
	t.Helper()
	sd := &subsetDB{tables: map[string]*subsetTable{}}
	for _, ti := range p.userTables(t, db) {
		st := &subsetTable{info: ti, pk: -1}
		for i, c := range ti.cols {
			st.cols = append(st.cols, c.name)
			if c.pk {
				if st.pk >= 0 {
					t.Fatalf("%s: the subset checks need a one-column primary key", ti)
				}
				st.pk = i
			}
		}
		if st.pk < 0 {
			t.Fatalf("%s has no primary key; the subset checks need one", ti)
		}
		st.rows = p.copyRows(t, db, ti)
		sd.tables[ti.schema+"."+ti.name] = st
	}
	if n := p.count(t, db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND cardinality(conkey) <> 1"); n != 0 {
		t.Fatalf("%d foreign keys of several columns: the subset checks handle one column", n)
	}
	for _, r := range p.rows(t, db, `
SELECT con.conname, cn.nspname || '.' || c.relname, pn.nspname || '.' || pc.relname,
       a.attname, pa.attname, con.confdeltype = 'n', NOT a.attnotnull
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace cn ON cn.oid = c.relnamespace
  JOIN pg_class pc ON pc.oid = con.confrelid
  JOIN pg_namespace pn ON pn.oid = pc.relnamespace
  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
  JOIN pg_attribute pa ON pa.attrelid = con.confrelid AND pa.attnum = con.confkey[1]
 WHERE con.contype = 'f'
 ORDER BY con.conname COLLATE "C"`) {
		child, parent := sd.tables[r[1]], sd.tables[r[2]]
		if child == nil || parent == nil {
			t.Fatalf("foreign key %s: %s or %s is not a user table", r[0], r[1], r[2])
		}
		sd.fks = append(sd.fks, subsetFK{name: r[0], child: r[1], parent: r[2],
			col: child.colIndex(t, r[3]), refCol: parent.colIndex(t, r[4]), setNull: r[5] == "t", nullable: r[6] == "t"})
	}
	return sd
}

// subsetKeep says which rows of a table its own filter (where: or
// sample:) keeps; a table without one keeps every row.
type subsetKeep map[string]func(row []string) bool

// cascade is the reference: the rows of every table that a subset keeps,
// as sorted COPY lines. It starts from the rows that keep selects, then
// repeats until nothing changes: a row whose foreign key points at a
// dropped row is dropped, or, when the key is ON DELETE SET NULL on a
// nullable column, keeps the row with that column NULL; a row of a table
// in onlyReferenced is dropped when no kept row points at it. NULL
// references point at nothing. The fixed point covers self-references
// and cycles.
func (sd *subsetDB) cascade(t *testing.T, keep subsetKeep, onlyReferenced map[string]bool) map[string][]string {
	t.Helper()
	alive := map[string][]bool{}
	vals := map[string][][]string{}
	for name, st := range sd.tables {
		a := make([]bool, len(st.rows))
		v := make([][]string, len(st.rows))
		for i, r := range st.rows {
			a[i] = keep[name] == nil || keep[name](r)
			v[i] = append([]string(nil), r...)
		}
		alive[name], vals[name] = a, v
	}
	// index[fk] maps a referenced value to the parent's row.
	index := make([]map[string]int, len(sd.fks))
	for i, fk := range sd.fks {
		m := map[string]int{}
		for j, r := range sd.tables[fk.parent].rows {
			m[r[fk.refCol]] = j
		}
		index[i] = m
	}
	for changed := true; changed; {
		changed = false
		for i, fk := range sd.fks {
			for j, r := range vals[fk.child] {
				if !alive[fk.child][j] || r[fk.col] == `\N` {
					continue
				}
				pj, ok := index[i][r[fk.col]]
				if !ok {
					t.Fatalf("%s: %s row %d points at no row of %s", fk.name, fk.child, j, fk.parent)
				}
				if alive[fk.parent][pj] {
					continue
				}
				if fk.setNull && fk.nullable {
					r[fk.col] = `\N`
				} else {
					alive[fk.child][j] = false
				}
				changed = true
			}
		}
		for name := range onlyReferenced {
			used := make([]bool, len(sd.tables[name].rows))
			for i, fk := range sd.fks {
				if fk.parent != name {
					continue
				}
				for j, r := range vals[fk.child] {
					if alive[fk.child][j] && r[fk.col] != `\N` {
						used[index[i][r[fk.col]]] = true
					}
				}
			}
			for j, u := range used {
				if alive[name][j] && !u {
					alive[name][j] = false
					changed = true
				}
			}
		}
	}
	out := map[string][]string{}
	for name, v := range vals {
		lines := []string{}
		for j, r := range v {
			if alive[name][j] {
				lines = append(lines, strings.Join(r, "\t"))
			}
		}
		sort.Strings(lines)
		out[name] = lines
	}
	return out
}

// pkSet is the primary keys of some lines of a table, sorted.
func (st *subsetTable) pkSet(lines []string) []string {
	keys := make([]string, 0, len(lines))
	for _, l := range lines {
		keys = append(keys, strings.Split(l, "\t")[st.pk])
	}
	sort.Strings(keys)
	return keys
}

// restoredLines is every table of db as sorted COPY lines, by schema.name.
func (p *pgServer) restoredLines(t *testing.T, db string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, ti := range p.userTables(t, db) {
		lines := []string{}
		for _, r := range p.copyRows(t, db, ti) {
			lines = append(lines, strings.Join(r, "\t"))
		}
		sort.Strings(lines)
		out[ti.schema+"."+ti.name] = lines
	}
	return out
}

// sameRows compares each table's restored rows with the reference,
// naming the first few primary keys that are missing or extra.
func sameRows(t *testing.T, what string, sd *subsetDB, got, want map[string][]string) {
	t.Helper()
	for _, n := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[n]
		if !ok {
			t.Errorf("%s: table %s was not restored", what, n)
			continue
		}
		if strings.Join(g, "\n") == strings.Join(want[n], "\n") {
			continue
		}
		missing, extra := lineDiff(want[n], g)
		t.Errorf("%s: table %s: %d rows restored, want %d; missing %d (keys %v), extra or changed %d (keys %v)",
			what, n, len(g), len(want[n]), len(missing), firstKeys(sd.tables[n], missing), len(extra), firstKeys(sd.tables[n], extra))
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d tables restored, want %d", what, len(got), len(want))
	}
}

// lineDiff is the lines of want not in got and of got not in want; both
// are sorted.
func lineDiff(want, got []string) (missing, extra []string) {
	i, j := 0, 0
	for i < len(want) || j < len(got) {
		switch {
		case j == len(got) || i < len(want) && want[i] < got[j]:
			missing = append(missing, want[i])
			i++
		case i == len(want) || got[j] < want[i]:
			extra = append(extra, got[j])
			j++
		default:
			i++
			j++
		}
	}
	return missing, extra
}

// firstKeys is the primary keys of the first five lines, for messages.
func firstKeys(st *subsetTable, lines []string) []string {
	keys := st.pkSet(lines)
	if len(keys) > 5 {
		keys = append(keys[:5], "…")
	}
	return keys
}

// onDeleteClause is the ON DELETE action of pg_get_constraintdef's text.
var onDeleteClause = regexp.MustCompile(` ON DELETE (CASCADE|RESTRICT|SET DEFAULT|NO ACTION)`)

// pgCascade is PostgreSQL's own cascade, a reference independent of the
// Go one: a new database loaded from schema whose foreign keys all say ON
// DELETE CASCADE (those with ON DELETE SET NULL, on nullable columns,
// stay), in which deletes run. It returns that database's rows, as
// restoredLines does.
func (p *pgServer) pgCascade(t *testing.T, schema string, deletes ...string) map[string][]string {
	t.Helper()
	db := p.loadedDB(t, schema)
	var script strings.Builder
	script.WriteString("BEGIN;\n")
	for _, r := range p.rows(t, db, `SELECT conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid), confdeltype = 'n'
  FROM pg_constraint WHERE contype = 'f' ORDER BY conname COLLATE "C"`) {
		if r[3] == "t" {
			continue
		}
		fmt.Fprintf(&script, "ALTER TABLE %s DROP CONSTRAINT %s, ADD CONSTRAINT %s %s ON DELETE CASCADE;\n", r[0], r[1], r[1], onDeleteClause.ReplaceAllString(r[2], ""))
	}
	for _, d := range deletes {
		script.WriteString(d + ";\n")
	}
	script.WriteString("COMMIT;\n")
	p.run(t, strings.NewReader(script.String()), "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-f", "-")
	return p.restoredLines(t, db)
}

// foreignKeys counts the foreign keys of db.
func (p *pgServer) foreignKeys(t *testing.T, db string) int {
	t.Helper()
	return p.count(t, db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'")
}

// ---------------------------------------------------------------- the SQL reference

// subsetRefSQL is the hand-written reference for testdata/subset: for each
// table, a query on the original database that returns the primary keys
// the subset keeps, when the users of goneUsers (a query returning ids)
// are dropped and the cascade follows the foreign keys; with
// onlyRefAddresses, addresses keeps only what kept users reference.
// "reviews.user_id" returns id:user_id of every review, with the user_id
// the subset writes (NULL, as "NULL", for a dropped user).
func subsetRefSQL(goneUsers string, onlyRefAddresses bool) map[string]string {
	with := `WITH RECURSIVE gone_users(id) AS (` + goneUsers + `),
kept_users AS (SELECT u.* FROM users u WHERE u.id NOT IN (SELECT id FROM gone_users)),
kept_orders AS (SELECT o.* FROM orders o WHERE o.user_id NOT IN (SELECT id FROM gone_users)),
-- a message goes with its author or with the message it replies to
gone_messages(id) AS (
    SELECT m.id FROM messages m WHERE m.user_id IN (SELECT id FROM gone_users)
    UNION
    SELECT m.id FROM messages m JOIN gone_messages g ON m.reply_to = g.id),
-- a member goes with its user or its team; a team with its lead
gone_tm(kind, id) AS (
    SELECT 'm', m.id FROM members m WHERE m.user_id IN (SELECT id FROM gone_users)
    UNION
    SELECT n.kind, n.id FROM gone_tm g, LATERAL (
        SELECT 't', t.id FROM teams t WHERE g.kind = 'm' AND t.lead_id = g.id
        UNION ALL
        SELECT 'm', m.id FROM members m WHERE g.kind = 't' AND m.team_id = g.id) n(kind, id))
`
	addresses := `SELECT id FROM addresses`
	if onlyRefAddresses {
		addresses = `SELECT DISTINCT address_id FROM kept_users WHERE address_id IS NOT NULL`
	}
	q := map[string]string{
		"public.users":       `SELECT id FROM kept_users`,
		"public.addresses":   addresses,
		"public.products":    `SELECT id FROM products`,
		"public.orders":      `SELECT id FROM kept_orders`,
		"public.order_items": `SELECT i.id FROM order_items i JOIN kept_orders o ON o.id = i.order_id`,
		"public.sessions":    `SELECT id FROM sessions WHERE user_id IS NULL OR user_id NOT IN (SELECT id FROM gone_users)`,
		"public.messages":    `SELECT id FROM messages WHERE id NOT IN (SELECT id FROM gone_messages)`,
		"public.reviews":     `SELECT id FROM reviews`,
		"public.members":     `SELECT id FROM members WHERE id NOT IN (SELECT id FROM gone_tm WHERE kind = 'm')`,
		"public.teams":       `SELECT id FROM teams WHERE id NOT IN (SELECT id FROM gone_tm WHERE kind = 't')`,
		"reviews.user_id": `SELECT id || ':' || coalesce((CASE WHEN user_id IN (SELECT id FROM gone_users) THEN NULL ELSE user_id END)::text, 'NULL')
  FROM reviews`,
	}
	for k, v := range q {
		q[k] = with + v
	}
	return q
}

// restoredKeys is the restored side of subsetRefSQL: the same keys read
// from a restored database.
func restoredKeys() map[string]string {
	q := map[string]string{"reviews.user_id": `SELECT id || ':' || coalesce(user_id::text, 'NULL') FROM reviews`}
	for _, n := range subsetTables {
		q["public."+n] = "SELECT id::text FROM public." + n
	}
	return q
}

// column returns the first field of each row, sorted.
func (p *pgServer) column(t *testing.T, db, query string) []string {
	t.Helper()
	vals := []string{}
	for _, r := range p.rows(t, db, query) {
		vals = append(vals, r[0])
	}
	sort.Strings(vals)
	return vals
}

// sqlKeys runs each query of qs on db.
func (p *pgServer) sqlKeys(t *testing.T, db string, qs map[string]string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for k, q := range qs {
		out[k] = p.column(t, db, q)
	}
	return out
}

// sameKeys compares two results of sqlKeys.
func sameKeys(t *testing.T, what string, got, want map[string][]string) {
	t.Helper()
	for _, n := range slices.Sorted(maps.Keys(want)) {
		if strings.Join(got[n], ",") != strings.Join(want[n], ",") {
			missing, extra := lineDiff(want[n], got[n])
			t.Errorf("%s: %s: %d keys, want %d; missing %d %v, extra %d %v", what, n, len(got[n]), len(want[n]), len(missing), head(missing), len(extra), head(extra))
		}
	}
}

// head is the first five of s, for messages.
func head(s []string) []string {
	if len(s) > 5 {
		return append(s[:5:5], "…")
	}
	return s
}

// refFromCascade is the Go reference in the shape of subsetRefSQL.
func refFromCascade(t *testing.T, sd *subsetDB, lines map[string][]string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, n := range subsetTables {
		out["public."+n] = sd.tables["public."+n].pkSet(lines["public."+n])
	}
	rv := sd.tables["public.reviews"]
	uc := rv.colIndex(t, "user_id")
	var ru []string
	for _, l := range lines["public.reviews"] {
		f := strings.Split(l, "\t")
		u := f[uc]
		if u == `\N` {
			u = "NULL"
		}
		ru = append(ru, f[rv.pk]+":"+u)
	}
	sort.Strings(ru)
	out["reviews.user_id"] = ru
	return out
}

// idArray is ids as a PostgreSQL array literal of bigint.
func idArray(ids []string) string { return "'{" + strings.Join(ids, ",") + "}'::bigint[]" }

// ---------------------------------------------------------------- the fixed schema

// TestE2ESubset runs the filtered (where:) and sampled (sample:,
// only_referenced:) rules of testdata/subset on a plain file, a custom
// archive and a directory, restores each output and compares it with the
// references; a plain dump on a pipe must be refused before any output.
// The "reference" and "unfiltered" subtests check the references and the
// plumbing without any subset feature.
func TestE2ESubset(t *testing.T) {
	p := requirePG(t)
	needTool(t, "pg_restore")
	src := p.loadedDB(t, subsetSchema)
	dir := t.TempDir()
	ins := p.subsetDumps(t, src, dir, "plain", "custom", "directory", "tar")
	orig := p.readSubsetDB(t, src)
	fkCount := p.foreignKeys(t, src)
	if fkCount != 12 || len(orig.fks) != 12 {
		t.Fatalf("the schema has %d foreign keys (%d read), want 12", fkCount, len(orig.fks))
	}

	// The schema and its references, before anything runs: the two
	// references agree, and the data has what the cascade must handle.
	deleted := orig.tables["public.users"].colIndex(t, "deleted_at")
	liveUsers := subsetKeep{"public.users": func(r []string) bool { return r[deleted] == `\N` }}
	filteredRef := orig.cascade(t, liveUsers, nil)
	filteredSQL := p.sqlKeys(t, src, subsetRefSQL(`SELECT id FROM users WHERE deleted_at IS NOT NULL`, false))
	sameKeys(t, "SQL reference against the Go cascade (where:)", filteredSQL, refFromCascade(t, orig, filteredRef))
	t.Run("reference", func(t *testing.T) {
		// The sampled run's references, for a sample of every fifth user.
		uid := orig.tables["public.users"].pk
		fifth := orig.cascade(t, subsetKeep{"public.users": func(r []string) bool {
			id, err := strconv.Atoi(r[uid])
			return err == nil && id%5 == 0
		}}, map[string]bool{"public.addresses": true})
		sameKeys(t, "SQL reference against the Go cascade (a sample, only_referenced)",
			p.sqlKeys(t, src, subsetRefSQL("SELECT id FROM users WHERE id % 5 <> 0", true)), refFromCascade(t, orig, fifth))
		sameRows(t, "PostgreSQL's ON DELETE CASCADE against the Go cascade (a sample, only_referenced)", orig,
			p.pgCascade(t, subsetSchema, "DELETE FROM users WHERE id % 5 <> 0",
				"DELETE FROM addresses WHERE id NOT IN (SELECT address_id FROM users WHERE address_id IS NOT NULL)"), fifth)
		subsetRulesCover(t, subsetKeepRules, nil)
		subsetRulesCover(t, subsetWhereRules, map[string]map[string]string{"users": {"where": "deleted_at IS NULL"}})
		subsetRulesCover(t, subsetSampleRules, map[string]map[string]string{"users": {"sample": "20%"}, "addresses": {"only_referenced": "true"}})
		sameRows(t, "PostgreSQL's ON DELETE CASCADE against the Go cascade", orig,
			p.pgCascade(t, subsetSchema, "DELETE FROM users WHERE deleted_at IS NOT NULL"), filteredRef)
		for q, want := range map[string]int{
			// messages at depth 5 or more below their root
			`WITH RECURSIVE d(id, depth) AS (SELECT id, 0 FROM messages WHERE reply_to IS NULL
			   UNION ALL SELECT m.id, d.depth + 1 FROM messages m JOIN d ON m.reply_to = d.id)
			 SELECT count(*) FROM d WHERE depth >= 5`: 5 * 417,
			`SELECT count(*) FROM users WHERE deleted_at IS NOT NULL`: 429,
			// replies stored before the message they reply to (odd threads)
			`SELECT count(*) FROM messages m JOIN messages r ON r.id = m.reply_to WHERE m.ctid < r.ctid`: 11 * 208,
		} {
			if n := p.count(t, src, q); n != want {
				t.Errorf("%s: %d, want %d", q, n, want)
			}
		}
		gone := map[string]int{}
		for _, n := range subsetTables {
			gone[n] = len(orig.tables["public."+n].rows) - len(filteredSQL["public."+n])
		}
		t.Logf("where: deleted_at IS NULL drops %v", gone)
		if gone["addresses"] != 0 || gone["products"] != 0 || gone["reviews"] != 0 || gone["users"] != 429 {
			t.Errorf("the where: drops %v: only users (429), and rows that reference them, may go", gone)
		}
		for _, n := range []string{"orders", "order_items", "sessions", "messages", "members", "teams"} {
			if gone[n] == 0 {
				t.Errorf("the where: drops no %s: the test would not see the cascade", n)
			}
		}
		for q, what := range map[string]string{
			// dropped only through the chain: its author is not deleted
			`WITH RECURSIVE gone(id) AS (SELECT m.id FROM messages m JOIN users u ON u.id = m.user_id WHERE u.deleted_at IS NOT NULL
			   UNION SELECT m.id FROM messages m JOIN gone ON m.reply_to = gone.id)
			 SELECT count(*) FROM messages m JOIN users u ON u.id = m.user_id WHERE u.deleted_at IS NULL AND m.id IN (SELECT id FROM gone)`: "messages dropped through reply_to alone",
			`SELECT count(*) FROM reviews r JOIN users u ON u.id = r.user_id WHERE u.deleted_at IS NOT NULL`: "reviews of deleted users (to be set NULL)",
			`SELECT count(*) FROM reviews WHERE user_id IS NULL`:                                             "reviews without a user",
			`SELECT count(*) FROM sessions WHERE user_id IS NULL`:                                            "sessions without a user",
			`SELECT count(*) FROM members m JOIN users u ON u.id = m.user_id WHERE u.deleted_at IS NULL AND m.team_id IN
			   (SELECT t.id FROM teams t JOIN members l ON l.id = t.lead_id JOIN users lu ON lu.id = l.user_id WHERE lu.deleted_at IS NOT NULL)`: "members dropped with their team (through the cycle)",
			`SELECT count(*) FROM addresses WHERE id NOT IN (SELECT address_id FROM users WHERE address_id IS NOT NULL)`: "addresses no user references",
			`SELECT count(*) FROM users WHERE address_id IS NULL`:                                                        "users without an address",
		} {
			if p.count(t, src, q) == 0 {
				t.Errorf("the data has no %s", what)
			}
		}
	})

	// Unfiltered, strict and kept whole: every format restores to the
	// original rows. This is the plumbing the subset runs below rely on.
	t.Run("unfiltered", func(t *testing.T) {
		rules := subsetKeepRules
		want := orig.cascade(t, nil, nil)
		for _, in := range ins {
			out := filepath.Join(dir, "keep-"+in.kind+in.ext)
			subsetRun(t, e2eKey, rules, in.path, out)
			db := p.restoreAny(t, in.kind, out)
			sameRows(t, in.kind, orig, p.restoredLines(t, db), want)
		}
	})

	filterRules := subsetWhereRules

	t.Run("filtered", func(t *testing.T) {
		for _, in := range ins {
			t.Run(in.kind, func(t *testing.T) {
				out := filepath.Join(dir, "where-"+in.kind+in.ext)
				subsetRun(t, e2eKey, filterRules, in.path, out)
				db := p.restoreAny(t, in.kind, out)
				if n := p.foreignKeys(t, db); n != fkCount {
					t.Errorf("%d foreign keys restored, want %d", n, fkCount)
				}
				sameKeys(t, "restored keys against the SQL reference", p.sqlKeys(t, db, restoredKeys()), filteredSQL)
				sameRows(t, "restored rows against the Go cascade", orig, p.restoredLines(t, db), filteredRef)
			})
		}
	})

	t.Run("sampled", func(t *testing.T) {
		rules := subsetSampleRules
		users := len(orig.tables["public.users"].rows)
		lo, hi := users*20*70/10000, users*20*130/10000
		// check restores out, and compares it with both references for
		// the users it kept, which it returns.
		check := func(t *testing.T, kind, out string) []string {
			t.Helper()
			db := p.restoreAny(t, kind, out)
			if n := p.foreignKeys(t, db); n != fkCount {
				t.Errorf("%s: %d foreign keys restored, want %d", kind, n, fkCount)
			}
			kept := p.column(t, db, "SELECT id::text FROM users")
			if len(kept) < lo || len(kept) > hi {
				t.Errorf("%s: %d of %d users kept, want 20%% ± 30%% (%d to %d)", kind, len(kept), users, lo, hi)
			}
			in := map[string]bool{}
			for _, id := range kept {
				in[id] = true
			}
			uid := orig.tables["public.users"].pk
			ref := orig.cascade(t, subsetKeep{"public.users": func(r []string) bool { return in[r[uid]] }}, map[string]bool{"public.addresses": true})
			sameRows(t, kind+": restored rows against the Go cascade", orig, p.restoredLines(t, db), ref)
			refSQL := p.sqlKeys(t, src, subsetRefSQL("SELECT id FROM users WHERE id <> ALL ("+idArray(kept)+")", true))
			sameKeys(t, kind+": restored keys against the SQL reference", p.sqlKeys(t, db, restoredKeys()), refSQL)
			return kept
		}
		var first []string
		for _, in := range ins {
			out, again := filepath.Join(dir, "sample-"+in.kind+in.ext), filepath.Join(dir, "sample-again-"+in.kind+in.ext)
			subsetRun(t, e2eKey, rules, in.path, out)
			subsetRun(t, e2eKey, rules, in.path, again)
			sameOutput(t, in.kind+": the same key twice", out, again)
			kept := check(t, in.kind, out)
			if first == nil {
				first = kept
			} else if strings.Join(kept, ",") != strings.Join(first, ",") {
				t.Errorf("%s: %d users kept, not the %d of the %s run (the sample must not depend on the format)", in.kind, len(kept), len(first), ins[0].kind)
			}
		}
		out2 := filepath.Join(dir, "sample-key2.sql")
		subsetRun(t, e2eKey2, rules, ins[0].path, out2)
		other := check(t, ins[0].kind, out2) // ins[0] is the plain file
		if strings.Join(other, ",") == strings.Join(first, ",") {
			t.Error("another key kept the same users")
		}
		both := 0
		set := map[string]bool{}
		for _, id := range first {
			set[id] = true
		}
		for _, id := range other {
			if set[id] {
				both++
			}
		}
		// Independent 20% samples share about 20% of their rows.
		if both*2 > len(first) {
			t.Errorf("two keys' samples share %d of %d users: not independent", both, len(first))
		}
	})

	t.Run("pipe refused", func(t *testing.T) {
		plain, err := os.ReadFile(ins[0].path)
		if err != nil {
			t.Fatal(err)
		}
		refused := func(t *testing.T, how string, code int, stdout, stderr []byte) {
			t.Helper()
			if code == 0 || len(stdout) > 0 {
				t.Errorf("%s: exit %d with %d bytes on stdout; want a non-zero exit before any output", how, code, len(stdout))
			}
			for _, s := range []string{"public.users", "pg_dump -Fc"} {
				if !bytes.Contains(stderr, []byte(s)) {
					t.Errorf("%s: stderr does not name %q:\n%s", how, s, tail(string(stderr), 2000))
				}
			}
		}
		for _, args := range [][]string{{"-q", "-c", filterRules}, {"-q", "-c", filterRules, "-"}, {"-q", "-c", subsetSampleRules, "-"}} {
			r := anondump(t, e2eKey, plain, args...)
			refused(t, "in-process, stdin, -c "+filepath.Base(args[2])+" "+strings.Join(args[3:], " "), r.code, r.stdout, r.stderr)
		}
		// The binary, with a real pipe on stdin.
		bin := buildAnondump(t, t.TempDir())
		c := exec.Command(bin, "-q", "-c", filterRules)
		c.Env = append(os.Environ(), "ANONDUMP_KEY="+e2eKey)
		c.Stdin = bytes.NewReader(plain) // exec gives the process a pipe
		var stdout, stderr bytes.Buffer
		c.Stdout, c.Stderr = &stdout, &stderr
		err = c.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		refused(t, "the binary on a pipe", code, stdout.Bytes(), stderr.Bytes())

		// A custom archive on a pipe: its TOC gives the foreign keys
		// first, but its data puts order_items before orders and orders
		// before users, so one pass cannot do: refused before any output,
		// naming the tables.
		custom, err := os.ReadFile(ins[1].path)
		if err != nil {
			t.Fatal(err)
		}
		r := anondump(t, e2eKey, custom, "-q", "-c", filterRules)
		if r.code == 0 || len(r.stdout) > 0 || !bytes.Contains(r.stderr, []byte("public.users")) || !bytes.Contains(r.stderr, []byte("pass the archive as a file")) {
			t.Errorf("a custom archive on a pipe: exit %d, %d bytes on stdout:\n%s", r.code, len(r.stdout), tail(string(r.stderr), 2000))
		}
	})

	// A custom archive on a pipe whose order allows one pass (every table
	// after the tables whose keys it needs) is rewritten in that pass and
	// restores with every foreign key valid.
	t.Run("archive pipe, one pass", func(t *testing.T) {
		schema := filepath.Join(t.TempDir(), "one.sql")
		if err := os.WriteFile(schema, []byte(`CREATE TABLE a_users (id int PRIMARY KEY, deleted_at timestamptz);
CREATE TABLE b_orders (id int PRIMARY KEY, user_id int NOT NULL REFERENCES a_users);
CREATE TABLE c_notes (id int PRIMARY KEY, order_id int REFERENCES b_orders ON DELETE SET NULL);
INSERT INTO a_users SELECT g, CASE WHEN g % 5 = 0 THEN now() END FROM generate_series(1, 100) g;
INSERT INTO b_orders SELECT g, 1 + g % 100 FROM generate_series(1, 300) g;
INSERT INTO c_notes SELECT g, 1 + g % 300 FROM generate_series(1, 300) g;
`), 0o600); err != nil {
			t.Fatal(err)
		}
		db := p.loadedDB(t, schema)
		rules := filepath.Join(t.TempDir(), "one.yaml")
		if err := os.WriteFile(rules, []byte("version: 1\ntables:\n  a_users:\n    where: \"deleted_at IS NULL\"\n    keep: true\n  b_orders:\n    keep: true\n  c_notes:\n    keep: true\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		r := anondump(t, e2eKey, p.pgDump(t, db, "-Fc"), "-q", "-c", rules)
		if r.code != 0 {
			t.Fatalf("exit %d:\n%s", r.code, r.stderr)
		}
		out := filepath.Join(t.TempDir(), "out.dump")
		if err := os.WriteFile(out, r.stdout, 0o600); err != nil {
			t.Fatal(err)
		}
		got := p.pgRestore(t, out, nil)
		counts := strings.TrimSpace(string(p.run(t, nil, "psql", "-X", "-At", "-d", got, "-c",
			"SELECT (SELECT count(*) FROM a_users), (SELECT count(*) FROM b_orders), (SELECT count(*) FROM c_notes WHERE order_id IS NULL)")))
		// 20 users go, their 60 orders with them, and the 60 notes on
		// those orders lose their order.
		if counts != "80|240|60" {
			t.Errorf("users|orders|notes without order = %s, want 80|240|60", counts)
		}
	})
}

// ---------------------------------------------------------------- random graphs

// randFK is a foreign key of a random graph: a column of a table that
// references an earlier table's id (or its unique code).
type randFK struct {
	col      string
	parent   int
	toCode   bool   // references the parent's code column, not its id
	nullable bool   // the column may hold NULL (and some rows do)
	onDelete string // "NO ACTION", "RESTRICT", "CASCADE" or "SET NULL" (only when nullable)
}

// randTable is a table of a random graph: id integer PRIMARY KEY, code
// integer UNIQUE, v integer NOT NULL (0 to 99, for the filters), then one
// integer column per foreign key.
type randTable struct {
	name string
	rows int
	fks  []randFK
}

// randGraph is a random schema whose foreign keys form a DAG (a table
// references only tables created before it), with row filters `v > N` on
// one or two tables, at least one of them referenced.
type randGraph struct {
	seed    int64
	tables  []randTable
	filters map[int]int // table index -> N
}

// newRandGraph draws a graph of 5 to 8 tables from seed.
func newRandGraph(seed int64) *randGraph {
	rng := rand.New(rand.NewSource(seed))
	g := &randGraph{seed: seed, filters: map[int]int{}}
	n := 5 + rng.Intn(4)
	used := map[string]bool{}
	for i := 0; i < n; i++ {
		// Random names, so the dump's (alphabetical) data order is not
		// the order of the foreign keys.
		var name string
		for name == "" || used[name] {
			b := []byte("r_")
			for k := 0; k < 4; k++ {
				b = append(b, byte('a'+rng.Intn(26)))
			}
			name = string(b)
		}
		used[name] = true
		tb := randTable{name: name, rows: 100 + rng.Intn(300)}
		nfk := 0
		if i > 0 {
			nfk = rng.Intn(4)
			if i == 1 && nfk == 0 {
				nfk = 1
			}
		}
		for k := 0; k < nfk; k++ {
			fk := randFK{col: fmt.Sprintf("ref%d", k), parent: rng.Intn(i), toCode: rng.Intn(4) == 0, nullable: rng.Intn(2) == 0}
			actions := []string{"NO ACTION", "RESTRICT", "CASCADE"}
			if fk.nullable {
				actions = append(actions, "SET NULL", "SET NULL")
			}
			fk.onDelete = actions[rng.Intn(len(actions))]
			tb.fks = append(tb.fks, fk)
		}
		g.tables = append(g.tables, tb)
	}
	var referenced []int
	isRef := map[int]bool{}
	for _, tb := range g.tables {
		for _, fk := range tb.fks {
			if !isRef[fk.parent] {
				isRef[fk.parent] = true
				referenced = append(referenced, fk.parent)
			}
		}
	}
	sort.Ints(referenced)
	g.filters[referenced[rng.Intn(len(referenced))]] = 20 + rng.Intn(61)
	if rng.Intn(2) == 0 {
		g.filters[rng.Intn(n)] = 20 + rng.Intn(61)
	}
	return g
}

// schemaSQL creates the graph's tables, fills them (rows in a shuffled
// order, foreign keys to random parent rows, NULL in one nullable key of
// 6), and adds the foreign keys after the data, as pg_dump does. The rows
// come from the seed too: every call writes the same script.
func (g *randGraph) schemaSQL() string {
	var b strings.Builder
	rng := rand.New(rand.NewSource(g.seed ^ 0x5eed))
	codes := make([][]int, len(g.tables)) // codes[t][id-1]
	for i, tb := range g.tables {
		fmt.Fprintf(&b, "CREATE TABLE public.%s (id integer PRIMARY KEY, code integer NOT NULL UNIQUE, v integer NOT NULL", tb.name)
		for _, fk := range tb.fks {
			fmt.Fprintf(&b, ", %s integer", fk.col)
			if !fk.nullable {
				b.WriteString(" NOT NULL")
			}
		}
		b.WriteString(");\n")
		codes[i] = rng.Perm(tb.rows)
		fmt.Fprintf(&b, "COPY public.%s FROM stdin;\n", tb.name)
		for _, j := range rng.Perm(tb.rows) {
			id := j + 1
			fmt.Fprintf(&b, "%d\t%d\t%d", id, 1000+codes[i][j], rng.Intn(100))
			for _, fk := range tb.fks {
				pj := rng.Intn(g.tables[fk.parent].rows)
				switch {
				case fk.nullable && rng.Intn(6) == 0:
					b.WriteString("\t\\N")
				case fk.toCode:
					fmt.Fprintf(&b, "\t%d", 1000+codes[fk.parent][pj])
				default:
					fmt.Fprintf(&b, "\t%d", pj+1)
				}
			}
			b.WriteString("\n")
		}
		b.WriteString("\\.\n")
	}
	for _, tb := range g.tables {
		for _, fk := range tb.fks {
			ref := "id"
			if fk.toCode {
				ref = "code"
			}
			fmt.Fprintf(&b, "ALTER TABLE public.%s ADD FOREIGN KEY (%s) REFERENCES public.%s (%s) ON DELETE %s;\n",
				tb.name, fk.col, g.tables[fk.parent].name, ref, fk.onDelete)
		}
	}
	return b.String()
}

// names is the graph's table names.
func (g *randGraph) names() []string {
	var ns []string
	for _, tb := range g.tables {
		ns = append(ns, tb.name)
	}
	return ns
}

// rulesYAML keeps every table whole, with the filters as where:.
func (g *randGraph) rulesYAML() string {
	extra := map[string]string{}
	for i, n := range g.filters {
		extra[g.tables[i].name] = fmt.Sprintf(`where: "v > %d"`, n)
	}
	return subsetRules(g.names(), extra)
}

// keep is the filters as the cascade's starting point.
func (g *randGraph) keep(t *testing.T, sd *subsetDB) subsetKeep {
	t.Helper()
	k := subsetKeep{}
	for i, n := range g.filters {
		st := sd.tables["public."+g.tables[i].name]
		vc := st.colIndex(t, "v")
		k["public."+g.tables[i].name] = func(r []string) bool {
			v, err := strconv.Atoi(r[vc])
			return err == nil && v > n
		}
	}
	return k
}

// String describes the graph for failure messages.
func (g *randGraph) String() string {
	var parts []string
	for i, tb := range g.tables {
		s := fmt.Sprintf("%s(%d rows", tb.name, tb.rows)
		if n, ok := g.filters[i]; ok {
			s += fmt.Sprintf(", where v > %d", n)
		}
		for _, fk := range tb.fks {
			ref := "id"
			if fk.toCode {
				ref = "code"
			}
			null := "NOT NULL"
			if fk.nullable {
				null = "NULL"
			}
			s += fmt.Sprintf(", %s %s -> %s.%s %s", fk.col, null, g.tables[fk.parent].name, ref, fk.onDelete)
		}
		parts = append(parts, s+")")
	}
	return fmt.Sprintf("seed %d: %s", g.seed, strings.Join(parts, " "))
}

// checkGraph loads a random graph, checks the Go cascade against
// PostgreSQL's, then dumps it in each of kinds, runs anondump with the
// graph's filters and requires the restore to succeed with every foreign
// key and exactly the rows of the cascade. A fuzz test can call it with
// any seed.
func (p *pgServer) checkGraph(t *testing.T, g *randGraph, kinds ...string) {
	t.Helper()
	dir := t.TempDir()
	schema, rules := e2eFiles(t, dir, g.schemaSQL(), g.rulesYAML())
	src := p.loadedDB(t, schema)
	orig := p.readSubsetDB(t, src)
	fkCount := p.foreignKeys(t, src)
	want := orig.cascade(t, g.keep(t, orig), nil)
	dropped := 0
	for name, st := range orig.tables {
		dropped += len(st.rows) - len(want[name])
	}
	t.Logf("%v: the cascade drops %d rows", g, dropped)
	var deletes []string
	for i, n := range g.filters {
		deletes = append(deletes, fmt.Sprintf("DELETE FROM public.%s WHERE NOT (v > %d)", g.tables[i].name, n))
	}
	sameRows(t, "PostgreSQL's ON DELETE CASCADE against the Go cascade", orig, p.pgCascade(t, schema, deletes...), want)
	for _, in := range p.subsetDumps(t, src, dir, kinds...) {
		out := filepath.Join(dir, "out-"+in.kind+in.ext)
		subsetRun(t, e2eKey, rules, in.path, out)
		db := p.restoreAny(t, in.kind, out)
		if n := p.foreignKeys(t, db); n != fkCount {
			t.Errorf("%s: %d foreign keys restored, want %d", in.kind, n, fkCount)
		}
		sameRows(t, in.kind+", "+g.String(), orig, p.restoredLines(t, db), want)
	}
}

// TestE2ESubsetRandomGraphs: 10 seeded random schemas, each dumped as a
// custom archive and a plain file and run with its filters; the output
// must restore, and hold exactly the rows of the fixed-point cascade
// computed in Go from the original rows.
func TestE2ESubsetRandomGraphs(t *testing.T) {
	p := requirePG(t)
	needTool(t, "pg_restore")
	for seed := int64(1); seed <= 10; seed++ {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			p.checkGraph(t, newRandGraph(seed), "custom", "plain")
		})
	}
}

// TestE2ESubsetPgbench: a database pgbench made and ran transactions on
// (`pgbench -i --foreign-keys`: accounts and tellers reference branches,
// history references all three), filtered on branches: as a plain file
// and as a -Fc archive, the output restores (pg_restore -j 4 for the
// archive) with every foreign key, and keeps exactly the rows a reference
// query keeps on the original.
func TestE2ESubsetPgbench(t *testing.T) {
	p := requirePG(t)
	needTool(t, "pgbench", "pg_restore")
	db := p.createDB(t)
	p.run(t, nil, "pgbench", "-q", "-i", "-s", "2", "--foreign-keys", db)
	p.run(t, nil, "pgbench", "-n", "-t", "200", "-c", "2", db)
	dir := t.TempDir()
	rules := filepath.Join(dir, "pgbench.yaml")
	if err := os.WriteFile(rules, []byte(`version: 1
tables:
  public.pgbench_branches:
    where: "bid <> 2"
    keep: true
  public.pgbench_tellers: {keep: true}
  public.pgbench_accounts: {keep: true}
  public.pgbench_history: {keep: true}
`), 0o600); err != nil {
		t.Fatal(err)
	}
	counts := `SELECT (SELECT count(*) FROM pgbench_branches) || ' ' || (SELECT count(*) FROM pgbench_tellers) || ' ' ||
		(SELECT count(*) FROM pgbench_accounts) || ' ' || (SELECT count(*) FROM pgbench_history)`
	// The reference: history rows go when their branch, teller or account
	// goes; tellers and accounts when their branch goes.
	want := strings.TrimSpace(string(p.run(t, nil, "psql", "-X", "-At", "-d", db, "-c", `SELECT
		(SELECT count(*) FROM pgbench_branches WHERE bid <> 2) || ' ' ||
		(SELECT count(*) FROM pgbench_tellers WHERE bid <> 2) || ' ' ||
		(SELECT count(*) FROM pgbench_accounts WHERE bid <> 2) || ' ' ||
		(SELECT count(*) FROM pgbench_history h WHERE h.bid <> 2
			AND EXISTS (SELECT 1 FROM pgbench_tellers x WHERE x.tid = h.tid AND x.bid <> 2)
			AND EXISTS (SELECT 1 FROM pgbench_accounts a WHERE a.aid = h.aid AND a.bid <> 2))`)))
	orig := strings.TrimSpace(string(p.run(t, nil, "psql", "-X", "-At", "-d", db, "-c", counts)))
	if want == orig {
		t.Fatalf("the filter drops nothing (%s): the test would prove nothing", orig)
	}
	for _, kind := range []string{"plain", "custom"} {
		in, out := filepath.Join(dir, "in-"+kind), filepath.Join(dir, "out-"+kind)
		args := []string{"-f", in}
		if kind == "custom" {
			args = append(args, "-Fc")
		}
		p.pgDump(t, db, args...)
		subsetRun(t, e2eKey, rules, in, out)
		var got string
		if kind == "plain" {
			restored := p.createDB(t)
			p.psqlFile(t, restored, out)
			got = strings.TrimSpace(string(p.run(t, nil, "psql", "-X", "-At", "-d", restored, "-c", counts)))
		} else {
			restored := p.pgRestore(t, out, nil, "-j", "4")
			got = strings.TrimSpace(string(p.run(t, nil, "psql", "-X", "-At", "-d", restored, "-c", counts)))
		}
		if got != want {
			t.Errorf("%s: branches tellers accounts history = %s, want %s (original %s)", kind, got, want, orig)
		}
	}
}
