package archive

import (
	"bufio"
	"errors"
	"io"
	"strings"
)

// maxStr bounds one TOC string (a defn of a huge function or view is a
// few MB at most); a longer length is taken as corruption.
const maxStr = 1 << 30

// decoder reads the archive's primitives and counts the bytes it read.
type decoder struct {
	r       *bufio.Reader
	off     int64
	intSize int
	offSize int
	where   func() string
}

// fail returns a FormatError at the current offset.
func (d *decoder) fail(msg string, err error) error {
	w := "header"
	if d.where != nil {
		w = d.where()
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		err = ErrTruncated
	}
	return &FormatError{Offset: d.off, Where: w, Msg: msg, Err: err}
}

func (d *decoder) byte1(what string) (byte, error) {
	b, err := d.r.ReadByte()
	if err != nil {
		return 0, d.fail("reading "+what, err)
	}
	d.off++
	return b, nil
}

// full reads exactly len(p) bytes.
func (d *decoder) full(p []byte, what string) error {
	n, err := io.ReadFull(d.r, p)
	d.off += int64(n)
	if err != nil {
		return d.fail("reading "+what, err)
	}
	return nil
}

// uintN reads n little-endian bytes; bytes beyond the eighth must be zero.
func (d *decoder) uintN(n int, what string) (uint64, error) {
	var v uint64
	for i := 0; i < n; i++ {
		b, err := d.byte1(what)
		if err != nil {
			return 0, err
		}
		if i >= 8 {
			if b != 0 {
				return 0, d.fail(what+" does not fit in 64 bits", nil)
			}
			continue
		}
		v |= uint64(b) << (8 * i)
	}
	return v, nil
}

// int reads a sign byte and intSize magnitude bytes.
func (d *decoder) int(what string) (int64, error) {
	sign, err := d.byte1(what)
	if err != nil {
		return 0, err
	}
	if sign > 1 {
		return 0, d.fail(what+": bad sign byte", nil)
	}
	v, err := d.uintN(d.intSize, what)
	if err != nil {
		return 0, err
	}
	if v > 1<<62 {
		return 0, d.fail(what+" is out of range", nil)
	}
	if sign == 1 {
		return -int64(v), nil
	}
	return int64(v), nil
}

// str reads a length-prefixed string (length −1 is NULL). The bytes are
// read as they arrive, so a corrupt huge length on a short input costs
// only what the input holds.
func (d *decoder) str(what string) (Str, error) {
	n, err := d.int(what + " length")
	if err != nil {
		return Str{}, err
	}
	if n == -1 {
		return Null, nil
	}
	if n < 0 || n > maxStr {
		return Str{}, d.fail(what+": bad string length", nil)
	}
	if n <= 4096 {
		buf := make([]byte, n)
		if err := d.full(buf, what); err != nil {
			return Str{}, err
		}
		return S(string(buf)), nil
	}
	var b strings.Builder
	m, err := io.CopyN(&b, d.r, n)
	d.off += m
	if err != nil {
		return Str{}, d.fail("reading "+what, err)
	}
	return S(b.String()), nil
}

// encoder writes the archive's primitives.
type encoder struct {
	w       *bufio.Writer
	intSize int
	offSize int
	err     error
}

func (e *encoder) byte1(b byte) {
	if e.err == nil {
		e.err = e.w.WriteByte(b)
	}
}

func (e *encoder) uintN(n int, v uint64) {
	for i := 0; i < n; i++ {
		e.byte1(byte(v))
		v >>= 8
	}
}

func (e *encoder) int(v int64) {
	if v < 0 {
		e.byte1(1)
		v = -v
	} else {
		e.byte1(0)
	}
	if e.intSize < 8 && uint64(v)>>(8*e.intSize) != 0 && e.err == nil {
		e.err = errors.New("archive: an int does not fit in the archive's int size")
	}
	e.uintN(e.intSize, uint64(v))
}

func (e *encoder) str(s Str) {
	if s.Null {
		e.int(-1)
		return
	}
	e.int(int64(len(s.S)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s.S)
	}
}
