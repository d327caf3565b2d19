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

from ipguard.money import parse_yuan, yuan_str
from ipguard.products import FeeParams
from ipguard.rules import loan_maturity, months_between
from ipguard.rules.explain import DATE, INT, NUM, YUAN, declare, explain
from ipguard.stored_json import as_int

DAYS_PER_YEAR = 365

_FEE = {"amount": YUAN, "rate": NUM, "start": DATE, "end": DATE, "fee": YUAN}
declare({
    "fee.days": ("担保额 {amount} × 年费率 {rate} × {days}/365（{start} 至 {end}） = {fee}",
                 "guarantee amount {amount} × annual rate {rate} × {days}/365 ({start} to {end}) = {fee}", {**_FEE, "days": INT}),
    "fee.months": ("担保额 {amount} × 年费率 {rate} × {months}/12（{start} 至 {end}） = {fee}",
                   "guarantee amount {amount} × annual rate {rate} × {months}/12 ({start} to {end}) = {fee}",
                   {**_FEE, "months": INT}),
})


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

    def explain(self, lang: str = "zh") -> str:
        """How the fee was reached, worded in ``lang``."""
        figures = {"amount": self.amount, "rate": self.annual_rate, "start": self.start.isoformat(),
                   "end": self.end.isoformat(), "fee": self.fee}
        if self.basis == "months":
            return explain("fee.months", **figures, months=self.months).render(lang)
        return explain("fee.days", **figures, days=self.days).render(lang)

    def to_json(self, lang: str | None = None) -> dict[str, object]:
        """The breakdown as data; with ``lang``, also its explanation worded for a reader."""
        data: dict[str, object] = {
            "amount": yuan_str(self.amount),
            "annual_rate": str(self.annual_rate),
            "basis": self.basis,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "days": self.days,
            "months": self.months,
            "fee": yuan_str(self.fee),
        }
        if lang is not None:
            data["explanation"] = self.explain(lang)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> FeeBreakdown:
        return cls(
            amount=parse_yuan(data["amount"], "amount"),
            annual_rate=Decimal(str(data["annual_rate"])),
            basis=str(data["basis"]),
            start=dt.date.fromisoformat(str(data["start"])),
            end=dt.date.fromisoformat(str(data["end"])),
            days=as_int(data["days"]),
            months=as_int(data["months"]),
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
