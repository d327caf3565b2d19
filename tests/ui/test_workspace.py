"""The case workspace: opening from the list, the stage bar, refused actions explained, underwriting by clicks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from ipguard.domain import Stage
from ipguard.workflow import committee
from tests import workflow_helpers as wh
from ui import errors as uierrors
from ui.session import Session
from ui.workspace.stage_bar import CURRENT, DONE, PENDING


@pytest.fixture
def boxes(monkeypatch):
    """Modal boxes never block: record what would have been shown."""
    shown: list[str] = []
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: shown.append(text))
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: shown.append(text) or False)
    return shown




def click(qtbot, button) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_open_from_case_list_shows_workspace_and_stage_bar(qtbot, store, boxes):
    from ui.main_window import MainWindow

    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    window = MainWindow(Session(store, c.a))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("cases")
    page.apply_filters()
    assert page.select_case(case_id)
    rect = page.table.visualRect(page.table.currentIndex())
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.case_opened):
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_key() == "case"
    ws = window.case_desk.current()
    assert ws.case_id == case_id
    bar = ws.stage_bar
    assert bar.states[Stage.INTAKE] == CURRENT and bar.states[Stage.SCREENING] == PENDING
    assert bar.waiting.text().startswith("当前等待：业务清单尚缺")
    # Esc goes back to the list.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ws.tab_widget.setFocus()
    qtbot.keyClick(ws.tab_widget, Qt.Key.Key_Escape)
    assert window.current_key() == "cases"


def test_refused_actions_are_disabled_with_the_reason(qtbot, store, boxes, open_workspace):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    ws = open_workspace(store, c.b, case_id)  # the risk manager at intake
    submit = ws.tab("ScreeningTab").submit_button
    assert not submit.isEnabled()
    assert "没有“客户经理(A角)" in submit.toolTip() and c.b.display_name in submit.toolTip()
    assert ws.withdraw_button.isEnabled() is False and "不能撤回" in ws.withdraw_button.toolTip()
    # The account manager may submit.
    ws_a = open_workspace(store, c.a, case_id)
    assert ws_a.tab("ScreeningTab").submit_button.isEnabled()
    # At the committee, the case's own account manager may not vote.
    wh.to_committee(store, case_id, c)
    ws_a.reload()
    vote_button = ws_a.tab("CommitteeTab").vote_button
    assert not vote_button.isEnabled() and vote_button.toolTip()
    assert not boxes


def test_underwriting_through_the_widgets(qtbot, store, boxes, monkeypatch, open_workspace):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    ws_a = open_workspace(store, c.a, case_id)
    ws_b = open_workspace(store, c.b, case_id)
    screening = ws_a.tab("ScreeningTab")
    click(qtbot, screening.submit_button)
    assert ws_a.case.stage is Stage.SCREENING and screening.table.rowCount() == 8
    assert "✓ 通过" in screening.table.item(0, 3).text()
    ws_b.reload()
    click(qtbot, ws_b.tab("ScreeningTab").pass_button)
    ws_a.reload()
    valuation = ws_a.tab("ValuationTab")
    marks = [valuation.chain.item(r, 3).text() for r in range(valuation.chain.rowCount())]
    assert "✓ 决定额度" in marks
    click(qtbot, valuation.confirm_button)
    assert ws_a.case.stage is Stage.INVESTIGATION
    inv_a = ws_a.tab("InvestigationTab")
    inv_a.opinion.setPlainText("企业技术领先，建议同意担保。")
    click(qtbot, inv_a.a_button)
    assert not inv_a.submit_button.isEnabled() and "B角" in inv_a.submit_button.toolTip()
    ws_b.reload()
    click(qtbot, ws_b.tab("InvestigationTab").b_button)
    click(qtbot, ws_b.tab("InvestigationTab").submit_button)
    assert store.repos.cases.get(case_id).stage is Stage.COMMITTEE
    # The chair records attendance; everyone present votes in their own session.
    chair = open_workspace(store, c.members[0], case_id)
    tab = chair.tab("CommitteeTab")
    assert tab.members.count() == len(c.members)
    for i in range(tab.members.count()):
        tab.members.item(i).setCheckState(Qt.CheckState.Checked)
    click(qtbot, tab.attendance_button)
    assert committee.attendance(store, case_id) == sorted(m.id for m in c.members)
    for i, member in enumerate(c.members):
        ws_m = open_workspace(store, member, case_id)
        tab_m = ws_m.tab("CommitteeTab")
        choice = "approve_with_conditions" if i == 0 else "approve"
        tab_m.choices[choice].setChecked(True)
        tab_m.comment.setText("落实实际控制人反担保" if i == 0 else "同意")
        click(qtbot, tab_m.vote_button)
        assert not tab_m.vote_button.isEnabled() and "已经投过票" in tab_m.vote_button.toolTip()
    chair.reload()
    assert chair.tab("CommitteeTab").votes.rowCount() == len(c.members)
    monkeypatch.setattr(type(tab), "meeting_date", lambda self: dt.date(2026, 11, 20))
    click(qtbot, tab.decide_button)
    assert not boxes
    decided = committee.decision_of(store, case_id)
    assert decided.decision == "approve_with_conditions" and decided.conditions == ("落实实际控制人反担保",)
    assert store.repos.cases.get(case_id).stage is Stage.INTENT_LETTER
    assert decided.resolution_no in tab.decision.text()
    assert chair.stage_bar.states[Stage.COMMITTEE] == DONE


def test_stale_version_offers_reload_and_saves_nothing(qtbot, store, boxes, open_workspace):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    ws = open_workspace(store, c.a, case_id)
    store_version = store.repos.cases.get(case_id).version
    from ipguard import intake

    item = store.repos.cases.checklist(case_id)[0]
    intake.set_checklist_item(store, case_id, item.code, "received", c.a, paper_original=True, expected_version=store.repos.cases.get(case_id).version)  # someone else saves meanwhile
    click(qtbot, ws.tab("ScreeningTab").submit_button)
    assert boxes and "其他人修改" in boxes[0]
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE
    assert store.repos.cases.get(case_id).version == store_version + 1


def test_decline_asks_for_a_reason(qtbot, store, boxes, monkeypatch, open_workspace):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    ws = open_workspace(store, c.a, case_id)
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: None)
    click(qtbot, ws.decline_button)
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: "企业主营业务不符合产品定位")
    click(qtbot, ws.decline_button)
    assert store.repos.cases.get(case_id).stage is Stage.DECLINED
    assert ws.stage_bar.terminal.isVisible() and "否决" in ws.stage_bar.terminal.text()


def test_intake_tab_refuses_bad_figures_and_lists_assets(qtbot, store, boxes, open_workspace):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    ws = open_workspace(store, c.a, case_id)
    tab = ws.tab("IntakeTab")
    before = store.repos.cases.financials(case_id)
    tab.money["annual_sales"].setText("-5")
    click(qtbot, tab.save_button)
    assert boxes and boxes[-1].startswith(("年销售额", "annual_sales"))
    assert store.repos.cases.financials(case_id) == before
    tab.money["annual_sales"].setText("8,800,000")
    click(qtbot, tab.save_button)
    assert store.repos.cases.financials(case_id).annual_sales == 880_000_000
    assets = ws.tab("AssetsTab")
    assert assets.model.rowCount() == len(store.repos.cases.assets(case_id)) > 0
    assert assets.warnings.rowCount() >= 1  # at least the 流质 reminder
    timeline = ws.tab("TimelineTab")
    assert timeline.audit.rowCount() > 0 and "尚未放款" in timeline.turnaround.text()


def test_tabs_are_built_when_first_shown(qtbot, store, boxes, open_workspace):
    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    ws = open_workspace(store, c.a, case_id)
    assert [type(t).__name__ for t in ws.built_tabs()] == ["IntakeTab"]  # opening builds the tab shown only
    assert ws.tab_widget.tabText(ws.tab_widget.count() - 1)  # every tab is listed all the same
    ws.tab_widget.setCurrentIndex(2)  # a click on a tab builds it, refreshed and with its actions bound
    screening = ws.tab_widget.currentWidget()
    assert type(screening).__name__ == "ScreeningTab" and screening in ws.built_tabs()
    assert all(button.toolTip() for button, _key in screening.bound_actions() if not button.isEnabled())
    letter = ws.tab("LetterTab")  # asked for: built on demand, not shown
    assert letter is not None and letter in ws.built_tabs() and ws.tab_widget.currentWidget() is screening
    assert ws.show_tab("TimelineTab") is ws.tab_widget.currentWidget()
    assert len(ws.tabs) == ws.tab_widget.count() == len(ws.built_tabs())
