// Package jsonpath rewrites chosen leaves of a JSON document in one pass
// and copies everything else byte for byte.
//
// # Paths
//
// A path starts with $, the whole document, followed by selectors:
//
//	.name       the member "name" of an object (letters, digits, _ - $
//	            and non-ASCII characters; quote any other name)
//	["name"]    the member "name", quoted with " or '; \\ \" \' escape
//	[n]         element n (0-based, no sign, no leading zero) of an array
//	.* or [*]   every member of an object and every element of an array
//	..name      the member "name" of the value or of anything below it
//	..["a b"]   the same with a quoted name; ..[n] and ..* likewise
//
// So $.a.b, $.list[*].x, $.obj.*, $..email, $["key with space"] and
// $.list[0] are paths. A selector never matches a value of the wrong
// type ([0] does not match an object's member "0"). Compile reports a
// bad path with its 1-based character column (*PathError), and refuses
// two spellings of one path. Set.Canonical gives one spelling.
//
// # What is matched
//
// A leaf is a string, number, boolean or null. A path matches the leaves
// it selects and every leaf inside an object or array it selects, at any
// depth: "$.phones" on ["+33…", "+44…"] rewrites each element, as a rule
// on a text[] column rewrites each element. When several paths match a
// leaf, the one with the lowest index wins.
//
// # What is kept
//
// Rewrite reads a document once and appends it to a buffer. Only the
// matched leaves for which the callback returns a different Value are
// rewritten; every other byte is copied: whitespace, member order,
// duplicate members, number spellings, string escapes. A returned Value
// equal to the one given keeps the original spelling, so an identity
// callback gives the input back exactly. This keeps json (not jsonb)
// columns exactly; jsonb text as PostgreSQL prints it is JSON text too.
//
// A replacement is written in the Kind the callback returns: a String is
// encoded with minimal escaping (quote, backslash and control characters
// only; invalid UTF-8 becomes U+FFFD), a Number must be a JSON number, a
// Bool true or false. Rewrite does not force a leaf to keep its Kind:
// that is the caller's policy (see below). Note that jsonb refuses the
// escape \u0000, which a replacement string containing NUL would produce.
//
// # Errors
//
// Invalid JSON (RFC 8259, nesting up to MaxDepth) is an *Error with Path
// -1 and the 0-based byte offset of the problem; IsInvalidJSON tells it
// apart. A failing callback or a malformed replacement is an *Error with
// the path's index and the leaf's offset. No error text contains
// document content; a callback's own error must not either.
//
// # Use from the rules layer
//
// Per json/jsonb column with paths:, compile the Set once per table (the
// Set is immutable and shared by the row workers), and keep one func per
// path that wraps that path's rule (a transform, cases or a template)
// like a dumpstream.ColumnRewriter: it gets the leaf's decoded text,
// appends the rule's output to its own scratch buffer and returns it as
// a Value of the leaf's Kind (refusing, at plan time, rules that cannot
// produce that Kind, and passing Null leaves through unless the rule
// says otherwise). The column's Rewrite then calls
//
//	out, err := set.Rewrite(dst, value, f)
//
// with f dispatching on the path index. When IsInvalidJSON(err), apply
// on_invalid: null (write NULL), keep (write the value unchanged) or
// error (name the table, column and dump line, and add the offset). For
// a json[] or jsonb[] column, call Rewrite on each element.
//
// For scan and verify, Walk visits every leaf with its path, arrays
// spelled [*] ($.contacts[*].phone), so detector hits inside sampled
// documents group into path suggestions that Compile accepts. Those paths
// spell member names from the document, so scan should treat them as it
// treats values before writing them out.
//
// Rewrite and Walk keep their scratch state in a sync.Pool, so the common case
// allocates nothing per document once warm.
package jsonpath
