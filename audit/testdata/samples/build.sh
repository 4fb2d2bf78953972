#!/usr/bin/env bash
# Builds the sample dumps that TestScanSamples measures scan against:
#   audit/testdata/samples/build.sh OUTDIR PAGILA_DIR CHINOOK_SQL WORLD_SQL TOWNS_SQL
# PAGILA_DIR holds pagila-schema.sql and pagila-data.sql (pagila 0.10.1);
# the other arguments are the SQL files named in the *.truth files. Each is
# loaded into a scratch database of the local PostgreSQL (libpq variables,
# default 127.0.0.1, user postgres) and dumped with pg_dump as OUTDIR/NAME.dump.sql;
# the repository's own examples/dump.sql and testdata/e2e/schema.sql are
# added as examples and e2e. Then:
#   ANONDUMP_SAMPLES=OUTDIR go test ./audit -run TestScanSamples -v
# Never commit the dumps.
set -euo pipefail
out=$1 pagila=$2 chinook=$3 world=$4 towns=$5
root=$(cd "$(dirname "$0")/../../.." && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
mkdir -p "$out"
load() { # name files...
	local db=anondump_sample_$1
	shift
	dropdb --if-exists "$db"
	createdb "$db"
	for f in "$@"; do
		# Chinook creates and connects to its own database: skip that.
		sed -e '/^DROP DATABASE/d' -e '/^CREATE DATABASE/d' -e '/^\\c /d' "$f" | psql -q -d "$db" >/dev/null 2>&1 || true
	done
	pg_dump -d "$db" >"$out/${db#anondump_sample_}.dump.sql"
	dropdb "$db"
}
load pagila "$pagila/pagila-schema.sql" "$pagila/pagila-data.sql"
load chinook "$chinook"
load world "$world"
load towns "$towns"
load e2e "$root/testdata/e2e/schema.sql"
cp "$root/examples/dump.sql" "$out/examples.dump.sql"
