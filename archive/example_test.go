package archive_test

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"os"

	"github.com/anondump/anondump/archive"
)

// Copy rewrites each TABLE DATA stream through a function; the archive
// keeps its header, TOC and compression.
func ExampleCopy() {
	src, err := os.Open("testdata/tiny_gz.dump")
	if err != nil {
		log.Fatal(err)
	}
	defer src.Close()
	var out bytes.Buffer
	err = archive.Copy(&out, src, archive.CopyOptions{
		Data: func(e *archive.Entry, dst io.Writer, src io.Reader) error {
			b, err := io.ReadAll(src)
			if err != nil {
				return err
			}
			_, err = dst.Write(bytes.ReplaceAll(b, []byte("\ta\n"), []byte("\tz\n")))
			return err
		},
		LargeObjects: archive.LOEmpty,
	})
	if err != nil {
		log.Fatal(err)
	}

	r, err := archive.NewReader(&out)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Header().Compression, len(r.TOC()), "entries")
	for {
		b, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		data, err := io.ReadAll(b)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s %s: %q\n", b.Entry.Desc.S, b.Entry.Tag.S, data)
	}
	// Output:
	// gzip 6 entries
	// TABLE DATA t: "1\tz\n2\tb\\tc\n\\.\n\n\n"
}
