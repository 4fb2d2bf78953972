package fakers

import (
	"fmt"
	"strings"
)

// Privacy is what a transformer's output still reveals of its input, from
// weakest to strongest.
type Privacy uint8

// The privacy classes.
const (
	// Kept: the original value (a `keep` rule or case).
	Kept Privacy = iota
	// Masking keeps part of the input (mask, email_mask, regex_replace).
	Masking
	// Pseudonymizing: the output is a keyed function of the input, so
	// whoever holds the key can link it to the input again (every keyed
	// faker, hash, fpe, date_shift, noise). GDPR treats such data as
	// personal data still.
	Pseudonymizing
	// Anonymizing: the output does not depend on who the input was, or
	// keeps only what a whole group shares (const, set_null, generalize,
	// lorem); the input cannot be recovered, with or without the key.
	Anonymizing
)

var privacyClassNames = [...]string{Kept: "kept", Masking: "masking", Pseudonymizing: "pseudonymizing", Anonymizing: "anonymizing"}

// String returns the class's name: "kept", "masking", "pseudonymizing"
// or "anonymizing".
func (p Privacy) String() string {
	if int(p) < len(privacyClassNames) {
		return privacyClassNames[p]
	}
	return fmt.Sprintf("privacy(%d)", uint8(p))
}

// privacyOf is the class of each transformer that is not
// Pseudonymizing (the class of every keyed faker).
var privacyOf = map[string]Privacy{
	"const": Anonymizing, "set_null": Anonymizing, "lorem": Anonymizing, "generalize": Anonymizing,
	"mask": Masking, "email_mask": Masking, "regex_replace": Masking,
}

// Privacy returns d's class.
func (d *Def) Privacy() Privacy {
	if p, ok := privacyOf[d.Name]; ok {
		return p
	}
	if !d.Keyed {
		panic("fakers: transformer " + d.Name + " has no privacy class")
	}
	return Pseudonymizing
}

// example is the example of one transformer in the reference: a rule
// (YAML flow form, as in a rules file), its Params and an input.
type example struct {
	rule  string
	p     Params
	input string
}

// examples holds the transformers whose example is not the default
// (`{transform: NAME}` on an email-like input).
var examples = map[string]example{
	"const":          {rule: `{transform: const, value: "n/a"}`, p: Params{Value: "n/a"}, input: "Alice Martin"},
	"set_null":       {input: "Alice Martin"},
	"mask":           {rule: `{transform: mask, keep_first: 1, keep_last: 2}`, p: Params{KeepFirst: 1, KeepLast: 2}, input: "AB123456C"},
	"email_mask":     {input: "alice.martin@acme.com"},
	"regex_replace":  {rule: `{transform: regex_replace, pattern: '\d{4}$', replace: '\d\d\d\d'}`, p: Params{Pattern: `\d{4}$`, Replace: `\d\d\d\d`}, input: "+1 212 555 0147"},
	"pick_from":      {rule: `{transform: pick_from, values: [gold, silver, bronze]}`, p: Params{Values: []string{"gold", "silver", "bronze"}}, input: "silver"},
	"hash":           {rule: `{transform: hash, length: 12}`, p: Params{Length: 12}, input: "alice@corp.example"},
	"lorem":          {input: "Called about the invoice, will call back"},
	"phone":          {input: "+1 (212) 555-0147"},
	"postcode":       {input: "10027"},
	"street_address": {input: "350 Fifth Avenue"},
	"city":           {input: "New York"},
	"first_name":     {input: "Alice"},
	"last_name":      {input: "Martin"},
	"full_name":      {input: "Alice Martin"},
	"company":        {input: "Acme Corp"},
	"job_title":      {input: "Head of Sales"},
	"country":        {input: "France"},
	"credit_card":    {input: "4111111111111111"},
	"iban":           {input: "FR1420041010050500013M02606"},
	"ipv4":           {input: "192.168.1.20"},
	"ipv6":           {input: "2a00:1450:4007:80e::200e"},
	"uuid":           {input: "6f1c2e0a-8a55-4a4e-9d0e-1f2a3b4c5d6e"},
	"date_of_birth":  {p: Params{Target: Target{Class: ClassDate}}, input: "1984-03-07"},
	"date_shift":     {rule: `{transform: date_shift, days: 90, by: user_id, domain: user_dates}`, p: Params{Days: 90, Target: Target{Class: ClassTimestampTZ}}, input: "2024-05-17 09:30:00+02"},
	"generalize":     {rule: `{transform: generalize, to: month}`, p: Params{To: "month", Target: Target{Class: ClassDate}}, input: "1984-03-07"},
	"noise":          {rule: `{transform: noise, percent: 10}`, p: Params{Percent: 10, Target: Target{Class: ClassNumeric, Precision: 10, Scale: 2}}, input: "129.90"},
	"fpe":            {rule: `{transform: fpe, luhn: true}`, p: Params{Luhn: true}, input: "4111 1111 1111 1111"},
}

