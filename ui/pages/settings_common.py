"""Shared pieces of the settings pages: a record table model, the panel base, percent input.

:class:`RecordTableModel` is one ``QAbstractTableModel`` for the short
reference lists (users, banks, referrers, holiday overrides): a list of
:class:`Column` specs, rows loaded through a callable that asks a store
repository, reset on :meth:`~RecordTableModel.reload`. The lists are small
(tens of rows), so sorting happens in the repository's ``ORDER BY``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QDialog, QHeaderView, QTableView, QWidget

from ipguard import messages
from ipguard.domain import Role
from ipguard.errors import IpguardError, ValidationError
from ipguard.store.retry import retrying
from ui import errors as uierrors
from ui.i18n import translate
from ui.session import Session

messages.register(
    {
        "percent_invalid": (
            "应为 0 至 100 之间的百分数（最多两位小数），收到“{value}”",
            "must be a percentage from 0 to 100 (at most two decimals), got “{value}”",
        ),
        "password_mismatch": ("两次输入的密码不一致", "the two passwords differ"),
    }
)

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    """One column: a header (Chinese source in the ``Settings`` context) and how to get the value."""

    header: str
    value: Callable[[Any], object]
    align_right: bool = False


class RecordTableModel(QAbstractTableModel):
    """Rows of records (dataclasses or tuples) shown through column specs."""

    RecordRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column], loader: Callable[[], Sequence[Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.loader = loader
        self._rows: list[Any] = []

    def reload(self) -> None:
        """Ask the repository again and reset the view."""
        self.beginResetModel()
        self._rows = list(self.loader())
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = column.value(record)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and getattr(record, "active", True) is False:
            return QBrush(QColor("#888888"))
        if role == self.RecordRole:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return QCoreApplication.translate("Settings", self.columns[section].header)
        return None


def make_table(model: RecordTableModel) -> QTableView:
    """A read-only, whole-row-selecting table view for a record model."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultSectionSize(130)
    return view


def fit_columns(view: QTableView, padding: int = 18, maximum: int = 360) -> None:
    """Size columns to their contents (headers included) plus breathing room, within a maximum."""
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column in range(header.count() - 1):
        header.resizeSection(column, min(maximum, max(header.sectionSize(column), header.sectionSizeHint(column)) + padding))


def selected_record(view: QTableView) -> Any | None:
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    if not rows:
        return None
    return view.model().data(rows[0], RecordTableModel.RecordRole)


def yes_no(value: bool) -> str:
    return translate("Settings", "是") if value else translate("Settings", "否")


def active_text(record: Any) -> str:
    return translate("Settings", "启用") if record.active else translate("Settings", "已停用")


def parse_percent(text: str, field: str) -> int:
    """A percentage typed by the user ("15", "12.5%") as basis points; ValidationError(field) otherwise."""
    raw = (text or "").strip().rstrip("%％").strip()
    if not raw:
        return 0
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError(field, "percent_invalid", value=text) from None
    if not value.is_finite() or value < 0 or value > 100 or (value * 100) != (value * 100).to_integral_value():
        raise ValidationError(field, "percent_invalid", value=text)
    return int(value * 100)


def percent_text(bp: int) -> str:
    """Basis points as a percentage without trailing zeros: 1250 -> "12.5"."""
    value = Decimal(bp) / 100
    return f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"


class SettingsPanel(QWidget):
    """One section of the settings page; editable by admins only.

    Subclasses put their editing widgets in ``self.edit_widgets``; for other
    users these are disabled with a tooltip that says why.
    """

    admin_only = True

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.edit_widgets: list[QWidget] = []

    @property
    def is_admin(self) -> bool:
        return Role.ADMIN in self.session.user.roles

    def apply_permissions(self) -> None:
        allowed = self.is_admin or not self.admin_only
        reason = "" if allowed else translate("Settings", "只有管理员可以修改此设置")
        for widget in self.edit_widgets:
            widget.setEnabled(allowed)
            widget.setToolTip(reason)

    def refresh(self) -> None:
        """Reload from the store (override)."""

    def run(self, action: Callable[[], object]) -> bool:
        """Run a store write; show a refusal (naming the field) and return False when it fails."""
        try:
            retrying(self.session.store, action)  # again, unseen, when the server undid it in a lock conflict
        except IpguardError as exc:
            uierrors.show_error(self, exc)
            return False
        self.session.signals.reference_data_changed.emit()
        return True


class EditDialog(QDialog):
    """A form dialog whose OK saves through ``on_save``; a refusal is shown and the dialog stays."""

    def __init__(self, on_save: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_save = on_save

    def accept(self) -> None:
        try:
            self.on_save()
        except IpguardError as exc:
            uierrors.show_error(self, exc)
            return
        super().accept()
