package fakers

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

func init() {
	register(
		&Def{
			Name:    "email_mask",
			Summary: "the first character of an email's local part, *** and its domain: j***@acme.com",
			Options: []string{"char"},
			New:     newEmailMask,
		},
		&Def{
			Name:    "regex_replace",
			Summary: `each match of pattern replaced by replace, with $1 groups and keyed \d, \w, \W characters`,
			Options: []string{"pattern", "replace"},
			Keyed:   true,
			New:     newRegexReplace,
		},
		&Def{
			Name:    "pick_from",
			Summary: "one of values, chosen by the keyed derivation",
			Options: []string{"values"},
			Keyed:   true,
			New:     newPickFrom,
		},
	)
}

// emailStars is the number of mask characters email_mask writes for the
// local part, whatever its length, so the output does not tell it.
const emailStars = 3

// The email_mask transformer keeps the domain and the first character of
// the local part, and replaces the rest of the local part by exactly three
// mask characters: "john.smith@acme.com" becomes "j***@acme.com". A local
// part of one character is masked whole ("***@acme.com"): keeping it would
// keep all of it. A value that is not an email (not exactly one '@', an
// empty local part or domain, or a space or control character anywhere)
// is masked whole as "***", which tells nothing of its length either; so
// is an email whose masked form does not fit a length-limited column.
func newEmailMask(p Params) (Func, error) {
	const name = "email_mask"
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "masked emails of distinct inputs can be equal; use email or hash")
	}
	if err := checkFit(name, false, emailStars, p.Target); err != nil {
		return nil, err
	}
	c, err := maskChar(name, p.Char)
	if err != nil {
		return nil, err
	}
	return &emailMaskFunc{stars: strings.Repeat(c, emailStars), max: textLimit(p.Target)}, nil
}

type emailMaskFunc struct {
	stars string
	max   int // the column's length limit in characters; 0 = none
}

func (f *emailMaskFunc) Append(dst, in []byte) ([]byte, bool) {
	at := bytes.IndexByte(in, '@')
	if at <= 0 || at == len(in)-1 || bytes.IndexByte(in[at+1:], '@') >= 0 || !emailChars(in) {
		return append(dst, f.stars...), false
	}
	_, size := utf8.DecodeRune(in)
	if size == at {
		size = 0 // a one-character local part
	}
	if f.max > 0 {
		n := 0
		if size > 0 {
			n = 1
		}
		if n+utf8.RuneCountInString(f.stars)+utf8.RuneCount(in[at:]) > f.max {
			return append(dst, f.stars...), false
		}
	}
	dst = append(dst, in[:size]...)
	dst = append(dst, f.stars...)
	return append(dst, in[at:]...), false
}

// emailChars reports whether in holds no space or control character.
func emailChars(in []byte) bool {
	for _, c := range in {
		if c <= ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

// replOp is one piece of a compiled regex_replace replacement.
type replOp struct {
	kind  byte   // 'l' literal, 'g' group, 'd' digit, 'w' lowercase letter, 'W' uppercase letter
	lit   string // 'l'
	group int    // 'g': the group's number
}

// The regex_replace transformer replaces each match of pattern (Go's RE2
// syntax, compiled once per column) by replace, and passes the text
// between matches through as it is. In replace:
//
//   - $1 or ${1} is the text of a numbered group, ${name} that of a named
//     group; $$ is a dollar sign. A group that does not exist is an error.
//   - \d is a keyed digit, \w a keyed lowercase letter (a-z), \W a keyed
//     uppercase letter (A-Z); \\ is a backslash. Other escapes are errors.
//
// The keyed characters are drawn, in order, from the generator seeded by
// the PRF of the whole input value: the same value always gives the same
// output under a key and domain, while the same match inside two
// different values gets different characters (so a pattern matching one
// digit does not become a fixed digit-for-digit substitution). In a
// length-limited column the output is cut to the limit.
//
// Values without a match cost no allocation; Go's regexp package has no
// append-style search, so a value with matches costs one allocation per
// match and one for the list. The search runs once (no Match pre-check:
// measured slower both with and without a match).
func newRegexReplace(p Params) (Func, error) {
	const name = "regex_replace"
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "replaced values of distinct inputs can be equal; use hash")
	}
	if p.Pattern == "" {
		return nil, fmt.Errorf("%s needs `pattern:`", name)
	}
	re, err := regexp.Compile(p.Pattern)
	if err != nil {
		return nil, fmt.Errorf("%s pattern: %v", name, err)
	}
	ops, keyed, err := compileReplace(re, p.Replace)
	if err != nil {
		return nil, fmt.Errorf("%s replace: %v", name, err)
	}
	return &regexFunc{prf: p.PRF, re: re, ops: ops, keyed: keyed, max: textLimit(p.Target)}, nil
}

