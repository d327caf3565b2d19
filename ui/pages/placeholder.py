"""A page that only shows its title, until the real page replaces it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A title and a note; ``title`` is a Chinese source string of the ``Nav`` context."""

    def __init__(self, title: str, note: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title_source = title
        self._note_source = note
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.title_label = QLabel()
        self.title_label.setObjectName("pageTitle")
        self.title_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.note_label = QLabel()
        self.note_label.setStyleSheet("color: #666;")
        self.note_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        self.note_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.title_label.setText(QCoreApplication.translate("Nav", self._title_source))
        self.note_label.setText(QCoreApplication.translate("Placeholder", self._note_source) if self._note_source else "")
