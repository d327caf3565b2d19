"""The Store: one open database file, its transactions and its audit trail.

A Store belongs to one thread (SQLite connections do). Every user action is
one write transaction opened with ``BEGIN IMMEDIATE`` (so two workstations
queue for the write lock instead of failing half-way), and every change in it
appends to the audit trail inside the same transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ipguard import clock
from ipguard.errors import ConflictError, StoreError
from ipguard.store import audit, connection, seals


def now_iso() -> str:
    """Local wall-clock time with offset, to the second (audit and events)."""
    return clock.now().isoformat(timespec="seconds")


class Store:
    """An open ipguard database. Use :func:`ipguard.store.open_store`."""

    def __init__(self, db: Database, path: Path | None) -> None:
        self.db = db
        self.path = path
        self._clock = now_iso
        from ipguard.store.repos import Repositories

        self.repos = Repositories(self)

    # -- lifecycle -----------------------------------------------------

    def close(self) -> None:
        seals.forget(self.db.conn)
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()

    def reconnect(self) -> None:
        """Open the same file again on a fresh connection (after :meth:`close`)."""
        assert self.path is not None
        self.close()
        self.db = connection.connect(self.path, create=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction; nested calls become savepoints.

        Raises :class:`StoreError` when another workstation holds the write
        lock for longer than the busy timeout.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise StoreError("db_locked", seconds=connection.BUSY_TIMEOUT_MS // 1000) from exc
            raise
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            seals.discard(conn)
            raise
        else:
            try:
                seals.seal_touched(conn)  # same transaction: the seal commits with the change
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                seals.discard(conn)
                if "locked" in str(exc) or "busy" in str(exc):
                    raise StoreError("db_locked", seconds=connection.BUSY_TIMEOUT_MS // 1000) from exc
                raise

    def now(self) -> str:
        return self._clock()

    # -- audit -------------------------------------------------------------

    def audit(
        self,
        *,
        user_id: int | None,
        entity: str,
        entity_id: object,
        action: str,
        case_id: int | None = None,
        before: object = None,
        after: object = None,
    ) -> int:
        """Append an audit entry; call inside :meth:`transaction`."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("audit entries are written inside the change's transaction")
        return audit.append(
            self.db,
            at=self.now(),
            user_id=user_id,
            case_id=case_id,
            entity=entity,
            entity_id=entity_id,
            action=action,
            before=before,
            after=after,
        )

    def verify_audit(self) -> audit.VerifyResult:
        return audit.verify(self.db)

    def check_rows(self) -> list[seals.Mismatch]:
        """Rows whose current state is not the state ipguard last wrote (and case-file
        blobs whose bytes no longer hash to their sealed SHA-256)."""
        found = seals.check(self.db.conn)
        found += [seals.Mismatch("blobs", p.blob_id, "changed") for p in self.repos.attachments.check_blobs()]
        return found

    def check_anchor(self, count: int, digest: str) -> audit.VerifyResult:
        return audit.check_anchor(self.db, count, digest)

    def audit_head(self) -> audit.ChainHead:
        return audit.head(self.db)

    # -- small shared helpers ----------------------------------------------

    def next_sequence(self, name: str) -> int:
        """Next number of a named gap-free sequence; call inside a transaction."""
        if not self.db.conn.in_transaction:
            raise RuntimeError("sequences advance inside the transaction that uses the number")
        row = self.db.execute("SELECT value FROM sequences WHERE name = ?", [name]).fetchone()
        value = (row[0] if row else 0) + 1
        self.db.execute(
            "INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value",
            [name, value],
        )
        return value

    def bump_case_version(self, case_id: int, expected_version: int | None) -> int:
        """Advance a case's version, refusing a save based on a stale one."""
        row = self.db.execute("SELECT version FROM cases WHERE id = ?", [case_id]).fetchone()
        if row is None:
            from ipguard.errors import NotFoundError

            raise NotFoundError("not_found", what="案件", ident=case_id)
        current = row[0]
        if expected_version is not None and expected_version != current:
            raise ConflictError("stale_version", current=current, yours=expected_version)
        self.db.execute("UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?", [self.now(), case_id])
        return current + 1

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[None]:
        """One read transaction: every query inside sees the same committed state.

        Inside a transaction already open on this connection this does nothing.
        Nothing is written, so the snapshot ends with a rollback.
        """
        conn = self.db.conn
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN")
        try:
            yield
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")  # read-only: nothing to commit

    def journal_mode(self) -> str:
        """The connection's journal mode ("wal" for every database ipguard opens)."""
        return self.db.execute("PRAGMA journal_mode").fetchone()[0]

    # -- raw SQL, for the repositories in ipguard.store.repos only ----------
    # Code outside ipguard/store/ calls the typed repositories (store.repos.*);
    # tests/test_architecture.py keeps SQL strings out of the rest of the app.

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        """Rows of a SELECT as dicts (repositories only)."""
        return list(self.db.query(sql, params or []))

    def scalar(self, sql: str, params: Any = None) -> Any:
        """First column of the first row, or None (repositories only)."""
        row = self.db.execute(sql, params or []).fetchone()
        return row[0] if row else None


def open_store(path: str | Path, *, create: bool = True) -> Store:
    """Open (and create or upgrade) the database at ``path``."""
    path = Path(path).expanduser()
    db = connection.connect(path, create=create)
    return Store(db, path)
