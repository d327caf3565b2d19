"""The figures a past month must keep: each case's risk shares and fee rate, the guarantor's net assets.

A closed month regenerated later must give the same figures, so the report
reads these through the two functions below and nowhere else:

- :func:`case_terms` — the bank's and the re-guarantor's shares a case was
  given on. They come with the in-force record, read in the same query from
  the terms fixed on the case at committee approval (``cases.terms_*``, see
  ``store.repos.cases.terms``), so a later change of the bank's standard
  terms changes no past month.
- :func:`net_assets_at` — the guarantor's net assets valid at a day, and
  :func:`mainly_small_micro_at` its leverage class: the records by effective
  date (``store.repos.guarantor``), read at the month's end (or the report's
  as-of day for a provisional month), so a later record changes no closed
  month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ipguard.store import Store
from ipguard.store.repos.reporting import InForceRecord


@dataclass(frozen=True)
class CaseTerms:
    """Risk sharing and fee rate of one guarantee (shares in basis points of the loss)."""

    bank_share_bp: int
    reguarantor_share_bp: int
    reguarantor: str
    annual_fee_rate: Decimal  # the fee charged, per year of the loan's term, over the loan amount


def case_terms(store: Store, record: InForceRecord) -> CaseTerms:
    """The terms ``record``'s guarantee was given on (see the module docstring for their source).

    The fee itself is fixed on the loan (``fee_fen``), so its annual rate is
    derived from it: fee ÷ amount ÷ (term in days ÷ 365).
    """
    days = max((record.maturity_date - record.start_date).days, 1)
    return CaseTerms(record.bank_share_bp, record.reguarantor_share_bp, record.reguarantor,
                     annual_rate(record.fee, record.loan_amount, days))  # fmt: skip


def annual_rate(fee: int, amount: int, days: int) -> Decimal:
    """fee × 365 ÷ (amount × days) to six places, rounded half-even (as ``Decimal.quantize`` does).

    Exact integer division then one Decimal: this runs once per in-force row
    of the monthly report, where Decimal division and quantize cost 4× more.
    """
    if amount <= 0:
        return Decimal(0).scaleb(-6)
    q, r = divmod(fee * 365 * 1_000_000, amount * days)
    if 2 * r > amount * days or (2 * r == amount * days and q % 2):
        q += 1
    return Decimal(q).scaleb(-6)


def net_assets_at(store: Store, day: dt.date) -> int:
    """The guarantor's net assets (fen) valid at the end of ``day`` (see the module docstring)."""
    figures = store.repos.guarantor.at(day)
    return figures.net_assets if figures else 0


def mainly_small_micro_at(store: Store, day: dt.date) -> bool:
    """Whether the guarantor counted as mainly serving small and micro firms at the end of ``day``."""
    figures = store.repos.guarantor.at(day)
    return bool(figures and figures.mainly_small_micro)
