"""What a document says about a case, read from the store.

Each ``build_*`` function turns the stored records of one case into the
frozen model of one document (:mod:`ipguard.documents.models`). Nothing is
recomputed: the investigation report shows the *stored* assessment (criteria,
recognized values, amount chain, fee) exactly as it was computed under the
case's parameter version; the resolution shows the recorded attendance, votes
and decision.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

from ipguard import catalog
from ipguard.documents.models import (
    AmountLine,
    CommitteeResolution,
    CriterionLine,
    DisbursementNotice,
    IntentLetter,
    InvestigationReport,
    PledgedAssetLine,
    VoteLine,
    split_owners,
)
from ipguard.errors import NotFoundError, WorkflowError
from ipguard.money import format_yuan, parse_yuan
from ipguard.rules import deadlines
from ipguard.rules.committee import count_votes
from ipguard.rules.criteria import RuleResult
from ipguard.store import Store
from ipguard.store.records import BankRecord, CaseRecord, FinancialsRecord, InvestigationReportRecord

_DIGITS = "零一二三四五六七八九十"


def _bank(store: Store, bank_id: int | None) -> BankRecord | None:
    return store.repos.banks.get(bank_id) if bank_id else None


def _bank_display(bank: BankRecord | None) -> str:
    if bank is None:
        return ""
    return bank.branch if bank.branch.startswith(bank.name) else f"{bank.name}{bank.branch}"


def _user_name(store: Store, user_id: int | None) -> str:
    return store.repos.users.get(user_id).display_name if user_id else ""


def _guarantee(store: Store, case_id: int) -> int:
    return store.repos.cases.guarantee_amount(case_id) or 0


def owner_text(owners: str, holder: str) -> tuple[str, bool]:
    """(owners as printed, sole owner) derived from the owners recorded on an asset.

    The printed flag always agrees with the owners: one owner is 单独所有, two or
    more are 共有 — whatever the stored ``sole_owner`` flag says (the rules treat a
    co-owned asset with that flag as needing co-owner consent regardless).
    """
    names = split_owners(owners) or (holder,)
    return "、".join(names), len(names) == 1


def asset_lines(store: Store, case_id: int, owner: str, values: dict[str, int] | None = None) -> tuple[PledgedAssetLine, ...]:
    """The case's pledged assets with registration numbers and (optionally) recognized values by number."""
    regs = store.repos.closing.registrations_by_asset(case_id)
    values = values or {}
    lines = []
    for a in store.repos.cases.assets(case_id):
        owners, sole = owner_text(a.owners, owner)
        reg = regs.get(a.id)
        lines.append(PledgedAssetLine(a.ip_type, a.number, a.title, owners, reg.registration_no if reg else "",
                                      values.get(a.number), a.nice_class, sole))  # fmt: skip
    return tuple(lines)


def cc_list(store: Store, case: CaseRecord) -> tuple[str, ...]:
    """抄送: the referring body of the case, then whatever the settings add (separated by 、，,；;)."""
    names = [store.repos.referrers.get(case.referrer_id).name] if case.referrer_id else []
    names += [n for n in split_owners(str(store.repos.settings.get("documents.cc") or "")) if n not in names]
    return tuple(names)


# ---------------------------------------------------------------- intent letter, notice


def build_intent_letter(store: Store, case_id: int, letter_no: str, replaces_no: str = "") -> IntentLetter:
    """担保意向函 for the ``intent_letters`` row numbered ``letter_no``."""
    case = store.repos.cases.get(case_id)
    decision = store.repos.committee.decision(case_id)
    settings = store.repos.settings
    company = store.repos.companies.get(case.company_id)
    bank = _bank(store, case.bank_id)
    letter = store.repos.closing.intent_letter_numbered(letter_no)
    product = catalog.product_version(store, case.product_code, case.params_version)
    return IntentLetter(
        letter_no=letter_no,
        issue_date=letter.issue_date,
        bank_name=bank.name if bank else "",
        bank_branch=bank.branch if bank else "",
        borrower_name=company.name,
        borrower_uscc=company.uscc,
        loan_amount=case.requested_amount,
        term_months=case.term_months,
        guarantee_amount=_guarantee(store, case_id),
        guarantee_form=product.guarantee_form,
        assets=asset_lines(store, case_id, company.name),
        controller_name=company.controller_name,
        approval_deadline=letter.approval_deadline,
        deadline_working_days=product.deadlines.bank_approval_working_days,
        valid_until=letter.valid_until,
        case_no=case.case_no,
        contact_name=_user_name(store, case.account_manager_id),
        contact_phone=str(settings.get("documents.handling_phone") or ""),
        product_name=product.name,
        resolution_no=decision.resolution_no if decision else "",
        decision=decision.decision if decision else "approve",
        conditions=decision.conditions if decision else (),
        bank_share_bp=bank.bank_share_bp if bank else 0,
        guarantee_scope=str(settings.get("documents.guarantee_scope") or ""),
        guarantee_period=str(settings.get("documents.guarantee_period") or ""),
        cc=cc_list(store, case),
        replaces_no=replaces_no,
    )


