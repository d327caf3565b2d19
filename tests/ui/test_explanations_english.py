"""The English window words every rule explanation in English (issue 19 item 3), from the same stored assessment."""

from __future__ import annotations

import re

from ipguard import workflow
from tests import workflow_helpers as wh
from ui import i18n
from ui.session import Session
from ui.workspace import CaseWorkspace

CJK = re.compile("[\u4e00-\u9fff]")


def _valued_case(store, cast) -> int:
    case_id = wh.open_case(store, cast)
    wh.receive_all(store, case_id, cast)
    workflow.submit_for_screening(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, cast.b, expected_version=store.repos.cases.get(case_id).version)
    return case_id


def _cells(table, columns) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount()) for c in columns if table.item(r, c)]


def _tabs(qtbot, store, cast, case_id):
    ws = CaseWorkspace(Session(store, cast.a), case_id)
    qtbot.addWidget(ws)
    ws.resize(1300, 740)
    ws.show()
    return ws.tab("ScreeningTab"), ws.tab("ValuationTab")


def test_screening_and_valuation_tabs_word_the_explanations_in_the_window_language(qtbot, qt_env, store, cast):
    case_id = _valued_case(store, cast)
    i18n.install_translations("en")
    try:
        screening, valuation = _tabs(qtbot, store, cast, case_id)
        criteria = _cells(screening.table, range(5))
        working = _cells(valuation.assets, [6])  # the other columns hold the asset's own title and number
        chain = _cells(valuation.chain, range(4))
        assert screening.table.rowCount() == 8 and len(working) == valuation.assets.rowCount() > 0 and chain
        shown = [*criteria, *working, *chain, valuation.fee.text(), valuation.headline.text()]
        assert not [t for t in shown if CJK.search(t)], [t for t in shown if CJK.search(t)]
        assert any(t.startswith("annual sales ") and " yuan, above the minimum " in t for t in criteria)
        assert any(t.startswith("guarantee amount ") for t in [valuation.fee.text()])
    finally:
        i18n.install_translations("zh")
    # The same stored assessment in a Chinese window.
    screening, valuation = _tabs(qtbot, store, cast, case_id)
    assert any(t.startswith("年销售额 ") and "元，高于准入标准" in t for t in _cells(screening.table, [4]))
    assert all(CJK.search(t) for t in _cells(valuation.assets, [6]))
    assert valuation.fee.text().startswith("担保额 ")
