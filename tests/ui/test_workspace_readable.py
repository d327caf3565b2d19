"""What the workspace shows a reader: formatted screening figures, the audit in Chinese, void copies previewed, scrolling tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget

from ipguard import workflow
from tests import workflow_helpers as wh
from ui.session import Session
from ui.workspace import CaseWorkspace


def _workspace(qtbot, session: Session, case_id: int) -> CaseWorkspace:
    ws = CaseWorkspace(session, case_id)
    qtbot.addWidget(ws)
    ws.resize(1200, 620)
    ws.show()
    return ws


def _column(table, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_tabs_scroll_and_the_tab_api_speaks_of_the_tabs(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    tabs = ws.tab_widget
    assert all(isinstance(QTabWidget.widget(tabs, i), QScrollArea) for i in range(tabs.count()))  # Qt's own pages
    intake = ws.tab("IntakeTab")
    assert tabs.widget(0) is intake and tabs.indexOf(intake) == 0
    assert ws.show_tab("TimelineTab") is tabs.currentWidget()
    # A tall tab no longer makes the workspace taller than a 768-pixel screen allows.
    assert ws.minimumSizeHint().height() < 600


def test_screening_figures_are_formatted(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    wh.to_committee(store, case_id, cast)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    table = ws.tab("ScreeningTab").table
    labels, values, thresholds = _column(table, 0), _column(table, 1), _column(table, 2)
    row = dict(zip(labels, zip(values, thresholds, strict=True), strict=True))
    assert row["年销售额"][0].endswith("万元") and row["年销售额"][1].startswith("> ")
    assert row["销贷比"][0].endswith("%") and row["销贷比"][1].startswith("原则上 ≤ ")
    assert row["可质押知识产权"][0].endswith("项")
    assert row["企业信用记录"] == ("良好", "良好")
    assert not any(v.replace(".", "").isdigit() for v in values + thresholds)  # no raw "41310000.00"


def test_audit_history_reads_in_chinese(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    wh.to_in_force(store, case_id, cast)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    audit = ws.tab("TimelineTab").audit
    subjects, actions, changes = _column(audit, 3), _column(audit, 4), _column(audit, 5)
    assert any(s.startswith("贷款") for s in subjects) and "放款" in actions
    text = "\n".join(subjects + actions + changes)
    assert "amount_fen" not in text and "loan " not in text and "disburse" not in text
    assert any("元" in c and "," in c for c in changes)  # money in yuan with thousands separators


def test_void_copy_is_previewed_and_marked(qtbot, qt_env, store, cast, monkeypatch):
    case_id = wh.open_case(store, cast)
    wh.to_committee(store, case_id, cast)
    wh.approve(store, case_id, cast)
    workflow.issue_intent_letter(store, case_id, cast.a, issue_date=wh.day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)  # 银行审批: reissue allowed
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    tab = ws.tab("DocumentsTab")
    assert tab.select_kind("intent_letter")
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: "银行要求更正")
    assert tab.reissue_selected()
    void_row = next(i for i, r in enumerate(tab.rows) if r.status == "void")
    tab.table.selectRow(void_row)
    assert tab.preview.page_count() >= 1  # the void copy's own pages
    assert "已作废" in tab.preview.caption.text() and tab.preview.caption.isVisibleTo(tab)
    assert not tab.print_button.isEnabled() and not tab.reissue_button.isEnabled()
    assert "只能预览" in tab.print_button.toolTip()
