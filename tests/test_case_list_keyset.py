"""Keyset paging of the case list (issue 20, Deliver 5): pages after (sort value, id), on both backends."""

from __future__ import annotations

import pytest

from ipguard.domain import Stage
from ipguard.store.records import CaseFilter
from ipguard.store.repos.cases import SORT_COLUMNS
from tests.workflow_helpers import cast, open_case


def _walk(store, f: CaseFilter, size: int) -> list[int]:
    ids: list[int] = []
    page, cursor = store.repos.cases.keyset_page(f, None, size)
    ids += [r.id for r in page]
    while cursor is not None:
        page, cursor = store.repos.cases.keyset_page(f, cursor, size)
        assert len(page) <= size
        ids += [r.id for r in page]
    return ids


@pytest.fixture
def listed(store):
    c = cast(store)
    ids = [open_case(store, c, seed=s) for s in range(1, 14)]
    # Some cases assessed (a guarantee amount, some equal), the rest without: they come last either way.
    with store.transaction():  # test data: amounts and stages without walking the workflow
        for n, case_id in enumerate(ids[:7]):
            store.db.execute("UPDATE cases SET guarantee_amount_fen = ?, requested_amount_fen = ? WHERE id = ?",
                             [(n % 3) * 100_000_00, (n % 2) * 50_000_00 + 1, case_id])
        store.db.execute("UPDATE cases SET stage = ? WHERE id IN (?, ?, ?)", [Stage.SCREENING.value, ids[1], ids[4], ids[9]])
    return ids, c


@pytest.mark.parametrize("key", sorted(SORT_COLUMNS))
@pytest.mark.parametrize("descending", [False, True])
def test_walking_the_pages_gives_the_whole_list_in_order_once(store, listed, key, descending) -> None:
    f = CaseFilter(sort_key=key, descending=descending)
    expected = [r.id for r in store.repos.cases.page(f, 0, 1000)]
    assert len(expected) == len(listed[0])
    assert _walk(store, f, 4) == expected
    assert _walk(store, f, 1) == expected


def test_pages_keep_the_filter_and_end_with_no_cursor(store, listed) -> None:
    f = CaseFilter(stages=(Stage.SCREENING,), sort_key="application_date", descending=True)
    page, cursor = store.repos.cases.keyset_page(f, None, 2)
    assert len(page) == 2 and cursor is not None
    rest, end = store.repos.cases.keyset_page(f, cursor, 2)
    assert [r.id for r in page + rest] == [r.id for r in store.repos.cases.page(f, 0, 100)] and len(rest) == 1
    assert end is None
    assert all(r.stage is Stage.SCREENING for r in page + rest)


def test_a_case_added_after_the_first_page_does_not_repeat_a_row(store, listed) -> None:
    f = CaseFilter(sort_key="case_no", descending=False)
    first, cursor = store.repos.cases.keyset_page(f, None, 5)
    open_case(store, listed[1], seed=99)  # numbered last: it shows at the end, nothing shifts
    rest = _walk_from(store, f, cursor, 5)
    ids = [r.id for r in first] + rest
    assert len(ids) == len(set(ids)) == len(listed[0]) + 1


def _walk_from(store, f, cursor, size) -> list[int]:
    ids: list[int] = []
    while cursor is not None:
        page, cursor = store.repos.cases.keyset_page(f, cursor, size)
        ids += [r.id for r in page]
    return ids
