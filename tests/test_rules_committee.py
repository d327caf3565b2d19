"""Issue 13, items 4 and 9: the in-principle override reaches the committee; A and B stay out of it."""

from __future__ import annotations

import pytest

from ipguard import workflow
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from tests import factories
from tests.workflow_helpers import day, open_case, receive_all, to_committee


def vote_all(store, case_id, members, choice="approve"):
    workflow.record_attendance(store, case_id, [m.id for m in members], members[0], expected_version=store.repos.cases.get(case_id).version)
    for m in members:
        workflow.vote(store, case_id, m, choice, "同意", expected_version=store.repos.cases.get(case_id).version)


def test_existing_loans_above_forty_percent_reach_the_committee_with_the_justification(store, c):
    # Existing loans alone are 50% of sales: without the override the amount was 0 and the case stuck.
    case_id = open_case(store, c, **{"company.existing_bank_loans": "2500000.00"})
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "justification_missing"
    result = workflow.justify(store, case_id, "在手订单充足，回款稳定", c.b, expected_version=store.repos.cases.get(case_id).version)
    assert result.eligible and result.guarantee_amount > 0
    lts = next(x for x in result.amount_chain if x.name == "loan_to_sales")
    assert lts.amount is None and "保审会" in lts.explain() and result.justification == "在手订单充足，回款稳定"
    workflow.pass_screening(store, case_id, c.b, on=day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.submit_to_committee(store, case_id, c.a, on=day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.cases.get(case_id).stage is Stage.COMMITTEE


def test_the_committee_may_approve_less_never_more(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    vote_all(store, case_id, c.members)
    recognized = store.repos.cases.guarantee_amount(case_id)
    with pytest.raises(ValidationError) as err:
        workflow.decide(store, case_id, c.members[0], meeting_date=day(store, case_id, 8), approved_amount=str(recognized // 100 + 1), expected_version=store.repos.cases.get(case_id).version)
    assert (err.value.field, err.value.key) == ("approved_amount", "committee_amount_above")
    workflow.decide(store, case_id, c.members[0], meeting_date=day(store, case_id, 8), approved_amount="600000", expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.cases.guarantee_amount(case_id) == 60_000_000


def test_the_cases_own_a_cannot_record_attendance_nor_close_the_vote(store, c):
    both = factories.user(store, "am_member", Role.ACCOUNT_MANAGER, Role.COMMITTEE_MEMBER)
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, on=day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", both, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.submit_to_committee(store, case_id, both, on=day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.record_attendance(store, case_id, [m.id for m in c.members], both, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "conflicted_member"
    with pytest.raises(WorkflowError) as err:
        workflow.record_attendance(store, case_id, [both.id, *(m.id for m in c.members)], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "conflicted_member"  # no quorum count either
    vote_all(store, case_id, c.members)
    with pytest.raises(WorkflowError) as err:
        workflow.decide(store, case_id, both, meeting_date=day(store, case_id, 8), expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "conflicted_member"
    assert store.repos.cases.get(case_id).stage is Stage.COMMITTEE


def test_a_case_at_the_committee_is_not_declined_by_a_or_b_but_may_be_withdrawn_with_reason(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    with pytest.raises(WorkflowError) as err:
        workflow.decline(store, case_id, c.b, "风险太高", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "wrong_stage"
    with pytest.raises(ValidationError):
        workflow.withdraw(store, case_id, c.a, "", expected_version=store.repos.cases.get(case_id).version)
    workflow.withdraw(store, case_id, c.a, "企业主动撤回申请：已获银行信用贷款", expected_version=store.repos.cases.get(case_id).version)
    case = store.repos.cases.get(case_id)
    assert case.stage is Stage.WITHDRAWN
    from ipguard.workflow.queries import available_actions

    other = open_case(store, c, 2)
    to_committee(store, other, c)
    assert not available_actions(store, other, c.b)["decline"].enabled


def test_a_meeting_dated_before_the_submission_or_in_the_future_is_refused(store, c):
    import datetime as dt

    case_id = open_case(store, c)
    to_committee(store, case_id, c)  # submitted on 2026-11-06
    vote_all(store, case_id, c.members)
    for bad, key in ((dt.date(2026, 11, 5), "date_before_step"), (dt.date(2026, 11, 21), "date_in_future")):
        with pytest.raises(ValidationError) as err:
            workflow.decide(store, case_id, c.members[0], meeting_date=bad, expected_version=store.repos.cases.get(case_id).version)
        assert (err.value.field, err.value.key) == ("meeting_date", key)
