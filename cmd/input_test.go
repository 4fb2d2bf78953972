package cmd_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/anondump/anondump/cmd"
	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"
	"github.com/ulikunitz/xz/lzma"
)

const testKey = "test-key-0123456789abcdef"

const inputRules = `version: 1
tables:
  public.users:
    columns:
      id: keep
      email: email
      note: keep
`

// runMain runs anondump's Main with args in dir and returns its exit code,
// standard output and standard error.
func runMain(t *testing.T, dir string, stdin io.Reader, args ...string) (int, string, string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	var stdout, stderr bytes.Buffer
	code := cmd.Main(args, stdin, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func compress(t *testing.T, kind string, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	var w io.WriteCloser
	var err error
	switch kind {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "xz":
		w, err = xz.NewWriter(&b)
	case "lzma":
		w, err = lzma.NewWriter(&b)
	case "zstd":
		w, err = zstd.NewWriter(&b)
	case "lz4":
		w = lz4.NewWriter(&b)
	case "bzip2":
		// The standard library cannot write bzip2: a file made by bzip2(1).
		data, err := os.ReadFile("testdata/inputs/dump.sql.bz2")
		if err != nil {
			t.Fatal(err)
		}
		return data
	default:
		t.Fatalf("compress: unknown kind %s", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// decompress checks that data starts with the magic bytes of kind (gzip,
// zstd or lz4, from each format's specification) and decompresses it.
func decompress(t *testing.T, kind string, data []byte) []byte {
	t.Helper()
	magic := map[string]string{"gzip": "\x1f\x8b\x08", "zstd": "\x28\xb5\x2f\xfd", "lz4": "\x04\x22\x4d\x18"}[kind]
	if magic == "" || !bytes.HasPrefix(data, []byte(magic)) {
		t.Fatalf("the output does not start with %s's magic bytes: % x", kind, data[:min(len(data), 8)])
	}
	var r io.Reader
	var err error
	switch kind {
	case "gzip":
		r, err = gzip.NewReader(bytes.NewReader(data))
	case "zstd":
		var d *zstd.Decoder
		d, err = zstd.NewReader(bytes.NewReader(data))
		if err == nil {
			defer d.Close()
			r = d
		}
	case "lz4":
		r = lz4.NewReader(bytes.NewReader(data))
	}
	if err != nil {
		t.Fatalf("%s: %v", kind, err)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decompressing the %s output: %v", kind, err)
	}
	return out
}

// TestBadInputs runs anondump on every kind of input it can be handed and
// checks the exit code and the first line of standard error. Every input
// that is not a whole dump fails; no value of the dump reaches stderr.
func TestBadInputs(t *testing.T) {
	t.Setenv("ANONDUMP_KEY", testKey)
	dump, err := os.ReadFile("testdata/inputs/dump.sql")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "anon.yaml"), []byte(inputRules), 0o644); err != nil {
		t.Fatal(err)
	}
	code, want, stderr := runMain(t, dir, bytes.NewReader(dump), "-q", "-c", "anon.yaml")
	if code != 0 || strings.Contains(want, "alice@realmail.test") {
		t.Fatalf("the plain dump: exit %d, stderr %q", code, stderr)
	}

	cut := func(b []byte, marker string) []byte {
		i := bytes.Index(b, []byte(marker))
		if i < 0 {
			t.Fatalf("no %q in the dump", marker)
		}
		return b[:i]
	}
	rnd := make([]byte, 100<<10)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range rnd {
		rnd[i] = byte(r.Uint32())
	}
	var tarball bytes.Buffer
	tw := tar.NewWriter(&tarball)
	tw.WriteHeader(&tar.Header{Name: "toc.dat", Mode: 0o600, Size: 5, Format: tar.FormatUSTAR})
	tw.Write([]byte("PGDMP"))
	tw.Close()

	type tcase struct {
		name    string
		input   []byte
		file    string // the file name to write it to; "" for stdin
		code    int
		first   string // the first line of stderr must contain this
		output  string // "same": the output must be the plain dump's; "bom": it with a BOM before
		outKind string // the output's compression by default, for a compressed input
		trailer bool   // the first line must also say the "dump complete" trailer is missing
	}
	cases := []tcase{
		{name: "plain", input: dump, file: "dump.sql", output: "same"},
		{name: "empty", input: nil, file: "empty.sql", code: 1, first: "anondump: error: empty.sql: empty input, not a dump"},
		{name: "empty stdin", input: nil, code: 1, first: "anondump: error: stdin: empty input, not a dump"},
		{name: "random bytes", input: rnd, file: "random.bin", code: 1, first: "anondump: error: random.bin: binary data, not a SQL dump"},
		{name: "utf-16", input: append([]byte{0xff, 0xfe}, []byte("-\x00-\x00\n\x00")...), file: "u16.sql", code: 1, first: "anondump: error: u16.sql: UTF-16 text"},
		{name: "custom", input: []byte("PGDMP\x01\x0e\x00\x04\x08\x01\x01\x00"), file: "dump.custom", code: 1, first: "anondump: error: dump.custom: archive: header"},
		// A tar with a toc.dat is read as pg_dump -Ft; a broken toc.dat is
		// a truncated archive, named.
		{name: "tar", input: tarball.Bytes(), file: "dump.tar", code: 1, first: "anondump: error: dump.tar: archive: toc.dat: header at byte 5: reading version: archive is truncated"},
		{name: "tar stdin", input: tarball.Bytes(), code: 1, first: "anondump: error: stdin: archive: toc.dat: header at byte 5"},
		{name: "gzip holding xz", input: compress(t, "gzip", compress(t, "xz", dump)), file: "dump.sql.xz.gz", code: 1, first: "anondump: error: dump.sql.xz.gz: gzip data holding xz data: anondump decompresses one layer"},
		{name: "gzip holding custom", input: compress(t, "gzip", []byte("PGDMP\x01\x0e\x00")), file: "dump.custom.gz", code: 1, first: "anondump: error: dump.custom.gz is gzip data holding a custom-format archive"},
		{name: "gzip holding nothing", input: compress(t, "gzip", nil), file: "e.sql.gz", code: 1, first: "anondump: error: e.sql.gz: gzip data: empty input"},
		{name: "gzip holding binary", input: compress(t, "gzip", rnd), file: "r.gz", code: 1, first: "anondump: error: r.gz: gzip data: binary data"},
		// A pg_dump announces itself; what was cut before its trailer or
		// in the middle of a statement is truncated.
		{name: "truncated in COPY data", input: cut(dump, "2\tbob"), file: "t.sql", code: 1, first: "the dump is truncated"},
		{name: "truncated in a string", input: cut(dump, "who sign in"), file: "t.sql", code: 1, first: "the dump is truncated"},
		{name: "truncated in CREATE TABLE", input: cut(dump, "    note text"), file: "t.sql", code: 1, first: "the dump is truncated"},
		{name: "truncated before the trailer", input: cut(dump, "--\n-- PostgreSQL database dump complete"), file: "t.sql", code: 1, first: "the dump is truncated"},
		{name: "BOM and dump", input: append([]byte("\xef\xbb\xbf"), dump...), file: "bom.sql", output: "bom"},
		{name: "BOM and truncated dump", input: append([]byte("\xef\xbb\xbf"), cut(dump, "--\n-- PostgreSQL database dump complete")...), file: "bom.sql", code: 1, first: "anondump: error: bom.sql:", trailer: true},
		{name: "pg_dump 2>&1", input: append([]byte("pg_dump: warning: there are circular foreign-key constraints on this table:\n"), dump...), file: "merged.sql", code: 1, first: "anondump: error: merged.sql:1: a pg_dump message is mixed into the dump (2>&1?)"},
		{name: "SQL that is not a pg_dump", input: []byte("CREATE TABLE t (a int);\nCOPY t (a) FROM stdin;\n1\n\\.\n"), file: "hand.sql", code: 1, first: "anondump: error: hand.sql:1: not pg_dump output: SQL comes before any pg_dump or pg_dumpall header comment"},
	}
	for _, kind := range []string{"gzip", "xz", "lzma", "zstd", "lz4", "bzip2"} {
		data := compress(t, kind, dump)
		outKind := map[string]string{"gzip": "gzip", "lz4": "lz4"}[kind]
		if outKind == "" {
			outKind = "zstd" // the default for zstd input, and for what anondump does not write
		}
		cases = append(cases,
			tcase{name: kind, input: data, file: "dump.sql." + kind, output: "same", outKind: outKind},
			tcase{name: kind + " stdin", input: data, output: "same", outKind: outKind},
			tcase{name: kind + " truncated", input: data[:len(data)*2/3], file: "cut." + kind, code: 1,
				first: "anondump: error: cut." + kind + ":"},
		)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"-q", "-c", "anon.yaml"}
			var stdin io.Reader = bytes.NewReader(tc.input)
			if tc.file != "" {
				if err := os.WriteFile(filepath.Join(dir, tc.file), tc.input, 0o644); err != nil {
					t.Fatal(err)
				}
				args = append(args, tc.file)
				stdin = nil
			}
			code, stdout, stderr := runMain(t, dir, stdin, args...)
			first, _, _ := strings.Cut(stderr, "\n")
			failed := code != tc.code || !strings.Contains(first, tc.first)
			if tc.outKind != "" {
				stdout = string(decompress(t, tc.outKind, []byte(stdout)))
			}
			switch tc.output {
			case "same":
				failed = failed || stdout != want
			case "bom":
				failed = failed || stdout != "\xef\xbb\xbf"+want
			}
			if tc.trailer && !strings.Contains(first, `before pg_dump's "dump complete" trailer`) {
				t.Errorf("first line of stderr %q does not say the trailer is missing", first)
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr)
			}
			if !strings.Contains(first, tc.first) {
				t.Errorf("first line of stderr %q, want it to contain %q", first, tc.first)
			}
			if tc.output != "" && failed {
				t.Errorf("the output is not the plain dump's (%d bytes, want %d)", len(stdout), len(want))
			}
			if strings.Contains(stderr, "alice") || strings.Contains(stderr, "realmail") || strings.Contains(stderr, "Liddell") {
				t.Errorf("a dump value reached stderr:\n%s", stderr)
			}
			if tc.code != 0 && tc.output == "" && strings.Contains(stdout, "realmail") {
				t.Errorf("an original value reached stdout")
			}
		})
	}
}

