--
-- PostgreSQL database dump
--

\restrict GoldenKey15

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

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: after_t; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.after_t (
    b integer
);


ALTER TABLE public.after_t OWNER TO postgres;

--
-- Name: parted; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parted (
    id integer,
    region text
)
PARTITION BY LIST (region);


ALTER TABLE public.parted OWNER TO postgres;

--
-- Name: parted_eu; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parted_eu (
    id integer,
    region text
);


ALTER TABLE public.parted_eu OWNER TO postgres;

SET default_tablespace = anondump_ts_probe;

--
-- Name: ts_t; Type: TABLE; Schema: public; Owner: postgres; Tablespace: anondump_ts_probe
--

CREATE TABLE public.ts_t (
    a integer
);


ALTER TABLE public.ts_t OWNER TO postgres;

--
-- Name: parted_eu; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parted ATTACH PARTITION public.parted_eu FOR VALUES IN ('eu');


--
-- Data for Name: after_t; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.after_t (b) FROM stdin;
\.


--
-- Data for Name: parted_eu; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.parted_eu (id, region) FROM stdin;
1	eu
\.


--
-- Data for Name: ts_t; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.ts_t (a) FROM stdin;
1
\.


SET default_tablespace = '';

--
-- Name: ts_i; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX ts_i ON public.ts_t USING btree (a);


--
-- PostgreSQL database dump complete
--

\unrestrict GoldenKey15

