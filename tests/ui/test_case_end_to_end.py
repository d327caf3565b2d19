"""One case from intake to in force, through the main window's widgets only.

The must-show of issue 7: a fresh database with a user for every role, the
real :class:`~ui.main_window.MainWindow`, and each step done by the user whose
job it is — signed in through "switch user" and the real sign-in dialog —
by typing, clicking and choosing in combo boxes. No core function is called
to move the case; the store is only read, at the end, to check the result.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QRadioButton, QStyle, QStyleOptionButton

from ipguard import auth, passwords, workflow
from ipguard.demo import names
from ipguard.documents.service import archived
from ipguard.domain import Role, Stage
from ipguard.store.records import BankRecord, ReferrerRecord, UserRecord
from ui import app as uiapp
from ui import errors as uierrors
from ui import i18n
from ui.dialogs.intake import IntakeDialog
from ui.dialogs.login import LoginDialog
from ui.main_window import MainWindow
from ui.session import Session
from ui.workspace import CaseWorkspace
from ui.workspace.stage_bar import CURRENT, DONE

PASSWORD = "e2e-secret-1"
RNG = random.Random(2026)
USCC = names.make_uscc(RNG)
RESIDENT_ID = names.make_resident_id(RNG)
PATENT = names.make_patent_number(RNG, 2021, "1")
COMPANY = "上海张江芯微半导体科技有限公司"


@dataclass
class People:
    admin: UserRecord
    am: UserRecord
    rm: UserRecord
    members: list[UserRecord]
    ops: UserRecord
    bank: BankRecord
    referrer: ReferrerRecord


@pytest.fixture
def shown(tmp_path, monkeypatch):
    """QSettings and logs in the test's folder; every modal box recorded instead of shown."""
    uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(uierrors, "log_dir", lambda: tmp_path / "logs")
    i18n.install_translations("zh")
    boxes: list[str] = []
    monkeypatch.setattr(uierrors, "message_box", lambda parent, icon, title, text: boxes.append(f"{title}: {text}"))
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: boxes.append(f"? {title}: {text}") and False)
    monkeypatch.setattr(uierrors, "show_exception_dialog", lambda parent, report: boxes.append(f"BUG: {report}"))
    return boxes


@pytest.fixture
def people(store) -> People:
    """A user for every role, a partner bank and a referrer, made through the store's repositories."""
    digest = passwords.hash_password(PASSWORD)  # one hash for all: argon2 is slow on purpose

    def user(username: str, name: str, role: Role) -> UserRecord:
        store.repos.users.create(username, name, PASSWORD, {role}, password_hash=digest)
        return auth.sign_in(store, username, PASSWORD)  # every change is made by a signed-in user

    admin = user("admin", "管理员", Role.ADMIN)
    return People(
        admin=admin,
        am=user("zhang", "张客户经理", Role.ACCOUNT_MANAGER),
        rm=user("li", "李风控", Role.RISK_MANAGER),
        members=[user(f"member{i}", f"委员{'甲乙丙丁戊'[i]}", Role.COMMITTEE_MEMBER) for i in range(5)],
        ops=user("ops", "王法务", Role.OPERATIONS),
        bank=store.repos.banks.save(
            BankRecord(0, "上海银行", "浦东分行", "李经理", "021-58880000", "", 2000, "市担保中心", 3000), acting_user_id=admin.id
        ),
        referrer=store.repos.referrers.save(ReferrerRecord(0, "浦东新区知识产权融资促进会", "行业协会"), acting_user_id=admin.id),
    )


class Driver:
    """The hands at the keyboard: sign-ins, clicks, and a check that no error box appeared."""

    def __init__(self, qtbot, window: MainWindow, shown: list[str]) -> None:
        self.qtbot = qtbot
        self.window = window
        self.shown = shown
        self.next_user: UserRecord | None = None
        window.prompt_sign_in = self._sign_in_dialog  # the window's own "switch user" path, with the real dialog

    def _sign_in_dialog(self) -> UserRecord | None:
        assert self.next_user is not None
        dialog = LoginDialog(self.window.session.store, self.window)
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.keyClicks(dialog.username, self.next_user.username)
        self.qtbot.keyClicks(dialog.password, PASSWORD)
        self.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert dialog.result() == QDialog.DialogCode.Accepted, dialog.error.text()
        return dialog.user

    def sign_in(self, user: UserRecord) -> None:
        """Ctrl+Shift+L: switch user; the workspace reloads for the new user's roles."""
        self.next_user = user
        self.window.switch_user_action.trigger()
        assert self.window.session.user.id == user.id
        assert user.display_name in self.window.user_label.text()

    @property
    def ws(self) -> CaseWorkspace:
        ws = self.window.case_desk.current()
        assert ws is not None and self.window.current_key() == "case"
        return ws

    def tab(self, name: str):
        tab = self.ws.show_tab(name)
        assert tab is not None, name
        return tab

    def click(self, button: QAbstractButton) -> None:
        """Click an enabled button; nothing may have been refused."""
        assert button.isEnabled(), f"{button.text()} disabled: {button.toolTip()}"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert not self.shown, self.shown

    def stage(self) -> Stage:
        return self.ws.case.stage


