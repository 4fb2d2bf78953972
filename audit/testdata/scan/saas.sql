--
-- PostgreSQL database dump
--

\restrict a6HK05q4bYOWNoN8UEjexKcpjIdmLUKIlMJcFWWdjioukoUq48RSVfLnWkg1Ya5

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
-- Name: app; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA app;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.api_keys (
    id integer NOT NULL,
    utilisateur_id bigint NOT NULL,
    token text NOT NULL,
    scopes text[],
    created_at timestamp with time zone
);


--
-- Name: api_keys_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.api_keys_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: api_keys_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.api_keys_id_seq OWNED BY app.api_keys.id;


--
-- Name: audit_log; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.audit_log (
    id bigint NOT NULL,
    actor text,
    action text,
    remote_addr inet,
    details jsonb,
    message text
);


--
-- Name: audit_log_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: audit_log_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.audit_log_id_seq OWNED BY app.audit_log.id;


--
-- Name: clientes; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.clientes (
    id integer NOT NULL,
    nombre text,
    apellidos text,
    correo text,
    telefono text,
    direccion text,
    ciudad text,
    codigo_postal text,
    dni character varying(9),
    activo boolean
);


--
-- Name: clientes_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.clientes_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: clientes_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.clientes_id_seq OWNED BY app.clientes.id;


--
-- Name: kunden; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.kunden (
    id integer NOT NULL,
    vorname text,
    nachname text,
    strasse text,
    plz character varying(5),
    ort text,
    geburtsdatum date,
    "E-Mail-Adresse" text,
    notiz text
);


--
-- Name: kunden_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.kunden_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: kunden_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.kunden_id_seq OWNED BY app.kunden.id;


--
-- Name: plans; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.plans (
    id integer NOT NULL,
    code text,
    monthly_price numeric(8,2),
    features text[]
);


--
-- Name: plans_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.plans_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plans_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.plans_id_seq OWNED BY app.plans.id;


--
-- Name: utilisateurs; Type: TABLE; Schema: app; Owner: -
--

CREATE TABLE app.utilisateurs (
    id bigint NOT NULL,
    courriel text NOT NULL,
    prenom text,
    nom text,
    telephone text,
    date_naissance date,
    mot_de_passe text NOT NULL,
    cree_le timestamp with time zone
);


--
-- Name: utilisateurs_id_seq; Type: SEQUENCE; Schema: app; Owner: -
--

CREATE SEQUENCE app.utilisateurs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: utilisateurs_id_seq; Type: SEQUENCE OWNED BY; Schema: app; Owner: -
--

ALTER SEQUENCE app.utilisateurs_id_seq OWNED BY app.utilisateurs.id;


--
-- Name: api_keys id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.api_keys ALTER COLUMN id SET DEFAULT nextval('app.api_keys_id_seq'::regclass);


--
-- Name: audit_log id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_log ALTER COLUMN id SET DEFAULT nextval('app.audit_log_id_seq'::regclass);


--
-- Name: clientes id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.clientes ALTER COLUMN id SET DEFAULT nextval('app.clientes_id_seq'::regclass);


--
-- Name: kunden id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.kunden ALTER COLUMN id SET DEFAULT nextval('app.kunden_id_seq'::regclass);


--
-- Name: plans id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.plans ALTER COLUMN id SET DEFAULT nextval('app.plans_id_seq'::regclass);


