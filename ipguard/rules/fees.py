"""The guarantee fee (担保费): an annual rate on the guaranteed amount, pro rata.

``fee = amount × annual_rate × days / 365`` (basis ``days``: actual days from
the start to the maturity, which is ``term_months`` later) or
``amount × annual_rate × months / 12`` (basis ``months``), rounded half-up to
the fen. Exact Decimal arithmetic; the breakdown says how it was reached.
When assessing, the start is the application date (the loan's real start is
not known yet); the fee is recomputed on disbursement.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ipguard.money import format_yuan, parse_yuan, yuan_str
from ipguard.products import FeeParams
from ipguard.rules import loan_maturity, months_between

DAYS_PER_YEAR = 365


@dataclass(frozen=True)
class FeeBreakdown:
    amount: int  # fen, the guaranteed amount
    annual_rate: Decimal
    basis: str  # "days" | "months"
    start: dt.date
    end: dt.date
    days: int
    months: int
    fee: int  # fen

    @property
    def explanation(self) -> str:
        period = f"{self.months}/12" if self.basis == "months" else f"{self.days}/{DAYS_PER_YEAR}"
        return (
            f"担保额 {format_yuan(self.amount)}元 × 年费率 {self.annual_rate} × {period}"
            f"（{self.start.isoformat()} 至 {self.end.isoformat()}） = {format_yuan(self.fee)}元"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "amount": yuan_str(self.amount),
            "annual_rate": str(self.annual_rate),
            "basis": self.basis,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "months": self.months,
            "fee": yuan_str(self.fee),
            "explanation": self.explanation,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FeeBreakdown:
        return cls(
            amount=parse_yuan(data["amount"], "amount"),
            annual_rate=Decimal(str(data["annual_rate"])),
            basis=str(data["basis"]),
            start=dt.date.fromisoformat(str(data["start"])),
            end=dt.date.fromisoformat(str(data["end"])),
            days=int(data["days"]),  # type: ignore[arg-type]
            months=int(data["months"]),  # type: ignore[arg-type]
            fee=parse_yuan(data["fee"], "fee"),
        )


def compute_fee(amount: int, annual_rate: Decimal, basis: str, start: dt.date, term_months: int) -> FeeBreakdown:
    """The fee for ``amount`` fen guaranteed from ``start`` for ``term_months``."""
    return fee_for_period(amount, annual_rate, basis, start, loan_maturity(start, term_months))


def fee_for_period(amount: int, annual_rate: Decimal, basis: str, start: dt.date, end: dt.date) -> FeeBreakdown:
    """The fee for ``amount`` fen guaranteed from ``start`` to ``end`` (the loan's actual dates at disbursement).

    Basis ``days``: the actual days; basis ``months``: the calendar months
    between the dates (:func:`ipguard.rules.months_between`, a part month
    counting as one, at least one).
    """
    days = (end - start).days
    months = max(1, months_between(start, end))
    if basis == "months":
        exact = Decimal(amount) * annual_rate * months / 12
    else:
        exact = Decimal(amount) * annual_rate * days / DAYS_PER_YEAR
    fee = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return FeeBreakdown(amount, annual_rate, basis, start, end, days, months, fee)


def guarantee_fee(amount: int, params: FeeParams, start: dt.date, term_months: int) -> FeeBreakdown:
    """The fee under the product's ``[fees]`` parameters."""
    return compute_fee(amount, params.annual_rate, params.basis, start, term_months)
