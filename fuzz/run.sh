#!/usr/bin/env bash
# Runs every fuzz target (or those named) for FUZZ_SECONDS each, from the committed seeds,
# with its dictionary. Exits non-zero if a target crashes, panics, times out or runs out
# of memory; libFuzzer then leaves the input in fuzz/artifacts/<target>/.
#
#   bash fuzz/run.sh                       # all targets, 60 s each
#   FUZZ_SECONDS=300 bash fuzz/run.sh yaml # one target, five minutes
#
# FUZZ_SANITIZER=address (the default) builds with AddressSanitizer. That needs nightly
# rustc flags, so on a stable toolchain the script sets RUSTC_BOOTSTRAP=1; besides memory
# errors in dependencies' unsafe code, the sanitizer's runtime lets libFuzzer see the
# strings the parsers compare with, which finds keys far sooner. FUZZ_SANITIZER=none
# needs no nightly flag at all, and still catches every panic and overflow.
set -euo pipefail

fuzz_dir="$(cd "$(dirname "$0")" && pwd)"
cd "$fuzz_dir/.."

seconds="${FUZZ_SECONDS:-60}"
sanitizer="${FUZZ_SANITIZER:-address}"
if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=(publiccode funding yaml project checklist dco)
fi

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

if [ "$sanitizer" != none ]; then
  export RUSTC_BOOTSTRAP=1
fi

# The seeds each target starts from; the YAML reader gets every document.
seeds_for() {
  case "$1" in
    yaml) echo "$fuzz_dir/seeds/yaml $fuzz_dir/seeds/publiccode $fuzz_dir/seeds/funding" ;;
    *) echo "$fuzz_dir/seeds/$1" ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  echo "== fuzzing $target for ${seconds}s (sanitizer: $sanitizer)"
  # libFuzzer adds what it finds to the first directory (git-ignored) and only reads
  # the seeds.
  mkdir -p "$fuzz_dir/corpus/$target"
  # shellcheck disable=SC2046 # the seed directories are meant to split
  if ! cargo fuzz run --sanitizer "$sanitizer" "$target" \
    "$fuzz_dir/corpus/$target" $(seeds_for "$target") -- \
    -max_total_time="$seconds" -timeout=10 -dict="$fuzz_dir/$target.dict"; then
    failed+=("$target")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo "== crashed: ${failed[*]}; inputs in fuzz/artifacts/<target>/" >&2
  exit 1
fi
echo "== no crash"
