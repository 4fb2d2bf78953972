package dumpstream

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// The values of literals as PostgreSQL reads them (docs, "Lexical
// Structure → Constants"), written out by hand.
func TestLiteralValues(t *testing.T) {
	type want struct {
		kind  int
		value string // decoded; "<null>" for NULL
		lit   string // the literal part, without the cast
	}
	for _, tc := range []struct {
		sql string
		std bool
		want
	}{
		{`'it''s'`, true, want{litString, "it's", `'it''s'`}},
		{`''`, true, want{litString, "", `''`}},
		{`'a\b'`, true, want{litString, `a\b`, `'a\b'`}},
		{`'a\\b'`, false, want{litString, `a\b`, `'a\\b'`}},
		{`'\x00ff'`, true, want{litString, `\x00ff`, `'\x00ff'`}},
		{`'\\x00ff'`, false, want{litString, `\x00ff`, `'\\x00ff'`}},
		{`'a\nb\'c'`, false, want{litString, "a\nb'c", `'a\nb\'c'`}},
		{"'two\nlines\ttab'", true, want{litString, "two\nlines\ttab", "'two\nlines\ttab'"}},
		{`E'a\\b\n\t\x41\101\u00e9\U0001F600\'\q'`, true, want{litEString, "a\\b\n\tAAé😀'q", `E'a\\b\n\t\x41\101\u00e9\U0001F600\'\q'`}},
		{`e'\b\f\r'`, true, want{litEString, "\b\f\r", `e'\b\f\r'`}},
		{`'{"a": "x''y"}'::jsonb`, true, want{litString, `{"a": "x'y"}`, `'{"a": "x''y"}'`}},
		{`'abc'::character varying(20)`, true, want{litString, "abc", `'abc'`}},
		{`'2024-01-02 03:04:05+00'::timestamp with time zone`, true, want{litString, "2024-01-02 03:04:05+00", `'2024-01-02 03:04:05+00'`}},
		{`'{1,2}'::integer[]`, true, want{litString, "{1,2}", `'{1,2}'`}},
		{`'x'::"My Type"`, true, want{litString, "x", `'x'`}},
		{`'x'::public.mood`, true, want{litString, "x", `'x'`}},
		{`-12.5`, true, want{litNumber, "-12.5", `-12.5`}},
		{`42`, true, want{litNumber, "42", `42`}},
		{`1e-07`, true, want{litNumber, "1e-07", `1e-07`}},
		{`-1.5E+10`, true, want{litNumber, "-1.5E+10", `-1.5E+10`}},
		{`.5`, true, want{litNumber, ".5", `.5`}},
		{`5::smallint`, true, want{litNumber, "5", `5`}},
		{`'NaN'`, true, want{litString, "NaN", `'NaN'`}},
		{`NULL`, true, want{litNull, "<null>", `NULL`}},
		{`null::text`, true, want{litNull, "<null>", `null`}},
		{`true`, true, want{litBool, "t", `true`}},
		{`FALSE`, true, want{litBool, "f", `FALSE`}},
		{`B'0101'`, true, want{litBit, "0101", `B'0101'`}},
		{`DEFAULT`, true, want{litDefault, "", `DEFAULT`}},
		// Expressions are not literals.
		{`'a' || 'b'`, true, want{litOther, "", ``}},
		{`lower('X')`, true, want{litOther, "", ``}},
		{`- 5`, true, want{litOther, "", ``}},
		{`1 + 2`, true, want{litOther, "", ``}},
		{`'a'::text || 'b'`, true, want{litOther, "", ``}},
		{`ARRAY[1, 2]`, true, want{litOther, "", ``}},
		{`nullif('a', 'b')`, true, want{litOther, "", ``}},
		{`x'1f'`, true, want{litOther, "", ``}},
	} {
		stmt := []byte("INSERT INTO t VALUES (" + tc.sql + ", 7);")
		var s insertScan
		if err := scanInsert(stmt, tc.std, &s); err != nil {
			t.Errorf("%s: %v", tc.sql, err)
			continue
		}
		if len(s.rows) != 1 || len(s.vals) != 2 {
			t.Errorf("%s: %d rows, %d values", tc.sql, len(s.rows), len(s.vals))
			continue
		}
		v := s.vals[0]
		if got := string(stmt[v.start:v.end]); got != tc.sql {
			t.Errorf("%s: value text %q", tc.sql, got)
		}
		if v.kind != tc.kind {
			t.Errorf("%s: kind %d, want %d", tc.sql, v.kind, tc.kind)
			continue
		}
		if got := string(stmt[v.litStart:v.litEnd]); got != tc.lit {
			t.Errorf("%s: literal %q, want %q", tc.sql, got, tc.lit)
		}
		if tc.kind == litOther || tc.kind == litDefault {
			if _, _, err := appendLiteralValue(nil, stmt, &v, tc.std); err == nil {
				t.Errorf("%s: decoded, want an error", tc.sql)
			}
			continue
		}
		dec, null, err := appendLiteralValue(nil, stmt, &v, tc.std)
		got := string(dec)
		if null {
			got = "<null>"
		}
		if err != nil || got != tc.value {
			t.Errorf("%s (std %v): %q, %v; want %q", tc.sql, tc.std, got, err, tc.value)
		}
		if w := s.vals[1]; string(stmt[w.start:w.end]) != "7" || w.kind != litNumber {
			t.Errorf("%s: the next value is %q", tc.sql, stmt[w.start:w.end])
		}
	}
}

