"""From the database to what the monthly report says: meta, summary and row streams.

The SQL lives in :mod:`ipguard.store.repos.reporting`; this module turns its
records into the report's rows (:mod:`ipguard.reports.models`) and applies the
business rules on the way:

- the guarantee amount of an in-force row is the loan amount in force;
- the retained balance is what is left after the bank's share and then the
  re-guarantor's share of the guarantor's part, rounded like a compensation
  split (:func:`retained_balance`);
- the weighted liability (融资担保责任余额) counts the retained balance at the
  regulation's small-micro weight (0.75) when the borrower is small or micro
  and its total in-force balance with the guarantor is at most the cap
  (5,000,000 yuan), else at the standard weight (1.00);
- a disbursed case met the promise when application → loan start took at
  most ``promise_max_days`` calendar days (the product in force at month end);
- a guarantee is 逾期 (overdue) from its default date, or from the day after
  its maturity when it is past maturity and not repaid; its five-class risk
  class follows the product's ``[risk_classification]`` rule;
- the figures are as of the month's end, or of today (:mod:`ipguard.clock`)
  for the current month, which is then marked provisional (临时);
- risk shares and fee rates come only from :func:`ipguard.reports.terms.case_terms`
  and net assets and the leverage class only from :func:`ipguard.reports.terms.net_assets_at`
  and :func:`~ipguard.reports.terms.mainly_small_micro_at`, so a
  closed month can be regenerated with the same figures.

Row streams are :class:`Stream` objects: lazy, re-iterable, with a ``len()``
from a COUNT query so the writer's progress bar has a total.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

from ipguard import clock
from ipguard.domain import IpType
from ipguard.products import Regulation, load_regulation
from ipguard.reports.models import (
    BoardFigures,
    CompensationRow,
    Flows,
    InForceRow,
    MonthlySummary,
    MovementRow,
    RecoveryRow,
    ReportMeta,
    Stock,
    TurnaroundRow,
)
from ipguard.reports.risk import RiskRule, parse_rule
from ipguard.reports.terms import CaseTerms, case_terms, mainly_small_micro_at, net_assets_at
from ipguard.store import Store
from ipguard.store.repos.reporting import InForceRecord, LoanMovementRecord, MonthCounts, PeriodFlows, StockFigures
from ipguard.workdays import WorkCalendar

T = TypeVar("T")
_BP = Decimal(10000)
_IP_ORDER = {t.value: i for i, t in enumerate(IpType)}


class Stream(Generic[T]):
    """A lazy, re-iterable row source with a known length (for progress)."""

    def __init__(self, factory: Callable[[], Iterator[T]], length: int) -> None:
        self._factory = factory
        self._length = length

    def __iter__(self) -> Iterator[T]:
        return self._factory()

    def __len__(self) -> int:
        return self._length


@dataclass(frozen=True)
class MonthlyData:
    """Everything :func:`ipguard.reports.monthly.write_monthly` needs for one month."""

    meta: ReportMeta
    summary: MonthlySummary
    counts: MonthCounts
    in_force: Stream[InForceRow]
    new: Stream[MovementRow]
    released: Stream[MovementRow]
    compensations: Stream[CompensationRow]
    turnaround: Stream[TurnaroundRow]
    promise_days: tuple[int, int]
    board: BoardFigures | None = None
    recoveries: Stream[RecoveryRow] | None = None
    stage_labels: dict[str, str] | None = None


def month_bounds(month: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the month of ``month``."""
    first = month.replace(day=1)
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)


@functools.lru_cache(maxsize=256)
def _labels(types: tuple[str, ...]) -> str:
    known = sorted((t for t in types if t in _IP_ORDER), key=_IP_ORDER.__getitem__)
    return "、".join(IpType(t).label for t in known)


def ip_type_labels(types: Iterable[str]) -> str:
    """("trademark", "invention_patent") -> "发明专利、注册商标" (in IpType order)."""
    return _labels(tuple(types))


