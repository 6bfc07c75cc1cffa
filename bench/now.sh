#!/usr/bin/env bash
# meteo now PLACE --json against the fixture server, versus three sequential curl processes fetching
# the same three URLs (geocoding, forecast, air quality: meteo asks the last two at once). Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-40}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

.build/release/meteo-fixture-server Tests/Fixtures --port-file "$work/port" > /dev/null &
server=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"

export HOME="$work" LANG=C.UTF-8 METEO_GEOCODING_URL="$base" METEO_FORECAST_URL="$base" METEO_AIR_QUALITY_URL="$base" METEO_CACHE_DIR="$work/cache"
# The three URLs meteo itself requests for Paris (taken from the fixture server's view of a real run).
geocoding="$base/v1/search?name=Paris&count=1&language=en&format=json"
forecast="$base/v1/forecast?latitude=48.8534&longitude=2.3488&current=temperature_2m,apparent_temperature,relative_humidity_2m,weather_code,wind_speed_10m,wind_direction_10m,pressure_msl,precipitation,is_day,uv_index&hourly=temperature_2m,precipitation_probability,precipitation,weather_code,uv_index&daily=weather_code,temperature_2m_max,temperature_2m_min,precipitation_sum,precipitation_probability_max,sunrise,sunset,daylight_duration,uv_index_max&minutely_15=precipitation&forecast_minutely_15=24&forecast_hours=48&forecast_days=7&timezone=auto"
air="$base/v1/air-quality?latitude=48.8534&longitude=2.3488&current=european_aqi,us_aqi,pm2_5,pm10,ozone,nitrogen_dioxide&timezone=auto"

meteo_cmd=".build/release/meteo now Paris --json"
curl_cmd="curl -s -o /dev/null '$geocoding' && curl -s -o /dev/null '$forecast' && curl -s -o /dev/null '$air'"
$meteo_cmd > /dev/null   # fails loudly if the setup is wrong

hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$work/meteo.json" "$meteo_cmd" > /dev/null 2>&1
hyperfine --warmup 5 --runs "$RUNS" --export-json "$work/curl.json" "$curl_cmd" > /dev/null 2>&1

peak_rss() {  # median peak RSS in KiB over 15 runs of a shell command
  for _ in $(seq 15); do /usr/bin/time -f %M bash -c "$1" 2>&1 >/dev/null | tail -1; done | sort -n | sed -n 8p
}
meteo_rss=$(peak_rss "$meteo_cmd")
curl_rss=$(for _ in $(seq 15); do /usr/bin/time -f %M curl -s -o /dev/null "$forecast" 2>&1 | tail -1; done | sort -n | sed -n 8p)

python3 - "$work/meteo.json" "$work/curl.json" "$meteo_rss" "$curl_rss" "$RUNS" <<'PY'
import json, sys
meteo = json.load(open(sys.argv[1]))["results"][0]
curl = json.load(open(sys.argv[2]))["results"][0]
m, c = meteo["median"] * 1000, curl["median"] * 1000
mr, cr = int(sys.argv[3]) / 1024, int(sys.argv[4]) / 1024
runs = sys.argv[5]
print("## `meteo now PLACE --json` (with air quality) versus three `curl` processes (issues: meteo now; beyond every peer)")
print()
print(f"Loopback fixture server (`meteo-fixture-server`), {runs} runs after 5 warm-ups, median wall time (hyperfine).")
print("Target: ratio ≤ 1.0 and meteo's peak RSS under 20 MB.")
print()
print("| command | median | mean ± σ | peak RSS (median of 15) |")
print("|---|---|---|---|")
print(f"| `meteo now Paris --json` | {m:.1f} ms | {meteo['mean']*1000:.1f} ± {meteo['stddev']*1000:.1f} ms | {mr:.1f} MiB |")
print(f"| three sequential `curl -s` (geocoding, forecast, air quality) | {c:.1f} ms | {curl['mean']*1000:.1f} ± {curl['stddev']*1000:.1f} ms | {cr:.1f} MiB (one curl) |")
print()
print(f"**Ratio meteo / curl: {m / c:.2f}** ({'meets' if m <= c else 'misses'} the ≤ 1.0 target); "
      f"RSS {'meets' if mr < 20 * 1000 * 1000 / 1024 / 1024 else 'misses'} the 20 MB target.")
print()
print("Exact commands (`bench/now.sh`):")
print()
print("```sh")
print(f"hyperfine -N --warmup 5 --runs {runs} '.build/release/meteo now Paris --json'")
print(f"hyperfine --warmup 5 --runs {runs} \"curl -s -o /dev/null '$BASE/v1/search?name=Paris&count=1&language=en&format=json' && curl -s -o /dev/null '$BASE/v1/forecast?latitude=48.8534&longitude=2.3488&…' && curl -s -o /dev/null '$BASE/v1/air-quality?latitude=48.8534&longitude=2.3488&…'\"")
print("/usr/bin/time -f %M .build/release/meteo now Paris --json   # 15 times, median")
print("```")
PY
