package cmd_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/pierrec/lz4/v4"
	"github.com/rogpeppe/go-internal/testscript"
	"github.com/ulikunitz/xz"
)

// The magic bytes that start each output format, from the formats'
// specifications (RFC 1952, RFC 8878, the lz4 frame format).
var outputMagic = map[string]string{
	"gzip": "\x1f\x8b\x08",
	"zstd": "\x28\xb5\x2f\xfd",
	"lz4":  "\x04\x22\x4d\x18",
}

// pack compresses data as kind with the library's defaults, independently
// of anondump's writers: gzip from the standard library, zstd, lz4, xz.
func pack(kind string, data []byte) ([]byte, error) {
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
	default:
		return nil, fmt.Errorf("unknown kind %s", kind)
	}
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// unpack checks that data starts with kind's magic bytes and
// decompresses it with a reader of its own (the standard library's gzip,
// whose reader also checks the CRC-32 and the length in the trailer).
func unpack(kind string, data []byte) ([]byte, error) {
	magic, ok := outputMagic[kind]
	if !ok {
		return nil, fmt.Errorf("unknown kind %s", kind)
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, fmt.Errorf("the data does not start with %s's magic bytes: % x", kind, data[:min(len(data), 8)])
	}
	var r io.Reader
	switch kind {
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		zr.Multistream(false) // one member, and nothing after it
		r = zr
	case "zstd":
		d, err := zstd.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		defer d.Close()
		r = d
	case "lz4":
		r = lz4.NewReader(bytes.NewReader(data))
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("decompressing %s: %w", kind, err)
	}
	if kind == "gzip" {
		// Nothing may follow the one member.
		if rest, _ := io.ReadAll(r.(*gzip.Reader)); len(rest) != 0 {
			return nil, errors.New("data after the gzip member")
		}
	}
	return out, nil
}

func cmdCompressFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: compressfile KIND SRC DST")
	}
	data, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	out, err := pack(args[0], data)
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}

func cmdDecompressFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: [!] decompressfile KIND SRC DST")
	}
	data, err := os.ReadFile(ts.MkAbs(args[1]))
	ts.Check(err)
	out, err := unpack(args[0], data)
	if neg {
		if err == nil {
			ts.Fatalf("%s is a whole %s stream", args[1], args[0])
		}
		return
	}
	ts.Check(err)
	ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
}

// bigDump is a plain dump of n rows (about 60 bytes each), with values
// that vary so that the compression levels differ in size.
func bigDump(n int) []byte {
	var b bytes.Buffer
	b.WriteString("--\n-- PostgreSQL database dump\n--\n\n" +
		"CREATE TABLE public.users (\n    id integer NOT NULL,\n    email text NOT NULL,\n    note text\n);\n\n" +
		"COPY public.users (id, email, note) FROM stdin;\n")
	x := uint64(88172645463325252)
	for i := 1; i <= n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		fmt.Fprintf(&b, "%d\tperson%d@realmail.test\tnote %x %d\n", i, x%100000, x>>40, x%1000)
	}
	b.WriteString("\\.\n\n--\n-- PostgreSQL database dump complete\n--\n\n")
	return b.Bytes()
}

// compressDir is a directory with the rules and a dump of rows rows.
func compressDir(t *testing.T, rows int) (dir string, dump []byte) {
	t.Helper()
	t.Setenv("ANONDUMP_KEY", testKey)
	dir = t.TempDir()
	dump = bigDump(rows)
	if err := os.WriteFile(filepath.Join(dir, "anon.yaml"), []byte(inputRules), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "dump.sql"), dump, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, dump
}

