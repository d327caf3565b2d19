"""Intent letter to the bank, the bank's decision, and the contracts.

The intent letter asks the bank to finish its approval within a number of
Chinese working days (product parameter) from the letter date; the deadline
is stored with the letter, and a passed deadline shows as overdue.
"""

from __future__ import annotations

import datetime as dt

from ipguard import catalog, clock, messages
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.money import parse_yuan
from ipguard.store import Store
from ipguard.store.records import CaseRecord, IntentLetterRecord, UserRecord
from ipguard.validators import check_date, check_int, check_text
from ipguard.workflow.common import case_action, doc_number, move, record

messages.register(
    {
        "not_approved": ("保审会尚未批准本案", "the committee has not approved this case"),
        "bank_decision_invalid": ("银行审批结果应为批准或拒绝", "the bank's decision is approved or refused"),
        "contract_kind": ("合同类型应为保证合同、反担保合同、质押合同或借款合同", "the contract kind is guarantee, counter-guarantee, pledge or loan"),
        "contracts_missing": ("尚未登记签订：{kinds}", "not yet recorded as signed: {kinds}"),
        "amount_above": ("{what}（{amount}元）不能超过{limit_name}（{limit}元）", "{what} ({amount}) must not exceed {limit_name} ({limit})"),
    }
)

CONTRACT_KINDS = {"guarantee": "保证合同", "counter_guarantee": "反担保保证合同", "pledge": "知识产权质押合同", "loan": "借款合同"}
REQUIRED_CONTRACTS = ("guarantee", "counter_guarantee", "pledge")
DESK = (Role.ACCOUNT_MANAGER, Role.OPERATIONS, Role.ADMIN)


def issue_intent_letter(
    store: Store, case_id: int, user: UserRecord, *, issue_date: dt.date | None = None, expected_version: int | None = None
) -> IntentLetterRecord:
    """意向函 → 银行审批: number the letter, compute the bank's deadline, archive the PDF; one transaction."""
    issue_date = issue_date or clock.today()
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.INTENT_LETTER,),
                     action=Text("出具担保意向函", "issue the intent letter"), expected_version=expected_version) as case:
        decision = store.repos.committee.decision_value(case_id)
        if decision not in ("approve", "approve_with_conditions"):
            raise WorkflowError("not_approved")
        product = catalog.product_version(store, case.product_code, case.params_version)
        days = product.deadlines.bank_approval_working_days
        deadline = catalog.calendar(store).add_workdays(issue_date, days)
        valid_until = issue_date + dt.timedelta(days=product.deadlines.intent_letter_validity_days)
        letter_no = doc_number(store, "intent_letter", issue_date.year)
        letter_id = store.repos.closing.add_intent_letter(
            case_id, letter_no=letter_no, issue_date=issue_date.isoformat(), approval_deadline=deadline.isoformat(),
            valid_until=valid_until.isoformat(),
        )
        record(store, case, user, "intent_letter", letter_no, "issue",
               after={"issue_date": issue_date.isoformat(), "approval_deadline": deadline.isoformat(), "working_days": days})
        _archive(store, case_id, "intent_letter", letter_no, issue_date, user)
        move(store, case, Stage.BANK_APPROVAL, user, issue_date, note=f"意向函 {letter_no}，银行审批期限 {deadline.isoformat()}")
    return intent_letter(store, case_id, letter_id)


def _archive(store: Store, case_id: int, kind: str, doc_no: str, issue_date: dt.date, user: UserRecord) -> None:
    from ipguard.documents.service import archive_issue

    archive_issue(store, case_id, kind, doc_no, issue_date, user)


def intent_letter(store: Store, case_id: int, letter_id: int | None = None) -> IntentLetterRecord | None:
    """The current (or a given) intent letter of a case."""
    return store.repos.closing.intent_letter(case_id, letter_id)


