#!/usr/bin/env bash
# Adds up the TRX files of a test run and prints "N passed, N failed, N skipped" as the last line.
# Exits non-zero when a test failed or when no test ran at all. LEAKS (test-leftovers.sh's count of processes the
# tests left running) counts as one more failure when it is not 0.
set -euo pipefail
results=${1:?usage: test-summary.sh RESULTS_DIR [LEAKS]}
leaks=${2:-0}

passed=0 failed=0 skipped=0 files=0
attr() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2"; }
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1 || true)
  [ -n "$counters" ] || { echo "no counters in $trx" >&2; failed=$((failed + 1)); continue; }
  passed=$((passed + $(attr passed "$counters")))
  before=$failed
  for a in failed error timeout aborted; do
    v=$(attr "$a" "$counters"); failed=$((failed + ${v:-0}))
  done
  # A test host killed mid-run (a crash, or the hang timeout) leaves a run that is not Completed and may count
  # no test at all: that is a failure, never a silent skip.
  outcome=$(grep -o '<ResultSummary outcome="[A-Za-z]*"' "$trx" | head -n 1 | sed 's/.*outcome="\(.*\)"/\1/' || true)
  if [ "$outcome" != "Completed" ] && [ "$failed" -eq "$before" ]; then
    echo "test run not completed ($outcome) in $trx: $(grep -o '<Text>[^<]*</Text>' "$trx" | head -n 2 | sed 's/<[^>]*>//g' | tr '\n' ' ')" >&2
    failed=$((failed + 1))
  fi
  for a in notExecuted inconclusive; do
    v=$(attr "$a" "$counters"); skipped=$((skipped + ${v:-0}))
  done
done < <(find "$results" -name '*.trx' -print0)

echo "test result files: $files"
if [ "$leaks" -ne 0 ]; then
  echo "the tests left $leaks process(es) running: counted as a failure" >&2
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$files" -gt 0 ] && [ "$((passed + failed))" -gt 0 ] && [ "$failed" -eq 0 ]
