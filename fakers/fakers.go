// Package fakers holds anondump's deterministic, keyed fake-value generators.
//
// # Model
//
// A value becomes PRF(key, domain ‖ value): the run's [Key] derives one
// [PRF] per domain (see [Key.Domain]), and the PRF's 128-bit output seeds
// the generator. The same input under the same key and domain therefore
// always gives the same fake value, in every table and every run, and
// joins survive anonymization.
//
// A [Def] describes one transformer of the catalogue ([Lookup], [Names]).
// [Def.New] compiles it for one column ([Params]: domain PRF, uniqueness,
// the column's [Target] type and length, options) and refuses, with an
// error, a combination whose output could not be stored in the column.
//
// # Output
//
// Keyed transformers that generate values write valid UTF-8 without TAB,
// LF, CR or backslash: ASCII, except the letters of a locale's names and
// places ("Élodie", "Müller"), which Params.ASCII folds to ASCII. The
// others write what the rules or the input give them: const and pick_from
// their values, mask and email_mask the kept characters of the input,
// regex_replace the text outside its matches, fpe the input's characters
// other than its digits. en_US draws from word lists
// of gofakeit v6's data package, cleaned at start-up; the other locales
// from the lists in locales/, embedded in the binary. So output is stable
// for the same key, anondump version and rules.
//
// # Locales
//
// The transformers whose Def.Locale is set follow Params.Locale (see
// Locales): names, cities, street addresses in the country's order,
// postcodes and phone numbers in the national format, company names, and
// IBANs and national IDs. Where a numbering plan reserves numbers for
// drama (Ofcom in the UK, ARCEP in France, the Bundesnetzagentur in
// Germany, 555 in North America) every phone number is in that range;
// see localeSpecs. Values meant to look real are chosen so they cannot, or are very
// unlikely to, reach a real person or host: emails at example.com,
// example.net and example.org (RFC 2606), phones in the 555 exchange,
// IPv4 addresses in 10.0.0.0/8, IPv6 addresses in 2001:db8::/32.
//
// Formatted values with digits (postcode, phone, credit_card) also write
// into integer and numeric columns: their digits as a number, a leading
// zero replaced by a keyed digit 1-9, refused where the column cannot hold
// every number of that many digits ([Target.Bits], [Target.Precision]).
// hash writes a keyed decimal number there, of as many digits as the
// column holds or of its length option.
//
// A column's output depends only on the key, the domain, unique, the
// transformer's options, the locale and the target's class and length.
//
// # Masks, patterns, dictionaries
//
// mask keeps keep_first leading and keep_last trailing characters; a value
// not longer than both together is masked whole. email_mask keeps the
// first character of the local part and the domain and always writes three
// mask characters between them, so the local part's length does not show;
// a value that is not an email is masked whole as three mask characters.
// regex_replace rewrites each match of an RE2 pattern by a replacement
// with groups ($1, ${name}) and keyed characters (\d a digit, \w a
// lowercase letter, \W an uppercase letter), drawn from the PRF of the
// whole value. pick_from chooses one of a list of values, uniformly, by
// the PRF of the value. See each transformer's New function for details.
//
// # Dates and numbers that keep their shape
//
// date_shift, generalize and noise keep a value's form instead of
// replacing it, for analyses that need dates and numbers to stay
// plausible. date_shift moves all the dates of one entity (the by:
// column's value, see [EntityFunc]) by one keyed offset, so the intervals
// between them survive, across tables. generalize coarsens dates to their
// year or month, numbers to their bucket, postcodes to their first
// characters; it is not keyed and it is monotone. noise multiplies a
// number by a keyed factor near 1. date_of_birth with KeepAge keeps the
// age in years on Params.AsOf. Their inputs must be dates or numbers: their
// Funcs implement [CheckFunc], whose errors never hold the value.
//
// # Uniqueness
//
// With Params.Unique, outputs of two distinct inputs collide with
// probability at most about 2^-80 (2^-64 for hash with 16 hex digits, and
// about 2^-66 for hash into a number column with 20 decimal digits). Text
// transformers append a suffix of 80 PRF bits as 16 lowercase base32
// characters (a-z, 2-7), in a form that
// keeps the value valid: first.last.<suffix>@example.com for email,
// name_<suffix> for username, "words <suffix>" for lorem and
// <value>-<suffix> for the others. uuid (122 PRF bits), ipv6 (96) and hash
// (4 bits per digit kept, at least 64) are unique as they are; so is hash
// into a number column, which writes one of the 9·10^(d-1) numbers of d
// digits, when that space is at least 2^64, that is d ≥ 20: a numeric
// column with 20 or more digits before the decimal point. No integer type
// holds that many (a bigint holds every number of 18 digits, 2^59.6 of
// them), so unique hash into smallint, integer or bigint is refused. For n
// distinct values the chance of any collision is about n²/2^81: 4.1e-9
// for 10^8 values with an 80-bit suffix. In a length-limited column the
// value before the suffix is cut, never the suffix; a column too short for
// one character, the separator and the suffix (and, for email, the domain)
// is refused.
//
// fpe is unique by construction, without a suffix: it is a keyed
// permutation (FF1 of NIST SP 800-38G, package fpe), so distinct inputs
// give distinct outputs, in the input's format. In text it encrypts the
// ASCII digits and keeps every other byte (a value without digits stays
// as it is); luhn keeps a valid check digit valid; in smallint, integer,
// bigint and numeric(p,0) (p ≤ 18) it permutes the positive values of the
// type's range among themselves, the negative ones likewise, and keeps 0.
// The permutation depends only on the key, the domain and, for integers,
// the type's range, so a foreign key still joins when both columns share
// the domain and the type (in text, the luhn setting). Whoever holds the
// key can decrypt.
//
// # Concurrency
//
// A [Func] is not safe for concurrent use: it may keep scratch state.
// Build one per goroutine by calling [Def.New] again.
package fakers

