"""Investigation report (A and B roles) and the one-step committee (保审会).

The account manager (A) and the risk manager (B) sign the report together;
they must be two different people. The committee then decides once: members
present, each member's vote and comment, quorum and majority from the product
parameters, a resolution number. The case's A and B users cannot vote on it.
"""

from __future__ import annotations

import datetime as dt
import json

from ipguard import catalog, clock, messages
from ipguard.documents.service import doc_number
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import format_yuan, parse_yuan
from ipguard.rules import stage_notes
from ipguard.rules.committee import Tally, count_votes
from ipguard.store import Store
from ipguard.store.records import CaseRecord, CommitteeDecisionRecord, InvestigationReportRecord, UserRecord, VoteRecord
from ipguard.validators import check_text
from ipguard.workflow import limits
from ipguard.workflow.common import case_action, move, record
from ipguard.workflow.dates import business_date, step
from ipguard.workflow.underwriting import freshness_refusal, screening_refusal

messages.register(
    {
        "same_user_a_b": ("调查报告的A角和B角必须是两个不同的人（{user}不能同时签两个角色）", "the A and B signatures must be two different people ({user} cannot sign both)"),
        "report_unsigned": ("调查报告尚缺{missing}签字", "the investigation report still lacks the {missing} signature"),
        "sign_side": ("签字角色应为 A 或 B", "the signing side must be A or B"),
        "not_committee_member": ("{user}不是保审会委员", "{user} is not a committee member"),
        "conflicted_member": ("{user}是本案的A角或B角，不能参加表决", "{user} is the case's A or B role and cannot vote on it"),
        "not_present": ("{user}未登记出席本次保审会", "{user} is not recorded as present at this meeting"),
        "already_voted": ("{user}已经投过票", "{user} has voted already"),
        "no_quorum": ("出席委员 {present} 人，不足法定人数 {quorum} 人", "{present} members present, fewer than the quorum of {quorum}"),
        "votes_missing": ("尚有出席委员未投票：{members}", "members present have not voted yet: {members}"),
        "vote_invalid": ("表决意见应为同意、有条件同意或不同意", "a vote is approve, approve with conditions or decline"),
        "conditions_required": ("有条件同意须写明条件", "approval with conditions needs the conditions"),
        "committee_amount_above": (
            "保审会批准金额（{amount}元）不能超过认定担保额（{limit}元）",
            "the committee's amount ({amount}) must not exceed the recognized guarantee amount ({limit})",
        ),
    }
)

VOTES = {"approve": "同意", "approve_with_conditions": "有条件同意", "decline": "不同意"}


def sign_report(
    store: Store, case_id: int, side: str, user: UserRecord, *, opinion: str = "", on: dt.date | None = None,
    expected_version: int,
) -> CaseRecord:
    """Sign the investigation report as A (account manager) or B (risk manager), each with an own opinion.

    ``on`` back-dates the signature (e.g. entering a report signed on paper); default now.
    """
    side = side.upper()
    if side not in ("A", "B"):
        raise ValidationError("side", "sign_side")
    role = Role.ACCOUNT_MANAGER if side == "A" else Role.RISK_MANAGER
    with case_action(store, case_id, user, roles=(role,), stages=(Stage.INVESTIGATION,),
                     action=f"以{side}角签署调查报告", expected_version=expected_version) as case:
        signers = store.repos.underwriting.report_signers(case_id)
        other = (signers.b_user_id if side == "A" else signers.a_user_id) if signers else None
        if other == user.id:
            raise WorkflowError("same_user_a_b", user=user.display_name)
        column = side.lower()
        if on:
            business_date(on, "on", after=[step("价值认定确认日", "the valuation's confirmation",
                                                store.repos.cases.stage_date(case_id, Stage.INVESTIGATION))])
        now = on.isoformat() if on else store.now()
        store.repos.underwriting.sign_report(case_id, column, user.id, now)
        if opinion.strip():
            # A's opinion is the report's conclusion; B adds the risk manager's own.
            store.repos.underwriting.set_report_opinion(case_id, column, check_text(opinion, "opinion", max_len=5000))
        # The signers are the case's A and B from now on.
        store.repos.cases.update_fields(case_id, {"account_manager_id" if side == "A" else "risk_manager_id": user.id})
        record(store, case, user, "investigation_report", case.case_no, f"sign_{column}", after={"signed_at": now})
    return store.repos.cases.get(case_id)


