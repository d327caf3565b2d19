"""Quitting is orderly: ten scripted start + quit runs of the real client, none crashes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ipguard.store import open_store
from tests import workflow_helpers as wh

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from ipguard import auth
    import ui.app as shell
    from ui import errors as uierrors

    def report(parent, text):  # an unexpected error: printed, never a modal dialog that would hang the run
        print("UNEXPECTED", text, file=sys.stderr, flush=True)
        import os
        os._exit(3)

    uierrors.show_exception_dialog = report

    shell.sign_in = lambda store, parent=None: auth.sign_in(store, "am", sys.argv[2])

    def quit_soon():
        from PySide6.QtWidgets import QApplication
        from ui.main_window import MainWindow

        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        window.case_desk.open_case(int(sys.argv[3]))  # a case open, its timers and drafts live
        QTimer.singleShot(0, window.quit_action.trigger)  # File → 退出, as the user quits

    QTimer.singleShot(0, quit_soon)
    sys.exit(shell.run_app(sys.argv[1], "zh"))
    """
)


@pytest.mark.slow
def test_ten_quits_in_a_row_exit_cleanly(tmp_path):
    from tests import factories

    db = tmp_path / "quit.sqlite"
    store = open_store(db)
    cast = wh.cast(store)
    case_id = wh.open_case(store, cast)
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", IPGUARD_NO_AUTOBACKUP="", XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_DATA_HOME=str(tmp_path / "data"), PYTHONFAULTHANDLER="1")  # fmt: skip
    env.pop("IPGUARD_NO_AUTOBACKUP")  # the automatic backup runs on a pool thread while quitting
    for run in range(10):
        proc = subprocess.run([sys.executable, "-c", SCRIPT, str(db), factories.PASSWORD, str(case_id)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
        assert proc.returncode == 0, f"run {run}: exit {proc.returncode}\\n{proc.stderr[-3000:]}"
        assert "Fatal Python error" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr[-3000:]
