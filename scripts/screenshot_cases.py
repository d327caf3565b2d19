"""Screenshots of the case list and the intake dialog at 1366×768 (offscreen).

    python scripts/screenshot_cases.py [OUT_DIR=docs/screenshots]

Builds the demo database (:func:`ipguard.demo.build.build_demo`) in a
temporary directory, signs in as the demo account manager 张伟 and writes
``cases_list.png`` and ``intake_dialog.png``. Chinese needs a CJK font
installed (e.g. Debian's fonts-wqy-microhei).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE = (1366, 768)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QDate
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from ipguard.demo import names
    from ipguard.demo.build import build_demo
    from ipguard.store import open_store
    from ui.dialogs.intake import IntakeDialog
    from ui.pages.cases import CaseListPage
    from ui.session import Session

    app = QApplication.instance() or QApplication([])
    app.setFont(QFont("WenQuanYi Micro Hei", 10))
    path = Path(tempfile.mkdtemp(prefix="ipguard-shots-")) / "demo.db"
    build_demo(path, seed=2026, today=dt.date(2026, 11, 20))
    store = open_store(path)
    user = store.repos.users.by_username("zhangwei")
    assert user is not None
    session = Session(store, user)

    page = CaseListPage(session)
    page.setWindowTitle("案件")
    page.resize(*SIZE)
    page.show()
    page.table.selectRow(2)
    app.processEvents()
    page.grab().save(str(out_dir / "cases_list.png"))

    dialog = IntakeDialog(session)
    dialog.resize(min(dialog.width(), SIZE[0]), min(dialog.height(), SIZE[1] - 40))
    rng = random.Random(7)
    dialog.name.setText("上海张江芯微半导体科技有限公司")
    dialog.uscc.setText(names.make_uscc(rng)[:-1] + "0")  # a wrong check character: shows the red mark and message
    dialog.industry.setText("集成电路")
    dialog.address.setText("上海市浦东新区张江路1号")
    dialog.founded_on.setDate(QDate(2015, 6, 1))
    dialog.contact_name.setText("王芳")
    dialog.contact_phone.setText("13800000000")
    dialog.controller_name.setText("李强")
    dialog.resident_id.setText(names.make_resident_id(rng))
    dialog.show()
    app.processEvents()
    dialog.grab().save(str(out_dir / "intake_dialog.png"))

    dialog.tabs.setCurrentWidget(dialog.assets)
    dialog.assets.add_row()
    dialog.assets.number.setText(names.make_patent_number(rng, 2021, "1"))
    dialog.assets.title_edit.setText("一种低功耗神经网络加速芯片及其控制方法")
    dialog.assets.grant.setDate(QDate(2023, 5, 10))
    dialog.assets.add_row()
    dialog.assets.number.setText("ZL202120123456.1")
    app.processEvents()
    dialog.grab().save(str(out_dir / "intake_dialog_assets.png"))
    store.close()
    for name in ("cases_list.png", "intake_dialog.png", "intake_dialog_assets.png"):
        print(out_dir / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
