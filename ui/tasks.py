"""Work off the UI thread: the one background-task class of the client.

:class:`Task` runs a callable on a ``QThreadPool`` thread and reports back on
the UI thread through :class:`TaskSignals` — ``progress(done, total)``,
``finished(result)``, ``failed(exception)``, ``cancelled()`` and, after any of
these, ``ended()``. Work that can stop half-way checks :meth:`Task.is_cancelled`
(or raises :class:`TaskCancelled`); :meth:`Task.cancel` asks it to.

SQLite connections belong to one thread: work that needs the database opens
its own :class:`~ipguard.store.Store` on the same file (:func:`worker_store`);
the signed-in :class:`~ipguard.auth.Actor` of the window is accepted there
(:mod:`ipguard.auth`).

Three ways to use it:

* fire and forget — ``Task(fn, "name").start()`` and connect the signals
  (automatic backup, 立即备份, the monthly report);
* :func:`run_blocking` — for a caller that needs the result before it goes on
  (a workspace action, building the demo): the work runs on a pool thread
  while the UI thread keeps serving events in a local event loop, the busy
  indicator shows and the widgets named in ``disable`` are greyed; the result
  is returned, or the work's exception raised, on the UI thread, so errors are
  shown exactly as before;
* :func:`off_ui_thread` — wraps a core function whose first argument is the
  window's store, for ``run_action``: ``self.run_action(off_ui_thread(
  sign_report, self, label), self.store, …)``.

Every started task is tracked until it ends; :func:`shutdown` (on quit) cancels
them and waits for the pool, so no thread is still running while Python and
Qt tear down.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QProgressBar, QStatusBar, QWidget

from ipguard.errors import IpguardError

log = logging.getLogger("ipguard.ui.tasks")

BUSY_SHOW_AFTER_MS = 150  # the busy indicator appears only for work that is not instant


class TaskCancelled(Exception):
    """Raised by work that stopped because :meth:`Task.cancel` was called."""


class TaskSignals(QObject):
    started = Signal()
    progress = Signal(int, int)  # steps done, steps in all
    finished = Signal(object)  # what the work returned
    failed = Signal(object)  # the exception it raised (IpguardError or a bug)
    cancelled = Signal()
    ended = Signal()  # after finished, failed or cancelled


class _Monitor(QObject):
    """The tasks running now (UI thread); ``busy_changed(count, label)`` drives the busy indicator."""

    busy_changed = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.running: list[Task] = []

    def add(self, task: Task) -> None:
        if not self.running:
            # No cyclic collection while any worker runs: a collection on the UI thread while a worker was
            # inside a SQLite statement segfaulted once in CI ("Garbage-collecting" on the UI thread).
            # Reference counting still frees everything; the collector resumes when the last task ends.
            self._collecting = gc.isenabled()
            gc.disable()
        self.running.append(task)
        self.busy_changed.emit(len(self.running), task.label)

    def remove(self, task: Task) -> None:
        if task in self.running:
            self.running.remove(task)
            if not self.running and getattr(self, "_collecting", False):
                gc.enable()
        label = self.running[-1].label if self.running else ""
        self.busy_changed.emit(len(self.running), label)


_monitor: _Monitor | None = None


def monitor() -> _Monitor:
    global _monitor
    if _monitor is None or not shiboken6.isValid(_monitor):
        _monitor = _Monitor()
    return _monitor


def running_tasks() -> list[Task]:
    return list(monitor().running)


class Task(QRunnable):
    """Run ``fn()`` (or an overridden :meth:`work`) on a pool thread; see the module docstring.

    ``label`` is what the busy indicator says (translated text; "" shows no text).
    ``cancel_exceptions`` are exception types that mean "stopped on request".
    """

    cancel_exceptions: tuple[type[BaseException], ...] = (TaskCancelled,)

    def __init__(self, fn: Callable[[], Any] | None = None, name: str = "task", *, label: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # the Python side keeps it until its signal has been delivered
        self.fn = fn
        self.name = name
        self.label = label
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self.running = False
        self.signals.ended.connect(self._on_ended)  # queued to the UI thread

    # -- the work (pool thread) ------------------------------------------------------

    def work(self) -> Any:
        assert self.fn is not None
        return self.fn()

    def report_progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.work()
        except self.cancel_exceptions:
            self.signals.cancelled.emit()
        except Exception as exc:  # reported on the UI thread; an unexpected one is logged with its traceback
            if not isinstance(exc, IpguardError):
                log.exception("%s failed", self.name)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        self.signals.ended.emit()

    # -- starting (UI thread) ----------------------------------------------------------

    def start(self, pool: QThreadPool | None = None) -> Task:
        self.running = True
        monitor().add(self)
        self.signals.started.emit()
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _on_ended(self) -> None:
        self.running = False
        monitor().remove(self)


# -- waiting for a result without freezing -----------------------------------------------


def _alive(widget: QWidget | None) -> bool:
    return widget is not None and shiboken6.isValid(widget)


def run_blocking(fn: Callable[[], Any], label: str = "", *, disable: Iterable[QWidget | None] = (), name: str = "") -> Any:
    """Run ``fn()`` on a pool thread, serving UI events meanwhile; its result, or its exception raised here.

    The widgets in ``disable`` are disabled until the work ends (and re-enabled
    only if they were enabled before); the status-bar busy indicator shows
    the ``label``.
    """
    task = Task(fn, name or label or getattr(fn, "__name__", "task"), label=label)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    task.signals.finished.connect(lambda result: outcome.setdefault("result", result))
    task.signals.failed.connect(lambda exc: outcome.setdefault("error", exc))
    task.signals.cancelled.connect(lambda: outcome.setdefault("error", TaskCancelled()))
    task.signals.ended.connect(loop.quit)
    greyed = [w for w in disable if _alive(w) and w.isEnabled()]
    for widget in greyed:
        widget.setEnabled(False)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        task.start()  # the monitor pauses the cyclic collector while it runs (see _Monitor.add)
        if task.running:
            loop.exec()
    finally:
        QGuiApplication.restoreOverrideCursor()
        for widget in greyed:
            if _alive(widget):
                widget.setEnabled(True)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def worker_store(store: Any):
    """A new Store on the same database as ``store`` (for a pool thread); None for an in-memory store."""
    return store.open_again() if store.can_open_again() else None


def off_ui_thread(fn: Callable[..., Any], label: str = "", *, disable: Iterable[QWidget | None] = ()) -> Callable[..., Any]:
    """``fn(store, *args, **kwargs)`` run on a pool thread with its own store on the same database.

    Call the wrapper exactly as ``fn`` (the window's store first): it blocks
    its caller (not the UI) until the work is done and returns or raises what
    ``fn`` did. An in-memory store cannot be shared: ``fn`` then runs here.
    """
    widgets = list(disable)

    def call(store: Any, *args: Any, **kwargs: Any) -> Any:
        if not store.can_open_again():
            return fn(store, *args, **kwargs)

        def work() -> Any:
            own = worker_store(store)
            try:
                return fn(own, *args, **kwargs)
            finally:
                own.close()

        return run_blocking(work, label, disable=widgets, name=getattr(fn, "__name__", "task"))

    call.__name__ = getattr(fn, "__name__", "call")
    call.__wrapped__ = fn  # type: ignore[attr-defined]
    return call


# -- the busy indicator ----------------------------------------------------------------------


class BusyIndicator(QWidget):
    """A status-bar label and an indeterminate bar, shown while any task runs (after a short delay)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QHBoxLayout

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        self.setVisible(False)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(BUSY_SHOW_AFTER_MS)
        self._delay.timeout.connect(self._show_now)
        self._count = 0
        monitor().busy_changed.connect(self._on_busy)

    def _on_busy(self, count: int, label: str) -> None:
        self._count = count
        self.label.setText(label)
        if count and not self.isVisible():
            self._delay.start()
        elif not count:
            self._delay.stop()
            self.setVisible(False)

    def _show_now(self) -> None:
        if self._count:
            self.setVisible(True)


def install_busy_indicator(bar: QStatusBar) -> BusyIndicator:
    indicator = BusyIndicator(bar)
    bar.addPermanentWidget(indicator)
    return indicator


# -- quitting ----------------------------------------------------------------------------------


def release() -> None:
    """Delete the task monitor (a Qt object held by this module) before the interpreter ends."""
    global _monitor
    if _monitor is not None and shiboken6.isValid(_monitor):
        shiboken6.delete(_monitor)
    _monitor = None


def shutdown(timeout_ms: int = 30_000) -> bool:
    """Ask every running task to stop and wait for the pool's threads; True when all ended in time."""
    for task in running_tasks():
        task.cancel()
    done = QThreadPool.globalInstance().waitForDone(timeout_ms)
    app = QApplication.instance()
    if app is not None:  # deliver the queued "ended" signals while everything still exists
        with contextlib.suppress(RuntimeError):
            app.sendPostedEvents()
    return bool(done)
