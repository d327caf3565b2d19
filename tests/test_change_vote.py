"""A committee member may change their own vote until the resolution is formed; the change is audited."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard import workflow
from ipguard.errors import PermissionDenied, ValidationError, WorkflowError
from ipguard.store.audit import entries_for_case
from ipguard.workflow.committee import change_vote, my_vote, tally
from tests import workflow_helpers as wh


def _at_vote(store):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    return c, case_id


def test_a_member_changes_their_vote_before_the_resolution(store):
    c, case_id = _at_vote(store)
    member = c.members[0]
    workflow.vote(store, case_id, member, "decline", "估值偏高", expected_version=store.repos.cases.get(case_id).version)
    change_vote(store, case_id, member, "approve_with_conditions", "追加实际控制人反担保", expected_version=store.repos.cases.get(case_id).version)
    mine = my_vote(store, case_id, member)
    assert (mine.vote, mine.comment) == ("approve_with_conditions", "追加实际控制人反担保")
    t = tally(store, store.repos.cases.get(case_id))
    assert (t.decline, t.approve_with_conditions, t.voted) == (0, 1, 1)
    entry = [e for e in entries_for_case(store.db, case_id) if e.action == "change_vote"][-1]
    assert entry.user_id == member.id
    assert entry.before == {"vote": "decline", "comment": "估值偏高"}
    assert entry.after == {"vote": "approve_with_conditions", "comment": "追加实际控制人反担保"}


def test_only_an_own_existing_vote_can_be_changed_and_never_after_the_resolution(store):
    c, case_id = _at_vote(store)
    with pytest.raises(WorkflowError) as refused:
        change_vote(store, case_id, c.members[0], "approve", expected_version=store.repos.cases.get(case_id).version)
    assert refused.value.key == "no_vote_to_change"
    with pytest.raises(ValidationError) as invalid:
        change_vote(store, case_id, c.members[0], "maybe", expected_version=store.repos.cases.get(case_id).version)
    assert invalid.value.field == "vote"
    with pytest.raises(PermissionDenied):  # only committee members vote, even by a change
        change_vote(store, case_id, c.a, "approve", expected_version=store.repos.cases.get(case_id).version)
    for m in c.members:
        workflow.vote(store, case_id, m, "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    workflow.decide(store, case_id, c.members[0], meeting_date=dt.date(2026, 11, 10), expected_version=store.repos.cases.get(case_id).version)
    with pytest.raises(WorkflowError) as closed:
        change_vote(store, case_id, c.members[1], "decline", "改主意", expected_version=store.repos.cases.get(case_id).version)
    assert closed.value.key == "wrong_stage"
    assert my_vote(store, case_id, c.members[1]).vote == "approve"
