"""Icons by qtawesome name, from pre-rendered PNGs so start-up never imports qtawesome.

``icon("mdi6.plus")`` or ``icon("mdi6.alert-circle", "#c62828")`` returns a
:class:`QIcon`. The icons the window shows at start (navigation, menus, the
dashboard, the window icon) are listed in :data:`PRERENDERED`;
``scripts/make_icons.py`` draws them with qtawesome into
``resources/icons/ui/`` at :data:`SIZES` pixels, and those files are committed.
Any other name, or a missing file, falls back to ``qtawesome.icon`` imported
on first use (importing qtawesome costs 0.7–2 s: through qtpy it star-imports
PySide6's modules, which makes shiboken load every class's signatures).

Icons without a colour are pre-rendered in :data:`DEFAULT_COLOR`, the text
colour of Qt's light palette. Under a dark palette (light text) those fall
back to qtawesome, which paints them in the palette's text colour as before.
An unknown name gives an empty icon and a log line, never an exception.
Icons are cached by (name, colour); :func:`clear_cache` forgets them after a
palette change, so uncoloured icons are looked up again for the new palette.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from ipguard.data_files import resource_path

log = logging.getLogger("ipguard.ui")

ICON_DIR = resource_path("icons", "ui")

#: Pixel sizes written for each icon (QIcon picks the nearest, also for high-DPI screens).
SIZES = (16, 32, 64)
#: The colour used for icons asked for without one (the light palette's text colour).
DEFAULT_COLOR = "#000000"

#: (qtawesome name, colour or None) of every icon shown at start-up; keep in step with the code.
PRERENDERED: tuple[tuple[str, str | None], ...] = (
    # navigation (ui.main_window, ui.workspace.desk)
    ("mdi6.view-dashboard-outline", None),
    ("mdi6.clipboard-check-outline", None),
    ("mdi6.briefcase-outline", None),
    ("mdi6.chart-box-outline", None),
    ("mdi6.cog-outline", None),
    ("mdi6.folder-open-outline", None),
    # menu actions (ui.main_window)
    ("mdi6.plus", None),
    ("mdi6.refresh", None),
    ("mdi6.account-switch", None),
    ("mdi6.server-network", None),
    ("mdi6.exit-to-app", None),
    # window icon (ui.app)
    ("mdi6.shield-check-outline", "#1565c0"),
    # dashboard reminders (ui.pages.dashboard)
    ("mdi6.alert-circle", "#c62828"),
    ("mdi6.clock-outline", "#1565c0"),
)

_cache: dict[tuple[str, str | None], QIcon] = {}


def file_stem(name: str, color: str | None) -> str:
    """``mdi6.plus`` → ``mdi6.plus``; with ``#C62828`` → ``mdi6.alert-circle_c62828`` (the size is appended)."""
    return f"{name}_{color.lstrip('#').lower()}" if color else name


def icon_files(name: str, color: str | None = None) -> list[Path]:
    """The pre-rendered files of one icon, one per size in :data:`SIZES`."""
    stem = file_stem(name, color)
    return [ICON_DIR / f"{stem}_{size}.png" for size in SIZES]


def clear_cache() -> None:
    """Forget every icon made so far (after a palette change: uncoloured icons depend on it)."""
    _cache.clear()


def _dark_palette() -> bool:
    app = QApplication.instance()
    if app is None:
        return False
    text = app.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    return QColor(text).lightness() > 128


def _prerendered(name: str, color: str | None) -> QIcon | None:
    if color is None and _dark_palette():
        return None
    files = [f for f in icon_files(name, color) if f.is_file()]
    if not files:
        return None
    result = QIcon()
    for path in files:
        result.addFile(str(path))
    return result


def _qtawesome(name: str, color: str | None) -> QIcon:
    try:
        import qtawesome as qta

        return qta.icon(name, color=color) if color else qta.icon(name)
    except Exception:  # an unknown name (or a broken qtawesome) must not stop the window
        log.warning("unknown icon %s", name)
        return QIcon()


def icon(name: str, color: str | None = None) -> QIcon:
    """The icon ``name`` (a qtawesome name such as ``mdi6.plus``), optionally in ``color`` (``#rrggbb``)."""
    key = (name, color)
    cached = _cache.get(key)
    if cached is None:
        cached = _prerendered(name, color) or _qtawesome(name, color)
        if not cached.isNull():
            _cache[key] = cached
    return QIcon(cached)
