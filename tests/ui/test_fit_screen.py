"""The window fits the screen in both languages: 1366×768 at 100 %, 1920×1080 at 150 % (a process each)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("fit_probe.py")


def probe(tmp_path, width: int, height: int, scale: str) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "test", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "QT_SCALE_FACTOR": scale,
           "IPGUARD_NO_AUTOBACKUP": "1"}
    proc = subprocess.run([sys.executable, str(PROBE)], capture_output=True, text=True, env=env, timeout=120,
                          cwd=PROBE.parents[2])  # fmt: skip
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stderr[-2000:]
    return json.loads(lines[-1])


@pytest.mark.parametrize(("width", "height", "scale"), [(1366, 768, "1"), (1920, 1080, "1.5")])
def test_english_window_and_status_bar_fit_the_screen(tmp_path, width, height, scale):
    out = probe(tmp_path, width, height, scale)
    assert out["lang"] == "Dashboard"
    ax, ay, aw, ah = out["available"]
    for key in ("dashboard", "cases", "settings", "case"):
        x, y, w, h = out[key]["frame"]
        assert w <= aw and h <= ah and ax <= x and x + w <= ax + aw and ay <= y and y + h <= ay + ah, (key, out)
        sx, sy, sw, sh = out[key]["status"]
        assert out[key]["status_visible"] and ay <= sy and sy + sh <= ay + ah and sx + sw <= ax + aw, (key, out)
