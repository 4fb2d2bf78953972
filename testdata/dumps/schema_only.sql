--
-- PostgreSQL database dump
--

\restrict z9DZ10hXYuaqFNjXVvl07VTw9sY86e7RafFAzNhnCyAWqcWVRg5yHki6pYp87WH

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
-- PostgreSQL database dump complete
--

\unrestrict z9DZ10hXYuaqFNjXVvl07VTw9sY86e7RafFAzNhnCyAWqcWVRg5yHki6pYp87WH

