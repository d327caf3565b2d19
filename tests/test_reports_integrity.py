"""The monthly workbook as a board and a regulator receive it.

Intact for any input (every XML part parses, text stays text), status and
risk of each guarantee, a provisional current month, closed months that do
not move, SUBTOTAL totals, and the print form (A4, header, footer, scale).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from decimal import Decimal
from xml.dom import minidom

import openpyxl
import pytest

from ipguard import auth, clock, workflow
from ipguard.reports import xlsx
from ipguard.reports.risk import RiskRule, parse_rule
from ipguard.reports.service import export_cases, monthly_report
from ipguard.store import open_store
from ipguard.store.records import CaseFilter
from tests import factories
from tests.test_reports_db import walk
from tests.test_reports_writer import COMPS, META, SUMMARY, TURN, in_force, movements
from tests.workflow_helpers import cast

D = dt.date
HOSTILE = "坏\uffff字\ufffe符\ud800尾"
LONG = "长" * 40_000
STORABLE = "坏\uffff字\ufffe符"


def parts_parse(path) -> list[str]:
    """Every XML part of an xlsx parses; returns the part names."""
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if n.endswith((".xml", ".rels"))]
        for name in names:
            minidom.parseString(z.read(name))  # raises on invalid XML
    return names


def all_text(wb) -> list[str]:
    return [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


# -- intact for any input -----------------------------------------------------------------------------


def test_clean_text_makes_any_string_legal_xml_within_the_cell_limit():
    assert xlsx.clean_text("a\uffffb\ufffec\ud800d\x01e\tf\ng") == "a\ufffdb\ufffdc\ufffdd\ufffde\tf\ng"
    cut = xlsx.clean_text(LONG)
    assert len(cut) == xlsx.MAX_CELL_UNITS and cut.endswith("…")
    wide = xlsx.clean_text("𠀀" * 20_000)  # two UTF-16 units each
    assert len(wide.encode("utf-16-le")) // 2 <= xlsx.MAX_CELL_UNITS and wide.endswith("…")
    assert xlsx.clean_text("普通文本") == "普通文本"


@pytest.mark.parametrize("streamed", [False, True], ids=["in-memory", "streamed"])
def test_hostile_text_everywhere_gives_a_workbook_whose_every_part_parses(tmp_path, streamed):
    names = [HOSTILE, LONG, "=HYPERLINK(\"http://x\",\"点我\")", "=1+1", "@SUM(A1)", "<&>\"'"]
    rows = [dataclasses.replace(r, company=names[i % len(names)], bank=names[(i + 1) % len(names)],
                                account_manager=names[(i + 2) % len(names)], industry=HOSTILE, ip_types=HOSTILE,
                                group=names[i % len(names)], reguarantor=HOSTILE, target_tags=(HOSTILE,))
            for i, r in enumerate(in_force(12))]  # fmt: skip
    meta = dataclasses.replace(META, company_name="甲&乙" + HOSTILE + LONG, audit_head_hash=HOSTILE)
    moves = [dataclasses.replace(m, company=HOSTILE, note=LONG) for m in movements(3, 1)]
    comps = [dataclasses.replace(COMPS[0], company=LONG, status=HOSTILE)]
    turn = [dataclasses.replace(TURN[0], company=HOSTILE)]
    path = tmp_path / "hostile.xlsx"
    xlsx_writer = __import__("ipguard.reports.monthly", fromlist=["write_monthly"]).write_monthly
    xlsx_writer(path, meta, SUMMARY, iter(rows) if streamed else rows, moves, moves, comps, turn)
    assert len(parts_parse(path)) > 20
    with zipfile.ZipFile(path) as z:  # rows of unknown number stream (inline strings); a known few use shared strings
        assert ("xl/sharedStrings.xml" in z.namelist()) is not streamed
    wb = openpyxl.load_workbook(path)
    texts = all_text(wb)
    assert all(len(t) <= xlsx.MAX_CELL_UNITS for t in texts)
    assert not any(ch in t for t in texts for ch in "\uffff\ufffe\ud800")
    detail = wb["在保明细"]
    companies = [detail.cell(row=r, column=2) for r in range(4, 16)]
    assert all(c.data_type == "s" for c in companies)  # '=…' from a user is text, never a formula
    assert {c.value for c in companies} >= {"=1+1", "@SUM(A1)", "<&>\"'"}
    formulas = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas and all(f.startswith("=SUBTOTAL(") for f in formulas)  # the only formulas are our totals
    assert wb["概要"].HeaderFooter.oddHeader.left.text.startswith("甲&&乙")  # '&' escaped: printed as text, not a code


def test_a_hostile_company_name_in_the_database_gives_an_intact_report_and_export(tmp_path):
    path = tmp_path / "h.sqlite"
    with clock.frozen(D(2026, 12, 10)):
        store = open_store(path)
        c = cast(store)
        case_id = walk(store, c, 31, applied=D(2026, 10, 8), decided=D(2026, 10, 20), start=D(2026, 10, 28),
                       maturity=D(2027, 10, 27))  # fmt: skip
        # What intake refuses, written past it as an old or imported record could be. (A lone surrogate cannot
        # reach SQLite at all: Python refuses to encode it; the writer test above covers it.)
        with store.transaction():
            store.db.execute("UPDATE companies SET name = ? WHERE id = (SELECT company_id FROM cases WHERE id = ?)",
                             ["=1+1" + STORABLE + LONG, case_id])  # fmt: skip
        monthly_report(store, "2026-11", tmp_path / "m.xlsx")
        export_cases(store, CaseFilter(), tmp_path / "c.xlsx")
        store.close()
    for name in ("m.xlsx", "c.xlsx"):
        parts_parse(tmp_path / name)
    detail = openpyxl.load_workbook(tmp_path / "m.xlsx")["在保明细"]
    name = detail["B4"].value
    assert detail["B4"].data_type == "s" and name.startswith("=1+1坏\ufffd字\ufffd符") and len(name) == xlsx.MAX_CELL_UNITS


# -- status, risk and the as-of day ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    """X matures 2026-12-15 unpaid; Y defaulted 2026-04-10, never compensated; Z normal; W compensated."""
    path = tmp_path_factory.mktemp("status") / "s.sqlite"
    with clock.frozen(D(2026, 12, 20)):
        store = open_store(path)
        c = cast(store)
        ids = {
            "X": walk(store, c, 41, applied=D(2025, 11, 3), decided=D(2025, 11, 10), start=D(2025, 12, 16),
                      maturity=D(2026, 12, 15)),
            "Y": walk(store, c, 42, applied=D(2025, 12, 1), decided=D(2025, 12, 10), start=D(2026, 1, 5),
                      maturity=D(2027, 1, 4)),
            "Z": walk(store, c, 43, applied=D(2026, 9, 1), decided=D(2026, 9, 10), start=D(2026, 9, 25),
                      maturity=D(2027, 9, 24)),
            "W": walk(store, c, 44, applied=D(2026, 6, 1), decided=D(2026, 6, 10), start=D(2026, 6, 25),
                      maturity=D(2027, 6, 24)),
        }  # fmt: skip
        workflow.record_default(store, ids["Y"], c.ops, on="2026-04-10", expected_version=store.repos.cases.get(ids["Y"]).version)
        workflow.record_default(store, ids["W"], c.ops, on="2026-11-03", expected_version=store.repos.cases.get(ids["W"]).version)
        workflow.record_compensation(store, ids["W"], c.ops, amount="500000.00", paid_on="2026-11-12", expected_version=store.repos.cases.get(ids["W"]).version)
        workflow.record_recovery(store, ids["W"], c.ops, amount="200000.00", on="2026-11-20", source="cash", expected_version=store.repos.cases.get(ids["W"]).version)
        nos = {k: store.repos.cases.get(v).case_no for k, v in ids.items()}
        store.close()
    return path, nos


def report(path, month, out, today):
    with clock.frozen(today):
        result = monthly_report(path, month, out)
    return result, openpyxl.load_workbook(out, data_only=True)


def detail_rows(wb) -> dict[str, tuple]:
    rows = list(wb["在保明细"].iter_rows(min_row=4, values_only=True))
    return {r[0]: r for r in rows if r[0] and str(r[0]).startswith("KYD")}


def test_a_closed_month_shows_status_days_overdue_and_risk_class(book, tmp_path):
    path, nos = book
    result, wb = report(path, "2026-11", tmp_path / "nov.xlsx", D(2026, 12, 20))
    assert not result.provisional and result.as_of == D(2026, 11, 30)
    rows = detail_rows(wb)
    header = [c.value for c in wb["在保明细"][3]]
    assert header[-3:] == ["状态", "逾期天数", "风险分类"]
    x, y, z = rows[nos["X"]], rows[nos["Y"]], rows[nos["Z"]]
    assert (x[17], x[18], x[19], x[12]) == ("正常", None, "正常", 15)  # matures 15 days after the month end
    assert (y[17], y[18], y[19]) == ("逾期", (D(2026, 11, 30) - D(2026, 4, 10)).days, "可疑")  # 234 days: 181–360
    assert y[12] is not None and y[12] > 0
    assert (z[17], z[19]) == ("正常", "正常")
    assert nos["W"] not in rows  # compensated: no longer in force
    summary = {r[0]: r for r in wb["概要"].iter_rows(values_only=True) if r[0]}
    assert summary["其中：逾期"][1] == 1
    risk = {r[0]: r for r in wb["风险与集中度"].iter_rows(values_only=True) if r[0]}
    assert risk["可疑"][1] == 1 and risk["正常"][1] == 2 and risk["次级"][1] == 0
    ledger = list(wb["追偿台账"].iter_rows(min_row=4, values_only=True))
    assert ledger[0][0] == nos["W"] and Decimal(str(ledger[0][7])) == Decimal("300000")  # 500k paid − 200k recovered
    comp = {r[0]: r for r in wb["概要"].iter_rows(values_only=True) if r[0]}
    assert Decimal(str(comp["应收代偿款余额"][2])) == Decimal("300000")
    assert comp["代偿回收率（累计）"][1] == pytest.approx(0.4)


def test_the_current_month_is_provisional_and_as_of_today(book, tmp_path):
    path, nos = book
    result, wb = report(path, "2026-12", tmp_path / "dec.xlsx", D(2026, 12, 20))
    assert result.provisional and result.as_of == D(2026, 12, 20)
    title = wb["概要"]["A1"].value
    assert "临时" in title and "数据截至 2026-12-20（本月未结束，临时数据）" in wb["概要"]["A2"].value
    assert "2026-12-31" not in wb["概要"]["A2"].value
    assert wb["在保明细"].HeaderFooter.oddHeader.center.text.startswith("月度业务报表（临时）")
    x = detail_rows(wb)[nos["X"]]
    assert (x[17], x[18], x[19], x[12]) == ("逾期", 5, "关注", None)  # matured 12-15, 5 days before today
    # Earlier in the month the same loan is not overdue yet: days count to today, not to the month end.
    _, early = report(path, "2026-12", tmp_path / "dec1.xlsx", D(2026, 12, 1))
    x = detail_rows(early)[nos["X"]]
    assert (x[17], x[18], x[12]) == ("正常", None, 14)


def _figures(wb) -> list[tuple]:
    """Every value of every sheet except when it was made: the generation time and the audit chain head
    (an edit adds audit entries; the chain head says which record the report was made from, not what it says)."""
    import re

    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            if row[0] == "审计记录条数" or (isinstance(row[0], str) and re.fullmatch(r"[0-9a-f]{64}", row[0])):
                continue
            out.append(tuple(v for v in row if not (isinstance(v, str) and "生成时间" in v)))
    return out


def test_regenerating_a_closed_month_after_a_banks_terms_change_gives_identical_figures(book, tmp_path):
    import shutil

    path, _ = book
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    _, before = report(copy, "2026-11", tmp_path / "a.xlsx", D(2026, 12, 20))
    with clock.frozen(D(2026, 12, 20)):
        store = open_store(copy, create=False)
        for bank in store.repos.banks.all():
            store.repos.banks.save(dataclasses.replace(bank, bank_share_bp=5000, reguarantor_share_bp=0),
                                   acting_user_id=None, expected_version=bank.version)  # fmt: skip
        store.close()
    _, after = report(copy, "2026-11", tmp_path / "b.xlsx", D(2026, 12, 20))
    assert _figures(after) == _figures(before)


def test_regenerating_a_closed_month_after_net_assets_change_gives_identical_figures(book, tmp_path):
    import shutil

    from ipguard import admin

    path, _ = book
    copy = tmp_path / "copy.sqlite"
    shutil.copy(path, copy)
    _, before = report(copy, "2026-11", tmp_path / "a.xlsx", D(2026, 12, 20))
    with clock.frozen(D(2026, 12, 20)):
        store = open_store(copy, create=False)
        # An admin records new net assets (and the 15× leverage class) in December, valid from today.
        actor = auth.sign_in(store, "admin", factories.PASSWORD)
        admin.record_guarantor_figures(store, actor, net_assets_fen=99_000_000_000, mainly_small_micro=True,
                                       effective_date=D(2026, 12, 20))
        store.close()
    _, after = report(copy, "2026-11", tmp_path / "b.xlsx", D(2026, 12, 20))
    assert _figures(after) == _figures(before)
    # December, provisional as of the 20th, already uses the new figures.
    _, december = report(copy, "2026-12", tmp_path / "c.xlsx", D(2026, 12, 20))
    assert net_assets_line(december) == 990_000_000 and net_assets_line(after) == 1_500_000_000


def net_assets_line(wb) -> object:
    return next(row[1] for row in wb["概要"].iter_rows(values_only=True) if row[0] == "净资产（元）")


def test_regenerating_a_closed_month_later_gives_identical_figures(book, tmp_path):
    """Without edits, a closed month reads the same in December and in March (only the generation time differs)."""
    path, _ = book
    _, december = report(path, "2026-11", tmp_path / "a.xlsx", D(2026, 12, 20))
    _, march = report(path, "2026-11", tmp_path / "b.xlsx", D(2027, 3, 2))
    assert _figures(march) == _figures(december)


# -- the risk rule ---------------------------------------------------------------------------------------


def test_risk_rule_comes_from_the_product_file_and_is_checked():
    from ipguard.errors import ValidationError
    from ipguard.products import load_product

    rule = parse_rule(load_product().raw_text)
    assert rule == RiskRule(1, 91, 181, 361, "次级")
    assert [rule.classify(d) for d in (None, 0, 1, 90, 91, 180, 181, 360, 361)] == \
        ["正常", "正常", "关注", "关注", "次级", "次级", "可疑", "可疑", "损失"]  # fmt: skip
    assert rule.classify_compensated(10, closed=False, unrecovered=1) == "次级"
    assert rule.classify_compensated(400, closed=False, unrecovered=1) == "损失"
    assert rule.classify_compensated(10, closed=True, unrecovered=1) == "损失"
    for bad in ("special_mention_days = 0", "substandard_days = 1", "loss_days = \"x\"", "compensated_min_class = \"坏\""):
        with pytest.raises(ValidationError) as err:
            parse_rule(f"[risk_classification]\n{bad}\n")
        assert err.value.field == "risk_classification" and err.value.key == "risk_rule_invalid"


# -- totals and print form --------------------------------------------------------------------------------


def test_totals_are_subtotal_formulas_with_cached_values(tmp_path):
    from tests.test_reports_writer import write

    path = tmp_path / "m.xlsx"
    cached = write(path)  # data_only: what a reader that does not recalculate shows
    raw = openpyxl.load_workbook(path)
    for name, cols in (("在保明细", "HILPQ"), ("本月新增", "E"), ("代偿及追偿", "EFGHI"), ("按银行", "CEF")):
        ws, values = raw[name], cached[name]
        total_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "合计（筛选后）")
        last = total_row - 1
        assert ws[f"B{total_row}"].value == f"=SUBTOTAL(103,A4:A{last})", name
        for col in cols:
            assert ws[f"{col}{total_row}"].value == f"=SUBTOTAL(109,{col}4:{col}{last})", (name, col)
            column = [values[f"{col}{r}"].value for r in range(4, last + 1)]
            assert values[f"{col}{total_row}"].value == pytest.approx(sum(column)), (name, col)
    assert cached["在保明细"][f"B{3 + 30 + 1}"].value == 30
    assert cached["在保明细"][f"B{3 + 30 + 1}"].number_format == '#,##0" 笔"'


def test_every_sheet_prints_on_a4_with_header_footer_and_title_rows_at_a_legible_scale(tmp_path):
    from tests.test_reports_writer import write

    long_names = [dataclasses.replace(r, company="上海" + "长名称" * 12 + "有限公司", ip_types="发明专利、实用新型、注册商标、软件著作权")
                  for r in in_force(300)]  # fmt: skip
    wb = write(tmp_path / "m.xlsx", rows=long_names)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert setup.paperSize == 9, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage and setup.fitToHeight == 0, ws.title
        pages = setup.fitToWidth or 1  # 1 is the default, left out of the file
        assert pages in (1, 2), ws.title
        header = ws.HeaderFooter.oddHeader
        assert header.left.text.startswith("浦东科技融资担保有限公司"), ws.title
        assert header.center.text == f"月度业务报表 · {ws.title}" and header.right.text == "报表月份 2026年11月", ws.title
        assert ws.HeaderFooter.oddFooter.center.text == "第 &P 页 共 &N 页", ws.title
        assert ws.print_title_rows in ("$1:$3", "$1:$2"), ws.title
        widths = [d.width for d in ws.column_dimensions.values() if d.width for _ in range(d.min, d.max + 1)]
        scale = xlsx.print_scale(widths, setup.orientation, pages)
        assert scale >= xlsx.MIN_SCALE, (ws.title, scale)  # 11 pt × 0.75 ≥ 8 pt, even where a column unit is 9.5 px
    detail = wb["在保明细"]
    assert detail.row_dimensions[4].height == 4 * xlsx.ROW_POINTS  # 42 characters in a 24-wide column: 4 lines
    assert wb["在保明细"].page_setup.orientation == "landscape" and wb["在保明细"].page_setup.fitToWidth == 2


def test_output_file_follows_the_umask_not_0600(tmp_path):
    import os

    from tests.test_reports_writer import write

    old = os.umask(0o022)
    try:
        write(tmp_path / "m.xlsx")
    finally:
        os.umask(old)
    assert (tmp_path / "m.xlsx").stat().st_mode & 0o777 == 0o644


# -- the regulator's and the board's sheets ------------------------------------------------------------------


def block(ws, title: str) -> dict[str, tuple]:
    """The rows under the section whose title starts with ``title``, by their first cell (header row included)."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if r[0] and str(r[0]).startswith(title))
    out = {}
    for r in rows[start + 1:]:
        if r[0] is None:
            break
        out[r[0]] = r
    return out


