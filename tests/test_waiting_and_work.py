"""What a case waits for (the stage bar's 当前等待) and each user's work (待办), through the public API.

A case is walked from intake to in force; at every step the waiting line must
name what the exit action's guard refuses (or the step itself) and who may
take the next step, and every user's to-do list must agree with it: the case
is on a user's list exactly when it waits for that user, with the same step.
"""

from __future__ import annotations

import datetime as dt

from ipguard import clock, workflow
from ipguard.demo.synthetic import generate_cases
from ipguard.domain import Role, Stage
from ipguard.store.records import CaseFilter
from ipguard.workflow.closing import STANDARD_CHECKS
from ipguard.workflow.queries import available_actions
from ipguard.workflow.work import KINDS, count_by_kind, my_work, waiting, waiting_for
from tests import factories
from tests.workflow_helpers import day, open_case, receive_all

# Stages whose steps come from the to-do list's own queries (the others come as reminders of dates).
LISTED = {Stage.INTAKE, Stage.SCREENING, Stage.VALUATION, Stage.INVESTIGATION, Stage.COMMITTEE, Stage.INTENT_LETTER,
          Stage.BANK_APPROVAL, Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT}


def users(c):
    return [c.admin, c.a, c.b, *c.members, c.ops]


def check_agreement(store, case_id, people) -> None:
    """Each user's list holds the case exactly when the case waits for them, with the same step."""
    w = waiting(store, case_id)
    assert waiting_for(store, case_id) == w.text("zh") and waiting_for(store, case_id, "en") == w.text("en")
    for user in people:
        steps = [i for i in my_work(store, user) if i.case_id == case_id and i.action]
        party = w.party_of(user)
        if w.stage not in LISTED:
            continue
        if party is None:
            assert steps == [], (user.username, w.text(), steps)
        else:
            assert [i.action for i in steps] == [party.action], (user.username, w.text(), steps)
        # The step it names is one the user may take now, or one its guard still refuses for the reason shown.
        for item in steps:
            state = available_actions(store, case_id, user)[item.action]
            assert state.enabled or state.reason, (user.username, item.action)


