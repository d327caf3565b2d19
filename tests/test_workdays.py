"""Working days on the Chinese calendar, with overrides and unknown years."""

from __future__ import annotations

import datetime as dt

import pytest

from ipguard.workdays import WorkCalendar

D = dt.date


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        # Spring Festival 2025: 1-28 .. 2-4 off; Sunday 1-26 and Saturday 2-8 are make-up working days.
        (D(2025, 1, 26), True),
        (D(2025, 1, 27), True),
        (D(2025, 1, 28), False),
        (D(2025, 2, 4), False),
        (D(2025, 2, 5), True),
        (D(2025, 2, 8), True),
        (D(2025, 2, 9), False),
        # National Day 2025: 10-1 .. 10-8 off; Sunday 9-28 and Saturday 10-11 worked.
        (D(2025, 9, 28), True),
        (D(2025, 9, 27), False),
        (D(2025, 10, 1), False),
        (D(2025, 10, 8), False),
        (D(2025, 10, 9), True),
        (D(2025, 10, 11), True),
        # Spring Festival 2026: 2-15 .. 2-23 off; Saturdays 2-14 and 2-28 worked.
        (D(2026, 2, 14), True),
        (D(2026, 2, 16), False),
        (D(2026, 2, 23), False),
        (D(2026, 2, 24), True),
        (D(2026, 2, 28), True),
        # National Day 2026: 10-1 .. 10-7 off; Sunday 9-20 and Saturday 10-10 worked.
        (D(2026, 9, 20), True),
        (D(2026, 10, 1), False),
        (D(2026, 10, 7), False),
        (D(2026, 10, 8), True),
        (D(2026, 10, 10), True),
        (D(2026, 10, 11), False),
    ],
)
def test_official_calendar(day: dt.date, workday: bool) -> None:
    assert WorkCalendar().is_workday(day) is workday


def test_add_workdays_across_national_day_2025() -> None:
    cal = WorkCalendar()
    # Tuesday 2025-09-30 + 1 working day skips the whole holiday to Thursday 10-09.
    assert cal.add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)
    # 10-09 (Thu), 10-10 (Fri), 10-11 (make-up Sat), 10-13 (Mon) ...
    assert cal.add_workdays(D(2025, 9, 30), 3) == D(2025, 10, 11)
    assert cal.add_workdays(D(2025, 9, 26), 1) == D(2025, 9, 28)  # Friday -> make-up Sunday
    # Ten working days (the bank approval limit) from a letter dated 2025-09-25.
    assert cal.add_workdays(D(2025, 9, 25), 10) == D(2025, 10, 15)


