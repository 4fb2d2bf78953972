package cmd

import (
	"crypto/sha256"
	"encoding/hex"
	"hash"
)

// streamHash is a sha256 computed on its own goroutine, so that hashing
// the input and the output for the audit stamp does not add to the time
// of the goroutine that reads and writes the dump: each Write copies the
// bytes into one of a few buffers and hands it over.
type streamHash struct {
	full chan []byte
	free chan []byte
	done chan struct{}
	h    hash.Hash
	sum  string
}

const (
	hashBuffers   = 4
	hashBufferLen = 256 << 10
)

func newStreamHash() *streamHash {
	s := &streamHash{
		full: make(chan []byte, hashBuffers),
		free: make(chan []byte, hashBuffers),
		done: make(chan struct{}),
		h:    sha256.New(),
	}
	for range hashBuffers {
		s.free <- make([]byte, 0, hashBufferLen)
	}
	go func() {
		defer close(s.done)
		for b := range s.full {
			s.h.Write(b)
			s.free <- b[:0]
		}
	}()
	return s
}

// Write hashes p (a copy of it: p may be reused when Write returns).
func (s *streamHash) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		b := <-s.free
		k := min(len(p), cap(b))
		s.full <- append(b, p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// Sum returns the hex sha256 of everything written; nothing may be
// written after it.
func (s *streamHash) Sum() string {
	if s.full != nil {
		close(s.full)
		<-s.done
		s.sum, s.full = hex.EncodeToString(s.h.Sum(nil)), nil
	}
	return s.sum
}
