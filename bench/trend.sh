#!/usr/bin/env bash
# `meteo trend` on 100,000 records kept at one place versus the sqlite3 shell running the same queries on the
# same file. Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 100,000 Paris records over three years, imported as a person would.
python3 - > "$work/records.csv" <<'PY'
import math, random
random.seed(7)
print("id,place_name,admin1,country,country_code,latitude,longitude,timezone,observed_at,recorded_at,provider,"
      "temperature,apparent_temperature,weather_code,wind_speed,wind_direction,humidity,pressure,precipitation,"
      "units,deleted_at,kept_offline")
start = 1_704_067_200  # 2024-01-01
for i in range(100_000):
    t = start + i * 946  # about three years
    day = (t // 86400) % 365
    temperature = round(12 - 9 * math.cos((day - 15) / 365 * 2 * math.pi) + random.uniform(-4, 4), 1)
    import datetime
    stamp = datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    print(f"{i:08x}-0000-4000-8000-{i:012x},Paris,Île-de-France,France,FR,48.8534,2.3488,Europe/Paris,"
          f"{stamp},{stamp},open-meteo,{temperature},,3,10,200,70,1015,0,metric,,false")
PY
export HOME="$work" LANG=C.UTF-8 TZ=UTC METEO_DATA_DIR="$work/data"
.build/release/meteo import "$work/records.csv" > /dev/null
db="$work/data/records.sqlite"
meteo_cmd=".build/release/meteo trend Paris"
# The queries `meteo trend` runs (SQLiteRecordStore+Trend.swift), in one sqlite3 process: the newest records
# under the name, then one pass over the place's range in the index's order.
queries="SELECT * FROM record INDEXED BY record_place_observed WHERE deleted_at IS NULL AND place_key = 'paris' ORDER BY observed_at DESC LIMIT 500;
SELECT observed_at, temperature, latitude, longitude FROM record INDEXED BY record_place_observed WHERE deleted_at IS NULL AND place_key = 'paris' ORDER BY observed_at;"
printf '%s\n' "$queries" > "$work/queries.sql"
sqlite_cmd="sqlite3 $db -init $work/queries.sql .quit"
$meteo_cmd | grep -q "100,000 records kept"
[ "$(sqlite3 "$db" < "$work/queries.sql" | wc -l)" -gt 100000 ]
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$work/trend.json" "$meteo_cmd" "$sqlite_cmd" > /dev/null 2>&1

python3 - "$work/trend.json" "$RUNS" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
meteo, sqlite = results[0]["median"] * 1000, results[1]["median"] * 1000
print("## What your records say (issue: beyond every peer)")
print()
print(f"`meteo trend Paris` on a store of 100,000 records all kept at Paris (three years, imported), versus the")
print(f"`sqlite3` shell running the same two queries on the same file in one process (printing 100,500 rows); {sys.argv[2]} runs after 5")
print("warm-ups, median (hyperfine). Target: under 50 ms, from an index (`record_place_observed`), not a scan.")
print()
print("| command | median |")
print("|---|---|")
print(f"| `meteo trend Paris` | {meteo:.1f} ms |")
print(f"| `sqlite3 records.sqlite -init queries.sql .quit` (the same two queries) | {sqlite:.1f} ms |")
print()
print(f"**Ratio meteo / sqlite3: {meteo / sqlite:.2f}**; {'meets' if meteo < 50 else 'misses'} the 50 ms target.")
print()
print("Exact commands (`bench/trend.sh`):")
print()
print("```sh")
print("meteo import records.csv   # 100,000 Paris records, written by the script")
print(f"hyperfine -N --warmup 5 --runs {sys.argv[2]} 'meteo trend Paris' 'sqlite3 records.sqlite -init queries.sql .quit'")
print("```")
PY
