#!/usr/bin/env bash
# End-to-end benchmark (make bench-e2e SIZE=1G): generate a realistic dump
# with bench/gen, then time, on the same file in the same run, cat through
# a pipe, anondump with no rules (passthrough) and anondump with
# bench/anon.yaml (8 personal columns of users, 2 of orders). Reports
# MB/s, rows/s, CPU seconds, peak RSS and the ratio to cat.
# PGDUMP=1 also loads the dump into the local PostgreSQL and times pg_dump
# producing it, for the "faster than pg_dump" ratio (slow: a full restore),
# then dumps it as -Fc, -Fd and -Ft and times anondump rewriting each
# (-Fd with -j 1 and -j 2) against pg_dump -Fc writing it.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-1G}
RUNS=${RUNS:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

go build -o "$dir/anondump" .
go build -o "$dir/gen" ./bench/gen
"$dir/gen" -size "$SIZE" > "$dir/dump.sql"
# Empty rules with strict coverage off: every table passes through (under
# strict coverage the run would stop at the first table).
printf 'version: 1\nstrict: false\n' > "$dir/empty.yaml"
bytes=$(stat -c %s "$dir/dump.sql")
export ANONDUMP_KEY=bench-key-0123456789
ANONDUMP_KEY=$ANONDUMP_KEY "$dir/anondump" -q --report "$dir/report.json" -c bench/anon.yaml "$dir/dump.sql" > /dev/null
rows=$(sed -n 's/^  "rows": \([0-9]*\),$/\1/p' "$dir/report.json")
cat "$dir/dump.sql" > /dev/null # warm the page cache

# best of RUNS: prints "wall user sys maxrss_kb"
measure() {
  local best=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$dir/t" sh -c "$1 | cat > /dev/null"
    read -r w u s m < "$dir/t"
    if [ -z "$best" ] || awk -v a="$w" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best="$w $u $s $m"; fi
  done
  echo "$best"
}

catr=$(measure "cat '$dir/dump.sql'")
pass=$(measure "'$dir/anondump' -q -j \$(nproc) -c '$dir/empty.yaml' '$dir/dump.sql'")
rule=$(measure "'$dir/anondump' -q -j \$(nproc) -c bench/anon.yaml '$dir/dump.sql'")

printf 'dump: %s (bench/gen -size %s), %s COPY rows; %s cores; best of %s runs\n' \
  "$(numfmt --to=si "$bytes")B" "$SIZE" "$rows" "$(nproc)" "$RUNS"
printf '%-26s %8s %9s %12s %7s %10s %8s\n' run "wall s" "MB/s" "rows/s" "CPU s" "peak RSS" "vs cat"
line() {
  read -r w u s m <<< "$2"
  read -r cw _ <<< "$catr"
  awk -v n="$1" -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v b="$bytes" -v r="$3" -v cw="$cw" 'BEGIN {
    rr = (r == "-") ? "-" : sprintf("%.0f", r / w)
    printf "%-26s %8.2f %9.0f %12s %7.2f %8.1f MB %7.0f%%\n", n, w, b / w / 1e6, rr, u + s, m / 1024, 100 * cw / w }'
}
line "cat (pipe)" "$catr" -
line "anondump, no rules" "$pass" "$rows"
line "anondump, bench/anon.yaml" "$rule" "$rows"

# A cascading filter (bench/cascade.yaml: users born before 1960 go, and
# their orders) against the same rules without the cascade
# (bench/nocascade.yaml), on the dump as a file: the cascade's survey and
# passes are the difference. Key-set memory from the run report.
cascade_run() { # $1 rules, $2 input, $3 output: "wall user sys maxrss_kb"
  local best=""
  for _ in $(seq "$RUNS"); do
    rm -rf "$3"
    /usr/bin/time -f '%e %U %S %M' -o "$dir/t" "$dir/anondump" -q --no-strict -j "$(nproc)" -c "$1" --report "$dir/cascade.json" -o "$3" "$2"
    read -r w u s m < "$dir/t"
    if [ -z "$best" ] || awk -v a="$w" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best="$w $u $s $m"; fi
  done
  rm -rf "$3"
  echo "$best"
}
keyset() { sed -n 's/^    "key_set_bytes": \([0-9]*\),$/\1/p' "$dir/cascade.json"; }
casc=$(cascade_run bench/cascade.yaml "$dir/dump.sql" "$dir/o.sql"); ks=$(keyset)
nocasc=$(cascade_run bench/nocascade.yaml "$dir/dump.sql" "$dir/o.sql")
line "cascading where: (file)" "$casc" "$rows"
line "same where:, cascade: false" "$nocasc" "$rows"
read -r cw _ <<< "$casc"; read -r nw _ <<< "$nocasc"
awk -v a="$cw" -v b="$nw" -v k="$ks" 'BEGIN { printf "plain file: the cascade runs at %.2fx the speed without it; key sets %.1f MB\n", b / a, k / 1e6 }'

