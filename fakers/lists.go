package fakers

import (
	"strings"

	"github.com/brianvoe/gofakeit/v6/data"
)

// The word lists the keyed transformers draw from, copied once from
// gofakeit/v6's data package and cleaned (see cleanList) so that every
// entry is ASCII letters, digits, spaces, apostrophes, hyphens and dots.
// Outputs depend on these lists: a gofakeit upgrade that changes them
// changes outputs, which the golden test reports.
var (
	firstNames    = cleanList(data.Person["first"])
	lastNames     = without(cleanList(data.Person["last"]), offensive)
	firstLower    = lowerLetters(firstNames) // for emails and usernames
	lastLower     = lowerLetters(lastNames)
	streetPrefix  = cleanList(data.Address["street_prefix"])
	streetNames   = cleanList(data.Address["street_name"])
	streetSuffix  = cleanList(data.Address["street_suffix"])
	streetNumbers = digitPatterns(data.Address["number"], "###")
	zipPatterns   = digitPatterns(data.Address["zip"], "#####")
	cities        = cleanList(data.Address["city"])
	countries     = cleanList(data.Address["country"])
	companySuffix = cleanList(data.Company["suffix"])
	jobDescriptor = cleanList(data.Job["descriptor"])
	jobLevel      = cleanList(data.Job["level"])
	jobTitle      = cleanList(data.Job["title"])
	loremWords    = lowerLetters(cleanList(data.Lorem["word"]))
)

// offensive lists entries of gofakeit's data that must never appear in
// anondump's output. gofakeit's last names include "Jewess", which is a
// slur, not a surname.
var offensive = map[string]bool{"Jewess": true}

// without returns l without the entries in drop.
func without(l []string, drop map[string]bool) []string {
	out := l[:0:0]
	for _, s := range l {
		if !drop[s] {
			out = append(out, s)
		}
	}
	return out
}

// cleanList returns the entries of l made safe for output, deduplicated,
// in their original order: Latin letters with diacritics are
// transliterated ("Curaçao" → "Curacao"), a parenthesized part or anything
// after a comma is dropped ("Bolivia (Plurinational State of)" → "Bolivia",
// "Korea, Republic of" → "Korea"), a slash becomes a hyphen, any other
// character outside [A-Za-z0-9 '.-] is removed, and runs of spaces are
// collapsed. Entries that end up empty are dropped.
func cleanList(l []string) []string {
	out := make([]string, 0, len(l))
	seen := make(map[string]bool, len(l))
	for _, s := range l {
		if i := strings.IndexByte(s, ','); i >= 0 {
			s = s[:i]
		}
		var b strings.Builder
		depth := 0
		for _, r := range s {
			switch {
			case r == '(':
				depth++
				continue
			case r == ')':
				if depth > 0 {
					depth--
				}
				continue
			case depth > 0:
				continue
			}
			if t, ok := translit[r]; ok {
				b.WriteString(t)
				continue
			}
			switch {
			case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9',
				r == ' ', r == '\'', r == '-', r == '.':
				b.WriteRune(r)
			case r == '/':
				b.WriteByte('-')
			}
		}
		c := strings.Join(strings.Fields(b.String()), " ")
		if c == "" || seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, c)
	}
	if len(out) == 0 {
		panic("fakers: a gofakeit data list is empty after cleaning")
	}
	return out
}

// translit maps the non-ASCII letters found in gofakeit's lists (and their
// usual neighbours) to ASCII.
var translit = map[rune]string{
	'À': "A", 'Á': "A", 'Â': "A", 'Ã': "A", 'Ä': "A", 'Å': "A", 'Æ': "AE", 'Ç': "C",
	'È': "E", 'É': "E", 'Ê': "E", 'Ë': "E", 'Ì': "I", 'Í': "I", 'Î': "I", 'Ï': "I",
	'Ñ': "N", 'Ò': "O", 'Ó': "O", 'Ô': "O", 'Õ': "O", 'Ö': "O", 'Ø': "O",
	'Ù': "U", 'Ú': "U", 'Û': "U", 'Ü': "U", 'Ý': "Y", 'ß': "ss",
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y",
}

// lowerLetters returns the entries of l lowercased with everything but
// the letters a-z removed, deduplicated.
func lowerLetters(l []string) []string {
	out := make([]string, 0, len(l))
	seen := make(map[string]bool, len(l))
	for _, s := range l {
		s = strings.Map(func(r rune) rune {
			if r >= 'A' && r <= 'Z' {
				return r + ('a' - 'A')
			}
			if r >= 'a' && r <= 'z' {
				return r
			}
			return -1
		}, s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(out) == 0 {
		panic("fakers: a gofakeit data list is empty after cleaning")
	}
	return out
}

// digitPatterns keeps the entries of l made only of '#' (a digit) and
// '-', falling back to def when none is.
func digitPatterns(l []string, def string) []string {
	var out []string
	for _, s := range l {
		if s != "" && strings.Trim(s, "#-") == "" && s[0] == '#' {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		out = []string{def}
	}
	return out
}

// maxLen returns the length of the longest entry of l.
func maxLen(l []string) int {
	n := 0
	for _, s := range l {
		n = max(n, len(s))
	}
	return n
}
