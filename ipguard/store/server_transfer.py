"""Moving a workstation's SQLite database onto the team server, and a standalone SQLite copy back (issue 20).

:func:`import_sqlite` fills an *empty* server database from an SQLite file in
one transaction: the source's audit chain (and row seals) are verified first,
the schema is created as ``ipguard server init`` would, every table is copied
in dependency order keeping its ids, the server's generated keys continue
after the highest id, and before COMMIT the server's copy must show the same
audit chain (count and head hash), the same row counts and the same SHA-256 of
every document and attachment. Anything short of that rolls back: the target
stays empty.

:func:`export_sqlite` writes a standalone SQLite file from one read snapshot
of the server: a fresh file through the SQLite migrations, the rows copied,
and the file's row seals computed as the store computes them for new rows
(:func:`ipguard.store.seals.seal_touched`); the copy must pass the audit
chain, its seals and SQLite's integrity checks before it is renamed to the
name asked for. An existing file is never overwritten.

What differs between the two schemas (:mod:`ipguard.store.schema_pg`): the
search tables are derived (``case_search`` is filled by triggers on both
sides; ``blob_text``, the text extracted from PDFs, is copied), the three
tables ordered by SQLite's ``rowid`` carry it as an identity column on the
server, and row seals exist only in the file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

from ipguard import clock, messages
from ipguard.errors import StoreError
from ipguard.store import audit, schema, schema_pg, seals
from ipguard.store.audit import ChainHead
from ipguard.store.pg import PgConnection, PgDatabase, connect_raw

messages.register(
    {
        "transfer_target_not_empty": (
            "目标数据库“{server}”不是空的（已有 {tables} 张表），不能导入。请新建一个空数据库再导入",
            "the target database “{server}” is not empty ({tables} tables): import only into a new, empty database",
        ),
        "transfer_source_broken": (
            "数据库文件“{path}”未通过校验，不能导入：{problem}。没有写入服务器任何内容",
            "the database file “{path}” failed its check and cannot be imported: {problem}. Nothing was written to the server",
        ),
        "transfer_mismatch": (
            "复制后的校验不符（{what}），已全部撤销，目标“{target}”没有任何改动",
            "the copy does not match its source ({what}); everything was undone and “{target}” was not changed",
        ),
        "transfer_failed": (
            "导入到“{target}”时服务器拒绝了数据（{detail}），已全部撤销，目标数据库没有任何改动",
            "the server refused the data imported into “{target}” ({detail}); everything was undone and the target was not changed",
        ),
        "transfer_dest_exists": (
            "文件“{path}”已存在，不会覆盖。请换一个文件名",
            "the file “{path}” exists already and will not be overwritten; choose another name",
        ),
        "transfer_write_failed": (
            "无法写入“{path}”：{detail}。没有留下导出文件",
            "cannot write “{path}”: {detail}. No export file was left",
        ),
    }
)

# Tables of the file that are not copied as rows: SQLite's bookkeeping, the derived search indexes
# (FTS5 and their shadow tables; blob_text's rows are copied on their own), the file's row seals.
_FILE_ONLY_PREFIXES = ("_sqlite", "sqlite_", "case_search", "blob_text")
_FILE_ONLY = {"row_seals"}
# Tables of the server that are not copied as rows: its migration list, the derived search tables.
_SERVER_ONLY = {"ipguard_migrations", "case_search", "blob_text", "row_seals"}
_BATCH = 500


@dataclass(frozen=True)
class TransferResult:
    """What was moved: the audit head on both sides, rows per table, documents and attachments."""

    source: str
    target: str
    source_head: ChainHead
    target_head: ChainHead
    rows: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    attachments: int = 0
    blobs: int = 0


# -- reading and writing each side -------------------------------------------------------------------


def _file_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


def _server_columns(conn: PgConnection) -> dict[str, list[str]]:
    """Each server table's columns, in their order, without the generated ``rowid`` ones."""
    out: dict[str, list[str]] = {}
    for table, column in conn.raw.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " ORDER BY table_name, ordinal_position"):
        out.setdefault(str(table), [])
        if column != "rowid":
            out[str(table)].append(str(column))
    return out


