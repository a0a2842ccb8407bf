#!/bin/sh
# The 200-replicate coverage run of issue 17, one scenario at a time (the
# LCMCR-model scenarios 10 and 11 first), on one thread so that others can
# build on the shared machine. Output: crates/estimate/bench/coverage-200.txt.
# Usage: crates/estimate/bench/coverage-200.sh [BIN [SCENARIO...]]
#   BIN defaults to target/release/mse-bench (build it with
#   `cargo build --release -p casefile-estimate --bin mse-bench`); with
#   scenarios named, they are run and appended to the output (a run resumed
#   with another build), otherwise all of them into a new output.
set -e
BIN=${1:-target/release/mse-bench}
[ $# -gt 0 ] && shift
OUT=crates/estimate/bench/coverage-200.txt
if [ $# -gt 0 ]; then
  SCENARIOS="$*"
else
  SCENARIOS="10 11 0 1 2 3 4 5 6 7 8 9"
  : > "$OUT"
fi
{
  echo "# checkout at $(git rev-parse --short HEAD), binary $BIN, $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# for i in $SCENARIOS; do RAYON_NUM_THREADS=1 nice -n 10 mse-bench coverage --replicates 200 --bootstrap 100 --scenario \$i; done"
} >> "$OUT"
for i in $SCENARIOS; do
  RAYON_NUM_THREADS=1 nice -n 10 "$BIN" coverage --replicates 200 --bootstrap 100 --scenario "$i" >> "$OUT"
  echo "# load after scenario $i: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT"
done
echo "# finished $(date -u '+%Y-%m-%d %H:%M UTC')" >> "$OUT"
