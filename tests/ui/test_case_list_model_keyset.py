"""The case list model paging by keyset (a team server's long list): first page at once, more on scroll."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt

from ipguard.demo.synthetic import generate_cases
from ipguard.domain import Role
from ipguard.store.records import CaseFilter
from tests import factories
from ui.models.case_list import COL_CASE_NO, KEYSET_FROM, CaseIdRole, CaseListModel

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def listed(store):
    factories.user(store, "amgr", Role.ACCOUNT_MANAGER)
    factories.user(store, "risk", Role.RISK_MANAGER)
    factories.bank(store)
    generate_cases(store, 45, seed=5, today=TODAY)
    return store


def test_keyset_model_passes_the_model_tester_and_fetches_page_by_page(qtmodeltester, listed) -> None:
    model = CaseListModel(listed, page_size=10, keyset=True)
    assert model.is_keyset() and model.total() == 45
    assert model.rowCount() == 10 and model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 45 and not model.canFetchMore(QModelIndex())
    ids = [model.index(r, 0).data(CaseIdRole) for r in range(model.rowCount())]
    assert ids == [r.id for r in listed.repos.cases.page(model.case_filter(), 0, 100)]
    assert model.case_ids() == ids and model.row_of_case(ids[30]) == 30


def test_keyset_sort_and_filter_start_again_from_the_first_page(listed) -> None:
    model = CaseListModel(listed, page_size=10, keyset=True)
    model.sort(COL_CASE_NO, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 10
    numbers = [model.row_at(r).case_no for r in range(10)]
    assert numbers == sorted(numbers) and numbers[0].endswith("0001")
    model.set_filter(CaseFilter(text=numbers[3]))
    assert model.total() == 1 and [model.row_at(0).case_no] == [numbers[3]] and not model.canFetchMore(QModelIndex())


def test_a_short_list_keeps_the_snapshot_of_every_id(listed) -> None:
    model = CaseListModel(listed)  # 45 cases: far below KEYSET_FROM on either backend
    assert KEYSET_FROM > 45 and not model.is_keyset() and model.rowCount() == 45
