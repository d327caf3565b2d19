"""The cases a user opened lately on this workstation, newest first (QSettings, per database and user; the database as Session.target_key names it).

Kept locally like the window layout: it is a convenience of this desk, not a record of the case.
"""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings

KEEP = 12


def _key(db_key: str, username: str) -> str:
    digest = hashlib.sha1(db_key.encode("utf-8")).hexdigest()[:12]
    return f"recent_cases/{digest}/{username}"


def recent(db_key: str, username: str) -> list[int]:
    """The ids of the cases ``username`` opened lately in this database, newest first."""
    value = QSettings().value(_key(db_key, username), [])
    if isinstance(value, str):  # QSettings gives a one-item list back as a string
        value = [value]
    ids: list[int] = []
    for item in value or []:
        try:
            ids.append(int(item))
        except (TypeError, ValueError):
            continue
    return ids[:KEEP]


def remember(db_key: str, username: str, case_id: int) -> list[int]:
    """Put ``case_id`` first in the user's recent cases; returns the new list."""
    ids = [case_id, *(i for i in recent(db_key, username) if i != case_id)][:KEEP]
    QSettings().setValue(_key(db_key, username), [str(i) for i in ids])
    return ids


def forget(db_key: str, username: str, case_id: int) -> None:
    """Drop a case that no longer opens (e.g. another database restored over this one)."""
    ids = [i for i in recent(db_key, username) if i != case_id]
    QSettings().setValue(_key(db_key, username), [str(i) for i in ids])
