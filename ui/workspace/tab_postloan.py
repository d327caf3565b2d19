"""保后 tab: maturity, fee received, release, default, compensation with its loss split, recovery.

The compensation form previews the split by the bank agreement (bank share,
re-guarantor share, retained by the company) while typing; the three parts
add up to the payment exactly (:func:`ipguard.workflow.split_loss`).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton

from ipguard import clock
from ipguard.domain import Stage
from ipguard.errors import IpguardError
from ipguard.money import format_yuan, parse_yuan
from ipguard.store.records import CaseRecord, LoanRecord
from ipguard.workflow import (
    close_recovery,
    loan,
    record_compensation,
    record_default,
    record_deregistration,
    record_fee_paid,
    record_recovery,
    release,
    split_loss,
)
from ipguard.workflow.closing import registrations
from ipguard.workflow.postloan import RECOVERY_SOURCES, maturity_reminder, recovery_summary
from ui.i18n import translate
from ui.widgets.fields import ValidatedField, money_check
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.common import ALERT_STYLE, MUTED_STYLE, ScrollTab, date_edit, date_of, info_label


def _button(tab: ScrollTab, text: str, key: str, slot) -> QPushButton:
    button = QPushButton(text)
    tab.bind_action(button, key)
    button.clicked.connect(slot)
    return button


class PostLoanTab(ScrollTab):
    title = "保后"
    stages = (Stage.IN_FORCE, Stage.DEFAULTED, Stage.RECOVERY)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.last_split = None
        self.maturity = info_label("—")
        self.body.addWidget(self.maturity)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.body.addLayout(grid)

        fee = QGroupBox(translate("PostLoan", "担保费"))
        f = QFormLayout(fee)
        self.fee_text = info_label("—")
        self.fee_paid_on = date_edit()
        f.addRow(translate("PostLoan", "应收："), self.fee_text)
        f.addRow(translate("PostLoan", "收讫日期："), self.fee_paid_on)
        self.fee_button = _button(self, translate("PostLoan", "登记担保费收讫"), "fee_paid", self.fee_paid)
        f.addRow("", self.fee_button)
        grid.addWidget(fee, 0, 0)

        rel = QGroupBox(translate("PostLoan", "解除担保（贷款已结清）"))
        f = QFormLayout(rel)
        # Release needs every pledge's deregistration (date and registry reference) first: the core refuses otherwise.
        self.pledges = read_only_table([translate("PostLoan", h) for h in ("质押物", "登记日期", "注销日期", "注销文号")])
        self.pledges.setMinimumHeight(90)
        f.addRow(self.pledges)
        self.deregistered_on = date_edit()
        self.dereg_ref = QLineEdit()
        self.dereg_ref.setPlaceholderText(translate("PostLoan", "登记机关出具的注销文号"))
        f.addRow(translate("PostLoan", "注销登记日期："), self.deregistered_on)
        f.addRow(translate("PostLoan", "注销登记文号："), self.dereg_ref)
        self.dereg_button = _button(self, translate("PostLoan", "登记所选质押物注销"), "deregister", self.deregister)
        f.addRow("", self.dereg_button)
        self.repaid_on = date_edit()
        f.addRow(translate("PostLoan", "还清日期："), self.repaid_on)
        self.release_button = _button(self, translate("PostLoan", "解除担保"), "release", self.release)
        f.addRow("", self.release_button)
        grid.addWidget(rel, 0, 1)

        dft = QGroupBox(translate("PostLoan", "逾期"))
        f = QFormLayout(dft)
        self.default_on = date_edit()
        self.default_note = QLineEdit()
        f.addRow(translate("PostLoan", "逾期日期："), self.default_on)
        f.addRow(translate("PostLoan", "说明："), self.default_note)
        self.default_button = _button(self, translate("PostLoan", "登记逾期"), "default", self.record_default)
        f.addRow("", self.default_button)
        grid.addWidget(dft, 1, 0)

        comp = QGroupBox(translate("PostLoan", "代偿"))
        f = QFormLayout(comp)
        self.comp_amount = ValidatedField(money_check("compensation_amount"), placeholder=translate("PostLoan", "代偿金额（元）"))
        self.comp_amount.edit.textChanged.connect(self._preview_split)
        self.comp_on = date_edit()
        self.split_text = info_label("", MUTED_STYLE)
        f.addRow(translate("PostLoan", "代偿金额："), self.comp_amount)
        f.addRow(translate("PostLoan", "代偿日期："), self.comp_on)
        f.addRow(translate("PostLoan", "损失分担："), self.split_text)
        self.comp_button = _button(self, translate("PostLoan", "登记代偿"), "compensation", self.compensate)
        f.addRow("", self.comp_button)
        grid.addWidget(comp, 1, 1)

        rec = QGroupBox(translate("PostLoan", "追偿"))
        rl = QFormLayout(rec)
        self.recovered_text = info_label("—")
        rl.addRow(self.recovered_text)
        self.recoveries = read_only_table([translate("PostLoan", h) for h in ("日期", "金额（元）", "来源", "处置的知识产权", "说明")])
        self.recoveries.setMinimumHeight(110)
        rl.addRow(self.recoveries)
        self.rec_amount = ValidatedField(money_check("recovery_amount"), placeholder=translate("PostLoan", "元"))
        self.rec_on = date_edit()
        self.rec_source = QComboBox()
        for key, label in RECOVERY_SOURCES.items():
            self.rec_source.addItem(translate("PostLoan", label), key)  # labels marked in ui/i18n_sources.py
        self.rec_asset = QComboBox()
        self.rec_source.currentIndexChanged.connect(self._source_changed)
        self.rec_note = QLineEdit()
        row = QHBoxLayout()
        row.addWidget(self.rec_on)
        row.addWidget(self.rec_source)
        row.addWidget(self.rec_asset, 1)
        rl.addRow(translate("PostLoan", "金额："), self.rec_amount)
        rl.addRow(translate("PostLoan", "日期/来源："), row)
        rl.addRow(translate("PostLoan", "说明："), self.rec_note)
        buttons = QHBoxLayout()
        self.rec_button = _button(self, translate("PostLoan", "登记追偿"), "recovery", self.add_recovery)
        self.close_button = _button(self, translate("PostLoan", "追偿结案"), "close_recovery", self.close_recovery)
        buttons.addWidget(self.rec_button)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        rl.addRow(buttons)
        grid.addWidget(rec, 2, 0, 1, 2)
        self.body.addStretch(1)

    def today(self) -> dt.date:
        return clock.today()

    # -- refresh ------------------------------------------------------------------------

    def refresh(self, case: CaseRecord) -> None:
        row = loan(self.store, self.case_id)
        self._bank = self.store.repos.banks.get(case.bank_id) if case.bank_id else None
        if row is None:
            self.maturity.setText(translate("PostLoan", "尚未放款。"))
            self.maturity.setStyleSheet(MUTED_STYLE)
            self.fee_text.setText("—")
        else:
            self._show_maturity(case, row)
            paid = row.fee_paid_on
            self.fee_text.setText(translate("PostLoan", "{amount} 元").format(amount=format_yuan(row.fee)) + (translate("PostLoan", "，{on} 已收讫").format(on=paid) if paid else ""))
        regs = registrations(self.store, self.case_id)
        fill_table(self.pledges, [(f"{r.number} {r.title}", r.registered_on, r.deregistered_on,
                                   r.deregistration_ref) for r in regs], [r.asset_id for r in regs])
        pending = next((i for i, r in enumerate(regs) if not r.deregistered_on), None)
        if pending is not None:
            self.pledges.selectRow(pending)  # the next pledge to deregister
        self.rec_asset.clear()
        self.rec_asset.addItem(translate("PostLoan", "（不涉及）"), None)
        for a in self.store.repos.cases.assets(self.case_id):
            self.rec_asset.addItem(f"{a.number} {a.title}", a.id)
        self._source_changed()
        summary = recovery_summary(self.store, self.case_id)
        comp = self._comp = summary.compensation
        assets = {a.id: a.number for a in self.store.repos.cases.assets(self.case_id)}
        fill_table(self.recoveries, [(e.on_date, format_yuan(e.amount), translate("PostLoan", RECOVERY_SOURCES.get(e.source, e.source)),
                                      assets.get(e.asset_id, "") if e.asset_id else "", e.note) for e in summary.entries])  # fmt: skip
        if comp:
            self.split_text.setText(self._split_words(comp.amount, comp.bank_share, comp.reguarantor_share,
                                                      comp.retained, recorded=comp.paid_on.isoformat()))  # fmt: skip
            self.recovered_text.setText(translate("PostLoan", "已代偿 {paid} 元，已追回 {got} 元，尚余 {left} 元。").format(
                paid=format_yuan(comp.amount), got=format_yuan(summary.recovered), left=format_yuan(summary.outstanding)))
        else:
            self.recovered_text.setText(translate("PostLoan", "尚无代偿。"))
            self._preview_split()

    def _show_maturity(self, case: CaseRecord, row: LoanRecord) -> None:
        maturity = row.maturity_date
        days = (maturity - self.today()).days
        text = translate("PostLoan", "贷款 {amount} 元，{start} 至 {maturity}").format(
            amount=format_yuan(row.loan_amount), start=row.start_date, maturity=maturity)
        if row.repaid_on:
            self.maturity.setText(text + translate("PostLoan", "；{on} 已结清").format(on=row.repaid_on))
            self.maturity.setStyleSheet(MUTED_STYLE)
            return
        if row.defaulted_on:
            # Past maturity is already handled: overdue, compensated or in recovery.
            self.maturity.setText(text + translate("PostLoan", "；{on} 登记逾期").format(on=row.defaulted_on))
            self.maturity.setStyleSheet(MUTED_STYLE)
            return
        remind_from = self.remind_from = maturity_reminder(self.store, case.id) or maturity  # the core's reminder date
        if days < 0:
            text += translate("PostLoan", "　⚠ 已到期 {n} 天，请核实是否结清").format(n=-days)
        elif self.today() >= remind_from:
            text += translate("PostLoan", "　⚠ 即将到期（剩 {n} 天）").format(n=days)
        else:
            text += translate("PostLoan", "　（剩 {n} 天）").format(n=days)
        self.maturity.setText(text)
        self.maturity.setStyleSheet(ALERT_STYLE if self.today() >= remind_from else "")

    def _split_words(self, amount: int, bank: int, reg: int, retained: int, recorded: str = "") -> str:
        name = self._bank.reguarantor_name if self._bank and self._bank.reguarantor_name else translate("PostLoan", "再担保")
        head = translate("PostLoan", "{on} 已代偿 {amount} 元：").format(on=recorded, amount=format_yuan(amount)) if recorded else ""
        return head + translate("PostLoan", "银行承担 {bank} 元 ＋ {reg_name}承担 {reg} 元 ＋ 本公司自留 {kept} 元 ＝ {total} 元").format(
            bank=format_yuan(bank), reg_name=name, reg=format_yuan(reg), kept=format_yuan(retained), total=format_yuan(bank + reg + retained))

    def _preview_split(self) -> None:
        if getattr(self, "_comp", None):  # recorded: the stored split is shown
            return
        try:
            fen = parse_yuan(self.comp_amount.text(), "compensation_amount") if self.comp_amount.text().strip() else 0
        except IpguardError:
            fen = 0
        bank = getattr(self, "_bank", None)
        if fen <= 0:
            shares = (translate("PostLoan", "按银行合作协议：银行承担 {b}%，再担保承担本公司部分的 {r}%。").format(
                b=(bank.bank_share_bp if bank else 0) / 100, r=(bank.reguarantor_share_bp if bank else 0) / 100))
            self.split_text.setText(shares)
            return
        self.last_split = split_loss(fen, bank.bank_share_bp if bank else 0, bank.reguarantor_share_bp if bank else 0)
        s = self.last_split
        self.split_text.setText(self._split_words(s.amount, s.bank_share, s.reguarantor_share, s.retained))

    def _source_changed(self) -> None:
        self.rec_asset.setEnabled(self.rec_source.currentData() == "ip_disposal")

    # -- actions -----------------------------------------------------------------------------

    def fee_paid(self) -> object:
        return self.run_action(record_fee_paid, self.store, self.case_id, self.user, paid_on=date_of(self.fee_paid_on))

    def deregister(self) -> object:
        row = self.pledges.currentRow()
        asset_id = self.pledges.item(row, 0).data(Qt.ItemDataRole.UserRole) if row >= 0 else None  # None: the core names the field
        result = self.run_action(record_deregistration, self.store, self.case_id, asset_id, self.user,
                                 deregistered_on=date_of(self.deregistered_on), reference=self.dereg_ref.text())
        if isinstance(result, CaseRecord):
            self.dereg_ref.clear()
        return result

    def release(self) -> object:
        amount = self.store.repos.cases.guarantee_amount(self.case_id) or 0
        if not self.confirm_step(translate("PostLoan", "解除担保"), translate(
                "PostLoan", "案件 {no} 的担保责任（{amount} 元）将解除，案件办结；解除后不能恢复。").format(
                no=self.case.case_no, amount=format_yuan(amount))):
            return None
        # Each pledge's deregistration is recorded first (workflow.record_deregistration); release checks it.
        return self.run_action(release, self.store, self.case_id, self.user, repaid_on=date_of(self.repaid_on))

    def record_default(self) -> object:
        return self.run_action(record_default, self.store, self.case_id, self.user, on=date_of(self.default_on),
                               note=self.default_note.text())

    def compensate(self) -> object:
        return self.run_action(record_compensation, self.store, self.case_id, self.user, amount=self.comp_amount.text(),
                               paid_on=date_of(self.comp_on))

    def add_recovery(self) -> object:
        source = self.rec_source.currentData()
        asset_id = self.rec_asset.currentData() if source == "ip_disposal" else None
        result = self.run_action(record_recovery, self.store, self.case_id, self.user, amount=self.rec_amount.text(),
                                 on=date_of(self.rec_on), source=source, asset_id=asset_id, note=self.rec_note.text())
        if isinstance(result, CaseRecord):
            self.rec_amount.setText("")
            self.rec_note.clear()
        return result

    def close_recovery(self) -> object:
        note = self.workspace.ask_reason(translate("PostLoan", "追偿结案"), translate("PostLoan", "结案说明（如：处置完毕，剩余损失核销）："))
        if note is None:
            return None
        return self.run_action(close_recovery, self.store, self.case_id, self.user, on=date_of(self.rec_on), note=note)
