"""Start the desktop client signed in, wait until it is idle, print READY, exit.

    QT_QPA_PLATFORM=offscreen python scripts/bench_startup.py --db DEMO.sqlite
    QT_QPA_PLATFORM=offscreen python scripts/bench_startup.py --bare

Used by ``python -m benchmarks`` (``startup_s`` / ``bare_window_s``): the
parent measures wall time from spawning this process to reading the READY
line, i.e. interpreter start, imports, QApplication, opening the database,
signing in (the real password check), building and showing the main window
and the first pass of the event loop. Tear-down is not counted. The sign-in
dialog is bypassed by replacing :func:`ui.app.sign_in` with a programmatic
``auth.sign_in``; everything else is :func:`ui.app.start` as shipped.
``--bare`` does the same with an empty QMainWindow, for the ratio.
The line reads ``READY <seconds since this script began>``.
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import argparse  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _ready(app) -> None:
    from PySide6.QtCore import QTimer

    def done() -> None:
        print(f"READY {time.perf_counter() - _STARTED:.4f}", flush=True)
        app.quit()

    QTimer.singleShot(0, done)


def bare() -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1200, 800)
    window.show()
    _ready(app)
    return app.exec()


def full(db: str, username: str, password: str) -> int:
    import ui.app as shell

    def sign_in(store, parent=None):
        from ipguard import auth

        return auth.sign_in(store, username, password)

    shell.sign_in = sign_in
    window = shell.start(db, "zh", hooks=True)
    if window is None:
        print("FAILED to start", file=sys.stderr)
        return 1
    app = shell.ensure_application()
    _ready(app)
    return app.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to open (e.g. a demo database)")
    parser.add_argument("--user", default="zhangwei")
    parser.add_argument("--password", default="ipguard-demo")
    parser.add_argument("--bare", action="store_true", help="a bare QMainWindow instead of the app")
    args = parser.parse_args()
    if args.bare:
        return bare()
    if not args.db:
        parser.error("--db is required unless --bare")
    return full(args.db, args.user, args.password)


if __name__ == "__main__":
    sys.exit(main())
