package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"io"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
)

// pzBlock is the input size of one independently compressed deflate
// block of a parallel zlib stream.
const pzBlock = 256 << 10

// pzDict is deflate's window: each block is primed with the 32 KiB of
// input before it, so matches reach back across block joins.
const pzDict = 32 << 10

// ParallelZlib is a zlib (RFC 1950) stream compressed on several
// goroutines, as pigz does: the input is cut into 256 KiB blocks, each
// block is deflated on its own (primed with the previous 32 KiB as a
// dictionary) and ended with a sync flush so it ends on a byte boundary,
// the last one with a final block; the outputs are joined in order
// between one zlib header and the Adler-32 of the whole input. Any zlib
// reader reads it. A stream shorter than one block is compressed on the
// caller's goroutine, without starting any other.
//
// It is a Compressor: Reset starts a new stream and reuses the buffers.
type ParallelZlib struct {
	dst     io.Writer
	level   int
	workers int
	buf     []byte // input of the block being filled
	prev    []byte // last pzDict bytes of input before buf
	adler   hash.Hash32
	running bool // workers started for this stream
	results chan chan pzResult
	jobs    chan pzJob
	wg      sync.WaitGroup
	done    chan struct{}
	werr    error // set by collect, read after done
	failed  atomic.Bool
	free    chan []byte // input blocks for reuse
	outs    sync.Pool   // output buffers
	serial  *flate.Writer
	err     error
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
// goroutines at level (1–9). Close ends the stream (and does not close
// dst).
func NewParallelZlib(dst io.Writer, level, workers int) *ParallelZlib {
	z := &ParallelZlib{level: level, workers: max(workers, 1), adler: adler32.New(), free: make(chan []byte, workers*3+2)}
	z.Reset(dst)
	return z
}

// Reset starts a new stream to dst.
func (z *ParallelZlib) Reset(dst io.Writer) {
	z.dst, z.buf, z.prev, z.running, z.err, z.werr = dst, z.buf[:0], z.prev[:0], false, nil, nil
	z.adler.Reset()
	z.failed.Store(false)
}

// header returns the two zlib header bytes for the level, as zlib's
// deflateInit writes them (FLEVEL from the level, FCHECK to a multiple
// of 31).
func (z *ParallelZlib) header() []byte {
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
	return []byte{byte(h >> 8), byte(h)}
}

// start starts the workers and the collector for this stream.
func (z *ParallelZlib) start() {
	z.running = true
	z.results = make(chan chan pzResult, z.workers*2)
	z.jobs = make(chan pzJob, z.workers)
	z.done = make(chan struct{})
	for i := 0; i < z.workers; i++ {
		z.wg.Add(1)
		go z.worker()
	}
	go z.collect()
	ch := make(chan pzResult, 1)
	ch <- pzResult{b: bytes.NewBuffer(z.header())}
	z.results <- ch
}

func (z *ParallelZlib) worker() {
	defer z.wg.Done()
	var fw *flate.Writer
	for j := range z.jobs {
		b, _ := z.outs.Get().(*bytes.Buffer)
		if b == nil {
			b = new(bytes.Buffer)
		}
		b.Reset()
		var err error
		if z.failed.Load() {
			j.out <- pzResult{b: b, in: j.data, err: errors.New("archive: an earlier block failed")}
			continue
		}
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
		if z.werr != nil {
			z.failed.Store(true)
		}
		if r.in != nil {
			select {
			case z.free <- r.in[:0]:
			default:
			}
		}
		z.outs.Put(r.b)
	}
}

func (z *ParallelZlib) getBuf() []byte {
	select {
	case b := <-z.free:
		return b
	default:
		return make([]byte, 0, pzBlock)
	}
}

// Write implements io.Writer.
func (z *ParallelZlib) Write(p []byte) (int, error) {
	if z.err != nil {
		return 0, z.err
	}
	if z.failed.Load() {
		return 0, errors.New("archive: parallel zlib: an earlier block failed")
	}
	n := len(p)
	for len(p) > 0 {
		if z.buf == nil {
			z.buf = z.getBuf()
		}
		k := min(len(p), pzBlock-len(z.buf))
		z.buf = append(z.buf, p[:k]...)
		p = p[k:]
		if len(z.buf) == pzBlock {
			if !z.running {
				z.start()
			}
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
	// A fresh copy: data goes back to the free list once written, and
	// dict must stay as it is until its job is done.
	z.prev = append([]byte(nil), tail...)
	z.jobs <- pzJob{data: data, dict: dict, last: last, out: ch}
}

// Close ends the stream: the last block, then the Adler-32 trailer.
func (z *ParallelZlib) Close() error {
	if z.err != nil {
		if z.err == errClosed {
			return nil
		}
		return z.err
	}
	var err error
	if z.running {
		z.send(true)
		close(z.jobs)
		close(z.results)
		<-z.done
		z.wg.Wait()
		err = z.werr
	} else {
		err = z.closeSerial()
	}
	if err == nil {
		var t [4]byte
		binary.BigEndian.PutUint32(t[:], z.adler.Sum32())
		_, err = z.dst.Write(t[:])
	}
	if err != nil {
		z.err = err
		return err
	}
	z.err = errClosed
	return nil
}

// closeSerial compresses a stream that never filled a block.
func (z *ParallelZlib) closeSerial() error {
	if _, err := z.dst.Write(z.header()); err != nil {
		return err
	}
	if z.serial == nil {
		fw, err := flate.NewWriter(z.dst, z.level)
		if err != nil {
			return err
		}
		z.serial = fw
	} else {
		z.serial.Reset(z.dst)
	}
	z.adler.Write(z.buf)
	if _, err := z.serial.Write(z.buf); err != nil {
		return err
	}
	return z.serial.Close()
}

var errClosed = errors.New("archive: write to a closed zlib stream")
