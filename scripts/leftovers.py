#!/usr/bin/env python3
"""Lists (or with --kill, ends) the processes of one test run that are still alive.

A process belongs to the run when its environment carries the run's mark (METEO_TEST_RUN), or its command line
or environment names the run's folder (test folders, tmux sockets and PostgreSQL clusters are made there; a
program started with a clean environment still has a HOME or a data folder inside it).
Usage: leftovers.py [--kill] FOLDER MARK EXCLUDED_PID
"""
import os
import signal
import sys

args = sys.argv[1:]
kill = args[:1] == ["--kill"]
if kill:
    args = args[1:]
folder, mark, excluded = args[0].encode(), b"METEO_TEST_RUN=" + args[1].encode(), {os.getpid(), int(args[2])}
found = []
for name in os.listdir("/proc"):
    if not name.isdigit() or int(name) in excluded:
        continue
    try:
        with open(f"/proc/{name}/cmdline", "rb") as f:
            cmdline = f.read()
        with open(f"/proc/{name}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
        try:
            with open(f"/proc/{name}/environ", "rb") as f:
                environ = f.read().split(b"\0")
        except PermissionError:
            environ = []
    except (FileNotFoundError, ProcessLookupError, IndexError):
        continue
    if not cmdline or state == b"Z":
        continue
    if mark in environ or folder in cmdline or any(folder in v for v in environ):
        found.append((int(name), cmdline.replace(b"\0", b" ").decode(errors="replace").strip()[:300]))
for pid, command in sorted(found):
    print(f"{pid} {command}")
    if kill:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
