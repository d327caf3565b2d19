"""UI tests never touch the real user's settings or data folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from ui import database_files


@pytest.fixture(autouse=True)
def private_settings_and_data_dir(tmp_path, monkeypatch):
    """QSettings (recent databases, layout) and the data folder (default databases) in the test's folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(database_files, "data_dir", lambda: tmp_path / "userdata")
    yield


@pytest.fixture(autouse=True)
def confirmations(monkeypatch):
    """Irreversible steps ask first: answer yes and record (action, consequence); a test may answer no."""
    from ui import errors as uierrors

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(uierrors, "confirm_irreversible", lambda parent, action, consequence: asked.append((action, consequence)) or True)
    return asked


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """A message box never blocks a test run (a modal box waits forever offscreen): it is recorded as
    (icon, title, text) instead. Tests about a message read this list (as ``boxes``)."""
    from ui import errors as uierrors

    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: shown.append((icon, title, text)))
    return shown


@pytest.fixture
def boxes(message_boxes):
    """The message boxes shown so far: (icon, title, text)."""
    return message_boxes


@pytest.fixture(autouse=True)
def intake_questions(monkeypatch):
    """The new-case form's questions never block: closing a filled form closes; a draft is not restored.

    A test that is about these questions replaces ``IntakeDialog.ask`` itself.
    """
    from ui.dialogs.intake import IntakeDialog

    asked: list[str] = []
    monkeypatch.setattr(IntakeDialog, "ask", lambda self, title, text: asked.append(title) or title != "恢复草稿")
    return asked


@pytest.fixture
def qt_env(tmp_path, monkeypatch):
    """Crash logs in the test's folder, Chinese interface; boxes recorded as (icon, title, text), questions answered yes."""
    from ui import app as uiapp
    from ui import errors as uierrors
    from ui import i18n

    uiapp.ensure_application()
    monkeypatch.setattr(uierrors, "log_dir", lambda: tmp_path / "logs")
    i18n.install_translations("zh")
    shown: list[tuple[object, str, str]] = []
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: shown.append((icon, title, text)))
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: True)
    monkeypatch.setattr(uierrors, "show_exception_dialog", lambda parent, report: shown.append(("bug", "", report)))
    return shown


@pytest.fixture
def cast(c):
    """The root conftest's ``c`` under the name the window tests use."""
    return c


@pytest.fixture
def open_workspace(qtbot):
    """``open_workspace(store, user, case_id)``: the case workspace of ``user``, shown at 1366×720."""
    from ui.session import Session
    from ui.workspace import CaseWorkspace

    def make(store, user, case_id) -> CaseWorkspace:
        ws = CaseWorkspace(Session(store, user), case_id)
        qtbot.addWidget(ws)
        ws.resize(1366, 720)
        ws.show()
        return ws

    return make
