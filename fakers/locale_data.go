package fakers

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// The word lists of the locales other than en_US, one entry a line
// (see locales/README.md for their format and sources). en_US draws from
// gofakeit's data (lists.go).
//
//go:embed locales
var localeFiles embed.FS

// localeData is what the locale-dependent transformers draw from. Its
// generators are closures over its lists; they do not allocate.
type localeData struct {
	name                  string
	first, last           []string // as written ("Élodie", "Müller")
	firstLower, lastLower []string // lowercase a-z only, for emails and usernames
	cities                []string
	companySuffix         []string
	and                   string // the conjunction of "Durand et Petit"

	street, phone, postcode genFunc

	// phoneFixed and postFixed are the longest phone number and postcode
	// in characters; phoneDigits and postDigits their most digits, 0 when
	// the format has letters and so cannot be written as a number.
	phoneFixed, phoneDigits, postFixed, postDigits int
}

// localeTable holds each locale twice: as written (index 0) and folded to
// ASCII (index 1), for dumps whose encoding is not UTF-8. A locale's data
// is built the first time a transformer asks for it, so a run pays only
// for the locales its rules name.
var localeTable = func() map[string]*lazyLocale {
	m := make(map[string]*lazyLocale, len(locales))
	for _, name := range locales {
		m[name] = &lazyLocale{name: name}
	}
	return m
}()

// lazyLocale is one locale's data, built once on first use.
type lazyLocale struct {
	name string
	once sync.Once
	data [2]*localeData
}

// localeFor returns the data of p's locale. It panics on a locale not in
// Locales: Def.New checks it first.
func localeFor(p Params) *localeData {
	i := 0
	if p.ASCII {
		i = 1
	}
	ll, ok := localeTable[localeOf(p)]
	if !ok {
		panic("fakers: unknown locale " + localeOf(p))
	}
	ll.once.Do(func() { ll.data = [2]*localeData{buildLocale(ll.name, false), buildLocale(ll.name, true)} })
	return ll.data[i]
}

// localeSpec is the part of a locale that is code rather than word lists:
// how it writes addresses, phones and postcodes.
type localeSpec struct {
	companySuffix []string
	and           string
	// phones are the number patterns (see appendPattern), one chosen
	// uniformly; where the numbering plan reserves numbers for drama and
	// documentation, they are all in those ranges.
	phones []string
	// postcodes are the postcode patterns, one chosen uniformly.
	postcodes []string
	// numberFirst: the house number comes before the street name.
	numberFirst bool
	numberSep   string // between street name and number when it follows ("Calle Mayor, 12")
}

var localeSpecs = map[string]localeSpec{
	"en_GB": {
		companySuffix: []string{"Ltd", "PLC", "LLP", "and Sons", "Group"},
		and:           "and",
		// Ofcom's numbers for TV and radio drama: 01632 960000-960999,
		// 020 7946 0000-0999, 0113/0114/0115/0116/0117/0118/0121/0131/
		// 0141/0151/0161 496 0000-0999, 0191 498 0000-0999,
		// 028 9649 6000-6999, 029 2018 0000-0999, 07700 900000-900999.
		phones: []string{
			"01632 960###", "020 7946 0###", "0113 496 0###", "0114 496 0###", "0115 496 0###",
			"0116 496 0###", "0117 496 0###", "0118 496 0###", "0121 496 0###", "0131 496 0###",
			"0141 496 0###", "0151 496 0###", "0161 496 0###", "0191 498 0###", "028 9649 6###",
			"029 2018 0###", "07700 900###",
		},
		postcodes:   gbPostcodes(),
		numberFirst: true,
	},
	"fr_FR": {
		companySuffix: []string{"SARL", "SA", "SAS", "et Fils", "et Associés"},
		and:           "et",
		// ARCEP's numbers for fiction: 01 99 00, 02 61 91, 03 53 01,
		// 04 65 71, 05 36 49 and 06 39 98, each followed by four digits.
		phones:      []string{"01 99 00 ## ##", "02 61 91 ## ##", "03 53 01 ## ##", "04 65 71 ## ##", "05 36 49 ## ##", "06 39 98 ## ##"},
		postcodes:   prefixed(1, 95, "###"), // département, then three digits
		numberFirst: true,
	},
	"de_DE": {
		companySuffix: []string{"GmbH", "AG", "KG", "GmbH & Co. KG", "OHG"},
		and:           "und",
		// The Bundesnetzagentur's numbers for film and television:
		// 030 23125, 069 90009, 040 66969, 0221 4710 and 089 99998, each
		// followed by three digits.
		phones:    []string{"030 23125###", "069 90009###", "040 66969###", "0221 4710###", "089 99998###"},
		postcodes: prefixed(1, 99, "###"),
		numberSep: " ",
	},
	"es_ES": {
		companySuffix: []string{"S.L.", "S.A.", "S.L.U.", "y Asociados", "Hermanos"},
		and:           "y",
		// Spain reserves no range for fiction: mobile numbers of the 6
		// range, in the national format.
		phones:    []string{"6## ### ###"},
		postcodes: prefixed(1, 52, "###"), // province, then three digits
		numberSep: ", ",
	},
	"it_IT": {
		companySuffix: []string{"S.r.l.", "S.p.A.", "S.n.c.", "S.a.s.", "e Figli"},
		and:           "e",
		// Italy reserves no range for fiction: mobile numbers under the
		// common 3xx prefixes, in the national format.
		phones: []string{
			"320 ### ####", "328 ### ####", "329 ### ####", "333 ### ####", "334 ### ####", "338 ### ####",
			"339 ### ####", "340 ### ####", "345 ### ####", "347 ### ####", "348 ### ####", "349 ### ####",
			"366 ### ####", "380 ### ####", "388 ### ####", "389 ### ####", "391 ### ####", "393 ### ####",
		},
		postcodes: prefixed(0, 98, "###"), // CAP: 00010-98168
		numberSep: " ",
	},
	"nl_NL": {
		companySuffix: []string{"B.V.", "N.V.", "V.O.F.", "en Zonen", "Groep"},
		and:           "en",
		// The Netherlands reserve no range for fiction: mobile numbers
		// 06 1 to 06 5, in the national format.
		phones:    []string{"06 1#######", "06 2#######", "06 3#######", "06 4#######", "06 5#######"},
		postcodes: []string{"%### @@"},
		numberSep: " ",
	},
}

