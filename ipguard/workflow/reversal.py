"""Undoing the last stage step (撤销上一步): a whitelist of mistaken steps the business lets be taken back.

Only the case's **last** stage step is ever undone, with a reason, in one
transaction that advances the case's version, records the stage event of the
reversal and audits from/to stage, reason and what was voided. What may be
undone (``machine.REVERSIBLE_STEPS`` and ``machine.REOPENABLE``), while nothing
rests on it yet:

============================  ==========================  ===================================================
last step                     goes back to                refused while / voids
============================  ==========================  ===================================================
提交准入审查 intake→screening    受理 intake                  —
通过准入 screening→valuation     准入 screening               —
确认价值认定 valuation→invest.   价值认定 valuation           the report has an A or B signature
提交保审会 invest.→committee     调查 investigation           attendance or a vote is recorded
银行审批通过 bank→contracts      银行审批 bank approval        a contract is recorded / voids the bank decision
完成签约 contracts→registration  签约 contracts              a registration's progress or a disbursement
                                                          condition is recorded / voids the contracts (and
                                                          the empty registration rows their completion opened)
否决/撤回 (declined, withdrawn)  the stage it left           the month of the decline has ended; an asset is now
                                                          pledged in another live case; the limits would be
                                                          broken / voids a bank refusal (reopened at the
                                                          bank's approval)
============================  ==========================  ===================================================

Never undone, with what to do instead: a step that used a number (the
committee's resolution, also a committee decline; the intent letter; the
disbursement notice → reissue, or 变更重新上会), a step that moved money
(disbursement; compensation), a step that ended a guarantee or turned it to
default handling (release, default, closing the recovery), an amendment, and
a reversal itself (the step is simply done again).

Who: for a step, whoever may do that step (its action's roles) and the risk
manager or admin; reopening a declined or withdrawn case only the risk manager
or admin. Voided records leave the live tables and are kept whole in
``case_reversals`` (``voided_json``) and in the audit entry, like an
amendment's: nothing that reads the live tables can count them.

The reversal's business date is the undone step's own date when that lies in
the current month (so the redone step may carry its true date), else today:
a closed month's figures never change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from ipguard import clock, messages
from ipguard.auth import require_any_role
from ipguard.documents.service import documents_of
from ipguard.domain import Role, Stage
from ipguard.errors import WorkflowError
from ipguard.messages import Text
from ipguard.money import format_yuan
from ipguard.rules import stage_notes
from ipguard.store import Store
from ipguard.store.records import CaseRecord, ReversalRecord, StageEventRecord, UserRecord
from ipguard.validators import check_text
from ipguard.workflow.common import move, record, stage_text
from ipguard.workflow.limits import limit_refusal
from ipguard.workflow.machine import AMENDABLE, AMENDED_TO, REOPENABLE, REVERSIBLE_STEPS

messages.register(
    {
        "reversal_nothing": ("本案还没有可撤销的阶段步骤", "this case has no stage step to undo"),
        "reversal_numbered": (
            "上一步“{step}”已使用编号 {number}，不能撤销；{instead}",
            "the last step “{step}” used the number {number} and cannot be undone; {instead}",
        ),
        "reversal_money": (
            "上一步“{step}”已发生资金往来，不能撤销；{instead}",
            "the last step “{step}” moved money and cannot be undone; {instead}",
        ),
        "reversal_guarantee_ended": (
            "上一步“{step}”已解除担保或转入逾期处置，不能撤销；{instead}",
            "the last step “{step}” ended the guarantee or turned it to default handling and cannot be undone; {instead}",
        ),
        "reversal_amendment": (
            "上一步是变更重新上会，不能撤销：原决议已作废；请按变更后的流程重新评估、签字并提交保审会",
            "the last step was an amendment and cannot be undone: the former decision is void; reassess, sign and"
            " submit to the committee again",
        ),
        "reversal_undone": (
            "上一步本身是撤销，不能再撤销；如需要，请重新办理“{step}”",
            "the last step was itself an undo and cannot be undone; do “{step}” again if needed",
        ),
        "reversal_blocked": (
            "不能撤销“{step}”：其后已登记{records}",
            "“{step}” cannot be undone: {records} already recorded after it",
        ),
        "reversal_month_closed": (
            "案件于 {on} {exit}，该月已结束、月度报表已定，不能重新开启；请重新受理",
            "the case was {exit} on {on}, in a month that has ended and been reported; it cannot be reopened —"
            " open a new application",
        ),
        "reversal_asset_taken": (
            "不能重新开启：知识产权 {numbers} 已在案件 {case_no} 中质押",
            "cannot reopen: the IP asset(s) {numbers} are pledged in case {case_no}",
        ),
        "reversal_not_allowed": (
            "上一步（“{before}”→“{after}”）不在可撤销的范围内",
            "the last step (“{before}” → “{after}”) is not one that can be undone",
        ),
    }
)

_UW = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)
_DESK = (Role.ACCOUNT_MANAGER, Role.OPERATIONS, Role.RISK_MANAGER, Role.ADMIN)
#: Who may reopen a case declined or withdrawn by mistake.
REOPENERS = (Role.RISK_MANAGER, Role.ADMIN)
#: Every role that may undo some step (the action's roles in ``workflow.queries``; the step decides further).
REVERSERS = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.OPERATIONS, Role.ADMIN)

Blockers = Callable[[Store, int], list[Text]]


def _signatures(store: Store, case_id: int) -> list[Text]:
    signers = store.repos.underwriting.report_signers(case_id)
    out = []
    if signers and signers.a_user_id:
        out.append(Text("调查报告A角签字", "the report's A signature"))
    if signers and signers.b_user_id:
        out.append(Text("调查报告B角签字", "the report's B signature"))
    return out


def _committee_records(store: Store, case_id: int) -> list[Text]:
    out = []
    if store.repos.committee.attendance(case_id):
        out.append(Text("出席委员", "the members' attendance"))
    if store.repos.committee.votes(case_id):
        out.append(Text("委员表决", "members' votes"))
    reports = [d.doc_no for d in documents_of(store, case_id) if d.kind == "investigation_report" and d.status == "issued"]
    if reports:  # printed for the committee under a number
        out.append(Text(f"已出具的调查报告 {reports[-1]}", f"the issued investigation report {reports[-1]}"))
    return out


def _contracts(store: Store, case_id: int) -> list[Text]:
    return [Text("合同", "contracts")] if store.repos.closing.contracts(case_id) else []


def _registration_records(store: Store, case_id: int) -> list[Text]:
    out = []
    if any(r.submitted_on or r.registration_no or r.registered_on or r.certificate_received
           for r in store.repos.closing.registrations(case_id)):
        out.append(Text("质押登记办理情况", "pledge registration progress"))
    if any(check.confirmed for check in store.repos.closing.checks(case_id)):
        out.append(Text("已确认的放款条件", "confirmed disbursement conditions"))
    return out


def _files(store: Store, case_id: int, tables: tuple[str, ...]) -> list[Text]:
    """Case-file documents on the records a reversal would void: they would be left on a voided record."""
    count = store.repos.reversals.files_on(case_id, tables)
    return [Text(f"挂在将作废记录上的档案文件 {count} 份", f"{count} case-file document(s) on the records it would void")
            ] if count else []


@dataclass(frozen=True)
class _Step:
    name: Text  # the step taken back
    roles: tuple[Role, ...]  # who may take it back
    blockers: Blockers | None = None
    voids: tuple[str, ...] = ()  # live tables whose rows of the case the reversal voids


_STEPS: dict[tuple[Stage, Stage], _Step] = {
    (Stage.INTAKE, Stage.SCREENING): _Step(Text("提交准入审查", "submit for screening"), _UW),
    (Stage.SCREENING, Stage.VALUATION): _Step(Text("通过准入", "pass screening"), _UW),
    (Stage.VALUATION, Stage.INVESTIGATION): _Step(Text("确认价值认定", "confirm the valuation"), _UW, _signatures),
    (Stage.INVESTIGATION, Stage.COMMITTEE): _Step(Text("提交保审会", "submit to the committee"), _UW, _committee_records),
    (Stage.BANK_APPROVAL, Stage.CONTRACTS): _Step(Text("登记银行审批结果", "record the bank's decision"), _DESK, _contracts,
                                                  ("bank_decisions",)),
    (Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION): _Step(Text("完成签约", "complete the contracts"), _DESK,
                                                        _registration_records, ("contracts", "pledge_registrations")),
}
assert set(_STEPS) == REVERSIBLE_STEPS  # the machine's whitelist and the steps known here are one list

_INSTEAD_RESOLUTION = Text("决议有误请重新出具保审会决议；需改变金额、期限或条件请“变更重新上会”",
                           "reissue the committee resolution if it is wrong; amend the case (back to the committee)"
                           " to change the amount, term or conditions")
_INSTEAD_LETTER = Text("意向函有误请重新出具；需改变金额、期限或条件请“变更重新上会”",
                       "reissue the intent letter if it is wrong; amend the case (back to the committee) to change"
                       " the amount, term or conditions")
_INSTEAD_NOTICE = Text("放款通知书有误请重新出具；需改变条件请“变更重新上会”",
                       "reissue the disbursement notice if it is wrong; amend the case (back to the committee) to"
                       " change the conditions")
_INSTEAD_DECLINE = Text("保审会否决是最终决定，企业可重新申请", "the committee's decline is final; the applicant may apply anew")
_INSTEAD_LOAN = Text("担保已生效，请在在保阶段按实际情况登记（还款解除或逾期）",
                     "the guarantee is in force: record what actually happens next (repayment and release, or default)")
_INSTEAD_PAID = Text("代偿款已支付，请在追偿中登记后续收回", "the compensation is paid: record what is recovered")
_INSTEAD_ENDED = Text("请按保后流程继续办理", "carry on with the post-loan steps")

# Refused kinds: (last step) -> (message key, the step's name, what to do instead).
_NUMBERED: dict[tuple[Stage, Stage], tuple[Text, Text]] = {
    (Stage.COMMITTEE, Stage.INTENT_LETTER): (Text("形成保审会决议", "form the committee's resolution"), _INSTEAD_RESOLUTION),
    (Stage.COMMITTEE, Stage.DECLINED): (Text("保审会否决", "the committee's decline"), _INSTEAD_DECLINE),
    (Stage.INTENT_LETTER, Stage.BANK_APPROVAL): (Text("出具担保意向函", "issue the intent letter"), _INSTEAD_LETTER),
    (Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT): (Text("出具放款通知书", "issue the disbursement notice"), _INSTEAD_NOTICE),
}
_MONEY: dict[tuple[Stage, Stage], tuple[Text, Text]] = {
    (Stage.DISBURSEMENT, Stage.IN_FORCE): (Text("登记放款", "record the disbursement"), _INSTEAD_LOAN),
    (Stage.DEFAULTED, Stage.RECOVERY): (Text("登记代偿", "record the compensation"), _INSTEAD_PAID),
}
_ENDED: dict[tuple[Stage, Stage], tuple[Text, Text]] = {
    (Stage.IN_FORCE, Stage.RELEASED): (Text("解除担保", "release the guarantee"), _INSTEAD_ENDED),
    (Stage.IN_FORCE, Stage.DEFAULTED): (Text("登记逾期", "record the default"), _INSTEAD_ENDED),
    (Stage.RECOVERY, Stage.CLOSED): (Text("追偿结案", "close the recovery"), _INSTEAD_ENDED),
}
_EXITS = {Stage.DECLINED: Text("否决", "declined"), Stage.WITHDRAWN: Text("撤回", "withdrawn")}


@dataclass(frozen=True)
class ReversalPlan:
    """What undoing the case's last step would do now: the stages, the step, what it voids, its date."""

    case_id: int
    from_stage: Stage  # the case's stage now
    to_stage: Stage  # where the reversal takes it
    step: Text  # the step taken back (or the decline / withdrawal undone)
    voids: tuple[Text, ...]  # the records voided, worded
    reopen: bool  # a declined or withdrawn case is reopened
    on: dt.date  # the reversal's business date
    tables: tuple[str, ...] = ()  # live tables whose rows of the case are voided

    def consequence(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """The consequence in words (for the confirmation): from → to stage and what gets voided."""
        move_text = messages.render("reversal_consequence", {"step": self.step, "stage": stage_text(self.from_stage),
                                                             "target": stage_text(self.to_stage)}, lang)
        if not self.voids:
            return move_text + messages.render("reversal_voids_nothing", {}, lang)
        sep = "；" if lang != "en" else "; "
        return move_text + messages.render("reversal_voids", {"records": sep.join(v.get(lang) for v in self.voids)}, lang)


messages.register(
    {
        "reversal_consequence": ("撤销“{step}”：案件从“{stage}”退回“{target}”。", "Undo “{step}”: the case goes back from “{stage}” to “{target}”. "),
        "reversal_voids": ("作废（保留在历史中）：{records}。", "Voided (kept in the history): {records}."),
        "reversal_voids_nothing": ("不作废任何记录。", "No record is voided."),
    }
)


def _number(store: Store, case_id: int, last: tuple[Stage, Stage]) -> str:
    """The number the step used (the resolution's, the letter's or the notice's)."""
    if last[0] is Stage.COMMITTEE:
        decision = store.repos.committee.decision(case_id)
        return decision.resolution_no if decision else "—"
    if last == (Stage.INTENT_LETTER, Stage.BANK_APPROVAL):
        letter = store.repos.closing.intent_letter(case_id)
        return letter.letter_no if letter else "—"
    notices = [d.doc_no for d in documents_of(store, case_id) if d.kind == "disbursement_notice" and d.status == "issued"]
    return notices[-1] if notices else "—"


def _describe(store: Store, case_id: int, tables: tuple[str, ...]) -> tuple[Text, ...]:
    """The records of ``tables`` a reversal would void, worded."""
    out: list[Text] = []
    if "bank_decisions" in tables and (decision := store.repos.closing.bank_decision(case_id)) is not None:
        if decision.approved:
            amount = format_yuan(decision.approved_amount or 0)
            out.append(Text(f"银行审批结果（批准 {amount}元，{decision.decided_on}）",
                            f"the bank's decision (approved, {amount} yuan, {decision.decided_on})"))
        else:
            out.append(Text(f"银行审批结果（拒绝，{decision.decided_on}）", f"the bank's decision (refused, {decision.decided_on})"))
    if "contracts" in tables and (contracts := store.repos.closing.contracts(case_id)):
        numbers = "、".join(c.contract_no for c in contracts)
        out.append(Text(f"合同 {len(contracts)} 份（{numbers}）", f"{len(contracts)} contract(s) ({', '.join(c.contract_no for c in contracts)})"))
    return tuple(out)


def _last_event(store: Store, case: CaseRecord) -> StageEventRecord | None:
    events = store.repos.cases.events(case.id)
    return events[-1] if events else None


def _reversal_date(undone_on: dt.date) -> dt.date:
    today = clock.today()
    return undone_on if (undone_on.year, undone_on.month) == (today.year, today.month) else today


def reversal_plan(store: Store, case_id: int, user: UserRecord) -> ReversalPlan:
    """What undoing the last step of the case would do for ``user`` now; raises why it may not (the same checks
    :func:`reverse_last_step` runs in its transaction)."""
    return _plan(store, store.repos.cases.get(case_id), user)


def _plan(store: Store, case: CaseRecord, user: UserRecord) -> ReversalPlan:
    require_any_role(user, REVERSERS, Text("撤销上一步", "undo the last step"), store)
    event = _last_event(store, case)
    if event is None or event.from_stage is None:
        raise WorkflowError("reversal_nothing")
    last = (event.from_stage, event.to_stage)
    if event.to_stage is not case.stage:
        raise WorkflowError("reversal_not_allowed", before=stage_text(last[0]), after=stage_text(case.stage))
    for table, key in ((_NUMBERED, "reversal_numbered"), (_MONEY, "reversal_money"), (_ENDED, "reversal_guarantee_ended")):
        if last in table:
            name, instead = table[last]
            if key == "reversal_numbered":
                raise WorkflowError(key, step=name, instead=instead, number=_number(store, case.id, last))
            raise WorkflowError(key, step=name, instead=instead)
    if last[1] is AMENDED_TO and last[0] in AMENDABLE:
        raise WorkflowError("reversal_amendment")
    if (last[1], last[0]) in _STEPS:
        raise WorkflowError("reversal_undone", step=_STEPS[(last[1], last[0])].name)
    if last[0] in REOPENABLE:
        raise WorkflowError("reversal_undone", step=_EXITS[last[0]])
    on = _reversal_date(event.on_date)
    if last in _STEPS:
        step = _STEPS[last]
        require_any_role(user, step.roles, Text(f"撤销“{step.name.zh}”", f"undo “{step.name.en}”"), store)
        blocking = (step.blockers(store, case.id) if step.blockers else []) + _files(store, case.id, step.voids)
        if blocking:
            raise WorkflowError("reversal_blocked", step=step.name, records=Text(
                "、".join(b.zh for b in blocking), ", ".join(b.en for b in blocking)))
        return ReversalPlan(case.id, case.stage, last[0], step.name, _describe(store, case.id, step.voids), False, on,
                            step.voids)
    if last[1] in REOPENABLE:
        return _reopen_plan(store, case, user, event, on)
    raise WorkflowError("reversal_not_allowed", before=stage_text(last[0]), after=stage_text(last[1]))


def _reopen_plan(store: Store, case: CaseRecord, user: UserRecord, event: StageEventRecord, on: dt.date) -> ReversalPlan:
    """A case declined or withdrawn by mistake, back at the stage it left."""
    assert event.from_stage is not None
    exit_ = _EXITS[event.to_stage]
    require_any_role(user, REOPENERS, Text(f"重新开启{exit_.zh}的案件", f"reopen a {exit_.en} case"), store)
    today = clock.today()
    if (event.on_date.year, event.on_date.month) != (today.year, today.month):
        raise WorkflowError("reversal_month_closed", on=event.on_date.isoformat(), exit=exit_)
    taken = store.repos.cases.assets_in_other_live_cases(case.id)
    if taken:
        raise WorkflowError("reversal_asset_taken", numbers="、".join(sorted(taken)), case_no=min(taken.values()))
    back = event.from_stage
    if back.value in store.repos.underwriting.GIVEN_STAGES:  # the guarantee counts against the limits again
        refusal = limit_refusal(store, case, store.repos.cases.guarantee_amount(case.id) or 0)
        if refusal:
            raise refusal
    tables = ("bank_decisions",) if back is Stage.BANK_APPROVAL else ()  # a bank refusal recorded by mistake
    files = _files(store, case.id, tables)
    if files:
        raise WorkflowError("reversal_blocked", step=exit_, records=files[0])
    return ReversalPlan(case.id, case.stage, back, exit_, _describe(store, case.id, tables), True, on, tables)


def reversal_refusal(store: Store, case: CaseRecord, user: UserRecord) -> WorkflowError | None:
    """Why ``user`` may not undo the case's last step now (None when they may); a missing role raises."""
    try:
        _plan(store, case, user)
    except WorkflowError as exc:
        return exc
    return None


def reverse_last_step(store: Store, case_id: int, user: UserRecord, *, reason: str, expected_version: int) -> CaseRecord:
    """Undo the case's last stage step, with a reason; voids what rested on it; audited (see the module docstring)."""
    reason = check_text(reason, "reversal_reason", max_len=1000)
    with store.transaction():
        case = store.repos.cases.get(case_id)
        store.bump_case_version(case_id, expected_version)
        p = _plan(store, case, user)
        voided: dict[str, object] = {t: rows for t, rows in store.repos.reversals.set_aside(case_id, p.tables).items() if rows}
        if p.reopen:
            voided["closed_reason"] = store.repos.reversals.reopen(case_id)
        reversal_id = store.repos.reversals.add(case_id, reversed_on=p.on.isoformat(), reversed_by=user.id, reason=reason,
                                                from_stage=p.from_stage.value, to_stage=p.to_stage.value, voided=voided)
        record(store, case, user, "case_reversal", reversal_id, "reverse",
               before={"stage": p.from_stage.value, "voided": voided},
               after={"stage": p.to_stage.value, "reason": reason, "on": p.on.isoformat()})
        move(store, case, p.to_stage, user, p.on, note=reason, said=stage_notes.note(stage_notes.REVERSED), reversing=True)
    return store.repos.cases.get(case_id)


def reversals(store: Store, case_id: int) -> list[ReversalRecord]:
    """The case's reversals, oldest first: date, who, reason, stages, and what each voided."""
    return store.repos.reversals.of_case(case_id)


__all__ = ["REOPENERS", "REVERSERS", "ReversalPlan", "reversal_plan", "reversal_refusal", "reversals", "reverse_last_step"]
