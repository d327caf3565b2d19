"""The monthly portfolio workbook (月度业务报表).

:func:`write_monthly` streams every iterable exactly once, in this order:
in-force rows (在保明细, aggregated on the way into the four breakdowns and the
in-force totals), new and released guarantees, compensations, turnaround. The
概要 sheet is created first, so it is the first tab, but written last: a
write-only sheet keeps its own temporary file, so sheets may be filled in any
order before the save. Its in-force figures and month movements are the sums
of the rows just written; figures the caller also supplied are checked
against them (``report_inconsistent`` on any difference).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.chart import BarChart, Reference

from ipguard.reports.models import (
    CompensationRow,
    InForceRow,
    MonthlySummary,
    MovementRow,
    ReportMeta,
    TurnaroundRow,
)
from ipguard.reports.summary_sheet import Totals, TurnaroundStats, write_summary
from ipguard.reports.xlsx import BOLD, Column, Kind, TableSheet, Ticker, atomic_workbook, make_cell, sized_total

M, D, P, N = Kind.MONEY, Kind.DATE, Kind.PERCENT, Kind.INT

IN_FORCE_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=36),
    Column("统一社会信用代码"),
    Column("贷款银行", max_width=30),
    Column("客户经理"),
    Column("所属行业", max_width=24),
    Column("质押知识产权类型", max_width=30),
    Column("担保金额（元）", M),
    Column("贷款金额（元）", M),
    Column("贷款起始日", D),
    Column("到期日", D),
    Column("担保费（元）", M),
    Column("距到期天数", N),
    Column("银行分担比例", P),
    Column("再担保分担比例", P),
    Column("自留风险余额（元）", M),
    Column("融资担保责任余额（元）", M),
)
NEW_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=36),
    Column("贷款银行", max_width=30),
    Column("客户经理"),
    Column("担保金额（元）", M),
    Column("放款日", D),
    Column("备注", max_width=40),
)
RELEASED_COLUMNS = (*NEW_COLUMNS[:4], Column("解保金额（元）", M), Column("解保日", D), NEW_COLUMNS[6])
COMPENSATION_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=36),
    Column("贷款银行", max_width=30),
    Column("代偿日", D),
    Column("代偿金额（元）", M),
    Column("银行分担（元）", M),
    Column("再担保分担（元）", M),
    Column("自留损失（元）", M),
    Column("累计追偿回收（元）", M),
    Column("状态"),
)
TURNAROUND_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=36),
    Column("申请日", D),
    Column("放款日", D),
    Column("自然日", N),
    Column("工作日", N),
    Column("达成承诺"),
)
BREAKDOWNS = (  # sheet name, first column header, InForceRow attribute
    ("按银行", "贷款银行", "bank"),
    ("按行业", "所属行业", "industry"),
    ("按知识产权类型", "知识产权类型", "ip_types"),
    ("按客户经理", "客户经理", "account_manager"),
)
UNFILLED = "（未填）"
_IP_SPLIT = re.compile(r"[、,，/;；\s]+")


@dataclass
class Bucket:
    """Running sums for one group of in-force rows."""

    count: int = 0
    amount: int = 0
    retained: int = 0
    liability: int = 0

    def add(self, row: InForceRow) -> None:
        self.count += 1
        self.amount += row.guarantee_amount
        self.retained += row.retained_balance
        self.liability += row.weighted_liability


@dataclass
class InForceAggregate:
    """What streaming the in-force rows leaves behind: totals and group sums."""

    total: Bucket = field(default_factory=Bucket)
    loan: int = 0
    fee: int = 0
    groups: dict[str, dict[str, Bucket]] = field(default_factory=lambda: {attr: {} for _, _, attr in BREAKDOWNS})
    clients: dict[str, list] = field(default_factory=dict)  # credit code -> [name, weighted liability]

    def add(self, row: InForceRow) -> None:
        self.total.add(row)
        self.loan += row.loan_amount
        self.fee += row.fee
        for _, _, attr in BREAKDOWNS:
            raw = getattr(row, attr) or ""
            keys = {k for k in _IP_SPLIT.split(raw) if k} if attr == "ip_types" else {raw.strip()}
            for key in keys or {""}:
                self.groups[attr].setdefault(key or UNFILLED, Bucket()).add(row)
        client = self.clients.setdefault(row.uscc or row.company, [row.company, 0])
        client[1] += row.weighted_liability

    def largest_client(self) -> tuple[str, int]:
        """(name, summed weighted liability) of the largest client; ("", 0) when none."""
        if not self.clients:
            return "", 0
        name, balance = max(self.clients.values(), key=lambda c: c[1])
        return name, balance


def write_monthly(
    out_path: str | os.PathLike[str],
    meta: ReportMeta,
    summary: MonthlySummary,
    in_force: Iterable[InForceRow],
    new: Iterable[MovementRow],
    released: Iterable[MovementRow],
    compensations: Iterable[CompensationRow],
    turnaround: Iterable[TurnaroundRow],
    *,
    promise_days: tuple[int, int] = (14, 21),
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write the monthly workbook to ``out_path`` (all or nothing).

    ``progress(done, total)`` is called every 500 rows with the rows written so
    far; ``total`` is the sum of ``len()`` of the inputs that have one (pass
    lists or sized query results for a meaningful bar). ``cancelled()`` is
    polled as often; when it returns true :class:`~ipguard.reports.xlsx.ReportCancelled`
    (``IpguardError("cancelled")``) is raised and no file is left at ``out_path``.
    Raises ``IpguardError("report_inconsistent")`` when a summary figure the
    caller supplied differs from the sum of the rows (see :class:`MonthlySummary`).
    """
    ticker = Ticker(progress, cancelled, sized_total(in_force, new, released, compensations, turnaround))
    with atomic_workbook(out_path) as wb:
        ticker.check()
        summary_ws = wb.create_sheet("概要")
        heading = meta.title
        as_of = f"数据截至 {meta.month_end:%Y-%m-%d}（月末）　生成时间 {meta.generated_at:%Y-%m-%d %H:%M}"
        month_span = f"统计期间 {meta.month:%Y-%m-%d} 至 {meta.month_end:%Y-%m-%d}"

        sheet = TableSheet(wb, "在保明细", IN_FORCE_COLUMNS, title=f"{heading} · 在保明细", subtitle=as_of)
        agg = InForceAggregate()
        for r in in_force:
            sheet.add_row(
                (r.case_no, r.company, r.uscc, r.bank, r.account_manager, r.industry, r.ip_types, r.guarantee_amount,
                 r.loan_amount, r.loan_start, r.maturity, r.fee, r.days_to_maturity, r.bank_share, r.reguarantor_share,
                 r.retained_balance, r.weighted_liability)
            )  # fmt: skip
            agg.add(r)
            ticker.tick()
        t = agg.total
        _totals_row(sheet, {8: t.amount, 9: agg.loan, 12: agg.fee, 16: t.retained, 17: t.liability}, t.count)

        new_count, new_amount = _movements(wb, "本月新增", NEW_COLUMNS, new, heading, month_span, ticker)
        rel_count, rel_amount = _movements(wb, "本月解保", RELEASED_COLUMNS, released, heading, month_span, ticker)
        comp_count, comp_amount = _compensations(wb, compensations, f"{heading} · 代偿及追偿", month_span, ticker)
        for name, label, attr in BREAKDOWNS:
            _breakdown(wb, name, label, agg.groups[attr], t, f"{heading} · {name}", as_of, chart=attr == "bank")
            ticker.check()
        stats = _turnaround(wb, turnaround, promise_days, f"{heading} · 流程时效", month_span, ticker)

        largest_name, largest_balance = agg.largest_client()
        totals = Totals(
            disbursed=_checked("disbursed", summary.disbursed, new_count),
            disbursed_amount=_checked("disbursed_amount", summary.disbursed_amount, new_amount),
            released=_checked("released", summary.released, rel_count),
            released_amount=_checked("released_amount", summary.released_amount, rel_amount),
            compensated=_checked("compensated", summary.compensated, comp_count),
            compensated_amount=_checked("compensated_amount", summary.compensated_amount, comp_amount),
            in_force_count=_checked("in_force_count", summary.in_force_count, t.count),
            in_force_balance=_checked("in_force_balance", summary.in_force_balance, t.amount),
            retained_exposure=_checked("retained_exposure", summary.retained_exposure, t.retained),
            liability_balance=_checked("liability_balance", summary.liability_balance, t.liability),
            largest_client_name=summary.largest_client_name if summary.largest_client_name is not None else largest_name,
            largest_client_balance=_checked("largest_client_balance", summary.largest_client_balance, largest_balance),
        )
        write_summary(summary_ws, meta, summary, totals, stats, promise_days)
        ticker.check()


