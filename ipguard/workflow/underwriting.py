"""Intake → screening → valuation → investigation: the underwriting steps.

The assessment (access criteria, value recognition, guarantee amount, fee)
is computed by :mod:`ipguard.rules` under the parameter version the case was
opened with, and stored whole as JSON, so it explains itself later even after
the parameters change.
"""

from __future__ import annotations

import datetime as dt
import json

from ipguard import catalog, clock, messages
from ipguard.domain import CreditFlags, Financials, Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.rules import stage_notes
from ipguard.rules.assess import Applicant, Assessment, assess
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.validators import check_text
from ipguard.workflow import limits
from ipguard.workflow.common import case_action, move, record

messages.register(
    {
        "checklist_incomplete": ("业务清单尚缺：{items}", "materials still missing: {items}"),
        "no_assets": ("案件还没有质押的知识产权", "the case pledges no IP asset yet"),
        "no_bank": ("请先选择合作银行", "choose the bank first"),
        "no_risk_manager": ("请先指定风控经理（B角）", "assign the risk manager (B role) first"),
        "not_assessed": ("尚未进行准入评估", "the case has not been assessed yet"),
        "criteria_failed": ("准入条件未通过：{rules}", "access criteria failed: {rules}"),
        "justification_missing": ("{rules}超出原则性标准，需要风控经理的书面说明", "{rules} above the in-principle limit needs the risk manager's written justification"),
        "nothing_to_justify": ("准入评估中没有需要书面说明的事项", "no criterion of the assessment needs a justification"),
        "zero_amount": ("认定的担保额为零，不能继续", "the guarantee amount is zero; the case cannot go on"),
        "assessment_stale": (
            "评估之后受理资料已修改，请重新评估后再继续",
            "the intake records changed after the assessment; reassess before going on",
        ),
    }
)

UNDERWRITERS = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)
# Re-assessment is allowed up to the committee (the committee then sees the current figures).
ASSESSABLE_STAGES = (Stage.SCREENING, Stage.VALUATION, Stage.INVESTIGATION)


def freshness_refusal(store: Store, case_id: int) -> WorkflowError | None:
    """A missing or stale assessment (intake records changed since) blocks the next step."""
    if not store.repos.underwriting.has_assessment(case_id):
        return WorkflowError("not_assessed")
    if store.repos.cases.assessment_stale(case_id):
        return WorkflowError("assessment_stale")
    return None


def submit_for_screening(
    store: Store, case_id: int, user: UserRecord, *, on: dt.date | None = None, expected_version: int
) -> CaseRecord:
    """受理 → 准入: the intake file is complete."""
    with case_action(store, case_id, user, roles=(Role.ACCOUNT_MANAGER, Role.ADMIN), stages=(Stage.INTAKE,),
                     action=Text("提交准入审查", "submit for screening"), expected_version=expected_version) as case:
        missing = [i.label for i in store.repos.cases.checklist(case_id) if i.required and i.status != "received"]
        if missing:
            raise WorkflowError("checklist_incomplete", items="、".join(missing))
        if not store.repos.cases.assets(case_id):
            raise WorkflowError("no_assets")
        if case.bank_id is None:
            raise WorkflowError("no_bank")
        if case.risk_manager_id is None:
            raise WorkflowError("no_risk_manager")
        move(store, case, Stage.SCREENING, user, on or clock.today())
    # The assessment is the second half of the same user action: it starts from the version just written.
    assess_case(store, case_id, user, expected_version=store.repos.cases.get(case_id).version)
    return store.repos.cases.get(case_id)


def applicant_for(store: Store, case: CaseRecord) -> Applicant:
    """The rules' view of a stored case."""
    company = store.repos.companies.get(case.company_id)
    fin = store.repos.cases.financials(case.id)
    if fin is None:
        raise ValidationError("annual_sales", "required")
    return Applicant(
        company_name=company.name,
        uscc=company.uscc,
        financials=Financials(fin.annual_sales, fin.net_assets_last_year, fin.net_assets_current, fin.existing_bank_loans),
        credit=CreditFlags(fin.company_credit_good, fin.controller_credit_good, fin.counter_guarantee,
                           fin.major_negative_info, fin.negative_info_note),
        requested_amount=case.requested_amount,
        term_months=case.term_months,
        application_date=case.application_date,
        assets=tuple(a.to_domain() for a in store.repos.cases.assets(case.id)),
        justification=_justification(store, case.id) or None,
        target_tags=case.target_tags,
        pledged_elsewhere=store.repos.cases.assets_in_other_live_cases(case.id),
    )


def _justification(store: Store, case_id: int) -> str:
    return store.repos.underwriting.justification(case_id) or ""


def client_in_force(store: Store, company_id: int, exclude_case_id: int | None = None) -> int:
    """What the company already has guaranteed and in force (fen)."""
    return store.repos.underwriting.client_in_force(company_id, exclude_case_id)


