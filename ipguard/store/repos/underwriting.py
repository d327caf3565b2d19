"""Underwriting and committee records: assessments, the investigation report, attendance, votes, decisions.

Every write runs inside the caller's transaction (the workflow action's);
none of these methods opens a transaction of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipguard.domain import as_vote
from ipguard.rules.assess import Assessment
from ipguard.store.records import CommitteeDecisionRecord, InvestigationReportRecord, VoteRecord, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

_SIDES = ("a", "b")


@dataclass(frozen=True)
class ReportSigners:
    """Who signed the investigation report as A and as B (None while unsigned)."""

    a_user_id: int | None
    b_user_id: int | None


class UnderwritingRepo:
    """Assessments, the risk manager's justification and the investigation report (调查报告)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- assessments ---------------------------------------------------------

    def justification(self, case_id: int) -> str | None:
        """The risk manager's written justification stored on the case (None when never written)."""
        return self.store.scalar_str("SELECT justification FROM cases WHERE id = ?", [case_id])

    def client_in_force(self, company_id: int, exclude_case_id: int | None = None) -> int:
        """Sum of loans (fen) of the company's cases in force or defaulted, except ``exclude_case_id``."""
        return self.store.count(
            "SELECT COALESCE(SUM(l.loan_amount_fen), 0) FROM loans l JOIN cases c ON c.id = l.case_id"
            " WHERE c.company_id = ? AND c.stage IN ('in_force', 'defaulted') AND c.id IS NOT ?",
            [company_id, exclude_case_id],
        )

    # Stages in which a guarantee is given and not yet released: it counts against the limits.
    GIVEN_STAGES = ("intent_letter", "bank_approval", "contracts", "pledge_registration", "disbursement", "in_force", "defaulted")

    def exposure(self, company_ids: list[int] | None, exclude_case_id: int | None = None) -> int:
        """Guaranteed balance (fen) of the companies' cases approved and not released (all cases when None).

        Before the loan: the guarantee amount; after: the guarantee amount or the loan if smaller.
        """
        stages = ",".join("?" * len(self.GIVEN_STAGES))
        sql = (f"SELECT COALESCE(SUM(CASE WHEN l.loan_amount_fen IS NULL THEN c.guarantee_amount_fen"
               f" ELSE MIN(l.loan_amount_fen, c.guarantee_amount_fen) END), 0)"
               f" FROM cases c LEFT JOIN loans l ON l.case_id = c.id"
               f" WHERE c.stage IN ({stages}) AND c.id IS NOT ?")
        params: list[object] = [*self.GIVEN_STAGES, exclude_case_id]
        if company_ids is not None:
            sql += f" AND c.company_id IN ({','.join('?' * len(company_ids))})"
            params += company_ids
        return self.store.scalar(sql, params) or 0

    def add_assessment(
        self, case_id: int, *, params_version: str, assessed_at: str, assessed_by: int, eligible: bool, result_json: str
    ) -> int:
        """Store one assessment result (its JSON as computed); the new row's id."""
        cur = self.store.db.execute(
            "INSERT INTO assessments (case_id, params_version, assessed_at, assessed_by, eligible, result_json) VALUES (?,?,?,?,?,?)",
            [case_id, params_version, assessed_at, assessed_by, int(eligible), result_json],
        )
        return self.store.inserted_id(cur)

    def has_assessment(self, case_id: int) -> bool:
        return bool(self.store.scalar("SELECT 1 FROM assessments WHERE case_id = ? LIMIT 1", [case_id]))

    def latest_assessment(self, case_id: int) -> Assessment | None:
        """The case's last stored assessment, rebuilt from its JSON (not recomputed); None before any."""
        text: str | None = self.store.scalar(
            "SELECT result_json FROM assessments WHERE case_id = ? ORDER BY id DESC LIMIT 1", [case_id]
        )
        return Assessment.from_json(json.loads(text)) if text else None

    # -- the investigation report ----------------------------------------------

    def open_report(self, case_id: int) -> None:
        """Create the case's (empty) investigation report unless it exists."""
        self.store.db.execute("INSERT OR IGNORE INTO investigation_reports (case_id) VALUES (?)", [case_id])

    def report_signers(self, case_id: int) -> ReportSigners | None:
        """Who signed as A and B; None when the case has no report row."""
        rows = self.store.query("SELECT a_user_id, b_user_id FROM investigation_reports WHERE case_id = ?", [case_id])
        return ReportSigners(rows[0]["a_user_id"], rows[0]["b_user_id"]) if rows else None

    def report_fully_signed(self, case_id: int) -> bool:
        """Both the A and the B signature are recorded."""
        return bool(self.store.scalar(
            "SELECT 1 FROM investigation_reports WHERE case_id = ? AND a_user_id IS NOT NULL AND b_user_id IS NOT NULL",
            [case_id],
        ))

    def sign_report(self, case_id: int, side: str, user_id: int, signed_at: str) -> None:
        """Record ``user_id`` as signer of ``side`` ("a" or "b") at ``signed_at`` (creates the row if missing)."""
        column = side.lower()
        if column not in _SIDES:
            raise ValueError(f"side must be 'a' or 'b', not {side!r}")
        self.store.db.execute(
            f"INSERT INTO investigation_reports (case_id, {column}_user_id, {column}_signed_at) VALUES (?, ?, ?)"
            f" ON CONFLICT(case_id) DO UPDATE SET {column}_user_id = excluded.{column}_user_id,"
            f" {column}_signed_at = excluded.{column}_signed_at",
            [case_id, user_id, signed_at],
        )

    def set_report_opinion(self, case_id: int, side: str, opinion: str) -> None:
        """A's opinion is the report's conclusion (``opinion``); B's goes to ``b_opinion``."""
        column = {"a": "opinion", "b": "b_opinion"}[side.lower()]
        self.store.db.execute(f"UPDATE investigation_reports SET {column} = ? WHERE case_id = ?", [opinion, case_id])

    def report(self, case_id: int) -> InvestigationReportRecord | None:
        """The report's opinions and signatures with the signers' names (None when the case has no report)."""
        rows = self.store.query(
            "SELECT r.*, COALESCE(ua.display_name, '') AS a_name, COALESCE(ub.display_name, '') AS b_name"
            " FROM investigation_reports r LEFT JOIN users ua ON ua.id = r.a_user_id LEFT JOIN users ub ON ub.id = r.b_user_id"
            " WHERE r.case_id = ?", [case_id])  # fmt: skip
        if not rows:
            return None
        r = rows[0]
        return InvestigationReportRecord(
            case_id=r["case_id"], opinion=r["opinion"] or "", b_opinion=r["b_opinion"] or "", a_user_id=r["a_user_id"],
            a_name=r["a_name"], a_signed_at=r["a_signed_at"], b_user_id=r["b_user_id"], b_name=r["b_name"],
            b_signed_at=r["b_signed_at"],
        )


