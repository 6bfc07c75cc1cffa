#!/usr/bin/env bash
# Sync of 10,000 local records up to an empty account, then down to a fresh client, with the release
# `meteo sync` against the release meteo-records on loopback; versus a naive upload of the same records, one
# PUT per record over one kept-alive connection, in the same run. Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
work=$(mktemp -d /tmp/meteo-bench-sync.XXXXXX)
chmod 755 "$work"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
http_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
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
token=$(.build/release/meteo-records token create bench 2> /dev/null | grep -o 'mr_[0-9a-f]*')
naive_token=$(.build/release/meteo-records token create naive 2> /dev/null | grep -o 'mr_[0-9a-f]*')
METEO_RECORDS_PORT=$http_port METEO_RECORDS_RATE_LIMIT=1000000 .build/release/meteo-records serve > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$http_port/healthz" > /dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$http_port/healthz" > /dev/null || { cat "$work/serve.log" >&2; exit 1; }
url="http://127.0.0.1:$http_port"

mkdir -p "$work/up" "$work/down"
.build/release/meteo-bench populate "$work/up/records.sqlite" "$COUNT"
cp "$work/up/records.sqlite" "$work/naive.sqlite"
client() {  # client DATA_DIR: meteo sync, timed; prints "seconds rss_kib"
  env -i HOME="$work" PATH=/usr/bin:/bin LANG=C.UTF-8 METEO_DATA_DIR="$1" METEO_RECORDS_URL="$url" \
    METEO_RECORDS_TOKEN="$token" /usr/bin/time -f "%e %M" .build/release/meteo sync 2>&1 > "$1/out.txt" | tail -1
}
requests() { grep -c 'path=/v1/sync' "$work/serve.log" || true; }
before=$(requests); up=$(client "$work/up"); up_requests=$(( $(requests) - before ))
before=$(requests); down=$(client "$work/down"); down_requests=$(( $(requests) - before ))
up_line=$(cat "$work/up/out.txt"); down_line=$(cat "$work/down/out.txt")
naive=$(.build/release/meteo-bench naive-upload "$work/naive.sqlite" "$url" "$naive_token")
pulled=$(sqlite3 "$work/down/records.sqlite" "SELECT count(*) FROM record WHERE deleted_at IS NULL")
[ "$pulled" = "$COUNT" ] || { echo "sync bench: the fresh client holds $pulled records, not $COUNT" >&2; exit 1; }

python3 - "$up" "$down" "$up_requests" "$down_requests" "$naive" "$COUNT" "$up_line" "$down_line" <<'PY'
import sys
up_s, up_rss = sys.argv[1].split(); down_s, down_rss = sys.argv[2].split()
naive_requests, naive_ms = sys.argv[5].split()
count = int(sys.argv[6])
print("## Sync (issue: sync)")
print()
print(f"{count:,} records: `meteo sync` (release, wall time and peak RSS from `/usr/bin/time`) up from a full store to")
print("an empty account, then down to a fresh client, against the release meteo-records on loopback (PostgreSQL of its")
print("own). Baseline in the same run: the same records uploaded naively, one `PUT /v1/records/{id}` per record over one")
print("kept-alive connection (`meteo-bench naive-upload`). Target: each direction ≤ 1.5 s.")
print()
print("| run | time | requests | peak RSS | printed |")
print("|---|---|---|---|---|")
print(f"| up: `meteo sync`, {count:,} local records → empty account | {float(up_s):.2f} s | {sys.argv[3]} | {int(up_rss) / 1024:.1f} MiB | `{sys.argv[7]}` |")
print(f"| down: `meteo sync`, fresh client ← {count:,} records | {float(down_s):.2f} s | {sys.argv[4]} | {int(down_rss) / 1024:.1f} MiB | `{sys.argv[8]}` |")
print(f"| naive upload, one PUT per record | {float(naive_ms) / 1000:.2f} s | {naive_requests} | — | |")
print()
ok = float(up_s) <= 1.5 and float(down_s) <= 1.5
print(f"**Up {float(up_s):.2f} s, down {float(down_s):.2f} s** ({'meets' if ok else 'misses'} the ≤ 1.5 s target); batched upload is "
      f"{float(naive_ms) / 1000 / float(up_s):.1f}× faster than the naive one.")
print()
print("Exact commands (`bench/sync.sh`):")
print()
print("```sh")
print("meteo-bench populate up/records.sqlite 10000")
print("METEO_DATA_DIR=up METEO_RECORDS_URL=$URL METEO_RECORDS_TOKEN=$TOKEN /usr/bin/time -f '%e %M' meteo sync")
print("METEO_DATA_DIR=down METEO_RECORDS_URL=$URL METEO_RECORDS_TOKEN=$TOKEN /usr/bin/time -f '%e %M' meteo sync")
print("meteo-bench naive-upload naive.sqlite $URL $OTHER_TOKEN")
print("```")
print()
PY
