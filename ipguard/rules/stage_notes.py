"""What the workflow says when a case moves: stage notes as data, worded in the reader's language.

A stage event carries two notes, kept apart:

* the workflow's own words, an :class:`~ipguard.rules.explain.Explanation`
  (a ``stage_note.*`` key and typed parameters: amounts, dates, document
  numbers, a committee vote), stored as JSON and rendered in Chinese or
  English by :func:`render`;
* the user's own words (a reason, a note typed in a form), stored and shown
  verbatim in every language.

:func:`note_text` joins them as one line ("变更重新上会：原因" /
"amended, back to the committee: reason"). :func:`read` turns a note stored
as Chinese prose by an earlier version back into the two parts: a sentence
counts as the workflow's only when a key that the workflow writes on a move
into that stage reproduces it exactly; otherwise it is the user's text on
stages where users write notes, and legacy prose (kept verbatim, flagged) on
stages where only the workflow did (migration m009; old audit entries).
"""

from __future__ import annotations

from ipguard import messages
from ipguard.rules.explain import DATE, FIGURE, TEXT, YEARS, Explanation, declare, explain, legacy, parse, register_labels

VOTE = "vote"  # a committee vote code, worded by its label

register_labels(VOTE, {
    "approve": ("同意", "approved"),
    "approve_with_conditions": ("有条件同意", "approved with conditions"),
    "decline": ("不同意", "declined"),
})

RECEIVED = "stage_note.received"
GUARANTEE_AMOUNT = "stage_note.guarantee_amount"
INTENT_LETTER = "stage_note.intent_letter"
INTENT_LETTER_UNCONFIRMED = "stage_note.intent_letter_unconfirmed"
BANK_APPROVED = "stage_note.bank_approved"
BANK_REFUSED = "stage_note.bank_refused"
COMMITTEE_DECISION = "stage_note.committee_decision"
DISBURSEMENT_NOTICE = "stage_note.disbursement_notice"
DISBURSED = "stage_note.disbursed"
RELEASED = "stage_note.released"
COMPENSATED = "stage_note.compensated"
RECOVERY_CLOSED = "stage_note.recovery_closed"
AMENDED = "stage_note.amended"
REVERSED = "stage_note.reversed"

# The Chinese wordings are the sentences earlier versions stored (m009 reads them back exactly).
declare({
    RECEIVED: ("受理", "received", {}),
    GUARANTEE_AMOUNT: ("担保额 {amount} 元", "guarantee amount {amount} yuan", {"amount": FIGURE}),
    INTENT_LETTER: ("意向函 {letter_no}，银行审批期限 {deadline}", "intent letter {letter_no}; bank approval deadline {deadline}",
                    {"letter_no": TEXT, "deadline": DATE}),
    INTENT_LETTER_UNCONFIRMED: (
        "意向函 {letter_no}，银行审批期限 {deadline}（{years}年的国务院节假日安排尚未确认："
        "暂按法定节假日推算（不含调休），请管理员录入正式安排后以其为准）",
        "intent letter {letter_no}; bank approval deadline {deadline} (the official holiday schedule of {years} is not"
        " confirmed yet: counted on the statutory holidays without make-up working days; it holds once an administrator"
        " enters the official schedule)",
        {"letter_no": TEXT, "deadline": DATE, "years": YEARS},
    ),
    BANK_APPROVED: ("银行审批通过", "approved by the bank", {}),
    BANK_REFUSED: ("银行拒绝", "refused by the bank", {}),
    COMMITTEE_DECISION: ("{resolution_no} {vote}", "{resolution_no} {vote}", {"resolution_no": TEXT, "vote": VOTE}),
    DISBURSEMENT_NOTICE: ("{notice_no}", "disbursement notice {notice_no}", {"notice_no": TEXT}),
    DISBURSED: ("放款 {amount} 元，担保费 {fee} 元", "loan of {amount} yuan disbursed; guarantee fee {fee} yuan",
                {"amount": FIGURE, "fee": FIGURE}),
    RELEASED: ("贷款已结清，质押已注销", "loan repaid; pledges deregistered", {}),
    COMPENSATED: ("已代偿，进入追偿", "compensation paid; recovery under way", {}),
    RECOVERY_CLOSED: ("追偿终结", "recovery closed", {}),
    AMENDED: ("变更重新上会", "amended, back to the committee", {}),
    REVERSED: ("撤销上一步", "last step undone", {}),
})

#: The one separator between the workflow's words and the user's ("变更重新上会：原因").
_SEPARATOR = {"zh": "：", "en": ": "}

# The keys the workflow writes on a move into each stage (by stage value), for reading old prose back.
_WRITTEN_ON: dict[str, tuple[str, ...]] = {
    "intake": (RECEIVED,),
    "investigation": (GUARANTEE_AMOUNT,),
    "bank_approval": (INTENT_LETTER_UNCONFIRMED, INTENT_LETTER),
    "contracts": (BANK_APPROVED,),
    "intent_letter": (COMMITTEE_DECISION,),
    "declined": (BANK_REFUSED, COMMITTEE_DECISION),
    "disbursement": (DISBURSEMENT_NOTICE,),
    "in_force": (DISBURSED,),
    "released": (RELEASED,),
    "recovery": (COMPENSATED,),
    "closed": (RECOVERY_CLOSED,),
}
# Stages a move into which carries the user's words (a reason, a note typed in a form); an old note on
# any other stage that does not read back is the workflow's prose of an earlier version (legacy).
_USER_NOTE_ON = frozenset({"declined", "withdrawn", "defaulted", "closed"})
# Keys written with the user's words after them (the separator between).
_WITH_USER_TEXT: dict[str, tuple[str, ...]] = {"investigation": (AMENDED,)}


def note(key: str, **params: object) -> Explanation:
    """A stage note of a declared ``stage_note.*`` key (amounts in fen)."""
    return explain(key, **params)


def note_text(said: Explanation | None, user_text: str, lang: str = messages.DEFAULT_LANGUAGE) -> str:
    """The note of a stage event as one line in ``lang``: the workflow's words, then the user's (verbatim)."""
    parts = [p for p in (said.render(lang) if said is not None else "", user_text) if p]
    return _SEPARATOR["en" if lang == "en" else "zh"].join(parts)


def read(stage: str, text: str) -> tuple[Explanation | None, str]:
    """An old note (Chinese prose) of a move into ``stage`` as (the workflow's words, the user's words).

    Only an exact round trip makes a sentence the workflow's; a note that
    does not read back is the user's text where users write notes, else
    legacy prose (kept verbatim, flagged).
    """
    if not text:
        return None, ""
    keys = _WRITTEN_ON.get(stage, ())
    if keys:
        found = parse(text, keys)
        if not found.is_legacy:
            return found, ""
    for key in _WITH_USER_TEXT.get(stage, ()):
        head = messages.render(key, {}, "zh") + _SEPARATOR["zh"]
        if text.startswith(head) and len(text) > len(head):
            return Explanation(key, {}), text[len(head):]
    if stage in _USER_NOTE_ON:
        return None, text
    return legacy(text), ""
