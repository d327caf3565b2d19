"""The regulator's and the board's sheets: 监管报表 (comparisons, sign-off) and 风险与集中度.

Amounts are in 万元, as regulatory statistical forms are (the detail sheets
stay in 元, exact to the fen). Comparisons: 本月 / 本年累计 for flows, 年初数
for stocks, 环比 against the previous month and 同比 against the same month a
year before, as ratios of change ('—' where the base is zero).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from ipguard.reports.models import BoardFigures, Flows, MonthlySummary, ReportMeta, Stock
from ipguard.reports.risk import CLASSES
from ipguard.reports.xlsx import Cell, Kind, Sheet

if TYPE_CHECKING:
    from ipguard.reports.monthly import InForceAggregate

W, P, N = Kind.WAN, Kind.PERCENT, Kind.INT
PIPELINE = ("intake", "screening", "valuation", "investigation", "committee", "intent_letter", "bank_approval",
            "contracts", "pledge_registration", "disbursement")  # fmt: skip


def _ratio(part: int | Decimal, whole: int | Decimal) -> Decimal | str:
    if not whole:
        return "—"
    return (Decimal(part) / Decimal(whole)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def _change(now: int, before: int) -> Cell:
    """(now − before) / before as a percentage; '—' without a base."""
    return _cell(_ratio(now - before, before), P)


def _cell(value: object, kind: Kind) -> Cell:
    """A number, or the '—' that stands for none, right-aligned like the numbers around it."""
    return Cell(value, kind) if not isinstance(value, str) else Cell(value, Kind.TEXT, "right")


def _title(ws: Sheet, meta: ReportMeta, name: str, widths: tuple[float, ...]) -> None:
    ws.set_widths(widths)
    ws.print_setup(title_rows=2)
    ws.append([Cell(f"{meta.title} · {name}", None, "title")])
    ws.append([Cell(f"{meta.as_of_label}　金额单位：万元", None, "subtitle")])
    if meta.provisional:
        ws.append([Cell("临时报表：本月尚未结束，月末后请重新生成正式报表。", None, "alert")])


def _header(ws: Sheet, *labels: str) -> None:
    ws.append([Cell(label, None, "header") for label in labels])


def _section(ws: Sheet, label: str) -> None:
    ws.append([])
    ws.append([Cell(label, None, "bold")])


def write_board(ws: Sheet, meta: ReportMeta, summary: MonthlySummary, board: BoardFigures | None,
                agg: InForceAggregate, stage_labels: dict[str, str]) -> None:  # fmt: skip
    """监管报表: flows and stocks with their comparisons, IP pledges, pipeline, sign-off block."""
    _title(ws, meta, "监管报表", (34, 14, 14, 14, 12, 14, 12))
    if board is None:
        ws.append(["未提供期间对比数据（仅由明细行生成的报表）。"])
        _signoff(ws)
        return
    _section(ws, "一、本期业务发生额")
    _header(ws, "项目", "本月", "本年累计", "上月", "环比", "上年同月", "同比")

    def compared(periods: tuple[object, object, object, object]) -> Callable[[str, str, Kind], None]:
        """A row writer: this period, the second column, the previous one with 环比, last year's with 同比."""

        def row(label: str, attr: str, kind: Kind) -> None:
            a, b, c, d = (getattr(p, attr) for p in periods)
            ws.append([label, Cell(a, kind), Cell(b, kind), Cell(c, kind), _change(a, c), Cell(d, kind), _change(a, d)])

        return row

    m, y, now = board.month, board.year_to_date, board.now
    flow = compared((board.month, board.year_to_date, board.previous_month, board.last_year_month))

    flow("新增担保笔数（笔）", "disbursed", N)
    flow("新增担保金额（万元）", "disbursed_amount", W)
    flow("新增担保户数（户）", "new_clients", N)
    flow("其中：首次在本公司担保的企业（户）", "first_time_clients", N)
    flow("解除担保金额（万元）", "released_amount", W)
    flow("新发生逾期笔数（笔）", "defaulted", N)
    flow("新发生逾期金额（万元）", "defaulted_amount", W)
    flow("代偿笔数（笔）", "compensated", N)
    flow("代偿金额（万元）", "compensated_amount", W)
    flow("追偿回收金额（万元）", "recovered_amount", W)
    flow("担保费收入（万元）", "fee_income", W)
    flow("完成知识产权质押登记（件）", "registrations", N)

    _section(ws, "二、期末余额")
    _header(ws, "项目", "本期末", "年初数", "上月末", "环比", "上年同月末", "同比")
    stock = compared((board.now, board.year_start, board.previous_month_end, board.last_year_month_end))

    stock("在保余额（万元）", "balance", W)
    stock("在保笔数（笔）", "in_force", N)
    stock("在保户数（户）", "clients", N)
    stock("逾期余额（万元）", "overdue_balance", W)
    stock("逾期笔数（笔）", "overdue", N)
    stock("累计代偿（万元）", "compensated_total", W)
    stock("累计追偿回收（万元）", "recovered_total", W)
    stock("应收代偿款余额（万元）", "receivable", W)

    _section(ws, "三、主要指标")
    _header(ws, "指标", "本期", "", "说明", "", "", "")
    base = y.released_amount + y.compensated_amount
    rows = [
        ("担保代偿率（本年）", _ratio(y.compensated_amount, base), "本年累计代偿额 ÷ 本年累计解除的担保额"),
        ("代偿回收率（累计）", _ratio(now.recovered_total, now.compensated_total), "累计追偿回收 ÷ 累计代偿"),
        ("逾期率", _ratio(now.overdue_balance, now.balance), "逾期余额 ÷ 在保余额"),
        ("平均年化担保费率", agg.average_fee_rate(), "在保余额加权；担保费 ÷ 担保金额 ÷ 期限（年）"),
    ]
    for label, value, note in rows:
        ws.append([label, _cell(value, P), None, Cell(note, None, "note")])

    _section(ws, "四、知识产权质押")
    _header(ws, "项目", "本月", "本年累计", "", "", "", "")
    ws.append(["完成质押登记（件）", Cell(m.registrations, N), Cell(y.registrations, N)])
    ws.append(["登记用时中位数（自然日，提交至登记）", _cell(_median(m.registration_days), Kind.ONE_PLACE),
               _cell(_median(y.registration_days), Kind.ONE_PLACE)])  # fmt: skip
    ws.append(["首次在本公司担保的企业（户）", Cell(m.first_time_clients, N), Cell(y.first_time_clients, N)])
    _header(ws, "在保项下已登记质押的知识产权", "项数", "涉及笔数", "", "", "", "")
    for label, assets, cases in board.pledged_assets:
        ws.append([label, Cell(assets, N), Cell(cases, N)])
    if not board.pledged_assets:
        ws.append(["（无）"])

    _section(ws, f"五、业务进度（截至 {meta.as_of:%Y-%m-%d} 各阶段在办案件）")
    _header(ws, "阶段", "件数", "", "", "", "", "")
    stages = dict(now.stages)
    for code in PIPELINE:
        ws.append([stage_labels.get(code, code), Cell(stages.get(code, 0), N)])
    ws.append([Cell("在办合计", None, "bold"), Cell(sum(stages.get(c, 0) for c in PIPELINE), N, "bold")])
    _signoff(ws)


