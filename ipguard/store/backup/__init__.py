"""Backups and restore of the database file.

A backup is one self-contained SQLite file written with SQLite's online backup
API, so it is safe while the desktop client has the database open (a page-exact
snapshot of one moment, never a half-written file copy). The archived PDF
documents live in the ``documents`` table, so they travel inside every backup.

Each backup is named ``ipguard-YYYYMMDD-HHMMSS-<label>.sqlite``, written under
a ``.partial`` name, verified (``PRAGMA integrity_check``, the audit hash chain,
every archived document against its SHA-256) and only then renamed. A JSON
sidecar next to it (``….sqlite.json``) records the file's SHA-256, the audit
chain head (count and hash) and the ipguard version: keep it with the file;
it is the copy of the chain head that lives outside the database.

:func:`restore` verifies a backup before touching anything, backs up the
current file (label ``pre-restore``) and then copies the backup's pages into
the database through the backup API, so a client that has the file open sees
the restored content instead of a file swapped under it.
"""

from ipguard.store.backup.files import BackupInfo, BackupResult, backup, verify_backup
from ipguard.store.backup.restoring import RestoreResult, restore
from ipguard.store.backup.schedule import (
    AUTO_LABEL,
    AutoBackupResult,
    BackupFile,
    auto_backup,
    backup_folder,
    list_backups,
    rotate,
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
