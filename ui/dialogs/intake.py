"""The new-case form (受理): company, controller, financials, request, tags, IP assets.

The dialog only gathers raw values; :func:`ipguard.intake.parse_intake` and
:func:`ipguard.intake.open_case` validate and save them in one transaction.
A refused value shows its message (naming the field) in the banner and under
the field, the field's tab opens and the field gets the focus; nothing is
saved. Usage::

    dialog = IntakeDialog(session, parent)
    if dialog.exec() == QDialog.Accepted:
        dialog.case_id  # the new case
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipguard import catalog, clock, intake
from ipguard.domain import Role
from ipguard.errors import IpguardError
from ipguard.store.retry import retrying
from ipguard.validators import check_phone, check_resident_id, check_uscc
from ui import errors as uierrors
from ui.i18n import current_language, translate
from ui.session import Session
from ui.widgets import drafts
from ui.widgets.asset_editor import AssetEditor, blank_asset
from ui.widgets.fields import BAD, OptionalDateEdit, ValidatedField, Verdict, core_check, length_hint, money_check

log = logging.getLogger("ipguard.ui.intake")

CREDIT_FLAGS = (  # labels translated when shown (context "Intake")
    ("company_credit_good", QT_TRANSLATE_NOOP("Intake", "企业信用记录良好")),
    ("controller_credit_good", QT_TRANSLATE_NOOP("Intake", "实际控制人信用记录良好")),
    ("counter_guarantee", QT_TRANSLATE_NOOP("Intake", "愿意提供反担保")),
    ("major_negative_info", QT_TRANSLATE_NOOP("Intake", "有重大负面信息（诉讼、执行、行政处罚、税务违法等）")),
)
DRAFT = "intake"  # the draft's name (one new-case draft per user and database)
_ASSET_FIELD = re.compile(r"^ip_assets\[(\d+)\]\.(\w+)$")


class IntakeDialog(QDialog):
    """Open a new case. After ``accept()``, :attr:`case_id` is the new case's id."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_id: int | None = None
        self.product = catalog.current_product(session.store)
        self.setWindowTitle(translate("Intake", "新建案件 — {product}").format(product=catalog.product_name(self.product, current_language())))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._company_tab(), translate("Intake", "企业与实际控制人(&1)"))
        self.tabs.addTab(self._financials_tab(), translate("Intake", "财务与信用(&2)"))
        self.tabs.addTab(self._request_tab(), translate("Intake", "申请与推荐(&3)"))
        self.assets = AssetEditor(self)
        self.tabs.addTab(self.assets, translate("Intake", "知识产权(&4)"))
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.banner.setStyleSheet("color: #c62828; font-weight: bold;")
        self.banner.setVisible(False)
        self.banner.setAccessibleName(translate("Intake", "错误信息"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(translate("Intake", "受理(&S)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Intake", "取消"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(860, 640)
        self.name.setFocus()
        # Drafts: saved as the user types (debounced), offered back next time, dropped once the case is opened.
        self._pristine = self.raw_data()
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.save_draft)
        self._offer_draft()
        for line in self.findChildren(QLineEdit):
            line.textChanged.connect(self._schedule_draft)
        for text in self.findChildren(QPlainTextEdit):
            text.textChanged.connect(self._schedule_draft)
        for box in self.findChildren(QCheckBox):
            box.stateChanged.connect(self._schedule_draft)  # an int: bool arguments trip a PySide6 refcount bug at exit
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self._schedule_draft)
        self.term_months.valueChanged.connect(self._schedule_draft)
        self.application_date.dateChanged.connect(self._schedule_draft)
        self.assets.changed.connect(self._schedule_draft)

    # -- tabs ----------------------------------------------------------------

    def _company_tab(self) -> QWidget:
        tab = QWidget(self)
        self.name = QLineEdit(tab)
        self.uscc = ValidatedField(length_hint(18, check_uscc, translate("Intake", "统一社会信用代码")), tab,
                                   placeholder=translate("Intake", "18位，如 91310115MA1K3XXXXX"))
        self.industry = QLineEdit(tab)
        self.address = QLineEdit(tab)
        self.founded_on = OptionalDateEdit(tab)
        self.contact_name = QLineEdit(tab)
        self.contact_phone = ValidatedField(core_check(lambda t: check_phone(t, "contact_phone"), translate("Intake", "电话号码格式正确")), tab)
        self.controller_name = QLineEdit(tab)
        self.resident_id = ValidatedField(length_hint(18, check_resident_id, translate("Intake", "身份证号")), tab,
                                          placeholder=translate("Intake", "18位居民身份证号"))
        self.controller_phone = ValidatedField(core_check(lambda t: check_phone(t, "contact_phone"), translate("Intake", "电话号码格式正确")), tab)
        company = QGroupBox(translate("Intake", "企业"), tab)
        form = QFormLayout(company)
        for text, widget in ((translate("Intake", "企业名称(&N)*"), self.name),
                             (translate("Intake", "统一社会信用代码(&C)*"), self.uscc),
                             (translate("Intake", "所属行业"), self.industry), (translate("Intake", "地址"), self.address),
                             (translate("Intake", "成立日期"), self.founded_on),
                             (translate("Intake", "联系人"), self.contact_name),
                             (translate("Intake", "联系电话"), self.contact_phone)):  # fmt: skip
            form.addRow(text, widget)
        controller = QGroupBox(translate("Intake", "实际控制人"), tab)
        form = QFormLayout(controller)
        form.addRow(translate("Intake", "姓名(&K)*"), self.controller_name)
        form.addRow(translate("Intake", "身份证号(&I)*"), self.resident_id)
        form.addRow(translate("Intake", "电话"), self.controller_phone)
        layout = QVBoxLayout(tab)
        layout.addWidget(company)
        layout.addWidget(controller)
        layout.addStretch(1)
        return tab

    def _financials_tab(self) -> QWidget:
        tab = QWidget(self)
        self.annual_sales = ValidatedField(money_check("annual_sales"), tab, placeholder=translate("Intake", "元，如 5,000,000.00"))
        self.net_assets_last_year = ValidatedField(money_check("net_assets_last_year", allow_negative=True), tab, placeholder=translate("Intake", "元，可为负数"))
        self.net_assets_current = ValidatedField(money_check("net_assets_current", allow_negative=True), tab, placeholder=translate("Intake", "元，可为负数"))
        self.existing_bank_loans = ValidatedField(money_check("existing_bank_loans", required=False), tab, placeholder=translate("Intake", "元，没有填 0"))
        money = QGroupBox(translate("Intake", "财务数据（元）"), tab)
        form = QFormLayout(money)
        form.addRow(translate("Intake", "年销售额(&S)*"), self.annual_sales)
        form.addRow(translate("Intake", "上年度净资产*"), self.net_assets_last_year)
        form.addRow(translate("Intake", "当期净资产*"), self.net_assets_current)
        form.addRow(translate("Intake", "现有银行贷款"), self.existing_bank_loans)
        credit = QGroupBox(translate("Intake", "信用与负面信息"), tab)
        box = QVBoxLayout(credit)
        self.credit_boxes = {key: QCheckBox(translate("Intake", label), credit) for key, label in CREDIT_FLAGS}
        for check in self.credit_boxes.values():
            box.addWidget(check)
        self.negative_info_note = QPlainTextEdit(credit)
        self.negative_info_note.setPlaceholderText(translate("Intake", "负面信息说明（如有）"))
        self.negative_info_note.setFixedHeight(self.fontMetrics().height() * 4)
        box.addWidget(self.negative_info_note)
        layout = QVBoxLayout(tab)
        layout.addWidget(money)
        layout.addWidget(credit)
        layout.addStretch(1)
        return tab

    def _request_tab(self) -> QWidget:
        tab = QWidget(self)
        store = self.session.store
        self.bank = QComboBox(tab)
        self.bank.addItem(translate("Intake", "（暂不指定）"), None)
        for b in store.repos.banks.all(active_only=True):
            self.bank.addItem(b.display, b.id)
        self.referrer = QComboBox(tab)
        self.referrer.addItem(translate("Intake", "（无）"), None)
        for r in store.repos.referrers.all(active_only=True):
            self.referrer.addItem(r.name, r.id)
        self.opinion = QPlainTextEdit(tab)
        self.opinion.setPlaceholderText(translate("Intake", "推荐机构的推荐意见"))
        self.opinion.setFixedHeight(self.fontMetrics().height() * 4)
        self.requested_amount = ValidatedField(money_check("requested_amount"), tab, placeholder=translate("Intake", "元，如 3,000,000 或 300万"))
        self.term_months = QSpinBox(tab)
        self.term_months.setRange(self.product.amount.min_term_months, self.product.amount.max_term_months)
        self.term_months.setValue(12)
        self.term_months.setSuffix(translate("Intake", " 个月"))
        self.application_date = QDateEdit(QDate(clock.today()), tab)
        self.application_date.setCalendarPopup(True)
        self.application_date.setDisplayFormat("yyyy-MM-dd")
        self.account_manager = QComboBox(tab)
        for u in store.repos.users.with_role(Role.ACCOUNT_MANAGER):
            self.account_manager.addItem(u.display_name, u.id)
        index = self.account_manager.findData(self.session.user.id)
        if index < 0:
            self.account_manager.insertItem(0, translate("Intake", "（未指定）"), None)
        self.account_manager.setCurrentIndex(max(index, 0))
        self.risk_manager = QComboBox(tab)
        self.risk_manager.addItem(translate("Intake", "（暂不指定）"), None)
        for u in store.repos.users.with_role(Role.RISK_MANAGER):
            if u.id != self.session.user.id:
                self.risk_manager.addItem(u.display_name, u.id)
        form_box = QGroupBox(translate("Intake", "申请"), tab)
        form = QFormLayout(form_box)
        form.addRow(translate("Intake", "申请金额(&A)*"), self.requested_amount)
        form.addRow(translate("Intake", "期限*"), self.term_months)
        form.addRow(translate("Intake", "申请日期*"), self.application_date)
        form.addRow(translate("Intake", "合作银行(&B)"), self.bank)
        form.addRow(translate("Intake", "推荐机构(&R)"), self.referrer)
        form.addRow(translate("Intake", "推荐意见"), self.opinion)
        form.addRow(translate("Intake", "客户经理（A角）"), self.account_manager)
        form.addRow(translate("Intake", "风控经理（B角）"), self.risk_manager)
        tags = QGroupBox(translate("Intake", "客户标签（三最七高）"), tab)
        grid = QGridLayout(tags)
        names = catalog.tag_names(self.session.store, current_language())
        self.tag_boxes = {t.code: QCheckBox(names.get(t.code, t.label), tags) for t in self.product.target_tags}
        for i, check in enumerate(self.tag_boxes.values()):
            grid.addWidget(check, i // 5, i % 5)
        layout = QVBoxLayout(tab)
        layout.addWidget(form_box)
        layout.addWidget(tags)
        layout.addStretch(1)
        return tab

    # -- values ----------------------------------------------------------------

    def raw_data(self) -> dict[str, object]:
        """The form as raw values for :func:`ipguard.intake.parse_intake`."""
        company = {
            "name": self.name.text(),
            "uscc": self.uscc.text(),
            "industry": self.industry.text(),
            "address": self.address.text(),
            "founded_on": self.founded_on.iso(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
            "controller_name": self.controller_name.text(),
            "resident_id": self.resident_id.text(),
            "controller_phone": self.controller_phone.text(),
            "annual_sales": self.annual_sales.text(),
            "net_assets_last_year": self.net_assets_last_year.text(),
            "net_assets_current": self.net_assets_current.text(),
            "existing_bank_loans": self.existing_bank_loans.text().strip() or "0",
            "negative_info_note": self.negative_info_note.toPlainText(),
            **{key: box.isChecked() for key, box in self.credit_boxes.items()},
        }
        return {
            "company": company,
            "product_code": self.product.code,
            "requested_amount": self.requested_amount.text(),
            "term_months": self.term_months.value(),
            "application_date": self.application_date.date().toPython().isoformat(),  # type: ignore[union-attr]
            "bank_id": self.bank.currentData(),
            "referrer_id": self.referrer.currentData(),
            "recommendation_opinion": self.opinion.toPlainText(),
            "account_manager_id": self.account_manager.currentData(),
            "risk_manager_id": self.risk_manager.currentData(),
            "target_tags": [code for code, box in self.tag_boxes.items() if box.isChecked()],
            "ip_assets": self.assets.assets_raw(),
        }

    # -- drafts and closing ------------------------------------------------------

    def is_dirty(self) -> bool:
        """Whether anything was filled in since the form opened (or its draft was restored)."""
        return self.raw_data() != self._pristine

    def _schedule_draft(self, *_args: object) -> None:
        # A Python slot: signals carry str/bool/int, which QTimer.start(int) must never receive.
        self._draft_timer.start()

    def save_draft(self) -> None:
        self._draft_timer.stop()
        if self.case_id is None and self.is_dirty():
            drafts.save(self.session, DRAFT, self.raw_data())

    def _offer_draft(self) -> None:
        draft = drafts.load(self.session, DRAFT)
        if not draft:
            return
        if self.ask(translate("Intake", "恢复草稿"),
                    translate("Intake", "上次新建案件时填写的内容尚未受理，已保存为草稿。现在恢复吗？\n选“否”将删除该草稿。")):
            self.restore(draft)
        else:
            drafts.discard(self.session, DRAFT)

    def ask(self, title: str, text: str) -> bool:
        """A yes/no question (through :func:`ui.errors.ask`, which tests replace)."""
        return uierrors.ask(self, title, text)

    def restore(self, raw: dict) -> None:
        """Fill the form from raw values (a draft); unknown or stale entries are skipped."""
        company = raw.get("company") or {}
        texts = {"name": self.name, "uscc": self.uscc, "industry": self.industry, "address": self.address,
                 "contact_name": self.contact_name, "contact_phone": self.contact_phone,
                 "controller_name": self.controller_name, "resident_id": self.resident_id,
                 "controller_phone": self.controller_phone, "annual_sales": self.annual_sales,
                 "net_assets_last_year": self.net_assets_last_year, "net_assets_current": self.net_assets_current,
                 "existing_bank_loans": self.existing_bank_loans}  # fmt: skip
        for key, widget in texts.items():
            widget.setText(str(company.get(key) or ""))
        self.founded_on.set_text(str(company.get("founded_on") or ""))
        self.negative_info_note.setPlainText(str(company.get("negative_info_note") or ""))
        for key, box in self.credit_boxes.items():
            box.setChecked(bool(company.get(key)))
        self.requested_amount.setText(str(raw.get("requested_amount") or ""))
        if isinstance(raw.get("term_months"), int):
            self.term_months.setValue(raw["term_months"])
        try:
            self.application_date.setDate(QDate.fromString(str(raw.get("application_date")), "yyyy-MM-dd"))
        except (TypeError, ValueError):
            pass
        for combo, key in ((self.bank, "bank_id"), (self.referrer, "referrer_id"),
                           (self.account_manager, "account_manager_id"), (self.risk_manager, "risk_manager_id")):
            index = combo.findData(raw.get(key))
            if index >= 0:
                combo.setCurrentIndex(index)
        self.opinion.setPlainText(str(raw.get("recommendation_opinion") or ""))
        for code, box in self.tag_boxes.items():
            box.setChecked(code in (raw.get("target_tags") or []))
        for asset in raw.get("ip_assets") or []:
            if isinstance(asset, dict):
                self.assets.add_row({**blank_asset(), **asset})

    def reject(self) -> None:
        """Esc, Cancel or the close box: a filled form asks first; its draft is kept either way."""
        if self.case_id is None and self.is_dirty():
            self.save_draft()
            if not self.ask(translate("Intake", "关闭新建案件"),
                            translate("Intake", "已填写的内容尚未受理。关闭后草稿仍会保留，下次新建案件时可以恢复。\n确定关闭吗？")):
                return
        super().reject()

    def submit(self) -> None:
        """Validate and open the case; on a refused value show it and keep the dialog open."""
        try:
            case = retrying(self.session.store, intake.open_case, self.session.store, intake.parse_intake(self.raw_data()), self.session.user)
        except IpguardError as exc:
            self.show_refusal(exc)
            return
        except Exception as exc:  # a bug: the transaction rolled back; report it
            log.exception("opening a case failed")
            self._bug(exc)
            return
        self.case_id = case.id
        self._draft_timer.stop()
        drafts.discard(self.session, DRAFT)
        self.session.signals.case_changed.emit(case.id)
        self.accept()

    def _bug(self, exc: Exception) -> None:
        uierrors.show_error(self, exc)

    # -- errors ------------------------------------------------------------------

    def field_widget(self, field: str | None) -> QWidget | None:
        """The widget that edits a core field name (``uscc``, ``annual_sales`` …)."""
        if not field:
            return None
        widgets: dict[str, QWidget] = {
            "company.name": self.name, "name": self.name, "uscc": self.uscc, "industry": self.industry,
            "address": self.address, "founded_on": self.founded_on, "contact_name": self.contact_name,
            "contact_phone": self.contact_phone, "controller_name": self.controller_name, "resident_id": self.resident_id,
            "annual_sales": self.annual_sales, "net_assets_last_year": self.net_assets_last_year,
            "net_assets_current": self.net_assets_current, "existing_bank_loans": self.existing_bank_loans,
            "negative_info_note": self.negative_info_note, "requested_amount": self.requested_amount,
            "term_months": self.term_months, "application_date": self.application_date, "bank_id": self.bank,
            "referrer_id": self.referrer, "recommendation_opinion": self.opinion, "ip_assets": self.assets,
            **self.credit_boxes,
        }  # fmt: skip
        if field == "target_tags" and self.tag_boxes:
            return next(iter(self.tag_boxes.values()))
        return widgets.get(field)

    def show_refusal(self, exc: IpguardError) -> None:
        """Show why the save was refused and take the user to the field."""
        message = exc.message(self.session.lang)
        self.banner.setText(translate("Intake", "✗ 未保存：{message}").format(message=message))
        self.banner.setVisible(True)
        match = _ASSET_FIELD.match(exc.field or "")
        if match:
            self.tabs.setCurrentWidget(self.assets)
            self.assets.focus_field(int(match.group(1)), match.group(2), message)
            return
        widget = self.field_widget(exc.field)
        if widget is None:
            return
        page = widget
        while page is not None and self.tabs.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.tabs.setCurrentWidget(page)
        if isinstance(widget, ValidatedField):
            widget.show_verdict(Verdict(BAD, message))
        elif isinstance(widget, QLineEdit):
            widget.setStyleSheet("QLineEdit { border: 1px solid #c62828; }")
            widget.setToolTip(message)
            widget.textChanged.connect(lambda _text, w=widget: (w.setStyleSheet(""), w.setToolTip("")))
        widget.setFocus()
