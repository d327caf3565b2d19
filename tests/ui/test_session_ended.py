"""Issue 14, item 1: an open window whose user was disabled is signed out at its next action.

The admin disables the account manager through the core while the account
manager's window is open; his next click is refused by the core
(``session_ended``), the window shows why and asks for a sign-in; whoever
signs in carries on in the window, and cancelling closes it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ipguard import admin
from ipguard.domain import Role, Stage
from tests import factories
from tests import workflow_helpers as wh
from ui import app as uiapp
from ui import errors as uierrors
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.session import Session


@pytest.fixture
def logins(monkeypatch):
    """Each sign-in dialog the window opens, answered by the test's ``answer`` (username or None to cancel)."""
    seen: list[LoginDialog] = []
    answers: list[str | None] = []

    def run(dialog):
        assert isinstance(dialog, LoginDialog)
        seen.append(dialog)
        name = answers.pop(0)
        if name is None:
            dialog.reject()
            return 0
        dialog.username.setText(name)
        dialog.password.setText(factories.PASSWORD)
        dialog.try_sign_in()
        return dialog.result()

    monkeypatch.setattr(uierrors, "exec_dialog", run)
    return seen, answers


def open_window(qtbot, store, user, case_id) -> tuple[MainWindow, object]:
    uiapp.ensure_application()
    window = MainWindow(Session(store, user))
    qtbot.addWidget(window)
    window.show()
    window.case_desk.open_case(case_id)
    return window, window.case_desk.current()


def test_a_disabled_users_next_click_shows_why_and_asks_for_a_sign_in(qtbot, store, boxes, logins):
    seen, answers = logins
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    colleague = factories.user(store, "am2", Role.ACCOUNT_MANAGER)
    window, ws = open_window(qtbot, store, c.a, case_id)
    submit = ws.tab("ScreeningTab").submit_button
    assert submit.isEnabled()
    admin.set_active(store, c.admin, c.a.id, False)  # at the admin's workstation, meanwhile
    answers.append("am2")
    qtbot.mouseClick(submit, Qt.MouseButton.LeftButton)
    assert [(title, text) for _icon, title, text in boxes] == [("登录已失效", "登录已失效（账号已停用或已退出），请重新登录")]
    assert len(seen) == 1 and seen[0].store is store  # the sign-in dialog, on the same database
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE  # nothing was done as the disabled user
    # The colleague signed in and carries on in the same window.
    assert window.session.user.id == colleague.id and window.windowTitle().endswith(colleague.display_name)
    assert window.isVisible()
    ws = window.case_desk.current()
    qtbot.mouseClick(ws.tab("ScreeningTab").submit_button, Qt.MouseButton.LeftButton)
    assert store.repos.cases.get(case_id).stage is Stage.SCREENING
    assert len(boxes) == 1


def test_cancelling_the_sign_in_closes_the_window(qtbot, store, boxes, logins):
    seen, answers = logins
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    window, ws = open_window(qtbot, store, c.a, case_id)
    admin.set_active(store, c.admin, c.a.id, False)
    answers.append(None)
    qtbot.mouseClick(ws.tab("ScreeningTab").submit_button, Qt.MouseButton.LeftButton)
    assert boxes[0][1] == "登录已失效" and len(seen) == 1
    assert not window.isVisible()
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE


def test_the_message_follows_the_interface_language(qtbot, store, boxes, logins):
    _seen, answers = logins
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    window, ws = open_window(qtbot, store, c.a, case_id)
    window.session.lang = "en"
    admin.set_active(store, c.admin, c.a.id, False)
    answers.append(None)
    qtbot.mouseClick(ws.tab("ScreeningTab").submit_button, Qt.MouseButton.LeftButton)
    assert boxes[0][2] == "the sign-in has ended (account disabled or signed out); sign in again"