def _rowid_tables(conn: PgConnection) -> set[str]:
    rows = conn.raw.execute("SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema()"
                            " AND column_name = 'rowid' AND is_identity = 'YES'")
    return {str(r[0]) for r in rows}


def _dependency_order(conn: PgConnection, tables: Iterable[str]) -> list[str]:
    """The tables so that each comes after the tables its foreign keys point to (the server's catalog says)."""
    wanted = sorted(tables)
    needs: dict[str, set[str]] = {t: set() for t in wanted}
    for child, parent in conn.raw.execute(
            "SELECT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
            " WHERE contype = 'f' AND connamespace = current_schema()::regnamespace"):
        if child in needs and parent in needs and child != parent:
            needs[str(child)].add(str(parent))
    order: list[str] = []
    while needs:
        ready = sorted(t for t, deps in needs.items() if not deps - set(order))
        if not ready:
            raise RuntimeError(f"foreign keys form a cycle among {sorted(needs)}")  # the schema's bug, not a user error
        order.extend(ready)
        for t in ready:
            del needs[t]
    return order


def _key_order(table: str, columns: list[str], rowid: bool) -> str:
    """Rows in the order they were written (self-references point backwards): rowid, id, seq, else all columns."""
    if rowid:
        return "rowid"
    for key in ("id", "seq"):
        if key in columns:
            return key
    return ", ".join(str(i + 1) for i in range(len(columns)))


def _file_rows(conn: sqlite3.Connection, table: str, columns: list[str], rowid: bool) -> Iterator[tuple[Any, ...]]:
    names = (["rowid"] if rowid else []) + columns
    order = _key_order(table, columns, rowid)
    cursor = conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY {order}")
    while batch := cursor.fetchmany(_BATCH):
        yield from batch


def _server_rows(conn: PgConnection, table: str, columns: list[str], rowid: bool) -> Iterator[tuple[Any, ...]]:
    names = (["rowid"] if rowid else []) + columns
    order = _key_order(table, columns, rowid)
    query = sql.SQL("SELECT {} FROM {} ORDER BY " + order).format(
        sql.SQL(", ").join(map(sql.Identifier, names)), sql.Identifier(table))
    with conn.raw.cursor(name=f"ipguard_export_{table}") as cursor:  # server-side: a big table is never read whole
        cursor.itersize = _BATCH
        cursor.execute(query)
        for row in cursor:
            yield tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)


