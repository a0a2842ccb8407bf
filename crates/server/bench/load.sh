#!/usr/bin/env bash
# Load benchmark of `casefile serve` on loopback with wrk (Debian package
# `wrk`): a generated project of SOURCES sources (default 100,000), served
# embedded (SQLite + blob folder) and on PostgreSQL, each read for DURATION
# seconds with CONNECTIONS connections:
#   - source reads   GET /api/sources/{id}        (a different id per request)
#   - entity pages   GET /api/entities/{id}?limit=50   (the entity with its first
#                    50 statements, as the web page shows it)
#   - whole entities GET /api/entities/{id}            (every statement: the most
#                    mentioned persons have ~1,000, 280 KB of JSON)
#   - search         GET /api/search?q=…          (top 10 with snippets; varied words)
# and prints requests/s, p50 and p99 per backend side by side, with the load
# average of the machine (other work on it lowers every figure).
#
#   crates/server/bench/load.sh
#
# Environment: SOURCES (100000), SIZE (bytes per generated source, 2000),
# EXTRACTED (sources ingested with extraction, for the entity pages; 2000),
# DURATION (10), WARM (3: seconds of each read before it is measured),
# CONNECTIONS (32), THREADS (2), BACKENDS ("embedded postgres"),
# DATABASE_URL (postgres://postgres@127.0.0.1:5432/test; a schema of its own is
# made and dropped), WORK (a directory to keep the generated projects in
# between runs: reused when it holds them; default a temporary one),
# CASEFILE_BIN and GEN_CORPUS (default target/release/…, built when missing).
#
# Two builds side by side on one kept project (the machine as quiet as it
# can be; the load average is printed with the figures):
#   WORK=/tmp/load SOURCES=100000 BACKENDS=postgres CASEFILE_BIN=/path/to/old/casefile crates/server/bench/load.sh
#   WORK=/tmp/load SOURCES=100000 BACKENDS=postgres crates/server/bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$PWD"

sources="${SOURCES:-100000}"
size="${SIZE:-2000}"
extracted="${EXTRACTED:-2000}"
duration="${DURATION:-10}"
warm="${WARM:-3}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
backends="${BACKENDS:-embedded postgres}"
database_url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
bin="${CASEFILE_BIN:-$root/target/release/casefile}"
gen="${GEN_CORPUS:-$root/target/release/gen-corpus}"

command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
if [ ! -x "$bin" ] || [ ! -x "$gen" ]; then
  cargo build --release -p casefile -p casefile-bench --bin casefile --bin gen-corpus >&2
fi

if [ -n "${WORK:-}" ]; then
  work="$WORK"; keep=1; mkdir -p "$work"
else
  work="$(mktemp -d)"; keep=0
fi
pid=""
schema="casefile_load_$$"
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ "$keep" = 0 ]; then
    rm -rf "$work"
    psql "$database_url" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
[ "$keep" = 1 ] && schema="casefile_load_kept"

# The corpus: SOURCES documents without extraction (source reads, search)
# and EXTRACTED more with it (entities for the entity pages).
if [ ! -f "$work/corpus.done" ]; then
  rm -rf "$work/corpus" "$work/extracted"
  "$gen" --out "$work/corpus" --docs "$sources" --size "$size" --seed 1
  "$gen" --out "$work/extracted" --docs "$extracted" --size "$size" --seed 2 --first "$sources"
  touch "$work/corpus.done"
fi

# The wrk script: each request takes the next path of a list file, so that
# reads are spread over many sources instead of one cached row.
cat > "$work/paths.lua" <<'LUA'
local paths = {}
local i = 0
init = function(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA

# Opens the project for one backend: the CLI's global options for it.
backend_args() {
  case "$1" in
    embedded) echo "--project $work/embedded" ;;
    postgres) echo "--project $work/postgres --database $database_url --database-schema $schema" ;;
  esac
}