# Labels used in report_inconsistent, so the message names the figure in Chinese.
_ITEM_LABELS = {
    "disbursed": "本月放款笔数",
    "disbursed_amount": "本月放款金额（分）",
    "released": "本月解保笔数",
    "released_amount": "本月解保金额（分）",
    "compensated": "本月代偿笔数",
    "compensated_amount": "本月代偿金额（分）",
    "in_force_count": "月末在保笔数",
    "in_force_balance": "月末在保余额（分）",
    "retained_exposure": "自留风险余额（分）",
    "liability_balance": "融资担保责任余额（分）",
    "largest_client_balance": "最大单一客户责任余额（分）",
}


def _checked(item: str, given: int | None, computed: int) -> int:
    """The computed figure; a figure the caller gave must equal it."""
    from ipguard.errors import IpguardError

    if given is not None and given != computed:
        raise IpguardError("report_inconsistent", item=_ITEM_LABELS[item], summary=given, detail=computed)
    return computed


def _totals_row(sheet: TableSheet, sums: dict[int, int], count: int) -> None:
    """A bold 合计 row under the table: the count in column B, money sums at their columns."""
    width = len(sheet.columns)
    cells: list[object] = [None] * width
    cells[0] = make_cell(sheet.ws, "合计", font=BOLD)
    cells[1] = make_cell(sheet.ws, f"{count:,} 笔", font=BOLD)
    for col, fen in sums.items():
        cells[col - 1] = make_cell(sheet.ws, fen, Kind.MONEY, font=BOLD)
    sheet.add_footer(cells)


