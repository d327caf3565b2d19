"""Batch pre-screening from the xlsx template: bad rows are marked, the batch goes on, no partial file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from ipguard.cli import main
from ipguard.errors import ValidationError
from ipguard.imports.batch import COLUMNS, RESULT_COLUMNS, screen_workbook, write_template
from ipguard.products import RESOURCES_DIR, load_product
from tests._assess_data import INVENTION, USCC, credit_code

HEADERS = [label for _, label in COLUMNS]


def row(**values: object) -> list[object]:
    base: dict[str, object] = {
        "company.name": "上海某某科技有限公司",
        "company.uscc": USCC,
        "company.annual_sales": 3500000,  # numbers as Excel stores them
        "company.net_assets_last_year": 800000.0,
        "company.net_assets_current": "950000.00",
        "company.existing_bank_loans": 200000,
        "company.company_credit_good": "是",
        "company.controller_credit_good": "是",
        "company.counter_guarantee": "是",
        "company.major_negative_info": "否",
        "requested_amount": 1000000,
        "term_months": 12,
        "application_date": dt.datetime(2026, 11, 2),
        "ip1.type": "发明专利",
        "ip1.number": INVENTION,
        "ip1.sole_owner": "是",
        "ip1.valid": "是",
        "ip1.pledged": "否",
        "ip1.in_dispute": "否",
        "ip1.expiry_date": dt.datetime(2041, 3, 1),
        "ip1.used_in_main_products": "是",
    }
    base.update(values)
    return [base.get(key) for key, _ in COLUMNS]


def make_input(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(HEADERS)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def read_output(path: Path) -> list[dict[str, object]]:
    ws = load_workbook(path, read_only=True).worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    assert list(header[: len(HEADERS)]) == HEADERS
    assert list(header[len(HEADERS) :]) == list(RESULT_COLUMNS)
    return [dict(zip(header, r, strict=True)) for r in rows[1:]]


def test_batch_marks_bad_rows_and_goes_on(tmp_path: Path) -> None:
    src = make_input(
        tmp_path / "in.xlsx",
        [
            row(),  # eligible
            row(**{"company.uscc": "913101150000000000"}),  # invalid credit code
            [None] * len(COLUMNS),  # blank: skipped
            row(**{"company.annual_sales": 2000000}),  # not above the minimum
            row(**{"requested_amount": -5}),  # negative amount
            row(
                **{
                    "company.name": "乙公司",
                    "company.uscc": credit_code("91310000132149237"),
                    "company.existing_bank_loans": 1000000,
                    "justification": "订单充足，风控同意",
                }
            ),
            row(**{"ip1.number": "ZL202110123456.8"}),  # wrong check digit
        ],
    )
    out = tmp_path / "out.xlsx"
    summary = screen_workbook(src, out, load_product())
    assert (summary.rows, summary.eligible, summary.ineligible, summary.unreadable) == (6, 2, 1, 3)
    results = read_output(out)
    assert [r["结论"] for r in results] == ["符合准入", "无法读取", "不符合准入", "无法读取", "符合准入", "无法读取"]
    assert results[0]["担保额（元）"] == "1000000.00" and results[0]["担保费（元）"] == "10000.00"
    assert "统一社会信用代码" in str(results[1]["说明"])
    assert "年销售额" in str(results[2]["未通过或待说明的规则"])
    assert "申请金额" in str(results[3]["说明"])
    assert results[4]["担保额（元）"] == "1000000.00"  # justified: the in-principle 40% candidate is lifted
    assert "第1项 专利/登记号" in str(results[5]["说明"])
    assert results[1]["企业名称"] == "上海某某科技有限公司"  # input columns repeated
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = make_input(tmp_path / "in.xlsx", [row(), row(**{"term_months": "十二"})])
    out = tmp_path / "out.xlsx"
    assert main(["assess", "--xlsx", str(src), "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert "共筛查 2 行" in stdout and "无法读取 1" in stdout
    assert [r["结论"] for r in read_output(out)] == ["符合准入", "无法读取"]


def test_unreadable_workbook_leaves_no_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.xlsx"
    src.write_text("not a spreadsheet", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    assert main(["assess", "--xlsx", str(src), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "无法读取表格" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.xlsx"]


def test_unknown_headers_refused(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["a", "b"])
    wb.active.append([1, 2])
    wb.save(tmp_path / "in.xlsx")
    with pytest.raises(ValidationError, match="列名"):
        screen_workbook(tmp_path / "in.xlsx", tmp_path / "out.xlsx", load_product())
    assert not (tmp_path / "out.xlsx").exists()


def test_existing_output_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "out.xlsx"
    out.write_bytes(b"old")
    screen_workbook(make_input(tmp_path / "in.xlsx", [row()]), out, load_product())
    assert len(read_output(out)) == 1


def test_shipped_template_matches_columns(tmp_path: Path) -> None:
    shipped = RESOURCES_DIR / "templates" / "batch_screening_template.xlsx"
    header = next(load_workbook(shipped, read_only=True).worksheets[0].iter_rows(values_only=True))
    assert list(header) == HEADERS
    # A template filled in by a user screens without touching its header.
    fresh = tmp_path / "t.xlsx"
    write_template(fresh)
    wb = load_workbook(fresh)
    wb.worksheets[0].append(row())
    wb.save(fresh)
    assert wb.worksheets[0].max_row == 2
    summary = screen_workbook(fresh, tmp_path / "out.xlsx", load_product())
    assert (summary.rows, summary.eligible) == (1, 1)
