--
-- PostgreSQL database dump
--

\restrict ZV0Er6cL3ZetgFshYTOdfePVgG9YCyapaX1ZQUjQfTxuLxZeffmR4zM74mOXYlF

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
-- Name: addresses; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.addresses (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    street text,
    city text,
    postcode character varying(10),
    country text
);


--
-- Name: addresses_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.addresses_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: addresses_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.addresses_id_seq OWNED BY public.addresses.id;


--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id integer NOT NULL,
    email character varying(120) NOT NULL,
    first_name text,
    last_name text,
    phone text,
    birth_date date,
    password_hash text NOT NULL,
    marketing_opt_in boolean,
    created_at timestamp with time zone
);


--
-- Name: customers_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.customers_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: customers_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.customers_id_seq OWNED BY public.customers.id;


--
-- Name: orders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    customer_email character varying(120),
    total numeric(10,2),
    status text,
    client_ip inet,
    placed_at timestamp with time zone
);


--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.orders_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;


--
-- Name: payments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.payments (
    id integer NOT NULL,
    order_id integer NOT NULL,
    iban text,
    card_number text,
    amount numeric(10,2)
);


--
-- Name: payments_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.payments_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: payments_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.payments_id_seq OWNED BY public.payments.id;


--
-- Name: products; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.products (
    id integer NOT NULL,
    sku text,
    title text,
    price numeric(10,2),
    description text
);


--
-- Name: products_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.products_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: products_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.products_id_seq OWNED BY public.products.id;


--
-- Name: reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reviews (
    id integer NOT NULL,
    product_id integer,
    customer_id integer,
    rating integer,
    body text
);


--
-- Name: reviews_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.reviews_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: reviews_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.reviews_id_seq OWNED BY public.reviews.id;


--
-- Name: addresses id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.addresses ALTER COLUMN id SET DEFAULT nextval('public.addresses_id_seq'::regclass);


--
-- Name: customers id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers ALTER COLUMN id SET DEFAULT nextval('public.customers_id_seq'::regclass);


--
-- Name: orders id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders ALTER COLUMN id SET DEFAULT nextval('public.orders_id_seq'::regclass);


--
-- Name: payments id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payments ALTER COLUMN id SET DEFAULT nextval('public.payments_id_seq'::regclass);


--
-- Name: products id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products ALTER COLUMN id SET DEFAULT nextval('public.products_id_seq'::regclass);


--
-- Name: reviews id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews ALTER COLUMN id SET DEFAULT nextval('public.reviews_id_seq'::regclass);


