#!/usr/bin/env bash
# The GeoJSON validator of the report tests (crates/report/tests/geojson.rs):
# @placemarkio/check-geojson from npm, pinned by
# crates/report/validator/package-lock.json, run by node. Idempotent; says
# what it found. Under CI the test fails, rather than skips, without it.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "geojson-tools: node and npm are missing (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
fi
(cd crates/report/validator && npm ci --no-audit --no-fund --silent)
echo "geojson-tools: node $(node --version), @placemarkio/check-geojson $(node -p 'require("./crates/report/validator/node_modules/@placemarkio/check-geojson/package.json").version')"
