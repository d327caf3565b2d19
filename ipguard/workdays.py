"""Chinese working days (工作日) for deadlines: the bank's approval limit,
registration follow-ups, maturity reminders.

The official calendar (public holidays off, make-up weekend days on, 调休)
comes from chinese-calendar, which knows only the years up to its release
(1.11: 2004–2026) and raises ``NotImplementedError`` beyond. An admin-edited
table of overrides (date -> working day or not) takes precedence over the
library and fills the years it does not know. For a year that neither the
library nor the admin covers, the calendar is *unconfirmed*: it counts
Monday–Friday less the statutory holidays fixed in law (全国年节及纪念日放假办法,
as amended 2024, in force 2025: 元旦 1 day, 春节 4 days from 除夕 by the lunar
calendar, 清明 1 day on the solar term, 劳动节 2 days, 端午 and 中秋 1 day
each by the lunar calendar, 国庆 3 days), plus any overrides; the make-up
days (调休) are unknown until the State Council publishes them, so callers
warn (:func:`unconfirmed_warning`); it never raises.

A year counts as covered by the admin when it is listed in ``confirmed_years``;
when that argument is omitted, every year with at least one override is taken
as entered by the admin (the usual case: the admin types a whole year's
holiday notice at once).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import chinese_calendar
from lunardate import LunarDate

_ONE_DAY = dt.timedelta(days=1)


def _lunar(year: int, month: int, day: int) -> dt.date:
    solar: dt.date = LunarDate(year, month, day).to_solar_date()
    return solar


def statutory_holidays(year: int) -> dict[dt.date, str]:
    """The days off fixed in law for ``year`` (no make-up arrangements): date -> holiday name."""
    spring = _lunar(year, 1, 1)
    days = {dt.date(year, 1, 1): "元旦"}
    days |= {spring + dt.timedelta(days=i): "春节" for i in range(-1, 3)}  # 除夕 to 初三
    days |= {d: "清明" for d, name in chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 10))
             if name == "清明"}
    days |= {dt.date(year, 5, 1): "劳动节", dt.date(year, 5, 2): "劳动节"}
    days[_lunar(year, 5, 5)] = "端午节"
    days[_lunar(year, 8, 15)] = "中秋节"
    days |= {dt.date(year, 10, d): "国庆节" for d in (1, 2, 3)}
    # The lunar new year before 1 January's year can put 除夕 of `year` in the year before: keep only this year's days.
    return {d: n for d, n in days.items() if d.year == year}


def unconfirmed_warning(years: Iterable[int]) -> str | None:
    """The warning shown when a deadline runs through years whose official holiday schedule is not known."""
    years = list(years)
    if not years:
        return None
    text = "、".join(str(y) for y in years)
    return f"{text}年的国务院节假日安排尚未确认：暂按法定节假日推算（不含调休），请管理员录入正式安排后以其为准"


class WorkCalendar:
    """Working-day arithmetic on the Chinese calendar with admin overrides."""

    def __init__(self, overrides: Mapping[dt.date, bool] | None = None, confirmed_years: Iterable[int] | None = None) -> None:
        self._overrides: dict[dt.date, bool] = dict(overrides or {})
        if confirmed_years is None:
            self._admin_years = frozenset(d.year for d in self._overrides)
        else:
            self._admin_years = frozenset(confirmed_years)
        self._library_years: dict[int, bool] = {}
        # chinese-calendar scans its whole holiday table on every call (~0.2 ms): remember each day.
        self._library_days: dict[dt.date, bool] = {}
        self._statutory_years: dict[int, dict[dt.date, str]] = {}

    @property
    def overrides(self) -> Mapping[dt.date, bool]:
        return dict(self._overrides)

    def library_covers(self, year: int) -> bool:
        """Whether chinese-calendar has the official calendar for ``year``."""
        known = self._library_years.get(year)
        if known is None:
            try:
                chinese_calendar.is_workday(dt.date(year, 6, 1))
                known = True
            except NotImplementedError:
                known = False
            self._library_years[year] = known
        return known

    def is_confirmed(self, year: int) -> bool:
        """False when neither the library nor the admin's table covers ``year``."""
        return self.library_covers(year) or year in self._admin_years

    def unconfirmed_years(self, start: dt.date, end: dt.date) -> list[int]:
        """The years between ``start`` and ``end`` (either order) whose calendar is unconfirmed."""
        low, high = sorted((start.year, end.year))
        return [year for year in range(low, high + 1) if not self.is_confirmed(year)]

    def is_workday(self, day: dt.date) -> bool:
        """A working day: override first, then the official calendar, else Monday–Friday."""
        if day in self._overrides:
            return self._overrides[day]
        known = self._library_days.get(day)
        if known is not None:
            return known
        if self.library_covers(day.year):
            try:
                known = bool(chinese_calendar.is_workday(day))
            except NotImplementedError:  # pragma: no cover - a year the probe said was covered
                known = None
        if known is None:
            # Unconfirmed year: weekends and the statutory holidays are off; make-up days are unknown.
            known = day.weekday() < 5 and day not in self._statutory(day.year)
        self._library_days[day] = known
        return known

    def _statutory(self, year: int) -> dict[dt.date, str]:
        cached = self._statutory_years.get(year)
        if cached is None:
            cached = self._statutory_years[year] = statutory_holidays(year) if 1901 <= year <= 2099 else {}
        return cached

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The date ``n`` working days after ``start`` (start not counted); n < 0 counts back.

        ``add_workdays(d, 0)`` is ``d`` itself, working day or not.
        """
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        day = start
        while remaining:
            day += step
            if self.is_workday(day):
                remaining -= 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]; negative when ``end`` is before ``start``."""
        if end < start:
            return -self.workdays_between(end, start)
        count = 0
        day = start
        while day < end:
            day += _ONE_DAY
            if self.is_workday(day):
                count += 1
        return count

    def next_workday(self, day: dt.date) -> dt.date:
        """``day`` itself when it is a working day, else the next one."""
        while not self.is_workday(day):
            day += _ONE_DAY
        return day