--
-- Name: utilisateurs id; Type: DEFAULT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.utilisateurs ALTER COLUMN id SET DEFAULT nextval('app.utilisateurs_id_seq'::regclass);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.api_keys (id, utilisateur_id, token, scopes, created_at) FROM stdin;
1	1	sk_live_c2add694bf942dc77b376592d9c862cd	{read,write}	2024-04-02 00:00:00+00
2	2	sk_live_78f825aaa0103319aaa1a30bf4fe3ada	{read,write}	2024-04-03 00:00:00+00
3	3	sk_live_3631578538a2d6ba5879b31a9a42f290	{read,write}	2024-04-04 00:00:00+00
4	4	sk_live_caf8e34be07426ae7127c1b4829983c1	{read,write}	2024-04-05 00:00:00+00
5	5	sk_live_3daa9b9a0cd29195de716a044c73783f	{read,write}	2024-04-06 00:00:00+00
6	6	sk_live_646df7a169a38bbff2f196188a0f78c6	{read,write}	2024-04-07 00:00:00+00
7	7	sk_live_f99154cdd994fbe94f74ecc986589eee	{read,write}	2024-04-08 00:00:00+00
8	8	sk_live_5d418dbd02ac1097f9ca517b13c92edb	{read,write}	2024-04-09 00:00:00+00
9	9	sk_live_0cd6c8eb4cfdc48041d33e121648a17e	{read,write}	2024-04-10 00:00:00+00
10	10	sk_live_f127d518e798ab8e3d66716af7e2d54b	{read,write}	2024-04-11 00:00:00+00
11	11	sk_live_ea41dc95faa803d8f240d8e9429be7d9	{read,write}	2024-04-12 00:00:00+00
12	12	sk_live_d732c8d602e9fed3a865adb58a0c7b4e	{read,write}	2024-04-13 00:00:00+00
13	13	sk_live_f74d06642a8d9b422237a88d72ec0c37	{read,write}	2024-04-14 00:00:00+00
14	14	sk_live_893bfff4db94a6e0d81f4edc5d614ca6	{read,write}	2024-04-15 00:00:00+00
15	15	sk_live_5fad0a4b0df1932909bac2090c156b8e	{read,write}	2024-04-16 00:00:00+00
16	16	sk_live_fd3a324f2074c2350686f0e472fa1777	{read,write}	2024-04-17 00:00:00+00
17	17	sk_live_ba61dab04e7685df3f071a15bffbf828	{read,write}	2024-04-18 00:00:00+00
18	18	sk_live_1fd39ec4ae27c827e8865d7057769c05	{read,write}	2024-04-19 00:00:00+00
19	19	sk_live_54f8a657c17dd5e1673e4f97e38efa08	{read,write}	2024-04-20 00:00:00+00
20	20	sk_live_0ac90ec2366034e480438e95b8555dbb	{read,write}	2024-04-21 00:00:00+00
21	21	sk_live_0996e40ee99132f44ce2804944fa8647	{read,write}	2024-04-22 00:00:00+00
22	22	sk_live_5fbd1eef808498be3dbab1b60c631796	{read,write}	2024-04-23 00:00:00+00
23	23	sk_live_de8297196545d1d595aea4b7ff4b9eca	{read,write}	2024-04-24 00:00:00+00
24	24	sk_live_c28dcfdd790fa96a1fecdbe97b346715	{read,write}	2024-04-25 00:00:00+00
25	25	sk_live_64757d91f5d2df8e63ee1688b0123372	{read,write}	2024-04-26 00:00:00+00
26	26	sk_live_dbc78929f3f4c3cc9486f28d8aa41132	{read,write}	2024-04-27 00:00:00+00
27	27	sk_live_d95fea7859a1ae9ed4d824a3660470a6	{read,write}	2024-04-28 00:00:00+00
28	28	sk_live_cd7ca6e22fb9737eb0e5dba0ce6c6f39	{read,write}	2024-04-29 00:00:00+00
29	29	sk_live_49461610124c060be9b596dbe92c33d6	{read,write}	2024-04-30 00:00:00+00
30	30	sk_live_fdf2c0150fadfe7ea09a188d271b9413	{read,write}	2024-05-01 00:00:00+00
31	31	sk_live_316ec74ce9dc1030031ea36f3404a8c9	{read,write}	2024-05-02 00:00:00+00
32	32	sk_live_f6affd2de1d054060597ab9599f89e33	{read,write}	2024-05-03 00:00:00+00
33	33	sk_live_ce7d7d4689dbaff22c2e63a4e903892e	{read,write}	2024-05-04 00:00:00+00
34	34	sk_live_e4c42ec01c975d6abdfa81af486cd959	{read,write}	2024-05-05 00:00:00+00
35	35	sk_live_c29e6a92ba6b3d7bfb8d8c86d8878707	{read,write}	2024-05-06 00:00:00+00
36	36	sk_live_dcfb113069f19d91d58f5c2d3a53a969	{read,write}	2024-05-07 00:00:00+00
37	37	sk_live_478c9b75d0f5c53d8de0a1d0bb09e9f4	{read,write}	2024-05-08 00:00:00+00
38	38	sk_live_54518057a756d04895b7309586285daa	{read,write}	2024-05-09 00:00:00+00
39	39	sk_live_f6615207673f7b7801251028209db748	{read,write}	2024-05-10 00:00:00+00
40	40	sk_live_1ce0100f08b9e240541f550d9e458f51	{read,write}	2024-05-11 00:00:00+00
41	41	sk_live_c6256e736869641678beaef35860dee7	{read,write}	2024-05-12 00:00:00+00
42	42	sk_live_aba941d88bc83a1ab69e2a16f2c9e2eb	{read,write}	2024-05-13 00:00:00+00
43	43	sk_live_822f0e67eb56117c60e1ed0e7240e1ac	{read,write}	2024-05-14 00:00:00+00
44	44	sk_live_10bc13fa212e16c6eeaa4fa6c133817f	{read,write}	2024-05-15 00:00:00+00
45	45	sk_live_b838ccf7492f8b33e60202d9c1636bbd	{read,write}	2024-05-16 00:00:00+00
46	46	sk_live_9d9855e36564e58f2863cc060adba941	{read,write}	2024-05-17 00:00:00+00
47	47	sk_live_69ffd2c0e7773667b770899a7e900d1a	{read,write}	2024-05-18 00:00:00+00
48	48	sk_live_0c549ccdad907558e13d84f17509ba11	{read,write}	2024-05-19 00:00:00+00
49	49	sk_live_9254884dee5a10d616af3a660054b834	{read,write}	2024-05-20 00:00:00+00
50	50	sk_live_5a8e00b1cd2930e44ed84b8bbbf44f7a	{read,write}	2024-05-21 00:00:00+00
\.


