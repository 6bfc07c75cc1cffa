#!/usr/bin/env bash
# Replays every committed crasher and seed (Tests/Fuzz/) through its parser in the normal debug build: the
# regression half of fuzzing, which `make test` runs before the bounded fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(swift build --show-bin-path)/meteo-fuzz
for folder in Tests/Fuzz/crashers/* Tests/Fuzz/seeds/*; do
  [ -d "$folder" ] || continue
  "$binary" "$(basename "$folder")" "$folder"/*
done
