"""Backups of a team server with PostgreSQL's own tools (issue 20).

:func:`dump` runs ``pg_dump`` in its custom format (``-Fc``) into a temporary
name in the target folder, checks the result with ``pg_restore --list`` and
only then renames it to ``ipguard-<db>-<time>.dump``: a failing pg_dump or a
full disk leaves nothing that looks like a backup. Documents (``documents.pdf``)
and attachments (``blobs.content``) live in the database as BYTEA, so the dump
holds them; nothing of ipguard's lives on the server's disk outside it.

The password never appears on a command line: the connection string goes to
the tools without it (``--dbname``) and the password in their environment
(``PGPASSWORD``); libpq's own ``.pgpass`` and ``pg_service.conf`` work as
they do for the workstations.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg

from ipguard import clock, messages
from ipguard.errors import StoreError
from ipguard.store import audit
from ipguard.store.audit import ChainHead
from ipguard.store.pg import PgConnection, PgDatabase

messages.register(
    {
        "pg_tool_missing": (
            "找不到 PostgreSQL 的工具 {tool}。请安装 PostgreSQL 客户端工具（与服务器同版本或更新），"
            "或用环境变量 IPGUARD_PG_BIN 指定其所在目录",
            "PostgreSQL's {tool} was not found. Install the PostgreSQL client tools (the server's version or newer), "
            "or name their folder in the IPGUARD_PG_BIN environment variable",
        ),
        "pg_tool_too_old": (
            "PostgreSQL 工具 {tool} 的版本（{found}）低于服务器（{server}），不能用它备份。请安装 {server} 或更新版本的客户端工具",
            "PostgreSQL's {tool} is version {found}, older than the server ({server}): it cannot back it up. "
            "Install client tools of version {server} or newer",
        ),
        "backup_failed": (
            "备份到文件夹“{folder}”失败：{detail}。没有留下备份文件，数据库没有任何改动",
            "the backup into the folder “{folder}” failed: {detail}. No backup file was left; the database was not changed",
        ),
        "server_backup_unreadable": (
            "备份文件“{path}”无法被 pg_restore 读取（{detail}）",
            "pg_restore cannot read the backup file “{path}” ({detail})",
        ),
        "server_restore_target_not_empty": (
            "目标数据库“{server}”已有 ipguard 的数据结构，不能恢复到这里。请新建一个空数据库再恢复",
            "the target database “{server}” already has ipguard's schema; restore into a new, empty database",
        ),
        "server_restore_failed": (
            "恢复到数据库“{server}”失败：{detail}",
            "restoring into the database “{server}” failed: {detail}",
        ),
    }
)

_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)")
_SEARCH_ROOT = Path("/usr/lib/postgresql")


@dataclass(frozen=True)
class ServerBackup:
    """A finished, verified server backup."""

    path: Path
    size: int
    head: ChainHead
    documents: int
    attachments: int
    blobs: int
    tables: int  # tables pg_restore --list found in it


def find_tool(name: str) -> Path:
    """``pg_dump``/``pg_restore``/``psql``: from IPGUARD_PG_BIN, else the PATH, else the newest
    /usr/lib/postgresql/*/bin (Debian's packages) or C:\\Program Files\\PostgreSQL\\*\\bin (the EDB installer)."""
    exe = name + (".exe" if os.name == "nt" else "")
    folder = os.environ.get("IPGUARD_PG_BIN")
    if folder:
        candidate = Path(folder) / exe
        if candidate.is_file():
            return candidate
        raise StoreError("pg_tool_missing", tool=str(candidate))
    found = shutil.which(name)
    if found:
        return Path(found)
    roots = [_SEARCH_ROOT, Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "PostgreSQL"]  # Debian; EDB on Windows
    versions = sorted((p for root in roots for p in root.glob("*/bin") if (p / exe).is_file() and p.parent.name.isdigit()),
                      key=lambda p: int(p.parent.name), reverse=True)
    if versions:
        return versions[0] / exe
    raise StoreError("pg_tool_missing", tool=name)


