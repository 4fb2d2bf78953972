--
-- PostgreSQL database dump
--

\restrict mWqBRlBi4yLRXMPPHRnDiaAx6kDeOmx3tSDbIByPHTlufvDaX6R0fy7rDf44b5c

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
-- Name: Support; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Support";


ALTER SCHEMA "Support" OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: Ticket Notes; Type: TABLE; Schema: Support; Owner: postgres
--

CREATE TABLE "Support"."Ticket Notes" (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    "Reported By" character varying(120) NOT NULL,
    "Client IP" inet,
    "Body" text NOT NULL,
    "Attachment" bytea,
    "Created At" timestamp with time zone NOT NULL
);


ALTER TABLE "Support"."Ticket Notes" OWNER TO postgres;

--
-- Name: addresses; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.addresses (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    kind text NOT NULL,
    recipient text NOT NULL,
    street text NOT NULL,
    city text NOT NULL,
    postcode character varying(10),
    country text NOT NULL,
    is_default boolean NOT NULL,
    CONSTRAINT addresses_kind_check CHECK ((kind = ANY (ARRAY['billing'::text, 'shipping'::text])))
);


ALTER TABLE public.addresses OWNER TO postgres;

--
-- Name: customers; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.customers (
    id integer NOT NULL,
    external_id uuid NOT NULL,
    email character varying(120) NOT NULL,
    username character varying(40) NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    phone text,
    date_of_birth date,
    company text,
    job_title text,
    national_id text,
    iban text,
    password_hash text NOT NULL,
    api_token text,
    marketing_opt_in boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone NOT NULL,
    title text,
    recovery_email text,
    loyalty_card text,
    passport_no text,
    age integer,
    customer_no text
);


ALTER TABLE public.customers OWNER TO postgres;

--
-- Name: TABLE customers; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.customers IS 'One row per customer account. Contains personal data.';


--
-- Name: orders; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.orders (
    id integer NOT NULL,
    customer_id integer NOT NULL,
    customer_email character varying(120) NOT NULL,
    card_number text,
    amount numeric(10,2) NOT NULL,
    status text NOT NULL,
    client_ip inet,
    placed_at timestamp with time zone NOT NULL
);


ALTER TABLE public.orders OWNER TO postgres;

--
-- Name: customer_order_totals; Type: VIEW; Schema: public; Owner: postgres
--

