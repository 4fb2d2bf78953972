package main

// End-to-end tests of directory (pg_dump -Fd) and tar (-Ft) archives, of
// conversions between formats (--format), and of share runs over a
// directory (--table): every output is restored with the real pg_restore
// or psql and compared table by table with the plain dump's run under the
// same rules and key.

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// dirFiles reads every file of a directory archive, by name.
func dirFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	var names []string
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if g, ok := got[n]; !ok {
			t.Errorf("%s: no %s", what, n)
		} else if !bytes.Equal(g, want[n]) {
			t.Errorf("%s: %s differs", what, n)
		}
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			t.Errorf("%s: an extra file %s", what, n)
		}
	}
}

func TestE2EDirectoryAndTar(t *testing.T) {
	p := requirePG(t)
	needTool(t, "pg_restore")
	src := p.loadedDB(t, fcSchema)
	dir := t.TempDir()
	inDir := filepath.Join(dir, "in.d")
	p.pgDump(t, src, "-Fd", "-f", inDir)
	inDirZ0 := filepath.Join(dir, "in0.d")
	p.pgDump(t, src, "-Fd", "-Z0", "-f", inDirZ0)
	inTar := filepath.Join(dir, "in.tar")
	p.pgDump(t, src, "-Ft", "-f", inTar)
	tarBytes, err := os.ReadFile(inTar)
	if err != nil {
		t.Fatal(err)
	}
	inCustom := filepath.Join(dir, "in.dump")
	p.pgDump(t, src, "-Fc", "-f", inCustom)

	plain := mustAnonymize(t, e2eKey, fcRules, p.pgDump(t, src))
	want := p.tableContents(t, p.restore(t, plain))
	check := func(t *testing.T, name, db string) {
		t.Helper()
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
		if n := p.count(t, db, "SELECT count(*) FROM pg_constraint WHERE contype = 'f'"); n != 1 {
			t.Errorf("%s: %d foreign keys", name, n)
		}
	}
	run := func(t *testing.T, stdin []byte, args ...string) []byte {
		t.Helper()
		r := anondump(t, e2eKey, stdin, append([]string{"-q", "-c", fcRules}, args...)...)
		if r.code != 0 {
			t.Fatalf("anondump %s: exit %d: %s", strings.Join(args, " "), r.code, r.stderr)
		}
		return r.stdout
	}

	t.Run("directory", func(t *testing.T) {
		for _, in := range []string{inDir, inDirZ0} {
			out1, out4 := filepath.Join(dir, filepath.Base(in)+".j1"), filepath.Join(dir, filepath.Base(in)+".j4")
			run(t, nil, "-j", "1", "-o", out1, in)
			run(t, nil, "-j", "4", "-o", out4, in)
			f1 := dirFiles(t, out1)
			sameFiles(t, "-j 4 against -j 1", dirFiles(t, out4), f1)
			in := dirFiles(t, in)
			if !bytes.Equal(f1["toc.dat"], in["toc.dat"]) {
				t.Error("toc.dat differs from the input's")
			}
			for n := range in {
				if _, ok := f1[n]; !ok {
					t.Errorf("the output has no %s", n)
				}
			}
			if got, want := p.tocListing(t, out1), p.tocListing(t, inDir); got != want {
				t.Errorf("pg_restore -l differs:\n%s\nwant:\n%s", got, want)
			}
			check(t, "directory", p.pgRestore(t, out1, nil))
			check(t, "directory -j 4", p.pgRestore(t, out4, nil, "-j", "4"))
		}
		// --report: a directory's size is its files' total; it has no
		// single sha256.
		repDir, rep := filepath.Join(dir, "rep.d"), filepath.Join(dir, "rep.json")
		run(t, nil, "-o", repDir, "--report", rep, inDir)
		var report struct {
			OutputBytes  int64  `json:"output_bytes"`
			OutputSHA256 string `json:"output_sha256"`
		}
		if b, err := os.ReadFile(rep); err != nil || json.Unmarshal(b, &report) != nil {
			t.Fatalf("report: %v", err)
		}
		var total int64
		for _, b := range dirFiles(t, repDir) {
			total += int64(len(b))
		}
		if report.OutputBytes != total || report.OutputSHA256 != "" {
			t.Errorf("report: output %d bytes, sha256 %q; the directory holds %d bytes", report.OutputBytes, report.OutputSHA256, total)
		}
		// -o must be new or empty, and a failed run leaves nothing.
		busy := filepath.Join(dir, "busy")
		os.Mkdir(busy, 0o700)
		os.WriteFile(filepath.Join(busy, "x"), nil, 0o600)
		if r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "-o", busy, inDir); r.code == 0 {
			t.Error("a directory run into a non-empty directory succeeded")
		}
		bad := filepath.Join(dir, "bad.yaml")
		os.WriteFile(bad, []byte("version: 1\nlarge_objects: keep\ntables:\n  users:\n    columns:\n      email: {transform: email}\n"), 0o600)
		failed := filepath.Join(dir, "failed.d")
		if r := anondump(t, e2eKey, nil, "-q", "-c", bad, "-o", failed, inDir); r.code == 0 {
			t.Error("a strict run with uncovered columns succeeded")
		}
		if _, err := os.Stat(failed); err == nil {
			t.Error("a failed directory run left its output")
		}
		if ents, _ := filepath.Glob(filepath.Join(dir, ".failed.d.anondump-*")); len(ents) > 0 {
			t.Errorf("a failed directory run left %v", ents)
		}
	})

	t.Run("shares", func(t *testing.T) {
		whole := filepath.Join(dir, "whole.d")
		run(t, nil, "-o", whole, inDir)
		assembled := filepath.Join(dir, "assembled.d")
		if err := os.Mkdir(assembled, 0o700); err != nil {
			t.Fatal(err)
		}
		for i, share := range [][]string{{"users"}, {"public.orders", "sessions"}, {"events", "pg_catalog.pg_largeobject"}} {
			out := filepath.Join(dir, "share"+string(rune('0'+i)))
			args := []string{"-j", "1", "-o", out}
			for _, pat := range share {
				args = append(args, "--table", pat)
			}
			run(t, nil, append(args, inDir)...)
			for name, b := range dirFiles(t, out) {
				if err := os.WriteFile(filepath.Join(assembled, name), b, 0o600); err != nil {
					t.Fatal(err)
				}
			}
		}
		sameFiles(t, "assembled shares", dirFiles(t, assembled), dirFiles(t, whole))
		check(t, "assembled shares", p.pgRestore(t, assembled, nil, "-j", "4"))
		if r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "--table", "users", "-o", filepath.Join(dir, "x.dump"), inCustom); r.code == 0 {
			t.Error("--table with a custom archive succeeded")
		}
	})

	t.Run("tar", func(t *testing.T) {
		outFile := filepath.Join(dir, "safe.tar")
		run(t, nil, "-o", outFile, inTar)
		piped := run(t, tarBytes, "-")
		pipeFile := filepath.Join(dir, "pipe.tar")
		os.WriteFile(pipeFile, piped, 0o600)
		fileBytes, _ := os.ReadFile(outFile)
		if !bytes.Equal(fileBytes, piped) {
			t.Error("a tar from a pipe differs from the one from a file")
		}
		if got, want := p.tocListing(t, outFile), p.tocListing(t, inTar); got != want {
			t.Errorf("pg_restore -l differs:\n%s\nwant:\n%s", got, want)
		}
		check(t, "tar", p.pgRestore(t, outFile, nil))
		check(t, "tar from stdin", p.pgRestore(t, "", piped, "-Ft"))
	})

	t.Run("convert", func(t *testing.T) {
		for _, c := range []struct{ in, format, ext string }{
			{inCustom, "directory", ".d"}, {inCustom, "tar", ".tar"}, {inDir, "custom", ".dump"},
			{inTar, "custom", ".dump"}, {inDir, "tar", ".tar"}, {inTar, "directory", ".d"},
		} {
			out := filepath.Join(dir, "conv-"+filepath.Base(c.in)+c.ext)
			run(t, nil, "--format", c.format, "-o", out, c.in)
			check(t, filepath.Base(c.in)+" to "+c.format, p.pgRestore(t, out, nil))
		}
		for _, in := range []string{inCustom, inDir, inTar} {
			script := run(t, nil, "--format", "plain", in)
			check(t, filepath.Base(in)+" to plain", p.restore(t, script))
		}
		if r := anondump(t, e2eKey, p.pgDump(t, src), "-q", "-c", fcRules, "--format", "custom", "-"); r.code != 2 || !strings.Contains(string(r.stderr), "plain dump") {
			t.Errorf("--format custom of a plain dump: exit %d: %s", r.code, r.stderr)
		}
	})

	t.Run("audit", func(t *testing.T) {
		// scan, check and verify read every format the run reads.
		safeDir, safeTar := filepath.Join(dir, "audit.d"), filepath.Join(dir, "audit.tar")
		run(t, nil, "-o", safeDir, inDir)
		run(t, nil, "-o", safeTar, inTar)
		for _, in := range []string{inDir, inTar} {
			if r := anondump(t, e2eKey, nil, "scan", in); r.code != 0 || !bytes.Contains(r.stdout, []byte("users:")) {
				t.Errorf("scan %s: exit %d: %s", filepath.Base(in), r.code, r.stderr)
			}
			if r := anondump(t, e2eKey, nil, "check", "-c", fcRules, in); r.code != 0 {
				t.Errorf("check %s: exit %d: %s", filepath.Base(in), r.code, r.stderr)
			}
		}
		for orig, safe := range map[string]string{inDir: safeDir, inTar: safeTar} {
			if r := anondump(t, e2eKey, nil, "verify", "-c", fcRules, orig, safe); r.code != 0 {
				t.Errorf("verify %s: exit %d: %s%s", filepath.Base(orig), r.code, r.stdout, r.stderr)
			}
			// verify finds the originals in an unchanged copy.
			if r := anondump(t, e2eKey, nil, "verify", "-c", fcRules, orig, orig); r.code == 0 {
				t.Errorf("verify %s against itself found nothing", filepath.Base(orig))
			}
		}
	})

	t.Run("inserts archive", func(t *testing.T) {
		// An archive of INSERT statements: a table without rules is kept,
		// truncate empties one, and column rules rewrite the statements.
		in := filepath.Join(dir, "ins.dump")
		p.pgDump(t, src, "-Fc", "--inserts", "-f", in)
		rf := filepath.Join(dir, "ins.yaml")
		os.WriteFile(rf, []byte("version: 1\nstrict: false\nlarge_objects: keep\ntables:\n  sessions: {truncate: true}\n"), 0o600)
		out := filepath.Join(dir, "ins-safe.dump")
		if r := anondump(t, e2eKey, nil, "-q", "-c", rf, "-o", out, in); r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
		db := p.pgRestore(t, out, nil)
		if n := p.count(t, db, "SELECT count(*) FROM sessions"); n != 0 {
			t.Errorf("truncate left %d sessions", n)
		}
		if n := p.count(t, db, "SELECT count(*) FROM users"); n != 3000 {
			t.Errorf("%d users kept", n)
		}
		// Under column rules the statements are rewritten; as a directory
		// too.
		ruled := filepath.Join(dir, "ins-ruled.d")
		if r := anondump(t, e2eKey, nil, "-q", "-c", fcRules, "--format", "directory", "-o", ruled, in); r.code != 0 {
			t.Fatalf("rules on an INSERT archive: exit %d: %s", r.code, r.stderr)
		}
		if n := p.count(t, p.pgRestore(t, ruled, nil, "-j", "4"), "SELECT count(*) FROM users"); n != 3000 {
			t.Errorf("the ruled INSERT archive restored %d users", n)
		}
	})

	t.Run("empty rules", func(t *testing.T) {
		outDir := filepath.Join(dir, "empty.d")
		run(t, nil, "-c", fcEmptyRules, "-o", outDir, inDir)
		orig := p.tableContents(t, src)
		for name, db := range map[string]string{"directory": p.pgRestore(t, outDir, nil)} {
			got := p.tableContents(t, db)
			for table, rows := range orig {
				if !bytes.Equal(got[table], rows) {
					t.Errorf("%s under empty rules: table %s changed", name, table)
				}
			}
		}
		in, out := dirFiles(t, inDir), dirFiles(t, outDir)
		if !bytes.Equal(in["toc.dat"], out["toc.dat"]) {
			t.Error("toc.dat changed under empty rules")
		}
	})
}
