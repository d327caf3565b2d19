"""The monthly report's background task and its defaults (month, output path).

:class:`MonthlyReportTask` runs :func:`ipguard.reports.service.monthly_report`
on a ``QThreadPool`` worker that opens its own store from the database path;
progress, the result, a failure or the cancellation come back through
:class:`ReportSignals`. :mod:`ui.pages.reports` (the page) re-exports these names.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, Signal

from ipguard.errors import IpguardError

log = logging.getLogger("ipguard.ui.reports")


def last_month(today: dt.date) -> dt.date:
    """The first day of the month before ``today``'s."""
    first = today.replace(day=1)
    return (first - dt.timedelta(days=1)).replace(day=1)


def default_report_path(month: dt.date, folder: Path | None = None) -> Path:
    """``<documents>/ipguard-月度报表-YYYY-MM.xlsx``."""
    if folder is None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = Path(docs) if docs else Path.home()
    return folder / f"ipguard-月度报表-{month:%Y-%m}.xlsx"


class ReportSignals(QObject):
    progress = Signal(int, int)  # steps done, steps in all
    finished = Signal(object)  # ipguard.reports.service.ReportResult
    failed = Signal(object)  # the exception (IpguardError or a bug)
    cancelled = Signal()


class MonthlyReportTask(QRunnable):
    """Write the monthly workbook on a worker thread (its own store, opened from the path)."""

    def __init__(self, db_path: Path, month: str, out_path: Path, today: dt.date | None = None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.db_path = db_path
        self.month = month
        self.out_path = out_path
        self.today = today
        self.signals = ReportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from ipguard.reports.service import monthly_report
        from ipguard.reports.xlsx import ReportCancelled

        try:
            result = monthly_report(
                self.db_path, self.month, self.out_path, today=self.today,
                progress=lambda done, total: self.signals.progress.emit(done, total),
                cancelled=self._cancel.is_set,
            )  # fmt: skip
        except ReportCancelled:
            self.signals.cancelled.emit()
        except IpguardError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug: shown on the UI thread with its traceback
            log.exception("monthly report failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
