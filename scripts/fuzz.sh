#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser meteo feeds with outside bytes (libFuzzer, with AddressSanitizer).
#   scripts/fuzz.sh SECONDS [TARGET…]   each target for SECONDS, from its seeds (Tests/Fuzz/seeds/TARGET) and the
#                                       committed crashers (Tests/Fuzz/crashers/TARGET); all targets by default.
# A crash, a hang (over 10 s for one input) or a memory error fails the run; its input is written to
# .build-fuzz/findings/TARGET/ and should be committed to Tests/Fuzz/crashers/TARGET once fixed, where `make test`
# replays it for ever. Coverage reached is printed per target (libFuzzer's `cov:` and `ft:` at the end).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(json open-meteo-forecast open-meteo-search openweathermap toml import rfc3339 command-line wire-record
    sync-request terminal-text cursor line-format gateway-query)
fi
# A build of its own (sanitized objects never mix with the normal build), no Swift main: libFuzzer brings one.
swift build --scratch-path .build-fuzz --product meteo-fuzz -Xswiftc -sanitize=fuzzer,address \
  -Xswiftc -DMETEO_FUZZING -Xcc -fsanitize=address 2>&1 | grep -v "Cannot export local symbol" | tail -3
binary=$(swift build --scratch-path .build-fuzz --show-bin-path)/meteo-fuzz
status=0
for target in "${targets[@]}"; do
  work=.build-fuzz/corpus/$target findings=.build-fuzz/findings/$target
  mkdir -p "$work" "$findings"
  dirs=("$work")
  # Seeds: the project's own fixtures where they are the input (provider answers), else Tests/Fuzz/seeds.
  case $target in
    json) seeds=(Tests/Fixtures/open-meteo Tests/Fixtures/owm) ;;
    open-meteo-*) seeds=(Tests/Fixtures/open-meteo) ;;
    openweathermap) seeds=(Tests/Fixtures/owm) ;;
    *) seeds=() ;;
  esac
  for dir in "${seeds[@]}" Tests/Fuzz/seeds/$target Tests/Fuzz/crashers/$target; do
    [ -d "$dir" ] && dirs+=("$dir")
  done
  log=.build-fuzz/$target.log
  # Leaks are not checked: an async task's context may outlive the input that started it (the provider targets
  # run their request in a Task), which LeakSanitizer reports at exit though nothing grows.
  if METEO_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 "$binary" -detect_leaks=0 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 "${dirs[@]}" > "$log" 2>&1; then
    coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $target: ${seconds}s, $runs runs, $coverage, no failure"
  else
    echo "fuzz $target: FAILED, see $log and $findings/" >&2
    grep -E "ERROR|Fatal error|panic|SUMMARY|deadly signal|timeout" "$log" | head -5 >&2
    status=1
  fi
done
exit $status
