"""Issue 13, item 8 (core): deregistration records before release; post-loan reminders."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard import clock, workflow
from ipguard.domain import Stage
from ipguard.errors import ValidationError, WorkflowError
from ipguard.rules.deadlines import next_anniversary
from ipguard.workflow.queries import reminders
from tests import factories
from tests.workflow_helpers import open_case, to_in_force

D = dt.date
TRADEMARK = {"type": "trademark", "number": "31234567", "title": "芯微", "nice_class": 9, "filing_date": "2016-03-01",
             "grant_date": "2017-05-10", "expiry_date": "2027-05-09", "used_in_main_products": True}


def test_release_needs_a_deregistration_record_per_pledge(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    asset = store.repos.cases.assets(case_id)[0]
    with pytest.raises(WorkflowError) as err:
        workflow.release(store, case_id, c.ops, repaid_on="2026-11-20", expected_version=store.repos.cases.get(case_id).version)
    assert err.value.key == "pledges_not_deregistered" and asset.number in err.value.message()
    with pytest.raises(ValidationError) as verr:
        workflow.record_deregistration(store, case_id, asset.id, c.ops, deregistered_on="2026-11-20", reference="", expected_version=store.repos.cases.get(case_id).version)
    assert verr.value.field == "deregistration_ref"
    workflow.record_deregistration(store, case_id, asset.id, c.ops, deregistered_on="2026-11-20", reference="ZX2026000123", expected_version=store.repos.cases.get(case_id).version)
    workflow.release(store, case_id, c.ops, repaid_on="2026-11-20", expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.cases.get(case_id).stage is Stage.RELEASED
    reg = workflow.registrations(store, case_id)[0]
    assert (reg.deregistered_on, reg.deregistration_ref) == (D(2026, 11, 20), "ZX2026000123")


def test_annual_fee_and_trademark_renewal_reminders_for_pledged_assets(store, c):
    case_id = open_case(store, c, ip_assets=[*factories.applicant(1)["ip_assets"], TRADEMARK])
    to_in_force(store, case_id, c)  # the patent was filed on 2021-03-01
    assert not [r for r in reminders(store, D(2026, 11, 20)) if r.kind == "annual_fee"]
    fee = [r for r in reminders(store, D(2027, 1, 15)) if r.kind == "annual_fee"]
    assert len(fee) == 1 and fee[0].due == D(2027, 3, 1) and "年费" in fee[0].text
    renewal = [r for r in reminders(store, D(2026, 11, 20)) if r.kind == "trademark_renewal"]
    assert len(renewal) == 1 and renewal[0].due == D(2027, 5, 9) and "续展" in renewal[0].text


def test_an_overdue_loan_not_compensated_is_reminded(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    with clock.frozen(dt.datetime(2027, 12, 1, 10)):
        workflow.record_default(store, case_id, c.ops, on="2027-11-25", expected_version=store.repos.cases.get(case_id).version)
        due = [r for r in reminders(store, D(2027, 12, 1)) if r.kind == "default_uncompensated"]
        assert len(due) == 1 and due[0].overdue and due[0].due == D(2027, 11, 25)
        workflow.record_compensation(store, case_id, c.ops, amount="1000", paid_on="2027-12-01", expected_version=store.repos.cases.get(case_id).version)
        assert not [r for r in reminders(store, D(2027, 12, 1)) if r.kind == "default_uncompensated"]


def test_next_anniversary():
    assert next_anniversary(D(2021, 3, 1), D(2027, 1, 15)) == D(2027, 3, 1)
    assert next_anniversary(D(2021, 3, 1), D(2027, 3, 2)) == D(2028, 3, 1)
    assert next_anniversary(D(2020, 2, 29), D(2027, 1, 1)) == D(2027, 2, 28)
