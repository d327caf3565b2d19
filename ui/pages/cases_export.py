"""Export the case list to xlsx off the UI thread: the core's export in a :class:`ui.tasks.Task`.

The task opens its own store from the database path (SQLite connections
belong to one thread) and runs :func:`ipguard.reports.service.export_cases`
(one read snapshot, the same rows as ``ipguard export``); progress, the row
count, a failure or the cancellation come back through the task's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ipguard.store import Store
from ipguard.store.records import CaseFilter
from ui.i18n import translate
from ui.tasks import Task


class CaseExportTask(Task):
    """Write ``case_filter``'s cases (or ``case_ids``, in that order) to ``out_path``; ``finished(count)``."""

    def __init__(self, open_store: Callable[[], Store], case_filter: CaseFilter, out_path: Path, *, title: str, filters_text: str,
                 case_ids: list[int] | None = None) -> None:
        from ipguard.reports.xlsx import ReportCancelled  # openpyxl is imported with the report, not at start-up

        count = f"{len(case_ids):,}" if case_ids is not None else "…"
        super().__init__(name="case list export", label=translate("Cases", "正在导出 {n} 件案件…").format(n=count))
        self.cancel_exceptions = (ReportCancelled,)
        self.open_store = open_store  # runs on the worker thread
        self.case_filter = case_filter
        self.case_ids = case_ids  # these cases in this order (the list's, pinyin included), else the filter's
        self.out_path = out_path
        self.title = title
        self.filters_text = filters_text

    def work(self) -> int:
        from ipguard.reports.service import export_cases

        with self.open_store() as store:
            return export_cases(
                store, self.case_filter, self.out_path, title=self.title, filters_text=self.filters_text,
                progress=self.report_progress, cancelled=self.is_cancelled, case_ids=self.case_ids,
            )  # fmt: skip
