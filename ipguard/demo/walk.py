"""Walk a demo case through the real workflow to a target stage.

Every step goes through the same public API the app uses, back-dated to
plausible business dates (never after ``today``), so demo cases carry full,
consistent histories: assessments, signatures, votes, letters, contracts,
registrations, loans, compensation and recoveries, with audit entries.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from ipguard import intake, workflow
from ipguard.documents.service import issue_document
from ipguard.domain import MAIN_LINE, Role, Stage
from ipguard.rules import add_months
from ipguard.store import Store
from ipguard.workflow.closing import STANDARD_CHECKS

if TYPE_CHECKING:
    from ipguard.demo.build import DemoParties


def walk_to(store: Store, case_id: int, target: Stage, parties: DemoParties, rng: random.Random, today: dt.date) -> None:
    case = store.repos.cases.get(case_id)
    start = case.application_date

    def day(offset: int) -> dt.date:
        return min(start + dt.timedelta(days=offset), today)

    def seen() -> int:
        """The case's version as the acting user reads it before each step (every save names it)."""
        return store.repos.cases.get(case_id).version

    a = parties.by_id(case.account_manager_id)  # type: ignore[arg-type]
    b = parties.by_id(case.risk_manager_id)  # type: ignore[arg-type]
    ops = parties.with_role(Role.OPERATIONS)[0]
    members = [m for m in parties.with_role(Role.COMMITTEE_MEMBER) if m.id not in (a.id, b.id)][:5]

    if target is Stage.WITHDRAWN:
        workflow.withdraw(store, case_id, a, "企业已获得其他融资渠道，申请撤回", on=day(3), expected_version=seen())
        return
    checklist = store.repos.cases.checklist(case_id)
    done = len(checklist) if target is not Stage.INTAKE else rng.randrange(len(checklist))
    for item in checklist[:done]:
        intake.set_checklist_item(store, case_id, item.code, "received", a, on=day(rng.randrange(0, 2)), paper_original=True,
                                  expected_version=seen())
    if target is Stage.INTAKE:
        return
    workflow.submit_for_screening(store, case_id, a, on=day(1), expected_version=seen())
    if target is Stage.DECLINED:
        assessment = workflow.latest_assessment(store, case_id)
        if assessment and not assessment.eligible:
            failed = "；".join(r.explain() for r in assessment.rules if r.outcome == "fail")
            workflow.decline(store, case_id, b, f"准入审查未通过：{failed}", on=day(2), expected_version=seen())
            return
    reached = _reached(target)
    if not reached(Stage.VALUATION):
        return
    assessment = workflow.latest_assessment(store, case_id)
    if assessment and any(r.outcome == "justify" for r in assessment.rules):
        workflow.justify(store, case_id, "企业在手订单充足，销售回款稳定，销贷比超标系阶段性备货所致。", b, expected_version=seen())
    workflow.pass_screening(store, case_id, b, on=day(2), expected_version=seen())
    if not reached(Stage.INVESTIGATION):
        return
    workflow.confirm_valuation(store, case_id, a, on=day(3), expected_version=seen())
    if not reached(Stage.COMMITTEE):
        if target is Stage.INVESTIGATION and rng.random() < 0.5:
            workflow.sign_report(store, case_id, "A", a, opinion="企业技术领先，知识产权质量较好，建议给予担保支持。", on=day(4), expected_version=seen())
        return
    workflow.sign_report(store, case_id, "A", a, opinion="企业技术领先，知识产权质量较好，建议给予担保支持。", on=day(4), expected_version=seen())
    workflow.sign_report(store, case_id, "B", b, opinion="风险可控，同意上会。", on=day(4), expected_version=seen())
    workflow.submit_to_committee(store, case_id, a, on=day(5), expected_version=seen())
    issue_document(store, case_id, "investigation_report", a, issue_date=day(5))
    if not reached(Stage.INTENT_LETTER) and target is not Stage.DECLINED:
        return
    workflow.record_attendance(store, case_id, [m.id for m in members], members[0], expected_version=seen())
    conditions = rng.random() < 0.3
    for i, member in enumerate(members):
        if target is Stage.DECLINED:
            choice = "decline" if i < 3 else "approve"
        else:
            choice = "approve_with_conditions" if conditions and i == 0 else "approve"
        comment = "放款前须追加实际控制人配偶共同担保" if choice == "approve_with_conditions" else ""
        workflow.vote(store, case_id, member, choice, comment, expected_version=seen())
    workflow.decide(store, case_id, members[0], meeting_date=day(7), expected_version=seen())
    issue_document(store, case_id, "committee_resolution", members[0])
    if target is Stage.DECLINED or not reached(Stage.BANK_APPROVAL):
        return
    workflow.issue_intent_letter(store, case_id, a, issue_date=day(8), expected_version=seen())
    if not reached(Stage.CONTRACTS):
        return
    guarantee = store.repos.cases.guarantee_amount(case_id) or 0
    workflow.record_bank_decision(store, case_id, a, approved=True, approved_amount=f"{guarantee // 100}",
                                  interest_rate="3.45%", decided_on=day(11), expected_version=seen())
    if not reached(Stage.PLEDGE_REGISTRATION):
        return
    year = day(12).year
    for kind, prefix in (("guarantee", "BZ"), ("counter_guarantee", "FD"), ("pledge", "ZY"), ("loan", "JK")):
        workflow.record_contract(store, case_id, ops, kind=kind, contract_no=f"{prefix}{year}{case_id:04d}", signed_on=day(12), expected_version=seen())
    workflow.complete_contracts(store, case_id, ops, on=day(12), expected_version=seen())
    if not reached(Stage.DISBURSEMENT):
        return
    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, ops, submitted_on=day(12), registration_no=f"Y{year}99{asset.id:06d}",
                                     registered_on=day(14), certificate_received=True, expected_version=seen())
    for check in workflow.disbursement_checks(store, case_id):
        workflow.confirm_check(store, case_id, check.code, ops, expected_version=seen())
    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, case_id, code, ops, expected_version=seen())
    workflow.issue_disbursement_notice(store, case_id, a, issue_date=day(15), expected_version=seen())
    if not reached(Stage.IN_FORCE):
        return
    loan_start = day(16)
    maturity = add_months(loan_start, case.term_months)
    workflow.record_disbursement(store, case_id, ops, loan_amount=f"{guarantee // 100}", start_date=loan_start,
                                 maturity_date=maturity, loan_contract_no=f"JK{year}{case_id:04d}", expected_version=seen())
    workflow.record_fee_paid(store, case_id, ops, paid_on=day(18), expected_version=seen())
    if target is Stage.IN_FORCE:
        return
    if target is Stage.RELEASED:
        repaid = min(maturity, today)
        for asset in store.repos.cases.assets(case_id):
            workflow.record_deregistration(store, case_id, asset.id, ops, deregistered_on=repaid,
                                           reference=f"ZX{repaid.year}{asset.id:06d}", expected_version=seen())
        workflow.release(store, case_id, ops, repaid_on=repaid, expected_version=seen())
        return
    workflow.record_default(store, case_id, b, on=min(maturity + dt.timedelta(days=1), today), note="到期未能归还贷款本息", expected_version=seen())
    if target is Stage.DEFAULTED:
        return
    paid = min(maturity + dt.timedelta(days=30), today)
    workflow.record_compensation(store, case_id, ops, amount=f"{guarantee // 100}", paid_on=paid, expected_version=seen())
    asset = store.repos.cases.assets(case_id)[0]
    workflow.record_recovery(store, case_id, ops, amount=f"{guarantee // 100 // 5}", on=min(paid + dt.timedelta(days=20), today),
                             source="guarantor", note="实际控制人履行反担保责任", expected_version=seen())
    if target is Stage.RECOVERY:
        return
    workflow.record_recovery(store, case_id, ops, amount=f"{guarantee // 100 // 3}", on=min(paid + dt.timedelta(days=60), today),
                             source="ip_disposal", asset_id=asset.id, note=f"质押专利{asset.number}拍卖处置", expected_version=seen())
    workflow.close_recovery(store, case_id, b, on=min(paid + dt.timedelta(days=90), today), note="处置完毕，追偿终结", expected_version=seen())


def _reached(target: Stage) -> Callable[[Stage], bool]:
    """Whether the walk to ``target`` passes through ``stage`` on the main line."""
    end = MAIN_LINE.index(Stage.IN_FORCE) if target not in MAIN_LINE else MAIN_LINE.index(target)

    def reached(stage: Stage) -> bool:
        return MAIN_LINE.index(stage) <= end

    return reached
