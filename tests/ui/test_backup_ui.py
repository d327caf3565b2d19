"""Backups in the client: the automatic backup at start-up, and Settings → 备份与恢复 (back up, list, restore)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ipguard import auth
from ipguard.backup import list_backups
from ipguard.domain import Role
from ipguard.store import open_store
from tests.factories import PASSWORD
from ui import app as uiapp
from ui import backup_tasks, i18n
from ui import errors as uierrors
from ui.main_window import MainWindow
from ui.pages import settings_backup
from ui.pages.settings_backup import BackupPanel
from ui.session import Session

# File backups and restores of the SQLite database; a team server's are the administrator's (pg_dump).
pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def env(tmp_path, monkeypatch):
    """QSettings and logs in the test folder; boxes recorded; questions answered by ``env["answer"]``."""
    uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(uierrors, "log_dir", lambda: tmp_path / "logs")
    i18n.install_translations("zh")
    state: dict = {"shown": [], "asked": [], "answer": True}
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: state["shown"].append(text))
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: state["asked"].append(text) or state["answer"])
    return state


@pytest.fixture
def panel(qtbot, env, store, admin):
    p = BackupPanel(Session(store=store, user=admin))
    qtbot.addWidget(p)
    return p


def _usernames(db: Path) -> list[str]:
    with open_store(db, create=False) as s:
        return sorted(u.username for u in s.repos.users.all())


def _backup_now(qtbot, panel: BackupPanel):
    with qtbot.waitSignal(panel.backup_finished, timeout=20_000) as blocker:
        assert panel.backup_now() is not None
    return blocker.args[0]


# -- automatic backup at start-up ---------------------------------------------------------------


def test_auto_backup_runs_in_the_background_and_reports_in_the_status_bar(qtbot, env, store, admin, monkeypatch):
    monkeypatch.delenv("IPGUARD_NO_AUTOBACKUP", raising=False)
    window = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(window)
    reporter = backup_tasks.start_auto_backup(window, store.path)
    assert reporter is not None
    with qtbot.waitSignal(reporter.done, timeout=20_000) as blocker:
        pass
    assert blocker.args[0].startswith("已自动备份到 ") and window.statusBar().currentMessage() == blocker.args[0]
    assert [b.label for b in list_backups(store.path.parent / "backups")] == ["auto"]
    again = backup_tasks.start_auto_backup(window, store.path)  # today's exists: nothing to say
    with qtbot.waitSignal(again.done, timeout=20_000) as blocker:
        pass
    assert blocker.args[0] == "" and len(list_backups(store.path.parent / "backups")) == 1


def test_auto_backup_off_by_environment(qtbot, env, store, admin):
    window = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(window)
    assert backup_tasks.start_auto_backup(window, store.path) is None  # tests/conftest.py sets IPGUARD_NO_AUTOBACKUP
    assert not (store.path.parent / "backups").exists()


def test_auto_backup_failure_is_shown_never_raised(qtbot, env, store, admin, tmp_path, monkeypatch):
    monkeypatch.delenv("IPGUARD_NO_AUTOBACKUP", raising=False)
    blocker_file = tmp_path / "not-a-folder"
    blocker_file.write_text("x")
    store.repos.settings.set_many({"backup.dir": str(blocker_file)}, acting_user_id=admin.id)
    window = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(window)
    reporter = backup_tasks.start_auto_backup(window, store.path)
    with qtbot.waitSignal(reporter.done, timeout=20_000) as blocker:
        pass
    assert blocker.args[0].startswith("自动备份失败：") and str(blocker_file) in blocker.args[0]
    assert env["shown"] == []  # no dialog: the status bar only


def test_start_launches_the_auto_backup_after_the_window_is_shown(qtbot, env, store, admin, monkeypatch):
    monkeypatch.delenv("IPGUARD_NO_AUTOBACKUP", raising=False)
    path = store.path
    store.close()
    monkeypatch.setattr(uiapp, "sign_in", lambda s, parent=None: auth.sign_in(s, "admin", PASSWORD))
    window = uiapp.start(str(path), "zh", hooks=False)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: "已自动备份到" in window.statusBar().currentMessage(), timeout=20_000)
        assert [b.label for b in list_backups(path.parent / "backups")] == ["auto"]
    finally:
        window.close()
        window.session.store.close()


# -- Settings → 备份与恢复 ------------------------------------------------------------------------


def test_backup_now_writes_a_verified_file_and_lists_it(qtbot, panel, store):
    result = _backup_now(qtbot, panel)
    assert result.path.parent == store.path.parent / "backups" and result.integrity_ok
    assert [b.path for b in panel.backups()] == [result.path]
    assert "已备份到" in panel.status.text() and result.path.name in panel.status.text()
    assert panel.model.data(panel.model.index(0, 1)) == "手动"
    assert panel.backup_button.isEnabled()


def test_backup_into_an_unusable_folder_shows_the_core_message(qtbot, env, panel, store, admin, tmp_path):
    bad = tmp_path / "file-not-folder"
    bad.write_text("x")
    store.repos.settings.set_many({"backup.dir": str(bad)}, acting_user_id=admin.id)
    panel.refresh()
    with qtbot.waitSignal(panel.backup_failed, timeout=20_000):
        panel.backup_now()
    assert env["shown"] and str(bad) in env["shown"][-1]
    assert "备份失败" in panel.status.text() and panel.backups() == []


@pytest.mark.slow
def test_restore_brings_back_the_data_and_reopens(qtbot, env, panel, store, monkeypatch):
    taken = _backup_now(qtbot, panel)
    store.repos.users.create("clerk", "业务员乙", PASSWORD, {Role.ACCOUNT_MANAGER})
    assert _usernames(store.path) == ["admin", "clerk"]
    reopened: list[BackupPanel] = []
    monkeypatch.setattr(settings_backup, "reopen_after_restore", reopened.append)
    panel.table.selectRow(0)
    assert panel.restore_selected()
    assert env["asked"] and "全部内容" in env["asked"][0] and "重新登录" in env["asked"][0]
    assert _usernames(store.path) == ["admin"]  # as it was at backup time
    assert reopened == [panel]
    labels = sorted(b.label for b in list_backups(taken.path.parent))
    assert labels == ["manual", "pre-restore"]  # the file as it was before the restore is kept
    assert "已从备份" in env["shown"][-1]


def test_restore_runs_off_the_ui_thread_with_the_window_disabled_and_busy(qtbot, env, panel, store, monkeypatch):
    import threading

    import ipguard.backup
    from ui import tasks

    _backup_now(qtbot, panel)
    steps: list[tuple[str, bool]] = []
    for name in ("verify_backup", "restore"):
        real = getattr(ipguard.backup, name)

        def spy(*args, _real=real, _name=name, **kwargs):
            steps.append((_name, threading.current_thread() is threading.main_thread()))
            return _real(*args, **kwargs)

        monkeypatch.setattr(ipguard.backup, name, spy)
    busy: list[tuple[int, str, bool]] = []

    def seen(count: int, label: str) -> None:
        busy.append((count, label, panel.isEnabled()))

    tasks.monitor().busy_changed.connect(seen)
    monkeypatch.setattr(settings_backup, "reopen_after_restore", lambda p: None)
    panel.table.selectRow(0)
    try:
        assert panel.restore_selected()
    finally:
        tasks.monitor().busy_changed.disconnect(seen)
    assert steps == [("verify_backup", False), ("restore", False)]  # both file steps on a pool thread
    assert (1, "正在恢复数据库…", False) in busy  # the busy indicator's label, the window greyed meanwhile
    assert panel.isEnabled()  # and enabled again afterwards


def test_a_damaged_backup_is_refused_and_nothing_changes(qtbot, env, panel, store, tmp_path, monkeypatch):
    taken = _backup_now(qtbot, panel)
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(taken.path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\xff" * 4096
    damaged.write_bytes(bytes(data))
    store.repos.users.create("clerk", "业务员乙", PASSWORD, {Role.ACCOUNT_MANAGER})
    before = store.path.read_bytes()
    monkeypatch.setattr(panel, "choose_backup_file", lambda: damaged)
    monkeypatch.setattr(settings_backup, "reopen_after_restore", lambda p: pytest.fail("reopened after a refusal"))
    assert panel.restore_other_file() is False
    assert env["shown"] and "damaged.sqlite" in env["shown"][-1]  # the core's message names the file
    assert "未恢复" in panel.status.text()
    assert _usernames(store.path) == ["admin", "clerk"] and store.path.read_bytes() == before
    assert [b.label for b in list_backups(taken.path.parent)] == ["manual"]  # no pre-restore copy either


def test_cancelled_confirmation_changes_nothing(qtbot, env, panel, store, monkeypatch):
    _backup_now(qtbot, panel)
    store.repos.users.create("clerk", "业务员乙", PASSWORD, {Role.ACCOUNT_MANAGER})
    env["answer"] = False
    monkeypatch.setattr(settings_backup, "reopen_after_restore", lambda p: pytest.fail("reopened"))
    panel.table.selectRow(0)
    assert panel.restore_selected() is False
    assert _usernames(store.path) == ["admin", "clerk"]


def test_others_see_backups_but_cannot_back_up_or_restore(qtbot, env, store, admin):
    clerk = store.repos.users.create("clerk", "业务员乙", PASSWORD, {Role.ACCOUNT_MANAGER})
    p = BackupPanel(Session(store=store, user=clerk))
    qtbot.addWidget(p)
    for button in (p.backup_button, p.restore_button, p.restore_file_button):
        assert not button.isEnabled() and button.toolTip() == "只有管理员可以备份和恢复数据库"
    assert p.reload_button.isEnabled()
    assert p.restore_from(store.path) is False and env["asked"] == []


def test_settings_page_has_the_backup_section(qtbot, env, store, admin):
    window = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(window)
    assert isinstance(window.page("settings").show_section("backup"), BackupPanel)


@pytest.mark.slow
def test_reopen_signs_in_again_on_the_restored_file(qtbot, env, store, admin, monkeypatch):
    path = store.path
    window = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(window)
    window.show()
    panel = window.page("settings").show_section("backup")
    _backup_now(qtbot, panel)
    store.repos.users.create("clerk", "业务员乙", PASSWORD, {Role.ACCOUNT_MANAGER})
    monkeypatch.setattr(uiapp, "sign_in", lambda s, parent=None: auth.sign_in(s, "admin", PASSWORD))
    opened: list = []
    # The application's wiring (ui.app connects this signal for every window it shows).
    window.session.signals.database_replaced.connect(lambda: opened.append(uiapp.reopen(window)))
    panel.table.selectRow(0)
    assert panel.restore_selected()
    new = opened[0]
    assert isinstance(new, MainWindow) and new is not window
    qtbot.addWidget(new)
    try:
        assert not window.isVisible() and new.isVisible()
        assert new.session.store is not store and new.session.db_path == path
        assert sorted(u.username for u in new.session.store.repos.users.all()) == ["admin"]
    finally:
        new.close()
        new.session.store.close()
