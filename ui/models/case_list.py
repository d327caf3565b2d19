"""The case list as a Qt table model over the store: every matching case is a row, fetched by pages.

Sorting and filtering happen in the store: :meth:`~ipguard.store.repos.cases.CaseRepo.ordered_ids`
returns the ids of every matching case in order (one query of ids, ~50 ms at 100,000 cases), and
the rows of a page of 200 come by id when the view first paints them. So ``rowCount()`` is the
whole result, Ctrl+End reaches the last case in one step, and the last page costs what the first
does. Company, bank and account-manager names sort by pinyin: the store ranks their distinct
texts with :class:`PinyinRanker` (a ``QCollator`` for zh_CN). Never put a
``QSortFilterProxyModel`` on top: sorting 100k Python rows through ``data()`` takes tens of seconds.

On a team server (``store.is_server``) with :data:`KEYSET_FROM` matches or more, the list pages by keyset instead
(:meth:`~ipguard.store.repos.cases.CaseRepo.keyset_page`): the first page comes at once, the next when
the view scrolls to the end (``canFetchMore``/``fetchMore``), each after the last row's sort value and
id, so a million cases cost what a hundred do; ``total()`` still counts every match. Text columns then
sort in the server's order, not by pinyin.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCollator, QLocale, QModelIndex, QPersistentModelIndex, Qt

from ipguard.money import wan_figure
from ipguard.store import Store
from ipguard.store.records import CaseFilter, CaseListCursor, CaseListRow
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
# 万元 in Chinese and in yuan in English (see :func:`ipguard.money.wan_text`).
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

# The store's sort key of each column (``ipguard.store.repos.cases.SORT_COLUMNS``): every column sorts.
SORT_KEYS: dict[int, str | None] = {
    COL_CASE_NO: "case_no",
    COL_COMPANY: "company",
    COL_USCC: "uscc",
    COL_STAGE: "stage",
    COL_BANK: "bank",
    COL_MANAGER: "account_manager",
    COL_REQUESTED: "requested_amount",
    COL_GUARANTEE: "guarantee_amount",
    COL_APPLICATION_DATE: "application_date",
    COL_UPDATED: "updated_at",
}
# On a server, a list of this many cases or more pages by keyset instead of reading every id first.
KEYSET_FROM = 100_000
# Pages of rows kept in memory (the ids of every case are kept anyway).
CACHED_PAGES = 40

SortRole = Qt.ItemDataRole.UserRole + 1  # native value (int fen, date, str)
RowRole = Qt.ItemDataRole.UserRole + 2  # the CaseListRow
CaseIdRole = Qt.ItemDataRole.UserRole + 3  # the case id (int)

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


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
        return wan_figure(row.requested_amount, current_language())  # the header carries the unit
    if column == COL_GUARANTEE:
        return "" if row.guarantee_amount is None else wan_figure(row.guarantee_amount, current_language())
    if column == COL_APPLICATION_DATE:
        return row.application_date.isoformat()
    return short_time(row.updated_at)


def cell_text(row: CaseListRow, column: int) -> str:
    """What the list shows in ``column`` for ``row`` (also what a copy of the row carries)."""
    return _display(row, column)


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


class PinyinRanker:
    """Ranks texts in Chinese reading order (pinyin) with ``QCollator`` for zh_CN; remembers what it ranked.

    The store calls it with the distinct texts of a sort (company names …) and orders the cases by the
    ranks. Only texts it has not seen get a collation key; the rest keep their order, so sorting again
    after a new case costs a merge, not a full sort.
    """

    def __init__(self, locale: QLocale | None = None) -> None:
        self._collator = QCollator(locale or QLocale("zh_CN"))
        self._collator.setNumericMode(True)  # "2号楼" before "10号楼"
        self._keys: dict[str, Any] = {}
        self._order: list[str] = []
        self._rank: dict[str, int] = {}

    def compare(self, a: str, b: str) -> int:
        return self._collator.compare(a, b)

    def __call__(self, texts: Iterable[str]) -> Mapping[str, int]:
        new = [t for t in texts if t not in self._rank]
        if new:
            key = self._collator.sortKey
            for text in new:
                self._keys[text] = key(text or "")
            self._order = sorted(self._order + new, key=self._keys.__getitem__)
            self._rank = {text: i for i, text in enumerate(self._order)}
        return self._rank


_PINYIN: PinyinRanker | None = None


def pinyin_ranker() -> PinyinRanker:
    """The process's ranker (its memory of ranked names is shared by every list)."""
    global _PINYIN
    if _PINYIN is None:
        _PINYIN = PinyinRanker()
    return _PINYIN


