"""Settings: cooperating banks (with risk-sharing terms) and referrers (推荐机构)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import admin
from ipguard.store.records import BankRecord, ReferrerRecord
from ui import errors as uierrors
from ui.i18n import translate
from ui.pages.settings_common import (
    Column,
    EditDialog,
    RecordTableModel,
    SettingsPanel,
    active_text,
    fit_columns,
    make_table,
    parse_percent,
    percent_text,
    selected_record,
)
from ui.session import Session

BANK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Settings", "银行"), lambda b: b.name),
    Column(QT_TRANSLATE_NOOP("Settings", "支行"), lambda b: b.branch),
    Column(QT_TRANSLATE_NOOP("Settings", "银行分担"), lambda b: f"{percent_text(b.bank_share_bp)}%", align_right=True),
    Column(QT_TRANSLATE_NOOP("Settings", "再担保机构"), lambda b: b.reguarantor_name or "—"),
    Column(
        QT_TRANSLATE_NOOP("Settings", "再担保分担"),
        lambda b: f"{percent_text(b.reguarantor_share_bp)}%" if b.reguarantor_name else "—",
        align_right=True,
    ),
    Column(QT_TRANSLATE_NOOP("Settings", "联系人"), lambda b: b.contact_name),
    Column(QT_TRANSLATE_NOOP("Settings", "电话"), lambda b: b.contact_phone),
    Column(QT_TRANSLATE_NOOP("Settings", "状态"), active_text),
)

REFERRER_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Settings", "推荐机构"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("Settings", "类型"), lambda r: r.kind),
    Column(QT_TRANSLATE_NOOP("Settings", "联系人"), lambda r: r.contact_name),
    Column(QT_TRANSLATE_NOOP("Settings", "电话"), lambda r: r.contact_phone),
    Column(QT_TRANSLATE_NOOP("Settings", "状态"), active_text),
)


def _line(name: str, text: str = "") -> QLineEdit:
    edit = QLineEdit(text)
    edit.setObjectName(name)
    return edit


def _buttons(dialog: EditDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class BankDialog(EditDialog):
    """Add or edit a bank branch and its risk-sharing terms (percentages)."""

    def __init__(self, panel: BanksPanel, bank: BankRecord | None = None) -> None:
        super().__init__(self._save, panel)
        self.panel = panel
        self.bank = bank or BankRecord(id=0, name="", branch="")
        self.setWindowTitle(translate("Settings", "新增银行") if bank is None else translate("Settings", "编辑银行"))
        self.setMinimumWidth(460)
        b = self.bank
        self.name = _line("name", b.name)
        self.branch = _line("branch", b.branch)
        self.contact_name = _line("contact_name", b.contact_name)
        self.contact_phone = _line("contact_phone", b.contact_phone)
        self.address = _line("address", b.address)
        self.bank_share = _line("bank_share", percent_text(b.bank_share_bp))
        self.reguarantor_name = _line("reguarantor_name", b.reguarantor_name)
        self.reguarantor_share = _line("reguarantor_share", percent_text(b.reguarantor_share_bp))
        self.active = QCheckBox(translate("Settings", "启用"))
        self.active.setChecked(b.active)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(translate("Settings", "银行名称"), self.name)
        form.addRow(translate("Settings", "支行"), self.branch)
        form.addRow(translate("Settings", "银行分担比例 (%)"), self.bank_share)
        form.addRow(translate("Settings", "再担保机构"), self.reguarantor_name)
        form.addRow(translate("Settings", "再担保分担比例 (%)"), self.reguarantor_share)
        form.addRow(translate("Settings", "联系人"), self.contact_name)
        form.addRow(translate("Settings", "联系电话"), self.contact_phone)
        form.addRow(translate("Settings", "地址"), self.address)
        form.addRow("", self.active)
        layout.addLayout(form)
        note = QLabel(
            translate("Settings", "银行分担：损失中由银行承担的比例；再担保分担：担保公司承担部分中由再担保机构承担的比例。")
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        record = replace(
            self.bank,
            name=self.name.text(),
            branch=self.branch.text(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            address=self.address.text(),
            bank_share_bp=parse_percent(self.bank_share.text(), "bank_share_bp"),
            reguarantor_name=self.reguarantor_name.text().strip(),
            reguarantor_share_bp=parse_percent(self.reguarantor_share.text(), "reguarantor_share_bp"),
            active=self.active.isChecked(),
        )
        # Saved against the version this dialog was opened on: a change saved meanwhile by another admin is not overwritten.
        admin.save_bank(self.panel.session.store, self.panel.session.user, record,
                        expected_version=self.bank.version if self.bank.id else None)


class ReferrerDialog(EditDialog):
    """Add or edit a referring body."""

    def __init__(self, panel: ReferrersPanel, referrer: ReferrerRecord | None = None) -> None:
        super().__init__(self._save, panel)
        self.panel = panel
        self.referrer = referrer or ReferrerRecord(id=0, name="")
        self.setWindowTitle(translate("Settings", "新增推荐机构") if referrer is None else translate("Settings", "编辑推荐机构"))
        self.setMinimumWidth(420)
        r = self.referrer
        self.name = _line("name", r.name)
        self.kind = _line("kind", r.kind)
        self.contact_name = _line("contact_name", r.contact_name)
        self.contact_phone = _line("contact_phone", r.contact_phone)
        self.active = QCheckBox(translate("Settings", "启用"))
        self.active.setChecked(r.active)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(translate("Settings", "名称"), self.name)
        form.addRow(translate("Settings", "类型（协会、园区…）"), self.kind)
        form.addRow(translate("Settings", "联系人"), self.contact_name)
        form.addRow(translate("Settings", "联系电话"), self.contact_phone)
        form.addRow("", self.active)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    def _save(self) -> None:
        record = replace(
            self.referrer,
            name=self.name.text(),
            kind=self.kind.text(),
            contact_name=self.contact_name.text(),
            contact_phone=self.contact_phone.text(),
            active=self.active.isChecked(),
        )
        admin.save_referrer(self.panel.session.store, self.panel.session.user, record,
                            expected_version=self.referrer.version if self.referrer.id else None)


class _ListPanel(SettingsPanel):
    """A record list with add / edit / activate buttons."""

    def _setup(self, model: RecordTableModel, hint: str, add_text: str) -> None:
        self.model = model
        self.table = make_table(model)
        self.table.doubleClicked.connect(lambda _index: self.edit() if self.is_admin else None)
        layout = QVBoxLayout(self)
        label = QLabel(hint)
        label.setWordWrap(True)
        layout.addWidget(label)
        row = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        self.edit_button = QPushButton(translate("Settings", "编辑…"))
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit)):
            button.clicked.connect(slot)
            row.addWidget(button)
            self.edit_widgets.append(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        fit_columns(self.table)
        self.apply_permissions()

    def _open(self, factory: Callable[[], EditDialog]) -> None:
        if uierrors.exec_dialog(factory()):
            self.refresh()
            self.session.signals.reference_data_changed.emit()

    def add(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def edit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _selected(self):
        record = selected_record(self.table)
        if record is None:
            uierrors.inform(self, translate("Settings", "请先在列表中选择一行"))
        return record


class BanksPanel(_ListPanel):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._setup(
            RecordTableModel(BANK_COLUMNS, lambda: session.store.repos.banks.all(), self),
            translate("Settings", "合作银行及风险分担约定。停用的银行不再出现在新案件中，已有案件不受影响。"),
            translate("Settings", "新增银行…"),
        )
        self.table.setObjectName("banksTable")

    def add(self) -> None:
        self._open(lambda: BankDialog(self))

    def edit(self) -> None:
        bank = self._selected()
        if bank is not None:
            self._open(lambda: BankDialog(self, bank))


class ReferrersPanel(_ListPanel):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._setup(
            RecordTableModel(REFERRER_COLUMNS, lambda: session.store.repos.referrers.all(), self),
            translate("Settings", "推荐机构（知识产权融资促进会、园区、知识产权局等）出具推荐意见并按业务清单报送材料。"),
            translate("Settings", "新增推荐机构…"),
        )
        self.table.setObjectName("referrersTable")

    def add(self) -> None:
        self._open(lambda: ReferrerDialog(self))

    def edit(self) -> None:
        referrer = self._selected()
        if referrer is not None:
            self._open(lambda: ReferrerDialog(self, referrer))
