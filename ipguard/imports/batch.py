"""Batch pre-screening: a spreadsheet of candidates from a referrer, screened at once.

The template (``resources/templates/batch_screening_template.xlsx``, made by
``scripts/make_batch_template.py`` from :data:`COLUMNS`) has one applicant per
row: company figures and flags, the request, and up to :data:`MAX_ASSETS` IP
assets. A header cell may hold the Chinese label or the key (``company.uscc``).
Each row is turned into the ``ipguard assess`` JSON shape and assessed; a row
that cannot be read is marked with the reason and the batch goes on. The output
repeats the input columns and adds the results; it is written to a temporary
file beside the target and renamed, so no partial file is ever left.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ipguard import messages
from ipguard.errors import IpguardError, ValidationError
from ipguard.imports.xlsx_limits import MAX_BATCH_ROWS, check_xlsx, neutral
from ipguard.ip_types import IpType
from ipguard.money import yuan_str
from ipguard.outputs import check_target, output_file
from ipguard.products import ProductParams
from ipguard.rules.assess import Applicant, Assessment, assess
from ipguard.workdays import WorkCalendar

MAX_ASSETS = 3
_COMPANY = [
    ("company.name", "企业名称"),
    ("company.uscc", "统一社会信用代码"),
    ("company.annual_sales", "年销售额（元）"),
    ("company.net_assets_last_year", "上年度净资产（元）"),
    ("company.net_assets_current", "当期净资产（元）"),
    ("company.existing_bank_loans", "现有银行贷款（元）"),
    ("company.company_credit_good", "企业信用良好（是/否）"),
    ("company.controller_credit_good", "实际控制人信用良好（是/否）"),
    ("company.counter_guarantee", "愿意提供反担保（是/否）"),
    ("company.major_negative_info", "有重大负面信息（是/否）"),
    ("requested_amount", "申请金额（元）"),
    ("term_months", "期限（月）"),
    ("application_date", "申请日期"),
    ("justification", "销贷比书面说明"),
]
_ASSET = [
    ("type", "类型"),
    ("number", "专利号/登记号"),
    ("title", "名称"),
    ("nice_class", "商标类别"),
    ("sole_owner", "单独所有（是/否）"),
    ("valid", "有效（是/否）"),
    ("pledged", "已质押（是/否）"),
    ("in_dispute", "存在争议（是/否）"),
    ("expiry_date", "到期日"),
    ("used_in_main_products", "用于主营产品（是/否）"),
    ("revenue_supported", "支撑年收入（元）"),
]
#: (key, Chinese header) of every input column, in template order.
COLUMNS: tuple[tuple[str, str], ...] = tuple(_COMPANY) + tuple(
    (f"ip{n}.{key}", f"知识产权{n}{label}") for n in range(1, MAX_ASSETS + 1) for key, label in _ASSET
)
RESULT_COLUMNS = ("结论", "未通过或待说明的规则", "认定价值（元）", "担保额（元）", "担保费（元）", "约束项", "说明")
BOOL_KEYS = {k for k, label in COLUMNS if "（是/否）" in label}

messages.register(
    {
        "batch_xlsx_unreadable": ("无法读取表格“{path}”：{detail}", "cannot read the spreadsheet “{path}”: {detail}"),
        "xlsx_no_headers": (
            "表格“{path}”第一行没有可识别的列名，请使用批量筛查模板",
            "the first row of “{path}” has no known column names; use the batch template",
        ),
    }
)


@dataclass(frozen=True)
class BatchRow:
    row: int  # spreadsheet row number
    values: tuple[object, ...]  # the input cells as read
    assessment: Assessment | None
    error: str | None  # why the row could not be read

    @property
    def verdict(self) -> str:
        if self.assessment is None:
            return "无法读取"
        return "符合准入" if self.assessment.eligible else "不符合准入"

    def result_cells(self) -> list[object]:
        a = self.assessment
        if a is None:
            return [self.verdict, "", "", "", "", "", self.error or ""]
        open_rules = "、".join(
            f"{r.label}({'待说明' if r.outcome == 'justify' else '未通过'})" for r in a.rules if not r.satisfied
        )
        bound = "、".join(c.label for c in a.amount_chain if c.binding)
        notes = "；".join(r.explain() for r in a.rules if not r.satisfied) or "；".join(a.warnings)
        return [
            self.verdict,
            open_rules,
            yuan_str(a.recognized_value),
            yuan_str(a.guarantee_amount),
            yuan_str(a.fee),
            bound,
            notes,
        ]


@dataclass(frozen=True)
class BatchSummary:
    rows: int
    eligible: int
    ineligible: int
    unreadable: int
    out_path: Path | None = None

    def one_line(self) -> str:
        where = f"，结果已写入 {self.out_path}" if self.out_path else ""
        return f"共筛查 {self.rows} 行：符合准入 {self.eligible}，不符合 {self.ineligible}，无法读取 {self.unreadable}{where}"


def _cell(value: object) -> object:
    """A spreadsheet cell as the JSON input expects it (no floats for money, dates as dates)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float):
        number = Decimal(repr(value))
        return int(number) if number == number.to_integral_value() else str(number)
    return value