--
-- Data for Name: audit_log; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.audit_log (id, actor, action, remote_addr, details, message) FROM stdin;
1	client2@exemple-reel.test	login	198.51.100.1	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
2	client3@exemple-reel.test	login	198.51.100.2	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
3	client4@exemple-reel.test	login	198.51.100.3	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
4	client5@exemple-reel.test	login	198.51.100.4	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
5	client6@exemple-reel.test	login	198.51.100.5	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
6	client7@exemple-reel.test	login	198.51.100.6	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
7	client8@exemple-reel.test	login	198.51.100.7	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
8	client9@exemple-reel.test	login	198.51.100.8	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
9	client10@exemple-reel.test	login	198.51.100.9	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
10	client11@exemple-reel.test	login	198.51.100.10	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
11	client12@exemple-reel.test	login	198.51.100.11	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
12	client13@exemple-reel.test	login	198.51.100.12	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
13	client14@exemple-reel.test	login	198.51.100.13	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
14	client15@exemple-reel.test	login	198.51.100.14	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
15	client16@exemple-reel.test	login	198.51.100.15	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
16	client17@exemple-reel.test	login	198.51.100.16	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
17	client18@exemple-reel.test	login	198.51.100.17	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
18	client19@exemple-reel.test	login	198.51.100.18	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
19	client20@exemple-reel.test	login	198.51.100.19	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
20	client21@exemple-reel.test	login	198.51.100.20	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
21	client22@exemple-reel.test	login	198.51.100.21	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
22	client23@exemple-reel.test	login	198.51.100.22	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
23	client24@exemple-reel.test	login	198.51.100.23	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
24	client25@exemple-reel.test	login	198.51.100.24	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
25	client26@exemple-reel.test	login	198.51.100.25	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
26	client27@exemple-reel.test	login	198.51.100.26	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
27	client28@exemple-reel.test	login	198.51.100.27	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
28	client29@exemple-reel.test	login	198.51.100.28	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
29	client30@exemple-reel.test	login	198.51.100.29	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
30	client31@exemple-reel.test	login	198.51.100.30	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
31	client32@exemple-reel.test	login	198.51.100.31	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
32	client33@exemple-reel.test	login	198.51.100.32	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
33	client34@exemple-reel.test	login	198.51.100.33	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
34	client35@exemple-reel.test	login	198.51.100.34	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
35	client36@exemple-reel.test	login	198.51.100.35	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
36	client37@exemple-reel.test	login	198.51.100.36	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
37	client38@exemple-reel.test	login	198.51.100.37	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
38	client39@exemple-reel.test	login	198.51.100.38	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
39	client40@exemple-reel.test	login	198.51.100.39	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
40	client41@exemple-reel.test	login	198.51.100.40	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
41	client42@exemple-reel.test	login	198.51.100.41	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
42	client43@exemple-reel.test	login	198.51.100.42	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
43	client44@exemple-reel.test	login	198.51.100.43	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
44	client45@exemple-reel.test	login	198.51.100.44	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
45	client46@exemple-reel.test	login	198.51.100.45	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
46	client47@exemple-reel.test	login	198.51.100.46	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
47	client48@exemple-reel.test	login	198.51.100.47	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
48	client49@exemple-reel.test	login	198.51.100.48	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
49	client50@exemple-reel.test	login	198.51.100.49	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
50	client1@exemple-reel.test	login	198.51.100.50	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
51	client2@exemple-reel.test	login	198.51.100.51	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
52	client3@exemple-reel.test	login	198.51.100.52	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
53	client4@exemple-reel.test	login	198.51.100.53	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
54	client5@exemple-reel.test	login	198.51.100.54	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
55	client6@exemple-reel.test	login	198.51.100.55	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
56	client7@exemple-reel.test	login	198.51.100.56	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
57	client8@exemple-reel.test	login	198.51.100.57	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
58	client9@exemple-reel.test	login	198.51.100.58	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
59	client10@exemple-reel.test	login	198.51.100.59	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
60	client11@exemple-reel.test	login	198.51.100.60	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
61	client12@exemple-reel.test	login	198.51.100.61	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
62	client13@exemple-reel.test	login	198.51.100.62	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
63	client14@exemple-reel.test	login	198.51.100.63	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
64	client15@exemple-reel.test	login	198.51.100.64	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
65	client16@exemple-reel.test	login	198.51.100.65	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
66	client17@exemple-reel.test	login	198.51.100.66	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
67	client18@exemple-reel.test	login	198.51.100.67	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
68	client19@exemple-reel.test	login	198.51.100.68	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
69	client20@exemple-reel.test	login	198.51.100.69	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
70	client21@exemple-reel.test	login	198.51.100.70	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
71	client22@exemple-reel.test	login	198.51.100.71	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
72	client23@exemple-reel.test	login	198.51.100.72	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
73	client24@exemple-reel.test	login	198.51.100.73	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
74	client25@exemple-reel.test	login	198.51.100.74	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
75	client26@exemple-reel.test	login	198.51.100.75	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
76	client27@exemple-reel.test	login	198.51.100.76	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
77	client28@exemple-reel.test	login	198.51.100.77	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
78	client29@exemple-reel.test	login	198.51.100.78	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
79	client30@exemple-reel.test	login	198.51.100.79	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
80	client31@exemple-reel.test	login	198.51.100.80	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
81	client32@exemple-reel.test	login	198.51.100.81	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
82	client33@exemple-reel.test	login	198.51.100.82	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
83	client34@exemple-reel.test	login	198.51.100.83	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
84	client35@exemple-reel.test	login	198.51.100.84	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
85	client36@exemple-reel.test	login	198.51.100.85	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
86	client37@exemple-reel.test	login	198.51.100.86	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
87	client38@exemple-reel.test	login	198.51.100.87	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
88	client39@exemple-reel.test	login	198.51.100.88	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
89	client40@exemple-reel.test	login	198.51.100.89	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
90	client41@exemple-reel.test	login	198.51.100.90	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
91	client42@exemple-reel.test	login	198.51.100.91	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
92	client43@exemple-reel.test	login	198.51.100.92	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
93	client44@exemple-reel.test	login	198.51.100.93	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
94	client45@exemple-reel.test	login	198.51.100.94	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
95	client46@exemple-reel.test	login	198.51.100.95	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
96	client47@exemple-reel.test	login	198.51.100.96	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
97	client48@exemple-reel.test	login	198.51.100.97	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
98	client49@exemple-reel.test	login	198.51.100.98	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
99	client50@exemple-reel.test	login	198.51.100.99	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
100	client1@exemple-reel.test	login	198.51.100.100	{"ok": true, "ua": "Mozilla/5.0"}	login succeeded
\.


