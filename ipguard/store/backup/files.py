"""Writing and verifying one backup file (see :mod:`ipguard.backup`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from ipguard import __version__, clock, messages
from ipguard.errors import StoreError
from ipguard.store import Store, audit, connection, schema
from ipguard.store.audit import ChainHead, VerifyResult

messages.register(
    {
        "backup_missing": ("备份文件“{path}”不存在", "the backup file “{path}” does not exist"),
        "backup_unreadable": (
            "文件“{path}”不是可读的 SQLite 数据库：{detail}",
            "“{path}” is not a readable SQLite database: {detail}",
        ),
        "backup_corrupt": (
            "备份文件“{path}”未通过完整性检查（已损坏）：{detail}",
            "the backup “{path}” fails its integrity check (it is damaged): {detail}",
        ),
        "backup_not_ipguard": ("文件“{path}”不是 ipguard 数据库", "“{path}” is not an ipguard database"),
        "backup_newer": (
            "备份“{path}”由较新版本的 ipguard 写入（结构版本 {found}，本程序支持 {known}），请先升级 ipguard",
            "the backup “{path}” was written by a newer ipguard (schema {found}, this program knows {known}); upgrade ipguard first",
        ),
        "backup_audit_broken": (
            "备份“{path}”的审计链在第 {seq} 条记录处断裂（记录被改动或删除）",
            "the audit chain of the backup “{path}” is broken at entry {seq} (an entry was altered or deleted)",
        ),
        "backup_document_altered": (
            "备份“{path}”中的归档文书 {doc_no} 与其 SHA-256 校验值不符",
            "the archived document {doc_no} in the backup “{path}” does not match its SHA-256",
        ),
        "backup_attachment_altered": (
            "备份“{path}”中的档案文件（blobs {blob}）与其 SHA-256 校验值不符",
            "a case-file document (blobs {blob}) in the backup “{path}” does not match its SHA-256",
        ),
        "backup_sidecar_missing": (
            "备份“{path}”缺少有效的说明文件（.json）；管理员核实完整性与审计链后可选择仍然恢复",
            "the backup “{path}” has no valid sidecar (.json); an admin may still restore it after its integrity and audit chain are verified",
        ),
        "backup_sidecar_mismatch": (
            "备份“{path}”的内容与随附说明文件记录的 SHA-256 不符，文件已被改动或损坏",
            "the backup “{path}” does not match the SHA-256 recorded in its sidecar file; it was altered or damaged",
        ),
        "backup_dir_unusable": ("备份文件夹“{path}”无法使用：{detail}", "the backup folder “{path}” cannot be used: {detail}"),
        "backup_write_failed": ("写入备份“{path}”失败：{detail}", "writing the backup “{path}” failed: {detail}"),
        "backup_verify_failed": (
            "刚写入的备份“{path}”校验未通过，已删除：{detail}",
            "the backup just written to “{path}” failed verification and was removed: {detail}",
        ),
    }
)

_LABEL = re.compile(r"[a-z0-9][a-z0-9-]{0,30}")


@dataclass(frozen=True)
class BackupResult:
    """A written backup: where, how big, and what was verified in the copy."""

    path: Path
    size: int
    integrity_ok: bool
    audit_head: audit.ChainHead
    audit_ok: bool = True
    documents: int = 0
    sidecar: Path | None = None


@dataclass(frozen=True)
class BackupInfo:
    """What :func:`verify_backup` found in a good backup."""

    path: Path
    schema_version: int
    audit_head: audit.ChainHead
    documents: int


# -- inspecting a database file ------------------------------------------------


@dataclass
class _Inspection:
    readable_error: str = ""
    integrity: str = ""
    ipguard: bool = False
    schema_found: int = 0
    newer: bool = False
    audit: VerifyResult | None = None
    head: ChainHead | None = None
    documents: int = 0
    bad_document: str = ""
    blobs: int = 0
    bad_blob: str = ""

    def error(self, path: Path) -> StoreError | None:
        """The first problem as the error a user sees, or None when the file is good."""
        p = str(path)
        if self.readable_error:
            return StoreError("backup_unreadable", path=p, detail=self.readable_error)
        if self.integrity != "ok":
            return StoreError("backup_corrupt", path=p, detail=self.integrity)
        if not self.ipguard:
            return StoreError("backup_not_ipguard", path=p)
        if self.newer:
            return StoreError("backup_newer", path=p, found=self.schema_found, known=schema.schema_version())
        if self.audit is not None and not self.audit.ok:
            return StoreError("backup_audit_broken", path=p, seq=self.audit.first_broken_seq)
        if self.bad_document:
            return StoreError("backup_document_altered", path=p, doc_no=self.bad_document)
        if self.bad_blob:
            return StoreError("backup_attachment_altered", path=p, blob=self.bad_blob)
        return None


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=connection.BUSY_TIMEOUT_MS / 1000)


def _inspect(conn: sqlite3.Connection) -> _Inspection:
    """Check a database through ``conn`` without writing to it."""
    found = _Inspection()
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
        found.integrity = "ok" if rows == ["ok"] else "; ".join(rows[:3])
        if found.integrity != "ok":
            return found
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        found.ipguard = {"_sqlite_migrations", "audit_log", "cases", "documents"} <= tables
        if not found.ipguard:
            return found
        found.schema_found = conn.execute("PRAGMA user_version").fetchone()[0]
        applied = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'ipguard'")}
        found.newer = found.schema_found > schema.schema_version() or bool(applied - set(schema.known_names()))
        if found.newer:
            return found
        db = Database(conn, execute_plugins=False)
        found.audit = audit.verify(db)
        found.head = audit.head(db)
        for doc_no, digest, pdf in conn.execute("SELECT doc_no, sha256, pdf FROM documents ORDER BY id"):
            found.documents += 1
            if hashlib.sha256(pdf or b"").hexdigest() != digest and not found.bad_document:
                found.bad_document = doc_no
        if "blobs" in tables:  # the case file's documents (m007), read in 1 MB pieces
            for blob_id, digest in conn.execute("SELECT id, sha256 FROM blobs ORDER BY id").fetchall():
                found.blobs += 1
                if _blob_sha256(conn, blob_id) != digest and not found.bad_blob:
                    found.bad_blob = f"#{blob_id}"
    except sqlite3.DatabaseError as exc:
        found.readable_error = str(exc)
    return found


def _blob_sha256(conn: sqlite3.Connection, blob_id: int) -> str:
    digest = hashlib.sha256()
    size = conn.execute("SELECT length(content) FROM blobs WHERE id = ?", [blob_id]).fetchone()[0] or 0
    for start in range(0, size, 1 << 20):
        digest.update(conn.execute("SELECT substr(content, ?, ?) FROM blobs WHERE id = ?", [start + 1, 1 << 20, blob_id]).fetchone()[0])
    return digest.hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".json")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify_backup(path: str | Path, *, require_sidecar: bool = False) -> BackupInfo:
    """Check a backup file without changing it; raise :class:`StoreError` naming the first problem.

    Checks, in order: the sidecar's SHA-256 (when a sidecar is present), that
    SQLite can read the file and ``PRAGMA integrity_check`` is "ok", that it is
    an ipguard database not newer than this program, that the audit chain
    verifies, and that every archived document matches its SHA-256.
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError("backup_missing", path=str(path))
    side = _sidecar(path)
    sidecar_head = None
    if side.is_file():
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
            recorded = data.get("sha256")
            sidecar_head = (int(data["audit"]["count"]), str(data["audit"]["head_hash"]))
        except (OSError, ValueError, AttributeError, KeyError, TypeError):
            recorded = None
        if recorded and recorded != _sha256(path):
            raise StoreError("backup_sidecar_mismatch", path=str(path))
        if not recorded:
            sidecar_head = None
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        raise StoreError("backup_unreadable", path=str(path), detail=str(exc)) from exc
    try:
        found = _inspect(conn)
    finally:
        conn.close()
    error = found.error(path)
    if error is not None:
        raise error
    assert found.head is not None
    # Damage is named first (above); then the sidecar must vouch for this very chain.
    if require_sidecar and sidecar_head is None:
        raise StoreError("backup_sidecar_missing", path=str(path))
    if require_sidecar and sidecar_head != (found.head.count, found.head.hash):
        raise StoreError("backup_sidecar_mismatch", path=str(path))
    return BackupInfo(path, found.schema_found, found.head, found.documents)


