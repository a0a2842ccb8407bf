#!/usr/bin/env bash
# Starts the services the tests need on loopback, unless they already run.
# Idempotent; exports nothing (the tests' defaults point at what it starts).
#
# - PostgreSQL: started by the machine itself (127.0.0.1:5432, user postgres,
#   database test); this script only checks that it answers.
# - An S3-compatible server: moto's server mode from PyPI, in a venv under
#   target/ci-venv, on 127.0.0.1:${CASEFILE_S3_PORT:-9317}, with the bucket
#   `casefile-test`. Tests read CASEFILE_TEST_S3_ENDPOINT (default
#   http://127.0.0.1:9317) and CASEFILE_TEST_S3_BUCKET (default casefile-test).
set -euo pipefail
cd "$(dirname "$0")/.."

port="${CASEFILE_S3_PORT:-9317}"
endpoint="http://127.0.0.1:${port}"
venv="target/ci-venv"
bucket="casefile-test"

answers() { curl -s -o /dev/null --max-time 2 "$endpoint/"; }

if ! answers; then
  if [ ! -x "$venv/bin/moto_server" ]; then
    echo "services: installing moto[server] into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'moto[server]>=5.0.15,<6'
  fi
  mkdir -p target
  echo "services: starting moto on $endpoint" >&2
  nohup "$venv/bin/moto_server" -H 127.0.0.1 -p "$port" > target/moto.log 2>&1 &
  for _ in $(seq 1 60); do
    answers && break
    sleep 0.5
  done
  if ! answers; then
    echo "services: moto did not answer on $endpoint; see target/moto.log" >&2
    exit 1
  fi
fi

# Creating an existing bucket is harmless (moto answers 409 and keeps it).
curl -s -o /dev/null --max-time 5 -X PUT "$endpoint/$bucket"

if command -v pg_isready > /dev/null; then
  pg_isready -q -h 127.0.0.1 -p 5432 \
    || echo "services: PostgreSQL does not answer on 127.0.0.1:5432" >&2
fi
echo "services: S3 test server at $endpoint (bucket $bucket)" >&2
