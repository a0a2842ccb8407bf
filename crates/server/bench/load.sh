#!/usr/bin/env bash
# Load benchmark of `casefile serve` on loopback with wrk (Debian package):
# source reads, entity pages and search with snippets on the demo project,
# each for DURATION seconds with CONNECTIONS connections; prints wrk's
# requests/s and latency distribution (p50, p99) per endpoint.
#
#   crates/server/bench/load.sh [casefile binary]   (default: target/release/casefile)
#
# Environment: DURATION (default 10), CONNECTIONS (default 16), THREADS (default 2).
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin="${1:-target/release/casefile}"
command -v wrk >/dev/null || { echo "load.sh: wrk is missing (apt-get install -y wrk)" >&2; exit 1; }
[ -x "$bin" ] || { echo "load.sh: no binary at $bin (cargo build --release -p casefile)" >&2; exit 1; }

work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

"$bin" demo --dir "$work/demo" >/dev/null
export CASEFILE_PROJECT="$work/demo"
CASEFILE_PASSWORD="load benchmark password" "$bin" user add bench --role analyst >/dev/null
token="$("$bin" user token bench 2>/dev/null)"
"$bin" serve --bind 127.0.0.1:0 2>"$work/serve.log" &
pid=$!
base=""
for _ in $(seq 1 100); do
  base="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" || true)"
  [ -n "$base" ] && break
  sleep 0.1
done
[ -n "$base" ] || { cat "$work/serve.log" >&2; exit 1; }

auth="Authorization: Bearer $token"
source_id="$(curl -fsS -H "$auth" "$base/api/sources" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"
entity_id="$(curl -fsS -H "$auth" "$base/api/entities?kind=person" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')"

for path in "/api/sources/$source_id" "/api/entities/$entity_id" "/api/search?q=Dubrava" "/api/search?q=%D0%B4%D1%96%D1%82%D0%B5%D0%B9&limit=10"; do
  echo "== GET $path"
  wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-16}" -d"${DURATION:-10}s" --latency -H "$auth" "$base$path" \
    | grep -E 'Requests/sec|^ +50%|^ +99%|Non-2xx|Socket errors'
done
