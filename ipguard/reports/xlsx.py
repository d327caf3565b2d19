"""Streaming xlsx sheets in the form a reader expects, written with XlsxWriter.

A workbook of a large portfolio is written in XlsxWriter's ``constant_memory``
mode: each row goes to a temporary file as soon as the next row starts, so
memory stays flat however many guarantees the portfolio holds. Up to
:data:`IN_MEMORY_ROWS` rows it stays in memory until the save, with a shared
string table (faster; the cells read the same). Either way only the public
cell writers are used (``write_string``, ``write_number``, ``write_formula``
with a cached value). Rows of one sheet must be written in order; sheets may
be filled in any order.

A :class:`TableSheet` is one worksheet laid out as

    row 1  title (company, month, sheet name), bold
    row 2  subtitle (as-of date, filters …), grey
    row 3  header: bold, filled, wrapped; frozen with the first column;
           autofilter over it and the data rows; rows 1–3 repeat on every page
    row 4… data rows, each value typed by its :class:`Column` kind
    then   footer rows (SUBTOTAL totals, notes), outside the autofilter range

Money arrives as integer fen and is written as yuan with ``#,##0.00`` (the
header says （元）); dates as real dates with ``yyyy-mm-dd``; ratios as
``0.00%``. Every string passes :func:`clean_text` (legal XML 1.0, at most
32,767 UTF-16 units) and is written with ``write_string``, so text from users
never becomes a formula or a link. Column widths are measured on the first
rows (East Asian wide characters count 2), capped.

Print form: A4, a scale of at least 75 % (11 pt → ≥ 8.25 pt), landscape when a
portrait page is too narrow, at most two pages wide, rows 1–3 repeated, a
page header naming company, report and month, footer ``第 &P 页 共 &N 页``.

:func:`atomic_workbook` writes to a temporary file beside the target and
renames it, so the target is either the whole new workbook or untouched.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from ipguard import messages
from ipguard.errors import IpguardError
from ipguard.money import format_yuan
from ipguard.outputs import creation_mode

messages.register(
    {
        "cancelled": ("操作已取消", "cancelled"),
        "report_inconsistent": (
            "报表数据不一致：{item} 汇总为 {summary}，明细合计为 {detail}",
            "report data inconsistent: {item} is {summary} in the summary but {detail} in the detail rows",
        ),
        "report_dir_missing": ("保存位置不存在：{path}", "folder does not exist: {path}"),
        "report_file_in_use": (
            "无法覆盖 {path}：文件可能正在 Excel 中打开，请关闭后重试",
            "cannot replace {path}: it may be open in Excel; close it and try again",
        ),
        "report_write_failed": ("无法写入 {path}：{reason}", "cannot write {path}: {reason}"),
    }
)


class ReportCancelled(IpguardError):
    """The user cancelled a report; nothing was written at the target path."""

    def __init__(self) -> None:
        super().__init__("cancelled")


class Kind(Enum):
    """How a column's values are typed and formatted."""

    TEXT = "@"
    INT = "#,##0"
    MONEY = "#,##0.00"  # value in fen, written as yuan
    WAN = "#,##0.00;-#,##0.00"  # value in fen, written as 万元 (a distinct format string: Enum values must differ)
    DATE = "yyyy-mm-dd"
    DATETIME = "yyyy-mm-dd hh:mm"
    PERCENT = "0.00%"  # Decimal ratio, 0.1 = 10%
    MULTIPLE = '0.00"倍"'  # Decimal, 8.5 = 8.5 times
    ONE_PLACE = "0.0"  # Decimal such as a median number of days
    COUNT_BI = '#,##0" 笔"'  # a count shown with its unit, still a number (SUBTOTAL counts into it)
    COUNT_JIAN = '#,##0" 件"'
    COUNT_HU = '#,##0" 户"'


@dataclass(frozen=True)
class Column:
    """A table column: Chinese header (money headers end with （元）) and kind."""

    header: str
    kind: Kind = Kind.TEXT
    max_width: int = 40
    centred: bool = False  # short words (状态, 是/否) centred, so they do not run into the number beside them


@dataclass(frozen=True)
class Cell:
    """A value with its kind and style, for rows outside a table's typed columns."""

    value: object
    kind: Kind | None = None
    style: str = ""  # "", "bold", "title", "subtitle", "alert", "header", "note"


