"""The case file's storage: content-addressed blobs and the attachments that point at them.

Blobs live in this database file (see ``m007_case_file`` in
:mod:`ipguard.store.schema` for why). Every write runs inside the caller's
(action's) transaction; a blob nobody points at any more is deleted in the
same transaction as the last attachment that pointed at it, so a crash can
leave neither an orphan blob nor an attachment without its bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipguard.domain import Stage
from ipguard.errors import NotFoundError
from ipguard.store.dialect import fragment_search
from ipguard.store.records import AttachmentRecord, ChecklistItemRef

if TYPE_CHECKING:
    from ipguard.store.core import Store

# The columns a listing needs (never the bytes).
_LIST_COLUMNS = (
    "a.id, a.case_id, a.checklist_code, a.record_kind, a.record_key, a.stage, a.blob_id, a.name, a.status,"
    " a.supersedes_id, a.reason, a.attached_at, a.attached_by, COALESCE(u.display_name, '') AS attached_by_name,"
    " b.sha256, b.size, b.kind, b.mime"
)
_FROM = " FROM attachments a JOIN blobs b ON b.id = a.blob_id LEFT JOIN users u ON u.id = a.attached_by"
_READ_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BlobProblem:
    blob_id: int
    sha256: str
    found: str  # the SHA-256 of the bytes actually stored

    def describe(self) -> str:
        return f"blobs #{self.blob_id}: stored bytes hash to {self.found[:16]}…, not {self.sha256[:16]}…"


class AttachmentRepo:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- blobs -----------------------------------------------------------------------------

    def blob_id(self, sha256: str) -> int | None:
        return self.store.scalar_int("SELECT id FROM blobs WHERE sha256 = ?", [sha256])

    def put_blob(self, *, sha256: str, size: int, kind: str, mime: str, content: bytes, created_at: str) -> tuple[int, bool]:
        """The blob's id, storing it when its content is new; ``(id, created)``."""
        found = self.blob_id(sha256)
        if found is not None:
            return found, False
        cur = self.store.db.execute(
            "INSERT INTO blobs (sha256, size, kind, mime, content, created_at) VALUES (?,?,?,?,?,?)",
            [sha256, size, kind, mime, content, created_at],
        )
        return self.store.inserted_id(cur), True

    def index_text(self, blob_id: int, text: str) -> None:
        """Index the text extracted from a blob (the case search finds it)."""
        self.store.db.execute("DELETE FROM blob_text WHERE rowid = ?", [blob_id])
        if text.strip():
            self.store.db.execute("INSERT INTO blob_text (rowid, body) VALUES (?, ?)", [blob_id, text])

    def content(self, blob_id: int) -> bytes:
        content = self.store.scalar_bytes("SELECT content FROM blobs WHERE id = ?", [blob_id])
        if content is None:
            raise NotFoundError("not_found", what="附件内容", ident=blob_id)
        return content

    def drop_blob_if_unused(self, blob_id: int) -> bool:
        """Delete a blob no attachment points at (and its indexed text); True when deleted."""
        if self.store.scalar("SELECT 1 FROM attachments WHERE blob_id = ? LIMIT 1", [blob_id]):
            return False
        self.store.db.execute("DELETE FROM blob_text WHERE rowid = ?", [blob_id])
        self.store.db.execute("DELETE FROM blobs WHERE id = ?", [blob_id])
        return True

    def check_blobs(self, limit: int = 50) -> list[BlobProblem]:
        """Blobs whose stored bytes do not hash to their recorded SHA-256 (read in 1 MB pieces)."""
        out: list[BlobProblem] = []
        conn = self.store.db.conn
        for blob_id, sha256 in conn.execute("SELECT id, sha256 FROM blobs ORDER BY id").fetchall():
            found = self._hash_blob(blob_id)
            if found != sha256:
                out.append(BlobProblem(blob_id, sha256, found))
                if len(out) >= limit:
                    break
        return out

    def _hash_blob(self, blob_id: int) -> str:
        digest = hashlib.sha256()
        for piece in self.iter_content(blob_id):
            digest.update(piece)
        return digest.hexdigest()

    def iter_content(self, blob_id: int) -> Iterator[bytes]:
        """A blob's bytes in pieces of 1 MB (a large file is never read whole)."""
        size = self.store.scalar("SELECT length(content) FROM blobs WHERE id = ?", [blob_id]) or 0
        for start in range(0, size, _READ_CHUNK):
            yield self.store.scalar("SELECT substr(content, ?, ?) FROM blobs WHERE id = ?", [start + 1, _READ_CHUNK, blob_id])

    def blob_stats(self) -> dict[str, int]:
        """Storage used by the case file: ``blobs``, ``bytes``, ``attachments``."""
        row = self.store.query(
            "SELECT (SELECT COUNT(*) FROM blobs) AS blobs, (SELECT COALESCE(SUM(size), 0) FROM blobs) AS bytes,"
            " (SELECT COUNT(*) FROM attachments) AS attachments"
        )[0]
        return {k: int(v) for k, v in row.items()}

    # -- attachments ---------------------------------------------------------------------------

    def add(self, case_id: int, *, blob_id: int, name: str, stage: str, attached_at: str, attached_by: int,
            checklist_code: str | None = None, record_kind: str | None = None, record_key: str = "",
            supersedes_id: int | None = None, reason: str = "") -> int:
        cur = self.store.db.execute(
            "INSERT INTO attachments (case_id, checklist_code, record_kind, record_key, stage, blob_id, name, supersedes_id,"
            " reason, attached_at, attached_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [case_id, checklist_code, record_kind, record_key, stage, blob_id, name, supersedes_id, reason, attached_at, attached_by],
        )
        return self.store.inserted_id(cur)

    def get(self, attachment_id: int) -> AttachmentRecord | None:
        rows = self.store.query(f"SELECT {_LIST_COLUMNS}{_FROM} WHERE a.id = ?", [attachment_id])
        return _attachment(rows[0]) if rows else None

    def of_case(self, case_id: int, *, checklist_code: str | None = None, current_only: bool = False) -> list[AttachmentRecord]:
        """The case's attachments (without bytes), oldest first; optionally one checklist item's."""
        where = "a.case_id = ?"
        params: list[object] = [case_id]
        if checklist_code is not None:
            where += " AND a.checklist_code = ?"
            params.append(checklist_code)
        if current_only:
            where += " AND a.status = 'current'"
        return [_attachment(r) for r in self.store.query(f"SELECT {_LIST_COLUMNS}{_FROM} WHERE {where} ORDER BY a.id", params)]

    def count_current(self, case_id: int, checklist_code: str) -> int:
        return self.store.count(
            "SELECT COUNT(*) FROM attachments WHERE case_id = ? AND checklist_code = ? AND status = 'current'",
            [case_id, checklist_code],
        )

    def mark_superseded(self, attachment_id: int) -> None:
        self.store.db.execute("UPDATE attachments SET status = 'superseded' WHERE id = ?", [attachment_id])

    def restore_current(self, attachment_id: int) -> None:
        self.store.db.execute("UPDATE attachments SET status = 'current' WHERE id = ?", [attachment_id])

    def delete(self, attachment_id: int) -> None:
        self.store.db.execute("DELETE FROM attachments WHERE id = ?", [attachment_id])

    # -- what attachments hang on ------------------------------------------------------------

    def checklist_item(self, case_id: int, code: str) -> ChecklistItemRef | None:
        rows = self.store.query("SELECT id, code, label, status, paper_only FROM checklist_items WHERE case_id = ? AND code = ?",
                                [case_id, code])
        if not rows:
            return None
        r = rows[0]
        return ChecklistItemRef(r["id"], r["code"], r["label"], r["status"], bool(r["paper_only"]))

    def record_exists(self, case_id: int, kind: str, key: str) -> bool:
        """Whether the stage record ``kind``/``key`` of the case exists."""
        sql = {
            "intent_letter": ("SELECT 1 FROM intent_letters WHERE case_id = ? AND CAST(id AS TEXT) = ?", True),
            "bank_decision": ("SELECT 1 FROM bank_decisions WHERE case_id = ?", False),
            "contract": ("SELECT 1 FROM contracts WHERE case_id = ? AND CAST(id AS TEXT) = ?", True),
            "pledge_registration": ("SELECT 1 FROM pledge_registrations WHERE case_id = ? AND CAST(asset_id AS TEXT) = ?", True),
            "deregistration": ("SELECT 1 FROM pledge_registrations WHERE case_id = ? AND CAST(asset_id AS TEXT) = ?", True),
            "loan": ("SELECT 1 FROM loans WHERE case_id = ?", False),
        }.get(kind)
        if sql is None:
            return False
        query, keyed = sql
        return bool(self.store.scalar(query, [case_id, key] if keyed else [case_id]))

    def record_rows(self, case_id: int) -> list[tuple[str, str, str]]:
        """The case's stage records a file may hang on: (kind, key, what it is called), in workflow order."""
        out: list[tuple[str, str, str]] = []
        for r in self.store.query("SELECT id, letter_no FROM intent_letters WHERE case_id = ? ORDER BY id", [case_id]):
            out.append(("intent_letter", str(r["id"]), r["letter_no"]))
        for r in self.store.query("SELECT decided_on FROM bank_decisions WHERE case_id = ?", [case_id]):
            out.append(("bank_decision", "", r["decided_on"]))
        for r in self.store.query("SELECT id, kind, contract_no FROM contracts WHERE case_id = ? ORDER BY id", [case_id]):
            out.append(("contract", str(r["id"]), f"{r['kind']}:{r['contract_no']}"))
        for r in self.store.query(
                "SELECT p.asset_id, a.number, p.deregistered_on FROM pledge_registrations p JOIN ip_assets a ON a.id = p.asset_id"
                " WHERE p.case_id = ? ORDER BY a.id", [case_id]):  # fmt: skip
            out.append(("pledge_registration", str(r["asset_id"]), r["number"]))
            if r["deregistered_on"]:
                out.append(("deregistration", str(r["asset_id"]), r["number"]))
        for r in self.store.query("SELECT loan_contract_no FROM loans WHERE case_id = ?", [case_id]):
            out.append(("loan", "", r["loan_contract_no"]))
        return out

    def committee_decided(self, case_id: int) -> bool:
        return bool(self.store.scalar("SELECT 1 FROM committee_decisions WHERE case_id = ?", [case_id]))

    def set_paper_only(self, case_id: int, code: str, paper_only: bool) -> None:
        self.store.db.execute("UPDATE checklist_items SET paper_only = ? WHERE case_id = ? AND code = ?",
                              [int(paper_only), case_id, code])

    def cases_matching_text(self, text: str) -> list[int]:
        """Cases with an attachment whose extracted text contains ``text`` (3+ characters)."""
        in_files, param = fragment_search(self.store.dialect, "blob_text", text)
        rows = self.store.db.execute(
            f"SELECT DISTINCT a.case_id FROM attachments a WHERE a.blob_id IN ({in_files}) ORDER BY a.case_id", [param],
        ).fetchall()
        return [r[0] for r in rows]


def _attachment(r: dict[str, Any]) -> AttachmentRecord:
    return AttachmentRecord(
        id=r["id"], case_id=r["case_id"], checklist_code=r["checklist_code"], record_kind=r["record_kind"],
        record_key=r["record_key"] or "", stage=Stage(r["stage"]), blob_id=r["blob_id"], name=r["name"], status=r["status"],
        supersedes_id=r["supersedes_id"], reason=r["reason"] or "", attached_at=r["attached_at"], attached_by=r["attached_by"],
        attached_by_name=r["attached_by_name"], sha256=r["sha256"], size=r["size"], kind=r["kind"], mime=r["mime"],
    )
