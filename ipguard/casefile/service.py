"""Attaching, replacing and removing the case file's documents (电子档案).

Each function is one user action: the checks, then one write transaction that
stores the bytes (once per distinct content), the attachment record, the
case's new version and the audit entry together — a crash leaves the whole
attachment or none. Until the committee decides, a file may be removed
(its bytes go with the last attachment that used them); afterwards nothing is
deleted, a file is only superseded by a new version with a reason, and the old
version stays in the file.

A file hangs on the case, on one checklist item (``checklist_code``) or on a
stage record (``record=(kind, key)``, see :data:`RECORD_KINDS`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ipguard import messages
from ipguard.casefile.files import clean_name, detect, pdf_text
from ipguard.domain import Stage
from ipguard.errors import NotFoundError, ValidationError, WorkflowError
from ipguard.messages import Text
from ipguard.store import Store
from ipguard.store.records import AttachmentRecord, UserRecord
from ipguard.validators import check_text
from ipguard.workflow.common import case_action
from ipguard.workflow.queries import SPECS

messages.register(
    {
        "attachment_too_large": (
            "文件“{name}”有 {size} MB，超过单个附件上限 {limit} MB（可在系统设置中调整）",
            "the file “{name}” is {size} MB, over the limit of {limit} MB per attachment (an admin can change it in the settings)",
        ),
        "attachment_unreadable": ("无法读取文件“{name}”：{detail}", "cannot read the file “{name}”: {detail}"),
        "attachment_no_item": ("本案没有业务清单项“{code}”", "the case has no checklist item “{code}”"),
        "attachment_no_record": ("本案没有该环节记录（{kind} {ref}）", "the case has no such stage record ({kind} {ref})"),
        "attachment_after_committee": (
            "保审会已作出决议，档案中的文件不能删除；请上传新版本替换并说明原因",
            "the committee has decided: files in the case file can no longer be deleted; replace it with a new version and give a reason",
        ),
        "attachment_not_current": (
            "这是已被替换的旧版本，只能处理当前版本",
            "this is an old version that was replaced; only the current version can be changed",
        ),
        "attachment_item_needs_file": (
            "“{item}”已登记为已收：请先改为未收，或登记为仅有纸质原件，再删除最后一个文件",
            "“{item}” is recorded as received: mark it pending or “paper original only” before removing its last file",
        ),
        "checklist_needs_file": (
            "“{item}”要登记为已收，须附上文件，或注明仅有纸质原件",
            "to record “{item}” as received, attach a file or state that there is a paper original only",
        ),
    }
)
messages.register_fields({
    "file": ("文件", "file"),
    "file_name": ("文件名", "file name"),
    "attachments": ("附件", "attachments"),
})

# Who keeps the case file: the attach action's own roles (the window greys its button by the same spec).
ATTACH_ROLES = SPECS["attach_file"].roles
ALL_STAGES = tuple(Stage)
# Stage records a file may hang on: kind -> the stage whose folder it is filed in.
RECORD_KINDS: dict[str, Stage] = {
    "intent_letter": Stage.INTENT_LETTER,
    "bank_decision": Stage.BANK_APPROVAL,
    "contract": Stage.CONTRACTS,
    "pledge_registration": Stage.PLEDGE_REGISTRATION,
    "deregistration": Stage.RELEASED,
    "loan": Stage.DISBURSEMENT,
}
MB = 1024 * 1024
_RECORD_NAMES = {
    "intent_letter": ("意向函 {ref}", "intent letter {ref}"),
    "bank_decision": ("银行审批（{ref}）", "bank decision ({ref})"),
    "contract": ("{ref}", "{ref}"),
    "pledge_registration": ("质押登记 {ref}", "pledge registration {ref}"),
    "deregistration": ("注销登记 {ref}", "deregistration {ref}"),
    "loan": ("放款 {ref}", "disbursement {ref}"),
}
_CONTRACT_NAMES = {"guarantee": ("保证合同", "guarantee contract"), "counter_guarantee": ("反担保合同", "counter-guarantee contract"),
                   "pledge": ("质押合同", "pledge contract"), "loan": ("借款合同", "loan contract")}


@dataclass(frozen=True)
class RecordTarget:
    """A stage record of the case that files can hang on (``record=(kind, key)`` of :func:`attach`)."""

    kind: str
    key: str
    label: Text


def record_targets(store: Store, case_id: int) -> list[RecordTarget]:
    """The case's stage records (letters, bank decision, contracts, registrations, deregistrations, loan)."""
    out = []
    for kind, key, ref in store.repos.attachments.record_rows(case_id):
        zh, en = _RECORD_NAMES[kind]
        if kind == "contract":
            contract_kind, _, number = ref.partition(":")
            czh, cen = _CONTRACT_NAMES.get(contract_kind, (contract_kind, contract_kind))
            out.append(RecordTarget(kind, key, Text(f"{czh} {number}", f"{cen} {number}")))
        else:
            out.append(RecordTarget(kind, key, Text(zh.format(ref=ref), en.format(ref=ref))))
    return out


