"""The case list page (案件): search, filters, a paged table sorted in the store, export.

Everything the user narrows by becomes one :class:`~ipguard.store.records.CaseFilter`
handed to :class:`~ui.models.case_list.CaseListModel`, which orders the matching
cases in the store and fetches rows by pages. Typing in the search box re-queries
after a 250 ms pause, and a new search starts at its first hit. Every column sorts
(names by pinyin); the columns take the width of their content; Ctrl+Home / Ctrl+End
(or 首条 / 末条) reach either end of 100,000 cases in one step; several rows can be
selected (Shift, Ctrl, Ctrl+A) and exported, opened or copied together.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipguard import catalog, clock
from ipguard.domain import OPEN_STAGES, Role, Stage
from ipguard.intake import INTAKE_ROLES
from ipguard.products import available_products, load_product
from ipguard.reports import export_subtitle
from ipguard.store.records import CaseFilter
from ui import errors as uierrors
from ui.i18n import current_language, stage_label, translate
from ui.models.case_list import (
    COL_BANK,
    COL_COMPANY,
    CaseIdRole,
    CaseListModel,
    cell_text,
)
from ui.pages.cases_export import CaseExportTask
from ui.session import Session

SEARCH_DELAY_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the minimum of the date filters, shown as "不限"
# A column is as wide as its content (first page) and its header, within these bounds (characters of the font).
MAX_COLUMN_CHARS = {COL_COMPANY: 30, COL_BANK: 18}
MAX_CHARS = 24
OPEN_AT_ONCE = 10  # "open the selected cases" opens at most this many tabs


class _DateFilter(QDateEdit):
    """A date bound that can be "不限" (its minimum date)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(translate("Cases", "不限"))
        self.setDate(NO_DATE)

    def value(self) -> dt.date | None:
        return None if self.date() == NO_DATE else self.date().toPython()  # type: ignore[return-value]

    def set_value(self, value: dt.date | None) -> None:
        self.setDate(QDate(value) if value else NO_DATE)


