"""受理: the company and controller, the financials and credit flags, the referrer, the checklist.

更正 (correct) turns the company section into a form of the intake records (company, controller,
referrer, requested amount and term, bank); 保存更正 asks for the reason and calls
:func:`ipguard.intake.correct_intake`, which allows it until the committee. 改派 (admin) hands the
case to another A or B through :func:`ipguard.workflow.assignment.reassign_case`. Several checklist
rows can be selected and registered at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipguard import catalog, clock, intake
from ipguard.domain import CreditFlags, Financials, Role, Stage
from ipguard.errors import IpguardError, ValidationError
from ipguard.money import parse_yuan, yuan_str
from ipguard.store.records import CaseRecord
from ipguard.validators import check_phone, check_resident_id, check_uscc
from ipguard.workflow.assignment import reassign_case
from ui import errors as uierrors
from ui.i18n import checklist_status_label, colon, translate
from ui.widgets.fields import ValidatedField, core_check, length_hint, money_check
from ui.widgets.tables import read_only_table
from ui.workspace.base import FAILED, WorkspaceTab
from ui.workspace.common import info_label, section, workspace_headers

STATUS_MARKS = {"received": "✓", "missing": "✗", "pending": "○"}
MONEY = (("annual_sales", "年销售额(元)", False), ("net_assets_last_year", "上年末净资产(元)", True),
         ("net_assets_current", "当期净资产(元)", True), ("existing_bank_loans", "现有银行贷款(元)", False))
FLAGS = (("company_credit_good", "企业信用记录良好"), ("controller_credit_good", "实际控制人信用记录良好"),
         ("counter_guarantee", "愿意提供反担保"), ("major_negative_info", "有重大负面信息"))


class IntakeTab(WorkspaceTab):
    """What came in with the application; financials editable while intake may be edited."""

    title = "受理"
    stages = (Stage.INTAKE,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        grid = QGridLayout(self)
        company = section(translate("Workspace", "企业与实际控制人"))
        company_layout = QVBoxLayout(company)
        # The records, or the form correcting them, in the same place; the hidden one takes no room.
        self.company_pages: list[QWidget] = []
        view = QWidget()
        self.company = QFormLayout(view)
        self.company.setContentsMargins(0, 0, 0, 0)
        self.company_labels = {k: info_label() for k in ("name", "uscc", "industry", "contact", "controller", "referrer")}
        for key, caption in (("name", "企业名称"), ("uscc", "统一社会信用代码"), ("industry", "行业"),
                             ("contact", "联系人"), ("controller", "实际控制人"), ("referrer", "推荐机构")):
            self.company.addRow(translate("Workspace", caption) + colon(), self.company_labels[key])
        self.opinion = info_label()
        self.company.addRow(translate("Workspace", "推荐意见") + colon(), self.opinion)
        self.people_label = info_label()
        self.company.addRow(translate("Workspace", "经办人员") + colon(), self.people_label)
        buttons = QHBoxLayout()
        self.correct_button = QPushButton(translate("Workspace", "更正受理资料…"))
        self.correct_button.setToolTip(translate("Workspace", "更正企业、实际控制人、推荐机构、申请金额与期限、银行（保审会前；须填写原因）"))
        self.bind_action(self.correct_button, "edit_intake")
        self.correct_button.clicked.connect(self.start_correction)
        self.reassign_button = QPushButton(translate("Workspace", "改派A角/B角…"))
        self.reassign_button.setToolTip(translate("Workspace", "把案件改派给另一位客户经理或风控经理（管理员；须填写原因）"))
        self.bind_action(self.reassign_button, "reassign")
        self.reassign_button.clicked.connect(self.reassign)
        buttons.addStretch(1)
        buttons.addWidget(self.reassign_button)
        buttons.addWidget(self.correct_button)
        self.company.addRow(buttons)
        self.company_pages = [view, self._correction_form()]
        for page in self.company_pages:
            company_layout.addWidget(page)
        self._show_company_page(0)
        grid.addWidget(company, 0, 0)
        fin = section(translate("Workspace", "财务数据与信用情况"))
        form = QFormLayout(fin)
        self.money: dict[str, ValidatedField] = {}
        for key, caption, negative in MONEY:
            field = ValidatedField(money_check(key, allow_negative=negative))
            self.money[key] = field
            form.addRow(translate("Workspace", caption), field)
        self.flags: dict[str, QCheckBox] = {}
        for key, caption in FLAGS:
            box = QCheckBox(translate("Workspace", caption))
            self.flags[key] = box
            form.addRow("", box)
        self.negative_note = QLineEdit()
        self.negative_note.setPlaceholderText(translate("Workspace", "负面信息说明（诉讼、执行、处罚…）"))
        form.addRow(translate("Workspace", "说明"), self.negative_note)
        row = QHBoxLayout()
        self.fin_hint = info_label()
        row.addWidget(self.fin_hint, 1)
        self.save_button = QPushButton(translate("Workspace", "保存财务数据"))
        self.bind_action(self.save_button, "edit_intake")
        self.save_button.clicked.connect(self.save_financials)
        row.addWidget(self.save_button)
        form.addRow(row)
        grid.addWidget(fin, 0, 1)
        checklist = section(translate("Workspace", "业务清单（推荐机构报送材料）"))
        v = QVBoxLayout(checklist)
        self.checklist = read_only_table(workspace_headers("材料", "必需", "状态", "日期", "备注"), stretch=0)
        self.checklist.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.checklist.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several at once
        v.addWidget(self.checklist)
        row = QHBoxLayout()
        self.status_combo = QComboBox()
        for code, mark in STATUS_MARKS.items():
            self.status_combo.addItem(f"{mark} {checklist_status_label(code)}", code)
        self.item_note = QLineEdit()
        self.item_note.setPlaceholderText(translate("Workspace", "备注（可空）"))
        # 已收 needs a file in the case file or this explicit statement (issue 18).
        self.paper_only = QCheckBox(translate("Workspace", "仅有纸质原件"))
        self.set_status_button = QPushButton(translate("Workspace", "登记所选材料"))
        self.set_status_button.setToolTip(translate("Workspace", "可用 Shift/Ctrl 选中多行，一次登记"))
        self.set_status_button.clicked.connect(self.set_selected_status)
        row.addWidget(self.status_combo)
        row.addWidget(self.item_note, 1)
        row.addWidget(self.paper_only)
        row.addWidget(self.set_status_button)
        v.addLayout(row)
        grid.addWidget(checklist, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)

    def refresh(self, case: CaseRecord) -> None:
        repos = self.store.repos
        company = repos.companies.get(case.company_id)
        labels = self.company_labels
        labels["name"].setText(company.name)
        labels["uscc"].setText(company.uscc)
        labels["industry"].setText(company.industry or "—")
        labels["contact"].setText(f"{company.contact_name} {company.contact_phone}".strip() or "—")
        labels["controller"].setText(f"{company.controller_name} {company.controller_phone}".strip() or "—")
        labels["referrer"].setText(repos.referrers.get(case.referrer_id).name if case.referrer_id else "—")
        self.opinion.setText(case.recommendation_opinion or "—")
        self.people_label.setText(translate("Workspace", "A角 {a}　B角 {b}").format(
            a=self._name(case.account_manager_id), b=self._name(case.risk_manager_id)))
        if self.correcting() and not self.action_enabled("edit_intake"):
            self.cancel_correction()  # the case moved on (e.g. to the committee) under the form
        fin = repos.cases.financials(case.id)
        if fin is not None:
            for key, field in self.money.items():
                field.setText(yuan_str(getattr(fin, key)))
            for key, box in self.flags.items():
                box.setChecked(bool(getattr(fin, key)))
            self.negative_note.setText(fin.negative_info_note)
        editable = self.action_enabled("edit_intake")
        for widget in (*self.money.values(), *self.flags.values(), self.negative_note):
            widget.setEnabled(editable)
        self.fin_hint.setText("" if editable else self.action_reason("edit_intake"))
        items = repos.cases.checklist(case.id)
        names = catalog.checklist_names(self.store, self.lang)
        self.checklist.setRowCount(len(items))
        for r, item in enumerate(items):
            cells = (names.get(item.code, item.label), translate("Workspace", "必需") if item.required else "",
                     f"{STATUS_MARKS.get(item.status, '')} {checklist_status_label(item.status)}".strip(),
                     item.status_date.isoformat() if item.status_date else "", item.note)
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.code)
                self.checklist.setItem(r, c, cell)
        self.checklist.resizeRowsToContents()
        may_tick = self.user.roles & {"account_manager", "risk_manager", "operations", "admin"}
        self.set_status_button.setEnabled(bool(may_tick) and case.stage in intake.EDITABLE_STAGES)

    def _name(self, user_id: int | None) -> str:
        if user_id is None:
            return translate("Workspace", "未指定")
        try:
            return self.store.repos.users.get(user_id).display_name
        except IpguardError:
            return f"#{user_id}"

    # -- correction (更正) ------------------------------------------------------------------

    def _correction_form(self) -> QWidget:
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        self.fix: dict[str, QLineEdit | ValidatedField] = {
            "name": QLineEdit(),
            "uscc": ValidatedField(length_hint(18, check_uscc, translate("Workspace", "统一社会信用代码"))),
            "industry": QLineEdit(),
            "contact_name": QLineEdit(),
            "contact_phone": ValidatedField(core_check(lambda t: check_phone(t, "contact_phone"))),
            "controller_name": QLineEdit(),
            "resident_id": ValidatedField(length_hint(18, check_resident_id, translate("Workspace", "身份证号"))),
            "controller_phone": ValidatedField(core_check(lambda t: check_phone(t, "contact_phone"))),
        }
        for key, caption in (("name", "企业名称"), ("uscc", "统一社会信用代码"), ("industry", "行业"),
                             ("contact_name", "联系人"), ("contact_phone", "联系电话"), ("controller_name", "实际控制人"),
                             ("resident_id", "身份证号"), ("controller_phone", "控制人电话")):
            form.addRow(translate("Workspace", caption), self.fix[key])
        self.fix_referrer = QComboBox()
        form.addRow(translate("Workspace", "推荐机构"), self.fix_referrer)
        self.fix_opinion = QPlainTextEdit()
        self.fix_opinion.setTabChangesFocus(True)
        self.fix_opinion.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        form.addRow(translate("Workspace", "推荐意见"), self.fix_opinion)
        self.fix_amount = ValidatedField(money_check("requested_amount"), placeholder=translate("Workspace", "元，如 3,000,000 或 300万"))
        form.addRow(translate("Workspace", "申请金额"), self.fix_amount)
        self.fix_term = QSpinBox()
        self.fix_term.setSuffix(translate("Workspace", " 个月"))
        form.addRow(translate("Workspace", "期限"), self.fix_term)
        self.fix_bank = QComboBox()
        form.addRow(translate("Workspace", "贷款银行"), self.fix_bank)
        note = info_label()
        note.setText(translate("Workspace", "企业与实际控制人的资料属于企业：在此更正，该企业的其他案件一并更正。"))
        form.addRow(note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_fix_button = QPushButton(translate("Workspace", "取消"))
        self.cancel_fix_button.clicked.connect(self.cancel_correction)
        self.save_fix_button = QPushButton(translate("Workspace", "保存更正…"))
        self.save_fix_button.setDefault(True)
        self.save_fix_button.clicked.connect(self.save_correction)
        row.addWidget(self.cancel_fix_button)
        row.addWidget(self.save_fix_button)
        form.addRow(row)
        return form_widget

    def correcting(self) -> bool:
        return not self.company_pages[1].isHidden()

    def _current_values(self) -> dict[str, object]:
        """The intake records as stored, keyed like :func:`ipguard.intake.correct_intake`'s arguments."""
        case = self.store.repos.cases.get(self.case_id)
        company = self.store.repos.companies.get(case.company_id)
        return {
            "name": company.name, "uscc": company.uscc, "industry": company.industry, "contact_name": company.contact_name,
            "contact_phone": company.contact_phone, "controller_name": company.controller_name,
            "resident_id": company.controller_resident_id, "controller_phone": company.controller_phone,
            "referrer_id": case.referrer_id or 0, "recommendation_opinion": case.recommendation_opinion,
            "requested_amount": case.requested_amount, "term_months": case.term_months, "bank_id": case.bank_id,
        }

    def start_correction(self) -> None:
        """更正: show the intake records as a form, filled with what is stored."""
        values = self._current_values()
        self._before = values
        for key, widget in self.fix.items():
            widget.setText(str(values[key] or ""))
        repos = self.store.repos
        self.fix_referrer.clear()
        self.fix_referrer.addItem(translate("Workspace", "（无）"), 0)
        for referrer in repos.referrers.all():
            if referrer.active or referrer.id == values["referrer_id"]:
                self.fix_referrer.addItem(referrer.name, referrer.id)
        self.fix_referrer.setCurrentIndex(max(self.fix_referrer.findData(values["referrer_id"]), 0))
        self.fix_opinion.setPlainText(str(values["recommendation_opinion"] or ""))
        self.fix_amount.setText(yuan_str(values["requested_amount"]))  # type: ignore[arg-type]
        self.fix_term.setRange(*intake.term_range(self.store, self.case))  # the case's product range
        self.fix_term.setValue(int(values["term_months"]))  # type: ignore[arg-type]
        self.fix_bank.clear()
        for bank in repos.banks.all():
            if bank.active or bank.id == values["bank_id"]:
                self.fix_bank.addItem(bank.display, bank.id)
        if values["bank_id"] is None:
            self.fix_bank.insertItem(0, translate("Workspace", "（未选择）"), None)
        self.fix_bank.setCurrentIndex(max(self.fix_bank.findData(values["bank_id"]), 0))
        self._show_company_page(1)
        self.fix["name"].setFocus()

    def cancel_correction(self) -> None:
        self._show_company_page(0)

    def _show_company_page(self, index: int) -> None:
        """Show the records (0) or the correction form (1)."""
        self.company_pages[1 - index].setVisible(False)
        self.company_pages[index].setVisible(True)

    def correction_changes(self) -> dict[str, object]:
        """What the form changes, as keyword arguments of :func:`ipguard.intake.correct_intake`."""
        before = getattr(self, "_before", None) or self._current_values()
        company = {key: widget.text().strip() for key, widget in self.fix.items() if widget.text().strip() != (before[key] or "")}
        changes: dict[str, object] = {"company": company} if company else {}
        if self.fix_referrer.currentData() != before["referrer_id"]:
            changes["referrer_id"] = self.fix_referrer.currentData()
        if self.fix_opinion.toPlainText().strip() != (before["recommendation_opinion"] or ""):
            changes["recommendation_opinion"] = self.fix_opinion.toPlainText().strip()
        amount = self.fix_amount.text().strip()
        if amount and amount != yuan_str(before["requested_amount"]):  # type: ignore[arg-type]
            changes["requested_amount"] = amount
        if self.fix_term.value() != before["term_months"]:
            changes["term_months"] = self.fix_term.value()
        if self.fix_bank.currentData() is not None and self.fix_bank.currentData() != before["bank_id"]:
            changes["bank_id"] = self.fix_bank.currentData()
        return changes

    def save_correction(self) -> bool:
        """保存更正: ask for the reason, then correct through the core (which checks every value again)."""
        changes = self.correction_changes()
        if not changes:
            uierrors.inform(self, translate("Workspace", "没有需要更正的内容。"))
            return False
        reason = self.workspace.ask_reason(translate("Workspace", "更正受理资料"),
                                           translate("Workspace", "请填写更正原因（将记入审计记录）："))
        if not reason:
            return False
        if self.run_action(intake.correct_intake, self.store, self.case_id, self.user, reason=reason, **changes) is FAILED:
            return False  # the form stays as typed, to be fixed
        self.cancel_correction()
        return True

    # -- reassignment (改派) -----------------------------------------------------------------

    def reassign(self) -> bool:
        """改派: choose another A and/or B and give the reason (admin)."""
        dialog = ReassignDialog(self.store, self.store.repos.cases.get(self.case_id), self)
        if not uierrors.exec_dialog(dialog):
            return False
        a, b, reason = dialog.choice()
        return self.run_action(reassign_case, self.store, self.case_id, self.user, account_manager_id=a,
                               risk_manager_id=b, reason=reason) is not FAILED

    # -- actions -----------------------------------------------------------------------

    def financials_input(self) -> tuple[Financials, CreditFlags]:
        values = {}
        for key, _caption, negative in MONEY:
            text = self.money[key].text()
            if not text.strip():
                raise ValidationError(key, "required")
            values[key] = parse_yuan(text, key, allow_negative=negative)
        credit = CreditFlags(**{k: box.isChecked() for k, box in self.flags.items()},
                             negative_info_note=self.negative_note.text().strip())
        return Financials(**values), credit

    def save_financials(self) -> None:
        try:
            fin, credit = self.financials_input()
        except IpguardError as exc:
            from ui.errors import show_error

            show_error(self, exc, self.lang)
            return
        self.run_action(intake.update_financials, self.store, self.case_id, fin, credit, self.user)

    def selected_codes(self) -> list[str]:
        """The checklist items selected (several with Shift/Ctrl), in the table's order."""
        rows = sorted({index.row() for index in self.checklist.selectionModel().selectedRows()})
        if not rows and self.checklist.currentRow() >= 0:
            rows = [self.checklist.currentRow()]
        return [self.checklist.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def set_selected_status(self) -> None:
        """登记所选材料: every selected item gets the chosen status (one audited change each)."""
        codes = self.selected_codes()
        if not codes:
            return
        status = self.status_combo.currentData()
        self.run_action(_set_items, self.store, self.case_id, codes, status, self.user,
                        on=clock.today() if status != "pending" else None, note=self.item_note.text(),
                        paper_original=self.paper_only.isChecked())


def _set_items(store, case_id: int, codes: list[str], status: str, user, *, on, note: str, paper_original: bool,
               expected_version: int) -> None:
    """Set several checklist items, each in its own audited transaction, from the version the user saw."""
    version = expected_version
    for code in codes:
        version = intake.set_checklist_item(store, case_id, code, status, user, on=on, note=note,
                                            paper_original=paper_original, expected_version=version).version


class ReassignDialog(QDialog):
    """改派: the new A and B (active users holding the role) and the reason."""

    def __init__(self, store, case: CaseRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Workspace", "改派A角/B角"))
        self.case = case
        form = QFormLayout(self)
        self.a_combo = QComboBox()
        self.b_combo = QComboBox()
        for combo, role, current in ((self.a_combo, Role.ACCOUNT_MANAGER, case.account_manager_id),
                                     (self.b_combo, Role.RISK_MANAGER, case.risk_manager_id)):
            for user in store.repos.users.with_role(role):
                combo.addItem(user.display_name + (translate("Workspace", "（现任）") if user.id == current else ""), user.id)
            if current is None:
                combo.insertItem(0, translate("Workspace", "（未指定）"), None)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        form.addRow(translate("Workspace", "客户经理(A角)"), self.a_combo)
        form.addRow(translate("Workspace", "风控经理(B角)"), self.b_combo)
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(translate("Workspace", "改派原因（将记入审计记录），如：原客户经理调岗"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        form.addRow(translate("Workspace", "原因"), self.reason)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.hint.setText(translate("Workspace", "已出席或参与本案保审会表决的委员不能担任本案的A角或B角；调查报告上已有的签字保留。"))
        form.addRow(self.hint)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Workspace", "改派"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def choice(self) -> tuple[int | None, int | None, str]:
        """(new A or None to keep, new B or None to keep, reason)."""
        a, b = self.a_combo.currentData(), self.b_combo.currentData()
        return (a if a != self.case.account_manager_id else None, b if b != self.case.risk_manager_id else None,
                self.reason.toPlainText().strip())

    def _accept(self) -> None:
        a, b, reason = self.choice()
        if a is None and b is None:
            self.hint.setText(translate("Workspace", "请选择新的A角或B角。"))
            return
        if not reason:
            self.hint.setText(translate("Workspace", "请填写改派原因。"))
            self.reason.setFocus()
            return
        self.accept()
