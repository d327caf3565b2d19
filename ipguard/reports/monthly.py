"""The monthly portfolio workbook (月度业务报表).

:func:`write_monthly` streams every iterable exactly once, in this order:
in-force rows (在保明细, aggregated on the way into the breakdowns, the risk
and concentration figures and the in-force totals), new and released
guarantees, compensations, the recovery ledger, turnaround. The 概要, 监管报表
and 风险与集中度 sheets are created first, so they are the first tabs, but
written last: every sheet keeps its own row file, so sheets may be filled in
any order before the save. Their in-force figures and month movements are the
sums of the rows just written; figures the caller also supplied are checked
against them (``report_inconsistent`` on any difference).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TypeVar

from ipguard.reports.models import (
    BoardFigures,
    CompensationRow,
    InForceRow,
    MonthlySummary,
    MovementRow,
    RecoveryRow,
    ReportMeta,
    TurnaroundRow,
)
from ipguard.reports.risk import CLASSES
from ipguard.reports.summary_sheet import Totals, TurnaroundStats, write_summary
from ipguard.reports.xlsx import Book, Cell, Column, Kind, PageHeader, TableSheet, Ticker, atomic_workbook, sized_total
from ipguard.rules import add_months

M, D, P, N = Kind.MONEY, Kind.DATE, Kind.PERCENT, Kind.INT

IN_FORCE_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=24),
    Column("统一社会信用代码"),
    Column("贷款银行", max_width=18),
    Column("客户经理"),
    Column("所属行业", max_width=14),
    Column("质押知识产权类型", max_width=16),
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
    Column("状态", centred=True),
    Column("逾期天数", N),
    Column("风险分类", centred=True),
)
NEW_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=24),
    Column("贷款银行", max_width=18),
    Column("客户经理"),
    Column("担保金额（元）", M),
    Column("放款日", D),
    Column("备注", max_width=24),
)
RELEASED_COLUMNS = (*NEW_COLUMNS[:4], Column("解保金额（元）", M), Column("解保日", D), NEW_COLUMNS[6])
COMPENSATION_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=24),
    Column("贷款银行", max_width=18),
    Column("代偿日", D),
    Column("代偿金额（元）", M),
    Column("银行分担（元）", M),
    Column("再担保分担（元）", M),
    Column("自留损失（元）", M),
    Column("累计追偿回收（元）", M),
    Column("状态", max_width=14),
)
TURNAROUND_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=24),
    Column("申请日", D),
    Column("放款日", D),
    Column("自然日", N),
    Column("工作日", N),
    Column("达成承诺", centred=True),
)
BREAKDOWNS = (  # sheet name, first column header, InForceRow attribute
    ("按银行", "贷款银行", "bank"),
    ("按行业", "所属行业", "industry"),
    ("按知识产权类型", "知识产权类型", "ip_types"),
    ("按客户经理", "客户经理", "account_manager"),
)
UNFILLED = "（未填）"
_IP_SPLIT = re.compile(r"[、,，/;；\s]+")
RECOVERY_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=24),
    Column("贷款银行", max_width=18),
    Column("代偿日", D),
    Column("代偿金额（元）", M),
    Column("自留损失（元）", M),
    Column("累计追偿回收（元）", M),
    Column("应收代偿款余额（元）", M),
    Column("状态", max_width=14),
    Column("风险分类", centred=True),
)
MATURITY_BANDS = ((1, "1个月内到期"), (3, "1–3个月到期"), (6, "3–6个月到期"), (12, "6–12个月到期"))
SINGLE_CLIENT_POLICY_CAP = 500_000_000  # fen: 单户在保余额 ≤ 500 万元, the policy guarantors' measure


@dataclass(slots=True)
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


@dataclass(slots=True)
class Client:
    """One client's in-force sums (for concentration)."""

    name: str
    group: str
    small_micro: bool
    bucket: Bucket = field(default_factory=Bucket)


