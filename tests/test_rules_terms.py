"""Issue 13, item 6: the terms are fixed in the case when the committee approves it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from ipguard import clock, workflow
from tests.workflow_helpers import approve, open_case, to_committee, to_in_force


def test_no_terms_before_the_committee_approves(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    assert store.repos.cases.terms(case_id) is None
    approve(store, case_id, c)
    terms = store.repos.cases.terms(case_id)
    assert (terms.bank_share_bp, terms.reguarantor_share_bp, terms.reguarantor_name) == (2000, 3000, "市担保中心")
    assert terms.fee_rate == Decimal("0.01") and terms.fee_basis and terms.fixed_on == dt.date(2026, 11, 10)


def test_editing_the_bank_changes_no_past_case(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    store.repos.banks.save(dataclasses.replace(c.bank, bank_share_bp=0, reguarantor_share_bp=0), acting_user_id=c.admin.id,
                           expected_version=store.repos.banks.get(c.bank.id).version)
    assert store.repos.banks.get(c.bank.id).bank_share_bp == 0
    with clock.frozen(dt.datetime(2027, 12, 31, 10)):
        workflow.record_default(store, case_id, c.ops, on="2027-11-20", expected_version=store.repos.cases.get(case_id).version)
        split = workflow.record_compensation(store, case_id, c.ops, amount="100000", paid_on="2027-12-01", expected_version=store.repos.cases.get(case_id).version)
    assert (split.bank_share, split.reguarantor_share, split.retained) == (2_000_000, 2_400_000, 5_600_000)
    assert store.repos.cases.terms(case_id).bank_share_bp == 2000


def test_a_new_case_takes_the_bank_terms_in_force_at_its_approval(store, c):
    store.repos.banks.save(dataclasses.replace(c.bank, bank_share_bp=1500), acting_user_id=c.admin.id,
                           expected_version=store.repos.banks.get(c.bank.id).version)
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    assert store.repos.cases.terms(case_id).bank_share_bp == 1500
