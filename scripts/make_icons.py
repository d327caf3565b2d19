"""Pre-render the start-up icons with qtawesome into resources/icons/ui/ (committed).

    QT_QPA_PLATFORM=offscreen python scripts/make_icons.py [--check]

Writes every icon of :data:`ui.icons.PRERENDERED` at each size of
:data:`ui.icons.SIZES` as ``<name>[_<colour>]_<size>.png``; an icon without a
colour is drawn in :data:`ui.icons.DEFAULT_COLOR`. Re-run after adding an icon
to ``PRERENDERED`` (the application falls back to qtawesome, at a start-up
cost, for any icon without files). ``--check`` only reports missing files and
exits 1 if there are any. Files of icons no longer listed are removed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def missing() -> list[Path]:
    """Pre-rendered files that should exist but do not."""
    from ui.icons import PRERENDERED, icon_files

    return [path for name, color in PRERENDERED for path in icon_files(name, color) if not path.is_file()]


def render() -> list[Path]:
    """Draw every listed icon at every size; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qtawesome as qta
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QApplication

    from ui.icons import DEFAULT_COLOR, ICON_DIR, PRERENDERED, SIZES, icon_files

    _app = QApplication.instance() or QApplication(sys.argv[:1])
    ICON_DIR.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, color in PRERENDERED:
        qicon = qta.icon(name, color=color or DEFAULT_COLOR)
        for size, path in zip(SIZES, icon_files(name, color), strict=True):
            pixmap = qicon.pixmap(QSize(size, size))
            if pixmap.isNull() or not pixmap.save(str(path), "PNG"):
                raise SystemExit(f"cannot render {name} at {size} px to {path}")
            written.append(path)
    for stale in set(ICON_DIR.glob("*.png")) - set(written):
        stale.unlink()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list missing files (exit 1 if any)")
    args = parser.parse_args()
    if args.check:
        absent = missing()
        for path in absent:
            print(f"missing {path.relative_to(ROOT)}")
        return 1 if absent else 0
    written = render()
    print(f"{len(written)} icons written to {written[0].parent.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
