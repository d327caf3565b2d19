"""Issue 13, item 3: the committee decides on current figures."""

from __future__ import annotations

import pytest

from ipguard import intake, workflow
from ipguard.domain import CreditFlags, Financials, Stage
from ipguard.errors import ValidationError, WorkflowError
from tests.workflow_helpers import day, open_case, receive_all


def to_investigation(store, c) -> int:
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, on=day(store, case_id, 2), expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, on=day(store, case_id, 3), expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "A", c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    return case_id


def test_removing_a_patent_after_valuation_blocks_the_committee_until_reassessed(store, c):
    case_id = to_investigation(store, c)
    extra = workflow.latest_assessment(store, case_id)
    assert extra.guarantee_amount > 0
    asset = store.repos.cases.assets(case_id)[0]
    intake.remove_asset(store, case_id, asset.id, c.a, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "assessment_stale"
    from ipguard.workflow.queries import available_actions

    state = available_actions(store, case_id, c.a)["submit_committee"]
    assert not state.enabled and "重新评估" in state.reason
    # Re-assessment is allowed up to the committee, audited, and the committee sees the new figure.
    result = workflow.assess_case(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert result.guarantee_amount == 0 and store.repos.cases.guarantee_amount(case_id) == 0
    assert store.scalar("SELECT COUNT(*) FROM audit_log WHERE case_id = ? AND entity = 'assessment'", [case_id]) == 2


def test_editing_financials_after_screening_makes_the_assessment_stale(store, c):
    case_id = open_case(store, c)
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, on=day(store, case_id, 1), expected_version=store.repos.cases.get(case_id).version)
    intake.update_financials(store, case_id, Financials(1_000_000_000, 1, 1, 0), CreditFlags(True, True, True, False), c.a, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "assessment_stale"
    workflow.assess_case(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.cases.get(case_id).stage is Stage.VALUATION


def test_correcting_amount_or_term_needs_a_reason_and_ends_at_the_committee(store, c):
    case_id = to_investigation(store, c)
    with pytest.raises(ValidationError) as err:
        intake.correct_intake(store, case_id, c.a, reason="", requested_amount="800000", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.field == "reason"
    intake.correct_intake(store, case_id, c.a, reason="企业调整融资需求", requested_amount="800000", term_months=6, expected_version=store.repos.cases.get(case_id).version)
    case = store.repos.cases.get(case_id)
    assert (case.requested_amount, case.term_months) == (80_000_000, 6)
    entry = store.query("SELECT * FROM audit_log WHERE case_id = ? AND action = 'correct'", [case_id])[0]
    assert "企业调整融资需求" in entry["after_json"]
    with pytest.raises(WorkflowError):
        workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    result = workflow.assess_case(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert result.guarantee_amount <= 80_000_000 and result.term_months == 6
    workflow.submit_to_committee(store, case_id, c.a, on=day(store, case_id, 4), expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        intake.correct_intake(store, case_id, c.a, reason="再改", requested_amount="900000", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "intake_closed"
