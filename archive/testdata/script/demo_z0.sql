--
-- PostgreSQL database dump
--

\restrict GoldenKey15

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

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

--
-- Name: My Schema; Type: SCHEMA; Schema: -; Owner: root
--

CREATE SCHEMA "My Schema";


ALTER SCHEMA "My Schema" OWNER TO root;

--
-- Name: pair; Type: TYPE; Schema: public; Owner: root
--

CREATE TYPE public.pair AS (
	a integer,
	b text
);


ALTER TYPE public.pair OWNER TO root;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: Mixed Case; Type: TABLE; Schema: My Schema; Owner: root
--

CREATE TABLE "My Schema"."Mixed Case" (
    id integer NOT NULL,
    "select" text,
    t text,
    b bytea,
    arr text[],
    iarr integer[],
    p public.pair,
    j json,
    jb jsonb,
    ts timestamp with time zone,
    n numeric,
    g integer GENERATED ALWAYS AS ((id * 10)) STORED
);


ALTER TABLE "My Schema"."Mixed Case" OWNER TO root;

--
-- Name: Mixed Case_id_seq; Type: SEQUENCE; Schema: My Schema; Owner: root
--

ALTER TABLE "My Schema"."Mixed Case" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME "My Schema"."Mixed Case_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: parent; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.parent (
    id integer,
    v text
);


ALTER TABLE public.parent OWNER TO root;

--
-- Name: child; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.child (
    extra integer
)
INHERITS (public.parent);


ALTER TABLE public.child OWNER TO root;

--
-- Name: empty_t; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.empty_t (
    x integer
);


ALTER TABLE public.empty_t OWNER TO root;

--
-- Name: plain; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.plain (
    id integer NOT NULL,
    v text
);


ALTER TABLE public.plain OWNER TO root;

--
-- Name: TABLE plain; Type: COMMENT; Schema: public; Owner: root
--

COMMENT ON TABLE public.plain IS 'multi
line comment';


--
-- Name: mv; Type: MATERIALIZED VIEW; Schema: public; Owner: root
--

CREATE MATERIALIZED VIEW public.mv AS
 SELECT plain.id,
    plain.v
   FROM public.plain
  WITH NO DATA;


ALTER TABLE public.mv OWNER TO root;

--
-- Name: myseq; Type: SEQUENCE; Schema: public; Owner: root
--

CREATE SEQUENCE public.myseq
    START WITH 100
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.myseq OWNER TO root;

--
-- Name: parted; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.parted (
    id integer,
    region text,
    v text
)
PARTITION BY LIST (region);


ALTER TABLE public.parted OWNER TO root;

--
-- Name: parted_eu; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.parted_eu (
    id integer,
    region text,
    v text
);


ALTER TABLE public.parted_eu OWNER TO root;

--
-- Name: parted_us; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.parted_us (
    id integer,
    region text,
    v text
);


ALTER TABLE public.parted_us OWNER TO root;

--
-- Name: plain_id_seq; Type: SEQUENCE; Schema: public; Owner: root
--

CREATE SEQUENCE public.plain_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.plain_id_seq OWNER TO root;

--
-- Name: plain_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: root
--

ALTER SEQUENCE public.plain_id_seq OWNED BY public.plain.id;


--
-- Name: unlogged_t; Type: TABLE; Schema: public; Owner: root
--

CREATE UNLOGGED TABLE public.unlogged_t (
    x integer
);


ALTER TABLE public.unlogged_t OWNER TO root;

--
-- Name: we"ird tbl; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public."we""ird tbl" (
    "ü" integer,
    "Upper" text,
    "user" text,
    name text,
    "from" integer,
    "a b" integer,
    "x;y" integer
);


ALTER TABLE public."we""ird tbl" OWNER TO root;

--
-- Name: zero_cols; Type: TABLE; Schema: public; Owner: root
--

CREATE TABLE public.zero_cols (
);


ALTER TABLE public.zero_cols OWNER TO root;

--
-- Name: parted_eu; Type: TABLE ATTACH; Schema: public; Owner: root
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_eu FOR VALUES IN ('eu');


--
-- Name: parted_us; Type: TABLE ATTACH; Schema: public; Owner: root
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_us FOR VALUES IN ('us');


