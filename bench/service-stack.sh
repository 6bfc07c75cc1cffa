# Sourced by bench/records.sh and bench/sync.sh: a PostgreSQL of the benchmark's own (scripts/pg-cluster.sh),
# migrated, and the release meteo-records serving it on a free loopback port. Sets `work` (a folder removed
# on exit), `port` (PostgreSQL), `http_port`, `url`, `server` (its pid) and exports DATABASE_URL.
# `service_token NAME` prints a new token.
work=$(mktemp -d /tmp/meteo-bench.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
http_port=$(free_port)
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2> /dev/null || true
  scripts/pg-cluster.sh stop "$work/pg" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
scripts/pg-cluster.sh init "$work/pg" > /dev/null
scripts/pg-cluster.sh start "$work/pg" "$port" > /dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
.build/release/meteo-records migrate > /dev/null 2>&1
service_token() { .build/release/meteo-records token create "$1" 2> /dev/null | grep -o 'mr_[0-9a-f]*'; }
start_service() {
  METEO_RECORDS_PORT=$http_port METEO_RECORDS_RATE_LIMIT=1000000 METEO_RECORDS_POOL_SIZE=16 \
    .build/release/meteo-records serve > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$http_port/healthz" > /dev/null && break; sleep 0.1; done
  curl -sf "http://127.0.0.1:$http_port/healthz" > /dev/null || { cat "$work/serve.log" >&2; exit 1; }
  url="http://127.0.0.1:$http_port"
}
