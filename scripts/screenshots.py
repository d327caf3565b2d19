"""Screenshots of the desktop client for docs/screenshots/, taken as a user sees them.

    python scripts/screenshots.py               # every shot
    python scripts/screenshots.py my_work       # only the named shots

Starts its own X server (Xvfb, one 1366×768 screen: the narrowest supported)
and window manager (openbox), so the window has its title bar and frame; runs
the client on Qt's xcb platform against the demo database, built in a scratch
folder, signed in as the demo admin with the window maximised; and grabs the
whole screen with ImageMagick (``import -window root``). Each PNG is then
reduced to a 256-colour palette with pngquant when it is installed. Both
servers are stopped at the end.

Needs (Debian): ``xvfb openbox imagemagick fonts-wqy-microhei``, optionally
``pngquant``. To add a shot, add one line to :data:`SHOTS`: the file name and
how to bring the page to the front (``w`` is the
:class:`ui.main_window.MainWindow`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SCREEN = (1366, 768)
SETTLE_S = 0.6  # for the window manager to map and frame a window and the client to paint it

# One line per shot: file name (without .png), and how to bring it to the front.
SHOTS: list[tuple[str, Callable]] = [
    ("dashboard", lambda w: w.show_page("dashboard")),
    ("my_work", lambda w: _my_work(w)),
    ("cases_list", lambda w: w.show_page("cases")),
    ("workspace_valuation", lambda w: _open_case(w, ("valuation", "investigation", "committee"), "ValuationTab")),
    ("workspace_screening", lambda w: _open_case(w, ("screening", "valuation", "intake"), "ScreeningTab")),
    ("workspace_letter", lambda w: _open_case(w, ("bank_approval", "contracts", "intent_letter"), "LetterTab")),
    ("workspace_in_force", lambda w: _open_case(w, ("in_force",), "TimelineTab")),
    ("settings_product", lambda w: w.show_page("settings").show_section("product")),
]
# Shots with a message box in front: name, and what makes the box appear (it blocks until closed).
MESSAGE_SHOTS: list[tuple[str, Callable]] = [
    ("error_message", lambda w: _wrong_interest_rate(w)),
]
# Shots in English: name, as in SHOTS (saved as <name>_en.png).
ENGLISH_SHOTS = ("dashboard",)


def _my_work(window) -> None:
    """The 待办 page once its list has been read (in the background)."""
    from PySide6.QtCore import QThreadPool

    page = window.show_page("mywork")
    page.refresh()
    QThreadPool.globalInstance().waitForDone()


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


def _wrong_interest_rate(window) -> None:
    """The bank's decision with the rate typed as "abc": the refusal names the field."""
    _open_case(window, ("bank_approval",), "LetterTab")
    letter = window.case_desk.current().tab("LetterTab")
    letter.approved_radio.setChecked(True)
    letter.rate.setText("abc")
    letter.record_decision()


# -- the display ------------------------------------------------------------------------------------


def _start_display() -> list[subprocess.Popen]:
    """Xvfb on a free display number and openbox on it; DISPLAY set for this process."""
    for tool in ("Xvfb", "openbox", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install xvfb openbox imagemagick fonts-wqy-microhei")
    number = next(n for n in range(99, 199) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    display = f":{number}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if xvfb.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("Xvfb did not start")
        time.sleep(0.05)
    os.environ["DISPLAY"] = display
    wm = subprocess.Popen(["openbox"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(SETTLE_S)
    return [wm, xvfb]


def _stop(processes: list[subprocess.Popen]) -> None:
    for proc in processes:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()


def _settle(app) -> None:
    end = time.monotonic() + SETTLE_S
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _grab(path: Path) -> None:
    """The whole screen, as a user sees it, reduced to a palette when pngquant is there."""
    subprocess.run(["import", "-window", "root", str(path)], check=True)
    if shutil.which("pngquant"):
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--output", str(path), "256", str(path)],
                       check=False)  # fmt: skip
    print(path, f"{path.stat().st_size // 1024} KB")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--here"]:  # the client's own process, on the display started below
        tmp = Path(tempfile.mkdtemp(prefix="ipguard-shots-"))
        try:
            return _shoot(set(argv[1:]), tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    servers = _start_display()
    try:
        # The client runs in a child process, so the servers are stopped even if it aborts.
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", IPGUARD_NO_AUTOBACKUP="1")
        return subprocess.run([sys.executable, str(Path(__file__).resolve()), "--here", *argv], env=env).returncode
    finally:
        _stop(servers)


def _shoot(wanted: set[str], tmp: Path) -> int:
    # The demo database lives in a scratch folder standing in for the home folder, so the
    # status bar reads "~/ipguard-demo.sqlite" rather than a temporary path.
    os.environ["HOME"] = str(tmp)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ipguard.auth import sign_in
    from ipguard.demo.build import DEMO_PASSWORD, build_demo
    from ipguard.store import open_store
    from ui import app as uiapp
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.session import Session

    qt_app = uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    i18n.install_translations("zh")
    db = build_demo(tmp / "ipguard-demo.sqlite")
    store = open_store(db)
    user = sign_in(store, "admin", DEMO_PASSWORD)
    window = MainWindow(Session(store=store, user=user))
    window.showMaximized()
    OUT.mkdir(parents=True, exist_ok=True)

    def shots(pairs, suffix: str = "") -> None:
        for name, bring in pairs:
            if wanted and name not in wanted:
                continue
            bring(window)
            _settle(qt_app)
            _grab(OUT / f"{name}{suffix}.png")

    shots(SHOTS)
    for name, show in MESSAGE_SHOTS:
        if wanted and name not in wanted:
            continue

        poll = QTimer()

        def grab_and_close(name: str = name, poll: QTimer = poll) -> None:
            box = QApplication.activeModalWidget()
            if not isinstance(box, QMessageBox):
                return  # not up yet: the timer runs inside the box's own event loop once it is
            poll.stop()
            _settle(qt_app)
            _grab(OUT / f"{name}.png")
            box.close()

        poll.timeout.connect(grab_and_close)
        poll.start(100)
        show(window)
        poll.stop()
    english = [(n, b) for n, b in SHOTS if n in ENGLISH_SHOTS]
    if english and (not wanted or wanted & set(ENGLISH_SHOTS)):
        session = window.session
        i18n.switch_language("en")
        session.lang = "en"
        session.signals.language_changed.emit("en")
        shots(english, "_en")
    window.close()
    QApplication.processEvents()  # deliver what the window still has queued while its store is open
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
