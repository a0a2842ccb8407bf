#!/bin/sh
# The 200-replicate coverage run of issue 17, one scenario at a time (the
# LCMCR-model scenarios 10 and 11 first), on one thread so that others can
# build on the shared machine. Output: crates/estimate/bench/coverage-200.txt.
# Usage: crates/estimate/bench/coverage-200.sh [BIN]   (BIN defaults to
# target/release/mse-bench; build it with
# `cargo build --release -p casefile-estimate --bin mse-bench`).
set -e
BIN=${1:-target/release/mse-bench}
OUT=crates/estimate/bench/coverage-200.txt
{
  echo "# commit $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# for i in 10 11 0 1 2 3 4 5 6 7 8 9; do RAYON_NUM_THREADS=1 nice -n 10 mse-bench coverage --replicates 200 --bootstrap 100 --scenario \$i; done"
} > "$OUT"
for i in 10 11 0 1 2 3 4 5 6 7 8 9; do
  RAYON_NUM_THREADS=1 nice -n 10 "$BIN" coverage --replicates 200 --bootstrap 100 --scenario "$i" >> "$OUT"
  echo "# load after scenario $i: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT"
done
echo "# finished $(date -u '+%Y-%m-%d %H:%M UTC')" >> "$OUT"