// referenceKey is the key the reference's examples are computed under.
var referenceKey = NewKey([]byte("anondump reference example key"))

// Entry describes one transformer for `anondump transformers` and the
// README's reference.
type Entry struct {
	Name    string   `json:"name"`
	Summary string   `json:"summary"`
	Class   string   `json:"class"`   // Privacy.String
	Unique  bool     `json:"unique"`  // unique: true is supported
	Keyed   bool     `json:"keyed"`   // the output depends on the key
	Locale  bool     `json:"locale"`  // the output follows the locale
	Options []string `json:"options"` // options beside transform (domain, unique and locale included where they apply)
	// Rule, Input and Output are an example: the rule, one input and its
	// output under a fixed key.
	Rule   string `json:"rule"`
	Input  string `json:"input"`
	Output string `json:"output"` // "NULL" for SQL NULL
}

// Reference returns every transformer's entry, by name.
func Reference() ([]Entry, error) {
	var out []Entry
	for _, name := range Names() {
		d, _ := Lookup(name)
		ex, ok := examples[name]
		if !ok {
			ex = example{input: "alice@corp.example"}
		}
		if ex.rule == "" {
			ex.rule = name
		}
		p := ex.p
		if d.Keyed {
			p.PRF = referenceKey.Domain(name)
		}
		f, err := d.New(p)
		if err != nil {
			return nil, fmt.Errorf("the reference example of %s: %v", name, err)
		}
		res, null := f.Append(nil, []byte(ex.input))
		output := string(res)
		if null {
			output = "NULL"
		}
		var opts []string
		if d.Keyed {
			opts = append(opts, "domain")
		}
		if d.Unique {
			opts = append(opts, "unique")
		}
		if d.Locale {
			opts = append(opts, "locale")
		}
		out = append(out, Entry{Name: name, Summary: d.Summary, Class: d.Privacy().String(), Unique: d.Unique, Keyed: d.Keyed,
			Locale: d.Locale, Options: append(opts, d.Options...), Rule: ex.rule, Input: ex.input, Output: output})
	}
	return out, nil
}

// ReferenceMarkdown renders the entries as the README's table.
func ReferenceMarkdown(entries []Entry) string {
	var b strings.Builder
	b.WriteString("| transformer | what it writes | class | unique | options | example |\n")
	b.WriteString("| --- | --- | --- | --- | --- | --- |\n")
	cell := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	for _, e := range entries {
		unique := ""
		if e.Unique {
			unique = "yes"
		}
		opts := make([]string, len(e.Options))
		for i, o := range e.Options {
			opts[i] = "`" + o + "`"
		}
		out := "`" + e.Output + "`"
		if e.Output == "NULL" {
			out = "NULL"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | `%s`: `%s` → %s |\n", e.Name, cell(e.Summary), e.Class, unique,
			strings.Join(opts, ", "), cell(e.Rule), cell(e.Input), cell(out))
	}
	return b.String()
}