def _median(values: tuple[int, ...]) -> Decimal | str:
    if not values:
        return "—"
    ordered = sorted(values)
    mid = len(ordered) // 2
    value = Decimal(ordered[mid]) if len(ordered) % 2 else (Decimal(ordered[mid - 1]) + ordered[mid]) / 2
    return value.quantize(Decimal("0.1"))


def _signoff(ws: Sheet) -> None:
    """The sign-off block of a statistical form."""
    ws.append([])
    ws.append([])
    ws.append(["单位负责人：", None, "统计负责人：", None, "填表人：", None, "报出日期："])
    ws.append([])
    ws.append([Cell("（签字）", None, "note"), None, Cell("（签字）", None, "note"), None, Cell("（签字）", None, "note"),
               None, Cell("年　　月　　日", None, "note")])  # fmt: skip


def write_risk(ws: Sheet, meta: ReportMeta, summary: MonthlySummary, agg: InForceAggregate,
               board: BoardFigures | None) -> None:  # fmt: skip
    """风险与集中度: five classes, concentration, policy shares, liability by type, maturity ladder, tags."""
    _title(ws, meta, "风险与集中度", (36, 12, 14, 12, 14, 12, 12))
    net = summary.guarantor_net_assets
    total = agg.total

    _section(ws, "一、风险分类（五级）")
    _header(ws, "类别", "笔数", "在保余额", "余额占比", "责任余额", "", "")
    for name in CLASSES:
        b = agg.classes.get(name)
        count, amount, liability = (b.count, b.amount, b.liability) if b else (0, 0, 0)
        ws.append([name, Cell(count, N), Cell(amount, W), _cell(_ratio(amount, total.amount), P), Cell(liability, W)])
    bad = sum(agg.classes[c].amount for c in CLASSES[2:] if c in agg.classes)
    ws.append([Cell("不良（次级＋可疑＋损失）", None, "bold"), None, Cell(bad, W, "bold"),
               _cell(_ratio(bad, total.amount), P)])  # fmt: skip
    ws.append([Cell("分类规则见产品参数 [risk_classification]（按逾期天数；已代偿未结案的另见追偿台账）。", None, "note")])

    _section(ws, "二、前十大客户（按融资担保责任余额）")
    _header(ws, "客户", "在保笔数", "在保余额", "责任余额", "占净资产", "上限", "状态")
    limit = summary.single_client_limit_ratio
    for client in agg.top_clients(10):
        b = client.bucket
        share = _ratio(b.liability, net)
        status = "超限" if net > 0 and Decimal(b.liability) > limit * net else "正常"
        ws.append([client.name, Cell(b.count, N), Cell(b.amount, W), Cell(b.liability, W), _cell(share, P),
                   Cell(limit, P), Cell(status, None, "alert_center" if status == "超限" else "center")])  # fmt: skip
    top10 = sum(c.bucket.liability for c in agg.top_clients(10))
    ws.append([Cell("前十大客户合计", None, "bold"), None, None, Cell(top10, W, "bold"), _cell(_ratio(top10, net), P)])

    _section(ws, "三、前十大关联集团（关联方未登记时按实际控制人归并）")
    _header(ws, "实际控制人 / 集团", "户数", "在保余额", "责任余额", "占净资产", "上限", "状态")
    glimit = summary.single_group_limit_ratio
    for group, clients, b in agg.related_groups()[:10]:
        share = _ratio(b.liability, net)
        status = "超限" if net > 0 and Decimal(b.liability) > glimit * net else "正常"
        ws.append([group, Cell(clients, N), Cell(b.amount, W), Cell(b.liability, W), _cell(share, P), Cell(glimit, P),
                   Cell(status, None, "alert_center" if status == "超限" else "center")])  # fmt: skip

    _section(ws, "四、政策性指标")
    _header(ws, "指标", "户数/笔数", "在保余额", "占比", "", "", "")
    small_clients, small_amount = agg.policy_clients()
    ws.append(["单户在保余额 ≤ 500万元 的客户", Cell(small_clients, N), Cell(small_amount, W),
               _cell(_ratio(small_amount, total.amount), P)])  # fmt: skip
    ws.append(["小微企业（支小）", Cell(agg.small_micro.count, N), Cell(agg.small_micro.amount, W),
               _cell(_ratio(agg.small_micro.amount, total.amount), P)])  # fmt: skip
    ws.append(["平均年化担保费率（余额加权）", None, None, _cell(agg.average_fee_rate(), P)])
    if board is not None:
        ws.append(["担保费收入（本月）", None, Cell(board.month.fee_income, W)])
        ws.append(["担保费收入（本年累计）", None, Cell(board.year_to_date.fee_income, W)])

    _section(ws, "五、融资担保责任余额（按业务类型）")
    _header(ws, "业务类型", "笔数", "自留风险余额", "权重", "责任余额", "", "")
    for weight in sorted(agg.weights):
        b = agg.weights[weight]
        label = "借款类担保（小微企业，单户≤500万元）" if weight < 1 else "借款类担保（其他）"
        ws.append([label, Cell(b.count, N), Cell(b.retained, W), Cell(weight, P), Cell(b.liability, W)])
    ws.append([Cell("合计", None, "bold"), Cell(total.count, N, "bold"), Cell(total.retained, W, "bold"), None,
               Cell(total.liability, W, "bold")])  # fmt: skip

    _section(ws, "六、到期分布")
    _header(ws, "到期期限", "笔数", "在保余额", "余额占比", "", "", "")
    for label in ("已逾期", "1个月内到期", "1–3个月到期", "3–6个月到期", "6–12个月到期", "12个月以上到期"):
        b = agg.maturity.get(label)
        count, amount = (b.count, b.amount) if b else (0, 0)
        ws.append([label, Cell(count, N), Cell(amount, W), _cell(_ratio(amount, total.amount), P)])

    _section(ws, "七、再担保分担（按再担保机构）")
    _header(ws, "再担保机构", "笔数", "分出余额", "占在保余额", "", "", "")
    for name, (count, part) in sorted(agg.reguarantors.items(), key=lambda kv: -kv[1][1]):
        ws.append([name, Cell(count, N), Cell(part, W), _cell(_ratio(part, total.amount), P)])
    if not agg.reguarantors:
        ws.append(["（无）"])

    _section(ws, "八、目标客户标签（三最七高）")
    _header(ws, "标签", "在保笔数", "在保余额", "余额占比", "", "", "")
    order = list(board.tag_labels) if board is not None else []
    order += sorted(t for t in agg.tags if t not in order)  # a tag no longer in the product still counts
    for tag in order:
        b = agg.tags.get(tag)
        count, amount = (b.count, b.amount) if b else (0, 0)
        ws.append([tag, Cell(count, N), Cell(amount, W), _cell(_ratio(amount, total.amount), P)])
    if not order:
        ws.append(["（无）"])


__all__ = ["Flows", "Stock", "write_board", "write_risk"]