// TestCompressedTruncatedMessages pins what a truncated compressed input
// says: its format, and that it ends early.
func TestCompressedTruncatedMessages(t *testing.T) {
	t.Setenv("ANONDUMP_KEY", testKey)
	dump, err := os.ReadFile("testdata/inputs/dump.sql")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "anon.yaml"), []byte(inputRules), 0o644)
	for _, kind := range []string{"gzip", "xz", "lzma", "zstd", "lz4", "bzip2"} {
		data := compress(t, kind, dump)
		for _, n := range []int{len(data) - 1, len(data) / 2, 20} {
			code, _, stderr := runMain(t, dir, bytes.NewReader(data[:n]), "-q", "-c", "anon.yaml")
			first, _, _ := strings.Cut(stderr, "\n")
			if code != 1 || !strings.Contains(first, kind+" data") {
				t.Errorf("%s cut to %d of %d bytes: exit %d, first line %q; want exit 1 naming %s data", kind, n, len(data), code, first, kind)
			}
		}
	}
}

// TestDirectoryInput: a -Fd directory gets the pg_restore command; another
// directory says it is not a dump.
func TestDirectoryInput(t *testing.T) {
	t.Setenv("ANONDUMP_KEY", testKey)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "anon.yaml"), []byte(inputRules), 0o644)
	os.Mkdir(filepath.Join(dir, "dump.d"), 0o755)
	os.WriteFile(filepath.Join(dir, "dump.d", "toc.dat"), []byte("PGDMP"), 0o644)
	os.Mkdir(filepath.Join(dir, "other"), 0o755)
	for _, tc := range []struct {
		args        []string
		first, hint string
	}{
		// A directory with a toc.dat is read as pg_dump -Fd, by every
		// command: a broken toc.dat is named.
		{[]string{"-c", "anon.yaml", "dump.d"}, "anondump: error: archive: dump.d/toc.dat: header at byte 5: reading version: archive is truncated", ""},
		{[]string{"scan", "dump.d"}, "anondump: error: archive: dump.d/toc.dat: header at byte 5", ""},
		{[]string{"check", "-c", "anon.yaml", "dump.d"}, "anondump: error: archive: dump.d/toc.dat: header at byte 5", ""},
		{[]string{"verify", "-c", "anon.yaml", "dump.d", "dump.d"}, "anondump: error: archive: dump.d/toc.dat: header at byte 5", ""},
		{[]string{"-c", "anon.yaml", "other"}, "anondump: error: other is a directory, not a dump (it has no toc.dat", ""},
	} {
		code, stdout, stderr := runMain(t, dir, nil, tc.args...)
		lines := strings.Split(stderr, "\n")
		if code != 1 || lines[0] != tc.first && !strings.HasPrefix(lines[0], tc.first) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and %q", tc.args, code, stderr, tc.first)
		}
		if tc.hint != "" && (len(lines) < 2 || !strings.Contains(lines[1], tc.hint)) {
			t.Errorf("%v: stderr %q; want the hint %q on line 2", tc.args, stderr, tc.hint)
		}
		if stdout != "" {
			t.Errorf("%v: stdout %q", tc.args, stdout)
		}
	}
}

