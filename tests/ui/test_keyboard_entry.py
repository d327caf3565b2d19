"""Keyboard-first entry: a date typed into an empty date field, the calendar at today, Tab moves on; 万元 amounts."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ipguard import clock
from ui.widgets.fields import OK, OptionalDateEdit, ValidatedField, money_check


@pytest.fixture
def form(qtbot):
    host = QWidget()
    layout = QVBoxLayout(host)
    date = OptionalDateEdit(host)
    after = QLineEdit(host)
    layout.addWidget(date)
    layout.addWidget(after)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    return host, date, after


@pytest.mark.parametrize("typed", ["20261201", "2026-12-01", "2026/12/1"])
def test_typing_a_date_into_an_empty_date_field_then_tab(qtbot, form, typed):
    host, date, after = form
    assert date.value() is None and date.iso() == ""
    host.activateWindow()
    date.setFocus()
    qtbot.waitUntil(date.edit.hasFocus)
    qtbot.keyClicks(date.edit, typed)
    assert date.value() == dt.date(2026, 12, 1)
    qtbot.keyClick(date.edit, Qt.Key.Key_Tab)
    assert after.hasFocus()  # Tab moved on
    assert date.edit.text() == "2026-12-01" and date.date() == QDate(2026, 12, 1)


def test_a_wrong_date_is_kept_and_named_not_silently_dropped(qtbot, form):
    _host, date, _after = form
    qtbot.keyClicks(date.edit, "2026/13/1")
    assert date.value() is None and date.iso() == "2026/13/1" and not date.is_valid()
    assert "不是有效日期" in date.edit.toolTip()


def test_the_calendar_opens_at_today_when_empty_and_at_the_date_otherwise(qtbot, form):
    _host, date, _after = form
    date.button.menu().aboutToShow.emit()
    assert date.calendar.selectedDate() == QDate(clock.today())
    date.calendar.clicked.emit(QDate(2027, 3, 4))
    assert date.value() == dt.date(2027, 3, 4)
    date.button.menu().aboutToShow.emit()
    assert date.calendar.selectedDate() == QDate(2027, 3, 4)
    date.setDate(QDate(2023, 5, 10))  # QDateEdit-style callers keep working
    assert date.iso() == "2023-05-10"


def test_money_fields_accept_wan(qtbot):
    field = ValidatedField(money_check("requested_amount"))
    qtbot.addWidget(field)
    field.setText("500万")
    assert field.verdict().state == OK and "5,000,000.00元（500.00万元）" in field.verdict().message


def test_one_case_is_singular_in_english():
    from ui import app as uiapp
    from ui import i18n
    from ui.i18n import translate

    uiapp.ensure_application()
    i18n.install_translations("en")
    try:
        assert translate("Cases", "共 1 件") == "1 case" and translate("Dashboard", "1 件") == "1 case"
        assert translate("Cases", "共 {n} 件").format(n=2) == "2 cases"
    finally:
        i18n.install_translations("zh")