def _movements(wb, name, columns, rows: Iterable[MovementRow], heading, subtitle, ticker) -> tuple[int, int]:
    sheet = TableSheet(wb, name, columns, title=f"{heading} · {name}", subtitle=subtitle)
    total = 0
    for r in rows:
        sheet.add_row((r.case_no, r.company, r.bank, r.account_manager, r.amount, r.date, r.note))
        total += r.amount
        ticker.tick()
    _totals_row(sheet, {5: total}, sheet.rows_written)
    return sheet.rows_written, total


def _compensations(wb, rows: Iterable[CompensationRow], title, subtitle, ticker) -> tuple[int, int]:
    sheet = TableSheet(wb, "代偿及追偿", COMPENSATION_COLUMNS, title=title, subtitle=subtitle)
    sums = dict.fromkeys(range(5, 10), 0)
    for r in rows:
        values = (r.compensation_amount, r.bank_share_amount, r.reguarantor_share_amount, r.retained_amount, r.recovered_to_date)
        sheet.add_row((r.case_no, r.company, r.bank, r.compensation_date, *values, r.status))
        for col, fen in zip(range(5, 10), values, strict=True):
            sums[col] += fen
        ticker.tick()
    _totals_row(sheet, sums, sheet.rows_written)
    return sheet.rows_written, sums[5]


