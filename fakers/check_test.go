package fakers

import (
	"strings"
	"testing"
)

// checkCases are values with whether PostgreSQL 15 reads them as a value
// of the type (from its documentation and input functions); the
// end-to-end test TestE2ECheckValueAgainstPostgres asks a server about
// every value CheckValue accepts.
var checkCases = []struct {
	t    Target
	v    string
	want bool
}{
	{Target{Class: ClassInt, Bits: 16, Type: "smallint"}, "32767", true},
	{Target{Class: ClassInt, Bits: 16, Type: "smallint"}, "-32768", true},
	{Target{Class: ClassInt, Bits: 16, Type: "smallint"}, "32768", false},
	{Target{Class: ClassInt, Bits: 16, Type: "smallint"}, "-32769", false},
	{Target{Class: ClassInt, Bits: 32, Type: "integer"}, "+42", true},
	{Target{Class: ClassInt, Bits: 32, Type: "integer"}, "2147483648", false},
	{Target{Class: ClassInt, Bits: 32, Type: "integer"}, "abc", false},
	{Target{Class: ClassInt, Bits: 32, Type: "integer"}, "4.2", false},
	{Target{Class: ClassInt, Bits: 32, Type: "integer"}, "-", false},
	{Target{Class: ClassInt, Bits: 32, Type: "integer"}, "", false},
	{Target{Class: ClassInt, Bits: 64, Type: "bigint"}, "-9223372036854775808", true},
	{Target{Class: ClassInt, Bits: 64, Type: "bigint"}, "9223372036854775807", true},
	{Target{Class: ClassInt, Bits: 64, Type: "bigint"}, "9223372036854775808", false},
	{Target{Class: ClassInt, Bits: 64, Type: "bigint"}, "99999999999999999999999", false},
	{Target{Class: ClassNumeric, Type: "numeric"}, "1e1000", true},
	{Target{Class: ClassNumeric, Type: "numeric"}, "1e1001", false},
	{Target{Class: ClassNumeric, Type: "numeric"}, "-.5", true},
	{Target{Class: ClassNumeric, Type: "numeric"}, "5.", true},
	{Target{Class: ClassNumeric, Type: "numeric"}, ".", false},
	{Target{Class: ClassNumeric, Type: "numeric"}, "1.2.3", false},
	{Target{Class: ClassNumeric, Type: "numeric"}, "1e", false},
	{Target{Class: ClassNumeric, Type: "numeric"}, "0x10", false},
	{Target{Class: ClassNumeric, Type: "numeric"}, "NaN", true},
	{Target{Class: ClassNumeric, Type: "numeric"}, "-Infinity", true},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "Infinity", false},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "nan", true},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "999999.994", true},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "999999.995", false}, // rounds to 1000000.00
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "1000000", false},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "0001234.5", true},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "1.23456e5", true},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "1.23456e6", false},
	{Target{Class: ClassNumeric, Precision: 8, Scale: 2, Type: "numeric(8,2)"}, "12345678e-2", true},
	{Target{Class: ClassNumeric, Precision: 2, Scale: 2, Type: "numeric(2,2)"}, "0.99", true},
	{Target{Class: ClassNumeric, Precision: 2, Scale: 2, Type: "numeric(2,2)"}, "0.995", false},
	{Target{Class: ClassNumeric, Precision: 2, Scale: 2, Type: "numeric(2,2)"}, "0.001", true},
	{Target{Class: ClassNumeric, Precision: 3, Scale: 0, Type: "numeric(3)"}, "999.4", true},
	{Target{Class: ClassNumeric, Precision: 3, Scale: 0, Type: "numeric(3)"}, "999.5", false},
	{Target{Class: ClassNumeric, Precision: 3, Scale: 0, Type: "numeric(3)"}, "0", true},
	{Target{Class: ClassBool, Type: "boolean"}, "TRUE", true},
	{Target{Class: ClassBool, Type: "boolean"}, "off", true},
	{Target{Class: ClassBool, Type: "boolean"}, "0", true},
	{Target{Class: ClassBool, Type: "boolean"}, "maybe", false},
	{Target{Class: ClassBool, Type: "boolean"}, "", false},
	{Target{Class: ClassDate, Type: "date"}, "2024-02-29", true},
	{Target{Class: ClassDate, Type: "date"}, "2023-02-29", false},
	{Target{Class: ClassDate, Type: "date"}, "2000-02-29", true},
	{Target{Class: ClassDate, Type: "date"}, "1900-02-29", false},
	{Target{Class: ClassDate, Type: "date"}, "2024-04-31", false},
	{Target{Class: ClassDate, Type: "date"}, "2024-13-01", false},
	{Target{Class: ClassDate, Type: "date"}, "infinity", true},
	{Target{Class: ClassDate, Type: "date"}, "2024-01-01 10:00", false},
	{Target{Class: ClassDate, Type: "date"}, "24-01-01", false},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01", true},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01 23:59:59.123456", true},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01T10:00", true},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01 24:00:01", false},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01 10:60", false},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01 10:00:00.", false},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "2024-01-01 10", false},
	{Target{Class: ClassTimestamp, Type: "timestamp"}, "-infinity", true},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01 10:00:00+00", true},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01 10:00:00-05:30", true},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01 10:00:00+0530", true},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01T10:00:00Z", true},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01 10:00:00+5", false},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01 10:00:00+16", false},
	{Target{Class: ClassTimestampTZ, Type: "timestamptz"}, "2024-01-01 10:00:00 Mars", false},
	{Target{Class: ClassUUID, Type: "uuid"}, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", true},
	{Target{Class: ClassUUID, Type: "uuid"}, "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", true},
	{Target{Class: ClassUUID, Type: "uuid"}, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g", false},
	{Target{Class: ClassUUID, Type: "uuid"}, "a0eebc99", false},
	{Target{Class: ClassInet, Type: "inet"}, "10.1.2.3", true},
	{Target{Class: ClassInet, Type: "inet"}, "10.1.2.3/8", true},
	{Target{Class: ClassInet, Type: "inet"}, "2001:db8::1", true},
	{Target{Class: ClassInet, Type: "inet"}, "fe80::1%eth0", false},
	{Target{Class: ClassInet, Type: "inet"}, "10.1.2.256", false},
	{Target{Class: ClassCIDR, Type: "cidr"}, "10.0.0.0/8", true},
	{Target{Class: ClassCIDR, Type: "cidr"}, "10.1.0.0/8", false},
	{Target{Class: ClassJSON, Type: "jsonb"}, `{"a": [1, "x", null]}`, true},
	{Target{Class: ClassJSON, Type: "jsonb"}, `"x\u0000"`, false},
	{Target{Class: ClassJSON, Type: "jsonb"}, `{"a": }`, false},
	{Target{Class: ClassJSON, Type: "json"}, `42`, true},
	{Target{Class: ClassText, MaxLen: 3, Type: "character varying(3)"}, "abc", true},
	{Target{Class: ClassText, MaxLen: 3, Type: "character varying(3)"}, "abcd", false},
	{Target{Class: ClassText, MaxLen: 3, Type: "character varying(3)"}, "äöü", true},
	{Target{Class: ClassText, Type: "text"}, "", true},
	{Target{Class: ClassBytea, Type: "bytea"}, "anything", true}, // not checked
	{Target{Class: ClassUnknown}, "anything", true},
}

func TestCheckValue(t *testing.T) {
	for _, tc := range checkCases {
		err := CheckValue([]byte(tc.v), tc.t)
		if (err == nil) != tc.want {
			t.Errorf("CheckValue(%q, %s) = %v, want ok %v", tc.v, tc.t.Type, err, tc.want)
		}
		if err != nil && tc.v != "" && strings.Contains(err.Error(), tc.v) {
			t.Errorf("CheckValue(%q, %s): the error %q quotes the value", tc.v, tc.t.Type, err)
		}
	}
}

func TestCheckFloat(t *testing.T) {
	for _, tc := range []struct {
		v    string
		bits int
		want bool
	}{
		{"1.5", 64, true}, {"-1e308", 64, true}, {"1e309", 64, false}, {"1e-400", 64, false},
		{"0", 64, true}, {"0.000e-5", 64, true}, {"1e39", 32, false}, {"3e38", 32, true}, {"1e-50", 32, false},
		{"NaN", 64, true}, {"-Infinity", 32, true}, {"inf", 64, true}, {"+inf", 64, true}, {"-nan", 64, false},
		{"abc", 64, false}, {"", 64, false}, {"1_000", 64, false}, {"0x1p3", 64, false},
	} {
		if err := CheckFloat([]byte(tc.v), tc.bits); (err == nil) != tc.want {
			t.Errorf("CheckFloat(%q, %d) = %v, want ok %v", tc.v, tc.bits, err, tc.want)
		}
	}
}

// TestCheckValueAllocs: checking an accepted value allocates nothing.
func TestCheckValueAllocs(t *testing.T) {
	for _, tc := range checkCases {
		if !tc.want {
			continue
		}
		v := []byte(tc.v)
		if n := testing.AllocsPerRun(100, func() { _ = CheckValue(v, tc.t) }); n != 0 {
			t.Errorf("CheckValue(%q, %s): %v allocations", tc.v, tc.t.Type, n)
		}
	}
	v := []byte("-1.25e10")
	if n := testing.AllocsPerRun(100, func() { _ = CheckFloat(v, 64) }); n != 0 {
		t.Errorf("CheckFloat: %v allocations", n)
	}
}

func BenchmarkCheckValue(b *testing.B) {
	for _, bc := range []struct {
		name string
		t    Target
		v    string
	}{
		{"integer", Target{Class: ClassInt, Bits: 32}, "123456"},
		{"numeric(8,2)", Target{Class: ClassNumeric, Precision: 8, Scale: 2}, "12345.67"},
		{"date", Target{Class: ClassDate}, "2024-02-29"},
		{"timestamptz", Target{Class: ClassTimestampTZ}, "2024-01-01 10:00:00.123+02"},
		{"inet", Target{Class: ClassInet}, "10.1.2.3"},
		{"jsonb", Target{Class: ClassJSON}, `{"id": 42, "name": "x"}`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			v := []byte(bc.v)
			b.ReportAllocs()
			for b.Loop() {
				if err := CheckValue(v, bc.t); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
