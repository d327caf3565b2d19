"""Typed records the store returns. Money in fen, dates as ``datetime.date``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ipguard.domain import IpAsset, IpType, LegalStatus, Role, Stage, Vote
from ipguard.rules import stage_notes
from ipguard.rules.explain import Explanation


def to_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def required_date(value: Any) -> dt.date:
    """A NOT NULL date column as a date (ValueError when it is empty)."""
    day = to_date(value)
    if day is None:
        raise ValueError("a required date is empty")
    return day


def from_date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


@dataclass(frozen=True)
class UserRecord:
    id: int
    username: str
    display_name: str
    roles: frozenset[Role]
    active: bool = True

    def has(self, role: Role) -> bool:
        return role in self.roles


@dataclass(frozen=True)
class BankRecord:
    id: int
    name: str
    branch: str
    contact_name: str = ""
    contact_phone: str = ""
    address: str = ""
    bank_share_bp: int = 0  # basis points of a loss the bank keeps
    reguarantor_name: str = ""
    reguarantor_share_bp: int = 0  # basis points of the guarantor's part taken by the re-guarantor
    active: bool = True
    version: int = 1  # advanced by every save; a save names the version it was read at

    @property
    def display(self) -> str:
        return f"{self.name}{self.branch}"


@dataclass(frozen=True)
class ReferrerRecord:
    id: int
    name: str
    kind: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    active: bool = True
    version: int = 1  # advanced by every save; a save names the version it was read at


@dataclass(frozen=True)
class GuarantorFigures:
    """The guarantor's own figures valid from ``effective_date`` until the next record's (fen)."""

    id: int
    effective_date: dt.date
    net_assets: int
    mainly_small_micro: bool
    note: str = ""
    recorded_at: str = ""
    recorded_by: int | None = None
    recorded_by_name: str = ""


@dataclass(frozen=True)
class CompanyRecord:
    id: int
    name: str
    uscc: str
    industry: str
    address: str
    founded_on: dt.date | None
    contact_name: str
    contact_phone: str
    controller_name: str = ""
    controller_resident_id: str = ""
    controller_phone: str = ""
    small_micro: bool = True


@dataclass(frozen=True)
class AssetRecord:
    id: int
    company_id: int
    ip_type: IpType
    number: str
    title: str
    owners: str
    sole_owner: bool
    filing_date: dt.date | None
    grant_date: dt.date | None
    expiry_date: dt.date | None
    legal_status: LegalStatus
    nice_class: int | None
    pledged: bool
    licensed: bool
    in_dispute: bool
    used_in_main_products: bool
    revenue_supported: int
    co_owner_consent: bool = False
    first_published_on: dt.date | None = None
    certificate_no: str = ""

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> AssetRecord:
        return cls(
            id=r["id"],
            company_id=r["company_id"],
            ip_type=IpType(r["ip_type"]),
            number=r["number"],
            title=r["title"],
            owners=r["owners"],
            sole_owner=bool(r["sole_owner"]),
            filing_date=to_date(r["filing_date"]),
            grant_date=to_date(r["grant_date"]),
            expiry_date=to_date(r["expiry_date"]),
            legal_status=LegalStatus(r["legal_status"]),
            nice_class=r["nice_class"],
            pledged=bool(r["pledged"]),
            licensed=bool(r["licensed"]),
            in_dispute=bool(r["in_dispute"]),
            used_in_main_products=bool(r["used_in_main_products"]),
            revenue_supported=r["revenue_supported_fen"],
            co_owner_consent=bool(r.get("co_owner_consent") or 0),
            first_published_on=to_date(r.get("first_published_on")),
            certificate_no=r.get("certificate_no") or "",
        )

    def to_domain(self) -> IpAsset:
        return IpAsset(
            ip_type=self.ip_type,
            number=self.number,
            title=self.title,
            owners=self.owners,
            sole_owner=self.sole_owner,
            filing_date=self.filing_date,
            grant_date=self.grant_date,
            expiry_date=self.expiry_date,
            legal_status=self.legal_status,
            nice_class=self.nice_class,
            pledged=self.pledged,
            licensed=self.licensed,
            in_dispute=self.in_dispute,
            used_in_main_products=self.used_in_main_products,
            revenue_supported=self.revenue_supported,
            co_owner_consent=self.co_owner_consent,
            first_published_on=self.first_published_on,
            certificate_no=self.certificate_no,
        )


@dataclass(frozen=True)
class FinancialsRecord:
    annual_sales: int
    net_assets_last_year: int
    net_assets_current: int
    existing_bank_loans: int
    company_credit_good: bool
    controller_credit_good: bool
    counter_guarantee: bool
    major_negative_info: bool
    negative_info_note: str


@dataclass(frozen=True)
class ChecklistRecord:
    id: int
    code: str
    label: str
    required: bool
    status: str  # pending / received / missing
    status_date: dt.date | None
    note: str


@dataclass(frozen=True)
class StageEventRecord:
    id: int
    from_stage: Stage | None
    to_stage: Stage
    at: str
    on_date: dt.date
    user_id: int | None
    user_name: str
    note: str  # the user's own words, verbatim
    said: Explanation | None = None  # the workflow's words, as data (ipguard.rules.stage_notes)

    def note_text(self, lang: str = "zh") -> str:
        """The event's note in ``lang``: the workflow's words, then the user's."""
        return stage_notes.note_text(self.said, self.note, lang)


