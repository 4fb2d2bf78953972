package fakers

func init() {
	register(
		textSpec{
			name:    "first_name",
			summary: "a first name (Aaliyah)",
			gen:     func(r *rng, dst []byte) []byte { return append(dst, r.pick(firstNames)...) },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "last_name",
			summary: "a last name (Abbott)",
			gen:     func(r *rng, dst []byte) []byte { return append(dst, r.pick(lastNames)...) },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "full_name",
			summary: "a first and a last name (Aaliyah Abbott)",
			gen: func(r *rng, dst []byte) []byte {
				dst = append(dst, r.pick(firstNames)...)
				dst = append(dst, ' ')
				return append(dst, r.pick(lastNames)...)
			},
			sep: '-',
		}.def(),
		textSpec{
			name:    "username",
			summary: "a lowercase user name with two digits (aaliyahabbott42)",
			gen: func(r *rng, dst []byte) []byte {
				dst = append(dst, r.pick(firstLower)...)
				dst = append(dst, r.pick(lastLower)...)
				n := r.intn(100)
				return append(dst, byte('0'+n/10), byte('0'+n%10))
			},
			sep: '_',
		}.def(),
		textSpec{
			name:    "phone",
			summary: "a North American number in the 555 exchange (+1-212-555-0147)",
			gen:     genPhone,
			fixed:   len("+1-NXX-555-XXXX"),
			digits:  len("1NXX555XXXX"),
			sep:     '-',
		}.def(),
		&Def{
			Name:    "email",
			Summary: "first.last@ one of the reserved domains example.com, example.net, example.org",
			Unique:  true,
			Keyed:   true,
			New:     newEmail,
		},
	)
}

// Phone numbers have the form +1-NXX-555-XXXX: a North American Numbering
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
	f := &emailFunc{prf: p.PRF, unique: p.Unique}
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
	prf    PRF
	r      rng
	unique bool
	room   int // maximum length of first.last; 0 = unlimited
}

func (f *emailFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	f.r.seed(h0, h1)
	start := len(dst)
	dst = append(dst, f.r.pick(firstLower)...)
	dst = append(dst, '.')
	dst = append(dst, f.r.pick(lastLower)...)
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