--
-- Data for Name: clientes; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.clientes (id, nombre, apellidos, correo, telefono, direccion, ciudad, codigo_postal, dni, activo) FROM stdin;
1	Nombre1	Apellido1	cliente1@correo-real.test	+34 91 123 0001	Calle Mayor 1	Madrid	28001	00000001Z	t
2	Nombre2	Apellido2	cliente2@correo-real.test	+34 91 123 0002	Calle Mayor 2	Madrid	28002	00000002Z	t
3	Nombre3	Apellido3	cliente3@correo-real.test	+34 91 123 0003	Calle Mayor 3	Madrid	28003	00000003Z	t
4	Nombre4	Apellido4	cliente4@correo-real.test	+34 91 123 0004	Calle Mayor 4	Madrid	28004	00000004Z	t
5	Nombre5	Apellido5	cliente5@correo-real.test	+34 91 123 0005	Calle Mayor 5	Madrid	28005	00000005Z	t
6	Nombre6	Apellido6	cliente6@correo-real.test	+34 91 123 0006	Calle Mayor 6	Madrid	28006	00000006Z	t
7	Nombre7	Apellido7	cliente7@correo-real.test	+34 91 123 0007	Calle Mayor 7	Madrid	28007	00000007Z	t
8	Nombre8	Apellido8	cliente8@correo-real.test	+34 91 123 0008	Calle Mayor 8	Madrid	28008	00000008Z	t
9	Nombre9	Apellido9	cliente9@correo-real.test	+34 91 123 0009	Calle Mayor 9	Madrid	28009	00000009Z	t
10	Nombre10	Apellido10	cliente10@correo-real.test	+34 91 123 0010	Calle Mayor 10	Madrid	28010	00000010Z	t
11	Nombre11	Apellido11	cliente11@correo-real.test	+34 91 123 0011	Calle Mayor 11	Madrid	28011	00000011Z	t
12	Nombre12	Apellido12	cliente12@correo-real.test	+34 91 123 0012	Calle Mayor 12	Madrid	28012	00000012Z	t
13	Nombre13	Apellido13	cliente13@correo-real.test	+34 91 123 0013	Calle Mayor 13	Madrid	28013	00000013Z	t
14	Nombre14	Apellido14	cliente14@correo-real.test	+34 91 123 0014	Calle Mayor 14	Madrid	28014	00000014Z	t
15	Nombre15	Apellido15	cliente15@correo-real.test	+34 91 123 0015	Calle Mayor 15	Madrid	28015	00000015Z	t
16	Nombre16	Apellido16	cliente16@correo-real.test	+34 91 123 0016	Calle Mayor 16	Madrid	28016	00000016Z	t
17	Nombre17	Apellido17	cliente17@correo-real.test	+34 91 123 0017	Calle Mayor 17	Madrid	28017	00000017Z	t
18	Nombre18	Apellido18	cliente18@correo-real.test	+34 91 123 0018	Calle Mayor 18	Madrid	28018	00000018Z	t
19	Nombre19	Apellido19	cliente19@correo-real.test	+34 91 123 0019	Calle Mayor 19	Madrid	28019	00000019Z	t
20	Nombre20	Apellido20	cliente20@correo-real.test	+34 91 123 0020	Calle Mayor 20	Madrid	28020	00000020Z	t
21	Nombre21	Apellido21	cliente21@correo-real.test	+34 91 123 0021	Calle Mayor 21	Madrid	28021	00000021Z	t
22	Nombre22	Apellido22	cliente22@correo-real.test	+34 91 123 0022	Calle Mayor 22	Madrid	28022	00000022Z	t
23	Nombre23	Apellido23	cliente23@correo-real.test	+34 91 123 0023	Calle Mayor 23	Madrid	28023	00000023Z	t
24	Nombre24	Apellido24	cliente24@correo-real.test	+34 91 123 0024	Calle Mayor 24	Madrid	28024	00000024Z	t
25	Nombre25	Apellido25	cliente25@correo-real.test	+34 91 123 0025	Calle Mayor 25	Madrid	28025	00000025Z	t
26	Nombre26	Apellido26	cliente26@correo-real.test	+34 91 123 0026	Calle Mayor 26	Madrid	28026	00000026Z	t
27	Nombre27	Apellido27	cliente27@correo-real.test	+34 91 123 0027	Calle Mayor 27	Madrid	28027	00000027Z	t
28	Nombre28	Apellido28	cliente28@correo-real.test	+34 91 123 0028	Calle Mayor 28	Madrid	28028	00000028Z	t
29	Nombre29	Apellido29	cliente29@correo-real.test	+34 91 123 0029	Calle Mayor 29	Madrid	28029	00000029Z	t
30	Nombre30	Apellido30	cliente30@correo-real.test	+34 91 123 0030	Calle Mayor 30	Madrid	28030	00000030Z	t
31	Nombre31	Apellido31	cliente31@correo-real.test	+34 91 123 0031	Calle Mayor 31	Madrid	28031	00000031Z	t
32	Nombre32	Apellido32	cliente32@correo-real.test	+34 91 123 0032	Calle Mayor 32	Madrid	28032	00000032Z	t
33	Nombre33	Apellido33	cliente33@correo-real.test	+34 91 123 0033	Calle Mayor 33	Madrid	28033	00000033Z	t
34	Nombre34	Apellido34	cliente34@correo-real.test	+34 91 123 0034	Calle Mayor 34	Madrid	28034	00000034Z	t
35	Nombre35	Apellido35	cliente35@correo-real.test	+34 91 123 0035	Calle Mayor 35	Madrid	28035	00000035Z	t
36	Nombre36	Apellido36	cliente36@correo-real.test	+34 91 123 0036	Calle Mayor 36	Madrid	28036	00000036Z	t
37	Nombre37	Apellido37	cliente37@correo-real.test	+34 91 123 0037	Calle Mayor 37	Madrid	28037	00000037Z	t
38	Nombre38	Apellido38	cliente38@correo-real.test	+34 91 123 0038	Calle Mayor 38	Madrid	28038	00000038Z	t
39	Nombre39	Apellido39	cliente39@correo-real.test	+34 91 123 0039	Calle Mayor 39	Madrid	28039	00000039Z	t
40	Nombre40	Apellido40	cliente40@correo-real.test	+34 91 123 0040	Calle Mayor 40	Madrid	28040	00000040Z	t
\.


