"""Domain objects: companies, controllers, financials, IP assets, case intake.

Plain typed dataclasses. Each has a ``from_input`` constructor that takes raw
values (strings from a form, JSON, a spreadsheet row), validates them and
returns the object, or raises :class:`~ipguard.errors.ValidationError` naming
the field. Money is integer fen; dates are :class:`datetime.date`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal, get_args

from ipguard import field_labels, messages  # noqa: F401 - field_labels registers the form's labels
from ipguard.errors import ValidationError
from ipguard.ip_types import IpType as IpType  # re-exported: part of the domain's vocabulary
from ipguard.money import parse_yuan
from ipguard.validators import (
    check_bool,
    check_date,
    check_date_order,
    check_int,
    check_ip_number,
    check_nice_class,
    check_phone,
    check_resident_id,
    check_software_certificate_no,
    check_text,
    check_uscc,
    is_software_certificate_no,
)

# A committee member's vote, and the committee's decision (one of the same three).
Vote = Literal["approve", "approve_with_conditions", "decline"]
VOTE_VALUES: tuple[Vote, ...] = get_args(Vote)


def as_vote(value: str) -> Vote:
    """A stored vote or decision as a :data:`Vote` (ValueError for anything else)."""
    for vote in VOTE_VALUES:
        if value == vote:
            return vote
    raise ValueError(f"not a vote: {value!r}")


class LegalStatus(StrEnum):
    VALID = "valid"  # granted/registered and in force, fees paid
    PENDING = "pending"  # filed, not yet granted
    FEE_UNPAID = "fee_unpaid"  # annual fee overdue (grace period)
    LAPSED = "lapsed"
    INVALIDATED = "invalidated"

    @property
    def label(self) -> str:
        return _LEGAL_STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LEGAL_STATUS_LABELS[self][1]


_LEGAL_STATUS_LABELS = {
    "valid": ("有效", "valid"),
    "pending": ("审查中", "pending"),
    "fee_unpaid": ("欠缴年费", "annual fee unpaid"),
    "lapsed": ("已失效", "lapsed"),
    "invalidated": ("已宣告无效", "invalidated"),
}


class Stage(StrEnum):
    """The stages of a case, in the order of ``shared/domain.md``."""

    INTAKE = "intake"
    SCREENING = "screening"
    VALUATION = "valuation"
    INVESTIGATION = "investigation"
    COMMITTEE = "committee"
    INTENT_LETTER = "intent_letter"
    BANK_APPROVAL = "bank_approval"
    CONTRACTS = "contracts"
    PLEDGE_REGISTRATION = "pledge_registration"
    DISBURSEMENT = "disbursement"
    IN_FORCE = "in_force"
    RELEASED = "released"
    DEFAULTED = "defaulted"
    RECOVERY = "recovery"
    CLOSED = "closed"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STAGE_LABELS[self][1]

    @property
    def is_open(self) -> bool:
        """Open stages can still be declined or withdrawn (before the loan starts)."""
        return self in OPEN_STAGES

    @property
    def is_terminal(self) -> bool:
        return self in (Stage.RELEASED, Stage.CLOSED, Stage.DECLINED, Stage.WITHDRAWN)


_STAGE_LABELS = {
    Stage.INTAKE: ("受理", "Intake"),
    Stage.SCREENING: ("准入", "Screening"),
    Stage.VALUATION: ("价值认定", "Valuation"),
    Stage.INVESTIGATION: ("调查", "Investigation"),
    Stage.COMMITTEE: ("保审会", "Committee"),
    Stage.INTENT_LETTER: ("意向函", "Intent letter"),
    Stage.BANK_APPROVAL: ("银行审批", "Bank approval"),
    Stage.CONTRACTS: ("签约", "Contracts"),
    Stage.PLEDGE_REGISTRATION: ("质押登记", "Pledge registration"),
    Stage.DISBURSEMENT: ("放款", "Disbursement"),
    Stage.IN_FORCE: ("在保", "In force"),
    Stage.RELEASED: ("解保", "Released"),
    Stage.DEFAULTED: ("逾期", "Defaulted"),
    Stage.RECOVERY: ("代偿追偿", "Compensated, recovering"),
    Stage.CLOSED: ("追偿结案", "Closed"),
    Stage.DECLINED: ("否决", "Declined"),
    Stage.WITHDRAWN: ("撤回", "Withdrawn"),
}

# The main line a case walks, for stage bars and ordering.
MAIN_LINE = (
    Stage.INTAKE,
    Stage.SCREENING,
    Stage.VALUATION,
    Stage.INVESTIGATION,
    Stage.COMMITTEE,
    Stage.INTENT_LETTER,
    Stage.BANK_APPROVAL,
    Stage.CONTRACTS,
    Stage.PLEDGE_REGISTRATION,
    Stage.DISBURSEMENT,
    Stage.IN_FORCE,
    Stage.RELEASED,
)
OPEN_STAGES = frozenset(MAIN_LINE[: MAIN_LINE.index(Stage.DISBURSEMENT) + 1])


class Role(StrEnum):
    ACCOUNT_MANAGER = "account_manager"
    RISK_MANAGER = "risk_manager"
    COMMITTEE_MEMBER = "committee_member"
    OPERATIONS = "operations"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _ROLE_LABELS[self][1]


_ROLE_LABELS = {
    Role.ACCOUNT_MANAGER: ("客户经理(A角)", "account manager (A)"),
    Role.RISK_MANAGER: ("风控经理(B角)", "risk manager (B)"),
    Role.COMMITTEE_MEMBER: ("保审会委员", "committee member"),
    Role.OPERATIONS: ("业务运营/法务", "operations / legal"),
    Role.ADMIN: ("管理员", "administrator"),
}


messages.register(
    {
        "ip_type_invalid": ("“{value}”不是知识产权类型之一（{choices}）", "“{value}” is not an IP type ({choices})"),
        "legal_status_invalid": ("“{value}”不是法律状态之一（{choices}）", "“{value}” is not a legal status ({choices})"),
    }
)


@dataclass(frozen=True)
class Controller:
    """The actual controller (实际控制人) who usually adds a personal guarantee."""

    name: str
    resident_id: str
    phone: str = ""

    @classmethod
    def from_input(cls, data: Mapping[str, object]) -> Controller:
        return cls(
            name=check_text(data.get("controller_name") or data.get("name"), "controller_name", max_len=40),
            resident_id=check_resident_id(data.get("resident_id"), "resident_id"),
            phone=check_phone(data.get("controller_phone") or data.get("phone"), "contact_phone"),
        )


@dataclass(frozen=True)
class Company:
    name: str
    uscc: str
    industry: str = ""
    address: str = ""
    founded_on: dt.date | None = None
    contact_name: str = ""
    contact_phone: str = ""
    controller: Controller | None = None

    @classmethod
    def from_input(cls, data: Mapping[str, object], *, require_controller: bool = True) -> Company:
        controller = None
        if require_controller or data.get("controller_name") or data.get("resident_id"):
            controller = Controller.from_input(data)
        return cls(
            name=check_text(data.get("name"), "company.name", max_len=100),
            uscc=check_uscc(data.get("uscc")),
            industry=check_text(data.get("industry"), "industry", max_len=40, required=False),
            address=check_text(data.get("address"), "address", max_len=200, required=False),
            founded_on=check_date(data.get("founded_on"), "founded_on", required=False),
            contact_name=check_text(data.get("contact_name"), "contact_name", max_len=40, required=False),
            contact_phone=check_phone(data.get("contact_phone"), "contact_phone"),
            controller=controller,
        )


@dataclass(frozen=True)
class Financials:
    """The figures the access criteria read, per case, in fen."""

    annual_sales: int
    net_assets_last_year: int
    net_assets_current: int
    existing_bank_loans: int = 0

    @classmethod
    def from_input(cls, data: Mapping[str, object]) -> Financials:
        return cls(
            annual_sales=parse_yuan(data.get("annual_sales"), "annual_sales"),
            # Net assets may be negative: that is what rule 7 looks for.
            net_assets_last_year=parse_yuan(data.get("net_assets_last_year"), "net_assets_last_year", allow_negative=True),
            net_assets_current=parse_yuan(data.get("net_assets_current"), "net_assets_current", allow_negative=True),
            existing_bank_loans=parse_yuan(data.get("existing_bank_loans", "0"), "existing_bank_loans"),
        )


@dataclass(frozen=True)
class CreditFlags:
    company_credit_good: bool
    controller_credit_good: bool
    counter_guarantee: bool
    major_negative_info: bool
    negative_info_note: str = ""

    @classmethod
    def from_input(cls, data: Mapping[str, object]) -> CreditFlags:
        def flag(key: str) -> bool:
            if key not in data or data[key] is None:
                raise ValidationError(key, "required")
            return check_bool(data[key], key)

        return cls(
            company_credit_good=flag("company_credit_good"),
            controller_credit_good=flag("controller_credit_good"),
            counter_guarantee=flag("counter_guarantee"),
            major_negative_info=flag("major_negative_info"),
            negative_info_note=check_text(data.get("negative_info_note"), "negative_info_note", max_len=500, required=False),
        )


@dataclass(frozen=True)
class IpAsset:
    ip_type: IpType
    number: str
    title: str = ""
    owners: str = ""
    sole_owner: bool = True
    filing_date: dt.date | None = None
    grant_date: dt.date | None = None
    expiry_date: dt.date | None = None
    legal_status: LegalStatus = LegalStatus.VALID
    nice_class: int | None = None
    pledged: bool = False
    licensed: bool = False
    in_dispute: bool = False
    used_in_main_products: bool = False
    revenue_supported: int = 0  # fen per year
    co_owner_consent: bool = False  # every co-owner's written consent to the pledge is on file
    first_published_on: dt.date | None = None  # software/copyright: the term runs from first publication
    certificate_no: str = ""  # software copyright: 软著登字第…号, besides the registration number

    @property
    def valid(self) -> bool:
        return self.legal_status is LegalStatus.VALID

    @classmethod
    def from_input(cls, data: Mapping[str, object], prefix: str = "", *, require_nice_class: bool = True) -> IpAsset:
        """Validate one asset; ``prefix`` (e.g. ``ip_assets[0].``) is put before field names.

        ``require_nice_class=False`` accepts a trademark without its class, as a
        referrer's pre-screening list often has it (``ipguard assess``); a case's
        intake still needs it.
        """
        raw_type = str(data.get("type") or data.get("ip_type") or "").strip()
        try:
            ip_type = IpType(raw_type)
        except ValueError:
            by_label = {t.label: t for t in IpType}
            if raw_type not in by_label:
                raise ValidationError(
                    f"{prefix}type", "ip_type_invalid", value=raw_type[:40], choices="、".join(t.value for t in IpType)
                ) from None
            ip_type = by_label[raw_type]
        number = check_ip_number(ip_type.value, data.get("number"), f"{prefix}number")
        status = data.get("legal_status")
        if status is None or status == "":
            # The applicant JSON says only valid: true/false.
            valid = check_bool(data.get("valid", True), f"{prefix}valid")
            legal_status = LegalStatus.VALID if valid else LegalStatus.LAPSED
        else:
            try:
                legal_status = LegalStatus(str(status))
            except ValueError:
                raise ValidationError(
                    f"{prefix}legal_status",
                    "legal_status_invalid",
                    value=str(status)[:40],
                    choices="、".join(s.value for s in LegalStatus),
                ) from None
        filing = check_date(data.get("filing_date"), f"{prefix}filing_date", required=False)
        grant = check_date(data.get("grant_date"), f"{prefix}grant_date", required=False)
        expiry = check_date(data.get("expiry_date"), f"{prefix}expiry_date", required=False)
        check_date_order(filing, grant, f"{prefix}grant_date", "filing_date")
        check_date_order(grant or filing, expiry, f"{prefix}expiry_date", "grant_date" if grant else "filing_date")
        nice = data.get("nice_class")
        nice_class = check_nice_class(nice, f"{prefix}nice_class") if nice not in (None, "") else None
        if ip_type is IpType.TRADEMARK and nice_class is None and require_nice_class:
            raise ValidationError(f"{prefix}nice_class", "required")
        certificate_no = ""
        if ip_type is IpType.SOFTWARE_COPYRIGHT:
            certificate_no = check_software_certificate_no(data.get("certificate_no"), f"{prefix}certificate_no")
            if is_software_certificate_no(number):
                # Given only the certificate form: keep it, and use the registration number when also given.
                certificate_no = certificate_no or number
                registration = data.get("registration_no")
                if registration not in (None, ""):
                    number = check_ip_number(ip_type.value, registration, f"{prefix}registration_no")
        revenue = data.get("revenue_supported")
        return cls(
            ip_type=ip_type,
            number=number,
            title=check_text(data.get("title"), f"{prefix}title", max_len=200, required=False),
            owners=check_text(data.get("owners"), f"{prefix}owners", max_len=200, required=False),
            sole_owner=check_bool(data.get("sole_owner"), f"{prefix}sole_owner", default=True),
            filing_date=filing,
            grant_date=grant,
            expiry_date=expiry,
            legal_status=legal_status,
            nice_class=nice_class,
            pledged=check_bool(data.get("pledged"), f"{prefix}pledged", default=False),
            licensed=check_bool(data.get("licensed"), f"{prefix}licensed", default=False),
            in_dispute=check_bool(data.get("in_dispute"), f"{prefix}in_dispute", default=False),
            used_in_main_products=check_bool(data.get("used_in_main_products"), f"{prefix}used_in_main_products", default=False),
            revenue_supported=parse_yuan(revenue, f"{prefix}revenue_supported") if revenue not in (None, "") else 0,
            co_owner_consent=check_bool(data.get("co_owner_consent"), f"{prefix}co_owner_consent", default=False),
            first_published_on=check_date(data.get("first_published_on"), f"{prefix}first_published_on", required=False),
            certificate_no=certificate_no,
        )


@dataclass(frozen=True)
class CaseIntake:
    """What an account manager enters to open a case."""

    company: Company
    financials: Financials
    credit: CreditFlags
    requested_amount: int
    term_months: int
    application_date: dt.date
    product_code: str = "kuaiyidai"
    bank_id: int | None = None
    referrer_id: int | None = None
    recommendation_opinion: str = ""
    assets: tuple[IpAsset, ...] = ()
    target_tags: tuple[str, ...] = ()
    account_manager_id: int | None = None
    risk_manager_id: int | None = None
    extra: dict[str, object] = field(default_factory=dict)
    # Enterprise size (工信部联企业〔2011〕300号): the sizing industry, the figures, and the size recorded.
    size_industry: str | None = None
    employees: int | None = None
    total_assets: int | None = None  # fen
    enterprise_size: str | None = None  # ipguard.rules.enterprise_size.Size value; None when unknown

    @staticmethod
    def check_request(data: Mapping[str, object]) -> tuple[int, int, dt.date]:
        amount = parse_yuan(data.get("requested_amount"), "requested_amount")
        if amount == 0:
            raise ValidationError("requested_amount", "int_range", low="0.01", high="-", value="0")
        term = check_int(data.get("term_months"), "term_months", low=1)  # the product's range: intake.open_case
        date = check_date(data.get("application_date"), "application_date")
        assert date is not None
        return amount, term, date
