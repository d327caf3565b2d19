"""The window on a team server (issue 20): the sign-in dialog connects as the user's own database login,
the window names the server, worker threads open their own connection as the same user, "switch user"
reconnects as the new user, and a wrong password leaves the window as it was. Run only against a server."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from tests.factories import ALICE_PW, BOSS_PW
from ui import app as uiapp
from ui.dialogs.login import LoginDialog

pytestmark = pytest.mark.server_only


def sign_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def session_user(store) -> str:
    return str(store.scalar("SELECT session_user"))


def test_signing_in_to_a_server_connects_as_the_user(qt_env, qtbot, team):
    dialog = LoginDialog(None, server=team)
    qtbot.addWidget(dialog)
    sign_in(qtbot, dialog, "boss", "Wrong-Password-123")
    assert dialog.store is None and dialog.user is None and not dialog.error.isHidden()
    assert "用户名或密码不正确" in dialog.error.text()
    sign_in(qtbot, dialog, "boss", BOSS_PW)
    assert dialog.user is not None and dialog.user.username == "boss"
    store = dialog.store
    assert store is not None and session_user(store) == "boss"

    window = uiapp._show_window(store, dialog.user, team)
    qtbot.addWidget(window)
    assert "团队服务器" in window.windowTitle() and "老板" in window.windowTitle()
    assert "password" not in window.db_label.toolTip()
    # A worker thread's store is its own connection, as the same user.
    other = window.session.open_worker_store()
    try:
        assert session_user(other) == "boss" and other.db is not store.db
    finally:
        other.close()
    # The settings' backup section says who backs the server up instead of offering file backups.
    settings = window.show_page("settings")
    note = settings.show_section("backup").findChild(QLabel, "serverBackupNote")
    assert note is not None and "系统管理员" in note.text()

    # Switch user: a wrong password keeps boss's connection; alice's reconnects as alice.
    switch = LoginDialog(window.session.store, window)
    qtbot.addWidget(switch)
    sign_in(qtbot, switch, "alice", "Not-Her-Password-1")
    assert switch.user is None and session_user(window.session.store) == "boss"
    sign_in(qtbot, switch, "alice", ALICE_PW)
    assert switch.user is not None and switch.user.username == "alice"
    assert session_user(window.session.store) == "alice"
    window.close()
    store.close()
