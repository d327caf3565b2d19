"""The case list as a Qt table model over the store, loaded page by page.

Sorting and filtering happen in SQL (``Store.repos.cases.page`` with a
:class:`~ipguard.store.records.CaseFilter`); the model only ever holds the
pages the view has scrolled to, so 100,000 cases open as fast as 200. Never
put a ``QSortFilterProxyModel`` on top of it: sorting 100k Python rows through
``data()`` takes tens of seconds.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ipguard.money import format_wan, format_yuan
from ipguard.store import Store
from ipguard.store.records import CaseFilter, CaseListRow
from ui.i18n import current_language, stage_label, translate

PAGE_SIZE = 200

COL_CASE_NO = 0
COL_COMPANY = 1
COL_USCC = 2
COL_STAGE = 3
COL_BANK = 4
COL_MANAGER = 5
COL_REQUESTED = 6
COL_GUARANTEE = 7
COL_APPLICATION_DATE = 8
COL_UPDATED = 9

# Chinese source texts, translated when shown (context "CaseList"); amounts are in
# 万元 in Chinese and in yuan in English (see :func:`ui.i18n.amount_text`).
HEADERS = (
    QT_TRANSLATE_NOOP("CaseList", "案件编号"),
    QT_TRANSLATE_NOOP("CaseList", "企业名称"),
    QT_TRANSLATE_NOOP("CaseList", "统一社会信用代码"),
    QT_TRANSLATE_NOOP("CaseList", "阶段"),
    QT_TRANSLATE_NOOP("CaseList", "合作银行"),
    QT_TRANSLATE_NOOP("CaseList", "客户经理"),
    QT_TRANSLATE_NOOP("CaseList", "申请金额（万元）"),
    QT_TRANSLATE_NOOP("CaseList", "担保额（万元）"),
    QT_TRANSLATE_NOOP("CaseList", "申请日期"),
    QT_TRANSLATE_NOOP("CaseList", "更新时间"),
)

# The SQL sort key of each column (``ipguard.store.repos.cases.SORT_COLUMNS``);
# None: the store cannot sort by it, clicking its header keeps the current order.
SORT_KEYS: dict[int, str | None] = {
    COL_CASE_NO: "case_no",
    COL_COMPANY: "company",
    COL_USCC: None,
    COL_STAGE: "stage",
    COL_BANK: "bank",
    COL_MANAGER: "account_manager",
    COL_REQUESTED: "requested_amount",
    COL_GUARANTEE: None,
    COL_APPLICATION_DATE: "application_date",
    COL_UPDATED: "updated_at",
}

SortRole = Qt.ItemDataRole.UserRole + 1  # native value (int fen, date, str)
RowRole = Qt.ItemDataRole.UserRole + 2  # the CaseListRow
CaseIdRole = Qt.ItemDataRole.UserRole + 3  # the case id (int)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


def wan(fen: int | None) -> str:
    """An amount without the unit (the header carries it): 300000000 -> '300.00' (万元),
    or '3,000,000.00' (yuan) in an English window."""
    if fen is None:
        return ""
    return format_yuan(fen) if current_language() == "en" else format_wan(fen).removesuffix("万元")


def short_time(iso: str) -> str:
    """'2026-11-02T10:23:45+08:00' -> '2026-11-02 10:23'."""
    return iso[:16].replace("T", " ") if iso else ""


def _display(row: CaseListRow, column: int) -> str:
    if column == COL_CASE_NO:
        return row.case_no
    if column == COL_COMPANY:
        return row.company_name
    if column == COL_USCC:
        return row.uscc
    if column == COL_STAGE:
        return stage_label(row.stage)
    if column == COL_BANK:
        return row.bank
    if column == COL_MANAGER:
        return row.account_manager
    if column == COL_REQUESTED:
        return wan(row.requested_amount)
    if column == COL_GUARANTEE:
        return wan(row.guarantee_amount)
    if column == COL_APPLICATION_DATE:
        return row.application_date.isoformat()
    return short_time(row.updated_at)


def _native(row: CaseListRow, column: int) -> Any:
    if column == COL_REQUESTED:
        return row.requested_amount
    if column == COL_GUARANTEE:
        return row.guarantee_amount if row.guarantee_amount is not None else -1
    if column == COL_APPLICATION_DATE:
        return row.application_date
    if column == COL_STAGE:
        return row.stage.value
    if column == COL_UPDATED:
        return row.updated_at
    return _display(row, column)


class CaseListModel(QAbstractTableModel):
    """Filtered, sorted case list; rows arrive in pages of :data:`PAGE_SIZE`."""

    def __init__(self, store: Store, case_filter: CaseFilter | None = None, parent=None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._store = store
        self._filter = case_filter or CaseFilter()
        self._page_size = page_size
        self._rows: list[CaseListRow] = []
        self._total = 0
        self._load_first_page()

    # -- loading -----------------------------------------------------------

    def _load_first_page(self) -> None:
        repo = self._store.repos.cases
        self._rows = repo.page(self._filter, 0, self._page_size)
        # A short first page is the whole list: skip the second full query (COUNT).
        self._total = len(self._rows) if len(self._rows) < self._page_size else repo.count(self._filter)

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show the cases matching ``case_filter`` (its sort key and order included)."""
        self.beginResetModel()
        self._filter = case_filter
        self._load_first_page()
        self.endResetModel()

    def refresh(self) -> None:
        """Reload from the store with the same filter (after a case changed)."""
        self.set_filter(self._filter)

    def case_filter(self) -> CaseFilter:
        return self._filter

    def total(self) -> int:
        """How many cases match the filter (SQL COUNT), loaded or not."""
        return self._total

    def loaded(self) -> int:
        return len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid():
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self.canFetchMore(parent):
            return
        rows = self._store.repos.cases.page(self._filter, len(self._rows), self._page_size)
        if not rows:
            # The table shrank under us (another workstation): stop asking.
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- sorting -----------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in SQL ordered by ``column``; columns without a sort key are ignored."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._filter.sort_key and descending == self._filter.descending:
            return
        self.layoutAboutToBeChanged.emit()
        self._filter = dataclasses.replace(self._filter, sort_key=key, descending=descending)
        self._load_first_page()
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        """The column of the current SQL sort (or -1 when none matches)."""
        for column, key in SORT_KEYS.items():
            if key == self._filter.sort_key:
                return column
        return -1

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._filter.descending else Qt.SortOrder.AscendingOrder

    # -- Qt model API ------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("CaseList", HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole and SORT_KEYS.get(section) is None:
                return translate("CaseList", "{column}（此列不支持排序）").format(column=translate("CaseList", HEADERS[section]))
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)) or not (0 <= index.column() < len(HEADERS)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == SortRole:
            return _native(row, column)
        if role == RowRole:
            return row
        if role == CaseIdRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column in (COL_REQUESTED, COL_GUARANTEE) else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_COMPANY, COL_STAGE):
            return _display(row, column)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- convenience ---------------------------------------------------------

    def row_at(self, row: int) -> CaseListRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of_case(self, case_id: int) -> int:
        """The loaded row showing ``case_id``, or -1."""
        for i, r in enumerate(self._rows):
            if r.id == case_id:
                return i
        return -1


__all__ = [
    "COL_APPLICATION_DATE",
    "COL_BANK",
    "COL_CASE_NO",
    "COL_COMPANY",
    "COL_GUARANTEE",
    "COL_MANAGER",
    "COL_REQUESTED",
    "COL_STAGE",
    "COL_UPDATED",
    "COL_USCC",
    "HEADERS",
    "PAGE_SIZE",
    "CaseIdRole",
    "CaseListModel",
    "RowRole",
    "SortRole",
]
