"""The case workflow: an explicit state machine over the stages of a case.

Each public function is one user action (one transaction, audited, role- and
version-checked). A refused action raises WorkflowError / PermissionDenied /
ValidationError whose message says why. ``TRANSITIONS`` lists every allowed
stage change; ``ipguard.workflow.queries`` tells the UI what a user may do
now and why not.
"""

from __future__ import annotations

from ipguard.workflow.amend import amend_case, amendments
from ipguard.workflow.bank import (
    complete_contracts,
    contracts,
    intent_letter,
    issue_intent_letter,
    record_bank_decision,
    record_contract,
)
from ipguard.workflow.closing import (
    confirm_check,
    disbursement_checks,
    issue_disbursement_notice,
    loan,
    pledge_warnings,
    record_disbursement,
    record_registration,
    registrations,
)
from ipguard.workflow.committee import decide, record_attendance, sign_report, submit_to_committee, tally, vote
from ipguard.workflow.exits import decline, withdraw
from ipguard.workflow.machine import TRANSITIONS
from ipguard.workflow.postloan import (
    close_recovery,
    record_compensation,
    record_default,
    record_deregistration,
    record_fee_paid,
    record_recovery,
    release,
    split_loss,
)
from ipguard.workflow.reversal import reversal_plan, reversals, reverse_last_step
from ipguard.workflow.underwriting import (
    assess_case,
    confirm_valuation,
    justify,
    latest_assessment,
    pass_screening,
    submit_for_screening,
)

__all__ = [
    "TRANSITIONS",
    "amend_case",
    "amendments",
    "assess_case",
    "close_recovery",
    "complete_contracts",
    "confirm_check",
    "confirm_valuation",
    "contracts",
    "decide",
    "decline",
    "disbursement_checks",
    "intent_letter",
    "issue_disbursement_notice",
    "issue_intent_letter",
    "justify",
    "latest_assessment",
    "loan",
    "pass_screening",
    "pledge_warnings",
    "record_attendance",
    "record_bank_decision",
    "record_compensation",
    "record_contract",
    "record_default",
    "record_deregistration",
    "record_disbursement",
    "record_fee_paid",
    "record_recovery",
    "record_registration",
    "registrations",
    "release",
    "reversal_plan",
    "reversals",
    "reverse_last_step",
    "sign_report",
    "split_loss",
    "submit_for_screening",
    "submit_to_committee",
    "tally",
    "vote",
    "withdraw",
]
