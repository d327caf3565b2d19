"""Issue 14, item 7: a full disk or a disk error while saving says which file and what to do, and writes nothing."""

from __future__ import annotations

import re
import sqlite3

import pytest

from ipguard import admin, workflow
from ipguard.domain import Stage
from ipguard.errors import StoreError
from ipguard.store.records import ReferrerRecord
from tests.workflow_helpers import open_case, receive_all

# The faults injected are SQLite's (a full disk, an I/O error of the file).
pytestmark = pytest.mark.sqlite_only


def state(store) -> tuple:
    """What a half-written change would alter: row counts, the audit head, the seals."""
    counts = tuple(store.scalar(f"SELECT COUNT(*) FROM {t}") for t in ("referrers", "cases", "stage_events", "row_seals"))
    return (*counts, store.audit_head().hash)


def fail_commit(monkeypatch, store, message: str) -> list[int]:
    """The next COMMITs raise ``message`` as SQLite would; returns the list of attempts."""
    calls: list[int] = []

    def commit() -> None:
        calls.append(1)
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(store, "commit_transaction", commit)
    return calls


def test_a_full_disk_at_commit_names_the_file_and_leaves_nothing_half_written(store, c, monkeypatch):
    before = state(store)
    calls = fail_commit(monkeypatch, store, "database or disk is full")
    with pytest.raises(StoreError) as err:
        admin.save_referrer(store, c.admin, ReferrerRecord(0, "张江科学城知识产权服务中心"), expected_version=None)
    assert calls and err.value.key == "db_full"
    zh, en = err.value.message("zh"), err.value.message("en")
    assert str(store.path) in zh and str(store.path) in en
    assert "磁盘已满" in zh and "没有保存" in zh and "腾出磁盘空间" in zh
    assert "disk holding the database" in en and "not saved" in en and "Free some disk space" in en
    assert not store.db.conn.in_transaction
    assert state(store) == before and store.verify_audit().ok and store.check_rows() == []
    monkeypatch.undo()  # space freed: the same save goes through
    admin.save_referrer(store, c.admin, ReferrerRecord(0, "张江科学城知识产权服务中心"), expected_version=None)
    assert [r.name for r in store.repos.referrers.all()] == ["张江科学城知识产权服务中心"]
    assert store.verify_audit().ok and store.check_rows() == []


def test_a_disk_io_error_at_commit_of_a_case_action_undoes_the_whole_action(store, c, monkeypatch):
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    version = store.repos.cases.get(case_id).version
    before = state(store)
    fail_commit(monkeypatch, store, "disk I/O error")
    with pytest.raises(StoreError) as err:
        workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "db_io_error"
    assert str(store.path) in err.value.message("en") and "disk I/O error" in err.value.message("en")
    assert "从最近的备份恢复" in err.value.message("zh")
    case = store.repos.cases.get(case_id)
    assert (case.stage, case.version) == (Stage.INTAKE, version)
    assert state(store) == before and store.verify_audit().ok and store.check_rows() == []


def test_a_disk_that_fills_during_the_writes_is_refused_the_same_way(store, c):
    """Real SQLITE_FULL: the database may not grow by a single page."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    before = len(store.repos.referrers.all())
    with pytest.raises(StoreError) as err:
        for i in range(500):
            admin.save_referrer(store, c.admin, ReferrerRecord(0, f"推荐机构{i:03d}" + "园" * 60), expected_version=None)
    assert err.value.key == "db_full" and isinstance(err.value.__cause__, sqlite3.OperationalError)
    saved = len(store.repos.referrers.all()) - before
    # Every save before the full one is whole (row, audit entry, seal); the failing one left no trace.
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE entity = 'referrer'") == saved
    assert store.verify_audit().ok and store.check_rows() == []


def test_the_message_is_one_line_on_the_command_line(store):
    error = StoreError("db_full", path="/data/ipguard.sqlite")
    assert re.fullmatch(r"[^\n]+", error.one_line("en")) and "/data/ipguard.sqlite" in error.one_line("zh")
