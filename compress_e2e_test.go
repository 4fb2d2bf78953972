package main

// End-to-end tests of compressed plain dumps: pg_dump's output through
// gzip, zstd, lz4 and xz, anonymized with the default and with --compress,
// checked by its magic bytes, decompressed, restored with psql and
// compared table by table with the uncompressed run's.

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/ulikunitz/xz"
)

// compressMagic are the first bytes of each format, from its specification.
var compressMagic = map[string]string{
	"gzip": "\x1f\x8b\x08",
	"zstd": "\x28\xb5\x2f\xfd",
	"lz4":  "\x04\x22\x4d\x18",
	"xz":   "\xfd7zXZ\x00",
}

// codecTool runs gzip(1), zstd(1), lz4(1) or xz(1) on data (-c, plus -d to
// decompress), or returns false when the tool is not installed.
func codecTool(t *testing.T, kind string, data []byte, decompress bool) ([]byte, bool) {
	t.Helper()
	if _, err := exec.LookPath(kind); err != nil {
		return nil, false
	}
	args := []string{"-c"}
	if decompress {
		args = append(args, "-d")
	}
	if kind == "zstd" {
		args = append(args, "-q")
	}
	c := exec.Command(kind, args...)
	c.Stdin = bytes.NewReader(data)
	var stderr bytes.Buffer
	c.Stderr = &stderr
	out, err := c.Output()
	if err != nil {
		t.Fatalf("%s %v: %v: %s", kind, args, err, stderr.Bytes())
	}
	return out, true
}

// e2eCompress compresses data as kind, with the system's tool when it is
// installed (files as users make them), else with a Go library.
func e2eCompress(t *testing.T, kind string, data []byte) []byte {
	t.Helper()
	if out, ok := codecTool(t, kind, data, false); ok {
		return out
	}
	var b bytes.Buffer
	var w io.WriteCloser
	var err error
	switch kind {
	case "gzip":
		w = gzip.NewWriter(&b)
	case "zstd":
		w, err = zstd.NewWriter(&b)
	case "lz4":
		w = lz4.NewWriter(&b)
	case "xz":
		w, err = xz.NewWriter(&b)
	}
	if err == nil {
		_, err = w.Write(data)
	}
	if err == nil {
		err = w.Close()
	}
	if err != nil {
		t.Fatalf("compressing with %s: %v", kind, err)
	}
	return b.Bytes()
}

// e2eDecompress checks data's magic bytes and decompresses it, with the
// system's tool when it is installed, else with a Go library.
func e2eDecompress(t *testing.T, kind string, data []byte) []byte {
	t.Helper()
	if !bytes.HasPrefix(data, []byte(compressMagic[kind])) {
		t.Fatalf("the output does not start with %s's magic bytes: % x", kind, data[:min(len(data), 8)])
	}
	if out, ok := codecTool(t, kind, data, true); ok {
		return out
	}
	var r io.Reader
	var err error
	switch kind {
	case "gzip":
		r, err = gzip.NewReader(bytes.NewReader(data))
	case "zstd":
		var d *zstd.Decoder
		if d, err = zstd.NewReader(bytes.NewReader(data)); err == nil {
			defer d.Close()
			r = d
		}
	case "lz4":
		r = lz4.NewReader(bytes.NewReader(data))
	}
	var out []byte
	if err == nil {
		out, err = io.ReadAll(r)
	}
	if err != nil {
		t.Fatalf("decompressing %s: %v", kind, err)
	}
	return out
}

// tableContents is COPY … TO STDOUT of every user table of db, in a fixed
// row order.
func (p *pgServer) tableContents(t *testing.T, db string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, ti := range p.userTables(t, db) {
		out[ti.ident()] = p.run(t, nil, "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c",
			"COPY (SELECT * FROM "+ti.ident()+" AS x ORDER BY x::text COLLATE \"C\") TO STDOUT")
	}
	return out
}

func TestE2ECompressed(t *testing.T) {
	p := requirePG(t)
	src := p.loadedDB(t, e2eSchema)
	plain := p.pgDump(t, src)
	base := anondump(t, e2eKey, plain, "-q", "-c", e2eRules)
	if base.code != 0 || bytes.Equal(base.stdout, plain) {
		t.Fatalf("the uncompressed run: exit %d; stderr: %s", base.code, base.stderr)
	}
	want := p.tableContents(t, p.restore(t, base.stdout))
	if len(want) == 0 {
		t.Fatal("the restored database has no tables")
	}

	for _, in := range []string{"gzip", "zstd", "lz4", "xz"} {
		t.Run(in, func(t *testing.T) {
			data := e2eCompress(t, in, plain)
			def := map[string]string{"gzip": "gzip", "zstd": "zstd", "lz4": "lz4", "xz": "zstd"}[in]
			for _, tc := range []struct{ flag, kind string }{
				{"", def}, {"none", ""}, {"gzip:9", "gzip"}, {"zstd:3", "zstd"}, {"lz4", "lz4"},
			} {
				args := []string{"-q", "-c", e2eRules}
				if tc.flag != "" {
					args = append(args, "--compress", tc.flag)
				}
				r := anondump(t, e2eKey, data, args...)
				if r.code != 0 {
					t.Fatalf("%s input, --compress %q: exit %d; stderr: %s", in, tc.flag, r.code, r.stderr)
				}
				got := r.stdout
				if tc.kind != "" {
					got = e2eDecompress(t, tc.kind, r.stdout)
				}
				if !bytes.Equal(got, base.stdout) {
					t.Fatalf("%s input, --compress %q: the %s output decompresses to %d bytes that are not the uncompressed run's %d",
						in, tc.flag, tc.kind, len(got), len(base.stdout))
				}
				if tc.flag == "" {
					// The default output, restored: the same tables.
					db := p.restore(t, got)
					gotTables := p.tableContents(t, db)
					for name, rows := range want {
						if !bytes.Equal(gotTables[name], rows) {
							t.Errorf("%s input: table %s differs from the uncompressed run's", in, name)
						}
					}
					if len(gotTables) != len(want) {
						t.Errorf("%s input: %d tables restored, want %d", in, len(gotTables), len(want))
					}
				}
			}
		})
	}

	// -o with a compressed file: the file is whole, and psql restores it
	// piped through the system's decompressor.
	t.Run("-o", func(t *testing.T) {
		needTool(t, "zstd")
		dir := t.TempDir()
		in := filepath.Join(dir, "dump.sql.xz")
		if err := os.WriteFile(in, e2eCompress(t, "xz", plain), 0o600); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "safe.sql.zst")
		if r := anondump(t, e2eKey, nil, "-q", "-c", e2eRules, "-o", out, in); r.code != 0 {
			t.Fatalf("exit %d; stderr: %s", r.code, r.stderr)
		}
		db := p.createDB(t)
		c := p.command("sh", "-c", `zstd -dc "$1" | psql -X -q -v ON_ERROR_STOP=1 -d "$2"`, "sh", out, db)
		if msg, err := c.CombinedOutput(); err != nil {
			t.Fatalf("zstd -dc | psql: %v: %s", err, tail(string(msg), 2000))
		}
		got := p.tableContents(t, db)
		for name, rows := range want {
			if !bytes.Equal(got[name], rows) {
				t.Errorf("table %s differs from the uncompressed run's", name)
			}
		}
	})
}