def test_add_workdays_across_spring_festival_2025_and_back() -> None:
    cal = WorkCalendar()
    assert cal.add_workdays(D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert cal.add_workdays(D(2025, 1, 27), 1) == D(2025, 2, 5)
    assert cal.add_workdays(D(2025, 2, 5), -1) == D(2025, 1, 27)
    assert cal.add_workdays(D(2025, 2, 10), -2) == D(2025, 2, 7)  # back over 2-8 (make-up Sat) to 2-7
    assert cal.add_workdays(D(2025, 2, 10), 0) == D(2025, 2, 10)


def test_add_workdays_across_2026_holidays() -> None:
    cal = WorkCalendar()
    assert cal.add_workdays(D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert cal.add_workdays(D(2026, 2, 14), 1) == D(2026, 2, 24)
    assert cal.add_workdays(D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert cal.add_workdays(D(2026, 10, 9), 1) == D(2026, 10, 10)


def test_workdays_between_is_half_open() -> None:
    cal = WorkCalendar()
    assert cal.workdays_between(D(2025, 9, 30), D(2025, 10, 9)) == 1
    assert cal.workdays_between(D(2025, 9, 30), D(2025, 10, 8)) == 0
    assert cal.workdays_between(D(2025, 9, 25), D(2025, 10, 15)) == 10
    assert cal.workdays_between(D(2025, 10, 15), D(2025, 9, 25)) == -10
    assert cal.workdays_between(D(2025, 10, 15), D(2025, 10, 15)) == 0


def test_add_and_between_agree() -> None:
    cal = WorkCalendar()
    start = D(2025, 12, 20)
    for n in range(0, 60, 7):
        assert cal.workdays_between(start, cal.add_workdays(start, n)) == n


def test_unknown_year_falls_back_to_the_statutory_holidays_and_is_unconfirmed() -> None:
    cal = WorkCalendar()
    assert not cal.is_confirmed(2030)
    assert cal.is_confirmed(2026)
    assert cal.is_confirmed(2025)
    # 2030-10-01 is a Tuesday: without the official calendar it is still 国庆, fixed in law.
    assert cal.is_workday(D(2030, 10, 1)) is False
    assert cal.is_workday(D(2030, 10, 4)) is True  # the 4th day was only ever a make-up arrangement
    assert cal.is_workday(D(2030, 10, 5)) is False  # Saturday
    assert cal.add_workdays(D(2030, 10, 4), 1) == D(2030, 10, 7)
    assert cal.unconfirmed_years(D(2026, 12, 1), D(2028, 1, 10)) == [2027, 2028]
    assert cal.unconfirmed_years(D(2025, 1, 1), D(2026, 12, 31)) == []


def test_overrides_win_and_confirm_the_year() -> None:
    overrides = {D(2030, 10, d): False for d in range(1, 8)} | {D(2030, 10, 12): True}
    cal = WorkCalendar(overrides)
    assert cal.is_confirmed(2030)
    assert not cal.is_confirmed(2029)
    assert cal.is_workday(D(2030, 10, 1)) is False
    assert cal.is_workday(D(2030, 10, 12)) is True  # make-up Saturday
    assert cal.add_workdays(D(2030, 9, 30), 1) == D(2030, 10, 8)
    # An override also beats the library inside a known year.
    cal2 = WorkCalendar({D(2026, 10, 10): False})
    assert cal2.is_workday(D(2026, 10, 10)) is False


def test_explicit_confirmed_years() -> None:
    cal = WorkCalendar({D(2031, 1, 1): False}, confirmed_years=[2032])
    assert not cal.is_confirmed(2031)
    assert cal.is_confirmed(2032)
    assert cal.is_workday(D(2031, 1, 1)) is False


def test_years_before_the_library_never_raise() -> None:
    cal = WorkCalendar()
    assert not cal.is_confirmed(2001)
    assert cal.is_workday(D(2001, 1, 2)) is True  # a Tuesday
    assert cal.is_workday(D(2001, 1, 1)) is False  # 元旦, fixed in law
    assert cal.next_workday(D(2025, 10, 1)) == D(2025, 10, 9)


def test_first_of_january_2027_is_not_a_working_day() -> None:
    """Issue 13 item 10: a year the calendar package does not know still keeps the holidays fixed in law."""
    from ipguard.workdays import statutory_holidays, unconfirmed_warning

    cal = WorkCalendar()
    assert not cal.is_confirmed(2027)
    assert cal.is_workday(D(2027, 1, 1)) is False
    days = statutory_holidays(2027)
    assert [d for d, n in days.items() if n == "春节"] == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]
    assert days[D(2027, 4, 5)] == "清明" and days[D(2027, 6, 9)] == "端午节" and days[D(2027, 9, 15)] == "中秋节"
    assert {D(2027, 5, 1), D(2027, 5, 2), D(2027, 10, 1), D(2027, 10, 2), D(2027, 10, 3)} <= set(days)
    # Thursday 2026-12-31 + 1 working day skips 1 January (Friday) and the weekend.
    assert cal.add_workdays(D(2026, 12, 31), 1) == D(2027, 1, 4)
    warning = unconfirmed_warning(cal.unconfirmed_years(D(2026, 12, 31), D(2027, 1, 4)))
    assert warning and "2027" in warning and "尚未确认" in warning
    assert unconfirmed_warning([]) is None
    # Once the admin enters the year, the admin's table decides.
    entered = WorkCalendar({D(2027, 1, 1): False, D(2027, 2, 20): True})
    assert entered.is_confirmed(2027) and entered.is_workday(D(2027, 2, 20)) is True
