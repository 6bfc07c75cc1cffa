#!/usr/bin/env bash
# The record store: durable inserts versus the raw SQLite C API, and `meteo history --limit 20` on a
# 100,000-record store versus the sqlite3 shell. Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
INSERTS=${INSERTS:-2000}
RUNS=${RUNS:-40}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Durable inserts, three rounds, medians.
for round in 1 2 3; do
  mkdir -p "$work/insert$round"
  .build/release/meteo-bench insert "$INSERTS" "$work/insert$round"
done > "$work/inserts.txt"

# History on 100,000 records.
mkdir -p "$work/data"
.build/release/meteo-bench populate "$work/data/records.sqlite" 100000
export HOME="$work" LANG=C.UTF-8 TZ=UTC METEO_DATA_DIR="$work/data"
meteo_cmd=".build/release/meteo history --limit 20"
query="SELECT id, recorded_at, place_name, admin1, country_code, temperature, weather_code FROM record WHERE deleted_at IS NULL ORDER BY recorded_at DESC, id DESC LIMIT 20"
sqlite_cmd="sqlite3 $work/data/records.sqlite '$query'"
[ "$($meteo_cmd | wc -l)" = 20 ] && [ "$(sqlite3 "$work/data/records.sqlite" "$query" | wc -l)" = 20 ]
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$work/history.json" "$meteo_cmd" "$sqlite_cmd" > /dev/null 2>&1
rss=$(for _ in $(seq 15); do /usr/bin/time -f %M $meteo_cmd 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 8p)
sqlite_rss=$(for _ in $(seq 15); do /usr/bin/time -f %M sqlite3 "$work/data/records.sqlite" "$query" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 8p)

python3 - "$work/inserts.txt" "$work/history.json" "$rss" "$sqlite_rss" "$INSERTS" "$RUNS" <<'PY'
import json, statistics, sys
rounds = [tuple(map(float, line.split())) for line in open(sys.argv[1]) if line.strip()]
inserts = int(sys.argv[5])
store = statistics.median(r[0] for r in rounds) / inserts
raw = statistics.median(r[1] for r in rounds) / inserts
results = json.load(open(sys.argv[2]))["results"]
meteo, sqlite = results[0]["median"] * 1000, results[1]["median"] * 1000
rss, sqlite_rss = int(sys.argv[3]) / 1024, int(sys.argv[4]) / 1024
print("## Record store (issue: the record store)")
print()
print(f"Durable inserts: {inserts} records, each in its own transaction (WAL, `synchronous=FULL`), three rounds, median per insert.")
print("Target: meteo / raw ≤ 1.2.")
print()
print("| path | per insert |")
print("|---|---|")
print(f"| `SQLiteRecordStore.add` (validation, duplicate check, insert) | {store*1000:.0f} µs |")
print(f"| raw SQLite C API, same schema and pragmas, `BEGIN IMMEDIATE` … `COMMIT` | {raw*1000:.0f} µs |")
print()
print(f"**Ratio store / raw: {store / raw:.2f}** ({'meets' if store / raw <= 1.2 else 'misses'} the ≤ 1.2 target).")
print()
print(f"History: `meteo history --limit 20` on a store of 100,000 records versus the `sqlite3` shell running the")
print(f"same page query on the same file; {sys.argv[6]} runs after 5 warm-ups, median (hyperfine). Targets: ratio ≤ 1.5, meteo's peak RSS under 20 MB.")
print()
print("| command | median | peak RSS (median of 15) |")
print("|---|---|---|")
print(f"| `meteo history --limit 20` | {meteo:.1f} ms | {rss:.1f} MiB |")
print(f"| `sqlite3 records.sqlite 'SELECT … ORDER BY recorded_at DESC, id DESC LIMIT 20'` | {sqlite:.1f} ms | {sqlite_rss:.1f} MiB |")
print()
print(f"**Ratio meteo / sqlite3: {meteo / sqlite:.2f}** ({'meets' if meteo / sqlite <= 1.5 else 'misses'} the ≤ 1.5 target); "
      f"RSS {'meets' if rss * 1024 * 1024 < 20e6 else 'misses'} the 20 MB target.")
print()
print("Exact commands (`bench/store.sh`):")
print()
print("```sh")
print(f".build/release/meteo-bench insert {inserts} DIR     # 3 rounds")
print(".build/release/meteo-bench populate DIR/records.sqlite 100000")
print(f"hyperfine -N --warmup 5 --runs {sys.argv[6]} 'meteo history --limit 20' \"sqlite3 DIR/records.sqlite 'SELECT id, recorded_at, place_name, admin1, country_code, temperature, weather_code FROM record WHERE deleted_at IS NULL ORDER BY recorded_at DESC, id DESC LIMIT 20'\"")
print("/usr/bin/time -f %M meteo history --limit 20   # 15 times, median")
print("```")
PY