def _half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half-up, for non-negative integers (exact, no Decimal)."""
    return (2 * numerator + denominator) // (2 * denominator)


def retained_balance(balance: int, bank_share_bp: int, reguarantor_share_bp: int) -> int:
    """balance × (1 − bank share) × (1 − re-guarantor share), in fen.

    Rounded in two steps exactly like a compensation split
    (:func:`ipguard.workflow.postloan.split_loss`): the bank's part and the
    re-guarantor's part are rounded half-up, the guarantor keeps the rest.
    """
    guarantor_part = balance - _half_up(balance * bank_share_bp, 10000)
    return guarantor_part - _half_up(guarantor_part * reguarantor_share_bp, 10000)


def liability_weight(record: InForceRecord, regulation: Regulation) -> Decimal:
    """The regulatory weight of one in-force guarantee (融资担保责任余额计量办法)."""
    if record.small_micro and record.company_balance <= regulation.small_micro_balance_cap:
        return regulation.small_micro_weight
    return regulation.standard_weight


@functools.lru_cache(maxsize=1024)
def _share(bp: int) -> Decimal:
    return Decimal(bp) / _BP


def weighted(retained: int, weight: Decimal) -> int:
    """retained × weight, rounded half-up to the fen (exact: the weight as a fraction)."""
    num, den = _ratio(weight)
    return _half_up(retained * num, den)


@functools.lru_cache(maxsize=16)
def _ratio(weight: Decimal) -> tuple[int, int]:
    return weight.as_integer_ratio()  # a handful of weights, one per in-force row: computed once each


def overdue_days(defaulted_on: dt.date | None, maturity: dt.date, as_of: dt.date) -> int | None:
    """Days overdue at ``as_of``: since the default (at least 1), else since a passed maturity; None when not overdue."""
    if defaulted_on is not None and defaulted_on <= as_of:
        return max(1, (as_of - defaulted_on).days)
    if maturity < as_of:
        return (as_of - maturity).days
    return None


def in_force_row(r: InForceRecord, as_of: dt.date, regulation: Regulation, rule: RiskRule | None = None,
                 terms: CaseTerms | None = None, tag_labels: dict[str, str] | None = None) -> InForceRow:  # fmt: skip
    """One 在保明细 row from the store's record, as of ``as_of`` (the month end, or today for the current month)."""
    rule = rule or RiskRule()
    terms = terms or CaseTerms(r.bank_share_bp, r.reguarantor_share_bp, r.reguarantor, Decimal(0))
    retained = retained_balance(r.loan_amount, terms.bank_share_bp, terms.reguarantor_share_bp)
    weight = liability_weight(r, regulation)
    overdue = overdue_days(r.defaulted_on, r.maturity_date, as_of)
    to_maturity = (r.maturity_date - as_of).days
    return InForceRow(
        r.case_no, r.company, r.uscc, r.bank, r.account_manager, r.industry, _labels(r.ip_types), r.loan_amount,
        r.loan_amount, r.start_date, r.maturity_date, r.fee, to_maturity if to_maturity >= 0 else None,
        _share(terms.bank_share_bp), _share(terms.reguarantor_share_bp), retained, weighted(retained, weight),
        status="逾期" if overdue else "正常", overdue_days=overdue, risk_class=rule.classify(overdue),
        small_micro=r.small_micro, weight=weight, group=related_group(r), reguarantor=terms.reguarantor,
        annual_fee_rate=terms.annual_fee_rate, target_tags=_tag_labels(r.target_tags, tag_labels or {}),
    )  # fmt: skip


def related_group(r: InForceRecord) -> str:
    """The related-party group of a guarantee: its actual controller, told apart by the ID's last 4 characters.

    Related parties are not recorded yet, so companies with the same actual
    controller stand for a group; the controller's full ID stays out of the report.
    """
    if not r.controller_key:
        return r.company
    return f"{r.controller}（证件尾号{r.controller_key[-4:]}）"


@functools.lru_cache(maxsize=1024)
def _tag_codes(text: str) -> tuple[str, ...]:
    import json

    try:
        codes = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(str(c) for c in codes) if isinstance(codes, list) else ()


