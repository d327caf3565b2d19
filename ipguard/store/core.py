"""The Store: one open database file, its transactions and its audit trail.

A Store belongs to one thread (SQLite connections do). Every user action is
one write transaction opened with ``BEGIN IMMEDIATE`` (so two workstations
queue for the write lock instead of failing half-way), and every change in it
appends to the audit trail inside the same transaction.
"""

from __future__ import annotations

import contextlib
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from ipguard import clock, messages
from ipguard.errors import ConflictError, NotFoundError, StoreError
from ipguard.store import audit, connection, dialect, seals
from ipguard.store.audit import ChainHead, VerifyResult  # by name: Store.audit (the method) shadows the module in the class
from ipguard.store.connection import storage_error
from ipguard.store.dialect import Dialect
from ipguard.store.repos import Repositories

messages.register(
    {
        "db_full": (
            "数据库“{path}”所在的磁盘已满，本次修改没有保存（已全部撤销，数据库保持修改前的状态）。"
            "请删除不需要的文件、腾出磁盘空间后重试；如空间长期不足，请把数据库移到空间充足的本机磁盘",
            "the disk holding the database “{path}” is full: this change was not saved (undone in full; the database is as "
            "it was before). Free some disk space and try again; if space stays short, move the database to a local disk with room",
        ),
        "db_io_error": (
            "读写数据库“{path}”时磁盘出错（{detail}），本次修改没有保存（已全部撤销）。"
            "请检查磁盘或移动存储是否连接正常后重试；如反复出现，请先备份数据库文件，再检查磁盘或从最近的备份恢复",
            "a disk error occurred while writing the database “{path}” ({detail}): this change was not saved (undone in full). "
            "Check that the disk or drive is connected and healthy and try again; if it happens again, copy the database "
            "file first, then check the disk or restore the latest backup",
        ),
    }
)


if TYPE_CHECKING:
    from ipguard.store.pg import PgCursor, PgDatabase

# psycopg (about 0.1 s to import) is loaded only when a server database is opened: the desktop's start
# path on an SQLite file never pays for it.


def _database_errors() -> tuple[type[BaseException], ...]:
    """What a failing database statement raises, on either backend."""
    psycopg = sys.modules.get("psycopg")
    return (sqlite3.Error,) if psycopg is None else (sqlite3.Error, psycopg.Error)


def now_iso() -> str:
    """Local wall-clock time with offset, to the second (audit and events)."""
    return clock.now().isoformat(timespec="seconds")


