"""报表 (reports): a placeholder until the reports page is built."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.pages.placeholder import PlaceholderPage
from ui.session import Session


class ReportsPage(PlaceholderPage):
    """The monthly portfolio workbook (to come)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.session = session
        super().__init__(
            QT_TRANSLATE_NOOP("Nav", "报表"),
            QT_TRANSLATE_NOOP("Placeholder", "在这里选择月份并生成月度业务报表。"),
            parent,
        )