def build_disbursement_notice(store: Store, case_id: int, notice_no: str, issue_date: dt.date,
                              replaces_no: str = "") -> DisbursementNotice:
    """放款通知书: bank, amount, contracts, registration numbers, confirmed conditions."""
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    bank = _bank(store, case.bank_id)
    product = catalog.product_version(store, case.product_code, case.params_version)
    contracts = store.repos.closing.contract_numbers(case_id)
    decision = store.repos.closing.bank_decision(case_id)
    approved = (decision.approved_amount if decision else None) or case.requested_amount
    guarantee = _guarantee(store, case_id)
    checks = tuple(store.repos.closing.confirmed_check_labels(case_id))
    return DisbursementNotice(
        notice_no=notice_no,
        issue_date=issue_date,
        bank_name=bank.name if bank else "",
        bank_branch=bank.branch if bank else "",
        case_no=case.case_no,
        borrower_name=company.name,
        borrower_uscc=company.uscc,
        loan_contract_no=contracts.get("loan", ""),
        guarantee_contract_no=contracts.get("guarantee", ""),
        counter_guarantee_contract_no=contracts.get("counter_guarantee", ""),
        loan_amount=min(approved, guarantee) if guarantee else approved,
        guarantee_amount=guarantee,
        term_months=(decision.term_months if decision and decision.term_months else case.term_months),
        start_date=None,
        maturity_date=None,
        registrations=asset_lines(store, case_id, company.name),
        conditions_confirmed=checks,
        guarantee_form=product.guarantee_form,
        contact_name=_user_name(store, case.account_manager_id),
        contact_phone=str(store.repos.settings.get("documents.handling_phone") or ""),
        pledge_contract_no=contracts.get("pledge", ""),
        receipt_working_days=deadlines.loan_receipt_working_days(product.deadlines),
        controller_name=company.controller_name,
        cc=cc_list(store, case),
        replaces_no=replaces_no,
    )


# ---------------------------------------------------------------- investigation report

_FLAG_TEXT = {
    "company_credit": ("良好", "不良", "良好"),
    "controller_credit": ("良好", "不良", "良好"),
    "counter_guarantee": ("愿意", "不愿意", "愿意"),
    "no_major_negative": ("有", "无", "无"),  # the value is "there is negative information"
}


def _percent(value: object) -> str:
    return f"{Decimal(str(value)) * 100:.2f}%"


def criterion_line(rule: RuleResult, fin: FinancialsRecord | None) -> CriterionLine:
    """One stored rule result as a line of the report: figure, threshold, outcome, reason."""
    value, threshold = rule.value, rule.threshold
    if rule.id in _FLAG_TEXT:
        true_text, false_text, wanted = _FLAG_TEXT[rule.id]
        shown, limit = (true_text if value else false_text), wanted
    elif rule.id == "annual_sales":
        shown, limit = f"{format_yuan(parse_yuan(value, 'value'))}元", f"> {format_yuan(parse_yuan(threshold, 'threshold'))}元"
    elif rule.id == "net_assets" and fin is not None:
        shown = f"上年度{format_yuan(fin.net_assets_last_year)}元；当期{format_yuan(fin.net_assets_current)}元"
        limit = f"≥ {format_yuan(parse_yuan(threshold, 'threshold'))}元"
    elif rule.id == "pledgeable_ip":
        shown, limit = f"可质押{value}项", f"≥ {threshold}项"
    elif rule.id == "loan_to_sales":
        shown = "无法计算（销售额为0）" if value is None else _percent(value)
        limit = f"原则上 ≤ {_percent(threshold)}"
    else:
        shown, limit = ("—" if value is None else str(value)), ("—" if threshold is None else str(threshold))
    return CriterionLine(rule.id, rule.label, rule.outcome, shown, limit, rule.explain("zh"))  # type: ignore[arg-type]


