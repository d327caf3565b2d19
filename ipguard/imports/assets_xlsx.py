"""Read IP assets from an xlsx sheet (the template ``resources/templates/ip_assets_template.xlsx``).

:func:`read_assets_xlsx` accepts Chinese or English column headers, validates
every row with :meth:`ipguard.domain.IpAsset.from_input` and reports each bad
row (spreadsheet row number, field, message) instead of stopping at the first.
Formula cells are never evaluated and their cached values are never trusted:
the cell is reported. A file that is not a readable workbook, or has no sheet
with the asset columns, raises :class:`~ipguard.errors.ValidationError`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ipguard import messages
from ipguard.domain import IpAsset, LegalStatus
from ipguard.errors import IpguardError, ValidationError
from ipguard.imports.xlsx_limits import check_xlsx
from ipguard.ip_types import IpType

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

messages.register(
    {
        "asset_list_unreadable": ("无法读取文件“{name}”：不是有效的 Excel (xlsx) 工作簿", "cannot read “{name}”: not a valid Excel (xlsx) workbook"),
        "xlsx_no_asset_sheet": (
            "文件中没有知识产权清单：找不到含“类型”和“号码”列的工作表（请使用导入模板）",
            "no IP asset list in the file: no sheet has the columns “type” and “number” (use the import template)",
        ),
        "xlsx_empty": ("知识产权清单没有数据行", "the IP asset list has no data rows"),
        "asset_list_too_many_rows": ("一次最多导入 {max} 行，文件有更多行", "at most {max} rows per import; the file has more"),
        "xlsx_formula": (
            "单元格是公式（{formula}），请改为直接填写数值",
            "the cell holds a formula ({formula}); enter the value itself",
        ),
        "xlsx_duplicate": ("与第 {other} 行的号码重复", "same number as row {other}"),
        "xlsx_bad_value": ("无法识别的单元格内容“{value}”", "cannot read the cell value “{value}”"),
    }
)
messages.register_fields({"file": ("文件", "file"), "row": ("行", "row")})

SHEET_NAMES = ("知识产权清单", "知识产权", "IP assets", "ip_assets", "assets")
MAX_ROWS = 5000
HEADER_SCAN_ROWS = 10

# Header text (normalised: lower case, no blanks or brackets' content) -> IpAsset.from_input key.
HEADERS: dict[str, str] = {}
for _key, _aliases in {
    "type": ("类型", "知识产权类型", "type", "ip_type", "iptype"),
    "number": ("号码", "专利号", "登记号", "注册号", "专利/登记号", "专利号/登记号", "number", "no", "no."),
    "title": ("名称", "专利名称", "商标", "title", "name"),
    "owners": ("权利人", "专利权人", "owners", "owner"),
    "sole_owner": ("独占所有", "独占", "sole_owner", "soleowner"),
    "filing_date": ("申请日", "申请日期", "filing_date", "filingdate"),
    "grant_date": ("授权日", "授权/登记日", "登记日", "授权日期", "grant_date", "grantdate"),
    "expiry_date": ("到期日", "有效期至", "expiry_date", "expirydate", "expiry"),
    "legal_status": ("法律状态", "状态", "legal_status", "legalstatus", "status"),
    "nice_class": ("商标类别", "类别", "尼斯分类", "nice_class", "niceclass", "class"),
    "pledged": ("已质押", "是否已质押", "pledged"),
    "licensed": ("已许可", "是否已许可", "licensed"),
    "in_dispute": ("存在争议", "是否存在争议", "in_dispute", "indispute", "dispute"),
    "used_in_main_products": ("用于主营产品", "是否用于主营产品", "used_in_main_products", "main_product", "usedinmainproducts"),
    "revenue_supported": ("支撑收入", "支撑收入（元）", "revenue_supported", "revenuesupported", "revenue"),
}.items():
    for _alias in _aliases:
        HEADERS[_alias.lower()] = _key

_STATUS_BY_LABEL = {s.label: s.value for s in LegalStatus}


@dataclass(frozen=True)
class RowError:
    """One rejected row: its row number in the sheet (1-based, as Excel shows it), the field and the message.

    ``message`` is the Chinese text (the language of the file); ``error`` is the
    error itself, so an interface renders it in its own language with
    :meth:`message_in`.
    """

    row: int
    field: str
    message: str
    error: IpguardError | None = dataclasses.field(default=None, compare=False, repr=False)

    @classmethod
    def from_error(cls, row: int, error: IpguardError) -> RowError:
        """The row's error, keeping the exception for rendering in either language."""
        return cls(row, error.field or "", error.message(), error)

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` ("zh" or "en"), naming the field."""
        return self.error.message(lang) if self.error is not None else self.message


def _header_key(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    text = value.strip().lower().replace(" ", "").replace("\u3000", "").replace("*", "")
    for bracket in ("（", "("):
        if bracket in text and text not in HEADERS:
            text = text.split(bracket, 1)[0]
    return HEADERS.get(text)


def _cell_text(key: str, value: object) -> object:
    """A cell's value as IpAsset.from_input expects it (strings, dates, bools)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError(key, "xlsx_bad_value", value=str(value))
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return str(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (dt.time, dt.timedelta)):
        raise ValidationError(key, "xlsx_bad_value", value=str(value)[:40])
    text = str(value).strip()
    if key == "legal_status" and text in _STATUS_BY_LABEL:
        return _STATUS_BY_LABEL[text]
    return text


def _is_formula(cell: object) -> bool:
    return getattr(cell, "data_type", None) == "f" or (isinstance(getattr(cell, "value", None), str) and cell.value.startswith("="))  # type: ignore[attr-defined]


def _find_table(wb: Workbook) -> tuple[Worksheet, int, dict[int, str]]:
    """The sheet, its header row number and column index -> field key."""
    by_name = {ws.title.strip().lower(): ws for ws in wb.worksheets}
    candidates = [by_name[n.lower()] for n in SHEET_NAMES if n.lower() in by_name]
    candidates += [ws for ws in wb.worksheets if ws not in candidates]
    for ws in candidates:
        for row_no, row in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, values_only=True), start=1):
            columns = {i: key for i, v in enumerate(row) if (key := _header_key(v))}
            if "type" in columns.values() and "number" in columns.values():
                return ws, row_no, columns
    raise ValidationError("file", "xlsx_no_asset_sheet")


def read_assets_xlsx(path: str | os.PathLike[str]) -> tuple[list[IpAsset], list[RowError]]:
    """Read the IP assets of an xlsx file: (valid assets, rejected rows).

    Raises ValidationError("file", ...) when the file cannot be read as a
    workbook, has no asset sheet, has no data rows or more than :data:`MAX_ROWS`.
    Blank rows are skipped. A row is rejected, not imported, when a value is
    invalid, a cell holds a formula, or its number repeats an earlier row's.
    """
    from openpyxl import load_workbook  # ~0.2 s to import: only when importing


    name = os.path.basename(os.fspath(path))
    check_xlsx(os.fspath(path), "file", max_rows=MAX_ROWS)  # the zip directory first: no bomb reaches openpyxl
    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except Exception:  # zip, XML and openpyxl errors alike: the file is not a workbook we can read
        raise ValidationError("file", "asset_list_unreadable", name=name) from None
    try:
        return _read(wb, name)
    finally:
        wb.close()


def _read(wb: Workbook, name: str) -> tuple[list[IpAsset], list[RowError]]:
    try:
        ws, header_row, columns = _find_table(wb)
        assets, errors, data_rows = _rows(ws.iter_rows(min_row=header_row + 1), header_row, columns)
    except IpguardError:
        raise
    except Exception:  # broken XML inside the zip shows up only while reading rows
        raise ValidationError("file", "asset_list_unreadable", name=name) from None
    if data_rows == 0:
        raise ValidationError("file", "xlsx_empty")
    return assets, errors


def _rows(rows: Iterable[tuple[Any, ...]], header_row: int, columns: dict[int, str]) -> tuple[list[IpAsset], list[RowError], int]:
    assets: list[IpAsset] = []
    errors: list[RowError] = []
    seen: dict[tuple[str, str], int] = {}
    data_rows = 0
    for offset, cells in enumerate(rows):
        row_no = header_row + 1 + offset
        values = {i: c for i, c in enumerate(cells) if i in columns and getattr(c, "value", None) is not None}
        if all(isinstance(c.value, str) and not c.value.strip() for c in values.values()):
            continue  # blank row (also: no cells at all)
        data_rows += 1
        if data_rows > MAX_ROWS:
            raise ValidationError("file", "asset_list_too_many_rows", max=MAX_ROWS)
        try:
            raw: dict[str, object] = {}
            for i, cell in values.items():
                key = columns[i]
                if _is_formula(cell):
                    raise ValidationError(key, "xlsx_formula", formula=str(cell.value)[:40])
                raw[key] = _cell_text(key, cell.value)
            asset = IpAsset.from_input(raw)
        except IpguardError as exc:
            errors.append(RowError.from_error(row_no, exc))
            continue
        ident = (asset.ip_type.value, asset.number)
        if ident in seen:
            errors.append(RowError.from_error(row_no, ValidationError("number", "xlsx_duplicate", other=seen[ident])))
            continue
        seen[ident] = row_no
        assets.append(asset)
    return assets, errors, data_rows


# -- the template ----------------------------------------------------------------

TEMPLATE_COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (header, field, width)
    ("类型", "type", 12),
    ("号码", "number", 22),
    ("名称", "title", 36),
    ("权利人", "owners", 28),
    ("独占所有", "sole_owner", 10),
    ("申请日", "filing_date", 12),
    ("授权日", "grant_date", 12),
    ("到期日", "expiry_date", 12),
    ("法律状态", "legal_status", 10),
    ("商标类别", "nice_class", 10),
    ("已质押", "pledged", 8),
    ("已许可", "licensed", 8),
    ("存在争议", "in_dispute", 10),
    ("用于主营产品", "used_in_main_products", 14),
    ("支撑收入（元）", "revenue_supported", 16),
)

_TEMPLATE_NOTES = (
    ("填写说明", ""),
    ("工作表", "在“知识产权清单”工作表第1行表头下逐行填写，一行一项知识产权；表头可用中文或英文（type、number、title…）。"),
    ("类型", "发明专利、实用新型、外观设计、注册商标、软件著作权、著作权（或 invention_patent 等英文代码）。"),
    ("号码", "专利填申请号含校验位，如 ZL202110123456.7；商标填注册号并填商标类别(1-45)；软著如 2021SR0123456。"),
    ("日期", "日期格式 2026-11-22；软件著作权可不填申请日。"),
    ("是/否列", "填“是”或“否”；不填时：独占所有=是，其余=否。"),
    ("法律状态", "有效、审查中、欠缴年费、已失效、已宣告无效；不填为有效。"),
    ("公式", "请勿使用公式：含公式的单元格所在行不会被导入。"),
    ("示例", "发明专利 | ZL202110123456.7 | 一种低功耗神经网络加速芯片 | 上海某某科技有限公司 | 是 | 2021-03-01 | 2023-05-10 | 2041-03-01 | 有效"),
)


def write_template(path: str | os.PathLike[str]) -> None:
    """Write the import template: sheet 知识产权清单 (headers, drop-downs) and sheet 填写说明."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation


    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook's one sheet
    ws.title = SHEET_NAMES[0]
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for col, (header, _field, width) in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(horizontal="center")
        letter = cell.column_letter
        ws.column_dimensions[letter].width = width
        if _field in ("number", "title", "owners"):
            for row in range(2, 502):
                ws.cell(row=row, column=col).number_format = "@"
        if _field.endswith("_date"):
            for row in range(2, 502):
                ws.cell(row=row, column=col).number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    letters = {f: get_column_letter(i) for i, (_h, f, _w) in enumerate(TEMPLATE_COLUMNS, start=1)}
    lists = {
        "type": ",".join(t.label for t in IpType),
        "legal_status": ",".join(s.label for s in LegalStatus),
        **{f: "是,否" for f in ("sole_owner", "pledged", "licensed", "in_dispute", "used_in_main_products")},
    }
    for field, choices in lists.items():
        dv = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        dv.add(f"{letters[field]}2:{letters[field]}500")
        ws.add_data_validation(dv)
    notes = wb.create_sheet("填写说明")
    for row, (head, text) in enumerate(_TEMPLATE_NOTES, start=1):
        notes.cell(row=row, column=1, value=head).font = bold
        notes.cell(row=row, column=2, value=text)
    notes.column_dimensions["A"].width = 12
    notes.column_dimensions["B"].width = 110
    wb.save(path)
