"""case_list_first_page_s and case_filter_s over the real CaseListModel.

First page: constructing :class:`ui.models.case_list.CaseListModel` on the
store (the ordered ids of every case, then the first page of 200 rows by id,
default sort) and reading every cell of that page through ``data()``, as a
view painting it would. Filter: ``set_filter(CaseFilter(text=<2-character
fragment of a company name>))`` (the matching ids, first page) and reading the cells.
"""

from __future__ import annotations

from pathlib import Path

from benchmarks._util import median_time


def _read_all(model) -> int:
    """Read the first page's cells (what a view paints; every case is a row, fetched when shown)."""
    from PySide6.QtCore import Qt

    from ui.models.case_list import PAGE_SIZE

    cells = 0
    for row in range(min(model.rowCount(), PAGE_SIZE)):
        for column in range(model.columnCount()):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)
            cells += 1
    return cells


def fragment(store) -> str:
    """Two characters from the middle of a company name: a typical search."""
    name = store.scalar("SELECT name FROM companies ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM companies)")
    return name[2:4]


def measure(db: Path, repeat: int) -> tuple[dict[str, float], dict[str, object]]:
    from PySide6.QtCore import QCoreApplication

    from ipguard.store import open_store
    from ipguard.store.records import CaseFilter
    from ui.models.case_list import CaseListModel

    _app = QCoreApplication.instance() or QCoreApplication([])
    store = open_store(db)
    try:
        text = fragment(store)

        def first_page() -> None:
            model = CaseListModel(store)
            _read_all(model)

        model = CaseListModel(store)

        def search() -> None:
            model.set_filter(CaseFilter(text=text))  # reloads from SQL every time (no result cache)
            _read_all(model)

        first = median_time(first_page, repeat)
        filtered = median_time(search, repeat)
        matched = model.total()
        figures = {"case_list_first_page_s": first, "case_filter_s": filtered}
        info = {"filter_text": text, "filter_matches": matched, "cases": store.scalar("SELECT COUNT(*) FROM cases")}
        return figures, info
    finally:
        store.close()
