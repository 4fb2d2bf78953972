-- Source database for the anondump end-to-end test.
--
-- Load with: psql -v ON_ERROR_STOP=1 -d <fresh db> -f schema.sql
-- Content is fully deterministic: no random(), no now(); every value is a
-- function of generate_series indexes (md5() is used only as a deterministic
-- byte source). Rules for it: anon.yaml next to this file.
--
-- Tables (rows): users (2000), orders (5000), "CRM"."Contact Person" (300),
-- big_blob (4, one ~5 MB payload), events (3000), sessions (50, truncated by
-- the rules).

SET client_min_messages = warning;
SET standard_conforming_strings = on;
SET TimeZone = 'UTC';

CREATE SCHEMA "CRM";

-- ----------------------------------------------------------------- users
CREATE TABLE public.users (
    id bigint PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    first_name text,
    last_name text,
    phone text,
    birth date,
    ip inet,
    street text,
    city text,
    tags text[],
    notes text,
    profile jsonb,
    avatar bytea,
    created_at timestamptz
);

INSERT INTO public.users
SELECT
    i,
    'person' || i || '@realmail.test',
    CASE WHEN i % 50 = 0 THEN NULL
         ELSE (ARRAY['Alice','Bob','Carol','David','Eve','Frank','Grace','Heidi','Ivan','Judy',
                     'Mallory','Niaj','Olivia','Peggy','Rupert','Sybil','Trent','Victor','Walter','Zoë'])[1 + i % 20]
    END,
    CASE WHEN i % 61 = 0 THEN NULL
         ELSE (ARRAY['Smith','Johnson','Williams','Brown','Jones','García','Miller','Davis','Müller','O''Connor',
                     'Wilson','Anderson','Taylor','Thomas','Hernández','Moore','Martin','Jackson','Thompson','White',
                     'Lopez','Lee','González','Harris','Clark','Lewis','Robinson','Walker','Pérez','Hall'])[1 + (i * 7) % 30]
    END,
    CASE WHEN i % 7 = 0 THEN NULL
         ELSE '+1-555-' || lpad(((i * 7919) % 10000)::text, 4, '0') || ' ext. ' || i
    END,
    CASE WHEN i % 13 = 0 THEN NULL
         ELSE date '1940-01-01' + (i * 37) % 25000
    END,
    CASE WHEN i % 11 = 0 THEN NULL
         WHEN i % 17 = 0 THEN ('2001:db8::' || to_hex(i))::inet
         ELSE ('10.' || (i / 65536) % 256 || '.' || (i / 256) % 256 || '.' || i % 256)::inet
    END,
    CASE WHEN i % 9 = 0 THEN NULL
         ELSE (1 + (i * 13) % 999) || ' ' ||
              (ARRAY['Maple','Oak','Elm','Pine','Cedar','Birch','Walnut','Chestnut','Hauptstraße','Rue de l''Église'])[1 + i % 10]
              || ' Street, Apt ' || i
    END,
    CASE WHEN i % 19 = 0 THEN NULL
         ELSE (ARRAY['Springfield','Shelbyville','Ogdenville','North Haverbrook','Capital City',
                     'München','São Paulo','Zürich','東京','Montréal'])[1 + (i * 3) % 10]
    END,
    CASE i % 6
        WHEN 0 THEN NULL
        WHEN 1 THEN ARRAY['customer', 'id-' || i]
        WHEN 2 THEN ARRAY['vip', 'has "quote"', 'a,b', NULL, '']
        WHEN 3 THEN ARRAY['back\slash', '{brace}', 'NULL', 'tab' || chr(9) || 'in tag']
        WHEN 4 THEN ARRAY[]::text[]
        ELSE ARRAY['person' || i || '@realmail.test', 'ünï', '日本']
    END,
    CASE i % 5
        WHEN 0 THEN NULL
        WHEN 1 THEN 'Called person ' || i || E' about the invoice.\tTAB then\nsecond line'
        WHEN 2 THEN E'Path C:\\Users\\person' || i || E'\\docs and a lone line:\n\\.\nafter the dot'
        WHEN 3 THEN ''
        ELSE E'COPY users FROM stdin;\n' || i || E'\tperson' || i || E'@realmail.test\n\\.\n\\N is not null here; emoji 😀'
    END,
    jsonb_build_object(
        'newsletter', i % 2 = 0,
        'score', i % 100,
        'lang', (ARRAY['en', 'de', 'fr', 'ja'])[1 + i % 4],
        'prefs', jsonb_build_object('theme', CASE WHEN i % 3 = 0 THEN 'dark' ELSE 'light' END, 'tz', 'UTC'),
        'note', 'quote " backslash \ tab' || chr(9) || 'end'
    ),
    CASE WHEN i % 4 = 0 THEN NULL
         ELSE decode(md5('avatar' || i) || md5('png' || i), 'hex')
    END,
    timestamptz '2020-01-01 00:00:00+00' + i * interval '1 hour 7 minutes 3 seconds'