build_project() {
  local name="$1" args
  args="$(backend_args "$name")"
  [ -f "$work/$name.done" ] && return 0
  rm -rf "$work/$name"
  [ "$name" = postgres ] && psql "$database_url" -q -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null
  [ "$name" = embedded ] && "$bin" init "$work/embedded" >/dev/null
  local t0=$SECONDS
  # shellcheck disable=SC2086
  "$bin" $args ingest --no-extract --quiet "$work/corpus" >/dev/null
  # shellcheck disable=SC2086
  "$bin" $args ingest --quiet "$work/extracted" >/dev/null
  echo "load.sh: $name project built in $((SECONDS - t0)) s" >&2
  # shellcheck disable=SC2086
  CASEFILE_PASSWORD="load benchmark password" "$bin" $args user add bench --role analyst >/dev/null
  # shellcheck disable=SC2086
  "$bin" $args user token bench > "$work/$name.token" 2>/dev/null
  touch "$work/$name.done"
}

# wrk's figures for one endpoint: "req/s p50 p99" (latencies in ms).
measure() {
  local base="$1" token="$2" list="$3" out
  out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency --timeout 10s \
    -H "Authorization: Bearer $token" -s "$work/paths.lua" "$base" -- "$list")"
  if echo "$out" | grep -q 'Non-2xx'; then
    echo "load.sh: non-2xx responses at $base:" >&2
    echo "$out" | grep -E 'Non-2xx|Socket' >&2
  fi
  echo "$out" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

declare -A result
for name in $backends; do
  build_project "$name"
  args="$(backend_args "$name")"
  token="$(cat "$work/$name.token")"
  # shellcheck disable=SC2086
  env -u DATABASE_URL "$bin" $args serve --bind 127.0.0.1:0 2>"$work/serve-$name.log" &
  pid=$!
  base=""
  for _ in $(seq 1 600); do
    base="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve-$name.log" || true)"
    [ -n "$base" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/serve-$name.log" >&2; exit 1; }
    sleep 0.5
  done
  [ -n "$base" ] || { cat "$work/serve-$name.log" >&2; exit 1; }
  auth="Authorization: Bearer $token"
  # Paths to read: 1,000 sources, the persons' entity pages, 200 searches.
  curl -fsS -H "$auth" "$base/api/sources" \
    | python3 -c 'import json,sys,random; ids=[s["id"] for s in json.load(sys.stdin)]; random.seed(1); [print("/api/sources/"+i) for i in random.sample(ids, min(1000, len(ids)))]' \
    > "$work/sources-$name.txt"
  curl -fsS -H "$auth" "$base/api/entities?kind=person" \
    | python3 -c 'import json,sys; [print("/api/entities/"+e["id"]) for e in json.load(sys.stdin)[:500]]' \
    > "$work/whole-$name.txt"
  sed 's/$/?limit=50/' "$work/whole-$name.txt" > "$work/entities-$name.txt"
  python3 - "$work/search-$name.txt" <<'PY'
import random, sys
words = ["children", "deportation", "camp", "Belarus", "ombudsman", "transfer", "діти",
         "депортація", "табір", "дети", "лагерь", "registry", "adoption", "school", "bus"]
random.seed(2)
with open(sys.argv[1], "w") as f:
    for _ in range(200):
        q = "%20".join(random.sample(words, random.choice([1, 1, 2])))
        f.write("/api/search?q=" + q + "\n")
PY
  # A first pass warms the caches (and the search index catch-up).
  head -n 20 "$work/search-$name.txt" | while read -r p; do curl -fsS -o /dev/null -H "$auth" "$base$p"; done
  for kind in sources entities whole search; do
    [ -s "$work/$kind-$name.txt" ] || { result[$name,$kind]="- - -"; continue; }
    # Steady state: WARM seconds of the same reads first, not counted (the
    # first read of a much-mentioned person's whole page is made from the
    # database, tens of milliseconds, and would otherwise be the p99).
    [ "$warm" -gt 0 ] && duration="$warm" measure "$base" "$token" "$work/$kind-$name.txt" >/dev/null
    result[$name,$kind]="$(measure "$base" "$token" "$work/$kind-$name.txt")"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
done

echo
echo "casefile serve, $sources + $extracted generated sources, wrk -t$threads -c$connections -d${duration}s after ${warm}s of warm-up, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s' "endpoint"
for name in $backends; do printf ' | %-28s' "$name: req/s  p50 ms  p99 ms"; done
echo
for kind in sources entities whole search; do
  printf '%-10s' "$kind"
  for name in $backends; do
    read -r rps p50 p99 <<< "${result[$name,$kind]}"
    printf ' | %9s %8s %8s      ' "$rps" "$p50" "$p99"
  done
  echo
done
