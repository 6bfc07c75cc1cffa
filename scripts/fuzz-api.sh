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
# The weather gateway's upstream: the project's fixture server, never the internet.
ports=$(mktemp -d "${TMPDIR:-/tmp}/meteo-fuzz-upstream.XXXXXX")
key=fuzz-upstream-key-$RANDOM$RANDOM
"$1/meteo-fixture-server" --port-file "$ports/port" --api-key "$key" > /dev/null 2>&1 &
upstream=$!
trap 'kill $upstream 2> /dev/null || true; wait $upstream 2> /dev/null || true; rm -rf "$ports"' EXIT
for _ in $(seq 100); do [ -s "$ports/port" ] && break; sleep 0.1; done
fixtures="http://127.0.0.1:$(cat "$ports/port")"
METEO_RECORDS_PORT=$port METEO_RECORDS_RATE_LIMIT=1000000 METEO_RECORDS_AUTH_FAILURE_LIMIT=1000000 \
  METEO_RECORDS_GEOCODING_URL=$fixtures METEO_RECORDS_FORECAST_URL=$fixtures METEO_RECORDS_AIR_QUALITY_URL=$fixtures \
  METEO_RECORDS_OWM_URL=$fixtures METEO_RECORDS_OWM_API_KEY=$key METEO_RECORDS_GATEWAY_BUDGET_OPEN_METEO=1000000 \
  METEO_RECORDS_GATEWAY_BUDGET_OWM=1000000 "$bin" serve > "$log" 2>&1 &
server=$!
trap 'kill $server $upstream 2> /dev/null || true; wait $server $upstream 2> /dev/null || true; rm -rf "$log" "$ports"' EXIT
for _ in $(seq 100); do
  if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2> /dev/null; then break; fi
  sleep 0.1
done
# The token reaches schemathesis through its environment and scripts/fuzz-api.toml, never a command line (ps).
METEO_FUZZ_TOKEN=$token schemathesis --config-file "$here/scripts/fuzz-api.toml" run "$here/docs/openapi.yaml" \
  --url "http://127.0.0.1:$port" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection \
  --max-examples "$examples" --seed 20261127 --no-color
# The service's own log line per request must never hold the token, nor the provider key.
for secret in "$token" "$key"; do
  if grep -qF -f <(printf '%s\n' "$secret") "$log"; then
    echo "fuzz-api: a secret appears in the service's log" >&2
    exit 1
  fi
done
echo "fuzz-api: $(grep -c 'request' "$log") requests logged, none with the token or the provider key"
