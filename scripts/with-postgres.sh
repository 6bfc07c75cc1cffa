#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 on 127.0.0.1 (a free port, a temporary folder, trust auth),
# exported as POSTGRES_HOST/PORT/USER/DB, and removes it afterwards. The record service's tests need it and
# fail, never skip, without it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
folder=$(mktemp -d "${TMPDIR:-/tmp}/meteo-pg.XXXXXX")
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
  "$here/pg-cluster.sh" stop "$folder" > /dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
"$here/pg-cluster.sh" init "$folder"
"$here/pg-cluster.sh" start "$folder" "$port"
export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$port" POSTGRES_USER=postgres POSTGRES_DB=postgres
export METEO_PG_CLUSTER="$here/pg-cluster.sh"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port" >&2
"$@"
