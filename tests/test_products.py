"""Product parameter files: the built-in one loads; malformed ones are refused naming the key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ipguard.errors import ValidationError
from ipguard.products import load_product, load_regulation, parse_product, product_path


@pytest.fixture(scope="module")
def text() -> str:
    return product_path("kuaiyidai").read_text(encoding="utf-8")


def test_builtin_product_loads() -> None:
    p = load_product()
    assert p.code == "kuaiyidai"
    assert p.name == "知识产权快易贷"
    assert p.case_prefix == "KYD"
    assert p.guarantee_form == "连带责任保证"
    assert isinstance(p.effective_date, dt.date)
    assert p.access.min_annual_sales == 2_000_000_00
    assert p.access.loan_to_sales_limit == Decimal("0.40")
    assert p.access.min_net_assets == 0
    assert p.amount.rounding_unit == 10_000_00
    assert set(p.amount.pledge_rates) == {
        "invention_patent",
        "utility_model",
        "design_patent",
        "trademark",
        "software_copyright",
        "copyright",
    }
    assert sum(p.valuation.weights.values()) == 1
    assert p.fees.annual_rate == Decimal("0.01") and p.fees.basis == "days"
    assert p.deadlines.bank_approval_working_days == 10
    assert p.deadlines.intent_letter_validity_days == 30
    assert p.deadlines.maturity_reminder_working_days == 20
    assert p.deadlines.registration_followup_working_days == 5
    assert (p.deadlines.promise_min_days, p.deadlines.promise_max_days) == (14, 21)
    assert (p.committee.quorum, p.committee.majority_numerator, p.committee.majority_denominator) == (5, 2, 3)
    assert len(p.target_tags) == 10 and p.target_tags[0].label == "供应链最上游"
    assert any(item.code == "recommendation" and item.required for item in p.checklist)
    assert "version" in p.raw_text


def test_committee_majority() -> None:
    c = load_product().committee
    assert c.approves(present=5, in_favour=4)
    assert not c.approves(present=5, in_favour=3)  # 3/5 < 2/3
    assert c.approves(present=6, in_favour=4)  # exactly 2/3
    assert not c.approves(present=4, in_favour=4)  # no quorum


def test_regulation_loads() -> None:
    r = load_regulation()
    assert r.single_client_ratio == Decimal("0.10")
    assert r.single_client_ratio_related == Decimal("0.15")
    assert (r.total_liability_multiple, r.total_liability_multiple_small_micro) == (10, 15)
    assert r.small_micro_weight == Decimal("0.75")
    assert r.small_micro_balance_cap == 5_000_000_00


def test_unknown_product_refused() -> None:
    with pytest.raises(ValidationError):
        load_product("no_such_product")
    with pytest.raises(ValidationError):
        load_product("../regulation")


@pytest.mark.parametrize(
    ("old", "new", "field", "key"),
    [
        ('trademark = "0.40"', 'trademark = "-0.40"', "amount.pledge_rates.trademark", "param_negative"),
        ('trademark = "0.40"', 'trademark = "1.40"', "amount.pledge_rates.trademark", "param_range"),
        ('trademark = "0.40"', 'trademark = "four"', "amount.pledge_rates.trademark", "param_type"),
        ('trademark = "0.40"\nsoftware', "software", "amount.pledge_rates.trademark", "param_missing"),
        ('revenue = "0.20"', 'revenue = "0.25"', "valuation.weights", "param_weights_sum"),
        ('min_annual_sales = "2000000.00"', 'min_annual_sales = "-1"', "access.min_annual_sales", "param_negative"),
        (
            'min_annual_sales = "2000000.00"',
            'min_annual_sales = "2000000.001"',
            "access.min_annual_sales",
            "money_too_many_places",
        ),
        ('loan_to_sales_limit = "0.40"', "", "access.loan_to_sales_limit", "param_missing"),
        ("effective_date = 2026-01-01", 'effective_date = "2026-13-01"', "effective_date", "date_invalid"),
        ('annual_rate = "0.01"', 'annual_rate = "-0.01"', "fees.annual_rate", "param_negative"),
        ('basis = "days"', 'basis = "weeks"', "fees.basis", "param_choice"),
        ("quorum = 5", 'quorum = "5"', "committee.quorum", "param_type"),
        ("quorum = 5", "quorum = -5", "committee.quorum", "param_negative"),
        (
            "bank_approval_working_days = 10",
            "bank_approval_working_days = 0",
            "deadlines.bank_approval_working_days",
            "param_range",
        ),
        ('version = "2026.1"', "", "version", "param_missing"),
    ],
)
def test_malformed_product_refused_naming_the_key(text: str, old: str, new: str, field: str, key: str) -> None:
    assert old in text
    bad = text.replace(old, new, 1)
    with pytest.raises(ValidationError) as info:
        parse_product(bad, "edited.toml")
    assert info.value.field == field
    assert info.value.key == key
    assert field in info.value.one_line()


def test_toml_syntax_error_refused(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_product(text + "\n[[[ broken", "edited.toml")
    assert info.value.key == "param_toml"


def test_edited_version_parses_and_keeps_its_text(text: str) -> None:
    edited = text.replace('version = "2026.1"', 'version = "2026.2"').replace('trademark = "0.40"', 'trademark = "0.35"', 1)
    p = parse_product(edited)
    assert p.version == "2026.2"
    assert p.amount.pledge_rates["trademark"] == Decimal("0.35")
    assert p.raw_text == edited


def test_params_are_immutable() -> None:
    p = load_product()
    with pytest.raises(AttributeError):
        p.version = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        p.amount.pledge_rates["trademark"] = Decimal(1)  # type: ignore[index]


def test_term_bounds_are_product_parameters(text: str) -> None:
    builtin = parse_product(text)
    assert (builtin.amount.min_term_months, builtin.amount.max_term_months) == (1, 120)
    short = parse_product(text.replace("max_term_months = 120", "max_term_months = 36"))
    assert short.amount.check_term(36) == 36
    with pytest.raises(ValidationError) as info:
        short.amount.check_term(37)
    assert info.value.field == "term_months" and info.value.params["high"] == 36
    # Versions written before the keys existed take 1–120; no version may go past the schema's 120.
    older = parse_product(text.replace("min_term_months = 1\n", "").replace("max_term_months = 120\n", ""))
    assert (older.amount.min_term_months, older.amount.max_term_months) == (1, 120)
    with pytest.raises(ValidationError):
        parse_product(text.replace("max_term_months = 120", "max_term_months = 121"))


def test_loan_receipt_working_days_is_a_deadline_parameter(text: str) -> None:
    assert parse_product(text).deadlines.loan_receipt_working_days == 3
    assert parse_product(text.replace("loan_receipt_working_days = 3", "loan_receipt_working_days = 5")).deadlines.loan_receipt_working_days == 5
