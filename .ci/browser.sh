#!/usr/bin/env bash
# What the web pages' browser tests need (crates/web/tests/browser.rs):
# Debian's chromium, node with npm, and playwright-core from npm (pinned by
# crates/web/e2e/package-lock.json). Idempotent; says what it found.
# Under CI the test fails, rather than skips, when any of them is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "browser: missing ${missing[*]} (Debian: apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
(cd crates/web/e2e && npm ci --no-audit --no-fund --silent)
echo "browser: $(/usr/bin/chromium --version 2>/dev/null | head -1), node $(node --version), playwright-core $(node -p 'require("./crates/web/e2e/node_modules/playwright-core/package.json").version')"
