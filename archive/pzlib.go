package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
)

// pzBlock is the input size of one independently compressed deflate
// block of a parallel zlib stream.
const pzBlock = 256 << 10

// pzDict is deflate's window: each block is primed with the 32 KiB of
// input before it, so matches reach back across block joins.
const pzDict = 32 << 10

// ParallelZlib is a zlib (RFC 1950) stream compressed on several
// goroutines, as pigz does: the input is cut into blocks, each block is
// deflated on its own (primed with the previous 32 KiB as a dictionary)
// and ended with a sync flush so it ends on a byte boundary, the last one
// with a final block; the outputs are joined in order between one zlib
// header and the Adler-32 of the whole input. Any zlib reader reads it.
type ParallelZlib struct {
	dst     io.Writer
	level   int
	buf     []byte // input of the block being filled, after its dictionary
	prev    []byte // last pzDict bytes of the previous block
	results chan chan pzResult
	jobs    chan pzJob
	wg      sync.WaitGroup
	adler   hash.Hash32
	started bool
	err     error
	done    chan struct{}
	werr    error
	pool    sync.Pool
}

type pzJob struct {
	data, dict []byte
	last       bool
	out        chan pzResult
}

type pzResult struct {
	b   *bytes.Buffer
	in  []byte
	err error
}

// NewParallelZlib returns a zlib writer that compresses on workers
// goroutines at level (1–9). Close flushes it (and does not close dst).
func NewParallelZlib(dst io.Writer, level, workers int) *ParallelZlib {
	z := &ParallelZlib{dst: dst, level: level, adler: adler32.New(),
		results: make(chan chan pzResult, workers*2), jobs: make(chan pzJob, workers), done: make(chan struct{})}
	for i := 0; i < workers; i++ {
		z.wg.Add(1)
		go z.worker()
	}
	go z.collect()
	return z
}

func (z *ParallelZlib) worker() {
	defer z.wg.Done()
	var fw *flate.Writer
	for j := range z.jobs {
		b := new(bytes.Buffer)
		b.Grow(len(j.data)/2 + 1024)
		var err error
		if fw == nil {
			fw, err = flate.NewWriterDict(b, z.level, j.dict)
		} else {
			fw.ResetDict(b, j.dict)
		}
		if err == nil {
			_, err = fw.Write(j.data)
		}
		if err == nil {
			if j.last {
				err = fw.Close()
			} else {
				err = fw.Flush()
			}
		}
		j.out <- pzResult{b: b, in: j.data, err: err}
	}
}

// collect writes the blocks' outputs in order.
func (z *ParallelZlib) collect() {
	defer close(z.done)
	for ch := range z.results {
		r := <-ch
		if z.werr == nil {
			z.werr = r.err
		}
		if z.werr == nil {
			z.adler.Write(r.in)
			_, z.werr = z.dst.Write(r.b.Bytes())
		}
		z.pool.Put(r.in[:0])
	}
}

func (z *ParallelZlib) header() {
	if z.started {
		return
	}
	z.started = true
	var flevel uint16
	switch {
	case z.level < 2:
		flevel = 0
	case z.level < 6:
		flevel = 1
	case z.level == 6:
		flevel = 2
	default:
		flevel = 3
	}
	h := uint16(0x78)<<8 | flevel<<6
	h += 31 - h%31
	z.results <- pzDone([]byte{byte(h >> 8), byte(h)})
}

// pzDone returns an already-finished result carrying raw bytes.
func pzDone(b []byte) chan pzResult {
	ch := make(chan pzResult, 1)
	ch <- pzResult{b: bytes.NewBuffer(b)}
	return ch
}

func (z *ParallelZlib) getBuf() []byte {
	if b, ok := z.pool.Get().([]byte); ok {
		return b
	}
	return make([]byte, 0, pzBlock)
}

// Write implements io.Writer.
func (z *ParallelZlib) Write(p []byte) (int, error) {
	if z.err != nil {
		return 0, z.err
	}
	z.header()
	n := len(p)
	for len(p) > 0 {
		if z.buf == nil {
			z.buf = z.getBuf()
		}
		k := min(len(p), pzBlock-len(z.buf))
		z.buf = append(z.buf, p[:k]...)
		p = p[k:]
		if len(z.buf) == pzBlock {
			z.send(false)
		}
	}
	return n, nil
}

// send hands the filled block to a worker.
func (z *ParallelZlib) send(last bool) {
	data := z.buf
	if data == nil {
		data = z.getBuf()
	}
	z.buf = nil
	ch := make(chan pzResult, 1)
	z.results <- ch
	dict := z.prev
	tail := data[max(0, len(data)-pzDict):]
	if len(tail) < pzDict {
		tail = append(append([]byte(nil), z.prev...), tail...)
		tail = tail[max(0, len(tail)-pzDict):]
	}
	// A fresh copy: data goes back to the pool once written, and dict
	// must stay as it is until its job is done.
	z.prev = append([]byte(nil), tail...)
	z.jobs <- pzJob{data: data, dict: dict, last: last, out: ch}
}

// Close ends the stream: the last block, then the Adler-32 trailer.
func (z *ParallelZlib) Close() error {
	if z.err != nil {
		return z.err
	}
	z.header()
	z.send(true)
	close(z.jobs)
	close(z.results)
	<-z.done
	z.wg.Wait()
	if z.werr != nil {
		z.err = z.werr
		return z.err
	}
	var t [4]byte
	binary.BigEndian.PutUint32(t[:], z.adler.Sum32())
	if _, err := z.dst.Write(t[:]); err != nil {
		z.err = err
		return err
	}
	z.err = errClosed
	return nil
}

var errClosed = errors.New("archive: write to a closed zlib stream")
