// Package dumpstream reads and rewrites plain-format pg_dump output as a
// stream.
//
// # Model
//
// A plain dump is a psql script: SQL statements, psql meta-commands
// (`\connect`, `\restrict KEY`), comments, and COPY blocks:
//
//	COPY public.users (id, email) FROM stdin;
//	1	alice@example.org
//	\.
//
// [Rewrite] copies every byte outside COPY data to the output verbatim: it
// never re-prints a statement. It lexes the SQL only far enough to find
// statement boundaries (quotes, dollar quotes, comments, meta-commands),
// so the text `COPY` or `\.` inside a function body is never mistaken for
// data. When a `COPY … FROM stdin;` statement ends, its header is parsed
// once (with pg_query) and the [Transformer] is asked for a [TablePlan]:
// a nil plan copies the block untouched; otherwise each row is split on
// TAB, only the fields a plan rewrites are decoded ([AppendDecoded]),
// rewritten, and encoded back ([AppendEncoded]); the other fields stay raw
// bytes.
//
// Column types come from the dump's own CREATE TABLE and CREATE DOMAIN
// statements, which pg_dump writes before the data; they are parsed as they
// pass and reset at every `\connect`.
//
// # Layers
//
// lex.go is the SQL lexer, classify.go says what a statement is, parse.go
// (the only pg_query importer) parses the few statements that matter,
// catalog.go remembers the declared types, constraints' tables and the
// search_path. walk.go is [Walk], the read-only pass (check, scan and
// verify use it) that hands a [Visitor] the schema, the constraints, the
// raw text and the COPY blocks; block.go is a block's rows ([Row], with
// fields split and decoded lazily; [WalkBlock] reads a block from a
// stream of its own, such as an archive entry) and the row codec
// ([RowCodec]). rows.go rewrites one row, parallel.go runs the ordered
// worker pool, and rewrite.go is [Rewrite]: the walk plus a writer.
//
// # Guarantees
//
// With a Transformer that returns no plans, the output is byte-identical
// to the input, whatever the input; input that is not a complete dump
// (truncated in a COPY block, a string, or before pg_dump's "dump
// complete" trailer) still comes out identical, and Rewrite returns an
// error. Errors name the input line, the table and the column, never a
// value from the dump.
//
// # Memory
//
// Text outside COPY data and the rows of blocks nobody reads (no plan)
// stream through the read buffer in chunks: memory is bounded whatever
// the line length. A row that is read (a ruled table, a visitor's block)
// is held whole, once; a huge ruled row costs about twice its size (its
// text and its rewritten value). The statements anondump parses (COPY,
// CREATE TABLE/DOMAIN/TYPE) are kept up to 64 MiB. Per-row work reuses
// its buffers.
package dumpstream
