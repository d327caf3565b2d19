"""The case file as one zip, and the check of such a zip against its manifest.

Layout (``CASE_NO`` is the case number)::

    CASE_NO/manifest.json
    CASE_NO/01-受理/12-营业执照.pdf          attachments: id-name
    CASE_NO/05-保审会/文书-浦科担审〔2026〕3号.pdf   issued documents

One folder per stage, numbered in the order of the workflow. Superseded
versions are exported too (their status and the reason they were replaced
are in the manifest). The manifest names every file with its SHA-256, size,
who attached it and when, and carries the audit chain's head at the time of
export, so the zip can be compared with the trail later.

:func:`verify_zip` never extracts anything: it reads the zip directory first
and refuses (lists as problems) member names that are absolute, climb out
with ``..``, use backslashes or drive letters; it bounds the number of
members, each member's and the total uncompressed size and the compression
ratio (a zip bomb), then streams each listed file through SHA-256, never
reading more than its declared size.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ipguard import messages
from ipguard.auth import require_any_role
from ipguard.casefile.service import ATTACH_ROLES
from ipguard.domain import Role, Stage
from ipguard.errors import ValidationError
from ipguard.messages import Text
from ipguard.outputs import output_file
from ipguard.store import Store
from ipguard.store.records import UserRecord

FORMAT = "ipguard-casefile/1"
MANIFEST = "manifest.json"
MAX_MEMBERS = 20_000
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_MEMBER_BYTES = 2 * 1024 * 1024 * 1024
MAX_TOTAL_BYTES = 16 * 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members above 1 MB
_PIECE = 1024 * 1024
EXPORT_ROLES = (*ATTACH_ROLES, Role.COMMITTEE_MEMBER)
DOCUMENT_STAGES = {
    "investigation_report": Stage.INVESTIGATION,
    "committee_resolution": Stage.COMMITTEE,
    "intent_letter": Stage.INTENT_LETTER,
    "disbursement_notice": Stage.DISBURSEMENT,
}

messages.register(
    {
        "casefile_zip_unreadable": ("“{name}”不是可读的档案压缩包（{detail}）", "“{name}” is not a readable case-file zip ({detail})"),
    }
)


def stage_folder(stage: str) -> str:
    """``01-受理``: the stage's place in the workflow and its name."""
    member = Stage(stage)
    return f"{list(Stage).index(member) + 1:02d}-{member.label}"


def _safe_part(text: str) -> str:
    return "".join("_" if ch in '/\\<>:"|?*' or ord(ch) < 32 else ch for ch in text).strip() or "_"


@dataclass
class ExportResult:
    path: Path
    files: int
    bytes: int
    sha256: str  # of the zip written


def export_case_file(store: Store, case_id: int, user: UserRecord, out: str | Path) -> ExportResult:
    """Write the case file of ``case_id`` to ``out`` (atomically) and audit the export."""
    require_any_role(user, EXPORT_ROLES, Text("导出电子档案", "export the case file"), store)
    case = store.repos.cases.get(case_id)
    repo = store.repos.attachments
    root = _safe_part(case.case_no)
    with store.read_snapshot():
        attachments = repo.of_case(case_id)
        documents = store.repos.documents.of_case(case_id)
        head = store.audit_head()
    files: list[dict[str, Any]] = []
    total = 0
    with output_file(out, protect=[store.path] if store.path else []) as tmp:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for a in attachments:
                path = f"{root}/{stage_folder(a.stage)}/{a.id}-{_safe_part(a.name)}"
                with zf.open(path, "w", force_zip64=a.size > 1_000_000_000) as member:
                    for piece in repo.iter_content(a.blob_id):
                        member.write(piece)
                total += a.size
                files.append({
                    "path": path, "source": "attachment", "id": a.id, "name": a.name, "sha256": a.sha256,
                    "size": a.size, "kind": a.kind, "stage": a.stage.value, "checklist_code": a.checklist_code,
                    "record": f"{a.record_kind}:{a.record_key}" if a.record_kind else None,
                    "status": a.status, "supersedes_id": a.supersedes_id, "reason": a.reason,
                    "attached_by": a.attached_by_name, "attached_at": a.attached_at,
                })
            for d in documents:
                stage = DOCUMENT_STAGES.get(d.kind, Stage.INTAKE).value
                path = f"{root}/{stage_folder(stage)}/文书-{_safe_part(d.doc_no)}-{d.id}.pdf"
                copy = store.repos.documents.by_id(d.id)
                assert copy is not None  # listed in the same snapshot; archived copies are never deleted
                pdf = copy.pdf
                zf.writestr(path, pdf)
                total += len(pdf)
                files.append({
                    "path": path, "source": "document", "id": d.id, "name": d.doc_no, "kind": d.kind,
                    "sha256": d.sha256, "size": len(pdf), "stage": stage, "status": d.status,
                    "attached_at": d.created_at, "issued_on": d.issued_on.isoformat(),
                })
            manifest = {
                "format": FORMAT, "case_no": case.case_no, "exported_at": store.now(), "exported_by": user.display_name,
                "audit_head": {"count": head.count, "hash": head.hash}, "files": files,
            }
            zf.writestr(f"{root}/{MANIFEST}", json.dumps(manifest, ensure_ascii=False, indent=2))
        digest = hashlib.sha256()
        with open(tmp, "rb") as handle:
            for piece in iter(lambda: handle.read(_PIECE), b""):
                digest.update(piece)
        with store.transaction():
            store.audit(user_id=user.id, case_id=case_id, entity="case_file", entity_id=case.case_no, action="export",
                        after={"files": len(files), "bytes": total, "sha256": digest.hexdigest(), "name": Path(out).name})
    return ExportResult(Path(out), len(files), total, digest.hexdigest())


