#!/usr/bin/env bash
# Runs COMMAND… as one test run: in a temporary folder of its own (TMPDIR, where every test folder, tmux socket
# and PostgreSQL cluster of the run is made) and with a mark that its processes inherit (METEO_TEST_RUN).
# Afterwards, whatever COMMAND's outcome, any process the run started that is still alive fails the run: it is
# listed, then ended.
# Usage: scripts/test-run.sh COMMAND [ARGUMENT…]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
folder=$(mktemp -d /tmp/meteo-run.XXXXXX)
# PostgreSQL runs as the postgres user and must reach the clusters made inside.
chmod 755 "$folder"
mark="$(date +%s)-$$-$RANDOM"
# Only the command gets the folder and the mark, so this script and the finder below never match themselves.
TMPDIR="$folder" METEO_TEST_RUN="$mark" "$@"
status=$?
# A process ending on its own right now is not a leftover: give the run's last children a moment.
leftovers=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
  leftovers=$("$here/leftovers.py" "$folder" "$mark" "$$")
  [ -z "$leftovers" ] && break
  sleep 0.5
done
if [ -n "$leftovers" ]; then
  echo "test-run: the run left these processes alive (now ended):" >&2
  echo "$leftovers" >&2
  "$here/leftovers.py" --kill "$folder" "$mark" "$$" > /dev/null
  [ "$status" -eq 0 ] && status=1
fi
rm -rf "$folder"
exit "$status"
