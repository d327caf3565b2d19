"""Issuing documents from a case: number, build from the store, render, archive.

A document is numbered, recorded and archived in one transaction (the number,
the record and the exact PDF bytes commit together or not at all). The bytes
are archived with their SHA-256, so a reprint is byte-identical; a reissue
gets a new number and voids the old copy, both kept.

Which document may be issued when:

- 担保意向函 / 放款通知书 are issued only by their workflow actions
  (:func:`ipguard.workflow.issue_intent_letter`,
  :func:`ipguard.workflow.issue_disbursement_notice`); here they are reprinted.
- 调查报告: once the case has gone to the committee (both A and B signed);
  numbered ``浦科担调〔2026〕1号``.
- 保审会决议: once the committee has decided; its number is the decision's
  resolution number (``浦科担审〔2026〕1号``).

Reissuing an intent letter voids its ``intent_letters`` row and records a new
one whose bank-approval deadline and validity are **recomputed from the new
issue date** (same working-day rule as the first issue): the letter the bank
holds states "N working days from the date of this letter", so the stored
deadline must agree with the letter's own date.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from ipguard import anchors, catalog, clock, messages
from ipguard.auth import require_any_role
from ipguard.documents import Document, Letterhead, render
from ipguard.documents.builders import (
    asset_lines,
    build_committee_resolution,
    build_disbursement_notice,
    build_intent_letter,
    build_investigation_report,
)
from ipguard.domain import Role, Stage
from ipguard.errors import NotFoundError, ValidationError, WorkflowError
from ipguard.rules import deadlines
from ipguard.store import Store
from ipguard.store.records import ArchivedPdf, DocumentRecord, UserRecord
from ipguard.validators import check_text

log = logging.getLogger("ipguard.documents")

KINDS = {
    "intent_letter": "担保意向函",
    "disbursement_notice": "放款通知书",
    "investigation_report": "调查报告",
    "committee_resolution": "保审会决议",
}
# While a document may be reissued: the stage it leads to has not been passed yet.
REISSUE_STAGES = {
    "intent_letter": (Stage.BANK_APPROVAL,),
    "disbursement_notice": (Stage.DISBURSEMENT,),
    "investigation_report": (Stage.COMMITTEE,),
    "committee_resolution": (Stage.INTENT_LETTER,),
}
ISSUERS = (Role.ACCOUNT_MANAGER, Role.RISK_MANAGER, Role.COMMITTEE_MEMBER, Role.OPERATIONS, Role.ADMIN)

messages.register(
    {
        "document_stage": ("案件当前处于“{stage}”阶段，不能出具{document}", "the case is at “{stage}”; the {document} cannot be issued"),
        "document_kind": ("没有这种文书：{kind}", "no such document kind: {kind}"),
        "document_reissue_stage": (
            "案件当前处于“{stage}”阶段，{document}只能在“{allowed}”阶段重新出具",
            "the case is at “{stage}”; the {document} can only be reissued at “{allowed}”",
        ),
        "document_not_issued": ("本案尚未出具{document}，无需重新出具", "the {document} of this case has not been issued; nothing to reissue"),
    }
)

__all__ = [
    "KINDS",
    "IssuedDocument",
    "archive_issue",
    "archived",
    "asset_lines",
    "build",
    "doc_number",
    "documents_of",
    "issue_document",
    "letterhead",
    "reissue",
]


@dataclass(frozen=True)
class IssuedDocument:
    """One issued copy: its number, the exact archived PDF bytes, their SHA-256, and whether it was a reprint."""

    doc_no: str
    pdf: bytes
    sha256: str
    reprint: bool


OFFICIAL_NUMBER = "{code}〔{year}〕{n}号"


def doc_number(store: Store, kind: str, year: int, template: str = OFFICIAL_NUMBER) -> str:
    """Next number of a document kind for a year: gap-free, inside the issuing transaction.

    The default form is GB/T 9704's 发文字号 ``浦科担函〔2026〕15号``: the issuer code of the
    kind from the settings (``documents.code.<kind>``), the year in 〔〕, the number
    without 第 or leading zeros.
    """
    n = store.next_sequence(f"doc:{kind}:{year}")
    code = str(store.repos.settings.get(f"documents.code.{kind}") or "")
    return template.format(code=code, year=year, n=n)


def letterhead(store: Store) -> Letterhead:
    s = store.repos.settings
    return Letterhead(
        company_name=s.get("letterhead.company_name"),
        address=s.get("letterhead.address"),
        telephone=s.get("letterhead.telephone"),
        signatory=s.get("letterhead.signatory"),
        signatory_title=s.get("letterhead.signatory_title"),
    )


def build(store: Store, case_id: int, kind: str, doc_no: str, issue_date: dt.date, replaces_no: str = "") -> Document:
    """The model of one document of a case, as the store says now (``replaces_no``: the number a reissue replaces)."""
    if kind == "intent_letter":
        return build_intent_letter(store, case_id, doc_no, replaces_no)
    if kind == "disbursement_notice":
        return build_disbursement_notice(store, case_id, doc_no, issue_date, replaces_no)
    if kind == "investigation_report":
        return build_investigation_report(store, case_id, doc_no, issue_date)
    if kind == "committee_resolution":
        return build_committee_resolution(store, case_id, doc_no)
    raise ValidationError("kind", "document_kind", kind=kind)


def _insert(store: Store, case_id: int, kind: str, doc_no: str, issue_date: dt.date, user: UserRecord,
            replaces_id: int | None = None, replaces_no: str = "") -> tuple[int, bytes, str]:
    from ipguard.documents.fonts import resolve_font

    doc = build(store, case_id, kind, doc_no, issue_date, replaces_no)
    font_path = store.repos.settings.get("documents.font_path") or None
    head = store.audit_head()
    pdf = render(doc, letterhead(store), font_path=font_path, audit_mark=anchors.mark(head.count, head.hash))
    font = resolve_font(font_path)
    digest = hashlib.sha256(pdf).hexdigest()
    document_id = store.repos.documents.add(
        case_id, kind=kind, doc_no=doc_no, issued_on=issue_date.isoformat(), sha256=digest, pdf=pdf,
        font=font.path or font.name, created_at=store.now(), created_by=user.id, replaces_id=replaces_id,
    )
    store.audit(user_id=user.id, case_id=case_id, entity="document", entity_id=doc_no, action="archive",
                after={"kind": kind, "sha256": digest, "bytes": len(pdf), "replaces_id": replaces_id})  # fmt: skip
    log.info("issued %s %s for case %s (%d bytes, sha256 %s)", kind, doc_no, case_id, len(pdf), digest[:12])
    return document_id, pdf, digest


def archive_issue(store: Store, case_id: int, kind: str, doc_no: str, issue_date: dt.date, user: UserRecord) -> int:
    """Render and archive a newly numbered document (inside the issuing transaction); the new row's id."""
    return _insert(store, case_id, kind, doc_no, issue_date, user)[0]