import "time"

// Class is the kind of SQL type a column has, as far as a transformer's
// output is concerned.
type Class uint8

// The classes of column types.
const (
	// ClassUnknown: the dump did not say (a data-only dump). Any output is
	// accepted and no length limit applies.
	ClassUnknown     Class = iota
	ClassText              // text, varchar(n), char(n), citext, name
	ClassInt               // smallint, integer, bigint
	ClassNumeric           // numeric, real, double precision
	ClassBool              // boolean
	ClassDate              // date
	ClassTimestamp         // timestamp without time zone
	ClassTimestampTZ       // timestamp with time zone
	ClassUUID              // uuid
	ClassInet              // inet
	ClassCIDR              // cidr
	ClassJSON              // json, jsonb
	ClassBytea             // bytea
	ClassOther             // anything else: enums, composites, geometric, ...
)

// Target is the column a transformer writes into.
type Target struct {
	Class  Class
	MaxLen int    // maximum length in characters (varchar(n), char(n)); 0 means unlimited
	Type   string // the SQL type as written in the dump, for messages ("character varying(20)")

	// Bits is the width of a ClassInt column: 16, 32 or 64 (0 is read as 64).
	Bits int
	// Precision and Scale are a ClassNumeric column's type modifiers
	// (numeric(p,s)); Precision 0 means unconstrained. For real and double
	// precision Precision is the number of decimal digits they keep exactly
	// (6 and 15) and Scale is 0.
	Precision, Scale int
}

// Params configure one transformer for one column.
type Params struct {
	PRF    PRF    // the domain's keyed PRF
	Unique bool   // outputs of distinct inputs must (practically) never collide
	Target Target // the column written into

	// Locale is the locale of the values ("fr_FR"), "" for DefaultLocale;
	// the names, phones, postcodes, addresses, IBANs and national IDs
	// follow it. It is one of Locales (see CheckLocale).
	Locale string
	// ASCII: the column's dump is not in UTF-8, so letters with
	// diacritics are written without them ("Müller" → "Muller").
	ASCII bool

	// Options; which ones a transformer reads is listed in Def.Options.
	Value  string // const: the replacement value, as PostgreSQL reads it
	Length int    // hash: number of hex digits kept (0 = all 32), or of decimal digits into a number column (0 = as many as it holds)
	Keep   int    // mask: number of trailing characters kept (an alias of KeepLast)
	Char   string // mask, email_mask: the masking character (default "*")

	KeepFirst int // mask: number of leading characters kept
	KeepLast  int // mask: number of trailing characters kept

	Pattern string // regex_replace: the RE2 pattern (Go regexp syntax)
	Replace string // regex_replace: the replacement, with $1, ${name}, \d, \w, \W

	Values []string // pick_from: the values one is chosen from

	Days    int    // date_shift: the largest move in days, 1..MaxShiftDays
	To      string // generalize: "year" or "month"
	Bucket  int    // generalize: the width of a number's bucket
	Percent int    // noise: the largest change in percent, 1..MaxPercent
	// Keep also serves generalize: the number of leading characters
	// (digits of an integer) of a postcode kept.

	// KeepAge: date_of_birth writes a date with the input's age in full
	// years on AsOf.
	KeepAge bool
	// AsOf is the date ages are counted on (its UTC date; the rules set
	// it to the dump's date, else the run's).
	AsOf time.Time
	Luhn bool // fpe: the last digit stays a valid Luhn check digit of the others
}

// Func produces the fake value for one non-NULL input.
type Func interface {
	// Append appends the fake value for in (a decoded field, never NULL) to
	// dst and returns the extended buffer; null reports that the output is
	// SQL NULL instead (then out is dst unchanged). It must not retain in
	// or dst, and in steady state it must not allocate.
	Append(dst, in []byte) (out []byte, null bool)
}

// Def describes one transformer of the catalogue.
type Def struct {
	Name    string   // name used in anon.yaml (transform: NAME)
	Summary string   // one line for docs and `anondump validate`
	Options []string // option keys accepted beside transform/domain/unique ("value", "length", "keep", "char", ...)
	Unique  bool     // whether unique: true is supported
	Keyed   bool     // whether the output depends on the key (false for const, set_null, mask)
	Locale  bool     // whether the output follows Params.Locale

	// New compiles the transformer for one column. It fails when the
	// output cannot be stored in p.Target (wrong type class, too short a
	// varchar, a const value that is not a valid literal of the type) or
	// when unique is asked of a transformer that cannot provide it.
	New func(p Params) (Func, error)
}