--
-- Data for Name: addresses; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.addresses (id, customer_id, street, city, postcode, country) FROM stdin;
1	1	1 High Street	London	SW1A 1	United Kingdom
2	2	2 High Street	London	SW1A 2	United Kingdom
3	3	3 High Street	London	SW1A 3	United Kingdom
4	4	4 High Street	London	SW1A 4	United Kingdom
5	5	5 High Street	London	SW1A 5	United Kingdom
6	6	6 High Street	London	SW1A 6	United Kingdom
7	7	7 High Street	London	SW1A 7	United Kingdom
8	8	8 High Street	London	SW1A 8	United Kingdom
9	9	9 High Street	London	SW1A 9	United Kingdom
10	10	10 High Street	London	SW1A 10	United Kingdom
11	11	11 High Street	London	SW1A 11	United Kingdom
12	12	12 High Street	London	SW1A 12	United Kingdom
13	13	13 High Street	London	SW1A 13	United Kingdom
14	14	14 High Street	London	SW1A 14	United Kingdom
15	15	15 High Street	London	SW1A 15	United Kingdom
16	16	16 High Street	London	SW1A 16	United Kingdom
17	17	17 High Street	London	SW1A 17	United Kingdom
18	18	18 High Street	London	SW1A 18	United Kingdom
19	19	19 High Street	London	SW1A 19	United Kingdom
20	20	20 High Street	London	SW1A 20	United Kingdom
21	21	21 High Street	London	SW1A 21	United Kingdom
22	22	22 High Street	London	SW1A 22	United Kingdom
23	23	23 High Street	London	SW1A 23	United Kingdom
24	24	24 High Street	London	SW1A 24	United Kingdom
25	25	25 High Street	London	SW1A 25	United Kingdom
26	26	26 High Street	London	SW1A 26	United Kingdom
27	27	27 High Street	London	SW1A 27	United Kingdom
28	28	28 High Street	London	SW1A 28	United Kingdom
29	29	29 High Street	London	SW1A 29	United Kingdom
30	30	30 High Street	London	SW1A 30	United Kingdom
31	31	31 High Street	London	SW1A 31	United Kingdom
32	32	32 High Street	London	SW1A 32	United Kingdom
33	33	33 High Street	London	SW1A 33	United Kingdom
34	34	34 High Street	London	SW1A 34	United Kingdom
35	35	35 High Street	London	SW1A 35	United Kingdom
36	36	36 High Street	London	SW1A 36	United Kingdom
37	37	37 High Street	London	SW1A 37	United Kingdom
38	38	38 High Street	London	SW1A 38	United Kingdom
39	39	39 High Street	London	SW1A 39	United Kingdom
40	40	40 High Street	London	SW1A 40	United Kingdom
41	41	41 High Street	London	SW1A 41	United Kingdom
42	42	42 High Street	London	SW1A 42	United Kingdom
43	43	43 High Street	London	SW1A 43	United Kingdom
44	44	44 High Street	London	SW1A 44	United Kingdom
45	45	45 High Street	London	SW1A 45	United Kingdom
46	46	46 High Street	London	SW1A 46	United Kingdom
47	47	47 High Street	London	SW1A 47	United Kingdom
48	48	48 High Street	London	SW1A 48	United Kingdom
49	49	49 High Street	London	SW1A 49	United Kingdom
50	50	50 High Street	London	SW1A 50	United Kingdom
51	51	51 High Street	London	SW1A 51	United Kingdom
52	52	52 High Street	London	SW1A 52	United Kingdom
53	53	53 High Street	London	SW1A 53	United Kingdom
54	54	54 High Street	London	SW1A 54	United Kingdom
55	55	55 High Street	London	SW1A 55	United Kingdom
56	56	56 High Street	London	SW1A 56	United Kingdom
57	57	57 High Street	London	SW1A 57	United Kingdom
58	58	58 High Street	London	SW1A 58	United Kingdom
59	59	59 High Street	London	SW1A 59	United Kingdom
60	60	60 High Street	London	SW1A 60	United Kingdom
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, email, first_name, last_name, phone, birth_date, password_hash, marketing_opt_in, created_at) FROM stdin;
1	shopper1@realmail.test	First1	Last1	+44 20 7946 0001	1970-02-07	6e6fdf956d04289354dcf1619e28fe77	f	2024-01-01 01:00:00+00
2	shopper2@realmail.test	First2	Last2	+44 20 7946 0002	1970-03-16	6d5779b9b85bd4f11e44c9772e0de602	t	2024-01-01 02:00:00+00
3	shopper3@realmail.test	First3	Last3	+44 20 7946 0003	1970-04-22	de1774aac52706b13a39a08ad3ca7dfe	f	2024-01-01 03:00:00+00
4	shopper4@realmail.test	First4	Last4	+44 20 7946 0004	1970-05-29	94406f55920a2c6a7c9b68e4bbe41fb8	t	2024-01-01 04:00:00+00
5	shopper5@realmail.test	First5	Last5	+44 20 7946 0005	1970-07-05	5802b867241e0c83cbda61ec986dea0d	f	2024-01-01 05:00:00+00
6	shopper6@realmail.test	First6	Last6	+44 20 7946 0006	1970-08-11	a25359ea6e40de0d523cd27b4e47a635	t	2024-01-01 06:00:00+00
7	shopper7@realmail.test	First7	Last7	+44 20 7946 0007	1970-09-17	fa73ef60e7e1adb5c227eedc9bec3244	f	2024-01-01 07:00:00+00
8	shopper8@realmail.test	First8	Last8	+44 20 7946 0008	1970-10-24	3182f4288ec5053e679ca2025bfb56eb	t	2024-01-01 08:00:00+00
9	shopper9@realmail.test	First9	Last9	+44 20 7946 0009	1970-11-30	159df4fecfdaf332c4293dfcac7063b7	f	2024-01-01 09:00:00+00
10	shopper10@realmail.test	First10	Last10	+44 20 7946 0010	1971-01-06	436f267dfa2dce83e192c2132530dd70	t	2024-01-01 10:00:00+00
11	shopper11@realmail.test	First11	Last11	+44 20 7946 0011	1971-02-12	8b7f89be0bd7050edfde2b53fd6d5653	f	2024-01-01 11:00:00+00
12	shopper12@realmail.test	First12	Last12	+44 20 7946 0012	1971-03-21	75536a4fcef42df4aaa464950ef957d2	t	2024-01-01 12:00:00+00
13	shopper13@realmail.test	First13	Last13	+44 20 7946 0013	1971-04-27	4364ed99cddb7c4e269145986d6de815	f	2024-01-01 13:00:00+00
14	shopper14@realmail.test	First14	Last14	+44 20 7946 0014	1971-06-03	5d0aa2671c12eca82dbfaa48d8bfe609	t	2024-01-01 14:00:00+00
15	shopper15@realmail.test	First15	Last15	+44 20 7946 0015	1971-07-10	9a69a7c09034c8941a4241f272f8eb98	f	2024-01-01 15:00:00+00
16	shopper16@realmail.test	First16	Last16	+44 20 7946 0016	1971-08-16	433d76c104b8044f9154a60f4fa9da2b	t	2024-01-01 16:00:00+00
17	shopper17@realmail.test	First17	Last17	+44 20 7946 0017	1971-09-22	14eeddbc63a8346fe8ab70bfec492ff0	f	2024-01-01 17:00:00+00
18	shopper18@realmail.test	First18	Last18	+44 20 7946 0018	1971-10-29	d500f2e02a3321f8ac80d62937da1355	t	2024-01-01 18:00:00+00
19	shopper19@realmail.test	First19	Last19	+44 20 7946 0019	1971-12-05	addef596128251330cb322da77cfc676	f	2024-01-01 19:00:00+00
20	shopper20@realmail.test	First20	Last20	+44 20 7946 0020	1972-01-11	70cf5a6ec0776b4f700be1c5f83a7b3b	t	2024-01-01 20:00:00+00
21	shopper21@realmail.test	First21	Last21	+44 20 7946 0021	1972-02-17	067490e2d67398cb6a014115b08f8f3c	f	2024-01-01 21:00:00+00
22	shopper22@realmail.test	First22	Last22	+44 20 7946 0022	1972-03-25	e7e0f1f70b667d5af30f711f9d1ebc4b	t	2024-01-01 22:00:00+00
23	shopper23@realmail.test	First23	Last23	+44 20 7946 0023	1972-05-01	3f77c31a927f46ae8b6b36f5356af288	f	2024-01-01 23:00:00+00
24	shopper24@realmail.test	First24	Last24	+44 20 7946 0024	1972-06-07	f1989646013b7a98cb7464d18a9ad36f	t	2024-01-02 00:00:00+00
25	shopper25@realmail.test	First25	Last25	+44 20 7946 0025	1972-07-14	25527c7e9d8d3bcff12d2e7a043ef5b1	f	2024-01-02 01:00:00+00
26	shopper26@realmail.test	First26	Last26	+44 20 7946 0026	1972-08-20	3ecd2993a83efd8fb600f18dc03a6033	t	2024-01-02 02:00:00+00
27	shopper27@realmail.test	First27	Last27	+44 20 7946 0027	1972-09-26	e3f88e98f262ffb863953cae347cb131	f	2024-01-02 03:00:00+00
28	shopper28@realmail.test	First28	Last28	+44 20 7946 0028	1972-11-02	e0d7af606ef45333b5dff986962139ff	t	2024-01-02 04:00:00+00
29	shopper29@realmail.test	First29	Last29	+44 20 7946 0029	1972-12-09	6885a49dfb7996da6be17193eebd89fb	f	2024-01-02 05:00:00+00
30	shopper30@realmail.test	First30	Last30	+44 20 7946 0030	1973-01-15	93e53156f5e5b613086ada7dc6ef9920	t	2024-01-02 06:00:00+00
31	shopper31@realmail.test	First31	Last31	+44 20 7946 0031	1973-02-21	53d72bf291a577457277e82c64fc249a	f	2024-01-02 07:00:00+00
32	shopper32@realmail.test	First32	Last32	+44 20 7946 0032	1973-03-30	010d4c50b030a4e0f78396ce77b8f006	t	2024-01-02 08:00:00+00
33	shopper33@realmail.test	First33	Last33	+44 20 7946 0033	1973-05-06	1bf48bcb38ec14cddbb19ecbbac73f38	f	2024-01-02 09:00:00+00
34	shopper34@realmail.test	First34	Last34	+44 20 7946 0034	1973-06-12	31451b80e2e048afc3e0cfbb2cf148d4	t	2024-01-02 10:00:00+00
35	shopper35@realmail.test	First35	Last35	+44 20 7946 0035	1973-07-19	eade58f7f3e8a1e2840e72c430be4f7b	f	2024-01-02 11:00:00+00
36	shopper36@realmail.test	First36	Last36	+44 20 7946 0036	1973-08-25	246fd411243d527fba6f32aac88313f5	t	2024-01-02 12:00:00+00
37	shopper37@realmail.test	First37	Last37	+44 20 7946 0037	1973-10-01	ec0e9deff1c56d76619607ce3dd53648	f	2024-01-02 13:00:00+00
38	shopper38@realmail.test	First38	Last38	+44 20 7946 0038	1973-11-07	ea896238f9de16f7d237d043ef101741	t	2024-01-02 14:00:00+00
39	shopper39@realmail.test	First39	Last39	+44 20 7946 0039	1973-12-14	770b90e13d75ef2deaf7a21d10aaa539	f	2024-01-02 15:00:00+00
40	shopper40@realmail.test	First40	Last40	+44 20 7946 0040	1974-01-20	0a45e1c0d168103007c2cd78e0826852	t	2024-01-02 16:00:00+00
41	shopper41@realmail.test	First41	Last41	+44 20 7946 0041	1974-02-26	a39cda0fd4707afd3f3bafffdef3adaa	f	2024-01-02 17:00:00+00
42	shopper42@realmail.test	First42	Last42	+44 20 7946 0042	1974-04-04	02c3af876c1fab9da4d551028cde989c	t	2024-01-02 18:00:00+00
43	shopper43@realmail.test	First43	Last43	+44 20 7946 0043	1974-05-11	cb8fb7d92b71b2b7988321304c06f76f	f	2024-01-02 19:00:00+00
44	shopper44@realmail.test	First44	Last44	+44 20 7946 0044	1974-06-17	a978b8186e94a38f5d8139c445bb6d18	t	2024-01-02 20:00:00+00
45	shopper45@realmail.test	First45	Last45	+44 20 7946 0045	1974-07-24	8ca0365413c0dec15f2a691e512a98e9	f	2024-01-02 21:00:00+00
46	shopper46@realmail.test	First46	Last46	+44 20 7946 0046	1974-08-30	536c4d811a93f7b74bce9e8fc51a6ec3	t	2024-01-02 22:00:00+00
47	shopper47@realmail.test	First47	Last47	+44 20 7946 0047	1974-10-06	7fc981feea5fb92b828e7cde682fe8f8	f	2024-01-02 23:00:00+00
48	shopper48@realmail.test	First48	Last48	+44 20 7946 0048	1974-11-12	50536160a0defc32ec55e3a0abfcdd7c	t	2024-01-03 00:00:00+00
49	shopper49@realmail.test	First49	Last49	+44 20 7946 0049	1974-12-19	062088cf0053028956e21e086d72ba4e	f	2024-01-03 01:00:00+00
50	shopper50@realmail.test	First50	Last50	+44 20 7946 0050	1975-01-25	04408195f97b5b49f19b839549a3c2c1	t	2024-01-03 02:00:00+00
51	shopper51@realmail.test	First51	Last51	+44 20 7946 0051	1975-03-03	c3dd4f671a2e5e5fa333c42042d0736e	f	2024-01-03 03:00:00+00
52	shopper52@realmail.test	First52	Last52	+44 20 7946 0052	1975-04-09	2a012b808bda1b1b1ac6aecd0868eae3	t	2024-01-03 04:00:00+00
53	shopper53@realmail.test	First53	Last53	+44 20 7946 0053	1975-05-16	bec71ff7d3e28744742cd7790165fb2d	f	2024-01-03 05:00:00+00
54	shopper54@realmail.test	First54	Last54	+44 20 7946 0054	1975-06-22	7e6173ad4322f4fdafd426218e403c56	t	2024-01-03 06:00:00+00
55	shopper55@realmail.test	First55	Last55	+44 20 7946 0055	1975-07-29	9ce6cea713af5ab60d486de4aff5122c	f	2024-01-03 07:00:00+00
56	shopper56@realmail.test	First56	Last56	+44 20 7946 0056	1975-09-04	c19ebf1211c5b42be5564c37c3e91372	t	2024-01-03 08:00:00+00
57	shopper57@realmail.test	First57	Last57	+44 20 7946 0057	1975-10-11	de90faff566491d7ede1e02ef6751b8c	f	2024-01-03 09:00:00+00
58	shopper58@realmail.test	First58	Last58	+44 20 7946 0058	1975-11-17	a9005f94c82ab425e76bae62b4ba6fc3	t	2024-01-03 10:00:00+00
59	shopper59@realmail.test	First59	Last59	+44 20 7946 0059	1975-12-24	e6cdfc8be2ad1a2590ae4f06ddba7064	f	2024-01-03 11:00:00+00
60	shopper60@realmail.test	First60	Last60	+44 20 7946 0060	1976-01-30	38adef2f12a8c89e8053d24fe4f9e682	t	2024-01-03 12:00:00+00
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orders (id, customer_id, customer_email, total, status, client_ip, placed_at) FROM stdin;
1	2	shopper2@realmail.test	3.50	paid	192.0.2.1	2024-02-01 01:00:00+00
2	3	shopper3@realmail.test	7.00	paid	192.0.2.2	2024-02-01 02:00:00+00
3	4	shopper4@realmail.test	10.50	paid	192.0.2.3	2024-02-01 03:00:00+00
4	5	shopper5@realmail.test	14.00	paid	192.0.2.4	2024-02-01 04:00:00+00
5	6	shopper6@realmail.test	17.50	paid	192.0.2.5	2024-02-01 05:00:00+00
6	7	shopper7@realmail.test	21.00	paid	192.0.2.6	2024-02-01 06:00:00+00
7	8	shopper8@realmail.test	24.50	paid	192.0.2.7	2024-02-01 07:00:00+00
8	9	shopper9@realmail.test	28.00	paid	192.0.2.8	2024-02-01 08:00:00+00
9	10	shopper10@realmail.test	31.50	paid	192.0.2.9	2024-02-01 09:00:00+00
10	11	shopper11@realmail.test	35.00	paid	192.0.2.10	2024-02-01 10:00:00+00
11	12	shopper12@realmail.test	38.50	paid	192.0.2.11	2024-02-01 11:00:00+00
12	13	shopper13@realmail.test	42.00	paid	192.0.2.12	2024-02-01 12:00:00+00
13	14	shopper14@realmail.test	45.50	paid	192.0.2.13	2024-02-01 13:00:00+00
14	15	shopper15@realmail.test	49.00	paid	192.0.2.14	2024-02-01 14:00:00+00
15	16	shopper16@realmail.test	52.50	paid	192.0.2.15	2024-02-01 15:00:00+00
16	17	shopper17@realmail.test	56.00	paid	192.0.2.16	2024-02-01 16:00:00+00
17	18	shopper18@realmail.test	59.50	paid	192.0.2.17	2024-02-01 17:00:00+00
18	19	shopper19@realmail.test	63.00	paid	192.0.2.18	2024-02-01 18:00:00+00
19	20	shopper20@realmail.test	66.50	paid	192.0.2.19	2024-02-01 19:00:00+00
20	21	shopper21@realmail.test	70.00	paid	192.0.2.20	2024-02-01 20:00:00+00
21	22	shopper22@realmail.test	73.50	paid	192.0.2.21	2024-02-01 21:00:00+00
22	23	shopper23@realmail.test	77.00	paid	192.0.2.22	2024-02-01 22:00:00+00
23	24	shopper24@realmail.test	80.50	paid	192.0.2.23	2024-02-01 23:00:00+00
24	25	shopper25@realmail.test	84.00	paid	192.0.2.24	2024-02-02 00:00:00+00
25	26	shopper26@realmail.test	87.50	paid	192.0.2.25	2024-02-02 01:00:00+00
26	27	shopper27@realmail.test	91.00	paid	192.0.2.26	2024-02-02 02:00:00+00
27	28	shopper28@realmail.test	94.50	paid	192.0.2.27	2024-02-02 03:00:00+00
28	29	shopper29@realmail.test	98.00	paid	192.0.2.28	2024-02-02 04:00:00+00
29	30	shopper30@realmail.test	101.50	paid	192.0.2.29	2024-02-02 05:00:00+00
30	31	shopper31@realmail.test	105.00	paid	192.0.2.30	2024-02-02 06:00:00+00
31	32	shopper32@realmail.test	108.50	paid	192.0.2.31	2024-02-02 07:00:00+00
32	33	shopper33@realmail.test	112.00	paid	192.0.2.32	2024-02-02 08:00:00+00
33	34	shopper34@realmail.test	115.50	paid	192.0.2.33	2024-02-02 09:00:00+00
34	35	shopper35@realmail.test	119.00	paid	192.0.2.34	2024-02-02 10:00:00+00
35	36	shopper36@realmail.test	122.50	paid	192.0.2.35	2024-02-02 11:00:00+00
36	37	shopper37@realmail.test	126.00	paid	192.0.2.36	2024-02-02 12:00:00+00
37	38	shopper38@realmail.test	129.50	paid	192.0.2.37	2024-02-02 13:00:00+00
38	39	shopper39@realmail.test	133.00	paid	192.0.2.38	2024-02-02 14:00:00+00
39	40	shopper40@realmail.test	136.50	paid	192.0.2.39	2024-02-02 15:00:00+00
40	41	shopper41@realmail.test	140.00	paid	192.0.2.40	2024-02-02 16:00:00+00
41	42	shopper42@realmail.test	143.50	paid	192.0.2.41	2024-02-02 17:00:00+00
42	43	shopper43@realmail.test	147.00	paid	192.0.2.42	2024-02-02 18:00:00+00
43	44	shopper44@realmail.test	150.50	paid	192.0.2.43	2024-02-02 19:00:00+00
44	45	shopper45@realmail.test	154.00	paid	192.0.2.44	2024-02-02 20:00:00+00
45	46	shopper46@realmail.test	157.50	paid	192.0.2.45	2024-02-02 21:00:00+00
46	47	shopper47@realmail.test	161.00	paid	192.0.2.46	2024-02-02 22:00:00+00
47	48	shopper48@realmail.test	164.50	paid	192.0.2.47	2024-02-02 23:00:00+00
48	49	shopper49@realmail.test	168.00	paid	192.0.2.48	2024-02-03 00:00:00+00
49	50	shopper50@realmail.test	171.50	paid	192.0.2.49	2024-02-03 01:00:00+00
50	51	shopper51@realmail.test	175.00	paid	192.0.2.50	2024-02-03 02:00:00+00
51	52	shopper52@realmail.test	178.50	paid	192.0.2.51	2024-02-03 03:00:00+00
52	53	shopper53@realmail.test	182.00	paid	192.0.2.52	2024-02-03 04:00:00+00
53	54	shopper54@realmail.test	185.50	paid	192.0.2.53	2024-02-03 05:00:00+00
54	55	shopper55@realmail.test	189.00	paid	192.0.2.54	2024-02-03 06:00:00+00
55	56	shopper56@realmail.test	192.50	paid	192.0.2.55	2024-02-03 07:00:00+00
56	57	shopper57@realmail.test	196.00	paid	192.0.2.56	2024-02-03 08:00:00+00
57	58	shopper58@realmail.test	199.50	paid	192.0.2.57	2024-02-03 09:00:00+00
58	59	shopper59@realmail.test	203.00	paid	192.0.2.58	2024-02-03 10:00:00+00
59	60	shopper60@realmail.test	206.50	paid	192.0.2.59	2024-02-03 11:00:00+00
60	1	shopper1@realmail.test	210.00	paid	192.0.2.60	2024-02-03 12:00:00+00
61	2	shopper2@realmail.test	213.50	paid	192.0.2.61	2024-02-03 13:00:00+00
62	3	shopper3@realmail.test	217.00	paid	192.0.2.62	2024-02-03 14:00:00+00
63	4	shopper4@realmail.test	220.50	paid	192.0.2.63	2024-02-03 15:00:00+00
64	5	shopper5@realmail.test	224.00	paid	192.0.2.64	2024-02-03 16:00:00+00
65	6	shopper6@realmail.test	227.50	paid	192.0.2.65	2024-02-03 17:00:00+00
66	7	shopper7@realmail.test	231.00	paid	192.0.2.66	2024-02-03 18:00:00+00
67	8	shopper8@realmail.test	234.50	paid	192.0.2.67	2024-02-03 19:00:00+00
68	9	shopper9@realmail.test	238.00	paid	192.0.2.68	2024-02-03 20:00:00+00
69	10	shopper10@realmail.test	241.50	paid	192.0.2.69	2024-02-03 21:00:00+00
70	11	shopper11@realmail.test	245.00	paid	192.0.2.70	2024-02-03 22:00:00+00
71	12	shopper12@realmail.test	248.50	paid	192.0.2.71	2024-02-03 23:00:00+00
72	13	shopper13@realmail.test	252.00	paid	192.0.2.72	2024-02-04 00:00:00+00
73	14	shopper14@realmail.test	255.50	paid	192.0.2.73	2024-02-04 01:00:00+00
74	15	shopper15@realmail.test	259.00	paid	192.0.2.74	2024-02-04 02:00:00+00
75	16	shopper16@realmail.test	262.50	paid	192.0.2.75	2024-02-04 03:00:00+00
76	17	shopper17@realmail.test	266.00	paid	192.0.2.76	2024-02-04 04:00:00+00
77	18	shopper18@realmail.test	269.50	paid	192.0.2.77	2024-02-04 05:00:00+00
78	19	shopper19@realmail.test	273.00	paid	192.0.2.78	2024-02-04 06:00:00+00
79	20	shopper20@realmail.test	276.50	paid	192.0.2.79	2024-02-04 07:00:00+00
80	21	shopper21@realmail.test	280.00	paid	192.0.2.80	2024-02-04 08:00:00+00
81	22	shopper22@realmail.test	283.50	paid	192.0.2.81	2024-02-04 09:00:00+00
82	23	shopper23@realmail.test	287.00	paid	192.0.2.82	2024-02-04 10:00:00+00
83	24	shopper24@realmail.test	290.50	paid	192.0.2.83	2024-02-04 11:00:00+00
84	25	shopper25@realmail.test	294.00	paid	192.0.2.84	2024-02-04 12:00:00+00
85	26	shopper26@realmail.test	297.50	paid	192.0.2.85	2024-02-04 13:00:00+00
86	27	shopper27@realmail.test	301.00	paid	192.0.2.86	2024-02-04 14:00:00+00
87	28	shopper28@realmail.test	304.50	paid	192.0.2.87	2024-02-04 15:00:00+00
88	29	shopper29@realmail.test	308.00	paid	192.0.2.88	2024-02-04 16:00:00+00
89	30	shopper30@realmail.test	311.50	paid	192.0.2.89	2024-02-04 17:00:00+00
90	31	shopper31@realmail.test	315.00	paid	192.0.2.90	2024-02-04 18:00:00+00
91	32	shopper32@realmail.test	318.50	paid	192.0.2.91	2024-02-04 19:00:00+00
92	33	shopper33@realmail.test	322.00	paid	192.0.2.92	2024-02-04 20:00:00+00
93	34	shopper34@realmail.test	325.50	paid	192.0.2.93	2024-02-04 21:00:00+00
94	35	shopper35@realmail.test	329.00	paid	192.0.2.94	2024-02-04 22:00:00+00
95	36	shopper36@realmail.test	332.50	paid	192.0.2.95	2024-02-04 23:00:00+00
96	37	shopper37@realmail.test	336.00	paid	192.0.2.96	2024-02-05 00:00:00+00
97	38	shopper38@realmail.test	339.50	paid	192.0.2.97	2024-02-05 01:00:00+00
98	39	shopper39@realmail.test	343.00	paid	192.0.2.98	2024-02-05 02:00:00+00
99	40	shopper40@realmail.test	346.50	paid	192.0.2.99	2024-02-05 03:00:00+00
100	41	shopper41@realmail.test	350.00	paid	192.0.2.100	2024-02-05 04:00:00+00
101	42	shopper42@realmail.test	353.50	paid	192.0.2.101	2024-02-05 05:00:00+00
102	43	shopper43@realmail.test	357.00	paid	192.0.2.102	2024-02-05 06:00:00+00
103	44	shopper44@realmail.test	360.50	paid	192.0.2.103	2024-02-05 07:00:00+00
104	45	shopper45@realmail.test	364.00	paid	192.0.2.104	2024-02-05 08:00:00+00
105	46	shopper46@realmail.test	367.50	paid	192.0.2.105	2024-02-05 09:00:00+00
106	47	shopper47@realmail.test	371.00	paid	192.0.2.106	2024-02-05 10:00:00+00
107	48	shopper48@realmail.test	374.50	paid	192.0.2.107	2024-02-05 11:00:00+00
108	49	shopper49@realmail.test	378.00	paid	192.0.2.108	2024-02-05 12:00:00+00
109	50	shopper50@realmail.test	381.50	paid	192.0.2.109	2024-02-05 13:00:00+00
110	51	shopper51@realmail.test	385.00	paid	192.0.2.110	2024-02-05 14:00:00+00
111	52	shopper52@realmail.test	388.50	paid	192.0.2.111	2024-02-05 15:00:00+00
112	53	shopper53@realmail.test	392.00	paid	192.0.2.112	2024-02-05 16:00:00+00
113	54	shopper54@realmail.test	395.50	paid	192.0.2.113	2024-02-05 17:00:00+00
114	55	shopper55@realmail.test	399.00	paid	192.0.2.114	2024-02-05 18:00:00+00
115	56	shopper56@realmail.test	402.50	paid	192.0.2.115	2024-02-05 19:00:00+00
116	57	shopper57@realmail.test	406.00	paid	192.0.2.116	2024-02-05 20:00:00+00
117	58	shopper58@realmail.test	409.50	paid	192.0.2.117	2024-02-05 21:00:00+00
118	59	shopper59@realmail.test	413.00	paid	192.0.2.118	2024-02-05 22:00:00+00
119	60	shopper60@realmail.test	416.50	paid	192.0.2.119	2024-02-05 23:00:00+00
120	1	shopper1@realmail.test	420.00	paid	192.0.2.120	2024-02-06 00:00:00+00
\.