@dataclass(frozen=True)
class Formula:
    """A formula with the value it evaluates to now (shown by readers that do not recalculate)."""

    text: str
    cached: object
    kind: Kind | None = None
    style: str = ""


HEADER_ROW = 3  # 1-based, as a reader sees it
ROW_POINTS = 15  # the default row height of 11 pt text
FIRST_DATA_ROW = HEADER_ROW + 1
MIN_SCALE = 75  # 11 pt × 0.75 ≥ 8 pt
_SAMPLE_WIDTH = {Kind.DATE: 10, Kind.DATETIME: 16, Kind.PERCENT: 8, Kind.MULTIPLE: 9, Kind.ONE_PLACE: 6}
_STYLES: dict[str, dict[str, Any]] = {
    "": {},
    "bold": {"bold": True},
    "title": {"bold": True, "font_size": 14},
    "subtitle": {"font_size": 10, "font_color": "#595959"},
    "alert": {"bold": True, "font_color": "#C00000"},
    "alert_center": {"bold": True, "font_color": "#C00000", "align": "center"},
    "header": {"bold": True, "bg_color": "#DDEBF7", "align": "center", "valign": "vcenter", "text_wrap": True, "bottom": 1},
    "note": {"font_size": 10, "font_color": "#595959"},  # runs on into the empty cells to its right
    "right": {"align": "right"},
    "center": {"align": "center"},
    "wrap": {"text_wrap": True},  # bottom-aligned like the numbers beside it
}
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()
# Everything XML 1.0 forbids: C0 controls but tab/newline/CR, lone surrogates, U+FFFE and U+FFFF.
_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_find_illegal = _ILLEGAL_XML.search
MAX_CELL_UNITS = 32_767  # Excel's cell limit, counted in UTF-16 units
# Up to this many table rows a workbook is kept in memory and written at the save with a shared string
# table: repeated text (banks, managers, statuses) is escaped and stored once, so the 10k report writes
# ≈ 10 % faster, for ≈ 22 MB more. Past it (or when the number of rows is not known), XlsxWriter's
# constant_memory mode streams each row to disk as it is written, so memory stays flat at any size.
IN_MEMORY_ROWS = 20_000
_ELLIPSIS = "…"


def clean_text(value: object) -> str:
    """``value`` as text a cell can hold: legal XML 1.0 and at most 32,767 UTF-16 units.

    Characters XML forbids (controls, lone surrogates, U+FFFE, U+FFFF) become
    U+FFFD, so the reader sees that something was there; longer text is cut
    and ends with '…'. The last line of defence: intake refuses such text.
    """
    text = value if type(value) is str else str(value)
    if len(text) <= MAX_CELL_UNITS // 2 and not _find_illegal(text):
        return text  # the common case, a clean short string: one regex scan, no copy
    text = _ILLEGAL_XML.sub("\ufffd", text)
    if len(text) > MAX_CELL_UNITS // 2 and _utf16_units(text) > MAX_CELL_UNITS:
        room = MAX_CELL_UNITS - 1
        out: list[str] = []
        for ch in text:
            room -= 2 if ord(ch) > 0xFFFF else 1
            if room < 0:
                break
            out.append(ch)
        text = "".join(out) + _ELLIPSIS
    return text


def _utf16_units(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def display_width(text: str) -> int:
    """Width in Excel character units: East Asian wide and fullwidth characters count 2."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def excel_serial(value: date) -> float | int:
    """A date (or naive/aware datetime, as local time) as Excel's day number."""
    if type(value) is date:
        return value.toordinal() - _EXCEL_EPOCH
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return value.toordinal() - _EXCEL_EPOCH + seconds / 86400
    return value.toordinal() - _EXCEL_EPOCH


def _fen(value: object) -> int:
    """A money value in fen: an int, or what int() reads exactly (a Decimal, a numeric string)."""
    return int(value) if isinstance(value, (int, Decimal)) else int(str(value))


def number_of(kind: Kind | None, value: object) -> float | int | None:
    """The number stored for a model value of ``kind`` (fen -> yuan, date -> serial …); None for text."""
    if kind is Kind.MONEY:
        return _fen(value) / 100
    if kind is Kind.WAN:
        return _fen(value) / 1_000_000
    if isinstance(value, date):
        return excel_serial(value)
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal | float):
        return float(value)
    return None


def header_text(text: str) -> str:
    """Text for a print header: '&' doubled (it starts a code), shortened to keep within Excel's 255."""
    return clean_text(text)[:60].replace("&", "&&")


