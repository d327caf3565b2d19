"""Backups and restore: the public API, implemented in :mod:`ipguard.store.backup`.

Backups work on the SQLite file itself (online backup API, integrity checks),
so the code lives in the store package; this module is the stable name the
CLI, the UI and scripts import from.
"""

from ipguard.store.backup import (
    AUTO_LABEL,
    AutoBackupResult,
    BackupFile,
    BackupInfo,
    BackupResult,
    RestoreResult,
    auto_backup,
    backup,
    backup_folder,
    list_backups,
    restore,
    rotate,
    verify_backup,
)

__all__ = [
    "AUTO_LABEL",
    "AutoBackupResult",
    "BackupFile",
    "BackupInfo",
    "BackupResult",
    "RestoreResult",
    "auto_backup",
    "backup",
    "backup_folder",
    "list_backups",
    "restore",
    "rotate",
    "verify_backup",
]
