"""The guarantor's net assets and leverage class, recorded with an effective date, and their history.

The 担保公司 settings section. Each record goes through
:func:`ipguard.admin.record_guarantor_figures` (admins only, audited); the
limits of a case use the figures valid today, a month's report those valid at
its end, so the history shown here is what every past figure was computed on.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import admin, clock
from ipguard.money import format_yuan, parse_yuan
from ipguard.store.records import GuarantorFigures
from ui import errors as uierrors
from ui.i18n import translate
from ui.pages.settings_common import Column, RecordTableModel, SettingsPanel, fit_columns, make_table, yes_no
from ui.session import Session
from ui.widgets.fields import OptionalDateEdit


def _since(figures: GuarantorFigures) -> str:
    return translate("Settings", "最初") if figures.effective_date <= admin.SINCE_ALWAYS else figures.effective_date.isoformat()


class GuarantorFiguresBox(QGroupBox):
    """Net assets, "mainly small and micro", effective date and basis; the history below."""

    def __init__(self, panel: SettingsPanel) -> None:
        super().__init__(translate("Settings", "担保公司（监管比例计算）"))
        self.panel = panel
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.net_assets = QLineEdit()
        self.net_assets.setObjectName("guarantor.net_assets_fen")
        form.addRow(translate("Settings", "净资产（元）"), self.net_assets)
        self.small_micro = QCheckBox(translate("Settings", "主要服务小微企业（责任余额上限为净资产的15倍）"))
        form.addRow("", self.small_micro)
        self.effective = OptionalDateEdit(empty_text="")
        self.effective.setObjectName("guarantor.effective_date")
        form.addRow(translate("Settings", "生效日期"), self.effective)
        self.note = QLineEdit()
        self.note.setObjectName("guarantor.note")
        self.note.setPlaceholderText(translate("Settings", "如：2025年度审计报告"))
        form.addRow(translate("Settings", "依据"), self.note)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.record_button = QPushButton(translate("Settings", "登记新数值"))
        self.record_button.setObjectName("recordGuarantorFigures")
        self.record_button.clicked.connect(self.record)
        row.addWidget(self.record_button)
        self.current = QLabel()
        self.current.setObjectName("guarantorCurrent")
        row.addWidget(self.current, 1)
        layout.addLayout(row)
        hint = QLabel(translate("Settings", "案件的监管限额按今天有效的数值计算；月度报表按该月月末有效的数值计算，登记新数值不改变已结束月份的报表。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.model = RecordTableModel(
            [
                Column("生效日期", _since),
                Column("净资产（元）", lambda f: format_yuan(f.net_assets), align_right=True),
                Column("主要服务小微企业", lambda f: yes_no(f.mainly_small_micro)),
                Column("依据", lambda f: f.note),
                Column("登记人", lambda f: f.recorded_by_name),
                Column("登记时间", lambda f: f.recorded_at[:16].replace("T", " ")),
            ],
            lambda: admin.guarantor_history(panel.session.store),
            self,
        )
        self.table = make_table(self.model)
        self.table.setObjectName("guarantorHistory")
        layout.addWidget(QLabel(translate("Settings", "历次登记（最新在上）")))
        layout.addWidget(self.table, 1)
        panel.edit_widgets += [self.net_assets, self.small_micro, self.effective, self.note, self.record_button]

    def refresh(self) -> None:
        """The figures valid today in the form (effective today), the history below."""
        today = clock.today()
        figures = admin.guarantor_figures_at(self.panel.session.store, today)
        self.net_assets.setText(format_yuan(figures.net_assets) if figures else "")
        self.small_micro.setChecked(bool(figures and figures.mainly_small_micro))
        self.effective.set_value(today)
        self.note.clear()
        self.current.setText(
            translate("Settings", "今天有效：{amount} 元（自{since}起）").format(amount=format_yuan(figures.net_assets), since=_since(figures))
            if figures else "")
        self.model.reload()
        fit_columns(self.table)

    def record(self) -> None:
        session = self.panel.session

        def save() -> None:
            admin.record_guarantor_figures(
                session.store, session.user, net_assets_fen=parse_yuan(self.net_assets.text(), "guarantor.net_assets_fen"),
                mainly_small_micro=self.small_micro.isChecked(), effective_date=self.effective.iso(), note=self.note.text(),
            )

        if self.panel.run(save):
            uierrors.inform(self, translate("Settings", "担保公司净资产已登记"))
            self.refresh()


class GuarantorPanel(SettingsPanel):
    """The 担保公司 section: the figures valid today, a new record, the history (admins record; others read)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        inner = QWidget()
        inner.setMaximumWidth(980)
        outer.addWidget(inner, 1)
        outer.addStretch(0)
        layout = QVBoxLayout(inner)
        self.guarantor = GuarantorFiguresBox(self)
        layout.addWidget(self.guarantor, 1)
        self.refresh()

    def refresh(self) -> None:
        self.guarantor.refresh()
        self.apply_permissions()
