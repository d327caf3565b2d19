"""调查报告: the A and B roles' opinion and signatures, then 提交保审会."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from ipguard.domain import Stage
from ipguard.store.records import CaseRecord
from ipguard.workflow import sign_report, submit_to_committee
from ipguard.workflow.committee import investigation_report
from ui.i18n import translate
from ui.tasks import off_ui_thread
from ui.widgets import drafts
from ui.workspace.base import FAILED, WorkspaceTab
from ui.workspace.common import info_label, section, when


class InvestigationTab(WorkspaceTab):
    """The report both roles sign (two different people) before it goes to the committee."""

    title = "调查报告"
    stages = (Stage.INVESTIGATION,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        layout = QVBoxLayout(self)
        box = section(translate("Workspace", "调查意见（A角签字时保存）"))
        v = QVBoxLayout(box)
        self.opinion = QPlainTextEdit()
        self.opinion.setPlaceholderText(translate("Workspace", "企业经营、技术与知识产权、财务、反担保措施及风险分析，结论性意见…"))
        v.addWidget(self.opinion)
        layout.addWidget(box, 1)
        # B's own opinion, kept apart from A's conclusion and shown after signing.
        b_box = section(translate("Workspace", "风控经理(B角)意见（B角签字时保存）"))
        v = QVBoxLayout(b_box)
        self.b_opinion = QPlainTextEdit()
        self.b_opinion.setPlaceholderText(translate("Workspace", "风控经理的独立意见…"))
        v.addWidget(self.b_opinion)
        layout.addWidget(b_box, 1)
        self._owner: tuple[int, int] | None = None  # (user, case) whose typing the boxes hold
        # Unsigned opinions are drafts of the signed-in user, saved as typed (ui.widgets.drafts).
        self.opinion.textChanged.connect(lambda: self._keep_draft("A", self.opinion))
        self.b_opinion.textChanged.connect(lambda: self._keep_draft("B", self.b_opinion))
        signs = section(translate("Workspace", "签字"))
        form = QFormLayout(signs)
        self.a_status = QLabel()
        self.b_status = QLabel()
        self.a_button = QPushButton(translate("Workspace", "A角签字"))
        self.b_button = QPushButton(translate("Workspace", "B角签字"))
        self.bind_action(self.a_button, "sign_a")
        self.bind_action(self.b_button, "sign_b")
        self.a_button.clicked.connect(lambda: self.sign("A"))
        self.b_button.clicked.connect(lambda: self.sign("B"))
        for caption, status, button in (("客户经理(A角)", self.a_status, self.a_button),
                                        ("风控经理(B角)", self.b_status, self.b_button)):
            row = QHBoxLayout()
            row.addWidget(status, 1)
            row.addWidget(button)
            form.addRow(translate("Workspace", caption) + "：", row)
        layout.addWidget(signs)
        bottom = QHBoxLayout()
        self.hint = info_label()
        bottom.addWidget(self.hint, 1)
        self.submit_button = QPushButton(translate("Workspace", "提交保审会"))
        self.bind_action(self.submit_button, "submit_committee")
        self.submit_button.clicked.connect(
            lambda: self.run_action(submit_to_committee, self.store, self.case_id, self.user))
        bottom.addWidget(self.submit_button)
        layout.addLayout(bottom)

    def refresh(self, case: CaseRecord) -> None:
        report = investigation_report(self.store, case.id)
        if self._owner != (self.user.id, case.id):
            # Another user (or case): never carry the previous user's unsaved text over.
            self._owner = (self.user.id, case.id)
            self._loading = True
            try:
                for side, box, stored in (("A", self.opinion, report.opinion if report else ""),
                                          ("B", self.b_opinion, report.b_opinion if report else "")):
                    draft = drafts.load(self.session, self._draft_name(side, case.id))
                    box.setPlainText(stored or (str(draft.get("text", "")) if draft else ""))
            finally:
                self._loading = False
        if report is None:
            self.a_status.setText(translate("Workspace", "未签"))
            self.b_status.setText(translate("Workspace", "未签"))
            self.opinion.setPlainText("")
            self.hint.setText(translate("Workspace", "确认价值认定后生成调查报告。"))
        else:
            for box, stored in ((self.opinion, report.opinion), (self.b_opinion, report.b_opinion)):
                if stored and (not box.hasFocus() or not box.toPlainText()):
                    box.setPlainText(stored)
            self.a_status.setText(self._signed(report.a_name, report.a_signed_at))
            self.b_status.setText(self._signed(report.b_name, report.b_signed_at))
            self.hint.setText("" if self.action_enabled("submit_committee") else self.action_reason("submit_committee"))
        self.opinion.setReadOnly(not self.action_enabled("sign_a"))
        self.b_opinion.setReadOnly(not self.action_enabled("sign_b"))

    _loading = False

    @staticmethod
    def _draft_name(side: str, case_id: int) -> str:
        return f"report_opinion/{case_id}/{side}"

    def _keep_draft(self, side: str, box) -> None:
        if self._loading or box.isReadOnly() or self._owner is None:
            return
        drafts.save(self.session, self._draft_name(side, self._owner[1]), {"text": box.toPlainText()})

    @staticmethod
    def _signed(name: str, at: str | None) -> str:
        return f"✓ {name} · {when(at)}" if at else translate("Workspace", "○ 未签")

    def sign(self, side: str) -> None:
        if not self.confirm_step(translate("Workspace", "以{side}角签署调查报告").format(side=side), translate(
                "Workspace", "您的签字和意见将以您的名义记入调查报告，签字后不能撤回。")):
            return
        box = self.opinion if side == "A" else self.b_opinion
        if self.run_action(off_ui_thread(
                sign_report, translate("Workspace", "正在签署调查报告…"), disable=[self.a_button, self.b_button, box]), self.store, self.case_id, side, self.user, opinion=box.toPlainText()) is not FAILED:
            drafts.discard(self.session, self._draft_name(side, self.case_id))
