"""Pledge registration, the disbursement notice, and the loan's start.

Before anyone files a pledge, :func:`pledge_warnings` lists what CNIPA (专利权
质押登记办法, 2021) would refuse. The disbursement notice is issued only when
every pledged asset is registered with its certificate received and every
item of the disbursement checklist (including committee conditions) is
confirmed. The loan may not exceed the bank's approval or the guarantee amount.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ipguard import catalog, messages
from ipguard.documents.service import archive_issue, doc_number
from ipguard.domain import LegalStatus, Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import format_yuan, parse_yuan
from ipguard.rules import loan_maturity, months_between, stage_notes
from ipguard.rules.explain import DATE, LEGAL_STATUS, TEXT, Explanation, declare, explain
from ipguard.rules.fees import fee_for_period
from ipguard.store import Store
from ipguard.store.records import CaseRecord, DisbursementCheckRecord, LoanRecord, RegistrationRecord, UserRecord
from ipguard.validators import check_date, check_text
from ipguard.workflow import limits
from ipguard.workflow.bank import DESK, contracts
from ipguard.workflow.common import case_action, move, record
from ipguard.workflow.dates import business_date, step

messages.register(
    {
        "unregistered_assets": ("尚未完成质押登记（或未收到登记通知书）：{assets}", "pledge not registered (or certificate not received): {assets}"),
        "checks_open": ("放款条件尚未确认：{items}", "disbursement conditions not yet confirmed: {items}"),
        "unknown_check": ("没有放款条件“{code}”", "no disbursement condition “{code}”"),
        "loan_contract_missing": ("尚未登记借款合同", "the loan contract is not recorded yet"),
        "maturity_before_start": ("到期日必须晚于起始日", "maturity must be after the start date"),
        "asset_not_pledged_here": ("该知识产权不在本案质押清单中", "this asset is not pledged in this case"),
    }
)

#: The disbursement checklist's standard items by code, in both languages (a case stores the Chinese label).
STANDARD_CHECK_LABELS = {
    "registration_docs": Text("知识产权质押登记已办妥，登记通知书已收到",
                              "IP pledge registration completed and the registration certificate received"),
    "legal_texts": Text("保证合同、反担保合同、质押合同等法律文本已确认",
                        "Guarantee, counter-guarantee and pledge contracts and other legal texts confirmed"),
}
STANDARD_CHECKS = tuple((code, text.zh) for code, text in STANDARD_CHECK_LABELS.items())


def check_label(code: str, stored: str, lang: str) -> str:
    """A disbursement condition in ``lang``: a standard item by its code, a committee condition as written."""
    text = STANDARD_CHECK_LABELS.get(code)
    return text.get(lang) if text is not None else stored


declare({
    "pledge_warning.owner": ("出质人“{pledgor}”不是登记的权利人（{owners}）",
                             "the pledgor “{pledgor}” is not the registered owner ({owners})", {"pledgor": TEXT, "owners": TEXT}),
    "pledge_warning.co_owned": ("该权利为共有，须取得全体共有人同意出质的书面文件",
                                "the right is co-owned: every co-owner's written consent to the pledge is needed", {}),
    "pledge_warning.pending": ("专利尚未授权，不能办理质押登记", "the patent is not granted yet and cannot be registered as pledged", {}),
    "pledge_warning.fee_unpaid": ("年费未按期缴纳", "the annual fee was not paid on time", {}),
    "pledge_warning.status": ("权利已{status}", "the right is {status}", {"status": LEGAL_STATUS}),
    "pledge_warning.pledged": ("该权利已出质", "the right is already pledged", {}),
    "pledge_warning.pledged_in": ("该权利已出质（{where}）", "the right is already pledged ({where})", {"where": TEXT}),
    "pledge_warning.dispute": ("该权利存在权属或侵权纠纷", "the right is in an ownership or infringement dispute", {}),
    "pledge_warning.expires_early": ("主债务履行期（至{maturity}）超过权利有效期（至{expiry}）",
                                     "the loan runs (to {maturity}) past the right's protection (to {expiry})",
                                     {"maturity": DATE, "expiry": DATE}),
    "pledge_warning.forfeiture": ("质押合同不得约定债务人不履行到期债务时质押财产归债权人所有（流质条款）",
                                  "the pledge contract must not let the creditor take the pledged right if the debtor"
                                  " defaults (no forfeiture clause)", {}),
})


def pledge_warnings(store: Store, case_id: int) -> list[tuple[str, Explanation]]:
    """(asset number, warning) pairs: reasons a registry would refuse the pledge ("" for the whole case).

    Each warning is data (:mod:`ipguard.rules.explain`), worded in the reader's language.
    """
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    maturity = loan_maturity(case.application_date, case.term_months)
    warnings: list[tuple[str, Explanation]] = []
    for a in store.repos.cases.assets(case_id):
        if a.owners and company.name not in a.owners:
            warnings.append((a.number, explain("pledge_warning.owner", pledgor=company.name, owners=a.owners)))
        if not a.sole_owner:
            warnings.append((a.number, explain("pledge_warning.co_owned")))
        if a.legal_status is LegalStatus.PENDING:
            warnings.append((a.number, explain("pledge_warning.pending")))
        elif a.legal_status is LegalStatus.FEE_UNPAID:
            warnings.append((a.number, explain("pledge_warning.fee_unpaid")))
        elif a.legal_status in (LegalStatus.LAPSED, LegalStatus.INVALIDATED):
            warnings.append((a.number, explain("pledge_warning.status", status=a.legal_status.value)))
        pledged_elsewhere = store.repos.closing.pledged_elsewhere(a.id, case_id)
        if pledged_elsewhere:
            warnings.append((a.number, explain("pledge_warning.pledged_in", where=pledged_elsewhere)))
        elif a.pledged:
            warnings.append((a.number, explain("pledge_warning.pledged")))
        if a.in_dispute:
            warnings.append((a.number, explain("pledge_warning.dispute")))
        if a.expiry_date and a.expiry_date < maturity:
            warnings.append((a.number, explain("pledge_warning.expires_early", maturity=maturity.isoformat(),
                                               expiry=a.expiry_date.isoformat())))
    warnings.append(("", explain("pledge_warning.forfeiture")))
    return warnings


def registrations(store: Store, case_id: int) -> list[RegistrationRecord]:
    return store.repos.closing.registrations(case_id)


def record_registration(
    store: Store, case_id: int, asset_id: int, user: UserRecord, *, submitted_on: object = None, registry: str = "",
    registration_no: str = "", registered_on: object = None, certificate_received: bool = False,
    expected_version: int,
) -> CaseRecord:
    """Record the progress of one asset's pledge registration."""
    submitted = check_date(submitted_on, "submitted_on", required=False)
    registered = check_date(registered_on, "registered_on", required=False)
    if registered and submitted and registered < submitted:
        raise ValidationError("registered_on", "date_order", other="提交日", other_value=submitted.isoformat())
    number = check_text(registration_no, "registration_no", max_len=60, required=registered is not None)
    with case_action(store, case_id, user, roles=(Role.OPERATIONS, Role.ADMIN), stages=(Stage.PLEDGE_REGISTRATION,),
                     action=Text("登记质押办理情况", "record the pledge registration"), expected_version=expected_version) as case:
        # A pledge is filed on the signed pledge contract: never before it, never in the future.
        pledge_signed = store.repos.closing.latest_contract_date(case_id, ("pledge",))
        for day, field in ((submitted, "submitted_on"), (registered, "registered_on")):
            if day is not None:
                business_date(day, field, after=[step("质押合同签订日", "the pledge contract's signing", pledge_signed)])
        if not store.repos.closing.has_registration(case_id, asset_id):
            raise ValidationError("asset", "asset_not_pledged_here")
        values = {
            "submitted_on": submitted.isoformat() if submitted else None,
            "registration_no": number,
            "registered_on": registered.isoformat() if registered else None,
            "certificate_received": int(bool(certificate_received)),
        }
        if registry.strip():
            values["registry"] = check_text(registry, "registry", max_len=60)
        store.repos.closing.update_registration(case_id, asset_id, values)
        record(store, case, user, "pledge_registration", asset_id, "update", after=values)
    return store.repos.cases.get(case_id)


