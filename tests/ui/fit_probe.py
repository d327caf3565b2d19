"""Run in a subprocess by test_fit_screen.py: a window on an offscreen screen of a given size, switched to English.

Prints one JSON line: the screen's available geometry, the window's frame and the status bar's global geometry.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> int:
    from PySide6.QtCore import QPoint, QSettings
    from PySide6.QtWidgets import QApplication

    from ipguard.store import open_store
    from tests import workflow_helpers as wh
    from ui import app as uiapp
    from ui import i18n
    from ui.main_window import MainWindow
    from ui.session import Session

    work = Path(tempfile.mkdtemp())
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings"))
    app = uiapp.ensure_application()
    i18n.install_translations("zh")
    store = open_store(work / "fit.sqlite")
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    window = MainWindow(Session(store, c.a))
    window.show()
    settings = window.show_page("settings")
    panel = settings.show_section("language")
    panel.combo.setCurrentIndex(panel.combo.findData("en"))
    panel.apply_button.click()
    out = {}
    for key in ("dashboard", "cases", "settings", "case"):
        if key == "case":
            window.case_desk.open_case(case_id)
        window.show_page(key)
        for _ in range(5):
            app.processEvents()
        bar = window.statusBar()
        top_left = bar.mapToGlobal(QPoint(0, 0))
        out[key] = {"frame": list(window.frameGeometry().getRect()),
                    "status": [top_left.x(), top_left.y(), bar.width(), bar.height()],
                    "status_visible": bar.isVisible()}
    avail = QApplication.primaryScreen().availableGeometry()
    out["available"] = [avail.x(), avail.y(), avail.width(), avail.height()]
    out["lang"] = window.nav.item(0).text()
    print(json.dumps(out), flush=True)
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
