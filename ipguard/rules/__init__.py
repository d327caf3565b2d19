"""Underwriting rules of the quick-loan product, all driven by product parameters.

- :mod:`ipguard.rules.criteria`  the eight access criteria (准入标准)
- :mod:`ipguard.rules.valuation` per-asset IP value recognition (价值认定)
- :mod:`ipguard.rules.amount`    the guarantee amount chain (担保额)
- :mod:`ipguard.rules.fees`      the guarantee fee (担保费)
- :mod:`ipguard.rules.assess`    one applicant in, one explainable assessment out
- :mod:`ipguard.rules.committee` the committee's vote count (quorum, majority)
- :mod:`ipguard.rules.deadlines` every deadline of a case (letter, bank, registration, maturity, fees)

This package holds small date helpers shared by them.
"""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (01-31 + 1 month -> 02-28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_between(start: dt.date, end: dt.date) -> int:
    """Calendar months from ``start`` to ``end``, a part month counting as one (``add_months`` inverted).

    ``months_between(d, add_months(d, n)) == n`` for every n ≥ 0; one day more is n + 1.
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    return months + (1 if add_months(start, months) < end else 0)


def loan_maturity(start: dt.date, term_months: int) -> dt.date:
    """The loan's maturity date: ``term_months`` after its start (the application date when assessing)."""
    return add_months(start, term_months)
