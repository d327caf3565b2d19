"""The workflow through the public API: full walks and every refused transition."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard import clock, intake, workflow
from ipguard.domain import Role, Stage
from ipguard.errors import PermissionDenied, ValidationError, WorkflowError
from tests import factories
from tests.workflow_helpers import approve, open_case, receive_all, to_committee, to_in_force


def stage(store, case_id):
    return store.repos.cases.get(case_id).stage


def test_intake_to_release(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    assert stage(store, case_id) is Stage.IN_FORCE
    loan = workflow.loan(store, case_id)
    assert loan.loan_amount == store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id])
    assert isinstance(loan.loan_amount, int) and isinstance(loan.fee, int) and loan.fee > 0
    assert isinstance(loan.start_date, dt.date) and isinstance(loan.maturity_date, dt.date) and loan.fee_paid_on is None
    workflow.record_fee_paid(store, case_id, c.ops, paid_on="2026-11-20", expected_version=store.repos.cases.get(case_id).version)
    with clock.frozen(dt.datetime(2027, 11, 22, 10)):
        for asset in store.repos.cases.assets(case_id):
            workflow.record_deregistration(store, case_id, asset.id, c.ops, deregistered_on="2027-11-19", reference="ZX1", expected_version=store.repos.cases.get(case_id).version)
        workflow.release(store, case_id, c.ops, repaid_on="2027-11-19", expected_version=store.repos.cases.get(case_id).version)
    assert stage(store, case_id) is Stage.RELEASED
    assert all(r.deregistered_on == dt.date(2027, 11, 19) for r in workflow.registrations(store, case_id))
    assert workflow.loan(store, case_id).fee_paid_on == dt.date(2026, 11, 20)
    events = [e.to_stage for e in store.repos.cases.events(case_id)]
    assert events[0] is Stage.INTAKE and events[-1] is Stage.RELEASED
    assert Stage.COMMITTEE in events and Stage.PLEDGE_REGISTRATION in events
    assert store.verify_audit().ok
    kinds = {d["kind"] for d in store.query("SELECT kind FROM documents WHERE case_id = ?", [case_id])}
    assert kinds == {"intent_letter", "disbursement_notice"}


def test_intake_to_compensation_and_closed_recovery(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    with clock.frozen(dt.datetime(2028, 7, 1, 10)):
        workflow.record_default(store, case_id, c.ops, on="2027-12-01", expected_version=store.repos.cases.get(case_id).version)
        split = workflow.record_compensation(store, case_id, c.ops, amount="999999.99", paid_on="2027-12-10", expected_version=store.repos.cases.get(case_id).version)
        assert split.bank_share + split.reguarantor_share + split.retained == 99_999_999
        assert split.bank_share == 20_000_000  # 20% kept by the bank
        workflow.record_recovery(store, case_id, c.ops, amount="300000.00", on="2028-03-01", source="ip_disposal",
                                 asset_id=store.repos.cases.assets(case_id)[0].id, note="专利拍卖", expected_version=store.repos.cases.get(case_id).version)
        workflow.close_recovery(store, case_id, c.b, on="2028-06-30", note="追偿终结", expected_version=store.repos.cases.get(case_id).version)
    assert stage(store, case_id) is Stage.CLOSED
    assert store.verify_audit().ok


@pytest.mark.parametrize(
    ("amount", "bank_bp", "reg_bp"),
    [(1, 2000, 3000), (333, 1000, 3333), (99_999_999_999, 1500, 0), (100_000_001, 10000, 10000), (7, 0, 0)],
)
def test_loss_split_adds_up_exactly(amount, bank_bp, reg_bp):
    split = workflow.split_loss(amount, bank_bp, reg_bp)
    assert split.bank_share + split.reguarantor_share + split.retained == amount
    assert min(split.bank_share, split.reguarantor_share, split.retained) >= 0


def test_screening_needs_a_complete_checklist(store, c):
    case_id = open_case(store, c)
    with pytest.raises(WorkflowError) as err:
        workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert "业务清单尚缺" in err.value.message()
    assert stage(store, case_id) is Stage.INTAKE


def test_loan_to_sales_above_limit_needs_the_risk_managers_justification(store, c):
    # 1,500,000 loans + 1,000,000 requested on 5,000,000 sales = 50%.
    case_id = open_case(store, c, **{"company.existing_bank_loans": "1500000.00"})
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.pass_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert "书面说明" in err.value.message()
    with pytest.raises(PermissionDenied):
        workflow.justify(store, case_id, "客户订单充足", c.a, expected_version=store.repos.cases.get(case_id).version)
    result = workflow.justify(store, case_id, "客户在手订单充足，回款稳定", c.b, expected_version=store.repos.cases.get(case_id).version)
    assert result.eligible
    workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert stage(store, case_id) is Stage.VALUATION
    stored = workflow.latest_assessment(store, case_id)
    assert stored.justification == "客户在手订单充足，回款稳定"


def test_failed_criterion_blocks_screening(store, c):
    case_id = open_case(store, c, **{"company.annual_sales": "2000000.00"})
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert "准入条件未通过" in err.value.message()
    workflow.decline(store, case_id, c.b, "年销售额未达准入标准", expected_version=store.repos.cases.get(case_id).version)
    assert stage(store, case_id) is Stage.DECLINED


def test_report_signed_by_the_same_user_in_both_roles_is_refused(store, c):
    both = factories.user(store, "both", Role.ACCOUNT_MANAGER, Role.RISK_MANAGER)
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", both, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.sign_report(store, case_id, "B", both, expected_version=store.repos.cases.get(case_id).version)
    assert "两个不同的人" in err.value.message()
    with pytest.raises(WorkflowError) as err:
        workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert "B角" in err.value.message()


def test_committee_without_quorum_cannot_decide(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members[:4]], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for m in c.members[:4]:
        workflow.vote(store, case_id, m, "approve", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.decide(store, case_id, c.members[0], expected_version=store.repos.cases.get(case_id).version)
    assert "不足法定人数" in err.value.message()
    assert stage(store, case_id) is Stage.COMMITTEE


def test_a_member_cannot_vote_twice_and_the_account_manager_cannot_vote(store, c):
    double = factories.user(store, "am2", Role.ACCOUNT_MANAGER, Role.COMMITTEE_MEMBER)
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", double, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.record_attendance(store, case_id, [double.id], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    assert "A角或B角" in err.value.message()
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError):
        workflow.vote(store, case_id, double, "approve", expected_version=store.repos.cases.get(case_id).version)
    workflow.vote(store, case_id, c.members[0], "approve", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.vote(store, case_id, c.members[0], "decline", expected_version=store.repos.cases.get(case_id).version)
    assert "已经投过票" in err.value.message()


def test_majority_decline(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for i, m in enumerate(c.members):
        workflow.vote(store, case_id, m, "approve" if i < 3 else "decline", expected_version=store.repos.cases.get(case_id).version)  # 3 of 5 < 2/3
    workflow.decide(store, case_id, c.members[0], expected_version=store.repos.cases.get(case_id).version)
    assert stage(store, case_id) is Stage.DECLINED


def test_disbursement_notice_refused_with_an_unregistered_asset(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=dt.date(2026, 11, 11), expected_version=store.repos.cases.get(case_id).version)
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount="500000", expected_version=store.repos.cases.get(case_id).version)
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}", expected_version=store.repos.cases.get(case_id).version)
    workflow.complete_contracts(store, case_id, c.ops, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.issue_disbursement_notice(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert "尚未完成质押登记" in err.value.message()
    assert store.repos.cases.assets(case_id)[0].number in err.value.message()


def test_disbursement_above_the_approved_amount_is_refused(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)  # walks with the full amount; now try a second case above approval
    second = open_case(store, c, seed=2)
    to_committee(store, second, c)
    approve(store, second, c)
    workflow.issue_intent_letter(store, second, c.a, expected_version=store.repos.cases.get(second).version)
    workflow.record_bank_decision(store, second, c.a, approved=True, approved_amount="100000", expected_version=store.repos.cases.get(second).version)
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, second, c.ops, kind=kind, contract_no=f"HT2-{kind}", expected_version=store.repos.cases.get(second).version)
    workflow.complete_contracts(store, second, c.ops, expected_version=store.repos.cases.get(second).version)
    for asset in store.repos.cases.assets(second):
        workflow.record_registration(store, second, asset.id, c.ops, registration_no="Y1", registered_on="2026-11-20",
                                     certificate_received=True, expected_version=store.repos.cases.get(second).version)
    for check in workflow.disbursement_checks(store, second):
        workflow.confirm_check(store, second, check.code, c.ops, expected_version=store.repos.cases.get(second).version)
    from ipguard.workflow.closing import STANDARD_CHECKS

    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, second, code, c.ops, expected_version=store.repos.cases.get(second).version)
    workflow.issue_disbursement_notice(store, second, c.a, expected_version=store.repos.cases.get(second).version)
    with pytest.raises(ValidationError) as err:
        workflow.record_disbursement(store, second, c.ops, loan_amount="100000.01", start_date="2026-11-20",
                                     maturity_date="2027-11-19", expected_version=store.repos.cases.get(second).version)
    assert err.value.field == "loan_amount" and "银行批准金额" in err.value.message()
    assert stage(store, second) is Stage.DISBURSEMENT


def test_a_user_without_the_role_is_refused_in_the_core(store, c):
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    with pytest.raises(PermissionDenied) as err:
        workflow.submit_for_screening(store, case_id, c.ops, expected_version=store.repos.cases.get(case_id).version)
    assert "没有" in err.value.message()
    with pytest.raises(PermissionDenied):
        intake.set_checklist_item(store, case_id, "recommendation", "missing", c.members[0], expected_version=store.repos.cases.get(case_id).version)


def test_intent_letter_deadline_in_working_days(store, c):
    case_id = open_case(store, c, application_date="2026-09-10")
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    # 2026-09-28 (Mon) + 10 working days crosses National Day: Oct 1-7 off, Sep 20 and Oct 10 worked.
    letter = workflow.issue_intent_letter(store, case_id, c.a, issue_date=dt.date(2026, 9, 28), expected_version=store.repos.cases.get(case_id).version)
    assert letter.letter_no == "浦科担函〔2026〕1号"
    from ipguard.workdays import WorkCalendar

    assert letter.approval_deadline == WorkCalendar().add_workdays(dt.date(2026, 9, 28), 10)
    assert letter.approval_deadline > dt.date(2026, 10, 12)
    assert letter.overdue(letter.approval_deadline + dt.timedelta(days=1))
    assert not letter.overdue(letter.approval_deadline)


def test_transitions_cover_every_stage_and_terminal_stages_go_nowhere():
    for s in Stage:
        assert s in workflow.TRANSITIONS
    for s in (Stage.RELEASED, Stage.CLOSED, Stage.DECLINED, Stage.WITHDRAWN):
        assert not workflow.TRANSITIONS[s]
    assert Stage.WITHDRAWN in workflow.TRANSITIONS[Stage.INTAKE]
    assert Stage.WITHDRAWN not in workflow.TRANSITIONS[Stage.IN_FORCE]


def test_available_actions_say_why_not(store, c):
    from ipguard.workflow.queries import available_actions, reminders, turnaround
    from ipguard.workflow.work import waiting_for

    case_id = open_case(store, c)
    states = available_actions(store, case_id, c.a)
    assert not states["submit_screening"].enabled and "业务清单尚缺" in states["submit_screening"].reason
    assert not available_actions(store, case_id, c.ops)["withdraw"].enabled
    assert "没有" in available_actions(store, case_id, c.ops)["withdraw"].reason
    assert "业务清单尚缺" in waiting_for(store, case_id)
    receive_all(store, case_id, c)
    assert available_actions(store, case_id, c.a)["submit_screening"].enabled
    to_in_force_id = open_case(store, c, seed=5)
    to_in_force(store, to_in_force_id, c)
    t = turnaround(store, to_in_force_id)
    assert t.calendar_days == (dt.date(2026, 11, 20) - dt.date(2026, 11, 2)).days and t.working_days < t.calendar_days
    # Near maturity the dashboard reminds.
    items = reminders(store, dt.date(2027, 11, 1))
    assert any(r.kind == "maturity" and r.case_id == to_in_force_id for r in items)
    assert not any(r.kind == "maturity" for r in reminders(store, dt.date(2027, 1, 1)))


def test_the_loan_term_range_comes_from_the_product_parameters(store, c):
    from ipguard.products import parse_product, product_path

    text = product_path("kuaiyidai").read_text(encoding="utf-8")
    short = parse_product(text.replace("max_term_months = 120", "max_term_months = 36"))

    def refusal(term: int, product=None) -> ValidationError:
        data = factories.applicant(1, term_months=term, bank_id=c.bank.id, risk_manager_id=c.b.id)
        with pytest.raises(ValidationError) as info:
            intake.open_case(store, intake.parse_intake(data), c.a, product=product)
        return info.value

    builtin, narrowed = refusal(121), refusal(121, short)
    assert builtin.field == narrowed.field == "term_months"
    assert (builtin.params["high"], narrowed.params["high"]) == (120, 36)  # the same 121, refused by each product's own bound
    assert refusal(37, short).params["high"] == 36
    case = intake.open_case(store, intake.parse_intake(factories.applicant(1, term_months=36, bank_id=c.bank.id,
                                                                           risk_manager_id=c.b.id)), c.a, product=short)
    assert case.term_months == 36 and intake.term_range(store, case) == (1, 36)  # the case keeps its version's range


def test_closing_records_are_typed(store, c):
    """The store hands out dates as date and money as int fen: no column names or ISO text reach the workflow or the UI."""
    from dataclasses import fields, is_dataclass

    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    decision = store.repos.closing.bank_decision(case_id)
    contracts = workflow.contracts(store, case_id)
    regs = workflow.registrations(store, case_id)
    checks = workflow.disbursement_checks(store, case_id)
    loan = workflow.loan(store, case_id)
    assert decision.approved and isinstance(decision.approved_amount, int) and isinstance(decision.decided_on, dt.date)
    assert all(isinstance(k.signed_on, dt.date) for k in contracts) and {k.kind for k in contracts} >= {"guarantee", "loan"}
    assert all(isinstance(r.registered_on, dt.date) and r.registered and r.deregistered_on is None for r in regs)
    assert all(k.confirmed and isinstance(k.confirmed_on, dt.date) for k in checks)
    for record in (decision, *contracts, *regs, *checks, loan):
        assert is_dataclass(record) and not isinstance(record, dict)
        for f in fields(record):
            value = getattr(record, f.name)
            if f.name.endswith(("_on", "_date", "_until", "deadline")) and value is not None:
                assert isinstance(value, dt.date), f.name
            if f.name in ("approved_amount", "loan_amount", "fee", "amount") and value is not None:
                assert type(value) is int, f.name
