"""Showing errors: expected ones as a message naming the field, bugs as a report.

* :func:`show_error` renders an :class:`~ipguard.errors.IpguardError` with
  ``exc.message(lang)`` (which names the field and says what is wrong); any
  other exception goes to :func:`show_exception_dialog`.
* :func:`install_excepthook` routes ``sys.excepthook`` and
  ``threading.excepthook`` to a dialog with a copyable report, and logs it to
  a rotating file under ``platformdirs.user_log_dir("ipguard", "ipguard")``.
  Nothing is written to the database: the data stays as it was.
* :func:`enable_faulthandler` keeps a crash log for hard crashes (segfaults
  in Qt); a non-empty one from the previous run is kept with a time stamp.
* Every modal box goes through :func:`message_box`, :func:`ask`,
  :func:`exec_dialog` or :func:`show_exception_dialog`, so tests monkeypatch one function instead of
  blocking on a dialog.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ipguard import __version__, clock
from ipguard.errors import IpguardError, PermissionDenied
from ui.i18n import current_language, translate

if TYPE_CHECKING:
    from ui.session import Session

# The core's keys for "this sign-in no longer acts": the user was disabled (session_ended; the sign-in is then
# ended too), or the sign-in was ended already (not_signed_in).
SESSION_ENDED_KEYS = ("session_ended", "not_signed_in")

log = logging.getLogger("ipguard.ui")

_crash_file: list[object] = []  # keeps the faulthandler file open
previous_crash: list[Path] = []  # the crash log the previous run left, if any


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("ipguard", "ipguard"))


def setup_logging(directory: Path | None = None) -> Path:
    """Log ``ipguard.*`` to a rotating file (1 MB × 5); returns the file's path."""
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "ipguard.log"
    root = logging.getLogger("ipguard")
    if not any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def enable_faulthandler(directory: Path | None = None) -> Path:
    """Write hard crashes (segfaults) to ``crash.log``; keep a previous one with a time stamp."""
    directory = directory or log_dir()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "crash.log"
    if path.exists() and path.stat().st_size > 0:
        kept = path.with_name(f"crash-{clock.now():%Y%m%d-%H%M%S}.log")
        path.replace(kept)
        previous_crash[:] = [kept]
        log.warning("the previous run crashed; its crash log is %s", kept)
    handle = open(path, "w", encoding="utf-8")  # noqa: SIM115 - must stay open for faulthandler
    _crash_file[:] = [handle]
    faulthandler.enable(handle)
    return path


# -- modal boxes (tests replace these) -------------------------------------------


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A modal message box; the one place the UI shows a plain message."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question; True for yes."""
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def confirm_irreversible(parent: QWidget | None, action: str, consequence: str) -> bool:
    """Ask before a step that cannot be undone (uses a number, moves money, ends a guarantee).

    ``action`` names the step, ``consequence`` says what it does; the default
    button is Cancel so a stray Enter does nothing. Tests replace this one
    function (tests/ui/conftest.py answers yes and records the questions).
    """
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Errors", "确认：{action}").format(action=action),
                      consequence + "\n\n" + translate("Errors", "此操作不能撤销。确定继续吗？"),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Yes).setText(action)
    return box.exec() == QMessageBox.StandardButton.Yes


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal form dialog (tests replace this to fill the form and press its buttons)."""
    return dialog.exec()


def inform(parent: QWidget | None, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, translate("Errors", "提示"), text)


def error_text(exc: BaseException, lang: str | None = None) -> str:
    """The user-facing text of an expected error (naming the field)."""
    if isinstance(exc, IpguardError):
        return exc.message(lang or current_language())
    return f"{type(exc).__name__}: {exc}"


def show_error(parent: QWidget | None, exc: BaseException, lang: str | None = None) -> None:
    """Show an error: IpguardError as a warning naming the field, anything else as a bug report.

    A sign-in that has ended (the user was disabled, or signed out, since the
    window opened: ``PermissionDenied("session_ended")``) is shown, then the
    window's session is told (``session.signals.session_ended``): the main
    window closes its open forms and asks for a sign-in again.
    """
    if isinstance(exc, IpguardError):
        log.info("refused: %s", exc.message("en"))
        if session_ended(exc):
            message_box(parent, QMessageBox.Icon.Warning, translate("Errors", "登录已失效"), error_text(exc, lang))
            session = _session_of(parent)
            if session is not None:
                session.signals.session_ended.emit()
            return
        message_box(parent, QMessageBox.Icon.Warning, translate("Errors", "无法完成操作"), error_text(exc, lang))
        return
    report = format_report(type(exc), exc, exc.__traceback__)
    log.error("unexpected error\n%s", report)
    show_exception_dialog(parent, report)


def session_ended(exc: BaseException) -> bool:
    """Whether ``exc`` says the signed-in user can no longer act (disabled or signed out): sign in again."""
    return isinstance(exc, PermissionDenied) and exc.key in SESSION_ENDED_KEYS


def _session_of(widget: QObject | None) -> Session | None:
    """The session of the window ``widget`` belongs to (pages, tabs and dialogs keep theirs as ``session``)."""
    from ui.session import Session

    while widget is not None:
        session = getattr(widget, "session", None)
        if isinstance(session, Session):
            return session
        widget = widget.parent()
    return None


# -- unexpected exceptions --------------------------------------------------------


def format_report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The copyable report: versions, platform, time and the traceback."""
    from PySide6 import __version__ as pyside_version

    lines = [
        f"ipguard {__version__} · PySide6 {pyside_version} · Python {sys.version.split()[0]} · {sys.platform}",
        f"{clock.now().isoformat(timespec='seconds')}",
        "",
        *traceback.format_exception(exc_type, exc, tb),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


class ExceptionDialog(QDialog):
    """An unexpected error: what happened, that the data is safe, and a report to copy."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Errors", "程序错误"))
        self.resize(720, 440)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "Errors",
                "程序遇到了意外错误。已保存的数据没有改动，刚才的操作未完成。\n"
                "请复制下面的报告发给系统管理员；报告也已记入日志：{path}",
            ).format(path=log_dir() / "ipguard.log")
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.report = QPlainTextEdit(report)
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.report, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("Errors", "复制报告"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())


def show_exception_dialog(parent: QWidget | None, report: str) -> None:
    """Show the report of an unexpected exception (modal)."""
    ExceptionDialog(report, parent or QApplication.activeWindow()).exec()


class _Bridge(QObject):
    """Carries reports from worker threads to the GUI thread."""

    report = Signal(str)


_bridge: list[_Bridge] = []


def _handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    report = format_report(exc_type, exc, tb)
    log.error("unexpected error\n%s", report)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    if _bridge:
        _bridge[0].report.emit(report)  # queued to the GUI thread when called from a worker


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    _handle(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)


def install_excepthook() -> None:
    """Route uncaught exceptions (GUI and worker threads) to the report dialog and the log."""
    if not _bridge:
        bridge = _Bridge()
        bridge.report.connect(lambda text: show_exception_dialog(None, text), Qt.ConnectionType.QueuedConnection)
        _bridge.append(bridge)
    sys.excepthook = _handle
    threading.excepthook = _thread_hook
