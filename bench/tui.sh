#!/usr/bin/env bash
# The interactive screen: time from launch to the first complete frame (history of 100,000 records read
# and drawn), measured in a real terminal (tmux, 100×30), and peak RSS. Prints a Markdown section.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-30}
work=$(mktemp -d)
socket="meteo-bench-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/data"
.build/release/meteo-bench populate "$work/data/records.sqlite" 100000
meteo="$PWD/.build/release/meteo"
# METEO_EXIT_AFTER_FIRST_FRAME=1: meteo draws its first frame, restores the terminal and exits.
environment="env -i HOME=$work PATH=/usr/bin:/bin TERM=tmux-256color LANG=C.UTF-8 TZ=UTC METEO_DATA_DIR=$work/data METEO_EXIT_AFTER_FIRST_FRAME=1"
script="$work/run.sh"
cat > "$script" <<SCRIPT
# Timed from Python so that meteo keeps the pane as its standard input and output (hyperfine gives it /dev/null).
$environment python3 -c '
import json, statistics, subprocess, sys, time
runs = []
for i in range(3 + int(sys.argv[2])):
    start = time.perf_counter()
    subprocess.run([sys.argv[1]], check=True)
    if i >= 3: runs.append(time.perf_counter() - start)
json.dump({"results": [{"median": statistics.median(runs), "mean": statistics.mean(runs), "stddev": statistics.stdev(runs)}]}, open(sys.argv[3], "w"))
' $meteo $RUNS $work/tui.json 2> $work/timing.log
for i in \$(seq 15); do $environment /usr/bin/time -f %M -o $work/rss.\$i $meteo; done
touch $work/done
SCRIPT
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 "bash $script"
for _ in $(seq 600); do [ -e "$work/done" ] && break; sleep 0.2; done
[ -e "$work/done" ] || { echo "tui benchmark did not finish" >&2; exit 1; }
rss=$(cat "$work"/rss.* | sort -n | sed -n 8p)

# The first frame really shows the history: draw one and look at it.
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
  "env -i HOME=$work PATH=/usr/bin:/bin TERM=tmux-256color LANG=C.UTF-8 TZ=UTC METEO_DATA_DIR=$work/data $meteo"
sleep 1
frame=$(tmux -L "$socket" capture-pane -p)
grep -q "History (100000)" <<<"$frame" || { echo "first frame has no history: $frame" >&2; exit 1; }

python3 - "$work/tui.json" "$rss" "$RUNS" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))["results"][0]
median = result["median"] * 1000
rss = int(sys.argv[2]) / 1024
print("## Interactive screen: launch to first frame (issue: the interactive screen)")
print()
print(f"`meteo` in tmux (100×30) with a store of 100,000 records, exiting right after its first complete frame")
print(f"(`METEO_EXIT_AFTER_FIRST_FRAME=1`), so the time covers start-up, reading the first history page and the")
print(f"count, layout, drawing and restoring the terminal. {sys.argv[3]} runs after 3 warm-ups, median (timed by")
print("Python's `subprocess.run` in the pane, so that meteo has the terminal as input and output).")
print("Targets: ≤ 60 ms and ≤ 20 MB.")
print()
print("| measure | value | target |")
print("|---|---|---|")
print(f"| launch → first frame → exit | {median:.1f} ms (mean {result['mean']*1000:.1f} ± {result['stddev']*1000:.1f}) | ≤ 60 ms: {'met' if median <= 60 else 'missed'} |")
print(f"| peak RSS (median of 15) | {rss:.1f} MiB | ≤ 20 MB: {'met' if rss * 1048576 <= 20e6 else 'missed'} |")
print()
print("Exact commands (`bench/tui.sh`, run inside `tmux new-session -x 100 -y 30`):")
print()
print("```sh")
print(".build/release/meteo-bench populate DIR/records.sqlite 100000")
print(f"METEO_DATA_DIR=DIR METEO_EXIT_AFTER_FIRST_FRAME=1 python3 -c 'time subprocess.run([\".build/release/meteo\"]) {sys.argv[3]} times'   # median")
print("METEO_DATA_DIR=DIR METEO_EXIT_AFTER_FIRST_FRAME=1 /usr/bin/time -f %M .build/release/meteo   # 15 times, median")
print("```")
PY
