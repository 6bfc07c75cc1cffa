#!/usr/bin/env bash
# Sync of 10,000 local records up to an empty account, then down to a fresh client, with the release
# `meteo sync` against the release meteo-records on loopback; versus a naive upload of the same records, one
# PUT per record over one kept-alive connection, in the same run. Prints a Markdown section on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
. bench/service-stack.sh
token=$(service_token bench)
naive_token=$(service_token naive)
start_service

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
naive=$(METEO_RECORDS_TOKEN="$naive_token" .build/release/meteo-bench naive-upload "$work/naive.sqlite" "$url")
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
