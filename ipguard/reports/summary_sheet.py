"""The 概要 sheet of the monthly workbook, and the turnaround statistics.

Written last (see :mod:`ipguard.reports.monthly`), from :class:`Totals` that
were summed over the detail rows. Regulatory indicators carry their limit and
a status in words (正常 / 超限), red when breached, never colour alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ipguard.money import format_yuan
from ipguard.reports.models import BoardFigures, MonthlySummary, ReportMeta
from ipguard.reports.xlsx import Cell, Kind, Sheet

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
    overdue_count: int = 0
    overdue_balance: int = 0
    largest_group_name: str = ""
    largest_group_balance: int = 0


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


def ratio_or_dash(part: int, whole: int) -> Decimal | str:
    """part / whole to 4 places, or '—' when there is no base."""
    return _ratio(part, whole) if whole else "—"


def write_summary(ws: Sheet, meta: ReportMeta, summary: MonthlySummary, t: Totals, stats: TurnaroundStats,
                  promise_days: tuple[int, int], board: BoardFigures | None = None) -> None:  # fmt: skip
    """Fill the (still empty) 概要 sheet."""
    ws.set_widths((40, 14, 18, 12, 44))
    ws.print_setup(title_rows=2)

    def text(value: object, style: str = "") -> Cell:
        return Cell(value, Kind.TEXT, style)

    def num(value: object, kind: Kind, style: str = "") -> Cell | None:
        return Cell(value, kind, style) if value is not None else None

    def header(*labels: str | None) -> None:
        ws.append([Cell(label, None, "header") if label else Cell(None, None, "header") for label in labels])

    def line(label: str, count: int | None = None, amount: int | None = None, note: str = "") -> None:
        ws.append([text(label), num(count, Kind.INT), num(amount, Kind.MONEY), None, text(note) if note else None])

    ws.append([text(f"{meta.title} · 概要", "title")])
    span = f"统计期间 {meta.month:%Y-%m-%d} 至 {meta.as_of:%Y-%m-%d}　{meta.as_of_label}　生成时间 {meta.generated_at:%Y-%m-%d %H:%M}"
    ws.append([text(span, "subtitle")])
    if meta.provisional:
        ws.append([text(f"临时报表：{meta.month_label}尚未结束，数据截至 {meta.as_of:%Y-%m-%d}，月末后请重新生成正式报表。",
                        "alert")])  # fmt: skip
    ws.append([])
    ws.append([text("一、本月业务", "bold")])
    header("项目", "件数", "金额（元）", None, "说明")
    line("受理申请", summary.applications)
    line("准入未通过", summary.screened_out)
    line("保审会通过", summary.approved)
    line("保审会否决", summary.declined)
    line("出具担保意向函", summary.letters_issued)
    line("放款（本月新增在保）", t.disbursed, t.disbursed_amount, "= 本月新增 合计")
    line("解保", t.released, t.released_amount, "= 本月解保 合计")
    if board is not None:
        line("新发生逾期", board.month.defaulted, board.month.defaulted_amount, "本月记录违约（逾期）的担保")
    line("代偿", t.compensated, t.compensated_amount, "= 代偿及追偿 合计")
    line("追偿回收", None, summary.recovered_amount, "本月收回金额")
    ws.append([])
    ws.append([text(f"二、在保（截至 {meta.as_of:%Y-%m-%d}）", "bold")])
    header("项目", "笔数", "金额（元）", None, "说明")
    line("在保余额", t.in_force_count, t.in_force_balance, "= 在保明细 担保金额合计")
    line("其中：逾期", t.overdue_count, t.overdue_balance, "已违约或已过到期日未结清、尚未代偿；见在保明细 状态列")
    line("自留风险余额", None, t.retained_exposure, "扣除银行分担及再担保分担后；= 在保明细 合计")
    line("融资担保责任余额", None, t.liability_balance, "按《融资担保责任余额计量办法》折算；= 在保明细 合计")
    ws.append([])
    ws.append([text("三、监管指标", "bold")])
    header("指标", "实际值", "上限", "状态", "说明")
    net = summary.guarantor_net_assets
    ws.append([text("净资产（元）"), num(net, Kind.MONEY), None, None, text(f"{meta.as_of:%Y-%m-%d} 有效的净资产")])
    _indicator(ws, text, num, "融资担保放大倍数（责任余额÷净资产）", t.liability_balance, net,
               summary.total_multiple_limit, Kind.MULTIPLE, f"融资担保责任余额 {format_yuan(t.liability_balance)} 元")  # fmt: skip
    client = f"最大单一客户：{t.largest_client_name or '—'}，{format_yuan(t.largest_client_balance)} 元"
    _indicator(ws, text, num, "单一客户集中度（最大单户责任余额÷净资产）", t.largest_client_balance, net,
               summary.single_client_limit_ratio, Kind.PERCENT, client)  # fmt: skip
    group = f"最大关联集团（按实际控制人）：{t.largest_group_name or '—'}，{format_yuan(t.largest_group_balance)} 元"
    _indicator(ws, text, num, "单一集团客户集中度（关联方合计÷净资产）", t.largest_group_balance, net,
               summary.single_group_limit_ratio, Kind.PERCENT, group)  # fmt: skip
    if board is not None:
        ws.append([])
        ws.append([text("四、代偿与损失", "bold")])
        header("指标", "数值", "金额（元）", None, "说明")
        year = board.year_to_date
        released_base = year.released_amount + year.compensated_amount
        ws.append([text("当期代偿"), num(board.month.compensated, Kind.INT), num(board.month.compensated_amount, Kind.MONEY)])
        ws.append([text("本年累计代偿"), num(year.compensated, Kind.INT), num(year.compensated_amount, Kind.MONEY)])
        ws.append([text("累计代偿（开业以来）"), None, num(board.now.compensated_total, Kind.MONEY)])
        ws.append([text("累计追偿回收"), None, num(board.now.recovered_total, Kind.MONEY)])
        ws.append([text("应收代偿款余额"), None, num(board.now.receivable, Kind.MONEY),
                   None, text("已代偿未收回、追偿未结案的部分；见 追偿台账")])  # fmt: skip
        rate = ratio_or_dash(year.compensated_amount, released_base)
        ws.append([text("担保代偿率（本年）"), _pct(rate), None, None,
                   text("本年累计代偿额 ÷ 本年累计解除的担保额（解保＋代偿）")])  # fmt: skip
        back = ratio_or_dash(board.now.recovered_total, board.now.compensated_total)
        ws.append([text("代偿回收率（累计）"), _pct(back), None, None, text("累计追偿回收 ÷ 累计代偿")])
    ws.append([])
    lo, hi = promise_days
    ws.append([text(f"{'五' if board is not None else '四'}、流程时效（申请至放款，承诺 {lo}–{hi} 天）", "bold")])
    header("项目", "数值", None, None, "说明")
    for label, value, kind in stats.lines():
        ws.append([text(label), num(value, kind) if not isinstance(value, str) else text(value, "right")])
    ws.append([])
    ws.append([text(f"{'六' if board is not None else '五'}、审计链", "bold")])
    header("项目", "数值", None, None, "说明")
    ws.append([text("审计记录条数"), num(meta.audit_count, Kind.INT), None, None, text("生成报表时的审计记录总数")])
    ws.append([text("审计链头哈希（SHA-256，完整 64 位，可与数据库审计链核对）")])
    ws.append([text(meta.audit_head_hash or "—", "bold")])  # alone on its row: it prints whole across the page


def _pct(value: Decimal | str) -> Cell:
    return Cell(value, Kind.PERCENT) if not isinstance(value, str) else Cell(value, Kind.TEXT, "right")


def _indicator(ws: Sheet, text: Callable[..., Cell], num: Callable[..., Cell | None], label: str, part: int, net: int,
               limit: Decimal, kind: Kind, note: str) -> None:  # fmt: skip
    """One regulatory line: value, limit, status in words (red when breached)."""
    if net <= 0:
        ws.append([text(label), text("—", "right"), num(limit, kind), text("无法计算（净资产≤0）", "alert_center"), text(note)])
        return
    value = _ratio(part, net)
    breached = Decimal(part) > limit * net  # exact, not the rounded ratio
    status = text(BREACH if breached else WITHIN, "alert_center" if breached else "center")
    ws.append([text(label), num(value, kind, "alert" if breached else ""), num(limit, kind), status, text(note)])
