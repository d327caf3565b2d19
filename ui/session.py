"""The signed-in session every window and page receives.

A page never opens the database itself: it asks the session for the store
(bound to the UI thread) and for the signed-in user. Worker threads open
their own store through ``session.open_worker_store()`` (SQLite connections
are per thread; on a team server each thread has its own connection as the
signed-in user).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ipguard.store import Store
from ipguard.store.records import UserRecord


class SessionSignals(QObject):
    # Emitted after any write that changes a case (case id), so open views refresh.
    case_changed = Signal(int)
    # Emitted after settings/parties change (users, banks, referrers, parameters).
    reference_data_changed = Signal()
    # Emitted after "switch user" signed a different user in (session.user is the new one).
    user_changed = Signal()
    # Emitted after the interface language changed ("zh" or "en"; session.lang is updated).
    language_changed = Signal(str)
    # Emitted when a core action found the sign-in ended (the user was disabled meanwhile): the main window
    # closes open forms and asks for a sign-in again (ui.errors.show_error emits it).
    session_ended = Signal()
    # Emitted after a restore replaced the database file under the window: the application closes the
    # window and signs in again on the file (ui.app.reopen).
    database_replaced = Signal()


@dataclass
class Session:
    store: Store
    user: UserRecord
    lang: str = "zh"
    signals: SessionSignals = field(default_factory=SessionSignals)

    @property
    def is_server(self) -> bool:
        """Whether the window works on a team server (PostgreSQL) rather than a file on this computer."""
        return self.store.is_server

    @property
    def target(self) -> Path | str:
        """What File → 最近打开 reopens: the database file, or the server's connection string (no password)."""
        if self.store.path is not None:
            return self.store.path
        return self.store.dsn or ""

    @property
    def target_key(self) -> str:
        """A stable name of this database for this workstation's settings (drafts, recent cases)."""
        if self.store.path is not None:
            try:
                return str(self.store.path.resolve())
            except OSError:
                return str(self.store.path)
        return self.store.location() if self.store.is_server else ":memory:"

    @property
    def db_path(self) -> Path:
        """The database file (file-only features: backups, restore); never asked on a server."""
        assert self.store.path is not None, "a server database has no file"
        return self.store.path

    def open_worker_store(self) -> Store:
        """A new store on the same database for a worker thread (close it when done)."""
        return self.store.open_again()
