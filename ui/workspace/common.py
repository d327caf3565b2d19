"""Small building blocks shared by the workspace tabs (read-only tables, sections, outcome marks)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from ui.i18n import translate

# outcome -> (mark, text, colour); never colour alone
OUTCOMES = {
    "pass": ("✓", QT_TRANSLATE_NOOP("Workspace", "通过"), "#1b7f3b"),
    "fail": ("✗", QT_TRANSLATE_NOOP("Workspace", "不通过"), "#c62828"),
    "justify": ("!", QT_TRANSLATE_NOOP("Workspace", "需说明"), "#e65100"),
}


def outcome_text(outcome: str) -> str:
    mark, text, _ = OUTCOMES.get(outcome, ("?", outcome, "#000"))
    return f"{mark} {translate('Workspace', text)}"


def outcome_colour(outcome: str) -> str:
    return OUTCOMES.get(outcome, ("", "", "#000000"))[2]


def read_only_table(headers: Sequence[str], stretch: int | None = None) -> QTableWidget:
    """A read-only, row-selecting table with word-wrapped cells; column ``stretch`` takes the rest."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([translate("Workspace", h) for h in headers])  # sources in ui/i18n_sources.py
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]], colours: Sequence[str | None] | None = None,
               colour_column: int | None = None, bold_rows: Sequence[int] = (), fit_rows: bool = True) -> None:
    """Replace the rows of ``table``; optional text colour per row for one column, bold rows."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            item.setToolTip(item.text() if len(item.text()) > 20 else "")
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


def section(title: str) -> QGroupBox:
    box = QGroupBox(title)
    box.setStyleSheet("QGroupBox { font-weight: bold; } QGroupBox QLabel, QGroupBox QTableWidget { font-weight: normal; }")
    return box


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def when(stamp: str | None) -> str:
    """An ISO time stamp shortened for display ("2026-11-20 14:03")."""
    if not stamp:
        return "—"
    return stamp.replace("T", " ")[:16]


def hbox_widget(*widgets: QWidget) -> QWidget:
    from PySide6.QtWidgets import QHBoxLayout

    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w)
    layout.addStretch(1)
    return holder
