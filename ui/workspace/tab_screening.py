"""准入: each access criterion with its figure, threshold, outcome and reason; the justification."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout

from ipguard.domain import Stage
from ipguard.rules.criteria import format_rule_figures
from ipguard.store.records import CaseRecord
from ipguard.workflow import assess_case, justify, latest_assessment, pass_screening, submit_for_screening
from ui.i18n import current_language, translate
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.base import WorkspaceTab
from ui.workspace.common import info_label, outcome_colour, outcome_text, section, workspace_headers


class ScreeningTab(WorkspaceTab):
    """The eight access criteria as last assessed, and the screening actions."""

    title = "准入"
    stages = (Stage.INTAKE, Stage.SCREENING)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.submit_button = QPushButton(translate("Workspace", "提交准入审查"))
        self.assess_button = QPushButton(translate("Workspace", "重新评估"))
        self.pass_button = QPushButton(translate("Workspace", "通过准入"))
        for button, key, slot in ((self.submit_button, "submit_screening", self.submit),
                                  (self.assess_button, "assess", self.assess),
                                  (self.pass_button, "pass_screening", self.pass_)):
            self.bind_action(button, key)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        buttons.addWidget(self.summary, 3)
        layout.addLayout(buttons)
        self.table = read_only_table(workspace_headers("准入条件", "数值", "标准", "结果", "说明"), stretch=4)
        layout.addWidget(self.table, 1)
        self.justify_box = section(translate("Workspace", "风控经理书面说明（销贷比超过原则上限时必填，保审会可见）"))
        box = QVBoxLayout(self.justify_box)
        self.justification = QPlainTextEdit()
        self.justification.setPlaceholderText(translate("Workspace", "说明超过原则上限仍可承做的理由…"))
        self.justification.setMaximumHeight(90)
        box.addWidget(self.justification)
        row = QHBoxLayout()
        self.justify_hint = info_label()
        row.addWidget(self.justify_hint, 1)
        self.justify_button = QPushButton(translate("Workspace", "保存说明并重新评估"))
        self.bind_action(self.justify_button, "justify")
        self.justify_button.clicked.connect(self.save_justification)
        row.addWidget(self.justify_button)
        box.addLayout(row)
        layout.addWidget(self.justify_box)

    def refresh(self, case: CaseRecord) -> None:
        result = latest_assessment(self.store, case.id)
        if result is None:
            self.table.setRowCount(0)
            self.summary.setText(translate("Workspace", "尚未评估：提交准入审查后按产品参数自动评估。"))
            self.justify_box.setVisible(False)
            return
        lang = current_language()
        rows = [(translate("Criteria", r.label), *format_rule_figures(r, lang), outcome_text(r.outcome), r.explain(lang))
                for r in result.rules]
        fill_table(self.table, rows, colours=[outcome_colour(r.outcome) for r in result.rules], colour_column=3)
        verdict = translate("Workspace", "符合准入条件") if result.eligible else translate("Workspace", "不符合准入条件")
        self.summary.setText(
            translate("Workspace", "{verdict} · 按产品参数 {product} 版本 {version} 评估").format(
                verdict=verdict, product=result.product_name, version=result.params_version)
        )
        needs = any(r.outcome == "justify" for r in result.rules)
        self.justify_box.setVisible(needs or bool(result.justification))
        if not self.justification.hasFocus():
            self.justification.setPlainText(result.justification or "")
        may = self.action_enabled("justify")
        self.justification.setReadOnly(not may)
        self.justify_hint.setText("" if may else self.action_reason("justify"))

    # -- actions ---------------------------------------------------------------------

    def submit(self) -> None:
        self.run_action(submit_for_screening, self.store, self.case_id, self.user)

    def assess(self) -> None:
        self.run_action(assess_case, self.store, self.case_id, self.user)

    def pass_(self) -> None:
        if not self.confirm_step(translate("Workspace", "通过准入"), translate(
                "Workspace", "案件将通过准入审查并进入价值认定；通过后不能退回准入。")):
            return
        self.run_action(pass_screening, self.store, self.case_id, self.user)

    def save_justification(self) -> None:
        self.run_action(justify, self.store, self.case_id, self.justification.toPlainText(), self.user)