@dataclass
class InForceAggregate:
    """What streaming the in-force rows leaves behind: totals, group sums, risk and structure."""

    total: Bucket = field(default_factory=Bucket)
    loan: int = 0
    fee: int = 0
    fee_rate_weighted: Decimal = Decimal(0)  # Σ annual fee rate × amount
    groups: dict[str, dict[str, Bucket]] = field(default_factory=lambda: {attr: {} for _, _, attr in BREAKDOWNS})
    clients: dict[str, Client] = field(default_factory=dict)  # credit code -> client
    classes: dict[str, Bucket] = field(default_factory=lambda: {c: Bucket() for c in CLASSES})
    overdue: Bucket = field(default_factory=Bucket)
    weights: dict[Decimal, Bucket] = field(default_factory=dict)
    maturity: dict[str, Bucket] = field(default_factory=dict)
    reguarantors: dict[str, list[int]] = field(default_factory=dict)  # name -> [count, part borne]
    tags: dict[str, Bucket] = field(default_factory=dict)
    small_micro: Bucket = field(default_factory=Bucket)
    _groups: list[tuple[str, int, Bucket]] | None = None
    # Per-combination sums, spread over the breakdowns by finish():
    # (bank, industry, IP types, account manager); (risk class, status, weight, maturity band, small/micro); tags.
    _by_group: dict[tuple[str, str, str, str], Bucket] = field(default_factory=dict)
    _by_risk: dict[tuple[str, str, Decimal, str, bool], Bucket] = field(default_factory=dict)
    _by_tags: dict[tuple[str, ...], Bucket] = field(default_factory=dict)

    def add(self, row: InForceRow, as_of: date) -> None:
        """Count one row. Rows are summed per combination of their group keys (few), and the
        breakdowns and the total are built from those sums by :meth:`finish`: a few dictionary
        steps per row, not ten."""
        self.loan += row.loan_amount
        self.fee += row.fee
        self.fee_rate_weighted += row.annual_fee_rate * row.guarantee_amount
        _bucket(self._by_group, (row.bank, row.industry, row.ip_types, row.account_manager)).add(row)
        _bucket(self._by_risk, (row.risk_class, row.status, row.weight, maturity_band(row, as_of), row.small_micro)).add(row)
        _bucket(self._by_tags, row.target_tags).add(row)
        client_key = row.uscc or row.company
        client = self.clients.get(client_key)
        if client is None:
            client = self.clients[client_key] = Client(row.company, row.group or row.company, row.small_micro)
        client.bucket.add(row)
        if row.reguarantor_share:
            guarantor_part = row.guarantee_amount - int(
                (row.guarantee_amount * row.bank_share).to_integral_value(ROUND_HALF_UP))
            entry = self.reguarantors.setdefault(row.reguarantor or UNFILLED, [0, 0])
            entry[0] += 1
            entry[1] += guarantor_part - row.retained_balance

    def finish(self) -> None:
        """Spread the per-combination sums over the breakdowns, classes, ladder and tags (after the last row)."""
        attrs = [attr for _, _, attr in BREAKDOWNS]
        by_group, by_risk, by_tags = self._by_group, self._by_risk, self._by_tags
        self._groups = None
        for b in by_group.values():  # every row is in exactly one combination of its group keys
            _merge(self.total, b)
        for values, b in by_group.items():
            for attr, raw in zip(attrs, values, strict=True):
                for group in _group_keys(attr, raw or ""):
                    _merge(self.groups[attr].setdefault(group, Bucket()), b)
        for (risk, status, weight, band, small), b in by_risk.items():
            _merge(self.classes.setdefault(risk, Bucket()), b)
            if status != "正常":
                _merge(self.overdue, b)
            _merge(self.weights.setdefault(weight, Bucket()), b)
            _merge(self.maturity.setdefault(band, Bucket()), b)
            if small:
                _merge(self.small_micro, b)
        for tags, b in by_tags.items():
            for tag in tags:
                _merge(self.tags.setdefault(tag, Bucket()), b)
        by_group.clear()
        by_risk.clear()
        by_tags.clear()

    def largest_client(self) -> tuple[str, int]:
        """(name, summed weighted liability) of the largest client; ("", 0) when none."""
        if not self.clients:
            return "", 0
        best = max(self.clients.values(), key=lambda c: c.bucket.liability)
        return best.name, best.bucket.liability

    def top_clients(self, n: int = 10) -> list[Client]:
        import heapq

        return heapq.nsmallest(n, self.clients.values(), key=lambda c: (-c.bucket.liability, c.name))

    def related_groups(self) -> list[tuple[str, int, Bucket]]:
        """(group, clients, sums) per related-party group, largest weighted liability first."""
        if self._groups is None:
            self._groups = self._related_groups()
        return self._groups

    def _related_groups(self) -> list[tuple[str, int, Bucket]]:
        groups: dict[str, tuple[set[str], Bucket]] = {}
        for key, client in self.clients.items():
            members, bucket = groups.setdefault(client.group, (set(), Bucket()))
            members.add(key)
            _merge(bucket, client.bucket)
        return sorted(((g, len(m), b) for g, (m, b) in groups.items()), key=lambda x: (-x[2].liability, x[0]))

    def policy_clients(self) -> tuple[int, int]:
        """(clients, balance) of clients whose in-force balance is at most 500万元."""
        small = [c.bucket.amount for c in self.clients.values() if c.bucket.amount <= SINGLE_CLIENT_POLICY_CAP]
        return len(small), sum(small)

    def average_fee_rate(self) -> Decimal:
        if not self.total.amount:
            return Decimal(0)
        return (self.fee_rate_weighted / self.total.amount).quantize(Decimal("0.000001"))


