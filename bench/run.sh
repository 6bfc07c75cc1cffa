#!/usr/bin/env bash
# `make bench`: runs every benchmark and rewrites BENCHMARKS.md with the results and the exact commands.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/results
swift build -c release --static-swift-stdlib --product meteo
swift build -c release --static-swift-stdlib --product meteo-fixture-server
swift build -c release --static-swift-stdlib --product meteo-bench
swift build -c release --static-swift-stdlib --product meteo-records

sections=(now store trend tui end exchange records sync gateway)
for section in "${sections[@]}"; do
  "bench/$section.sh" > "bench/results/$section.md"
done

{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` (bench/run.sh) on $(date -u +%Y-%m-%d): $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(. /etc/os-release && echo "$PRETTY_NAME"), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(curl --version | head -1 | cut -d' ' -f1-2)."
  echo "Release builds. Every comparison is measured in the same run as its baseline; ratios are meteo / baseline."
  for section in "${sections[@]}"; do
    echo
    cat "bench/results/$section.md"
  done
} > BENCHMARKS.md
cat BENCHMARKS.md