def _count(run: Any, table: str) -> int:
    row = run(f"SELECT COUNT(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _file_hashes(conn: sqlite3.Connection) -> dict[str, dict[int, str]]:
    """SHA-256 of each document's PDF and each blob's bytes, by id, computed from the bytes."""
    out: dict[str, dict[int, str]] = {"documents": {}, "blobs": {}}
    for kind, query in (("documents", "SELECT id, pdf FROM documents ORDER BY id"),
                        ("blobs", "SELECT id, content FROM blobs ORDER BY id")):
        cursor = conn.execute(query)
        while batch := cursor.fetchmany(20):
            out[kind].update((int(i), hashlib.sha256(bytes(b)).hexdigest()) for i, b in batch)
    return out


def _server_hashes(conn: PgConnection) -> dict[str, dict[int, str]]:
    return {
        "documents": {int(i): str(h) for i, h in conn.raw.execute("SELECT id, encode(sha256(pdf), 'hex') FROM documents")},
        "blobs": {int(i): str(h) for i, h in conn.raw.execute("SELECT id, encode(sha256(content), 'hex') FROM blobs")},
    }


def _file_tables(conn: sqlite3.Connection) -> set[str]:
    names = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {n for n in names if n not in _FILE_ONLY and not n.startswith(_FILE_ONLY_PREFIXES)}


def _plan(pg: PgConnection, file_conn: sqlite3.Connection) -> tuple[list[str], dict[str, list[str]], set[str]]:
    """Which tables to copy, in which order, with which columns; both schemas must agree on them."""
    server_cols = {t: c for t, c in _server_columns(pg).items() if t not in _SERVER_ONLY}
    file_tables = _file_tables(file_conn)
    if file_tables != set(server_cols):
        raise RuntimeError(f"the two schemas differ: only in the file {sorted(file_tables - set(server_cols))}, "
                           f"only on the server {sorted(set(server_cols) - file_tables)}")
    for table, columns in server_cols.items():
        if set(_file_columns(file_conn, table)) != set(columns):
            raise RuntimeError(f"the two schemas differ in the columns of {table}")
    return _dependency_order(pg, server_cols), server_cols, _rowid_tables(pg)


def _file_head(conn: sqlite3.Connection) -> ChainHead:
    db: Any = _SqliteExecute(conn)
    return audit.head(db)


class _SqliteExecute:
    """``execute`` over a bare sqlite3 connection, for :mod:`ipguard.store.audit`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, query: str, params: Any = None) -> sqlite3.Cursor:
        return self.conn.execute(query, params or [])


def _compare(what: str, target: str, source: object, copied: object) -> None:
    if source != copied:
        raise StoreError("transfer_mismatch", what=what, target=target)


# -- import ------------------------------------------------------------------------------------------


def import_sqlite(source_path: str | Path, dsn: str, *, after_copy: Callable[[PgConnection], object] | None = None) -> TransferResult:
    """Move a workstation's SQLite database onto an empty server database; see the module."""
    from ipguard.store import open_store
    from ipguard.store.server_connection import server_label

    source_path = Path(source_path).expanduser()
    where = server_label(dsn)
    with open_store(source_path, create=False) as source:
        verdict = source.verify_audit()
        if not verdict.ok:
            raise StoreError("transfer_source_broken", path=str(source_path), problem=verdict.problem)
        edited = source.check_rows()
        if edited:
            raise StoreError("transfer_source_broken", path=str(source_path), problem=edited[0].describe())
        file_conn: sqlite3.Connection = source.db.conn
        file_conn.execute("BEGIN")  # one read snapshot of the file
        try:
            return _import(file_conn, source_path, dsn, where, after_copy)
        finally:
            file_conn.execute("ROLLBACK")


def _import(file_conn: sqlite3.Connection, source_path: Path, dsn: str, where: str,
            after_copy: Callable[[PgConnection], object] | None = None) -> TransferResult:
    source_head = _file_head(file_conn)
    raw = connect_raw(dsn)
    try:
        pg = PgConnection(raw)
        pg.begin_write()
        try:
            present = int(raw.execute("SELECT COUNT(*) FROM information_schema.tables"
                                      " WHERE table_schema = current_schema()").fetchone()[0])  # type: ignore[index]
            if present:
                raise StoreError("transfer_target_not_empty", server=where, tables=present)
            schema_pg.apply(pg, schema.known_names(), at=clock.now().isoformat(timespec="seconds"))
            raw.execute("DELETE FROM guarantor_figures")  # the new schema's first figures: the file's own come next
            order, columns, rowid_tables = _plan(pg, file_conn)
            rows: dict[str, int] = {}
            for table in order:
                rows[table] = _copy_to_server(pg, file_conn, table, columns[table], table in rowid_tables)
            _copy_blob_text_to_server(pg, file_conn)
            _continue_keys(pg)
            if after_copy is not None:  # e.g. the users' login roles (server.enable_imported_logins), same transaction
                after_copy(pg)
            result = _check_server_copy(pg, file_conn, dsn, where, source_path, source_head, order, rows)
            pg.commit()
            return result
        except psycopg.Error as exc:
            pg.rollback()
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError("transfer_failed", target=where, detail=detail) from exc
        except BaseException:
            pg.rollback()
            raise
    finally:
        raw.close()


def _copy_to_server(pg: PgConnection, file_conn: sqlite3.Connection, table: str, columns: list[str], rowid: bool) -> int:
    names = (["rowid"] if rowid else []) + columns
    # COPY writes the identity ``rowid`` as given (SQLite's order), which INSERT would refuse.
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table), sql.SQL(", ").join(map(sql.Identifier, names)))
    written = 0
    with pg.raw.cursor() as cursor, cursor.copy(statement) as copy:
        for row in _file_rows(file_conn, table, columns, rowid):
            copy.write_row(row)
            written += 1
    return written


