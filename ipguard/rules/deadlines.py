"""Every deadline of a case, computed in one place from the product's parameters.

The intent letter's approval deadline and validity, the registration
follow-up, the maturity reminder, a pledged patent's annual fee and a pledged
trademark's renewal, and the working days the bank has to send the loan
receipt after disbursement. Working days count on the Chinese calendar
(:class:`ipguard.workdays.WorkCalendar`, with the administrator's overrides);
the numbers come from the case's own parameter version
(:class:`ipguard.products.DeadlineParams`).

Everything else — the workflow storing a letter's deadline, the reminders, the
to-do list, the documents' wording and the windows' warnings — asks these
functions and computes no date of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ipguard.products import DeadlineParams
from ipguard.rules import add_months
from ipguard.workdays import WorkCalendar


@dataclass(frozen=True)
class LetterDates:
    """The dates an intent letter states, counted from its issue date."""

    issue_date: dt.date
    approval_deadline: dt.date  # the bank decides by this day (working days)
    valid_until: dt.date  # the letter's validity (calendar days)
    working_days: int  # the working days behind ``approval_deadline``


def intent_letter(calendar: WorkCalendar, params: DeadlineParams, issue_date: dt.date) -> LetterDates:
    """The bank's approval deadline and the letter's validity for a letter issued on ``issue_date``."""
    days = params.bank_approval_working_days
    return LetterDates(issue_date, calendar.add_workdays(issue_date, days),
                       issue_date + dt.timedelta(days=params.intent_letter_validity_days), days)


def registration_followup(calendar: WorkCalendar, params: DeadlineParams, since: dt.date) -> dt.date:
    """When an unfinished pledge registration (waiting since ``since``) is to be followed up."""
    return calendar.add_workdays(since, params.registration_followup_working_days)


def maturity_reminder(calendar: WorkCalendar, params: DeadlineParams, maturity: dt.date) -> dt.date:
    """The first day the loan's coming maturity is shown as a reminder."""
    return calendar.add_workdays(maturity, -params.maturity_reminder_working_days)


def next_anniversary(day: dt.date, after: dt.date) -> dt.date:
    """The first anniversary of ``day`` on or after ``after`` (29 February falls on 28 February)."""
    years = max(after.year - day.year, 0)
    candidate = add_months(day, 12 * years)
    return candidate if candidate >= after else add_months(day, 12 * (years + 1))


def annual_fee_due(params: DeadlineParams, filing_date: dt.date, today: dt.date) -> dt.date | None:
    """The next annual fee date of a pledged patent when it falls within the reminder window, else None.

    A patent lapses when its annual fee (due each year by the filing date's
    anniversary, 专利法实施细则 art. 98: six months' grace with a surcharge) is
    not paid, and the pledge goes with it.
    """
    due = next_anniversary(filing_date, today)
    return due if (due - today).days <= params.annual_fee_reminder_days else None


def trademark_renewal_due(params: DeadlineParams, expiry: dt.date, today: dt.date) -> bool:
    """Whether a pledged trademark expiring on ``expiry`` needs its renewal now (商标法 art. 40: within 12 months)."""
    return (expiry - today).days <= params.trademark_renewal_reminder_days


def loan_receipt_working_days(params: DeadlineParams) -> int:
    """Working days the bank has, after lending, to send the loan receipt (the disbursement notice asks)."""
    return params.loan_receipt_working_days
