"""Row seals: the database itself notices a change made outside ipguard.

Every business table has triggers that call ``ipguard_touch(table, rowid)`` on
each insert, update and delete. That SQL function exists only on connections
ipguard opens, so an ``UPDATE cases …`` typed into the sqlite3 shell is
refused ("no such function"). ipguard collects the touched rows and, when the
write transaction commits, stores each row's SHA-256 (over its column values)
in ``row_seals``. ``ipguard audit verify`` recomputes every row's digest and
names each row whose current state is not the state ipguard last wrote: the
trace of someone who dropped the triggers and edited the file directly.

What seals cannot prove: someone who drops the triggers, edits rows *and*
recomputes their seals is caught only by the audit chain's anchors kept
outside the file (see docs/security.md).
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass

# The tables whose rows are business records. Not: the audit log (append-only,
# chained), the search index (derived), sign-in counters, migrations, seals.
SEALED_TABLES = (
    "users", "user_roles", "banks", "referrers", "companies", "controllers", "ip_assets", "cases", "financials",
    "case_assets", "checklist_items", "stage_events", "sequences", "settings", "product_versions",
    "holiday_overrides", "assessments", "investigation_reports", "committee_decisions", "committee_attendance",
    "committee_votes", "intent_letters", "bank_decisions", "contracts", "pledge_registrations",
    "disbursement_checks", "loans", "compensations", "recoveries", "documents", "related_parties",
    "blobs", "attachments",
    # m006: the guarantor's figures by effective date; case amendments after the committee.
    "guarantor_figures", "case_amendments",
    # m010: reversals of a case's last stage step, with the records they voided.
    "case_reversals",
)
# Columns left out of a row's seal: a blob's bytes (up to the attachment size limit) would be hashed
# again on every seal and check; its row seals the ``sha256`` column instead, and the bytes are checked
# against that SHA-256 by :func:`ipguard.store.repos.attachments.AttachmentRepo.check_blobs`.
UNSEALED_COLUMNS: dict[str, frozenset[str]] = {"blobs": frozenset({"content"})}
_CHUNK = 500


class _Touched:
    """The rows a connection changed since its last seal (per connection)."""

    def __init__(self) -> None:
        self.rows: dict[str, set[int]] = {}

    def __call__(self, table: str, rowid: int) -> int:
        self.rows.setdefault(table, set()).add(rowid)
        return 0


_TOUCHED: dict[int, _Touched] = {}


def register(conn: sqlite3.Connection) -> None:
    """Give ``conn`` the ``ipguard_touch`` function the triggers call."""
    touched = _Touched()
    _TOUCHED[id(conn)] = touched
    conn.create_function("ipguard_touch", 2, touched)


def forget(conn: sqlite3.Connection) -> None:
    _TOUCHED.pop(id(conn), None)


def discard(conn: sqlite3.Connection) -> None:
    """A rollback: the touched rows are as they were."""
    touched = _TOUCHED.get(id(conn))
    if touched is not None:
        touched.rows.clear()


def _image_sql(conn: sqlite3.Connection, table: str) -> str:
    skip = UNSEALED_COLUMNS.get(table, frozenset())
    cols = [(r[1], (r[2] or "").upper()) for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
    parts = [f"hex({name})" if "BLOB" in kind else name for name, kind in cols]
    # json_array gives one canonical text per row: types and NULLs stay distinct.
    return f"SELECT rowid, json_array({', '.join(parts)}) FROM {table}"


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal_touched(conn: sqlite3.Connection) -> None:
    """Store the digests of the rows changed in this transaction (call before COMMIT)."""
    touched = _TOUCHED.get(id(conn))
    if touched is None or not touched.rows:
        return
    pending, touched.rows = touched.rows, {}
    for table, rowids in pending.items():
        sql = _image_sql(conn, table)
        ids = sorted(rowids)
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start:start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            found = {r[0]: _digest(r[1]) for r in conn.execute(f"{sql} WHERE rowid IN ({marks})", chunk)}
            conn.executemany(
                "INSERT INTO row_seals (tbl, row_id, digest) VALUES (?,?,?) "
                "ON CONFLICT(tbl, row_id) DO UPDATE SET digest = excluded.digest",
                [(table, rid, d) for rid, d in found.items()],
            )
            gone = [(table, rid) for rid in chunk if rid not in found]
            if gone:
                conn.executemany("DELETE FROM row_seals WHERE tbl = ? AND row_id = ?", gone)


def seal_all(conn: sqlite3.Connection) -> None:
    """Seal every row as it is now (creating the seals, or after a schema upgrade)."""
    conn.execute("DELETE FROM row_seals")
    for table in SEALED_TABLES:
        rows = ((table, rid, _digest(img)) for rid, img in conn.execute(_image_sql(conn, table)).fetchall())
        conn.executemany("INSERT INTO row_seals (tbl, row_id, digest) VALUES (?,?,?)", rows)
    discard(conn)


def triggers_sql(tables: tuple[str, ...] | list[str] = SEALED_TABLES) -> list[str]:
    """The seal triggers of ``tables`` (every sealed table by default); a migration names the tables it creates."""
    out = []
    for table in tables:
        # An UPDATE touches the old rowid too: a changed rowid leaves no stale seal.
        for event, call in (("INSERT", f"ipguard_touch('{table}', NEW.rowid)"),
                            ("UPDATE", f"ipguard_touch('{table}', NEW.rowid), ipguard_touch('{table}', OLD.rowid)"),
                            ("DELETE", f"ipguard_touch('{table}', OLD.rowid)")):
            out.append(f"CREATE TRIGGER IF NOT EXISTS seal_{table}_{event.lower()} AFTER {event} ON {table} BEGIN SELECT {call}; END")
    return out


@dataclass(frozen=True)
class Mismatch:
    table: str
    row_id: int
    problem: str  # "changed", "unsealed" (added outside ipguard) or "deleted"

    def describe(self) -> str:
        what = {"changed": "was changed outside ipguard", "unsealed": "was added outside ipguard",
                "deleted": "was deleted outside ipguard"}[self.problem]
        return f"{self.table} #{self.row_id} {what}"


def check(conn: sqlite3.Connection, limit: int = 50) -> list[Mismatch]:
    """Rows whose current state is not the one ipguard last sealed (at most ``limit``)."""
    out: list[Mismatch] = []
    for table in SEALED_TABLES:
        seals = dict(conn.execute("SELECT row_id, digest FROM row_seals WHERE tbl = ?", [table]).fetchall())
        for rid, img in conn.execute(_image_sql(conn, table)):
            want = seals.pop(rid, None)
            if want is None:
                out.append(Mismatch(table, rid, "unsealed"))
            elif want != _digest(img):
                out.append(Mismatch(table, rid, "changed"))
            if len(out) >= limit:
                return out
        out.extend(Mismatch(table, rid, "deleted") for rid in sorted(seals))
        if len(out) >= limit:
            return out[:limit]
    return out