class Store:
    """An open ipguard database. Use :func:`ipguard.store.open_store`."""

    def __init__(self, db: Database | PgDatabase, path: Path | None, *, dsn: str | None = None,
                 credentials: tuple[str, str] | None = None) -> None:
        # ``db`` is an sqlite-utils Database, or its PostgreSQL stand-in (ipguard.store.pg) with the same
        # execute/query/atomic; the repositories use only those.
        self.db: Any = db
        self.path = path
        self.dsn = dsn
        self._credentials = credentials  # a server's user name and password, to reconnect as the same user
        self.dialect: Dialect = getattr(db, "dialect", Dialect.SQLITE)
        self._clock = now_iso
        self.repos = Repositories(self)
        self.commits = 0  # write transactions committed through this store (ipguard.store.retry reads it)

    @property
    def is_server(self) -> bool:
        """Whether this store is a PostgreSQL server (else an SQLite file on this computer)."""
        return self.dialect is Dialect.POSTGRES

    def location(self) -> str:
        """Where the data is, for messages and the window title (a server never shows its password)."""
        if self.is_server:
            return str(self.db.server_label())
        return str(self.path) if self.path is not None else ":memory:"

    # -- lifecycle -----------------------------------------------------

    def close(self) -> None:
        if self.is_server:
            with contextlib.suppress(*_database_errors()):
                self.db.conn.close()
            return
        seals.forget(self.db.conn)
        with contextlib.suppress(sqlite3.Error):
            self.db.conn.close()

    def reconnect(self) -> None:
        """Open the same database again on a fresh connection (after :meth:`close`)."""
        self.close()
        if self.is_server:
            from ipguard.store import server_connection  # psycopg off the start path

            assert self.dsn is not None
            self.db = server_connection.connect(self.dsn, self._credentials)
            return
        assert self.path is not None
        self.db = connection.connect(self.path, create=False)

    def connect_as(self, credentials: tuple[str, str]) -> None:
        """On a server: connect as another user's login role ("switch user"); the server checks the password.

        The new connection is made first: when the server refuses it, this store keeps working as before.
        """
        if not self.is_server:
            return  # a file has no database logins; the app's sign-in checks the password
        from ipguard.store import server_connection  # psycopg off the start path

        assert self.dsn is not None
        new = server_connection.connect(self.dsn, credentials=credentials)
        old, self.db, self._credentials = self.db, new, credentials
        with contextlib.suppress(*_database_errors()):
            old.conn.close()

    def password_changed(self, username: str, password: str) -> None:
        """The user this store is signed in to a server as has a new password (his own change, committed):
        a reconnect and a worker thread's store (:meth:`open_again`) use it from now on. Nothing on a file."""
        if not self.is_server or self._credentials is None or self._credentials[0].casefold() != username.casefold():
            return
        from ipguard.store import server_connection  # loaded already: this store is a server's

        assert self.dsn is not None
        self._credentials = (self._credentials[0], password)
        self.db.conn.set_reopen(server_connection.reopener(self.dsn, self._credentials))

    def can_open_again(self) -> bool:
        """Whether :meth:`open_again` can give a worker thread its own store (not for an in-memory one)."""
        return self.path is not None or self.is_server

    def open_again(self) -> Store:
        """A new Store on the same database, as the same user (a worker thread's own connection: a Store
        belongs to one thread). On a server it signs in to the server with the credentials this one was
        opened with; the caller closes it."""
        if self.is_server:
            assert self.dsn is not None
            return open_store(self.dsn, create=False, credentials=self._credentials)
        if self.path is None:
            raise RuntimeError("an in-memory database cannot be opened twice")
        return open_store(self.path, create=False)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction; nested calls become savepoints.

        Raises :class:`StoreError` when another workstation holds the write
        lock for longer than the busy timeout (``db_locked``), and when the
        disk is full (``db_full``) or fails (``db_io_error``), naming the file
        and what to do. On any failure the whole transaction is rolled back:
        nothing of the change is written.
        """
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            if self.is_server:
                conn.begin_write()  # one writer at a time, as BEGIN IMMEDIATE on the file (ipguard.store.pg)
            else:
                conn.execute("BEGIN IMMEDIATE")
        except _database_errors() as exc:
            self._rollback()  # on a server BEGIN went through before the lock wait failed: end that transaction
            self._raise_mapped(exc)
            raise
        try:
            yield self.db
        except BaseException as exc:
            self._rollback()
            mapped = self._store_error(exc) if isinstance(exc, _database_errors()) else None
            if mapped is not None:
                raise mapped from exc
            raise
        else:
            try:
                if not self.is_server:
                    seals.seal_touched(conn)  # same transaction: the seal commits with the change
                self.commit_transaction()
                self.commits += 1
            except _database_errors() as exc:
                self._rollback()
                if self.is_server and conn.committed_after_all():  # the COMMIT went through; its answer was lost
                    self.commits += 1
                    return
                self._raise_mapped(exc)
                raise

    def commit_transaction(self) -> None:
        """COMMIT the outermost transaction; called by :meth:`transaction` only.

        Public as the store's fault-injection point: a disk that fails at COMMIT (full, I/O error) cannot
        be produced on demand, so tests replace this method to raise what SQLite would.
        """
        self.db.conn.commit()

    def _rollback(self) -> None:
        conn = self.db.conn
        # After an I/O error SQLite may have rolled back already, or the ROLLBACK itself may fail: either way
        # the journal (WAL) keeps the file as it was before the transaction. On a server whose connection
        # was lost, the server rolled the transaction back when the connection ended.
        with contextlib.suppress(*_database_errors()):
            conn.rollback()  # a no-op when SQLite or the server (a lost connection) ended it already
        if not self.is_server:
            seals.discard(conn)

    def _raise_mapped(self, exc: BaseException) -> None:
        mapped = self._store_error(exc)
        if mapped is not None:
            raise mapped from exc

    def _store_error(self, exc: BaseException) -> StoreError | None:
        """The user's message for a lock, a full disk, a disk error or a lost server (None for anything else)."""
        if self.is_server and not isinstance(exc, sqlite3.Error):
            from ipguard.store import server_connection  # loaded already: this store is a server's

            return server_connection.server_error(exc, self.location())
        if isinstance(exc, sqlite3.Error):
            return storage_error(exc, self.path)
        return None

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

    def verify_audit(self) -> VerifyResult:
        return audit.verify(self.db)

    def check_rows(self) -> list[seals.Mismatch]:
        """Rows whose current state is not the state ipguard last wrote (and case-file
        blobs whose bytes no longer hash to their sealed SHA-256)."""
        # Row seals are the SQLite file's own defence; a server decides who may write (ipguard.store.pg).
        found = [] if self.is_server else seals.check(self.db.conn)
        found += [seals.Mismatch("blobs", p.blob_id, "changed") for p in self.repos.attachments.check_blobs()]
        return found

    def check_anchor(self, count: int, digest: str) -> VerifyResult:
        return audit.check_anchor(self.db, count, digest)

    def audit_head(self) -> ChainHead:
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

    def bump_case_version(self, case_id: int, expected_version: int) -> int:
        """Advance a case's version, refusing a save based on a stale one.

        ``expected_version`` is the version the user read the case at; there is
        no default: a save that does not say what it was based on could undo
        someone else's change unseen (issue 14, safe defaults).
        """
        if isinstance(expected_version, bool) or not isinstance(expected_version, int):
            raise TypeError(f"expected_version must be the case version the change was based on, got {expected_version!r}")
        current = self._case_version(case_id)
        if expected_version != current:
            raise ConflictError("stale_version", current=current, yours=expected_version)
        return self._advance_case_version(case_id, current)

    def touch_case_version(self, case_id: int) -> int:
        """Advance a case's version for a change that saves no form the user read (reissuing a document)."""
        return self._advance_case_version(case_id, self._case_version(case_id))

    def _case_version(self, case_id: int) -> int:
        row = self.db.execute("SELECT version FROM cases WHERE id = ?", [case_id]).fetchone()
        if row is None:
            raise NotFoundError("not_found", what="案件", ident=case_id)
        return int(row[0])

    def _advance_case_version(self, case_id: int, current: int) -> int:
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
        if self.is_server:
            conn.begin_read()
        else:
            conn.execute("BEGIN")
        try:
            yield
        except _database_errors() as exc:
            if self.is_server:
                self._raise_mapped(exc)  # a server lost mid-report: server_lost, not a raw driver error
            raise
        finally:
            conn.rollback()  # read-only: nothing to commit

    def journal_mode(self) -> str:
        """The connection's journal mode ("wal" for every database ipguard opens)."""
        return str(self.db.execute("PRAGMA journal_mode").fetchone()[0])

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

    # Typed forms of scalar(): the column's SQL type is known where the query is written.

    def scalar_int(self, sql: str, params: Any = None) -> int | None:
        value = self.scalar(sql, params)
        return None if value is None else int(value)

    def scalar_str(self, sql: str, params: Any = None) -> str | None:
        value = self.scalar(sql, params)
        return None if value is None else str(value)

    def scalar_bytes(self, sql: str, params: Any = None) -> bytes | None:
        value = self.scalar(sql, params)
        return None if value is None else bytes(value)

    def count(self, sql: str, params: Any = None) -> int:
        """A COUNT or SUM: 0 when the query finds nothing."""
        return self.scalar_int(sql, params) or 0

    @staticmethod
    def inserted_id(cursor: sqlite3.Cursor | PgCursor) -> int:
        """The id of the row an INSERT just wrote (SQLite sets it for a rowid table; on a server the
        statement returned it, ipguard.store.dialect)."""
        if cursor.lastrowid is None:
            raise RuntimeError("INSERT wrote no row")  # cannot happen on a rowid table: a bug, not a user error
        return cursor.lastrowid


def open_store(path: str | Path, *, create: bool = True, credentials: tuple[str, str] | None = None) -> Store:
    """Open (and create or upgrade) the database at ``path``: an SQLite file, or a PostgreSQL server
    named by a ``postgresql://`` URL or a libpq connection string (``service=ipguard``).

    On a server, ``credentials`` (user name, password) connect as that user's own login role (the server
    checks the password; a wrong one, an unknown or disabled user raise IpguardError("login_failed"));
    without them the connection is what libpq finds (the owner's tools, the tests). An SQLite file
    ignores them: :func:`ipguard.auth.sign_in` checks the password there.

    A server's schema is created and upgraded by ``ipguard server init`` / ``upgrade`` (an administrator's
    step, with a backup first), never by a workstation opening it.
    """
    if dialect.is_postgres_target(path):
        from ipguard.store import server_connection  # psycopg off the start path

        dsn = str(path)
        return Store(server_connection.connect(dsn, credentials), None, dsn=dsn, credentials=credentials)
    path = Path(path).expanduser()
    db = connection.connect(path, create=create)
    return Store(db, path)
