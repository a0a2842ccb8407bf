#!/usr/bin/env bash
# Makes the Python venv with the receivers' validators of evidence packages:
# `bagit` (bagit.py --validate, the Library of Congress tool) and
# `followthemoney` (the FtM schema, as Aleph and OpenSanctions use it).
# Idempotent: a venv that already imports both is left alone.
#
# The tests of crates/export read the venv from $CASEFILE_EXPORT_VENV, or
# from target/export-venv at the repository root when it is unset.
set -euo pipefail
cd "$(dirname "$0")/.."

venv="${CASEFILE_EXPORT_VENV:-$PWD/target/export-venv}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import bagit, followthemoney' 2>/dev/null; then
  echo "export-tools: $venv is ready"
  exit 0
fi
# followthemoney needs PyICU, which PyPI ships as source only: it builds
# against the system's ICU (pip keeps the built wheel in its cache, so only
# a machine's first run pays the few minutes of compiling).
if ! pkg-config --exists icu-uc 2>/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq && apt-get install -y -qq libicu-dev pkg-config >/dev/null
  else
    echo "export-tools: ICU development files are missing (Debian: apt-get install libicu-dev pkg-config)" >&2
    exit 1
  fi
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet 'bagit>=1.8' 'followthemoney>=3.5'
"$venv/bin/python" -c 'import bagit, followthemoney; print("export-tools: bagit", bagit.VERSION if hasattr(bagit, "VERSION") else "?", "followthemoney", followthemoney.__version__)'
