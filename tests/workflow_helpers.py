"""A cast of users and a walk through the workflow, for workflow tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ipguard import clock, intake, workflow
from ipguard.domain import Role
from ipguard.store import Store
from ipguard.store.records import BankRecord, UserRecord
from tests import factories


@dataclass
class Cast:
    admin: UserRecord
    a: UserRecord
    b: UserRecord
    members: list[UserRecord]
    ops: UserRecord
    bank: BankRecord


def cast(store: Store) -> Cast:
    admin = factories.user(store, "admin", Role.ADMIN)
    return Cast(
        admin=admin,
        a=factories.user(store, "am", Role.ACCOUNT_MANAGER),
        b=factories.user(store, "rm", Role.RISK_MANAGER),
        members=[factories.user(store, f"m{i}", Role.COMMITTEE_MEMBER) for i in range(5)],
        ops=factories.user(store, "ops", Role.OPERATIONS),
        bank=factories.bank(store, admin.id),
    )


def signed_in_cast(store: Store) -> Cast:
    """The cast :func:`cast` made earlier in this database, signed in again (e.g. in a new process)."""
    from ipguard import auth

    def sign(name: str) -> UserRecord:
        return auth.sign_in(store, name, factories.PASSWORD)

    bank = store.repos.banks.all()[0]
    return Cast(sign("admin"), sign("am"), sign("rm"), [sign(f"m{i}") for i in range(5)], sign("ops"), bank)


def open_case(store: Store, c: Cast, seed: int = 1, **overrides: object) -> int:
    data = factories.applicant(seed, **overrides)
    data["bank_id"] = c.bank.id
    data["risk_manager_id"] = c.b.id
    return intake.open_case(store, intake.parse_intake(data), c.a).id


def receive_all(store: Store, case_id: int, c: Cast) -> None:
    for item in store.repos.cases.checklist(case_id):
        intake.set_checklist_item(store, case_id, item.code, "received", c.a, paper_original=True, expected_version=store.repos.cases.get(case_id).version)


def day(store: Store, case_id: int, offset: int) -> dt.date:
    """The case's application date plus ``offset`` days, never after today (business dates run forward)."""
    return min(store.repos.cases.get(case_id).application_date + dt.timedelta(days=offset), clock.today())


def to_committee(store: Store, case_id: int, c: Cast) -> None:
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, on=day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", c.a, opinion="同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.submit_to_committee(store, case_id, c.a, on=day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)


def approve(store: Store, case_id: int, c: Cast) -> None:
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for m in c.members:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], meeting_date=day(store, case_id, 8), expected_version=store.repos.cases.get(case_id).version)


def to_in_force(store: Store, case_id: int, c: Cast) -> None:
    to_disbursement(store, case_id, c)
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    workflow.record_disbursement(store, case_id, c.ops, loan_amount=str(guarantee // 100), start_date="2026-11-20",
                                 maturity_date="2027-11-19", loan_contract_no="HT-loan-1", expected_version=store.repos.cases.get(case_id).version)


def to_disbursement(store: Store, case_id: int, c: Cast) -> None:
    """From intake to 放款: approved, letter, bank approval, contracts, registrations, checks, the notice issued."""
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  interest_rate="3.45%", decided_on=day(store, case_id, 14), expected_version=store.repos.cases.get(case_id).version)
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}-1", signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    workflow.complete_contracts(store, case_id, c.ops, on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, c.ops, submitted_on="2026-11-17",
                                     registration_no=f"Y2026990{asset.id:05d}", registered_on="2026-11-19",
                                     certificate_received=True, expected_version=store.repos.cases.get(case_id).version)
    for check in workflow.disbursement_checks(store, case_id) or []:
        workflow.confirm_check(store, case_id, check.code, c.ops, expected_version=store.repos.cases.get(case_id).version)
    from ipguard.workflow.closing import STANDARD_CHECKS

    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, case_id, code, c.ops, expected_version=store.repos.cases.get(case_id).version)
    workflow.issue_disbursement_notice(store, case_id, c.a, issue_date=dt.date(2026, 11, 20), expected_version=store.repos.cases.get(case_id).version)