class CaseListPage(QWidget):
    """All cases, narrowed by search and filters; double-click or Enter opens one."""

    case_opened = Signal(int)
    export_finished = Signal(str, int)  # path, rows
    export_failed = Signal(str)  # message

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = False
        self._export: CaseExportTask | None = None
        self.model = CaseListModel(session.store, CaseFilter(), self)
        self._build()
        self.reload_choices()
        self._update_count()
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self.search_timer.start)
        for combo in (self.stage_combo, self.bank_combo, self.manager_combo, self.product_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filters)
        session.signals.case_changed.connect(self._on_case_changed)
        session.signals.reference_data_changed.connect(self.reload_choices)
        user_changed = getattr(session.signals, "user_changed", None)
        if user_changed is not None:
            user_changed.connect(self._update_permissions)
        self._update_permissions()
        self._update_position()

    # -- layout ------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("Cases", "搜索企业名称、统一社会信用代码、案件编号或知识产权号码"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(translate("Cases", "搜索案件"))
        self.new_button = QPushButton(translate("Cases", "新建案件(&N)"), self)
        self.new_button.clicked.connect(self.new_case)
        self.export_button = QPushButton(translate("Cases", "导出(&E)…"), self)
        self.export_button.setToolTip(translate("Cases", "把当前筛选出的案件导出为 Excel 文件"))
        self.export_button.clicked.connect(self.export)
        self.export_selected_button = QPushButton(translate("Cases", "导出所选…"), self)
        self.export_selected_button.setToolTip(translate("Cases", "只导出表中选中的案件（Shift/Ctrl 多选，Ctrl+A 全选）"))
        self.export_selected_button.clicked.connect(self.export_selected)
        self.export_selected_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.export_button)
        top.addWidget(self.export_selected_button)

        self.stage_combo = QComboBox(self)
        self.bank_combo = QComboBox(self)
        self.manager_combo = QComboBox(self)
        self.product_combo = QComboBox(self)
        self.date_from = _DateFilter(self)
        self.date_to = _DateFilter(self)
        self.clear_button = QPushButton(translate("Cases", "清除筛选"), self)
        self.clear_button.clicked.connect(self.clear_filters)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(translate("Cases", "案件数"))
        filters = QHBoxLayout()
        for text, widget in (
            (translate("Cases", "阶段(&S)"), self.stage_combo),
            (translate("Cases", "银行(&B)"), self.bank_combo),
            (translate("Cases", "客户经理(&M)"), self.manager_combo),
            (translate("Cases", "产品"), self.product_combo),
            (translate("Cases", "申请日期(&D)"), self.date_from),
            (translate("Cases", "至"), self.date_to),
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        # Combos sized by a few characters, not their longest item, so the row fits 1366 pixels in English too.
        for combo, chars in ((self.stage_combo, 8), (self.bank_combo, 10), (self.manager_combo, 8), (self.product_combo, 8)):
            combo.setMinimumContentsLength(chars)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.count_label)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: 100,000 of them cost nothing
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        self._widths_fitted = False
        self.fit_columns()
        # The indicator first: enabling sorting sorts by the indicator's column at once.
        header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.activated.connect(self._on_activated)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        copy = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        copy.setContext(Qt.ShortcutContext.WidgetShortcut)
        copy.activated.connect(self.copy_selected)

        self.first_button = QPushButton(translate("Cases", "首条"), self)
        self.first_button.setToolTip(translate("Cases", "回到列表第一条（Ctrl+Home）"))
        self.first_button.clicked.connect(self.go_first)
        self.last_button = QPushButton(translate("Cases", "末条"), self)
        self.last_button.setToolTip(translate("Cases", "一步跳到列表最后一条（Ctrl+End）"))
        self.last_button.clicked.connect(self.go_last)
        self.position_label = QLabel(self)
        self.position_label.setAccessibleName(translate("Cases", "当前位置"))
        self.table.verticalScrollBar().valueChanged.connect(self._update_position)

        self.progress = QProgressBar(self)
        self.progress.setVisible(False)
        self.progress.setFormat(translate("Cases", "正在导出… %v / %m"))
        self.cancel_export_button = QPushButton(translate("Cases", "取消导出"), self)
        self.cancel_export_button.setVisible(False)
        self.cancel_export_button.clicked.connect(self.cancel_export)
        self.status_label = QLabel(self)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.first_button)
        bottom.addWidget(self.last_button)
        bottom.addWidget(self.position_label)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_export_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def reload_choices(self) -> None:
        """(Re)fill the stage, bank, manager and product filters, keeping the current choices."""
        store = self.session.store
        self._fill(self.stage_combo, [(translate("Cases", "全部阶段"), ()),
                                      (translate("Cases", "办理中（放款前）"), tuple(s for s in Stage if s in OPEN_STAGES))]
                   + [(stage_label(s), (s,)) for s in Stage])  # fmt: skip
        self._fill(self.bank_combo, [(translate("Cases", "全部银行"), None)] + [(b.display, b.id) for b in store.repos.banks.all()])
        managers = store.repos.users.with_role(Role.ACCOUNT_MANAGER)
        self._fill(self.manager_combo, [(translate("Cases", "全部客户经理"), None)] + [(u.display_name, u.id) for u in managers])
        self._fill(self.product_combo, [(translate("Cases", "全部产品"), None)] + [(catalog.product_name(load_product(c), current_language()), c) for c in available_products()])

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- filters -------------------------------------------------------------

    def current_filter(self) -> CaseFilter:
        """The filter the widgets describe (with the table's current sort)."""
        sort = self.model.case_filter()
        return CaseFilter(
            text=self.search.text().strip(),
            stages=tuple(self.stage_combo.currentData() or ()),
            bank_id=self.bank_combo.currentData(),
            account_manager_id=self.manager_combo.currentData(),
            product_code=self.product_combo.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            sort_key=sort.sort_key,
            descending=sort.descending,
        )

    def apply_filters(self) -> None:
        """Re-query with the widgets' filter now (the search box calls this after its pause)."""
        self.search_timer.stop()
        self._stale = False
        selected = self.selected_case_id()
        wanted = self.current_filter()
        changed = wanted != getattr(self, "_last_filter", None)
        self._last_filter = wanted
        self.model.set_filter(wanted)
        self._update_count()
        self.fit_columns()
        if changed:  # a new search starts at its first hit, not at the old scroll position
            self.table.scrollToTop()
            if self.model.rowCount() > 0:
                self.table.selectRow(0)
        elif selected is not None:
            self.select_case(selected)
        self._update_position()

    def save_state(self) -> dict:
        """The search, filters, sort and selected case (kept when the page is rebuilt in another language)."""
        return {
            "text": self.search.text(),
            "combos": [combo.currentData() for combo in self._filter_combos()],
            "dates": [self.date_from.value(), self.date_to.value()],
            "sort": [self.model.sort_column(), self.model.sort_order().value],
            "selected": self.selected_case_id(),
        }

    def restore_state(self, state: dict) -> None:
        """Put back what :meth:`save_state` returned and query once."""
        widgets = [self.search, *self._filter_combos(), self.date_from, self.date_to]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.search.setText(state.get("text", ""))
            for combo, data in zip(self._filter_combos(), state.get("combos", []), strict=False):
                index = combo.findData(data)
                combo.setCurrentIndex(max(index, 0))
            for edit, value in zip((self.date_from, self.date_to), state.get("dates", []), strict=False):
                edit.set_value(value)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        column, order = state.get("sort", [self.model.sort_column(), self.model.sort_order().value])
        self.table.horizontalHeader().setSortIndicator(column, Qt.SortOrder(order))
        self.apply_filters()
        if state.get("selected") is not None:
            self.select_case(state["selected"])

    def _filter_combos(self) -> list[QComboBox]:
        return [self.stage_combo, self.bank_combo, self.manager_combo, self.product_combo]

    def clear_filters(self) -> None:
        for widget in (self.search, self.stage_combo, self.bank_combo, self.manager_combo, self.product_combo,
                       self.date_from, self.date_to):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.stage_combo, self.bank_combo, self.manager_combo, self.product_combo):
            combo.setCurrentIndex(0)
        self.date_from.set_value(None)
        self.date_to.set_value(None)
        for widget in (self.search, self.stage_combo, self.bank_combo, self.manager_combo, self.product_combo,
                       self.date_from, self.date_to):
            widget.blockSignals(False)
        self.apply_filters()

    def filters_text(self) -> str:
        """The active filters in words (the export's subtitle; the workbook is in Chinese like the reports)."""
        parts = []
        if self.search.text().strip():
            parts.append(f"搜索：{self.search.text().strip()}")
        for name, combo in (("阶段", self.stage_combo), ("银行", self.bank_combo), ("客户经理", self.manager_combo),
                            ("产品", self.product_combo)):
            if combo.currentIndex() > 0:
                parts.append(f"{name}：{self._chinese_choice(combo)}")
        start, end = self.date_from.value(), self.date_to.value()
        if start or end:
            parts.append(f"申请日期：{start or '不限'} 至 {end or '不限'}")
        return "；".join(parts)  # "" = no filter (the subtitle says 全部案件)

    def _chinese_choice(self, combo: QComboBox) -> str:
        """A filter's chosen item in Chinese (stage names come translated in an English window)."""
        if combo is self.product_combo:
            return load_product(combo.currentData()).name
        if combo is not self.stage_combo:
            return combo.currentText()
        if combo.currentIndex() == 1:
            return "办理中（放款前）"
        return "、".join(s.label for s in combo.currentData() or ())

    def _update_count(self) -> None:
        total = self.model.total()
        self.count_label.setText(translate("Cases", "共 1 件") if total == 1 else  # English: "1 case"
                                 translate("Cases", "共 {n} 件").format(n=f"{total:,}"))

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.sort_column() != column:
            # A column the store cannot sort by: put the indicator back where the data is.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(self.model.sort_column(), self.model.sort_order())
            header.blockSignals(False)
        self._update_position()

    # -- columns -----------------------------------------------------------------

    def fit_columns(self) -> None:
        """Size each column to its header and the content of the first page, within bounds.

        The first time it sets every width; after that it only widens a column whose new content
        needs more room, so a new search does not make the table jump (a width the user dragged stays).
        """
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        header_metrics = header.fontMetrics()
        rows = self.model.rows_for_width()
        char = metrics.horizontalAdvance("中")
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = header_metrics.horizontalAdvance(title) + 24  # room for the sort arrow
            texts = [cell_text(row, column) for row in rows]
            if texts:
                width = max(width, max(metrics.horizontalAdvance(t) for t in texts) + 18)
            width = min(width, char * MAX_COLUMN_CHARS.get(column, MAX_CHARS))
            if not self._widths_fitted or width > header.sectionSize(column):
                header.resizeSection(column, width)
        self._widths_fitted = self._widths_fitted or bool(rows)

    # -- moving through the list ------------------------------------------------

    def go_first(self) -> None:
        """首条 / Ctrl+Home: the first case of the list."""
        self._go(0)

    def go_last(self) -> None:
        """末条 / Ctrl+End: the last case of the list, in one step at any size."""
        self._go(self.model.rowCount() - 1)

    def _go(self, row: int) -> None:
        if row < 0:
            return
        index = self.model.index(row, max(self.table.currentIndex().column(), 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_position()

    def visible_rows(self) -> tuple[int, int]:
        """(first, last) row shown in the table (−1, −1 when empty)."""
        if self.model.rowCount() == 0:
            return -1, -1
        viewport = self.table.viewport()
        first = self.table.rowAt(0)
        last = self.table.rowAt(viewport.height() - 1)
        first = max(first, 0)
        return first, (last if last >= 0 else self.model.rowCount() - 1)

    def _update_position(self, *_args) -> None:
        total = self.model.rowCount()
        if total == 0:
            self.position_label.setText("")
        else:
            first, last = self.visible_rows()
            self.position_label.setText(translate("Cases", "第 {first}–{last} 条").format(first=f"{first + 1:,}", last=f"{last + 1:,}"))
        self.first_button.setEnabled(total > 0)
        self.last_button.setEnabled(total > 0)

    # -- selection and opening ------------------------------------------------

    def selected_rows(self) -> list[int]:
        """The rows selected, in list order (ranges are read without touching the rows themselves)."""
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_case_ids(self) -> list[int]:
        """The ids of every selected case, in list order."""
        return self.model.case_ids(self.selected_rows())

    def selected_case_id(self) -> int | None:
        """The current case (the focused row when it is selected, else the first selected)."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row(), QModelIndex()):
            return self.model.case_id_at(current.row())
        ids = self.selected_case_ids()
        return ids[0] if ids else None

    def select_case(self, case_id: int) -> bool:
        row = self.model.row_of_case(case_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _on_selection(self, *_args) -> None:
        n = len(self.selected_rows())
        self.export_selected_button.setEnabled(n > 0 and self._export is None)
        self.export_selected_button.setText(translate("Cases", "导出所选（{n}）…").format(n=f"{n:,}") if n > 1
                                            else translate("Cases", "导出所选…"))

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.selection_menu()
        if menu.actions():
            menu.exec(self.table.viewport().mapToGlobal(pos))

    def selection_menu(self) -> QMenu:
        """What can be done with the selected rows (the table's context menu)."""
        menu = QMenu(self)
        n = len(self.selected_rows())
        if n == 0:
            return menu
        menu.addAction(translate("Cases", "打开所选案件（最多 {m} 个）").format(m=OPEN_AT_ONCE) if n > 1
                       else translate("Cases", "打开案件"), self.open_selected_cases)
        menu.addAction(translate("Cases", "导出所选（{n}）…").format(n=f"{n:,}"), self.export_selected)
        menu.addAction(translate("Cases", "复制所选行（Ctrl+C）"), self.copy_selected)
        return menu

    def open_selected_cases(self) -> list[int]:
        """Open every selected case (up to :data:`OPEN_AT_ONCE`) in its own tab; returns the ids opened."""
        ids = self.selected_case_ids()[:OPEN_AT_ONCE]
        for case_id in ids:
            self.case_opened.emit(case_id)
        return ids

    def copy_selected(self) -> str:
        """Ctrl+C: the selected rows as tab-separated text (with the headers), for a spreadsheet or a mail."""
        ids = self.selected_case_ids()
        if not ids:
            return ""
        store = self.session.store
        headers = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.columnCount())]
        lines = ["\t".join(headers)]
        for row in store.repos.cases.rows_by_ids(ids):
            if row is not None:
                lines.append("\t".join(cell_text(row, c) for c in range(self.model.columnCount())))
        text = "\n".join(lines)
        QGuiApplication.clipboard().setText(text)
        self.status_label.setText(translate("Cases", "已复制 {n} 行").format(n=f"{len(lines) - 1:,}"))
        return text

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_opened.emit(index.data(CaseIdRole))

    def open_selected(self) -> None:
        case_id = self.selected_case_id()
        if case_id is not None:
            self.case_opened.emit(case_id)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search box with its text selected."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- refresh ---------------------------------------------------------------

    def _on_case_changed(self, _case_id: int) -> None:
        if self.isVisible():
            self.apply_filters()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.apply_filters()

    def _update_permissions(self) -> None:
        allowed = any(role in self.session.user.roles for role in INTAKE_ROLES)
        self.new_button.setEnabled(allowed)
        self.new_button.setToolTip(translate("Cases", "新建案件（Ctrl+N）") if allowed
                                   else translate("Cases", "只有客户经理或管理员可以受理新案件"))

    # -- new case ----------------------------------------------------------------

    def new_case(self) -> int | None:
        """Open the intake dialog; on success select (and announce) the new case; returns its id."""
        if not self.new_button.isEnabled():
            return None
        case_id = self.run_intake_dialog()
        if case_id is None:
            return None
        self.apply_filters()
        self.select_case(case_id)
        self.case_opened.emit(case_id)
        return case_id

    def run_intake_dialog(self) -> int | None:
        """Show :class:`~ui.dialogs.intake.IntakeDialog` modally; the new case's id, or None when cancelled.

        The one place the page opens the form (tests replace it with a case opened through the core)."""
        from ui.dialogs.intake import IntakeDialog

        dialog = IntakeDialog(self.session, self)
        uierrors.exec_dialog(dialog)  # through the module: tests replace it
        return dialog.case_id

    # -- export --------------------------------------------------------------------

    def ask_export_path(self) -> Path | None:
        """Ask where to save the export; None when cancelled (the page's one file dialog; tests replace it)."""
        default = Path.home() / f"案件列表_{clock.today():%Y%m%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, translate("Cases", "导出案件列表"), str(default),
                                              translate("Cases", "Excel 工作簿 (*.xlsx)"))
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    def export(self) -> None:
        """Export the filtered list, in the list's order, to an xlsx file, in the background."""
        self._start_export(self.model.case_ids(), export_subtitle.subtitle(self.filters_text(), clock.now()))

    def export_selected(self) -> None:
        """Export only the selected cases (in the list's order)."""
        ids = self.selected_case_ids()
        if ids:
            self._start_export(ids, export_subtitle.subtitle(self.filters_text(), clock.now(), selected=len(ids)))

    def _start_export(self, case_ids: list[int], filters_text: str) -> None:
        if self._export is not None:
            return
        path = self.ask_export_path()
        if path is None:
            return
        task = CaseExportTask(
            self.session.open_worker_store,
            dataclasses.replace(self.model.case_filter()),
            path,
            title="案件列表",
            filters_text=filters_text,
            case_ids=case_ids,
        )
        task.signals.progress.connect(self._on_export_progress)
        task.signals.finished.connect(self._on_export_finished)
        task.signals.failed.connect(self._on_export_failed)
        task.signals.cancelled.connect(self._on_export_cancelled)
        self._export = task
        self.export_button.setEnabled(False)
        self.export_selected_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first progress report
        self.progress.setVisible(True)
        self.cancel_export_button.setVisible(True)
        self.status_label.setText(task.label)
        task.start()

    def cancel_export(self) -> None:
        if self._export is not None:
            self._export.cancel()

    def _export_done(self, text: str) -> None:
        self._export = None
        self.export_button.setEnabled(True)
        self._on_selection()
        self.progress.setVisible(False)
        self.cancel_export_button.setVisible(False)
        self.status_label.setText(text)

    def _on_export_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_export_finished(self, count: int) -> None:
        path = str(self._export.out_path) if self._export is not None else ""
        self._export_done(translate("Cases", "已导出 {n} 件案件到 {path}").format(n=f"{count:,}", path=path))
        self.export_finished.emit(path, count)

    def _on_export_failed(self, exc: BaseException) -> None:
        message = exc.message(current_language()) if hasattr(exc, "message") else str(exc)  # type: ignore[attr-defined]
        self._export_done(translate("Cases", "导出失败：{message}").format(message=message))
        self.export_failed.emit(message)
        uierrors.show_error(self, exc)

    def _on_export_cancelled(self) -> None:
        self._export_done(translate("Cases", "已取消导出，未写入文件"))
