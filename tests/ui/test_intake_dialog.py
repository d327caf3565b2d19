"""The new-case dialog, driven through its widgets; refused input saves nothing."""

from __future__ import annotations

import random

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog

from ipguard.demo import names
from ipguard.domain import IpType, Role
from ipguard.store import open_store
from ipguard.store.records import CaseFilter
from tests import factories
from ui.dialogs.intake import IntakeDialog
from ui.session import Session
from ui.widgets.fields import BAD, OK

RNG = random.Random(11)
USCC = names.make_uscc(RNG)
RESIDENT_ID = names.make_resident_id(RNG)
PATENT = names.make_patent_number(RNG, 2021, "1")


@pytest.fixture
def session(tmp_path):
    store = open_store(tmp_path / "intake.db")
    manager = factories.user(store, "amgr", Role.ACCOUNT_MANAGER)
    factories.user(store, "risk", Role.RISK_MANAGER)
    factories.bank(store)
    factories.referrer(store)
    yield Session(store, manager)
    store.close()


@pytest.fixture
def dialog(qtbot, session):
    d = IntakeDialog(session)
    qtbot.addWidget(d)
    d.show()
    return d


def fill(qtbot, d: IntakeDialog, *, uscc: str = USCC, patent: str = PATENT, sales: str = "5,000,000.00") -> None:
    d.name.setText("上海张江芯微半导体科技有限公司")  # Chinese: setText
    qtbot.keyClicks(d.uscc.edit, uscc)  # ASCII: typed
    d.industry.setText("集成电路")
    d.controller_name.setText("李强")
    qtbot.keyClicks(d.resident_id.edit, RESIDENT_ID)
    qtbot.keyClicks(d.contact_phone.edit, "13800000000")
    qtbot.keyClicks(d.annual_sales.edit, sales)
    qtbot.keyClicks(d.net_assets_last_year.edit, "800000")
    qtbot.keyClicks(d.net_assets_current.edit, "950,000.50")
    qtbot.keyClicks(d.existing_bank_loans.edit, "500000")
    for key in ("company_credit_good", "controller_credit_good", "counter_guarantee"):
        qtbot.mouseClick(d.credit_boxes[key], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(d.requested_amount.edit, "1000000")
    d.term_months.setValue(12)
    d.application_date.setDate(QDate(2026, 11, 2))
    d.bank.setCurrentIndex(1)
    d.referrer.setCurrentIndex(1)
    d.opinion.setPlainText("技术实力较强，推荐。")
    d.risk_manager.setCurrentIndex(1)
    qtbot.mouseClick(d.tag_boxes["high_tech_barrier"], Qt.MouseButton.LeftButton)
    d.tabs.setCurrentWidget(d.assets)
    qtbot.mouseClick(d.assets.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(d.assets.number.edit, patent)
    d.assets.title_edit.setText("一种低功耗神经网络加速芯片")
    d.assets.grant.setDate(QDate(2023, 5, 10))
    d.assets.flag_boxes["used_in_main_products"].setChecked(True)


def test_fields_validate_as_you_type(qtbot, dialog):
    qtbot.keyClicks(dialog.uscc.edit, USCC[:10])
    assert dialog.uscc.verdict().state != BAD and "10" in dialog.uscc.message.text()
    qtbot.keyClicks(dialog.uscc.edit, USCC[10:])
    assert dialog.uscc.verdict().state == OK and dialog.uscc.mark.text() == "✓"
    dialog.uscc.edit.clear()
    bad = USCC[:-1] + ("0" if USCC[-1] != "0" else "1")
    qtbot.keyClicks(dialog.uscc.edit, bad)
    assert dialog.uscc.verdict().state == BAD and dialog.uscc.mark.text() == "✗"
    assert "统一社会信用代码" in dialog.uscc.message.text() and dialog.uscc.message.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.annual_sales.edit, "1,234,567.89")
    assert dialog.annual_sales.verdict().state == OK and "123.46万元" in dialog.annual_sales.message.text()
    dialog.annual_sales.edit.clear()
    qtbot.keyClicks(dialog.annual_sales.edit, "-5")
    assert dialog.annual_sales.verdict().state == BAD and "负数" in dialog.annual_sales.message.text()


def test_asset_number_checked_for_its_type(qtbot, dialog):
    editor = dialog.assets
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.number.edit, PATENT)
    assert editor.number.verdict().state == OK
    editor.type_combo.setCurrentIndex(editor.type_combo.findData(IpType.UTILITY_MODEL.value))
    assert editor.number.verdict().state == BAD and "类型" in editor.number.message.text()
    editor.type_combo.setCurrentIndex(editor.type_combo.findData(IpType.TRADEMARK.value))
    editor.number.edit.clear()
    qtbot.keyClicks(editor.number.edit, "12345678")
    assert editor.number.verdict().state == OK
    assert editor.table.item(0, 0).text() == "✗"  # trademark without its class
    editor.nice_class.setValue(9)
    assert editor.table.item(0, 0).text() == "✓" and editor.assets_raw()[0]["nice_class"] == "9"


