"""Issue 13, item 5: business dates run forward, amounts agree with the intent letter.

Each test plays the careless or dishonest user through the public API and
asserts the refusal with its reason (message key and field), or the figure.
"""

from __future__ import annotations

import datetime as dt
import inspect

import pytest

from ipguard import clock, intake, workflow
from ipguard.domain import Stage
from ipguard.errors import ValidationError
from ipguard.workflow.closing import STANDARD_CHECKS
from tests import factories
from tests.workflow_helpers import approve, day, open_case, to_committee, to_in_force


def refused(fn, *args, **kwargs) -> ValidationError:
    if "expected_version" in inspect.signature(fn).parameters:  # a case action: the version just read
        kwargs.setdefault("expected_version", args[0].repos.cases.get(args[1]).version)
    with pytest.raises(ValidationError) as err:
        fn(*args, **kwargs)
    return err.value


def to_bank(store, c, seed: int = 1, **letter) -> int:
    case_id = open_case(store, c, seed)
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=day(store, case_id, 9), **letter,
                                 expected_version=store.repos.cases.get(case_id).version)
    return case_id


def to_contracts(store, c, approved: str | None = None) -> int:
    case_id = to_bank(store, c)
    guarantee = store.repos.cases.guarantee_amount(case_id)
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=approved or str(guarantee // 100),
                                  decided_on=day(store, case_id, 14), expected_version=store.repos.cases.get(case_id).version)
    return case_id


def to_notice(store, c, approved: str | None = None) -> int:
    case_id = to_contracts(store, c, approved)
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}", signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    workflow.complete_contracts(store, case_id, c.ops, on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, c.ops, submitted_on=day(store, case_id, 15),
                                     registration_no="Y1", registered_on=day(store, case_id, 16), certificate_received=True, expected_version=store.repos.cases.get(case_id).version)
    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, case_id, code, c.ops, expected_version=store.repos.cases.get(case_id).version)
    workflow.issue_disbursement_notice(store, case_id, c.a, issue_date=day(store, case_id, 17), expected_version=store.repos.cases.get(case_id).version)
    return case_id


def test_an_application_in_the_future_is_refused(store, c):
    err = refused(open_case, store, c, application_date="2027-06-08")
    assert (err.field, err.key) == ("application_date", "date_in_future")


def test_a_checklist_item_cannot_predate_the_application(store, c):
    case_id = open_case(store, c)
    err = refused(intake.set_checklist_item, store, case_id, "recommendation", "received", c.a, on=dt.date(2026, 10, 1))
    assert (err.field, err.key) == ("status_date", "date_before_step")


def test_a_stage_change_cannot_predate_the_previous_one_nor_be_in_the_future(store, c):
    case_id = open_case(store, c)
    from tests.workflow_helpers import receive_all

    receive_all(store, case_id, c)
    err = refused(workflow.submit_for_screening, store, case_id, c.a, on=dt.date(2026, 10, 30))
    assert err.key == "date_before_step" and "受理" in err.message()
    err = refused(workflow.submit_for_screening, store, case_id, c.a, on=dt.date(2026, 11, 21))
    assert err.key == "date_in_future"
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE


def test_an_intent_letter_dated_before_the_committee_is_refused(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    approve(store, case_id, c)  # meeting on 2026-11-10
    err = refused(workflow.issue_intent_letter, store, case_id, c.a, issue_date=dt.date(2026, 11, 9))
    assert (err.field, err.key) == ("issue_date", "date_before_step")


def test_the_letter_states_the_loan_and_the_guaranteed_amount(store, c):
    case_id = to_bank(store, c, loan_amount="1500000")
    letter = workflow.intent_letter(store, case_id)
    guarantee = store.repos.cases.guarantee_amount(case_id)
    assert letter.loan_amount == 150_000_000 and letter.guarantee_amount == guarantee and letter.term_months == 12
    # The default asks for the requested loan.
    other = to_bank(store, c, seed=2)
    assert workflow.intent_letter(store, other).loan_amount == store.repos.cases.get(other).requested_amount


def test_a_letter_asking_for_less_than_the_guarantee_is_refused(store, c):
    case_id = open_case(store, c)
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    err = refused(workflow.issue_intent_letter, store, case_id, c.a, issue_date=day(store, case_id, 9), loan_amount="1")
    assert (err.field, err.key) == ("loan_amount", "letter_amount_below_guarantee")


def test_bank_approval_before_the_letter_is_refused(store, c):
    case_id = to_bank(store, c)
    err = refused(workflow.record_bank_decision, store, case_id, c.a, approved=True, approved_amount="500000",
                  decided_on=dt.date(2026, 11, 10))
    assert (err.field, err.key) == ("decided_on", "date_before_step")


def test_bank_approval_after_the_letter_expired_needs_an_override_with_reason(store, c):
    case_id = open_case(store, c, application_date="2026-09-01")
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=dt.date(2026, 9, 10), expected_version=store.repos.cases.get(case_id).version)  # valid 30 days
    err = refused(workflow.record_bank_decision, store, case_id, c.a, approved=True, approved_amount="500000",
                  decided_on=dt.date(2026, 11, 16))
    assert (err.field, err.key) == ("override_reason", "letter_expired")
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount="500000", decided_on=dt.date(2026, 11, 16),
                                  late_override_reason="银行内部流程延误，经总经理同意继续有效", expected_version=store.repos.cases.get(case_id).version)
    assert store.repos.closing.bank_decision(case_id).late_override_reason.startswith("银行内部流程延误")


