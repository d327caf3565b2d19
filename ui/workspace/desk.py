"""The "案件详情" page: the open case workspaces as closable tabs.

:class:`~ui.main_window.MainWindow` adds the page (its navigation entry
hidden until a case is opened) and opens a case whenever a page emits
``case_opened(int)`` (the case list, the dashboard); the page knows nothing
of the window. Esc or "返回列表" goes back to the case list;
reopening an open case just shows its tab.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ui.i18n import stage_label, translate
from ui.session import Session
from ui.workspace import CaseWorkspace

PAGE_KEY = "case"
PAGE_TITLE = QT_TRANSLATE_NOOP("Nav", "案件详情")


class CaseDeskPage(QWidget):
    """Open cases side by side (tabs); the current one is the workspace shown."""

    back_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 6, 8, 0)
        self.back_button = QPushButton(translate("Workspace", "← 返回案件列表 (Esc)"))
        self.back_button.clicked.connect(self.back_requested)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.cases = QTabWidget()
        self.cases.setTabsClosable(True)
        self.cases.setMovable(True)
        self.cases.tabCloseRequested.connect(self.close_index)
        layout.addWidget(self.cases, 1)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)

    def workspaces(self) -> list[CaseWorkspace]:
        return [self.cases.widget(i) for i in range(self.cases.count())]  # type: ignore[misc]

    def current(self) -> CaseWorkspace | None:
        return self.cases.currentWidget()  # type: ignore[return-value]

    def open_case(self, case_id: int) -> CaseWorkspace:
        """Show the workspace of ``case_id`` (opening it if needed)."""
        for ws in self.workspaces():
            if ws.case_id == case_id:
                self.cases.setCurrentWidget(ws)
                ws.reload()
                return ws
        ws = self._add(case_id)
        self.cases.setCurrentWidget(ws)
        return ws

    def _add(self, case_id: int) -> CaseWorkspace:
        ws = CaseWorkspace(self.session, case_id)
        ws.reloaded.connect(lambda ws=ws: self._retitle(ws))
        self.cases.addTab(ws, "")
        self._retitle(ws)
        return ws

    def retranslate(self) -> None:
        """After a language switch: the open cases rebuilt in the new language, each on the tab it showed.

        Texts typed and not yet saved live in drafts (:mod:`ui.widgets.drafts`), which the tabs offer back.
        """
        self.back_button.setText(translate("Workspace", "← 返回案件列表 (Esc)"))
        shown = [(ws.case_id, ws.current_tab_name()) for ws in self.workspaces()]
        if not shown or all(ws.lang_built == self.session.lang for ws in self.workspaces()):
            return
        current = self.cases.currentIndex()
        old = self.workspaces()
        self.cases.blockSignals(True)
        try:
            while self.cases.count():
                self.cases.removeTab(0)
            for ws in old:
                ws.hide()
                ws.deleteLater()
            for case_id, tab in shown:
                self._add(case_id).show_tab(tab)
        finally:
            self.cases.blockSignals(False)
        self.cases.setCurrentIndex(current)

    def _retitle(self, ws: CaseWorkspace) -> None:
        index = self.cases.indexOf(ws)
        if index >= 0:
            company = self.session.store.repos.companies.get(ws.case.company_id).name
            self.cases.setTabText(index, f"{ws.case.case_no} {company[:8]}")
            self.cases.setTabToolTip(index, f"{ws.case.case_no} {company} · {stage_label(ws.case.stage)}")

    def close_index(self, index: int) -> None:
        ws = self.cases.widget(index)
        self.cases.removeTab(index)
        if ws is not None:
            ws.deleteLater()
        if self.cases.count() == 0:
            self.back_requested.emit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.cases.count() == 0:  # e.g. restored as the last page: nothing to show
            QTimer.singleShot(0, self._back_if_empty)

    def _back_if_empty(self) -> None:
        if self.cases.count() == 0 and self.isVisible():
            self.back_requested.emit()

    def refresh(self) -> None:
        """F5: reload the case shown."""
        ws = self.current()
        if ws is not None:
            ws.reload()

    def on_user_changed(self) -> None:
        """Each workspace follows ``user_changed`` itself."""

