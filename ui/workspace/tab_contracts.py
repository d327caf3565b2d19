"""签约 tab: record the guarantee, counter-guarantee, pledge and loan contracts; 完成签约."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton

from ipguard.domain import Stage
from ipguard.store.records import CaseRecord
from ipguard.workflow import complete_contracts, contracts, record_contract
from ipguard.workflow.bank import CONTRACT_KINDS, REQUIRED_CONTRACTS, contracts_refusal
from ui.i18n import translate
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.common import MUTED_STYLE, ScrollTab, date_edit, date_of, info_label


class ContractsTab(ScrollTab):
    title = "签约"
    stages = (Stage.CONTRACTS,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.table = read_only_table([translate("Contracts", h) for h in ("合同", "合同编号", "签约方", "签订日期")])
        self.table.setMinimumHeight(150)
        self.body.addWidget(self.table)

        box = QGroupBox(translate("Contracts", "登记已签订的合同"))
        form = QFormLayout(box)
        self.kind = QComboBox()
        for key, label in CONTRACT_KINDS.items():
            self.kind.addItem(label, key)
        self.number = QLineEdit()
        self.number.setPlaceholderText(translate("Contracts", "例如 浦科担保字2026第015号"))
        self.party = QLineEdit()
        self.party.setPlaceholderText(translate("Contracts", "银行、借款企业或反担保人"))
        self.signed_on = date_edit()
        form.addRow(translate("Contracts", "合同类型："), self.kind)
        form.addRow(translate("Contracts", "合同编号："), self.number)
        form.addRow(translate("Contracts", "签约方："), self.party)
        form.addRow(translate("Contracts", "签订日期："), self.signed_on)
        self.record_button = QPushButton(translate("Contracts", "登记合同"))
        self.bind_action(self.record_button, "record_contract")
        self.record_button.clicked.connect(self.record)
        form.addRow("", self.record_button)
        self.body.addWidget(box)

        done = QHBoxLayout()
        self.missing = info_label("", MUTED_STYLE)
        done.addWidget(self.missing, 1)
        self.complete_button = QPushButton(translate("Contracts", "完成签约"))
        self.bind_action(self.complete_button, "complete_contracts")
        self.complete_button.clicked.connect(self.complete)
        done.addWidget(self.complete_button)
        self.body.addLayout(done)
        self.body.addStretch(1)

    def refresh(self, case: CaseRecord) -> None:
        rows = contracts(self.store, self.case_id)
        fill_table(self.table, [(CONTRACT_KINDS.get(r.kind, r.kind), r.contract_no, r.party, r.signed_on) for r in rows])
        refusal = contracts_refusal(self.store, self.case_id)
        required = "、".join(CONTRACT_KINDS[k] for k in REQUIRED_CONTRACTS)
        self.missing.setText(refusal.message(self.lang) if refusal else
                             translate("Contracts", "{required}均已签订；借款合同可在放款前补登。").format(required=required))
        signed = {r.kind for r in rows}
        for i in range(self.kind.count()):  # propose the next contract still missing
            if self.kind.itemData(i) not in signed:
                self.kind.setCurrentIndex(i)
                break

    def set_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def record(self) -> object:
        result = self.run_action(record_contract, self.store, self.case_id, self.user, kind=self.kind.currentData(),
                                 contract_no=self.number.text(), signed_on=date_of(self.signed_on), party=self.party.text())
        if isinstance(result, CaseRecord):  # the next contract starts from an empty form (another party)
            self.number.clear()
            self.party.clear()
        return result

    def complete(self) -> object:
        return self.run_action(complete_contracts, self.store, self.case_id, self.user, on=date_of(self.signed_on))
