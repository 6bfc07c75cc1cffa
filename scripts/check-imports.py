#!/usr/bin/env python3
"""Fails when a source file imports what ARCHITECTURE.md says its target may not.

Each shipping target has the modules it may import; a module marked with a folder may be imported only under that
folder of the target (ncurses only in WeatherTUI/Terminal, libcurl only in WeatherCore/HTTP). All of Foundation
is allowed in client targets only as the `#else` of `#if canImport(FoundationEssentials)`. The pure core
(WeatherApp) may not read the clock, make ids or draw random numbers. Test-only targets are not checked.
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent / "Sources"
ESSENTIALS = {"FoundationEssentials"}
ALLOWED = {
    "TextFormats": set(),
    "RecordRules": {"TextFormats"},
    "CommandLineKit": {"TextFormats"},
    "WeatherCore": ESSENTIALS | {"Dispatch", "Synchronization", "TextFormats", "Glibc", "CCurl:HTTP"},
    "WeatherApp": ESSENTIALS | {"WeatherCore", "TextFormats"},
    "RecordAPI": ESSENTIALS | {"RecordRules", "TextFormats"},
    "RecordStore": ESSENTIALS | {"WeatherCore", "RecordAPI", "RecordRules", "TextFormats", "Synchronization",
                                 "CSQLite", "Glibc", "Dispatch"},
    "RecordSync": ESSENTIALS | {"RecordStore", "RecordAPI", "RecordRules", "WeatherCore", "TextFormats"},
    "WeatherTUI": ESSENTIALS | {"WeatherCore", "RecordAPI", "RecordStore", "RecordSync", "WeatherApp", "CommandLineKit", "TextFormats", "Glibc",
                                "Dispatch", "Synchronization", "CNCurses:Terminal"},
    "RecordService": {"Foundation", "RecordAPI", "RecordRules", "TextFormats", "WeatherCore", "Hummingbird", "PostgresNIO", "Logging",
                      "Crypto", "NIOCore", "NIOHTTP1", "NIOHTTPTypes", "Prometheus", "HTTPTypes", "Synchronization",
                      "ServiceLifecycle", "UnixSignals"},
    "MeteoRecords": {"Foundation", "RecordService", "CommandLineKit", "Hummingbird", "Logging", "PostgresNIO"},
}
PURE = {"WeatherApp": [r"\bDate\(\)", r"\bUUID\(\)", r"\.random\(", r"SystemRandomNumberGenerator"]}
IMPORT = re.compile(r"^\s*(?:@testable\s+|@_exported\s+)?(?:public\s+|internal\s+|package\s+)?import\s+(\w+)")

problems = []
for target, allowed in ALLOWED.items():
    for path in sorted((ROOT / target).rglob("*.swift")):
        relative = path.relative_to(ROOT / target)
        lines = path.read_text().splitlines()
        for number, line in enumerate(lines, 1):
            match = IMPORT.match(line)
            if match:
                module = match.group(1)
                previous = next((l.strip() for l in reversed(lines[: number - 1]) if l.strip()), "")
                if module == "Foundation" and "Foundation" not in allowed and previous == "#else":
                    continue  # the fallback of `#if canImport(FoundationEssentials)`
                ok = module in allowed or any(
                    entry == f"{module}:{relative.parts[0]}" for entry in allowed if ":" in entry)
                if not ok:
                    problems.append(f"{path.relative_to(ROOT.parent)}:{number}: {target} may not import {module}")
            for pattern in PURE.get(target, []):
                if re.search(pattern, line) and not line.lstrip().startswith("//"):
                    problems.append(f"{path.relative_to(ROOT.parent)}:{number}: {target} is pure: no {pattern}")
for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    print(f"check-imports: {len(problems)} import(s) against ARCHITECTURE.md", file=sys.stderr)
    sys.exit(1)
print(f"check-imports: every import of {len(ALLOWED)} targets is one ARCHITECTURE.md allows")