--
-- Data for Name: payments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.payments (id, order_id, iban, card_number, amount) FROM stdin;
1	1	GB33BUKB20201555555555	4111 1111 1111 1111	3.50
2	2	GB33BUKB20201555555555	4111 1111 1111 1111	7.00
3	3	GB33BUKB20201555555555	4111 1111 1111 1111	10.50
4	4	GB33BUKB20201555555555	4111 1111 1111 1111	14.00
5	5	GB33BUKB20201555555555	4111 1111 1111 1111	17.50
6	6	GB33BUKB20201555555555	4111 1111 1111 1111	21.00
7	7	GB33BUKB20201555555555	4111 1111 1111 1111	24.50
8	8	GB33BUKB20201555555555	4111 1111 1111 1111	28.00
9	9	GB33BUKB20201555555555	4111 1111 1111 1111	31.50
10	10	GB33BUKB20201555555555	4111 1111 1111 1111	35.00
11	11	GB33BUKB20201555555555	4111 1111 1111 1111	38.50
12	12	GB33BUKB20201555555555	4111 1111 1111 1111	42.00
13	13	GB33BUKB20201555555555	4111 1111 1111 1111	45.50
14	14	GB33BUKB20201555555555	4111 1111 1111 1111	49.00
15	15	GB33BUKB20201555555555	4111 1111 1111 1111	52.50
16	16	GB33BUKB20201555555555	4111 1111 1111 1111	56.00
17	17	GB33BUKB20201555555555	4111 1111 1111 1111	59.50
18	18	GB33BUKB20201555555555	4111 1111 1111 1111	63.00
19	19	GB33BUKB20201555555555	4111 1111 1111 1111	66.50
20	20	GB33BUKB20201555555555	4111 1111 1111 1111	70.00
21	21	GB33BUKB20201555555555	4111 1111 1111 1111	73.50
22	22	GB33BUKB20201555555555	4111 1111 1111 1111	77.00
23	23	GB33BUKB20201555555555	4111 1111 1111 1111	80.50
24	24	GB33BUKB20201555555555	4111 1111 1111 1111	84.00
25	25	GB33BUKB20201555555555	4111 1111 1111 1111	87.50
26	26	GB33BUKB20201555555555	4111 1111 1111 1111	91.00
27	27	GB33BUKB20201555555555	4111 1111 1111 1111	94.50
28	28	GB33BUKB20201555555555	4111 1111 1111 1111	98.00
29	29	GB33BUKB20201555555555	4111 1111 1111 1111	101.50
30	30	GB33BUKB20201555555555	4111 1111 1111 1111	105.00
31	31	GB33BUKB20201555555555	4111 1111 1111 1111	108.50
32	32	GB33BUKB20201555555555	4111 1111 1111 1111	112.00
33	33	GB33BUKB20201555555555	4111 1111 1111 1111	115.50
34	34	GB33BUKB20201555555555	4111 1111 1111 1111	119.00
35	35	GB33BUKB20201555555555	4111 1111 1111 1111	122.50
36	36	GB33BUKB20201555555555	4111 1111 1111 1111	126.00
37	37	GB33BUKB20201555555555	4111 1111 1111 1111	129.50
38	38	GB33BUKB20201555555555	4111 1111 1111 1111	133.00
39	39	GB33BUKB20201555555555	4111 1111 1111 1111	136.50
40	40	GB33BUKB20201555555555	4111 1111 1111 1111	140.00
41	41	GB33BUKB20201555555555	4111 1111 1111 1111	143.50
42	42	GB33BUKB20201555555555	4111 1111 1111 1111	147.00
43	43	GB33BUKB20201555555555	4111 1111 1111 1111	150.50
44	44	GB33BUKB20201555555555	4111 1111 1111 1111	154.00
45	45	GB33BUKB20201555555555	4111 1111 1111 1111	157.50
46	46	GB33BUKB20201555555555	4111 1111 1111 1111	161.00
47	47	GB33BUKB20201555555555	4111 1111 1111 1111	164.50
48	48	GB33BUKB20201555555555	4111 1111 1111 1111	168.00
49	49	GB33BUKB20201555555555	4111 1111 1111 1111	171.50
50	50	GB33BUKB20201555555555	4111 1111 1111 1111	175.00
51	51	GB33BUKB20201555555555	4111 1111 1111 1111	178.50
52	52	GB33BUKB20201555555555	4111 1111 1111 1111	182.00
53	53	GB33BUKB20201555555555	4111 1111 1111 1111	185.50
54	54	GB33BUKB20201555555555	4111 1111 1111 1111	189.00
55	55	GB33BUKB20201555555555	4111 1111 1111 1111	192.50
56	56	GB33BUKB20201555555555	4111 1111 1111 1111	196.00
57	57	GB33BUKB20201555555555	4111 1111 1111 1111	199.50
58	58	GB33BUKB20201555555555	4111 1111 1111 1111	203.00
59	59	GB33BUKB20201555555555	4111 1111 1111 1111	206.50
60	60	GB33BUKB20201555555555	4111 1111 1111 1111	210.00
61	61	GB33BUKB20201555555555	4111 1111 1111 1111	213.50
62	62	GB33BUKB20201555555555	4111 1111 1111 1111	217.00
63	63	GB33BUKB20201555555555	4111 1111 1111 1111	220.50
64	64	GB33BUKB20201555555555	4111 1111 1111 1111	224.00
65	65	GB33BUKB20201555555555	4111 1111 1111 1111	227.50
66	66	GB33BUKB20201555555555	4111 1111 1111 1111	231.00
67	67	GB33BUKB20201555555555	4111 1111 1111 1111	234.50
68	68	GB33BUKB20201555555555	4111 1111 1111 1111	238.00
69	69	GB33BUKB20201555555555	4111 1111 1111 1111	241.50
70	70	GB33BUKB20201555555555	4111 1111 1111 1111	245.00
71	71	GB33BUKB20201555555555	4111 1111 1111 1111	248.50
72	72	GB33BUKB20201555555555	4111 1111 1111 1111	252.00
73	73	GB33BUKB20201555555555	4111 1111 1111 1111	255.50
74	74	GB33BUKB20201555555555	4111 1111 1111 1111	259.00
75	75	GB33BUKB20201555555555	4111 1111 1111 1111	262.50
76	76	GB33BUKB20201555555555	4111 1111 1111 1111	266.00
77	77	GB33BUKB20201555555555	4111 1111 1111 1111	269.50
78	78	GB33BUKB20201555555555	4111 1111 1111 1111	273.00
79	79	GB33BUKB20201555555555	4111 1111 1111 1111	276.50
80	80	GB33BUKB20201555555555	4111 1111 1111 1111	280.00
81	81	GB33BUKB20201555555555	4111 1111 1111 1111	283.50
82	82	GB33BUKB20201555555555	4111 1111 1111 1111	287.00
83	83	GB33BUKB20201555555555	4111 1111 1111 1111	290.50
84	84	GB33BUKB20201555555555	4111 1111 1111 1111	294.00
85	85	GB33BUKB20201555555555	4111 1111 1111 1111	297.50
86	86	GB33BUKB20201555555555	4111 1111 1111 1111	301.00
87	87	GB33BUKB20201555555555	4111 1111 1111 1111	304.50
88	88	GB33BUKB20201555555555	4111 1111 1111 1111	308.00
89	89	GB33BUKB20201555555555	4111 1111 1111 1111	311.50
90	90	GB33BUKB20201555555555	4111 1111 1111 1111	315.00
91	91	GB33BUKB20201555555555	4111 1111 1111 1111	318.50
92	92	GB33BUKB20201555555555	4111 1111 1111 1111	322.00
93	93	GB33BUKB20201555555555	4111 1111 1111 1111	325.50
94	94	GB33BUKB20201555555555	4111 1111 1111 1111	329.00
95	95	GB33BUKB20201555555555	4111 1111 1111 1111	332.50
96	96	GB33BUKB20201555555555	4111 1111 1111 1111	336.00
97	97	GB33BUKB20201555555555	4111 1111 1111 1111	339.50
98	98	GB33BUKB20201555555555	4111 1111 1111 1111	343.00
99	99	GB33BUKB20201555555555	4111 1111 1111 1111	346.50
100	100	GB33BUKB20201555555555	4111 1111 1111 1111	350.00
101	101	GB33BUKB20201555555555	4111 1111 1111 1111	353.50
102	102	GB33BUKB20201555555555	4111 1111 1111 1111	357.00
103	103	GB33BUKB20201555555555	4111 1111 1111 1111	360.50
104	104	GB33BUKB20201555555555	4111 1111 1111 1111	364.00
105	105	GB33BUKB20201555555555	4111 1111 1111 1111	367.50
106	106	GB33BUKB20201555555555	4111 1111 1111 1111	371.00
107	107	GB33BUKB20201555555555	4111 1111 1111 1111	374.50
108	108	GB33BUKB20201555555555	4111 1111 1111 1111	378.00
109	109	GB33BUKB20201555555555	4111 1111 1111 1111	381.50
110	110	GB33BUKB20201555555555	4111 1111 1111 1111	385.00
111	111	GB33BUKB20201555555555	4111 1111 1111 1111	388.50
112	112	GB33BUKB20201555555555	4111 1111 1111 1111	392.00
113	113	GB33BUKB20201555555555	4111 1111 1111 1111	395.50
114	114	GB33BUKB20201555555555	4111 1111 1111 1111	399.00
115	115	GB33BUKB20201555555555	4111 1111 1111 1111	402.50
116	116	GB33BUKB20201555555555	4111 1111 1111 1111	406.00
117	117	GB33BUKB20201555555555	4111 1111 1111 1111	409.50
118	118	GB33BUKB20201555555555	4111 1111 1111 1111	413.00
119	119	GB33BUKB20201555555555	4111 1111 1111 1111	416.50
120	120	GB33BUKB20201555555555	4111 1111 1111 1111	420.00
\.


