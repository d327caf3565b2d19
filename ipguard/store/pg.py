"""A PostgreSQL server behind the same Store (psycopg 3).

The repositories talk to ``store.db`` the way they talk to an SQLite file
through sqlite-utils: ``execute``/``query`` on the database, ``execute``/
``executemany``/``in_transaction`` on its connection. :class:`PgDatabase` and
:class:`PgConnection` offer exactly those, translating each statement once
(:func:`ipguard.store.dialect.to_postgres`) and returning what SQLite would
(integers for sums, ``lastrowid`` for a generated key).

Writers queue like SQLite's ``BEGIN IMMEDIATE``: every write transaction
first takes one transaction-scoped advisory lock, so case and letter numbers
stay gap-free, the audit chain is appended in order and a version check
cannot race another workstation's save. Readers never wait (MVCC); a read
snapshot is a REPEATABLE READ, READ ONLY transaction.

Why a deadlock or a serialization failure cannot come from two ipguard writers: a writer takes the
advisory lock as its first statement, before it holds any row lock, so no two of them wait on each other,
and writes run at READ COMMITTED, which never raises a serialization failure (read-only snapshots never
fail to commit). One can still come from a session outside ipguard (an administrator's psql holding rows
in another order): the server then undoes the ipguard transaction, the user sees ``server_conflict``
(nothing saved) and the window runs the action again on its own (:mod:`ipguard.store.retry`).

Nobody waits forever: a workstation waits for a lock at most as long as one waits for the SQLite file
(``db_locked``), and a workstation that stops in the middle of a transaction (a frozen program, a laptop
closed mid-save) is cut off by the server after ``IDLE_IN_TRANSACTION_MS``, which undoes its change and
frees the writer lock for the others. A lost connection rolls the whole transaction back on the server and
reaches the user as ``server_lost`` (tests/test_server_concurrency.py shows both); when only the answer to
its COMMIT was lost, the server is asked whether it committed (``txid_status``) before the user is told.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import psycopg
from psycopg import pq

from ipguard.errors import IpguardError
from ipguard.store import dialect
from ipguard.store.dialect import Dialect

# The advisory lock every write transaction holds until it ends: ipguard's "one writer at a time".
WRITER_LOCK_KEY = 0x1F6A_2D00
CONNECT_TIMEOUT_S = 10
# A workstation idle inside a transaction this long (it stopped mid-save) is cut off by the server.
IDLE_IN_TRANSACTION_MS = 120_000


class PgCursor:
    """The part of sqlite3.Cursor the store uses."""

    def __init__(self, cursor: psycopg.Cursor[Any], key: str | None) -> None:
        self._cursor = cursor
        self.lastrowid: int | None = None
        if key is not None and cursor.description is not None:
            row = cursor.fetchone()
            self.lastrowid = None if row is None else int(row[0])

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def description(self) -> Any:
        return self._cursor.description

    def fetchone(self) -> tuple[Any, ...] | None:
        if self._cursor.description is None:
            return None
        return dialect.row_from_server(self._cursor.fetchone())

    def fetchall(self) -> list[tuple[Any, ...]]:
        if self._cursor.description is None:
            return []
        return dialect.rows_from_server(self._cursor.fetchall())

    def fetchmany(self, size: int) -> list[tuple[Any, ...]]:
        if self._cursor.description is None:
            return []
        return dialect.rows_from_server(self._cursor.fetchmany(size))

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        if self._cursor.description is None:
            return
        for row in self._cursor:
            yield tuple(dialect.from_server(v) for v in row)


class PgConnection:
    """The part of sqlite3.Connection the store uses, over one psycopg connection (autocommit;
    transactions are opened and ended explicitly, as the store does on SQLite).

    With ``reopen`` (a workstation's connection) a connection the server closed — a restart, a network
    that came back, a workstation cut off when stalled — is opened again, as the same user, before the
    next transaction or read: never inside a transaction, whose earlier statements the server undid
    (that transaction fails as ``server_lost``), and a read that finds the connection gone on its way
    is run once more on the new one.
    """

    def __init__(self, raw: psycopg.Connection[Any],
                 reopen: Callable[[], psycopg.Connection[Any]] | None = None) -> None:
        self.raw = raw
        self._reopen = reopen
        self._in_transaction = False  # a transaction begun here and not yet ended here
        self._xid: int | None = None  # the server's id of the last write transaction begun here
        self._savepoints = itertools.count(1)
        self._cursors = itertools.count(1)

    def set_reopen(self, reopen: Callable[[], psycopg.Connection[Any]]) -> None:
        """How to open the connection again from now on (the user changed his password)."""
        self._reopen = reopen

    @property
    def in_transaction(self) -> bool:
        if self._in_transaction:
            return True  # also when the connection died inside it: the caller must end it (rollback)
        return not self.raw.closed and self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def _usable(self) -> None:
        """Open the connection again if the server closed it, outside a transaction only."""
        if self.raw.closed and self._reopen is not None and not self._in_transaction:
            old, self.raw = self.raw, self._reopen()
            old.close()

    def _run(self, text: str, params: Any) -> psycopg.Cursor[Any]:
        self._usable()
        cursor = self.raw.cursor()
        try:
            cursor.execute(text, params)
        except psycopg.OperationalError:
            if self._in_transaction or not self.raw.closed or self._reopen is None or not _reads_only(text):
                raise
            self._usable()  # the connection was gone before this read reached the server: once more
            cursor = self.raw.cursor()
            cursor.execute(text, params)
        return cursor

    def execute(self, sql: str, params: Any = None) -> PgCursor:
        text, key = dialect.to_postgres(sql)
        return PgCursor(self._run(text, dialect.adapt_params(params)), key)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        text, _key = dialect.to_postgres(sql)
        self._usable()
        with self.raw.cursor() as cursor:
            cursor.executemany(text, [dialect.adapt_params(r) for r in rows])

    def stream(self, sql: str, params: Any = None, batch: int = 2000) -> Iterator[tuple[Any, ...]]:
        """The rows of a query through a server-side cursor (a psycopg named cursor), ``batch`` at a time.

        The server keeps the result; the workstation holds one batch, so a report over a large portfolio
        never sits in the client's memory. Inside a transaction (a report's read snapshot) the cursor lives
        until the iteration ends; outside one it is declared WITH HOLD so it survives autocommit.
        """
        text, _key = dialect.to_postgres(sql)
        self._usable()
        name = f"ipguard_stream_{next(self._cursors)}"
        with self.raw.cursor(name=name, withhold=not self.in_transaction) as cursor:
            cursor.itersize = batch
            cursor.execute(text, dialect.adapt_params(params))
            while rows := cursor.fetchmany(batch):
                yield from dialect.rows_from_server(rows)

    def begin_write(self) -> None:
        self._xid = None
        self._begin("BEGIN ISOLATION LEVEL READ COMMITTED")
        row = self.raw.execute("SELECT pg_advisory_xact_lock(%s), txid_current()", [WRITER_LOCK_KEY]).fetchone()
        self._xid = None if row is None else int(row[1])

    def committed_after_all(self) -> bool:
        """After a COMMIT whose answer never came (the connection died on the way): whether the server did
        commit the last write transaction, asked on a new connection (``txid_status``). False when it did
        not, when that is not known yet, or when the server cannot be asked."""
        xid, self._xid = self._xid, None
        if xid is None or self._reopen is None or self._in_transaction:
            return False
        try:
            self._usable()
            row = self.raw.execute("SELECT txid_status(%s)", [xid]).fetchone()
        except (psycopg.Error, IpguardError):  # not reachable, or refused: the change counts as not saved
            return False
        return row is not None and row[0] == "committed"

    def begin_read(self) -> None:
        self._begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")

    def _begin(self, statement: str) -> None:
        if self._in_transaction:
            raise RuntimeError("a transaction is already open on this connection")
        self._usable()
        try:
            self.raw.execute(statement)
        except psycopg.OperationalError:
            if not self.raw.closed or self._reopen is None:
                raise
            self._usable()  # the connection was gone: nothing began, begin on a new one
            self.raw.execute(statement)
        self._in_transaction = True

    def commit(self) -> None:
        try:
            self.raw.execute("COMMIT")
        finally:
            self._in_transaction = False  # committed, or failed and undone by the server (the caller rolls back)

    def rollback(self) -> None:
        """End the transaction; on a lost connection the server has already undone it."""
        try:
            if not self.raw.closed:
                self.raw.execute("ROLLBACK")
        finally:
            self._in_transaction = False

    def next_savepoint(self) -> str:
        return f"ipguard_sp{next(self._savepoints)}"

    def close(self) -> None:
        self.raw.close()


class PgDatabase:
    """The part of sqlite_utils.Database the store uses."""

    dialect = Dialect.POSTGRES

    def __init__(self, conn: PgConnection, dsn: str) -> None:
        self.conn = conn
        self._label: str | None = None
        self.dsn = dsn
        self.server_label()  # now, while connected

    def execute(self, sql: str, params: Any = None) -> PgCursor:
        return self.conn.execute(sql, params)

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        cursor = self.conn.execute(sql, params)
        names = [d.name for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(names, row, strict=True))

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A savepoint inside the open transaction (a nested Store.transaction)."""
        name = self.conn.next_savepoint()
        self.conn.raw.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.raw.execute(f"ROLLBACK TO SAVEPOINT {name}")
            raise
        else:
            self.conn.raw.execute(f"RELEASE SAVEPOINT {name}")

    def table_names(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
        return [str(r[0]) for r in rows]

    def server_label(self) -> str:
        """Where the database is, for messages: host (or socket) and database name; never the password.
        Read once: a message or the window's status bar may name it after the connection closed."""
        if self._label is None:
            info = self.conn.raw.info
            self._label = f"{info.host}:{info.port}/{info.dbname}"
        return self._label


_CHANGES = ("FOR UPDATE", "FOR SHARE", "NEXTVAL(", "SETVAL(", "PG_ADVISORY", "IPGUARD_USER_SYNC(", "SET_CONFIG(")


def _reads_only(text: str) -> bool:
    """A statement that changes nothing, safe to send again: SHOW, or a SELECT that locks and calls nothing
    with an effect. (Outside a transaction a workstation only reads: every change is one transaction.)"""
    upper = text.upper()
    head = upper.lstrip().split(None, 1)[0] if upper.strip() else ""
    return head in ("SELECT", "SHOW") and not any(word in upper for word in _CHANGES)


def limit_waits(raw: psycopg.Connection[Any], lock_wait_ms: int) -> None:
    """A workstation's session limits (see the module docstring): wait ``lock_wait_ms`` at most for a lock,
    and be cut off when idle inside a transaction for ``IDLE_IN_TRANSACTION_MS``."""
    raw.execute("SELECT set_config('lock_timeout', %s, false), set_config('idle_in_transaction_session_timeout', %s, false)",
                [str(lock_wait_ms), str(IDLE_IN_TRANSACTION_MS)])


def connect_raw(dsn: str, **overrides: Any) -> psycopg.Connection[Any]:
    """A psycopg connection in autocommit mode (libpq reads pg_service.conf and .pgpass)."""
    return psycopg.connect(dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                           application_name="ipguard", **overrides)
