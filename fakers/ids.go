package fakers

import "fmt"

func init() {
	register(
		&Def{
			Name:    "iban",
			Summary: "an IBAN of the locale with valid check digits, without spaces; German for en_US, as the US has none (DE89370400440532013000)",
			Keyed:   true,
			New:     newIBAN,
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
	rem := 0
	add := func(c byte) {
		if c >= 'A' && c <= 'Z' {
			rem = (rem*100 + int(c-'A') + 10) % 97
		} else {
			rem = (rem*10 + int(c-'0')) % 97
		}
	}
	for _, c := range bban {
		add(c)
	}
	add(country[0])
	add(country[1])
	rem = rem * 100 % 97
	return 98 - rem
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
