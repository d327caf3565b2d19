"""The guarantor's own figures (net assets, "mainly small and micro") by effective date.

Each record is valid from its effective date until the next one; a record
entered later for the same date supersedes the earlier (both stay, with
the audit entry). Nothing is ever updated or deleted here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ipguard.store.records import GuarantorFigures, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store

_SELECT = (
    "SELECT g.id, g.effective_date, g.net_assets_fen, g.mainly_small_micro, g.note, g.recorded_at, g.recorded_by,"
    " COALESCE(u.display_name, '') AS recorded_by_name FROM guarantor_figures g LEFT JOIN users u ON u.id = g.recorded_by"
)


def _record(r: dict[str, Any]) -> GuarantorFigures:
    return GuarantorFigures(
        id=r["id"], effective_date=required_date(r["effective_date"]), net_assets=r["net_assets_fen"],
        mainly_small_micro=bool(r["mainly_small_micro"]), note=r["note"], recorded_at=r["recorded_at"],
        recorded_by=r["recorded_by"], recorded_by_name=r["recorded_by_name"],
    )


class GuarantorRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def at(self, day: dt.date) -> GuarantorFigures | None:
        """The figures valid at the end of ``day`` (None only before the first effective date)."""
        rows = self.store.query(_SELECT + " WHERE g.effective_date <= ? ORDER BY g.effective_date DESC, g.id DESC LIMIT 1",
                                [day.isoformat()])
        return _record(rows[0]) if rows else None

    def history(self) -> list[GuarantorFigures]:
        """Every record, newest effective date first (a later entry for the same date first)."""
        return [_record(r) for r in self.store.query(_SELECT + " ORDER BY g.effective_date DESC, g.id DESC")]

    def record(self, effective_date: dt.date, net_assets: int, mainly_small_micro: bool, note: str, *,
               acting_user_id: int | None) -> GuarantorFigures:
        """Append a record, audited (entity ``guarantor_figures``, before: the figures valid at that date until now)."""
        with self.store.transaction() as db:
            before = self.at(effective_date)
            cur = db.execute(
                "INSERT INTO guarantor_figures (effective_date, net_assets_fen, mainly_small_micro, note, recorded_at, recorded_by)"
                " VALUES (?,?,?,?,?,?)",
                [effective_date.isoformat(), net_assets, int(mainly_small_micro), note, self.store.now(), acting_user_id],
            )
            after = {"effective_date": effective_date.isoformat(), "net_assets_fen": net_assets,
                     "mainly_small_micro": mainly_small_micro, "note": note}
            self.store.audit(
                user_id=acting_user_id, entity="guarantor_figures", entity_id=cur.lastrowid, action="record",
                before=None if before is None else {"effective_date": before.effective_date.isoformat(),
                                                    "net_assets_fen": before.net_assets,
                                                    "mainly_small_micro": before.mainly_small_micro},
                after=after,
            )
            new_id = cur.lastrowid
        return next(f for f in self.history() if f.id == new_id)
