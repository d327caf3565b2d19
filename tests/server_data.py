"""A realistic case database for the server's backup and transfer tests (issue 20): cases at several
stages, the four documents, attachments (one replaced after the committee), audit entries."""

from __future__ import annotations

import hashlib
from typing import Any

from ipguard import casefile
from ipguard.domain import Stage
from ipguard.store import Store
from tests.test_casefile import make_pdf, make_png
from tests.workflow_helpers import Cast, open_case, to_stage

__all__ = ["blob_hashes", "fill", "open_case", "rows"]


def fill(store: Store, c: Cast) -> dict[str, int]:
    """Three cases (in force, at the committee, at intake) with documents and attachments; their ids."""
    in_force = open_case(store, c, 1)
    to_stage(store, in_force, c, Stage.IN_FORCE)
    committee = open_case(store, c, 2)
    to_stage(store, committee, c, Stage.COMMITTEE)
    fresh = open_case(store, c, 3)
    for case_id, data, name in ((in_force, make_pdf("营业执照 扫描件"), "营业执照.pdf"),
                                (committee, make_png(5, 4), "现场照片.png"),
                                (fresh, make_pdf("财务报表 2025"), "财务报表.pdf")):
        casefile.attach(store, case_id, c.a, data=data, name=name, expected_version=store.repos.cases.get(case_id).version)
    return {"in_force": in_force, "committee": committee, "intake": fresh}


def blob_hashes(store: Store) -> dict[str, dict[int, str]]:
    """SHA-256 of every document's PDF and every attachment's bytes, by id."""
    def hashed(sql: str) -> dict[int, str]:
        return {int(r["id"]): hashlib.sha256(bytes(r["data"])).hexdigest() for r in store.query(sql)}

    return {"documents": hashed("SELECT id, pdf AS data FROM documents"),
            "attachments": hashed("SELECT a.id, b.content AS data FROM attachments a JOIN blobs b ON b.id = a.blob_id")}


# Tables in the order their rows were written (SQLite's rowid; an identity column of that name on the server).
_BY_ROWID = {"committee_attendance", "committee_votes", "disbursement_checks"}


def rows(store: Store, table: str) -> list[dict[str, Any]]:
    """A table's rows in the order they were written, without the server's ``rowid`` column."""
    found = store.query(f"SELECT * FROM {table} ORDER BY {'rowid' if table in _BY_ROWID else '1'}")
    return [{k: v for k, v in r.items() if k != "rowid"} for r in found]
