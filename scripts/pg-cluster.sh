#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster in FOLDER, on 127.0.0.1 only, trust auth, as the postgres user when run as
# root (PostgreSQL refuses root). Used by with-postgres.sh and by tests that stop and restart their own server.
#   pg-cluster.sh init FOLDER      make the cluster
#   pg-cluster.sh start FOLDER PORT
#   pg-cluster.sh stop FOLDER      fast shutdown (connections are cut)
#   pg-cluster.sh freeze FOLDER    SIGSTOP the server and its backends: a database that stops answering
#                                  without closing anything, as behind a network partition
#   pg-cluster.sh thaw FOLDER      SIGCONT them
set -euo pipefail
PGBIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PGBIN/initdb" ]; then
  echo "pg-cluster: PostgreSQL 15 is not installed (apt-get install postgresql-15)" >&2
  exit 1
fi
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
command=$1 folder=$2
case "$command" in
  init)
    mkdir -p "$folder"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$folder"
    as_postgres "$PGBIN/initdb -D $folder/data -A trust -U postgres -E UTF8 --no-sync" > "$folder/initdb.log" 2>&1 || {
      cat "$folder/initdb.log" >&2; exit 1; }
    ;;
  start)
    port=$3
    as_postgres "$PGBIN/pg_ctl -D $folder/data -l $folder/server.log -w -o \"-k $folder -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start" > /dev/null || {
      cat "$folder/server.log" >&2; exit 1; }
    ;;
  stop)
    as_postgres "$PGBIN/pg_ctl -D $folder/data -m fast -w stop" > /dev/null
    ;;
  freeze|thaw)
    signal=$([ "$command" = freeze ] && echo STOP || echo CONT)
    postmaster=$(head -1 "$folder/data/postmaster.pid")
    kill -"$signal" "$postmaster" $(pgrep -P "$postmaster" || true)
    ;;
  *)
    echo "usage: pg-cluster.sh init|start|stop|freeze|thaw FOLDER [PORT]" >&2
    exit 64
    ;;
esac
