"""Start-up stays lean: pre-rendered icons, pages built on demand, no qtawesome/numpy at start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ipguard import auth
from ipguard.domain import Role
from ipguard.store import open_store
from ui import app as uiapp
from ui import errors as uierrors
from ui import icons
from ui.main_window import MainWindow
from ui.session import Session

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-1"


@pytest.fixture(autouse=True)
def isolated_qt_settings(tmp_path, monkeypatch):
    uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(uierrors, "log_dir", lambda: tmp_path / "logs")


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "startup.sqlite")
    s.repos.users.create("admin", "管理员甲", PASSWORD, {Role.ADMIN})
    yield s
    s.close()


# -- icons ------------------------------------------------------------------------------


def test_every_prerendered_icon_has_its_files():
    absent = [path.name for name, color in icons.PRERENDERED for path in icons.icon_files(name, color) if not path.is_file()]
    assert absent == [], "run: QT_QPA_PLATFORM=offscreen python scripts/make_icons.py"


def _drawn_by_qtawesome(icon) -> bool:
    """A qtawesome icon is painted by its engine at any size; a pre-rendered one has its files' sizes."""
    return not icon.isNull() and icon.availableSizes() == []


def test_prerendered_icon_comes_from_the_files():
    icons.clear_cache()
    plain = icons.icon("mdi6.briefcase-outline")
    coloured = icons.icon("mdi6.alert-circle", "#C62828")
    for made in (plain, coloured):
        assert sorted(s.width() for s in made.availableSizes()) == list(icons.SIZES)


def test_other_names_fall_back_to_qtawesome_and_unknown_names_are_empty():
    icons.clear_cache()
    assert _drawn_by_qtawesome(icons.icon("mdi6.bank"))  # not pre-rendered: drawn by qtawesome
    assert icons.icon("mdi6.no-such-icon-at-all").isNull()


def test_dark_palette_uses_qtawesome_for_uncoloured_icons():
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        dark.setColor(group, QPalette.ColorRole.Text, QColor("#eeeeee"))
        dark.setColor(group, QPalette.ColorRole.Base, QColor("#202020"))
    app.setPalette(dark)
    try:
        icons.clear_cache()
        assert _drawn_by_qtawesome(icons.icon("mdi6.plus"))  # black files would vanish on a dark background
        coloured = icons.icon("mdi6.alert-circle", "#c62828")  # a fixed colour is right on any palette
        assert sorted(s.width() for s in coloured.availableSizes()) == list(icons.SIZES)
    finally:
        app.setPalette(light)
        icons.clear_cache()
    assert not _drawn_by_qtawesome(icons.icon("mdi6.plus"))  # back on the light palette: the files again


# -- pages built on demand ------------------------------------------------------------------


def test_only_the_start_page_is_built_and_others_build_when_asked(qtbot, store):
    admin = auth.sign_in(store, "admin", PASSWORD)
    window = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(window)
    window.show()
    assert [key for key, _ in window.built_pages()] == ["dashboard", "case"]
    assert window.stack.currentWidget() is window.page("dashboard")
    assert not window.nav.item(0).icon().isNull()  # navigation icons present
    created: list[str] = []
    window.page_created.connect(lambda key, _page: created.append(key))
    reports = window.page("reports")
    assert created == ["reports"] and type(reports).__name__ == "ReportsPage"
    assert window.page("reports") is reports and window.stack.indexOf(reports) == 3
    settings = window.show_page("settings")
    assert window.stack.currentWidget() is settings and type(settings).__name__ == "SettingsPage"
    assert window.page("nothing") is None


def test_a_factory_page_can_be_added_and_replaced(qtbot, store):
    admin = auth.sign_in(store, "admin", PASSWORD)
    window = MainWindow(Session(store=store, user=admin), default_pages=False)
    qtbot.addWidget(window)
    made: list[QWidget] = []

    def factory() -> QWidget:
        made.append(QWidget())
        return made[-1]

    window.add_page("a", "甲", "mdi6.plus", QWidget())
    window.add_page("b", "乙", "mdi6.plus", factory)
    assert made == []
    assert window.show_page("b") is made[0] and window.stack.currentWidget() is made[0]
    window.add_page("b", "乙", "mdi6.plus", factory)  # replaced by a new, unbuilt page
    assert len(made) == 1 and window.page("b") is made[1]


# -- the real start, in a fresh process ---------------------------------------------------------

PROBE = textwrap.dedent(
    """
    import json, sys
    import ui.app as shell  # first: it keeps numpy & co. out of the start
    from ipguard import auth
    shell.sign_in = lambda store, parent=None: auth.sign_in(store, "admin", sys.argv[2])
    window = shell.start(sys.argv[1], "zh", hooks=False)
    names = ("qtawesome", "qtpy", "numpy", "reportlab", "openpyxl", "pypdf", "cn2an")
    print(json.dumps({
        "loaded": [name for name in names if name in sys.modules],
        "built": [key for key, _ in window.built_pages()],
        "current": window.current_key(),
        "sqlite_utils": "sqlite_utils" in sys.modules,
    }))
    import importlib.util
    if importlib.util.find_spec("numpy") is not None:  # numpy is optional: not in a bare venv
        import numpy  # still importable afterwards
    """
)


@pytest.mark.sqlite_only  # the start on a database file; on a server store.path is None (it once made a file "None")
def test_start_imports_no_qtawesome_numpy_or_document_libraries(tmp_path, store):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(store.path), PASSWORD], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"loaded": [], "built": ["dashboard", "case"], "current": "dashboard", "sqlite_utils": True}
