#!/usr/bin/env bash
# Checks test-run.sh itself: a run that leaves a process behind (here one that escaped into its own session) must
# fail and name it, and a clean run must pass.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! "$here/test-run.sh" true; then
  echo "check-test-run: a clean run failed" >&2
  exit 1
fi
output=$("$here/test-run.sh" bash -c 'setsid sleep 120 < /dev/null > /dev/null 2>&1 & exit 0' 2>&1)
status=$?
if [ "$status" -eq 0 ] || ! grep -q "sleep 120" <<< "$output"; then
  echo "check-test-run: a leftover went unnoticed (status $status): $output" >&2
  exit 1
fi
if pgrep -f "^sleep 120$" > /dev/null; then
  echo "check-test-run: the leftover was not ended" >&2
  exit 1
fi
echo "check-test-run: leftovers are found, named and ended"
