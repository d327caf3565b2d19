"""Run a report: validate the request, read the database, write the workbook.

Both entry points may run in a worker thread: :func:`monthly_report` opens
its own store when given a path (SQLite connections belong to one thread).
Input is validated before anything is opened or created, so a bad month or a
missing database leaves no file behind; the writers themselves are atomic.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ipguard import clock, messages
from ipguard.domain import Stage
from ipguard.errors import ValidationError
from ipguard.reports.models import CaseListRow, InForceRow
from ipguard.reports.queries import Stream, ip_type_labels, monthly_data
from ipguard.store import Store
from ipguard.store.records import CaseFilter
from ipguard.store.records import CaseListRow as StoreCaseRow
from ipguard.store.repos.reporting import CaseExtras

messages.register(
    {
        "report_month_format": (
            "应为“年-月”格式，例如 2026-11，收到“{value}”",
            "must be year-month, e.g. 2026-11; got “{value}”",
        ),
        "report_month_future": (
            "{month} 尚未开始（今天是 {today}），不能生成该月报表",
            "{month} has not begun yet (today is {today}); no report for it",
        ),
        "report_out_suffix": ("应为 .xlsx 文件，收到“{value}”", "must be an .xlsx file; got “{value}”"),
    }
)
messages.register_fields({"month": ("报表月份", "report month"), "out": ("输出文件", "output file")})

_MONTH = re.compile(r"(\d{4})-(\d{2})")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportResult:
    """What was written, for a status line (money in fen)."""

    path: Path
    month: dt.date  # first day of the report month
    in_force_count: int
    in_force_balance: int
    retained_exposure: int
    liability_balance: int
    audit_head_hash: str
    audit_count: int
    as_of: dt.date | None = None  # the month end, or today for the current month
    provisional: bool = False  # the month had not ended: 临时

    @property
    def month_label(self) -> str:
        return f"{self.month.year}年{self.month.month}月"


def parse_month(value: object, today: dt.date | None = None) -> dt.date:
    """'2026-11' -> date(2026, 11, 1); a wrong form or a month after today's is a ValidationError('month')."""
    text = str(value or "").strip()
    match = _MONTH.fullmatch(text)
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 1900:
        raise ValidationError("month", "report_month_format", value=text)
    month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    today = today or clock.today()
    if month > today.replace(day=1):
        raise ValidationError("month", "report_month_future", month=f"{month.year}年{month.month}月", today=today.isoformat())
    return month


def check_out_path(out: str | os.PathLike[str]) -> Path:
    """The output path, which must name an .xlsx file (Excel goes by the suffix)."""
    path = Path(out)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("out", "report_out_suffix", value=str(out))
    return path


@contextlib.contextmanager
def _store_of(store_or_path: Store | str | os.PathLike[str]) -> Iterator[Store]:
    if isinstance(store_or_path, Store):
        yield store_or_path
        return
    from ipguard.store import open_store

    store = open_store(os.fspath(store_or_path), create=False)
    try:
        yield store
    finally:
        store.close()


@contextlib.contextmanager
def read_snapshot(store: Store) -> Iterator[None]:
    """One read transaction: every query inside sees the same committed state.

    Under WAL another workstation may commit while the report is written; the
    counts, the detail rows and the audit head must all come from one moment.
    Inside a caller's open transaction this does nothing.
    """
    with store.read_snapshot():
        yield


