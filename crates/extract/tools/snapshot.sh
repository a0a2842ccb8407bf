#!/usr/bin/env bash
# Snapshot of every extraction output the project can check without a project:
# `eval-extract --verbose` and the JSON extraction of every seed article, corpus
# file and dev-set text. Run before and after a change meant to keep outputs
# identical, then `diff -r BEFORE AFTER`.
# Usage: crates/extract/tools/snapshot.sh OUT_DIR   (from the repository root)
set -euo pipefail
out=${1:?usage: snapshot.sh OUT_DIR}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target-extract}
mkdir -p "$out"
cargo build -q --release -p casefile-extract --example snapshot
cargo build -q --release -p casefile-bench --bin eval-extract
files=$(find ../shared/seeds corpus crates/extract/devset/texts -type f \( -name '*.txt' -o -name '*.html' -o -name '*.htm' -o -name '*.md' \) | sort)
"$CARGO_TARGET_DIR/release/examples/snapshot" "$out/json" $files
"$CARGO_TARGET_DIR/release/eval-extract" --verbose > "$out/eval.txt"
echo "$(ls "$out/json" | wc -l) extractions and eval-extract output in $out"
