"""价值认定: per-asset recognized value with its factors, the guarantee-amount chain, the fee."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout

from ipguard.domain import Stage
from ipguard.money import amount_in_words, format_yuan
from ipguard.rules.explain import candidate_label
from ipguard.store.records import CaseRecord
from ipguard.workflow import assess_case, confirm_valuation, latest_assessment
from ui.i18n import current_language, ip_type_label, translate
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.base import WorkspaceTab
from ui.workspace.common import info_label, section, workspace_headers


class ValuationTab(WorkspaceTab):
    """How the recognized value and the guarantee amount were reached, every figure explained."""

    title = "价值认定"
    stages = (Stage.VALUATION,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.headline = QLabel()
        self.headline.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.headline.setWordWrap(True)
        top.addWidget(self.headline, 1)
        self.assess_button = QPushButton(translate("Workspace", "重新评估"))
        self.bind_action(self.assess_button, "assess")
        self.assess_button.clicked.connect(lambda: self.run_action(assess_case, self.store, self.case_id, self.user))
        self.confirm_button = QPushButton(translate("Workspace", "确认价值认定"))
        self.bind_action(self.confirm_button, "confirm_valuation")
        self.confirm_button.clicked.connect(self.confirm)
        top.addWidget(self.assess_button)
        top.addWidget(self.confirm_button)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical)
        assets_box = section(translate("Workspace", "知识产权认定价值"))
        v = QVBoxLayout(assets_box)
        self.assets = read_only_table(workspace_headers("类型", "号码", "名称", "认定价值(元)", "质押率", "质押价值(元)", "计算过程"), stretch=6)
        v.addWidget(self.assets)
        splitter.addWidget(assets_box)
        chain_box = section(translate("Workspace", "担保额：取下列各项的最小值"))
        v = QVBoxLayout(chain_box)
        self.chain = read_only_table(workspace_headers("项目", "金额(元)", "来源", "决定额度"), stretch=2)
        v.addWidget(self.chain)
        self.rounding = info_label()
        v.addWidget(self.rounding)
        splitter.addWidget(chain_box)
        fee_box = section(translate("Workspace", "担保费"))
        v = QVBoxLayout(fee_box)
        self.fee = info_label()
        v.addWidget(self.fee)
        splitter.addWidget(fee_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 1)
        layout.addWidget(splitter, 1)

    def refresh(self, case: CaseRecord) -> None:
        result = latest_assessment(self.store, case.id)
        if result is None:
            self.headline.setText(translate("Workspace", "尚未评估"))
            for table in (self.assets, self.chain):
                table.setRowCount(0)
            self.rounding.setText("")
            self.fee.setText("")
            return
        lang = current_language()
        # The amount in words: the uppercase form (大写) for a Chinese reader, English words for an English one.
        upper = amount_in_words(result.guarantee_amount, lang)
        self.headline.setText(translate("Workspace", "担保额 {amount} 元（{upper}） · 认定价值合计 {value} 元").format(
            amount=format_yuan(result.guarantee_amount), upper=upper,
            value=format_yuan(result.recognized_value)))
        rows = []
        for a in result.asset_values:
            rows.append((ip_type_label(a.ip_type), a.number, a.title, format_yuan(a.value), str(a.pledge_rate),
                         format_yuan(a.pledge_value), a.working.render(lang)))
        # One line per asset (the full working is in the tooltip): fitting rows to content while
        # the tab was still hidden and narrow made a row taller than the table, so it looked blank.
        fill_table(self.assets, rows, fit_rows=False)
        chain_rows, bold = [], []
        for i, c in enumerate(result.amount_chain):
            chain_rows.append((candidate_label(c.name, lang), "—" if c.amount is None else format_yuan(c.amount),
                               c.explain(lang), "✓ " + translate("Workspace", "决定额度") if c.binding else ""))
            if c.binding:
                bold.append(i)
        fill_table(self.chain, chain_rows, bold_rows=bold)
        self.rounding.setText(translate("Workspace", "最小值 {least} 元，按 {unit} 元向下取整 → 担保额 {amount} 元").format(
            least=format_yuan(result.amount_before_rounding), unit=format_yuan(result.rounding_unit),
            amount=format_yuan(result.guarantee_amount)))
        self.fee.setText(result.fee_breakdown.explain(lang))

    def confirm(self) -> None:
        self.run_action(confirm_valuation, self.store, self.case_id, self.user)
