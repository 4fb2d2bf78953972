-- The database of the custom-archive tests: text with escapes, arrays,
-- jsonb, NULLs, a foreign key, a unique key and a large object.
CREATE TABLE public.users (
    id integer PRIMARY KEY,
    email text NOT NULL UNIQUE,
    full_name text,
    role text NOT NULL,
    tags text[],
    prefs jsonb,
    bio text,
    avatar oid
);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    user_id integer NOT NULL REFERENCES public.users (id),
    note text,
    amount numeric(10,2)
);
CREATE TABLE public.sessions (id integer, token text);
CREATE TABLE public.events (id integer, kind text, payload jsonb);

INSERT INTO public.users
SELECT g,
       'person' || g || '@realmail.test',
       CASE g % 4 WHEN 0 THEN E'Zoë\tBackslash\\' || g WHEN 1 THEN E'Multi\nLine ' || g WHEN 2 THEN 'Ana Ruiz ' || g ELSE NULL END,
       CASE WHEN g % 10 = 0 THEN 'admin' ELSE 'member' END,
       CASE WHEN g % 3 = 0 THEN NULL ELSE ARRAY['tag' || g, E'with "quote" and \\ slash', NULL] END,
       jsonb_build_object('n', g, 'note', E'tab\there', 'list', jsonb_build_array(g, 'x')),
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'secret bio of person ' || g END,
       CASE WHEN g = 1 THEN lo_from_bytea(0, '\x00ffd8ffe04c4f'::bytea) END
  FROM generate_series(1, 3000) g;
INSERT INTO public.orders
SELECT g, 1 + g % 3000, 'order note ' || g || E' \\N not null', g * 1.25 FROM generate_series(1, 6000) g;
INSERT INTO public.sessions SELECT g, 'token-' || md5(g::text) FROM generate_series(1, 500) g;
INSERT INTO public.events
SELECT g, CASE WHEN g % 4 = 0 THEN 'test' ELSE 'click' END, jsonb_build_object('g', g) FROM generate_series(1, 2000) g;