def _share(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.000001")) if whole else Decimal(0)


def _breakdown(wb, name, label, groups: dict[str, Bucket], total: Bucket, title, subtitle, *, chart: bool) -> None:
    columns = (
        Column(label, max_width=36),
        Column("在保笔数", N),
        Column("在保余额（元）", M),
        Column("余额占比", P),
        Column("自留风险余额（元）", M),
        Column("融资担保责任余额（元）", M),
    )
    sheet = TableSheet(wb, name, columns, title=title, subtitle=subtitle, freeze_first_column=False)
    for key, b in sorted(groups.items(), key=lambda kv: (-kv[1].amount, kv[0])):
        sheet.add_row((key, b.count, b.amount, _share(b.amount, total.amount), b.retained, b.liability))
    if name == "按知识产权类型":
        sheet.add_footer([make_cell(sheet.ws, "合计", font=BOLD), make_cell(sheet.ws, f"{total.count:,} 笔", font=BOLD),
                          make_cell(sheet.ws, total.amount, Kind.MONEY, font=BOLD)])  # fmt: skip
        sheet.add_footer(["注：混合质押的案件计入其每一种知识产权类型，各行合计可能大于在保总额，占比之和可能超过100%。"])
    else:
        _totals_row(sheet, {3: total.amount, 5: total.retained, 6: total.liability}, total.count)
    if chart and sheet.rows_written:
        bar = BarChart()
        bar.type = "bar"
        bar.title = "各银行在保余额（元）"
        bar.legend = None
        bar.y_axis.numFmt = "#,##0"
        bar.y_axis.majorGridlines = None
        data = Reference(sheet.ws, min_col=3, min_row=3, max_row=sheet.last_data_row)
        cats = Reference(sheet.ws, min_col=1, min_row=4, max_row=sheet.last_data_row)
        bar.add_data(data, titles_from_data=True)
        bar.set_categories(cats)
        bar.height = max(7.5, 0.6 * min(sheet.rows_written, 40) + 3)
        bar.width = 18
        sheet.ws.add_chart(bar, "H3")
    sheet.finish()


def _turnaround(wb, rows: Iterable[TurnaroundRow], promise_days, title, subtitle, ticker) -> TurnaroundStats:
    sheet = TableSheet(wb, "流程时效", TURNAROUND_COLUMNS, title=title, subtitle=subtitle)
    stats = TurnaroundStats(promise_days)
    for r in rows:
        sheet.add_row((r.case_no, r.company, r.application_date, r.disbursed_on, r.calendar_days, r.working_days,
                       "是" if r.met_promise else "否"))  # fmt: skip
        stats.add(r.calendar_days, r.working_days, r.met_promise)
        ticker.tick()
    sheet.end_table()
    sheet.add_footer([])
    for label, value, kind in stats.lines():
        sheet.add_footer([make_cell(sheet.ws, label, font=BOLD), None, None, None, make_cell(sheet.ws, value, kind)])
    sheet.add_footer([])
    first = sheet.next_row  # header row of the distribution table
    sheet.add_footer([make_cell(sheet.ws, "自然日分布", font=BOLD), None, None, None, make_cell(sheet.ws, "件数", font=BOLD)])
    buckets = stats.histogram()
    for label, count in buckets:
        sheet.add_footer([label, None, None, None, count])
    if stats.count:
        bar = BarChart()
        bar.title = "办结时长分布（申请至放款，自然日）"
        bar.legend = None
        bar.y_axis.title = "件数"
        bar.y_axis.majorGridlines = None
        bar.add_data(Reference(sheet.ws, min_col=5, min_row=first, max_row=first + len(buckets)), titles_from_data=True)
        bar.set_categories(Reference(sheet.ws, min_col=1, min_row=first + 1, max_row=first + len(buckets)))
        bar.width, bar.height = 16, 7.5
        sheet.ws.add_chart(bar, "I3")
    sheet.finish()
    return stats
