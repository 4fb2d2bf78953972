package fakers

func init() {
	register(
		textSpec{
			name:    "street_address",
			summary: "a house number and a street of the locale, in its order (8855 South Bridgeton; Hauptstraße 12)",
			gen:     func(l *localeData, r *rng, dst []byte) []byte { return l.street(r, dst) },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "city",
			summary: "a city of the locale's country (Chicago)",
			gen:     func(l *localeData, r *rng, dst []byte) []byte { return append(dst, r.pick(l.cities)...) },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "postcode",
			summary: "a postcode in the locale's format (60614; 75012; SW1 4QT; 1234 AB)",
			gen:     func(l *localeData, r *rng, dst []byte) []byte { return l.postcode(r, dst) },
			format:  func(l *localeData) (int, int) { return l.postFixed, l.postDigits },
			sep:     '-',
		}.def(),
		textSpec{
			name:    "country",
			summary: "a country name in English, ASCII only (Curacao)",
			gen:     func(_ *localeData, r *rng, dst []byte) []byte { return append(dst, r.pick(countries)...) },
			sep:     '-',
			global:  true,
		}.def(),
		textSpec{
			name:    "company",
			summary: "a company name built from the locale's last names (Abbott and Sons, Adams-Bauch)",
			gen:     genCompany,
			sep:     '-',
		}.def(),
		textSpec{
			name:    "job_title",
			summary: "a job title (Central Accounts Administrator)",
			gen: func(_ *localeData, r *rng, dst []byte) []byte {
				dst = append(dst, r.pick(jobDescriptor)...)
				dst = append(dst, ' ')
				dst = append(dst, r.pick(jobLevel)...)
				dst = append(dst, ' ')
				return append(dst, r.pick(jobTitle)...)
			},
			sep:    '-',
			global: true,
		}.def(),
	)
}

// genStreet follows gofakeit's Street: a number without leading zero, an
// optional direction, then a street name glued to a suffix.
func genStreet(r *rng, dst []byte) []byte {
	dst = appendDigits(r, dst, r.pick(streetNumbers), true)
	dst = append(dst, ' ')
	if r.intn(2) == 0 {
		dst = append(dst, r.pick(streetPrefix)...)
		dst = append(dst, ' ')
	}
	dst = append(dst, r.pick(streetNames)...)
	return append(dst, r.pick(streetSuffix)...)
}

func genPostcode(r *rng, dst []byte) []byte {
	return appendDigits(r, dst, r.pick(zipPatterns), false)
}

// appendDigits appends pattern with each '#' replaced by a random digit;
// nonZero makes the first digit 1-9.
func appendDigits(r *rng, dst []byte, pattern string, nonZero bool) []byte {
	for i := 0; i < len(pattern); i++ {
		c := pattern[i]
		if c == '#' {
			if nonZero && i == 0 {
				c = byte('1' + r.intn(9))
			} else {
				c = byte('0' + r.intn(10))
			}
		}
		dst = append(dst, c)
	}
	return dst
}

// genCompany builds the name from last names rather than using gofakeit's
// company list, which holds real companies.
func genCompany(l *localeData, r *rng, dst []byte) []byte {
	switch r.intn(3) {
	case 0:
		dst = append(dst, r.pick(l.last)...)
		dst = append(dst, ' ')
		return append(dst, r.pick(l.companySuffix)...)
	case 1:
		dst = append(dst, r.pick(l.last)...)
		dst = append(dst, '-')
		return append(dst, r.pick(l.last)...)
	default:
		dst = append(dst, r.pick(l.last)...)
		dst = append(dst, ' ')
		dst = append(dst, l.and...)
		dst = append(dst, ' ')
		return append(dst, r.pick(l.last)...)
	}
}
