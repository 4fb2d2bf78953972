-- A hand-written script (not pg_dump output) that relies on search_path.
SET search_path TO "Sales", public;
CREATE TABLE "Sales".leads (id integer, email text);
CREATE TABLE public.notes (id integer, body text);
COPY leads (id, email) FROM stdin;
1	carol@realmail.test
\.
COPY notes (id, body) FROM stdin;
1	kept
\.
SELECT pg_catalog.set_config('search_path', '', false);
COPY leads (id, email) FROM stdin;
\.
