"""A cast of users and a walk through the workflow, for workflow tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ipguard import clock, intake, workflow
from ipguard.domain import MAIN_LINE, Role, Stage
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


def _version(store: Store, case_id: int) -> int:
    return store.repos.cases.get(case_id).version


def _submit(store: Store, case_id: int, c: Cast) -> None:
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=_version(store, case_id))


def _pass_screening(store: Store, case_id: int, c: Cast) -> None:
    workflow.pass_screening(store, case_id, c.b, on=day(store, case_id, 2), expected_version=_version(store, case_id))


def _confirm_valuation(store: Store, case_id: int, c: Cast) -> None:
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=_version(store, case_id))


def _sign_and_submit(store: Store, case_id: int, c: Cast) -> None:
    workflow.sign_report(store, case_id, "A", c.a, opinion="同意", expected_version=_version(store, case_id))
    workflow.sign_report(store, case_id, "B", c.b, expected_version=_version(store, case_id))
    workflow.submit_to_committee(store, case_id, c.a, on=day(store, case_id, 4), expected_version=_version(store, case_id))


def approve(store: Store, case_id: int, c: Cast) -> None:
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=_version(store, case_id))
    for m in c.members:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=_version(store, case_id))
    workflow.decide(store, case_id, c.members[0], meeting_date=day(store, case_id, 8), expected_version=_version(store, case_id))


def _issue_letter(store: Store, case_id: int, c: Cast) -> None:
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=day(store, case_id, 9), expected_version=_version(store, case_id))


def _bank_approves(store: Store, case_id: int, c: Cast) -> None:
    guarantee = store.repos.cases.guarantee_amount(case_id)
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  interest_rate="3.45%", decided_on=day(store, case_id, 14), expected_version=_version(store, case_id))


def _sign_contracts(store: Store, case_id: int, c: Cast) -> None:
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}-1", signed_on=day(store, case_id, 15), expected_version=_version(store, case_id))
    workflow.complete_contracts(store, case_id, c.ops, on=day(store, case_id, 15), expected_version=_version(store, case_id))


def _register_and_notify(store: Store, case_id: int, c: Cast) -> None:
    """Registrations, every disbursement check confirmed, the notice issued."""
    from ipguard.workflow.closing import STANDARD_CHECKS

    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, c.ops, submitted_on="2026-11-17",
                                     registration_no=f"Y2026990{asset.id:05d}", registered_on="2026-11-19",
                                     certificate_received=True, expected_version=_version(store, case_id))
    for check in workflow.disbursement_checks(store, case_id) or []:
        workflow.confirm_check(store, case_id, check.code, c.ops, expected_version=_version(store, case_id))
    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, case_id, code, c.ops, expected_version=_version(store, case_id))
    workflow.issue_disbursement_notice(store, case_id, c.a, issue_date=dt.date(2026, 11, 20), expected_version=_version(store, case_id))


def _disburse(store: Store, case_id: int, c: Cast) -> None:
    guarantee = store.repos.cases.guarantee_amount(case_id)
    workflow.record_disbursement(store, case_id, c.ops, loan_amount=str(guarantee // 100), start_date="2026-11-20",
                                 maturity_date="2027-11-19", loan_contract_no="HT-loan-1", expected_version=_version(store, case_id))


#: The step that takes a case from each main-line stage to the next (the committee approves).
NEXT_STEP = {
    Stage.INTAKE: _submit,
    Stage.SCREENING: _pass_screening,
    Stage.VALUATION: _confirm_valuation,
    Stage.INVESTIGATION: _sign_and_submit,
    Stage.COMMITTEE: approve,
    Stage.INTENT_LETTER: _issue_letter,
    Stage.BANK_APPROVAL: _bank_approves,
    Stage.CONTRACTS: _sign_contracts,
    Stage.PLEDGE_REGISTRATION: _register_and_notify,
    Stage.DISBURSEMENT: _disburse,
}


def to_stage(store: Store, case_id: int, c: Cast, stage: Stage) -> None:
    """Walk the case forward along the main line until it stands at ``stage`` (intake … in force)."""
    if stage not in MAIN_LINE[: MAIN_LINE.index(Stage.IN_FORCE) + 1]:
        raise ValueError(f"no walk to {stage}: reach it from a main-line stage with its own step")
    while (now := store.repos.cases.get(case_id).stage) is not stage:
        if now not in NEXT_STEP:
            raise ValueError(f"the case stands at {now}, past {stage}")
        NEXT_STEP[now](store, case_id, c)


def to_committee(store: Store, case_id: int, c: Cast) -> None:
    to_stage(store, case_id, c, Stage.COMMITTEE)


def to_disbursement(store: Store, case_id: int, c: Cast) -> None:
    """From intake to 放款: approved, letter, bank approval, contracts, registrations, checks, the notice issued."""
    to_stage(store, case_id, c, Stage.DISBURSEMENT)


def to_in_force(store: Store, case_id: int, c: Cast) -> None:
    to_stage(store, case_id, c, Stage.IN_FORCE)
