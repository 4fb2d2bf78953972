package archive

import (
	"bytes"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// benchRows returns about n bytes of COPY rows with a realistic mix of
// numbers, names and free text (zlib -6 compresses it about 3.5×).
func benchRows(n int) []byte {
	rng := rand.New(rand.NewSource(7))
	words := []string{"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
		"kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango"}
	var b bytes.Buffer
	b.Grow(n + 256)
	for id := 1; b.Len() < n; id++ {
		fmt.Fprintf(&b, "%d\t%s.%s%d@example.com\t%d-%02d-%02d\t", id, words[rng.Intn(20)], words[rng.Intn(20)], rng.Intn(1000),
			1950+rng.Intn(60), 1+rng.Intn(12), 1+rng.Intn(28))
		for k := 3 + rng.Intn(12); k > 0; k-- {
			b.WriteString(words[rng.Intn(20)])
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%x\t%d.%02d\n", rng.Uint64(), rng.Intn(100000), rng.Intn(100))
	}
	b.WriteString("\\.\n\n\n")
	return b.Bytes()
}

var benchArchives struct {
	sync.Once
	rows []byte
	z    map[string][]byte
}

// benchArchive returns a ~100 MB archive (uncompressed size) with the
// header and TOC of the sample tiny_z0.dump or tiny_gz.dump and one big
// TABLE DATA entry.
func benchArchive(b *testing.B, sample string) ([]byte, int) {
	benchArchives.Do(func() {
		benchArchives.rows = benchRows(100 << 20)
		benchArchives.z = map[string][]byte{}
	})
	if a, ok := benchArchives.z[sample]; ok {
		return a, len(benchArchives.rows)
	}
	r, err := NewReader(bytes.NewReader(samples(b)[sample]))
	if err != nil {
		b.Fatal(err)
	}
	var out bytes.Buffer
	w, err := NewWriter(&out, r.Header(), r.TOC(), WriterOptions{Workers: 2})
	if err != nil {
		b.Fatal(err)
	}
	d, _ := w.WriteData(3338)
	d.Write(benchArchives.rows)
	d.Close()
	if err := w.Close(); err != nil {
		b.Fatal(err)
	}
	benchArchives.z[sample] = out.Bytes()
	return out.Bytes(), len(benchArchives.rows)
}

// BenchmarkRead reads every stream of a 100 MB archive; MB/s of COPY text.
func BenchmarkRead(b *testing.B) {
	for _, s := range []string{"tiny_z0.dump", "tiny_gz.dump"} {
		b.Run(s, func(b *testing.B) {
			a, n := benchArchive(b, s)
			b.SetBytes(int64(n))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				r, err := NewReader(bytes.NewReader(a))
				if err != nil {
					b.Fatal(err)
				}
				for {
					blk, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if _, err := io.Copy(io.Discard, blk); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkCopy reads and writes a 100 MB archive (Copy with identical
// streams); MB/s of COPY text. workers=N compresses on N goroutines.
func BenchmarkCopy(b *testing.B) {
	for _, c := range []struct {
		sample  string
		workers int
	}{{"tiny_z0.dump", 1}, {"tiny_gz.dump", 1}, {"tiny_gz.dump", 2}, {"tiny_gz.dump", 4}} {
		b.Run(fmt.Sprintf("%s/workers=%d", c.sample, c.workers), func(b *testing.B) {
			a, n := benchArchive(b, c.sample)
			b.SetBytes(int64(n))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := Copy(io.Discard, bytes.NewReader(a), CopyOptions{Writer: WriterOptions{Workers: c.workers}}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCopyFile copies the archive named by ANONDUMP_ARCHIVE_BENCH
// (e.g. a pg_dump -Fc of a large table) file to file, to set beside
// pg_dump's own time for it; MB/s of archive bytes.
func BenchmarkCopyFile(b *testing.B) {
	in := os.Getenv("ANONDUMP_ARCHIVE_BENCH")
	if in == "" {
		b.Skip("set ANONDUMP_ARCHIVE_BENCH to a custom archive")
	}
	st, err := os.Stat(in)
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(st.Size())
			out := filepath.Join(b.TempDir(), "out.dump")
			for i := 0; i < b.N; i++ {
				src, err := os.Open(in)
				if err != nil {
					b.Fatal(err)
				}
				dst, err := os.Create(out)
				if err != nil {
					b.Fatal(err)
				}
				if err := Copy(dst, src, CopyOptions{Writer: WriterOptions{Workers: workers}}); err != nil {
					b.Fatal(err)
				}
				src.Close()
				if err := dst.Close(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
