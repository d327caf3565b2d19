"""Issue 13, item 7: enterprise size per 工信部联企业〔2011〕300号, recorded at intake; only small/micro weigh 75 %."""

from __future__ import annotations

import pytest

from ipguard import intake
from ipguard.errors import ValidationError
from ipguard.rules.enterprise_size import Size, classify, industries
from tests import factories
from tests.workflow_helpers import cast

WAN = 10_000 * 100  # fen per 万元


@pytest.mark.parametrize(
    ("industry", "employees", "revenue_wan", "assets_wan", "size"),
    [
        ("industry", 1000, 40000, None, Size.LARGE),
        ("industry", 999, 50000, None, Size.MEDIUM),  # either figure below the bound makes it an SME
        ("industry", 300, 2000, None, Size.MEDIUM),
        ("industry", 299, 2000, None, Size.SMALL),
        ("industry", 20, 300, None, Size.SMALL),
        ("industry", 19, 300, None, Size.MICRO),
        ("software", 50, 500, None, Size.SMALL),
        ("software", 300, 10000, None, Size.LARGE),
        ("construction", None, 6000, 5000, Size.MEDIUM),
        ("construction", None, 6000, 299, Size.MICRO),
        ("retail", 9, 20000, None, Size.MICRO),
        ("other", 100, None, None, Size.MEDIUM),
    ],
)
def test_sizes_follow_the_notice(industry, employees, revenue_wan, assets_wan, size):
    assert classify(industry, employees=employees, revenue_fen=None if revenue_wan is None else revenue_wan * WAN,
                    assets_fen=None if assets_wan is None else assets_wan * WAN) is size


def test_sixteen_industries_and_missing_figures_give_no_size():
    assert len(industries()) == 16
    assert classify("industry", employees=None, revenue_fen=100 * WAN, assets_fen=None) is None


def open_with(store, c, seed, **company):
    data = factories.applicant(seed, **{f"company.{k}": v for k, v in company.items()})
    data["bank_id"] = c.bank.id
    return intake.open_case(store, intake.parse_intake(data), c.a)


def small_micro(store, case):
    return store.scalar("SELECT small_micro FROM companies WHERE id = ?", [case.company_id])


def test_size_is_derived_at_intake_and_sets_the_weight(store):
    c = cast(store)
    small = open_with(store, c, 1)  # software, 50 staff, 5 M revenue
    assert small.enterprise_size == "small" and small_micro(store, small) == 1
    medium = open_with(store, c, 2, employees=150, annual_sales="20000000.00")
    assert medium.enterprise_size == "medium" and small_micro(store, medium) == 0


def test_an_unknown_size_is_weighted_in_full_and_a_contradiction_is_refused(store):
    c = cast(store)
    unknown = open_with(store, c, 3, size_industry="", employees="")
    assert unknown.enterprise_size is None and small_micro(store, unknown) == 0
    declared = open_with(store, c, 4, size_industry="", employees="", enterprise_size="微型")
    assert declared.enterprise_size == "micro" and small_micro(store, declared) == 1
    with pytest.raises(ValidationError) as err:
        open_with(store, c, 5, enterprise_size="micro")  # the figures say small
    assert (err.value.field, err.value.key) == ("enterprise_size", "size_mismatch")
    with pytest.raises(ValidationError) as err:
        open_with(store, c, 6, size_industry="alchemy")
    assert err.value.key == "size_industry_invalid"
