--
-- PostgreSQL database dump
--

\restrict v6P4JHwzd0VTVZRNBQAbglo6DgfuwOgIVN3JDsnEy6sR11kjuift4aTrd6cQSup

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

DROP DATABASE IF EXISTS "anondump_fx_It's Db";
--
-- Name: anondump_fx_It's Db; Type: DATABASE; Schema: -; Owner: postgres
--

CREATE DATABASE "anondump_fx_It's Db" WITH TEMPLATE = template0 ENCODING = 'UTF8' LOCALE_PROVIDER = libc LOCALE = 'C.UTF-8';


ALTER DATABASE "anondump_fx_It's Db" OWNER TO postgres;

\unrestrict v6P4JHwzd0VTVZRNBQAbglo6DgfuwOgIVN3JDsnEy6sR11kjuift4aTrd6cQSup
\encoding SQL_ASCII
\connect -reuse-previous=on "dbname='anondump_fx_It\'s Db'"
\restrict v6P4JHwzd0VTVZRNBQAbglo6DgfuwOgIVN3JDsnEy6sR11kjuift4aTrd6cQSup

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
-- Name: DATABASE "anondump_fx_It's Db"; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON DATABASE "anondump_fx_It's Db" IS 'database comment; it''s here';


--
-- Name: anondump_fx_It's Db; Type: DATABASE PROPERTIES; Schema: -; Owner: postgres
--

ALTER DATABASE "anondump_fx_It's Db" SET work_mem TO '8MB';


\unrestrict v6P4JHwzd0VTVZRNBQAbglo6DgfuwOgIVN3JDsnEy6sR11kjuift4aTrd6cQSup
\encoding SQL_ASCII
\connect -reuse-previous=on "dbname='anondump_fx_It\'s Db'"
\restrict v6P4JHwzd0VTVZRNBQAbglo6DgfuwOgIVN3JDsnEy6sR11kjuift4aTrd6cQSup

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
-- Name: Other Schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Other Schema";


ALTER SCHEMA "Other Schema" OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: People "VIP"; Type: TABLE; Schema: Other Schema; Owner: postgres
--

CREATE TABLE "Other Schema"."People ""VIP""" (
    id integer NOT NULL,
    "Full Name" text,
    "eMail" text,
    "Notes" text
);


ALTER TABLE "Other Schema"."People ""VIP""" OWNER TO postgres;

--
-- Name: People "VIP"_id_seq; Type: SEQUENCE; Schema: Other Schema; Owner: postgres
--

CREATE SEQUENCE "Other Schema"."People ""VIP""_id_seq"
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE "Other Schema"."People ""VIP""_id_seq" OWNER TO postgres;

--
-- Name: People "VIP"_id_seq; Type: SEQUENCE OWNED BY; Schema: Other Schema; Owner: postgres
--

ALTER SEQUENCE "Other Schema"."People ""VIP""_id_seq" OWNED BY "Other Schema"."People ""VIP""".id;


--
-- Name: counter; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.counter
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE public.counter OWNER TO postgres;

--
-- Name: kv; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.kv (
    k text NOT NULL,
    v jsonb
);


ALTER TABLE public.kv OWNER TO postgres;

--
-- Name: People "VIP" id; Type: DEFAULT; Schema: Other Schema; Owner: postgres
--

ALTER TABLE ONLY "Other Schema"."People ""VIP""" ALTER COLUMN id SET DEFAULT nextval('"Other Schema"."People ""VIP""_id_seq"'::regclass);


--
-- Data for Name: People "VIP"; Type: TABLE DATA; Schema: Other Schema; Owner: postgres
--

COPY "Other Schema"."People ""VIP""" (id, "Full Name", "eMail", "Notes") FROM stdin;
1	Jane Doe	jane.doe@realmail.test	likes\ttabs
2	Jöhn Smïth	john@realmail.test	\N
3	O'Brien, Pat	pat.obrien@realmail.test	multi\nline\\.
4	山田 太郎	yamada@realmail.test	
\.


--
-- Data for Name: kv; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.kv (k, v) FROM stdin;
a	{"x": 1}
b;c	[null, "\\\\\\\\"]
\.


--
-- Name: People "VIP"_id_seq; Type: SEQUENCE SET; Schema: Other Schema; Owner: postgres
--

SELECT pg_catalog.setval('"Other Schema"."People ""VIP""_id_seq"', 4, true);


--
-- Name: counter; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.counter', 3, true);


--
-- Name: People "VIP" People "VIP"_eMail_key; Type: CONSTRAINT; Schema: Other Schema; Owner: postgres
--

ALTER TABLE ONLY "Other Schema"."People ""VIP"""
    ADD CONSTRAINT "People ""VIP""_eMail_key" UNIQUE ("eMail");


--
-- Name: People "VIP" People "VIP"_pkey; Type: CONSTRAINT; Schema: Other Schema; Owner: postgres
--

ALTER TABLE ONLY "Other Schema"."People ""VIP"""
    ADD CONSTRAINT "People ""VIP""_pkey" PRIMARY KEY (id);


--
-- Name: kv kv_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.kv
    ADD CONSTRAINT kv_pkey PRIMARY KEY (k);


--
-- PostgreSQL database dump complete
--

\unrestrict v6P4JHwzd0VTVZRNBQAbglo6DgfuwOgIVN3JDsnEy6sR11kjuift4aTrd6cQSup

