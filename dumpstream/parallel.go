package dumpstream

import "sync"

// The parallel row engine: the reader cuts a ruled COPY block into
// batches of rows, a pool of workers rewrites them, and the rewriter
// writes the results strictly in submission order (the sequencer pattern
// of gofmt). Reading, rewriting and writing overlap; the output is
// byte-identical to the single-goroutine output.

const (
	batchBytes = 256 << 10 // a batch is submitted once it holds this many bytes
	batchRows  = 4096      // … or this many rows
)

// batch is a run of consecutive rows of one COPY block.
type batch struct {
	in        []byte // the rows' raw lines, each ending in '\n'
	ends      []int  // where each row ends in in
	rows      int
	firstLine int // input line of the first row
	out       []byte
	err       error
	errLine   int
	done      chan struct{}
}

// engine runs the workers of one COPY block.
type engine struct {
	workers []*rowWorker
	jobs    chan *batch
	pending []*batch // submitted, in order
	free    []*batch
	cur     *batch
	limit   int // batches in flight at most
	wg      sync.WaitGroup
}

// startEngine starts one goroutine per worker; each owns its rowWorker.
func startEngine(workers []*rowWorker) *engine {
	e := &engine{workers: workers, jobs: make(chan *batch, len(workers)), limit: 2 * len(workers)}
	for _, w := range workers {
		e.wg.Add(1)
		go func(w *rowWorker) {
			defer e.wg.Done()
			for b := range e.jobs {
				w.run(b)
				close(b.done)
			}
		}(w)
	}
	return e
}

// run rewrites every row of b into b.out.
func (w *rowWorker) run(b *batch) {
	start := 0
	for i, end := range b.ends {
		var err error
		if b.out, err = w.appendRow(b.out, b.in[start:end]); err != nil {
			b.err, b.errLine = err, b.firstLine+i
			return
		}
		start = end
	}
}

// add appends a row (valid only until the next read) to the current batch
// and submits the batch when it is full. Finished batches are written to
// out as they come, in order.
func (e *engine) add(r *rewriter, row []byte) error {
	if e.cur == nil {
		e.cur = e.newBatch(r.line)
	}
	e.cur.in = append(e.cur.in, row...)
	e.cur.ends = append(e.cur.ends, len(e.cur.in))
	e.cur.rows++
	if len(e.cur.in) >= batchBytes || e.cur.rows >= batchRows {
		return e.submit(r)
	}
	return nil
}

func (e *engine) newBatch(line int) *batch {
	var b *batch
	if n := len(e.free); n > 0 {
		b, e.free = e.free[n-1], e.free[:n-1]
		b.in, b.ends, b.out, b.rows, b.err = b.in[:0], b.ends[:0], b.out[:0], 0, nil
	} else {
		b = &batch{}
	}
	b.firstLine, b.done = line, make(chan struct{})
	return b
}

func (e *engine) submit(r *rewriter) error {
	b := e.cur
	e.cur = nil
	e.pending = append(e.pending, b)
	e.jobs <- b
	for len(e.pending) >= e.limit {
		if err := e.writeOldest(r); err != nil {
			return err
		}
	}
	return nil
}

// writeOldest waits for the oldest batch and writes its rows.
func (e *engine) writeOldest(r *rewriter) error {
	b := e.pending[0]
	<-b.done
	e.pending = e.pending[1:]
	if b.err != nil {
		return r.rowErr(b.errLine, b.err)
	}
	if _, err := r.out.Write(b.out); err != nil {
		return err
	}
	if cap(b.in) <= 4*batchBytes && cap(b.out) <= 4*batchBytes { // keep ordinary buffers only
		e.free = append(e.free, b)
	}
	return nil
}

// drain submits the current batch and writes every batch in flight.
func (e *engine) drain(r *rewriter) error {
	if e.cur != nil {
		if err := e.submit(r); err != nil {
			return err
		}
	}
	for len(e.pending) > 0 {
		if err := e.writeOldest(r); err != nil {
			return err
		}
	}
	return nil
}

// finish submits the last batch, writes everything still pending, and
// stops the workers.
func (e *engine) finish(r *rewriter) error {
	var err error
	if e.cur != nil {
		err = e.submit(r)
	}
	for err == nil && len(e.pending) > 0 {
		err = e.writeOldest(r)
	}
	e.stop()
	return err
}

// stop ends the workers; batches still queued are rewritten and dropped.
func (e *engine) stop() {
	if e.jobs != nil {
		close(e.jobs)
		e.wg.Wait()
		e.jobs = nil
	}
}
