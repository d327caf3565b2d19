"""电子档案: the case file — files attached to the case, its checklist items and stage records.

The list shows every file of the case (or of one checklist item), newest
version marked; a file is attached with the file dialog or by dropping it on
the panel (to the target chosen above the list). The preview shows PDFs with
QtPdf (``QPdfView``: page navigation and zoom) and images (zoom); anything
else opens with the system's viewer. A copy can be saved; the whole case file
exported as a zip with its manifest (see docs/casefile.md).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipguard import casefile, catalog
from ipguard.casefile.export import export_case_file
from ipguard.casefile.files import IMAGE_KINDS, KIND_LABELS
from ipguard.errors import IpguardError
from ipguard.outputs import write_output
from ipguard.store.records import AttachmentRecord, CaseRecord
from ui import errors as uierrors
from ui.file_size import size_text
from ui.i18n import translate
from ui.tasks import off_ui_thread
from ui.workspace.base import FAILED, WorkspaceTab

try:  # QtPdf ships with PySide6; a stripped build may lack it
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover
    QPdfDocument = None  # type: ignore[assignment,misc]
    QPdfView = None  # type: ignore[assignment,misc]

CASE_TARGET = ""  # the combo's data for "the case itself"
ALL_FILES = None


class FilePreview(QWidget):
    """A PDF (QPdfView, page navigation, zoom) or an image (zoom) inside the app."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.prev_button = QPushButton(translate("CaseFile", "上一页"))
        self.next_button = QPushButton(translate("CaseFile", "下一页"))
        self.page = QSpinBox()
        self.page.setMinimum(1)
        self.page.setAccessibleName(translate("CaseFile", "页码"))
        self.pages = QLabel()
        self.zoom_out = QPushButton("−")
        self.zoom_out.setAccessibleName(translate("CaseFile", "缩小"))
        self.zoom_in = QPushButton("+")
        self.zoom_in.setAccessibleName(translate("CaseFile", "放大"))
        self.zoom_label = QLabel()
        for w in (self.prev_button, self.page, self.pages, self.next_button, self.zoom_out, self.zoom_label, self.zoom_in):
            bar.addWidget(w)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.stack = QStackedWidget()
        self.message = QLabel(translate("CaseFile", "选择一个文件以预览"))
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack.addWidget(self.message)
        self.pdf_view = QPdfView(self) if QPdfView is not None else None
        self.doc = QPdfDocument(self) if QPdfDocument is not None else None
        self._buffer: QBuffer | None = None
        if self.pdf_view is not None:
            self.pdf_view.setDocument(self.doc)
            self.pdf_view.setPageMode(QPdfView.PageMode.SinglePage)
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.stack.addWidget(self.pdf_view)
        self.image_label = QLabel()
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea()
        self.image_area.setWidget(self.image_label)
        self.image_area.setWidgetResizable(False)
        self.stack.addWidget(self.image_area)
        layout.addWidget(self.stack, 1)
        self.kind = ""
        self.zoom = 1.0
        self._image = QImage()
        self.prev_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page.valueChanged.connect(lambda v: self.go_to(v - 1))
        self.zoom_in.clicked.connect(lambda: self.set_zoom(self.zoom * 1.25))
        self.zoom_out.clicked.connect(lambda: self.set_zoom(self.zoom / 1.25))
        self.clear()

    # -- what is shown ----------------------------------------------------------------

    def clear(self, text: str | None = None) -> None:
        self.kind = ""
        if self.doc is not None:
            self.doc.close()
        self.message.setText(text or translate("CaseFile", "选择一个文件以预览"))
        self.stack.setCurrentWidget(self.message)
        self._controls()

    def show_file(self, data: bytes, kind: str) -> bool:
        """Preview ``data`` of ``kind``; False (with a hint) when it cannot be shown inside the app."""
        self.zoom = 1.0
        if kind == "pdf" and self.doc is not None and self.pdf_view is not None:
            self.doc.close()
            self._buffer = QBuffer()
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.doc.load(self._buffer)
            if self.doc.status() != QPdfDocument.Status.Ready or self.doc.pageCount() == 0:
                self.clear(translate("CaseFile", "无法预览此 PDF，请用系统程序打开"))
                return False
            self.kind = "pdf"
            self.stack.setCurrentWidget(self.pdf_view)
            self.zoom = self._fit_width_zoom()
            self.pdf_view.setZoomFactor(self.zoom)
            self.go_to(0)
            return True
        if kind in IMAGE_KINDS:
            image = QImage.fromData(QByteArray(data))
            if image.isNull():
                self.clear(translate("CaseFile", "无法预览此图片，请用系统程序打开"))
                return False
            self._image = image
            self.kind = "image"
            self.stack.setCurrentWidget(self.image_area)
            self.set_zoom(1.0)
            return True
        self.clear(translate("CaseFile", "此类文件不能在程序内预览，请用系统程序打开"))
        return False

    def _fit_width_zoom(self) -> float:
        """The zoom at which the first page fills the view's width (a page is first seen whole across)."""
        page = self.doc.pagePointSize(0) if self.doc is not None else None
        width = self.pdf_view.viewport().width() if self.pdf_view is not None else 0
        if page is None or page.width() <= 0 or width <= 40:
            return 1.0
        points_to_pixels = self.pdf_view.logicalDpiX() / 72
        return max(0.1, min((width - 24) / (page.width() * points_to_pixels), 1.0))

    def page_count(self) -> int:
        return self.doc.pageCount() if self.kind == "pdf" and self.doc is not None else (1 if self.kind == "image" else 0)

    def current_page(self) -> int:
        if self.kind != "pdf" or self.pdf_view is None:
            return 0
        return self.pdf_view.pageNavigator().currentPage()

    def go_to(self, index: int) -> None:
        if self.kind != "pdf" or self.pdf_view is None:
            return
        index = max(0, min(index, self.page_count() - 1))
        if index != self.current_page():
            self.pdf_view.pageNavigator().jump(index, self.pdf_view.pageNavigator().currentLocation(), 0)
        self._controls()

    def set_zoom(self, factor: float) -> None:
        self.zoom = max(0.1, min(factor, 8.0))
        if self.kind == "pdf" and self.pdf_view is not None:
            self.pdf_view.setZoomFactor(self.zoom)
        elif self.kind == "image":
            pixmap = QPixmap.fromImage(self._image)
            size = pixmap.size() * self.zoom
            self.image_label.setPixmap(pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
            self.image_label.resize(self.image_label.pixmap().size())
        self._controls()

    def _controls(self) -> None:
        pdf = self.kind == "pdf"
        count = self.page_count()
        current = self.current_page()
        self.page.blockSignals(True)
        self.page.setMaximum(max(count, 1))
        self.page.setValue(current + 1)
        self.page.blockSignals(False)
        self.pages.setText(f"/ {count}" if pdf else "")
        for w in (self.prev_button, self.next_button, self.page):
            w.setEnabled(pdf)
        self.prev_button.setEnabled(pdf and current > 0)
        self.next_button.setEnabled(pdf and current < count - 1)
        for w in (self.zoom_in, self.zoom_out):
            w.setEnabled(bool(self.kind))
        self.zoom_label.setText(f"{self.zoom * 100:.0f}%" if self.kind else "")


class CaseFileTab(WorkspaceTab):
    title = "电子档案"
    stages = ()

    COLUMNS = ("文件名", "归属", "类型", "大小", "上传人", "上传时间", "状态")

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(translate("CaseFile", "归属：")))
        self.target = QComboBox()
        self.target.setAccessibleName(translate("CaseFile", "归属"))
        self.target.currentIndexChanged.connect(self._reload_list)
        top.addWidget(self.target, 1)
        self.attach_button = QPushButton(translate("CaseFile", "附加文件…"))
        self.attach_button.clicked.connect(self.attach_with_dialog)
        self.replace_button = QPushButton(translate("CaseFile", "替换为新版本…"))
        self.replace_button.clicked.connect(self.replace_selected)
        self.remove_button = QPushButton(translate("CaseFile", "删除"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.open_button = QPushButton(translate("CaseFile", "用系统程序打开"))
        self.open_button.clicked.connect(self.open_selected)
        self.save_button = QPushButton(translate("CaseFile", "另存副本…"))
        self.save_button.clicked.connect(self.save_selected)
        self.export_button = QPushButton(translate("CaseFile", "导出档案 zip…"))
        self.export_button.clicked.connect(self.export_zip)
        for b in (self.attach_button, self.replace_button, self.remove_button, self.open_button, self.save_button,
                  self.export_button):
            top.addWidget(b)
        layout.addLayout(top)
        self.hint = QLabel(translate("CaseFile", "可将文件拖放到此处，附加到上面选择的归属；PDF、图片、Office/WPS 文档"))
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([translate("CaseFile", c) for c in self.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        # Sized to their contents once per fill (ResizeToContents would re-measure every row on each setItem).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the file name takes what is left
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._on_selected)
        splitter.addWidget(self.table)
        self.preview = FilePreview()
        splitter.addWidget(self.preview)
        splitter.setSizes([520, 480])
        layout.addWidget(splitter, 1)
        self.storage = QLabel()
        layout.addWidget(self.storage)
        self.rows: list[AttachmentRecord] = []
        self._labels: dict[str, str] = {}
        self._records: dict[tuple[str, str], str] = {}

    # -- drawing ----------------------------------------------------------------------

    def refresh(self, case: CaseRecord) -> None:
        chosen = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        self.target.addItem(translate("CaseFile", "全部文件"), ALL_FILES)
        self.target.addItem(translate("CaseFile", "本案（不属于清单项）"), CASE_TARGET)
        self._labels = {}
        names = catalog.checklist_names(self.store, self.lang)
        for item in self.store.repos.cases.checklist(case.id):
            self._labels[item.code] = names.get(item.code, item.label)
            self.target.addItem(translate("CaseFile", "清单：") + self._labels[item.code], item.code)
        # Stage records (contracts, registration certificates, the bank's approval, deregistrations …).
        self._records = {}
        for record in casefile.record_targets(self.store, case.id):
            label = record.label.get(self.lang)
            self._records[(record.kind, record.key)] = label
            self.target.addItem(translate("CaseFile", "记录：") + label, ("record", record.kind, record.key))
        index = self.target.findData(chosen) if chosen is not None else 0
        self.target.setCurrentIndex(max(index, 0))
        self.target.blockSignals(False)
        may = self.action_enabled("attach_file")  # the core's answer (workflow.queries), as for every action
        self.attach_button.setEnabled(may)
        self.attach_button.setToolTip("" if may else self.action_reason("attach_file"))
        self.setAcceptDrops(may)
        self._reload_list()

    def _reload_list(self) -> None:
        target = self.target.currentData()
        repo = self.store.repos.attachments
        is_record = isinstance(target, tuple)
        rows = repo.of_case(self.case_id, checklist_code=target if target and not is_record else None)
        if target == CASE_TARGET:
            rows = [r for r in rows if r.checklist_code is None and r.record_kind is None]
        elif is_record:
            rows = [r for r in rows if (r.record_kind, r.record_key or "") == (target[1], target[2])]
        self.rows = list(reversed(rows))  # newest first
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            where = self._labels.get(row.checklist_code, row.checklist_code) if row.checklist_code else (
                self._records.get((row.record_kind, row.record_key or ""), f"{row.record_kind} {row.record_key}".strip())
                if row.record_kind else translate("CaseFile", "本案"))
            status = translate("CaseFile", "当前") if row.status == "current" else translate("CaseFile", "已被替换")
            if row.reason:
                status += f"（{row.reason}）"
            kind = KIND_LABELS.get(row.kind, (row.kind, row.kind))[1 if self.lang == "en" else 0]
            cells = (row.name, where, kind, size_text(row.size), row.attached_by_name,
                     row.attached_at[:16].replace("T", " "), status)
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(str(text))
                cell.setToolTip(f"SHA-256 {row.sha256}")
                self.table.setItem(r, c, cell)
        for column in range(1, len(self.COLUMNS)):
            self.table.resizeColumnToContents(column)
        stats = repo.blob_stats()
        self.storage.setText(translate("CaseFile", "本案 {n} 个文件；档案库共 {blobs} 个文件，{size}").format(
            n=len(self.rows), blobs=stats["blobs"], size=size_text(stats["bytes"])))
        self.table.blockSignals(True)
        self.table.clearSelection()
        if self.rows:
            self.table.selectRow(0)
        self.table.blockSignals(False)
        self._on_selected()

    def selected(self) -> AttachmentRecord | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) and self.table.selectionModel().hasSelection() else None

    def _buttons(self) -> None:
        row = self.selected()
        may = self.action_enabled("attach_file")
        for b in (self.open_button, self.save_button):
            b.setEnabled(row is not None)
        self.replace_button.setEnabled(may and row is not None and row.status == "current")
        self.remove_button.setEnabled(may and row is not None and row.status == "current")

    def _on_selected(self) -> None:
        row = self.selected()
        self._buttons()
        if row is None:
            self.preview.clear()
            return
        self.preview.show_file(self.store.repos.attachments.content(row.blob_id), row.kind)

    # -- actions ----------------------------------------------------------------------

    def _target_kwargs(self) -> dict:
        target = self.target.currentData()
        if isinstance(target, tuple):
            return {"record": (target[1], target[2])}
        return {"checklist_code": target} if target else {}

    def attach_paths(self, paths: list[str]) -> int:
        """Attach files on disk to the chosen target; how many were attached."""
        done = 0
        for path in paths:
            # Hashing, type detection and PDF text extraction of a large scan run off the UI thread.
            attach = off_ui_thread(casefile.attach_path, translate("CaseFile", "正在附加文件…"), disable=[self.attach_button])
            if self.run_action(attach, self.store, self.case_id, self.user, path, **self._target_kwargs()) is FAILED:
                break
            done += 1
        return done

    def attach_with_dialog(self) -> int:
        paths, _ = QFileDialog.getOpenFileNames(
            self, translate("CaseFile", "附加文件"), "",
            translate("CaseFile", "档案文件") + " (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.xls *.xlsx *.ppt *.pptx *.wps *.et *.dps);;*")
        return self.attach_paths(paths) if paths else 0

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.attach_paths(paths)

    def replace_selected(self) -> int | None:
        row = self.selected()
        if row is None:
            return None
        path, _ = QFileDialog.getOpenFileName(self, translate("CaseFile", "选择新版本"), "")
        if not path:
            return None
        reason, ok = QInputDialog.getText(self, translate("CaseFile", "替换原因"), translate("CaseFile", "为什么替换此文件？"))
        if not ok:
            return None
        try:
            data, name = casefile.read_file(self.store, path)
        except IpguardError as exc:
            uierrors.show_error(self, exc, self.lang)
            return None
        supersede = off_ui_thread(casefile.supersede, translate("CaseFile", "正在附加文件…"), disable=[self.replace_button])
        result = self.run_action(supersede, self.store, row.id, self.user, data=data, name=name, reason=reason)
        return None if result is FAILED else result

    def remove_selected(self) -> bool:
        row = self.selected()
        if row is None or not self.confirm_step(translate("CaseFile", "删除文件“{name}”").format(name=row.name),
                                                translate("CaseFile", "文件将从档案中删除（操作记入审计）。")):
            return False
        return self.run_action(casefile.remove, self.store, row.id, self.user) is not FAILED

    def _bytes(self, row: dict) -> bytes:
        return self.store.repos.attachments.content(row.blob_id)

    def save_selected(self) -> Path | None:
        row = self.selected()
        if row is None:
            return None
        path, _ = QFileDialog.getSaveFileName(self, translate("CaseFile", "另存副本"), row.name)
        if not path:
            return None
        try:
            return write_output(path, self._bytes(row), protect=[self.store.path] if self.store.path else [])
        except IpguardError as exc:
            uierrors.show_error(self, exc, self.lang)
            return None

    def open_selected(self) -> Path | None:
        """Write a copy to a private temporary folder and open it with the system's viewer."""
        row = self.selected()
        if row is None:
            return None
        folder = Path(tempfile.mkdtemp(prefix="ipguard-casefile-"))
        path = folder / row.name
        path.write_bytes(self._bytes(row))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def export_zip(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, translate("CaseFile", "导出电子档案"), f"{self.case.case_no}-电子档案.zip",
                                              "Zip (*.zip)")
        if not path:
            return None
        try:
            export = off_ui_thread(export_case_file, translate("CaseFile", "正在导出电子档案…"), disable=[self.export_button])
            result = export(self.store, self.case_id, self.user, path)
        except IpguardError as exc:
            uierrors.show_error(self, exc, self.lang)
            return None
        uierrors.message_box(self, QMessageBox.Icon.Information, translate("CaseFile", "已导出"),
                             translate("CaseFile", "已导出 {n} 个文件到 {path}").format(n=result.files, path=path))
        return result.path