def _tag_labels(text: str, labels: dict[str, str]) -> tuple[str, ...]:
    return tuple(labels.get(code, code) for code in _tag_codes(text))


def _new_row(r: LoanMovementRecord) -> MovementRow:
    return MovementRow(r.case_no, r.company, r.bank, r.account_manager, r.amount, r.on, f"到期日 {r.maturity_date:%Y-%m-%d}")


def _released_row(r: LoanMovementRecord) -> MovementRow:
    if r.defaulted_on is not None:
        note = f"逾期后结清（{r.defaulted_on:%Y-%m-%d} 逾期）"
    elif r.on < r.maturity_date:
        note = f"提前结清（到期日 {r.maturity_date:%Y-%m-%d}）"
    else:
        note = "到期结清"
    return MovementRow(r.case_no, r.company, r.bank, r.account_manager, r.amount, r.on, note)


def _flows(r: PeriodFlows) -> Flows:
    return Flows(**{f: getattr(r, f) for f in Flows.__dataclass_fields__})


def _stock(r: StockFigures) -> Stock:
    return Stock(**{f: getattr(r, f) for f in Stock.__dataclass_fields__})


def board_figures(store: Store, first: dt.date, as_of: dt.date, tag_labels: tuple[str, ...] = ()) -> BoardFigures:
    """The 监管报表 comparisons of the month starting ``first``, as of ``as_of``."""
    from ipguard.domain import IpType

    repo = store.repos.reporting
    year_start = first.replace(month=1)
    prev_first, prev_last = month_bounds(first - dt.timedelta(days=1))
    ly_first = first.replace(year=first.year - 1)
    ly_last = month_bounds(ly_first)[1]
    # A provisional month compares with the same days of the other months: day 1 to as_of's day.
    def cut(last: dt.date) -> dt.date:
        return min(last, last.replace(day=min(as_of.day, last.day))) if as_of < month_bounds(first)[1] else last

    labels = {t.value: t.label for t in IpType}
    return BoardFigures(
        month=_flows(repo.period_flows(first, as_of)),
        year_to_date=_flows(repo.period_flows(year_start, as_of)),
        previous_month=_flows(repo.period_flows(prev_first, cut(prev_last))),
        last_year_month=_flows(repo.period_flows(ly_first, cut(ly_last))),
        now=_stock(repo.stock_at(as_of)),
        previous_month_end=_stock(repo.stock_at(prev_last)),
        last_year_month_end=_stock(repo.stock_at(ly_last)),
        year_start=_stock(repo.stock_at(year_start - dt.timedelta(days=1))),
        pledged_assets=tuple((labels.get(p.ip_type, p.ip_type), p.assets, p.cases) for p in repo.pledged_assets(as_of)),
        tag_labels=tag_labels,
    )


def as_of_day(month: dt.date, today: dt.date | None = None) -> dt.date:
    """The day a month's report is as of: its last day, or ``today`` (the clock) while the month runs."""
    last = month_bounds(month)[1]
    today = today or clock.today()
    return min(last, today) if today >= month.replace(day=1) else last


