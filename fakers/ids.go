package fakers

import "fmt"

func init() {
	register(
		&Def{
			Name:    "iban",
			Summary: "an IBAN of the locale with valid check digits, without spaces; German for en_US, as the US has none (DE89370400440532013000)",
			Keyed:   true,
			Locale:  true,
			New:     newIBAN,
		},
		&Def{
			Name:    "national_id",
			Summary: "a national identity number of the locale, with valid check digits (en_US: an SSN, 123-45-6789)",
			Keyed:   true,
			Locale:  true,
			New:     newNationalID,
		},
	)
}

// idLabel names a locale-following transformer in messages: the name
// alone for the default locale, "iban for fr_FR" when the rule names one.
func idLabel(name string, p Params) string {
	if p.Locale == "" {
		return name
	}
	return name + " for " + p.Locale
}

// ibanForm is the IBAN of one country: its prefix, its length and a
// generator of its BBAN (the part after the check digits).
type ibanForm struct {
	country string // ISO 3166 alpha-2 prefix, "DE"
	length  int    // characters of the whole IBAN
	bban    genFunc
}

// ibanForms are the IBANs of each locale. The US has no IBAN: en_US
// writes German IBANs, the output iban had before it followed the locale.
//
//   - de_DE, en_US: DE, 22 characters: bank code (BLZ) 8 digits, account 10
//     digits, all random; Germany defines no check over the BBAN (each bank
//     has its own account check method).
//   - fr_FR: FR, 27: bank 5 digits, branch 5, account 11 digits, RIB key 2:
//     97 − ((89·bank + 15·branch + 3·account) mod 97).
//   - es_ES: ES, 24: bank 4 digits, branch 4, two control digits, account
//     10 digits. The first control digit is over "00"‖bank‖branch, the
//     second over the account, each 11 − (Σ wᵢ·dᵢ mod 11) with weights
//     1, 2, 4, 8, 5, 10, 9, 7, 3, 6 (11 → 0, 10 → 1).
//   - it_IT: IT, 27: CIN (one letter), ABI 5 digits, CAB 5 digits, account
//     12 digits. The CIN is the check character of the 22 characters after
//     it, computed like a codice fiscale's (see [cinCheck]).
//   - nl_NL: NL, 18: bank code 4 letters, one of a few real Dutch banks
//     (ABNA, INGB, RABO, ...), account 10 digits. The account passes the
//     old Dutch 11-test (Σ (10−i)·dᵢ ≡ 0 mod 11), which some validators
//     still apply although the IBAN registry defines no BBAN check.
//   - en_GB: GB, 22: bank 4 letters (NWBK, BARC, ...), sort code 6 digits,
//     account 8 digits, random: British account checks depend on each
//     sort code's modulus tables, which are not reproduced here.
//
// The bank, branch and sort codes are random (nl_NL and en_GB take real
// bank identifiers), so an IBAN is valid in form, not promised to be
// unissued.
var ibanForms = map[string]ibanForm{
	"en_US": {"DE", 22, appendBBANDE},
	"de_DE": {"DE", 22, appendBBANDE},
	"fr_FR": {"FR", 27, appendBBANFR},
	"es_ES": {"ES", 24, appendBBANES},
	"it_IT": {"IT", 27, appendBBANIT},
	"nl_NL": {"NL", 18, appendBBANNL},
	"en_GB": {"GB", 22, appendBBANGB},
}

// newIBAN compiles iban for p's locale: text columns only, refused when
// the column is shorter than the country's IBAN.
func newIBAN(p Params) (Func, error) {
	const name = "iban"
	if err := CheckLocale(p.Locale); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	label := idLabel(name, p)
	if err := checkClass(label, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(label, "drop unique or use hash")
	}
	form := ibanForms[localeOf(p)]
	if err := checkFit(label, false, form.length, p.Target); err != nil {
		return nil, err
	}
	return &ibanFunc{prf: p.PRF, country: form.country, bban: form.bban}, nil
}

type ibanFunc struct {
	prf     PRF
	r       rng
	country string
	bban    genFunc
}

func (f *ibanFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	start := len(dst)
	dst = append(dst, f.country[0], f.country[1], '0', '0')
	dst = f.bban(&f.r, dst)
	check := ibanCheck(dst[start+4:], f.country)
	dst[start+2], dst[start+3] = byte('0'+check/10), byte('0'+check%10)
	return dst, false
}