# -- writing a backup ---------------------------------------------------------------


def _fsync(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _target_name(to_dir: Path, when: dt.datetime, label: str) -> Path:
    stem = f"ipguard-{when:%Y%m%d-%H%M%S}-{label}"
    path, n = to_dir / f"{stem}.sqlite", 1
    while path.exists() or path.with_name(path.name + ".partial").exists():
        n += 1
        path = to_dir / f"{stem}_{n}.sqlite"
    return path


def _source(source: str | Path | Store | sqlite3.Connection) -> tuple[sqlite3.Connection, Path | None, bool]:
    """A connection to read from, the file's path, and whether we opened (and must close) it."""
    if isinstance(source, Store):
        return source.db.conn, source.path, False
    if isinstance(source, sqlite3.Connection):  # a restore's exclusive connection
        return source, None, False
    path = Path(source)
    if not path.is_file():
        raise StoreError("db_missing", path=str(path))
    try:
        return sqlite3.connect(str(path), timeout=connection.BUSY_TIMEOUT_MS / 1000), path, True
    except sqlite3.Error as exc:
        raise StoreError("db_cannot_open", path=str(path), detail=str(exc)) from exc


# A backup still being written is a few seconds old at most; older partial files were
# left by an interrupted run (killed, power cut, full disk) and are removed.
STALE_PARTIAL_SECONDS = 15 * 60


def _clean_interrupted(folder: Path) -> list[Path]:
    """Remove partial backup and sidecar files an interrupted run left in ``folder``."""
    removed = []
    cutoff = clock.now().timestamp() - STALE_PARTIAL_SECONDS
    with contextlib.suppress(OSError):
        for partial in folder.glob("ipguard-*.partial"):
            with contextlib.suppress(OSError):
                if partial.stat().st_mtime < cutoff:
                    partial.unlink()
                    removed.append(partial)
    return removed


def backup(
    source: str | Path | Store | sqlite3.Connection,
    to_dir: str | Path,
    *,
    label: str = "manual",
    now: dt.datetime | None = None,
    strict: bool = True,
) -> BackupResult:
    """Write a verified backup of ``source`` (a database path or an open Store) into ``to_dir``.

    Uses SQLite's online backup API, so it is safe while the database is in
    use. The archived documents are rows of the database and are included.
    With ``strict`` (the default) a copy that fails verification is deleted
    and :class:`StoreError` raised; otherwise it is kept and the result says
    what failed (used for the copy taken before a restore).
    """
    if not _LABEL.fullmatch(label):
        raise ValueError(f"backup label must match {_LABEL.pattern}: {label!r}")
    to_dir = Path(to_dir)
    try:
        to_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError("backup_dir_unusable", path=str(to_dir), detail=exc.strerror or str(exc)) from exc
    when = now or clock.now()
    _clean_interrupted(to_dir)
    path = _target_name(to_dir, when, label)
    partial = path.with_name(path.name + ".partial")
    src, src_path, owned = _source(source)
    try:
        dst = sqlite3.connect(str(partial))
        try:
            src.backup(dst)
            # A single self-contained file: no -wal beside it, readable read-only.
            dst.execute("PRAGMA journal_mode = DELETE")
            found = _inspect(dst)
        finally:
            dst.close()
    except (sqlite3.Error, OSError) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError("backup_write_failed", path=str(path), detail=str(exc)) from exc
    finally:
        if owned:
            src.close()
    error = found.error(path)
    if error is not None and strict:
        partial.unlink(missing_ok=True)
        raise StoreError("backup_verify_failed", path=str(path), detail=error.message("zh")) from error
    _fsync(partial)
    os.replace(partial, path)
    _fsync(to_dir)
    head = found.head or audit.ChainHead(0, audit.GENESIS)
    result = BackupResult(
        path=path,
        size=path.stat().st_size,
        integrity_ok=found.integrity == "ok" and not found.readable_error,
        audit_head=head,
        audit_ok=found.audit is not None and found.audit.ok,
        documents=found.documents,
        sidecar=_sidecar(path),
    )
    _write_sidecar(result, src_path, label, when, found)
    return result


def _write_sidecar(result: BackupResult, source: Path | None, label: str, when: dt.datetime, found: _Inspection) -> None:
    assert result.sidecar is not None
    data = {
        "format": 1,
        "ipguard_version": __version__,
        "created_at": when.astimezone().isoformat(timespec="seconds"),
        "label": label,
        "source": str(source) if source else None,
        "file": result.path.name,
        "size": result.size,
        "sha256": _sha256(result.path),
        "schema_version": found.schema_found,
        "integrity_check": found.integrity or found.readable_error,
        "audit": {"count": result.audit_head.count, "head_hash": result.audit_head.hash, "verified": result.audit_ok},
        "documents": result.documents,
    }
    tmp = result.sidecar.with_name(result.sidecar.name + ".partial")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, result.sidecar)
