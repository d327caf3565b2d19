"""Intent letter to the bank, the bank's decision, and the contracts.

The intent letter asks the bank to finish its approval within a number of
Chinese working days (product parameter) from the letter date; the deadline
is stored with the letter, and a passed deadline shows as overdue.
"""

from __future__ import annotations

import datetime as dt

from ipguard import catalog, messages
from ipguard.documents.service import archive_issue, doc_number
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import format_yuan, parse_yuan
from ipguard.rules import deadlines, stage_notes
from ipguard.store import Store
from ipguard.store.records import BankDecisionRecord, CaseRecord, ContractRecord, IntentLetterRecord, UserRecord
from ipguard.validators import check_text
from ipguard.workflow.common import case_action, move, record
from ipguard.workflow.dates import business_date, step

messages.register(
    {
        "not_approved": ("保审会尚未批准本案", "the committee has not approved this case"),
        "bank_decision_invalid": ("银行审批结果应为批准或拒绝", "the bank's decision is approved or refused"),
        "contract_kind": ("合同类型应为保证合同、反担保合同、质押合同或借款合同", "the contract kind is guarantee, counter-guarantee, pledge or loan"),
        "contracts_missing": ("尚未登记签订：{kinds}", "not yet recorded as signed: {kinds}"),
        "amount_above": ("{what}（{amount}元）不能超过{limit_name}（{limit}元）", "{what} ({amount}) must not exceed {limit_name} ({limit})"),
        "letter_amount_below_guarantee": (
            "意向函申请贷款金额（{amount}元）不能低于担保额（{guarantee}元）",
            "the loan asked for in the letter ({amount}) must not be below the guarantee amount ({guarantee})",
        ),
        "term_above": ("{what}（{term}个月）不能超过{limit_name}（{limit}个月）", "{what} ({term} months) must not exceed {limit_name} ({limit} months)"),
        "letter_expired": (
            "银行审批日（{decided_on}）已过意向函有效期（至{valid_until}），须明确确认并说明原因",
            "the bank decided on {decided_on}, after the letter's validity (to {valid_until}); an explicit override with a reason is needed",
        ),
        "guarantee_contract_amount": (
            "保证合同金额（{amount}元）应与担保额（{guarantee}元）一致",
            "the guarantee contract's amount ({amount}) must equal the guaranteed amount ({guarantee})",
        ),
    }
)

CONTRACT_KINDS = {"guarantee": "保证合同", "counter_guarantee": "反担保保证合同", "pledge": "知识产权质押合同", "loan": "借款合同"}
REQUIRED_CONTRACTS = ("guarantee", "counter_guarantee", "pledge")
DESK = (Role.ACCOUNT_MANAGER, Role.OPERATIONS, Role.ADMIN)


def issue_intent_letter(
    store: Store, case_id: int, user: UserRecord, *, issue_date: dt.date | None = None, loan_amount: object = None,
    expected_version: int,
) -> IntentLetterRecord:
    """意向函 → 银行审批: number the letter, compute the bank's deadline, archive the PDF; one transaction.

    The letter states the loan the bank is asked to approve (``loan_amount``,
    default the requested amount) and the guaranteed amount, which may be
    smaller: a partial guarantee is legitimate, and the bank's approval, the
    contracts and the disbursement are later checked against both.
    """
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.INTENT_LETTER,),
                     action=Text("出具担保意向函", "issue the intent letter"), expected_version=expected_version) as case:
        issue_date = business_date(issue_date, "issue_date",
                                   after=[step("保审会决议", "the committee decision", store.repos.cases.last_stage_date(case_id))])
        decision = store.repos.committee.decision_value(case_id)
        if decision not in ("approve", "approve_with_conditions"):
            raise WorkflowError("not_approved")
        guarantee = store.repos.cases.guarantee_amount(case_id) or 0
        loan_fen = parse_yuan(loan_amount, "loan_amount") if loan_amount not in (None, "") else max(case.requested_amount, guarantee)
        if loan_fen < guarantee:
            raise ValidationError("loan_amount", "letter_amount_below_guarantee", amount=format_yuan(loan_fen),
                                  guarantee=format_yuan(guarantee))
        product = catalog.product_version(store, case.product_code, case.params_version)
        dates = deadlines.intent_letter(catalog.calendar(store), product.deadlines, issue_date)
        deadline, days = dates.approval_deadline, dates.working_days
        letter_no = doc_number(store, "intent_letter", issue_date.year)
        letter_id = store.repos.closing.add_intent_letter(
            case_id, letter_no=letter_no, issue_date=issue_date.isoformat(), approval_deadline=deadline.isoformat(),
            valid_until=dates.valid_until.isoformat(), loan_amount=loan_fen, guarantee_amount=guarantee, term_months=case.term_months,
        )
        record(store, case, user, "intent_letter", letter_no, "issue",
               after={"issue_date": issue_date.isoformat(), "approval_deadline": deadline.isoformat(), "working_days": days,
                      "loan_amount_fen": loan_fen, "guarantee_amount_fen": guarantee, "term_months": case.term_months})
        archive_issue(store, case_id, "intent_letter", letter_no, issue_date, user)
        unconfirmed = list(catalog.calendar(store).unconfirmed_years(issue_date, deadline))
        said = (stage_notes.note(stage_notes.INTENT_LETTER_UNCONFIRMED, letter_no=letter_no, deadline=deadline.isoformat(),
                                 years=unconfirmed) if unconfirmed
                else stage_notes.note(stage_notes.INTENT_LETTER, letter_no=letter_no, deadline=deadline.isoformat()))
        move(store, case, Stage.BANK_APPROVAL, user, issue_date, said=said)
    issued = intent_letter(store, case_id, letter_id)
    assert issued is not None  # written just above, in this transaction
    return issued


