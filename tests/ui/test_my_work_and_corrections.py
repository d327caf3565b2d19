"""待办 (my work) with its counts, recent cases, 更正 in the intake tab, 改派 (admin), several checklist rows at
once — through the real widgets."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from ipguard import workflow
from ipguard.domain import Role, Stage
from tests import factories
from tests import workflow_helpers as wh
from ui import errors as uierrors
from ui import recent_cases
from ui.main_window import MainWindow
from ui.pages.my_work import MyWorkPage, WorkLoader
from ui.session import Session


@pytest.fixture
def boxes(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: shown.append(text))
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: shown.append(text) or False)
    return shown


def wait_loaded(qtbot, loader: WorkLoader) -> None:
    qtbot.waitUntil(lambda: loader.loaded and not loader.busy(), timeout=10_000)


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def window_for(qtbot, store, user) -> MainWindow:
    window = MainWindow(Session(store, user))
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    wait_loaded(qtbot, window.work_loader)
    return window


def nav_text(window, key) -> str:
    return window.nav_text(key)


# -- my work ------------------------------------------------------------------------------------------


def test_signatures_show_on_each_signers_list_and_leave_it_when_signed(qtbot, store, c):
    case_id = wh.open_case(store, c)
    wh.receive_all(store, case_id, c)
    workflow.submit_for_screening(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, c.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, c.a, expected_version=store.repos.cases.get(case_id).version)
    window = window_for(qtbot, store, c.b)
    assert nav_text(window, "mywork") == "待办（1）"
    page = window.show_page("mywork")
    assert isinstance(page, MyWorkPage) and page.model.rowCount() == 1 and page.loader is window.work_loader
    assert (page.model.index(0, 1).data(), page.model.index(0, 2).data()) == ("签字", "B角签字")
    assert page.detail.text().startswith("当前等待：调查报告尚缺A角、B角签字")  # the stage bar's line, for this case
    assert page.kind_buttons["signature"].text() == "签字 1" and page.kind_buttons["signature"].isVisible()
    assert not page.kind_buttons["vote"].isVisible()
    # The B signs in the workspace: the item leaves his list, the count with it.
    with qtbot.waitSignal(page.case_opened) as opened:
        click(qtbot, page.open_button)
    ws = window.case_desk.current()
    assert opened.args == [case_id] and ws.case_id == case_id
    click(qtbot, ws.tab("InvestigationTab").b_button)
    assert store.repos.underwriting.report_signers(case_id).b_user_id == c.b.id
    qtbot.waitUntil(lambda: nav_text(window, "mywork") == "待办", timeout=10_000)
    wait_loaded(qtbot, window.work_loader)
    assert page.model.rowCount() == 0 and page.empty_label.text() == "没有等待您处理的事项。"
    # ... and the case is among the B's recent cases.
    assert recent_cases.recent(window.session.target_key, c.b.username)[0] == case_id
    page.fill_recent()
    assert page.recent_list.item(0).text().startswith(store.repos.cases.get(case_id).case_no)


def test_votes_due_counted_on_the_dashboard_and_in_the_navigation(qtbot, store, c):
    case_id = wh.open_case(store, c)
    wh.to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    window = window_for(qtbot, store, c.members[1])
    assert nav_text(window, "mywork") == "待办（1）"
    dashboard = window.show_page("dashboard")
    assert dashboard.work_box.isVisible() and dashboard.work_box.title() == "我的待办（1 项，其中逾期 0 项）"
    assert dashboard.work_label.text() == "表决 1"
    with qtbot.waitSignal(dashboard.work_requested):
        click(qtbot, dashboard.work_button)
    assert window.current_key() == "mywork"
    page = window.page("mywork")
    assert (page.model.index(0, 1).data(), page.model.index(0, 2).data()) == ("表决", "投票")
    # Voting in another window's session: a refresh (F5) brings the list up to date.
    workflow.vote(store, case_id, c.members[1], "approve", "同意", expected_version=store.repos.cases.get(case_id).version)
    page.refresh()
    wait_loaded(qtbot, window.work_loader)
    assert page.model.rowCount() == 0 and nav_text(window, "mywork") == "待办"


def test_overdue_items_first_and_in_the_count(qtbot, store, c):
    import datetime as dt

    from ipguard import clock

    late = wh.open_case(store, c)
    wh.to_committee(store, late, c)
    wh.approve(store, late, c)
    letter = workflow.issue_intent_letter(store, late, c.a, issue_date=dt.date(2026, 11, 10), expected_version=store.repos.cases.get(late).version)
    fresh = wh.open_case(store, c, seed=4)
    with clock.frozen(dt.datetime.combine(letter.approval_deadline + dt.timedelta(days=2), dt.time(10))):
        window = window_for(qtbot, store, c.a)
        assert nav_text(window, "mywork") == "待办（2 · 逾期 1）"
        page = window.show_page("mywork")
        assert page.model.index(0, 0).data() == "逾期" and page.model.index(0, 3).data() == store.repos.cases.get(late).case_no
        assert "逾期 2 天" in page.model.index(0, 6).data()
        assert page.model.index(1, 3).data() == store.repos.cases.get(fresh).case_no
        click(qtbot, page.kind_buttons["underwriting"])
        assert page.model.rowCount() == 1 and page.model.index(0, 3).data() == store.repos.cases.get(fresh).case_no
        click(qtbot, page.kind_buttons[None])
        assert page.model.rowCount() == 2


def test_switching_user_reloads_the_list(qtbot, store, c, monkeypatch):
    case_id = wh.open_case(store, c)
    window = window_for(qtbot, store, c.a)
    page = window.show_page("mywork")
    assert page.model.rowCount() == 1
    monkeypatch.setattr(window, "prompt_sign_in", lambda: c.ops)
    window.switch_user_action.trigger()
    wait_loaded(qtbot, window.work_loader)
    assert page.model.rowCount() == 0 and nav_text(window, "mywork") == "待办"
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE  # the A's item stays the A's


# -- corrections in the intake tab ----------------------------------------------------------------------




def test_correct_intake_records_with_a_reason(qtbot, store, c, monkeypatch, open_workspace):
    case_id = wh.open_case(store, c)
    ws = open_workspace(store, c.a, case_id)
    tab = ws.tab("IntakeTab")
    assert not tab.correcting() and not tab.fix_amount.isVisible()
    click(qtbot, tab.correct_button)
    assert tab.correcting() and tab.fix["name"].text() == "上海张江芯微半导体科技有限公司"
    tab.fix["name"].setText("上海张江芯微半导体股份有限公司")  # Chinese: setText, never keyClicks
    tab.fix_amount.setText("")
    qtbot.keyClicks(tab.fix_amount.edit, "150")
    tab.fix_amount.edit.insert("万")
    assert tab.fix_amount.verdict().state == "ok"
    tab.fix_term.setValue(18)
    asked: list[str] = []
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: asked.append(title) or "申请书填写有误，按企业来函更正")
    click(qtbot, tab.save_fix_button)
    assert asked == ["更正受理资料"]
    case = store.repos.cases.get(case_id)
    assert (case.requested_amount, case.term_months) == (150_000_000, 18)
    assert store.repos.companies.get(case.company_id).name == "上海张江芯微半导体股份有限公司"
    assert not tab.correcting() and tab.company_labels["name"].text() == "上海张江芯微半导体股份有限公司"
    assert "150.00万元" in ws.fields["requested"].text()
    rows = store.query("SELECT after_json FROM audit_log WHERE case_id = ? AND action = 'correct'", [case_id])
    assert all(json.loads(r["after_json"])["reason"] == "申请书填写有误，按企业来函更正" for r in rows) and len(rows) == 2


def test_a_refused_correction_keeps_the_form_and_a_cancelled_reason_changes_nothing(qtbot, store, c, monkeypatch, boxes, open_workspace):
    case_id = wh.open_case(store, c)
    other = wh.open_case(store, c, seed=9)
    ws = open_workspace(store, c.a, case_id)
    tab = ws.tab("IntakeTab")
    click(qtbot, tab.correct_button)
    taken = store.repos.companies.get(store.repos.cases.get(other).company_id).uscc
    tab.fix["uscc"].setText(taken)
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: None)
    click(qtbot, tab.save_fix_button)
    assert tab.correcting() and not boxes  # cancelled at the reason: nothing saved, nothing shown
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: "核对营业执照")
    click(qtbot, tab.save_fix_button)
    assert boxes and "已登记为另一家企业" in boxes[-1]
    assert tab.correcting() and tab.fix["uscc"].text() == taken  # kept as typed, to be fixed
    click(qtbot, tab.cancel_fix_button)
    assert not tab.correcting()
    # Nothing changed: saying so, not asking for a reason.
    click(qtbot, tab.correct_button)
    click(qtbot, tab.save_fix_button)
    assert boxes[-1] == "没有需要更正的内容。"


def test_correction_is_offered_until_the_committee_only(qtbot, store, c, open_workspace):
    case_id = wh.open_case(store, c)
    wh.to_committee(store, case_id, c)
    ws = open_workspace(store, c.a, case_id)
    tab = ws.tab("IntakeTab")
    assert not tab.correct_button.isEnabled()
    assert "保审会" in tab.correct_button.toolTip(), tab.correct_button.toolTip()  # why not, in the tooltip


# -- reassignment (admin) ---------------------------------------------------------------------------------


def test_admin_reassigns_through_the_dialog(qtbot, store, c, monkeypatch, open_workspace):
    a2 = factories.user(store, "am2", Role.ACCOUNT_MANAGER)
    case_id = wh.open_case(store, c)
    clerk_ws = open_workspace(store, c.a, case_id)
    assert not clerk_ws.tab("IntakeTab").reassign_button.isEnabled()  # admin only, with the reason in the tooltip
    ws = open_workspace(store, c.admin, case_id)
    tab = ws.tab("IntakeTab")
    seen = []

    def fill(dialog):
        seen.append(dialog)
        dialog.a_combo.setCurrentIndex(dialog.a_combo.findData(a2.id))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.result() == 0 and "原因" in dialog.hint.text()  # no reason yet: stays open, says why
        dialog.reason.setPlainText("张伟调往总部，案件移交")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(uierrors, "exec_dialog", fill)
    click(qtbot, tab.reassign_button)
    case = store.repos.cases.get(case_id)
    assert case.account_manager_id == a2.id and case.risk_manager_id == c.b.id
    assert "Am2" in ws.fields["manager"].text() and "A角 Am2" in tab.people_label.text()
    assert "（现任）" in seen[0].b_combo.currentText()


def test_a_committee_member_cannot_be_made_b_through_the_dialog(qtbot, store, c, monkeypatch, boxes, open_workspace):
    sitter = factories.user(store, "sitter", Role.COMMITTEE_MEMBER, Role.RISK_MANAGER)
    case_id = wh.open_case(store, c)
    wh.to_committee(store, case_id, c)
    workflow.record_attendance(store, case_id, [m.id for m in c.members] + [sitter.id], c.members[0], expected_version=store.repos.cases.get(case_id).version)
    ws = open_workspace(store, c.admin, case_id)

    def fill(dialog):
        dialog.b_combo.setCurrentIndex(dialog.b_combo.findData(sitter.id))
        dialog.reason.setPlainText("换人")
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(uierrors, "exec_dialog", fill)
    click(qtbot, ws.tab("IntakeTab").reassign_button)
    assert boxes and "保审会" in boxes[-1] and store.repos.cases.get(case_id).risk_manager_id == c.b.id


# -- several checklist rows at once ----------------------------------------------------------------------


def test_register_several_checklist_items_in_one_click(qtbot, store, c, open_workspace):
    case_id = wh.open_case(store, c)
    ws = open_workspace(store, c.a, case_id)
    tab = ws.tab("IntakeTab")
    table = tab.checklist
    selection = table.selectionModel()
    for row in (0, 2, 3):
        selection.select(table.model().index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("received"))
    tab.paper_only.setChecked(True)  # received needs a file or the paper original (issue 18)
    version = store.repos.cases.get(case_id).version
    click(qtbot, tab.set_status_button)
    items = store.repos.cases.checklist(case_id)
    assert [i.status for i in items[:4]] == ["received", "pending", "received", "received"]
    assert store.repos.cases.get(case_id).version == version + 3  # one audited change per item
    # Ctrl+A and one click: the whole checklist.
    table.setFocus()
    table.selectAll()
    click(qtbot, tab.set_status_button)
    assert all(i.status == "received" for i in store.repos.cases.checklist(case_id))
    assert ws.tab("ScreeningTab").submit_button.isEnabled()  # the checklist no longer blocks the A
    assert store.repos.cases.get(case_id).stage is Stage.INTAKE
