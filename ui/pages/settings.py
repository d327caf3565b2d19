"""设置 (settings): one tab per section; admins edit, other users see them read-only.

Sections are listed in :data:`SECTIONS` (key, Chinese title, panel class or maker);
adding a section is one line. Every write goes through a store repository
(audited) and shows a refusal with :func:`ui.errors.show_error`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ipguard.domain import Role
from ui.i18n import translate
from ui.pages.settings_backup import backup_panel
from ui.pages.settings_common import SettingsPanel
from ui.pages.settings_documents import DocumentFontsPanel
from ui.pages.settings_general import GeneralPanel, LanguagePanel
from ui.pages.settings_guarantor import GuarantorPanel
from ui.pages.settings_parties import BanksPanel, ReferrersPanel
from ui.pages.settings_product import HolidaysPanel, ProductPanel
from ui.pages.settings_users import UsersPanel
from ui.session import Session

SECTIONS: tuple[tuple[str, str, Callable[[Session], SettingsPanel]], ...] = (
    ("users", QT_TRANSLATE_NOOP("Settings", "用户与角色"), UsersPanel),
    ("banks", QT_TRANSLATE_NOOP("Settings", "合作银行"), BanksPanel),
    ("referrers", QT_TRANSLATE_NOOP("Settings", "推荐机构"), ReferrersPanel),
    ("product", QT_TRANSLATE_NOOP("Settings", "产品参数"), ProductPanel),
    ("holidays", QT_TRANSLATE_NOOP("Settings", "节假日调整"), HolidaysPanel),
    ("general", QT_TRANSLATE_NOOP("Settings", "文书与公司"), GeneralPanel),
    ("guarantor", QT_TRANSLATE_NOOP("Settings", "担保公司"), GuarantorPanel),
    ("document_fonts", QT_TRANSLATE_NOOP("Settings", "文书字体"), DocumentFontsPanel),
    ("backup", QT_TRANSLATE_NOOP("Settings", "备份与恢复"), backup_panel),
    ("language", QT_TRANSLATE_NOOP("Settings", "界面语言"), LanguagePanel),
)


class SettingsPage(QWidget):
    """The settings sections as tabs; rebuilt when the language or the user changes."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.panels: dict[str, SettingsPanel] = {}
        self._stale = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self._build()

    def _build(self) -> None:
        self._stale = False
        current = self.tabs.currentIndex()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        self.panels = {}
        for key, title, cls in SECTIONS:
            panel = cls(self.session)
            panel.setObjectName(f"settings_{key}")
            self.panels[key] = panel
            self.tabs.addTab(panel, QCoreApplication.translate("Settings", title))
        if current >= 0:
            self.tabs.setCurrentIndex(current)
        self.title.setText(translate("Nav", "设置"))
        admin = Role.ADMIN in self.session.user.roles
        self.notice.setText("" if admin else "ⓘ " + translate("Settings", "只有管理员可以修改设置；您可以查看，并更改本机的界面语言。"))
        self.notice.setVisible(not admin)

    def show_section(self, key: str) -> SettingsPanel:
        """Bring a section's tab to the front; returns its panel."""
        panel = self.panels[key]
        self.tabs.setCurrentWidget(panel)
        return panel

    def refresh(self) -> None:
        for panel in self.panels.values():
            panel.refresh()

    def on_user_changed(self) -> None:
        self._build()

    def retranslate(self) -> None:
        """Rebuild in the new language: now (deferred) when shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            # Deferred: the language may have been switched by a button inside one of the panels.
            QTimer.singleShot(0, self._rebuild_if_stale)

    def _rebuild_if_stale(self) -> None:
        if self._stale:
            self._build()

    def showEvent(self, event: QShowEvent) -> None:
        self._rebuild_if_stale()
        super().showEvent(event)