def _current(store: Store, case_id: int, kind: str) -> ArchivedPdf | None:
    return store.repos.documents.current(case_id, kind)


def archived(store: Store, case_id: int, kind: str) -> tuple[str, bytes] | None:
    """The current issued copy of a document kind: (number, exact PDF bytes)."""
    row = _current(store, case_id, kind)
    return (row.doc_no, row.pdf) if row else None


def archived_by_id(store: Store, document_id: int) -> tuple[str, bytes, str]:
    """Any archived copy, issued or void: (number, exact PDF bytes, status "issued"/"void").

    Read-only (a look at a void copy is not a reprint); NotFoundError for an unknown id.
    """
    row = store.repos.documents.by_id(document_id)
    if row is None:
        raise NotFoundError("not_found", what="文书", ident=document_id)
    return row.doc_no, row.pdf, row.status


def documents_of(store: Store, case_id: int) -> list[DocumentRecord]:
    return store.repos.documents.of_case(case_id)


def _check_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("kind", "document_kind", kind=kind)
    return kind


BEFORE_COMMITTEE = frozenset({Stage.INTAKE, Stage.SCREENING, Stage.VALUATION, Stage.INVESTIGATION})


def _refusal(store: Store, case_id: int, kind: str) -> WorkflowError | None:
    """Why ``kind`` cannot be issued for the case now (None when it can)."""
    case = store.repos.cases.get(case_id)
    refused = WorkflowError("document_stage", stage=case.stage.label, document=KINDS[kind])
    if kind == "investigation_report":
        # Went to the committee, and not taken back before it since (撤销上一步 keeps the signatures, and
        # the report may still change there): a report is issued as the committee had it.
        went = case.stage not in BEFORE_COMMITTEE and store.repos.cases.reached_stage(case_id, Stage.COMMITTEE)
        signed = store.repos.underwriting.report_fully_signed(case_id)
        return None if went and signed else refused
    if kind == "committee_resolution":
        decided = store.repos.committee.has_decision(case_id)
        return None if decided else refused
    return refused  # intent letter and notice: only through their workflow actions


def _audit_reprint(store: Store, case_id: int, row: ArchivedPdf, user: UserRecord) -> None:
    store.audit(user_id=user.id, case_id=case_id, entity="document", entity_id=row.doc_no, action="reprint",
                after={"sha256": row.sha256})  # fmt: skip


