// Command anondump turns a PostgreSQL dump into one that is safe to share.
package main

//go:generate go run ./internal/gendoc

import (
	"os"

	"github.com/anondump/anondump/cmd"
)

func main() { os.Exit(cmd.Main(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
