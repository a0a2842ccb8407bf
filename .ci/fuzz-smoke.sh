#!/usr/bin/env bash
# A short smoke run of every cargo-fuzz target (libFuzzer with
# AddressSanitizer, nightly toolchain): each starts from its seed corpus in
# fuzz/corpus/<target>/ and runs for FUZZ_SECONDS (default 15). A crash, a
# leak or a timeout fails the run; the input that caused it is left in
# fuzz/artifacts/<target>/. New inputs go to a temporary directory, never
# into the repository's corpora.
#
# The long runs (10 minutes a target) are the same script, by hand:
#   FUZZ_SECONDS=600 .ci/fuzz-smoke.sh            # every target in turn
#   FUZZ_SECONDS=600 FUZZ_TARGETS="html dates" .ci/fuzz-smoke.sh
# Each target's line of the closing table gives its executions, the edges
# covered ("cov") and features ("ft") when it stopped, and its peak memory.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${FUZZ_SECONDS:-15}"
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz-smoke: the nightly toolchain is missing (rustup toolchain install nightly)" >&2
  exit 1
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "fuzz-smoke: installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi
cargo +nightly fuzz build
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
targets="${FUZZ_TARGETS:-$(cargo +nightly fuzz list)}"
summary="$scratch/summary"
for target in $targets; do
  mkdir -p "$scratch/$target"
  echo "fuzz-smoke: $target for ${seconds}s"
  status=0
  cargo +nightly fuzz run "$target" "$scratch/$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    >"$scratch/$target.log" 2>&1 || status=$?
  grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|SUMMARY)" "$scratch/$target.log" || true
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$target.log" | tail -n 1)"
  rss="$(sed -n 's/^stat::peak_rss_mb: *//p' "$scratch/$target.log" | tail -n 1)"
  cov="$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$scratch/$target.log" | tail -n 1)"
  printf '%-10s %8ss %12s executions  %-22s peak %s MB  exit %s\n' \
    "$target" "$seconds" "${execs:-?}" "${cov:-cov: ?}" "${rss:-?}" "$status" >>"$summary"
  if [ "$status" != 0 ]; then
    tail -n 60 "$scratch/$target.log" >&2
    echo "fuzz-smoke: $target failed (exit $status)" >&2
    exit 1
  fi
done
echo "fuzz-smoke: every target ran without a crash, a leak or a timeout"
cat "$summary"