--
-- Data for Name: products; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.products (id, sku, title, price, description) FROM stdin;
1	SKU-1	Product 1	2.25	A fine product number 1
2	SKU-2	Product 2	4.50	A fine product number 2
3	SKU-3	Product 3	6.75	A fine product number 3
4	SKU-4	Product 4	9.00	A fine product number 4
5	SKU-5	Product 5	11.25	A fine product number 5
6	SKU-6	Product 6	13.50	A fine product number 6
7	SKU-7	Product 7	15.75	A fine product number 7
8	SKU-8	Product 8	18.00	A fine product number 8
9	SKU-9	Product 9	20.25	A fine product number 9
10	SKU-10	Product 10	22.50	A fine product number 10
11	SKU-11	Product 11	24.75	A fine product number 11
12	SKU-12	Product 12	27.00	A fine product number 12
13	SKU-13	Product 13	29.25	A fine product number 13
14	SKU-14	Product 14	31.50	A fine product number 14
15	SKU-15	Product 15	33.75	A fine product number 15
16	SKU-16	Product 16	36.00	A fine product number 16
17	SKU-17	Product 17	38.25	A fine product number 17
18	SKU-18	Product 18	40.50	A fine product number 18
19	SKU-19	Product 19	42.75	A fine product number 19
20	SKU-20	Product 20	45.00	A fine product number 20
21	SKU-21	Product 21	47.25	A fine product number 21
22	SKU-22	Product 22	49.50	A fine product number 22
23	SKU-23	Product 23	51.75	A fine product number 23
24	SKU-24	Product 24	54.00	A fine product number 24
25	SKU-25	Product 25	56.25	A fine product number 25
26	SKU-26	Product 26	58.50	A fine product number 26
27	SKU-27	Product 27	60.75	A fine product number 27
28	SKU-28	Product 28	63.00	A fine product number 28
29	SKU-29	Product 29	65.25	A fine product number 29
30	SKU-30	Product 30	67.50	A fine product number 30
31	SKU-31	Product 31	69.75	A fine product number 31
32	SKU-32	Product 32	72.00	A fine product number 32
33	SKU-33	Product 33	74.25	A fine product number 33
34	SKU-34	Product 34	76.50	A fine product number 34
35	SKU-35	Product 35	78.75	A fine product number 35
36	SKU-36	Product 36	81.00	A fine product number 36
37	SKU-37	Product 37	83.25	A fine product number 37
38	SKU-38	Product 38	85.50	A fine product number 38
39	SKU-39	Product 39	87.75	A fine product number 39
40	SKU-40	Product 40	90.00	A fine product number 40
\.


