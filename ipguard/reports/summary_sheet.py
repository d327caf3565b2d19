"""The 概要 sheet of the monthly workbook, and the turnaround statistics.

Written last (see :mod:`ipguard.reports.monthly`), from :class:`Totals` that
were summed over the detail rows. Regulatory indicators carry their limit and
a status in words (正常 / 超限), red when breached, never colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ipguard.reports.models import MonthlySummary, ReportMeta
from ipguard.reports.xlsx import (
    ALERT_FONT,
    BOLD,
    HEADER_ALIGN,
    HEADER_BORDER,
    HEADER_FILL,
    SUBTITLE_FONT,
    TITLE_FONT,
    Kind,
    make_cell,
    setup_print,
)

BREACH = "超限"
WITHIN = "正常"


@dataclass(frozen=True)
class Totals:
    """Summary figures after reconciliation with the detail rows (money in fen)."""

    disbursed: int
    disbursed_amount: int
    released: int
    released_amount: int
    compensated: int
    compensated_amount: int
    in_force_count: int
    in_force_balance: int
    retained_exposure: int
    liability_balance: int
    largest_client_name: str
    largest_client_balance: int


def percentile(sorted_values: list[int], p: Decimal) -> Decimal:
    """Linear-interpolated percentile of sorted values, as Excel's PERCENTILE.INC."""
    if not sorted_values:
        raise ValueError("no values")
    h = (len(sorted_values) - 1) * p
    lo = int(h)
    frac = h - lo
    value = Decimal(sorted_values[lo])
    if frac and lo + 1 < len(sorted_values):
        value += frac * (sorted_values[lo + 1] - sorted_values[lo])
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


class TurnaroundStats:
    """Application-to-disbursement times collected while the rows stream (ints only)."""

    def __init__(self, promise_days: tuple[int, int]) -> None:
        self.promise_days = promise_days
        self.calendar: list[int] = []
        self.working: list[int] = []
        self.met = 0

    @property
    def count(self) -> int:
        return len(self.calendar)

    def add(self, calendar_days: int, working_days: int, met_promise: bool) -> None:
        self.calendar.append(calendar_days)
        self.working.append(working_days)
        self.met += bool(met_promise)

    def within(self, days: int) -> int:
        """Cases done within ``days`` calendar days."""
        return sum(1 for d in self.calendar if d <= days)

    def lines(self) -> list[tuple[str, object, Kind]]:
        """(label, value, kind) rows of the statistics block; '—' where there is no data."""
        lo, hi = self.promise_days
        cal, work = sorted(self.calendar), sorted(self.working)
        half, p90 = Decimal("0.5"), Decimal("0.9")

        def stat(values: list[int], p: Decimal) -> object:
            return percentile(values, p) if values else "—"

        rate: object = (Decimal(self.met) / Decimal(self.count)).quantize(Decimal("0.0001")) if self.count else "—"
        return [
            ("本月放款件数", self.count, Kind.INT),
            ("自然日中位数（天）", stat(cal, half), Kind.ONE_PLACE),
            ("自然日90分位（天）", stat(cal, p90), Kind.ONE_PLACE),
            ("工作日中位数（天）", stat(work, half), Kind.ONE_PLACE),
            ("工作日90分位（天）", stat(work, p90), Kind.ONE_PLACE),
            (f"{lo}个自然日内放款（件）", self.within(lo), Kind.INT),
            (f"{hi}个自然日内放款（件）", self.within(hi), Kind.INT),
            (f"达成{lo}–{hi}天承诺（件）", self.met, Kind.INT),
            ("承诺达成率", rate, Kind.PERCENT),
        ]

    def histogram(self) -> list[tuple[str, int]]:
        """Counts per calendar-day band: weekly up to the promise, then two more weeks, then the rest."""
        lo, hi = self.promise_days
        edges = sorted({7, lo, hi, hi + 7, hi + 14})
        bands: list[tuple[str, int]] = []
        start = 0
        for edge in edges:
            label = f"{edge}天以内" if start == 0 else f"{start}–{edge}天"
            bands.append((label, sum(1 for d in self.calendar if start <= d <= edge)))
            start = edge + 1
        bands.append((f"{start}天及以上", sum(1 for d in self.calendar if d >= start)))
        return bands


