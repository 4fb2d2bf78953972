-- A small shop database to try anondump on. Every value is made up and
-- deterministic (a function of generate_series indexes; no random(), no
-- now()), so the dump beside this file (dump.sql) can be regenerated:
--
--   createdb anondump_example
--   psql -X -v ON_ERROR_STOP=1 -d anondump_example -f schema.sql
--   pg_dump -d anondump_example -f dump.sql
--
-- Then anonymize it with the rules in anon.yaml:
--
--   ANONDUMP_KEY=some-long-secret anondump -c anon.yaml dump.sql > safe.sql
--
-- Tables (rows): customers (120), orders (200), addresses (150),
-- "Support"."Ticket Notes" (80), sessions (60).

SET client_min_messages = warning;
SET standard_conforming_strings = on;
SET TimeZone = 'UTC';

CREATE SCHEMA "Support";

-- ------------------------------------------------------------ customers
CREATE TABLE public.customers (
    id integer PRIMARY KEY,
    external_id uuid NOT NULL UNIQUE,
    email varchar(120) NOT NULL UNIQUE,
    username varchar(40) NOT NULL UNIQUE,
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
    marketing_opt_in boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    title text,
    recovery_email text,
    loyalty_card text,
    passport_no text,
    age integer,
    customer_no text
);

INSERT INTO public.customers
SELECT
    i,
    md5('customer-' || i)::uuid,
    lower(fn) || '.' || lower(ln) || i || '@' ||
        (ARRAY['gmail.test', 'mailbox.test', 'corp.test', 'fastmail.test'])[1 + i % 4],
    lower(fn) || '_' || lower(left(ln, 1)) || i,
    fn,
    ln,
    CASE WHEN i % 9 = 0 THEN NULL
         ELSE '+44 7700 9' || lpad(((i * 7919) % 100000)::text, 5, '0')
    END,
    CASE WHEN i % 11 = 0 THEN NULL
         ELSE date '1950-03-01' + (i * 173) % 18000
    END,
    CASE WHEN i % 5 = 0 THEN NULL
         ELSE (ARRAY['Brightwater Ltd', 'Nordlicht GmbH', 'Cobalt & Sons', 'Hôtel Lumière SARL',
                     'Quayside Analytics', 'Tanaka Trading K.K.'])[1 + i % 6]
    END,
    (ARRAY['Accountant', 'Backend Developer', 'Head of Sales', 'Nurse', 'Teacher',
           'Logistics Planner', 'Student', NULL])[1 + i % 8],
    CASE WHEN i % 7 = 0 THEN NULL
         ELSE 'QQ' || lpad(((i * 104729) % 1000000)::text, 6, '0') || (ARRAY['A', 'B', 'C', 'D'])[1 + i % 4]
    END,
    CASE WHEN i % 6 = 0 THEN NULL
         ELSE 'GB' || lpad((10 + i % 89)::text, 2, '0') || 'NWBK' || lpad(((i * 7727) % 1000000)::text, 6, '0')
              || lpad(((i * 31) % 100000000)::text, 8, '0')
    END,
    '$2b$12$' || md5('password-' || i) || md5('salt-' || i),
    CASE WHEN i % 4 = 0 THEN NULL ELSE 'sk_live_' || md5('token-' || i) END,
    i % 3 = 0,
    timestamptz '2022-01-03 09:00:00+00' + i * interval '2 days 3 hours 17 minutes',
    (ARRAY['Ms', 'Mr', 'Dr', 'Mx', NULL])[1 + i % 5],
    CASE WHEN i % 4 = 0 THEN NULL
         ELSE lower(fn) || '.' || i || '@' || (ARRAY['outlook.test', 'proton.test'])[1 + i % 2]
    END,
    'LC-' || lpad(((i * 7243) % 10000)::text, 4, '0') || '-' || lpad(((i * 3571) % 10000)::text, 4, '0'),
    CASE WHEN i % 8 = 0 THEN NULL ELSE lpad(((i * 48271) % 1000000000)::text, 9, '0') END,
    CASE WHEN i % 11 = 0 THEN NULL
         ELSE extract(year FROM age(date '2026-12-01', date '1950-03-01' + (i * 173) % 18000))::integer
    END,
    'CN-' || lpad(((i * 7919) % 100000000)::text, 8, '0')
FROM generate_series(1, 120) AS i,
LATERAL (SELECT
    (ARRAY['Olivia', 'Liam', 'Amélie', 'Noah', 'Sofía', 'Mateo', 'Hannah', 'Yusuf', 'Chloé', 'Lukas',
           'Priya', 'Kenji', 'Zoë', 'Oskar', 'Aoife', 'Tomás'])[1 + i % 16] AS fn,
    (ARRAY['Whitfield', 'Okonkwo', 'Lindqvist', 'Fernández', 'Nakamura', 'Brennan', 'Dubois',
           'Kowalczyk', 'Haddad', 'Thorsen', 'Marchetti', 'O''Sullivan', 'Schäfer'])[1 + (i * 5) % 13] AS ln
) AS n;

-- ------------------------------------------------------------ orders
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id),
    customer_email varchar(120) NOT NULL,
    card_number text,
    amount numeric(10,2) NOT NULL,
    status text NOT NULL,
    client_ip inet,
    placed_at timestamptz NOT NULL
);

