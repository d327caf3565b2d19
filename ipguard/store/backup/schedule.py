"""Backup folders, the automatic daily backup and rotation (see :mod:`ipguard.backup`)."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ipguard import clock
from ipguard.errors import StoreError
from ipguard.store import Store, open_store
from ipguard.store.backup.files import BackupResult, _sidecar, backup

_NAME = re.compile(r"^ipguard-(\d{8}-\d{6})-([a-z0-9][a-z0-9-]*)(?:_(\d+))?\.sqlite$")
AUTO_LABEL = "auto"
NO_AUTOBACKUP_ENV = "IPGUARD_NO_AUTOBACKUP"


@dataclass(frozen=True)
class BackupFile:
    """A backup found in a backup folder, parsed from its name."""

    path: Path
    taken_at: dt.datetime
    label: str


@dataclass(frozen=True)
class AutoBackupResult:
    """What :func:`auto_backup` did: the backup it made (or None) and the files rotation removed."""

    made: BackupResult | None
    removed: tuple[Path, ...] = ()
    skipped: str = ""


def list_backups(folder: str | Path) -> list[BackupFile]:
    """The backups in ``folder`` (by file name), newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        m = _NAME.match(path.name)
        if m and path.is_file():
            found.append(BackupFile(path, dt.datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), m.group(2)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def rotate(folder: str | Path, *, keep_daily: int, keep_monthly: int, label: str = AUTO_LABEL) -> list[Path]:
    """Delete automatic backups beyond the newest of each of the last ``keep_daily`` days
    and the newest of each of the last ``keep_monthly`` months (days and months that
    have a backup). Backups with other labels (manual, pre-restore) are never removed.
    """
    keep: set[Path] = set()
    days: set[dt.date] = set()
    months: set[tuple[int, int]] = set()
    autos = [b for b in list_backups(folder) if b.label == label]
    for b in autos:  # newest first: the first one seen of a day or month is its newest
        day, month = b.taken_at.date(), (b.taken_at.year, b.taken_at.month)
        if day not in days and len(days) < max(keep_daily, 1):
            keep.add(b.path)
        days.add(day)
        if month not in months and len(months) < max(keep_monthly, 0):
            keep.add(b.path)
        months.add(month)
    removed = []
    for b in autos:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            _sidecar(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def backup_folder(store: Store) -> Path:
    """The admin's backup folder (setting ``backup.dir``), or ``backups`` beside the database."""
    configured = str(store.repos.settings.get("backup.dir") or "").strip()
    if configured:
        return Path(configured).expanduser()
    if store.path is None:
        raise StoreError("backup_dir_unusable", path="", detail="in-memory database")
    return store.path.parent / "backups"


def auto_backup(store_or_path: Store | str | Path, *, today: dt.date | None = None) -> AutoBackupResult:
    """On the first start of a day: one backup (label ``auto``) unless today's exists; then rotation.

    Settings: ``backup.auto_daily`` (on/off), ``backup.dir``, ``backup.keep_daily``,
    ``backup.keep_monthly``. The environment variable ``IPGUARD_NO_AUTOBACKUP``
    turns it off (the test suite sets it).
    """
    if os.environ.get(NO_AUTOBACKUP_ENV):
        return AutoBackupResult(None, skipped="disabled by environment")
    store = store_or_path if isinstance(store_or_path, Store) else open_store(store_or_path, create=False)
    try:
        settings = store.repos.settings
        if not settings.get("backup.auto_daily"):
            return AutoBackupResult(None, skipped="disabled in settings")
        folder = backup_folder(store)
        today = today or clock.today()
        made = None
        if not any(b.label == AUTO_LABEL and b.taken_at.date() == today for b in list_backups(folder)):
            when = dt.datetime.combine(today, clock.now().time())
            made = backup(store, folder, label=AUTO_LABEL, now=when)
        removed = rotate(
            folder, keep_daily=int(settings.get("backup.keep_daily")), keep_monthly=int(settings.get("backup.keep_monthly"))
        )
        return AutoBackupResult(made, tuple(removed), "" if made else "already backed up today")
    finally:
        if store is not store_or_path:
            store.close()