def test_bank_approval_above_the_letter_or_longer_than_its_term_is_refused(store, c):
    case_id = to_bank(store, c)
    err = refused(workflow.record_bank_decision, store, case_id, c.a, approved=True, approved_amount="1000000.01",
                  decided_on=day(store, case_id, 14))
    assert (err.field, err.key) == ("approved_amount", "amount_above")
    err = refused(workflow.record_bank_decision, store, case_id, c.a, approved=True, approved_amount="900000",
                  term_months=36, decided_on=day(store, case_id, 14))
    assert (err.field, err.key) == ("term_months", "term_above")


def test_contracts_agree_with_the_approval_and_follow_it(store, c):
    case_id = to_contracts(store, c)
    err = refused(workflow.record_contract, store, case_id, c.ops, kind="pledge", contract_no="ZY1", signed_on=dt.date(2026, 11, 15))
    assert (err.field, err.key) == ("signed_on", "date_before_step")
    guarantee = store.repos.cases.guarantee_amount(case_id)
    err = refused(workflow.record_contract, store, case_id, c.ops, kind="guarantee", contract_no="BZ1", amount="1",
                  signed_on=day(store, case_id, 15))
    assert (err.field, err.key) == ("contract_amount", "guarantee_contract_amount")
    err = refused(workflow.record_contract, store, case_id, c.ops, kind="loan", contract_no="JK1",
                  amount=str(guarantee // 100 + 1), signed_on=day(store, case_id, 15))
    assert (err.field, err.key) == ("contract_amount", "amount_above")
    workflow.record_contract(store, case_id, c.ops, kind="guarantee", contract_no="BZ1", amount=str(guarantee // 100),
                             signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)


def test_registration_before_the_pledge_contract_is_refused(store, c):
    case_id = to_contracts(store, c)
    for kind in ("guarantee", "counter_guarantee", "pledge"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}", signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    workflow.complete_contracts(store, case_id, c.ops, on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    asset = store.repos.cases.assets(case_id)[0]
    err = refused(workflow.record_registration, store, case_id, asset.id, c.ops, submitted_on="2026-11-16",
                  registration_no="Y1", registered_on="2026-11-16")
    assert (err.field, err.key) == ("submitted_on", "date_before_step")
    err = refused(workflow.record_registration, store, case_id, asset.id, c.ops, registration_no="Y1", registered_on="2026-12-01")
    assert (err.field, err.key) == ("registered_on", "date_in_future")


def test_loan_start_before_the_notice_or_in_the_future_is_refused(store, c):
    case_id = to_notice(store, c)  # notice on 2026-11-19
    err = refused(workflow.record_disbursement, store, case_id, c.ops, loan_amount="500000", start_date="2026-11-18",
                  maturity_date="2027-11-17")
    assert (err.field, err.key) == ("start_date", "date_before_step")
    err = refused(workflow.record_disbursement, store, case_id, c.ops, loan_amount="500000", start_date="2026-11-23",
                  maturity_date="2027-11-22")
    assert (err.field, err.key) == ("start_date", "date_in_future")


def test_a_loan_longer_than_the_approved_term_is_refused(store, c):
    case_id = to_notice(store, c)
    err = refused(workflow.record_disbursement, store, case_id, c.ops, loan_amount="500000", start_date="2026-11-20",
                  maturity_date="2029-11-20")
    assert (err.field, err.key) == ("maturity_date", "term_above")


def test_a_partial_guarantee_lends_more_than_it_guarantees(store, c):
    """The bank approves the loan the letter asked for; the guarantee covers part of it."""
    case_id = open_case(store, c, requested_amount="3000000", **{"company.annual_sales": "20000000.00"})
    to_committee(store, case_id, c)
    approve(store, case_id, c)
    guarantee = store.repos.cases.guarantee_amount(case_id)
    assert guarantee < 300_000_000
    case_id = to_notice_after_letter(store, c, case_id, "3000000")
    workflow.record_disbursement(store, case_id, c.ops, loan_amount="3000000", start_date="2026-11-20", maturity_date="2027-11-19", expected_version=store.repos.cases.get(case_id).version)
    assert workflow.loan(store, case_id).loan_amount == 300_000_000
    assert workflow.postloan.guaranteed_outstanding(store, case_id) == guarantee


def to_notice_after_letter(store, c, case_id, approved):
    workflow.issue_intent_letter(store, case_id, c.a, issue_date=day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
    workflow.record_bank_decision(store, case_id, c.a, approved=True, approved_amount=approved, decided_on=day(store, case_id, 14), expected_version=store.repos.cases.get(case_id).version)
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, case_id, c.ops, kind=kind, contract_no=f"HT-{kind}", signed_on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    workflow.complete_contracts(store, case_id, c.ops, on=day(store, case_id, 15), expected_version=store.repos.cases.get(case_id).version)
    for asset in store.repos.cases.assets(case_id):
        workflow.record_registration(store, case_id, asset.id, c.ops, registration_no="Y1", registered_on=day(store, case_id, 16),
                                     certificate_received=True, expected_version=store.repos.cases.get(case_id).version)
    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, case_id, code, c.ops, expected_version=store.repos.cases.get(case_id).version)
    workflow.issue_disbursement_notice(store, case_id, c.a, issue_date=day(store, case_id, 17), expected_version=store.repos.cases.get(case_id).version)
    return case_id


def test_post_loan_dates_and_amounts(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)  # loan from 2026-11-20
    err = refused(workflow.record_default, store, case_id, c.ops, on="2026-11-19")
    assert (err.field, err.key) == ("defaulted_on", "date_before_step")
    err = refused(workflow.release, store, case_id, c.ops, repaid_on="2026-11-19")
    assert (err.field, err.key) == ("repaid_on", "date_before_step")
    with clock.frozen(dt.datetime(2027, 12, 31, 10)):
        workflow.record_default(store, case_id, c.ops, on="2027-11-20", expected_version=store.repos.cases.get(case_id).version)
        guarantee = store.repos.cases.guarantee_amount(case_id)
        err = refused(workflow.record_compensation, store, case_id, c.ops, amount=str(3 * guarantee // 100), paid_on="2027-12-01")
        assert (err.field, err.key) == ("compensation_amount", "compensation_above")
        err = refused(workflow.record_compensation, store, case_id, c.ops, amount="1000", paid_on="2027-11-19")
        assert (err.field, err.key) == ("paid_on", "date_before_step")
        workflow.record_compensation(store, case_id, c.ops, amount="600000", paid_on="2027-12-01", expected_version=store.repos.cases.get(case_id).version)
        workflow.record_recovery(store, case_id, c.ops, amount="500000", on="2027-12-10", expected_version=store.repos.cases.get(case_id).version)
        err = refused(workflow.record_recovery, store, case_id, c.ops, amount="100000.01", on="2027-12-11")
        assert (err.field, err.key) == ("recovery_amount", "recovery_above")
        err = refused(workflow.record_recovery, store, case_id, c.ops, amount="1", on="2027-11-30")
        assert (err.field, err.key) == ("recovered_on", "date_before_step")
        err = refused(workflow.close_recovery, store, case_id, c.b, on="2027-12-09")
        assert (err.field, err.key) == ("closed_on", "date_before_step")


def test_a_pledge_deregistered_before_repayment_blocks_the_release(store, c):
    case_id = open_case(store, c)
    to_in_force(store, case_id, c)
    with clock.frozen(dt.datetime(2027, 11, 25, 10)):
        for asset in store.repos.cases.assets(case_id):
            workflow.record_deregistration(store, case_id, asset.id, c.ops, deregistered_on="2027-11-01", reference="ZX1", expected_version=store.repos.cases.get(case_id).version)
        err = refused(workflow.release, store, case_id, c.ops, repaid_on="2027-11-19")
    assert (err.field, err.key) == ("deregistered_on", "date_before_step")


def test_the_reasons_read_in_both_languages(store, c):
    err = refused(open_case, store, c, application_date="2027-06-08")
    assert "今天" in err.message("zh") and "today" in err.message("en")
    assert factories  # the shared factories build every applicant here
