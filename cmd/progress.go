package cmd

import (
	"fmt"
	"io"
	"time"

	"github.com/anondump/anondump/dumpstream"
	"github.com/schollz/progressbar/v3"
)

// progressDisplay shows, on a terminal, the bytes read (with a percentage
// when the input's size is known), the table being read and rows/s.
type progressDisplay struct {
	bar  *progressbar.ProgressBar
	stop chan struct{}
	done chan struct{}
}

const progressEvery = 250 * time.Millisecond

func startProgress(w io.Writer, size int64, read *countingReader, p *dumpstream.Progress) *progressDisplay {
	max := size
	if max <= 0 {
		max = -1 // unknown: a spinner with the byte count
	}
	d := &progressDisplay{
		bar: progressbar.NewOptions64(max,
			progressbar.OptionSetWriter(w),
			progressbar.OptionShowBytes(true),
			progressbar.OptionSetWidth(24),
			progressbar.OptionThrottle(progressEvery),
			progressbar.OptionSetDescription("anondump: starting"),
			progressbar.OptionSetRenderBlankState(true),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSpinnerType(14),
		),
		stop: make(chan struct{}),
		done: make(chan struct{}),
	}
	go func() {
		defer close(d.done)
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		lastRows, last := int64(0), time.Now()
		for {
			select {
			case <-d.stop:
				return
			case now := <-tick.C:
				rows := p.Rows()
				rate := float64(rows-lastRows) / now.Sub(last).Seconds()
				lastRows, last = rows, now
				table := p.Table()
				if table == "" {
					table = "schema"
				}
				d.bar.Describe(fmt.Sprintf("anondump: %s, %d rows (%.0f rows/s)", table, rows, rate))
				_ = d.bar.Set64(read.n.Load())
			}
		}
	}()
	return d
}

// finish stops and clears the display, so the summary or an error can
// follow on a clean line.
func (d *progressDisplay) finish() {
	close(d.stop)
	<-d.done
	_ = d.bar.Finish()
	_ = d.bar.Clear()
}