// TestCompressLevels: every value --compress accepts, and the refusals,
// which are usage errors (exit 2) given before anything is read.
func TestCompressLevels(t *testing.T) {
	dir, _ := compressDir(t, 10)
	for _, tc := range []struct {
		value string
		code  int
		first string // the first line of stderr contains this
	}{
		{"none", 0, ""},
		{"gzip", 0, ""}, {"gzip:1", 0, ""}, {"gzip:9", 0, ""}, {"gzip:level=9", 0, ""},
		{"zstd", 0, ""}, {"zstd:1", 0, ""}, {"zstd:22", 0, ""}, {"zstd:level=3", 0, ""},
		{"lz4", 0, ""}, {"lz4:1", 0, ""}, {"lz4:9", 0, ""},
		{"none:1", 2, "--compress none:1: none takes no level"},
		{"gzip:0", 2, "the gzip level must be a whole number from 1 to 9"},
		{"gzip:10", 2, "the gzip level must be a whole number from 1 to 9"},
		{"gzip:", 2, "the gzip level must be a whole number from 1 to 9"},
		{"gzip:fast", 2, "the gzip level must be a whole number from 1 to 9"},
		{"gzip:-1", 2, "the gzip level must be a whole number from 1 to 9"},
		{"zstd:0", 2, "the zstd level must be a whole number from 1 to 22"},
		{"zstd:23", 2, "the zstd level must be a whole number from 1 to 22"},
		{"lz4:0", 2, "the lz4 level must be a whole number from 1 to 9"},
		{"lz4:10", 2, "the lz4 level must be a whole number from 1 to 9"},
		{"xz", 2, "anondump reads xz but writes only gzip, zstd or lz4"},
		{"bzip2:9", 2, "anondump reads bzip2 but writes only gzip, zstd or lz4"},
		{"9", 2, "--compress 9: give a method before the level"},
		{"GZIP", 2, "--compress GZIP: use gzip, zstd, lz4 or none"},
		{"brotli", 2, "--compress brotli: use gzip, zstd, lz4 or none"},
	} {
		t.Run(tc.value, func(t *testing.T) {
			// A missing rules file: the flag is checked first.
			config := "anon.yaml"
			if tc.code != 0 {
				config = "missing.yaml"
			}
			code, stdout, stderr := runMain(t, dir, nil, "-q", "-c", config, "--compress", tc.value, "dump.sql")
			first, _, _ := strings.Cut(stderr, "\n")
			if code != tc.code || !strings.Contains(first, tc.first) {
				t.Errorf("exit %d, first line of stderr %q; want exit %d and %q", code, first, tc.code, tc.first)
			}
			if tc.code != 0 && stdout != "" {
				t.Errorf("a refused run wrote %d bytes", len(stdout))
			}
		})
	}
}

// TestCompressRoundTrip: each method and level writes its format, which
// decompresses to the uncompressed run's output, byte for byte, whatever
// the number of workers.
func TestCompressRoundTrip(t *testing.T) {
	dir, _ := compressDir(t, 50000) // about 3 MB: several 1 MiB blocks
	code, plain, stderr := runMain(t, dir, nil, "-q", "-c", "anon.yaml", "--compress", "none", "dump.sql")
	if code != 0 || strings.Contains(plain, "realmail") {
		t.Fatalf("--compress none: exit %d: %s", code, stderr)
	}
	if code, def, _ := runMain(t, dir, nil, "-q", "-c", "anon.yaml", "dump.sql"); code != 0 || def != plain {
		t.Fatalf("a text input is not written as text by default")
	}
	sizes := map[string]int{}
	for _, value := range []string{"gzip", "gzip:1", "gzip:9", "zstd", "zstd:1", "zstd:19", "lz4", "lz4:9"} {
		t.Run(value, func(t *testing.T) {
			method, _, _ := strings.Cut(value, ":")
			var first string
			for _, j := range []string{"1", "2", "5"} {
				code, out, stderr := runMain(t, dir, nil, "-q", "-c", "anon.yaml", "-j", j, "--compress", value, "dump.sql")
				if code != 0 {
					t.Fatalf("-j %s: exit %d: %s", j, code, stderr)
				}
				got, err := unpack(method, []byte(out))
				if err != nil {
					t.Fatalf("-j %s: %v", j, err)
				}
				if string(got) != plain {
					t.Fatalf("-j %s: decompressed, the output (%d bytes) is not the uncompressed run's (%d bytes)", j, len(got), len(plain))
				}
				if first == "" {
					first = out
				} else if out != first {
					t.Errorf("-j %s writes other bytes than -j 1 (%d and %d bytes)", j, len(out), len(first))
				}
			}
			sizes[value] = len(first)
			if len(first) >= len(plain)*9/10 {
				t.Errorf("%d bytes compressed from %d", len(first), len(plain))
			}
			if method == "gzip" {
				// RFC 1952's XFL byte: 2 for the slowest level, 4 for the fastest.
				want := map[string]byte{"gzip": 0, "gzip:1": 4, "gzip:9": 2}[value]
				if first[8] != want {
					t.Errorf("XFL %d, want %d", first[8], want)
				}
				// MTIME 0: no time stamp, so that runs give the same bytes.
				if first[4:8] != "\x00\x00\x00\x00" {
					t.Errorf("MTIME % x, want none", first[4:8])
				}
			}
		})
	}
	// A higher level is a different level: smaller on this dump.
	for _, pair := range [][2]string{{"gzip:1", "gzip:9"}, {"zstd:1", "zstd:19"}, {"lz4", "lz4:9"}} {
		if sizes[pair[0]] <= sizes[pair[1]] {
			t.Errorf("%s wrote %d bytes, %s %d: the higher level is not smaller", pair[0], sizes[pair[0]], pair[1], sizes[pair[1]])
		}
	}
}

