"""The application shell: start-up, sign-in, navigation, settings, errors, language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget

from ipguard import admin
from ipguard.domain import Role
from ipguard.errors import ValidationError
from ipguard.store import open_store
from tests.factories import PASSWORD
from ui import app as uiapp
from ui import errors as uierrors
from ui import i18n
from ui.dialogs.login import LoginDialog, SetupAdminDialog
from ui.main_window import MainWindow
from ui.session import Session


@pytest.fixture(autouse=True)
def isolated_qt_settings(tmp_path, monkeypatch):
    """QSettings and logs in the test's own folder; Chinese before and after each test."""
    uiapp.ensure_application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(uierrors, "log_dir", lambda: tmp_path / "logs")
    i18n.install_translations("zh")
    yield
    i18n.install_translations("zh")


@pytest.fixture
def boxes(message_boxes, monkeypatch):
    """Message boxes recorded instead of shown (the shared recording); questions answered yes."""
    monkeypatch.setattr(uierrors, "ask", lambda parent, title, text: True)
    return message_boxes


@pytest.fixture
def window(qtbot, store, admin):
    w = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def ok_button(box: QDialogButtonBox):
    return box.button(QDialogButtonBox.StandardButton.Ok)


def drive_dialog(monkeypatch, qtbot, fill):
    """Replace modal exec: ``fill(dialog)`` types into the dialog, then OK is clicked."""
    seen: list[QDialog] = []

    def fake_exec(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.show()
        seen.append(dialog)
        fill(dialog)
        qtbot.mouseClick(ok_button(dialog.buttons), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(uierrors, "exec_dialog", fake_exec)
    return seen


# -- start-up and sign-in ------------------------------------------------------------


def test_first_admin_setup_creates_admin_and_opens_main_window(qtbot, tmp_path, monkeypatch, boxes):
    def fill(dialog):
        assert isinstance(dialog, SetupAdminDialog)
        dialog.username.setText("boss")
        dialog.display_name.setText("王总")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.password2, PASSWORD)

    drive_dialog(monkeypatch, qtbot, fill)
    db = tmp_path / "first.sqlite"
    window = uiapp.start(str(db), "zh", hooks=False)
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert window.windowTitle() == "ipguard — first.sqlite — 王总"
    users = window.session.store.repos.users.all()
    assert [(u.username, u.roles) for u in users] == [("boss", frozenset({Role.ADMIN}))]
    assert "王总" in window.user_label.text()
    assert boxes == []
    window.close()
    window.session.store.close()


def test_setup_with_mismatched_passwords_stays_open(qtbot, store):
    dialog = SetupAdminDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.display_name.setText("王总")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.password2, PASSWORD + "x")
    qtbot.mouseClick(ok_button(dialog.buttons), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result() == 0
    assert "两次输入的密码不一致" in dialog.error.text()
    assert store.repos.users.count() == 0


def test_sign_in_with_wrong_password_shows_error_and_stays(qtbot, store, admin):
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "wrong-password")
    qtbot.mouseClick(ok_button(dialog.buttons), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.user is None
    assert dialog.error.isVisible() and "用户名或密码不正确" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    qtbot.mouseClick(ok_button(dialog.buttons), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user.id == admin.id and dialog.user.roles == admin.roles


def test_newer_database_shows_dialog_instead_of_traceback(qtbot, tmp_path, monkeypatch, boxes):
    db = tmp_path / "newer.sqlite"
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 999")
    monkeypatch.setattr(uierrors, "exec_dialog", lambda dialog: pytest.fail("no sign-in for an unusable database"))
    assert uiapp.start(str(db), "zh", hooks=False) is None
    assert len(boxes) == 1
    icon, title, text = boxes[0]
    assert icon == QMessageBox.Icon.Critical
    assert title == "无法打开数据库"
    assert "较新版本" in text and "999" in text


def test_corrupt_database_shows_dialog(qtbot, tmp_path, boxes):
    db = tmp_path / "junk.sqlite"
    db.write_bytes(b"this is not a database at all" * 100)
    assert uiapp.start(str(db), "zh", hooks=False) is None
    assert "已损坏" in boxes[0][2]


# -- navigation and shortcuts ---------------------------------------------------------


def test_navigation_by_click_and_ctrl_number(qtbot, window):
    assert window.page_keys()[:5] == ["dashboard", "mywork", "cases", "reports", "settings"]  # then the case workspace
    item = window.nav.item(3)
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center())
    assert window.current_key() == "reports"
    assert window.stack.currentWidget() is window.page("reports")
    for number, key in ((1, "dashboard"), (2, "mywork"), (3, "cases"), (5, "settings"), (4, "reports")):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_key() == key
        assert window.stack.currentWidget() is window.page(key)


def test_plugged_in_page_receives_ctrl_n_ctrl_f_and_f5(qtbot, window):
    calls: list[str] = []

    class FakeCases(QWidget):
        def new_case(self):
            calls.append("new")

        def focus_search(self):
            calls.append("search")

        def refresh(self):
            calls.append("refresh")

    window.add_page("cases", "案件", "mdi6.briefcase-outline", FakeCases())
    assert window.page_keys()[:5] == ["dashboard", "mywork", "cases", "reports", "settings"]  # then the case workspace
    window.show_page("dashboard")
    with qtbot.waitSignal(window.new_case_requested):
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "cases"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert calls == ["new", "search", "refresh"]


def test_last_page_and_geometry_are_remembered(qtbot, store, admin):
    first = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(first)
    first.resize(700, 500)
    first.show_page("reports")
    first.close()
    second = MainWindow(Session(store=store, user=admin))
    qtbot.addWidget(second)
    assert second.current_key() == "reports"
    assert (second.width(), second.height()) == (700, 500)


def test_switch_user_updates_title_and_settings_permissions(qtbot, window, store, monkeypatch):
    clerk = store.repos.users.create("clerk", "李娜", PASSWORD, {Role.ACCOUNT_MANAGER})
    monkeypatch.setattr(window, "prompt_sign_in", lambda: clerk)
    window.switch_user_action.trigger()
    assert window.windowTitle().endswith("李娜")
    settings = window.show_page("settings")
    users_panel = settings.show_section("users")
    assert not users_panel.new_button.isEnabled()
    assert "管理员" in users_panel.new_button.toolTip()
    assert settings.panels["language"].apply_button.isEnabled()


# -- settings ---------------------------------------------------------------------------


def test_user_with_short_password_is_refused_and_nothing_saved(qtbot, window, store, monkeypatch, boxes):
    def fill(dialog):
        qtbot.keyClicks(dialog.username, "bob")
        dialog.display_name.setText("鲍勃")
        qtbot.keyClicks(dialog.password, "short")
        qtbot.keyClicks(dialog.password2, "short")
        qtbot.mouseClick(dialog.role_checks[Role.ACCOUNT_MANAGER], Qt.MouseButton.LeftButton)

    seen = drive_dialog(monkeypatch, qtbot, fill)
    panel = window.show_page("settings").show_section("users")
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].result() == 0
    assert len(boxes) == 1 and boxes[0][2].startswith("密码：密码太容易被猜到")
    assert [u.username for u in store.repos.users.all()] == ["admin"]
    assert panel.model.rowCount() == 1