--
-- Data for Name: kunden; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.kunden (id, vorname, nachname, strasse, plz, ort, geburtsdatum, "E-Mail-Adresse", notiz) FROM stdin;
1	Vorname1	Nachname1	Hauptstraße 1	10001	Berlin	1975-06-15	kunde1@echt-mail.test	ok
2	Vorname2	Nachname2	Hauptstraße 2	10002	Berlin	1975-07-26	kunde2@echt-mail.test	ok
3	Vorname3	Nachname3	Hauptstraße 3	10003	Berlin	1975-09-05	kunde3@echt-mail.test	Rückruf unter +49 30 1234 003
4	Vorname4	Nachname4	Hauptstraße 4	10004	Berlin	1975-10-16	kunde4@echt-mail.test	ok
5	Vorname5	Nachname5	Hauptstraße 5	10005	Berlin	1975-11-26	kunde5@echt-mail.test	ok
6	Vorname6	Nachname6	Hauptstraße 6	10006	Berlin	1976-01-06	kunde6@echt-mail.test	Rückruf unter +49 30 1234 006
7	Vorname7	Nachname7	Hauptstraße 7	10007	Berlin	1976-02-16	kunde7@echt-mail.test	ok
8	Vorname8	Nachname8	Hauptstraße 8	10008	Berlin	1976-03-28	kunde8@echt-mail.test	ok
9	Vorname9	Nachname9	Hauptstraße 9	10009	Berlin	1976-05-08	kunde9@echt-mail.test	Rückruf unter +49 30 1234 009
10	Vorname10	Nachname10	Hauptstraße 10	10010	Berlin	1976-06-18	kunde10@echt-mail.test	ok
11	Vorname11	Nachname11	Hauptstraße 11	10011	Berlin	1976-07-29	kunde11@echt-mail.test	ok
12	Vorname12	Nachname12	Hauptstraße 12	10012	Berlin	1976-09-08	kunde12@echt-mail.test	Rückruf unter +49 30 1234 012
13	Vorname13	Nachname13	Hauptstraße 13	10013	Berlin	1976-10-19	kunde13@echt-mail.test	ok
14	Vorname14	Nachname14	Hauptstraße 14	10014	Berlin	1976-11-29	kunde14@echt-mail.test	ok
15	Vorname15	Nachname15	Hauptstraße 15	10015	Berlin	1977-01-09	kunde15@echt-mail.test	Rückruf unter +49 30 1234 015
16	Vorname16	Nachname16	Hauptstraße 16	10016	Berlin	1977-02-19	kunde16@echt-mail.test	ok
17	Vorname17	Nachname17	Hauptstraße 17	10017	Berlin	1977-04-01	kunde17@echt-mail.test	ok
18	Vorname18	Nachname18	Hauptstraße 18	10018	Berlin	1977-05-12	kunde18@echt-mail.test	Rückruf unter +49 30 1234 018
19	Vorname19	Nachname19	Hauptstraße 19	10019	Berlin	1977-06-22	kunde19@echt-mail.test	ok
20	Vorname20	Nachname20	Hauptstraße 20	10020	Berlin	1977-08-02	kunde20@echt-mail.test	ok
21	Vorname21	Nachname21	Hauptstraße 21	10021	Berlin	1977-09-12	kunde21@echt-mail.test	Rückruf unter +49 30 1234 021
22	Vorname22	Nachname22	Hauptstraße 22	10022	Berlin	1977-10-23	kunde22@echt-mail.test	ok
23	Vorname23	Nachname23	Hauptstraße 23	10023	Berlin	1977-12-03	kunde23@echt-mail.test	ok
24	Vorname24	Nachname24	Hauptstraße 24	10024	Berlin	1978-01-13	kunde24@echt-mail.test	Rückruf unter +49 30 1234 024
25	Vorname25	Nachname25	Hauptstraße 25	10025	Berlin	1978-02-23	kunde25@echt-mail.test	ok
26	Vorname26	Nachname26	Hauptstraße 26	10026	Berlin	1978-04-05	kunde26@echt-mail.test	ok
27	Vorname27	Nachname27	Hauptstraße 27	10027	Berlin	1978-05-16	kunde27@echt-mail.test	Rückruf unter +49 30 1234 027
28	Vorname28	Nachname28	Hauptstraße 28	10028	Berlin	1978-06-26	kunde28@echt-mail.test	ok
29	Vorname29	Nachname29	Hauptstraße 29	10029	Berlin	1978-08-06	kunde29@echt-mail.test	ok
30	Vorname30	Nachname30	Hauptstraße 30	10030	Berlin	1978-09-16	kunde30@echt-mail.test	Rückruf unter +49 30 1234 030
31	Vorname31	Nachname31	Hauptstraße 31	10031	Berlin	1978-10-27	kunde31@echt-mail.test	ok
32	Vorname32	Nachname32	Hauptstraße 32	10032	Berlin	1978-12-07	kunde32@echt-mail.test	ok
33	Vorname33	Nachname33	Hauptstraße 33	10033	Berlin	1979-01-17	kunde33@echt-mail.test	Rückruf unter +49 30 1234 033
34	Vorname34	Nachname34	Hauptstraße 34	10034	Berlin	1979-02-27	kunde34@echt-mail.test	ok
35	Vorname35	Nachname35	Hauptstraße 35	10035	Berlin	1979-04-09	kunde35@echt-mail.test	ok
36	Vorname36	Nachname36	Hauptstraße 36	10036	Berlin	1979-05-20	kunde36@echt-mail.test	Rückruf unter +49 30 1234 036
37	Vorname37	Nachname37	Hauptstraße 37	10037	Berlin	1979-06-30	kunde37@echt-mail.test	ok
38	Vorname38	Nachname38	Hauptstraße 38	10038	Berlin	1979-08-10	kunde38@echt-mail.test	ok
39	Vorname39	Nachname39	Hauptstraße 39	10039	Berlin	1979-09-20	kunde39@echt-mail.test	Rückruf unter +49 30 1234 039
40	Vorname40	Nachname40	Hauptstraße 40	10040	Berlin	1979-10-31	kunde40@echt-mail.test	ok
\.


