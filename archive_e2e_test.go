package main

// End-to-end tests of custom-format archives (pg_dump -Fc): dumped to a
// file and through a pipe, anonymized, listed and restored with the real
// pg_restore (--exit-on-error, -j 4, from standard input), and compared
// table by table with the plain dump's run under the same rules and key.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/anondump/anondump/archive"
)

const (
	fcSchema     = "testdata/fcwire/schema.sql"
	fcRules      = "testdata/fcwire/anon.yaml"
	fcEmptyRules = "testdata/fcwire/empty.yaml"
)

// tocListing is pg_restore -l of an archive without its header comments
// (they name the archive's file and dump time).
func (p *pgServer) tocListing(t *testing.T, path string) string {
	t.Helper()
	var keep []string
	for _, l := range strings.Split(string(p.run(t, nil, "pg_restore", "-l", path)), "\n") {
		if !strings.HasPrefix(l, ";") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// pgRestore restores an archive into a new database: from a file with
// args, or from standard input when path is "".
func (p *pgServer) pgRestore(t *testing.T, path string, stdin []byte, args ...string) string {
	t.Helper()
	db := p.createDB(t)
	args = append([]string{"--exit-on-error", "-d", db}, args...)
	if path != "" {
		args = append(args, path)
	}
	p.run(t, bytes.NewReader(stdin), "pg_restore", args...)
	return db
}

// archiveText is the decompressed data of every data entry of an archive,
// read with the archive package (the large objects too).
func archiveText(t *testing.T, b []byte) []byte {
	t.Helper()
	r, err := archive.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var all bytes.Buffer
	for {
		blk, err := r.Next()
		if err == io.EOF {
			return all.Bytes()
		}
		if err != nil {
			t.Fatal(err)
		}
		if blk.Type == archive.BlockBlobs {
			for {
				if _, err := blk.NextObject(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatal(err)
				}
				if _, err := io.Copy(&all, blk); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		if _, err := io.Copy(&all, blk); err != nil {
			t.Fatal(err)
		}
	}
}

func TestE2ECustomArchive(t *testing.T) {
	p := requirePG(t)
	needTool(t, "pg_restore")
	src := p.loadedDB(t, fcSchema)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.dump")
	p.pgDump(t, src, "-Fc", "-f", in)
	piped := p.pgDump(t, src, "-Fc") // pg_dump's stdout is a pipe: no offsets
	inBytes, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}

	// The plain dump's run: what every archive run must restore to.
	plain := mustAnonymize(t, e2eKey, fcRules, p.pgDump(t, src))
	want := p.tableContents(t, p.restore(t, plain))
	if len(want) != 4 {
		t.Fatalf("the plain run restored %d tables, want 4", len(want))
	}
	if !bytes.Contains(want[`"public"."events"`], []byte("click")) || bytes.Contains(want[`"public"."events"`], []byte("test")) {
		t.Fatal("where: did not filter the plain run's events")
	}

	out := filepath.Join(dir, "safe.dump")
	if r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "-o", out, in); r.code != 0 || len(r.stderr) > 0 {
		t.Fatalf("anondump -o safe.dump in.dump: exit %d: %s", r.code, r.stderr)
	}
	// large_objects: without it a strict run stops (exit 2, no file);
	// empty keeps the object (its OID in users.avatar stays valid) with no
	// contents; drop removes it.
	rulesText, err := os.ReadFile(fcRules)
	if err != nil {
		t.Fatal(err)
	}
	for policy, want := range map[string]string{"": "", "empty": "empty", "drop": "gone"} {
		yaml := strings.Replace(string(rulesText), "large_objects: keep\n", "", 1)
		if policy != "" {
			yaml = strings.Replace(yaml, "version: 1\n", "version: 1\nlarge_objects: "+policy+"\n", 1)
		}
		rf, lo := filepath.Join(dir, "lo-"+policy+".yaml"), filepath.Join(dir, "lo-"+policy+".dump")
		if err := os.WriteFile(rf, []byte(yaml), 0o600); err != nil {
			t.Fatal(err)
		}
		r := anondump(t, e2eKey, nil, "-q", "-c", rf, "-o", lo, in)
		if policy == "" {
			if _, serr := os.Stat(lo); r.code != 2 || !strings.Contains(string(r.stderr), "large_objects: empty") || serr == nil {
				t.Errorf("no large_objects: exit %d, %s", r.code, r.stderr)
			}
			continue
		}
		if r.code != 0 {
			t.Fatalf("large_objects: %s: exit %d: %s", policy, r.code, r.stderr)
		}
		db := p.createDB(t)
		p.run(t, nil, "pg_restore", "--exit-on-error", "-d", db, lo)
		got := p.value(t, db, "SELECT coalesce((SELECT coalesce(nullif(encode(lo_get(avatar), 'hex'), ''), 'empty') FROM users u JOIN pg_largeobject_metadata m ON m.oid = u.avatar WHERE id = 1), 'gone')")
		if got != want {
			t.Errorf("large_objects: %s: the object holds %q, want %q", policy, got, want)
		}
	}
	fromPipe := mustAnonymize(t, e2eKey, fcRules, piped)
	pipeOut := filepath.Join(dir, "pipe.dump")
	if err := os.WriteFile(pipeOut, fromPipe, 0o600); err != nil {
		t.Fatal(err)
	}
	outBytes, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("format", func(t *testing.T) {
		if !archive.IsCustom(outBytes) || !archive.IsCustom(fromPipe) {
			t.Fatal("the output is not a custom archive")
		}
		listing := p.tocListing(t, in)
		for _, f := range []string{out, pipeOut} {
			if got := p.tocListing(t, f); got != listing {
				t.Errorf("pg_restore -l %s differs from the input's:\n%s\nwant:\n%s", filepath.Base(f), got, listing)
			}
		}
		// The file output has its data offsets, the piped one does not.
		for name, b := range map[string][]byte{"file": outBytes, "pipe": fromPipe} {
			r, err := archive.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			hdr := r.Header()
			inR, _ := archive.NewReader(bytes.NewReader(inBytes))
			if hdr.Compression != inR.Header().Compression || hdr.Level != inR.Header().Level || hdr.Version != inR.Header().Version {
				t.Errorf("%s: header %+v, input's %+v", name, hdr, inR.Header())
			}
			wantState := map[string]byte{"file": archive.OffsetSet, "pipe": archive.OffsetNotSet}[name]
			for _, e := range r.TOC() {
				if e.Desc.S == "TABLE DATA" && e.DataState != wantState {
					t.Errorf("%s: %s %s has offset state %d, want %d", name, e.Desc.S, e.Tag.S, e.DataState, wantState)
				}
			}
		}
		// Any number of workers writes the same bytes.
		out1 := filepath.Join(dir, "j1.dump")
		if r := anondump(t, e2eKey, nil, "-q", "-j", "1", "-c", fcRules, "-o", out1, in); r.code != 0 {
			t.Fatalf("-j 1: exit %d: %s", r.code, r.stderr)
		}
		out4 := filepath.Join(dir, "j4.dump")
		if r := anondump(t, e2eKey, nil, "-q", "-j", "4", "-c", fcRules, "-o", out4, in); r.code != 0 {
			t.Fatalf("-j 4: exit %d: %s", r.code, r.stderr)
		}
		b1, _ := os.ReadFile(out1)
		b4, _ := os.ReadFile(out4)
		if !bytes.Equal(b1, b4) {
			t.Error("-j 1 and -j 4 write different archives")
		}
		// --report gives the size and sha256 of the file as it ends up,
		// after its TOC was rewritten with the offsets.
		outR, repPath := filepath.Join(dir, "r.dump"), filepath.Join(dir, "r.json")
		if r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "-o", outR, "--report", repPath, in); r.code != 0 {
			t.Fatalf("--report: exit %d: %s", r.code, r.stderr)
		}
		var rep struct {
			OutputBytes  int64  `json:"output_bytes"`
			OutputSHA256 string `json:"output_sha256"`
			Rows         int64  `json:"rows"`
		}
		rb, err := os.ReadFile(repPath)
		if err == nil {
			err = json.Unmarshal(rb, &rep)
		}
		if err != nil {
			t.Fatal(err)
		}
		bR, _ := os.ReadFile(outR)
		if sum := sha256.Sum256(bR); rep.OutputSHA256 != hex.EncodeToString(sum[:]) || rep.OutputBytes != int64(len(bR)) {
			t.Errorf("report: output %d bytes sha256 %s; the file has %d bytes, sha256 %x", rep.OutputBytes, rep.OutputSHA256, len(bR), sum)
		}
		if rep.Rows != 3000+6000+500+2000 {
			t.Errorf("report: %d rows", rep.Rows)
		}
	})

	t.Run("restore", func(t *testing.T) {
		for name, db := range map[string]string{
			"file":       p.pgRestore(t, out, nil),
			"file -j 4":  p.pgRestore(t, out, nil, "-j", "4"),
			"pipe stdin": p.pgRestore(t, "", fromPipe),
		} {
			got := p.tableContents(t, db)
			for table, rows := range want {
				if !bytes.Equal(got[table], rows) {
					t.Errorf("%s: table %s differs from the plain dump's run", name, table)
				}
			}
			if len(got) != len(want) {
				t.Errorf("%s: %d tables, want %d", name, len(got), len(want))
			}
			if lo := p.value(t, db, "SELECT encode(lo_get(avatar), 'hex') FROM users WHERE id = 1"); lo != "00ffd8ffe04c4f" {
				t.Errorf("%s: the large object holds %q", name, lo)
			}
			if n := p.count(t, db, "SELECT count(*) FROM orders o JOIN users u ON u.id = o.user_id"); n != 6000 {
				t.Errorf("%s: %d orders join their user, want 6000", name, n)
			}
			if n := p.count(t, db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"); n != 1 {
				t.Errorf("%s: %d foreign keys", name, n)
			}
		}
	})

	t.Run("no original values", func(t *testing.T) {
		var originals []string
		for _, r := range p.rows(t, src, "SELECT email, coalesce(full_name, ''), coalesce(bio, '') FROM users") {
			originals = append(originals, r...)
		}
		for _, r := range p.rows(t, src, "SELECT note FROM orders UNION ALL SELECT token FROM sessions") {
			originals = append(originals, r...)
		}
		for name, b := range map[string][]byte{"file": outBytes, "pipe": fromPipe} {
			x := newTextIndex(archiveText(t, b))
			leaks := 0
			for _, v := range originals {
				// The escaped forms of the values COPY writes: the search is in COPY text.
				if v != "" && !strings.ContainsAny(v, "\t\n\\") && x.count(v) > 0 {
					leaks++
				}
			}
			if leaks > 0 {
				t.Errorf("%s: %d original ruled values are in the output's data", name, leaks)
			}
		}
		db := p.pgRestore(t, out, nil)
		if n := p.count(t, db, "SELECT count(*) FROM users WHERE email LIKE '%realmail%' OR full_name LIKE '%Ruiz%' OR full_name LIKE 'Multi%' OR bio LIKE 'secret%'"); n != 0 {
			t.Errorf("%d restored users keep an original value", n)
		}
	})

	t.Run("k_anonymity", func(t *testing.T) {
		// 300 admins and 2700 members: k=300 is met, k=301 is not, and a
		// run that misses k writes no archive.
		rules, err := os.ReadFile(fcRules)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			k    string
			code int
		}{{"300", 0}, {"301", 1}} {
			kr := filepath.Join(dir, "k"+tc.k+".yaml")
			b := bytes.Replace(rules, []byte("version: 1\n"), []byte("version: 1\nk_anonymity:\n  public.users: {columns: [role], k: "+tc.k+"}\n"), 1)
			if err := os.WriteFile(kr, b, 0o600); err != nil {
				t.Fatal(err)
			}
			outK := filepath.Join(dir, "k"+tc.k+".dump")
			r := anondump(t, e2eKey, nil, "-q", "-c", kr, "-o", outK, in)
			_, serr := os.Stat(outK)
			if r.code != tc.code || (serr == nil) != (tc.code == 0) {
				t.Errorf("k=%s: exit %d, output exists: %v; want exit %d: %s", tc.k, r.code, serr == nil, tc.code, r.stderr)
			}
			if tc.code != 0 && !strings.Contains(string(r.stderr), "300 of 3000 rows are in classes of fewer than k=301 rows") {
				t.Errorf("k=%s: %s", tc.k, r.stderr)
			}
		}
	})

	t.Run("empty rules", func(t *testing.T) {
		orig := p.tableContents(t, src)
		for name, args := range map[string][]string{"file": {in}, "stdin": nil} {
			outE := filepath.Join(dir, "empty-"+strings.ReplaceAll(name, " ", "")+".dump")
			var stdin []byte
			if args == nil {
				stdin = piped
			}
			r := anondump(t, e2eKey, stdin, append([]string{"-q", "-c", fcEmptyRules, "-o", outE}, args...)...)
			if r.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, r.code, r.stderr)
			}
			if got := p.tocListing(t, outE); got != p.tocListing(t, in) {
				t.Errorf("%s: the listing changed", name)
			}
			got := p.tableContents(t, p.pgRestore(t, outE, nil, "-j", "4"))
			for table, rows := range orig {
				if !bytes.Equal(got[table], rows) {
					t.Errorf("%s: table %s differs from the original", name, table)
				}
			}
		}
	})

	t.Run("inserts", func(t *testing.T) {
		// An archive of INSERT statements: passed through without rules,
		// rewritten under them.
		ins := filepath.Join(dir, "inserts.dump")
		p.pgDump(t, src, "-Fc", "--inserts", "-f", ins)
		outI := filepath.Join(dir, "inserts-out.dump")
		if r := anondump(t, e2eKey, nil, "-q", "-c", fcEmptyRules, "-o", outI, ins); r.code != 0 {
			t.Fatalf("empty rules: exit %d: %s", r.code, r.stderr)
		}
		orig := p.tableContents(t, src)
		got := p.tableContents(t, p.pgRestore(t, outI, nil))
		for table, rows := range orig {
			if !bytes.Equal(got[table], rows) {
				t.Errorf("table %s differs from the original", table)
			}
		}
		os.Remove(outI)
		// Under the rules, the INSERT statements are rewritten as in a
		// plain dump: the archive restores to what the plain run restores
		// to, under the same key.
		r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "-o", outI, ins)
		if r.code != 0 {
			t.Fatalf("rules on INSERT data: exit %d: %s", r.code, r.stderr)
		}
		got = p.tableContents(t, p.pgRestore(t, outI, nil, "-j", "4"))
		for table, rows := range want {
			if !bytes.Equal(got[table], rows) {
				t.Errorf("INSERT archive under the rules: table %s differs from the plain run's", table)
			}
		}
		if b, _ := os.ReadFile(outI); bytes.Contains(b, []byte("realmail")) {
			t.Error("an original value is left in the INSERT archive's output")
		}
	})

	// scan, check and verify read the archives as they read plain dumps.
	t.Run("audit", func(t *testing.T) {
		plainFile := filepath.Join(dir, "plain.sql")
		if err := os.WriteFile(plainFile, p.pgDump(t, src), 0o600); err != nil {
			t.Fatal(err)
		}
		sp, sa := anondump(t, e2eKey, nil, "scan", plainFile), anondump(t, e2eKey, nil, "scan", in)
		if sa.code != 0 || !strings.Contains(string(sa.stdout), "email: {transform: email") {
			t.Fatalf("scan of the archive: exit %d: %s%s", sa.code, sa.stdout, sa.stderr)
		}
		strip := func(b []byte) string { // the scans name their inputs
			return regexp.MustCompile(`(?m)^#.*$`).ReplaceAllString(string(b), "")
		}
		if strip(sp.stdout) != strip(sa.stdout) {
			t.Errorf("scan of the archive differs from the plain dump's:\n%s\n---\n%s", sa.stdout, sp.stdout)
		}
		if r := anondump(t, e2eKey, nil, "check", "-c", fcRules, in); r.code != 0 {
			t.Errorf("check of the archive: exit %d: %s%s", r.code, r.stdout, r.stderr)
		}
		if r := anondump(t, e2eKey, nil, "verify", in, out, "-c", fcRules); r.code != 0 {
			t.Errorf("verify of the archives: exit %d: %s%s", r.code, r.stdout, r.stderr)
		}
		if r := anondump(t, e2eKey, nil, "verify", in, in, "-c", fcRules); r.code != 1 || !strings.Contains(string(r.stdout), "users") {
			t.Errorf("verify of the archive against itself: exit %d: %s%s", r.code, r.stdout, r.stderr)
		}
	})

	t.Run("fail closed", func(t *testing.T) {
		cut := filepath.Join(dir, "cut.dump")
		if err := os.WriteFile(cut, inBytes[:len(inBytes)*3/4], 0o600); err != nil {
			t.Fatal(err)
		}
		outC := filepath.Join(dir, "cut-out.dump")
		r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "-o", outC, cut)
		if r.code != 1 || !strings.Contains(string(r.stderr), "anondump: error: "+cut+": archive: ") {
			t.Errorf("truncated archive: exit %d: %s", r.code, r.stderr)
		}
		if _, err := os.Stat(outC); !os.IsNotExist(err) {
			t.Errorf("a truncated archive left %s", outC)
		}
		// A rule that does not fit the table is a rules error naming the entry's table.
		bad := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(bad, []byte("version: 1\nstrict: false\ntables:\n  users:\n    columns:\n      no_such: email\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		r = anondump(t, e2eKey, nil, "-q", "-c", bad, "-o", outC, in)
		if r.code != 2 || !strings.Contains(string(r.stderr), "(TABLE DATA users)") || strings.Contains(string(r.stderr), "realmail") {
			t.Errorf("unknown column: exit %d: %s", r.code, r.stderr)
		}
		if _, err := os.Stat(outC); !os.IsNotExist(err) {
			t.Errorf("a failed run left %s", outC)
		}
		// The TOC's foreign keys reach the rules: a where: with cascade:
		// false on a referenced table stops a strict run, as for a plain
		// dump.
		rules, err := os.ReadFile(fcRules)
		if err != nil {
			t.Fatal(err)
		}
		where := filepath.Join(dir, "where.yaml")
		rules = bytes.Replace(rules, []byte("  users:\n"), []byte("  users:\n    where: \"id < 100\"\n    cascade: false\n"), 1)
		if err := os.WriteFile(where, rules, 0o600); err != nil {
			t.Fatal(err)
		}
		r = anondump(t, e2eKey, nil, "-q", "-c", where, "-o", outC, in)
		if r.code != 2 || !strings.Contains(string(r.stderr), "where: drops rows that other tables reference: public.orders") {
			t.Errorf("where: on a referenced table: exit %d: %s", r.code, r.stderr)
		}
		if _, err := os.Stat(outC); !os.IsNotExist(err) {
			t.Errorf("a failed run left %s", outC)
		}
	})
}
