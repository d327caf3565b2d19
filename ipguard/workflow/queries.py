"""What a user may do with a case now, and why not; deadlines and turnaround.

The UI asks :func:`available_actions` to enable or disable each action and
shows the reason as the tooltip; the same checks run again inside each action,
so the core never relies on the UI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ipguard import catalog
from ipguard.auth import require_any_role
from ipguard.domain import OPEN_STAGES, IpType, Role, Stage
from ipguard.errors import IpguardError, WorkflowError
from ipguard.messages import Text
from ipguard.rules import deadlines
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.workflow import amend, bank, closing, committee, postloan, reversal, underwriting
from ipguard.workflow.common import require_stage, stage_text
from ipguard.workflow.exits import DECLINABLE
from ipguard.workflow.machine import AMENDABLE, EDITABLE_STAGES

Guard = Callable[[Store, CaseRecord, UserRecord], "WorkflowError | None"]


@dataclass(frozen=True)
class ActionSpec:
    key: str
    label: str
    label_en: str
    stages: tuple[Stage, ...]
    roles: tuple[Role, ...]
    guard: Guard | None = None


    def text(self) -> Text:
        """The action's name in both languages (a message parameter)."""
        return Text(self.label, self.label_en[:1].lower() + self.label_en[1:])

    def label_in(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label


@dataclass(frozen=True)
class ActionState:
    key: str
    label: str  # in the language asked for
    enabled: bool
    reason: str = ""  # why not, in the user's language


def _intake_guard(store: Store, case: CaseRecord, user: UserRecord) -> WorkflowError | None:
    missing = [i.label for i in store.repos.cases.checklist(case.id) if i.required and i.status != "received"]
    if missing:
        return WorkflowError("checklist_incomplete", items="、".join(missing))
    if not store.repos.cases.assets(case.id):
        return WorkflowError("no_assets")
    if case.bank_id is None:
        return WorkflowError("no_bank")
    if case.risk_manager_id is None:
        return WorkflowError("no_risk_manager")
    return None


def _justify_guard(store: Store, case: CaseRecord, user: UserRecord) -> WorkflowError | None:
    result = underwriting.latest_assessment(store, case.id)
    if result is None or not any(r.outcome == "justify" for r in result.rules):
        return WorkflowError("nothing_to_justify")
    return None


def _sign_guard(side: str) -> Guard:
    def guard(store: Store, case: CaseRecord, user: UserRecord) -> WorkflowError | None:
        signers = store.repos.underwriting.report_signers(case.id)
        other = (signers.b_user_id if side == "A" else signers.a_user_id) if signers else None
        return WorkflowError("same_user_a_b", user=user.display_name) if other == user.id else None

    return guard


def _vote_guard(store: Store, case: CaseRecord, user: UserRecord) -> WorkflowError | None:
    if user.id in committee._case_signers(store, case):
        return WorkflowError("conflicted_member", user=user.display_name)
    if not store.repos.committee.is_present(case.id, user.id):
        return WorkflowError("not_present", user=user.display_name)
    if store.repos.committee.has_voted(case.id, user.id):
        return WorkflowError("already_voted", user=user.display_name)
    return None


def _valuation_guard(store: Store, case: CaseRecord, user: UserRecord) -> WorkflowError | None:
    refusal = underwriting.freshness_refusal(store, case.id)
    if refusal:
        return refusal
    result = underwriting.latest_assessment(store, case.id)
    if result is None:
        return WorkflowError("not_assessed")
    return WorkflowError("zero_amount") if result.guarantee_amount <= 0 else None


_UW = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)
_DESK = (Role.ACCOUNT_MANAGER, Role.OPERATIONS, Role.ADMIN)
_OPS = (Role.OPERATIONS, Role.ADMIN)
_OPEN = tuple(s for s in Stage if s in OPEN_STAGES)

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("edit_intake", "修改受理资料", "Edit intake records", EDITABLE_STAGES, (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)),
    ActionSpec("submit_screening", "提交准入审查", "Submit for screening", (Stage.INTAKE,), (Role.ACCOUNT_MANAGER, Role.ADMIN), _intake_guard),
    ActionSpec("assess", "重新评估", "Reassess", underwriting.ASSESSABLE_STAGES, _UW),
    ActionSpec("justify", "填写书面说明", "Write justification", underwriting.ASSESSABLE_STAGES, (Role.RISK_MANAGER,), _justify_guard),
    ActionSpec("pass_screening", "通过准入", "Pass screening", (Stage.SCREENING,), _UW,
               lambda s, c, u: underwriting.screening_refusal(s, c.id)),
    ActionSpec("confirm_valuation", "确认价值认定", "Confirm valuation", (Stage.VALUATION,), _UW, _valuation_guard),
    ActionSpec("sign_a", "A角签字", "Sign as A", (Stage.INVESTIGATION,), (Role.ACCOUNT_MANAGER,), _sign_guard("A")),
    ActionSpec("sign_b", "B角签字", "Sign as B", (Stage.INVESTIGATION,), (Role.RISK_MANAGER,), _sign_guard("B")),
    ActionSpec("submit_committee", "提交保审会", "Submit to committee", (Stage.INVESTIGATION,), _UW,
               lambda s, c, u: committee.submission_refusal(s, c.id)),
    ActionSpec("attendance", "登记出席委员", "Record attendance", (Stage.COMMITTEE,), (Role.COMMITTEE_MEMBER, Role.ADMIN)),
    ActionSpec("vote", "投票", "Vote", (Stage.COMMITTEE,), (Role.COMMITTEE_MEMBER,), _vote_guard),
    ActionSpec("decide", "形成决议", "Record decision", (Stage.COMMITTEE,), (Role.COMMITTEE_MEMBER, Role.ADMIN),
               lambda s, c, u: committee.decision_refusal(s, c)),
    ActionSpec("issue_intent_letter", "出具担保意向函", "Issue intent letter", (Stage.INTENT_LETTER,), _DESK),
    ActionSpec("bank_decision", "登记银行审批结果", "Record bank decision", (Stage.BANK_APPROVAL,), _DESK),
    ActionSpec("record_contract", "登记合同", "Record contract",
               (Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT), _DESK),
    ActionSpec("complete_contracts", "完成签约", "Complete contracts", (Stage.CONTRACTS,), _DESK,
               lambda s, c, u: bank.contracts_refusal(s, c.id)),
    ActionSpec("record_registration", "登记质押办理情况", "Record pledge registration", (Stage.PLEDGE_REGISTRATION,), _OPS),
    ActionSpec("confirm_check", "确认放款条件", "Confirm disbursement conditions", (Stage.PLEDGE_REGISTRATION,), _OPS),
    ActionSpec("issue_notice", "出具放款通知书", "Issue disbursement notice", (Stage.PLEDGE_REGISTRATION,), _DESK,
               lambda s, c, u: closing.notice_refusal(s, c.id)),
    ActionSpec("record_disbursement", "登记放款", "Record disbursement", (Stage.DISBURSEMENT,), _DESK),
    ActionSpec("fee_paid", "登记担保费收讫", "Record fee paid", (Stage.IN_FORCE,), (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.ADMIN)),
    ActionSpec("deregister", "登记质押注销", "Record deregistration", (Stage.IN_FORCE,), (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.ADMIN)),
    ActionSpec("release", "解除担保", "Release guarantee", (Stage.IN_FORCE,), (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.ADMIN),
               lambda s, c, u: postloan.release_refusal(s, c)),
    ActionSpec("default", "登记逾期", "Record default", (Stage.IN_FORCE,), (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)),
    ActionSpec("compensation", "登记代偿", "Record compensation", (Stage.DEFAULTED,), (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.ADMIN)),
    ActionSpec("recovery", "登记追偿", "Record recovery", (Stage.RECOVERY,), (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)),
    ActionSpec("close_recovery", "追偿结案", "Close recovery", (Stage.RECOVERY,), (Role.RISK_MANAGER, Role.OPERATIONS, Role.ADMIN)),
    ActionSpec("amend", "变更重新上会", "Amend (back to the committee)", AMENDABLE, amend.AMENDERS,
               lambda s, c, u: WorkflowError("amend_loan_exists", stage=stage_text(c.stage)) if s.repos.closing.loan(c.id) else None),
    # The case file takes documents at every stage, from whoever works the case (ipguard.casefile.service reads these roles).
    ActionSpec("attach_file", "附加档案文件", "Attach a file", tuple(Stage),
               (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.OPERATIONS, Role.ADMIN)),
    ActionSpec("decline", "否决", "Decline", DECLINABLE, (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)),
    ActionSpec("withdraw", "撤回", "Withdraw", _OPEN, (Role.ACCOUNT_MANAGER, Role.ADMIN)),
    # The whitelist, the step's own roles and what rests on the step are the reversal's (ipguard.workflow.reversal).
    ActionSpec("reverse_last_step", "撤销上一步", "Undo last step", tuple(Stage), reversal.REVERSERS, reversal.reversal_refusal),
    ActionSpec("reassign", "改派A角/B角", "Reassign A or B", tuple(s for s in Stage if not s.is_terminal), (Role.ADMIN,)),
)
SPECS = {spec.key: spec for spec in ACTIONS}