def intent_letter(store: Store, case_id: int, letter_id: int | None = None) -> IntentLetterRecord | None:
    """The current (or a given) intent letter of a case."""
    return store.repos.closing.intent_letter(case_id, letter_id)


def record_bank_decision(
    store: Store, case_id: int, user: UserRecord, *, approved: bool, decided_on: dt.date | None = None,
    approved_amount: object = None, interest_rate: str = "", term_months: object = None, note: str = "",
    late_override_reason: str = "", expected_version: int,
) -> CaseRecord:
    """银行审批 → 签约 (approved) or → 否决 (refused).

    The approval agrees with the letter: amount at most the loan the letter
    asked for, term at most the letter's term. An approval dated after the
    letter's validity needs ``late_override_reason`` (the explicit override).
    """
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.BANK_APPROVAL,),
                     action=Text("登记银行审批结果", "record the bank's decision"), expected_version=expected_version) as case:
        letter = store.repos.closing.intent_letter(case_id)
        decided_on = business_date(decided_on, "decided_on",
                                   after=[step("意向函出具日", "the intent letter's date", letter.issue_date if letter else None)])
        late_reason = check_text(late_override_reason, "override_reason", max_len=1000, required=False)
        amount = term = None
        if approved:
            if letter and decided_on > letter.valid_until and not late_reason:
                raise ValidationError("override_reason", "letter_expired", decided_on=decided_on.isoformat(),
                                      valid_until=letter.valid_until.isoformat())
            amount = parse_yuan(approved_amount, "approved_amount")
            if amount <= 0:
                raise ValidationError("approved_amount", "required")
            asked = letter.loan_amount if letter and letter.loan_amount else case.requested_amount
            if amount > asked:
                raise ValidationError("approved_amount", "amount_above", what="银行批准金额", amount=format_yuan(amount),
                                      limit_name="意向函申请贷款金额", limit=format_yuan(asked))
            letter_term = letter.term_months if letter and letter.term_months else case.term_months
            product = catalog.product_version(store, case.product_code, case.params_version)
            term = product.amount.check_term(term_months if term_months not in (None, "") else letter_term)
            if term > letter_term:
                raise ValidationError("term_months", "term_above", what="银行批准期限", term=term, limit_name="意向函期限",
                                      limit=letter_term)
        note = check_text(note, "note", max_len=1000, required=False)
        store.repos.closing.add_bank_decision(
            case_id, decision="approved" if approved else "refused", approved_amount=amount,
            interest_rate=check_text(interest_rate, "interest_rate", max_len=40, required=False), term_months=term,
            decided_on=decided_on.isoformat(), note=note, late_override_reason=late_reason if approved else "",
        )
        record(store, case, user, "bank_decision", case.case_no, "record",
               after={"approved": approved, "amount_fen": amount, "rate": interest_rate, "term_months": term, "on": decided_on.isoformat(),
                      "late_override_reason": late_reason or None})
        if approved:
            move(store, case, Stage.CONTRACTS, user, decided_on, said=stage_notes.note(stage_notes.BANK_APPROVED))
        else:
            store.repos.cases.update_fields(case_id, {"closed_reason": f"银行拒绝：{note}" if note else "银行拒绝"})
            move(store, case, Stage.DECLINED, user, decided_on, said=stage_notes.note(stage_notes.BANK_REFUSED))
    return store.repos.cases.get(case_id)