if [ "${PGDUMP:-0}" = 1 ]; then
  db=anondump_bench_$$
  P="psql -X -q -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres}"
  $P -d postgres -c "create database $db" >/dev/null
  $P -v ON_ERROR_STOP=1 -d "$db" -f "$dir/dump.sql" >/dev/null
  D="pg_dump -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres}"
  /usr/bin/time -f '%e' -o "$dir/t" $D "$db" > "$dir/pgdump.sql"
  read -r pw < "$dir/t"
  # Every archive format: pg_dump's time to write it, and anondump's to
  # rewrite it with the benchmark rules (best of RUNS, peak RSS).
  /usr/bin/time -f '%e' -o "$dir/t" $D -Fc -f "$dir/in.dump" "$db"; read -r fcw < "$dir/t"
  $D -Fd -f "$dir/in.d" "$db"
  $D -Ft -f "$dir/in.tar" "$db"
  $P -d postgres -c "drop database $db" >/dev/null
  timed() { # best of RUNS of a command writing a file or directory $1
    local best=""
    for _ in $(seq "$RUNS"); do
      rm -rf "$1"
      /usr/bin/time -f '%e %U %S %M' -o "$dir/t" sh -c "$2"
      read -r w u s m < "$dir/t"
      if [ -z "$best" ] || awk -v a="$w" -v b="${best%% *}" 'BEGIN{exit !(a<b)}'; then best="$w $u $s $m"; fi
    done
    rm -rf "$1"
    echo "$best"
  }
  A="'$dir/anondump' -q -c bench/anon.yaml"
  fc=$(timed "$dir/o.dump" "$A -j \$(nproc) -o '$dir/o.dump' '$dir/in.dump'")
  fd1=$(timed "$dir/o.d" "$A -j 1 -o '$dir/o.d' '$dir/in.d'")
  fd2=$(timed "$dir/o.d" "$A -j 2 -o '$dir/o.d' '$dir/in.d'")
  ft=$(timed "$dir/o.tar" "$A -j \$(nproc) -o '$dir/o.tar' '$dir/in.tar'")
  fmt() { read -r w u s m <<< "$2"; awk -v n="$1" -v w="$w" -v u="$u" -v s="$s" -v m="$m" 'BEGIN { printf "%-34s %8.2f s %7.2f CPU s %8.1f MB peak RSS\n", n, w, u + s, m / 1024 }'; }
  printf 'pg_dump -Fc of the same data: %.2f s\n' "$fcw"
  fmt "anondump -Fc archive (file)" "$fc"
  fmt "anondump -Fd directory, -j 1" "$fd1"
  fmt "anondump -Fd directory, -j 2" "$fd2"
  fmt "anondump -Ft tar (file)" "$ft"
  read -r a _ <<< "$fd1"; read -r b _ <<< "$fd2"; read -r c _ <<< "$fc"
  awk -v a="$a" -v b="$b" -v c="$c" -v p="$fcw" 'BEGIN { printf "-Fd: -j 2 is %.2fx -j 1; -Fc: the rewrite takes %.2fx the time pg_dump -Fc takes\n", a / b, c / p }'
  casc=$(cascade_run bench/cascade.yaml "$dir/in.dump" "$dir/o.dump"); ks=$(keyset)
  nocasc=$(cascade_run bench/nocascade.yaml "$dir/in.dump" "$dir/o.dump")
  fmt "cascading where: (-Fc file)" "$casc"
  fmt "same where:, cascade: false (-Fc)" "$nocasc"
  read -r cw _ <<< "$casc"; read -r nw _ <<< "$nocasc"
  awk -v a="$cw" -v b="$nw" -v k="$ks" 'BEGIN { printf "-Fc: the cascade runs at %.2fx the speed without it; key sets %.1f MB\n", b / a, k / 1e6 }'
  read -r rw _ <<< "$rule"
  awk -v pw="$pw" -v rw="$rw" -v b="$(stat -c %s "$dir/pgdump.sql")" 'BEGIN {
    printf "pg_dump of the same data: %.2f s (%.0f MB/s); anondump with rules is %.1fx its rate\n", pw, b / pw / 1e6, pw / rw }'
fi
