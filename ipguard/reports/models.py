"""What a report says, as plain frozen data: no database, no openpyxl, no Qt.

The queries that fill these objects live elsewhere; the writers in
:mod:`ipguard.reports.monthly` and :mod:`ipguard.reports.case_list` turn them
into workbooks. Money is integer fen, dates are :class:`datetime.date`,
ratios are :class:`~decimal.Decimal` (0.10 means 10%).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


def _first_of_month(value: date | tuple[int, int] | str) -> date:
    """(2026, 11), "2026-11" or any date of the month -> date(2026, 11, 1)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.replace(day=1)
    if isinstance(value, tuple):
        year, month = value
        return date(int(year), int(month), 1)
    if isinstance(value, str):
        year_text, _, month_text = value.strip().partition("-")
        return date(int(year_text), int(month_text), 1)
    raise TypeError(f"month must be a date, (year, month) or 'YYYY-MM', not {type(value).__name__}")


@dataclass(frozen=True)
class ReportMeta:
    """Who the report is for and which month: the title of every sheet.

    ``month`` accepts a date (any day of the month), ``(year, month)`` or
    ``"YYYY-MM"`` and is stored as the first day of the month. The audit chain
    head and entry count are printed at the bottom of the summary so the chain
    can be checked later against a copy held outside the database.
    """

    company_name: str
    month: date
    generated_at: datetime
    audit_head_hash: str = ""
    audit_count: int = 0
    as_of: date | None = None  # the day the figures are as of: the month end, or today for the current month

    def __post_init__(self) -> None:
        object.__setattr__(self, "month", _first_of_month(self.month))
        if self.as_of is None or self.as_of > self.month_end:
            object.__setattr__(self, "as_of", self.month_end)

    @property
    def provisional(self) -> bool:
        """True when the month has not ended at ``as_of``: the figures are 临时 and will change."""
        return self.as_of_day < self.month_end

    @property
    def as_of_day(self) -> date:
        """The day the figures are as of (``as_of`` as settled by ``__post_init__``)."""
        return self.as_of if self.as_of is not None else self.month_end

    @property
    def as_of_label(self) -> str:
        """'数据截至 2026-11-30（月末）' or '数据截至 2026-11-20（本月未结束，临时数据）'."""
        if self.provisional:
            return f"数据截至 {self.as_of:%Y-%m-%d}（本月未结束，临时数据）"
        return f"数据截至 {self.as_of:%Y-%m-%d}（月末）"

    @property
    def month_end(self) -> date:
        """The last day of the report month (the in-force portfolio is as of this day)."""
        nxt = date(self.month.year + self.month.month // 12, self.month.month % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)

    @property
    def month_label(self) -> str:
        """'2026年11月'."""
        return f"{self.month.year}年{self.month.month}月"

    @property
    def report_name(self) -> str:
        """'月度业务报表', or '月度业务报表（临时）' for a month not yet ended."""
        return "月度业务报表（临时）" if self.provisional else "月度业务报表"

    @property
    def title(self) -> str:
        """'<company> 2026年11月 月度业务报表' (with （临时） while the month runs)."""
        return f"{self.company_name} {self.month_label} {self.report_name}"


@dataclass(frozen=True, kw_only=True)
class MonthlySummary:
    """The month's counts and amounts, and the regulatory inputs.

    Fields that the detail rows also determine default to ``None``: the writer
    then computes them from the rows it streams. When the caller gives them
    (from its own queries), the writer checks them against the rows and raises
    ``IpguardError("report_inconsistent")`` on any difference, so the summary
    sheet always equals the sums of the detail sheets.

    - ``disbursed``/``disbursed_amount`` <-> 本月新增 rows;
    - ``released``/``released_amount`` <-> 本月解保 rows;
    - ``compensated``/``compensated_amount`` <-> 代偿及追偿 rows;
    - ``in_force_count``/``in_force_balance`` (sum of guarantee amounts),
      ``retained_exposure`` (sum of retained balances), ``liability_balance``
      (sum of weighted liabilities, 融资担保责任余额) <-> 在保明细 rows;
    - ``largest_client_name``/``largest_client_balance``: the client (by credit
      code) with the largest summed weighted liability among in-force rows.
    """

    applications: int
    screened_out: int
    approved: int
    declined: int
    letters_issued: int
    guarantor_net_assets: int
    recovered_amount: int = 0
    disbursed: int | None = None
    disbursed_amount: int | None = None
    released: int | None = None
    released_amount: int | None = None
    compensated: int | None = None
    compensated_amount: int | None = None
    in_force_count: int | None = None
    in_force_balance: int | None = None
    retained_exposure: int | None = None
    liability_balance: int | None = None
    total_multiple_limit: Decimal = Decimal(10)
    largest_client_name: str | None = None
    largest_client_balance: int | None = None
    single_client_limit_ratio: Decimal = Decimal("0.10")
    single_group_limit_ratio: Decimal = Decimal("0.15")  # a client with its related parties


@dataclass(slots=True)
class InForceRow:
    """One guarantee in force at month end (在保明细).

    Slotted and not frozen, unlike its neighbours: a report makes one per
    guarantee in force, and a frozen dataclass's ``__init__`` (a guarded
    ``object.__setattr__`` per field) takes 9× as long. Treat it as read-only.
    """

    case_no: str
    company: str
    uscc: str
    bank: str
    account_manager: str
    industry: str
    ip_types: str  # e.g. "发明专利、注册商标"; split on 、,，/;； for the IP-type breakdown
    guarantee_amount: int  # the in-force balance of this guarantee
    loan_amount: int
    loan_start: date
    maturity: date
    fee: int
    days_to_maturity: int | None  # None once past maturity (then the status says 逾期)
    bank_share: Decimal
    reguarantor_share: Decimal
    retained_balance: int
    weighted_liability: int
    status: str = "正常"  # 正常 / 逾期
    overdue_days: int | None = None
    risk_class: str = "正常"  # 正常 / 关注 / 次级 / 可疑 / 损失
    small_micro: bool = True
    weight: Decimal = Decimal("1.00")  # the regulatory weight applied to the retained balance
    group: str = ""  # related-party group: the actual controller (until related parties are recorded)
    reguarantor: str = ""
    annual_fee_rate: Decimal = Decimal(0)
    target_tags: tuple[str, ...] = ()  # labels of the 三最七高 tags ticked


@dataclass(frozen=True)
class RecoveryRow:
    """A compensated guarantee and its recovery to date (追偿台账, a stock up to the as-of day)."""

    case_no: str
    company: str
    bank: str
    compensation_date: date
    compensation_amount: int
    retained_amount: int
    recovered_to_date: int
    receivable: int  # compensation paid − recovered, 0 once closed
    status: str
    risk_class: str


@dataclass(frozen=True)
class Flows:
    """A period's flows (money in fen): see :class:`ipguard.store.repos.reporting.PeriodFlows`."""

    disbursed: int = 0
    disbursed_amount: int = 0
    new_clients: int = 0
    first_time_clients: int = 0
    released: int = 0
    released_amount: int = 0
    defaulted: int = 0
    defaulted_amount: int = 0
    compensated: int = 0
    compensated_amount: int = 0
    recovered_amount: int = 0
    fee_income: int = 0
    registrations: int = 0
    registration_days: tuple[int, ...] = ()


@dataclass(frozen=True)
class Stock:
    """The portfolio on one day (money in fen)."""

    in_force: int = 0
    balance: int = 0
    clients: int = 0
    overdue: int = 0
    overdue_balance: int = 0
    compensated_total: int = 0
    recovered_total: int = 0
    receivable: int = 0
    stages: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class BoardFigures:
    """Comparisons for the regulator's and board's sheet (监管报表).

    Flows: this month, the year to date, the previous month (环比) and the same
    month a year before (同比). Stocks: at the as-of day, the previous month's
    end, the same month's end a year before, and the year's start (年初数 = the
    previous 31 December). ``pledged_assets``: (IP type label, assets, cases)
    registered on guarantees in force at the as-of day.
    """

    month: Flows = Flows()
    year_to_date: Flows = Flows()
    previous_month: Flows = Flows()
    last_year_month: Flows = Flows()
    now: Stock = Stock()
    previous_month_end: Stock = Stock()
    last_year_month_end: Stock = Stock()
    year_start: Stock = Stock()
    pledged_assets: tuple[tuple[str, int, int], ...] = ()
    tag_labels: tuple[str, ...] = ()  # the product's 三最七高 tags, in its order (counted even when none is ticked)


@dataclass(frozen=True)
class MovementRow:
    """A guarantee that started (本月新增) or was released (本月解保) in the month."""

    case_no: str
    company: str
    bank: str
    account_manager: str
    amount: int
    date: date
    note: str = ""


@dataclass(frozen=True)
class CompensationRow:
    """A compensation paid (代偿) and what has been recovered so far (追偿)."""

    case_no: str
    company: str
    bank: str
    compensation_date: date
    compensation_amount: int
    bank_share_amount: int
    reguarantor_share_amount: int
    retained_amount: int
    recovered_to_date: int
    status: str


@dataclass(frozen=True)
class TurnaroundRow:
    """Application to disbursement for one case disbursed in the month."""

    case_no: str
    company: str
    application_date: date
    disbursed_on: date
    calendar_days: int
    working_days: int
    met_promise: bool


@dataclass(frozen=True)
class CaseListRow:
    """One case in an exported list (whatever the user filtered)."""

    case_no: str
    company: str
    uscc: str
    stage_label: str
    bank: str
    account_manager: str
    requested_amount: int
    guarantee_amount: int | None
    application_date: date
    updated_at: datetime
    ip_types: str = ""
    industry: str = ""
    disbursed_on: date | None = None
    maturity: date | None = None
