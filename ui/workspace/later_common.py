"""Small building blocks shared by the later-stage workspace tabs (letter … post-loan, documents)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipguard import clock
from ipguard.errors import IpguardError
from ui import errors as uierrors
from ui.workspace.base import FAILED, WorkspaceTab

if TYPE_CHECKING:
    from ui.workspace import CaseWorkspace

log = logging.getLogger("ipguard.ui")

WARN_STYLE = "QLabel { background: #fff8e1; border: 1px solid #ffb300; border-radius: 4px; padding: 6px; color: #4e342e; }"
ALERT_STYLE = "color: #b71c1c; font-weight: bold;"
MUTED_STYLE = "color: #555;"


def date_edit(value: dt.date | None = None) -> QDateEdit:
    """A calendar-popup date edit (yyyy-MM-dd), today by default."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value or clock.today()))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    return edit.date().toPython()  # type: ignore[return-value]


def set_date(edit: QDateEdit, value: dt.date | None) -> None:
    edit.setDate(QDate(value or clock.today()))


def info_label(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def table(headers: list[str]) -> QTableWidget:
    """A read-only, row-selecting table with the given headers."""
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def fill_table(t: QTableWidget, rows: list[tuple[Any, ...]], data: list[Any] | None = None) -> None:
    """Replace the rows; ``data[i]`` is stored in every cell of row i (UserRole)."""
    t.setRowCount(len(rows))
    for i, row in enumerate(rows):
        for col, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[i])
            t.setItem(i, col, item)


def yes_no(value: object) -> str:
    return "是" if value else "否"


class ScrollTab(WorkspaceTab):
    """A workspace tab whose content scrolls (tall forms survive a 1366×768 window)."""

    def __init__(self, workspace: CaseWorkspace) -> None:
        super().__init__(workspace)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.content = QWidget()
        self.body = QVBoxLayout(self.content)
        self.body.setContentsMargins(12, 10, 12, 10)
        self.body.setSpacing(10)
        scroll.setWidget(self.content)
        outer.addWidget(scroll)
        self.scroll = scroll


def call_core(tab: WorkspaceTab, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a core function that takes no ``expected_version`` (documents); errors shown, workspace reloaded."""
    try:
        result = fn(*args, **kwargs)
    except IpguardError as exc:
        uierrors.show_error(tab, exc, tab.lang)
        return FAILED
    except Exception as exc:  # a bug: report it; the core's transaction rolled back
        log.exception("%s failed", getattr(fn, "__name__", fn))
        uierrors.show_error(tab, exc, tab.lang)
        return FAILED
    tab.workspace.reload()
    tab.session.signals.case_changed.emit(tab.case_id)
    return result