def _merge(into: Bucket, part: Bucket) -> None:
    into.count += part.count
    into.amount += part.amount
    into.retained += part.retained
    into.liability += part.liability


@functools.lru_cache(maxsize=4096)
def _group_keys(attr: str, raw: str) -> tuple[str, ...]:
    """The breakdown keys of one value: IP types split on their separators, others trimmed; '（未填）' for none."""
    if attr == "ip_types":
        keys = tuple(dict.fromkeys(k for k in _IP_SPLIT.split(raw) if k))
    else:
        keys = (raw.strip(),) if raw.strip() else ()
    return keys or (UNFILLED,)


K = TypeVar("K")


def _bucket(combos: dict[K, Bucket], key: K) -> Bucket:
    """The sums of one combination of keys, created on first use."""
    combo = combos.get(key)
    if combo is None:
        combo = combos[key] = Bucket()
    return combo


@functools.lru_cache(maxsize=16)
def _band_ends(as_of: date) -> tuple[tuple[date, str], ...]:
    return tuple((add_months(as_of, months), label) for months, label in MATURITY_BANDS)


def maturity_band(row: InForceRow, as_of: date) -> str:
    """'已逾期' for an overdue guarantee, else the ladder band of its maturity after ``as_of``."""
    if row.status != "正常":
        return "已逾期"
    for end, label in _band_ends(as_of):
        if row.maturity <= end:
            return label
    return "12个月以上到期"


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
    board: BoardFigures | None = None,
    recoveries: Iterable[RecoveryRow] = (),
    stage_labels: dict[str, str] | None = None,
) -> None:
    """Write the monthly workbook to ``out_path`` (all or nothing).

    ``progress(done, total)`` is called every 500 rows with the rows written so
    far; ``total`` is the sum of ``len()`` of the inputs that have one (pass
    lists or sized query results for a meaningful bar). ``cancelled()`` is
    polled as often; when it returns true :class:`~ipguard.reports.xlsx.ReportCancelled`
    (``IpguardError("cancelled")``) is raised and no file is left at ``out_path``.
    Raises ``IpguardError("report_inconsistent")`` when a summary figure the
    caller supplied differs from the sum of the rows (see :class:`MonthlySummary`).
    ``board`` carries the period comparisons of the 监管报表 sheet (without it
    that sheet shows only what the rows give); ``recoveries`` the 追偿台账 rows.
    """
    from ipguard.reports.board_sheets import write_board, write_risk

    inputs = (in_force, new, released, compensations, turnaround, recoveries)
    ticker = Ticker(progress, cancelled, sized_total(*inputs))
    page = PageHeader(meta.company_name, meta.report_name, meta.month_label)
    known = all(hasattr(rows, "__len__") for rows in inputs)
    with atomic_workbook(out_path, page, rows=ticker.total if known else None) as book:
        ticker.check()
        summary_ws = book.add_sheet("概要")
        board_ws = book.add_sheet("监管报表")
        risk_ws = book.add_sheet("风险与集中度")
        heading = meta.title
        as_of = f"{meta.as_of_label}　生成时间 {meta.generated_at:%Y-%m-%d %H:%M}"
        month_span = f"统计期间 {meta.month:%Y-%m-%d} 至 {meta.as_of:%Y-%m-%d}"

        sheet = TableSheet(book, "在保明细", IN_FORCE_COLUMNS, title=f"{heading} · 在保明细", subtitle=as_of)
        agg = InForceAggregate()
        for r in in_force:
            sheet.add_row(
                (r.case_no, r.company, r.uscc, r.bank, r.account_manager, r.industry, r.ip_types, r.guarantee_amount,
                 r.loan_amount, r.loan_start, r.maturity, r.fee, r.days_to_maturity, r.bank_share, r.reguarantor_share,
                 r.retained_balance, r.weighted_liability, r.status, r.overdue_days, r.risk_class)
            )  # fmt: skip
            agg.add(r, meta.as_of_day)
            ticker.tick()
        agg.finish()
        t = agg.total
        _totals_row(sheet, {8: t.amount, 9: agg.loan, 12: agg.fee, 16: t.retained, 17: t.liability}, t.count)

        new_count, new_amount = _movements(book, "本月新增", NEW_COLUMNS, new, heading, month_span, ticker)
        rel_count, rel_amount = _movements(book, "本月解保", RELEASED_COLUMNS, released, heading, month_span, ticker)
        comp_count, comp_amount = _compensations(book, compensations, f"{heading} · 代偿及追偿", month_span, ticker)
        _recoveries(book, recoveries, f"{heading} · 追偿台账", as_of, ticker)
        for name, label, attr in BREAKDOWNS:
            _breakdown(book, name, label, agg.groups[attr], t, f"{heading} · {name}", as_of, chart=attr == "bank")
            ticker.check()
        stats = _turnaround(book, turnaround, promise_days, f"{heading} · 流程时效", month_span, ticker)

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
            overdue_count=agg.overdue.count,
            overdue_balance=agg.overdue.amount,
            largest_group_name=(agg.related_groups() or [("", 0, Bucket())])[0][0],
            largest_group_balance=(agg.related_groups() or [("", 0, Bucket())])[0][2].liability,  # computed once
        )
        write_summary(summary_ws, meta, summary, totals, stats, promise_days, board)
        write_board(board_ws, meta, summary, board, agg, stage_labels or {})
        write_risk(risk_ws, meta, summary, agg, board)
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