def test_user_created_with_roles_appears_in_the_list(qtbot, window, store, monkeypatch, boxes):
    def fill(dialog):
        qtbot.keyClicks(dialog.username, "bob")
        dialog.display_name.setText("鲍勃")
        qtbot.keyClicks(dialog.password, PASSWORD)
        qtbot.keyClicks(dialog.password2, PASSWORD)
        qtbot.mouseClick(dialog.role_checks[Role.RISK_MANAGER], Qt.MouseButton.LeftButton)

    drive_dialog(monkeypatch, qtbot, fill)
    panel = window.show_page("settings").show_section("users")
    qtbot.mouseClick(panel.new_button, Qt.MouseButton.LeftButton)
    assert boxes == []
    bob = store.repos.users.by_username("bob")
    assert bob is not None and bob.roles == frozenset({Role.RISK_MANAGER})
    assert panel.model.rowCount() == 2
    assert panel.model.index(1, 2).data() == "风控经理(B角)"


def test_bank_share_of_120_percent_is_refused_naming_the_field(qtbot, window, store, monkeypatch, boxes):
    def fill(dialog):
        dialog.name.setText("上海银行")
        dialog.branch.setText("浦东分行")
        dialog.bank_share.setText("120")

    seen = drive_dialog(monkeypatch, qtbot, fill)
    panel = window.show_page("settings").show_section("banks")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert seen[0].result() == 0
    assert len(boxes) == 1 and boxes[0][2].startswith("银行分担比例：")
    assert "120" in boxes[0][2]
    assert store.repos.banks.all() == []


