"""Leaving early: decline (否决) or withdrawal (撤回) from any open stage, with a reason."""

from __future__ import annotations

import datetime as dt

from ipguard import clock
from ipguard.domain import OPEN_STAGES, Role, Stage
from ipguard.messages import Text
from ipguard.store import Store
from ipguard.store.records import CaseRecord, UserRecord
from ipguard.validators import check_text
from ipguard.workflow.common import case_action, move

_OPEN = tuple(s for s in Stage if s in OPEN_STAGES)
# A case before the committee is decided by the committee alone (or withdrawn by the applicant, with its reason).
DECLINABLE = tuple(s for s in _OPEN if s is not Stage.COMMITTEE)


def decline(store: Store, case_id: int, user: UserRecord, reason: str, *, on: dt.date | None = None,
            expected_version: int) -> CaseRecord:
    """Decline the case (e.g. criteria failed at screening); the reason stays on record."""
    reason = check_text(reason, "reason", max_len=1000)
    with case_action(store, case_id, user, roles=(Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.ADMIN), stages=DECLINABLE,
                     action=Text("否决案件", "decline the case"), expected_version=expected_version) as case:
        store.repos.cases.update_fields(case_id, {"closed_reason": reason})
        move(store, case, Stage.DECLINED, user, on or clock.today(), note=reason)
    return store.repos.cases.get(case_id)


def withdraw(store: Store, case_id: int, user: UserRecord, reason: str, *, on: dt.date | None = None,
             expected_version: int) -> CaseRecord:
    """The applicant withdraws; the applicant's reason stays on record (also while the committee deliberates)."""
    reason = check_text(reason, "reason", max_len=1000)
    with case_action(store, case_id, user, roles=(Role.ACCOUNT_MANAGER, Role.ADMIN), stages=_OPEN,
                     action=Text("撤回案件", "withdraw the case"), expected_version=expected_version) as case:
        store.repos.cases.update_fields(case_id, {"closed_reason": reason})
        move(store, case, Stage.WITHDRAWN, user, on or clock.today(), note=reason)
    return store.repos.cases.get(case_id)
