package audit

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSearchTextRuns: searchText tests exactly the runs of up to maxTokens
// tokens, joined by one space, whether a run is found in place or joined.
func TestSearchTextRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 9))
	words := []string{"ab", "Jean", "Dupont", "x@y.test", "12345678", "rue", "é", "de"}
	seps := []string{" ", "  ", ", ", "\t", "(", "'", " = "}
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for k := r.IntN(12); k >= 0; k-- {
			if r.IntN(3) == 0 {
				b.WriteString(seps[r.IntN(len(seps))])
			}
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		maxTokens := 1 + r.IntN(8)
		// Every run, the way they were built before: all tokens first.
		want := map[string]bool{}
		toks := tokens([]byte(text))
		for i := range toks {
			var run []string
			for k := 0; k < maxTokens && i+k < len(toks); k++ {
				run = append(run, string(toks[i+k]))
				if s := strings.Join(run, " "); len(s) >= 6 {
					want[s] = true
				}
			}
		}
		v := &verifier{opt: VerifyOptions{MinLength: 6}, filter: newBloom(1 << 16), maxTokens: maxTokens, candidates: map[string]map[string]bool{}}
		for s := range want {
			v.filter.add([]byte(s))
			v.maxLen = max(v.maxLen, len(s))
		}
		v.searchText([]byte(text), "here")
		for s := range want {
			if v.candidates[s] == nil {
				t.Fatalf("text %q, %d tokens: run %q not tested", text, maxTokens, s)
			}
		}
		for s := range v.candidates {
			if !want[s] && v.filter.has([]byte(s)) && len(s) <= v.maxLen {
				// a Bloom false positive is possible only for a real run
				found := false
				for i := range toks {
					var run []string
					for k := 0; k < 8 && i+k < len(toks); k++ {
						run = append(run, string(toks[i+k]))
						found = found || strings.Join(run, " ") == s && k < maxTokens
					}
				}
				if !found {
					t.Fatalf("text %q: %q is not a run", text, s)
				}
			}
		}
		if got, want := string(normalize(nil, []byte(text))), strings.Join(func() []string {
			var s []string
			for _, t := range toks {
				s = append(s, string(t))
			}
			return s
		}(), " "); got != want {
			t.Fatalf("normalize(%q) = %q, want %q", text, got, want)
		}
		if n := normalize(nil, []byte(text)); !isNormal(n) || isNormal([]byte(text)) != (string(n) == text) {
			t.Fatalf("isNormal disagrees with normalize on %q", text)
		}
	}
}