def test_bank_saved_with_percentages_as_basis_points(qtbot, window, store, monkeypatch, boxes):
    def fill(dialog):
        dialog.name.setText("上海银行")
        dialog.branch.setText("浦东分行")
        dialog.bank_share.setText("12.5")
        dialog.reguarantor_name.setText("市再担保")
        dialog.reguarantor_share.setText("30%")

    drive_dialog(monkeypatch, qtbot, fill)
    panel = window.show_page("settings").show_section("banks")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert boxes == []
    [bank] = store.repos.banks.all()
    assert (bank.bank_share_bp, bank.reguarantor_share_bp) == (1250, 3000)
    assert panel.model.index(0, 2).data() == "12.5%"


def test_product_parameters_with_negative_rate_refused_naming_the_key(qtbot, window, store, boxes):
    panel = window.show_page("settings").show_section("product")
    text = panel.editor.toPlainText()
    assert 'annual_rate = "0.01"' in text
    panel.editor.setPlainText(text.replace('annual_rate = "0.01"', 'annual_rate = "-0.01"'))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert len(boxes) == 1
    assert boxes[0][2].startswith("fees.annual_rate：") and "不能为负数" in boxes[0][2]
    assert store.repos.settings.product_versions("kuaiyidai") == []


def test_holiday_override_added_and_removed(qtbot, window, store, boxes):
    from PySide6.QtCore import QDate

    panel = window.show_page("settings").show_section("holidays")
    panel.day.setDate(QDate(2030, 2, 2))
    panel.kind.setCurrentIndex(1)
    panel.note.setText("春节调休")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    rows = store.repos.settings.holiday_override_rows()
    assert [(d.isoformat(), w, n) for d, w, n in rows] == [("2030-02-02", True, "春节调休")]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert store.repos.settings.holiday_override_rows() == []


def test_general_settings_save_without_the_guarantor_figures(qtbot, window, store, boxes):
    panel = window.show_page("settings").show_section("general")
    panel.fields["letterhead.signatory"][0].setText("李四")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert store.repos.settings.get("letterhead.signatory") == "李四"
    assert "guarantor.net_assets_fen" not in store.repos.settings.all()


def test_general_settings_never_overwrite_what_another_admin_saved_meanwhile(qtbot, window, store, boxes):
    panel = window.show_page("settings").show_section("general")
    admin_user = window.session.user
    # Another admin, at another workstation, changes the signatory after this form was loaded.
    admin.save_settings(store, admin_user, {"letterhead.signatory": "王五"}, read=store.repos.settings.all())
    panel.fields["letterhead.telephone"][0].setText("021-12345678")  # this admin changes another field
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert len(boxes) == 1 and "已被其他人修改" in boxes[0][2] and "签发人" in boxes[0][2]
    assert store.repos.settings.get("letterhead.signatory") == "王五"  # kept, not overwritten with the old name
    assert store.repos.settings.get("letterhead.telephone") != "021-12345678"  # nothing of the save written
    assert panel.revert_button.text() in boxes[0][2]  # the message names the button that reloads
    qtbot.mouseClick(panel.revert_button, Qt.MouseButton.LeftButton)  # 放弃修改: reload, then save again
    assert panel.fields["letterhead.signatory"][0].text() == "王五"
    panel.fields["letterhead.telephone"][0].setText("021-12345678")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert store.repos.settings.get("letterhead.telephone") == "021-12345678"
    assert store.repos.settings.get("letterhead.signatory") == "王五"


