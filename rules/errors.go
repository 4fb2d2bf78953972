package rules

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a rules file.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem with the rules, at a position in the rules file.
type Error struct {
	Pos  Pos
	Path string // what the rule is about: "public.users.email", or empty
	Msg  string
	kind string // for check: the Problem kind, when not "rule"
}

func (e *Error) Error() string {
	if e.Path == "" {
		return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", e.Pos, e.Path, e.Msg)
}

// ErrorList is every problem found in one pass, sorted by position.
type ErrorList []*Error

func (l ErrorList) Error() string {
	s := make([]string, len(l))
	for i, e := range l {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Unwrap lets errors.As reach each *Error.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func (l *ErrorList) add(pos Pos, path, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// err returns the list sorted, or nil when empty.
func (l ErrorList) err() error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return l
}

// suggest returns the candidate closest to s, when it is close enough to
// be a likely typo, or "".
func suggest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// didYouMean formats a suggestion as a message suffix.
func didYouMean(s string, candidates []string) string {
	if m := suggest(s, candidates); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

// distance is the Levenshtein distance between a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// CoverageError says that, in strict mode, a table with data has columns
// (or no rule at all) that the rules do not cover. Its message ends with
// the YAML to add, indented, ready to paste.
type CoverageError struct {
	Table   string   // qualified name
	File    string   // the rules file
	Columns []string // the uncovered columns
	HasRule bool     // false when the table has no rule at all
	Inserts bool     // the rows are INSERT statements, which cannot be checked
}

func (e *CoverageError) Error() string {
	var b strings.Builder
	switch {
	case e.Inserts:
		fmt.Fprintf(&b, "no rule, and its rows are INSERT statements without a column list for a table the dump does not declare, so anondump cannot tell their columns; dump the schema too, or with --column-inserts, or if the table holds nothing personal add to %s:\n", e.File)
		fmt.Fprintf(&b, "  %s:\n    keep: true", YAMLKey(e.Table))
		return b.String()
	case e.HasRule:
		fmt.Fprintf(&b, "strict mode: %d column(s) have no rule: %s; add a transformer or `keep` for each to %s (or run with --no-strict):\n",
			len(e.Columns), strings.Join(e.Columns, ", "), e.File)
	default:
		fmt.Fprintf(&b, "strict mode: the table has data but no rule; add one to %s, with a transformer or `keep` for each column, `keep: true` for a table with nothing personal, or `truncate: true` (or run with --no-strict):\n", e.File)
	}
	fmt.Fprintf(&b, "  %s:\n    columns:", YAMLKey(e.Table))
	for _, c := range e.Columns {
		fmt.Fprintf(&b, "\n      %s: keep", YAMLKey(c))
	}
	return b.String()
}

// YAMLKey writes a string as a YAML key or scalar that reads back as the
// same string: plain when that is safe, else single-quoted.
func YAMLKey(s string) string {
	plain := s != ""
	for i := 0; plain && i < len(s); i++ {
		c := s[i]
		plain = c == '_' || c == '.' || c == '-' && i > 0 || c == ' ' && i > 0 && i < len(s)-1 ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	switch strings.ToLower(s) {
	case "keep", "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~":
		plain = false
	}
	if plain {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}
