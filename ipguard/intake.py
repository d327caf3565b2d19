"""Case intake (受理): open a case for a company and keep its intake records.

Every function here is one user action: one write transaction, audited, and
checked against the acting user's role and (for edits) the case version the
user was looking at.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from ipguard import casefile, catalog, clock, messages
from ipguard.auth import require_any_role, role_text
from ipguard.domain import CaseIntake, Company, CreditFlags, Financials, IpAsset, Role, Stage
from ipguard.errors import ConflictError, ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import parse_yuan
from ipguard.products import ProductParams
from ipguard.rules import stage_notes
from ipguard.rules.enterprise_size import check_industry, check_size, settle
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.validators import check_date, check_int, check_phone, check_resident_id, check_text, check_uscc
from ipguard.workflow.common import request_changes
from ipguard.workflow.dates import business_date, not_after_today
from ipguard.workflow.machine import AMENDABLE, EDITABLE_STAGES

messages.register(
    {
        "intake_closed": (
            "案件已提交保审会（当前：{stage}），受理资料不能再直接修改{hint}",
            "the case has gone to the committee (now: {stage}); intake records no longer change in place{hint}",
        ),
        "unknown_tag": ("未知的客户标签“{tag}”", "unknown client tag “{tag}”"),
        "user_lacks_role": ("所选人员没有“{role}”角色", "the person chosen does not hold the role “{role}”"),
        "asset_not_on_case": ("该知识产权不在本案质押清单中", "this asset is not pledged in this case"),
        "nothing_to_correct": ("没有需要更正的内容", "nothing to correct"),
        "uscc_taken": ("统一社会信用代码 {value} 已登记为另一家企业（{company}）", "the credit code {value} is already recorded for another company ({company})"),
    }
)

INTAKE_ROLES = (Role.ACCOUNT_MANAGER, Role.ADMIN)


def parse_intake(data: Mapping[str, object]) -> CaseIntake:
    """Build a :class:`CaseIntake` from raw form/JSON values; raises ValidationError naming the field."""
    if not isinstance(data, Mapping):
        raise ValidationError("company", "required")
    nested = data.get("company")
    company_data: Mapping[str, object] = nested if isinstance(nested, Mapping) else data
    company = Company.from_input(company_data)
    financials = Financials.from_input(company_data)
    credit = CreditFlags.from_input(company_data)
    amount, term, date = CaseIntake.check_request(data)
    raw_assets = data.get("ip_assets") or ()
    if not isinstance(raw_assets, Sequence) or isinstance(raw_assets, str):
        raise ValidationError("ip_assets", "required")
    for i, item in enumerate(raw_assets):
        if not isinstance(item, Mapping):
            raise ValidationError(f"ip_assets[{i}]", "required")
    assets = tuple(IpAsset.from_input(a, prefix=f"ip_assets[{i}].") for i, a in enumerate(raw_assets))
    size_industry = check_industry(company_data.get("size_industry")) if company_data.get("size_industry") else None
    employees = (check_int(company_data.get("employees"), "employees", low=0, high=10_000_000)
                 if company_data.get("employees") not in (None, "") else None)
    total_assets = (parse_yuan(company_data.get("total_assets"), "total_assets")
                    if company_data.get("total_assets") not in (None, "") else None)
    declared = check_size(company_data.get("enterprise_size")) if company_data.get("enterprise_size") else None
    size = settle(size_industry, declared, employees=employees, revenue_fen=financials.annual_sales, assets_fen=total_assets)
    return CaseIntake(
        company=company,
        financials=financials,
        credit=credit,
        requested_amount=amount,
        term_months=term,
        application_date=date,
        product_code=check_text(data.get("product_code") or "kuaiyidai", "product_code", max_len=40),
        bank_id=_opt_int(data.get("bank_id"), "bank_id"),
        referrer_id=_opt_int(data.get("referrer_id"), "referrer_id"),
        recommendation_opinion=check_text(data.get("recommendation_opinion"), "recommendation_opinion", max_len=2000, required=False),
        assets=assets,
        target_tags=_tags(data.get("target_tags")),
        account_manager_id=_opt_int(data.get("account_manager_id"), "account_manager_id"),
        risk_manager_id=_opt_int(data.get("risk_manager_id"), "risk_manager_id"),
        size_industry=size_industry,
        employees=employees,
        total_assets=total_assets,
        enterprise_size=size.value if size else None,
    )


def _opt_int(value: object, field: str) -> int | None:
    """An optional record id (bank, referrer, user): empty means none."""
    if value is None or value == "" or value == 0:
        return None
    return check_int(value, field, low=1, high=2**53)


def _tags(value: object) -> tuple[str, ...]:
    if value in (None, "", [], ()):
        return ()
    if not isinstance(value, (list, tuple)):
        raise ValidationError("target_tags", "required")
    return tuple(check_text(t, "target_tags", max_len=60) for t in value)


def open_case(store: Store, intake: CaseIntake, user: UserRecord, *, product: ProductParams | None = None) -> CaseRecord:
    """Open a case: company, controller, financials, assets, checklist, all or nothing."""
    require_any_role(user, INTAKE_ROLES, Text("受理案件", "open a case"), store)
    not_after_today(intake.application_date, "application_date")
    product = product or catalog.current_product(store, intake.product_code, intake.application_date)
    product.amount.check_term(intake.term_months)
    known_tags = {t.code for t in product.target_tags}
    for tag in intake.target_tags:
        if tag not in known_tags:
            raise ValidationError("target_tags", "unknown_tag", tag=tag)
    if intake.bank_id is not None:
        store.repos.banks.get(intake.bank_id)
    if intake.referrer_id is not None:
        store.repos.referrers.get(intake.referrer_id)
    for user_id, role, field in ((intake.risk_manager_id, Role.RISK_MANAGER, "risk_manager_id"),
                                 (intake.account_manager_id, Role.ACCOUNT_MANAGER, "account_manager_id")):
        if user_id is not None and role not in store.repos.users.get(user_id).roles:
            raise ValidationError(field, "user_lacks_role", role=role_text((role,)))
    cases = store.repos.cases
    with store.transaction():
        catalog.remember(store, product, user.id)
        company_id = store.repos.companies.upsert(intake.company, acting_user_id=user.id)
        year = intake.application_date.year
        serial = store.next_sequence(f"case:{product.case_prefix}:{year}")
        case_no = f"{product.case_prefix}-{year}-{serial:04d}"
        now = store.now()
        manager_id = intake.account_manager_id or (user.id if Role.ACCOUNT_MANAGER in user.roles else None)
        case_id = cases.insert(
            {
                "case_no": case_no,
                "company_id": company_id,
                "product_code": product.code,
                "params_version": product.version,
                "bank_id": intake.bank_id,
                "referrer_id": intake.referrer_id,
                "recommendation_opinion": intake.recommendation_opinion,
                "requested_amount_fen": intake.requested_amount,
                "term_months": intake.term_months,
                "application_date": intake.application_date.isoformat(),
                "stage": Stage.INTAKE.value,
                "account_manager_id": manager_id,
                "risk_manager_id": intake.risk_manager_id,
                "target_tags": cases.target_tags_json(intake.target_tags),
                "enterprise_size": intake.enterprise_size,
                "created_at": now,
                "updated_at": now,
                "stage_changed_at": now,
            }
        )
        cases.set_financials(case_id, intake.financials, intake.credit)
        # Only a small or micro borrower gets the 75 % weight; an unknown size is weighted in full.
        store.repos.companies.set_size(company_id, employees=intake.employees, total_assets=intake.total_assets,
                                       small_micro=intake.enterprise_size in ("small", "micro"))
        for i, asset in enumerate(intake.assets):
            asset_id = store.repos.companies.save_asset(
                company_id, asset, acting_user_id=user.id, case_id=case_id, field_prefix=f"ip_assets[{i}]."
            )
            cases.link_asset(case_id, asset_id)
        cases.add_checklist(case_id, ((c.code, c.label, c.required) for c in product.checklist))
        cases.add_event(case_id, None, Stage.INTAKE, intake.application_date, user.id, said=stage_notes.note(stage_notes.RECEIVED))
        store.audit(
            user_id=user.id,
            case_id=case_id,
            entity="case",
            entity_id=case_no,
            action="open",
            after={
                "case_no": case_no,
                "company": intake.company.name,
                "requested_amount_fen": intake.requested_amount,
                "term_months": intake.term_months,
                "application_date": intake.application_date.isoformat(),
                "params_version": product.version,
                "assets": [a.number for a in intake.assets],
            },
        )
    return cases.get(case_id)


def _editable(store: Store, case_id: int, user: UserRecord, action: Text) -> CaseRecord:
    require_any_role(user, (*INTAKE_ROLES, Role.RISK_MANAGER), action, store)
    case = store.repos.cases.get(case_id)
    if case.stage not in EDITABLE_STAGES:
        hint = (Text("；如需修改，请变更重新上会（退回调查阶段）", ": amend the case (back to the investigation) to change them")
                if case.stage in AMENDABLE else Text("", ""))
        raise WorkflowError("intake_closed", stage=Text(case.stage.label, case.stage.label_en), hint=hint)
    return case


def set_checklist_item(
    store: Store, case_id: int, code: str, status: str, user: UserRecord, *, on: dt.date | None = None, note: str = "",
    expected_version: int, paper_original: bool = False,
) -> CaseRecord:
    """Mark a materials-checklist item received / missing / pending.

    ``received`` needs a file attached to the item in the case file, or
    ``paper_original=True``: the explicit statement that only a paper original
    was received (kept on the item and in the audit entry).
    """
    require_any_role(user, (*INTAKE_ROLES, Role.OPERATIONS), Text("登记业务清单", "update the materials checklist"), store)
    on = check_date(on, "status_date", required=False) or (clock.today() if status != "pending" else None)
    note = check_text(note, "note", max_len=500, required=False)
    if on is not None:
        application = store.repos.cases.get(case_id).application_date
        business_date(on, "status_date", after=[(application, Text("申请日期", "the application date"))])
    with store.transaction():
        before = store.repos.cases.set_checklist_status(case_id, code, status, on, note)
        paper_only = status == "received" and bool(paper_original)
        if status == "received":
            casefile.require_file_for_received(store, case_id, code, paper_only)
        store.repos.attachments.set_paper_only(case_id, code, paper_only)
        store.bump_case_version(case_id, expected_version)
        store.audit(
            user_id=user.id, case_id=case_id, entity="checklist_item", entity_id=code, action="set_status",
            before=before, after={"status": status, "status_date": on.isoformat() if on else None, "note": note,
                                  **({"paper_original": True} if paper_only else {})},
        )
    return store.repos.cases.get(case_id)


def update_financials(
    store: Store, case_id: int, financials: Financials, credit: CreditFlags, user: UserRecord, *, expected_version: int
) -> CaseRecord:
    _editable(store, case_id, user, Text("修改财务数据", "edit the financials"))
    with store.transaction():
        before = store.repos.cases.financials(case_id)
        store.repos.cases.set_financials(case_id, financials, credit)
        store.repos.cases.mark_assessment_stale(case_id)
        store.bump_case_version(case_id, expected_version)
        store.audit(
            user_id=user.id, case_id=case_id, entity="financials", entity_id=case_id, action="update",
            before=before.__dict__ if before else None, after={**financials.__dict__, **credit.__dict__},
        )
    return store.repos.cases.get(case_id)


def add_asset(
    store: Store, case_id: int, asset: IpAsset, user: UserRecord, *, expected_version: int
) -> CaseRecord:
    """Add (or update) an IP asset of the case's company and pledge it in this case."""
    case = _editable(store, case_id, user, Text("登记知识产权", "add an IP asset"))
    with store.transaction():
        asset_id = store.repos.companies.save_asset(case.company_id, asset, acting_user_id=user.id, case_id=case_id)
        store.repos.cases.link_asset(case_id, asset_id)
        store.repos.cases.mark_assessment_stale(case_id)
        store.bump_case_version(case_id, expected_version)
        store.audit(user_id=user.id, case_id=case_id, entity="case_asset", entity_id=asset_id, action="pledge", after=asset.number)
    return store.repos.cases.get(case_id)


