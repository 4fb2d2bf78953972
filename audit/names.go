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
	s := strings.TrimSpace(string(v))
	if len(s) < 2 || len(s) > 60 {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !capitalisedWord(w) {
			return false
		}
	}
	if len(ws) == 1 {
		return isFirstName(ws[0]) || isLastName(ws[0])
	}
	return isFirstName(ws[0]) || isLastName(ws[len(ws)-1])
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
