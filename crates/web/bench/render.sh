#!/usr/bin/env bash
# Server render time of the main pages of `casefile serve`, on loopback:
# signs in through the sign-in form like a browser, then fetches each page
# ROUNDS times one after another and prints the median and the 99th
# percentile of the time to the last byte (curl's time_total), in ms.
#
#   crates/web/bench/render.sh [casefile binary]   (default: target/release/casefile)
#
# Then the entity page on the first request after each of three kinds of
# write (PAGES="after-writes" for only these).
#
# Environment: ROUNDS (default 200); PAGES (a space-separated subset of the
# page paths to time, e.g. "/ /claims"); PROJECT to measure an existing project
# (it needs a user `bench` with password $BENCH_PASSWORD, role admin)
# instead of a fresh demo project.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin="${1:-target/release/casefile}"
rounds="${ROUNDS:-200}"
[ -x "$bin" ] || { echo "render.sh: no binary at $bin (cargo build --release -p casefile)" >&2; exit 1; }

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

password="${BENCH_PASSWORD:-render benchmark password}"
if [ -z "${PROJECT:-}" ]; then
  "$bin" demo --dir "$work/demo" >/dev/null
  export CASEFILE_PROJECT="$work/demo"
  CASEFILE_PASSWORD="$password" "$bin" user add bench --role admin >/dev/null
else
  export CASEFILE_PROJECT="$PROJECT"
fi
"$bin" serve --bind 127.0.0.1:0 --insecure-cookies 2>"$work/serve.log" &
pid=$!
base=""
for _ in $(seq 1 100); do
  base="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" || true)"
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }

jar="$work/cookies"
token="$(curl -fsS -c "$jar" "$base/login" | grep -o 'name="token" value="[^"]*"' | sed 's/.*value="//; s/"$//')"
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "name=bench" \
  --data-urlencode "password=$password" --data-urlencode "token=$token" "$base/login"

source_id="$(curl -fsS -b "$jar" "$base/search?q=children" | grep -o 'href="/sources/[0-9a-f]*"' | sed -n 1p | sed 's/.*sources\///; s/"$//')"
entity_id="$(curl -fsS -b "$jar" "$base/entities?kind=person" | grep -o 'href="/entities/[^"?]*"' | sed -n 1p | sed 's/.*entities\///; s/"$//')"

printf '%-44s %8s %8s %8s\n' page "p50 ms" "p99 ms" bytes
case_id="$(curl -fsS -b "$jar" "$base/cases" | grep -o 'href="/cases/[0-9]*"' | sed -n 1p | sed 's/.*cases\///; s/"$//')"

for path in "/" "/search?q=children" "/search?q=%D0%B4%D1%96%D1%82%D0%B5%D0%B9&kind=news" \
  "/sources/$source_id" "/entities?kind=person" "/entities/$entity_id" "/claims" "/review" \
  "/cases" "/cases/$case_id" "/account" "/audit" "/audit?action=case"; do
  if [ -n "${PAGES:-}" ] && ! [[ " $PAGES " == *" ${path%%\?*} "* ]]; then continue; fi
  curl -fsS -b "$jar" -o /dev/null "$base$path" # warm
  times="$work/times"
  : >"$times"
  for _ in $(seq 1 "$rounds"); do
    curl -sS -b "$jar" -o /dev/null -w '%{time_total}\n' "$base$path" >>"$times"
  done
  bytes="$(curl -fsS -b "$jar" "$base$path" | wc -c)"
  sort -n "$times" | awk -v path="$path" -v bytes="$bytes" '
    { t[NR] = $1 * 1000 }
    END { p50 = t[int(NR * 0.5) + (NR % 2)]; i = int(NR * 0.99); if (i < 1) i = 1;
          printf "%-44s %8.2f %8.2f %8d\n", substr(path, 1, 44), p50, t[i], bytes }'
done

# The entity page on the first request after a write: a case edit and a
# merge or split by the CLI (another process, on the same project), an
# upload through the server. A write that cannot change the entities (a
# case edit) keeps their resolution; a merge regroups the machine's
# clusters, which are kept; an ingest makes them again, which the server
# starts as soon as its write is done.
if [ -n "${PAGES:-}" ] && ! [[ " $PAGES " == *" after-writes "* ]]; then exit 0; fi
case_name="$(curl -fsS -b "$jar" "$base/cases/$case_id" | grep -o '<h1>[^<]*</h1>' | sed 's/<[^>]*>//g')"
other_id="$(curl -fsS -b "$jar" "$base/entities?kind=person" | grep -o 'href="/entities/[^"?]*"' | sed -n 2p | sed 's/.*entities\///; s/"$//')"
first_page_after() {
  local what="$1"; shift
  local times="$work/after" i
  : >"$times"
  for i in 1 2 3; do
    "$@" "$i" >/dev/null 2>&1 || { echo "render.sh: the write for \"$what\" failed" >&2; return 1; }
    curl -sS -b "$jar" -o /dev/null -w '%{time_total}\n' "$base/entities/$entity_id" >>"$times"
  done
  sort -n "$times" | awk -v what="$what" '
    { t[NR] = $1 * 1000 } END { printf "%-44s %8.2f %8.2f\n", substr("after " what, 1, 44), t[2], t[NR] }'
}
case_add() { "$bin" case add "$case_name" "statement:$((1000 + $1))"; }
# An ingest as a team member makes one: an upload to the server, whose job
# is polled until it is done (the page is then asked at once).
api_token="$("$bin" user token bench 2>/dev/null)"
ingest_one() {
  printf 'Report %s of %s: 12 children were moved from Kherson to a camp in Crimea, the ombudsman said.\n' "$1" "$RANDOM$RANDOM" >"$work/new-$1.txt"
  local job state=running
  job="$(curl -fsS -H "Authorization: Bearer $api_token" -F "file=@$work/new-$1.txt" "$base/api/sources" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"])')"
  while [ "$state" = running ]; do
    sleep 0.05
    state="$(curl -fsS -H "Authorization: Bearer $api_token" "$base/api/jobs/$job" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')"
  done
  [ "$state" = done ]
}
merge_two() {
  if [ $(($1 % 2)) = 1 ]; then
    "$bin" merge "$entity_id" "$other_id" --reason "render benchmark"
  else
    "$bin" split "$entity_id" "$other_id" --reason "render benchmark"
  fi
}
# The server warms every kind's resolution at start: wait for it.
curl -fsS -b "$jar" -o /dev/null "$base/entities/$entity_id"
echo
printf '%-44s %8s %8s\n' "first entity page (3 writes each)" "p50 ms" "max ms"
first_page_after "a case edit" case_add
first_page_after "an ingest of one file" ingest_one
ingest_then_wait() { ingest_one "$1" && sleep 2; }
first_page_after "an ingest, 2 s later" ingest_then_wait
first_page_after "a merge or split" merge_two