// The forms of INSERT pg_dump writes, and where their rows are.
func TestScanInsertForms(t *testing.T) {
	for _, tc := range []struct {
		stmt   string
		rows   []string
		cols   []string
		prefix string
	}{
		{"INSERT INTO public.t VALUES (1, 'a');", []string{"(1, 'a')"}, nil, "INSERT INTO public.t VALUES "},
		{"INSERT INTO public.t (id, v) VALUES (1, 'a');", []string{"(1, 'a')"}, []string{"id", "v"}, ""},
		{"INSERT INTO public.t (id, v) VALUES\n\t(1, 'a'),\n\t(2, 'b),\n\t(x'),\n\t(3, NULL) ON CONFLICT DO NOTHING;",
			[]string{"(1, 'a')", "(2, 'b),\n\t(x')", "(3, NULL)"}, []string{"id", "v"}, ""},
		{`INSERT INTO "My Schema"."T" ("Id", "select") OVERRIDING SYSTEM VALUE VALUES (1, 2);`, []string{"(1, 2)"}, []string{"Id", "select"}, ""},
		{"INSERT INTO public.t VALUES (1, DEFAULT, 'x');", []string{"(1, DEFAULT, 'x')"}, nil, ""},
		{"INSERT INTO public.t /* c */ VALUES -- c\n (1);", []string{"(1)"}, nil, ""},
		{"INSERT INTO public.zero_cols DEFAULT VALUES;", nil, nil, ""},
		{"INSERT INTO public.t VALUES ();", []string{"()"}, nil, ""},
	} {
		var s insertScan
		if err := scanInsert([]byte(tc.stmt), true, &s); err != nil {
			t.Errorf("%q: %v", tc.stmt, err)
			continue
		}
		var rows []string
		for _, r := range s.rows {
			rows = append(rows, tc.stmt[r.start:r.end])
		}
		if fmt.Sprint(rows) != fmt.Sprint(tc.rows) {
			t.Errorf("%q: rows %q, want %q", tc.stmt, rows, tc.rows)
		}
		if fmt.Sprint(s.head.columns) != fmt.Sprint(tc.cols) || s.head.listed != (tc.cols != nil) {
			t.Errorf("%q: columns %q", tc.stmt, s.head.columns)
		}
		if tc.prefix != "" && tc.stmt[:s.rows[0].start] != tc.prefix {
			t.Errorf("%q: prefix %q", tc.stmt, tc.stmt[:s.rows[0].start])
		}
	}
	for _, bad := range []string{
		"INSERT INTO public.t SELECT 1;",
		"INSERT INTO public.t VALUES (1, 'a';",
		"INSERT INTO public.t VALUES (1, 'a);",
		"INSERT INTO public.t VALUES (1, $$a$$);",
		"INSERT INTO public.t VALUES 1;",
		"INSERT INTO public.t (a, VALUES (1);",
		"UPDATE t SET a = 1;",
	} {
		var s insertScan
		if err := scanInsert([]byte(bad), true, &s); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// A rewritten value is written in the style of the literal it replaces,
// where the value allows it.
func TestAppendLiteral(t *testing.T) {
	for _, tc := range []struct {
		value string
		orig  int
		std   bool
		want  string
	}{
		{"123", litNumber, true, "123"},
		{"-4.5e3", litNumber, true, "-4.5e3"},
		{"+4", litNumber, true, "'+4'"},
		{"NaN", litNumber, true, "'NaN'"},
		{"12 34", litNumber, true, "'12 34'"},
		{"t", litBool, true, "true"},
		{"f", litBool, true, "false"},
		{"yes", litBool, true, "'yes'"},
		{"0110", litBit, true, "B'0110'"},
		{"012", litBit, true, "'012'"},
		{`it's a\b`, litString, true, `'it''s a\b'`},
		{`it's a\b`, litString, false, `'it''s a\\b'`},
		{`it's a\b`, litEString, true, `E'it''s a\\b'`},
		{"x", litNull, true, "'x'"},
		{"5", litString, true, "'5'"},
		{"line\nbreak", litString, true, "'line\nbreak'"},
	} {
		if got := string(appendLiteral(nil, []byte(tc.value), tc.orig, tc.std)); got != tc.want {
			t.Errorf("appendLiteral(%q, %d, %v) = %s, want %s", tc.value, tc.orig, tc.std, got, tc.want)
		}
	}
}

// roundTrip encodes value in the style of orig, scans it inside an
// INSERT and decodes it again.
func roundTrip(t testing.TB, value []byte, orig int, std bool) {
	lit := appendLiteral(nil, value, orig, std)
	stmt := append(append([]byte("INSERT INTO t VALUES (1, "), lit...), "::text);"...)
	var s insertScan
	if err := scanInsert(stmt, std, &s); err != nil {
		t.Fatalf("%q (std %v): %v", stmt, std, err)
	}
	if len(s.rows) != 1 || len(s.vals) != 2 {
		t.Fatalf("%q: %d rows, %d values", stmt, len(s.rows), len(s.vals))
	}
	v := s.vals[1]
	if !bytes.Equal(stmt[v.litStart:v.litEnd], lit) {
		t.Fatalf("%q: literal %q, want %q", stmt, stmt[v.litStart:v.litEnd], lit)
	}
	got, null, err := appendLiteralValue(nil, stmt, &v, std)
	if orig == litBool && v.kind == litBool {
		return // t and f come back as t and f: checked in TestAppendLiteral
	}
	if err != nil || null || !bytes.Equal(got, value) {
		t.Fatalf("%q (std %v): %q, %v, %v; want %q", stmt, std, got, null, err, value)
	}
}

func TestLiteralRoundTrip(t *testing.T) {
	values := []string{"", "'", "''", `\`, `\\`, `\'`, "a'b\\c", "x\ny\r\n\tz", "é😀", "NULL", "null", "123", "-1.5", "0101", "t",
		"--not a comment", "/* no */", "), (2, 'x'", ";", "$$", `"`, "::int", "\x01\x7f"}
	for _, v := range values {
		for _, orig := range []int{litString, litEString, litNumber, litBool, litBit, litNull} {
			for _, std := range []bool{true, false} {
				roundTrip(t, []byte(v), orig, std)
			}
		}
	}
}

// FuzzSQLLiteral checks the literal codec: any value, written in any
// literal style, reads back as itself; and the scanner never panics and
// keeps its spans inside the statement, in order.
func FuzzSQLLiteral(f *testing.F) {
	f.Add([]byte("it's"), uint8(0), true, "INSERT INTO t VALUES (1, 'a''b'), (2, E'\\n');")
	f.Add([]byte(`a\b`), uint8(1), false, "INSERT INTO t (a, b) VALUES\n\t(-1, NULL::text),\n\t(B'01', true) ON CONFLICT DO NOTHING;")
	f.Add([]byte("1e5"), uint8(2), true, "INSERT INTO \"x\".\"y\" OVERRIDING SYSTEM VALUE VALUES ('{\"a\": 1}'::jsonb, DEFAULT);")
	f.Fuzz(func(t *testing.T, value []byte, orig uint8, std bool, stmt string) {
		kinds := []int{litString, litEString, litNumber, litBool, litBit, litNull}
		roundTrip(t, value, kinds[int(orig)%len(kinds)], std)

		var s insertScan
		if scanInsert([]byte(stmt), std, &s) != nil {
			return
		}
		prev := 0
		for _, r := range s.rows {
			if r.start < prev || r.end > len(stmt) || r.start >= r.end || stmt[r.start] != '(' || stmt[r.end-1] != ')' {
				t.Fatalf("%q: bad row span %d:%d", stmt, r.start, r.end)
			}
			for _, v := range s.vals[r.first : r.first+r.n] {
				if v.start <= r.start || v.end >= r.end || v.litStart < v.start || v.litEnd > v.end || v.start > v.end {
					t.Fatalf("%q: bad value span %+v in row %d:%d", stmt, v, r.start, r.end)
				}
				if v.kind != litOther && v.kind != litDefault {
					dec, _, err := appendLiteralValue(nil, []byte(stmt), &v, std)
					if err == nil && v.kind != litBool {
						// The decoded value, written back in the same
						// style, decodes to itself.
						roundTrip(t, dec, v.kind, std)
					}
				}
			}
			prev = r.end
		}
	})
}

// Strings that are not valid UTF-8 and NUL-free values go through the
// codec as bytes: the codec does not interpret the encoding.
func TestLiteralBytes(t *testing.T) {
	v := []byte{0xff, 0xfe, '\'', 0x80}
	if utf8.Valid(v) {
		t.Fatal("want invalid UTF-8")
	}
	roundTrip(t, v, litString, true)
	if got := string(appendLiteral(nil, []byte(strings.Repeat("'", 3)), litString, true)); got != "''''''''" {
		t.Errorf("three quotes: %s", got)
	}
}
