"""The reports page: the monthly workbook runs on a worker, reports progress, can be cancelled."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool, QUrl

from ipguard import clock
from ipguard.domain import Stage
from ui.pages.reports import ReportsPage, default_report_path, last_month
from ui.session import Session

TODAY = dt.date(2026, 11, 30)


def _page(qtbot, store, user, *, today: dt.date | None = TODAY, pool: QThreadPool | None = None) -> ReportsPage:
    page = ReportsPage(Session(store, user), today=today, pool=pool)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def test_defaults_last_month_and_documents_path(qtbot, qt_env, store, cast):
    page = _page(qtbot, store, cast.admin)
    assert page.month_text() == "2026-10"
    assert page.output_path().name == "ipguard-月度报表-2026-10.xlsx"
    page.set_month(2026, 11)
    assert page.output_path().name == "ipguard-月度报表-2026-11.xlsx"  # follows the month until edited
    assert last_month(dt.date(2026, 1, 15)) == dt.date(2025, 12, 1)
    assert default_report_path(dt.date(2026, 3, 1), Path("/x")) == Path("/x/ipguard-月度报表-2026-03.xlsx")


def test_generates_report_in_background_and_opens_it(qtbot, qt_env, store, cast, case_at, tmp_path, monkeypatch):
    case_at(Stage.IN_FORCE)
    page = _page(qtbot, store, cast.admin)
    opened: list[QUrl] = []
    monkeypatch.setattr(page, "open_url", lambda url: opened.append(url) or True)
    page.set_month(2026, 11)
    out = tmp_path / "out" / "nov.xlsx"
    page.set_output_path(out)
    shown: list[int] = []
    page.progress.valueChanged.connect(shown.append)
    with qtbot.waitSignal(page.report_finished, timeout=30000) as blocker:
        page.generate()
        assert page.is_running() and not page.generate_button.isEnabled() and page.cancel_button.isVisible()
    assert blocker.args == [str(out)]
    assert shown and shown[-1] == page.progress.maximum() > 1  # the bar followed the worker up to the end
    assert out.exists() and not page.is_running() and page.generate_button.isEnabled()
    assert page.last_result.in_force_count == 1
    assert "月末在保 1 笔" in page.status_label.text()
    workbook = load_workbook(out, read_only=True)
    assert len(workbook.sheetnames) >= 2
    workbook.close()
    assert page.open_file_button.isEnabled()
    page.open_file_button.click()
    page.open_folder_button.click()
    assert [u.toLocalFile() for u in opened] == [str(out), str(out.parent)]
    # Remembered as a recent report, and reopened by double-click (activation).
    assert page.recent_list.count() == 1
    page.recent_list.itemActivated.emit(page.recent_list.item(0))
    assert opened[-1].toLocalFile() == str(out)
    assert not qt_env  # no error shown


def test_cancel_leaves_no_file(qtbot, qt_env, store, cast, case_at, tmp_path):
    case_at(Stage.IN_FORCE)
    pool, gate = QThreadPool(), threading.Event()
    pool.setMaxThreadCount(1)
    pool.start(gate.wait)  # the pool's only thread is busy: the report waits in the queue
    page = _page(qtbot, store, cast.admin, pool=pool)
    page.set_month(2026, 11)
    out = tmp_path / "cancelled.xlsx"
    page.set_output_path(out)
    try:
        page.generate()
        assert page.is_running() and page.cancel_button.isEnabled()
        page.cancel_button.click()  # the user presses 取消 before the worker's first poll
        assert not page.cancel_button.isEnabled()
        with qtbot.waitSignal(page.report_cancelled, timeout=30000):
            gate.set()
    finally:
        gate.set()
        pool.waitForDone()
    assert not out.exists()
    assert list(tmp_path.glob("*.xlsx")) == []
    assert "已取消" in page.status_label.text()
    assert page.generate_button.isEnabled() and not page.open_file_button.isEnabled()


def test_bad_month_shows_the_error_and_writes_nothing(qtbot, qt_env, store, cast, tmp_path):
    page = _page(qtbot, store, cast.admin, today=None)  # follows the clock (2026-11-20 in tests)
    page.set_month(2026, 11)
    out = tmp_path / "future.xlsx"
    page.set_output_path(out)
    with clock.frozen(dt.date(2026, 10, 31)), qtbot.waitSignal(page.report_failed, timeout=30000):
        page.generate()  # the machine's date was set back after the page opened: November has not begun
    assert not out.exists()
    assert qt_env and "尚未开始" in qt_env[-1][2]
