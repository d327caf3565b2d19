"""Screenshots of the desktop client for docs/screenshots/ (offscreen, demo database).

    python scripts/screenshots.py                 # every shot, 1366×768 and 1920×1080
    python scripts/screenshots.py settings_users  # only the named shots

Builds the demo database in a temporary folder, signs in as the demo admin
and grabs the main window. To add a page, add one line to :data:`SHOTS`:
``("name", lambda w: <bring the page to the front>)``; ``w`` is the
:class:`ui.main_window.MainWindow`. Needs a CJK font (fonts-wqy-microhei).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZES = ((1366, 768), (1920, 1080))

# One line per shot: name, and how to bring it to the front.
SHOTS: list[tuple[str, Callable]] = [
    ("dashboard", lambda w: w.show_page("dashboard")),
    ("my_work", lambda w: _my_work(w)),
    ("reports", lambda w: w.show_page("reports")),
    ("settings_users", lambda w: w.show_page("settings").show_section("users")),
    ("settings_banks", lambda w: w.show_page("settings").show_section("banks")),
    ("settings_referrers", lambda w: w.show_page("settings").show_section("referrers")),
    ("settings_product", lambda w: w.show_page("settings").show_section("product")),
    ("settings_holidays", lambda w: w.show_page("settings").show_section("holidays")),
    ("settings_general", lambda w: w.show_page("settings").show_section("general")),
    ("settings_language", lambda w: w.show_page("settings").show_section("language")),
    ("settings_backup", lambda w: w.show_page("settings").show_section("backup")),
    ("workspace_screening", lambda w: _open_case(w, ("screening", "valuation", "intake"), "ScreeningTab")),
    ("workspace_valuation", lambda w: _open_case(w, ("valuation", "investigation", "committee"), "ValuationTab")),
    ("workspace_committee", lambda w: _open_case(w, ("committee", "investigation"), "InvestigationTab")),
    ("workspace_in_force", lambda w: _open_case(w, ("in_force",), "TimelineTab")),
    ("committee", lambda w: _open_case(w, ("intent_letter", "bank_approval", "contracts", "committee"), "CommitteeTab")),
    ("workspace_letter", lambda w: _open_case(w, ("bank_approval", "contracts", "intent_letter"), "LetterTab")),
    ("workspace_postloan", lambda w: _open_case(w, ("recovery", "defaulted", "in_force"), "PostLoanTab")),
    ("workspace_casefile", lambda w: _case_file(w)),
]


def _case_file(window) -> None:
    """The 电子档案 tab of a case holding a scanned bank approval (here: its issued intent letter as a PDF)."""
    from PySide6.QtWidgets import QApplication

    from ipguard.auth import sign_in
    from ipguard.casefile.service import attach
    from ipguard.demo.build import DEMO_PASSWORD

    store = window.session.store
    case_id = store.repos.documents.first_case_with_issued("intent_letter")
    if not store.repos.attachments.of_case(case_id):
        pdf = store.repos.documents.current(case_id, "intent_letter").pdf
        attach(store, case_id, sign_in(store, "admin", DEMO_PASSWORD), data=pdf, name="银行审批通知书（扫描件）.pdf", expected_version=store.repos.cases.get(case_id).version)
    window.page("cases").case_opened.emit(case_id)
    desk = window.case_desk.current()
    desk.show_tab("CaseFileTab")
    tab = desk.tab("CaseFileTab")
    tab.refresh(store.repos.cases.get(case_id))
    tab.table.selectRow(0)
    QApplication.processEvents()


def _my_work(window) -> None:
    """The 待办 page once its list has been read (in the background)."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    page = window.show_page("mywork")
    page.refresh()
    QThreadPool.globalInstance().waitForDone()
    QApplication.processEvents()