--
-- Name: plain id; Type: DEFAULT; Schema: public; Owner: root
--

ALTER TABLE ONLY public.plain ALTER COLUMN id SET DEFAULT nextval('public.plain_id_seq'::regclass);


--
-- Name: 16593; Type: BLOB; Schema: -; Owner: root
--

SELECT pg_catalog.lo_create('16593');


ALTER LARGE OBJECT 16593 OWNER TO root;

--
-- Data for Name: Mixed Case; Type: TABLE DATA; Schema: My Schema; Owner: root
--

COPY "My Schema"."Mixed Case" (id, "select", t, b, arr, iarr, p, j, jb, ts, n) FROM stdin;
1	kw	tab\there	\\x00ff5c0a	{"a b","c,d","e\\"f","g\\\\h",NULL,"NULL",""}	{1,2,3}	(1,"x y")	{"k": "v\\n\\t\\"q\\""}	{"a": [1, 2, {"b": null}]}	2024-01-02 03:04:05+00	1.50
2	\N	line1\nline2\r\\back\\slash \\N not null	\\x	{}	\N	(,"(paren), ""q""")	null	"str"	\N	NaN
3		\\.	\N	{}	{{1,2},{3,4}}	\N	\N	\N	infinity	0.0
4	unicode	héllo ☃ 	\\xdeadbeef	{ü}	\N	(2,"")	[]	{}	2024-06-01 00:00:00+00	1000000000000000000000000000000
\.


--
-- Data for Name: child; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.child (id, v, extra) FROM stdin;
2	c	99
\.


--
-- Data for Name: empty_t; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.empty_t (x) FROM stdin;
\.


--
-- Data for Name: parent; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.parent (id, v) FROM stdin;
1	p
\.


--
-- Data for Name: parted_eu; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.parted_eu (id, region, v) FROM stdin;
1	eu	a
3	eu	c
\.


--
-- Data for Name: parted_us; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.parted_us (id, region, v) FROM stdin;
2	us	b
\.


--
-- Data for Name: plain; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.plain (id, v) FROM stdin;
1	row1
2	row2
3	row3
4	row4
5	row5
\.


--
-- Data for Name: unlogged_t; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.unlogged_t (x) FROM stdin;
1
\.


--
-- Data for Name: we"ird tbl; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public."we""ird tbl" ("ü", "Upper", "user", name, "from", "a b", "x;y") FROM stdin;
1	u	us	n	2	3	4
\.


--
-- Data for Name: zero_cols; Type: TABLE DATA; Schema: public; Owner: root
--

COPY public.zero_cols  FROM stdin;


\.


--
-- Name: Mixed Case_id_seq; Type: SEQUENCE SET; Schema: My Schema; Owner: root
--

SELECT pg_catalog.setval('"My Schema"."Mixed Case_id_seq"', 4, true);


--
-- Name: myseq; Type: SEQUENCE SET; Schema: public; Owner: root
--

SELECT pg_catalog.setval('public.myseq', 101, true);


--
-- Name: plain_id_seq; Type: SEQUENCE SET; Schema: public; Owner: root
--

SELECT pg_catalog.setval('public.plain_id_seq', 5, true);


--
-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: -
--

BEGIN;

SELECT pg_catalog.lo_open('16593', 131072);
SELECT pg_catalog.lowrite(0, '\x68656c6c6f206c61726765206f626a656374');
SELECT pg_catalog.lo_close(0);

COMMIT;

--
-- Name: Mixed Case Mixed Case_pkey; Type: CONSTRAINT; Schema: My Schema; Owner: root
--

ALTER TABLE ONLY "My Schema"."Mixed Case"
    ADD CONSTRAINT "Mixed Case_pkey" PRIMARY KEY (id);


--
-- Name: plain plain_pkey; Type: CONSTRAINT; Schema: public; Owner: root
--

ALTER TABLE ONLY public.plain
    ADD CONSTRAINT plain_pkey PRIMARY KEY (id);


--
-- Name: mv; Type: MATERIALIZED VIEW DATA; Schema: public; Owner: root
--

REFRESH MATERIALIZED VIEW public.mv;


--
-- PostgreSQL database dump complete
--

\unrestrict GoldenKey15