@dataclass
class VerifyReport:
    case_no: str = ""
    audit_head: dict[str, Any] = field(default_factory=dict)
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems and self.checked > 0


def _bad_name(name: str) -> str | None:
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "absolute or backslash path"
    parts = PurePosixPath(name).parts
    if any(p in ("..", ".") for p in parts) or any(ord(ch) < 32 for ch in name):
        return "climbs out of the folder or has control characters"
    return None


def verify_zip(path: str | Path) -> VerifyReport:
    """Check an exported case file against its manifest; problems are listed, nothing is extracted."""
    path = Path(path)
    report = VerifyReport()
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                report.problems.append(f"too many members: {len(infos)} > {MAX_MEMBERS}")
                return report
            total = 0
            by_name: dict[str, zipfile.ZipInfo] = {}
            for info in infos:
                why = _bad_name(info.filename)
                if why:
                    report.problems.append(f"unsafe member name {info.filename!r}: {why}")
                    continue
                total += info.file_size
                if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
                    report.problems.append(f"{info.filename}: too large uncompressed ({info.file_size} bytes)")
                    return report
                if info.file_size > _PIECE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    report.problems.append(f"{info.filename}: compression ratio above {MAX_RATIO} (a zip bomb?)")
                    return report
                if info.filename in by_name:
                    report.problems.append(f"{info.filename}: appears twice")
                by_name[info.filename] = info
            manifests = [n for n in by_name if PurePosixPath(n).name == MANIFEST and len(PurePosixPath(n).parts) == 2]
            if len(manifests) != 1:
                report.problems.append("no manifest.json (or more than one)")
                return report
            info = by_name.pop(manifests[0])
            if info.file_size > MAX_MANIFEST_BYTES:
                report.problems.append("manifest.json too large")
                return report
            with zf.open(info) as handle:
                manifest = json.loads(handle.read(MAX_MANIFEST_BYTES + 1).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not isinstance(manifest.get("files"), list):
                report.problems.append(f"manifest.json is not a {FORMAT} manifest")
                return report
            report.case_no = str(manifest.get("case_no", ""))
            report.audit_head = manifest.get("audit_head") or {}
            for entry in manifest["files"]:
                name = str(entry.get("path", "")) if isinstance(entry, dict) else ""
                member = by_name.pop(name, None)
                if member is None:
                    report.problems.append(f"{name or '?'}: listed in the manifest, missing from the zip")
                    continue
                size = int(entry.get("size", -1))
                if member.file_size != size:
                    report.problems.append(f"{name}: {member.file_size} bytes, the manifest says {size}")
                    continue
                digest = hashlib.sha256()
                read = 0
                with zf.open(member) as handle:
                    while piece := handle.read(min(_PIECE, size - read + 1)):
                        read += len(piece)
                        if read > size:
                            break
                        digest.update(piece)
                if read != size or digest.hexdigest() != entry.get("sha256"):
                    report.problems.append(f"{name}: SHA-256 does not match the manifest")
                    continue
                report.checked += 1
            for name, member in by_name.items():
                if not member.is_dir():
                    report.problems.append(f"{name}: in the zip, not in the manifest")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise ValidationError("file", "casefile_zip_unreadable", name=path.name, detail=str(exc)[:200]) from exc
    return report
