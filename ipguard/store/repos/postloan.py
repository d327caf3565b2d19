"""Post-loan records: the compensation payment (代偿) and recovery receipts (追偿).

Every write runs inside the caller's transaction (the workflow action's).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipguard.store.records import CompensationRecord, RecoveryRecord, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store


class PostloanRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add_compensation(
        self, case_id: int, *, amount: int, paid_on: str, bank_share: int, reguarantor_share: int, retained: int
    ) -> None:
        """Record the guarantor's payment to the bank and its split (all fen)."""
        self.store.db.execute(
            "INSERT INTO compensations (case_id, amount_fen, paid_on, bank_share_fen, reguarantor_share_fen, retained_fen)"
            " VALUES (?,?,?,?,?,?)",
            [case_id, amount, paid_on, bank_share, reguarantor_share, retained],
        )

    def compensation(self, case_id: int) -> CompensationRecord | None:
        """The case's compensation payment and its split, or None."""
        rows = self.store.query("SELECT * FROM compensations WHERE case_id = ?", [case_id])
        if not rows:
            return None
        r = rows[0]
        return CompensationRecord(r["case_id"], r["amount_fen"], required_date(r["paid_on"]), r["bank_share_fen"],
                                  r["reguarantor_share_fen"], r["retained_fen"])

    def add_recovery(
        self, case_id: int, *, on_date: str, amount: int, source: str, asset_id: int | None, note: str
    ) -> int:
        """Record one recovery receipt; the new row's id."""
        cur = self.store.db.execute(
            "INSERT INTO recoveries (case_id, on_date, amount_fen, source, asset_id, note) VALUES (?,?,?,?,?,?)",
            [case_id, on_date, amount, source, asset_id, note],
        )
        return self.store.inserted_id(cur)

    def recovered_total(self, case_id: int) -> int:
        """Sum of the case's recovery receipts (fen)."""
        return self.store.count("SELECT COALESCE(SUM(amount_fen), 0) FROM recoveries WHERE case_id = ?", [case_id])

    def recoveries(self, case_id: int) -> list[RecoveryRecord]:
        """The case's recovery receipts by date."""
        return [RecoveryRecord(r["id"], r["case_id"], required_date(r["on_date"]), r["amount_fen"], r["source"], r["asset_id"],
                               r["note"])
                for r in self.store.query("SELECT * FROM recoveries WHERE case_id = ? ORDER BY on_date, id", [case_id])]
