"""受理: the company and controller, the financials and credit flags, the referrer, the checklist."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
)

from ipguard import clock, intake
from ipguard.domain import CreditFlags, Financials, Stage
from ipguard.errors import IpguardError, ValidationError
from ipguard.money import parse_yuan, yuan_str
from ipguard.store.records import CaseRecord
from ui.i18n import checklist_status_label, translate
from ui.widgets.fields import ValidatedField, money_check
from ui.workspace.base import WorkspaceTab
from ui.workspace.common import note_label, read_only_table, section

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
        self.company = QFormLayout(company)
        self.company_labels = {k: note_label() for k in ("name", "uscc", "industry", "contact", "controller", "referrer")}
        for key, caption in (("name", "企业名称"), ("uscc", "统一社会信用代码"), ("industry", "行业"),
                             ("contact", "联系人"), ("controller", "实际控制人"), ("referrer", "推荐机构")):
            self.company.addRow(translate("Workspace", caption) + "：", self.company_labels[key])
        self.opinion = note_label()
        self.company.addRow(translate("Workspace", "推荐意见") + "：", self.opinion)
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
        self.fin_hint = note_label()
        row.addWidget(self.fin_hint, 1)
        self.save_button = QPushButton(translate("Workspace", "保存财务数据"))
        self.bind_action(self.save_button, "edit_intake")
        self.save_button.clicked.connect(self.save_financials)
        row.addWidget(self.save_button)
        form.addRow(row)
        grid.addWidget(fin, 0, 1)
        checklist = section(translate("Workspace", "业务清单（推荐机构报送材料）"))
        v = QVBoxLayout(checklist)
        self.checklist = read_only_table(["材料", "必需", "状态", "日期", "备注"], stretch=0)
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
        self.checklist.setRowCount(len(items))
        for r, item in enumerate(items):
            cells = (item.label, translate("Workspace", "必需") if item.required else "",
                     f"{STATUS_MARKS.get(item.status, '')} {checklist_status_label(item.status)}".strip(),
                     item.status_date.isoformat() if item.status_date else "", item.note)
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.code)
                self.checklist.setItem(r, c, cell)
        self.checklist.resizeRowsToContents()
        may_tick = self.user.roles & {"account_manager", "risk_manager", "operations", "admin"}
        self.set_status_button.setEnabled(bool(may_tick) and case.stage in intake.EDITABLE_STAGES)

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

    def set_selected_status(self) -> None:
        row = self.checklist.currentRow()
        if row < 0:
            return
        code = self.checklist.item(row, 0).data(Qt.ItemDataRole.UserRole)
        status = self.status_combo.currentData()
        self.run_action(intake.set_checklist_item, self.store, self.case_id, code, status, self.user,
                        on=clock.today() if status != "pending" else None, note=self.item_note.text(),
                        paper_original=self.paper_only.isChecked())