@dataclass(frozen=True)
class Prepared:
    """A file checked and hashed, ready to be stored (prepared outside the write lock)."""

    name: str
    data: bytes
    sha256: str
    kind: str
    mime: str
    text: str


def size_limit(store: Store) -> int:
    """The largest attachment in bytes (setting ``casefile.max_file_mb``, default 50)."""
    return int(float(store.repos.settings.get("casefile.max_file_mb") or 50) * MB)


def _too_large(name: str, size: int, limit: int) -> ValidationError:
    return ValidationError("file", "attachment_too_large", name=name, size=f"{size / MB:.1f}", limit=f"{limit / MB:g}")


def prepare(store: Store, data: bytes, name: str) -> Prepared:
    """Check a file's name, size and type, hash it and extract its text; raises naming the file."""
    name = clean_name(name)
    limit = size_limit(store)
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    filetype = detect(data, name)
    text = pdf_text(data) if filetype.kind == "pdf" else ""
    return Prepared(name, data, hashlib.sha256(data).hexdigest(), filetype.kind, filetype.mime, text)


def read_file(store: Store, path: str | Path) -> tuple[bytes, str]:
    """The bytes and name of a file on disk; the size limit is checked before it is read."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        limit = size_limit(store)
        if size > limit:
            raise _too_large(clean_name(name), size, limit)
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ValidationError("file", "attachment_unreadable", name=name, detail=exc.strerror or str(exc)) from exc
    if len(data) > limit:  # the file grew while being read
        raise _too_large(clean_name(name), len(data), limit)
    return data, name


def _store_blob(store: Store, p: Prepared) -> int:
    blob_id, created = store.repos.attachments.put_blob(sha256=p.sha256, size=len(p.data), kind=p.kind, mime=p.mime,
                                                         content=p.data, created_at=store.now())
    if created and p.text:
        store.repos.attachments.index_text(blob_id, p.text)
    return blob_id


def _facts(p: Prepared) -> dict[str, object]:
    return {"name": p.name, "sha256": p.sha256, "bytes": len(p.data), "kind": p.kind}


def attach(
    store: Store, case_id: int, user: UserRecord, *, data: bytes, name: str, checklist_code: str | None = None,
    record: tuple[str, object] | None = None, expected_version: int,
) -> int:
    """File ``data`` (called ``name``) in the case's file; the new attachment's id.

    ``checklist_code`` hangs it on a checklist item, ``record=(kind, key)`` on a
    stage record (kinds in :data:`RECORD_KINDS`; ``key`` is the contract or
    letter id, the asset id of a pledge, '' for the bank decision or loan).
    """
    if checklist_code is not None and record is not None:
        raise ValidationError("attachments", "attachment_no_record", kind="checklist", ref=checklist_code)
    prepared = prepare(store, data, name)
    action = Text("附加档案文件", "attach a file to the case file")
    with case_action(store, case_id, user, roles=ATTACH_ROLES, stages=ALL_STAGES, action=action,
                     expected_version=expected_version) as case:
        repo = store.repos.attachments
        kind, key, stage = None, "", case.stage
        if checklist_code is not None:
            if repo.checklist_item(case_id, checklist_code) is None:
                raise NotFoundError("attachment_no_item", code=checklist_code)
            stage = Stage.INTAKE
        elif record is not None:
            kind, key = record[0], "" if record[1] in (None, "") else str(record[1])
            if kind not in RECORD_KINDS or not repo.record_exists(case_id, kind, key):
                raise NotFoundError("attachment_no_record", kind=kind, ref=key)
            stage = RECORD_KINDS[kind]
        blob_id = _store_blob(store, prepared)
        attachment_id = repo.add(case_id, blob_id=blob_id, name=prepared.name, stage=stage.value, attached_at=store.now(),
                                 attached_by=user.id, checklist_code=checklist_code, record_kind=kind, record_key=key)
        store.audit(user_id=user.id, case_id=case_id, entity="attachment", entity_id=attachment_id, action="attach",
                    after={**_facts(prepared), "checklist_code": checklist_code, "record": f"{kind}:{key}" if kind else None})
    return attachment_id


def attach_path(store: Store, case_id: int, user: UserRecord, path: str | Path, **kwargs: object) -> int:
    """:func:`attach` a file on disk (its size checked before it is read)."""
    data, name = read_file(store, path)
    return attach(store, case_id, user, data=data, name=name, **kwargs)  # type: ignore[arg-type]


def _current(store: Store, attachment_id: int) -> AttachmentRecord:
    row = store.repos.attachments.get(attachment_id)
    if row is None:
        raise NotFoundError("not_found", what=Text("附件", "attachment"), ident=attachment_id)
    return row


def supersede(
    store: Store, attachment_id: int, user: UserRecord, *, data: bytes, name: str, reason: str,
    expected_version: int,
) -> int:
    """Replace a file with a new version, giving the reason; the old version stays. The new id."""
    reason = check_text(reason, "reason", max_len=500)
    old = _current(store, attachment_id)
    prepared = prepare(store, data, name)
    action = Text("替换档案文件", "replace a file in the case file")
    with case_action(store, old.case_id, user, roles=ATTACH_ROLES, stages=ALL_STAGES, action=action,
                     expected_version=expected_version):
        old = _current(store, attachment_id)  # as it is now, under the write lock
        if old.status != "current":
            raise WorkflowError("attachment_not_current")
        repo = store.repos.attachments
        blob_id = _store_blob(store, prepared)
        repo.mark_superseded(attachment_id)
        new_id = repo.add(old.case_id, blob_id=blob_id, name=prepared.name, stage=old.stage.value, attached_at=store.now(),
                          attached_by=user.id, checklist_code=old.checklist_code, record_kind=old.record_kind,
                          record_key=old.record_key, supersedes_id=attachment_id, reason=reason)
        store.audit(user_id=user.id, case_id=old.case_id, entity="attachment", entity_id=new_id, action="supersede",
                    before={"id": attachment_id, "name": old.name, "sha256": old.sha256},
                    after={**_facts(prepared), "reason": reason})
    return new_id


def remove(store: Store, attachment_id: int, user: UserRecord, *, expected_version: int) -> None:
    """Remove a file (only before the committee decides); the version it replaced becomes current again."""
    old = _current(store, attachment_id)
    action = Text("删除档案文件", "remove a file from the case file")
    with case_action(store, old.case_id, user, roles=ATTACH_ROLES, stages=ALL_STAGES, action=action,
                     expected_version=expected_version):
        repo = store.repos.attachments
        old = _current(store, attachment_id)
        if repo.committee_decided(old.case_id):
            raise WorkflowError("attachment_after_committee")
        if old.status != "current":
            raise WorkflowError("attachment_not_current")
        code = old.checklist_code
        if code is not None and old.supersedes_id is None:
            item = repo.checklist_item(old.case_id, code)
            if item and item.status == "received" and not item.paper_only and repo.count_current(old.case_id, code) <= 1:
                raise WorkflowError("attachment_item_needs_file", item=item.label)
        repo.delete(attachment_id)
        if old.supersedes_id is not None:
            repo.restore_current(old.supersedes_id)
        dropped = repo.drop_blob_if_unused(old.blob_id)
        store.audit(user_id=user.id, case_id=old.case_id, entity="attachment", entity_id=attachment_id, action="remove",
                    before={"name": old.name, "sha256": old.sha256, "bytes": old.size, "kind": old.kind,
                            "checklist_code": code},
                    after={"bytes_deleted": dropped, "current_again": old.supersedes_id})


def require_file_for_received(store: Store, case_id: int, code: str, paper_original: bool) -> None:
    """The rule of a checklist item marked 已收: a file in the case file, or a paper original only (stated)."""
    if paper_original:
        return
    repo = store.repos.attachments
    if repo.count_current(case_id, code) == 0:
        item = repo.checklist_item(case_id, code)
        raise ValidationError("attachments", "checklist_needs_file", item=item.label if item else code)
