"""Case amendments after the committee: what a decision set aside, kept whole, and the setting aside itself.

Called only by :func:`ipguard.workflow.amend.amend_case`, inside its transaction.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ipguard.domain import Stage
from ipguard.store.records import AmendmentRecord, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

# Per-case records that rest on the committee's decision (deleted from the live tables, kept in the amendment).
_SET_ASIDE = ("committee_decisions", "committee_votes", "committee_attendance", "disbursement_checks", "bank_decisions",
              "contracts", "pledge_registrations")


class AmendmentRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def snapshot(self, case_id: int) -> dict[str, Any]:
        """Everything the decision carried: its rows per table, the letters and documents in force, the report's
        signatures and the case's fixed terms.

        A JSON payload, not a record: it is stored whole with the amendment (``voided_json``) and in
        its audit entry, as the rows were, column names and all, so the past reads as it was.
        """
        q = self.store.query
        out: dict[str, Any] = {table: q(f"SELECT * FROM {table} WHERE case_id = ?", [case_id]) for table in _SET_ASIDE}
        out["intent_letters"] = q("SELECT * FROM intent_letters WHERE case_id = ? AND status = 'issued'", [case_id])
        out["documents"] = q("SELECT id, kind, doc_no, issued_on, sha256 FROM documents WHERE case_id = ? AND status = 'issued'"
                             " ORDER BY id", [case_id])  # fmt: skip
        out["investigation_report"] = next(iter(q("SELECT a_user_id, a_signed_at, b_user_id, b_signed_at FROM investigation_reports"
                                         " WHERE case_id = ?", [case_id])), None)  # fmt: skip
        out["case"] = q("SELECT stage, guarantee_amount_fen, recognized_value_fen, fee_fen, terms_fixed_on, terms_bank_share_bp,"
                        " terms_reguarantor_name, terms_reguarantor_share_bp, terms_fee_rate, terms_fee_basis FROM cases"
                        " WHERE id = ?", [case_id])[0]  # fmt: skip
        return out

    def set_aside(self, case_id: int) -> None:
        """Delete the records resting on the decision, void its letters and documents, clear the report's signatures
        and the fixed terms; the case's assessment goes stale."""
        db = self.store.db
        for table in _SET_ASIDE:
            db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
        db.execute("UPDATE intent_letters SET status = 'void' WHERE case_id = ? AND status = 'issued'", [case_id])
        db.execute("UPDATE documents SET status = 'void' WHERE case_id = ? AND status = 'issued'", [case_id])
        db.execute("UPDATE investigation_reports SET a_user_id = NULL, a_signed_at = NULL, b_user_id = NULL, b_signed_at = NULL"
                   " WHERE case_id = ?", [case_id])  # fmt: skip
        db.execute("UPDATE cases SET terms_fixed_on = NULL, terms_bank_share_bp = NULL, terms_reguarantor_name = NULL,"
                   " terms_reguarantor_share_bp = NULL, terms_fee_rate = NULL, terms_fee_basis = NULL, assessment_stale = 1"
                   " WHERE id = ?", [case_id])  # fmt: skip

    def add(self, case_id: int, *, amended_on: str, amended_by: int, reason: str, from_stage: str, to_stage: str,
            voided: dict[str, Any]) -> int:
        cur = self.store.db.execute(
            "INSERT INTO case_amendments (case_id, amended_on, amended_at, amended_by, reason, from_stage, to_stage, voided_json)"
            " VALUES (?,?,?,?,?,?,?,?)",
            [case_id, amended_on, self.store.now(), amended_by, reason, from_stage, to_stage,
             json.dumps(voided, ensure_ascii=False, default=str)],
        )
        return self.store.inserted_id(cur)

    def of_case(self, case_id: int) -> list[AmendmentRecord]:
        """The case's amendments, oldest first, with what each set aside and the amending user's name."""
        rows = self.store.query(
            "SELECT m.*, COALESCE(u.display_name, '') AS amended_by_name FROM case_amendments m"
            " LEFT JOIN users u ON u.id = m.amended_by WHERE m.case_id = ? ORDER BY m.id", [case_id])  # fmt: skip
        return [AmendmentRecord(
            id=r["id"], case_id=r["case_id"], amended_on=required_date(r["amended_on"]), amended_at=r["amended_at"],
            amended_by=r["amended_by"], amended_by_name=r["amended_by_name"], reason=r["reason"],
            from_stage=Stage(r["from_stage"]), to_stage=Stage(r["to_stage"]), voided=json.loads(r["voided_json"]),
        ) for r in rows]
