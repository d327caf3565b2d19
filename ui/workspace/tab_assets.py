"""知识产权: the pledged assets (a table model), add / edit / remove / import, and pledge warnings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipguard import intake
from ipguard.domain import IpAsset
from ipguard.errors import IpguardError
from ipguard.money import format_yuan
from ipguard.store.records import AssetRecord, CaseRecord
from ipguard.workflow import pledge_warnings
from ui import errors as uierrors
from ui.i18n import ip_type_label, legal_status_label, translate
from ui.widgets.asset_editor import AssetEditor, raw_from_asset
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.base import FAILED, WorkspaceTab
from ui.workspace.common import section, workspace_headers

RowRole = Qt.ItemDataRole.UserRole + 1
HEADERS = ("类型", "号码", "名称", "权利人", "有效期至", "法律状态", "主营产品使用", "支撑收入(元)")


class AssetTableModel(QAbstractTableModel):
    """The case's pledged assets, one row each; :data:`RowRole` gives the record."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[AssetRecord] = []

    def set_rows(self, rows: list[AssetRecord]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return translate("Workspace", HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a = self.rows[index.row()]
        if role == RowRole:
            return a
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                ip_type_label(a.ip_type), a.number, a.title, a.owners, a.expiry_date.isoformat() if a.expiry_date else "—",
                legal_status_label(a.legal_status), translate("Workspace", "是") if a.used_in_main_products else translate("Workspace", "否"),
                format_yuan(a.revenue_supported) if a.revenue_supported else "—",
            )[index.column()]
        return None


class AssetDialog(QDialog):
    """One asset in the shared editor (validation as you type)."""

    def __init__(self, asset: AssetRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Workspace", "修改知识产权" if asset else "添加知识产权"))
        self.resize(760, 520)
        layout = QVBoxLayout(self)
        self.editor = AssetEditor()
        self.editor.add_row(raw_from_asset(asset.to_domain()) if asset else None)
        layout.addWidget(self.editor)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def assets(self) -> list[IpAsset]:
        """The validated assets (raises ValidationError naming the field)."""
        return [IpAsset.from_input(raw) for raw in self.editor.assets_raw()]


class AssetsTab(WorkspaceTab):
    title = "知识产权"
    stages = ()

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.add_button = QPushButton(translate("Workspace", "添加…"))
        self.edit_button = QPushButton(translate("Workspace", "修改…"))
        self.remove_button = QPushButton(translate("Workspace", "移出质押"))
        self.import_button = QPushButton(translate("Workspace", "从Excel导入…"))
        for button, slot in ((self.add_button, self.add), (self.edit_button, self.edit),
                             (self.remove_button, self.remove), (self.import_button, self.import_xlsx)):
            self.bind_action(button, "edit_intake")
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.model = AssetTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table, 2)
        box = section(translate("Workspace", "质押登记风险提示（登记机关可能不予登记的情形）"))
        v = QVBoxLayout(box)
        self.warnings = read_only_table(workspace_headers("号码", "提示"), stretch=1)
        v.addWidget(self.warnings)
        layout.addWidget(box, 1)

    def refresh(self, case: CaseRecord) -> None:
        self.model.set_rows(self.store.repos.cases.assets(case.id))
        fill_table(self.warnings, [(n or translate("Workspace", "全部"), w.render(self.lang))
                                   for n, w in pledge_warnings(self.store, case.id)])

    def selected(self) -> AssetRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RowRole) if rows else None

    # -- dialogs (tests replace these) ------------------------------------------------

    def run_dialog(self, dialog: AssetDialog) -> bool:
        return uierrors.exec_dialog(dialog) == QDialog.DialogCode.Accepted

    def ask_import_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, translate("Workspace", "导入知识产权"), "", "Excel (*.xlsx)")
        return Path(path) if path else None

    # -- actions ---------------------------------------------------------------------

    def _save(self, assets: list[IpAsset]) -> int:
        saved = 0
        for asset in assets:
            if self.run_action(intake.add_asset, self.store, self.case_id, asset, self.user) is FAILED:
                break
            saved += 1
        return saved

    def _edit(self, asset: AssetRecord | None) -> None:
        dialog = AssetDialog(asset, self)
        while self.run_dialog(dialog):
            try:
                assets = dialog.assets()
            except IpguardError as exc:
                uierrors.show_error(self, exc, self.lang)
                continue
            self._save(assets)
            return

    def add(self) -> None:
        self._edit(None)

    def edit(self) -> None:
        asset = self.selected()
        if asset is not None and self.action_enabled("edit_intake"):
            self._edit(asset)

    def remove(self) -> None:
        asset = self.selected()
        if asset is None:
            return
        if uierrors.ask(self, translate("Workspace", "移出质押"),
                        translate("Workspace", "将 {number} 移出本案质押清单？").format(number=asset.number)):
            self.run_action(intake.remove_asset, self.store, self.case_id, asset.id, self.user)

    def import_xlsx(self, path: Path | None = None) -> int:
        """Import assets from an xlsx and pledge the valid rows; returns how many were saved."""
        from ipguard.imports.assets_xlsx import read_assets_xlsx

        path = path or self.ask_import_path()
        if path is None:
            return 0
        try:
            assets, errors = read_assets_xlsx(path)
        except IpguardError as exc:
            uierrors.show_error(self, exc, self.lang)
            return 0
        saved = self._save(assets)
        text = translate("Workspace", "已导入 {n} 项").format(n=saved)
        if errors:
            text += translate("Workspace", "；{m} 行有误未导入：\n").format(m=len(errors))
            text += "\n".join(translate("Workspace", "第 {row} 行 {message}").format(row=e.row, message=e.message_in(self.lang))
                               for e in errors[:20])
        uierrors.inform(self, text)
        return saved

