"""Core messages read whole in English: roles, stages and action names carry both languages."""

from __future__ import annotations

import pytest

from ipguard.auth import require_any_role
from ipguard.domain import Role, Stage
from ipguard.errors import PermissionDenied, WorkflowError
from ipguard.messages import Text
from ipguard.store import open_store
from ipguard.workflow import committee
from ipguard.workflow.queries import ACTIONS, available_actions
from ipguard.workflow.work import waiting_for
from tests import workflow_helpers as wh

CJK = r"[\u4e00-\u9fff]"


def test_role_refusal_in_both_languages(tmp_path):
    from ipguard.store import open_store
    from tests import factories

    store = open_store(tmp_path / "t.sqlite")
    user = factories.user(store, "zhang", Role.OPERATIONS)
    with pytest.raises(PermissionDenied) as err:
        require_any_role(user, (Role.COMMITTEE_MEMBER,), Text("投票", "vote"))
    assert err.value.message("en") == "Zhang lacks the role “committee member” needed to vote"
    assert err.value.message("zh") == "Zhang 没有“保审会委员”角色，不能投票"
    assert all(r.label_en and r.label_en != r.label for r in Role)


def test_text_stays_chinese_as_str():
    assert str(Text("投票", "vote")) == "投票"


def test_workflow_refusals_and_waiting_for_in_english(tmp_path):
    import re

    store = open_store(tmp_path / "m.sqlite")
    try:
        cast = wh.cast(store)
        case_id = wh.open_case(store, cast)
        with pytest.raises(WorkflowError) as err:
            committee.submit_to_committee(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
        english = err.value.message("en")
        assert Stage.INTAKE.label_en in english and Stage.INVESTIGATION.label_en in english
        assert not re.search(CJK, english), english
        assert "受理" in err.value.message("zh")
        states = available_actions(store, case_id, cast.ops, "en")
        assert states["withdraw"].label == "Withdraw" and not states["withdraw"].enabled
        assert not re.search(CJK, states["vote"].reason), states["vote"].reason
        assert available_actions(store, case_id, cast.ops)["withdraw"].label == "撤回"
        assert all(spec.label_en for spec in ACTIONS)
        # the checklist items' names come from the product file (Chinese, like the documents)
        assert waiting_for(store, case_id, "en").startswith("materials still missing: ")
        assert waiting_for(store, case_id) != waiting_for(store, case_id, "en")
    finally:
        store.close()