def ensure_checks(store: Store, case_id: int) -> None:
    for code, label in STANDARD_CHECKS:
        store.repos.closing.ensure_check(case_id, code, label)


def disbursement_checks(store: Store, case_id: int) -> list[DisbursementCheckRecord]:
    return store.repos.closing.checks(case_id)


def confirm_check(store: Store, case_id: int, code: str, user: UserRecord, *, expected_version: int) -> CaseRecord:
    """Confirm one disbursement condition (standard item or committee condition)."""
    with case_action(store, case_id, user, roles=(Role.OPERATIONS, Role.ADMIN), stages=(Stage.PLEDGE_REGISTRATION,),
                     action=Text("确认放款条件", "confirm the disbursement conditions"), expected_version=expected_version) as case:
        ensure_checks(store, case_id)
        if not store.repos.closing.confirm_check(case_id, code, user.id, store.now()):
            raise ValidationError("check", "unknown_check", code=code)
        record(store, case, user, "disbursement_check", code, "confirm")
    return store.repos.cases.get(case_id)


def notice_refusal(store: Store, case_id: int) -> WorkflowError | None:
    """Why the disbursement notice cannot be issued now (None when it can)."""
    pending = [r.number for r in registrations(store, case_id) if not r.registered]
    if pending or not registrations(store, case_id):
        return WorkflowError("unregistered_assets", assets="、".join(pending) or "—")
    checks = disbursement_checks(store, case_id)
    # The standard items are stored at the first confirmation: until then they are open all the same.
    stored = {c.code for c in checks}
    open_codes = [(code, label) for code, label in STANDARD_CHECKS if code not in stored]
    open_codes += [(c.code, c.label) for c in checks if not c.confirmed]
    if open_codes:
        return WorkflowError("checks_open", items=Text("、".join(check_label(c, label, "zh") for c, label in open_codes),
                                                       "; ".join(check_label(c, label, "en") for c, label in open_codes)))
    if not any(c.kind == "loan" for c in contracts(store, case_id)):
        return WorkflowError("loan_contract_missing")
    return None


