"""Opening the database file safely.

Every connection runs in WAL mode with ``synchronous=FULL`` (a committed case
survives a power cut), enforces foreign keys and waits for a busy lock instead
of failing at once. Files on a network share are refused: SQLite's locking and
WAL shared memory do not work reliably over SMB/NFS. A file written by a newer
ipguard is refused, never "repaired"; an older one is backed up and upgraded
in a single transaction.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
from pathlib import Path

from sqlite_utils import Database

from ipguard import clock, messages
from ipguard.errors import StoreError
from ipguard.messages import Text
from ipguard.store import schema, seals
from ipguard.store.probe import is_sqlite_file

log = logging.getLogger("ipguard.store")

BUSY_TIMEOUT_MS = 10_000
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ceph", "glusterfs", "davfs", "fuse.rclone"}

messages.register(
    {
        "db_network_path": (
            "数据库文件“{path}”位于网络共享（{fs}）上。SQLite 的文件锁和 WAL 在网络文件系统上不可靠，可能损坏数据；请把数据库放在本机磁盘上",
            "the database “{path}” is on a network share ({fs}); SQLite locking and WAL are unreliable there and can corrupt data; keep the database on a local disk",
        ),
        "db_newer": (
            "数据库“{path}”由较新版本的 ipguard 创建（结构版本 {found}，本程序支持 {known}），请升级 ipguard 后再打开",
            "the database “{path}” was written by a newer ipguard (schema {found}, this program knows {known}); upgrade ipguard to open it",
        ),
        "db_not_ipguard": ("文件“{path}”不是 ipguard 数据库", "“{path}” is not an ipguard database"),
        "db_not_ipguard_kind": (
            "文件“{path}”不是 ipguard 数据库（{kind}），未作任何改动；请检查文件名，或打开正确的数据库",
            "“{path}” is not an ipguard database ({kind}); it was left untouched: check the name, or open the right database",
        ),
        "db_corrupt": ("数据库“{path}”已损坏或不是 SQLite 文件：{detail}", "the database “{path}” is damaged or not an SQLite file: {detail}"),
        "db_locked": (
            "数据库正被其他工作站占用，等待 {seconds} 秒后仍未释放，请稍后重试",
            "the database is busy on another workstation and was not released within {seconds} s; try again shortly",
        ),
        "db_missing": ("数据库文件“{path}”不存在", "the database file “{path}” does not exist"),
        "db_cannot_open": ("无法打开数据库“{path}”：{detail}", "cannot open the database “{path}”: {detail}"),
    }
)


def network_filesystem(path: Path) -> str | None:
    """The network file system type holding ``path``, or None for a local disk."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "UNC"
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0]
        if drive:
            drive_remote = 4
            if ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote:
                return "SMB"
        return None
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = str(path.resolve().parent)
    best, best_fs = "", None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        if (target == mount_point or target.startswith(mount_point.rstrip("/") + "/")) and len(mount_point) >= len(best):
            best, best_fs = mount_point, parts[2]
    return best_fs if best_fs in _NETWORK_FS else None


