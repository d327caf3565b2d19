"""Streaming xlsx sheets in the form a reader expects (openpyxl write-only mode).

A :class:`TableSheet` is one write-only worksheet laid out as

    row 1  title (company, month, sheet name), bold
    row 2  subtitle (as-of date, filters …), grey
    row 3  header: bold, filled, wrapped; frozen with the first column;
           autofilter over it and the data rows; repeated on every printed page
    row 4… data rows, each value typed by its :class:`Column` kind
    then   footer rows (totals, notes), outside the autofilter range

Money arrives as integer fen and is written as an exact Decimal number of
yuan with ``#,##0.00`` (the header says （元）); dates as real dates with
``yyyy-mm-dd``; ratios as ``0.00%``. Column widths are measured on the first
rows (East Asian wide characters count 2) before anything is written, because
a write-only sheet fixes its columns before its first row; widths are capped.
Memory stays flat: only that sample is held.

:func:`atomic_workbook` writes to a temporary file beside the target and
renames it, so the target is either the whole new workbook or untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from ipguard import messages
from ipguard.errors import IpguardError
from ipguard.money import format_yuan, to_decimal
from ipguard.outputs import creation_mode
from ipguard.reports._rowxml import FastRows, OpenpyxlRows, column_letters, fast_rows_supported

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
    DATE = "yyyy-mm-dd"
    DATETIME = "yyyy-mm-dd hh:mm"
    PERCENT = "0.00%"  # Decimal ratio, 0.1 = 10%
    MULTIPLE = '0.00"倍"'  # Decimal, 8.5 = 8.5 times
    ONE_PLACE = "0.0"  # Decimal such as a median number of days


@dataclass(frozen=True)
class Column:
    """A table column: Chinese header (money headers end with （元）) and kind."""

    header: str
    kind: Kind = Kind.TEXT
    max_width: int = 40


# Rows as XML strings spliced into openpyxl's sheet (see _rowxml); False = openpyxl cells only.
USE_FAST_ROWS = True
_OPEN_SHEETS: dict[int, list[TableSheet]] = {}  # id(workbook) -> its TableSheets, finished before saving
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1
TITLE_FONT = Font(bold=True, size=14)
SUBTITLE_FONT = Font(size=10, color="595959")
BOLD = Font(bold=True)
ALERT_FONT = Font(bold=True, color="C00000")
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
HEADER_BORDER = Border(bottom=Side(style="thin"))
_SAMPLE_WIDTH = {Kind.DATE: 10, Kind.DATETIME: 16, Kind.PERCENT: 8, Kind.MULTIPLE: 9, Kind.ONE_PLACE: 6}


def display_width(text: str) -> int:
    """Width in Excel character units: East Asian wide and fullwidth characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def clean_text(value: object) -> str:
    """A string safe for a cell: control characters that xlsx forbids removed."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def cell_value(kind: Kind, value: object) -> object:
    """Convert a model value to what is stored in the cell (fen -> Decimal yuan, …)."""
    if value is None:
        return None
    if kind is Kind.MONEY:
        return to_decimal(int(value))  # type: ignore[call-overload]
    if kind is Kind.DATETIME and isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone().replace(tzinfo=None)  # Excel has no time zones: local time
    if kind is Kind.TEXT:
        return clean_text(value)
    return value


def make_cell(ws: object, value: object, kind: Kind | None = None, font: Font | None = None) -> WriteOnlyCell:
    """A styled write-only cell; text is always text (a leading '=' is not a formula)."""
    stored = cell_value(kind, value) if kind else (clean_text(value) if isinstance(value, str) else value)
    cell = WriteOnlyCell(ws, stored)
    if isinstance(stored, str):
        cell.data_type = "s"
    elif kind is not None and kind is not Kind.TEXT and stored is not None:
        cell.number_format = kind.value
    if font is not None:
        cell.font = font
    return cell


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


def setup_print(ws: object, *, title_rows: str | None = None) -> None:
    """Landscape, fit to one page wide (any number tall), optional repeated rows."""
    ws.page_setup.orientation = "landscape"  # type: ignore[attr-defined]
    ws.page_setup.paperSize = 9  # type: ignore[attr-defined]  # A4
    ws.page_setup.fitToWidth = 1  # type: ignore[attr-defined]
    ws.page_setup.fitToHeight = 0  # type: ignore[attr-defined]
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)  # type: ignore[attr-defined]
    if title_rows:
        ws.print_title_rows = title_rows  # type: ignore[attr-defined]


class TableSheet:
    """One streamed table on its own write-only sheet (see the module docstring)."""

    def __init__(
        self,
        wb: Workbook,
        name: str,
        columns: Sequence[Column],
        *,
        title: str,
        subtitle: str = "",
        sample_rows: int = 200,
        freeze_first_column: bool = True,
    ) -> None:
        self.ws = wb.create_sheet(name)
        self.columns = tuple(columns)
        self.title = title
        self.subtitle = subtitle
        self.rows_written = 0
        self._sample_rows = sample_rows
        self._buffer: list[Sequence[object]] | None = []
        self._freeze = f"B{FIRST_DATA_ROW}" if freeze_first_column else f"A{FIRST_DATA_ROW}"
        self._table_closed = False
        self._finished = False
        self._next_row = 1
        self._fast = USE_FAST_ROWS and fast_rows_supported(self.ws)
        self._sink: FastRows | OpenpyxlRows = FastRows(self.ws) if self._fast else OpenpyxlRows(self.ws)
        self._specs: list[tuple[str, str, int]] = []
        _OPEN_SHEETS.setdefault(id(wb), []).append(self)

    @property
    def last_data_row(self) -> int:
        """Row number of the last data row (the header row when there are none)."""
        return HEADER_ROW + self.rows_written

    @property
    def next_row(self) -> int:
        """The row number the next footer row will take (after :meth:`end_table`)."""
        return self._next_row

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
        """Append a row below the table (outside the autofilter); pass cells or plain values."""
        self.end_table()
        self._append(list(cells))

    def end_table(self) -> None:
        """Write what is buffered and fix the autofilter; called by the first footer or :meth:`finish`."""
        if self._table_closed:
            return
        self._flush()
        last_col = get_column_letter(len(self.columns))
        self.ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{self.last_data_row}"
        self._table_closed = True

    def finish(self) -> int:
        """End the table and close the sheet (charts must be added before). Returns data rows.

        :func:`atomic_workbook` finishes any sheet left open before it saves.
        """
        if not self._finished:
            self.end_table()
            self._sink.close()
            self._finished = True
        return self.rows_written

    # -- internals -------------------------------------------------------

    def _append(self, cells: list[object]) -> None:
        self._sink.write_cells(self._next_row, cells)
        self._next_row += 1

    def _flush(self) -> None:
        if self._buffer is None:
            return
        buffered, self._buffer = self._buffer, None
        for idx, col in enumerate(self.columns, 1):
            sample = max((_sample_width(col.kind, row[idx - 1]) for row in buffered), default=0)
            header = min(display_width(col.header), 24)  # longer headers wrap
            width = min(max(sample, header, 6) + 2, col.max_width)
            self.ws.column_dimensions[get_column_letter(idx)].width = width
        self.ws.freeze_panes = self._freeze
        setup_print(self.ws, title_rows=f"{HEADER_ROW}:{HEADER_ROW}")
        self._append([make_cell(self.ws, self.title, font=TITLE_FONT)])
        self._append([make_cell(self.ws, self.subtitle, font=SUBTITLE_FONT)] if self.subtitle else [])
        header = []
        for col in self.columns:
            cell = make_cell(self.ws, col.header, font=BOLD)
            cell.fill = HEADER_FILL
            cell.alignment = HEADER_ALIGN
            cell.border = HEADER_BORDER
            header.append(cell)
        self._append(header)
        for values in buffered:
            self._write_data(values)

    def _write_data(self, values: Sequence[object]) -> None:
        if self._fast:
            if not self._specs:
                letters = column_letters(len(self.columns))
                self._specs = [self._spec(letter, col) for letter, col in zip(letters, self.columns, strict=True)]
            converted = [
                clean_text(v) if code == "t" and v is not None else (cell_value(col.kind, v) if code == "n" else v)
                for (_, code, _), col, v in zip(self._specs, self.columns, values, strict=True)
            ]
            self._sink.write_values(self._next_row, self._specs, converted)  # type: ignore[union-attr]
            self._next_row += 1
            return
        row: list[object] = []
        for col, value in zip(self.columns, values, strict=True):
            if value is None:
                row.append(None)
            elif col.kind is Kind.TEXT:
                text = clean_text(value)
                row.append(make_cell(self.ws, text) if text.startswith("=") else text)
            elif col.kind is Kind.INT and isinstance(value, int):
                row.append(value)
            else:
                row.append(make_cell(self.ws, value, col.kind))
        self._append(row)

    def _spec(self, letter: str, col: Column) -> tuple[str, str, int]:
        if col.kind is Kind.TEXT:
            return letter, "t", 0
        if col.kind is Kind.INT:
            return letter, "i", 0
        probe = WriteOnlyCell(self.ws)
        probe.number_format = col.kind.value
        return letter, "m" if col.kind is Kind.MONEY else "n", probe.style_id


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
    return sum(len(it) for it in iterables if hasattr(it, "__len__"))  # type: ignore[arg-type]


def _discard(wb: Workbook) -> None:
    """Close and delete the temporary files of half-written write-only sheets."""
    for sheet in _OPEN_SHEETS.pop(id(wb), []):
        if isinstance(sheet._sink, FastRows):
            sheet._sink.discard()
    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        with contextlib.suppress(Exception):
            if getattr(ws, "_rows", None) is not None:
                ws._rows.close()
            writer.xf.close()
        with contextlib.suppress(OSError):
            os.remove(writer.out)


@contextlib.contextmanager
def atomic_workbook(out_path: str | os.PathLike[str]) -> Iterator[Workbook]:
    """Yield a write-only workbook; on normal exit save it to ``out_path`` atomically.

    The file is written beside the target under a temporary name, flushed to
    disk and renamed over the target. On any exception (a cancel included)
    nothing is left at ``out_path`` that was not there before.
    """
    target = Path(out_path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise IpguardError("report_dir_missing", path=str(folder))
    wb = Workbook(write_only=True)
    try:
        yield wb
        for sheet in _OPEN_SHEETS.get(id(wb), []):
            sheet.finish()
    except BaseException:
        _discard(wb)
        raise
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.stem}.", suffix=".xlsx.part")
    except OSError as exc:
        _discard(wb)
        raise IpguardError("report_write_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
    os.close(fd)
    try:
        wb.save(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, creation_mode())  # as any file the user creates (mkstemp's 0600 otherwise)
        os.replace(tmp, target)
        _OPEN_SHEETS.pop(id(wb), None)
    except BaseException as exc:
        _discard(wb)
        with contextlib.suppress(OSError):
            os.remove(tmp)
        if isinstance(exc, PermissionError):
            raise IpguardError("report_file_in_use", path=str(target)) from exc
        if isinstance(exc, OSError):
            raise IpguardError("report_write_failed", path=str(target), reason=exc.strerror or str(exc)) from exc
        raise