def action_state(store: Store, case: CaseRecord, user: UserRecord, spec: ActionSpec, lang: str = "zh") -> ActionState:
    label = spec.label_in(lang)
    try:
        require_any_role(user, spec.roles, spec.text(), store)
        require_stage(case, spec.stages, spec.text())
        refusal = spec.guard(store, case, user) if spec.guard else None
        if refusal:
            return ActionState(spec.key, label, False, refusal.message(lang))
    except IpguardError as exc:
        return ActionState(spec.key, label, False, exc.message(lang))
    return ActionState(spec.key, label, True)


def available_actions(store: Store, case_id: int, user: UserRecord, lang: str = "zh") -> dict[str, ActionState]:
    """Every action with whether ``user`` may do it now on this case, and why not."""
    case = store.repos.cases.get(case_id)
    return {spec.key: action_state(store, case, user, spec, lang) for spec in ACTIONS}


# -- deadlines and turnaround ------------------------------------------------------------


@dataclass(frozen=True)
class Reminder:
    kind: str  # bank_approval / registration / maturity / annual_fee / trademark_renewal / default_uncompensated
    case_id: int
    case_no: str
    company: str
    due: dt.date
    overdue: bool
    text: str


def reminders(store: Store, today: dt.date, *, user_id: int | None = None) -> list[Reminder]:
    """Bank approvals due or overdue, pledge registrations pending, maturities within the reminder window."""
    calendar = catalog.calendar(store)
    out: list[Reminder] = []
    for r in store.repos.closing.bank_approvals_waiting(user_id):
        due = r.on  # the letter's approval deadline, stored when it was issued (rules.deadlines.intent_letter)
        out.append(Reminder("bank_approval", r.case_id, r.case_no, r.company, due, today > due,
                            f"银行审批期限 {due}" + ("，已逾期" if today > due else "")))
    for r in store.repos.closing.registrations_pending(user_id):
        # The case's own parameter version sets its follow-up time, as for maturities below.
        product = catalog.product_version(store, r.product_code, r.params_version)
        due = deadlines.registration_followup(calendar, product.deadlines, r.on)
        out.append(Reminder("registration", r.case_id, r.case_no, r.company, due, today > due, f"质押登记待办，跟进日 {due}"))
    for r in store.repos.closing.loans_in_force(user_id):
        maturity = r.on
        product = catalog.product_version(store, r.product_code, r.params_version)
        if today >= deadlines.maturity_reminder(calendar, product.deadlines, maturity):
            out.append(Reminder("maturity", r.case_id, r.case_no, r.company, maturity, today > maturity,
                                f"贷款到期日 {maturity}" + ("，已到期" if today > maturity else "")))
    out += postloan_reminders(store, today, user_id=user_id)
    return sorted(out, key=lambda r: (not r.overdue, r.due))


