#!/usr/bin/env bash
# Server render time of the web pages on a generated project of SOURCES
# sources (default 100,000; the corpus of crates/server/bench/load.sh:
# SOURCES documents ingested without extraction, EXTRACTED more with it),
# with a case of CASE_ITEMS sources, entities and statements; then
# crates/web/bench/render.sh times every page on it (p50, p99).
#
#   crates/web/bench/render-100k.sh
#
# Environment: SOURCES (100000), EXTRACTED (2000), SIZE (2000 bytes),
# CASE_ITEMS (200), ROUNDS (50, passed on), WORK (a directory to keep the
# project in between runs: reused when it holds one; default a temporary
# one, deleted at the end), CASEFILE_BIN and GEN_CORPUS (default
# $CARGO_TARGET_DIR or target, release; built when missing).
set -euo pipefail
cd "$(dirname "$0")/../../.."
root="$PWD"
sources="${SOURCES:-100000}"
extracted="${EXTRACTED:-2000}"
size="${SIZE:-2000}"
items="${CASE_ITEMS:-200}"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${CASEFILE_BIN:-$target/release/casefile}"
gen="${GEN_CORPUS:-$target/release/gen-corpus}"
if [ ! -x "$bin" ] || [ ! -x "$gen" ]; then
  cargo build --release -p casefile -p casefile-bench --bin casefile --bin gen-corpus >&2
fi
if [ -n "${WORK:-}" ]; then work="$WORK"; keep=1; mkdir -p "$work"; else work="$(mktemp -d)"; keep=0; fi
cleanup() { [ "$keep" = 0 ] && rm -rf "$work"; true; }
trap cleanup EXIT

password="render benchmark password"
project="$work/project"
if [ ! -f "$work/project.done" ]; then
  rm -rf "$work/corpus" "$work/extracted" "$project"
  "$gen" --out "$work/corpus" --docs "$sources" --size "$size" --seed 1 >&2
  "$gen" --out "$work/extracted" --docs "$extracted" --size "$size" --seed 2 --first "$sources" >&2
  "$bin" init "$project" >/dev/null
  t0=$SECONDS
  "$bin" --project "$project" ingest --no-extract --quiet "$work/corpus" >/dev/null
  "$bin" --project "$project" ingest --quiet "$work/extracted" >/dev/null
  echo "render-100k.sh: project built in $((SECONDS - t0)) s" >&2
  rm -rf "$work/corpus" "$work/extracted"
  CASEFILE_PASSWORD="$password" "$bin" --project "$project" user add bench --role admin >/dev/null
  # A case: sources, the persons read in them, and statements.
  "$bin" --project "$project" case new "bench case" --description "render benchmark" >/dev/null
  "$bin" --project "$project" sources --json \
    | python3 -c 'import json,sys; ids=[s["id"] for s in json.load(sys.stdin)]; n=int(sys.argv[1]); [print("source:"+i) for i in ids[-n:]]' "$items" \
    > "$work/items.txt"
  "$bin" --project "$project" entities --kind person --json \
    | python3 -c 'import json,sys; n=int(sys.argv[1]); [print("entity:"+e["id"]) for e in json.load(sys.stdin)[:n]]' "$items" \
    >> "$work/items.txt"
  seq 1 "$items" | sed 's/^/statement:/' >> "$work/items.txt"
  xargs -a "$work/items.txt" -n 500 "$bin" --project "$project" case add "bench case" >/dev/null
  touch "$work/project.done"
fi
PROJECT="$project" BENCH_PASSWORD="$password" ROUNDS="${ROUNDS:-50}" \
  "$root/crates/web/bench/render.sh" "$bin"
