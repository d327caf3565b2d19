"""Undoing the last stage step (撤销上一步, issue 15): the whitelist, what it voids, who, and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard import clock, workflow
from ipguard.domain import Role, Stage
from ipguard.errors import ConflictError, PermissionDenied, ValidationError, WorkflowError
from ipguard.store.audit import entries_for_case
from ipguard.workflow.queries import available_actions
from ipguard.workflow.reversal import reversal_plan
from tests import factories
from tests import workflow_helpers as wh


def version(store, case_id):
    return store.repos.cases.get(case_id).version


def reverse(store, case_id, user, reason="误操作，退回更正"):
    return workflow.reverse_last_step(store, case_id, user, reason=reason, expected_version=version(store, case_id))


def refusal_key(store, case_id, user):
    with pytest.raises(WorkflowError) as err:
        reverse(store, case_id, user)
    return err.value.key


# -- allowed reversals --------------------------------------------------------------------------------


@pytest.mark.parametrize(("stage", "back"), [
    (Stage.SCREENING, Stage.INTAKE),
    (Stage.VALUATION, Stage.SCREENING),
    (Stage.INVESTIGATION, Stage.VALUATION),
])
def test_underwriting_steps_go_back_one_stage(store, c, case_at, stage, back):
    case_id = case_at(stage)
    before = store.repos.cases.get(case_id)
    case = reverse(store, case_id, c.b)
    assert case.stage is back and case.version == before.version + 1
    last = store.repos.cases.events(case_id)[-1]
    assert (last.from_stage, last.to_stage) == (stage, back) and last.note_text() == "撤销上一步：误操作，退回更正" and last.note == "误操作，退回更正"
    # the step can then be done again
    wh.NEXT_STEP[back](store, case_id, c)
    assert store.repos.cases.get(case_id).stage is stage


def test_submission_to_the_committee_goes_back_until_the_committee_sits(store, c, case_at):
    case_id = case_at(Stage.COMMITTEE)
    assert reverse(store, case_id, c.a).stage is Stage.INVESTIGATION
    assert store.repos.underwriting.report_fully_signed(case_id)  # the signatures stay: nothing rested on the submission
    workflow.submit_to_committee(store, case_id, c.a, expected_version=version(store, case_id))
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=version(store, case_id))
    assert refusal_key(store, case_id, c.a) == "reversal_blocked"


def test_a_submission_taken_back_takes_back_the_investigation_report_s_issue(store, c, case_at):
    from ipguard.documents.service import issue_document

    case_id = case_at(Stage.COMMITTEE)
    reverse(store, case_id, c.a)
    with pytest.raises(WorkflowError) as err:  # back at the investigation: the report may still change
        issue_document(store, case_id, "investigation_report", c.a)
    assert err.value.key == "document_stage"
    workflow.submit_to_committee(store, case_id, c.a, expected_version=version(store, case_id))
    assert issue_document(store, case_id, "investigation_report", c.a).doc_no


def test_bank_decision_recorded_by_mistake_is_voided_and_kept(store, c, case_at):
    case_id = case_at(Stage.CONTRACTS)
    decision = store.repos.closing.bank_decision(case_id)
    assert decision is not None
    plan = reversal_plan(store, case_id, c.ops)
    assert (plan.from_stage, plan.to_stage) == (Stage.CONTRACTS, Stage.BANK_APPROVAL)
    assert "银行审批结果（批准" in plan.consequence("zh") and "the bank's decision (approved" in plan.consequence("en")
    case = reverse(store, case_id, c.ops, "银行批准金额录错")
    assert case.stage is Stage.BANK_APPROVAL
    assert store.repos.closing.bank_decision(case_id) is None  # no longer live: nothing counts it
    assert store.repos.closing.approved_amount(case_id) is None
    [kept] = workflow.reversals(store, case_id)
    assert kept.reason == "银行批准金额录错" and kept.voided["bank_decisions"][0]["decision"] == "approved"
    assert (kept.from_stage, kept.to_stage, kept.reversed_by) == (Stage.CONTRACTS, Stage.BANK_APPROVAL, c.ops.id)
    # the corrected decision is recorded anew, dated as the mistaken one could be
    guarantee = store.repos.cases.guarantee_amount(case_id)
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  decided_on=decision.decided_on, expected_version=version(store, case_id))
    assert store.repos.cases.get(case_id).stage is Stage.CONTRACTS


def test_bank_decision_is_not_undone_once_a_contract_is_recorded(store, c, case_at):
    case_id = case_at(Stage.CONTRACTS)
    workflow.record_contract(store, case_id, c.ops, kind="guarantee", contract_no="HT-1", expected_version=version(store, case_id))
    with pytest.raises(WorkflowError) as err:
        reverse(store, case_id, c.ops)
    assert err.value.key == "reversal_blocked" and "合同" in err.value.message("zh")


def test_completed_contracts_are_voided_and_stop_counting(store, c, case_at):
    case_id = case_at(Stage.PLEDGE_REGISTRATION)
    assert len(store.repos.closing.contracts(case_id)) == 4
    [desk] = [f for f in store.repos.work.desk(None) if f.id == case_id]
    assert desk.contracts_signed == 3
    case = reverse(store, case_id, c.a, "合同编号登记错误")
    assert case.stage is Stage.CONTRACTS
    assert store.repos.closing.contracts(case_id) == [] and store.repos.closing.contract_numbers(case_id) == {}
    assert store.repos.closing.registrations(case_id) == []  # the empty rows the completion opened
    [kept] = workflow.reversals(store, case_id)
    assert sorted(r["contract_no"] for r in kept.voided["contracts"]) == [
        "HT-counter_guarantee-1", "HT-guarantee-1", "HT-loan-1", "HT-pledge-1"]
    assert available_actions(store, case_id, c.ops)["complete_contracts"].enabled is False  # voided ones do not count
    [desk] = [f for f in store.repos.work.desk(None) if f.id == case_id]
    assert desk.contracts_signed == 0 and not desk.loan_contract
    for kind in ("guarantee", "counter_guarantee", "pledge"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT2-{kind}", expected_version=version(store, case_id))
    workflow.complete_contracts(store, case_id, c.ops, expected_version=version(store, case_id))
    assert {x.contract_no for x in store.repos.closing.contracts(case_id)} == {"HT2-guarantee", "HT2-counter_guarantee", "HT2-pledge"}


def test_contracts_are_not_undone_once_a_registration_is_recorded(store, c, case_at):
    case_id = case_at(Stage.PLEDGE_REGISTRATION)
    asset = store.repos.cases.assets(case_id)[0]
    workflow.record_registration(store, case_id, asset.id, c.ops, submitted_on="2026-11-19", expected_version=version(store, case_id))
    assert refusal_key(store, case_id, c.a) == "reversal_blocked"


# -- reopening --------------------------------------------------------------------------------------------


def test_a_withdrawal_by_mistake_is_reopened_by_the_risk_manager_only(store, c, case_at):
    case_id = case_at(Stage.VALUATION)
    workflow.withdraw(store, case_id, c.a, "企业撤回", expected_version=version(store, case_id))
    with pytest.raises(PermissionDenied):
        reverse(store, case_id, c.a)
    case = reverse(store, case_id, c.b, "并非企业撤回，误点")
    assert case.stage is Stage.VALUATION
    [kept] = workflow.reversals(store, case_id)
    assert kept.voided == {"closed_reason": "企业撤回"}


def test_a_bank_refusal_by_mistake_is_reopened_at_the_bank_approval(store, c, case_at):
    case_id = case_at(Stage.BANK_APPROVAL)
    workflow.record_bank_decision(store, case_id, c.a, approved=False, expected_version=version(store, case_id))
    assert store.repos.cases.get(case_id).stage is Stage.DECLINED
    case = reverse(store, case_id, c.admin, "银行实际已批准，录成拒绝")
    assert case.stage is Stage.BANK_APPROVAL and store.repos.closing.bank_decision(case_id) is None
    assert workflow.reversals(store, case_id)[0].voided["bank_decisions"][0]["decision"] == "refused"


def test_a_decline_of_an_ended_month_is_not_reopened(store, c, case_at):
    case_id = case_at(Stage.SCREENING)
    workflow.decline(store, case_id, c.b, "不符合准入", expected_version=version(store, case_id))
    with clock.frozen(dt.datetime(2026, 12, 2, 9, 0)):
        assert refusal_key(store, case_id, c.b) == "reversal_month_closed"


def test_a_reopened_screening_decline_is_no_longer_counted_in_the_month(store, c, case_at):
    case_id = case_at(Stage.SCREENING)
    workflow.decline(store, case_id, c.b, "不符合准入", expected_version=version(store, case_id))
    first, last = dt.date(2026, 11, 1), dt.date(2026, 11, 20)
    assert store.repos.reporting.month_counts(first, last).screened_out == 1
    reverse(store, case_id, c.b, "误否决")
    assert store.repos.reporting.month_counts(first, last).screened_out == 0


def test_reopening_is_refused_when_an_asset_is_pledged_in_another_live_case(store, c, case_at):
    case_id = case_at(Stage.SCREENING)
    workflow.withdraw(store, case_id, c.a, "企业撤回", expected_version=version(store, case_id))
    asset = store.repos.cases.assets(case_id)[0]
    other = wh.open_case(store, c, seed=1)  # the same applicant and assets, now free again
    assert any(a.number == asset.number for a in store.repos.cases.assets(other))
    assert refusal_key(store, case_id, c.b) == "reversal_asset_taken"


# -- refused kinds ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stage", "key", "instead"), [
    (Stage.INTENT_LETTER, "reversal_numbered", "变更重新上会"),
    (Stage.BANK_APPROVAL, "reversal_numbered", "重新出具"),
    (Stage.DISBURSEMENT, "reversal_numbered", "重新出具"),
    (Stage.IN_FORCE, "reversal_money", "在保"),
])
def test_steps_that_used_a_number_or_moved_money_are_refused_with_what_to_do(store, c, case_at, stage, key, instead):
    case_id = case_at(stage)
    with pytest.raises(WorkflowError) as err:
        reverse(store, case_id, c.admin)
    assert err.value.key == key and instead in err.value.message("zh"), err.value.message("zh")
    assert err.value.message("en") != err.value.message("zh")
    assert store.repos.cases.get(case_id).stage is stage  # nothing written


def test_the_number_used_is_named(store, c, case_at):
    case_id = case_at(Stage.BANK_APPROVAL)
    letter = workflow.intent_letter(store, case_id)
    with pytest.raises(WorkflowError) as err:
        reverse(store, case_id, c.admin)
    assert letter is not None and letter.letter_no in err.value.message("zh")


def test_ended_guarantees_are_refused(store, c, case_at):
    case_id = case_at(Stage.IN_FORCE)
    workflow.record_default(store, case_id, c.ops, expected_version=version(store, case_id))
    assert refusal_key(store, case_id, c.admin) == "reversal_guarantee_ended"


def test_a_committee_decline_is_refused(store, c, case_at):
    case_id = case_at(Stage.COMMITTEE)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=version(store, case_id))
    for m in c.members:
        workflow.vote(store, case_id, m, "decline", "不同意", expected_version=version(store, case_id))
    workflow.decide(store, case_id, c.members[0], expected_version=version(store, case_id))
    assert store.repos.cases.get(case_id).stage is Stage.DECLINED
    assert refusal_key(store, case_id, c.admin) == "reversal_numbered"


def test_an_amendment_and_an_undo_are_not_undone(store, c, case_at):
    case_id = case_at(Stage.INTENT_LETTER)
    workflow.amend_case(store, case_id, c.a, "调整金额", expected_version=version(store, case_id))
    assert refusal_key(store, case_id, c.admin) == "reversal_amendment"
    other = case_at(Stage.SCREENING, seed=2)
    reverse(store, other, c.a)
    assert refusal_key(store, other, c.admin) == "reversal_undone"


def test_nothing_to_undo_at_intake(store, c):
    case_id = wh.open_case(store, c)
    assert refusal_key(store, case_id, c.admin) == "reversal_nothing"


# -- reason, version, role, audit ------------------------------------------------------------------------


def test_a_reason_is_required_and_bounded(store, c, case_at):
    case_id = case_at(Stage.SCREENING)
    with pytest.raises(ValidationError) as err:
        reverse(store, case_id, c.a, "  ")
    assert err.value.field == "reversal_reason" and err.value.key == "required"
    with pytest.raises(ValidationError) as err:
        reverse(store, case_id, c.a, "长" * 1001)
    assert err.value.key == "text_too_long"
    assert store.repos.cases.get(case_id).stage is Stage.SCREENING


def test_a_stale_version_is_refused(store, c, case_at):
    case_id = case_at(Stage.SCREENING)
    with pytest.raises(ConflictError) as err:
        workflow.reverse_last_step(store, case_id, c.a, reason="误操作", expected_version=version(store, case_id) - 1)
    assert err.value.key == "stale_version" and store.repos.cases.get(case_id).stage is Stage.SCREENING


def test_who_may_undo_a_step(store, c, case_at):
    case_id = case_at(Stage.SCREENING)
    with pytest.raises(PermissionDenied):
        reverse(store, case_id, c.ops)  # operations do not screen
    member = factories.user(store, "member9", Role.COMMITTEE_MEMBER)
    with pytest.raises(PermissionDenied):
        reverse(store, case_id, member)
    assert reverse(store, case_id, c.b).stage is Stage.INTAKE  # the risk manager may undo any step


def test_the_audit_entry_records_stages_reason_and_what_was_voided(store, c, case_at):
    case_id = case_at(Stage.CONTRACTS)
    reverse(store, case_id, c.a, "银行审批录错")
    entries = entries_for_case(store.db, case_id)
    [entry] = [e for e in entries if e.entity == "case_reversal"]
    assert entry.action == "reverse" and entry.user_id == c.a.id
    assert entry.before["stage"] == "contracts" and entry.before["voided"]["bank_decisions"][0]["decision"] == "approved"
    assert entry.after["stage"] == "bank_approval" and entry.after["reason"] == "银行审批录错"
    stage_entry = [e for e in entries if e.entity == "case" and e.action == "stage"][-1]
    assert stage_entry.after["stage"] == "bank_approval"


def test_the_action_state_says_why_not(store, c, case_at):
    case_id = case_at(Stage.BANK_APPROVAL)
    state = available_actions(store, case_id, c.a)["reverse_last_step"]
    assert not state.enabled and "意向函" in state.reason
    state_en = available_actions(store, case_id, c.a, "en")["reverse_last_step"]
    assert "intent letter" in state_en.reason
    assert available_actions(store, case_at(Stage.SCREENING, seed=2), c.a)["reverse_last_step"].enabled


def test_reopening_at_an_approved_stage_checks_the_limits_again(store, c, case_at):
    from ipguard import admin

    case_id = case_at(Stage.BANK_APPROVAL)
    workflow.withdraw(store, case_id, c.a, "企业撤回", expected_version=version(store, case_id))
    # meanwhile the guarantor's net assets fall: the case no longer fits the single-client limit
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=1_000_000, mainly_small_micro=False,
                                   effective_date=clock.today())
    assert refusal_key(store, case_id, c.b) == "limit_exceeded"
    assert store.repos.cases.get(case_id).stage is Stage.WITHDRAWN


def test_a_withdrawal_at_an_approved_stage_is_reopened_within_the_limits(store, c, case_at):
    case_id = case_at(Stage.PLEDGE_REGISTRATION)
    workflow.withdraw(store, case_id, c.a, "企业撤回", expected_version=version(store, case_id))
    case = reverse(store, case_id, c.b, "误点撤回")
    assert case.stage is Stage.PLEDGE_REGISTRATION
    assert len(store.repos.closing.contracts(case_id)) == 4  # a reopening voids nothing but a bank refusal


def test_a_file_on_the_bank_decision_blocks_its_reversal(store, c, case_at):
    from ipguard.casefile import service as casefile

    case_id = case_at(Stage.CONTRACTS)
    casefile.attach(store, case_id, c.a, data=b"%PDF-1.4 bank approval", name="bank.pdf", record=("bank_decision", ""),
                    expected_version=version(store, case_id))
    with pytest.raises(WorkflowError) as err:
        reverse(store, case_id, c.a)
    assert err.value.key == "reversal_blocked" and "档案文件 1 份" in err.value.message("zh")
