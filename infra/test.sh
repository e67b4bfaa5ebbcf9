#!/usr/bin/env bash
# The README's test command: set-up, then every test in MedPipeline.sln against a private RabbitMQ and PostgreSQL that
# the test fixtures start on free loopback ports. Ends with "N passed, N failed, N skipped".
#   bash infra/test.sh              the full suite (what CI runs)
#   bash infra/test.sh --fast       only tests that start no broker, database, service process or browser
#   bash infra/test.sh --integration | --slow   one of the other tiers (tests/MedPipeline.Testing/TestTiers.cs)
# Further arguments go to dotnet test; a --filter narrows the tier's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

tier=all
case "${1:-}" in
  --fast) tier=fast; shift ;;
  --integration) tier=integration; shift ;;
  --slow) tier=slow; shift ;;
esac
tier_filter=""
case "$tier" in
  fast) tier_filter="TestCategory!=Integration&TestCategory!=Slow" ;;
  integration) tier_filter="TestCategory=Integration&TestCategory!=Slow" ;;
  slow) tier_filter="TestCategory=Slow" ;;
esac
# A --filter of the caller's narrows the tier's (dotnet test takes one --filter).
rest=() user_filter=""
while [ $# -gt 0 ]; do
  if [ "$1" = --filter ] && [ $# -gt 1 ]; then user_filter=$2; shift 2; else rest+=("$1"); shift; fi
done
filter=()
if [ -n "$tier_filter" ] && [ -n "$user_filter" ]; then filter=(--filter "($tier_filter)&($user_filter)")
elif [ -n "$tier_filter$user_filter" ]; then filter=(--filter "$tier_filter$user_filter")
fi
set -- ${rest[@]+"${rest[@]}"}

bash "$here/setup.sh"

results="$root/.medpipe/test-results"
rm -rf "$results"
mkdir -p "$results"

started=$(date +%s)
# Built before the run, so the compiler and MSBuild servers it leaves are not the tests' (see test-leftovers.sh).
dotnet build MedPipeline.sln --no-restore --configuration Release --verbosity quiet -nologo

status=0
# Every process the tests start carries this run's mark in its environment: what still carries it after the run
# is a leak, and fails the run.
run_mark=$(cat /proc/sys/kernel/random/uuid)
fast_tier=""
[ "$tier" = fast ] && fast_tier=fast
# --blame-hang-timeout: a hung test host is dumped and killed instead of eating the CI budget. It counts one test's
# time, and the container test (images built from Debian packages on a fresh machine, the stack up and down) runs one
# test for about 10 minutes cold, so the limit is 25 minutes; a killed host counts as a failure (test-summary.sh).
# No MSBuild node or build server outlives dotnet test (they would carry the mark).
MEDPIPE_TEST_RUN="$run_mark" MEDPIPE_TEST_TIER="$fast_tier" MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
  dotnet test MedPipeline.sln --no-build --configuration Release \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 25m "${filter[@]}" "$@" || status=$?

leaks=0
bash "$here/test-leftovers.sh" "$run_mark" || leaks=$?
echo "test tier: $tier, $(($(date +%s) - started)) s"
bash "$here/test-summary.sh" "$results" "$leaks" || status=$?
exit "$status"
