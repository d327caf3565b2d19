"""Underwriting rules of the quick-loan product, all driven by product parameters.

- :mod:`ipguard.rules.criteria`  the eight access criteria (准入标准)
- :mod:`ipguard.rules.valuation` per-asset IP value recognition (价值认定)
- :mod:`ipguard.rules.amount`    the guarantee amount chain (担保额)
- :mod:`ipguard.rules.fees`      the guarantee fee (担保费)
- :mod:`ipguard.rules.assess`    one applicant in, one explainable assessment out
- :mod:`ipguard.rules.batch`     a spreadsheet of applicants screened at once

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


def loan_maturity(start: dt.date, term_months: int) -> dt.date:
    """The loan's maturity date: ``term_months`` after its start (the application date when assessing)."""
    return add_months(start, term_months)
