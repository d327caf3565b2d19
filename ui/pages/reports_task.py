"""The monthly report's background task and its defaults (month, output path).

:class:`MonthlyReportTask` (a :class:`ui.tasks.Task`) runs
:func:`ipguard.reports.service.monthly_report` on a ``QThreadPool`` worker that opens its own store from the database path;
progress, the result, a failure or the cancellation come back through
:class:`ReportSignals`. :mod:`ui.pages.reports` (the page) re-exports these names.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ipguard.store import Store
from ui.i18n import translate
from ui.tasks import Task, TaskSignals

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


ReportSignals = TaskSignals  # progress, finished, failed, cancelled (and started, ended)


class MonthlyReportTask(Task):
    """Write the monthly workbook on a worker thread (its own store: ``open_store()`` runs on that thread)."""

    def __init__(self, open_store: Callable[[], Store], month: str, out_path: Path, today: dt.date | None = None) -> None:
        from ipguard.reports.xlsx import ReportCancelled

        super().__init__(name="monthly report", label=translate("Reports", "正在生成 {month} 的报表…").format(month=month))
        self.cancel_exceptions = (ReportCancelled,)
        self.open_store = open_store
        self.month = month
        self.out_path = out_path
        self.today = today

    def work(self):
        from ipguard.reports.service import monthly_report

        with self.open_store() as store:
            return monthly_report(
                store, self.month, self.out_path, today=self.today,
                progress=self.report_progress, cancelled=self.is_cancelled,
            )  # fmt: skip