FROM generate_series(1, 2000) AS i;

-- ----------------------------------------------------------------- orders
CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES public.users (id),
    email varchar(255) NOT NULL,
    ship_to text,
    amount numeric(10,2),
    placed_at timestamptz
);

INSERT INTO public.orders
SELECT
    j,
    u.id,
    u.email,
    CASE WHEN j % 23 = 0 THEN NULL
         ELSE (1 + (j * 17) % 9999) || ' Delivery Road, ' || coalesce(u.city, 'Nowhere')
    END,
    ((j * 12347) % 100000) / 100.0,
    timestamptz '2021-06-01 12:00:00+00' + j * interval '53 minutes'
FROM generate_series(1, 5000) AS j
JOIN public.users u ON u.id = 1 + (j * 7) % 2000;

CREATE INDEX orders_user_id_idx ON public.orders (user_id);
CREATE INDEX orders_email_idx ON public.orders (email);

-- ----------------------------------------------------------------- "CRM"."Contact Person"
CREATE TABLE "CRM"."Contact Person" (
    "Full Name" text,
    "eMail" text UNIQUE,
    id serial PRIMARY KEY,
    "Notes" text
);

INSERT INTO "CRM"."Contact Person" ("Full Name", "eMail", "Notes")
SELECT
    (ARRAY['Anna','Bernd','Chloé','Dmitri','Émile','Fatima','Günther','Hana'])[1 + k % 8] || ' ' ||
    (ARRAY['Kowalski','Nakamura','Schmidt','Dubois','O''Neil','Van der Berg'])[1 + (k * 5) % 6],
    CASE WHEN k % 29 = 0 THEN NULL ELSE 'contact' || k || '@crm-realmail.test' END,
    CASE k % 4
        WHEN 0 THEN NULL
        WHEN 1 THEN 'Met at conference ' || k
        WHEN 2 THEN E'Phone: +44 20 7946 ' || lpad(k::text, 4, '0') || E'\nprefers email'
        ELSE E'tab\there; semicolon; "quotes"; backslash \\'
    END
FROM generate_series(1, 300) AS k;

-- ----------------------------------------------------------------- big_blob
CREATE TABLE public.big_blob (
    id int PRIMARY KEY,
    payload text
);

-- One ~5 MB row: 262144 repetitions of a 20-byte pattern containing a TAB
-- (written as \t in COPY text) and multibyte characters (é = 2 bytes, 日 = 3).
INSERT INTO public.big_blob VALUES
    (1, repeat('secret ' || chr(9) || 'é日 data; ', 262144)),
    (2, 'small row'),
    (3, NULL),
    (4, E'multi\nline\\.\nrow');

-- ----------------------------------------------------------------- events (no rules)
CREATE TABLE public.events (
    id bigint PRIMARY KEY,
    kind text,
    data jsonb
);

INSERT INTO public.events
SELECT
    e,
    (ARRAY['page_view', 'click', 'signup', 'purchase', 'logout'])[1 + e % 5],
    jsonb_build_object('seq', e, 'bucket', e % 17, 'ok', e % 3 <> 0,
                       'path', '/p/' || (e % 97), 'tags', jsonb_build_array('a', e % 4, NULL))
FROM generate_series(1, 3000) AS e;

-- ----------------------------------------------------------------- sessions (truncated by the rules)
CREATE TABLE public.sessions (
    id int PRIMARY KEY,
    user_id bigint REFERENCES public.users (id),
    token text NOT NULL
);

INSERT INTO public.sessions
SELECT s, 1 + (s * 37) % 2000, md5('session' || s)
FROM generate_series(1, 50) AS s;

-- ----------------------------------------------------------------- sequence, function, view
CREATE SEQUENCE public.invoice_seq START 1000;
SELECT setval('public.invoice_seq', 1234);

-- The body contains text that looks like a COPY block; a dump reader must not
-- treat it as one.
CREATE FUNCTION public.import_users_help() RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
    msg text := 'load with; psql';
BEGIN
    RETURN msg || $$
COPY users FROM stdin;
1	example-row@doc.invalid
\.
$$;
END
$fn$;

CREATE VIEW public.user_order_totals AS
    SELECT u.id, u.email, count(o.id) AS n_orders, coalesce(sum(o.amount), 0) AS total
      FROM public.users u
      LEFT JOIN public.orders o ON o.user_id = u.id
     GROUP BY u.id, u.email;

COMMENT ON TABLE public.users IS 'People; contains PII.
COPY users FROM stdin;
\.';
