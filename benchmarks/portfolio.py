"""Synthetic portfolios for the benchmarks, built on :mod:`ipguard.demo.synthetic`.

:func:`ipguard.demo.synthetic.generate_cases` writes the cases themselves
(companies with valid credit codes, controllers, financials, IP assets with
valid patent check digits, checklists, the opening stage event), spread over
every stage. This module adds, in one more transaction and in SQL:

- **loans** for cases whose stage implies one (in force, released, defaulted):
  start date, maturity (start + term), amount (= the requested amount), fee
  (0.8 %), a repayment date for released cases and a default date for
  defaulted ones; the case's guarantee amount and fee are set to match. Banks
  come from :func:`ipguard.demo.build.create_parties` and carry bank and
  re-guarantor risk shares, so the monthly report has real splits to compute;
- **a second stage event** (intake -> current stage) for every case past intake;
- **one chained audit entry per case** (``case``/``synthetic_create``),
  hash-chained exactly like :func:`ipguard.store.audit.append` (so
  :func:`ipguard.store.audit.verify` passes) but computed in one batch.

Synthetic, and not what the real workflow would write: no valuations,
committee votes, letters, contracts, pledge registrations, compensations or
recoveries; recovery and closed cases have no loan; one audit entry stands for
a case's whole history. Never run against a production database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ipguard import clock
from ipguard.demo.synthetic import generate_cases
from ipguard.store import Store, audit, open_store

LOAN_STAGES = ("in_force", "released", "defaulted")


@dataclass(frozen=True)
class Portfolio:
    path: Path
    cases: int
    in_force: int
    month: str  # the report month, "YYYY-MM" (today's month)


def _loans(store: Store, today: dt.date) -> None:
    """Loans for every case in a loan stage that has none (SQL only: fast)."""
    stages = ", ".join(f"'{s}'" for s in LOAN_STAGES)
    # Start 1..300 days ago; maturity = start + term in days (>= 360), so in force through this month's end.
    store.db.execute(
        "INSERT INTO loans (case_id, loan_amount_fen, start_date, maturity_date, loan_contract_no, fee_fen, fee_paid_on,"
        " repaid_on, defaulted_on)"
        " SELECT id, requested_amount_fen, date(:today, '-' || ((id * 7919) % 300 + 1) || ' days'),"
        " date(:today, '-' || ((id * 7919) % 300 + 1) || ' days', '+' || (term_months * 30 + 5) || ' days'),"
        " 'JK' || printf('%07d', id), requested_amount_fen * 8 / 1000,"
        " date(:today, '-' || ((id * 7919) % 300 + 1) || ' days'),"
        " CASE stage WHEN 'released' THEN date(:today, '-' || ((id * 31) % 30 + 35) || ' days') END,"
        " CASE stage WHEN 'defaulted' THEN date(:today, '-' || ((id * 31) % 30) || ' days') END"
        f" FROM cases WHERE stage IN ({stages}) AND id NOT IN (SELECT case_id FROM loans)",
        {"today": today.isoformat()},
    )
    # A released loan must have started before it was repaid: move its start back a year.
    store.db.execute(
        "UPDATE loans SET start_date = date(repaid_on, '-365 days'), fee_paid_on = date(repaid_on, '-365 days'),"
        " maturity_date = date(repaid_on, '+1 days') WHERE repaid_on IS NOT NULL AND start_date >= repaid_on"
    )
    # Applied for 10-30 days before the loan started (a real turnaround), not years before.
    store.db.execute(
        "UPDATE cases SET application_date = (SELECT date(l.start_date, '-' || ((cases.id * 13) % 21 + 10) || ' days')"
        " FROM loans l WHERE l.case_id = cases.id) WHERE id IN (SELECT case_id FROM loans)"
    )
    store.db.execute(
        "UPDATE cases SET guarantee_amount_fen = requested_amount_fen, fee_fen = requested_amount_fen * 8 / 1000"
        " WHERE id IN (SELECT case_id FROM loans) AND guarantee_amount_fen IS NULL"
    )


def _events(store: Store, first_case_id: int) -> None:
    store.db.execute(
        "INSERT INTO stage_events (case_id, from_stage, to_stage, at, on_date, user_id, note)"
        " SELECT id, 'intake', stage, stage_changed_at, substr(stage_changed_at, 1, 10), account_manager_id, '合成数据'"
        " FROM cases WHERE id >= ? AND stage <> 'intake'",
        [first_case_id],
    )


def _audit(store: Store, first_case_id: int) -> None:
    """One chained entry per new case, computed in a batch (same hashing as audit.append)."""
    row = store.db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0], row[1]) if row else (0, audit.GENESIS)
    rows = []
    cursor = store.db.execute(
        "SELECT id, case_no, stage, created_at, account_manager_id FROM cases WHERE id >= ? ORDER BY id", [first_case_id]
    )
    for case_id, case_no, stage, created_at, user_id in cursor:
        seq += 1
        entry = {
            "seq": seq, "at": created_at, "user_id": user_id, "case_id": case_id, "entity": "case",
            "entity_id": str(case_id), "action": "synthetic_create", "before_json": None,
            "after_json": audit.canonical({"case_no": case_no, "stage": stage}),
        }  # fmt: skip
        digest = audit.entry_hash(entry, prev)
        rows.append((*entry.values(), prev, digest))
        prev = digest
    store.db.conn.executemany(
        "INSERT INTO audit_log (seq, at, user_id, case_id, entity, entity_id, action, before_json, after_json, prev_hash, hash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def extend(store: Store, first_case_id: int, today: dt.date) -> None:
    """Loans, stage events and audit entries for the cases from ``first_case_id`` on (one transaction)."""
    with store.transaction():
        _loans(store, today)
        _events(store, first_case_id)
        _audit(store, first_case_id)


def make_all_in_force(store: Store, today: dt.date) -> int:
    """Put every case in force with a loan (for the report at scale); the in-force count."""
    with store.transaction():
        store.db.execute("DELETE FROM loans WHERE repaid_on IS NOT NULL OR defaulted_on IS NOT NULL")
        store.db.execute("UPDATE cases SET stage = 'in_force'")
        _loans(store, today)
    return in_force_count(store, today)


def in_force_count(store: Store, today: dt.date) -> int:
    return store.scalar(
        "SELECT COUNT(*) FROM loans WHERE start_date <= ? AND repaid_on IS NULL", [today.isoformat()]
    )


def build(path: Path, n: int, seed: int = 1, *, all_in_force: bool = False, today: dt.date | None = None) -> Portfolio:
    """A fresh database at ``path`` with ``n`` synthetic cases (see the module docstring)."""
    today = today or clock.today()
    store = open_store(path)
    try:
        result = generate_cases(store, n, seed, today=today)
        extend(store, result.first_case_id, today)
        count = make_all_in_force(store, today) if all_in_force else in_force_count(store, today)
    finally:
        store.close()
    return Portfolio(path, n, count, f"{today:%Y-%m}")
