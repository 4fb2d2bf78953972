// Package fpe is format-preserving encryption for anondump: keyed
// permutations of digit strings and integer ranges, built on FF1 of NIST
// SP 800-38G over AES (crypto/aes is the only primitive).
//
// # What it guarantees
//
// Each permutation is a bijection of its domain chosen by the key (and a
// tweak): equal inputs give equal outputs, distinct inputs give distinct
// outputs, and every output is in the domain, so a column with a unique
// constraint stays unique, a digit string keeps its length and format, and
// an integer stays within its column type's range. Using the same key,
// tweak and domain on both sides of a foreign key keeps the join; for
// [Int] the domain is the range, so a bigint key and an integer column
// that references it must both use one range (the narrower), and for
// [Digits] both sides must agree on Luhn.
//
// This is pseudonymization, not anonymization: the mapping is reversible
// by whoever holds the key (Decrypt, AppendDecrypt), and it keeps
// equality, so the frequencies of values and which rows share a value
// survive. Without the key, FF1 is a pseudorandom permutation: the
// outputs reveal nothing about the inputs but their format (which
// positions hold digits, the range). Anyone with the key can decrypt
// every value: keep the key as secret as the original data.
//
// # Domain size
//
// FF1 is approved only for domains of at least MinDomain = 1,000,000
// values (radix^length >= 10^6, SP 800-38G Rev. 1): on smaller domains
// Feistel-based FPE falls to message-recovery attacks that need far fewer
// ciphertexts than the domain holds (Bellare, Hoang and Tessaro, CCS
// 2016; Hoang, Tessaro and Trieu, CRYPTO 2018). [FF1] therefore refuses a
// shorter numeral string with [ErrDomainTooSmall].
//
// The transformers still need small domains: a 4-digit code, a smallint
// column. [Digits] and [Int] permute a domain of fewer than MinDomain
// values with a keyed table instead of FF1: a Fisher–Yates shuffle of the
// whole domain driven by AES-CTR under a key derived from the FPE key,
// the tweak and the domain size. Given AES as a pseudorandom function it
// is a uniformly random permutation, so it has no Feistel weakness. What
// it cannot hide is what any permutation of a small set shows: with
// 10,000 possible values, an attacker who learns the real value behind a
// few fake ones learns exactly those pairs, and frequencies give away
// the common values. A table costs 8 bytes per value (the permutation
// and its inverse), is built once on first use (Digits) or at NewInt,
// and is read-only afterwards. Domains of 10^6 values and more always
// use FF1.
//
// # API
//
//   - [FF1]: the cipher of SP 800-38G (Algorithms 7 and 8) on numeral
//     strings ([]byte of digit values), radix 2 to 36, with tweaks. It
//     passes the nine FF1 samples NIST publishes with the standard.
//   - [Digits]: encrypts the ASCII digits of a formatted value as one
//     radix-10 numeral string and keeps every other byte in place
//     ("+33 6 12-34-56-78"), optionally keeping a valid Luhn check digit
//     ([DigitsOptions]).
//   - [Int]: a permutation of the integers of [lo, hi], for integer keys:
//     FF1 with radix 2 on the offset from lo, with cycle-walking (an
//     image outside the range is encrypted again until it falls inside;
//     the bit length is chosen so this takes fewer than 2 encryptions on
//     average).
//
// Keys are AES keys of 16, 24 or 32 bytes; derive one per domain from the
// run's secret.
//
// # Cost
//
// FF1 costs ten AES block encryptions plus one per 16 bytes of tweak, a
// few hundred nanoseconds per value. Strings of up to 38 decimal digits
// and all integer ranges use uint64 arithmetic and do not allocate;
// longer strings use math/big, which does.
//
// # Concurrency
//
// FF1, Digits and Int keep scratch state and are not safe for concurrent
// use; their Clone methods give one for another goroutine that shares the
// key schedule and the tables.
package fpe
