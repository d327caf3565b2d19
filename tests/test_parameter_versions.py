"""A case keeps explaining itself by the parameter version it was decided under."""

from __future__ import annotations

import pytest

from ipguard import catalog, workflow
from ipguard.errors import PermissionDenied, ValidationError
from ipguard.products import load_product
from tests.workflow_helpers import cast, open_case, receive_all


def edited(version: str, min_sales: str) -> str:
    text = load_product().raw_text
    text = text.replace('version = "2026.1"', f'version = "{version}"').replace("effective_date = 2026-01-01", "effective_date = 2026-02-01")
    return text.replace('min_annual_sales = "2000000.00"', f'min_annual_sales = "{min_sales}"')


def test_changing_the_parameters_leaves_an_assessed_case_as_it_was(store):
    c = cast(store)
    old_case = open_case(store, c)
    receive_all(store, old_case, c)
    workflow.submit_for_screening(store, old_case, c.a, expected_version=store.repos.cases.get(old_case).version)
    before = workflow.latest_assessment(store, old_case).to_json()
    assert before["eligible"] and before["params_version"] == "2026.1"

    with pytest.raises(PermissionDenied):
        catalog.save_edited_version(store, edited("2026.2", "8000000.00"), c.a)
    with pytest.raises(ValidationError) as err:
        catalog.save_edited_version(store, edited("2026.2", "-1"), c.admin)
    assert err.value.field == "access.min_annual_sales"
    catalog.save_edited_version(store, edited("2026.2", "8000000.00"), c.admin)

    # The stored explanation is untouched, and re-assessing uses the case's own version.
    assert workflow.latest_assessment(store, old_case).to_json() == before
    again = workflow.assess_case(store, old_case, c.a, expected_version=store.repos.cases.get(old_case).version).to_json()
    assert again["params_version"] == "2026.1" and again["eligible"] and again["rules"] == before["rules"]

    # A new case (5,000,000 sales) falls under 2026.2 and fails its 8,000,000 threshold.
    new_case = open_case(store, c, seed=9)
    assert store.repos.cases.get(new_case).params_version == "2026.2"
    receive_all(store, new_case, c)
    workflow.submit_for_screening(store, new_case, c.a, expected_version=store.repos.cases.get(new_case).version)
    rule = workflow.latest_assessment(store, new_case).rule("annual_sales")
    assert rule.outcome == "fail"
    assert "8000000" in str(rule.threshold).replace(",", "")
