"""Amendment after the committee (变更重新上会): the one way to change a case's figures once it was decided on.

Until the committee, intake records are corrected in place (with a reason,
audited; :func:`ipguard.intake.correct_intake` and friends). From the
committee on, the figures the committee decided on stay as they were, unless
an amendment sends the case back to the investigation (the step before the
committee):

- the committee's decision, its votes and attendance, and every record that
  rests on it (disbursement conditions, the bank's decision, contracts, pledge
  registrations) leave the live tables and are kept whole in the amendment
  (``case_amendments``, with the audit entry); issued letters and documents
  are voided (they stay archived); the terms fixed at approval are cleared;
- the assessment is marked stale and the report's A and B signatures are
  cleared: the figures must be reassessed and the report signed again before
  the committee decides anew, on the current figures;
- while a loan exists (disbursed, in force, or later) there is nothing to
  amend: the guarantee is given (``amend_loan_exists``).

Optional corrections of the requested amount and term are applied in the
same transaction; everything else (financials, assets) is then corrected at
the investigation stage through the intake services, as before the committee.
"""

from __future__ import annotations

import datetime as dt

from ipguard import catalog, clock, messages
from ipguard.auth import require_any_role
from ipguard.domain import Role
from ipguard.errors import WorkflowError
from ipguard.messages import Text
from ipguard.rules import stage_notes
from ipguard.store import Store
from ipguard.store.records import AmendmentRecord, CaseRecord, UserRecord
from ipguard.validators import check_text
from ipguard.workflow.common import case_action, move, record, request_changes, stage_text
from ipguard.workflow.machine import AMENDABLE, AMENDED_TO

messages.register(
    {
        "amend_loan_exists": (
            "贷款已发放（{stage}），担保已经生效，不能再变更重新上会",
            "the loan is disbursed ({stage}): the guarantee is given and the case can no longer be amended",
        ),
    }
)
messages.register_fields({"amendment_reason": ("变更原因", "reason for the amendment")})

AMENDERS = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN)


def amend_case(
    store: Store, case_id: int, user: UserRecord, reason: str, *, requested_amount: object = None, term_months: object = None,
    on: dt.date | None = None, expected_version: int,
) -> CaseRecord:
    """Send a case decided on (or waiting at the committee) back to the investigation, with a reason; audited.

    See the module docstring for what is set aside and kept. ``on`` is the
    amendment's business date (default today; not before the current stage's).
    """
    action = Text("变更重新上会", "amend the case (back to the committee)")
    require_any_role(user, AMENDERS, action, store)
    reason = check_text(reason, "amendment_reason", max_len=1000)
    if store.repos.closing.loan(case_id) is not None:
        raise WorkflowError("amend_loan_exists", stage=stage_text(store.repos.cases.get(case_id).stage))
    with case_action(store, case_id, user, roles=AMENDERS, stages=AMENDABLE, action=action,
                     expected_version=expected_version) as case:
        product = catalog.product_version(store, case.product_code, case.params_version)
        corrections = request_changes(case, requested_amount, term_months, product)
        voided = store.repos.amendments.snapshot(case_id)
        store.repos.amendments.set_aside(case_id)
        if corrections:
            store.repos.cases.update_fields(case_id, corrections)
        day = on or clock.today()
        amendment_id = store.repos.amendments.add(case_id, amended_on=day.isoformat(), amended_by=user.id, reason=reason,
                                                  from_stage=case.stage.value, to_stage=AMENDED_TO.value, voided=voided)
        decision = voided["committee_decisions"][0] if voided["committee_decisions"] else None
        record(store, case, user, "case_amendment", amendment_id, "amend",
               before={"stage": case.stage.value, "requested_amount_fen": case.requested_amount, "term_months": case.term_months,
                       "decision": decision and {k: decision[k] for k in ("resolution_no", "meeting_date", "decision")}},
               after={"reason": reason, **corrections})
        if decision is not None:
            record(store, case, user, "committee_decision", decision["resolution_no"], "void_decision", before=voided,
                   after={"amendment": amendment_id, "reason": reason})
        move(store, case, AMENDED_TO, user, day, note=reason, said=stage_notes.note(stage_notes.AMENDED))
    return store.repos.cases.get(case_id)



def amendments(store: Store, case_id: int) -> list[AmendmentRecord]:
    """The case's amendments, oldest first: date, who, reason, stages, and what each set aside (``voided``)."""
    return store.repos.amendments.of_case(case_id)

