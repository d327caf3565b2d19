"""撤销上一步… in the case workspace: enabled only when the core allows it, a dialog naming the consequence and
asking the reason, the workspace and its timeline reloaded after it (issue 15)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ipguard.domain import Stage
from ui import errors as uierrors


def test_undo_the_bank_decision_through_the_button_and_dialog(qtbot, store, c, case_at, monkeypatch, qt_env, open_workspace):
    case_id = case_at(Stage.CONTRACTS)
    ws = open_workspace(store, c.a, case_id)
    assert ws.undo_button.isEnabled(), ws.undo_button.toolTip()
    seen = []

    def fill(dialog):
        seen.append(dialog.consequence.text())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.result() == 0 and "原因" in dialog.hint.text()  # no reason yet: it stays open and says why
        dialog.reason.setPlainText("银行批准金额录错")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(uierrors, "exec_dialog", fill)
    version = store.repos.cases.get(case_id).version
    qtbot.mouseClick(ws.undo_button, Qt.MouseButton.LeftButton)
    assert "“签约”退回“银行审批”" in seen[0] and "银行审批结果（批准" in seen[0], seen
    case = store.repos.cases.get(case_id)
    assert case.stage is Stage.BANK_APPROVAL and case.version == version + 1
    assert store.repos.closing.bank_decision(case_id) is None
    assert ws.case.stage is Stage.BANK_APPROVAL  # reloaded
    timeline = ws.tab("TimelineTab").events
    notes = [timeline.model().index(r, 4).data() for r in range(timeline.model().rowCount())]
    assert "撤销上一步：银行批准金额录错" in notes
    assert not ws.undo_button.isEnabled() and "撤销" in ws.undo_button.toolTip()  # an undo is not undone
    assert not qt_env  # no error shown


def test_the_button_is_greyed_with_the_core_reason(qtbot, store, c, case_at, monkeypatch, open_workspace):
    case_id = case_at(Stage.BANK_APPROVAL)
    ws = open_workspace(store, c.a, case_id)
    assert not ws.undo_button.isEnabled()
    assert "意向函" in ws.undo_button.toolTip() and "重新出具" in ws.undo_button.toolTip()


def test_cancelling_the_dialog_changes_nothing(qtbot, store, c, case_at, monkeypatch, open_workspace):
    case_id = case_at(Stage.SCREENING)
    ws = open_workspace(store, c.a, case_id)
    monkeypatch.setattr(uierrors, "exec_dialog", lambda dialog: 0)
    qtbot.mouseClick(ws.undo_button, Qt.MouseButton.LeftButton)
    assert store.repos.cases.get(case_id).stage is Stage.SCREENING


def test_a_refusal_meanwhile_is_shown_like_other_errors(qtbot, store, c, case_at, monkeypatch, boxes, open_workspace):
    from ipguard import workflow

    case_id = case_at(Stage.CONTRACTS)
    ws = open_workspace(store, c.a, case_id)
    # someone records a contract after the workspace was loaded: the core now refuses
    workflow.record_contract(store, case_id, c.ops, kind="guarantee", contract_no="HT-9",
                             expected_version=store.repos.cases.get(case_id).version)
    monkeypatch.setattr(uierrors, "exec_dialog", lambda dialog: (_ for _ in ()).throw(AssertionError("no dialog")))
    qtbot.mouseClick(ws.undo_button, Qt.MouseButton.LeftButton)
    assert boxes and "合同" in boxes[-1][2], boxes
    assert store.repos.cases.get(case_id).stage is Stage.CONTRACTS
