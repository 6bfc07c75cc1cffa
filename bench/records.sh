#!/usr/bin/env bash
# meteo-records under wrk (2 threads, 32 connections, 10 s) versus pgbench running the same SQL statements
# with the same concurrency against the same database: list one page of 50 of a user with 10,000 records,
# create, and a 90/10 mix. Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10}
. bench/service-stack.sh
token=$(service_token bench)
hash=$(printf %s "$token" | sha256sum | cut -d' ' -f1)
psql_() { psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtA "$@"; }
# 10,000 records for the user, each body a valid record whose id is its row's.
psql_ -c "
  INSERT INTO record (user_id, id, body, recorded_at)
  SELECT 1, id, jsonb_build_object('id', id, 'place', jsonb_build_object('name', 'Paris', 'country_code', 'FR',
      'latitude', 48.85, 'longitude', 2.35, 'timezone', 'Europe/Paris'),
    'observed_at', to_char(at, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), 'recorded_at', to_char(at, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
    'provider', 'open-meteo', 'temperature', 9.3, 'weather_code', 3, 'humidity', 70), at
  FROM (SELECT gen_random_uuid() AS id, timestamptz '2026-01-01' + i * interval '1 minute' AS at
        FROM generate_series(1, 10000) i) AS rows"
psql_ -c "VACUUM ANALYZE record" > /dev/null
start_service

cat > "$work/wrk.lua" <<LUA
local token = "$token"
local mode = os.getenv("MODE")
local counter = 0
local function uuid()
  return string.format("%08x-%04x-4%03x-%04x-%012x", math.random(0, 0xffffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0x8000, 0xbfff), math.random(0, 0xffffffffffff))
end
function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init(args) math.randomseed(seed + os.time()) end
function request()
  local create = mode == "create" or (mode == "mix" and math.random(1, 10) == 1)
  if create then
    local id = uuid()
    local body = '{"id":"' .. id .. '","place":{"name":"Lyon","country_code":"FR","latitude":45.76,"longitude":4.83},'
      .. '"observed_at":"2026-11-27T13:00:00Z","recorded_at":"2026-11-27T13:04:12Z","provider":"open-meteo",'
      .. '"temperature":11.5,"weather_code":2}'
    return wrk.format("PUT", "/v1/records/" .. id,
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", "/v1/records?limit=50", {["Authorization"] = "Bearer " .. token})
end
function done(summary, latency, requests)
  io.stderr:write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
LUA

# The statements the service runs per request (token lookup, then the page or the insert), as pgbench scripts.
cat > "$work/list.sql" <<SQL
SELECT user_id FROM api_token WHERE token_hash = '$hash' AND revoked_at IS NULL;
SELECT count(*), coalesce(string_agg(body::text, ',' ORDER BY recorded_at DESC, id DESC), ''), min(recorded_at), (array_agg(id ORDER BY recorded_at, id))[1] FROM (SELECT body, recorded_at, id FROM record WHERE user_id = 1 AND deleted_at IS NULL ORDER BY recorded_at DESC, id DESC LIMIT 50) AS page;
SQL
cat > "$work/create.sql" <<SQL
SELECT user_id FROM api_token WHERE token_hash = '$hash' AND revoked_at IS NULL;
INSERT INTO record (user_id, id, body, recorded_at) VALUES (1, gen_random_uuid(), '{"id":"x","place":{"name":"Lyon","country_code":"FR","latitude":45.76,"longitude":4.83},"observed_at":"2026-11-27T13:00:00Z","recorded_at":"2026-11-27T13:04:12Z","provider":"open-meteo","temperature":11.5,"weather_code":2}'::jsonb, now()) ON CONFLICT (user_id, id) DO NOTHING RETURNING 1;
SQL

run_wrk() {
  MODE=$1 wrk -t2 -c32 -d"${DURATION}s" --latency -s "$work/wrk.lua" "http://127.0.0.1:$http_port" 2>&1 > /dev/null \
    | awk '/^RESULT/ {print $2, $3, $4, $5}'
}
run_pgbench() {
  # -M prepared: as the service, each statement is prepared once per connection, then bound and executed.
  /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p "$port" -U postgres -n -M prepared -c 32 -j 2 -T "$DURATION" \
    "$@" postgres 2>&1 | awk '/^tps/ {print $3}'
}
# Each scenario ROUNDS times, service and pgbench alternating, so that a slow moment of the machine (or an
# autovacuum) weighs on both; the median round is reported.
ROUNDS=${ROUNDS:-3}
: > "$work/rounds"
for round in $(seq "$ROUNDS"); do
  echo "list $(run_wrk list) $(run_pgbench -f "$work/list.sql")" >> "$work/rounds"
  echo "create $(run_wrk create) $(run_pgbench -f "$work/create.sql")" >> "$work/rounds"
  echo "mix $(run_wrk mix) $(run_pgbench -f "$work/list.sql@9" -f "$work/create.sql@1")" >> "$work/rounds"
done
rss=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")

python3 - "$work/rounds" "$rss" "$DURATION" "$ROUNDS" <<'PY'
import statistics, sys
rounds = {}
for line in open(sys.argv[1]):
    name, rps, p50, p99, errors, pg = line.split()
    rounds.setdefault(name, []).append((float(rps), float(p50), float(p99), int(errors), float(pg)))
def median_round(name):
    # The round whose ratio is the median one, so that each row is one real measurement.
    ordered = sorted(rounds[name], key=lambda r: r[0] / r[4])
    return ordered[len(ordered) // 2]
rows = [("list a page of 50 (GET /v1/records?limit=50)", median_round("list")),
        ("create (PUT /v1/records/{new id})", median_round("create")),
        ("90 % list, 10 % create", median_round("mix"))]
rss_kib, duration, round_count = int(sys.argv[2]), sys.argv[3], sys.argv[4]
print("## meteo-records versus pgbench (issue: meteo-records)")
print()
print(f"wrk, 2 threads, 32 connections, {duration} s per scenario, against the release service (pool of 16) on")
print("loopback; the user holds 10,000 records. pgbench runs the same statements the service runs per request (the")
print("token lookup, then the page query or the insert) with the same concurrency (`-c 32 -j 2`) and protocol (prepared statements, as PostgresNIO runs them)")
print("against the same database: the floor the service stands on. Everything shares the 2 cores. Each scenario")
print(f"runs {round_count} rounds, service and pgbench alternating; the row is the round with the median ratio. Target: ≥ 0.5.")
print()
print("| scenario | service req/s | p50 | p99 | non-2xx | pgbench tps | service / pgbench |")
print("|---|---|---|---|---|---|---|")
worst = None
for name, (rps, p50, p99, errors, pg) in rows:
    ratio = rps / pg
    worst = ratio if worst is None else min(worst, ratio)
    print(f"| {name} | {float(rps):,.0f} | {float(p50):.1f} ms | {float(p99):.1f} ms | {errors} | {float(pg):,.0f} | {ratio:.2f} |")
print()
print(f"Peak RSS of the service over all runs: {rss_kib / 1024:.1f} MiB.")
print(f"**Lowest ratio: {worst:.2f}** ({'meets' if worst >= 0.5 else 'misses'} the ≥ 0.5 target).")
print()
print("Exact commands (`bench/records.sh`):")
print()
print("```sh")
print("MODE=list wrk -t2 -c32 -d10s --latency -s wrk.lua http://127.0.0.1:$PORT   # MODE=create, MODE=mix")
print("pgbench -n -M prepared -c 32 -j 2 -T 10 -f list.sql postgres              # -f create.sql; -f list.sql@9 -f create.sql@1")
print("```")
print()
PY