def _copy_blob_text_to_server(pg: PgConnection, file_conn: sqlite3.Connection) -> None:
    with pg.raw.cursor() as cursor, cursor.copy("COPY blob_text (rowid, body) FROM STDIN") as copy:
        for row in file_conn.execute("SELECT rowid, body FROM blob_text ORDER BY rowid"):
            copy.write_row(row)


def _continue_keys(pg: PgConnection) -> None:
    """Every generated key continues after the highest copied value (as bulk inserts do)."""
    identity = list(pg.raw.execute("SELECT table_name, column_name FROM information_schema.columns"
                                   " WHERE table_schema = current_schema() AND is_identity = 'YES'"))
    for table, column in identity:
        pg.raw.execute(sql.SQL("SELECT setval(pg_get_serial_sequence({}, {}), COALESCE(MAX({}), 0) + 1, false) FROM {}").format(
            sql.Literal(str(table)), sql.Literal(str(column)), sql.Identifier(str(column)), sql.Identifier(str(table))))


def _check_server_copy(pg: PgConnection, file_conn: sqlite3.Connection, dsn: str, where: str, source_path: Path,
                       source_head: ChainHead, order: list[str], rows: dict[str, int]) -> TransferResult:
    db: Any = PgDatabase(pg, dsn)
    verdict = audit.verify(db)
    if not verdict.ok:
        raise StoreError("transfer_mismatch", what=f"audit chain: {verdict.problem}", target=where)
    target_head = audit.head(db)
    _compare("audit head", where, source_head, target_head)
    for table in order:
        _compare(f"rows of {table}", where, _count(file_conn.execute, table), _count(pg.raw.execute, table))
    _compare("document and attachment hashes", where, _file_hashes(file_conn), _server_hashes(pg))
    _compare("search index of attached files", where, _count(file_conn.execute, "blob_text"), _count(pg.raw.execute, "blob_text"))
    return TransferResult(source=str(source_path), target=where, source_head=source_head, target_head=target_head,
                          rows=rows, documents=rows.get("documents", 0), attachments=rows.get("attachments", 0),
                          blobs=rows.get("blobs", 0))


# -- export ------------------------------------------------------------------------------------------


def export_sqlite(dsn: str, dest_path: str | Path) -> TransferResult:
    """A standalone SQLite copy of the server database at ``dest_path`` (never overwritten); see the module."""
    from ipguard.store import connection
    from ipguard.store.server_connection import connect

    dest = Path(dest_path).expanduser()
    if dest.exists():
        raise StoreError("transfer_dest_exists", path=str(dest))
    server_db = connect(dsn)  # ipguard's current schema, or a message saying what to do
    where = server_db.server_label()
    partial = dest.with_name(f".{dest.name}.partial")
    _remove_file(partial)
    try:
        pg = server_db.conn
        pg.begin_read()  # one snapshot: the copy is the server at one moment
        try:
            file_db = connection.connect(partial, create=True)
            try:
                result = _export(pg, dsn, file_db.conn, where, dest)
            finally:
                seals.forget(file_db.conn)
                file_db.conn.close()
        finally:
            pg.rollback()
        _publish(partial, dest)
        return result
    except OSError as exc:
        raise StoreError("transfer_write_failed", path=str(dest), detail=exc.strerror or str(exc)) from exc
    except sqlite3.Error as exc:
        raise StoreError("transfer_write_failed", path=str(dest), detail=str(exc)) from exc
    finally:
        server_db.conn.close()
        _remove_file(partial)