def _ratio(part: int, whole: int) -> Decimal:
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def write_summary(ws, meta: ReportMeta, summary: MonthlySummary, t: Totals, stats: TurnaroundStats, promise_days) -> None:
    """Fill the (still empty) 概要 write-only sheet."""
    for letter, width in zip("ABCDE", (46, 16, 22, 14, 48), strict=True):
        ws.column_dimensions[letter].width = width
    setup_print(ws)
    ws.freeze_panes = "A3"

    def text(value, font=None):
        return make_cell(ws, value, Kind.TEXT, font=font)

    def num(value, kind, font=None):
        return make_cell(ws, value, kind, font=font) if value is not None else None

    def header(*labels):
        cells = []
        for label in labels:
            cell = text(label, BOLD)
            cell.fill, cell.alignment, cell.border = HEADER_FILL, HEADER_ALIGN, HEADER_BORDER
            cells.append(cell)
        ws.append(cells)

    def line(label, count=None, amount=None, note=""):
        ws.append([text(label), num(count, Kind.INT), num(amount, Kind.MONEY), None, text(note) if note else None])

    ws.append([text(f"{meta.title} · 概要", TITLE_FONT)])
    span = f"统计期间 {meta.month:%Y-%m-%d} 至 {meta.month_end:%Y-%m-%d}　生成时间 {meta.generated_at:%Y-%m-%d %H:%M}"
    ws.append([text(span, SUBTITLE_FONT)])
    ws.append([])
    ws.append([text("一、本月业务", BOLD)])
    header("项目", "件数", "金额（元）", None, "说明")
    line("受理申请", summary.applications)
    line("准入未通过", summary.screened_out)
    line("保审会通过", summary.approved)
    line("保审会否决", summary.declined)
    line("出具担保意向函", summary.letters_issued)
    line("放款（本月新增在保）", t.disbursed, t.disbursed_amount, "= 本月新增 合计")
    line("解保", t.released, t.released_amount, "= 本月解保 合计")
    line("代偿", t.compensated, t.compensated_amount, "= 代偿及追偿 合计")
    line("追偿回收", None, summary.recovered_amount, "本月收回金额")
    ws.append([])
    ws.append([text(f"二、月末在保（截至 {meta.month_end:%Y-%m-%d}）", BOLD)])
    header("项目", "笔数", "金额（元）", None, "说明")
    line("在保余额", t.in_force_count, t.in_force_balance, "= 在保明细 担保金额合计")
    line("自留风险余额", None, t.retained_exposure, "扣除银行分担及再担保分担后；= 在保明细 合计")
    line("融资担保责任余额", None, t.liability_balance, "按《融资担保责任余额计量办法》折算；= 在保明细 合计")
    ws.append([])
    ws.append([text("三、监管指标", BOLD)])
    header("指标", "实际值", "上限", "状态", "说明")
    net = summary.guarantor_net_assets
    ws.append([text("净资产（元）"), None, num(net, Kind.MONEY)])
    _indicator(ws, text, num, "融资担保放大倍数（责任余额÷净资产）", t.liability_balance, net,
               summary.total_multiple_limit, Kind.MULTIPLE, f"融资担保责任余额 {_yuan(t.liability_balance)} 元")  # fmt: skip
    client = f"最大单一客户：{t.largest_client_name or '—'}，{_yuan(t.largest_client_balance)} 元"
    _indicator(ws, text, num, "单一客户集中度（最大单户责任余额÷净资产）", t.largest_client_balance, net,
               summary.single_client_limit_ratio, Kind.PERCENT, client)  # fmt: skip
    ws.append([])
    lo, hi = promise_days
    ws.append([text(f"四、流程时效（申请至放款，承诺 {lo}–{hi} 天）", BOLD)])
    header("项目", "数值", None, None, "说明")
    for label, value, kind in stats.lines():
        ws.append([text(label), num(value, kind) if not isinstance(value, str) else text(value)])
    ws.append([])
    ws.append([text("五、审计链", BOLD)])
    header("项目", "数值", None, None, "说明")
    ws.append([text("审计记录条数"), num(meta.audit_count, Kind.INT), None, None, text("生成报表时的审计记录总数")])
    ws.append([text("审计链头哈希（SHA-256）"), text(meta.audit_head_hash or "—"), None, None,
               text("可与数据库审计链核对，验证记录未被篡改")])  # fmt: skip


def _yuan(fen: int) -> str:
    from ipguard.money import format_yuan

    return format_yuan(fen)


def _indicator(ws, text, num, label, part, net, limit, kind, note) -> None:
    """One regulatory line: value, limit, status in words (red when breached)."""
    if net <= 0:
        status = "无法计算（净资产≤0）"
        ws.append([text(label), text("—"), num(limit, kind), text(status, ALERT_FONT), text(note)])
        return
    value = _ratio(part, net)
    breached = Decimal(part) > limit * net  # exact, not the rounded ratio
    status = text(BREACH if breached else WITHIN, ALERT_FONT if breached else None)
    ws.append([text(label), num(value, kind, ALERT_FONT if breached else None), num(limit, kind), status, text(note)])