def test_ok_opens_the_case_with_asset_and_checklist(qtbot, dialog, session):
    fill(qtbot, dialog)
    with qtbot.waitSignal(session.signals.case_changed) as blocker:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.banner.isVisible()
    store = session.store
    case = store.repos.cases.get(dialog.case_id)
    assert blocker.args == [case.id]
    assert case.requested_amount == 100_000_000 and case.term_months == 12 and case.application_date.isoformat() == "2026-11-02"
    assert case.account_manager_id == session.user.id and case.risk_manager_id is not None and case.bank_id is not None
    assert case.target_tags == ("high_tech_barrier",) and case.recommendation_opinion == "技术实力较强，推荐。"
    company = store.repos.companies.get(case.company_id)
    assert company.uscc == USCC and company.controller_resident_id == RESIDENT_ID
    fin = store.repos.cases.financials(case.id)
    assert fin.annual_sales == 500_000_000 and fin.net_assets_current == 95_000_050 and fin.counter_guarantee
    assets = store.repos.cases.assets(case.id)
    assert [a.number for a in assets] == [PATENT] and assets[0].used_in_main_products
    assert len(store.repos.cases.checklist(case.id)) > 0


@pytest.mark.parametrize(
    ("override", "field_label", "widget"),
    [
        ({"uscc": "91310115MA1K3ABCD0"}, "统一社会信用代码", "uscc"),
        ({"patent": "ZL202110123456.8"}, "第1项 专利/登记号", "asset"),
        ({"sales": "-100"}, "年销售额", "annual_sales"),
    ],
    ids=["bad-credit-code", "bad-patent-number", "negative-amount"],
)
def test_invalid_input_names_the_field_and_saves_nothing(qtbot, dialog, session, override, field_label, widget):
    fill(qtbot, dialog, **override)
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.banner.isVisible() and field_label in dialog.banner.text()
    if widget == "asset":
        assert dialog.tabs.currentWidget() is dialog.assets
        assert dialog.assets.number.verdict().state == BAD and field_label in dialog.assets.number.message.text()
    else:
        field = getattr(dialog, widget)
        assert field.verdict().state == BAD and field_label in field.message.text()
        assert dialog.tabs.currentIndex() == dialog.tabs.indexOf(field.parentWidget().parentWidget())
    assert session.store.repos.cases.count(CaseFilter()) == 0
    assert session.store.repos.companies.by_uscc(USCC) is None


def test_missing_required_name(qtbot, dialog, session):
    fill(qtbot, dialog)
    dialog.name.clear()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "企业名称" in dialog.banner.text() and dialog.tabs.currentIndex() == 0
    assert session.store.repos.cases.count(CaseFilter()) == 0


def test_import_assets_from_xlsx(qtbot, dialog, tmp_path, monkeypatch):
    path = tmp_path / "assets.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "知识产权清单"
    ws.append(["类型", "号码", "名称", "商标类别"])
    ws.append(["发明专利", PATENT, "一种芯片", None])
    ws.append(["注册商标", "555", "芯微", 9])
    ws.append(["发明专利", "ZL202110123456.8", "坏号码", None])
    wb.save(path)
    monkeypatch.setattr(dialog.assets, "ask_import_path", lambda: path)
    qtbot.mouseClick(dialog.assets.import_button, Qt.MouseButton.LeftButton)
    assert dialog.assets.row_count() == 2
    assert "导入 2 项" in dialog.assets.report.text() and "第 4 行" in dialog.assets.report.text()
    # Importing again adds nothing twice.
    assert dialog.assets.import_xlsx(path) == (0, 1)
    assert dialog.assets.row_count() == 2
    dialog.assets.select_row(0)
    qtbot.mouseClick(dialog.assets.remove_button, Qt.MouseButton.LeftButton)
    assert [r["number"] for r in dialog.assets.assets_raw()] == ["555"]