def configure(conn: sqlite3.Connection) -> None:
    """Per-connection settings; WAL is persistent, the rest are not."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def check_existing(path: str | Path, *, create: bool = False) -> None:
    """Refuse a file that is not an ipguard database before anything is written to it (a read-only look).

    Without ``create`` the file must exist and be an ipguard database (of any
    schema version, upgraded on opening). With ``create`` a missing file, a
    zero-byte file or a blank SQLite file (no tables) may become a new one.
    Never an existing file with other content: a document, a workbook,
    another program's database. (Otherwise opening would already switch it
    to WAL mode before finding out.)
    """
    path = Path(path)
    if not path.exists():
        if create:
            return
        raise StoreError("db_missing", path=str(path))
    if path.is_dir():
        raise StoreError("db_not_ipguard_kind", path=str(path), kind=Text("文件夹", "a folder"))
    if path.stat().st_size == 0:
        if create:
            return
        # An empty file is not "a database with 0 entries": only a caller asking to create one may fill it.
        raise StoreError("db_not_ipguard_kind", path=str(path), kind=Text("空文件，0 字节", "an empty file, 0 bytes"))
    if not is_sqlite_file(path):
        kind = Text("不是 SQLite 数据库文件，或已损坏", "not an SQLite database file, or damaged")
        raise StoreError("db_not_ipguard_kind", path=str(path), kind=kind)
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if _wal_mode(path) and not Path(f"{path}-wal").exists():
        # No WAL beside it: the file holds every commit, read it as it is. (A read-only connection to a WAL
        # database would otherwise create a -wal and -shm it cannot remove: the look would leave traces.)
        uri += "&immutable=1"
    try:
        ro = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {r[0] for r in ro.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            ro.close()
    except sqlite3.DatabaseError as exc:
        raise storage_error(exc, path) or StoreError("db_corrupt", path=str(path), detail=str(exc)) from exc
    if "_sqlite_migrations" in tables or (create and not tables):
        return
    kind = Text("另一个程序的 SQLite 数据库", "another program's SQLite database") if tables else Text(
        "空的 SQLite 数据库", "an empty SQLite database")
    raise StoreError("db_not_ipguard_kind", path=str(path), kind=kind)


def _wal_mode(path: Path) -> bool:
    """Whether the database header says WAL (file format version numbers at offsets 18 and 19 are 2)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def connect(path: Path, *, create: bool) -> Database:
    """Open ``path`` (creating it when allowed) and bring its schema up to date."""
    path = Path(path)
    fs = network_filesystem(path)
    if fs:
        raise StoreError("db_network_path", path=str(path), fs=fs)
    check_existing(path, create=create)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=True)
        configure(conn)
        seals.register(conn)  # the business tables' triggers call it
        # No sqlite-utils plugins on ipguard's connection: nothing third-party runs
        # inside the store, and start-up skips scanning installed packages.
        db = Database(conn, execute_plugins=False)
        _check_and_migrate(db, path)
    except sqlite3.DatabaseError as exc:
        text = str(exc)
        mapped = storage_error(exc, path)  # a lock, a full disk, a disk error: say which file and what to do
        if mapped is not None:
            raise mapped from exc
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            raise StoreError("db_corrupt", path=str(path), detail=text) from exc
        raise StoreError("db_cannot_open", path=str(path), detail=text) from exc
    return db


def _check_and_migrate(db: Database, path: Path) -> None:
    found = db.execute("PRAGMA user_version").fetchone()[0]
    known = schema.schema_version()
    tables = set(db.table_names())
    if found > known:
        raise StoreError("db_newer", path=str(path), found=found, known=known)
    applied = {m.name for m in schema.MIGRATIONS.applied(db)}
    unknown = applied - set(schema.known_names())
    if unknown:
        raise StoreError("db_newer", path=str(path), found=f"{found} ({', '.join(sorted(unknown))})", known=known)
    if tables and "_sqlite_migrations" not in tables:
        raise StoreError("db_not_ipguard", path=str(path))
    pending = schema.MIGRATIONS.pending(db)
    if not pending:
        return
    if tables:
        _backup_before_upgrade(db, path, found)
    # One outer transaction: each step's own transaction becomes a savepoint,
    # so a failing step leaves the file exactly as it was.
    db.execute("BEGIN IMMEDIATE")
    try:
        schema.MIGRATIONS.apply(db)
        # Seal every row as the new schema reads it (column lists may have changed).
        seals.seal_all(db.conn)
        db.execute(f"PRAGMA user_version = {known}")
        db.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise
    log.info("database %s upgraded from schema %s to %s", path, found, known)


def _backup_before_upgrade(db: Database, path: Path, version: int) -> None:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    with sqlite3.connect(str(target)) as copy:
        db.conn.backup(copy)
    copy.close()
    log.info("backed up %s to %s before upgrading", path, target)


def storage_error(exc: sqlite3.Error, path: Path | str | None) -> StoreError | None:
    """A StoreError naming the file and what to do, for a busy lock, a full disk or a disk I/O error; else None.

    Read from SQLite's primary result code where Python gives it (3.11+), else from its message.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(exc).lower()
    where = str(path) if path is not None else ":memory:"
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in text or "busy" in text:
        return StoreError("db_locked", seconds=BUSY_TIMEOUT_MS // 1000)
    if primary == sqlite3.SQLITE_FULL or "database or disk is full" in text or "disk is full" in text:
        return StoreError("db_full", path=where)
    if primary == sqlite3.SQLITE_IOERR or "disk i/o error" in text:
        return StoreError("db_io_error", path=where, detail=str(exc))
    return None
