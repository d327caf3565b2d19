"""The audit trail: an append-only, hash-chained log of every change.

Each entry's hash is ``SHA256(canonical(entry) || previous hash)`` where the
canonical form is JSON with sorted keys. Triggers refuse UPDATE and DELETE, and
:func:`verify` recomputes the chain, so an edited or deleted past entry is
found. Whoever can write the file can recompute a chain, so the head (hash and
count) is printed into monthly reports and backups, to be kept outside.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from ipguard.store.records import AuditEntry

GENESIS = "0" * 64


def canonical(value: object) -> str:
    """The one JSON text of a value that hashes the same everywhere (sorted keys, no spaces)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def entry_hash(entry: dict[str, Any], prev_hash: str) -> str:
    return hashlib.sha256((canonical(entry) + prev_hash).encode("utf-8")).hexdigest()


_HASHED = ("seq", "at", "user_id", "case_id", "entity", "entity_id", "action", "before_json", "after_json")


def append(
    db: Database,
    *,
    at: str,
    user_id: int | None,
    case_id: int | None,
    entity: str,
    entity_id: object,
    action: str,
    before: object = None,
    after: object = None,
) -> int:
    """Append one entry; must run inside the caller's write transaction."""
    row = db.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
    entry = {
        "seq": seq,
        "at": at,
        "user_id": user_id,
        "case_id": case_id,
        "entity": entity,
        "entity_id": "" if entity_id is None else str(entity_id),
        "action": action,
        "before_json": None if before is None else canonical(before),
        "after_json": None if after is None else canonical(after),
    }
    digest = entry_hash(entry, prev)
    db.execute(
        "INSERT INTO audit_log (seq, at, user_id, case_id, entity, entity_id, action, before_json, after_json, prev_hash, hash)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [*(entry[k] for k in _HASHED), prev, digest],
    )
    return seq


@dataclass(frozen=True)
class ChainHead:
    count: int
    hash: str


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    problem: str = ""


def head(db: Database) -> ChainHead:
    row = db.execute("SELECT COUNT(*), (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) FROM audit_log").fetchone()
    return ChainHead(count=row[0], hash=row[1] or GENESIS)


def verify(db: Database) -> VerifyResult:
    """Recompute the whole chain; report the first entry that does not fit."""
    prev = GENESIS
    expected_seq = 1
    checked = 0
    cursor = db.execute(
        "SELECT seq, at, user_id, case_id, entity, entity_id, action, before_json, after_json, prev_hash, hash FROM audit_log ORDER BY seq"
    )
    for row in cursor:
        entry = dict(zip(_HASHED, row[:9], strict=True))
        seq, prev_hash, digest = row[0], row[9], row[10]
        if seq != expected_seq:
            return VerifyResult(False, checked, expected_seq, f"entry {expected_seq} is missing")
        if prev_hash != prev:
            return VerifyResult(False, checked, seq, f"entry {seq} does not follow entry {seq - 1}")
        if entry_hash(entry, prev) != digest:
            return VerifyResult(False, checked, seq, f"entry {seq} was altered")
        prev = digest
        expected_seq += 1
        checked += 1
    return VerifyResult(True, checked)


def check_anchor(db: Database, count: int, digest: str) -> VerifyResult:
    """Does the current chain extend the anchor (``count`` entries ending in ``digest``)?

    An anchor kept outside the file (a sidecar, a printed document, a noted
    head) catches what recomputing the chain hides: entries deleted from the
    tail, and a chain rewritten or extended with forged entries from some
    point before the anchor on.
    """
    total = db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    if count > total:
        return VerifyResult(False, total, total + 1, f"the anchor has {count} entries, the file only {total}: entries were deleted")
    if count == 0:
        return VerifyResult(digest == GENESIS, 0, None if digest == GENESIS else 1, "" if digest == GENESIS else "anchor hash of an empty chain is wrong")
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [count]).fetchone()
    if row is None or row[0] != digest:
        return VerifyResult(False, count, count, f"entry {count} differs from the anchor: the chain was rewritten at or before it")
    return VerifyResult(True, total)


def entries_for_case(db: Database, case_id: int) -> list[AuditEntry]:
    """The case's audit trail, oldest first, with the acting user's name."""
    rows = db.query(
        "SELECT a.seq, a.at, a.user_id, u.display_name AS user_name, a.entity, a.entity_id, a.action, a.before_json, a.after_json"
        " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE a.case_id = ? ORDER BY a.seq",
        [case_id],
    )
    return [AuditEntry(seq=r["seq"], at=r["at"], user_id=r["user_id"], user_name=r["user_name"], entity=r["entity"],
                       entity_id=r["entity_id"], action=r["action"],
                       before=json.loads(r["before_json"]) if r["before_json"] else None,
                       after=json.loads(r["after_json"]) if r["after_json"] else None) for r in rows]
