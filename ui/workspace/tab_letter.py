"""意向函 tab: issue the guarantee intent letter, watch the bank's deadline, record the bank's decision.

The letter's number, date, the bank's approval deadline in working days and
"已逾期" (word and mark) once passed; the archived letter previewed on the
right with print and save. The bank decision form: approved amount, rate,
term and date, or a refusal with a note.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ipguard import catalog, clock
from ipguard.domain import Stage
from ipguard.errors import IpguardError
from ipguard.intake import term_range
from ipguard.money import amount_in_words, format_yuan
from ipguard.store.records import CaseRecord
from ipguard.validators import check_interest_rate
from ipguard.workflow import intent_letter, issue_intent_letter, record_bank_decision
from ipguard.workflow.bank import bank_decision
from ui.errors import show_error
from ui.i18n import translate
from ui.tasks import off_ui_thread
from ui.widgets.drafts import FormDraft
from ui.widgets.fields import ValidatedField, core_check, money_check
from ui.workspace.base import FAILED, WorkspaceTab
from ui.workspace.common import ALERT_STYLE, MUTED_STYLE, date_edit, date_of, info_label, set_date
from ui.workspace.tab_documents import PdfPreview, print_pdf, safe_name, save_pdf


class LetterTab(WorkspaceTab):
    title = "意向函"
    stages = (Stage.INTENT_LETTER, Stage.BANK_APPROVAL)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.pdf: bytes = b""
        self._prefilled = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        col = QVBoxLayout(left)
        col.setContentsMargins(0, 0, 0, 0)

        letter_box = QGroupBox(translate("Letter", "担保意向函"))
        form = QFormLayout(letter_box)
        self.issue_date = date_edit()
        self.issue_button = QPushButton(translate("Letter", "出具担保意向函"))
        self.bind_action(self.issue_button, "issue_intent_letter")
        self.issue_button.clicked.connect(self.issue_letter)
        row = QHBoxLayout()
        row.addWidget(self.issue_date)
        row.addWidget(self.issue_button)
        row.addStretch(1)
        form.addRow(translate("Letter", "出具日期："), row)
        self.letter_no = info_label("—")
        self.deadline = info_label("—")
        self.overdue = info_label("", ALERT_STYLE)
        self.valid_until = info_label("—")
        form.addRow(translate("Letter", "函号："), self.letter_no)
        form.addRow(translate("Letter", "银行审批期限："), self.deadline)
        form.addRow("", self.overdue)
        form.addRow(translate("Letter", "有效期至："), self.valid_until)
        col.addWidget(letter_box)

        bank_box = QGroupBox(translate("Letter", "银行审批结果"))
        bform = QFormLayout(bank_box)
        self.approved_radio = QRadioButton(translate("Letter", "批准"))
        self.refused_radio = QRadioButton(translate("Letter", "拒绝"))
        self.approved_radio.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.approved_radio)
        group.addButton(self.refused_radio)
        radios = QHBoxLayout()
        radios.addWidget(self.approved_radio)
        radios.addWidget(self.refused_radio)
        radios.addStretch(1)
        bform.addRow(translate("Letter", "审批结果："), radios)
        self.amount = ValidatedField(money_check("approved_amount"), placeholder=translate("Letter", "元，例如 3000000"))
        self.rate = ValidatedField(core_check(check_interest_rate), placeholder=translate("Letter", "例如 3.45% 或 LPR+50bp"))
        self.term = QSpinBox()
        self.term.setSuffix(translate("Letter", " 个月"))
        self.decided_on = date_edit()
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("Letter", "拒绝时请写明原因"))
        bform.addRow(translate("Letter", "批准金额："), self.amount)
        bform.addRow(translate("Letter", "利率："), self.rate)
        bform.addRow(translate("Letter", "期限："), self.term)
        bform.addRow(translate("Letter", "审批日期："), self.decided_on)
        bform.addRow(translate("Letter", "说明："), self.note)
        self.decision_button = QPushButton(translate("Letter", "登记银行审批结果"))
        self.bind_action(self.decision_button, "bank_decision")
        self.decision_button.clicked.connect(self.record_decision)
        bform.addRow("", self.decision_button)
        self.decision_text = info_label("", MUTED_STYLE)
        bform.addRow(self.decision_text)
        for w in (self.approved_radio, self.refused_radio):
            w.toggled.connect(self._on_decision_kind)
        col.addWidget(bank_box)
        # What the user types is kept as a draft of his, per case, until the letter is issued or the decision recorded.
        self._owner: tuple[int, int] | None = None
        self.letter_draft = FormDraft(lambda: self.session, lambda: self._draft_name("intent_letter"),
                                      {"issue_date": self.issue_date})  # fmt: skip
        self.decision_draft = FormDraft(lambda: self.session, lambda: self._draft_name("bank_decision"), {
            "approved": self.approved_radio, "refused": self.refused_radio, "amount": self.amount, "rate": self.rate,
            "term": self.term, "decided_on": self.decided_on, "note": self.note})  # fmt: skip
        col.addStretch(1)
        scroll = QScrollArea()  # the forms scroll rather than push the window past a 768-pixel screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(left)
        splitter.addWidget(scroll)

        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        self.preview = PdfPreview()
        rcol.addWidget(self.preview, 1)
        prow = QHBoxLayout()
        self.print_button = QPushButton(translate("Letter", "打印…"))
        self.save_button = QPushButton(translate("Letter", "另存为 PDF…"))
        self.print_button.clicked.connect(lambda: print_pdf(self, self.pdf, self.letter_no.text()))
        self.save_button.clicked.connect(
            lambda: save_pdf(self, self.pdf, safe_name(f"{self.case.case_no}-担保意向函-{self.letter_no.text()}.pdf")))
        prow.addWidget(self.print_button)
        prow.addWidget(self.save_button)
        prow.addStretch(1)
        rcol.addLayout(prow)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)

    def today(self) -> dt.date:
        return clock.today()

    def _on_decision_kind(self) -> None:
        approved = self.approved_radio.isChecked()
        for w in (self.amount, self.rate, self.term):
            w.setEnabled(approved)

    # -- refresh ------------------------------------------------------------------------

    def _draft_name(self, form: str) -> str | None:
        return f"{form}/{self._owner[1]}" if self._owner else None

    def _reset_forms(self) -> None:
        """The forms as a new user or case finds them (then prefilled, then his draft if any)."""
        set_date(self.issue_date, None)
        self.approved_radio.setChecked(True)
        for field in (self.amount, self.rate, self.note):
            field.setText("")
        set_date(self.decided_on, None)
        self._prefilled = False

    def refresh(self, case: CaseRecord) -> None:
        fresh = self._owner != (self.user.id, case.id)
        self._owner = (self.user.id, case.id)
        with self.letter_draft.quiet(), self.decision_draft.quiet():
            if fresh:
                self._reset_forms()
            self._refresh(case)
        if fresh:
            self.letter_draft.restore()
            self.decision_draft.restore()

    def _refresh(self, case: CaseRecord) -> None:
        letter = intent_letter(self.store, self.case_id)
        product = catalog.product_version(self.store, case.product_code, case.params_version)
        days = product.deadlines.bank_approval_working_days
        if letter is None:
            self.letter_no.setText(translate("Letter", "尚未出具"))
            self.deadline.setText(translate("Letter", "出具后 {n} 个工作日内").format(n=days))
            self.valid_until.setText("—")
            self.overdue.setText("")
        else:
            self.letter_no.setText(letter.letter_no)
            self.deadline.setText(translate("Letter", "{date}（出具日 {issued} 起 {n} 个工作日）").format(
                date=letter.approval_deadline.isoformat(), issued=letter.issue_date.isoformat(), n=days))
            self.valid_until.setText(letter.valid_until.isoformat())
            late = case.stage is Stage.BANK_APPROVAL and letter.overdue(self.today())
            self.overdue.setText(translate("Letter", "⚠ 已逾期：银行未在期限内完成审批") if late else "")
        self.overdue.setVisible(bool(self.overdue.text()))
        self._show_pdf()
        self._show_decision(case)

    def _show_pdf(self) -> None:
        from ipguard.documents.service import archived

        copy = archived(self.store, self.case_id, "intent_letter")
        self.pdf = copy[1] if copy else b""
        self.preview.set_pdf(self.pdf or None, translate("Letter", "担保意向函 {no}").format(no=copy[0]) if copy else "")
        self.print_button.setEnabled(bool(self.pdf))
        self.save_button.setEnabled(bool(self.pdf))

    def _show_decision(self, case: CaseRecord) -> None:
        decision = bank_decision(self.store, self.case_id)
        if not self._prefilled:  # the form starts from the case's guarantee amount (once known) and term
            guarantee = self.store.repos.cases.guarantee_amount(self.case_id)
            self._prefilled = bool(guarantee)
            if guarantee:
                self.amount.setText(format_yuan(guarantee).replace(",", ""))
            self.term.setRange(*term_range(self.store, case))  # the case's product range
            self.term.setValue(case.term_months)
        if decision is None:
            self.decision_text.setText("")
        elif decision.approved:
            amount = decision.approved_amount or 0
            self.decision_text.setText(translate("Letter", "已登记：{on} 银行批准 {amount} 元（{upper}），利率 {rate}，期限 {term} 个月。").format(
                on=decision.decided_on, amount=format_yuan(amount), upper=amount_in_words(amount, self.lang),
                rate=decision.interest_rate or "—", term=decision.term_months))
        else:
            self.decision_text.setText(translate("Letter", "已登记：{on} 银行拒绝。{note}").format(
                on=decision.decided_on, note=decision.note))

    # -- actions -----------------------------------------------------------------------------

    def issue_letter(self) -> object:
        if not self.confirm_step(translate("Letter", "出具担保意向函"), translate(
                "Letter", "将占用下一个意向函编号并出具意向函；编号出具后不能收回。")):
            return None
        result = self.run_action(off_ui_thread(
            issue_intent_letter, translate("Letter", "正在出具担保意向函…"), disable=[self.issue_button]), self.store, self.case_id, self.user, issue_date=date_of(self.issue_date))
        if result is not FAILED:
            self.letter_draft.discard()
        return result

    def record_decision(self) -> object:
        approved = self.approved_radio.isChecked()
        kwargs: dict[str, object] = {"approved": approved, "decided_on": date_of(self.decided_on), "note": self.note.text()}
        rate = ""
        if approved:
            try:  # the core stores the rate as written: check it before asking, naming the field
                rate = check_interest_rate(self.rate.text())
            except IpguardError as exc:
                show_error(self, exc, self.lang)
                self.rate.setFocus()
                return None
        outcome = translate("Letter", "同意") if approved else translate("Letter", "拒绝")
        if not self.confirm_step(translate("Letter", "登记银行审批结果"), translate(
                "Letter", "将登记银行审批结果“{outcome}”，案件随之进入下一阶段。").format(outcome=outcome)):
            return None
        if approved:
            kwargs.update(approved_amount=self.amount.text(), interest_rate=rate, term_months=self.term.value())
        result = self.run_action(record_bank_decision, self.store, self.case_id, self.user, **kwargs)
        if result is not FAILED:
            self.decision_draft.discard()
        return result
