package dumpstream

import "sync"

// The parallel INSERT engine: with Options.Workers > 1, the reader puts
// the held INSERT statements of ruled tables, whatever their table, into
// batches; a pool of workers rewrites them, each with its own plan for
// each table; the rewriter writes the results in submission order, and
// drains the pool before it writes anything else. The output is
// byte-identical to the single-goroutine output.

// insertJob is one statement of a batch: its text is in[from:to], the
// statement in[from+start : from+end].
type insertJob struct {
	it         *insertTable
	s          InsertStatement // Text unset: it is in the batch
	from, to   int
	start, end int
}

// insertBatch is a run of consecutive held INSERT statements.
type insertBatch struct {
	in   []byte
	jobs []insertJob
	out  []byte
	err  error
	done chan struct{}
}

// insertEngine runs the workers; worker k uses insertTable.ws[k].
type insertEngine struct {
	jobs    chan *insertBatch
	pending []*insertBatch // submitted, in order
	free    []*insertBatch
	cur     *insertBatch
	limit   int
	wg      sync.WaitGroup
}

func startInsertEngine(r *rewriter, n int) *insertEngine {
	e := &insertEngine{jobs: make(chan *insertBatch, n), limit: 2 * n}
	for k := range n {
		e.wg.Add(1)
		go func(k int) {
			defer e.wg.Done()
			for b := range e.jobs {
				for i := range b.jobs {
					j := &b.jobs[i]
					s := j.s
					s.Text, s.Start, s.End = b.in[j.from:j.to], j.start, j.end
					var err error
					if b.out, err = j.it.ws[k].rewrite(b.out, &s); err != nil {
						b.err = r.insertErr(&s, err)
						break
					}
				}
				close(b.done)
			}
		}(k)
	}
	return e
}

// add copies s into the current batch and submits the batch when it is
// full; finished batches are written as they come, in order.
func (e *insertEngine) add(r *rewriter, it *insertTable, s *InsertStatement) error {
	if e.cur == nil {
		if n := len(e.free); n > 0 {
			e.cur, e.free = e.free[n-1], e.free[:n-1]
			e.cur.in, e.cur.jobs, e.cur.out, e.cur.err = e.cur.in[:0], e.cur.jobs[:0], e.cur.out[:0], nil
		} else {
			e.cur = &insertBatch{}
		}
		e.cur.done = make(chan struct{})
	}
	b := e.cur
	j := insertJob{it: it, s: *s, from: len(b.in), start: s.Start, end: s.End}
	j.s.Text = nil
	b.in = append(b.in, s.Text...)
	j.to = len(b.in)
	b.jobs = append(b.jobs, j)
	if len(b.in) >= batchBytes || len(b.jobs) >= batchRows {
		return e.submit(r)
	}
	return nil
}

func (e *insertEngine) submit(r *rewriter) error {
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

// writeOldest waits for the oldest batch and writes its statements.
func (e *insertEngine) writeOldest(r *rewriter) error {
	b := e.pending[0]
	<-b.done
	e.pending = e.pending[1:]
	if b.err != nil {
		return b.err
	}
	if err := r.write(b.out); err != nil {
		return err
	}
	if cap(b.in) <= 4*batchBytes && cap(b.out) <= 4*batchBytes {
		e.free = append(e.free, b)
	}
	return nil
}

// busy reports whether statements are in the pool.
func (e *insertEngine) busy() bool { return e.cur != nil || len(e.pending) > 0 }

// drain submits the current batch and writes every batch in flight; the
// workers are then idle, so their counts may be read.
func (e *insertEngine) drain(r *rewriter) error {
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

// stop ends the workers; batches still queued are rewritten and dropped.
func (e *insertEngine) stop() {
	if e.jobs != nil {
		close(e.jobs)
		e.wg.Wait()
		e.jobs = nil
	}
}
