"""The facts a user's to-do list (待办) is made of, read in a few set queries.

:func:`ipguard.workflow.work.my_work` turns these rows into work items with
the same rules :func:`ipguard.workflow.work.waiting` applies to one case
through the actions' guards; tests walk a case through every stage and check
that both agree. One query per kind of work, whatever the number of cases.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipguard.domain import Stage
from ipguard.store.records import CommitteeFacts, DeskFacts, UnderwritingFacts, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

_BASE = (
    "SELECT c.id, c.case_no, co.name AS company, c.stage, c.stage_changed_at, c.account_manager_id, c.risk_manager_id,"
    " c.product_code, c.params_version"
)
_FROM = " FROM cases c JOIN companies co ON co.id = c.company_id"

# The latest assessment of the case (the one the guards read).
_LATEST = "(SELECT a.result_json FROM assessments a WHERE a.case_id = c.id ORDER BY a.id DESC LIMIT 1)"


class WorkRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def underwriting(self, user_id: int) -> list[UnderwritingFacts]:
        """Cases from intake to the investigation where ``user_id`` is the A or the B, with the facts the steps read.

        ``assessed`` (an assessment exists), ``stale``, ``failed`` (a criterion fails), ``unjustified`` (an
        in-principle criterion above its limit without the written justification), ``a_signed``/``b_signed``
        and the signers' ids.
        """
        return [UnderwritingFacts(
            **_case(r), assessed=bool(r["assessed"]), stale=bool(r["stale"]), failed=bool(r["failed"]),
            unjustified=bool(r["unjustified"]), a_user_id=r["a_user_id"], b_user_id=r["b_user_id"],
        ) for r in self.store.query(
            _BASE + ", c.assessment_stale AS stale, " + _LATEST + " IS NOT NULL AS assessed,"
            " EXISTS (SELECT 1 FROM json_each(" + _LATEST + ", '$.rules') r"
            "   WHERE json_extract(r.value, '$.outcome') = 'fail') AS failed,"
            " (EXISTS (SELECT 1 FROM json_each(" + _LATEST + ", '$.rules') r"
            "   WHERE json_extract(r.value, '$.outcome') = 'justify')"
            "   AND COALESCE(json_extract(" + _LATEST + ", '$.justification'), '') = '') AS unjustified,"
            " r.a_user_id, r.b_user_id"
            + _FROM + " LEFT JOIN investigation_reports r ON r.case_id = c.id"
            " WHERE c.stage IN ('intake', 'screening', 'valuation', 'investigation')"
            " AND (c.account_manager_id = ? OR c.risk_manager_id = ?)",
            [user_id, user_id],
        )]

    def committee(self, user_id: int) -> list[CommitteeFacts]:
        """Cases before the committee that ``user_id`` did not work on (not its A or B), with attendance and votes.

        ``present`` and ``voted`` count the members; ``user_present``/``user_voted`` are the user's own.
        """
        return [CommitteeFacts(
            **_case(r), present=r["present"], voted=r["voted"], user_present=bool(r["user_present"]),
            user_voted=bool(r["user_voted"]),
        ) for r in self.store.query(
            _BASE + ","
            " (SELECT COUNT(*) FROM committee_attendance a WHERE a.case_id = c.id) AS present,"
            " (SELECT COUNT(*) FROM committee_attendance a JOIN committee_votes v"
            "   ON v.case_id = a.case_id AND v.member_id = a.member_id WHERE a.case_id = c.id) AS voted,"
            " EXISTS (SELECT 1 FROM committee_attendance a WHERE a.case_id = c.id AND a.member_id = ?) AS user_present,"
            " EXISTS (SELECT 1 FROM committee_votes v WHERE v.case_id = c.id AND v.member_id = ?) AS user_voted"
            + _FROM + " LEFT JOIN investigation_reports r ON r.case_id = c.id"
            " WHERE c.stage = 'committee'"
            " AND ? NOT IN (COALESCE(c.account_manager_id, 0), COALESCE(c.risk_manager_id, 0),"
            "               COALESCE(r.a_user_id, 0), COALESCE(r.b_user_id, 0))",
            [user_id, user_id, user_id],
        )]

    def desk(self, account_manager_id: int | None, standard_checks: tuple[str, ...] = ()) -> list[DeskFacts]:
        """Cases from the intent letter to the disbursement, the bank's approval included (all, or the account manager's own), with the facts
        the contracts and the disbursement notice read. ``checks_open`` counts a standard check (code in
        ``standard_checks``) not stored yet as open, as the disbursement notice's guard does."""
        mine = " AND c.account_manager_id = ?" if account_manager_id is not None else ""
        codes = ", ".join("?" for _ in standard_checks) or "NULL"
        return [DeskFacts(
            **_case(r), contracts_signed=r["contracts_signed"], loan_contract=bool(r["loan_contract"]),
            has_registrations=bool(r["has_registrations"]), registrations_pending=bool(r["registrations_pending"]),
            checks_open=bool(r["checks_open"]),
        ) for r in self.store.query(
            _BASE + ","
            " (SELECT COUNT(DISTINCT k.kind) FROM contracts k WHERE k.case_id = c.id"
            "   AND k.kind IN ('guarantee', 'counter_guarantee', 'pledge')) AS contracts_signed,"
            " EXISTS (SELECT 1 FROM contracts k WHERE k.case_id = c.id AND k.kind = 'loan') AS loan_contract,"
            " EXISTS (SELECT 1 FROM pledge_registrations p WHERE p.case_id = c.id) AS has_registrations,"
            " EXISTS (SELECT 1 FROM pledge_registrations p WHERE p.case_id = c.id"
            "   AND (p.registered_on IS NULL OR p.certificate_received = 0)) AS registrations_pending,"
            " EXISTS (SELECT 1 FROM disbursement_checks d WHERE d.case_id = c.id AND d.confirmed_at IS NULL)"
            f"  OR (SELECT COUNT(*) FROM disbursement_checks d WHERE d.case_id = c.id AND d.code IN ({codes})) < ?"
            "  AS checks_open"
            + _FROM + " WHERE c.stage IN ('intent_letter', 'bank_approval', 'contracts', 'pledge_registration', 'disbursement')" + mine,
            [*standard_checks, len(standard_checks), *([account_manager_id] if account_manager_id is not None else [])],
        )]


def _case(r: dict[str, Any]) -> dict[str, Any]:
    """The :class:`WorkCase` fields of a row (the columns of ``_BASE``)."""
    return {"id": r["id"], "case_no": r["case_no"], "company": r["company"], "stage": Stage(r["stage"]),
            "since": required_date(r["stage_changed_at"]), "account_manager_id": r["account_manager_id"],
            "risk_manager_id": r["risk_manager_id"], "product_code": r["product_code"], "params_version": r["params_version"]}
