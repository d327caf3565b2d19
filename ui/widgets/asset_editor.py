"""Editor for the IP assets of a new case: a list, a form for the selected one, xlsx import.

Rows are kept as raw values (what :meth:`ipguard.domain.IpAsset.from_input`
takes), so the intake service validates exactly what the user sees; the list
shows each row as ✓ or ✗ with the reason, and the number is checked for its
type while it is typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipguard.data_files import resource_path
from ipguard.domain import IpAsset, IpType, LegalStatus
from ipguard.errors import IpguardError
from ipguard.money import yuan_str
from ui.i18n import current_language, ip_type_label, legal_status_label, translate
from ui.widgets.fields import OptionalDateEdit, ValidatedField, Verdict, core_check, money_check

# Labels are Chinese source texts, translated when shown (context "Assets").
FLAGS = (
    ("sole_owner", QT_TRANSLATE_NOOP("Assets", "独占所有"), True),
    ("used_in_main_products", QT_TRANSLATE_NOOP("Assets", "用于主营产品"), False),
    ("pledged", QT_TRANSLATE_NOOP("Assets", "已质押"), False),
    ("licensed", QT_TRANSLATE_NOOP("Assets", "已许可"), False),
    ("in_dispute", QT_TRANSLATE_NOOP("Assets", "存在争议"), False),
)
LIST_HEADERS = (
    QT_TRANSLATE_NOOP("Assets", "状态"),
    QT_TRANSLATE_NOOP("Assets", "类型"),
    QT_TRANSLATE_NOOP("Assets", "号码"),
    QT_TRANSLATE_NOOP("Assets", "名称"),
    QT_TRANSLATE_NOOP("Assets", "授权/登记日"),
    QT_TRANSLATE_NOOP("Assets", "到期日"),
)
TEMPLATE = resource_path("templates", "ip_assets_template.xlsx")


def blank_asset(ip_type: IpType = IpType.INVENTION_PATENT) -> dict[str, object]:
    return {"type": ip_type.value, "number": "", "title": "", "owners": "", "filing_date": "", "grant_date": "",
            "expiry_date": "", "legal_status": LegalStatus.VALID.value, "nice_class": "", "revenue_supported": "",
            **{key: default for key, _label, default in FLAGS}}  # fmt: skip


def raw_from_asset(asset: IpAsset) -> dict[str, object]:
    """An imported :class:`IpAsset` back into the editor's raw form."""
    return {
        "type": asset.ip_type.value,
        "number": asset.number,
        "title": asset.title,
        "owners": asset.owners,
        "filing_date": asset.filing_date.isoformat() if asset.filing_date else "",
        "grant_date": asset.grant_date.isoformat() if asset.grant_date else "",
        "expiry_date": asset.expiry_date.isoformat() if asset.expiry_date else "",
        "legal_status": asset.legal_status.value,
        "nice_class": str(asset.nice_class or ""),
        "revenue_supported": yuan_str(asset.revenue_supported) if asset.revenue_supported else "",
        **{key: getattr(asset, key) for key, _label, _default in FLAGS},
    }


def number_check(ip_type: IpType):
    """Validate a number for ``ip_type`` with the same code the service uses."""
    return core_check(
        lambda text: IpAsset.from_input({"type": ip_type.value, "number": text, "nice_class": "1"}).number,
        lambda number: translate("Assets", "{type}号码有效：{number}").format(type=ip_type_label(ip_type), number=number),
    )


