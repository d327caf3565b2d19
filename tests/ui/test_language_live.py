"""Switching the language live: every open page and case workspace follows, nothing stays half Chinese."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabBar,
    QWidget,
)

from ipguard.products import available_products, load_product
from tests import workflow_helpers as wh
from ui import i18n
from ui.session import Session

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@pytest.fixture(autouse=True)
def chinese_after():
    i18n.install_translations("zh")
    yield
    i18n.install_translations("zh")


def data_texts(store) -> list[str]:
    """Names typed by users (companies, people, banks …): data, shown as entered in either language."""
    out = [b.display for b in store.repos.banks.all()]
    for code in available_products():  # configured products: their names and materials have no English
        product = load_product(code)
        out += [product.name, *(item.label for item in product.checklist)]
    for sql in ("SELECT name FROM companies", "SELECT display_name FROM users", "SELECT name || branch FROM banks",
                "SELECT name FROM banks", "SELECT name FROM referrers"):
        out += [next(iter(row.values())) for row in store.query(sql)]
    out += [t[:8] for t in out]  # a case's tab shows the company's name cut short
    return sorted({t for t in out if t}, key=len, reverse=True)


def visible_texts(root: QWidget) -> list[tuple[str, str]]:
    """(widget, text) of the labels, buttons, tab texts, headers, group titles and combo items shown.

    Table and list cells are data (companies, people) and are not read, except the navigation's entries.
    """
    out: list[tuple[str, str]] = []
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        name = f"{type(w).__name__}#{w.objectName()}"
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append((name, w.text()))
        elif isinstance(w, QTabBar):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QHeaderView) and w.model() is not None:
            orientation = w.orientation()
            count = w.model().columnCount() if orientation == Qt.Orientation.Horizontal else 0
            out += [(name, str(w.model().headerData(i, orientation) or "")) for i in range(count)]
        elif isinstance(w, QGroupBox):
            out.append((name, w.title()))
        elif isinstance(w, QComboBox):
            out += [(name, w.itemText(i)) for i in range(w.count())]
        elif isinstance(w, QLineEdit):
            out.append((name, w.placeholderText()))
        if isinstance(w, QListWidget) and w.objectName() == "navigation":
            out += [(name, w.item(i).text()) for i in range(w.count())]
    return out


def chinese_left(root: QWidget, data: list[str]) -> list[tuple[str, str]]:
    left = []
    for name, text in visible_texts(root):
        for datum in data:
            text = text.replace(datum, "")
        if CJK.search(text):
            left.append((name, text))
    return left


def switch(window, lang: str) -> None:
    """设置 → 语言 → 应用, as a user does."""
    settings = window.show_page("settings")
    panel = settings.show_section("language")
    panel.combo.setCurrentIndex(panel.combo.findData(lang))
    panel.apply_button.click()


def test_switching_language_live_updates_every_page_and_open_case(qtbot, store, monkeypatch):
    from ui.main_window import MainWindow

    c = wh.cast(store)
    case_id = wh.open_case(store, c)
    window = MainWindow(Session(store, c.a))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    for key in ("dashboard", "mywork", "reports"):
        window.show_page(key)
    cases = window.show_page("cases")
    cases.search.setText("ZZZ-none")  # a filter the user typed: kept across the switch
    cases.apply_filters()
    window.case_desk.open_case(case_id)
    window.show_page("case")
    window.case_desk.current().show_tab("AssetsTab")
    data = data_texts(store)

    switch(window, "en")
    assert window.session.lang == "en"
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Dashboard")
    for key in ("dashboard", "mywork", "cases", "reports", "case"):
        page = window.show_page(key)
        qtbot.waitUntil(lambda page=page: page.isVisible())
        assert chinese_left(window, data) == [], key
    assert window.show_page("cases").search.text() == "ZZZ-none"
    ws = window.show_page("case").current()
    assert ws.case_id == case_id and ws.current_tab_name() == "AssetsTab"
    assert ws.findChild(QLabel, "waitingFor").text().startswith("Waiting for: materials still missing")  # the core's, re-read

    switch(window, "zh")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "工作台")
    ws = window.show_page("case").current()
    assert ws.case_id == case_id and ws.current_tab_name() == "AssetsTab"
    assert ws.tab_widget.tabText(0) == "受理"
    assert ws.findChild(QLabel, "waitingFor").text().startswith("当前等待")
    assert window.show_page("cases").search.text() == "ZZZ-none"
