"""Export the filtered case list to xlsx on a worker thread.

The task opens its own store from the database path (SQLite connections
belong to one thread), streams the rows through
:func:`ipguard.reports.case_list.export_case_list` and reports progress,
completion or failure through Qt signals (delivered on the UI thread).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from ipguard.errors import IpguardError
from ipguard.store import Store, open_store
from ipguard.store.records import CaseFilter
from ipguard.store.records import CaseListRow as StoreRow

log = logging.getLogger("ipguard.ui.cases")


class ExportSignals(QObject):
    progress = Signal(int, int)  # rows done, rows in all
    finished = Signal(str, int)  # path, rows written
    failed = Signal(object)  # the exception (IpguardError or a bug)
    cancelled = Signal()


def _updated(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return dt.datetime.min


class ReportRows:
    """The store's filtered rows (or the cases ``case_ids``, in that order) as
    ``ipguard.reports.models.CaseListRow``, sized for the progress bar."""

    def __init__(self, store: Store, case_filter: CaseFilter, case_ids: list[int] | None = None) -> None:
        self.store = store
        self.case_filter = case_filter
        self.case_ids = case_ids
        self.total = len(case_ids) if case_ids is not None else store.repos.cases.count(case_filter)
        self._industry: dict[str, str] = {}

    def __len__(self) -> int:
        return self.total

    def _industry_of(self, uscc: str) -> str:
        if uscc not in self._industry:
            company = self.store.repos.companies.by_uscc(uscc)
            self._industry[uscc] = company.industry if company else ""
        return self._industry[uscc]

    def convert(self, r: StoreRow):  # -> ipguard.reports.models.CaseListRow
        from ipguard.reports.models import CaseListRow

        types = sorted({a.ip_type.label for a in self.store.repos.cases.assets(r.id)})
        return CaseListRow(
            case_no=r.case_no,
            company=r.company_name,
            uscc=r.uscc,
            stage_label=r.stage.label,
            bank=r.bank,
            account_manager=r.account_manager,
            requested_amount=r.requested_amount,
            guarantee_amount=r.guarantee_amount,
            application_date=r.application_date,
            updated_at=_updated(r.updated_at),
            ip_types="、".join(types),
            industry=self._industry_of(r.uscc),
        )

    def __iter__(self) -> Iterator:
        if self.case_ids is None:
            for r in self.store.repos.cases.iter_rows(self.case_filter):
                yield self.convert(r)
            return
        for start in range(0, len(self.case_ids), 2000):
            for r in self.store.repos.cases.rows_by_ids(self.case_ids[start:start + 2000]):
                if r is not None:
                    yield self.convert(r)


class CaseExportTask(QRunnable):
    """Write ``case_filter``'s cases (or ``case_ids``) to ``out_path``; run it on a ``QThreadPool``."""

    def __init__(self, db_path: Path, case_filter: CaseFilter, out_path: Path, *, title: str, filters_text: str,
                 case_ids: list[int] | None = None) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.db_path = db_path
        self.case_filter = case_filter
        self.case_ids = case_ids  # these cases in this order (the list's, pinyin included), else the filter's
        self.out_path = out_path
        self.title = title
        self.filters_text = filters_text
        self.signals = ExportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        from ipguard.reports.case_list import export_case_list
        from ipguard.reports.xlsx import ReportCancelled

        try:
            with open_store(self.db_path, create=False) as store:
                rows = ReportRows(store, self.case_filter, self.case_ids)
                count = export_case_list(
                    self.out_path,
                    rows,
                    title=self.title,
                    filters_text=self.filters_text,
                    progress=lambda done, total: self.signals.progress.emit(done, total),
                    cancelled=self._cancel.is_set,
                )
        except ReportCancelled:
            self.signals.cancelled.emit()
        except IpguardError as exc:
            self.signals.failed.emit(exc)
        except Exception as exc:  # a bug: report it on the UI thread, with its traceback
            log.exception("case list export failed")
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(str(self.out_path), count)