def row_to_json(headers: Sequence[str | None], values: Sequence[object]) -> dict[str, object]:
    """Turn one row (keys per column) into the ``ipguard assess`` JSON shape."""
    data: dict[str, object] = {}
    company: dict[str, object] = {}
    assets: dict[int, dict[str, object]] = {}
    for key, raw in zip(headers, values, strict=False):
        value = _cell(raw)
        if key is None or value is None or value == "":
            continue
        if key.startswith("company."):
            company[key.removeprefix("company.")] = value
        elif key.startswith("ip"):
            head, field = key.split(".", 1)
            assets.setdefault(int(head[2:]), {})[field] = value
        else:
            data[key] = value
    data["company"] = company
    data["ip_assets"] = [assets[n] for n in sorted(assets) if assets[n].get("type") or assets[n].get("number")]
    return data


def _header_keys(cells: Sequence[object]) -> list[str | None]:
    by_label = {label: key for key, label in COLUMNS} | {key: key for key, _ in COLUMNS}
    return [by_label.get(str(c).strip()) if c is not None else None for c in cells]


def screen_rows(
    headers: Sequence[str | None],
    rows: Iterable[tuple[int, Sequence[object]]],
    product: ProductParams,
    *,
    guarantor_net_assets: int | None = None,
    client_in_force: int = 0,
    calendar: WorkCalendar | None = None,
) -> list[BatchRow]:
    """Assess each (row number, cells); blank rows are skipped, unreadable rows carry the reason."""
    calendar = calendar or WorkCalendar()
    results: list[BatchRow] = []
    for number, cells in rows:
        values = tuple(cells)
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        try:
            applicant = Applicant.from_json(row_to_json(headers, values))
            assessment = assess(
                applicant, product, guarantor_net_assets=guarantor_net_assets, client_in_force=client_in_force, calendar=calendar
            )
            results.append(BatchRow(number, values, assessment, None))
        except IpguardError as exc:
            results.append(BatchRow(number, values, None, exc.one_line()))
        except Exception as exc:  # one bad row never stops the batch
            results.append(BatchRow(number, values, None, f"无法处理此行（{type(exc).__name__}: {exc}）"))
    return results


def read_workbook(path: Path) -> tuple[list[object], list[tuple[int, tuple[object, ...]]]]:
    """The header cells and the data rows (with their row numbers) of the first sheet."""
    from openpyxl import load_workbook


    check_xlsx(path, "xlsx", max_rows=MAX_BATCH_ROWS)  # the zip directory first: no bomb reaches openpyxl
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a bad file
        raise ValidationError("xlsx", "batch_xlsx_unreadable", path=str(path), detail=str(exc) or type(exc).__name__) from None
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header: list[object] = list(next(rows, ()))
        data: list[tuple[int, tuple[object, ...]]] = []
        for i, r in enumerate(rows, start=2):  # a sheet without a <dimension> is bounded here
            if len(data) >= MAX_BATCH_ROWS:
                raise ValidationError("xlsx", "xlsx_too_many_rows", name=path.name, rows=f">{MAX_BATCH_ROWS}", limit=MAX_BATCH_ROWS)
            data.append((i, tuple(r)))
    finally:
        wb.close()
    return header, data


