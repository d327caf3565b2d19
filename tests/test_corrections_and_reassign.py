"""Correcting intake records with a reason (until the committee) and reassigning a case's A or B (admin)."""

from __future__ import annotations

import json

import pytest

from ipguard import intake, workflow
from ipguard.domain import Role, Stage
from ipguard.errors import ConflictError, PermissionDenied, ValidationError, WorkflowError
from ipguard.store.records import BankRecord, CaseFilter, ReferrerRecord
from ipguard.workflow.assignment import reassign_case
from ipguard.workflow.queries import available_actions
from tests import factories
from tests.workflow_helpers import open_case, to_committee


def audit(store, case_id, action):
    rows = [r for r in store.query("SELECT * FROM audit_log WHERE case_id = ? AND action = ? ORDER BY seq", [case_id, action])]
    return [(r["entity"], json.loads(r["before_json"] or "null"), json.loads(r["after_json"] or "null")) for r in rows]


# -- corrections ----------------------------------------------------------------------------------


def test_correct_amount_term_bank_referrer_and_company(store, c):
    case_id = open_case(store, c)
    case = store.repos.cases.get(case_id)
    other_bank = store.repos.banks.save(BankRecord(0, "招商银行", "张江支行", "", "", "", 1000, "", 0), acting_user_id=c.admin.id)
    referrer = store.repos.referrers.save(ReferrerRecord(0, "张江园区知识产权服务中心", "园区"), acting_user_id=c.admin.id)
    fixed = intake.correct_intake(
        store, case_id, c.a, reason="申请书金额填写错误", requested_amount="120万", term_months=18,
        bank_id=other_bank.id, referrer_id=referrer.id, recommendation_opinion="推荐",
        company={"name": "上海张江芯微半导体股份有限公司", "controller_name": "李强强", "contact_phone": "021-50000000"},
        expected_version=case.version,
    )
    assert (fixed.requested_amount, fixed.term_months, fixed.bank_id, fixed.referrer_id) == (120_000_000, 18, other_bank.id, referrer.id)
    assert fixed.recommendation_opinion == "推荐" and fixed.version == case.version + 1
    company = store.repos.companies.get(case.company_id)
    assert (company.name, company.controller_name, company.contact_phone) == ("上海张江芯微半导体股份有限公司", "李强强", "021-50000000")
    entries = audit(store, case_id, "correct")
    assert [e[0] for e in entries] == ["company", "case"]
    assert entries[1][1]["requested_amount_fen"] == 100_000_000 and entries[1][2]["reason"] == "申请书金额填写错误"
    assert entries[0][1]["name"] == "上海张江芯微半导体科技有限公司" and entries[0][2]["reason"] == "申请书金额填写错误"
    # The search index follows the corrected name.
    assert store.repos.cases.count(CaseFilter(text="半导体股份")) == 1
    assert store.verify_audit().ok
    # A referrer can be cleared with 0.
    assert intake.correct_intake(store, case_id, c.a, reason="无推荐机构", referrer_id=0, expected_version=store.repos.cases.get(case_id).version).referrer_id is None