def record_bank_decision(
    store: Store, case_id: int, user: UserRecord, *, approved: bool, decided_on: dt.date | None = None,
    approved_amount: object = None, interest_rate: str = "", term_months: object = None, note: str = "",
    expected_version: int | None = None,
) -> CaseRecord:
    """银行审批 → 签约 (approved) or → 否决 (refused)."""
    decided_on = check_date(decided_on, "decided_on", required=False) or clock.today()
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.BANK_APPROVAL,),
                     action=Text("登记银行审批结果", "record the bank's decision"), expected_version=expected_version) as case:
        amount = term = None
        if approved:
            amount = parse_yuan(approved_amount, "approved_amount")
            if amount <= 0:
                raise ValidationError("approved_amount", "required")
            term = check_int(term_months if term_months not in (None, "") else case.term_months, "term_months", low=1, high=120)
        note = check_text(note, "note", max_len=1000, required=False)
        store.repos.closing.add_bank_decision(
            case_id, decision="approved" if approved else "refused", approved_amount=amount,
            interest_rate=check_text(interest_rate, "interest_rate", max_len=40, required=False), term_months=term,
            decided_on=decided_on.isoformat(), note=note,
        )
        record(store, case, user, "bank_decision", case.case_no, "record",
               after={"approved": approved, "amount_fen": amount, "rate": interest_rate, "term_months": term, "on": decided_on.isoformat()})
        if approved:
            move(store, case, Stage.CONTRACTS, user, decided_on, note="银行审批通过")
        else:
            store.repos.cases.update_fields(case_id, {"closed_reason": f"银行拒绝：{note}" if note else "银行拒绝"})
            move(store, case, Stage.DECLINED, user, decided_on, note="银行拒绝")
    return store.repos.cases.get(case_id)


def bank_decision(store: Store, case_id: int) -> dict | None:
    return store.repos.closing.bank_decision(case_id)


def record_contract(
    store: Store, case_id: int, user: UserRecord, *, kind: str, contract_no: str, signed_on: dt.date | None = None,
    party: str = "", expected_version: int | None = None,
) -> CaseRecord:
    """Record a signed contract (guarantee, counter-guarantee, pledge, loan)."""
    if kind not in CONTRACT_KINDS:
        raise ValidationError("kind", "contract_kind")
    contract_no = check_text(contract_no, "contract_no", max_len=60)
    signed_on = check_date(signed_on, "signed_on", required=False) or clock.today()
    with case_action(store, case_id, user, roles=DESK,
                     stages=(Stage.CONTRACTS, Stage.PLEDGE_REGISTRATION, Stage.DISBURSEMENT),
                     action=Text("登记合同", "record a contract"), expected_version=expected_version) as case:
        store.repos.closing.upsert_contract(
            case_id, kind=kind, contract_no=contract_no, party=check_text(party, "party", max_len=100, required=False),
            signed_on=signed_on.isoformat(),
        )
        record(store, case, user, "contract", contract_no, "sign", after={"kind": kind, "signed_on": signed_on.isoformat()})
    return store.repos.cases.get(case_id)


def contracts(store: Store, case_id: int) -> list[dict]:
    return store.repos.closing.contracts(case_id)


def contracts_refusal(store: Store, case_id: int) -> WorkflowError | None:
    signed = {c["kind"] for c in contracts(store, case_id)}
    missing = [CONTRACT_KINDS[k] for k in REQUIRED_CONTRACTS if k not in signed]
    return WorkflowError("contracts_missing", kinds="、".join(missing)) if missing else None


def complete_contracts(
    store: Store, case_id: int, user: UserRecord, *, on: dt.date | None = None, expected_version: int | None = None
) -> CaseRecord:
    """签约 → 质押登记: guarantee, counter-guarantee and pledge contracts are signed."""
    with case_action(store, case_id, user, roles=DESK, stages=(Stage.CONTRACTS,),
                     action=Text("完成签约", "complete the contracts"), expected_version=expected_version) as case:
        refusal = contracts_refusal(store, case_id)
        if refusal:
            raise refusal
        for asset in store.repos.cases.assets(case_id):
            store.repos.closing.open_registration(case_id, asset.id, asset.ip_type.registry)
        move(store, case, Stage.PLEDGE_REGISTRATION, user, on or clock.today())
    return store.repos.cases.get(case_id)
