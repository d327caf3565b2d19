"""After the loan starts: fee, maturity, release, default, compensation, recovery.

On compensation (代偿) the loss is split by the bank agreement: the bank keeps
its share, the re-guarantor takes its share of the guarantor's part, and the
guarantor retains the rest. The three parts add up to the payment exactly
(rounding differences stay with the guarantor).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ipguard import catalog, messages
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import format_yuan, parse_yuan
from ipguard.rules import deadlines, stage_notes
from ipguard.store import Store
from ipguard.store.records import CaseRecord, CompensationRecord, RecoveryRecord, UserRecord
from ipguard.validators import check_choice, check_text
from ipguard.workflow.common import case_action, move, record
from ipguard.workflow.dates import business_date, not_before, step

messages.register({
    "recovery_source": ("追偿来源应为现金、知识产权处置、保证人或其他", "the source is cash, IP disposal, guarantor or other"),
    "compensation_above": (
        "代偿金额（{amount}元）不能超过逾期时的担保责任余额（{limit}元）",
        "the compensation ({amount}) must not exceed the guaranteed balance at default ({limit})",
    ),
    "pledges_not_deregistered": (
        "尚未登记质押注销（注销日期及登记机关文号）：{assets}",
        "no deregistration record (date and registry reference) yet: {assets}",
    ),
    "recovery_above": (
        "追偿累计（{total}元）不能超过代偿未收回余额（{outstanding}元，本次 {amount}元）",
        "recoveries ({total}) must not exceed the compensation outstanding ({outstanding}; this one {amount})",
    ),
})

DESK = (Role.OPERATIONS, Role.ACCOUNT_MANAGER, Role.ADMIN)
RECOVERY_SOURCES = {"cash": "现金清偿", "ip_disposal": "质押知识产权处置", "guarantor": "反担保人代偿", "other": "其他"}


@dataclass(frozen=True)
class LossSplit:
    amount: int
    bank_share: int
    reguarantor_share: int
    retained: int

    def __post_init__(self) -> None:
        assert self.bank_share + self.reguarantor_share + self.retained == self.amount


def split_loss(amount: int, bank_share_bp: int, reguarantor_share_bp: int) -> LossSplit:
    """Split a compensation payment by the bank's and the re-guarantor's shares (basis points)."""
    bank = int((Decimal(amount) * bank_share_bp / 10000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    guarantor_part = amount - bank
    reguarantor = int((Decimal(guarantor_part) * reguarantor_share_bp / 10000).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return LossSplit(amount, bank, reguarantor, guarantor_part - reguarantor)


def record_fee_paid(store: Store, case_id: int, user: UserRecord, *, paid_on: object = None,
                    expected_version: int) -> CaseRecord:
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.IN_FORCE,), action=Text("登记担保费收讫", "record the guarantee fee as paid"),
                     expected_version=expected_version) as case:
        paid = business_date(paid_on, "fee_paid_on", after=[_loan_start(store, case_id)])
        store.repos.closing.mark_fee_paid(case_id, paid.isoformat())
        record(store, case, user, "loan", case.case_no, "fee_paid", after=paid.isoformat())
    return store.repos.cases.get(case_id)


def record_deregistration(store: Store, case_id: int, asset_id: int, user: UserRecord, *, deregistered_on: object = None,
                          reference: str = "", expected_version: int) -> CaseRecord:
    """One pledge's deregistration (注销登记) with its date and the registry's reference, before release."""
    reference = check_text(reference, "deregistration_ref", max_len=60)
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.IN_FORCE,),
                     action=Text("登记质押注销", "record a pledge's deregistration"), expected_version=expected_version) as case:
        if asset_id is None:
            raise ValidationError("asset", "required")
        if asset_id not in store.repos.closing.registrations_by_asset(case_id):
            raise ValidationError("asset", "asset_not_pledged_here")
        day = business_date(deregistered_on, "deregistered_on", after=[_loan_start(store, case_id)])
        store.repos.closing.deregister(case_id, asset_id, day.isoformat(), reference)
        record(store, case, user, "pledge_registration", asset_id, "deregister",
               after={"deregistered_on": day.isoformat(), "reference": reference})
    return store.repos.cases.get(case_id)


def release_refusal(store: Store, case: CaseRecord) -> WorkflowError | None:
    """Why the case cannot be released yet: pledges without their deregistration record (None when none)."""
    missing = [r.number for r in store.repos.closing.registrations(case.id) if not (r.deregistered_on and r.deregistration_ref)]
    return WorkflowError("pledges_not_deregistered", assets="、".join(missing)) if missing else None


def release(store: Store, case_id: int, user: UserRecord, *, repaid_on: object = None,
            expected_version: int) -> CaseRecord:
    """在保 → 解保: repaid in full, and every pledge has its deregistration record (not before repayment)."""
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.IN_FORCE,), action=Text("解除担保", "release the guarantee"),
                     expected_version=expected_version) as case:
        repaid = business_date(repaid_on, "repaid_on", after=[_loan_start(store, case_id)])
        refusal = release_refusal(store, case)
        if refusal:
            raise refusal
        for r in store.repos.closing.registrations(case_id):
            if r.deregistered_on is not None:
                not_before(r.deregistered_on, "deregistered_on", [step("还款日", "the repayment", repaid)])
        store.repos.closing.mark_repaid(case_id, repaid.isoformat())
        record(store, case, user, "loan", case.case_no, "release", after={"repaid_on": repaid.isoformat()})
        move(store, case, Stage.RELEASED, user, repaid, said=stage_notes.note(stage_notes.RELEASED))
    return store.repos.cases.get(case_id)


def record_default(store: Store, case_id: int, user: UserRecord, *, on: object = None, note: str = "",
                   expected_version: int) -> CaseRecord:
    """在保 → 逾期: the borrower failed to repay."""
    with case_action(store, case_id, user, roles=DESK + (Role.RISK_MANAGER,), stages=(Stage.IN_FORCE,), action=Text("登记逾期", "record a default"),
                     expected_version=expected_version) as case:
        day = business_date(on, "defaulted_on", after=[_loan_start(store, case_id)])
        store.repos.closing.mark_defaulted(case_id, day.isoformat())
        record(store, case, user, "loan", case.case_no, "default", after={"on": day.isoformat(), "note": note})
        move(store, case, Stage.DEFAULTED, user, day, note=check_text(note, "note", max_len=500, required=False))
    return store.repos.cases.get(case_id)


def record_compensation(store: Store, case_id: int, user: UserRecord, *, amount: object, paid_on: object = None,
                        expected_version: int) -> LossSplit:
    """逾期 → 代偿追偿: the guarantor pays the bank; the loss is split by the bank agreement."""
    fen = parse_yuan(amount, "compensation_amount")
    if fen <= 0:
        raise ValidationError("compensation_amount", "required")
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.DEFAULTED,), action=Text("登记代偿", "record a compensation payment"),
                     expected_version=expected_version) as case:
        paid = business_date(paid_on, "paid_on", after=[step("逾期日", "the default", store.repos.cases.stage_date(case_id, Stage.DEFAULTED))])
        limit = guaranteed_outstanding(store, case_id)
        if fen > limit:
            raise ValidationError("compensation_amount", "compensation_above", amount=format_yuan(fen), limit=format_yuan(limit))
        # The case's own terms, fixed at approval: editing the bank later changes no past split.
        terms = store.repos.cases.terms(case_id)
        split = split_loss(fen, terms.bank_share_bp if terms else 0, terms.reguarantor_share_bp if terms else 0)
        store.repos.postloan.add_compensation(
            case_id, amount=fen, paid_on=paid.isoformat(), bank_share=split.bank_share,
            reguarantor_share=split.reguarantor_share, retained=split.retained,
        )
        record(store, case, user, "compensation", case.case_no, "pay", after=split.__dict__ | {"paid_on": paid.isoformat()})
        move(store, case, Stage.RECOVERY, user, paid, said=stage_notes.note(stage_notes.COMPENSATED))
    return split


def record_recovery(store: Store, case_id: int, user: UserRecord, *, amount: object, on: object = None, source: str = "cash",
                    asset_id: int | None = None, note: str = "", expected_version: int) -> CaseRecord:
    """A recovery receipt (追偿), e.g. the proceeds of disposing of a pledged patent."""
    fen = parse_yuan(amount, "recovery_amount")
    if fen <= 0:
        raise ValidationError("recovery_amount", "required")
    source = check_choice(source, "source", RECOVERY_SOURCES)
    with case_action(store, case_id, user, roles=DESK + (Role.RISK_MANAGER,), stages=(Stage.RECOVERY,), action=Text("登记追偿", "record a recovery"),
                     expected_version=expected_version) as case:
        comp = store.repos.postloan.compensation(case_id)
        day = business_date(on, "recovered_on", after=[step("代偿日", "the compensation", comp.paid_on if comp else None)])
        compensated = comp.amount if comp else 0
        recovered = store.repos.postloan.recovered_total(case_id)
        if recovered + fen > compensated:
            raise ValidationError("recovery_amount", "recovery_above", total=format_yuan(recovered + fen),
                                  outstanding=format_yuan(compensated - recovered), amount=format_yuan(fen))
        if asset_id is not None and asset_id not in {a.id for a in store.repos.cases.assets(case_id)}:
            raise ValidationError("asset", "asset_not_pledged_here")
        recovery_id = store.repos.postloan.add_recovery(
            case_id, on_date=day.isoformat(), amount=fen, source=source, asset_id=asset_id,
            note=check_text(note, "note", max_len=500, required=False),
        )
        record(store, case, user, "recovery", recovery_id, "receive",
               after={"amount_fen": fen, "on": day.isoformat(), "source": source, "asset_id": asset_id})
    return store.repos.cases.get(case_id)


def close_recovery(store: Store, case_id: int, user: UserRecord, *, on: object = None, note: str = "",
                   expected_version: int) -> CaseRecord:
    """代偿追偿 → 追偿结案."""
    with case_action(store, case_id, user, roles=(Role.RISK_MANAGER, Role.ADMIN, Role.OPERATIONS), stages=(Stage.RECOVERY,),
                     action=Text("追偿结案", "close the recovery"), expected_version=expected_version) as case:
        day = business_date(on, "closed_on", after=[step("最后一笔追偿日", "the last recovery", _last_recovery(store, case_id))])
        note = check_text(note, "note", max_len=500, required=False)
        store.repos.cases.update_fields(case_id, {"closed_reason": note or "追偿终结"})
        move(store, case, Stage.CLOSED, user, day, note=note, said=None if note else stage_notes.note(stage_notes.RECOVERY_CLOSED))
    return store.repos.cases.get(case_id)


def guaranteed_outstanding(store: Store, case_id: int) -> int:
    """What the guarantee covers of the loan (fen): the guarantee amount, or the loan if that is smaller.

    Repayments before a default are not recorded, so the whole loan is taken as outstanding.
    """
    loan = store.repos.closing.loan(case_id)
    guarantee = store.repos.cases.guarantee_amount(case_id) or 0
    return min(guarantee, loan.loan_amount if loan else 0)


def maturity_reminder(store: Store, case_id: int) -> dt.date | None:
    """The first day the loan's coming maturity is a reminder (None before disbursement), by the case's parameters."""
    loan = store.repos.closing.loan(case_id)
    if loan is None:
        return None
    case = store.repos.cases.get(case_id)
    product = catalog.product_version(store, case.product_code, case.params_version)
    return deadlines.maturity_reminder(catalog.calendar(store), product.deadlines, loan.maturity_date)


def _loan_start(store: Store, case_id: int) -> tuple[dt.date | None, Text]:
    return step("贷款起始日", "the loan's start", store.repos.closing.loan_start_date(case_id))


def _last_recovery(store: Store, case_id: int) -> dt.date | None:
    return max((r.on_date for r in store.repos.postloan.recoveries(case_id)), default=None)


@dataclass(frozen=True)
class RecoverySummary:
    """The compensation paid (None before it), what has been recovered of it (fen) and the receipts."""

    compensation: CompensationRecord | None
    recovered: int
    entries: tuple[RecoveryRecord, ...]

    @property
    def outstanding(self) -> int:
        """What is still to recover of the compensation (fen, never below 0)."""
        return max((self.compensation.amount if self.compensation else 0) - self.recovered, 0)


def recovery_summary(store: Store, case_id: int) -> RecoverySummary:
    postloan = store.repos.postloan
    return RecoverySummary(postloan.compensation(case_id), postloan.recovered_total(case_id), tuple(postloan.recoveries(case_id)))