// prefixed returns the patterns "NN"+rest for NN from lo to hi.
func prefixed(lo, hi int, rest string) []string {
	var l []string
	for n := lo; n <= hi; n++ {
		l = append(l, fmt.Sprintf("%02d%s", n, rest))
	}
	return l
}

// gbPostcodes are UK postcode patterns under the real postcode areas: the
// area, a district, a space, a sector digit and two unit letters.
func gbPostcodes() []string {
	areas := strings.Fields(`AB AL B BA BB BD BH BL BN BR BS CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL
		DN DT DY E EH EN EX FK FY G GL GU HA HD HG HP HR HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU
		M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS
		ST SW SY TA TD TF TN TQ TR TS TW UB W WA WD WF WN WR WS WV YO`)
	var l []string
	for _, a := range areas {
		l = append(l, a+"% #@@", a+"1# #@@")
	}
	return l
}

// Pattern characters: '#' a digit, '%' a digit 1-9, '@' a letter of
// postcode units (the letters a locale's postcodes use; see
// patternLetters); anything else stands for itself.
func appendPattern(r *rng, dst []byte, pattern, letters string) []byte {
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; c {
		case '#':
			dst = append(dst, byte('0'+r.intn(10)))
		case '%':
			dst = append(dst, byte('1'+r.intn(9)))
		case '@':
			dst = append(dst, letters[r.intn(len(letters))])
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// patternLetters are the letters of postcode units: the UK leaves out
// C, I, K, M, O and V; the Netherlands F, I, O, Q, U and Y (and the pairs
// SA, SD and SS, which appendNLPostcode avoids).
var patternLetters = map[string]string{
	"en_GB": "ABDEFGHJLNPQRSTUWXYZ",
	"nl_NL": "ABCDEGHJKLMNPRSTVWXZ",
}

func buildLocale(name string, ascii bool) *localeData {
	l := &localeData{name: name}
	if name == DefaultLocale {
		l.first, l.last, l.firstLower, l.lastLower, l.cities = firstNames, lastNames, firstLower, lastLower, cities
		l.companySuffix, l.and = companySuffix, "and"
		l.street, l.phone, l.postcode = genStreet, genPhone, genPostcode
		l.phoneFixed, l.phoneDigits = len("+1-NXX-555-XXXX"), len("1NXX555XXXX")
		l.postFixed, l.postDigits = maxLen(zipPatterns), countDigits(zipPatterns)
		return l
	}
	spec := localeSpecs[name]
	// Folded entry by entry, without removing the entries that become
	// equal, so that the same input picks the same entry in both forms:
	// the ASCII value is the folded UTF-8 value.
	fold := func(list []string) []string {
		if !ascii {
			return list
		}
		out := make([]string, len(list))
		for i, s := range list {
			out[i] = asciiFold(s)
		}
		return out
	}
	l.first = fold(readList(name, "first"))
	l.last = fold(readList(name, "last"))
	l.cities = fold(readList(name, "cities"))
	streets := fold(readList(name, "streets"))
	l.firstLower = lowerLetters(asciiList(l.first))
	l.lastLower = lowerLetters(asciiList(l.last))
	l.companySuffix = fold(spec.companySuffix)
	l.and = spec.and
	letters := patternLetters[name]
	phones, posts := spec.phones, spec.postcodes
	l.phone = func(r *rng, dst []byte) []byte { return appendPattern(r, dst, r.pick(phones), letters) }
	l.postcode = func(r *rng, dst []byte) []byte {
		start := len(dst)
		for {
			dst = appendPattern(r, dst[:start], r.pick(posts), letters)
			if name != "nl_NL" || !nlReserved(dst[start:]) {
				return dst
			}
		}
	}
	first, sep := spec.numberFirst, spec.numberSep
	l.street = func(r *rng, dst []byte) []byte {
		n := 1 + r.intn(199)
		if first {
			dst = appendInt(dst, n)
			dst = append(dst, ' ')
			return append(dst, r.pick(streets)...)
		}
		dst = append(dst, r.pick(streets)...)
		dst = append(dst, sep...)
		return appendInt(dst, n)
	}
	l.phoneFixed, l.phoneDigits = maxLen(phones), countDigits(phones)
	l.postFixed, l.postDigits = maxLen(posts), countDigits(posts)
	if name == "en_GB" {
		l.postDigits = 0 // a UK postcode is mostly letters: no number stands for it
	}
	return l
}

// nlReserved reports whether a Dutch postcode ends in one of the letter
// pairs PostNL does not use (SA, SD, SS).
func nlReserved(pc []byte) bool {
	if len(pc) < 2 {
		return false
	}
	s := string(pc[len(pc)-2:])
	return s == "SA" || s == "SD" || s == "SS"
}

// appendInt appends n (0 < n < 1000) in decimal.
func appendInt(dst []byte, n int) []byte {
	if n >= 100 {
		dst = append(dst, byte('0'+n/100))
	}
	if n >= 10 {
		dst = append(dst, byte('0'+n/10%10))
	}
	return append(dst, byte('0'+n%10))
}

// readList reads locales/<locale>/<list>.txt: one entry a line, '#'
// starting a comment line. A missing or empty list is a build error of
// anondump itself, so it panics; TestLocaleLists checks every file's
// format.
func readList(locale, list string) []string {
	path := "locales/" + locale + "/" + list + ".txt"
	f, err := localeFiles.Open(path)
	if err != nil {
		panic("fakers: " + err.Error())
	}
	defer f.Close()
	var out []string
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	if len(out) == 0 {
		panic("fakers: " + path + " is empty")
	}
	return out
}

// asciiList returns l folded to ASCII: letters with diacritics lose them
// ("Müller" → "Muller", "Œuvre" → "OEuvre"), anything else not ASCII is
// dropped; entries that become equal are kept once.
func asciiList(l []string) []string {
	out := make([]string, 0, len(l))
	seen := make(map[string]bool, len(l))
	for _, s := range l {
		a := asciiFold(s)
		if a == "" || seen[a] {
			continue
		}
		seen[a] = true
		out = append(out, a)
	}
	return out
}

// asciiFold folds s to ASCII (see asciiList).
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		t, ok := translit[r]
		if !ok {
			t, ok = foldMore[r]
		}
		switch {
		case ok:
			b.WriteString(t)
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// foldMore folds the letters of the locales' lists that translit, which
// gofakeit's lists depend on, does not have.
var foldMore = map[rune]string{
	'Œ': "OE", 'œ': "oe", 'Ÿ': "Y", 'Ā': "A", 'ā': "a", 'Ē': "E", 'ē': "e", 'Ī': "I", 'ī': "i",
	'Ō': "O", 'ō': "o", 'Ū': "U", 'ū': "u", 'Ł': "L", 'ł': "l", 'Š': "S", 'š': "s", 'Ž': "Z", 'ž': "z",
	'Č': "C", 'č': "c", 'Ć': "C", 'ć': "c", 'Ę': "E", 'ę': "e", 'Ą': "A", 'ą': "a", 'Ś': "S", 'ś': "s",
	'Ź': "Z", 'ź': "z", 'Ż': "Z", 'ż': "z", 'Ń': "N", 'ń': "n", 'Ř': "R", 'ř': "r", 'Ě': "E", 'ě': "e",
	'Ő': "O", 'ő': "o", 'Ű': "U", 'ű': "u", 'Ğ': "G", 'ğ': "g", 'İ': "I", 'ı': "i", 'Ş': "S", 'ş': "s",
}
