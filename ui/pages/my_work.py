"""我的待办 (my work): what waits for the signed-in user, with counts in the navigation and on the dashboard.

:class:`WorkLoader` reads :func:`ipguard.workflow.work.my_work` on a worker thread (its own store,
as every background task) after each change of a case, a sign-in or a refresh, and hands the items
to whoever listens: the navigation entry's count, the dashboard's figures and :class:`MyWorkPage`.
The page lists the items (overdue first), filters them by kind, shows for the chosen case the
waiting line the stage bar shows (:func:`ipguard.workflow.work.waiting`), and keeps the cases the
user opened lately (:mod:`ui.recent_cases`). Enter, a double click or 打开 opens a case.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipguard import clock
from ipguard.workflow.work import KINDS, WorkItem, count_by_kind, my_work, waiting
from ui import recent_cases
from ui.i18n import current_language, stage_label, translate
from ui.session import Session
from ui.tasks import Task

log = logging.getLogger("ipguard.ui.mywork")

PAGE_KEY = "mywork"
REFRESH_DELAY_MS = 150  # a burst of changes (an action refreshes several views) reads the list once


# -- loading off the UI thread -----------------------------------------------------------------


class WorkLoader(QObject):
    """The signed-in user's work items, re-read in the background after every change."""

    changed = Signal()

    def __init__(self, session: Session, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.items: list[WorkItem] = []
        self.error: BaseException | None = None
        self.loaded = False
        self._generation = 0
        self._running = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_now)
        session.signals.case_changed.connect(lambda _id: self.refresh())
        session.signals.user_changed.connect(self._on_user_changed)
        session.signals.reference_data_changed.connect(self.refresh)

    def today(self) -> dt.date:
        return self._today or clock.today()

    def refresh(self) -> None:
        """Read the list again shortly (changes in a burst are read once)."""
        self._timer.start()

    def refresh_now(self) -> None:
        """Start reading the list now, in the background."""
        self._timer.stop()
        self._generation += 1
        generation, opener, user, today = self._generation, self.session.open_worker_store, self.session.user, self.today()

        def work() -> list[WorkItem]:
            with opener() as store:
                return my_work(store, user, today=today)

        task = Task(work, "my work")  # the client's one background-task class (ui.tasks)
        task.signals.finished.connect(lambda items: self._on_done(generation, items))
        task.signals.failed.connect(lambda exc: self._on_done(generation, exc))
        self._running += 1
        task.start()

    def busy(self) -> bool:
        return self._running > 0 or self._timer.isActive()

    def _on_done(self, generation: int, items: object) -> None:
        self._running -= 1
        if generation != self._generation:
            return  # an older read finished after a newer one started
        if isinstance(items, BaseException):
            self.error = items
        else:
            self.error = None
            self.items = items  # type: ignore[assignment]
        self.loaded = True
        self.changed.emit()

    def _on_user_changed(self) -> None:
        self.items = []
        self.loaded = False
        self.changed.emit()
        self.refresh_now()

    def counts(self) -> dict[str, int]:
        return count_by_kind(self.items)

    @classmethod
    def of(cls, session: Session) -> WorkLoader:
        """The session's loader (one per signed-in window; made on first use, lives as long as the session)."""
        loader = session.signals.findChild(WorkLoader)
        if loader is None:
            loader = cls(session, session.signals)
        return loader


def nav_count_text(loader: WorkLoader) -> str:
    """The navigation entry's suffix: " (12)", or " (12 · 逾期 2)"."""
    if not loader.loaded or not loader.items:
        return ""
    counts = loader.counts()
    if counts["overdue"]:
        return translate("MyWork", "（{n} · 逾期 {m}）").format(n=len(loader.items), m=counts["overdue"])
    return translate("MyWork", "（{n}）").format(n=len(loader.items))


def kind_label(kind: str) -> str:
    text = KINDS.get(kind)
    return text.get(current_language()) if text else kind


# -- the list ----------------------------------------------------------------------------------

COLUMNS = (
    QT_TRANSLATE_NOOP("MyWork", "状态"),
    QT_TRANSLATE_NOOP("MyWork", "类别"),
    QT_TRANSLATE_NOOP("MyWork", "待办事项"),
    QT_TRANSLATE_NOOP("MyWork", "案件编号"),
    QT_TRANSLATE_NOOP("MyWork", "企业"),
    QT_TRANSLATE_NOOP("MyWork", "阶段"),
    QT_TRANSLATE_NOOP("MyWork", "期限"),
    QT_TRANSLATE_NOOP("MyWork", "本阶段起"),
)
COL_STATUS, COL_KIND, COL_TEXT, COL_CASE_NO, COL_COMPANY, COL_STAGE, COL_DUE, COL_SINCE = range(len(COLUMNS))
CaseIdRole = Qt.ItemDataRole.UserRole + 1
ItemRole = Qt.ItemDataRole.UserRole + 2


