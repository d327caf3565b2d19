"""Shared machinery of workflow actions: stage checks, role checks, moves.

Every action is one transaction that (1) loads the case, (2) checks the
acting user's role and the case's stage, (3) checks the version the user saw,
(4) writes, (5) appends audit entries, and for stage changes (6) records a
timestamped stage event. A refused action raises a WorkflowError or
PermissionDenied whose message says why, and writes nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from ipguard import messages
from ipguard.auth import require_any_role
from ipguard.domain import CaseIntake, Role, Stage
from ipguard.errors import WorkflowError
from ipguard.products import ProductParams
from ipguard.rules.explain import Explanation
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.workflow.dates import business_date
from ipguard.workflow.machine import allowed

messages.register(
    {
        "wrong_stage": (
            "案件当前处于“{stage}”阶段，{action}需要在“{expected}”阶段进行",
            "the case is at “{stage}”; {action} needs “{expected}”",
        ),
        "not_open": ("案件已{stage}，不能再{action}", "the case is {stage}; it can no longer {action}"),
        "transition_not_allowed": ("案件不能从“{stage}”转到“{target}”", "a case cannot go from “{stage}” to “{target}”"),
        "reason_required": ("请填写原因", "a reason is required"),
    }
)

ANY_STAFF = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.OPERATIONS, Role.ADMIN)


def stage_text(*stages: Stage) -> messages.Text:
    """Stage names joined with "/", in both languages (a message parameter)."""
    return messages.Text("/".join(s.label for s in stages), "/".join(s.label_en for s in stages))


def require_stage(case: CaseRecord, stages: tuple[Stage, ...], action: str | messages.Text) -> None:
    if case.stage not in stages:
        raise WorkflowError("wrong_stage", stage=stage_text(case.stage), action=action, expected=stage_text(*stages))


@contextlib.contextmanager
def case_action(
    store: Store,
    case_id: int,
    user: UserRecord,
    *,
    roles: tuple[Role, ...],
    stages: tuple[Stage, ...],
    action: str | messages.Text,
    expected_version: int,
) -> Iterator[CaseRecord]:
    """Open the transaction of one action on a case and run the common checks."""
    require_any_role(user, roles, action, store)
    with store.transaction():
        case = store.repos.cases.get(case_id)
        require_stage(case, stages, action)
        store.bump_case_version(case_id, expected_version)
        yield case


def move(store: Store, case: CaseRecord, to: Stage, user: UserRecord, on_date: dt.date, note: str = "",
         said: Explanation | None = None, *, reversing: bool = False) -> None:
    """Change the case's stage, with its event and audit entry (inside the action's transaction).

    ``note`` is the user's own words (a reason), kept verbatim; ``said`` the workflow's own words, as data
    (``stage_notes.note(key, **params)``), worded in each reader's language. Never Chinese prose in ``note``.
    ``reversing``: the change takes the last step back (ipguard.workflow.reversal; ``machine.REVERSALS``).
    """
    if not allowed(case.stage, to, reversing=reversing):
        raise WorkflowError("transition_not_allowed", stage=stage_text(case.stage), target=stage_text(to))
    # Backstop of the date rule: a stage change is never dated before the previous one, nor after today.
    previous = store.repos.cases.last_stage_date(case.id)
    business_date(on_date, "on", after=[(previous, messages.Text(f"上一环节“{case.stage.label}”", f"the previous step “{case.stage.label_en}”"))])
    store.repos.cases.set_stage(case.id, to, on_date)
    store.repos.cases.add_event(case.id, case.stage, to, on_date, user.id, note, said)
    after: dict[str, object] = {"stage": to.value, "on": on_date.isoformat(), "note": note}
    if said is not None:
        after["said"] = said.to_json()
    store.audit(
        user_id=user.id, case_id=case.id, entity="case", entity_id=case.case_no, action="stage",
        before=case.stage.value, after=after,
    )


def record(store: Store, case: CaseRecord, user: UserRecord, entity: str, entity_id: object, action: str,
           before: object = None, after: object = None) -> None:
    """Audit entry for a record of a case."""
    store.audit(user_id=user.id, case_id=case.id, entity=entity, entity_id=entity_id, action=action, before=before, after=after)


def request_changes(case: CaseRecord, requested_amount: object, term_months: object, product: ProductParams) -> dict[str, object]:
    """The requested amount and term as given (``None``/"" keeps one), checked as at intake; only what differs.

    Shared by corrections before the committee (ipguard.intake) and the amendment after it (ipguard.workflow.amend).
    """
    values: dict[str, object] = {}
    if requested_amount not in (None, ""):
        amount, _term, _date = CaseIntake.check_request(
            {"requested_amount": requested_amount, "term_months": case.term_months, "application_date": case.application_date})
        values["requested_amount_fen"] = amount
    if term_months not in (None, ""):
        values["term_months"] = product.amount.check_term(term_months)
    before = {"requested_amount_fen": case.requested_amount, "term_months": case.term_months}
    return {k: v for k, v in values.items() if before[k] != v}
