--
-- PostgreSQL database dump
--

\restrict sGvgG79FHqkX4dfX71guB5ggEc25jiQt9HaMLi5JTXlVEqwbBGNJxKhm5DMOTfo

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

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
-- Name: My Schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "My Schema";


ALTER SCHEMA "My Schema" OWNER TO postgres;

--
-- Name: sales; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA sales;


ALTER SCHEMA sales OWNER TO postgres;

--
-- Name: select; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "select";


ALTER SCHEMA "select" OWNER TO postgres;

--
-- Name: we;ird.sch"ema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "we;ird.sch""ema";


ALTER SCHEMA "we;ird.sch""ema" OWNER TO postgres;

--
-- Name: ünïcødé; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "ünïcødé";


ALTER SCHEMA "ünïcødé" OWNER TO postgres;

--
-- Name: SCHEMA "ünïcødé"; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON SCHEMA "ünïcødé" IS 'Schéma ünïcødé 日本 😀';


--
-- Name: Point 3D; Type: TYPE; Schema: My Schema; Owner: postgres
--

CREATE TYPE "My Schema"."Point 3D" AS (
	x double precision,
	y double precision,
	"Z" double precision
);


ALTER TYPE "My Schema"."Point 3D" OWNER TO postgres;

--
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.mood AS ENUM (
    'sad',
    'ok',
    'happy',
    'très "bien"',
    'it''s'
);


ALTER TYPE public.mood OWNER TO postgres;

--
-- Name: short_code; Type: DOMAIN; Schema: public; Owner: postgres
--

CREATE DOMAIN public.short_code AS character varying(20)
	CONSTRAINT short_code_check CHECK (((VALUE)::text <> ''::text));


ALTER DOMAIN public.short_code OWNER TO postgres;

--
-- Name: Func; "weird"(integer); Type: FUNCTION; Schema: My Schema; Owner: postgres
--