def test_import_garbage_file_is_reported(qtbot, dialog, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"garbage")
    assert dialog.assets.import_xlsx(path) == (0, 0)
    assert "无法读取" in dialog.assets.report.text()


def test_import_row_errors_follow_the_interface_language(qtbot, session, tmp_path):
    from ui import i18n

    path = tmp_path / "assets.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "知识产权清单"
    ws.append(["类型", "号码", "名称"])
    ws.append(["发明专利", "ZL202110123456.8", "坏号码"])
    wb.save(path)
    i18n.install_translations("en")
    try:
        d = IntakeDialog(session)
        qtbot.addWidget(d)
        assert d.assets.import_xlsx(path) == (0, 1)
        assert "Row 2: patent/registration number: patent number" in d.assets.report.text()
        assert "wrong check digit" in d.assets.report.text()
    finally:
        i18n.install_translations("zh")


def test_esc_on_a_filled_form_asks_and_no_keeps_it_open(qtbot, dialog, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(IntakeDialog, "ask", lambda self, title, text: asked.append(title) or False)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # empty form: closes without a question
    assert not asked and not dialog.isVisible()
    dialog.show()
    dialog.name.setText("上海张江芯微半导体科技有限公司")
    qtbot.keyClicks(dialog.requested_amount.edit, "300")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["关闭新建案件"] and dialog.isVisible() and dialog.name.text().startswith("上海张江")
    monkeypatch.setattr(IntakeDialog, "ask", lambda self, title, text: asked.append(title) or True)
    dialog.close()
    assert asked[-1] == "关闭新建案件" and not dialog.isVisible()


def test_a_draft_is_restored_after_the_window_is_destroyed(qtbot, session, monkeypatch):
    from shiboken6 import isValid

    first = IntakeDialog(session)  # not handed to qtbot: this test destroys it itself
    first.show()
    fill(qtbot, first)
    qtbot.waitUntil(lambda: not first._draft_timer.isActive(), timeout=3000)  # saved as typed, no button pressed
    first.deleteLater()  # the window goes away without Cancel or OK (a crash, a killed process)
    qtbot.waitUntil(lambda: not isValid(first))
    offered: list[str] = []
    monkeypatch.setattr(IntakeDialog, "ask", lambda self, title, text: offered.append(title) or True)
    second = IntakeDialog(session)
    qtbot.addWidget(second)
    assert offered == ["恢复草稿"]
    assert second.name.text() == "上海张江芯微半导体科技有限公司" and second.uscc.text() == USCC
    assert second.requested_amount.text() == "1000000" and second.opinion.toPlainText() == "技术实力较强，推荐。"
    assert second.credit_boxes["counter_guarantee"].isChecked() and second.assets.row_count() == 1


def test_a_draft_belongs_to_its_user_and_goes_once_the_case_is_opened(qtbot, session, monkeypatch):
    from ui.widgets import drafts

    first = IntakeDialog(session)
    qtbot.addWidget(first)
    fill(qtbot, first)
    first.save_draft()
    assert drafts.load(session, "intake")["company"]["name"] == "上海张江芯微半导体科技有限公司"
    me = session.user
    session.user = factories.user(session.store, "amgr2", Role.ACCOUNT_MANAGER)  # as 切换用户 does
    assert drafts.load(session, "intake") is None  # another user of the same database has none
    session.user = me
    first.submit()
    assert first.case_id is not None and drafts.load(session, "intake") is None


def test_the_title_names_the_product_in_the_window_language(qtbot, session):
    from ui import i18n

    d = IntakeDialog(session)
    qtbot.addWidget(d)
    assert d.windowTitle() == "新建案件 — 知识产权快易贷"
    i18n.install_translations("en")
    try:
        english = IntakeDialog(session)
        qtbot.addWidget(english)
        assert english.windowTitle() == "New case — IP Quick Loan"
    finally:
        i18n.install_translations("zh")