def _publish(partial: Path, dest: Path) -> None:
    """Give the finished file its name, never over a file that appeared meanwhile (a hard link fails then)."""
    try:
        os.link(partial, dest)
    except FileExistsError as exc:
        raise StoreError("transfer_dest_exists", path=str(dest)) from exc
    except OSError:  # a file system without hard links: check, then rename
        if dest.exists():
            raise StoreError("transfer_dest_exists", path=str(dest)) from None
        os.replace(partial, dest)


def _remove_file(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + extra).unlink()


def _export(pg: PgConnection, dsn: str, file_conn: sqlite3.Connection, where: str, dest: Path) -> TransferResult:
    db: Any = PgDatabase(pg, dsn)
    source_head = audit.head(db)
    order, columns, rowid_tables = _plan(pg, file_conn)
    rows: dict[str, int] = {}
    file_conn.execute("BEGIN IMMEDIATE")
    try:
        file_conn.execute("DELETE FROM guarantor_figures")  # the new file's first figures: the server's own come next
        for table in order:
            rows[table] = _copy_to_file(pg, file_conn, table, columns[table], table in rowid_tables)
        file_conn.executemany("INSERT INTO blob_text (rowid, body) VALUES (?, ?)",
                              pg.raw.execute("SELECT rowid, body FROM blob_text ORDER BY rowid"))
        seals.seal_touched(file_conn)  # the seals of the rows just written, as the store seals new rows
        file_conn.execute("COMMIT")
    except BaseException:
        if file_conn.in_transaction:
            file_conn.execute("ROLLBACK")
        raise
    target_head = _file_head(file_conn)
    verdict = audit.verify(_SqliteExecute(file_conn))  # type: ignore[arg-type]
    if not verdict.ok:
        raise StoreError("transfer_mismatch", what=f"audit chain: {verdict.problem}", target=str(dest))
    _compare("audit head", str(dest), source_head, target_head)
    for table in order:
        _compare(f"rows of {table}", str(dest), _count(pg.raw.execute, table), _count(file_conn.execute, table))
    _compare("document and attachment hashes", str(dest), _server_hashes(pg), _file_hashes(file_conn))
    edited = seals.check(file_conn, limit=1)
    if edited:
        raise StoreError("transfer_mismatch", what=f"row seals: {edited[0].describe()}", target=str(dest))
    for pragma in ("integrity_check", "foreign_key_check"):
        found = [tuple(r) for r in file_conn.execute(f"PRAGMA {pragma}")]
        if found not in ([], [("ok",)]):
            raise StoreError("transfer_mismatch", what=f"{pragma}: {found[0]}", target=str(dest))
    file_conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file itself before it is renamed
    return TransferResult(source=where, target=str(dest), source_head=source_head, target_head=target_head, rows=rows,
                          documents=rows.get("documents", 0), attachments=rows.get("attachments", 0), blobs=rows.get("blobs", 0))


def _copy_to_file(pg: PgConnection, file_conn: sqlite3.Connection, table: str, columns: list[str], rowid: bool) -> int:
    names = (["rowid"] if rowid else []) + columns
    insert = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    written = 0
    batch: list[tuple[Any, ...]] = []
    for row in _server_rows(pg, table, columns, rowid):
        batch.append(row)
        if len(batch) >= _BATCH:
            file_conn.executemany(insert, batch)
            written += len(batch)
            batch = []
    if batch:
        file_conn.executemany(insert, batch)
        written += len(batch)
    return written