-- customer_email repeats the customer's email, as many real schemas do.
INSERT INTO public.orders
SELECT
    j,
    c.id,
    c.email,
    CASE WHEN j % 10 = 0 THEN NULL
         ELSE '5' || lpad(((j::bigint * 7779991 * 982451653) % 1000000000000000)::text, 15, '0')
    END,
    round(((j * 2654435761::bigint) % 50000) / 100.0 + 4.99, 2),
    (ARRAY['paid', 'shipped', 'delivered', 'refunded', 'cancelled'])[1 + j % 5],
    CASE WHEN j % 13 = 0 THEN NULL
         ELSE ('192.0.2.' || (j % 250 + 1))::inet
    END,
    timestamptz '2023-02-01 10:00:00+00' + j * interval '17 hours 41 minutes'
FROM generate_series(1, 200) AS j
JOIN public.customers c ON c.id = 1 + (j * 37) % 120;

CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);

-- ------------------------------------------------------------ addresses
CREATE TABLE public.addresses (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id),
    kind text NOT NULL CHECK (kind IN ('billing', 'shipping')),
    recipient text NOT NULL,
    street text NOT NULL,
    city text NOT NULL,
    postcode varchar(10),
    country text NOT NULL,
    is_default boolean NOT NULL
);

INSERT INTO public.addresses
SELECT
    a,
    c.id,
    CASE WHEN a % 3 = 0 THEN 'billing' ELSE 'shipping' END,
    c.first_name || ' ' || c.last_name,
    (1 + (a * 29) % 240) || ' ' ||
        (ARRAY['Kingsland Road', 'Rue des Martyrs', 'Via Garibaldi', 'Calle de Alcalá', 'Kastanienallee',
               'Elm Close', 'Harbour View', 'Sakura-dori'])[1 + a % 8],
    (ARRAY['London', 'Paris', 'Torino', 'Madrid', 'Berlin', 'Leeds', 'Cork', 'Kyōto'])[1 + a % 8],
    CASE WHEN a % 17 = 0 THEN NULL
         ELSE (ARRAY['E8 4AA', '75009', '10121', '28014', '10435', 'LS1 3EX', 'T12 X70', '600-8216'])[1 + a % 8]
    END,
    (ARRAY['United Kingdom', 'France', 'Italy', 'Spain', 'Germany', 'United Kingdom', 'Ireland', 'Japan'])[1 + a % 8],
    a <= 120
FROM generate_series(1, 150) AS a
JOIN public.customers c ON c.id = 1 + (a - 1) % 120;

-- ------------------------------------------------------------ "Support"."Ticket Notes"
CREATE TABLE "Support"."Ticket Notes" (
    id integer PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id),
    "Reported By" varchar(120) NOT NULL,
    "Client IP" inet,
    "Body" text NOT NULL,
    "Attachment" bytea,
    "Created At" timestamptz NOT NULL
);

INSERT INTO "Support"."Ticket Notes"
SELECT
    t,
    c.id,
    c.email,
    CASE WHEN t % 4 = 0 THEN NULL
         ELSE ('2001:db8:' || to_hex(1000 + t) || '::' || to_hex(t * 7))::inet
    END,
    CASE t % 4
        WHEN 0 THEN 'Customer ' || c.first_name || ' ' || c.last_name || ' asks where order ' || (t * 3) || ' is.'
        WHEN 1 THEN E'Called back on ' || coalesce(c.phone, 'no phone') || E'.\nCustomer said: "the parcel never came".'
        WHEN 2 THEN E'Refund to IBAN ' || coalesce(c.iban, '(none)') || E'\tapproved by team lead.'
        ELSE 'Password reset requested from ' || c.email || '; sent link; C:\tmp\reset.log attached.'
    END,
    CASE WHEN t % 5 = 0 THEN decode(md5('attachment-' || t), 'hex') ELSE NULL END,
    timestamptz '2023-03-01 08:30:00+00' + t * interval '1 day 5 hours'
FROM generate_series(1, 80) AS t
JOIN public.customers c ON c.id = 1 + (t * 11) % 120;

-- ------------------------------------------------------------ sessions
CREATE TABLE public.sessions (
    id uuid PRIMARY KEY,
    customer_id integer NOT NULL REFERENCES public.customers (id),
    token text NOT NULL,
    ip inet,
    user_agent text,
    expires_at timestamptz NOT NULL
);

INSERT INTO public.sessions
SELECT
    md5('session-' || s)::uuid,
    1 + (s * 7) % 120,
    md5('session-token-' || s) || md5('more-' || s),
    ('198.51.100.' || (s % 200 + 1))::inet,
    (ARRAY['Mozilla/5.0 (X11; Linux x86_64)', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)',
           'curl/8.4.0'])[1 + s % 3],
    timestamptz '2024-05-01 00:00:00+00' + s * interval '3 hours'
FROM generate_series(1, 60) AS s;

-- ------------------------------------------------------------ a view
CREATE VIEW public.customer_order_totals AS
    SELECT c.id, c.email, count(o.id) AS orders, coalesce(sum(o.amount), 0) AS total
      FROM public.customers c
      LEFT JOIN public.orders o ON o.customer_id = c.id
     GROUP BY c.id, c.email;

COMMENT ON TABLE public.customers IS 'One row per customer account. Contains personal data.';
