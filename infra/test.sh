#!/usr/bin/env bash
# The README's test command: set-up, then every test in MedPipeline.sln against a private RabbitMQ
# and PostgreSQL that the test fixtures start on free loopback ports. Ends with "N passed, N failed, N skipped".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"

bash "$here/setup.sh"

results="$root/.medpipe/test-results"
rm -rf "$results"
mkdir -p "$results"

status=0
# --blame-hang-timeout: a hung test host is dumped and killed instead of eating the CI budget. It counts one test's
# time, and the container test (images built from Debian packages on a fresh machine, the stack up and down) runs one
# test for about 10 minutes cold, so the limit is 25 minutes; a killed host counts as a failure (test-summary.sh).
dotnet test MedPipeline.sln --no-restore --configuration Release \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 25m "$@" || status=$?

bash "$here/test-summary.sh" "$results" || status=$?
exit "$status"