def _totals_row(sheet: TableSheet, sums: dict[int, int], count: int, unit: str = "笔") -> None:
    """A bold 合计 row under the table: SUBTOTAL formulas (they follow a filter) with their values now."""
    cells: list[object] = [None] * len(sheet.columns)
    cells[0] = Cell("合计（筛选后）", None, "bold")
    cells[1] = sheet.count(count, unit)
    for col, fen in sums.items():
        cells[col - 1] = sheet.total(col, fen)
    sheet.add_footer(cells)


def _movements(book: Book, name: str, columns: Sequence[Column], rows: Iterable[MovementRow], heading: str, subtitle: str,
               ticker: Ticker) -> tuple[int, int]:
    sheet = TableSheet(book, name, columns, title=f"{heading} · {name}", subtitle=subtitle)
    total = 0
    for r in rows:
        sheet.add_row((r.case_no, r.company, r.bank, r.account_manager, r.amount, r.date, r.note))
        total += r.amount
        ticker.tick()
    _totals_row(sheet, {5: total}, sheet.rows_written)
    return sheet.rows_written, total


def _compensations(book: Book, rows: Iterable[CompensationRow], title: str, subtitle: str, ticker: Ticker) -> tuple[int, int]:
    sheet = TableSheet(book, "代偿及追偿", COMPENSATION_COLUMNS, title=title, subtitle=subtitle)
    sums = dict.fromkeys(range(5, 10), 0)
    for r in rows:
        values = (r.compensation_amount, r.bank_share_amount, r.reguarantor_share_amount, r.retained_amount, r.recovered_to_date)
        sheet.add_row((r.case_no, r.company, r.bank, r.compensation_date, *values, r.status))
        for col, fen in zip(range(5, 10), values, strict=True):
            sums[col] += fen
        ticker.tick()
    _totals_row(sheet, sums, sheet.rows_written)
    return sheet.rows_written, sums[5]


def _recoveries(book: Book, rows: Iterable[RecoveryRow], title: str, subtitle: str, ticker: Ticker) -> None:
    sheet = TableSheet(book, "追偿台账", RECOVERY_COLUMNS, title=title, subtitle=f"{subtitle}　累计至报表日的全部代偿案件")
    sums = dict.fromkeys(range(5, 9), 0)
    for r in rows:
        values = (r.compensation_amount, r.retained_amount, r.recovered_to_date, r.receivable)
        sheet.add_row((r.case_no, r.company, r.bank, r.compensation_date, *values, r.status, r.risk_class))
        for col, fen in zip(range(5, 9), values, strict=True):
            sums[col] += fen
        ticker.tick()
    _totals_row(sheet, sums, sheet.rows_written)


