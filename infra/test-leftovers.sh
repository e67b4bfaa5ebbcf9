#!/usr/bin/env bash
# After a test run: every process still carrying the run's mark (MEDPIPE_TEST_RUN in its environment, inherited by
# everything the tests started, fixtures or not) is a leak. Each is listed, then stopped by PID (SIGTERM, SIGKILL
# after 5 s). Exits with the number found (0: nothing left).
set -uo pipefail
mark=${1:?usage: test-leftovers.sh RUN_MARK}

marked() {
  local pid
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = "$$" ] && continue
    if tr "\0" "\n" 2>/dev/null <"$dir/environ" | grep -qxF "MEDPIPE_TEST_RUN=$mark"; then
      echo "$pid"
    fi
  done
}

mapfile -t left < <(marked)
[ "${#left[@]}" -eq 0 ] && exit 0
echo "processes started by the tests are still running after the run (a test's teardown must stop them):" >&2
for pid in "${left[@]}"; do
  echo "  $pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-200)" >&2
done
kill -TERM "${left[@]}" 2>/dev/null
for _ in $(seq 50); do
  alive=0
  for pid in "${left[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && break
  sleep 0.1
done
kill -KILL "${left[@]}" 2>/dev/null
n=${#left[@]}
exit $((n > 100 ? 100 : n))
