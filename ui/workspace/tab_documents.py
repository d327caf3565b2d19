"""文书 tab: the case's issued and void documents; preview, print, save, open, reissue.

Also the PDF helpers other tabs use (the letter tab previews its letter):
:class:`PdfPreview` shows PDF bytes inside the app (QtPdf's ``QPdfView``, or
pages rendered with ``QPdfDocument.render`` when the view is unavailable);
:func:`print_pdf` prints through the system print dialog, sending the PDF
itself (vector) to the printer (:func:`send_to_printer`); :func:`preview_pdf`
shows a zoomable print preview; :func:`save_pdf`
writes the exact archived bytes where the user chooses. The print and preview
dialogs run through :func:`ui.errors.exec_dialog` and the file dialog through
:func:`ask_save_path`, the functions tests replace.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ipguard.documents.service import KINDS, archived, archived_by_id, documents_of, issue_document, reissue
from ipguard.errors import IpguardError
from ipguard.outputs import write_output
from ipguard.store.records import CaseRecord, DocumentRecord
from ui import errors as uierrors
from ui.file_size import size_text
from ui.i18n import translate
from ui.tasks import off_ui_thread
from ui.widgets.tables import fill_table, read_only_table
from ui.workspace.base import FAILED, WorkspaceTab
from ui.workspace.common import MUTED_STYLE, call_core, info_label

log = logging.getLogger("ipguard.ui")

try:  # QtPdf is part of PySide6-Addons; the widgets module may be missing on some builds
    from PySide6.QtPdf import QPdfDocument
except ImportError:  # pragma: no cover - depends on the installation
    QPdfDocument = None  # type: ignore[assignment,misc]
try:
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # pragma: no cover
    QPdfView = None  # type: ignore[assignment,misc]

STATUS_LABELS = {"issued": "有效", "void": "已作废"}


def load_pdf(data: bytes, parent=None) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over ``data`` (keep the returned buffer alive as long as the document)."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(parent)
    doc.load(buffer)
    return doc, buffer


class PdfPreview(QWidget):
    """PDF bytes shown inside the app: a QPdfView, or rendered page images as a fallback."""

    def __init__(self, parent: QWidget | None = None, *, use_view: bool = True) -> None:
        super().__init__(parent)
        self.data: bytes = b""
        self._doc = self._buffer = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = info_label(translate("Documents", "尚无文书可预览。"), MUTED_STYLE)
        layout.addWidget(self.caption)
        self.view = None
        if use_view and QPdfView is not None:
            self.view = QPdfView(self)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            layout.addWidget(self.view, 1)
        else:
            self.pages_area = QScrollArea(self)
            self.pages_area.setWidgetResizable(True)
            self.pages_widget = QWidget()
            self.pages_layout = QVBoxLayout(self.pages_widget)
            self.pages_area.setWidget(self.pages_widget)
            layout.addWidget(self.pages_area, 1)

    def set_pdf(self, data: bytes | None, caption: str = "") -> None:
        self.data = data or b""
        old = (self._doc, self._buffer)
        if not data or QPdfDocument is None:
            self._doc = self._buffer = None
            if self.view is not None:
                self.view.setDocument(None)
            self.caption.setText(caption or translate("Documents", "尚无文书可预览。"))
            self.caption.setVisible(True)
        else:
            # Owned by this widget (created after the view, so destroyed after it); the view lets go of
            # the old document before it is deleted.
            self._doc, self._buffer = load_pdf(data, self)
            self.caption.setText(caption)
            self.caption.setVisible(bool(caption))
            if self.view is not None:
                self.view.setDocument(self._doc)
            else:
                self._render_pages()
        for obj in old:
            if obj is not None:
                obj.deleteLater()

    def _render_pages(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for page in range(self.page_count()):
            size = self._doc.pagePointSize(page).toSize() * 1.2
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(self._doc.render(page, size)))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.pages_layout.addWidget(label)

    def page_count(self) -> int:
        return self._doc.pageCount() if self._doc is not None else 0


RASTER_DPI_CAP = 300  # the last resort only: a page image no finer than this


def print_pdf(parent: QWidget, data: bytes, title: str = "") -> bool:
    """Print PDF bytes through the system print dialog; the pages go to the printer as PDF (vector)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title or "ipguard")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(translate("Documents", "打印 {title}").format(title=title))
    if not uierrors.exec_dialog(dialog):
        return False
    try:
        send_to_printer(data, printer)
    except (OSError, IpguardError, subprocess.SubprocessError) as exc:
        uierrors.show_error(parent, exc)
        return False
    return True