def tick(qtbot, button: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator (a stretched box's centre may be empty space)."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = QStyle.SubElement.SE_RadioButtonIndicator if isinstance(button, QRadioButton) else QStyle.SubElement.SE_CheckBoxIndicator
    rect = button.style().subElementRect(element, option, button)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=rect.center())
    assert button.isChecked(), button.text()


def fill_intake(qtbot, d: IntakeDialog, people: People) -> None:
    """Type the application as the account manager would (Chinese through setText, ASCII typed)."""
    d.name.setText(COMPANY)
    qtbot.keyClicks(d.uscc.edit, USCC)
    d.industry.setText("集成电路")
    d.address.setText("上海市浦东新区张江路1号")
    d.contact_name.setText("王芳")
    qtbot.keyClicks(d.contact_phone.edit, "13800000000")
    d.controller_name.setText("李强")
    qtbot.keyClicks(d.resident_id.edit, RESIDENT_ID)
    d.tabs.setCurrentIndex(1)
    qtbot.keyClicks(d.annual_sales.edit, "5,000,000.00")
    qtbot.keyClicks(d.net_assets_last_year.edit, "800000")
    qtbot.keyClicks(d.net_assets_current.edit, "950000")
    qtbot.keyClicks(d.existing_bank_loans.edit, "500000")
    for key in ("company_credit_good", "controller_credit_good", "counter_guarantee"):
        tick(qtbot, d.credit_boxes[key])
    d.tabs.setCurrentIndex(2)
    qtbot.keyClicks(d.requested_amount.edit, "1000000")
    d.term_months.setValue(12)
    d.application_date.setDate(QDate(2026, 11, 2))
    d.bank.setCurrentIndex(d.bank.findData(people.bank.id))
    d.referrer.setCurrentIndex(d.referrer.findData(people.referrer.id))
    d.opinion.setPlainText("企业技术实力较强，推荐申请知识产权快易贷。")
    d.risk_manager.setCurrentIndex(d.risk_manager.findData(people.rm.id))
    assert d.account_manager.currentData() == people.am.id
    # The IP asset, in the asset editor.
    d.tabs.setCurrentWidget(d.assets)
    editor = d.assets
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.row_count() == 1
    editor.type_combo.setCurrentIndex(editor.type_combo.findData("invention_patent"))
    qtbot.keyClicks(editor.number.edit, PATENT)
    editor.title_edit.setText("一种低功耗神经网络加速芯片")
    editor.filing.set_value(dt.date(2021, 3, 1))
    editor.grant.set_value(dt.date(2023, 5, 10))
    editor.expiry.set_value(dt.date(2041, 3, 1))
    qtbot.keyClicks(editor.revenue.edit, "2000000")
    tick(qtbot, editor.flag_boxes["used_in_main_products"])
    assert editor.table.item(0, 0).text() == "✓", editor.table.item(0, 0).toolTip()


def test_one_case_from_intake_to_in_force_through_the_widgets(qtbot, shown, store, people, monkeypatch):
    window = MainWindow(Session(store=store, user=people.am))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    me = Driver(qtbot, window, shown)

    # -- 受理: Ctrl+N opens the intake dialog; it is filled and accepted --------------------
    dialogs: list[IntakeDialog] = []

    def run_dialog(dialog: QDialog) -> int:
        assert isinstance(dialog, IntakeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        dialogs.append(dialog)
        fill_intake(qtbot, dialog, people)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert not dialog.banner.isVisible(), dialog.banner.text()
        return dialog.result()

    monkeypatch.setattr(uierrors, "exec_dialog", run_dialog)
    window.show_page("dashboard")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    with qtbot.waitSignal(window.new_case_requested):
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(dialogs) == 1 and dialogs[0].result() == QDialog.DialogCode.Accepted
    case_id = dialogs[0].case_id
    assert case_id is not None and me.ws.case_id == case_id  # the new case opened at once
    case_no = me.ws.case.case_no

    # Back to the list, find the case by its number and open it with Enter.
    qtbot.mouseClick(window.case_desk.back_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "cases"
    page = window.page("cases")
    qtbot.keyClicks(page.search, case_no)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.total() == 1)
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.table.setFocus()
    with qtbot.waitSignal(page.case_opened) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [case_id] and me.ws.case_id == case_id
    assert me.stage() is Stage.INTAKE and me.ws.stage_bar.states[Stage.INTAKE] == CURRENT

    # Every checklist item received, in the intake tab.
    intake_tab = me.tab("IntakeTab")
    intake_tab.status_combo.setCurrentIndex(intake_tab.status_combo.findData("received"))
    intake_tab.paper_only.setChecked(True)  # 已收 needs a file or a paper original (issue 18)
    for row in range(intake_tab.checklist.rowCount()):
        intake_tab.checklist.setCurrentCell(row, 0)
        me.click(intake_tab.set_status_button)
    assert all(item.status == "received" for item in store.repos.cases.checklist(case_id))
    assert all("已收" in intake_tab.checklist.item(r, 2).text() for r in range(intake_tab.checklist.rowCount()))

    # -- 准入 ----------------------------------------------------------------------------------
    screening = me.tab("ScreeningTab")
    assert not screening.pass_button.isEnabled() and screening.pass_button.toolTip()
    me.click(screening.submit_button)
    assert me.stage() is Stage.SCREENING and screening.table.rowCount() == 8
    failing = [" | ".join(screening.table.item(r, c).text() for c in range(5)) for r in range(8)
               if "✓" not in screening.table.item(r, 3).text()]
    assert screening.summary.text().startswith("符合准入条件"), failing
    me.sign_in(people.rm)
    me.click(me.tab("ScreeningTab").pass_button)
    assert me.stage() is Stage.VALUATION

    # -- 价值认定 and 调查报告 ------------------------------------------------------------------
    me.sign_in(people.am)
    valuation = me.tab("ValuationTab")
    assert valuation.assets.rowCount() == 1 and valuation.chain.rowCount() > 0
    me.click(valuation.confirm_button)
    assert me.stage() is Stage.INVESTIGATION
    report = me.tab("InvestigationTab")
    report.opinion.setPlainText("企业技术领先，主营产品使用质押专利，反担保措施落实，建议同意担保。")
    me.click(report.a_button)
    assert report.a_status.text().startswith("✓ 张客户经理")
    assert not report.submit_button.isEnabled() and report.submit_button.toolTip()
    me.sign_in(people.rm)
    me.click(me.tab("InvestigationTab").b_button)
    me.click(me.tab("InvestigationTab").submit_button)
    assert me.stage() is Stage.COMMITTEE

    # -- 保审会: the chair records attendance; each member votes in their own sign-in ----------
    chair = people.members[0]
    me.sign_in(chair)
    committee = me.tab("CommitteeTab")
    assert committee.members.count() == len(people.members)
    for i in range(committee.members.count()):
        committee.members.item(i).setCheckState(Qt.CheckState.Checked)
    me.click(committee.attendance_button)
    for i, member in enumerate(people.members):
        me.sign_in(member)
        tab = me.tab("CommitteeTab")
        choice = "approve_with_conditions" if i == 1 else "approve"
        tick(qtbot, tab.choices[choice])
        tab.comment.setText("放款前落实实际控制人个人连带责任反担保" if i == 1 else "同意")
        me.click(tab.vote_button)
        assert not tab.vote_button.isEnabled() and tab.vote_button.toolTip()
    me.sign_in(chair)
    committee = me.tab("CommitteeTab")
    assert committee.votes.rowCount() == len(people.members)
    monkeypatch.setattr(type(committee), "meeting_date", lambda self: dt.date(2026, 11, 20))
    me.click(committee.decide_button)
    assert me.stage() is Stage.INTENT_LETTER and "有条件同意" in committee.decision.text()

    # -- 意向函 and the bank's decision ------------------------------------------------------
    me.sign_in(people.am)
    letter = me.tab("LetterTab")
    letter.issue_date.setDate(QDate(2026, 11, 20))
    me.click(letter.issue_button)
    assert me.stage() is Stage.BANK_APPROVAL and letter.letter_no.text() not in ("", "—")
    guarantee = store.repos.cases.guarantee_amount(case_id)
    assert guarantee and letter.amount.text() == f"{guarantee // 100}.00"  # prefilled with the guarantee amount
    tick(qtbot, letter.approved_radio)
    qtbot.keyClicks(letter.rate.edit, "3.45%")
    letter.decided_on.setDate(QDate(2026, 11, 20))
    me.click(letter.decision_button)
    assert me.stage() is Stage.CONTRACTS and "银行批准" in letter.decision_text.text()

    # -- operations: contracts, registration, disbursement checks, notice, loan ---------------
    me.sign_in(people.ops)
    contracts_tab = me.tab("ContractsTab")
    for kind in ("guarantee", "counter_guarantee", "pledge", "loan"):
        contracts_tab.kind.setCurrentIndex(contracts_tab.kind.findData(kind))
        qtbot.keyClicks(contracts_tab.number, f"HT-2026-{kind}")
        contracts_tab.party.setText("上海银行浦东分行")
        contracts_tab.signed_on.setDate(QDate(2026, 11, 20))
        me.click(contracts_tab.record_button)
    assert contracts_tab.table.rowCount() == 4
    me.click(contracts_tab.complete_button)
    assert me.stage() is Stage.PLEDGE_REGISTRATION

    reg = me.tab("RegistrationTab")
    assert not reg.notice_button.isEnabled() and reg.notice_button.toolTip()
    assets = store.repos.cases.assets(case_id)
    assert [a.number for a in assets] == [PATENT]
    for row in range(reg.table.rowCount()):
        reg.table.selectRow(row)
        reg.submitted_on.set_value(dt.date(2026, 11, 20))
        reg.registry.setText("国家知识产权局")
        reg.registration_no.clear()
        qtbot.keyClicks(reg.registration_no, f"Y2026990{row:05d}")
        reg.registered_on.set_value(dt.date(2026, 11, 20))
        if not reg.certificate.isChecked():
            tick(qtbot, reg.certificate)
        me.click(reg.save_button)
    assert all(r.certificate_received for r in workflow.registrations(store, case_id))
    order = [code for code, _label, _status in reg.check_rows]
    assert any(code.startswith("condition_") for code in order)  # the committee's condition is listed too
    while reg.check_buttons:  # each confirm rebuilds the list of open checks, in the same order
        me.click(next(iter(reg.check_buttons.values())))
        assert [code for code, _label, _status in reg.check_rows] == order
    assert reg.check_rows and all("已确认" in status for _code, _label, status in reg.check_rows)
    reg.notice_date.setDate(QDate(2026, 11, 20))
    me.click(reg.notice_button)
    assert me.stage() is Stage.DISBURSEMENT

    disbursement = me.tab("DisbursementTab")
    assert disbursement.contract_no.text() == "HT-2026-loan"  # prefilled from the loan contract
    disbursement.amount.setText("")
    qtbot.keyClicks(disbursement.amount.edit, str(guarantee // 100))
    disbursement.start.setDate(QDate(2026, 11, 20))
    assert disbursement.maturity.date().toPython() == dt.date(2027, 11, 20)
    me.click(disbursement.record_button)

    # -- 在保: the window shows it ... --------------------------------------------------------
    assert me.stage() is Stage.IN_FORCE
    assert me.ws.fields["stage"].text() == Stage.IN_FORCE.label
    assert me.ws.stage_bar.states[Stage.DISBURSEMENT] == DONE
    assert "尚未收讫" in disbursement.fee_text.text()
    qtbot.mouseClick(window.case_desk.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert Stage.IN_FORCE.label in [page.model.index(0, c).data() for c in range(page.model.columnCount())]

    # -- ... and so does the store ------------------------------------------------------------
    case = store.repos.cases.get(case_id)
    assert case.stage is Stage.IN_FORCE and case.account_manager_id == people.am.id and case.risk_manager_id == people.rm.id
    assert store.repos.companies.get(case.company_id).uscc == USCC
    loan = workflow.loan(store, case_id)
    assert loan.loan_amount == guarantee and loan.start_date == dt.date(2026, 11, 20)
    assert loan.loan_contract_no == "HT-2026-loan"
    stages = [e.to_stage for e in store.repos.cases.events(case_id)]
    assert stages[-1] is Stage.IN_FORCE and Stage.COMMITTEE in stages and Stage.PLEDGE_REGISTRATION in stages
    for kind in ("intent_letter", "disbursement_notice"):
        copy = archived(store, case_id, kind)
        assert copy is not None and copy[1].startswith(b"%PDF"), kind
    assert archived(store, case_id, "intent_letter")[0] == letter.letter_no.text()
    chain = store.verify_audit()
    assert chain.ok and chain.checked > 20, chain.problem
    assert not shown
