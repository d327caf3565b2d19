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
  most ``promise_max_days`` calendar days (the product in force at month end).

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
    CompensationRow,
    InForceRow,
    MonthlySummary,
    MovementRow,
    ReportMeta,
    TurnaroundRow,
)
from ipguard.store import Store
from ipguard.store.repos.reporting import InForceRecord, LoanMovementRecord, MonthCounts
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
    num, den = weight.as_integer_ratio()
    return _half_up(retained * num, den)


def in_force_row(r: InForceRecord, month_end: dt.date, regulation: Regulation) -> InForceRow:
    """One 在保明细 row from the store's record."""
    retained = retained_balance(r.loan_amount, r.bank_share_bp, r.reguarantor_share_bp)
    return InForceRow(
        r.case_no, r.company, r.uscc, r.bank, r.account_manager, r.industry, _labels(r.ip_types), r.loan_amount,
        r.loan_amount, r.start_date, r.maturity_date, r.fee, (r.maturity_date - month_end).days, _share(r.bank_share_bp),
        _share(r.reguarantor_share_bp), retained, weighted(retained, liability_weight(r, regulation)),
    )  # fmt: skip


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


def monthly_data(
    store: Store,
    month: dt.date,
    *,
    generated_at: dt.datetime | None = None,
    regulation: Regulation | None = None,
    calendar: WorkCalendar | None = None,
) -> MonthlyData:
    """Meta, summary and row streams of ``month`` (any day of it) from ``store``.

    The summary carries the SQL counts of the month's movements and of the
    in-force portfolio; the writer checks them against the rows it streams.
    Read this inside one read transaction when others may write meanwhile
    (see :func:`ipguard.reports.service.monthly_report`).
    """
    from ipguard import catalog

    first, last = month_bounds(month)
    repo = store.repos.reporting
    settings = store.repos.settings
    regulation = regulation or load_regulation()
    calendar = calendar or catalog.calendar(store)
    deadlines = catalog.current_product(store, on=last).deadlines
    promise = (deadlines.promise_min_days, deadlines.promise_max_days)
    counts = repo.month_counts(first, last)
    head = store.audit_head()
    meta = ReportMeta(
        company_name=str(settings.get("letterhead.company_name")),
        month=first,
        generated_at=generated_at or clock.now().replace(tzinfo=None, microsecond=0),
        audit_head_hash=head.hash,
        audit_count=head.count,
    )
    multiple = (
        regulation.total_liability_multiple_small_micro
        if settings.get("guarantor.mainly_small_micro")
        else regulation.total_liability_multiple
    )
    summary = MonthlySummary(
        applications=counts.applications, screened_out=counts.screened_out, approved=counts.approved,
        declined=counts.declined, letters_issued=counts.letters_issued,
        guarantor_net_assets=int(settings.get("guarantor.net_assets_fen")), recovered_amount=counts.recovered_amount,
        disbursed=counts.disbursed, disbursed_amount=counts.disbursed_amount, released=counts.released,
        released_amount=counts.released_amount, compensated=counts.compensated,
        compensated_amount=counts.compensated_amount, in_force_count=counts.in_force_count,
        in_force_balance=counts.in_force_balance, total_multiple_limit=Decimal(multiple),
        single_client_limit_ratio=regulation.single_client_ratio,
    )  # fmt: skip

    def in_force() -> Iterator[InForceRow]:
        return (in_force_row(r, last, regulation) for r in repo.in_force(last))

    def new() -> Iterator[MovementRow]:
        return (_new_row(r) for r in repo.disbursed(first, last))

    def released() -> Iterator[MovementRow]:
        return (_released_row(r) for r in repo.released(first, last))

    def compensations() -> Iterator[CompensationRow]:
        for r in repo.compensations(first, last):
            status = f"追偿结案（{r.closed_on:%Y-%m-%d}）" if r.closed_on else "追偿中"
            yield CompensationRow(r.case_no, r.company, r.bank, r.paid_on, r.amount, r.bank_share, r.reguarantor_share,
                                  r.retained, r.recovered_to_date, status)  # fmt: skip

    def turnaround() -> Iterator[TurnaroundRow]:
        for r in repo.turnaround(first, last):
            days = (r.start_date - r.application_date).days
            yield TurnaroundRow(r.case_no, r.company, r.application_date, r.start_date, days,
                                calendar.workdays_between(r.application_date, r.start_date), days <= promise[1])  # fmt: skip

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
    )
