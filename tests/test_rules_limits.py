"""Issue 13, item 2: single-client, related-party and leverage limits over everything approved and not released."""

from __future__ import annotations

import pytest

from ipguard import admin, clock, workflow
from ipguard.errors import PermissionDenied, ValidationError, WorkflowError
from ipguard.workflow import limits
from tests import factories
from tests.workflow_helpers import approve, day, open_case, to_committee


def net_assets(store, c, yuan: int) -> None:
    admin.record_guarantor_figures(store, c.admin, net_assets_fen=yuan * 100, mainly_small_micro=False, effective_date=clock.today())


def second_case_of_the_same_client(store, c) -> int:
    return open_case(store, c, 1, ip_assets=factories.applicant(2)["ip_assets"])


def test_two_concurrent_cases_of_one_client_cannot_both_pass_the_committee(store, c):
    net_assets(store, c, 15_000_000)  # 10% = 1.5 M
    first, second = open_case(store, c), second_case_of_the_same_client(store, c)
    to_committee(store, first, c)
    to_committee(store, second, c)  # assessed while nothing was approved: 1 M each
    assert store.repos.cases.guarantee_amount(second) == 100_000_000
    approve(store, first, c)
    with pytest.raises(WorkflowError) as err:
        approve(store, second, c)
    assert err.value.key == "limit_exceeded" and "单一客户集中度" in err.value.message()


def test_a_limit_refusal_reads_whole_in_either_language(store, c):
    import re

    net_assets(store, c, 15_000_000)  # 10% = 1.5 M
    first, second = open_case(store, c), second_case_of_the_same_client(store, c)
    to_committee(store, first, c)
    to_committee(store, second, c)
    approve(store, first, c)
    refusal = limits.limit_refusal(store, store.repos.cases.get(second), 100_000_000)
    assert refusal is not None
    assert refusal.message("zh") == ("单一客户集中度：担保后余额 2,000,000.00元 将超过上限 1,500,000.00元"
                                     "（0.10 × 净资产；已有 1,000,000.00元，本案 1,000,000.00元）")
    english = refusal.message("en")
    assert english == ("single-client concentration: the balance after this guarantee (2,000,000.00 yuan) would exceed the cap "
                       "(1,500,000.00 yuan) (0.10 × net assets; existing 1,000,000.00 yuan, this case 1,000,000.00 yuan)")
    assert not re.search(r"[\u4e00-\u9fff]", english)


def test_an_approved_case_not_yet_lent_lowers_the_next_assessment(store, c):
    net_assets(store, c, 15_000_000)
    first = open_case(store, c)
    to_committee(store, first, c)
    approve(store, first, c)  # approved, not in force: it counts
    second = second_case_of_the_same_client(store, c)
    to_committee(store, second, c)
    result = workflow.latest_assessment(store, second)
    limit = next(x for x in result.amount_chain if x.name == "single_client_limit")
    assert limit.amount == 50_000_000 and limit.binding and result.guarantee_amount == 50_000_000


def test_related_parties_share_the_fifteen_percent_limit(store, c):
    net_assets(store, c, 12_000_000)  # 10% = 1.2 M, 15% = 1.8 M
    first = open_case(store, c)
    to_committee(store, first, c)
    approve(store, first, c)
    other = open_case(store, c, 3)
    x = store.repos.cases.get(first).company_id
    y = store.repos.cases.get(other).company_id
    limits.record_related_party(store, y, x, "same_controller", c.a, note="同一实际控制人李强")
    assert [r.company_id for r in store.repos.companies.related_parties(x)] == [y]  # recorded both ways
    to_committee(store, other, c)
    result = workflow.latest_assessment(store, other)
    group = next(x for x in result.amount_chain if x.name == "related_party_limit")
    assert group.amount == 80_000_000 and result.guarantee_amount == 80_000_000


def test_the_limit_is_checked_again_at_disbursement(store, c):
    first = open_case(store, c)
    to_committee(store, first, c)
    approve(store, first, c)
    workflow.issue_intent_letter(store, first, c.a, issue_date=day(store, first, 9), expected_version=store.repos.cases.get(first).version)
    guarantee = store.repos.cases.guarantee_amount(first)
    workflow.record_bank_decision(store, first, c.a, approved=True, approved_amount=str(guarantee // 100),
                                  decided_on=day(store, first, 14), expected_version=store.repos.cases.get(first).version)
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        workflow.record_contract(store, first, c.ops, kind=kind, contract_no=f"HT-{kind}", signed_on=day(store, first, 15), expected_version=store.repos.cases.get(first).version)
    workflow.complete_contracts(store, first, c.ops, on=day(store, first, 15), expected_version=store.repos.cases.get(first).version)
    for asset in store.repos.cases.assets(first):
        workflow.record_registration(store, first, asset.id, c.ops, registration_no="Y1", registered_on=day(store, first, 16),
                                     certificate_received=True, expected_version=store.repos.cases.get(first).version)
    from ipguard.workflow.closing import STANDARD_CHECKS

    for code, _ in STANDARD_CHECKS:
        workflow.confirm_check(store, first, code, c.ops, expected_version=store.repos.cases.get(first).version)
    workflow.issue_disbursement_notice(store, first, c.a, issue_date=day(store, first, 17), expected_version=store.repos.cases.get(first).version)
    # Meanwhile another case of the client was approved and the guarantor's net assets fell.
    second = second_case_of_the_same_client(store, c)
    to_committee(store, second, c)
    approve(store, second, c)
    net_assets(store, c, 15_000_000)
    with pytest.raises(WorkflowError) as err:
        workflow.record_disbursement(store, first, c.ops, loan_amount=str(guarantee // 100), start_date="2026-11-20",
                                     maturity_date="2027-11-19", expected_version=store.repos.cases.get(first).version)
    assert err.value.key == "limit_exceeded"


def test_the_whole_book_is_held_to_the_leverage_multiple(store, c):
    net_assets(store, c, 150_000)  # 10 × = 1.5 M for the whole book; per client 15,000
    case_id = open_case(store, c)
    to_committee(store, case_id, c)  # the amount is capped by the client limit already
    result = workflow.latest_assessment(store, case_id)
    leverage = next(x for x in result.amount_chain if x.name == "total_leverage")
    assert leverage.amount == 150_000_000


def test_related_party_records_are_checked(store, c):
    case_id = open_case(store, c)
    company = store.repos.cases.get(case_id).company_id
    with pytest.raises(ValidationError) as err:
        limits.record_related_party(store, company, company, "same_controller", c.a)
    assert err.value.key == "related_to_itself"
    with pytest.raises(ValidationError) as err:
        limits.record_related_party(store, company, company + 1, "friends", c.a)
    assert err.value.field == "relation"
    with pytest.raises(PermissionDenied):
        limits.record_related_party(store, company, company, "same_controller", c.ops)


def test_relations_are_followed_through_the_group(store, c):
    a, b, d = (store.repos.cases.get(open_case(store, c, seed)).company_id for seed in (1, 3, 4))
    limits.record_related_party(store, a, b, "declared_group", c.a)
    limits.record_related_party(store, b, d, "parent_subsidiary", c.a)
    assert limits.related_company_ids(store, a) == sorted([b, d])
    assert limits.related_company_ids(store, d) == sorted([a, b])
