package fakers

import (
	"fmt"
	"net/netip"
	"strconv"
)

func init() {
	register(
		&Def{
			Name:    "ipv4",
			Summary: "an address in the private range 10.0.0.0/8",
			Keyed:   true,
			New:     newIPv4,
		},
		&Def{
			Name:    "ipv6",
			Summary: "an address in the documentation prefix 2001:db8::/32",
			Unique:  true,
			Keyed:   true,
			New:     newIPv6,
		},
		&Def{
			Name:    "uuid",
			Summary: "a version-4 UUID",
			Unique:  true,
			Keyed:   true,
			New:     newUUID,
		},
		&Def{
			Name:    "hash",
			Summary: "the keyed hash of the value in lowercase hex (32 digits, or length)",
			Options: []string{"length"},
			Unique:  true,
			Keyed:   true,
			New:     newHash,
		},
	)
}

var netClasses = []Class{ClassInet, ClassCIDR, ClassText, ClassUnknown}

// IPv4 addresses are drawn from 10.0.0.0/8 (RFC 1918): private space that
// is never routed on the Internet, so a fake address points at no real
// host, and the widest private block (24 bits). 2^24 values are too few to
// promise uniqueness.
func newIPv4(p Params) (Func, error) {
	const name = "ipv4"
	if err := checkClass(name, p.Target, netClasses...); err != nil {
		return nil, err
	}
	if p.Unique {
		return nil, refuseUnique(name, "10.0.0.0/8 holds only 2^24 addresses; use ipv6 or hash for a unique column")
	}
	if err := checkFit(name, false, len("10.255.255.255"), p.Target); err != nil {
		return nil, err
	}
	return &ipv4Func{prf: p.PRF}, nil
}

type ipv4Func struct{ prf PRF }

func (f *ipv4Func) Append(dst, in []byte) ([]byte, bool) {
	h0, _ := f.prf.Sum(in)
	dst = append(dst, "10."...)
	dst = strconv.AppendUint(dst, h0>>56, 10)
	dst = append(dst, '.')
	dst = strconv.AppendUint(dst, h0>>48&0xff, 10)
	dst = append(dst, '.')
	return strconv.AppendUint(dst, h0>>40&0xff, 10), false
}

// IPv6 addresses are 2001:db8::/32 (RFC 3849, documentation only) with
// the 96 low bits taken from the PRF: enough for uniqueness without a
// suffix. They are written in RFC 5952 canonical form.
func newIPv6(p Params) (Func, error) {
	const name = "ipv6"
	if err := checkClass(name, p.Target, netClasses...); err != nil {
		return nil, err
	}
	if err := checkFit(name, p.Unique, len("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"), p.Target); err != nil {
		return nil, err
	}
	return &ipv6Func{prf: p.PRF}, nil
}

type ipv6Func struct{ prf PRF }

func (f *ipv6Func) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	var b [16]byte
	b[0], b[1], b[2], b[3] = 0x20, 0x01, 0x0d, 0xb8
	putUint64BE(b[4:12], h0)
	b[12], b[13], b[14], b[15] = byte(h1>>56), byte(h1>>48), byte(h1>>40), byte(h1>>32)
	return netip.AddrFrom16(b).AppendTo(dst), false
}

// UUIDs take their 128 bits from the PRF, then get the version (4) and
// variant (10) bits set: 122 keyed bits, unique without a suffix.
func newUUID(p Params) (Func, error) {
	const name = "uuid"
	if err := checkClass(name, p.Target, ClassUUID, ClassText, ClassUnknown); err != nil {
		return nil, err
	}
	if err := checkFit(name, p.Unique, 36, p.Target); err != nil {
		return nil, err
	}
	return &uuidFunc{prf: p.PRF}, nil
}

type uuidFunc struct{ prf PRF }

const hexDigits = "0123456789abcdef"

func (f *uuidFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	var b [16]byte
	putUint64BE(b[0:8], h0)
	putUint64BE(b[8:16], h1)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			dst = append(dst, '-')
		}
		dst = append(dst, hexDigits[c>>4], hexDigits[c&0xf])
	}
	return dst, false
}

// The hash transformer writes the 128 PRF bits as 32 lowercase hex
// digits, or their first length digits. Unique needs at least 64 bits
// kept (length 0 or 16 and more).
func newHash(p Params) (Func, error) {
	const name = "hash"
	if err := checkClass(name, p.Target, textOnly...); err != nil {
		return nil, err
	}
	if p.Length < 0 || p.Length > 32 {
		return nil, fmt.Errorf("%s length must be between 1 and 32 hex digits, or 0 for all 32", name)
	}
	n := p.Length
	if n == 0 {
		n = 32
	}
	if p.Unique && n < 16 {
		return nil, refuseUnique(name, fmt.Sprintf("length %d keeps only %d bits; use length 0 or at least 16", n, 4*n))
	}
	if err := checkFit(name, p.Unique, n, p.Target); err != nil {
		return nil, err
	}
	return &hashFunc{prf: p.PRF, n: n}, nil
}

type hashFunc struct {
	prf PRF
	n   int
}

func (f *hashFunc) Append(dst, in []byte) ([]byte, bool) {
	h0, h1 := f.prf.Sum(in)
	for i := range f.n {
		var nib uint64
		if i < 16 {
			nib = h0 >> (60 - 4*i) & 0xf
		} else {
			nib = h1 >> (60 - 4*(i-16)) & 0xf
		}
		dst = append(dst, hexDigits[nib])
	}
	return dst, false
}

func putUint64BE(b []byte, v uint64) {
	_ = b[7]
	b[0], b[1], b[2], b[3] = byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32)
	b[4], b[5], b[6], b[7] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
}