def write_results(out: Path, header: Sequence[object], results: Sequence[BatchRow], *, src: Path | None = None) -> None:
    """Write input columns plus results to ``out`` via a temporary file and a rename."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Font, PatternFill


    wb = Workbook(write_only=True)
    ws = wb.create_sheet("筛查结果")
    ws.freeze_panes = "C2"
    width = len(header)
    bold = Font(bold=True)
    fills = {"符合准入": "C6EFCE", "不符合准入": "FFEB9C", "无法读取": "FFC7CE"}

    def cell(value: str, **style: object) -> Cell:
        c = WriteOnlyCell(ws, value=value)
        for k, v in style.items():
            setattr(c, k, v)
        return c

    ws.append([cell("" if h is None else str(h), font=bold) for h in list(header) + list(RESULT_COLUMNS)])
    for r in results:
        # The user's own text goes back as text: never a live formula (=HYPERLINK(…)).
        inputs = [neutral(v) for v in r.values[:width]] + [None] * (width - len(r.values[:width]))
        out_cells = r.result_cells()
        fill = PatternFill("solid", fgColor=fills[r.verdict])
        ws.append([*inputs, cell(r.verdict, fill=fill, font=bold), *out_cells[1:]])
    with output_file(out, protect=[src] if src else []) as tmp:
        wb.save(tmp)


def screen_workbook(
    src: Path,
    out: Path,
    product: ProductParams,
    *,
    guarantor_net_assets: int | None = None,
    client_in_force: int = 0,
    calendar: WorkCalendar | None = None,
) -> BatchSummary:
    """Screen every row of ``src`` and write ``out``; returns the counts."""
    check_target(out, protect=[src])  # before reading: a wrong --out is refused at once
    header, rows = read_workbook(src)
    keys = _header_keys(header)
    if not any(keys):
        raise ValidationError("xlsx", "xlsx_no_headers", path=str(src))
    results = screen_rows(
        keys, rows, product, guarantor_net_assets=guarantor_net_assets, client_in_force=client_in_force, calendar=calendar
    )
    write_results(out, header, results, src=src)
    eligible = sum(1 for r in results if r.assessment is not None and r.assessment.eligible)
    unreadable = sum(1 for r in results if r.assessment is None)
    return BatchSummary(len(results), eligible, len(results) - eligible - unreadable, unreadable, out)


def write_template(path: Path) -> None:
    """The empty batch template: headers, yes/no and type pick lists, an instructions sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation


    wb = Workbook()
    ws = wb.worksheets[0]  # a new workbook's one sheet
    ws.title = "申请企业"
    ws.append([label for _, label in COLUMNS])
    ws.freeze_panes = "C2"
    for i, (_key, label) in enumerate(COLUMNS, start=1):
        c = ws.cell(row=1, column=i)
        c.font = Font(bold=True)
        c.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = max(12, min(2 * len(label) + 2, 30))
    yes_no = DataValidation(type="list", formula1='"是,否"', allow_blank=True)
    types = DataValidation(type="list", formula1='"' + ",".join(t.label for t in IpType) + '"', allow_blank=True)
    ws.add_data_validation(yes_no)
    ws.add_data_validation(types)
    for i, (key, _) in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        if key in BOOL_KEYS:
            yes_no.add(f"{letter}2:{letter}500")
        elif key.endswith(".type"):
            types.add(f"{letter}2:{letter}500")
    notes = wb.create_sheet("填写说明")
    for line in (
        "知识产权快易贷 批量准入筛查模板：每行一家申请企业。",
        "金额以元为单位（如 3500000.00）；日期如 2026-11-02；是/否列填“是”或“否”。",
        "每家企业最多填写3项知识产权。",
        "类型为 发明专利、实用新型、外观设计、注册商标、软件著作权、著作权 之一。",
        "注册商标须填写商标类别（1至45）。",
        "专利号含校验位，如 ZL202110123456.7；软件著作权登记号如 2021SR0123456。",
        "销贷比超过上限时，可在“销贷比书面说明”列填写风控经理的书面说明。",
        "运行：ipguard assess --xlsx 本文件.xlsx --out 结果.xlsx；无法读取的行会在结果中注明原因。",
    ):
        notes.append([line])
    notes.column_dimensions["A"].width = 110
    wb.save(path)