// compileReplace parses a replacement into ops; keyed reports whether it
// draws keyed characters.
func compileReplace(re *regexp.Regexp, s string) (ops []replOp, keyed bool, err error) {
	var lit []byte
	flush := func() {
		if len(lit) > 0 {
			ops = append(ops, replOp{kind: 'l', lit: string(lit)})
			lit = lit[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 == len(s) {
				return nil, false, fmt.Errorf(`a lone \ at the end; write \\ for a backslash`)
			}
			i++
			switch e := s[i]; e {
			case '\\':
				lit = append(lit, '\\')
			case 'd', 'w', 'W':
				flush()
				ops = append(ops, replOp{kind: e})
				keyed = true
			default:
				r, _ := utf8.DecodeRuneInString(s[i:])
				return nil, false, fmt.Errorf(`unknown escape \%c; use \d (digit), \w (lowercase letter), \W (uppercase letter) or \\`, r)
			}
		case '$':
			if i+1 == len(s) {
				return nil, false, fmt.Errorf("a lone $ at the end; write $$ for a dollar sign")
			}
			var ref string
			switch {
			case s[i+1] == '$':
				lit = append(lit, '$')
				i++
				continue
			case s[i+1] == '{':
				end := strings.IndexByte(s[i+2:], '}')
				if end < 0 {
					return nil, false, fmt.Errorf("${ without a closing }")
				}
				ref = s[i+2 : i+2+end]
				i += 2 + end
			case s[i+1] >= '0' && s[i+1] <= '9':
				j := i + 1
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
				ref = s[i+1 : j]
				i = j - 1
			default:
				return nil, false, fmt.Errorf("$ must be followed by a group number, {name} or $")
			}
			g := -1
			if n, err := strconv.Atoi(ref); err == nil {
				if n <= re.NumSubexp() {
					g = n
				}
			} else if ref != "" {
				g = re.SubexpIndex(ref)
			}
			if g < 0 {
				return nil, false, fmt.Errorf("the pattern has no group %q (it has %d)", ref, re.NumSubexp())
			}
			flush()
			ops = append(ops, replOp{kind: 'g', group: g})
		default:
			lit = append(lit, c)
		}
	}
	flush()
	return ops, keyed, nil
}

type regexFunc struct {
	prf   PRF
	r     rng
	re    *regexp.Regexp
	ops   []replOp
	keyed bool
	max   int // the column's length limit in characters; 0 = none
}

func (f *regexFunc) Append(dst, in []byte) ([]byte, bool) {
	ms := f.re.FindAllSubmatchIndex(in, -1)
	if len(ms) > 0 && f.keyed {
		f.r.seed(f.prf.Sum(in))
	}
	start, last := len(dst), 0
	for _, m := range ms {
		dst = append(dst, in[last:m[0]]...)
		for _, op := range f.ops {
			switch op.kind {
			case 'l':
				dst = append(dst, op.lit...)
			case 'g':
				if a := m[2*op.group]; a >= 0 {
					dst = append(dst, in[a:m[2*op.group+1]]...)
				}
			case 'd':
				dst = append(dst, byte('0'+f.r.intn(10)))
			case 'w':
				dst = append(dst, byte('a'+f.r.intn(26)))
			case 'W':
				dst = append(dst, byte('A'+f.r.intn(26)))
			}
		}
		last = m[1]
	}
	dst = append(dst, in[last:]...)
	return cutRunes(dst, start, f.max), false
}

// cutRunes shortens the value appended to dst since start to at most max
// characters (bytes that are not valid UTF-8 count as one each); max 0
// means no limit.
func cutRunes(dst []byte, start, max int) []byte {
	if max <= 0 || len(dst)-start <= max {
		return dst
	}
	i := start
	for n := 0; n < max && i < len(dst); n++ {
		_, size := utf8.DecodeRune(dst[i:])
		i += size
	}
	return dst[:i]
}

// The pick_from transformer writes one of its values, chosen uniformly by
// the PRF of the input: equal inputs in one domain pick the same value. A
// value listed twice is twice as likely. Each value must be a valid
// literal of the column's type (checked as for const) and fit its length;
// an empty list is refused.
func newPickFrom(p Params) (Func, error) {
	const name = "pick_from"
	if p.Unique {
		return nil, refuseUnique(name, "distinct inputs can pick the same value")
	}
	if len(p.Values) == 0 {
		return nil, fmt.Errorf("%s needs `values:`, a list of at least one value", name)
	}
	for i, v := range p.Values {
		if err := checkConst(v, p.Target); err != nil {
			// checkConst names itself const; say which value instead.
			msg := strings.TrimPrefix(err.Error(), "const value ")
			return nil, fmt.Errorf("%s value %d %s", name, i+1, msg)
		}
	}
	return &pickFunc{prf: p.PRF, values: slices.Clone(p.Values)}, nil
}

type pickFunc struct {
	prf    PRF
	r      rng
	values []string
}

func (f *pickFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	return append(dst, f.r.pick(f.values)...), false
}
