package audit

import (
	"regexp"
	"sort"
	"strings"

	"github.com/anondump/anondump/jsonpath"
	"github.com/anondump/anondump/rules"
)

// Suggesting paths: rules for json and jsonb columns from detector hits
// inside sampled documents. A path is written only when it names members
// by plain words (a key that is data, such as an email used as a key,
// never reaches a suggestion) and arrays as [*].

// plainPath is a path of plain member names and [*] selectors.
var plainPath = regexp.MustCompile(`^\$(\.[A-Za-z_][A-Za-z0-9_-]{0,63}|\[\*\])*$`)

// pathMember matches the member names of a plain path.
var pathMember = regexp.MustCompile(`\.([A-Za-z_][A-Za-z0-9_-]*)`)

// safePath reports whether path may be written in a suggestion: plain
// member names that do not look like a person's name, and a path that
// compiles.
func safePath(path string) bool {
	if !plainPath.MatchString(path) {
		return false
	}
	for _, m := range pathMember.FindAllStringSubmatch(path, -1) {
		if personName([]byte(m[1])) {
			return false
		}
	}
	_, err := jsonpath.Compile([]string{path})
	return err == nil
}

// lastMember returns the last member name of a plain path ("phone" for
// $.contacts[*].phone, "phones" for $.phones[*]), or "".
func lastMember(path string) string {
	ms := pathMember.FindAllStringSubmatch(path, -1)
	if len(ms) == 0 {
		return ""
	}
	return ms[len(ms)-1][1]
}

// keyTransform is the transformer a member name asks for ("telefon" →
// phone), or "".
func keyTransform(key string) string {
	w := words(key)
	for _, nr := range nameRules {
		if keyKinds[nr.transform] && nr.re.MatchString(w) {
			switch nr.transform {
			case "address_part":
				return "city"
			case "const":
				return "hash"
			}
			return nr.transform
		}
	}
	return ""
}

// pathRule is the rule suggested for the leaves at path that look like
// detector (a detector name, "text with …", "a personal key name"), or ""
// when a paths: rule cannot address them (a key that is data). number
// says a leaf there was a JSON number, which only a rule that writes
// numbers may rewrite.
func pathRule(path, detector string, number bool) string {
	switch {
	case strings.HasPrefix(detector, "a key that looks like"), !safePath(path):
		return ""
	case number:
		return `{transform: const, value: "0"}`
	case detectorTransform[detector] != "":
		return detectorTransform[detector]
	case strings.HasPrefix(detector, "text with "):
		return "lorem"
	case detector == "a personal key name":
		if t := keyTransform(lastMember(path)); t != "" {
			return t
		}
	}
	return "hash"
}

// pathsYAML writes a paths: rule for column, its paths in order.
func pathsYAML(column string, byPath map[string]string) string {
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	parts := make([]string, len(paths))
	for i, p := range paths {
		parts[i] = `"` + p + `": ` + byPath[p]
	}
	s := "{paths: {" + strings.Join(parts, ", ") + "}}"
	if column != "" {
		s = rules.YAMLKey(column) + ": " + s
	}
	return s
}

// walkPaths notes, for a sampled document of a json column, the paths of
// the leaves that look personal (see [scanColumn.stablePaths]).
func (c *scanColumn) walkPaths(doc []byte) {
	if c.jpaths == nil {
		c.jpaths = map[string]*pathHits{}
	}
	seen := map[string]bool{}
	err := jsonpath.Walk(doc, func(path []byte, v jsonpath.Value) error {
		var d string
		switch v.Kind {
		case jsonpath.String:
			d = Detect(v.Text)
		case jsonpath.Number:
			if strings.Trim(string(v.Text), "0123456789") == "" { // as walkJSON
				d = Detect(v.Text)
			}
		default:
			return nil
		}
		p := string(path)
		if !safePath(p) {
			// A member name that is data ({"bob@…": 1}) or a leaf that
			// looks personal under a name a suggestion cannot spell.
			if d != "" || Detect(path) != "" {
				c.jreach = true
			}
			return nil
		}
		if d == "" && personalKey(lastMember(p), string(v.Text)) {
			d = "a personal key name"
		}
		if d == "" {
			return nil
		}
		h := c.jpaths[p]
		if h == nil {
			if len(c.jpaths) >= maxPaths {
				c.jreach = true
				return nil
			}
			h = &pathHits{detector: map[string]int{}}
			c.jpaths[p] = h
		}
		if !seen[p] {
			seen[p] = true
			h.docs++
		}
		h.detector[d]++
		h.number = h.number || v.Kind == jsonpath.Number
		return nil
	})
	if err != nil {
		c.jreach = true // not JSON: the suggestion must not stop the run on it
	}
}

// stablePaths returns the paths: rule for the column's sampled hits, or
// nil when they are not at stable paths: some hit is out of a path's
// reach, or a path was seen in only one of several sampled documents (the
// shape varies, as with ids used as keys).
func (c *scanColumn) stablePaths() map[string]string {
	if c.jreach || len(c.jpaths) == 0 {
		return nil
	}
	out := map[string]string{}
	for p, h := range c.jpaths {
		if c.sampled >= 2 && h.docs < 2 {
			return nil
		}
		best, n := "", 0
		for d, k := range h.detector {
			if k > n || k == n && d < best {
				best, n = d, k
			}
		}
		r := pathRule(p, best, h.number)
		if r == "" {
			return nil
		}
		out[p] = r
	}
	return out
}
