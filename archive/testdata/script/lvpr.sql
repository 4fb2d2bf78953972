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

SET default_tablespace = '';

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

SET default_table_access_method = heap;

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
-- Name: parted_eu; Type: TABLE ATTACH; Schema: public; Owner: root
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_eu FOR VALUES IN ('eu');


--
-- Name: parted_us; Type: TABLE ATTACH; Schema: public; Owner: root
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_us FOR VALUES IN ('us');


--
-- Data for Name: parted_eu; Type: TABLE DATA; Schema: public; Owner: root
--

-- load via partition root public.parted

COPY public.parted (id, region, v) FROM stdin;
1	eu	a
3	eu	c
\.


--
-- Data for Name: parted_us; Type: TABLE DATA; Schema: public; Owner: root
--

-- load via partition root public.parted

COPY public.parted (id, region, v) FROM stdin;
2	us	b
\.


--
-- PostgreSQL database dump complete
--

\unrestrict GoldenKey15

