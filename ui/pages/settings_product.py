"""Settings: product parameters (view, edit into a new version) and holiday overrides."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import admin, catalog, clock
from ui import errors as uierrors
from ui.i18n import translate
from ui.pages.settings_common import Column, RecordTableModel, SettingsPanel, fit_columns, make_table, selected_record
from ui.session import Session


class ProductPanel(SettingsPanel):
    """The current parameter file of 快易贷; an admin edits it and saves a new version."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        hint = QLabel(
            translate(
                "Settings",
                "修改参数后请同时改写 version（新版本号）和 effective_date（生效日期）。保存时会校验整份文件；"
                "新版本只用于之后的新案件，已有案件按其受理时的版本解释。",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("productEditor")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("Settings", "校验并保存为新版本"))
        self.save_button.setObjectName("saveProduct")
        self.revert_button = QPushButton(translate("Settings", "放弃修改"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.edit_widgets += [self.save_button, self.revert_button]
        self.refresh()

    def refresh(self) -> None:
        product = catalog.current_product(self.session.store)
        versions = self.session.store.repos.settings.product_versions(product.code)
        self.summary.setText(
            translate("Settings", "产品：{name}（{code}）　当前版本：{version}，生效日期：{date}　已保存的版本数：{count}").format(
                name=catalog.product_name(product, self.session.lang), code=product.code, version=product.version, date=product.effective_date, count=len(versions)
            )
        )
        self.editor.setPlainText(product.raw_text)
        self.editor.setReadOnly(not self.is_admin)
        self.apply_permissions()

    def save(self) -> None:
        text = self.editor.toPlainText()
        saved: list = []
        if self.run(lambda: saved.append(catalog.save_edited_version(self.session.store, text, self.session.user))):
            uierrors.inform(self, translate("Settings", "已保存参数版本 {version}").format(version=saved[0].version))
            self.refresh()


HOLIDAY_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("Settings", "日期"), lambda r: r[0].isoformat()),
    Column(
        QT_TRANSLATE_NOOP("Settings", "类型"),
        lambda r: translate("Settings", "调休上班") if r[1] else translate("Settings", "放假"),
    ),
    Column(QT_TRANSLATE_NOOP("Settings", "说明"), lambda r: r[2]),
)


class HolidaysPanel(SettingsPanel):
    """Overrides of the built-in Chinese working-day calendar (a day off or a make-up working day)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = RecordTableModel(HOLIDAY_COLUMNS, session.store.repos.settings.holiday_override_rows, self)
        self.table = make_table(self.model)
        self.table.setObjectName("holidaysTable")
        layout = QVBoxLayout(self)
        hint = QLabel(
            translate(
                "Settings",
                "期限按工作日计算，内置国务院公布的节假日安排。新一年的安排公布前或有特殊情况时，在这里补充：某天放假或调休上班。",
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        row = QHBoxLayout()
        self.day = QDateEdit(QDate(clock.today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItem(translate("Settings", "放假"), False)
        self.kind.addItem(translate("Settings", "调休上班"), True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("Settings", "说明，如：春节调休"))
        self.add_button = QPushButton(translate("Settings", "添加"))
        self.remove_button = QPushButton(translate("Settings", "删除所选"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        for widget in (self.day, self.kind, self.note, self.add_button, self.remove_button):
            row.addWidget(widget)
            self.edit_widgets.append(widget)
        row.setStretch(2, 1)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        self.model.reload()
        fit_columns(self.table)
        self.apply_permissions()

    def add(self) -> None:
        day = self.day.date().toPython()
        store, user = self.session.store, self.session.user
        if self.run(
            lambda: admin.set_holiday_override(store, user, day, bool(self.kind.currentData()), self.note.text().strip())
        ):
            self.note.clear()
            self.refresh()

    def remove(self) -> None:
        row = selected_record(self.table)
        if row is None:
            uierrors.inform(self, translate("Settings", "请先在列表中选择一行"))
            return
        day: dt.date = row[0]
        store, user = self.session.store, self.session.user
        if self.run(lambda: admin.set_holiday_override(store, user, day, None)):
            self.refresh()
