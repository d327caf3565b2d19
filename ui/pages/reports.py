"""报表 (reports): generate the monthly portfolio workbook in the background.

The user picks a month (default: last month) and an output file (default:
``ipguard-月度报表-YYYY-MM.xlsx`` in the documents folder). "生成月度报表"
runs :func:`ipguard.reports.service.monthly_report` on a ``QThreadPool``
worker (:mod:`ui.pages.reports_task`, whose names are re-exported here) that
opens its own store through ``session.open_worker_store()``; progress comes back
through a Qt signal, "取消" sets a flag the writer polls (a cancelled report
leaves no file). When done the file or its folder can be opened; recently
generated reports are remembered in QSettings.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QSettings, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import clock
from ipguard.errors import IpguardError
from ipguard.money import format_yuan
from ui.errors import show_error
from ui.i18n import translate
from ui.pages.reports_task import MonthlyReportTask as MonthlyReportTask
from ui.pages.reports_task import ReportSignals as ReportSignals
from ui.pages.reports_task import default_report_path as default_report_path
from ui.pages.reports_task import last_month as last_month
from ui.session import Session

RECENT_KEY = "reports/recent"
RECENT_MAX = 10
PATH_ROLE = Qt.ItemDataRole.UserRole


class ReportsPage(QWidget):
    """Pick a month, generate the monthly workbook, open it; recent reports below."""

    report_finished = Signal(str)  # path
    report_failed = Signal(str)  # message
    report_cancelled = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, *, today: dt.date | None = None,
                 pool: QThreadPool | None = None) -> None:
        """``pool`` runs the report (default: the global pool; a test passes one it holds busy, to cancel
        before the work starts)."""
        super().__init__(parent)
        self.session = session
        self._today = today
        self.pool = pool
        self._task: MonthlyReportTask | None = None
        self._signals: ReportSignals | None = None
        self._path_customised = False
        self.last_result = None
        self._build()
        self.month_edit.setDate(QDate(last_month(self.today())))
        self._on_month_changed()
        self.month_edit.dateChanged.connect(self._on_month_changed)
        self.path_edit.textEdited.connect(self._on_path_edited)
        self.load_recent()

    def today(self) -> dt.date:
        return self._today or clock.today()

    # -- layout ---------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        title = QLabel(translate("Reports", "报表"))
        title.setObjectName("pageTitle")
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(title)
        note = QLabel(translate(
            "Reports",
            "月度业务报表（Excel）：当月新增申请、审批、放款、解保、代偿，月末在保明细，按银行、行业、知识产权类型和"
            "客户经理的分布，办理时效，分险后的自留风险和监管比例。",
        ))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        layout.addWidget(note)

        box = QGroupBox(translate("Reports", "生成月度报表"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.month_edit = QDateEdit()
        self.month_edit.setDisplayFormat("yyyy-MM")
        self.month_edit.setCalendarPopup(False)
        self.month_edit.setMinimumDate(QDate(2000, 1, 1))
        self.month_edit.setMaximumDate(QDate(self.today()))
        self.month_edit.setAccessibleName(translate("Reports", "报表月份"))
        month_label = QLabel(translate("Reports", "报表月份(&M)："))
        month_label.setBuddy(self.month_edit)
        month_row = QHBoxLayout()
        month_row.addWidget(self.month_edit)
        month_row.addStretch(1)
        form.addRow(month_label, month_row)

        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName(translate("Reports", "输出文件"))
        self.browse_button = QPushButton(translate("Reports", "选择…"))
        self.browse_button.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.browse_button)
        path_label = QLabel(translate("Reports", "输出文件(&F)："))
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)

        self.generate_button = QPushButton(translate("Reports", "生成月度报表"))
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button = QPushButton(translate("Reports", "取消"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setTextVisible(True)
        self.generate_button.setMinimumWidth(160)
        run_row = QHBoxLayout()
        run_row.addWidget(self.generate_button)
        run_row.addWidget(self.progress, 1)
        run_row.addWidget(self.cancel_button)
        run_row.addStretch(0 if self.progress.isVisible() else 1)
        form.addRow(run_row)
        self._run_row = run_row
        layout.addWidget(box)

        result_box = QGroupBox(translate("Reports", "结果"))
        result_layout = QVBoxLayout(result_box)
        self.status_label = QLabel(translate("Reports", "尚未生成报表。"))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        result_layout.addWidget(self.status_label)
        open_row = QHBoxLayout()
        self.open_file_button = QPushButton(translate("Reports", "打开文件"))
        self.open_folder_button = QPushButton(translate("Reports", "打开所在文件夹"))
        self.open_file_button.clicked.connect(lambda: self.open_file(self._result_path()))
        self.open_folder_button.clicked.connect(lambda: self.open_folder(self._result_path()))
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(False)
            open_row.addWidget(button)
        open_row.addStretch(1)
        result_layout.addLayout(open_row)
        layout.addWidget(result_box)

        recent_box = QGroupBox(translate("Reports", "最近生成的报表（双击打开）"))
        recent_layout = QVBoxLayout(recent_box)
        self.recent_list = QListWidget()
        self.recent_list.setAccessibleName(translate("Reports", "最近生成的报表"))
        self.recent_list.itemActivated.connect(lambda item: self.open_file(Path(item.data(PATH_ROLE))))
        recent_layout.addWidget(self.recent_list)
        layout.addWidget(recent_box, 1)

    # -- month and path ------------------------------------------------------------------

    def month(self) -> dt.date:
        return self.month_edit.date().toPython().replace(day=1)  # type: ignore[union-attr]

    def month_text(self) -> str:
        return f"{self.month():%Y-%m}"

    def set_month(self, year: int, month: int) -> None:
        self.month_edit.setDate(QDate(year, month, 1))

    def _on_month_changed(self) -> None:
        if not self._path_customised:
            self.path_edit.setText(str(default_report_path(self.month(), self._default_folder())))

    def _default_folder(self) -> Path | None:
        current = self.path_edit.text().strip()
        return Path(current).parent if current else None

    def _on_path_edited(self, _text: str) -> None:
        self._path_customised = True

    def output_path(self) -> Path:
        text = self.path_edit.text().strip()
        if text and not text.lower().endswith(".xlsx"):
            text += ".xlsx"
        return Path(text)

    def set_output_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))
        self._path_customised = True

    def ask_save_path(self, suggested: Path) -> Path | None:
        """Ask where to save the report; None when cancelled (the page's one file dialog; tests replace it)."""
        path, _ = QFileDialog.getSaveFileName(
            self, translate("Reports", "保存月度报表"), str(suggested), translate("Reports", "Excel 工作簿 (*.xlsx)"))
        return Path(path) if path else None

    def choose_path(self) -> None:
        path = self.ask_save_path(self.output_path())
        if path is not None:
            self.set_output_path(path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx"))

    # -- running -----------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._task is not None

    def generate(self) -> None:
        """Start the report on a worker thread (one at a time)."""
        if self._task is not None:
            return
        out = self.output_path()
        if not self.path_edit.text().strip():
            self.choose_path()
            out = self.output_path()
            if not self.path_edit.text().strip():
                return
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            show_error(self, exc)
            return
        task = MonthlyReportTask(self.session.open_worker_store, self.month_text(), out, self._today)
        task.signals.progress.connect(self._on_progress)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        task.signals.cancelled.connect(self._on_cancelled)
        self._task, self._signals = task, task.signals  # the signals outlive the auto-deleted runnable
        self._set_running(True)
        self.status_label.setText(translate("Reports", "正在生成 {month} 的报表…").format(month=self.month_text()))
        task.start(self.pool)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self.cancel_button.setEnabled(False)

    def _set_running(self, running: bool) -> None:
        self.generate_button.setEnabled(not running)
        self.month_edit.setEnabled(not running)
        self.path_edit.setEnabled(not running)
        self.browse_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        self._run_row.setStretch(self._run_row.count() - 1, 0 if running else 1)
        if running:
            self.progress.setRange(0, 0)  # busy until the first report
            for button in (self.open_file_button, self.open_folder_button):
                button.setEnabled(False)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    def _finish(self) -> None:
        self._task = None
        self._signals = None
        self._set_running(False)

    def _on_finished(self, result) -> None:
        self._finish()
        self.last_result = result
        self.status_label.setText(translate(
            "Reports", "已生成 {month} 报表：{path}\n月末在保 {count} 笔，余额 {balance} 元；自留风险 {retained} 元；担保责任余额 {liability} 元。",
        ).format(month=result.month_label, path=result.path, count=result.in_force_count,
                 balance=format_yuan(result.in_force_balance), retained=format_yuan(result.retained_exposure),
                 liability=format_yuan(result.liability_balance)))  # fmt: skip
        for button in (self.open_file_button, self.open_folder_button):
            button.setEnabled(True)
        self.remember(Path(result.path))
        self.report_finished.emit(str(result.path))

    def _on_failed(self, exc: BaseException) -> None:
        self._finish()
        text = exc.message() if isinstance(exc, IpguardError) else str(exc)
        self.status_label.setText(translate("Reports", "报表未生成：{reason}").format(reason=text))
        self.report_failed.emit(text)
        show_error(self, exc)

    def _on_cancelled(self) -> None:
        self._finish()
        self.status_label.setText(translate("Reports", "已取消，没有生成文件。"))
        self.report_cancelled.emit()

    def _result_path(self) -> Path | None:
        return Path(self.last_result.path) if self.last_result is not None else None

    # -- opening ----------------------------------------------------------------------

    def open_url(self, url: QUrl) -> bool:
        """Hand a file or folder to the desktop (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def open_file(self, path: Path | None) -> None:
        if path is None:
            return
        if not path.exists():
            self.status_label.setText(translate("Reports", "文件已不存在：{path}").format(path=path))
            self.load_recent()
            return
        self.open_url(QUrl.fromLocalFile(str(path)))

    def open_folder(self, path: Path | None) -> None:
        if path is not None:
            self.open_url(QUrl.fromLocalFile(str(path.parent)))

    # -- recent reports --------------------------------------------------------------------

    def recent_paths(self) -> list[Path]:
        value = QSettings().value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [Path(p) for p in (value or []) if p]

    def remember(self, path: Path) -> None:
        paths = [str(path)] + [str(p) for p in self.recent_paths() if p != path]
        QSettings().setValue(RECENT_KEY, paths[:RECENT_MAX])
        self.load_recent()

    def load_recent(self) -> None:
        self.recent_list.clear()
        for path in self.recent_paths():
            if not path.exists():
                continue
            stamp = dt.datetime.fromtimestamp(path.stat().st_mtime)
            item = QListWidgetItem(f"{path.name}　（{stamp:%Y-%m-%d %H:%M}）　{path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)

    def refresh(self) -> None:
        self.month_edit.setMaximumDate(QDate(self.today()))
        self.load_recent()