def remove_asset(store: Store, case_id: int, asset_id: int, user: UserRecord, *, expected_version: int) -> CaseRecord:
    """Take an asset out of the case's pledge list (the asset record stays)."""
    _editable(store, case_id, user, Text("移除质押知识产权", "remove a pledged IP asset"))
    if asset_id not in {a.id for a in store.repos.cases.assets(case_id)}:
        raise ValidationError("asset", "asset_not_on_case")
    number = store.repos.companies.asset(asset_id).number
    with store.transaction():
        store.repos.cases.unlink_asset(case_id, asset_id)
        store.repos.cases.mark_assessment_stale(case_id)
        store.bump_case_version(case_id, expected_version)
        store.audit(user_id=user.id, case_id=case_id, entity="case_asset", entity_id=asset_id, action="unpledge", before=number)
    return store.repos.cases.get(case_id)


def correct_intake(
    store: Store, case_id: int, user: UserRecord, *, reason: str, requested_amount: object = None, term_months: object = None,
    expected_version: int, bank_id: object = None, referrer_id: object = None,
    recommendation_opinion: str | None = None, company: Mapping[str, object] | None = None,
) -> CaseRecord:
    """Correct intake records until the committee, with a reason; audited; the assessment goes stale.

    What may be corrected: the requested amount and term, the bank, the referrer (``0`` clears it)
    and its recommendation opinion, and the company's own records (``company``: any of ``name``,
    ``uscc``, ``industry``, ``address``, ``contact_name``, ``contact_phone``, ``controller_name``,
    ``resident_id``, ``controller_phone``). ``None`` leaves a value as it is. A company's records are
    the company's: correcting them here corrects them for its other cases too. (Financials, flags and
    assets are corrected with :func:`update_financials`, :func:`add_asset` and :func:`remove_asset`;
    the A and B roles with :func:`ipguard.workflow.assignment.reassign_case`.) After the committee
    nothing here changes: the figures it decided on stay as they were.
    """
    case = _editable(store, case_id, user, Text("更正受理资料", "correct the intake records"))
    reason = check_text(reason, "reason", max_len=1000)
    values: dict[str, object] = request_changes(case, requested_amount, term_months, case_product(store, case))
    if bank_id not in (None, ""):
        values["bank_id"] = store.repos.banks.get(check_int(bank_id, "bank_id", low=1, high=2**53)).id
    if referrer_id not in (None, ""):
        values["referrer_id"] = _opt_int(referrer_id, "referrer_id")
        if values["referrer_id"] is not None:
            store.repos.referrers.get(values["referrer_id"])  # type: ignore[arg-type]
    if recommendation_opinion is not None:
        values["recommendation_opinion"] = check_text(recommendation_opinion, "recommendation_opinion", max_len=2000, required=False)
    before = {"requested_amount_fen": case.requested_amount, "term_months": case.term_months, "bank_id": case.bank_id,
              "referrer_id": case.referrer_id, "recommendation_opinion": case.recommendation_opinion}
    values = {k: v for k, v in values.items() if before[k] != v}
    company_before, company_after = _company_corrections(store, case.company_id, company or {})
    if not values and not company_after:
        raise ValidationError("reason", "nothing_to_correct")
    with store.transaction():
        if values:
            store.repos.cases.update_fields(case_id, values)
        if company_after:
            store.repos.companies.correct(case.company_id, company_after)
            store.audit(user_id=user.id, case_id=case_id, entity="company", entity_id=case.company_id, action="correct",
                        before=company_before, after={**company_after, "reason": reason})
        if {"requested_amount_fen", "term_months"} & set(values) or {"name", "uscc"} & set(company_after):
            store.repos.cases.mark_assessment_stale(case_id)
        store.bump_case_version(case_id, expected_version)
        if values:
            store.audit(user_id=user.id, case_id=case_id, entity="case", entity_id=case.case_no, action="correct",
                        before={k: before[k] for k in values}, after={**values, "reason": reason})
    return store.repos.cases.get(case_id)


