"""What each printable document says, as plain frozen data.

The workflow builds these from a case; the renderers only lay them out. Money
is integer fen, dates are :class:`datetime.date`; nothing here is computed
from a database. Optional fields have defaults so callers can omit them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from ipguard import messages
from ipguard.domain import IpType, Vote

Outcome = Literal["pass", "fail", "justify"]

VOTE_LABELS: dict[str, str] = {"approve": "同意", "approve_with_conditions": "有条件同意", "decline": "不同意"}
OUTCOME_LABELS: dict[str, str] = {"pass": "符合", "fail": "不符合", "justify": "超标已说明"}


@dataclass(frozen=True)
class Letterhead:
    """The issuing company, from the settings an admin edits."""

    company_name: str
    address: str
    telephone: str
    signatory: str
    signatory_title: str
    seal_text: str = "（盖章）"
    postcode: str = ""
    fax: str = ""


@dataclass(frozen=True)
class PledgedAssetLine:
    """One pledged IP asset as it appears in a document."""

    ip_type: IpType
    number: str
    title: str
    owner: str
    registration_no: str = ""  # pledge registration number, once registered
    recognized_value: int | None = None  # fen
    nice_class: int | None = None  # trademarks: Nice class 1–45
    sole_owner: bool = True  # derived from the owners (one owner), never contradicting them

    @property
    def name_text(self) -> str:
        """The title, with the class of a trademark: 芯驰（第9类）."""
        if self.nice_class and f"第{self.nice_class}类" not in self.title:
            return f"{self.title}（第{self.nice_class}类）"
        return self.title

    @property
    def ownership_text(self) -> str:
        return "单独所有" if self.sole_owner else "共有"


def split_owners(text: str) -> tuple[str, ...]:
    """Owners as written on an asset (separated by 、，,；; or newlines)."""
    import re

    return tuple(p.strip() for p in re.split(r"[、，,；;\n]+", text or "") if p.strip())


@dataclass(frozen=True)
class IntentLetter:
    """担保意向函 to the lending bank."""

    letter_no: str  # 发文字号, e.g. 浦科担函〔2026〕12号
    issue_date: dt.date
    bank_name: str
    bank_branch: str
    borrower_name: str
    borrower_uscc: str
    loan_amount: int
    term_months: int
    guarantee_amount: int
    guarantee_form: str  # e.g. 连带责任保证
    assets: tuple[PledgedAssetLine, ...]
    controller_name: str
    approval_deadline: dt.date
    deadline_working_days: int
    valid_until: dt.date
    case_no: str
    contact_name: str = ""
    contact_phone: str = ""
    loan_purpose: str = "流动资金周转"
    product_name: str = "知识产权快易贷"
    controller_guarantee_form: str = "个人无限连带责任保证"
    resolution_no: str = ""
    decision: str = "approve"  # approve / approve_with_conditions
    conditions: tuple[str, ...] = ()  # the committee's conditions on a conditional approval
    bank_share_bp: int = 0  # the share of a loss the bank keeps, basis points
    guarantee_scope: str = ""
    guarantee_period: str = ""
    cc: tuple[str, ...] = ()  # 抄送
    replaces_no: str = ""  # on a reissue: the number of the letter this one replaces
    attachment_threshold: int = 5  # more pledged assets than this: the list becomes 附件


@dataclass(frozen=True)
class DisbursementNotice:
    """放款通知书 to the bank, after the pledge is registered."""

    notice_no: str
    issue_date: dt.date
    bank_name: str
    bank_branch: str
    case_no: str
    borrower_name: str
    borrower_uscc: str
    loan_contract_no: str
    guarantee_contract_no: str
    loan_amount: int
    guarantee_amount: int
    term_months: int
    start_date: dt.date | None
    maturity_date: dt.date | None
    registrations: tuple[PledgedAssetLine, ...]  # registration_no filled
    conditions_confirmed: tuple[str, ...]
    counter_guarantee_contract_no: str = ""  # the actual controller's personal guarantee (反担保保证合同)
    guarantee_form: str = "连带责任保证"
    contact_name: str = ""
    contact_phone: str = ""
    pledge_contract_no: str = ""  # the IP pledge counter-guarantee (知识产权质押合同)
    controller_name: str = ""
    cc: tuple[str, ...] = ()
    replaces_no: str = ""
    receipt_working_days: int = 3  # the bank sends the loan receipt within these (rules.deadlines.loan_receipt_working_days)


@dataclass(frozen=True)
class CriterionLine:
    """One access criterion and how the case met it."""

    id: str
    name: str
    outcome: Outcome
    value: str
    threshold: str
    reason: str = ""


@dataclass(frozen=True)
class AmountLine:
    """One figure in the guarantee-amount chain; ``binding`` marks the one that decided it."""

    name: str
    amount: int | None  # None: no limit from this source
    note: str = ""
    binding: bool = False


@dataclass(frozen=True)
class InvestigationReport:
    """调查报告 written by the A and B roles for the committee."""

    report_no: str
    case_no: str
    report_date: dt.date
    company_name: str
    uscc: str
    industry: str
    address: str
    founded_on: dt.date | None
    controller_name: str
    referrer: str
    recommendation_opinion: str
    annual_sales: int
    net_assets_last_year: int
    net_assets_current: int
    existing_bank_loans: int
    requested_amount: int
    term_months: int
    criteria: tuple[CriterionLine, ...]
    justification: str | None
    assets: tuple[PledgedAssetLine, ...]
    amount_chain: tuple[AmountLine, ...]
    guarantee_amount: int
    fee: int
    target_tags: tuple[str, ...]
    a_user_name: str
    a_signed_at: dt.date | None
    b_user_name: str
    b_signed_at: dt.date | None
    opinion: str
    bank_branch: str = ""
    fee_rate_text: str = ""  # e.g. 年费率1.00%
    guarantee_form: str = "连带责任保证"
    main_business: str = ""


@dataclass(frozen=True)
class VoteLine:
    member: str
    vote: Vote
    comment: str = ""


@dataclass(frozen=True)
class CommitteeResolution:
    """保审会决议 for the case file."""

    resolution_no: str
    case_no: str
    meeting_date: dt.date
    borrower_name: str
    bank_branch: str
    guarantee_amount: int
    term_months: int
    members_present: tuple[str, ...]
    votes: tuple[VoteLine, ...]
    decision: Vote
    conditions: tuple[str, ...]
    quorum: int
    required_majority_text: str = "三分之二"
    session_text: str = ""  # e.g. 2026年第15次
    meeting_place: str = ""
    chair_name: str = ""
    recorder_name: str = ""
    loan_amount: int | None = None
    guarantee_form: str = "连带责任保证"


# "comment", "conditions" and "opinion" are labelled once, in ipguard/field_labels.py.
messages.register_fields(
    {
        "letterhead": ("信头", "letterhead"),
        "company_name": ("企业名称", "company name"),
        "borrower_name": ("借款人名称", "borrower's name"),
        "bank_name": ("银行名称", "bank"),
        "bank_branch": ("贷款银行", "lending branch"),
        "owner": ("权利人", "owner"),
        "member": ("委员", "committee member"),
        "conditions_confirmed": ("放款条件", "disbursement conditions"),
        "a_user_name": ("A角调查人", "A-role investigator"),
        "b_user_name": ("B角调查人", "B-role investigator"),
        "members_present": ("出席委员", "members present"),
        "signatory": ("签字人", "signatory"),
        "seal_text": ("盖章说明", "seal note"),
        "telephone": ("电话", "telephone"),
        "referrer": ("推荐单位", "referrer"),
        "cc": ("抄送", "copies to"),
    }
)
