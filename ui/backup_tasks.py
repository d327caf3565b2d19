"""Backups off the UI thread: the daily automatic backup at start-up, and the error text both backups show.

:func:`start_auto_backup` runs :func:`ipguard.backup.auto_backup` on the
global ``QThreadPool`` once the main window is shown; the worker opens its
own connection from the database path (SQLite connections are per thread).
The result goes to the window's status bar ("已自动备份到 …"; nothing when
today's backup exists or it is turned off in the settings). A failure is
logged and shown in the status bar: it never blocks or interrupts the user.
``IPGUARD_NO_AUTOBACKUP`` in the environment (the test suite sets it) turns
it off.

Both the automatic backup and 立即备份 (:mod:`ui.pages.settings_backup`) run as
:class:`ui.tasks.Task`, the client's one background-task class.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QWidget

from ipguard.errors import IpguardError
from ui.i18n import current_language, translate
from ui.tasks import Task

log = logging.getLogger("ipguard.ui")

NO_AUTOBACKUP_ENV = "IPGUARD_NO_AUTOBACKUP"
STATUS_TIMEOUT_MS = 15_000


def auto_backup_enabled() -> bool:
    return not os.environ.get(NO_AUTOBACKUP_ENV)


def auto_backup_message(result: Any) -> str:
    """The status-bar text for an :class:`~ipguard.backup.AutoBackupResult` ("" when nothing was made)."""
    made = getattr(result, "made", None)
    if made is None:
        return ""
    return translate("Backup", "已自动备份到 {path}").format(path=made.path)


def error_message(exc: BaseException) -> str:
    return exc.message(current_language()) if isinstance(exc, IpguardError) else f"{type(exc).__name__}: {exc}"


class AutoBackupReporter(QObject):
    """Receives the automatic backup's outcome on the UI thread and shows it in the window's status bar."""

    done = Signal(str)  # the text shown ("" when skipped), for tests

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)  # dies with the window: a late result is then simply dropped
        self.window = window
        self.task: Task | None = None  # kept (never dropped while its thread may still be returning)

    def _show(self, text: str) -> None:
        if text:
            self.window.statusBar().showMessage(text, STATUS_TIMEOUT_MS)
        self.done.emit(text)

    @Slot(object)
    def on_finished(self, result: object) -> None:
        text = auto_backup_message(result)
        log.info("automatic backup: %s", getattr(getattr(result, "made", None), "path", None) or getattr(result, "skipped", ""))
        self._show(text)

    @Slot(object)
    def on_failed(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        log.warning("automatic backup failed: %s", exc.message("en") if isinstance(exc, IpguardError) else exc)
        self._show(translate("Backup", "自动备份失败：{reason}").format(reason=error_message(exc)))


def start_auto_backup(window: QWidget, db_path: Path | str, pool: QThreadPool | None = None) -> AutoBackupReporter | None:
    """Start today's automatic backup in the background (None when turned off by the environment)."""
    if not auto_backup_enabled() or not isinstance(window, QMainWindow):
        return None

    def work() -> Any:
        from ipguard.backup import auto_backup

        return auto_backup(Path(db_path))

    reporter = AutoBackupReporter(window)
    task = Task(work, "automatic backup", label=translate("Backup", "正在自动备份…"))
    task.signals.finished.connect(reporter.on_finished)
    task.signals.failed.connect(reporter.on_failed)
    reporter.task = task
    task.start(pool)
    return reporter