def report_refusal(store: Store, case_id: int) -> WorkflowError | None:
    signers = store.repos.underwriting.report_signers(case_id)
    a, b = (signers.a_user_id, signers.b_user_id) if signers else (None, None)
    missing = [side for side, uid in (("A角", a), ("B角", b)) if uid is None]
    if missing:
        return WorkflowError("report_unsigned", missing=Text("、".join(missing), " and ".join(m[0] for m in missing)))
    if a is not None and a == b:
        return WorkflowError("same_user_a_b", user=store.repos.users.get(a).display_name)
    return None


def submission_refusal(store: Store, case_id: int) -> WorkflowError | None:
    """Why the case cannot go to the committee: unsigned report, a missing or stale assessment, or a current
    assessment that would not pass screening or leaves no amount (figures corrected at the investigation,
    e.g. after an amendment, are held to the same rules as at screening and valuation)."""
    refusal = report_refusal(store, case_id) or freshness_refusal(store, case_id) or screening_refusal(store, case_id)
    if refusal is None and (store.repos.cases.guarantee_amount(case_id) or 0) <= 0:
        refusal = WorkflowError("zero_amount")
    return refusal


def submit_to_committee(
    store: Store, case_id: int, user: UserRecord, *, on: dt.date | None = None, expected_version: int
) -> CaseRecord:
    """调查 → 保审会: only with both signatures from two different users."""
    with case_action(store, case_id, user, roles=(Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN),
                     stages=(Stage.INVESTIGATION,), action=Text("提交保审会", "submit to the committee"), expected_version=expected_version) as case:
        refusal = submission_refusal(store, case_id)
        if refusal:
            raise refusal
        move(store, case, Stage.COMMITTEE, user, on or clock.today())
    return store.repos.cases.get(case_id)


def _case_signers(store: Store, case: CaseRecord) -> set[int]:
    report = store.repos.underwriting.report_signers(case.id)
    signers = {case.account_manager_id, case.risk_manager_id}
    if report:
        signers |= {report.a_user_id, report.b_user_id}
    return {s for s in signers if s is not None}


def _not_own_case(store: Store, case: CaseRecord, user: UserRecord) -> None:
    """Whoever worked a case (A or B) does not run its committee, even holding admin as well."""
    if user.id in _case_signers(store, case):
        raise WorkflowError("conflicted_member", user=user.display_name)


def _check_member(store: Store, case: CaseRecord, member: UserRecord) -> None:
    if Role.COMMITTEE_MEMBER not in member.roles:
        raise WorkflowError("not_committee_member", user=member.display_name)
    if member.id in _case_signers(store, case):
        raise WorkflowError("conflicted_member", user=member.display_name)


def record_attendance(
    store: Store, case_id: int, member_ids: list[int], user: UserRecord, *, expected_version: int
) -> CaseRecord:
    """Record who is present at the meeting for this case (replaces the list until votes are cast)."""
    with case_action(store, case_id, user, roles=(Role.COMMITTEE_MEMBER, Role.ADMIN), stages=(Stage.COMMITTEE,),
                     action=Text("登记出席委员", "record attendance"), expected_version=expected_version) as case:
        _not_own_case(store, case, user)
        members = [store.repos.users.get(m) for m in dict.fromkeys(member_ids)]
        for member in members:
            _check_member(store, case, member)
        voted = store.repos.committee.voted_members(case_id)
        # A member who already voted stays present.
        store.repos.committee.set_attendance(case_id, [m.id for m in members] + list(voted - {m.id for m in members}))
        record(store, case, user, "committee", case.case_no, "attendance", after=[m.display_name for m in members])
    return store.repos.cases.get(case_id)


