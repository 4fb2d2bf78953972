package fakers

import (
	"bytes"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The validators below are written from the published rules of each
// number, independently of ids.go: they share no table or helper with it.

// ibanSpec is one country's IBAN: length and BBAN shape (ISO 13616
// registry), and the national check, if any.
type ibanSpec struct {
	length int
	bban   *regexp.Regexp
	check  func(bban string) bool // nil: no national check
}

var ibanSpecs = map[string]ibanSpec{
	"DE": {22, regexp.MustCompile(`^[0-9]{18}$`), nil},
	"FR": {27, regexp.MustCompile(`^[0-9]{10}[0-9A-Z]{11}[0-9]{2}$`), ribKeyValid},
	"ES": {24, regexp.MustCompile(`^[0-9]{20}$`), cccValid},
	"IT": {27, regexp.MustCompile(`^[A-Z][0-9]{10}[0-9A-Z]{12}$`), cinValid},
	"NL": {18, regexp.MustCompile(`^[A-Z]{4}[0-9]{10}$`), nil},
	"GB": {22, regexp.MustCompile(`^[A-Z]{4}[0-9]{14}$`), nil},
}

// ibanMod97 reports whether s passes ISO 13616's check: the first four
// characters moved to the end, letters replaced by 10..35, the number mod
// 97 is 1. It uses math/big on the whole number.
func ibanMod97(s string) bool {
	var digits strings.Builder
	for _, c := range s[4:] + s[:4] {
		switch {
		case c >= '0' && c <= '9':
			digits.WriteRune(c)
		case c >= 'A' && c <= 'Z':
			digits.WriteString(strconv.Itoa(int(c-'A') + 10))
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// validIBAN reports whether s is a valid IBAN of country: prefix, length,
// BBAN shape, check digits and the national check.
func validIBAN(s, country string) bool {
	spec, ok := ibanSpecs[country]
	if !ok || len(s) != spec.length || s[:2] != country || s[2] < '0' || s[2] > '9' || s[3] < '0' || s[3] > '9' {
		return false
	}
	if !spec.bban.MatchString(s[4:]) || !ibanMod97(s) {
		return false
	}
	return spec.check == nil || spec.check(s[4:])
}

// ribKeyValid checks a French RIB: bank(5) branch(5) account(11) key(2),
// letters of the account read as digits by the RIB table
// (A,J=1 B,K,S=2 C,L,T=3 D,M,U=4 E,N,V=5 F,O,W=6 G,P,X=7 H,Q,Y=8 I,R,Z=9);
// 89·bank + 15·branch + 3·account + key ≡ 0 (mod 97).
func ribKeyValid(b string) bool {
	groups := []string{"AJ", "BKS", "CLT", "DMU", "ENV", "FOW", "GPX", "HQY", "IRZ"}
	conv := func(s string) int64 {
		var n int64
		for _, c := range s {
			d := int64(c - '0')
			if c >= 'A' {
				d = int64(slices.IndexFunc(groups, func(g string) bool { return strings.ContainsRune(g, c) }) + 1)
			}
			n = n*10 + d
		}
		return n
	}
	return (89*conv(b[:5])+15*conv(b[5:10])+3*conv(b[10:21])+conv(b[21:]))%97 == 0
}

// cccValid checks a Spanish CCC: bank(4) branch(4) DC(2) account(10).
func cccValid(b string) bool {
	dc := func(s string) byte {
		w := []int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}
		sum := 0
		for i := range 10 {
			sum += w[i] * int(s[i]-'0')
		}
		d := 11 - sum%11
		if d == 11 {
			d = 0
		} else if d == 10 {
			d = 1
		}
		return byte('0' + d)
	}
	return dc("00"+b[:8]) == b[8] && dc(b[10:]) == b[9]
}

// itCheckChar is the check letter of the Italian CIN and codice fiscale:
// each character at an odd position (1st, 3rd, ...) counts by the "dispari"
// table, at an even position by the "pari" value (0-9 for digits, 0-25 for
// A-Z); the sum mod 26 is the letter.
func itCheckChar(s string) byte {
	dispari := map[byte]int{
		'0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
		'A': 1, 'B': 0, 'C': 5, 'D': 7, 'E': 9, 'F': 13, 'G': 15, 'H': 17, 'I': 19, 'J': 21,
		'K': 2, 'L': 4, 'M': 18, 'N': 20, 'O': 11, 'P': 3, 'Q': 6, 'R': 8, 'S': 12, 'T': 14,
		'U': 16, 'V': 10, 'W': 22, 'X': 25, 'Y': 24, 'Z': 23,
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (i+1)%2 == 1 {
			sum += dispari[c]
		} else if c >= 'A' {
			sum += int(c - 'A')
		} else {
			sum += int(c - '0')
		}
	}
	return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[sum%26]
}

// cinValid checks an Italian BBAN: CIN, ABI(5), CAB(5), account(12).
func cinValid(b string) bool { return itCheckChar(b[1:]) == b[0] }

// dutchElevenTest reports whether the weighted sum Σ (n−i)·dᵢ of the digits
// of s (weights n..1) is a multiple of 11 and s is not all zeros.
func dutchElevenTest(s string) bool {
	sum := 0
	for i := range len(s) {
		sum += (len(s) - i) * int(s[i]-'0')
	}
	return sum%11 == 0 && strings.Trim(s, "0") != ""
}

var (
	ssnRe  = regexp.MustCompile(`^([0-9]{3})-([0-9]{2})-([0-9]{4})$`)
	ninoRe = regexp.MustCompile(`^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]$`)
	nirRe  = regexp.MustCompile(`^[12][0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[1-8][0-9]|9[0-5])[0-9]{6}[0-9]{2}$`)
	dniRe  = regexp.MustCompile(`^[0-9]{8}[A-Z]$`)
	cfRe   = regexp.MustCompile(`^[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-7][0-9][A-Z][0-9]{3}[A-Z]$`)
	digRe  = regexp.MustCompile(`^[0-9]+$`)
)

// validSSN checks an SSN, AAA-GG-SSSS: area 001-899 but not 666, group
// not 00, serial not 0000.
func validSSN(s string) bool {
	m := ssnRe.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	area, _ := strconv.Atoi(m[1])
	return area >= 1 && area <= 899 && area != 666 && m[2] != "00" && m[3] != "0000"
}

// validNINO checks a National Insurance number without spaces.
func validNINO(s string) bool {
	if !ninoRe.MatchString(s) {
		return false
	}
	switch s[:2] {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// validNIR checks a French NIR of 15 digits (no 2A/2B): shape, département
// not 20, commune 001-990, order 001-999, key = 97 − (first 13 mod 97).
func validNIR(s string) bool {
	if !nirRe.MatchString(s) || s[5:7] == "20" {
		return false
	}
	commune, _ := strconv.Atoi(s[7:10])
	order, _ := strconv.Atoi(s[10:13])
	n, _ := strconv.ParseInt(s[:13], 10, 64)
	key, _ := strconv.Atoi(s[13:])
	return commune >= 1 && commune <= 990 && order >= 1 && key == int(97-n%97)
}

// validSteuerID checks a German tax ID: 11 digits, first not 0; in the
// first ten one digit occurs two or three times, the others at most once,
// never three equal digits in a row; ISO 7064 MOD 11,10 check digit.
func validSteuerID(s string) bool {
	if len(s) != 11 || !digRe.MatchString(s) || s[0] == '0' {
		return false
	}
	var count [10]int
	for i := range 10 {
		count[s[i]-'0']++
	}
	multi := 0
	for _, c := range count {
		switch {
		case c == 2 || c == 3:
			multi++
		case c > 3:
			return false
		}
	}
	if multi != 1 {
		return false
	}
	for i := 2; i < 10; i++ {
		if s[i] == s[i-1] && s[i] == s[i-2] {
			return false
		}
	}
	// ISO 7064 MOD 11,10 (a hybrid system): P = 10; for each digit
	// S = (P + d) mod 10, 10 for 0, P = 2·S mod 11; the check digit c
	// makes (P + c) mod 10 = 1.
	p := 10
	for i := range 10 {
		sum := (p + int(s[i]-'0')) % 10
		if sum == 0 {
			sum = 10
		}
		p = (2 * sum) % 11
	}
	return (p+int(s[10]-'0'))%10 == 1
}

// validDNI checks a Spanish DNI: 8 digits and the letter of n mod 23.
func validDNI(s string) bool {
	if !dniRe.MatchString(s) {
		return false
	}
	n, _ := strconv.Atoi(s[:8])
	return "TRWAGMYFPDXBNJZSQVHLCKE"[n%23] == s[8]
}

// validCF checks an Italian codice fiscale (without omocodia): shape,
// day 01-31 or 41-71 within the month, check letter.
func validCF(s string) bool {
	if !cfRe.MatchString(s) {
		return false
	}
	day, _ := strconv.Atoi(s[9:11])
	if day > 40 {
		day -= 40
	}
	maxDay := map[byte]int{'A': 31, 'B': 29, 'C': 31, 'D': 30, 'E': 31, 'H': 30, 'L': 31, 'M': 31, 'P': 30, 'R': 31, 'S': 30, 'T': 31}[s[8]]
	return day >= 1 && day <= maxDay && itCheckChar(s[:15]) == s[15]
}

// validBSN checks a Dutch BSN: 9 digits, 9·d1 + … + 2·d8 − d9 ≡ 0 mod 11,
// not all zero.
func validBSN(s string) bool {
	if len(s) != 9 || !digRe.MatchString(s) || s == "000000000" {
		return false
	}
	sum := 0
	for i := range 8 {
		sum += (9 - i) * int(s[i]-'0')
	}
	return (sum-int(s[8]-'0'))%11 == 0
}

var idCharset = regexp.MustCompile(`^[0-9A-Z-]+$`)

// idSpecs is what each locale's national_id must be: the text form's
// validator and length, and the number form's digits (0: none).
var idSpecs = map[string]struct {
	valid  func(string) bool
	length int
	digits int
}{
	"en_US": {validSSN, 11, 9},
	"en_GB": {validNINO, 9, 0},
	"fr_FR": {validNIR, 15, 15},
	"de_DE": {validSteuerID, 11, 11},
	"es_ES": {validDNI, 9, 0},
	"it_IT": {validCF, 16, 0},
	"nl_NL": {validBSN, 9, 9},
}

// ibanCountry is the IBAN country each locale writes.
var ibanCountry = map[string]string{
	"en_US": "DE", "de_DE": "DE", "en_GB": "GB", "fr_FR": "FR", "es_ES": "ES", "it_IT": "IT", "nl_NL": "NL",
}

// validNumberID checks the number form of locale's national_id: digits,
// no leading zero, valid as the ID (an SSN with its dashes put back).
func validNumberID(locale, s string) bool {
	if !digRe.MatchString(s) || s[0] == '0' {
		return false
	}
	if locale == "en_US" {
		return len(s) == 9 && validSSN(s[:3]+"-"+s[3:5]+"-"+s[5:])
	}
	return idSpecs[locale].valid(s)
}

// corrupt returns s with the digit at i replaced by the next digit.
func corrupt(s string, i int) string {
	b := []byte(s)
	b[i] = '0' + (b[i]-'0'+1)%10
	return string(b)
}

// TestIDValidators runs the validators on published valid numbers and on
// those numbers with one digit changed, so that a validator that accepts
// everything fails here.
func TestIDValidators(t *testing.T) {
	ibans := []string{
		"DE89370400440532013000", "GB29NWBK60161331926819", "ES9121000418450200051332",
		"IT60X0542811101000000123456", "NL91ABNA0417164300", "FR7630006000011234567890189",
		"FR1420041010050500013M02606",
	}
	for _, s := range ibans {
		if !validIBAN(s, s[:2]) {
			t.Errorf("validIBAN(%s) = false", s)
		}
		for i := 2; i < len(s); i++ {
			if s[i] >= '0' && s[i] <= '9' {
				if c := corrupt(s, i); validIBAN(c, c[:2]) {
					t.Errorf("validIBAN(%s) = true (%s with digit %d changed)", c, s, i)
				}
			}
		}
	}
	// National checks alone, with the IBAN check digits recomputed so that
	// only the national check can reject.
	for _, s := range []string{"FR7630006000011234567890189", "ES9121000418450200051332", "IT60X0542811101000000123456"} {
		for i := 4; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				continue
			}
			c := corrupt(s, i)
			c = c[:2] + ibanCheckOf(c) + c[4:]
			if !ibanMod97(c) {
				t.Fatalf("ibanCheckOf(%s) wrong", c)
			}
			if validIBAN(c, c[:2]) {
				t.Errorf("validIBAN(%s) = true: national check missed digit %d of %s", c, i, s)
			}
		}
	}
	if !dutchElevenTest("0417164300") || dutchElevenTest("0417164301") {
		t.Error("dutchElevenTest wrong on NL91ABNA0417164300's account")
	}

	// Published or hand-checked valid numbers; with a check digit, every
	// one-digit change must be rejected. The bad ones break a range or
	// shape rule, with their check digits recomputed where the number has
	// them, so that only the rule can reject them.
	ids := []struct {
		valid   func(string) bool
		checked bool // has a check digit or letter
		ok      []string
		bad     []string
	}{
		{validSSN, false, []string{"078-05-1120", "001-01-0001", "899-99-9999"},
			[]string{"666-12-3456", "000-12-3456", "900-12-3456", "123-00-4567", "123-45-0000", "123456789", "123-45-678"}},
		{validNINO, false, []string{"AB123456C", "CE000000D", "ZY999999A"},
			[]string{"QQ123456C", "DA123456A", "AO123456A", "BG123456A", "GB123456A", "NK123456A", "TN123456A", "ZZ123456A", "AB123456E", "AB12345C", "AB 12 34 56 C"}},
		{validNIR, true, []string{"185057800608491", "255081416802538"},
			[]string{nirWithKey("3850578006084"), nirWithKey("1851378006084"), nirWithKey("1850020006084"),
				nirWithKey("1850520006084"), nirWithKey("1850596006084"), nirWithKey("1850578991084"),
				nirWithKey("1850578000084"), nirWithKey("1850578006000"), "185057800608492", "18505780060849"}},
		{validSteuerID, true, []string{"86095742719", "47036892816"},
			[]string{steuerWithCheck("0609574271"), steuerWithCheck("1112345678"), steuerWithCheck("1123456677"),
				steuerWithCheck("1234567890"), steuerWithCheck("1111234567"), "8609574271"}},
		{validDNI, true, []string{"12345678Z", "00000000T"}, []string{"12345678A", "1234567Z", "12345678z"}},
		{validCF, true, []string{"RSSMRA85T10A562S"},
			[]string{cfWithCheck("RSSMRA85T32A562"), cfWithCheck("RSSMRA85F10A562"), cfWithCheck("RSSMRA85B30A562"),
				cfWithCheck("RSSMRA85T00A562"), cfWithCheck("RSSMRA85T72A562"), cfWithCheck("RSSMR185T10A562")}},
		{validBSN, true, []string{"111222333", "123456782"}, []string{"000000000", "12345678", "1112223330"}},
	}
	for _, tc := range ids {
		for _, s := range tc.ok {
			if !tc.valid(s) {
				t.Errorf("%s rejected", s)
			}
			for i := range len(s) {
				if tc.checked && s[i] >= '0' && s[i] <= '9' {
					if c := corrupt(s, i); tc.valid(c) {
						t.Errorf("%s accepted (%s with digit %d changed)", c, s, i)
					}
				}
			}
		}
		for _, s := range tc.bad {
			if tc.valid(s) {
				t.Errorf("%s accepted", s)
			}
		}
	}
	if s := steuerWithCheck("1121345678"); !validSteuerID(s) {
		t.Errorf("validSteuerID(%s) = false: a digit three times, not in a row", s)
	}
}

// nirWithKey appends the NIR key to 13 digits.
func nirWithKey(s string) string {
	n, _ := strconv.ParseInt(s, 10, 64)
	return fmt.Sprintf("%s%02d", s, 97-n%97)
}

// cfWithCheck appends the check letter to 15 characters.
func cfWithCheck(s string) string { return s + string(itCheckChar(s)) }

// ibanCheckOf computes the two check digits of IBAN s (whose own check
// digits are ignored) with math/big.
func ibanCheckOf(s string) string {
	var digits strings.Builder
	for _, c := range s[4:] + s[:2] + "00" {
		if c >= 'A' {
			digits.WriteString(strconv.Itoa(int(c-'A') + 10))
		} else {
			digits.WriteRune(c)
		}
	}
	n, _ := new(big.Int).SetString(digits.String(), 10)
	return fmt.Sprintf("%02d", 98-new(big.Int).Mod(n, big.NewInt(97)).Int64())
}

// steuerWithCheck appends the one check digit that validSteuerID's MOD
// 11,10 test accepts, found by trying all ten.
func steuerWithCheck(s string) string {
	for c := '0'; c <= '9'; c++ {
		p := 10
		for i := range 10 {
			sum := (p + int(s[i]-'0')) % 10
			if sum == 0 {
				sum = 10
			}
			p = (2 * sum) % 11
		}
		if (p+int(c-'0'))%10 == 1 {
			return s + string(c)
		}
	}
	panic("no check digit")
}

func newID(t testing.TB, name, locale string, key Key, target Target) Func {
	t.Helper()
	f, err := mustDef(name).New(Params{PRF: key.Domain(name), Locale: locale, Target: target})
	if err != nil {
		t.Fatalf("%s %s: %v", name, locale, err)
	}
	return f
}

// idInputs returns n distinct inputs.
func idInputs(n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = fmt.Appendf(nil, "person-%d@example.%d", i, i%7)
	}
	return out
}

var bigint = Target{Class: ClassInt, Bits: 64}

// TestIDProperties: for every locale, 10 000 inputs give outputs the
// validators accept, deterministic, different under another key, and
// spread over the ID's parts.
func TestIDProperties(t *testing.T) {
	in := idInputs(10_000)
	other := NewKey([]byte("other-key"))
	for _, locale := range Locales() {
		t.Run(locale, func(t *testing.T) {
			forms := []struct {
				name   string
				target Target
				valid  func(string) bool
				length int
			}{
				{"iban", Target{}, func(s string) bool { return validIBAN(s, ibanCountry[locale]) }, ibanSpecs[ibanCountry[locale]].length},
				{"national_id", Target{}, idSpecs[locale].valid, idSpecs[locale].length},
			}
			if d := idSpecs[locale].digits; d > 0 {
				forms = append(forms, struct {
					name   string
					target Target
					valid  func(string) bool
					length int
				}{"national_id", bigint, func(s string) bool { return validNumberID(locale, s) }, d})
			}
			for _, form := range forms {
				f := newID(t, form.name, locale, testKey, form.target)
				again := newID(t, form.name, locale, testKey, form.target)
				g := newID(t, form.name, locale, other, form.target)
				seen := map[string]bool{}
				same := 0
				leadZero := 0
				for _, v := range in {
					out, null := f.Append(nil, v)
					s := string(out)
					if null || len(s) != form.length || !form.valid(s) {
						t.Fatalf("%s [%v] (%q) = %q (%d characters): invalid", form.name, form.target.Class, v, s, len(s))
					}
					if bytes.ContainsAny(out, " \t\n\\") || !idCharset.Match(out) {
						t.Fatalf("%s (%q) = %q: characters outside 0-9, A-Z, -", form.name, v, s)
					}
					if b, _ := again.Append(nil, v); string(b) != s {
						t.Fatalf("%s (%q) = %q, then %q", form.name, v, s, b)
					}
					if b, _ := g.Append(nil, v); string(b) == s {
						same++
					}
					seen[s] = true
					if s[0] == '0' {
						leadZero++
					}
				}
				if same > 10 {
					t.Errorf("%s [%v]: %d of %d outputs equal under another key", form.name, form.target.Class, same, len(in))
				}
				if len(seen) < len(in)-10 {
					t.Errorf("%s [%v]: %d distinct outputs of %d inputs", form.name, form.target.Class, len(seen), len(in))
				}
				if form.target.Class == ClassInt && leadZero > 0 {
					t.Errorf("%s [integer]: %d numbers led by 0", form.name, leadZero)
				}
				// Digit-led text forms that may start with 0 do.
				if form.name == "national_id" && form.target.Class != ClassInt && (locale == "en_US" || locale == "nl_NL" || locale == "es_ES") && leadZero == 0 {
					t.Errorf("%s %s: no output led by 0 in %d", form.name, locale, len(in))
				}
			}
		})
	}
}

// TestIDSpread checks that the generators reach every branch of their
// rules, on 10 000 inputs.
func TestIDSpread(t *testing.T) {
	in := idInputs(10_000)
	outs := func(name, locale string, target Target) []string {
		f := newID(t, name, locale, testKey, target)
		var l []string
		for _, v := range in {
			out, _ := f.Append(nil, v)
			l = append(l, string(out))
		}
		return l
	}
	count := func(l []string, pred func(string) bool) int {
		n := 0
		for _, s := range l {
			if pred(s) {
				n++
			}
		}
		return n
	}
	between := func(what string, n, lo, hi int) {
		t.Helper()
		if n < lo || n > hi {
			t.Errorf("%s: %d of %d, want %d..%d", what, n, len(in), lo, hi)
		}
	}
	steuer := outs("national_id", "de_DE", Target{})
	thrice := count(steuer, func(s string) bool {
		var c [10]int
		for i := range 10 {
			c[s[i]-'0']++
		}
		return slices.Contains(c[:], 3)
	})
	between("Steuer-IDs with a digit three times", thrice, 4500, 5500)
	nir := outs("national_id", "fr_FR", Target{})
	between("NIRs of women", count(nir, func(s string) bool { return s[0] == '2' }), 4700, 5300)
	cf := outs("national_id", "it_IT", Target{})
	between("codici fiscali of women", count(cf, func(s string) bool { return s[9] >= '4' }), 4700, 5300)
	between("codici fiscali born on the 31st", count(cf, func(s string) bool { return s[9:11] == "31" || s[9:11] == "71" }), 50, 400)
	ssn := outs("national_id", "en_US", Target{})
	between("SSNs of area 001-099", count(ssn, func(s string) bool { return s[0] == '0' }), 800, 1450)
	between("SSNs of area 800-899", count(ssn, func(s string) bool { return s[0] == '8' }), 800, 1450)
	nino := outs("national_id", "en_GB", Target{})
	between("NINOs with suffix D", count(nino, func(s string) bool { return s[8] == 'D' }), 2200, 2800)
	nl := outs("iban", "nl_NL", Target{})
	between("NL IBANs of BUNQ", count(nl, func(s string) bool { return s[4:8] == "BUNQ" }), 1000, 1500)
	for _, s := range nl {
		if !dutchElevenTest(s[8:]) {
			t.Fatalf("%s: account fails the 11-test", s)
		}
	}
	de, us := outs("iban", "de_DE", Target{}), outs("iban", "en_US", Target{})
	for i := range de {
		if de[i] != us[i] {
			t.Fatalf("iban en_US (%q) = %s, de_DE = %s: en_US must keep the German IBAN", in[i], us[i], de[i])
		}
	}
}

// TestIDTargets checks the columns each locale's transformers accept and
// the messages of those they refuse.
func TestIDTargets(t *testing.T) {
	for _, locale := range Locales() {
		for _, tc := range []struct {
			name   string
			length int
		}{
			{"iban", ibanSpecs[ibanCountry[locale]].length},
			{"national_id", idSpecs[locale].length},
		} {
			label := tc.name + " for " + locale
			p := Params{PRF: testKey.Domain(tc.name), Locale: locale}
			d := mustDef(tc.name)
			p.Target = Target{Class: ClassText, MaxLen: tc.length}
			if _, err := d.New(p); err != nil {
				t.Errorf("%s: varchar(%d) refused: %v", label, tc.length, err)
			}
			p.Target = Target{Class: ClassText, MaxLen: tc.length - 1, Type: fmt.Sprintf("character varying(%d)", tc.length-1)}
			want := fmt.Sprintf("%s needs at least %d characters, character varying(%d) holds %d", label, tc.length, tc.length-1, tc.length-1)
			if _, err := d.New(p); err == nil || err.Error() != want {
				t.Errorf("%s: err = %v, want %q", label, err, want)
			}
			p.Target = Target{}
			p.Unique = true
			if _, err := d.New(p); err == nil || !strings.HasPrefix(err.Error(), label+" cannot guarantee unique values; ") || !strings.Contains(err.Error(), "drop unique") {
				t.Errorf("%s unique: err = %v", label, err)
			}
			p.Unique = false
			for _, c := range []Class{ClassBool, ClassDate, ClassTimestamp, ClassUUID, ClassInet, ClassJSON, ClassBytea, ClassOther} {
				p.Target = Target{Class: c}
				if _, err := d.New(p); err == nil {
					t.Errorf("%s into %v accepted", label, c)
				}
			}
			p.Target = Target{Class: ClassInt, Type: "integer", Bits: 32}
			if _, err := d.New(p); tc.name == "iban" && (err == nil || err.Error() != label+" cannot write into integer column") {
				t.Errorf("%s into integer: err = %v", label, err)
			}
		}
	}
	if _, err := mustDef("iban").New(Params{Locale: "xx_XX"}); err == nil || !strings.HasPrefix(err.Error(), `iban: unknown locale "xx_XX"`) {
		t.Errorf("iban xx_XX: err = %v", err)
	}
	if _, err := mustDef("national_id").New(Params{Locale: "en"}); err == nil || !strings.HasPrefix(err.Error(), `national_id: unknown locale "en"`) {
		t.Errorf("national_id en: err = %v", err)
	}
	// Number columns: which fit, and the messages of those that do not.
	for _, tc := range []struct {
		locale string
		target Target
		err    string // "" accepted
	}{
		{"en_US", Target{Class: ClassInt, Bits: 32, Type: "integer"}, ""},
		{"en_US", Target{Class: ClassInt, Bits: 16, Type: "smallint"}, "national_id for en_US writes numbers of up to 9 digits, smallint holds only 4"},
		{"en_US", Target{Class: ClassNumeric, Precision: 9, Type: "numeric(9,0)"}, ""},
		{"en_US", Target{Class: ClassNumeric, Precision: 10, Scale: 2, Type: "numeric(10,2)"}, "national_id for en_US writes numbers of up to 9 digits, numeric(10,2) holds only 8"},
		{"nl_NL", Target{Class: ClassInt, Bits: 32, Type: "integer"}, ""},
		{"de_DE", Target{Class: ClassInt, Bits: 32, Type: "integer"}, "national_id for de_DE writes numbers of up to 11 digits, integer holds only 9"},
		{"de_DE", Target{Class: ClassInt, Bits: 64, Type: "bigint"}, ""},
		{"fr_FR", Target{Class: ClassInt, Bits: 64, Type: "bigint"}, ""},
		{"fr_FR", Target{Class: ClassNumeric, Type: "numeric"}, ""},
		{"fr_FR", Target{Class: ClassInt, Bits: 32, Type: "integer"}, "national_id for fr_FR writes numbers of up to 15 digits, integer holds only 9"},
		{"en_GB", Target{Class: ClassInt, Bits: 64, Type: "bigint"}, "national_id for en_GB cannot write into bigint column: a National Insurance number has letters; use a text column"},
		{"es_ES", Target{Class: ClassNumeric, Type: "numeric"}, "national_id for es_ES cannot write into numeric column: a DNI has letters; use a text column"},
		{"it_IT", Target{Class: ClassInt, Type: "bigint"}, "national_id for it_IT cannot write into bigint column: a codice fiscale has letters; use a text column"},
	} {
		_, err := mustDef("national_id").New(Params{Locale: tc.locale, Target: tc.target})
		if got := fmt.Sprint(err); (tc.err == "" && err != nil) || (tc.err != "" && got != tc.err) {
			t.Errorf("national_id %s into %s: err = %v, want %q", tc.locale, tc.target.Type, err, tc.err)
		}
	}
	// The default locale names no locale in its messages.
	_, err := mustDef("national_id").New(Params{Target: Target{Class: ClassText, MaxLen: 10, Type: "varchar(10)"}})
	if err == nil || err.Error() != "national_id needs at least 11 characters, varchar(10) holds 10" {
		t.Errorf("national_id into varchar(10): err = %v", err)
	}
}

// TestIDAllocs checks that Append allocates nothing once dst has room.
func TestIDAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector allocates")
	}
	in := idInputs(50)
	for _, locale := range Locales() {
		for _, tc := range []struct {
			name   string
			target Target
		}{{"iban", Target{}}, {"national_id", Target{}}, {"national_id", bigint}} {
			if tc.target.Class == ClassInt && idSpecs[locale].digits == 0 {
				continue
			}
			f := newID(t, tc.name, locale, testKey, tc.target)
			dst := make([]byte, 0, 64)
			i := 0
			if n := testing.AllocsPerRun(1000, func() {
				dst, _ = f.Append(dst[:0], in[i%len(in)])
				i++
			}); n != 0 {
				t.Errorf("%s %s [%v]: %v allocations per value", tc.name, locale, tc.target.Class, n)
			}
		}
	}
}

