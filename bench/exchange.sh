#!/usr/bin/env bash
# Import and export at size: 1,000,000 records exported to CSV and imported into an empty store by meteo, time and
# peak memory, against the sqlite3 shell importing the same CSV (`.import --csv` into a plain table, one
# transaction, no checks). Prints a Markdown section.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/source" "$work/target"
.build/release/meteo-bench populate "$work/source/records.sqlite" "$COUNT"
measure() {  # prints "seconds KiB" of a command (GNU time), after the files written before it reached the disk
  sync
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time"
}
read -r export_csv_s export_csv_kb < <(measure env METEO_DATA_DIR="$work/source" .build/release/meteo export --csv)
cp "$work/out" "$work/records.csv"
read -r export_json_s export_json_kb < <(measure env METEO_DATA_DIR="$work/source" .build/release/meteo export --json)
cp "$work/out" "$work/records.json"
read -r import_csv_s import_csv_kb < <(measure env METEO_DATA_DIR="$work/target" .build/release/meteo import "$work/records.csv")
grep -q "Imported $COUNT records" "$work/out" || { cat "$work/out" "$work/err" >&2; exit 1; }
rm -rf "$work/target" && mkdir -p "$work/target"
read -r import_json_s import_json_kb < <(measure env METEO_DATA_DIR="$work/target" .build/release/meteo import "$work/records.json")
read -r shell_s shell_kb < <(measure sqlite3 "$work/shell.sqlite" ".import --csv $work/records.csv record")
python3 - "$COUNT" "$export_csv_s" "$export_csv_kb" "$export_json_s" "$export_json_kb" "$import_csv_s" "$import_csv_kb" \
  "$import_json_s" "$import_json_kb" "$shell_s" "$shell_kb" <<'PY'
import sys
count = int(sys.argv[1])
ec, eck, ej, ejk, ic, ick, ij, ijk, ss, sk = (float(x) for x in sys.argv[2:])
mib = lambda kb: kb / 1024
print(f"## Import and export of {count:,} records (issue: hostile input)")
print()
print(f"A store of {count:,} records (`meteo-bench populate`), exported by `meteo export --csv` and `--json`, each file "
      "imported by `meteo import` into an empty store (every record checked, one transaction), against the sqlite3 "
      "shell importing the same CSV into a plain table (`.import --csv`, no checks). Wall time and peak RSS, one run.")
print()
print("| what | time | peak memory | target |")
print("|---|---|---|---|")
print(f"| `meteo export --csv` | {ec:.1f} s | {mib(eck):.1f} MiB | flat |")
print(f"| `meteo export --json` | {ej:.1f} s | {mib(ejk):.1f} MiB | flat |")
print(f"| `meteo import` (CSV) | {ic:.1f} s | {mib(ick):.1f} MiB | < 30 s, < 64 MiB |")
print(f"| `meteo import` (JSON) | {ij:.1f} s | {mib(ijk):.1f} MiB | < 30 s, < 64 MiB |")
print(f"| `sqlite3` shell `.import --csv` | {ss:.1f} s | {mib(sk):.1f} MiB | baseline |")
print(f"| import (CSV) / sqlite3 shell | {ic / ss:.2f}× | | |")
print()
print("Exact command: `bench/exchange.sh` (`COUNT=1000000`). Each `meteo` step runs after `sync`, so it does not pay "
      "for the previous step's writeback. How the import got here (indexes built once at its end, parsing on a thread "
      "of its own beside SQLite, CSV read by position): DECISIONS.md, 2026-12-02.")
PY