@dataclass(frozen=True)
class PageHeader:
    """What every printed page names: the company, the report and the month."""

    company: str
    report: str
    month: str


class Book:
    """An XlsxWriter workbook with the report's cell formats, cached by (kind, style)."""

    def __init__(self, path: str, tmpdir: str, page: PageHeader | None = None, *, streamed: bool = True) -> None:
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(path, {"constant_memory": streamed, "tmpdir": tmpdir, "strings_to_numbers": False,
                                             "strings_to_formulas": False, "strings_to_urls": False})  # fmt: skip
        self.page = page
        self._formats: dict[tuple[Kind | None, str], Any] = {}
        self._closables: list[TableSheet] = []

    def fmt(self, kind: Kind | None = None, style: str = "") -> Any:
        key = (kind, style)
        if key not in self._formats:
            props = dict(_STYLES[style])
            if kind is not None and kind is not Kind.TEXT:
                props["num_format"] = kind.value
            self._formats[key] = self.wb.add_format(props) if props else None
        return self._formats[key]

    def add_sheet(self, name: str) -> Sheet:
        return Sheet(self, self.wb.add_worksheet(clean_text(name)[:31]), name)

    def add_chart(self, options: dict[str, Any]) -> Any:
        return self.wb.add_chart(options)


class Sheet:
    """One worksheet written row by row (``append``), with print setup helpers."""

    def __init__(self, book: Book, ws: Any, name: str) -> None:
        self.book = book
        self.ws = ws
        self.name = name
        self.next_row = 1  # 1-based, as a reader numbers rows
        self.widths: dict[int, float] = {}

    def break_before(self, row: int, rows_needed: int, rows_per_page: int = 34) -> None:
        """Start a new printed page at ``row`` when ``rows_needed`` more rows would not fit on the current one.

        Used before a chart: a chart cut by a page break is overlapped by the repeated title rows.
        """
        if row + rows_needed > rows_per_page:
            self.ws.set_h_pagebreaks([row - 1])

    def set_widths(self, widths: Sequence[float]) -> None:
        for idx, width in enumerate(widths):
            self.ws.set_column(idx, idx, width)
            self.widths[idx] = width

    def write(self, row: int, col: int, item: object, kind: Kind | None = None, style: str = "") -> None:
        """One cell at 1-based ``row``, 0-based ``col``: a plain value, a :class:`Cell` or a :class:`Formula`."""
        ws, book = self.ws, self.book
        if isinstance(item, Formula):
            cached = number_of(item.kind, item.cached)
            ws.write_formula(row - 1, col, item.text, book.fmt(item.kind, item.style),
                             cached if cached is not None else clean_text(item.cached))  # fmt: skip
            return
        if isinstance(item, Cell):
            cell = item
            item, kind, style = cell.value, cell.kind, cell.style
        if item is None or item == "":
            if style:
                ws.write_blank(row - 1, col, None, book.fmt(None, style))
            return
        if isinstance(item, str) or kind is Kind.TEXT:
            ws.write_string(row - 1, col, clean_text(item), book.fmt(None, style))
            return
        number = number_of(kind, item)
        if number is None:
            ws.write_string(row - 1, col, clean_text(item), book.fmt(None, style))
            return
        if kind is None and isinstance(item, date):
            kind = Kind.DATETIME if isinstance(item, datetime) else Kind.DATE
        ws.write_number(row - 1, col, number, book.fmt(kind, style))

    def append(self, cells: Sequence[object] = ()) -> int:
        """Write a row of cells at the next row; return its 1-based number."""
        row = self.next_row
        for col, item in enumerate(cells):
            self.write(row, col, item)
        self.next_row += 1
        return row

    def print_setup(self, *, title_rows: int = 0, first_column: bool = False) -> None:
        """A4, header and footer, fitted to at most two pages wide (≥ 75 %), optional repeated rows.

        The reader's application picks the scale (fit to width), because column
        widths print differently with different fonts: Excel with Calibri takes
        about 7 px per width unit, LibreOffice without it 9.3. The number
        of pages across is chosen for the wide case (:data:`PX_PER_UNIT`), so
        either application fits the sheet at a scale of at least 75 %.
        """
        ws = self.ws
        ws.set_paper(9)
        ws.set_margins(left=0.4, right=0.4, top=0.75, bottom=0.6)
        orientation, pages = print_layout(self.widths.values())
        ws.set_landscape() if orientation == "landscape" else ws.set_portrait()
        ws.fit_to_pages(pages, 0)
        page = self.book.page
        if page is not None:
            centre = " · ".join(header_text(part) for part in (page.report, self.name) if part)
            right = f"&R&9报表月份 {header_text(page.month)}" if page.month else ""
            ws.set_header(f"&L&9{header_text(page.company)}&C&9{centre}{right}", {"margin": 0.3})
        ws.set_footer("&C&9第 &P 页 共 &N 页", {"margin": 0.3})
        if title_rows:
            ws.repeat_rows(0, title_rows - 1)
        if first_column:
            ws.repeat_columns(0, 0)