def _page_range(printer, pages: int) -> tuple[int, int]:
    """The 1-based first and last page the print dialog asked for (all pages by default)."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0 or last <= 0:
        return 1, pages
    return max(1, first), min(pages, last)


def system_spooler() -> str | None:
    """The system's PDF-accepting spooler (CUPS ``lp``), when there is one (tests stand in a fake ``lp``)."""
    return shutil.which("lp") if sys.platform != "win32" else None


def send_to_printer(data: bytes, printer) -> str:
    """Hand ``data`` to ``printer`` as vector pages; how it went: ``"pdf"``, ``"spooler"`` or ``"raster"``.

    * "Print to file" (PDF output): the archived PDF itself is written there — the exact bytes.
    * A printer of a CUPS system (Linux, macOS): the PDF goes to ``lp`` with the printer,
      copies and page range chosen in the dialog; CUPS sends it as vector pages.
    * Otherwise (e.g. a Windows printer driver): each page is drawn at the printer's own
      resolution, at most :data:`RASTER_DPI_CAP` dpi (never a 1200-dpi image).
    """
    from PySide6.QtPrintSupport import QPrinter

    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        doc, _buffer = load_pdf(data)
        first, last = _page_range(printer, doc.pageCount())
        if (first, last) == (1, doc.pageCount()):
            write_output(Path(printer.outputFileName()), data)
            return "pdf"
        render_to_printer(data, printer)  # a page range of a PDF file: QPdfWriter pages
        return "raster"
    spooler = system_spooler()
    if spooler and printer.printerName():
        doc, _buffer = load_pdf(data)
        first, last = _page_range(printer, doc.pageCount())
        with tempfile.NamedTemporaryFile(prefix="ipguard-print-", suffix=".pdf", delete=False) as handle:
            handle.write(data)
        args = [spooler, "-d", printer.printerName(), "-n", str(max(1, printer.copyCount())),
                "-t", printer.docName() or "ipguard", "-P", f"{first}-{last}", handle.name]  # fmt: skip
        try:
            subprocess.run(args, check=True, capture_output=True, timeout=60)
        finally:
            Path(handle.name).unlink(missing_ok=True)
        return "spooler"
    if printer.resolution() > RASTER_DPI_CAP:
        printer.setResolution(RASTER_DPI_CAP)
    render_to_printer(data, printer)
    return "raster"


def render_to_printer(data: bytes, printer) -> int:
    """Paint every page of ``data`` onto ``printer`` (any QPagedPaintDevice) as images; the number of pages."""
    doc, _buffer = load_pdf(data)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(doc.pageCount()):
            if page:
                printer.newPage()
            area = painter.viewport()
            points = doc.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            size = QSize(int(points.width() * scale), int(points.height() * scale))
            painter.drawImage(QRect(area.x(), area.y(), size.width(), size.height()), doc.render(page, size))
    finally:
        painter.end()
    return doc.pageCount()