CREATE VIEW public.customer_order_totals AS
 SELECT c.id,
    c.email,
    count(o.id) AS orders,
    COALESCE(sum(o.amount), (0)::numeric) AS total
   FROM (public.customers c
     LEFT JOIN public.orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id, c.email;


ALTER TABLE public.customer_order_totals OWNER TO postgres;

--
-- Name: sessions; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.sessions (
    id uuid NOT NULL,
    customer_id integer NOT NULL,
    token text NOT NULL,
    ip inet,
    user_agent text,
    expires_at timestamp with time zone NOT NULL
);


ALTER TABLE public.sessions OWNER TO postgres;

--
-- Data for Name: Ticket Notes; Type: TABLE DATA; Schema: Support; Owner: postgres
--

COPY "Support"."Ticket Notes" (id, customer_id, "Reported By", "Client IP", "Body", "Attachment", "Created At") FROM stdin;
1	12	zoë.haddad12@gmail.test	2001:db8:3e9::7	Called back on +44 7700 995028.\nCustomer said: "the parcel never came".	\N	2023-03-02 13:30:00+00
2	23	yusuf.o'sullivan23@fastmail.test	2001:db8:3ea::e	Refund to IBAN GB33NWBK17772100000713\tapproved by team lead.	\N	2023-03-03 18:30:00+00
3	34	amélie.okonkwo34@corp.test	2001:db8:3eb::15	Password reset requested from amélie.okonkwo34@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-03-04 23:30:00+00
4	45	oskar.nakamura45@mailbox.test	\N	Customer Oskar Nakamura asks where order 12 is.	\N	2023-03-06 04:30:00+00
5	56	chloé.kowalczyk56@gmail.test	2001:db8:3ed::23	Called back on +44 7700 943464.\nCustomer said: "the parcel never came".	\\xf03cfa3efc3fc4923a160f5e01c8d190	2023-03-07 09:30:00+00
6	67	noah.marchetti67@fastmail.test	2001:db8:3ee::2a	Refund to IBAN GB77NWBK51770900002077\tapproved by team lead.	\N	2023-03-08 14:30:00+00
7	78	aoife.whitfield78@corp.test	2001:db8:3ef::31	Password reset requested from aoife.whitfield78@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-03-09 19:30:00+00
8	89	lukas.fernández89@mailbox.test	\N	Customer Lukas Fernández asks where order 24 is.	\N	2023-03-11 00:30:00+00
9	100	sofía.dubois100@gmail.test	2001:db8:3f1::3f	Called back on +44 7700 991900.\nCustomer said: "the parcel never came".	\N	2023-03-12 05:30:00+00
10	111	tomás.thorsen111@fastmail.test	2001:db8:3f2::46	Refund to IBAN GB32NWBK85769700003441\tapproved by team lead.	\\x1abf641fe56ead90ece477b305c756b9	2023-03-13 10:30:00+00
11	2	amélie.marchetti2@corp.test	2001:db8:3f3::4d	Password reset requested from amélie.marchetti2@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-03-14 15:30:00+00
12	13	oskar.whitfield13@mailbox.test	\N	Customer Oskar Whitfield asks where order 36 is.	\N	2023-03-15 20:30:00+00
13	24	chloé.fernández24@gmail.test	2001:db8:3f5::5b	Called back on +44 7700 990056.\nCustomer said: "the parcel never came".	\N	2023-03-17 01:30:00+00
14	35	noah.dubois35@fastmail.test	2001:db8:3f6::62	Refund to IBAN GB45NWBK27044500001085\tapproved by team lead.	\N	2023-03-18 06:30:00+00
15	46	aoife.thorsen46@corp.test	2001:db8:3f7::69	Password reset requested from aoife.thorsen46@corp.test; sent link; C:\\tmp\\reset.log attached.	\\xdb79986200f308166db9bbca3750f403	2023-03-19 11:30:00+00
16	57	lukas.schäfer57@mailbox.test	\N	Customer Lukas Schäfer asks where order 48 is.	\N	2023-03-20 16:30:00+00
17	68	sofía.lindqvist68@gmail.test	2001:db8:3f9::77	Called back on +44 7700 938492.\nCustomer said: "the parcel never came".	\N	2023-03-21 21:30:00+00
18	79	tomás.brennan79@fastmail.test	2001:db8:3fa::7e	Refund to IBAN GB89NWBK61043300002449\tapproved by team lead.	\N	2023-03-23 02:30:00+00
19	90	priya.haddad90@corp.test	2001:db8:3fb::85	Password reset requested from priya.haddad90@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-03-24 07:30:00+00
20	101	mateo.o'sullivan101@mailbox.test	\N	Customer Mateo O'Sullivan asks where order 60 is.	\\x62d62df6c3562b0ab71cd56c73eada38	2023-03-25 12:30:00+00
21	112	olivia.okonkwo112@gmail.test	2001:db8:3fd::93	Called back on +44 7700 986928.\nCustomer said: "the parcel never came".	\N	2023-03-26 17:30:00+00
22	3	noah.lindqvist3@fastmail.test	2001:db8:3fe::9a	Refund to IBAN GB13NWBK02318100000093\tapproved by team lead.	\N	2023-03-27 22:30:00+00
23	14	aoife.brennan14@corp.test	2001:db8:3ff::a1	Password reset requested from aoife.brennan14@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-03-29 03:30:00+00
24	25	lukas.haddad25@mailbox.test	\N	Customer Lukas Haddad asks where order 72 is.	\N	2023-03-30 08:30:00+00
25	36	sofía.o'sullivan36@gmail.test	2001:db8:401::af	Called back on no phone.\nCustomer said: "the parcel never came".	\\x1c6ff3c84416a738f7536071ed1d4695	2023-03-31 13:30:00+00
26	47	tomás.okonkwo47@fastmail.test	2001:db8:402::b6	Refund to IBAN GB57NWBK36316900001457\tapproved by team lead.	\N	2023-04-01 18:30:00+00
27	58	priya.nakamura58@corp.test	2001:db8:403::bd	Password reset requested from priya.nakamura58@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-04-02 23:30:00+00
28	69	mateo.kowalczyk69@mailbox.test	\N	Customer Mateo Kowalczyk asks where order 84 is.	\N	2023-04-04 04:30:00+00
29	80	olivia.marchetti80@gmail.test	2001:db8:405::cb	Called back on +44 7700 933520.\nCustomer said: "the parcel never came".	\N	2023-04-05 09:30:00+00
30	91	kenji.whitfield91@fastmail.test	2001:db8:406::d2	Refund to IBAN GB12NWBK70315700002821\tapproved by team lead.	\\x171a9f7b9635699381de08168f13590b	2023-04-06 14:30:00+00
31	102	hannah.fernández102@corp.test	2001:db8:407::d9	Password reset requested from hannah.fernández102@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-04-07 19:30:00+00
32	113	liam.dubois113@mailbox.test	\N	Customer Liam Dubois asks where order 96 is.	\N	2023-04-09 00:30:00+00
33	4	sofía.kowalczyk4@gmail.test	2001:db8:409::e7	Called back on +44 7700 931676.\nCustomer said: "the parcel never came".	\N	2023-04-10 05:30:00+00
34	15	tomás.marchetti15@fastmail.test	2001:db8:40a::ee	Refund to IBAN GB25NWBK11590500000465\tapproved by team lead.	\N	2023-04-11 10:30:00+00
35	26	priya.whitfield26@corp.test	2001:db8:40b::f5	Password reset requested from priya.whitfield26@corp.test; sent link; C:\\tmp\\reset.log attached.	\\x8ad73cdd76dbab053d7398a7d4c40726	2023-04-12 15:30:00+00
36	37	mateo.fernández37@mailbox.test	\N	Customer Mateo Fernández asks where order 108 is.	\N	2023-04-13 20:30:00+00
37	48	olivia.dubois48@gmail.test	2001:db8:40d::103	Called back on +44 7700 980112.\nCustomer said: "the parcel never came".	\N	2023-04-15 01:30:00+00
38	59	kenji.thorsen59@fastmail.test	2001:db8:40e::10a	Refund to IBAN GB69NWBK45589300001829\tapproved by team lead.	\N	2023-04-16 06:30:00+00
39	70	hannah.schäfer70@corp.test	2001:db8:40f::111	Password reset requested from hannah.schäfer70@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-04-17 11:30:00+00
40	81	liam.lindqvist81@mailbox.test	\N	Customer Liam Lindqvist asks where order 120 is.	\\x513c2e900530363f6a655e919d82c504	2023-04-18 16:30:00+00
41	92	zoë.brennan92@gmail.test	2001:db8:411::11f	Called back on +44 7700 928548.\nCustomer said: "the parcel never came".	\N	2023-04-19 21:30:00+00
42	103	yusuf.haddad103@fastmail.test	2001:db8:412::126	Refund to IBAN GB24NWBK79588100003193\tapproved by team lead.	\N	2023-04-21 02:30:00+00
43	114	amélie.o'sullivan114@corp.test	2001:db8:413::12d	Password reset requested from amélie.o'sullivan114@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-04-22 07:30:00+00
44	5	mateo.schäfer5@mailbox.test	\N	Customer Mateo Schäfer asks where order 132 is.	\N	2023-04-23 12:30:00+00
45	16	olivia.lindqvist16@gmail.test	2001:db8:415::13b	Called back on +44 7700 926704.\nCustomer said: "the parcel never came".	\\xfe11cde81872072308f47658eeff54df	2023-04-24 17:30:00+00
46	27	kenji.brennan27@fastmail.test	2001:db8:416::142	Refund to IBAN GB37NWBK20862900000837\tapproved by team lead.	\N	2023-04-25 22:30:00+00
47	38	hannah.haddad38@corp.test	2001:db8:417::149	Password reset requested from hannah.haddad38@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-04-27 03:30:00+00
48	49	liam.o'sullivan49@mailbox.test	\N	Customer Liam O'Sullivan asks where order 144 is.	\N	2023-04-28 08:30:00+00
49	60	zoë.okonkwo60@gmail.test	2001:db8:419::157	Called back on +44 7700 975140.\nCustomer said: "the parcel never came".	\N	2023-04-29 13:30:00+00
50	71	yusuf.nakamura71@fastmail.test	2001:db8:41a::15e	Refund to IBAN GB81NWBK54861700002201\tapproved by team lead.	\\x4e135bbd643f0b71e03e59426da9b1c6	2023-04-30 18:30:00+00
51	82	amélie.kowalczyk82@corp.test	2001:db8:41b::165	Password reset requested from amélie.kowalczyk82@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-05-01 23:30:00+00
52	93	oskar.marchetti93@mailbox.test	\N	Customer Oskar Marchetti asks where order 156 is.	\N	2023-05-03 04:30:00+00
53	104	chloé.whitfield104@gmail.test	2001:db8:41d::173	Called back on +44 7700 923576.\nCustomer said: "the parcel never came".	\N	2023-05-04 09:30:00+00
54	115	noah.fernández115@fastmail.test	2001:db8:41e::17a	Refund to IBAN GB36NWBK88860500003565\tapproved by team lead.	\N	2023-05-05 14:30:00+00
55	6	hannah.nakamura6@corp.test	2001:db8:41f::181	Password reset requested from hannah.nakamura6@corp.test; sent link; C:\\tmp\\reset.log attached.	\\x5514d563551a3b069d1d67f5cc821261	2023-05-06 19:30:00+00
56	17	liam.kowalczyk17@mailbox.test	\N	Customer Liam Kowalczyk asks where order 168 is.	\N	2023-05-08 00:30:00+00
57	28	zoë.marchetti28@gmail.test	2001:db8:421::18f	Called back on +44 7700 921732.\nCustomer said: "the parcel never came".	\N	2023-05-09 05:30:00+00
58	39	yusuf.whitfield39@fastmail.test	2001:db8:422::196	Refund to IBAN GB49NWBK30135300001209\tapproved by team lead.	\N	2023-05-10 10:30:00+00
59	50	amélie.fernández50@corp.test	2001:db8:423::19d	Password reset requested from amélie.fernández50@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-05-11 15:30:00+00
60	61	oskar.dubois61@mailbox.test	\N	Customer Oskar Dubois asks where order 180 is.	\\x22d80552c6b81851915c9936ffeab85f	2023-05-12 20:30:00+00
61	72	chloé.thorsen72@gmail.test	2001:db8:425::1ab	Called back on no phone.\nCustomer said: "the parcel never came".	\N	2023-05-14 01:30:00+00
62	83	noah.schäfer83@fastmail.test	2001:db8:426::1b2	Refund to IBAN GB93NWBK64134100002573\tapproved by team lead.	\N	2023-05-15 06:30:00+00
63	94	aoife.lindqvist94@corp.test	2001:db8:427::1b9	Password reset requested from aoife.lindqvist94@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-05-16 11:30:00+00
64	105	lukas.brennan105@mailbox.test	\N	Customer Lukas Brennan asks where order 192 is.	\N	2023-05-17 16:30:00+00
65	116	sofía.haddad116@gmail.test	2001:db8:429::1c7	Called back on +44 7700 918604.\nCustomer said: "the parcel never came".	\\xab4f5e1cadbc847234c06067a980e20e	2023-05-18 21:30:00+00
66	7	yusuf.thorsen7@fastmail.test	2001:db8:42a::1ce	Refund to IBAN GB17NWBK05408900000217\tapproved by team lead.	\N	2023-05-20 02:30:00+00
67	18	amélie.schäfer18@corp.test	2001:db8:42b::1d5	Password reset requested from amélie.schäfer18@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-05-21 07:30:00+00
68	29	oskar.lindqvist29@mailbox.test	\N	Customer Oskar Lindqvist asks where order 204 is.	\N	2023-05-22 12:30:00+00
69	40	chloé.brennan40@gmail.test	2001:db8:42d::1e3	Called back on +44 7700 916760.\nCustomer said: "the parcel never came".	\N	2023-05-23 17:30:00+00
70	51	noah.haddad51@fastmail.test	2001:db8:42e::1ea	Refund to IBAN GB61NWBK39407700001581\tapproved by team lead.	\\x206b1ee9856423116d457e72d6438d04	2023-05-24 22:30:00+00
71	62	aoife.o'sullivan62@corp.test	2001:db8:42f::1f1	Password reset requested from aoife.o'sullivan62@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-05-26 03:30:00+00
72	73	lukas.okonkwo73@mailbox.test	\N	Customer Lukas Okonkwo asks where order 216 is.	\N	2023-05-27 08:30:00+00
73	84	sofía.nakamura84@gmail.test	2001:db8:431::1ff	Called back on +44 7700 965196.\nCustomer said: "the parcel never came".	\N	2023-05-28 13:30:00+00
74	95	tomás.kowalczyk95@fastmail.test	2001:db8:432::206	Refund to IBAN GB16NWBK73406500002945\tapproved by team lead.	\N	2023-05-29 18:30:00+00
75	106	priya.marchetti106@corp.test	2001:db8:433::20d	Password reset requested from priya.marchetti106@corp.test; sent link; C:\\tmp\\reset.log attached.	\\x74716e433d02d5b5a2252c070aa017d4	2023-05-30 23:30:00+00
76	117	mateo.whitfield117@mailbox.test	\N	Customer Mateo Whitfield asks where order 228 is.	\N	2023-06-01 04:30:00+00
77	8	chloé.okonkwo8@gmail.test	2001:db8:435::21b	Called back on +44 7700 963352.\nCustomer said: "the parcel never came".	\N	2023-06-02 09:30:00+00
78	19	noah.nakamura19@fastmail.test	2001:db8:436::222	Refund to IBAN GB29NWBK14681300000589\tapproved by team lead.	\N	2023-06-03 14:30:00+00
79	30	aoife.kowalczyk30@corp.test	2001:db8:437::229	Password reset requested from aoife.kowalczyk30@corp.test; sent link; C:\\tmp\\reset.log attached.	\N	2023-06-04 19:30:00+00
80	41	lukas.marchetti41@mailbox.test	\N	Customer Lukas Marchetti asks where order 240 is.	\\x9b72b28932a32b3b6e36a74ac463afc0	2023-06-06 00:30:00+00
\.


--
-- Data for Name: addresses; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.addresses (id, customer_id, kind, recipient, street, city, postcode, country, is_default) FROM stdin;
1	1	shipping	Liam Brennan	30 Rue des Martyrs	Paris	75009	France	t
2	2	shipping	Amélie Marchetti	59 Via Garibaldi	Torino	10121	Italy	t
3	3	billing	Noah Lindqvist	88 Calle de Alcalá	Madrid	28014	Spain	t
4	4	shipping	Sofía Kowalczyk	117 Kastanienallee	Berlin	10435	Germany	t
5	5	shipping	Mateo Schäfer	146 Elm Close	Leeds	LS1 3EX	United Kingdom	t
6	6	billing	Hannah Nakamura	175 Harbour View	Cork	T12 X70	Ireland	t
7	7	shipping	Yusuf Thorsen	204 Sakura-dori	Kyōto	600-8216	Japan	t
8	8	shipping	Chloé Okonkwo	233 Kingsland Road	London	E8 4AA	United Kingdom	t
9	9	billing	Lukas Dubois	22 Rue des Martyrs	Paris	75009	France	t
10	10	shipping	Priya O'Sullivan	51 Via Garibaldi	Torino	10121	Italy	t
11	11	shipping	Kenji Fernández	80 Calle de Alcalá	Madrid	28014	Spain	t
12	12	billing	Zoë Haddad	109 Kastanienallee	Berlin	10435	Germany	t
13	13	shipping	Oskar Whitfield	138 Elm Close	Leeds	LS1 3EX	United Kingdom	t
14	14	shipping	Aoife Brennan	167 Harbour View	Cork	T12 X70	Ireland	t
15	15	billing	Tomás Marchetti	196 Sakura-dori	Kyōto	600-8216	Japan	t
16	16	shipping	Olivia Lindqvist	225 Kingsland Road	London	E8 4AA	United Kingdom	t
17	17	shipping	Liam Kowalczyk	14 Rue des Martyrs	Paris	\N	France	t
18	18	billing	Amélie Schäfer	43 Via Garibaldi	Torino	10121	Italy	t
19	19	shipping	Noah Nakamura	72 Calle de Alcalá	Madrid	28014	Spain	t
20	20	shipping	Sofía Thorsen	101 Kastanienallee	Berlin	10435	Germany	t
21	21	billing	Mateo Okonkwo	130 Elm Close	Leeds	LS1 3EX	United Kingdom	t
22	22	shipping	Hannah Dubois	159 Harbour View	Cork	T12 X70	Ireland	t
23	23	shipping	Yusuf O'Sullivan	188 Sakura-dori	Kyōto	600-8216	Japan	t
24	24	billing	Chloé Fernández	217 Kingsland Road	London	E8 4AA	United Kingdom	t
25	25	shipping	Lukas Haddad	6 Rue des Martyrs	Paris	75009	France	t
26	26	shipping	Priya Whitfield	35 Via Garibaldi	Torino	10121	Italy	t
27	27	billing	Kenji Brennan	64 Calle de Alcalá	Madrid	28014	Spain	t
28	28	shipping	Zoë Marchetti	93 Kastanienallee	Berlin	10435	Germany	t
29	29	shipping	Oskar Lindqvist	122 Elm Close	Leeds	LS1 3EX	United Kingdom	t
30	30	billing	Aoife Kowalczyk	151 Harbour View	Cork	T12 X70	Ireland	t
31	31	shipping	Tomás Schäfer	180 Sakura-dori	Kyōto	600-8216	Japan	t
32	32	shipping	Olivia Nakamura	209 Kingsland Road	London	E8 4AA	United Kingdom	t
33	33	billing	Liam Thorsen	238 Rue des Martyrs	Paris	75009	France	t
34	34	shipping	Amélie Okonkwo	27 Via Garibaldi	Torino	\N	Italy	t
35	35	shipping	Noah Dubois	56 Calle de Alcalá	Madrid	28014	Spain	t
36	36	billing	Sofía O'Sullivan	85 Kastanienallee	Berlin	10435	Germany	t
37	37	shipping	Mateo Fernández	114 Elm Close	Leeds	LS1 3EX	United Kingdom	t
38	38	shipping	Hannah Haddad	143 Harbour View	Cork	T12 X70	Ireland	t
39	39	billing	Yusuf Whitfield	172 Sakura-dori	Kyōto	600-8216	Japan	t
40	40	shipping	Chloé Brennan	201 Kingsland Road	London	E8 4AA	United Kingdom	t
41	41	shipping	Lukas Marchetti	230 Rue des Martyrs	Paris	75009	France	t
42	42	billing	Priya Lindqvist	19 Via Garibaldi	Torino	10121	Italy	t
43	43	shipping	Kenji Kowalczyk	48 Calle de Alcalá	Madrid	28014	Spain	t
44	44	shipping	Zoë Schäfer	77 Kastanienallee	Berlin	10435	Germany	t
45	45	billing	Oskar Nakamura	106 Elm Close	Leeds	LS1 3EX	United Kingdom	t
46	46	shipping	Aoife Thorsen	135 Harbour View	Cork	T12 X70	Ireland	t
47	47	shipping	Tomás Okonkwo	164 Sakura-dori	Kyōto	600-8216	Japan	t
48	48	billing	Olivia Dubois	193 Kingsland Road	London	E8 4AA	United Kingdom	t
49	49	shipping	Liam O'Sullivan	222 Rue des Martyrs	Paris	75009	France	t
50	50	shipping	Amélie Fernández	11 Via Garibaldi	Torino	10121	Italy	t
51	51	billing	Noah Haddad	40 Calle de Alcalá	Madrid	\N	Spain	t
52	52	shipping	Sofía Whitfield	69 Kastanienallee	Berlin	10435	Germany	t
53	53	shipping	Mateo Brennan	98 Elm Close	Leeds	LS1 3EX	United Kingdom	t
54	54	billing	Hannah Marchetti	127 Harbour View	Cork	T12 X70	Ireland	t
55	55	shipping	Yusuf Lindqvist	156 Sakura-dori	Kyōto	600-8216	Japan	t
56	56	shipping	Chloé Kowalczyk	185 Kingsland Road	London	E8 4AA	United Kingdom	t
57	57	billing	Lukas Schäfer	214 Rue des Martyrs	Paris	75009	France	t
58	58	shipping	Priya Nakamura	3 Via Garibaldi	Torino	10121	Italy	t
59	59	shipping	Kenji Thorsen	32 Calle de Alcalá	Madrid	28014	Spain	t
60	60	billing	Zoë Okonkwo	61 Kastanienallee	Berlin	10435	Germany	t
61	61	shipping	Oskar Dubois	90 Elm Close	Leeds	LS1 3EX	United Kingdom	t
62	62	shipping	Aoife O'Sullivan	119 Harbour View	Cork	T12 X70	Ireland	t
63	63	billing	Tomás Fernández	148 Sakura-dori	Kyōto	600-8216	Japan	t
64	64	shipping	Olivia Haddad	177 Kingsland Road	London	E8 4AA	United Kingdom	t
65	65	shipping	Liam Whitfield	206 Rue des Martyrs	Paris	75009	France	t
66	66	billing	Amélie Brennan	235 Via Garibaldi	Torino	10121	Italy	t
67	67	shipping	Noah Marchetti	24 Calle de Alcalá	Madrid	28014	Spain	t
68	68	shipping	Sofía Lindqvist	53 Kastanienallee	Berlin	\N	Germany	t
69	69	billing	Mateo Kowalczyk	82 Elm Close	Leeds	LS1 3EX	United Kingdom	t
70	70	shipping	Hannah Schäfer	111 Harbour View	Cork	T12 X70	Ireland	t
71	71	shipping	Yusuf Nakamura	140 Sakura-dori	Kyōto	600-8216	Japan	t
72	72	billing	Chloé Thorsen	169 Kingsland Road	London	E8 4AA	United Kingdom	t
73	73	shipping	Lukas Okonkwo	198 Rue des Martyrs	Paris	75009	France	t
74	74	shipping	Priya Dubois	227 Via Garibaldi	Torino	10121	Italy	t
75	75	billing	Kenji O'Sullivan	16 Calle de Alcalá	Madrid	28014	Spain	t
76	76	shipping	Zoë Fernández	45 Kastanienallee	Berlin	10435	Germany	t
77	77	shipping	Oskar Haddad	74 Elm Close	Leeds	LS1 3EX	United Kingdom	t
78	78	billing	Aoife Whitfield	103 Harbour View	Cork	T12 X70	Ireland	t
79	79	shipping	Tomás Brennan	132 Sakura-dori	Kyōto	600-8216	Japan	t
80	80	shipping	Olivia Marchetti	161 Kingsland Road	London	E8 4AA	United Kingdom	t
81	81	billing	Liam Lindqvist	190 Rue des Martyrs	Paris	75009	France	t
82	82	shipping	Amélie Kowalczyk	219 Via Garibaldi	Torino	10121	Italy	t
83	83	shipping	Noah Schäfer	8 Calle de Alcalá	Madrid	28014	Spain	t
84	84	billing	Sofía Nakamura	37 Kastanienallee	Berlin	10435	Germany	t
85	85	shipping	Mateo Thorsen	66 Elm Close	Leeds	\N	United Kingdom	t
86	86	shipping	Hannah Okonkwo	95 Harbour View	Cork	T12 X70	Ireland	t
87	87	billing	Yusuf Dubois	124 Sakura-dori	Kyōto	600-8216	Japan	t
88	88	shipping	Chloé O'Sullivan	153 Kingsland Road	London	E8 4AA	United Kingdom	t
89	89	shipping	Lukas Fernández	182 Rue des Martyrs	Paris	75009	France	t
90	90	billing	Priya Haddad	211 Via Garibaldi	Torino	10121	Italy	t
91	91	shipping	Kenji Whitfield	240 Calle de Alcalá	Madrid	28014	Spain	t
92	92	shipping	Zoë Brennan	29 Kastanienallee	Berlin	10435	Germany	t
93	93	billing	Oskar Marchetti	58 Elm Close	Leeds	LS1 3EX	United Kingdom	t
94	94	shipping	Aoife Lindqvist	87 Harbour View	Cork	T12 X70	Ireland	t
95	95	shipping	Tomás Kowalczyk	116 Sakura-dori	Kyōto	600-8216	Japan	t
96	96	billing	Olivia Schäfer	145 Kingsland Road	London	E8 4AA	United Kingdom	t
97	97	shipping	Liam Nakamura	174 Rue des Martyrs	Paris	75009	France	t
98	98	shipping	Amélie Thorsen	203 Via Garibaldi	Torino	10121	Italy	t
99	99	billing	Noah Okonkwo	232 Calle de Alcalá	Madrid	28014	Spain	t
100	100	shipping	Sofía Dubois	21 Kastanienallee	Berlin	10435	Germany	t
101	101	shipping	Mateo O'Sullivan	50 Elm Close	Leeds	LS1 3EX	United Kingdom	t
102	102	billing	Hannah Fernández	79 Harbour View	Cork	\N	Ireland	t
103	103	shipping	Yusuf Haddad	108 Sakura-dori	Kyōto	600-8216	Japan	t
104	104	shipping	Chloé Whitfield	137 Kingsland Road	London	E8 4AA	United Kingdom	t
105	105	billing	Lukas Brennan	166 Rue des Martyrs	Paris	75009	France	t
106	106	shipping	Priya Marchetti	195 Via Garibaldi	Torino	10121	Italy	t
107	107	shipping	Kenji Lindqvist	224 Calle de Alcalá	Madrid	28014	Spain	t
108	108	billing	Zoë Kowalczyk	13 Kastanienallee	Berlin	10435	Germany	t
109	109	shipping	Oskar Schäfer	42 Elm Close	Leeds	LS1 3EX	United Kingdom	t
110	110	shipping	Aoife Nakamura	71 Harbour View	Cork	T12 X70	Ireland	t
111	111	billing	Tomás Thorsen	100 Sakura-dori	Kyōto	600-8216	Japan	t
112	112	shipping	Olivia Okonkwo	129 Kingsland Road	London	E8 4AA	United Kingdom	t
113	113	shipping	Liam Dubois	158 Rue des Martyrs	Paris	75009	France	t
114	114	billing	Amélie O'Sullivan	187 Via Garibaldi	Torino	10121	Italy	t
115	115	shipping	Noah Fernández	216 Calle de Alcalá	Madrid	28014	Spain	t
116	116	shipping	Sofía Haddad	5 Kastanienallee	Berlin	10435	Germany	t
117	117	billing	Mateo Whitfield	34 Elm Close	Leeds	LS1 3EX	United Kingdom	t
118	118	shipping	Hannah Brennan	63 Harbour View	Cork	T12 X70	Ireland	t
119	119	shipping	Yusuf Marchetti	92 Sakura-dori	Kyōto	\N	Japan	t
120	120	billing	Chloé Lindqvist	121 Kingsland Road	London	E8 4AA	United Kingdom	t
121	1	shipping	Liam Brennan	150 Rue des Martyrs	Paris	75009	France	f
122	2	shipping	Amélie Marchetti	179 Via Garibaldi	Torino	10121	Italy	f
123	3	billing	Noah Lindqvist	208 Calle de Alcalá	Madrid	28014	Spain	f
124	4	shipping	Sofía Kowalczyk	237 Kastanienallee	Berlin	10435	Germany	f
125	5	shipping	Mateo Schäfer	26 Elm Close	Leeds	LS1 3EX	United Kingdom	f
126	6	billing	Hannah Nakamura	55 Harbour View	Cork	T12 X70	Ireland	f
127	7	shipping	Yusuf Thorsen	84 Sakura-dori	Kyōto	600-8216	Japan	f
128	8	shipping	Chloé Okonkwo	113 Kingsland Road	London	E8 4AA	United Kingdom	f
129	9	billing	Lukas Dubois	142 Rue des Martyrs	Paris	75009	France	f
130	10	shipping	Priya O'Sullivan	171 Via Garibaldi	Torino	10121	Italy	f
131	11	shipping	Kenji Fernández	200 Calle de Alcalá	Madrid	28014	Spain	f
132	12	billing	Zoë Haddad	229 Kastanienallee	Berlin	10435	Germany	f
133	13	shipping	Oskar Whitfield	18 Elm Close	Leeds	LS1 3EX	United Kingdom	f
134	14	shipping	Aoife Brennan	47 Harbour View	Cork	T12 X70	Ireland	f
135	15	billing	Tomás Marchetti	76 Sakura-dori	Kyōto	600-8216	Japan	f
136	16	shipping	Olivia Lindqvist	105 Kingsland Road	London	\N	United Kingdom	f
137	17	shipping	Liam Kowalczyk	134 Rue des Martyrs	Paris	75009	France	f
138	18	billing	Amélie Schäfer	163 Via Garibaldi	Torino	10121	Italy	f
139	19	shipping	Noah Nakamura	192 Calle de Alcalá	Madrid	28014	Spain	f
140	20	shipping	Sofía Thorsen	221 Kastanienallee	Berlin	10435	Germany	f
141	21	billing	Mateo Okonkwo	10 Elm Close	Leeds	LS1 3EX	United Kingdom	f
142	22	shipping	Hannah Dubois	39 Harbour View	Cork	T12 X70	Ireland	f
143	23	shipping	Yusuf O'Sullivan	68 Sakura-dori	Kyōto	600-8216	Japan	f
144	24	billing	Chloé Fernández	97 Kingsland Road	London	E8 4AA	United Kingdom	f
145	25	shipping	Lukas Haddad	126 Rue des Martyrs	Paris	75009	France	f
146	26	shipping	Priya Whitfield	155 Via Garibaldi	Torino	10121	Italy	f
147	27	billing	Kenji Brennan	184 Calle de Alcalá	Madrid	28014	Spain	f
148	28	shipping	Zoë Marchetti	213 Kastanienallee	Berlin	10435	Germany	f
149	29	shipping	Oskar Lindqvist	2 Elm Close	Leeds	LS1 3EX	United Kingdom	f
150	30	billing	Aoife Kowalczyk	31 Harbour View	Cork	T12 X70	Ireland	f
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.customers (id, external_id, email, username, first_name, last_name, phone, date_of_birth, company, job_title, national_id, iban, password_hash, api_token, marketing_opt_in, created_at, title, recovery_email, loyalty_card, passport_no, age, customer_no) FROM stdin;
1	9b11f2b6-c864-10c9-2923-3afa11655811	liam.brennan1@mailbox.test	liam_b1	Liam	Brennan	+44 7700 907919	1950-08-21	Nordlicht GmbH	Backend Developer	QQ104729B	GB11NWBK00772700000031	$2b$12$8d8f2628cfce1853efc0d027be4f6ce41509d7cd433210da3c42822423a22d95	sk_live_13af16a2186686e926fe14255668ab01	f	2022-01-05 12:17:00+00	Mr	liam.1@proton.test	LC-7243-3571	000048271	76	CN-00007919
2	9fc215fc-9f6f-3076-87bd-57ce71263b4c	amélie.marchetti2@corp.test	amélie_m2	Amélie	Marchetti	+44 7700 915838	1951-02-10	Cobalt & Sons	Head of Sales	QQ209458C	GB12NWBK01545400000062	$2b$12$67b942f3e524ec767aa11e247ac01036eba6868077bac8982ed72bb616b19359	sk_live_9e8fac81545e8791c9ec93367373aca1	f	2022-01-07 15:34:00+00	Dr	amélie.2@outlook.test	LC-4486-7142	000096542	75	CN-00015838
3	d1b3acd3-6066-0a17-8057-9a5e8d462712	noah.lindqvist3@fastmail.test	noah_l3	Noah	Lindqvist	+44 7700 923757	1951-08-02	Hôtel Lumière SARL	Nurse	QQ314187D	GB13NWBK02318100000093	$2b$12$4aee0e4712257a91f834006fccf16394d8e2cab2bb423ce3c510c155bb62e407	sk_live_4631a0a8e12e34972d0e663ef5f6c92a	t	2022-01-09 18:51:00+00	Mx	noah.3@proton.test	LC-1729-0713	000144813	75	CN-00023757
4	740d87e8-e5da-a6c7-6c9d-0329f7787556	sofía.kowalczyk4@gmail.test	sofía_k4	Sofía	Kowalczyk	+44 7700 931676	1952-01-22	Quayside Analytics	Teacher	QQ418916A	GB14NWBK03090800000124	$2b$12$19fba5a514718a1ff009945297c65ffb17ef7145a55b7782db67178471709eb6	\N	f	2022-01-11 22:08:00+00	\N	\N	LC-8972-4284	000193084	74	CN-00031676
5	f1edb37b-8920-ee8c-fbdb-5b168fdbbb25	mateo.schäfer5@mailbox.test	mateo_s5	Mateo	Schäfer	+44 7700 939595	1952-07-13	\N	Logistics Planner	QQ523645B	GB15NWBK03863500000155	$2b$12$69a966c10c28bc4a1f54939c72aeaa696da767cd27715340b4702cce4cc345db	sk_live_60a572f3fc5f66021adbf2eaae94729a	f	2022-01-14 01:25:00+00	Ms	mateo.5@proton.test	LC-6215-7855	000241355	74	CN-00039595
6	8f1e3649-dac6-ac5c-cb11-cbde9a3acf20	hannah.nakamura6@corp.test	hannah_n6	Hannah	Nakamura	+44 7700 947514	1953-01-02	Brightwater Ltd	Student	QQ628374C	\N	$2b$12$4a2be5b9451851ded1bb67742ed13d896058a4fcbbb53a939a536505f416f07d	sk_live_d02ab102487827edc4f0f04cb6ee4add	t	2022-01-16 04:42:00+00	Mr	hannah.6@outlook.test	LC-3458-1426	000289626	73	CN-00047514
7	0ddc4d69-0dcf-fba9-15c2-88a68e6665de	yusuf.thorsen7@fastmail.test	yusuf_t7	Yusuf	Thorsen	+44 7700 955433	1953-06-24	Nordlicht GmbH	\N	\N	GB17NWBK05408900000217	$2b$12$fd12c1f606f0788527c8978f581daf06887a403d4a66a2eace5ada83657834d0	sk_live_a1ee6f11fcb389c5d377efe25465e342	f	2022-01-18 07:59:00+00	Dr	yusuf.7@proton.test	LC-0701-4997	000337897	73	CN-00055433
8	8533917d-6e3e-7d37-b775-177992b88389	chloé.okonkwo8@gmail.test	chloé_o8	Chloé	Okonkwo	+44 7700 963352	1953-12-14	Cobalt & Sons	Accountant	QQ837832A	GB18NWBK06181600000248	$2b$12$75c7fb4128b7196adbfdd1f0b5479588374da6ed072c2e06c55c1474781e2efd	\N	f	2022-01-20 11:16:00+00	Mx	\N	LC-7944-8568	\N	72	CN-00063352
9	25ffb4b5-7c36-a5f1-0013-0e350c39032b	lukas.dubois9@mailbox.test	lukas_d9	Lukas	Dubois	\N	1954-06-05	Hôtel Lumière SARL	Backend Developer	QQ942561B	GB19NWBK06954300000279	$2b$12$f997e3870ec95d3e2546a13354b09c34525fa6a8fd37f78ad5e81683ca946646	sk_live_19b394bb7be23df5d0b0be077921d080	t	2022-01-22 14:33:00+00	\N	lukas.9@proton.test	LC-5187-2139	000434439	72	CN-00071271
10	209611e1-ff7a-cdb1-2584-cd36a56a19b5	priya.o'sullivan10@corp.test	priya_o10	Priya	O'Sullivan	+44 7700 979190	1954-11-25	\N	Head of Sales	QQ047290C	GB20NWBK07727000000310	$2b$12$48fc92a7229aa42dcf2c5ed3de1778ceb89b3841b14af28cfd5c146dc60df4dc	sk_live_5418835bdad7ed3228c91a618380c180	f	2022-01-24 17:50:00+00	Ms	priya.10@outlook.test	LC-2430-5710	000482710	72	CN-00079190
11	c204100e-e2c7-2a84-f9c9-f5516f36654f	kenji.fernández11@fastmail.test	kenji_f11	Kenji	Fernández	+44 7700 987109	\N	Tanaka Trading K.K.	Nurse	QQ152019D	GB21NWBK08499700000341	$2b$12$5bd65b7e1862715735ed2487dddf3f9f2bfc9b6a6772dffae26b4993966c9956	sk_live_25e985d9704063e28c9e012f7dc30063	f	2022-01-26 21:07:00+00	Mr	kenji.11@proton.test	LC-9673-9281	000530981	\N	CN-00087109
12	da9215ea-bc52-f31c-cb9e-b53b148add1c	zoë.haddad12@gmail.test	zoë_h12	Zoë	Haddad	+44 7700 995028	1955-11-06	Brightwater Ltd	Teacher	QQ256748A	\N	$2b$12$c6f8d53503f9b08a789b0678371d760bb8e428e70bd637de2a4194bf1d56c86f	\N	t	2022-01-29 00:24:00+00	Dr	\N	LC-6916-2852	000579252	71	CN-00095028
13	7445c315-eea2-ccea-5503-46581e8d6cae	oskar.whitfield13@mailbox.test	oskar_w13	Oskar	Whitfield	+44 7700 902947	1956-04-27	Nordlicht GmbH	Logistics Planner	QQ361477B	GB23NWBK10045100000403	$2b$12$68bb6a6fd273d618c0f1fc7c4b2c94ad82f027b89a0909f5f43af609d6836a5c	sk_live_49c97563e9a4e6a107913cda166d2058	f	2022-01-31 03:41:00+00	Mx	oskar.13@proton.test	LC-4159-6423	000627523	70	CN-00102947
14	188e5300-9c66-b0a3-f02f-e71d4e512f03	aoife.brennan14@corp.test	aoife_b14	Aoife	Brennan	+44 7700 910866	1956-10-17	Cobalt & Sons	Student	\N	GB24NWBK10817800000434	$2b$12$6ebfde36fbae46885b10f51df32d15fb284305d7efd4cbf99bc660010e77c392	sk_live_b49afbb9e6dd8659a2cf4e9386c2e481	f	2022-02-02 06:58:00+00	\N	aoife.14@outlook.test	LC-1402-9994	000675794	70	CN-00110866
15	b9f5ea1c-39eb-ec14-92a4-ebd5ea74388d	tomás.marchetti15@fastmail.test	tomás_m15	Tomás	Marchetti	+44 7700 918785	1957-04-08	\N	\N	QQ570935D	GB25NWBK11590500000465	$2b$12$57309ae6b34d3ed23d8055d47d1642a5b973763e17eb3d9d71fd072a9a715db1	sk_live_70fb2cf240a53301e4869f7700e17b9a	t	2022-02-04 10:15:00+00	Ms	tomás.15@proton.test	LC-8645-3565	000724065	69	CN-00118785
16	2066fac1-fbc4-be52-5d41-1d3abc639078	olivia.lindqvist16@gmail.test	olivia_l16	Olivia	Lindqvist	+44 7700 926704	1957-09-28	Quayside Analytics	Accountant	QQ675664A	GB26NWBK12363200000496	$2b$12$dd8e70546396cdd514822f46493a1bc8f1005cb9bedfddc9683f2c50cf763e00	\N	f	2022-02-06 13:32:00+00	Mr	\N	LC-5888-7136	\N	69	CN-00126704
17	1b9f5338-e478-c102-bb1d-b3b4b0c9c50f	liam.kowalczyk17@mailbox.test	liam_k17	Liam	Kowalczyk	+44 7700 934623	1958-03-20	Tanaka Trading K.K.	Backend Developer	QQ780393B	GB27NWBK13135900000527	$2b$12$63fb51e76fa098623ddc0c861784d6a0776cac6866aebcd98a8de1467004eee5	sk_live_1259f76e58e2b17a9135042391efb8b4	f	2022-02-08 16:49:00+00	Dr	liam.17@proton.test	LC-3131-0707	000820607	68	CN-00134623
18	23f8bad3-db6d-197b-e529-45cf58f622c2	amélie.schäfer18@corp.test	amélie_s18	Amélie	Schäfer	\N	1958-09-09	Brightwater Ltd	Head of Sales	QQ885122C	\N	$2b$12$2f2055a4ca4432032fee73a5a4f35b60e5015f67c8b3540618b8a5cb3f188309	sk_live_e5eeeae27b5adcf5d1acffcb635073df	t	2022-02-10 20:06:00+00	Mx	amélie.18@outlook.test	LC-0374-4278	000868878	68	CN-00142542
19	207af6b3-f3c1-3032-fad9-866d24b04ce0	noah.nakamura19@fastmail.test	noah_n19	Noah	Nakamura	+44 7700 950461	1959-03-01	Nordlicht GmbH	Nurse	QQ989851D	GB29NWBK14681300000589	$2b$12$c6537f17d1b2321788efdb578b2d7cf76a2a51aaecfd1b2706841ec8f359bca3	sk_live_a90db21e8f652842a8a943cb281c8eec	f	2022-02-12 23:23:00+00	\N	noah.19@proton.test	LC-7617-7849	000917149	67	CN-00150461
20	6d6b4d9f-bb57-1e20-8e80-c4c738fdbd28	sofía.thorsen20@gmail.test	sofía_t20	Sofía	Thorsen	+44 7700 958380	1959-08-21	\N	Teacher	QQ094580A	GB30NWBK15454000000620	$2b$12$0d731304b8130b4882bf325c70b8552364397622ec7b58444c06eb799d23624f	\N	f	2022-02-15 02:40:00+00	Ms	\N	LC-4860-1420	000965420	67	CN-00158380
21	6de24750-2457-8c23-6f5d-7c3bd92eff34	mateo.okonkwo21@mailbox.test	mateo_o21	Mateo	Okonkwo	+44 7700 966299	1960-02-10	Hôtel Lumière SARL	Logistics Planner	\N	GB31NWBK16226700000651	$2b$12$e42ef13f877314b57fb700db889451798d6ccf1420d9bafb2f8236da81778af4	sk_live_15c5753cd97fc0b0fefd452d24b8a4d8	t	2022-02-17 05:57:00+00	Mr	mateo.21@proton.test	LC-2103-4991	001013691	66	CN-00166299
22	aed2c980-0392-eeaf-8f5d-48f4eeba82da	hannah.dubois22@corp.test	hannah_d22	Hannah	Dubois	+44 7700 974218	\N	Quayside Analytics	Student	QQ304038C	GB32NWBK16999400000682	$2b$12$3856c3e994c62bae3f1d7a9f3aba9ee004a5abec86921e93bbae4827096b3055	sk_live_c4b51508faf8f798db7fa4abfaf9fe04	f	2022-02-19 09:14:00+00	Dr	hannah.22@outlook.test	LC-9346-8562	001061962	\N	CN-00174218
23	d03df7f1-8353-19f8-49c4-0a8e158ab03d	yusuf.o'sullivan23@fastmail.test	yusuf_o23	Yusuf	O'Sullivan	+44 7700 982137	1961-01-21	Tanaka Trading K.K.	\N	QQ408767D	GB33NWBK17772100000713	$2b$12$6ec5d27929a8b624b235eaa62e146ed6bd74111d90652718c8c850cced41212a	sk_live_8478cff91d2bde52165f5db8a39146eb	f	2022-02-21 12:31:00+00	Mx	yusuf.23@proton.test	LC-6589-2133	001110233	65	CN-00182137
24	436e9420-5396-8ba6-0ad3-da32a594a2ed	chloé.fernández24@gmail.test	chloé_f24	Chloé	Fernández	+44 7700 990056	1961-07-13	Brightwater Ltd	Accountant	QQ513496A	\N	$2b$12$c068f746b5b4d38e8b9d6f232e4693a47784635ebd5afd426cd9742c3804b141	\N	t	2022-02-23 15:48:00+00	\N	\N	LC-3832-5704	\N	65	CN-00190056
25	7f7577d0-b20b-517f-f479-1b1114eed39b	lukas.haddad25@mailbox.test	lukas_h25	Lukas	Haddad	+44 7700 997975	1962-01-02	\N	Backend Developer	QQ618225B	GB35NWBK19317500000775	$2b$12$70e10aaf2e983567da565b874e6d51c6ea784b934be0abbc901518f31527238c	sk_live_615e74ae3676f56fdb8bf59829018a41	f	2022-02-25 19:05:00+00	Ms	lukas.25@proton.test	LC-1075-9275	001206775	64	CN-00197975
26	7db7a035-f55a-dbc5-fd67-e2f7c1290224	priya.whitfield26@corp.test	priya_w26	Priya	Whitfield	+44 7700 905894	1962-06-24	Cobalt & Sons	Head of Sales	QQ722954C	GB36NWBK20090200000806	$2b$12$0cb57fe58fb454c5368d25ad38fdd860aa86ddbec412493a5975eb01316b8ddd	sk_live_3132cec46663e4d2059fa477fe3c259c	f	2022-02-27 22:22:00+00	Mr	priya.26@outlook.test	LC-8318-2846	001255046	64	CN-00205894
27	f68b8b21-f2de-e823-0560-b9d27de11271	kenji.brennan27@fastmail.test	kenji_b27	Kenji	Brennan	\N	1962-12-14	Hôtel Lumière SARL	Nurse	QQ827683D	GB37NWBK20862900000837	$2b$12$4f33ff1102dd1d2c3786bb866cb2fb7b6238f72d695a0637d6664798bc0f6644	sk_live_fbbd59fdb5ae5704f0489d4773b03785	t	2022-03-02 01:39:00+00	Dr	kenji.27@proton.test	LC-5561-6417	001303317	63	CN-00213813
28	b8af75b5-2746-4338-e776-333c201c3c45	zoë.marchetti28@gmail.test	zoë_m28	Zoë	Marchetti	+44 7700 921732	1963-06-05	Quayside Analytics	Teacher	\N	GB38NWBK21635600000868	$2b$12$8be0b18ce883de393c215a57b02a6f334e5e60e6958556e3c5bf90926e001512	\N	f	2022-03-04 04:56:00+00	Mx	\N	LC-2804-9988	001351588	63	CN-00221732
29	42195e65-e52a-6f08-2740-6b7149c91b1c	oskar.lindqvist29@mailbox.test	oskar_l29	Oskar	Lindqvist	+44 7700 929651	1963-11-25	Tanaka Trading K.K.	Logistics Planner	QQ037141B	GB39NWBK22408300000899	$2b$12$425619f0483a2eb431355d6778a0004d19591f16c56d9d43f8f4388c273058ae	sk_live_c3bacc98808d11e3e9d3bc34e1e02a13	f	2022-03-06 08:13:00+00	\N	oskar.29@proton.test	LC-0047-3559	001399859	63	CN-00229651
30	74788e42-6647-6701-1ba2-f3e58731b274	aoife.kowalczyk30@corp.test	aoife_k30	Aoife	Kowalczyk	+44 7700 937570	1964-05-16	\N	Student	QQ141870C	\N	$2b$12$6b13ca670d3a102d4333dce23ce6a3aec57dbf9dbd839878242749a044771993	sk_live_133290553b0a270693b1e6756c6c13ee	t	2022-03-08 11:30:00+00	Ms	aoife.30@outlook.test	LC-7290-7130	001448130	62	CN-00237570
31	f834df2d-140a-bfc5-8ab7-07c5a2941b4d	tomás.schäfer31@fastmail.test	tomás_s31	Tomás	Schäfer	+44 7700 945489	1964-11-05	Nordlicht GmbH	\N	QQ246599D	GB41NWBK23953700000961	$2b$12$05fa3d027b02011b242eadc3663d2e45674fca934670eeefb6dcdf979b55c827	sk_live_2f1c1c3303de44fb42e7d05997449607	f	2022-03-10 14:47:00+00	Mr	tomás.31@proton.test	LC-4533-0701	001496401	62	CN-00245489
32	c4b972df-b564-a9c9-639c-fd1dd4ee3469	olivia.nakamura32@gmail.test	olivia_n32	Olivia	Nakamura	+44 7700 953408	1965-04-27	Cobalt & Sons	Accountant	QQ351328A	GB42NWBK24726400000992	$2b$12$84b672f0e28231b510ec620dff55ab822f74559a4cf345c6a29aac2ac059df18	\N	f	2022-03-12 18:04:00+00	Dr	\N	LC-1776-4272	\N	61	CN-00253408
33	aa545003-1029-9ab8-6c39-a18e59611dca	liam.thorsen33@mailbox.test	liam_t33	Liam	Thorsen	+44 7700 961327	\N	Hôtel Lumière SARL	Backend Developer	QQ456057B	GB43NWBK25499100001023	$2b$12$d65e688af3ec972950c5f9b67f5afaf8f1840646dd43501acba4340eb780f85f	sk_live_6c4492faf78e8bda7e0d6e626beffbb1	t	2022-03-14 21:21:00+00	Mx	liam.33@proton.test	LC-9019-7843	001592943	\N	CN-00261327
34	377ecbb7-58b5-5c49-d647-20e7edb11889	amélie.okonkwo34@corp.test	amélie_o34	Amélie	Okonkwo	+44 7700 969246	1966-04-08	Quayside Analytics	Head of Sales	QQ560786C	GB44NWBK26271800001054	$2b$12$f1c04f3a230b9e6858fa471a3b75ff70b36ddea2f8ef95ec664c5690a0d5da1d	sk_live_6bc4b1621c128e2fdef4d7258c7c8d0d	f	2022-03-17 00:38:00+00	\N	amélie.34@outlook.test	LC-6262-1414	001641214	60	CN-00269246
35	664d3312-3b34-8971-41e9-e4e5f78143ed	noah.dubois35@fastmail.test	noah_d35	Noah	Dubois	+44 7700 977165	1966-09-28	\N	Nurse	\N	GB45NWBK27044500001085	$2b$12$04484aba657b4e36ebfa789133fc44717eb1f9c9367dc03ba109bf1079901520	sk_live_ecd6326d7ded42dff9e453c2ff83fa79	f	2022-03-19 03:55:00+00	Ms	noah.35@proton.test	LC-3505-4985	001689485	60	CN-00277165
36	39875bcc-ab6b-9516-72d2-1dbb66c275bd	sofía.o'sullivan36@gmail.test	sofía_o36	Sofía	O'Sullivan	\N	1967-03-20	Brightwater Ltd	Teacher	QQ770244A	\N	$2b$12$f0f61ee15ee1c9487aaf93aeae2dbf02b56ed2dd256f40f20e862371e961f496	\N	t	2022-03-21 07:12:00+00	Mr	\N	LC-0748-8556	001737756	59	CN-00285084
37	ecc750e6-d284-ab0f-a681-345c747c0985	mateo.fernández37@mailbox.test	mateo_f37	Mateo	Fernández	+44 7700 993003	1967-09-09	Nordlicht GmbH	Logistics Planner	QQ874973B	GB47NWBK28589900001147	$2b$12$15d875465e4c26a3e77cb672ffb05af650504ecf2cbf613fd4ae135949689593	sk_live_e4dfad272b9a189f8693832a831fc84b	f	2022-03-23 10:29:00+00	Dr	mateo.37@proton.test	LC-7991-2127	001786027	59	CN-00293003
38	d1ed0b2a-4e1f-d359-0ddb-b3a1e95c041c	hannah.haddad38@corp.test	hannah_h38	Hannah	Haddad	+44 7700 900922	1968-02-29	Cobalt & Sons	Student	QQ979702C	GB48NWBK29362600001178	$2b$12$2ee10dda5c914b5a051f5245f3846b13b314d95c6265a6a5bd551c1d1154142e	sk_live_df52338270cbcab09e1614d8aa3a8866	f	2022-03-25 13:46:00+00	Mx	hannah.38@outlook.test	LC-5234-5698	001834298	58	CN-00300922
39	0abe215d-4832-1215-fe7a-264bfb844be9	yusuf.whitfield39@fastmail.test	yusuf_w39	Yusuf	Whitfield	+44 7700 908841	1968-08-20	Hôtel Lumière SARL	\N	QQ084431D	GB49NWBK30135300001209	$2b$12$81ed590971abec52f7468cf0325ac01367652490e55f6e05ea10533e4493e746	sk_live_45815b53b4d5d64498827ea68d28b938	t	2022-03-27 17:03:00+00	\N	yusuf.39@proton.test	LC-2477-9269	001882569	58	CN-00308841
40	ec84f2fe-d0ec-1e4d-a80e-7e4cfbf82a33	chloé.brennan40@gmail.test	chloé_b40	Chloé	Brennan	+44 7700 916760	1969-02-09	\N	Accountant	QQ189160A	GB50NWBK30908000001240	$2b$12$4d2824254d9bdf2370ff69af0dce37a7d040113ee983a6d35e6157c1e2607cd5	\N	f	2022-03-29 20:20:00+00	Ms	\N	LC-9720-2840	\N	57	CN-00316760
41	c3e75220-571b-f6ed-f1ac-fbf69847c5ea	lukas.marchetti41@mailbox.test	lukas_m41	Lukas	Marchetti	+44 7700 924679	1969-08-01	Tanaka Trading K.K.	Backend Developer	QQ293889B	GB51NWBK31680700001271	$2b$12$8d0e590b4ba3713d50632de9ac786adb70a02ec24542b25e46e760d42ad45e19	sk_live_86ed298487758ab380df0aafb64d73c6	f	2022-03-31 23:37:00+00	Mr	lukas.41@proton.test	LC-6963-6411	001979111	57	CN-00324679
42	cd8e59ee-8a86-0085-890d-6eac45cd29b0	priya.lindqvist42@corp.test	priya_l42	Priya	Lindqvist	+44 7700 932598	1970-01-21	Brightwater Ltd	Head of Sales	\N	\N	$2b$12$4a4d4e27c0bc7cae5b4901fd862e32183d35309d5f46481778130d049fe939e3	sk_live_9b7871360e5c7ab6cba67be90c468e52	t	2022-04-03 02:54:00+00	Dr	priya.42@outlook.test	LC-4206-9982	002027382	56	CN-00332598
43	3a4ac410-40b0-38b3-7f2e-42db2f02776b	kenji.kowalczyk43@fastmail.test	kenji_k43	Kenji	Kowalczyk	+44 7700 940517	1970-07-13	Nordlicht GmbH	Nurse	QQ503347D	GB53NWBK33226100001333	$2b$12$111b69e8e029abbd6257fd4c54b69aa921bc4cff307aa72be93e32989100c34a	sk_live_750149e95dbc8973e0a91bfbaa78b9dc	f	2022-04-05 06:11:00+00	Mx	kenji.43@proton.test	LC-1449-3553	002075653	56	CN-00340517
44	52e3e78e-4dce-3300-6134-e9292807e876	zoë.schäfer44@gmail.test	zoë_s44	Zoë	Schäfer	+44 7700 948436	\N	Cobalt & Sons	Teacher	QQ608076A	GB54NWBK33998800001364	$2b$12$739b732e62a639fd001c52632a22becddb401044e82c46510cba591e2ad0cd3a	\N	f	2022-04-07 09:28:00+00	\N	\N	LC-8692-7124	002123924	\N	CN-00348436
45	333becbf-6cdf-0526-d816-456a9d790b31	oskar.nakamura45@mailbox.test	oskar_n45	Oskar	Nakamura	\N	1971-06-24	\N	Logistics Planner	QQ712805B	GB55NWBK34771500001395	$2b$12$1c054705732638856c40bb72e4ebb09fb9c03ed0e12503d2935c1a75f9b68f3f	sk_live_62ca8683dbe5c42a7d32d376f79d173c	t	2022-04-09 12:45:00+00	Ms	oskar.45@proton.test	LC-5935-0695	002172195	55	CN-00356355
46	4bd91a37-f66f-f39b-51fa-c6a0b1e759f7	aoife.thorsen46@corp.test	aoife_t46	Aoife	Thorsen	+44 7700 964274	1971-12-14	Quayside Analytics	Student	QQ817534C	GB56NWBK35544200001426	$2b$12$60b3674f7cabaa480a93609babc1ab9e38fdff9e4a0bae2f9b02b5851a557889	sk_live_a9d732e1298101b8fc851d5f8ee0a253	f	2022-04-11 16:02:00+00	Mr	aoife.46@outlook.test	LC-3178-4266	002220466	54	CN-00364274
47	e97ca0bd-05a8-5d2a-63f1-a62fd0782faf	tomás.okonkwo47@fastmail.test	tomás_o47	Tomás	Okonkwo	+44 7700 972193	1972-06-04	Tanaka Trading K.K.	\N	QQ922263D	GB57NWBK36316900001457	$2b$12$bd80d96a9fc25e4cf15c4384bf242a2751a65e44dfcae981a90dd1706e5a585f	sk_live_78737dd10e8e1717f14222c0096fceab	f	2022-04-13 19:19:00+00	Dr	tomás.47@proton.test	LC-0421-7837	002268737	54	CN-00372193
48	d7fa54b2-caea-e94c-a5c6-6ac64d8d0bdf	olivia.dubois48@gmail.test	olivia_d48	Olivia	Dubois	+44 7700 980112	1972-11-24	Brightwater Ltd	Accountant	QQ026992A	\N	$2b$12$83c600b150c724c50fc1ad4389aa69e158a9ec911a33dc7ec5352518c4404ea0	\N	t	2022-04-15 22:36:00+00	Mx	\N	LC-7664-1408	\N	54	CN-00380112
49	9e00e503-7221-c60b-b73c-5ff6fd77b482	liam.o'sullivan49@mailbox.test	liam_o49	Liam	O'Sullivan	+44 7700 988031	1973-05-16	Nordlicht GmbH	Backend Developer	\N	GB59NWBK37862300001519	$2b$12$229e86b55e9b73804e452b28071b8652a420637d997b11ed637026ebc6501917	sk_live_c4a1320593f29ce44c2ffdb6b516a8e2	f	2022-04-18 01:53:00+00	\N	liam.49@proton.test	LC-4907-4979	002365279	53	CN-00388031
50	598fec81-4784-dd5c-85cb-8fdb7e8e074d	amélie.fernández50@corp.test	amélie_f50	Amélie	Fernández	+44 7700 995950	1973-11-05	\N	Head of Sales	QQ236450C	GB60NWBK38635000001550	$2b$12$41f5b1f23f051fd2c6940bf6c384a769c13ec63634cf72763243f95da3a42162	sk_live_08f6b5e5097bd9c8103a32e35ddd7393	f	2022-04-20 05:10:00+00	Ms	amélie.50@outlook.test	LC-2150-8550	002413550	53	CN-00395950
51	ff8fff69-f39c-f087-0034-4e60f84f985f	noah.haddad51@fastmail.test	noah_h51	Noah	Haddad	+44 7700 903869	1974-04-27	Hôtel Lumière SARL	Nurse	QQ341179D	GB61NWBK39407700001581	$2b$12$cc228ddadc35c10b624595c4f041d6916de78f684c84b4c6cb6d77d50533f64b	sk_live_b1142651e5fece6f5c41fb3e3c623c22	t	2022-04-22 08:27:00+00	Mr	noah.51@proton.test	LC-9393-2121	002461821	52	CN-00403869
52	9374d5ce-2f57-be5a-51ba-9efd97fd18b6	sofía.whitfield52@gmail.test	sofía_w52	Sofía	Whitfield	+44 7700 911788	1974-10-17	Quayside Analytics	Teacher	QQ445908A	GB62NWBK40180400001612	$2b$12$a535cd813cbc199182d44a7c1c8bd00346effac311ffcb9c34fd931c0ac7787f	\N	f	2022-04-24 11:44:00+00	Dr	\N	LC-6636-5692	002510092	52	CN-00411788
53	266c7dca-8901-5f40-4afb-bb4426fc3552	mateo.brennan53@mailbox.test	mateo_b53	Mateo	Brennan	+44 7700 919707	1975-04-08	Tanaka Trading K.K.	Logistics Planner	QQ550637B	GB63NWBK40953100001643	$2b$12$f89264d3c6cc1972ed6712da6f98e31a2167f06a643c4a373c294e2c83b5f9a0	sk_live_d0707964c35281a8d0b58fe80d30e7c1	f	2022-04-26 15:01:00+00	Mx	mateo.53@proton.test	LC-3879-9263	002558363	51	CN-00419707
54	439ace76-4df7-679a-7f8b-e2dcd021c5a2	hannah.marchetti54@corp.test	hannah_m54	Hannah	Marchetti	\N	1975-09-28	Brightwater Ltd	Student	QQ655366C	\N	$2b$12$10ebbe0dff68c8d334971406e8c9310c1f5e79e94b9b8f454f5a1976fa9c215e	sk_live_39464a8cbcbb4b876c13b51b7b9b498c	t	2022-04-28 18:18:00+00	\N	hannah.54@outlook.test	LC-1122-2834	002606634	51	CN-00427626
55	afb12fb0-aa0e-18c1-401a-806f765c8f7b	yusuf.lindqvist55@fastmail.test	yusuf_l55	Yusuf	Lindqvist	+44 7700 935545	\N	\N	\N	QQ760095D	GB65NWBK42498500001705	$2b$12$d8223840af0675c2b3c473d324a4cbc4b09a123e36fbda9cd60430d71045546d	sk_live_186fea0717f690a0cfc8f3aa13d4a6b7	f	2022-04-30 21:35:00+00	Ms	yusuf.55@proton.test	LC-8365-6405	002654905	\N	CN-00435545
56	358ff474-f49e-5054-b90c-7aed6ef0f3b8	chloé.kowalczyk56@gmail.test	chloé_k56	Chloé	Kowalczyk	+44 7700 943464	1976-09-08	Cobalt & Sons	Accountant	\N	GB66NWBK43271200001736	$2b$12$8f1944527da3b27ea4c600a44df5e57900cc3e2db1df11dd0d2549321061f46b	\N	f	2022-05-03 00:52:00+00	Mr	\N	LC-5608-9976	\N	50	CN-00443464
57	be626b99-2686-1abd-96fc-13c890e6eabf	lukas.schäfer57@mailbox.test	lukas_s57	Lukas	Schäfer	+44 7700 951383	1977-02-28	Hôtel Lumière SARL	Backend Developer	QQ969553B	GB67NWBK44043900001767	$2b$12$d170c8e9aa37d63442f24d58eff4721f78e09665a1b52fa73d084840381b3091	sk_live_c725844fb0f750e182370f6ab919e4dd	t	2022-05-05 04:09:00+00	Dr	lukas.57@proton.test	LC-2851-3547	002751447	49	CN-00451383
58	daf4d6d2-cb71-1011-0f2a-e30b23ec31c1	priya.nakamura58@corp.test	priya_n58	Priya	Nakamura	+44 7700 959302	1977-08-20	Quayside Analytics	Head of Sales	QQ074282C	GB68NWBK44816600001798	$2b$12$2277c0dabd0b937243131f0be285719c191d65f61d835746d6d9aea000ec8305	sk_live_aaeeafec238f4201172fe2ebc5a5370f	f	2022-05-07 07:26:00+00	Mx	priya.58@outlook.test	LC-0094-7118	002799718	49	CN-00459302
59	b42e24e7-6520-edf3-028e-38508eef597c	kenji.thorsen59@fastmail.test	kenji_t59	Kenji	Thorsen	+44 7700 967221	1978-02-09	Tanaka Trading K.K.	Nurse	QQ179011D	GB69NWBK45589300001829	$2b$12$36763b14ff9755f9671e5f64e41aa0e971bf96615715a33f6e7abd09912aedfc	sk_live_d7a81a60e7265582e937fbe3829ce9a2	f	2022-05-09 10:43:00+00	\N	kenji.59@proton.test	LC-7337-0689	002847989	48	CN-00467221
60	415a2288-3dc8-7bdc-b372-334d645b04b5	zoë.okonkwo60@gmail.test	zoë_o60	Zoë	Okonkwo	+44 7700 975140	1978-08-01	\N	Teacher	QQ283740A	\N	$2b$12$50dd4fe21d0f280df5146c0c94e8143c2ba98e753559e343db58b7f9c1a72a11	\N	t	2022-05-11 14:00:00+00	Ms	\N	LC-4580-4260	002896260	48	CN-00475140
61	fddffb0b-ee47-871d-f3ae-abd02c40ab9e	oskar.dubois61@mailbox.test	oskar_d61	Oskar	Dubois	+44 7700 983059	1979-01-21	Nordlicht GmbH	Logistics Planner	QQ388469B	GB71NWBK47134700001891	$2b$12$dc900326474fb16c4039c1a68293a88506327ad5e6726fe345801f65bc7146cb	sk_live_26b47301d4efb9028c866a1e718343d5	f	2022-05-13 17:17:00+00	Mr	oskar.61@proton.test	LC-1823-7831	002944531	47	CN-00483059
62	7afd6de2-af93-fc0c-5dd1-073a3bf7dd5e	aoife.o'sullivan62@corp.test	aoife_o62	Aoife	O'Sullivan	+44 7700 990978	1979-07-13	Cobalt & Sons	Student	QQ493198C	GB72NWBK47907400001922	$2b$12$636d5730215bb5ded161a91926f41dbc0da6cb8e445dadfcfcb75332f9de19ae	sk_live_4d91ad06aabd1f03cdc8652bdb6b5033	f	2022-05-15 20:34:00+00	Dr	aoife.62@outlook.test	LC-9066-1402	002992802	47	CN-00490978
63	7594b591-61ef-33ac-608c-4cfb7e00a5aa	tomás.fernández63@fastmail.test	tomás_f63	Tomás	Fernández	\N	1980-01-02	Hôtel Lumière SARL	\N	\N	GB73NWBK48680100001953	$2b$12$252a81ca7a19d8402177e04e4779b4cdb7a79fedfe1f5c21a5ba7c0493382e1e	sk_live_6c471bd190ba41fd825f16ae3e410122	t	2022-05-17 23:51:00+00	Mx	tomás.63@proton.test	LC-6309-4973	003041073	46	CN-00498897
64	2c6bd9ed-f854-8507-1c67-d41725f044a7	olivia.haddad64@gmail.test	olivia_h64	Olivia	Haddad	+44 7700 906816	1980-06-23	Quayside Analytics	Accountant	QQ702656A	GB74NWBK49452800001984	$2b$12$fa32a024237aa7efc5dc09db2cfba5d90973c5423bd1115f6c800099442e421f	\N	f	2022-05-20 03:08:00+00	\N	\N	LC-3552-8544	\N	46	CN-00506816
65	6f5cdd78-7dfe-9c2b-fc2f-bddabd6317d7	liam.whitfield65@mailbox.test	liam_w65	Liam	Whitfield	+44 7700 914735	1980-12-13	\N	Backend Developer	QQ807385B	GB75NWBK50225500002015	$2b$12$83497a54b3a52440912ab3142f836c16f2d457332a324a574cd7341ed4fc0754	sk_live_b256f8c0c0b9e637f2d45a6e972737ac	f	2022-05-22 06:25:00+00	Ms	liam.65@proton.test	LC-0795-2115	003137615	45	CN-00514735
66	b764c1cc-8036-d63e-e386-1350a6f58cf9	amélie.brennan66@corp.test	amélie_b66	Amélie	Brennan	+44 7700 922654	\N	Brightwater Ltd	Head of Sales	QQ912114C	\N	$2b$12$f45fe3dcfcad6ccb684ae3c1167ff16c06eb0aec50557355594c9029215af4a3	sk_live_7c24e4da29c383d02a1b85c36037495e	t	2022-05-24 09:42:00+00	Mr	amélie.66@outlook.test	LC-8038-5686	003185886	\N	CN-00522654
67	858e64b3-78fb-2096-0e15-35066c32b43d	noah.marchetti67@fastmail.test	noah_m67	Noah	Marchetti	+44 7700 930573	1981-11-24	Nordlicht GmbH	Nurse	QQ016843D	GB77NWBK51770900002077	$2b$12$c9c5329e849e137429612b56d3618f28b7905a27d4b9189dc75e51280f1a943a	sk_live_681b90d882b509076b1c7fa56c41d3f6	f	2022-05-26 12:59:00+00	Dr	noah.67@proton.test	LC-5281-9257	003234157	45	CN-00530573
68	1e7c18d7-ede6-0160-58fc-32e2ec2fc4cf	sofía.lindqvist68@gmail.test	sofía_l68	Sofía	Lindqvist	+44 7700 938492	1982-05-16	Cobalt & Sons	Teacher	QQ121572A	GB78NWBK52543600002108	$2b$12$64ef17745559b68af8c901d7ad33681a3220507c67569ca5ef7808dfd2c4a558	\N	f	2022-05-28 16:16:00+00	Mx	\N	LC-2524-2828	003282428	44	CN-00538492
69	005514e6-1ebe-8010-de91-aff66d1d9484	mateo.kowalczyk69@mailbox.test	mateo_k69	Mateo	Kowalczyk	+44 7700 946411	1982-11-05	Hôtel Lumière SARL	Logistics Planner	QQ226301B	GB79NWBK53316300002139	$2b$12$da3a8e528a0c08ca7ecc8b1fc3e439c7a1d56e76159ccc5a17ecaad826f8b62b	sk_live_e49db55bfc4534c6e2364a8e24d88174	t	2022-05-30 19:33:00+00	\N	mateo.69@proton.test	LC-9767-6399	003330699	44	CN-00546411
70	30ee17b4-15ca-fce8-49de-e25492fa2e9d	hannah.schäfer70@corp.test	hannah_s70	Hannah	Schäfer	+44 7700 954330	1983-04-27	\N	Student	\N	GB80NWBK54089000002170	$2b$12$014a994152c98a720aebe52839a83e25d17bc41f12a8825bf01a2753c27e572c	sk_live_b871bc95fb53be4d592a51eba367c59e	f	2022-06-01 22:50:00+00	Ms	hannah.70@outlook.test	LC-7010-9970	003378970	43	CN-00554330
71	d273b975-6b9c-f519-3b2a-ff954a7254c7	yusuf.nakamura71@fastmail.test	yusuf_n71	Yusuf	Nakamura	+44 7700 962249	1983-10-17	Tanaka Trading K.K.	\N	QQ435759D	GB81NWBK54861700002201	$2b$12$33621b0f240d22e66e890773cb423b43cc65c40dff1a19c58248afe2929ef8b3	sk_live_8ce1cdeb059b5062406a229dc109f066	f	2022-06-04 02:07:00+00	Mr	yusuf.71@proton.test	LC-4253-3541	003427241	43	CN-00562249
72	b8c8383f-41da-dd6b-224c-d03f95e8501d	chloé.thorsen72@gmail.test	chloé_t72	Chloé	Thorsen	\N	1984-04-07	Brightwater Ltd	Accountant	QQ540488A	\N	$2b$12$312843527bf02c501a905b2641d104f94dc897d57d68f11545ff6622b091e448	\N	t	2022-06-06 05:24:00+00	Dr	\N	LC-1496-7112	\N	42	CN-00570168
73	801097e5-0d27-fc3c-c660-cdfc88a6f6f8	lukas.okonkwo73@mailbox.test	lukas_o73	Lukas	Okonkwo	+44 7700 978087	1984-09-27	Nordlicht GmbH	Backend Developer	QQ645217B	GB83NWBK56407100002263	$2b$12$532ae75b97c71ba50dda380e2560d160755b07492ffe4e1334498638cc1e820b	sk_live_ffecc0c1e15cc1689c3f1ac2840daa0d	f	2022-06-08 08:41:00+00	Mx	lukas.73@proton.test	LC-8739-0683	003523783	42	CN-00578087
74	f6ba24f9-4b77-96ab-fce5-de599d8620b2	priya.dubois74@corp.test	priya_d74	Priya	Dubois	+44 7700 986006	1985-03-19	Cobalt & Sons	Head of Sales	QQ749946C	GB84NWBK57179800002294	$2b$12$bfed17938b79f5cc9874f0888378d3f6a1e9e5e7570b0b5d0b8ccfd9c67d9d09	sk_live_baa3fa39405421568c7afbb8565b46d6	f	2022-06-10 11:58:00+00	\N	priya.74@outlook.test	LC-5982-4254	003572054	41	CN-00586006
75	e3daaaa0-fc4c-fe75-da88-f70dd34ca679	kenji.o'sullivan75@fastmail.test	kenji_o75	Kenji	O'Sullivan	+44 7700 993925	1985-09-08	\N	Nurse	QQ854675D	GB85NWBK57952500002325	$2b$12$b503ba0a0246dfe1ed0d8755082d0e24038e73a15419be507f01d8009a37f0e6	sk_live_c8c0a16876f780215e0c47ddb51a7e56	t	2022-06-12 15:15:00+00	Ms	kenji.75@proton.test	LC-3225-7825	003620325	41	CN-00593925
76	ccfcf66c-22e4-d63d-9565-82a2865db046	zoë.fernández76@gmail.test	zoë_f76	Zoë	Fernández	+44 7700 901844	1986-02-28	Quayside Analytics	Teacher	QQ959404A	GB86NWBK58725200002356	$2b$12$81a6904825a6e3fe87da27df6c513c84193c2e40fb663c29beeb125836dcf9f1	\N	f	2022-06-14 18:32:00+00	Mr	\N	LC-0468-1396	003668596	40	CN-00601844
77	2ec96562-322f-92ba-9f2c-1e8fbe061c0a	oskar.haddad77@mailbox.test	oskar_h77	Oskar	Haddad	+44 7700 909763	\N	Tanaka Trading K.K.	Logistics Planner	\N	GB87NWBK59497900002387	$2b$12$8d3cae9ee6d896c75d16ba082c2527ea98a181f490aa705377894b217af6f7e8	sk_live_ac07775c74e22b07ac31ffeecb373bf2	f	2022-06-16 21:49:00+00	Dr	oskar.77@proton.test	LC-7711-4967	003716867	\N	CN-00609763
78	0ff9728d-7e13-31aa-2b27-1f4a27a2db18	aoife.whitfield78@corp.test	aoife_w78	Aoife	Whitfield	+44 7700 917682	1987-02-09	Brightwater Ltd	Student	QQ168862C	\N	$2b$12$b46b074942332e18b0bcde9d42d3b7cdabfd3d283a3ab1356447e3e80bb866b8	sk_live_d018f15d46cf0d31adddf9cfa705b6a1	t	2022-06-19 01:06:00+00	Mx	aoife.78@outlook.test	LC-4954-8538	003765138	39	CN-00617682
79	42863c8b-1bf2-00e6-078f-c735369d0f46	tomás.brennan79@fastmail.test	tomás_b79	Tomás	Brennan	+44 7700 925601	1987-08-01	Nordlicht GmbH	\N	QQ273591D	GB89NWBK61043300002449	$2b$12$28d466e330df20f3e0859373463af6cc218c45834b69f05fab14edf40ad07156	sk_live_d1055e2d2a98ab13603b9b48c3139fcc	f	2022-06-21 04:23:00+00	\N	tomás.79@proton.test	LC-2197-2109	003813409	39	CN-00625601
80	34e7d076-72c7-9e98-83b3-2fff1e1d79c8	olivia.marchetti80@gmail.test	olivia_m80	Olivia	Marchetti	+44 7700 933520	1988-01-21	\N	Accountant	QQ378320A	GB90NWBK61816000002480	$2b$12$47068ca9b3f325ebb199edcb2716ae4ceab24a07a7d2c19d12577cbd89f08d72	\N	f	2022-06-23 07:40:00+00	Ms	\N	LC-9440-5680	\N	38	CN-00633520
81	f60a1677-a8cf-14b6-76f3-b8cb899c5112	liam.lindqvist81@mailbox.test	liam_l81	Liam	Lindqvist	\N	1988-07-12	Hôtel Lumière SARL	Backend Developer	QQ483049B	GB91NWBK62588700002511	$2b$12$4f1297c58e2307cbd80d98d385ed6a90c74d01a0de5c9b0e8c25d9a1f090f3ad	sk_live_ff009e8c16613557350697bdf0afad6b	t	2022-06-25 10:57:00+00	Mr	liam.81@proton.test	LC-6683-9251	003909951	38	CN-00641439
82	1f04bf14-7a27-4925-a413-bf9f85101d6e	amélie.kowalczyk82@corp.test	amélie_k82	Amélie	Kowalczyk	+44 7700 949358	1989-01-01	Quayside Analytics	Head of Sales	QQ587778C	GB92NWBK63361400002542	$2b$12$4cda754ec20a0305e417603786e20c88ecb892f0f1ae91e2a8e7184240b15d05	sk_live_c78ffe9afc96781f3d6d6b87eff23808	f	2022-06-27 14:14:00+00	Dr	amélie.82@outlook.test	LC-3926-2822	003958222	37	CN-00649358
83	ae899902-afaa-8677-8f60-9553c904d069	noah.schäfer83@fastmail.test	noah_s83	Noah	Schäfer	+44 7700 957277	1989-06-23	Tanaka Trading K.K.	Nurse	QQ692507D	GB93NWBK64134100002573	$2b$12$6999f708409d362bc31725fecf75a05718d5518968992d4ad5df0373f2bba81d	sk_live_3e115cfa9ea7bf64aca2be2b739c9789	f	2022-06-29 17:31:00+00	Mx	noah.83@proton.test	LC-1169-6393	004006493	37	CN-00657277
84	fb0e6404-99db-b5c8-dfbe-3c28d4b7daf6	sofía.nakamura84@gmail.test	sofía_n84	Sofía	Nakamura	+44 7700 965196	1989-12-13	Brightwater Ltd	Teacher	\N	\N	$2b$12$2e26d9af169983d7281427656b7105d68fbf1243a1c2b42d3d45090fcc3c7bf8	\N	t	2022-07-01 20:48:00+00	\N	\N	LC-8412-9964	004054764	36	CN-00665196
85	66bcb82d-069a-6dca-a358-7a8ae6573170	mateo.thorsen85@mailbox.test	mateo_t85	Mateo	Thorsen	+44 7700 973115	1990-06-04	\N	Logistics Planner	QQ901965B	GB95NWBK65679500002635	$2b$12$cda897bacecf1745036ae5b3b9ae164171689c530e775328ee29bb955db4e7cc	sk_live_67e44ffd4a286abb505ee909448cdd5f	f	2022-07-04 00:05:00+00	Ms	mateo.85@proton.test	LC-5655-3535	004103035	36	CN-00673115
86	7a33ba5e-556e-985a-005e-8e2b963d4983	hannah.okonkwo86@corp.test	hannah_o86	Hannah	Okonkwo	+44 7700 981034	1990-11-24	Cobalt & Sons	Student	QQ006694C	GB96NWBK66452200002666	$2b$12$925fd2f3edbdbda57724147f111d7fb7c23a96a99b5ba9d5f5072acc0f320971	sk_live_b3dc5ee996f0ce48cdb8e4f97ec8608c	f	2022-07-06 03:22:00+00	Mr	hannah.86@outlook.test	LC-2898-7106	004151306	36	CN-00681034
87	c6004900-8553-ac67-3b7b-947c68543021	yusuf.dubois87@fastmail.test	yusuf_d87	Yusuf	Dubois	+44 7700 988953	1991-05-16	Hôtel Lumière SARL	\N	QQ111423D	GB97NWBK67224900002697	$2b$12$5dc7f8eaf66539cb78310e7768c32540d5733ad45fd2e8a090d1ca43b4ecac4b	sk_live_67ae7cca6986a633334800c3f581a11d	t	2022-07-08 06:39:00+00	Dr	yusuf.87@proton.test	LC-0141-0677	004199577	35	CN-00688953
88	0c534877-7dee-ed33-5278-68e39c8fe785	chloé.o'sullivan88@gmail.test	chloé_o88	Chloé	O'Sullivan	+44 7700 996872	\N	Quayside Analytics	Accountant	QQ216152A	GB98NWBK67997600002728	$2b$12$7f212eafe368ceefa846a9801be249bd156042fc0184b146c044e72abc813596	\N	f	2022-07-10 09:56:00+00	Mx	\N	LC-7384-4248	\N	\N	CN-00696872
89	b990eb5d-5617-53fd-ee63-a91731c578c6	lukas.fernández89@mailbox.test	lukas_f89	Lukas	Fernández	+44 7700 904791	1992-04-26	Tanaka Trading K.K.	Backend Developer	QQ320881B	GB10NWBK68770300002759	$2b$12$343b19c7fd7e5d1beabd23b98bc598a05af850268e0b2e47329d2150dd6e2bc1	sk_live_b3ac6b98ad38272909430c9df59b6532	f	2022-07-12 13:13:00+00	\N	lukas.89@proton.test	LC-4627-7819	004296119	34	CN-00704791
90	8ccd6443-4da2-9854-28ef-4280766f89c9	priya.haddad90@corp.test	priya_h90	Priya	Haddad	\N	1992-10-16	\N	Head of Sales	QQ425610C	\N	$2b$12$355898d4dfafca029b3e3412a92d7d56f44d79391c386796a1e9d341d3b03c9f	sk_live_238d54cb6a09f0ffcb89d32a5a328c31	t	2022-07-14 16:30:00+00	Ms	priya.90@outlook.test	LC-1870-1390	004344390	34	CN-00712710
91	e6953fee-b976-4860-d3ba-c55877846651	kenji.whitfield91@fastmail.test	kenji_w91	Kenji	Whitfield	+44 7700 920629	1993-04-07	Nordlicht GmbH	Nurse	\N	GB12NWBK70315700002821	$2b$12$a7a6528e5d3d5a0d87aca0bb20e5afbeff8ba30613e965a44d015bb5aa127845	sk_live_c5c1509af7194defc9aec05b99ee64c5	f	2022-07-16 19:47:00+00	Mr	kenji.91@proton.test	LC-9113-4961	004392661	33	CN-00720629
92	5a2e5050-0537-85e5-e671-d50109ac9564	zoë.brennan92@gmail.test	zoë_b92	Zoë	Brennan	+44 7700 928548	1993-09-27	Cobalt & Sons	Teacher	QQ635068A	GB13NWBK71088400002852	$2b$12$b65c444af0e4041acfcade955f2c435f05dce6db154e5171f3d501af83a688e9	\N	f	2022-07-18 23:04:00+00	Dr	\N	LC-6356-8532	004440932	33	CN-00728548
93	3a1315aa-7326-6030-8baf-013b4433ca46	oskar.marchetti93@mailbox.test	oskar_m93	Oskar	Marchetti	+44 7700 936467	1994-03-19	Hôtel Lumière SARL	Logistics Planner	QQ739797B	GB14NWBK71861100002883	$2b$12$75541917b8b67ce5b2cff1c4dd3618ba98e43ac7593a660caed49fc8057f29f7	sk_live_59266a6dbfcfa2864a7f0969ecdbc58b	t	2022-07-21 02:21:00+00	Mx	oskar.93@proton.test	LC-3599-2103	004489203	32	CN-00736467
94	a73b4fdb-bf26-026a-8a70-611f51a43652	aoife.lindqvist94@corp.test	aoife_l94	Aoife	Lindqvist	+44 7700 944386	1994-09-08	Quayside Analytics	Student	QQ844526C	GB15NWBK72633800002914	$2b$12$fbb12317dccedbd62a7ca2cdf9e95f2404d95dc93ada73ca5370fc0675b3cdc4	sk_live_09174c049dceb53a4c1686a9184b732f	f	2022-07-23 05:38:00+00	\N	aoife.94@outlook.test	LC-0842-5674	004537474	32	CN-00744386
95	7b7eb9d1-2cde-ffc0-ba6e-1c0753c581e8	tomás.kowalczyk95@fastmail.test	tomás_k95	Tomás	Kowalczyk	+44 7700 952305	1995-02-28	\N	\N	QQ949255D	GB16NWBK73406500002945	$2b$12$90946fe0613ed32fb99152099b03d2e36cb7f3b5f76d15a09aacf2b267a79335	sk_live_4af0a67014a2610a97efb7fae38165a9	f	2022-07-25 08:55:00+00	Ms	tomás.95@proton.test	LC-8085-9245	004585745	31	CN-00752305
96	8079b895-70e4-04b2-72d2-4cc9ad2fbdca	olivia.schäfer96@gmail.test	olivia_s96	Olivia	Schäfer	+44 7700 960224	1995-08-20	Brightwater Ltd	Accountant	QQ053984A	\N	$2b$12$ce5e551336c972ef399aa781c49066a49f10a0b3f7a4ea9c657e5daeece29bfb	\N	t	2022-07-27 12:12:00+00	Mr	\N	LC-5328-2816	\N	31	CN-00760224
97	6495e397-9c56-5cc0-b0a1-067ab5696b26	liam.nakamura97@mailbox.test	liam_n97	Liam	Nakamura	+44 7700 968143	1996-02-09	Nordlicht GmbH	Backend Developer	QQ158713B	GB18NWBK74951900003007	$2b$12$181d02bbc89033400a37d892f7d6c522e3d326e2973ec6966f13d8720fbd44ab	sk_live_e8e853b8896948cc5002e2e9c3bd3e61	f	2022-07-29 15:29:00+00	Dr	liam.97@proton.test	LC-2571-6387	004682287	30	CN-00768143
98	0a3ab26d-12b1-0efc-65d4-a2d6cc72ec67	amélie.thorsen98@corp.test	amélie_t98	Amélie	Thorsen	+44 7700 976062	1996-07-31	Cobalt & Sons	Head of Sales	\N	GB19NWBK75724600003038	$2b$12$e8815fc8e66c95e4d44a91c6625b4136ec0ed7950c5d2de401b981259e6ecfdf	sk_live_9f27c2a727edeabf217d762e7e143c02	f	2022-07-31 18:46:00+00	Mx	amélie.98@outlook.test	LC-9814-9958	004730558	30	CN-00776062
99	ef2eae88-9d9b-cde0-2bc8-54a38e5292f6	noah.okonkwo99@fastmail.test	noah_o99	Noah	Okonkwo	\N	\N	Hôtel Lumière SARL	Nurse	QQ368171D	GB20NWBK76497300003069	$2b$12$96422e1a07b2b98d6d032b651f9cdcd5afba88ece4ddc1c011c5adb029614958	sk_live_07b360d2d013e4c6599f65c95c1b9bdb	t	2022-08-02 22:03:00+00	\N	noah.99@proton.test	LC-7057-3529	004778829	\N	CN-00783981
100	ebd94462-abe0-8590-8e00-209a1f4fb52e	sofía.dubois100@gmail.test	sofía_d100	Sofía	Dubois	+44 7700 991900	1997-07-12	\N	Teacher	QQ472900A	GB21NWBK77270000003100	$2b$12$0bc6cdff4261bb4ee4f8ee4fdee8c42ae4d376d47bfc5d935a75b23528a97ae8	\N	f	2022-08-05 01:20:00+00	Ms	\N	LC-4300-7100	004827100	29	CN-00791900
101	02c4e1a0-9759-9c56-330a-6ace94ea9832	mateo.o'sullivan101@mailbox.test	mateo_o101	Mateo	O'Sullivan	+44 7700 999819	1998-01-01	Tanaka Trading K.K.	Logistics Planner	QQ577629B	GB22NWBK78042700003131	$2b$12$392c2da8fde88d64427298fea67ae0323079b4d09ea556ec708911c5104c174c	sk_live_3e0b55360faa7fea42ec31dd0250832b	f	2022-08-07 04:37:00+00	Mr	mateo.101@proton.test	LC-1543-0671	004875371	28	CN-00799819
102	ccca8a16-ae7a-d9d1-bdd7-2317ceaa85a9	hannah.fernández102@corp.test	hannah_f102	Hannah	Fernández	+44 7700 907738	1998-06-23	Brightwater Ltd	Student	QQ682358C	\N	$2b$12$630585ba76b2549168c57733e226dae3829bc1059f1d8b682d780b56a6109347	sk_live_b1241772d5ca709ac041fb4c26c5d8cf	t	2022-08-09 07:54:00+00	Dr	hannah.102@outlook.test	LC-8786-4242	004923642	28	CN-00807738
103	33b3037f-ce63-c980-4493-48249a72842d	yusuf.haddad103@fastmail.test	yusuf_h103	Yusuf	Haddad	+44 7700 915657	1998-12-13	Nordlicht GmbH	\N	QQ787087D	GB24NWBK79588100003193	$2b$12$fd322166238b52a6038a648b8fb904dceb28fd3eb63cf59d1cdf7719020eb455	sk_live_387db8917540913a8124a37c8a14b221	f	2022-08-11 11:11:00+00	Mx	yusuf.103@proton.test	LC-6029-7813	004971913	27	CN-00815657
104	65818927-9503-6173-2d7a-8945e604bec9	chloé.whitfield104@gmail.test	chloé_w104	Chloé	Whitfield	+44 7700 923576	1999-06-04	Cobalt & Sons	Accountant	QQ891816A	GB25NWBK80360800003224	$2b$12$1d43715567de8b6f9cc88c1a48f91e0a2b1d2827c0e383faddb510ec648cd398	\N	f	2022-08-13 14:28:00+00	\N	\N	LC-3272-1384	\N	27	CN-00823576
105	e999ef7f-ba65-47ba-f470-c2f3c24e5de2	lukas.brennan105@mailbox.test	lukas_b105	Lukas	Brennan	+44 7700 931495	1950-08-13	\N	Backend Developer	\N	GB26NWBK81133500003255	$2b$12$81ef943cf8fb9ec124d67c37279f04ca2c43109ad0bcf9dd32c77805893f0e5e	sk_live_6315974ecff3fb3042826785ce96afdb	t	2022-08-15 17:45:00+00	Ms	lukas.105@proton.test	LC-0515-4955	005068455	76	CN-00831495
106	dd83af1d-2493-b055-3ca7-e488df9102a6	priya.marchetti106@corp.test	priya_m106	Priya	Marchetti	+44 7700 939414	1951-02-02	Quayside Analytics	Head of Sales	QQ101274C	GB27NWBK81906200003286	$2b$12$9dce3ca6a63b315d72b783470b51071298c34e960d99c0a113b9681ca985329f	sk_live_f017e956ded623d8410eec0a6016ba3d	f	2022-08-17 21:02:00+00	Mr	priya.106@outlook.test	LC-7758-8526	005116726	75	CN-00839414
107	9c37731a-fc50-6a83-6924-a46fc690adbb	kenji.lindqvist107@fastmail.test	kenji_l107	Kenji	Lindqvist	+44 7700 947333	1951-07-25	Tanaka Trading K.K.	Nurse	QQ206003D	GB28NWBK82678900003317	$2b$12$19e7e191676c2b3ca242ba8d1ecfd5dbef069df6bd145666e10081629ebc4e84	sk_live_5853dbfa4c8bd3a0313c6643187aa628	f	2022-08-20 00:19:00+00	Dr	kenji.107@proton.test	LC-5001-2097	005164997	75	CN-00847333
108	baf7e65c-cfc1-e43f-c8ec-55e4b9ea5428	zoë.kowalczyk108@gmail.test	zoë_k108	Zoë	Kowalczyk	\N	1952-01-14	Brightwater Ltd	Teacher	QQ310732A	\N	$2b$12$ba1bf624837e3e0f3e1cc240d7bcb64ecb8ce421ceee58a692398df21c061bb7	\N	t	2022-08-22 03:36:00+00	Mx	\N	LC-2244-5668	005213268	74	CN-00855252
109	e7a908b7-0b83-a103-fb86-f3d01178f40a	oskar.schäfer109@mailbox.test	oskar_s109	Oskar	Schäfer	+44 7700 963171	1952-07-05	Nordlicht GmbH	Logistics Planner	QQ415461B	GB30NWBK84224300003379	$2b$12$4749e1edabfdb22882fcae88b6e51e5288749df2fbed740bf27e4f6946e3bfec	sk_live_e4a276bf318be00eebb490d6b9a96eda	f	2022-08-24 06:53:00+00	\N	oskar.109@proton.test	LC-9487-9239	005261539	74	CN-00863171
110	73cf508c-4837-55f7-1ded-005a4de411b2	aoife.nakamura110@corp.test	aoife_n110	Aoife	Nakamura	+44 7700 971090	\N	\N	Student	QQ520190C	GB31NWBK84997000003410	$2b$12$f540fc5c6dce8b5e7792ef7aeb974f2b1feeec5a9bede0ccfccaadfe0809d5af	sk_live_4c1a6dc949a634808097f39d2fbbefec	f	2022-08-26 10:10:00+00	Ms	aoife.110@outlook.test	LC-6730-2810	005309810	\N	CN-00871090
111	7276b530-45ef-8015-eb0d-9dacfad3c9fc	tomás.thorsen111@fastmail.test	tomás_t111	Tomás	Thorsen	+44 7700 979009	1953-06-16	Hôtel Lumière SARL	\N	QQ624919D	GB32NWBK85769700003441	$2b$12$6f33ba35fb38889637e4ce387ff89748d9cd8f8a1bbfc883cc6d86211ab2507f	sk_live_7150e21213728ff429260f5b39f98483	t	2022-08-28 13:27:00+00	Mr	tomás.111@proton.test	LC-3973-6381	005358081	73	CN-00879009
112	525fd4ff-50c3-c66d-4c5f-2e98cffbec31	olivia.okonkwo112@gmail.test	olivia_o112	Olivia	Okonkwo	+44 7700 986928	1953-12-06	Quayside Analytics	Accountant	\N	GB33NWBK86542400003472	$2b$12$8c593d2a5f0f156bf2df7bad69167d2c5c99a706a8d268551e546e836f58eeed	\N	f	2022-08-30 16:44:00+00	Dr	\N	LC-1216-9952	\N	72	CN-00886928
113	07f3b67e-9101-367c-1246-ff7f5efd067a	liam.dubois113@mailbox.test	liam_d113	Liam	Dubois	+44 7700 994847	1954-05-28	Tanaka Trading K.K.	Backend Developer	QQ834377B	GB34NWBK87315100003503	$2b$12$78833739b583de30f17cf590e5a6ccb2e09051667669555b13dbc0373225b57e	sk_live_87da851d06f53bf76fd84c174c0fdff7	f	2022-09-01 20:01:00+00	Mx	liam.113@proton.test	LC-8459-3523	005454623	72	CN-00894847
114	9eb5d192-c4c9-fdf3-43e6-476989befa0c	amélie.o'sullivan114@corp.test	amélie_o114	Amélie	O'Sullivan	+44 7700 902766	1954-11-17	Brightwater Ltd	Head of Sales	QQ939106C	\N	$2b$12$0d649c008e521138f72610a9a7bf4d1d0227935157639663d9f8d880b75ae84e	sk_live_c6dc82467d8fd9b4afcda45743db2131	t	2022-09-03 23:18:00+00	\N	amélie.114@outlook.test	LC-5702-7094	005502894	72	CN-00902766
115	ddc572b0-844e-2743-3b19-10e0db07d4c0	noah.fernández115@fastmail.test	noah_f115	Noah	Fernández	+44 7700 910685	1955-05-09	\N	Nurse	QQ043835D	GB36NWBK88860500003565	$2b$12$803399f06c4dc7597592b7a7c7cc714797ca20ae8b46372a832a3103034c7549	sk_live_6391285935f1887e52cece1fd694657c	f	2022-09-06 02:35:00+00	Ms	noah.115@proton.test	LC-2945-0665	005551165	71	CN-00910685
116	2f5f2c3f-83ac-ec2b-49a3-d27ec05e4d5c	sofía.haddad116@gmail.test	sofía_h116	Sofía	Haddad	+44 7700 918604	1955-10-29	Cobalt & Sons	Teacher	QQ148564A	GB37NWBK89633200003596	$2b$12$bcefceb27562e5b8d0a0bda057cede1601f1e7f067ff4f0859a89fba77e5a63e	\N	f	2022-09-08 05:52:00+00	Mr	\N	LC-0188-4236	005599436	71	CN-00918604
117	25268ff7-338a-824c-52ea-a13d0df939cb	mateo.whitfield117@mailbox.test	mateo_w117	Mateo	Whitfield	\N	1956-04-19	Hôtel Lumière SARL	Logistics Planner	QQ253293B	GB38NWBK90405900003627	$2b$12$df2bbd4b66773a0346c922f3d8b1616ad2355b2a402b54d10a4f84f43e6e1452	sk_live_32d711f8ba3cf80dc85d2d9b18031856	t	2022-09-10 09:09:00+00	Dr	mateo.117@proton.test	LC-7431-7807	005647707	70	CN-00926523
118	4870cb1c-891c-86c9-47f7-8a4673d52150	hannah.brennan118@corp.test	hannah_b118	Hannah	Brennan	+44 7700 934442	1956-10-09	Quayside Analytics	Student	QQ358022C	GB39NWBK91178600003658	$2b$12$b509acf249fe300ea3b3558c9e7ce303484d92cee451403505e2e44782cee1fe	sk_live_c52e9c687139b376e176534c29e30b1e	f	2022-09-12 12:26:00+00	Mx	hannah.118@outlook.test	LC-4674-1378	005695978	70	CN-00934442
119	0db3996f-3b0a-306d-1d4c-aa192b8b1182	yusuf.marchetti119@fastmail.test	yusuf_m119	Yusuf	Marchetti	+44 7700 942361	1957-03-31	Tanaka Trading K.K.	\N	\N	GB40NWBK91951300003689	$2b$12$23b5c75e14c57ff2b179bfd966cc0715f3f7114e3b165af4c645616b51095398	sk_live_d84613c4fa2b405d2c923539eb59249b	f	2022-09-14 15:43:00+00	\N	yusuf.119@proton.test	LC-1917-4949	005744249	69	CN-00942361
120	4eccba8c-83fc-c670-4d3f-461ab9cad197	chloé.lindqvist120@gmail.test	chloé_l120	Chloé	Lindqvist	+44 7700 950280	1957-09-20	\N	Accountant	QQ567480A	\N	$2b$12$42d845ad5dff5ab77571fd5ddd71fa35ea29dda610ad7ccd07c2b09eb448f5d6	\N	t	2022-09-16 19:00:00+00	Ms	\N	LC-9160-8520	\N	69	CN-00950280
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.orders (id, customer_id, customer_email, card_number, amount, status, client_ip, placed_at) FROM stdin;
1	38	hannah.haddad38@corp.test	5643465018275123	362.60	shipped	192.0.2.2	2023-02-02 03:41:00+00
2	75	kenji.o'sullivan75@fastmail.test	5286930036550246	220.21	delivered	192.0.2.3	2023-02-02 21:22:00+00
3	112	olivia.okonkwo112@gmail.test	5930395054825369	77.82	refunded	192.0.2.4	2023-02-03 15:03:00+00
4	29	oskar.lindqvist29@mailbox.test	5573860073100492	435.43	cancelled	192.0.2.5	2023-02-04 08:44:00+00
5	66	amélie.brennan66@corp.test	5217325091375615	293.04	paid	192.0.2.6	2023-02-05 02:25:00+00
6	103	yusuf.haddad103@fastmail.test	5860790109650738	150.65	shipped	192.0.2.7	2023-02-05 20:06:00+00
7	20	sofía.thorsen20@gmail.test	5504255127925861	8.26	delivered	192.0.2.8	2023-02-06 13:47:00+00
8	57	lukas.schäfer57@mailbox.test	5147720146200984	365.87	refunded	192.0.2.9	2023-02-07 07:28:00+00
9	94	aoife.lindqvist94@corp.test	5791185164476107	223.48	cancelled	192.0.2.10	2023-02-08 01:09:00+00
10	11	kenji.fernández11@fastmail.test	\N	81.09	paid	192.0.2.11	2023-02-08 18:50:00+00
11	48	olivia.dubois48@gmail.test	5078115201026353	438.70	shipped	192.0.2.12	2023-02-09 12:31:00+00
12	85	mateo.thorsen85@mailbox.test	5721580219301476	296.31	delivered	192.0.2.13	2023-02-10 06:12:00+00
13	2	amélie.marchetti2@corp.test	5365045237576599	153.92	refunded	\N	2023-02-10 23:53:00+00
14	39	yusuf.whitfield39@fastmail.test	5008510255851722	11.53	cancelled	192.0.2.15	2023-02-11 17:34:00+00
15	76	zoë.fernández76@gmail.test	5651975274126845	369.14	paid	192.0.2.16	2023-02-12 11:15:00+00
16	113	liam.dubois113@mailbox.test	5295440292401968	226.75	shipped	192.0.2.17	2023-02-13 04:56:00+00
17	30	aoife.kowalczyk30@corp.test	5938905310677091	84.36	delivered	192.0.2.18	2023-02-13 22:37:00+00
18	67	noah.marchetti67@fastmail.test	5582370328952214	441.97	refunded	192.0.2.19	2023-02-14 16:18:00+00
19	104	chloé.whitfield104@gmail.test	5225835347227337	299.58	cancelled	192.0.2.20	2023-02-15 09:59:00+00
20	21	mateo.okonkwo21@mailbox.test	\N	157.19	paid	192.0.2.21	2023-02-16 03:40:00+00
21	58	priya.nakamura58@corp.test	5512765383777583	14.80	shipped	192.0.2.22	2023-02-16 21:21:00+00
22	95	tomás.kowalczyk95@fastmail.test	5156230402052706	372.41	delivered	192.0.2.23	2023-02-17 15:02:00+00
23	12	zoë.haddad12@gmail.test	5799695420327829	230.02	refunded	192.0.2.24	2023-02-18 08:43:00+00
24	49	liam.o'sullivan49@mailbox.test	5443160438602952	87.63	cancelled	192.0.2.25	2023-02-19 02:24:00+00
25	86	hannah.okonkwo86@corp.test	5086625456878075	445.24	paid	192.0.2.26	2023-02-19 20:05:00+00
26	3	noah.lindqvist3@fastmail.test	5730090475153198	302.85	shipped	\N	2023-02-20 13:46:00+00
27	40	chloé.brennan40@gmail.test	5373555493428321	160.46	delivered	192.0.2.28	2023-02-21 07:27:00+00
28	77	oskar.haddad77@mailbox.test	5017020511703444	18.07	refunded	192.0.2.29	2023-02-22 01:08:00+00
29	114	amélie.o'sullivan114@corp.test	5660485529978567	375.68	cancelled	192.0.2.30	2023-02-22 18:49:00+00
30	31	tomás.schäfer31@fastmail.test	\N	233.29	paid	192.0.2.31	2023-02-23 12:30:00+00
31	68	sofía.lindqvist68@gmail.test	5947415566528813	90.90	shipped	192.0.2.32	2023-02-24 06:11:00+00
32	105	lukas.brennan105@mailbox.test	5590880584803936	448.51	delivered	192.0.2.33	2023-02-24 23:52:00+00
33	22	hannah.dubois22@corp.test	5234345603079059	306.12	refunded	192.0.2.34	2023-02-25 17:33:00+00
34	59	kenji.thorsen59@fastmail.test	5877810621354182	163.73	cancelled	192.0.2.35	2023-02-26 11:14:00+00
35	96	olivia.schäfer96@gmail.test	5521275639629305	21.34	paid	192.0.2.36	2023-02-27 04:55:00+00
36	13	oskar.whitfield13@mailbox.test	5164740657904428	378.95	shipped	192.0.2.37	2023-02-27 22:36:00+00
37	50	amélie.fernández50@corp.test	5808205676179551	236.56	delivered	192.0.2.38	2023-02-28 16:17:00+00
38	87	yusuf.dubois87@fastmail.test	5451670694454674	94.17	refunded	192.0.2.39	2023-03-01 09:58:00+00
39	4	sofía.kowalczyk4@gmail.test	5095135712729797	451.78	cancelled	\N	2023-03-02 03:39:00+00
40	41	lukas.marchetti41@mailbox.test	\N	309.39	paid	192.0.2.41	2023-03-02 21:20:00+00
41	78	aoife.whitfield78@corp.test	5382065749280043	167.00	shipped	192.0.2.42	2023-03-03 15:01:00+00
42	115	noah.fernández115@fastmail.test	5025530767555166	24.61	delivered	192.0.2.43	2023-03-04 08:42:00+00
43	32	olivia.nakamura32@gmail.test	5668995785830289	382.22	refunded	192.0.2.44	2023-03-05 02:23:00+00
44	69	mateo.kowalczyk69@mailbox.test	5312460804105412	239.83	cancelled	192.0.2.45	2023-03-05 20:04:00+00
45	106	priya.marchetti106@corp.test	5955925822380535	97.44	paid	192.0.2.46	2023-03-06 13:45:00+00
46	23	yusuf.o'sullivan23@fastmail.test	5599390840655658	455.05	shipped	192.0.2.47	2023-03-07 07:26:00+00
47	60	zoë.okonkwo60@gmail.test	5242855858930781	312.66	delivered	192.0.2.48	2023-03-08 01:07:00+00
48	97	liam.nakamura97@mailbox.test	5886320877205904	170.27	refunded	192.0.2.49	2023-03-08 18:48:00+00
49	14	aoife.brennan14@corp.test	5529785895481027	27.88	cancelled	192.0.2.50	2023-03-09 12:29:00+00
50	51	noah.haddad51@fastmail.test	\N	385.49	paid	192.0.2.51	2023-03-10 06:10:00+00
51	88	chloé.o'sullivan88@gmail.test	5816715932031273	243.10	shipped	192.0.2.52	2023-03-10 23:51:00+00
52	5	mateo.schäfer5@mailbox.test	5460180950306396	100.71	delivered	\N	2023-03-11 17:32:00+00
53	42	priya.lindqvist42@corp.test	5103645968581519	458.32	refunded	192.0.2.54	2023-03-12 11:13:00+00
54	79	tomás.brennan79@fastmail.test	5747110986856642	315.93	cancelled	192.0.2.55	2023-03-13 04:54:00+00
55	116	sofía.haddad116@gmail.test	5390576005131765	173.54	paid	192.0.2.56	2023-03-13 22:35:00+00
56	33	liam.thorsen33@mailbox.test	5034041023406888	31.15	shipped	192.0.2.57	2023-03-14 16:16:00+00
57	70	hannah.schäfer70@corp.test	5677506041682011	388.76	delivered	192.0.2.58	2023-03-15 09:57:00+00
58	107	kenji.lindqvist107@fastmail.test	5320971059957134	246.37	refunded	192.0.2.59	2023-03-16 03:38:00+00
59	24	chloé.fernández24@gmail.test	5964436078232257	103.98	cancelled	192.0.2.60	2023-03-16 21:19:00+00
60	61	oskar.dubois61@mailbox.test	\N	461.59	paid	192.0.2.61	2023-03-17 15:00:00+00
61	98	amélie.thorsen98@corp.test	5251366114782503	319.20	shipped	192.0.2.62	2023-03-18 08:41:00+00
62	15	tomás.marchetti15@fastmail.test	5894831133057626	176.81	delivered	192.0.2.63	2023-03-19 02:22:00+00
63	52	sofía.whitfield52@gmail.test	5538296151332749	34.42	refunded	192.0.2.64	2023-03-19 20:03:00+00
64	89	lukas.fernández89@mailbox.test	5181761169607872	392.03	cancelled	192.0.2.65	2023-03-20 13:44:00+00
65	6	hannah.nakamura6@corp.test	5825226187882995	249.64	paid	\N	2023-03-21 07:25:00+00
66	43	kenji.kowalczyk43@fastmail.test	5468691206158118	107.25	shipped	192.0.2.67	2023-03-22 01:06:00+00
67	80	olivia.marchetti80@gmail.test	5112156224433241	464.86	delivered	192.0.2.68	2023-03-22 18:47:00+00
68	117	mateo.whitfield117@mailbox.test	5755621242708364	322.47	refunded	192.0.2.69	2023-03-23 12:28:00+00
69	34	amélie.okonkwo34@corp.test	5399086260983487	180.08	cancelled	192.0.2.70	2023-03-24 06:09:00+00
70	71	yusuf.nakamura71@fastmail.test	\N	37.69	paid	192.0.2.71	2023-03-24 23:50:00+00
71	108	zoë.kowalczyk108@gmail.test	5686016297533733	395.30	shipped	192.0.2.72	2023-03-25 17:31:00+00
72	25	lukas.haddad25@mailbox.test	5329481315808856	252.91	delivered	192.0.2.73	2023-03-26 11:12:00+00
73	62	aoife.o'sullivan62@corp.test	5972946334083979	110.52	refunded	192.0.2.74	2023-03-27 04:53:00+00
74	99	noah.okonkwo99@fastmail.test	5616411352359102	468.13	cancelled	192.0.2.75	2023-03-27 22:34:00+00
75	16	olivia.lindqvist16@gmail.test	5259876370634225	325.74	paid	192.0.2.76	2023-03-28 16:15:00+00
76	53	mateo.brennan53@mailbox.test	5903341388909348	183.35	shipped	192.0.2.77	2023-03-29 09:56:00+00
77	90	priya.haddad90@corp.test	5546806407184471	40.96	delivered	192.0.2.78	2023-03-30 03:37:00+00
78	7	yusuf.thorsen7@fastmail.test	5190271425459594	398.57	refunded	\N	2023-03-30 21:18:00+00
79	44	zoë.schäfer44@gmail.test	5833736443734717	256.18	cancelled	192.0.2.80	2023-03-31 14:59:00+00
80	81	liam.lindqvist81@mailbox.test	\N	113.79	paid	192.0.2.81	2023-04-01 08:40:00+00
81	118	hannah.brennan118@corp.test	5120666480284963	471.40	shipped	192.0.2.82	2023-04-02 02:21:00+00
82	35	noah.dubois35@fastmail.test	5764131498560086	329.01	delivered	192.0.2.83	2023-04-02 20:02:00+00
83	72	chloé.thorsen72@gmail.test	5407596516835209	186.62	refunded	192.0.2.84	2023-04-03 13:43:00+00
84	109	oskar.schäfer109@mailbox.test	5051061535110332	44.23	cancelled	192.0.2.85	2023-04-04 07:24:00+00
85	26	priya.whitfield26@corp.test	5694526553385455	401.84	paid	192.0.2.86	2023-04-05 01:05:00+00
86	63	tomás.fernández63@fastmail.test	5337991571660578	259.45	shipped	192.0.2.87	2023-04-05 18:46:00+00
87	100	sofía.dubois100@gmail.test	5981456589935701	117.06	delivered	192.0.2.88	2023-04-06 12:27:00+00
88	17	liam.kowalczyk17@mailbox.test	5624921608210824	474.67	refunded	192.0.2.89	2023-04-07 06:08:00+00
89	54	hannah.marchetti54@corp.test	5268386626485947	332.28	cancelled	192.0.2.90	2023-04-07 23:49:00+00
90	91	kenji.whitfield91@fastmail.test	\N	189.89	paid	192.0.2.91	2023-04-08 17:30:00+00
91	8	chloé.okonkwo8@gmail.test	5555316663036193	47.50	shipped	\N	2023-04-09 11:11:00+00
92	45	oskar.nakamura45@mailbox.test	5198781681311316	405.11	delivered	192.0.2.93	2023-04-10 04:52:00+00
93	82	amélie.kowalczyk82@corp.test	5842246699586439	262.72	refunded	192.0.2.94	2023-04-10 22:33:00+00
94	119	yusuf.marchetti119@fastmail.test	5485711717861562	120.33	cancelled	192.0.2.95	2023-04-11 16:14:00+00
95	36	sofía.o'sullivan36@gmail.test	5129176736136685	477.94	paid	192.0.2.96	2023-04-12 09:55:00+00
96	73	lukas.okonkwo73@mailbox.test	5772641754411808	335.55	shipped	192.0.2.97	2023-04-13 03:36:00+00
97	110	aoife.nakamura110@corp.test	5416106772686931	193.16	delivered	192.0.2.98	2023-04-13 21:17:00+00
98	27	kenji.brennan27@fastmail.test	5059571790962054	50.77	refunded	192.0.2.99	2023-04-14 14:58:00+00
99	64	olivia.haddad64@gmail.test	5703036809237177	408.38	cancelled	192.0.2.100	2023-04-15 08:39:00+00
100	101	mateo.o'sullivan101@mailbox.test	\N	265.99	paid	192.0.2.101	2023-04-16 02:20:00+00
101	18	amélie.schäfer18@corp.test	5989966845787423	123.60	shipped	192.0.2.102	2023-04-16 20:01:00+00
102	55	yusuf.lindqvist55@fastmail.test	5633431864062546	481.21	delivered	192.0.2.103	2023-04-17 13:42:00+00
103	92	zoë.brennan92@gmail.test	5276896882337669	338.82	refunded	192.0.2.104	2023-04-18 07:23:00+00
104	9	lukas.dubois9@mailbox.test	5920361900612792	196.43	cancelled	\N	2023-04-19 01:04:00+00
105	46	aoife.thorsen46@corp.test	5563826918887915	54.04	paid	192.0.2.106	2023-04-19 18:45:00+00
106	83	noah.schäfer83@fastmail.test	5207291937163038	411.65	shipped	192.0.2.107	2023-04-20 12:26:00+00
107	120	chloé.lindqvist120@gmail.test	5850756955438161	269.26	delivered	192.0.2.108	2023-04-21 06:07:00+00
108	37	mateo.fernández37@mailbox.test	5494221973713284	126.87	refunded	192.0.2.109	2023-04-21 23:48:00+00
109	74	priya.dubois74@corp.test	5137686991988407	484.48	cancelled	192.0.2.110	2023-04-22 17:29:00+00
110	111	tomás.thorsen111@fastmail.test	\N	342.09	paid	192.0.2.111	2023-04-23 11:10:00+00
111	28	zoë.marchetti28@gmail.test	5424617028538653	199.70	shipped	192.0.2.112	2023-04-24 04:51:00+00
112	65	liam.whitfield65@mailbox.test	5068082046813776	57.31	delivered	192.0.2.113	2023-04-24 22:32:00+00
113	102	hannah.fernández102@corp.test	5711547065088899	414.92	refunded	192.0.2.114	2023-04-25 16:13:00+00
114	19	noah.nakamura19@fastmail.test	5355012083364022	272.53	cancelled	192.0.2.115	2023-04-26 09:54:00+00
115	56	chloé.kowalczyk56@gmail.test	5998477101639145	130.14	paid	192.0.2.116	2023-04-27 03:35:00+00
116	93	oskar.marchetti93@mailbox.test	5641942119914268	487.75	shipped	192.0.2.117	2023-04-27 21:16:00+00
117	10	priya.o'sullivan10@corp.test	5285407138189391	345.36	delivered	\N	2023-04-28 14:57:00+00
118	47	tomás.okonkwo47@fastmail.test	5928872156464514	202.97	refunded	192.0.2.119	2023-04-29 08:38:00+00
119	84	sofía.nakamura84@gmail.test	5572337174739637	60.58	cancelled	192.0.2.120	2023-04-30 02:19:00+00
120	1	liam.brennan1@mailbox.test	\N	418.19	paid	192.0.2.121	2023-04-30 20:00:00+00
121	38	hannah.haddad38@corp.test	5859267211289883	275.80	shipped	192.0.2.122	2023-05-01 13:41:00+00
122	75	kenji.o'sullivan75@fastmail.test	5502732229565006	133.41	delivered	192.0.2.123	2023-05-02 07:22:00+00
123	112	olivia.okonkwo112@gmail.test	5146197247840129	491.02	refunded	192.0.2.124	2023-05-03 01:03:00+00
124	29	oskar.lindqvist29@mailbox.test	5789662266115252	348.63	cancelled	192.0.2.125	2023-05-03 18:44:00+00
125	66	amélie.brennan66@corp.test	5433127284390375	206.24	paid	192.0.2.126	2023-05-04 12:25:00+00
126	103	yusuf.haddad103@fastmail.test	5076592302665498	63.85	shipped	192.0.2.127	2023-05-05 06:06:00+00
127	20	sofía.thorsen20@gmail.test	5720057320940621	421.46	delivered	192.0.2.128	2023-05-05 23:47:00+00
128	57	lukas.schäfer57@mailbox.test	5363522339215744	279.07	refunded	192.0.2.129	2023-05-06 17:28:00+00
129	94	aoife.lindqvist94@corp.test	5006987357490867	136.68	cancelled	192.0.2.130	2023-05-07 11:09:00+00
130	11	kenji.fernández11@fastmail.test	\N	494.29	paid	\N	2023-05-08 04:50:00+00
131	48	olivia.dubois48@gmail.test	5293917394041113	351.90	shipped	192.0.2.132	2023-05-08 22:31:00+00
132	85	mateo.thorsen85@mailbox.test	5937382412316236	209.51	delivered	192.0.2.133	2023-05-09 16:12:00+00
133	2	amélie.marchetti2@corp.test	5580847430591359	67.12	refunded	192.0.2.134	2023-05-10 09:53:00+00
134	39	yusuf.whitfield39@fastmail.test	5224312448866482	424.73	cancelled	192.0.2.135	2023-05-11 03:34:00+00
135	76	zoë.fernández76@gmail.test	5867777467141605	282.34	paid	192.0.2.136	2023-05-11 21:15:00+00
136	113	liam.dubois113@mailbox.test	5511242485416728	139.95	shipped	192.0.2.137	2023-05-12 14:56:00+00
137	30	aoife.kowalczyk30@corp.test	5154707503691851	497.56	delivered	192.0.2.138	2023-05-13 08:37:00+00
138	67	noah.marchetti67@fastmail.test	5798172521966974	355.17	refunded	192.0.2.139	2023-05-14 02:18:00+00
139	104	chloé.whitfield104@gmail.test	5441637540242097	212.78	cancelled	192.0.2.140	2023-05-14 19:59:00+00
140	21	mateo.okonkwo21@mailbox.test	\N	70.39	paid	192.0.2.141	2023-05-15 13:40:00+00
141	58	priya.nakamura58@corp.test	5728567576792343	428.00	shipped	192.0.2.142	2023-05-16 07:21:00+00
142	95	tomás.kowalczyk95@fastmail.test	5372032595067466	285.61	delivered	192.0.2.143	2023-05-17 01:02:00+00
143	12	zoë.haddad12@gmail.test	5015497613342589	143.22	refunded	\N	2023-05-17 18:43:00+00
144	49	liam.o'sullivan49@mailbox.test	5658962631617712	500.83	cancelled	192.0.2.145	2023-05-18 12:24:00+00
145	86	hannah.okonkwo86@corp.test	5302427649892835	358.44	paid	192.0.2.146	2023-05-19 06:05:00+00
146	3	noah.lindqvist3@fastmail.test	5945892668167958	216.05	shipped	192.0.2.147	2023-05-19 23:46:00+00
147	40	chloé.brennan40@gmail.test	5589357686443081	73.66	delivered	192.0.2.148	2023-05-20 17:27:00+00
148	77	oskar.haddad77@mailbox.test	5232822704718204	431.27	refunded	192.0.2.149	2023-05-21 11:08:00+00
149	114	amélie.o'sullivan114@corp.test	5876287722993327	288.88	cancelled	192.0.2.150	2023-05-22 04:49:00+00
150	31	tomás.schäfer31@fastmail.test	\N	146.49	paid	192.0.2.151	2023-05-22 22:30:00+00
151	68	sofía.lindqvist68@gmail.test	5163217759543573	504.10	shipped	192.0.2.152	2023-05-23 16:11:00+00
152	105	lukas.brennan105@mailbox.test	5806682777818696	361.71	delivered	192.0.2.153	2023-05-24 09:52:00+00
153	22	hannah.dubois22@corp.test	5450147796093819	219.32	refunded	192.0.2.154	2023-05-25 03:33:00+00
154	59	kenji.thorsen59@fastmail.test	5093612814368942	76.93	cancelled	192.0.2.155	2023-05-25 21:14:00+00
155	96	olivia.schäfer96@gmail.test	5737077832644065	434.54	paid	192.0.2.156	2023-05-26 14:55:00+00
156	13	oskar.whitfield13@mailbox.test	5380542850919188	292.15	shipped	\N	2023-05-27 08:36:00+00
157	50	amélie.fernández50@corp.test	5024007869194311	149.76	delivered	192.0.2.158	2023-05-28 02:17:00+00
158	87	yusuf.dubois87@fastmail.test	5667472887469434	7.37	refunded	192.0.2.159	2023-05-28 19:58:00+00
159	4	sofía.kowalczyk4@gmail.test	5310937905744557	364.98	cancelled	192.0.2.160	2023-05-29 13:39:00+00
160	41	lukas.marchetti41@mailbox.test	\N	222.59	paid	192.0.2.161	2023-05-30 07:20:00+00
161	78	aoife.whitfield78@corp.test	5597867942294803	80.20	shipped	192.0.2.162	2023-05-31 01:01:00+00
162	115	noah.fernández115@fastmail.test	5241332960569926	437.81	delivered	192.0.2.163	2023-05-31 18:42:00+00
163	32	olivia.nakamura32@gmail.test	5884797978845049	295.42	refunded	192.0.2.164	2023-06-01 12:23:00+00
164	69	mateo.kowalczyk69@mailbox.test	5528262997120172	153.03	cancelled	192.0.2.165	2023-06-02 06:04:00+00
165	106	priya.marchetti106@corp.test	5171728015395295	10.64	paid	192.0.2.166	2023-06-02 23:45:00+00
166	23	yusuf.o'sullivan23@fastmail.test	5815193033670418	368.25	shipped	192.0.2.167	2023-06-03 17:26:00+00
167	60	zoë.okonkwo60@gmail.test	5458658051945541	225.86	delivered	192.0.2.168	2023-06-04 11:07:00+00
168	97	liam.nakamura97@mailbox.test	5102123070220664	83.47	refunded	192.0.2.169	2023-06-05 04:48:00+00
169	14	aoife.brennan14@corp.test	5745588088495787	441.08	cancelled	\N	2023-06-05 22:29:00+00
170	51	noah.haddad51@fastmail.test	\N	298.69	paid	192.0.2.171	2023-06-06 16:10:00+00
171	88	chloé.o'sullivan88@gmail.test	5032518125046033	156.30	shipped	192.0.2.172	2023-06-07 09:51:00+00
172	5	mateo.schäfer5@mailbox.test	5675983143321156	13.91	delivered	192.0.2.173	2023-06-08 03:32:00+00
173	42	priya.lindqvist42@corp.test	5319448161596279	371.52	refunded	192.0.2.174	2023-06-08 21:13:00+00
174	79	tomás.brennan79@fastmail.test	5962913179871402	229.13	cancelled	192.0.2.175	2023-06-09 14:54:00+00
175	116	sofía.haddad116@gmail.test	5606378198146525	86.74	paid	192.0.2.176	2023-06-10 08:35:00+00
176	33	liam.thorsen33@mailbox.test	5249843216421648	444.35	shipped	192.0.2.177	2023-06-11 02:16:00+00
177	70	hannah.schäfer70@corp.test	5893308234696771	301.96	delivered	192.0.2.178	2023-06-11 19:57:00+00
178	107	kenji.lindqvist107@fastmail.test	5536773252971894	159.57	refunded	192.0.2.179	2023-06-12 13:38:00+00
179	24	chloé.fernández24@gmail.test	5180238271247017	17.18	cancelled	192.0.2.180	2023-06-13 07:19:00+00
180	61	oskar.dubois61@mailbox.test	\N	374.79	paid	192.0.2.181	2023-06-14 01:00:00+00
181	98	amélie.thorsen98@corp.test	5467168307797263	232.40	shipped	192.0.2.182	2023-06-14 18:41:00+00
182	15	tomás.marchetti15@fastmail.test	5110633326072386	90.01	delivered	\N	2023-06-15 12:22:00+00
183	52	sofía.whitfield52@gmail.test	5754098344347509	447.62	refunded	192.0.2.184	2023-06-16 06:03:00+00
184	89	lukas.fernández89@mailbox.test	5397563362622632	305.23	cancelled	192.0.2.185	2023-06-16 23:44:00+00
185	6	hannah.nakamura6@corp.test	5041028380897755	162.84	paid	192.0.2.186	2023-06-17 17:25:00+00
186	43	kenji.kowalczyk43@fastmail.test	5684493399172878	20.45	shipped	192.0.2.187	2023-06-18 11:06:00+00
187	80	olivia.marchetti80@gmail.test	5327958417448001	378.06	delivered	192.0.2.188	2023-06-19 04:47:00+00
188	117	mateo.whitfield117@mailbox.test	5971423435723124	235.67	refunded	192.0.2.189	2023-06-19 22:28:00+00
189	34	amélie.okonkwo34@corp.test	5614888453998247	93.28	cancelled	192.0.2.190	2023-06-20 16:09:00+00
190	71	yusuf.nakamura71@fastmail.test	\N	450.89	paid	192.0.2.191	2023-06-21 09:50:00+00
191	108	zoë.kowalczyk108@gmail.test	5901818490548493	308.50	shipped	192.0.2.192	2023-06-22 03:31:00+00
192	25	lukas.haddad25@mailbox.test	5545283508823616	166.11	delivered	192.0.2.193	2023-06-22 21:12:00+00
193	62	aoife.o'sullivan62@corp.test	5188748527098739	23.72	refunded	192.0.2.194	2023-06-23 14:53:00+00
194	99	noah.okonkwo99@fastmail.test	5832213545373862	381.33	cancelled	192.0.2.195	2023-06-24 08:34:00+00
195	16	olivia.lindqvist16@gmail.test	5475678563648985	238.94	paid	\N	2023-06-25 02:15:00+00
196	53	mateo.brennan53@mailbox.test	5119143581924108	96.55	shipped	192.0.2.197	2023-06-25 19:56:00+00
197	90	priya.haddad90@corp.test	5762608600199231	454.16	delivered	192.0.2.198	2023-06-26 13:37:00+00
198	7	yusuf.thorsen7@fastmail.test	5406073618474354	311.77	refunded	192.0.2.199	2023-06-27 07:18:00+00
199	44	zoë.schäfer44@gmail.test	5049538636749477	169.38	cancelled	192.0.2.200	2023-06-28 00:59:00+00
200	81	liam.lindqvist81@mailbox.test	\N	26.99	paid	192.0.2.201	2023-06-28 18:40:00+00
\.


--
-- Data for Name: sessions; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.sessions (id, customer_id, token, ip, user_agent, expires_at) FROM stdin;
c7af2d35-44f0-94b2-8e7f-a85bd32bd22c	8	30b9565b9922858d05ba3794d1fc8f83bf33880efb02385b881c78ec306a6248	198.51.100.2	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-01 03:00:00+00
23f97e3f-34f2-5f6e-445c-48f6028e0c18	15	f766d5a5ae2082550aea166c3ba8f77a95ebfc2254833a29960874e4e37d065a	198.51.100.3	curl/8.4.0	2024-05-01 06:00:00+00
3619e3ae-0252-53d1-79ac-fe2e8c94e9be	22	d49499bdfdeb1b992d7bccf7511464383e30b4eee22771621667521e85db6274	198.51.100.4	Mozilla/5.0 (X11; Linux x86_64)	2024-05-01 09:00:00+00
9719141f-1b1f-3f46-adfa-67bad1d4d80f	29	976d67ea9d137d207cf9ee19005b7b8ac81c91bdb32c477e00a0e9152fc9cdca	198.51.100.5	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-01 12:00:00+00
5fbc010f-ecf1-bbba-68cf-4d2fac579005	36	fb0f78736a9fd0a07126f54e5613d7f3f77890d6da4b89a07e4707e1cf9be2d9	198.51.100.6	curl/8.4.0	2024-05-01 15:00:00+00
2fb15768-6003-8b62-7f32-5abff433c321	43	786e759e52a520cc0a3f4ff608d7e6bb2e742d93bc5bc340ab44ecc4502ce143	198.51.100.7	Mozilla/5.0 (X11; Linux x86_64)	2024-05-01 18:00:00+00
719108cb-3f55-ee20-14ca-e4163ad5f2ac	50	e1e0597a8e68d55c70e0f2dc1ca2719bd37d1d661c6b887845a89d62001eee0c	198.51.100.8	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-01 21:00:00+00
dd42a782-11c8-2a00-9acd-b842701ec9ab	57	610b0426c3e1785deb913c794f7fa9131e0e69e4c04d09cd9c88731f91f2d54c	198.51.100.9	curl/8.4.0	2024-05-02 00:00:00+00
3eb49abc-4b6b-cccf-2590-88aa7199b663	64	a893d0dc73085c8e0078c9abb093030e98080fbd7e5df3c51d7a8b4731255fc3	198.51.100.10	Mozilla/5.0 (X11; Linux x86_64)	2024-05-02 03:00:00+00
0be25bf5-8ebe-ce3c-0c96-bdb3100ca563	71	0fa5cb3e22b287d54d1a3c0b049384203952639cdc48ded3f645ddb43a44cb94	198.51.100.11	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-02 06:00:00+00
9d8d5a81-de06-7477-42f2-20c94e798948	78	08336ad2d56ab90aadbfa138851356ad018015ef40556d373d97d2a0db7a75d6	198.51.100.12	curl/8.4.0	2024-05-02 09:00:00+00
94330b16-8b76-d48e-3969-d2a727ebf9a9	85	d6b8f6b46e85fc32a27c5651b5e559981eda066a35976f4d13115572f718461a	198.51.100.13	Mozilla/5.0 (X11; Linux x86_64)	2024-05-02 12:00:00+00
c520e559-e379-225d-b687-790fe26ea1f9	92	cac74f51e2f045c7a312f2cf37e9a318bf3098cad251c5a3a4206e575b0ae123	198.51.100.14	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-02 15:00:00+00
e4b862b5-a1f7-51f5-bf2c-966f8b9010b2	99	6ea88c05b90e83e4f5cbf6a04801a17ce3af7e056410199b18a4c26df76510be	198.51.100.15	curl/8.4.0	2024-05-02 18:00:00+00
92163259-e264-8939-def0-8bca0565a877	106	563d77a859aaecb5ff07a3ed09fdaf3ba617091dd37b39929e70908846f8e6ab	198.51.100.16	Mozilla/5.0 (X11; Linux x86_64)	2024-05-02 21:00:00+00
5427338f-d245-f1d5-ad79-8541a1f5b065	113	c3a5e4b0063472a2332643f9e3f06afef5554cd1f39d613e89ef1e54beaf7846	198.51.100.17	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-03 00:00:00+00
45a089d1-9fce-c141-6fe7-ef436f0ff405	120	5441206256d1d406341e4bd809192efc92d1850d0313b4d315b70459de92ba0f	198.51.100.18	curl/8.4.0	2024-05-03 03:00:00+00
cd3086c6-09ac-7923-06bf-368abe6c8ebe	7	f1dd97b493440c6953a1b5f538e632bda10a7591764646e0278b0413a4161cc9	198.51.100.19	Mozilla/5.0 (X11; Linux x86_64)	2024-05-03 06:00:00+00
56b341c9-9b7f-8ced-efc9-cde2d76c516d	14	5c249167f1e501a1573a78bdc08a06417e324244fb8c78dca7beefaac32cb40e	198.51.100.20	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-03 09:00:00+00
44ef888f-cc43-d0fe-9bc1-05c9d61660f8	21	bc68ed80529a80469986fbf62eadc1ab2d34f307f073706a208bc6b5ecad3cb0	198.51.100.21	curl/8.4.0	2024-05-03 12:00:00+00
78929496-8b96-c5b5-914b-a8d6145e4d73	28	8edb02e580b5b5a205e68fcc7c64ba704ee93f1fd077056afb6de158b7c0f805	198.51.100.22	Mozilla/5.0 (X11; Linux x86_64)	2024-05-03 15:00:00+00
747a4168-055e-f952-5955-40fa23517fa0	35	f746a1127cf516c43d9c71cbf465d5e2f463f0ea58fbeb154d42fe2fa569e628	198.51.100.23	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-03 18:00:00+00
9d67b71b-58aa-f54b-36e3-7a4efb0e21c5	42	9231caf6e3a42723be7e968b019227b0191696c1445fa5781586411d40f07592	198.51.100.24	curl/8.4.0	2024-05-03 21:00:00+00
d624b222-4768-4acb-9dfc-e49a7205b011	49	0e94ab45edd05650c951fda599894469a5a923f919b5b5cc47ad4de935474907	198.51.100.25	Mozilla/5.0 (X11; Linux x86_64)	2024-05-04 00:00:00+00
90cf7112-636a-fcb6-ca73-aac8c1d24da2	56	cdbde2bda6448c225a5fa752167c3f58964b7a7104ee9f6e31aead2b2e76c868	198.51.100.26	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-04 03:00:00+00
c24ebe78-4334-4654-4d56-7183fe07bed3	63	0629cbca0e4386eb05edf38050b555feb6033a43f61f0369ce88b5f611321dc4	198.51.100.27	curl/8.4.0	2024-05-04 06:00:00+00
5765bde7-9ad8-5157-26f1-b00213cee3ae	70	d06a8a0dc3cde5d15ba3d12bacc7031899c261faf17ab252be48ed5bd91e791a	198.51.100.28	Mozilla/5.0 (X11; Linux x86_64)	2024-05-04 09:00:00+00
c11b1e1c-80b2-0dbc-7e0d-6d6673e75355	77	79f9633962a9c93867669830b9552ed0f2ee3e2677e2ef2182cad821fb2f5986	198.51.100.29	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-04 12:00:00+00
97651908-1be5-6b6f-cf3b-77cb094c0b4e	84	5e2161bdc963af6e0fe9946a54a7068278b25be6e31464d031c61f12805442a1	198.51.100.30	curl/8.4.0	2024-05-04 15:00:00+00
c92c22c6-d6e8-b05b-d3f1-4574300d3977	91	4bd692d5584d98c19fc06ab781bb1283e52445e7ec3375c86648998e77ccd84a	198.51.100.31	Mozilla/5.0 (X11; Linux x86_64)	2024-05-04 18:00:00+00
839cc642-5495-0920-a7a4-fd05854b8a69	98	78b5353cdc20097da61da55a6b8f269883f7b7a22754ef6e781b17dfbd39fb7b	198.51.100.32	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-04 21:00:00+00
ca5f73b3-1f02-e705-4d33-49fc8236905c	105	3f1ce8e393642a752ada6e4157e3f60a65a1f86e0e393eea08960f85755eeccf	198.51.100.33	curl/8.4.0	2024-05-05 00:00:00+00
d1d6c993-00b2-bd46-7945-9453a3ba62e7	112	d5a673f60b1d20361314604ff359dabf5c6240584bc512955b821d43ec547ad7	198.51.100.34	Mozilla/5.0 (X11; Linux x86_64)	2024-05-05 03:00:00+00
89b6ebfe-d71e-ffed-ee99-d560e4e23e59	119	a0cae3b2cdf7cb3cec5992297ed701dd313f1c74d01f548526990069c5ee9be0	198.51.100.35	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-05 06:00:00+00
01ac3aaf-8bf7-ac13-822c-77d9e5be01b1	6	8f771d6d983f159e3b9e2c8112efa3ef98f56bb4a6439a168e735472bc2314b3	198.51.100.36	curl/8.4.0	2024-05-05 09:00:00+00
46628192-06f5-4016-3670-0f1b9d02ddef	13	39a0818d39e2eacc811d00c327622a78f785003a10ca17345a81a350fe067acd	198.51.100.37	Mozilla/5.0 (X11; Linux x86_64)	2024-05-05 12:00:00+00
91393c1d-e7ed-13aa-9ca4-01eba232fe01	20	e2f7fec519d6337574a69eaada13955ed383b1aece3505695612c1cd6b4cc00d	198.51.100.38	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-05 15:00:00+00
d0952b73-2170-fe03-7c94-adc4d3f5353d	27	0395f69ed3d9050b1852ebe72dcc646cbad94d0c1cac6deb5f8ac56a2ce480fb	198.51.100.39	curl/8.4.0	2024-05-05 18:00:00+00
a408641e-28b6-6dd0-78cc-3a5ebae34b19	34	32ea0b389639bafcef507f84fa6c2c9584ac533465aad6992b8a317da9f5bf9b	198.51.100.40	Mozilla/5.0 (X11; Linux x86_64)	2024-05-05 21:00:00+00
64fed97b-eb3e-34ec-5661-52c27ea7a5e8	41	4925b9047e652ff9db613228d54df2af81d808d2f687580c58035d48fee09836	198.51.100.41	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-06 00:00:00+00
48302a0d-d61a-006e-2443-3e9deb68ce93	48	fbdd45d485a12e2495a5094c2c6be0eac1e860acd3fb216dcee749fdf7d26f31	198.51.100.42	curl/8.4.0	2024-05-06 03:00:00+00
085f6355-72b4-4240-7e04-df1a08cece47	55	f600087698e9811baa4c759cc2f8f1765aaa7d85123996e51b4b4fa6c5181c73	198.51.100.43	Mozilla/5.0 (X11; Linux x86_64)	2024-05-06 06:00:00+00
8d8e8e4c-3b5b-335c-3ffc-7cf8686e238a	62	ecb0c3537c33ffe0beb8887b24e06af3988a6ef6065b131be335d99f001fa006	198.51.100.44	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-06 09:00:00+00
40c747a7-818e-fc6c-d217-876fcb6a4129	69	7e4fec0912ac488b0110592c8d826481ff65cdc07056426744d509707345863d	198.51.100.45	curl/8.4.0	2024-05-06 12:00:00+00
f5706680-fd95-25fe-08fe-25485c5423e1	76	142f788ba795dc54a56347934e464a6097354c0cf0a2b34b2f7074529feab8a9	198.51.100.46	Mozilla/5.0 (X11; Linux x86_64)	2024-05-06 15:00:00+00
bdd01576-df06-233e-9ab3-8354081ad45a	83	9dd93e40cacc30f46fbcc3c94b09e28386b1aaeb28a484d99bc31f23ced5cbe3	198.51.100.47	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-06 18:00:00+00
a45a5a29-434f-43ec-4021-3cc056f7972d	90	17765d8871dd8b1e5bc4823d97b130aca2cde1eb1d065b921ce023b53558761b	198.51.100.48	curl/8.4.0	2024-05-06 21:00:00+00
ee6f647e-ebdd-7521-05cf-44420b26d71b	97	42fe0f6b8e54a00aec67482ad6104ab29bfb1dda934a35baabcaf58be58b798d	198.51.100.49	Mozilla/5.0 (X11; Linux x86_64)	2024-05-07 00:00:00+00
bc452462-4d85-3a92-9ca0-4c1e98c9257f	104	073a6e6270fc41598b1d1fd0ed4efd5df8f2e9a06d31a99745443b0ce7862a93	198.51.100.50	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-07 03:00:00+00
5c5eea61-857a-42f8-2a18-ac6bcd98d83e	111	26d4c2bc0c4d6f49637f2cd4f31a1895664c575068779c7c5dbdf144deef3067	198.51.100.51	curl/8.4.0	2024-05-07 06:00:00+00
a25e3e58-7904-aa59-b729-023a20aee473	118	ee756551c9f0d1bf5cfcde044c5ebc32d8336983906b8204aa4ed3fc3bea2fcb	198.51.100.52	Mozilla/5.0 (X11; Linux x86_64)	2024-05-07 09:00:00+00
3f0dc49d-ba99-7312-cd3c-fa5bf8812342	5	924b22ee126efb0e154329269ba89bb013f15b9aae7be18ad7fcde877a82f040	198.51.100.53	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-07 12:00:00+00
c56d3d33-e0a3-2e18-caf2-16205d0705c3	12	e72d537090a08b8e8817123cb480621b745561a27784f818c0153dca6114348d	198.51.100.54	curl/8.4.0	2024-05-07 15:00:00+00
0fdf9ec4-f7e4-cef4-2d9b-f242f9f04515	19	8dd26a490547fef1bc1d998da8e5d92b96a91ebd59df98ef29958d1416e780be	198.51.100.55	Mozilla/5.0 (X11; Linux x86_64)	2024-05-07 18:00:00+00
e34f3cf4-4fa7-b2e0-474e-48ae3e7fb9bb	26	06f4cc5a63e8f3a36b8835020f3b58feaa9e3d3a3e788f19e0186c2c931a512e	198.51.100.56	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-07 21:00:00+00
389cb0d8-48cd-e19b-6d24-c251c45cb2e4	33	6dd0fccaad199b57b778a9ad884a6243139e1b85560679158aefa5a8df2352ee	198.51.100.57	curl/8.4.0	2024-05-08 00:00:00+00
05b2209d-72aa-f456-13f0-b81514149998	40	0a911d66aa782450a614e7b61f5df62e8dd863394f8919bf254c585b978524fd	198.51.100.58	Mozilla/5.0 (X11; Linux x86_64)	2024-05-08 03:00:00+00
a78a0c66-f6a7-053e-5de7-4b1824567046	47	bfa7f842e65555ff0bfe90bfecfbe765a34830b4fe57ba3b524fae09bcf3c79a	198.51.100.59	Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)	2024-05-08 06:00:00+00
517bbbfb-22b5-b103-9da3-9763eb2b756c	54	5175b8f2ae04050c4e14efe9f631132212e2c5a37338c6aed9e58f2c2be007c6	198.51.100.60	curl/8.4.0	2024-05-08 09:00:00+00
1c2d1f2e-d32e-d7c8-4679-4881ea35fe6f	61	53adee25be28960c1ea1c91e9e3d835ffb8d83a3666462622c7e669f88d393bb	198.51.100.61	Mozilla/5.0 (X11; Linux x86_64)	2024-05-08 12:00:00+00
\.


