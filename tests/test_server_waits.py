"""Waiting on a team server (issue 20, Deliver 3): nobody waits forever, a stalled workstation frees the
writer lock, and a transaction the server undoes in a deadlock is reported as such and run again.

The other session in these tests is an administrator's own connection (psql, say), the one kind of
session that can hold rows in an order ipguard's writers never do (ipguard.store.pg).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import psycopg
import pytest

from ipguard.errors import StoreError
from ipguard.store import Store, pg
from ipguard.store.retry import retrying
from tests.workflow_helpers import cast, open_case

pytestmark = pytest.mark.server_only

TOUCH = "UPDATE cases SET updated_at = updated_at WHERE id = ?"


def test_a_workstation_connection_limits_its_waits(store: Store) -> None:
    raw = store.db.conn.raw
    assert raw.execute("SHOW lock_timeout").fetchone()[0] == "10s"  # as long as a wait for the SQLite file
    assert raw.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == "2min"


def test_a_writer_waits_for_the_writer_lock_only_so_long(store: Store) -> None:
    pg.limit_waits(store.db.conn.raw, 200)  # a short patience, so the test does not wait 10 s
    case_id = open_case(store, cast(store), seed=1)
    with psycopg.connect(store.dsn) as other:  # holds the writer lock, as a workstation in mid-save would
        other.execute("SELECT pg_advisory_xact_lock(%s)", [pg.WRITER_LOCK_KEY])
        with pytest.raises(StoreError) as err, store.transaction():
            store.db.execute(TOUCH, [case_id])
    assert err.value.key == "db_locked"
    assert "其他工作站" in err.value.message("zh")
    with store.transaction():  # the lock released, the next save goes through
        store.db.execute(TOUCH, [case_id])


def test_a_workstation_stalled_mid_save_is_cut_off_and_frees_the_writer_lock(store: Store) -> None:
    case_id = open_case(store, cast(store), seed=1)
    audit_before = store.audit_head().count
    store.db.conn.raw.execute("SET idle_in_transaction_session_timeout = 200")  # 2 min in use
    with pytest.raises(StoreError) as err, store.transaction():
        store.audit(user_id=None, entity="case", entity_id=case_id, action="stalled", case_id=case_id)
        # This workstation now stops mid-transaction; another one waits for the writer lock, on the server.
        with psycopg.connect(store.dsn) as other:
            other.execute("SET lock_timeout = '20s'")
            other.execute("SELECT pg_advisory_xact_lock(%s)", [pg.WRITER_LOCK_KEY])  # granted once the server cut us off
        store.db.execute(TOUCH, [case_id])
    assert err.value.key == "server_lost"
    with psycopg.connect(store.dsn) as check:
        assert check.execute("SELECT count(*) FROM audit_log").fetchone()[0] == audit_before  # nothing half-saved


def _deadlock_with_another_session(store: Store, first: int, second: int) -> Callable[[], None]:
    """An action on ``first`` then ``second``, while another session holds ``second`` and then wants ``first``.

    The other session waits 30 s before it looks for a deadlock, the workstation 1 s (the server's default),
    so the server always undoes the workstation's transaction, never the other one.
    """
    other = psycopg.connect(store.dsn)
    other.execute("SET deadlock_timeout = '30s'")
    other.execute(TOUCH.replace("?", "%s"), [second])
    holding = threading.Event()
    calls: list[int] = []

    def the_others_turn() -> None:
        holding.wait()
        other.execute(TOUCH.replace("?", "%s"), [first])  # returns once the server undid the workstation
        other.rollback()
        other.close()

    def action() -> None:
        calls.append(1)
        with store.transaction():
            store.db.execute(TOUCH, [first])
            if len(calls) == 1:
                holding.set()
            store.db.execute(TOUCH, [second])

    thread = threading.Thread(target=the_others_turn)
    thread.start()
    action.calls = calls  # type: ignore[attr-defined]
    action.thread = thread  # type: ignore[attr-defined]
    return action


def test_a_deadlock_undone_by_the_server_is_reported_as_such(store: Store) -> None:
    c = cast(store)
    first, second = open_case(store, c, seed=1), open_case(store, c, seed=2)
    action = _deadlock_with_another_session(store, first, second)
    with pytest.raises(StoreError) as err:
        action()
    action.thread.join(30)  # type: ignore[attr-defined]
    assert err.value.key == "server_conflict"
    assert "没有保存" in err.value.message("zh") and "nothing was saved" in err.value.message("en")
    assert store.verify_audit().ok


def test_a_deadlock_undone_by_the_server_is_run_again_unseen(store: Store) -> None:
    c = cast(store)
    first, second = open_case(store, c, seed=1), open_case(store, c, seed=2)
    action = _deadlock_with_another_session(store, first, second)
    retrying(store, action)
    action.thread.join(30)  # type: ignore[attr-defined]
    assert len(action.calls) == 2  # type: ignore[attr-defined]