def case_product(store: Store, case: CaseRecord) -> ProductParams:
    """The parameters the case was opened under (its own version)."""
    return catalog.product_version(store, case.product_code, case.params_version)


def term_range(store: Store, case: CaseRecord | None = None) -> tuple[int, int]:
    """The loan term (months) a case may ask for: its product version's range, or today's product's for a new case."""
    product = case_product(store, case) if case else catalog.current_product(store, "kuaiyidai", clock.today())
    return product.amount.min_term_months, product.amount.max_term_months


# The company's records a correction may change, with their checks (the same as at intake).
_COMPANY_FIELDS = ("name", "uscc", "industry", "address", "contact_name", "contact_phone", "controller_name",
                   "resident_id", "controller_phone")


def _company_corrections(store: Store, company_id: int, given: Mapping[str, object]) -> tuple[dict[str, object], dict[str, object]]:
    """(before, after) of the company fields that change; each value checked as at intake."""
    unknown = set(given) - set(_COMPANY_FIELDS)
    if unknown:  # a caller's mistake, not the user's
        raise ValueError(f"not a correctable company field: {sorted(unknown)}")
    checks: dict[str, Callable[[object], object]] = {
        "name": lambda v: check_text(v, "company.name", max_len=100),
        "uscc": check_uscc,
        "industry": lambda v: check_text(v, "industry", max_len=40, required=False),
        "address": lambda v: check_text(v, "address", max_len=200, required=False),
        "contact_name": lambda v: check_text(v, "contact_name", max_len=40, required=False),
        "contact_phone": lambda v: check_phone(v, "contact_phone"),
        "controller_name": lambda v: check_text(v, "controller_name", max_len=40),
        "resident_id": lambda v: check_resident_id(v, "resident_id"),
        "controller_phone": lambda v: check_phone(v, "contact_phone"),
    }
    current = store.repos.companies.get(company_id)
    now = {"name": current.name, "uscc": current.uscc, "industry": current.industry, "address": current.address,
           "contact_name": current.contact_name, "contact_phone": current.contact_phone,
           "controller_name": current.controller_name, "resident_id": current.controller_resident_id,
           "controller_phone": current.controller_phone}
    after: dict[str, object] = {}
    for key, value in given.items():
        if value is None:
            continue
        checked = checks[key](value)
        if checked != now[key]:
            after[key] = checked
    if "uscc" in after:
        other = store.repos.companies.by_uscc(str(after["uscc"]))
        if other is not None and other.id != company_id:
            raise ConflictError("uscc_taken", "uscc", value=after["uscc"], company=other.name)
    return {k: now[k] for k in after}, after