def tool_version(tool: Path) -> int:
    """The major version of a PostgreSQL tool (``pg_dump (PostgreSQL) 15.4`` → 15)."""
    out = subprocess.run([str(tool), "--version"], capture_output=True, text=True, check=False).stdout
    match = _VERSION.search(out)
    if match is None:
        raise StoreError("pg_tool_missing", tool=str(tool))
    return int(match.group(1))


def tool_environment(dsn: str) -> tuple[str, dict[str, str]]:
    """The connection string without its password, and an environment holding it (never on the command line)."""
    params = psycopg.conninfo.conninfo_to_dict(dsn)
    env = dict(os.environ)
    password = params.pop("password", None)
    if password is not None:
        env["PGPASSWORD"] = str(password)
    return psycopg.conninfo.make_conninfo(**{k: str(v) for k, v in params.items()}), env


def _server_major(conn: PgConnection) -> int:
    return int(conn.raw.info.server_version) // 10000


def _checked_tool(name: str, server_major: int) -> Path:
    tool = find_tool(name)
    found = tool_version(tool)
    if found < server_major:
        raise StoreError("pg_tool_too_old", tool=str(tool), found=found, server=server_major)
    return tool


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else "?"


def list_tables(dump_path: Path, server_major: int = 0) -> list[str]:
    """The tables ``pg_restore --list`` finds in a custom-format dump (refused when it cannot read it)."""
    tool = _checked_tool("pg_restore", server_major)
    run = subprocess.run([str(tool), "--list", str(dump_path)], capture_output=True, text=True, check=False)
    if run.returncode != 0:
        raise StoreError("server_backup_unreadable", path=str(dump_path), detail=_first_line(run.stderr))
    tables = []
    for line in run.stdout.splitlines():
        # "215; 1259 16411 TABLE public cases ipguard_owner"
        parts = line.split()
        if len(parts) >= 6 and not line.startswith(";") and parts[3] == "TABLE" and parts[4] != "DATA":
            tables.append(parts[5])
    return tables


def _contents(conn: PgConnection, dsn: str) -> tuple[ChainHead, int, int, int]:
    def count(table: str) -> int:
        row = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    db: Any = PgDatabase(conn, dsn)  # audit reads through execute(), as on the Store
    return audit.head(db), count("documents"), count("attachments"), count("blobs")


def _connect(dsn: str) -> psycopg.Connection[Any]:
    from ipguard.store.server_connection import connect_plain

    return connect_plain(dsn)


def dump(dsn: str, folder: Path) -> ServerBackup:
    """Back the server database up into ``folder`` with pg_dump (custom format), verified; see the module.

    Any schema version is backed up (an old one before ``upgrade``, a newer one an older program finds);
    a database without ipguard's schema is refused.
    """
    from ipguard.store import schema_pg
    from ipguard.store.server_connection import server_label

    folder = Path(folder).expanduser()
    raw = _connect(dsn)
    try:
        conn = PgConnection(raw)
        if not schema_pg.applied(conn):
            raise StoreError("server_not_initialized", server=server_label(dsn))
        server_major = _server_major(conn)
        pg_dump = _checked_tool("pg_dump", server_major)
        if not folder.is_dir():
            raise StoreError("backup_failed", folder=str(folder), detail="not a folder")
        # One snapshot for both: the counts and the audit head printed are exactly what the dump holds
        # (pg_dump --snapshot reads the snapshot this transaction exports; it stays open until the dump ends).
        conn.begin_read()
        try:
            snapshot = str(raw.execute("SELECT pg_export_snapshot()").fetchone()[0])  # type: ignore[index]
            head, documents, attachments, blobs = _contents(conn, dsn)
            final, tables = _run_pg_dump(pg_dump, dsn, folder, str(raw.info.dbname), snapshot, server_major)
        finally:
            conn.rollback()
    finally:
        raw.close()
    return ServerBackup(path=final, size=final.stat().st_size, head=head, documents=documents,
                        attachments=attachments, blobs=blobs, tables=len(tables))