// ibanCheck returns the ISO 13616 check digits of an IBAN with this BBAN
// and country: 98 − (BBAN ‖ country ‖ "00" mod 97) (ISO 7064 mod 97-10),
// letters read as 10 (A) to 35 (Z). bban holds digits and uppercase
// letters.
func ibanCheck(bban []byte, country string) int {
	// n is below 2^56 before each character, so n*100 + 35 stays below
	// 2^63; it is reduced mod 97 only when it reaches 2^56, not at every
	// character.
	var n uint64
	for _, c := range bban {
		if c >= 'A' {
			n = n*100 + uint64(c-'A'+10)
		} else {
			n = n*10 + uint64(c-'0')
		}
		if n >= 1<<56 {
			n %= 97
		}
	}
	n %= 97
	n = n*10000 + uint64(country[0]-'A'+10)*100 + uint64(country[1]-'A'+10)
	return 98 - int(n*100%97)
}

// idDigits appends n random decimal digits.
func idDigits(r *rng, dst []byte, n int) []byte {
	for range n {
		dst = append(dst, byte('0'+r.intn(10)))
	}
	return dst
}

// idNumber reads a run of decimal digits as a number.
func idNumber(b []byte) int {
	v := 0
	for _, c := range b {
		v = v*10 + int(c-'0')
	}
	return v
}

// idTwo appends v, 0 ≤ v < 100, as two digits.
func idTwo(dst []byte, v int) []byte {
	return append(dst, byte('0'+v/10), byte('0'+v%10))
}

// appendBBANDE appends 18 random digits: BLZ and account. It draws the
// same numbers in the same order as iban did before locales, so German and
// en_US output is unchanged.
func appendBBANDE(r *rng, dst []byte) []byte { return idDigits(r, dst, 18) }

// appendBBANFR appends bank, branch, account and the RIB key.
func appendBBANFR(r *rng, dst []byte) []byte {
	start := len(dst)
	dst = idDigits(r, dst, 21)
	bank, branch, account := idNumber(dst[start:start+5]), idNumber(dst[start+5:start+10]), idNumber(dst[start+10:start+21])
	return idTwo(dst, 97-(89*bank+15*branch+3*account)%97)
}

// esWeights are the weights of the Spanish CCC control digits.
var esWeights = [10]int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}

// esControl returns the CCC control digit of ten digits.
func esControl(d []byte) byte {
	s := 0
	for i, c := range d {
		s += esWeights[i] * int(c-'0')
	}
	switch c := 11 - s%11; c {
	case 11:
		return '0'
	case 10:
		return '1'
	default:
		return byte('0' + c)
	}
}

// appendBBANES appends bank, branch, the two control digits and account.
func appendBBANES(r *rng, dst []byte) []byte {
	var entity [10]byte // "00" ‖ bank ‖ branch
	entity[0], entity[1] = '0', '0'
	idDigits(r, entity[2:2], 8)
	var account [10]byte
	idDigits(r, account[:0], 10)
	dst = append(dst, entity[2:]...)
	dst = append(dst, esControl(entity[:]), esControl(account[:]))
	return append(dst, account[:]...)
}

