package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fpeLuhnValid is the Luhn check of a digit string, from ISO/IEC 7812-1:
// from the right, every second digit doubled (less 9 above 9), the sum a
// multiple of 10.
func fpeLuhnValid(digits string) bool {
	sum := 0
	for i := range len(digits) {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			if d *= 2; d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return len(digits) > 1 && sum%10 == 0
}

// fpeShape replaces every ASCII digit by '#': what fpe keeps of a value.
func fpeShape(s string) string {
	b := []byte(s)
	for i, c := range b {
		if '0' <= c && c <= '9' {
			b[i] = '#'
		}
	}
	return string(b)
}

func fpeDigitsOf(s string) string {
	var b []byte
	for _, c := range []byte(s) {
		if '0' <= c && c <= '9' {
			b = append(b, c)
		}
	}
	return string(b)
}

// fpeSchema builds users and orders: integer keys (a few negative, and 0),
// a bigint order key up to its maximum, UNIQUE phones in three formats,
// Luhn-valid cards with and without spaces, and a kept unique column in
// each table (rank, amount) to match the rows before and after.
func fpeSchema(users, orders int) string {
	var b strings.Builder
	b.WriteString(`CREATE TABLE users (
    id integer PRIMARY KEY,
    rank integer NOT NULL UNIQUE,
    phone text UNIQUE,
    card text
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id integer NOT NULL REFERENCES users,
    amount numeric(10,2) NOT NULL UNIQUE
);
INSERT INTO users VALUES
`)
	for i := range users {
		id := i + 1
		switch i {
		case 0, 1, 2:
			id = -i - 1
		case 3:
			id = 0
		case 4:
			id = 2147483647
		}
		var phone string
		switch i % 3 {
		case 0:
			phone = fmt.Sprintf("+44 7700 9%05d", i)
		case 1:
			phone = fmt.Sprintf("(555) %03d-%04d", i/10000, i%10000)
		default:
			phone = fmt.Sprintf("CN-%08d", i)
		}
		// A 16-digit card: 15 digits from i, then the Luhn check digit.
		payload := fmt.Sprintf("4%014d", uint64(i)*7919)
		card := ""
		for c := '0'; c <= '9'; c++ {
			if fpeLuhnValid(payload + string(c)) {
				card = payload + string(c)
			}
		}
		if i%2 == 1 {
			card = card[:4] + " " + card[4:8] + " " + card[8:12] + " " + card[12:]
		}
		sep := ","
		if i == users-1 {
			sep = ";"
		}
		fmt.Fprintf(&b, "(%d, %d, '%s', '%s')%s\n", id, i, phone, card, sep)
	}
	b.WriteString("INSERT INTO orders\n")
	// Order j belongs to user j%users's id, so users have 1 to 3 orders
	// (j*j%users: an uneven count per user).
	fmt.Fprintf(&b, `SELECT CASE WHEN j = %d THEN 9223372036854775807 ELSE j END, u.id, j / 100.0
FROM generate_series(1, %d) j
JOIN users u ON u.rank = (j * j) %% %d;
`, orders, orders, users)
	return b.String()
}

const fpeRulesYAML = `version: 1
tables:
  public.users:
    columns:
      id: {transform: fpe, domain: user_id}
      rank: keep
      phone: {transform: fpe, unique: true}
      card: {transform: fpe, luhn: true}
  public.orders:
    columns:
      id: {transform: fpe, domain: order_id}
      user_id: {transform: fpe, domain: user_id}
      amount: keep
`

// TestE2EFPE: integer keys, phones and cards under fpe restore with
// ON_ERROR_STOP (the primary keys, the UNIQUE phones and the foreign key
// hold); every key is permuted within its sign, orders still belong to the
// image of their user, phones keep their format, cards stay Luhn-valid.
func TestE2EFPE(t *testing.T) {
	p := requirePG(t)
	const users, orders = 3000, 8000
	dir := t.TempDir()
	schema, rulesPath := e2eFiles(t, dir, fpeSchema(users, orders), fpeRulesYAML)
	src := p.loadedDB(t, schema)
	dump := p.pgDump(t, src)
	safe := mustAnonymize(t, e2eKey, rulesPath, dump)
	db := p.restore(t, safe)

	type user struct{ id, phone, card string }
	readUsers := func(db string) map[string]user { // by rank
		m := map[string]user{}
		for _, r := range p.rows(t, db, "SELECT rank, id, phone, card FROM users") {
			m[r[0]] = user{r[1], r[2], r[3]}
		}
		return m
	}
	before, after := readUsers(src), readUsers(db)
	if len(before) != users || len(after) != users {
		t.Fatalf("%d users before, %d after, want %d", len(before), len(after), users)
	}
	perm := map[string]string{} // original user id -> fake
	fixedIDs, samePhones := 0, 0
	for rank, u := range before {
		v := after[rank]
		perm[u.id] = v.id
		x, _ := strconv.ParseInt(u.id, 10, 32)
		y, err := strconv.ParseInt(v.id, 10, 32)
		if err != nil || (x > 0) != (y > 0) || (x < 0) != (y < 0) {
			t.Errorf("user id %d -> %q: sign changed or not an integer", x, v.id)
		}
		if x == y && x != 0 {
			fixedIDs++
		}
		if fpeShape(v.phone) != fpeShape(u.phone) {
			t.Errorf("phone %q -> %q: format changed", u.phone, v.phone)
		}
		if v.phone == u.phone {
			samePhones++
		}
		if fpeShape(v.card) != fpeShape(u.card) || !fpeLuhnValid(fpeDigitsOf(v.card)) || v.card == u.card {
			t.Errorf("card %q -> %q: not a new Luhn-valid number of the same format", u.card, v.card)
		}
	}
	// A value is its own image with probability 1 in the domain's size
	// (2^31-1 keys, 10^8 and more phone numbers): about 10^-5 fixed
	// points expected here; allow two.
	if fixedIDs > 2 || samePhones > 2 {
		t.Errorf("%d user ids and %d phones kept their value", fixedIDs, samePhones)
	}
	if perm["0"] != "0" {
		t.Errorf("user id 0 -> %s", perm["0"])
	}

	// Orders: the same amount is the same order; its user is the image of
	// its original user, so the join holds row for row.
	type order struct{ id, user string }
	readOrders := func(db string) map[string]order {
		m := map[string]order{}
		for _, r := range p.rows(t, db, "SELECT amount, id, user_id FROM orders") {
			m[r[0]] = order{r[1], r[2]}
		}
		return m
	}
	ob, oa := readOrders(src), readOrders(db)
	if len(ob) != orders || len(oa) != orders {
		t.Fatalf("%d orders before, %d after, want %d", len(ob), len(oa), orders)
	}
	perOld, perNew := map[string]int{}, map[string]int{}
	fixedOrders := 0
	for amount, o := range ob {
		n := oa[amount]
		if n.user != perm[o.user] {
			t.Fatalf("order %s of user %s: user %s after, want %s", amount, o.user, n.user, perm[o.user])
		}
		if y, err := strconv.ParseInt(n.id, 10, 64); err != nil || y <= 0 {
			t.Errorf("order id %s -> %q: not a positive bigint", o.id, n.id)
		}
		if n.id == o.id {
			fixedOrders++
		}
		perOld[o.user]++
		perNew[n.user]++
	}
	if fixedOrders > 1 {
		t.Errorf("%d order ids kept their value", fixedOrders)
	}
	for old, k := range perOld {
		if perNew[perm[old]] != k {
			t.Errorf("user %s had %d orders, its image %s has %d", old, k, perm[old], perNew[perm[old]])
		}
	}
	for _, q := range []string{
		"SELECT count(*) FROM orders o LEFT JOIN users u ON u.id = o.user_id WHERE u.id IS NULL",
		"SELECT count(*) FROM (SELECT phone FROM users GROUP BY phone HAVING count(*) > 1) d",
	} {
		if n := p.count(t, db, q); n != 0 {
			t.Errorf("%s: %d, want 0", q, n)
		}
	}
	if p.value(t, db, "SELECT max(id) FROM orders") == "9223372036854775807" {
		t.Error("the largest order id was kept")
	}

	// Refused: fpe into a numeric with a scale, and luhn on an integer,
	// each naming the rule's line; luhn on another transformer, and a
	// luhn that is not a boolean, when the rules are read.
	for _, tc := range []struct{ from, to, want string }{
		{"amount: keep", "amount: fpe", "anon.yaml:13:7: public.orders.amount: fpe permutes integers, and numeric(10,2) has 2 decimal places"},
		{"user_id: {transform: fpe, domain: user_id}", "user_id: {transform: fpe, domain: user_id, luhn: true}", "anon.yaml:12:7: public.orders.user_id: fpe luhn keeps a check digit in a digit string, and integer is a number column"},
		{"phone: {transform: fpe, unique: true}", "phone: {transform: phone, luhn: true}", `phone does not take the option "luhn"`},
		{"card: {transform: fpe, luhn: true}", "card: {transform: fpe, luhn: maybe}", "anon.yaml:8:36: public.users.card: luhn must be true or false"},
	} {
		bad := filepath.Join(dir, "bad", "anon.yaml")
		if err := os.MkdirAll(filepath.Dir(bad), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bad, []byte(strings.Replace(fpeRulesYAML, tc.from, tc.to, 1)), 0o600); err != nil {
			t.Fatal(err)
		}
		r := anondump(t, e2eKey, dump, "-q", "-c", bad)
		if r.code == 0 || !strings.Contains(string(r.stderr), tc.want) {
			t.Errorf("%s: exit %d, stderr:\n%s\nwant %q", tc.to, r.code, r.stderr, tc.want)
		}
	}
}