def postloan_reminders(store: Store, today: dt.date, *, user_id: int | None = None) -> list[Reminder]:
    """Pledged patents' annual fees, pledged trademarks' renewals, defaults not yet compensated.

    The windows are :func:`ipguard.rules.deadlines.annual_fee_due` and
    :func:`ipguard.rules.deadlines.trademark_renewal_due`.
    """
    out: list[Reminder] = []
    params = catalog.current_product(store, "kuaiyidai", today).deadlines
    for a in store.repos.closing.pledged_assets_live(user_id):
        if a.ip_type.is_patent and a.filing_date:
            due = deadlines.annual_fee_due(params, a.filing_date, today)
            if due is not None:
                out.append(Reminder("annual_fee", a.case_id, a.case_no, a.company, due, False,
                                    f"质押专利 {a.number} 年费应于 {due} 前缴纳"))
        elif a.ip_type is IpType.TRADEMARK and a.expiry_date:
            expiry = a.expiry_date
            if deadlines.trademark_renewal_due(params, expiry, today):
                out.append(Reminder("trademark_renewal", a.case_id, a.case_no, a.company, expiry, today > expiry,
                                    f"质押商标 {a.number} 于 {expiry} 到期，须办理续展"))
    for r in store.repos.closing.defaults_uncompensated(user_id):
        out.append(Reminder("default_uncompensated", r.case_id, r.case_no, r.company, r.on, True, f"{r.on} 起逾期，尚未代偿"))
    return out


@dataclass(frozen=True)
class Turnaround:
    application_date: dt.date
    disbursed_on: dt.date | None
    calendar_days: int | None
    working_days: int | None
    promise_min_days: int
    promise_max_days: int

    @property
    def met_promise(self) -> bool | None:
        return None if self.calendar_days is None else self.calendar_days <= self.promise_max_days


def turnaround(store: Store, case_id: int) -> Turnaround:
    """Days from application to disbursement (calendar and working), against the product's 2–3 week promise."""
    case = store.repos.cases.get(case_id)
    product = catalog.product_version(store, case.product_code, case.params_version)
    disbursed = store.repos.closing.loan_start_date(case_id)
    if disbursed is None:
        return Turnaround(case.application_date, None, None, None, product.deadlines.promise_min_days,
                          product.deadlines.promise_max_days)
    return Turnaround(
        case.application_date, disbursed, (disbursed - case.application_date).days,
        catalog.calendar(store).workdays_between(case.application_date, disbursed),
        product.deadlines.promise_min_days, product.deadlines.promise_max_days,
    )
