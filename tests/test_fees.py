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
