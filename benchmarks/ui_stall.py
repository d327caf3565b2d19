"""ui_stall_ms (goal ≤ 100 ms), ui_stall_sync_ms, ui_stall_bare_ms and startup_ratio.

Each walk is a fresh process running scripts/bench_ui_stall.py (offscreen):
a 5 ms QTimer heartbeat on the UI thread while one case is walked through
the workspace (open, both signatures, the resolution, the letter, issuing and
reprinting a document, every tab); the figure is the longest gap between
beats minus the interval, the worst of ``repeat`` runs. ``sync`` is the same
walk with the work on the UI thread (as before :mod:`ui.tasks`), ``bare`` an
idle bare QMainWindow (the timer's own jitter). Per-step stalls of the last
run go to ``info``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchmarks.startup import _env

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "bench_ui_stall.py"


def walk_once(work: Path, *flags: str, timeout: float = 300.0) -> dict:
    proc = subprocess.run([sys.executable, str(SCRIPT), "--work", str(work), *flags], capture_output=True, text=True,
                          env=_env(work / "home"), timeout=timeout, cwd=SCRIPT.parent.parent)  # fmt: skip
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode or not lines:
        raise RuntimeError(f"bench_ui_stall.py {' '.join(flags)} failed (exit {proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(lines[-1])


def measure(work: Path, repeat: int) -> tuple[dict[str, float], dict[str, object]]:
    work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, float] = {}
    info: dict[str, object] = {}
    for name, flags in (("ui_stall_ms", ()), ("ui_stall_sync_ms", ("--sync",)), ("ui_stall_bare_ms", ("--bare",))):
        runs = [walk_once(work, *flags) for _ in range(repeat)]
        figures[name] = max(r["stall_ms"] for r in runs)
        info[name.replace("_ms", "_by_step_ms")] = runs[-1].get("by_step_ms", {})
    return figures, info
