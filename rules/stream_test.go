package rules_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/anondump/anondump/dumpstream"
	"github.com/anondump/anondump/fakers"
	"github.com/anondump/anondump/rules"
)

const streamHeader = "--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n\n"
const streamTrailer = "\n--\n-- PostgreSQL database dump complete\n--\n\n"

// TestPlanFinishStream: in a plain dump the foreign keys come after the
// data; wired to Options.Constraints, the plan learns them and Finish
// fails a strict run whose where: drops referenced rows.
func TestPlanFinishStream(t *testing.T) {
	const sql = streamHeader + `CREATE TABLE public.customers (id integer NOT NULL, active boolean);
CREATE TABLE public.orders (id integer NOT NULL, customer_id integer);

COPY public.customers (id, active) FROM stdin;
1	t
2	f
\.

COPY public.orders (id, customer_id) FROM stdin;
10	2
\.

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);
` + streamTrailer
	rs := mustParse(t, "version: 1\ntables:\n  customers:\n    keep: true\n    where: \"active = true\"\n    cascade: false\n  orders:\n    keep: true\n")
	p := rules.NewPlan(rs, fakers.NewKey([]byte("k")))
	var out bytes.Buffer
	if _, err := dumpstream.Rewrite(&out, strings.NewReader(sql), p, dumpstream.Options{Constraints: p.Constraint}); err != nil {
		t.Fatal(err)
	}
	err := p.Finish()
	var list rules.ErrorList
	if !errors.As(err, &list) || len(list) != 1 || !strings.Contains(list[0].Error(), "public.orders (foreign key at dump line 22)") {
		t.Errorf("Finish = %v", err)
	}
}

// TestPlanUntypedStream: a data-only dump (pg_dump -a) through the
// stream: strict rules that rewrite a column stop the run before its
// rows, naming the table.
func TestPlanUntypedStream(t *testing.T) {
	const sql = streamHeader + "COPY public.users (id, email) FROM stdin;\n1\tsentinel@mail.test\n\\.\n" + streamTrailer
	rs := mustParse(t, "version: 1\ntables:\n  users:\n    columns:\n      id: keep\n      email: email\n")
	_, err := dumpstream.Rewrite(io.Discard, strings.NewReader(sql), rules.NewPlan(rs, fakers.NewKey([]byte("k"))), dumpstream.Options{})
	var list rules.ErrorList
	if !errors.As(err, &list) || !strings.Contains(err.Error(), "public.users") || !strings.Contains(err.Error(), "untyped: allow") || strings.Contains(err.Error(), "sentinel") {
		t.Errorf("Rewrite error = %v", err)
	}
}
