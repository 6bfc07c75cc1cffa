#!/usr/bin/env bash
# Fuzzes a live meteo-records against docs/openapi.yaml with schemathesis: no 5xx, every status, header,
# content type and body as the spec says. Needs the PostgreSQL of with-postgres.sh and a built meteo-records.
# Usage: scripts/fuzz-api.sh BUILD_DIR [MAX_EXAMPLES]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=$1/meteo-records
examples=${2:-40}
export DATABASE_URL="postgres://${POSTGRES_USER:-postgres}@${POSTGRES_HOST}:${POSTGRES_PORT}/fuzz?sslmode=disable"
psql -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "${POSTGRES_USER:-postgres}" -d postgres -qc "DROP DATABASE IF EXISTS fuzz" -c "CREATE DATABASE fuzz" > /dev/null
"$bin" migrate > /dev/null 2>&1
token=$("$bin" token create fuzzer 2>/dev/null | grep -o 'mr_[0-9a-f]*' | head -1)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log=$(mktemp "${TMPDIR:-/tmp}/meteo-fuzz.XXXXXX")
METEO_RECORDS_PORT=$port METEO_RECORDS_RATE_LIMIT=1000000 METEO_RECORDS_AUTH_FAILURE_LIMIT=1000000 "$bin" serve > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null || true; wait $server 2> /dev/null; rm -f "$log"' EXIT
for _ in $(seq 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2> /dev/null; then break; fi
  sleep 0.1
done
# The token reaches schemathesis through its environment and scripts/fuzz-api.toml, never a command line (ps).
METEO_FUZZ_TOKEN=$token schemathesis --config-file "$here/scripts/fuzz-api.toml" run "$here/docs/openapi.yaml" \
  --url "http://127.0.0.1:$port" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection \
  --max-examples "$examples" --seed 20261127 --no-color
# The service's own log line per request must never hold the token.
if grep -qF -f <(printf '%s\n' "$token") "$log"; then
  echo "fuzz-api: the token appears in the service's log" >&2
  exit 1
fi
echo "fuzz-api: $(grep -c 'request' "$log") requests logged, none with the token"