def build_investigation_report(store: Store, case_id: int, report_no: str, report_date: dt.date) -> InvestigationReport:
    """调查报告 from the company, its financials, the stored assessment and the A/B sign-off."""
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    fin = store.repos.cases.financials(case_id)
    assessment = store.repos.underwriting.latest_assessment(case_id)
    if assessment is None:
        raise WorkflowError("not_assessed")
    product = catalog.product_version(store, case.product_code, case.params_version)
    report = store.repos.underwriting.report(case_id)
    tag_labels = {t.code: t.label for t in product.target_tags}
    values = {v.number: v.value for v in assessment.asset_values}
    chain = tuple(AmountLine(c.label, c.amount, c.explain("zh"), c.binding) for c in assessment.amount_chain)
    if assessment.rounding_unit and assessment.amount_before_rounding != assessment.guarantee_amount:
        chain += (AmountLine("按取整单位向下取整", assessment.guarantee_amount,
                             f"最小值 {format_yuan(assessment.amount_before_rounding)}元，"
                             f"取整单位 {format_yuan(assessment.rounding_unit)}元"),)  # fmt: skip
    referrer = store.repos.referrers.get(case.referrer_id).name if case.referrer_id else ""
    return InvestigationReport(
        report_no=report_no,
        case_no=case.case_no,
        report_date=report_date,
        company_name=company.name,
        uscc=company.uscc,
        industry=company.industry,
        address=company.address,
        founded_on=company.founded_on,
        controller_name=company.controller_name,
        referrer=referrer,
        recommendation_opinion=case.recommendation_opinion,
        annual_sales=fin.annual_sales if fin else 0,
        net_assets_last_year=fin.net_assets_last_year if fin else 0,
        net_assets_current=fin.net_assets_current if fin else 0,
        existing_bank_loans=fin.existing_bank_loans if fin else 0,
        requested_amount=assessment.requested_amount,
        term_months=assessment.term_months,
        criteria=tuple(criterion_line(r, fin) for r in assessment.rules),
        justification=assessment.justification,
        assets=asset_lines(store, case_id, company.name, values),
        amount_chain=chain,
        guarantee_amount=assessment.guarantee_amount,
        fee=assessment.fee,
        target_tags=tuple(tag_labels.get(t, t) for t in case.target_tags),
        a_user_name=_user_name(store, report.a_user_id if report else None),
        a_signed_at=report.a_signed_on if report else None,
        b_user_name=_user_name(store, report.b_user_id if report else None),
        b_signed_at=report.b_signed_on if report else None,
        opinion=_opinions(report) if report else "",
        bank_branch=_bank_display(_bank(store, case.bank_id)),
        fee_rate_text=f"年费率{_percent(assessment.fee_breakdown.annual_rate)}",
        guarantee_form=product.guarantee_form,
    )


# ---------------------------------------------------------------- committee resolution


def fraction_text(f: Fraction) -> str:
    """2/3 -> 三分之二 (small denominators, as the rules of procedure write them)."""
    def cn(n: int) -> str:
        return _DIGITS[n] if 0 <= n <= 10 else str(n)

    if f == 1:
        return "全体"
    if f.denominator == 2 and f.numerator == 1:
        return "半数"
    return f"{cn(f.denominator)}分之{cn(f.numerator)}"


def build_committee_resolution(store: Store, case_id: int, resolution_no: str) -> CommitteeResolution:
    """保审会决议 from the recorded decision, attendance and votes."""
    case = store.repos.cases.get(case_id)
    decision = store.repos.committee.decision(case_id)
    if decision is None:
        raise NotFoundError("not_found", what="保审会决议", ident=case.case_no)
    company = store.repos.companies.get(case.company_id)
    product = catalog.product_version(store, case.product_code, case.params_version)
    present = store.repos.committee.attendance_names(case_id)
    votes = store.repos.committee.vote_lines(case_id)
    t = count_votes(store.repos.committee.present_count(case_id), store.repos.committee.vote_counts(case_id),
                    product.committee)
    return CommitteeResolution(
        resolution_no=resolution_no,
        case_no=case.case_no,
        meeting_date=decision.meeting_date,
        borrower_name=company.name,
        bank_branch=_bank_display(_bank(store, case.bank_id)),
        guarantee_amount=_guarantee(store, case_id),
        term_months=case.term_months,
        members_present=tuple(present),
        votes=tuple(VoteLine(v.member_name, v.vote, v.comment) for v in votes),
        decision=decision.decision,
        conditions=decision.conditions,
        quorum=t.quorum,
        required_majority_text=fraction_text(t.majority),
        recorder_name=_user_name(store, decision.recorded_by),
        loan_amount=case.requested_amount,
        guarantee_form=product.guarantee_form,
    )


def _opinions(report: InvestigationReportRecord) -> str:
    """The report's conclusion: A's opinion, then B's when B wrote one."""
    a, b = report.opinion.strip(), report.b_opinion.strip()
    if a and b:
        return f"客户经理（A角）意见：{a}\n风控经理（B角）意见：{b}"
    return a or (f"风控经理（B角）意见：{b}" if b else "")
