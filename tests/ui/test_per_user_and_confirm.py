"""Per-user state stays per user (votes, opinions) and irreversible steps ask first, naming the consequence."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ipguard import workflow
from ipguard.domain import Stage
from ipguard.workflow.committee import my_vote, votes
from tests import workflow_helpers as wh
from ui import errors as uierrors
from ui.session import Session
from ui.workspace import CaseWorkspace


def _workspace(qtbot, session: Session, case_id: int) -> CaseWorkspace:
    ws = CaseWorkspace(session, case_id)
    qtbot.addWidget(ws)
    ws.resize(1300, 740)
    ws.show()
    return ws


def _sign_in(ws: CaseWorkspace, user) -> None:
    """What the window's 切换用户 does once sign-in succeeded: the session's user changes, the signal fires."""
    ws.session.user = user
    ws.session.signals.user_changed.emit()


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_two_members_vote_in_turn_in_one_window_without_leaking(qtbot, qt_env, store, cast, confirmations):
    case_id = wh.open_case(store, cast)
    wh.to_committee(store, case_id, cast)
    first, second = cast.members[0], cast.members[1]
    workflow.record_attendance(store, case_id, [m.id for m in cast.members], first, expected_version=store.repos.cases.get(case_id).version)
    ws = _workspace(qtbot, Session(store, first), case_id)
    tab = ws.tab("CommitteeTab")
    tab.choices["approve"].setChecked(True)
    tab.comment.setText("同意，估值合理")
    _click(qtbot, tab.vote_button)
    assert confirmations and confirmations[-1][0] == "投票" and "同意" in confirmations[-1][1]
    # The second member signs in to the same window: an empty form, nothing of the first member's.
    _sign_in(ws, second)
    assert not any(r.isChecked() for r in tab.choices.values())
    assert tab.comment.text() == "" and tab.vote_button.isEnabled()
    tab.choices["decline"].setChecked(True)
    tab.comment.setText("质押物集中度过高")
    _click(qtbot, tab.vote_button)
    cast_votes = {v.member_id: (v.vote, v.comment) for v in votes(store, case_id)}
    assert cast_votes == {first.id: ("approve", "同意，估值合理"), second.id: ("decline", "质押物集中度过高")}
    # Back to the first member: their own vote is shown, and they may change it until the resolution.
    _sign_in(ws, first)
    assert tab.choices["approve"].isChecked() and tab.comment.text() == "同意，估值合理"
    assert not tab.vote_button.isEnabled() and tab.change_button.isEnabled()
    tab.choices["approve_with_conditions"].setChecked(True)
    tab.comment.setText("追加反担保")
    _click(qtbot, tab.change_button)
    assert (my_vote(store, case_id, first).vote, my_vote(store, case_id, first).comment) == ("approve_with_conditions", "追加反担保")
    assert my_vote(store, case_id, second).comment == "质押物集中度过高"
    assert not qt_env


def test_b_opinion_is_its_own_and_not_carried_to_another_user(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    wh.receive_all(store, case_id, cast)
    workflow.submit_for_screening(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, cast.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    inv = ws.tab("InvestigationTab")
    inv.opinion.setPlainText("A 的未保存草稿")
    _sign_in(ws, cast.b)
    assert inv.opinion.toPlainText() == ""  # A's unsaved text is not shown to B
    inv.b_opinion.setPlainText("风险可控，同意")
    _click(qtbot, inv.b_button)
    assert inv.b_opinion.toPlainText() == "风险可控，同意"  # stays visible after signing
    assert workflow.committee.investigation_report(store, case_id).b_opinion == "风险可控，同意"


def test_release_asks_first_naming_the_consequence_and_cancel_does_nothing(qtbot, qt_env, store, cast, monkeypatch):
    case_id = wh.open_case(store, cast)
    wh.to_in_force(store, case_id, cast)
    ws = _workspace(qtbot, Session(store, cast.ops), case_id)
    tab = ws.tab("PostLoanTab")
    # Not before every pledge has its deregistration record: the core says so, the button shows why.
    assert not tab.release_button.isEnabled() and "注销" in tab.release_button.toolTip()
    for row in range(tab.pledges.rowCount()):
        tab.pledges.selectRow(row)
        qtbot.keyClicks(tab.dereg_ref, f"ZX2026-{row + 1:04d}")  # keyClicks types ASCII only
        _click(qtbot, tab.dereg_button)
    assert all(tab.pledges.item(r, 3).text() for r in range(tab.pledges.rowCount()))
    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(uierrors, "confirm_irreversible", lambda parent, action, text: asked.append((action, text)) or False)
    version = store.repos.cases.get(case_id).version
    _click(qtbot, tab.release_button)
    assert asked and asked[0][0] == "解除担保" and "解除" in asked[0][1] and "不能恢复" in asked[0][1]
    case = store.repos.cases.get(case_id)
    assert case.stage is Stage.IN_FORCE and case.version == version
    monkeypatch.setattr(uierrors, "confirm_irreversible", lambda parent, action, text: True)
    _click(qtbot, tab.release_button)
    assert store.repos.cases.get(case_id).stage is not Stage.IN_FORCE


def test_a_wrong_bank_rate_is_refused_naming_the_field_and_nothing_is_recorded(qtbot, qt_env, store, cast, confirmations):
    import datetime as dt

    case_id = wh.open_case(store, cast)
    wh.to_committee(store, case_id, cast)
    wh.approve(store, case_id, cast)
    workflow.issue_intent_letter(store, case_id, cast.a, issue_date=dt.date(2026, 11, 11), expected_version=store.repos.cases.get(case_id).version)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    letter = ws.tab("LetterTab")
    letter.approved_radio.setChecked(True)
    qtbot.keyClicks(letter.rate.edit, "abc")
    assert letter.rate.verdict().state == "bad" and letter.rate.verdict().message.startswith("利率")
    before = len(confirmations)
    _click(qtbot, letter.decision_button)
    assert qt_env and "利率" in qt_env[-1][2] and "interest_rate" not in qt_env[-1][2]
    assert len(confirmations) == before and store.repos.cases.get(case_id).stage is Stage.BANK_APPROVAL


def test_an_unsigned_report_opinion_is_a_draft_of_its_author_restored_after_the_tab_is_closed(qtbot, qt_env, store, cast):
    from shiboken6 import isValid

    case_id = wh.open_case(store, cast)
    wh.receive_all(store, case_id, cast)
    workflow.submit_for_screening(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, cast.b, expected_version=store.repos.cases.get(case_id).version)
    workflow.confirm_valuation(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
    session = Session(store, cast.a)
    ws = CaseWorkspace(session, case_id)
    ws.show()
    ws.tab("InvestigationTab").opinion.setPlainText("企业技术领先，尚在核实反担保")
    ws.deleteLater()  # the case tab is closed before A signs
    qtbot.waitUntil(lambda: not isValid(ws))
    again = _workspace(qtbot, session, case_id)
    assert again.tab("InvestigationTab").opinion.toPlainText() == "企业技术领先，尚在核实反担保"
    _sign_in(again, cast.b)  # B never sees A's draft
    assert again.tab("InvestigationTab").opinion.toPlainText() == ""
    _sign_in(again, cast.a)
    _click(qtbot, again.tab("InvestigationTab").a_button)
    assert workflow.committee.investigation_report(store, case_id).opinion == "企业技术领先，尚在核实反担保"


def test_letter_forms_are_drafts_restored_after_the_workspace_is_destroyed_and_cleared_once_submitted(qtbot, qt_env, store, cast):
    from shiboken6 import isValid

    from ui.widgets import drafts
    from ui.workspace.common import date_of, set_date

    case_id = wh.open_case(store, cast)
    wh.to_committee(store, case_id, cast)
    wh.approve(store, case_id, cast)
    session = Session(store, cast.a)

    def opened() -> CaseWorkspace:
        ws = CaseWorkspace(session, case_id)
        ws.show()
        return ws

    def reopen(ws: CaseWorkspace) -> CaseWorkspace:
        ws.deleteLater()  # the case tab is closed (or the window destroyed) before the form is submitted
        qtbot.waitUntil(lambda: not isValid(ws))
        return opened()

    issue_on = wh.day(store, case_id, 9)
    ws = opened()
    set_date(ws.tab("LetterTab").issue_date, issue_on)
    ws = reopen(ws)
    letter = ws.tab("LetterTab")
    assert date_of(letter.issue_date) == issue_on
    _click(qtbot, letter.issue_button)
    assert store.repos.cases.get(case_id).stage is Stage.BANK_APPROVAL
    assert drafts.load(session, f"intent_letter/{case_id}") is None  # issued: the draft is gone

    letter.refused_radio.setChecked(True)
    qtbot.keyClicks(letter.note, "needs a second valuation")
    ws = reopen(ws)
    letter = ws.tab("LetterTab")
    assert letter.refused_radio.isChecked() and letter.note.text() == "needs a second valuation"
    _sign_in(ws, cast.b)  # another user never finds it
    assert letter.approved_radio.isChecked() and letter.note.text() == ""
    _sign_in(ws, cast.a)
    assert letter.note.text() == "needs a second valuation"
    _click(qtbot, letter.decision_button)
    assert store.repos.cases.get(case_id).stage is not Stage.BANK_APPROVAL
    assert drafts.load(session, f"bank_decision/{case_id}") is None
    ws.deleteLater()


def test_the_disbursement_form_is_a_draft_until_the_loan_is_recorded(qtbot, qt_env, store, cast):
    from shiboken6 import isValid

    from ui.widgets import drafts

    case_id = wh.open_case(store, cast)
    wh.to_disbursement(store, case_id, cast)
    session = Session(store, cast.ops)
    ws = CaseWorkspace(session, case_id)
    ws.show()
    tab = ws.tab("DisbursementTab")
    tab.contract_no.clear()
    qtbot.keyClicks(tab.contract_no, "JK-2026-0099")
    ws.deleteLater()
    qtbot.waitUntil(lambda: not isValid(ws))
    ws = _workspace(qtbot, session, case_id)
    tab = ws.tab("DisbursementTab")
    assert tab.contract_no.text() == "JK-2026-0099"
    _click(qtbot, tab.record_button)
    assert store.repos.cases.get(case_id).stage is Stage.IN_FORCE
    assert drafts.load(session, f"disbursement/{case_id}") is None


def test_help_menu_lists_the_shortcuts_and_the_version(qtbot, qt_env, store, cast):
    from ipguard import __version__
    from ui.main_window import MainWindow

    window = MainWindow(Session(store, cast.a))
    qtbot.addWidget(window)
    assert window.help_menu.title() == "帮助(&H)"
    window.shortcuts_action.trigger()
    text = qt_env[-1][2]
    assert "Ctrl+N" in text and "新建案件" in text and "F5" in text and "20261201" in text
    window.about_action.trigger()
    assert __version__ in qt_env[-1][2]


def test_valuation_assets_are_visible_the_first_time_the_tab_opens(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    wh.receive_all(store, case_id, cast)
    workflow.submit_for_screening(store, case_id, cast.a, expected_version=store.repos.cases.get(case_id).version)
    workflow.pass_screening(store, case_id, cast.b, expected_version=store.repos.cases.get(case_id).version)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    table = ws.show_tab("ValuationTab").assets
    assert table.rowCount() >= 1
    # A row taller than the table put its centred text out of sight: the table looked blank until F5.
    assert table.rowHeight(0) < table.viewport().height()
    assert table.item(0, 1).text() == store.repos.cases.assets(case_id)[0].number


def test_the_stage_bar_takes_you_to_the_stage_tab(qtbot, qt_env, store, cast):
    case_id = wh.open_case(store, cast)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    label = ws.stage_bar.steps[Stage.COMMITTEE]
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert ws.tab_widget.currentWidget() is ws.tab("CommitteeTab")
    qtbot.mouseClick(ws.stage_bar.steps[Stage.VALUATION], Qt.MouseButton.LeftButton)
    assert ws.tab_widget.currentWidget() is ws.tab("ValuationTab")


def test_amend_after_the_committee_asks_first_then_sends_the_case_back(qtbot, qt_env, store, cast, monkeypatch):
    case_id = wh.open_case(store, cast)
    wh.to_committee(store, case_id, cast)
    wh.approve(store, case_id, cast)
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    assert ws.amend_button.isEnabled(), ws.amend_button.toolTip()
    answers = iter([False, True])
    asked: list[str] = []
    monkeypatch.setattr(uierrors, "confirm_irreversible", lambda parent, action, text: asked.append(text) or next(answers))
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: "企业申请调整贷款期限")
    stage = store.repos.cases.get(case_id).stage
    _click(qtbot, ws.amend_button)  # "no": nothing changes
    assert store.repos.cases.get(case_id).stage is stage and "作废" in asked[0]
    _click(qtbot, ws.amend_button)
    assert store.repos.cases.get(case_id).stage is Stage.INVESTIGATION
    assert not ws.amend_button.isEnabled()  # back before the committee: nothing to amend
