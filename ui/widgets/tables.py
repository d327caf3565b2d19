"""Read-only tables of a few rows (workspace tabs, the dashboard): the one way to build and fill them.

Long lists (the case list, my work) use a model over the store instead; these
tables hold what one case or one card shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def read_only_table(headers: Sequence[str], stretch: int | None = None) -> QTableWidget:
    """A read-only table selecting one whole row; ``headers`` already translated.

    Columns fit their contents; column ``stretch`` (else the last) takes the
    width left, its text wrapped.
    """
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]], data: Sequence[Any] | None = None, *,
               colours: Sequence[str | None] | None = None, colour_column: int | None = None,
               bold_rows: Sequence[int] = (), fit_rows: bool = True) -> None:
    """Replace the rows of ``table``.

    ``data[i]`` is stored in every cell of row i (``UserRole``: the record the
    row shows); ``colours[i]`` colours row i's ``colour_column`` text (next to a
    mark or word: never colour alone); ``bold_rows`` are emphasised (totals).
    A long cell carries its text as a tooltip.
    """
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text() if len(item.text()) > 20 else "")
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            if colours and colour_column == c and colours[r]:
                item.setForeground(QBrush(QColor(colours[r])))
            if r in bold_rows:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
                item.setBackground(QBrush(QColor("#e3f2fd")))
            table.setItem(r, c, item)
    if fit_rows:
        table.resizeRowsToContents()