CREATE FUNCTION "My Schema"."Func; ""weird"""(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    AS $_$SELECT $1 + 1$_$;


ALTER FUNCTION "My Schema"."Func; ""weird"""(integer) OWNER TO postgres;

--
-- Name: atomic_add(integer, integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.atomic_add(a integer, b integer) RETURNS integer
    LANGUAGE sql
    BEGIN ATOMIC
 SELECT (a + b);
END;


ALTER FUNCTION public.atomic_add(a integer, b integer) OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: texts; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.texts (
    id integer NOT NULL,
    label text NOT NULL,
    v text
);


ALTER TABLE public.texts OWNER TO postgres;

--
-- Name: TABLE texts; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.texts IS 'Multi-line comment:
line two; with semicolon
COPY public.texts (id, label, v) FROM stdin;
\.
it''s the end';


--
-- Name: COLUMN texts.v; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON COLUMN public.texts.v IS 'COPY public.texts FROM stdin; -- looks like COPY';


--
-- Name: atomic_proc(text); Type: PROCEDURE; Schema: public; Owner: postgres
--

CREATE PROCEDURE public.atomic_proc(IN v text)
    LANGUAGE sql
    BEGIN ATOMIC
 INSERT INTO public.texts (id, label, v)
   VALUES ('-1'::integer, 'proc;'::text, atomic_proc.v);
 DELETE FROM public.texts
   WHERE (texts.id = '-1'::integer);
END;


ALTER PROCEDURE public.atomic_proc(IN v text) OWNER TO postgres;

--
-- Name: dollar_underscore(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.dollar_underscore() RETURNS text
    LANGUAGE plpgsql
    AS $_X$
BEGIN
    RETURN '$_$ and $$';
END
$_X$;


ALTER FUNCTION public.dollar_underscore() OWNER TO postgres;

--
-- Name: trg_noop(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.trg_noop() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RETURN NEW;
END
$$;


ALTER FUNCTION public.trg_noop() OWNER TO postgres;

--
-- Name: tricky_body(text); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.tricky_body(x text) RETURNS text
    LANGUAGE plpgsql
    AS $_$
DECLARE
    s text := 'a;b;c';   -- string literal with ;
    q text := $$COPY x FROM stdin;$$;
BEGIN
    -- the following looks like COPY data
    s := s || $$
COPY x FROM stdin;
1	2
\.
$$;
    RETURN s || ';' || x || 'it''s' || q;
END
$_$;


ALTER FUNCTION public.tricky_body(x text) OWNER TO postgres;

--
-- Name: FUNCTION tricky_body(x text); Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON FUNCTION public.tricky_body(x text) IS 'COPY x FROM stdin;
\.
';


--
-- Name: Mixed Case; Type: TABLE; Schema: My Schema; Owner: postgres
--

CREATE TABLE "My Schema"."Mixed Case" (
    id integer NOT NULL,
    "Value" text DEFAULT 'a;b'::text,
    "a b" integer,
    "x;y" text,
    "dot.ted" text,
    "quo""te" text,
    "ü" text,
    "select" text,
    "user" text,
    name text,
    "Point" "My Schema"."Point 3D",
    CONSTRAINT "chk;semi" CHECK (("x;y" IS DISTINCT FROM 'x;y'::text))
);


ALTER TABLE "My Schema"."Mixed Case" OWNER TO postgres;

--
-- Name: COLUMN "Mixed Case"."a b"; Type: COMMENT; Schema: My Schema; Owner: postgres
--

COMMENT ON COLUMN "My Schema"."Mixed Case"."a b" IS 'Column comment with a backslash \ and "quotes" and it''s';


--
-- Name: Mixed Case_id_seq; Type: SEQUENCE; Schema: My Schema; Owner: postgres
--

CREATE SEQUENCE "My Schema"."Mixed Case_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE "My Schema"."Mixed Case_id_seq" OWNER TO postgres;

--
-- Name: Mixed Case_id_seq; Type: SEQUENCE OWNED BY; Schema: My Schema; Owner: postgres
--

ALTER SEQUENCE "My Schema"."Mixed Case_id_seq" OWNED BY "My Schema"."Mixed Case".id;


--
-- Name: Seq "Q" 1; Type: SEQUENCE; Schema: My Schema; Owner: postgres
--

CREATE SEQUENCE "My Schema"."Seq ""Q"" 1"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE "My Schema"."Seq ""Q"" 1" OWNER TO postgres;

--
-- Name: V; view; Type: VIEW; Schema: My Schema; Owner: postgres
--

CREATE VIEW "My Schema"."V; view" AS
 SELECT "Mixed Case".id,
    "Mixed Case"."Value",
    "Mixed Case"."x;y" AS "semi;colon",
    'lit;eral'::text AS lit
   FROM "My Schema"."Mixed Case";


ALTER TABLE "My Schema"."V; view" OWNER TO postgres;

--
-- Name: UPPER; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."UPPER" (
    "ID" integer,
    "Name" text
);


ALTER TABLE public."UPPER" OWNER TO postgres;

--
-- Name: alltypes; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.alltypes (
    id integer NOT NULL,
    t text,
    vc character varying(10),
    ch character(5),
    code public.short_code,
    m public.mood,
    ta text[],
    ta2 text[],
    ia integer[],
    j jsonb,
    js json,
    b bytea,
    u uuid,
    ip inet,
    net cidr,
    mac macaddr,
    n numeric(12,4),
    nn numeric,
    r real,
    f double precision,
    sm smallint,
    bi bigint,
    d date,
    tm time without time zone,
    ts timestamp without time zone,
    tstz timestamp with time zone,
    iv interval,
    bo boolean,
    bits bit(4),
    vb bit varying,
    pt point,
    rng int4range
);


ALTER TABLE public.alltypes OWNER TO postgres;

--
-- Name: parent; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parent (
    id integer,
    name text
);


ALTER TABLE public.parent OWNER TO postgres;

--
-- Name: child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.child (
    extra text
)
INHERITS (public.parent);


ALTER TABLE public.child OWNER TO postgres;

--
-- Name: child2; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.child2 (
    extra2 integer,
    name text,
    id integer
)
INHERITS (public.parent);


ALTER TABLE public.child2 OWNER TO postgres;

--
-- Name: dropped_col; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.dropped_col (
    a integer,
    c integer,
    d text DEFAULT 'added'::text
);


ALTER TABLE public.dropped_col OWNER TO postgres;

--
-- Name: empty_t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.empty_t (
    id integer,
    v text
);


ALTER TABLE public.empty_t OWNER TO postgres;

--
-- Name: gen; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.gen (
    id integer NOT NULL,
    a integer,
    b integer GENERATED ALWAYS AS ((a * 2)) STORED,
    c text GENERATED ALWAYS AS (('x'::text || id)) STORED,
    d text
);


ALTER TABLE public.gen OWNER TO postgres;

--
-- Name: ident_always; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ident_always (
    id integer NOT NULL,
    v text
);


ALTER TABLE public.ident_always OWNER TO postgres;

--
-- Name: ident_always_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.ident_always ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.ident_always_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ident_default; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.ident_default (
    id bigint NOT NULL,
    v text
);


ALTER TABLE public.ident_default OWNER TO postgres;

--
-- Name: ident_default_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

ALTER TABLE public.ident_default ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ident_default_id_seq
    START WITH 10
    INCREMENT BY 10
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: parted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parted (
    id integer,
    region text,
    v text
)
PARTITION BY LIST (region);


ALTER TABLE public.parted OWNER TO postgres;

--
-- Name: mv_counts; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.mv_counts AS
 SELECT parted.region,
    count(*) AS n
   FROM public.parted
  GROUP BY parted.region
  WITH NO DATA;


ALTER TABLE public.mv_counts OWNER TO postgres;

--
-- Name: numbers; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.numbers (
    id integer NOT NULL,
    label text,
    at timestamp with time zone,
    amount numeric(10,2)
);


ALTER TABLE public.numbers OWNER TO postgres;

--
-- Name: only_gen; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.only_gen (
    g integer GENERATED ALWAYS AS (42) STORED
);


ALTER TABLE public.only_gen OWNER TO postgres;

--
-- Name: orders_fk; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.orders_fk (
    id integer NOT NULL,
    user_id integer,
    note text
);


ALTER TABLE public.orders_fk OWNER TO postgres;

--
-- Name: parted_eu; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parted_eu (
    id integer,
    region text,
    v text
);


ALTER TABLE public.parted_eu OWNER TO postgres;

--
-- Name: parted_other; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parted_other (
    id integer,
    region text,
    v text
);


ALTER TABLE public.parted_other OWNER TO postgres;

--
-- Name: parted_us; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parted_us (
    id integer,
    region text,
    v text
);


ALTER TABLE public.parted_us OWNER TO postgres;

--
-- Name: plain_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.plain_seq
    START WITH 100
    INCREMENT BY 5
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.plain_seq OWNER TO postgres;

--
-- Name: select; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."select" (
    "where" integer,
    "order" text,
    "group" text
);


ALTER TABLE public."select" OWNER TO postgres;

--
-- Name: unlogged_t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.unlogged_t (
    id integer,
    v text
);


ALTER TABLE public.unlogged_t OWNER TO postgres;

--
-- Name: unused_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.unused_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.unused_seq OWNER TO postgres;

--
-- Name: user; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."user" (
    id integer NOT NULL,
    "from" text,
    "to" text,
    email text
);


ALTER TABLE public."user" OWNER TO postgres;

--
-- Name: with space; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."with space" (
    "first col" text,
    "2nd" integer
);


ALTER TABLE public."with space" OWNER TO postgres;

--
-- Name: z; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.z (
);


ALTER TABLE public.z OWNER TO postgres;

--
-- Name: z_empty; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.z_empty (
);


ALTER TABLE public.z_empty OWNER TO postgres;

--
-- Name: Orders 2024; Type: TABLE; Schema: sales; Owner: postgres
--

CREATE TABLE sales."Orders 2024" (
    id integer,
    d date,
    m public.mood,
    amount numeric
)
PARTITION BY RANGE (d);


ALTER TABLE sales."Orders 2024" OWNER TO postgres;

--
-- Name: Orders 2024 H1; Type: TABLE; Schema: sales; Owner: postgres
--

CREATE TABLE sales."Orders 2024 H1" (
    id integer,
    d date,
    m public.mood,
    amount numeric
);


ALTER TABLE sales."Orders 2024 H1" OWNER TO postgres;

--
-- Name: Orders 2024 H2; Type: TABLE; Schema: sales; Owner: postgres
--

CREATE TABLE sales."Orders 2024 H2" (
    id integer,
    d date,
    m public.mood,
    amount numeric
)
PARTITION BY HASH (m);


ALTER TABLE sales."Orders 2024 H2" OWNER TO postgres;

--
-- Name: Orders 2024 H2 p0; Type: TABLE; Schema: sales; Owner: postgres
--

CREATE TABLE sales."Orders 2024 H2 p0" (
    id integer,
    d date,
    m public.mood,
    amount numeric
);


ALTER TABLE sales."Orders 2024 H2 p0" OWNER TO postgres;

--
-- Name: Orders 2024 H2 p1; Type: TABLE; Schema: sales; Owner: postgres
--

CREATE TABLE sales."Orders 2024 H2 p1" (
    id integer,
    d date,
    m public.mood,
    amount numeric
);


ALTER TABLE sales."Orders 2024 H2 p1" OWNER TO postgres;

--
-- Name: from; Type: TABLE; Schema: select; Owner: postgres
--

CREATE TABLE "select"."from" (
    "table" text
);


ALTER TABLE "select"."from" OWNER TO postgres;

--
-- Name: ta;ble "q".x; Type: TABLE; Schema: we;ird.sch"ema; Owner: postgres
--

CREATE TABLE "we;ird.sch""ema"."ta;ble ""q"".x" (
    "co;l" integer,
    "co""l" text,
    "co.l" text,
    "co l" text,
    "COPY" text
);


ALTER TABLE "we;ird.sch""ema"."ta;ble ""q"".x" OWNER TO postgres;

--
-- Name: 日本 テーブル; Type: TABLE; Schema: ünïcødé; Owner: postgres
--

CREATE TABLE "ünïcødé"."日本 テーブル" (
    "列" text,
    "émoji 😀" text,
    "Ça" integer
);


ALTER TABLE "ünïcødé"."日本 テーブル" OWNER TO postgres;

--
-- Name: parted_eu; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_eu FOR VALUES IN ('eu');


--
-- Name: parted_other; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_other DEFAULT;


--
-- Name: parted_us; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_us FOR VALUES IN ('us');


--
-- Name: Orders 2024 H1; Type: TABLE ATTACH; Schema: sales; Owner: postgres
--

ALTER TABLE ONLY sales."Orders 2024" ATTACH PARTITION sales."Orders 2024 H1" FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');


--
-- Name: Orders 2024 H2; Type: TABLE ATTACH; Schema: sales; Owner: postgres
--

ALTER TABLE ONLY sales."Orders 2024" ATTACH PARTITION sales."Orders 2024 H2" FOR VALUES FROM ('2024-07-01') TO ('2025-01-01');


--
-- Name: Orders 2024 H2 p0; Type: TABLE ATTACH; Schema: sales; Owner: postgres
--

ALTER TABLE ONLY sales."Orders 2024 H2" ATTACH PARTITION sales."Orders 2024 H2 p0" FOR VALUES WITH (modulus 2, remainder 0);


--
-- Name: Orders 2024 H2 p1; Type: TABLE ATTACH; Schema: sales; Owner: postgres
--

ALTER TABLE ONLY sales."Orders 2024 H2" ATTACH PARTITION sales."Orders 2024 H2 p1" FOR VALUES WITH (modulus 2, remainder 1);


--
-- Name: Mixed Case id; Type: DEFAULT; Schema: My Schema; Owner: postgres
--

ALTER TABLE ONLY "My Schema"."Mixed Case" ALTER COLUMN id SET DEFAULT nextval('"My Schema"."Mixed Case_id_seq"'::regclass);


--
-- Name: 424242; Type: BLOB; Schema: -; Owner: postgres
--

SELECT pg_catalog.lo_create('424242');


ALTER LARGE OBJECT 424242 OWNER TO postgres;

--
-- Name: LARGE OBJECT 424242; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON LARGE OBJECT 424242 IS 'a large object comment; with COPY x FROM stdin;';


--
-- Name: 424243; Type: BLOB; Schema: -; Owner: postgres
--

SELECT pg_catalog.lo_create('424243');


ALTER LARGE OBJECT 424243 OWNER TO postgres;

--
-- Data for Name: Mixed Case; Type: TABLE DATA; Schema: My Schema; Owner: postgres
--

INSERT INTO "My Schema"."Mixed Case" VALUES (1, 'One', 1, 'a;b', 'c.d', 'say "hi"', 'ü', 'sel', 'usr', 'n1', '(1,2,3)');
INSERT INTO "My Schema"."Mixed Case" VALUES (2, 'Two', NULL, ';', ' . ', '""', '日本', 'SELECT 1;', 'root', 'n2', '(1.5,,-3)');
INSERT INTO "My Schema"."Mixed Case" VALUES (3, 'Three', -7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: UPPER; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public."UPPER" VALUES (1, 'Upper');


--
-- Data for Name: alltypes; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.alltypes VALUES (1, 'plain', 'varchar', 'abc  ', 'CODE-1', 'happy', '{a,b,c}', '{{a,b},{c,d}}', '{1,2,3}', '{"k": "v", "n": 1}', '{"k": "v"}', '\x68656c6c6f', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '192.168.1.10', '10.0.0.0/8', '08:00:2b:01:02:03', 12345678.1234, 3.14159265358979323846264338327950288419716939937510, 1.5, 2.25, 32767, 9223372036854775807, '2024-02-29', '13:37:00', '2024-02-29 13:37:00.123456', '2024-02-29 11:37:00.123456+00', '1 year 2 mons 3 days 04:05:06', true, B'1010', B'101', '(1.5,-2)', '[1,10)');
INSERT INTO public.alltypes VALUES (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.alltypes VALUES (3, '', '', '     ', 'x', 'sad', '{}', '{}', '{}', '{}', '[]', '\x', '00000000-0000-0000-0000-000000000000', '::1', '2001:db8::/32', '00:00:00:00:00:00', 0.0000, 'NaN', '-Infinity', 'Infinity', -32768, -9223372036854775808, 'infinity', '00:00:00', '-infinity', 'infinity', '00:00:00', false, B'0000', B'', '(0,0)', 'empty');
INSERT INTO public.alltypes VALUES (4, 'tab	here
newlinecr\backslash', 'ünï', 'é    ', 'très', 'très "bien"', '{"with \"quotes\"","with,comma",NULL,"","back\\slash"," lead space","NULL","{braces}",日本}', '{{"a b",NULL},{"","\\\\"}}', '{-1,NULL,0}', '{"arr": [1, "two", null, {"deep": [true, false]}], "esc": "quote\" backslash\\ tab\t nl\n unié 日", "emoji": "😀"}', '{"raw json": "keeps\u0000 escapes \\ and \" and \n", "dup": 1, "dup": 2}', '\x00ff5c0a0d09275c2e', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '2001:db8::1/64', '192.168.0.0/16', 'ff:ff:ff:ff:ff:ff', -0.0001, -0.000000000000000000000000000001, 1e-10, 1.7976931348623157e+308, 0, 0, '1999-12-31', '23:59:59.999999', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00', '-1 days +02:03:00', NULL, B'1111', B'1', '(-10000000000,1e-10)', '(,6)');
INSERT INTO public.alltypes VALUES (5, 'it''s', 'x;y', 'ab cd', 'it''s', 'it''s', '{it''s,"a\"b"}', '{{{1},{2}},{{3},{4}}}', '{{1,2},{3,4}}', '"just a string"', 'null', '\x5c4e', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', '0.0.0.0', '0.0.0.0/0', '01:23:45:67:89:ab', 99999999.9999, 123456789012345678901234567890.123456789, -1.25, 0, 1, 1, '0001-01-01', '00:00:01', '0001-01-01 00:00:00', '0001-01-01 00:00:00+00', '00:00:00.000001', true, B'0001', B'1111111111111111111111111111111111111111', '(0,0)', '[-2147483648,2147483647)');


--
-- Data for Name: child; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.child VALUES (2, 'child row', 'extra');


--
-- Data for Name: child2; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.child2 VALUES (42, 'child2 row', 3);


--
-- Data for Name: dropped_col; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.dropped_col VALUES (1, 3, 'added');


--
-- Data for Name: empty_t; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: gen; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.gen VALUES (1, 10, DEFAULT, DEFAULT, 'd1');
INSERT INTO public.gen VALUES (2, NULL, DEFAULT, DEFAULT, NULL);


--
-- Data for Name: ident_always; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.ident_always OVERRIDING SYSTEM VALUE VALUES (1, 'one');
INSERT INTO public.ident_always OVERRIDING SYSTEM VALUE VALUES (2, 'two');
INSERT INTO public.ident_always OVERRIDING SYSTEM VALUE VALUES (3, NULL);


--
-- Data for Name: ident_default; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.ident_default VALUES (10, 'ten');
INSERT INTO public.ident_default VALUES (20, 'twenty');
INSERT INTO public.ident_default VALUES (5, 'explicit');


--
-- Data for Name: numbers; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.numbers VALUES (1, 'row 1', '2024-01-01 00:37:00+00', 79.19);
INSERT INTO public.numbers VALUES (2, 'row 2', '2024-01-01 01:14:00+00', 158.38);
INSERT INTO public.numbers VALUES (3, 'row 3', '2024-01-01 01:51:00+00', 237.57);
INSERT INTO public.numbers VALUES (4, 'row 4', '2024-01-01 02:28:00+00', 316.76);
INSERT INTO public.numbers VALUES (5, 'row 5', '2024-01-01 03:05:00+00', 395.95);
INSERT INTO public.numbers VALUES (6, 'row 6', '2024-01-01 03:42:00+00', 475.14);
INSERT INTO public.numbers VALUES (7, 'row 7', '2024-01-01 04:19:00+00', 554.33);
INSERT INTO public.numbers VALUES (8, 'row 8', '2024-01-01 04:56:00+00', 633.52);
INSERT INTO public.numbers VALUES (9, 'row 9', '2024-01-01 05:33:00+00', 712.71);
INSERT INTO public.numbers VALUES (10, 'row 10', '2024-01-01 06:10:00+00', 791.90);
INSERT INTO public.numbers VALUES (11, 'row 11', '2024-01-01 06:47:00+00', 871.09);
INSERT INTO public.numbers VALUES (12, 'row 12', '2024-01-01 07:24:00+00', 950.28);
INSERT INTO public.numbers VALUES (13, 'row 13', '2024-01-01 08:01:00+00', 29.47);
INSERT INTO public.numbers VALUES (14, 'row 14', '2024-01-01 08:38:00+00', 108.66);
INSERT INTO public.numbers VALUES (15, 'row 15', '2024-01-01 09:15:00+00', 187.85);
INSERT INTO public.numbers VALUES (16, 'row 16', '2024-01-01 09:52:00+00', 267.04);
INSERT INTO public.numbers VALUES (17, 'row 17', '2024-01-01 10:29:00+00', 346.23);
INSERT INTO public.numbers VALUES (18, 'row 18', '2024-01-01 11:06:00+00', 425.42);
INSERT INTO public.numbers VALUES (19, 'row 19', '2024-01-01 11:43:00+00', 504.61);
INSERT INTO public.numbers VALUES (20, 'row 20', '2024-01-01 12:20:00+00', 583.80);
INSERT INTO public.numbers VALUES (21, 'row 21', '2024-01-01 12:57:00+00', 662.99);
INSERT INTO public.numbers VALUES (22, 'row 22', '2024-01-01 13:34:00+00', 742.18);
INSERT INTO public.numbers VALUES (23, 'row 23', '2024-01-01 14:11:00+00', 821.37);
INSERT INTO public.numbers VALUES (24, 'row 24', '2024-01-01 14:48:00+00', 900.56);
INSERT INTO public.numbers VALUES (25, 'row 25', '2024-01-01 15:25:00+00', 979.75);
INSERT INTO public.numbers VALUES (26, 'row 26', '2024-01-01 16:02:00+00', 58.94);
INSERT INTO public.numbers VALUES (27, 'row 27', '2024-01-01 16:39:00+00', 138.13);
INSERT INTO public.numbers VALUES (28, 'row 28', '2024-01-01 17:16:00+00', 217.32);
INSERT INTO public.numbers VALUES (29, 'row 29', '2024-01-01 17:53:00+00', 296.51);
INSERT INTO public.numbers VALUES (30, 'row 30', '2024-01-01 18:30:00+00', 375.70);
INSERT INTO public.numbers VALUES (31, 'row 31', '2024-01-01 19:07:00+00', 454.89);
INSERT INTO public.numbers VALUES (32, 'row 32', '2024-01-01 19:44:00+00', 534.08);
INSERT INTO public.numbers VALUES (33, 'row 33', '2024-01-01 20:21:00+00', 613.27);
INSERT INTO public.numbers VALUES (34, 'row 34', '2024-01-01 20:58:00+00', 692.46);
INSERT INTO public.numbers VALUES (35, 'row 35', '2024-01-01 21:35:00+00', 771.65);
INSERT INTO public.numbers VALUES (36, 'row 36', '2024-01-01 22:12:00+00', 850.84);
INSERT INTO public.numbers VALUES (37, 'row 37', '2024-01-01 22:49:00+00', 930.03);
INSERT INTO public.numbers VALUES (38, 'row 38', '2024-01-01 23:26:00+00', 9.22);
INSERT INTO public.numbers VALUES (39, 'row 39', '2024-01-02 00:03:00+00', 88.41);
INSERT INTO public.numbers VALUES (40, 'row 40', '2024-01-02 00:40:00+00', 167.60);
INSERT INTO public.numbers VALUES (41, 'row 41', '2024-01-02 01:17:00+00', 246.79);
INSERT INTO public.numbers VALUES (42, 'row 42', '2024-01-02 01:54:00+00', 325.98);
INSERT INTO public.numbers VALUES (43, 'row 43', '2024-01-02 02:31:00+00', 405.17);
INSERT INTO public.numbers VALUES (44, 'row 44', '2024-01-02 03:08:00+00', 484.36);
INSERT INTO public.numbers VALUES (45, 'row 45', '2024-01-02 03:45:00+00', 563.55);
INSERT INTO public.numbers VALUES (46, 'row 46', '2024-01-02 04:22:00+00', 642.74);
INSERT INTO public.numbers VALUES (47, 'row 47', '2024-01-02 04:59:00+00', 721.93);
INSERT INTO public.numbers VALUES (48, 'row 48', '2024-01-02 05:36:00+00', 801.12);
INSERT INTO public.numbers VALUES (49, 'row 49', '2024-01-02 06:13:00+00', 880.31);
INSERT INTO public.numbers VALUES (50, 'row 50', '2024-01-02 06:50:00+00', 959.50);
INSERT INTO public.numbers VALUES (51, 'row 51', '2024-01-02 07:27:00+00', 38.69);
INSERT INTO public.numbers VALUES (52, 'row 52', '2024-01-02 08:04:00+00', 117.88);
INSERT INTO public.numbers VALUES (53, 'row 53', '2024-01-02 08:41:00+00', 197.07);
INSERT INTO public.numbers VALUES (54, 'row 54', '2024-01-02 09:18:00+00', 276.26);
INSERT INTO public.numbers VALUES (55, 'row 55', '2024-01-02 09:55:00+00', 355.45);
INSERT INTO public.numbers VALUES (56, 'row 56', '2024-01-02 10:32:00+00', 434.64);
INSERT INTO public.numbers VALUES (57, 'row 57', '2024-01-02 11:09:00+00', 513.83);
INSERT INTO public.numbers VALUES (58, 'row 58', '2024-01-02 11:46:00+00', 593.02);
INSERT INTO public.numbers VALUES (59, 'row 59', '2024-01-02 12:23:00+00', 672.21);
INSERT INTO public.numbers VALUES (60, 'row 60', '2024-01-02 13:00:00+00', 751.40);
INSERT INTO public.numbers VALUES (61, 'row 61', '2024-01-02 13:37:00+00', 830.59);
INSERT INTO public.numbers VALUES (62, 'row 62', '2024-01-02 14:14:00+00', 909.78);
INSERT INTO public.numbers VALUES (63, 'row 63', '2024-01-02 14:51:00+00', 988.97);
INSERT INTO public.numbers VALUES (64, 'row 64', '2024-01-02 15:28:00+00', 68.16);
INSERT INTO public.numbers VALUES (65, 'row 65', '2024-01-02 16:05:00+00', 147.35);
INSERT INTO public.numbers VALUES (66, 'row 66', '2024-01-02 16:42:00+00', 226.54);
INSERT INTO public.numbers VALUES (67, 'row 67', '2024-01-02 17:19:00+00', 305.73);
INSERT INTO public.numbers VALUES (68, 'row 68', '2024-01-02 17:56:00+00', 384.92);
INSERT INTO public.numbers VALUES (69, 'row 69', '2024-01-02 18:33:00+00', 464.11);
INSERT INTO public.numbers VALUES (70, 'row 70', '2024-01-02 19:10:00+00', 543.30);
INSERT INTO public.numbers VALUES (71, 'row 71', '2024-01-02 19:47:00+00', 622.49);
INSERT INTO public.numbers VALUES (72, 'row 72', '2024-01-02 20:24:00+00', 701.68);
INSERT INTO public.numbers VALUES (73, 'row 73', '2024-01-02 21:01:00+00', 780.87);
INSERT INTO public.numbers VALUES (74, 'row 74', '2024-01-02 21:38:00+00', 860.06);
INSERT INTO public.numbers VALUES (75, 'row 75', '2024-01-02 22:15:00+00', 939.25);
INSERT INTO public.numbers VALUES (76, 'row 76', '2024-01-02 22:52:00+00', 18.44);
INSERT INTO public.numbers VALUES (77, 'row 77', '2024-01-02 23:29:00+00', 97.63);
INSERT INTO public.numbers VALUES (78, 'row 78', '2024-01-03 00:06:00+00', 176.82);
INSERT INTO public.numbers VALUES (79, 'row 79', '2024-01-03 00:43:00+00', 256.01);
INSERT INTO public.numbers VALUES (80, 'row 80', '2024-01-03 01:20:00+00', 335.20);
INSERT INTO public.numbers VALUES (81, 'row 81', '2024-01-03 01:57:00+00', 414.39);
INSERT INTO public.numbers VALUES (82, 'row 82', '2024-01-03 02:34:00+00', 493.58);
INSERT INTO public.numbers VALUES (83, 'row 83', '2024-01-03 03:11:00+00', 572.77);
INSERT INTO public.numbers VALUES (84, 'row 84', '2024-01-03 03:48:00+00', 651.96);
INSERT INTO public.numbers VALUES (85, 'row 85', '2024-01-03 04:25:00+00', 731.15);
INSERT INTO public.numbers VALUES (86, 'row 86', '2024-01-03 05:02:00+00', 810.34);
INSERT INTO public.numbers VALUES (87, 'row 87', '2024-01-03 05:39:00+00', 889.53);
INSERT INTO public.numbers VALUES (88, 'row 88', '2024-01-03 06:16:00+00', 968.72);
INSERT INTO public.numbers VALUES (89, 'row 89', '2024-01-03 06:53:00+00', 47.91);
INSERT INTO public.numbers VALUES (90, 'row 90', '2024-01-03 07:30:00+00', 127.10);
INSERT INTO public.numbers VALUES (91, 'row 91', '2024-01-03 08:07:00+00', 206.29);
INSERT INTO public.numbers VALUES (92, 'row 92', '2024-01-03 08:44:00+00', 285.48);
INSERT INTO public.numbers VALUES (93, 'row 93', '2024-01-03 09:21:00+00', 364.67);
INSERT INTO public.numbers VALUES (94, 'row 94', '2024-01-03 09:58:00+00', 443.86);
INSERT INTO public.numbers VALUES (95, 'row 95', '2024-01-03 10:35:00+00', 523.05);
INSERT INTO public.numbers VALUES (96, 'row 96', '2024-01-03 11:12:00+00', 602.24);
INSERT INTO public.numbers VALUES (97, 'row 97', '2024-01-03 11:49:00+00', 681.43);
INSERT INTO public.numbers VALUES (98, 'row 98', '2024-01-03 12:26:00+00', 760.62);
INSERT INTO public.numbers VALUES (99, 'row 99', '2024-01-03 13:03:00+00', 839.81);
INSERT INTO public.numbers VALUES (100, 'row 100', '2024-01-03 13:40:00+00', 919.00);
INSERT INTO public.numbers VALUES (101, 'row 101', '2024-01-03 14:17:00+00', 998.19);
INSERT INTO public.numbers VALUES (102, 'row 102', '2024-01-03 14:54:00+00', 77.38);
INSERT INTO public.numbers VALUES (103, 'row 103', '2024-01-03 15:31:00+00', 156.57);
INSERT INTO public.numbers VALUES (104, 'row 104', '2024-01-03 16:08:00+00', 235.76);
INSERT INTO public.numbers VALUES (105, 'row 105', '2024-01-03 16:45:00+00', 314.95);
INSERT INTO public.numbers VALUES (106, 'row 106', '2024-01-03 17:22:00+00', 394.14);
INSERT INTO public.numbers VALUES (107, 'row 107', '2024-01-03 17:59:00+00', 473.33);
INSERT INTO public.numbers VALUES (108, 'row 108', '2024-01-03 18:36:00+00', 552.52);
INSERT INTO public.numbers VALUES (109, 'row 109', '2024-01-03 19:13:00+00', 631.71);
INSERT INTO public.numbers VALUES (110, 'row 110', '2024-01-03 19:50:00+00', 710.90);
INSERT INTO public.numbers VALUES (111, 'row 111', '2024-01-03 20:27:00+00', 790.09);
INSERT INTO public.numbers VALUES (112, 'row 112', '2024-01-03 21:04:00+00', 869.28);
INSERT INTO public.numbers VALUES (113, 'row 113', '2024-01-03 21:41:00+00', 948.47);
INSERT INTO public.numbers VALUES (114, 'row 114', '2024-01-03 22:18:00+00', 27.66);
INSERT INTO public.numbers VALUES (115, 'row 115', '2024-01-03 22:55:00+00', 106.85);
INSERT INTO public.numbers VALUES (116, 'row 116', '2024-01-03 23:32:00+00', 186.04);
INSERT INTO public.numbers VALUES (117, 'row 117', '2024-01-04 00:09:00+00', 265.23);
INSERT INTO public.numbers VALUES (118, 'row 118', '2024-01-04 00:46:00+00', 344.42);
INSERT INTO public.numbers VALUES (119, 'row 119', '2024-01-04 01:23:00+00', 423.61);
INSERT INTO public.numbers VALUES (120, 'row 120', '2024-01-04 02:00:00+00', 502.80);
INSERT INTO public.numbers VALUES (121, 'row 121', '2024-01-04 02:37:00+00', 581.99);
INSERT INTO public.numbers VALUES (122, 'row 122', '2024-01-04 03:14:00+00', 661.18);
INSERT INTO public.numbers VALUES (123, 'row 123', '2024-01-04 03:51:00+00', 740.37);
INSERT INTO public.numbers VALUES (124, 'row 124', '2024-01-04 04:28:00+00', 819.56);
INSERT INTO public.numbers VALUES (125, 'row 125', '2024-01-04 05:05:00+00', 898.75);
INSERT INTO public.numbers VALUES (126, 'row 126', '2024-01-04 05:42:00+00', 977.94);
INSERT INTO public.numbers VALUES (127, 'row 127', '2024-01-04 06:19:00+00', 57.13);
INSERT INTO public.numbers VALUES (128, 'row 128', '2024-01-04 06:56:00+00', 136.32);
INSERT INTO public.numbers VALUES (129, 'row 129', '2024-01-04 07:33:00+00', 215.51);
INSERT INTO public.numbers VALUES (130, 'row 130', '2024-01-04 08:10:00+00', 294.70);
INSERT INTO public.numbers VALUES (131, 'row 131', '2024-01-04 08:47:00+00', 373.89);
INSERT INTO public.numbers VALUES (132, 'row 132', '2024-01-04 09:24:00+00', 453.08);
INSERT INTO public.numbers VALUES (133, 'row 133', '2024-01-04 10:01:00+00', 532.27);
INSERT INTO public.numbers VALUES (134, 'row 134', '2024-01-04 10:38:00+00', 611.46);
INSERT INTO public.numbers VALUES (135, 'row 135', '2024-01-04 11:15:00+00', 690.65);
INSERT INTO public.numbers VALUES (136, 'row 136', '2024-01-04 11:52:00+00', 769.84);
INSERT INTO public.numbers VALUES (137, 'row 137', '2024-01-04 12:29:00+00', 849.03);
INSERT INTO public.numbers VALUES (138, 'row 138', '2024-01-04 13:06:00+00', 928.22);
INSERT INTO public.numbers VALUES (139, 'row 139', '2024-01-04 13:43:00+00', 7.41);
INSERT INTO public.numbers VALUES (140, 'row 140', '2024-01-04 14:20:00+00', 86.60);
INSERT INTO public.numbers VALUES (141, 'row 141', '2024-01-04 14:57:00+00', 165.79);
INSERT INTO public.numbers VALUES (142, 'row 142', '2024-01-04 15:34:00+00', 244.98);
INSERT INTO public.numbers VALUES (143, 'row 143', '2024-01-04 16:11:00+00', 324.17);
INSERT INTO public.numbers VALUES (144, 'row 144', '2024-01-04 16:48:00+00', 403.36);
INSERT INTO public.numbers VALUES (145, 'row 145', '2024-01-04 17:25:00+00', 482.55);
INSERT INTO public.numbers VALUES (146, 'row 146', '2024-01-04 18:02:00+00', 561.74);
INSERT INTO public.numbers VALUES (147, 'row 147', '2024-01-04 18:39:00+00', 640.93);
INSERT INTO public.numbers VALUES (148, 'row 148', '2024-01-04 19:16:00+00', 720.12);
INSERT INTO public.numbers VALUES (149, 'row 149', '2024-01-04 19:53:00+00', 799.31);
INSERT INTO public.numbers VALUES (150, 'row 150', '2024-01-04 20:30:00+00', 878.50);


--
-- Data for Name: only_gen; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.only_gen VALUES (DEFAULT);
INSERT INTO public.only_gen VALUES (DEFAULT);


--
-- Data for Name: orders_fk; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.orders_fk VALUES (10, 1, 'first');
INSERT INTO public.orders_fk VALUES (11, 2, NULL);
INSERT INTO public.orders_fk VALUES (12, NULL, 'orphan');


--
-- Data for Name: parent; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.parent VALUES (1, 'parent row');


--
-- Data for Name: parted_eu; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.parted_eu VALUES (1, 'eu', 'berlin');
INSERT INTO public.parted_eu VALUES (4, 'eu', 'paris');


--
-- Data for Name: parted_other; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.parted_other VALUES (3, 'apac', 'tokyo');


--
-- Data for Name: parted_us; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.parted_us VALUES (2, 'us', 'boston');


--
-- Data for Name: select; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public."select" VALUES (1, 'asc', 'g1');
INSERT INTO public."select" VALUES (2, 'desc', NULL);


--
-- Data for Name: texts; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.texts VALUES (1, 'tab', 'a	b');
INSERT INTO public.texts VALUES (2, 'newline', 'line1
line2');
INSERT INTO public.texts VALUES (3, 'crlf', 'a
b');
INSERT INTO public.texts VALUES (4, 'cr', 'ab');
INSERT INTO public.texts VALUES (5, 'backslash', 'back\slash');
INSERT INTO public.texts VALUES (6, 'trailing backslash', 'end\');
INSERT INTO public.texts VALUES (7, 'only backslash', '\');
INSERT INTO public.texts VALUES (8, 'backslash dot', '\.');
INSERT INTO public.texts VALUES (9, 'backslash N', '\N');
INSERT INTO public.texts VALUES (10, 'line that is \.', 'first
\.
last');
INSERT INTO public.texts VALUES (11, 'null', NULL);
INSERT INTO public.texts VALUES (12, 'empty', '');
INSERT INTO public.texts VALUES (13, 'space', ' ');
INSERT INTO public.texts VALUES (14, 'utf8', 'é 日本 😀 Ω ß');
INSERT INTO public.texts VALUES (15, 'chr(1)', 'x');
INSERT INTO public.texts VALUES (16, 'chr(27) ansi', '[31mred[0m');
INSERT INTO public.texts VALUES (17, 'chr(127)', 'ab');
INSERT INTO public.texts VALUES (18, 'bs ff vt', 'abcd');
INSERT INTO public.texts VALUES (19, 'copy text', 'COPY x FROM stdin;
1	2
\.
');
INSERT INTO public.texts VALUES (20, 'sql injection', '''; DROP TABLE users; --');
INSERT INTO public.texts VALUES (21, 'dollars', '$$ $fn$ $_$ $');
INSERT INTO public.texts VALUES (22, 'quotes', 'single '' and "double"');
INSERT INTO public.texts VALUES (23, 'long', 'abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc abc ');
INSERT INTO public.texts VALUES (24, 'backslash t literal', '\t is not a tab, \n is not a newline');
INSERT INTO public.texts VALUES (25, 'mixed', '	
\\.\N');
INSERT INTO public.texts VALUES (26, 'unicode separators', 'LS PS NBSP BOM﻿ZWJ‍');
INSERT INTO public.texts VALUES (27, 'combining', 'é vs é');
INSERT INTO public.texts VALUES (28, 'all low controls', '	
');
INSERT INTO public.texts VALUES (29, 'comment markers', '-- not a comment /* nor this */');
INSERT INTO public.texts VALUES (30, 'only newline', '
');
INSERT INTO public.texts VALUES (31, 'only tab', '	');
INSERT INTO public.texts VALUES (32, 'trailing newline \.', 'x
\.');
INSERT INTO public.texts VALUES (33, 'leading \.', '\.x');
INSERT INTO public.texts VALUES (34, 'four byte', '𝄞𠜎😀');
INSERT INTO public.texts VALUES (35, 'latin1-looking', 'Ã©');


--
-- Data for Name: unlogged_t; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.unlogged_t VALUES (1, 'unlogged');


--
-- Data for Name: user; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public."user" VALUES (1, 'alice', 'bob', 'alice@example.test');
INSERT INTO public."user" VALUES (2, 'carol', NULL, 'carol@example.test');


--
-- Data for Name: with space; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public."with space" VALUES ('x', 2);


--
-- Data for Name: z; Type: TABLE DATA; Schema: public; Owner: postgres
--

INSERT INTO public.z DEFAULT VALUES;
INSERT INTO public.z DEFAULT VALUES;
INSERT INTO public.z DEFAULT VALUES;


--
-- Data for Name: z_empty; Type: TABLE DATA; Schema: public; Owner: postgres
--



--
-- Data for Name: Orders 2024 H1; Type: TABLE DATA; Schema: sales; Owner: postgres
--

INSERT INTO sales."Orders 2024 H1" VALUES (1, '2024-01-15', 'ok', 10.5);
INSERT INTO sales."Orders 2024 H1" VALUES (2, '2024-06-30', 'sad', 0);


--
-- Data for Name: Orders 2024 H2 p0; Type: TABLE DATA; Schema: sales; Owner: postgres
--

-- load via partition root sales."Orders 2024"

INSERT INTO sales."Orders 2024" VALUES (5, '2024-09-09', 'it''s', -5);


--
-- Data for Name: Orders 2024 H2 p1; Type: TABLE DATA; Schema: sales; Owner: postgres
--

-- load via partition root sales."Orders 2024"

INSERT INTO sales."Orders 2024" VALUES (3, '2024-07-01', 'happy', 99.99);
INSERT INTO sales."Orders 2024" VALUES (4, '2024-12-31', 'très "bien"', 1);


--
-- Data for Name: from; Type: TABLE DATA; Schema: select; Owner: postgres
--

INSERT INTO "select"."from" VALUES ('reserved words everywhere');


--
-- Data for Name: ta;ble "q".x; Type: TABLE DATA; Schema: we;ird.sch"ema; Owner: postgres
--

INSERT INTO "we;ird.sch""ema"."ta;ble ""q"".x" VALUES (1, 'q"q', 'd.d', 's s', 'COPY x FROM stdin;');
INSERT INTO "we;ird.sch""ema"."ta;ble ""q"".x" VALUES (2, NULL, '', ';', '\.');


--
-- Data for Name: 日本 テーブル; Type: TABLE DATA; Schema: ünïcødé; Owner: postgres
--

INSERT INTO "ünïcødé"."日本 テーブル" VALUES ('値', '🎉', 1);
INSERT INTO "ünïcødé"."日本 テーブル" VALUES ('ä ö ü ß', 'Ω≈ç√', 2);


--
-- Name: Mixed Case_id_seq; Type: SEQUENCE SET; Schema: My Schema; Owner: postgres
--

SELECT pg_catalog.setval('"My Schema"."Mixed Case_id_seq"', 3, true);


--
-- Name: Seq "Q" 1; Type: SEQUENCE SET; Schema: My Schema; Owner: postgres
--

SELECT pg_catalog.setval('"My Schema"."Seq ""Q"" 1"', 7, false);


--
-- Name: ident_always_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.ident_always_id_seq', 3, true);


--
-- Name: ident_default_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.ident_default_id_seq', 20, true);


--
-- Name: plain_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.plain_seq', 135, true);


--
-- Name: unused_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.unused_seq', 1, false);


--
-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: -
--

BEGIN;

SELECT pg_catalog.lo_open('424242', 131072);
SELECT pg_catalog.lowrite(0, '\x68656c6c6f206c61726765206f626a656374');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('424243', 131072);
SELECT pg_catalog.lowrite(0, '\x00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a');
SELECT pg_catalog.lowrite(0, '\x0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e00ff5c0a0d092e');
SELECT pg_catalog.lo_close(0);

COMMIT;

--
-- Name: Mixed Case Mixed Case_pkey; Type: CONSTRAINT; Schema: My Schema; Owner: postgres
--

ALTER TABLE ONLY "My Schema"."Mixed Case"
    ADD CONSTRAINT "Mixed Case_pkey" PRIMARY KEY (id);


--
-- Name: alltypes alltypes_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.alltypes
    ADD CONSTRAINT alltypes_pkey PRIMARY KEY (id);


--
-- Name: gen gen_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.gen
    ADD CONSTRAINT gen_pkey PRIMARY KEY (id);


--
-- Name: ident_always ident_always_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.ident_always
    ADD CONSTRAINT ident_always_pkey PRIMARY KEY (id);


--
-- Name: numbers numbers_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.numbers
    ADD CONSTRAINT numbers_pkey PRIMARY KEY (id);


--
-- Name: orders_fk orders_fk_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders_fk
    ADD CONSTRAINT orders_fk_pkey PRIMARY KEY (id);


--
-- Name: texts texts_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.texts
    ADD CONSTRAINT texts_pkey PRIMARY KEY (id);


--
-- Name: user user_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public."user"
    ADD CONSTRAINT user_pkey PRIMARY KEY (id);


--
-- Name: idx ;weird; Type: INDEX; Schema: we;ird.sch"ema; Owner: postgres
--

CREATE INDEX "idx ;weird" ON "we;ird.sch""ema"."ta;ble ""q"".x" USING btree ("co;l", "co l");


--
-- Name: texts Noop Trigger; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER "Noop Trigger" BEFORE INSERT ON public.texts FOR EACH ROW EXECUTE FUNCTION public.trg_noop();


--
-- Name: orders_fk orders_fk_user_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders_fk
    ADD CONSTRAINT orders_fk_user_id_fkey FOREIGN KEY (user_id) REFERENCES public."user"(id);


--
-- Name: TABLE texts; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.texts TO PUBLIC;


--
-- Name: mv_counts; Type: MATERIALIZED VIEW DATA; Schema: public; Owner: postgres
--

REFRESH MATERIALIZED VIEW public.mv_counts;


--
-- PostgreSQL database dump complete
--

\unrestrict sGvgG79FHqkX4dfX71guB5ggEc25jiQt9HaMLi5JTXlVEqwbBGNJxKhm5DMOTfo

