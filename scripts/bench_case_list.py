"""Benchmark the case list with many cases (not a test; prints timings).

    python scripts/bench_case_list.py [N=100000] [--db PATH] [--keep]

Builds N synthetic cases with :func:`ipguard.demo.synthetic.generate_cases`
(one transaction, no audit entries) in a temporary database (or reuses
``--db`` when it already holds cases), then, with the real Qt model and page
offscreen, measures: the first page (page built, table shown), a company-name
search, a case-number search, an asset-number search, a stage filter, a sort
by header and a jump to the last case (Ctrl+End).
Targets (issue 7): first page < 1 s, filter < 0.3 s at 100,000 cases.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _timed(label: str, fn, results: list[tuple[str, float, str]], note=lambda: "") -> None:
    start = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - start
    results.append((label, elapsed, note()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = parser.parse_args(argv)

    from ipguard.demo.synthetic import generate_cases
    from ipguard.domain import Role
    from ipguard.store import open_store
    from ipguard.store.records import CaseFilter

    path = args.db or Path(tempfile.mkdtemp(prefix="ipguard-bench-")) / "bench.db"
    store = open_store(path)
    existing = store.repos.cases.count(CaseFilter())
    if existing < args.n:
        start = time.perf_counter()
        generate_cases(store, args.n - existing, seed=42)
        print(f"generated {args.n - existing:,} cases in {time.perf_counter() - start:.1f} s -> {path}")
    total = store.repos.cases.count(CaseFilter())
    sample = store.repos.cases.page(CaseFilter(), total // 2, 1)[0]
    asset_no = store.repos.cases.assets(sample.id)[0].number
    fragment = sample.company_name[2:6]
    user = store.repos.users.with_role(Role.ACCOUNT_MANAGER)[0]
    store.close()

    from PySide6.QtWidgets import QApplication

    from ui.pages.cases import CaseListPage
    from ui.session import Session

    app = QApplication.instance() or QApplication([])
    results: list[tuple[str, float, str]] = []
    holder: dict[str, object] = {}

    def first_page() -> None:
        session = Session(open_store(path), user)
        page = CaseListPage(session)
        page.resize(1366, 700)
        page.show()
        app.processEvents()
        holder["page"] = page

    _timed("open store + first page shown", first_page, results, lambda: f"{holder['page'].model.total():,} cases")  # type: ignore[attr-defined]
    page = holder["page"]

    def search(text: str) -> None:
        page.search.setText(text)  # type: ignore[attr-defined]
        page.apply_filters()  # type: ignore[attr-defined]
        app.processEvents()

    for label, text in (("search company name fragment", fragment), ("search case number", sample.case_no),
                        ("search asset number", asset_no), ("search credit code", sample.uscc)):  # fmt: skip
        _timed(f"{label} “{text}”", lambda t=text: search(t), results, lambda: f"{page.model.total():,} found")  # type: ignore[attr-defined]
    search("")

    def stage() -> None:
        page.stage_combo.setCurrentIndex(page.stage_combo.findText("在保"))  # type: ignore[attr-defined]
        app.processEvents()

    _timed("filter stage 在保", stage, results, lambda: f"{page.model.total():,} found")  # type: ignore[attr-defined]
    page.clear_filters()  # type: ignore[attr-defined]

    def sort() -> None:
        page.model.sort(1, page.model.sort_order())  # type: ignore[attr-defined]
        app.processEvents()

    _timed("sort by company name", sort, results)

    def last() -> None:
        page.go_last()  # type: ignore[attr-defined]
        app.processEvents()

    _timed("jump to the last case (Ctrl+End)", last, results, lambda: f"{page.model.loaded():,} rows fetched")  # type: ignore[attr-defined]

    print(f"\ncase list benchmark, {total:,} cases")
    for label, seconds, note in results:
        print(f"  {label:<58} {seconds * 1000:8.1f} ms  {note}")
    page.session.store.close()  # type: ignore[attr-defined]
    if args.keep or args.db is not None:
        print(f"database kept at {path}")
    else:
        import shutil

        shutil.rmtree(path.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