def issue_disbursement_notice(
    store: Store, case_id: int, user: UserRecord, *, issue_date: dt.date | None = None, expected_version: int
) -> str:
    """质押登记 → 放款: the notice to the bank to disburse; returns its number."""
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.PLEDGE_REGISTRATION,),
                     action=Text("出具放款通知书", "issue the disbursement notice"), expected_version=expected_version) as case:
        ensure_checks(store, case_id)
        refusal = notice_refusal(store, case_id)
        if refusal:
            raise refusal
        issue_date = business_date(issue_date, "issue_date", after=[
            step("质押登记日", "the pledge registration", store.repos.closing.latest_registration_date(case_id))])
        notice_no = doc_number(store, "disbursement_notice", issue_date.year)
        record(store, case, user, "disbursement_notice", notice_no, "issue", after={"issue_date": issue_date.isoformat()})
        archive_issue(store, case_id, "disbursement_notice", notice_no, issue_date, user)
        move(store, case, Stage.DISBURSEMENT, user, issue_date, said=stage_notes.note(stage_notes.DISBURSEMENT_NOTICE, notice_no=notice_no))
    return notice_no


def record_disbursement(
    store: Store, case_id: int, user: UserRecord, *, loan_amount: object, start_date: object, maturity_date: object,
    loan_contract_no: str = "", expected_version: int,
) -> CaseRecord:
    """放款 → 在保: the bank has lent; the guarantee is in force and its fee is due."""
    amount = parse_yuan(loan_amount, "loan_amount")
    start = check_date(start_date, "start_date")
    maturity = check_date(maturity_date, "maturity_date")
    assert start and maturity
    if maturity <= start:
        raise ValidationError("maturity_date", "maturity_before_start")
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.DISBURSEMENT,),
                     action=Text("登记放款", "record the disbursement"), expected_version=expected_version) as case:
        business_date(start, "start_date", required=True,
                      after=[step("放款通知书出具日", "the disbursement notice", store.repos.cases.stage_date(case_id, Stage.DISBURSEMENT))])
        decision = store.repos.closing.bank_decision(case_id)
        approved = (decision.approved_amount if decision else None) or 0
        # The loan may exceed the guarantee (a partial guarantee is legitimate) but never the bank's approval
        # nor the loan the intent letter asked for.
        letter = store.repos.closing.intent_letter(case_id)
        ceilings = [(approved, "银行批准金额")]
        if letter and letter.loan_amount:
            ceilings.append((letter.loan_amount, "意向函申请贷款金额"))
        for limit, name in ceilings:
            if amount > limit:
                raise ValidationError("loan_amount", "amount_above", what="放款金额", amount=format_yuan(amount),
                                      limit_name=name, limit=format_yuan(limit))
        refusal = limits.limit_refusal(store, case, min(amount, store.repos.cases.guarantee_amount(case_id) or amount))
        if refusal:
            raise refusal
        approved_term = (decision.term_months if decision else None) or case.term_months
        latest_maturity = loan_maturity(start, approved_term)
        if maturity > latest_maturity:
            raise ValidationError("maturity_date", "term_above", what="贷款期限", term=months_between(start, maturity),
                                  limit_name="银行批准期限", limit=approved_term)
        product = catalog.product_version(store, case.product_code, case.params_version)
        # The fee on the guaranteed part of the loan, at the rate fixed in the case at approval.
        terms = store.repos.cases.terms(case_id)
        rate = terms.fee_rate if terms and terms.fee_rate is not None else product.fees.annual_rate
        basis = terms.fee_basis if terms and terms.fee_basis else product.fees.basis
        guarantee = store.repos.cases.guarantee_amount(case_id) or amount
        fee = loan_fee(min(amount, guarantee), rate, basis, start, maturity)
        store.repos.closing.add_loan(
            case_id, loan_amount=amount, start_date=start.isoformat(), maturity_date=maturity.isoformat(),
            loan_contract_no=check_text(loan_contract_no, "loan_contract_no", max_len=60, required=False), fee=fee,
        )
        record(store, case, user, "loan", case.case_no, "disburse",
               after={"amount_fen": amount, "start": start.isoformat(), "maturity": maturity.isoformat(), "fee_fen": fee})
        move(store, case, Stage.IN_FORCE, user, start, said=stage_notes.note(stage_notes.DISBURSED, amount=amount, fee=fee))
    return store.repos.cases.get(case_id)


def loan_fee(amount: int, annual_rate: Decimal, basis: str, start: dt.date, maturity: dt.date) -> int:
    """The guarantee fee on the actual loan (:func:`ipguard.rules.fees.fee_for_period`)."""
    return fee_for_period(amount, annual_rate, basis, start, maturity).fee


def loan(store: Store, case_id: int) -> LoanRecord | None:
    """The case's loan, or None before disbursement."""
    return store.repos.closing.loan(case_id)
