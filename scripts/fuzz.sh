#!/usr/bin/env bash
# Runs every libFuzzer target for SECONDS each (default 60) and prints the crashes found.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Targets live in Fuzz/ (a package of their own, built here with -sanitize=fuzzer).
# Seeds come from Fuzz/Corpus/<target> and are copied, so a run never grows the committed
# corpus. A crash is saved under .fuzz/<target>/crashes/; turn it into a fixture with its
# expected error before fixing it. Exit 1 when any target found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
all=(FuzzAssessment FuzzQuestionnaire FuzzCSV FuzzXLSX FuzzTemplate FuzzBrand FuzzCalendar FuzzEditor FuzzDecisionLog)
targets=("${@:-${all[@]}}")
[ "$#" -eq 0 ] && targets=("${all[@]}")

echo "building fuzz targets (-sanitize=fuzzer,address)..."
swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld 2>&1 \
  | grep -Ev '^\[[0-9]+/[0-9]+\]|^Building|^Compiling|^Write|^Emitting|^Linking|^Fetching|^Computing|^Working copy|^Creating' || true
bin=$(swift build --package-path Fuzz -c debug --show-bin-path)


failed=0
printf '%-20s %8s %10s %8s\n' target seconds executions crashes
for t in "${targets[@]}"; do
  work=.fuzz/$t
  rm -rf "$work"; mkdir -p "$work/corpus" "$work/crashes"
  cp Fuzz/Corpus/$t/* "$work/corpus/" 2>/dev/null || true
  log=$work/log.txt
  set +e
  "$bin/$t" "$work/corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=262144 \
    -artifact_prefix="$work/crashes/" -print_final_stats=1 >"$log" 2>&1
  status=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo 0)
  crashes=$(find "$work/crashes" -type f | wc -l)
  printf '%-20s %8s %10s %8s\n' "$t" "$seconds" "$runs" "$crashes"
  if [ "$status" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    echo "  $t failed (exit $status); the log's last lines:"
    tail -n 30 "$log" | sed 's/^/    /'
  fi
done
if [ "$failed" -ne 0 ]; then echo "fuzzing found crashes"; exit 1; fi
echo "fuzzing: zero crashes in every target"