def _open_case(window, stages: tuple[str, ...], tab: str) -> None:
    """Open the first demo case in one of ``stages`` (in that order of preference) on ``tab``."""
    from ipguard.domain import Stage
    from ipguard.store.records import CaseFilter

    cases = window.session.store.repos.cases
    for stage in stages:
        rows = list(cases.iter_rows(CaseFilter(stages=(Stage(stage),))))
        if rows:
            window.page("cases").case_opened.emit(rows[0].id)
            window.case_desk.current().show_tab(tab)
            return
    raise SystemExit(f"no demo case in {stages}")

# Dialogs shot once at their natural size: name, factory(store) -> QDialog.
DIALOG_SHOTS: list[tuple[str, Callable]] = [
    ("login", lambda session: __import__("ui.dialogs.login", fromlist=["LoginDialog"]).LoginDialog(session.store, username="admin")),
    ("intake_error", lambda session: _refused_intake(session)),
]
# Shots in English at 1366×768 (the narrowest supported screen): name, as in SHOTS.
ENGLISH_SHOTS = ("dashboard", "workspace_valuation", "committee")


def _refused_intake(session):
    """The new-case form after a refused save: the message names the field in words."""
    from ui.dialogs.intake import IntakeDialog

    dialog = IntakeDialog(session)
    dialog.name.setText("上海张江芯微半导体科技有限公司")
    dialog.uscc.setText("91310115MA1K3XXXX0")
    dialog.submit()
    return dialog


def _illustrate(store, user_id: int) -> None:
    """Extra sample data the demo lacks, so settings pages are not empty in the pictures."""
    import datetime as dt

    settings = store.repos.settings
    settings.set_holiday_override(dt.date(2026, 12, 31), False, "示例：年末结算停业", acting_user_id=user_id)
    settings.set_holiday_override(dt.date(2027, 1, 9), True, "示例：元旦调休上班", acting_user_id=user_id)


def _offscreen_screen(tmp: Path) -> None:
    """An offscreen screen as large as the largest shot, so windows are not clamped."""
    width = max(w for w, _ in SIZES)
    height = max(h for _, h in SIZES)
    config = tmp / "offscreen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1}]})
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(argv: list[str]) -> int:
    wanted = set(argv)
    tmp = Path(tempfile.mkdtemp(prefix="ipguard-shots-"))
    # The demo database lives in a scratch folder standing in for the home folder, so the
    # status bar reads "~/ipguard-demo.sqlite" rather than a temporary path.
    os.environ["HOME"] = str(tmp)
    _offscreen_screen(tmp)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ipguard.auth import sign_in
    from ipguard.demo.build import DEMO_PASSWORD, build_demo
    from ipguard.store import open_store
    from ui import app as uiapp
    from ui import i18n

    qt_app = uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    i18n.install_translations("zh")
    db = build_demo(tmp / "ipguard-demo.sqlite")
    store = open_store(db)
    user = sign_in(store, "admin", DEMO_PASSWORD)
    _illustrate(store, user.id)
    from ui.main_window import MainWindow
    from ui.session import Session

    window = MainWindow(Session(store=store, user=user))
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        window.resize(width, height)
        for name, bring in SHOTS:
            if wanted and name not in wanted:
                continue
            bring(window)
            for _ in range(3):
                qt_app.processEvents()
            path = OUT / f"{name}-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
    session = window.session
    for name, factory in DIALOG_SHOTS:
        if wanted and name not in wanted:
            continue
        dialog = factory(session)
        dialog.show()
        qt_app.processEvents()
        path = OUT / f"{name}.png"
        dialog.grab().save(str(path))
        dialog.done(0)
        print(path)
    english = [(n, b) for n, b in SHOTS if n in ENGLISH_SHOTS and (not wanted or n in wanted)]
    if english:
        i18n.switch_language("en")
        session.lang = "en"
        session.signals.language_changed.emit("en")
        window.resize(*SIZES[0])
        for name, bring in english:
            bring(window)
            for _ in range(3):
                qt_app.processEvents()
            path = OUT / f"{name}_en-{SIZES[0][0]}x{SIZES[0][1]}.png"
            window.grab().save(str(path))
            print(path, window.width(), "px wide")
        i18n.switch_language("zh")
    window.close()
    store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
