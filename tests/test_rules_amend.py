"""Issue 13, item 3: intake corrections until the committee; after it, only an explicit amendment that sends the
case back to the investigation, sets the decision aside (kept, audited) and is refused once a loan exists."""

from __future__ import annotations

import json

import pytest

from ipguard import intake, workflow
from ipguard.domain import CreditFlags, Financials, Stage
from ipguard.errors import PermissionDenied, ValidationError, WorkflowError
from ipguard.workflow.queries import available_actions
from tests.workflow_helpers import approve, day, open_case, to_committee, to_in_force


def audit_count(store) -> int:
    return store.audit_head().count


def to_bank_approval(store, c) -> int:
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
    return case_id


def test_intake_corrections_end_at_the_committee_and_point_to_the_amendment(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    for call in (lambda: intake.correct_intake(store, case_id, c.a, reason="企业调整融资需求", requested_amount="800000", expected_version=store.repos.cases.get(case_id).version),
                 lambda: intake.update_financials(store, case_id, Financials(10**9, 1, 1, 0), CreditFlags(True, True, True, False), c.a, expected_version=store.repos.cases.get(case_id).version)):
        with pytest.raises(WorkflowError) as err:
            call()
        assert err.value.key == "intake_closed"
        assert "变更重新上会" in err.value.message("zh") and "amend the case" in err.value.message("en")
    case_id = open_case(store, c, 2)
    to_in_force(store, case_id, c)
    with pytest.raises(WorkflowError) as err:
        intake.correct_intake(store, case_id, c.a, reason="想改", requested_amount="800000",
                              expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "intake_closed" and "变更" not in err.value.message("zh")


def test_an_amendment_needs_a_reason_and_an_underwriter(store, c):
    case_id = to_bank_approval(store, c)
    before = audit_count(store)
    with pytest.raises(ValidationError) as err:
        workflow.amend_case(store, case_id, c.a, "  ", expected_version=store.repos.cases.get(case_id).version)
    assert (err.value.field, err.value.key) == ("amendment_reason", "required")
    for who in (c.ops, c.members[1]):
        with pytest.raises(PermissionDenied) as denied:
            workflow.amend_case(store, case_id, who, "银行要求降低金额", expected_version=store.repos.cases.get(case_id).version)
        assert denied.value.key == "role_required"
    assert audit_count(store) == before and store.repos.cases.get(case_id).stage is Stage.BANK_APPROVAL


def test_amending_after_approval_sends_the_case_back_and_sets_the_decision_aside(store, c):
    case_id = to_bank_approval(store, c)
    decision = store.repos.committee.decision(case_id)
    letter = workflow.intent_letter(store, case_id)
    assert store.repos.cases.terms(case_id) is not None
    version = store.repos.cases.get(case_id).version
    case = workflow.amend_case(store, case_id, c.a, "银行只同意贷款80万元", requested_amount="800000", term_months=6,
                               expected_version=version)
    assert case.stage is Stage.INVESTIGATION
    assert (case.requested_amount, case.term_months) == (80_000_000, 6)
    # The decision's effect is gone: no live decision, votes, attendance, letter or fixed terms.
    assert store.repos.committee.decision(case_id) is None and store.repos.committee.votes(case_id) == []
    assert store.repos.committee.attendance(case_id) == []
    assert workflow.intent_letter(store, case_id) is None
    assert workflow.intent_letter(store, case_id, letter.id).status == "void"
    assert store.repos.cases.terms(case_id) is None and store.repos.cases.assessment_stale(case_id)
    assert all(d.status == "void" for d in store.repos.documents.of_case(case_id))
    # ... and kept whole in the amendment and in the audit trail.
    [amendment] = workflow.amendments(store, case_id)
    assert (amendment.reason, amendment.from_stage, amendment.to_stage) == ("银行只同意贷款80万元", Stage.BANK_APPROVAL, Stage.INVESTIGATION)
    assert amendment.amended_by_name == c.a.display_name
    voided = amendment.voided
    assert voided["committee_decisions"][0]["resolution_no"] == decision.resolution_no
    assert len(voided["committee_votes"]) == len(c.members) and voided["intent_letters"][0]["letter_no"] == letter.letter_no
    entries = store.query("SELECT entity, action, before_json, after_json FROM audit_log WHERE case_id = ? ORDER BY seq DESC LIMIT 3",
                          [case_id])  # fmt: skip
    assert [(e["entity"], e["action"]) for e in entries] == [
        ("case", "stage"), ("committee_decision", "void_decision"), ("case_amendment", "amend")]
    assert json.loads(entries[1]["before_json"])["committee_decisions"][0]["decision"] == "approve"
    assert json.loads(entries[2]["after_json"]) == {"reason": "银行只同意贷款80万元", "requested_amount_fen": 80_000_000,
                                                    "term_months": 6}
    assert store.verify_audit().ok and store.check_rows() == []


def test_an_amended_case_goes_back_to_the_committee_only_on_fresh_figures_and_a_fresh_report(store, c):
    case_id = to_bank_approval(store, c)
    first_resolution = store.repos.committee.decision(case_id).resolution_no
    workflow.amend_case(store, case_id, c.a, "银行只同意贷款80万元", requested_amount="800000", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "report_unsigned"
    workflow.sign_report(store, case_id, "A", c.a, opinion="同意，按变更后金额", expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "assessment_stale"
    result = workflow.assess_case(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    assert result.guarantee_amount <= 80_000_000
    workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    for m in c.members:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], expected_version=store.repos.cases.get(case_id).version)
    second = store.repos.committee.decision(case_id)
    assert second.resolution_no != first_resolution and store.repos.cases.terms(case_id) is not None
    letter = workflow.issue_intent_letter(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert letter.guarantee_amount == result.guarantee_amount and letter.status == "issued"
    assert store.verify_audit().ok and store.check_rows() == []


def test_figures_corrected_after_an_amendment_must_still_pass_screening(store, c):
    case_id = to_bank_approval(store, c)
    workflow.amend_case(store, case_id, c.a, "企业补报财务数据", expected_version=store.repos.cases.get(case_id).version)
    intake.update_financials(store, case_id, Financials(150_000_000, 1, 1, 0), CreditFlags(True, True, True, False), c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.assess_case(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)  # sales of 1.5 M fail the 2 M criterion
    workflow.sign_report(store, case_id, "A", c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", c.b, expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.submit_to_committee(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "criteria_failed"


def test_a_case_waiting_at_the_committee_can_be_amended_and_its_votes_go_with_it(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    workflow.vote(store, case_id, c.members[0], "decline", "数据有误", expected_version=store.repos.cases.get(case_id).version)
    workflow.amend_case(store, case_id, c.b, "调查数据有误，需补充核实", expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.cases.get(case_id).stage is Stage.INVESTIGATION
    assert store.repos.committee.votes(case_id) == [] and store.repos.committee.attendance(case_id) == []
    [amendment] = workflow.amendments(store, case_id)
    assert amendment.voided["committee_decisions"] == [] and amendment.voided["committee_votes"][0]["vote"] == "decline"
    # No decision was set aside: only the amendment is audited, with the stage change.
    actions = [r["action"] for r in store.query("SELECT action FROM audit_log WHERE case_id = ? ORDER BY seq DESC LIMIT 2", [case_id])]
    assert actions == ["stage", "amend"]


def test_no_amendment_once_the_loan_is_disbursed(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    before = audit_count(store)
    with pytest.raises(WorkflowError) as err:
        workflow.amend_case(store, case_id, c.a, "想改金额", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "amend_loan_exists" and "in force" in err.value.message("en").lower()
    assert audit_count(store) == before and store.repos.cases.get(case_id).stage is Stage.IN_FORCE
    state = available_actions(store, case_id, c.a)["amend"]
    assert not state.enabled and "在保" in state.reason


def test_no_amendment_before_the_committee_or_after_a_decline(store, c):
    case_id = open_case(store, c)
    with pytest.raises(WorkflowError) as err:
        workflow.amend_case(store, case_id, c.a, "还在受理", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "wrong_stage"
    workflow.decline(store, case_id, c.a, "不符合准入条件", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        workflow.amend_case(store, case_id, c.a, "想重新上会", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "wrong_stage"


def test_a_stale_version_is_refused(store, c):
    from ipguard.errors import ConflictError

    case_id = to_bank_approval(store, c)
    version = store.repos.cases.get(case_id).version
    with pytest.raises(ConflictError):
        workflow.amend_case(store, case_id, c.a, "银行要求", expected_version=version - 1)
    assert store.repos.cases.get(case_id).stage is Stage.BANK_APPROVAL
