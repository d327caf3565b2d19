"""撤销上一步…: the dialog that names what undoing the case's last step does and asks for the reason.

The consequence (from → to stage, what gets voided) is the core's
(:meth:`ipguard.workflow.reversal.ReversalPlan.consequence`); the reason is
required here only to keep the dialog open — the core requires it again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ipguard.workflow.reversal import ReversalPlan
from ui.i18n import translate
from ui.workspace.common import WARN_STYLE


class ReversalDialog(QDialog):
    """The consequence of undoing the last step, and the reason (required)."""

    def __init__(self, plan: ReversalPlan, case_no: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Workspace", "撤销上一步 — {no}").format(no=case_no))
        layout = QVBoxLayout(self)
        self.consequence = QLabel(plan.consequence(lang))
        self.consequence.setWordWrap(True)
        self.consequence.setStyleSheet(WARN_STYLE)
        layout.addWidget(self.consequence)
        layout.addWidget(QLabel(translate("Workspace", "撤销原因（必填，将记入案件时间线和审计记录）：")))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(translate("Workspace", "如：银行审批结果误录，应为下周批复"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        layout.addWidget(self.reason)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Workspace", "撤销上一步"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)  # a stray Enter does nothing
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _accept(self) -> None:
        if not self.reason_text():
            self.hint.setText(translate("Workspace", "请填写撤销原因。"))
            self.reason.setFocus()
            return
        self.accept()