def monthly_data(
    store: Store,
    month: dt.date,
    *,
    generated_at: dt.datetime | None = None,
    regulation: Regulation | None = None,
    calendar: WorkCalendar | None = None,
    today: dt.date | None = None,
) -> MonthlyData:
    """Meta, summary and row streams of ``month`` (any day of it) from ``store``.

    The figures are as of the month's last day, or of ``today`` (default: the
    clock) while the month runs: then the report is provisional, periods end
    today and days overdue count to today. The summary carries the SQL counts
    of the month's movements and of the in-force portfolio; the writer checks
    them against the rows it streams. Read this inside one read transaction
    when others may write meanwhile (see :func:`ipguard.reports.service.monthly_report`).
    """
    from ipguard import catalog
    from ipguard.domain import Stage

    first, month_last = month_bounds(month)
    last = as_of_day(first, today)
    repo = store.repos.reporting
    settings = store.repos.settings
    regulation = regulation or load_regulation()
    calendar = calendar or catalog.calendar(store)
    product = catalog.current_product(store, on=month_last)
    rule = parse_rule(product.raw_text)
    tag_labels = {t.code: t.label for t in product.target_tags}
    deadlines = product.deadlines
    promise = (deadlines.promise_min_days, deadlines.promise_max_days)
    counts = repo.month_counts(first, last)
    head = store.audit_head()
    meta = ReportMeta(
        company_name=str(settings.get("letterhead.company_name")),
        month=first,
        generated_at=generated_at or clock.now().replace(tzinfo=None, microsecond=0),
        audit_head_hash=head.hash,
        audit_count=head.count,
        as_of=last,
    )
    multiple = (
        regulation.total_liability_multiple_small_micro
        if mainly_small_micro_at(store, last)
        else regulation.total_liability_multiple
    )
    summary = MonthlySummary(
        applications=counts.applications, screened_out=counts.screened_out, approved=counts.approved,
        declined=counts.declined, letters_issued=counts.letters_issued,
        guarantor_net_assets=net_assets_at(store, last), recovered_amount=counts.recovered_amount,
        disbursed=counts.disbursed, disbursed_amount=counts.disbursed_amount, released=counts.released,
        released_amount=counts.released_amount, compensated=counts.compensated,
        compensated_amount=counts.compensated_amount, in_force_count=counts.in_force_count,
        in_force_balance=counts.in_force_balance, total_multiple_limit=Decimal(multiple),
        single_client_limit_ratio=regulation.single_client_ratio,
        single_group_limit_ratio=regulation.single_client_ratio_related,
    )  # fmt: skip

    def in_force() -> Iterator[InForceRow]:
        return (in_force_row(r, last, regulation, rule, case_terms(store, r), tag_labels) for r in repo.in_force(last))

    def new() -> Iterator[MovementRow]:
        return (_new_row(r) for r in repo.disbursed(first, last))

    def released() -> Iterator[MovementRow]:
        return (_released_row(r) for r in repo.released(first, last))

    def compensations() -> Iterator[CompensationRow]:
        for r in repo.compensations(first, last):
            status = f"追偿结案（{r.closed_on:%Y-%m-%d}）" if r.closed_on else "追偿中"
            yield CompensationRow(r.case_no, r.company, r.bank, r.paid_on, r.amount, r.bank_share, r.reguarantor_share,
                                  r.retained, r.recovered_to_date, status)  # fmt: skip

    def recoveries() -> Iterator[RecoveryRow]:
        for r in repo.recovery_cases(last):
            closed = r.closed_on is not None
            unrecovered = max(0, r.amount - r.recovered)
            status = f"追偿结案（{r.closed_on:%Y-%m-%d}）" if closed else "追偿中"
            risk = rule.classify_compensated(max(1, (last - r.paid_on).days), closed, unrecovered)
            yield RecoveryRow(r.case_no, r.company, r.bank, r.paid_on, r.amount, r.retained, r.recovered,
                              0 if closed else unrecovered, status, risk)  # fmt: skip

    def turnaround() -> Iterator[TurnaroundRow]:
        for r in repo.turnaround(first, last):
            days = (r.start_date - r.application_date).days
            yield TurnaroundRow(r.case_no, r.company, r.application_date, r.start_date, days,
                                calendar.workdays_between(r.application_date, r.start_date), days <= promise[1])  # fmt: skip

    board = board_figures(store, first, last, tuple(tag_labels.values()))
    return MonthlyData(
        meta=meta,
        summary=summary,
        counts=counts,
        in_force=Stream(in_force, counts.in_force_count),
        new=Stream(new, counts.disbursed),
        released=Stream(released, counts.released),
        compensations=Stream(compensations, counts.compensated),
        turnaround=Stream(turnaround, counts.disbursed),
        promise_days=promise,
        board=board,
        recoveries=Stream(recoveries, board.now.compensated_total and _count(repo.recovery_cases(last))),
        stage_labels={s.value: s.label for s in Stage},
    )


def _count(rows: Iterable[object]) -> int:
    return sum(1 for _ in rows)
