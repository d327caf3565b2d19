"""Two workstations on one database file: no lost update, no "database is locked", chain intact."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from ipguard import intake
from ipguard.errors import StoreError
from ipguard.store import open_store
from tests import factories
from tests.workflow_helpers import cast, open_case

WORKER = Path(__file__).resolve().parent.parent / "scripts" / "concurrency_worker.py"
OPS = 150


def _notes(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT after_json FROM audit_log WHERE entity = 'checklist_item' AND action = 'set_status'").fetchall()
    finally:
        conn.close()
    return [json.loads(r[0])["note"] for r in rows]


def test_two_processes_updating_the_same_cases_lose_nothing(tmp_path):
    db = tmp_path / "shared.sqlite"
    with open_store(db) as store:
        c = cast(store)
        case_ids = [open_case(store, c, seed=s) for s in (1, 2)]
        versions = {cid: store.repos.cases.get(cid).version for cid in case_ids}
        entries = store.audit_head().count
    cases = ",".join(map(str, case_ids))
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(db), "--name", name, "--user", user, "--ops", str(OPS), "--cases", cases],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
            env={**os.environ, "IPGUARD_PASSWORD": factories.PASSWORD},
        )
        for name, user in (("P1", "am"), ("P2", "ops"))
    ]
    for p in procs:  # both ready (imports done, database open) before either starts writing
        assert p.stdout.readline() == "READY\n"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = []
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert "locked" not in err.lower()
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert [r["ops"] for r in results] == [OPS, OPS]
    assert [r["locked"] for r in results] == [0, 0]  # the busy timeout absorbed every wait
    print(f"\n{2 * OPS} operations, conflicts retried: {[r['conflicts'] for r in results]}")
    # No lost update: every save is in the audit trail once, and each bumped its case's version once.
    notes = _notes(db)
    assert sorted(notes) == sorted(f"{name}-{n}" for name in ("P1", "P2") for n in range(OPS))
    writers = [note.split("-")[0] for note in notes]  # audit order
    switches = sum(1 for a, b in itertools.pairwise(writers) if a != b)
    assert switches >= 10, "the two processes really wrote at the same time"
    with open_store(db, create=False) as store:
        for cid in case_ids:
            assert store.repos.cases.get(cid).version == versions[cid] + OPS  # OPS / 2 from each process
        assert store.audit_head().count == entries + 2 * OPS + 2  # plus each worker's audited sign-in
        assert store.verify_audit().ok
        assert store.scalar("PRAGMA integrity_check") == "ok"


@pytest.fixture
def locked_store(tmp_path):
    """A store whose busy timeout is 50 ms, and a second connection holding the write lock."""
    db = tmp_path / "busy.sqlite"
    store = open_store(db)
    c = cast(store)
    case_id = open_case(store, c)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    store.db.execute("PRAGMA busy_timeout = 50")
    yield store, c, case_id, other
    other.close()
    store.close()


def test_a_held_write_lock_becomes_a_clear_db_locked_error(locked_store):
    store, c, case_id, other = locked_store
    before = store.audit_head()
    with pytest.raises(StoreError) as err, store.transaction():
        pass
    assert err.value.key == "db_locked"
    with pytest.raises(StoreError) as err:
        intake.set_checklist_item(store, case_id, store.repos.cases.checklist(case_id)[0].code, "received", c.a, paper_original=True, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "db_locked" and "database is locked" not in err.value.message("en")
    assert "其他工作站" in err.value.one_line("zh")
    other.execute("ROLLBACK")  # the other workstation finishes: the same action now goes through
    intake.set_checklist_item(store, case_id, store.repos.cases.checklist(case_id)[0].code, "received", c.a, paper_original=True, expected_version=store.repos.cases.get(case_id).version)
    assert store.audit_head().count == before.count + 1
    assert not store.db.conn.in_transaction
