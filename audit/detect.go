// Package audit looks at dumps for personal data: detectors of values that
// look personal, `scan` (a starter rules file from a dump) and `verify`
// (what of an original dump survives in its anonymized copy).
//
// Nothing here ever reports a value: only tables, columns, detector names
// and counts.
package audit

import (
	"bytes"
	"net/netip"
	"regexp"
	"strings"

	"github.com/anondump/anondump/dumpstream"
)

// A Detector recognizes values that look personal.
type Detector struct {
	Name string // email, phone, iban, card, ipv4, ipv6, national_id, jwt, api_key, uuid
	// Whole reports whether the whole value is of this kind.
	Whole func(v []byte) bool
	// Within finds the kind inside free text; nil when the kind is only
	// recognized as a whole value.
	Within *regexp.Regexp
}

var (
	emailRe   = regexp.MustCompile(`^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$`)
	emailIn   = regexp.MustCompile(`[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	phoneRe   = regexp.MustCompile(`^(\+?[0-9]|\([0-9])[0-9 ().-]{6,18}[0-9]$`)
	phoneIn   = regexp.MustCompile(`\+[0-9][0-9 ().-]{7,17}[0-9]`)
	ibanRe    = regexp.MustCompile(`^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$`)
	ibanIn    = regexp.MustCompile(`\b[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}\b`)
	cardIn    = regexp.MustCompile(`\b[0-9](?:[ -]?[0-9]){12,18}\b`)
	ssnRe     = regexp.MustCompile(`^[0-9]{3}-[0-9]{2}-[0-9]{4}$`)                          // US SSN
	ninoRe    = regexp.MustCompile(`^[A-CEGHJ-PR-TW-Z]{2}[0-9]{6}[A-D]$`)                   // UK National Insurance
	nirRe     = regexp.MustCompile(`^[12][0-9]{2}(0[1-9]|1[0-2])(2[AB]|[0-9]{2})[0-9]{8}$`) // French NIR with its key (15)
	dniRe     = regexp.MustCompile(`^[0-9XYZ][0-9]{7}[A-Z]$`)                               // Spanish DNI / NIE
	jwtRe     = regexp.MustCompile(`^eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*$`)
	jwtIn     = regexp.MustCompile(`eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*`)
	apiKeyRe  = regexp.MustCompile(`^(sk_(live|test)_|pk_(live|test)_|ghp_|gho_|github_pat_|xox[abpr]-|AKIA|AIza|glpat-)[A-Za-z0-9_-]{10,}$`)
	apiKeyIn  = regexp.MustCompile(`(sk_(live|test)_|ghp_|github_pat_|xox[abpr]-|AKIA|glpat-)[A-Za-z0-9_-]{10,}`)
	tokenLike = regexp.MustCompile(`^[A-Za-z0-9_+/=-]{32,}$`)
)

// Detectors are the checks, most specific first.
var Detectors = []Detector{
	{Name: "jwt", Whole: jwtRe.Match, Within: jwtIn},
	{Name: "api_key", Whole: isAPIKey, Within: apiKeyIn},
	{Name: "email", Whole: emailRe.Match, Within: emailIn},
	{Name: "iban", Whole: isIBAN, Within: ibanIn},
	{Name: "card", Whole: isCard, Within: cardIn},
	{Name: "national_id", Whole: isNationalID},
	{Name: "ipv6", Whole: func(v []byte) bool { return isIP(v, false) }},
	{Name: "ipv4", Whole: func(v []byte) bool { return isIP(v, true) }},
	{Name: "phone", Whole: isPhone, Within: phoneIn},
}

// Bounds on the work of [Detect] on one value. No whole-value kind
// (emails, tokens, IBANs…) is longer than maxWhole; free text is searched
// in its first maxWithin bytes, so a 150 MB document costs what 1 MiB
// does (the detectors sample; they do not prove absence).
const (
	maxWhole  = 16 << 10
	maxWithin = 1 << 20
)

// Detect returns the name of the first detector that recognizes v as a
// whole, or that finds its kind inside v when v is free text ("text with
// email", ...); "" when nothing looks personal.
func Detect(v []byte) string {
	v = bytes.TrimSpace(v)
	if len(v) < 6 {
		return ""
	}
	if len(v) <= maxWhole {
		for _, d := range Detectors {
			if d.Whole(v) {
				return d.Name
			}
		}
	}
	v = v[:min(len(v), maxWithin)]
	if bytes.IndexByte(v, ' ') < 0 && bytes.IndexByte(v, '\n') < 0 {
		return "" // not free text
	}
	for _, d := range Detectors {
		if d.Within == nil {
			continue
		}
		for _, m := range d.Within.FindAll(v, 4) {
			if d.Whole(m) {
				return "text with " + d.Name
			}
		}
	}
	return ""
}

// Kinds of column type, for [DetectTyped].
const (
	shapeText   = iota // text, varchar, char, citext, unknown or user-defined types
	shapeNumber        // integers, floats, numeric, money, oid
	shapeNone          // dates, times, booleans, intervals, geometry, bytea, uuid, …: nothing personal in the shape
	shapeInet          // inet, cidr, macaddr
	shapeJSON          // json, jsonb
)

// shapeOf classifies a column type; nil (a data-only dump) is text.
func shapeOf(t *dumpstream.Type) int {
	if t == nil {
		return shapeText
	}
	switch t.Name {
	case "int2", "int4", "int8", "smallint", "integer", "bigint", "float4", "float8", "real", "double precision",
		"numeric", "decimal", "money", "oid", "serial", "bigserial", "smallserial":
		return shapeNumber
	case "date", "time", "timetz", "timestamp", "timestamptz", "interval", "bool", "boolean", "bytea", "uuid",
		"point", "line", "lseg", "box", "path", "polygon", "circle", "tsvector", "tsquery", "bit", "varbit",
		"int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange", "xml", "pg_lsn", "txid_snapshot":
		return shapeNone
	case "inet", "cidr", "macaddr", "macaddr8":
		return shapeInet
	case "json", "jsonb":
		return shapeJSON
	}
	return shapeText
}

// DetectTyped is [Detect] weighed by the column's type (nil when the dump
// does not declare it): a number is never a phone, only a card number
// when it has the digits of one; dates, booleans, UUIDs and the like are
// nothing personal; an inet is an IP address; a JSON document is walked
// and its string leaves and key names tested ("json with email").
func DetectTyped(v []byte, t *dumpstream.Type) string {
	if t != nil && t.ArrayDims > 0 {
		return Detect(v) // the caller looks at the elements
	}
	switch shapeOf(t) {
	case shapeNumber:
		if v = bytes.TrimSpace(v); isCard(v) && bytes.IndexByte(v, '.') < 0 {
			return "card"
		}
		return ""
	case shapeNone:
		return ""
	case shapeInet:
		if i := bytes.IndexByte(v, '/'); i >= 0 {
			v = v[:i]
		}
		switch {
		case isIP(v, true):
			return "ipv4"
		case isIP(v, false):
			return "ipv6"
		}
		return ""
	case shapeJSON:
		if h := detectJSON(v, nil); h != "" {
			return "json with " + h
		}
		return ""
	}
	return Detect(v)
}

// identifierGrade lists the detectors whose hits identify a person on
// their own: an original value of this kind found anywhere in a copy is a
// leak, whatever column it is found in.
var identifierGrade = map[string]bool{
	"email": true, "phone": true, "iban": true, "card": true, "national_id": true, "jwt": true, "api_key": true,
}

var phoneExt = regexp.MustCompile(`(?i)\s*(ext\.?|x|#)\s*[0-9]{1,6}$`)

func isPhone(v []byte) bool {
	if loc := phoneExt.FindIndex(v); loc != nil && loc[0] > 0 {
		v = v[:loc[0]] // an extension: "+1-555-7919 ext. 12"
	}
	if !phoneRe.Match(v) {
		return false
	}
	digits := 0
	for _, c := range v {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	// A phone number has separators or a leading +; a bare run of digits
	// is more likely an id or an amount, and digits with one dot are a
	// decimal number ("1234.56789012", a float8 distance).
	if bytes.Count(v, []byte(".")) == 1 && !bytes.ContainsAny(v, " ()-+") {
		return false
	}
	if v[0] == '+' {
		return digits >= 7 && digits <= 15 // international form
	}
	return digits >= 9 && digits <= 15 && bytes.ContainsAny(v, " ().-")
}

func isIP(v []byte, four bool) bool {
	a, err := netip.ParseAddr(string(v))
	if err != nil || a.Is4() != four {
		return false
	}
	return !a.IsLoopback() && !a.IsUnspecified()
}

// isIBAN checks the shape and the ISO 7064 mod-97 check digits.
func isIBAN(v []byte) bool {
	s := strings.ReplaceAll(string(v), " ", "")
	if !ibanRe.MatchString(s) {
		return false
	}
	s = s[4:] + s[:4]
	rem := 0
	for _, c := range s {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		default:
			rem = (rem*100 + int(c-'A'+10)) % 97
		}
	}
	return rem == 1
}

// isCard checks 13–19 digits (spaces or dashes allowed) and the Luhn sum.
func isCard(v []byte) bool {
	var digits []int
	for _, c := range v {
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, int(c-'0'))
		case c == ' ' || c == '-':
		default:
			return false
		}
	}
	if len(digits) < 13 || len(digits) > 19 {
		return false
	}
	sum := 0
	for i := range digits {
		d := digits[len(digits)-1-i]
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func isNationalID(v []byte) bool {
	return ssnRe.Match(v) || ninoRe.Match(v) || nirRe.Match(v) || dniRe.Match(v)
}

// isAPIKey recognizes well-known key prefixes, and long random-looking
// tokens that mix upper case, lower case and digits.
func isAPIKey(v []byte) bool {
	if apiKeyRe.Match(v) {
		return true
	}
	if !tokenLike.Match(v) {
		return false
	}
	var upper, lower, digit bool
	for _, c := range v {
		switch {
		case c >= 'A' && c <= 'Z':
			upper = true
		case c >= 'a' && c <= 'z':
			lower = true
		case c >= '0' && c <= '9':
			digit = true
		}
	}
	return upper && lower && digit
}