@dataclass(frozen=True)
class CaseRecord:
    id: int
    case_no: str
    company_id: int
    product_code: str
    params_version: str
    bank_id: int | None
    referrer_id: int | None
    recommendation_opinion: str
    requested_amount: int
    term_months: int
    application_date: dt.date
    stage: Stage
    account_manager_id: int | None
    risk_manager_id: int | None
    target_tags: tuple[str, ...]
    version: int
    created_at: str
    updated_at: str
    stage_changed_at: str
    enterprise_size: str | None = None  # large / medium / small / micro (工信部联企业〔2011〕300号); None unknown

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> CaseRecord:
        return cls(
            id=r["id"],
            case_no=r["case_no"],
            company_id=r["company_id"],
            product_code=r["product_code"],
            params_version=r["params_version"],
            bank_id=r["bank_id"],
            referrer_id=r["referrer_id"],
            recommendation_opinion=r["recommendation_opinion"],
            requested_amount=r["requested_amount_fen"],
            term_months=r["term_months"],
            application_date=required_date(r["application_date"]),
            stage=Stage(r["stage"]),
            account_manager_id=r["account_manager_id"],
            risk_manager_id=r["risk_manager_id"],
            target_tags=tuple(json.loads(r["target_tags"] or "[]")),
            version=r["version"],
            created_at=r["created_at"],
            updated_at=r["updated_at"],
            stage_changed_at=r["stage_changed_at"],
            enterprise_size=r.get("enterprise_size"),
        )


@dataclass(frozen=True)
class CaseListRow:
    """One line of the case list (joined, for display and export)."""

    id: int
    case_no: str
    company_name: str
    uscc: str
    stage: Stage
    bank: str
    account_manager: str
    product_code: str
    requested_amount: int
    guarantee_amount: int | None
    application_date: dt.date
    updated_at: str


@dataclass(frozen=True)
class CaseListCursor:
    """Where a page of the case list ended: the last row's sort value and id (keyset paging)."""

    value: Any
    id: int


@dataclass(frozen=True)
class CaseFilter:
    """Filters of the case list; all optional, combined with AND."""

    text: str = ""
    stages: tuple[Stage, ...] = ()
    bank_id: int | None = None
    account_manager_id: int | None = None
    product_code: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort_key: str = "application_date"
    descending: bool = True
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CaseTerms:
    """The terms fixed in a case when the guarantee is given (committee approval).

    Later edits of the bank's standard terms or the product's fee rate change
    no case that already has its terms: loss splits and reports use these.
    """

    case_id: int
    fixed_on: dt.date
    bank_share_bp: int  # basis points of a loss the bank keeps
    reguarantor_name: str
    reguarantor_share_bp: int  # basis points of the guarantor's part taken by the re-guarantor
    fee_rate: Decimal | None  # annual rate on the guaranteed amount (None: fixed before rates were copied)
    fee_basis: str


@dataclass(frozen=True)
class IntentLetterRecord:
    """One 担保意向函 as recorded: its number, dates and status (issued / void)."""

    id: int
    letter_no: str
    issue_date: dt.date
    approval_deadline: dt.date
    valid_until: dt.date
    status: str
    # What the bank is asked to approve and what is guaranteed (a partial guarantee is legitimate).
    loan_amount: int | None = None  # fen
    guarantee_amount: int | None = None  # fen
    term_months: int | None = None

    def overdue(self, today: dt.date) -> bool:
        return self.status == "issued" and today > self.approval_deadline


@dataclass(frozen=True)
class BankDecisionRecord:
    """The bank's decision on a case (one per case)."""

    case_id: int
    approved: bool  # False: refused
    approved_amount: int | None  # fen; None when refused
    interest_rate: str
    term_months: int | None
    decided_on: dt.date
    note: str
    late_override_reason: str = ""


@dataclass(frozen=True)
class ContractRecord:
    id: int
    case_id: int
    kind: str  # guarantee / counter_guarantee / pledge / loan (ipguard.workflow.bank.CONTRACT_KINDS)
    contract_no: str
    party: str
    signed_on: dt.date
    amount: int | None = None  # fen


