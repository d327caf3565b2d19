"""The standard pages of the main window, as factories built when first shown.

:func:`default_pages` lists (key, navigation title, icon, factory) for the
dashboard, my work (待办), the case list, reports and settings; each page's module is imported
only when the page is first shown, so start-up stays quick. The window
(:class:`ui.main_window.MainWindow`) adds them in this order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ui.session import Session

#: Builds a page's widget when it is first needed.
PageFactory = Callable[[], QWidget]


def default_pages(session: Session) -> list[tuple[str, str, str, PageFactory]]:
    """The standard pages as factories: each module is imported and its page built when first shown."""

    def dashboard() -> QWidget:
        from ui.pages.dashboard import DashboardPage

        return DashboardPage(session)

    def cases() -> QWidget:
        from ui.pages.cases import CaseListPage

        return CaseListPage(session)

    def my_work() -> QWidget:
        from ui.pages.my_work import MyWorkPage

        return MyWorkPage(session)

    def reports() -> QWidget:
        from ui.pages.reports import ReportsPage

        return ReportsPage(session)

    def settings() -> QWidget:
        from ui.pages.settings import SettingsPage

        return SettingsPage(session)

    return [
        ("dashboard", QT_TRANSLATE_NOOP("Nav", "工作台"), "mdi6.view-dashboard-outline", dashboard),
        ("mywork", QT_TRANSLATE_NOOP("Nav", "待办"), "mdi6.clipboard-check-outline", my_work),
        ("cases", QT_TRANSLATE_NOOP("Nav", "案件"), "mdi6.briefcase-outline", cases),
        ("reports", QT_TRANSLATE_NOOP("Nav", "报表"), "mdi6.chart-box-outline", reports),
        ("settings", QT_TRANSLATE_NOOP("Nav", "设置"), "mdi6.cog-outline", settings),
    ]
