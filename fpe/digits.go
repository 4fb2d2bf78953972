package fpe

import "errors"

// smallDigits is the number of digit counts, 1 to 5, whose domain (10^k
// values) is below MinDomain: Digits permutes them with a keyed table.
const smallDigits = 5

// ErrLuhnTooShort is returned by a Digits with Luhn for a value with a
// single digit: there is no digit left to encrypt beside the check digit.
var ErrLuhnTooShort = errors.New("fpe: luhn needs at least 2 digits (a payload and the check digit)")

// DigitsOptions configure a Digits.
type DigitsOptions struct {
	// Tweak selects one of the key's permutations; values encrypted
	// under different tweaks are unrelated. It may be empty.
	Tweak []byte
	// Luhn keeps the last digit a valid Luhn check digit (card numbers,
	// IMEIs): the other digits are encrypted and the last is recomputed.
	Luhn bool
}

// Digits encrypts the ASCII digits of a formatted value and keeps every
// other byte in place: "+33 6 12-34-56-78" keeps the plus sign, the spaces
// and the hyphens, and its 11 digits are encrypted as one numeral string
// of radix 10. The number of digits and their positions are kept, leading
// zeros included: a digit string is a numeral string, not a number.
//
// For each digit count k the digits are permuted by FF1 (k >= 6), or by a
// keyed table (k <= 5, a domain below MinDomain; see the package doc).
// Equal digits give equal digits whatever the separators, so the same
// number written two ways stays the same number written two ways.
//
// With Luhn the first k-1 digits are permuted and the last is set to
// their Luhn check digit: a bijection on Luhn-valid values. An invalid
// value's check digit is ignored, so it encrypts like the valid value
// with the same other digits.
//
// A Digits is not safe for concurrent use; Clone gives one for another
// goroutine, sharing the key schedule and the tables.
type Digits struct {
	ff    *FF1
	tweak []byte
	luhn  bool
	small *[smallDigits + 1]*table // small[k] permutes [0, 10^k)
	num   []byte                   // scratch: the digits of the value
}

// NewDigits returns a Digits with an AES key of 16, 24 or 32 bytes.
func NewDigits(key []byte, o DigitsOptions) (*Digits, error) {
	ff, err := NewFF1(key, 10)
	if err != nil {
		return nil, err
	}
	d := &Digits{
		ff:    ff,
		tweak: append([]byte(nil), o.Tweak...),
		luhn:  o.Luhn,
		small: new([smallDigits + 1]*table),
		num:   make([]byte, 0, 64),
	}
	p := uint64(1)
	for k := 1; k <= smallDigits; k++ {
		p *= 10
		d.small[k] = newTable(ff.block, tableDigits, d.tweak, int(p))
	}
	return d, nil
}

// Clone returns a Digits with the same key and options and its own
// scratch state, for use in another goroutine.
func (d *Digits) Clone() *Digits {
	return &Digits{ff: d.ff.Clone(), tweak: d.tweak, luhn: d.luhn, small: d.small, num: make([]byte, 0, 64)}
}

// Append appends the encryption of in to dst and returns the extended
// buffer. A value without digits is appended unchanged. On error dst is
// returned unchanged. It does not allocate in steady state for values of
// up to 38 digits (39 with Luhn).
func (d *Digits) Append(dst, in []byte) ([]byte, error) { return d.append(dst, in, false) }

// AppendDecrypt inverts Append: it appends the decryption of in to dst.
func (d *Digits) AppendDecrypt(dst, in []byte) ([]byte, error) { return d.append(dst, in, true) }

func (d *Digits) append(dst, in []byte, decrypt bool) ([]byte, error) {
	num := d.num[:0]
	for _, c := range in {
		if '0' <= c && c <= '9' {
			num = append(num, c-'0')
		}
	}
	d.num = num
	k := len(num)
	if k == 0 {
		return append(dst, in...), nil
	}
	payload := num
	if d.luhn {
		if k < 2 {
			return dst, ErrLuhnTooShort
		}
		payload = num[:k-1]
	}
	if err := d.permute(payload, decrypt); err != nil {
		return dst, err
	}
	if d.luhn {
		num[k-1] = luhnCheck(payload)
	}
	j := 0
	for _, c := range in {
		if '0' <= c && c <= '9' {
			c = '0' + num[j]
			j++
		}
		dst = append(dst, c)
	}
	return dst, nil
}

// permute encrypts or decrypts the numerals x in place.
func (d *Digits) permute(x []byte, decrypt bool) error {
	if k := len(x); k <= smallDigits {
		fwd, inv := d.small[k].get()
		v := d.ff.num(x)
		if decrypt {
			v = uint64(inv[v])
		} else {
			v = uint64(fwd[v])
		}
		d.ff.str(x, v)
		return nil
	}
	if decrypt {
		return d.ff.Decrypt(x, x, d.tweak)
	}
	return d.ff.Encrypt(x, x, d.tweak)
}

// luhnCheck returns the digit that, appended to p, makes a Luhn-valid
// string: from the right, every second digit of p starting with the last
// is doubled (less 9 when above 9), and the check digit brings the sum to
// a multiple of 10.
func luhnCheck(p []byte) byte {
	sum := 0
	double := true
	for i := len(p) - 1; i >= 0; i-- {
		v := int(p[i])
		if double {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
		double = !double
	}
	return byte((10 - sum%10) % 10)
}
