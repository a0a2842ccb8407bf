#!/usr/bin/env bash
# What the web-capture tests need: `wget` (Debian), which writes WARCs with
# --warc-file, and a venv with `warcio` (PyPI), the web-archiving
# community's WARC library, which the tests write WARCs with.
# Idempotent: what is already there is left alone.
#
# The tests read the venv from $CASEFILE_CAPTURE_VENV, or from
# target/capture-venv at the repository root when it is unset.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wget >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wget >/dev/null
  else
    echo "capture-tools: wget is missing (Debian: apt-get install wget)" >&2
    exit 1
  fi
fi

venv="${CASEFILE_CAPTURE_VENV:-$PWD/target/capture-venv}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import warcio' 2>/dev/null; then
  echo "capture-tools: $venv is ready; $(wget --version | head -1)"
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet 'warcio>=1.7'
"$venv/bin/python" -c 'import warcio, importlib.metadata as m; print("capture-tools: warcio", m.version("warcio"))'
echo "capture-tools: $(wget --version | head -1)"
