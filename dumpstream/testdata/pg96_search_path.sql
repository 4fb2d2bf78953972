--
-- PostgreSQL database dump
--

-- Dumped from database version 9.6.5
-- Dumped by pg_dump version 9.6.5

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SET check_function_bodies = false;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: crm; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA crm;


ALTER SCHEMA crm OWNER TO postgres;

--
-- Name: plpgsql; Type: EXTENSION; Schema: -; Owner: 
--

CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;


SET search_path = crm, pg_catalog;

--
-- Name: email_address; Type: DOMAIN; Schema: crm; Owner: postgres
--

CREATE DOMAIN email_address AS character varying(80);


ALTER DOMAIN email_address OWNER TO postgres;

SET default_tablespace = '';

SET default_with_oids = false;

--
-- Name: customers; Type: TABLE; Schema: crm; Owner: postgres
--

CREATE TABLE customers (
    id integer NOT NULL,
    email email_address,
    name text
);


ALTER TABLE customers OWNER TO postgres;

SET search_path = public, pg_catalog;

--
-- Name: customers; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE customers (
    id integer NOT NULL,
    note text
);


ALTER TABLE customers OWNER TO postgres;

SET search_path = crm, pg_catalog;

--
-- Data for Name: customers; Type: TABLE DATA; Schema: crm; Owner: postgres
--

COPY customers (id, email, name) FROM stdin;
1	alice@realmail.test	Alice Real
2	bob@realmail.test	Bob Real
\.


SET search_path = public, pg_catalog;

--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY customers (id, note) FROM stdin;
1	not personal
\.


SET search_path = crm, pg_catalog;

--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: crm; Owner: postgres
--

ALTER TABLE ONLY customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- PostgreSQL database dump complete
--