def _share(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.000001")) if whole else Decimal(0)


def _breakdown(book: Book, name: str, label: str, groups: dict[str, Bucket], total: Bucket, title: str, subtitle: str, *,
               chart: bool) -> None:
    columns = (
        Column(label, max_width=30),
        Column("在保笔数", N),
        Column("在保余额（元）", M),
        Column("余额占比", P),
        Column("自留风险余额（元）", M),
        Column("融资担保责任余额（元）", M),
    )
    sheet = TableSheet(book, name, columns, title=title, subtitle=subtitle, freeze_first_column=False)
    for key, b in sorted(groups.items(), key=lambda kv: (-kv[1].amount, kv[0])):
        sheet.add_row((key, b.count, b.amount, _share(b.amount, total.amount), b.retained, b.liability))
    if name == "按知识产权类型":
        sheet.add_footer([Cell("在保合计", None, "bold"), Cell(total.count, Kind.COUNT_BI, "bold"),
                          Cell(total.amount, Kind.MONEY, "bold")])  # fmt: skip
        sheet.add_footer([Cell("注：混合质押的案件计入其每一种知识产权类型，各行合计可能大于在保总额，占比之和可能超过100%。",
                               None, "note")])  # fmt: skip
    else:
        _totals_row(sheet, {3: total.amount, 5: total.retained, 6: total.liability}, total.count)
    if chart and sheet.rows_written:
        rows = min(sheet.rows_written, 30)
        bar = book.add_chart({"type": "bar"})
        bar.add_series({
            "name": "在保余额（元）",
            "categories": [name, 3, 0, 2 + rows, 0],
            "values": [name, 3, 2, 2 + rows, 2],
            "data_labels": {"value": False},
        })  # fmt: skip
        bar.set_title({"name": "各银行在保余额（元）" + ("，前30家" if sheet.rows_written > 30 else ""), "name_font": {"size": 11}})
        bar.set_legend({"none": True})
        bar.set_x_axis({"min": 0, "num_format": "#,##0", "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        bar.set_y_axis({"reverse": True})
        height = max(300, 24 * rows + 90)
        bar.set_size({"width": 620, "height": height})
        sheet.finish()
        sheet.sheet.break_before(sheet.next_row + 1, height // 20 + 2)
        sheet.ws.insert_chart(sheet.next_row, 0, bar, {"y_offset": 6})  # below the table, so it prints after it
    sheet.finish()


def _turnaround(book: Book, rows: Iterable[TurnaroundRow], promise_days: tuple[int, int], title: str, subtitle: str,
                ticker: Ticker) -> TurnaroundStats:
    sheet = TableSheet(book, "流程时效", TURNAROUND_COLUMNS, title=title, subtitle=subtitle)
    stats = TurnaroundStats(promise_days)
    for r in rows:
        sheet.add_row((r.case_no, r.company, r.application_date, r.disbursed_on, r.calendar_days, r.working_days,
                       "是" if r.met_promise else "否"))  # fmt: skip
        stats.add(r.calendar_days, r.working_days, r.met_promise)
        ticker.tick()
    sheet.end_table()
    sheet.add_footer([])
    for label, value, kind in stats.lines():
        sheet.add_footer([Cell(label, None, "bold"), None, None, None, Cell(value, kind)])
    sheet.add_footer([])
    first = sheet.next_row  # header row of the distribution table
    sheet.add_footer([Cell("自然日分布", None, "bold"), None, None, None, Cell("件数", None, "bold")])
    buckets = stats.histogram()
    for label, count in buckets:
        sheet.add_footer([label, None, None, None, count])
    if stats.count:
        bar = book.add_chart({"type": "column"})
        bar.add_series({"name": "件数", "categories": ["流程时效", first, 0, first + len(buckets) - 1, 0],
                        "values": ["流程时效", first, 4, first + len(buckets) - 1, 4]})  # fmt: skip
        bar.set_title({"name": "办结时长分布（申请至放款，自然日）", "name_font": {"size": 11}})
        bar.set_legend({"none": True})
        bar.set_y_axis({"min": 0, "name": "件数", **({"major_unit": 1} if stats.count < 10 else {})})
        bar.set_size({"width": 560, "height": 280})
        sheet.sheet.break_before(sheet.next_row + 1, 280 // 20 + 2)
        sheet.ws.insert_chart(sheet.next_row, 0, bar, {"y_offset": 6})
    sheet.finish()
    return stats