class PrintPreviewDialog(QDialog):
    """The document as it will print, zoomable (QPdfView), with 打印… (the vector path of :func:`print_pdf`)."""

    ZOOM_STEP = 1.25

    def __init__(self, data: bytes, title: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data, self.title = data, title
        self.setWindowTitle(translate("Documents", "打印预览 {title}").format(title=title))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.zoom_out_button = QPushButton(translate("Documents", "缩小"))
        self.zoom_in_button = QPushButton(translate("Documents", "放大"))
        self.fit_button = QPushButton(translate("Documents", "适合宽度"))
        self.print_button = QPushButton(translate("Documents", "打印…"))
        self.zoom_out_button.setShortcut("Ctrl+-")
        self.zoom_in_button.setShortcut("Ctrl+=")
        for b in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.preview = PdfPreview(self)
        self.preview.set_pdf(data)
        layout.addWidget(self.preview, 1)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(self.ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(1 / self.ZOOM_STEP))
        self.fit_button.clicked.connect(self.fit_width)
        self.print_button.clicked.connect(self.print_now)
        self.resize(820, 900)

    def zoom_factor(self) -> float:
        view = self.preview.view
        return view.zoomFactor() if view is not None else 1.0

    def zoom(self, factor: float) -> None:
        view = self.preview.view
        if view is None:
            return
        current = view.zoomFactor()
        if view.zoomMode() != QPdfView.ZoomMode.Custom:  # from "fit width": start at what is shown
            current = max(0.1, view.width() / max(1.0, self.preview._doc.pagePointSize(0).width() * 96 / 72))
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(min(8.0, max(0.1, current * factor)))

    def fit_width(self) -> None:
        if self.preview.view is not None:
            self.preview.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def print_now(self) -> bool:
        if print_pdf(self, self.data, self.title):
            self.accept()
            return True
        return False


def preview_pdf(parent: QWidget, data: bytes, title: str = "") -> bool:
    """Show the print preview; True when it was printed from there."""
    dialog = PrintPreviewDialog(data, title, parent)
    try:
        return bool(uierrors.exec_dialog(dialog))
    finally:
        dialog.deleteLater()


def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF (the one file dialog of this module; tests replace it)."""
    path, _ = QFileDialog.getSaveFileName(parent, translate("Documents", "另存为 PDF"), suggested, "PDF (*.pdf)")
    return Path(path) if path else None


def save_pdf(parent: QWidget, data: bytes, suggested_name: str) -> Path | None:
    """Write the exact bytes where the user chooses; the path, or None when cancelled."""
    path = ask_save_path(parent, str(Path.home() / suggested_name))
    if path is None:
        return None
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    try:
        return write_output(path, data)  # whole or not at all; never over a database
    except IpguardError as exc:
        uierrors.show_error(parent, exc)
        return None


def open_url(url: QUrl) -> bool:
    """Hand a file to the desktop (tests replace this)."""
    return QDesktopServices.openUrl(url)


def safe_name(text: str) -> str:
    return "".join("_" if ch in '\\/:*?"<>|〔〕 ' else ch for ch in text)


class DocumentsTab(WorkspaceTab):
    """Issued and void documents of the case, previewed inside the app."""

    title = "文书"
    stages = ()

    def __init__(self, workspace) -> None:
        super().__init__(workspace)
        self.rows: list[DocumentRecord] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = read_only_table([translate("Documents", h) for h in ("文书", "编号", "出具日", "状态", "大小")])
        self.table.itemSelectionChanged.connect(self._on_selected)
        left_layout.addWidget(self.table, 1)
        self.note = info_label("", MUTED_STYLE)
        left_layout.addWidget(self.note)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(translate("Documents", "打印…"))
        self.preview_button = QPushButton(translate("Documents", "打印预览…"))
        self.preview_button.clicked.connect(self.preview_selected)
        self.save_button = QPushButton(translate("Documents", "另存为 PDF…"))
        self.open_button = QPushButton(translate("Documents", "打开存档副本"))
        self.reissue_button = QPushButton(translate("Documents", "重新出具…"))
        self.print_button.clicked.connect(self.print_selected)
        self.save_button.clicked.connect(self.save_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.reissue_button.clicked.connect(self.reissue_selected)
        for b in (self.print_button, self.preview_button, self.save_button, self.open_button, self.reissue_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        issue_row = QHBoxLayout()
        self.issue_report_button = QPushButton(translate("Documents", "出具调查报告"))
        self.issue_resolution_button = QPushButton(translate("Documents", "出具保审会决议"))
        self.issue_report_button.clicked.connect(lambda: self.issue("investigation_report"))
        self.issue_resolution_button.clicked.connect(lambda: self.issue("committee_resolution"))
        issue_row.addWidget(self.issue_report_button)
        issue_row.addWidget(self.issue_resolution_button)
        issue_row.addStretch(1)
        left_layout.addLayout(issue_row)
        splitter.addWidget(left)
        self.preview = PdfPreview()
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter)

    # -- filling -----------------------------------------------------------------------

    def refresh(self, case: CaseRecord) -> None:
        self.rows = documents_of(self.store, self.case_id)
        fill_table(self.table, [
            (KINDS.get(r.kind, r.kind), r.doc_no, r.issued_on.isoformat(), STATUS_LABELS.get(r.status, r.status),
             size_text(r.size)) for r in self.rows], list(range(len(self.rows))))  # fmt: skip
        issued = {r.kind for r in self.rows if r.status == "issued"}
        self.issue_report_button.setVisible("investigation_report" not in issued)
        self.issue_resolution_button.setVisible("committee_resolution" not in issued)
        if self.rows:
            self.table.selectRow(len(self.rows) - 1)
        self._on_selected()

    def selected(self) -> DocumentRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None

    def select_kind(self, kind: str) -> bool:
        for i, r in enumerate(self.rows):
            if r.kind == kind and r.status == "issued":
                self.table.selectRow(i)
                return True
        return False

    def _on_selected(self) -> None:
        row = self.selected()
        usable = row is not None and row.status == "issued"
        for b in (self.print_button, self.preview_button, self.save_button, self.open_button, self.reissue_button):
            b.setEnabled(usable)
            b.setToolTip("" if usable else translate("Documents", "请选择一份有效文书（作废的副本只能预览，不能打印、另存或重新出具）"))
        self.preview.caption.setStyleSheet(MUTED_STYLE)
        if row is None:
            self.preview.set_pdf(None)
            self.note.setText(translate("Documents", "本案尚未出具文书。") if not self.rows else "")
            return
        if row.status != "issued":  # the void copy is shown as archived, marked, never printed or reissued
            try:
                pdf = archived_by_id(self.store, row.id)[1]
            except IpguardError:
                pdf = None
            self.preview.set_pdf(pdf, translate("Documents", "【已作废】{kind} {no}：仅供查阅，已由后出具的文书取代。").format(
                kind=KINDS.get(row.kind, row.kind), no=row.doc_no))
            self.preview.caption.setStyleSheet("color: #b71c1c; font-weight: bold;")
            self.note.setText(translate("Documents", "存档副本 SHA-256：{sha}…（已作废）").format(sha=row.sha256[:16]))
            return
        copy = archived(self.store, self.case_id, row.kind)
        self.preview.set_pdf(copy[1] if copy else None, f"{KINDS.get(row.kind)} {row.doc_no}")
        self.note.setText(translate("Documents", "存档副本 SHA-256：{sha}…；重印与存档完全一致。").format(sha=row.sha256[:16]))

    # -- actions -----------------------------------------------------------------------------

    def _copy(self) -> tuple[DocumentRecord, bytes] | None:
        """The selected document's archived bytes, recorded as a reprint."""
        row = self.selected()
        if row is None or row.status != "issued":
            return None
        try:
            doc = off_ui_thread(issue_document, translate("Documents", "正在准备文书…"), disable=self._row_buttons())(
                self.store, self.case_id, row.kind, self.user)
        except Exception as exc:
            uierrors.show_error(self, exc, self.lang)
            return None
        return row, doc.pdf

    def _row_buttons(self) -> list[QWidget]:
        return [self.print_button, self.preview_button, self.save_button, self.open_button, self.reissue_button]

    def preview_selected(self) -> bool:
        copy = self._copy()
        return bool(copy) and preview_pdf(self, copy[1], f"{KINDS[copy[0].kind]} {copy[0].doc_no}")

    def print_selected(self) -> bool:
        copy = self._copy()
        return bool(copy) and print_pdf(self, copy[1], f"{KINDS[copy[0].kind]} {copy[0].doc_no}")

    def save_selected(self) -> Path | None:
        copy = self._copy()
        if not copy:
            return None
        return save_pdf(self, copy[1], safe_name(f"{self.case.case_no}-{KINDS[copy[0].kind]}-{copy[0].doc_no}.pdf"))

    def open_selected(self) -> Path | None:
        """Write the archived copy to a temporary file and open it in the system's PDF reader."""
        copy = self._copy()
        if not copy:
            return None
        folder = Path(tempfile.gettempdir()) / "ipguard-documents"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / safe_name(f"{self.case.case_no}-{copy[0].doc_no}.pdf")
        path.write_bytes(copy[1])
        open_url(QUrl.fromLocalFile(str(path)))
        return path

    def issue(self, kind: str) -> bool:
        if not self.confirm_step(translate("Documents", "出具{kind}").format(kind=KINDS.get(kind, kind)), translate(
                "Documents", "将占用下一个文书编号并出具；出具后只能作废重开，编号不能收回。")):
            return False
        busy = off_ui_thread(issue_document, translate("Documents", "正在出具文书…"),
                             disable=[self.issue_report_button, self.issue_resolution_button])
        return call_core(self, busy, self.store, self.case_id, kind, self.user) is not FAILED

    def reissue_selected(self) -> bool:
        row = self.selected()
        if row is None or row.status != "issued":
            return False
        reason = self.workspace.ask_reason(
            translate("Documents", "重新出具{kind}").format(kind=KINDS[row.kind]),
            translate("Documents", "请填写重新出具的原因（原文书 {no} 将作废并保留）：").format(no=row.doc_no))
        if not reason:
            return False
        busy = off_ui_thread(reissue, translate("Documents", "正在重新出具文书…"), disable=self._row_buttons())
        return call_core(self, busy, self.store, self.case_id, row.kind, self.user, reason) is not FAILED
