"""The case list of issue 15 item 7, through the real widgets: pinyin order, widths, the last case in one
step, several rows at once."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication

from ipguard import intake
from ipguard.demo.synthetic import generate_cases
from ipguard.domain import Role
from ipguard.store.records import CaseFilter
from tests import factories
from ui.models.case_list import COL_BANK, COL_CASE_NO, COL_COMPANY, PAGE_SIZE, CaseIdRole, CaseListModel, PinyinRanker
from ui.pages.cases import CaseListPage
from ui.session import Session

TODAY = dt.date(2026, 11, 20)
# Code-point order 上 北 安 成 杭 武 浙; reading (pinyin) order an bei cheng hang shang wu zhe.
PLACES = ["上海", "北京", "安徽", "成都", "杭州", "武汉", "浙江"]
PINYIN = ["安徽", "北京", "成都", "杭州", "上海", "武汉", "浙江"]


@pytest.fixture
def manager(store):
    user = factories.user(store, "amgr", Role.ACCOUNT_MANAGER)
    factories.bank(store)
    return user


def named_cases(store, manager) -> list[int]:
    ids = []
    for n, place in enumerate(PLACES):
        data = factories.applicant(n + 1, **{"company.name": f"{place}星河微电子科技有限公司"})
        ids.append(intake.open_case(store, intake.parse_intake(data), manager).id)
    return ids


def make_page(qtbot, store, manager, size=(1366, 700)) -> CaseListPage:
    page = CaseListPage(Session(store, manager))
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    return page


def click_header(qtbot, page, column):
    header = page.table.horizontalHeader()
    page.table.scrollTo(page.model.index(0, column))
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def shown(page, column):
    return [page.model.index(r, column).data() for r in range(page.model.rowCount())]


def test_company_names_sort_by_pinyin_both_ways(qtbot, store, manager):
    named_cases(store, manager)
    page = make_page(qtbot, store, manager)
    click_header(qtbot, page, COL_COMPANY)
    if page.model.case_filter().descending:
        click_header(qtbot, page, COL_COMPANY)
    assert [name[:2] for name in shown(page, COL_COMPANY)] == PINYIN
    assert sorted(PLACES) != PINYIN  # code-point order would be wrong
    click_header(qtbot, page, COL_COMPANY)
    assert [name[:2] for name in shown(page, COL_COMPANY)] == PINYIN[::-1]


def test_pinyin_ranker_uses_the_collator_and_remembers():
    ranker = PinyinRanker()
    ranks = ranker(["重庆", "北京", "阿坝", "2号楼", "10号楼"])
    assert sorted(ranks, key=ranks.get)[:2] == ["2号楼", "10号楼"]  # numbers by value
    assert ranks["阿坝"] < ranks["北京"] < ranks["重庆"]
    again = ranker(["北京", "安庆"])
    assert again["阿坝"] < again["安庆"] < again["北京"] < again["重庆"]  # a new name merged in place


def test_bank_names_sort_by_pinyin(qtbot, store, manager):
    from ipguard.store.records import BankRecord

    shanghai = store.repos.banks.all()[0]
    other = store.repos.banks.save(BankRecord(0, "北京银行", "上海分行", "", "", "", 0, "", 0), acting_user_id=None)
    ids = named_cases(store, manager)
    with store.transaction():
        for case_id in ids:
            store.repos.cases.update_fields(case_id, {"bank_id": other.id if case_id == ids[0] else shanghai.id})
    page = make_page(qtbot, store, manager)
    click_header(qtbot, page, COL_BANK)
    if page.model.case_filter().descending:
        click_header(qtbot, page, COL_BANK)
    banks = shown(page, COL_BANK)
    assert banks[0] == "北京银行上海分行" and banks[-1] == "上海银行浦东分行"  # bei before shang, whatever the code points


def test_columns_take_the_width_of_their_content(qtbot, store, manager):
    data = factories.applicant(3, **{"company.name": "上海张江高科技园区集成电路设计与封装测试有限公司"})
    intake.open_case(store, intake.parse_intake(data), manager)
    named_cases(store, manager)
    page = make_page(qtbot, store, manager)
    header = page.table.horizontalHeader()
    metrics = page.table.fontMetrics()
    for row in range(page.model.rowCount()):
        for column in range(page.model.columnCount() - 1):  # the last one stretches
            text = page.model.index(row, column).data()
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text), (column, text)
    # The header's own words fit too.
    for column in range(page.model.columnCount()):
        title = page.model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title)
    # A width the user dragged stays through a new search.
    header.resizeSection(COL_CASE_NO, 300)
    page.search.setText("星河")
    page.apply_filters()
    assert header.sectionSize(COL_CASE_NO) == 300


@pytest.fixture
def big(qtbot, store, manager):
    generate_cases(store, 3000, seed=5, today=TODAY)
    return make_page(qtbot, store, manager, size=(1366, 600))


def test_ctrl_end_reaches_the_last_case_in_one_step(qtbot, big):
    page = big
    expected = page.session.store.repos.cases.ordered_ids(page.model.case_filter(), page.model._ranker)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    row = page.table.currentIndex().row()
    assert row == 2999 and page.model.index(row, 0).data(CaseIdRole) == expected[-1]
    assert page.model.index(row, COL_CASE_NO).data()  # painted from its own page
    assert page.model.loaded() <= 3 * PAGE_SIZE  # the first and the last pages, not the 13 between
    assert "3,000" in page.position_label.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert page.table.currentIndex().row() == 0


def test_last_and_first_buttons(qtbot, big):
    page = big
    qtbot.mouseClick(page.last_button, Qt.MouseButton.LeftButton)
    assert page.table.currentIndex().row() == 2999
    first, last = page.visible_rows()
    assert last == 2999 and first > 2900
    qtbot.mouseClick(page.first_button, Qt.MouseButton.LeftButton)
    assert page.table.currentIndex().row() == 0 and page.visible_rows()[0] == 0


@pytest.mark.slow
@pytest.mark.sqlite_only  # the file's id snapshot; a server pages a list this long by keyset (tests/ui/test_case_list_model_keyset.py)
def test_last_page_costs_what_the_first_does_at_20000(qtbot, store, manager):
    """What each costs, counted in rows read rather than timed (the times are python -m benchmarks')."""
    generate_cases(store, 20_000, seed=9, today=TODAY)
    model = CaseListModel(store)
    model.set_filter(CaseFilter(sort_key="company", descending=False))
    assert model.rowCount() == 20_000 and model.loaded() <= PAGE_SIZE  # sorted by the database, one page read
    last = model.index(model.rowCount() - 1, COL_COMPANY).data()
    assert last and model.loaded() <= 2 * PAGE_SIZE  # the last row: its own page, not the 19,000 before it


def test_a_new_search_resets_to_the_first_hit_after_the_end(qtbot, big):
    page = big
    page.go_last()
    assert page.table.verticalScrollBar().value() > 0
    page.search.setText("KYD")
    page.apply_filters()
    assert page.table.verticalScrollBar().value() == 0 and page.table.currentIndex().row() == 0


def select_rows(qtbot, page, rows):
    """Click the first row, Ctrl+click the others (as a user does)."""
    view = page.table
    for n, row in enumerate(rows):
        view.scrollTo(page.model.index(row, 1))
        rect = view.visualRect(page.model.index(row, 1))
        modifier = Qt.KeyboardModifier.NoModifier if n == 0 else Qt.KeyboardModifier.ControlModifier
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_multi_select_exports_every_selected_case(qtbot, big, tmp_path, monkeypatch):
    page = big
    select_rows(qtbot, page, [1, 4, 2])
    index = page.model.index(6, 1)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, rect.center())
    chosen = page.model.case_ids([1, 2, 3, 4, 5, 6])
    assert page.selected_case_ids() == chosen
    assert page.export_selected_button.isEnabled() and "6" in page.export_selected_button.text()
    out = tmp_path / "selected.xlsx"
    monkeypatch.setattr(page, "ask_export_path", lambda: out)
    with qtbot.waitSignal(page.export_finished, timeout=30_000) as blocker:
        qtbot.mouseClick(page.export_selected_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [str(out), 6]
    numbers = [page.model.index(r, COL_CASE_NO).data() for r in range(1, 7)]
    ws = load_workbook(out, read_only=True).worksheets[0]
    cells = [c for row in ws.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert [c for c in cells if c in numbers] == numbers  # these six, in the list's order
    assert "所选 6 件" in " ".join(cells)


def test_ctrl_a_then_copy_and_open(qtbot, big, monkeypatch):
    page = big
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_case_ids()) == 3000
    assert page.selected_case_ids() == page.model.case_ids()
    page.table.selectionModel().select(page.model.index(10, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    page.table.selectionModel().select(page.model.index(11, 0), QItemSelectionModel.SelectionFlag.Select
                                       | QItemSelectionModel.SelectionFlag.Rows)
    qtbot.keyClick(page.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QApplication.clipboard().text().splitlines()
    assert len(lines) == 3 and lines[0].startswith("案件编号")
    assert lines[1].split("\t")[0] == page.model.index(10, COL_CASE_NO).data()
    opened: list[int] = []
    page.case_opened.connect(opened.append)
    menu = page.selection_menu()
    next(a for a in menu.actions() if a.text().startswith("打开所选")).trigger()
    assert opened == page.model.case_ids([10, 11])
