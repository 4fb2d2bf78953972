#!/usr/bin/env bash
# Recreates the throw-away databases anondump_fx_* and regenerates every
# fixture dump in this directory with the local pg_dump / pg_dumpall.
#
#   ./make.sh           drop + recreate the fixture DBs, write the dumps, drop the DBs
#   KEEP_DBS=1 ./make.sh   same, but leave the DBs in place
#   ./make.sh verify    check that every fixture restores with psql -v ON_ERROR_STOP=1
#                       (cluster.sql is restored into a temporary cluster made with
#                       initdb; needs root or the postgres OS user)
#
# Regenerated files differ from the committed ones in the \restrict keys, in the
# "Started on"/"Completed on" times and TOC OIDs of verbose.sql, and possibly in
# which hash partition of sales."Orders 2024 H2" (hashed on an enum, whose OIDs
# change) each row lands; that is expected. Nothing in the dumps is edited, except
# no_final_newline.sql, which is tiny.sql with its trailing newlines removed.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE"

export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-5432}
export PGUSER=${PGUSER:-postgres}
unset PGDATABASE PGOPTIONS

PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")
PG_DUMP=(pg_dump -h "$PGHOST" -p "$PGPORT" -U "$PGUSER")

MAIN=anondump_fx_main
ODD="anondump_fx_It's Db"      # space + quote: \connect uses the conninfo form
TINY=anondump_fx_tiny
RESTORE=anondump_fx_restore

drop_fixture_dbs() {
	"${PSQL[@]}" -d postgres <<'SQL'
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', datname)
  FROM pg_database WHERE datname LIKE 'anondump\_fx\_%' ORDER BY datname
\gexec
SQL
}

create_db() { # name
	"${PSQL[@]}" -d postgres -v db="$1" <<'SQL'
CREATE DATABASE :"db" TEMPLATE template0 ENCODING 'UTF8';
SQL
}