def _run_pg_dump(pg_dump: Path, dsn: str, folder: Path, dbname: str, snapshot: str, server_major: int) -> tuple[Path, list[str]]:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    final = folder / f"ipguard-{dbname}-{stamp}.dump"
    n = 1
    while final.exists():  # two backups in one second: both kept
        n += 1
        final = folder / f"ipguard-{dbname}-{stamp}-{n}.dump"
    partial = folder / f".{final.name}.partial"
    target, env = tool_environment(dsn)
    try:
        run = subprocess.run([str(pg_dump), "--format=custom", "--no-password", f"--snapshot={snapshot}",
                              "--file", str(partial), "--dbname", target],
                             capture_output=True, text=True, env=env, check=False)
        if run.returncode != 0:
            raise StoreError("backup_failed", folder=str(folder), detail=_first_line(run.stderr))
        try:
            tables = list_tables(partial, server_major)
        except StoreError as exc:
            raise StoreError("backup_failed", folder=str(folder), detail=str(exc.params.get("detail", ""))) from exc
        if "audit_log" not in tables or "documents" not in tables:
            raise StoreError("backup_failed", folder=str(folder), detail="pg_restore --list lists no ipguard tables")
        with partial.open("rb") as written:
            os.fsync(written.fileno())  # on the disk before it gets a backup's name
        os.replace(partial, final)
    except OSError as exc:
        raise StoreError("backup_failed", folder=str(folder), detail=exc.strerror or str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return final, tables


def restore_into(dump_path: Path, empty_dsn: str) -> None:
    """pg_restore a backup into an empty database (a scratch database to verify it, or a replacement server).

    A database that already has ipguard's schema is refused: restoring over live data is never what
    the administrator meant.
    """
    from ipguard.store import schema_pg
    from ipguard.store.server_connection import server_label

    raw = _connect(empty_dsn)
    try:
        conn = PgConnection(raw)
        if schema_pg.applied(conn):
            raise StoreError("server_restore_target_not_empty", server=server_label(empty_dsn))
        server_major = _server_major(conn)
    finally:
        raw.close()
    pg_restore = _checked_tool("pg_restore", server_major)
    target, env = tool_environment(empty_dsn)
    run = subprocess.run([str(pg_restore), "--no-password", "--no-owner", "--exit-on-error", "--single-transaction",
                          "--dbname", target, str(dump_path)], capture_output=True, text=True, env=env, check=False)
    if run.returncode != 0:
        raise StoreError("server_restore_failed", server=server_label(empty_dsn), detail=_first_line(run.stderr))


@dataclass(frozen=True)
class UpgradeResult:
    backup: ServerBackup | None  # None when the schema was already current
    applied: list[str]


def pending_steps(dsn: str) -> list[str]:
    """The migrations the server database lacks; a database without ipguard's schema, or with a newer one, is refused."""
    from ipguard.store import schema, schema_pg
    from ipguard.store.server_connection import server_label

    raw = _connect(dsn)
    try:
        found = schema_pg.applied(PgConnection(raw))
    finally:
        raw.close()
    known = schema.known_names()
    if not found:
        raise StoreError("server_not_initialized", server=server_label(dsn))
    unknown = set(found) - set(known)
    if unknown:
        raise StoreError("db_newer", path=server_label(dsn), found=f"{len(found)} ({', '.join(sorted(unknown))})", known=len(known))
    return [name for name in known if name not in found]


def upgrade(dsn: str, backup_folder: Path) -> UpgradeResult:
    """``ipguard server upgrade``: back up first (a failed backup stops here, nothing migrated), then migrate."""
    from ipguard.store import server

    if not pending_steps(dsn):
        return UpgradeResult(None, [])
    backup = dump(dsn, backup_folder)
    return UpgradeResult(backup, server.migrate(dsn))
