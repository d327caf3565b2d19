"""Restoring the database from a verified backup (see :mod:`ipguard.backup`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ipguard import clock, messages
from ipguard.errors import StoreError
from ipguard.store import audit, connection, seals
from ipguard.store.backup.files import BackupResult, _fsync, _read_only, _target_name, backup, verify_backup

messages.register(
    {
        "restore_same_file": ("不能用数据库文件自身来恢复", "a database cannot be restored from itself"),
        "restore_failed": (
            "恢复到“{path}”失败：{detail}（恢复前的备份：{pre}）",
            "restoring into “{path}” failed: {detail} (the copy taken before the restore: {pre})",
        ),
        "restore_untouched": ("当前数据库未作任何改动", "the current database was not changed"),
        "restore_in_use": (
            "数据库“{path}”正被其他程序或工作站打开，不能恢复；请让所有人先退出 ipguard 再试",
            "the database “{path}” is open in another program or workstation; ask everyone to quit ipguard, then restore",
        ),
    }
)


@dataclass(frozen=True)
class RestoreResult:
    """A finished restore: the database, the backup used and the copy taken before."""

    path: Path
    restored_from: Path
    pre_restore: BackupResult | None
    audit_head: audit.ChainHead


def _pre_restore_folder(db_path: Path, backup_dir: str | Path | None) -> Path:
    if backup_dir:
        return Path(backup_dir)
    with contextlib.suppress(sqlite3.Error, ValueError, TypeError):
        conn = sqlite3.connect(str(db_path), timeout=connection.BUSY_TIMEOUT_MS / 1000)
        try:
            row = conn.execute("SELECT value FROM settings WHERE key = 'backup.dir'").fetchone()
        finally:
            conn.close()
        if row and json.loads(row[0]):
            return Path(json.loads(row[0])).expanduser()
    return db_path.parent / "backups"


# How long a restore tries to get the file to itself before refusing (never a silent wait).
LOCK_WAIT_S = 2.0


def _exclusive(db_path: Path) -> sqlite3.Connection | None:
    """A connection holding the file exclusively (no other client can read or write), or None
    when SQLite cannot read the file at all. Refused while anyone else has it open."""
    conn = sqlite3.connect(str(db_path), timeout=LOCK_WAIT_S, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")  # in WAL mode: fails while another connection is open
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        conn.close()
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise StoreError("restore_in_use", path=str(db_path)) from exc
        if "not a database" in text or "malformed" in text:
            return None
        raise StoreError("restore_failed", path=str(db_path), detail=text, pre="—") from exc
    seals.register(conn)
    return conn


def _save_current(db_path: Path, folder: Path, now: dt.datetime | None, held: sqlite3.Connection | None = None) -> BackupResult | None:
    """Back up the current file before it is replaced; a damaged file is copied as it is."""
    try:
        return backup(held if held is not None else db_path, folder, label="pre-restore", now=now, strict=False)
    except StoreError as exc:
        if exc.key != "backup_write_failed":
            raise
    # SQLite cannot read it: keep the raw bytes (and its WAL) instead.
    target = _target_name(folder, now or clock.now(), "pre-restore-raw")
    shutil.copy2(db_path, target)
    wal = db_path.with_name(db_path.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, target.with_name(target.name + "-wal"))
    return BackupResult(target, target.stat().st_size, False, audit.ChainHead(0, audit.GENESIS), audit_ok=False)


def _copy_into(src: sqlite3.Connection, dst: sqlite3.Connection) -> None:
    """Overwrite the held database's pages with the backup's, through the backup API."""
    src.backup(dst)
    dst.execute("PRAGMA journal_mode = WAL").fetchone()
    dst.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


def _audit_restore(conn: sqlite3.Connection, *, user_id: int | None, source: Path, before: audit.ChainHead | None,
                   restored: audit.ChainHead, now: dt.datetime | None) -> None:
    """The restore's own entry, appended to the restored chain: who, which backup, heads before and after."""
    db = Database(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        audit.append(
            db, at=(now or clock.now()).isoformat(timespec="seconds"), user_id=user_id, case_id=None,
            entity="database", entity_id=source.name, action="restore",
            before={"count": before.count, "head": before.hash} if before else None,
            after={"backup": str(source), "count": restored.count, "head": restored.hash},
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _replace_file(src: sqlite3.Connection, db_path: Path) -> None:
    """For a file SQLite cannot open: write the backup beside it, drop its stale -wal/-shm, rename."""
    fresh = db_path.with_name(db_path.name + ".restoring")
    fresh.unlink(missing_ok=True)
    dst = sqlite3.connect(str(fresh))
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL").fetchone()
    finally:
        dst.close()
    _fsync(fresh)
    # A -wal left by the damaged file must never be replayed onto the restored one.
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    os.replace(fresh, db_path)
    _fsync(db_path.parent)


def restore(
    db_path: str | Path, from_backup: str | Path, *, backup_dir: str | Path | None = None, now: dt.datetime | None = None,
    user_id: int | None = None, without_sidecar: bool = False,
) -> RestoreResult:
    """Replace the database's content with a verified backup.

    The backup is verified first (:func:`verify_backup`); a bad one raises
    :class:`StoreError` and the database is not touched. Then the current file
    is backed up (label ``pre-restore``, into ``backup_dir`` or the folder set in
    its settings or ``backups`` beside it) and the backup's pages are copied in
    with the backup API, which is safe if a client has the file open.
    """
    db_path, source = Path(db_path), Path(from_backup)
    if db_path.exists() and source.exists() and db_path.resolve() == source.resolve():
        raise StoreError("restore_same_file")
    # A backup is trusted through its sidecar (SHA-256 and audit head); without one, only
    # on an admin's explicit override, and still after every integrity and audit check.
    info = verify_backup(source, require_sidecar=not without_sidecar)
    fs = connection.network_filesystem(db_path)
    if fs:
        raise StoreError("db_network_path", path=str(db_path), fs=fs)
    # From here to the end no other client can read or write: the pre-restore copy holds
    # every commit anyone was told was saved, and nobody writes into a half-restored file.
    held = _exclusive(db_path) if db_path.exists() else None
    try:
        before = None
        if held is not None:
            with contextlib.suppress(sqlite3.Error):
                before = audit.head(Database(held))
        pre = _save_current(db_path, _pre_restore_folder(db_path, backup_dir), now, held) if db_path.exists() else None
        src = _read_only(source)
        try:
            try:
                if held is not None:
                    _copy_into(src, held)
                else:
                    db_path.parent.mkdir(parents=True, exist_ok=True)
                    _replace_file(src, db_path)
                    held = _exclusive(db_path)
                    if held is None:
                        raise sqlite3.DatabaseError("the restored file cannot be read")
            except (sqlite3.Error, OSError) as exc:
                raise StoreError("restore_failed", path=str(db_path), detail=str(exc), pre=str(pre.path) if pre else "—") from exc
        finally:
            src.close()
        restored = audit.head(Database(held))
        if restored != info.audit_head:
            raise StoreError(
                "restore_failed", path=str(db_path), detail="audit head differs after copy", pre=str(pre.path) if pre else "—"
            )
        _audit_restore(held, user_id=user_id, source=source, before=before, restored=restored, now=now)
        head = audit.head(Database(held))
    finally:
        if held is not None:
            seals.forget(held)
            held.close()
    return RestoreResult(db_path, source, pre, head)