--
-- Data for Name: plans; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.plans (id, code, monthly_price, features) FROM stdin;
1	free	0.00	{api}
2	pro	29.00	{api,sso}
\.


--
-- Data for Name: utilisateurs; Type: TABLE DATA; Schema: app; Owner: -
--

COPY app.utilisateurs (id, courriel, prenom, nom, telephone, date_naissance, mot_de_passe, cree_le) FROM stdin;
1	client1@exemple-reel.test	Prénom1	Nom1	+33 1 23 45 01 67	1980-02-23	a5dddb7705470be27a85a22a3612ed5e	2024-03-01 02:00:00+00
2	client2@exemple-reel.test	Prénom2	Nom2	+33 1 23 45 02 67	1980-04-16	249a9c0de26f21f90a79a731265281f5	2024-03-01 04:00:00+00
3	client3@exemple-reel.test	Prénom3	Nom3	+33 1 23 45 03 67	1980-06-08	807b52f02f68df8f815f206b8062c736	2024-03-01 06:00:00+00
4	client4@exemple-reel.test	Prénom4	Nom4	+33 1 23 45 04 67	1980-07-31	3b4cfa2a0d627d5ccf524e3ffd6e2f56	2024-03-01 08:00:00+00
5	client5@exemple-reel.test	Prénom5	Nom5	+33 1 23 45 05 67	1980-09-22	bc954f4842d99ebd9ef3ddd05d62db4d	2024-03-01 10:00:00+00
6	client6@exemple-reel.test	Prénom6	Nom6	+33 1 23 45 06 67	1980-11-14	fff5353a104cb1e1970c4b9eb574d877	2024-03-01 12:00:00+00
7	client7@exemple-reel.test	Prénom7	Nom7	+33 1 23 45 07 67	1981-01-06	10a8e2b00d9b0a447c6abe3ca75061cc	2024-03-01 14:00:00+00
8	client8@exemple-reel.test	Prénom8	Nom8	+33 1 23 45 08 67	1981-02-28	c7fbd7df91860cb44b1b21f6dee46819	2024-03-01 16:00:00+00
9	client9@exemple-reel.test	Prénom9	Nom9	+33 1 23 45 09 67	1981-04-22	a0632311d5c2e547228cf355c8c514d7	2024-03-01 18:00:00+00
10	client10@exemple-reel.test	Prénom10	Nom10	+33 1 23 45 10 67	1981-06-14	669e79e9bba1294ba1efb1257865069b	2024-03-01 20:00:00+00
11	client11@exemple-reel.test	Prénom11	Nom11	+33 1 23 45 11 67	1981-08-06	fe57012a194d45d962bc12fb8464035a	2024-03-01 22:00:00+00
12	client12@exemple-reel.test	Prénom12	Nom12	+33 1 23 45 12 67	1981-09-28	36a9d5788236a47757abf46eb966f666	2024-03-02 00:00:00+00
13	client13@exemple-reel.test	Prénom13	Nom13	+33 1 23 45 13 67	1981-11-20	785e1fdb60adc1075bc50c617f1d390e	2024-03-02 02:00:00+00
14	client14@exemple-reel.test	Prénom14	Nom14	+33 1 23 45 14 67	1982-01-12	52e19ccfef545fa546c0669ead7225a2	2024-03-02 04:00:00+00
15	client15@exemple-reel.test	Prénom15	Nom15	+33 1 23 45 15 67	1982-03-06	e7a444c0ce29f61dbddf751f6e001c0b	2024-03-02 06:00:00+00
16	client16@exemple-reel.test	Prénom16	Nom16	+33 1 23 45 16 67	1982-04-28	753e87cfea62993b42b1a5e8674c3fb9	2024-03-02 08:00:00+00
17	client17@exemple-reel.test	Prénom17	Nom17	+33 1 23 45 17 67	1982-06-20	0b19c2123ecb9b6c488127bef37e669a	2024-03-02 10:00:00+00
18	client18@exemple-reel.test	Prénom18	Nom18	+33 1 23 45 18 67	1982-08-12	3607326542c40c63550b6e5460cf7f34	2024-03-02 12:00:00+00
19	client19@exemple-reel.test	Prénom19	Nom19	+33 1 23 45 19 67	1982-10-04	cebfdbd8d882d276ce16ea26f43cba92	2024-03-02 14:00:00+00
20	client20@exemple-reel.test	Prénom20	Nom20	+33 1 23 45 20 67	1982-11-26	e6a37c884b024a21fecb2406d2e2f3ed	2024-03-02 16:00:00+00
21	client21@exemple-reel.test	Prénom21	Nom21	+33 1 23 45 21 67	1983-01-18	28c4aad3b45cdc737ca807ce759c4818	2024-03-02 18:00:00+00
22	client22@exemple-reel.test	Prénom22	Nom22	+33 1 23 45 22 67	1983-03-12	db87534687aed0a7da328612e9e0f176	2024-03-02 20:00:00+00
23	client23@exemple-reel.test	Prénom23	Nom23	+33 1 23 45 23 67	1983-05-04	4453799af2f931528eeaa6ac93c4a50a	2024-03-02 22:00:00+00
24	client24@exemple-reel.test	Prénom24	Nom24	+33 1 23 45 24 67	1983-06-26	d0e65a7ae9c82b83ca261898825f782f	2024-03-03 00:00:00+00
25	client25@exemple-reel.test	Prénom25	Nom25	+33 1 23 45 25 67	1983-08-18	21bf1fa00ddee918c628aeac182b674e	2024-03-03 02:00:00+00
26	client26@exemple-reel.test	Prénom26	Nom26	+33 1 23 45 26 67	1983-10-10	d52f69a3dec27429bae095d176e6f8f2	2024-03-03 04:00:00+00
27	client27@exemple-reel.test	Prénom27	Nom27	+33 1 23 45 27 67	1983-12-02	f5339cbd58384902efcf266b886e44d8	2024-03-03 06:00:00+00
28	client28@exemple-reel.test	Prénom28	Nom28	+33 1 23 45 28 67	1984-01-24	bdbfdf7da5fef59f98ebfeb2ad16475c	2024-03-03 08:00:00+00
29	client29@exemple-reel.test	Prénom29	Nom29	+33 1 23 45 29 67	1984-03-17	d5ec78cb1f9998a0b8472e1b296f2961	2024-03-03 10:00:00+00
30	client30@exemple-reel.test	Prénom30	Nom30	+33 1 23 45 30 67	1984-05-09	91be5fcc40e1d513330b4b0e861d1234	2024-03-03 12:00:00+00
31	client31@exemple-reel.test	Prénom31	Nom31	+33 1 23 45 31 67	1984-07-01	1838d674f417fc932f5f2d11fbb3d67d	2024-03-03 14:00:00+00
32	client32@exemple-reel.test	Prénom32	Nom32	+33 1 23 45 32 67	1984-08-23	823c1f92442bc48e379a1b0eb05c6bc4	2024-03-03 16:00:00+00
33	client33@exemple-reel.test	Prénom33	Nom33	+33 1 23 45 33 67	1984-10-15	09c857b3194b8bc8885e3246c3e5e0d3	2024-03-03 18:00:00+00
34	client34@exemple-reel.test	Prénom34	Nom34	+33 1 23 45 34 67	1984-12-07	1cd54f25798a40169404b5be71b816a9	2024-03-03 20:00:00+00
35	client35@exemple-reel.test	Prénom35	Nom35	+33 1 23 45 35 67	1985-01-29	50dbd3ec226459d77809f61d5f783e27	2024-03-03 22:00:00+00
36	client36@exemple-reel.test	Prénom36	Nom36	+33 1 23 45 36 67	1985-03-23	feeacf2145b82fe52c4810f4b92968bd	2024-03-04 00:00:00+00
37	client37@exemple-reel.test	Prénom37	Nom37	+33 1 23 45 37 67	1985-05-15	50c692171a69b7cd8a01baabba9df1a7	2024-03-04 02:00:00+00
38	client38@exemple-reel.test	Prénom38	Nom38	+33 1 23 45 38 67	1985-07-07	236c9e0b748ee61d85415c9acbeb9cc1	2024-03-04 04:00:00+00
39	client39@exemple-reel.test	Prénom39	Nom39	+33 1 23 45 39 67	1985-08-29	ba2cd897192d317cc96e1eaa74ab5b54	2024-03-04 06:00:00+00
40	client40@exemple-reel.test	Prénom40	Nom40	+33 1 23 45 40 67	1985-10-21	51593390c9f16d6891f2d71d91dbcd73	2024-03-04 08:00:00+00
41	client41@exemple-reel.test	Prénom41	Nom41	+33 1 23 45 41 67	1985-12-13	0c16aed5e812226e93eb9e21324a198b	2024-03-04 10:00:00+00
42	client42@exemple-reel.test	Prénom42	Nom42	+33 1 23 45 42 67	1986-02-04	88bb7610af04fa9045c5fbf40683fec5	2024-03-04 12:00:00+00
43	client43@exemple-reel.test	Prénom43	Nom43	+33 1 23 45 43 67	1986-03-29	eefbf3cd18b1269a4512debd19cd67ea	2024-03-04 14:00:00+00
44	client44@exemple-reel.test	Prénom44	Nom44	+33 1 23 45 44 67	1986-05-21	66c6d2593a11ffde02ae66f1c0d9f41a	2024-03-04 16:00:00+00
45	client45@exemple-reel.test	Prénom45	Nom45	+33 1 23 45 45 67	1986-07-13	7d46677d9b41f11e9d30c4c7342f874a	2024-03-04 18:00:00+00
46	client46@exemple-reel.test	Prénom46	Nom46	+33 1 23 45 46 67	1986-09-04	503c5ff89a303166f686aec36f6c25a1	2024-03-04 20:00:00+00
47	client47@exemple-reel.test	Prénom47	Nom47	+33 1 23 45 47 67	1986-10-27	3b8ef6eab2391b9215fd2777928bc464	2024-03-04 22:00:00+00
48	client48@exemple-reel.test	Prénom48	Nom48	+33 1 23 45 48 67	1986-12-19	05ebc9d0ff9981113cb7d5bb04d1d94f	2024-03-05 00:00:00+00
49	client49@exemple-reel.test	Prénom49	Nom49	+33 1 23 45 49 67	1987-02-10	2b4c60e2920f4a126d0cf791c33ed43c	2024-03-05 02:00:00+00
50	client50@exemple-reel.test	Prénom50	Nom50	+33 1 23 45 50 67	1987-04-04	799e56371ebe9116cc93c9a5506f1477	2024-03-05 04:00:00+00
\.


