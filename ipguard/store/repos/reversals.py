"""Reversals of a case's last stage step (撤销上一步): the records they void, kept whole, and the reversal itself.

Called only by :func:`ipguard.workflow.reversal.reverse_last_step`, inside its transaction.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ipguard.domain import Stage
from ipguard.store.records import ReversalRecord, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

# The per-case tables a reversal may void rows of (a mistaken bank decision; mistaken contracts with the
# empty registration rows their completion opened). Names, never user input: they are put into the SQL.
VOIDABLE = ("bank_decisions", "contracts", "pledge_registrations")
# The case file's name for a record of each of those tables (attachments.record_kind).
_RECORD_KINDS = {"bank_decisions": "bank_decision", "contracts": "contract", "pledge_registrations": "pledge_registration"}


class ReversalRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def set_aside(self, case_id: int, tables: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
        """Take the case's rows of ``tables`` out of the live tables; return them as they were, per table.

        The rows returned are stored whole with the reversal (``voided_json``) and in its audit entry.
        """
        out: dict[str, list[dict[str, Any]]] = {}
        for table in tables:
            if table not in VOIDABLE:
                raise ValueError(f"a reversal does not void {table}")
            out[table] = self.store.query(f"SELECT * FROM {table} WHERE case_id = ?", [case_id])
            self.store.db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
        return out

    def files_on(self, case_id: int, tables: tuple[str, ...]) -> int:
        """How many current case-file documents hang on the case's records of ``tables`` (a reversal must not
        leave them on a voided record, nor let them slide onto the record recorded in its place)."""
        kinds = [_RECORD_KINDS[t] for t in tables if t in _RECORD_KINDS]
        if not kinds:
            return 0
        marks = ", ".join("?" for _ in kinds)
        return self.store.count(
            f"SELECT COUNT(*) FROM attachments WHERE case_id = ? AND status = 'current' AND record_kind IN ({marks})",
            [case_id, *kinds])

    def reopen(self, case_id: int) -> str:
        """Clear the closed case's ``closed_reason`` (it is reopened); the reason it had."""
        before = self.store.scalar_str("SELECT closed_reason FROM cases WHERE id = ?", [case_id]) or ""
        self.store.db.execute("UPDATE cases SET closed_reason = '' WHERE id = ?", [case_id])
        return before

    def add(self, case_id: int, *, reversed_on: str, reversed_by: int, reason: str, from_stage: str, to_stage: str,
            voided: dict[str, Any]) -> int:
        cur = self.store.db.execute(
            "INSERT INTO case_reversals (case_id, reversed_on, reversed_at, reversed_by, reason, from_stage, to_stage,"
            " voided_json) VALUES (?,?,?,?,?,?,?,?)",
            [case_id, reversed_on, self.store.now(), reversed_by, reason, from_stage, to_stage,
             json.dumps(voided, ensure_ascii=False, default=str)],
        )
        return self.store.inserted_id(cur)

    def of_case(self, case_id: int) -> list[ReversalRecord]:
        """The case's reversals, oldest first, with what each voided and the reversing user's name."""
        rows = self.store.query(
            "SELECT r.*, COALESCE(u.display_name, '') AS reversed_by_name FROM case_reversals r"
            " LEFT JOIN users u ON u.id = r.reversed_by WHERE r.case_id = ? ORDER BY r.id", [case_id])  # fmt: skip
        return [ReversalRecord(
            id=r["id"], case_id=r["case_id"], reversed_on=required_date(r["reversed_on"]), reversed_at=r["reversed_at"],
            reversed_by=r["reversed_by"], reversed_by_name=r["reversed_by_name"], reason=r["reason"],
            from_stage=Stage(r["from_stage"]), to_stage=Stage(r["to_stage"]), voided=json.loads(r["voided_json"]),
        ) for r in rows]
