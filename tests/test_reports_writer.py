"""The xlsx writers: read every workbook back with openpyxl (normal mode) and check what a reader sees."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, timedelta
from decimal import Decimal

import openpyxl
import pytest

from ipguard.errors import IpguardError
from ipguard.reports import (
    CaseListRow,
    CompensationRow,
    InForceRow,
    MonthlySummary,
    MovementRow,
    ReportMeta,
    TurnaroundRow,
    export_case_list,
    write_monthly,
    xlsx,
)
from ipguard.reports.summary_sheet import percentile

SHEETS = ["概要", "监管报表", "风险与集中度", "在保明细", "本月新增", "本月解保", "代偿及追偿", "追偿台账", "按银行", "按行业",
          "按知识产权类型", "按客户经理", "流程时效"]
DETAIL = SHEETS[3:]
META = ReportMeta("浦东科技融资担保有限公司", (2026, 11), datetime(2026, 12, 1, 9, 30), audit_head_hash="ab" * 32, audit_count=77)
BANKS = ["上海银行浦东分行", "浦发银行张江科技支行", "交通银行上海分行"]


def in_force(n: int = 30) -> list[InForceRow]:
    rows = []
    for i in range(n):
        amount = (i + 1) * 10_000_000 + 37  # odd fen on purpose
        retained = amount * 8 // 10
        rows.append(
            InForceRow(
                f"KYD-{i:04d}", f"上海测试{i % 7}科技有限公司", f"9131011{i % 7:011d}", BANKS[i % 3], ["张伟", "王芳"][i % 2],
                ["集成电路", "生物医药", ""][i % 3], ["发明专利", "发明专利、注册商标", "软件著作权"][i % 3], amount, amount,
                date(2026, 1, 1) + timedelta(days=i), date(2027, 1, 1) + timedelta(days=i), amount // 100, 32 + i,
                Decimal("0.20"), Decimal("0"), retained, retained * 3 // 4,
            )
        )  # fmt: skip
    return rows


def movements(n: int, base: int) -> list[MovementRow]:
    return [MovementRow(f"KYD-{base + i}", f"新增{i}公司", BANKS[0], "张伟", 1_000_000 * (i + 1) + 1, date(2026, 11, 3 + i))
            for i in range(n)]  # fmt: skip


COMPS = [CompensationRow("KYD-9", "代偿公司", BANKS[1], date(2026, 11, 18), 300_000_00, 30_000_00, 135_000_00, 135_000_00, 5_00, "追偿中")]
TURN = [TurnaroundRow(f"KYD-{i}", "公司", date(2026, 10, 20), date(2026, 10, 20) + timedelta(days=d), d, d * 5 // 7, d <= 21)
        for i, d in enumerate([10, 14, 18, 21, 25, 40])]  # fmt: skip
SUMMARY = MonthlySummary(applications=9, screened_out=2, approved=5, declined=1, letters_issued=4, guarantor_net_assets=10**11)


def write(path, summary=SUMMARY, rows=None, **kw):
    write_monthly(path, META, summary, rows if rows is not None else in_force(), movements(4, 100), movements(2, 200),
                  COMPS, TURN, **kw)  # fmt: skip
    return openpyxl.load_workbook(path, data_only=True)


def fen(value: float) -> int:
    return round(Decimal(str(value)) * 100)


def find(ws, label):
    """The row (as a list of cells) whose column A equals ``label``."""
    for row in ws.iter_rows():
        if row[0].value == label:
            return row
    raise AssertionError(f"{label} not found in {ws.title}")


def test_sheets_titles_headers_and_form(tmp_path):
    wb = write(tmp_path / "m.xlsx")
    assert wb.sheetnames == SHEETS
    ws = wb["在保明细"]
    assert ws["A1"].value == "浦东科技融资担保有限公司 2026年11月 月度业务报表 · 在保明细"
    assert ws["A1"].font.b
    headers = [c.value for c in ws[3]]
    assert headers[:3] == ["案件编号", "企业名称", "统一社会信用代码"]
    assert "担保金额（元）" in headers and "融资担保责任余额（元）" in headers
    assert ws["H3"].font.b and ws["H3"].fill.fgColor.rgb.endswith("DDEBF7")
    assert ws.freeze_panes == "B4"
    assert ws.auto_filter.ref == "A3:T33"
    assert ws.print_title_rows == "$1:$3"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    # Chinese names are wider than codes; widths are capped
    widths = {k: v.width for k, v in ws.column_dimensions.items()}
    assert widths["B"] > widths["E"] and max(widths.values()) <= 40
    for name in DETAIL:
        assert wb[name]["A3"].value, name


def test_cell_types_and_number_formats(tmp_path):
    ws = write(tmp_path / "m.xlsx")["在保明细"]
    row = ws[4]
    assert isinstance(row[0].value, str) and row[0].value == "KYD-0000"
    assert row[7].value == pytest.approx(100000.37) and row[7].number_format == "#,##0.00"
    assert isinstance(row[9].value, datetime) and row[9].value.date() == date(2026, 1, 1)
    assert row[9].number_format == "yyyy-mm-dd"
    assert row[12].value == 32 and isinstance(row[12].value, int)
    assert row[13].value == pytest.approx(0.2) and row[13].number_format == "0.00%"


def test_summary_equals_detail_sums(tmp_path):
    rows = in_force(30)
    wb = write(tmp_path / "m.xlsx", rows=rows)
    detail = wb["在保明细"]
    data = list(detail.iter_rows(min_row=4, max_row=33))
    balance = sum(fen(r[7].value) for r in data)
    assert balance == sum(r.guarantee_amount for r in rows)
    assert fen(find(detail, "合计（筛选后）")[7].value) == balance
    summary = wb["概要"]
    in_force_line = find(summary, "在保余额")
    assert in_force_line[1].value == 30 and fen(in_force_line[2].value) == balance
    assert fen(find(summary, "自留风险余额")[2].value) == sum(fen(r[15].value) for r in data)
    assert fen(find(summary, "融资担保责任余额")[2].value) == sum(fen(r[16].value) for r in data)
    disbursed = find(summary, "放款（本月新增在保）")
    new_rows = list(wb["本月新增"].iter_rows(min_row=4, max_row=7))
    assert disbursed[1].value == 4 and fen(disbursed[2].value) == sum(fen(r[4].value) for r in new_rows)
    assert find(summary, "解保")[1].value == 2
    assert fen(find(summary, "代偿")[2].value) == 300_000_00
    for name in ("按银行", "按行业", "按客户经理"):
        ws = wb[name]
        total = find(ws, "合计（筛选后）")
        groups = [r for r in ws.iter_rows(min_row=4, max_row=total[0].row - 1)]
        assert sum(r[1].value for r in groups) == 30, name
        assert sum(fen(r[2].value) for r in groups) == balance == fen(total[2].value), name
        assert sum(Decimal(str(r[3].value)) for r in groups) == pytest.approx(Decimal(1), abs=Decimal("0.0001"))
    ip = wb["按知识产权类型"]
    assert fen(find(ip, "发明专利")[2].value) == sum(r.guarantee_amount for r in rows if "发明专利" in r.ip_types)


def test_regulatory_indicators_and_breach_flag(tmp_path):
    ok = write(tmp_path / "ok.xlsx")["概要"]
    multiple = find(ok, "融资担保放大倍数（责任余额÷净资产）")
    assert multiple[3].value == "正常" and multiple[2].value == 10 and multiple[1].number_format == '0.00"倍"'
    tight = MonthlySummary(applications=0, screened_out=0, approved=0, declined=0, letters_issued=0, guarantor_net_assets=10_000_000)
    ws = write(tmp_path / "bad.xlsx", summary=tight)["概要"]
    multiple = find(ws, "融资担保放大倍数（责任余额÷净资产）")
    single = find(ws, "单一客户集中度（最大单户责任余额÷净资产）")
    assert multiple[3].value == "超限" and single[3].value == "超限"  # in words, not only red
    assert single[2].value == pytest.approx(0.1) and single[2].number_format == "0.00%"
    net = find(ws, "净资产（元）")
    assert net[1].value == 100_000 and net[2].value is None  # the figure, not in the 上限 column
    hash_label = find(ws, "审计链头哈希（SHA-256，完整 64 位，可与数据库审计链核对）")
    assert ws.cell(row=hash_label[0].row + 1, column=1).value == "ab" * 32  # alone on its row, printed whole
    assert find(ws, "审计记录条数")[1].value == 77


def test_turnaround_statistics(tmp_path):
    wb = write(tmp_path / "m.xlsx")
    ws = wb["流程时效"]
    assert [c.value for c in ws[3]] == ["案件编号", "企业名称", "申请日", "放款日", "自然日", "工作日", "达成承诺"]
    assert find(ws, "自然日中位数（天）")[4].value == pytest.approx(19.5)
    assert find(ws, "自然日90分位（天）")[4].value == pytest.approx(32.5)  # PERCENTILE.INC
    assert find(ws, "达成14–21天承诺（件）")[4].value == 4
    assert find(ws, "7天以内")[4].value == 0 and find(ws, "8–14天")[4].value == 2 and find(ws, "36天及以上")[4].value == 1
    assert percentile(list(range(1, 11)), Decimal("0.9")) == Decimal("9.1")


def test_empty_month_has_headers_and_no_error(tmp_path):
    path = tmp_path / "empty.xlsx"
    write_monthly(path, META, SUMMARY, [], [], [], [], [])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    for name in DETAIL:
        assert wb[name]["A3"].value, name
        assert wb[name].auto_filter.ref.endswith("3"), name
    summary = wb["概要"]
    assert find(summary, "在保余额")[1].value == 0
    assert find(summary, "自然日中位数（天）")[1].value == "—"


def test_caller_summary_is_checked_against_rows(tmp_path):
    path = tmp_path / "m.xlsx"
    wrong = MonthlySummary(applications=1, screened_out=0, approved=0, declined=0, letters_issued=0,
                           guarantor_net_assets=10**11, in_force_balance=123)  # fmt: skip
    with pytest.raises(IpguardError) as info:
        write(path, summary=wrong)
    assert info.value.key == "report_inconsistent" and "月末在保余额" in info.value.message()
    assert not path.exists() and list(tmp_path.iterdir()) == []
    right = MonthlySummary(applications=1, screened_out=0, approved=0, declined=0, letters_issued=0, guarantor_net_assets=10**11,
                           in_force_count=30, disbursed=4, released=2, compensated=1, compensated_amount=300_000_00)  # fmt: skip
    write(path, summary=right)
    assert path.exists()


def test_cancel_leaves_previous_file_and_no_temp(tmp_path):
    path = tmp_path / "m.xlsx"
    path.write_bytes(b"old report")
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(IpguardError) as info:
        write(path, rows=in_force(3000), cancelled=cancelled)
    assert info.value.key == "cancelled" and isinstance(info.value, xlsx.ReportCancelled)
    assert path.read_bytes() == b"old report"
    assert [p.name for p in tmp_path.iterdir()] == ["m.xlsx"]


def test_progress_and_single_pass(tmp_path):
    seen = []
    once = iter(in_force(1200))  # an iterator: a second pass would find nothing
    write(tmp_path / "m.xlsx", rows=once, progress=lambda done, total: seen.append((done, total)))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] >= 1200
    ws = openpyxl.load_workbook(tmp_path / "m.xlsx")["在保明细"]
    assert ws.max_row == 3 + 1200 + 1


def test_streamed_and_in_memory_workbooks_hold_the_same_cells(tmp_path, monkeypatch):
    from ipguard.reports import xlsx

    small = write(tmp_path / "memory.xlsx")
    monkeypatch.setattr(xlsx, "IN_MEMORY_ROWS", 10)  # the same rows, now past the limit: streamed to disk
    big = write(tmp_path / "streamed.xlsx")
    with zipfile.ZipFile(tmp_path / "memory.xlsx") as a, zipfile.ZipFile(tmp_path / "streamed.xlsx") as b:
        assert "xl/sharedStrings.xml" in a.namelist() and "xl/sharedStrings.xml" not in b.namelist()
    assert small.sheetnames == big.sheetnames
    for name in small.sheetnames:
        cells = [[(c.value, c.number_format, c.font.b, c.alignment.wrap_text) for c in row] for row in small[name].iter_rows()]
        assert cells == [[(c.value, c.number_format, c.font.b, c.alignment.wrap_text) for c in row]
                         for row in big[name].iter_rows()], name  # fmt: skip


def test_missing_folder_is_a_project_error(tmp_path):
    with pytest.raises(IpguardError) as info:
        write(tmp_path / "nope" / "m.xlsx")
    assert info.value.key == "report_dir_missing"


def test_odd_text_is_text_and_numbers_are_exact(tmp_path):
    """Text from users stays text (a leading '=' is no formula), markup is escaped, controls are replaced."""
    odd = [*in_force(5), InForceRow("=1+1", " 前导空格 ", "x\x07y", "<银行&>", "@SUM(A1)", "+1", "-2", -5, 0,
                                    date(2026, 1, 1), date(2026, 2, 1), 0, -3, Decimal("0.125"), Decimal("1"), 0, 0)]  # fmt: skip
    wb = write(tmp_path / "odd.xlsx", rows=odd)
    last = wb["在保明细"][9]
    assert last[0].value == "=1+1" and last[0].data_type == "s"  # text, not a formula
    assert last[1].value == " 前导空格 " and last[2].value == "x\ufffdy" and last[3].value == "<银行&>"
    assert [c.value for c in last[4:7]] == ["@SUM(A1)", "+1", "-2"] and all(c.data_type == "s" for c in last[4:7])
    assert last[7].value == pytest.approx(-0.05)
    raw = openpyxl.load_workbook(tmp_path / "odd.xlsx")["在保明细"]
    assert not any(isinstance(c.value, str) and c.value.startswith("=") and c.data_type == "f"
                   for row in raw.iter_rows(max_row=9) for c in row)  # fmt: skip


def test_export_case_list(tmp_path):
    rows = [
        CaseListRow("KYD-1", "甲公司", "91310000000000001X", "在保", BANKS[0], "张伟", 500_000_000, 300_000_000,
                    date(2026, 10, 1), datetime(2026, 11, 2, 14, 5), ip_types="发明专利", disbursed_on=date(2026, 10, 20)),
        CaseListRow("KYD-2", "乙公司", "91310000000000002X", "价值认定", BANKS[1], "王芳", 200_000_000, None,
                    date(2026, 11, 5), datetime(2026, 11, 6, 9, 0)),
    ]  # fmt: skip
    path = tmp_path / "cases.xlsx"
    assert export_case_list(path, rows, title="浦东科技融资担保 案件列表", filters_text="筛选：阶段=全部") == 2
    ws = openpyxl.load_workbook(path, data_only=True)["案件列表"]
    assert ws["A1"].value == "浦东科技融资担保 案件列表" and ws["A2"].value == "筛选：阶段=全部"
    assert [c.value for c in ws[3]][:8] == ["案件编号", "企业名称", "统一社会信用代码", "阶段", "贷款银行", "客户经理",
                                           "申请金额（元）", "担保金额（元）"]  # fmt: skip
    assert ws["G4"].value == 5_000_000 and ws["G4"].number_format == "#,##0.00"
    assert ws["H5"].value is None
    assert isinstance(ws["I4"].value, datetime) and ws["I4"].number_format == "yyyy-mm-dd"
    assert ws["N4"].value == datetime(2026, 11, 2, 14, 5) and ws["N4"].number_format == "yyyy-mm-dd hh:mm"
    assert ws.auto_filter.ref == "A3:N5" and ws.freeze_panes == "B4"
    total = find(ws, "合计（筛选后）")
    assert total[1].value == 2 and total[1].number_format == '#,##0" 件"'
    assert total[6].value == 7_000_000 and total[7].value == 3_000_000
    assert export_case_list(tmp_path / "none.xlsx", [], title="t", filters_text="") == 0