def vote(
    store: Store, case_id: int, user: UserRecord, choice: str, comment: str = "", *, expected_version: int
) -> CaseRecord:
    """A present committee member votes once, with an optional comment."""
    if choice not in VOTES:
        raise ValidationError("vote", "vote_invalid")
    comment = check_text(comment, "comment", max_len=2000, required=False)
    with case_action(store, case_id, user, roles=(Role.COMMITTEE_MEMBER,), stages=(Stage.COMMITTEE,),
                     action=Text("投票", "vote"), expected_version=expected_version) as case:
        _check_member(store, case, user)
        if not store.repos.committee.is_present(case_id, user.id):
            raise WorkflowError("not_present", user=user.display_name)
        if store.repos.committee.has_voted(case_id, user.id):
            raise WorkflowError("already_voted", user=user.display_name)
        store.repos.committee.add_vote(case_id, user.id, choice, comment, store.now())
        record(store, case, user, "committee_vote", user.id, "vote", after={"vote": choice, "comment": comment})
    return store.repos.cases.get(case_id)


def tally(store: Store, case: CaseRecord) -> Tally:
    """The case's vote count so far under its product version's quorum and majority."""
    product = catalog.product_version(store, case.product_code, case.params_version)
    return count_votes(store.repos.committee.present_count(case.id), store.repos.committee.vote_counts(case.id),
                       product.committee)


def decision_refusal(store: Store, case: CaseRecord) -> WorkflowError | None:
    t = tally(store, case)
    if t.present < t.quorum:
        return WorkflowError("no_quorum", present=t.present, quorum=t.quorum)
    missing = store.repos.committee.present_not_voted(case.id)
    if missing:
        return WorkflowError("votes_missing", members="、".join(missing))
    return None


def decide(
    store: Store, case_id: int, user: UserRecord, *, meeting_date: dt.date | None = None, conditions: list[str] | None = None,
    approved_amount: object = None, expected_version: int,
) -> CaseRecord:
    """Close the vote: the decision follows from quorum and majority, and is final.

    The case's own A and B cannot close it. ``approved_amount`` lets the
    committee approve less than the recognized guarantee amount, never more
    (the recognized amount is already the least of the candidates the
    committee may not exceed).
    """
    meeting_date = meeting_date or clock.today()
    conditions = [check_text(c, "conditions", max_len=500) for c in (conditions or []) if c and c.strip()]
    granted = parse_yuan(approved_amount, "approved_amount") if approved_amount not in (None, "") else None
    with case_action(store, case_id, user, roles=(Role.COMMITTEE_MEMBER, Role.ADMIN), stages=(Stage.COMMITTEE,),
                     action=Text("形成保审会决议", "record the committee's decision"), expected_version=expected_version) as case:
        _not_own_case(store, case, user)
        meeting_date = business_date(meeting_date, "meeting_date", after=[
            step("提交保审会日", "the submission to the committee", store.repos.cases.last_stage_date(case_id))])
        refusal = decision_refusal(store, case)
        if refusal:
            raise refusal
        recognized = store.repos.cases.guarantee_amount(case_id) or 0
        if granted is not None:
            if granted <= 0:
                raise ValidationError("approved_amount", "required")
            if granted > recognized:
                raise ValidationError("approved_amount", "committee_amount_above", amount=format_yuan(granted),
                                      limit=format_yuan(recognized))
        t = tally(store, case)
        if not t.approved:
            decision = "decline"
        elif t.approve_with_conditions or conditions:
            decision = "approve_with_conditions"
            if not conditions:
                conditions = store.repos.committee.condition_comments(case_id)
            if not conditions:
                raise ValidationError("conditions", "conditions_required")
        else:
            decision = "approve"
        resolution_no = doc_number(store, "committee_resolution", meeting_date.year)
        store.repos.committee.add_decision(
            case_id, resolution_no=resolution_no, meeting_date=meeting_date.isoformat(), decision=decision,
            conditions_json=json.dumps(conditions, ensure_ascii=False), decided_at=store.now(), recorded_by=user.id,
        )
        for code, label in [(f"condition_{i + 1}", c) for i, c in enumerate(conditions)]:
            store.repos.closing.add_check(case_id, code, label)
        record(store, case, user, "committee_decision", resolution_no, "decide",
               after={"decision": decision, "conditions": conditions, "tally": t.explanation().to_json()})
        if decision != "decline" and granted is not None and granted != recognized:
            store.repos.cases.update_fields(case_id, {"guarantee_amount_fen": granted})
            record(store, case, user, "committee_decision", resolution_no, "amount",
                   before={"guarantee_amount_fen": recognized}, after={"guarantee_amount_fen": granted})
        if decision != "decline":
            # The limits again, on the book as it is today (other cases may have been approved meanwhile).
            refusal = limits.limit_refusal(store, case, store.repos.cases.guarantee_amount(case_id) or 0)
            if refusal:
                raise refusal
            fix_terms(store, case, meeting_date)
        target = Stage.DECLINED if decision == "decline" else Stage.INTENT_LETTER
        if target is Stage.DECLINED:
            store.repos.cases.update_fields(case_id, {"closed_reason": f"保审会否决（{resolution_no}）"})
        move(store, case, target, user, meeting_date,
             said=stage_notes.note(stage_notes.COMMITTEE_DECISION, resolution_no=resolution_no, vote=decision))
    return store.repos.cases.get(case_id)