const goldenIDsPath = "testdata/golden_ids.txt"

var goldenIDInputs = []string{"alice@corp.example", "Zoë Ångström-Żółć", "", "4111 1111 1111 1111", "bob", "Bob"}

// TestGoldenIDs pins the first outputs of iban and national_id in every
// locale (go test ./fakers -run GoldenIDs -update rewrites the file), and
// checks every pinned value with the validators, so the file cannot hold
// an invalid number.
func TestGoldenIDs(t *testing.T) {
	var b bytes.Buffer
	key := NewKey([]byte("test-key"))
	fmt.Fprintf(&b, "# go test ./fakers -run GoldenIDs -update rewrites this file\n")
	for _, locale := range Locales() {
		for _, tc := range []struct {
			name, label string
			target      Target
			valid       func(string) bool
		}{
			{"iban", "", Target{}, func(s string) bool { return validIBAN(s, ibanCountry[locale]) }},
			{"national_id", "", Target{}, idSpecs[locale].valid},
			{"national_id", "bigint", bigint, func(s string) bool { return validNumberID(locale, s) }},
		} {
			if tc.target.Class == ClassInt && idSpecs[locale].digits == 0 {
				continue
			}
			f := newID(t, tc.name, locale, key, tc.target)
			for _, in := range goldenIDInputs {
				out, _ := f.Append(nil, []byte(in))
				if !tc.valid(string(out)) {
					t.Errorf("%s %s %s (%q) = %q: invalid", tc.name, locale, tc.label, in, out)
				}
				fmt.Fprintf(&b, "%s %s", tc.name, locale)
				if tc.label != "" {
					fmt.Fprintf(&b, " [%s]", tc.label)
				}
				fmt.Fprintf(&b, " %q -> %q\n", in, out)
			}
		}
	}
	checkGolden(t, goldenIDsPath, "GoldenIDs", b.Bytes())
}

func benchIDs(b *testing.B, name string, target Target) {
	in := []byte("Alice Smith <alice@corp.example>")
	for _, locale := range Locales() {
		if target.Class == ClassInt && idSpecs[locale].digits == 0 {
			continue
		}
		b.Run(locale, func(b *testing.B) {
			f := newID(b, name, locale, testKey, target)
			dst := make([]byte, 0, 64)
			b.ReportAllocs()
			for b.Loop() {
				dst, sinkNull = f.Append(dst[:0], in)
			}
			sink = dst
		})
	}
}

func BenchmarkIBAN(b *testing.B)             { benchIDs(b, "iban", Target{}) }
func BenchmarkNationalID(b *testing.B)       { benchIDs(b, "national_id", Target{}) }
func BenchmarkNationalIDNumber(b *testing.B) { benchIDs(b, "national_id", bigint) }
