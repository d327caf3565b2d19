"""Choosing a team server in the window (issue 20), the parts that need no server: the connection asked
for and remembered without a password, a refused connection explained inline in the sign-in dialog."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLabel

from ipguard.store.server_connection import without_password
from ui import database_files as files
from ui.dialogs.login import LoginDialog


def test_a_remembered_server_never_keeps_a_password(qt_env, tmp_path):
    db = tmp_path / "office.sqlite"
    db.write_bytes(b"")  # recent_databases lists files that exist
    QSettings().remove(files.RECENT_KEY)
    files.remember(db)
    files.remember(without_password("postgresql://alice:secret@db.example.cn/ipguard"))
    recent = files.recent_databases()
    assert recent[1] == db.resolve()
    assert isinstance(recent[0], str) and "secret" not in recent[0] and "db.example.cn" in recent[0]
    assert files.display_target(recent[0]) == "团队服务器 db.example.cn/ipguard"
    assert all("secret" not in str(v) for v in QSettings().value(files.RECENT_KEY))


def test_connect_to_server_refuses_what_is_not_a_connection(qtbot, monkeypatch, boxes):
    answers = iter([("C:/data/ipguard.sqlite", True), ("postgresql://u:pw@db/ipguard", True), ("", False)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    assert files.ask_server_to_open(None) is None
    assert "不是服务器连接" in boxes[-1][2]
    chosen = files.ask_server_to_open(None)
    assert chosen is not None and "pw" not in chosen and "db" in chosen
    assert files.ask_server_to_open(None) is None  # cancelled


def test_an_unreachable_server_is_explained_in_the_sign_in_dialog(qt_env, qtbot, tmp_path):
    nowhere = f"host={tmp_path / 'no-server'} dbname=ipguard connect_timeout=2"
    dialog = LoginDialog(None, server=nowhere)
    qtbot.addWidget(dialog)
    assert any("数据库：团队服务器" in label.text() for label in dialog.findChildren(QLabel))
    dialog.username.setText("alice")
    dialog.password.setText("correct horse battery")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.user is None and dialog.store is None and not dialog.result()
    assert not dialog.error.isHidden()
    text = dialog.error.text()
    assert "无法连接数据库服务器" in text and "correct horse" not in text
