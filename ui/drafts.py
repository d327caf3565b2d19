"""Drafts: unsaved form contents kept as the user types, per database and per user.

A draft lives in the user's local settings (QSettings), not in the shared
database: it is nobody else's business until it is submitted, and it must
survive a crash or a closed window. The key names the database file and the
signed-in user, so one member's draft is never offered to another::

    drafts.save(session, "intake", raw_dict)
    drafts.load(session, "intake")      # -> dict | None
    drafts.discard(session, "intake")

Values are JSON objects (strings, numbers, booleans, lists, dicts).
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from PySide6.QtCore import QSettings

from ui.session import Session

log = logging.getLogger("ipguard.ui.drafts")

GROUP = "drafts"


def _key(session: Session, name: str) -> str:
    try:
        where = str(session.db_path.resolve())
    except (AssertionError, OSError):  # an in-memory store has no path
        where = ":memory:"
    db = hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]
    return f"{GROUP}/{db}/u{session.user.id}/{name}"


def save(session: Session, name: str, data: dict[str, Any]) -> None:
    QSettings().setValue(_key(session, name), json.dumps(data, ensure_ascii=False))


def load(session: Session, name: str) -> dict[str, Any] | None:
    text = QSettings().value(_key(session, name))
    if not text:
        return None
    try:
        data = json.loads(str(text))
    except ValueError:
        log.warning("unreadable draft %s dropped", name)
        discard(session, name)
        return None
    return data if isinstance(data, dict) else None


def discard(session: Session, name: str) -> None:
    QSettings().remove(_key(session, name))
