"""Where a :class:`~ipguard.reports.xlsx.TableSheet` sends its rows.

openpyxl's write-only sheet spends ~25 µs per cell on this machine (value
binding, style lookup, one lxml element per cell): 10,000 rows of 17 columns
take 5-9 s. :class:`FastRows` writes the same ``<row>`` XML as strings into a
temporary file (~1 µs per cell), lets openpyxl write the rest of the sheet
(views, columns, autofilter, print setup, drawing) around an empty
``<sheetData/>``, and splices the rows in when the sheet is closed, before
the workbook is saved. Styles are still registered through openpyxl cells,
so the workbook's style table is openpyxl's own.

:class:`OpenpyxlRows` is the plain path (``ws.append`` with ``WriteOnlyCell``):
the reference the tests compare :class:`FastRows` against, and the fallback
when openpyxl's internals are not what :class:`FastRows` expects.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from xml.sax.saxutils import escape

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.utils.datetime import to_excel

_EMPTY_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")


def fast_rows_supported(ws: object) -> bool:
    """True when the write-only sheet looks as FastRows expects (openpyxl 3.1)."""
    return hasattr(ws, "close") and hasattr(ws, "_writer") and hasattr(ws, "closed")


def fen_text(fen: int) -> str:
    """Integer fen as an exact decimal yuan literal: -12345 -> '-123.45'."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    return f"{sign}{whole}.{cents:02d}"


def _number(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (datetime, date)):
        return repr(to_excel(value)) if isinstance(value, datetime) else str(int(to_excel(value)))
    return str(value)


def _text_cell(ref: str, text: str, sid: int) -> str:
    style = f' s="{sid}"' if sid else ""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def _value_cell(ref: str, value: object, sid: int) -> str:
    if isinstance(value, str):
        return _text_cell(ref, value, sid)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    style = f' s="{sid}"' if sid else ""
    return f'<c r="{ref}"{style}><v>{_number(value)}</v></c>'


class OpenpyxlRows:
    """Rows through openpyxl's own write-only path."""

    def __init__(self, ws: object) -> None:
        self.ws = ws

    def write_cells(self, row_no: int, cells: Sequence[object]) -> None:
        self.ws.append(list(cells))  # type: ignore[attr-defined]

    def close(self) -> None:
        """Nothing to do: openpyxl closes the sheet when the workbook is saved."""


class FastRows:
    """Rows as XML strings in a temporary file, spliced into the sheet on :meth:`close`."""

    def __init__(self, ws: object) -> None:
        self.ws = ws
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - removed on close, also after an error
        self._pending: list[str] = []
        self._pending_size = 0

    def style_id(self, cell: WriteOnlyCell) -> int:
        """The workbook style index of a styled cell (registers the style); 0 if unstyled."""
        return cell.style_id if cell.has_style else 0

    def write_cells(self, row_no: int, cells: Sequence[object]) -> None:
        """One row of openpyxl cells and/or plain values (titles, headers, footers)."""
        parts = [f'<row r="{row_no}">']
        for idx, item in enumerate(cells):
            if item is None or item == "":
                continue
            ref = f"{_letter(idx)}{row_no}"
            if isinstance(item, Cell):
                value, sid = item.value, self.style_id(item)
                if value is None or value == "":
                    if sid:
                        parts.append(f'<c r="{ref}" s="{sid}"/>')
                    continue
                parts.append(_text_cell(ref, str(value), sid) if item.data_type == "s" else _value_cell(ref, value, sid))
            else:
                parts.append(_value_cell(ref, item, 0))
        parts.append("</row>")
        self.write_xml("".join(parts))

    def write_values(self, row_no: int, specs: Sequence[tuple[str, str, int]], values: Sequence[object]) -> None:
        """One data row: ``specs`` are (column letter, code, style id) with code
        't' text (already cleaned), 'm' money in fen, 'i' plain int, 'n' other number/date."""
        r = str(row_no)
        parts = [f'<row r="{r}">']
        for (letter, code, sid), value in zip(specs, values, strict=True):
            if value is None or value == "":
                continue
            if code == "t":
                parts.append(_text_cell(letter + r, value, 0))  # type: ignore[arg-type]
            elif code == "m":
                parts.append(f'<c r="{letter}{r}" s="{sid}"><v>{fen_text(value)}</v></c>')  # type: ignore[arg-type]
            elif code == "i":
                parts.append(f'<c r="{letter}{r}"><v>{value}</v></c>')
            else:
                parts.append(f'<c r="{letter}{r}" s="{sid}"><v>{_number(value)}</v></c>')
        parts.append("</row>")
        self.write_xml("".join(parts))

    def write_xml(self, row_xml: str) -> None:
        """Queue a finished ``<row>`` element."""
        self._pending.append(row_xml)
        self._pending_size += len(row_xml)
        if self._pending_size > 1 << 20:
            self._drain()

    def _drain(self) -> None:
        self._file.write("".join(self._pending).encode("utf-8", "replace"))
        self._pending.clear()
        self._pending_size = 0

    def close(self) -> None:
        """Close the openpyxl sheet and splice the rows into its XML."""
        self._drain()
        ws = self.ws
        ws.close()  # type: ignore[attr-defined]
        path = ws._writer.out  # type: ignore[attr-defined]
        with open(path, "rb") as fh:
            shell = fh.read()
        match = _EMPTY_SHEET_DATA.search(shell)
        if match is None:
            raise RuntimeError("unexpected worksheet XML from openpyxl: no empty <sheetData/>")
        with open(path, "wb") as out:
            out.write(shell[: match.start()])
            out.write(b"<sheetData>")
            self._file.seek(0)
            shutil.copyfileobj(self._file, out, 1 << 20)
            out.write(b"</sheetData>")
            out.write(shell[match.end() :])
        self._file.close()

    def discard(self) -> None:
        self._file.close()


_LETTERS: list[str] = []


def _letter(idx: int) -> str:
    """Column letter of a 0-based index (cached)."""
    from openpyxl.utils import get_column_letter

    while len(_LETTERS) <= idx:
        _LETTERS.append(get_column_letter(len(_LETTERS) + 1))
    return _LETTERS[idx]


def column_letters(count: int) -> list[str]:
    return [_letter(i) for i in range(count)]
