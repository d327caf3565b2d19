"""Settings: letterhead and signatory, document font, backup folder; language. (The guarantor's net assets: settings_guarantor.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import admin, messages
from ipguard.errors import ValidationError
from ipguard.validators import check_text
from ui import errors as uierrors
from ui import i18n
from ui.i18n import translate
from ui.pages.settings_common import SettingsPanel
from ui.session import Session

messages.register({"file_missing": ("文件不存在：{path}", "no such file: {path}"), "dir_missing": ("文件夹不存在：{path}", "no such folder: {path}")})

LANGUAGE_KEY = "ui/language"  # QSettings key: the interface language is a per-workstation choice


def _text(key: str, max_len: int) -> Callable[[str], str]:
    return lambda value: check_text(value, key, max_len=max_len)


def _font_path(value: str) -> str:
    text = value.strip()
    if text and not Path(text).is_file():
        raise ValidationError("documents.font_path", "file_missing", path=text)
    return text


def _backup_dir(value: str) -> str:
    text = value.strip()
    if text and not Path(text).is_dir():
        raise ValidationError("backup.dir", "dir_missing", path=text)
    return text


def _bounded(panel: QWidget, width: int = 880) -> QWidget:
    """A content area of at most ``width`` pixels at the panel's top left (forms don't stretch on wide screens)."""
    outer = QHBoxLayout(panel)
    outer.setContentsMargins(0, 0, 0, 0)
    inner = QWidget()
    inner.setMaximumWidth(width)
    outer.addWidget(inner, 1)
    outer.addStretch(0)
    return inner


class GeneralPanel(SettingsPanel):
    """Letterhead, signatory, net assets, document font and backup folder (stored settings, audited)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.fields: dict[str, tuple[QLineEdit, Callable[[str], Any]]] = {}
        layout = QVBoxLayout(_bounded(self))
        letter = QGroupBox(translate("Settings", "文书抬头与签发人"))
        form = QFormLayout(letter)
        self._add(form, "letterhead.company_name", translate("Settings", "公司名称"), _text("letterhead.company_name", 60))
        self._add(form, "letterhead.address", translate("Settings", "地址"), _text("letterhead.address", 120))
        self._add(form, "letterhead.telephone", translate("Settings", "电话"), _text("letterhead.telephone", 40))
        self._add(form, "letterhead.signatory", translate("Settings", "签发人"), _text("letterhead.signatory", 20))
        self._add(form, "letterhead.signatory_title", translate("Settings", "签发人职务"), _text("letterhead.signatory_title", 20))
        layout.addWidget(letter)
        numbering = QGroupBox(translate("Settings", "发文字号与函件内容（GB/T 9704）"))
        form = QFormLayout(numbering)
        for key, label in (("intent_letter", "意向函代字"), ("disbursement_notice", "放款通知书代字"),
                           ("investigation_report", "调查报告代字"), ("committee_resolution", "保审会决议代字")):
            self._add(form, f"documents.code.{key}", translate("Settings", label), _text(f"documents.code.{key}", 12))
        self._add(form, "documents.handling_phone", translate("Settings", "经办电话"), lambda v: check_text(v, "documents.handling_phone", max_len=40, required=False))
        self._add(form, "documents.cc", translate("Settings", "抄送单位（用、分隔）"), lambda v: check_text(v, "documents.cc", max_len=200, required=False))
        self._add(form, "documents.guarantee_scope", translate("Settings", "保证范围"), _text("documents.guarantee_scope", 200))
        self._add(form, "documents.guarantee_period", translate("Settings", "保证期间"), _text("documents.guarantee_period", 200))
        layout.addWidget(numbering)
        files = QGroupBox(translate("Settings", "文书字体与备份"))
        form = QFormLayout(files)
        self._add(form, "documents.font_path", translate("Settings", "文书字体文件"), _font_path, pick=self._pick_font)
        self._add(form, "backup.dir", translate("Settings", "备份文件夹"), _backup_dir, pick=self._pick_backup_dir)
        layout.addWidget(files)
        row = QHBoxLayout()
        self.save_button = QPushButton(translate("Settings", "保存"))
        self.save_button.setObjectName("saveGeneral")
        self.revert_button = QPushButton(translate("Settings", "放弃修改"))
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.edit_widgets += [self.save_button, self.revert_button]
        self.refresh()

    def _add(
        self, form: QFormLayout, key: str, label: str, parse: Callable[[str], Any], pick: Callable[[], None] | None = None
    ) -> None:
        edit = QLineEdit()
        edit.setObjectName(key)
        self.fields[key] = (edit, parse)
        self.edit_widgets.append(edit)
        if pick is None:
            form.addRow(label, edit)
            return
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1)
        button = QPushButton(translate("Settings", "浏览…"))
        button.clicked.connect(pick)
        row.addWidget(button)
        self.edit_widgets.append(button)
        form.addRow(label, box)

    def refresh(self) -> None:
        values = self.session.store.repos.settings.all()
        self.read = values  # what the form shows: a save never overwrites what another admin changed since
        for key, (edit, _parse) in self.fields.items():
            edit.setText(str(values.get(key, "") or ""))
        self.apply_permissions()

    def values(self) -> dict[str, Any]:
        """The form's values, parsed; ValidationError naming the setting otherwise."""
        return {key: parse(edit.text()) for key, (edit, parse) in self.fields.items()}

    def save(self) -> None:
        if self.run(lambda: admin.save_settings(self.session.store, self.session.user, self.values(), read=self.read)):
            uierrors.inform(self, translate("Settings", "设置已保存"))
            self.refresh()

    def _pick_font(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("Settings", "选择文书字体"), "", translate("Settings", "TrueType 字体 (*.ttf *.ttc);;所有文件 (*)")
        )
        if path:
            self.fields["documents.font_path"][0].setText(path)

    def _pick_backup_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self, translate("Settings", "选择备份文件夹"))
        if path:
            self.fields["backup.dir"][0].setText(path)


class LanguagePanel(SettingsPanel):
    """The interface language of this workstation (every user may change it)."""

    admin_only = False

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        layout = QVBoxLayout(_bounded(self))
        form = QFormLayout()
        self.combo = QComboBox()
        self.combo.setObjectName("languageCombo")
        for code, name in i18n.LANGUAGES.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(session.lang)))
        form.addRow(translate("Settings", "界面语言"), self.combo)
        layout.addLayout(form)
        note = QLabel(translate("Settings", "语言设置保存在本机，对本机的所有数据库有效。文书和报表始终使用中文。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)
        row = QHBoxLayout()
        self.apply_button = QPushButton(translate("Settings", "应用"))
        self.apply_button.setObjectName("applyLanguage")
        self.apply_button.clicked.connect(self.apply_language)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.edit_widgets += [self.combo, self.apply_button]
        self.apply_permissions()

    def apply_language(self) -> None:
        """Switch the interface language now and remember it for this workstation."""
        lang = i18n.switch_language(self.combo.currentData())
        QSettings().setValue(LANGUAGE_KEY, lang)
        self.session.lang = lang
        self.session.signals.language_changed.emit(lang)
