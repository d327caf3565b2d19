"""Business dates run forward: each step on or after the one it follows, none after today.

One place holds the rule (docs/rules.md, "dates in order"): every workflow
action passes its date through :func:`business_date`, naming the earlier
steps it must not precede; :func:`ipguard.workflow.common.move` checks every
stage change against the case's previous stage date as a backstop, so no
caller (window, CLI, script) can back-date a step before its predecessor or
record one that has not happened yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ipguard import clock, messages
from ipguard.errors import ValidationError
from ipguard.messages import Text
from ipguard.validators import check_date

messages.register(
    {
        "date_in_future": ("不能晚于今天（{today}）", "must not be after today ({today})"),
        "date_before_step": ("不能早于{step}（{other_value}）", "must not be before {step} ({other_value})"),
    }
)
messages.register_fields(
    {
        "on": ("日期", "date"),
        "registered_on": ("登记日期", "registration date"),
        "repaid_on": ("还款日期", "repayment date"),
        "deregistration_ref": ("注销登记文号", "deregistration reference"),
        "defaulted_on": ("逾期日期", "default date"),
        "recovered_on": ("追偿日期", "recovery date"),
        "closed_on": ("结案日期", "closing date"),
        "meeting_date": ("保审会日期", "committee meeting date"),
        "issue_date": ("出具日期", "issue date"),
        "status_date": ("清单登记日期", "checklist date"),
        "compensation_amount": ("代偿金额", "compensation amount"),
        "recovery_amount": ("追偿金额", "recovery amount"),
        "contract_amount": ("合同金额", "contract amount"),
        "override_reason": ("逾期审批说明", "late-approval reason"),
    }
)

Step = tuple["dt.date | None", Text]


def not_after_today(day: dt.date, field: str) -> dt.date:
    today = clock.today()
    if day > today:
        raise ValidationError(field, "date_in_future", today=today.isoformat())
    return day


def not_before(day: dt.date, field: str, after: Iterable[Step]) -> dt.date:
    for anchor, step in after:
        if anchor is not None and day < anchor:
            raise ValidationError(field, "date_before_step", step=step, other_value=anchor.isoformat())
    return day


def business_date(value: object, field: str, *, after: Iterable[Step] = (), required: bool = False) -> dt.date:
    """A step's date (today when empty): never after today, never before the ``after`` steps' dates."""
    day = check_date(value, field, required=required) or clock.today()
    return not_before(not_after_today(day, field), field, after)


def step(label: str, label_en: str, day: dt.date | None) -> Step:
    return (day, Text(label, label_en))
