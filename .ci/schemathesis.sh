#!/usr/bin/env bash
# Runs schemathesis (PyPI) against a real `casefile serve` over the demo
# project: every operation of /openapi.json with generated requests, checking
# that none gets a server error or a response that breaks the schema, and
# that none hangs (a per-request timeout). Idempotent: the venv is reused,
# the demo project and server are made anew and the server is stopped on
# every exit. Exits non-zero when schemathesis finds a failure.
#
# Environment: CASEFILE_BIN (default target/debug/casefile, built when
# missing), SCHEMATHESIS_VENV (default target/schemathesis-venv),
# SCHEMATHESIS_EXAMPLES (examples per operation, default 25).
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${SCHEMATHESIS_VENV:-$PWD/target/schemathesis-venv}"
if ! [ -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet 'schemathesis>=4,<5'
fi

bin="${CASEFILE_BIN:-$PWD/target/debug/casefile}"
if ! [ -x "$bin" ]; then
  cargo build -p casefile
fi

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

project="$work/demo"
"$bin" demo --dir "$project" >/dev/null
export CASEFILE_PROJECT="$project"
CASEFILE_PASSWORD="schemathesis password" "$bin" user add schemathesis --role admin >/dev/null
token="$("$bin" user token schemathesis 2>/dev/null)"

# A free loopback port: the server binds port 0 and says which it got.
# (Without DATABASE_URL, which `serve` would otherwise take as its database.)
env -u DATABASE_URL "$bin" serve --bind 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
base=""
for _ in $(seq 1 100); do
  base="$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" || true)"
  [ -n "$base" ] && break
  sleep 0.1
done
if [ -z "$base" ]; then
  echo "schemathesis.sh: the server did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi

"$venv/bin/schemathesis" run "$base/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance \
  --request-timeout 30 \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" \
  --workers 1 \
  --no-color
echo "schemathesis.sh: no server error, every response conforms to the schema"
