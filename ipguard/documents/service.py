"""Issuing documents from a case: build the content from the store, render, archive.

A document is issued inside the transaction of the workflow action that
issues it (the number, the record and the archived bytes commit together).
The exact PDF bytes are archived with their SHA-256, so a reprint is
byte-identical; a reissue gets a new number and voids the old one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from ipguard import catalog
from ipguard.documents import DisbursementNotice, IntentLetter, Letterhead, PledgedAssetLine, render
from ipguard.errors import NotFoundError
from ipguard.store import Store
from ipguard.store.records import UserRecord

log = logging.getLogger("ipguard.documents")

KINDS = {
    "intent_letter": "担保意向函",
    "disbursement_notice": "放款通知书",
    "investigation_report": "调查报告",
    "committee_resolution": "保审会决议",
}


def letterhead(store: Store) -> Letterhead:
    s = store.repos.settings
    return Letterhead(
        company_name=s.get("letterhead.company_name"),
        address=s.get("letterhead.address"),
        telephone=s.get("letterhead.telephone"),
        signatory=s.get("letterhead.signatory"),
        signatory_title=s.get("letterhead.signatory_title"),
    )


def _asset_lines(store: Store, case_id: int, owner: str) -> tuple[PledgedAssetLine, ...]:
    regs = {r["asset_id"]: r for r in store.query("SELECT * FROM pledge_registrations WHERE case_id = ?", [case_id])}
    return tuple(
        PledgedAssetLine(a.ip_type, a.number, a.title, a.owners or owner, (regs.get(a.id) or {}).get("registration_no") or "")
        for a in store.repos.cases.assets(case_id)
    )


def build_intent_letter(store: Store, case_id: int, letter_no: str) -> IntentLetter:
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    bank = store.repos.banks.get(case.bank_id) if case.bank_id else None
    row = store.query("SELECT * FROM intent_letters WHERE letter_no = ?", [letter_no])[0]
    product = catalog.product_version(store, case.product_code, case.params_version)
    manager = store.repos.users.get(case.account_manager_id) if case.account_manager_id else None
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id]) or 0
    return IntentLetter(
        letter_no=letter_no,
        issue_date=dt.date.fromisoformat(row["issue_date"]),
        bank_name=bank.name if bank else "",
        bank_branch=bank.branch if bank else "",
        borrower_name=company.name,
        borrower_uscc=company.uscc,
        loan_amount=case.requested_amount,
        term_months=case.term_months,
        guarantee_amount=guarantee,
        guarantee_form=product.guarantee_form,
        assets=_asset_lines(store, case_id, company.name),
        controller_name=company.controller_name,
        approval_deadline=dt.date.fromisoformat(row["approval_deadline"]),
        deadline_working_days=product.deadlines.bank_approval_working_days,
        valid_until=dt.date.fromisoformat(row["valid_until"]),
        case_no=case.case_no,
        contact_name=manager.display_name if manager else "",
        product_name=product.name,
    )


def build_disbursement_notice(store: Store, case_id: int, notice_no: str, issue_date: dt.date) -> DisbursementNotice:
    case = store.repos.cases.get(case_id)
    company = store.repos.companies.get(case.company_id)
    bank = store.repos.banks.get(case.bank_id) if case.bank_id else None
    contracts = {c["kind"]: c["contract_no"] for c in store.query("SELECT kind, contract_no FROM contracts WHERE case_id = ?", [case_id])}
    decision = store.query("SELECT * FROM bank_decisions WHERE case_id = ?", [case_id])
    approved = decision[0]["approved_amount_fen"] if decision else case.requested_amount
    guarantee = store.scalar("SELECT guarantee_amount_fen FROM cases WHERE id = ?", [case_id]) or 0
    checks = tuple(r["label"] for r in store.query(
        "SELECT label FROM disbursement_checks WHERE case_id = ? AND confirmed_at IS NOT NULL ORDER BY rowid", [case_id]))
    return DisbursementNotice(
        notice_no=notice_no,
        issue_date=issue_date,
        bank_name=bank.name if bank else "",
        bank_branch=bank.branch if bank else "",
        case_no=case.case_no,
        borrower_name=company.name,
        borrower_uscc=company.uscc,
        loan_contract_no=contracts.get("loan", ""),
        guarantee_contract_no=contracts.get("guarantee", ""),
        counter_guarantee_contract_no=contracts.get("counter_guarantee", ""),
        loan_amount=min(approved, guarantee) if guarantee else approved,
        guarantee_amount=guarantee,
        term_months=(decision[0]["term_months"] if decision and decision[0]["term_months"] else case.term_months),
        start_date=None,
        maturity_date=None,
        registrations=_asset_lines(store, case_id, company.name),
        conditions_confirmed=checks,
    )


def build(store: Store, case_id: int, kind: str, doc_no: str, issue_date: dt.date):
    if kind == "intent_letter":
        return build_intent_letter(store, case_id, doc_no)
    if kind == "disbursement_notice":
        return build_disbursement_notice(store, case_id, doc_no, issue_date)
    raise NotFoundError("not_found", what="文书类型", ident=kind)


def archive_issue(store: Store, case_id: int, kind: str, doc_no: str, issue_date: dt.date, user: UserRecord) -> int:
    """Render and archive a newly numbered document (inside the issuing transaction)."""
    doc = build(store, case_id, kind, doc_no, issue_date)
    font_path = store.repos.settings.get("documents.font_path") or None
    pdf = render(doc, letterhead(store), font_path=font_path)
    digest = hashlib.sha256(pdf).hexdigest()
    cur = store.db.execute(
        "INSERT INTO documents (case_id, kind, doc_no, issued_on, sha256, pdf, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
        [case_id, kind, doc_no, issue_date.isoformat(), digest, pdf, store.now(), user.id],
    )
    store.audit(user_id=user.id, case_id=case_id, entity="document", entity_id=doc_no, action="archive",
                after={"kind": kind, "sha256": digest, "bytes": len(pdf)})
    log.info("issued %s %s for case %s (%d bytes, sha256 %s)", kind, doc_no, case_id, len(pdf), digest[:12])
    return cur.lastrowid


def archived(store: Store, case_id: int, kind: str) -> tuple[str, bytes] | None:
    """The current issued copy of a document kind: (number, exact PDF bytes)."""
    rows = store.query(
        "SELECT doc_no, pdf FROM documents WHERE case_id = ? AND kind = ? AND status = 'issued' ORDER BY id DESC LIMIT 1",
        [case_id, kind])
    return (rows[0]["doc_no"], rows[0]["pdf"]) if rows else None


def documents_of(store: Store, case_id: int) -> list[dict]:
    return store.query(
        "SELECT id, kind, doc_no, issued_on, status, sha256, length(pdf) AS size, created_at FROM documents"
        " WHERE case_id = ? ORDER BY id", [case_id])