class CommitteeRepo:
    """The committee (保审会) of a case: attendance, votes and the decision."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- attendance ------------------------------------------------------------

    def set_attendance(self, case_id: int, member_ids: list[int]) -> None:
        """Replace the members recorded as present, in the given order."""
        self.store.db.execute("DELETE FROM committee_attendance WHERE case_id = ?", [case_id])
        for member_id in member_ids:
            self.store.db.execute(
                "INSERT INTO committee_attendance (case_id, member_id) VALUES (?, ?)", [case_id, member_id]
            )

    def is_present(self, case_id: int, member_id: int) -> bool:
        return bool(self.store.scalar(
            "SELECT 1 FROM committee_attendance WHERE case_id = ? AND member_id = ?", [case_id, member_id]
        ))

    def present_count(self, case_id: int) -> int:
        return self.store.count("SELECT COUNT(*) FROM committee_attendance WHERE case_id = ?", [case_id])

    def attendance(self, case_id: int) -> list[int]:
        """Ids of the members present, by id."""
        return [r["member_id"] for r in self.store.query(
            "SELECT member_id FROM committee_attendance WHERE case_id = ? ORDER BY member_id", [case_id])]  # fmt: skip

    def attendance_names(self, case_id: int) -> list[str]:
        """Display names of the members present, in the order they were recorded."""
        return [r["display_name"] for r in self.store.query(
            "SELECT u.display_name FROM committee_attendance a JOIN users u ON u.id = a.member_id"
            " WHERE a.case_id = ? ORDER BY a.rowid", [case_id])]  # fmt: skip

    def present_not_voted(self, case_id: int) -> list[str]:
        """Display names of members present who have not voted yet."""
        return [r["display_name"] for r in self.store.query(
            "SELECT u.display_name FROM committee_attendance a JOIN users u ON u.id = a.member_id"
            " LEFT JOIN committee_votes v ON v.case_id = a.case_id AND v.member_id = a.member_id"
            " WHERE a.case_id = ? AND v.member_id IS NULL", [case_id])]  # fmt: skip

    # -- votes -----------------------------------------------------------------

    def voted_members(self, case_id: int) -> set[int]:
        return {r["member_id"] for r in self.store.query("SELECT member_id FROM committee_votes WHERE case_id = ?", [case_id])}

    def has_voted(self, case_id: int, member_id: int) -> bool:
        return bool(self.store.scalar(
            "SELECT 1 FROM committee_votes WHERE case_id = ? AND member_id = ?", [case_id, member_id]
        ))

    def add_vote(self, case_id: int, member_id: int, vote: str, comment: str, voted_at: str) -> None:
        self.store.db.execute(
            "INSERT INTO committee_votes (case_id, member_id, vote, comment, voted_at) VALUES (?,?,?,?,?)",
            [case_id, member_id, vote, comment, voted_at],
        )

    def replace_vote(self, case_id: int, member_id: int, vote: str, comment: str, voted_at: str) -> None:
        """Overwrite a member's vote (the change itself is audited by the caller)."""
        self.store.db.execute(
            "UPDATE committee_votes SET vote = ?, comment = ?, voted_at = ? WHERE case_id = ? AND member_id = ?",
            [vote, comment, voted_at, case_id, member_id],
        )

    def vote_of(self, case_id: int, member_id: int) -> VoteRecord | None:
        """The member's own vote on this case, or None."""
        votes = self._votes("WHERE v.case_id = ? AND v.member_id = ?", [case_id, member_id])
        return votes[0] if votes else None

    def vote_counts(self, case_id: int) -> dict[str, int]:
        """Number of votes per choice (approve / approve_with_conditions / decline)."""
        return {r["vote"]: r["n"] for r in self.store.query(
            "SELECT vote, COUNT(*) AS n FROM committee_votes WHERE case_id = ? GROUP BY vote", [case_id])}  # fmt: skip

    def condition_comments(self, case_id: int) -> list[str]:
        """Non-empty comments of the approve-with-conditions votes."""
        return [r["comment"] for r in self.store.query(
            "SELECT comment FROM committee_votes WHERE case_id = ? AND vote = 'approve_with_conditions' AND comment != ''",
            [case_id])]  # fmt: skip

    def votes(self, case_id: int) -> list[VoteRecord]:
        """The votes cast on this case, in the order cast."""
        return self._votes("WHERE v.case_id = ? ORDER BY v.rowid", [case_id])

    def vote_lines(self, case_id: int) -> list[VoteRecord]:
        """The votes by time voted (the order the resolution lists them in)."""
        return self._votes("WHERE v.case_id = ? ORDER BY v.voted_at, v.rowid", [case_id])

    def _votes(self, where: str, params: list[int]) -> list[VoteRecord]:
        return [VoteRecord(r["member_id"], r["display_name"], as_vote(r["vote"]), r["comment"] or "", r["voted_at"])
                for r in self.store.query(
                    "SELECT v.member_id, u.display_name, v.vote, v.comment, v.voted_at"
                    f" FROM committee_votes v JOIN users u ON u.id = v.member_id {where}", params)]  # fmt: skip

    # -- the decision ------------------------------------------------------------

    def add_decision(
        self, case_id: int, *, resolution_no: str, meeting_date: str, decision: str, conditions_json: str,
        decided_at: str, recorded_by: int,
    ) -> None:
        self.store.db.execute(
            "INSERT INTO committee_decisions (case_id, resolution_no, meeting_date, decision, conditions_json, decided_at, recorded_by)"
            " VALUES (?,?,?,?,?,?,?)",
            [case_id, resolution_no, meeting_date, decision, conditions_json, decided_at, recorded_by],
        )

    def decision(self, case_id: int) -> CommitteeDecisionRecord | None:
        """The committee's decision on the case (its conditions read from their JSON), or None before it."""
        rows = self.store.query("SELECT * FROM committee_decisions WHERE case_id = ?", [case_id])
        if not rows:
            return None
        r = rows[0]
        return CommitteeDecisionRecord(
            case_id=r["case_id"], resolution_no=r["resolution_no"], meeting_date=required_date(r["meeting_date"]),
            decision=as_vote(r["decision"]), conditions=tuple(json.loads(r["conditions_json"] or "[]")), decided_at=r["decided_at"],
            recorded_by=r["recorded_by"],
        )

    def decision_value(self, case_id: int) -> str | None:
        """approve / approve_with_conditions / decline, or None before the decision."""
        return self.store.scalar_str("SELECT decision FROM committee_decisions WHERE case_id = ?", [case_id])

    def has_decision(self, case_id: int) -> bool:
        return bool(self.store.scalar("SELECT 1 FROM committee_decisions WHERE case_id = ?", [case_id]))

    def set_resolution_no(self, case_id: int, resolution_no: str) -> None:
        """Renumber the decision (a reissued resolution carries the new number)."""
        self.store.db.execute(
            "UPDATE committee_decisions SET resolution_no = ? WHERE case_id = ?", [resolution_no, case_id]
        )