def test_a_correction_needs_a_reason_a_change_and_valid_values(store, c):
    case_id = open_case(store, c)
    with pytest.raises(ValidationError) as err:
        intake.correct_intake(store, case_id, c.a, reason=" ", term_months=18, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.field == "reason"
    with pytest.raises(ValidationError) as err:
        intake.correct_intake(store, case_id, c.a, reason="核对", term_months=12, company={"name": "上海张江芯微半导体科技有限公司"}, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "nothing_to_correct"
    with pytest.raises(ValidationError) as err:
        intake.correct_intake(store, case_id, c.a, reason="核对", company={"uscc": "91310000123456789X"}, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.field == "uscc"
    other = open_case(store, c, seed=7)
    with pytest.raises(ConflictError) as err:
        intake.correct_intake(store, case_id, c.a, reason="核对",
                              company={"uscc": store.repos.companies.get(store.repos.cases.get(other).company_id).uscc}, expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "uscc_taken"
    with pytest.raises(PermissionDenied):
        intake.correct_intake(store, case_id, c.ops, reason="核对", term_months=18, expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.cases.get(case_id).term_months == 12


def test_a_correction_makes_the_assessment_stale_and_ends_at_the_committee(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    with pytest.raises(WorkflowError) as err:
        intake.correct_intake(store, case_id, c.a, reason="金额", requested_amount="90万", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "intake_closed"
    fresh = open_case(store, c, seed=3)
    from tests.workflow_helpers import receive_all

    receive_all(store, fresh, c)
    workflow.submit_for_screening(store, fresh, c.a, expected_version=store.repos.cases.get(fresh).version)
    assert not store.repos.cases.assessment_stale(fresh)
    intake.correct_intake(store, fresh, c.b, reason="推荐意见补录", recommendation_opinion="同意推荐", expected_version=store.repos.cases.get(fresh).version)
    assert not store.repos.cases.assessment_stale(fresh)  # the opinion does not feed the rules
    intake.correct_intake(store, fresh, c.b, reason="期限核对", term_months=24, expected_version=store.repos.cases.get(fresh).version)
    assert store.repos.cases.assessment_stale(fresh)
    with pytest.raises(WorkflowError) as err:
        workflow.pass_screening(store, fresh, c.b, expected_version=store.repos.cases.get(fresh).version)
    assert err.value.key == "assessment_stale"


# -- reassignment -----------------------------------------------------------------------------------


def test_admin_reassigns_a_and_b_audited(store, c):
    case_id = open_case(store, c)
    a2 = factories.user(store, "am2", Role.ACCOUNT_MANAGER)
    b2 = factories.user(store, "rm2", Role.RISK_MANAGER)
    assert available_actions(store, case_id, c.admin)["reassign"].enabled
    assert not available_actions(store, case_id, c.a)["reassign"].enabled
    version = store.repos.cases.get(case_id).version
    case = reassign_case(store, case_id, c.admin, account_manager_id=a2.id, risk_manager_id=b2.id, reason="张伟调岗",
                         expected_version=version)
    assert (case.account_manager_id, case.risk_manager_id, case.version) == (a2.id, b2.id, version + 1)
    ((_entity, before, after),) = audit(store, case_id, "reassign")
    assert before["account_manager_id"] == c.a.id and after["risk_manager_id"] == b2.id
    assert after["reason"] == "张伟调岗" and after["names"] == ["Am2", "Rm2"]
    # The case now waits for the new A, and shows on his list.
    from ipguard.workflow.work import my_work, waiting

    assert waiting(store, case_id).waits_for(a2) and not waiting(store, case_id).waits_for(c.a)
    assert [i.case_id for i in my_work(store, a2)] == [case_id] and my_work(store, c.a) == []
    with pytest.raises(ConflictError):
        reassign_case(store, case_id, c.admin, account_manager_id=c.a.id, reason="回调", expected_version=version)


def test_reassign_refusals(store, c):
    case_id = open_case(store, c)
    with pytest.raises(PermissionDenied):
        reassign_case(store, case_id, c.a, account_manager_id=c.a.id, reason="x", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(ValidationError) as err:
        reassign_case(store, case_id, c.admin, account_manager_id=c.ops.id, reason="x", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_role" and err.value.field == "account_manager_id"
    with pytest.raises(ValidationError) as err:
        reassign_case(store, case_id, c.admin, risk_manager_id=c.b.id, reason="x", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_nothing"
    with pytest.raises(ValidationError) as err:
        reassign_case(store, case_id, c.admin, risk_manager_id=c.b.id, account_manager_id=c.a.id, reason=" ", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.field == "reason"
    both = factories.user(store, "both", Role.ACCOUNT_MANAGER, Role.RISK_MANAGER)
    reassign_case(store, case_id, c.admin, account_manager_id=both.id, reason="接手", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(ValidationError) as err:
        reassign_case(store, case_id, c.admin, risk_manager_id=both.id, reason="兼任", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_same_person"
    gone = factories.user(store, "gone", Role.RISK_MANAGER)
    store.repos.users.set_active(gone.id, False, acting_user_id=c.admin.id)
    with pytest.raises(ValidationError) as err:
        reassign_case(store, case_id, c.admin, risk_manager_id=gone.id, reason="x", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_inactive"


def test_a_signature_on_the_report_keeps_a_and_b_apart(store, c):
    from tests.workflow_helpers import receive_all

    dual = factories.user(store, "dual", Role.ACCOUNT_MANAGER, Role.RISK_MANAGER)
    case_id = open_case(store, c)
    reassign_case(store, case_id, c.admin, risk_manager_id=dual.id, reason="B角调整", expected_version=store.repos.cases.get(case_id).version)
    receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.sign_report(store, case_id, "B", dual, expected_version=store.repos.cases.get(case_id).version)
    b2 = factories.user(store, "rm2", Role.RISK_MANAGER)
    reassign_case(store, case_id, c.admin, risk_manager_id=b2.id, reason="B角离职", expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(ValidationError) as err:  # dual signed as B: he cannot be the A
        reassign_case(store, case_id, c.admin, account_manager_id=dual.id, reason="x", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_same_person"


def test_a_committee_participant_cannot_become_a_or_b(store, c):
    sitter = factories.user(store, "sitter", Role.COMMITTEE_MEMBER, Role.RISK_MANAGER)
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members] + [sitter.id], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as err:
        reassign_case(store, case_id, c.admin, risk_manager_id=sitter.id, reason="换人", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_committee_member" and "保审会" in err.value.message()
    assert "committee" in err.value.message("en")
    # After the decision the case may still change hands (post-loan), never to a participant.
    for m in c.members + [sitter]:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], expected_version=store.repos.cases.get(case_id).version)
    a2 = factories.user(store, "am2", Role.ACCOUNT_MANAGER)
    assert reassign_case(store, case_id, c.admin, account_manager_id=a2.id, reason="交接", expected_version=store.repos.cases.get(case_id).version).stage is Stage.INTENT_LETTER
    with pytest.raises(WorkflowError):
        reassign_case(store, case_id, c.admin, risk_manager_id=sitter.id, reason="换人", expected_version=store.repos.cases.get(case_id).version)


def test_reassign_refused_on_a_closed_case(store, c):
    case_id = open_case(store, c)
    workflow.withdraw(store, case_id, c.a, "企业撤回申请", expected_version=store.repos.cases.get(case_id).version)
    a2 = factories.user(store, "am2", Role.ACCOUNT_MANAGER)
    with pytest.raises(WorkflowError) as err:
        reassign_case(store, case_id, c.admin, account_manager_id=a2.id, reason="x", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "reassign_closed"
    assert not available_actions(store, case_id, c.admin)["reassign"].enabled
