package fakers

func init() {
	register(
		textSpec{
			name:    "first_name",
			summary: "a first name of the locale (Aaliyah)",
			gen:     func(l *localeData, r *rng, dst []byte) []byte { return append(dst, r.pick(l.first)...) },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "last_name",
			summary: "a last name of the locale (Abbott)",
			gen:     func(l *localeData, r *rng, dst []byte) []byte { return append(dst, r.pick(l.last)...) },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "full_name",
			summary: "a first and a last name of the locale (Aaliyah Abbott)",
			gen: func(l *localeData, r *rng, dst []byte) []byte {
				dst = append(dst, r.pick(l.first)...)
				dst = append(dst, ' ')
				return append(dst, r.pick(l.last)...)
			},
			sep: '-',
		}.def(),
		textSpec{
			name:    "username",
			summary: "a lowercase user name with two digits, from the locale's names (aaliyahabbott42)",
			gen: func(l *localeData, r *rng, dst []byte) []byte {
				dst = append(dst, r.pick(l.firstLower)...)
				dst = append(dst, r.pick(l.lastLower)...)
				n := r.intn(100)
				return append(dst, byte('0'+n/10), byte('0'+n%10))
			},
			sep: '_',
		}.def(),
		textSpec{
			name:    "phone",
			summary: "a phone number in the locale's national format, in its drama range where it has one (+1-212-555-0147)",
			gen:     func(l *localeData, r *rng, dst []byte) []byte { return l.phone(r, dst) },
			format:  func(l *localeData) (int, int) { return l.phoneFixed, l.phoneDigits },
			sep:     '-',
		}.def(),
		&Def{
			Name:    "email",
			Summary: "first.last@ one of the reserved domains example.com, example.net, example.org, from the locale's names",
			Unique:  true,
			Keyed:   true,
			Locale:  true,
			New:     newEmail,
		},
	)
}

// Phone numbers of en_US have the form +1-NXX-555-XXXX: a North American Numbering
// Plan area code (N = 2-9, the N11 service codes such as 911 left out) and
// the 555 central office code. 555 is the exchange the NANP set aside for
// fiction and directory services; only 555-0100 to 555-0199 are formally
// reserved for fictional use, which leaves too few values (100 per area
// code), while the rest of 555 was offered for national information
// services and almost never assigned. So a generated number is very
// unlikely to ring a real person, though this is not guaranteed.
func genPhone(r *rng, dst []byte) []byte {
	dst = append(dst, "+1-"...)
	dst = append(dst, areaCodes[r.intn(len(areaCodes))][:]...)
	dst = append(dst, "-555-"...)
	n := r.intn(10000)
	return append(dst, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

// areaCodes lists 200-999 without the N11 codes.
var areaCodes = func() [][3]byte {
	var l [][3]byte
	for c := 200; c <= 999; c++ {
		if c%100 == 11 {
			continue
		}
		l = append(l, [3]byte{byte('0' + c/100), byte('0' + c/10%10), byte('0' + c%10)})
	}
	return l
}()

// emailDomains are the second-level names RFC 2606 reserves for
// documentation; mail to them can never reach anyone. They have the same
// length, so a unique email's suffix always sits at the same distance
// from the end.
var emailDomains = [...]string{"@example.com", "@example.net", "@example.org"}

const emailDomainLen = len("@example.com")

// Emails look like first.last@example.com (letters only, lowercase), or
// first.last.<suffix>@example.com when unique. In a short column the
// local part is cut, never the domain nor the suffix.
func newEmail(p Params) (Func, error) {
	const name = "email"
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if err := CheckLocale(p.Locale); err != nil {
		return nil, err
	}
	l := localeFor(p)
	f := &emailFunc{prf: p.PRF, unique: p.Unique, first: l.firstLower, last: l.lastLower}
	extra := 0
	if p.Unique {
		extra = uniqueExtra
	}
	need := 1 + extra + emailDomainLen
	if err := checkFit(name, p.Unique, need, p.Target); err != nil {
		return nil, err
	}
	if lim := textLimit(p.Target); lim > 0 {
		f.room = lim - extra - emailDomainLen
	}
	return f, nil
}

type emailFunc struct {
	prf         PRF
	r           rng
	first, last []string // the locale's names, lowercase a-z
	unique      bool
	room        int // maximum length of first.last; 0 = unlimited
}

func (f *emailFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	f.r.seed(h0, h1)
	start := len(dst)
	dst = append(dst, f.r.pick(f.first)...)
	dst = append(dst, '.')
	dst = append(dst, f.r.pick(f.last)...)
	domain := emailDomains[f.r.intn(len(emailDomains))]
	if f.room > 0 {
		dst = cutBase(dst, start, f.room)
	}
	if f.unique {
		dst = append(dst, '.')
		dst = appendSuffix(dst, h0, h1)
	}
	return append(dst, domain...), false
}