def bank_decision(store: Store, case_id: int) -> BankDecisionRecord | None:
    return store.repos.closing.bank_decision(case_id)


def record_contract(
    store: Store, case_id: int, user: UserRecord, *, kind: str, contract_no: str, signed_on: dt.date | None = None,
    party: str = "", amount: object = None, expected_version: int,
) -> CaseRecord:
    """Record a signed contract (guarantee, counter-guarantee, pledge, loan).

    Signed on or after the bank's approval. When its ``amount`` is given it
    must agree with the approval: a loan contract at most the approved amount,
    a guarantee contract exactly the guaranteed amount (the guarantee amount,
    or the approved loan if that is smaller).
    """
    if kind not in CONTRACT_KINDS:
        raise ValidationError("kind", "contract_kind")
    contract_no = check_text(contract_no, "contract_no", max_len=60)
    fen = parse_yuan(amount, "contract_amount") if amount not in (None, "") else None
    with case_action(store, case_id, user, roles=DESK,
                     stages=(Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT),
                     action=Text("登记合同", "record a contract"), expected_version=expected_version) as case:
        signed_on = business_date(signed_on, "signed_on",
                                  after=[step("银行审批日", "the bank's approval", store.repos.cases.stage_date(case_id, Stage.CONTRACTS))])
        if fen is not None:
            approved = store.repos.closing.approved_amount(case_id) or 0
            guaranteed = min(store.repos.cases.guarantee_amount(case_id) or 0, approved)
            if kind == "loan" and fen > approved:
                raise ValidationError("contract_amount", "amount_above", what="借款合同金额", amount=format_yuan(fen),
                                      limit_name="银行批准金额", limit=format_yuan(approved))
            if kind == "guarantee" and fen != guaranteed:
                raise ValidationError("contract_amount", "guarantee_contract_amount", amount=format_yuan(fen),
                                      guarantee=format_yuan(guaranteed))
        store.repos.closing.upsert_contract(
            case_id, kind=kind, contract_no=contract_no, party=check_text(party, "party", max_len=100, required=False),
            signed_on=signed_on.isoformat(), amount=fen,
        )
        record(store, case, user, "contract", contract_no, "sign",
               after={"kind": kind, "signed_on": signed_on.isoformat(), "amount_fen": fen})
    return store.repos.cases.get(case_id)


def contracts(store: Store, case_id: int) -> list[ContractRecord]:
    return store.repos.closing.contracts(case_id)


def contracts_refusal(store: Store, case_id: int) -> WorkflowError | None:
    signed = {c.kind for c in contracts(store, case_id)}
    missing = [CONTRACT_KINDS[k] for k in REQUIRED_CONTRACTS if k not in signed]
    return WorkflowError("contracts_missing", kinds="、".join(missing)) if missing else None


def complete_contracts(
    store: Store, case_id: int, user: UserRecord, *, on: dt.date | None = None, expected_version: int
) -> CaseRecord:
    """签约 → 质押登记: guarantee, counter-guarantee and pledge contracts are signed."""
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.CONTRACTS,),
                     action=Text("完成签约", "complete the contracts"), expected_version=expected_version) as case:
        refusal = contracts_refusal(store, case_id)
        if refusal:
            raise refusal
        day = business_date(on, "on", after=[step("最后一份合同签订日", "the last contract's signing",
                                                   store.repos.closing.latest_contract_date(case_id, REQUIRED_CONTRACTS))])
        for asset in store.repos.cases.assets(case_id):
            store.repos.closing.open_registration(case_id, asset.id, asset.ip_type.registry)
        move(store, case, Stage.PLEDGE_REGISTRATION, user, day)
    return store.repos.cases.get(case_id)
