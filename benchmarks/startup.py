"""startup_s and bare_window_s: spawn scripts/bench_startup.py, time until it prints READY.

Wall time from ``Popen`` to the READY line read by this (parent) process: it
includes interpreter start-up and all imports, the database opening, the
sign-in password check, building and showing the main window and one pass of
the event loop (offscreen platform). Each run is a fresh process; the first
run is a warm-up (operating-system file cache), not counted. QSettings and
logs go to a temporary XDG folder, so runs neither read nor touch the user's.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_startup.py"


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        PYTHONDONTWRITEBYTECODE="",
    )
    return env


def time_once(args: list[str], home: Path, timeout: float = 120.0) -> float:
    """Seconds from spawning the script to its READY line."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(home)
    )
    elapsed = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY"):
            elapsed = time.perf_counter() - started
            break
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if elapsed is None:
        raise RuntimeError(f"bench_startup.py {' '.join(args)} did not get ready (exit {proc.returncode}): {err[-2000:]}")
    return elapsed


def measure(db: Path, home: Path, repeat: int) -> dict[str, float]:
    """Median startup_s (app, signed in, on ``db``) and bare_window_s over ``repeat`` runs after one warm-up each."""
    out = {}
    for name, args in (("startup_s", ["--db", str(db)]), ("bare_window_s", ["--bare"])):
        time_once(args, home)
        out[name] = statistics.median(time_once(args, home) for _ in range(repeat))
    return out
