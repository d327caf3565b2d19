"""Walk a demo case through the workflow to a target stage.

Placeholder until the workflow service exists: records the stage change
with an event and an audit entry.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from ipguard.domain import MAIN_LINE, Stage
from ipguard.store import Store

if TYPE_CHECKING:
    from ipguard.demo.build import DemoParties


def walk_to(store: Store, case_id: int, target: Stage, parties: DemoParties, rng: random.Random, today: dt.date) -> None:
    case = store.repos.cases.get(case_id)
    path = list(MAIN_LINE[1 : MAIN_LINE.index(target) + 1]) if target in MAIN_LINE else [target]
    user = parties.users["admin"]
    with store.transaction():
        previous = case.stage
        for stage in path:
            store.repos.cases.set_stage(case_id, stage)
            store.repos.cases.add_event(case_id, previous, stage, min(today, case.application_date), user.id)
            store.audit(user_id=user.id, case_id=case_id, entity="case", entity_id=case.case_no, action="stage",
                        before=previous.value, after=stage.value)
            previous = stage
