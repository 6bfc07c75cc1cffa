#!/usr/bin/env bash
# History at any size: with 100,000 kept records, the time from pressing End (the oldest record) or Home (the
# newest) to the frame that shows it, in a real terminal (tmux, 100×30), against the sqlite3 shell reading the
# same page (the oldest 100 live records by keyset) from the same file. Prints a Markdown section.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-15}
work=$(mktemp -d)
socket="$work/tmux"
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/data"
.build/release/meteo-bench populate "$work/data/records.sqlite" 100000
tmux -S "$socket" -f /dev/null new-session -d -x 100 -y 30 \
  "env -i HOME=$work PATH=/usr/bin:/bin TERM=tmux-256color LANG=C.UTF-8 TZ=UTC METEO_DATA_DIR=$work/data $PWD/.build/release/meteo"

python3 - "$socket" "$ROUNDS" "$work/data/records.sqlite" <<'PY'
import statistics, subprocess, sys, time
socket, rounds, store = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def tmux(*args):
    return subprocess.run(["tmux", "-S", socket, *args], capture_output=True, text=True).stdout
def wait(text, timeout=10):
    # Poll the pane as fast as tmux answers (each capture is ~1-2 ms): the time includes that resolution.
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if text in tmux("capture-pane", "-p"):
            return time.perf_counter() - start
    raise SystemExit(f"never saw {text!r}:\n" + tmux("capture-pane", "-p"))
wait("History (100000)")
tmux("send-keys", "Tab"); tmux("send-keys", "Tab"); wait("▸ History")
oldest, newest = "14 Nov 22:13", "23 Jan 08:52"
end, home = [], []
for _ in range(rounds):
    start = time.perf_counter(); tmux("send-keys", "End"); wait(oldest); end.append(time.perf_counter() - start)
    start = time.perf_counter(); tmux("send-keys", "Home"); wait(newest); home.append(time.perf_counter() - start)
tmux("send-keys", "q")
query = ("SELECT * FROM record WHERE deleted_at IS NULL ORDER BY recorded_at ASC, id ASC LIMIT 100;")
shell = []
for _ in range(rounds):
    start = time.perf_counter()
    subprocess.run(["sqlite3", store, query], check=True, capture_output=True)
    shell.append(time.perf_counter() - start)
e, h, s = (statistics.median(x) * 1000 for x in (end, home, shell))
print("## History at any size: End and Home on 100,000 records (issue: a record you can trust)")
print()
print(f"`meteo` in tmux (100×30) on a store of 100,000 records (`meteo-bench populate`), focus on the history; "
      f"the time from `tmux send-keys End` (or `Home`) to the pane showing the oldest (newest) record, "
      f"median of {rounds} rounds, including tmux's own round trips. Baseline: one `sqlite3` shell process "
      f"reading the same page, the oldest 100 live records in keyset order, from the same file.")
print()
print("| what | median | target |")
print("|---|---|---|")
print(f"| End → oldest record on screen | {e:.1f} ms | < 100 ms |")
print(f"| Home → newest record on screen | {h:.1f} ms | < 100 ms |")
print(f"| `sqlite3` shell, oldest page | {s:.1f} ms | baseline |")
print(f"| End / sqlite3 shell | {e / s:.2f}× | |")
print()
print("Exact command: `bench/end.sh` (`ROUNDS=15`).")
PY
