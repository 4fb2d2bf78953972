package archive

import (
	"errors"
	"fmt"
	"io"
	"sync"
)

// CopyDir reads the directory archive src and writes it to the new
// directory dst with the same header and TOC (less the large objects
// under LODrop), each data file passed through opt.Data and compressed
// with the archive's method. workers data files are copied at a time.
// opt.Writer is ignored.
func CopyDir(dst, src string, opt CopyOptions, workers int) error {
	d, err := OpenDir(src)
	if err != nil {
		return err
	}
	toc, _ := keptTOC(d.TOC(), opt.LargeObjects)
	w, err := CreateDir(dst, d.Header(), toc, DirOptions{})
	if err != nil {
		return err
	}
	var jobs []*Entry
	for _, e := range toc {
		if hasData(e) {
			jobs = append(jobs, e)
		}
	}
	workers = max(1, min(workers, len(jobs)))
	ch := make(chan *Entry)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	failed := func() bool { mu.Lock(); defer mu.Unlock(); return first != nil }
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for e := range ch {
				if failed() {
					continue
				}
				if err := copyDirEntry(w, d, e, opt); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, e := range jobs {
		ch <- e
	}
	close(ch)
	wg.Wait()
	if first != nil {
		return first
	}
	return w.Close()
}

func copyDirEntry(w *DirWriter, d *Dir, e *Entry, opt CopyOptions) error {
	if e.IsBlobs() {
		b, c, err := d.OpenObjects(e)
		if err != nil {
			return err
		}
		defer c.Close()
		return CopyObjects(w, b, opt.LargeObjects)
	}
	in, err := d.OpenData(e)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := w.WriteData(e.DumpID)
	if err != nil {
		return err
	}
	return copyStream(e, out, in, opt.Data)
}

// copyStream copies one data stream through f (nil: unchanged) and closes
// out.
func copyStream(e *Entry, out io.WriteCloser, in io.Reader, f DataFunc) error {
	var err error
	if f == nil {
		_, err = io.Copy(out, in)
	} else {
		err = f(e, out, in)
	}
	if err != nil {
		out.Close()
		var fe *FormatError
		if errors.As(err, &fe) {
			return err
		}
		return fmt.Errorf("archive: rewriting %s: %w", entryName(e), err)
	}
	return out.Close()
}

// CopyTar reads the tar archive src in order and writes it to dst with
// the same header and TOC (less the large objects under LODrop), each
// data member passed through opt.Data; restore.sql is passed through.
// Members are spooled to temporary files in os.TempDir(). opt.Writer is
// ignored.
func CopyTar(dst io.Writer, src io.Reader, opt CopyOptions) error {
	r, err := NewTarReader(src)
	if err != nil {
		return err
	}
	toc, keep := keptTOC(r.TOC(), opt.LargeObjects)
	w, err := NewTarWriter(dst, r.Header(), toc, TarOptions{})
	if err != nil {
		return err
	}
	defer w.cleanup()
	if err := copyBlocks(w, r.Next, keep, opt); err != nil {
		return err
	}
	w.opt.RestoreSQL = r.RestoreSQL()
	return w.Close()
}
