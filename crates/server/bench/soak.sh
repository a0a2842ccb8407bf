#!/usr/bin/env bash
# Soak test of `casefile serve` on both backends: SECONDS_PER_BACKEND seconds
# (default 120) of concurrent ingest (2 uploaders), reads (3 readers) and
# review decisions (1 reviewer), then SIGKILL, restart and checks: `verify`
# clean, every acknowledged upload and decision present, no source twice,
# the restarted server serving and writing. The test itself is
# crates/cli/tests/soak.rs (its short version runs in the normal suite).
#
#   crates/server/bench/soak.sh
#
# Needs PostgreSQL (DATABASE_URL, default the local test database) and the
# S3 test server (.ci/services.sh starts it).
set -euo pipefail
cd "$(dirname "$0")/../../.."
bash .ci/services.sh
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export CASEFILE_SOAK_SECONDS="${SECONDS_PER_BACKEND:-120}"
echo "soak.sh: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo test --release -p casefile --test soak -- --ignored --nocapture --test-threads 1 2>&1 \
  | grep -E '^soak |^test |test result|panicked|assert|^ +"'
echo "soak.sh: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
