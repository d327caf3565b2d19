"""What a file on disk is, without changing it: missing, empty, an ipguard
database (and whether it is a demo), another SQLite database, or something else.

Used before anything is written over a path — ``ipguard demo`` refuses to replace a
real database, and no output (PDF, workbook, backup copy) may land on a database.
The file is read through SQLite's read-only URI mode, so probing never creates
a journal, a WAL or the file itself.
"""

from __future__ import annotations

import contextlib
import enum
import sqlite3
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
#: The settings key the demo builder writes; its value is the seed.
DEMO_MARKER = "demo.seed"


class FileKind(enum.Enum):
    MISSING = "missing"
    DIRECTORY = "directory"
    EMPTY = "empty"
    IPGUARD = "ipguard"
    IPGUARD_DEMO = "ipguard_demo"
    SQLITE = "sqlite"  # a SQLite database that is not ipguard's
    OTHER = "other"

    @property
    def is_database(self) -> bool:
        return self in (FileKind.IPGUARD, FileKind.IPGUARD_DEMO, FileKind.SQLITE)


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts with SQLite's 16-byte header."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def probe(path: str | Path) -> FileKind:
    path = Path(path)
    if path.is_dir():
        return FileKind.DIRECTORY
    if not path.exists():
        return FileKind.MISSING
    try:
        if path.stat().st_size == 0:
            return FileKind.EMPTY
    except OSError:
        return FileKind.OTHER
    if not is_sqlite_file(path):
        return FileKind.OTHER
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return FileKind.SQLITE
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "_sqlite_migrations" not in tables or "cases" not in tables:
            return FileKind.SQLITE
        if "settings" in tables:
            marker = conn.execute("SELECT value FROM settings WHERE key = ?", [DEMO_MARKER]).fetchone()
            if marker is not None:
                return FileKind.IPGUARD_DEMO
        return FileKind.IPGUARD
    except sqlite3.Error:
        return FileKind.SQLITE
    finally:
        with contextlib.suppress(sqlite3.Error):
            conn.close()
