package fakers

import (
	"fmt"
	"slices"
	"strings"
)

// DefaultLocale is the locale of a rule that names none.
const DefaultLocale = "en_US"

// locales lists the supported locales, default first.
var locales = []string{"en_US", "en_GB", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL"}

// Locales returns the supported locale names ("en_US", "fr_FR", ...),
// the default first.
func Locales() []string { return slices.Clone(locales) }

// CheckLocale reports an error naming the supported locales when name is
// not one of them. The empty name stands for [DefaultLocale].
func CheckLocale(name string) error {
	if name == "" || slices.Contains(locales, name) {
		return nil
	}
	return fmt.Errorf("unknown locale %q; the locales are: %s", name, strings.Join(locales, ", "))
}

// localeOf returns p's locale, DefaultLocale when it names none.
func localeOf(p Params) string {
	if p.Locale == "" {
		return DefaultLocale
	}
	return p.Locale
}
