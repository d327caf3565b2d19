"""质押登记 tab: the registry's refusal reasons first, then each asset's registration, the checklist, the notice.

:func:`ipguard.workflow.pledge_warnings` (what CNIPA would refuse) is shown
prominently above the form, before anyone files. Per pledged asset: date
submitted, registry, registration number and date, certificate received.
The disbursement checklist has a 确认 button per item; 出具放款通知书 stays
disabled, with the core's reason as tooltip, until everything is in place.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ipguard.domain import Stage
from ipguard.store.records import CaseRecord
from ipguard.workflow import (
    confirm_check,
    disbursement_checks,
    issue_disbursement_notice,
    pledge_warnings,
    record_registration,
    registrations,
)
from ipguard.workflow.closing import STANDARD_CHECKS, check_label
from ui.i18n import ip_type_label, translate
from ui.widgets.fields import OptionalDateEdit
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.common import WARN_STYLE, ScrollTab, date_edit, date_of, info_label, yes_no


class RegistrationTab(ScrollTab):
    title = "质押登记"
    stages = (Stage.PLEDGE_REGISTRATION,)

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.regs: list[dict] = []
        self.check_rows: list[tuple[str, str, str]] = []  # code, label, confirmed text
        self.check_buttons: dict[str, QPushButton] = {}
        self.warnings = info_label("", WARN_STYLE)
        self.body.addWidget(self.warnings)

        self.table = read_only_table([translate("Registration", h) for h in
                            ("知识产权", "类型", "名称", "登记机关", "提交日", "登记号", "登记日", "已收通知书")])
        self.table.setMinimumHeight(130)
        self.table.itemSelectionChanged.connect(self._load_selected)
        self.body.addWidget(self.table)

        box = QGroupBox(translate("Registration", "所选知识产权的登记情况"))
        form = QFormLayout(box)
        self.submitted_on = OptionalDateEdit()
        self.registry = QLineEdit()
        self.registration_no = QLineEdit()
        self.registered_on = OptionalDateEdit()
        self.certificate = QCheckBox(translate("Registration", "已收到质押登记通知书"))
        form.addRow(translate("Registration", "提交日期："), self.submitted_on)
        form.addRow(translate("Registration", "登记机关："), self.registry)
        form.addRow(translate("Registration", "登记号："), self.registration_no)
        form.addRow(translate("Registration", "登记日期："), self.registered_on)
        form.addRow("", self.certificate)
        self.save_button = QPushButton(translate("Registration", "保存登记情况"))
        self.bind_action(self.save_button, "record_registration")
        self.save_button.clicked.connect(self.save_registration)
        form.addRow("", self.save_button)
        self.body.addWidget(box)

        self.checks_box = QGroupBox(translate("Registration", "放款条件"))
        self.checks_layout = QVBoxLayout(self.checks_box)
        self.checks_grid = QGridLayout()
        self.checks_layout.addLayout(self.checks_grid)
        self.body.addWidget(self.checks_box)

        notice = QHBoxLayout()
        notice.addWidget(QLabel(translate("Registration", "通知书日期：")))
        self.notice_date = date_edit()
        notice.addWidget(self.notice_date)
        self.notice_button = QPushButton(translate("Registration", "出具放款通知书"))
        self.bind_action(self.notice_button, "issue_notice")
        self.notice_button.clicked.connect(self.issue_notice)
        notice.addWidget(self.notice_button)
        notice.addStretch(1)
        self.body.addLayout(notice)
        self.body.addStretch(1)

    # -- refresh ------------------------------------------------------------------------

    def refresh(self, case: CaseRecord) -> None:
        warnings = pledge_warnings(self.store, self.case_id)
        colon = ": " if self.lang == "en" else "："
        lines = [f"• {number}{colon}{text.render(self.lang)}" if number else f"• {text.render(self.lang)}" for number, text in warnings]
        self.warnings.setText(translate("Registration", "⚠ 办理质押登记前请核对（登记机关会据此不予登记）：") + "\n" + "\n".join(lines))
        selected = self.selected_asset_id()
        self.regs = registrations(self.store, self.case_id)
        fill_table(self.table, [
            (r.number, ip_type_label(r.ip_type), r.title, r.registry, r.submitted_on, r.registration_no,
             r.registered_on, yes_no(r.certificate_received)) for r in self.regs], [r.asset_id for r in self.regs])  # fmt: skip
        if self.regs:
            ids = [r.asset_id for r in self.regs]
            self.table.selectRow(ids.index(selected) if selected in ids else 0)
        self._load_selected()
        self._fill_checks()

    def _fill_checks(self) -> None:
        rows = {c.code: c for c in disbursement_checks(self.store, self.case_id)}
        labels = dict(STANDARD_CHECKS)
        # A fixed order (standard items, then the committee's conditions as added): the rows must not
        # move between clicks, or the next click confirms a different condition.
        order = [code for code, _ in STANDARD_CHECKS] + [code for code in rows if code not in labels]
        while self.checks_grid.count():
            item = self.checks_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.check_buttons = {}
        self.check_rows = []
        enabled = self.action_enabled("confirm_check")
        reason = self.action_reason("confirm_check")
        for i, code in enumerate(order):
            row = rows.get(code)
            label = check_label(code, row.label if row else labels[code], self.lang)
            done = bool(row and row.confirmed)
            status = (translate("Registration", "✓ 已确认（{who}，{at}）").format(who=row.confirmed_by_name, at=row.confirmed_on)
                      if row and done else translate("Registration", "○ 待确认"))  # fmt: skip
            self.check_rows.append((code, label, status))
            text = info_label(label)
            state = QLabel(status)
            state.setStyleSheet("color: #1b5e20;" if done else "color: #555;")
            self.checks_grid.addWidget(text, i, 0)
            self.checks_grid.addWidget(state, i, 1)
            if not done:
                button = QPushButton(translate("Registration", "确认"))
                button.setEnabled(enabled)
                button.setToolTip("" if enabled else reason)
                button.clicked.connect(lambda _=False, c=code: self.confirm(c))
                self.check_buttons[code] = button
                self.checks_grid.addWidget(button, i, 2)
        self.checks_grid.setColumnStretch(0, 1)

    def selected_asset_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.regs[rows[0].row()].asset_id if rows and rows[0].row() < len(self.regs) else None

    def select_asset(self, asset_id: int) -> None:
        for i, r in enumerate(self.regs):
            if r.asset_id == asset_id:
                self.table.selectRow(i)

    def _load_selected(self) -> None:
        asset_id = self.selected_asset_id()
        reg = next((r for r in self.regs if r.asset_id == asset_id), None)
        self.submitted_on.set_value(reg.submitted_on if reg else None)
        self.registry.setText(reg.registry if reg else "")
        self.registration_no.setText(reg.registration_no if reg else "")
        self.registered_on.set_value(reg.registered_on if reg else None)
        self.certificate.setChecked(bool(reg and reg.certificate_received))

    # -- actions -----------------------------------------------------------------------------

    def save_registration(self) -> object:
        asset_id = self.selected_asset_id()
        if asset_id is None:
            return None
        return self.run_action(record_registration, self.store, self.case_id, asset_id, self.user,
                               submitted_on=self.submitted_on.iso(), registry=self.registry.text(),
                               registration_no=self.registration_no.text(), registered_on=self.registered_on.iso(),
                               certificate_received=self.certificate.isChecked())  # fmt: skip

    def confirm(self, code: str) -> object:
        return self.run_action(confirm_check, self.store, self.case_id, code, self.user)

    def issue_notice(self) -> object:
        if not self.confirm_step(translate("Registration", "出具放款通知书"), translate(
                "Registration", "将占用下一个放款通知书编号并出具通知书，银行据此放款；编号出具后不能收回。")):
            return None
        return self.run_action(issue_disbursement_notice, self.store, self.case_id, self.user, issue_date=date_of(self.notice_date))