def wan(path, sql, params=()) -> Decimal:
    with open_store(path, create=False) as store:
        fen = store.db.execute(sql, params).fetchone()[0]
    return Decimal(fen) / 1_000_000


def test_board_sheet_reconciles_with_sql_for_every_period(book, tmp_path):
    path, _ = book
    _, wb = report(path, "2026-11", tmp_path / "nov.xlsx", D(2026, 12, 20))
    ws = wb["监管报表"]
    assert "金额单位：万元" in ws["A2"].value
    flows = block(ws, "一、")
    assert flows["项目"][1:] == ("本月", "本年累计", "上月", "环比", "上年同月", "同比")
    periods = [("2026-11-01", "2026-11-30"), ("2026-01-01", "2026-11-30"), ("2026-10-01", "2026-10-31"),
               ("2025-11-01", "2025-11-30")]  # fmt: skip
    for label, sql in [
        ("新增担保金额（万元）", "SELECT COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE start_date BETWEEN ? AND ?"),
        ("代偿金额（万元）", "SELECT COALESCE(SUM(amount_fen), 0) FROM compensations WHERE paid_on BETWEEN ? AND ?"),
        ("追偿回收金额（万元）", "SELECT COALESCE(SUM(amount_fen), 0) FROM recoveries WHERE on_date BETWEEN ? AND ?"),
        ("新发生逾期金额（万元）", "SELECT COALESCE(SUM(loan_amount_fen), 0) FROM loans WHERE defaulted_on BETWEEN ? AND ?"),
        ("担保费收入（万元）", "SELECT COALESCE(SUM(fee_fen), 0) FROM loans WHERE fee_paid_on BETWEEN ? AND ?"),
    ]:
        line = flows[label]
        expected = [wan(path, sql, p) for p in periods]
        assert [Decimal(str(line[i])).quantize(Decimal("0.000001")) for i in (1, 2, 3, 5)] == expected, label
    assert flows["新增担保笔数（笔）"][2] == 3  # Y, Z, W started in 2026
    assert Decimal(str(flows["代偿金额（万元）"][1])) == Decimal(50)
    stocks = block(ws, "二、")
    assert stocks["项目"][1:] == ("本期末", "年初数", "上月末", "环比", "上年同月末", "同比")
    in_force = ("SELECT COALESCE(SUM(l.loan_amount_fen), 0) FROM loans l WHERE l.start_date <= :d AND (l.repaid_on IS NULL"
                " OR l.repaid_on > :d) AND l.case_id NOT IN (SELECT case_id FROM compensations WHERE paid_on <= :d)")  # fmt: skip
    balance = stocks["在保余额（万元）"]
    for col, day in ((1, "2026-11-30"), (2, "2025-12-31"), (3, "2026-10-31"), (5, "2025-11-30")):
        assert Decimal(str(balance[col])).quantize(Decimal("0.000001")) == wan(path, in_force, {"d": day}), day
    assert stocks["在保户数（户）"][1:3] == (3, 1)  # X, Y, Z now; X alone at the start of the year
    assert stocks["逾期笔数（笔）"][1] == 1 and Decimal(str(stocks["应收代偿款余额（万元）"][1])) == Decimal(30)
    now, before = Decimal(str(balance[1])), Decimal(str(balance[3]))
    assert Decimal(str(balance[4])) == ((now - before) / before).quantize(Decimal("0.0001"))  # 环比
    rows = list(ws.iter_rows(values_only=True))
    assert ("单位负责人：", None, "统计负责人：", None, "填表人：", None, "报出日期：") in rows
    pipeline = block(ws, "五、")
    assert pipeline["在办合计"][1] == 0  # every case here is past disbursement


