package audit

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/brianvoe/gofakeit/v6/data"
)

// Name dictionaries, for recognising person names in column contents:
// gofakeit's first and last names (the lists fakers draws from) and the
// common EN/FR/DE/ES names of dict/names.txt, all folded to lower-case
// ASCII.

//go:embed dict/names.txt
var namesTxt string

var (
	namesOnce              sync.Once
	firstNameSet, lastName map[string]bool
)

func loadNames() {
	firstNameSet, lastName = map[string]bool{}, map[string]bool{}
	for _, n := range data.Person["first"] {
		firstNameSet[foldName(n)] = true
	}
	for _, n := range data.Person["last"] {
		lastName[foldName(n)] = true
	}
	set := firstNameSet
	for _, line := range strings.Split(namesTxt, "\n") {
		switch line = strings.TrimSpace(line); {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "first:":
			set = firstNameSet
		case line == "last:":
			set = lastName
		default:
			for _, n := range strings.Fields(line) {
				set[foldName(n)] = true
			}
		}
	}
}

// foldName lower-cases a name and strips its accents.
func foldName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if t, ok := fold[r]; ok {
			r = t
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isFirstName and isLastName look a word up in the dictionaries.
func isFirstName(w string) bool { namesOnce.Do(loadNames); return firstNameSet[foldName(w)] }
func isLastName(w string) bool  { namesOnce.Do(loadNames); return lastName[foldName(w)] }

// personName reports whether v looks like a person's name: one to three
// capitalised words of letters (hyphens and apostrophes allowed), a
// single word being a known first or last name, and of several words the
// first a known first name or the last a known last name.
func personName(v []byte) bool {
	return personNameString(strings.TrimSpace(string(v)))
}

// personNames reports whether v is a list of people's names ("Angus
// Young, Malcolm Young & Brian Johnson"), or one.
func personNames(v []byte) bool {
	s := strings.TrimSpace(string(v))
	if !strings.ContainsAny(s, ",&/;") {
		return personNameString(s)
	}
	parts, names := 0, 0
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '&' || r == '/' || r == ';' }) {
		part = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(part), "and "))
		if part == "" {
			continue
		}
		parts++
		if personNameString(part) {
			names++
		}
	}
	return names > 0 && names*2 >= parts
}

func personNameString(s string) bool {
	if len(s) < 2 || len(s) > 60 {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) > 3 {
		return false
	}
	var full []string // the words that are not initials ("R.A.")
	for _, w := range ws {
		if initials(w) {
			continue
		}
		if !capitalisedWord(w) {
			return false
		}
		full = append(full, w)
	}
	switch {
	case len(full) == 0:
		return false
	case len(ws) == 1:
		return isFirstName(ws[0]) || isLastName(ws[0])
	}
	return isFirstName(full[0]) || isLastName(full[len(full)-1])
}

// initials: "J." or "R.A.".
func initials(w string) bool {
	if len(w) < 2 || len(w) > 6 || w[len(w)-1] != '.' {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'A' && c <= 'Z' || c == '.') {
			return false
		}
	}
	return true
}

// capitalisedWord: a letter in upper case, then letters, hyphens or
// apostrophes.
func capitalisedWord(w string) bool {
	for i, r := range w {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0x17F
		switch {
		case i == 0 && !(r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE):
			return false
		case !letter && r != '-' && r != '\'':
			return false
		}
	}
	return true
}