PX_PER_UNIT = 9.5  # the widest rendering of one column-width unit seen (LibreOffice without Calibri: 9.3); Excel ~7
PORTRAIT_PX = (8.27 - 0.8) * 96
LANDSCAPE_PX = (11.69 - 0.8) * 96


def print_layout(widths: Iterable[float]) -> tuple[str, int]:
    """('portrait' | 'landscape', pages across) for columns of these widths, at a scale of at least 75 %."""
    total = sum(PX_PER_UNIT * w + 5 for w in widths) or 1
    if total <= PORTRAIT_PX:
        return "portrait", 1
    if total * MIN_SCALE / 100 <= LANDSCAPE_PX:
        return "landscape", 1
    return "landscape", 2


def print_scale(widths: Iterable[float], orientation: str, pages: int) -> float:
    """The scale (percent) a fit-to-width print uses for these widths at :data:`PX_PER_UNIT`."""
    total = sum(PX_PER_UNIT * w + 5 for w in widths) or 1
    avail = (LANDSCAPE_PX if orientation == "landscape" else PORTRAIT_PX) * pages
    return min(100.0, 100 * avail / total)


def _sample_width(kind: Kind, value: object) -> int:
    if value is None:
        return 0
    if kind is Kind.MONEY:
        return len(format_yuan(int(value)))  # type: ignore[call-overload]
    if kind is Kind.INT:
        return len(f"{value:,}")
    if kind in _SAMPLE_WIDTH:
        return _SAMPLE_WIDTH[kind]
    return display_width(str(value))


