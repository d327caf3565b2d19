"""Shared set-up for the dashboard, reports and later-stage workspace tests."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ipguard.store import open_store
from tests import workflow_helpers as wh
from ui import app as uiapp
from ui import errors as uierrors
from ui import i18n


@pytest.fixture
def qt_env(tmp_path, monkeypatch):
    """QSettings and logs in the test's folder; message boxes recorded instead of shown."""
    uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(uierrors, "log_dir", lambda: tmp_path / "logs")
    i18n.install_translations("zh")
    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: shown.append((icon, title, text)))
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: True)
    monkeypatch.setattr(uierrors, "show_exception_dialog", lambda parent, report: shown.append(("bug", "", report)))
    return shown


@pytest.fixture
def store(tmp_path):
    s = open_store(tmp_path / "later.db")
    yield s
    s.close()


@pytest.fixture
def cast(store):
    return wh.cast(store)
