"""archived_by_id: any archived copy (issued or void) by its row id, read-only."""

from __future__ import annotations

import pytest

from ipguard import workflow
from ipguard.documents.service import archived, archived_by_id, documents_of, reissue
from ipguard.errors import NotFoundError
from ipguard.store import audit, open_store
from tests import workflow_helpers as wh


def test_void_and_issued_copies_by_id(tmp_path) -> None:
    store = open_store(tmp_path / "docs.db")
    try:
        cast = wh.cast(store)
        case_id = wh.open_case(store, cast)
        wh.to_committee(store, case_id, cast)
        wh.approve(store, case_id, cast)
        workflow.issue_intent_letter(store, case_id, cast.a, issue_date=wh.day(store, case_id, 9), expected_version=store.repos.cases.get(case_id).version)
        first_no, first_pdf = archived(store, case_id, "intent_letter")
        reissue(store, case_id, "intent_letter", cast.a, "银行要求更正")
        rows = {r.doc_no: r for r in documents_of(store, case_id)}
        audit_count = audit.head(store.db).count
        no, pdf, status = archived_by_id(store, rows[first_no].id)
        assert (no, pdf, status) == (first_no, first_pdf, "void")  # the exact bytes of the voided copy
        new_no, new_pdf = archived(store, case_id, "intent_letter")
        assert archived_by_id(store, rows[new_no].id) == (new_no, new_pdf, "issued")
        assert audit.head(store.db).count == audit_count  # a look is not a reprint
        with pytest.raises(NotFoundError):
            archived_by_id(store, 999_999)
    finally:
        store.close()
