"""Choosing the database in the window: the first-run choice, File → 打开数据库…,
最近打开 and 新建演示数据库, none of which ever replaces a real database."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipguard import auth
from ipguard.demo.build import DEMO_PASSWORD
from ipguard.store import open_store
from ipguard.store.probe import FileKind, probe
from tests import factories
from ui import app as uiapp
from ui import database_files as files
from ui.main_window import MainWindow


@pytest.fixture
def signed_in(monkeypatch):
    """Sign-in answered programmatically: the demo admin, or the factories' first user."""
    seen: list[Path] = []

    def sign_in(store, parent=None):
        seen.append(Path(store.path))
        if probe(store.path) is FileKind.IPGUARD_DEMO:
            return auth.sign_in(store, "admin", DEMO_PASSWORD)
        return auth.sign_in(store, "boss", factories.PASSWORD)

    monkeypatch.setattr(uiapp, "sign_in", sign_in)
    return seen


def _real_database(path: Path) -> Path:
    from ipguard.domain import Role

    with open_store(path) as store:
        factories.user(store, "boss", Role.ADMIN)
    return path


def _close(window: MainWindow) -> None:
    window.close()
    window.session.store.close()


@pytest.mark.slow
def test_first_run_opens_the_demo_in_one_step(qtbot, monkeypatch, signed_in, boxes):
    asked: list[str] = []
    monkeypatch.setattr(files, "ask_first_run", lambda parent: asked.append("first run") or files.FIRST_RUN_DEMO)
    window = uiapp.start(None, "zh", hooks=False)
    qtbot.addWidget(window)
    assert asked == ["first run"] and not boxes
    assert window.session.db_path == files.default_demo_path()
    assert probe(files.default_demo_path()) is FileKind.IPGUARD_DEMO
    assert window.session.store.repos.cases.count_by_stage()  # the demo's cases are there
    _close(window)
    # The next start opens the same database again, without asking.
    monkeypatch.setattr(files, "ask_first_run", lambda parent: pytest.fail("asked again"))
    again = uiapp.start(None, "zh", hooks=False)
    qtbot.addWidget(again)
    assert again.session.db_path == files.default_demo_path()
    _close(again)


def test_first_run_can_start_an_empty_database_or_be_cancelled(qtbot, monkeypatch):
    monkeypatch.setattr(files, "ask_first_run", lambda parent: None)
    assert uiapp.start(None, "zh", hooks=False) is None
    assert not files.default_db_path().exists() and not files.default_demo_path().exists()
    monkeypatch.setattr(files, "ask_first_run", lambda parent: files.FIRST_RUN_EMPTY)
    monkeypatch.setattr(uiapp, "sign_in", lambda store, parent=None: None)  # the first-admin dialog, cancelled
    assert uiapp.start(None, "zh", hooks=False) is None
    assert probe(files.default_db_path()) is FileKind.IPGUARD


def test_open_database_switches_the_window_and_remembers_it(qtbot, tmp_path, monkeypatch, signed_in):
    first = _real_database(tmp_path / "first.sqlite")
    second = _real_database(tmp_path / "second.sqlite")
    window = uiapp.start(str(first), "zh", hooks=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(files, "ask_database_to_open", lambda parent: second)
    opened: list[MainWindow] = []
    window.database_requested.connect(lambda path: opened.append(path))
    window.open_db_action.trigger()
    assert opened == [second]
    new = uiapp.switch_database(window, second)
    qtbot.addWidget(new)
    assert new is not window and new.session.db_path == second and not window.isVisible()
    assert [p.resolve() for p in files.recent_databases()][:2] == [second.resolve(), first.resolve()]
    new._fill_recent_menu()
    titles = [a.text() for a in new.recent_menu.actions()]
    assert titles == [files.display_path(first)]
    _close(new)


def test_switching_keeps_the_old_window_when_sign_in_is_cancelled(qtbot, tmp_path, monkeypatch, signed_in):
    first = _real_database(tmp_path / "first.sqlite")
    second = _real_database(tmp_path / "second.sqlite")
    window = uiapp.start(str(first), "zh", hooks=False)
    qtbot.addWidget(window)
    monkeypatch.setattr(uiapp, "sign_in", lambda store, parent=None: None)
    assert uiapp.switch_database(window, second) is None
    assert window.isVisible() and window.session.store.repos.users.count() == 1
    _close(window)


@pytest.mark.slow
def test_new_demo_database_never_replaces_a_real_one(qtbot, tmp_path, monkeypatch, signed_in, boxes):
    real = _real_database(tmp_path / "real.sqlite")
    before = real.read_bytes()
    window = uiapp.start(str(real), "zh", hooks=False)
    qtbot.addWidget(window)
    requested: list[Path] = []
    window.database_requested.connect(requested.append)
    monkeypatch.setattr(files, "ask_demo_target", lambda parent: real)
    window.new_demo_action.trigger()
    assert requested == [] and len(boxes) == 1
    assert boxes[0][1] == "无法新建演示数据库" and "不是 ipguard 演示数据库" in boxes[0][2]
    assert real.read_bytes() == before
    # A new file is built (off the UI thread) and opened.
    target = tmp_path / "demo.sqlite"
    monkeypatch.setattr(files, "ask_demo_target", lambda parent: target)
    window.new_demo_action.trigger()
    assert requested == [target] and probe(target) is FileKind.IPGUARD_DEMO
    # Replacing an old demo asks first; "no" keeps it.
    kept = target.read_bytes()
    monkeypatch.setattr(files, "confirm_replace_demo", lambda parent, path: False)
    window.new_demo_action.trigger()
    assert requested == [target] and target.read_bytes() == kept
    _close(window)


def test_the_status_bar_shows_the_home_folder_as_tilde(qtbot):
    assert files.display_path(Path.home() / "ipguard" / "office.sqlite") == str(Path("~") / "ipguard" / "office.sqlite")
    assert files.display_path(Path("/srv/data/office.sqlite")) == "/srv/data/office.sqlite"