def test_risk_sheet_groups_related_parties_by_actual_controller(book, tmp_path):
    import shutil

    path, nos = book
    copy = tmp_path / "related.sqlite"
    shutil.copy(path, copy)
    with open_store(copy, create=False) as store, store.transaction():
        ids = {k: store.db.execute("SELECT company_id FROM cases WHERE case_no = ?", [nos[k]]).fetchone()[0] for k in "XZ"}
        store.db.execute("UPDATE controllers SET name = '同一人', resident_id = (SELECT resident_id FROM controllers"
                         " WHERE company_id = ?) WHERE company_id IN (?, ?)", [ids["X"], ids["X"], ids["Z"]])  # fmt: skip
    _, wb = report(copy, "2026-11", tmp_path / "r.xlsx", D(2026, 12, 20))
    groups = block(wb["风险与集中度"], "三、")
    same = [r for k, r in groups.items() if str(k).startswith("同一人（证件尾号")]
    assert len(same) == 1 and same[0][1] == 2  # two companies, one group
    assert same[0][5] == pytest.approx(0.15)  # the related-party limit
    top = block(wb["风险与集中度"], "二、")
    assert len([k for k in top if k not in ("客户", "前十大客户合计")]) == 3
    ladder = block(wb["风险与集中度"], "六、")
    assert ladder["已逾期"][1] == 1 and sum(r[1] for k, r in ladder.items() if k != "到期期限") == 3
    tags = block(wb["风险与集中度"], "八、")
    assert len(tags) == 1 + 10  # header + every 三最七高 tag of the product, ticked or not
    policy = block(wb["风险与集中度"], "四、")
    assert policy["单户在保余额 ≤ 500万元 的客户"][1] == 3
