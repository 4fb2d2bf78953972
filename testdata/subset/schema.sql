-- The database of the subset tests (subset_e2e_test.go): a foreign-key
-- graph for cascading filters (where:, sample:, only_referenced:).
--
--   users.address_id      -> addresses   nullable, NO ACTION
--   orders.user_id        -> users       NOT NULL, ON DELETE CASCADE
--   order_items.order_id  -> orders      NOT NULL, NO ACTION
--   order_items.product_id-> products    NOT NULL, NO ACTION
--   sessions.user_id      -> users       nullable, NO ACTION (some NULL)
--   messages.user_id      -> users       NOT NULL, NO ACTION
--   messages.reply_to     -> messages    nullable, NO ACTION: reply chains of depth 7
--   reviews.user_id       -> users       nullable, ON DELETE SET NULL (some NULL)
--   reviews.product_id    -> products    NOT NULL, NO ACTION
--   members.team_id       -> teams       NOT NULL, NO ACTION  } a cycle
--   teams.lead_id         -> members     nullable, NO ACTION  }
--   members.user_id       -> users       nullable, NO ACTION (some NULL)
--
-- Every value is computed from generate_series, so the data is the same in
-- every run. One user in 7 (id % 7 = 3) is soft-deleted (deleted_at set),
-- and rows of every referencing table point at soft-deleted users. The
-- foreign keys are added after the data, as pg_dump writes them, so rows
-- may come before the rows they reference: half of the message threads
-- are inserted replies first.

CREATE TABLE public.addresses (
    id integer PRIMARY KEY,
    city text NOT NULL
);

CREATE TABLE public.users (
    id bigint PRIMARY KEY,
    email text NOT NULL UNIQUE,
    deleted_at timestamptz,
    address_id integer
);

CREATE TABLE public.products (
    id integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    user_id bigint NOT NULL,
    total numeric(10,2) NOT NULL
);

CREATE TABLE public.order_items (
    id integer PRIMARY KEY,
    order_id integer NOT NULL,
    product_id integer NOT NULL,
    qty integer NOT NULL
);

CREATE TABLE public.sessions (
    id uuid PRIMARY KEY,
    user_id bigint,
    started_at timestamptz NOT NULL
);

CREATE TABLE public.messages (
    id integer PRIMARY KEY,
    user_id bigint NOT NULL,
    reply_to integer,
    body text NOT NULL
);

CREATE TABLE public.reviews (
    id integer PRIMARY KEY,
    user_id bigint,
    product_id integer NOT NULL,
    body text NOT NULL
);

CREATE TABLE public.teams (
    id integer PRIMARY KEY,
    name text NOT NULL,
    lead_id integer
);

CREATE TABLE public.members (
    id integer PRIMARY KEY,
    team_id integer NOT NULL,
    user_id bigint,
    name text NOT NULL
);

-- 4000 addresses; users point at the first 2500 only (some shared), so
-- 1500 are referenced by no one.
INSERT INTO public.addresses
SELECT g, 'city-' || (g % 97) FROM generate_series(1, 4000) g;

-- 3000 users; id % 7 = 3 soft-deleted; id % 11 = 0 without an address.
INSERT INTO public.users
SELECT g,
       'user' || g || '@example.test',
       CASE WHEN g % 7 = 3 THEN timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour' END,
       CASE WHEN g % 11 = 0 THEN NULL ELSE (g * 37) % 2500 + 1 END
  FROM generate_series(1, 3000) g
 ORDER BY (g * 1009) % 3000;

INSERT INTO public.products
SELECT g, 'product ' || g FROM generate_series(1, 500) g;

INSERT INTO public.orders
SELECT g, (g * 13) % 3000 + 1, (g % 1000) + 0.99 FROM generate_series(1, 5000) g;

INSERT INTO public.order_items
SELECT g, (g * 17) % 5000 + 1, g % 500 + 1, g % 5 + 1 FROM generate_series(1, 8000) g;

-- 4000 sessions; one in 10 anonymous (user_id NULL).
INSERT INTO public.sessions
SELECT md5('session ' || g)::uuid,
       CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 23) % 3000 + 1 END,
       timestamptz '2024-06-01 00:00:00+00' + g * interval '1 minute'
  FROM generate_series(1, 4000) g;

-- 5004 messages in 417 threads of 12: position 0 is the thread's root
-- (reply_to NULL); 1..6 reply each to the one before; 7 replies to 2; 8..11
-- each to the one before, so position 11 is at depth 7 (root 0). Each
-- message's author is another user, so a soft-deleted author in the middle
-- of a thread drops the rest of its branch. Odd threads are inserted
-- replies first.
INSERT INTO public.messages
SELECT g,
       (g * 29) % 3000 + 1,
       CASE WHEN (g - 1) % 12 = 0 THEN NULL
            WHEN (g - 1) % 12 = 7 THEN g - 5
            ELSE g - 1 END,
       'message ' || g
  FROM generate_series(1, 5004) g
 ORDER BY (g - 1) / 12,
          CASE WHEN ((g - 1) / 12) % 2 = 1 THEN -g ELSE g END;

-- 3000 reviews; one in 9 anonymous (user_id NULL).
INSERT INTO public.reviews
SELECT g,
       CASE WHEN g % 9 = 0 THEN NULL ELSE (g * 31) % 3000 + 1 END,
       g % 500 + 1,
       'review ' || g
  FROM generate_series(1, 3000) g;

-- 200 teams led by their member of the same id (member t is in team t),
-- one in 10 without a lead; 2000 members, member m in team (m - 1) % 200 + 1,
-- one in 8 not a user.
INSERT INTO public.teams
SELECT g, 'team ' || g, CASE WHEN g % 10 = 0 THEN NULL ELSE g END
  FROM generate_series(1, 200) g;

INSERT INTO public.members
SELECT g,
       (g - 1) % 200 + 1,
       CASE WHEN g % 8 = 0 THEN NULL ELSE (g * 41) % 3000 + 1 END,
       'member ' || g
  FROM generate_series(1, 2000) g;

ALTER TABLE public.users ADD CONSTRAINT users_address_id_fkey
    FOREIGN KEY (address_id) REFERENCES public.addresses (id);
ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE CASCADE;
ALTER TABLE public.order_items ADD CONSTRAINT order_items_order_id_fkey
    FOREIGN KEY (order_id) REFERENCES public.orders (id);
ALTER TABLE public.order_items ADD CONSTRAINT order_items_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES public.products (id);
ALTER TABLE public.sessions ADD CONSTRAINT sessions_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE public.messages ADD CONSTRAINT messages_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE public.messages ADD CONSTRAINT messages_reply_to_fkey
    FOREIGN KEY (reply_to) REFERENCES public.messages (id);
ALTER TABLE public.reviews ADD CONSTRAINT reviews_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES public.users (id) ON DELETE SET NULL;
ALTER TABLE public.reviews ADD CONSTRAINT reviews_product_id_fkey
    FOREIGN KEY (product_id) REFERENCES public.products (id);
ALTER TABLE public.members ADD CONSTRAINT members_team_id_fkey
    FOREIGN KEY (team_id) REFERENCES public.teams (id);
ALTER TABLE public.members ADD CONSTRAINT members_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES public.users (id);
ALTER TABLE public.teams ADD CONSTRAINT teams_lead_id_fkey
    FOREIGN KEY (lead_id) REFERENCES public.members (id);
