//go:build tools

// Package main pins dependencies that are not yet imported by non-test
// code, so that `go mod tidy` keeps them.
package main

import (
	_ "github.com/brianvoe/gofakeit/v6"
	_ "github.com/dchest/siphash"
	_ "github.com/pganalyze/pg_query_go/v5"
	_ "github.com/rogpeppe/go-internal/testscript"
	_ "github.com/spf13/cobra"
	_ "gopkg.in/yaml.v3"
)