--
-- Data for Name: reviews; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.reviews (id, product_id, customer_id, rating, body) FROM stdin;
1	2	2	2	Works as described, thanks
2	3	3	3	Works as described, thanks
3	4	4	4	Works as described, thanks
4	5	5	5	Great, write to me at shopper4@realmail.test
5	6	6	1	Works as described, thanks
6	7	7	2	Works as described, thanks
7	8	8	3	Works as described, thanks
8	9	9	4	Great, write to me at shopper8@realmail.test
9	10	10	5	Works as described, thanks
10	11	11	1	Works as described, thanks
11	12	12	2	Works as described, thanks
12	13	13	3	Great, write to me at shopper12@realmail.test
13	14	14	4	Works as described, thanks
14	15	15	5	Works as described, thanks
15	16	16	1	Works as described, thanks
16	17	17	2	Great, write to me at shopper16@realmail.test
17	18	18	3	Works as described, thanks
18	19	19	4	Works as described, thanks
19	20	20	5	Works as described, thanks
20	21	21	1	Great, write to me at shopper20@realmail.test
21	22	22	2	Works as described, thanks
22	23	23	3	Works as described, thanks
23	24	24	4	Works as described, thanks
24	25	25	5	Great, write to me at shopper24@realmail.test
25	26	26	1	Works as described, thanks
26	27	27	2	Works as described, thanks
27	28	28	3	Works as described, thanks
28	29	29	4	Great, write to me at shopper28@realmail.test
29	30	30	5	Works as described, thanks
30	31	31	1	Works as described, thanks
31	32	32	2	Works as described, thanks
32	33	33	3	Great, write to me at shopper32@realmail.test
33	34	34	4	Works as described, thanks
34	35	35	5	Works as described, thanks
35	36	36	1	Works as described, thanks
36	37	37	2	Great, write to me at shopper36@realmail.test
37	38	38	3	Works as described, thanks
38	39	39	4	Works as described, thanks
39	40	40	5	Works as described, thanks
40	1	41	1	Great, write to me at shopper40@realmail.test
41	2	42	2	Works as described, thanks
42	3	43	3	Works as described, thanks
43	4	44	4	Works as described, thanks
44	5	45	5	Great, write to me at shopper44@realmail.test
45	6	46	1	Works as described, thanks
46	7	47	2	Works as described, thanks
47	8	48	3	Works as described, thanks
48	9	49	4	Great, write to me at shopper48@realmail.test
49	10	50	5	Works as described, thanks
50	11	51	1	Works as described, thanks
51	12	52	2	Works as described, thanks
52	13	53	3	Great, write to me at shopper52@realmail.test
53	14	54	4	Works as described, thanks
54	15	55	5	Works as described, thanks
55	16	56	1	Works as described, thanks
56	17	57	2	Great, write to me at shopper56@realmail.test
57	18	58	3	Works as described, thanks
58	19	59	4	Works as described, thanks
59	20	60	5	Works as described, thanks
60	21	1	1	Great, write to me at shopper60@realmail.test
61	22	2	2	Works as described, thanks
62	23	3	3	Works as described, thanks
63	24	4	4	Works as described, thanks
64	25	5	5	Great, write to me at shopper64@realmail.test
65	26	6	1	Works as described, thanks
66	27	7	2	Works as described, thanks
67	28	8	3	Works as described, thanks
68	29	9	4	Great, write to me at shopper68@realmail.test
69	30	10	5	Works as described, thanks
70	31	11	1	Works as described, thanks
71	32	12	2	Works as described, thanks
72	33	13	3	Great, write to me at shopper72@realmail.test
73	34	14	4	Works as described, thanks
74	35	15	5	Works as described, thanks
75	36	16	1	Works as described, thanks
76	37	17	2	Great, write to me at shopper76@realmail.test
77	38	18	3	Works as described, thanks
78	39	19	4	Works as described, thanks
79	40	20	5	Works as described, thanks
80	1	21	1	Great, write to me at shopper80@realmail.test
\.


