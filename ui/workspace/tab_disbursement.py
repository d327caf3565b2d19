"""放款 tab: record the bank's loan (amount, start, maturity, contract no.), then the fee due and paid.

The loan may not exceed the bank's approval or the guarantee amount: the core
refuses it and its message is shown; nothing is saved.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPushButton

from ipguard.domain import Stage
from ipguard.money import format_yuan, uppercase_rmb
from ipguard.rules import loan_maturity
from ipguard.store.records import CaseRecord
from ipguard.workflow import contracts, loan, record_disbursement
from ipguard.workflow.bank import bank_decision
from ui.i18n import translate
from ui.widgets.drafts import FormDraft
from ui.widgets.fields import ValidatedField, money_check
from ui.workspace.base import FAILED
from ui.workspace.common import MUTED_STYLE, ScrollTab, date_edit, date_of, info_label, set_date


class DisbursementTab(ScrollTab):
    title = "放款"
    stages = (Stage.DISBURSEMENT,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self._prefilled = False
        self.limits = info_label("", MUTED_STYLE)
        self.body.addWidget(self.limits)

        box = QGroupBox(translate("Disbursement", "登记放款"))
        form = QFormLayout(box)
        self.amount = ValidatedField(money_check("loan_amount"), placeholder=translate("Disbursement", "元"))
        self.start = date_edit()
        self.maturity = date_edit()
        self.contract_no = QLineEdit()
        form.addRow(translate("Disbursement", "放款金额："), self.amount)
        form.addRow(translate("Disbursement", "起始日："), self.start)
        form.addRow(translate("Disbursement", "到期日："), self.maturity)
        form.addRow(translate("Disbursement", "借款合同编号："), self.contract_no)
        self.start.dateChanged.connect(self._follow_start)
        # What the user types is kept as a draft of his, per case, until the loan is recorded.
        self._owner: tuple[int, int] | None = None
        self.draft = FormDraft(lambda: self.session, lambda: f"disbursement/{self._owner[1]}" if self._owner else None, {
            "amount": self.amount, "start": self.start, "maturity": self.maturity, "contract_no": self.contract_no})  # fmt: skip
        self.record_button = QPushButton(translate("Disbursement", "登记放款"))
        self.bind_action(self.record_button, "record_disbursement")
        self.record_button.clicked.connect(self.record)
        form.addRow("", self.record_button)
        self.body.addWidget(box)

        fee_box = QGroupBox(translate("Disbursement", "贷款与担保费"))
        fee_form = QFormLayout(fee_box)
        self.loan_text = info_label("—")
        self.fee_text = info_label("—")
        fee_form.addRow(translate("Disbursement", "贷款："), self.loan_text)
        fee_form.addRow(translate("Disbursement", "担保费："), self.fee_text)
        self.body.addWidget(fee_box)
        self.body.addStretch(1)

    def _follow_start(self) -> None:
        set_date(self.maturity, loan_maturity(date_of(self.start), self.case.term_months))

    def refresh(self, case: CaseRecord) -> None:
        fresh = self._owner != (self.user.id, case.id)
        self._owner = (self.user.id, case.id)
        with self.draft.quiet():
            if fresh:  # a new user or case starts from the prefilled form, then his own draft
                self.amount.setText("")
                self.contract_no.setText("")
                set_date(self.start, None)
                self._prefilled = False
            self._refresh(case)
        if fresh:
            self.draft.restore()

    def _refresh(self, case: CaseRecord) -> None:
        decision = bank_decision(self.store, self.case_id)
        approved = decision.approved_amount if decision and decision.approved else None
        guarantee = self.store.repos.cases.guarantee_amount(self.case_id)
        self.limits.setText(translate("Disbursement", "银行批准金额：{approved} 元；担保额：{guarantee} 元。放款金额不得超过两者中较低者。").format(
            approved=format_yuan(approved) if approved else "—", guarantee=format_yuan(guarantee) if guarantee else "—"))
        if not self._prefilled and case.stage is Stage.DISBURSEMENT:  # start from the approval and the loan contract
            self._prefilled = True
            limit = min(x for x in (approved, guarantee) if x) if (approved or guarantee) else None
            if limit:
                self.amount.setText(format_yuan(limit).replace(",", ""))
            loan_no = next((c.contract_no for c in contracts(self.store, self.case_id) if c.kind == "loan"), "")
            self.contract_no.setText(loan_no)
            self._follow_start()
        row = loan(self.store, self.case_id)
        if row is None:
            self.loan_text.setText(translate("Disbursement", "尚未放款"))
            self.fee_text.setText("—")
            return
        amount = row.loan_amount
        # The uppercase amount (大写) is a Chinese legal form: the English window shows the figures only.
        text = (translate("Disbursement", "{amount} 元，{start} 至 {maturity}，借款合同 {no}") if self.lang == "en"
                else translate("Disbursement", "{amount} 元（{upper}），{start} 至 {maturity}，借款合同 {no}"))
        self.loan_text.setText(text.format(
            amount=format_yuan(amount), upper=uppercase_rmb(amount), start=row.start_date, maturity=row.maturity_date,
            no=row.loan_contract_no or "—"))
        paid = row.fee_paid_on
        self.fee_text.setText(translate("Disbursement", "应收 {fee} 元，{state}").format(
            fee=format_yuan(row.fee),
            state=translate("Disbursement", "{on} 已收讫").format(on=paid) if paid else translate("Disbursement", "尚未收讫（在“保后”登记）")))

    def record(self) -> object:
        if not self.confirm_step(translate("Disbursement", "登记放款"), translate(
                "Disbursement", "将登记银行放款 {amount} 元，担保责任自放款日起生效（在保）。").format(amount=self.amount.text())):
            return None
        result = self.run_action(record_disbursement, self.store, self.case_id, self.user, loan_amount=self.amount.text(),
                                 start_date=date_of(self.start), maturity_date=date_of(self.maturity),
                                 loan_contract_no=self.contract_no.text())  # fmt: skip
        if result is not FAILED:
            self.draft.discard()
        return result