@dataclass(frozen=True)
class RegistrationRecord:
    """One pledged asset's registration, with the asset's number, type and title."""

    case_id: int
    asset_id: int
    number: str
    ip_type: IpType
    title: str
    registry: str
    submitted_on: dt.date | None
    registration_no: str
    registered_on: dt.date | None
    certificate_received: bool
    deregistered_on: dt.date | None
    deregistration_ref: str

    @property
    def registered(self) -> bool:
        """Registered with its certificate received (what the disbursement notice needs)."""
        return self.registered_on is not None and self.certificate_received


@dataclass(frozen=True)
class DisbursementCheckRecord:
    code: str
    label: str
    confirmed_by: int | None
    confirmed_by_name: str  # '' while open
    confirmed_at: str | None  # timestamp (ISO text) of the confirmation

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def confirmed_on(self) -> dt.date | None:
        return to_date(self.confirmed_at)


@dataclass(frozen=True)
class LoanRecord:
    """The bank's loan as recorded at disbursement, and what happened to it."""

    case_id: int
    loan_amount: int  # fen
    start_date: dt.date
    maturity_date: dt.date
    loan_contract_no: str
    fee: int  # fen
    fee_paid_on: dt.date | None = None
    repaid_on: dt.date | None = None
    defaulted_on: dt.date | None = None


@dataclass(frozen=True)
class CompensationRecord:
    """The guarantor's payment to the bank (代偿) and its split (all fen)."""

    case_id: int
    amount: int
    paid_on: dt.date
    bank_share: int
    reguarantor_share: int
    retained: int


@dataclass(frozen=True)
class RecoveryRecord:
    id: int
    case_id: int
    on_date: dt.date
    amount: int  # fen
    source: str  # cash / ip_disposal / guarantor / other (ipguard.workflow.postloan.RECOVERY_SOURCES)
    asset_id: int | None
    note: str


@dataclass(frozen=True)
class CaseDue:
    """A case with a date something is due by (reminders): its number, the company, the date and the
    case's product version (whose parameters set the reminder window)."""

    case_id: int
    case_no: str
    company: str
    on: dt.date
    product_code: str = ""
    params_version: str = ""


@dataclass(frozen=True)
class PledgedAssetDue:
    """An asset pledged in a live case (annual fee and renewal reminders)."""

    case_id: int
    case_no: str
    company: str
    ip_type: IpType
    number: str
    filing_date: dt.date | None
    grant_date: dt.date | None
    expiry_date: dt.date | None


# -- underwriting and committee ---------------------------------------------------------------


@dataclass(frozen=True)
class InvestigationReportRecord:
    """The investigation report (调查报告) sign-off: A's opinion (the conclusion), B's, and who signed when."""

    case_id: int
    opinion: str
    b_opinion: str
    a_user_id: int | None
    a_name: str  # '' while unsigned
    a_signed_at: str | None  # timestamp (ISO text) of the signature
    b_user_id: int | None
    b_name: str
    b_signed_at: str | None

    @property
    def a_signed_on(self) -> dt.date | None:
        return to_date(self.a_signed_at)

    @property
    def b_signed_on(self) -> dt.date | None:
        return to_date(self.b_signed_at)


@dataclass(frozen=True)
class VoteRecord:
    """One member's vote on a case."""

    member_id: int
    member_name: str
    vote: Vote
    comment: str
    voted_at: str  # timestamp (ISO text)


@dataclass(frozen=True)
class CommitteeDecisionRecord:
    """The committee's decision (保审会决议) on a case; one per case."""

    case_id: int
    resolution_no: str
    meeting_date: dt.date
    decision: Vote
    conditions: tuple[str, ...]
    decided_at: str  # timestamp (ISO text)
    recorded_by: int | None


# -- the documents archive ---------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentRecord:
    """One archived copy of an issued document, without its bytes (``size`` in bytes)."""

    id: int
    case_id: int
    kind: str  # intent_letter / disbursement_notice / investigation_report / committee_resolution
    doc_no: str
    issued_on: dt.date
    status: str  # issued / void
    sha256: str
    size: int
    font: str
    created_at: str  # timestamp (ISO text)
    replaces_id: int | None


@dataclass(frozen=True)
class ArchivedPdf:
    """One archived copy with its exact bytes."""

    id: int
    case_id: int
    kind: str
    doc_no: str
    status: str  # issued / void
    issued_on: dt.date
    sha256: str
    pdf: bytes


