"""The dashboard's SQL: a user's cases, optionally narrowed to stages, newest stage change first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipguard.domain import Stage

if TYPE_CHECKING:
    from ipguard.store.core import Store


@dataclass(frozen=True)
class DeskCase:
    """One line of "my cases" on the dashboard (money in fen)."""

    id: int
    case_no: str
    company: str
    stage: Stage
    stage_changed_at: str
    requested_amount: int
    guarantee_amount: int | None


class DashboardRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def cases(self, *, user_id: int | None = None, stages: Sequence[Stage] = (), limit: int = 200) -> list[DeskCase]:
        """Cases where ``user_id`` is account or risk manager (all when None), in ``stages`` (all when empty)."""
        clauses: list[str] = []
        params: list[Any] = []
        if user_id is not None:
            clauses.append("(c.account_manager_id = ? OR c.risk_manager_id = ?)")
            params += [user_id, user_id]
        if stages:
            clauses.append(f"c.stage IN ({', '.join('?' for _ in stages)})")
            params += [Stage(s).value for s in stages]
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self.store.query(
            "SELECT c.id, c.case_no, co.name, c.stage, c.stage_changed_at, c.requested_amount_fen, c.guarantee_amount_fen"
            f" FROM cases c JOIN companies co ON co.id = c.company_id{where}"
            " ORDER BY c.stage_changed_at DESC, c.id DESC LIMIT ?",
            [*params, limit],
        )
        return [
            DeskCase(r["id"], r["case_no"], r["name"], Stage(r["stage"]), r["stage_changed_at"] or "",
                     r["requested_amount_fen"], r["guarantee_amount_fen"])
            for r in rows
        ]
