"""Today's date and the current time: the one place ipguard reads the clock.

Every business rule that asks "is this date in the future?", "is the bank's
deadline past?" or "which month is current?" takes its answer from here, so a
test (or a demo script) can fix the clock once and get the same result on any
real date. Nothing else in ``ipguard/`` or ``ui/`` calls ``date.today()`` or
``datetime.now()`` (``tests/test_architecture.py`` checks that).

There is deliberately no environment variable to move the clock: a business
date must not be back-dated by a setting a user can change.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_fixed: dt.datetime | None = None


def now() -> dt.datetime:
    """The current local time, timezone-aware, to the microsecond."""
    fixed = _fixed
    if fixed is not None:
        return fixed
    return dt.datetime.now().astimezone()


def today() -> dt.date:
    """Today's local date."""
    return now().date()


def fix(when: dt.datetime | dt.date) -> None:
    """Fix the clock at ``when`` (a date means 09:00 local that day) until :func:`release`."""
    global _fixed
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(9, 0))
    if when.tzinfo is None:
        when = when.astimezone()
    with _lock:
        _fixed = when


def release() -> None:
    """Let the clock run again."""
    global _fixed
    with _lock:
        _fixed = None


@contextlib.contextmanager
def frozen(when: dt.datetime | dt.date) -> Iterator[None]:
    """Fix the clock for the ``with`` block, then restore what it was."""
    previous = _fixed
    fix(when)
    try:
        yield
    finally:
        if previous is None:
            release()
        else:
            fix(previous)