def test_net_assets_are_recorded_with_an_effective_date_and_shown_in_the_history(qtbot, window, store, boxes):
    import datetime as dt

    from ipguard import admin, clock

    box = window.show_page("settings").show_section("guarantor").guarantor
    assert box.effective.value() == clock.today() and box.net_assets.text() == "1,500,000,000.00"
    assert box.model.rowCount() == 1  # the figure carried over from the settings, valid since always
    box.net_assets.setText("很多")
    qtbot.mouseClick(box.record_button, Qt.MouseButton.LeftButton)
    assert boxes[-1][2].startswith("担保公司净资产：")
    assert len(admin.guarantor_history(store)) == 1
    box.net_assets.setText("1,200,000,000.00")
    box.small_micro.setChecked(True)
    box.effective.set_text("2026-01-01" if clock.today() >= dt.date(2026, 1, 1) else clock.today().isoformat())
    box.note.setText("2025年度审计报告")
    qtbot.mouseClick(box.record_button, Qt.MouseButton.LeftButton)
    figures = admin.guarantor_figures_at(store, clock.today())
    assert (figures.net_assets, figures.mainly_small_micro, figures.note) == (120_000_000_000, True, "2025年度审计报告")
    assert box.model.rowCount() == 2 and box.model.index(0, 1).data() == "1,200,000,000.00"
    assert box.model.index(1, 0).data() == "最初"
    box.effective.set_text((clock.today() + dt.timedelta(days=1)).isoformat())
    qtbot.mouseClick(box.record_button, Qt.MouseButton.LeftButton)
    assert boxes[-1][2].startswith("生效日期：")  # never in the future
    assert len(admin.guarantor_history(store)) == 2


def test_settings_models_pass_the_model_tester(qtmodeltester, window, store):
    store.repos.users.create("bob", "鲍勃", PASSWORD, {Role.OPERATIONS})
    settings = window.show_page("settings")
    for key in ("users", "banks", "referrers", "holidays"):
        panel = settings.show_section(key)
        panel.refresh()
        qtmodeltester.check(panel.model)


# -- language and errors ----------------------------------------------------------------


def test_language_switch_to_english_changes_visible_labels(qtbot, window):
    assert window.nav.item(2).text() == "案件" and window.nav.item(1).text().startswith("待办")
    settings = window.show_page("settings")
    panel = settings.show_section("language")
    panel.combo.setCurrentIndex(panel.combo.findData("en"))
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert [window.nav.item(i).text() for i in (0, 2, 3, 4)] == ["Dashboard", "Cases", "Reports", "Settings"]
    assert window.nav.item(1).text().startswith("My work")
    assert window.file_menu.title() == "&File"
    assert window.session.lang == "en"
    assert QSettings().value("ui/language") == "en"
    qtbot.waitUntil(lambda: settings.tabs.tabText(0) == "Users and roles")


def test_show_error_names_the_field_in_the_interface_language(boxes):
    uierrors.show_error(None, ValidationError("bank_share_bp", "percent_invalid", value="120"))
    i18n.install_translations("en")
    uierrors.show_error(None, ValidationError("bank_share_bp", "percent_invalid", value="120"))
    assert boxes[0][2].startswith("银行分担比例：")
    assert boxes[1][2].startswith("bank's loss share: must be a percentage")


def test_unexpected_exception_shows_copyable_report_and_logs(qtbot, tmp_path, monkeypatch):
    reports: list[str] = []
    monkeypatch.setattr(uierrors, "show_exception_dialog", lambda parent, report: reports.append(report))
    log_file = uierrors.setup_logging(tmp_path / "logs")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        uierrors.show_error(None, exc)
    assert "RuntimeError: boom" in reports[0] and "Traceback" in reports[0]
    assert "RuntimeError: boom" in Path(log_file).read_text(encoding="utf-8")
    dialog = uierrors.ExceptionDialog(reports[0])
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    from PySide6.QtGui import QGuiApplication

    assert "RuntimeError: boom" in QGuiApplication.clipboard().text()


def test_crash_log_of_previous_run_is_kept_and_announced(tmp_path, monkeypatch, boxes):
    import faulthandler

    enabled: list[object] = []
    monkeypatch.setattr(faulthandler, "enable", lambda file=None, **kw: enabled.append(file))
    monkeypatch.setattr(uierrors, "previous_crash", [])
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "crash.log").write_text("Fatal Python error: Segmentation fault\n")
    path = uierrors.enable_faulthandler(logs)
    assert path.read_text() == "" and enabled and enabled[0].name == str(path)
    [kept] = uierrors.previous_crash
    assert kept.read_text().startswith("Fatal Python error")
    enabled[0].close()
