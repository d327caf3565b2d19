"""工作台 (dashboard): a placeholder until the dashboard page is built."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.pages.placeholder import PlaceholderPage
from ui.session import Session


class DashboardPage(PlaceholderPage):
    """My cases by stage, deadlines and the month's figures (to come)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.session = session
        super().__init__(
            QT_TRANSLATE_NOOP("Nav", "工作台"),
            QT_TRANSLATE_NOOP("Placeholder", "我的案件、到期事项和本月数据将显示在这里。"),
            parent,
        )