def issue_document(
    store: Store, case_id: int, kind: str, user: UserRecord, *, issue_date: dt.date | None = None
) -> IssuedDocument:
    """The case's document of ``kind``: the archived copy if issued (a reprint), else issued now.

    Issuing numbers the document, renders it and archives the bytes in one
    transaction. Raises WorkflowError naming the case's stage when the
    document cannot be issued at that stage (intent letters and disbursement
    notices are only issued by their workflow actions).
    """
    _check_kind(kind)
    require_any_role(user, ISSUERS, f"出具{KINDS[kind]}", store)
    with store.transaction():
        row = _current(store, case_id, kind)
        if row is not None:
            _audit_reprint(store, case_id, row, user)
            return IssuedDocument(row.doc_no, row.pdf, row.sha256, True)
        refusal = _refusal(store, case_id, kind)
        if refusal:
            raise refusal
        if kind == "committee_resolution":
            decision = store.repos.committee.decision(case_id)
            assert decision is not None  # _refusal checked it
            doc_no = decision.resolution_no
            issue_date = issue_date or decision.meeting_date
        else:
            issue_date = issue_date or clock.today()
            doc_no = doc_number(store, kind, issue_date.year)
        _id, pdf, digest = _insert(store, case_id, kind, doc_no, issue_date, user)
    return IssuedDocument(doc_no, pdf, digest, False)


def reissue(
    store: Store, case_id: int, kind: str, user: UserRecord, reason: str, *, issue_date: dt.date | None = None
) -> IssuedDocument:
    """Issue a corrected copy under a new number; the old copy is marked void and kept.

    For an intent letter the ``intent_letters`` row is voided too and a new
    one recorded, its deadline recomputed from the new issue date. For a
    resolution the decision's resolution number becomes the new number.
    """
    _check_kind(kind)
    reason = check_text(reason, "reason", max_len=500)
    require_any_role(user, ISSUERS, f"重新出具{KINDS[kind]}", store)
    issue_date = issue_date or clock.today()
    with store.transaction():
        old = _current(store, case_id, kind)
        if old is None:
            raise WorkflowError("document_not_issued", document=KINDS[kind])
        case = store.repos.cases.get(case_id)
        allowed = REISSUE_STAGES[kind]
        if case.stage not in allowed:
            raise WorkflowError("document_reissue_stage", stage=case.stage.label, document=KINDS[kind],
                                allowed="、".join(s.label for s in allowed))  # fmt: skip
        doc_no = doc_number(store, kind, issue_date.year)
        if kind == "intent_letter":
            _reissue_letter_record(store, case_id, old.doc_no, doc_no, issue_date)
        elif kind == "committee_resolution":
            store.repos.committee.set_resolution_no(case_id, doc_no)
        store.repos.documents.void(old.id)
        store.audit(user_id=user.id, case_id=case_id, entity="document", entity_id=old.doc_no, action="void",
                    before={"status": "issued"}, after={"status": "void", "reason": reason, "replaced_by": doc_no})  # fmt: skip
        store.touch_case_version(case_id)  # a reissue saves no form the user read
        _id, pdf, digest = _insert(store, case_id, kind, doc_no, issue_date, user, replaces_id=old.id,
                                 replaces_no=old.doc_no)
        store.audit(user_id=user.id, case_id=case_id, entity="document", entity_id=doc_no, action="reissue",
                    before={"doc_no": old.doc_no}, after={"doc_no": doc_no, "reason": reason, "case_no": case.case_no})  # fmt: skip
    return IssuedDocument(doc_no, pdf, digest, False)


def _reissue_letter_record(store: Store, case_id: int, old_no: str, new_no: str, issue_date: dt.date) -> None:
    """Void the old letter; record the new one (same amounts and term) with its deadlines counted from ``issue_date``."""
    case = store.repos.cases.get(case_id)
    product = catalog.product_version(store, case.product_code, case.params_version)
    dates = deadlines.intent_letter(catalog.calendar(store), product.deadlines, issue_date)
    old = store.repos.closing.intent_letter_numbered(old_no)
    store.repos.closing.void_intent_letter(case_id, old_no)
    store.repos.closing.add_intent_letter(
        case_id, letter_no=new_no, issue_date=issue_date.isoformat(), approval_deadline=dates.approval_deadline.isoformat(),
        valid_until=dates.valid_until.isoformat(), loan_amount=old.loan_amount, guarantee_amount=old.guarantee_amount,
        term_months=old.term_months,
    )

