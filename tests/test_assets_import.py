"""Importing IP assets from xlsx: good rows, bad rows with row numbers, formulas, broken files."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ipguard.domain import IpType, LegalStatus
from ipguard.errors import ValidationError
from ipguard.imports.assets_xlsx import RowError, read_assets_xlsx, write_template

PATENT = "ZL202110123456.7"
HEADERS_ZH = ["类型", "号码", "名称", "权利人", "申请日", "授权日", "到期日", "商标类别", "法律状态", "用于主营产品"]


def _utility() -> str:
    from ipguard.validators import patent_check_char

    digits = "201420362077"
    return f"ZL{digits}.{patent_check_char(digits)}"


def _write(path, rows, *, title="知识产权清单", headers=HEADERS_ZH, extra_sheets=()):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for name in extra_sheets:
        wb.create_sheet(name, 0)
    if headers:
        ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_good_file_with_chinese_headers(tmp_path):
    path = _write(
        tmp_path / "a.xlsx",
        [
            ["发明专利", PATENT, "一种芯片", "上海某科技有限公司", dt.datetime(2021, 3, 1), "2023-05-10", "2041-03-01", None, "有效", "是"],
            ["注册商标", 12345678, "芯微", "上海某科技有限公司", None, dt.date(2019, 1, 5), dt.date(2029, 1, 4), 9, None, "否"],
            [None, None, None],  # a blank row is skipped
            ["实用新型", _utility(), "一种治具", "", None, None, None, None, "已失效", None],
        ],
    )
    assets, errors = read_assets_xlsx(path)
    assert errors == []
    assert [a.ip_type for a in assets] == [IpType.INVENTION_PATENT, IpType.TRADEMARK, IpType.UTILITY_MODEL]
    assert assets[0].number == PATENT and assets[0].filing_date == dt.date(2021, 3, 1) and assets[0].used_in_main_products
    assert assets[1].number == "12345678" and assets[1].nice_class == 9 and not assets[1].used_in_main_products
    assert assets[2].legal_status is LegalStatus.LAPSED


def test_english_headers_and_other_sheet_first(tmp_path):
    path = _write(
        tmp_path / "en.xlsx",
        [["software_copyright", "2021SR0123456", "Platform V1", "2021-06-01", "2071-12-31"]],
        title="Sheet1",
        headers=["Type", "Number", "Title", "grant_date", "expiry_date"],
        extra_sheets=("Cover",),
    )
    assets, errors = read_assets_xlsx(path)
    assert errors == []
    assert assets[0].ip_type is IpType.SOFTWARE_COPYRIGHT and assets[0].expiry_date == dt.date(2071, 12, 31)


def test_bad_rows_are_reported_with_row_number_and_field(tmp_path):
    path = _write(
        tmp_path / "bad.xlsx",
        [
            ["发明专利", PATENT, "好的一行"],  # row 2
            ["发明专利", "ZL202110123456.8", "校验位错"],  # row 3
            ["注册商标", "12345", "缺类别"],  # row 4: trademark without class
            ["专利", PATENT, "类型不对"],  # row 5
            ["发明专利", PATENT, "重复"],  # row 6: duplicate of row 2
            ["发明专利", _utility(), "类型位不符"],  # row 7: utility number as invention
            ["注册商标", "888", "日期", None, "2020-05-01", "2019-01-01"],  # row 8: grant before filing
        ],
    )
    assets, errors = read_assets_xlsx(path)
    assert [a.number for a in assets] == [PATENT]
    by_row = {e.row: e for e in errors}
    assert sorted(by_row) == [3, 4, 5, 6, 7, 8]
    assert by_row[3].field == "number" and "校验位" in by_row[3].message
    assert by_row[4].field == "nice_class"
    assert by_row[5].field == "type"
    assert by_row[6].field == "number" and "第 2 行" in by_row[6].message
    assert by_row[7].field == "number"
    assert by_row[8].field == "grant_date"
    assert all(isinstance(e, RowError) and e.message for e in errors)
    # The error itself travels with the row, so an English window shows it in English.
    assert by_row[6].message_in("zh") == by_row[6].message
    assert by_row[6].message_in("en") == "patent/registration number: same number as row 2"
    assert all(e.error is not None for e in errors)
    english = [e.message_in("en") for e in errors if e.row != 5]  # row 5 quotes its cell, 专利
    assert not [text for text in english if re.search(r"[\u4e00-\u9fff]", text)], english


def test_formula_cells_are_refused_not_evaluated(tmp_path):
    path = _write(
        tmp_path / "f.xlsx",
        [
            ["发明专利", '="ZL"&"202110123456.7"', "公式号码"],
            ["注册商标", "66", "商标", None, None, None, None, "=4+5"],
            ["发明专利", PATENT, "正常"],
        ],
    )
    assets, errors = read_assets_xlsx(path)
    assert [a.title for a in assets] == ["正常"]
    assert [(e.row, e.field) for e in errors] == [(2, "number"), (3, "nice_class")]
    assert "公式" in errors[0].message


def test_wrong_sheet_is_refused(tmp_path):
    path = _write(tmp_path / "w.xlsx", [["x", 1]], title="销售", headers=["客户", "金额"])
    with pytest.raises(ValidationError) as exc:
        read_assets_xlsx(path)
    assert exc.value.field == "file" and "类型" in exc.value.message()


def test_empty_sheet_and_template_are_refused_as_empty(tmp_path):
    with pytest.raises(ValidationError, match="没有数据行"):
        read_assets_xlsx(_write(tmp_path / "e.xlsx", []))
    write_template(tmp_path / "t.xlsx")
    with pytest.raises(ValidationError, match="没有数据行"):
        read_assets_xlsx(tmp_path / "t.xlsx")


def test_template_headers_round_trip(tmp_path):
    from openpyxl import load_workbook

    write_template(tmp_path / "t.xlsx")
    wb = load_workbook(tmp_path / "t.xlsx")
    ws = wb["知识产权清单"]
    ws.append(["发明专利", PATENT, "一种芯片", "某公司", "是", "2021-03-01", "2023-05-10", "2041-03-01", "有效", None, "否", "否", "否", "是", "1,000,000"])
    wb.save(tmp_path / "t.xlsx")
    assets, errors = read_assets_xlsx(tmp_path / "t.xlsx")
    assert errors == [] and assets[0].revenue_supported == 100_000_000 and assets[0].used_in_main_products


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04garbage", None],
    ids=["empty", "text", "zip-magic", "truncated"],
)
def test_garbage_or_truncated_file_is_a_validation_error(tmp_path, content):
    path = tmp_path / "g.xlsx"
    if content is None:
        good = _write(tmp_path / "good.xlsx", [["发明专利", PATENT, "x"]] * 50)
        data = good.read_bytes()
        content = data[: len(data) // 2]
    path.write_bytes(content)
    with pytest.raises(ValidationError) as exc:
        read_assets_xlsx(path)
    assert exc.value.field == "file"


def test_zip_without_workbook_parts(tmp_path):
    path = tmp_path / "z.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ValidationError):
        read_assets_xlsx(path)


_cell = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2200, 1, 1)),
    st.sampled_from(["发明专利", "注册商标", "软件著作权", PATENT, "2021SR0123456", "有效", "是", "否", "9", "=1+1"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(_cell, min_size=10, max_size=10), min_size=1, max_size=6))
def test_random_cells_are_parsed_or_reported(tmp_path, rows):
    # openpyxl refuses control characters in strings; such cells cannot be written at all.
    rows = [[c if not (isinstance(c, str) and any(ord(ch) < 32 for ch in c)) else "x" for c in r] for r in rows]
    path = _write(tmp_path / "h.xlsx", rows)
    try:
        assets, errors = read_assets_xlsx(path)
    except ValidationError as exc:
        assert exc.field == "file"
        return
    non_blank = sum(1 for r in rows if any(c is not None and not (isinstance(c, str) and not c.strip()) for c in r))
    assert len(assets) + len(errors) == non_blank
    assert all(e.row >= 2 and e.message for e in errors)
