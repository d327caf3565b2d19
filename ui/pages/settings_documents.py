"""Settings: the fonts the documents are set in and which characters they cover (read-only).

Shows each face in use (general, body, title, fallbacks) with its file and,
per Unicode block (basic CJK, Extensions A and B, punctuation), how many
characters some face covers — so an admin sees before issuing whether a name
with a rare character will print or be refused. The data comes from
:func:`ipguard.documents.fonts.coverage_report`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from ipguard.documents import fonts
from ui.i18n import translate
from ui.pages.settings_common import SettingsPanel
from ui.session import Session


class DocumentFontsPanel(SettingsPanel):
    """Read-only: faces in use and their coverage."""

    admin_only = False

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.faces = QTableWidget(0, 2)
        self.faces.setObjectName("fontFaces")
        self.faces.setHorizontalHeaderLabels([translate("Settings", "用途"), translate("Settings", "字体文件")])
        self.blocks = QTableWidget(0, 3)
        self.blocks.setObjectName("fontCoverage")
        self.blocks.setHorizontalHeaderLabels([translate("Settings", "字符区"), translate("Settings", "已覆盖"),
                                               translate("Settings", "使用字体")])  # fmt: skip
        for table in (self.faces, self.blocks):
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        note = QLabel(translate("Settings", "字体在运行时从本机查找（不随程序分发）。没有任何字体覆盖的字符，出具文书时会被拒绝并指明字符和字段。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        for widget in (self.summary, self.faces, self.blocks, note):
            layout.addWidget(widget)
        self.refresh()

    def refresh(self) -> None:
        path = self.session.store.repos.settings.get("documents.font_path") or None
        report = fonts.coverage_report(path)
        body = translate("Settings", "正文为仿宋体") if report.fangsong else translate("Settings", "未找到仿宋体，正文使用宋体/明体（见文档说明）")
        embedded = translate("Settings", "字体嵌入 PDF") if report.embedded else translate("Settings", "未找到 TrueType 字体：使用内置字体（不嵌入）")
        self.summary.setText(f"{embedded}；{body}")
        self.faces.setRowCount(len(report.faces))
        for row, (role, path_text) in enumerate(report.faces):
            self.faces.setItem(row, 0, QTableWidgetItem(role))
            self.faces.setItem(row, 1, QTableWidgetItem(path_text))
        self.blocks.setRowCount(len(report.blocks))
        for row, block in enumerate(report.blocks):
            self.blocks.setItem(row, 0, QTableWidgetItem(block.block))
            self.blocks.setItem(row, 1, QTableWidgetItem(f"{block.covered} / {block.total}"))
            self.blocks.setItem(row, 2, QTableWidgetItem("、".join(block.faces)))
