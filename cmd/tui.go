package cmd

// Every message anondump prints goes through this file, in the way of
// age's cmd/age/tui.go: standard output holds only what was asked for (the
// dump, a rules file, a report); everything else goes to standard error,
// one message a line, as
//
//	anondump: error: …
//	anondump: warning: …
//	anondump: note: …
//	anondump: hint: …
//
// lower case, no final period, and never a value from the dump. Indented
// lines inside a message (YAML to paste into the rules file) are printed
// as they are, so they can be copied.

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// printer writes anondump's messages to standard error.
type printer struct {
	w io.Writer
}

// warningf and hintf print one message of their kind; a note (nothing
// prints one yet) is p.print("note", …).
func (p printer) warningf(format string, a ...any) { p.print("warning", fmt.Sprintf(format, a...)) }
func (p printer) hintf(format string, a ...any)    { p.print("hint", fmt.Sprintf(format, a...)) }

// infof prints a line of the run's summary, which has no kind.
func (p printer) infof(format string, a ...any) {
	fmt.Fprintf(p.w, "anondump: %s\n", fmt.Sprintf(format, a...))
}

// error prints err, then the hints its chain carries, each on its own line.
func (p printer) error(err error) {
	p.print("error", err.Error())
	var h *hintError
	if errors.As(err, &h) {
		for _, hint := range h.hints {
			p.hintf("%s", hint)
		}
	}
}

// print writes msg with the prefix of its kind on each of its lines;
// indented lines are written as they are.
func (p printer) print(kind, msg string) {
	prefix := "anondump: " + kind + ": "
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(msg, "\n"), "\n") {
		if !strings.HasPrefix(line, "  ") {
			b.WriteString(prefix)
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	io.WriteString(p.w, b.String())
}

// hintError is an error with hints: what to do about it, printed after the
// error on lines of their own.
type hintError struct {
	err   error
	hints []string
}

func (e *hintError) Error() string { return e.err.Error() }
func (e *hintError) Unwrap() error { return e.err }

// withHint adds a hint to err.
func withHint(err error, format string, a ...any) error {
	return &hintError{err: err, hints: []string{fmt.Sprintf(format, a...)}}
}