class TableSheet:
    """One streamed table on its own worksheet (see the module docstring)."""

    def __init__(
        self,
        book: Book,
        name: str,
        columns: Sequence[Column],
        *,
        title: str,
        subtitle: str = "",
        sample_rows: int = 200,
        freeze_first_column: bool = True,
    ) -> None:
        self.sheet = book.add_sheet(name)
        self.ws = self.sheet.ws
        self.book = book
        self.columns = tuple(columns)
        self.title = title
        self.subtitle = subtitle
        self.rows_written = 0
        self._sample_rows = sample_rows
        self._buffer: list[Sequence[object]] | None = []
        self._freeze_col = 1 if freeze_first_column else 0
        self._table_closed = False
        self._finished = False
        self._plan_: tuple[list[tuple[int, Any]], ...] = ()
        self._wrapped: list[tuple[int, float]] = []
        book._closables.append(self)

    @property
    def last_data_row(self) -> int:
        """Row number of the last data row (the header row when there are none)."""
        return HEADER_ROW + self.rows_written

    @property
    def next_row(self) -> int:
        """The row number the next footer row will take (after :meth:`end_table`)."""
        return self.sheet.next_row

    def add_row(self, values: Sequence[object]) -> None:
        """Append one data row of model values, in column order."""
        if self._table_closed:
            raise RuntimeError("rows cannot follow the footer")
        self.rows_written += 1
        if self._buffer is not None:
            self._buffer.append(values)
            if len(self._buffer) >= self._sample_rows:
                self._flush()
            return
        self._write_data(values)

    def add_footer(self, cells: Sequence[object]) -> None:
        """Append a row below the table (outside the autofilter): values, :class:`Cell` or :class:`Formula`."""
        self.end_table()
        self.sheet.append(cells)

    def total(self, col: int, cached: object, kind: Kind = Kind.MONEY) -> Formula | Cell:
        """A SUBTOTAL(109) of data column ``col`` (1-based) with its value now; a plain value when there are no rows."""
        if not self.rows_written:
            return Cell(cached, kind, "bold")
        letter = _letter(col - 1)
        return Formula(f"=SUBTOTAL(109,{letter}{FIRST_DATA_ROW}:{letter}{self.last_data_row})", cached, kind, "bold")

    def count(self, cached: int, unit: str = "笔") -> Formula | Cell:
        """A SUBTOTAL(103) count of the visible data rows (column A), shown as 'N 笔'."""
        if not self.rows_written:
            return Cell(f"0 {unit}", None, "bold")
        kind = _unit_kind(unit)
        return Formula(f"=SUBTOTAL(103,A{FIRST_DATA_ROW}:A{self.last_data_row})", cached, kind, "bold")

    def end_table(self) -> None:
        """Write what is buffered and fix the autofilter; called by the first footer or :meth:`finish`."""
        if self._table_closed:
            return
        self._flush()
        self.ws.autofilter(HEADER_ROW - 1, 0, self.last_data_row - 1, len(self.columns) - 1)
        self._table_closed = True

    def finish(self) -> int:
        """End the table (charts may be inserted before or after). Returns data rows."""
        if not self._finished:
            self.end_table()
            self._finished = True
        return self.rows_written

    # -- internals -------------------------------------------------------

    def _flush(self) -> None:
        if self._buffer is None:
            return
        buffered, self._buffer = self._buffer, None
        widths = []
        for idx, col in enumerate(self.columns, 1):
            sample = max((_sample_width(col.kind, row[idx - 1]) for row in buffered), default=0)
            header = min(display_width(col.header), 8)  # longer headers wrap (up to three lines)
            widths.append(min(max(sample, header, 6) + 2, col.max_width))
        self.sheet.set_widths(widths)
        self.ws.freeze_panes(HEADER_ROW, self._freeze_col)
        self.sheet.print_setup(title_rows=HEADER_ROW, first_column=self._freeze_col == 1)
        self.ws.set_row(HEADER_ROW - 1, 3 * ROW_POINTS)
        self.sheet.append([Cell(self.title, None, "title")])
        self.sheet.append([Cell(self.subtitle, None, "subtitle")] if self.subtitle else [])
        self.sheet.append([Cell(col.header, None, "header") for col in self.columns])
        self._plan()
        for values in buffered:
            self._write_data(values)

    def _plan(self) -> None:
        """Column indices grouped by how they are written, with their formats: decided once, not per cell.

        XlsxWriter keeps the current row's cells until the next row starts, so
        the cells of a row may be written in any column order.
        """
        book = self.book
        text, money, plain, dates, ratios = [], [], [], [], []
        wrapped = []
        for idx, col in enumerate(self.columns):
            if col.kind is Kind.TEXT:
                # A capped column wraps its long text (names, banks), so nothing is cut off on paper.
                wraps = col.max_width < 40 and not col.centred
                text.append((idx, book.fmt(None, "center" if col.centred else "wrap" if wraps else "")))
                if wraps:
                    wrapped.append((idx, max(self.sheet.widths.get(idx, col.max_width) - 1, 1)))
            elif col.kind is Kind.MONEY:
                money.append((idx, book.fmt(col.kind)))
            elif col.kind in (Kind.DATE, Kind.DATETIME):
                dates.append((idx, book.fmt(col.kind)))
            elif col.kind is Kind.INT:
                plain.append((idx, book.fmt(col.kind)))
            else:
                ratios.append((idx, book.fmt(col.kind)))
        self._plan_ = (text, money, plain, dates, ratios)
        self._wrapped = wrapped

    def _write_data(self, values: Sequence[object]) -> None:
        # The innermost loop of a report (one call per guarantee): typed writers, formats and column
        # groups decided once in _plan, a clean short string passed through after one regex scan.
        if len(values) != len(self.columns):
            raise ValueError(f"{len(values)} values for {len(self.columns)} columns")
        row = self.sheet.next_row - 1
        write_string, write_number = self.ws.write_string, self.ws.write_number
        text, money, plain, dates, ratios = self._plan_
        lines = 1
        for idx, room in self._wrapped:
            v = values[idx]
            if isinstance(v, str) and len(v) * 2 > room:
                # Readers keep a row one line high unless told: give a wrapped row its lines.
                # Width ≈ (UTF-8 bytes + characters) / 2: 2 for a Chinese character, 1 for ASCII.
                lines = max(lines, int(-(-((len(v.encode("utf-8", "replace")) + len(v)) // 2) // room)))
        if lines > 1:
            self.ws.set_row(row, ROW_POINTS * min(lines, 6))
        for idx, fmt in text:
            v = values[idx]
            if v is not None and v != "":
                if type(v) is not str or len(v) > _SHORT or _find_illegal(v):
                    v = clean_text(v)
                write_string(row, idx, v, fmt)
        for idx, fmt in money:
            v = values[idx]
            if v is not None:
                write_number(row, idx, v / 100, fmt)  # type: ignore[operator]
        for idx, fmt in plain:
            v = values[idx]
            if v is not None:
                write_number(row, idx, v, fmt)
        for idx, fmt in dates:
            v = values[idx]
            if v is not None:
                write_number(row, idx, excel_serial(v), fmt)  # type: ignore[arg-type]
        for idx, fmt in ratios:
            v = values[idx]
            if v is not None:
                write_number(row, idx, float(v), fmt)  # type: ignore[arg-type]
        self.sheet.next_row += 1


_SHORT = MAX_CELL_UNITS // 2  # a str no longer than this is within Excel's limit however it is encoded


def _unit_kind(unit: str) -> Kind:
    return {"笔": Kind.COUNT_BI, "件": Kind.COUNT_JIAN, "户": Kind.COUNT_HU}.get(unit, Kind.INT)


_LETTERS: list[str] = []


def _letter(idx: int) -> str:
    """Column letter of a 0-based index (cached)."""
    from xlsxwriter.utility import xl_col_to_name

    while len(_LETTERS) <= idx:
        _LETTERS.append(xl_col_to_name(len(_LETTERS)))
    return _LETTERS[idx]


class Ticker:
    """Progress and cancellation for a long write: checked every ``every`` rows."""

    def __init__(
        self,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
        total: int = 0,
        every: int = 500,
    ) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.total = total
        self.every = every
        self.done = 0

    def tick(self) -> None:
        """Count one row; every ``every`` rows report progress and honour a cancel."""
        self.done += 1
        if self.done % self.every == 0:
            self.check()

    def check(self) -> None:
        """Report progress now and raise :class:`ReportCancelled` if cancel was asked."""
        if self.cancelled is not None and self.cancelled():
            raise ReportCancelled()
        if self.progress is not None:
            self.progress(self.done, max(self.total, self.done))


def sized_total(*iterables: object) -> int:
    """Sum of ``len()`` over the inputs that have one (0 when none do): the progress total."""
    return sum(len(it) for it in iterables if isinstance(it, Sized))


@contextlib.contextmanager
def atomic_workbook(out_path: str | os.PathLike[str], page: PageHeader | None = None, *,
                    rows: int | None = None) -> Iterator[Book]:
    """Yield a :class:`Book`; on normal exit save it to ``out_path`` atomically.

    ``rows`` is how many table rows the workbook will hold, when known: at most
    :data:`IN_MEMORY_ROWS` keeps it in memory until the save, else (or None)
    rows stream to disk. The file is written beside the target under a temporary name (created with
    the process's umask, like any file the user saves), flushed to disk and
    renamed over the target. XlsxWriter's row files live in a private
    temporary folder removed in every case. On any exception (a cancel
    included) nothing is left at ``out_path`` that was not there before.
    """
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise IpguardError("report_dir_missing", path=str(folder))
    tmp = folder / f".{target.stem}.{secrets.token_hex(4)}.xlsx.part"
    rows_dir = tempfile.mkdtemp(prefix="ipguard-report-")
    # Streaming makes and drops millions of small objects, none of them in reference cycles: the cyclic
    # collector would only rescan them (≈ 10 % of the time). Reference counting still frees every row.
    collecting = gc.isenabled()
    gc.disable()
    try:
        book = Book(str(tmp), rows_dir, page, streamed=rows is None or rows > IN_MEMORY_ROWS)
        yield book
        for sheet in book._closables:
            sheet.finish()
        try:
            with open(tmp, "xb"):
                pass  # created here, so the umask applies (mkstemp would make it 0600)
            book.wb.close()
            os.chmod(tmp, creation_mode())  # as any file the user creates, even if the writer made it anew
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.remove(tmp)
            if isinstance(exc, PermissionError):
                raise IpguardError("report_file_in_use", path=str(target)) from exc
            if isinstance(exc, OSError):
                raise IpguardError("report_write_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
            raise
    finally:
        if collecting:
            gc.enable()
        shutil.rmtree(rows_dir, ignore_errors=True)