def monthly_report(
    store_or_path: Store | str | os.PathLike[str],
    month: str,
    out: str | os.PathLike[str],
    *,
    today: dt.date | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ReportResult:
    """Write the monthly workbook of ``month`` ("YYYY-MM") to ``out`` and say what it holds.

    Raises ``ValidationError("month")`` for a wrong form or a month after
    today's (``today`` defaults to the system date), ``ValidationError("out")``
    for a path not ending in .xlsx, :class:`~ipguard.errors.StoreError` when a
    given path is not an ipguard database. ``progress``/``cancelled`` are
    passed to :func:`~ipguard.reports.monthly.write_monthly`; a cancel leaves
    no file.
    """
    from ipguard.reports.monthly import write_monthly

    first = parse_month(month, today)
    out_path = check_out_path(out)
    with _store_of(store_or_path) as store, read_snapshot(store):
        data = monthly_data(store, first, today=today)
        retained = liability = 0

        def tallied() -> Iterator[InForceRow]:
            nonlocal retained, liability
            for row in data.in_force:
                retained += row.retained_balance
                liability += row.weighted_liability
                yield row

        in_force = Stream(tallied, len(data.in_force))
        write_monthly(out_path, data.meta, data.summary, in_force, data.new, data.released, data.compensations,
                      data.turnaround, promise_days=data.promise_days, progress=progress, cancelled=cancelled,
                      board=data.board, recoveries=data.recoveries or (), stage_labels=data.stage_labels)  # fmt: skip
    return ReportResult(
        path=out_path, month=first, in_force_count=data.counts.in_force_count,
        in_force_balance=data.counts.in_force_balance, retained_exposure=retained, liability_balance=liability,
        audit_head_hash=data.meta.audit_head_hash, audit_count=data.meta.audit_count, as_of=data.meta.as_of,
        provisional=data.meta.provisional,
    )  # fmt: skip


# -- case-list export --------------------------------------------------------------------------------


def describe_filter(store: Store, f: CaseFilter) -> str:
    """The filter in words for the export's subtitle: '阶段：在保、逾期；银行：…；申请日：…'."""
    parts: list[str] = []
    if f.stages:
        parts.append("阶段：" + "、".join(s.label for s in f.stages))
    if f.bank_id is not None:
        parts.append("银行：" + store.repos.banks.get(f.bank_id).display)
    if f.account_manager_id is not None:
        name = store.repos.users.display_name(f.account_manager_id)
        parts.append(f"客户经理：{name or f.account_manager_id}")
    if f.product_code:
        parts.append(f"产品：{f.product_code}")
    if f.date_from or f.date_to:
        span = f"{f.date_from.isoformat() if f.date_from else '…'} 至 {f.date_to.isoformat() if f.date_to else '…'}"
        parts.append(f"申请日：{span}")
    if f.text.strip():
        parts.append(f"关键字：{f.text.strip()}")
    return "筛选条件　" + ("；".join(parts) if parts else "全部案件")


def _updated_at(text: str) -> dt.datetime:
    """Stored timestamps carry an offset; the sheet shows local wall-clock time without it."""
    value = dt.datetime.fromisoformat(text)
    return value.replace(tzinfo=None)


def _case_rows(store: Store, f: CaseFilter, batch: int = 500) -> Iterator[CaseListRow]:
    rows = iter(store.repos.cases.iter_rows(f))
    while page := list(itertools.islice(rows, batch)):
        yield from _with_extras(store, page)


def _rows_of_ids(store: Store, case_ids: Sequence[int], batch: int = 500) -> Iterator[CaseListRow]:
    """The cases ``case_ids`` in that order; one gone meanwhile is left out."""
    for start in range(0, len(case_ids), batch):
        found = store.repos.cases.rows_by_ids(list(case_ids[start:start + batch]))
        yield from _with_extras(store, [r for r in found if r is not None])


def _with_extras(store: Store, page: list[StoreCaseRow]) -> Iterator[CaseListRow]:
    extras = store.repos.reporting.case_extras([r.id for r in page])  # one query per page, not per row
    for r in page:
        yield _case_row(r, extras.get(r.id))


def _case_row(r: StoreCaseRow, extra: CaseExtras | None) -> CaseListRow:
    stage = r.stage if isinstance(r.stage, Stage) else Stage(r.stage)
    return CaseListRow(
        case_no=r.case_no, company=r.company_name, uscc=r.uscc, stage_label=stage.label, bank=r.bank,
        account_manager=r.account_manager, requested_amount=r.requested_amount, guarantee_amount=r.guarantee_amount,
        application_date=r.application_date, updated_at=_updated_at(r.updated_at),
        ip_types=ip_type_labels(extra.ip_types) if extra else "", industry=extra.industry if extra else "",
        disbursed_on=extra.start_date if extra else None, maturity=extra.maturity_date if extra else None,
    )  # fmt: skip


def export_cases(
    store: Store,
    case_filter: CaseFilter,
    out: str | os.PathLike[str],
    *,
    title: str | None = None,
    filters_text: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    case_ids: Sequence[int] | None = None,
) -> int:
    """Export the cases ``case_filter`` selects (in its sort order) to ``out``; return the row count.

    ``case_ids``, when given, are the cases exported instead, in that order
    (the desktop list's own order, or the rows selected in it).
    ``title`` defaults to '<company> 案件列表', ``filters_text`` to
    :func:`describe_filter`. All or nothing, like the monthly report.
    """
    from ipguard.reports.case_list import export_case_list

    out_path = check_out_path(out)
    if title is None:
        title = f"{store.repos.settings.get('letterhead.company_name')} 案件列表"
    if filters_text is None:
        filters_text = describe_filter(store, case_filter)
    with read_snapshot(store):
        if case_ids is not None:
            ids = list(case_ids)
            rows = Stream(lambda: _rows_of_ids(store, ids), len(ids))
        else:
            rows = Stream(lambda: _case_rows(store, case_filter), store.repos.cases.count(case_filter))
        return export_case_list(out_path, rows, title=title, filters_text=filters_text, progress=progress,
                                cancelled=cancelled)  # fmt: skip
