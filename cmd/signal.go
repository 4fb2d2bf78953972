package cmd

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals are the signals that end a run: ^C, kill, and the terminal
// going away.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP}

// signalGuard runs a cleanup and exits with 128+signal when a stop signal
// arrives before the run is finished.
type signalGuard struct {
	mu       sync.Mutex
	finished bool
	ch       chan os.Signal
	stopOnce sync.Once
}

// catchSignals starts catching the stop signals; they wait for handle.
func catchSignals() *signalGuard {
	g := &signalGuard{ch: make(chan os.Signal, 1)}
	signal.Notify(g.ch, stopSignals...)
	return g
}

// handle starts handling the stop signals caught (also one caught
// already): cleanup runs, and the process exits with 128+signal (the
// shell's convention).
func (g *signalGuard) handle(cleanup func(os.Signal)) {
	go func() {
		sig, ok := <-g.ch
		if !ok {
			return
		}
		g.mu.Lock()
		if g.finished {
			g.mu.Unlock()
			return
		}
		cleanup(sig)
		os.Exit(128 + signalNumber(sig))
	}()
}

// finish marks the run as finished, so that a later signal does not clean
// up what it commits. It returns false when a signal's cleanup has
// already begun (the process is then about to exit).
func (g *signalGuard) finish() bool {
	if !g.mu.TryLock() {
		return false
	}
	defer g.mu.Unlock()
	g.finished = true
	return true
}

// stop stops catching the signals.
func (g *signalGuard) stop() {
	g.stopOnce.Do(func() {
		signal.Stop(g.ch)
		close(g.ch)
	})
}

func signalNumber(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return int(s)
	}
	return 1
}

// signalName is the signal's usual name: SIGINT, SIGTERM, SIGHUP.
func signalName(sig os.Signal) string {
	switch sig {
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	case syscall.SIGHUP:
		return "SIGHUP"
	}
	return fmt.Sprint(sig)
}