def assess_case(store: Store, case_id: int, user: UserRecord, *, expected_version: int) -> Assessment:
    """Run the rules on the case as stored and keep the result (screening or valuation stage)."""
    with case_action(store, case_id, user, roles=UNDERWRITERS, stages=ASSESSABLE_STAGES,
                     action=Text("准入评估", "assess the case"), expected_version=expected_version) as case:
        product = catalog.product_version(store, case.product_code, case.params_version)
        e = limits.exposure(store, case)
        result = assess(
            applicant_for(store, case),
            product,
            guarantor_net_assets=limits.guarantor_net_assets(store),
            client_in_force=e.client,
            group_exposure=e.group,
            book_exposure=e.book,
            mainly_small_micro=limits.mainly_small_micro(store),
            calendar=catalog.calendar(store),
        )
        payload = result.to_json()
        store.repos.underwriting.add_assessment(
            case.id, params_version=product.version, assessed_at=store.now(), assessed_by=user.id,
            eligible=result.eligible, result_json=json.dumps(payload, ensure_ascii=False),
        )
        store.repos.cases.update_fields(case.id, {
            "guarantee_amount_fen": result.guarantee_amount,
            "recognized_value_fen": result.recognized_value,
            "fee_fen": result.fee,
            "assessment_stale": 0,
        })
        record(store, case, user, "assessment", case.case_no, "assess",
               after={"eligible": result.eligible, "guarantee_amount_fen": result.guarantee_amount,
                      "params_version": product.version})
    return result


def latest_assessment(store: Store, case_id: int) -> Assessment | None:
    """The last stored assessment, rebuilt from its JSON (not recomputed)."""
    return store.repos.underwriting.latest_assessment(case_id)


def justify(store: Store, case_id: int, text: str, user: UserRecord, *, expected_version: int) -> Assessment:
    """The risk manager's written justification for an in-principle rule above its limit (wherever the case
    may be reassessed: figures corrected at the investigation may need one too)."""
    text = check_text(text, "justification", max_len=2000)
    with case_action(store, case_id, user, roles=(Role.RISK_MANAGER,), stages=ASSESSABLE_STAGES,
                     action=Text("填写书面说明", "write a justification"), expected_version=expected_version) as case:
        before = _justification(store, case_id)
        store.repos.cases.update_fields(case_id, {"justification": text, "justified_by": user.id})
        record(store, case, user, "justification", case.case_no, "set", before=before or None, after=text)
    # Reassessed at once, as the second half of the same user action (from the version just written).
    return assess_case(store, case_id, user, expected_version=store.repos.cases.get(case_id).version)


def pass_screening(
    store: Store, case_id: int, user: UserRecord, *, on: dt.date | None = None, expected_version: int
) -> CaseRecord:
    """准入 → 价值认定: every criterion passes, or is justified."""
    with case_action(store, case_id, user, roles=UNDERWRITERS, stages=(Stage.SCREENING,),
                     action=Text("通过准入", "pass screening"), expected_version=expected_version) as case:
        screening_refusal(store, case_id, raise_it=True)
        move(store, case, Stage.VALUATION, user, on or clock.today())
    return store.repos.cases.get(case_id)


def screening_refusal(store: Store, case_id: int, *, raise_it: bool = False) -> WorkflowError | None:
    """Why screening cannot pass now (None when it can)."""
    error = freshness_refusal(store, case_id)
    result = latest_assessment(store, case_id)
    if error is None and result is not None:
        failed = [r for r in result.rules if r.outcome == "fail"]
        unjustified = [r.id for r in result.rules if r.outcome == "justify" and not result.justification]
        if failed:
            # The reasons in both languages: the refusal is shown in the reader's.
            error = WorkflowError("criteria_failed", rules=Text("；".join(r.explain("zh") for r in failed),
                                                                "; ".join(r.explain("en") for r in failed)))
        elif unjustified:
            error = WorkflowError("justification_missing", rules="销贷比")
    if error and raise_it:
        raise error
    return error


def confirm_valuation(
    store: Store, case_id: int, user: UserRecord, *, on: dt.date | None = None, expected_version: int
) -> CaseRecord:
    """价值认定 → 调查: the recognized value and guarantee amount are accepted."""
    with case_action(store, case_id, user, roles=UNDERWRITERS, stages=(Stage.VALUATION,),
                     action=Text("确认价值认定", "confirm the valuation"), expected_version=expected_version) as case:
        refusal = freshness_refusal(store, case_id)
        if refusal:
            raise refusal
        result = latest_assessment(store, case_id)
        assert result is not None
        if result.guarantee_amount <= 0:
            raise WorkflowError("zero_amount")
        store.repos.underwriting.open_report(case_id)
        move(store, case, Stage.INVESTIGATION, user, on or clock.today(),
             said=stage_notes.note(stage_notes.GUARANTEE_AMOUNT, amount=result.guarantee_amount))
    return store.repos.cases.get(case_id)
