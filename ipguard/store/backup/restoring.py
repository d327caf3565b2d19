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
from ipguard.store import audit, connection
from ipguard.store.backup.files import BackupResult, _fsync, _read_only, _target_name, backup, verify_backup

messages.register(
    {
        "restore_same_file": ("不能用数据库文件自身来恢复", "a database cannot be restored from itself"),
        "restore_failed": (
            "恢复到“{path}”失败：{detail}（恢复前的备份：{pre}）",
            "restoring into “{path}” failed: {detail} (the copy taken before the restore: {pre})",
        ),
        "restore_untouched": ("当前数据库未作任何改动", "the current database was not changed"),
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


def _save_current(db_path: Path, folder: Path, now: dt.datetime | None) -> BackupResult | None:
    """Back up the current file before it is replaced; a damaged file is copied as it is."""
    try:
        return backup(db_path, folder, label="pre-restore", now=now, strict=False)
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


def _copy_into(src: sqlite3.Connection, db_path: Path) -> None:
    """Overwrite the open database's pages with the backup's, through the backup API."""
    dst = sqlite3.connect(str(db_path), timeout=connection.BUSY_TIMEOUT_MS / 1000)
    try:
        dst.execute("PRAGMA schema_version").fetchone()  # fails here if the file is not a database
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = WAL").fetchone()
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        dst.close()


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
    db_path: str | Path, from_backup: str | Path, *, backup_dir: str | Path | None = None, now: dt.datetime | None = None
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
    info = verify_backup(source)
    fs = connection.network_filesystem(db_path)
    if fs:
        raise StoreError("db_network_path", path=str(db_path), fs=fs)
    pre = _save_current(db_path, _pre_restore_folder(db_path, backup_dir), now) if db_path.exists() else None
    src = _read_only(source)
    try:
        try:
            if db_path.exists():
                try:
                    _copy_into(src, db_path)
                except sqlite3.DatabaseError as exc:
                    if "not a database" not in str(exc):
                        raise
                    _replace_file(src, db_path)
            else:
                db_path.parent.mkdir(parents=True, exist_ok=True)
                _replace_file(src, db_path)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError("restore_failed", path=str(db_path), detail=str(exc), pre=str(pre.path) if pre else "—") from exc
    finally:
        src.close()
    check = sqlite3.connect(str(db_path), timeout=connection.BUSY_TIMEOUT_MS / 1000)
    try:
        head = audit.head(Database(check))
    finally:
        check.close()
    if head != info.audit_head:
        raise StoreError(
            "restore_failed", path=str(db_path), detail="audit head differs after copy", pre=str(pre.path) if pre else "—"
        )
    return RestoreResult(db_path, source, pre, head)