// TestCompressDefault: the output is compressed as the input is; xz input
// gives zstd output, with a note unless -q.
func TestCompressDefault(t *testing.T) {
	dir, dump := compressDir(t, 20000)
	_, plain, _ := runMain(t, dir, nil, "-q", "-c", "anon.yaml", "dump.sql")
	for _, tc := range []struct{ in, out string }{{"gzip", "gzip"}, {"zstd", "zstd"}, {"lz4", "lz4"}, {"xz", "zstd"}} {
		t.Run(tc.in, func(t *testing.T) {
			data, err := pack(tc.in, dump)
			if err != nil {
				t.Fatal(err)
			}
			code, out, stderr := runMain(t, dir, bytes.NewReader(data), "-c", "anon.yaml")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got, err := unpack(tc.out, []byte(out))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != plain {
				t.Fatalf("decompressed, the output is not the plain input's")
			}
			note := strings.Contains(stderr, "the output is zstd-compressed: anondump does not write xz data")
			if note != (tc.in == "xz") {
				t.Errorf("stderr:\n%s", stderr)
			}
			// --compress none gives the text.
			if _, out, _ := runMain(t, dir, bytes.NewReader(data), "-q", "-c", "anon.yaml", "--compress", "none"); out != plain {
				t.Errorf("--compress none: the output is not the plain input's")
			}
		})
	}
}

// TestCompressReport: with -o, the report's output size and sha256 are of
// the compressed file; a failed run leaves no file, and on standard
// output a failed run's stream has no end.
func TestCompressReport(t *testing.T) {
	dir, dump := compressDir(t, 20000)
	for _, value := range []string{"gzip", "zstd", "lz4"} {
		t.Run(value, func(t *testing.T) {
			code, _, stderr := runMain(t, dir, nil, "-q", "-c", "anon.yaml", "--compress", value, "-o", "out", "--report", "r.json", "dump.sql")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			file, err := os.ReadFile(filepath.Join(dir, "out"))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := unpack(value, file); err != nil {
				t.Fatal(err)
			}
			var rep struct {
				OutputBytes  int64  `json:"output_bytes"`
				OutputSHA256 string `json:"output_sha256"`
			}
			data, err := os.ReadFile(filepath.Join(dir, "r.json"))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &rep); err != nil {
				t.Fatal(err)
			}
			if rep.OutputBytes != int64(len(file)) || rep.OutputSHA256 != fmt.Sprintf("%x", sha256.Sum256(file)) {
				t.Errorf("report: %d bytes, sha256 %s; the file has %d bytes, sha256 %x", rep.OutputBytes, rep.OutputSHA256, len(file), sha256.Sum256(file))
			}

			// Cut before the trailer: the run fails.
			cut := dump[:bytes.LastIndex(dump, []byte("\\."))]
			os.Remove(filepath.Join(dir, "out"))
			code, _, _ = runMain(t, dir, bytes.NewReader(cut), "-q", "-c", "anon.yaml", "--compress", value, "-o", "out")
			if _, err := os.Stat(filepath.Join(dir, "out")); code != 1 || err == nil {
				t.Errorf("a failed run: exit %d, and the output file exists (%v)", code, err == nil)
			}
			code, out, _ := runMain(t, dir, bytes.NewReader(cut), "-q", "-c", "anon.yaml", "--compress", value)
			if code != 1 {
				t.Errorf("a failed run: exit %d, want 1", code)
			}
			if _, err := unpack(value, []byte(out)); err == nil {
				t.Errorf("a failed run wrote a whole %s stream (%d bytes) to stdout", value, len(out))
			}
		})
	}
}

// TestCompressBrokenPipe: a reader that goes away ends a compressed run
// the way it ends a plain one, by SIGPIPE (the shell's exit status 141),
// also when the compressor's own goroutines do the writing.
func TestCompressBrokenPipe(t *testing.T) {
	dir, _ := compressDir(t, 300000) // about 18 MB
	for _, value := range []string{"none", "gzip", "zstd", "lz4"} {
		t.Run(value, func(t *testing.T) {
			c := exec.Command(os.Args[0], "-q", "-c", "anon.yaml", "-j", "2", "--compress", value, "dump.sql")
			c.Dir = dir
			c.Env = append(os.Environ(), "ANONDUMP_TEST_AS_MAIN=1", "ANONDUMP_KEY="+testKey)
			stdout, err := c.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			c.Stderr = &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			head := make([]byte, 4)
			if _, err := io.ReadFull(stdout, head); err != nil {
				t.Fatal(err)
			}
			if m := outputMagic[value]; m != "" && !strings.HasPrefix(string(head), m) {
				t.Errorf("the output starts with % x, not %s's magic", head, value)
			}
			stdout.Close()
			err = c.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatalf("the run did not fail: %v; stderr: %s", err, stderr.String())
			}
			ws, ok := ee.Sys().(syscall.WaitStatus)
			if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGPIPE {
				t.Fatalf("%v, want death by SIGPIPE; stderr: %s", err, stderr.String())
			}
		})
	}
}