class AssetEditor(QWidget):
    """Add, edit, remove and import the IP assets pledged in a case."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, object]] = []
        self._loading = False
        self._build()
        self._show_row(-1)

    # -- layout ------------------------------------------------------------

    def _build(self) -> None:
        self.table = QTableWidget(0, len(LIST_HEADERS), self)
        self.table.setHorizontalHeaderLabels([translate("Assets", h) for h in LIST_HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        type_width = max(metrics.horizontalAdvance(ip_type_label(t)) for t in IpType) + 12
        for column, width in enumerate((44, type_width, 150, 0, 92, 92)):
            if width:
                header.resizeSection(column, max(width, header.fontMetrics().horizontalAdvance(self.table.horizontalHeaderItem(column).text()) + 16))
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(lambda: self._show_row(self.current_row()))
        self.add_button = QPushButton(translate("Assets", "添加(&A)"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(translate("Assets", "删除"), self)
        self.remove_button.clicked.connect(self.remove_current)
        self.import_button = QPushButton(translate("Assets", "从Excel导入(&I)…"), self)
        self.import_button.clicked.connect(self.import_xlsx)
        self.template_button = QPushButton(translate("Assets", "导入模板…"), self)
        self.template_button.setToolTip(translate("Assets", "保存一份知识产权导入模板（xlsx）"))
        self.template_button.clicked.connect(self.save_template)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.remove_button, self.import_button, self.template_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.report = QLabel(self)
        self.report.setWordWrap(True)
        self.report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report.setVisible(False)

        self.form = QWidget(self)
        self.type_combo = QComboBox(self.form)
        for t in IpType:
            self.type_combo.addItem(ip_type_label(t), t.value)
        self.number = ValidatedField(number_check(IpType.INVENTION_PATENT), self.form, placeholder=translate("Assets", "如 ZL202110123456.7"))
        self.title_edit = QLineEdit(self.form)
        self.owners_edit = QLineEdit(self.form)
        self.owners_edit.setPlaceholderText(translate("Assets", "不填则为申请企业"))
        self.filing = OptionalDateEdit(self.form)
        self.grant = OptionalDateEdit(self.form)
        self.expiry = OptionalDateEdit(self.form)
        self.status_combo = QComboBox(self.form)
        for s in LegalStatus:
            self.status_combo.addItem(legal_status_label(s), s.value)
        self.nice_class = QSpinBox(self.form)
        self.nice_class.setRange(0, 45)
        self.nice_class.setSpecialValueText("—")
        self.revenue = ValidatedField(money_check("revenue_supported", required=False), self.form, placeholder=translate("Assets", "元/年，可不填"))
        self.flag_boxes = {key: QCheckBox(translate("Assets", label), self.form) for key, label, _default in FLAGS}
        form = QFormLayout(self.form)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        top = QHBoxLayout()
        top.addWidget(self.type_combo)
        top.addWidget(QLabel(translate("Assets", "商标类别"), self.form))
        top.addWidget(self.nice_class)
        top.addWidget(QLabel(translate("Assets", "法律状态"), self.form))
        top.addWidget(self.status_combo)
        top.addStretch(1)
        type_label = QLabel(translate("Assets", "类型(&T)"), self.form)
        type_label.setBuddy(self.type_combo)
        form.addRow(type_label, top)
        form.addRow(translate("Assets", "号码(&U)"), self.number)
        form.addRow(translate("Assets", "名称"), self.title_edit)
        form.addRow(translate("Assets", "权利人"), self.owners_edit)
        dates = QHBoxLayout()
        for text, edit in ((translate("Assets", "申请日"), self.filing), (translate("Assets", "授权/登记日"), self.grant),
                           (translate("Assets", "到期日"), self.expiry)):
            dates.addWidget(QLabel(text, self.form))
            dates.addWidget(edit)
        dates.addStretch(1)
        form.addRow(translate("Assets", "日期"), dates)
        flags = QGridLayout()
        for i, box in enumerate(self.flag_boxes.values()):
            flags.addWidget(box, i // 3, i % 3)
        form.addRow(translate("Assets", "情况"), flags)
        form.addRow(translate("Assets", "支撑收入"), self.revenue)

        self.type_combo.currentIndexChanged.connect(self._on_type)
        for signal in (self.number.edit.textChanged, self.title_edit.textChanged, self.owners_edit.textChanged,
                       self.revenue.edit.textChanged, self.filing.dateChanged, self.grant.dateChanged,
                       self.expiry.dateChanged, self.status_combo.currentIndexChanged, self.nice_class.valueChanged,
                       *(box.toggled for box in self.flag_boxes.values())):  # fmt: skip
            signal.connect(self._store_form)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.report)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form)

    # -- rows -------------------------------------------------------------------

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.table.selectRow(row)

    def add_row(self, raw: dict[str, object] | None = None) -> int:
        """Append an asset (blank, or raw values) and select it; returns its row."""
        self._rows.append(raw or blank_asset())
        row = len(self._rows) - 1
        self.table.insertRow(row)
        self._paint(row)
        self.select_row(row)
        if raw is None:
            self.number.setFocus()
        self.changed.emit()
        return row

    def remove_current(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        del self._rows[row]
        self.table.blockSignals(True)
        self.table.removeRow(row)
        self.table.clearSelection()
        self.table.blockSignals(False)
        if self._rows:
            self.select_row(min(row, len(self._rows) - 1))
        self._show_row(self.current_row())
        self.changed.emit()

    def assets_raw(self) -> list[dict[str, object]]:
        """Every row as raw values for :func:`ipguard.intake.parse_intake` (``ip_assets``)."""
        return [dict(r) for r in self._rows]

    def row_count(self) -> int:
        return len(self._rows)

    @staticmethod
    def row_error(raw: dict[str, object]) -> IpguardError | None:
        try:
            IpAsset.from_input(raw)
        except IpguardError as exc:
            return exc
        return None

    def _paint(self, row: int) -> None:
        raw = self._rows[row]
        error = self.row_error(raw)
        ip_type = IpType(str(raw["type"]))
        cells = ("✗" if error else "✓", ip_type_label(ip_type), str(raw["number"]), str(raw["title"]),
                 str(raw["grant_date"]), str(raw["expiry_date"]))  # fmt: skip
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column == 0:
                item.setForeground(Qt.GlobalColor.darkRed if error else Qt.GlobalColor.darkGreen)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            item.setToolTip(error.message(current_language()) if error else "")
            self.table.setItem(row, column, item)

    # -- the form ---------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        row = row if row < len(self._rows) else -1
        self.form.setEnabled(row >= 0)
        self.remove_button.setEnabled(row >= 0)
        raw = self._rows[row] if row >= 0 else blank_asset()
        self._loading = True
        try:
            self.type_combo.setCurrentIndex(self.type_combo.findData(raw["type"]))
            self.number.set_check(number_check(IpType(str(raw["type"]))))
            self.number.setText(str(raw["number"]))
            self.title_edit.setText(str(raw["title"]))
            self.owners_edit.setText(str(raw["owners"]))
            for edit, key in ((self.filing, "filing_date"), (self.grant, "grant_date"), (self.expiry, "expiry_date")):
                edit.set_text(str(raw[key]))
            self.status_combo.setCurrentIndex(max(self.status_combo.findData(raw["legal_status"]), 0))
            self.nice_class.setValue(int(raw["nice_class"]) if str(raw["nice_class"]).isdigit() else 0)
            self.revenue.setText(str(raw["revenue_supported"]))
            for key, box in self.flag_boxes.items():
                box.setChecked(bool(raw[key]))
            self.nice_class.setEnabled(raw["type"] == IpType.TRADEMARK.value)
        finally:
            self._loading = False

    def _on_type(self) -> None:
        ip_type = IpType(self.type_combo.currentData())
        self.number.set_check(number_check(ip_type))
        self.nice_class.setEnabled(ip_type is IpType.TRADEMARK)
        self.number.edit.setPlaceholderText(
            {IpType.TRADEMARK: translate("Assets", "注册号，如 12345678"),
             IpType.SOFTWARE_COPYRIGHT: translate("Assets", "如 2021SR0123456"),
             IpType.COPYRIGHT: translate("Assets", "如 国作登字-2021-F-00123456")}.get(ip_type, translate("Assets", "如 ZL202110123456.7"))
        )  # fmt: skip
        self._store_form()

    def _store_form(self) -> None:
        row = self.current_row()
        if self._loading or row < 0:
            return
        ip_type = self.type_combo.currentData()
        self._rows[row] = {
            "type": ip_type,
            "number": self.number.text().strip(),
            "title": self.title_edit.text().strip(),
            "owners": self.owners_edit.text().strip(),
            "filing_date": self.filing.iso(),
            "grant_date": self.grant.iso(),
            "expiry_date": self.expiry.iso(),
            "legal_status": self.status_combo.currentData(),
            "nice_class": str(self.nice_class.value()) if ip_type == IpType.TRADEMARK.value and self.nice_class.value() else "",
            "revenue_supported": self.revenue.text().strip(),
            **{key: box.isChecked() for key, box in self.flag_boxes.items()},
        }
        self._paint(row)
        self.changed.emit()

    def focus_field(self, index: int, field: str, message: str = "") -> None:
        """Select asset ``index`` and focus the widget of ``field`` (after a save-time error)."""
        self.select_row(index)
        widget = {"type": self.type_combo, "number": self.number, "title": self.title_edit, "owners": self.owners_edit,
                  "filing_date": self.filing, "grant_date": self.grant, "expiry_date": self.expiry,
                  "legal_status": self.status_combo, "nice_class": self.nice_class, "revenue_supported": self.revenue,
                  **self.flag_boxes}.get(field, self.number)  # fmt: skip
        if isinstance(widget, ValidatedField) and message:
            widget.show_verdict(Verdict("bad", message))
        widget.setFocus()

    # -- import ------------------------------------------------------------------

    def ask_import_path(self) -> Path | None:
        """Ask for the xlsx to import; None when cancelled (the editor's one file dialog; tests replace it)."""
        path, _ = QFileDialog.getOpenFileName(self, translate("Assets", "从Excel导入知识产权"), str(Path.home()),
                                              translate("Assets", "Excel 工作簿 (*.xlsx)"))
        return Path(path) if path else None

    def import_xlsx(self, path: Path | None = None) -> tuple[int, int]:
        """Import assets from an xlsx; returns (rows added, rows rejected). Reports in the editor."""
        from ipguard.imports.assets_xlsx import read_assets_xlsx

        path = path or self.ask_import_path()
        if path is None:
            return 0, 0
        try:
            assets, errors = read_assets_xlsx(path)
        except IpguardError as exc:
            self._report(exc.message(current_language()), bad=True)
            return 0, 0
        present = {(str(r["type"]), str(r["number"])) for r in self._rows}
        added = skipped = 0
        for asset in assets:
            if (asset.ip_type.value, asset.number) in present:
                skipped += 1
                continue
            self.add_row(raw_from_asset(asset))
            added += 1
        lines = [translate("Assets", "已从 {file} 导入 {n} 项").format(file=path.name, n=added)
                 + (translate("Assets", "，{n} 项已在列表中未重复添加").format(n=skipped) if skipped else "")]
        if errors:
            lines.append(translate("Assets", "{n} 行未导入：").format(n=len(errors)))
            lines += [translate("Assets", "第 {row} 行 {message}").format(row=e.row, message=e.message_in(current_language()))
                      for e in errors[:20]]
            if len(errors) > 20:
                lines.append(translate("Assets", "……另有 {n} 行").format(n=len(errors) - 20))
        self._report("\n".join(lines), bad=bool(errors))
        return added, len(errors)

    def _report(self, text: str, *, bad: bool) -> None:
        self.report.setText(text)
        self.report.setStyleSheet(f"color: {'#c62828' if bad else '#1b7f3b'};")
        self.report.setVisible(True)

    def save_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Assets", "保存导入模板"), str(Path.home() / TEMPLATE.name),
                                              translate("Assets", "Excel 工作簿 (*.xlsx)"))
        if path:
            import shutil

            shutil.copyfile(TEMPLATE, path)
            self._report(translate("Assets", "模板已保存到 {path}").format(path=path), bad=False)
