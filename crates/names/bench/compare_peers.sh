#!/usr/bin/env bash
# Scores crates/names/data/pairs.tsv with casefile-names and with peer tools
# (rigour, nomenklatura, unidecode+rapidfuzz) and prints one table.
#
# Usage: crates/names/bench/compare_peers.sh [PAIRS.tsv ...]
# The Python venv lives in target-names/venv (git-ignored); it is created on
# first use. Set CARGO_TARGET_DIR to reuse another target dir.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
# Default: the generated set and the two hand-written challenge sets.
if [ $# -gt 0 ]; then SETS=("$@"); else
  SETS=("$ROOT/crates/names/data/pairs.tsv" "$ROOT/crates/names/data/challenge.tsv"
        "$ROOT/crates/names/data/challenge2.tsv"); fi
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target-names}"
VENV="$CARGO_TARGET_DIR/venv"
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import rigour, nomenklatura, unidecode, rapidfuzz" 2>/dev/null; then
  "$VENV/bin/pip" install -q rigour nomenklatura unidecode rapidfuzz
fi
cargo build -q --release -p casefile-bench --bin eval-names
for PAIRS in "${SETS[@]}"; do
  CASEFILE_JSON="$("$CARGO_TARGET_DIR/release/eval-names" "$PAIRS" --json)"
  "$VENV/bin/python" "$ROOT/crates/names/bench/compare_peers.py" "$PAIRS" "$CASEFILE_JSON"
  echo
done