###############################################################################
# anondump_fx_main: identifiers, functions, partitions, types, large objects…
###############################################################################
main_sql() {
cat <<'SQL'
SET client_min_messages = warning;

-- ---------------------------------------------------------------- schemas
CREATE SCHEMA "My Schema";
CREATE SCHEMA "ünïcødé";
CREATE SCHEMA "we;ird.sch""ema";
CREATE SCHEMA "select";
CREATE SCHEMA sales;
COMMENT ON SCHEMA "ünïcødé" IS 'Schéma ünïcødé 日本 😀';

-- ---------------------------------------------------------------- types
CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy', 'très "bien"', 'it''s');
CREATE DOMAIN public.short_code AS varchar(20) CHECK (VALUE <> '');
CREATE TYPE "My Schema"."Point 3D" AS (x float8, y float8, "Z" float8);

-- ---------------------------------------------------------------- sequences
CREATE SEQUENCE public.plain_seq START 100 INCREMENT 5;
SELECT setval('public.plain_seq', 135);
CREATE SEQUENCE "My Schema"."Seq ""Q"" 1";
SELECT setval('"My Schema"."Seq ""Q"" 1"', 7, false);
CREATE SEQUENCE public.unused_seq;

-- ---------------------------------------------------------------- odd identifiers
CREATE TABLE "My Schema"."Mixed Case" (
    id serial PRIMARY KEY,
    "Value" text DEFAULT 'a;b',
    "a b" int,
    "x;y" text,
    "dot.ted" text,
    "quo""te" text,
    "ü" text,
    "select" text,
    "user" text,
    name text,
    "Point" "My Schema"."Point 3D",
    CONSTRAINT "chk;semi" CHECK ("x;y" IS DISTINCT FROM 'x;y')
);
INSERT INTO "My Schema"."Mixed Case" ("Value", "a b", "x;y", "dot.ted", "quo""te", "ü", "select", "user", name, "Point") VALUES
    ('One', 1, 'a;b', 'c.d', 'say "hi"', 'ü', 'sel', 'usr', 'n1', ROW(1, 2, 3)),
    ('Two', NULL, ';', ' . ', '""', '日本', 'SELECT 1;', 'root', 'n2', ROW(1.5, NULL, -3)),
    ('Three', -7, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
COMMENT ON COLUMN "My Schema"."Mixed Case"."a b" IS 'Column comment with a backslash \ and "quotes" and it''s';

CREATE TABLE public."user" (id int PRIMARY KEY, "from" text, "to" text, email text);
INSERT INTO public."user" VALUES (1, 'alice', 'bob', 'alice@example.test'), (2, 'carol', NULL, 'carol@example.test');

CREATE TABLE public."select" ("where" int, "order" text, "group" text);
INSERT INTO public."select" VALUES (1, 'asc', 'g1'), (2, 'desc', NULL);

CREATE TABLE "ünïcødé"."日本 テーブル" ("列" text, "émoji 😀" text, "Ça" int);
INSERT INTO "ünïcødé"."日本 テーブル" VALUES ('値', '🎉', 1), ('ä ö ü ß', 'Ω≈ç√', 2);

CREATE TABLE "we;ird.sch""ema"."ta;ble ""q"".x" ("co;l" int, "co""l" text, "co.l" text, "co l" text, "COPY" text);
INSERT INTO "we;ird.sch""ema"."ta;ble ""q"".x" VALUES (1, 'q"q', 'd.d', 's s', 'COPY x FROM stdin;'), (2, NULL, '', ';', '\.');
CREATE INDEX "idx ;weird" ON "we;ird.sch""ema"."ta;ble ""q"".x" ("co;l", "co l");

CREATE TABLE "select"."from" ("table" text);
INSERT INTO "select"."from" VALUES ('reserved words everywhere');

CREATE TABLE public."UPPER" ("ID" int, "Name" text);
INSERT INTO public."UPPER" VALUES (1, 'Upper');

CREATE TABLE public."with space" ("first col" text, "2nd" int);
INSERT INTO public."with space" VALUES ('x', 2);

CREATE TABLE public.orders_fk (id int PRIMARY KEY, user_id int REFERENCES public."user"(id), note text);
INSERT INTO public.orders_fk VALUES (10, 1, 'first'), (11, 2, NULL), (12, NULL, 'orphan');

-- ---------------------------------------------------------------- every value kind
CREATE TABLE public.alltypes (
    id int PRIMARY KEY,
    t text, vc varchar(10), ch char(5), code public.short_code, m public.mood,
    ta text[], ta2 text[], ia int[], j jsonb, js json, b bytea, u uuid,
    ip inet, net cidr, mac macaddr,
    n numeric(12,4), nn numeric, r real, f float8, sm smallint, bi bigint,
    d date, tm time, ts timestamp, tstz timestamptz, iv interval,
    bo boolean, bits bit(4), vb varbit, pt point, rng int4range
);
INSERT INTO public.alltypes VALUES
(1, 'plain', 'varchar', 'abc', 'CODE-1', 'happy',
 '{a,b,c}', '{{a,b},{c,d}}', '{1,2,3}', '{"k": "v", "n": 1}', '{"k": "v"}', '\x68656c6c6f', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
 '192.168.1.10', '10.0.0.0/8', '08:00:2b:01:02:03',
 12345678.1234, 3.14159265358979323846264338327950288419716939937510, 1.5, 2.25, 32767, 9223372036854775807,
 '2024-02-29', '13:37:00', '2024-02-29 13:37:00.123456', '2024-02-29 13:37:00.123456+02', '1 year 2 mons 3 days 04:05:06',
 true, B'1010', B'101', '(1.5,-2)', '[1,10)'),
(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
 NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(3, '', '', '', 'x', 'sad',
 '{}', '{}', '{}', '{}', '[]', '\x', '00000000-0000-0000-0000-000000000000',
 '::1', '2001:db8::/32', '00:00:00:00:00:00',
 0, 'NaN', '-Infinity', 'Infinity', -32768, -9223372036854775808,
 'infinity', '00:00:00', '-infinity', 'infinity', '0', false, B'0000', B'', '(0,0)', 'empty'),
(4, E'tab\there\nnewline\rcr\\backslash', 'ünï', 'é', 'très', 'très "bien"',
 ARRAY['with "quotes"', 'with,comma', NULL, '', 'back\slash', ' lead space', 'NULL', '{braces}', '日本'],
 '{{"a b",NULL},{"",\\\\}}',
 '{-1,NULL,0}',
 '{"esc": "quote\" backslash\\ tab\t nl\n uni\u00e9 \u65e5", "arr": [1, "two", null, {"deep": [true, false]}], "emoji": "😀"}',
 '{"raw json": "keeps\u0000 escapes \\ and \" and \n", "dup": 1, "dup": 2}',
 '\x00ff5c0a0d09275c2e', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
 '2001:db8::1/64', '192.168.0.0/16', 'ff:ff:ff:ff:ff:ff',
 -0.0001, -1e-30, 1e-10, 1.7976931348623157e308, 0, 0,
 '1999-12-31', '23:59:59.999999', '1970-01-01 00:00:00', '1970-01-01 00:00:00+00', '-1 days +02:03:00',
 NULL, B'1111', B'1', '(-1e10,1e-10)', '(,5]'),
(5, 'it''s', 'x;y', 'ab cd', 'it''s', 'it''s',
 '{"it''s","a\"b"}', '{{{1},{2}},{{3},{4}}}', '{{1,2},{3,4}}', '"just a string"', 'null', '\x5c4e', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12',
 '0.0.0.0', '0.0.0.0/0', '01:23:45:67:89:ab',
 99999999.9999, 123456789012345678901234567890.123456789, -1.25, -0.0, 1, 1,
 '0001-01-01', '00:00:01', '0001-01-01 00:00:00', '0001-01-01 00:00:00+00', '00:00:00.000001',
 true, B'0001', B'1111111111111111111111111111111111111111', '(0,0)', '[-2147483648,2147483647)');

-- ---------------------------------------------------------------- COPY-text edge cases
CREATE TABLE public.texts (id int PRIMARY KEY, label text NOT NULL, v text);
INSERT INTO public.texts VALUES
 (1,  'tab',                   E'a\tb'),
 (2,  'newline',               E'line1\nline2'),
 (3,  'crlf',                  E'a\r\nb'),
 (4,  'cr',                    E'a\rb'),
 (5,  'backslash',             E'back\\slash'),
 (6,  'trailing backslash',    E'end\\'),
 (7,  'only backslash',        E'\\'),
 (8,  'backslash dot',         E'\\.'),
 (9,  'backslash N',           E'\\N'),
 (10, 'line that is \.',       E'first\n\\.\nlast'),
 (11, 'null',                  NULL),
 (12, 'empty',                 ''),
 (13, 'space',                 ' '),
 (14, 'utf8',                  'é 日本 😀 Ω ß'),
 (15, 'chr(1)',                chr(1) || 'x'),
 (16, 'chr(27) ansi',          chr(27) || '[31mred' || chr(27) || '[0m'),
 (17, 'chr(127)',              'a' || chr(127) || 'b'),
 (18, 'bs ff vt',              E'a\bb\fc' || chr(11) || 'd'),
 (19, 'copy text',             E'COPY x FROM stdin;\n1\t2\n\\.\n'),
 (20, 'sql injection',         E'''; DROP TABLE users; --'),
 (21, 'dollars',               '$$ $fn$ $_$ $'),
 (22, 'quotes',                'single '' and "double"'),
 (23, 'long',                  repeat('abc ', 600)),
 (24, 'backslash t literal',   E'\\t is not a tab, \\n is not a newline'),
 (25, 'mixed',                 E'\t\n\r\\\\.\\N'),
 (26, 'unicode separators',    U&'LS\2028PS\2029NBSP\00A0BOM\FEFFZWJ\200D'),
 (27, 'combining',             U&'e\0301 vs \00E9'),
 (28, 'all low controls',      chr(1)||chr(2)||chr(3)||chr(4)||chr(5)||chr(6)||chr(7)||chr(8)||chr(9)||chr(10)||chr(11)||chr(12)||chr(13)||chr(14)||chr(15)||chr(16)||chr(17)||chr(18)||chr(19)||chr(20)||chr(21)||chr(22)||chr(23)||chr(24)||chr(25)||chr(26)||chr(27)||chr(28)||chr(29)||chr(30)||chr(31)),
 (29, 'comment markers',       '-- not a comment /* nor this */'),
 (30, 'only newline',          E'\n'),
 (31, 'only tab',              E'\t'),
 (32, 'trailing newline \.',   E'x\n\\.'),
 (33, 'leading \.',            E'\\.x'),
 (34, 'four byte',             '𝄞𠜎😀'),
 (35, 'latin1-looking',        'Ã©');
COMMENT ON TABLE public.texts IS 'Multi-line comment:
line two; with semicolon
COPY public.texts (id, label, v) FROM stdin;
\.
it''s the end';
COMMENT ON COLUMN public.texts.v IS 'COPY public.texts FROM stdin; -- looks like COPY';
GRANT SELECT ON public.texts TO PUBLIC;

-- some bulk rows
CREATE TABLE public.numbers (id int PRIMARY KEY, label text, at timestamptz, amount numeric(10,2));
INSERT INTO public.numbers
SELECT i, 'row ' || i, timestamptz '2024-01-01 00:00:00+00' + i * interval '37 minutes', (i * 7919 % 100000) / 100.0
  FROM generate_series(1, 150) AS i;

-- ---------------------------------------------------------------- partitions
CREATE TABLE public.parted (id int, region text, v text) PARTITION BY LIST (region);
CREATE TABLE public.parted_eu PARTITION OF public.parted FOR VALUES IN ('eu');
CREATE TABLE public.parted_us PARTITION OF public.parted FOR VALUES IN ('us');
CREATE TABLE public.parted_other PARTITION OF public.parted DEFAULT;
INSERT INTO public.parted VALUES (1, 'eu', 'berlin'), (2, 'us', 'boston'), (3, 'apac', 'tokyo'), (4, 'eu', 'paris');

CREATE TABLE sales."Orders 2024" (id int, d date, m public.mood, amount numeric) PARTITION BY RANGE (d);
CREATE TABLE sales."Orders 2024 H1" PARTITION OF sales."Orders 2024" FOR VALUES FROM ('2024-01-01') TO ('2024-07-01');
CREATE TABLE sales."Orders 2024 H2" PARTITION OF sales."Orders 2024"
    FOR VALUES FROM ('2024-07-01') TO ('2025-01-01') PARTITION BY HASH (m);
CREATE TABLE sales."Orders 2024 H2 p0" PARTITION OF sales."Orders 2024 H2" FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE sales."Orders 2024 H2 p1" PARTITION OF sales."Orders 2024 H2" FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO sales."Orders 2024" VALUES
 (1, '2024-01-15', 'ok', 10.5), (2, '2024-06-30', 'sad', 0), (3, '2024-07-01', 'happy', 99.99),
 (4, '2024-12-31', 'très "bien"', 1), (5, '2024-09-09', 'it''s', -5);

-- ---------------------------------------------------------------- inheritance
CREATE TABLE public.parent (id int, name text);
CREATE TABLE public.child (extra text) INHERITS (public.parent);
CREATE TABLE public.child2 (extra2 int, name text, id int);
ALTER TABLE public.child2 INHERIT public.parent;
INSERT INTO public.parent VALUES (1, 'parent row');
INSERT INTO public.child VALUES (2, 'child row', 'extra');
INSERT INTO public.child2 (extra2, name, id) VALUES (42, 'child2 row', 3);

-- ---------------------------------------------------------------- generated / identity / zero columns / dropped
CREATE TABLE public.gen (id int PRIMARY KEY, a int, b int GENERATED ALWAYS AS (a * 2) STORED, c text GENERATED ALWAYS AS ('x' || id) STORED, d text);
INSERT INTO public.gen (id, a, d) VALUES (1, 10, 'd1'), (2, NULL, NULL);

CREATE TABLE public.only_gen (g int GENERATED ALWAYS AS (42) STORED);
INSERT INTO public.only_gen DEFAULT VALUES;
INSERT INTO public.only_gen DEFAULT VALUES;

CREATE TABLE public.ident_always (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text);
INSERT INTO public.ident_always (v) VALUES ('one'), ('two'), (NULL);
CREATE TABLE public.ident_default (id bigint GENERATED BY DEFAULT AS IDENTITY (START WITH 10 INCREMENT BY 10), v text);
INSERT INTO public.ident_default (v) VALUES ('ten'), ('twenty');
INSERT INTO public.ident_default (id, v) VALUES (5, 'explicit');

CREATE TABLE public.z ();
INSERT INTO public.z DEFAULT VALUES;
INSERT INTO public.z DEFAULT VALUES;
INSERT INTO public.z DEFAULT VALUES;
CREATE TABLE public.z_empty ();

CREATE TABLE public.dropped_col (a int, b text, c int);
INSERT INTO public.dropped_col VALUES (1, 'gone', 3);
ALTER TABLE public.dropped_col DROP COLUMN b;
ALTER TABLE public.dropped_col ADD COLUMN d text DEFAULT 'added';

CREATE TABLE public.empty_t (id int, v text);

CREATE UNLOGGED TABLE public.unlogged_t (id int, v text);
INSERT INTO public.unlogged_t VALUES (1, 'unlogged');

-- ---------------------------------------------------------------- functions
-- A plpgsql body with nested dollar quotes, a COPY line, a \. line and ';' in literals.
CREATE FUNCTION public.tricky_body(x text) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
    s text := 'a;b;c';   -- string literal with ;
    q text := $$COPY x FROM stdin;$$;
BEGIN
    -- the following looks like COPY data
    s := s || $$
COPY x FROM stdin;
1	2
\.
$$;
    RETURN s || ';' || x || 'it''s' || q;
END
$fn$;
COMMENT ON FUNCTION public.tricky_body(text) IS 'COPY x FROM stdin;
\.
';

-- body containing "$_" forces pg_dump to pick yet another tag
CREATE FUNCTION public.dollar_underscore() RETURNS text LANGUAGE plpgsql AS $q$
BEGIN
    RETURN '$_$ and $$';
END
$q$;

-- a body without any $ is emitted with plain $$
CREATE FUNCTION public.trg_noop() RETURNS trigger LANGUAGE plpgsql AS $q$
BEGIN
    RETURN NEW;
END
$q$;
CREATE TRIGGER "Noop Trigger" BEFORE INSERT ON public.texts FOR EACH ROW EXECUTE FUNCTION public.trg_noop();

-- SQL-standard bodies are dumped without any quoting, with ';' inside
CREATE FUNCTION public.atomic_add(a int, b int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
    SELECT a + b;
END;
CREATE PROCEDURE public.atomic_proc(v text) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO public.texts (id, label, v) VALUES (-1, 'proc;', v);
    DELETE FROM public.texts WHERE id = -1;
END;

CREATE FUNCTION "My Schema"."Func; ""weird""" (int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + 1';

-- ---------------------------------------------------------------- views
CREATE VIEW "My Schema"."V; view" AS
    SELECT id, "Value", "x;y" AS "semi;colon", 'lit;eral'::text AS lit FROM "My Schema"."Mixed Case";
CREATE MATERIALIZED VIEW public.mv_counts AS
    SELECT region, count(*) AS n FROM public.parted GROUP BY region;

-- ---------------------------------------------------------------- large objects (fixed OIDs)
SELECT lo_from_bytea(424242, 'hello large object'::bytea);
SELECT lo_from_bytea(424243, decode(repeat('00ff5c0a0d092e', 2400), 'hex'));  -- 16800 bytes: two lowrite calls
COMMENT ON LARGE OBJECT 424242 IS 'a large object comment; with COPY x FROM stdin;';
SQL
}

###############################################################################
# "anondump_fx_It's Db": small, used for pg_dump -C (database name needs quoting)
###############################################################################
odd_sql() {
cat <<'SQL'
SET client_min_messages = warning;
CREATE SCHEMA "Other Schema";
CREATE TABLE "Other Schema"."People ""VIP""" (id serial PRIMARY KEY, "Full Name" text, "eMail" text UNIQUE, "Notes" text);
INSERT INTO "Other Schema"."People ""VIP""" ("Full Name", "eMail", "Notes") VALUES
 ('Jane Doe', 'jane.doe@realmail.test', E'likes\ttabs'),
 ('Jöhn Smïth', 'john@realmail.test', NULL),
 ('O''Brien, Pat', 'pat.obrien@realmail.test', E'multi\nline\\.'),
 ('山田 太郎', 'yamada@realmail.test', '');
CREATE TABLE public.kv (k text PRIMARY KEY, v jsonb);
INSERT INTO public.kv VALUES ('a', '{"x": 1}'), ('b;c', '[null, "\\\\"]');
CREATE SEQUENCE public.counter;
SELECT setval('public.counter', 3);
SQL
}

###############################################################################
# anondump_fx_tiny
###############################################################################
tiny_sql() {
cat <<'SQL'
SET client_min_messages = warning;
CREATE TABLE public.t (id int PRIMARY KEY, v text);
INSERT INTO public.t VALUES (1, 'one'), (2, E'two\ttab'), (3, NULL);
SQL
}

generate() {
	drop_fixture_dbs
	create_db "$MAIN"
	create_db "$ODD"
	create_db "$TINY"
	main_sql | "${PSQL[@]}" -d "$MAIN" >/dev/null
	odd_sql | "${PSQL[@]}" -d "$ODD" >/dev/null
	"${PSQL[@]}" -d postgres -c "ALTER DATABASE \"anondump_fx_It's Db\" SET work_mem = '8MB'" \
		-c "COMMENT ON DATABASE \"anondump_fx_It's Db\" IS 'database comment; it''s here'"
	tiny_sql | "${PSQL[@]}" -d "$TINY" >/dev/null

	# --- dumps of anondump_fx_main
	"${PG_DUMP[@]}" -f full.sql "$MAIN"
	"${PG_DUMP[@]}" --inserts -f inserts.sql "$MAIN"
	"${PG_DUMP[@]}" --column-inserts -f column_inserts.sql "$MAIN"
	"${PG_DUMP[@]}" --rows-per-insert=4 --on-conflict-do-nothing -f rows_per_insert.sql "$MAIN"
	"${PG_DUMP[@]}" --quote-all-identifiers -f quote_all.sql "$MAIN"
	PGOPTIONS='-c standard_conforming_strings=off' "${PG_DUMP[@]}" -f std_strings_off.sql "$MAIN"
	PGOPTIONS='-c standard_conforming_strings=off' "${PG_DUMP[@]}" --inserts -f std_strings_off_inserts.sql "$MAIN"
	"${PG_DUMP[@]}" -a -f data_only.sql "$MAIN"
	"${PG_DUMP[@]}" -a --disable-triggers -f data_only_disable_triggers.sql "$MAIN"
	"${PG_DUMP[@]}" -s -f schema_only.sql "$MAIN"
	"${PG_DUMP[@]}" --load-via-partition-root -f load_via_root.sql "$MAIN"

	# --- dumps of the small databases
	"${PG_DUMP[@]}" -C -f create_db.sql "$ODD"
	"${PG_DUMP[@]}" -C -c --if-exists -f create_db_clean.sql "$ODD"
	"${PG_DUMP[@]}" -v -f verbose.sql "$ODD" 2>/dev/null
	"${PG_DUMP[@]}" -f tiny.sql "$TINY"
	"${PG_DUMP[@]}" -c --if-exists -f tiny_clean.sql "$TINY"
	# no_final_newline.sql = tiny.sql minus its trailing newlines (ends in "\unrestrict KEY")
	python3 - <<'PY'
data = open("tiny.sql", "rb").read()
open("no_final_newline.sql", "wb").write(data.rstrip(b"\n"))
PY

	# --- pg_dumpall: every database except the non-fixture ones (template1 and
	#     postgres are kept, they are normally empty and show "\connect postgres")
	local excl=()
	while IFS= read -r db; do
		excl+=("--exclude-database=$db")
	done < <("${PSQL[@]}" -d postgres -Atc \
		"SELECT datname FROM pg_database WHERE datname NOT LIKE 'anondump\_fx\_%' AND datname NOT IN ('postgres', 'template0', 'template1') ORDER BY 1")
	pg_dumpall -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" --no-role-passwords "${excl[@]}" -f cluster.sql

	if [ -z "${KEEP_DBS:-}" ]; then
		drop_fixture_dbs
	fi
	ls -l ./*.sql
}

###############################################################################
# verify: every fixture must restore with ON_ERROR_STOP
###############################################################################
restore_into_fresh() { # file [file...]
	"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $RESTORE WITH (FORCE)" -c "CREATE DATABASE $RESTORE TEMPLATE template0"
	local f
	for f in "$@"; do
		"${PSQL[@]}" -d "$RESTORE" -f "$f" >/dev/null
	done
	"${PSQL[@]}" -d postgres -c "DROP DATABASE $RESTORE WITH (FORCE)"
}

verify() {
	local fail=0 f
	drop_fixture_dbs
	for f in full.sql inserts.sql column_inserts.sql rows_per_insert.sql quote_all.sql \
		std_strings_off.sql std_strings_off_inserts.sql schema_only.sql load_via_root.sql \
		verbose.sql tiny.sql tiny_clean.sql no_final_newline.sql; do
		if restore_into_fresh "$f"; then echo "OK   $f"; else echo "FAIL $f"; fail=1; fi
	done
	for f in data_only.sql data_only_disable_triggers.sql; do
		if restore_into_fresh schema_only.sql "$f"; then echo "OK   schema_only.sql + $f"; else echo "FAIL $f"; fail=1; fi
	done
	for f in create_db.sql create_db_clean.sql; do
		drop_fixture_dbs
		if "${PSQL[@]}" -d postgres -f "$f" >/dev/null; then echo "OK   $f"; else echo "FAIL $f"; fail=1; fi
	done
	drop_fixture_dbs

	# cluster.sql recreates roles "postgres" and "root": restore it into a
	# temporary cluster whose bootstrap superuser has another name.
	local tmp port=54329 boot=anondump_fx_boot
	tmp=$(mktemp -d /tmp/anondump_fx_cluster.XXXXXX)
	chmod 755 "$tmp"
	local bindir
	bindir=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
	local as=()
	if [ "$(id -u)" = 0 ]; then
		chown postgres "$tmp"
		as=(runuser -u postgres --)
	fi
	cp cluster.sql "$tmp/cluster.sql"
	"${as[@]}" "$bindir/initdb" -D "$tmp/data" -U "$boot" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
	"${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -o "-p $port -k $tmp -c listen_addresses=''" -l "$tmp/log" -w start >/dev/null
	if psql -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U "$boot" -d postgres -f "$tmp/cluster.sql" >/dev/null; then
		echo "OK   cluster.sql (temporary cluster)"
	else
		echo "FAIL cluster.sql"; fail=1
	fi
	"${as[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m fast -w stop >/dev/null
	rm -rf "$tmp"
	return $fail
}

case "${1:-generate}" in
generate) generate ;;
verify) verify ;;
*) echo "usage: $0 [generate|verify]" >&2; exit 2 ;;
esac