def fix_terms(store: Store, case: CaseRecord, on: dt.date) -> None:
    """The guarantee is given at the committee's approval: copy the bank's and re-guarantor's shares and
    the fee rate into the case, so later edits of the bank or the product change no past case."""
    bank = store.repos.banks.get(case.bank_id) if case.bank_id else None
    product = catalog.product_version(store, case.product_code, case.params_version)
    store.repos.cases.fix_terms(
        case.id, on=on, bank_share_bp=bank.bank_share_bp if bank else 0, reguarantor_name=bank.reguarantor_name if bank else "",
        reguarantor_share_bp=bank.reguarantor_share_bp if bank else 0, fee_rate=str(product.fees.annual_rate),
        fee_basis=product.fees.basis,
    )


def decision_of(store: Store, case_id: int) -> CommitteeDecisionRecord | None:
    """The committee's decision on the case, or None before it."""
    return store.repos.committee.decision(case_id)


# -- reads for the UI ------------------------------------------------------------------------


def investigation_report(store: Store, case_id: int) -> InvestigationReportRecord | None:
    """The case's investigation report (None before value recognition is confirmed)."""
    return store.repos.underwriting.report(case_id)


def case_signers(store: Store, case: CaseRecord) -> set[int]:
    """The users who may not vote on ``case`` (its A and B roles)."""
    return _case_signers(store, case)


def attendance(store: Store, case_id: int) -> list[int]:
    """Ids of the members recorded as present for this case."""
    return store.repos.committee.attendance(case_id)


def votes(store: Store, case_id: int) -> list[VoteRecord]:
    """The votes cast on this case, in order."""
    return store.repos.committee.votes(case_id)


# -- changing one's own vote --------------------------------------------------------------

messages.register(
    {
        "no_vote_to_change": ("{user}尚未投票，没有可修改的表决", "{user} has not voted yet; there is no vote to change"),
    }
)


def my_vote(store: Store, case_id: int, member: UserRecord) -> VoteRecord | None:
    """The signed-in member's own vote on this case (what the vote form shows), or None."""
    return store.repos.committee.vote_of(case_id, member.id)


def change_vote(
    store: Store, case_id: int, user: UserRecord, choice: str, comment: str = "", *, expected_version: int
) -> CaseRecord:
    """A member changes their own vote while the committee stage is open (before the resolution).

    Once :func:`decide` forms the resolution the case leaves 保审会 and the
    stage check refuses. The previous vote is kept in the audit entry.
    """
    if choice not in VOTES:
        raise ValidationError("vote", "vote_invalid")
    comment = check_text(comment, "comment", max_len=2000, required=False)
    with case_action(store, case_id, user, roles=(Role.COMMITTEE_MEMBER,), stages=(Stage.COMMITTEE,),
                     action=Text("修改表决", "change a vote"), expected_version=expected_version) as case:
        _check_member(store, case, user)
        before = store.repos.committee.vote_of(case_id, user.id)
        if before is None:
            raise WorkflowError("no_vote_to_change", user=user.display_name)
        store.repos.committee.replace_vote(case_id, user.id, choice, comment, store.now())
        record(store, case, user, "committee_vote", user.id, "change_vote",
               before={"vote": before.vote, "comment": before.comment},
               after={"vote": choice, "comment": comment})
    return store.repos.cases.get(case_id)
