// Command gen writes a realistic plain-format pg_dump of a chosen size to
// standard output, for anondump's end-to-end benchmark (make bench-e2e)
// and memory test. The output is deterministic: the same -size gives the
// same bytes. It restores with psql (the schema is complete).
//
//	go run ./bench/gen -size 1G > dump.sql
//
// Tables, by share of the bytes: users (names, unique emails, phones,
// addresses, IPs, birth dates) ~25%, orders (repeating the user's email
// and address) ~30%, events (non-personal, jsonb) ~45%.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

func main() {
	sizeFlag := flag.String("size", "100M", "approximate size of the dump (K, M, G suffixes)")
	flag.Parse()
	size, err := parseSize(*sizeFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	write(w, size)
}

func parseSize(s string) (int64, error) {
	mult := int64(1)
	switch {
	case strings.HasSuffix(s, "K"):
		mult, s = 1<<10, strings.TrimSuffix(s, "K")
	case strings.HasSuffix(s, "M"):
		mult, s = 1<<20, strings.TrimSuffix(s, "M")
	case strings.HasSuffix(s, "G"):
		mult, s = 1<<30, strings.TrimSuffix(s, "G")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad -size %q", s)
	}
	return n * mult, nil
}

var (
	firsts  = []string{"Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Ivy", "Leo", "Zoë", "Mateo", "Sofía", "Lukas", "Aoife", "Priya"}
	lasts   = []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "O'Brien", "Fernández", "Kowalczyk", "Nakamura", "Müller", "Haddad", "Okonkwo", "Lindqvist"}
	streets = []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road", "Park Avenue", "Mill Lane"}
	cities  = []string{"London", "Manchester", "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "Dublin"}
	kinds   = []string{"page_view", "click", "search", "add_to_cart", "checkout", "login", "logout"}
)

// mix is splitmix64: cheap deterministic pseudo-random numbers from an index.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

func write(w *bufio.Writer, size int64) {
	users := max(size/4/118, 1)
	orders := max(size*3/10/138, 1)
	events := max(size*45/100/150, 1)
	w.WriteString(header)
	w.WriteString("COPY public.users (id, email, first_name, last_name, phone, street, city, postcode, ip, birth_date, created_at) FROM stdin;\n")
	var b []byte
	for i := int64(1); i <= users; i++ {
		h := mix(uint64(i))
		f, l := firsts[h%16], lasts[(h>>8)%16]
		b = b[:0]
		b = strconv.AppendInt(b, i, 10)
		b = fmt.Appendf(b, "\t%s.%s%d@mail%d.test\t%s\t%s\t+44 7%03d %06d\t%d %s\t%s\tAB%d %dCD\t%d.%d.%d.%d\t19%02d-%02d-%02d\t2024-%02d-%02d 10:%02d:%02d+00\n",
			strings.ToLower(f), strings.ToLower(strings.ReplaceAll(l, "'", "")), i, h%7, f, l, h%1000, (h>>10)%1000000,
			1+(h>>20)%200, streets[(h>>28)%8], cities[(h>>31)%8], 1+(h>>34)%20, (h>>38)%10,
			10+(h>>40)%200, (h>>44)%256, (h>>48)%256, 1+(h>>52)%254, 40+(h>>56)%60, 1+(h>>3)%12, 1+(h>>5)%28,
			1+(h>>7)%12, 1+(h>>9)%28, (h>>11)%60, (h>>13)%60)
		w.Write(b)
	}
	w.WriteString("\\.\n\n\n" + ordersHeader)
	for i := int64(1); i <= orders; i++ {
		h := mix(uint64(i) ^ 0xabcdef)
		u := 1 + int64(h%uint64(users))
		uh := mix(uint64(u))
		f, l := firsts[uh%16], lasts[(uh>>8)%16]
		b = b[:0]
		b = fmt.Appendf(b, "%d\t%d\t%s.%s%d@mail%d.test\t%d %s\\n%s\t%d.%02d\tpaid\t2024-%02d-%02d 12:%02d:%02d+00\n",
			i, u, strings.ToLower(f), strings.ToLower(strings.ReplaceAll(l, "'", "")), u, uh%7,
			1+(uh>>20)%200, streets[(uh>>28)%8], cities[(uh>>31)%8], 5+h%500, (h>>9)%100,
			1+(h>>7)%12, 1+(h>>11)%28, (h>>13)%60, (h>>17)%60)
		w.Write(b)
	}
	w.WriteString("\\.\n\n\n" + eventsHeader)
	for i := int64(1); i <= events; i++ {
		h := mix(uint64(i) ^ 0x5a5a5a)
		b = b[:0]
		b = fmt.Appendf(b, "%d\t%s\t{\"path\": \"/products/%d\", \"session\": \"%016x\", \"duration_ms\": %d, \"tags\": [\"a\", \"b\"], \"ok\": true}\t2024-%02d-%02d 09:%02d:%02d.%06d+00\n",
			i, kinds[h%7], (h>>8)%100000, h, (h>>20)%5000, 1+(h>>7)%12, 1+(h>>11)%28, (h>>13)%60, (h>>17)%60, (h>>23)%1000000)
		w.Write(b)
	}
	w.WriteString("\\.\n\n\n" + trailer)
}

const header = `--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.users (
    id bigint NOT NULL,
    email character varying(255) NOT NULL,
    first_name text,
    last_name text,
    phone text,
    street text,
    city text,
    postcode text,
    ip inet,
    birth_date date,
    created_at timestamp with time zone
);

CREATE TABLE public.orders (
    id bigint NOT NULL,
    user_id bigint NOT NULL,
    email character varying(255) NOT NULL,
    ship_to text,
    amount numeric(10,2),
    status text,
    placed_at timestamp with time zone
);

CREATE TABLE public.events (
    id bigint NOT NULL,
    kind text,
    data jsonb,
    at timestamp with time zone
);

--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

`

const ordersHeader = `--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orders (id, user_id, email, ship_to, amount, status, placed_at) FROM stdin;
`

const eventsHeader = `--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.events (id, kind, data, at) FROM stdin;
`

const trailer = `ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.users ADD CONSTRAINT users_email_key UNIQUE (email);
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.events ADD CONSTRAINT events_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);

--
-- PostgreSQL database dump complete
--

`