--
-- Name: Ticket Notes Ticket Notes_pkey; Type: CONSTRAINT; Schema: Support; Owner: postgres
--

ALTER TABLE ONLY "Support"."Ticket Notes"
    ADD CONSTRAINT "Ticket Notes_pkey" PRIMARY KEY (id);


--
-- Name: addresses addresses_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.addresses
    ADD CONSTRAINT addresses_pkey PRIMARY KEY (id);


--
-- Name: customers customers_email_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_email_key UNIQUE (email);


--
-- Name: customers customers_external_id_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_external_id_key UNIQUE (external_id);


--
-- Name: customers customers_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_pkey PRIMARY KEY (id);


--
-- Name: customers customers_username_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT customers_username_key UNIQUE (username);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: sessions sessions_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);


--
-- Name: orders_customer_id_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id);


--
-- Name: Ticket Notes Ticket Notes_customer_id_fkey; Type: FK CONSTRAINT; Schema: Support; Owner: postgres
--

ALTER TABLE ONLY "Support"."Ticket Notes"
    ADD CONSTRAINT "Ticket Notes_customer_id_fkey" FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: addresses addresses_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.addresses
    ADD CONSTRAINT addresses_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- Name: sessions sessions_customer_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT sessions_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);


--
-- PostgreSQL database dump complete
--

\unrestrict mWqBRlBi4yLRXMPPHRnDiaAx6kDeOmx3tSDbIByPHTlufvDaX6R0fy7rDf44b5c