# -- the case file ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttachmentRecord:
    """One file of the case file (without its bytes): where it hangs, its content's facts, who attached it."""

    id: int
    case_id: int
    checklist_code: str | None  # the checklist item it belongs to, if any
    record_kind: str | None  # the stage record it belongs to, if any (ipguard.casefile.service.RECORD_KINDS)
    record_key: str
    stage: Stage  # the case's stage when attached
    blob_id: int
    name: str
    status: str  # current / superseded
    supersedes_id: int | None
    reason: str  # why it replaced the previous version
    attached_at: str  # timestamp (ISO text)
    attached_by: int | None
    attached_by_name: str
    sha256: str
    size: int  # bytes
    kind: str  # pdf / jpeg / png / … (ipguard.casefile.files.KIND_LABELS)
    mime: str


@dataclass(frozen=True)
class ChecklistItemRef:
    """A checklist item as the case file needs it: its label, status and whether only a paper original exists."""

    id: int
    code: str
    label: str
    status: str  # pending / received / missing
    paper_only: bool


# -- signing in ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    """What a sign-in checks a password against (ipguard.auth)."""

    user_id: int
    password_hash: str
    active: bool


@dataclass(frozen=True)
class SignInAttempts:
    """Consecutive failed sign-ins of a user name, and until when it is locked (None: not locked)."""

    failures: int
    locked_until: dt.datetime | None


# -- amendments, related parties, product versions, the audit trail -------------------------------


@dataclass(frozen=True)
class AmendmentRecord:
    """One amendment after the committee (变更重新上会) and what it set aside.

    ``voided`` is the JSON payload kept whole (rows per table as they were, see
    :meth:`ipguard.store.repos.amendments.AmendmentRepo.snapshot`): a record of
    the past, read as stored, not a live record.
    """

    id: int
    case_id: int
    amended_on: dt.date
    amended_at: str  # timestamp (ISO text)
    amended_by: int | None
    amended_by_name: str
    reason: str
    from_stage: Stage
    to_stage: Stage
    voided: dict[str, Any]


@dataclass(frozen=True)
class ReversalRecord:
    """One reversal of a case's last stage step (撤销上一步) and what it voided.

    ``voided`` holds the rows taken out of the live tables, per table, as they
    were (see :meth:`ipguard.store.repos.reversals.ReversalRepo.set_aside`),
    and the case's ``closed_reason`` when a closed case was reopened.
    """

    id: int
    case_id: int
    reversed_on: dt.date
    reversed_at: str  # timestamp (ISO text)
    reversed_by: int | None
    reversed_by_name: str
    reason: str
    from_stage: Stage
    to_stage: Stage
    voided: dict[str, Any]


@dataclass(frozen=True)
class RelatedParty:
    """A company recorded as related to another, and how."""

    company_id: int  # the related company
    name: str
    relation: str  # same_controller / parent_subsidiary / declared_group
    note: str


@dataclass(frozen=True)
class ProductVersionRecord:
    """One saved version of a product's parameters (without its TOML text)."""

    code: str
    version: str
    effective_date: dt.date
    created_at: str  # timestamp (ISO text)
    created_by: int | None


@dataclass(frozen=True)
class AuditEntry:
    """One entry of a case's audit trail, its before/after read back from their JSON payloads."""

    seq: int
    at: str  # timestamp (ISO text)
    user_id: int | None
    user_name: str | None
    entity: str
    entity_id: str
    action: str
    before: Any
    after: Any


# -- the facts of a user's to-do list (ipguard.store.repos.work) -------------------------------------


@dataclass(frozen=True)
class WorkCase:
    """A case as a to-do list reads it."""

    id: int
    case_no: str
    company: str
    stage: Stage
    since: dt.date  # the day the case entered its stage
    account_manager_id: int | None
    risk_manager_id: int | None
    product_code: str
    params_version: str


@dataclass(frozen=True)
class UnderwritingFacts(WorkCase):
    """A case from intake to the investigation: its latest assessment's state and the report's signers."""

    assessed: bool  # an assessment exists
    stale: bool  # intake records changed since it
    failed: bool  # a criterion fails
    unjustified: bool  # an in-principle criterion above its limit without the written justification
    a_user_id: int | None
    b_user_id: int | None


@dataclass(frozen=True)
class CommitteeFacts(WorkCase):
    """A case before the committee: members present and voted, and whether the reader is present / has voted."""

    present: int
    voted: int
    user_present: bool
    user_voted: bool


@dataclass(frozen=True)
class DeskFacts(WorkCase):
    """A case from the intent letter to the disbursement: contracts, registrations and disbursement checks."""

    contracts_signed: int  # kinds of the guarantor's contracts signed (guarantee, counter-guarantee, pledge)
    loan_contract: bool
    has_registrations: bool
    registrations_pending: bool
    checks_open: bool
