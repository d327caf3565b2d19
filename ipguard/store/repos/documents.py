"""The documents archive: every issued copy's exact PDF bytes, SHA-256 and status.

Writes run inside the caller's (issuing) transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ipguard.store.records import ArchivedPdf, DocumentRecord, required_date

if TYPE_CHECKING:
    from ipguard.store.core import Store


class DocumentRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(
        self, case_id: int, *, kind: str, doc_no: str, issued_on: str, sha256: str, pdf: bytes, font: str,
        created_at: str, created_by: int, replaces_id: int | None = None,
    ) -> int:
        """Archive one issued copy; the new row's id."""
        cur = self.store.db.execute(
            "INSERT INTO documents (case_id, kind, doc_no, issued_on, sha256, pdf, font, created_at, created_by, replaces_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            [case_id, kind, doc_no, issued_on, sha256, pdf, font, created_at, created_by, replaces_id],
        )
        return self.store.inserted_id(cur)

    def current(self, case_id: int, kind: str) -> ArchivedPdf | None:
        """The newest issued copy of ``kind`` with its bytes, or None."""
        rows = self.store.query(
            f"SELECT {_PDF_COLUMNS} FROM documents WHERE case_id = ? AND kind = ? AND status = 'issued'"
            " ORDER BY id DESC LIMIT 1", [case_id, kind])  # fmt: skip
        return _pdf(rows[0]) if rows else None

    def by_id(self, document_id: int) -> ArchivedPdf | None:
        """One archived copy, issued or void, with its bytes; or None."""
        rows = self.store.query(f"SELECT {_PDF_COLUMNS} FROM documents WHERE id = ?", [document_id])
        return _pdf(rows[0]) if rows else None

    def of_case(self, case_id: int) -> list[DocumentRecord]:
        """Every copy of the case (issued and void) without the bytes, oldest first."""
        return [DocumentRecord(
            id=r["id"], case_id=r["case_id"], kind=r["kind"], doc_no=r["doc_no"], issued_on=required_date(r["issued_on"]),
            status=r["status"], sha256=r["sha256"], size=r["size"], font=r["font"], created_at=r["created_at"],
            replaces_id=r["replaces_id"],
        ) for r in self.store.query(
            "SELECT id, case_id, kind, doc_no, issued_on, status, sha256, length(pdf) AS size, font, created_at, replaces_id"
            " FROM documents WHERE case_id = ? ORDER BY id", [case_id])]  # fmt: skip

    def void(self, document_id: int) -> None:
        """Mark a copy void (it stays archived)."""
        self.store.db.execute("UPDATE documents SET status = 'void' WHERE id = ?", [document_id])

    def sha256_of(self, doc_no: str) -> str | None:
        """The stored SHA-256 of the copy numbered ``doc_no`` (the first if several), or None."""
        return self.store.scalar_str("SELECT sha256 FROM documents WHERE doc_no = ?", [doc_no])

    def first_case_with_issued(self, kind: str) -> int | None:
        """Id of the case whose issued ``kind`` copy was archived first, or None."""
        return self.store.scalar_int(
            "SELECT case_id FROM documents WHERE kind = ? AND status = 'issued' ORDER BY id LIMIT 1", [kind]
        )


_PDF_COLUMNS = "id, case_id, kind, doc_no, status, issued_on, sha256, pdf"


def _pdf(r: dict[str, Any]) -> ArchivedPdf:
    return ArchivedPdf(id=r["id"], case_id=r["case_id"], kind=r["kind"], doc_no=r["doc_no"], status=r["status"],
                       issued_on=required_date(r["issued_on"]), sha256=r["sha256"], pdf=r["pdf"])
