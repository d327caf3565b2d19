"""The documents archive: every issued copy's exact PDF bytes, SHA-256 and status.

Writes run inside the caller's (issuing) transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
        return cur.lastrowid

    def current(self, case_id: int, kind: str) -> dict[str, Any] | None:
        """The newest issued copy of ``kind``: ``id``, ``doc_no``, ``pdf``, ``sha256``, ``issued_on``; or None."""
        rows = self.store.query(
            "SELECT id, doc_no, pdf, sha256, issued_on FROM documents WHERE case_id = ? AND kind = ? AND status = 'issued'"
            " ORDER BY id DESC LIMIT 1", [case_id, kind])  # fmt: skip
        return rows[0] if rows else None

    def by_id(self, document_id: int) -> dict[str, Any] | None:
        """One archived copy, issued or void: ``id``, ``case_id``, ``kind``, ``doc_no``, ``status``, ``pdf``; or None."""
        rows = self.store.query(
            "SELECT id, case_id, kind, doc_no, status, pdf, sha256, issued_on FROM documents WHERE id = ?", [document_id]
        )
        return rows[0] if rows else None

    def of_case(self, case_id: int) -> list[dict[str, Any]]:
        """Every copy of the case (issued and void) without the bytes, ``size`` in bytes, oldest first."""
        return self.store.query(
            "SELECT id, kind, doc_no, issued_on, status, sha256, length(pdf) AS size, font, created_at, replaces_id FROM documents"
            " WHERE case_id = ? ORDER BY id", [case_id])  # fmt: skip

    def void(self, document_id: int) -> None:
        """Mark a copy void (it stays archived)."""
        self.store.db.execute("UPDATE documents SET status = 'void' WHERE id = ?", [document_id])

    def sha256_of(self, doc_no: str) -> str | None:
        """The stored SHA-256 of the copy numbered ``doc_no`` (the first if several), or None."""
        return self.store.scalar("SELECT sha256 FROM documents WHERE doc_no = ?", [doc_no])

    def first_case_with_issued(self, kind: str) -> int | None:
        """Id of the case whose issued ``kind`` copy was archived first, or None."""
        return self.store.scalar(
            "SELECT case_id FROM documents WHERE kind = ? AND status = 'issued' ORDER BY id LIMIT 1", [kind]
        )