--
-- Name: api_keys_id_seq; Type: SEQUENCE SET; Schema: app; Owner: -
--

SELECT pg_catalog.setval('app.api_keys_id_seq', 50, true);


--
-- Name: audit_log_id_seq; Type: SEQUENCE SET; Schema: app; Owner: -
--

SELECT pg_catalog.setval('app.audit_log_id_seq', 100, true);


--
-- Name: clientes_id_seq; Type: SEQUENCE SET; Schema: app; Owner: -
--

SELECT pg_catalog.setval('app.clientes_id_seq', 40, true);


--
-- Name: kunden_id_seq; Type: SEQUENCE SET; Schema: app; Owner: -
--

SELECT pg_catalog.setval('app.kunden_id_seq', 40, true);


--
-- Name: plans_id_seq; Type: SEQUENCE SET; Schema: app; Owner: -
--

SELECT pg_catalog.setval('app.plans_id_seq', 2, true);


--
-- Name: utilisateurs_id_seq; Type: SEQUENCE SET; Schema: app; Owner: -
--

SELECT pg_catalog.setval('app.utilisateurs_id_seq', 50, true);


--
-- Name: api_keys api_keys_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.api_keys
    ADD CONSTRAINT api_keys_pkey PRIMARY KEY (id);


--
-- Name: audit_log audit_log_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.audit_log
    ADD CONSTRAINT audit_log_pkey PRIMARY KEY (id);


