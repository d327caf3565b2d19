"""What a case waits for and from whom; each user's work (待办).

:func:`waiting` asks the guard of the action that takes the case out of its
stage (the same guard :func:`ipguard.workflow.queries.available_actions`
shows and the action itself enforces). A refusal names what is missing; the
step that supplies it (a signature, a vote, a registration) and the people
who may take that step (from the action's roles: the case's own A or B, the
operations team, the committee) make the "who". Without a refusal the case
waits for the exit action itself.

:func:`my_work` lists, for one user, every case waiting for that user, plus
the deadline reminders in the user's scope. It reads the same facts in a few
set queries (:class:`ipguard.store.repos.work.WorkRepo`), so it stays quick
at 100,000 cases; the tests walk a case through every stage and check that
each item agrees with :func:`waiting`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from ipguard import catalog, clock
from ipguard.dashboard import scope_user_id
from ipguard.domain import Role, Stage
from ipguard.errors import WorkflowError
from ipguard.messages import Text
from ipguard.store import Store
from ipguard.store.records import CaseRecord, CommitteeFacts, DeskFacts, UnderwritingFacts, UserRecord, WorkCase
from ipguard.workflow import committee, postloan
from ipguard.workflow.closing import STANDARD_CHECKS
from ipguard.workflow.queries import SPECS, Reminder, reminders

# The action that takes a case out of each stage.
EXIT_ACTION: dict[Stage, str] = {
    Stage.INTAKE: "submit_screening",
    Stage.SCREENING: "pass_screening",
    Stage.VALUATION: "confirm_valuation",
    Stage.INVESTIGATION: "submit_committee",
    Stage.COMMITTEE: "decide",
    Stage.INTENT_LETTER: "issue_intent_letter",
    Stage.BANK_APPROVAL: "bank_decision",
    Stage.CONTRACTS: "complete_contracts",
    Stage.PLEDGE_REGISTRATION: "issue_notice",
    Stage.DISBURSEMENT: "record_disbursement",
    Stage.IN_FORCE: "release",
    Stage.DEFAULTED: "compensation",
    Stage.RECOVERY: "close_recovery",
}

# A refusal of the exit action names a step that comes first: the action that takes it.
RESOLVED_BY: dict[str, str] = {
    "not_assessed": "assess",
    "assessment_stale": "assess",
    "justification_missing": "justify",
    "no_quorum": "attendance",
    "votes_missing": "vote",
    "contracts_missing": "record_contract",
    "unregistered_assets": "record_registration",
    "checks_open": "confirm_check",
    "loan_contract_missing": "record_contract",
    "pledges_not_deregistered": "deregister",
}

# The case waits for its exit action, nothing blocks it: what the line says.
_READY: dict[str, Text] = {
    "submit_screening": Text("受理资料齐全，待提交准入审查", "intake complete; to be submitted for screening"),
    "pass_screening": Text("准入条件均已满足，待通过准入", "every access criterion is met; screening to be passed"),
    "confirm_valuation": Text("待确认价值认定与担保额", "valuation and guarantee amount to be confirmed"),
    "submit_committee": Text("调查报告已由A角、B角签署，待提交保审会",
                             "the investigation report is signed by A and B; to be submitted to the committee"),
    "decide": Text("出席委员均已投票，待形成保审会决议", "every member present has voted; the decision is to be recorded"),
    "issue_intent_letter": Text("保审会已批准，待出具担保意向函", "approved by the committee; the intent letter is to be issued"),
    "complete_contracts": Text("合同均已登记，待完成签约", "every contract is recorded; the contracts are to be completed"),
    "issue_notice": Text("放款条件均已满足，待出具放款通知书", "every disbursement condition is met; the disbursement notice is to be issued"),
    "record_disbursement": Text("放款通知书已出具，待银行放款后登记放款",
                                "the disbursement notice is issued; the loan is to be recorded once the bank lends"),
    "compensation": Text("贷款逾期，待代偿", "the loan is in default; compensation pending"),
    "close_recovery": Text("已代偿，追偿中", "compensated; recovery under way"),
}

# Who is waited for, per role of an action: the case's own A and B by name, the others as a team.
_TEAMS = (Role.OPERATIONS, Role.COMMITTEE_MEMBER)
_COMMITTEE_ACTIONS = ("attendance", "vote", "decide")


@dataclass(frozen=True)
class Party:
    """Someone the case waits for: a named user, any holder of a role, or the bank."""

    name: Text
    action: str  # the ACTIONS key this party would take ("" for the bank)
    user_id: int | None = None
    role: Role | None = None  # any holder of the role (when ``user_id`` is None)


@dataclass(frozen=True)
class Waiting:
    """What a case waits for now, and from whom."""

    case_id: int
    stage: Stage
    action: str  # the ACTIONS key of the step the case waits for ("" when it waits for nothing)
    what: Text  # the refusal that blocks the stage, or the step itself
    who: tuple[Party, ...] = ()
    due: dt.date | None = None
    overdue: bool = False
    excluded: frozenset[int] = frozenset()  # the case's A and B, who may not act for the committee

    def who_text(self, lang: str = "zh") -> str:
        return ("、" if lang != "en" else ", ").join(p.name.get(lang) for p in self.who)

    def text(self, lang: str = "zh") -> str:
        """One line: what, then who (the stage bar's 当前等待)."""
        what = self.what.get(lang)
        if not self.who:
            return what
        return f"{what}（待：{self.who_text(lang)}）" if lang != "en" else f"{what} (awaiting {self.who_text(lang)})"

    def party_of(self, user: UserRecord) -> Party | None:
        """The party ``user`` is (by name first, then by role), or None when the case does not wait for them."""
        for party in self.who:
            if party.user_id is not None and party.user_id == user.id:
                return party
        if user.id in self.excluded:
            return None
        for party in self.who:
            if party.user_id is None and party.role is not None and party.role in user.roles:
                return party
        return None

    def waits_for(self, user: UserRecord) -> bool:
        return self.party_of(user) is not None


def _person(store: Store, user_id: int | None, side: str, action: str) -> Party:
    role = Role.ACCOUNT_MANAGER if side == "A" else Role.RISK_MANAGER
    if user_id is None:
        return Party(Text(f"{side}角 未指定", f"{side} not assigned"), action, None, None)
    name = store.repos.users.get(user_id).display_name
    return Party(Text(f"{side}角 {name}", f"{side} {name}"), action, user_id, role)


def _team(role: Role, action: str) -> Party:
    return Party(Text(role.label, role.label_en), action, None, role)


def parties(store: Store, case: CaseRecord, action: str) -> tuple[Party, ...]:
    """Who may take ``action`` on ``case``, from the action's roles (never the admin, who may always step in)."""
    roles = SPECS[action].roles
    out: list[Party] = []
    if Role.ACCOUNT_MANAGER in roles:
        out.append(_person(store, case.account_manager_id, "A", action))
    if Role.RISK_MANAGER in roles:
        out.append(_person(store, case.risk_manager_id, "B", action))
    out += [_team(role, action) for role in _TEAMS if role in roles]
    return tuple(out)


def waiting_for(store: Store, case_id: int, lang: str = "zh") -> str:
    """One line: what the case waits for now and from whom (the stage bar's 当前等待), in ``lang``."""
    return waiting(store, case_id).text(lang)


def _nobody() -> UserRecord:
    return UserRecord(0, "", "", frozenset())


def waiting(store: Store, case_id: int, *, today: dt.date | None = None) -> Waiting:
    """What the case waits for now and from whom, from the guard of the action that ends its stage."""
    today = today or clock.today()
    case = store.repos.cases.get(case_id)
    exit_action = EXIT_ACTION.get(case.stage)
    if exit_action is None:  # released, closed, declined, withdrawn: the case waits for nothing
        return Waiting(case.id, case.stage, "", Text("", ""))
    excluded = frozenset(committee.case_signers(store, case)) if case.stage is Stage.COMMITTEE else frozenset()
    special = _special(store, case, today)
    if special is not None:
        return special
    guard = SPECS[exit_action].guard
    refusal: WorkflowError | None = guard(store, case, _nobody()) if guard else None
    if refusal is None:
        return Waiting(case.id, case.stage, exit_action, _READY[exit_action], parties(store, case, exit_action),
                       excluded=excluded)
    what = Text(refusal.message("zh"), refusal.message("en"))
    if refusal.key in ("report_unsigned", "same_user_a_b"):
        return _signatures(store, case, what)
    step = RESOLVED_BY.get(refusal.key, exit_action)
    if step == "vote":
        return Waiting(case.id, case.stage, step, what, _voters(store, case), excluded=excluded)
    return Waiting(case.id, case.stage, step, what, parties(store, case, step), excluded=excluded)


def _signatures(store: Store, case: CaseRecord, what: Text) -> Waiting:
    signers = store.repos.underwriting.report_signers(case.id)
    a_signed = bool(signers and signers.a_user_id is not None)
    b_signed = bool(signers and signers.b_user_id is not None)
    who: list[Party] = []
    if not a_signed:
        who.append(_person(store, case.account_manager_id, "A", "sign_a"))
    if not b_signed or (a_signed and signers and signers.a_user_id == signers.b_user_id):
        who.append(_person(store, case.risk_manager_id, "B", "sign_b"))
    return Waiting(case.id, case.stage, who[0].action if who else "sign_b", what, tuple(who))


def _voters(store: Store, case: CaseRecord) -> tuple[Party, ...]:
    voted = store.repos.committee.voted_members(case.id)
    out = []
    for member_id in store.repos.committee.attendance(case.id):
        if member_id not in voted:
            name = store.repos.users.get(member_id).display_name
            out.append(Party(Text(name, name), "vote", member_id, Role.COMMITTEE_MEMBER))
    return tuple(out)


def _special(store: Store, case: CaseRecord, today: dt.date) -> Waiting | None:
    """The stages that wait for the bank or for a date rather than for a guard."""
    if case.stage is Stage.BANK_APPROVAL:
        letter = store.repos.closing.intent_letter(case.id)
        bank = Party(Text("合作银行", "the bank"), "")
        who = (bank, *parties(store, case, "bank_decision"))
        if letter is None:
            return Waiting(case.id, case.stage, "bank_decision", Text("待银行审批", "the bank's approval is pending"), who)
        deadline = letter.approval_deadline
        if today > deadline:
            what = Text(f"银行审批已逾期（期限 {deadline}），待登记银行审批结果",
                        f"the bank's approval is overdue (deadline {deadline}); its decision is to be recorded")
        else:
            what = Text(f"待银行审批，期限 {deadline}", f"the bank's approval is pending, deadline {deadline}")
        return Waiting(case.id, case.stage, "bank_decision", what, who, deadline, today > deadline)
    if case.stage is Stage.IN_FORCE:
        loan = store.repos.closing.loan(case.id)
        maturity = loan.maturity_date if loan else None
        if maturity is not None and today < maturity:
            # In force until maturity: nobody has anything to do for it yet (reminders come before the date).
            return Waiting(case.id, case.stage, "", Text(f"在保，贷款到期日 {maturity}", f"in force; the loan matures on {maturity}"),
                           (), maturity, False)
        refusal = postloan.release_refusal(store, case)
        step = "deregister" if refusal else "release"
        what = (Text(refusal.message("zh"), refusal.message("en")) if refusal
                else Text(f"贷款已到期（{maturity}），待解除担保", f"the loan matured on {maturity}; the guarantee is to be released"))
        return Waiting(case.id, case.stage, step, what, parties(store, case, step), maturity,
                       bool(maturity and today > maturity))
    return None


# -- my work ---------------------------------------------------------------------------------

# Kinds of work, in the order the to-do page lists its counts.
KINDS: dict[str, Text] = {
    "vote": Text("表决", "Votes"),
    "signature": Text("签字", "Signatures"),
    "committee": Text("保审会", "Committee"),
    "underwriting": Text("审查", "Underwriting"),
    "letter": Text("出函", "Letters"),
    "contracts": Text("签约", "Contracts"),
    "registration": Text("质押登记", "Registrations"),
    "bank": Text("银行", "Bank"),
    "reminder": Text("期限提醒", "Reminders"),
}
_KIND_OF_ACTION = {
    "vote": "vote", "sign_a": "signature", "sign_b": "signature", "attendance": "committee", "decide": "committee",
    "submit_screening": "underwriting", "assess": "underwriting", "pass_screening": "underwriting", "justify": "underwriting",
    "confirm_valuation": "underwriting", "submit_committee": "underwriting",
    "issue_intent_letter": "letter", "issue_notice": "letter",
    "record_contract": "contracts", "complete_contracts": "contracts",
    "record_registration": "registration", "confirm_check": "registration",
    "bank_decision": "bank", "record_disbursement": "bank",
}


@dataclass(frozen=True)
class WorkItem:
    """One thing a user has to do on a case (or a deadline in the user's scope)."""

    kind: str  # a key of KINDS
    action: str  # the ACTIONS key of the step ("" for a reminder of a date)
    case_id: int
    case_no: str
    company: str
    stage: Stage
    since: dt.date | None  # when the case entered its stage
    text: Text  # what to do
    due: dt.date | None = None
    overdue: bool = False
    reminder: str = ""  # the reminder's kind when the item comes from one

    @property
    def sort_key(self) -> tuple[bool, dt.date, dt.date, str]:
        return (not self.overdue, self.due or dt.date.max, self.since or dt.date.max, self.case_no)


def _action_text(action: str) -> Text:
    spec = SPECS[action]
    return Text(spec.label, spec.label_en)


def _item(row: WorkCase, action: str, *, text: Text | None = None) -> WorkItem:
    return WorkItem(_KIND_OF_ACTION[action], action, row.id, row.case_no, row.company, row.stage, row.since,
                    text or _action_text(action))


def _underwriting_step(row: UnderwritingFacts, user_id: int) -> str | None:
    """The step of an intake-to-investigation case that waits for ``user_id`` (None: not for this user)."""
    is_a, is_b = row.account_manager_id == user_id, row.risk_manager_id == user_id
    stage = row.stage
    if stage is Stage.INTAKE:
        return "submit_screening" if is_a else None
    if stage is Stage.SCREENING:
        if not row.assessed or row.stale:
            return "assess"
        if row.unjustified and not row.failed:
            return "justify" if is_b else None
        return "pass_screening"
    if stage is Stage.VALUATION:
        return "assess" if not row.assessed or row.stale else "confirm_valuation"
    # Investigation: the signatures first, then the assessment's freshness, then the submission.
    a_signed, b_signed = row.a_user_id is not None, row.b_user_id is not None
    if not (a_signed and b_signed) or row.a_user_id == row.b_user_id:
        if is_a and not a_signed:
            return "sign_a"
        if is_b and (not b_signed or row.a_user_id == row.b_user_id):
            return "sign_b"
        return None
    return "assess" if not row.assessed or row.stale else "submit_committee"


def _committee_step(row: CommitteeFacts, quorum: int) -> str | None:
    if row.present < quorum:
        return "attendance"
    if row.voted < row.present:
        return "vote" if row.user_present and not row.user_voted else None
    return "decide"


def _desk_step(row: DeskFacts) -> str:
    stage = row.stage
    if stage is Stage.INTENT_LETTER:
        return "issue_intent_letter"
    if stage is Stage.CONTRACTS:
        return "complete_contracts" if row.contracts_signed >= 3 else "record_contract"
    if stage is Stage.DISBURSEMENT:
        return "record_disbursement"
    if stage is Stage.BANK_APPROVAL:
        return "bank_decision"
    if row.registrations_pending or not row.has_registrations:
        return "record_registration"
    if row.checks_open:
        return "confirm_check"
    return "issue_notice" if row.loan_contract else "record_contract"


def my_work(store: Store, user: UserRecord, *, today: dt.date | None = None) -> list[WorkItem]:
    """Everything waiting for ``user``: steps of cases (votes, signatures, letters, registrations …) and the
    deadline reminders in the user's scope, overdue first, then by due date, then oldest first."""
    today = today or clock.today()
    items: list[WorkItem] = []
    roles = user.roles
    if roles & {Role.ACCOUNT_MANAGER, Role.RISK_MANAGER}:
        for row in store.repos.work.underwriting(user.id):
            step = _underwriting_step(row, user.id)
            if step is None:
                continue
            spec_roles = SPECS[step].roles
            is_a, is_b = row.account_manager_id == user.id, row.risk_manager_id == user.id
            if (is_a and Role.ACCOUNT_MANAGER in spec_roles) or (is_b and Role.RISK_MANAGER in spec_roles):
                items.append(_item(row, step))
    if Role.COMMITTEE_MEMBER in roles:
        quorums: dict[tuple[str, str], int] = {}
        for voting in store.repos.work.committee(user.id):
            key = (voting.product_code, voting.params_version)
            if key not in quorums:
                quorums[key] = catalog.product_version(store, *key).committee.quorum
            step = _committee_step(voting, quorums[key])
            if step is not None:
                items.append(_item(voting, step))
    ops = Role.OPERATIONS in roles
    if ops or Role.ACCOUNT_MANAGER in roles:
        standard = tuple(code for code, _label in STANDARD_CHECKS)
        for desk in store.repos.work.desk(None if ops else user.id, standard):
            step = _desk_step(desk)
            step_roles = SPECS[step].roles
            mine = desk.account_manager_id == user.id and Role.ACCOUNT_MANAGER in roles and Role.ACCOUNT_MANAGER in step_roles
            if (ops and Role.OPERATIONS in step_roles) or mine:
                items.append(_item(desk, step))
    if roles & {Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.OPERATIONS, Role.ADMIN}:
        items = _with_reminders(items, reminders(store, today, user_id=scope_user_id(user)))
    return sorted(items, key=lambda i: i.sort_key)


_REMINDER_STAGES = {"bank_approval": Stage.BANK_APPROVAL, "registration": Stage.PLEDGE_REGISTRATION,
                    "maturity": Stage.IN_FORCE, "annual_fee": Stage.IN_FORCE, "trademark_renewal": Stage.IN_FORCE,
                    "default_uncompensated": Stage.DEFAULTED}


def _with_reminders(items: list[WorkItem], found: list[Reminder]) -> list[WorkItem]:
    """Give the user's steps their deadlines; any other reminder in the user's scope is an item of its own."""
    by_case = {i.case_id: n for n, i in enumerate(items)}
    out = list(items)
    for r in found:
        n = by_case.get(r.case_id)
        if n is not None and r.kind in ("bank_approval", "registration"):
            out[n] = dataclasses.replace(out[n], due=r.due, overdue=r.overdue)
            continue
        out.append(WorkItem("reminder", "", r.case_id, r.case_no, r.company, _REMINDER_STAGES.get(r.kind, Stage.IN_FORCE),
                            None, _reminder_text(r), r.due, r.overdue, r.kind))
    return out


def _reminder_text(r: Reminder) -> Text:
    due = r.due.isoformat()
    texts = {
        "bank_approval": Text(f"银行审批期限 {due}" + ("，已逾期" if r.overdue else ""),
                              f"bank approval deadline {due}" + (", overdue" if r.overdue else "")),
        "registration": Text(f"质押登记待办，跟进日 {due}", f"pledge registration pending, follow up on {due}"),
        "maturity": Text(f"贷款到期日 {due}" + ("，已到期" if r.overdue else ""),
                         f"loan matures on {due}" + (", matured" if r.overdue else "")),
        "annual_fee": Text(f"质押专利年费应于 {due} 前缴纳", f"annual fee of a pledged patent due by {due}"),
        "trademark_renewal": Text(f"质押商标于 {due} 到期，须办理续展", f"a pledged trademark expires on {due}; renew it"),
        "default_uncompensated": Text(f"{due} 起逾期，尚未代偿", f"in default since {due}; not yet compensated"),
    }
    return texts.get(r.kind, Text(r.text, r.text))


def count_by_kind(items: list[WorkItem]) -> dict[str, int]:
    """How many items of each kind (every kind of :data:`KINDS`, zero included), and ``overdue``."""
    counts = Counter(i.kind for i in items)
    out = {kind: counts.get(kind, 0) for kind in KINDS}
    out["overdue"] = sum(i.overdue for i in items)
    return out
