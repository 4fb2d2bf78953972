package archive

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash"
	"hash/adler32"
	"hash/crc32"
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
// With one worker, each block is compressed on the caller's goroutine as
// it fills, and the stream's bytes are the same as with any number of
// workers: the number of workers never changes the output.
//
// It is a Compressor: Reset starts a new stream and reuses the buffers.
type ParallelZlib struct {
	dst     io.Writer
	level   int
	workers int
	gzip    bool // gzip (RFC 1952) framing instead of zlib's
	blocks  int  // blocks compressed or handed out in this stream
	inline  *flate.Writer
	inOut   bytes.Buffer
	buf     []byte      // input of the block being filled
	prev    []byte      // last pzDict bytes of input before buf
	adler   hash.Hash32 // Adler-32 for zlib, CRC-32 for gzip
	size    uint32      // input length mod 2^32, for gzip's trailer
	running bool        // workers started for this stream
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
	z := &ParallelZlib{level: level, workers: max(workers, 1), adler: adler32.New(), free: make(chan []byte, max(workers, 1)*3+2)}
	z.Reset(dst)
	return z
}

// NewParallelGzip is [NewParallelZlib] with gzip (RFC 1952) framing, as
// zlib's gzopen writes it: no name, no time stamp, OS Unix, and the
// CRC-32 and length of the input as trailer.
func NewParallelGzip(dst io.Writer, level, workers int) *ParallelZlib {
	z := &ParallelZlib{level: level, workers: max(workers, 1), gzip: true, adler: crc32.NewIEEE(), free: make(chan []byte, max(workers, 1)*3+2)}
	z.Reset(dst)
	return z
}

// Reset starts a new stream to dst.
func (z *ParallelZlib) Reset(dst io.Writer) {
	z.dst, z.buf, z.prev, z.running, z.err, z.werr, z.blocks, z.size = dst, z.buf[:0], z.prev[:0], false, nil, nil, 0, 0
	z.adler.Reset()
	z.failed.Store(false)
}

// header returns the stream's header for the level, as zlib writes it:
// for zlib the two bytes of deflateInit (FLEVEL from the level, FCHECK to
// a multiple of 31), for gzip the ten bytes of gzopen (XFL 2 at level 9,
// 4 below level 2).
func (z *ParallelZlib) header() []byte {
	if z.gzip {
		var xfl byte
		switch {
		case z.level == 9:
			xfl = 2
		case z.level < 2:
			xfl = 4
		}
		return []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3}
	}
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
		err = deflateBlock(&fw, b, z.level, j.data, j.dict, j.last)
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
			z.sum(r.in)
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
			if err := z.send(false); err != nil {
				z.err = err
				return n - len(p), err
			}
		}
	}
	return n, nil
}

// send compresses the filled block, on the caller's goroutine with one
// worker, else on a worker.
func (z *ParallelZlib) send(last bool) error {
	if z.blocks == 0 {
		if z.workers == 1 {
			if _, err := z.dst.Write(z.header()); err != nil {
				return err
			}
		} else {
			z.start()
		}
	}
	z.blocks++
	data := z.buf
	if data == nil {
		data = z.getBuf()
	}
	z.buf = nil
	dict := z.prev
	tail := data[max(0, len(data)-pzDict):]
	if len(tail) < pzDict {
		tail = append(append([]byte(nil), z.prev...), tail...)
		tail = tail[max(0, len(tail)-pzDict):]
	}
	// A fresh copy: data goes back to the free list once written, and
	// dict must stay as it is until its job is done.
	z.prev = append([]byte(nil), tail...)
	if z.workers == 1 {
		return z.compressInline(data, dict, last)
	}
	ch := make(chan pzResult, 1)
	z.results <- ch
	z.jobs <- pzJob{data: data, dict: dict, last: last, out: ch}
	return nil
}

// compressInline deflates one block as a worker would, and writes it.
func (z *ParallelZlib) compressInline(data, dict []byte, last bool) error {
	z.inOut.Reset()
	if err := deflateBlock(&z.inline, &z.inOut, z.level, data, dict, last); err != nil {
		return err
	}
	z.sum(data)
	z.buf = data[:0]
	_, err := z.dst.Write(z.inOut.Bytes())
	return err
}

// deflateBlock deflates one block into out, primed with dict, ending on a
// byte boundary (a sync flush), or with the final block when last; *fw is
// the goroutine's writer, made on first use and then reset.
func deflateBlock(fw **flate.Writer, out *bytes.Buffer, level int, data, dict []byte, last bool) error {
	if *fw == nil {
		w, err := flate.NewWriterDict(out, level, dict)
		if err != nil {
			return err
		}
		*fw = w
	} else {
		(*fw).ResetDict(out, dict)
	}
	if _, err := (*fw).Write(data); err != nil {
		return err
	}
	if last {
		return (*fw).Close()
	}
	return (*fw).Flush()
}

// sum adds input to the trailer's checksum and length.
func (z *ParallelZlib) sum(p []byte) {
	z.adler.Write(p)
	z.size += uint32(len(p))
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
	switch {
	case z.running:
		err = z.send(true)
		close(z.jobs)
		close(z.results)
		<-z.done
		z.wg.Wait()
		if z.werr != nil {
			err = z.werr
		}
	case z.blocks > 0:
		err = z.send(true)
	default:
		err = z.closeSerial()
	}
	if err == nil {
		var t [8]byte
		if z.gzip {
			binary.LittleEndian.PutUint32(t[:], z.adler.Sum32())
			binary.LittleEndian.PutUint32(t[4:], z.size)
			_, err = z.dst.Write(t[:8])
		} else {
			binary.BigEndian.PutUint32(t[:], z.adler.Sum32())
			_, err = z.dst.Write(t[:4])
		}
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
	z.sum(z.buf)
	if _, err := z.serial.Write(z.buf); err != nil {
		return err
	}
	return z.serial.Close()
}

var errClosed = errors.New("archive: write to a closed zlib stream")
