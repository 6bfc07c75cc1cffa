#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL 15 on 127.0.0.1 (a free port, a temporary folder, trust auth),
# exported as POSTGRES_HOST/PORT/USER/DB, and removes it afterwards. The record service's tests need it and
# fail, never skip, without it.
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then
  echo "with-postgres: PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2
  exit 1
fi
folder=$(mktemp -d /tmp/meteo-pg.XXXXXX)
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
stop() {
  as_postgres "$PGBIN/pg_ctl -D $folder/data -m fast stop" > /dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT
as_postgres "$PGBIN/initdb -D $folder/data -A trust -U postgres -E UTF8 --no-sync" > "$folder/initdb.log" 2>&1 || {
  cat "$folder/initdb.log" >&2; exit 1; }
as_postgres "$PGBIN/pg_ctl -D $folder/data -l $folder/server.log -w -o \"-k $folder -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" > /dev/null || {
  cat "$folder/server.log" >&2; exit 1; }
export POSTGRES_HOST=127.0.0.1 POSTGRES_PORT="$port" POSTGRES_USER=postgres POSTGRES_DB=postgres
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port" >&2
"$@"
