"""The eight access criteria at, just under and just over each threshold."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard.products import load_product
from ipguard.rules import add_months, loan_maturity
from ipguard.rules.assess import Applicant, assess
from ipguard.rules.criteria import RULE_IDS
from tests._assess_data import applicant, asset

PRODUCT = load_product()


def run(data: dict) -> dict:
    result = assess(Applicant.from_json(data), PRODUCT)
    return {r.id: r for r in result.rules} | {"_eligible": result.eligible, "_result": result}


def test_all_rules_present_in_order_and_baseline_passes() -> None:
    out = run(applicant())
    result = out["_result"]
    assert tuple(r.id for r in result.rules) == RULE_IDS
    assert all(r.outcome == "pass" for r in result.rules), [r.explain() for r in result.rules]
    assert result.eligible


@pytest.mark.parametrize(
    ("sales", "outcome"),
    [("1999999.99", "fail"), ("2000000.00", "fail"), ("2000000.01", "pass"), ("0.00", "fail")],
)
def test_annual_sales_strictly_above_minimum(sales: str, outcome: str) -> None:
    # Keep loan-to-sales out of the way: no existing loans, a small request.
    out = run(applicant(company={"annual_sales": sales, "existing_bank_loans": "0"}, requested_amount="10000.00"))
    rule = out["annual_sales"]
    assert rule.outcome == outcome
    assert rule.value == sales and rule.threshold == "2000000.00"
    assert "2,000,000.00" in rule.explain()
    assert out["_eligible"] is (outcome == "pass" and sales != "0.00")


@pytest.mark.parametrize(
    ("last", "current", "outcome"),
    [
        ("0.00", "0.00", "pass"),
        ("0.01", "5.00", "pass"),
        ("-0.01", "100.00", "fail"),
        ("100.00", "-0.01", "fail"),
        ("-500000.00", "-1.00", "fail"),
    ],
)
def test_net_assets_non_negative_in_both_periods(last: str, current: str, outcome: str) -> None:
    out = run(applicant(company={"net_assets_last_year": last, "net_assets_current": current}))
    rule = out["net_assets"]
    assert rule.outcome == outcome
    assert rule.value == min(last, current, key=lambda s: float(s))  # the lower figure is shown
    assert rule.threshold == "0.00"


@pytest.mark.parametrize(
    ("existing", "requested", "outcome", "value"),
    [
        # sales 3,500,000 → the 40% limit is 1,400,000 of loans
        ("400000.00", "1000000.00", "pass", "0.4000"),  # exactly 40%
        ("399999.99", "1000000.00", "pass", "0.4000"),  # just under
        ("400000.01", "1000000.00", "justify", "0.4001"),  # just over: never shown as 0.4000
        ("0.00", "1500000.00", "justify", "0.4286"),
    ],
)
def test_loan_to_sales_at_limit_passes_above_needs_justification(existing: str, requested: str, outcome: str, value: str) -> None:
    out = run(applicant(company={"existing_bank_loans": existing}, requested_amount=requested))
    rule = out["loan_to_sales"]
    assert rule.outcome == outcome
    assert rule.value == value and rule.threshold == "0.40"
    assert out["_eligible"] is (outcome == "pass")
    if outcome == "justify":
        assert "书面说明" in rule.explain() and rule.justification is None


def test_justification_makes_justify_rule_acceptable_and_is_kept() -> None:
    text = "该企业订单已签约，回款稳定，风控经理同意"
    out = run(applicant(company={"existing_bank_loans": "1000000.00"}, justification=text))
    rule = out["loan_to_sales"]
    assert rule.outcome == "justify"
    assert rule.justification == text
    assert out["_eligible"] is True
    assert out["_result"].to_json()["rules"][7]["justification"] == text
    # A blank justification is no justification.
    assert run(applicant(company={"existing_bank_loans": "1000000.00"}, justification="   "))["_eligible"] is False


@pytest.mark.parametrize(
    ("flag", "rule_id", "bad_value"),
    [
        ("company_credit_good", "company_credit", False),
        ("controller_credit_good", "controller_credit", False),
        ("counter_guarantee", "counter_guarantee", False),
        ("major_negative_info", "no_major_negative", True),
    ],
)
def test_flag_rules(flag: str, rule_id: str, bad_value: bool) -> None:
    assert run(applicant(company={flag: not bad_value}))[rule_id].outcome == "pass"
    out = run(applicant(company={flag: bad_value}))
    assert out[rule_id].outcome == "fail"
    assert out[rule_id].value is bad_value
    assert out["_eligible"] is False


# Loan: 2026-11-02 + 12 months → maturity 2027-11-02.
@pytest.mark.parametrize(
    ("overrides", "outcome", "fragment"),
    [
        ({}, "pass", "1项可质押"),
        ({"valid": False}, "fail", "非有效"),
        ({"sole_owner": False}, "fail", "单独所有"),
        ({"pledged": True}, "fail", "已设立质押"),
        ({"in_dispute": True}, "fail", "争议"),
        ({"expiry_date": "2027-11-02"}, "pass", "可质押"),  # expires on the maturity day: still covers the loan
        ({"expiry_date": "2027-11-01"}, "fail", "早于贷款到期日"),  # one day short
        ({"expiry_date": "2027-11-03"}, "pass", "可质押"),
        ({"expiry_date": None}, "fail", "到期日未知"),
        ({"expiry_date": None, "filing_date": "2021-03-02"}, "pass", "可质押"),  # derived: filing + 20 years
        # derived expiry = filing + 20 years − 1 day: 2027-11-01, one day before maturity
        ({"expiry_date": None, "filing_date": "2007-11-02"}, "fail", "到期日 2027-11-01 早于"),
        ({"expiry_date": None, "filing_date": "2007-11-03"}, "pass", "可质押"),  # derived 2027-11-02 = maturity
    ],
)
def test_pledgeable_ip(overrides: dict, outcome: str, fragment: str) -> None:
    out = run(applicant(assets=[asset(**overrides)]))
    rule = out["pledgeable_ip"]
    assert rule.outcome == outcome, rule.explain()
    assert fragment in rule.explain()
    assert rule.threshold == 1


def test_pledgeable_ip_needs_one_good_asset_among_many() -> None:
    bad = asset(pledged=True)
    good = asset(type="trademark", number="12345678", nice_class=9, expiry_date="2030-01-01")
    assert run(applicant(assets=[bad, good]))["pledgeable_ip"].value == 1
    assert run(applicant(assets=[bad, good]))["pledgeable_ip"].outcome == "pass"
    assert run(applicant(assets=[bad]))["pledgeable_ip"].outcome == "fail"
    empty = run(applicant(assets=[]))["pledgeable_ip"]
    assert empty.outcome == "fail" and empty.value == 0


def test_target_tags_are_recorded_not_gated() -> None:
    result = run(applicant(target_tags=["high_growth", "high_rd_spending"]))["_result"]
    assert result.eligible and result.target_tags == ("high_growth", "high_rd_spending")
    assert not result.warnings or all("标签" not in w for w in result.warnings)
    odd = run(applicant(target_tags=["nonsense"]))["_result"]
    assert odd.eligible and any("nonsense" in w for w in odd.warnings)


def test_month_arithmetic() -> None:
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2027, 12, 15), 3) == dt.date(2028, 3, 15)
    assert loan_maturity(dt.date(2026, 11, 2), 12) == dt.date(2027, 11, 2)


def test_thresholds_come_from_parameters() -> None:
    from ipguard.products import parse_product

    text = PRODUCT.raw_text.replace('min_annual_sales = "2000000.00"', 'min_annual_sales = "4000000.00"')
    stricter = parse_product(text)
    result = assess(Applicant.from_json(applicant()), stricter)
    assert result.rule("annual_sales").outcome == "fail"
    assert result.rule("annual_sales").threshold == "4000000.00"
