"""A case action the team server undid in a lock conflict is run again unseen; one that keeps failing is shown.

The server's side (a real deadlock, the message) is tests/test_server_waits.py; here the core action is
wrapped to fail the way the store reports it, and the workspace's own run_action is driven.
"""

from __future__ import annotations

from ipguard.domain import Stage
from ipguard.errors import StoreError
from ipguard.store.retry import ATTEMPTS, SERVER_CONFLICT
from ipguard.workflow.exits import decline
from tests import workflow_helpers as wh
from ui.workspace.base import FAILED


def _undone_by_the_server(times: int):
    calls: list[int] = []

    def action(*args, **kwargs):
        calls.append(1)
        if len(calls) <= times:
            raise StoreError(SERVER_CONFLICT, server="db.example.cn/ipguard")
        return decline(*args, **kwargs)

    return action, calls


def test_an_action_undone_once_by_the_server_goes_through_without_a_message(qt_env, store, cast, open_workspace):
    case_id = wh.open_case(store, cast)
    ws = open_workspace(store, cast.a, case_id)
    action, calls = _undone_by_the_server(1)
    result = ws.run_action(action, store, case_id, cast.a, "客户资质不符")
    assert result is not FAILED and len(calls) == 2
    assert store.repos.cases.get(case_id).stage == Stage.DECLINED
    assert qt_env == []  # no message box


def test_an_action_the_server_keeps_undoing_is_shown_and_nothing_is_saved(qt_env, store, cast, open_workspace):
    case_id = wh.open_case(store, cast)
    ws = open_workspace(store, cast.a, case_id)
    action, calls = _undone_by_the_server(ATTEMPTS)
    assert ws.run_action(action, store, case_id, cast.a, "客户资质不符") is FAILED
    assert len(calls) == ATTEMPTS
    assert store.repos.cases.get(case_id).stage == Stage.INTAKE
    assert len(qt_env) == 1 and "没有保存" in qt_env[0][2]  # one message box, saying so