--
-- Name: clientes clientes_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.clientes
    ADD CONSTRAINT clientes_pkey PRIMARY KEY (id);


--
-- Name: kunden kunden_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.kunden
    ADD CONSTRAINT kunden_pkey PRIMARY KEY (id);


--
-- Name: plans plans_code_key; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.plans
    ADD CONSTRAINT plans_code_key UNIQUE (code);


--
-- Name: plans plans_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.plans
    ADD CONSTRAINT plans_pkey PRIMARY KEY (id);


--
-- Name: utilisateurs utilisateurs_courriel_key; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.utilisateurs
    ADD CONSTRAINT utilisateurs_courriel_key UNIQUE (courriel);


--
-- Name: utilisateurs utilisateurs_pkey; Type: CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.utilisateurs
    ADD CONSTRAINT utilisateurs_pkey PRIMARY KEY (id);


--
-- Name: api_keys api_keys_utilisateur_id_fkey; Type: FK CONSTRAINT; Schema: app; Owner: -
--

ALTER TABLE ONLY app.api_keys
    ADD CONSTRAINT api_keys_utilisateur_id_fkey FOREIGN KEY (utilisateur_id) REFERENCES app.utilisateurs(id);


--
-- PostgreSQL database dump complete
--

\unrestrict a6HK05q4bYOWNoN8UEjexKcpjIdmLUKIlMJcFWWdjioukoUq48RSVfLnWkg1Ya5