class CaseListModel(QAbstractTableModel):
    """Filtered, sorted case list: one row per matching case, rows fetched a page of :data:`PAGE_SIZE` at a time."""

    def __init__(self, store: Store, case_filter: CaseFilter | None = None, parent=None, *, page_size: int = PAGE_SIZE,
                 ranker: PinyinRanker | None = None, keyset: bool | None = None) -> None:
        super().__init__(parent)
        # Keyset paging (a server with many cases) or the snapshot of every id; None: decided by each load.
        self._keyset_choice = keyset
        self._keyset = bool(keyset)
        self._rows: list[CaseListRow] = []  # keyset mode: the rows fetched so far
        self._cursor: CaseListCursor | None = None
        self._more = False
        self._fetching = False
        self._total = 0
        self._store = store
        self._filter = case_filter or CaseFilter()
        self._page_size = page_size
        self._ranker = ranker or pinyin_ranker()
        self._ids: list[int] = []
        self._position: dict[int, int] | None = None
        self._pages: OrderedDict[int, list[CaseListRow | None]] = OrderedDict()
        self._load()

    # -- loading -----------------------------------------------------------

    def _load(self) -> None:
        self._position = None
        self._pages.clear()
        self._rows, self._cursor, self._more = [], None, False
        self._keyset = bool(self._keyset_choice)
        if self._keyset_choice is None and self._store.is_server:
            self._total = self._store.repos.cases.count(self._filter)
            self._keyset = self._total >= KEYSET_FROM
        elif self._keyset:
            self._total = self._store.repos.cases.count(self._filter)
        if self._keyset:
            self._ids = []
            self._rows, self._cursor = self._store.repos.cases.keyset_page(self._filter, None, self._page_size)
            self._more = self._cursor is not None
            return
        self._ids = self._store.repos.cases.ordered_ids(self._filter, self._ranker)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return self._keyset and self._more and not self._fetching and not parent.isValid()

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        """Keyset mode: the next page, after the last row shown."""
        if not self.canFetchMore(parent):
            return
        page, cursor = self._store.repos.cases.keyset_page(self._filter, self._cursor, self._page_size)
        self._fetching = True  # a view asking for more while these rows go in must wait for them
        try:
            if page:
                self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
                self._rows.extend(page)
                self._position = None
                self.endInsertRows()
        finally:
            self._cursor, self._more, self._fetching = cursor, cursor is not None, False

    def _count(self) -> int:
        return len(self._rows) if self._keyset else len(self._ids)

    def is_keyset(self) -> bool:
        """Whether rows come by keyset pages (a server) rather than from a snapshot of every id."""
        return self._keyset

    def set_filter(self, case_filter: CaseFilter) -> None:
        """Show the cases matching ``case_filter`` (its sort key and order included)."""
        self.beginResetModel()
        self._filter = case_filter
        self._load()
        self.endResetModel()

    def refresh(self) -> None:
        """Reload from the store with the same filter (after a case changed)."""
        self.set_filter(self._filter)

    def case_filter(self) -> CaseFilter:
        return self._filter

    def total(self) -> int:
        """How many cases match the filter (every one is a row; in keyset mode, once fetched)."""
        return self._total if self._keyset else len(self._ids)

    def loaded(self) -> int:
        """Rows fetched and kept in memory (at most :data:`CACHED_PAGES` pages; keyset mode: every fetched row)."""
        if self._keyset:
            return len(self._rows)
        return sum(len(rows) for rows in self._pages.values())

    def _page(self, number: int) -> list[CaseListRow | None]:
        rows = self._pages.get(number)
        if rows is None:
            start = number * self._page_size
            rows = self._store.repos.cases.rows_by_ids(self._ids[start:start + self._page_size])
            self._pages[number] = rows
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return rows

    # -- sorting -----------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query the store ordered by ``column``."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._filter.sort_key and descending == self._filter.descending:
            return
        if self._keyset:  # the rows fetched start again from the first page: a reset, not a re-layout
            self.beginResetModel()
            self._filter = dataclasses.replace(self._filter, sort_key=key, descending=descending)
            self._load()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        self._filter = dataclasses.replace(self._filter, sort_key=key, descending=descending)
        self._load()
        self.layoutChanged.emit()

    def sort_column(self) -> int:
        """The column of the current sort (or -1 when none matches)."""
        for column, key in SORT_KEYS.items():
            if key == self._filter.sort_key:
                return column
        return -1

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._filter.descending else Qt.SortOrder.AscendingOrder

    # -- Qt model API ------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("CaseList", HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("CaseList", "按“{column}”排序（再点一次反向）").format(column=translate("CaseList", HEADERS[section]))
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self._count():
            return str(section + 1)
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < self._count()) or not (0 <= index.column() < len(HEADERS)):
            return None
        if role == CaseIdRole:
            return self.case_id_at(index.row())
        if role not in _ROW_ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:  # the case is gone since the list was read
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == SortRole:
            return _native(row, column)
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(_RIGHT if column in (COL_REQUESTED, COL_GUARANTEE) else _LEFT)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_COMPANY, COL_STAGE, COL_BANK):
            return _display(row, column)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    # -- convenience ---------------------------------------------------------

    def row_at(self, row: int) -> CaseListRow | None:
        if not 0 <= row < self._count():
            return None
        if self._keyset:
            return self._rows[row]
        return self._page(row // self._page_size)[row % self._page_size]

    def case_id_at(self, row: int) -> int | None:
        if self._keyset:
            return self._rows[row].id if 0 <= row < len(self._rows) else None
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def case_ids(self, rows: Iterable[int] | None = None) -> list[int]:
        """The case ids of ``rows`` (every matching case when None), in list order, without fetching any row."""
        if self._keyset:
            if rows is None:  # every match, in the keyset order (the server's order of texts)
                return self._store.repos.cases.ordered_ids(self._filter)
            return [self._rows[r].id for r in sorted(set(rows)) if 0 <= r < len(self._rows)]
        if rows is None:
            return list(self._ids)
        return [self._ids[r] for r in sorted(set(rows)) if 0 <= r < len(self._ids)]

    def row_of_case(self, case_id: int) -> int:
        """The row showing ``case_id``, or -1."""
        if self._position is None:
            ids = [r.id for r in self._rows] if self._keyset else self._ids
            self._position = {case_id: row for row, case_id in enumerate(ids)}
        return self._position.get(case_id, -1)

    def rows_for_width(self, limit: int = PAGE_SIZE) -> list[CaseListRow]:
        """The first rows (for sizing the columns to their content)."""
        if self._keyset:
            return self._rows[:limit]
        return [r for r in self._page(0) if r is not None][:limit] if self._ids else []


_ROW_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SortRole, RowRole, Qt.ItemDataRole.TextAlignmentRole,
                        Qt.ItemDataRole.ToolTipRole})


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
    "KEYSET_FROM",
    "PAGE_SIZE",
    "CaseIdRole",
    "CaseListModel",
    "PinyinRanker",
    "RowRole",
    "SortRole",
    "cell_text",
    "pinyin_ranker",
]
