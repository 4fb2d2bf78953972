package cmd

import (
	"os"

	"golang.org/x/sys/unix"
)

// pipeBuffer is the capacity anondump asks for on a pipe it reads or
// writes: with Linux's default of 64 KiB, every 256 KiB write of the
// stream wakes the reader four times.
const pipeBuffer = 1 << 20

// growPipe enlarges the kernel buffer of f when it is a pipe. It is best
// effort: an unprivileged process may be refused more than
// /proc/sys/fs/pipe-max-size, and then nothing changes.
func growPipe(f any) {
	file, ok := f.(*os.File)
	if !ok {
		return
	}
	st, err := file.Stat()
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	_, _ = unix.FcntlInt(file.Fd(), unix.F_SETPIPE_SZ, pipeBuffer)
}
