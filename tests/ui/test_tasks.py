"""Work off the UI thread (ui.tasks): one task class, the UI keeps serving events, errors come back as before."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from ipguard import workflow
from ipguard.errors import IpguardError
from tests import workflow_helpers as wh
from ui import tasks
from ui.session import Session
from ui.workspace import CaseWorkspace


def test_task_reports_result_failure_and_cancellation(qtbot):
    ok = tasks.Task(lambda: 42, "answer")
    with qtbot.waitSignal(ok.signals.finished) as got:
        ok.start()
    assert got.args == [42]

    def boom():
        raise ValueError("no")

    bad = tasks.Task(boom, "boom")
    with qtbot.waitSignal(bad.signals.failed) as failed:
        bad.start()
    assert isinstance(failed.args[0], ValueError)

    gate = threading.Event()
    stoppable: tasks.Task

    def loop_until_cancelled():
        gate.set()
        while not stoppable.is_cancelled():
            gate.wait(0.01)
        raise tasks.TaskCancelled

    stoppable = tasks.Task(loop_until_cancelled, "stoppable")
    with qtbot.waitSignal(stoppable.signals.cancelled):
        stoppable.start()
        stoppable.cancel()
    qtbot.waitUntil(lambda: not tasks.running_tasks())


def test_run_blocking_serves_ui_events_while_the_work_runs(qtbot):
    """The work waits for a timer of the UI thread: it can only end if the UI thread is not blocked."""
    ticked = threading.Event()
    button = QPushButton("go")
    qtbot.addWidget(button)
    seen_disabled: list[bool] = []

    def on_tick():
        seen_disabled.append(not button.isEnabled())
        ticked.set()

    QTimer.singleShot(0, on_tick)
    result = tasks.run_blocking(lambda: ticked.wait(30) and threading.get_ident(), "waiting", disable=[button])
    assert result and result != threading.get_ident()  # ran on another thread, and the timer fired meanwhile
    assert seen_disabled == [True] and button.isEnabled()


def test_run_blocking_raises_the_error_of_the_work_here(qtbot):
    def refused():
        raise IpguardError("login_failed")

    with pytest.raises(IpguardError):
        tasks.run_blocking(refused, "refused")
    assert not tasks.running_tasks()


def test_off_ui_thread_uses_its_own_store_on_the_same_database(qtbot, store):
    def where(own, value):
        return threading.get_ident(), own is store, own.path, value

    ident, same, path, value = tasks.off_ui_thread(where, "where")(store, 7)
    assert ident != threading.get_ident() and not same and path == store.path and value == 7


def test_signing_the_report_runs_off_the_ui_thread_with_the_window_actor(qtbot, store, monkeypatch):
    from ui.workspace import tab_investigation

    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=wh.day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, on=wh.day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=wh.day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    threads: list[int] = []
    real = tab_investigation.sign_report

    def recording(*args, **kwargs):
        threads.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(tab_investigation, "sign_report", recording)
    ws = CaseWorkspace(Session(store, c.a), case_id)
    qtbot.addWidget(ws)
    ws.show()
    tab = next(t for t in ws.tabs if isinstance(t, tab_investigation.InvestigationTab))
    tab.opinion.setPlainText("同意推荐")
    tab.sign("A")
    assert threads and threads[0] != threading.get_ident()
    assert "✓" in tab.a_status.text()  # signed and shown after the workspace reloaded on the UI thread
    assert not tasks.running_tasks()
