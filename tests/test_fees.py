"""The guarantee fee: exact, pro rata by days or months, half-up to the fen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ipguard.products import load_product, parse_product
from ipguard.rules.assess import Applicant, assess
from ipguard.rules.fees import FeeBreakdown, compute_fee, guarantee_fee
from tests._assess_data import applicant

D = dt.date


@pytest.mark.parametrize(
    ("amount", "rate", "basis", "start", "months", "fee", "days"),
    [
        (1_000_000_00, "0.01", "days", D(2026, 11, 2), 12, 10_000_00, 365),
        (1_000_000_00, "0.01", "days", D(2027, 11, 2), 12, 10_027_40, 366),  # spans 2028-02-29: 10,027.397… → .40
        (1_000_000_00, "0.01", "months", D(2027, 11, 2), 12, 10_000_00, 366),
        (1_000_000_00, "0.01", "months", D(2026, 1, 31), 7, 5_833_33, 212),  # 5,833.333…; ends 08-31
        (1_000_000_00, "0.01", "days", D(2026, 1, 31), 1, 767_12, 28),  # 01-31 + 1 month = 02-28
        (1_50, "0.01", "days", D(2026, 1, 1), 6, 1, 181),  # 0.744 fen → 1 fen
        (1_00, "0.01", "days", D(2026, 1, 1), 6, 0, 181),  # 0.4959 fen → 0
        (0, "0.01", "days", D(2026, 1, 1), 12, 0, 365),
        (3_000_000_00, "0.008", "days", D(2026, 3, 15), 6, 12_098_63, 184),  # 12,098.6301…
    ],
)
def test_fee(amount: int, rate: str, basis: str, start: dt.date, months: int, fee: int, days: int) -> None:
    b = compute_fee(amount, Decimal(rate), basis, start, months)
    assert b.fee == fee
    assert b.days == days
    assert b.months == months
    assert isinstance(b.fee, int)


def test_half_up_at_exactly_half_a_fen() -> None:
    # 50 fen × 0.01 × 365/365 = 0.5 fen exactly → rounds up to 1 fen.
    assert compute_fee(50, Decimal("0.01"), "days", D(2026, 1, 1), 12).fee == 1
    assert compute_fee(50, Decimal("0.01"), "months", D(2026, 1, 1), 12).fee == 1


def test_breakdown_round_trip_and_explanation() -> None:
    b = guarantee_fee(1_000_000_00, load_product().fees, D(2026, 11, 2), 12)
    assert "0.01" in b.explain() and "365/365" in b.explain() and "10,000.00" in b.explain()
    assert FeeBreakdown.from_json(b.to_json()) == b
    assert b.to_json()["fee"] == "10000.00"


def test_assessment_fee_follows_parameters() -> None:
    product = load_product()
    result = assess(Applicant.from_json(applicant()), product)
    assert result.guarantee_amount == 1_000_000_00
    assert result.fee == 10_000_00
    assert result.to_json()["fee"] == "10000.00"
    monthly = parse_product(
        product.raw_text.replace('basis = "days"', 'basis = "months"').replace('annual_rate = "0.01"', 'annual_rate = "0.012"')
    )
    result = assess(Applicant.from_json(applicant(term_months=6)), monthly)
    assert result.fee == 6_000_00  # 1,000,000 × 1.2% × 6/12
    assert result.fee_breakdown.basis == "months"


# -- the fee at disbursement (workflow.closing.loan_fee) is rules.fees' formula ------------------------------


def _old_loan_fee(amount: int, rate: Decimal, basis: str, start: dt.date, maturity: dt.date) -> int:
    """The formula closing.py had before (a 30.4375-day month for basis "months"), kept to compare."""
    from decimal import ROUND_HALF_UP

    if basis == "days":
        return int((Decimal(amount) * rate * (maturity - start).days / 365).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    months = max(1, round((maturity - start).days / Decimal("30.4375")))
    return compute_fee(amount, rate, basis, start, months).fee


@pytest.mark.parametrize("basis", ["days", "months"])
@pytest.mark.parametrize(("start", "months"), [(D(2026, 11, 20), 12), (D(2026, 1, 31), 1), (D(2027, 11, 2), 12),
                                               (D(2026, 3, 15), 6), (D(2024, 2, 29), 24), (D(2026, 5, 31), 120)])
def test_closing_fee_is_the_rules_fee_and_agrees_with_the_old_formula_on_whole_months(basis, start, months):
    from ipguard.rules import loan_maturity
    from ipguard.rules.fees import fee_for_period
    from ipguard.workflow.closing import loan_fee

    rate, amount = Decimal("0.01"), 3_000_000_00
    maturity = loan_maturity(start, months)
    fee = loan_fee(amount, rate, basis, start, maturity)
    assert fee == fee_for_period(amount, rate, basis, start, maturity).fee == compute_fee(amount, rate, basis, start, months).fee
    assert fee == _old_loan_fee(amount, rate, basis, start, maturity)  # ordinary loans: nothing changes


def test_closing_fee_counts_a_part_month_as_a_month_where_the_old_formula_rounded_days():
    """Edge cases: a maturity that is not a whole number of months after the start (basis "months").

    The old formula rounded days / 30.4375 to the nearest month, so 1 month and 10 days paid for one
    month; by calendar months (rules.months_between, as the term check counts) it is two. By days
    nothing changes.
    """
    from ipguard.rules import months_between
    from ipguard.workflow.closing import loan_fee

    rate, amount, start = Decimal("0.012"), 1_000_000_00, D(2026, 1, 10)
    end = D(2026, 2, 20)  # 1 month and 10 days
    assert months_between(start, end) == 2
    assert _old_loan_fee(amount, rate, "months", start, end) == 1_000_00
    assert loan_fee(amount, rate, "months", start, end) == 2_000_00
    assert loan_fee(amount, rate, "days", start, end) == _old_loan_fee(amount, rate, "days", start, end)
    # Months of unequal length no longer matter: 01-31 → 03-01 is 2 months (old: 30 days ≈ 1 month).
    assert loan_fee(amount, rate, "months", D(2026, 1, 31), D(2026, 3, 1)) == 2_000_00
    assert _old_loan_fee(amount, rate, "months", D(2026, 1, 31), D(2026, 3, 1)) == 1_000_00