class WorkModel(QAbstractTableModel):
    """Work items as rows (thousands are fine: nothing is built per row until painted)."""

    def __init__(self, parent: QObject | None = None, *, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.items: list[WorkItem] = []
        self.today = today or clock.today()

    def set_items(self, items: list[WorkItem], today: dt.date) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.today = today
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return translate("MyWork", COLUMNS[section])
        return None

    def _status(self, item: WorkItem) -> str:
        if item.overdue:
            return translate("MyWork", "逾期")
        if item.due is not None and (item.due - self.today).days <= 3:
            return translate("MyWork", "临近")
        return translate("MyWork", "待办")

    def _due(self, item: WorkItem) -> str:
        if item.due is None:
            return ""
        days = (item.due - self.today).days
        if days < 0:
            left = translate("MyWork", "逾期 {n} 天").format(n=-days)
        elif days == 0:
            left = translate("MyWork", "今天")
        else:
            left = translate("MyWork", "剩 {n} 天").format(n=days)
        return f"{item.due.isoformat()}（{left}）" if current_language() != "en" else f"{item.due.isoformat()} ({left})"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == CaseIdRole:
            return item.case_id
        if role == ItemRole:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (self._status(item), kind_label(item.kind), item.text.get(current_language()), item.case_no,
                      item.company, stage_label(item.stage), self._due(item), item.since.isoformat() if item.since else "")
            return values[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATUS and item.overdue:
            return QColor("#b71c1c")
        return None


class MyWorkPage(QWidget):
    """我的待办: the user's items by kind, the chosen case's waiting line, the cases opened lately."""

    case_opened = Signal(int)

    def __init__(self, session: Session, loader: WorkLoader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.loader = loader or WorkLoader.of(session)
        self.kind: str | None = None
        self._build()
        self.loader.changed.connect(self.fill)
        self.fill()
        if not self.loader.loaded and not self.loader.busy():
            self.loader.refresh_now()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        head = QHBoxLayout()
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        head.addWidget(self.title)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        head.addWidget(self.subtitle, 1)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        head.addWidget(self.refresh_button)
        layout.addLayout(head)

        self.kind_row = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons: dict[str | None, QPushButton] = {}
        for kind in (None, *KINDS):
            button = QPushButton()
            button.setCheckable(True)
            button.clicked.connect(lambda _=False, k=kind: self.set_kind(k))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            self.kind_row.addWidget(button)
        self.kind_row.addStretch(1)
        layout.addLayout(self.kind_row)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.model = WorkModel(self, today=self.loader.today())
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)  # what to do takes the room left
        header.setSectionResizeMode(COL_COMPANY, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        self.table.activated.connect(lambda index: self._open(index.data(CaseIdRole)))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        left_layout.addWidget(self.table, 1)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color: #555; padding: 12px;")
        self.empty_label.setWordWrap(True)
        left_layout.addWidget(self.empty_label)
        detail_row = QHBoxLayout()
        self.detail = QLabel()
        self.detail.setObjectName("waitingFor")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_row.addWidget(self.detail, 1)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(lambda: self._open(self.current_case_id()))
        detail_row.addWidget(self.open_button)
        left_layout.addLayout(detail_row)
        splitter.addWidget(left)

        self.recent_box = QGroupBox()
        recent_layout = QVBoxLayout(self.recent_box)
        self.recent_list = QListWidget()
        self.recent_list.itemActivated.connect(lambda item: self._open(item.data(CaseIdRole)))
        self.recent_list.itemDoubleClicked.connect(lambda item: self._open(item.data(CaseIdRole)))
        recent_layout.addWidget(self.recent_list)
        splitter.addWidget(self.recent_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([960, 220])
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(translate("MyWork", "我的待办"))
        self.refresh_button.setText(translate("MyWork", "刷新"))
        self.open_button.setText(translate("MyWork", "打开案件"))
        self.recent_box.setTitle(translate("MyWork", "最近打开的案件"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self.fill()

    # -- filling -----------------------------------------------------------------------------

    def fill(self) -> None:
        user = self.session.user
        today = self.loader.today()
        self.subtitle.setText(translate("MyWork", "{name} · 今天 {today}").format(name=user.display_name, today=today.isoformat()))
        items = self.loader.items
        counts = self.loader.counts()
        for kind, button in self.kind_buttons.items():
            n = len(items) if kind is None else counts.get(kind, 0)
            name = translate("MyWork", "全部") if kind is None else kind_label(kind)
            button.setText(f"{name} {n}")
            button.setAccessibleName(translate("MyWork", "{kind}：{n} 项").format(kind=name, n=n))
            button.setVisible(kind is None or n > 0 or kind == self.kind)
            button.setChecked(kind == self.kind)
        shown = [i for i in items if self.kind is None or i.kind == self.kind]
        current = self.current_case_id()
        self.model.set_items(shown, today)
        self.table.resizeColumnToContents(COL_COMPANY)
        header = self.table.horizontalHeader()
        header.resizeSection(COL_COMPANY, min(header.sectionSize(COL_COMPANY), self.fontMetrics().horizontalAdvance("中") * 16))
        if shown:
            rows = [n for n, i in enumerate(shown) if i.case_id == current] or [0]
            self.table.selectRow(rows[0])
        self._on_current()
        if self.loader.error is not None:
            self.empty_label.setText(translate("MyWork", "待办读取失败：{error}").format(error=str(self.loader.error)))
        elif not self.loader.loaded:
            self.empty_label.setText(translate("MyWork", "正在读取待办…"))
        elif not shown:
            self.empty_label.setText(translate("MyWork", "没有等待您处理的事项。"))
        self.empty_label.setVisible(not shown or self.loader.error is not None)
        self.fill_recent()

    def fill_recent(self) -> None:
        store, user = self.session.store, self.session.user
        ids = recent_cases.recent(self.session.target_key, user.username)
        rows = store.repos.cases.rows_by_ids(ids) if ids else []
        self.recent_list.clear()
        for case_id, row in zip(ids, rows, strict=True):
            if row is None:
                recent_cases.forget(self.session.target_key, user.username, case_id)
                continue
            item = QListWidgetItem(f"{row.case_no}  {row.company_name}\n{stage_label(row.stage)}")
            item.setData(CaseIdRole, case_id)
            item.setToolTip(f"{row.case_no} {row.company_name} · {stage_label(row.stage)}")
            self.recent_list.addItem(item)
        if self.recent_list.count() == 0:
            placeholder = QListWidgetItem(translate("MyWork", "（还没有打开过案件）"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(placeholder)

    def set_kind(self, kind: str | None) -> None:
        """Show only the items of ``kind`` (None: all)."""
        self.kind = kind
        self.fill()

    # -- the chosen item -----------------------------------------------------------------------

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(CaseIdRole) if index.isValid() else None

    def _on_current(self, *_args) -> None:
        case_id = self.current_case_id()
        self.open_button.setEnabled(case_id is not None)
        if case_id is None:
            self.detail.setText("")
            return
        lang = current_language()
        try:
            line = waiting(self.session.store, case_id, today=self.loader.today()).text(lang)
        except Exception:  # the case is gone since the list was read
            log.exception("waiting line of case %s", case_id)
            line = ""
        self.detail.setText(translate("MyWork", "当前等待：{what}").format(what=line) if line else "")

    def _open(self, case_id: int | None) -> None:
        if case_id is not None:
            self.case_opened.emit(int(case_id))

    # -- refreshing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """F5 / 刷新: read the list again now."""
        self.loader.refresh_now()
        self.fill_recent()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fill_recent()

    def on_user_changed(self) -> None:
        self.kind = None
        self.fill()


def install_my_work(window) -> WorkLoader:
    """Give ``window`` the work loader: the count on the 待办 entry, the dashboard's figures, and the
    recent cases remembered whenever any page opens one."""
    session = window.session
    loader = WorkLoader.of(session)
    window.work_loader = loader

    def show_count() -> None:
        # The loader belongs to the session and may finish after this window is gone (another database opened).
        if not shiboken6.isValid(window) or not shiboken6.isValid(getattr(window, "nav", window)):
            return
        setter = getattr(window, "set_nav_badge", None)
        if setter is not None and PAGE_KEY in window.page_keys():
            setter(PAGE_KEY, nav_count_text(loader))

    def remember(case_id: int) -> None:
        recent_cases.remember(session.target_key, session.user.username, case_id)

    def connect_page(key: str, page: QWidget) -> None:
        signal = getattr(page, "case_opened", None)
        if signal is not None:
            signal.connect(remember)
        if hasattr(page, "set_work"):
            page.set_work(loader)
            page.work_requested.connect(lambda: window.show_page(PAGE_KEY))

    for key, page in window.built_pages():
        connect_page(key, page)
    window.page_created.connect(connect_page)
    loader.changed.connect(show_count)
    session.signals.language_changed.connect(lambda _lang: show_count())
    loader.refresh_now()
    return loader
