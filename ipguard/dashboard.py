"""What the dashboard (工作台) shows, without Qt: my cases by stage, the month's figures.

"My" cases are those where the user is the account manager (A角) or the risk
manager (B角). Users whose work spans every case (admins, operations,
committee members without an A/B role) see all cases.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ipguard.domain import Role, Stage
from ipguard.store import Store
from ipguard.store.records import UserRecord
from ipguard.store.repos.dashboard import DeskCase

__all__ = ["DeskCase", "MonthFigures", "month_figures", "my_cases", "my_stage_counts", "scope_user_id", "sees_all"]


@dataclass(frozen=True)
class MonthFigures:
    """The month at a glance (money in fen); in-force figures are as of the month's last day."""

    month: dt.date  # first day
    applications: int
    approved: int
    declined: int
    disbursed: int
    disbursed_amount: int
    released: int
    in_force_count: int
    in_force_balance: int

    @property
    def label(self) -> str:
        return f"{self.month.year}年{self.month.month}月"


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def month_figures(store: Store, month: dt.date) -> MonthFigures:
    """New applications, committee approvals/declines, loans disbursed and released in ``month``; in force at its end."""
    first, last = month_bounds(month)
    c = store.repos.reporting.month_counts(first, last)
    return MonthFigures(first, c.applications, c.approved, c.declined, c.disbursed, c.disbursed_amount, c.released,
                        c.in_force_count, c.in_force_balance)  # fmt: skip


def sees_all(user: UserRecord) -> bool:
    """Admins, and users with neither the A nor the B role, see every case."""
    return user.has(Role.ADMIN) or not (user.has(Role.ACCOUNT_MANAGER) or user.has(Role.RISK_MANAGER))


def scope_user_id(user: UserRecord) -> int | None:
    """The user id to narrow "my cases" and reminders by (None: all cases)."""
    return None if sees_all(user) else user.id


def my_stage_counts(store: Store, user: UserRecord) -> dict[Stage, int]:
    """Case counts per stage in the user's scope."""
    return store.repos.cases.count_by_stage(account_manager_id=scope_user_id(user))


def my_cases(store: Store, user: UserRecord, stages: tuple[Stage, ...] = (), limit: int = 200) -> list[DeskCase]:
    """The user's cases in ``stages`` (all when empty), latest stage change first."""
    return store.repos.dashboard.cases(user_id=scope_user_id(user), stages=stages, limit=limit)