// cinOdd is the value of a character (digits 0-9 as A-J) at an odd
// position (1st, 3rd, ...) in the Italian CIN and codice fiscale check.
var cinOdd = [26]byte{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// cinCheck returns the check letter of the Italian CIN and of the codice
// fiscale over s (digits and uppercase letters): characters at odd
// positions count by cinOdd, at even positions by their value (0-9, A=0
// to Z=25), and the sum mod 26 is a letter, A=0.
func cinCheck(s []byte) byte {
	sum := 0
	for i, c := range s {
		v := int(c - 'A')
		if c <= '9' {
			v = int(c - '0')
		}
		if i%2 == 0 {
			sum += int(cinOdd[v])
		} else {
			sum += v
		}
	}
	return byte('A' + sum%26)
}

// appendBBANIT appends CIN, ABI, CAB and account.
func appendBBANIT(r *rng, dst []byte) []byte {
	var rest [22]byte
	idDigits(r, rest[:0], 22)
	dst = append(dst, cinCheck(rest[:]))
	return append(dst, rest[:]...)
}

// nlBanks are bank identifiers of Dutch IBANs.
var nlBanks = []string{"ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"}

// appendBBANNL appends a bank identifier and a 10-digit account passing
// the 11-test: nine random digits and a last digit that makes the weighted
// sum a multiple of 11, drawn again when that digit would be 10.
func appendBBANNL(r *rng, dst []byte) []byte {
	dst = append(dst, r.pick(nlBanks)...)
	var a [10]byte
	for {
		s := 0
		for i := range 9 {
			d := r.intn(10)
			a[i] = byte('0' + d)
			s += (10 - i) * d
		}
		if last := (11 - s%11) % 11; last < 10 && (s > 0 || last > 0) {
			a[9] = byte('0' + last)
			break
		}
	}
	return append(dst, a[:]...)
}

// gbBanks are bank identifiers of British IBANs.
var gbBanks = []string{"NWBK", "BARC", "LOYD", "HBUK", "MIDL"}

// appendBBANGB appends a bank identifier, a sort code and an account.
func appendBBANGB(r *rng, dst []byte) []byte {
	dst = append(dst, r.pick(gbBanks)...)
	return idDigits(r, dst, 14)
}

// idForm is the national identity number of one locale.
type idForm struct {
	what   string // what the number is called, for messages
	length int    // characters of the text form
	// digits > 0: the ID is all digits, or has a digits-only form, and
	// also writes into integer and numeric columns as a number of that
	// many digits, never led by a zero. 0: the ID has letters.
	digits int
	// gen appends one ID; number asks for the number form: digits only,
	// first digit not 0.
	gen func(r *rng, dst []byte, number bool) []byte
}

// nationalIDs are the national identity numbers of each locale:
//
//   - en_US: a Social Security number, AAA-GG-SSSS: area 001-899 but not
//     666, group 01-99, serial 0001-9999 (the ranges the SSA issues;
//     there is no check digit). In a number column the 9 digits, with an
//     area of 100-899, so that no leading zero is lost.
//   - en_GB: a National Insurance number, AB123456C without spaces: two
//     prefix letters by HMRC's rules (the first not D, F, I, Q, U or V;
//     the second not D, F, I, O, Q, U or V; not BG, GB, KN, NK, NT, TN or
//     ZZ), six digits, a suffix A-D. Text only.
//   - fr_FR: a NIR (numéro de sécurité sociale), 15 digits without
//     spaces: sex 1 or 2, year YY, month 01-12, département 01-95 but not
//     20, commune 001-990, order 001-999, and the key 97 − (the 13 digits
//     mod 97), two digits. Corsica's 2A and 2B are left out, so the NIR is
//     all digits and, never led by a zero, also a number.
//   - de_DE: a Steuerliche Identifikationsnummer, 11 digits: the first not
//     0; in the first ten, one digit occurs twice or three times and every
//     other digit at most once, and a digit that occurs three times never
//     does so three in a row (the rule for IDs issued since 2016; earlier
//     ones have one digit exactly twice); the last digit is the ISO 7064
//     MOD 11,10 check digit. Half of the IDs have a digit twice, half a
//     digit three times. Also a number (never led by 0).
//   - es_ES: a DNI, 8 digits and the control letter
//     TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]. Text only.
//   - it_IT: a codice fiscale, 16 characters: three letters for the
//     surname and three for the given name (consonants, sometimes a
//     vowel), year YY, the month letter (ABCDEHLMPRST), the day 01-31
//     (41-71 for women; at most the month's days, February 28), the
//     Belfiore code of one of Italy's largest cities, and the check
//     letter by the official odd/even tables mod 26 (see [cinCheck]).
//     Text only.
//   - nl_NL: a burgerservicenummer, 9 digits passing the 11-test
//     (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11), not all zero. In a number
//     column the first digit is not 0, so the number is valid as it is,
//     without padding back to 9 digits.
//
// The numbers are valid in form and check digits; nothing promises that
// one was never issued, so, like the IBANs, they may be a real person's.
var nationalIDs = map[string]idForm{
	"en_US": {"an SSN", 11, 9, appendSSN},
	"en_GB": {"a National Insurance number", 9, 0, appendNINO},
	"fr_FR": {"a NIR", 15, 15, appendNIR},
	"de_DE": {"a Steuer-ID", 11, 11, appendSteuerID},
	"es_ES": {"a DNI", 9, 0, appendDNI},
	"it_IT": {"a codice fiscale", 16, 0, appendCodiceFiscale},
	"nl_NL": {"a BSN", 9, 9, appendBSN},
}

// newNationalID compiles national_id for p's locale: text columns, and
// integer and numeric columns that hold every number of the ID's digits
// for the locales whose ID is (or has a form of) only digits.
func newNationalID(p Params) (Func, error) {
	const name = "national_id"
	if err := CheckLocale(p.Locale); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	label := idLabel(name, p)
	form := nationalIDs[localeOf(p)]
	if p.Unique {
		return nil, refuseUnique(label, form.what+" has no room for a unique suffix and distinct inputs may get the same one; drop unique")
	}
	if p.Target.Class == ClassInt || p.Target.Class == ClassNumeric {
		if form.digits == 0 {
			return nil, fmt.Errorf("%s cannot write into %s column: %s has letters; use a text column", label, typeName(p.Target), form.what)
		}
		if err := checkDigits(label, form.digits, p.Target); err != nil {
			return nil, err
		}
		return &idFunc{prf: p.PRF, gen: form.gen, number: true}, nil
	}
	if err := checkClass(label, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if err := checkFit(label, false, form.length, p.Target); err != nil {
		return nil, err
	}
	return &idFunc{prf: p.PRF, gen: form.gen}, nil
}

type idFunc struct {
	prf    PRF
	r      rng
	gen    func(r *rng, dst []byte, number bool) []byte
	number bool
}

func (f *idFunc) Append(dst, in []byte) ([]byte, bool) {
	f.r.seed(f.prf.Sum(in))
	return f.gen(&f.r, dst, f.number), false
}

// appendSSN appends an SSN, AAA-GG-SSSS, or its 9 digits with an area of
// at least 100 for a number.
func appendSSN(r *rng, dst []byte, number bool) []byte {
	var area int
	if number {
		area = 100 + r.intn(799) // 100-899 without 666
	} else {
		area = 1 + r.intn(898) // 001-899 without 666
	}
	if area >= 666 {
		area++
	}
	group, serial := 1+r.intn(99), 1+r.intn(9999)
	dst = append(dst, byte('0'+area/100))
	dst = idTwo(dst, area%100)
	if !number {
		dst = append(dst, '-')
	}
	dst = idTwo(dst, group)
	if !number {
		dst = append(dst, '-')
	}
	dst = idTwo(dst, serial/100)
	return idTwo(dst, serial%100)
}

// ninoPrefixes lists the valid NINO prefixes, two letters each.
var ninoPrefixes = func() []byte {
	var l []byte
	for a := byte('A'); a <= 'Z'; a++ {
		for b := byte('A'); b <= 'Z'; b++ {
			switch {
			case a == 'D', a == 'F', a == 'I', a == 'Q', a == 'U', a == 'V':
			case b == 'D', b == 'F', b == 'I', b == 'O', b == 'Q', b == 'U', b == 'V':
			default:
				switch string([]byte{a, b}) {
				case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
				default:
					l = append(l, a, b)
				}
			}
		}
	}
	return l
}()

// appendNINO appends a National Insurance number.
func appendNINO(r *rng, dst []byte, _ bool) []byte {
	i := 2 * r.intn(len(ninoPrefixes)/2)
	dst = append(dst, ninoPrefixes[i], ninoPrefixes[i+1])
	dst = idDigits(r, dst, 6)
	return append(dst, byte('A'+r.intn(4)))
}

// appendNIR appends a NIR: 13 digits and the key.
func appendNIR(r *rng, dst []byte, _ bool) []byte {
	start := len(dst)
	dst = append(dst, byte('1'+r.intn(2)))
	dst = idTwo(dst, r.intn(100))  // year
	dst = idTwo(dst, 1+r.intn(12)) // month
	dep := 1 + r.intn(94)          // 01-95 without 20
	if dep >= 20 {
		dep++
	}
	dst = idTwo(dst, dep)
	commune, order := 1+r.intn(990), 1+r.intn(999)
	dst = append(dst, byte('0'+commune/100))
	dst = idTwo(dst, commune%100)
	dst = append(dst, byte('0'+order/100))
	dst = idTwo(dst, order%100)
	return idTwo(dst, 97-idNumber(dst[start:])%97)
}

// appendSteuerID appends a Steuer-ID. The ten digits are a shuffle of a
// multiset: nine (or eight) distinct digits, one of them twice (or three
// times); shuffles led by 0, or with the three copies in a row, are
// drawn again.
func appendSteuerID(r *rng, dst []byte, _ bool) []byte {
	var d [10]byte
	for {
		perm := [10]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
		shuffleDigits(r, perm[:])
		distinct := 9
		if r.intn(2) == 1 {
			distinct = 8
		}
		copy(d[:], perm[:distinct])
		rep := perm[r.intn(distinct)]
		for i := distinct; i < 10; i++ {
			d[i] = rep
		}
		shuffleDigits(r, d[:])
		if d[0] == 0 {
			continue
		}
		if distinct == 8 && threeInRow(d[:]) {
			continue
		}
		break
	}
	p := 10
	for i := range d {
		dst = append(dst, '0'+d[i])
		s := (int(d[i]) + p) % 10
		if s == 0 {
			s = 10
		}
		p = s * 2 % 11
	}
	check := 11 - p
	if check == 10 {
		check = 0
	}
	return append(dst, byte('0'+check))
}

// shuffleDigits shuffles d (Fisher-Yates).
func shuffleDigits(r *rng, d []byte) {
	for i := len(d) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		d[i], d[j] = d[j], d[i]
	}
}

// threeInRow reports whether three equal digits follow each other in d.
func threeInRow(d []byte) bool {
	for i := 2; i < len(d); i++ {
		if d[i] == d[i-1] && d[i] == d[i-2] {
			return true
		}
	}
	return false
}

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// appendDNI appends a DNI: 8 digits and the control letter.
func appendDNI(r *rng, dst []byte, _ bool) []byte {
	n := r.intn(100_000_000)
	for div := 10_000_000; div > 0; div /= 10 {
		dst = append(dst, byte('0'+n/div%10))
	}
	return append(dst, dniLetters[n%23])
}

const (
	cfConsonants = "BCDFGLMNPRSTVZ"
	cfVowels     = "AEIOU"
	cfMonths     = "ABCDEHLMPRST"
)

// cfDays are the days of each month a codice fiscale can name (February
// 28, whatever the year).
var cfDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// cfPlaces are Belfiore codes of Italian cities: Roma, Milano, Napoli,
// Torino, Palermo, Genova, Bologna, Firenze, Bari, Catania, Venezia,
// Verona, Messina.
var cfPlaces = []string{"H501", "F205", "F839", "L219", "G273", "D969", "A944", "D612", "A662", "C351", "L736", "L781", "F158"}

// appendCodiceFiscale appends a codice fiscale.
func appendCodiceFiscale(r *rng, dst []byte, _ bool) []byte {
	start := len(dst)
	for range 2 { // surname, then given name
		dst = append(dst, cfConsonants[r.intn(len(cfConsonants))], cfConsonants[r.intn(len(cfConsonants))])
		if r.intn(4) == 0 {
			dst = append(dst, cfVowels[r.intn(len(cfVowels))])
		} else {
			dst = append(dst, cfConsonants[r.intn(len(cfConsonants))])
		}
	}
	dst = idTwo(dst, r.intn(100))
	m := r.intn(12)
	dst = append(dst, cfMonths[m])
	day := 1 + r.intn(cfDays[m])
	if r.intn(2) == 1 {
		day += 40
	}
	dst = idTwo(dst, day)
	dst = append(dst, r.pick(cfPlaces)...)
	return append(dst, cinCheck(dst[start:]))
}

// appendBSN appends a BSN: eight random digits (the first not 0 for a
// number) and the ninth that passes the 11-test; drawn again when that
// digit would be 10, or the number all zeros.
func appendBSN(r *rng, dst []byte, number bool) []byte {
	var d [9]byte
	for {
		s := 0
		for i := range 8 {
			v := r.intn(10)
			if i == 0 && number {
				v = 1 + r.intn(9)
			}
			d[i] = byte('0' + v)
			s += (9 - i) * v
		}
		if last := s % 11; last < 10 && s > 0 {
			d[8] = byte('0' + last)
			break
		}
	}
	return append(dst, d[:]...)
}
