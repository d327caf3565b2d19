"""The later-stage workspace tabs: letter → bank → contracts → registration → notice → loan → post-loan, documents."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QPdfWriter

from ipguard import workflow
from ipguard.domain import Stage
from ipguard.workflow.postloan import recovery_summary
from ui import errors as uierrors
from ui.session import Session
from ui.workspace import CaseWorkspace
from ui.workspace import tab_documents as docs_mod


@pytest.fixture
def approved_case(case_at) -> int:
    return case_at(Stage.INTENT_LETTER)


def _workspace(qtbot, session: Session, case_id: int) -> CaseWorkspace:
    ws = CaseWorkspace(session, case_id)
    qtbot.addWidget(ws)
    ws.resize(1300, 740)
    ws.show()
    return ws


def _sign_in(ws: CaseWorkspace, user) -> None:
    ws.session.user = user
    ws.session.signals.user_changed.emit()


def test_from_letter_to_in_force_through_the_tabs(qtbot, qt_env, store, cast, approved_case, monkeypatch):
    case_id = approved_case
    session = Session(store, cast.a)
    ws = _workspace(qtbot, session, case_id)
    letter = ws.tab("LetterTab")
    assert ws.tab_widget.currentWidget() is letter  # opened on the stage's tab
    assert letter.issue_button.isEnabled() and not letter.decision_button.isEnabled()
    letter.issue_date.setDate(dt.date(2026, 11, 11))
    letter.issue_button.click()
    assert ws.case.stage is Stage.BANK_APPROVAL and not qt_env
    record = workflow.intent_letter(store, case_id)
    assert letter.letter_no.text() == record.letter_no
    assert record.approval_deadline.isoformat() in letter.deadline.text() and "工作日" in letter.deadline.text()
    assert letter.preview.page_count() >= 1 and letter.print_button.isEnabled()
    assert not letter.overdue.isVisible()
    monkeypatch.setattr(letter, "today", lambda: record.approval_deadline + dt.timedelta(days=1))
    ws.reload()
    assert "已逾期" in letter.overdue.text() and letter.overdue.isVisible()

    # Bank decision: the amount is prefilled with the guarantee amount; approve.
    guarantee = store.repos.cases.guarantee_amount(case_id)
    letter.amount.setText(str(guarantee // 100))
    letter.rate.setText("3.45%")
    letter.decided_on.setDate(dt.date(2026, 11, 16))
    assert letter.decision_button.isEnabled()
    letter.decision_button.click()
    assert ws.case.stage is Stage.CONTRACTS and not qt_env
    assert "银行批准" in letter.decision_text.text()

    # Contracts, as operations.
    _sign_in(ws, cast.ops)
    tab = ws.tab("ContractsTab")
    assert not tab.complete_button.isEnabled() and "保证合同" in tab.complete_button.toolTip()
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        tab.set_kind(kind)
        tab.number.setText(f"HT-{kind}")
        tab.record_button.click()
    assert tab.table.rowCount() == 4 and tab.complete_button.isEnabled() and not qt_env
    tab.complete_button.click()
    assert ws.case.stage is Stage.PLEDGE_REGISTRATION

    # Registration: warnings shown first; the notice is refused (disabled, reason as tooltip) until all is done.
    reg = ws.tab("RegistrationTab")
    assert "流质" in reg.warnings.text()
    assert not reg.notice_button.isEnabled() and "尚未完成质押登记" in reg.notice_button.toolTip()
    for asset in store.repos.cases.assets(case_id):
        reg.select_asset(asset.id)
        reg.submitted_on.set_value(dt.date(2026, 11, 20))
        reg.registration_no.setText(f"Y2026{asset.id:05d}")
        reg.registered_on.set_value(dt.date(2026, 11, 20))
        reg.certificate.setChecked(True)
        reg.save_button.click()
    assert not qt_env and all(r.certificate_received for r in workflow.registrations(store, case_id))
    assert "放款条件尚未确认" in reg.notice_button.toolTip()
    order = [code for code, _label, _status in reg.check_rows]
    while reg.check_buttons:
        next(iter(reg.check_buttons.values())).click()
        # the conditions keep their places after each click (no row jumps under the pointer)
        assert [code for code, _label, _status in reg.check_rows] == order
    assert all("已确认" in status for _code, _label, status in reg.check_rows)
    assert reg.notice_button.isEnabled()
    reg.notice_button.click()
    assert ws.case.stage is Stage.DISBURSEMENT and not qt_env

    # Disbursement above the approved amount: the core's message, nothing saved.
    dis = ws.tab("DisbursementTab")
    assert dis.contract_no.text() == "HT-loan"
    dis.amount.setText(str(guarantee // 100 + 1))
    dis.start.setDate(dt.date(2026, 11, 20))
    dis.record_button.click()
    assert qt_env and "不能超过" in qt_env[-1][2]
    assert workflow.loan(store, case_id) is None and ws.case.stage is Stage.DISBURSEMENT
    dis.amount.setText(str(guarantee // 100))
    assert dis.maturity.date().toPython() == dt.date(2027, 11, 20)
    dis.record_button.click()
    assert ws.case.stage is Stage.IN_FORCE
    assert "尚未收讫" in dis.fee_text.text()


def test_refused_actions_are_disabled_with_the_reason(qtbot, qt_env, store, cast, approved_case):
    member = cast.members[1]
    ws = _workspace(qtbot, Session(store, member), approved_case)
    letter = ws.tab("LetterTab")
    assert not letter.issue_button.isEnabled() and letter.issue_button.toolTip()  # role: the reason names who may
    _sign_in(ws, cast.a)
    assert letter.issue_button.isEnabled() and not letter.decision_button.isEnabled()
    assert letter.decision_button.toolTip()  # the stage is not bank approval yet


def test_post_loan_compensation_split_and_recovery(qtbot, qt_env, store, cast, monkeypatch, case_at):
    case_id = case_at(Stage.IN_FORCE)
    ws = _workspace(qtbot, Session(store, cast.ops), case_id)
    tab = ws.tab("PostLoanTab")
    assert ws.tab_widget.currentWidget() is tab
    monkeypatch.setattr(tab, "today", lambda: dt.date(2027, 11, 15))
    ws.reload()
    assert "即将到期" in tab.maturity.text()
    tab.fee_button.click()
    assert workflow.loan(store, case_id).fee_paid_on is not None and "已收讫" in tab.fee_text.text()
    tab.default_note.setText("到期未还")
    tab.default_button.click()
    assert ws.case.stage is Stage.DEFAULTED
    tab.comp_amount.setText("999999")
    split = tab.last_split  # bank 20%, re-guarantor 30% of the rest (factories.bank)
    assert split.bank_share + split.reguarantor_share + split.retained == 99999900
    assert (split.bank_share, split.reguarantor_share, split.retained) == (19999980, 23999976, 55999944)
    assert "银行承担 199,999.80 元" in tab.split_text.text() and "＝ 999,999.00 元" in tab.split_text.text()
    tab.comp_button.click()
    assert ws.case.stage is Stage.RECOVERY and not qt_env
    asset = store.repos.cases.assets(case_id)[0]
    tab.rec_amount.setText("300000")
    tab.rec_source.setCurrentIndex(tab.rec_source.findData("ip_disposal"))
    tab.rec_asset.setCurrentIndex(tab.rec_asset.findData(asset.id))
    tab.rec_button.click()
    entries = recovery_summary(store, case_id).entries
    assert len(entries) == 1 and entries[0].asset_id == asset.id and tab.recoveries.rowCount() == 1
    assert "已追回 300,000.00 元" in tab.recovered_text.text()
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: "处置完毕")
    tab.close_button.click()
    assert ws.case.stage is Stage.CLOSED


@pytest.mark.slow
def test_documents_tab_previews_saves_prints_and_reissues(qtbot, qt_env, store, cast, tmp_path, monkeypatch, case_at):
    case_id = case_at(Stage.BANK_APPROVAL)  # the intent letter issued: reissue allowed
    ws = _workspace(qtbot, Session(store, cast.a), case_id)
    tab = ws.tab("DocumentsTab")
    kinds = [r.kind for r in tab.rows]
    assert "intent_letter" in kinds
    assert tab.select_kind("intent_letter") and tab.preview.page_count() >= 1
    original = docs_mod.archived(store, case_id, "intent_letter")
    monkeypatch.setattr(docs_mod, "ask_save_path", lambda parent, suggested: tmp_path / "letter")
    saved = tab.save_selected()
    assert saved == tmp_path / "letter.pdf" and saved.read_bytes() == original[1]  # the exact archived bytes
    writer = QPdfWriter(str(tmp_path / "printed.pdf"))
    assert docs_mod.render_to_printer(original[1], writer) >= 1
    dialogs: list[str] = []
    monkeypatch.setattr(uierrors, "exec_dialog", lambda dialog: dialogs.append(type(dialog).__name__) or 0)
    assert tab.print_selected() is False and dialogs == ["QPrintDialog"]  # cancelled in the print dialog
    opened = []
    monkeypatch.setattr(docs_mod, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    path = tab.open_selected()
    assert opened == [str(path)] and path.read_bytes() == original[1]
    monkeypatch.setattr(ws, "ask_reason", lambda title, prompt: "银行要求更正")
    assert tab.reissue_selected()
    statuses = {r.doc_no: r.status for r in tab.rows}
    assert statuses[original[0]] == "void" and list(statuses.values()).count("issued") >= 1
    void_row = next(i for i, r in enumerate(tab.rows) if r.status == "void")
    tab.table.selectRow(void_row)
    assert not tab.print_button.isEnabled() and "作废" in tab.preview.caption.text()


def test_preview_falls_back_to_rendered_pages(qtbot, qt_env, store, cast, approved_case):
    workflow.issue_intent_letter(store, approved_case, cast.a, issue_date=dt.date(2026, 11, 11), expected_version=store.repos.cases.get(approved_case).version)
    preview = docs_mod.PdfPreview(use_view=False)
    qtbot.addWidget(preview)
    preview.set_pdf(docs_mod.archived(store, approved_case, "intent_letter")[1])
    assert preview.page_count() >= 1 and preview.pages_layout.count() == preview.page_count()


def test_post_loan_tab_in_english_shows_yuan_and_recovery_sources_in_english(qtbot, qt_env, store, cast, case_at):
    from ui import i18n

    case_id = case_at(Stage.IN_FORCE)
    i18n.install_translations("en")
    try:
        ws = _workspace(qtbot, Session(store, cast.ops), case_id)
        tab = ws.tab("PostLoanTab")
        assert tab.fee_text.text().endswith(" yuan") and "元" not in tab.fee_text.text()
        sources = [tab.rec_source.itemText(i) for i in range(tab.rec_source.count())]
        assert sources[tab.rec_source.findData("ip_disposal")] == "Disposal of pledged IP"
        assert not any("\u4e00" <= ch <= "\u9fff" for text in sources for ch in text), sources
    finally:
        i18n.install_translations("zh")


def test_post_loan_tab_warns_from_the_cores_maturity_reminder_date(qtbot, qt_env, store, cast, monkeypatch, case_at):
    """The tab computes no date: it warns from the day ipguard.rules.deadlines.maturity_reminder gives, as the reminders do."""
    from ipguard.workflow.postloan import maturity_reminder
    from ipguard.workflow.queries import reminders

    case_id = case_at(Stage.IN_FORCE)
    remind_from = maturity_reminder(store, case_id)
    maturity = workflow.loan(store, case_id).maturity_date
    assert isinstance(remind_from, dt.date) and remind_from < maturity
    ws = _workspace(qtbot, Session(store, cast.ops), case_id)
    tab = ws.tab("PostLoanTab")
    for today, warned in ((remind_from - dt.timedelta(days=1), False), (remind_from, True)):
        monkeypatch.setattr(tab, "today", lambda today=today: today)
        ws.reload()
        assert tab.remind_from == remind_from
        assert ("即将到期" in tab.maturity.text()) is warned
        assert any(r.kind == "maturity" and r.case_id == case_id for r in reminders(store, today)) is warned
