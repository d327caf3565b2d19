"""The case list: model contract, paging, SQL sorting by header click, search and filters."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from stdnum.cn import ric, uscc

from ipguard import clock
from ipguard.demo.synthetic import generate_cases
from ipguard.domain import Role, Stage
from ipguard.store.records import BankRecord, CaseFilter
from tests import factories
from ui.models.case_list import (
    COL_APPLICATION_DATE,
    COL_CASE_NO,
    COL_COMPANY,
    COL_GUARANTEE,
    COL_REQUESTED,
    COL_STAGE,
    COL_UPDATED,
    COL_USCC,
    PAGE_SIZE,
    CaseIdRole,
    CaseListModel,
    RowRole,
    SortRole,
)
from ui.pages.cases import CaseListPage
from ui.session import Session

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def session(store):
    manager = factories.user(store, "amgr", Role.ACCOUNT_MANAGER)
    factories.user(store, "risk", Role.RISK_MANAGER)
    factories.bank(store)
    store.repos.banks.save(BankRecord(0, "招商银行", "上海张江支行", "", "", "", 1000, "", 0), acting_user_id=None)
    return Session(store, manager)


def give_guarantee_amounts(store) -> None:
    """Two thirds of the cases assessed, amounts of 4 to 9 digits (synthetic cases carry none)."""
    with store.transaction():
        for n, case_id in enumerate(store.repos.cases.ordered_ids(CaseFilter())):
            if n % 3:
                store.repos.cases.update_fields(case_id, {"guarantee_amount_fen": 7 ** (n % 11 + 4) % 10 ** (n % 6 + 4) + 1})


@pytest.fixture
def page(qtbot, session):
    generate_cases(session.store, 450, seed=7, today=TODAY)
    give_guarantee_amounts(session.store)
    widget = CaseListPage(session)
    qtbot.addWidget(widget)
    widget.resize(1280, 700)
    widget.show()
    return widget


def test_synthetic_cases_are_valid_and_complete(store):
    result = generate_cases(store, 30, seed=3, today=TODAY)
    assert result.cases == 30 and store.repos.cases.count(CaseFilter()) == 30
    rows = list(store.repos.cases.iter_rows(CaseFilter()))
    assert all(uscc.is_valid(r.uscc) for r in rows)
    case = store.repos.cases.get(rows[0].id)
    company = store.repos.companies.get(case.company_id)
    assert ric.is_valid(company.controller_resident_id)
    assert store.repos.cases.assets(case.id) and store.repos.cases.checklist(case.id)
    assert store.repos.cases.financials(case.id) is not None
    # Later intake continues the case-number sequence instead of colliding.
    more = generate_cases(store, 5, seed=4, today=TODAY)
    assert store.repos.cases.count(CaseFilter()) == 35 and more.first_case_id == 31


def test_model_passes_qt_model_tester(qtmodeltester, session):
    generate_cases(session.store, 250, seed=1, today=TODAY)
    model = CaseListModel(session.store)
    assert model.total() == 250 and model.rowCount() == 250  # every case is a row; rows come by pages
    qtmodeltester.check(model)
    assert model.loaded() <= 250


def test_model_roles(session):
    generate_cases(session.store, 3, seed=2, today=TODAY)
    model = CaseListModel(session.store)
    index = model.index(0, COL_REQUESTED)
    row = index.data(RowRole)
    assert index.data(SortRole) == row.requested_amount
    assert index.data() == f"{row.requested_amount / 1_000_000:,.2f}"
    assert model.index(0, COL_STAGE).data() == row.stage.label
    assert index.data(CaseIdRole) == row.id
    assert model.headerData(COL_USCC, Qt.Orientation.Horizontal) == "统一社会信用代码"


def test_pages_are_fetched_when_shown(qtbot, page):
    model = page.model
    assert model.total() == model.rowCount() == 450
    assert page.count_label.text() == "共 450 件"
    assert model.loaded() <= 2 * PAGE_SIZE  # what the view painted, not the whole list
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.row_at(449) is not None)
    ids = [model.index(r, 0).data(CaseIdRole) for r in range(450)]
    assert len(set(ids)) == 450 and ids == page.session.store.repos.cases.ordered_ids(model.case_filter(), model._ranker)


def _click_header(qtbot, page, column):
    header = page.table.horizontalHeader()
    page.table.scrollTo(page.model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _column(page, column, role=Qt.ItemDataRole.DisplayRole):
    return [page.model.index(r, column).data(role) for r in range(page.model.rowCount())]


def test_sorting_by_clicking_a_header_sorts_in_the_store(qtbot, page):
    _click_header(qtbot, page, COL_CASE_NO)
    first = page.model.case_filter()
    assert first.sort_key == "case_no"
    numbers = _column(page, COL_CASE_NO)
    assert len(numbers) == 450 and numbers == sorted(numbers, reverse=first.descending)
    _click_header(qtbot, page, COL_CASE_NO)
    assert page.model.case_filter().descending != first.descending
    again = _column(page, COL_CASE_NO)
    assert again == sorted(again, reverse=not first.descending)
    _click_header(qtbot, page, COL_REQUESTED)
    amounts = _column(page, COL_REQUESTED, SortRole)
    assert amounts == sorted(amounts, reverse=page.model.case_filter().descending)


@pytest.mark.parametrize("column", range(10))
def test_every_column_sorts_both_ways(qtbot, page, column):
    from ui.models.case_list import SORT_KEYS

    store = page.session.store
    for _ in range(2):
        _click_header(qtbot, page, column)
        f = page.model.case_filter()
        assert f.sort_key == SORT_KEYS[column] and page.table.horizontalHeader().sortIndicatorSection() == column
        rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
        assert [r.id for r in rows] == store.repos.cases.ordered_ids(f, page.model._ranker)
        if column in (COL_REQUESTED, COL_GUARANTEE, COL_APPLICATION_DATE, COL_UPDATED):
            values = [page.model.index(r, column).data(SortRole) for r in range(len(rows))]
            known = [v for v in values if v not in (None, -1)]
            assert known == sorted(known, reverse=f.descending)
            if column == COL_GUARANTEE:  # not yet assessed: last in both directions
                assert values[len(known):] == [-1] * (len(values) - len(known)) and 0 < len(known) < len(values)


def test_amounts_sort_as_numbers_not_as_text(qtbot, page):
    _click_header(qtbot, page, COL_GUARANTEE)
    if page.model.case_filter().descending:
        _click_header(qtbot, page, COL_GUARANTEE)
    shown = [page.model.row_at(r).guarantee_amount for r in range(page.model.rowCount())]
    known = [g for g in shown if g is not None]
    assert known == sorted(known) and len({len(str(g)) for g in known}) > 1  # 9.5万 before 120万


def test_search_by_case_number_typed(qtbot, page):
    target = page.session.store.repos.cases.page(CaseFilter(), 123, 1)[0]
    qtbot.keyClicks(page.search, target.case_no)
    with qtbot.waitSignal(page.search_timer.timeout, timeout=2000):
        pass  # the debounce timer fires on its own
    assert page.model.total() == 1
    assert page.model.index(0, COL_CASE_NO).data() == target.case_no
    assert page.count_label.text() == "共 1 件"


def test_search_by_asset_number_and_credit_code(qtbot, page):
    store = page.session.store
    row = store.repos.cases.page(CaseFilter(), 200, 1)[0]
    number = store.repos.cases.assets(row.id)[0].number
    qtbot.keyClicks(page.search, number.lower())  # ascii, any case
    page.apply_filters()
    assert row.id in [page.model.index(r, 0).data(CaseIdRole) for r in range(page.model.rowCount())]
    page.search.clear()
    qtbot.keyClicks(page.search, row.uscc)
    page.apply_filters()
    assert page.model.total() == 1 and page.model.index(0, 0).data(CaseIdRole) == row.id


def test_search_by_company_fragment(qtbot, page):
    store = page.session.store
    name = store.repos.cases.page(CaseFilter(), 10, 1)[0].company_name
    fragment = name[2:7]
    page.search.setText(fragment)  # Chinese: setText, never keyClicks
    page.apply_filters()
    expected = sum(1 for r in store.repos.cases.iter_rows(CaseFilter()) if fragment in r.company_name)
    assert page.model.total() == expected >= 1
    assert all(fragment in page.model.index(r, COL_COMPANY).data() for r in range(page.model.rowCount()))


def test_filters_by_stage_and_bank(qtbot, page):
    store = page.session.store
    page.stage_combo.setCurrentIndex(page.stage_combo.findText(Stage.IN_FORCE.label))
    in_force = store.repos.cases.count(CaseFilter(stages=(Stage.IN_FORCE,)))
    assert 0 < page.model.total() == in_force < 450
    assert {page.model.index(r, COL_STAGE).data() for r in range(page.model.rowCount())} == {"在保"}
    bank = store.repos.banks.all()[1]
    page.bank_combo.setCurrentIndex(page.bank_combo.findData(bank.id))
    both = store.repos.cases.count(CaseFilter(stages=(Stage.IN_FORCE,), bank_id=bank.id))
    assert page.model.total() == both < in_force
    assert page.count_label.text() == f"共 {both} 件"
    page.clear_filters()
    assert page.model.total() == 450


def test_date_range_filter_with_no_bound(qtbot, page):
    page.date_from.set_value(dt.date(2026, 1, 1))
    expected = page.session.store.repos.cases.count(CaseFilter(date_from=dt.date(2026, 1, 1)))
    assert page.model.total() == expected < 450
    assert page.date_to.text() == "不限"
    assert "申请日期：2026-01-01 至 不限" in page.filters_text()


def test_double_click_and_enter_open_the_case(qtbot, page):
    index = page.model.index(3, COL_COMPANY)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(page.case_opened) as blocker:
        qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [index.data(CaseIdRole)]
    page.table.setCurrentIndex(page.model.index(5, 0))
    page.table.setFocus()
    with qtbot.waitSignal(page.case_opened) as blocker:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert blocker.args == [page.model.index(5, 0).data(CaseIdRole)]


def test_case_changed_signal_refreshes(qtbot, page):
    store = page.session.store
    generate_cases(store, 2, seed=99, today=TODAY)
    assert page.model.total() == 450
    page.session.signals.case_changed.emit(1)
    assert page.model.total() == 452 and page.count_label.text() == "共 452 件"


def test_new_case_button_disabled_for_other_roles(qtbot, store):
    risk = store.repos.users.by_username("risk") or factories.user(store, "risk2", Role.RISK_MANAGER)
    widget = CaseListPage(Session(store, risk))
    qtbot.addWidget(widget)
    assert not widget.new_button.isEnabled() and "客户经理" in widget.new_button.toolTip()
    assert widget.new_case() is None


def test_new_case_selects_and_opens(qtbot, page, monkeypatch):
    from ipguard import intake

    def fake_dialog():
        with clock.frozen(dt.datetime(2027, 1, 1, 10)):  # an application is never dated after today
            return _open()

    def _open():
        case = intake.open_case(page.session.store, intake.parse_intake(factories.applicant(5, application_date="2027-01-01")),
                                page.session.user)  # fmt: skip
        return case.id

    monkeypatch.setattr(page, "run_intake_dialog", fake_dialog)
    with qtbot.waitSignal(page.case_opened) as blocker:
        case_id = page.new_case()
    assert blocker.args == [case_id] and page.selected_case_id() == case_id and page.model.total() == 451


def test_export_runs_in_background(qtbot, page, tmp_path, monkeypatch):
    page.stage_combo.setCurrentIndex(page.stage_combo.findText(Stage.RELEASED.label))
    expected = page.model.total()
    out = tmp_path / "export.xlsx"
    monkeypatch.setattr(page, "ask_export_path", lambda: out)
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as blocker:
        page.export()
        assert not page.export_button.isEnabled() and page.progress.isVisible()
    assert blocker.args == [str(out), expected]
    assert page.export_button.isEnabled() and not page.progress.isVisible()
    ws = load_workbook(out, read_only=True).worksheets[0]
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "阶段：解保" in " ".join(str(v) for v in values)
    assert sum(1 for v in values if v == "解保") == expected


def test_export_cancelled_by_user_leaves_no_file(qtbot, page, monkeypatch, tmp_path):
    monkeypatch.setattr(page, "ask_export_path", lambda: None)
    page.export()
    assert page.export_button.isEnabled() and not list(tmp_path.glob("*.xlsx"))


def test_a_new_search_starts_at_its_first_hit(qtbot, page):
    page.apply_filters()
    page.table.scrollToBottom()
    page.table.selectRow(page.model.rowCount() - 1)
    page.stage_combo.setCurrentIndex(1)  # another filter: a new result list
    page.apply_filters()
    assert page.table.verticalScrollBar().value() == 0
    assert page.model.rowCount() == 0 or page.table.currentIndex().row() == 0