// TestEveryCommandRefusesTheSame: scan, check and verify refuse what the
// run refuses, with the same message.
func TestEveryCommandRefusesTheSame(t *testing.T) {
	t.Setenv("ANONDUMP_KEY", testKey)
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "anon.yaml"), []byte(inputRules), 0o644)
	dump, _ := os.ReadFile("testdata/inputs/dump.sql")
	os.WriteFile(filepath.Join(dir, "dump.sql"), dump, 0o644)
	os.WriteFile(filepath.Join(dir, "empty.sql"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "dump.xz"), compress(t, "xz", dump), 0o644)
	os.WriteFile(filepath.Join(dir, "dump.bz2"), compress(t, "bzip2", dump), 0o644)
	os.WriteFile(filepath.Join(dir, "cut.zst"), compress(t, "zstd", dump)[:100], 0o644)
	for _, file := range []string{"empty.sql", "cut.zst"} {
		for _, args := range [][]string{
			{"-c", "anon.yaml", file},
			{"scan", file},
			{"check", "-c", "anon.yaml", file},
			{"verify", "-c", "anon.yaml", file, "dump.sql"},
			{"verify", "-c", "anon.yaml", "dump.sql", file},
		} {
			code, _, stderr := runMain(t, dir, nil, args...)
			if code != 1 || !strings.HasPrefix(stderr, "anondump: error: "+file+":") {
				t.Errorf("%v: exit %d, stderr %q; want exit 1 naming %s", args, code, stderr, file)
			}
		}
	}
	// Compressed dumps are read by every command.
	for _, file := range []string{"dump.xz", "dump.bz2"} {
		for _, args := range [][]string{
			{"scan", file},
			{"check", "-c", "anon.yaml", file},
		} {
			if code, _, stderr := runMain(t, dir, nil, args...); code != 0 {
				t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
			}
		}
	}
}
