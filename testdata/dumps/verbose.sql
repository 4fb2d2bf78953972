--
-- PostgreSQL database dump
--

\restrict IO1rdBFMJtLoR5lmhbfpKQ6hkaPimRwI9sV6gUv8q4jNCcAGrLvE143vqwvZpeH

-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

-- Started on 2026-11-23 05:47:27 UTC

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
-- TOC entry 6 (class 2615 OID 22184)
-- Name: Other Schema; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Other Schema";


ALTER SCHEMA "Other Schema" OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- TOC entry 216 (class 1259 OID 22186)
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
-- TOC entry 215 (class 1259 OID 22185)
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
-- TOC entry 3361 (class 0 OID 0)
-- Dependencies: 215
-- Name: People "VIP"_id_seq; Type: SEQUENCE OWNED BY; Schema: Other Schema; Owner: postgres
--

ALTER SEQUENCE "Other Schema"."People ""VIP""_id_seq" OWNED BY "Other Schema"."People ""VIP""".id;


--
-- TOC entry 218 (class 1259 OID 22203)
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
-- TOC entry 217 (class 1259 OID 22196)
-- Name: kv; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.kv (
    k text NOT NULL,
    v jsonb
);


ALTER TABLE public.kv OWNER TO postgres;

--
-- TOC entry 3203 (class 2604 OID 22189)
-- Name: People "VIP" id; Type: DEFAULT; Schema: Other Schema; Owner: postgres
--

ALTER TABLE ONLY "Other Schema"."People ""VIP""" ALTER COLUMN id SET DEFAULT nextval('"Other Schema"."People ""VIP""_id_seq"'::regclass);


--
-- TOC entry 3353 (class 0 OID 22186)
-- Dependencies: 216
-- Data for Name: People "VIP"; Type: TABLE DATA; Schema: Other Schema; Owner: postgres
--

COPY "Other Schema"."People ""VIP""" (id, "Full Name", "eMail", "Notes") FROM stdin;
1	Jane Doe	jane.doe@realmail.test	likes\ttabs
2	Jöhn Smïth	john@realmail.test	\N
3	O'Brien, Pat	pat.obrien@realmail.test	multi\nline\\.
4	山田 太郎	yamada@realmail.test	
\.


--
-- TOC entry 3354 (class 0 OID 22196)
-- Dependencies: 217
-- Data for Name: kv; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.kv (k, v) FROM stdin;
a	{"x": 1}
b;c	[null, "\\\\\\\\"]
\.


--
-- TOC entry 3362 (class 0 OID 0)
-- Dependencies: 215
-- Name: People "VIP"_id_seq; Type: SEQUENCE SET; Schema: Other Schema; Owner: postgres
--

SELECT pg_catalog.setval('"Other Schema"."People ""VIP""_id_seq"', 4, true);


--
-- TOC entry 3363 (class 0 OID 0)
-- Dependencies: 218
-- Name: counter; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.counter', 3, true);


--
-- TOC entry 3205 (class 2606 OID 22195)
-- Name: People "VIP" People "VIP"_eMail_key; Type: CONSTRAINT; Schema: Other Schema; Owner: postgres
--

ALTER TABLE ONLY "Other Schema"."People ""VIP"""
    ADD CONSTRAINT "People ""VIP""_eMail_key" UNIQUE ("eMail");


--
-- TOC entry 3207 (class 2606 OID 22193)
-- Name: People "VIP" People "VIP"_pkey; Type: CONSTRAINT; Schema: Other Schema; Owner: postgres
--

ALTER TABLE ONLY "Other Schema"."People ""VIP"""
    ADD CONSTRAINT "People ""VIP""_pkey" PRIMARY KEY (id);


--
-- TOC entry 3209 (class 2606 OID 22202)
-- Name: kv kv_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.kv
    ADD CONSTRAINT kv_pkey PRIMARY KEY (k);


-- Completed on 2026-11-23 05:47:27 UTC

--
-- PostgreSQL database dump complete
--

\unrestrict IO1rdBFMJtLoR5lmhbfpKQ6hkaPimRwI9sV6gUv8q4jNCcAGrLvE143vqwvZpeH

