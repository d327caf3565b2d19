"""Eight workstations on one PostgreSQL server at once (issue 20, Deliver 3).

Each process opens its own store on the same test database, signs in as its own user and, until a
shared deadline, opens new cases and saves checklist items on four shared cases with the version it
read. Afterwards: no lost update, case numbers unique and gap-free, the audit chain intact with one
entry per successful action and sign-in, and no error but "changed by someone else".

Deadlocks and serialization failures: every write transaction takes the one writer lock first
(ipguard.store.pg, READ COMMITTED), and reads run REPEATABLE READ READ ONLY taking no row locks, so
two ipguard writers never wait on each other's rows (no deadlock) and no transaction runs at a level
that raises a serialization failure; the run below would show one as a non-conflict error. (A deadlock
with a session outside ipguard is possible: tests/test_server_waits.py.)
"""

from __future__ import annotations

import multiprocessing
import random
import re
import time
from collections import Counter
from typing import Any

import psycopg
import pytest

from ipguard import auth, intake
from ipguard.domain import Role
from ipguard.errors import ConflictError, StoreError
from ipguard.store import open_store
from ipguard.store.records import BankRecord
from tests import factories
from tests.workflow_helpers import cast, open_case

pytestmark = [pytest.mark.server_only, pytest.mark.slow]

WORKERS = 8
SECONDS = 10.0
MAX_OPS = 400  # per worker: bounds the run on a fast machine as the deadline does on a slow one


def _workstation(dsn: str, index: int, shared: list[int], bank_id: int, rm_id: int, ready: Any, go: Any) -> dict[str, Any]:
    """One workstation's session: its own connection, its own user, a mixed workload until the deadline."""
    from ipguard.store import open_store as open_

    done: Counter[str] = Counter()
    saved: list[tuple[int, str]] = []
    errors: list[str] = []
    rng = random.Random(index)
    with open_(dsn, create=False) as store:
        user = auth.sign_in(store, f"w{index}", factories.PASSWORD)
        codes = {cid: [item.code for item in store.repos.cases.checklist(cid)] for cid in shared}
        ready.release()
        go.wait()
        deadline = time.monotonic() + SECONDS
        n = 0
        while time.monotonic() < deadline and n < MAX_OPS:
            n += 1
            try:
                if n % 5 == 0:  # intake: a new case, numbered by the server
                    data = factories.applicant(10_000 * (index + 1) + n)
                    data["bank_id"], data["risk_manager_id"] = bank_id, rm_id
                    intake.open_case(store, intake.parse_intake(data), user)
                    done["intake"] += 1
                else:  # a save with the version this workstation read
                    case_id = rng.choice(shared)
                    version = store.repos.cases.get(case_id).version
                    note = f"w{index}-{n}"
                    intake.set_checklist_item(store, case_id, rng.choice(codes[case_id]), rng.choice(("received", "missing")),
                                              user, note=note, paper_original=True, expected_version=version)
                    done["save"] += 1
                    saved.append((case_id, note))
            except ConflictError as exc:
                if exc.key == "stale_version":
                    done["stale"] += 1
                else:
                    errors.append(f"ConflictError {exc.key}")
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
    return {"done": dict(done), "saved": saved, "errors": errors}


def test_eight_workstations_lose_nothing_and_number_without_gaps(store) -> None:
    c = cast(store)
    workers = [factories.user(store, f"w{i}", Role.ACCOUNT_MANAGER) for i in range(WORKERS)]
    assert len({w.id for w in workers}) == WORKERS
    shared = [open_case(store, c, seed=s) for s in (1, 2, 3, 4)]
    before = store.audit_head().count
    open_case(store, c, seed=5)  # what one intake writes to the audit trail
    per_intake = store.audit_head().count - before
    before = store.audit_head().count
    versions = {cid: store.repos.cases.get(cid).version for cid in shared}
    cases_before = store.count("SELECT COUNT(*) FROM cases")
    dsn = store.dsn
    assert dsn
    store.close()

    ctx = multiprocessing.get_context("spawn")
    manager = ctx.Manager()
    ready, go = manager.Semaphore(0), manager.Event()
    with ctx.Pool(WORKERS) as pool:
        # Every workstation signs in and reads first; then all start together and run for SECONDS.
        futures = [pool.apply_async(_workstation, (dsn, i, shared, c.bank.id, c.b.id, ready, go)) for i in range(WORKERS)]
        for _ in range(WORKERS):
            assert ready.acquire(timeout=120)
        go.set()
        results = [f.get(timeout=300) for f in futures]
    manager.shutdown()

    errors = [e for r in results for e in r["errors"]]
    assert errors == []  # the only refusal a user saw was "changed by someone else" (counted as stale)
    totals: Counter[str] = Counter()
    for r in results:
        totals.update(r["done"])
    assert totals["save"] > 0 and totals["intake"] > 0
    print(f"\n{WORKERS} workstations: {dict(totals)}")

    with open_store(dsn, create=False) as after:
        # No lost update: each shared case's version moved once per successful save, each save is in the trail.
        per_case = Counter(cid for r in results for cid, _note in r["saved"])
        for cid in shared:
            assert after.repos.cases.get(cid).version == versions[cid] + per_case[cid]
        notes = [row["note"] for row in after.query(
            "SELECT after_json::json->>'note' AS note FROM audit_log WHERE entity = 'checklist_item' AND action = 'set_status'")]
        assert sorted(n for n in notes if n and n.startswith("w")) == sorted(note for r in results for _cid, note in r["saved"])
        # Case numbers: one per case, unique, no gap.
        numbers = [row["case_no"] for row in after.query("SELECT case_no FROM cases")]
        assert len(numbers) == cases_before + totals["intake"] == len(set(numbers))
        serials = sorted(int(re.search(r"(\d+)$", n).group(1)) for n in numbers)  # type: ignore[union-attr]
        assert serials == list(range(1, len(numbers) + 1))
        # The audit trail: one entry per sign-in and save, the intake's entries per case, the chain intact.
        assert after.audit_head().count == before + WORKERS + totals["save"] + per_intake * totals["intake"]
        assert after.verify_audit().ok


def test_a_lost_connection_mid_transaction_is_reported_and_nothing_is_written(store, server_admin_dsn) -> None:
    admin = factories.user(store, "admin", Role.ADMIN)
    banks_before = store.count("SELECT COUNT(*) FROM banks")
    audit_before = store.audit_head().count
    with pytest.raises(StoreError) as err, store.transaction():
        store.repos.banks.save(BankRecord(0, "中途断线银行", "支行", "", "", "", 2000, "", 3000), acting_user_id=admin.id)
        with psycopg.connect(server_admin_dsn, autocommit=True) as conn:  # the server goes away for this workstation
            conn.execute("SELECT pg_terminate_backend(%s)", [store.db.conn.raw.info.backend_pid])
        factories.referrer(store, admin.id)
    assert err.value.key == "server_lost"
    assert "连接" in err.value.message("zh") or "server" in err.value.message("en").lower()
    dsn = store.dsn
    with open_store(dsn, create=False) as again:
        assert again.count("SELECT COUNT(*) FROM banks") == banks_before
        assert again.audit_head().count == audit_before
        assert again.verify_audit().ok
