--
-- PostgreSQL database dump
--

-- Dumped from database version 15.20
-- Dumped by pg_dump version 15.20

SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);

--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id integer NOT NULL,
    email text NOT NULL,
    note text
);

COMMENT ON TABLE public.users IS 'people
who sign in';

--
-- Data for Name: users; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.users (id, email, note) FROM stdin;
1	alice@realmail.test	Alice Liddell
2	bob@realmail.test	\N
\.


--
-- PostgreSQL database dump complete
--