--
-- Name: addresses_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.addresses_id_seq', 60, true);


--
-- Name: customers_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.customers_id_seq', 60, true);


--
-- Name: orders_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.orders_id_seq', 120, true);


--
-- Name: payments_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.payments_id_seq', 120, true);


--
-- Name: products_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.products_id_seq', 40, true);


--
-- Name: reviews_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.reviews_id_seq', 80, true);


--
-- Name: addresses addresses_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.addresses
    ADD CONSTRAINT addresses_pkey PRIMARY KEY (id);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: payments payments_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_pkey PRIMARY KEY (id);


--
-- Name: products products_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_pkey PRIMARY KEY (id);


--
-- Name: products products_sku_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT products_sku_key UNIQUE (sku);


--
-- Name: reviews reviews_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_pkey PRIMARY KEY (id);


--
-- Name: addresses addresses_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.addresses
    ADD CONSTRAINT addresses_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: orders orders_email_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_email_fkey FOREIGN KEY (customer_email) REFERENCES public.customers(email);


--
-- Name: payments payments_order_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT payments_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(id);


--
-- Name: reviews reviews_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: reviews reviews_product_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT reviews_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products(id);


--
-- PostgreSQL database dump complete
--

\unrestrict ZV0Er6cL3ZetgFshYTOdfePVgG9YCyapaX1ZQUjQfTxuLxZeffmR4zM74mOXYlF

