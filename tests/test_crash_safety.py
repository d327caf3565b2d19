"""SIGKILL a process writing cases and workflow steps, repeatedly; nothing it reported may be lost.

A bounded form of ``scripts/crash_test.py`` (which runs 50+ kills): the kill
moment is chosen by a seeded random number of reported commits, not by sleeps.
"""

from __future__ import annotations

import sqlite3

import pytest

from ipguard.store import open_store
from scripts.crash_test import Commit, Tally, check, crash_test

KILLS = 12


@pytest.mark.slow  # ~20 s here: each round starts a Python process (imports dominate)
def test_killed_writer_loses_no_committed_write_and_never_corrupts_the_file(tmp_path):
    db = tmp_path / "crash.sqlite"
    tally = crash_test(db, KILLS, seed=20261122, max_commits=25)
    assert tally.kills == KILLS
    assert tally.commits >= KILLS  # every round reported at least one commit before the kill
    assert tally.integrity_failures == []
    assert tally.audit_failures == []
    assert tally.lost == []
    with open_store(db, create=False) as store:  # the app opens the file as usual afterwards
        assert store.verify_audit().ok
        assert store.scalar("SELECT COUNT(*) FROM cases") >= 1


def test_the_check_would_notice_a_lost_commit(tmp_path):
    db = tmp_path / "crash.sqlite"
    tally = crash_test(db, 1, seed=7, max_commits=3)
    conn = sqlite3.connect(db)
    case_no, version = conn.execute("SELECT case_no, version FROM cases ORDER BY id DESC LIMIT 1").fetchone()
    entries = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    conn.close()
    invented = [Commit(case_no, "checklist:zz", version + 1, entries + 1), Commit("KYD-2099-0001", "open", 1, 1)]
    check(db, invented, tally, 2)
    assert len(tally.lost) == 2 and "version" in tally.lost[0] and "case missing" in tally.lost[1]
    assert not Tally(lost=["x"]).ok