def test_walk_from_intake_to_in_force(store, c):
    people = users(c)
    case_id = open_case(store, c)

    def at(action, *, contains=(), absent=(), who=None):
        w = waiting(store, case_id)
        assert w.action == action, w.text()
        for text in contains:
            assert text in w.text(), w.text()
        for text in absent:
            assert text not in w.text(), w.text()
        if who is not None:
            assert {p.user_id or p.role for p in w.who} == who, w.text()
        check_agreement(store, case_id, people)
        return w

    at("submit_screening", contains=("业务清单尚缺", "A角 Am"), who={c.a.id})
    receive_all(store, case_id, c)
    at("submit_screening", contains=("待提交准入审查",), absent=("尚缺",), who={c.a.id})
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    at("pass_screening", who={c.a.id, c.b.id})
    workflow.pass_screening(store, case_id, c.b, on=day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    at("confirm_valuation", who={c.a.id, c.b.id})
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    w = at("sign_a", contains=("A角、B角签字",), who={c.a.id, c.b.id})
    assert w.text("en").startswith("the investigation report still lacks the A and B signature")
    workflow.sign_report(store, case_id, "A", c.a, opinion="同意", expected_version=store.repos.cases.get(case_id).version)
    at("sign_b", contains=("尚缺B角签字", "B角 Rm"), absent=("A角、",), who={c.b.id})
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    # The bug of issue 15: both signed, and the line still asked for signatures.
    at("submit_committee", contains=("待提交保审会",), absent=("尚缺", "签字"), who={c.a.id, c.b.id})
    workflow.submit_to_committee(store, case_id, c.a, on=day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)
    at("attendance", contains=("不足法定人数",), who={Role.COMMITTEE_MEMBER})
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    at("vote", who={m.id for m in c.members})
    for m in c.members[:4]:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    at("vote", contains=("M4",), absent=("M0",), who={c.members[4].id})
    workflow.vote(store, case_id, c.members[4], "approve_with_conditions", "追加实际控制人配偶担保", expected_version=store.repos.cases.get(case_id).version)
    at("decide", contains=("待形成保审会决议",), who={Role.COMMITTEE_MEMBER})
    workflow.decide(store, case_id, c.members[0], meeting_date=day(store, case_id, 8), expected_version=store.repos.cases.get(case_id).version)
    at("issue_intent_letter", who={c.a.id, Role.OPERATIONS})
    letter = workflow.issue_intent_letter(store, case_id, c.a, issue_date=day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
    w = at("bank_decision", contains=(f"期限 {letter.approval_deadline}", "合作银行"))
    assert w.due == letter.approval_deadline and not w.overdue
    # The A's and the operations' lists carry the deadline; the B sees it as a reminder only.
    a_item = next(i for i in my_work(store, c.a) if i.case_id == case_id)
    assert (a_item.kind, a_item.due) == ("bank", letter.approval_deadline)
    b_items = [i for i in my_work(store, c.b) if i.case_id == case_id]
    assert [(i.kind, i.action, i.reminder) for i in b_items] == [("reminder", "", "bank_approval")]
    with clock.frozen(dt.datetime.combine(letter.approval_deadline + dt.timedelta(days=1), dt.time(9))):
        late = waiting(store, case_id)
        assert late.overdue and "已逾期" in late.text()
        assert next(i for i in my_work(store, c.ops) if i.case_id == case_id).overdue
    guarantee = store.repos.cases.guarantee_amount(case_id)
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  decided_on=day(store, case_id, 14), expected_version=store.repos.cases.get(case_id).version)
    at("record_contract", contains=("保证合同",), who={c.a.id, Role.OPERATIONS})
    for kind in ("guarantee", "counter_guarantee", "pledge"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}", signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    at("complete_contracts", who={c.a.id, Role.OPERATIONS})
    workflow.complete_contracts(store, case_id, c.ops, on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    at("record_registration", contains=("尚未完成质押登记",), who={Role.OPERATIONS})
    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, c.ops, submitted_on="2026-11-17",
                                     registration_no=f"Y2026{asset.id:07d}", registered_on="2026-11-19", certificate_received=True, expected_version=store.repos.cases.get(case_id).version)
    # No condition confirmed yet: the line names the standard ones and the committee's, not "—".
    at("confirm_check", contains=(STANDARD_CHECKS[0][1], "追加实际控制人配偶担保"), absent=("—",), who={Role.OPERATIONS})
    for check in [*STANDARD_CHECKS, ("condition_1", "")]:
        workflow.confirm_check(store, case_id, check[0], c.ops, expected_version=store.repos.cases.get(case_id).version)
    at("record_contract", contains=("借款合同",), who={c.a.id, Role.OPERATIONS})
    workflow.record_contract(store, case_id, c.ops, kind="loan", contract_no="JK-1", signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    at("issue_notice", who={c.a.id, Role.OPERATIONS})
    workflow.issue_disbursement_notice(store, case_id, c.a, issue_date=dt.date(2026, 11, 20), expected_version=store.repos.cases.get(case_id).version)
    at("record_disbursement", who={c.a.id, Role.OPERATIONS})
    workflow.record_disbursement(store, case_id, c.ops, loan_amount=str(guarantee // 100), start_date="2026-11-20",
                                 maturity_date="2027-11-19", loan_contract_no="JK-1", expected_version=store.repos.cases.get(case_id).version)
    w = at("", contains=("2027-11-19",), who=set())
    assert w.due == dt.date(2027, 11, 19)
    assert not [i for u in people for i in my_work(store, u) if i.case_id == case_id]
    with clock.frozen(dt.datetime(2027, 11, 22, 10)):
        matured = waiting(store, case_id)
        assert (matured.action, matured.overdue) == ("deregister", True) and "尚未登记质押注销" in matured.text()
        for asset in store.repos.cases.assets(case_id):
            workflow.record_deregistration(store, case_id, asset.id, c.ops, deregistered_on="2027-11-19", reference="ZX1", expected_version=store.repos.cases.get(case_id).version)
        assert waiting(store, case_id).action == "release"
        workflow.release(store, case_id, c.ops, repaid_on="2027-11-19", expected_version=store.repos.cases.get(case_id).version)
        assert waiting_for(store, case_id) == "" and waiting(store, case_id).who == ()


def test_screening_waits_for_the_risk_managers_justification_only(store, c):
    case_id = open_case(store, c, **{"company.existing_bank_loans": "1500000.00"})  # 销贷比 50 %
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    w = waiting(store, case_id)
    assert w.action == "justify" and "书面说明" in w.text() and [p.user_id for p in w.who] == [c.b.id]
    assert [i.action for i in my_work(store, c.b) if i.case_id == case_id] == ["justify"]
    assert not [i for i in my_work(store, c.a) if i.case_id == case_id]
    check_agreement(store, case_id, users(c))
    workflow.justify(store, case_id, "在手订单充足", c.b, expected_version=store.repos.cases.get(case_id).version)
    assert waiting(store, case_id).action == "pass_screening"
    check_agreement(store, case_id, users(c))


def test_failed_criteria_and_a_stale_assessment(store, c):
    from ipguard import intake
    from ipguard.domain import CreditFlags, Financials

    case_id = open_case(store, c, **{"company.annual_sales": "2000000.00"})
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    w = waiting(store, case_id)
    assert w.action == "pass_screening" and "准入条件未通过" in w.text()
    check_agreement(store, case_id, users(c))
    intake.update_financials(store, case_id, Financials(900_000_000, 80_000_000, 95_000_000, 0),
                             CreditFlags(True, True, True, False), c.a, expected_version=store.repos.cases.get(case_id).version)
    w = waiting(store, case_id)
    assert w.action == "assess" and "重新评估" in w.text() and {p.user_id for p in w.who} == {c.a.id, c.b.id}
    check_agreement(store, case_id, users(c))


def test_a_member_who_worked_the_case_is_not_waited_for(store, c):
    both = factories.user(store, "xu", Role.COMMITTEE_MEMBER, Role.RISK_MANAGER)
    case_id = open_case(store, c)
    store.repos.cases.update_fields(case_id, {"risk_manager_id": both.id})
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.a, on=day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", both, expected_version=store.repos.cases.get(case_id).version)
    workflow.submit_to_committee(store, case_id, c.a, on=day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)
    w = waiting(store, case_id)
    assert w.action == "attendance" and not w.waits_for(both) and w.waits_for(c.members[0])
    assert not [i for i in my_work(store, both) if i.case_id == case_id]
    check_agreement(store, case_id, [*users(c), both])


def test_my_work_counts_and_order(store, c):
    first = open_case(store, c, seed=1)
    second = open_case(store, c, seed=2)
    receive_all(store, second, c)
    items = my_work(store, c.a)
    assert [i.case_id for i in items] == [first, second]  # same stage date: by case number
    counts = count_by_kind(items)
    assert counts["underwriting"] == 2 and counts["overdue"] == 0 and set(KINDS) <= set(counts)
    assert all(i.text.get("en") and i.text.get("zh") for i in items)
    assert my_work(store, c.ops) == [] and my_work(store, c.members[0]) == []


def test_my_work_agrees_with_waiting_over_many_cases(store, c):
    """Synthetic cases spread over every stage: every listed step is one the case waits for, and back."""
    generate_cases(store, 300, seed=11, today=dt.date(2026, 11, 20))
    people = [*users(c), *(store.repos.users.with_role(Role.ACCOUNT_MANAGER)), *(store.repos.users.with_role(Role.RISK_MANAGER))]
    people = list({u.id: u for u in people}.values())
    rows = store.repos.cases.page(CaseFilter(), 0, 300)
    for user in people:
        listed = {i.case_id: i for i in my_work(store, user) if i.action}
        for case_id, item in list(listed.items())[:60]:
            party = waiting(store, case_id).party_of(user)
            assert party is not None and party.action == item.action, (user.username, case_id, item)
        for row in rows[::5]:
            if row.stage in LISTED:
                w = waiting(store, row.id)
                assert (row.id in listed) == w.waits_for(user), (user.username, row.case_no, w.text(), listed.get(row.id))


def test_default_compensation_and_recovery_wait_for_the_desk(store, c):
    from tests.workflow_helpers import to_in_force

    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    with clock.frozen(dt.datetime(2028, 7, 1, 10)):
        workflow.record_default(store, case_id, c.ops, on="2027-12-01", expected_version=store.repos.cases.get(case_id).version)
        w = waiting(store, case_id)
        assert (w.action, w.text()) == ("compensation", "贷款逾期，待代偿（待：A角 Am、业务运营/法务）")
        assert any(i.reminder == "default_uncompensated" for i in my_work(store, c.ops) if i.case_id == case_id)
        workflow.record_compensation(store, case_id, c.ops, amount="100000.00", paid_on="2027-12-10", expected_version=store.repos.cases.get(case_id).version)
        w = waiting(store, case_id)
        assert w.action == "close_recovery" and {p.user_id or p.role for p in w.who} == {c.b.id, Role.OPERATIONS}
        workflow.close_recovery(store, case_id, c.b, on="2028-06-30", note="追偿终结", expected_version=store.repos.cases.get(case_id).version)
        assert waiting_for(store, case_id) == ""
