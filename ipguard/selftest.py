"""``ipguard --self-test``: prove an installation works, end to end, in a temporary folder.

Creates a database, opens one case, walks it through the workflow to in
force (screening, committee, intent letter, bank approval, contracts, pledge
registration, disbursement), checks the archived letter, writes the monthly
report and reads it back, and verifies the audit chain. Used on the built
program as well as in the source tree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ipguard import clock

if TYPE_CHECKING:
    from ipguard.store.core import Store


def run_self_test(out: TextIO | None = None) -> int:
    out = out or sys.stdout  # looked up now, not at import (a redirected stdout must be honoured)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ipguard-selftest-") as folder:
        try:
            _run(Path(folder), out)
        except Exception as exc:  # the self-test reports any failure as a failure, not a traceback
            print(f"SELF-TEST FAILED: {type(exc).__name__}: {exc}", file=out)
            return 1
    print(f"self-test passed in {time.perf_counter() - started:.1f} s", file=out)
    return 0


def _check(condition: bool, what: str, out: TextIO) -> None:
    if not condition:
        raise AssertionError(what)
    print(f"  ok  {what}", file=out)


def _run(folder: Path, out: TextIO) -> None:
    from ipguard import intake
    from ipguard.demo.build import applicant_data, create_parties
    from ipguard.demo.walk import walk_to
    from ipguard.documents.service import archived
    from ipguard.domain import Role, Stage
    from ipguard.store import open_store

    today = clock.today()
    rng = random.Random(7)
    store = open_store(folder / "selftest.sqlite")
    try:
        _check(store.journal_mode() == "wal", "database opened in WAL mode", out)
        parties = create_parties(store)
        data = applicant_data(rng, today - dt.timedelta(days=20))
        data["bank_id"] = parties.banks[0].id
        data["referrer_id"] = parties.referrers[0].id
        data["risk_manager_id"] = parties.with_role(Role.RISK_MANAGER)[0].id
        case = intake.open_case(store, intake.parse_intake(data), parties.with_role(Role.ACCOUNT_MANAGER)[0])
        walk_to(store, case.id, Stage.IN_FORCE, parties, rng, today)
        case = store.repos.cases.get(case.id)
        _check(case.stage is Stage.IN_FORCE, f"case {case.case_no} walked from intake to in force", out)
        letter = archived(store, case.id, "intent_letter")
        _check(letter is not None and letter[1].startswith(b"%PDF"), "intent letter issued and archived as PDF", out)
        assert letter is not None
        digest = store.repos.documents.sha256_of(letter[0])
        _check(hashlib.sha256(letter[1]).hexdigest() == digest, "archived letter matches its SHA-256", out)
        _check(_pdf_has_text(letter[1], letter[0]), "letter text is extractable", out)
        report = folder / "monthly.xlsx"
        if _write_report(store, today, report):
            from openpyxl import load_workbook

            workbook = load_workbook(report, read_only=True)
            _check("概要" in workbook.sheetnames, f"monthly report written ({len(workbook.sheetnames)} sheets)", out)
            workbook.close()
        result = store.verify_audit()
        _check(result.ok and result.checked > 0, f"audit chain intact ({result.checked} entries)", out)
    finally:
        store.close()


def _pdf_has_text(pdf: bytes, needle: str) -> bool:
    try:
        from io import BytesIO

        from pypdf import PdfReader
    except ImportError:  # pypdf is a test dependency; the built program may lack it
        return True
    text = "".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)
    return needle in text


def _write_report(store: Store, today: dt.date, path: Path) -> bool:
    try:
        from ipguard.reports.service import monthly_report
    except ImportError:
        return False
    monthly_report(store, today.strftime("%Y-%m"), path)
    return path.exists()
